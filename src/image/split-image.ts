/**
 * An image held as sibling fields of one mapping (YAML) or config (KCL), as Helm values hold
 * one: `repository` (Argo CD Image Updater names it `name`), an optional `registry`, `tag` and
 * an optional `digest`. The one rule for which fields those are: the editors set such an image
 * by them (helm.ts, the KCL editor) under one decision (nextSplitImage), and a `--set` of its tag
 * alone is told of the digest beside it.
 */
import { noDigestFieldWarning } from "./no-digest-field.js";
import { andList } from "../text/and-list.js";
import { isDigest, isTag, normalizeRepository } from "./reference.js";
import { pendingVersion, versionOf, type ImageUpdate, type VersionNote, type Version } from "./update.js";

/** The keys a split image's fields may have. */
export const SPLIT_IMAGE_KEYS: ReadonlySet<string> = new Set(["repository", "name", "registry", "tag", "digest"]);

/** The fields of a split image, each as the caller reads one; a key with no field is undefined. */
interface SplitImage<F> {
  readonly repository: F | undefined;
  readonly registry: F | undefined;
  readonly tag: F | undefined;
  readonly digest: F | undefined;
}

/**
 * The key of a container's image (`{name: nginx, image: nginx:1.25}`): a mapping or config holding it, whatever its
 * value, is a container or alike, whose `name` names it and is no repository.
 */
export const IMAGE_KEY = "image";

/**
 * The split image `field` reads from one mapping or config: `repository`, else `name` (Argo CD Image Updater's)
 * where no `image` field is beside it, with the others.
 */
export function splitImage<F>(field: (key: string) => F | undefined): SplitImage<F> {
  const repository = field("repository") ?? (field(IMAGE_KEY) === undefined ? field("name") : undefined);
  return { repository, registry: field("registry"), tag: field("tag"), digest: field("digest") };
}

/** A split image's name as its fields write it: its repository, after its registry when it has one. */
export function splitImageName(registry: string | undefined, repository: string): string {
  return registry ? `${registry}/${repository}` : repository;
}

/** A registry field this run cannot read, and why, as unknownRegistryWarning says it: `which is no string`. */
export interface UnknownRegistry {
  readonly unknown: string;
}

/** What a split image's registry field names: none (undefined), its text, or an UnknownRegistry (YAML's readRegistry decides). */
export type Registry = string | undefined | UnknownRegistry;

/** Whether a registry field holds what this run cannot read. */
export function isUnknownRegistry(registry: Registry): registry is UnknownRegistry {
  return typeof registry === "object";
}

/** The image a split image names, its repository after its registry (splitImageName); undefined where the registry is unknown. */
export function pairName(registry: Registry, repository: string): string | undefined {
  return isUnknownRegistry(registry) ? undefined : splitImageName(registry, repository);
}

/**
 * The digest field beside the field `key` of a mapping (`field` reads its siblings): the digest
 * of a split image whose tag `key` is, which pins the build of the tag it was set with.
 */
export function digestBeside<F>(key: string | number, field: (key: string) => F | undefined): F | undefined {
  if (key !== "tag") return undefined;
  const image = splitImage(field);
  return image.repository === undefined ? undefined : image.digest;
}

/**
 * The digest beside the tag field `key` of a mapping (`field` reads its siblings, `text` a field's string), which pins
 * the build whatever the tag reads, and the image the mapping names: a split image's `digest` beside its `tag`
 * (digestBeside), or a kustomize `images:` entry's beside its `newTag` (kustomize writes `@digest` and drops the tag
 * when both are set), whose image is its `newName`, else its `name`, as the kustomize editor matches it. A split image's
 * name is undefined where `registry` reads its registry field as one this run cannot read (pairName).
 */
export function pinBeside<F>(
  key: string | number,
  field: (key: string) => F | undefined,
  text: (field: F | undefined) => string | undefined,
  registryOf: (field: F | undefined) => Registry = text,
): { readonly digest: F; readonly name: string | undefined } | undefined {
  if (key === "newTag") {
    const name = text(field("newName")) || text(field("name"));
    const digest = field("digest");
    return name && digest !== undefined ? { digest, name } : undefined;
  }
  const digest = digestBeside(key, field);
  if (digest === undefined) return undefined;
  const { registry, repository } = splitImage(field);
  return { digest, name: pairName(registryOf(registry), text(repository) ?? "") };
}

/** What the tag and digest fields of a split image hold, as written; `digest` is undefined where there is no digest field. */
export interface SplitVersion {
  readonly tag: string;
  readonly digest: string | undefined;
}

/** What they should hold: `tag` is undefined only where there is no tag to hold, `digest` where there is no digest field. */
export interface NextSplitVersion {
  readonly tag: string | undefined;
  /** "" for a digest the new tag drops: charts treat an empty digest as none. */
  readonly digest: string | undefined;
}

