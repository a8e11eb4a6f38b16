/**
 * How the source of a YAML scalar becomes its text, for the forms the subset parser reads
 * (subset.ts): double-quoted escapes and folded block scalars.
 */
/**
 * The text of a folded block scalar's content lines (indentation removed, none
 * more-indented), before chomping: a line break between two lines becomes a space, one
 * followed by empty lines becomes those lines' breaks.
 */
export declare function fold(lines: readonly string[]): string;
/** The text of a one-line double-quoted scalar's content (YAML 1.2 §5.7), or undefined when an escape is invalid. */
export declare function unescapeDoubleQuoted(inner: string): string | undefined;
