/**
 * A strategic merge patch's directive, `$patch:` in a mapping (kustomize's): `replace` renders the mapping as the
 * patch writes it, nothing of the resource's; `delete` removes it from the resource, with whatever the patch writes
 * beside the directive (kubectl kustomize v5.5.0 renders `image: {$patch: delete, tag: 6.1.0}` as no `image` at all,
 * a Deployment's containers list item so marked as no such container). The directive itself is never rendered. A key
 * whose value is YAML's null is deleted from the resource so too (deletesKey).
 */
import type { Editor } from "./plan.js";
import { mapValue, scalarText, type YamlNode } from "./node.js";
import type { PathSegment } from "./path.js";
import { readsAsNull } from "./quoting.js";
import { forEachValue } from "./walk.js";

/** The directive's key. */
export const DIRECTIVE = "$patch";

/**
 * The directive the mapping `node` at `path` in the document `root` writes of itself (`replace`, `delete`, `merge`), as
 * kustomize honours it. In a list item, or anywhere inside one, only where kustomize knows the list's merge key, a
 * built-in kind's (`containers` by `name`): a custom resource's list (an Argo Rollout's containers, a HelmRelease values
 * list) is replaced by the patch's whole, so kubectl kustomize renders the item as written, `$patch: delete` and its
 * image included, and a mapping so marked deeper inside it (`sidecars: [{image: {$patch: delete, …}}]`) too.
 */
export function directiveOf(root: YamlNode | null, node: YamlNode, path: readonly PathSegment[]): string | undefined {
  if (node.kind !== "map") return undefined;
  if (inCustomList(root, path)) return undefined;
  return scalarText(mapValue(node, DIRECTIVE));
}

/**
 * Whether the scalar `node` at `path` in the document `root` deletes its key from the resource, as kustomize's strategic
 * merge reads YAML's null (`tag: null`, `~`, `Null`, nothing written; not `'null'` nor `!!str null`): kubectl kustomize
 * renders `image: {tag: null}` over a base's `{repository, tag}` as the pair without its tag, in a custom resource's
 * mapping too (a HelmRelease's values). Not in a list item of a custom resource, whose list kustomize renders as the
 * patch writes it, the null included.
 */
export function deletesKey(root: YamlNode | null, node: YamlNode, path: readonly PathSegment[]): boolean {
  if (node.kind !== "scalar" || !readsAsNull(node) || path.length === 0) return false;
  return !inCustomList(root, path);
}

/** Whether `path` is in a list of a custom resource (not a built-in kind's), which kustomize renders as the patch writes it, directives and nulls included. */
function inCustomList(root: YamlNode | null, path: readonly PathSegment[]): boolean {
  return path.some((segment) => typeof segment === "number") && !mergesListItems(root);
}

/**
 * Whether kustomize's strategic merge merges the patch's list items over the resource's, item by item, in the document
 * `root`: in a built-in kind's lists, of a Kubernetes API group (`v1`, `apps/v1`, `*.k8s.io`), whose merge keys it knows
 * (`containers` by `name`). A custom resource's list (a HelmRelease's values list) is replaced by the patch's whole:
 * kubectl kustomize renders none of the resource's items.
 */
export function mergesListItems(root: YamlNode | null): boolean {
  const apiVersion = root?.kind === "map" ? scalarText(mapValue(root, "apiVersion")) : undefined;
  if (apiVersion === undefined) return false;
  const slash = apiVersion.lastIndexOf("/");
  const group = slash < 0 ? "" : apiVersion.slice(0, slash);
  return !group.includes(".") || group.endsWith(".k8s.io");
}

/**
 * Claims every value under a mapping that `$patch: delete` removes, for the editors to leave: kustomize deploys
 * none of it, so a version written there is no version of anything deployed. Runs before every editor, the
 * markers' too: a Flux setter marker there sets nothing.
 */
export const leaveDeleted: Editor = (file, _request, plan) => {
  for (const { root } of file.documents) {
    forEachValue(root, ({ node, path }) => {
      if (directiveOf(root, node, path) === "delete") forEachValue(node, (within) => plan.claim(within.node));
    });
  }
};
