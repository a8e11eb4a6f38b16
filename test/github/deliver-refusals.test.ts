/**
 * Refusals that no retry changes: GitHub refuses them for what the token may do or what the
 * branch's rules ask, not for a race. The run asks once, fails, and says what to change.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { explainFailure } from "../../src/action/update/failure.js";
import { createClient } from "../../src/github/client.js";
import { deliver, type DeliveryContext, type DeliveryOptions } from "../../src/github/deliver.js";
import type { FakeGitHub } from "../support/github-fake.js";
import { APP, appManifests, checksPending, OWNER, REPO, squashPullRequest } from "./fixture.js";

const request = (version: string) => ({ images: [`${APP}:${version}`], setters: [], sets: [], paths: [] });
const at = { repository: { owner: OWNER, repo: REPO }, workflowRepository: `${OWNER}/${REPO}`, tokenGiven: true, tokenLent: false };
const PR = "promote/app";
const push = (commitVia: "api" | "git"): DeliveryOptions => ({ ...squashPullRequest(PR, "none", { commitVia }), mode: "push" });

let fake: FakeGitHub;
let ctx: DeliveryContext;
beforeEach(async () => {
  ({ fake, ctx } = await appManifests(["prod"]));
});
afterEach(() => fake.close());

/** The run's failure, told as the Action tells it: what failed, then what to change. */
async function failure(options: DeliveryOptions, version = "1.1.0", on: DeliveryContext = ctx): Promise<string[]> {
  const error: unknown = await deliver(on, request(version), options).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Error);
  return explainFailure(error, at)!.split("\n");
}

const asked = (operationId: string) => fake.calls.filter((c) => c.operationId === operationId).length;

