/** Argo CD's Helm parameters as an override that names one by index reads them, and a source's valuesObject as YAML reads it. */
import { describe, expect, it } from "vitest";
import { helmKeys, leafOf, misaimedOverride, valuesObjectAt } from "../../src/yaml/argocd-parameters.js";
import { YamlFile } from "../../src/yaml/file.js";

describe("misaimedOverride: a configured override of a Helm parameter by index", () => {
  const file = new YamlFile(
    [
      "apiVersion: argoproj.io/v1alpha1",
      "kind: Application",
      "spec:",
      "  source:",
      "    helm:",
      "      parameters:",
      "        - {name: replicaCount, value: '3'}",
      "        - {name: worker.image.version, value: 1.4.0}",
      "        - {name: sidecar.spec, value: 'ghcr.io/acme/sidecar:0.4.0'}",
      "        - {name: image.pullPolicy, value: IfNotPresent}",
      "",
    ].join("\n"),
  );
  const path = (index: number) => `spec.source.helm.parameters[${index}].value`;
  const web = { repository: "ghcr.io/acme/web", image: "ghcr.io/acme/web", part: "tag" } as const;
  const sidecar = { repository: "ghcr.io/acme/sidecar", image: "ghcr.io/acme/sidecar" };

  it("says nothing of a parameter that reads as what it sets: a tag named so, a reference of its image", () => {
    expect(misaimedOverride(file, path(1), web)).toBeUndefined();
    expect(misaimedOverride(file, path(2), sidecar)).toBeUndefined();
  });

  it("says nothing of a path that names no parameter by index", () => {
    expect(misaimedOverride(file, "spec.source.helm.parameters[9].value", web)).toBeUndefined();
    expect(misaimedOverride(file, "spec.source.repoURL", sidecar)).toBeUndefined();
  });

  it("says why, at the parameter, when the index names one that does not read as what it sets", () => {
    expect(misaimedOverride(file, path(0), web)).toEqual({
      line: 7,
      message:
        "spec.source.helm.parameters[0].value is parameter replicaCount, which holds no version and is not named like a tag: its configured override for the tag of ghcr.io/acme/web is not applied: a parameter added above the one it was written for moves what an index names; correct the index",
    });
    expect(misaimedOverride(file, path(3), sidecar)?.message).toContain(
      "is parameter image.pullPolicy, which holds no reference of ghcr.io/acme/sidecar and is not named like an image",
    );
  });
});

describe("valuesObjectAt: a mapping under a source's valuesObject", () => {
  const file = new YamlFile(
    [
      "apiVersion: argoproj.io/v1alpha1",
      "kind: Application",
      "spec:",
      "  source:",
      "    helm:",
      "      <<: {valuesObject: {defaults: &defaults {repository: ghcr.io/acme/app}, image: {<<: *defaults, tag: 1.2.3}, replicas: 2}}",
      "",
    ].join("\n"),
  );
  const root = file.documents[0]!.root;
  const source = ["spec", "source"];

  it("reads each key on the way, and the mapping's fields, through a merge key, named where they are written", () => {
    const read = valuesObjectAt(file, root, source, ["image"]);
    const values = ["spec", "source", "helm", "<<", "valuesObject"];
    expect(read?.("tag")).toMatchObject({ path: [...values, "image", "tag"] });
    expect(read?.("repository")).toMatchObject({ path: [...values, "defaults", "repository"], merged: true });
    expect(read?.("digest")).toBeUndefined();
  });

  it("is undefined where no mapping is", () => {
    expect(valuesObjectAt(file, root, source, ["replicas"])).toBeUndefined();
    expect(valuesObjectAt(file, root, source, ["worker", "image"])).toBeUndefined();
    expect(valuesObjectAt(file, root, ["spec", "sources", 0], [])).toBeUndefined();
  });

  it("follows a list index on the way (`sidecars[1].image`, as helmKeys reads a parameter's name) into that item, none past the list's end", () => {
    const listed = new YamlFile(
      "spec:\n  source:\n    helm:\n      valuesObject:\n        sidecars: [{name: proxy}, {image: {repository: ghcr.io/acme/app}}]\n",
    );
    const at = (keys: (string | number)[]) => valuesObjectAt(listed, listed.documents[0]!.root, source, keys);
    expect(at(["sidecars", 1, "image"])?.("repository")).toMatchObject({
      path: [...source, "helm", "valuesObject", "sidecars", 1, "image", "repository"],
      inFlow: true,
    });
    expect(at(["sidecars", 0])?.("name")).toBeDefined();
    expect(at(["sidecars", 2])).toBeUndefined();
    expect(at(["sidecars", "1"])).toBeUndefined();
  });
});

describe("a Helm parameter's name, read as Helm's --set (strvals) reads it", () => {
  it("keeps an escaped dot in its key, separates at the others and reads [n] as a list index", () => {
    expect(helmKeys(String.raw`labels.app\.kubernetes\.io/name`)).toEqual(["labels", "app.kubernetes.io/name"]);
    expect(helmKeys(String.raw`worker\.v2.image`)).toEqual(["worker.v2", "image"]);
    // An escaped backslash escapes no dot.
    expect(helmKeys(String.raw`a\\.b`)).toEqual(["a\\", "b"]);
    expect(helmKeys("list[0].x")).toEqual(["list", 0, "x"]);
    expect(helmKeys("")).toEqual([]);
  });

  it("splits the leaf at the last dot that separates keys", () => {
    expect(leafOf(String.raw`image\.tag`)).toEqual(["", String.raw`image\.tag`]);
    expect(leafOf(String.raw`worker\.v2.image.tag`)).toEqual([String.raw`worker\.v2.image`, "tag"]);
    expect(leafOf(String.raw`a\\.tag`)).toEqual([String.raw`a\\`, "tag"]);
  });
});
