/** Paths between a repository and the tree read from it, which may sit below its root. */
import { describe, expect, it } from "vitest";
import { repositoryPath, treeDirectory } from "../../src/engine/tree-path.js";

describe("repositoryPath", () => {
  it("spells a directory as Flux joins it to its checkout: no ./, no trailing /, and .. never above the root", () => {
    expect(["./clusters/prod/", "clusters//prod", "../../clusters/prod", ".", ""].map(repositoryPath)).toEqual([
      "clusters/prod",
      "clusters/prod",
      "clusters/prod",
      "",
      "",
    ]);
  });
});

describe("treeDirectory", () => {
  it("gives a directory of the repository as a path of the tree read below its root, the root for one above it, none beside it", () => {
    expect(treeDirectory("clusters/prod/apps", "clusters/prod")).toBe("apps");
    expect(treeDirectory("clusters", "clusters/prod")).toBe("");
    expect(treeDirectory("", "clusters/prod")).toBe("");
    expect(treeDirectory("clusters/staging", "clusters/prod")).toBeUndefined();
    expect(treeDirectory("clusters/production", "clusters/prod")).toBeUndefined();
    expect(treeDirectory("clusters/prod/apps", "")).toBe("clusters/prod/apps");
  });
});
