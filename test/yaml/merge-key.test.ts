/** A mapping's fields read through its merge key (`<<`), and which mapping's pair a merge key brings. */
import { describe, expect, it } from "vitest";
import { YamlFile } from "../../src/yaml/file.js";
import { fieldsOf, mergedHolder, mergedValue, mergeSources, replacedOnTheWay } from "../../src/yaml/merge-key.js";
import { mapValue, type MapNode } from "../../src/yaml/node.js";

const BASE = `base: &base
  tag: 1.0.0
mid: &mid
  <<: *base
  registry: ghcr.io
app:
  <<: *mid
  repository: acme/app
`;

const mapAt = (file: YamlFile, key: string) => mapValue(file.documents[0]!.root as MapNode, key) as MapNode;

describe("mergedValue", () => {
  it("reads a key through a chain of merges, where it is written", () => {
    const file = new YamlFile(BASE);
    const tag = mergedValue(file, file.documents[0]!.root, mapAt(file, "app"), ["app"], "tag");
    expect(tag?.path).toEqual(["base", "tag"]);
    expect(mergedValue(file, file.documents[0]!.root, mapAt(file, "app"), ["app"], "digest")).toBeUndefined();
  });
});

describe("fieldsOf", () => {
  it("reads a mapping's own field at its own path, and a merged one where it is written, marked merged", () => {
    const file = new YamlFile(BASE);
    const field = fieldsOf(file, file.documents[0]!.root, mapAt(file, "app"), ["app"], false);
    expect(field("repository")).toMatchObject({ path: ["app", "repository"], inFlow: false });
    expect(field("repository")?.merged).toBeUndefined();
    expect(field("registry")).toMatchObject({ path: ["mid", "registry"], merged: true });
    expect(field("tag")).toMatchObject({ path: ["base", "tag"], merged: true });
  });
});

describe("mergeSources", () => {
  it("lists what a mapping merges in the order YAML reads it: an alias where its anchor is, an inline mapping at its own path", () => {
    const file = new YamlFile("a: &a {x: 1}\nb: &b {y: 2}\nc:\n  <<: [*b, *a]\nd:\n  <<: {z: 3}\n");
    const root = file.documents[0]!.root;
    const sources = (key: string) => mergeSources(file, root, mapAt(file, key)).map(({ path, fromMap }) => [path, fromMap]);
    expect(sources("c")).toEqual([
      [["b"], false],
      [["a"], false],
    ]);
    expect(sources("d")).toEqual([[["<<"], true]]);
  });
});

describe("mergedHolder", () => {
  it("names the mapping whose own pair a mapping reads, itself or one it merges, and which a pair added to a mapping would be", () => {
    const file = new YamlFile(BASE);
    const root = file.documents[0]!.root;
    const [base, mid, app] = ["base", "mid", "app"].map((key) => mapAt(file, key));
    expect([mergedHolder(file, root, "tag")(app!), mergedHolder(file, root, "repository")(app!)]).toEqual([base, app]);
    expect(mergedHolder(file, root, "digest")(app!)).toBeUndefined();
    // Were mid given a digest, app would read it there; base would not, as it merges nothing.
    const adding = mergedHolder(file, root, "digest", mid);
    expect([adding(app!), adding(base!)]).toEqual([mid, undefined]);
  });
});

describe("replacedOnTheWay", () => {
  it("tells a null, scalar or list on the way to a mapping, read through merge keys and aliases, from a way not written or a mapping", () => {
    const replaced = (text: string, keys: string[]) => {
      const file = new YamlFile(text);
      return replacedOnTheWay(file, file.documents[0]!.root, [], keys);
    };
    for (const text of ["image: null\n", "image:\n", "image: ghcr.io/acme/web:1.0.0\n", "image: [a]\n", "worker: ~\n", "d: &d {image: ~}\nworker: {<<: *d}\n"])
      expect(replaced(text, ["worker", "image"]) || replaced(text, ["image"]), text).toBe(true);
    for (const text of ["replicas: 1\n", "image: {tag: 1.0.0}\n", "d: &d {tag: 1.0.0}\nimage: *d\n", "worker: {image: {}}\n"])
      expect(replaced(text, ["worker", "image"]) || replaced(text, ["image"]), text).toBe(false);
  });
});