describe("deliver: a pull-request branch rebuilt on a base whose workflows changed, by a token without the Workflows permission", () => {
  beforeEach(async () => {
    // GITHUB_TOKEN, or an App token asked without permission-workflows.
    fake.setPermissions({ workflows: "none" });
    await deliver(ctx, request("1.1.0"), squashPullRequest(PR, "none"));
    await fake.commitFile(OWNER, REPO, "main", ".github/workflows/ci.yml", "on: pull_request\n");
  });

  it("through the API: GitHub refuses the replacement once, and the run says to grant Workflows or start the pull request afresh", async () => {
    const before = (await fake.refs(OWNER, REPO))[`refs/heads/${PR}`];
    const [head, advice] = await failure(squashPullRequest(PR, "none"), "1.2.0");
    expect(head).toBe(
      `moving a branch in acme/manifests (POST /graphql) failed: GitHub refused to replace ${PR}: Request failed due to following response errors:`,
    );
    expect(advice).toBe(" - refusing to allow a GitHub App to create or update workflow .github/workflows/ci.yml without workflows permission");
    const said = explainFailure(await deliver(ctx, request("1.2.0"), squashPullRequest(PR, "none")).catch((e: unknown) => e), at)!;
    expect(said).toMatch(/GitHub refuses any update of promote\/app that creates, changes or deletes a file under \.github\/workflows\//);
    expect(said).toMatch(/give the App "Workflows: Read and write" and ask for it \(`permission-workflows: write` with actions\/create-github-app-token\)/);
    expect(said).toMatch(/GITHUB_TOKEN can never have it: close the pull request and delete promote\/app, and the next run opens a fresh one from the base\.$/);
    // Refused for what the token may do, not for a race: one updateRefs per run, the branch as it was.
    expect(fake.calls.filter((c) => c.operationId === "graphql" && JSON.stringify(c.body).includes("updateRefs"))).toHaveLength(2);
    expect((await fake.refs(OWNER, REPO))[`refs/heads/${PR}`]).toBe(before);
  });

  it("through git: the push is refused, and the run says the same", async () => {
    const explained = (await failure(squashPullRequest(PR, "none", { commitVia: "git" }), "1.2.0")).join("\n");
    expect(explained).toMatch(
      /^pushing to origin \(git push\) failed: .*refusing to allow a GitHub App to create or update workflow `\.github\/workflows\/ci\.yml`/s,
    );
    expect(explained).toMatch(/give the App "Workflows: Read and write"/);
    expect(explained).toMatch(/\ngit sent the credentials actions\/checkout left \(its `token` input\), not this step's `token`: /);
  });

  it.each(["api", "git"] as const)("through %s, an App token granted Workflows rebuilds the branch on the base, its workflow included", async (commitVia) => {
    fake.setPermissions({ workflows: "write" });
    await deliver(ctx, request("1.2.0"), squashPullRequest(PR, "none", { commitVia }));
    expect(await fake.readFile(OWNER, REPO, PR, "prod/app.yaml")).toContain(`${APP}:1.2.0`);
    expect(await fake.readFile(OWNER, REPO, PR, ".github/workflows/ci.yml")).toBe("on: pull_request\n");
  });
});

describe("deliver: team reviewers with a token that cannot read the organisation's teams", () => {
  it("GitHub's 'Could not resolve to a node' for a team is not waited out: asked once, and the run says which permission reads teams", async () => {
    fake.setPermissions({ members: "none" });
    const [head, advice] = await failure(squashPullRequest(PR, "none", { reviewers: ["acme/platform"] }));
    expect(head).toMatch(
      /^requesting reviews of pull request #1 in acme\/manifests \(POST \/repos\/acme\/manifests\/pulls\/1\/requested_reviewers\) failed: 422 pull request #1 is open .*, but its labels, assignees or reviewers were refused: Validation Failed: "Could not resolve to a node with the global id of 'T_/,
    );
    expect(advice).toMatch(
      /^GitHub could not find a team of team-reviewers with this token: .*GITHUB_TOKEN has no organisation permissions and cannot request teams/,
    );
    expect(advice).toMatch(/"Members: Read-only" \(`permission-members: read` with actions\/create-github-app-token\)/);
    expect(asked("pulls/request-reviewers")).toBe(1);
    expect(fake.pulls(OWNER, REPO)).toMatchObject([{ number: 1, state: "open", teamReviewers: [] }]);
  });

  it("with Members: read the team's review is requested", async () => {
    await deliver(ctx, request("1.1.0"), squashPullRequest(PR, "none", { reviewers: ["acme/platform"] }));
    expect(fake.pulls(OWNER, REPO)).toMatchObject([{ number: 1, teamReviewers: ["platform"] }]);
  });
});

describe("deliver: a protected base branch", () => {
  it.each([
    [{ requirePullRequest: true }, "Changes must be made through a pull request."],
    [{ requiredChecks: ["ci"] }, 'Required status check "ci" is expected.'],
    [{ requiredChecks: ["ci", "lint"] }, "2 of 2 required status checks are expected."],
  ])("push through the API to a base protected by %j: refused once, told to deliver through a pull request", async (protection, wording) => {
    fake.protect(OWNER, REPO, "main", protection);
    const [head, advice] = await failure(push("api"));
    expect(head).toMatch(`moving branch main in acme/manifests (PATCH /repos/acme/manifests/git/refs/heads/main) failed: 422 ${wording}`);
    expect(advice).toMatch(/^main is protected \(branch protection or a ruleset\) .*Deliver through a pull request instead/);
    expect(asked("git/update-ref")).toBe(1);
  });

  it("push through git: GitHub's GH006, told to deliver through a pull request", async () => {
    fake.protect(OWNER, REPO, "main", { requirePullRequest: true });
    const explained = (await failure(push("git"))).join("\n");
    expect(explained).toMatch(/GH006: Protected branch update failed for refs\/heads\/main\.\s+remote: error: Changes must be made through a pull request\./);
    expect(explained).toMatch(/\nmain is protected .*Deliver through a pull request instead/);
  });

  it("merge: immediate into a base that requires a review: GitHub's 405 is told at once, with merge: auto as the way", async () => {
    fake.protect(OWNER, REPO, "main", { requiredReviews: 1 });
    const [head, advice] = await failure(squashPullRequest(PR, "immediate"));
    expect(head).toMatch(
      /^merging pull request #1 in acme\/manifests \(PUT \/repos\/acme\/manifests\/pulls\/1\/merge\) failed: 405 .*At least 1 approving review is required/,
    );
    expect(advice).toMatch(/^The base branch's protection holds the merge back .*use `merge: auto`/);
    expect(asked("pulls/merge")).toBe(1);
    expect(fake.pulls(OWNER, REPO)).toMatchObject([{ number: 1, state: "open", merged: false }]);
  });

  it("merge: auto into a base that requires a review: GitHub holds the pull request (BLOCKED), auto-merge waits, and merges once the review is in", async () => {
    fake.protect(OWNER, REPO, "main", { requiredReviews: 1 });
    await deliver(ctx, request("1.1.0"), squashPullRequest(PR, "auto"));
    expect(fake.pulls(OWNER, REPO)).toMatchObject([{ number: 1, state: "open", merged: false, autoMerge: { mergeMethod: "squash" } }]);
    expect(asked("pulls/merge")).toBe(0);
    await fake.completeAutoMerge(OWNER, REPO, 1);
    expect(fake.pulls(OWNER, REPO)).toMatchObject([{ number: 1, state: "closed", merged: true }]);
    expect(await fake.readFile(OWNER, REPO, "main", "prod/app.yaml")).toContain(`${APP}:1.1.0`);
  });
});

describe("deliver: a token without the permissions an operation needs", () => {
  it("opening the pull request without Pull requests: write names that permission", async () => {
    fake.setPermissions({ "pull-requests": "read" });
    const [head, advice] = await failure(squashPullRequest(PR, "none"));
    expect(head).toMatch(
      /^opening the pull request in acme\/manifests \(POST \/repos\/acme\/manifests\/pulls\) failed: 403 Resource not accessible by integration/,
    );
    expect(advice).toMatch(/needs `permissions: pull-requests: write` \(and `contents: write` for the commits\)/);
    // No stray branch without its pull request.
    expect(Object.keys(await fake.refs(OWNER, REPO))).toEqual(["refs/heads/main"]);
  });

  it("auto-merge needs Contents: write as well as Pull requests: write, and the advice names both", async () => {
    checksPending(fake);
    await deliver(ctx, request("1.1.0"), squashPullRequest(PR, "none"));
    const reviewer = "ghs_pullrequestsonly";
    fake.addToken(reviewer);
    fake.setPermissions({ contents: "read" }, reviewer);
    const client = createClient({ token: reviewer, baseUrl: fake.apiUrl });
    const [head, advice] = await failure(squashPullRequest(PR, "auto"), "1.1.0", { ...ctx, client: () => client });
    expect(head).toBe("enabling auto-merge in acme/manifests (POST /graphql) failed: Request failed due to following response errors:");
    expect(advice).toBe(" - Resource not accessible by integration");
    const said = explainFailure(await deliver({ ...ctx, client: () => client }, request("1.1.0"), squashPullRequest(PR, "auto")).catch((e: unknown) => e), at)!;
    expect(said).toMatch(/needs `permissions:` `contents: write` and `pull-requests: write`, both\./);
  });
});
