/** A change in one target's base that another target's overlay builds as written: it reaches that target too, and is said at the field. */
import { describe, expect, it } from "vitest";
import type { Change } from "../../src/change.js";
import { parseConfig } from "../../src/engine/config.js";
import { reachingOtherTargets, type EditedFile } from "../../src/engine/cross-target.js";
import { planUpdate } from "../../src/engine/plan.js";
import { memorySource } from "../../src/engine/source.js";
import { validateRequest } from "../../src/engine/request.js";
import { targetOf } from "../../src/engine/targets.js";

const CACHE = "ghcr.io/acme/cache";
/** The trial's configuration: dev pushes its base and overlay, prod takes ^2.2.0 by pull request. */
const CONFIG = `targets:
  - name: dev
    paths: ["apps/cache/base/**", "apps/*/overlays/dev/**"]
    images: [{repository: ${CACHE}}]
    delivery: {mode: push}
  - name: prod
    paths: ["apps/*/overlays/prod/**"]
    images: [{repository: ${CACHE}, policy: {semver: {range: "^2.2.0"}}}]
    delivery: {mode: pull-request, reviewers: [alice]}
`;
const DEPLOYMENT = "apps/cache/base/deployment.yaml";
const deployment = (tag: string) =>
  `kind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: cache\n          image: ${CACHE}:${tag}\n`;
const OVERLAY = "resources:\n  - ../../base\n";
const RETAG = `${OVERLAY}images:\n  - name: ${CACHE}\n    newTag: 2.2.0\n`;
const KUSTOMIZATIONS = {
  "apps/cache/base/kustomization.yaml": "resources: [deployment.yaml]\n",
  "apps/cache/overlays/dev/kustomization.yaml": OVERLAY,
  "apps/cache/overlays/prod/kustomization.yaml": OVERLAY,
};
const imageChange = (tag: string): Change => ({
  file: DEPLOYMENT,
  line: 7,
  kind: "image",
  key: "spec.template.spec.containers[0].image",
  old: `${CACHE}:2.2.0`,
  new: `${CACHE}:${tag}`,
  target: "dev",
});

/** The warnings for `planned` in a tree of `kustomizations` (and `others`), and how many times the kustomizations were read. */
async function reaching(
  planned: readonly EditedFile[],
  { config = CONFIG, kustomizations = KUSTOMIZATIONS, images = [`${CACHE}:3.0.0-rc.1`], others = [DEPLOYMENT] } = {},
) {
  const { targets } = parseConfig(config);
  const run = {
    valid: validateRequest({ images }),
    files: [...Object.keys(kustomizations), ...others].sort(),
    config: { targets },
    ownerOf: targetOf(targets),
  };
  let reads = 0;
  const read = async () => {
    reads++;
    return {
      kustomizations: Object.entries(kustomizations).map(([file, text]) => ({ file, text })),
      deployers: [],
      patches: new Map(),
      files: run.files,
      treeRoot: "",
    };
  };
  const warnings = await reachingOtherTargets(run, planned, read);
  return { warnings, reads };
}

const editedBase: EditedFile = { path: DEPLOYMENT, after: deployment("3.0.0-rc.1"), changes: [imageChange("3.0.0-rc.1")] };

