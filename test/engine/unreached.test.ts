import { describe, expect, it } from "vitest";
import type { Warning } from "../../src/change.js";
import { fluxSetters, type FluxSetter } from "../../src/engine/flux-objects.js";
import { planUpdate } from "../../src/engine/plan.js";
import { validateRequest } from "../../src/engine/request.js";
import { memorySource, type TreeSource } from "../../src/engine/source.js";
import { holdsImage, leftOutBy, unreachedImages, warnUnreached } from "../../src/engine/unreached.js";
import { parseImageRef } from "../../src/image/reference.js";

const SIDECAR = "ghcr.io/acme/sidecar";
const IMAGE_REPOSITORY = `apiVersion: image.toolkit.fluxcd.io/v1\nkind: ImageRepository\nmetadata: {name: sidecar, namespace: flux-system}\nspec: {image: ${SIDECAR}, interval: 5m}\n`;
const IMAGE_POLICY =
  "apiVersion: image.toolkit.fluxcd.io/v1\nkind: ImagePolicy\nmetadata: {name: sidecar, namespace: flux-system}\nspec:\n  imageRepositoryRef: {name: sidecar}\n  policy: {semver: {range: 0.x}}\n";
const FLUX_OBJECTS = `${IMAGE_REPOSITORY}---\n${IMAGE_POLICY}`;

/** The keys defined for the sidecar: a configured setter (no ImagePolicy), as resolveSetters' definedFor gives them. */
const configured = (repository: string): ReadonlyMap<string, readonly FluxSetter[]> => new Map(repository === SIDECAR ? [["flux-system:sidecar", []]] : []);

const valid = validateRequest({ images: [`${SIDECAR}:0.2.0`], setters: [], sets: [], paths: [] });

describe("unreachedImages", () => {
  it("counts an image a setter is defined for as reached only where a marker uses its key", () => {
    const unmarked: [string, string][] = [["app.yaml", "image: ghcr.io/acme/app:1.0.0\n"]];
    expect(unreachedImages(valid, configured, new Map(), unmarked).map((i) => i.repository)).toEqual([SIDECAR]);
    const marked: [string, string][] = [["values.yaml", 'sidecar:\n  tag: 0.1.0 # {"$imagepolicy": "flux-system:sidecar:tag"}\n']];
    expect(unreachedImages(valid, configured, new Map(), marked)).toEqual([]);
    // A kcl.mod's comments are no marker Flux or gitops-promote reads.
    const inKclMod: [string, string][] = [["kcl.mod", '[profile]\n# {"$imagepolicy": "flux-system:sidecar:tag"}\n']];
    expect(unreachedImages(valid, configured, new Map(), inKclMod).map((i) => i.repository)).toEqual([SIDECAR]);
  });

  it("counts no marker written above `key: value`, the key's comment, which marks nothing (review flux17 S1)", () => {
    const aboveKey: [string, string][] = [["values.yaml", 'sidecar:\n  # {"$imagepolicy": "flux-system:sidecar:tag"}\n  tag: 0.1.0\n']];
    expect(unreachedImages(valid, configured, new Map(), aboveKey).map((i) => i.repository)).toEqual([SIDECAR]);
    const aboveItem: [string, string][] = [["values.yaml", 'tags:\n  # {"$imagepolicy": "flux-system:sidecar:tag"}\n  - 0.1.0\n']];
    expect(unreachedImages(valid, configured, new Map(), aboveItem)).toEqual([]);
  });

  it("counts no ImageRepository as a file holding the image: it names the repository Flux scans", () => {
    expect(holdsImage("flux/sidecar.yaml", FLUX_OBJECTS, parseImageRef(`${SIDECAR}:0.2.0`))).toBe(false);
    expect(unreachedImages(valid, () => new Map(), new Map(), [["flux/sidecar.yaml", FLUX_OBJECTS]]).map((i) => i.repository)).toEqual([SIDECAR]);
  });
});

