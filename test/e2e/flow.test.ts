// The whole two-repository flow with the bundled Actions, as the runner runs them, against the fake GitHub:
// the dispatch Action runs "in the app repo" and fans out to a KCL manifests repo and a Flux YAML manifests
// repo (both seeded from examples/); the fake records each event; the update Action then runs "in" each
// manifests repo's checkout with that event, opens a pull request and merges it (auto-merge once checks
// pass, or at once when nothing is pending); a fresh clone over git HTTP shows exactly the new images.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeGitHub } from "../support/github-fake.js";
import type { FakeGitHub, RepositoryDispatch } from "../support/github-fake.js";
import { runAction } from "../support/run-action.js";
import type { ActionResult } from "../support/run-action.js";

const git = promisify(execFile);
const digest = "sha256:6745aaad46d795c9836632e1fb62f24b7e7f4c843144da8e47a5465c411a14be";
const flaskOld = "kcllang/flask_demo:8d31498e765ff67a2fa9933d4adffe067544b2fe";
const flaskNew = "kcllang/flask_demo:0a1b2c3d";

let fake: FakeGitHub;
let scratch: string;
const fixtures: Record<string, Record<string, string>> = {};

/** Every file under a directory, by POSIX path relative to it. */
async function filesOf(dir: string, skip = new Set<string>()): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const path = relative(dir, join(entry.parentPath, entry.name)).split("\\").join("/");
    if (entry.isFile() && ![...skip].some((s) => path === s || path.startsWith(`${s}/`))) out[path] = await readFile(join(dir, path), "utf8");
  }
  return out;
}

async function cloneMain(repo: string): Promise<Record<string, string>> {
  const dir = await mkdtemp(join(scratch, `clone-${repo}-`));
  await git("git", ["clone", "--quiet", fake.gitUrl("acme", repo), dir]);
  return filesOf(dir, new Set([".git"]));
}

/** The update Action in a fresh checkout of the manifests repo, triggered by the recorded event. */
async function promote(event: RepositoryDispatch, inputs: Record<string, string>): Promise<ActionResult> {
  const workspace = await mkdtemp(join(scratch, `checkout-${event.repo}-`));
  await git("git", ["clone", "--quiet", fake.gitUrl(event.owner, event.repo), workspace]);
  return runAction({
    actionDir: ".",
    github: fake,
    repository: `${event.owner}/${event.repo}`,
    eventName: "repository_dispatch",
    event: { action: event.eventType, branch: "main", client_payload: event.clientPayload },
    workspace,
    inputs,
  });
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "flow-"));
  fake = await startFakeGitHub();
  fixtures["manifests-kcl"] = await filesOf("examples/kcl");
  fixtures["manifests-flux"] = await filesOf("examples/flux-yaml");
  await fake.createRepo("acme", "manifests-kcl", fixtures["manifests-kcl"]);
  await fake.createRepo("acme", "manifests-flux", fixtures["manifests-flux"]);
});

