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
      itself: true,
      file: "conf/promote.yaml",
    });
    expect(followLinks("chain.yaml", present, links)?.file).toBe("conf/promote.yaml");
    // A file behind a linked directory; `..` after it climbs from where the directory leads, as the kernel does.
    expect(followLinks("apps/current/deploy.yaml", present, links)).toEqual({
      link: "apps/current",
      to: "base",
      itself: false,
      file: "apps/base/deploy.yaml",
    });
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

  it("says whether the path is itself a link (its last part, its directories followed) or only lies behind a linked directory", () => {
    const itself = (path: string, links: Record<string, string>) => {
      const end = followLinks(path, present, new Map(Object.entries(links)));
      return end && { itself: end.itself, file: end.file, outside: end.file === undefined ? end.outside : undefined };
    };
    // Behind a linked directory only: where it leads, it names no file (or a file of the tree), as for a plain path.
    expect(itself(".github/gitops-promote.yaml", { ".github": "ci/github" })).toEqual({ itself: false, file: undefined, outside: false });
    expect(itself(".github/gitops-promote.yaml", { ".github": ".github/x" })).toEqual({ itself: false, file: undefined, outside: false });
    expect(itself(".github/gitops-promote.yaml", { ".github": "../.github" })).toEqual({ itself: false, file: undefined, outside: true });
    expect(itself(".github/gitops-promote.yaml", { ".github": "/etc/ci" })).toEqual({ itself: false, file: undefined, outside: true });
    // A link of its own behind the linked directory: the path is a link, wherever that one leads.
    expect(itself(".github/gitops-promote.yaml", { ".github": "x/y", "x/y/gitops-promote.yaml": "../../conf/promote.yaml" })).toEqual({
      itself: true,
      file: "conf/promote.yaml",
      outside: undefined,
    });
    expect(itself(".github/gitops-promote.yaml", { ".github": "x/y", "x/y/gitops-promote.yaml": "../../../out.yaml" })).toEqual({
      itself: true,
      file: undefined,
      outside: true,
    });
    expect(itself("a.yaml", { "a.yaml": "b.yaml", "b.yaml": "a.yaml" })).toEqual({ itself: true, file: undefined, outside: false });
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
