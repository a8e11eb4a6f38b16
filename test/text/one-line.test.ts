import { describe, expect, it } from "vitest";
import { oneLine } from "../../src/text/one-line.js";

describe("oneLine", () => {
  it("escapes, as JSON does, every character a log or a terminal may end a line at: LF, CR, NEL, U+2028, U+2029", () => {
    expect(oneLine("a\nb\rc\u0085d\u2028e\u2029f")).toBe("a\\nb\\rc\\u0085d\\u2028e\\u2029f");
  });

  it("escapes the other control characters, and keeps a tab and all other text as it is", () => {
    expect(oneLine("bell\u0007 del\u007f\tcafé 😀 {\"$imagepolicy\": 'x'} \\u2028")).toBe("bell\\u0007 del\\u007f\tcafé 😀 {\"$imagepolicy\": 'x'} \\u2028");
  });
});
