import { describe, expect, it } from "vitest";
import { isBranchName } from "../src/branch-name.js";

describe("isBranchName", () => {
  it("takes what git check-ref-format takes for a branch", () => {
    for (const name of ["main", "release/1.x", "gitops-promote/ghcr.io-acme-app", "feature_x", "v1.2.3"]) expect(isBranchName(name), name).toBe(true);
  });

  it("refuses what it refuses: globs, ranges, reflog syntax, refspec colons, a leading dash, spaces and controls, .lock", () => {
    for (const name of [
      "*",
      "a?",
      "a[b",
      "a..b",
      "main@{1}",
      "@",
      "x:y",
      "-x",
      "a b",
      "a\tb",
      "a\u007fb",
      "x.lock",
      "x.",
      "/x",
      "x/",
      "a//b",
      "a\\b",
      "a~1",
      "a^",
    ]) {
      expect(isBranchName(name), JSON.stringify(name)).toBe(false);
    }
  });
});
