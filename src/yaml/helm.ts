/**
 * Helm values pairs: a mapping with `repository` (+ optional `registry`) and `tag`
 * (+ optional `digest`) siblings whose registry/repository is an incoming repository,
 * at any depth, so also in a HelmRelease's or an Argo CD Application's values. Argo CD
 * Image Updater names the repository `name` (`image: {name: ghcr.io/acme/app, tag: 1.2.3}`):
 * with no `repository` (nor a container's `image`) beside it, `name` is one when it reads as an incoming repository.
 * `setHelmImage` sets such fields wherever they are written (Argo CD's Helm parameters are one
 * mapping spelled as `image.repository`, `image.tag`, ...), by the decision the KCL editor makes
 * for its configs too (nextSplitImage): it only splices.
 * A tag or digest filled in later (`${WEB_TAG}`, `{{.tag}}`) is named in a warning, never edited (placeholder.ts).
 * A mapping reads the fields it does not write itself from its merge key (`<<: *img`), as YAML does: a
 * `repository` merged in makes its own `tag` a pair's. A merged field is written where the merge takes it
 * from, which every mapping merging it shares: it is edited there only as a pair of its own, never for one
 * of them; one that would have to move for this mapping leaves the pair, named in a warning. Likewise a
 * pair's own field that another mapping reads too (merging the pair, or an alias of the field: `tag: *t`)
 * is written only when that one is an image this run moves the same way (version-write.ts).
 * A tag written alone in a kustomize patch whose pair is the patched resource's (`request.pairedTags`,
 * which the engine finds) is set as that pair's tag, named as kustomize merges the patch over that resource
 * (a `repository:` beside the tag after the resource's `registry:`); one the engine leaves is not edited.
 */
import { formatImageRef, normalizeRepository } from "../image/reference.js";
import {
  isUnknownRegistry,
  nextSplitImage,
  SPLIT_IMAGE_KEYS,
  splitImage,
  splitImageName,
  unknownRegistryImages,
  unknownRegistryWarning,
  type UnknownRegistry,
} from "../image/split-image.js";
import { byRepository, type ImageUpdate } from "../image/update.js";
import { scalarOf } from "./alias.js";
import type { YamlDocument } from "./file.js";
import { fieldsOf, hasMergeKey, type MappingField } from "./merge-key.js";
import { isFlowScalar, mapValue, scalarText, type YamlNode } from "./node.js";
import { formatPath, type PathSegment } from "./path.js";
import { warnPlaceholderField } from "./placeholder.js";
import { warnUnpairedValues } from "./argocd-unpaired.js";
import type { EditPlan, Editor } from "./plan.js";
import { readsAsNull } from "./quoting.js";
import { readRegistry } from "./registry.js";
import { claimedOwn, fixedVersion, heldText, mergedVersionNote, writeVersion, type FieldWrite, type ReaderJudge } from "./version-write.js";
import { leftText, markedReason, warnUnset } from "./unset-fields.js";
import { forEachValue } from "./walk.js";

/**
 * One field of a Helm image, its own or merged: merge-key.ts's MappingField, named for its role. Argo CD's
 * Helm parameters (argocd-parameters.ts) are such fields too, though no mapping holds them: each
 * parameter's value is a field of the Helm image its name prefix stands for, so they are typed by that role.
 */
export type HelmField = MappingField;

/** The fields of one Helm image; `repository` is `name` when that is how it is written. `path` names the pair (a values mapping), else its tag does. */
export interface HelmImage {
  readonly path?: readonly PathSegment[];
  readonly repository?: HelmField | undefined;
  readonly registry?: HelmField | undefined;
  readonly tag?: HelmField | undefined;
  readonly digest?: HelmField | undefined;
}

/**
 * Sets the tag (and digest) of `image` when its registry/repository is an incoming repository; `paired`, the
 * repository (with its registry) of a tag written alone, as the pair it belongs to in another file writes it.
 */
