import type { Warning } from "../change.js";
import type { Policy } from "../image/policy.js";
/** What one marker key stands for, from an ImagePolicy and its ImageRepository. */
export interface FluxSetter {
    /** The ImageRepository's `spec.image` as written: what `:name` markers and the plain marker write. */
    readonly name: string;
    /** Canonical repository, to match incoming images. */
    readonly repository: string;
    readonly policy: Policy;
    /** The ImageRepository's `spec.exclusionList` (Go regexes, unanchored): matching tags are refused. */
    readonly exclusionList: readonly RegExp[];
}
export declare const FLUX_IMAGE_API_GROUP = "image.toolkit.fluxcd.io";
/** Cheap byte screen before any parse: every Flux image object names its API group. */
export declare function mayHoldFluxObjects(text: string): boolean;
/**
 * Setters from ImageRepository and ImagePolicy objects (`image.toolkit.fluxcd.io` v1beta1,
 * v1beta2, v1) in multi-document YAML files, keyed `<policy namespace>:<policy name>`.
 * Objects that cannot be used (invalid policy, missing repository, duplicates) are skipped
 * with a warning saying where they are.
 */
export declare function fluxSetters(docs: readonly {
    readonly file: string;
    readonly text: string;
}[]): {
    setters: Map<string, FluxSetter>;
    warnings: Warning[];
};
