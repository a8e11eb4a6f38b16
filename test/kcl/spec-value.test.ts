import { describe, expect, it } from "vitest";
import { readSpecValue } from "../../src/kcl/spec-value.js";

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
    expect(readSpecValue("nginx:1.25")).toEqual({ kind: "other", form: "a value of which KCL keeps only 'nginx'", why: "KCL would keep only 'nginx'" });
    expect(readSpecValue('"open')).toMatchObject({ kind: "other", form: "a value KCL cannot read" });
  });
});
