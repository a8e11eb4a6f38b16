/**
 * The one decision every editor shares: given what a field holds now and the incoming
 * image, what should it hold? Policies make it safe to re-apply (no downgrade, idempotent).
 */
import { formatImageRef, tryParseImageRef, type ImageRef } from "./reference.js";
import type { Policy } from "./policy.js";

/** An incoming image and the rule that decides whether it replaces the current version. */
export interface ImageUpdate {
  readonly image: ImageRef;
  readonly policy?: Policy;
  /** Set the incoming tag even when the policy ranks the current one higher. */
  readonly allowDowngrade?: boolean;
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
 * The version a field should hold, or undefined when it stays as it is.
 * - A digest-only image pins the digest and keeps the tag.
 * - With a policy, an incoming tag the policy does not accept changes nothing, and the
 *   written tag is `policy.latest([current, incoming])`: a late, older build never wins.
 * - When the tag changes, a digest of the old tag is dropped unless a new one comes with it.
 */
export function nextVersion(update: ImageUpdate, current: Version): Version | undefined {
  const { tag, digest } = update.image;
  if (tag === undefined) {
    return digest === undefined || digest === current.digest ? undefined : { ...current, digest };
  }
  const { policy } = update;
  if (policy) {
    if (policy.latest([tag]) === undefined) return undefined;
    if (!update.allowDowngrade && current.tag !== undefined && current.tag !== tag && policy.latest([current.tag, tag]) === current.tag) {
      return undefined;
    }
  }
  if (current.tag === tag) {
    const nextDigest = digest ?? current.digest;
    return nextDigest === current.digest ? undefined : { tag, ...(nextDigest !== undefined && { digest: nextDigest }) };
  }
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
export function nextReference(update: ImageUpdate, ref: ImageRef): string | undefined {
  const next = nextVersion(update, versionOf(ref.tag, ref.digest));
  return next && formatImageRef({ name: ref.name, ...next });
}

/**
 * What a field meant to hold `update`'s image, written as `name`, should hold when it holds
 * `current` now; undefined when it stays. A field holding another repository, or no image
 * reference, has no version to keep: it gets the incoming one.
 */
export function nextImageText(update: ImageUpdate, name: string, current: string | undefined): string | undefined {
  const ref = current === undefined ? undefined : tryParseImageRef(current);
  const own = ref?.repository === update.image.repository ? versionOf(ref.tag, ref.digest) : {};
  const next = nextVersion(update, own);
  return next && formatImageRef({ name, ...next });
}

/**
 * A field holding only a repository (no tag, no digest) outside a container spec usually has
 * its version in a sibling field (`repository` + `tag`, `image` + `imageTag`): appending a tag
 * to it would break the image the two make together, so it is left with this warning.
 */
export function bareRepositoryWarning(repository: string): string {
  return `holds ${repository} with no tag or digest, so its version is set in another field; left as it is (mark that field with a Flux ":tag" marker, or set it with an override)`;
}
