/** Who reads a mapping's field besides the mapping: mappings merging it (`<<`), pairs aliasing its value, and those merging them. */
import { describe, expect, it } from "vitest";
import { YamlFile } from "../../src/yaml/file.js";
import { nodeAt, type MapNode } from "../../src/yaml/node.js";
import { formatPath } from "../../src/yaml/path.js";
import { readersOf, readersOfValue } from "../../src/yaml/readers.js";

/** Each reader of the field `key` of the mapping at `path`, as `path key` (or `path key *alias`), and its line. */
function readers(text: string, path: readonly (string | number)[], key: string): string[] {
  const file = new YamlFile(text);
  const map = nodeAt(file.documents[0]!.root, path) as MapNode;
  return readersOf(file, map, key).map((reader) => {
    const alias = reader.alias ? ` ${text.slice(reader.alias.start, reader.alias.end)}` : "";
    return `${formatPath(reader.path)} ${reader.key}${alias} (line ${file.lineAt(reader.at)})`;
  });
}

describe("readersOf", () => {
  it("names the mappings merging a mapping, through a chain of merges, that write no such key themselves", () => {
    const text = `app: &app
  repository: ghcr.io/acme/app
  tag: 1.0.0
mid: &mid
  <<: *app
  registry: ghcr.io
worker:
  <<: *mid
  repository: acme/worker
own:
  <<: *app
  tag: 2.0.0
`;
    expect(readers(text, ["app"], "tag")).toEqual(["mid tag (line 5)", "worker tag (line 8)"]);
    expect(readers(text, ["app"], "repository")).toEqual(["mid repository (line 5)", "own repository (line 11)"]);
  });

  it("reads a merge list in order: a mapping merged before that has the key gives it instead", () => {
    const text = `a: &a {tag: 1.0.0}
b: &b {tag: 2.0.0, digest: sha256:0}
ab: {<<: [*a, *b]}
ba: {<<: [*b, *a]}
`;
    expect(readers(text, ["b"], "tag")).toEqual(["ba tag (line 4)"]);
    expect(readers(text, ["b"], "digest")).toEqual(["ab digest (line 3)", "ba digest (line 4)"]);
  });

  it("names who would read a key the mapping does not have yet, were it added there", () => {
    const text = `images:
  - &app {name: ghcr.io/acme/app}
  - {<<: *app, name: ghcr.io/acme/other}
  - {<<: *app, name: ghcr.io/acme/own, newTag: 1.0.0}
`;
    expect(readers(text, ["images", 0], "newTag")).toEqual(["images[1] newTag (line 3)"]);
  });

  it("names a pair aliasing the field's value by its own key, and the mappings merging that pair's mapping", () => {
    const text = `a: {repository: ghcr.io/acme/app, tag: &t 1.0.0}
b: &b {repository: ghcr.io/acme/other, version: *t}
c: {<<: *b}
list: [*t]
`;
    expect(readers(text, ["a"], "tag")).toEqual(["b version *t (line 2)", "c version (line 3)"]);
  });

  it("names no reader for an alias of the whole mapping, which is the same mapping read again", () => {
    const text = "app: &app {repository: ghcr.io/acme/app, tag: 1.0.0}\nglobal: *app\n";
    expect(readers(text, ["app"], "tag")).toEqual([]);
  });
});

describe("readersOfValue", () => {
  it("names the readers of the field whose value a node is, and none for a node that is no pair's value", () => {
    const file = new YamlFile("app: &app\n  tags: [1.0.0]\n  tag: 1.0.0\nworker: {<<: *app}\n");
    const root = file.documents[0]!.root;
    expect(readersOfValue(file, nodeAt(root, ["app", "tag"])!).map((reader) => reader.map)).toEqual([nodeAt(root, ["worker"])]);
    expect(readersOfValue(file, nodeAt(root, ["app", "tags", 0])!)).toEqual([]);
  });
});
