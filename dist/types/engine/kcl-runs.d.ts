/** One KCLRun, as a build of the KCL files of its directory. */
export interface KclRun {
    /** The directory of the tree whose package it runs ("" for the tree's root); undefined for one outside the tree. */
    readonly directory: string | undefined;
    /** The paths its `-O` specs set (specSetting's: not a delete), as written. */
    readonly paths: readonly string[];
}
/** Cheap byte screen before any parse: every KCLRun names its API group. */
export declare function mayHoldKclRun(text: string): boolean;
/** The KCLRuns of a YAML text; none in one that does not parse. `treeRoot` is where the tree read sits in its repository. */
export declare function kclRunsIn(text: string, treeRoot: string): KclRun[];
/**
 * The lines of the KCL file at `path` (its text `text`) holding a string that every KCLRun building the
 * file sets by a spec; none when no KCLRun builds it. A KCLRun builds the `.k` files directly in its
 * directory, its package's own (a kcl.mod's entries elsewhere are not followed; a `_test.k` file is no
 * part of it). Each spec path is applied as KCL applies it (override.ts), with a value of its own, to
 * learn which strings it reaches.
 */
export declare function setByEveryKclRun(runs: readonly KclRun[], path: string, text: string): ReadonlySet<number>;
