import { describe, expect, it } from "vitest";
import { counted } from "../../src/text/counted.js";

describe("counted", () => {
  it("gives the noun an s for any count but one", () => {
    expect([0, 1, 2].map((n) => counted(n, "more file"))).toEqual(["0 more files", "1 more file", "2 more files"]);
  });

  it("takes the plural of a noun that does not just take an s", () => {
    expect([1, 3].map((n) => counted(n, "repository", "repositories"))).toEqual(["1 repository", "3 repositories"]);
  });
});
