import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { originUrl } from "../../../src/action/update/checkout.js";
import { GitRepo } from "../../../src/github/git.js";
import { tempDir } from "../../support/temp.js";

describe("the checkout's origin", () => {
  it("is the URL a run reads and writes; a checkout without one says to check it out with actions/checkout or add the remote", async () => {
    const dir = await tempDir("gp-origin-");
    execFileSync("git", ["init", "--quiet", dir]);
    const checkout = new GitRepo(dir);
    await expect(originUrl(checkout)).rejects.toThrow(
      `the checkout (${dir}) has no remote named origin, the repository gitops-promote reads the branch from and writes to: check the manifests repository out with actions/checkout, which adds it, or add it in an earlier step (git remote add origin <the repository's URL>)`,
    );
    execFileSync("git", ["-C", dir, "remote", "add", "origin", "https://github.com/acme/manifests.git"]);
    expect(await originUrl(checkout)).toBe("https://github.com/acme/manifests.git");
  });
});
