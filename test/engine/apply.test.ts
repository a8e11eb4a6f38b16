/** writePlan: changed files replaced in place with their modes, and nothing written when any write fails or any target is refused. */
import { chmod, mkdir, readdir, readFile, realpath, stat, symlink, writeFile } from "node:fs/promises";

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

  describe("symbolic links in the working tree (a checkout of another ref than the one planned on)", () => {
    /** A root holding a.yaml, and a directory outside it holding app.yaml. */
    async function rootAndOutside(): Promise<{ root: string; outside: string }> {
      const root = await tempDir("gp-apply-");
      const outside = await tempDir("gp-apply-outside-");
      await writeFile(join(root, "a.yaml"), "image: app:1\n");
      await writeFile(join(outside, "app.yaml"), "not the repository's\n");
      return { root, outside };
    }
    const plan = planOf([file("a.yaml", "image: app:1\n", "image: app:2\n"), file("apps/app.yaml", "image: app:1\n", "image: app:2\n")]);

    it("refuses a directory that leads out of the root, writing nothing", async () => {
      const { root, outside } = await rootAndOutside();
      await symlink(outside, join(root, "apps"));
      // Resolved before writePlan runs: its rejection must have a handler from the start.
      const [realOutside, realRoot] = [await realpath(outside), await realpath(root)];
      await expect(writePlan(root, plan)).rejects.toThrow(
        `refusing to write apps/app.yaml: its directory resolves to ${realOutside}, outside ${realRoot} (a symbolic link)`,
      );
      expect(await readFile(join(outside, "app.yaml"), "utf8")).toBe("not the repository's\n");
      expect(await readFile(join(root, "a.yaml"), "utf8")).toBe("image: app:1\n");
      expect((await readdir(root)).sort()).toEqual(["a.yaml", "apps"]);
    });

    it("refuses a file that is a symbolic link, writing nothing", async () => {
      const { root, outside } = await rootAndOutside();
      await mkdir(join(root, "apps"));
      await symlink(join(outside, "app.yaml"), join(root, "apps", "app.yaml"));
      await expect(writePlan(root, plan)).rejects.toThrow("refusing to write apps/app.yaml: it is a symbolic link; nothing was written");
      expect(await readFile(join(outside, "app.yaml"), "utf8")).toBe("not the repository's\n");
      expect(await readFile(join(root, "a.yaml"), "utf8")).toBe("image: app:1\n");
    });

    it("writes through a root given by a symbolic link, and a link that stays inside it", async () => {
      const { root } = await rootAndOutside();
      await mkdir(join(root, "releases", "v2"), { recursive: true });
      await writeFile(join(root, "releases", "v2", "app.yaml"), "image: app:1\n");
      await symlink(join(root, "releases", "v2"), join(root, "apps"));
      const link = join(await tempDir("gp-apply-link-"), "checkout");
      await symlink(root, link);
      await writePlan(link, plan);
      expect(await readFile(join(root, "releases", "v2", "app.yaml"), "utf8")).toBe("image: app:2\n");
      expect(await readFile(join(root, "a.yaml"), "utf8")).toBe("image: app:2\n");
    });

    it("does not write through a link planted under its temporary file's name", async () => {
      const { root, outside } = await rootAndOutside();
      await mkdir(join(root, "apps"));
      await writeFile(join(root, "apps", "app.yaml"), "image: app:1\n");
      await symlink(join(outside, "app.yaml"), join(root, "apps", `app.yaml.gitops-promote-${process.pid}.tmp`));
      await expect(writePlan(root, plan)).rejects.toThrow(/EEXIST/);
      expect(await readFile(join(outside, "app.yaml"), "utf8")).toBe("not the repository's\n");
      expect(await readFile(join(root, "a.yaml"), "utf8")).toBe("image: app:1\n");
      expect(await readdir(root)).not.toContain(`a.yaml.gitops-promote-${process.pid}.tmp`);
    });
  });
});
