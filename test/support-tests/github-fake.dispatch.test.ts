// Repository and workflow dispatches on the fake, with GitHub's validation, run details and old-GHES behaviour.
import { getOctokit } from "@actions/github";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeGitHub, type FakeGitHub } from "../support/github-fake.js";

let fake: FakeGitHub;
let octokit: ReturnType<typeof getOctokit>;
const owner = "acme";
const repo = "manifests";
const workflow = `name: promote
on:
  repository_dispatch:
    types: [image-published]
  workflow_dispatch:
    inputs:
      payload:
        required: true
      dry-run:
        default: "false"
jobs: {}
`;

beforeAll(async () => {
  fake = await startFakeGitHub();
  octokit = getOctokit(fake.token, { baseUrl: fake.apiUrl });
  await fake.createRepo(owner, repo, { ".github/workflows/promote.yaml": workflow, ".github/workflows/ci.yaml": "on: push\njobs: {}\n" });
});

afterAll(async () => {
  await fake.close();
});

const payload = { v: 1, images: ["ghcr.io/acme/app:1.2.3"], source: { repository: "acme/app", sha: "abc" } };

describe("repository_dispatch", () => {
  it("records the event and answers 204", async () => {
    const response = await octokit.rest.repos.createDispatchEvent({ owner, repo, event_type: "image-published", client_payload: payload });
    expect(response.status).toBe(204);
    expect(fake.dispatches).toEqual([{ owner, repo, eventType: "image-published", clientPayload: payload, token: fake.token }]);
  });

  it("answers 422 like GitHub for more than 10 client_payload keys or a bad event_type, and records nothing", async () => {
    const eleven = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, i]));
    await expect(octokit.rest.repos.createDispatchEvent({ owner, repo, event_type: "x", client_payload: eleven })).rejects.toMatchObject({
      status: 422,
      message: expect.stringContaining("No more than 10 properties are allowed; 11 were supplied."),
    });
    await expect(octokit.rest.repos.createDispatchEvent({ owner, repo, event_type: "" })).rejects.toMatchObject({ status: 422 });
    await expect(octokit.rest.repos.createDispatchEvent({ owner, repo, event_type: "e".repeat(101) })).rejects.toMatchObject({ status: 422 });
    expect(fake.dispatches).toHaveLength(1);
    expect(fake.takeViolations().map((v) => `${v.kind} ${v.operationId}`)).toEqual(Array(3).fill("request repos/create-dispatch-event"));
  });
});

describe("workflow_dispatch", () => {
  it("answers 204 without return_run_details and 200 with the run's id and URLs with it", async () => {
    const plain = await octokit.rest.actions.createWorkflowDispatch({
      owner,
      repo,
      workflow_id: "promote.yaml",
      ref: "main",
      inputs: { payload: JSON.stringify(payload) },
    });
    expect(plain.status).toBe(204);

    const detailed = await octokit.request("POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches", {
      owner,
      repo,
      workflow_id: "promote.yaml",
      ref: "main",
      inputs: { payload: "{}" },
      return_run_details: true,
    });
    expect(detailed.status).toBe(200);
    const details = detailed.data as { workflow_run_id: number; run_url: string; html_url: string };
    expect(details.run_url).toBe(`${fake.apiUrl}/repos/${owner}/${repo}/actions/runs/${details.workflow_run_id}`);
    expect(fake.workflowDispatches.map((d) => [d.workflowId, d.ref, d.returnRunDetails])).toEqual([
      ["promote.yaml", "main", undefined],
      ["promote.yaml", "main", true],
    ]);
    expect(fake.workflowDispatches[1]?.runId).toBe(details.workflow_run_id);
  });

  it("serves the run with the status and conclusion the test scripts", async () => {
    const runId = fake.workflowDispatches[1]?.runId ?? 0;
    const { data: queued } = await octokit.rest.actions.getWorkflowRun({ owner, repo, run_id: runId });
    expect(queued).toMatchObject({ id: runId, status: "queued", conclusion: null, event: "workflow_dispatch" });
    fake.setWorkflowRun(owner, repo, runId, { status: "completed", conclusion: "success" });
    const { data: done } = await octokit.rest.actions.getWorkflowRun({ owner, repo, run_id: runId });
    expect(done).toMatchObject({ status: "completed", conclusion: "success" });
  });

  it("refuses unknown workflows, workflows without workflow_dispatch, unknown refs and inputs like GitHub", async () => {
    const dispatch = (workflow_id: string, ref: string, inputs: Record<string, string>) =>
      octokit.rest.actions.createWorkflowDispatch({ owner, repo, workflow_id, ref, inputs });
    await expect(dispatch("missing.yaml", "main", {})).rejects.toMatchObject({ status: 404 });
    await expect(dispatch("ci.yaml", "main", {})).rejects.toMatchObject({
      status: 422,
      message: expect.stringContaining("does not have 'workflow_dispatch' trigger"),
    });
    await expect(dispatch("promote.yaml", "nope", { payload: "{}" })).rejects.toMatchObject({
      status: 422,
      message: expect.stringContaining("No ref found for: nope"),
    });
    await expect(dispatch("promote.yaml", "main", { payload: "{}", extra: "1" })).rejects.toMatchObject({
      status: 422,
      message: expect.stringContaining('Unexpected inputs provided: ["extra"]'),
    });
    await expect(dispatch("promote.yaml", "main", {})).rejects.toMatchObject({
      status: 422,
      message: expect.stringContaining("Required input 'payload' not provided"),
    });
    expect(fake.workflowDispatches).toHaveLength(2);
  });

  it("behaves like an old GHES that rejects return_run_details when asked to", async () => {
    const ghes = await startFakeGitHub({ workflowDispatchRunDetails: false });
    try {
      await ghes.createRepo(owner, repo, { ".github/workflows/promote.yaml": workflow });
      const client = getOctokit(ghes.token, { baseUrl: ghes.apiUrl });
      const route = "POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches";
      await expect(
        client.request(route, { owner, repo, workflow_id: "promote.yaml", ref: "main", inputs: { payload: "{}" }, return_run_details: true }),
      ).rejects.toMatchObject({
        status: 422,
        message: expect.stringContaining("return_run_details"),
      });
      const retried = await client.request(route, { owner, repo, workflow_id: "promote.yaml", ref: "main", inputs: { payload: "{}" } });
      expect(retried.status).toBe(204);
      expect(ghes.workflowDispatches).toHaveLength(1);
      expect(ghes.violations).toEqual([]);
    } finally {
      await ghes.close();
    }
  });
});

describe("contract", () => {
  it("sent and received only bodies that fit GitHub's OpenAPI description", () => {
    expect(fake.violations).toEqual([]);
  });
});