export function setHelmImage(image: HelmImage, incoming: ReadonlyMap<string, ImageUpdate>, plan: EditPlan, document: YamlDocument, paired?: string): void {
  const { repository, registry, tag, digest } = image;
  const repositoryNode = repository?.node;
  if (!tag || (paired === undefined && !isFlowScalar(repositoryNode))) return;
  const tagNode = tag.node;
  const marked = HELM_ROLES.filter((role) => claimedOwn(plan, [image[role]]));
  if (marked.length > 0) return warnLeftPair(image, marked, incoming, plan, document, paired);
  const { root } = document;
  // The registry through an alias (`registry: *reg`), as the other readers of a pair read it.
  const registryRead = paired === undefined ? readRegistry(plan.file, root, registry?.node, heldText(plan, root, registry?.node)) : undefined;
  if (isUnknownRegistry(registryRead)) return warnUnknownRegistry(registry!, registryRead, scalarText(repositoryNode)!, tag, digest, plan, root, incoming);
  const name = paired ?? splitImageName(registryRead, scalarText(repositoryNode)!);
  const update = incoming.get(normalizeRepository(name) ?? "");
  if (!update) return;
  // `{repository: …, tag}`: a key with no value, nothing to splice a tag into.
  if (tagNode === null)
    return plan.warn(
      (repositoryNode ?? tag.node)?.start ?? 0,
      `${formatPath(tag.path)} has no value to set (a key without ':'): write it as tag: "" to have it set`,
    );
  // A version a template or Flux's substitution fills in is set there.
  if (warnPlaceholderField({ tag, digest }, name, update, plan)) return;
  const digestNode = digest?.node;
  const { next, say: sayTo } = decide(update, tagText(plan, root, tagNode) ?? "", digest && heldText(plan, root, digestNode));
  // A merged tag is told of at the pair, naming where it is written: every mapping merging it may keep it for its own image.
  const pairAt = ownStart(image) ?? tagNode.start;
  const pair = { at: pairAt, mapping: image.path ?? [], keys: ["tag", "digest"] as const };
  if (fixedVersion(plan, root, pair, [tag, digest], update, next !== undefined) || !isFlowScalar(tagNode)) return;
  const ofImage = update.image.repository;
  const atTag = tag.merged ? mergedVersionNote(plan, pairAt, image.path ?? [], tag, ofImage) : plan.versionNote(tagNode.start, formatPath(tag.path), ofImage);
  const say = () => sayTo(atTag, plan.versionNote(tag.merged ? pairAt : tagNode.start, formatPath(image.path?.length ? image.path : tag.path), ofImage));
  if (!next) return say();
  const writes = [
    { field: tag, node: tagNode, value: next.tag },
    { field: digest, node: isFlowScalar(digestNode) ? digestNode : undefined, value: next.digest },
  ].filter((w): w is FieldWrite => w.field !== undefined && w.node !== undefined && w.value !== undefined);
  writeVersion(plan, { ...pair, name, next }, { writes }, helmReader(plan, incoming), say, { kind: "helm", document, repository: ofImage });
}

/** The roles of a Helm image's fields, as HelmImage names them. */
const HELM_ROLES = ["repository", "registry", "tag", "digest"] as const;
type HelmRole = (typeof HELM_ROLES)[number];

/**
 * A pair a Flux marker claims in part (`marked`) is left to its markers, as Flux leaves it, since it sets only the
 * fields they mark; its unmarked tag or digest the run would have set is named, as a kustomize entry's (unset-fields.ts).
 */
function warnLeftPair(
  image: HelmImage,
  marked: readonly HelmRole[],
  incoming: ReadonlyMap<string, ImageUpdate>,
  plan: EditPlan,
  document: YamlDocument,
  paired: string | undefined,
): void {
  const { root } = document;
  const { registry, repository, tag, digest } = image;
  const left = (field: HelmField | undefined) => leftText(plan, root, field?.node);
  // The image as the markers leave the pair naming it (a `:name` marker may rename it).
  const registryRead = paired === undefined ? readRegistry(plan.file, root, registry?.node, left(registry)) : undefined;
  // Beside a registry this run cannot read, it names no image it knows: an unmarked tag is not edited, as an unmarked pair's is not.
  if (isUnknownRegistry(registryRead)) {
    if (tag && !marked.includes("tag")) warnUnknownRegistry(registry!, registryRead, left(repository) ?? "", tag, digest, plan, root, incoming);
    return;
  }
  const name = paired ?? splitImageName(registryRead, left(repository) ?? "");
  const update = incoming.get(normalizeRepository(name) ?? "");
  if (!update) return;
  const { next } = decide(update, tagText(plan, root, tag?.node) ?? "", digest && heldText(plan, root, digest.node));
  if (!next) return;
  // A pair's field is named by its key (`name` may be its repository); an Argo CD parameter's, which is a `value`, by its role.
  const keyOf = (role: HelmRole) => (image.path ? String(image[role]!.path.at(-1)) : role);
  const fields = (["tag", "digest"] as const)
    .filter((role) => image[role] !== undefined && !marked.includes(role))
    .map((role) => {
      const field = image[role]!;
      return { key: keyOf(role), path: field.path, node: field.node, held: left(field), value: next[role], suffix: role };
    });
  const at = {
    start: ownStart(image) ?? 0,
    image: formatImageRef({ name, tag: next.tag, digest: next.digest || undefined }),
    repository: update.image.repository,
  };
  warnUnset(plan, at, fields, markedReason(formatPath(image.path?.length ? image.path : (tag?.path ?? [])), marked.map(keyOf)));
}

/**
 * A pair whose registry this run cannot read (`read`: a mapping or list, an alias of none, a template or substitution filled
 * in after it) is no image it knows, as a KCL pair's computed registry is: not edited, and said at its tag where an incoming
 * image may be the one it names and its tag would move (unknownRegistryImages), naming the registry field and what to do.
 */
