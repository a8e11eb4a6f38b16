/**
 * A digest pins a field to one build. An edit that moves the tag without writing a digest drops
 * the pin (a new tag that comes without a digest: the old digest is the old tag's build): said at the field.
 */
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
