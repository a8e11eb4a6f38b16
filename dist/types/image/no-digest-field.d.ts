/**
 * An image held as a repository beside a tag with no digest field (Helm values, a KCL config)
 * has nowhere to put an incoming digest. With a tag, the tag is still set and the digest is
 * dropped; a digest alone leaves the pair as it is. Either way it is said at the pair: what
 * is deployed is then not pinned to what was promoted, and the dispatch Action sends digests
 * by default.
 */
import { type ImageRef } from "./reference.js";
/**
 * What a tag/repository pair without a digest field (or a Flux `:tag` marker with no `:digest` one)
 * says of `image`, which has a digest; the pair's key (the setter) goes in front, `fix` says what takes it.
 */
export declare function noDigestFieldWarning(image: ImageRef, fix?: string): string;
