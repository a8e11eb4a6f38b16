/** Items as a sentence lists them: `a`, `a and b`, `a, b and c`; empty for none. */
export declare function andList(items: readonly string[]): string;
/** How `cappedList` words what it names and what it counts. */
export interface CappedListOptions {
    /** What the items are, to count the rest by: `a, b and 2 more images`; the bare count without (`and 2 more`). */
    noun?: string;
    /** All of them, when there are no more than it names, as a sentence lists them (`a, b and c`), not `a, b, c`. */
    sentence?: boolean;
}
/**
 * The first `named` items, comma-separated, and how many more there are: `a, b, c and 7 more`;
 * all of them when there are no more than `named`. Ten by default, as a missing-key message
 * names the keys there: a config of thousands would make it unreadable.
 */
export declare function cappedList(items: readonly string[], named?: number, { noun, sentence }?: CappedListOptions): string;
