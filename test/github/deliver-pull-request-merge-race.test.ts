/**
 * The merge step meets GitHub a moment behind or ahead of what the run read: a pull request that
 * still shows its old head right after our push (GitHub moves it in the background), and an
 * auto-merge that someone turned off, or that merged or closed the pull request, before this run
 * turned it off.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createClient, type GitHubClient } from "../../src/github/client.js";
import { deliver, type DeliveryContext, type DeliveryOptions } from "../../src/github/deliver.js";
import { GitRepo } from "../../src/github/git.js";
import { disableAutoMerge } from "../../src/github/merge.js";
import { startFakeGitHub, type FakeGitHub, type FakeGitHubOptions } from "../support/github-fake.js";
import { checkout, checksPending, cloneRepo, deployment, mallory, OWNER, pausesOnClock, pushAsPerson, REPO, squashPullRequest, warningsOf } from "./fixture.js";

const APP = "ghcr.io/acme/app";
const PR = "gitops-promote/release";
const request = (tag: string) => ({ images: [`${APP}:${tag}`], setters: [], sets: [], paths: [] });
const pr = (merge: DeliveryOptions["merge"]) => squashPullRequest(PR, merge);

describe("deliver: merging a pull request GitHub sees a moment late or early", () => {
  let fake: FakeGitHub;
  let ctx: DeliveryContext;
  afterEach(() => fake.close());

  let client: GitHubClient;
  async function manifests(options: FakeGitHubOptions = {}): Promise<void> {
    fake = await startFakeGitHub(options);
    const { git } = await checkout(fake, { "app.yaml": deployment("app", `${APP}:1.0.0`) });
    client = createClient({ token: fake.token, baseUrl: fake.apiUrl });
    ctx = { git, remote: "origin", repository: { owner: OWNER, repo: REPO }, client: () => client, log: () => undefined, ...pausesOnClock() };
  }
  /** Runs `meanwhile` once, just before the run asks GitHub to turn the pull request's auto-merge off. */
  function beforeTurnedOff(meanwhile: () => Promise<unknown>): void {
    let done = false;
    client.hook.before("request", async (options) => {
      if (done || !String(options.query ?? "").includes("disablePullRequestAutoMerge")) return;
      done = true;
      await meanwhile();
    });
  }
  const statuses = (operationId: string) => fake.calls.filter((c) => c.operationId === operationId).map((c) => c.status);
  const enableAnswers = () =>
    fake.calls
      .filter((c) => JSON.stringify(c.body ?? null).includes("enablePullRequestAutoMerge"))
      .map((c) => /"message":"([^"]*)"/.exec(JSON.stringify(c.response))?.[1] ?? "enabled");

  describe("the pull request still shows its old head right after our push", () => {
    // GitHub's answer to our update is the first look at the moved branch: it and the next request show the old head.
    const lag = { headLag: { requests: 2 } };

    it("merge: immediate is refused 'Head branch was modified' (409): the run plans again and merges the head it pushed", async () => {
      await manifests(lag);
      await deliver(ctx, request("1.1.0"), pr("none"));
      const result = await deliver(ctx, request("1.2.0"), pr("immediate"));
      expect(statuses("pulls/merge")).toEqual([409, 200]);
      expect(result.attempts).toBe(2);
      expect(result.landings.at(-1)).toMatchObject({ merge: "merged" });
      expect(fake.pulls(OWNER, REPO)).toMatchObject([{ number: 1, merged: true }]);
      expect(await fake.readFile(OWNER, REPO, "main", "app.yaml")).toContain(`${APP}:1.2.0`);
      expect(fake.violations).toEqual([]);
    });

    it("merge: auto is refused the same way: the run plans again and turns auto-merge on for the head it pushed", async () => {
      await manifests(lag);
      checksPending(fake);
      await deliver(ctx, request("1.1.0"), pr("none"));
      const result = await deliver(ctx, request("1.2.0"), pr("auto"));
      expect(enableAnswers()).toEqual(["Head branch was modified. Review and try the merge again.", "enabled"]);
      expect(result.attempts).toBe(2);
      expect(result.landings.at(-1)).toMatchObject({ merge: "auto-merge" });
      await fake.completeAutoMerge(OWNER, REPO, 1);
      expect(await fake.readFile(OWNER, REPO, "main", "app.yaml")).toContain(`${APP}:1.2.0`);
      expect(fake.violations).toEqual([]);
    });
  });

  describe("an auto-merge an earlier run turned on, on a branch a person pushed to since", () => {
    /** Auto-merge on for 1.1.0, then Mallory's commit on the branch: the next run turns auto-merge off. */
    async function personPushedAfterAutoMerge(): Promise<void> {
      await manifests();
      const pending = checksPending(fake);
      await deliver(ctx, request("1.1.0"), pr("auto"));
      pending.cancel();
      expect(fake.pulls(OWNER, REPO)[0]!.autoMerge).not.toBeNull();
      await pushAsPerson(new GitRepo(await cloneRepo(fake)), PR, { "notes.yaml": "by: Mallory\n" }, mallory);
    }

    it("someone turned it off first: GitHub's refusal is no failure, the pull request is left for review", async () => {
      await personPushedAfterAutoMerge();
      const someone = createClient({ token: fake.token, baseUrl: fake.apiUrl });
      beforeTurnedOff(() => disableAutoMerge(someone, fake.pulls(OWNER, REPO)[0]!));
      const result = await deliver(ctx, request("1.2.0"), pr("auto"));
      expect(result.landings[0]!.merge).toBe("none");
      expect(fake.pulls(OWNER, REPO)[0]).toMatchObject({ state: "open", autoMerge: null });
      expect(warningsOf(result)).toEqual([
        `pull request #1 is left open for review, and its auto-merge is turned off: ${PR} holds commits by Mallory, and gitops-promote merges only what it pushed itself; merge it yourself, or close it to start afresh`,
      ]);
      expect(fake.violations).toEqual([]);
    });

    it("it merged the pull request first, at the head this run pushed: reported merged, with the person's commits named", async () => {
      await personPushedAfterAutoMerge();
      beforeTurnedOff(() => fake.completeAutoMerge(OWNER, REPO, 1));
      const result = await deliver(ctx, request("1.2.0"), pr("auto"));
      expect(result.landings[0]!.merge).toBe("merged");
      expect(fake.pulls(OWNER, REPO)[0]).toMatchObject({ merged: true, headSha: result.landings[0]!.commit });
      expect(warningsOf(result)).toEqual([
        `pull request #1 was merged by the auto-merge an earlier run turned on, before this run could turn it off: ${PR} held commits by Mallory, merged with it`,
      ]);
      expect(fake.violations).toEqual([]);
    });
  });

  it("a pull request closed before the run that closes it (it changes nothing any more) turned its auto-merge off: the run plans again, and leaves it closed", async () => {
    await manifests();
    const pending = checksPending(fake);
    await deliver(ctx, request("1.1.0"), pr("auto"));
    pending.cancel();
    const person = createClient({ token: fake.token, baseUrl: fake.apiUrl });
    beforeTurnedOff(() => person.rest.pulls.update({ owner: OWNER, repo: REPO, pull_number: 1, state: "closed" }));

    const rollback = await deliver(ctx, request("1.0.0"), pr("auto"));
    expect(rollback.attempts).toBe(2);
    expect(rollback.landings).toEqual([]);
    expect(fake.pulls(OWNER, REPO)).toMatchObject([{ number: 1, state: "closed", merged: false, comments: [] }]);
    expect(fake.violations).toEqual([]);
  });
});
