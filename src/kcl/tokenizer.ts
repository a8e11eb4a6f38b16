/**
 * KCL tokenizer (lexical rules of crates/lexer + crates/parser/src/lexer, see
 * reference/kcl-override.md §4.2). Tokens live in typed arrays (kind, start, end, flags):
 * the tokenizer is on the hot path of every `.k` file we scan.
 *
 * Offsets are UTF-16 indexes into the text; `source` converts them to UTF-8 bytes, lines
 * and columns. Newlines inside brackets are emitted too (config entries and list items
 * may be separated by newlines alone); INDENT/DEDENT only outside brackets. A byte order
 * mark that starts the text is no token: KCL's source map drops it before its lexer reads
 * the file (rustc_span's remove_bom). It stays in the text, so offsets are the file's.
 */
import { SourceError } from "../change.js";
import { SourceText, sourceStart } from "./source.js";

/** Token kinds. Operators have one kind each so the parser compares numbers. */
export const T = {
  EOF: 0,
  Name: 1,
  Number: 2,
  String: 3,
  Newline: 4,
  Indent: 5,
  Dedent: 6,
  LParen: 10,
  RParen: 11,
  LBracket: 12,
  RBracket: 13,
  LBrace: 14,
  RBrace: 15,
  Comma: 16,
  Colon: 17,
  Dot: 19,
  Assign: 20,
  AugAssign: 21,
  PlusAssign: 22,
  Arrow: 23,
  At: 24,
  Question: 25,
  QuestionDot: 26,
  Ellipsis: 27,
  Star: 28,
  DoubleStar: 29,
  Minus: 30,
  Plus: 31,
  Tilde: 32,
  Operator: 33,
} as const;

/** String token flags. */
export const StringFlag = { Raw: 1, Triple: 2, Interpolated: 4, SingleQuote: 8 } as const;

export interface Tokens {
  readonly source: SourceText;
  readonly count: number;
  readonly kind: Uint8Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** StringFlag bits for string tokens, 0 otherwise. */
  readonly flags: Uint8Array;
  /**
   * For an opening bracket, the index of its closing bracket; for an Indent, of its Dedent.
   * Meaningless for other tokens. The parser skips what it does not model (schema bodies,
   * calls, lambdas) in one step instead of walking their tokens.
   */
  readonly match: Int32Array;
  /** Comments (`#` to end of line), in order; not part of the token stream. */
  readonly commentStart: Int32Array;
  readonly commentEnd: Int32Array;
  readonly commentCount: number;
}

/** ASCII character classes: the main loop dispatches on one table load per token. */
const C = { Other: 0, Ident: 1, Digit: 2, Quote: 3, Space: 4, Newline: 5, Hash: 6, Backslash: 7, Dollar: 8 } as const;
const CLASS = new Uint8Array(128);
/** 1 for ASCII code units that continue an identifier. */
const IDENT_PART = new Uint8Array(128);
/** 1 for the code units a string scan must look at: `\`, quotes, newlines, `$`. */
const STRING_SPECIAL = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
  const digit = c >= 48 && c <= 57;
  IDENT_PART[c] = letter || digit ? 1 : 0;
  CLASS[c] = letter
    ? C.Ident
    : digit
      ? C.Digit
      : c === 34 || c === 39
        ? C.Quote
        : c === 32 || c === 9 || c === 11 || c === 12
          ? C.Space
          : c === 10 || c === 13
            ? C.Newline
            : c === 35
              ? C.Hash
              : c === 92
                ? C.Backslash
                : c === 36
                  ? C.Dollar
                  : C.Other;
  STRING_SPECIAL[c] = c === 92 || c === 34 || c === 39 || c === 10 || c === 13 || c === 36 ? 1 : 0;
}

function isIdentStart(c: number): boolean {
  return c < 128 && CLASS[c] === C.Ident;
}

function isIdentPart(c: number): boolean {
  return c < 128 && IDENT_PART[c] === 1;
}

const UNICODE_ID_START = /\p{ID_Start}/u;

/**
 * Whether code unit `c` is whitespace to KCL's lexer, which ends no line: space, tab, VT, form feed, and beyond
 * ASCII (is_whitespace) NEL, the direction marks, the line and paragraph separators. A no-break space is not, nor
 * is a byte order mark past the text's start.
 */
export function isSpace(c: number): boolean {
  return c < 128 ? CLASS[c] === C.Space : c === 0x85 || c === 0x200e || c === 0x200f || c === 0x2028 || c === 0x2029;
}
const UNICODE_ID_CONTINUE = /\p{ID_Continue}/u;

