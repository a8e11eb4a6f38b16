/**
 * A strategic merge patch's directive, `$patch:` in a mapping (kustomize's): `replace` renders the mapping as the
 * patch writes it, nothing of the resource's; `delete` removes it from the resource, with whatever the patch writes
 * beside the directive (kubectl kustomize v5.5.0 renders `image: {$patch: delete, tag: 6.1.0}` as no `image` at all,
 * a containers list item so marked as no such container). The directive itself is never rendered.
 */
import type { Editor } from "./plan.js";
import { mapValue, scalarText, type YamlNode } from "./node.js";
import { forEachValue } from "./walk.js";

/** The directive's key. */
export const DIRECTIVE = "$patch";

/** The directive `node` writes of itself (`replace`, `delete`, `merge`), if it is a mapping writing one. */
export function directiveOf(node: YamlNode | null): string | undefined {
  return node?.kind === "map" ? scalarText(mapValue(node, DIRECTIVE)) : undefined;
}

/**
 * Claims every value under a mapping that `$patch: delete` removes, for the editors to leave: kustomize deploys
 * none of it, so a version written there is no version of anything deployed. Runs before every editor.
 */
export const leaveDeleted: Editor = (file, _request, plan) => {
  for (const { root } of file.documents) {
    forEachValue(root, ({ node }) => {
      if (directiveOf(node) === "delete") forEachValue(node, (within) => plan.claim(within.node));
    });
  }
};
