/**
 * The merge key (`<<: *name`, `<<: [*a, *b]`, `<<: {...}`): it gives a mapping the keys it does not
 * write itself, and such a key is read where it is written (mergedValue). The editors read a mapping's
 * fields through it (fieldsOf); who reads a mapping's field through it is readers.ts's question (mergedHolder).
 */
import { type Placed } from "./alias.js";
import type { YamlFile } from "./file.js";
import { type MapNode, type YamlNode } from "./node.js";
import type { PathSegment } from "./path.js";
/** Whether `key` is the merge key: `<<` written plain (a quoted "<<" is an ordinary key). */
export declare function isMergeKey(key: YamlNode): boolean;
/** Whether `map` has a merge key. */
export declare function hasMergeKey(map: MapNode): boolean;
/**
 * How a key a mapping takes from its merge key is named, by the editors' warnings and `--set`'s errors alike:
 * `its tag is merged (<<) from x-defaults.tag (line 3), which every mapping merging it shares`.
 */
export declare function mergedFromWords(key: string, from: string, line: number): string;
/** What a merged field is to the mappings that merge it: theirs alike. */
export declare const MERGE_SHARED = "which every mapping merging it shares";
/**
 * The value `key` of `map` (at `path`) takes from its merge key, where it is written, as YAML's merge
 * reads it: from the first mapping merged that has it, each with what it merges itself. Undefined when
 * no merge brings it (`map`'s own `key`, which wins over a merged one, is not read here).
 */
export declare function mergedValue(file: YamlFile, root: YamlNode | null, map: MapNode, path: readonly PathSegment[], key: string): Placed | undefined;
/**
 * The mapping whose own pair of `key` `map` reads, itself or one its merge key brings, were `adding` (a mapping
 * that has no such pair yet) given one: what a field added there would reach. Undefined when none has it. Each
 * call's answers are kept for the next (a chain is read once), so a caller asks one function for every mapping.
 */
export declare function mergedHolder(file: YamlFile, root: YamlNode | null, key: string, adding?: MapNode): (map: MapNode) => MapNode | undefined;
/** The mappings `map` merges (`<<: *a`, `<<: [*a, *b]`, `<<: {...}`), in the order YAML reads them, each with its path: from the root, or (`fromMap`) from `map`'s own. */
export declare function mergeSources(file: YamlFile, root: YamlNode | null, map: MapNode): {
    readonly node: MapNode;
    readonly path: readonly PathSegment[];
    readonly fromMap: boolean;
}[];
/** A field of a mapping as YAML reads it: its value node, the path a change names it by, and whether it is inside a flow collection. */
export interface MappingField {
    readonly node: YamlNode | null;
    readonly path: readonly PathSegment[];
    readonly inFlow: boolean;
    /** Taken from a merge key (`<<: *img`): `path` is where it is written, shared by every mapping merging it; never written for this one. */
    readonly merged?: boolean;
}
/** How `map` (at `path`, `inFlow` when inside a flow collection) reads a field: its own, else the one its merge key brings. */
export declare function fieldsOf(file: YamlFile, root: YamlNode | null, map: MapNode, path: readonly PathSegment[], inFlow: boolean): (key: string) => MappingField | undefined;
