import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { decodeDoubleQuoted } from "../../src/yaml/double-quoted.js";

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
