import { describe, expect, it } from "vitest";
import { formatPath, parsePath } from "../../src/yaml/path.js";

describe("parsePath", () => {
  it.each<[string, (string | number)[]]>([
    ["image.tag", ["image", "tag"]],
    ["spec.containers[0].image", ["spec", "containers", 0, "image"]],
    ["spec.containers.0.image", ["spec", "containers", "0", "image"]],
    ['a["dot.key"].b', ["a", "dot.key", "b"]],
    ["a['it''s'][2]", ["a", "it's", 2]],
  ])("reads %s", (text, segments) => {
    expect(parsePath(text)).toEqual(segments);
  });

  it.each([
    ["", "empty path at character 1"],
    ["a..b", "empty key at character 3"],
    ["a.", "empty key at character 3"],
    ["a[x]", "'[x]' is neither a list index nor a quoted key at character 2"],
    ['a["b"', "unclosed '[' at character 2"],
    ['a["b"]c', "expected '.' or '[' at character 7"],
  ])("refuses %j", (text, why) => {
    expect(() => parsePath(text)).toThrow(`invalid path ${JSON.stringify(text)}: ${why}`);
  });
});

describe("formatPath", () => {
  it("writes bare keys with dots, indexes in brackets, other keys quoted", () => {
    expect(formatPath(["spec", "containers", 0, "image"])).toBe("spec.containers[0].image");
    expect(formatPath(["metadata", "labels", "app.kubernetes.io/name"])).toBe('metadata.labels["app.kubernetes.io/name"]');
  });

  it("round-trips through parsePath", () => {
    const path = ["a", "b.c", 3, "it's", "d"];
    expect(parsePath(formatPath(path))).toEqual(path);
  });
});
