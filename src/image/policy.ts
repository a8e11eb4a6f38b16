/**
 * Image policies with Flux ImagePolicy semantics (semver, alphabetical, numerical,
 * filterTags). The contract the rest of the engine relies on is the `Policy` interface.
 */

/** Decides which tag is the latest among candidates; tags it does not accept are ignored. */
export interface Policy {
  /** The latest accepted tag as written (e.g. with its `v`), or undefined when none is accepted. */
  latest(tags: readonly string[]): string | undefined;
  /** A short human description, e.g. `semver ^1.0.0`. */
  readonly description: string;
}
