/**
 * Many runs of the bundled update Action at once against one branch, as dispatches from many
 * app repos produce them: every change lands, none is lost, main is never force-pushed, and a
 * pull-request branch is only ever replaced from the head its run planned on.
 * Not timed: the assertions are about the final state and the history.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startFakeGitHub, type FakeGitHub } from "../support/github-fake.js";
import { runAction, type ActionResult } from "../support/run-action.js";
import { cloneRepo, deployment, OWNER, REPO } from "../github/fixture.js";

/**
 * A run's and a test's limit: 20 runner processes (Node 24, git) on a 2-core machine where
 * starting a process costs milliseconds take minutes; a limit, not a measure of speed.
 */
const MANY_RUNS_MS = 480_000;

describe("concurrent runs against one branch", () => {
  let fake: FakeGitHub;
  beforeEach(async () => {
    fake = await startFakeGitHub();
  });
  afterEach(async () => {
    expect(fake.violations).toEqual([]);
    await fake.close();
  });

  /** Starts every run at once, each in its own checkout (one job each). */
  async function runAll(inputs: Record<string, string>[]): Promise<ActionResult[]> {
    const workspaces = await Promise.all(inputs.map(() => cloneRepo(fake, { shallow: true })));
    return Promise.all(
      inputs.map((with_, i) =>
        runAction({ actionDir: ".", github: fake, repository: `${OWNER}/${REPO}`, workspace: workspaces[i]!, inputs: with_, timeoutMs: MANY_RUNS_MS }),
      ),
    );
  }

  /** Main only ever moved forward: a single-parent chain, no ref update with force. */
  async function expectLinearHistoryWithoutForce(): Promise<string[]> {
    const log = await fake.log(OWNER, REPO, "main");
    log.forEach((commit, i) => expect(commit.parents).toEqual(i + 1 < log.length ? [log[i + 1]!.sha] : []));
    const mainUpdates = fake.calls.filter((c) => c.operationId === "git/update-ref" && c.path.endsWith("/git/refs/heads/main"));
    expect(mainUpdates.length).toBeGreaterThan(0);
    for (const update of mainUpdates) expect(update.body).toMatchObject({ force: false });
    return log.map((c) => c.sha);
  }

  it(
    "20 runs, one image each, on a repo with 20 deployments: all 20 changes land",
    async () => {
      const files = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`apps/app${i}.yaml`, deployment(`app${i}`, `ghcr.io/acme/app${i}:1.0.0`)]));
      await fake.createRepo(OWNER, REPO, files);

      const results = await runAll(Array.from({ length: 20 }, (_, i) => ({ images: `ghcr.io/acme/app${i}:2.0.${i}` })));
      results.forEach((r, i) => expect(r.exitCode, `run ${i}: ${r.stdout}${r.stderr}`).toBe(0));

      for (let i = 0; i < 20; i++)
        expect(await fake.readFile(OWNER, REPO, "main", `apps/app${i}.yaml`)).toBe(deployment(`app${i}`, `ghcr.io/acme/app${i}:2.0.${i}`));
      const history = await expectLinearHistoryWithoutForce();
      expect(history).toHaveLength(21);
      for (const r of results) expect(history).toContain(r.outputs["commit-sha"]);
    },
    MANY_RUNS_MS,
  );

  it.each(["api", "git"])(
    "8 runs into one pull request at once (commit-via %s), one image each: the pull request carries all 8",
    async (via) => {
      const files = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`apps/app${i}.yaml`, deployment(`app${i}`, `ghcr.io/acme/app${i}:1.0.0`)]));
      await fake.createRepo(OWNER, REPO, files);
      const PR = "gitops-promote/release";

      const inputs = Array.from({ length: 8 }, (_, i) => ({
        images: `ghcr.io/acme/app${i}:2.0.${i}`,
        delivery: "pull-request",
        "pr-branch": PR,
        "commit-via": via,
      }));
      const results = await runAll(inputs);
      results.forEach((r, i) => expect(r.exitCode, `run ${i}: ${r.stdout}${r.stderr}`).toBe(0));

      for (let i = 0; i < 8; i++)
        expect(await fake.readFile(OWNER, REPO, PR, `apps/app${i}.yaml`)).toBe(deployment(`app${i}`, `ghcr.io/acme/app${i}:2.0.${i}`));
      expect(fake.pulls(OWNER, REPO).filter((p) => p.state === "open")).toHaveLength(1);
      // main itself is untouched: everything waits in the pull request
      expect(await fake.log(OWNER, REPO, "main")).toHaveLength(1);
    },
    MANY_RUNS_MS,
  );

  it(
    "10 runs of one image in random version order under a semver policy: the highest wins",
    async () => {
      const config = `targets:
  - name: all
    paths: ["**"]
    images:
      - repository: ghcr.io/acme/app
        policy: { semver: { range: ">=1.0.0" } }
`;
      await fake.createRepo(OWNER, REPO, { ".github/gitops-promote.yaml": config, "apps/app.yaml": deployment("app", "ghcr.io/acme/app:1.0.0") });
      const versions = ["1.4.0", "1.10.0", "1.2.0", "1.9.1", "1.1.0", "1.10.0-rc.1", "1.3.5", "1.0.1", "1.7.0", "1.5.2"];

      const results = await runAll(versions.map((v) => ({ images: `ghcr.io/acme/app:${v}` })));
      results.forEach((r, i) => expect(r.exitCode, `run ${i}: ${r.stdout}${r.stderr}`).toBe(0));

      expect(await fake.readFile(OWNER, REPO, "main", "apps/app.yaml")).toBe(deployment("app", "ghcr.io/acme/app:1.10.0"));
      const history = await expectLinearHistoryWithoutForce();
      // every run that reported a commit has it on main; runs that came after a newer version changed nothing
      for (const r of results) {
        if (r.outputs["changed"] === "true") expect(history).toContain(r.outputs["commit-sha"]);
        else expect(r.outputs["commit-sha"]).toBe("");
      }
      expect(results.find((r) => r.outputs["commit-sha"] === history[0])?.outputs["changes"]).toContain("ghcr.io/acme/app:1.10.0");
    },
    MANY_RUNS_MS,
  );
});