describe("warnUnreached", () => {
  const said = (defined: (repository: string) => ReadonlyMap<string, readonly FluxSetter[]>, outside = 0): string[] => {
    const warnings: Warning[] = [];
    const leftOut = leftOutBy(true, undefined, () => outside);
    warnUnreached(valid, [parseImageRef(`${SIDECAR}:0.2.0`)], { keys: new Set(), repositories: new Set([SIDECAR]) }, [], defined, leftOut, warnings);
    return warnings.map((w) => w.message);
  };

  it("names the setter defined for an image no file holds, which no marker uses", () => {
    expect(said(configured)).toEqual([`no file to update holds ${SIDECAR}, and no marker uses setter flux-system:sidecar; nothing to do for ${SIDECAR}:0.2.0`]);
    expect(said(configured, 2)).toEqual([
      `no file inside the paths to update holds ${SIDECAR} (2 files outside them do), and no marker uses setter flux-system:sidecar; nothing to do for ${SIDECAR}:0.2.0`,
    ]);
  });

  it("names an ImagePolicy with where it is, and several keys as a list", () => {
    const policies = fluxSetters([{ file: "flux/sidecar.yaml", text: FLUX_OBJECTS }]).setters;
    const fromFlux = (repository: string) => (repository === SIDECAR ? policies : new Map<string, FluxSetter[]>());
    expect(said(fromFlux)).toEqual([
      `no file to update holds ${SIDECAR}, and no marker uses ImagePolicy flux-system:sidecar (flux/sidecar.yaml:6); nothing to do for ${SIDECAR}:0.2.0`,
    ]);
    const both = (repository: string) => new Map([...configured(repository), ...[...fromFlux(repository)].map(([, p]) => ["apps:sidecar", p] as const)]);
    expect(said(both)).toEqual([
      `no file to update holds ${SIDECAR}, and no marker uses any of setter flux-system:sidecar, ImagePolicy apps:sidecar (flux/sidecar.yaml:6); nothing to do for ${SIDECAR}:0.2.0`,
    ]);
  });

  it("says no more than that no file holds an image nothing defines", () => {
    expect(said(() => new Map())).toEqual([`no file to update holds ${SIDECAR}; nothing to do for ${SIDECAR}:0.2.0`]);
  });

  /** What is said of `--setter flux-system:sidecar=…` over one file. */
  const unmarked = (text: string, path = "deploy.yaml") => {
    const warnings: Warning[] = [];
    warnUnreached(
      validateRequest({ images: [], setters: [`flux-system:sidecar=${SIDECAR}:0.2.0`], sets: [], paths: [] }),
      [],
      { keys: new Set(), repositories: new Set() },
      [[path, text]],
      () => new Map(),
      undefined,
      warnings,
    );
    return warnings.map((w) => w.message);
  };

  it("names a --setter key only a comment above `key: value` holds, where Flux reads no marker", () => {
    const image = `image: ${SIDECAR}:0.1.0`;
    expect(unmarked(`# {"$imagepolicy": "flux-system:sidecar"}\n${image}\n`)).toEqual([
      "no file to update has a marker for setter flux-system:sidecar where it is read: deploy.yaml:2 has one that marks nothing there (see the warning at it)",
    ]);
    expect(unmarked(`${image} # {"$imagepolicy": "flux-system:sidecar"}\n`)).toEqual([]);
  });

  it("names the marker of a --setter key written where the KCL editor reads none, after a closing brace (review kmark18)", () => {
    const text = `app = {\n    image = "${SIDECAR}:0.1.0"\n} # {"$imagepolicy": "flux-system:sidecar"}\n`;
    expect(unmarked(text, "main.k")).toEqual([
      "no file to update has a marker for setter flux-system:sidecar where it is read: main.k:3 has one that marks nothing there (see the warning at it)",
    ]);
  });
});

describe("leftOutBy: how a warning names what --path or a selection of targets leaves out", () => {
  const worded = (byPaths: boolean, selected?: string[]) => {
    const leftOut = leftOutBy(byPaths, selected, () => 2);
    return leftOut && [leftOut.scope, leftOut.rest];
  };

  it("names the paths, the targets selected, or both; nothing for a run over the whole tree", () => {
    expect(worded(true)).toEqual(["inside the paths to update", "outside them"]);
    expect(worded(false, ["kcl"])).toEqual(["of target kcl", "of other targets"]);
    expect(worded(false, ["staging", "kcl"])).toEqual(["of targets staging and kcl", "of other targets"]);
    expect(worded(true, ["kcl"])).toEqual(["of target kcl inside the paths to update", "outside them or of other targets"]);
    expect(worded(false)).toBeUndefined();
  });
});

