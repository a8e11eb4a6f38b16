import { describe, expect, it } from "vitest";
import { Keyword, keywordOf, RESERVED } from "../../src/kcl/keywords.js";

const of = (word: string): number => keywordOf(` ${word} `, 1, word.length + 1);

describe("keywordOf", () => {
  it.each([
    ["if", Keyword.If],
    ["in", Keyword.In],
    ["is", Keyword.Is],
    ["all", Keyword.All],
    ["and", Keyword.And],
    ["any", Keyword.Any],
    ["elif", Keyword.Elif],
    ["else", Keyword.Else],
    ["lambda", Keyword.Lambda],
    ["protocol", Keyword.Protocol],
    ["True", Keyword.TrueValue],
    ["None", Keyword.NoneValue],
    ["Undefined", Keyword.UndefinedValue],
  ])("recognizes %s in place", (word, keyword) => {
    expect(of(word)).toBe(keyword);
  });

  it.each(["iff", "i", "If", "true", "none", "elsewhere", "import_", "schemas", "Undefine", "中文", ""])("takes %j for a plain name", (word) => {
    expect(of(word)).toBe(Keyword.Other);
  });
});

describe("RESERVED", () => {
  it("holds every word the parser decides on but `type`, which KCL's lexer leaves a name (`type = 1`)", () => {
    expect(["import", "lambda", "True", "Undefined", "and"].filter((word) => RESERVED.has(word))).toHaveLength(5);
    expect([of("type"), RESERVED.has("type")]).toEqual([Keyword.Type, false]);
    // Every Keyword but Other and Type.
    expect(RESERVED.size).toBe(Object.keys(Keyword).length - 2);
  });
});
