import { describe, expect, it } from "vitest";
import { RequestError, type UpdateRequest } from "../../src/engine/request.js";
import type { TreeSource } from "../../src/engine/source.js";
import { validateInTree } from "../../src/engine/validate-in-tree.js";

describe("validateInTree: a refusal offering a repository for a value given as a tag alone", () => {
  it("reads the tree for a refusal only when it offers an unknown repository, and a tree it cannot read leaves the refusal as it is", async () => {
    let listed = 0;
    const unreadable: TreeSource = {
      // eslint-disable-next-line require-yield
      async *list() {
        listed++;
        throw new Error("ENOENT: the tree went away");
      },
      read: () => Promise.reject(new Error("not read")),
    };
    const ask = (request: Partial<UpdateRequest>) => validateInTree(unreadable, { images: [], setters: [], sets: [], paths: [], ...request });
    await expect(ask({ images: ["ghcr.io/acme/app:"] })).rejects.toThrow(RequestError);
    expect(listed).toBe(0);
    await expect(ask({ setters: ["flux-system:app=1.3.0"] })).rejects.toThrow(/e\.g\. <repository>:1\.3\.0/);
    expect(listed).toBe(1);
  });
});
