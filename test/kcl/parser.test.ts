import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SourceError } from "../../src/change.js";
import { parseKcl, parseKclExpression } from "../../src/kcl/parser.js";
import type { ConfigItem, Expr, Module } from "../../src/kcl/syntax.js";
import { validCorpusFiles } from "./corpus.js";

const src = (m: Module, node: { first: number; last: number }): string => m.tokens.source.text.slice(m.tokens.start[node.first], m.tokens.end[node.last]);

/** Entries as `key op value` lines, nested configs flattened with dotted paths. */
function entries(m: Module, items: readonly ConfigItem[], prefix = ""): string[] {
  return items.flatMap((item) => {
    if (item.type === "unpack") return [`${prefix}**`];
    if (item.type === "if") return item.branches.flatMap((b) => entries(m, b, `${prefix}if:`));
    const key = prefix + (item.key.parts?.join(".") ?? `<${src(m, item.key)}>`);
    const inner = item.value.type === "config" ? item.value : item.value.type === "schema" ? item.value.config : undefined;
    return inner
      ? [`${key} ${item.operator} ${item.value.type === "schema" ? item.value.name : "{}"}`, ...entries(m, inner.items, `${key}.`)]
      : [`${key} ${item.operator} ${src(m, item.value)}`];
  });
}

function configOf(e: Expr) {
  return e.type === "config" ? e : e.type === "schema" ? e.config : undefined;
}

