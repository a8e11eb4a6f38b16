/** The walk over a document's values, each with its path, in document order: each value before what it holds, or after. */
import { describe, expect, it } from "vitest";
import { YamlFile } from "../../src/yaml/file.js";
import { formatPath } from "../../src/yaml/path.js";
import { forEachValue } from "../../src/yaml/walk.js";

const paths = (text: string, childrenFirst?: boolean) => {
  const visited: string[] = [];
  forEachValue(new YamlFile(text).documents[0]!.root, ({ path }) => visited.push(formatPath(path) || "(root)"), childrenFirst);
  return visited;
};

describe("forEachValue", () => {
  const text = "app:\n  defaults: &d {tag: 1.0.0}\n  <<: *d\nlist: [a]\n";

  it("visits each value before what it holds, in document order", () => {
    expect(paths(text)).toEqual(["(root)", "app", "app.defaults", "app.defaults.tag", "app.<<", "list", "list[0]"]);
  });

  it("visits each value after what it holds with childrenFirst: a mapping comes after an anchor written inside it", () => {
    expect(paths(text, true)).toEqual(["app.defaults.tag", "app.defaults", "app.<<", "app", "list[0]", "list", "(root)"]);
  });
});
