/**
 * KCL tokenizer (lexical rules of crates/lexer + crates/parser/src/lexer, see
 * reference/kcl-override.md §4.2). Tokens live in typed arrays (kind, start, end, flags):
 * the tokenizer is on the hot path of every `.k` file we scan.
 *
 * Offsets are UTF-16 indexes into the text; `source` converts them to UTF-8 bytes, lines
 * and columns. Newlines inside brackets are emitted too (config entries and list items
 * may be separated by newlines alone); INDENT/DEDENT only outside brackets.
 */
import { SourceError } from "../change.js";
import { SourceText } from "./source.js";

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
  Semicolon: 18,
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
  /** Comments (`#` to end of line), in order; not part of the token stream. */
  readonly commentStart: Int32Array;
  readonly commentEnd: Int32Array;
  readonly commentCount: number;
}

const CLOSER: Record<number, number> = { 40: 41, 91: 93, 123: 125 };

function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

function isIdentPart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (c >= 48 && c <= 57);
}

const UNICODE_ID_START = /\p{ID_Start}/u;
const UNICODE_ID_CONTINUE = /\p{ID_Continue}/u;

/** Growable typed arrays for the token stream and the comments. */
class TokenBuffer {
  count = 0;
  last = -1;
  kind: Uint8Array;
  start: Int32Array;
  end: Int32Array;
  flags: Uint8Array;
  commentStart = new Int32Array(16);
  commentEnd = new Int32Array(16);
  commentCount = 0;

