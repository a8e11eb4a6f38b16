/**
 * The bundled update Action (dist/index.js, built by the global setup) run as the runner runs
 * it, against the fake GitHub over real bare repos.
 */
import { execFile } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";

import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startFakeGitHub, type FakeGitHub } from "../support/github-fake.js";
import { FAILED_OUTPUTS, runAction, type ActionResult } from "../support/run-action.js";
import { basicCredential } from "../../src/github/git.js";
import { apiCalls, checkout, cloneRepo, deployment, OWNER, REPO } from "../github/fixture.js";
import { commandsRun } from "../support/runner-commands.js";
import { tempDir } from "../support/temp.js";

const run = promisify(execFile);
const APP = "ghcr.io/acme/app";

const errorsOf = (result: ActionResult) => result.annotations.filter((a) => a.level === "error");

describe("update Action", () => {
  let fake: FakeGitHub;
  let workspace: string;
  const main = async () => (await fake.refs(OWNER, REPO))["refs/heads/main"];
  const action = (inputs: Record<string, string>, extra: { eventName?: string; event?: unknown } = {}): Promise<ActionResult> =>
    runAction({ actionDir: ".", github: fake, repository: `${OWNER}/${REPO}`, workspace, inputs, ...extra });

  beforeEach(async () => {
    fake = await startFakeGitHub();
    ({ dir: workspace } = await checkout(fake, {
      "apps/app.yaml": deployment("app", `${APP}:1.2.3`),
      "apps/api.yaml": deployment("api", "ghcr.io/acme/api:2.0.0"),
      "scripts/check.sh": { content: "#!/bin/sh\n", mode: "100755" },
    }));
  });
  afterEach(async () => {
    expect(fake.violations).toEqual([]);
    await fake.close();
  });

  it("on a runner without job summaries, a push that landed succeeds with its outputs, and warns that there is no summary", async () => {
    const result = await runAction({
      actionDir: ".",
      github: fake,
      repository: `${OWNER}/${REPO}`,
      workspace,
      inputs: { images: `${APP}:1.2.4` },
      env: { GITHUB_STEP_SUMMARY: "" },
    });
    expect(result.exitCode, result.stdout + result.stderr).toBe(0);
    expect(result.outputs).toMatchObject({ changed: "true", "commit-sha": (await main())! });
    expect(result.annotations.filter((a) => a.level === "warning").map((a) => a.message)).toEqual([expect.stringMatching(/^job summary not written: /)]);
  });

  it("push: one verified commit on main with the default message, in at most 4 API calls", async () => {
    const before = await main();
    const result = await action({ images: `${APP}:1.2.4` });
    expect(result.exitCode, result.stdout + result.stderr).toBe(0);
    expect(result.outputs).toMatchObject({ changed: "true", "pull-request-operation": "none", "updated-files": '["apps/app.yaml"]' });
    expect(JSON.parse(result.outputs["changes"]!)).toEqual([
      { file: "apps/app.yaml", line: 10, kind: "image", key: expect.any(String), old: `${APP}:1.2.3`, new: `${APP}:1.2.4` },
    ]);
    const [top] = await fake.log(OWNER, REPO, "main");
    expect(top).toMatchObject({ sha: result.outputs["commit-sha"], parents: [before], verified: true });
    expect(top!.message).toBe("chore(deploy): ghcr.io/acme/app 1.2.3 -> 1.2.4\n\n- apps/app.yaml\n");
    expect(await fake.readFile(OWNER, REPO, "main", "apps/app.yaml")).toBe(deployment("app", `${APP}:1.2.4`));
    expect(apiCalls(fake).map((c) => c.operationId)).toEqual(["git/create-tree", "git/create-commit", "git/get-ref", "git/update-ref"]);
    expect(result.summary).toContain("<code>ghcr.io/acme/app:1.2.3</code> → <code>ghcr.io/acme/app:1.2.4</code>");
    expect(result.summary).toContain(`/commit/${result.outputs["commit-sha"]}`);
    expect(result.stdout).toContain(`::add-mask::${fake.token}`);
    expect(result.stdout).toContain("::group::Plan and deliver");
  });

  it("the log shows, outside the collapsed group, where each change landed with its link and every changed value", async () => {
    const planned = (await fake.log(OWNER, REPO, "main"))[0]!.sha;
    const pushed = await action({ images: `${APP}:1.2.4` });
    expect(pushed.exitCode, pushed.stdout + pushed.stderr).toBe(0);
    const [, visible] = pushed.stdout.split("::endgroup::\n");
    const key = (JSON.parse(pushed.outputs["changes"]!) as { key: string }[])[0]!.key;
    expect(visible).toBe(
      `planned on main at ${planned.slice(0, 7)} as fetched from origin\n` +
        `pushed to main: ${fake.url}/${OWNER}/${REPO}/commit/${pushed.outputs["commit-sha"]}\n` +
        `  apps/app.yaml:10 ${key}: ${APP}:1.2.3 -> ${APP}:1.2.4\n` +
        "1 value in 1 file changed\n",
    );
    // Once: not also inside the group.
    expect(pushed.stdout.match(/^pushed /gm)).toHaveLength(1);

    const opened = await action({ images: `${APP}:1.2.5`, delivery: "pull-request" });
    expect(opened.exitCode, opened.stdout + opened.stderr).toBe(0);
    expect(opened.stdout.split("::endgroup::\n")[1]).toMatch(
      new RegExp(
        `^planned on main at [0-9a-f]{7} as fetched from origin[^\n]*\npull request #1 from gitops-promote/ghcr.io-acme-app, created: ${opened.outputs["pull-request-url"]}\n  apps/app.yaml:10 `,
      ),
    );
  });

  it("addresses the checked-out repository, also when the workflow runs in another one", async () => {
    const result = await runAction({ actionDir: ".", github: fake, repository: "acme/app", workspace, inputs: { images: `${APP}:1.2.4` } });
    expect(result.exitCode, result.stdout + result.stderr).toBe(0);
    expect(await fake.readFile(OWNER, REPO, "main", "apps/app.yaml")).toContain(`${APP}:1.2.4`);
    expect(result.summary).toContain(`href="${fake.url}/${OWNER}/${REPO}/commit/${result.outputs["commit-sha"]}"`);
  });

  it("annotates a file of the checkout on its file and line only where the checkout is the workflow's repository: GitHub attaches them there", async () => {
    await fake.commitFile(OWNER, REPO, "main", "apps/broken.yaml", `image: ${APP}:1.2.3\nlist: [a, b\n`);
    const located = (result: ActionResult) => result.annotations.filter((a) => a.level === "warning" && a.message.includes("not valid YAML"));
    const own = await action({ images: `${APP}:1.2.4`, "dry-run": "true" });
    expect(own.exitCode, own.stdout + own.stderr).toBe(0);
    expect(located(own)).toEqual([expect.objectContaining({ file: "apps/broken.yaml", line: expect.any(Number) })]);

    // The app repository's workflow, editing the manifests repository it checked out.
    const other = await runAction({ actionDir: ".", github: fake, repository: "acme/app", workspace, inputs: { images: `${APP}:1.2.4`, "dry-run": "true" } });
    expect(other.exitCode, other.stdout + other.stderr).toBe(0);
    const [warning] = located(other);
    expect(warning).toEqual({ level: "warning", title: "gitops-promote", message: expect.stringMatching(/^apps\/broken\.yaml:\d+: /) });
    expect(warning!.message).toBe(`apps/broken.yaml:${located(own)[0]!.line}: ${located(own)[0]!.message}`);

    // The workflow's repository checked out with `path:`: the file is still relative to its root, where GitHub looks.
    workspace = await tempDir("gp-workspace-");
    await run("git", ["clone", "--quiet", fake.gitUrl(OWNER, REPO), join(workspace, "manifests")]);
    const inPath = await action({ images: `${APP}:1.2.4`, "dry-run": "true", "working-directory": "manifests" });
    expect(located(inPath)).toEqual(located(own));
  });

  it("lends the token to git when the checkout kept no credentials (persist-credentials: false)", async () => {
    await run("git", ["-C", workspace, "remote", "set-url", "origin", fake.gitUrl(OWNER, REPO, { auth: false })]);
    const result = await action({ images: `${APP}:1.2.4`, "commit-via": "git" });
    expect(result.exitCode, result.stdout + result.stderr).toBe(0);
    expect(await fake.readFile(OWNER, REPO, "main", "apps/app.yaml")).toContain(`${APP}:1.2.4`);
    expect((await run("git", ["-C", workspace, "config", "--list"])).stdout).not.toContain(fake.token);
  });

  it("lends the token when the runner's git sends a header to another host only, keeping the runner's own git settings", async () => {
    await run("git", ["-C", workspace, "remote", "set-url", "origin", fake.gitUrl(OWNER, REPO, { auth: false })]);
    // As a runner image or a job may set git config: through the environment, a header for its artifact server.
    const env = { GIT_CONFIG_COUNT: "1", GIT_CONFIG_KEY_0: "http.https://artifacts.corp.example/.extraheader", GIT_CONFIG_VALUE_0: "X-Corp-Client: ci-runner" };
    const result = await runAction({
      actionDir: ".",
      github: fake,
      repository: `${OWNER}/${REPO}`,
      workspace,
      inputs: { images: `${APP}:1.2.4`, "commit-via": "git" },
      env,
    });
    expect(result.exitCode, result.stdout + result.stderr).toBe(0);
    expect(await fake.readFile(OWNER, REPO, "main", "apps/app.yaml")).toContain(`${APP}:1.2.4`);
  });

  it("the token is masked before any input is read, and scrubbed from the failure message", async () => {
    const badInput = await action({ images: `${APP}:1.2.4`, delivery: "bogus" });
    expect(badInput.exitCode).toBe(1);
    expect(badInput.stdout).toContain(`::add-mask::${fake.token}`);
    expect(badInput.stdout).toContain(`::add-mask::${basicCredential(fake.token)}`);

    fake.inject({ operationId: "git/create-tree", status: 401, body: { message: `Bad credentials: ${fake.token}` } });
    const echoed = await action({ images: `${APP}:1.2.4` });
    expect(echoed.exitCode).toBe(1);
    const error = echoed.annotations.find((a) => a.level === "error")?.message;
    expect(error).toMatch(/Bad credentials: \*\*\*/);
    expect(error).not.toContain(fake.token);
  });

  it("nothing to change: no commit, no pull request, changed=false, one API call (is a pull request open that this run would undo?)", async () => {
    const before = await main();
    const result = await action({ images: `${APP}:1.2.3`, delivery: "pull-request" });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.outputs).toMatchObject({ changed: "false", "commit-sha": "", "pull-request-number": "", "updated-files": "[]" });
    expect(await main()).toBe(before);
    expect(fake.pulls(OWNER, REPO)).toEqual([]);
    expect(apiCalls(fake).map((c) => c.operationId)).toEqual(["pulls/list"]);
    expect(result.summary).toContain("Nothing to change");
  });

  it("dry run: a template that cannot render fails the step, as the real run would", async () => {
    const result = await action({ images: `${APP}:1.2.4`, "dry-run": "true", "commit-message": "{{ .Updated.Images }}" });
    expect(result.exitCode).toBe(1);
    expect(result.annotations.find((a) => a.level === "error")?.message).toMatch(/commit-message template line 1: can't evaluate field Updated/);
  });

  it("dry run: prints the diff and writes nothing", async () => {
    const before = await main();
    const result = await action({ images: `${APP}:1.2.4`, "dry-run": "true" });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.outputs["changed"]).toBe("true");
    expect(result.stdout).toContain(`-          image: ${APP}:1.2.3 # the running build`);
    expect(result.stdout).toContain(`+          image: ${APP}:1.2.4 # the running build`);
    expect(result.stdout).toContain("would push to main:\nchore(deploy): ghcr.io/acme/app 1.2.3 -> 1.2.4");
    expect(result.summary).toContain("dry run: would push to <code>main</code>");
    expect(await main()).toBe(before);
    expect(apiCalls(fake)).toEqual([]);
  });

  it("dry run without a token: a push needs none, and the lookup of open pull requests says so in a few words, not with a run's advice", async () => {
    const push = await action({ images: `${APP}:1.2.4`, "dry-run": "true", token: "" });
    expect(push.exitCode, push.stdout + push.stderr).toBe(0);
    expect(push.stdout).not.toContain("input token");
    const pr = await action({ images: `${APP}:1.2.4`, "dry-run": "true", token: "", delivery: "pull-request" });
    expect(pr.exitCode, pr.stderr).toBe(0);
    expect(pr.stdout).toMatch(
      /dry run: the open pull requests on \S+ could not be read \(input token is empty, and a run that lands pull requests needs one\); a run plans on an open one's branch too/,
    );
    expect(pr.stdout).not.toContain("misspelt");
    expect(apiCalls(fake)).toEqual([]);
  });

  it("pull request: created on gitops-promote/<image>, then updated in place by the next build", async () => {
    const before = await main();
    const first = await action({ images: `${APP}:1.2.4`, delivery: "pull-request", labels: "deploy", reviewers: "alice" });
    expect(first.exitCode, first.stdout + first.stderr).toBe(0);
    expect(first.outputs).toMatchObject({ changed: "true", "pull-request-number": "1", "pull-request-operation": "created" });
    expect(await main()).toBe(before);
    const [pull] = fake.pulls(OWNER, REPO);
    expect(pull).toMatchObject({ number: 1, head: "gitops-promote/ghcr.io-acme-app", base: "main", title: "chore(deploy): ghcr.io/acme/app 1.2.3 -> 1.2.4" });
    expect(first.outputs["pull-request-url"]).toMatch(/\/acme\/manifests\/pull\/1$/);
    expect(await fake.readFile(OWNER, REPO, "gitops-promote/ghcr.io-acme-app", "apps/app.yaml")).toContain(`${APP}:1.2.4`);
    expect(apiCalls(fake).length).toBeLessThanOrEqual(7);

    const second = await action({ images: `${APP}:1.2.5`, delivery: "pull-request", labels: "deploy", reviewers: "alice" });
    expect(second.exitCode, second.stderr).toBe(0);
    expect(second.outputs).toMatchObject({ "pull-request-number": "1", "pull-request-operation": "updated" });
    expect(fake.pulls(OWNER, REPO)).toHaveLength(1);
    expect(fake.pulls(OWNER, REPO)[0]?.title).toBe("chore(deploy): ghcr.io/acme/app 1.2.3 -> 1.2.5");
    expect(await fake.readFile(OWNER, REPO, "gitops-promote/ghcr.io-acme-app", "apps/app.yaml")).toContain(`${APP}:1.2.5`);
    const [head] = await fake.log(OWNER, REPO, "gitops-promote/ghcr.io-acme-app");
    expect(head!.parents).toEqual([before]); // regenerated on main, not stacked

    // The pull request already carries 1.2.5: nothing to change, the branch (and its checks) left alone.
    const third = await action({ images: `${APP}:1.2.5`, delivery: "pull-request", labels: "deploy", reviewers: "alice" });
    expect(third.outputs).toMatchObject({ changed: "false", "pull-request-operation": "none", "commit-sha": "" });
    // The pull request still has a head, and a branch: create-pull-request's outputs, with nothing merged.
    expect(third.outputs).toMatchObject({
      "pull-request-head-sha": head!.sha,
      "pull-request-branch": "gitops-promote/ghcr.io-acme-app",
      "pull-request-merge": "",
    });
    expect((await fake.log(OWNER, REPO, "gitops-promote/ghcr.io-acme-app"))[0]!.sha).toBe(head!.sha);
  });

  it("pull request: create-pull-request's inputs as they were: its branch is named as pr-branch; draft, assignees and team-reviewers reach the pull request", async () => {
    const cpr = { images: `${APP}:1.2.4`, delivery: "pull-request", branch: "promote/app", draft: "true", "team-reviewers": "sre", assignees: "alice, bob" };
    const misread = await action(cpr);
    expect(misread.exitCode).toBe(1);
    expect(misread.stdout).toContain("branch promote/app does not exist on origin: input `branch` is the base the pull request merges into");

    const mapped = await action({ ...cpr, branch: "", "pr-branch": "promote/app" });
    expect(mapped.exitCode, mapped.stdout + mapped.stderr).toBe(0);
    expect(fake.pulls(OWNER, REPO)[0]).toMatchObject({ head: "promote/app", draft: true, teamReviewers: ["sre"], assignees: ["alice", "bob"] });
    expect(fake.violations).toEqual([]);
    expect(mapped.outputs).toMatchObject({ "pull-request-branch": "promote/app", "pull-request-head-sha": mapped.outputs["commit-sha"] });
  });

  it("pull request: a rollback to the base's value closes the newer build's pull request, and the outputs, log and summary say so", async () => {
    const first = await action({ images: `${APP}:1.2.4`, delivery: "pull-request" });
    expect(first.outputs).toMatchObject({ "pull-request-number": "1", "pull-request-operation": "created" });

    const rollback = await action({ images: `${APP}:1.2.3`, delivery: "pull-request" });
    expect(rollback.exitCode, rollback.stdout + rollback.stderr).toBe(0);
    expect(rollback.outputs).toMatchObject({ changed: "false", "pull-request-number": "1", "pull-request-operation": "closed", "updated-files": "[]" });
    expect(JSON.parse(rollback.outputs["pull-requests"]!)).toEqual([expect.objectContaining({ number: 1, operation: "closed" })]);
    expect(fake.pulls(OWNER, REPO)).toEqual([expect.objectContaining({ number: 1, state: "closed" })]);
    expect(rollback.stdout).toMatch(/pull request #1 from gitops-promote\/ghcr\.io-acme-app, closed/);
    expect(rollback.summary).toMatch(/pull request #1 \(\S+\/pull\/1\) is closed: gitops-promote\/ghcr\.io-acme-app no longer changes anything on main/);
  });

  describe("pull request: the open pull request's values count as current", () => {
    const PR = "gitops-promote/release";
    const pr = (images: string, extra: Record<string, string> = {}) => action({ images, delivery: "pull-request", "pr-branch": PR, ...extra });
    const onPr = (path: string) => fake.readFile(OWNER, REPO, PR, path);

    it("a late, older build (semver policy) never downgrades the newer one the pull request carries", async () => {
      const config = `targets:\n  - name: all\n    paths: ["**"]\n    images:\n      - repository: ${APP}\n        policy: { semver: { range: ">=1.0.0" } }\n`;
      await fake.commitFile(OWNER, REPO, "main", ".github/gitops-promote.yaml", config);
      expect((await pr(`${APP}:1.2.5`)).outputs["pull-request-operation"]).toBe("created");
      const [head] = await fake.log(OWNER, REPO, PR);
      const late = await pr(`${APP}:1.2.4`);
      expect(late.exitCode, late.stdout + late.stderr).toBe(0);
      expect(late.outputs).toMatchObject({ changed: "false", "pull-request-operation": "none", "updated-files": "[]" });
      expect(late.stdout).toContain(`${PR} already carries these values (or newer ones)`);
      expect(await onPr("apps/app.yaml")).toContain(`${APP}:1.2.5`);
      expect((await fake.log(OWNER, REPO, PR))[0]!.sha).toBe(head!.sha);
    });

    it("two images dispatched one after the other both end up in the pull request, as one commit on main", async () => {
      const before = await main();
      await pr(`${APP}:1.2.4`);
      const second = await pr("ghcr.io/acme/api:2.0.1");
      expect(second.outputs).toMatchObject({ changed: "true", "pull-request-number": "1", "pull-request-operation": "updated" });
      expect(await onPr("apps/app.yaml")).toBe(deployment("app", `${APP}:1.2.4`));
      expect(await onPr("apps/api.yaml")).toBe(deployment("api", "ghcr.io/acme/api:2.0.1"));
      const [head] = await fake.log(OWNER, REPO, PR);
      expect(head!.parents).toEqual([before]);
      expect(head!.verified).toBe(true);
      expect(fake.pulls(OWNER, REPO)).toHaveLength(1);
    });

    it("main moved meanwhile: the pull request is rebuilt on the new main with its earlier image, main's change and the new image", async () => {
      await pr(`${APP}:1.2.4`);
      await fake.commitFile(OWNER, REPO, "main", "apps/app.yaml", deployment("app", `${APP}:1.2.3`).replace("name: app", "name: app\n  labels: { team: a }"));
      const moved = await main();
      workspace = await cloneRepo(fake, { shallow: true }); // as actions/checkout leaves it: no history to find a merge base in
      const second = await pr("ghcr.io/acme/api:2.0.1");
      expect(second.exitCode, second.stdout + second.stderr).toBe(0);
      expect(await onPr("apps/app.yaml")).toBe(deployment("app", `${APP}:1.2.4`).replace("name: app", "name: app\n  labels: { team: a }"));
      expect(await onPr("apps/api.yaml")).toBe(deployment("api", "ghcr.io/acme/api:2.0.1"));
      expect((await fake.log(OWNER, REPO, PR))[0]!.parents).toEqual([moved]);
    });

    it("main moved meanwhile: a file the pull request carries over keeps its byte order mark", async () => {
      await fake.commitFile(OWNER, REPO, "main", "apps/app.yaml", `\uFEFF${deployment("app", `${APP}:1.2.3`)}`);
      await pr(`${APP}:1.2.4`);
      await fake.commitFile(OWNER, REPO, "main", "README.md", "moved\n");
      workspace = await cloneRepo(fake, { shallow: true });
      const second = await pr("ghcr.io/acme/api:2.0.1");
      expect(second.exitCode, second.stdout + second.stderr).toBe(0);
      expect(await onPr("apps/app.yaml")).toBe(`\uFEFF${deployment("app", `${APP}:1.2.4`)}`);
      expect(await onPr("apps/api.yaml")).toBe(deployment("api", "ghcr.io/acme/api:2.0.1"));
    });

    it.each([
      ["in a full clone", false],
      ["in a shallow checkout, main moved meanwhile", true],
    ])("a person's commit on the pull-request branch %s: their change, the earlier image and the new one are all kept", async (_, shallow) => {
      await pr(`${APP}:1.2.4`);
      await fake.commitFile(OWNER, REPO, PR, "apps/notes.yaml", "note: reviewed\n");
      if (shallow) {
        await fake.commitFile(OWNER, REPO, "main", "README.md", "moved\n");
        workspace = await cloneRepo(fake, { shallow: true });
      }
      const second = await pr("ghcr.io/acme/api:2.0.1");
      expect(second.exitCode, second.stdout + second.stderr).toBe(0);
      expect(await onPr("apps/app.yaml")).toBe(deployment("app", `${APP}:1.2.4`));
      expect(await onPr("apps/api.yaml")).toBe(deployment("api", "ghcr.io/acme/api:2.0.1"));
      expect(await onPr("apps/notes.yaml")).toBe("note: reviewed\n");
      if (shallow) expect(await onPr("README.md")).toBe("moved\n");
      expect((await fake.log(OWNER, REPO, PR))[0]!.message).toMatch(/\n- apps\/api\.yaml\n\nCo-authored-by: Test Author <test@example\.com>\n$/);
    });

    it("main changed the same line: that file keeps main's version, with a warning on it, and the pull request's other changes stay", async () => {
      await pr(`${APP}:1.2.4`);
      await fake.commitFile(OWNER, REPO, PR, "apps/notes.yaml", "note: reviewed\n");
      await fake.commitFile(OWNER, REPO, "main", "apps/app.yaml", deployment("app", `${APP}:1.2.6`));
      const moved = await main();
      const second = await pr("ghcr.io/acme/api:2.0.1");
      expect(second.exitCode, second.stdout + second.stderr).toBe(0);
      expect(second.annotations).toContainEqual({
        level: "warning",
        message: `main changed the same lines as ${PR} here since the pull request began: the pull request's earlier change to this file is dropped and main's kept (this run's own edits are made on top)`,
        file: "apps/app.yaml",
        title: "gitops-promote",
      });
      expect(await onPr("apps/app.yaml")).toBe(deployment("app", `${APP}:1.2.6`));
      expect(await onPr("apps/notes.yaml")).toBe("note: reviewed\n");
      expect(await onPr("apps/api.yaml")).toBe(deployment("api", "ghcr.io/acme/api:2.0.1"));
      expect((await fake.log(OWNER, REPO, PR))[0]!.parents).toEqual([moved]);
    });
  });

  it("pull request with commit-via git: the branch is pushed with git, the pull request opened through the API", async () => {
    const result = await action({ images: `${APP}:1.2.4`, delivery: "pull-request", "commit-via": "git" });
    expect(result.exitCode, result.stdout + result.stderr).toBe(0);
    expect(result.outputs["pull-request-operation"]).toBe("created");
    expect(await fake.readFile(OWNER, REPO, "gitops-promote/ghcr.io-acme-app", "apps/app.yaml")).toContain(`${APP}:1.2.4`);
    // With no branch yet, one lookup: the newest pull request from it, which a person may have closed, deleting the branch.
    expect(apiCalls(fake).map((c) => c.operationId)).toEqual(["pulls/list", "pulls/create"]);
  });

  it("refuses a pr-branch equal to the base branch instead of resetting it", async () => {
    const before = await main();
    const result = await action({ images: `${APP}:1.2.4`, delivery: "pull-request", "pr-branch": "main" });
    expect(result.exitCode).toBe(1);
    expect(result.annotations.find((a) => a.level === "error")?.message).toMatch(/is the base branch/);
    expect(await main()).toBe(before);
  });

  it("auto-merge: enabled while checks are pending; GitHub merges when they pass", async () => {
    fake.inject({ operationId: "graphql", beforeHandle: () => fake.setMergeState(OWNER, REPO, 1, "BLOCKED") });
    const result = await action({ images: `${APP}:1.2.4`, delivery: "pull-request", merge: "auto", "merge-method": "squash" });
    expect(result.exitCode, result.stdout + result.stderr).toBe(0);
    expect(fake.pulls(OWNER, REPO)[0]?.autoMerge?.mergeMethod).toBe("squash");
    expect(await fake.readFile(OWNER, REPO, "main", "apps/app.yaml")).toContain(`${APP}:1.2.3`);
    expect(apiCalls(fake).length).toBeLessThanOrEqual(7);
    await fake.completeAutoMerge(OWNER, REPO, 1);
    expect(await fake.readFile(OWNER, REPO, "main", "apps/app.yaml")).toContain(`${APP}:1.2.4`);
  });

  it("auto-merge on a pull request in clean status: merged at once", async () => {
    const result = await action({ images: `${APP}:1.2.4`, delivery: "pull-request", merge: "auto" });
    expect(result.exitCode, result.stdout + result.stderr).toBe(0);
    expect(fake.pulls(OWNER, REPO)[0]).toMatchObject({ merged: true });
    expect(await fake.readFile(OWNER, REPO, "main", "apps/app.yaml")).toContain(`${APP}:1.2.4`);
    expect(result.summary).toContain("merged");
  });

  it("immediate merge with the chosen method", async () => {
    const result = await action({ images: `${APP}:1.2.4`, delivery: "pull-request", merge: "immediate", "merge-method": "squash" });
    expect(result.exitCode, result.stdout + result.stderr).toBe(0);
    expect(fake.calls.find((c) => c.operationId === "pulls/merge")?.body).toMatchObject({ merge_method: "squash" });
    const [top] = await fake.log(OWNER, REPO, "main");
    expect(top!.parents).toHaveLength(1);
    expect(await fake.readFile(OWNER, REPO, "main", "apps/app.yaml")).toContain(`${APP}:1.2.4`);
  });

  /** Staging and production as two targets, each holding the app at 1.2.3; a target's `delivery` (YAML) when given. */
  async function twoClusters(delivery: { staging?: string; production?: string }): Promise<void> {
    const target = (name: string, dir: string, how: string | undefined) =>
      `  - name: ${name}\n    paths: ["clusters/${dir}/**"]\n    images: [{ repository: ${APP} }]\n${how ? `    delivery: ${how}\n` : ""}`;
    await fake.commitFiles(OWNER, REPO, "main", {
      ".github/gitops-promote.yaml": `targets:\n${target("staging", "staging", delivery.staging)}${target("production", "prod", delivery.production)}`,
      "clusters/staging/app.yaml": deployment("app", `${APP}:1.2.3`),
      "clusters/prod/app.yaml": deployment("app", `${APP}:1.2.3`),
    });
  }

  it("plans on the fetched head, not the (stale) checkout; a target's delivery overrides the inputs", async () => {
    await twoClusters({ production: "{ mode: pull-request, labels: [production] }" });
    const result = await action({ images: `${APP}:1.2.4` });
    expect(result.exitCode, result.stdout + result.stderr).toBe(0);
    expect(await fake.readFile(OWNER, REPO, "main", "clusters/staging/app.yaml")).toContain(`${APP}:1.2.4`);
    expect(await fake.readFile(OWNER, REPO, "main", "clusters/prod/app.yaml")).toContain(`${APP}:1.2.3`);
    expect(await fake.readFile(OWNER, REPO, "gitops-promote/production", "clusters/prod/app.yaml")).toContain(`${APP}:1.2.4`);
    expect(fake.pulls(OWNER, REPO)).toMatchObject([{ head: "gitops-promote/production", base: "main" }]);
    expect(fake.calls.find((c) => c.operationId === "issues/add-labels")?.body).toEqual({ labels: ["production"] });
    expect(result.outputs).toMatchObject({ "commit-sha": (await main())!, "pull-request-operation": "created" });
    expect(result.summary).toMatch(/production.*#1/s);
  });

  it("targets that open several pull requests are all in the pull-requests output", async () => {
    await twoClusters({ staging: "{ mode: pull-request }", production: "{ mode: pull-request }" });
    const result = await action({ images: `${APP}:1.2.4` });
    expect(result.exitCode, result.stdout + result.stderr).toBe(0);
    const listed = JSON.parse(result.outputs["pull-requests"]!) as {
      number: number;
      url: string;
      operation: string;
      branch: string;
      head_sha: string;
      merge: string;
    }[];
    expect(listed.map((pr) => [pr.branch, pr.operation, pr.merge]).sort()).toEqual([
      ["gitops-promote/production", "created", ""],
      ["gitops-promote/staging", "created", ""],
    ]);
    // Each item's head is its own pull request's, as pull-request-head-sha is the first's.
    const heads = Object.fromEntries(fake.pulls(OWNER, REPO).map((pr) => [pr.number, pr.headSha]));
    expect(listed.map((pr) => pr.head_sha)).toEqual(listed.map((pr) => heads[pr.number]));
    expect(result.outputs["pull-request-head-sha"]).toBe(listed[0]!.head_sha);
    expect(listed.map((pr) => pr.number).sort()).toEqual(
      fake
        .pulls(OWNER, REPO)
        .map((pr) => pr.number)
        .sort(),
    );
    expect(result.outputs["pull-request-number"]).toBe(String(listed[0]!.number));
  });

  it("a pull request one attempt opened and the next rebuilt, main having moved under the run, is in the outputs once, at its last head", async () => {
    await twoClusters({ staging: "{ mode: pull-request }", production: "{ mode: pull-request }" });
    // Another run creates staging's branch and commits to main right before this run's first attempt does: production's is rebuilt on main.
    let creates = 0;
    fake.inject({
      operationId: "git/create-ref",
      times: 2,
      beforeHandle: async () => {
        if (++creates !== 2) return;
        await fake.commitFile(OWNER, REPO, "gitops-promote/staging", "other.yaml", "x: 1\n");
        await fake.commitFile(OWNER, REPO, "main", "other.yaml", "x: 1\n");
      },
    });
    const result = await action({ images: `${APP}:1.2.4` });
    expect(result.exitCode, result.stdout + result.stderr).toBe(0);
    const refs = await fake.refs(OWNER, REPO);
    const listed = JSON.parse(result.outputs["pull-requests"]!) as { number: number; operation: string; branch: string; head_sha: string }[];
    expect(listed.map((pr) => [pr.number, pr.branch, pr.operation, pr.head_sha])).toEqual([
      [1, "gitops-promote/production", "created", refs["refs/heads/gitops-promote/production"]],
      [2, "gitops-promote/staging", "created", refs["refs/heads/gitops-promote/staging"]],
    ]);
    expect(result.outputs).toMatchObject({ "pull-request-operation": "created", "pull-request-head-sha": refs["refs/heads/gitops-promote/production"] });
    expect(result.summary).toContain("Landed after 2 attempts");
  });

  it("a commit-message input that cannot render fails the step before any target's pull request is opened", async () => {
    await twoClusters({ staging: "{ mode: pull-request }", production: '{ mode: pull-request, commit-message: "deploy to production" }' });
    const refs = await fake.refs(OWNER, REPO);
    const result = await action({ images: `${APP}:1.2.4`, "commit-message": "{{ .Updated.Images }}" });
    expect(result.exitCode).toBe(1);
    expect(errorsOf(result)[0]?.message).toMatch(/commit-message template line 1: can't evaluate field Updated/);
    expect(await fake.refs(OWNER, REPO)).toEqual(refs);
    expect(fake.pulls(OWNER, REPO)).toEqual([]);
  });

  it("delivery none: edits the workspace for the workflow's next steps and commits nothing", async () => {
    const before = await main();
    const result = await action({ images: `${APP}:1.2.4`, delivery: "none" });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(await readFile(join(workspace, "apps/app.yaml"), "utf8")).toBe(deployment("app", `${APP}:1.2.4`));
    expect(await main()).toBe(before);
    expect(apiCalls(fake)).toEqual([]);
  });

  it("delivery none: edits a file git ignores or does not track too, as the CLI does, and lists it in updated-files", async () => {
    // What an earlier step left: generated manifests git ignores, and a file no one added yet.
    await writeFile(join(workspace, ".gitignore"), "rendered/\n");
    await mkdir(join(workspace, "rendered"));
    await writeFile(join(workspace, "rendered/app.yaml"), deployment("app", `${APP}:1.2.3`));
    await writeFile(join(workspace, "extra.yaml"), deployment("extra", `${APP}:1.2.3`));
    expect((await run("git", ["-C", workspace, "status", "--porcelain", "--ignored"])).stdout).toBe("?? .gitignore\n?? extra.yaml\n!! rendered/\n");
    const before = await main();
    const result = await action({ images: `${APP}:1.2.4`, delivery: "none" });
    expect(result.exitCode, result.stdout + result.stderr).toBe(0);
    expect(result.outputs).toMatchObject({ changed: "true", "updated-files": '["apps/app.yaml","extra.yaml","rendered/app.yaml"]' });
    for (const file of ["apps/app.yaml", "extra.yaml", "rendered/app.yaml"]) expect(await readFile(join(workspace, file), "utf8")).toContain(`${APP}:1.2.4`);
    expect(await main()).toBe(before);
    expect(apiCalls(fake)).toEqual([]);
  });

  it("merge and merge-method with delivery push: pushed all the same, with one warning that they have no effect", async () => {
    const result = await action({ images: `${APP}:1.2.4`, merge: "auto", "merge-method": "squash" });
    expect(result.exitCode, result.stdout + result.stderr).toBe(0);
    expect(result.annotations.filter((a) => a.level === "warning")).toEqual([
      expect.objectContaining({
        title: "gitops-promote",
        message: expect.stringMatching(/^inputs merge \(auto\) and merge-method \(squash\) have no effect with delivery: push/),
      }),
    ]);
    expect(await fake.readFile(OWNER, REPO, "main", "apps/app.yaml")).toContain(`${APP}:1.2.4`);
    expect(fake.pulls(OWNER, REPO)).toEqual([]);
    // The summary is read where the log is not: the warning is listed there too.
    expect(result.summary).toMatch(/This run's warnings:\n<ul><li>inputs merge \(auto\) and merge-method \(squash\) have no effect with delivery: push/);
  });

  it("a file that does not parse is reported as a warning annotation on its file and line", async () => {
    await fake.commitFile(OWNER, REPO, "main", "apps/broken.yaml", `image: ${APP}:1.2.3\nlist: [a, b\n`);
    const result = await action({ images: `${APP}:1.2.4` });
    expect(result.exitCode, result.stderr).toBe(0);
    const warning = result.annotations.find((a) => a.level === "warning" && a.file === "apps/broken.yaml");
    expect(warning, JSON.stringify(result.annotations)).toBeDefined();
    expect(warning!.line).toBeGreaterThan(0);
    expect(await fake.readFile(OWNER, REPO, "main", "apps/app.yaml")).toContain(`${APP}:1.2.4`);
  });

  describe("images from the triggering event", () => {
    it("repository_dispatch: reads client_payload, and its source feeds .Values of the message template, as Flux's messageTemplateValues did", async () => {
      const event = { action: "promote", client_payload: { v: 1, images: [`${APP}:1.3.0`], source: { repository: "acme/app", sha: "abc1234" } } };
      // docs/migrating.md: a key only messageTemplateValues gave prints <no value>, and .AutomationObject is the repository.
      const template =
        "deploy {{ range .Changed.Changes }}{{ .NewValue }}{{ end }} from {{ .Values.repository }}@{{ .Values.sha }} by {{ .AutomationObject }} for {{ .Values.cluster }}";
      const result = await action({ "commit-message": template }, { eventName: "repository_dispatch", event });
      expect(result.exitCode, result.stdout + result.stderr).toBe(0);
      expect((await fake.log(OWNER, REPO, "main"))[0]!.message).toBe(`deploy ${APP}:1.3.0 from acme/app@abc1234 by ${OWNER}/${REPO} for <no value>`);
    });

    it("repository_dispatch: the pull request's body links back to the build named by client_payload.source", async () => {
      const sha = "0123456789abcdef0123456789abcdef01234567";
      const source = { repository: "acme/app", sha, run_url: "https://github.com/acme/app/actions/runs/42", actor: "alice" };
      const event = { action: "promote", client_payload: { v: 1, images: [`${APP}:1.3.0`], source } };
      const result = await action({ delivery: "pull-request" }, { eventName: "repository_dispatch", event });
      expect(result.exitCode, result.stdout + result.stderr).toBe(0);
      expect(fake.pulls(OWNER, REPO)[0]!.body).toContain(`Requested by acme/app@${sha} ([run](https://github.com/acme/app/actions/runs/42)) by \`@alice\``);
    });

    it("an invalid client_payload fails before anything is written, naming the field", async () => {
      const before = await main();
      const event = { action: "promote", client_payload: { v: 2, images: [`${APP}:1.3.0`] } };
      const result = await action({}, { eventName: "repository_dispatch", event });
      expect(result.exitCode).toBe(1);
      expect(result.annotations.find((a) => a.level === "error")?.message).toMatch(/client_payload\.v: version 2 is not supported/);
      expect(await main()).toBe(before);
      expect(apiCalls(fake)).toEqual([]);
    });

    it("a client_payload source carrying workflow commands fails as invalid, naming the field, and none of its lines reaches the log", async () => {
      const before = await main();
      const source = { repository: "acme/app\n::add-mask::main\n::stop-commands::pwn" };
      const result = await action(
        {},
        { eventName: "repository_dispatch", event: { action: "promote", client_payload: { v: 1, images: [`${APP}:1.3.0`], source } } },
      );
      expect(result.exitCode).toBe(1);
      expect(errorsOf(result)[0]?.message).toMatch(/^client_payload\.source\.repository: expected OWNER\/NAME, got string "acme\/app\\n::add-mask::main/);
      // Only our own commands: the token's two masks, then the failure.
      expect(commandsRun(result.stdout)).toEqual(["add-mask", "add-mask", "error"]);
      expect(await main()).toBe(before);
      expect(apiCalls(fake)).toEqual([]);
    });

    it("workflow_dispatch: the input `payload`; a bad image in it is named by its index", async () => {
      const good = await action({}, { eventName: "workflow_dispatch", event: { inputs: { payload: JSON.stringify({ v: 1, images: [`${APP}:1.3.1`] }) } } });
      expect(good.exitCode, good.stderr).toBe(0);
      expect(await fake.readFile(OWNER, REPO, "main", "apps/app.yaml")).toContain(`${APP}:1.3.1`);
      const bad = await action({}, { eventName: "workflow_dispatch", event: { inputs: { payload: JSON.stringify({ v: 1, images: ['x:1" && rm -rf /'] }) } } });
      expect(bad.exitCode).toBe(1);
      expect(bad.annotations.find((a) => a.level === "error")?.message).toMatch(/inputs\.payload\.images\[0\]/);
    });

    it("payload targets no configuration defines: refused as the payload's field, once, saying the repository configures no targets", async () => {
      const before = await main();
      const payload = JSON.stringify({ v: 1, images: [`${APP}:1.3.0`], targets: ["staging"] });
      const result = await action({}, { eventName: "workflow_dispatch", event: { inputs: { payload } } });
      expect(result.exitCode).toBe(1);
      // One annotation, as every other payload error: not the issue and then the request's refusal repeating it.
      expect(errorsOf(result).map((a) => a.message)).toEqual([
        'inputs.payload.targets: no target named "staging": this repository has no .github/gitops-promote.yaml (or .yml) defining targets',
      ]);
      expect(await main()).toBe(before);
    });

    it("a bad value in the step's inputs is named by its input, as the workflow spells it", async () => {
      const before = await main();
      const result = await action({ images: `${APP}:1.3.0\nghcr.io/acme/API:1`, setters: "flux-system:app" });
      expect(result.exitCode).toBe(1);
      const [images, lowerCased, setters, summary] = errorsOf(result);
      expect(images).toMatchObject({ message: expect.stringMatching(/^input images: invalid image reference "ghcr\.io\/acme\/API:1"/) });
      expect(images?.file).toBeUndefined();
      expect(lowerCased).toMatchObject({
        message: expect.stringMatching(/^input images: an image name is written in lower case: write its registry and repository in lower case/),
      });
      expect(setters).toMatchObject({ message: expect.stringMatching(/^input setters: "flux-system:app" is not <namespace>:<policy>=<image>/) });
      expect(summary?.message).toMatch(
        /^nothing was written; the request is not usable:\n- input images: .*\n- input images: an image name is written in lower case: .*\n- input setters: /,
      );
      // Grouped with the step's warnings in the run's annotations, as they carry the same title.
      expect(errorsOf(result).map((a) => a.title)).toEqual(Array(4).fill("gitops-promote"));
      expect(await main()).toBe(before);
    });

    it("no image anywhere: a clear error", async () => {
      const result = await action({}, { eventName: "push", event: {} });
      expect(result.exitCode).toBe(1);
      expect(result.annotations.find((a) => a.level === "error")?.message).toMatch(/no image to promote/);
    });
  });

  describe("faults", () => {
    it("5xx, secondary rate limits (403 and 429 with retry-after) and a dropped connection are retried", async () => {
      const faults = [
        fake.inject({ operationId: "git/create-tree", status: 500 }),
        fake.inject({ operationId: "git/create-commit", status: 502 }),
        fake.inject({ operationId: "git/create-commit", status: 403, headers: { "retry-after": "1" } }),
        fake.inject({ operationId: "git/update-ref", status: 429, headers: { "retry-after": "1" } }),
        fake.inject({ operationId: "git/update-ref", reset: true }),
      ];
      const result = await action({ images: `${APP}:1.2.4` });
      expect(result.exitCode, result.stdout + result.stderr).toBe(0);
      expect(faults.map((f) => f.hits)).toEqual([1, 1, 1, 1, 1]);
      expect(await fake.readFile(OWNER, REPO, "main", "apps/app.yaml")).toContain(`${APP}:1.2.4`);
      expect((await fake.log(OWNER, REPO, "main")).length).toBe(2);
    });

    it("main moving between read and write: re-planned on the new head, both changes kept", async () => {
      const fault = fake.inject({
        operationId: "git/update-ref",
        beforeHandle: async () => void (await fake.commitFile(OWNER, REPO, "main", "apps/api.yaml", deployment("api", "ghcr.io/acme/api:2.1.0"))),
      });
      const result = await action({ images: `${APP}:1.2.4` });
      expect(result.exitCode, result.stdout + result.stderr).toBe(0);
      expect(fault.hits).toBe(1);
      expect(result.stdout).toMatch(/branch main moved since this attempt read it/);
      const log = await fake.log(OWNER, REPO, "main");
      expect(log).toHaveLength(3);
      expect(log[0]!.parents).toEqual([log[1]!.sha]);
      expect(await fake.readFile(OWNER, REPO, "main", "apps/app.yaml")).toContain(`${APP}:1.2.4`);
      expect(await fake.readFile(OWNER, REPO, "main", "apps/api.yaml")).toContain("ghcr.io/acme/api:2.1.0");
    });

    it("a push that keeps failing: a clear failure, main untouched", async () => {
      const before = await main();
      fake.inject({ operationId: "git/create-commit", status: 502, times: 100 });
      const result = await action({ images: `${APP}:1.2.4` });
      expect(result.exitCode).toBe(1);
      expect(result.annotations.find((a) => a.level === "error")?.message).toMatch(/Server Error|502/);
      expect(await fake.refs(OWNER, REPO)).toEqual({ "refs/heads/main": before });
    });

    it("a pull request GitHub will not open: a clear failure, no stray branch left", async () => {
      const before = await main();
      fake.inject({
        operationId: "pulls/create",
        status: 403,
        body: { message: "GitHub Actions is not permitted to create or approve pull requests.", documentation_url: "https://docs.github.com" },
        times: 100,
      });
      const result = await action({ images: `${APP}:1.2.4`, delivery: "pull-request" });
      expect(result.exitCode).toBe(1);
      const error = result.annotations.find((a) => a.level === "error")?.message;
      expect(error).toMatch(
        /^opening the pull request in acme\/manifests \(POST \/repos\/acme\/manifests\/pulls\) failed: 403 GitHub Actions is not permitted to create/,
      );
      expect(error).toContain("Allow GitHub Actions to create and approve pull requests");
      expect(await fake.refs(OWNER, REPO)).toEqual({ "refs/heads/main": before });
    });

    it("a delivery that fails after its plan still gives the plan's warnings, annotated and in the failure's summary", async () => {
      await fake.commitFile(OWNER, REPO, "main", "apps/broken.yaml", `image: ${APP}:1.2.3\nlist: [a, b\n`);
      fake.inject({ operationId: "pulls/create", status: 403, body: { message: "Resource not accessible by integration" }, times: 100 });
      const result = await action({ images: `${APP}:1.2.4`, delivery: "pull-request" });
      expect(result.exitCode).toBe(1);
      // Fixing the delivery and running again is not how the user should learn that a file was not read.
      const warning = result.annotations.find((a) => a.level === "warning" && a.file === "apps/broken.yaml");
      expect(warning, JSON.stringify(result.annotations)).toBeDefined();
      expect(result.summary).toMatch(
        /<h3>gitops-promote failed<\/h3>[\s\S]*403 Resource not accessible[\s\S]*This run's warnings:\n<ul><li><code>apps\/broken\.yaml<\/code>:\d+: /,
      );
      expect(result.outputs["changed"]).toBe("false");
    });
  });

  it("a reviewer GitHub refuses: the pull request stays open with its branch, and the failure names it", async () => {
    fake.inject({
      operationId: "pulls/request-reviewers",
      status: 422,
      body: { message: "Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator." },
    });
    const result = await action({ images: `${APP}:1.2.4`, delivery: "pull-request", reviewers: "outsider" });
    expect(result.exitCode).toBe(1);
    expect(result.annotations.find((a) => a.level === "error")?.message).toMatch(/pull request #1 is open .*not a collaborator/s);
    expect(fake.pulls(OWNER, REPO)).toMatchObject([{ number: 1, state: "open", head: "gitops-promote/ghcr.io-acme-app" }]);
    expect(await fake.readFile(OWNER, REPO, "gitops-promote/ghcr.io-acme-app", "apps/app.yaml")).toContain(`${APP}:1.2.4`);
    const url = `${fake.url}/acme/manifests/pull/1`;
    // Later steps learn of the open pull request: it landed before the failure.
    expect(result.outputs).toMatchObject({
      changed: "true",
      "pull-request-number": "1",
      "pull-request-url": url,
      "pull-request-operation": "created",
      "updated-files": '["apps/app.yaml"]',
    });
    const head = fake.pulls(OWNER, REPO)[0]!.headSha;
    expect(JSON.parse(result.outputs["pull-requests"]!)).toEqual([
      { number: 1, url, operation: "created", branch: "gitops-promote/ghcr.io-acme-app", head_sha: head, merge: "" },
    ]);
    expect(result.summary).toMatch(/Landed before the failure:.*#1.*apps\/app\.yaml.*not a collaborator/s);
  });

  it("auto-merge GitHub refuses (a GraphQL error, no HTTP status): the message reads on from the operation, and the log links the pull request it opened", async () => {
    fake.inject({
      operationId: "graphql",
      status: 200,
      body: { data: null, errors: [{ type: "UNPROCESSABLE", message: "Auto merge is not allowed for this repository", path: ["enablePullRequestAutoMerge"] }] },
    });
    const result = await action({ images: `${APP}:1.2.4`, delivery: "pull-request", merge: "auto" });
    expect(result.exitCode).toBe(1);
    expect(errorsOf(result)[0]?.message).toMatch(
      /^enabling auto-merge in acme\/manifests \(POST \/graphql\) failed: GitHub refused auto-merge for pull request #1: /,
    );
    const [, visible] = result.stdout.split("::endgroup::\n");
    expect(visible).toMatch(
      new RegExp(
        `^Landed before the failure:\npull request #1 from gitops-promote/ghcr.io-acme-app, created: ${fake.url}/acme/manifests/pull/1\n  apps/app.yaml:10 `,
      ),
    );
  });

  it("draft with merge: auto: GitHub turns auto-merge on for no draft; the draft is left open, the outputs name it, and the message says to mark it ready", async () => {
    const result = await action({ images: `${APP}:1.2.4`, delivery: "pull-request", merge: "auto", draft: "true" });
    expect(result.exitCode).toBe(1);
    expect(errorsOf(result)[0]?.message).toMatch(
      /^enabling auto-merge in acme\/manifests \(POST \/graphql\) failed: .*Pull request is in draft state\nGitHub merges no draft pull request and turns auto-merge on for none: .*Mark it ready for review and re-run the job/s,
    );
    expect(fake.pulls(OWNER, REPO)).toMatchObject([{ number: 1, state: "open", draft: true, autoMerge: null }]);
    expect(result.outputs).toMatchObject({ "pull-request-number": "1", "pull-request-operation": "created", "pull-request-merge": "" });
  });

  it("a push landed, then the pull request could not be opened: the outputs name the commit and the failure is explained", async () => {
    await twoClusters({ production: "{ mode: pull-request }" });
    fake.inject({ operationId: "pulls/create", status: 403, body: { message: "Resource not accessible by integration" } });
    const result = await action({ images: `${APP}:1.2.4` });
    expect(result.exitCode).toBe(1);
    expect(errorsOf(result)[0]?.message).toMatch(/^opening the pull request in acme\/manifests \(POST \/repos\/acme\/manifests\/pulls\) failed: 403 /);
    expect(await fake.readFile(OWNER, REPO, "main", "clusters/staging/app.yaml")).toContain(`${APP}:1.2.4`);
    expect(fake.pulls(OWNER, REPO)).toEqual([]);
    const sha = (await main())!;
    expect(result.outputs).toMatchObject({
      changed: "true",
      "commit-sha": sha,
      "pull-request-number": "",
      "pull-request-operation": "none",
      "pull-requests": "[]",
      "updated-files": '["clusters/staging/app.yaml"]',
    });
    expect(JSON.parse(result.outputs["changes"]!)).toMatchObject([{ file: "clusters/staging/app.yaml", new: `${APP}:1.2.4`, target: "staging" }]);
    expect(result.summary).toContain(`/commit/${sha}`);
    expect(result.summary).toMatch(/Landed before the failure:.*<code>main<\/code>.*opening the pull request/s);
  });

  describe("a token that cannot do the job: the failure says which operation and what to change", () => {
    it("a read-only GITHUB_TOKEN: names the operation and the permissions the workflow must grant", async () => {
      fake.setAccess(OWNER, REPO, "read");
      const result = await action({ images: `${APP}:1.2.4` });
      expect(result.exitCode).toBe(1);
      const message = errorsOf(result)[0]?.message ?? "";
      expect(message).toMatch(
        /^creating the commit's tree in acme\/manifests \(POST \/repos\/acme\/manifests\/git\/trees\) failed: 403 Resource not accessible by integration/,
      );
      expect(message).toContain("`permissions: contents: write`");
      expect(message).toContain("`pull-requests: write`");
    });

    it("a token that may not open pull requests: names the operation and pull-requests: write", async () => {
      const body = { message: "Resource not accessible by integration", documentation_url: "https://docs.github.com/rest" };
      fake.inject({ operationId: "pulls/create", status: 403, body });
      const result = await action({ images: `${APP}:1.2.4`, delivery: "pull-request", "commit-via": "git" });
      expect(result.exitCode).toBe(1);
      const message = errorsOf(result)[0]?.message ?? "";
      expect(message).toMatch(/^opening the pull request in acme\/manifests \(POST \/repos\/acme\/manifests\/pulls\) failed: 403 Resource not accessible/);
      expect(message).toContain("`permissions: pull-requests: write`");
    });

    it("a repository the token cannot see: says so instead of git's bare 'Repository not found'", async () => {
      fake.setAccess(OWNER, REPO, "none");
      const result = await action({ images: `${APP}:1.2.4` });
      expect(result.exitCode).toBe(1);
      const message = errorsOf(result)[0]?.message ?? "";
      expect(message).toMatch(/^reading the default branch of origin \(git ls-remote\) failed: .*Repository not found/s);
      expect(message).toContain("both when acme/manifests does not exist and when the credentials cannot see it");
      expect(message).toContain("GITHUB_TOKEN reaches only the repository its workflow runs in");
      expect(message).not.toContain(fake.token);
    });

    it("an empty token input: names the input and the likely causes, and is no obstacle where no API call is made", async () => {
      const result = await action({ images: `${APP}:1.2.4`, token: "" });
      expect(result.exitCode).toBe(1);
      const message = errorsOf(result)[0]?.message ?? "";
      expect(message).toMatch(/^input token is empty/);
      expect(message).toContain("misspelt");
      expect(message).toContain("skipped");
      expect(message).not.toMatch(/opts\.auth/);

      const git = await action({ images: `${APP}:1.2.4`, token: "", "commit-via": "git" });
      expect(git.exitCode, git.stdout + git.stderr).toBe(0);
      expect(await fake.readFile(OWNER, REPO, "main", "apps/app.yaml")).toContain(`${APP}:1.2.4`);
    });
  });

  describe("a bad configuration or set: one error annotation per issue, on its file and line", () => {
    const config = [
      "targets:",
      "  - name: staging",
      '    paths: ["apps/**"]',
      "    images:",
      `      - repository: ${APP}`,
      '        policy: { semver: { range: "not a range" } }',
      "  - name: production",
      "    paths: 3",
      "    images: [{ repository: " + APP + " }]",
      "",
    ].join("\n");

    it("the configuration's issues on their lines, then the summary line; nothing written, failure outputs set", async () => {
      await fake.commitFile(OWNER, REPO, "main", ".github/gitops-promote.yaml", config);
      const before = await main();
      const result = await action({ images: `${APP}:1.2.4` });
      expect(result.exitCode).toBe(1);
      const errors = errorsOf(result);
      expect(errors.slice(0, 2)).toEqual([
        {
          level: "error",
          file: ".github/gitops-promote.yaml",
          line: 6,
          title: "gitops-promote",
          message: 'targets[0].images[0].policy.semver.range: invalid range "not a range"',
        },
        {
          level: "error",
          file: ".github/gitops-promote.yaml",
          line: 8,
          title: "gitops-promote",
          message: "targets[1].paths: must be a list of strings, not a number (3)",
        },
      ]);
      expect(errors[2]?.message).toBe(
        `nothing was written; the request is not usable:\n- .github/gitops-promote.yaml:6: targets[0].images[0].policy.semver.range: invalid range "not a range"\n- .github/gitops-promote.yaml:8: targets[1].paths: must be a list of strings, not a number (3)`,
      );
      expect(errors).toHaveLength(3);
      expect(await main()).toBe(before);
      expect(result.outputs).toEqual(FAILED_OUTPUTS);
      expect(result.summary).toContain("gitops-promote failed");
      expect(result.summary).toContain("<code>.github/gitops-promote.yaml</code>:6");
    });

    it("a set spec that does not fit its file is annotated on that file", async () => {
      await fake.commitFile(OWNER, REPO, "main", "main.k", 'config = {\n  image = "ghcr.io/acme/app:1.0.0"\n}\n');
      const result = await action({ set: 'main.k:config.containers.app.image="ghcr.io/acme/app:1.2.4"' });
      expect(result.exitCode).toBe(1);
      expect(errorsOf(result)[0]).toMatchObject({ file: "main.k", line: 1, message: expect.stringMatching(/^config has 'image', not 'containers'/) });
    });

    it("an issue in a file without a line is annotated on that file", async () => {
      await fake.commitFile(OWNER, REPO, "main", "main.k", 'config = {\n  image = "ghcr.io/acme/app:1.0.0"\n}\n');
      const result = await action({ set: 'main.k:config.containers[0].image="ghcr.io/acme/app:1.2.4"' });
      expect(result.exitCode).toBe(1);
      expect(errorsOf(result)[0]).toEqual({
        level: "error",
        file: "main.k",
        title: "gitops-promote",
        message: "'config.containers[0].image': Expected opening quote after '[' (KCL override paths have no list indexes)",
      });
      expect(result.summary).toContain("<code>main.k</code>: 'config.containers[0].image'");
    });

    it("more issues than GitHub shows annotations for a step: the last one shown is the summary listing them all", async () => {
      const targets = Array.from({ length: 12 }, (_, i) => `  - name: t${i}\n    paths: ["apps/**"]\n`).join("");
      await fake.commitFile(OWNER, REPO, "main", ".github/gitops-promote.yaml", `targets:\n${targets}`);
      const result = await action({ images: `${APP}:1.2.4` });
      const errors = errorsOf(result);
      expect(errors).toHaveLength(10);
      expect(errors.slice(0, 9).every((e) => e.file === ".github/gitops-promote.yaml")).toBe(true);
      expect(errors[9]?.message.match(/images is required/g)).toHaveLength(12);
    });
  });

  describe("where the checkout is", () => {
    it("a workspace that is not a git checkout: says to run actions/checkout first", async () => {
      workspace = await tempDir("gp-no-checkout-");
      const result = await action({ images: `${APP}:1.2.4`, merge: "auto" });
      expect(result.exitCode).toBe(1);
      const message = errorsOf(result)[0]?.message ?? "";
      expect(message).toMatch(/is not a git checkout: run actions\/checkout first/);
      expect(message).toContain("working-directory");
      // The inputs' warning, annotated before the checkout was looked for, is in the failure's summary too.
      expect(result.summary).toMatch(/is not a git checkout[\s\S]*This run's warnings:\n<ul><li>input merge \(auto\) has no effect with delivery: push/);
    });

    it("working-directory: a checkout in a subdirectory of the workspace (actions/checkout with path:)", async () => {
      workspace = await tempDir("gp-workspace-");
      await run("git", ["clone", "--quiet", fake.gitUrl(OWNER, REPO), join(workspace, "manifests")]);
      const pushed = await action({ images: `${APP}:1.2.4`, "working-directory": "manifests" });
      expect(pushed.exitCode, pushed.stdout + pushed.stderr).toBe(0);
      expect(await fake.readFile(OWNER, REPO, "main", "apps/app.yaml")).toContain(`${APP}:1.2.4`);
    });

    it("a working-directory inside the checkout is refused before anything is read or written: it names the checkout's path and `paths`", async () => {
      workspace = await tempDir("gp-workspace-");
      await run("git", ["clone", "--quiet", fake.gitUrl(OWNER, REPO), join(workspace, "manifests")]);
      const before = await main();
      const result = await action({ images: "ghcr.io/acme/api:2.0.1", "working-directory": "manifests/apps", delivery: "none" });
      expect(result.exitCode).toBe(1);
      expect(errorsOf(result).map((e) => e.message)).toEqual([
        expect.stringMatching(
          /^working-directory "manifests\/apps" is inside the checkout whose top level is .*\/manifests: .* working-directory: manifests, and limit the run to that directory with paths: apps\/\*\*$/,
        ),
      ]);
      // Not widened to the whole repository: nothing edited, in apps/ or anywhere else.
      expect(await readFile(join(workspace, "manifests/apps/api.yaml"), "utf8")).toBe(deployment("api", "ghcr.io/acme/api:2.0.0"));
      expect((await run("git", ["-C", join(workspace, "manifests"), "status", "--porcelain"])).stdout).toBe("");
      expect(await main()).toBe(before);
      expect(result.outputs).toEqual(FAILED_OUTPUTS);
      expect(result.summary).toContain("gitops-promote failed");
    });

    it("a checkout without origin: push says to check it out with actions/checkout or add the remote; delivery: none, which reads no branch, edits it", async () => {
      await run("git", ["-C", workspace, "remote", "remove", "origin"]);
      const pushed = await action({ images: `${APP}:1.2.4` });
      expect(pushed.exitCode).toBe(1);
      expect(errorsOf(pushed)[0]?.message).toMatch(/^the checkout \(.+\) has no remote named origin, .*actions\/checkout.*git remote add origin/);
      const before = await main();
      const edited = await action({ images: `${APP}:1.2.4`, delivery: "none" });
      expect(edited.exitCode, edited.stdout + edited.stderr).toBe(0);
      expect(edited.outputs).toMatchObject({ changed: "true", "updated-files": '["apps/app.yaml"]' });
      expect(await readFile(join(workspace, "apps/app.yaml"), "utf8")).toBe(deployment("app", `${APP}:1.2.4`));
      expect(await main()).toBe(before);
    });

    it("a working-directory that does not exist is named", async () => {
      const result = await action({ images: `${APP}:1.2.4`, "working-directory": "manifests" });
      expect(result.exitCode).toBe(1);
      expect(errorsOf(result)[0]?.message).toMatch(/^working-directory "manifests" does not exist in the workspace/);
    });
  });

  it.each([
    [
      "an image no file holds",
      { images: "ghcr.io/acme/other:1.0.0" },
      "no file to update holds ghcr.io/acme/other; nothing to do for ghcr.io/acme/other:1.0.0",
    ],
    ["paths that match no file", { images: `${APP}:1.2.4`, paths: "clusters/**" }, 'path "clusters/**" matches no file'],
    ["a setter no marker uses", { setters: `flux-system:nope=${APP}:1.2.4` }, "no file to update has a marker for setter flux-system:nope"],
  ])("nothing changed because of %s: the summary says why, not that every field is current", async (_, inputs, why) => {
    const result = await action(inputs);
    expect(result.exitCode, result.stdout + result.stderr).toBe(0);
    expect(result.outputs["changed"]).toBe("false");
    expect(result.summary).toContain(why);
    expect(result.summary).not.toContain("already holds");
  });

  describe("a failed step still leaves a summary and every output (changed=false) for `if: always()` steps", () => {
    it.each([
      ["branch protection", "Protected branch update failed for refs/heads/main."],
      ["a ruleset", "Repository rule violations found\n\nChanges must be made through a pull request.\n\n"],
    ])("%s refuses the push: explained, summarised, outputs set", async (_, message) => {
      fake.inject({ operationId: "git/update-ref", status: 422, body: { message, documentation_url: "https://docs.github.com/rest" } });
      const result = await action({ images: `${APP}:1.2.4` });
      expect(result.exitCode).toBe(1);
      const error = errorsOf(result)[0]?.message ?? "";
      expect(error).toMatch(/^moving branch main in acme\/manifests \(PATCH \/repos\/acme\/manifests\/git\/refs\/heads\/main\) failed: 422 /);
      expect(error).toContain("main is protected");
      expect(error).toContain("delivery: pull-request");
      expect(result.outputs).toEqual(FAILED_OUTPUTS);
      expect(result.summary).toContain("gitops-promote failed");
      expect(result.summary).toContain("main is protected");
    });
  });

  it("commit-via git pushes to any remote (a plain bare repo) without a single API call", async () => {
    const root = await tempDir("gp-plain-");
    const bare = join(root, "manifests.git");
    const seed = join(root, "seed");
    await run("git", ["init", "--quiet", "--bare", "-b", "main", bare]);
    await run("git", ["init", "--quiet", "-b", "main", seed]);
    await writeFile(join(seed, "app.yaml"), deployment("app", `${APP}:1.2.3`));
    await run("git", ["-C", seed, "add", "-A"]);
    await run("git", ["-C", seed, "-c", "user.name=t", "-c", "user.email=t@e", "commit", "--quiet", "-m", "seed"]);
    await run("git", ["-C", seed, "push", "--quiet", bare, "main"]);
    workspace = join(root, "checkout");
    await run("git", ["clone", "--quiet", bare, workspace]);

    const callsBefore = fake.calls.length;
    const result = await action({ images: `${APP}:1.2.4`, "commit-via": "git", author: "Release Bot <release@acme.test>" });
    expect(result.exitCode, result.stdout + result.stderr).toBe(0);
    const { stdout: content } = await run("git", ["-C", bare, "show", "main:app.yaml"]);
    expect(content).toBe(deployment("app", `${APP}:1.2.4`));
    const { stdout: author } = await run("git", ["-C", bare, "log", "-1", "--format=%an <%ae>|%cn|%s", "main"]);
    expect(author.trim()).toBe("Release Bot <release@acme.test>|github-actions[bot]|chore(deploy): ghcr.io/acme/app 1.2.3 -> 1.2.4");
    expect(result.outputs["commit-sha"]).toBe((await run("git", ["-C", bare, "rev-parse", "main"])).stdout.trim());
    expect(fake.calls.slice(callsBefore)).toEqual([]);
    // Linked as the log does: GITHUB_REPOSITORY (acme/manifests) does not hold this commit.
    expect(result.summary).toContain(`<td><code>${result.outputs["commit-sha"]!.slice(0, 7)}</code> on <code>main</code></td>`);
    expect(result.summary).not.toContain("href");
    expect(result.stdout).toContain(`pushed ${result.outputs["commit-sha"]} to main`);
  });
});
