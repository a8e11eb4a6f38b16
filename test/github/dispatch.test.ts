import { getOctokit } from "@actions/github";
import { createServer, type AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildPayload } from "../../src/engine/payload.js";
import { checkDispatch, describePlan, dispatchImages, DispatchError, distinctRepositories } from "../../src/github/dispatch.js";
import type { DispatchOptions } from "../../src/github/dispatch.js";
import { createClient, type GitHubClient } from "../../src/github/client.js";
import { startFakeGitHub } from "../support/github-fake.js";
import { pausesOnClock } from "./fixture.js";
import type { FakeGitHub } from "../support/github-fake.js";

const sha = "sha256:6745aaad46d795c9836632e1fb62f24b7e7f4c843144da8e47a5465c411a14be";
const payload = buildPayload({
  images: [`ghcr.io/acme/app:1.2.3@${sha}`],
  source: { repository: "acme/app", sha: "0123456789abcdef0123456789abcdef01234567" },
});
const promoteWorkflow = `name: promote
on:
  workflow_dispatch:
    inputs:
      payload:
        description: gitops-promote payload JSON
        required: true
jobs: {}
`;
const fast = { intervalMs: 20, maxIntervalMs: 50, timeoutMs: 5_000 };

let fake: FakeGitHub;
let octokit: GitHubClient;

beforeEach(async () => {
  fake = await startFakeGitHub();
  octokit = getOctokit(fake.token, { baseUrl: fake.apiUrl });
  await fake.createRepo("acme", "manifests", { ".github/workflows/promote.yml": promoteWorkflow, "apps/app.yaml": "image: ghcr.io/acme/app:1.0.0\n" });
  await fake.createRepo("acme", "manifests-eu", { "apps/app.yaml": "image: ghcr.io/acme/app:1.0.0\n" }, { defaultBranch: "trunk" });
});

afterEach(async () => {
  expect(fake.violations).toEqual([]);
  await fake.close();
});

async function failure(options: Partial<DispatchOptions>): Promise<DispatchError> {
  const error: unknown = await dispatchImages(octokit, { repositories: ["acme/manifests"], payload, ...options }).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof DispatchError)) throw new Error(`expected a DispatchError, got ${String(error)}`);
  return error;
}

describe("repository_dispatch", () => {
  it("sends the payload as client_payload with the default event type, to every repository", async () => {
    const lines: string[] = [];
    const result = await dispatchImages(octokit, { repositories: ["acme/manifests", "acme/manifests-eu"], payload, log: (l) => lines.push(l) });
    expect(result.dispatched).toEqual([
      { repository: "acme/manifests", kind: "repository_dispatch", eventType: "image-pushed" },
      { repository: "acme/manifests-eu", kind: "repository_dispatch", eventType: "image-pushed" },
    ]);
    expect(fake.dispatches.map((d) => [d.owner, d.repo, d.eventType, d.clientPayload])).toEqual([
      ["acme", "manifests", "image-pushed", payload],
      ["acme", "manifests-eu", "image-pushed", payload],
    ]);
    // Each line names what it announced.
    expect(lines).toEqual([
      `acme/manifests: sent repository_dispatch "image-pushed" announcing ghcr.io/acme/app:1.2.3@${sha}`,
      `acme/manifests-eu: sent repository_dispatch "image-pushed" announcing ghcr.io/acme/app:1.2.3@${sha}`,
    ]);
  });

  it("uses the event type it is given", async () => {
    await dispatchImages(octokit, { repositories: ["acme/manifests"], payload, eventType: "deploy-staging" });
    expect(fake.dispatches.map((d) => d.eventType)).toEqual(["deploy-staging"]);
  });

  it("refuses to wait, before sending: GitHub reports no run for it", async () => {
    const error = await failure({ wait: fast });
    expect(error.message).toBe("cannot wait: GitHub does not report the run a repository_dispatch starts; set `workflow` (workflow_dispatch), which does");
    expect(fake.dispatches).toEqual([]);
  });
});

