/**
 * The `-O` specs of a `kcl.mod`'s `[profile] overrides` (crates/config/src/modfile.rs,
 * reference/kcl-override.md §1.9): `kcl run` applies them after the source, so they decide what
 * it renders. Each is a TOML string holding a spec, read as KCL reads it (spec-value.ts
 * specSetting, as a spec kept in YAML is); a value that is one string can be rewritten in the
 * file's own bytes, in any of TOML's four kinds of string (a multi-line one's line breaks and
 * line-ending `\` kept): the TOML escapes of the string are kept outside what changes
 * (escaped-edit.ts), and the new text is escaped for the kind of TOML string it stands in.
 */
import { SourceError } from "../change.js";
import { escapedEdit, type Decoded } from "../text/escaped-edit.js";
import { columnAt, lineAt, LineIndex } from "../text/line-index.js";
import { specSetting, type ValueForm, type WholeText } from "./spec-value.js";

/** One spec of `[profile] overrides`. */
export interface ModOverride {
  /** 1-based line of its TOML string. */
  readonly line: number;
  /** Its index in the TOML array, whose items of other kinds count too. */
  readonly index: number;
  /** The TOML key of the table holding its `overrides` when that is not the top-level profile, which KCL reads (`package.profile`). */
  readonly misplaced?: string;
  /** The spec, its TOML escapes decoded. */
  readonly spec: string;
  /** The spec's path; undefined for a string that sets no string (specSetting: no spec KCL reads, `path-`, a string after `+=`). */
  readonly path?: string;
  /** Where a warning finds an image of a value that is not edited: the value's text, or the TOML string's when it cannot be read ("" when it sets no string). */
  readonly text: string;
  /** The string the spec sets and where it is in the file, or the form of a value that is none, for a warning. */
  readonly value: ModValue | ValueForm;
}

/** A spec's value that is one string. */
export type ModValue = {
  readonly string: string;
  /** Where the value is written in the file's text: [start, end). */
  readonly start: number;
  readonly end: number;
  /** The file's text for the value holding `string` instead; undefined when KCL would not read it so or the TOML string cannot hold it. */
  readonly write: (string: string) => string | undefined;
} & WholeText;

/** A TOML string token: `"..."` (basic) or `'...'` (literal), or their multi-line forms in three quotes. */
interface TomlString {
  readonly kind: "basic" | "literal";
  readonly multiline: boolean;
  /** Offsets of the whole token, quotes included; a string that never ends runs to the end of the text. */
  readonly start: number;
  readonly end: number;
}

/** A string item of an array, its index among the array's items, and the array's key. */
type ArrayString = TomlString & { readonly index: number; readonly key: readonly string[] };

/**
 * The specs of the file's `[profile] overrides` array, in order, and of any other
 * `profile.overrides` array (`misplaced`); none when it has no such array.
 */
export function modOverrides(text: string): ModOverride[] {
  const lines = new LineIndex(text);
  return profileArrayStrings(text, OVERRIDES).map((token) => {
    const override = readOverride(text, token, lines.lineAt(token.start));
    return token.key.length > OVERRIDES.length ? { ...override, misplaced: token.key.slice(0, -1).join(".") } : override;
  });
}

function readOverride(text: string, token: ArrayString, line: number): ModOverride {
  const { kind, multiline, index } = token;
  const content = stringContent(text, token);
  if (!content) {
    const raw = text.slice(token.start, token.end);
    return { line, index, spec: raw, text: raw, value: { form: "a TOML string that never ends", advice: () => "close it (kcl run cannot read this kcl.mod)" } };
  }
  const read = (content: string) => decode(content, kind, multiline);
  const decoded = decodeString(text, token, content);
  const setting = specSetting(decoded.text);
  // Its empty text holds no image, so no warning gives this advice.
  if (!setting) return { line, index, spec: decoded.text, text: "", value: { form: "a spec that sets no string", advice: () => "" } };
  const { path, value } = setting;
  const spec = { line, index, spec: decoded.text, path, text: setting.text };
  if ("form" in value) return { ...spec, value };
  const start = content.start + decoded.map[value.start]!;
  const end = content.start + decoded.map[value.end]!;
  const write = (string: string): string | undefined => {
    const before = { text: decoded.text.slice(value.start, value.end), map: decoded.map.slice(value.start, value.end + 1) };
    const edit = escapedEdit(before, value.write(string), (middle) => encode(middle, kind));
    if (edit === undefined) return undefined;
    const written = text.slice(start, content.start + edit.start) + edit.insert + text.slice(content.start + edit.end, end);
    const again = read(text.slice(content.start, start) + written + text.slice(end, content.end));
    const reread = "refused" in again ? undefined : specSetting(again.text)?.value;
    return reread && "string" in reread && reread.string === string ? written : undefined;
  };
  const whole = value.whole === undefined ? {} : { whole: value.whole, advice: value.advice };
  return { ...spec, value: { string: value.string, start, end, write, ...whole } };
}

