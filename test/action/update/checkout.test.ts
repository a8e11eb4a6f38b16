import { execFileSync } from "node:child_process";
import { mkdir, realpath, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkoutRoot, originUrl } from "../../../src/action/update/checkout.js";
import { InputError } from "../../../src/action/input-error.js";
import { GitRepo } from "../../../src/github/git.js";
import { tempDir } from "../../support/temp.js";

describe("the checkout's origin", () => {
  it("is the URL a run reads and writes; a checkout without one says to check it out with actions/checkout or add the remote", async () => {
    const dir = await tempDir("gp-origin-");
    execFileSync("git", ["init", "--quiet", dir]);
    const checkout = new GitRepo(dir);
    await expect(originUrl(checkout, "push")).rejects.toThrow(
      `the checkout (${dir}) has no remote named origin, the repository gitops-promote reads the branch from and writes to: check the manifests repository out with actions/checkout, which adds it, or add it in an earlier step (git remote add origin <the repository's URL>); delivery: none, which edits the checkout only, needs none`,
    );
    await expect(originUrl(checkout, "pull-request")).rejects.toThrow(/has no remote named origin/);
    execFileSync("git", ["-C", dir, "remote", "add", "origin", "https://github.com/acme/manifests.git"]);
    expect(await originUrl(checkout, "push")).toBe("https://github.com/acme/manifests.git");
    expect(await originUrl(checkout, "none")).toBe("https://github.com/acme/manifests.git");
  });

  it("is not needed under delivery: none, which reads and writes no branch for any target: a checkout without one has none", async () => {
    const dir = await tempDir("gp-origin-");
    execFileSync("git", ["init", "--quiet", dir]);
    expect(await originUrl(new GitRepo(dir), "none")).toBeUndefined();
  });
});

describe("the checkout working-directory names", () => {
  it("is its top level, also through a symbolic link or with a trailing slash", async () => {
    const workspace = await realpath(await tempDir("gp-workspace-"));
    execFileSync("git", ["init", "--quiet", join(workspace, "manifests")]);
    await symlink(join(workspace, "manifests"), join(workspace, "linked"));
    expect(await checkoutRoot(workspace, "manifests")).toBe(join(workspace, "manifests"));
    expect(await checkoutRoot(workspace, "./manifests/")).toBe(join(workspace, "manifests"));
    expect(await checkoutRoot(workspace, "linked")).toBe(join(workspace, "manifests"));
  });

  it("is refused when it is missing or a file, said as what it is", async () => {
    const workspace = await realpath(await tempDir("gp-workspace-"));
    execFileSync("git", ["init", "--quiet", workspace]);
    await writeFile(join(workspace, "values.yaml"), "a: 1\n");
    const advice = `in the workspace (${workspace}): give the path actions/checkout checked the manifests repository out to (its \`path\` input), relative to the workspace`;
    await expect(checkoutRoot(workspace, "manifests")).rejects.toThrow(`working-directory "manifests" does not exist ${advice}`);
    await expect(checkoutRoot(workspace, "values.yaml")).rejects.toThrow(`working-directory "values.yaml" is a file, not a directory, ${advice}`);
  });

  it("is refused when it is a directory inside the checkout, which would widen the run to the whole repository: it says what to write instead", async () => {
    const workspace = await realpath(await tempDir("gp-workspace-"));
    execFileSync("git", ["init", "--quiet", join(workspace, "manifests")]);
    await mkdir(join(workspace, "manifests/clusters/staging"), { recursive: true });
    const deeper = checkoutRoot(workspace, "manifests/clusters/staging");
    await expect(deeper).rejects.toThrow(InputError);
    await expect(deeper).rejects.toThrow(
      `working-directory "manifests/clusters/staging" is inside the checkout whose top level is ${workspace}/manifests: a run reads and writes the whole repository, ` +
        "so give the checkout's own path (actions/checkout's `path`), working-directory: manifests, and limit the run to that directory with paths: clusters/staging/**",
    );

    // actions/checkout without `path`: the workspace is the checkout.
    execFileSync("git", ["init", "--quiet", workspace]);
    await mkdir(join(workspace, "apps/prod"), { recursive: true });
    await expect(checkoutRoot(workspace, "apps/prod")).rejects.toThrow(
      /, working-directory: \., and limit the run to that directory with paths: apps\/prod\/\*\*$/,
    );
  });
});
