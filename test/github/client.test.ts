import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient } from "../../src/github/client.js";
import { startFakeGitHub, type FakeGitHub } from "../support/github-fake.js";

const OWNER = "acme";
const REPO = "retries";

describe("the GitHub client: bounded retries of what GitHub calls transient", () => {
  let fake: FakeGitHub;
  const logged: string[] = [];
  const client = () => createClient({ token: fake.token, baseUrl: fake.apiUrl, log: (m) => logged.push(m) });
  const getRef = () => client().rest.git.getRef({ owner: OWNER, repo: REPO, ref: "heads/main" });
  const path = `/repos/${OWNER}/${REPO}/git/ref/heads/main`;

  beforeAll(async () => {
    fake = await startFakeGitHub();
    await fake.createRepo(OWNER, REPO, { "a.yaml": "a: 1\n" });
  });
  afterAll(() => fake.close());

  it.each([500, 502])("retries a %i and succeeds", async (status) => {
    const fault = fake.inject({ path, status });
    expect((await getRef()).status).toBe(200);
    expect(fault.hits).toBe(1);
  });

  it("retries a dropped connection", async () => {
    const fault = fake.inject({ path, reset: true });
    expect((await getRef()).status).toBe(200);
    expect(fault.hits).toBe(1);
  });

  it("waits what retry-after says on a secondary rate limit (403), then retries", async () => {
    const fault = fake.inject({ path, status: 403, headers: { "retry-after": "1" } });
    const started = Date.now();
    expect((await getRef()).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(fault.hits).toBe(1);
    expect(logged.some((m) => /secondary rate limit .* retrying after 1s/.test(m))).toBe(true);
  });

  it("retries a rate limit as often as rateLimitRetries says, then gives up with GitHub's answer", async () => {
    const fault = fake.inject({ path, status: 403, headers: { "retry-after": "1" }, times: 5 });
    const seen: string[] = [];
    const twice = createClient({ token: fake.token, baseUrl: fake.apiUrl, rateLimitRetries: 2, log: (m) => seen.push(m) });
    const answer = twice.rest.git.getRef({ owner: OWNER, repo: REPO, ref: "heads/main" });
    await expect(answer.finally(() => fault.cancel())).rejects.toMatchObject({ status: 403 });
    expect(fault.hits).toBe(3);
    expect(seen.map((m) => m.replace(/^.*: /, ""))).toEqual(["retrying after 1s", "retrying after 1s", "giving up"]);
  });

  it("gives up at once on a rate limit that asks for a longer wait than maxRateLimitWait, rather than sit idle", async () => {
    const fault = fake.inject({ path, status: 403, headers: { "retry-after": "2" }, times: 5 });
    const seen: string[] = [];
    const impatient = createClient({ token: fake.token, baseUrl: fake.apiUrl, maxRateLimitWait: 1, log: (m) => seen.push(m) });
    const answer = impatient.rest.git.getRef({ owner: OWNER, repo: REPO, ref: "heads/main" });
    await expect(answer.finally(() => fault.cancel())).rejects.toMatchObject({ status: 403 });
    expect(fault.hits).toBe(1);
    expect(seen).toEqual([expect.stringMatching(/^secondary rate limit on GET .*: giving up$/)]);
  });

  it("retries a 429", async () => {
    const fault = fake.inject({ path, status: 429, headers: { "retry-after": "1" } });
    expect((await getRef()).status).toBe(200);
    expect(fault.hits).toBe(1);
  });

  it("gives up after a bounded number of failures with GitHub's error", async () => {
    const fault = fake.inject({ path, status: 502, times: 10 });
    const fast = createClient({ token: fake.token, baseUrl: fake.apiUrl, retries: 1 });
    await expect(fast.rest.git.getRef({ owner: OWNER, repo: REPO, ref: "heads/main" })).rejects.toMatchObject({ status: 502 });
    expect(fault.hits).toBe(2);
    fault.cancel();
  });

  it("does not retry what a retry cannot fix (422)", async () => {
    const fault = fake.inject({ path, status: 422, body: { message: "Validation Failed", documentation_url: "https://docs.github.com" }, times: 5 });
    await expect(getRef()).rejects.toMatchObject({ status: 422 });
    expect(fault.hits).toBe(1);
    fault.cancel();
  });

  it("abandons an attempt that does not answer in time and retries it", async () => {
    let answer = () => undefined as void;
    const fault = fake.inject({ path, beforeHandle: () => new Promise<void>((resolve) => (answer = resolve)) });
    const timed = createClient({ token: fake.token, baseUrl: fake.apiUrl, requestTimeout: 300 });
    // The first attempt is answered only after the reply is in hand: the reply is the retry's, so the attempt was abandoned.
    const reply = await timed.rest.git.getRef({ owner: OWNER, repo: REPO, ref: "heads/main" });
    answer();
    expect(reply.status).toBe(200);
    expect(fault.hits).toBe(1);
  });

  it.each([
    [405, "Pull Request is not mergeable"],
    [409, "Head branch was modified. Review and try the merge again."],
  ])("leaves a merge refused with %i to the caller, which knows whether to try again", async (status, message) => {
    const fault = fake.inject({ operationId: "pulls/merge", status, body: { message, documentation_url: "https://docs.github.com/rest" }, times: 5 });
    await expect(client().rest.pulls.merge({ owner: OWNER, repo: REPO, pull_number: 1 })).rejects.toMatchObject({ status });
    expect(fault.hits).toBe(1);
    fault.cancel();
  });

  it("leaves no contract violation behind", () => {
    expect(fake.violations).toEqual([]);
  });
});
