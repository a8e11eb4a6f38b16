import { describe, expect, it } from "vitest";
import { PROTECTION_REFUSED, refusedForGood, requestPurpose, requestHost, unanswered, unansweredSaid, whenVisible } from "../../src/github/errors.js";

/** An Octokit error for a request that got no answer: status 500, no response, what failed as its cause. */
function noAnswer(message: string, cause: Error): Error {
  return Object.assign(new Error(message, { cause }), { status: 500, request: { method: "GET", url: "https://ghe.example.com/api/v3/repos/acme/manifests" } });
}

describe("a GitHub request that got no answer", () => {
  it("is told by its host and the deepest cause: the proxy's 407 three causes down, not 'Request was cancelled.'", () => {
    const proxy = Object.assign(new Error("Proxy response (407) !== 200 when HTTP Tunneling"), { name: "AbortError" });
    const error = noAnswer("Request was cancelled.", new TypeError("fetch failed", { cause: new Error("Request was cancelled.", { cause: proxy }) }));
    expect(unanswered(error)).toEqual({ host: "ghe.example.com", reason: "Proxy response (407) !== 200 when HTTP Tunneling" });
  });

  it("names an error's code where its message does not (an untrusted certificate)", () => {
    const tls = Object.assign(new Error("unable to verify the first certificate"), { code: "UNABLE_TO_VERIFY_LEAF_SIGNATURE" });
    const error = noAnswer("unable to verify the first certificate", new TypeError("fetch failed", { cause: tls }));
    const lost = unanswered(error)!;
    expect(lost.reason).toBe("unable to verify the first certificate (UNABLE_TO_VERIFY_LEAF_SIGNATURE)");
    expect(unansweredSaid(lost)).toMatch(/^no response from ghe\.example\.com: unable to verify .*HTTPS_PROXY .*NO_PROXY.*NODE_EXTRA_CA_CERTS/);
  });

  it("reads as one line where the cause's message has several (OpenSSL's)", () => {
    const tls = Object.assign(new Error("40CD1317:error:0A00010B:SSL routines:tls_validate_record_header:wrong version number:\n"), {
      code: "ERR_SSL_WRONG_VERSION_NUMBER",
    });
    expect(unanswered(noAnswer("fetch failed", tls))?.reason).toBe(
      "40CD1317:error:0A00010B:SSL routines:tls_validate_record_header:wrong version number: (ERR_SSL_WRONG_VERSION_NUMBER)",
    );
  });

  it("is not an answer of GitHub's, whatever its status, nor an error without a request", () => {
    const answered = Object.assign(new Error("Server Error"), { status: 500, request: { url: "https://api.github.com/x" }, response: { status: 500 } });
    expect(unanswered(answered)).toBeUndefined();
    const made = Object.assign(new Error("Server Error"), { status: 500, request: { url: "https://api.github.com/x" } });
    expect(unanswered(made)).toBeUndefined();
    expect(unanswered(new Error("fetch failed", { cause: new Error("x") }))).toBeUndefined();
    expect(requestHost({ request: { url: "http://127.0.0.1:8080/api/v3/x" } })).toBe("127.0.0.1:8080");
  });
});

describe("GitHub's refusals no retry changes", () => {
  it.each([
    "Changes must be made through a pull request.",
    'Required status check "ci" is expected.',
    "4 of 4 required status checks are expected.",
    "At least 1 approving review is required by reviewers with write access.",
    "At least 2 approving reviews are required by reviewers with write access.",
    "You're not authorized to push to this branch. Visit https://docs.github.com/… for more information.",
    "GH006: Protected branch update failed for refs/heads/main.",
    "Repository rule violations found\n\nCannot force-push to this branch",
  ])("a protection's or a ruleset's: %s", (message) => {
    expect(PROTECTION_REFUSED.test(message)).toBe(true);
    expect(refusedForGood(new Error(message))).toBe(true);
  });

  it.each([
    "refusing to allow a GitHub App to create or update workflow `.github/workflows/ci.yml` without `workflows` permission",
    "refusing to allow a Personal Access Token to create or update workflow `.github/workflows/ci.yml` without `workflow` scope",
  ])("a workflow change the token may not make: %s", (message) => {
    expect(refusedForGood(new Error(message))).toBe(true);
  });

  it("not auto-merge's refusal on a base without protection rules, nor a race", () => {
    expect(refusedForGood(new Error("Pull request Protected branch rules not configured for this branch"))).toBe(false);
    expect(refusedForGood(new Error("Update is not a fast forward"))).toBe(false);
  });
});

describe("whenVisible", () => {
  it("waits for a node GitHub has not caught up with, but not for a team the token cannot see", async () => {
    let calls = 0;
    const unseen = (id: string) => () => {
      calls++;
      return Promise.reject(new Error(`Validation Failed: "Could not resolve to a node with the global id of '${id}'"`));
    };
    await expect(whenVisible(unseen("T_kwDOAbc"), 4, 1)).rejects.toThrow(/T_kwDOAbc/);
    expect(calls).toBe(1);
    calls = 0;
    await expect(whenVisible(unseen("PR_kwDOAbc"), 4, 1)).rejects.toThrow(/PR_kwDOAbc/);
    expect(calls).toBe(4);
  });
});

describe("requestPurpose", () => {
  it.each([
    [
      { method: "POST", path: "/graphql", field: "enablePullRequestAutoMerge" },
      { what: "enabling auto-merge", permissions: ["contents", "pull-requests"] },
    ],
    [
      { method: "POST", path: "/graphql", field: "repository" },
      { what: "reading the repository's id", permissions: ["contents"] },
    ],
    [
      { method: "POST", path: "/repos/acme/manifests/issues/7/comments" },
      { what: "commenting on pull request #7", permissions: ["pull-requests"] },
    ],
    [
      { method: "GET", path: "/repos/acme/manifests/pulls/7" },
      { what: "reading pull request #7", permissions: ["pull-requests"] },
    ],
    [
      { method: "GET", path: "/repos/acme/manifests/compare/abc...def" },
      { what: "comparing commits", permissions: ["contents"] },
    ],
  ])("%j is %j", (request, purpose) => {
    expect(requestPurpose(request)).toEqual(purpose);
  });
});
