/**
 * Helm values pairs: a mapping with `repository` (+ optional `registry`) and `tag`
 * (+ optional `digest`) siblings whose registry/repository is an incoming repository,
 * at any depth, so also in a HelmRelease's `spec.values`.
 */
import { normalizeRepository } from "../image/reference.js";
import { byRepository, nextVersion, versionOf } from "../image/update.js";
import { isFlowScalar, mapValue, scalarText } from "./node.js";
import { formatPath } from "./path.js";
import type { Editor } from "./plan.js";
import { forEachValue } from "./walk.js";

export const editHelmValues: Editor = (file, request, plan) => {
  const incoming = byRepository(request.images);
  if (incoming.size === 0) return;
  for (const document of file.documents) {
    forEachValue(document.root, ({ node, path, inFlow }) => {
      if (node.kind !== "map") return;
      const repository = mapValue(node, "repository");
      const registry = mapValue(node, "registry");
      const tag = mapValue(node, "tag");
      const digest = mapValue(node, "digest");
      if (!isFlowScalar(repository) || !isFlowScalar(tag) || (digest !== undefined && !isFlowScalar(digest))) return;
      // A marked field belongs to its marker; so does the rest of its mapping.
      if ([repository, registry, tag, digest].some((field) => plan.isClaimed(field))) return;
      const registryText = scalarText(registry);
      const name = registryText ? `${registryText}/${repository.text}` : repository.text;
      const update = incoming.get(normalizeRepository(name) ?? "");
      if (!update) return;
      const next = nextVersion(update, versionOf(tag.text, scalarText(digest)));
      if (!next) return;
      const flow = inFlow || node.flow;
      if (next.tag !== undefined) plan.setScalar(tag, next.tag, flow, { kind: "helm", key: formatPath([...path, "tag"]), document });
      // A dropped digest is emptied; charts treat an empty digest as none.
      if (digest) plan.setScalar(digest, next.digest ?? "", flow, { kind: "helm", key: formatPath([...path, "digest"]), document });
    });
  }
};
