import { describe, expect, it } from "vitest";
import { explainFailure, type FailureContext } from "../../../src/action/update/failure.js";
import { BranchReplaceRefusedError } from "../../../src/github/commit.js";
import { DeliveryError } from "../../../src/github/deliver.js";
import { GitError } from "../../../src/github/git.js";

const at: FailureContext = { repository: { owner: "acme", repo: "manifests" }, workflowRepository: "acme/app", tokenGiven: true, tokenLent: false };

/** An error shaped as Octokit's: a status and the request it answers. */
function octokitError(status: number | undefined, message: string, request: Record<string, unknown>): Error {
  return Object.assign(new Error(message), { ...(status !== undefined && { status }), request });
}

describe("explaining a failed update run", () => {
  it("names the operation by its path on GitHub Enterprise Server too, with the ref Octokit escapes", () => {
    const error = octokitError(422, "Repository rule violations found", {
      method: "PATCH",
      url: "https://ghe.acme.test/api/v3/repos/acme/manifests/git/refs/heads%2Frelease%2F1",
    });
    expect(explainFailure(error, at)).toMatch(
      /^moving branch release\/1 in acme\/manifests \(PATCH \/repos\/acme\/manifests\/git\/refs\/heads\/release\/1\) failed: 422 Repository rule violations found\nrelease\/1 is protected/,
    );
  });

  it("names a GraphQL operation by the query's field", () => {
    const query = "mutation($input: UpdateRefsInput!) { updateRefs(input: $input) { clientMutationId } }";
    const error = octokitError(403, "Resource not accessible by integration", {
      method: "POST",
      url: "https://api.github.com/graphql",
      body: JSON.stringify({ query }),
    });
    expect(explainFailure(error, at)).toMatch(/^moving a branch in acme\/manifests \(POST \/graphql\) failed: 403 .*\n.*`permissions: contents: write`/);
  });

  it("finds GitHub's answer inside an error that wraps it: a merge the token may not make", () => {
    const answer = octokitError(403, "Resource not accessible by integration", {
      method: "PUT",
      url: "https://api.github.com/repos/acme/manifests/pulls/7/merge",
    });
    const error = new Error("could not merge pull request #7: Resource not accessible by integration", { cause: answer });
    expect(explainFailure(error, at)).toMatch(
      /^merging pull request #7 in acme\/manifests \(PUT \/repos\/acme\/manifests\/pulls\/7\/merge\) failed: 403 could not merge pull request #7: .*\n.*`permissions: contents: write`/,
    );
  });

  it("finds git's answer inside a delivery that landed in part: a pull-request branch a ruleset refuses", () => {
    const refused = new GitError(
      ["push", "--quiet", "--porcelain", "origin", "abc:refs/heads/gitops-promote/app"],
      "remote: error: GH013: Repository rule violations found for refs/heads/gitops-promote/app.",
      1,
    );
    expect(explainFailure(new DeliveryError([], refused), at)).toMatch(
      /^pushing to origin \(git push\) failed: remote: error: GH013: .*\ngit sent the credentials .*\ngitops-promote\/app is the pull request's branch.*Exempt `gitops-promote\/\*\*`/,
    );
  });

  it("auto-merge refused on a base without protection rules is not told as a protected branch", () => {
    const query = "mutation($id: ID!) { enablePullRequestAutoMerge(input: { pullRequestId: $id }) { pullRequest { number } } }";
    const answer = octokitError(undefined, "Pull request Protected branch rules not configured for this branch", {
      method: "POST",
      url: "https://api.github.com/graphql",
      body: JSON.stringify({ query }),
    });
    const error = new Error(
      "GitHub refused auto-merge for pull request #3: Pull request Protected branch rules not configured for this branch. Allow auto-merge in the repository settings and protect the base branch with required checks, or use merge: immediate.",
      { cause: answer },
    );
    const told = explainFailure(error, at);
    expect(told).toContain("or use merge: immediate.");
    expect(told).not.toContain("is protected");
    expect(told).not.toContain("Deliver through a pull request instead");
  });

  it("a ruleset refusing to replace the pull-request branch through the API: names it, says every run replaces it, and does not advise a pull request", () => {
    const query = "mutation($input: UpdateRefsInput!) { updateRefs(input: $input) { clientMutationId } }";
    const answer = octokitError(undefined, "Repository rule violations found\n\nCannot force-push to this branch", {
      method: "POST",
      url: "https://api.github.com/graphql",
      body: JSON.stringify({ query }),
    });
    const explained = (branch: string) => explainFailure(new DeliveryError([], new BranchReplaceRefusedError(branch, answer)), at) ?? "";
    const [head, advice] = explained("promote/app")
      .split("\n")
      .filter((line) => line !== "" && !line.startsWith("Cannot"));
    expect(head).toBe("moving a branch in acme/manifests (POST /graphql) failed: GitHub refused to replace promote/app: Repository rule violations found");
    expect(advice).toBe(
      "promote/app is the pull request's branch, and a branch protection or ruleset on it does not take this commit from the token's actor: " +
        "every run replaces that branch (a force push), rebuilding it on the base as one commit. " +
        'Exempt `promote/app` (the pr-branch) from the rule that refuses it ("Block force pushes", "Restrict updates"), ' +
        "or put the token's actor on the ruleset's bypass list (a GitHub App).",
    );
    expect(explained("gitops-promote/app")).toContain("Exempt `gitops-promote/**` from the rule");
    expect(explained("gitops-promote/app")).not.toContain("Deliver through a pull request");
  });

  it.each([
    ["a secondary rate limit, told by its message", 403, "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.", {}],
    ["a primary rate limit, told by its headers", 403, "Forbidden", { "x-ratelimit-remaining": "0", "x-ratelimit-reset": "1700000000" }],
    ["a 429 with retry-after", 429, "Too Many Requests", { "retry-after": "600" }],
  ])("%s: advises waiting or spreading runs out, not a permission", (_, status, message, headers) => {
    const error = Object.assign(octokitError(status, message, { method: "POST", url: "https://api.github.com/repos/acme/manifests/git/commits" }), {
      response: { status, headers, data: { message } },
    });
    const explained = explainFailure(error, at);
    expect(explained).toMatch(new RegExp(`^creating the commit in acme/manifests \\(POST /repos/acme/manifests/git/commits\\) failed: ${status} `));
    expect(explained).toMatch(/\nGitHub rate-limited the token, .*Re-run the job later, or spread the runs out/);
    expect(explained).not.toMatch(/permissions:/);
  });

  it("a 403 without a rate limit is still told as a missing permission", () => {
    const error = Object.assign(
      octokitError(403, "Resource not accessible by integration", { method: "POST", url: "https://api.github.com/repos/acme/manifests/git/commits" }),
      {
        response: { status: 403, headers: { "x-ratelimit-remaining": "4999" }, data: {} },
      },
    );
    expect(explainFailure(error, at)).toMatch(/\nThe token may read acme\/manifests but not write to it: .*`permissions: contents: write`/);
  });

  it("a GraphQL error has no HTTP status: the message follows the operation, with no status before it", () => {
    const query = "mutation($input: EnablePullRequestAutoMergeInput!) { enablePullRequestAutoMerge(input: $input) { clientMutationId } }";
    const answer = octokitError(undefined, "Request failed due to following response errors:\n - Auto merge is not allowed for this repository", {
      method: "POST",
      url: "https://api.github.com/graphql",
      body: JSON.stringify({ query }),
    });
    const error = new Error(`GitHub refused auto-merge for pull request #1: ${answer.message}`, { cause: answer });
    expect(explainFailure(error, at)).toBe(
      "enabling auto-merge in acme/manifests (POST /graphql) failed: GitHub refused auto-merge for pull request #1: Request failed due to following response errors:\n" +
        " - Auto merge is not allowed for this repository",
    );
  });

  it("keeps a request this project does not name as its method and path", () => {
    const error = octokitError(500, "Server Error", { method: "GET", url: "https://api.github.com/rate_limit" });
    expect(explainFailure(error, at)).toBe("GET /rate_limit failed: 500 Server Error");
  });

  it("a push a protected branch refuses (GH006) names the branch", () => {
    const error = new GitError(
      ["push", "--quiet", "--porcelain", "origin", "abc:refs/heads/main"],
      "remote: error: GH006: Protected branch update failed for refs/heads/main.",
      1,
    );
    expect(explainFailure(error, at)).toMatch(
      /^pushing to origin \(git push\) failed: remote: error: GH006: .*\ngit sent the credentials .*\nmain is protected/,
    );
  });

  it("a git push refused 403 says whose credentials git sent before asking for contents: write", () => {
    const error = new GitError(
      ["push", "--quiet", "--porcelain", "--no-verify", "origin", "abc:refs/heads/main"],
      "remote: Permission to acme/manifests.git denied to github-actions[bot].\nfatal: unable to access 'https://github.com/acme/manifests/': The requested URL returned error: 403",
      128,
    );
    // The line before the advice, and the advice's opening.
    const told = (context: FailureContext) => {
      const [credentials, advice] = explainFailure(error, context)!.split("\n").slice(-2);
      return [
        credentials,
        advice?.replace(/^(The token may read acme\/manifests but not write to it: the workflow or job needs `permissions: contents: write`).*/, "$1"),
      ];
    };
    const advice = "The token may read acme/manifests but not write to it: the workflow or job needs `permissions: contents: write`";
    // The checkout's read-only GITHUB_TOKEN, though this step's token may write.
    expect(told(at)).toEqual([
      "git sent the credentials actions/checkout left (its `token` input), not this step's `token`: give actions/checkout the same token, " +
        "or set its `persist-credentials: false` so that this step lends git its own.",
      advice,
    ]);
    expect(told({ ...at, tokenLent: true })).toEqual(["git sent this step's `token` (actions/checkout kept no credentials).", advice]);
    expect(told({ ...at, tokenGiven: false })).toEqual(["git sent the credentials actions/checkout left (its `token` input).", advice]);
  });

  it("names a partial clone's fetch of the blobs it lacks as the fetch it is, past the setting before it", () => {
    const error = new GitError(
      ["-c", "fetch.negotiationAlgorithm=noop", "fetch", "--filter=blob:none", "--stdin", "origin"],
      "fatal: could not read Username for 'https://github.com': terminal prompts disabled",
      128,
    );
    expect(explainFailure(error, { ...at, tokenGiven: false })).toMatch(
      /^fetching from origin \(git fetch\) failed: fatal: could not read Username.*\ngit has no credentials for origin: /,
    );
  });

  it("git without credentials: says the checkout kept none and the token input is empty", () => {
    const error = new GitError(
      ["ls-remote", "--symref", "origin", "HEAD"],
      "fatal: could not read Username for 'https://github.com': terminal prompts disabled",
      128,
    );
    expect(explainFailure(error, { ...at, tokenGiven: false })).toMatch(
      /\ngit has no credentials for origin: .*persist-credentials: false.*input token is empty/,
    );
  });

  it("git asking for a user name with a token given: says git had no credentials for origin, not that GitHub refused the token", () => {
    const error = new GitError(
      ["ls-remote", "--symref", "origin", "HEAD"],
      "fatal: could not read Username for 'https://ghe.example.com': terminal prompts disabled",
      128,
    );
    const notLent = explainFailure(error, at)!;
    expect(notLent).toMatch(
      /\ngit has no credentials for origin, and this step did not lend it its token: .*no http\.extraheader that applies to it.*persist-credentials: true/,
    );
    expect(notLent).not.toMatch(/does not accept the token/);
    const lent = explainFailure(error, { ...at, tokenLent: true })!;
    expect(lent).toMatch(/\ngit has no credentials for origin: this step lent it its token .* and git did not send it: /);
    expect(lent).not.toMatch(/does not accept the token/);
  });

  it("git whose credentials GitHub refuses: says the token is not accepted", () => {
    const error = new GitError(
      ["push", "origin", "abc:refs/heads/main"],
      "remote: Invalid username or password.\nfatal: Authentication failed for 'https://github.com/acme/manifests/'",
      128,
    );
    expect(explainFailure(error, at)).toMatch(/\nGitHub does not accept the token: /);
  });

  it("a request that got no answer (a proxy refused the tunnel) says so with the proxy's words, not as GitHub's 500", () => {
    const proxy = Object.assign(new Error("Proxy response (407) !== 200 when HTTP Tunneling"), { name: "AbortError" });
    const fetchFailed = new TypeError("fetch failed", { cause: new Error("Request was cancelled.", { cause: proxy }) });
    const error = Object.assign(
      octokitError(500, "Request was cancelled.", { method: "POST", url: "https://ghe.example.com/api/v3/repos/acme/manifests/git/trees" }),
      {
        cause: fetchFailed,
      },
    );
    expect(explainFailure(error, at)).toMatch(
      /^creating the commit's tree in acme\/manifests \(POST \/repos\/acme\/manifests\/git\/trees\) failed: no response from ghe\.example\.com: Proxy response \(407\) !== 200 when HTTP Tunneling\. .*HTTPS_PROXY/,
    );
  });

  it("leaves other errors to be told as they are", () => {
    expect(explainFailure(new Error("branch main does not exist on origin"), at)).toBeUndefined();
  });
});
