import { describe, expect, it } from "vitest";
import { closest, didYouMean } from "../../src/text/closest.js";

describe("closest", () => {
  it("finds what a typo meant: a letter left out, added, changed, or two swapped", () => {
    const options = ["image", "setter", "set", "path", "repository"];
    expect(["imag", "imagee", "imoge", "imgae", "repositry"].map((typed) => closest(typed, options))).toEqual([
      "image",
      "image",
      "image",
      "image",
      "repository",
    ]);
  });

  it("takes the nearest, the first of equals, and nothing more than two edits away (or the limit given)", () => {
    expect(closest("flux-system:app-prd", ["flux-system:app-staging", "flux-system:app-prod"])).toBe("flux-system:app-prod");
    expect(closest("sett", ["set", "setter"])).toBe("set");
    expect(closest("apps:web", ["flux-system:app-prod"])).toBeUndefined();
    expect(closest("pth", ["path"], 0)).toBeUndefined();
  });

  it("names nothing when what was typed is known: a known name is no typo, however near another", () => {
    expect(closest("flux-system:app", new Set(["flux-system:api", "flux-system:app"]))).toBeUndefined();
  });
});

describe("didYouMean", () => {
  it("ends a message with what was meant, or with nothing when nothing was", () => {
    expect(`unknown option --imgae${didYouMean(closest("imgae", ["image", "set"]))}`).toBe("unknown option --imgae (did you mean image?)");
    expect(`no file to update has a marker for setter apps:web${didYouMean(closest("apps:web", ["flux-system:app-prod"]))}`).toBe(
      "no file to update has a marker for setter apps:web",
    );
  });
});
