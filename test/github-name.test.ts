import { describe, expect, it } from "vitest";
import { isActorLogin, splitRepositoryName } from "../src/github-name.js";

describe("splitRepositoryName", () => {
  it("splits OWNER/NAME, a managed user's repository too", () => {
    expect(splitRepositoryName("acme/app.web")).toEqual({ owner: "acme", repo: "app.web" });
    expect(splitRepositoryName("mona_acme/app")).toEqual({ owner: "mona_acme", repo: "app" });
  });

  it.each(["app", "acme/app/x", "https://github.com/acme/app", "-acme/app", "acme/..", "acme/app\n::add-mask::main", " acme/app"])("refuses %j", (text) => {
    expect(splitRepositoryName(text)).toBeUndefined();
  });
});

describe("isActorLogin", () => {
  it.each(["octocat", "mona-lisa", "mona_acme", "github-actions[bot]"])("accepts %j", (login) => {
    expect(isActorLogin(login)).toBe(true);
  });

  it.each(["", "@octocat", "octo cat", "octocat-", "[bot]", "octocat\n::warning::x", "a[bot][bot]"])("refuses %j", (login) => {
    expect(isActorLogin(login)).toBe(false);
  });
});
