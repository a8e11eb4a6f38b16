import { describe, expect, it } from "vitest";
import { parseKcl } from "../../src/kcl/parser.js";
import type { ConfigEntry, Expr } from "../../src/kcl/syntax.js";

function entries(text: string): ConfigEntry[] {
  const statement = parseKcl(text).statements[0]!;
  const value = (statement as { value: Expr }).value;
  const config = value.type === "schema" ? value.config : value.type === "config" ? value : undefined;
  return config!.items.filter((i): i is ConfigEntry => i.type === "entry");
}

describe("names and keys read from the tokens", () => {
  it("reads a dotted name from its name and dot tokens, without the spacing", () => {
    const [statement] = parseKcl("config = app . App {}\n").statements;
    expect(statement).toMatchObject({ type: "assign", targets: ["config"], value: { type: "schema", name: "app.App" } });
  });

  it("gives keys their parts: dotted names split, strings by value, anything else none", () => {
    const keys = entries('c = {a.b = 1, "x.y": 2, "t\\u00e9" = 3, "${n}" = 4, l[0] = 5}\n').map((e) => e.key.parts);
    expect(keys).toEqual([["a", "b"], ["x.y"], ["té"], undefined, undefined]);
  });
});
