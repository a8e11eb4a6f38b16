// The bundled dispatch Action (dist/dispatch/index.js, built by the global setup) run as the runner runs it,
// "in the app repo" acme/app, against the fake GitHub.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startFakeGitHub } from "../support/github-fake.js";
import type { FakeGitHub } from "../support/github-fake.js";
import { runAction } from "../support/run-action.js";
import type { ActionResult } from "../support/run-action.js";

const sha = "sha256:6745aaad46d795c9836632e1fb62f24b7e7f4c843144da8e47a5465c411a14be";
const promoteWorkflow = "on:\n  workflow_dispatch:\n    inputs:\n      payload:\n        required: true\njobs: {}\n";

let fake: FakeGitHub;

beforeEach(async () => {
  fake = await startFakeGitHub();
  await fake.createRepo("acme", "manifests", { ".github/workflows/promote.yml": promoteWorkflow });
  await fake.createRepo("acme", "manifests-eu", {});
});

afterEach(async () => {
  expect(fake.violations).toEqual([]);
  await fake.close();
});

function dispatch(inputs: Record<string, string>): Promise<ActionResult> {
  return runAction({
    actionDir: "dispatch",
    github: fake,
    repository: "acme/app",
    sha: "0123456789abcdef0123456789abcdef01234567",
    runId: 42,
    inputs,
  });
}

function errors(result: ActionResult): string[] {
  return result.annotations.filter((a) => a.level === "error").map((a) => a.message);
}

