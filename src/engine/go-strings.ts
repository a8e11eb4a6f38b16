/**
 * What Go's strings, unicode and unicode/utf8 packages do that JavaScript's strings do otherwise,
 * as the template functions use it (go-template-functions.ts): UTF-8 bytes, Go's white space, and
 * simple (one character for one) case mapping with strings.Title's words.
 */

/** UTF-8 bytes of a text: Go's strings are bytes (`len`, `index`, `trunc` count them). */
export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Go's unicode.IsSpace (JavaScript's \s has U+FEFF and lacks U+0085). */
export const GO_SPACE = "\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";

/**
 * Go's unicode.ToUpper/ToLower/ToTitle of one character: the simple mapping, one character
 * for one (JavaScript's full mapping makes `ß` `SS`, which Go keeps). Titlecase is uppercase but
 * for the four digraphs that have a titlecase of their own.
 */
function mapCase(c: string, to: "upper" | "lower" | "title"): string {
  if (to === "title") {
    const TITLE: Readonly<Record<string, string>> = { Ǆ: "ǅ", ǅ: "ǅ", ǆ: "ǅ", Ǉ: "ǈ", ǈ: "ǈ", ǉ: "ǈ", Ǌ: "ǋ", ǋ: "ǋ", ǌ: "ǋ", Ǳ: "ǲ", ǲ: "ǲ", ǳ: "ǲ" };
    if (TITLE[c]) return TITLE[c];
  }
  if (to === "lower" && c === "İ") return "i";
  const mapped = to === "lower" ? c.toLowerCase() : c.toUpperCase();
  return [...mapped].length === 1 ? mapped : c;
}

const GO_SPACE_CHARACTER = new RegExp(`^[${GO_SPACE}]$`, "u");

export const mapText = (s: string, to: "upper" | "lower"): string => [...s].map((c) => mapCase(c, to)).join("");

/** Go's strings.Title: a letter after a separator (white space, or ASCII other than letters, digits and `_`) in title case. */
export function title(s: string): string {
  let previous = " ";
  let out = "";
  for (const c of s) {
    const separator = previous.codePointAt(0)! < 0x80 ? !/[A-Za-z0-9_]/.test(previous) : !/[\p{L}\p{Nd}]/u.test(previous) && GO_SPACE_CHARACTER.test(previous);
    out += separator ? mapCase(c, "title") : c;
    previous = c;
  }
  return out;
}
