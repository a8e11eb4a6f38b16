/** writePlan: changed files replaced in place with their modes, and nothing written when any write fails or any target is refused. */
import { mkdirSync, renameSync } from "node:fs";
import { chmod, chown, mkdir, readdir, readFile, realpath, stat, symlink, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { StalePlanError, writePlan } from "../../src/engine/apply.js";
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

  it("refuses files edited since the plan was made, naming each and writing nothing: their edits would be lost", async () => {
    const dir = await tempDir("gp-apply-");
    const before = "spec:\n  image: app:1\n";
    for (const name of ["a", "b", "c"]) await writeFile(join(dir, `${name}.yaml`), before);
    const plan = planOf(["a", "b", "c"].map((name) => file(`${name}.yaml`, before, "spec:\n  image: app:2\n")));
    await writeFile(join(dir, "a.yaml"), `${before}  other: edit\n`);
    // Only the line ending changed: the bytes are not the plan's either.
    await writeFile(join(dir, "c.yaml"), before.replaceAll("\n", "\r\n"));
    const refusal = await writePlan(dir, plan).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(StalePlanError);
    expect(refusal).toMatchObject({
      name: "StalePlanError",
      paths: ["a.yaml", "c.yaml"],
      message:
        "refusing to write a.yaml and c.yaml: have changed since the plan was made (their text is not the plan's before, and writing would lose that change); plan again; nothing was written",
    });
    expect(await readFile(join(dir, "a.yaml"), "utf8")).toBe(`${before}  other: edit\n`);
    expect(await readFile(join(dir, "b.yaml"), "utf8")).toBe(before);
    expect((await readdir(dir)).sort()).toEqual(["a.yaml", "b.yaml", "c.yaml"]);
  });

  it("writes a file whose text is its before, a byte order mark included", async () => {
    const dir = await tempDir("gp-apply-");
    await writeFile(join(dir, "a.yaml"), "\uFEFFimage: app:1 # ü\n");
    await writePlan(dir, planOf([file("a.yaml", "\uFEFFimage: app:1 # ü\n", "\uFEFFimage: app:2 # ü\n")]));
    expect(await readFile(join(dir, "a.yaml"), "utf8")).toBe("\uFEFFimage: app:2 # ü\n");
  });

  it("touches no disk for a plan that changes nothing, under a root that does not exist", async () => {
    const gone = join(await tempDir("gp-apply-"), "no-such-dir");
    await expect(writePlan(gone, planOf([]))).resolves.toBeUndefined();
    await expect(writePlan(gone, planOf([file("a.yaml", "x: 1\n", "x: 1\n")]))).resolves.toBeUndefined();
    await expect(writePlan(gone, planOf([file("a.yaml", "x: 1\n", "x: 2\n")]))).rejects.toThrow(/ENOENT/);
  });

  describe("a rename that fails after others were done (EBUSY on a bind-mounted file, an immutable file)", () => {
    /** A root holding a.yaml, b.yaml and c.yaml at version 1, and a plan moving all three to 2. */
    async function threeFiles(): Promise<{ dir: string; plan: Plan }> {
      const dir = await tempDir("gp-apply-");
      for (const name of ["a", "b", "c"]) await writeFile(join(dir, `${name}.yaml`), "image: app:1\n");
      await chmod(join(dir, "a.yaml"), 0o640);
      return { dir, plan: planOf(["a", "b", "c"].map((name) => file(`${name}.yaml`, "image: app:1\n", "image: app:2\n"))) };
    }
    /** The file system's rename, failing with EBUSY for paths ending in `failing`. */
    const failingFor =
      (failing: string) =>
      (from: string, to: string): void => {
        if (to.endsWith(failing)) throw Object.assign(new Error(`EBUSY: resource busy or locked, rename '${from}' -> '${to}'`), { code: "EBUSY" });
        renameSync(from, to);
      };

    it("puts back the files already renamed, removes every temporary file and names the file that failed", async () => {
      const { dir, plan } = await threeFiles();
      await expect(writePlan(dir, plan, failingFor("b.yaml"))).rejects.toThrow(
        /^could not write b\.yaml: EBUSY: resource busy or locked.*; nothing was written$/,
      );
      for (const name of ["a", "b", "c"]) expect(await readFile(join(dir, `${name}.yaml`), "utf8")).toBe("image: app:1\n");
      expect((await stat(join(dir, "a.yaml"))).mode & 0o777).toBe(0o640);
      expect((await readdir(dir)).sort()).toEqual(["a.yaml", "b.yaml", "c.yaml"]);
    });

    it("names the files it could not put back", async () => {
      const { dir, plan } = await threeFiles();
      // a.yaml is renamed, then something puts a directory at its path: its old text cannot be written back.
      const rename = (from: string, to: string): void => {
        failingFor("b.yaml")(from, to);
        if (to.endsWith("a.yaml")) {
          renameSync(to, `${to}.moved`);
          mkdirSync(to);
        }
      };
      await expect(writePlan(dir, plan, rename)).rejects.toThrow(
        /^could not write b\.yaml: EBUSY.*; a\.yaml could not be put back and holds its new text; the other files were put back$/,
      );
      expect((await readdir(dir)).sort()).toEqual(["a.yaml", "a.yaml.moved", "b.yaml", "c.yaml"]);
    });
  });

  it.skipIf(process.getuid?.() !== 0)("keeps the owner and group of each file it replaces (as root, a CI container on a mounted workspace)", async () => {
    const dir = await tempDir("gp-apply-");
    await writeFile(join(dir, "a.yaml"), "image: app:1\n");
    await chown(join(dir, "a.yaml"), 1000, 1001);
    await writePlan(dir, planOf([file("a.yaml", "image: app:1\n", "image: app:2\n")]));
    const stats = await stat(join(dir, "a.yaml"));
    expect([stats.uid, stats.gid]).toEqual([1000, 1001]);
    expect(await readFile(join(dir, "a.yaml"), "utf8")).toBe("image: app:2\n");
  });

  it.skipIf(process.getuid?.() !== 0)("keeps a set-user-ID or set-group-ID bit, which giving the file its owner back would clear", async () => {
    const dir = await tempDir("gp-apply-");
    for (const [name, mode] of [
      ["setuid.sh", 0o4755],
      ["setgid.sh", 0o2755],
    ] as const) {
      await writeFile(join(dir, name), "echo 1\n");
      await chown(join(dir, name), 1000, 1001);
      await chmod(join(dir, name), mode);
    }
    await writePlan(dir, planOf([file("setuid.sh", "echo 1\n", "echo 2\n"), file("setgid.sh", "echo 1\n", "echo 2\n")]));
    const [setuid, setgid] = await Promise.all([stat(join(dir, "setuid.sh")), stat(join(dir, "setgid.sh"))]);
    expect([setuid.mode & 0o7777, setgid.mode & 0o7777, setuid.uid, setgid.gid]).toEqual([0o4755, 0o2755, 1000, 1001]);
  });

  it("writes a file whose name leaves no room for its temporary file's: a name of 250 bytes, 4 of them in two-byte letters", async () => {
    const dir = await tempDir("gp-apply-");
    const name = `${"é".repeat(2)}${"a".repeat(241)}.yaml`;
    expect(Buffer.byteLength(name)).toBe(250);
    await writeFile(join(dir, name), "image: app:1\n");
    await writePlan(dir, planOf([file(name, "image: app:1\n", "image: app:2\n")]));
    expect(await readFile(join(dir, name), "utf8")).toBe("image: app:2\n");
    expect(await readdir(dir)).toEqual([name]);
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

    it("refuses a directory that leads to the root's own parent, writing nothing", async () => {
      const parent = await tempDir("gp-apply-parent-");
      const root = join(parent, "repo");
      await mkdir(root);
      await writeFile(join(root, "a.yaml"), "image: app:1\n");
      await writeFile(join(parent, "app.yaml"), "image: app:1\n");
      await symlink("..", join(root, "apps"));
      const [realParent, realRoot] = [await realpath(parent), await realpath(root)];
      await expect(writePlan(root, plan)).rejects.toThrow(
        `refusing to write apps/app.yaml: its directory resolves to ${realParent}, outside ${realRoot} (a symbolic link)`,
      );
      expect(await readFile(join(parent, "app.yaml"), "utf8")).toBe("image: app:1\n");
      expect(await readFile(join(root, "a.yaml"), "utf8")).toBe("image: app:1\n");
    });

    it("refuses a hand-built plan's path that climbs out with '..', writing nothing", async () => {
      const { root, outside } = await rootAndOutside();
      const climbing = planOf([file("a.yaml", "image: app:1\n", "image: app:2\n"), file(`../${basename(outside)}/app.yaml`, "not the repository's\n", "x\n")]);
      await expect(writePlan(root, climbing)).rejects.toThrow(
        `refusing to write "../${basename(outside)}/app.yaml": it is no plain path under ${root}; nothing was written`,
      );
      expect(await readFile(join(outside, "app.yaml"), "utf8")).toBe("not the repository's\n");
      expect(await readFile(join(root, "a.yaml"), "utf8")).toBe("image: app:1\n");
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
