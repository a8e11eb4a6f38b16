/**
 * Another string written into the source of a string whose text is escaped (a TOML or YAML
 * quoted string): only the characters that differ are encoded again, so the escapes the file
 * wrote around them (`\u0022` for a quote) stay as written.
 */
/** A quoted string's source decoded: `map[i]` is the source offset where decoded UTF-16 unit i starts; map[text.length] is where the text ends. */
export interface Decoded {
    readonly text: string;
    readonly map: readonly number[];
}
/**
 * The source splice that makes `decoded`'s text read `after`: the source range of the units
 * that differ ([start, end), offsets of `map`), and what to write there, `encode`d; undefined
 * when `encode` cannot write those units.
 */
export declare function escapedEdit(decoded: Decoded, after: string, encode: (text: string) => string | undefined): {
    readonly start: number;
    readonly end: number;
    readonly insert: string;
} | undefined;
