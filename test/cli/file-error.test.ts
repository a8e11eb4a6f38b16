/** A file system error met in the tree, said as what could not be done to which path. */
import { readdirSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fileErrorSaid } from "../../src/cli/file-error.js";
import { tempDir } from "../support/temp.js";

/** What `act` throws. */
function thrown(act: () => unknown): unknown {
  try {
    act();
  } catch (error) {
    return error;
  }
  throw new Error("expected it to throw");
}

describe("fileErrorSaid", () => {
  it("says what the run was doing, to which path, and why, with the error's code", async () => {
    const dir = await tempDir("gp-file-error-");
    await writeFile(join(dir, "values.yaml"), "");
    expect(fileErrorSaid(thrown(() => readdirSync(join(dir, "values.yaml"))))).toBe(
      `cannot list the directory ${join(dir, "values.yaml")}: not a directory (ENOTDIR)`,
    );
    expect(fileErrorSaid(thrown(() => readdirSync(join(dir, "apps"))))).toBe(
      `cannot list the directory ${join(dir, "apps")}: no such file or directory (ENOENT)`,
    );
  });

  it("says a permission refused as Node's error for it has it", () => {
    const error = Object.assign(new Error("EACCES: permission denied, scandir '/srv/manifests/apps'"), {
      code: "EACCES",
      syscall: "scandir",
      path: "/srv/manifests/apps",
    });
    expect(fileErrorSaid(error)).toBe("cannot list the directory /srv/manifests/apps: permission denied (EACCES)");
  });

  it("says nothing of an error that is no file system call's", () => {
    expect(fileErrorSaid(new Error("could not write values.yaml: EBUSY; nothing was written"))).toBeUndefined();
    expect(fileErrorSaid("EACCES")).toBeUndefined();
  });
});
