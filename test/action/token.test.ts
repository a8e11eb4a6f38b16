import { describe, expect, it } from "vitest";
import { protectToken } from "../../src/action/token.js";
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
});
