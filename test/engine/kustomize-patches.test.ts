/** What a kustomization's patches set in the resources it builds: a container's image, or a HelmRelease's values tag. */
import { describe, expect, it } from "vitest";
import type { Patch } from "../../src/engine/kustomize-graph.js";
import { loneTags, pairOf, patchDocuments, resourcesOf, selects, setsVersionIn, versionsSet } from "../../src/engine/kustomize-patches.js";

const PODINFO = "ghcr.io/stefanprodan/podinfo";
const RELEASE = `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: podinfo
  namespace: podinfo
spec:
  values:
    image:
      repository: ${PODINFO}
      tag: 6.0.0
`;
const [release] = resourcesOf("apps/base/podinfo/release.yaml", RELEASE);
const VALUES = "apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: podinfo\nspec:\n  values:\n    image:\n      tag: 6.0.0\n";
const byPath = (patch: Partial<Patch> = {}): Patch => ({ file: "apps/staging/podinfo-values.yaml", kind: "either", ...patch });

describe("patchDocuments", () => {
  it("reads a strategic merge by path as the resource it names, each value with its path there, the key a change names it by and its line", () => {
    const [doc] = patchDocuments(byPath(), VALUES);
    expect(doc!.selector).toEqual({ kind: "HelmRelease", name: "podinfo", namespace: undefined });
    expect(doc!.values.map((v) => [v.path.join("."), v.key, v.line])).toContainEqual(["spec.values.image.tag", "spec.values.image.tag", 8]);
  });

  it("keys an inline patch's values as inline-patch.ts names its changes, on the kustomization's lines", () => {
    const inline = (text: string, at: (string | number)[]): Patch => ({
      file: "k/kustomization.yaml",
      kind: "either",
      inline: { text, at, line: 7 },
      target: { kind: "HelmRelease" },
    });
    const [merge] = patchDocuments(inline(VALUES, ["patches", 0, "patch"]), VALUES);
    expect(loneTags(merge!).map((t) => [t.value.key, t.value.line])).toEqual([["patches[0].patch: spec.values.image.tag", 14]]);
    const ops = "- op: replace\n  path: /spec/values/image/tag\n  value: 6.0.0\n";
    const [op] = patchDocuments(inline(ops, ["patches", 1, "patch"]), ops);
    expect(loneTags(op!).map((t) => [t.value.key, t.value.path.join("."), t.value.line])).toEqual([["patches[1].patch[0].value", "spec.values.image.tag", 9]]);
  });

  it("reads an op list only with a target, which kustomize requires of it, and a `{tag}` value as the mapping it writes", () => {
    const ops = "- op: replace\n  path: /spec/values/image\n  value: {tag: 6.0.0}\n";
    expect(patchDocuments(byPath(), ops)).toEqual([]);
    const [op] = patchDocuments(byPath({ target: { kind: "HelmRelease" } }), ops);
    expect(loneTags(op!).map((t) => [t.value.key, t.mapping.join(".")])).toEqual([["[0].value.tag", "spec.values.image"]]);
  });
});

describe("selects", () => {
  it("matches kind, name and namespace as whole regular expressions, and a group and version from apiVersion", () => {
    const ok = [
      { kind: "HelmRelease" },
      { name: "pod.*" },
      { name: "podinfo|redis", namespace: "podinfo" },
      { group: "helm.toolkit.fluxcd.io", version: "v2" },
    ];
    expect(ok.map((selector) => selects(selector, release!))).toEqual([true, true, true, true]);
    expect([{ name: "pod" }, { kind: "Deployment" }, { namespace: "flux-system" }, { name: "(" }].map((selector) => selects(selector, release!))).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it("cannot tell for a label or annotation selector, which it does not read", () => {
    expect(selects({ kind: "HelmRelease", labelSelector: "app=podinfo" }, release!)).toBeUndefined();
  });
});

describe("what a patch sets", () => {
  it("a lone tag sets the version of the repository the patched resource pairs with it, on the line that resource writes it", () => {
    const [doc] = patchDocuments(byPath(), VALUES);
    expect(versionsSet(doc!, release!, new Set([PODINFO]))).toEqual(new Set([PODINFO]));
    expect(pairOf(doc!, loneTags(doc!)[0]!, release!)).toEqual({ name: PODINFO, repository: PODINFO, line: 9 });
  });

  it("a tag beside a repository of its own is no lone one, and sets that repository's version", () => {
    const [doc] = patchDocuments(byPath(), VALUES.replace("      tag:", "      repository: ghcr.io/acme/mirror\n      tag:"));
    expect(loneTags(doc!)).toEqual([]);
    expect(versionsSet(doc!, release!, new Set([PODINFO, "ghcr.io/acme/mirror"]))).toEqual(new Set(["ghcr.io/acme/mirror"]));
  });

  it("a registry beside the resource's repository is part of the name it pairs the tag with", () => {
    const [split] = resourcesOf("r.yaml", RELEASE.replace(`repository: ${PODINFO}`, "registry: ghcr.io\n      repository: stefanprodan/podinfo"));
    const [doc] = patchDocuments(byPath(), VALUES);
    expect(pairOf(doc!, loneTags(doc!)[0]!, split!)).toEqual({ name: PODINFO, repository: PODINFO, line: 10 });
  });

  it("a container image with a version sets it; a bare one, or a templated tag, sets none", () => {
    const deployment = resourcesOf("d.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\n");
    const patch = (image: string) =>
      patchDocuments(
        byPath(),
        `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ${image}\n`,
      );
    expect(["ghcr.io/acme/api:1.4.0", "ghcr.io/acme/api"].map((image) => setsVersionIn(patch(image), deployment, "ghcr.io/acme/api"))).toEqual([true, false]);
    const [templated] = patchDocuments(byPath(), VALUES.replace("tag: 6.0.0", "tag: ${PODINFO_TAG}"));
    expect(loneTags(templated!)).toEqual([]);
  });
});
