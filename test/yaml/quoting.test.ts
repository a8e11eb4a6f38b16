import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { parseYaml } from "../../src/yaml/file.js";
import type { ScalarNode } from "../../src/yaml/node.js";
import {
  doubleQuoted,
  isPlainSafe,
  misreadAs,
  nonStringType,
  numberRead,
  readsAsNonString,
  renderScalar,
  scalarForm,
  yaml11Boolean,
} from "../../src/yaml/quoting.js";

describe("readsAsNonString (kyaml FormatNonStringStyle, YAML 1.1 and 1.2)", () => {
  it.each([
    "1.10",
    "123",
    "-7",
    "true",
    "on",
    "yes",
    "Off",
    "n",
    "~",
    "null",
    "",
    "0x1F",
    "0o17",
    "0777",
    "0b101",
    "1e3",
    "1_000",
    ".inf",
    "-.Inf",
    ".nan",
    "1:20",
  ])("%j is not a string", (value) => {
    expect(readsAsNonString(value)).toBe(true);
  });

  it.each(["v1.10", "1.2.3", "latest", "sha256:abc", "nginx:1.10", "2024-01-01", "1.0-rc1", "onion"])("%j is a string", (value) => {
    expect(readsAsNonString(value)).toBe(false);
  });
});

describe("numberRead", () => {
  it.each([
    ["5.10", "5.1"],
    ["1.20", "1.2"],
    ["1.0", "1"],
    ["1e3", "1000"],
    ["0x10", "16"],
    ["010", "8"],
    ["1_000", "1000"],
    ["1:20", "80"],
    ["+5", "5"],
    ["-0", "0"],
    [".5", "0.5"],
    ["-1.50", "-1.5"],
    ["0b101", "5"],
    ["08", "8"],
    ["20240101", "20240101"],
    ["-7", "-7"],
  ])("reads %j as %s, as YAML 1.1 does (Helm, kubectl)", (text, read) => {
    expect(numberRead(text)).toBe(read);
    expect(String(parse(text, { version: "1.1" }))).toBe(read);
  });

  it("reads 0o10, YAML 1.2's octal, as 1.2 does, and no number in a string, a boolean or .inf", () => {
    expect([numberRead("0o10"), String(parse("0o10"))]).toEqual(["8", "8"]);
    for (const text of ["1.2.3", "v1", "true", "yes", ".inf", "", "5.4-rc1", "0x_", "._"]) expect(numberRead(text)).toBeUndefined();
  });
});

describe("yaml11Boolean", () => {
  it.each([
    ["yes", true],
    ["Y", true],
    ["On", true],
    ["no", false],
    ["n", false],
    ["OFF", false],
  ])("reads %j as %s, as YAML 1.1 does (Helm, kubectl), where YAML 1.2 reads the string", (text, read) => {
    expect(yaml11Boolean(text)).toBe(read);
    expect(parse(text, { version: "1.1" })).toBe(read);
    expect(parse(text)).toBe(text);
  });

  it("reads no boolean where YAML 1.1 and 1.2 agree, or in a string", () => {
    for (const text of ["true", "False", "~", "1", "yes!", "oN", "ye"]) expect(yaml11Boolean(text)).toBeUndefined();
  });
});

describe("nonStringType", () => {
  it.each([
    ["3", "number"],
    ["5.10", "number"],
    ["-.inf", "number"],
    ["true", "boolean"],
    ["off", "boolean"],
    ["~", "null"],
    ["", "null"],
    ["NULL", "null"],
  ])("names %j a %s", (text, type) => {
    expect(nonStringType(text)).toBe(type);
  });

  it("names no type for a string, nor for YAML 1.1's merge key", () => {
    for (const text of ["v1", "1.2.3", "<<", "nulls"]) expect(nonStringType(text)).toBeUndefined();
  });
});

