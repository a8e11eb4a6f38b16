/**
 * Semantic versions and ranges exactly as Flux's semver ImagePolicy reads them:
 * fluxcd/pkg `version.ParseVersion` over Masterminds/semver v3 (`NewVersion` with
 * CoerceNewVersion, `NewConstraint`, `Constraints.Check`).
 *
 * npm `semver` cannot stand in (reference/flux-image-automation.md §3.1): it rejects
 * leading zeros (`v2025.07.03`), comma-separated AND groups, `!=` and `^1.x-0`, reads `""`
 * as `*`, and admits prereleases only on the same major.minor.patch as a prerelease
 * comparator, where Masterminds admits prereleases of any version once one comparator of
 * the AND group carries a prerelease. Masterminds' grammar is regex-defined, so its regexes
 * are restated here (JS and Go agree on leftmost-first matching) with Go's ASCII `\s`.
 */
export interface FluxVersion {
    readonly major: bigint;
    readonly minor: bigint;
    readonly patch: bigint;
    /** Without the leading `-`; empty for a release. */
    readonly prerelease: string;
    /** The text as written (with its `v` and leading zeros): what a policy returns. */
    readonly original: string;
}
/**
 * fluxcd/pkg `version.ParseVersion`: a tag is a version only with at least three
 * dot-separated parts (`v1.2` is not, though Masterminds alone would coerce it).
 */
export declare function parseFluxVersion(tag: string): FluxVersion | undefined;
/** Precedence: major, minor, patch, then a release above its prereleases; build metadata is ignored. */
export declare function compareFluxVersions(a: FluxVersion, b: FluxVersion): number;
export declare class SemverRangeError extends Error {
    readonly range: string;
    constructor(range: string);
}
/** A parsed range: OR groups (`||`) of AND-ed comparators (space or comma separated). */
export interface FluxRange {
    readonly range: string;
    satisfiedBy(v: FluxVersion): boolean;
}
/** Masterminds `NewConstraint`; throws SemverRangeError for what it refuses (`""`, `1x`, `*-*`, …). */
export declare function parseFluxRange(range: string): FluxRange;