afterAll(async () => {
  await fake?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe("app repo -> dispatch -> update -> pull request -> merged", () => {
  let dispatched: ActionResult;

  it("the dispatch Action announces both images to both manifests repositories", async () => {
    dispatched = await runAction({
      actionDir: "dispatch",
      github: fake,
      repository: "acme/app",
      sha: "0123456789abcdef0123456789abcdef01234567",
      inputs: { repository: "acme/manifests-kcl\nacme/manifests-flux", images: `ghcr.io/acme/app:1.3.0@${digest}\n${flaskNew}` },
    });
    expect(dispatched.exitCode).toBe(0);
    expect(fake.dispatches.map((d) => [d.repo, d.eventType])).toEqual([
      ["manifests-kcl", "image-pushed"],
      ["manifests-flux", "image-pushed"],
    ]);
    expect(fake.dispatches[0]?.clientPayload).toMatchObject({
      v: 1,
      images: [`ghcr.io/acme/app:1.3.0@${digest}`, flaskNew],
      source: { repository: "acme/app" },
    });
  });

  it("KCL repo: a pull request whose auto-merge fires once the checks pass; only the image string changes", async () => {
    const event = fake.dispatches.find((d) => d.repo === "manifests-kcl")!;
    // Branch protection with a pending required check: every PR reads as BLOCKED until the test completes it.
    const blocked = fake.inject({
      path: "/graphql",
      times: 100,
      beforeHandle: async () => {
        for (const pull of fake.pulls("acme", "manifests-kcl")) {
          if (pull.state === "open" && !pull.autoMerge) await fake.setMergeState("acme", "manifests-kcl", pull.number, "BLOCKED");
        }
      },
    });
    const result = await promote(event, { delivery: "pull-request", merge: "auto", "merge-method": "squash" });
    blocked.cancel();
    expect(result.exitCode, result.stdout + result.stderr).toBe(0);
    expect(result.outputs).toMatchObject({ changed: "true", "pull-request-operation": "created", "updated-files": JSON.stringify(["main.k"]) });

    const [pull] = fake.pulls("acme", "manifests-kcl");
    expect(pull).toMatchObject({ state: "open", merged: false, autoMerge: { mergeMethod: "squash" } });
    expect(await cloneMain("manifests-kcl")).toEqual(fixtures["manifests-kcl"]);

    await fake.completeAutoMerge("acme", "manifests-kcl", pull!.number);
    const expected = { ...fixtures["manifests-kcl"], "main.k": fixtures["manifests-kcl"]!["main.k"]!.replace(flaskOld, flaskNew) };
    expect(expected["main.k"]).not.toBe(fixtures["manifests-kcl"]!["main.k"]);
    expect(await cloneMain("manifests-kcl")).toEqual(expected);
  });

  it("Flux repo: merged at once when nothing is pending; the markers get what their policies allow", async () => {
    const event = fake.dispatches.find((d) => d.repo === "manifests-flux")!;
    const result = await promote(event, { delivery: "pull-request", merge: "auto" });
    expect(result.exitCode, result.stdout + result.stderr).toBe(0);
    expect(result.outputs["changed"]).toBe("true");
    expect(JSON.parse(result.outputs["updated-files"]!)).toEqual(["clusters/prod/app/helmrelease.yaml", "clusters/staging/app/deployment.yaml"]);
    expect(fake.pulls("acme", "manifests-flux")).toEqual([expect.objectContaining({ state: "closed", merged: true })]);

    const before = fixtures["manifests-flux"]!;
    const expected = {
      ...before,
      "clusters/staging/app/deployment.yaml": before["clusters/staging/app/deployment.yaml"]!.replace(
        'image: ghcr.io/acme/app:1.2.3 # {"$imagepolicy": "flux-system:app-staging"}',
        `image: ghcr.io/acme/app:1.3.0@${digest} # {"$imagepolicy": "flux-system:app-staging"}`,
      ),
      "clusters/prod/app/helmrelease.yaml": before["clusters/prod/app/helmrelease.yaml"]!.replace(
        'tag: "1.2.3" # {"$imagepolicy": "flux-system:app-prod:tag"}',
        'tag: "1.3.0" # {"$imagepolicy": "flux-system:app-prod:tag"}',
      ),
    };
    expect(await cloneMain("manifests-flux")).toEqual(expected);
  });

  it("a second delivery of the same event changes nothing", async () => {
    const event = fake.dispatches.find((d) => d.repo === "manifests-flux")!;
    const head = (await fake.refs("acme", "manifests-flux"))["refs/heads/main"];
    const result = await promote(event, { delivery: "pull-request", merge: "auto" });
    expect(result.exitCode).toBe(0);
    expect(result.outputs["changed"]).toBe("false");
    expect((await fake.refs("acme", "manifests-flux"))["refs/heads/main"]).toBe(head);
  });

  it("spoke GitHub's contract throughout", () => {
    expect(fake.violations).toEqual([]);
  });
});

describe("workflow_dispatch + wait: the app repo's step follows the manifests run", () => {
  const workflow = readFileSync("examples/workflows/manifests-repo.yml", "utf8");

  /** Plays the runner in the manifests repo: the started run is the update Action with the dispatched payload. */
  async function runStartedWorkflow(repo: string, inputs: Record<string, string>): Promise<ActionResult> {
    const deadline = Date.now() + 20_000;
    while (!fake.workflowDispatches.some((d) => d.repo === repo) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const started = fake.workflowDispatches.find((d) => d.repo === repo);
    if (started === undefined) {
      // What the sender did instead says why: another repository's dispatch, or its requests' answers.
      const dispatches = fake.workflowDispatches.map((d) => `${d.owner}/${d.repo} ${d.workflowId}@${d.ref}`);
      const calls = fake.calls.filter((c) => c.path.startsWith(`/repos/acme/${repo}/`)).map((c) => `${c.method} ${c.path} ${c.status}`);
      throw new Error(
        `no workflow_dispatch for acme/${repo} arrived in 20 s; dispatches received: ${dispatches.join(", ") || "none"}; requests for acme/${repo}: ${calls.join(", ") || "none"}`,
      );
    }
    fake.setWorkflowRun("acme", repo, started.runId, { status: "in_progress", conclusion: null });
    const workspace = await mkdtemp(join(scratch, `checkout-${repo}-`));
    await git("git", ["clone", "--quiet", fake.gitUrl("acme", repo), workspace]);
    const result = await runAction({
      actionDir: ".",
      github: fake,
      repository: `acme/${repo}`,
      eventName: "workflow_dispatch",
      event: { ref: `refs/heads/${started.ref}`, workflow: ".github/workflows/promote.yml", inputs: started.inputs },
      workspace,
      inputs,
    });
    fake.setWorkflowRun("acme", repo, started.runId, { status: "completed", conclusion: result.exitCode === 0 ? "success" : "failure" });
    return result;
  }

  function dispatchAndWait(repo: string): Promise<ActionResult> {
    return runAction({
      actionDir: "dispatch",
      github: fake,
      repository: "acme/app",
      inputs: { repository: `acme/${repo}`, images: "ghcr.io/acme/app:1.3.1", workflow: "promote.yml", wait: "true", "wait-timeout": "60" },
    });
  }

  it("succeeds when the promotion run succeeds, with the run's id and address", async () => {
    await fake.createRepo("acme", "manifests-wait", { ...fixtures["manifests-flux"], ".github/workflows/promote.yml": workflow });
    const [sender, run] = await Promise.all([dispatchAndWait("manifests-wait"), runStartedWorkflow("manifests-wait", { delivery: "push" })]);
    expect(run.exitCode, run.stdout).toBe(0);
    expect(sender.exitCode, sender.stdout).toBe(0);
    const runId = fake.workflowDispatches.find((d) => d.repo === "manifests-wait")!.runId;
    expect(sender.outputs).toMatchObject({
      "run-id": String(runId),
      "run-url": `${fake.url}/acme/manifests-wait/actions/runs/${runId}`,
      conclusion: "success",
    });
    expect(await fake.readFile("acme", "manifests-wait", "main", "clusters/prod/app/helmrelease.yaml")).toContain('tag: "1.3.1"');
  });

  it("fails when the promotion run fails", async () => {
    await fake.createRepo("acme", "manifests-wait-bad", { ...fixtures["manifests-flux"], ".github/workflows/promote.yml": workflow });
    const [sender, run] = await Promise.all([dispatchAndWait("manifests-wait-bad"), runStartedWorkflow("manifests-wait-bad", { delivery: "sideways" })]);
    expect(run.exitCode).toBe(1);
    expect(sender.exitCode).toBe(1);
    expect(sender.outputs["conclusion"]).toBe("failure");
    expect(sender.annotations.find((a) => a.level === "error")?.message).toMatch(/^acme\/manifests-wait-bad: run \d+ concluded "failure": http/);
  });

  it("spoke GitHub's contract throughout", () => {
    expect(fake.violations).toEqual([]);
  });
});
