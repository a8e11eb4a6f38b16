/** The byte screen the engine runs over every KCL file before reading one closer. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { wordScreen } from "../../src/text/word-screen.js";

describe("wordScreen", () => {
  const holds = wordScreen(['"$imagepolicy"', "acme/app", "/app:"]);

  it("is true when the text holds any word, wherever it is", () => {
    expect(holds('image = "ghcr.io/acme/app:1.0.0"\n')).toBe(true);
    expect(holds('_registry + "/app:" + tag\n')).toBe(true);
    expect(holds('image = "x:1" # {"$imagepolicy": "flux-system:x"}\n')).toBe(true);
  });

  it("is false when only the part it looks for first is there, not the whole word", () => {
    expect(holds('path = "/srv/app/data"\n')).toBe(false);
    expect(holds('image = "ghcr.io/other/app"\n')).toBe(false);
    expect(holds("price = $imagepolicy\n")).toBe(false);
  });

  it("finds words with no `/` or `$` whole", () => {
    const nginx = wordScreen(["nginx"]);
    expect(nginx('image = "nginx:1.27"')).toBe(true);
    expect(nginx('image = "httpd:2"')).toBe(false);
  });

  it("holds nothing without words", () => {
    expect(wordScreen([])("anything")).toBe(false);
  });

  it("agrees with looking for each word whole", () => {
    const alphabet = fc.constantFrom("a", "p", "/", "$", ":", '"', "e", "m", "c", "\n");
    const text = fc.array(alphabet, { maxLength: 40 }).map((cs) => cs.join(""));
    fc.assert(
      fc.property(
        fc.array(
          text.filter((w) => w.length > 0),
          { maxLength: 4 },
        ),
        text,
        (words, subject) => {
          expect(wordScreen(words)(subject)).toBe(words.some((word) => subject.includes(word)));
        },
      ),
    );
  });
});
