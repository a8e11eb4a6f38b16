/** `--create` below a key that holds nothing yet (`image:`): the null becomes a mapping of the new keys, and nothing else moves. */
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { setYamlPath } from "../../src/yaml/path.js";

const create = { create: true };

describe("nullFilling", () => {
  it("puts the keys of an empty block value on lines below its key, two spaces deeper, leaving every other byte", () => {
    const text = "image:  # set by CI\nreplicas: 2\n";
    const { text: out, changes } = setYamlPath(text, "image.tag", "1.2.3", create);
    expect(out).toBe("image:  # set by CI\n  tag: 1.2.3\nreplicas: 2\n");
    expect(parse(out)).toEqual({ image: { tag: "1.2.3" }, replicas: 2 });
    expect(changes).toEqual([{ line: 2, kind: "override", key: "image.tag", old: "", new: "1.2.3", op: "create", object: {} }]);
  });

  it.each([
    ["nested keys, a value that needs quotes", "image:\n", "image.a.b", 'image:\n  a:\n    b: "1.10"\n', { image: { a: { b: "1.10" } } }],
    [
      "a key of a list item",
      "- name: app\n  image:\n- name: web\n",
      "[0].image.tag",
      '- name: app\n  image:\n    tag: "1.10"\n- name: web\n',
      [{ name: "app", image: { tag: "1.10" } }, { name: "web" }],
    ],
    [
      "a comment below the key",
      "image:\n  # the tag goes here\nx: 1\n",
      "image.tag",
      'image:\n  tag: "1.10"\n  # the tag goes here\nx: 1\n',
      { image: { tag: "1.10" }, x: 1 },
    ],
    ["CRLF line breaks", "image:\r\nx: 1\r\n", "image.tag", 'image:\r\n  tag: "1.10"\r\nx: 1\r\n', { image: { tag: "1.10" }, x: 1 }],
    ["no line break at the end", "image:", "image.tag", 'image:\n  tag: "1.10"', { image: { tag: "1.10" } }],
  ])("fills an empty block value: %s", (_, text, path, filled, read) => {
    const out = setYamlPath(text, path, "1.10", create).text;
    expect(out).toBe(filled);
    expect(parse(out)).toEqual(read);
  });

  it.each([
    ["a written null", "image: ~ # none yet\n", "image.tag", "image: {tag: 1.2.3} # none yet\n", { image: { tag: "1.2.3" } }],
    ["null spelled out", "image: null\n", "image.tag", "image: {tag: 1.2.3}\n", { image: { tag: "1.2.3" } }],
    ["an empty value in a flow mapping", "a: {image: , x: 1}\n", "a.image.tag", "a: {image: {tag: 1.2.3}, x: 1}\n", { a: { image: { tag: "1.2.3" }, x: 1 } }],
    ["an empty value right before a flow mapping's end", "a: {image:}\n", "a.image.tag", "a: {image: {tag: 1.2.3}}\n", { a: { image: { tag: "1.2.3" } } }],
  ])("replaces %s by a flow mapping in place, on the key's line", (_, text, path, filled, read) => {
    const { text: out, changes } = setYamlPath(text, path, "1.2.3", create);
    expect(out).toBe(filled);
    expect(parse(out)).toEqual(read);
    expect(changes.map((change) => change.line)).toEqual([1]);
  });

  it.each([
    // An alias of it would take the mapping too.
    [
      "an anchored null",
      "image: &none\nother: *none\n",
      "image.tag",
      "image is empty (null), it has no 'tag' (it is anchored, &none: filling it would fill its aliases too, so it is written by hand)",
    ],
    ["a null tagged !!null", "image: !!null\n", "image.tag", "image is empty (null), it has no 'tag'"],
    ["an empty string", 'image: ""\n', "image.tag", "image is a scalar, it has no 'tag'"],
    ["a null list item", "list:\n  -\n", "list[0].tag", "list[0] is empty (null), it has no 'tag'"],
    ["a key with no ':'", "a: {image}\n", "a.image.tag", "a.image is empty (null), it has no 'tag'"],
  ])("leaves %s, which it cannot fill, with what it is", (_, text, path, message) => {
    expect(() => setYamlPath(text, path, "1.2.3", create)).toThrow(`${path}: ${message}`);
  });
});
