/**
 * The one decision every editor shares: given what a field holds now and the incoming
 * image, what should it hold? Policies make it safe to re-apply (no downgrade, idempotent).
 */
import type { WarningAbout, WarningKind } from "../change.js";
import { type FieldNamer } from "../field-name.js";
import { type ImageRef } from "./reference.js";
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
export declare function versionOf(tag: string | undefined, digest: string | undefined): Version;
/**
 * What a version decision tells at a field, for a person to learn there: why it keeps a version its policy
 * ranks above (or equal to) the incoming one, or cannot judge, so that they learn why nothing moved; or that
 * its edit drops the digest pinning it, goes down from a version outside its policy, or adds or drops a tag's
 * `v` prefix. Each decision tells each once.
 * `kind` is the warning's kind, for a reader that tells it apart (`policy-refusal`: the policy accepts no incoming tag).
 */
export type VersionNote = (why: string, kind?: WarningKind) => void;
/**
 * nextVersion for a pair of fields that may yet be left whole (a tag that cannot hold the new
 * value): what it says (a kept version, a dropped pin) is held back, and `say` tells it once the
 * caller knows whether the version is written, or that nothing moves.
 */
export declare function pendingVersion(update: ImageUpdate, current: Version): {
    readonly next: Version | undefined;
    readonly say: (note: VersionNote) => void;
};
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
export declare function nextVersion(update: ImageUpdate, current: Version, note?: VersionNote): Version | undefined;
/** Incoming images by canonical repository, as the editors look them up; the first one given for a repository wins. */
export declare function byRepository(images: readonly ImageUpdate[]): ReadonlyMap<string, ImageUpdate>;
/**
 * What a field holding `ref`, an image of `update`'s repository, should hold: the name as
 * written with the next version; undefined when it stays.
 */
export declare function nextReference(update: ImageUpdate, ref: ImageRef, note?: VersionNote): string | undefined;
/**
 * What a field meant to hold `update`'s image, written as `name`, should hold when it holds
 * `current` now; undefined when it stays. A field holding another repository, or no image
 * reference, has no version to keep: it gets the incoming one.
 */
export declare function nextImageText(update: ImageUpdate, name: string, current: string | undefined, note?: VersionNote): string | undefined;
/**
 * What a field holding only the tag of `update`'s image (`tag = "1.2.3"` beside `repository`)
 * should hold: the tag of the next version, as a `:tag` marker writes; undefined when it stays.
 * A field holding something else than a tag (a whole reference) is not rewritten into a tag:
 * `note` is told why.
 */
export declare function nextTagText(update: ImageUpdate, current: string | undefined, note?: VersionNote): string | undefined;
/**
 * The first image of an incoming repository written in `text` (a word of it, as written) that
 * the request would move on, for a warning where it cannot be edited: a `repo:` or `repo@`
 * before an interpolation has no version of its own, so it counts too, as does any bare
 * repository with `bare` (its version beside it, as in `{repository, tag}`, is known to move).
 */
export declare function staleImageIn(text: string, incoming: ReadonlyMap<string, ImageUpdate>, bare?: boolean): ImageRef | undefined;
/**
 * A kustomize images entry that maps an incoming repository to another (`newName`, a mirror
 * or a fork): the tag it sets is the other repository's, which this image's builds do not
 * name, so it is left with this warning rather than guessed. `fieldName` names the set as the
 * request's face does (`--set`, `input set`).
 */
export declare function renamedWarning(repository: string, newName: string, fieldName?: FieldNamer): string;
/**
 * A field holding only a repository (no tag, no digest) outside a container spec usually has
 * its version in a sibling field (`repository` + `tag`, `image` + `imageTag`): appending a tag
 * to it would break the image the two make together, so it is left with this warning.
 */
export declare function bareRepositoryWarning(repository: string): string;
/**
 * bareRepositoryWarning at the field `field` of a mapping (YAML) or config (KCL), with what it is about: the
 * engine drops it where an override sets a field beside it (overrides.ts), the advice followed, whichever editor said it.
 */
export declare function bareFieldWarning(field: string, repository: string): {
    readonly message: string;
    readonly about: WarningAbout;
};
