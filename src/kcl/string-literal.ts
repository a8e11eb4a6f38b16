/**
 * KCL string literals: what a literal's source text means (escape decoding of
 * crates/parser/src/lexer/string.rs) and how to write a value back in a given style, so an
 * edit keeps the quoting the file already uses.
 */
import type { Decoded } from "../text/escaped-edit.js";

/** How a literal is written: quote character, triple quotes, `r` prefix (and its case). */
export interface StringStyle {
  readonly quote: '"' | "'";
  readonly triple: boolean;
  /** "" for a plain literal, "r" or "R" for a raw one. */
  readonly prefix: "" | "r" | "R";
}

export interface StringLiteral {
  readonly style: StringStyle;
  /** The text between the quotes, exactly as written. */
  readonly body: string;
}

/** Split a literal's source text (as the tokenizer delimits it) into style and body. */
export function readStringLiteral(raw: string): StringLiteral {
  const prefix = raw[0] === "r" || raw[0] === "R" ? raw[0] : "";
  const quote = raw[prefix.length] === "'" ? "'" : '"';
  const triple = raw.startsWith(quote.repeat(3), prefix.length) && raw.length >= prefix.length + 6;
  const q = triple ? 3 : 1;
  return { style: { quote, triple, prefix }, body: raw.slice(prefix.length + q, raw.length - q) };
}

const SIMPLE_ESCAPES: Record<string, string> = { "\\": "\\", "'": "'", '"': '"', a: "\x07", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v" };

/**
 * The value a literal denotes (before interpolation). Raw literals keep backslashes;
 * `\<newline>` is a continuation; unknown escapes (and `\U` beyond Unicode) keep both
 * characters; `\${` stays `${`.
 * `\N{name}` is kept as written (no Unicode name table here).
 */
export function stringLiteralValue(raw: string): string {
  const { style, body } = readStringLiteral(raw);
  const text = style.triple ? dedent(body) : body;
  return style.prefix !== "" || !text.includes("\\") ? text : decodeEscapes(text).text;
}

/**
 * The text a non-raw literal's body (`text`, dedented if triple-quoted) denotes, its escapes decoded, with where
 * each of its units is written in `text` (Decoded), so that an edit can keep the escapes around what it changes.
 */
export function decodeEscapes(text: string): Decoded {
  let out = "";
  const map: number[] = [];
  // Each unit a source position yields starts there.
  const put = (value: string, at: number) => {
    out += value;
    for (let k = 0; k < value.length; k++) map.push(at);
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c !== "\\" || i + 1 >= text.length) {
      put(c, i);
      continue;
    }
    const d = text[i + 1]!;
    const simple = SIMPLE_ESCAPES[d];
    if (simple !== undefined) {
      put(simple, i);
      i++;
    } else if (d === "$" && text[i + 2] === "{") {
      put("$", i);
      i++;
    } else if (d === "\n" || d === "\r") {
      i += d === "\r" && text[i + 2] === "\n" ? 2 : 1;
    } else if (d >= "0" && d <= "7") {
      const m = /^[0-7]{1,3}/.exec(text.slice(i + 1))![0];
      put(String.fromCodePoint(parseInt(m, 8)), i);
      i += m.length;
    } else if ((d === "x" || d === "u" || d === "U") && isCodePoint(text.slice(i + 2, i + 2 + hexLength(d)), hexLength(d))) {
      const len = hexLength(d);
      put(String.fromCodePoint(parseInt(text.slice(i + 2, i + 2 + len), 16)), i);
      i += 1 + len;
    } else {
      put(c, i);
    }
  }
  map.push(text.length);
  return { text: out, map };
}

/** `length` hex digits naming a Unicode code point (`\UFFFFFFFF` names none: it stays as written, like an unknown escape). */
function isCodePoint(hex: string, length: number): boolean {
  return hex.length === length && /^[0-9a-fA-F]+$/.test(hex) && parseInt(hex, 16) <= 0x10ffff;
}

function hexLength(escape: string): number {
  return escape === "x" ? 2 : escape === "u" ? 4 : 8;
}

/** KCL's dedent of triple-quoted values: drop a first empty line, remove common indentation. */
function dedent(body: string): string {
  const text = body.replace(/^\r?\n|^\r/, "");
  const lines = text.split(/\r\n|\n|\r/);
  let common: number | undefined;
  for (const line of lines) {
    if (line.trim() === "") continue;
    const indent = /^[ \t]*/.exec(line)![0].length;
    common = common === undefined ? indent : Math.min(common, indent);
  }
  if (!common) return text;
  return text.replace(new RegExp(`(^|\\r\\n|\\n|\\r)[ \\t]{0,${common}}`, "g"), "$1");
}

function hasControl(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

/**
 * Write `value` as a literal of `style`. The raw prefix is kept only when the value needs
 * no escape in it; otherwise the literal becomes a plain one of the same quote.
 * `${` is escaped so a value never turns into an interpolation. A triple-quoted literal is
 * dedented when read (`"""  two"""` is "two"): a value it would change is written in single
 * quotes of the same kind instead, so the file holds exactly the value.
 */
export function writeStringLiteral(value: string, style: StringStyle): string {
  const written = literalText(value, style);
  return style.triple && stringLiteralValue(written) !== value ? literalText(value, { ...style, triple: false }) : written;
}

function literalText(value: string, style: StringStyle): string {
  const q = style.triple ? style.quote.repeat(3) : style.quote;
  const rawFits = style.prefix !== "" && !value.includes("\\") && !value.includes(style.quote) && !hasControl(value);
  if (rawFits) return `${style.prefix}${q}${value}${q}`;
  let body = "";
  for (const ch of value) {
    switch (ch) {
      case "\\":
        body += "\\\\";
        break;
      case "\n":
        body += style.triple ? "\n" : "\\n";
        break;
      case "\r":
        body += "\\r";
        break;
      case "\t":
        body += "\\t";
        break;
      case style.quote:
        body += "\\" + ch;
        break;
      default: {
        const code = ch.codePointAt(0)!;
        body += code < 0x20 || code === 0x7f ? `\\x${code.toString(16).padStart(2, "0")}` : ch;
      }
    }
  }
  return `${q}${body.replaceAll("${", "\\${")}${q}`;
}
