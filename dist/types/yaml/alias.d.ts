/**
 * Where an alias's value is written. The editors never follow an alias (`*name`): the anchored
 * value is edited where it is written, so a field that is an alias is named with its anchor.
 * Each file's anchors and each document's values are indexed once, on the first alias asked
 * about: a file of thousands of aliases is read in linear time.
 */
import type { YamlFile } from "./file.js";
import type { AliasNode, YamlNode } from "./node.js";
import type { PathSegment } from "./path.js";
/** The alias's anchor `&name` and its offset: the last `&name` before the alias; undefined when not found. */
export declare function anchorOf(file: YamlFile, alias: AliasNode): {
    readonly name: string;
    readonly at: number;
} | undefined;
type Placed = {
    readonly node: YamlNode;
    readonly path: readonly PathSegment[];
};
/** The value an alias stands for, with its path in `root`: the node written right after the anchor (both parsers start it there). */
export declare function anchoredValue(file: YamlFile, root: YamlNode | null, alias: AliasNode): Placed | undefined;
export {};
