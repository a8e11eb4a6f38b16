/**
 * Text edits as splices: each replaces [start, end) of the original text. Everything
 * outside the edited ranges is kept byte for byte.
 */
export interface Splice {
    readonly start: number;
    readonly end: number;
    readonly text: string;
}
/** Apply non-overlapping splices; insertions at one position keep their given order. */
export declare function applySplices(text: string, splices: readonly Splice[]): string;
