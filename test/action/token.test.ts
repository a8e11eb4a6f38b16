import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/action/input-error.js";
import { protectToken, requireToken, tokenInput, tokenIssue } from "../../src/action/token.js";
import { basicCredential } from "../../src/github/git.js";

describe("protectToken", () => {
  it("registers the token and the Basic credential git is lent as secrets", () => {
    const secrets: string[] = [];
    protectToken("ghs_abc123", (s) => secrets.push(s));
    expect(secrets).toEqual(["ghs_abc123", basicCredential("ghs_abc123")]);
  });

  it("scrubs every form of the token and URL credentials from a message", () => {
    const redact = protectToken("ghs_abc123", () => undefined);
    expect(redact(`Bad credentials ghs_abc123 (AUTHORIZATION: basic ${basicCredential("ghs_abc123")})`)).toBe("Bad credentials *** (AUTHORIZATION: basic ***)");
    expect(redact("fatal: unable to access 'https://x-access-token:ghp_other@github.example/acme/m.git/'")).toBe(
      "fatal: unable to access 'https://***@github.example/acme/m.git/'",
    );
    expect(redact("git@github.com:acme/m.git and acme/m@sha256:1234")).toBe("git@github.com:acme/m.git and acme/m@sha256:1234");
  });

  it("an empty token registers nothing and leaves messages alone", () => {
    const secrets: string[] = [];
    expect(protectToken("", (s) => secrets.push(s))("no token here")).toBe("no token here");
    expect(secrets).toEqual([]);
  });

  it("scrubs URL credentials exactly as the regex /([a-z][a-z0-9+.-]*:\\/\\/)[^/@\\s]+@/gi did, which is quadratic on long text", () => {
    const redact = protectToken("", () => undefined);
    const regex = (text: string) => text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/@\s]+@/gi, "$1***@");
    const pieces = ["a", "Z", "9", "+", ".", "-", ":", "/", "://", "@", " ", "\n", "\u00a0", "user:pw", "é", "https://", "x@"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const text = parts.join("");
        expect(redact(text)).toBe(regex(text));
      }),
      { numRuns: 2000 },
    );
  });

  it("reads 64 KB of an image name's letters, of schemes and of credentials in one pass", () => {
    const redact = protectToken("", () => undefined);
    const letters = "a".repeat(64 * 1024);
    expect(redact(letters)).toBe(letters);
    expect(redact("a://".repeat(16 * 1024))).toBe("a://".repeat(16 * 1024));
    expect(redact(`${"a".repeat(32 * 1024)}://${"u".repeat(32 * 1024)}@github.com`)).toBe(`${"a".repeat(32 * 1024)}://***@github.com`);
    expect(redact("https://u:p@x ".repeat(4 * 1024))).toBe("https://***@x ".repeat(4 * 1024));
  });
});

describe("the token input, one check for both Actions", () => {
  const use = { calls: "this run calls the GitHub API", withoutIt: "Leave `token` out to use GITHUB_TOKEN." };

  it("passes a token", () => {
    for (const token of ["ghs_abc123", "github_pat_11AAAA_bbbb", "ghp_x", "0123456789abcdef0123456789abcdef01234567"]) {
      expect(requireToken(token, use)).toBe(token);
      expect(tokenInput(token)).toBe(token);
    }
  });

  it("refuses an empty token with its likely causes, in the words README's Troubleshooting quotes", () => {
    expect(() => requireToken("", use)).toThrow(InputError);
    expect(() => requireToken("", use)).toThrow(
      /^input token is empty, and this run calls the GitHub API\. Most often .*misspelt.*skipped.*Leave `token` out to use GITHUB_TOKEN\.$/,
    );
    // Where no API call is made, an empty token is no error.
    expect(tokenInput("")).toBe("");
  });

  it("refuses, without quoting it, a token of several lines (a private key) or with a space or a control character", () => {
    const key = "-----BEGIN RSA PRIVATE KEY-----\nMIIEsecret\r\n-----END RSA PRIVATE KEY-----";
    expect(() => tokenInput(key)).toThrow(/^input token holds a line break, and a token is one line\. .*not the App's private key$/);
    expect(() => requireToken(key, use)).toThrow(/^input token holds a line break/);
    for (const token of ["Bearer ghs_abc", "ghs_abc\tx", "ghs_abc\u0000", "ghs_é"]) {
      expect(tokenIssue(token)).toMatch(/^holds a space or a character outside printable ASCII/);
    }
    expect(tokenIssue(key)).not.toContain("MIIE");
    expect(tokenIssue("ghs_abc")).toBeUndefined();
  });
});
