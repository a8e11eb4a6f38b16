/** A count with its noun: `1 value`, `3 values`; `plural` for a noun that does not just take an s (`repositories`). */
export declare function counted(n: number, noun: string, plural?: string): string;
