import { type ImageUpdate, type VersionNote } from "./update.js";
/** The keys a split image's fields may have. */
export declare const SPLIT_IMAGE_KEYS: ReadonlySet<string>;
/** The fields of a split image, each as the caller reads one; a key with no field is undefined. */
interface SplitImage<F> {
    readonly repository: F | undefined;
    readonly registry: F | undefined;
    readonly tag: F | undefined;
    readonly digest: F | undefined;
}
/** The split image `field` reads from one mapping or config: `repository`, else `name`, beside the others. */
export declare function splitImage<F>(field: (key: string) => F | undefined): SplitImage<F>;
/** A split image's name as its fields write it: its repository, after its registry when it has one. */
export declare function splitImageName(registry: string | undefined, repository: string): string;
/**
 * The digest field beside the field `key` of a mapping (`field` reads its siblings): the digest
 * of a split image whose tag `key` is, which pins the build of the tag it was set with.
 */
export declare function digestBeside<F>(key: string | number, field: (key: string) => F | undefined): F | undefined;
/**
 * The digest beside the tag field `key` of a mapping (`field` reads its siblings, `text` a field's string), which pins
 * the build whatever the tag reads, and the image the mapping names: a split image's `digest` beside its `tag`
 * (digestBeside), or a kustomize `images:` entry's beside its `newTag` (kustomize writes `@digest` and drops the tag
 * when both are set), whose image is its `newName`, else its `name`, as the kustomize editor matches it.
 */
export declare function pinBeside<F>(key: string | number, field: (key: string) => F | undefined, text: (field: F | undefined) => string | undefined): {
    readonly digest: F;
    readonly name: string;
} | undefined;
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
export declare function nextSplitImage(update: ImageUpdate, current: SplitVersion): {
    readonly next: NextSplitVersion | undefined;
    readonly say: SplitSay;
};
export {};