describe("parseKcl", () => {
  it("reads imports, assignments, typed assignments, unifications and skips the rest", () => {
    const m = parseKcl(
      [
        "import app",
        "import .values as v",
        "",
        "schema Server:",
        '    image: str = "nginx:1.0"',
        "    check:",
        "        image",
        "",
        "@deprecated",
        "schema Old(Server):",
        "    x?: int",
        "type Port = int | str",
        "if True:",
        '    other = Server {image = "a:1"}',
        "x: int = 1",
        "count += 2",
        'config = app.App {name = "demo"}',
        'frontend: app.Server {image = "nginx:1.7.8"}',
        "make = lambda a: int -> {str:} { {a = a} }",
        "print(config)",
      ].join("\n"),
    );
    expect(m.statements.map((s) => s.type)).toEqual([
      "import",
      "import",
      "other",
      "other",
      "other",
      "other",
      "other",
      "assign",
      "aug-assign",
      "assign",
      "unification",
      "assign",
      "other",
    ]);
    const [, , , , , , , x, count, config, frontend] = m.statements;
    expect(x).toMatchObject({ targets: ["x"] });
    expect(count).toMatchObject({ target: "count", operator: "+=" });
    expect(config).toMatchObject({ targets: ["config"], value: { type: "schema", name: "app.App" } });
    expect(frontend).toMatchObject({ target: "frontend", value: { type: "schema", name: "app.Server" } });
  });

  it("reads config entries: operators, dotted and string keys, unpack, if entries, whitespace-separated entries", () => {
    const m = parseKcl(
      [
        "config = app.App {",
        '    name = "kcl-guestbook-ui"',
        "    containers.guestbook = {",
        '        image = "gcr.io/heptio-images/ks-guestbook-demo:0.2"',
        "        ports = [{containerPort = 80}]",
        "    }",
        '    labels: {"app.version": "v1", key: "value"}',
        "    env += [1]",
        "    **base",
        "    if env == 'prod':",
        "        replicas = 3",
        "    else:",
        "        replicas = 1",
        '    inline: {key="key1" value="value1"}',
        "    arr[0] = 2",
        "}",
      ].join("\n"),
    );
    const s = m.statements[0]!;
    expect(s.type).toBe("assign");
    const config = configOf((s as { value: Expr }).value)!;
    expect(entries(m, config.items)).toEqual([
      'name = "kcl-guestbook-ui"',
      "containers.guestbook = {}",
      'containers.guestbook.image = "gcr.io/heptio-images/ks-guestbook-demo:0.2"',
      "containers.guestbook.ports = [{containerPort = 80}]",
      "labels : {}",
      'labels.app.version : "v1"',
      'labels.key : "value"',
      "env += [1]",
      "**",
      "if:replicas = 3",
      "if:replicas = 1",
      "inline : {}",
      'inline.key = "key1"',
      'inline.value = "value1"',
      "<arr[0]> = 2",
    ]);
  });

  it("does not mistake lambdas, comprehensions and quantifiers for configs", () => {
    const m = parseKcl(
      [
        "f = lambda {config: {str:}} -> any { {value = config.key} }",
        "g = lambda type: any, attrs: {:} = {} -> Foo | Bar { Foo {} }",
        "h = lambda { a = 1 }()",
        'd = {k: v for k, v in {"a": 1}}',
        "l = [x for x in [1, 2] if x > 1]",
        'q = filter _, v in {"a": "foo"} { v == "foo" }',
        "t = a if b else c",
        'u = {image = "x"} | {image = "y"}',
      ].join("\n"),
    );
    expect(m.statements.map((s) => (s.type === "assign" ? s.value.type : s.type))).toEqual([
      "other",
      "other",
      "other",
      "other",
      "other",
      "other",
      "other",
      "operation",
    ]);
  });

  it("ends a lambda at its body when a comma follows it in a config or list; a parameter's dict type or default before a comma is not the body", () => {
    const m = parseKcl(
      [
        'c = {f = lambda a { a }, image = "ghcr.io/acme/app:1.0.0"}',
        'l = [lambda a { a }, {image = "ghcr.io/acme/app:1.0.0"}]',
        'g = [lambda a: {str:}, b = {}, c { {a = a} }, {image = "x"}]',
      ].join("\n"),
    );
    const [c, l, g] = m.statements.map((s) => (s.type === "assign" ? s.value : undefined));
    expect(c?.type === "config" && c.items.map((i) => (i.type === "entry" ? [i.key.parts, i.value.type] : i.type))).toEqual([
      [["f"], "other"],
      [["image"], "string"],
    ]);
    expect(l?.type === "list" && l.items.map((i) => [src(m, i), i.type])).toEqual([
      ["lambda a { a }", "other"],
      ['{image = "ghcr.io/acme/app:1.0.0"}', "config"],
    ]);
    expect(g?.type === "list" && g.items.map((i) => [src(m, i), i.type])).toEqual([
      ["lambda a: {str:}, b = {}, c { {a = a} }", "other"],
      ['{image = "x"}', "config"],
    ]);
  });

  it("records the operators of an operation as written, unary and binary, with no precedence applied", () => {
    const m = parseKcl(
      [
        'a = "repo:1.2.3" + "-debug"',
        "b = base | {x = 1}",
        'c = p and "x" or "y"',
        'd = image not in ["x"] == c is not None',
        "e = -n",
        "f = not ok",
        'g = "x:%s" % t * 2',
      ].join("\n"),
    );
    expect(m.statements.map((s) => (s.type === "assign" && s.value.type === "operation" ? s.value.operators : []))).toEqual([
      ["+"],
      ["|"],
      ["and", "or"],
      ["not in", "==", "is not"],
      ["-"],
      ["not"],
      ["%", "*"],
    ]);
  });

  it("keeps the token each operator starts at, reading no operator text while parsing", () => {
    const m = parseKcl('d = image not in ["x"] == c is not None\ne = -n\n');
    const [d, e] = m.statements.map((s) => (s.type === "assign" && s.value.type === "operation" ? s.value : undefined));
    expect(d?.operatorTokens.map((t) => src(m, { first: t, last: t }))).toEqual(["not", "==", "is"]);
    expect(e?.operatorTokens.map((t) => src(m, { first: t, last: t }))).toEqual(["-"]);
  });

  it("records a typed assignment's annotation", () => {
    const m = parseKcl('pinned: "repo:1.2.3" | "repo:1.2.2" = "repo:1.2.3"\nplain = 1\n');
    const [pinned, plain] = m.statements;
    expect(pinned?.type === "assign" && pinned.annotation && src(m, pinned.annotation)).toBe('"repo:1.2.3" | "repo:1.2.2"');
    expect(plain).not.toHaveProperty("annotation");
  });

  it("throws SourceError with line and column on invalid KCL", () => {
    expect(() => parseKcl('"a": "b"')).toThrow(SourceError);
    expect(() => parseKcl("config = {\n    a = \n}\n")).toThrow(
      expect.objectContaining({ line: 2, column: 9, message: "expected an expression, found end of line" }),
    );
    expect(() => parseKcl("config = {a 1}\n")).toThrow(/expected ':', '=' or '\+=' after a config key/);
  });

  it("refuses nesting deeper than any configuration with a SourceError, not a stack overflow", () => {
    const nested = (depth: number) => `a = ${"[".repeat(depth)}${"]".repeat(depth)}\n`;
    expect(parseKcl(nested(150)).statements).toHaveLength(1);
    expect(() => parseKcl(nested(20000))).toThrow(expect.objectContaining({ line: 1, message: "expressions nested more than 200 deep" }));
  });

  // Each row: a construct, how deep is refused, the line of the level past 200, and the construct `depth` levels deep from line 2.
  it.each([
    ["unary minus", 100000, 2, (depth: number) => `a = ${"-".repeat(depth)}1`],
    ["unary plus and ~", 100000, 2, (depth: number) => `a = ${"+~".repeat(depth / 2)}1`],
    ["not", 100000, 2, (depth: number) => `a = ${"not ".repeat(depth)}b`],
    ["unary operators in an operation", 100000, 2, (depth: number) => `a = 1 + ${"- ".repeat(depth)}1`],
    ["unary operators in a config key", 100000, 2, (depth: number) => `a = {${"-".repeat(depth)}b: 1}`],
    ["an if item on an if item's line", 100000, 2, (depth: number) => `a = {${"if c: ".repeat(depth)}b = 1}`],
    ["an if list item on an if item's line", 100000, 2, (depth: number) => `a = [${"if c: ".repeat(depth)}1]`],
    [
      "an if item in an if item's block",
      2000,
      202,
      (depth: number) => `a = {\n${Array.from({ length: depth }, (_, i) => `${" ".repeat(i + 1)}if c:\n`).join("")}${" ".repeat(depth + 1)}b = 1\n}`,
    ],
    ["a config as a config value", 100000, 2, (depth: number) => `a = ${"{b: ".repeat(depth)}1${"}".repeat(depth)}`],
    ["a schema as a schema attribute", 100000, 2, (depth: number) => `a = ${"S {b: ".repeat(depth)}1${"}".repeat(depth)}`],
    ["a ternary as a ternary's else", 100000, 2, (depth: number) => `a = 1${" if c else 1".repeat(depth)}`],
    ["a comprehension as a comprehension's item", 100000, 2, (depth: number) => `a = ${"[".repeat(depth)}x for x in y${"]".repeat(depth)}`],
    ["a quantifier as a quantifier's iterable", 100000, 2, (depth: number) => `a = ${"all x in ".repeat(depth)}y${" {x}".repeat(depth)}`],
    ["** unpacking", 100000, 2, (depth: number) => `a = ${"{**".repeat(depth)}b${"}".repeat(depth)}`],
  ])("counts %s as nesting: 100 levels parse, %i are refused with a SourceError at line %i", (_, deep, line, nested) => {
    expect(parseKcl(`x = 1\n${nested(100)}\n`).statements).toHaveLength(2);
    expect(() => parseKcl(`x = 1\n${nested(deep)}\n`)).toThrow(expect.objectContaining({ line, message: "expressions nested more than 200 deep" }));
  });

  it.each([
    ["an attribute chain", (length: number) => `a = b${".c".repeat(length)}`],
    ["a subscript chain", (length: number) => `a = b${"[0]".repeat(length)}`],
    ["a call chain", (length: number) => `a = f${"()".repeat(length)}`],
    ["nested subscripts", (length: number) => `a = ${"b[".repeat(length)}0${"]".repeat(length)}`],
    ["nested parentheses", (length: number) => `a = ${"(".repeat(length)}1${")".repeat(length)}`],
    ["nested lambdas", (length: number) => `a = ${"lambda { ".repeat(length)}1${" }".repeat(length)}`],
    ["a comprehension over a comprehension", (length: number) => `a = ${"[x for x in ".repeat(length)}y${"]".repeat(length)}`],
    ["nested interpolations", (length: number) => `a = "${"${".repeat(length)}x${"}".repeat(length)}"`],
    ["a chain of assignments", (length: number) => `${"a = ".repeat(length)}1`],
    ["a chain of one operator", (length: number) => `a = 1${" + 1".repeat(length)}`],
  ])("reads %s 100,000 long, skipped or read in a loop, with no limit", (_, long) => {
    expect(parseKcl(`${long(100000)}\n`).statements).toHaveLength(1);
  });

  it("reads the columns of if items on the first line after a byte order mark, as indentation is", () => {
    const m = parseKcl("\uFEFFx = {if a:\n  b = 1\nelif c:\n  b = 2\n}\n");
    const value = (m.statements[0] as { value: Expr }).value;
    expect(value.type === "config" && value.items.map((i) => i.type === "if" && i.branches.length)).toEqual([2]);
  });

  it("ends an if entry's block where KCL's lexer does: at a line indented no deeper than the if's line, whatever starts that line", () => {
    // KCL's lexer reads indentation inside brackets too; an if entry's block is the Indent ... Dedent after it, against
    // the indentation of its line, which another entry may start: tag is the branch's, not the config's.
    for (const [text, read] of [
      ['config = {image = "a", if env == "prod":\n    tag = "b"\n}\n', ['image = "a"', 'if:tag = "b"']],
      [
        'config = {\n    image = "a", if env == "prod":\n        tag = "b"\n    else:\n        tag = "c"\n    replicas = 1\n}\n',
        ['image = "a"', 'if:tag = "b"', 'if:tag = "c"', "replicas = 1"],
      ],
    ] as const) {
      const m = parseKcl(text);
      expect(entries(m, configOf((m.statements[0] as { value: Expr }).value)!.items)).toEqual(read);
    }
    const list = parseKcl('images = ["a:1", if tls:\n    "b:1"\n]\n').statements[0] as { value: Expr };
    expect(list.value.type === "list" && list.value.items.map((i) => (i.type === "if" ? i.branches.map((b) => b.length) : i.type))).toEqual(["string", [1]]);
  });

  // Each `if` item's column was found by scanning back to the line's start: 100,000 items on one line took minutes.
  it.each([
    ["list items", "[", "if c: 1", "]"],
    ["config entries", "{", "if c: b = 1", "}"],
  ])("reads 100,000 inline if %s on one line", (_, open, item, close) => {
    const m = parseKcl(`a = ${open}${Array(100000).fill(item).join(", ")}${close}\n`);
    const value = (m.statements[0] as { value: Expr }).value;
    const items = value.type === "list" || value.type === "config" ? value.items : [];
    expect(items).toHaveLength(100000);
    expect(items.every((i) => i.type === "if" && i.branches.length === 1 && i.branches[0]!.length === 1)).toBe(true);
  });
});

