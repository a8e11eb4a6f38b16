/** Items as a sentence lists them: `a`, `a and b`, `a, b and c`; empty for none. */
export declare function andList(items: readonly string[]): string;
/**
 * The first `named` items, comma-separated, and how many more there are: `a, b, c and 7 more`;
 * all of them when there are no more than `named`. Ten by default, as a missing-key message
 * names the keys there: a config of thousands would make it unreadable.
 */
export declare function cappedList(items: readonly string[], named?: number): string;
