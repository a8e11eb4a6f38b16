import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createClient } from "../../src/github/client.js";
import { deliver, type DeliveryContext, type DeliveryOptions } from "../../src/github/deliver.js";
import { startFakeGitHub, type FakeGitHub } from "../support/github-fake.js";
import { checkout, deployment, OWNER, REPO } from "./fixture.js";

const APP = "ghcr.io/acme/app";
const request = (image: string) => ({ images: [image], setters: [], sets: [], paths: [] });
const push: DeliveryOptions = { mode: "push", labels: [], reviewers: [], merge: "none", mergeMethod: "merge", commitVia: "api", dryRun: false };

describe("deliver: optimistic concurrency", () => {
  let fake: FakeGitHub;
  let ctx: DeliveryContext;
  let logged: string[];
  let pauses: number[];
  beforeEach(async () => {
    logged = [];
    pauses = [];
    fake = await startFakeGitHub();
    const { git } = await checkout(fake, { "app.yaml": deployment("app", `${APP}:1.0.0`) });
    const client = createClient({ token: fake.token, baseUrl: fake.apiUrl });
    ctx = {
      git,
      remote: "origin",
      repository: { owner: OWNER, repo: REPO },
      client: () => client,
      log: (m) => logged.push(m),
      sleep: async (ms) => void pauses.push(ms),
    };
  });
  afterEach(() => fake.close());

  /** Someone else commits to main right before each of our ref updates (or pushes). */
  const keepMovingMain = (operationId: string, path?: string) => {
    let n = 0;
    return fake.inject({
      ...(path ? { path } : { operationId }),
      times: 100,
      beforeHandle: async () => void (await fake.commitFile(OWNER, REPO, "main", `other-${n++}.yaml`, "x: 1\n")),
    });
  };

  it("gives up after the bounded number of attempts with a clear error, having forced nothing", async () => {
    keepMovingMain("git/update-ref");
    await expect(deliver(ctx, request(`${APP}:1.1.0`), { ...push, maxAttempts: 3 })).rejects.toThrow(/gave up after 3 attempts: main kept moving/);
    expect(await fake.readFile(OWNER, REPO, "main", "app.yaml")).toContain(`${APP}:1.0.0`);
    const log = await fake.log(OWNER, REPO, "main");
    expect(log).toHaveLength(4); // the initial commit and the three that beat us
    expect(log.some((c) => c.message.startsWith("chore(deploy)"))).toBe(false);
    expect(fake.calls.filter((c) => c.operationId === "git/update-ref").every((c) => (c.body as { force?: boolean }).force === false)).toBe(true);
    expect(pauses).toHaveLength(2);
    expect(logged.filter((m) => /moved while committing/.test(m))).toHaveLength(2);
  });

  it("backs off with growing, jittered pauses and lands once the branch holds still", async () => {
    const fault = keepMovingMain("git/update-ref");
    let calls = 0;
    const stop = fake.inject({ operationId: "git/create-tree", times: 100, beforeHandle: () => void (++calls === 4 && fault.cancel()) });
    const result = await deliver(ctx, request(`${APP}:1.1.0`), { ...push, maxAttempts: 10 });
    stop.cancel();
    expect(result.attempts).toBe(4);
    expect(pauses).toHaveLength(3);
    expect(pauses.every((p, i) => p >= 0 && p <= 250 * 2 ** i)).toBe(true);
    const log = await fake.log(OWNER, REPO, "main");
    expect(log[0]!.sha).toBe(result.landings[0]!.commit);
    expect(log[0]!.parents).toEqual([log[1]!.sha]);
    expect(await fake.readFile(OWNER, REPO, "main", "app.yaml")).toContain(`${APP}:1.1.0`);
  });

  it("commit-via git: a rejected push is planned again on the new head", async () => {
    let moved = false;
    fake.inject({
      path: /git-receive-pack$/,
      times: 1,
      beforeHandle: async () => void (moved = !!(await fake.commitFile(OWNER, REPO, "main", "other.yaml", "x: 1\n"))),
    });
    const result = await deliver(ctx, request(`${APP}:1.1.0`), { ...push, commitVia: "git" });
    expect(moved).toBe(true);
    expect(result.attempts).toBe(2);
    expect(await fake.readFile(OWNER, REPO, "main", "other.yaml")).toBe("x: 1\n");
    expect(await fake.readFile(OWNER, REPO, "main", "app.yaml")).toContain(`${APP}:1.1.0`);
    expect(fake.calls.filter((c) => c.operationId !== "git")).toEqual([]);
  });
});
