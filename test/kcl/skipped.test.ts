import { describe, expect, it, vi } from "vitest";
import { parseKcl } from "../../src/kcl/parser.js";
import { literalTypes, operatorsOver, skippedConstruct } from "../../src/kcl/skipped.js";
import { T } from "../../src/kcl/tokenizer.js";

/** What skippedConstruct says of the string `"x"` in a KCL program. */
function constructOfX(program: string): string | undefined {
  const { tokens, statements } = parseKcl(program);
  const x = Array.from(tokens.kind.subarray(0, tokens.count)).findIndex(
    (k, t) => k === T.String && tokens.source.text.slice(tokens.start[t], tokens.end[t]) === '"x"',
  );
  return skippedConstruct(statements, x);
}

describe("skippedConstruct", () => {
  it.each([
    ['schema S:\n    image: str = "x"\n', "a schema definition"],
    ['rule R:\n    a == "x"\n', "a rule"],
    ['@info(image="x")\nschema S:\n    a: int\n', "a decorator"],
    ['if True:\n    a = "x"\nelse:\n    a = "y"\n', "an if block"],
    ['if True:\n    a = "y"\nelse:\n    a = "x"\n', "an if block"],
    ['assert a == "x"\n', "an assert statement"],
    ['type T = "x" | "y"\n', "a type alias"],
    ['a: "x"\n', "a type annotation"],
    ['a: "x" = "y"\n', "a type annotation"],
    ['a["x"] = "y"\n', "the left side of an assignment"],
    ['print("x")\n', "an expression statement"],
    ['a = f("x")\n', "a call"],
    ['a = ["x"][0]\n', "a subscript"],
    ['a = {b = "x"}.b\n', "an attribute access"],
    ['a = ("x")\n', "parentheses"],
    ['a = "x" if c else "y"\n', "a ternary"],
    ['a = lambda { "x" }\n', "a lambda"],
    ['a = map v in ["x"] { v }\n', "an all/any/map/filter expression"],
    ['a = [c for c in ["x"]]\n', "a list comprehension"],
    ['a = {k: v for k, v in {b = "x"}}\n', "a dict comprehension"],
    ['a = S {k: v for k, v in {b = "x"}}\n', "a dict comprehension"],
    ['a = [1, *["x"]]\n', "a * unpacking"],
    ['a = {**{b = "x"}}\n', "a ** unpacking"],
    ['a = {"x" = 1}\n', "a config key"],
    ['a = {if c == "x": b = 1}\n', "an if condition"],
    ['a = [\n    if c == "x":\n        1\n]\n', "an if condition"],
    ['a = S("x") {b = 1}\n', "a schema's arguments"],
    ['a = {b = [1, {c = f("x")}]}\n', "a call"],
    ['a = "y" + f("x")\n', "a call"],
    ['a = c == "x"\n', "an operand of '=='"],
    ['a = c not in ["x"]\n', "an operand of 'not in'"],
    ['a = "x" % t\n', "an operand of '%'"],
    ['a = -"x"\n', "the operand of unary '-'"],
    ['a = not "x"\n', "the operand of 'not'"],
    // Precedence applied: `and` binds "x" before `or` does; `+` inside `==` is still a comparison's operand.
    ['a = p and "x" or "y"\n', "an operand of 'and'"],
    ['a = p and "y" or "x"\n', "an operand of 'or'"],
    ['a = "x" + "-debug" == c\n', "an operand of '=='"],
    ['a = {b = f("x") == c}\n', "an operand of '=='"],
  ])("names where %j holds the string", (program, construct) => {
    expect(constructOfX(program)).toBe(construct);
  });

  it("names nothing where the editor reads the string itself", () => {
    expect(constructOfX('a = {b = [1, "x"], if c: d = "x"}\n')).toBeUndefined();
    expect(constructOfX('a = S {b = "y" + "x"}\n')).toBeUndefined();
    expect(constructOfX('a = base | {b = "x"}\n')).toBeUndefined();
    expect(constructOfX('a = n * 2 + "x"\n')).toBeUndefined();
  });
});

describe("operatorsOver", () => {
  /** operatorsOver for the operation assigned in `a = <value>`. */
  const over = (value: string) => {
    const [statement] = parseKcl(`a = ${value}\n`).statements;
    if (statement?.type !== "assign" || statement.value.type !== "operation") throw new Error(`${value} is no operation`);
    return operatorsOver(statement.value);
  };

  it("gives each operand the innermost operator other than + and | applied to it, precedence and grouping applied", () => {
    expect(over('p and "x" or "y" + "z"')).toEqual(["and", "and", "or", "or"]);
    // `**` groups to the right, the others to the left.
    expect(over("a + b * c ** d ** e | f")).toEqual([undefined, "*", "**", "**", "**", undefined]);
    expect(over("a - b + c")).toEqual(["-", "-", undefined]);
    expect(over("a + b - c")).toEqual(["-", "-", "-"]);
    expect(over("not a")).toEqual(["not"]);
  });
});

describe("literalTypes", () => {
  /** literalTypes of a program, for its last statement. */
  const typeOfLast = (program: string) => {
    const m = parseKcl(program);
    const last = m.statements.at(-1)!;
    return last.type === "assign" ? literalTypes(m).get(last) : "not an assignment";
  };

  it("names a type that lists string literals, directly or through the file's type aliases, wherever they are defined", () => {
    expect(typeOfLast('pinned: "app:1.2.3" = "app:1.2.3"\n')).toBe('"app:1.2.3"');
    expect(typeOfLast('type Web = "app:1.2.3" | "app:1.2.2"\nallowed: Web = "app:1.2.3"\n')).toBe("Web");
    expect(typeOfLast('type Any = Web | int\ntype Web = "app:1.2.3"\nx: Any = "app:1.2.3"\n')).toBe("Any");
  });

  it("follows a chain of 100,000 aliases to its literal without running out of stack", () => {
    const chain = Array.from({ length: 100000 }, (_, i) => `type T${i} = int | T${i + 1}\n`).join("");
    expect(typeOfLast(`${chain}type T100000 = "app:1.2.3"\nx: T0 = "app:1.2.3"\n`)).toBe("T0");
    expect(typeOfLast(`${chain}type T100000 = int\nx: T0 = 1\n`)).toBeUndefined();
  });

  it("names nothing for other types, untyped assignments, or an alias that never reaches a literal", () => {
    expect(typeOfLast('opt: str | None = "app:1.2.3"\n')).toBeUndefined();
    expect(typeOfLast("type Port = int\np: Port = 80\n")).toBeUndefined();
    expect(typeOfLast("type A = B\ntype B = A\nx: A = 1\n")).toBeUndefined();
    expect(typeOfLast('x = "app:1.2.3"\n')).toBeUndefined();
  });

  it("gives every left assignment of a file in one pass, reading its type aliases once however many typed assignments name a type", () => {
    const m = parseKcl('type Web = "app:1.2.3" | "app:1.2.2"\na: Web = "app:1.2.3"\nb: str = "x"\nc: "x" = "x"\nd: Web = "app:1.2.2"\ne = "y"\n');
    const readAliases = vi.spyOn(m.statements, "flatMap");
    const left = [...literalTypes(m)].map(([s, type]) => `${s.targets.join()}: ${type}`);
    expect(left).toEqual(["a: Web", 'c: "x"', "d: Web"]);
    expect(readAliases).toHaveBeenCalledTimes(1);
  });
});
