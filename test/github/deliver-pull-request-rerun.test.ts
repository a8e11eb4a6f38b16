/**
 * A run whose values the open pull request, or the base, already holds still settles that pull
 * request: a rollback to the base's value undoes the pull request's newer one (closing it when
 * nothing else is left), and a re-run of the same promotion rebuilds it on a base that moved and
 * merges it, or stops its auto-merge, as what is on its branch now says.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createClient } from "../../src/github/client.js";
import { deliver, DeliveryError, type DeliveryContext, type DeliveryOptions, type DeliveryResult } from "../../src/github/deliver.js";
import { GitRepo, type Identity } from "../../src/github/git.js";
import { startFakeGitHub, type FakeGitHub } from "../support/github-fake.js";
import {
  apiCalls,
  checkout,
  checksPending,
  cloneRepo,
  deployment,
  mallory,
  OWNER,
  pausesOnClock,
  pushAsPerson,
  REPO,
  squashPullRequest,
  warningsOf,
} from "./fixture.js";

const APP = "ghcr.io/acme/app";
const API = "ghcr.io/acme/api";
const PR = "gitops-promote/release";
const request = (image: string) => ({ images: [image], setters: [], sets: [], paths: [] });
const pr = (merge: DeliveryOptions["merge"], more: Partial<DeliveryOptions> = {}) => squashPullRequest(PR, merge, more);

/** A promise and what settles it. */
function signal(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe("deliver: the open pull request when this run's values are already there", () => {
  let fake: FakeGitHub;
  let ctx: DeliveryContext;
  let person: GitRepo;
  beforeEach(async () => {
    fake = await startFakeGitHub();
    const { git } = await checkout(fake, { "app.yaml": deployment("app", `${APP}:1.0.0`), "api.yaml": deployment("api", `${API}:2.0.0`) });
    const client = createClient({ token: fake.token, baseUrl: fake.apiUrl });
    ctx = { git, remote: "origin", repository: { owner: OWNER, repo: REPO }, client: () => client, log: () => undefined, ...pausesOnClock() };
    person = new GitRepo(await cloneRepo(fake));
  });
  afterEach(() => fake.close());

  const pushToPr = (files: Record<string, string>, who = mallory) => pushAsPerson(person, PR, files, who);
  const pending = () => checksPending(fake);
  const url = () => `${fake.url}/${OWNER}/${REPO}/pull/1`;

  describe("a rollback to the base's value", () => {
    it("closes the pull request proposing the newer value, its auto-merge off, with a comment: it can no longer merge", async () => {
      pending();
      await deliver(ctx, request(`${APP}:1.1.0`), pr("auto"));
      expect(fake.pulls(OWNER, REPO)[0]!.autoMerge).not.toBeNull();

      const result = await deliver(ctx, request(`${APP}:1.0.0`), pr("auto"));
      const why = `${PR} no longer changes anything on main: main holds the values this run promotes, and nothing else is left on the branch`;
      expect(result.changed).toBe(false);
      expect(result.landings).toEqual([
        {
          mode: "pull-request",
          branch: PR,
          files: [],
          changes: [],
          // The head it closed at: the newer value's commit, still on the branch.
          head: fake.pulls(OWNER, REPO)[0]!.headSha,
          pullRequest: { number: 1, url: url(), nodeId: expect.any(String), operation: "closed", autoMerge: false },
          warnings: [{ message: `pull request #1 (${url()}) is closed: ${why}` }],
        },
      ]);
      const [pull] = fake.pulls(OWNER, REPO);
      expect(pull).toMatchObject({ state: "closed", merged: false, autoMerge: null, comments: [`Closed by gitops-promote: ${why}.`] });
      expect(await fake.readFile(OWNER, REPO, "main", "app.yaml")).toContain(`${APP}:1.0.0`);

      // The branch is a leftover now: the next promotion opens a new pull request.
      await deliver(ctx, request(`${APP}:1.2.0`), pr("none"));
      expect(fake.pulls(OWNER, REPO).map((p) => [p.number, p.state])).toEqual([
        [1, "closed"],
        [2, "open"],
      ]);
    });

    it("closes one whose value the base got another way", async () => {
      await deliver(ctx, request(`${APP}:1.1.0`), pr("none"));
      await fake.commitFile(OWNER, REPO, "main", "app.yaml", deployment("app", `${APP}:1.1.0`), "app 1.1.0 by hand");

      const result = await deliver(ctx, request(`${APP}:1.1.0`), pr("none"));
      expect(result.landings.map((l) => l.pullRequest?.operation)).toEqual(["closed"]);
      expect(fake.pulls(OWNER, REPO)[0]!.state).toBe("closed");
    });

    it("a branch that moves while the pull request is being closed is opened again and planned on again: no run's value is closed away unread", async () => {
      await deliver(ctx, request(`${APP}:1.1.0`), pr("none"));
      // A person's commit lands on the branch between this run's read of it and its close of the pull request.
      fake.inject({ operationId: "pulls/update", times: 1, beforeHandle: () => pushToPr({ "notes.yaml": "by: Mallory\n" }) });

      const result = await deliver(ctx, request(`${APP}:1.0.0`), pr("none"));
      expect(result.attempts).toBe(2);
      expect(result.landings.map((l) => l.pullRequest?.operation)).toEqual(["updated"]);
      expect(fake.pulls(OWNER, REPO)).toEqual([expect.objectContaining({ number: 1, state: "open" })]);
      expect(await fake.readFile(OWNER, REPO, PR, "notes.yaml")).toBe("by: Mallory\n");
      expect(await fake.readFile(OWNER, REPO, PR, "app.yaml")).toContain(`${APP}:1.0.0`);
    });

    it("a run that meets the pull request between that close and its reopen waits for the reopen: the value the branch moved with, reported landed, stays", async () => {
      const WEB = "ghcr.io/acme/web";
      await fake.commitFile(OWNER, REPO, "main", "web.yaml", deployment("web", `${WEB}:3.0.0`));
      await deliver(ctx, request(`${APP}:1.1.0`), pr("none"));
      const runOn = async (timing = pausesOnClock()): Promise<DeliveryContext> => ({
        ...ctx,
        git: new GitRepo(await cloneRepo(fake, { shallow: true })),
        ...timing,
      });
      const ePaused = signal();
      // E's pause ends once the rollback is done (it reopened the pull request and planned again).
      const [forD, forE] = [await runOn(), await runOn(pausesOnClock(async () => (ePaused.resolve(), void (await rollback.catch(() => {})))))];
      let d: Promise<DeliveryResult> | undefined;
      let e: Promise<DeliveryResult> | undefined;
      // Right before the rollback's close, D moves the branch and updates the pull request; right before its reopen, E looks.
      // GitHub's clock stands still from the close to the reopen, which follows it at once but for this test: E meets a
      // close made moments ago however long its clone and plan take here (a loaded machine has taken over 4 s).
      fake.inject({
        operationId: "pulls/update",
        beforeHandle: async () => {
          await (d = deliver(forD, request(`${API}:2.0.1`), pr("none")));
          const release = fake.holdClock();
          fake.inject({
            operationId: "pulls/update",
            beforeHandle: async () => {
              await Promise.race([ePaused.promise, (e = deliver(forE, request(`${WEB}:3.0.1`), pr("none")))]);
              release();
            },
          });
        },
      });
      const rollback = deliver(ctx, request(`${APP}:1.0.0`), pr("none"));
      await rollback;
      expect((await d!).landings.map((l) => [l.pullRequest?.number, l.pullRequest?.operation])).toEqual([[1, "updated"]]);
      expect((await e!).landings.map((l) => l.pullRequest?.number)).toEqual([1]);
      expect(fake.pulls(OWNER, REPO).map((p) => [p.number, p.state])).toEqual([[1, "open"]]);
      expect(await fake.readFile(OWNER, REPO, PR, "api.yaml")).toContain(`${API}:2.0.1`);
      expect(await fake.readFile(OWNER, REPO, PR, "web.yaml")).toContain(`${WEB}:3.0.1`);
      expect(await fake.readFile(OWNER, REPO, PR, "app.yaml")).toContain(`${APP}:1.0.0`);
    });

    it("a person's commits turn off an auto-merge an earlier run turned on, also in a run whose own merge is none", async () => {
      pending();
      await deliver(ctx, request(`${APP}:1.1.0`), pr("auto"));
      await pushToPr({ "notes.yaml": "by: Mallory\n" });

      const result = await deliver(ctx, request(`${APP}:1.2.0`), pr("none"));
      expect(result.landings.map((l) => [l.pullRequest?.operation, l.merge])).toEqual([["updated", "none"]]);
      expect(fake.pulls(OWNER, REPO)[0]).toMatchObject({ state: "open", autoMerge: null });
      expect(warningsOf(result)).toContainEqual(
        expect.stringMatching(/^pull request #1 is left open for review, and its auto-merge is turned off: .* holds commits by Mallory/),
      );
    });

    it("rebuilds a branch that holds more without the undone value; a person's commits there turn auto-merge off", async () => {
      pending();
      await deliver(ctx, request(`${APP}:1.1.0`), pr("auto"));
      await pushToPr({ "notes.yaml": "by: Mallory\n" });

      const result = await deliver(ctx, request(`${APP}:1.0.0`), pr("auto"));
      expect(result.changed).toBe(false);
      expect(result.landings.map((l) => [l.pullRequest?.operation, l.merge])).toEqual([["updated", "none"]]);
      expect(await fake.readFile(OWNER, REPO, PR, "app.yaml")).toContain(`${APP}:1.0.0`);
      expect(await fake.readFile(OWNER, REPO, PR, "notes.yaml")).toBe("by: Mallory\n");
      const [pull] = fake.pulls(OWNER, REPO);
      expect(pull).toMatchObject({ state: "open", autoMerge: null });
      expect(pull!.body).not.toContain("app.yaml:");
      expect(warningsOf(result)).toEqual([
        `app.yaml: ${PR} no longer changes this file: main holds the value this run sets, so the pull request's earlier change to it is undone`,
        `pull request #1 is left open for review, and its auto-merge is turned off: ${PR} holds commits by Mallory, and gitops-promote merges only what it pushed itself; merge it yourself, or close it to start afresh`,
      ]);
    });

    it("keeps another image's change and the auto-merge of a branch that holds only ours", async () => {
      pending();
      await deliver(ctx, request(`${APP}:1.1.0`), pr("auto"));
      await deliver(ctx, request(`${API}:2.0.1`), pr("auto"));

      const result = await deliver(ctx, request(`${APP}:1.0.0`), pr("auto"));
      expect(result.landings.map((l) => [l.pullRequest?.operation, l.merge])).toEqual([["updated", "auto-merge"]]);
      const [pull] = fake.pulls(OWNER, REPO);
      expect(pull!.title).toBe(`chore(deploy): ${API} 2.0.0 -> 2.0.1`);
      await fake.completeAutoMerge(OWNER, REPO, 1);
      expect(await fake.readFile(OWNER, REPO, "main", "app.yaml")).toContain(`${APP}:1.0.0`);
      expect(await fake.readFile(OWNER, REPO, "main", "api.yaml")).toContain(`${API}:2.0.1`);
    });

    it("with no open pull request costs one lookup; with no pull-request delivery, none", async () => {
      const before = apiCalls(fake).length;
      const result = await deliver(ctx, request(`${APP}:1.0.0`), pr("auto"));
      expect(result.landings).toEqual([]);
      await deliver(ctx, request(`${APP}:1.0.0`), { ...pr("none"), mode: "push" });
      expect(
        apiCalls(fake)
          .slice(before)
          .map((c) => c.operationId),
      ).toEqual(["pulls/list"]);
    });
  });

  describe("a re-run of the promotion the open pull request carries", () => {
    it("turns an earlier auto-merge off once a person pushed to the branch", async () => {
      pending();
      await deliver(ctx, request(`${APP}:1.1.0`), pr("auto"));
      await pushToPr({ "notes.yaml": "by: Mallory\n" });

      const result = await deliver(ctx, request(`${APP}:1.1.0`), pr("auto"));
      expect(result.landings[0]!.pullRequest?.operation).toBe("none");
      expect(fake.pulls(OWNER, REPO)[0]!.autoMerge).toBeNull();
      expect(warningsOf(result)).toEqual([
        `${PR} already carries these values (or newer ones): pull request #1 (${url()}) is left as it is`,
        `pull request #1 is left open for review, and its auto-merge is turned off: ${PR} holds commits by Mallory, and gitops-promote merges only what it pushed itself; merge it yourself, or close it to start afresh`,
      ]);
    });

    it("merges it after an earlier run's merge was refused", async () => {
      fake.inject({ operationId: "pulls/merge", status: 403, body: { message: "Resource not accessible by integration" } });
      await expect(deliver(ctx, request(`${APP}:1.1.0`), pr("immediate"))).rejects.toBeInstanceOf(DeliveryError);
      expect(fake.pulls(OWNER, REPO)[0]!.state).toBe("open");

      const result = await deliver(ctx, request(`${APP}:1.1.0`), pr("immediate"));
      expect(result.landings.map((l) => [l.pullRequest?.operation, l.merge])).toEqual([["none", "merged"]]);
      expect(await fake.readFile(OWNER, REPO, "main", "app.yaml")).toContain(`${APP}:1.1.0`);
    });

    it("rebuilds it on a base that moved, keeping a person's commits", async () => {
      await deliver(ctx, request(`${APP}:1.1.0`), pr("none"));
      await pushToPr({ "notes.yaml": "by: Mallory\n" });
      const main = await fake.commitFile(OWNER, REPO, "main", "other.yaml", "x: 1\n");

      const result = await deliver(ctx, request(`${APP}:1.1.0`), pr("none"));
      expect(result.landings[0]!.pullRequest?.operation).toBe("updated");
      const [head] = await fake.log(OWNER, REPO, PR);
      expect(head!.parents).toEqual([main]);
      expect(await fake.readFile(OWNER, REPO, PR, "notes.yaml")).toBe("by: Mallory\n");
      expect(await fake.readFile(OWNER, REPO, PR, "app.yaml")).toContain(`${APP}:1.1.0`);
      expect(head!.message).toContain("Co-authored-by: Mallory <mallory@evil.test>");
    });
  });

  it("a person's commit on top of ours is theirs, also when written with the author input's identity", async () => {
    pending();
    const author: Identity = { name: "Alice", email: "alice@acme.test" };
    await deliver(ctx, request(`${APP}:1.1.0`), pr("auto", { author }));
    await pushToPr({ "extra.yaml": "by: Alice\n" }, author);

    const second = await deliver(ctx, request(`${APP}:1.2.0`), pr("auto", { author }));
    expect(second.landings[0]!.merge).toBe("none");
    expect(fake.pulls(OWNER, REPO)[0]!.autoMerge).toBeNull();
    expect((await fake.log(OWNER, REPO, PR))[0]!.message).toContain("Co-authored-by: Alice <alice@acme.test>");

    // Folded into our rebuild, credited there: still not ours to merge on the next run.
    const third = await deliver(ctx, request(`${APP}:1.3.0`), pr("auto", { author }));
    expect(third.landings[0]!.merge).toBe("none");
    expect(fake.pulls(OWNER, REPO)[0]!.autoMerge).toBeNull();
  });
});

describe("deliver: a rollback to the base's value, under a policy", () => {
  let fake: FakeGitHub;
  let ctx: DeliveryContext;
  beforeEach(async () => {
    fake = await startFakeGitHub();
    const config = `targets:\n  - name: release\n    paths: ["**"]\n    images: [{ repository: ${APP}, policy: { semver: { range: ">=1.0.0" } } }]\n`;
    const { git } = await checkout(fake, { "app.yaml": deployment("app", `${APP}:1.0.0`), ".github/gitops-promote.yaml": config });
    const client = createClient({ token: fake.token, baseUrl: fake.apiUrl });
    ctx = { git, remote: "origin", repository: { owner: OWNER, repo: REPO }, client: () => client, log: () => undefined, ...pausesOnClock() };
  });
  afterEach(() => fake.close());

  it("leaves the pull request's newer value, and says why", async () => {
    await deliver(ctx, request(`${APP}:1.1.0`), pr("none"));
    const result = await deliver(ctx, request(`${APP}:1.0.0`), pr("none"));
    expect(result.landings.map((l) => l.pullRequest?.operation)).toEqual(["none"]);
    expect(result.plan.warnings.map((w) => w.message)).toEqual([
      "spec.template.spec.containers[0].image keeps 1.1.0, which its policy (semver >=1.0.0) ranks above the incoming 1.0.0 (allow-downgrade sets it anyway)",
      `${PR} already carries these values (or newer ones): pull request #1 (${fake.url}/${OWNER}/${REPO}/pull/1) is left as it is`,
    ]);
    expect(fake.pulls(OWNER, REPO)[0]!.state).toBe("open");
    expect(await fake.readFile(OWNER, REPO, PR, "app.yaml")).toContain(`${APP}:1.1.0`);
  });
});
