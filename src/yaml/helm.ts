/**
 * Helm values pairs: a mapping with `repository` (+ optional `registry`) and `tag`
 * (+ optional `digest`) siblings whose registry/repository is an incoming repository,
 * at any depth, so also in a HelmRelease's or an Argo CD Application's values. Argo CD
 * Image Updater names the repository `name` (`image: {name: ghcr.io/acme/app, tag: 1.2.3}`):
 * with no `repository` beside it, `name` is one when it reads as an incoming repository.
 * `setHelmImage` sets such fields wherever they are written (Argo CD's Helm parameters are one
 * mapping spelled as `image.repository`, `image.tag`, ...), by the decision the KCL editor makes
 * for its configs too (nextSplitImage): it only splices.
 * A tag or digest filled in later (`${WEB_TAG}`, `{{.tag}}`) is named in a warning, never edited (placeholder.ts).
 */
import { normalizeRepository } from "../image/reference.js";
import { nextSplitImage, splitImage } from "../image/split-image.js";
import { byRepository, type ImageUpdate } from "../image/update.js";
import type { YamlDocument } from "./file.js";
import { isFlowScalar, mapValue, scalarText, type YamlNode } from "./node.js";
import { formatPath, type PathSegment } from "./path.js";
import { warnPlaceholderField } from "./placeholder.js";
import type { EditPlan, Editor } from "./plan.js";
import { tagHolds, tagWarning } from "./splice.js";
import { forEachValue } from "./walk.js";

/** One field of a Helm image: its value node, the path a change names it by, and whether it is inside a flow collection. */
export interface HelmField {
  readonly node: YamlNode | null;
  readonly path: readonly PathSegment[];
  readonly inFlow: boolean;
}

/** The fields of one Helm image; `repository` is `name` when that is how it is written. `path` names the pair (a values mapping), else its tag does. */
export interface HelmImage {
  readonly path?: readonly PathSegment[];
  readonly repository?: HelmField | undefined;
  readonly registry?: HelmField | undefined;
  readonly tag?: HelmField | undefined;
  readonly digest?: HelmField | undefined;
}

/** Sets the tag (and digest) of `image` when its registry/repository is an incoming repository. */
export function setHelmImage(image: HelmImage, incoming: ReadonlyMap<string, ImageUpdate>, plan: EditPlan, document: YamlDocument): void {
  const { repository, registry, tag, digest } = image;
  const repositoryNode = repository?.node;
  const tagNode = tag?.node;
  if (!tag || !isFlowScalar(repositoryNode) || (digest && !isFlowScalar(digest.node))) return;
  // A marked field belongs to its marker; so does the rest of its mapping.
  if ([repository, registry, tag, digest].some((field) => plan.isClaimed(field?.node))) return;
  const registryText = scalarText(registry?.node);
  const name = registryText ? `${registryText}/${repositoryNode.text}` : repositoryNode.text;
  const update = incoming.get(normalizeRepository(name) ?? "");
  if (!update) return;
  // `{repository: …, tag}`: a key with no value, nothing to splice a tag into.
  if (tagNode === null)
    return plan.warn(repositoryNode.start, `${formatPath(tag.path)} has no value to set (a key without ':'): write it as tag: "" to have it set`);
  if (!isFlowScalar(tagNode)) return;
  // A version a template or Flux's substitution fills in is set there.
  if (warnPlaceholderField({ tag, digest }, name, update, plan)) return;
  const digestNode = digest?.node;
  // `tag: ~` is YAML's null: no tag yet, filled as an empty one is.
  const current = tagNode.style === "plain" && tagNode.text === "~" ? "" : tagNode.text;
  const { next, say: sayTo } = nextSplitImage(update, { tag: current, digest: digest && scalarText(digestNode) });
  const say = () => sayTo(plan.keptBy(tagNode.start, formatPath(tag.path)), plan.keptBy(tagNode.start, formatPath(image.path?.length ? image.path : tag.path)));
  if (!next) return say();
  // Tag and digest name one build: neither is written when the tag of one (`!!float 1.0`) cannot hold its new value.
  if (next.tag !== undefined && !tagHolds(tagNode, next.tag)) return plan.warn(tagNode.start, tagWarning(formatPath(tag.path), tagNode, next.tag));
  if (digest && isFlowScalar(digestNode) && next.digest !== undefined && !tagHolds(digestNode, next.digest))
    return plan.warn(digestNode.start, tagWarning(formatPath(digest.path), digestNode, next.digest));
  say();
  if (next.tag !== undefined) plan.setScalar(tagNode, next.tag, tag.inFlow, { kind: "helm", key: formatPath(tag.path), document });
  if (digest && isFlowScalar(digestNode) && next.digest !== undefined)
    plan.setScalar(digestNode, next.digest, digest.inFlow, { kind: "helm", key: formatPath(digest.path), document });
}

export const editHelmValues: Editor = (file, request, plan) => {
  const incoming = byRepository(request.images);
  if (incoming.size === 0) return;
  for (const document of file.documents) {
    forEachValue(document.root, ({ node, path, inFlow }) => {
      if (node.kind !== "map" || mapValue(node, "tag") === undefined) return;
      const field = (key: string): HelmField | undefined => {
        const value = mapValue(node, key);
        return value === undefined ? undefined : { node: value, path: [...path, key], inFlow: inFlow || node.flow };
      };
      setHelmImage({ path, ...splitImage(field) }, incoming, plan, document);
    });
  }
};
