/** Whether text names a git branch: the configuration's `delivery.branch`, the Action's `branch` and `pr-branch` inputs. */

/** git check-ref-format's rules for a branch name, briefly. */
export function isBranchName(name: string): boolean {
  const control = Array.from(name).some((ch) => ch.charCodeAt(0) < 0x20 || ch === "\u007f");
  return !control && !/[\s~^:?*[\\]|\.\.|\/\/|@\{|^\/|\/$|\.$|\.lock$|^-/.test(name) && name !== "@";
}