describe("workflow_dispatch", () => {
  it("starts the workflow with the payload JSON in the input `payload` and reports the run", async () => {
    const result = await dispatchImages(octokit, { repositories: ["acme/manifests"], payload, workflow: "promote.yml" });
    const [recorded] = fake.workflowDispatches;
    expect(recorded).toMatchObject({ owner: "acme", repo: "manifests", workflowId: "promote.yml", ref: "main", returnRunDetails: true });
    expect(JSON.parse(String(recorded!.inputs!["payload"]))).toEqual(payload);
    expect(result.dispatched).toEqual([
      {
        repository: "acme/manifests",
        kind: "workflow_dispatch",
        workflow: "promote.yml",
        ref: "main",
        runId: recorded!.runId,
        runUrl: `${fake.url}/acme/manifests/actions/runs/${recorded!.runId}`,
      },
    ]);
  });

  it("runs on the repository's default branch unless a ref is given", async () => {
    await fake.commitFile("acme", "manifests-eu", "trunk", ".github/workflows/promote.yml", promoteWorkflow);
    await fake.commitFile("acme", "manifests-eu", "release", ".github/workflows/promote.yml", promoteWorkflow);
    await dispatchImages(octokit, { repositories: ["acme/manifests-eu"], payload, workflow: "promote.yml" });
    await dispatchImages(octokit, { repositories: ["acme/manifests-eu"], payload, workflow: "promote.yml", ref: "release" });
    expect(fake.workflowDispatches.map((d) => d.ref)).toEqual(["trunk", "release"]);
  });

  it("falls back without return_run_details on a server that refuses it (older GHES)", async () => {
    await fake.close();
    fake = await startFakeGitHub({ workflowDispatchRunDetails: false });
    octokit = getOctokit(fake.token, { baseUrl: fake.apiUrl });
    await fake.createRepo("acme", "manifests", { ".github/workflows/promote.yml": promoteWorkflow });
    const lines: string[] = [];
    const result = await dispatchImages(octokit, { repositories: ["acme/manifests"], payload, workflow: "promote.yml", log: (l) => lines.push(l) });
    expect(result.dispatched).toEqual([{ repository: "acme/manifests", kind: "workflow_dispatch", workflow: "promote.yml", ref: "main" }]);
    expect(fake.calls.filter((c) => c.operationId === "actions/create-workflow-dispatch").map((c) => c.status)).toEqual([422, 204]);
    expect(fake.workflowDispatches.map((d) => d.returnRunDetails)).toEqual([undefined]);
    expect(lines[0]).toContain("the server does not know return_run_details");
  });

  it("cannot wait on a server that does not report the run", async () => {
    await fake.close();
    fake = await startFakeGitHub({ workflowDispatchRunDetails: false });
    octokit = getOctokit(fake.token, { baseUrl: fake.apiUrl });
    await fake.createRepo("acme", "manifests", { ".github/workflows/promote.yml": promoteWorkflow });
    const error = await failure({ workflow: "promote.yml", wait: fast });
    expect(error.message).toContain("its run cannot be followed: this server did not report the run it started");
    expect(fake.workflowDispatches).toHaveLength(1);
  });
});