describe("planUpdate: an image only targets the run leaves out hold, as only files outside --path do (review docs20 S3)", () => {
  // examples/targets: the app in staging and production, flask_demo in kcl.
  const files: Record<string, string> = {
    ".github/gitops-promote.yaml": [
      "targets:",
      "  - {name: staging, paths: [clusters/staging/**], images: [{repository: ghcr.io/acme/app}]}",
      "  - {name: production, paths: [clusters/prod/**], images: [{repository: ghcr.io/acme/app}]}",
      "  - {name: kcl, paths: [kcl/**], images: [{repository: kcllang/flask_demo}]}",
      "overrides:",
      "  - {file: clusters/prod/app/values.yaml, spec: appVersion, image: ghcr.io/acme/app, part: tag}",
      "",
    ].join("\n"),
    "clusters/staging/app/deploy.yaml": "containers:\n  - name: app\n    image: ghcr.io/acme/app:1.2.3\n",
    "clusters/prod/app/values.yaml": "appVersion: 1.2.3\nimage:\n  repository: ghcr.io/acme/app\n  tag: 1.2.3\n",
    "kcl/main.k": 'config = {\n    image = "kcllang/flask_demo:1.0.0"\n}\n',
  };
  const tree: TreeSource = {
    async *list() {
      yield* Object.keys(files).sort();
    },
    read: async (path) => Buffer.from(files[path]!),
  };
  const warned = async (narrowed: { targets?: string[]; paths?: string[] }) => {
    const plan = await planUpdate(tree, { images: ["ghcr.io/acme/app:1.3.0"], setters: [], sets: [], paths: [], ...narrowed });
    expect(plan.changes).toEqual([]);
    return plan.warnings;
  };

  it("says no file of the target named holds the image, and how many of the other targets' do (--target, a payload's targets)", async () => {
    expect(await warned({ targets: ["kcl"] })).toEqual([
      { message: "no file of target kcl holds ghcr.io/acme/app (2 files of other targets do); nothing to do for ghcr.io/acme/app:1.3.0", kind: "unreached" },
    ]);
  });

  it("says it as --path kcl does, and of both where both narrow the run", async () => {
    expect(await warned({ paths: ["kcl"] })).toEqual([
      {
        message: "no file inside the paths to update holds ghcr.io/acme/app (2 files outside them do); nothing to do for ghcr.io/acme/app:1.3.0",
        kind: "unreached",
      },
    ]);
    expect(await warned({ targets: ["kcl", "production"], paths: ["kcl", "clusters/staging"] })).toEqual([
      {
        message:
          "no file of targets production and kcl inside the paths to update holds ghcr.io/acme/app (2 files outside them or of other targets do); nothing to do for ghcr.io/acme/app:1.3.0",
        kind: "unreached",
      },
    ]);
  });

  it("says nothing where a target named holds it, nor where every target is named", async () => {
    const plan = await planUpdate(tree, { images: ["ghcr.io/acme/app:1.3.0"], setters: [], sets: [], paths: [], targets: ["kcl", "production"] });
    expect(plan.files.map((f) => f.path)).toEqual(["clusters/prod/app/values.yaml"]);
    expect(plan.warnings).toEqual([]);
    const all = await planUpdate(tree, { images: ["ghcr.io/acme/app:1.3.0"], setters: [], sets: [], paths: [], targets: ["staging", "production", "kcl"] });
    expect(all.files).toHaveLength(2);
    expect(all.warnings).toEqual([]);
  });
});