describe("parseKclExpression", () => {
  it.each([
    ["kcllang/flask_demo:abc", "operation", false],
    ['"image/image:v1"', "string", true],
    ["-1", "operation", true],
    ["nginx:1.25", "name", false],
    ['{id=1,value="x"}', "config", true],
    ["s.Service {}", "schema", true],
    ["[1,2,3]", "list", true],
    ['"kcl/kcl:{}".format(version)', "other", true],
    ["False", "other", true],
  ])("%s is a %s expression (complete: %s)", (text, type, complete) => {
    const parsed = parseKclExpression(text);
    expect(parsed.expr.type).toBe(type);
    expect(parsed.complete).toBe(complete);
  });
});

describe("parseKcl over the corpora", () => {
  it("parses every valid program of corpus-kcl-grammar, corpus-konfig and corpus-flask-demo", () => {
    const files = validCorpusFiles();
    const failures: string[] = [];
    let statements = 0;
    for (const file of files) {
      try {
        statements += parseKcl(readFileSync(file, "utf8")).statements.length;
      } catch (e) {
        const error = e as SourceError;
        failures.push(`${file}:${error.line}:${error.column}: ${error.message}`);
      }
    }
    console.log(`parsed ${files.length - failures.length}/${files.length} valid KCL corpus files (${statements} top-level statements)`);
    expect(files.length).toBeGreaterThan(1500);
    expect(failures).toEqual([]);
  });
});
