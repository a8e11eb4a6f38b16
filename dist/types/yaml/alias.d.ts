import type { YamlFile } from "./file.js";
import type { AliasNode, ScalarNode, YamlNode } from "./node.js";
import { type PathSegment } from "./path.js";
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
/** The scalar `node` is, or the one it is an alias of, as a reader of its text sees it; undefined for anything else. */
export declare function scalarOf(file: YamlFile, root: YamlNode | null, node: YamlNode): ScalarNode | undefined;
/**
 * How the field an alias stands for is named where a message says to set it, by `--set`'s errors and the
 * image editor's warnings alike: `x-defaults.tag (line 3), which every alias of &img follows`.
 */
export declare function aliasedFieldWords(path: readonly PathSegment[], line: number, anchor: string): string;
