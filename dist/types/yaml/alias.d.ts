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
