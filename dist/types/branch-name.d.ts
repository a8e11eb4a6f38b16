/** Whether text names a git branch: the configuration's `delivery.branch`, the Action's `branch` and `pr-branch` inputs. */
/** git check-ref-format's rules for a branch name, briefly. */
export declare function isBranchName(name: string): boolean;
