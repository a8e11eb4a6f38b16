import { describe, expect, it } from "vitest";
import { OverrideSpecError, formatOverridePath, isKeyword, parseOverridePath, parseOverrideSpec } from "../../src/kcl/override-spec.js";

const invalid = (spec: string): string =>
  `Invalid spec format '${spec}', expected <field_path>=<filed_value>, <field_path>:<filed_value>, <field_path>+=<filed_value> or <field_path>-`;

describe("parseOverrideSpec (KCL's split_override_spec_op)", () => {
  it.each([
    ["config.image=image/image", { path: "config.image", operation: "=", value: "image/image" }],
    ['config.image="image/image:v1"', { path: "config.image", operation: "=", value: '"image/image:v1"' }],
    [
      "config.containers.flask_demo.image=kcllang/flask_demo:abc",
      { path: "config.containers.flask_demo.image", operation: "=", value: "kcllang/flask_demo:abc" },
    ],
    ['config_unification.env: {"bbb": "bbb"}}', { path: "config_unification.env", operation: ":", value: '{"bbb": "bbb"}}' }],
    ["config.z+=[1,2,3]", { path: "config.z", operation: "+=", value: "[1,2,3]" }],
    ['_access6      ="a6"', { path: "_access6", operation: "=", value: '"a6"' }],
    ['a["x=1"]=1', { path: 'a["x=1"]', operation: "=", value: "1" }],
    ["a['b:c'].d:{x = 1}", { path: "a['b:c'].d", operation: ":", value: "{x = 1}" }],
    ['a.b:="x"', { path: "a.b", operation: ":", value: '="x"' }],
    ["a.b=x-", { path: "a.b", operation: "=", value: "x-" }],
    ["dict_delete.image-", { path: "dict_delete.image", operation: "-", value: "" }],
    [" delete -", { path: "delete", operation: "-", value: "" }],
    // an empty key is skipped, as KCL skips it, and the path is named as KCL reads it: the field a report names is the one set
    ['config..image="x:1"', { path: "config.image", parts: ["config", "image"], operation: "=" }],
    [".config.image-", { path: "config.image", parts: ["config", "image"], operation: "-" }],
  ])("%s", (spec, expected) => {
    expect(parseOverrideSpec(spec)).toMatchObject(expected);
  });

  it.each([":a:", "=a=", ":a", "a-1", "....", "a.b- ", "-", "a=", " = 1"])("refuses %j with KCL's message", (spec) => {
    expect(() => parseOverrideSpec(spec)).toThrow(new OverrideSpecError(spec, invalid(spec)));
    expect(() => parseOverrideSpec(spec)).toThrow(invalid(spec));
  });
});

describe("parseOverridePath (KCL's parse_attribute_path)", () => {
  it.each([
    ["a.b.c", ["a", "b", "c"]],
    ['a["b"].c', ["a", "b", "c"]],
    ['a.["b"].c', ["a", "b", "c"]],
    ["a['b'].c", ["a", "b", "c"]],
    ["a.b['c.d']", ["a", "b", "c.d"]],
    ["a.b.['c.d']", ["a", "b", "c.d"]],
    ["a.b['c.d'].e", ["a", "b", "c.d", "e"]],
    ["a.b.['c.d'].e", ["a", "b", "c.d", "e"]],
    ["a.b.c-d.e", ["a", "b", "c-d", "e"]],
    ["a..b", ["a", "b"]],
    ["....", []],
  ])("%s -> %j", (path, parts) => {
    expect(parseOverridePath(path)).toEqual(parts);
  });

  it.each([
    ["a.[b.c-d.e", "Expected opening quote after '['"],
    ["a.[b.c]-d.e", "Expected opening quote after '['"],
    ["a.b[0].c", "Expected opening quote after '['"],
    ["a.b].c", "Unmatched closing bracket"],
    ['a["b"c"].d', "Expected closing bracket"],
  ])("refuses %s: %s", (path, message) => {
    expect(() => parseOverridePath(path)).toThrow(message);
  });

  it("formats parts back into a path that parses to the same parts", () => {
    const parts = ["config", "labels", "app.version", "str-key", "x"];
    expect(formatOverridePath(parts)).toBe('config.labels["app.version"]["str-key"].x');
    expect(parseOverridePath(formatOverridePath(parts))).toEqual(parts);
  });

  it("formats keys after a path written already, the way the KCL editor reports a field under a list item", () => {
    expect(formatOverridePath(["image"], "config.containers[0]")).toBe("config.containers[0].image");
    expect(formatOverridePath(["app.version"], "labels")).toBe('labels["app.version"]');
  });

  it("writes a key bare when the tokenizer reads it as one name, Unicode letters included (KCL identifiers are XID), and quotes any other", () => {
    const parts = ["名称", "$type", "é1", "𝑥", "😀", "a😀", "1a", "b-c"];
    expect(formatOverridePath(parts)).toBe('名称.$type.é1.𝑥["😀"]["a😀"]["1a"]["b-c"]');
    expect(parseOverridePath(formatOverridePath(parts))).toEqual(parts);
  });

  it("quotes a key KCL reserves, but not `type`, which is a name outside a type alias", () => {
    expect(formatOverridePath(["config", "if", "type", "True", "schemas"])).toBe('config["if"].type["True"].schemas');
    expect([isKeyword("lambda"), isKeyword("type"), isKeyword("Lambda")]).toEqual([true, false, false]);
  });
});
