/**
 * A digest pins a field to one build. An edit that moves the tag without writing a digest either
 * drops the pin (a new tag that comes without a digest: the old digest is the old tag's build) or,
 * a `--set` of a tag alone, leaves the digest beside it pinning the earlier build, which is then
 * what runs whatever the tag reads. Either way it is said at the field.
 */
import { byFlag, givenValue, type FieldNamer } from "../field-name.js";
import { formatImageRef, type ImageRef } from "./reference.js";

/** `sha256:` and 12 hex digits: enough to tell builds apart in a message. */
export function shortDigest(digest: string): string {
  const colon = digest.indexOf(":");
  return colon < 0 ? digest : digest.slice(0, colon + 13);
}

/** What a field pinned to `digest` (the build of `oldTag`) is told when `image`, a tag without a digest, replaces both; the field's key goes in front. */
export function unpinnedWarning(image: ImageRef, digest: string, oldTag: string | undefined): string {
  const whose = oldTag === undefined ? "" : ` (${oldTag}'s)`;
  const incoming = formatImageRef(image);
  return `drops the digest pin ${shortDigest(digest)}${whose}: ${incoming} has no digest; send ${incoming}@sha256:<digest> to keep digests pinned`;
}

/** A split image's tag a `--set` (or a configured override with `part: tag`) wrote alone, and the digest beside it that it left. */
interface StaleDigest {
  /** A configured override wrote the tag, not a `--set`: it sets only its one field, whatever image comes. */
  readonly configured?: boolean;
  /** The tag field as the spec names it, and what it wrote there. */
  readonly tagKey: string;
  readonly tag: string;
  /** The digest field, its 1-based line and what it holds. */
  readonly digestKey: string;
  readonly line: number;
  readonly digest: string;
  /** The image's name as its fields spell it (`registry/repository`); undefined where it is not known (a registry this run cannot read), which no image given moves. */
  readonly name: string | undefined;
}

/**
 * What a `--set` or configured override of a split image's tag says when the digest beside it, which the run does not set,
 * still pins the earlier build; `fieldName` names the set and the image as the request's face does (`--set`, `input set`).
 */
export function staleDigestWarning({ configured, tagKey, tag, digestKey, line, digest, name }: StaleDigest, fieldName: FieldNamer = byFlag): string {
  const stale = `the digest beside it (${digestKey}, line ${line}) still pins the earlier build ${shortDigest(digest)}, so that build runs`;
  const set = fieldName("set");
  if (configured)
    return `${tagKey}: its configured override wrote ${tag}, but ${stale}; an override with part: tag sets only the tag: empty ${digestKey} so that the tag decides, or set it with ${set}`;
  const give = name === undefined ? "" : `, or give the image with ${givenValue(fieldName, "image", `${name}:${tag}@sha256:<digest>`)}`;
  return `${tagKey}: ${set} wrote ${tag}, but ${stale}; set ${digestKey} too${give}`;
}