describe("reachingOtherTargets", () => {
  it("says at the field that prod's overlay builds dev's base as written: the version reaches prod outside its policy and its pull request", async () => {
    const { warnings } = await reaching([editedBase]);
    expect(warnings).toEqual([
      {
        file: DEPLOYMENT,
        line: 7,
        message:
          "also deployed by target prod: apps/cache/overlays/prod/kustomization.yaml builds this file and sets no version of ghcr.io/acme/cache, " +
          "so this change of target dev deploys 3.0.0-rc.1 there too, outside prod's policy (semver ^2.2.0), without prod's pull request; " +
          "to keep it to dev, give each overlay its own version in images: (name: ghcr.io/acme/cache, newTag: …), or move apps/cache/base out of dev's paths",
      },
    ]);
  });

  it("names no refusal for a version the other target's policy takes, but still the pull request the change goes without", async () => {
    const { warnings } = await reaching([{ ...editedBase, after: deployment("2.3.0"), changes: [imageChange("2.3.0")] }], { images: [`${CACHE}:2.3.0`] });
    expect(warnings.map((w) => w.message)).toEqual([expect.stringContaining("deploys 2.3.0 there too, without prod's pull request; to keep it to dev")]);
  });

  it("says nothing when prod's overlay re-tags the image: the base's version never reaches prod", async () => {
    const { warnings } = await reaching([editedBase], { kustomizations: { ...KUSTOMIZATIONS, "apps/cache/overlays/prod/kustomization.yaml": RETAG } });
    expect(warnings).toEqual([]);
  });

  it("says nothing of the file's own target's overlays", async () => {
    const config = CONFIG.replace('["apps/*/overlays/prod/**"]', '["apps/*/overlays/qa/**"]');
    expect((await reaching([editedBase], { config })).warnings).toEqual([]);
  });

  it("names each other target by its nearest kustomization, with one whose allow-list lacks the image", async () => {
    const config = `${CONFIG}  - name: qa\n    paths: ["apps/*/overlays/qa/**", "clusters/qa/**"]\n    images: [{repository: ghcr.io/acme/other}]\n`;
    const kustomizations = {
      ...KUSTOMIZATIONS,
      "apps/cache/overlays/qa/kustomization.yaml": OVERLAY,
      "clusters/qa/kustomization.yaml": "resources: [../../apps/cache/overlays/qa]\n",
    };
    const { warnings } = await reaching([editedBase], { config, kustomizations });
    expect(warnings.map((w) => w.message)).toEqual([
      "also deployed by targets prod and qa: apps/cache/overlays/prod/kustomization.yaml (prod) and apps/cache/overlays/qa/kustomization.yaml (qa) build this file " +
        "and set no version of ghcr.io/acme/cache, so this change of target dev deploys 3.0.0-rc.1 there too, outside prod's policy (semver ^2.2.0), " +
        "though qa does not allow ghcr.io/acme/cache, without prod's pull request; " +
        "to keep it to dev, give each overlay its own version in images: (name: ghcr.io/acme/cache, newTag: …), or move apps/cache/base out of dev's paths",
    ]);
  });

  it("follows an includer that spells the base's path with `..` after a name, as kustomize reads it normalised (a directory it passes need not exist)", async () => {
    const config = `${CONFIG}  - name: staging\n    paths: ["clusters/staging/**"]\n    images: [{repository: ${CACHE}}]\n`;
    for (const resource of ["../../apps/cache/overlays/../base", "../../apps/cache/overlays/./../base", "'../../apps/cache/nowhere/../base/.'"]) {
      const kustomizations = { ...KUSTOMIZATIONS, "clusters/staging/kustomization.yaml": `resources:\n  - ${resource}\n` };
      const { warnings } = await reaching([editedBase], { config, kustomizations });
      expect(
        warnings.map((w) => w.message.split(" build this file")[0]),
        resource,
      ).toEqual([
        "also deployed by targets prod and staging: apps/cache/overlays/prod/kustomization.yaml (prod) and clusters/staging/kustomization.yaml (staging)",
      ]);
    }
  });

  it("says so of a base kustomization's own images: entry, which the overlays including it build", async () => {
    const base = `resources: [deployment.yaml]\nimages:\n  - name: ${CACHE}\n    newTag: 3.0.0-rc.1\n`;
    const change: Change = { file: "apps/cache/base/kustomization.yaml", line: 4, kind: "kustomize", key: "images[0].newTag", old: "2.2.0", new: "3.0.0-rc.1" };
    const { warnings } = await reaching([{ path: change.file, after: base, changes: [change] }], {
      kustomizations: { ...KUSTOMIZATIONS, "apps/cache/base/kustomization.yaml": base },
    });
    expect(warnings.map((w) => [w.file, w.line, w.message])).toEqual([
      [
        "apps/cache/base/kustomization.yaml",
        4,
        expect.stringMatching(/^also deployed by target prod: apps\/cache\/overlays\/prod\/kustomization.yaml builds this file/),
      ],
    ]);
  });

  it("reads no kustomization with one target, nor for a file in no kustomization's directory", async () => {
    const oneTarget = CONFIG.slice(0, CONFIG.indexOf("  - name: prod"));
    expect(await reaching([editedBase], { config: oneTarget })).toEqual({ warnings: [], reads: 0 });
    const apart = { ...editedBase, path: "standalone/deployment.yaml" };
    expect(await reaching([apart], { others: ["standalone/deployment.yaml"] })).toEqual({ warnings: [], reads: 0 });
  });
});

