import { describe, expect, it } from "vitest";
import { requestHost, unanswered, unansweredSaid } from "../../src/github/errors.js";

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
