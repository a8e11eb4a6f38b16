/** Which kustomizations deploy a file's image as the file writes it: those building it with no images: entry or patch on the way down setting its version. */
import { describe, expect, it } from "vitest";
import { deployedAsWrittenBy } from "../../src/engine/deployed-as-written.js";
import type { KustomizeTree } from "../../src/engine/kustomize-graph.js";
import { parseImageRef } from "../../src/image/reference.js";

const API = "ghcr.io/acme/api";
const BASE = { "apps/api/base/kustomization.yaml": "resources:\n  - deployment.yaml\n" };

describe("deployedAsWrittenBy: the kustomizations that deploy a file's image as the file writes it", () => {
  const DEPLOYMENT = `containers:\n  - name: api\n    image: ${API}:1.4.0\n`;
  const overlay = (images = "") => `resources: [../../base]\n${images}`;
  const RETAG = `images:\n  - name: ${API}\n    newTag: 1.4.0\n`;
  /** The kustomizations deploying `file` (holding `text`) as written, of the tree `files` (with its patch files `patches`). */
  const deployers = (files: Record<string, string>, file: string, text: string, flux: Record<string, string> = {}, patches: Record<string, string> = {}) => {
    const entries = (texts: Record<string, string>) => Object.entries(texts).map(([path, content]) => ({ file: path, text: content }));
    const tree: KustomizeTree = {
      kustomizations: entries(files),
      deployers: entries(flux),
      patches: new Map(Object.entries(patches)),
      files: [...Object.keys(files), ...Object.keys(patches)],
      treeRoot: "",
    };
    return deployedAsWrittenBy(tree, [parseImageRef(API)])({ file, text }, API).by;
  };

  it("is each kustomization up from a base to the overlays, nearest first, but an overlay that re-tags the image and what includes it", () => {
    const files = {
      ...BASE,
      "apps/api/overlays/dev/kustomization.yaml": overlay(),
      "apps/api/overlays/prod/kustomization.yaml": overlay(RETAG),
      "clusters/prod/kustomization.yaml": "resources: [../../apps/api/overlays/prod]\n",
    };
    expect(deployers(files, "apps/api/base/deployment.yaml", DEPLOYMENT)).toEqual([
      "apps/api/base/kustomization.yaml",
      "apps/api/overlays/dev/kustomization.yaml",
    ]);
  });

  it("finds an includer however far it is, by the path as kustomize's normal form spells it, an overlay below its base by `..`s", () => {
    const files = {
      ...BASE,
      "apps/api/base/overlays/dev/kustomization.yaml": "resources: [../..]\n",
      "clusters/prod/kustomization.yaml": "resources:\n  - ../../apps/api/base/\n",
    };
    expect(deployers(files, "apps/api/base/deployment.yaml", DEPLOYMENT)).toEqual([
      "apps/api/base/kustomization.yaml",
      "apps/api/base/overlays/dev/kustomization.yaml",
      "clusters/prod/kustomization.yaml",
    ]);
  });

  it("finds an includer spelling the path with `.` or `..` after a name, which kustomize reads normalised", () => {
    const files = { ...BASE, "clusters/prod/kustomization.yaml": "resources:\n  - ../../apps/api/overlays/../base\n  - ../../apps/web/./base\n" };
    expect(deployers(files, "apps/api/base/deployment.yaml", DEPLOYMENT)).toEqual(["apps/api/base/kustomization.yaml", "clusters/prod/kustomization.yaml"]);
  });

  it("is none below a kustomization that re-tags, however far up it is, nor for a file no kustomization builds", () => {
    const files = {
      ...BASE,
      "apps/api/overlays/prod/kustomization.yaml": overlay(),
      "clusters/prod/kustomization.yaml": `resources: [../../apps/api/overlays/prod]\n${RETAG}`,
    };
    expect(deployers(files, "apps/api/base/deployment.yaml", DEPLOYMENT)).toEqual([]);
    expect(deployers(files, "apps/api/base/other.yaml", DEPLOYMENT)).toEqual([]);
  });

  it("counts a Flux Kustomization's spec.images as an overlay's images:: the base it builds through a plain overlay is then deployed re-tagged", () => {
    const files = { ...BASE, "apps/api/overlays/dev/kustomization.yaml": overlay() };
    const flux = {
      "clusters/dev/api.yaml": `apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata: {name: api}\nspec:\n  path: ./apps/api/overlays/dev\n  images:\n    - name: ${API}\n      newTag: 1.4.0\n`,
    };
    expect(deployers(files, "apps/api/base/deployment.yaml", DEPLOYMENT)).toEqual([
      "apps/api/base/kustomization.yaml",
      "apps/api/overlays/dev/kustomization.yaml",
    ]);
    expect(deployers(files, "apps/api/base/deployment.yaml", DEPLOYMENT, flux)).toEqual([]);
  });

  it("counts only the names the file writes the image as: an entry for docker.io/library/nginx does not re-tag nginx, as kustomize matches names", () => {
    const NGINX = "docker.io/library/nginx";
    const files = { ...BASE, "apps/api/overlays/prod/kustomization.yaml": overlay(`images:\n  - name: ${NGINX}\n    newTag: "1.27"\n`) };
    const tree: KustomizeTree = {
      kustomizations: Object.entries(files).map(([file, text]) => ({ file, text })),
      deployers: [],
      patches: new Map(),
      files: Object.keys(files),
      treeRoot: "",
    };
    const deployedBy = deployedAsWrittenBy(tree, [parseImageRef(`${NGINX}:1.27`)]);
    const at = (image: string) => deployedBy({ file: "apps/api/base/deployment.yaml", text: `containers:\n  - image: ${image}\n` }, NGINX).by;
    expect(at("nginx:1.25")).toContain("apps/api/overlays/prod/kustomization.yaml");
    expect(at(`${NGINX}:1.25`)).not.toContain("apps/api/overlays/prod/kustomization.yaml");
  });

  it("is every kustomization building a file that writes the image where images: tags nothing (Helm values)", () => {
    const files = { "apps/api/base/kustomization.yaml": "resources: [release.yaml]\n", "apps/api/overlays/prod/kustomization.yaml": overlay(RETAG) };
    const release = `spec:\n  values:\n    image:\n      repository: ${API}\n      tag: 1.4.0\n`;
    expect(deployers(files, "apps/api/base/release.yaml", release)).toEqual(["apps/api/base/kustomization.yaml", "apps/api/overlays/prod/kustomization.yaml"]);
  });

  describe("counts a patch setting the version as an images: entry", () => {
    const DEPLOYMENT_API = `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  template:\n    spec:\n      ${DEPLOYMENT.replace(/\n(?=.)/g, "\n        ")}`;
    const files = (prod: string) => ({ ...BASE, "apps/api/overlays/dev/kustomization.yaml": overlay(), "apps/api/overlays/prod/kustomization.yaml": prod });
    const DEV_ONLY = ["apps/api/base/kustomization.yaml", "apps/api/overlays/dev/kustomization.yaml"];

    it("a strategic merge by path naming the container's image, matched by its kind and name", () => {
      const patch = (name: string) =>
        `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}}\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ${API}:1.4.0\n`;
      const prod = overlay("patches:\n  - path: image.yaml\n");
      const withPatch = (name: string) =>
        deployers(files(prod), "apps/api/base/deployment.yaml", DEPLOYMENT_API, {}, { "apps/api/overlays/prod/image.yaml": patch(name) });
      expect(withPatch("api")).toEqual(DEV_ONLY);
      // Another Deployment's image: kustomize applies it to that one, and this one deploys as written.
      expect(withPatch("worker")).toContain("apps/api/overlays/prod/kustomization.yaml");
    });

    it("an inline JSON6902 op setting the image, matched by its target", () => {
      const op = (target: string) =>
        overlay(
          `patches:\n  - target: ${target}\n    patch: |\n      - op: replace\n        path: /spec/template/spec/containers/0/image\n        value: ${API}:1.4.0\n`,
        );
      expect(deployers(files(op("{kind: Deployment, name: api}")), "apps/api/base/deployment.yaml", DEPLOYMENT_API)).toEqual(DEV_ONLY);
      expect(deployers(files(op("{kind: Deployment, name: 'api|web'}")), "apps/api/base/deployment.yaml", DEPLOYMENT_API)).toEqual(DEV_ONLY);
      expect(deployers(files(op("{kind: StatefulSet}")), "apps/api/base/deployment.yaml", DEPLOYMENT_API)).toContain(
        "apps/api/overlays/prod/kustomization.yaml",
      );
    });

    it("a HelmRelease values patch setting the tag alone, whose repository the base's pair gives", () => {
      const release = `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata: {name: api}\nspec:\n  values:\n    image:\n      repository: ${API}\n      tag: 1.4.0\n`;
      const base = { "apps/api/base/kustomization.yaml": "resources: [release.yaml]\n" };
      const tree = (prod: string) => ({ ...base, "apps/api/overlays/dev/kustomization.yaml": overlay(), "apps/api/overlays/prod/kustomization.yaml": prod });
      const values = "apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata: {name: api}\nspec:\n  values:\n    image:\n      tag: 1.4.0\n";
      const byPath = overlay("patches:\n  - path: values.yaml\n    target: {kind: HelmRelease}\n");
      expect(deployers(tree(byPath), "apps/api/base/release.yaml", release, {}, { "apps/api/overlays/prod/values.yaml": values })).toEqual(DEV_ONLY);
      const op = overlay("patches:\n  - target: {kind: HelmRelease, name: api}\n    patch: '- {op: replace, path: /spec/values/image/tag, value: 1.4.0}'\n");
      expect(deployers(tree(op), "apps/api/base/release.yaml", release)).toEqual(DEV_ONLY);
      // An op replacing the whole mapping replaces the base's image there, its version too, whatever it writes instead.
      for (const value of ["{tag: 1.4.0}", "{registry: quay.io, tag: 1.4.0}"]) {
        const whole = overlay(
          `patches:\n  - target: {kind: HelmRelease, name: api}\n    patch: '- {op: replace, path: /spec/values/image, value: ${value}}'\n`,
        );
        expect(deployers(tree(whole), "apps/api/base/release.yaml", release)).toEqual(DEV_ONLY);
      }
      // An op list kustomize refuses to read (YAML's flow spelling after `[`, which it decodes as JSON) fails the build: prod deploys nothing.
      const refused = overlay(
        "patches:\n  - target: {kind: HelmRelease, name: api}\n    patch: '[{op: replace, path: /spec/values/image/tag, value: 1.4.0}]'\n",
      );
      expect(deployers(tree(refused), "apps/api/base/release.yaml", release)).toEqual(DEV_ONLY);
      const json = overlay(
        `patches:\n  - target: {kind: HelmRelease, name: api}\n    patch: '[{"op": "replace", "path": "/spec/values/image/tag", "value": "1.4.0"}]'\n`,
      );
      expect(deployers(tree(json), "apps/api/base/release.yaml", release)).toEqual(DEV_ONLY);
      // A tag at another mapping is another image's.
      const other = overlay("patches:\n  - target: {kind: HelmRelease}\n    patch: '- {op: replace, path: /spec/values/sidecar/tag, value: 1.4.0}'\n");
      expect(deployers(tree(other), "apps/api/base/release.yaml", release)).toContain("apps/api/overlays/prod/kustomization.yaml");
    });

    it("is none through a kustomization with a patch kustomize refuses to read, whatever it targets, nor what includes it: kubectl kustomize fails that build", () => {
      // kubectl kustomize (v5.5.0): "unable to parse SM or JSON patch", for that overlay and for clusters/prod, which includes it.
      const refused = (target: string, patch: string) => overlay(`patches:\n  - target: {kind: ${target}}\n    patch: '${patch}'\n`);
      const clusters = { "clusters/prod/kustomization.yaml": "resources: [../../apps/api/overlays/prod]\n" };
      for (const prod of [
        refused("Deployment", "[{op: replace, path: /spec/replicas, value: 2}]"),
        refused("StatefulSet", "[{op: replace, path: /spec/replicas, value: 2}]"),
      ]) {
        expect(deployers({ ...files(prod), ...clusters }, "apps/api/base/deployment.yaml", DEPLOYMENT_API)).toEqual(DEV_ONLY);
      }
      // A patch file so written fails it too; JSON is read, and builds.
      const byPath = overlay("patches:\n  - path: replicas.json\n    target: {kind: Deployment}\n");
      const withFile = (text: string) =>
        deployers({ ...files(byPath), ...clusters }, "apps/api/base/deployment.yaml", DEPLOYMENT_API, {}, { "apps/api/overlays/prod/replicas.json": text });
      expect(withFile("[{op: replace, path: /spec/replicas, value: 2}]\n")).toEqual(DEV_ONLY);
      expect(withFile('[{"op": "replace", "path": "/spec/replicas", "value": 2}]\n')).toEqual([
        ...DEV_ONLY,
        "apps/api/overlays/prod/kustomization.yaml",
        "clusters/prod/kustomization.yaml",
      ]);
    });

    it("is none through a kustomization that also includes, beside the file's way down, one with a patch kustomize refuses to read: that whole build fails", () => {
      // kubectl kustomize (v5.5.0) fails clusters/prod's build on apps/web's patch ("unable to parse SM or JSON patch").
      const tree = {
        ...files(overlay()),
        "apps/web/overlays/prod/kustomization.yaml":
          "resources: []\npatches:\n  - target: {kind: Deployment}\n    patch: '[{op: replace, path: /spec/replicas, value: 2}]'\n",
        "clusters/prod/kustomization.yaml": "resources: [../../apps/api/overlays/prod, ../../apps/web/overlays/prod]\n",
      };
      expect(deployers(tree, "apps/api/base/deployment.yaml", DEPLOYMENT_API)).toEqual([...DEV_ONLY, "apps/api/overlays/prod/kustomization.yaml"]);
    });

    it("a HelmRelease values patch deleting the image mapping, or its tag (`$patch: delete`, YAML's null, a `remove` op): the base's version is not deployed there", () => {
      const release = `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata: {name: api}\nspec:\n  values:\n    image:\n      repository: ${API}\n      tag: 1.4.0\n`;
      const base = { "apps/api/base/kustomization.yaml": "resources: [release.yaml]\n" };
      const tree = (prod: string) => ({ ...base, "apps/api/overlays/dev/kustomization.yaml": overlay(), "apps/api/overlays/prod/kustomization.yaml": prod });
      const merge = (image: string) =>
        `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata: {name: api}\nspec:\n  values:\n    image:\n${image}`;
      const byPath = overlay("patches:\n  - path: values.yaml\n    target: {kind: HelmRelease}\n");
      for (const image of ["      $patch: delete\n", "      $patch: delete\n      tag: 1.4.0\n"]) {
        expect(deployers(tree(byPath), "apps/api/base/release.yaml", release, {}, { "apps/api/overlays/prod/values.yaml": merge(image) })).toEqual(DEV_ONLY);
      }
      for (const path of ["/spec/values/image", "/spec/values/image/tag"]) {
        const remove = overlay(`patches:\n  - target: {kind: HelmRelease, name: api}\n    patch: '- {op: remove, path: ${path}}'\n`);
        expect(deployers(tree(remove), "apps/api/base/release.yaml", release)).toEqual(DEV_ONLY);
      }
      // kustomize reads a strategic merge's null as deleting its key, as a `remove` op at it.
      const nulls = [
        merge("      tag: null\n"),
        merge("      tag: ~\n"),
        merge("").replace("    image:\n", "    image: null\n"),
        merge("").replace("  values:\n    image:\n", "  values: ~\n"),
      ];
      for (const values of nulls) {
        expect(deployers(tree(byPath), "apps/api/base/release.yaml", release, {}, { "apps/api/overlays/prod/values.yaml": values })).toEqual(DEV_ONLY);
      }
      // Another mapping deleted is another image's.
      const other = overlay("patches:\n  - target: {kind: HelmRelease}\n    patch: '- {op: remove, path: /spec/values/sidecar}'\n");
      expect(deployers(tree(other), "apps/api/base/release.yaml", release)).toContain("apps/api/overlays/prod/kustomization.yaml");
    });

    it("a HelmRelease values patch replacing the image mapping, or one above it, with no tag (an op, `$patch: replace`): the base's version is not deployed there", () => {
      const release = `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata: {name: api}\nspec:\n  values:\n    image:\n      repository: ${API}\n      tag: 1.4.0\n`;
      const base = { "apps/api/base/kustomization.yaml": "resources: [release.yaml]\n" };
      const tree = (prod: string) => ({ ...base, "apps/api/overlays/dev/kustomization.yaml": overlay(), "apps/api/overlays/prod/kustomization.yaml": prod });
      const op = (path: string, value: string) =>
        overlay(`patches:\n  - target: {kind: HelmRelease, name: api}\n    patch: '- {op: replace, path: ${path}, value: ${value}}'\n`);
      for (const prod of [op("/spec/values", "{replicaCount: 2}"), op("/spec/values/image", "{repository: ghcr.io/acme/other}")]) {
        expect(deployers(tree(prod), "apps/api/base/release.yaml", release)).toEqual(DEV_ONLY);
      }
      // kubectl kustomize renders `image: {$patch: replace, pullPolicy: Always}` over the base's pair as `image: {pullPolicy: Always}`.
      const byPath = overlay("patches:\n  - path: values.yaml\n    target: {kind: HelmRelease}\n");
      const merge = (values: string) => `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata: {name: api}\nspec:\n  values:\n${values}`;
      for (const values of ["    $patch: replace\n    replicaCount: 2\n", "    image:\n      $patch: replace\n      pullPolicy: Always\n"]) {
        expect(deployers(tree(byPath), "apps/api/base/release.yaml", release, {}, { "apps/api/overlays/prod/values.yaml": merge(values) })).toEqual(DEV_ONLY);
      }
      // Another mapping replaced is another image's.
      for (const path of ["/spec/values/sidecar", "/spec/values/image/pullPolicy"]) {
        expect(deployers(tree(op(path, "{replicaCount: 2}")), "apps/api/base/release.yaml", release)).toContain("apps/api/overlays/prod/kustomization.yaml");
      }
      // An `add` at a list index inserts: the base's item moves on, deployed as written; a `replace` there does not.
      const listed = `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata: {name: api}\nspec:\n  values:\n    sidecars:\n      - image: {repository: ${API}, tag: 1.4.0}\n`;
      const at0 = (name: string, value = "{name: log}", path = "/spec/values/sidecars/0") =>
        overlay(`patches:\n  - target: {kind: HelmRelease, name: api}\n    patch: '- {op: ${name}, path: ${path}, value: ${value}}'\n`);
      expect(deployers(tree(at0("add")), "apps/api/base/release.yaml", listed)).toContain("apps/api/overlays/prod/kustomization.yaml");
      expect(deployers(tree(at0("replace")), "apps/api/base/release.yaml", listed)).toEqual(DEV_ONLY);
      // So too with a tag in the inserted item, at an index or at the end: kubectl kustomize renders it beside the base's.
      for (const path of ["/spec/values/sidecars/0", "/spec/values/sidecars/-"]) {
        const tagged = at0("add", "{name: log, image: {tag: 1.5.0}}", path);
        expect(deployers(tree(tagged), "apps/api/base/release.yaml", listed)).toContain("apps/api/overlays/prod/kustomization.yaml");
      }
      // A strategic merge writing the list replaces a custom resource's whole: kubectl kustomize renders the patch's items alone.
      const sidecars = { "apps/api/overlays/prod/values.yaml": merge("    sidecars:\n      - name: log\n") };
      expect(deployers(tree(byPath), "apps/api/base/release.yaml", listed, {}, sidecars)).toEqual(DEV_ONLY);
    });
  });

  it("tells whether any build deploys the file as written: none where every overlay sets the version over it", () => {
    const tree = (files: Record<string, string>): KustomizeTree => ({
      kustomizations: Object.entries(files).map(([file, text]) => ({ file, text })),
      deployers: [],
      patches: new Map(),
      files: Object.keys(files),
      treeRoot: "",
    });
    const asWritten = (files: Record<string, string>, file = "apps/api/base/deployment.yaml") =>
      deployedAsWrittenBy(tree(files), [parseImageRef(API)])({ file, text: DEPLOYMENT }, API);
    const retagged = { ...BASE, "apps/api/overlays/dev/kustomization.yaml": overlay(RETAG), "apps/api/overlays/prod/kustomization.yaml": overlay(RETAG) };
    expect(asWritten(retagged)).toEqual({ by: [], built: true, deployed: false });
    expect(asWritten({ ...retagged, "apps/api/overlays/dev/kustomization.yaml": overlay() }).deployed).toBe(true);
    expect(asWritten(retagged, "standalone/deployment.yaml")).toEqual({ by: [], built: false, deployed: false });
  });

  it("for a kustomization file, is what includes it, by its directory, unless that re-tags the names its own images: give", () => {
    const base = `resources: [deployment.yaml]\nimages:\n  - name: ${API}\n    newTag: 1.5.0\n`;
    const files = {
      "apps/api/base/kustomization.yaml": base,
      "apps/api/overlays/dev/kustomization.yaml": overlay(),
      "apps/api/overlays/prod/kustomization.yaml": overlay(RETAG),
    };
    expect(deployers(files, "apps/api/base/kustomization.yaml", base)).toEqual(["apps/api/overlays/dev/kustomization.yaml"]);
  });
});
