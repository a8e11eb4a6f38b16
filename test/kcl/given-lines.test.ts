import { describe, expect, it } from "vitest";
import { GivenLines } from "../../src/kcl/given-lines.js";
import { SourceText } from "../../src/kcl/source.js";
import { applySplices, type Splice } from "../../src/text/splice.js";

describe("GivenLines", () => {
  it("reads an offset of the edited text on the given text's line, through every edit made since", () => {
    const given = "a\nb\nc\nd\n";
    const lines = new GivenLines(new SourceText(given));
    const edits: Splice[][] = [
      // Remove line 2 (b), add two lines after line 3 (c).
      [
        { start: 2, end: 4, insert: "" },
        { start: 6, end: 6, insert: "x\ny\n" },
      ],
      // Join line 1 to what follows, where the line break before it goes (a\nc -> ac).
      [{ start: 1, end: 2, insert: "" }],
    ];
    let text = given;
    for (const ordered of edits) {
      text = applySplices(text, ordered);
      lines.edited(ordered);
    }
    expect(text).toBe("ac\nx\ny\nd\n");
    expect(lines.line(text.indexOf("a"))).toBe(1);
    expect(lines.line(text.indexOf("c"))).toBe(3);
    expect(lines.line(text.indexOf("d"))).toBe(4);
    // Written text stands where it was written, below the line breaks written before it.
    expect(lines.line(text.indexOf("x"))).toBe(4);
    expect(lines.line(text.indexOf("y"))).toBe(5);
  });
});
