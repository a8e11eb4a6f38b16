/** writePlan: changed files replaced in place with their modes, and nothing written when any write fails. */
import { chmod, readdir, readFile, stat, writeFile } from "node:fs/promises";

import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writePlan } from "../../src/engine/apply.js";
import type { FilePlan, Plan } from "../../src/engine/plan.js";
import { tempDir } from "../support/temp.js";

const planOf = (files: FilePlan[]): Plan => ({ files, changes: [], warnings: [], targets: [], images: [] });
const file = (path: string, before: string, after: string): FilePlan => ({ path, before, after, changes: [] });

describe("writePlan", () => {
  it("replaces changed files, keeps their modes and leaves no temporary file", async () => {
    const dir = await tempDir("gp-apply-");
    await writeFile(join(dir, "a.yaml"), "image: app:1\n");
    await writeFile(join(dir, "run.sh"), "echo 1\n");
    await chmod(join(dir, "run.sh"), 0o754);
    await writePlan(dir, planOf([file("a.yaml", "image: app:1\n", "image: app:2\n"), file("run.sh", "echo 1\n", "echo 2\n")]));
    expect(await readFile(join(dir, "a.yaml"), "utf8")).toBe("image: app:2\n");
    expect((await stat(join(dir, "run.sh"))).mode & 0o777).toBe(0o754);
    expect((await readdir(dir)).sort()).toEqual(["a.yaml", "run.sh"]);
  });

  it("writes nothing when one file cannot be written", async () => {
    const dir = await tempDir("gp-apply-");
    await writeFile(join(dir, "a.yaml"), "image: app:1\n");
    const plan = planOf([file("a.yaml", "image: app:1\n", "image: app:2\n"), file("gone/b.yaml", "x: 1\n", "x: 2\n")]);
    await expect(writePlan(dir, plan)).rejects.toThrow(/ENOENT/);
    expect(await readFile(join(dir, "a.yaml"), "utf8")).toBe("image: app:1\n");
    expect(await readdir(dir)).toEqual(["a.yaml"]);
  });
});
