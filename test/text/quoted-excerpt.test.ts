import { describe, expect, it } from "vitest";
import { quotedExcerpt } from "../../src/text/quoted-excerpt.js";

describe("quotedExcerpt", () => {
  it("quotes a text of up to 100 characters whole, its control characters escaped", () => {
    expect(quotedExcerpt("prod\n")).toBe('"prod\\n"');
    expect(quotedExcerpt("a".repeat(100))).toBe(`"${"a".repeat(100)}"`);
  });

  it("escapes the line and paragraph separators too, which JSON leaves as they are, so a log line does not break there", () => {
    expect(quotedExcerpt("prod\u2028staging\u2029")).toBe('"prod\\u2028staging\\u2029"');
    expect(quotedExcerpt(`\u2028${"a".repeat(100)}`)).toBe(`"\\u2028${"a".repeat(99)}…" (101 characters)`);
  });

  it("cuts a longer one after 100 characters, saying how long it was", () => {
    expect(quotedExcerpt(`${"a".repeat(100)}b`.repeat(600))).toBe(`"${"a".repeat(100)}…" (60600 characters)`);
  });

  it("never cuts a character written as two UTF-16 units in half", () => {
    expect(quotedExcerpt(`${"a".repeat(99)}😀😀`)).toBe(`"${"a".repeat(99)}…" (103 characters)`);
  });
});
