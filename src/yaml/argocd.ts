/**
 * Argo CD's kustomize image overrides: `kustomize.images` of an Application's source (or of
 * each of its `sources`, or of an ApplicationSet's template), and of the parameter override
 * file Argo CD merges into a source (`.argocd-source-<app>.yaml`, which Argo CD Image Updater
 * writes). Each entry is one string in `kustomize edit set image` form, `[name=]image`: an
 * entry whose image is of an incoming repository gets the new tag and digest, its name and
 * the image's name kept as written.
 */
import { tryParseImageRef } from "../image/reference.js";
import { byRepository, nextReference } from "../image/update.js";
import type { YamlDocument } from "./file.js";
import { isFlowScalar, nodeAt, type YamlNode } from "./node.js";
import { formatPath, type PathSegment } from "./path.js";
import type { Editor } from "./plan.js";

const ARGO_API = "argoproj.io/";

/** `source` and each of `sources` under an Application spec at `spec`. */
function sourcesAt(root: YamlNode | null, spec: readonly PathSegment[]): PathSegment[][] {
  const sources = nodeAt(root, [...spec, "sources"]);
  const many = sources?.kind === "seq" ? sources.items.map((_, i) => [...spec, "sources", i]) : [];
  return [[...spec, "source"], ...many];
}

/** Where a document keeps Argo CD kustomize image lists. */
function imageLists(document: YamlDocument): PathSegment[][] {
  const { apiVersion, kind } = document.object;
  const { root } = document;
  if (apiVersion === undefined && kind === undefined) {
    // A parameter override file: `kustomize: {images: [...]}` at the top, strings only.
    const images = nodeAt(root, ["kustomize", "images"]);
    return images?.kind === "seq" && images.items.every((item) => item?.kind === "scalar") ? [["kustomize", "images"]] : [];
  }
  if (!apiVersion?.startsWith(ARGO_API)) return [];
  const spec = kind === "Application" ? ["spec"] : kind === "ApplicationSet" ? ["spec", "template", "spec"] : undefined;
  return spec ? sourcesAt(root, spec).map((source) => [...source, "kustomize", "images"]) : [];
}

export const editArgoCdImages: Editor = (file, request, plan) => {
  const incoming = byRepository(request.images);
  if (incoming.size === 0) return;
  for (const document of file.documents) {
    for (const path of imageLists(document)) {
      const list = nodeAt(document.root, path);
      if (list?.kind !== "seq") continue;
      list.items.forEach((entry, index) => {
        if (!isFlowScalar(entry) || plan.isClaimed(entry)) return;
        const eq = entry.text.indexOf("=");
        const ref = tryParseImageRef(entry.text.slice(eq + 1));
        const update = ref && incoming.get(ref.repository);
        if (!ref || !update) return;
        // `name=image` with no version only renames: the tag stays the manifests' own.
        if (ref.tag === undefined && ref.digest === undefined) return;
        const next = nextReference(update, ref);
        if (next) plan.setScalar(entry, entry.text.slice(0, eq + 1) + next, list.flow, { kind: "kustomize", key: formatPath([...path, index]), document });
      });
    }
  }
};
