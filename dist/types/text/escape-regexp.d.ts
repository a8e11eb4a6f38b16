/** `text` as a regular expression that matches exactly it. */
export declare function escapeRegExp(text: string): string;
