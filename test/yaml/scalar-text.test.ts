/** How scalar sources become text: folded block scalars and double-quoted escapes (checked against the yaml package in subset.test.ts too), and where each character is written. */
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { decodeDoubleQuoted, fold, readDoubleQuoted, unescapeDoubleQuoted } from "../../src/yaml/scalar-text.js";

describe("fold", () => {
  it("joins lines with a space and keeps one line break per empty line", () => {
    expect(fold(["one", "two", "", "three", "", "", "four"])).toBe("one two\nthree\n\nfour");
  });

  it("keeps leading empty lines as line breaks", () => {
    expect(fold(["", "one"])).toBe("\none");
  });
});

describe("unescapeDoubleQuoted", () => {
  it("reads YAML's escapes", () => {
    expect(unescapeDoubleQuoted('tab\\there \\"q\\" \\\\ \\/ \\0 \\e \\N \\_ \\L \\P')).toBe('tab\there "q" \\ / \0 \x1b \x85 \xa0 \u2028 \u2029');
    expect(unescapeDoubleQuoted("\\x41\\u00e9\\U0001F600")).toBe("Aé😀");
  });

  it("tells, when asked, where in the content each unit of the text is written", () => {
    const map: number[] = [];
    expect(unescapeDoubleQuoted("a\\tb\\U0001F600", map)).toBe("a\tb😀");
    expect(map).toEqual([0, 1, 3, 4, 4, 14]);
  });

  it("gives no text for an invalid escape, nor for a lone surrogate (left to the yaml package)", () => {
    expect(unescapeDoubleQuoted("\\q")).toBeUndefined();
    expect(unescapeDoubleQuoted("\\x4")).toBeUndefined();
    expect(unescapeDoubleQuoted("\\U00110000")).toBeUndefined();
    expect(unescapeDoubleQuoted("\\uD800")).toBeUndefined();
  });
});

describe("decodeDoubleQuoted: a one-line double-quoted scalar read with where each character is written", () => {
  it("reads every YAML escape as YAML does", () => {
    const source = String.raw`"a\x22b\u0022c\U0001F600\0\a\b\t\	\n\v\f\r\e\ \"\/\\\N\_\L\P"`;
    expect(decodeDoubleQuoted(source)?.text).toBe(parse(source) as string);
  });

  it("maps each character to where its escape starts", () => {
    const read = decodeDoubleQuoted(String.raw`"a\x22b\U0001F600c"`)!;
    expect(read.text).toBe('a"b😀c');
    // 😀 is two UTF-16 units, both written by one escape.
    expect(read.map).toEqual([1, 2, 6, 7, 7, 17, 18]);
  });

  it("refuses an escape YAML refuses", () => {
    expect(decodeDoubleQuoted(String.raw`"a\qb"`)).toBeUndefined();
    expect(decodeDoubleQuoted(String.raw`"a\x2"`)).toBeUndefined();
  });

  it("refuses a surrogate code point, as the text the parser reads does (one decoder for both)", () => {
    expect(decodeDoubleQuoted(String.raw`"a\ud800b"`)).toBeUndefined();
    expect(decodeDoubleQuoted(String.raw`"a\U0000DFFF"`)).toBeUndefined();
  });
});

describe("readDoubleQuoted: a text's double-quoted scalars holding escapes, as they read (review code20 S1)", () => {
  it("reads the escapes and joins an escaped line break, as YAML does", () => {
    const text = 'a: "ghcr.io\\/acme\\x2fweb:1"\nb: "ghcr.io/acme/\\\n    web:1"\nc: "x\n  y\\u002f"\n';
    expect(readDoubleQuoted(text)).toBe('a: "ghcr.io/acme/web:1"\nb: "ghcr.io/acme/web:1"\nc: "x y/"\n');
    expect(Object.values(parse(readDoubleQuoted(text)) as object)).toEqual(Object.values(parse(text) as object));
  });

  it("leaves a scalar with no escape, one reading a quote, backslash or line break, and one YAML refuses, as written", () => {
    const text = 'a: "plain"\nb: "say \\"hi\\""\nc: "\\\\d"\nd: "\\n"\ne: "\\q"\nf: \'single\\/\'\n';
    expect(readDoubleQuoted(text)).toBe(text);
  });
});
