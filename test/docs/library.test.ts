/**
 * docs/library.md's claims that no example block runs, read from the page and checked against the library's
 * sources, so that the page and the code cannot drift apart silently. The page's examples run from the packed
 * package in test/package.test.ts.
 */
import { describe, expect, it } from "vitest";
import { doc } from "../support/readme.js";
import { ConfigError, editKcl, parseConfig, parseImageRef, SourceError } from "../../src/index.js";

const page = doc("library.md");

/** The row of the page's error table for `names` (its first cell, as written). */
function row(names: string): string {
  const found = page.split("\n").filter((line) => line.startsWith(`| ${names} `));
  if (found.length !== 1) throw new Error(`docs/library.md has ${found.length} rows for ${names}`);
  return found[0]!;
}

describe("docs/library.md", () => {
  it("says parseConfig's second argument names the file its messages begin with, as its example throws", () => {
    const call = /`parseConfig\(("[^"`]*"), ("[^"`]*")\)` throws\s+`([^`]*)`/.exec(page);
    expect(call).not.toBeNull();
    const [, text, file, message] = call!;
    const thrown = (() => {
      try {
        parseConfig(JSON.parse(text!) as string, JSON.parse(file!) as string);
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(ConfigError);
    expect(thrown).toMatchObject({ message, issues: [{ file: JSON.parse(file!) as string, line: 1 }] });
  });

  it("says editKcl refuses a text that does not parse only where it may hold a field it edits, as it does", () => {
    expect(row("`editKcl`")).toMatch(/`a = ]]]` alone: no error/);
    const request = { images: [{ image: parseImageRef("ghcr.io/acme/web:1.5.0") }] };
    // Screened out before parsing: it cannot hold ghcr.io/acme/web.
    expect(editKcl("a = ]]]\n", request)).toEqual({ text: "a = ]]]\n", changes: [], warnings: [] });
    expect(() => editKcl("a = ]]]\n# acme/web\n", request)).toThrow(SourceError);
  });
});
