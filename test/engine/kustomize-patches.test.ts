/** What a kustomization's patches set in the resources it builds: a container's image, or a HelmRelease's values tag. */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { planUpdate } from "../../src/engine/plan.js";
import type { UpdateRequest } from "../../src/engine/request.js";
import { memorySource } from "../../src/engine/source.js";
import type { Patch } from "../../src/engine/kustomize-graph.js";
import { loneTags, pairOf, patchDocuments, replacedTags, resourcesOf, selects, setsVersionIn, versionsSet } from "../../src/engine/kustomize-patches.js";
import { kustomize, withKubectl } from "../support/kubectl.js";
import { tempDir } from "../support/temp.js";

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

  it("reads an op list only with a target, which kustomize requires of it, and a `{tag}` value as the whole mapping it writes: no tag of the base's pair, which it replaces", () => {
    const ops = "- op: replace\n  path: /spec/values/image\n  value: {tag: 6.0.0}\n";
    expect(patchDocuments(byPath(), ops)).toEqual([]);
    const [op] = patchDocuments(byPath({ target: { kind: "HelmRelease" } }), ops);
    expect(loneTags(op!)).toEqual([]);
    expect(replacedTags(op!).map((t) => [t.value.key, t.mapping.join("."), t.op.pointer])).toEqual([
      ["[0].value.tag", "spec.values.image", "/spec/values/image"],
    ]);
    // It replaces the base's image there, version and all: that one is not deployed as written (deployed-as-written.ts).
    expect(versionsSet(op!, release!, new Set([PODINFO]))).toEqual(new Set([PODINFO]));
    // An op replacing what holds the mapping replaces it whole too; one into it merges over the base's.
    const [above] = patchDocuments(byPath({ target: { kind: "HelmRelease" } }), "- op: add\n  path: /spec/values\n  value: {image: {tag: 6.0.0}}\n");
    expect(replacedTags(above!).map((t) => [t.value.key, t.mapping.join(".")])).toEqual([["[0].value.image.tag", "spec.values.image"]]);
    const [into] = patchDocuments(byPath({ target: { kind: "HelmRelease" } }), "- op: replace\n  path: /spec/values/image/tag\n  value: 6.0.0\n");
    expect([replacedTags(into!), versionsSet(into!, release!, new Set([PODINFO]))]).toEqual([[], new Set([PODINFO])]);
  });

  it("reads a strategic merge's `$patch: replace` as replacing the mapping it is in whole, as such an op does, and the directive itself as no field of the resource's", () => {
    const text = VALUES.replace("      tag:", "      $patch: replace\n      tag:");
    const inline: Patch = {
      file: "k/kustomization.yaml",
      kind: "either",
      inline: { text, at: ["patches", 0, "patch"], line: 7 },
      target: { kind: "HelmRelease" },
    };
    for (const [doc, key, line] of [
      [patchDocuments(byPath(), text)[0], "spec.values.image.tag", 8],
      [patchDocuments(inline, text)[0], "patches[0].patch: spec.values.image.tag", 14],
    ] as const) {
      expect(doc!.fields.map((f) => f.path.at(-1))).not.toContain("$patch");
      expect(loneTags(doc!)).toEqual([]);
      expect(replacedTags(doc!).map((t) => [t.value.key, t.mapping.join("."), t.op.name, t.op.pointer, t.op.line])).toEqual([
        [key, "spec.values.image", "$patch: replace", "spec.values.image", line],
      ]);
      expect(versionsSet(doc!, release!, new Set([PODINFO]))).toEqual(new Set([PODINFO]));
    }
    // `$patch: merge`, kustomize's default, merges over the base's pair.
    const [merged] = patchDocuments(byPath(), VALUES.replace("      tag:", "      $patch: merge\n      tag:"));
    expect([replacedTags(merged!), loneTags(merged!).map((t) => t.value.key)]).toEqual([[], ["spec.values.image.tag"]]);
  });

  it("reads a strategic merge's `$patch: delete` and a JSON6902 `remove` op as deleting the base's pair (or its tag): no tag to edit or to say, the version set", () => {
    const deleting = [
      patchDocuments(byPath(), VALUES.replace("      tag:", "      $patch: delete\n      tag:"))[0],
      patchDocuments(byPath(), VALUES.replace("      tag: 6.0.0\n", "      $patch: delete\n"))[0],
      patchDocuments(byPath(), VALUES.replace("    image:", "    $patch: delete\n    image:"))[0],
      ...["/spec/values/image", "/spec/values/image/tag", "/spec/values"].map(
        (path) => patchDocuments(byPath({ target: { kind: "HelmRelease" } }), `- op: remove\n  path: ${path}\n`)[0],
      ),
    ];
    for (const doc of deleting) {
      expect([loneTags(doc!), replacedTags(doc!), versionsSet(doc!, release!, new Set([PODINFO]))]).toEqual([[], [], new Set([PODINFO])]);
    }
    // Another mapping's tag deleted is another image's.
    const [other] = patchDocuments(byPath({ target: { kind: "HelmRelease" } }), "- op: remove\n  path: /spec/values/sidecar/tag\n");
    expect(versionsSet(other!, release!, new Set([PODINFO]))).toEqual(new Set());
  });

  it("reads a key a strategic merge writes as YAML's null as deleting it, as a `remove` op at it: no tag to edit or to say, the version set", () => {
    const nulls = ["tag: null", "tag: ~", "tag: Null", "tag:"].map((tag) => VALUES.replace("tag: 6.0.0", tag));
    for (const text of [
      ...nulls,
      VALUES.replace("    image:\n      tag: 6.0.0\n", "    image: null\n"),
      VALUES.replace(/ {2}values:\n.*$/s, "  values: ~\n"),
    ]) {
      const [doc] = patchDocuments(byPath(), text);
      expect([loneTags(doc!), replacedTags(doc!), versionsSet(doc!, release!, new Set([PODINFO]))]).toEqual([[], [], new Set([PODINFO])]);
    }
    // A quoted "null" is a string: kubectl kustomize renders `tag: "null"`, a tag of the base's image.
    for (const tag of ["'null'", "!!str null"]) {
      const [doc] = patchDocuments(byPath(), VALUES.replace("6.0.0", tag));
      expect(loneTags(doc!).map((t) => t.value.node.text)).toEqual(["null"]);
    }
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

  it("a tag beside a repository of its own sets that repository's version, after the resource's registry where the patch writes none", () => {
    const [doc] = patchDocuments(byPath(), VALUES.replace("      tag:", "      repository: ghcr.io/acme/mirror\n      tag:"));
    expect(loneTags(doc!).map((t) => [t.value.key, t.ownRepository])).toEqual([["spec.values.image.tag", true]]);
    expect(versionsSet(doc!, release!, new Set([PODINFO, "ghcr.io/acme/mirror"]))).toEqual(new Set(["ghcr.io/acme/mirror"]));
    // With a registry beside it, the pair is the patch's own, whatever the resource writes.
    const [whole] = patchDocuments(byPath(), VALUES.replace("      tag:", "      registry: quay.io\n      repository: acme/mirror\n      tag:"));
    expect(loneTags(whole!)).toEqual([]);
    expect(versionsSet(whole!, release!, new Set([PODINFO, "quay.io/acme/mirror"]))).toEqual(new Set(["quay.io/acme/mirror"]));
  });

  it("a registry beside the resource's repository is part of the name it pairs the tag with", () => {
    const [split] = resourcesOf("r.yaml", RELEASE.replace(`repository: ${PODINFO}`, "registry: ghcr.io\n      repository: stefanprodan/podinfo"));
    const [doc] = patchDocuments(byPath(), VALUES);
    expect(pairOf(doc!, loneTags(doc!)[0]!, split!)).toEqual({ name: PODINFO, repository: PODINFO, line: 10 });
  });

  it("a registry that is YAML's null is none, as Helm drops the key: the resource's repository alone names the image it pairs the tag with", () => {
    const [split] = resourcesOf("r.yaml", RELEASE.replace(`repository: ${PODINFO}`, `registry: ~\n      repository: ${PODINFO}`));
    const [doc] = patchDocuments(byPath(), VALUES);
    expect(pairOf(doc!, loneTags(doc!)[0]!, split!)).toEqual({ name: PODINFO, repository: PODINFO, line: 10 });
  });

  it("a registry this run cannot read (a mapping or list, a template) leaves the image unknown: no pair for the tag, which moved as the repository alone's", () => {
    const [doc] = patchDocuments(byPath(), VALUES);
    for (const registry of ["[ghcr.io]", "{host: ghcr.io}", "'{{ .Values.registry }}'", "${REGISTRY}"]) {
      const [split] = resourcesOf("r.yaml", RELEASE.replace(`repository: ${PODINFO}`, `registry: ${registry}\n      repository: stefanprodan/podinfo`));
      expect([pairOf(doc!, loneTags(doc!)[0]!, split!), versionsSet(doc!, split!, new Set(["docker.io/stefanprodan/podinfo", PODINFO]))]).toEqual([
        undefined,
        new Set(),
      ]);
      // Nor the patch's own pair: a list or mapping read as the first value inside it named ghcr.io's image.
      const [own] = patchDocuments(byPath(), VALUES.replace("      tag:", `      registry: ${registry}\n      repository: stefanprodan/podinfo\n      tag:`));
      expect(versionsSet(own!, release!, new Set(["docker.io/stefanprodan/podinfo", PODINFO]))).toEqual(new Set());
    }
  });

  it("a registry that is an alias of a string anchored in the resource's document is that string, as YAML reads it; of a mapping, still unknown", () => {
    const aliased = (anchored: string) =>
      resourcesOf(
        "r.yaml",
        RELEASE.replace("    image:\n", `    global: {registry: &reg ${anchored}}\n    image:\n      registry: *reg\n`).replace(
          PODINFO,
          "stefanprodan/podinfo",
        ),
      );
    const [doc] = patchDocuments(byPath(), VALUES);
    const [plain] = aliased("ghcr.io");
    expect(pairOf(doc!, loneTags(doc!)[0]!, plain!)).toEqual({ name: PODINFO, repository: PODINFO, line: 11 });
    expect(versionsSet(doc!, plain!, new Set([PODINFO]))).toEqual(new Set([PODINFO]));
    const [quoted] = aliased('"ghcr.io"');
    expect(pairOf(doc!, loneTags(doc!)[0]!, quoted!)?.name).toBe(PODINFO);
    const [mapping] = aliased("{host: ghcr.io}");
    expect(pairOf(doc!, loneTags(doc!)[0]!, mapping!)).toBeUndefined();
  });

  it("a resource's image written as name: (Argo CD Image Updater's spelling) pairs the tag as one written as repository: does", () => {
    const [named] = resourcesOf("r.yaml", RELEASE.replace("repository:", "name:"));
    const [doc] = patchDocuments(byPath(), VALUES);
    expect(versionsSet(doc!, named!, new Set([PODINFO]))).toEqual(new Set([PODINFO]));
    expect(pairOf(doc!, loneTags(doc!)[0]!, named!)).toEqual({ name: PODINFO, repository: PODINFO, line: 9 });
    const [own] = patchDocuments(byPath(), VALUES.replace("      tag:", "      name: ghcr.io/acme/mirror\n      tag:"));
    expect(loneTags(own!)).toEqual([]);
    expect(versionsSet(own!, release!, new Set([PODINFO, "ghcr.io/acme/mirror"]))).toEqual(new Set(["ghcr.io/acme/mirror"]));
  });

  it("a container's name beside its image is no repository to pair a tag with, whether that image is a string or a mapping", () => {
    const values = (app: string) => `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: podinfo\nspec:\n  values:\n    app:\n${app}`;
    const container = (image: string) => `      name: podinfo\n      image: ${image}\n      tag: 6.0.0\n`;
    const podinfo = new Set(["docker.io/library/podinfo"]);
    for (const image of ["ghcr.io/acme/web:1.0.0", "{repository: ghcr.io/acme/web, tag: 1.0.0}"]) {
      // The resource's: a lone tag the patch writes pairs with none.
      const [resource] = resourcesOf("r.yaml", values(container(image)));
      const [lone] = patchDocuments(byPath(), values("      tag: 6.1.0\n"));
      expect(versionsSet(lone!, resource!, podinfo)).toEqual(new Set());
      expect(pairOf(lone!, loneTags(lone!)[0]!, resource!)).toBeUndefined();
      // The patch's own: its tag is a lone one, and sets no version of the name.
      const [own] = patchDocuments(byPath(), values(container(image)));
      expect(
        loneTags(own!)
          .filter((t) => !t.ownRepository)
          .map((t) => t.value.key),
      ).toEqual(["spec.values.app.tag"]);
      expect(versionsSet(own!, resource!, podinfo)).toEqual(new Set());
    }
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

describe("planUpdate: a HelmRelease base whose overlays' patches set its tag alone (flux2-kustomize-helm-example)", () => {
  const BASE = {
    "apps/base/podinfo/kustomization.yaml": "resources:\n  - release.yaml\n",
    "apps/base/podinfo/release.yaml": RELEASE,
  };
  const overlay = (patch = "  - path: podinfo-values.yaml\n    target:\n      kind: HelmRelease\n") => `resources:\n  - ../base/podinfo\npatches:\n${patch}`;
  const TREE = {
    ...BASE,
    "apps/staging/kustomization.yaml": overlay(),
    "apps/staging/podinfo-values.yaml": VALUES,
    "apps/production/kustomization.yaml": overlay(),
    "apps/production/podinfo-values.yaml": VALUES,
  };
  const CONFIG = `targets:
  - name: staging
    paths: ["apps/staging/**"]
    images: [{repository: ${PODINFO}, policy: {semver: {range: ">=6.0.0-0"}}}]
  - name: production
    paths: ["apps/production/**"]
    images: [{repository: ${PODINFO}, policy: {semver: {range: "^6.0.0"}}}]
`;
  const plan = (files: Record<string, string>, image = `${PODINFO}:6.1.0`, request: Partial<UpdateRequest> = {}) =>
    planUpdate(memorySource(new Map(Object.entries(files))), { images: [image], ...request });

  it("moves each overlay's tag, which is what its cluster deploys, as a Helm tag of the base's repository", async () => {
    const p = await plan(TREE);
    expect(p.changes.map((c) => [c.file, c.line, c.kind, c.key, c.new])).toEqual([
      ["apps/base/podinfo/release.yaml", 10, "helm", "spec.values.image.tag", "6.1.0"],
      ["apps/production/podinfo-values.yaml", 8, "helm", "spec.values.image.tag", "6.1.0"],
      ["apps/staging/podinfo-values.yaml", 8, "helm", "spec.values.image.tag", "6.1.0"],
    ]);
    expect(p.warnings).toEqual([]);
  });

  it("moves each overlay's tag as well when the base's registry is an alias of a string anchored in it, as Helm reads it", async () => {
    const release = RELEASE.replace("    image:\n", "    global: {registry: &reg ghcr.io}\n    image:\n      registry: *reg\n").replace(
      PODINFO,
      "stefanprodan/podinfo",
    );
    const p = await plan({ ...TREE, "apps/base/podinfo/release.yaml": release });
    expect(p.changes.map((c) => [c.file, c.key, c.new])).toEqual([
      ["apps/base/podinfo/release.yaml", "spec.values.image.tag", "6.1.0"],
      ["apps/production/podinfo-values.yaml", "spec.values.image.tag", "6.1.0"],
      ["apps/staging/podinfo-values.yaml", "spec.values.image.tag", "6.1.0"],
    ]);
    expect(p.warnings).toEqual([]);
  });

  it("says at each overlay's lone tag, as at the base's, that it is not edited where the base's registry is one it cannot read, with the fix that reaches it", async () => {
    const release = RELEASE.replace(`repository: ${PODINFO}`, "registry: [ghcr.io]\n      repository: stefanprodan/podinfo");
    const inline = `  - target: {kind: HelmRelease, name: podinfo}\n    patch: |\n${VALUES.replace(/^/gm, "      ")}`;
    const p = await plan({ ...TREE, "apps/base/podinfo/release.yaml": release, "apps/production/kustomization.yaml": overlay(inline) });
    expect(p.changes).toEqual([]);
    const registry = "is [ghcr.io], which is no string: the registry stefanprodan/podinfo is pulled from is not known, so";
    const fix = "write the registry as a string, or";
    expect(p.warnings.map((w) => [w.file, w.line, w.message])).toEqual([
      [
        "apps/production/kustomization.yaml",
        13,
        `spec.values.image.registry in apps/base/podinfo/release.yaml (line 9) ${registry} patches[0].patch: spec.values.image.tag is not edited for ${PODINFO}; ${fix} write registry: and repository: as strings beside it in the patch, which makes it a pair of its own`,
      ],
      [
        "apps/staging/podinfo-values.yaml",
        8,
        `spec.values.image.registry in apps/base/podinfo/release.yaml (line 9) ${registry} spec.values.image.tag is not edited for ${PODINFO}; ${fix} set spec.values.image.tag with a Flux ":tag" marker on its line or an override of spec.values.image.tag`,
      ],
      [
        "apps/base/podinfo/release.yaml",
        11,
        `spec.values.image.registry (line 9) ${registry} spec.values.image.tag is not edited for ${PODINFO}; ${fix} set spec.values.image.tag with a Flux ":tag" marker on its line or an override of spec.values.image.tag`,
      ],
    ]);
    // The override it names sets the tag, and answers the warning there.
    const override = `overrides:\n  - {file: apps/staging/podinfo-values.yaml, spec: spec.values.image.tag, image: ${PODINFO}, part: tag}\n`;
    const set = await plan({ ...TREE, "apps/base/podinfo/release.yaml": release, ".github/gitops-promote.yaml": override });
    expect(set.changes.map((c) => [c.file, c.kind, c.new])).toEqual([["apps/staging/podinfo-values.yaml", "override", "6.1.0"]]);
    expect(set.warnings.map((w) => w.file)).toEqual(["apps/production/podinfo-values.yaml", "apps/base/podinfo/release.yaml"]);
    // So does the inline patch written as a pair of its own.
    const own = inline.replace("tag: 6.0.0", "registry: ghcr.io\n            repository: stefanprodan/podinfo\n            tag: 6.0.0");
    const pair = await plan({ ...TREE, "apps/base/podinfo/release.yaml": release, "apps/production/kustomization.yaml": overlay(own) });
    expect(pair.changes.map((c) => [c.file, c.key, c.new])).toEqual([
      ["apps/production/kustomization.yaml", "patches[0].patch: spec.values.image.tag", "6.1.0"],
    ]);
  });

  it("moves each overlay's tag as well when the base writes its image as name:", async () => {
    const p = await plan({ ...TREE, "apps/base/podinfo/release.yaml": RELEASE.replace("repository:", "name:") });
    expect(p.changes.map((c) => [c.file, c.key, c.new])).toEqual([
      ["apps/base/podinfo/release.yaml", "spec.values.image.tag", "6.1.0"],
      ["apps/production/podinfo-values.yaml", "spec.values.image.tag", "6.1.0"],
      ["apps/staging/podinfo-values.yaml", "spec.values.image.tag", "6.1.0"],
    ]);
    expect(p.warnings).toEqual([]);
  });

  describe("a patch writing part of the pair: kustomize merges it over the base's key by key", () => {
    const split = RELEASE.replace(`repository: ${PODINFO}`, "registry: ghcr.io\n      repository: stefanprodan/podinfo");
    const patched = (fields: string) => VALUES.replace("      tag:", `${fields}      tag:`);
    const tree = (staging: string) => ({ ...TREE, "apps/base/podinfo/release.yaml": split, "apps/staging/podinfo-values.yaml": staging });
    const moved = async (files: Record<string, string>, image: string) => {
      const p = await plan(files, image);
      return [p.changes.map((c) => [c.file, c.key, c.new]), p.warnings.map((w) => w.message)];
    };
    const BASE_MOVES = [
      ["apps/base/podinfo/release.yaml", "spec.values.image.tag", "6.1.0"],
      ["apps/production/podinfo-values.yaml", "spec.values.image.tag", "6.1.0"],
    ];

    it("a registry of the patch's own beside the base's repository: the overlay deploys that registry's image, and moves with it alone", async () => {
      const files = tree(patched("      registry: quay.io\n"));
      expect(await moved(files, `${PODINFO}:6.1.0`)).toEqual([BASE_MOVES, []]);
      expect(await moved(files, "quay.io/stefanprodan/podinfo:6.1.0")).toEqual([[["apps/staging/podinfo-values.yaml", "spec.values.image.tag", "6.1.0"]], []]);
    });

    it("a repository of the patch's own beside the base's registry: the overlay deploys it from that registry, not from Docker Hub", async () => {
      const files = tree(patched("      repository: acme/podinfo\n"));
      expect(await moved(files, "ghcr.io/acme/podinfo:6.1.0")).toEqual([[["apps/staging/podinfo-values.yaml", "spec.values.image.tag", "6.1.0"]], []]);
      expect((await moved(files, "acme/podinfo:6.1.0"))[0]).toEqual([]);
    });

    it("an image named by the patch's repository as written, the base's registry left out: nothing moves, and the run names the image the pair deploys", async () => {
      const files = tree(patched("      repository: acme/podinfo\n"));
      expect(await moved(files, "acme/podinfo:6.1.0")).toEqual([
        [],
        [
          "no file to update holds docker.io/acme/podinfo; nothing to do for acme/podinfo:6.1.0 (the patch at apps/staging/podinfo-values.yaml:8 merges over ghcr.io from its base: did you mean ghcr.io/acme/podinfo?)",
        ],
      ]);
      // Where another file deploys Docker Hub's acme/podinfo, the image reaches it: moved there, and nothing said.
      const hub = {
        ...files,
        "apps/hub.yaml": "apiVersion: v1\nkind: Pod\nmetadata: {name: hub}\nspec:\n  containers:\n    - name: hub\n      image: acme/podinfo:6.0.0\n",
      };
      expect(await moved(hub, "acme/podinfo:6.1.0")).toEqual([[["apps/hub.yaml", "spec.containers[0].image", "acme/podinfo:6.1.0"]], []]);
    });

    it("a registry of the patch's own written as an alias is the string anchored in the patch", async () => {
      const files = tree(patched("      registry: *reg\n").replace("    image:\n", "    global: {registry: &reg quay.io}\n    image:\n"));
      expect((await moved(files, "quay.io/stefanprodan/podinfo:6.1.0"))[0]).toEqual([["apps/staging/podinfo-values.yaml", "spec.values.image.tag", "6.1.0"]]);
      expect((await moved(files, `${PODINFO}:6.1.0`))[0]).toEqual(BASE_MOVES);
    });

    it("a registry of the patch's own that it cannot read is said at the patch, naming that field", async () => {
      const files = tree(patched("      registry: [quay.io]\n"));
      const [changes, warnings] = await moved(files, "quay.io/stefanprodan/podinfo:6.1.0");
      expect(changes).toEqual([]);
      expect(warnings).toContain(
        'spec.values.image.registry in apps/staging/podinfo-values.yaml (line 8) is [quay.io], which is no string: the registry stefanprodan/podinfo is pulled from is not known, so spec.values.image.tag is not edited for quay.io/stefanprodan/podinfo; write the registry as a string, or set spec.values.image.tag with a Flux ":tag" marker on its line or an override of spec.values.image.tag',
      );
    });

    it("a repository of the patch's own over several bases' registries is left, with the bases named", async () => {
      const files = {
        ...tree(patched("      repository: acme/podinfo\n")),
        "apps/base/podinfo/kustomization.yaml": "resources:\n  - release.yaml\n  - other.yaml\n",
        "apps/base/podinfo/other.yaml": split.replace("name: podinfo", "name: other"),
      };
      for (const image of ["ghcr.io/acme/podinfo:6.1.0", "acme/podinfo:6.1.0"]) expect((await moved(files, image))[0]).toEqual([]);
      expect((await moved(files, "ghcr.io/acme/podinfo:6.1.0"))[1]).toEqual([
        "spec.values.image.tag sets the tag of ghcr.io/acme/podinfo (its registry from apps/base/podinfo/release.yaml:9 and apps/base/podinfo/other.yaml:9), but its patch applies by kind and name to 2 resources, so which resource it deploys is not known here, and it was not moved: set it with an overrides: entry in the configuration (file: apps/staging/podinfo-values.yaml, spec: spec.values.image.tag, image: ghcr.io/acme/podinfo, part: tag)",
      ]);
    });

    withKubectl("is what kubectl kustomize renders for the overlay", async () => {
      for (const [fields, image] of [
        ["      registry: quay.io\n", "quay.io/stefanprodan/podinfo"],
        ["      repository: acme/podinfo\n", "ghcr.io/acme/podinfo"],
      ] as const) {
        const files = tree(patched(fields));
        const p = await plan(files, `${image}:6.1.0`);
        const dir = await tempDir("gp-merged-pair-");
        for (const [path, text] of Object.entries(files)) {
          await mkdir(join(dir, dirname(path)), { recursive: true });
          await writeFile(join(dir, path), p.files.find((f) => f.path === path)?.after ?? text);
        }
        const { registry, repository, tag } = (parse(kustomize(join(dir, "apps/staging"))) as { spec: { values: { image: Record<string, string> } } }).spec
          .values.image;
        expect(`${registry}/${repository}:${tag}`).toBe(`${image}:6.1.0`);
      }
    });
  });

  describe("a JSON6902 op replacing the image mapping whole: kustomize renders its value alone, nothing of the base's", () => {
    const split = RELEASE.replace(`repository: ${PODINFO}`, "registry: ghcr.io\n      repository: stefanprodan/podinfo");
    const op = (value: string) =>
      overlay(`  - target: {kind: HelmRelease, name: podinfo}\n    patch: |\n      - op: replace\n        path: /spec/values/image\n        value: ${value}\n`);
    // Staging's patch is the op (its tag on line 8); production's patch file still merges its tag over the base's.
    const tree = (base: string, value: string, staging = (v: string): Record<string, string> => ({ "apps/staging/kustomization.yaml": op(v) })) => ({
      ...BASE,
      "apps/base/podinfo/release.yaml": base,
      "apps/production/kustomization.yaml": overlay(),
      "apps/production/podinfo-values.yaml": VALUES,
      ...staging(value),
    });
    const moved = async (files: Record<string, string>, ...images: string[]) => {
      const p = await plan(files, images[0], { images });
      return [p.changes.map((c) => [c.file, c.key, c.new]), p.warnings.map((w) => [w.file, w.line, w.message])] as const;
    };
    /** The image kubectl kustomize renders for staging once the run's changes to `files` are written. */
    const rendered = async (files: Record<string, string>, images: readonly string[]) => {
      const p = await plan(files, images[0], { images: [...images] });
      const dir = await tempDir("gp-replaced-pair-");
      for (const [path, text] of Object.entries(files)) {
        await mkdir(join(dir, dirname(path)), { recursive: true });
        await writeFile(join(dir, path), p.files.find((f) => f.path === path)?.after ?? text);
      }
      return (parse(kustomize(join(dir, "apps/staging"))) as { spec: { values: { image: unknown } } }).spec.values.image;
    };
    const replaced = (image: string, repository: string, base: string, fields: string) =>
      `patches[0].patch[0].value.tag is not edited for ${image}: replace /spec/values/image replaces the whole spec.values.image mapping, so the base's repository (${repository}, ${base}) does not apply and the image it deploys is not known here (Helm takes the chart's default); write ${fields} in the op's value, or patch /spec/values/image/tag alone`;

    it("a {tag} value is no tag of the base's image: not moved with it, and said at the tag, with how to make it one", async () => {
      expect(await moved(tree(RELEASE, "{tag: 6.0.0}"), `${PODINFO}:6.1.0`)).toEqual([
        [
          ["apps/base/podinfo/release.yaml", "spec.values.image.tag", "6.1.0"],
          ["apps/production/podinfo-values.yaml", "spec.values.image.tag", "6.1.0"],
        ],
        [["apps/staging/kustomization.yaml", 8, replaced(PODINFO, PODINFO, "apps/base/podinfo/release.yaml:9", `repository: ${PODINFO}`)]],
      ]);
    });

    it("a {registry, tag} value names no image: neither the base's nor the one a key-by-key merge would name moves it; said for the latter alone, which its advice makes it", async () => {
      const files = tree(split, "{registry: quay.io, tag: 6.0.0}");
      const [changes, warnings] = await moved(files, `${PODINFO}:6.1.0`);
      expect(changes.map(([file]) => file)).toEqual(["apps/base/podinfo/release.yaml", "apps/production/podinfo-values.yaml"]);
      // Staging deploys quay.io's image whatever repository Helm takes: none of ghcr.io's, which writing the base's repository would not make it.
      expect(warnings).toEqual([]);
      const at = "apps/base/podinfo/release.yaml:10";
      const quay = "quay.io/stefanprodan/podinfo";
      const [none, said] = await moved(files, `${quay}:6.1.0`);
      expect(none).toEqual([]);
      expect(said).toContainEqual(["apps/staging/kustomization.yaml", 8, replaced(quay, "stefanprodan/podinfo", at, "repository: stefanprodan/podinfo")]);
    });

    it("a {tag} value over a base with a registry names both fields to write", async () => {
      const [, warnings] = await moved(tree(split, "{tag: 6.0.0}"), `${PODINFO}:6.1.0`);
      expect(warnings).toEqual([
        [
          "apps/staging/kustomization.yaml",
          8,
          replaced(PODINFO, "stefanprodan/podinfo", "apps/base/podinfo/release.yaml:10", "registry: ghcr.io and repository: stefanprodan/podinfo"),
        ],
      ]);
    });

    it("a value with a repository is its own image, as written: the base's registry does not apply", async () => {
      const files = tree(split, "{repository: acme/podinfo, tag: 6.0.0}");
      // With the base's image in the run too, so the base is read where the op's tag could be paired with it.
      const staging = ["apps/staging/kustomization.yaml", "patches[0].patch[0].value.tag", "6.1.0"];
      const [withOwn] = await moved(files, "acme/podinfo:6.1.0", `${PODINFO}:6.1.0`);
      expect(withOwn).toContainEqual(staging);
      const [withMerged] = await moved(files, "ghcr.io/acme/podinfo:6.1.0", `${PODINFO}:6.1.0`);
      expect(withMerged).not.toContainEqual(staging);
    });

    describe("ops applied in order, as kustomize applies them: what a later op replaces is not rendered", () => {
      // Staging's ops: the first writes a repository into the base's mapping, the second replaces the mapping (its tag on line 11).
      const files = tree(RELEASE, "{tag: 6.0.0}", (value) => ({
        "apps/staging/kustomization.yaml": overlay(
          `  - target: {kind: HelmRelease, name: podinfo}\n    patch: |\n      - op: add\n        path: /spec/values/image/repository\n        value: ghcr.io/acme/other\n      - op: replace\n        path: /spec/values/image\n        value: ${value}\n`,
        ),
      }));

      it("a repository written before the op replacing its mapping is gone: the {tag} value is said as one alone is", async () => {
        const said = replaced(PODINFO, PODINFO, "apps/base/podinfo/release.yaml:9", `repository: ${PODINFO}`).replace("patch[0]", "patch[1]");
        expect(await moved(files, `${PODINFO}:6.1.0`)).toEqual([
          [
            ["apps/base/podinfo/release.yaml", "spec.values.image.tag", "6.1.0"],
            ["apps/production/podinfo-values.yaml", "spec.values.image.tag", "6.1.0"],
          ],
          [["apps/staging/kustomization.yaml", 11, said]],
        ]);
      });

      withKubectl("is what kubectl kustomize renders for the overlay: the last op's value alone", async () => {
        expect(await rendered(files, [`${PODINFO}:6.1.0`])).toEqual({ tag: "6.0.0" });
      });

      describe("a pair the ops write in parts, the mapping replaced first, then added into, is one pair, which the Helm editor reading each op alone does not see", () => {
        // Staging's ops: `replace /spec/values/image` with `first`, then `add` the field `then` names (the tag on line 8).
        const parts = (first: string, field: string, value: string) =>
          tree(split, first, (v) => ({
            "apps/staging/kustomization.yaml": overlay(
              `  - target: {kind: HelmRelease, name: podinfo}\n    patch: |\n      - op: replace\n        path: /spec/values/image\n        value: ${v}\n      - op: add\n        path: /spec/values/image/${field}\n        value: ${value}\n`,
            ),
          }));
        const repository = parts("{tag: 6.0.0}", "repository", PODINFO);
        const registry = parts("{repository: stefanprodan/podinfo, tag: 6.0.0}", "registry", "ghcr.io");
        const staging = ["apps/staging/kustomization.yaml", "patches[0].patch[0].value.tag", "6.1.0"];

        it("its tag moves with the image its parts name together", async () => {
          for (const files of [repository, registry]) expect((await moved(files, `${PODINFO}:6.1.0`))[0]).toContainEqual(staging);
        });

        it("and with no other: not with the repository of the op writing the tag, read without the later op's registry", async () => {
          expect((await moved(registry, "stefanprodan/podinfo:6.1.0"))[0]).not.toContainEqual(staging);
        });

        withKubectl("is what kubectl kustomize renders for the overlay: one pair, its tag the run's", async () => {
          expect(await rendered(repository, [`${PODINFO}:6.1.0`])).toEqual({ repository: PODINFO, tag: "6.1.0" });
          expect(await rendered(registry, [`${PODINFO}:6.1.0`])).toEqual({ registry: "ghcr.io", repository: "stefanprodan/podinfo", tag: "6.1.0" });
        });
      });
    });

    withKubectl("is what kubectl kustomize renders for the overlay", async () => {
      for (const [value, images, image] of [
        ["{tag: 6.0.0}", [`${PODINFO}:6.1.0`], { tag: "6.0.0" }],
        ["{registry: quay.io, tag: 6.0.0}", [`${PODINFO}:6.1.0`, "quay.io/stefanprodan/podinfo:6.1.0"], { registry: "quay.io", tag: "6.0.0" }],
        ["{repository: acme/podinfo, tag: 6.0.0}", [`${PODINFO}:6.1.0`, "acme/podinfo:6.1.0"], { repository: "acme/podinfo", tag: "6.1.0" }],
      ] as const) {
        expect(await rendered(tree(split, value), images)).toEqual(image);
      }
    });

    describe("a strategic merge's `$patch: replace` in the mapping, or above it: kustomize renders the patch's mapping alone, read as the op is", () => {
      // Staging's patch file writes `values` as given: the directive on line 7 or 8.
      const merge = (values: string) => ({
        "apps/staging/kustomization.yaml": overlay(),
        "apps/staging/podinfo-values.yaml": VALUES.replace(/ {4}image:\n.*$/s, values),
      });
      const IN_IMAGE = "    image:\n      $patch: replace\n      tag: 6.0.0\n";
      const IN_VALUES = "    $patch: replace\n    image:\n      tag: 6.0.0\n";
      const said = (at: string, line: number) =>
        `spec.values.image.tag is not edited for ${PODINFO}: $patch: replace in ${at} (line ${line}) replaces the whole spec.values.image mapping, so the base's repository (stefanprodan/podinfo, apps/base/podinfo/release.yaml:10) does not apply and the image it deploys is not known here (Helm takes the chart's default); write registry: ghcr.io and repository: stefanprodan/podinfo beside the tag, or remove $patch: replace to merge the patch over the base's`;

      it("a tag alone in the replaced mapping is no tag of the base's image: not moved with it, and said at the tag, with how to make it one", async () => {
        for (const [values, at, line, tagLine] of [
          [IN_IMAGE, "spec.values.image", 8, 9],
          [IN_VALUES, "spec.values", 7, 9],
        ] as const) {
          expect(await moved(tree(split, values, merge), `${PODINFO}:6.1.0`)).toEqual([
            [
              ["apps/base/podinfo/release.yaml", "spec.values.image.tag", "6.1.0"],
              ["apps/production/podinfo-values.yaml", "spec.values.image.tag", "6.1.0"],
            ],
            [["apps/staging/podinfo-values.yaml", tagLine, said(at, line)]],
          ]);
        }
      });

      it("a repository beside the tag is its own image, as written: the base's registry does not apply", async () => {
        const files = tree(split, IN_IMAGE.replace("      tag:", "      repository: acme/podinfo\n      tag:"), merge);
        const staging = ["apps/staging/podinfo-values.yaml", "spec.values.image.tag", "6.1.0"];
        expect((await moved(files, "acme/podinfo:6.1.0", `${PODINFO}:6.1.0`))[0]).toContainEqual(staging);
        expect((await moved(files, "ghcr.io/acme/podinfo:6.1.0", `${PODINFO}:6.1.0`))[0]).not.toContainEqual(staging);
      });

      withKubectl("is what kubectl kustomize renders for the overlay", async () => {
        const own = IN_IMAGE.replace("      tag:", "      repository: acme/podinfo\n      tag:");
        for (const [values, images, image] of [
          [IN_IMAGE, [`${PODINFO}:6.1.0`], { tag: "6.0.0" }],
          [IN_VALUES, [`${PODINFO}:6.1.0`], { tag: "6.0.0" }],
          [own, [`${PODINFO}:6.1.0`, "acme/podinfo:6.1.0"], { repository: "acme/podinfo", tag: "6.1.0" }],
        ] as const) {
          expect(await rendered(tree(split, values, merge), images)).toEqual(image);
        }
      });
    });

    describe("a custom resource's list in a strategic merge: kustomize renders the patch's list whole, merging none of its items over the base's", () => {
      const SIDE = "ghcr.io/acme/side";
      const sidecars = (image: string) => `    sidecars:\n      - name: side\n        image:\n${image}`;
      const base = RELEASE.replace("    image:\n", sidecars(`          repository: ${SIDE}\n          tag: 1.0.0\n`) + "    image:\n");
      // Staging's patch file writes the sidecars list (line 7), its item's tag alone (line 10).
      const merge = (values: string) => ({
        "apps/staging/kustomization.yaml": overlay(),
        "apps/staging/podinfo-values.yaml": VALUES.replace(/ {4}image:\n.*$/s, values),
      });
      const files = tree(base, sidecars("          tag: 1.0.0\n"), merge);

      it("a lone tag in the patch's list item is no tag of the base's item at that index: not moved with it, and said at the tag, with how to make it one", async () => {
        expect(await moved(files, `${SIDE}:1.1.0`)).toEqual([
          [["apps/base/podinfo/release.yaml", "spec.values.sidecars[0].image.tag", "1.1.0"]],
          [
            [
              "apps/staging/podinfo-values.yaml",
              10,
              `spec.values.sidecars[0].image.tag is not edited for ${SIDE}: the patch's list spec.values.sidecars (line 7) replaces the base's whole, as kustomize writes a custom resource's list, so the base's repository (${SIDE}, apps/base/podinfo/release.yaml:11) does not apply and the image it deploys is not known here (Helm takes the chart's default); write repository: ${SIDE} beside the tag, or set it with a JSON6902 op at /spec/values/sidecars/0/image/tag`,
            ],
          ],
        ]);
      });

      withKubectl("is what kubectl kustomize renders for the overlay: the patch's item alone", async () => {
        const dir = await tempDir("gp-cr-list-");
        for (const [path, text] of Object.entries(files)) {
          await mkdir(join(dir, dirname(path)), { recursive: true });
          await writeFile(join(dir, path), text);
        }
        const rendered = parse(kustomize(join(dir, "apps/staging"))) as { spec: { values: { sidecars: unknown } } };
        expect(rendered.spec.values.sidecars).toEqual([{ name: "side", image: { tag: "1.0.0" } }]);
      });

      describe("a JSON6902 `add` at a list index (or `-`) inserts its item: the base's moves on, deployed as written", () => {
        const insert = (path: string) => (value: string) => ({
          "apps/staging/kustomization.yaml": overlay(
            `  - target: {kind: HelmRelease, name: podinfo}\n    patch: |\n      - op: add\n        path: ${path}\n        value: ${value}\n`,
          ),
        });
        const inserted = (path: string) => tree(base, "{name: new, image: {tag: 1.0.0}}", insert(path));
        /** The sidecars kubectl kustomize renders for staging once the run's changes for `image` to `files` are written. */
        const sidecarsAfter = async (files: Record<string, string>, image: string) => {
          const p = await plan(files, image);
          const dir = await tempDir("gp-cr-shifted-");
          for (const [path, text] of Object.entries(files)) {
            await mkdir(join(dir, dirname(path)), { recursive: true });
            await writeFile(join(dir, path), p.files.find((f) => f.path === path)?.after ?? text);
          }
          return (parse(kustomize(join(dir, "apps/staging"))) as { spec: { values: { sidecars: unknown } } }).spec.values.sidecars;
        };

        it("a tag in the inserted item is no tag of the base's item, which is not replaced: nothing said of it", async () => {
          for (const path of ["/spec/values/sidecars/0", "/spec/values/sidecars/-"]) {
            expect(await moved(inserted(path), `${SIDE}:1.1.0`)).toEqual([
              [["apps/base/podinfo/release.yaml", "spec.values.sidecars[0].image.tag", "1.1.0"]],
              [],
            ]);
          }
        });

        withKubectl("is what kubectl kustomize renders for the overlay: the inserted item and the base's", async () => {
          const dir = await tempDir("gp-cr-insert-");
          for (const [path, text] of Object.entries(inserted("/spec/values/sidecars/0"))) {
            await mkdir(join(dir, dirname(path)), { recursive: true });
            await writeFile(join(dir, path), text);
          }
          const rendered = parse(kustomize(join(dir, "apps/staging"))) as { spec: { values: { sidecars: unknown } } };
          expect(rendered.spec.values.sidecars).toEqual([
            { name: "new", image: { tag: "1.0.0" } },
            { name: "side", image: { repository: SIDE, tag: "1.0.0" } },
          ]);
        });

        describe("a later op of the patch lands where the earlier ones left the list: an index past the inserted item counts it, one an item was removed before counts that", () => {
          // Staging's ops: `first`, then the tag alone at `tagAt`, which is the base's item's tag once the first is counted.
          const ops = (first: string, tagAt: string) =>
            tree(base, "", () => ({
              "apps/staging/kustomization.yaml": overlay(
                `  - target: {kind: HelmRelease, name: podinfo}\n    patch: |\n${first}      - op: replace\n        path: ${tagAt}\n        value: 1.0.0\n`,
              ),
            }));
          const INSERTED = ops("      - op: add\n        path: /spec/values/sidecars/0\n        value: {name: new}\n", "/spec/values/sidecars/1/image/tag");
          const REMOVED = {
            ...ops("      - op: remove\n        path: /spec/values/sidecars/0\n", "/spec/values/sidecars/0/image/tag"),
            "apps/base/podinfo/release.yaml": base.replace(
              "    sidecars:\n",
              `    sidecars:\n      - {name: gone, image: {repository: ${SIDE}, tag: 0.1.0}}\n`,
            ),
          };

          it("a tag alone at the base's item it lands on is that item's: moved with it", async () => {
            expect(await moved(INSERTED, `${SIDE}:1.1.0`)).toEqual([
              [
                ["apps/base/podinfo/release.yaml", "spec.values.sidecars[0].image.tag", "1.1.0"],
                ["apps/staging/kustomization.yaml", "patches[0].patch[1].value", "1.1.0"],
              ],
              [],
            ]);
            expect((await moved(REMOVED, `${SIDE}:1.1.0`))[0]).toContainEqual(["apps/staging/kustomization.yaml", "patches[0].patch[1].value", "1.1.0"]);
          });

          withKubectl("is what kubectl kustomize renders for the overlay: the base's item with the moved tag", async () => {
            for (const [files, sidecars] of [
              [INSERTED, [{ name: "new" }, { name: "side", image: { repository: SIDE, tag: "1.1.0" } }]],
              [REMOVED, [{ name: "side", image: { repository: SIDE, tag: "1.1.0" } }]],
            ] as const) {
              expect(await sidecarsAfter(files, `${SIDE}:1.1.0`)).toEqual(sidecars);
            }
          });
        });

        describe("a pair the inserted item and a later op into it write in parts is one pair, which the Helm editor reading each op alone does not see", () => {
          const APP = "ghcr.io/acme/app";
          // Staging's ops: `add` an item holding `item`, then `add` (or `replace`) the field `field` inside it (the latter's value on line 11).
          const parts = (item: string, op: string, field: string, value: string) =>
            tree(base, "", () => ({
              "apps/staging/kustomization.yaml": overlay(
                `  - target: {kind: HelmRelease, name: podinfo}\n    patch: |\n      - op: add\n        path: /spec/values/sidecars/0\n        value: {image: ${item}}\n      - op: ${op}\n        path: /spec/values/sidecars/0/image/${field}\n        value: ${value}\n`,
              ),
            }));
          const TAG = parts(`{repository: ${APP}}`, "replace", "tag", '"1.0.0"');
          const REGISTRY = parts("{repository: acme/app, tag: 1.0.0}", "add", "registry", "ghcr.io");

          it("its tag moves with the image its parts name together, the later op's as written", async () => {
            expect(await moved(TAG, `${APP}:1.1.0`)).toEqual([[["apps/staging/kustomization.yaml", "patches[0].patch[1].value", "1.1.0"]], []]);
            expect((await moved(REGISTRY, `${APP}:1.1.0`))[0]).toEqual([["apps/staging/kustomization.yaml", "patches[0].patch[0].value.image.tag", "1.1.0"]]);
          });

          it("and with no other: not with the repository of the inserted item, read without the later op's registry", async () => {
            expect((await moved(REGISTRY, "acme/app:1.1.0"))[0]).toEqual([]);
          });

          withKubectl("is what kubectl kustomize renders for the overlay: one pair, its tag the run's", async () => {
            const side = { name: "side", image: { repository: SIDE, tag: "1.0.0" } };
            expect(await sidecarsAfter(TAG, `${APP}:1.1.0`)).toEqual([{ image: { repository: APP, tag: "1.1.0" } }, side]);
            expect(await sidecarsAfter(REGISTRY, `${APP}:1.1.0`)).toEqual([{ image: { registry: "ghcr.io", repository: "acme/app", tag: "1.1.0" } }, side]);
          });
        });
      });
    });

    describe("a strategic merge's `$patch: delete`, a key it writes as YAML's null, or a JSON6902 `remove` op: kustomize renders no image mapping there (or no tag), whatever the patch writes beside it", () => {
      const merge = (values: string) => ({
        "apps/staging/kustomization.yaml": overlay(),
        "apps/staging/podinfo-values.yaml": VALUES.replace(/ {4}image:\n.*$/s, values),
      });
      const remove = (path: string) => ({
        "apps/staging/kustomization.yaml": overlay(`  - target: {kind: HelmRelease, name: podinfo}\n    patch: |\n      - op: remove\n        path: ${path}\n`),
      });
      const TAG = "    image:\n      $patch: delete\n      tag: 6.0.0\n";
      const PAIR = "    image:\n      $patch: delete\n      registry: ghcr.io\n      repository: stefanprodan/podinfo\n      tag: 6.0.0\n";
      // kubectl kustomize reads YAML's null as deleting its key (`'null'`, a string, is a tag).
      const NULL_TAGS = ["null", "~", "Null", ""].map((tag) => tree(split, `    image:\n      tag: ${tag}\n`.replace(" \n", "\n"), merge));
      const NULL_IMAGE = tree(split, "    image: null\n", merge);
      const DELETING = [
        tree(split, TAG, merge),
        tree(split, PAIR, merge),
        tree(split, "/spec/values/image", remove),
        tree(split, "/spec/values/image/tag", remove),
        ...NULL_TAGS,
        NULL_IMAGE,
      ];
      const BASE_MOVES = [
        ["apps/base/podinfo/release.yaml", "spec.values.image.tag", "6.1.0"],
        ["apps/production/podinfo-values.yaml", "spec.values.image.tag", "6.1.0"],
      ];

      it("a tag (or a pair) beside the directive is deleted with it: not moved, and nothing said of it", async () => {
        for (const files of DELETING) expect(await moved(files, `${PODINFO}:6.1.0`)).toEqual([BASE_MOVES, []]);
      });

      it("a pair of the patch's own whose tag is YAML's null deletes that tag too: not filled, and said at it, with how to have it set", async () => {
        const own = (tag: string) => tree(split, `    image:\n      registry: ghcr.io\n      repository: stefanprodan/podinfo\n      tag: ${tag}\n`, merge);
        const said = `spec.values.image.tag is YAML's null, which kustomize reads as deleting the tag (the base's too: Helm takes the chart's default), so it is not filled for ${PODINFO}; write a tag there to have it moved`;
        for (const tag of ["null", "~"])
          expect(await moved(own(tag), `${PODINFO}:6.1.0`)).toEqual([BASE_MOVES, [["apps/staging/podinfo-values.yaml", 10, said]]]);
        const inline = {
          "apps/staging/kustomization.yaml": overlay(
            `  - patch: |\n${VALUES.replace("      tag: 6.0.0\n", "      registry: ghcr.io\n      repository: stefanprodan/podinfo\n      tag: null\n").replace(/^/gm, "      ")}`,
          ),
        };
        expect(
          await moved(
            tree(split, "", () => inline),
            `${PODINFO}:6.1.0`,
          ),
        ).toEqual([BASE_MOVES, [["apps/staging/kustomization.yaml", 14, said.replace("spec.values", "patches[0].patch: spec.values")]]]);
        // A quoted 'null' is a tag, kustomize's and Helm's: moved as any other.
        expect((await moved(own("'null'"), `${PODINFO}:6.1.0`))[0]).toContainEqual(["apps/staging/podinfo-values.yaml", "spec.values.image.tag", "6.1.0"]);
      });

      withKubectl("is what kubectl kustomize renders for a pair of the patch's own with a null tag: no tag", async () => {
        const files = tree(split, "    image:\n      registry: ghcr.io\n      repository: stefanprodan/podinfo\n      tag: null\n", merge);
        expect(await rendered(files, [`${PODINFO}:6.1.0`])).toEqual({ registry: "ghcr.io", repository: "stefanprodan/podinfo" });
      });

      const config = `targets:\n${["base", "staging", "production"].map((name) => `  - {name: ${name}, paths: ["apps/${name}/**"], images: [{repository: ${PODINFO}}]}\n`).join("")}`;
      // Production patches nothing: it deploys the base's version, and is said to.
      const production = { "apps/production/kustomization.yaml": "resources:\n  - ../base/podinfo\n", ".github/gitops-promote.yaml": config };
      /** The base's change alone, under its own target. */
      const baseAlone = (files: Record<string, string>) => plan({ ...files, ...production }, `${PODINFO}:6.1.0`, { targets: ["base"] });

      it("the overlay sets the version the base writes: the base's change under its own target is not said to be deployed by it", async () => {
        for (const files of DELETING) {
          const p = await baseAlone(files);
          expect([p.changes.map((c) => c.file), p.warnings.map((w) => w.message.split(":")[0])]).toEqual([
            ["apps/base/podinfo/release.yaml"],
            ["also deployed by target production"],
          ]);
        }
      });

      describe("a repository the patch writes as YAML's null deletes the base's: the pair deployed has none", () => {
        const NULL_REPOSITORY = tree(split, "    image:\n      repository: null\n      tag: 6.0.0\n", merge);
        const NULL_ALONE = tree(split, "    image:\n      repository: ~\n", merge);

        it("a tag beside it is no tag of the base's image: not moved with it, and said at the tag, with how to make it one", async () => {
          expect(await moved(NULL_REPOSITORY, `${PODINFO}:6.1.0`)).toEqual([
            BASE_MOVES,
            [
              [
                "apps/staging/podinfo-values.yaml",
                9,
                `spec.values.image.tag is not edited for ${PODINFO}: repository: null (line 8) deletes the repository of the spec.values.image mapping, so the base's repository (stefanprodan/podinfo, apps/base/podinfo/release.yaml:10) does not apply and the image it deploys is not known here (Helm takes the chart's default); write repository: stefanprodan/podinfo in its place to have it moved`,
              ],
            ],
          ]);
        });

        it("the overlay sets the version the base writes, with a tag or none: the base's change under its own target is not said to be deployed by it", async () => {
          for (const files of [NULL_REPOSITORY, NULL_ALONE]) {
            const p = await baseAlone(files);
            expect(p.warnings.map((w) => w.message.split(":")[0])).toEqual(["also deployed by target production"]);
          }
        });

        withKubectl("is what kubectl kustomize renders for the overlay: the base's registry and a tag, no repository", async () => {
          expect(await rendered(NULL_REPOSITORY, [`${PODINFO}:6.1.0`])).toEqual({ registry: "ghcr.io", tag: "6.0.0" });
          // The base's tag, moved, under the chart's default repository: no podinfo of the base's.
          expect(await rendered(NULL_ALONE, [`${PODINFO}:6.1.0`])).toEqual({ registry: "ghcr.io", tag: "6.1.0" });
        });
      });

      withKubectl("is what kubectl kustomize renders for the overlay: no tag of the base's, none the run writes", async () => {
        const [tag, pair, mapping, alone] = DELETING;
        const untagged = { registry: "ghcr.io", repository: "stefanprodan/podinfo" };
        const cases: [Record<string, string> | undefined, unknown][] = [
          [tag, undefined],
          [pair, undefined],
          [mapping, undefined],
          [alone, untagged],
          ...NULL_TAGS.map((files): [Record<string, string>, unknown] => [files, untagged]),
          [NULL_IMAGE, undefined],
        ];
        for (const [files, image] of cases) {
          // Nothing of staging's is edited, and staging is not said to deploy the base's new tag: it renders none.
          const edited = (await plan(files!)).files.flatMap((f) => (f.path.startsWith("apps/staging/") ? [f.path] : []));
          const said = (await baseAlone(files!)).warnings.flatMap((w) => (w.message.includes("staging") ? [w.message] : []));
          expect([await rendered(files!, [`${PODINFO}:6.1.0`]), edited, said]).toEqual([image, [], []]);
        }
      });
    });
  });

  withKubectl("is what kubectl kustomize renders for each overlay", async () => {
    const p = await plan(TREE);
    const dir = await tempDir("gp-patched-tags-");
    for (const [path, text] of Object.entries(TREE)) {
      await mkdir(join(dir, dirname(path)), { recursive: true });
      await writeFile(join(dir, path), p.files.find((f) => f.path === path)?.after ?? text);
    }
    const rendered = (overlay: string) => (parse(kustomize(join(dir, overlay))) as { spec: { values: { image: unknown } } }).spec.values.image;
    expect([rendered("apps/staging"), rendered("apps/production")]).toEqual([
      { repository: PODINFO, tag: "6.1.0" },
      { repository: PODINFO, tag: "6.1.0" },
    ]);
  });

  it("under targets, moves each overlay's tag by its own target's policy: a release candidate moves staging's alone, and the base in no target, whose tag no build deploys, is not named", async () => {
    const p = await plan({ ...TREE, ".github/gitops-promote.yaml": CONFIG }, `${PODINFO}:6.1.0-rc.1`);
    expect(p.changes.map((c) => [c.file, c.target, c.new])).toEqual([["apps/staging/podinfo-values.yaml", "staging", "6.1.0-rc.1"]]);
    expect(p.warnings.map((w) => w.message)).toEqual([`target production: ${PODINFO}:6.1.0-rc.1 is outside its policy (semver ^6.0.0); not edited there`]);
  });

  it("pairs an inline strategic merge matched by its own kind and name, and an inline JSON6902 op matched by its target", async () => {
    const merge = `  - patch: |\n${VALUES.replace(/^/gm, "      ")}`;
    const op =
      "  - target: {kind: HelmRelease, name: podinfo}\n    patch: |\n      - op: replace\n        path: /spec/values/image/tag\n        value: 6.0.0\n";
    const p = await plan({ ...BASE, "apps/staging/kustomization.yaml": overlay(merge), "apps/production/kustomization.yaml": overlay(op) });
    expect(p.changes.map((c) => [c.file, c.key, c.new])).toEqual([
      ["apps/base/podinfo/release.yaml", "spec.values.image.tag", "6.1.0"],
      ["apps/production/kustomization.yaml", "patches[0].patch[0].value", "6.1.0"],
      ["apps/staging/kustomization.yaml", "patches[0].patch: spec.values.image.tag", "6.1.0"],
    ]);
  });

  it("leaves an inline op kustomize refuses to read (YAML's flow spelling `[{op: …}]`), and says so at it: that build fails, so its tag deploys nothing", async () => {
    const refused = "  - target: {kind: HelmRelease, name: podinfo}\n    patch: '[{op: replace, path: /spec/values/image/tag, value: 6.0.0}]'\n";
    const p = await plan({ ...BASE, "apps/staging/kustomization.yaml": overlay(refused) });
    expect([p.changes.map((c) => c.file), p.warnings.map((w) => [w.file, w.line, w.message])]).toEqual([
      ["apps/base/podinfo/release.yaml"],
      [
        [
          "apps/staging/kustomization.yaml",
          5,
          'patches[0].patch starts with "[", so kustomize reads it as JSON, which it is not: kubectl kustomize fails the build ("unable to parse SM or JSON patch"), ' +
            'so nothing in it is edited or read as applying; write it as JSON, every key and string in double quotes ([{"op": "replace", …}]), or as a YAML list (- op: replace)',
        ],
      ],
    ]);
    // As JSON the op is read, and its tag moved.
    const json = refused.replace(
      "[{op: replace, path: /spec/values/image/tag, value: 6.0.0}]",
      '[{"op": "replace", "path": "/spec/values/image/tag", "value": "6.0.0"}]',
    );
    const read = await plan({ ...BASE, "apps/staging/kustomization.yaml": overlay(json) });
    expect([read.changes.map((c) => [c.file, c.new]), read.warnings]).toEqual([
      [
        ["apps/base/podinfo/release.yaml", "6.1.0"],
        ["apps/staging/kustomization.yaml", "6.1.0"],
      ],
      [],
    ]);
    expect(
      patchDocuments(
        { ...byPath({ target: { kind: "HelmRelease" } }), inline: { text: " [{op: remove, path: /spec/values/image}]", at: [], line: 1 } },
        " [{op: remove, path: /spec/values/image}]",
      ),
    ).toEqual([]);
  });

  it("leaves a lone tag of a kustomization beside a patch kustomize refuses to read, saying so at that patch alone: the build fails, deploying no tag of it", async () => {
    const REPLICAS = "[{op: replace, path: /spec/replicas, value: 2}]";
    const refused = `  - target: {kind: HelmRelease}\n    patch: '${REPLICAS}'\n`;
    const said = (what: string) =>
      `${what} starts with "[", so kustomize reads it as JSON, which it is not: kubectl kustomize fails the build ("unable to parse SM or JSON patch"), ` +
      'so nothing in it is edited or read as applying; write it as JSON, every key and string in double quotes ([{"op": "replace", …}]), or as a YAML list (- op: replace)';
    // The lone tag inline beside it (the refused patch on line 7), or in a patch file beside a refused patch file.
    const inline = await plan({
      ...TREE,
      "apps/staging/kustomization.yaml": overlay(
        `  - target: {kind: HelmRelease}\n    patch: '- {op: replace, path: /spec/values/image/tag, value: 6.0.0}'\n${refused}`,
      ),
    });
    const files = await plan({
      ...TREE,
      "apps/staging/kustomization.yaml": overlay("  - path: podinfo-values.yaml\n  - path: replicas.yaml\n    target: {kind: HelmRelease}\n"),
      "apps/staging/replicas.yaml": `${REPLICAS}\n`,
    });
    for (const [p, warning] of [
      [inline, ["apps/staging/kustomization.yaml", 7, said("patches[1].patch")]],
      [files, ["apps/staging/replicas.yaml", 1, said("this patch file")]],
    ] as const) {
      expect([p.changes.map((c) => c.file), p.warnings.map((w) => [w.file, w.line, w.message])]).toEqual([
        ["apps/base/podinfo/release.yaml", "apps/production/podinfo-values.yaml"],
        [warning],
      ]);
    }
  });

  it("leaves a tag whose patch applies to several HelmReleases, or by a label selector, and names its base and the override that sets it", async () => {
    const redis = RELEASE.replaceAll("podinfo", "redis").replace("ghcr.io/stefanprodan/redis", "docker.io/bitnami/redis");
    const production = { ...BASE, "apps/production/kustomization.yaml": overlay(), "apps/production/podinfo-values.yaml": VALUES };
    const both = {
      ...production,
      "apps/base/podinfo/kustomization.yaml": "resources:\n  - release.yaml\n  - redis.yaml\n",
      "apps/base/podinfo/redis.yaml": redis,
    };
    const labelled = {
      ...production,
      "apps/production/kustomization.yaml": overlay("  - path: podinfo-values.yaml\n    target:\n      labelSelector: app=podinfo\n"),
    };
    const warned = async (files: Record<string, string>) => {
      const p = await plan(files);
      return [p.changes.map((c) => c.file), p.warnings.map((w) => [w.file, w.line, w.message])];
    };
    const advice = `set it with an overrides: entry in the configuration (file: apps/production/podinfo-values.yaml, spec: spec.values.image.tag, image: ${PODINFO}, part: tag)`;
    expect(await warned(both)).toEqual([
      ["apps/base/podinfo/release.yaml"],
      [
        [
          "apps/production/podinfo-values.yaml",
          8,
          `spec.values.image.tag sets the tag of ${PODINFO} (apps/base/podinfo/release.yaml:9) alone, but its patch applies by kind and name to 2 resources, so which resource it deploys is not known here, and it was not moved: ${advice}`,
        ],
      ],
    ]);
    expect((await warned(labelled))[1]).toEqual([
      [
        "apps/production/podinfo-values.yaml",
        8,
        `spec.values.image.tag sets the tag of ${PODINFO} (apps/base/podinfo/release.yaml:9) alone, but its patch applies by a label or annotation selector, so which resource it deploys is not known here, and it was not moved: ${advice}`,
      ],
    ]);
    // The override it names sets the tag, and answers the warning.
    const override = `overrides:\n  - {file: apps/production/podinfo-values.yaml, spec: spec.values.image.tag, image: ${PODINFO}, part: tag}\n`;
    const p = await plan({ ...labelled, ".github/gitops-promote.yaml": override });
    expect([p.changes.map((c) => [c.file, c.kind, c.new]), p.warnings]).toEqual([
      [
        ["apps/base/podinfo/release.yaml", "helm", "6.1.0"],
        ["apps/production/podinfo-values.yaml", "override", "6.1.0"],
      ],
      [],
    ]);
  });
});

describe("planUpdate: a patch file written as JSON (`.json`), which kustomize reads as YAML", () => {
  const APP = "ghcr.io/acme/app";
  const DEPLOYMENT = `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: app}\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: ${APP}:0.9\n`;
  const OP = `[{"op": "replace", "path": "/spec/template/spec/containers/0/image", "value": "${APP}:1.0"}]\n`;
  const MERGE = `{"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "app"},\n "spec": {"template": {"spec": {"containers": [{"name": "app", "image": "${APP}:1.0"}]}}}}\n`;
  // Base in dev, overlay in prod: dev's edit of the base reaches prod only where prod's overlay sets no version of its own.
  const CONFIG = `targets:\n  - name: dev\n    paths: ["base/**"]\n    images: [{repository: ${APP}}]\n  - name: prod\n    paths: ["prod/**"]\n    images: [{repository: ${APP}}]\n`;
  const tree = (kustomization: string, files: Record<string, string>) => ({
    "base/kustomization.yaml": "resources: [deployment.yaml]\n",
    "base/deployment.yaml": DEPLOYMENT,
    "prod/kustomization.yaml": `resources: [../base]\n${kustomization}`,
    ...Object.fromEntries(Object.entries(files).map(([name, text]) => [`prod/${name}`, text])),
  });
  const SPELLINGS: [string, Record<string, string>, string][] = [
    ["patches:\n  - path: image.json\n    target: {kind: Deployment}\n", { "image.json": OP }, "[0].value"],
    ["patches:\n  - path: image.json\n", { "image.json": MERGE }, "spec.template.spec.containers[0].image"],
    ["patchesJson6902:\n  - path: image.json\n    target: {group: apps, version: v1, kind: Deployment, name: app}\n", { "image.json": OP }, "[0].value"],
    ["patchesStrategicMerge: [image.json]\n", { "image.json": MERGE }, "spec.template.spec.containers[0].image"],
  ];
  // As the YAML editor says it at a patch file starting with "[" that is no JSON (inline-patch.ts).
  const REFUSED =
    'this patch file written as JSON is not JSON: kubectl kustomize fails the build ("unable to parse SM or JSON patch"), so nothing in it is edited or read as applying; ' +
    'write every key and string in double quotes ([{"op": "replace", …}])';
  const TAG_OP = '[{"op": "replace", "path": "/spec/values/image/tag", "value": "6.0.0"}]\n';
  /** A HelmRelease base, built by prod's kustomization with `patches`, and prod's `files`. */
  const helmTree = (patches: string, files: Record<string, string>): Record<string, string> => ({
    "base/kustomization.yaml": "resources: [release.yaml]\n",
    "base/release.yaml": RELEASE,
    "prod/kustomization.yaml": `resources: [../base]\npatches:\n${patches}`,
    ...Object.fromEntries(Object.entries(files).map(([name, text]) => [`prod/${name}`, text])),
  });
  const helmPlan = (files: Record<string, string>) => planUpdate(memorySource(new Map(Object.entries(files))), { images: [`${PODINFO}:6.1.0`] });
  /** The plan of a tree, each file the run reads put in `reads` (what it reads is most of its cost). */
  const plan = (files: Record<string, string>, { config = CONFIG, reads = [] as string[] } = {}) => {
    const source = memorySource(new Map(Object.entries({ ...files, ".github/gitops-promote.yaml": config })));
    return planUpdate({ ...source, read: (path) => (reads.push(path), source.read(path)) }, { images: [`${APP}:1.1`] });
  };
  const rendered = async (files: Record<string, string>) => {
    const dir = await tempDir("gp-json-patch-");
    for (const [path, text] of Object.entries(files)) {
      await mkdir(join(dir, dirname(path)), { recursive: true });
      await writeFile(join(dir, path), text);
    }
    return kustomize(join(dir, "prod"));
  };

  it("reads its image as setting prod's version: dev's base edit is not said to reach prod, and the version it sets, which no editor edits, is said at it", async () => {
    for (const [kustomization, files, key] of SPELLINGS) {
      const p = await plan(tree(kustomization, files));
      expect([p.changes.map((c) => [c.file, c.new]), p.warnings.map((w) => [w.file, w.line, w.message])]).toEqual([
        [["base/deployment.yaml", `${APP}:1.1`]],
        [
          [
            "prod/image.json",
            key === "[0].value" ? 1 : 2,
            `${key} sets the version of ${APP} in this patch file written as JSON, which kustomize reads but gitops-promote does not edit, so it is not moved to 1.1; ` +
              "write the patch as YAML (a .yaml file the kustomization names instead) to have it moved, or change it here by hand",
          ],
        ],
      ]);
    }
  });

  it("is looked for only where a .json may hold an incoming image: a package.json and a dashboard a kustomization generates do not have every kustomization read again", async () => {
    const reads: string[] = [];
    const files = {
      "package.json": '{"name": "manifests", "private": true}\n',
      "base/kustomization.yaml": "resources: [deployment.yaml]\nconfigMapGenerator:\n  - name: dashboards\n    files: [dashboard.json]\n",
      "base/deployment.yaml": DEPLOYMENT,
      "base/dashboard.json": '{"title": "app", "panels": [{"type": "timeseries", "title": "restarts"}]}\n',
    };
    // One target: a second would read the builds anyway, for what the base's edit reaches (cross-target.ts).
    const p = await plan(files, { config: `targets:\n  - name: dev\n    paths: ["**"]\n    images: [{repository: ${APP}}]\n`, reads });
    expect([p.changes.map((c) => c.file), p.warnings, reads.filter((path) => path.endsWith("kustomization.yaml"))]).toEqual([
      ["base/deployment.yaml"],
      [],
      // Read once, by the screen every file goes through, not again as a build.
      ["base/kustomization.yaml"],
    ]);
  });

  it("reads one kustomize refuses (no JSON: a version unquoted) as failing prod's build, which deploys nothing: dev's base edit is not said to reach prod, and why is said at it", async () => {
    const p = await plan(tree(SPELLINGS[0]![0], { "image.json": OP.replace(`"${APP}:1.0"`, `${APP}:1.0`) }));
    expect([p.changes.map((c) => c.file), p.warnings.map((w) => [w.file, w.line, w.message])]).toEqual([
      ["base/deployment.yaml"],
      [["prod/image.json", 1, REFUSED]],
    ]);
    // Also where it holds a Helm tag alone, which no screen for an incoming repository finds.
    const helm = await helmPlan(helmTree("  - path: tag.json\n    target: {kind: HelmRelease}\n", { "tag.json": TAG_OP.replace('"6.0.0"', "6.0.0") }));
    expect([helm.changes.map((c) => c.file), helm.warnings.map((w) => [w.file, w.line, w.message])]).toEqual([
      ["base/release.yaml"],
      [["prod/tag.json", 1, REFUSED]],
    ]);
  });

  it("says a Helm tag it writes alone over the base's pair at it, where a YAML patch's is moved", async () => {
    const p = await helmPlan(helmTree("  - path: tag.json\n    target: {kind: HelmRelease}\n", { "tag.json": TAG_OP }));
    expect([
      p.changes.map((c) => c.file),
      p.warnings.map((w) => [w.file, w.line, w.message.startsWith(`[0].value sets the version of ${PODINFO} in this patch file written as JSON`)]),
    ]).toEqual([["base/release.yaml"], [["prod/tag.json", 1, true]]]);
  });

  it("advises, at a Helm tag it writes alone that is not paired, what sets it, which no override of a .json does: by hand, or as YAML with the override named", async () => {
    const merge =
      '{"apiVersion": "helm.toolkit.fluxcd.io/v2", "kind": "HelmRelease", "metadata": {"name": "podinfo"}, "spec": {"values": {"image": {"tag": "6.0.0"}}}}\n';
    const selected = (file: string) => `  - path: ${file}\n    target: {labelSelector: app=podinfo}\n`;
    const p = await helmPlan(helmTree(selected("tag.json"), { "tag.json": merge }));
    const entry = `file: prod/tag.yaml, spec: spec.values.image.tag, image: ${PODINFO}, part: tag`;
    expect([p.changes.map((c) => c.file), p.warnings.map((w) => [w.file, w.line, w.message])]).toEqual([
      ["base/release.yaml"],
      [
        [
          "prod/tag.json",
          1,
          `spec.values.image.tag sets the tag of ${PODINFO} (base/release.yaml:9) alone, but its patch applies by a label or annotation selector, ` +
            "so which resource it deploys is not known here, and it was not moved: no marker or override edits this patch file written as JSON; change it here by hand, " +
            `or write the patch as YAML in prod/tag.yaml, which the kustomization names instead, and set it with an overrides: entry in the configuration (${entry})`,
        ],
      ],
    ]);
    // The advice followed: the same text in tag.yaml (JSON is YAML) named instead, and the entry the warning gives configured.
    const given = /\((file: [^)]*)\)$/.exec(p.warnings[0]!.message)![1];
    const followed = await helmPlan({
      ...helmTree(selected("tag.yaml"), { "tag.yaml": merge }),
      ".github/gitops-promote.yaml": `overrides:\n  - {${given}}\n`,
    });
    expect([followed.changes.map((c) => [c.file, c.new]), followed.warnings]).toEqual([
      [
        ["base/release.yaml", "6.1.0"],
        ["prod/tag.yaml", "6.1.0"],
      ],
      [],
    ]);
    // Over a base whose registry is not read, the tag is not known either: set by hand, which no marker or override of a .json does.
    const unread = await helmPlan({
      ...helmTree("  - path: tag.json\n    target: {kind: HelmRelease}\n", { "tag.json": TAG_OP }),
      "base/release.yaml": RELEASE.replace(`repository: ${PODINFO}`, "registry: [ghcr.io]\n      repository: stefanprodan/podinfo"),
    });
    // The base's own tag is said at the base, as without the patch.
    expect(unread.warnings.filter((w) => w.file === "prod/tag.json").map((w) => [w.file, w.line, w.message])).toEqual([
      [
        "prod/tag.json",
        1,
        "spec.values.image.registry in base/release.yaml (line 9) is [ghcr.io], which is no string: the registry stefanprodan/podinfo is pulled from is not known, " +
          `so [0].value is not edited for ${PODINFO}; write the registry as a string, or change [0].value here by hand (no marker or override edits this patch file written as JSON)`,
      ],
    ]);
  });

  withKubectl("is what kubectl kustomize renders: the JSON patch's image, and no build of the refused one", async () => {
    for (const [kustomization, files] of SPELLINGS) expect(await rendered(tree(kustomization, files))).toContain(`image: ${APP}:1.0\n`);
    await expect(rendered(tree(SPELLINGS[0]![0], { "image.json": OP.replace(`"${APP}:1.0"`, `${APP}:1.0`) }))).rejects.toThrow(
      /unable to parse SM or JSON patch/,
    );
  });
});