  constructor(textLength: number) {
    // Most files need about one token per 3 characters: one allocation, rarely a copy.
    const capacity = 64 + (textLength >> 1);
    this.kind = new Uint8Array(capacity);
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.flags = new Uint8Array(capacity);
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

  finish(source: SourceText): Tokens {
    const { count, commentCount } = this;
    return {
      source,
      count,
      kind: this.kind.subarray(0, count),
      start: this.start.subarray(0, count),
      end: this.end.subarray(0, count),
      flags: this.flags.subarray(0, count),
      commentStart: this.commentStart.subarray(0, commentCount),
      commentEnd: this.commentEnd.subarray(0, commentCount),
      commentCount,
    };
  }
}

function fail(source: SourceText, index: number, message: string): never {
  throw new SourceError(message, source.line(index), source.column(index));
}

/** Tokenize a whole KCL file; throws SourceError (line, column) on text KCL cannot lex. */
export function tokenize(text: string): Tokens {
  const source = new SourceText(text);
  const n = text.length;
  const out = new TokenBuffer(n);
  const brackets: number[] = [];
  const bracketAt: number[] = [];
  const indents = [0];
  let i = 0;
  let atLineStart = true;

  while (true) {
    if (atLineStart && brackets.length === 0) {
      let col = 0;
      let j = i;
      for (; j < n; j++) {
        const c = text.charCodeAt(j);
        if (c === 32) col++;
        else if (c === 9) col = col - (col % 8) + 8;
        else if (c === 12) col = 0;
        else break;
      }
      i = j;
      const c = j < n ? text.charCodeAt(j) : -1;
      const continued = c === 92 && (j + 1 === n || text.charCodeAt(j + 1) === 10 || text.charCodeAt(j + 1) === 13);
      if (c !== -1 && c !== 10 && c !== 13 && c !== 35 && !continued) {
        atLineStart = false;
        const top = indents[indents.length - 1]!;
        if (col > top) {
          indents.push(col);
          out.push(T.Indent, j, j, 0);
        } else if (col < top) {
          while (col < indents[indents.length - 1]!) {
            indents.pop();
            out.push(T.Dedent, j, j, 0);
          }
          if (col !== indents[indents.length - 1]) fail(source, j, "unindent does not match any outer indentation level");
        }
      }
    }
    if (i >= n) break;
    let c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 12) {
      i++;
      continue;
    }
    if (c === 10 || c === 13) {
      const s = i;
      i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      if (out.count > 0 && out.last !== T.Newline && out.last !== T.Indent && out.last !== T.Dedent) out.push(T.Newline, s, i, 0);
      atLineStart = brackets.length === 0;
      continue;
    }
    if (c === 35) {
      const s = i;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 10 || d === 13) break;
        i++;
      }
      out.comment(s, i);
      continue;
    }
    if (c === 92) {
      const d = text.charCodeAt(i + 1);
      if (d === 10) {
        i += 2;
        continue;
      }
      if (d === 13) {
        i += text.charCodeAt(i + 2) === 10 ? 3 : 2;
        continue;
      }
      if (i + 1 === n) {
        i++;
        continue;
      }
      fail(source, i, "unexpected character '\\' (a line continuation must end the line)");
    }
    const s = i;
    let raw = false;
    if ((c === 114 || c === 82) && (text.charCodeAt(i + 1) === 34 || text.charCodeAt(i + 1) === 39)) {
      raw = true;
      i++;
      c = text.charCodeAt(i);
    }
    if (c === 34 || c === 39) {
      i = scanString(text, source, s, i, c, raw, out);
      continue;
    }
    if (c >= 48 && c <= 57) {
      i = scanNumber(text, source, i);
      out.push(T.Number, s, i, 0);
      continue;
    }
    if (isIdentStart(c) || c === 36 || (c > 127 && UNICODE_ID_START.test(String.fromCodePoint(text.codePointAt(i)!)))) {
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (isIdentPart(d)) i++;
        else if (d > 127) {
          const cp = text.codePointAt(i)!;
          if (!UNICODE_ID_CONTINUE.test(String.fromCodePoint(cp))) break;
          i += cp > 0xffff ? 2 : 1;
        } else break;
      }
      if (c === 36 && i === s + 1) fail(source, s, "'$' must start an identifier");
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
        brackets.push(CLOSER[c]!);
        bracketAt.push(i);
        k = c === 40 ? T.LParen : c === 91 ? T.LBracket : T.LBrace;
        break;
      case 41:
      case 93:
      case 125:
        if (brackets.pop() !== c) fail(source, i, `unmatched '${String.fromCharCode(c)}'`);
        bracketAt.pop();
        k = c === 41 ? T.RParen : c === 93 ? T.RBracket : T.RBrace;
        break;
      case 44:
        k = T.Comma;
        break;
      case 58:
        k = T.Colon;
        break;
      case 59:
        k = T.Semicolon;
        break;
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
        fail(source, i, `unexpected character ${JSON.stringify(String.fromCodePoint(text.codePointAt(i)!))}`);
    }
    out.push(k, i, i + len, 0);
    i += len;
  }
  if (brackets.length > 0)
    fail(source, bracketAt[bracketAt.length - 1]!, `'${String.fromCharCode(text.charCodeAt(bracketAt[bracketAt.length - 1]!))}' is never closed`);
  if (out.count > 0 && out.last !== T.Newline && out.last !== T.Dedent) out.push(T.Newline, n, n, 0);
  for (let level = indents.length - 1; level > 0; level--) out.push(T.Dedent, n, n, 0);
  out.push(T.EOF, n, n, 0);
  return out.finish(source);
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
  while (true) {
    if (j >= n) fail(source, s, triple ? "unterminated triple-quoted string" : "unterminated string");
    const c = text.charCodeAt(j);
    if (c === 92) {
      const d = text.charCodeAt(j + 1);
      // `\${` is an escaped interpolation; `\\` and `\<quote>` never end the string.
      j += d === 92 || d === quote || (d === 36 && !raw) ? 2 : 1;
      continue;
    }
    if (c === quote) {
      if (!triple) return (out.push(T.String, s, j + 1, f), j + 1);
      if (text.charCodeAt(j + 1) === quote && text.charCodeAt(j + 2) === quote) return (out.push(T.String, s, j + 3, f), j + 3);
    } else if (!triple && (c === 10 || c === 13)) {
      fail(source, s, "unterminated string (a newline in a single-quoted string; use triple quotes)");
    } else if (c === 36 && !raw && text.charCodeAt(j + 1) === 123) {
      f |= StringFlag.Interpolated;
    }
    j++;
  }
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
