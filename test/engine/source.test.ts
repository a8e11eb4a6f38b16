import { mkdir, symlink, writeFile } from "node:fs/promises";

import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { directorySource } from "../../src/engine/source.js";
import { tempDir } from "../support/temp.js";

async function list(root: string): Promise<string[]> {
  const out: string[] = [];
  for await (const path of directorySource(root).list()) out.push(path);
  return out;
}

describe("directorySource", () => {
  it("lists regular files in a stable order, skipping .git and node_modules", async () => {
    const root = await tempDir("gp-src-");
    for (const path of ["b/x.yaml", "a/y.yaml", "a-b/z.k", ".git/config", "node_modules/p/values.yaml", ".github/gitops-promote.yaml", "top.yml"]) {
      await mkdir(join(root, path, ".."), { recursive: true });
      await writeFile(join(root, path), "a: 1\n");
    }
    expect(await list(root)).toEqual([".github/gitops-promote.yaml", "a-b/z.k", "a/y.yaml", "b/x.yaml", "top.yml"]);
  });

  it("never follows a symlink: not out of the root, not dangling, not to a directory, not to a file it lists already", async () => {
    const outside = await tempDir("gp-outside-");
    await writeFile(join(outside, "secret.yaml"), "token: x\n");
    const root = await tempDir("gp-src-");
    await mkdir(join(root, "base"));
    await writeFile(join(root, "base", "deploy.yaml"), "image: a:1\n");
    await symlink("base/deploy.yaml", join(root, "linked.yaml"));
    await symlink(join(outside, "secret.yaml"), join(root, "escape.yaml"));
    await symlink("nowhere.yaml", join(root, "dangling.yaml"));
    await symlink(outside, join(root, "linked-dir"));
    expect(await list(root)).toEqual(["base/deploy.yaml"]);
  });
});
