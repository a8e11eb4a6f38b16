/** A remote read stopped by the network time limit is given up, whatever git printed before it was stopped. */
import { execFileSync } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GitRepo } from "../../src/github/git.js";
import { tempDir } from "../support/temp.js";

describe("GitRepo: a read that runs out of time", () => {
  it("is not tried again though git had already said something transient: each try could take the whole limit", async () => {
    const dir = await tempDir("gp-git-timeout-");
    execFileSync("git", ["init", "--quiet", dir]);
    execFileSync("git", ["remote", "add", "origin", "ssh://git.example.invalid/acme/manifests.git"], { cwd: dir });
    // The "ssh" that reaches this remote: it counts its starts, says a transient failure, then hangs past the limit.
    const starts = join(dir, "starts");
    const ssh = join(dir, "ssh.sh");
    await writeFile(ssh, `#!/bin/sh\necho start >> '${starts}'\necho 'error: RPC failed; HTTP 502 curl 22' >&2\nexec sleep 3\n`, { mode: 0o755 });
    const g = new GitRepo(dir, { GIT_SSH_COMMAND: ssh, GIT_SSH_VARIANT: "ssh" }, { timeoutMs: 500, retryDelaysMs: [0, 0] });
    await expect(g.defaultBranch("origin")).rejects.toThrow(/RPC failed; HTTP 502[\s\S]*still running after 0.5 s/);
    expect(await readFile(starts, "utf8")).toBe("start\n");
  });
});
