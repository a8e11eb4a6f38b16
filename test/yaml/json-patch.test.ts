/** A JSON6902 op's `path` pointer, read and written. */
import { describe, expect, it } from "vitest";
import { pointerOf, pointerPath } from "../../src/yaml/json-patch.js";

describe("pointerOf", () => {
  it("writes a path as the pointer pointerPath reads it from, escaping ~ and / in a key (RFC 6901)", () => {
    const pointer = "/spec/values/a~1b~0c/containers/0/-";
    expect(pointerPath(pointer)).toEqual(["spec", "values", "a/b~c", "containers", 0, -1]);
    expect(pointerOf(pointerPath(pointer))).toBe(pointer);
    expect(pointerOf([])).toBe("");
  });
});