describe("planUpdate: a base one target edits that another target's overlay deploys as written", () => {
  const plan = (files: Record<string, string>) => planUpdate(memorySource(new Map(Object.entries(files))), { images: [`${CACHE}:3.0.0-rc.1`] });
  const tree = { ".github/gitops-promote.yaml": CONFIG, ...KUSTOMIZATIONS, [DEPLOYMENT]: deployment("2.2.0") };

  it("is said at the edited field, naming the other target's overlay and the policy it bypasses", async () => {
    const p = await plan(tree);
    expect(p.changes.map((c) => [c.file, c.target])).toEqual([[DEPLOYMENT, "dev"]]);
    expect(p.warnings.filter((w) => w.file === DEPLOYMENT).map((w) => [w.line, w.message.split(":")[0]])).toEqual([[7, "also deployed by target prod"]]);
  });

  it("is not said where that overlay re-tags the image", async () => {
    const p = await plan({ ...tree, "apps/cache/overlays/prod/kustomization.yaml": RETAG });
    expect(p.warnings.filter((w) => w.message.includes("also deployed by"))).toEqual([]);
  });

  it("is not said where that overlay sets the image with a patch, a strategic merge of the container or a JSON6902 op", async () => {
    const named = deployment("2.2.0").replace("kind: Deployment\n", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: cache}\n");
    const strategicMerge = {
      "apps/cache/overlays/prod/kustomization.yaml": `${OVERLAY}patches:\n  - path: image.yaml\n`,
      "apps/cache/overlays/prod/image.yaml": named,
    };
    const op = {
      "apps/cache/overlays/prod/kustomization.yaml": `${OVERLAY}patches:\n  - target: {kind: Deployment, name: cache}\n    path: op.yaml\n`,
      "apps/cache/overlays/prod/op.yaml": `- op: replace\n  path: /spec/template/spec/containers/0/image\n  value: ${CACHE}:2.2.0\n`,
    };
    for (const patched of [strategicMerge, op]) {
      const p = await plan({ ...tree, [DEPLOYMENT]: named, ...patched });
      expect(p.warnings.filter((w) => w.message.includes("also deployed by"))).toEqual([]);
    }
  });

  it("for a HelmRelease's tag, is not said where the overlay patches the tag, and else says to patch it, as images: does not rewrite Helm values", async () => {
    const RELEASE = "apps/cache/base/release.yaml";
    const release = `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata: {name: cache}\nspec:\n  values:\n    image:\n      repository: ${CACHE}\n      tag: 2.2.0\n`;
    const withoutDeployment = {
      ...Object.fromEntries(Object.entries(tree).filter(([path]) => path !== DEPLOYMENT)),
      "apps/cache/base/kustomization.yaml": "resources: [release.yaml]\n",
      [RELEASE]: release,
    };
    const unpatched = await plan(withoutDeployment);
    expect(unpatched.warnings.filter((w) => w.file === RELEASE).map((w) => w.message.slice(w.message.indexOf("to keep it")))).toEqual([
      "to keep it to dev, give each overlay its own tag with a patch setting spec.values.image.tag, or move apps/cache/base out of dev's paths",
    ]);
    const patched = await plan({
      ...withoutDeployment,
      "apps/cache/overlays/prod/kustomization.yaml": `${OVERLAY}patches:\n  - path: values.yaml\n    target: {kind: HelmRelease}\n`,
      "apps/cache/overlays/prod/values.yaml":
        "apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata: {name: cache}\nspec:\n  values:\n    image:\n      tag: 2.2.0\n",
    });
    expect(patched.warnings.filter((w) => w.message.includes("also deployed by"))).toEqual([]);
  });
});
