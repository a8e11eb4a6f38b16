/** A parsed image reference. `name` is kept exactly as written; `repository` is canonical. */
export interface ImageRef {
    /** Registry and path as written, without tag or digest: `nginx`, `ghcr.io/acme/app`. */
    readonly name: string;
    /** Canonical repository: `docker.io/library/nginx`, `ghcr.io/acme/app`. */
    readonly repository: string;
    readonly tag?: string;
    readonly digest?: string;
}
export declare class ImageRefError extends Error {
    readonly input: string;
    readonly reason: string;
    constructor(input: string, reason: string);
}
/** A tag as OCI distribution spells one. */
export declare function isTag(text: string): boolean;
/**
 * Whether `text` is spelt as a digest, `<algorithm>:...` with an algorithm a reference may name, whatever its length:
 * a test's `sha256:1234567890abcdef` is a digest too short to be one, not the image `sha256` tagged `1234567890abcdef`.
 */
export declare function spelledAsDigest(text: string): boolean;
/** Why `text` is no digest as a reference's grammar reads one (`a sha256 digest has 64 hex digits, this one has 3`); undefined for a digest. */
export declare function digestProblem(text: string): string | undefined;
/** A digest as a reference's grammar reads one (`sha256:<64 hex>`). */
export declare function isDigest(text: string): boolean;
/** The registry a name spells out (`ghcr.io` of `ghcr.io/acme/app`); none for a Docker Hub name written without it (`acme/app`). */
export declare function writtenRegistry(name: string): string | undefined;
/** Parse and validate a reference; throws ImageRefError saying what is wrong. */
export declare function parseImageRef(input: string): ImageRef;
/**
 * The reference with its name lower-cased, when that alone makes an invalid reference valid
 * (`ghcr.io/Acme-Corp/app:1.2.3` -> `ghcr.io/acme-corp/app:1.2.3`); the tag keeps its case, as
 * tags are case-sensitive. Undefined when the reference is valid, or invalid for another reason.
 */
export declare function lowerCasedReference(input: string): string | undefined;
/**
 * What is wrong with a reference built by hand (a library caller's `{name, repository, tag}`) rather than
 * by parseImageRef: what parseImageRef refuses in its text (a tag holding a quote or a newline, which no
 * editor may splice into YAML or KCL), or a part its text reads otherwise. Undefined for one parseImageRef gives.
 */
export declare function builtRefProblem(ref: ImageRef): string | undefined;
/** Parse, or undefined when the text is not a valid reference (for scanning existing values). */
export declare function tryParseImageRef(input: string): ImageRef | undefined;
/**
 * Canonical repository of a name without tag or digest (`nginx` -> `docker.io/library/nginx`),
 * or undefined when it is not a valid name.
 */
export declare function normalizeRepository(name: string): string | undefined;
/** `name[:tag][@digest]`, the form Flux writes for a plain `$imagepolicy` marker. */
export declare function formatImageRef(ref: Pick<ImageRef, "name" | "tag" | "digest">): string;
/**
 * The repository path without its registry (`acme/app`; `nginx` for Docker Hub's library):
 * every spelling of the repository in a file contains it (`nginx`, `docker.io/library/nginx`,
 * Helm's split `registry`/`repository`), so it is the token of the cheap byte screen that
 * runs before any parse.
 */
export declare function screenToken(ref: ImageRef): string;
/** The repository as a whole word, in any spelling a file may give it: `acme/ap` is not in `acme/app:1.0`. */
export declare function repositoryPattern(image: ImageRef): RegExp;
