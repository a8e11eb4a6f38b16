import { describe, expect, it } from "vitest";
import { repositoryOfRemote } from "../../src/github/remote.js";

describe("the GitHub repository of a remote", () => {
  const github = "https://github.com";
  it.each([
    ["https://github.com/acme/manifests.git", { owner: "acme", repo: "manifests" }],
    ["https://x-access-token:ghs_x@github.com/acme/manifests", { owner: "acme", repo: "manifests" }],
    ["git@github.com:acme/manifests.git", { owner: "acme", repo: "manifests" }],
    ["ssh://git@github.com/acme/manifests.git", { owner: "acme", repo: "manifests" }],
  ])("%s is %o", (url, expected) => {
    expect(repositoryOfRemote(url, github)).toEqual(expected);
  });

  it.each(["https://gitlab.com/acme/manifests.git", "/srv/git/manifests.git", "file:///srv/git/manifests.git", "https://github.com/acme"])(
    "%s is not one",
    (url) => {
      expect(repositoryOfRemote(url, github)).toBeUndefined();
    },
  );

  it("matches a GitHub Enterprise Server host and port", () => {
    expect(repositoryOfRemote("http://127.0.0.1:8080/o/r.git", "http://127.0.0.1:8080")).toEqual({ owner: "o", repo: "r" });
    expect(repositoryOfRemote("http://127.0.0.1:9090/o/r.git", "http://127.0.0.1:8080")).toBeUndefined();
  });
});
