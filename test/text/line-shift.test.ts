import { describe, expect, it } from "vitest";
import { linesMovedBy, shiftLines } from "../../src/text/line-shift.js";

const at = (...lines: number[]) => lines.map((line) => ({ line }));

describe("shiftLines", () => {
  it("moves the lines below an edit by the line breaks it added or removed, and leaves those above", () => {
    const before = "a\nb\nc\nd\n";
    expect(shiftLines(at(1, 3, 4), before, "a\nb\nnew\nc\nd\n")).toEqual(at(1, 4, 5));
    expect(shiftLines(at(1, 3, 4), before, "a\nc\nd\n")).toEqual(at(1, 2, 3));
  });

  it("reads LF, CRLF and CR texts alike: two edits adding a line between them are no in-place span, whatever ends the lines", () => {
    const lines = (eol: string, ...words: string[]) => words.map((w) => w + eol).join("");
    const shifted = (eol: string) => shiftLines(at(1, 3, 4), lines(eol, "a: 1", "b", "c: 1", "d"), lines(eol, "a: 22", "b", "new", "c: 22", "d"));
    expect(shifted("\n")[2]).toEqual({ line: 5 });
    expect(shifted("\r\n")).toEqual(shifted("\n"));
    expect(shifted("\r")).toEqual(shifted("\n"));
  });

  it("keeps a line the edit only changed within, and one with no line or past the end", () => {
    expect(shiftLines(at(2), "a\nb = 1\nc\n", "a\nb = 22\nc\n")).toEqual(at(2));
    expect(shiftLines([{ message: "x" }, { line: 9 }], "a\nb\n", "a\nx\nb\n")).toEqual([{ message: "x" }, { line: 9 }]);
  });

  it("keeps the lines between two edits that add or remove no line break: values replaced in place", () => {
    expect(shiftLines(at(2, 3, 4), "a: 1\nb\nc: 1\nd\n", "a: 22\nb\nc: 22\nd\n")).toEqual(at(2, 3, 4));
  });
});

describe("linesMovedBy", () => {
  const text = "a\nb\nc\nd\ne\n";
  // Offsets 0, 2, 4, 6, 8 start lines 1 to 5. Line 2 is removed, line 4 gets two lines after it, and line 5 gets a line before it.
  const moved = linesMovedBy(text, [
    { start: 2, end: 4, insert: "" },
    { start: 7, end: 7, insert: "\nx\ny" },
    { start: 8, end: 8, insert: "z\n" },
  ]);

  it("moves what is after each splice by the line breaks it adds less those it removes", () => {
    expect([0, 4, 6, 7].map(moved)).toEqual([0, -1, -1, -1]);
    expect([8, 9, 10].map(moved)).toEqual([1, 2, 2]);
  });

  it("moves neither what a splice removes nor what stands at its start, where it writes", () => {
    expect(moved(2)).toBe(0);
    expect(moved(3)).toBe(0);
  });

  it("moves nothing without splices", () => {
    expect(linesMovedBy(text, [])(8)).toBe(0);
  });
});