describe("planUpdate: --target and a file in no target, which the run updates too (its markers and --set specs)", () => {
  const config = [
    "targets:",
    "  - {name: production, paths: [clusters/prod/**], images: [{repository: ghcr.io/acme/app}]}",
    "  - {name: kcl, paths: [kcl/**], images: [{repository: kcllang/flask_demo}]}",
    "",
  ].join("\n");
  const files = new Map([
    [".github/gitops-promote.yaml", config],
    ["clusters/prod/app/deploy.yaml", "image: ghcr.io/acme/app:1.2.3\n"],
    ["base/app.yaml", "image: ghcr.io/acme/app:1.2.3\n"],
    ["base/marked.yaml", 'tag: 1.2.3 # {"$imagepolicy": "flux-system:app:tag"}\n'],
    ["kcl/main.k", 'config = {\n    image = "kcllang/flask_demo:1.0.0"\n}\n'],
  ]);
  const planned = (request: { images?: string[]; setters?: string[]; paths?: string[] }) =>
    planUpdate(memorySource(files), { targets: ["kcl"], images: [], ...request });

  it("edits a file in no target at its markers under --target, as without it", async () => {
    const plan = await planned({ setters: ["flux-system:app=ghcr.io/acme/app:1.3.0"] });
    expect(plan.files.map((file) => file.path)).toEqual(["base/marked.yaml"]);
  });

  it("counts a file in no target the run updates as holding the image (an overlay of a target may move its tag), and names it at its line", async () => {
    const plan = await planned({ images: ["ghcr.io/acme/app:1.3.0"] });
    expect(plan.warnings.filter((warning) => warning.kind === "unreached")).toEqual([]);
    expect(plan.warnings).toContainEqual({
      file: "base/app.yaml",
      line: 1,
      message: "ghcr.io/acme/app:1.2.3 is not moved to 1.3.0: this file is in no target (targets: production, kcl)",
    });
  });

  it("counts one --path leaves out among the files outside the paths, whatever target it is in or none", async () => {
    const plan = await planned({ images: ["ghcr.io/acme/app:1.3.0"], paths: ["kcl"] });
    expect(plan.warnings.filter((warning) => warning.kind === "unreached").map((warning) => warning.message)).toEqual([
      "no file of target kcl inside the paths to update holds ghcr.io/acme/app (2 files outside them or of other targets do); nothing to do for ghcr.io/acme/app:1.3.0",
    ]);
  });
});

describe("planUpdate: an image that only a setter or Flux's objects name (trial 16 M2)", () => {
  const tree = (files: Record<string, string>): TreeSource => ({
    async *list() {
      yield* Object.keys(files).sort();
    },
    read: async (path) => Buffer.from(files[path]!),
  });
  const warnings = async (files: Record<string, string>) =>
    (await planUpdate(tree(files), { images: [`${SIDECAR}:0.2.0`], setters: [], sets: [], paths: [] })).warnings.map((w) => [w.file, w.message]);
  const deploy = { "apps/deploy.yaml": "containers:\n  - name: app\n    image: ghcr.io/acme/app:1.2.3\n" };

  it("says that no file holds it and that no marker uses the setter configured for it", async () => {
    const config = { ".github/gitops-promote.yaml": `setters:\n  "flux-system:sidecar": {image: ${SIDECAR}, policy: {semver: {range: 0.x}}}\n` };
    expect(await warnings({ ...config, ...deploy })).toEqual([
      [undefined, `no file to update holds ${SIDECAR}, and no marker uses setter flux-system:sidecar; nothing to do for ${SIDECAR}:0.2.0`],
    ]);
  });

  it("says of a reference spelt across concatenated literals what the KCL editor says, not that no file holds it", async () => {
    const kcl = { "main.k": `app = {\n    image = "ghcr.io/acme/" + "sidecar:" + "0.1.0"\n}\n` };
    expect(await warnings({ ...deploy, ...kcl })).toEqual([
      [
        "main.k",
        `"ghcr.io/acme/" + "sidecar:" + "0.1.0" builds ${SIDECAR}:0.1.0 by concatenation, which is not edited; left as it is (written as one string, it would be set)`,
      ],
    ]);
    // Already at the version, it is no warning of either.
    expect(await warnings({ ...deploy, "main.k": kcl["main.k"].replace("0.1.0", "0.2.0") })).toEqual([]);
  });

  it("says of a reference concatenated from literals and a variable's version what the KCL editor says, not that no file holds it", async () => {
    const kcl = { "main.k": `_tag = "0.1.0"\napp = {\n    image = "ghcr.io/acme/" + "sidecar:" + _tag\n}\n` };
    expect(await warnings({ ...deploy, ...kcl })).toEqual([
      [
        "main.k",
        `"ghcr.io/acme/" + "sidecar:" + _tag builds a reference of ${SIDECAR} by concatenation, which is not edited; set _tag (line 1) with a Flux ":tag" marker on its line or an override of _tag`,
      ],
    ]);
  });

  it("says no file holds Docker Hub's repository of a Helm pair's path where a registry beside it makes the pair another image", async () => {
    const pairs = {
      "values.yaml": "image:\n  registry: ghcr.io\n  repository: acme/sidecar\n  tag: 0.1.0\n",
      "main.k": 'image = {registry = "ghcr.io", repository = "acme/sidecar", tag = "0.1.0"}\n',
    };
    const run = async (image: string) =>
      (await planUpdate(tree(pairs), { images: [image], setters: [], sets: [], paths: [] })).warnings.map((w) => [w.file, w.message]);
    expect(await run("acme/sidecar:0.2.0")).toEqual([[undefined, "no file to update holds docker.io/acme/sidecar; nothing to do for acme/sidecar:0.2.0"]]);
    expect(await run(`${SIDECAR}:0.2.0`)).toEqual([]);
  });

  it("names the ImagePolicy no marker uses, and not the ImageRepository's spec.image as a reference left behind", async () => {
    expect(await warnings({ ...deploy, "flux/sidecar.yaml": FLUX_OBJECTS })).toEqual([
      [
        undefined,
        `no file to update holds ${SIDECAR}, and no marker uses ImagePolicy flux-system:sidecar (flux/sidecar.yaml:6); nothing to do for ${SIDECAR}:0.2.0`,
      ],
    ]);
  });
});

