/** The one bisection: line numbers, token and anchor lookups all ask where a sorted run turns. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { partitionPoint } from "../../src/text/partition-point.js";

describe("partitionPoint", () => {
  it("counts the items below a value, and those at or below it", () => {
    const sorted = [2, 4, 4, 9];
    expect(partitionPoint(sorted.length, (i) => sorted[i]! < 4)).toBe(1);
    expect(partitionPoint(sorted.length, (i) => sorted[i]! <= 4)).toBe(3);
    expect(partitionPoint(sorted.length, (i) => sorted[i]! < 1)).toBe(0);
    expect(partitionPoint(sorted.length, (i) => sorted[i]! < 10)).toBe(4);
    expect(partitionPoint(0, () => true)).toBe(0);
  });

  it("agrees with counting one by one", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 })), fc.integer({ min: -60, max: 60 }), (items, x) => {
        const sorted = [...items].sort((a, b) => a - b);
        expect(partitionPoint(sorted.length, (i) => sorted[i]! < x)).toBe(sorted.filter((v) => v < x).length);
      }),
    );
  });
});
