import { type ImageUpdate } from "./update.js";
/** Flux's screening token (the key with its quotes): text without it holds no marker. */
export declare const MARKER_TOKEN: string;
/** What a marked field holds: the whole reference (`<ns>:<name>`) or one part of it. */
export type MarkerField = "ref" | "tag" | "name" | "digest";
export interface Marker {
    /** `<ns>:<name>`, the key EditRequest.setters is indexed by. */
    readonly key: string;
    readonly field: MarkerField;
    /** The setter as Flux names it: the key, plus `:tag`, `:name` or `:digest`. */
    readonly setter: string;
}
/** A marker, a comment that tries to be one but is malformed (error), or no marker (undefined). */
export type MarkerReading = {
    readonly marker: Marker;
} | {
    readonly error: string;
} | undefined;
/** Read a comment, given with its leading '#'. */
export declare function readMarker(comment: string): MarkerReading;
/** The warning for a marker whose key no configured setter has. */
export declare function unknownSetterWarning(marker: Marker, known?: ReadonlySet<string>): string | undefined;
/** A marked field as an editor found it: its marker and the text it holds now. */
export interface MarkedText {
    readonly marker: Marker;
    readonly text: string;
}
/** The fields (at least one) one setter marks in one document, and the image the setter stands for. */
export interface SetterGroup {
    readonly update: ImageUpdate;
    readonly fields: readonly MarkedText[];
}
/**
 * What each marked field should hold (undefined: leave it), for groups in document order,
 * parallel to `groups` and their fields. A setter's tag decision in one group also governs
 * its `:name`/`:digest` fields in groups without a tag of their own, so a refused downgrade
 * is never half-applied. Each plain marker decides on its own version, like Flux.
 */
export declare function markedValues(groups: readonly SetterGroup[]): (string | undefined)[][];
