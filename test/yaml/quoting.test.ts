import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { parseYaml } from "../../src/yaml/file.js";
import type { ScalarNode } from "../../src/yaml/node.js";
import { doubleQuoted, isPlainSafe, readsAsNonString, renderScalar, scalarForm } from "../../src/yaml/quoting.js";

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
