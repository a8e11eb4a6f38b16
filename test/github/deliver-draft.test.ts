/**
 * A draft pull request with a merge asked for: GitHub merges no draft and turns auto-merge on for
 * none. The run opens the draft, which is left open, and fails saying what to do; once a person
 * marks it ready for review, the next run merges it as asked.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { explainFailure } from "../../src/action/update/failure.js";
import { createClient } from "../../src/github/client.js";
import { deliver, DeliveryError, type DeliveryContext } from "../../src/github/deliver.js";
import type { FakeGitHub } from "../support/github-fake.js";
import { APP, appManifests, checksPending, OWNER, REPO, squashPullRequest } from "./fixture.js";

const request = { images: [`${APP}:1.1.0`], setters: [], sets: [], paths: [] };
const at = { repository: { owner: OWNER, repo: REPO }, workflowRepository: `${OWNER}/${REPO}`, tokenGiven: true, tokenLent: false };
const draft = (merge: "auto" | "immediate") => squashPullRequest("promote/app", merge, { draft: true });

describe("deliver: a draft pull request with merge auto or immediate", () => {
  let fake: FakeGitHub;
  let ctx: DeliveryContext;
  beforeEach(async () => {
    ({ fake, ctx } = await appManifests(["prod"]));
  });
  afterEach(() => fake.close());

  /** The run's failure: a DeliveryError, since the draft it opened landed. */
  async function failure(merge: "auto" | "immediate"): Promise<DeliveryError> {
    const error: unknown = await deliver(ctx, request, draft(merge)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DeliveryError);
    return error as DeliveryError;
  }

  it("merge: auto: the draft is opened and left open; GitHub's refusal is told with what to do; marked ready, the next run turns auto-merge on", async () => {
    // Required checks pending: once GitHub allows auto-merge, it waits for them rather than merging at once.
    checksPending(fake);
    const error = await failure("auto");
    expect(error.landings.map((l) => [l.pullRequest?.number, l.pullRequest?.operation, l.branch])).toEqual([[1, "created", "promote/app"]]);
    expect(fake.pulls(OWNER, REPO)).toMatchObject([{ number: 1, state: "open", draft: true, autoMerge: null }]);
    const [head, advice] = explainFailure(error, at)!.split("\n - ")[1]!.split("\n");
    expect(head).toBe("Pull request is in draft state");
    expect(advice).toMatch(/^GitHub merges no draft pull request and turns auto-merge on for none: .*Mark it ready for review and re-run the job/);

    // A person marks it ready for review: the re-run finds its values there and turns auto-merge on.
    const client = createClient({ token: fake.token, baseUrl: fake.apiUrl });
    const id = fake.pulls(OWNER, REPO)[0]!.nodeId;
    await client.graphql(`mutation($id: ID!) { markPullRequestReadyForReview(input: { pullRequestId: $id }) { clientMutationId } }`, { id });
    const rerun = await deliver(ctx, request, draft("auto"));
    expect(rerun.landings.map((l) => [l.pullRequest?.number, l.merge])).toEqual([[1, "auto-merge"]]);
    expect(fake.pulls(OWNER, REPO)).toMatchObject([{ number: 1, draft: false, autoMerge: { mergeMethod: "squash" } }]);
  });

  it("merge: immediate: GitHub refuses the merge at once, told with the same advice", async () => {
    const error = await failure("immediate");
    expect(fake.pulls(OWNER, REPO)).toMatchObject([{ number: 1, state: "open", draft: true, merged: false }]);
    const explained = explainFailure(error, at)!.split("\n");
    expect(explained[0]).toMatch(
      /^merging pull request #1 in acme\/manifests \(PUT \/repos\/acme\/manifests\/pulls\/1\/merge\) failed: 405 .*Pull Request is still a draft/,
    );
    expect(explained[1]).toMatch(/^GitHub merges no draft pull request/);
    // Refused for what the pull request is, not for a race: asked once, not retried.
    expect(fake.calls.filter((c) => c.operationId === "pulls/merge")).toHaveLength(1);
  });
});
