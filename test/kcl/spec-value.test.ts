import { describe, expect, it } from "vitest";
import { OverrideSpecError, parseOverrideSpec } from "../../src/kcl/override-spec.js";
import { readSpecValue, specSetting, usableSpecValue, type ValueString } from "../../src/kcl/spec-value.js";
import type { FieldNamer } from "../../src/field-name.js";
import { actionFieldName, cliFieldName } from "../support/faces.js";

describe("readSpecValue (KCL's build_expr_from_string)", () => {
  it("reads one string literal as its value, delimited in the text", () => {
    expect(readSpecValue(`'ghcr.io/acme/app:1.0.0'`)).toMatchObject({ kind: "literal", value: "ghcr.io/acme/app:1.0.0", start: 0, end: 24 });
    expect(readSpecValue(`r"a\\b"`)).toMatchObject({ kind: "literal", value: "a\\b", style: { quote: '"', prefix: "r" } });
  });

  it("takes an operation first for the string of the whole text, even where the text lexes badly after it", () => {
    expect(readSpecValue("kcllang/flask_demo:abc").kind).toBe("whole-text");
    expect(readSpecValue("ghcr.io/acme/app:8d31e0f").kind).toBe("whole-text");
  });

  it.each([
    ['"ghcr.io/${name}:1.0"', "an interpolated string"],
    ["{image = 1}", "an expression"],
    ["2", "an expression"],
  ])("names another expression %s", (text, form) => {
    expect(readSpecValue(text)).toMatchObject({ kind: "expression", form });
  });

  it("names text of which KCL keeps only a head, or cannot read, with the reason for an error", () => {
    expect(readSpecValue("nginx:1.25")).toEqual({
      kind: "other",
      form: "a value of which KCL keeps only 'nginx'",
      why: "KCL would keep only 'nginx'",
      head: { text: "nginx", rest: ":1.25" },
    });
    expect(readSpecValue('"open')).toMatchObject({ kind: "other", form: "a value KCL cannot read", at: 0 });
  });
});

/** Why usableSpecValue refuses `spec`, given as `fieldName` says, after what it says of every such spec. */
function error(spec: string, fieldName?: FieldNamer): string {
  try {
    usableSpecValue(parseOverrideSpec(spec), spec, fieldName);
  } catch (e) {
    if (e instanceof OverrideSpecError) return e.message.replace(/^the value of '.*' is not one KCL expression /, "");
    throw e;
  }
  return "no error";
}

describe("usableSpecValue: a value KCL reads whole, or why not and how to write it", () => {
  it("reads a value KCL reads whole", () => {
    expect(usableSpecValue(parseOverrideSpec('a.image="x:1"'), 'a.image="x:1"')).toMatchObject({ kind: "literal", value: "x:1" });
    expect(error("a.image=kcllang/flask_demo:abc")).toBe("no error");
  });

  it.each([
    ["a.image=nginx:1.25", `(KCL would keep only 'nginx'); quote a string value: a.image="nginx:1.25"`],
    // The quotes are closed: the value is two expressions, not an open quote.
    ['a.image="a" "b"', `(KCL would keep only '"a"'); it is two expressions, '"a"' and '"b"': give one`],
    ['a.image="unterminated', "(unterminated string); close its quote"],
    // ':=' leaves '=' as the value: not a value to quote, an operator mistyped.
    ['a.image:="x"', "(expected an expression, found '='); ':=' is no operator of KCL's -O, whose operators are =, :, += and -"],
    ['a.image=="x"', "(expected an expression, found '='); '==' is no operator of KCL's -O, whose operators are =, :, += and -"],
    // Closed quotes with an error after them: no hint is true, so none is given.
    ['a.image="${x"', "('${' is never closed in this string (write \\${ for a literal ${))"],
    ['a.image="a" +', "(expected an expression, found end of line)"],
  ])("%s", (spec, message) => {
    expect(error(spec)).toBe(message);
  });
});

describe("usableSpecValue given on a command line", () => {
  it("adds how to keep the value's quotes in a shell to the advice to quote it, for the CLI's face only", () => {
    const quote = `(KCL would keep only 'nginx'); quote a string value: a.image="nginx:1.25"`;
    expect(error("a.image=nginx:1.25", cliFieldName)).toBe(
      `${quote} (in a shell, single-quote the whole argument, so that its quotes and parentheses reach the tool)`,
    );
    expect(error("a.image=nginx:1.25", actionFieldName)).toBe(quote);
  });
});

describe("specSetting: what a -O spec kept as text (in YAML, in a kcl.mod) sets", () => {
  /** The spec with its value's string replaced by `string`, written as specSetting says. */
  const rewritten = (spec: string, string: string): string => {
    const value = specSetting(spec)!.value as ValueString;
    return spec.slice(0, value.start) + value.write(string) + spec.slice(value.end);
  };

  it("reads a string literal where it is in the spec, and writes another in its quotes", () => {
    const spec = "app.image = 'ghcr.io/acme/app:1.0.0'  ";
    expect(specSetting(spec)).toMatchObject({
      path: "app.image",
      text: "'ghcr.io/acme/app:1.0.0'",
      value: { string: "ghcr.io/acme/app:1.0.0", start: 12, end: 36 },
    });
    expect(rewritten(spec, "ghcr.io/acme/app:1.1.0")).toBe("app.image = 'ghcr.io/acme/app:1.1.0'  ");
  });

  it("reads an unquoted value whose head is an operation as the string of its whole text, written unquoted", () => {
    expect(specSetting("app.image=ghcr.io/acme/app:1.0.0")).toMatchObject({
      value: { string: "ghcr.io/acme/app:1.0.0", start: 10, whole: "an expression (KCL reads it as the string of its whole text)" },
    });
    expect(rewritten("app.image=ghcr.io/acme/app:1.0.0", "ghcr.io/acme/app:1.1.0")).toBe("app.image=ghcr.io/acme/app:1.1.0");
  });

  it("names the form of any other value, a KCL expression as such", () => {
    expect(specSetting('app.image="ghcr.io/${r}:1"')!.value).toEqual({ form: "an interpolated string", advice: expect.any(Function), kcl: true });
    expect(specSetting("app.image=nginx:1.25")!.value).toEqual({ form: "a value of which KCL keeps only 'nginx'", advice: expect.any(Function) });
  });

  it("reads a '+=' spec's list as an expression, which it appends: its images are named as any expression's", () => {
    expect(specSetting('app.images+=["ghcr.io/acme/app:1.0.0"]')).toEqual({
      path: "app.images",
      text: '["ghcr.io/acme/app:1.0.0"]',
      value: { form: "an expression", advice: expect.any(Function), kcl: true },
    });
  });

  it.each([
    ["a delete", "app.image-"],
    ["a string after '+=', which KCL appends to lists only", 'app.image+="ghcr.io/acme/app:1.0.0"'],
    ["text KCL refuses as a spec", "app.image"],
  ])("sets nothing for %s", (_, spec) => {
    expect(specSetting(spec)).toBeUndefined();
  });
});
