/** Items as a sentence lists them: `a`, `a and b`, `a, b and c`; empty for none. */
export declare function andList(items: readonly string[]): string;
