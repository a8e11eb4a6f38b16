import type { YamlFile } from "./file.js";
import type { AliasNode, MapNode, YamlNode } from "./node.js";
import type { PathSegment } from "./path.js";
/** The alias's anchor `&name` and its offset: the last `&name` before the alias; undefined when not found. */
export declare function anchorOf(file: YamlFile, alias: AliasNode): {
    readonly name: string;
    readonly at: number;
} | undefined;
/** A value and its path in the document: where it is written. */
export type Placed = {
    readonly node: YamlNode;
    readonly path: readonly PathSegment[];
};
/** The value an alias stands for, with its path in `root`: the node written right after the anchor (both parsers start it there). */
export declare function anchoredValue(file: YamlFile, root: YamlNode | null, alias: AliasNode): Placed | undefined;
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