/** Where what a split image's decision says goes: at its tag, with the tag's key in front, and at the pair, with the pair's. */
export type SplitSay = (atTag: VersionNote, atPair: (why: string) => void) => void;

/**
 * The one decision for a split image of `update`'s repository (nextVersion, for its fields): what
 * its tag and digest fields should hold, `next` undefined when they stay.
 * - Without a digest field, a tag may carry its build's digest (`1.0.0@sha256:…`, for a chart that
 *   writes `{{repository}}:{{tag}}`): it is read as both, so that a policy ranks the tag and dropping
 *   the digest is said, and written back as both.
 * - A tag field holding something else that is not a tag (another image's reference) is left: what
 *   it is meant to hold would be a guess.
 * - Without a digest field, an incoming digest has nowhere to go: that is said at the pair.
 * What it says is held back (pendingVersion): `say` tells it once the caller knows the fields are
 * written (a YAML tag may be unable to hold the new value), or that nothing moves.
 */
export function nextSplitImage(update: ImageUpdate, current: SplitVersion): { readonly next: NextSplitVersion | undefined; readonly say: SplitSay } {
  const { tag, digest } = current;
  const pinned = digest === undefined ? tagAndDigest(tag) : undefined;
  if (tag !== "" && pinned === undefined && !isTag(tag)) {
    // Told only where the incoming version would be written: a policy refusing it is said as such.
    const { next, say } = pendingVersion(update, {});
    return { next: undefined, say: (atTag) => (next ? atTag(notTagWarning(tag)) : say(atTag)) };
  }
  const { next, say } = pendingVersion(update, pinned ?? versionOf(tag, digest));
  if (!next) return { next, say };
  const tagText = pinned && next.tag !== undefined && next.digest !== undefined ? `${next.tag}@${next.digest}` : next.tag;
  // Neither a digest field nor the tag held a digest: one in `next` is the incoming one, which the pair cannot pin.
  const unpinned = digest === undefined && pinned === undefined && next.digest !== undefined;
  return {
    next: { tag: tagText, digest: digest === undefined ? undefined : (next.digest ?? "") },
    say: (atTag, atPair) => {
      say(atTag);
      if (unpinned) atPair(noDigestFieldWarning(update.image));
    },
  };
}

/**
 * The incoming repositories a split image may be whose registry field holds what this run cannot read (a KCL variable, a
 * template a later tool fills in): its repository after some registry, or alone (the registry may be empty), among those
 * whose decision would move the version it holds. Such a pair is not edited; the editors name these in
 * unknownRegistryWarning, and say nothing where there is none.
 */
export function unknownRegistryImages(repository: string, incoming: Iterable<ImageUpdate>, current: SplitVersion): string[] {
  const alone = normalizeRepository(repository);
  return [...incoming].flatMap((update) => {
    const { repository: named } = update.image;
    return (named === alone || named.endsWith(`/${repository}`)) && nextSplitImage(update, current).next !== undefined ? [named] : [];
  });
}

/** A registry field holding what this run cannot read: its name, line and text as written, and why (UnknownRegistry). */
export interface UnknownRegistryField {
  readonly field: string;
  readonly line: number;
  readonly written: string;
  readonly why: string;
}

/**
 * What a split image whose registry field (`field`, at `line`, written `written`) holds what this run cannot read (`why`) is
 * told, at its tag `tagKey`: the image is not known, so the tag is left for `images` (unknownRegistryImages), and what to do:
 * write the registry as a string, or `setIt` (a marker or an override of the tag, where those reach it).
 */
export function unknownRegistryWarning(
  registry: UnknownRegistryField,
  repository: string,
  tagKey: string,
  images: readonly string[],
  setIt = `set ${tagKey} with a Flux ":tag" marker on its line or an override of ${tagKey}`,
): string {
  const { field, line, written, why } = registry;
  const shown = written.replace(/\s+/g, " ");
  return (
    `${field} (line ${line}) is ${shown.length > 60 ? `${shown.slice(0, 59)}…` : shown}, ${why}: the registry ${repository} is pulled from is not known, ` +
    `so ${tagKey} is not edited for ${andList(images)}; write the registry as a string, or ${setIt}`
  );
}

/** `1.0.0@sha256:…` as a tag and its digest; undefined for anything else. */
function tagAndDigest(text: string): Version | undefined {
  const at = text.indexOf("@");
  const [tag, digest] = [text.slice(0, at), text.slice(at + 1)];
  return at > 0 && isTag(tag) && isDigest(digest) ? { tag, digest } : undefined;
}

/** What a tag field holding `text`, which is not a tag, says after its key. */
function notTagWarning(text: string): string {
  return `holds ${JSON.stringify(text)}, which is not a tag; left as it is (the tag field of an image held as repository and tag holds only its tag, or tag@digest)`;
}
