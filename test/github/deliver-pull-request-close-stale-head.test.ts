/**
 * A run that closes the pull request because its branch no longer changes anything on the base
 * (the base got its value another way) decided so on the branch as it read it. Another run may
 * move the branch meanwhile, with a newer value, and report it landed on the pull request. GitHub
 * shows a branch's new head on its pull request a moment after the push: its answer to the close
 * may still name the old head. The branch itself is asked before the close, and the pull request
 * carrying the newer value stays open.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createClient } from "../../src/github/client.js";
import { deliver, type DeliveryContext, type DeliveryResult } from "../../src/github/deliver.js";
import { GitRepo } from "../../src/github/git.js";
import { startFakeGitHub, type FakeGitHub } from "../support/github-fake.js";
import { APP, checkout, cloneRepo, deployment, OWNER, pausesOnClock, REPO, squashPullRequest } from "./fixture.js";

const PR = "gitops-promote/app";
const request = (version: string) => ({ images: [`${APP}:${version}`], setters: [], sets: [], paths: [] });
const config = `targets:\n  - name: app\n    paths: ["**"]\n    images: [{ repository: ${APP}, policy: { semver: { range: ">=1.0.0" } } }]\n`;

describe("deliver: closing a pull request whose branch another run just moved", () => {
  let fake: FakeGitHub;
  let ctx: DeliveryContext;
  beforeEach(async () => {
    // Pull requests show their branch's new head only after many requests: every answer in this test names the old one.
    fake = await startFakeGitHub({ headLag: { requests: 1000 } });
    const { git } = await checkout(fake, { ".github/gitops-promote.yaml": config, "app.yaml": deployment("app", `${APP}:1.0.0`) });
    const client = createClient({ token: fake.token, baseUrl: fake.apiUrl });
    ctx = { git, remote: "origin", repository: { owner: OWNER, repo: REPO }, client: () => client, log: () => undefined, ...pausesOnClock() };
  });
  afterEach(() => fake.close());

  /** One run, in a fresh checkout of its own (as each dispatch's job has). */
  const run = async (version: string) => deliver({ ...ctx, git: new GitRepo(await cloneRepo(fake)) }, request(version), squashPullRequest(PR, "none"));

  it("a newer value pushed after the run read the branch, before it closes the pull request: the pull request is left open with it", async () => {
    await run("1.1.0");
    await fake.commitFile(OWNER, REPO, "main", "app.yaml", deployment("app", `${APP}:1.1.0`), "app 1.1.0 by hand");
    // The run promoting 1.1.0 again reads the branch, then looks up its pull requests (its second lookup): right then, 1.2.0 lands on it.
    let lookups = 0;
    let newer: Promise<DeliveryResult> | undefined;
    fake.inject({ operationId: "pulls/list", times: 100, beforeHandle: async () => void (++lookups === 2 && (await (newer = run("1.2.0")))) });

    const again = await run("1.1.0");
    expect((await newer!).landings.map((l) => [l.pullRequest?.number, l.pullRequest?.operation])).toEqual([[1, "updated"]]);
    expect(again.landings.map((l) => l.pullRequest?.operation)).not.toContain("closed");
    expect(fake.pulls(OWNER, REPO).map((p) => [p.number, p.state])).toEqual([[1, "open"]]);
    expect(await fake.readFile(OWNER, REPO, PR, "app.yaml")).toContain(`${APP}:1.2.0`);
  });
});
