import { describe, expect, it } from "vitest";
import { andList, cappedList } from "../../src/text/and-list.js";

describe("andList", () => {
  it("lists items as a sentence does", () => {
    expect([[], ["a"], ["a", "b"], ["a", "b", "c"]].map((items) => andList(items))).toEqual(["", "a", "a and b", "a, b and c"]);
  });
});

describe("cappedList", () => {
  it("names the first items and counts the rest", () => {
    expect(cappedList(["a", "b", "c", "d", "e"], 3)).toBe("a, b, c and 2 more");
  });

  it("names every item when there are no more than it names", () => {
    expect([[], ["a"], ["a", "b", "c"]].map((items) => cappedList(items, 3))).toEqual(["", "a", "a, b, c"]);
  });

  it("counts the rest by their noun, given one", () => {
    expect(
      [
        ["a", "b", "c"],
        ["a", "b", "c", "d"],
      ].map((items) => cappedList(items, 2, { noun: "image" })),
    ).toEqual(["a, b and 1 more image", "a, b and 2 more images"]);
  });

  it("names every item as a sentence does, asked to, and caps them as before", () => {
    expect([["a"], ["a", "b", "c"], ["a", "b", "c", "d"]].map((items) => cappedList(items, 3, { sentence: true }))).toEqual([
      "a",
      "a, b and c",
      "a, b, c and 1 more",
    ]);
  });
});
