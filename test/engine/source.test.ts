import { mkdir, symlink, writeFile } from "node:fs/promises";

import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { RequestError } from "../../src/engine/request.js";
import { directorySource, listTree, memorySource, type TreeSource } from "../../src/engine/source.js";
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

  it("gives the links it leaves out, each with its target as written, for the engine to name (and follow to a configuration)", async () => {
    const root = await tempDir("gp-src-");
    await mkdir(join(root, ".github"));
    await mkdir(join(root, "conf"));
    await writeFile(join(root, "conf", "promote.yaml"), "targets: []\n");
    await symlink("../conf/promote.yaml", join(root, ".github", "gitops-promote.yaml"));
    await symlink("/etc", join(root, "conf", "etc"));
    const source = directorySource(root);
    // Asked before any listing, the links are walked for; after one, they are the links that listing met.
    expect(await source.links?.()).toEqual(
      new Map([
        [".github/gitops-promote.yaml", "../conf/promote.yaml"],
        ["conf/etc", "/etc"],
      ]),
    );
    const tree = await listTree(source);
    expect([tree.files, tree.links]).toEqual([
      ["conf/promote.yaml"],
      new Map([
        [".github/gitops-promote.yaml", "../conf/promote.yaml"],
        ["conf/etc", "/etc"],
      ]),
    ]);
  });
});

describe("memorySource", () => {
  it("lists its paths in order and reads texts as UTF-8 bytes, bytes as they are", async () => {
    const source = memorySource(
      new Map<string, string | Uint8Array>([
        ["b.yaml", "a: é\n"],
        ["a.k", new Uint8Array([0xff])],
      ]),
    );
    const paths: string[] = [];
    for await (const path of source.list()) paths.push(path);
    expect(paths).toEqual(["a.k", "b.yaml"]);
    expect([...(await source.read("b.yaml"))]).toEqual([0x61, 0x3a, 0x20, 0xc3, 0xa9, 0x0a]);
    expect([...(await source.read("a.k"))]).toEqual([0xff]);
    await expect(source.read("c.yaml")).rejects.toThrow("c.yaml: no such file in memory");
  });

  it("gives the links it is handed, and none by default", async () => {
    const links = new Map([["current.yaml", "v2.yaml"]]);
    expect(await memorySource(new Map([["v2.yaml", "a: 1\n"]]), links).links?.()).toBe(links);
    expect((await listTree(memorySource(new Map([["v2.yaml", "a: 1\n"]])))).links).toEqual(new Map());
  });
});

describe("listTree", () => {
  /** A source listing `paths` as given, each read as its own name. */
  const listing = (paths: readonly string[]): TreeSource => ({
    async *list() {
      yield* paths;
    },
    read: async (path) => new TextEncoder().encode(path),
  });

  it("reads ./a, a//b and a/./b as a and a/b, in path order, and reads them by those names from what was listed", async () => {
    const { files, source } = await listTree(listing(["./z.yaml", "apps//web/./d.yaml", "m.k"]));
    expect(files).toEqual(["apps/web/d.yaml", "m.k", "z.yaml"]);
    expect(new TextDecoder().decode(await source.read("apps/web/d.yaml"))).toBe("apps//web/./d.yaml");
  });

  it("hands back the source itself when every path is plain already", async () => {
    const plain = listing(["a/b.yaml", "c.k"]);
    expect((await listTree(plain)).source).toBe(plain);
  });

  it("refuses a path that names no file inside the root, and one file listed twice, naming each", async () => {
    const refused = listTree(listing(["/etc/x.yaml", "../up.yaml", "a/../b.yaml", "a.yaml", "./a.yaml"]));
    await expect(refused).rejects.toThrow(RequestError);
    await expect(refused).rejects.toMatchObject({
      issues: [
        { message: expect.stringContaining('"/etc/x.yaml", which is no POSIX path relative to the root') },
        { message: expect.stringContaining('"../up.yaml"') },
        { message: expect.stringContaining('"a/../b.yaml"') },
        { message: 'the source lists "a.yaml" and "./a.yaml", one file twice' },
      ],
    });
  });

  it("leaves out a name legal in git that no request could name (a backslash, a control character, a drive letter), warning of manifests only", async () => {
    const { files, warnings } = await listTree(
      listing(["docs/a\\b.md", "docs/notes\tv2.md", "apps\\web.yaml", "a\u0000.k", "C:/kcl.mod", "b\n.yaml", "app.yaml"]),
    );
    expect(files).toEqual(["app.yaml"]);
    // Quoted, so a control character is printed escaped; no `file`, which an annotation would print as it is.
    expect(warnings.map((w) => w.message.split(" is left out: ")[0])).toEqual(['"apps\\\\web.yaml"', '"a\\u0000.k"', '"C:/kcl.mod"', '"b\\n.yaml"']);
    expect(warnings.every((w) => w.file === undefined && w.message.endsWith("rename the file to have it updated"))).toBe(true);
  });
});
