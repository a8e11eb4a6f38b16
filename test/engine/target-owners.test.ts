import { describe, expect, it } from "vitest";
import type { Target } from "../../src/engine/config.js";
import { targetOwners } from "../../src/engine/target-owners.js";

const target = (name: string, paths: string[]): Target => ({ name, paths, pathLines: [], images: [] });

describe("targetOwners", () => {
  const t1 = target("t1", ["clusters/t1/**", "apps/*/overlays/t1/**", "regions/**/t1-*.yaml"]);
  const t10 = target("t10", ["clusters/t10/**", "apps/*/overlays/t10/**", "regions/**/t10-*.yaml"]);
  const owners = targetOwners([t1, t10]);
  const names = (file: string) => owners.mayMatch(file).map(({ target, index }) => `${target.name}:${target.paths[index]}`);

  it("finds the first target whose paths match a file, and which of its paths do", () => {
    const both = target("both", ["clusters/**", "clusters/t1"]);
    const ownerOf = targetOwners([both, t1]).ownerOf;
    expect(ownerOf("clusters/t1/app.yaml")?.target).toBe(both);
    expect(ownerOf("clusters/t1/app.yaml")?.paths.map(({ index }) => index)).toEqual([0, 1]);
    expect(ownerOf("regions/eu/t1-app.yaml")?.target).toBe(t1);
    expect(ownerOf("dev/app.yaml")).toBeUndefined();
  });

  it("tests a file only against the globs whose leading names and last name's start it has", () => {
    expect(names("clusters/t10/app.yaml")).toEqual(["t10:clusters/t10/**"]);
    expect(names("apps/api/overlays/t1/kustomization.yaml")).toEqual(["t1:apps/*/overlays/t1/**"]);
    expect(names("regions/eu/t10-app.yaml")).toEqual(["t10:regions/**/t10-*.yaml"]);
    expect(names("regions/t1-eu/t10-app.yaml")).toEqual(["t1:regions/**/t1-*.yaml", "t10:regions/**/t10-*.yaml"]);
    expect(owners.ownerOf("regions/t1-eu/t10-app.yaml")?.target).toBe(t10);
  });

  it("owns what picomatch matches past the names the index reads", () => {
    // `*` may match an empty name; a glob's last name may match a directory, everything under it taken too.
    expect(owners.ownerOf("apps//overlays/t1/app.yaml")?.target).toBe(t1);
    expect(owners.ownerOf("regions/t10-eu.yaml/values.yaml")?.target).toBe(t10);
    // Braces may hold a `/`: the glob's last `/`-separated part is not a name there.
    const braces = target("braces", ["deploy/{prod/eu,staging}"]);
    expect(targetOwners([braces]).ownerOf("deploy/staging/app.yaml")?.target).toBe(braces);
    // A glob starting with `**` reaches names at the root.
    const anywhere = target("anywhere", ["**/prod-*.yaml"]);
    expect(targetOwners([anywhere]).ownerOf("prod-app.yaml")?.target).toBe(anywhere);
  });
});
