/**
 * A pull-request branch across runs: only an open pull request's branch counts as current (one
 * a person closed or merged is a leftover), and the open pull request's title and body tell
 * every image it carries, not only the last run's.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createClient, type GitHubClient } from "../../src/github/client.js";
import { deliver, type DeliveryContext, type DeliveryOptions } from "../../src/github/deliver.js";
import { GitRepo } from "../../src/github/git.js";
import { startFakeGitHub, type FakeGitHub } from "../support/github-fake.js";
import { apiCalls, checkout, cloneRepo, deployment, OWNER, pausesOnClock, REPO } from "./fixture.js";

const APP = "ghcr.io/acme/app";
const API = "ghcr.io/acme/api";
const PR = "gitops-promote/release";
const request = (...images: string[]) => ({ images, setters: [], sets: [], paths: [] });
const pr: DeliveryOptions = {
  mode: "pull-request",
  prBranch: PR,
  labels: [],
  reviewers: [],
  merge: "none",
  mergeMethod: "merge",
  commitVia: "api",
  dryRun: false,
};
const repository = { owner: OWNER, repo: REPO };

describe("deliver: a pull-request branch across runs", () => {
  let fake: FakeGitHub;
  let client: GitHubClient;
  let ctx: DeliveryContext;
  let logged: string[];
  beforeEach(async () => {
    logged = [];
    fake = await startFakeGitHub();
    const config = `targets:\n  - name: release\n    paths: ["**"]\n    images:\n      - { repository: ${APP}, policy: { semver: { range: ">=1.0.0" } } }\n      - { repository: ${API} }\n`;
    const { git } = await checkout(fake, {
      ".github/gitops-promote.yaml": config,
      "apps/app.yaml": deployment("app", `${APP}:1.0.0`),
      "apps/api.yaml": deployment("api", `${API}:2.0.0`),
    });
    client = createClient({ token: fake.token, baseUrl: fake.apiUrl });
    ctx = { git, remote: "origin", repository, client: () => client, log: (m) => logged.push(m) };
  });
  afterEach(() => fake.close());

  /** One run, in a fresh shallow checkout of its own (as each workflow job has). */
  const run = async (...images: string[]) => deliver({ ...ctx, git: new GitRepo(await cloneRepo(fake, { shallow: true })) }, request(...images), pr);
  const onPr = async (path: string) => /image: (\S+)/.exec((await fake.readFile(OWNER, REPO, PR, path)) ?? "")?.[1];
  const pulls = () => fake.pulls(OWNER, REPO).map((p) => `#${p.number} ${p.merged ? "merged" : p.state}`);

  describe("a branch that outlived its pull request is a leftover, planned over from the base", () => {
    it("closed by a person: a later, lower build is proposed in a new pull request, not taken as carried", async () => {
      await run(`${APP}:3.0.0`);
      await client.rest.pulls.update({ ...repository, pull_number: 1, state: "closed" });

      const result = await run(`${APP}:2.5.0`);
      expect(result.changed).toBe(true);
      expect(result.landings.map((l) => [l.pullRequest?.number, l.pullRequest?.operation])).toEqual([[2, "created"]]);
      expect(pulls()).toEqual(["#1 closed", "#2 open"]);
      expect(await onPr("apps/app.yaml")).toBe(`${APP}:2.5.0`);
      expect(logged).toContain(
        `${PR} is left over from pull request #1, closed since: its values do not count, it is replaced by a branch planned on main alone`,
      );
    });

    it("closed by a person: another image's pull request does not bring the rejected one back", async () => {
      await run(`${APP}:3.0.0`);
      await client.rest.pulls.update({ ...repository, pull_number: 1, state: "closed" });

      await run(`${API}:2.0.1`);
      expect(pulls()).toEqual(["#1 closed", "#2 open"]);
      expect(await onPr("apps/app.yaml")).toBe(`${APP}:1.0.0`);
      expect(await onPr("apps/api.yaml")).toBe(`${API}:2.0.1`);
      const [, second] = fake.pulls(OWNER, REPO);
      expect(second!.title).toBe(`chore(deploy): ${API} 2.0.0 -> 2.0.1`);
      expect(second!.body).not.toContain("app.yaml");
    });

    it("squash-merged with its branch kept, then rolled back on main: another image's pull request does not bring the rolled-back one back", async () => {
      await run(`${APP}:2.0.0`);
      await client.rest.pulls.merge({ ...repository, pull_number: 1, merge_method: "squash" });
      await fake.commitFile(OWNER, REPO, "main", "apps/app.yaml", deployment("app", `${APP}:1.0.0`), "Roll app back to 1.0.0: 2.0.0 crashes");

      await run(`${API}:2.0.1`);
      expect(pulls()).toEqual(["#1 merged", "#2 open"]);
      expect(await onPr("apps/app.yaml")).toBe(`${APP}:1.0.0`);
      expect(await onPr("apps/api.yaml")).toBe(`${API}:2.0.1`);
      expect(logged).toContain(
        `${PR} is left over from pull request #1, merged since: its values do not count, it is replaced by a branch planned on main alone`,
      );
    });

    it("an open pull request's branch still counts, with one lookup of the pull requests as before", async () => {
      await run(`${APP}:3.0.0`);
      const before = apiCalls(fake).length;
      const result = await run(`${APP}:2.5.0`);
      expect(result.changed).toBe(false);
      expect(
        apiCalls(fake)
          .slice(before)
          .map((c) => c.operationId),
      ).toEqual(["pulls/list"]);
      expect(await onPr("apps/app.yaml")).toBe(`${APP}:3.0.0`);
    });
  });

  it("a merge a later attempt made is the run's result: another run moved the branch at this run's merge, the second attempt merged it", async () => {
    let other: Awaited<ReturnType<typeof run>> | undefined;
    const otherClient = createClient({ token: fake.token, baseUrl: fake.apiUrl });
    fake.inject({
      operationId: "pulls/merge",
      times: 1,
      beforeHandle: async () => {
        const git = new GitRepo(await cloneRepo(fake, { shallow: true }));
        other = await deliver({ ...ctx, git, client: () => otherClient }, request(`${API}:2.1.0`), pr);
      },
    });
    const git = new GitRepo(await cloneRepo(fake, { shallow: true }));
    const result = await deliver({ ...ctx, git, ...pausesOnClock() }, request(`${APP}:1.1.0`), { ...pr, merge: "immediate" });

    expect([other?.landings[0]?.pullRequest?.operation, result.attempts]).toEqual(["updated", 2]);
    expect(pulls()).toEqual(["#1 merged"]);
    const [landing] = result.landings;
    expect(landing).toMatchObject({ merge: "merged", head: fake.pulls(OWNER, REPO)[0]!.headSha, pullRequest: { number: 1, operation: "created" } });
    expect(landing!.warnings ?? []).not.toContainEqual(expect.objectContaining({ message: expect.stringContaining("already carries these values") }));
  });

  describe("a dry run, planned on main alone, names the open pull request a run would land in", () => {
    const dry = async (...images: string[]) =>
      deliver({ ...ctx, git: new GitRepo(await cloneRepo(fake, { shallow: true })) }, request(...images), { ...pr, dryRun: true });

    it("a new build: the pull request it would update, with one lookup and nothing written", async () => {
      await run(`${APP}:1.1.0`);
      const refs = await fake.refs(OWNER, REPO);
      const calls = apiCalls(fake).length;
      const result = await dry(`${APP}:1.2.0`);
      const made = apiCalls(fake)
        .slice(calls)
        .map((c) => c.operationId);
      const url = (await client.rest.pulls.get({ ...repository, pull_number: 1 })).data.html_url;
      expect(result.landings.map((l) => [l.branch, l.openPullRequest])).toEqual([[PR, { number: 1, url }]]);
      expect(result.plan.warnings.map((w) => w.message)).toEqual([
        `dry run: pull request #1 (${url}) is open on ${PR}: a run would update it, planned on its branch too (the values it carries stay, and a newer one a policy ranks higher is kept); this dry run planned on main alone`,
      ]);
      expect(made).toEqual(["pulls/list"]);
      expect(await fake.refs(OWNER, REPO)).toEqual(refs);
    });

    it("a rollback to main's value: nothing to change on main, but the open pull request it would plan on is named", async () => {
      await run(`${APP}:1.1.0`);
      const result = await dry(`${APP}:1.0.0`);
      expect(result.changed).toBe(false);
      expect(result.plan.warnings.map((w) => w.message)).toEqual([
        expect.stringMatching(
          /^dry run: pull request #1 \(.*\) is open on gitops-promote\/release: a run would plan on it too: one that proposes values this request moves back \(a rollback\) is rebuilt without them, or closed when nothing else is left on it; this dry run planned on main alone$/,
        ),
      ]);
      expect(fake.pulls(OWNER, REPO)).toMatchObject([{ number: 1, state: "open" }]);
    });

    it("no open pull request: the plan alone, no notice", async () => {
      const result = await dry(`${APP}:1.2.0`);
      expect(result.landings.map((l) => [l.branch, l.openPullRequest])).toEqual([[PR, undefined]]);
      expect(result.plan.warnings).toEqual([]);
    });

    it("the lookup refused: the plan is still shown, and the log says what it could not read", async () => {
      fake.inject({ operationId: "pulls/list", status: 403, body: { message: "Resource not accessible by integration" } });
      const result = await dry(`${APP}:1.2.0`);
      expect(result.changed).toBe(true);
      expect(logged).toContainEqual(
        expect.stringMatching(
          /^dry run: the open pull requests on gitops-promote\/release could not be read \(.*Resource not accessible by integration.*\); a run plans on an open one's branch too$/,
        ),
      );
    });
  });

  describe("main changed the line the pull request edits", () => {
    const pinned = (tag: string) => deployment("app", `${APP}:${tag}`).replace("# the running build", "# pinned by ops");

    it("the next build of the same image: main's change kept, the new value on it, and nothing reported lost", async () => {
      await run(`${APP}:1.1.0`);
      await fake.commitFile(OWNER, REPO, "main", "apps/app.yaml", pinned("1.0.0"));
      const result = await run(`${APP}:1.2.0`);
      expect(await fake.readFile(OWNER, REPO, PR, "apps/app.yaml")).toBe(pinned("1.2.0"));
      expect(result.plan.warnings).toEqual([]);
    });

    it("another image's build: the earlier value is lost to main's change, and the warning says so on that file", async () => {
      await run(`${APP}:1.1.0`);
      await fake.commitFile(OWNER, REPO, "main", "apps/app.yaml", pinned("1.0.0"));
      const result = await run(`${API}:2.0.1`);
      expect(await fake.readFile(OWNER, REPO, PR, "apps/app.yaml")).toBe(pinned("1.0.0"));
      expect(await onPr("apps/api.yaml")).toBe(`${API}:2.0.1`);
      expect(result.plan.warnings).toEqual([
        expect.objectContaining({ file: "apps/app.yaml", message: expect.stringMatching(/^main changed the same lines as /) }),
      ]);
    });
  });

  describe("a late, older build", () => {
    it("the run's result is the open pull request, left as it is, with the policy's reason on the field and a warning naming the pull request", async () => {
      await run(`${APP}:3.0.0`);
      const result = await run(`${APP}:2.5.0`);
      const url = `${fake.url}/${OWNER}/${REPO}/pull/1`;
      const warnings = [
        {
          file: "apps/app.yaml",
          line: 10,
          message:
            "spec.template.spec.containers[0].image keeps 3.0.0, which its policy (semver >=1.0.0) ranks above the incoming 2.5.0 (allow-downgrade sets it anyway)",
        },
        { message: `${PR} already carries these values (or newer ones): pull request #1 (${url}) is left as it is` },
      ];
      expect(result.changed).toBe(false);
      expect(result.landings).toEqual([
        {
          mode: "pull-request",
          branch: PR,
          files: [],
          changes: [],
          head: fake.pulls(OWNER, REPO)[0]!.headSha,
          pullRequest: { number: 1, url, nodeId: expect.any(String), operation: "none", autoMerge: false },
          warnings,
          replanned: ["apps/app.yaml"],
        },
      ]);
      expect(result.plan.warnings).toEqual(warnings);
    });

    it("is told by the branch's plan alone where the branch keeps a newer value: the base's plan edited a field the run left", async () => {
      await fake.commitFile(OWNER, REPO, "main", "apps/values.yaml", `image:\n  repository: ${APP}\n  tag: "1.0.0"\n`, "Add the chart's values");
      const digest = (hex: string) => `@sha256:${hex.repeat(64)}`;
      await run(`${APP}:3.0.0${digest("a")}`);
      const result = await run(`${APP}:2.5.0${digest("b")}`);
      expect(result.changed).toBe(false);
      const said = result.plan.warnings.filter((w) => w.file === "apps/values.yaml").map((w) => w.message);
      // On main the pair would have taken 2.5.0's tag without its digest; on the branch it keeps 3.0.0, and only that is said.
      expect(said).toEqual(["image.tag keeps 3.0.0, which its policy (semver >=1.0.0) ranks above the incoming 2.5.0 (allow-downgrade sets it anyway)"]);
    });
  });

  describe("the title and body tell every image the pull request carries", () => {
    // Every file is in the target release: each row names it.
    const rows = (body: string | null | undefined) => (body ?? "").split("\n").filter((l) => l.startsWith("| release | <code>"));

    it("a second image's run keeps the first's row and names both in the title; a third replaces its own image's row", async () => {
      await run(`${APP}:1.1.0`);
      await run(`${API}:2.0.1`);
      let [pull] = fake.pulls(OWNER, REPO);
      expect(pull!.title).toBe(`chore(deploy): ${API} 2.0.1, ${APP} 1.1.0`);
      expect(rows(pull!.body)).toEqual([
        `| release | <code>apps/api.yaml:10</code> | <code>spec.template.spec.containers&#91;0&#93;.image</code> | <code>${API}:2.0.0</code> | <code>${API}:2.0.1</code> | <code>${API}</code> |`,
        `| release | <code>apps/app.yaml:10</code> | <code>spec.template.spec.containers&#91;0&#93;.image</code> | <code>${APP}:1.0.0</code> | <code>${APP}:1.1.0</code> | <code>${APP}</code> |`,
      ]);
      expect(pull!.body).not.toContain("Also on this branch");

      await run(`${APP}:1.2.0`);
      [pull] = fake.pulls(OWNER, REPO);
      expect(pull!.title).toBe(`chore(deploy): ${API} 2.0.1, ${APP} 1.2.0`);
      expect(rows(pull!.body)).toEqual([
        `| release | <code>apps/api.yaml:10</code> | <code>spec.template.spec.containers&#91;0&#93;.image</code> | <code>${API}:2.0.0</code> | <code>${API}:2.0.1</code> | <code>${API}</code> |`,
        `| release | <code>apps/app.yaml:10</code> | <code>spec.template.spec.containers&#91;0&#93;.image</code> | <code>${APP}:1.0.0</code> | <code>${APP}:1.2.0</code> | <code>${APP}</code> |`,
      ]);
    });

    it("a file main caught up with leaves the table, and one image left gives the title back to the run's subject", async () => {
      await run(`${APP}:1.1.0`);
      await run(`${API}:2.0.1`);
      await fake.commitFile(OWNER, REPO, "main", "apps/api.yaml", deployment("api", `${API}:2.0.1`), "api 2.0.1 by hand");

      await run(`${APP}:1.2.0`);
      const [pull] = fake.pulls(OWNER, REPO);
      expect(pull!.title).toBe(`chore(deploy): ${APP} 1.0.0 -> 1.2.0`);
      expect(rows(pull!.body)).toEqual([
        `| release | <code>apps/app.yaml:10</code> | <code>spec.template.spec.containers&#91;0&#93;.image</code> | <code>${APP}:1.0.0</code> | <code>${APP}:1.2.0</code> | <code>${APP}</code> |`,
      ]);
    });

    it("the body is the table of every run's values, not the last commit's file list; a template's text opens it", async () => {
      await run(`${APP}:1.1.0`);
      await run(`${API}:2.0.1`);
      let [pull] = fake.pulls(OWNER, REPO);
      expect(pull!.body!.split("\n").slice(0, 2)).toEqual(["| Target | File | Field | Old | New | Image |", "| --- | --- | --- | --- | --- | --- |"]);
      expect(pull!.body).not.toContain("- apps/");

      const templated = { ...pr, messageTemplate: "Promote {{ range .Changed.Changes }}{{ .NewValue }}{{ end }}\n\nReleased by the release train." };
      await deliver({ ...ctx, git: new GitRepo(await cloneRepo(fake, { shallow: true })) }, request(`${APP}:1.2.0`), templated);
      [pull] = fake.pulls(OWNER, REPO);
      expect(pull!.body!.split("\n").slice(0, 5)).toEqual([
        "```",
        "Released by the release train.",
        "```",
        "",
        "| Target | File | Field | Old | New | Image |",
      ]);
      expect(rows(pull!.body)).toHaveLength(2);
    });

    it("a configured title and body are left as they are", async () => {
      const options = { ...pr, title: "Release", body: "Our release." };
      await deliver(ctx, request(`${APP}:1.1.0`), options);
      await deliver(ctx, request(`${API}:2.0.1`), options);
      expect(fake.pulls(OWNER, REPO).map((p) => [p.title, p.body])).toEqual([["Release", "Our release."]]);
    });

    it("rows in a body a person rewrote are not taken back", async () => {
      await run(`${APP}:1.1.0`);
      await client.rest.pulls.update({ ...repository, pull_number: 1, body: `| \`apps/db.yaml:1\` | \`x\` | \`1\` | \`2\` | \`postgres:17\` |\n` });
      await run(`${API}:2.0.1`);
      const [pull] = fake.pulls(OWNER, REPO);
      expect(rows(pull!.body)).toEqual([
        `| release | <code>apps/api.yaml:10</code> | <code>spec.template.spec.containers&#91;0&#93;.image</code> | <code>${API}:2.0.0</code> | <code>${API}:2.0.1</code> | <code>${API}</code> |`,
      ]);
      // The branch still changes app.yaml: the body says so, without a row it cannot vouch for.
      expect(pull!.body).toContain("Also on this branch, from its earlier commits: <code>apps/app.yaml</code>.");
    });
  });
});