/** Where a string's content is in the text, [start, end); undefined for a string that never ends. */
function stringContent(text: string, token: TomlString): { readonly start: number; readonly end: number } | undefined {
  const quotes = token.multiline ? 3 : 1;
  const raw = text.slice(token.start, token.end);
  if (raw.length < 2 * quotes || !raw.endsWith(raw.slice(0, quotes))) return undefined;
  // A line break right after a multi-line string's opening quotes is not part of it.
  const opening = token.start + quotes + (token.multiline ? (/^\r?\n/.exec(raw.slice(quotes))?.[0].length ?? 0) : 0);
  return { start: opening, end: token.end - quotes };
}

/**
 * The content of a string token decoded; throws SourceError at an escape KCL's reader refuses, which refuses the whole
 * kcl.mod: it reads TOML 0.5 (the toml 0.5.8 crate, crates/config), which has neither TOML 1.1's `\e` nor its `\xHH`.
 */
function decodeString(text: string, token: TomlString, content: { readonly start: number; readonly end: number }): Decoded {
  const decoded = decode(text.slice(content.start, content.end), token.kind, token.multiline);
  if (!("refused" in decoded)) return decoded;
  const at = content.start + decoded.refused;
  const escape = /^\\(?:x[0-9a-fA-F]{0,2}|u[0-9a-fA-F]{0,4}|U[0-9a-fA-F]{0,8}|.?)/su.exec(text.slice(at))![0];
  const toml11 = /^\\(?:e|x[0-9a-fA-F]{2})$/.test(escape);
  const shown = escape.length < 2 || /\s/.test(escape[1]!) ? `a \\ before ${escape.length < 2 ? "its end" : JSON.stringify(escape[1])}` : escape;
  const what = toml11
    ? `${escape}, TOML 1.1's escape, which KCL's TOML 0.5 reader refuses, so kcl run cannot read this kcl.mod; write \\u00${escape === "\\e" ? "1b" : escape.slice(2).toLowerCase()}`
    : `${shown}, which is no escape TOML reads, so kcl run cannot read this kcl.mod; write its escapes as TOML does (\\" \\\\ \\n \\t \\uXXXX)`;
  throw new SourceError(`a TOML string holds ${what}`, lineAt(text, at), columnAt(text, at));
}

