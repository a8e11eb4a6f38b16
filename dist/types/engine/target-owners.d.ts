/**
 * Which configured target owns a file (the first whose paths match it) and by which of its paths,
 * found without testing every target's globs on every file: a config with a target per cluster
 * has hundreds, and a run asks for the owner of every file several times.
 */
import type { Target } from "./config.js";
/** One configured target path: the glob at `index` of the target's `paths`, the target at `rank` among all configured. */
export interface TargetPath {
    readonly target: Target;
    readonly rank: number;
    readonly index: number;
    readonly matches: (path: string) => boolean;
}
/** The target a file belongs to, and those of its paths that match the file (one at least), in order. */
export interface Ownership {
    readonly target: Target;
    readonly rank: number;
    readonly paths: readonly TargetPath[];
}
export interface TargetOwners {
    /** A configured target's paths, in order. */
    readonly pathsOf: (target: Target) => readonly TargetPath[];
    /** The file's owner, remembered per file. */
    readonly ownerOf: (file: string) => Ownership | undefined;
    /** The target paths that may match the file, in configured order: none left out matches it. */
    readonly mayMatch: (file: string) => readonly TargetPath[];
}
/** The owners among `targets`, all configured, in order: the first whose paths match a file owns it. */
export declare function targetOwners(targets: readonly Target[]): TargetOwners;
