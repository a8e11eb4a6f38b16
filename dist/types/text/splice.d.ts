/** Replace `text[start, end)` with `insert`. */
export interface Splice {
    readonly start: number;
    readonly end: number;
    readonly insert: string;
}
/** Text order for `Array.prototype.sort`: by start, then end; the sort is stable, so insertions at one offset keep their given order. */
export declare function byPosition(a: Splice, b: Splice): number;
/**
 * Applies splices given in text order (`byPosition`); returns `text` itself when there are
 * none. Overlapping splices are a bug of the editor that made them: they throw a SourceError at
 * the line, so that the run names the file and writes nothing of it, as for any file it cannot edit.
 */
export declare function applySplices(text: string, ordered: readonly Splice[]): string;
