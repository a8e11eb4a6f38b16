/**
 * A digest pins a field to one build. An edit that moves the tag without writing a digest either
 * drops the pin (a new tag that comes without a digest: the old digest is the old tag's build) or,
 * a `--set` of a tag alone, leaves the digest beside it pinning the earlier build, which is then
 * what runs whatever the tag reads. Either way it is said at the field.
 */
import { type FieldNamer } from "../field-name.js";
import { type ImageRef } from "./reference.js";
/** `sha256:` and 12 hex digits: enough to tell builds apart in a message. */
export declare function shortDigest(digest: string): string;
/** What a field pinned to `digest` (the build of `oldTag`) is told when `image`, a tag without a digest, replaces both; the field's key goes in front. */
export declare function unpinnedWarning(image: ImageRef, digest: string, oldTag: string | undefined): string;
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
    /** The image's name as its fields spell it (`registry/repository`). */
    readonly name: string;
}
/**
 * What a `--set` or configured override of a split image's tag says when the digest beside it, which the run does not set,
 * still pins the earlier build; `fieldName` names the set and the image as the request's face does (`--set`, `input set`).
 */
export declare function staleDigestWarning({ configured, tagKey, tag, digestKey, line, digest, name }: StaleDigest, fieldName?: FieldNamer): string;
export {};
