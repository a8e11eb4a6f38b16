import { describe, expect, it } from "vitest";
import { requestedBy } from "../../src/github/requested-by.js";

const sha = "0123456789abcdef0123456789abcdef01234567";
const run_url = "https://github.com/acme/app/actions/runs/42";

describe("the line that links a pull request back to the build that asked for it", () => {
  it("names the commit as GitHub's own owner/name@sha reference, which GitHub links on its server, links the run, and names the actor", () => {
    expect(requestedBy({ repository: "acme/app", sha, ref: "refs/tags/v1.3.0", run_url, actor: "alice" })).toBe(
      `Requested by acme/app@${sha} ([run](${run_url})) by \`@alice\``,
    );
    // The commit is never linked on the run URL's host, which the payload chooses.
    expect(requestedBy({ repository: "acme/app", sha, run_url: "https://evil.example/acme/app/actions/runs/7" })).toBe(
      `Requested by acme/app@${sha} ([run](https://evil.example/acme/app/actions/runs/7))`,
    );
  });

  it("says what it knows", () => {
    expect(requestedBy({ repository: "acme/app", sha, actor: "github-actions[bot]" })).toBe(`Requested by acme/app@${sha} by \`@github-actions[bot]\``);
    expect(requestedBy({ repository: "acme/app" })).toBe("Requested by acme/app");
    expect(requestedBy({ run_url })).toBe(`Requested by [a run](${run_url})`);
    expect(requestedBy({ actor: "alice" })).toBe("Requested by `@alice`");
    expect(requestedBy({ ref: "refs/heads/main" })).toBeUndefined();
    expect(requestedBy({})).toBeUndefined();
    expect(requestedBy(undefined)).toBeUndefined();
  });

  it("keeps a payload's text inside the link: characters that would end it are encoded, a field not of its form is left out", () => {
    // A run URL the payload's validation accepts (http(s), no whitespace) that tries to close the link and open another.
    expect(requestedBy({ run_url: "https://example.com/x)[y](javascript:alert(1)" })).toBe(
      "Requested by [a run](https://example.com/x%29%5By%5D%28javascript:alert%281%29)",
    );
    expect(requestedBy({ repository: "acme/app](https://evil.example)", sha: "not-a-sha)", run_url: "javascript:alert(1)", actor: "@x y" })).toBeUndefined();
    expect(requestedBy({ repository: "acme/app", sha: "zz)", run_url })).toBe(`Requested by acme/app ([run](${run_url}))`);
  });
});
