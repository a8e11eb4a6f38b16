import { describe, expect, it } from "vitest";
import { kclNumberRead } from "../../src/kcl/number-read.js";

describe("kclNumberRead: a number literal as kcl run writes it out", () => {
  it.each([
    ["5.10", "5.1"],
    ["5", "5"],
    ["1.0", "1.0"],
    ["5.", "5.0"],
    ["1e3", "1000.0"],
    ["1e-6", "1e-6"],
    ["1e16", "1e16"],
    ["0x10", "16"],
    ["0o10", "8"],
    ["010", "8"],
    ["0b101", "5"],
    ["1_000", "1000"],
    ["1Ki", "1024.0"],
    ["3Mi", "3145728.0"],
    ["1m", "0.001"],
  ])("reads %j as %s", (text, read) => {
    expect(kclNumberRead(text)).toBe(read);
  });

  it("reads no number KCL refuses or reads otherwise: 08, a float with _, past i64, a string", () => {
    for (const text of ["08", "1_0.5", "9223372036854775808", "1e999", "1.2.3", "v5", "-1"]) expect(kclNumberRead(text)).toBeUndefined();
  });
});
