import { describe, expect, it } from "vitest";
import { readStringLiteral, stringLiteralValue, writeStringLiteral } from "../../src/kcl/string-literal.js";

describe("stringLiteralValue", () => {
  it.each([
    ['"plain"', "plain"],
    ["'single'", "single"],
    ['"tab\\tnl\\nq\\"b\\\\"', 'tab\tnl\nq"b\\'],
    ['"\\x41\\101\\u00e9\\U0001F600"', "AAé😀"],
    ['"keep \\d unknown"', "keep \\d unknown"],
    ['"beyond Unicode \\UFFFFFFFF, short \\x4"', "beyond Unicode \\UFFFFFFFF, short \\x4"],
    ['"line \\\ncontinued"', "line continued"],
    ['"\\${not interpolated}"', "${not interpolated}"],
    ['r"C:\\new\\${x}"', "C:\\new\\${x}"],
    ['"""\n    a\n      b\n    """', "a\n  b\n"],
  ])("%s means %j", (raw, value) => {
    expect(stringLiteralValue(raw)).toBe(value);
  });
});

describe("writeStringLiteral", () => {
  it.each([
    ["nginx:1.0", '"x"', '"nginx:1.0"'],
    ["it's", "'x'", "'it\\'s'"],
    ['say "hi"', "'x'", "'say \"hi\"'"],
    ["a\\b", 'r"x"', '"a\\\\b"'],
    ["plain", 'R"x"', 'R"plain"'],
    ["${x}", '"x"', '"\\${x}"'],
    ["two\nlines", '"x"', '"two\\nlines"'],
    ["v", '"""x"""', '"""v"""'],
    ["two\nlines", "'''x'''", "'''two\nlines'''"],
    // A triple-quoted literal is dedented when read: a value it would change goes in single quotes of the same kind.
    ["  two", '"""x"""', '"  two"'],
    ["\n  a\n  b", "'''x'''", "'\\n  a\\n  b'"],
    ["  a\n  b", 'r"""x"""', '"  a\\n  b"'],
  ])("%j in the style of %s is %s, and reads back", (value, like, written) => {
    expect(writeStringLiteral(value, readStringLiteral(like).style)).toBe(written);
    expect(stringLiteralValue(written)).toBe(value);
  });
});