describe("misreadAs: why a value written plain over a plain non-string is not read as given", () => {
  it("names the number YAML reads, and a YAML 1.1 boolean that was no boolean before", () => {
    expect(misreadAs("5.9", "5.10")).toBe(
      '5.10 is written as a number, as the field held one, which YAML reads as 5.1; to set the text 5.10, give it quoted ("5.10")',
    );
    // A file whose field held a YAML 1.1 boolean is read as YAML 1.1.
    expect(misreadAs("no", "yes")).toBeUndefined();
    expect(misreadAs("1", "on")).toMatch(/^on is written as a boolean, as the field held a number, which Helm and kubectl \(YAML 1\.1\) read as true/);
  });

  it("is undefined for a value read as given", () => {
    expect(misreadAs("3", "7")).toBeUndefined();
    expect(misreadAs("5.10", "5.10")).toBeUndefined();
    expect(misreadAs("false", "true")).toBeUndefined();
  });
});

describe("isPlainSafe", () => {
  it.each(["nginx:1.0", "ghcr.io/acme/app@sha256:abc", "a b", "-x", "a:b", "é"])("writes %j plain", (value) => {
    expect(isPlainSafe(value, false)).toBe(true);
  });

  it.each(["1.10", "a: b", "a #b", "a:", "- a", "#a", "'a", '"a', "*a", "&a", "!a", "|", ">", "%a", "@a", "`a", " a", "a ", "---", "a\nb", "a\tb"])(
    "does not write %j plain",
    (value) => {
      expect(isPlainSafe(value, false)).toBe(false);
    },
  );

  it("refuses flow indicators only inside flow collections", () => {
    expect(isPlainSafe("a,b", false)).toBe(true);
    expect(isPlainSafe("a,b", true)).toBe(false);
    expect(isPlainSafe("a]", true)).toBe(false);
  });
});

describe("doubleQuoted", () => {
  it.each(['say "hi"', "back\\slash", "line\nbreak", "tab\there", "bell\u0007", "del\u007f", "nel\u0085", "sep\u2028", "bom\ufeff", "emoji 😀", "é"])(
    "round-trips %j",
    (value) => {
      expect(parse(`v: ${doubleQuoted(value)}`)).toEqual({ v: value });
    },
  );
});

describe("renderScalar", () => {
  it("keeps the style when the value allows it", () => {
    expect(renderScalar("v1", "plain", false)).toBe("v1");
    expect(renderScalar("v1", "single", false)).toBe("'v1'");
    expect(renderScalar("v1", "double", false)).toBe('"v1"');
  });

  it("double-quotes a plain non-string and keeps single quotes for it", () => {
    expect(renderScalar("1.10", "plain", false)).toBe('"1.10"');
    expect(renderScalar("1.10", "single", false)).toBe("'1.10'");
  });

  it("switches from single to double quotes for text single quotes cannot hold", () => {
    expect(renderScalar("a\nb", "single", false)).toBe('"a\\nb"');
  });
});

describe("scalarForm", () => {
  /** The form of `v`'s value in the one-document `text`. */
  const formOf = (text: string): string | undefined => {
    const root = parseYaml(text)[0];
    const node = root?.kind === "map" ? (root.pairs[0]!.value as ScalarNode) : undefined;
    return scalarForm(node!, text.slice(node!.start, node!.end), false);
  };

  it("is undefined for a one-line string written as renderScalar writes it", () => {
    expect(formOf("v: app:1.0\n")).toBeUndefined();
    expect(formOf("v: 'it''s'\n")).toBeUndefined();
    expect(formOf('v: "a\\tb"\n')).toBeUndefined();
  });

  it.each([
    ["v: |\n  app:1.0\n", "literal block (|) string"],
    ["v: >-\n  app:1.0\n", "folded (>) string"],
    ['v: "app:\n  1.0"\n', "multi-line double-quoted string"],
    ["v: 'app:\n  1.0'\n", "multi-line single-quoted string"],
    ['v: "\\x41pp"\n', "double-quoted string with non-canonical escapes"],
  ])("names %j", (text, form) => {
    expect(formOf(text)).toBe(form);
  });
});
