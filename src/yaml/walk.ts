/**
 * Depth-first walk over the value nodes of a document (the root, every mapping value and
 * every list item, never keys), in document order, with each node's path. Aliases are
 * visited as aliases, not followed: an anchor's value is edited where it is written.
 */
import { isMap, isSeq } from "yaml";
import type { ParsedNode } from "yaml";
import { scalarText } from "./file.js";
import type { PathSegment } from "./path.js";

export interface NodeVisit {
  readonly node: ParsedNode;
  readonly path: readonly PathSegment[];
  /** Inside a flow collection (`{...}`, `[...]`), where `,[]{}` end a plain scalar. */
  readonly inFlow: boolean;
}

export function forEachValue(root: ParsedNode | null, visit: (at: NodeVisit) => void): void {
  if (root) walk(root, [], false, visit);
}

function walk(node: ParsedNode, path: PathSegment[], inFlow: boolean, visit: (at: NodeVisit) => void): void {
  visit({ node, path, inFlow });
  if (isMap(node)) {
    const flow = inFlow || node.flow === true;
    for (const pair of node.items) {
      const key = scalarText(pair.key);
      // A pair without a scalar key (complex key) has no path to name it by.
      if (key !== undefined && pair.value) walk(pair.value as ParsedNode, [...path, key], flow, visit);
    }
  } else if (isSeq(node)) {
    const flow = inFlow || node.flow === true;
    node.items.forEach((item, index) => walk(item as ParsedNode, [...path, index], flow, visit));
  }
}
