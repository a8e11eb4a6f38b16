/**
 * How the source of a YAML scalar becomes its text, for the forms the subset parser reads
 * (subset.ts): double-quoted escapes and folded block scalars; and a one-line double-quoted
 * scalar read with where each character is written (decodeDoubleQuoted), so that another
 * string can be spliced into it keeping the escapes around what changes
 * (`"a.image=\x22repo:1.0\x22"` stays written with `\x22`, kcl-settings.ts).
 */
import type { Decoded } from "../text/escaped-edit.js";
/**
 * The text of a folded block scalar's content lines (indentation removed, none
 * more-indented), before chomping: a line break between two lines becomes a space, one
 * followed by empty lines becomes those lines' breaks.
 */
export declare function fold(lines: readonly string[]): string;
/**
 * The text of a one-line double-quoted scalar's content (YAML 1.2 §5.7), or undefined when an
 * escape is invalid or writes a surrogate code point (left to the yaml package). With `map`,
 * also where each UTF-16 unit of the text is written in `inner`: map[i] is the offset where
 * unit i's character or escape starts (both units of `\U0001F600` at its backslash), and
 * map[text.length] is inner.length. The text between escapes is copied a run at a time: this
 * reads every escaped scalar the editors parse.
 */
export declare function unescapeDoubleQuoted(inner: string, map?: number[]): string | undefined;
/** The text of a double-quoted scalar's source (quotes included, no line break), its map's offsets in that source; undefined for an escape YAML refuses. */
export declare function decodeDoubleQuoted(source: string): Decoded | undefined;
