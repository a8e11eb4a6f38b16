// Fault injection on the fake: server errors, rate limits, dropped connections and races staged between two calls.
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { getOctokit } from "@actions/github";
import { retry } from "@octokit/plugin-retry";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeGitHub, type FakeGitHub } from "../support/github-fake.js";

const exec = promisify(execFile);
let fake: FakeGitHub;
let octokit: ReturnType<typeof getOctokit>;
const owner = "acme";
const repo = "manifests";

beforeAll(async () => {
  fake = await startFakeGitHub();
  octokit = getOctokit(fake.token, { baseUrl: fake.apiUrl });
  await fake.createRepo(owner, repo, { "app.yaml": "tag: 1.0.0\n" });
});

afterAll(async () => {
  await fake.close();
});

async function failure(promise: Promise<unknown>): Promise<{ status?: number; message: string; headers?: Record<string, string> }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { status?: number; message: string; response?: { headers: Record<string, string> } };
    return { status: e.status, message: e.message, headers: e.response?.headers };
  }
  throw new Error("expected the call to fail");
}

describe("fault injection", () => {
  it("answers 500 and 502 for the given number of matching calls, then serves normally", async () => {
    const fault = fake.inject({ method: "GET", path: "/git/ref/", times: 2, status: 500 });
    fake.inject({ operationId: "repos/get", status: 502 });
    expect((await failure(octokit.rest.git.getRef({ owner, repo, ref: "heads/main" }))).status).toBe(500);
    expect((await failure(octokit.rest.git.getRef({ owner, repo, ref: "heads/main" }))).status).toBe(500);
    expect((await octokit.rest.git.getRef({ owner, repo, ref: "heads/main" })).status).toBe(200);
    expect(fault.hits).toBe(2);
    expect((await failure(octokit.rest.repos.get({ owner, repo }))).status).toBe(502);
    expect((await octokit.rest.repos.get({ owner, repo })).status).toBe(200);
    expect(fake.calls.filter((c) => c.fault).map((c) => `${c.status} ${c.operationId}`)).toEqual(["500 git/get-ref", "500 git/get-ref", "502 repos/get"]);
  });

  it("lets a real retry plugin recover from a transient 500, and the calls show the retry", async () => {
    const retrying = getOctokit(fake.token, { baseUrl: fake.apiUrl, request: { retries: 2, retryAfter: 0 } }, retry);
    const before = fake.calls.length;
    fake.inject({ operationId: "git/get-ref", status: 500 });
    expect((await retrying.rest.git.getRef({ owner, repo, ref: "heads/main" })).status).toBe(200);
    expect(fake.calls.slice(before).map((c) => c.status)).toEqual([500, 200]);
  });

  it("answers 403/429 with GitHub's rate-limit messages and the headers given", async () => {
    fake.inject({ operationId: "repos/get", status: 403, headers: { "retry-after": "1" } });
    const secondary = await failure(octokit.rest.repos.get({ owner, repo }));
    expect(secondary).toMatchObject({ status: 403, message: expect.stringContaining("secondary rate limit") });
    expect(secondary.headers?.["retry-after"]).toBe("1");

    fake.inject({ operationId: "repos/get", status: 429, headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": "1999999999" } });
    const primary = await failure(octokit.rest.repos.get({ owner, repo }));
    expect(primary).toMatchObject({ status: 429, message: expect.stringContaining("API rate limit exceeded") });
    expect(primary.headers?.["x-ratelimit-remaining"]).toBe("0");
  });

  it("drops the connection when asked to reset", async () => {
    fake.inject({ operationId: "repos/get", reset: true });
    const dropped = await failure(octokit.rest.repos.get({ owner, repo }));
    expect(dropped.status).toBe(500);
    expect(dropped.message).toMatch(/fetch failed|socket|other side closed/i);
  });

  it("runs beforeHandle between a client's read and its write, staging a lost race", async () => {
    const { data: ref } = await octokit.rest.git.getRef({ owner, repo, ref: "heads/main" });
    const { data: tree } = await octokit.rest.git.createTree({
      owner,
      repo,
      base_tree: ref.object.sha,
      tree: [{ path: "app.yaml", mode: "100644", type: "blob", content: "tag: 2.0.0\n" }],
    });
    const { data: commit } = await octokit.rest.git.createCommit({ owner, repo, message: "bump", tree: tree.sha, parents: [ref.object.sha] });
    fake.inject({
      method: "PATCH",
      path: /\/git\/refs\/heads\/main$/,
      beforeHandle: () => fake.commitFile(owner, repo, "main", "app.yaml", "tag: 1.5.0\n").then(() => undefined),
    });
    expect((await failure(octokit.rest.git.updateRef({ owner, repo, ref: "heads/main", sha: commit.sha }))).status).toBe(422);
    expect(await fake.readFile(owner, repo, "main", "app.yaml")).toBe("tag: 1.5.0\n");
  });

  it("applies to GraphQL and git smart HTTP too", async () => {
    fake.inject({ path: "/graphql", status: 502 });
    expect((await failure(octokit.graphql("query { viewer { login } }"))).status).toBe(502);

    const work = await mkdtemp(join(tmpdir(), "fake-gh-fault-"));
    try {
      fake.inject({ path: /\.git\/info\/refs$/, status: 500 });
      await expect(
        exec("git", ["clone", "--quiet", fake.gitUrl(owner, repo), join(work, "c")], { env: { ...process.env, GIT_TERMINAL_PROMPT: "0" } }),
      ).rejects.toThrow(/500/);
      await exec("git", ["clone", "--quiet", fake.gitUrl(owner, repo), join(work, "c")]);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});

describe("contract", () => {
  it("sent and received only bodies that fit GitHub's OpenAPI description", () => {
    expect(fake.violations).toEqual([]);
  });
});
