/**
 * Flux image-automation setter markers (`# {"$imagepolicy": "<ns>:<name>[:tag|:name|:digest]"}`),
 * whatever file format carries the comment, and what a marked field should hold. The grammar
 * is Flux's (kyaml FieldMeta.Read): every leading '#' stripped, the rest must be one JSON
 * object of string values. Flux silently ignores a comment that fails this; we read it as an
 * error when it clearly meant to be a marker, so the editor can say why nothing changed.
 */
import type { FullEditRequest, WarningKind } from "../change.js";
import { type ImageUpdate } from "./update.js";
/**
 * A marker's key (Flux's SetterShorthand), unquoted: text without it holds neither a marker nor one
 * written in single quotes (readMarker's `ignored`).
 */
export declare const MARKER_KEY = "$imagepolicy";
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
/**
 * A marker; a comment that tries to be one but is malformed (error: the value is left as it
 * is); a marker written in single quotes, which Flux reads as no marker (ignored: a warning,
 * and the value is treated as unmarked); or no marker (undefined).
 */
export type MarkerReading = {
    readonly marker: Marker;
} | {
    readonly error: string;
} | {
    readonly ignored: string;
} | undefined;
/** A marker a text holds, the 1-based line of the value it marks, and what that line holds besides the marker (the value, its key or item). */
export interface MarkerLine {
    readonly marker: Marker;
    readonly line: number;
    readonly before: string;
}
/**
 * The markers of a YAML text written as line comments after a value (`image: app:1 # {"$imagepolicy": "ns:app"}`,
 * how Flux's docs write them, or after the comma ending an entry of a flow collection:
 * `a:1, # {...}`), found by their token without parsing the file. A comment on a line of its
 * own is not read: it marks only a value opening the line below it (yaml/markers.ts's
 * headMarkers reads those). KCL's are read from its tokens (kcl/markers.ts).
 */
export declare function lineMarkers(text: string): MarkerLine[];
/** Read a comment, given with its leading '#'. */
export declare function readMarker(comment: string): MarkerReading;
/**
 * The warning for a marker whose key the request has no image for: an unknown key, or a
 * known one with why it is left here (`known`: EditRequest.knownSetters); none when that is no news.
 */
export declare function unknownSetterWarning(marker: Marker, known?: ReadonlyMap<string, string | undefined>): string | undefined;
/** A marked field as an editor found it: its marker and the text it holds now. */
export interface MarkedText {
    readonly marker: Marker;
    readonly text: string;
}
/** The fields (at least one) one setter marks in one document, and the image the setter stands for. */
export interface SetterGroup<F extends MarkedText = MarkedText> {
    readonly update: ImageUpdate;
    readonly fields: readonly F[];
}
/**
 * What each marked field should hold (undefined: leave it), for groups in document order,
 * parallel to `groups` and their fields. A setter's tag decision in one group also governs
 * its `:name`/`:digest` fields in groups without a tag of their own, so a refused downgrade
 * is never half-applied. Each plain marker decides on its own version, like Flux. `kept` is
 * told of each field that keeps a version its policy ranks above or equal to the incoming one: a plain
 * marked field, or a group's `:tag` field; and of a `:tag` field with no `:digest` field beside it
 * given a digest alone, which it has nowhere to put (no-digest-field.ts), so nothing moves.
 */
export declare function markedValues<F extends MarkedText>(groups: readonly SetterGroup<F>[], kept?: (field: F, why: string, kind?: WarningKind) => void): (string | undefined)[][];
/** A field a marker marks, as an editor found it: where to warn about it, and how to write it or why it never is. */
export type MarkedSite = MarkedText & {
    /** A setter's fields decide together within one document (a KCL file is one). */
    readonly document: number;
    readonly warn: (message: string, kind?: WarningKind) => void;
} & ({
    readonly write: (value: string) => void;
} | {
    readonly refusal: string;
});
/**
 * The marked fields of one file and what they get, for every format: the editors only find
 * the fields and splice. A field whose key the request has no image for is warned about as it
 * is added, in the order the editor warns in; the others are written once all are known.
 */
export declare class MarkedFields {
    private readonly request;
    /** By document and setter key, in the order first met. */
    private readonly groups;
    constructor(request: Pick<FullEditRequest, "setters" | "knownSetters">);
    add(site: MarkedSite): void;
    /** Writes every field whose value moves: the fields of one image of a setter in one document decide together (markedValues). */
    writeAll(): void;
}
