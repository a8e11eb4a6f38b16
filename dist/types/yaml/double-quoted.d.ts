/**
 * A one-line double-quoted YAML scalar's source read with where each character is written
 * (scalar-text.ts's decoder), so that another string can be spliced into it keeping the escapes
 * around what changes (`"a.image=\x22repo:1.0\x22"` stays written with `\x22`).
 */
import type { Decoded } from "../text/escaped-edit.js";
/** The text of a double-quoted scalar's source (quotes included, no line break), its map's offsets in that source; undefined for an escape YAML refuses. */
export declare function decodeDoubleQuoted(source: string): Decoded | undefined;