describe("holdsImage: a repository's path written alone counts where it names an image (review errors18 S6)", () => {
  const DEPLOYMENT = "metadata:\n  name: app\n  labels: {app: app}\nspec:\n  containers:\n    - name: app\n      image: ghcr.io/acme/app:1.2.3\n";
  const holds = (text: string, image = "app:1") => holdsImage("apps/a.yaml", text, parseImageRef(image));

  it("counts no container's or object's name, nor a label, as Docker Hub's app or a local registry's", () => {
    for (const image of ["app:1", "localhost:5000/app:1", "[::1]:5000/app:1"]) expect(holds(DEPLOYMENT, image)).toBe(false);
    expect(holds(DEPLOYMENT, "ghcr.io/acme/app:1.2.4")).toBe(true);
  });

  it("counts the path alone under an image's key, a Helm pair's repository, a kustomize images: entry and a marked field", () => {
    expect(holds("image: app\n")).toBe(true);
    expect(holds("image:\n  registry: localhost:5000\n  repository: app\n  tag: '1'\n", "localhost:5000/app:1")).toBe(true);
    expect(holds("controller:\n  imageRepository: app\n")).toBe(true);
    expect(holds("images:\n  - name: app\n    newTag: '1'\n")).toBe(true);
    expect(holds("images:\n- newTag: '1'\n  name: app\n")).toBe(true);
    expect(holds("images:\n  - name: web\n    newName: app\n")).toBe(true);
    // Argo CD Image Updater's pair names the repository `name`, in block or flow style.
    expect(holds("image:\n  name: app\n  tag: '1'\n")).toBe(true);
    expect(holds("image: {name: app, tag: '1'}\n")).toBe(true);
    expect(holds('app:\n  image: app # {"$imagepolicy": "flux-system:app:name"}\n')).toBe(true);
    expect(holds('spec:\n  name: app # {"$imagepolicy": "flux-system:app:name"}\n')).toBe(true);
  });

  it("counts a Helm pair's repository beside a registry as the image the two make, as the editors join them", () => {
    const yaml = "image:\n  registry: ghcr.io\n  repository: acme/app\n  tag: v1\n";
    const kcl = 'image = {registry = "ghcr.io", repository = "acme/app", tag = "v1"}\n';
    for (const text of [yaml, kcl]) {
      expect(holds(text, "acme/app:v2")).toBe(false);
      expect(holds(text, "ghcr.io/acme/app:v2")).toBe(true);
    }
    expect(holds("image: {registry: 'docker.io', name: acme/app, tag: v1}\n", "acme/app:v2")).toBe(true);
    // A null registry is none; one no text names (a template, a variable) may be any, this image's too.
    for (const registry of ["~", "''", "'{{ .Values.registry }}'", "${REGISTRY}"])
      expect(holds(`image:\n  registry: ${registry}\n  repository: acme/app\n  tag: v1\n`, "acme/app:v2")).toBe(true);
    expect(holds('image = {registry = _registry, repository = "acme/app", tag = "v1"}\n', "acme/app:v2")).toBe(true);
  });

  it("counts an Argo CD Helm parameter's value by the parameter's name", () => {
    const parameter = (name: string) => `helm:\n  parameters:\n    - name: ${name}\n      value: app\n    - name: image.tag\n      value: "1"\n`;
    expect(holds(parameter("image.repository"))).toBe(true);
    expect(holds(parameter("fullnameOverride"))).toBe(false);
    expect(holds("env:\n  - {name: APP, value: app}\n")).toBe(false);
  });

  it("counts the name an Argo CD kustomize image override sets a version for, not a label selector's value", () => {
    expect(holds("kustomize:\n  images:\n    - app=*:1\n    - app=ghcr.io/acme/app:1\n")).toBe(true);
    expect(holds("args: [-l, app=web]\n")).toBe(false);
  });

  it("still counts the repository written with a registry or a version, wherever it is", () => {
    expect(holds("containers:\n  - name: app:1\n")).toBe(true);
    expect(holds("args: [docker.io/library/app]\n")).toBe(true);
    expect(holds('app = "app"\nimage = "app:0.9"\n')).toBe(true);
  });
});

