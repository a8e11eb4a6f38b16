import type { ParsedNode } from "yaml";
import type { PathSegment } from "./path.js";
export interface NodeVisit {
    readonly node: ParsedNode;
    readonly path: readonly PathSegment[];
    /** Inside a flow collection (`{...}`, `[...]`), where `,[]{}` end a plain scalar. */
    readonly inFlow: boolean;
}
export declare function forEachValue(root: ParsedNode | null, visit: (at: NodeVisit) => void): void;
