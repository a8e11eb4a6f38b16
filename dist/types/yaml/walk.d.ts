/**
 * Depth-first walk over the value nodes of a document (the root, every mapping value and
 * every list item, never keys), in document order, with each node's path. Aliases are
 * visited as aliases, not followed: an anchor's value is edited where it is written.
 */
import { type YamlNode } from "./node.js";
import type { PathSegment } from "./path.js";
export interface NodeVisit {
    readonly node: YamlNode;
    readonly path: readonly PathSegment[];
    /** Inside a flow collection (`{...}`, `[...]`), where `,[]{}` end a plain scalar. */
    readonly inFlow: boolean;
}
/**
 * Visits each value before what it holds; `childrenFirst`, after: a mapping merging an anchor written inside it
 * (`<<: *defaults` beside `defaults: &defaults`, or `<<: {...}`) then comes after what it merges, as every
 * mapping merging an anchor written before it does.
 */
export declare function forEachValue(root: YamlNode | null, visit: (at: NodeVisit) => void, childrenFirst?: boolean): void;
