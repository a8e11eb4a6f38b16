import { partitionPoint } from "./partition-point.js";

/**
 * Offset -> 1-based line over a text, built once, looked up in O(log lines). LF, CRLF and
 * CR all end a line: KCL's rule, and YAML 1.2's (b-break), so every editor reports the
 * same lines for the same text.
 */
export class LineIndex {
  readonly #starts: Int32Array;
  readonly #firstColumn: number;

  constructor(text: string) {
    this.#firstColumn = firstColumn(text);
    const starts = [0];
    // Most texts end lines with LF alone: native search then finds them several times faster than a loop.
    if (!text.includes("\r")) {
      for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
      this.#starts = Int32Array.from(starts);
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.#starts = Int32Array.from(starts);
  }

  /** 1-based line of an offset. */
  lineAt(offset: number): number {
    const starts = this.#starts;
    // The lines starting at or before it; the first starts at 0, so an offset before it is on line 1.
    return Math.max(
      1,
      partitionPoint(starts.length, (i) => starts[i]! <= offset),
    );
  }

  /** Offset where a 1-based line starts; undefined past the last line. */
  lineStart(line: number): number | undefined {
    return this.#starts[line - 1];
  }

  /** Offset of a 1-based line's first column: its start, past a leading byte order mark on line 1; undefined past the last line. */
  columnStart(line: number): number | undefined {
    return line === 1 ? this.#firstColumn : this.#starts[line - 1];
  }

  /** 1-based column (in UTF-16 units) of an offset; a leading byte order mark is no column. */
  columnAt(offset: number): number {
    return Math.max(1, offset - this.columnStart(this.lineAt(offset))! + 1);
  }
}

/**
 * Offset of line 1's first column: past a leading byte order mark, which is no content and no column (YAML 1.2 §5.2,
 * and go-yaml, kustomize's and Flux's reader, skips it), so a message's column on line 1 is the one an editor shows.
 */
function firstColumn(text: string): number {
  return text.startsWith("\uFEFF") ? 1 : 0;
}

/**
 * How many lines end in text[start, end), by LineIndex's rule: LF, CRLF and a lone CR each
 * end one. A CR just before `end` is no line end when an LF follows it there: that LF ends its line.
 */
export function lineBreaks(text: string, start = 0, end = text.length): number {
  let count = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) count++;
  }
  return count;
}

/** 1-based line of one offset, by LineIndex's rule, without building an index: for a text looked up once. */
export function lineAt(text: string, offset: number): number {
  return 1 + lineBreaks(text, 0, offset);
}

/** 1-based column (in UTF-16 units) of one offset, by LineIndex's rule, without building an index: for a text looked up once. */
export function columnAt(text: string, offset: number): number {
  let start = offset;
  // Back to the line's start: just past an LF, or past a CR no LF follows (a CRLF's line starts after its LF).
  for (; start > 0; start--) {
    const c = text.charCodeAt(start - 1);
    if (c === 10 || (c === 13 && text.charCodeAt(start) !== 10)) break;
  }
  return Math.max(1, offset - (start === 0 ? firstColumn(text) : start) + 1);
}