function warnUnknownRegistry(
  registry: HelmField,
  read: UnknownRegistry,
  repository: string,
  tag: HelmField,
  digest: HelmField | undefined,
  plan: EditPlan,
  root: YamlNode | null,
  incoming: ReadonlyMap<string, ImageUpdate>,
): void {
  const current = { tag: tagText(plan, root, tag.node) ?? "", digest: digest && heldText(plan, root, digest.node) };
  const images = unknownRegistryImages(repository, incoming.values(), current);
  const node = registry.node;
  if (images.length === 0 || !node) return;
  const line = plan.file.lineAt(node.start);
  const field = formatPath(registry.path);
  const tagKey = formatPath(tag.path);
  const message = unknownRegistryWarning({ field, line, written: plan.file.text.slice(node.start, node.end), why: read.unknown }, repository, tagKey, images);
  plan.warn(ownStart({ tag, registry }) ?? node.start, message, undefined, { field: tagKey, reason: "advised-override", image: images[0]!, lines: [line] });
}

/** The version decision for a Helm image of `update`'s repository whose tag reads `tag` and whose digest field holds `digest` (undefined: it has none). */
function decide(update: ImageUpdate, tag: string, digest: string | undefined): ReturnType<typeof nextSplitImage> {
  return nextSplitImage(update, { tag, digest });
}

/**
 * What a Helm tag reads (heldText, through an alias); YAML's null (`tag: ~`, `null`, `NULL`) is no tag yet, which Helm
 * reads as the chart's default: filled as an empty one is, never ranked as a tag "null".
 */
function tagText(plan: EditPlan, root: YamlNode | null, node: YamlNode | null | undefined): string | undefined {
  const scalar = node ? scalarOf(plan.file, root, node) : undefined;
  return scalar && readsAsNull(scalar) ? "" : heldText(plan, root, node);
}

/**
 * How a mapping reading a pair's field (its tag or digest, through a merge key or an alias) reads as a Helm image:
 * its name, and what its own decision has that field hold. One with no repository or tag is no Helm image.
 */
function helmReader(plan: EditPlan, incoming: ReadonlyMap<string, ImageUpdate>): ReaderJudge {
  return ({ map, path, inFlow, root, key }) => {
    if (key !== "tag" && key !== "digest") return undefined;
    const held = (field: HelmField | undefined) => heldText(plan, root, field?.node);
    const { registry, repository, tag, digest } = splitImage(fieldsOf(plan.file, root, map, path, inFlow));
    const [repositoryText, tagHeld] = [held(repository), tagText(plan, root, tag?.node)];
    if (!repositoryText || tagHeld === undefined) return undefined;
    const registryRead = readRegistry(plan.file, root, registry?.node, held(registry));
    // Beside a registry this run cannot read, it names no image it knows, and is not moved (setHelmImage).
    if (isUnknownRegistry(registryRead)) return { image: `${repositoryText} (its registry not known)`, value: undefined };
    const name = splitImageName(registryRead, repositoryText);
    const update = incoming.get(normalizeRepository(name) ?? "");
    return { image: name, value: update && decide(update, tagHeld, digest && held(digest)).next?.[key] };
  };
}

/** Where the pair writes a field of its own (its tag first): where a warning about the pair is said. */
function ownStart({ tag, repository, registry, digest }: HelmImage): number | undefined {
  return [tag, repository, registry, digest].find((field) => field && !field.merged && field.node)?.node?.start;
}

export const editHelmValues: Editor = (file, request, plan) => {
  const incoming = byRepository(request.images);
  if (incoming.size === 0) return;
  file.documents.forEach((document, index) => {
    const paired = request.pairedTags?.get(index);
    // Children first: a mapping merging an anchor written inside it (or `<<: {...}`) is decided once that one's own pair is.
    forEachValue(
      document.root,
      ({ node, path, inFlow }) => {
        if (node.kind !== "map") return;
        const merges = hasMergeKey(node);
        if (!merges) warnUnpairedValues(node, path, incoming, request.file, plan);
        if (!merges && mapValue(node, "tag") === undefined) return;
        // A mapping that writes no image field of its own is the one it merges, edited where that is written.
        if (merges && ![...SPLIT_IMAGE_KEYS].some((key) => mapValue(node, key) !== undefined)) return;
        const image = splitImage(fieldsOf(file, document.root, node, path, inFlow));
        // A patch's tag the engine pairs is its pair's, a repository beside it after the resource's registry; one it leaves, not edited.
        const key = image.tag && !image.tag.merged ? formatPath(image.tag.path) : undefined;
        if (key !== undefined && paired?.has(key)) {
          const name = paired.get(key);
          if (name !== undefined) setHelmImage({ path, ...image }, incoming, plan, document, name);
          return;
        }
        setHelmImage({ path, ...image }, incoming, plan, document);
      },
      true,
    );
  });
};
