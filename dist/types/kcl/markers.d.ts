import { type Marker, type MarkerLine } from "../image/marker.js";
import { type Tokens } from "./tokenizer.js";
/**
 * A comment holding the marker key, and where it is: after the value `token` on its line (the
 * last token before it, closers aside), on a comment line of its own, or after what `follows`
 * names, where it marks nothing.
 */
export type MarkerComment = {
    readonly comment: string;
    readonly start: number;
    readonly line: number;
} & ({
    readonly token: number;
} | {
    readonly ownLine: true;
} | {
    readonly follows: string;
});
/** The comments of a file holding the marker key, in order: found by its occurrences, not by reading every comment. */
export declare function markerComments(tokens: Tokens): Generator<MarkerComment>;
/** A marker that follows no string of its line (MarkerComment's `follows`): it marks nothing, and where it goes is said. */
export declare function misplacedMarkerWarning(marker: Marker, follows: string): string;
/**
 * The markers of a KCL text the editor reads (after a value on its line), each at its line, with
 * what the line holds before it; none in a text that does not parse, which the editor leaves.
 * `misplaced`: instead those it reads nowhere and warns of (on a line of their own, after what `follows`).
 */
export declare function kclMarkers(text: string, misplaced?: boolean): MarkerLine[];