/**
 * Next position (at or after a given index) of the characters that end or complicate a
 * string or a comment. Scans only move forward, so each is found by one native `indexOf`
 * per occurrence: strings and comments are skipped without a per-character loop.
 */
class Landmarks {
  #text = "";
  #newline = -1;
  #cr = -1;
  #backslash = -1;
  #dollar = -1;

  reset(text: string): void {
    this.#text = text;
    this.#newline = this.#cr = this.#backslash = this.#dollar = -1;
  }

  #find(char: string, at: number): number {
    const found = this.#text.indexOf(char, at);
    return found < 0 ? this.#text.length : found;
  }

  /** First `\n` or `\r` at or after `at` (the text's length if none): where a single-quoted string must have ended. */
  lineEnd(at: number): number {
    if (this.#cr < at) this.#cr = this.#find("\r", at);
    return Math.min(this.lineFeed(at), this.#cr);
  }

  /** First `\n` at or after `at` (the text's length if none). */
  lineFeed(at: number): number {
    if (this.#newline < at) this.#newline = this.#find("\n", at);
    return this.#newline;
  }

  backslash(at: number): number {
    if (this.#backslash < at) this.#backslash = this.#find("\\", at);
    return this.#backslash;
  }

  dollar(at: number): number {
    if (this.#dollar < at) this.#dollar = this.#find("$", at);
    return this.#dollar;
  }
}

const landmarks = new Landmarks();

/**
 * Growable typed arrays for the token stream and the comments. One instance is reused
 * across calls (tokenize never re-enters) and `finish` copies out exactly what was used:
 * no per-file zero-filled worst-case allocation.
 */
class TokenBuffer {
  count = 0;
  last = -1;
  kind = new Uint8Array(1 << 12);
  start = new Int32Array(1 << 12);
  end = new Int32Array(1 << 12);
  flags = new Uint8Array(1 << 12);
  match = new Int32Array(1 << 12);
  commentStart = new Int32Array(16);
  commentEnd = new Int32Array(16);
  commentCount = 0;

  reset(textLength: number): void {
    this.count = 0;
    this.last = -1;
    this.commentCount = 0;
    // About one token per 4.5 characters in real files: reserve for one per 3. The buffer
    // keeps the size of the largest file seen (about 3 bytes per character of it).
    while (this.kind.length < 64 + textLength / 3) this.grow();
  }

  push(k: number, s: number, e: number, f: number): void {
    if (this.count === this.kind.length) this.grow();
    const i = this.count++;
    this.kind[i] = k;
    this.start[i] = s;
    this.end[i] = e;
    this.flags[i] = f;
    this.last = k;
  }

  grow(): void {
    const capacity = this.kind.length * 2;
    const kind = new Uint8Array(capacity);
    kind.set(this.kind);
    this.kind = kind;
    const start = new Int32Array(capacity);
    start.set(this.start);
    this.start = start;
    const end = new Int32Array(capacity);
    end.set(this.end);
    this.end = end;
    const flags = new Uint8Array(capacity);
    flags.set(this.flags);
    this.flags = flags;
    const match = new Int32Array(capacity);
    match.set(this.match);
    this.match = match;
  }

  comment(s: number, e: number): void {
    if (this.commentCount === this.commentStart.length) {
      const starts = new Int32Array(this.commentCount * 2);
      starts.set(this.commentStart);
      this.commentStart = starts;
      const ends = new Int32Array(this.commentCount * 2);
      ends.set(this.commentEnd);
      this.commentEnd = ends;
    }
    this.commentStart[this.commentCount] = s;
    this.commentEnd[this.commentCount] = e;
    this.commentCount++;
  }

  /** Copy out the used part: two allocations (bytes, then 32-bit integers), the arrays are views. */
  finish(source: SourceText): Tokens {
    const { count, commentCount } = this;
    const bytes = new Uint8Array(2 * count);
    bytes.set(this.kind.subarray(0, count));
    bytes.set(this.flags.subarray(0, count), count);
    const ints = new Int32Array(3 * count + 2 * commentCount);
    ints.set(this.start.subarray(0, count));
    ints.set(this.end.subarray(0, count), count);
    ints.set(this.match.subarray(0, count), 2 * count);
    ints.set(this.commentStart.subarray(0, commentCount), 3 * count);
    ints.set(this.commentEnd.subarray(0, commentCount), 3 * count + commentCount);
    return {
      source,
      count,
      kind: bytes.subarray(0, count),
      start: ints.subarray(0, count),
      end: ints.subarray(count, 2 * count),
      flags: bytes.subarray(count),
      match: ints.subarray(2 * count, 3 * count),
      commentStart: ints.subarray(3 * count, 3 * count + commentCount),
      commentEnd: ints.subarray(3 * count + commentCount),
      commentCount,
    };
  }
}

const buffer = new TokenBuffer();

function fail(source: SourceText, index: number, message: string): never {
  throw new SourceError(message, source.line(index), source.column(index));
}

/** The message for a character no token starts with, by its code point too: a byte order mark or a no-break space reads as nothing. */
function unexpectedCharacter(cp: number): string {
  return `unexpected character ${JSON.stringify(String.fromCodePoint(cp))} (U+${cp.toString(16).toUpperCase().padStart(4, "0")})`;
}

/** A KCL file's tokens (tokenize's), or none for text KCL cannot lex, where a reader that only looks has nothing to read. */
export function tryTokenize(text: string): Tokens | undefined {
  try {
    return tokenize(text);
  } catch (error) {
    if (error instanceof SourceError) return undefined;
    throw error;
  }
}

/** Tokenize a whole KCL file; throws SourceError (line, column) on text KCL cannot lex. */
export function tokenize(text: string): Tokens {
  const source = new SourceText(text);
  const n = text.length;
  const out = buffer;
  out.reset(n);
  landmarks.reset(text);
  /** Token indexes of the open brackets and of the Indents of the open blocks. */
  const openBrackets: number[] = [];
  /** The open blocks' indentation, as KCL's lexer keeps it: tabs and spaces counted apart. */
  const indentTabs = [0];
  const indentSpaces = [0];
  const openIndents: number[] = [];
  let i = sourceStart(text);
  // KCL's lexer looks for indentation only after a line end: the first line's is skipped as whitespace.
  let atLineStart = false;

  while (true) {
    if (atLineStart && openBrackets.length === 0) {
      let tabs = 0;
      let spaces = 0;
      let j = i;
      // Any other whitespace (a form feed, a vertical tab) ends the indentation, as there.
      for (; j < n; j++) {
        const c = text.charCodeAt(j);
        if (c === 32) spaces++;
        else if (c === 9) tabs++;
        else break;
      }
      i = j;
      const c = j < n ? text.charCodeAt(j) : -1;
      const continued = c === 92 && lineBreakAt(text, j + 1) > 0;
      if (c !== -1 && lineBreakAt(text, j) === 0 && c !== 35 && !continued) {
        atLineStart = false;
        let order = compareIndent(source, j, tabs, spaces, indentTabs.at(-1)!, indentSpaces.at(-1)!);
        // KCL's lexer reads the indentation at the line's first token, a whitespace one too, but keeps the indent or
        // dedent only for a token it keeps: at a lone CR, a form feed, ... its blocks change with no token to say so.
        if (order !== 0 && (c === 13 || isSpace(c))) {
          fail(source, j, "the indentation ends at whitespace other than a space or tab, where KCL's lexer loses the indent or dedent it makes");
        }
        if (order > 0) {
          indentTabs.push(tabs);
          indentSpaces.push(spaces);
          openIndents.push(out.count);
          out.push(T.Indent, j, j, 0);
        }
        while (order < 0) {
          indentTabs.pop();
          indentSpaces.pop();
          out.match[openIndents.pop()!] = out.count;
          out.push(T.Dedent, j, j, 0);
          order = compareIndent(source, j, tabs, spaces, indentTabs.at(-1)!, indentSpaces.at(-1)!);
          if (order > 0) fail(source, j, "unindent does not match any outer indentation level");
        }
      }
    }
    if (i >= n) break;
    const c = text.charCodeAt(i);
    // Non-ASCII can only start a name (checked against ID_Start there).
    const cls = c < 128 ? CLASS[c]! : C.Ident;
    if (cls === C.Space) {
      i++;
      while (i < n && text.charCodeAt(i) === 32) i++;
      continue;
    }
    if (cls === C.Ident) {
      const s = i;
      if ((c === 114 || c === 82) && i + 1 < n) {
        const q = text.charCodeAt(i + 1);
        if (q === 34 || q === 39) {
          i = scanString(text, source, s, i + 1, q, true, out);
          continue;
        }
      }
      if (c > 127 && !UNICODE_ID_START.test(String.fromCodePoint(text.codePointAt(i)!))) {
        if (!isSpace(c)) fail(source, i, unexpectedCharacter(text.codePointAt(i)!));
        i++;
        continue;
      }
      // A first character past the Basic Multilingual Plane (`𝑥`) is a surrogate pair: the high one passed as ID_Start only with its low one.
      i = scanName(text, c >= 0xd800 && c <= 0xdbff ? i + 2 : i + 1);
      out.push(T.Name, s, i, 0);
      continue;
    }
    if (cls === C.Newline) {
      const s = i;
      const length = lineBreakAt(text, i);
      // A CR that no LF follows is whitespace to KCL (its source map reads CRLF as LF, its lexer a lone CR as whitespace).
      i += length || 1;
      if (length === 0) continue;
      if (out.count > 0 && out.last !== T.Newline && out.last !== T.Indent && out.last !== T.Dedent) out.push(T.Newline, s, i, 0);
      atLineStart = openBrackets.length === 0;
      continue;
    }
    if (cls === C.Quote) {
      i = scanString(text, source, i, i, c, false, out);
      continue;
    }
    if (cls === C.Digit) {
      const s = i;
      i = scanNumber(text, source, i);
      out.push(T.Number, s, i, 0);
      continue;
    }
    if (cls === C.Hash) {
      // A comment runs to the line feed, over a lone CR; a CRLF's CR is no part of it.
      const s = i;
      i = landmarks.lineFeed(i);
      if (i < n && text.charCodeAt(i - 1) === 13) i--;
      out.comment(s, i);
      continue;
    }
    if (cls === C.Backslash) {
      const length = lineBreakAt(text, i + 1);
      if (length > 0 || i + 1 === n) {
        i += 1 + length;
        continue;
      }
      fail(source, i, "unexpected character '\\' (a line continuation must end the line)");
    }
    if (cls === C.Dollar) {
      const s = i;
      i = scanName(text, i + 1);
      if (i === s + 1) fail(source, s, "'$' must start an identifier");
      out.push(T.Name, s, i, 0);
      continue;
    }
    // Brackets and operators.
    const d = text.charCodeAt(i + 1);
    let k: number = T.Operator;
    let len = 1;
    switch (c) {
      case 40:
      case 91:
      case 123:
        openBrackets.push(out.count);
        k = c === 40 ? T.LParen : c === 91 ? T.LBracket : T.LBrace;
        break;
      case 41:
      case 93:
      case 125:
        k = c === 41 ? T.RParen : c === 93 ? T.RBracket : T.RBrace;
        // Each closing kind is its opening kind + 1. A stray or mismatched one is refused in KCL's lexer's words, which depend on the closer.
        if (openBrackets.length === 0 || out.kind[openBrackets[openBrackets.length - 1]!] !== k - 1)
          fail(source, i, c === 41 ? "error nesting on close paren" : c === 125 ? "error nesting on close brace" : "mismatched closing delimiter");
        out.match[openBrackets.pop()!] = out.count;
        break;
      case 44:
        k = T.Comma;
        break;
      case 58:
        k = T.Colon;
        break;
      case 59:
        // KCL's lexer refuses every ';' (RedundantSemicolon): a statement ends at its line's end, never at a ';'.
        return fail(
          source,
          i,
          "unexpected ';': KCL refuses every semicolon, a statement ends at its line's end (the semicolon ';' here is unnecessary, please remove it)",
        );
      case 46:
        if (d === 46 && text.charCodeAt(i + 2) === 46) {
          k = T.Ellipsis;
          len = 3;
        } else k = T.Dot;
        break;
      case 61:
        if (d === 61) len = 2;
        else k = T.Assign;
        break;
      case 64:
        k = T.At;
        break;
      case 63:
        if (d === 46) {
          k = T.QuestionDot;
          len = 2;
        } else k = T.Question;
        break;
      case 126:
        k = T.Tilde;
        break;
      case 43:
        if (d === 61) {
          k = T.PlusAssign;
          len = 2;
        } else k = T.Plus;
        break;
      case 45:
        if (d === 61) {
          k = T.AugAssign;
          len = 2;
        } else if (d === 62) {
          k = T.Arrow;
          len = 2;
        } else k = T.Minus;
        break;
      case 42:
      case 47:
      case 60:
      case 62:
        // * ** *= **=  / // /= //=  < << <= <<=  > >> >= >>=
        if (d === c) {
          len = 2;
          if (text.charCodeAt(i + 2) === 61) {
            k = T.AugAssign;
            len = 3;
          } else if (c === 42) k = T.DoubleStar;
        } else if (d === 61) {
          k = c === 42 || c === 47 ? T.AugAssign : T.Operator;
          len = 2;
        } else if (c === 42) k = T.Star;
        break;
      case 37:
      case 38:
      case 124:
      case 94:
        if (d === 61) {
          k = T.AugAssign;
          len = 2;
        }
        break;
      case 33:
        if (d !== 61) fail(source, i, "unexpected character '!'");
        len = 2;
        break;
      default:
        fail(source, i, unexpectedCharacter(text.codePointAt(i)!));
    }
    out.push(k, i, i + len, 0);
    i += len;
  }
  return endStream(source, out, openBrackets, openIndents);
}

/**
 * Close the stream at the end of the text. Kept out of `tokenize`: V8 optimizes that
 * function while still in its first long loop (OSR), before this code ever ran, and
 * code after the loop without type feedback deoptimized it on every call.
 */
function endStream(source: SourceText, out: TokenBuffer, openBrackets: readonly number[], openIndents: number[]): Tokens {
  const text = source.text;
  const n = text.length;
  if (openBrackets.length > 0) {
    const at = out.start[openBrackets[openBrackets.length - 1]!]!;
    fail(source, at, `'${text.charAt(at)}' is never closed`);
  }
  if (out.count > 0 && out.last !== T.Newline && out.last !== T.Dedent) out.push(T.Newline, n, n, 0);
  while (openIndents.length > 0) {
    out.match[openIndents.pop()!] = out.count;
    out.push(T.Dedent, n, n, 0);
  }
  out.push(T.EOF, n, n, 0);
  landmarks.reset("");
  return out.finish(source);
}

/**
 * How a line's indentation (`tabs`, `spaces`) compares with a block's, by KCL's rule (IndentLevel.cmp): more tabs
 * is deeper and fewer shallower only with no fewer spaces, and no more, so a tab has no width in spaces; with the
 * same tabs, the spaces decide. Anything else is KCL's error, thrown at `at`.
 */
function compareIndent(source: SourceText, at: number, tabs: number, spaces: number, blockTabs: number, blockSpaces: number): number {
  if (tabs === blockTabs) return Math.sign(spaces - blockSpaces);
  if (tabs < blockTabs ? spaces <= blockSpaces : spaces >= blockSpaces) return Math.sign(tabs - blockTabs);
  return fail(source, at, "inconsistent use of tabs and spaces in indentation");
}

/** The length of the line break at `at` as KCL reads line breaks (LF, CRLF; a lone CR is whitespace), 0 for none. */
function lineBreakAt(text: string, at: number): number {
  const c = text.charCodeAt(at);
  return c === 10 ? 1 : c === 13 && text.charCodeAt(at + 1) === 10 ? 2 : 0;
}

/** Index after the identifier characters from `i` on. */
function scanName(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const d = text.charCodeAt(i);
    if (d < 128) {
      if (IDENT_PART[d] === 0) break;
      i++;
    } else {
      const cp = text.codePointAt(i)!;
      if (!UNICODE_ID_CONTINUE.test(String.fromCodePoint(cp))) break;
      i += cp > 0xffff ? 2 : 1;
    }
  }
  return i;
}

/** Whether `text` is one KCL name as tokenize reads names, `$`-escaped or not: what a statement can assign. */
export function isName(text: string): boolean {
  const first = text.charCodeAt(0) === 36 ? 1 : 0;
  const cp = text.codePointAt(first);
  if (cp === undefined || !(cp < 128 ? isIdentStart(cp) : UNICODE_ID_START.test(String.fromCodePoint(cp)))) return false;
  return scanName(text, first + (cp > 0xffff ? 2 : 1)) === text.length;
}

/**
 * Scan a string literal whose quote is at `q`; returns the index after it. Termination
 * follows the KCL lexer: a backslash only pairs with a backslash or the quote character.
 */
function scanString(text: string, source: SourceText, s: number, q: number, quote: number, raw: boolean, out: TokenBuffer): number {
  const n = text.length;
  const triple = text.charCodeAt(q + 1) === quote && text.charCodeAt(q + 2) === quote;
  let f = (raw ? StringFlag.Raw : 0) | (triple ? StringFlag.Triple : 0) | (quote === 39 ? StringFlag.SingleQuote : 0);
  let j = triple ? q + 3 : q + 1;
  // Fast path: the closing quote (or triple quote) comes before any backslash, and a
  // single-quoted string's before the line end; only the `$`s in between are looked at
  // (for `${`). Triple-quoted docstrings are a sixth of the corpus text (konfig).
  const closing = triple ? (quote === 34 ? '"""' : "'''") : quote === 34 ? '"' : "'";
  const close = text.indexOf(closing, j);
  if (close >= 0 && (triple || close < landmarks.lineEnd(j)) && close < landmarks.backslash(j)) {
    if (!raw) {
      for (let d = landmarks.dollar(j); d < close; d = landmarks.dollar(d + 1)) {
        if (text.charCodeAt(d + 1) === 123) {
          f |= StringFlag.Interpolated;
          checkInterpolationClosed(text, source, text.lastIndexOf("${", close - 1), close);
          break;
        }
      }
    }
    const end = close + closing.length;
    out.push(T.String, s, end, f);
    return end;
  }
  let lastInterpolation = -1;
  while (true) {
    if (j >= n) fail(source, s, triple ? "unterminated triple-quoted string" : "unterminated string");
    const c = text.charCodeAt(j);
    if (c < 128 && STRING_SPECIAL[c] === 0) {
      j++;
      continue;
    }
    if (c === 92) {
      const d = text.charCodeAt(j + 1);
      // `\${` is an escaped interpolation; `\\` and `\<quote>` never end the string.
      j += d === 92 || d === quote || (d === 36 && !raw) ? 2 : 1;
      continue;
    }
    if (c === quote && (!triple || (text.charCodeAt(j + 1) === quote && text.charCodeAt(j + 2) === quote))) {
      if (lastInterpolation >= 0) checkInterpolationClosed(text, source, lastInterpolation, j);
      const end = triple ? j + 3 : j + 1;
      out.push(T.String, s, end, f);
      return end;
    }
    if (!triple && (c === 10 || c === 13)) {
      fail(source, s, "unterminated string (a newline in a single-quoted string; use triple quotes)");
    } else if (c === 36 && !raw && text.charCodeAt(j + 1) === 123) {
      f |= StringFlag.Interpolated;
      lastInterpolation = j;
    }
    j++;
  }
}

/** KCL reads `${` in a string as an interpolation to its `}`: one left open is an error, not text. */
function checkInterpolationClosed(text: string, source: SourceText, open: number, close: number): void {
  const end = text.indexOf("}", open + 2);
  if (end < 0 || end >= close) fail(source, open, "'${' is never closed in this string (write \\${ for a literal ${)");
}

function skipDigits(text: string, i: number): number {
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || c === 95) i++;
    else break;
  }
  return i;
}

/** Decimal, 0x/0o/0b, `_` separators, fraction, exponent, and a unit suffix (`1Gi`, `3m`). */
function scanNumber(text: string, source: SourceText, i: number): number {
  const n = text.length;
  const s = i;
  const c1 = text.charCodeAt(i + 1) | 0x20;
  if (text.charCodeAt(i) === 48 && (c1 === 120 || c1 === 111 || c1 === 98)) {
    i += 2;
    while (i < n && (isIdentPart(text.charCodeAt(i)) || text.charCodeAt(i) === 95)) i++;
    return i;
  }
  i = skipDigits(text, i);
  // `1.5`, and `90.` (a float with no fraction digits) but not `1..` or `1.attr`.
  const after = text.charCodeAt(i + 1);
  if (text.charCodeAt(i) === 46 && after !== 46 && !isIdentStart(after)) {
    i = skipDigits(text, i + 1);
  }
  const e = text.charCodeAt(i) | 0x20;
  if (e === 101) {
    const sign = text.charCodeAt(i + 1);
    const at = sign === 43 || sign === 45 ? i + 2 : i + 1;
    if (text.charCodeAt(at) >= 48 && text.charCodeAt(at) <= 57) i = skipDigits(text, at);
  }
  // Unit suffixes: n u m k K M G T P, optionally followed by i (Ki Mi Gi Ti Pi).
  const u = text.charCodeAt(i);
  if (u === 110 || u === 117 || u === 109 || u === 107 || u === 75 || u === 77 || u === 71 || u === 84 || u === 80) {
    i++;
    if (text.charCodeAt(i) === 105) i++;
  }
  if (i < n && isIdentPart(text.charCodeAt(i))) fail(source, s, `invalid number ${JSON.stringify(text.slice(s, i + 1))}`);
  return i;
}
