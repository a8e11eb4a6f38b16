import { describe, expect, it } from "vitest";
import { describeValue } from "../src/change.js";

describe("describeValue: what a value of the wrong type is, for its message", () => {
  it("names strings with their text, and objects by their kind", () => {
    expect(describeValue("nginx:1.2")).toBe('a string ("nginx:1.2")');
    expect(describeValue(["a"])).toBe("an array");
    expect(describeValue({ a: 1 })).toBe("a plain object");
    expect(describeValue(new Map())).toBe("a Map");
    expect(describeValue(Object.create(null))).toBe("an object");
    expect(describeValue(null)).toBe("null");
  });
});
