import { describe, expect, it } from "vitest";
import { followLinks, linkSaid } from "../../src/engine/tree-links.js";

const present = new Set(["conf/promote.yaml", "apps/base/deploy.yaml", "README.md"]);

/** Where `path` leads in a tree of `present` files and these links, said as a message says it. */
function said(path: string, links: Record<string, string>): string | undefined {
  const end = followLinks(path, present, new Map(Object.entries(links)));
  return end && linkSaid(path, end);
}

describe("followLinks", () => {
  it("leads a link to the file of the tree its relative target names, through other links and linked directories", () => {
    const links = new Map([
      [".github/gitops-promote.yaml", "../conf/promote.yaml"],
      ["chain.yaml", ".github/gitops-promote.yaml"],
      ["apps/current", "base"],
      ["up.yaml", "apps/current/../../conf/promote.yaml"],
    ]);
    expect(followLinks(".github/gitops-promote.yaml", present, links)).toEqual({
      link: ".github/gitops-promote.yaml",
      to: "../conf/promote.yaml",
      file: "conf/promote.yaml",
    });
    expect(followLinks("chain.yaml", present, links)?.file).toBe("conf/promote.yaml");
    // A file behind a linked directory; `..` after it climbs from where the directory leads, as the kernel does.
    expect(followLinks("apps/current/deploy.yaml", present, links)).toEqual({ link: "apps/current", to: "base", file: "apps/base/deploy.yaml" });
    expect(followLinks("up.yaml", present, links)?.file).toBe("conf/promote.yaml");
  });

  it("finds no link on the way of a path that names nothing", () => {
    expect(followLinks("apps/missing.yaml", present, new Map([["other.yaml", "README.md"]]))).toBeUndefined();
  });

  it("says where a link that ends at no file of the tree goes: outside it, to an absolute path, nowhere, to a directory, round a loop", () => {
    expect(said("a.yaml", { "a.yaml": "../../etc/passwd" })).toBe('a.yaml is a symbolic link to "../../etc/passwd", which leads outside the root');
    expect(said("a.yaml", { "a.yaml": "/repo/conf/promote.yaml" })).toBe(
      'a.yaml is a symbolic link to "/repo/conf/promote.yaml", which is an absolute path (only a relative link is followed: it leads to the same file in every checkout)',
    );
    expect(said("a.yaml", { "a.yaml": "b.yaml", "b.yaml": "/etc/x" })).toBe(
      'a.yaml is a symbolic link to "b.yaml", which leads to the absolute path /etc/x (only a relative link is followed: it leads to the same file in every checkout)',
    );
    expect(said("a.yaml", { "a.yaml": "conf/gone.yaml" })).toBe(
      'a.yaml is a symbolic link to "conf/gone.yaml", which leads to conf/gone.yaml, which does not exist (a dangling link)',
    );
    expect(said("a.yaml", { "a.yaml": "apps" })).toBe('a.yaml is a symbolic link to "apps", which leads to the directory apps, not a file');
    expect(said("a.yaml", { "a.yaml": "." })).toBe('a.yaml is a symbolic link to ".", which leads to the root, not a file');
    expect(said("a.yaml", { "a.yaml": "b.yaml", "b.yaml": "a.yaml" })).toBe('a.yaml is a symbolic link to "b.yaml", which leads round a loop of links');
  });

  it("names the linked directory a path lies behind, and where it leads", () => {
    expect(said(".github/gitops-promote.yaml", { ".github": "../shared/github" })).toBe(
      '.github/gitops-promote.yaml lies behind the symbolic link .github (to "../shared/github"), which leads outside the root',
    );
    expect(said("apps/current/deploy.yaml", { "apps/current": "base" })).toBe(
      'apps/current/deploy.yaml lies behind the symbolic link apps/current (to "base"), which leads to apps/base/deploy.yaml',
    );
  });
});