describe("dispatch Action", () => {
  it("sends one repository_dispatch per repository with the payload, and masks the token", async () => {
    const result = await dispatch({
      repository: "acme/manifests\nacme/manifests-eu",
      images: `ghcr.io/acme/app:1.2.3@${sha}\nghcr.io/acme/worker:1.2.3`,
      targets: "staging",
      "client-payload": '{"ticket": "OPS-1"}',
    });
    expect(result.exitCode).toBe(0);
    const payload = {
      v: 1,
      images: [`ghcr.io/acme/app:1.2.3@${sha}`, "ghcr.io/acme/worker:1.2.3"],
      source: {
        repository: "acme/app",
        sha: "0123456789abcdef0123456789abcdef01234567",
        ref: "refs/heads/main",
        run_url: `${fake.url}/acme/app/actions/runs/42`,
        actor: "octocat",
      },
      targets: ["staging"],
      ticket: "OPS-1",
    };
    expect(fake.dispatches.map((d) => [`${d.owner}/${d.repo}`, d.eventType, d.clientPayload])).toEqual([
      ["acme/manifests", "image-pushed", payload],
      ["acme/manifests-eu", "image-pushed", payload],
    ]);
    expect(JSON.parse(result.outputs["payload"]!)).toEqual(payload);
    expect(result.outputs["run-id"]).toBe("\n");
    expect(result.stdout).toContain(`::add-mask::${fake.token}`);
    expect(result.summary).toContain("<td>acme/manifests-eu</td><td>repository_dispatch <code>image-pushed</code></td>");
  });

  it("dry-run: builds and checks the payload, sets the outputs, says what each repository would get, and makes no request", async () => {
    const result = await dispatch({
      repository: "acme/manifests\nacme/manifests-eu",
      images: `ghcr.io/acme/app:1.2.3@${sha}`,
      workflow: ".github/workflows/promote.yml",
      wait: "true",
      "dry-run": "true",
    });
    expect(result.exitCode, result.stdout).toBe(0);
    expect(fake.calls).toEqual([]);
    expect(result.stdout).not.toContain("Unexpected input");
    expect(JSON.parse(result.outputs["payload"]!)).toMatchObject({ v: 1, images: [`ghcr.io/acme/app:1.2.3@${sha}`], source: { repository: "acme/app" } });
    expect(result.outputs).toMatchObject({ "run-id": "\n", "run-url": "\n", conclusion: "\n" });
    expect(result.stdout).toContain(
      `dry run: nothing sent; workflow promote.yml on the default branch to acme/manifests, acme/manifests-eu would announce ghcr.io/acme/app:1.2.3@${sha}`,
    );
    expect(result.summary).toContain("Dry run: nothing was sent.");
    expect(result.summary).toContain("<td>acme/manifests-eu</td><td>workflow_dispatch <code>promote.yml</code> on the default branch (not sent)</td>");
  });

  it("dry-run refuses what a real run refuses, with the payload output set", async () => {
    const result = await dispatch({ repository: "acme/manifests", images: "ghcr.io/acme/app:1.2.3", workflow: "promote", "dry-run": "true" });
    expect(result.exitCode).toBe(1);
    expect(errors(result)[0]).toContain('workflow "promote" is neither a workflow\'s file name nor its id');
    expect(JSON.parse(result.outputs["payload"]!)).toMatchObject({ images: ["ghcr.io/acme/app:1.2.3"] });
    expect(fake.calls).toEqual([]);
    expect(result.summary).toContain("Dry run: nothing was sent. A real run would refuse it too: see the failure below.");
  });

  it("announces docker/metadata-action's version tag with build-push-action's digest", async () => {
    const metadata = JSON.stringify({
      tags: ["ghcr.io/acme/app:1.2", "ghcr.io/acme/app:1.2.3", "ghcr.io/acme/app:latest"],
      labels: { "org.opencontainers.image.version": "1.2.3" },
    });
    const result = await dispatch({ repository: "acme/manifests", metadata, digest: sha, "event-type": "app-built" });
    expect(result.exitCode).toBe(0);
    expect(fake.dispatches[0]).toMatchObject({ eventType: "app-built", clientPayload: { images: [`ghcr.io/acme/app:1.2.3@${sha}`] } });
  });

  it("says which of metadata's tags it announced, and warns when that is the pushed branch's name", async () => {
    // metadata-action ranks type=ref,event=branch above type=raw: the branch name became the version.
    const metadata = JSON.stringify({
      tags: ["ghcr.io/acme/svc-b:main", "ghcr.io/acme/svc-b:main-860c190-1700000200"],
      labels: { "org.opencontainers.image.version": "main" },
    });
    const result = await dispatch({ repository: "acme/manifests", metadata, digest: sha });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain(`metadata: announcing ghcr.io/acme/svc-b:main@${sha}; its other tags, not announced: main-860c190-1700000200\n`);
    expect(result.stdout).toContain(`acme/manifests: sent repository_dispatch "image-pushed" announcing ghcr.io/acme/svc-b:main@${sha}\n`);
    expect(result.annotations.filter((a) => a.level === "warning").map((a) => a.message)).toEqual([
      expect.stringMatching(
        /^metadata: the tag announced for ghcr\.io\/acme\/svc-b, "main", is the name of the pushed branch main: it is mutable.*priority=1000/,
      ),
    ]);
  });

  it("reads docker/build-push-action's metadata output", async () => {
    const metadata = JSON.stringify({ "containerimage.digest": sha, "image.name": "ghcr.io/acme/app:sha-0123456,ghcr.io/acme/app:main" });
    expect((await dispatch({ repository: "acme/manifests", metadata })).exitCode).toBe(0);
    expect(fake.dispatches[0]?.clientPayload).toMatchObject({ images: [`ghcr.io/acme/app:sha-0123456@${sha}`] });
  });

  it("starts a workflow, waits for its run and reports it", async () => {
    fake.inject({
      operationId: "actions/get-workflow-run",
      beforeHandle: () => fake.setWorkflowRun("acme", "manifests", fake.workflowDispatches[0]!.runId, { status: "completed", conclusion: "success" }),
    });
    const result = await dispatch({ repository: "acme/manifests", images: "ghcr.io/acme/app:1.2.3", workflow: "promote.yml", wait: "true" });
    expect(result.exitCode).toBe(0);
    const runId = fake.workflowDispatches[0]!.runId;
    expect(JSON.parse(String(fake.workflowDispatches[0]!.inputs!["payload"]))).toMatchObject({ v: 1, images: ["ghcr.io/acme/app:1.2.3"] });
    expect(result.outputs).toMatchObject({ "run-id": String(runId), "run-url": `${fake.url}/acme/manifests/actions/runs/${runId}`, conclusion: "success" });
    expect(result.summary).toContain(`<a href="${fake.url}/acme/manifests/actions/runs/${runId}">`);
  });

  it("fails when the run it waits for fails", async () => {
    fake.inject({
      operationId: "actions/get-workflow-run",
      beforeHandle: () => fake.setWorkflowRun("acme", "manifests", fake.workflowDispatches[0]!.runId, { status: "completed", conclusion: "failure" }),
    });
    const result = await dispatch({ repository: "acme/manifests", images: "ghcr.io/acme/app:1.2.3", workflow: "promote.yml", wait: "true" });
    expect(result.exitCode).toBe(1);
    expect(result.outputs["conclusion"]).toBe("failure");
    expect(errors(result)[0]).toMatch(/^acme\/manifests: run \d+ concluded "failure": http/);
  });

  it("sends all the same, with a warning, when an input has no effect", async () => {
    const result = await dispatch({ repository: "acme/manifests", images: "ghcr.io/acme/app:1.2.3", ref: "release" });
    expect(result.exitCode).toBe(0);
    expect(result.annotations.filter((a) => a.level === "warning")).toEqual([
      expect.objectContaining({ title: "gitops-promote", message: expect.stringMatching(/^input ref \(release\) has no effect without workflow/) }),
    ]);
    expect(fake.dispatches).toHaveLength(1);
  });

  it("on a runner without job summaries, succeeds once the event is sent, and a failure stays the dispatch's own, with a warning", async () => {
    const noSummary = (inputs: Record<string, string>) =>
      runAction({ actionDir: "dispatch", github: fake, repository: "acme/app", inputs, env: { GITHUB_STEP_SUMMARY: "" } });
    const sent = await noSummary({ repository: "acme/manifests", images: "ghcr.io/acme/app:1.2.3" });
    expect(sent.exitCode, sent.stdout).toBe(0);
    expect(fake.dispatches).toHaveLength(1);
    expect(sent.annotations.filter((a) => a.level === "warning").map((a) => a.message)).toEqual([expect.stringMatching(/^job summary not written: /)]);
    fake.setAccess("acme", "manifests", "none");
    const refused = await noSummary({ repository: "acme/manifests", images: "ghcr.io/acme/app:1.2.3" });
    expect(refused.exitCode).toBe(1);
    expect(errors(refused)).toEqual([expect.stringContaining("acme/manifests: repository_dispatch failed (404")]);
  });

  it("retries a dispatch GitHub answered with a server error", async () => {
    const fault = fake.inject({ operationId: "repos/create-dispatch-event", status: 502 });
    const result = await dispatch({ repository: "acme/manifests", images: "ghcr.io/acme/app:1.2.3" });
    expect(result.exitCode).toBe(0);
    expect(fault.hits).toBe(1);
    expect(fake.dispatches).toHaveLength(1);
  });

  it("explains a cross-repository 404 and still reports the repositories that got the event, beside the one that did not", async () => {
    fake.setAccess("acme", "manifests", "none");
    const result = await dispatch({ repository: "acme/manifests, acme/manifests-eu", images: "ghcr.io/acme/app:1.2.3" });
    expect(result.exitCode).toBe(1);
    expect(errors(result)[0]).toContain("GITHUB_TOKEN (the default `token`) only the repository its workflow runs in (acme/app), never acme/manifests");
    expect(errors(result)[0]).toContain("the App is installed on acme/manifests and the token was made for it");
    expect(errors(result)[0]).toContain("(the event was delivered to acme/manifests-eu)");
    expect(fake.dispatches.map((d) => d.repo)).toEqual(["manifests-eu"]);
    expect(result.summary).toContain(
      "<tr><td>acme/manifests</td><td>not delivered: see the failure below</td><td>-</td><td>-</td></tr><tr><td>acme/manifests-eu</td><td>repository_dispatch",
    );
  });

  it("keeps run-id, run-url and conclusion one line per repository, empty where no run was started", async () => {
    await fake.commitFile("acme", "manifests-eu", "main", ".github/workflows/promote.yml", promoteWorkflow);
    const result = await dispatch({ repository: "acme/nope\nacme/manifests\nacme/manifests-eu", images: "ghcr.io/acme/app:1.2.3", workflow: "promote.yml" });
    expect(result.exitCode).toBe(1);
    const [manifests, eu] = fake.workflowDispatches.map((d) => d.runId);
    expect(result.outputs["run-id"]).toBe(`\n${manifests}\n${eu}`);
    expect(result.outputs["run-url"]).toBe(`\n${fake.url}/acme/manifests/actions/runs/${manifests}\n${fake.url}/acme/manifests-eu/actions/runs/${eu}`);
    expect(result.outputs["conclusion"]).toBe("\n\n");
  });

  it("sends one event to a repository named twice, in any case, and warns about it; the outputs have one line for it", async () => {
    const result = await dispatch({ repository: "acme/manifests\nacme/manifests-eu, Acme/Manifests", images: "ghcr.io/acme/app:1.2.3" });
    expect(result.exitCode).toBe(0);
    expect(fake.dispatches.map((d) => `${d.owner}/${d.repo}`)).toEqual(["acme/manifests", "acme/manifests-eu"]);
    expect(result.annotations.filter((a) => a.level === "warning")).toEqual([
      expect.objectContaining({
        title: "gitops-promote",
        message: expect.stringMatching(/^input repository names acme\/manifests 2 times \(acme\/manifests, Acme\/Manifests\)/),
      }),
    ]);
    expect(result.outputs["run-id"]).toBe("\n");
  });

  it('reads `wait: ""`, as a reusable workflow passes an input its caller left out, as left out', async () => {
    const result = await dispatch({ repository: "acme/manifests", images: "ghcr.io/acme/app:1.2.3", wait: "" });
    expect(result.exitCode).toBe(0);
    expect(fake.dispatches).toHaveLength(1);
  });

  it("refuses a token of several lines at once, sending nothing and printing no line of it", async () => {
    const key = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAsecret\n-----END RSA PRIVATE KEY-----";
    const calls = fake.calls.length;
    const result = await dispatch({ repository: "acme/manifests", images: "ghcr.io/acme/app:1.2.3", token: key });
    expect(result.exitCode).toBe(1);
    expect(errors(result)).toEqual([expect.stringMatching(/^input token holds a line break, and a token is one line\./)]);
    expect(fake.calls.length).toBe(calls);
    expect(errors(result)[0]).not.toContain("MIIE");
  });

  it("starts the workflow named by its path under .github/workflows/", async () => {
    const result = await dispatch({ repository: "acme/manifests", images: "ghcr.io/acme/app:1.2.3", workflow: ".github/workflows/promote.yml" });
    expect(result.exitCode).toBe(0);
    expect(fake.workflowDispatches.map((d) => d.workflowId)).toEqual(["promote.yml"]);
  });

  it("scrubs the token from a failure GitHub's answer echoes it, in the error and in the summary", async () => {
    fake.inject({ operationId: "repos/create-dispatch-event", status: 401, body: { message: `Bad credentials: ${fake.token}` } });
    const result = await dispatch({ repository: "acme/manifests", images: "ghcr.io/acme/app:1.2.3" });
    expect(result.exitCode).toBe(1);
    expect(errors(result)[0]).toContain("Bad credentials: ***");
    expect(errors(result)[0]).not.toContain(fake.token);
    expect(result.summary).toContain("Bad credentials: ***");
    expect(result.summary).not.toContain(fake.token);
  });

  it.each([
    ["an image with a space", { images: "ghcr.io/acme/app:1.2.3\nx y" }, 'input images: invalid image reference "x y": it contains a space'],
    ["no image", { images: "" }, "no image to announce: set `images`"],
    ["too many extra keys", { "client-payload": JSON.stringify(Object.fromEntries([..."abcdefghi"].map((k) => [k, 1]))) }, "GitHub allows at most 10"],
    ["client-payload that is not JSON", { "client-payload": "{ticket: 1}" }, "input client-payload: not valid JSON"],
    ["client-payload that sets our keys", { "client-payload": '{"v": 2}' }, 'input client-payload: the extra payload may not set "v"'],
    ["metadata of another shape", { images: "", metadata: '{"digest": "x"}' }, "metadata: expected docker/metadata-action's json output"],
    ["a repository that is not OWNER/NAME", { repository: "manifests" }, 'input repository: "manifests" is not OWNER/NAME'],
    ["an empty token", { token: "" }, "input token is empty, and the event is sent through the GitHub API. Most often"],
    [
      "metadata-action's tags as metadata",
      { images: "", metadata: "ghcr.io/acme/app:1.2.3\nghcr.io/acme/app:latest" },
      "; it takes docker/metadata-action's `json` output",
    ],
    ["an owner in upper case", { images: "ghcr.io/Acme-Corp/app:1.2.3" }, "an image name is written in lower case"],
    ["a bad wait-timeout", { wait: "true", "wait-timeout": "soon" }, 'input wait-timeout: "soon" is not a number of seconds'],
    ["wait without a workflow", { wait: "true" }, "cannot wait: GitHub does not report the run a repository_dispatch starts; set `workflow`"],
    ["an event type GitHub refuses", { "event-type": "e".repeat(101) }, "input event-type: "],
  ])("fails before sending anything on %s, with every output set and the failure in the summary", async (_, inputs, message) => {
    const result = await dispatch({ repository: "acme/manifests", images: "ghcr.io/acme/app:1.2.3", ...inputs });
    expect(result.exitCode).toBe(1);
    expect(errors(result)[0]).toContain(message);
    expect(fake.dispatches).toEqual([]);
    expect(Object.keys(result.outputs).sort()).toEqual(["conclusion", "payload", "run-id", "run-url"]);
    expect(result.outputs["run-id"]).toBe("");
    expect(result.summary).toMatch(/^<h3>gitops-promote dispatch<\/h3>\n[^]*<pre><code>/);
  });

  it("refused inputs leave payload `null`, for fromJSON in an `if: always()` step, and say nothing was sent", async () => {
    const result = await dispatch({ repository: "acme/manifests", images: "ghcr.io/acme/app:1.2.3", wait: "yes" });
    expect(result.exitCode).toBe(1);
    expect(result.outputs).toEqual({ payload: "null", "run-id": "", "run-url": "", conclusion: "" });
    expect(result.summary).toBe(
      '<h3>gitops-promote dispatch</h3>\nNothing was sent: the inputs are not usable.\n<pre><code>input wait: "yes" is not true or false</code></pre>\n',
    );
  });

  it('reads `repository: ""`, as a reusable workflow passes an input its caller left out, as its default: this repository', async () => {
    await fake.createRepo("acme", "app", {});
    const result = await dispatch({ repository: "", images: "ghcr.io/acme/app:1.2.3" });
    expect(result.exitCode, result.stdout).toBe(0);
    expect(fake.dispatches).toMatchObject([{ owner: "acme", repo: "app" }]);
  });
});