describe("wait", () => {
  /** Moves the started run through GitHub's states, one step per poll. */
  function scriptRun(...states: { status: "queued" | "in_progress" | "completed"; conclusion: null | "success" | "failure" }[]): void {
    for (const state of states) {
      fake.inject({
        operationId: "actions/get-workflow-run",
        beforeHandle: () => fake.setWorkflowRun("acme", "manifests", fake.workflowDispatches[0]!.runId, state),
      });
    }
  }

  it("follows the run to success, polling with growing delays", async () => {
    scriptRun({ status: "queued", conclusion: null }, { status: "in_progress", conclusion: null }, { status: "completed", conclusion: "success" });
    const lines: string[] = [];
    const result = await dispatchImages(octokit, { repositories: ["acme/manifests"], payload, workflow: "promote.yml", wait: fast, log: (l) => lines.push(l) });
    const runId = fake.workflowDispatches[0]!.runId;
    expect(result.dispatched[0]).toMatchObject({ runId, conclusion: "success" });
    expect(fake.calls.filter((c) => c.operationId === "actions/get-workflow-run")).toHaveLength(3);
    expect(lines.at(-1)).toBe(`acme/manifests: run ${runId} concluded success: ${fake.url}/acme/manifests/actions/runs/${runId}`);
  });

  it("says when the run's status changes while it waits, not at every poll", async () => {
    scriptRun(
      { status: "queued", conclusion: null },
      { status: "queued", conclusion: null },
      { status: "in_progress", conclusion: null },
      { status: "in_progress", conclusion: null },
      { status: "completed", conclusion: "success" },
    );
    const lines: string[] = [];
    await dispatchImages(octokit, { repositories: ["acme/manifests"], payload, workflow: "promote.yml", wait: fast, log: (l) => lines.push(l) });
    const runId = fake.workflowDispatches[0]!.runId;
    const url = `${fake.url}/acme/manifests/actions/runs/${runId}`;
    expect(fake.calls.filter((c) => c.operationId === "actions/get-workflow-run")).toHaveLength(5);
    expect(lines).toEqual([
      `acme/manifests: started workflow promote.yml on main announcing ghcr.io/acme/app:1.2.3@${sha}: ${url}`,
      `acme/manifests: run ${runId} is queued`,
      `acme/manifests: run ${runId} is in progress`,
      `acme/manifests: run ${runId} concluded success: ${url}`,
    ]);
  });

  it("fails when the run fails, and still reports it", async () => {
    scriptRun({ status: "in_progress", conclusion: null }, { status: "completed", conclusion: "failure" });
    const error = await failure({ workflow: "promote.yml", wait: fast });
    const runId = fake.workflowDispatches[0]!.runId;
    expect(error.message).toContain(`acme/manifests: run ${runId} concluded "failure": ${fake.url}/acme/manifests/actions/runs/${runId}`);
    expect(error.dispatched).toEqual([expect.objectContaining({ runId, conclusion: "failure" })]);
  });

  /** A clock that moves only by the pauses a wait takes (recorded), so a loaded machine's slow answers move no deadline. */
  const onClock = () => {
    const pauses: number[] = [];
    return { pauses, clock: pausesOnClock((ms) => void pauses.push(ms)) };
  };

  it("gives up after the time limit, having waited all of it, and says how long it waited", async () => {
    const { pauses, clock } = onClock();
    const error = await failure({ workflow: "promote.yml", wait: { intervalMs: 20, maxIntervalMs: 40, timeoutMs: 300 }, clock });
    // Delays grow by half up to the maximum; the last is cut short to end at the deadline, where the last poll is.
    expect(pauses).toEqual([20, 30, 40, 40, 40, 40, 40, 40, 10]);
    expect(error.message).toMatch(/acme\/manifests: gave up waiting after 0\.3 s: run \d+ is still queued/);
    expect(fake.calls.filter((c) => c.operationId === "actions/get-workflow-run")).toHaveLength(10);
  });

  it("polls once more at the deadline when the next delay would pass it, and sees the run that completed meanwhile", async () => {
    // Polls at 0 and 150 ms; the next delay (225 ms) would end after the 250 ms deadline.
    scriptRun({ status: "queued", conclusion: null }, { status: "queued", conclusion: null }, { status: "completed", conclusion: "success" });
    const { pauses, clock } = onClock();
    const result = await dispatchImages(octokit, {
      repositories: ["acme/manifests"],
      payload,
      workflow: "promote.yml",
      wait: { intervalMs: 150, timeoutMs: 250 },
      clock,
    });
    expect(result.dispatched[0]).toMatchObject({ conclusion: "success" });
    expect(pauses).toEqual([150, 100]);
    expect(fake.calls.filter((c) => c.operationId === "actions/get-workflow-run")).toHaveLength(3);
  });

  it("polls at the deadline when the time limit is shorter than the first delay", async () => {
    scriptRun({ status: "in_progress", conclusion: null }, { status: "completed", conclusion: "success" });
    const { pauses, clock } = onClock();
    const result = await dispatchImages(octokit, {
      repositories: ["acme/manifests"],
      payload,
      workflow: "promote.yml",
      wait: { intervalMs: 5_000, timeoutMs: 200 },
      clock,
    });
    expect(result.dispatched[0]).toMatchObject({ conclusion: "success" });
    expect(pauses).toEqual([200]);
    expect(fake.calls.filter((c) => c.operationId === "actions/get-workflow-run")).toHaveLength(2);
  });

  it("waits on the wall clock when given none", async () => {
    const started = Date.now();
    await failure({ workflow: "promote.yml", wait: { intervalMs: 20, maxIntervalMs: 40, timeoutMs: 100 } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
  });
});

describe("errors a person can act on", () => {
  it("404 across repositories: names the repository, what each token kind reaches, and the permission", async () => {
    fake.setAccess("acme", "manifests", "none");
    const error = await failure({});
    expect(error.message).toBe(
      "acme/manifests: repository_dispatch failed (404: Not Found - https://docs.github.com/rest): " +
        "GitHub answers 404 both when the repository does not exist and when the token cannot see it. " +
        "Check that acme/manifests is spelt right, then that the token reaches it: " +
        "a GitHub App's token only when the App is installed on acme/manifests and the token was made for it " +
        "(actions/create-github-app-token's `owner` and `repositories`; with neither, its token reaches only the repository its workflow runs in); " +
        "a fine-grained personal access token only when acme/manifests is among its repositories; " +
        "GITHUB_TOKEN (the default `token`) only the repository its workflow runs in (acme/app), never acme/manifests. " +
        'The token needs "Contents: write" on acme/manifests.',
    );
  });

  it("404 on the repository `repository` defaults to: says it may have been left out", async () => {
    fake.setAccess("acme", "manifests", "none");
    const own = buildPayload({ images: ["ghcr.io/acme/app:1.2.3"], source: { repository: "acme/manifests" } });
    const error = await failure({ payload: own, workflow: "promote.yml", defaultRepository: "acme/manifests" });
    expect(error.message).toContain(
      "acme/manifests is the repository this workflow runs in, which `repository` names when it is left out: to announce to a manifests repository, name it in `repository`.",
    );
    expect(error.message).toContain('The token needs "Actions: write" on acme/manifests.');
    // The workflow was named; the hint does not ask for it.
    expect(error.message).not.toContain("name its file");
    expect((await failure({ payload: own })).message).not.toContain("left out");
  });

  it("403: the token sees the repository but may not dispatch; a workflow_dispatch, which needs only Actions: write, is offered", async () => {
    fake.setAccess("acme", "manifests", "read");
    const error = await failure({});
    expect(error.message).toBe(
      "acme/manifests: repository_dispatch failed (403: Resource not accessible by integration - https://docs.github.com/rest): " +
        'the token can see acme/manifests but may not send it a repository_dispatch, which needs "Contents: write". ' +
        "A GitHub App needs it on acme/manifests (and `permission-contents: write` among actions/create-github-app-token's inputs, when they list permissions); " +
        "so does a fine-grained personal access token. " +
        "GITHUB_TOKEN (the default `token`) gets it only in acme/app, the repository its workflow runs in, never in acme/manifests. " +
        'Or start the manifests workflow by name instead (`workflow`, e.g. promote.yml: a workflow_dispatch), which needs only "Actions: write".',
    );
  });

  it("403 on workflow_dispatch names Actions: write", async () => {
    fake.setAccess("acme", "manifests", "read");
    const error = await failure({ workflow: "promote.yml" });
    expect(error.message).toContain('the token can see acme/manifests but may not start its workflows, which needs "Actions: write"');
    expect(error.message).toContain("`permission-actions: write`");
    expect(error.message).not.toContain("Or start");
  });

  it("same repository: says which `permissions:` the job needs", async () => {
    fake.setAccess("acme", "manifests", "read");
    const own = buildPayload({ images: ["ghcr.io/acme/app:1.2.3"], source: { repository: "acme/manifests" } });
    const error = await failure({ payload: own });
    expect(error.message).toContain("With GITHUB_TOKEN (the default `token`), give the job `permissions: contents: write`.");
  });

  it("404 for a workflow that does not exist, in a repository the token reads: names the workflow, not the token", async () => {
    const error = await failure({ workflow: "deploy.yml" });
    expect(fake.calls.map((c) => `${c.operationId} ${c.status}`)).toEqual(["repos/get 200", "actions/create-workflow-dispatch 404"]);
    expect(error.message).toBe(
      "workflow deploy.yml not found on main in acme/manifests (workflow_dispatch: 404 Not Found - https://docs.github.com/rest). The file must exist as .github/workflows/deploy.yml on main, the default branch, with `on: workflow_dispatch`.",
    );
  });

  it("404 for a workflow that does not exist on the ref given: reads the repository to tell the workflow from the token", async () => {
    await fake.commitFile("acme", "manifests", "release", "apps/app.yaml", "image: ghcr.io/acme/app:1.1.0\n");
    const before = fake.calls.length;
    const error = await failure({ workflow: "deploy.yml", ref: "release" });
    expect(fake.calls.slice(before).map((c) => `${c.operationId} ${c.status}`)).toEqual(["actions/create-workflow-dispatch 404", "repos/get 200"]);
    expect(error.message).toMatch(/^workflow deploy.yml not found on release in acme\/manifests \(workflow_dispatch: 404 Not Found/);
    expect(error.message).toContain("The file must exist as .github/workflows/deploy.yml on release and on main, the default branch");
  });

  it("takes the path of a workflow under .github/workflows/ for its file name, and refuses another directory before sending", async () => {
    const result = await dispatchImages(octokit, { repositories: ["acme/manifests"], payload, workflow: ".github/workflows/promote.yml" });
    expect(result.dispatched[0]).toMatchObject({ workflow: "promote.yml" });
    await dispatchImages(octokit, { repositories: ["acme/manifests"], payload, workflow: "./.github/workflows/promote.yml" });
    expect(fake.workflowDispatches.map((d) => d.workflowId)).toEqual(["promote.yml", "promote.yml"]);
    const missing = await failure({ workflow: ".github/workflows/deploy.yml" });
    expect(missing.message).toContain("The file must exist as .github/workflows/deploy.yml on main");
    const before = fake.calls.length;
    for (const workflow of ["ci/promote.yml", ".github/workflows/sub/promote.yml"]) {
      expect((await failure({ workflow })).message).toBe(
        `workflow ${JSON.stringify(workflow)} is not a file of .github/workflows/, the only directory GitHub runs workflows from: name the workflow by its file name there, e.g. promote.yml`,
      );
    }
    expect(fake.calls.length).toBe(before);
  });

  it("refuses before sending a workflow named neither by a file name GitHub runs (.yml, .yaml) nor by an id", async () => {
    const before = fake.calls.length;
    expect((await failure({ workflow: "promote" })).message).toBe(
      `workflow "promote" is neither a workflow's file name nor its id: a workflow file's name ends in .yml or .yaml (did you mean promote.yml?)`,
    );
    // Another extension is replaced, not kept: promote.txt.yml is no better a name.
    expect((await failure({ workflow: "promote.txt" })).message).toMatch(/\(did you mean promote\.yml\?\)$/);
    expect((await failure({ workflow: "promote.yml.bak" })).message).toMatch(/\(did you mean promote\.yml\?\)$/);
    expect((await failure({ workflow: ".promote" })).message).toMatch(/\(did you mean \.promote\.yml\?\)$/);
    expect((await failure({ workflow: "" })).message).toBe(
      "workflow is empty: name the workflow by its file name in .github/workflows/, e.g. promote.yml, or by its id",
    );
    expect(fake.calls.length).toBe(before);
  });

  it("names the token as the caller says where it came from (the CLI: its variable)", async () => {
    const other = getOctokit("ghs_notTheFakesToken", { baseUrl: fake.apiUrl });
    const error = await dispatchImages(other, { repositories: ["acme/manifests"], payload, tokenName: "the token in GH_TOKEN" }).catch((e: unknown) => e);
    expect((error as DispatchError).message).toMatch(
      /^acme\/manifests: repository_dispatch failed \(401: [^]*\): the token in GH_TOKEN is missing, invalid or expired/,
    );
  });

  it("404 for a workflow id that does not exist: asks for its file name", async () => {
    fake.inject({
      operationId: "actions/create-workflow-dispatch",
      status: 404,
      body: { message: "Not Found", documentation_url: "https://docs.github.com/rest" },
    });
    const error = await failure({ workflow: "4242" });
    expect(error.message).toBe(
      "no workflow with id 4242 in acme/manifests (workflow_dispatch: 404 Not Found - https://docs.github.com/rest). Name the workflow by its file name instead, e.g. promote.yml.",
    );
  });

  it("404 for a workflow in a repository the token cannot see: the token, as before", async () => {
    fake.setAccess("acme", "manifests", "none");
    const error = await failure({ workflow: "promote.yml", ref: "main" });
    expect(error.message).toContain("acme/manifests: workflow_dispatch failed (404");
    expect(error.message).toContain("GitHub answers 404 both when the repository does not exist and when the token cannot see it");
  });

  it("422 for a workflow without the `payload` input", async () => {
    await fake.commitFile("acme", "manifests", "main", ".github/workflows/other.yml", "on: workflow_dispatch\njobs: {}\n");
    const error = await failure({ workflow: "other.yml" });
    expect(error.message).toContain('Unexpected inputs provided: ["payload"]');
    expect(error.message).toContain('the workflow must have `on: workflow_dispatch` with an input named "payload"');
  });

  it("422 over a size or limit: says the payload is too big, with its size and GitHub's limit, not that the workflow lacks the input", async () => {
    fake.inject({
      method: "POST",
      path: "/actions/workflows/promote.yml/dispatches",
      status: 422,
      body: { message: "inputs are too large", documentation_url: "https://docs.github.com/rest" },
    });
    // A euro sign is one character and three bytes: each event's size is counted its own way.
    const euro = buildPayload({ images: payload.images, extra: { note: "€" } });
    const characters = JSON.stringify(euro).length;
    const error = await failure({ workflow: "promote.yml", payload: euro });
    expect(error.message).toBe(
      `acme/manifests: workflow_dispatch failed (422: inputs are too large - https://docs.github.com/rest): GitHub refused the payload as over a limit (its JSON is ${characters} characters, ` +
        "and GitHub allows at most 65535 characters in a workflow_dispatch's inputs). Announce fewer images per event, or send fewer extra keys.",
    );
    fake.inject({
      method: "POST",
      path: "/repos/acme/manifests/dispatches",
      status: 422,
      body: { message: "client_payload exceeds the maximum size", documentation_url: "https://docs.github.com/rest" },
    });
    expect((await failure({ payload: euro })).message).toContain(
      `GitHub refused the payload as over a limit (its JSON is ${characters + 2} bytes, and GitHub requires less than 65536 bytes (64KB) in a repository_dispatch's client_payload, ` +
        "with at most 10 top-level keys)",
    );
  });

  it("422 about something else: GitHub's words alone, without the workflow file's advice", async () => {
    fake.inject({
      method: "POST",
      path: "/actions/workflows/promote.yml/dispatches",
      status: 422,
      body: { message: "Validation Failed", documentation_url: "https://docs.github.com/rest" },
    });
    expect((await failure({ workflow: "promote.yml" })).message).toBe(
      "acme/manifests: workflow_dispatch failed (422: Validation Failed - https://docs.github.com/rest)",
    );
  });

  it("401 for a bad token, naming the server that refused it (a token of another server is refused too)", async () => {
    octokit = getOctokit("ghs_not_a_token", { baseUrl: fake.apiUrl });
    const { message } = await failure({});
    expect(message).toContain("acme/manifests: repository_dispatch failed (401: Bad credentials");
    expect(message).toContain(`or was made for another GitHub server than ${new URL(fake.apiUrl).host}.`);
  });

  it("no answer at all (nothing listens, a proxy or a certificate in the way): says so and where to look, not a GitHub 500", async () => {
    // A port just let go of: nothing listens there, the connection is refused.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
    await new Promise((resolve) => server.close(resolve));
    octokit = createClient({ token: "ghs_x", baseUrl: `http://${host}/api/v3`, retries: 0 });
    const { message } = await failure({});
    expect(message).toContain(`acme/manifests: repository_dispatch failed: no response from ${host}: connect ECONNREFUSED ${host}. `);
    expect(message).toMatch(/HTTPS_PROXY .*NO_PROXY.*NODE_EXTRA_CA_CERTS/);
    expect(message).not.toMatch(/500/);
  });

  it("fan-out: one repository failing does not stop the others, and the error says which got it", async () => {
    fake.setAccess("acme", "manifests", "none");
    const error: unknown = await dispatchImages(octokit, { repositories: ["acme/manifests", "acme/manifests-eu"], payload }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DispatchError);
    expect((error as DispatchError).dispatched.map((d) => d.repository)).toEqual(["acme/manifests-eu"]);
    expect((error as DispatchError).message).toMatch(
      /^acme\/manifests: repository_dispatch failed \(404[^]*\n\(the event was delivered to acme\/manifests-eu\)$/,
    );
    expect(fake.dispatches.map((d) => d.repo)).toEqual(["manifests-eu"]);
  });

  it("refuses a repository that is not OWNER/NAME, or an event type GitHub would refuse, before sending anything", async () => {
    await expect(dispatchImages(octokit, { repositories: ["acme/manifests", "https://github.com/acme/x"], payload })).rejects.toThrow(
      'repository "https://github.com/acme/x" is not OWNER/NAME',
    );
    await expect(dispatchImages(octokit, { repositories: [], payload })).rejects.toThrow("no repository to dispatch to");
    await expect(dispatchImages(octokit, { repositories: ["acme/manifests"], payload, eventType: "x".repeat(101) })).rejects.toThrow(
      "is 101 characters long; GitHub allows at most 100",
    );
    expect(fake.dispatches).toEqual([]);
  });
});

describe("checkDispatch: what a dry run checks, without a request", () => {
  it("says what each repository would get: the default event type filled in, a workflow's path cut to its name", () => {
    const manifests = { owner: "acme", repo: "manifests", fullName: "acme/manifests" };
    expect(checkDispatch({ repositories: ["acme/manifests", " acme/manifests-eu"], payload })).toEqual({
      repositories: [manifests, { owner: "acme", repo: "manifests-eu", fullName: "acme/manifests-eu" }],
      kind: "repository_dispatch",
      eventType: "image-pushed",
    });
    const plan = checkDispatch({ repositories: ["acme/manifests"], payload, workflow: ".github/workflows/promote.yml", eventType: "x".repeat(101) });
    expect(plan).toEqual({ repositories: [manifests], kind: "workflow_dispatch", workflow: "promote.yml" });
    expect(describePlan(plan)).toBe("workflow promote.yml on the default branch to acme/manifests");
    expect(describePlan(checkDispatch({ repositories: ["acme/manifests"], payload, eventType: "app-built" }))).toBe(
      'repository_dispatch "app-built" to acme/manifests',
    );
  });

  it.each([
    [{ repositories: [] }, "no repository to dispatch to"],
    [{ repositories: ["manifests"] }, 'repository "manifests" is not OWNER/NAME'],
    [{ wait: true }, "cannot wait: GitHub does not report the run a repository_dispatch starts"],
    [{ eventType: "x".repeat(101) }, 'event type "xxx'],
    [{ workflow: "promote" }, 'workflow "promote" is neither a workflow\'s file name nor its id'],
  ])("refuses %j as dispatchImages does before sending", async (options, message) => {
    expect(() => checkDispatch({ repositories: ["acme/manifests"], payload, ...options })).toThrow(message);
    await expect(dispatchImages(octokit, { repositories: ["acme/manifests"], payload, ...options })).rejects.toThrow(message);
    expect(fake.calls).toEqual([]);
  });
});

describe("distinctRepositories", () => {
  it("keeps each repository once, as GitHub compares names, in the order and spelling first given", () => {
    expect(distinctRepositories(["acme/manifests", "acme/manifests-eu", "Acme/Manifests", "acme/manifests"])).toEqual({
      repositories: ["acme/manifests", "acme/manifests-eu"],
      repeated: [["acme/manifests", "Acme/Manifests", "acme/manifests"]],
    });
    expect(distinctRepositories(["acme/a", "acme/b"])).toEqual({ repositories: ["acme/a", "acme/b"], repeated: [] });
  });
});
