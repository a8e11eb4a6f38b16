import { describe, expect, it } from "vitest";
import { SourceError } from "../../src/change.js";
import { packageDocuments, parseWithPackage, tryYamlFile, YamlFile } from "../../src/yaml/file.js";
import { scalarText, type YamlNode } from "../../src/yaml/node.js";

describe("YamlFile", () => {
  it("names each document's object like Flux's ObjectIdentifier, leaving out what it lacks", () => {
    const file = new YamlFile("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: ns\n---\nkind: Kustomization\n---\n- a\n---\n# only a comment\n");
    expect(file.documents.map((document) => document.object)).toEqual([
      { apiVersion: "v1", kind: "Pod", name: "p", namespace: "ns" },
      { kind: "Kustomization" },
      {},
      {},
    ]);
  });

  it("says a file nested deeper than the parser reaches is nested too deep, not the parser's stack overflow alone", () => {
    expect(() => new YamlFile(`a: ${"[".repeat(20_000)}${"]".repeat(20_000)}\n`)).toThrow(/^nested too deep to read \(Maximum call stack size exceeded\)$/);
  });

  it("has no documents for empty text", () => {
    expect(new YamlFile("").documents).toEqual([]);
  });

  it.each([
    ["a: 1\na: 2\n", 2, 1],
    ["a: b\n  c: d\n", 1, 4],
    ['a: "unterminated\n', 1, 17],
  ])("reports invalid YAML %j with its line and column", (text, line, column) => {
    let error: unknown;
    try {
      new YamlFile(text);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(SourceError);
    expect(error).toMatchObject({ line, column });
  });

  // An editor shows no line after the last line break: "a: [1, 2\n" is one line, and the package's line 2 is none of the file's.
  it.each([
    ["a: [1, 2", 1, 9],
    ["a: [1, 2\n", 1, 9],
    ["a: [1, 2\r\n", 1, 9],
    ["x: 1\na: {b: 1\n\n  \n", 2, 9],
    ["\uFEFFa: [1, 2\n", 1, 9],
  ])("says an error at the end of %j on the last line with content, just past its last character", (text, line, column) => {
    expect(() => parseWithPackage(text)).toThrow(expect.objectContaining({ line, column }));
  });

  it("says an error inside the text where it is, on a blank line at the end too", () => {
    expect(() => parseWithPackage("a: |\n  x\n\t\n")).toThrow(
      new SourceError("not valid YAML: Block scalar lines must not be less indented than their first line", 3, 1),
    );
  });

  // An anchor hands the file to the `yaml` package, which is not asked to check keys on every parse (quadratic in a mapping's keys).
  it.each([
    ["a block mapping", "image: &img\n  repository: app\nconfig:\n  a: 1\n  a: 2\n", 5, 3],
    ["a flow mapping", "base: &b {x: 1}\nflow: {k: 1, k: 2}\n", 2, 14],
    ["keys that resolve to the same number", "&one 1: a\n0x1: b\n", 2, 1],
    ["a later document", "first: &f 1\n---\nsecond: 2\nsecond: 3\n", 4, 1],
    // Where the package points: after the empty value before the key.
    ["a key after an empty value", "defaults: &d\n  tag:\n  tag: 2\n", 2, 7],
  ])("refuses a repeated key in %s of a file with an anchor, as the yaml package does", (_, text, line, column) => {
    expect(() => new YamlFile(text)).toThrow(new SourceError("not valid YAML: Map keys must be unique", line, column));
  });

  it("reads two NaN keys, which the yaml package does not count as equal", () => {
    expect(new YamlFile(".nan: &n a\n.NaN: b\n").documents[0]?.root).toMatchObject({ pairs: [{ key: { text: ".nan" } }, { key: { text: ".NaN" } }] });
  });

  it.each([
    ["!!omap", "!!omap\n- a: 1\n- b:\n"],
    ["!!pairs", "%YAML 1.1\n---\n!!pairs\n- a: 1\n- b:\n"],
  ])("reads each item of a %s as the one-pair mapping it is written as (the package keeps it as a bare pair)", (_, text) => {
    const root = new YamlFile(text).documents[0]!.root;
    const item = (i: number) => (root?.kind === "seq" ? root.items[i] : undefined);
    expect(item(0)).toMatchObject({ kind: "map", pairs: [{ key: { text: "a" }, value: { text: "1" } }] });
    expect(item(1)).toMatchObject({ kind: "map", pairs: [{ key: { text: "b" }, value: { text: "" } }] });
    const first = item(0)!;
    expect(text.slice(first.start, first.end)).toBe("a: 1");
  });

  it("records a scalar's explicit tag, resolved, and no tag field where none is written", () => {
    const file = new YamlFile("a: !!float 1.0\nb: !<tag:yaml.org,2002:int> 2\nc: !app x\nd: 1.0\n");
    const root = file.documents[0]!.root;
    expect(root?.kind === "map" && root.pairs.map((pair) => pair.value)).toEqual([
      expect.objectContaining({ text: "1.0", tag: "tag:yaml.org,2002:float" }),
      expect.objectContaining({ text: "2", tag: "tag:yaml.org,2002:int" }),
      expect.objectContaining({ text: "x", tag: "!app" }),
      expect.not.objectContaining({ tag: expect.anything() }),
    ]);
  });

  it("maps offsets to 1-based lines", () => {
    const file = new YamlFile("a: 1\r\nb: 2\nc: 3");
    expect([0, 5, 6, 10, 11, 15].map((offset) => file.lineAt(offset))).toEqual([1, 1, 2, 2, 3, 3]);
  });

  it("counts columns from where lineAt starts lines, a lone CR (here in a quoted value) ending one too", () => {
    const text = 'm: {a: "x\ry", b: 1}\n';
    const file = new YamlFile(text);
    const b = text.indexOf("b:");
    expect([file.lineAt(b), file.columnAt(b), file.columnAt(text.indexOf("x"))]).toEqual([2, b - text.indexOf("y") + 1, 9]);
  });
});

describe("a file starting with a byte order mark, which is no content and no column (review yamlfuzz20 N5)", () => {
  it.each([
    ["an indented root mapping", "\uFEFF  a: 1\n  b: 2\n", { a: 1, b: 2 }],
    ["a root list", "\uFEFF- a\n- b\n", ["a", "b"]],
    ["a root mapping", "\uFEFFa:\n b: 1\n", { a: { b: 1 } }],
  ])("reads %s as go-yaml (kustomize's, Flux's) does, at the file's own offsets and lines", (_, text, data) => {
    const file = new YamlFile(text);
    const root = file.documents[0]!.root!;
    const first = root.kind === "map" ? root.pairs[0]!.key : root.kind === "seq" ? root.items[0]! : root;
    expect(toData(root, text)).toEqual(data);
    expect([text.slice(first.start, first.start + 1), file.lineAt(first.start)]).toEqual([text.replace(/^\uFEFF[ -]*/, "")[0], 1]);
  });

  it("still says where a broken one breaks, on the file's own lines", () => {
    expect(() => new YamlFile("\uFEFF  a: 1\n  b: [\n")).toThrow(expect.objectContaining({ line: 2, column: 7 }));
  });

  it("says where a broken first line breaks at the column an editor shows, the mark not counted", () => {
    for (const text of ["a: b: c\n", "\uFEFFa: b: c\n"]) expect(() => new YamlFile(text)).toThrow(expect.objectContaining({ line: 1, column: 4 }));
    expect(new YamlFile("\uFEFFimage: app\n").columnAt(1 + "image: ".length)).toBe(8);
    const { lines } = packageDocuments("\uFEFFa: 1\nb: 2\n");
    expect([0, 1, 4, 6].map((offset) => lines.linePos(offset))).toEqual([
      { line: 1, col: 1 },
      { line: 1, col: 1 },
      { line: 1, col: 4 },
      { line: 2, col: 1 },
    ]);
  });
});

/** The data a parsed node holds, its scalars as written; enough for the shapes above. */
function toData(node: YamlNode | null, text: string): unknown {
  if (node?.kind === "map") return Object.fromEntries(node.pairs.map((pair) => [scalarText(pair.key), toData(pair.value, text)]));
  if (node?.kind === "seq") return node.items.map((item) => toData(item, text));
  const value = scalarText(node);
  return value !== undefined && /^[0-9]+$/.test(value) ? Number(value) : value;
}

describe("tryYamlFile", () => {
  it("is the file a text is, or undefined when the text is no YAML (a string that only may hold YAML)", () => {
    expect(tryYamlFile("image:\n  tag: 1.0\n")?.documents[0]?.object).toEqual({});
    expect(tryYamlFile("a: [\n")).toBeUndefined();
    expect(tryYamlFile("{{- if .prod }}\nx: 1\n{{- end }}\n")).toBeUndefined();
  });
});
