import { describe, expect, it } from "vitest";
import { gitVersionIssue, parseGitVersion, readGitVersion, writesMergeTrees } from "../../src/github/git-version.js";

describe("the git version the update Action needs", () => {
  it("reads major and minor from what git prints on Linux, Windows and macOS", () => {
    expect(parseGitVersion("git version 2.39.5\n")).toEqual([2, 39]);
    expect(parseGitVersion("git version 2.45.1.windows.1")).toEqual([2, 45]);
    expect(parseGitVersion("git version 2.39.3 (Apple Git-146)")).toEqual([2, 39]);
    expect(parseGitVersion("hub version 2.14.2")).toBeUndefined();
  });

  it("refuses a git older than 2.29 (Ubuntu 20.04's), saying which it found and what to do", () => {
    expect(gitVersionIssue("git version 2.25.1\n", false)).toBe(
      "git 2.25.1 is too old: gitops-promote needs git 2.29 or later. Use a newer runner image, or install a newer git before this step.",
    );
    expect(gitVersionIssue("git version 1.8.3.1", false)).toMatch(/^git 1\.8\.3\.1 is too old/);
    expect(gitVersionIssue("git version 2.29.0", false)).toBeUndefined();
  });

  it("needs 2.31 only to lend the token: Debian 11's 2.30 works with the checkout's own credentials", () => {
    expect(gitVersionIssue("git version 2.30.2", false)).toBeUndefined();
    expect(gitVersionIssue("git version 2.30.2", true)).toMatch(
      /^git 2\.30\.2 is too old to be lent this step's token: .*persist-credentials: true.*git 2\.31 or later/,
    );
    expect(gitVersionIssue("git version 2.31.0", true)).toBeUndefined();
    expect(gitVersionIssue("git version 3.0.0", true)).toBeUndefined();
  });

  it("lets a git run whose version it cannot read", () => {
    expect(gitVersionIssue("git version unknown", true)).toBeUndefined();
  });

  it("tells merges apart from git 2.38 (merge-tree --write-tree); tries one whose version it cannot read", () => {
    expect(writesMergeTrees("git version 2.37.6")).toBe(false);
    expect(writesMergeTrees("git version 2.38.0")).toBe(true);
    expect(writesMergeTrees("git version 3.0.0")).toBe(true);
    expect(writesMergeTrees("git version unknown")).toBe(true);
  });

  it("reads the version of the git on PATH, and says so when there is none", async () => {
    expect(parseGitVersion(await readGitVersion())).toBeDefined();
    const path = process.env["PATH"];
    process.env["PATH"] = "/nonexistent";
    try {
      await expect(readGitVersion()).rejects.toThrow(/^cannot run git \(.*ENOENT.*\): gitops-promote needs git 2\.29 or later on PATH$/);
    } finally {
      process.env["PATH"] = path;
    }
  });
});
