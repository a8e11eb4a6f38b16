/**
 * How the source of a YAML scalar becomes its text, for the forms the subset parser reads
 * (subset.ts): double-quoted escapes and folded block scalars.
 */

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

const ESCAPES: Record<string, string> = {
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
const HEX_DIGITS: Record<string, number> = { x: 2, u: 4, U: 8 };

/** The text of a one-line double-quoted scalar's content (YAML 1.2 §5.7), or undefined when an escape is invalid. */
export function unescapeDoubleQuoted(inner: string): string | undefined {
  let out = "";
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i]!;
    if (c !== "\\") {
      out += c;
      continue;
    }
    const e = inner[++i]!;
    const digits = HEX_DIGITS[e];
    if (digits === undefined) {
      const escaped = ESCAPES[e];
      if (escaped === undefined) return undefined;
      out += escaped;
      continue;
    }
    const hex = inner.slice(i + 1, i + 1 + digits);
    if (hex.length !== digits || !/^[0-9a-fA-F]+$/.test(hex)) return undefined;
    const code = parseInt(hex, 16);
    if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return undefined;
    out += String.fromCodePoint(code);
    i += digits;
  }
  return out;
}
