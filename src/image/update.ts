/**
 * The one decision every editor shares: given what a field holds now and the incoming
 * image, what should it hold? Policies make it safe to re-apply (no downgrade, idempotent).
 */
import type { WarningAbout, WarningKind } from "../change.js";
import { byFlag, type FieldNamer } from "../field-name.js";
import { unpinnedWarning } from "./digest-pin.js";
import { parseFluxVersion } from "./flux-semver.js";
import { formatImageRef, isTag, tryParseImageRef, type ImageRef } from "./reference.js";
import type { Policy } from "./policy.js";

/** An incoming image and the rule that decides whether it replaces the current version. */
export interface ImageUpdate {
  readonly image: ImageRef;
  readonly policy?: Policy | undefined;
  /** Set the incoming tag even when the policy ranks the current one higher, or equal and keeps it (semver `v1.2.0` and `1.2.0`). */
  readonly allowDowngrade?: boolean | undefined;
}

/** The versioned part of a reference, as a field holds it. */
export interface Version {
  readonly tag?: string;
  readonly digest?: string;
}

/** A field's version; an empty or missing tag or digest is no tag or digest (`tag: ""` in Helm values). */
export function versionOf(tag: string | undefined, digest: string | undefined): Version {
  return { ...(tag && { tag }), ...(digest && { digest }) };
}

/**
 * What a version decision tells at a field, for a person to learn there: why it keeps a version its policy
 * ranks above (or equal to) the incoming one, or cannot judge, so that they learn why nothing moved; or that
 * its edit drops the digest pinning it, goes down from a version outside its policy, or adds or drops a tag's
 * `v` prefix. Each decision tells each once.
 * `kind` is the warning's kind, for a reader that tells it apart (`policy-refusal`: the policy accepts no incoming tag).
 */
export type VersionNote = (why: string, kind?: WarningKind) => void;

/**
 * Why a field keeps its tag although the incoming one, which its policy accepts, differs:
 * the policy ranks the current one higher (a late, older build), or equal and picks the
 * current one (semver's `v1.2.0` and `1.2.0`: the first seen wins, as in Flux). Undefined otherwise.
 */
function keptByPolicy(update: ImageUpdate, current: Version): string | undefined {
  const { policy, image } = update;
  const { tag } = image;
  if (!policy || update.allowDowngrade || tag === undefined || current.tag === undefined || current.tag === tag) return undefined;
  if (policy.latest([current.tag, tag]) !== current.tag) return undefined;
  // A policy's pick between two tags depends on their order only when it ranks them equal.
  if (policy.latest([tag, current.tag]) === tag)
    return `keeps ${current.tag}: its policy (${policy.description}) ranks it equal to the incoming ${tag}, so the version as written stays (allow-downgrade sets it anyway)`;
  return `keeps ${current.tag}, which its policy (${policy.description}) ranks above the incoming ${tag} (allow-downgrade sets it anyway)`;
}

/**
 * Why a field goes down to the incoming tag: its current one is outside the policy, which then does not
 * keep it (as in Flux, whose ImagePolicy picks among the tags it accepts), though its order ranks it above
 * (2.0.0 beyond `<2.0.0`, a `1.4.0-hotfix.1` a range without pre-releases leaves out). Undefined otherwise.
 */
function downFromOutside(update: ImageUpdate, current: Version): string | undefined {
  const { policy, image } = update;
  const { tag } = image;
  if (!policy?.compare || update.allowDowngrade || tag === undefined || current.tag === undefined || current.tag === tag) return undefined;
  if (policy.latest([current.tag]) !== undefined || !((policy.compare(current.tag, tag) ?? 0) > 0)) return undefined;
  return `goes down from ${current.tag} to ${tag}: ${current.tag} is outside its policy (${policy.description}), so the lower incoming ${tag} replaces it, as in Flux`;
}

/**
 * Why a field's new tag is worth a look: it adds or drops the `v` of the version it replaces
 * (`1.4.0` to `v1.5.0`). A semver policy reads both spellings, as Flux does, so none stops it, but a
 * registry holds `v1.5.0` and `1.5.0` as two tags: almost always a CI pushing under the other
 * spelling. The tag is written all the same (it is what was asked). Undefined otherwise.
 */
