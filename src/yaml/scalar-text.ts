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
export function fold(lines: readonly string[]): string {
  let out = "";
  let breaks = 0;
  for (const line of lines) {
    if (line === "") {
      breaks++;
      continue;
    }
    out += breaks > 0 || out === "" ? "\n".repeat(breaks) : " ";
    out += line;
    breaks = 0;
  }
  return out;
}

/** YAML 1.2 §5.7's escapes of one character after the backslash. */
const ESCAPES: Readonly<Record<string, string>> = {
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
/** The escapes of a code point in hex, and how many digits each takes. */
const HEX_DIGITS: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };

/**
 * The text of a one-line double-quoted scalar's content (YAML 1.2 §5.7), or undefined when an
 * escape is invalid or writes a surrogate code point (left to the yaml package). With `map`,
 * also where each UTF-16 unit of the text is written in `inner`: map[i] is the offset where
 * unit i's character or escape starts (both units of `\U0001F600` at its backslash), and
 * map[text.length] is inner.length. The text between escapes is copied a run at a time: this
 * reads every escaped scalar the editors parse.
 */
export function unescapeDoubleQuoted(inner: string, map?: number[]): string | undefined {
  let out = "";
  let from = 0;
  for (let i = inner.indexOf("\\"); i >= 0; i = inner.indexOf("\\", from)) {
    out += inner.slice(from, i);
    if (map) for (let k = from; k < i; k++) map.push(k);
    const e = inner[i + 1] ?? "";
    const digits = HEX_DIGITS[e];
    let escaped: string | undefined;
    if (digits === undefined) {
      escaped = ESCAPES[e];
      from = i + 2;
    } else {
      const hex = inner.slice(i + 2, i + 2 + digits);
      const code = hex.length === digits && /^[0-9a-fA-F]+$/.test(hex) ? parseInt(hex, 16) : -1;
      if (code >= 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)) escaped = String.fromCodePoint(code);
      from = i + 2 + digits;
    }
    if (escaped === undefined) return undefined;
    out += escaped;
    if (map) for (let k = 0; k < escaped.length; k++) map.push(i);
  }
  if (map) {
    for (let k = from; k < inner.length; k++) map.push(k);
    map.push(inner.length);
  }
  return from === 0 ? inner : out + inner.slice(from);
}

/**
 * `text` with each double-quoted scalar holding an escape written as it reads, where that is plain (no quote,
 * backslash or line break in it): what a search for a word finds of a YAML text spelling it by escapes
 * (`"ghcr.io\/acme\/app"`, or `"ghcr.io/acme/\` and `app"` on the next line, a line break escaped). A line break
 * in one reads as a space, as its fold. Lines and offsets are not kept, and the span between two quotes that
 * are no scalar's (one in a comment) is read as one too: a search of this adds to one of `text`, never replaces it.
 */
export function readDoubleQuoted(text: string): string {
  return text.replace(/"((?:[^"\\]|\\[\s\S])*)"/g, (scalar, inner: string) => {
    if (!inner.includes("\\")) return scalar;
    // An escaped line break joins its lines, leading spaces dropped; another is folded, to a space at least.
    const joined = inner.replace(/\\\r?\n[ \t]*|\\[\s\S]|[ \t]*\r?\n[ \t]*/g, (part) => (part.startsWith("\\") ? (/^\\\r?\n/.test(part) ? "" : part) : " "));
    const read = unescapeDoubleQuoted(joined);
    return read === undefined || /["\\\r\n]/.test(read) ? scalar : `"${read}"`;
  });
}

/** The text of a double-quoted scalar's source (quotes included, no line break), its map's offsets in that source; undefined for an escape YAML refuses. */
export function decodeDoubleQuoted(source: string): Decoded | undefined {
  const map: number[] = [];
  const text = unescapeDoubleQuoted(source.slice(1, -1), map);
  // The map counts from the content; the source starts with its quote.
  return text === undefined ? undefined : { text, map: map.map((at) => at + 1) };
}
