import { type Change, type Warning } from "../change.js";
import { type TreeSource } from "./source.js";
/** A `-O` spec kept where KCL reads it as it renders a package: the path it sets a string at, as written, and its line. */
export interface KeptSpec {
    /** specSetting's: a spec that sets a string, not a delete. */
    readonly path: string;
    readonly spec: string;
    readonly line: number;
}
/** One KCLRun, as a build of the KCL files of its directory. */
export interface KclRun {
    /** The directory of the tree whose package it runs ("" for the tree's root); undefined for one outside the tree. */
    readonly directory: string | undefined;
    /** `namespace/name`, as a message names it. */
    readonly name: string;
    /** Its `spec.config.overrides` that set a string. */
    readonly specs: readonly KeptSpec[];
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
/** A file a run changed, as the plan has it. */
interface Changed {
    readonly path: string;
    readonly after: string;
    readonly changes: readonly Change[];
}
/**
 * Where an override of a KCL file (a `--set`, a configured override) writes a string that a spec kept for the
 * file's package also sets (review kcl18 S4): its directory's kcl.mod `[profile] overrides`, or the
 * `spec.config.overrides` of a KCLRun building it (of the YAML `texts` read). KCL applies those over the file
 * as it renders, so what the override wrote is not what deploys while the spec stays: said at its change,
 * naming each such spec and where it is. A kcl.mod not read yet is read from `source`; one that cannot be read is no news here.
 */
export declare function keptSpecsOver(planned: readonly Changed[], texts: ReadonlyMap<string, string>, treeRoot: string, source: TreeSource, present: ReadonlySet<string>): Promise<Warning[]>;
export {};
