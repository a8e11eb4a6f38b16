/** Offset -> line lookups shared by the YAML and KCL editors. */
import { describe, expect, it } from "vitest";
import { columnAt, LineIndex, lineAt, lineBreaks } from "../../src/text/line-index.js";

describe("LineIndex", () => {
  it("numbers lines from 1; a line break belongs to the line it ends", () => {
    const lines = new LineIndex("ab\ncd\n\nef");
    expect([0, 2, 3, 5, 6, 7, 9].map((offset) => lines.lineAt(offset))).toEqual([1, 1, 2, 2, 3, 4, 4]);
  });

  it("ends lines at LF, CRLF and a lone CR alike", () => {
    const lines = new LineIndex("a\r\nb\rc\nd");
    expect([0, 1, 2, 3, 5, 7].map((offset) => lines.lineAt(offset))).toEqual([1, 1, 1, 2, 3, 4]);
    expect([1, 2, 3, 4, 5].map((line) => lines.lineStart(line))).toEqual([0, 3, 5, 7, undefined]);
  });

  it("has one line in an empty text", () => {
    const lines = new LineIndex("");
    expect([lines.lineAt(0), lines.lineStart(1), lines.lineStart(2)]).toEqual([1, 0, undefined]);
  });
});

describe("lineAt", () => {
  it("gives the line LineIndex gives, for one lookup", () => {
    for (const text of ["ab\ncd\n\nef", "a\r\nb\rc\nd", ""]) {
      const lines = new LineIndex(text);
      const offsets = Array.from({ length: text.length + 1 }, (_, i) => i);
      expect(offsets.map((offset) => lineAt(text, offset))).toEqual(offsets.map((offset) => lines.lineAt(offset)));
    }
  });
});

describe("columnAt", () => {
  it("counts from 1 at each line's start, as LineIndex starts lines", () => {
    for (const text of ["ab\ncd\n\nef", "a\r\nb\rc\nd", ""]) {
      const lines = new LineIndex(text);
      const offsets = Array.from({ length: text.length + 1 }, (_, i) => i);
      expect(offsets.map((offset) => columnAt(text, offset))).toEqual(offsets.map((offset) => offset - lines.lineStart(lines.lineAt(offset))! + 1));
    }
  });

  it("counts a CRLF's LF on the line the pair ends", () => {
    expect([0, 1, 2, 3].map((offset) => columnAt("a\r\nb", offset))).toEqual([1, 2, 3, 1]);
  });

  it("counts no column for a leading byte order mark, as LineIndex does: line 1's columns are those an editor shows", () => {
    const text = "\uFEFFab\ncd";
    const lines = new LineIndex(text);
    const offsets = [0, 1, 2, 3, 4, 5];
    expect(offsets.map((offset) => columnAt(text, offset))).toEqual([1, 1, 2, 3, 1, 2]);
    expect(offsets.map((offset) => lines.columnAt(offset))).toEqual([1, 1, 2, 3, 1, 2]);
    expect([1, 2, 3].map((line) => lines.columnStart(line))).toEqual([1, 4, undefined]);
    expect([columnAt("ab\ncd", 1), new LineIndex("ab\ncd").columnAt(1), columnAt("\uFEFF", 1)]).toEqual([2, 2, 1]);
  });
});

describe("lineBreaks", () => {
  it("counts LF, CRLF and a lone CR as one line end each, as LineIndex ends lines", () => {
    expect(["", "a", "a\n", "a\r\nb\rc\nd", "\r\r\n\n"].map((text) => lineBreaks(text))).toEqual([0, 0, 1, 3, 3]);
  });

  it("counts within a range; a CR whose LF is past the range's end ends no line in it", () => {
    const text = "a\r\nb\rc";
    expect([lineBreaks(text, 0, 2), lineBreaks(text, 0, 3), lineBreaks(text, 3, 6), lineBreaks(text, 4, 6)]).toEqual([0, 1, 1, 1]);
  });
});
