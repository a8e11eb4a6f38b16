import { LineIndex } from "../text/line-index.js";
import { partitionPoint } from "../text/partition-point.js";

/** Where a text's source starts: after a byte order mark, which is no part of it. */
export function sourceStart(text: string): number {
  return text.charCodeAt(0) === 0xfeff ? 1 : 0;
}

/**
 * Positions in a KCL source text. Every offset in src/kcl is a UTF-16 index into the JS
 * string (so edits can splice it); this converts consistently to the real file's UTF-8
 * byte offsets and to 1-based lines and columns. Both tables are built on first use:
 * the tokenizer's hot loop never pays for them.
 */
export class SourceText {
  #lines: LineIndex | undefined;
  /** UTF-16 indexes of non-ASCII code units, and the extra UTF-8 bytes accumulated after each. */
  #wideAt: Int32Array | undefined;
  #wideExtra: Int32Array | undefined;

  constructor(readonly text: string) {}

  /** 1-based line of a UTF-16 index. LF, CRLF and CR all end a line, as editors show lines (to KCL's lexer a lone CR is whitespace). */
  line(index: number): number {
    return this.lines().lineAt(index);
  }

  /** 1-based column (in UTF-16 code units) of an index; a leading BOM, which no editor shows, is not counted. */
  column(index: number): number {
    return this.lines().columnAt(index);
  }

  /** Index where the line holding `index` starts: on the first, past a byte order mark, which is no part of it (KCL reads past it). */
  lineStart(index: number): number {
    const line = this.line(index);
    return line === 1 ? sourceStart(this.text) : this.lines().lineStart(line)!;
  }

  /** Index just after the line terminator of the line holding `index` (or the text's end). */
  nextLineStart(index: number): number {
    return this.lines().lineStart(this.line(index) + 1) ?? this.text.length;
  }

  /** Index where the line holding `index` ends, before its terminator. */
  lineEnd(index: number): number {
    const text = this.text;
    let i = index;
    while (i < text.length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
    return i;
  }

  /** The first line terminator of the file, the one edits use for new lines: LF or CRLF, as a lone CR ends no line to KCL. */
  lineEnding(): string {
    const m = /\r?\n/.exec(this.text);
    return m ? m[0] : "\n";
  }

  /** UTF-8 byte offset of a UTF-16 index. */
  byteOffset(index: number): number {
    this.buildWide();
    const at = this.#wideAt!;
    const before = partitionPoint(at.length, (i) => at[i]! < index);
    return index + (before === 0 ? 0 : this.#wideExtra![before - 1]!);
  }

  /** UTF-16 index of a UTF-8 byte offset that starts a character. */
  indexOfByte(byte: number): number {
    this.buildWide();
    const at = this.#wideAt!;
    const extra = this.#wideExtra!;
    const before = partitionPoint(at.length, (i) => at[i]! + extra[i]! < byte);
    return byte - (before === 0 ? 0 : extra[before - 1]!);
  }

  private lines(): LineIndex {
    return (this.#lines ??= new LineIndex(this.text));
  }

  private buildWide(): void {
    if (this.#wideAt) return;
    const at: number[] = [];
    const extra: number[] = [];
    const text = this.text;
    let total = 0;
    const wide = /[\u0080-\uffff]/g;
    for (let m = wide.exec(text); m; m = wide.exec(text)) {
      const c = text.charCodeAt(m.index);
      // A surrogate pair is 4 bytes for 2 code units: 1 extra byte on each unit.
      total += c < 0x800 ? 1 : c >= 0xd800 && c <= 0xdfff ? 1 : 2;
      at.push(m.index);
      extra.push(total);
    }
    this.#wideAt = Int32Array.from(at);
    this.#wideExtra = Int32Array.from(extra);
  }
}
