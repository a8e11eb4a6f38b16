/** Path globs as users write them: a directory stands for everything under it. */
import { describe, expect, it } from "vitest";
import picomatch from "picomatch";
import type { Warning } from "../../src/change.js";
import { globFault, pathFilter, pathMatcher, slashSeparated } from "../../src/engine/path-glob.js";

describe("pathMatcher", () => {
  it("takes a directory, with or without its slash, as everything under it", () => {
    for (const glob of ["deploy/prod", "deploy/prod/"]) {
      const matches = pathMatcher([glob]);
      expect(matches("deploy/prod/values.yaml")).toBe(true);
      expect(matches("deploy/prod/flux/.hidden/release.yaml")).toBe(true);
      expect(matches("deploy/production/values.yaml")).toBe(false);
    }
  });

  it("takes a directory a glob matches as everything under it too, and a glob of files as those files", () => {
    expect(pathMatcher(["deploy/*"])("deploy/prod/values.yaml")).toBe(true);
    const yaml = pathMatcher(["deploy/**/*.yaml"]);
    expect(yaml("deploy/prod/values.yaml")).toBe(true);
    expect(yaml("deploy/prod/main.k")).toBe(false);
  });

  it("matches when any of the globs does", () => {
    const matches = pathMatcher(["staging/**", "kustomize/overlays/staging"]);
    expect(matches("staging/a.yaml")).toBe(true);
    expect(matches("kustomize/overlays/staging/kustomization.yaml")).toBe(true);
    expect(matches("kustomize/base/deployment.yaml")).toBe(false);
  });

  it("reads what follows a glob's plain names as picomatch does: `deploy/**` is `deploy` too, `./deploy` and `deploy//prod` as written", () => {
    expect(pathMatcher(["deploy/**"])("deploy")).toBe(true);
    expect(pathMatcher(["deploy/**"])("deployment/a.yaml")).toBe(false);
    expect(pathMatcher(["./deploy"])("deploy/a.yaml")).toBe(picomatch("./deploy/**", { dot: true })("deploy/a.yaml"));
    expect(pathMatcher(["deploy//prod"])("deploy/prod/a.yaml")).toBe(picomatch("deploy//prod/**", { dot: true })("deploy/prod/a.yaml"));
  });
});

describe("slashSeparated", () => {
  it("spells a path written with Windows separators with /, as the tree does, so that it matches", () => {
    expect(slashSeparated("clusters\\staging")).toBe("clusters/staging");
    expect(slashSeparated("apps\\**\\values.yaml")).toBe("apps/**/values.yaml");
    expect(pathMatcher([slashSeparated("clusters\\staging")])("clusters/staging/values.yaml")).toBe(true);
  });

  it("reads every backslash as a separator, as picomatch does on Windows: a glob character is matched literally in a class", () => {
    expect(slashSeparated("apps\\*\\values.yaml")).toBe("apps/*/values.yaml");
    expect(pathMatcher(["apps/[*]"])("apps/*")).toBe(true);
    expect(pathMatcher(["apps/[*]"])("apps/x")).toBe(false);
  });
});

describe("globFault", () => {
  it("says a `[` or `{` left open, which picomatch reads as a literal `[` or as a pattern that matches nothing", () => {
    expect(globFault("clusters/[")).toBe('has a "[" that no "]" closes: close it for a class (e.g. "[ab]"), or write "[[]" to match a "["');
    expect(globFault("clusters/[ab/*.yaml")).toBe(globFault("clusters/["));
    expect(globFault("clusters/{prod,staging")).toBe(
      'has a "{" that no "}" closes, so it matches no file: close it (e.g. "{a,b}"), or write "[{]" to match a "{"',
    );
    expect(globFault("clusters/[z-a]")).toBe("matches no file: it reads as no pattern (range out of order in character class)");
  });

  it("takes what picomatch reads as a glob, a class holding `[`, `{` or `!` included", () => {
    for (const glob of ["clusters/[ab]/**", "clusters/{prod,staging}", "clusters/[[]", "clusters/[{]", "clusters/[!]", "clusters/a]", "clusters/a}"])
      expect(globFault(glob)).toBeUndefined();
  });
});

describe("pathFilter", () => {
  const files = ["apps/api/overlays/dev/kustomization.yaml", "apps/api/overlays/prod/kustomization.yaml", "clusters/staging/values.yaml"];

  it("lets through the files any glob names, and says each glob that matches none, with the path it most likely meant, its glob part kept", () => {
    const warnings: Warning[] = [];
    const inScope = pathFilter(["clusters/staging", "apps/api/overlay/dev/**", "clusters/prod"], files, warnings);
    expect(files.filter(inScope)).toEqual(["clusters/staging/values.yaml"]);
    expect(warnings).toEqual([
      { message: 'path "apps/api/overlay/dev/**" matches no file (did you mean apps/api/overlays/dev/**?)' },
      { message: 'path "clusters/prod" matches no file' },
    ]);
  });

  it("says the paths a glob cut short most likely meant: a directory's name, or up to three, begun", () => {
    const tree = ["apps/production/app.yaml", "apps/prod-eu/app.yaml", "apps/staging/app.yaml", "apps/production.md", "apps/preview/app.yaml"];
    const warnings: Warning[] = [];
    pathFilter(["apps/prod", "apps/stag/**", "apps/s", "a", "apps/p", "apps/staging/**/*.json"], tree, warnings);
    expect(warnings).toEqual([
      { message: 'path "apps/prod" matches no file (did you mean apps/production or apps/prod-eu or apps/production.md?)' },
      { message: 'path "apps/stag/**" matches no file (did you mean apps/staging/**?)' },
      { message: 'path "apps/s" matches no file (did you mean apps/staging?)' },
      { message: 'path "a" matches no file (did you mean apps?)' },
      // Four names begin so: too short a start to tell.
      { message: 'path "apps/p" matches no file' },
      // Its directory is there: the glob after it matches nothing.
      { message: 'path "apps/staging/**/*.json" matches no file' },
    ]);
  });

  it("says a glob that matches only symbolic links, which no run follows, naming each with its target", () => {
    const warnings: Warning[] = [];
    const links = new Map([
      ["apps/current", "../releases/v2"],
      ["apps/web.yaml", "../base/web.yaml"],
      ["apps/api.yaml", "../base/api.yaml"],
    ]);
    const inScope = pathFilter(["apps/current", "apps/*.yaml", "clusters/staging"], files, warnings, links);
    expect(files.filter(inScope)).toEqual(["clusters/staging/values.yaml"]);
    expect(warnings).toEqual([
      {
        message:
          'path "apps/current" matches no file, only the symbolic link apps/current (to "../releases/v2"), and no link is followed: give the path it leads to',
      },
      {
        message:
          'path "apps/*.yaml" matches no file, only symbolic links: apps/web.yaml (to "../base/web.yaml") and apps/api.yaml (to "../base/api.yaml"), and no link is followed: give the path it leads to',
      },
    ]);
  });

  it("lets every file through when no glob is given", () => {
    expect(files.filter(pathFilter([], files, []))).toEqual(files);
  });
});
