/**
 * Helm values pairs: a mapping with `repository` (+ optional `registry`) and `tag`
 * (+ optional `digest`) siblings whose registry/repository is an incoming repository,
 * at any depth, so also in a HelmRelease's or an Argo CD Application's values. Argo CD
 * Image Updater names the repository `name` (`image: {name: ghcr.io/acme/app, tag: 1.2.3}`):
 * with no `repository` beside it, `name` is one when it reads as an incoming repository.
 * `setHelmImage` is the decision for such fields wherever they are written (Argo CD's
 * Helm parameters are one mapping spelled as `image.repository`, `image.tag`, ...).
 * A tag or digest filled in later (`${WEB_TAG}`, `{{.tag}}`) is named in a warning, never edited (placeholder.ts).
 * A pair without a `digest` field cannot pin an incoming digest: that is said at the pair.
 */
import { noDigestFieldWarning } from "../image/no-digest-field.js";
import { isDigest, isTag, normalizeRepository } from "../image/reference.js";
import { splitImage } from "../image/split-image.js";
import { byRepository, pendingVersion, versionOf, type ImageUpdate, type Version } from "../image/update.js";
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
  if (warnPlaceholderField({ tag, digest }, name, plan)) return;
  const digestNode = digest?.node;
  // Without a digest field, a tag may carry its build's digest (`1.0.0@sha256:…`, for a chart that writes
  // `{{repository}}:{{tag}}`): read as both, so that dropping it is said, and written back as both.
  const pinned = digest === undefined ? tagAndDigest(tagNode.text) : undefined;
  const current = pinned ?? versionOf(tagNode.text, scalarText(digestNode));
  const { next, say: sayTo } = pendingVersion(update, current);
  const say = () => sayTo((why, kind) => plan.warn(tagNode.start, `${formatPath(tag.path)} ${why}`, kind));
  if (!next) return say();
  const tagText = pinned && next.tag !== undefined && next.digest !== undefined ? `${next.tag}@${next.digest}` : next.tag;
  // Tag and digest name one build: neither is written when the tag of one (`!!float 1.0`) cannot hold its new value.
  if (tagText !== undefined && !tagHolds(tagNode, tagText)) return plan.warn(tagNode.start, tagWarning(formatPath(tag.path), tagNode, tagText));
  if (digest && isFlowScalar(digestNode) && !tagHolds(digestNode, next.digest ?? ""))
    return plan.warn(digestNode.start, tagWarning(formatPath(digest.path), digestNode, next.digest ?? ""));
  say();
  if (tagText !== undefined) plan.setScalar(tagNode, tagText, tag.inFlow, { kind: "helm", key: formatPath(tag.path), document });
  // A dropped digest is emptied; charts treat an empty digest as none.
  if (digest && isFlowScalar(digestNode))
    plan.setScalar(digestNode, next.digest ?? "", digest.inFlow, { kind: "helm", key: formatPath(digest.path), document });
  // Only an incoming digest can be in `next` here: the pair holds none.
  else if (next.digest !== undefined && !pinned)
    plan.warn(tagNode.start, `${formatPath(image.path?.length ? image.path : tag.path)} ${noDigestFieldWarning(update.image)}`);
}

/** `1.0.0@sha256:…` as a tag and its digest; undefined for a tag alone. */
function tagAndDigest(text: string): Version | undefined {
  const at = text.indexOf("@");
  const [tag, digest] = [text.slice(0, at), text.slice(at + 1)];
  return at > 0 && isTag(tag) && isDigest(digest) ? { tag, digest } : undefined;
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