function prefixChange(tag: string, current: Version): string | undefined {
  if (current.tag === undefined || tag.startsWith("v") === current.tag.startsWith("v")) return undefined;
  if (parseFluxVersion(tag) === undefined || parseFluxVersion(current.tag) === undefined) return undefined;
  const [prefixed, plain] = tag.startsWith("v") ? [tag, tag.slice(1)] : [`v${tag}`, tag];
  return `goes from ${current.tag} to ${tag}, which ${tag.startsWith("v") ? "adds" : "drops"} the "v" prefix: a registry holds ${prefixed} and ${plain} as two tags (semver policies read them as one version); check which of them CI pushed`;
}

/**
 * Why a field under a policy keeps its version when the incoming image is a digest alone: a
 * policy ranks tags, and a digest may be any build (an older one, a release candidate). As in
 * Flux, where the policy picks a tag and the digest is that tag's, it takes the tag with it.
 */
function digestOnlyRefusal(image: ImageRef, policy: Policy): string {
  return `is left as it is: ${formatImageRef(image)} has no tag for its policy (${policy.description}) to judge, and a digest alone may be any build; give repo:tag@digest`;
}

/**
 * Why a field keeps its version when its policy accepts no incoming tag at all (`2.0.0` under `^1.0.0`).
 * planUpdate says this once, for the target or the setter whose policy it is, rather than at each field
 * (its kind, `policy-refusal`, tells it apart).
 */
function policyRefusal(image: ImageRef, policy: Policy): string {
  return `is left as it is: the incoming ${formatImageRef(image)} is outside its policy (${policy.description})`;
}

/**
 * nextVersion for a pair of fields that may yet be left whole (a tag that cannot hold the new
 * value): what it says (a kept version, a dropped pin) is held back, and `say` tells it once the
 * caller knows whether the version is written, or that nothing moves.
 */
export function pendingVersion(update: ImageUpdate, current: Version): { readonly next: Version | undefined; readonly say: (note: VersionNote) => void } {
  const said: { why: string; kind?: WarningKind }[] = [];
  const next = nextVersion(update, current, (why, kind) => said.push({ why, kind }));
  return { next, say: (note) => said.forEach(({ why, kind }) => note(why, kind)) };
}

/**
 * The version a field should hold, or undefined when it stays as it is.
 * - A digest-only image pins the digest and keeps the tag; under a policy, which ranks tags
 *   and cannot judge a digest alone, it changes nothing and `note` is told why.
 * - With a policy, an incoming tag the policy does not accept changes nothing (`note` is told), and the
 *   written tag is `policy.latest([current, incoming])`: a late, older build never wins,
 *   and `note` is told why. A current tag outside the policy is not kept (Flux's rule): where it
 *   ranks above the incoming one, `note` is told that the field goes down.
 * - When the tag changes, a digest of the old tag is dropped unless a new one comes with it;
 *   `note` is told that the field is no longer pinned; and that the tag adds or drops a `v` prefix.
 */
export function nextVersion(update: ImageUpdate, current: Version, note?: VersionNote): Version | undefined {
  const { tag, digest } = update.image;
  if (tag === undefined) {
    if (digest === undefined || digest === current.digest) return undefined;
    if (update.policy) {
      note?.(digestOnlyRefusal(update.image, update.policy));
      return undefined;
    }
    return { ...current, digest };
  }
  if (update.policy && update.policy.latest([tag]) === undefined) {
    note?.(policyRefusal(update.image, update.policy), "policy-refusal");
    return undefined;
  }
  const why = keptByPolicy(update, current);
  if (why) {
    note?.(why);
    return undefined;
  }
  const down = downFromOutside(update, current);
  if (down) note?.(down);
  if (current.tag === tag) {
    const nextDigest = digest ?? current.digest;
    return nextDigest === current.digest ? undefined : { tag, ...(nextDigest !== undefined && { digest: nextDigest }) };
  }
  const prefix = prefixChange(tag, current);
  if (prefix) note?.(prefix);
  if (digest === undefined && current.digest !== undefined) note?.(unpinnedWarning(update.image, current.digest, current.tag));
  return { tag, ...(digest !== undefined && { digest }) };
}

/** Incoming images by canonical repository, as the editors look them up; the first one given for a repository wins. */
export function byRepository(images: readonly ImageUpdate[]): ReadonlyMap<string, ImageUpdate> {
  const map = new Map<string, ImageUpdate>();
  for (const update of images) if (!map.has(update.image.repository)) map.set(update.image.repository, update);
  return map;
}

