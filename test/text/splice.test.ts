/** The splices both editors make: replacements and insertions over the original text. */
import { describe, expect, it } from "vitest";
import { SourceError } from "../../src/change.js";
import { applySplices, byPosition, type Splice } from "../../src/text/splice.js";

describe("applySplices", () => {
  it("replaces ranges of the original text and keeps every other byte", () => {
    const text = "image: nginx:1.25 # keep\r\ntag: v1\r\n";
    const splices: Splice[] = [
      { start: 7, end: 17, insert: "nginx:1.27" },
      { start: 31, end: 33, insert: "v2" },
    ];
    expect(applySplices(text, splices)).toBe("image: nginx:1.27 # keep\r\ntag: v2\r\n");
  });

  it("returns the text itself when there is nothing to splice", () => {
    const text = "a: 1\n";
    expect(applySplices(text, [])).toBe(text);
  });

  it("keeps insertions at one offset in their given order once sorted by position", () => {
    const splices: Splice[] = [
      { start: 4, end: 4, insert: "\nb: 2" },
      { start: 3, end: 4, insert: "9" },
      { start: 4, end: 4, insert: "\nc: 3" },
    ];
    expect(applySplices("a: 1", [...splices].sort(byPosition))).toBe("a: 9\nb: 2\nc: 3");
  });

  it("throws on overlapping splices, an editor's bug rather than a wrong file, at its line, as the engine names a file it cannot edit", () => {
    const splices: Splice[] = [
      { start: 4, end: 7, insert: "x" },
      { start: 6, end: 8, insert: "y" },
    ];
    let thrown: unknown;
    try {
      applySplices("ab\ncdefgh", splices);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SourceError);
    expect(thrown).toMatchObject({ line: 2, message: expect.stringMatching(/^two edits overlap here, which is a fault of gitops-promote/) });
  });
});
