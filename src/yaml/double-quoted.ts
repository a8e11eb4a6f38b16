/**
 * A one-line double-quoted YAML scalar's source read with where each character is written
 * (YAML 1.2 §5.7 escapes), so that another string can be spliced into it keeping the escapes
 * around what changes (`"a.image=\x22repo:1.0\x22"` stays written with `\x22`).
 */
import type { Decoded } from "../text/escaped-edit.js";

const NAMED: Readonly<Record<string, string>> = {
  "0": "\0",
  a: "\x07",
  b: "\b",
  t: "\t",
  "\t": "\t",
  n: "\n",
  v: "\v",
  f: "\f",
  r: "\r",
  e: "\x1b",
  " ": " ",
  '"': '"',
  "/": "/",
  "\\": "\\",
  N: "\x85",
  _: "\xa0",
  L: "\u2028",
  P: "\u2029",
};

const HEX_DIGITS: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };

/** The text of a double-quoted scalar's source (quotes included, no line break), its map's offsets in that source; undefined for an escape YAML refuses. */
export function decodeDoubleQuoted(source: string): Decoded | undefined {
  let text = "";
  const map: number[] = [];
  const add = (s: string, at: number) => {
    for (let k = 0; k < s.length; k++) map.push(at);
    text += s;
  };
  const end = source.length - 1;
  for (let i = 1; i < end;) {
    if (source[i] !== "\\") {
      add(source[i]!, i);
      i++;
      continue;
    }
    const c = source[i + 1]!;
    const named = NAMED[c];
    if (named !== undefined) {
      add(named, i);
      i += 2;
      continue;
    }
    const digits = HEX_DIGITS[c] ?? 0;
    const hex = source.slice(i + 2, i + 2 + digits);
    const code = digits > 0 && hex.length === digits && /^[0-9a-fA-F]+$/.test(hex) ? parseInt(hex, 16) : -1;
    if (code < 0 || code > 0x10ffff) return undefined;
    add(String.fromCodePoint(code), i);
    i += 2 + digits;
  }
  map.push(end);
  return { text, map };
}
