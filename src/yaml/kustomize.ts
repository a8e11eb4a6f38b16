/**
 * kustomization `images:` entries (`name`, `newName`, `newTag`, `digest`): an entry whose
 * `newName`, else `name`, is an incoming repository gets the new tag and digest, added as
 * new lines at the entry's indentation when the entry does not have them yet. Also the
 * same list in a Flux Kustomization's `spec.images`.
 */
import { normalizeRepository } from "../image/reference.js";
import { nextVersion, versionOf } from "../image/update.js";
import type { YamlDocument } from "./file.js";
import { byRepository } from "./incoming.js";
import { isFlowScalar, mapValue, scalarText, type YamlNode } from "./node.js";
import { formatPath } from "./path.js";
import type { PathSegment } from "./path.js";
import type { Editor } from "./plan.js";

/** Fields of a kustomization that Helm values or other plain YAML hardly ever have. */
const KUSTOMIZATION_FIELDS = new Set([
  "resources",
  "bases",
  "components",
  "patches",
  "patchesStrategicMerge",
  "patchesJson6902",
  "configMapGenerator",
  "secretGenerator",
  "helmCharts",
  "generators",
  "transformers",
  "replacements",
  "namePrefix",
  "nameSuffix",
  "commonLabels",
  "commonAnnotations",
]);

/** An `images:` entry's fields that only kustomize has. */
const KUSTOMIZE_IMAGE_FIELDS = ["newName", "newTag", "digest"];

/**
 * A document without apiVersion and kind is a kustomization.yaml when it has a kustomization
 * field or kustomize's image fields; a Helm values file's `images: [{name: ...}]` is not one.
 */
function looksLikeKustomization(root: YamlNode | null): boolean {
  if (root?.kind !== "map") return false;
  if (root.pairs.some((pair) => KUSTOMIZATION_FIELDS.has(scalarText(pair.key) ?? ""))) return true;
  const images = mapValue(root, "images");
  return (
    images?.kind === "seq" && images.items.some((entry) => entry.kind === "map" && KUSTOMIZE_IMAGE_FIELDS.some((key) => mapValue(entry, key) !== undefined))
  );
}

/**
 * Where a document keeps its image overrides: `images` in a kustomize Kustomization (a
 * kustomization.yaml may omit apiVersion and kind), `spec.images` in a Flux Kustomization.
 */
function imagesPath(document: YamlDocument): PathSegment[] | undefined {
  const { apiVersion, kind } = document.object;
  if (kind === undefined && apiVersion === undefined) return looksLikeKustomization(document.root) ? ["images"] : undefined;
  if (kind !== "Kustomization") return undefined;
  if (apiVersion === undefined || apiVersion.startsWith("kustomize.config.k8s.io/")) return ["images"];
  if (apiVersion.startsWith("kustomize.toolkit.fluxcd.io/")) return ["spec", "images"];
  return undefined;
}

/** A kustomize or Flux Kustomization document. */
export function isKustomization(document: YamlDocument): boolean {
  return document.object.kind === "Kustomization" && imagesPath(document) !== undefined;
}

function listAt(root: YamlNode | null, path: readonly PathSegment[]): YamlNode | null | undefined {
  return path.reduce<YamlNode | null | undefined>((node, key) => (node?.kind === "map" ? mapValue(node, String(key)) : undefined), root);
}

export const editKustomizeImages: Editor = (file, request, plan) => {
  const incoming = byRepository(request.images);
  if (incoming.size === 0) return;
  for (const document of file.documents) {
    const path = imagesPath(document);
    const list = path && listAt(document.root, path);
    if (!path || list?.kind !== "seq") continue;
    list.items.forEach((entry, index) => {
      if (entry.kind !== "map") return;
      const field = (key: string) => mapValue(entry, key);
      const fields = ["name", ...KUSTOMIZE_IMAGE_FIELDS].map(field);
      // A marked field belongs to its marker; so does the rest of its entry.
      if (fields.some((node) => plan.isClaimed(node))) return;
      const repository = normalizeRepository(scalarText(field("newName")) || scalarText(field("name")) || "");
      const update = repository && incoming.get(repository);
      if (!update) return;
      const next = nextVersion(update, versionOf(scalarText(field("newTag")), scalarText(field("digest"))));
      if (!next) return;
      const label = (key: string) => ({ kind: "kustomize" as const, key: formatPath([...path, index, key]), document });
      // A dropped digest is emptied (kustomize ignores an empty digest); a missing one stays missing.
      const writes = [
        { key: "newTag", value: next.tag },
        { key: "digest", value: next.digest ?? (field("digest") ? "" : undefined) },
      ].filter((w): w is { key: string; value: string } => w.value !== undefined);
      // Fields that exist first: an added line goes after the entry's last value, which may be an empty one set here.
      for (const { key, value } of writes) {
        const node = field(key);
        if (isFlowScalar(node)) plan.setScalar(node, value, entry.flow, label(key));
      }
      for (const { key, value } of writes) if (field(key) === undefined) plan.addPair(entry, [key], value, label(key));
    });
  }
};
