/**
 * Depth-first walk over the value nodes of a document (the root, every mapping value and
 * every list item, never keys), in document order, with each node's path. Aliases are
 * visited as aliases, not followed: an anchor's value is edited where it is written.
 */
import { scalarText, type YamlNode } from "./node.js";
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
export function forEachValue(root: YamlNode | null, visit: (at: NodeVisit) => void, childrenFirst = false): void {
  if (root) walk(root, [], false, visit, childrenFirst);
}

function walk(node: YamlNode, path: PathSegment[], inFlow: boolean, visit: (at: NodeVisit) => void, childrenFirst: boolean): void {
  if (!childrenFirst) visit({ node, path, inFlow });
  if (node.kind === "map") {
    const flow = inFlow || node.flow;
    for (const pair of node.pairs) {
      const key = scalarText(pair.key);
      // A pair without a scalar key (complex key) has no path to name it by.
      if (key !== undefined && pair.value) walk(pair.value, [...path, key], flow, visit, childrenFirst);
    }
  } else if (node.kind === "seq") {
    const flow = inFlow || node.flow;
    const { items } = node;
    for (let index = 0; index < items.length; index++) walk(items[index]!, [...path, index], flow, visit, childrenFirst);
  }
  if (childrenFirst) visit({ node, path, inFlow });
}