describe("planUpdate: a Docker Hub short name or a local registry's image no file holds (review errors18 S6)", () => {
  const tree: TreeSource = {
    async *list() {
      yield "apps/deploy.yaml";
    },
    read: async () => Buffer.from("metadata:\n  name: app\nspec:\n  containers:\n    - name: app\n      image: ghcr.io/acme/app:1.2.3\n"),
  };

  it.each([
    ["app:1", "docker.io/library/app"],
    ["localhost:5000/app:1", "localhost:5000/app"],
    ["[::1]:5000/app:1", "[::1]:5000/app"],
  ])("says no file holds %s, not that every field holds its new value", async (image, repository) => {
    const plan = await planUpdate(tree, { images: [image], setters: [], sets: [], paths: [] });
    expect(plan.changes).toEqual([]);
    expect(plan.warnings).toMatchObject([
      {
        kind: "unreached",
        message: expect.stringMatching(new RegExp(`^no file to update holds ${repository.replace(/[[\].]/g, "\\$&")}; nothing to do for `)),
      },
    ]);
  });
});

describe("planUpdate: a repository spelled with escapes in a double-quoted YAML scalar is reached (review code20 S1)", () => {
  const files = (text: string, outside = false): TreeSource => ({
    async *list() {
      yield* outside ? ["apps/other.yaml", "lib/d.yaml"] : ["apps/d.yaml"];
    },
    read: async (path) => Buffer.from(path.endsWith("d.yaml") ? text : "a: 1\n"),
  });
  const run = (text: string, request: { paths?: string[] } = {}, outside = false) =>
    planUpdate(files(text, outside), { images: ["ghcr.io/acme/web:1.2.3"], setters: [], sets: [], paths: [], ...request });

  it.each([
    ["a `\\/`", 'image: "ghcr.io\\/acme\\/web:1.2.2"\n'],
    ["a `\\x2f` and a `\\u002f`", 'image: "ghcr.io\\x2facme\\u002fweb:1.2.2"\n'],
    ["an escaped line break", 'image: "ghcr.io/acme/\\\n  web:1.2.2"\n'],
  ])("edited where it is spelled with %s, and not warned unreached", async (_, text) => {
    const plan = await run(text);
    expect(plan.changes.map((c) => [c.old, c.new])).toEqual([["ghcr.io/acme/web:1.2.2", "ghcr.io/acme/web:1.2.3"]]);
    expect(plan.warnings).toEqual([]);
  });

  it("already holding the incoming version: nothing to change, and no warning", async () => {
    const plan = await run('image: "ghcr.io\\/acme\\/web:1.2.3"\n');
    expect(plan.changes).toEqual([]);
    expect(plan.warnings).toEqual([]);
  });

  it("counted where it is left out of the paths to update", async () => {
    const plan = await run('image: "ghcr.io\\/acme\\/web:1.2.2"\n', { paths: ["apps/**"] }, true);
    expect(plan.warnings.map((w) => w.message)).toEqual([
      "no file inside the paths to update holds ghcr.io/acme/web (1 file outside them does); nothing to do for ghcr.io/acme/web:1.2.3",
    ]);
  });

  it("still unreached where the escapes spell another repository, or a `\\` is outside any double-quoted scalar", async () => {
    for (const text of ['image: "ghcr.io\\/acme\\/api:1.2.2"\n', "image: 'ghcr.io\\/acme\\/web:1.2.2'\n", "image: ghcr.io\\/acme\\/web:1.2.2\n"]) {
      const plan = await run(text);
      expect(plan.warnings.map((w) => w.kind)).toEqual(["unreached"]);
    }
  });
});