/**
 * What a field holding `ref`, an image of `update`'s repository, should hold: the name as
 * written with the next version; undefined when it stays.
 */
export function nextReference(update: ImageUpdate, ref: ImageRef, note?: VersionNote): string | undefined {
  const next = nextVersion(update, versionOf(ref.tag, ref.digest), note);
  return next && formatImageRef({ name: ref.name, ...next });
}

/**
 * What a field meant to hold `update`'s image, written as `name`, should hold when it holds
 * `current` now; undefined when it stays. A field holding another repository, or no image
 * reference, has no version to keep: it gets the incoming one.
 */
export function nextImageText(update: ImageUpdate, name: string, current: string | undefined, note?: VersionNote): string | undefined {
  const ref = current === undefined ? undefined : tryParseImageRef(current);
  const own = ref?.repository === update.image.repository ? versionOf(ref.tag, ref.digest) : {};
  const next = nextVersion(update, own, note);
  return next && formatImageRef({ name, ...next });
}

/**
 * What a field holding only the tag of `update`'s image (`tag = "1.2.3"` beside `repository`)
 * should hold: the tag of the next version, as a `:tag` marker writes; undefined when it stays.
 * A field holding something else than a tag (a whole reference) is not rewritten into a tag:
 * `note` is told why.
 */
export function nextTagText(update: ImageUpdate, current: string | undefined, note?: VersionNote): string | undefined {
  if (current !== undefined && current !== "" && !isTag(current)) {
    note?.(`holds ${JSON.stringify(current)}, which is not a tag; an override with part: tag writes only a tag, so it is left as it is`);
    return undefined;
  }
  const next = nextVersion(update, versionOf(current, undefined), note);
  return next?.tag === current ? undefined : next?.tag;
}

/**
 * The first image of an incoming repository written in `text` (a word of it, as written) that
 * the request would move on, for a warning where it cannot be edited: a `repo:` or `repo@`
 * before an interpolation has no version of its own, so it counts too, as does any bare
 * repository with `bare` (its version beside it, as in `{repository, tag}`, is known to move).
 */
export function staleImageIn(text: string, incoming: ReadonlyMap<string, ImageUpdate>, bare = false): ImageRef | undefined {
  for (const [word] of text.matchAll(/[\w.\-/:@]+/g)) {
    const name = word.replace(/[:@]+$/, "");
    const ref = tryParseImageRef(name);
    const update = ref && incoming.get(ref.repository);
    if (!ref || !update) continue;
    // A bare repository is stale only where its version follows it from elsewhere (`repo:${tag}`); alone it names the image.
    const versionFollows = bare || name !== word;
    if (ref.tag === undefined && ref.digest === undefined ? versionFollows : nextReference(update, ref) !== undefined) return ref;
  }
  return undefined;
}

/**
 * A kustomize images entry that maps an incoming repository to another (`newName`, a mirror
 * or a fork): the tag it sets is the other repository's, which this image's builds do not
 * name, so it is left with this warning rather than guessed. `fieldName` names the set as the
 * request's face does (`--set`, `input set`).
 */
export function renamedWarning(repository: string, newName: string, fieldName: FieldNamer = byFlag): string {
  return `renames ${repository} to ${newName}, whose tag is left as it is (it is ${newName}'s, not ${repository}'s); if ${newName} mirrors these builds, set that tag with ${fieldName("set")} or a configured override`;
}

/**
 * A field holding only a repository (no tag, no digest) outside a container spec usually has
 * its version in a sibling field (`repository` + `tag`, `image` + `imageTag`): appending a tag
 * to it would break the image the two make together, so it is left with this warning.
 */
export function bareRepositoryWarning(repository: string): string {
  return `holds ${repository} with no tag or digest, so its version is set in another field; left as it is (mark the field holding its tag with a Flux ":tag" marker, or set that field with a configured override with part: tag)`;
}

/**
 * bareRepositoryWarning at the field `field` of a mapping (YAML) or config (KCL), with what it is about: the
 * engine drops it where an override sets a field beside it (overrides.ts), the advice followed, whichever editor said it.
 */
export function bareFieldWarning(field: string, repository: string): { readonly message: string; readonly about: WarningAbout } {
  return { message: `${field} ${bareRepositoryWarning(repository)}`, about: { field, reason: "bare-repository", image: repository } };
}