/** A TOML string's content decoded, its map's offsets in the content; `refused`, the offset of an escape TOML 0.5 refuses. */
function decode(content: string, kind: "basic" | "literal", multiline: boolean): Decoded | { readonly refused: number } {
  if (kind === "literal") return { text: content, map: Array.from({ length: content.length + 1 }, (_, i) => i) };
  let text = "";
  const map: number[] = [];
  const add = (s: string, at: number) => {
    for (let k = 0; k < s.length; k++) map.push(at);
    text += s;
  };
  for (let i = 0; i < content.length;) {
    if (content[i] !== "\\") {
      add(content[i]!, i);
      i++;
      continue;
    }
    // A multi-line string's `\` ending a line drops the line break and the blanks around it.
    const continued = multiline ? /^\\[ \t]*\r?\n[ \t\r\n]*/.exec(content.slice(i)) : null;
    if (continued) {
      i += continued[0].length;
      continue;
    }
    const c = content[i + 1];
    const simple: Record<string, string> = { b: "\b", t: "\t", n: "\n", f: "\f", r: "\r", '"': '"', "\\": "\\" };
    if (c !== undefined && c in simple) {
      add(simple[c]!, i);
      i += 2;
      continue;
    }
    const digits = c === "u" ? 4 : c === "U" ? 8 : 0;
    const hex = content.slice(i + 2, i + 2 + digits);
    const code = digits > 0 && /^[0-9a-fA-F]+$/.test(hex) && hex.length === digits ? parseInt(hex, 16) : -1;
    if (code < 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return { refused: i };
    add(String.fromCodePoint(code), i);
    i += 2 + digits;
  }
  map.push(content.length);
  return { text, map };
}

/** `text` as the content of a TOML string of that kind; undefined when a literal string cannot hold it. */
function encode(text: string, kind: "basic" | "literal"): string | undefined {
  // eslint-disable-next-line no-control-regex
  if (kind === "literal") return /['\u0000-\u0008\u000a-\u001f\u007f]/.test(text) ? undefined : text;
  const named: Record<string, string> = { "\\": "\\\\", '"': '\\"', "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r" };
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\\"\u0000-\u001f\u007f]/g, (c) => named[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** One file or directory a `kcl.mod`'s `[profile] entries` compiles, as written (TOML escapes decoded), and the line of its string. */
export interface ModEntry {
  readonly entry: string;
  readonly line: number;
}

/**
 * The `[profile] entries` of a kcl.mod (`profile.entries` at the top or in a `profile = {...}` inline table; not
 * another table's, which KCL never reads), in order: what `kcl run` of the package compiles. Throws SourceError at an
 * escape KCL's reader refuses, which refuses the whole kcl.mod.
 */
export function modEntries(text: string): ModEntry[] {
  const lines = new LineIndex(text);
  return profileArrayStrings(text, ENTRIES).flatMap((token) => {
    const content = token.key.length === ENTRIES.length ? stringContent(text, token) : undefined;
    return content ? [{ entry: decodeString(text, token, content).text, line: lines.lineAt(token.start) }] : [];
  });
}

/**
 * The strings of every array whose key ends with `wanted` (`profile.overrides`, `profile.entries`), each with its key,
 * found by a scan of TOML's lexical forms (comments, strings of every kind, brackets): the `[profile]` table's,
 * the key at the top or in a `profile = {...}` inline table, and those that are
 * another table's (`profile = {...}` under `[package]`), which KCL never reads.
 */
function profileArrayStrings(text: string, wanted: readonly string[]): ArrayString[] {
  const strings: ArrayString[] = [];
  let table: string[] = [];
  let i = 0;
  while (true) {
    i = skipBlank(text, i, true);
    if (i >= text.length) return strings;
    if (text[i] === "[") {
      const close = text.indexOf("]", i);
      if (close < 0) return strings;
      table = keyParts(text.slice(i + 1, close).replace(/^\[|\]$/g, ""));
      i = close + 1;
      while (text[i] === "]") i++;
      continue;
    }
    i = keyValue(text, i, table, wanted, strings);
    if (i < 0) return strings;
  }
}

const OVERRIDES = ["profile", "overrides"];
const ENTRIES = ["profile", "entries"];

/**
 * The index after the `key = value` at `at`, under the keys `prefix` (-1 when no key is there),
 * having added to `strings` the strings of the value: of the array when its key ends
 * with `wanted`, of the arrays an inline table holds.
 */
function keyValue(text: string, at: number, prefix: readonly string[], wanted: readonly string[], strings: ArrayString[]): number {
  const eq = keyEnd(text, at);
  if (eq < 0) return -1;
  const key = [...prefix, ...keyParts(text.slice(at, eq))];
  const i = skipBlank(text, eq + 1, false);
  if (text[i] === "[" && key.slice(-wanted.length).join(".") === wanted.join(".")) return arrayStrings(text, i, key, strings);
  if (text[i] === "{") return inlineTable(text, i, key, wanted, strings);
  return skipValue(text, i);
}

/** The index after the inline table opening at `at`, whose key is `prefix`, having added its strings of `wanted` arrays to `strings`. */
function inlineTable(text: string, at: number, prefix: readonly string[], wanted: readonly string[], strings: ArrayString[]): number {
  let i = at + 1;
  while (i < text.length) {
    i = skipBlank(text, i, true);
    if (text[i] === ",") i++;
    else if (text[i] === "}") return i + 1;
    else {
      const next = keyValue(text, i, prefix, wanted, strings);
      // No key where one should be: the table is skipped whole, as a value.
      if (next < 0) return skipValue(text, at);
      i = next;
    }
  }
  return i;
}

/** The index after spaces, tabs and comments from `at`, and line breaks when `newlines`. */
function skipBlank(text: string, at: number, newlines: boolean): number {
  let i = at;
  while (i < text.length) {
    const c = text[i]!;
    if (c === " " || c === "\t" || (newlines && (c === "\n" || c === "\r"))) i++;
    else if (c === "#") while (i < text.length && text[i] !== "\n" && text[i] !== "\r") i++;
    else return i;
  }
  return i;
}

/** The index of the `=` ending a key that starts at `at` (quoted parts skipped); -1 when there is none. */
function keyEnd(text: string, at: number): number {
  for (let i = at; i < text.length; i++) {
    const c = text[i]!;
    if (c === "=") return i;
    if (c === '"' || c === "'") i = stringAt(text, i).end - 1;
    else if (c === "\n" || c === "\r") return -1;
  }
  return -1;
}

/** A dotted key's parts, quotes dropped (escapes in quoted keys are not decoded: no key of interest has one). */
function keyParts(key: string): string[] {
  return (key.match(/"[^"]*"|'[^']*'|[^.\s]+/g) ?? []).map((part) => part.replace(/^["']|["']$/g, ""));
}

/** The string token at `at`; throws SourceError for an escape KCL's reader refuses in a basic string (decodeString). */
function stringAt(text: string, at: number): TomlString {
  const token = stringToken(text, at);
  const content = token.kind === "basic" ? stringContent(text, token) : undefined;
  if (content) decodeString(text, token, content);
  return token;
}

function stringToken(text: string, at: number): TomlString {
  const q = text[at]!;
  const kind = q === '"' ? "basic" : "literal";
  if (text.startsWith(q.repeat(3), at)) {
    let end = text.indexOf(q.repeat(3), at + 3);
    while (q === '"' && end > 0 && escaped(text, end)) end = text.indexOf(q.repeat(3), end + 1);
    if (end < 0) return { kind, multiline: true, start: at, end: text.length };
    // Up to two more quotes may close the string's content.
    while (text[end + 3] === q) end++;
    return { kind, multiline: true, start: at, end: end + 3 };
  }
  let i = at + 1;
  while (i < text.length && text[i] !== q && text[i] !== "\n" && text[i] !== "\r") i += q === '"' && text[i] === "\\" ? 2 : 1;
  return { kind, multiline: false, start: at, end: Math.min(i + 1, text.length) };
}

/** Whether the character at `at` follows an odd run of backslashes. */
function escaped(text: string, at: number): boolean {
  let n = 0;
  while (text[at - 1 - n] === "\\") n++;
  return n % 2 === 1;
}

/**
 * The index after a value starting at `at`: a string, an array or inline table (brackets
 * nested), or a bare word; it ends at a line break, or at the `,` or `}` after it in an inline table.
 */
function skipValue(text: string, at: number): number {
  let depth = 0;
  let i = at;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"' || c === "'") i = stringAt(text, i).end;
    else if (c === "#") while (i < text.length && text[i] !== "\n" && text[i] !== "\r") i++;
    else if (depth === 0 && (c === "\n" || c === "\r" || c === "," || c === "}" || c === "]")) return i;
    else {
      if (c === "[" || c === "{") depth++;
      else if (c === "]" || c === "}") depth--;
      i++;
    }
  }
  return i;
}

/**
 * The index after the array opening at `at`, whose key is `key`, having added to `strings` the
 * strings that are its items (nested arrays and other items skipped, counted in the index).
 */
function arrayStrings(text: string, at: number, key: readonly string[], strings: ArrayString[]): number {
  let depth = 0;
  let index = 0;
  let i = at;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"' || c === "'") {
      const token = stringAt(text, i);
      if (depth === 1) strings.push({ ...token, index, key });
      i = token.end;
    } else if (c === "#") while (i < text.length && text[i] !== "\n" && text[i] !== "\r") i++;
    else {
      if (c === "," && depth === 1) index++;
      else if (c === "[" || c === "{") depth++;
      else if (c === "]" || c === "}") depth--;
      i++;
      if (depth === 0) return i;
    }
  }
  return i;
}
