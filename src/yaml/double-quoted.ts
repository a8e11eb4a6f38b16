/**
 * A one-line double-quoted YAML scalar's source read with where each character is written
 * (scalar-text.ts's decoder), so that another string can be spliced into it keeping the escapes
 * around what changes (`"a.image=\x22repo:1.0\x22"` stays written with `\x22`).
 */
import type { Decoded } from "../text/escaped-edit.js";
import { unescapeDoubleQuoted } from "./scalar-text.js";

/** The text of a double-quoted scalar's source (quotes included, no line break), its map's offsets in that source; undefined for an escape YAML refuses. */
export function decodeDoubleQuoted(source: string): Decoded | undefined {
  const map: number[] = [];
  const text = unescapeDoubleQuoted(source.slice(1, -1), map);
  // The map counts from the content; the source starts with its quote.
  return text === undefined ? undefined : { text, map: map.map((at) => at + 1) };
}
