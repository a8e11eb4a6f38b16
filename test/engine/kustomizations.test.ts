/** Which files' bare container images a kustomization's `images:` gives a version. */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { kustomizeTagged, mayHoldBareImage, retaggedAt, retaggedInEveryBuild, TAGGERS_NAMED, type Tagging } from "../../src/engine/kustomizations.js";
import type { KustomizeTree } from "../../src/engine/kustomize-graph.js";
import { planUpdate } from "../../src/engine/plan.js";
import { memorySource } from "../../src/engine/source.js";
import { parseImageRef } from "../../src/image/reference.js";
import { kustomize, withKubectl } from "../support/kubectl.js";
import { tempDir } from "../support/temp.js";

const API = "ghcr.io/acme/api";
const INCOMING = new Set([API]);

/** A tree of `kustomizations` and `flux` (path: text) and `others` of its files, sitting at `treeRoot` in its repository. */
function treeOf(
  kustomizations: Record<string, string>,
  { flux = {}, others = [], treeRoot = "" }: { flux?: Record<string, string>; others?: readonly string[]; treeRoot?: string } = {},
): KustomizeTree {
  const entries = (files: Record<string, string>) => Object.entries(files).map(([file, text]) => ({ file, text }));
  const files = [...Object.keys(kustomizations), ...Object.keys(flux), ...others].sort();
  return { kustomizations: entries(kustomizations), deployers: entries(flux), patches: new Map(), files, treeRoot };
}

/** Per file, the kustomization files that give each name its version (the first TAGGERS_NAMED). */
function taggedBy(files: Record<string, string>, incoming: readonly string[] = [API]): Record<string, Record<string, readonly string[]>> {
  return byFiles(kustomizeTagged(treeOf(files), incoming.map(parseImageRef)));
}

/** kustomizeTagged's answer as plain objects: per file, per name, the files of the kustomizations that count. */
function byFiles(result: ReadonlyMap<string, ReadonlyMap<string, Tagging>>): Record<string, Record<string, readonly string[]>> {
  return Object.fromEntries([...result].map(([file, names]) => [file, Object.fromEntries([...names].map(([name, { by }]) => [name, by.first]))]));
}

/** Per file, the names tagged. */
function tagged(files: Record<string, string>, incoming: readonly string[] = [API]): Record<string, string[]> {
  return Object.fromEntries(Object.entries(taggedBy(files, incoming)).map(([file, names]) => [file, Object.keys(names).sort()]));
}

describe("mayHoldBareImage", () => {
  it("finds a bare image of an incoming repository, however the value is written", () => {
    expect(mayHoldBareImage("containers:\n- image: ghcr.io/acme/api  # tag set by overlays\n", INCOMING)).toBe(true);
    expect(mayHoldBareImage("containers: [{name: a, image: 'ghcr.io/acme/api'}]\n", INCOMING)).toBe(true);
    expect(mayHoldBareImage('{"containers": [{"image": "ghcr.io/acme/api"}]}\n', INCOMING)).toBe(true);
    expect(mayHoldBareImage("image: nginx\n", new Set(["docker.io/library/nginx"]))).toBe(true);
    // Anchored, for containers' images to alias.
    expect(mayHoldBareImage("x-defaults:\n  image: &img ghcr.io/acme/api\n", INCOMING)).toBe(true);
  });

  it("finds a bare image a JSON6902 patch op sets at an image path, whichever order its fields are in", () => {
    expect(mayHoldBareImage("- op: replace\n  path: /spec/template/spec/containers/0/image\n  value: ghcr.io/acme/api\n", INCOMING)).toBe(true);
    expect(mayHoldBareImage('[{"value": "ghcr.io/acme/api", "op": "add", "path": "/spec/containers/0/image"}]', INCOMING)).toBe(true);
    // A value at another path is no image.
    expect(mayHoldBareImage("- op: replace\n  path: /metadata/name\n  value: ghcr.io/acme/api\n", INCOMING)).toBe(false);
  });

  it("not a tagged or pinned one, nor another repository's", () => {
    const text = `image: ghcr.io/acme/api:1.0.0\nimage: ghcr.io/acme/api@sha256:${"a".repeat(64)}\nimage: ghcr.io/acme/api-proxy\nimages:\n- name: ghcr.io/acme/api\n`;
    expect(mayHoldBareImage(text, INCOMING)).toBe(false);
  });
});

const BASE = { "apps/api/base/kustomization.yaml": "resources:\n  - deployment.yaml\n" };

describe("kustomizeTagged", () => {
  it("a kustomization's images: tags the files it lists in resources, and itself (its inline patches)", () => {
    const files = {
      "apps/api/base/kustomization.yaml": `resources:\n  - deployment.yaml\n  - ./service.yaml\nimages:\n  - name: ${API}\n    newTag: 1.4.0\n`,
    };
    expect(tagged(files)).toEqual({
      "apps/api/base/deployment.yaml": [API],
      "apps/api/base/service.yaml": [API],
      "apps/api/base/kustomization.yaml": [API],
    });
  });

  it("an overlay's images: tags what the base it includes by directory builds, through any depth", () => {
    const files = {
      ...BASE,
      "apps/api/overlays/prod/kustomization.yaml": "resources:\n  - ../../base/\n",
      "clusters/prod/Kustomization": `resources: [../../apps/api/overlays/prod]\nimages: [{name: ${API}, newTag: 1.4.0}]\n`,
    };
    expect(taggedBy(files)["apps/api/base/deployment.yaml"]).toEqual({ [API]: ["clusters/prod/Kustomization"] });
    expect(Object.keys(tagged(files)).sort()).toEqual([
      "apps/api/base/deployment.yaml",
      "apps/api/base/kustomization.yaml",
      "apps/api/overlays/prod/kustomization.yaml",
      "clusters/prod/Kustomization",
    ]);
  });

  it("a component's images: tags what the kustomization including it builds, and its own resources", () => {
    const files = {
      ...BASE,
      "apps/api/components/pin-api/kustomization.yaml": `apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nimages:\n  - name: ${API}\n    newTag: 1.4.0\n`,
      "components/unused/kustomization.yaml": `kind: Component\nresources: [extra.yaml]\nimages:\n  - name: ${API}\n    newTag: 1.4.0\n`,
      "apps/api/overlays/prod/kustomization.yaml": "resources: [../../base]\ncomponents: [../../components/pin-api]\n",
    };
    expect(taggedBy(files)["apps/api/base/deployment.yaml"]).toEqual({ [API]: ["apps/api/components/pin-api/kustomization.yaml"] });
    expect(taggedBy(files)["components/unused/extra.yaml"]).toEqual({ [API]: ["components/unused/kustomization.yaml"] });
  });

  it("patch files are built into the resources, so they are tagged too", () => {
    const files = {
      "app/kustomization.yaml": `resources: [d.yaml]\npatches:\n  - path: sidecar.yaml\npatchesStrategicMerge: [more.yaml]\npatchesJson6902:\n  - path: ops.yaml\n    target: {kind: Deployment, name: api}\nimages: [{name: ${API}, digest: "sha256:${"a".repeat(64)}"}]\n`,
    };
    expect(Object.keys(tagged(files)).sort()).toEqual(["app/d.yaml", "app/kustomization.yaml", "app/more.yaml", "app/ops.yaml", "app/sidecar.yaml"]);
  });

  it("an entry counts when it sets a version, or gets one this run (no newName: the kustomize editor adds newTag), not for a rename alone", () => {
    const files = {
      "app/kustomization.yaml": `resources: [d.yaml]
images:
  - name: ghcr.io/acme/pinned
    newTag: "7"
  - name: ${API}
  - name: ghcr.io/acme/renamed
    newName: mirror.example/renamed
`,
    };
    const incoming = [API, "ghcr.io/acme/pinned", "ghcr.io/acme/renamed"];
    expect(tagged(files, incoming)["app/d.yaml"]).toEqual([API, "ghcr.io/acme/pinned"]);
    // Names of repositories this run does not move are not looked at: no bare image of theirs is edited.
    expect(tagged(files)["app/d.yaml"]).toEqual([API]);
  });

  it("reads an entry's fields through its merge key (- <<: *pin), as kustomize does: a merged newTag tags a rename, a merged newName alone does not", () => {
    const files = {
      "app/kustomization.yaml": `resources: [d.yaml]
images:
  - &pin
    name: ghcr.io/acme/other
    newTag: 1.0.0
  - <<: *pin
    name: ${API}
    newName: registry.internal/api
`,
      "mirror/kustomization.yaml": `resources: [d.yaml]
images:
  - &mirror
    name: ghcr.io/acme/other
    newName: registry.internal/other
  - <<: *mirror
    name: ${API}
`,
    };
    // app renders registry.internal/api:1.0.0 for a bare api; mirror renders registry.internal/other with the manifest's tag, which the bare image needs.
    expect(tagged(files)).toEqual({ "app/d.yaml": [API], "app/kustomization.yaml": [API] });
  });

  it("names as written, as kustomize matches them: `nginx` is not `docker.io/library/nginx`", () => {
    const files = { "app/kustomization.yaml": "resources: [d.yaml]\nimages: [{name: nginx, newTag: '1.27'}]\n" };
    expect(tagged(files, ["docker.io/library/nginx"])["app/d.yaml"]).toEqual(["nginx"]);
  });

  it("a kustomization without images: tags nothing, nor do remote resources, paths out of the tree, or one that does not parse", () => {
    const files = {
      ...BASE,
      "app/kustomization.yaml": `resources:\n  - https://github.com/acme/x//base?ref=v1\n  - ../../outside.yaml\nimages: [{name: ${API}, newTag: "1"}]\n`,
      "broken/kustomization.yaml": `resources: [d.yaml\nimages: [{name: ${API}, newTag: "1"}]\n`,
    };
    expect(tagged(files)).toEqual({ "app/kustomization.yaml": [API] });
  });

  it("names the first kustomizations in path order, and says there are others: a chain of N is read once, not once per file it builds (sec15 S1)", () => {
    /** A chain of `n` directories, each including the next and tagging API, each with a bare deploy.yaml: the tagging, and how often a file's target was asked. */
    const chain = (n: number) => {
      const files = Object.fromEntries(
        Array.from({ length: n }, (_, i) => [
          `d${String(i).padStart(5, "0")}/kustomization.yaml`,
          `resources: [${i + 1 < n ? `../d${String(i + 1).padStart(5, "0")}, ` : ""}deploy.yaml]\nimages: [{name: ${API}, newTag: 1.0.0}]\n`,
        ]),
      );
      let asked = 0;
      const ownerOf = () => {
        asked++;
        return undefined;
      };
      return { tagged: kustomizeTagged(treeOf(files), [parseImageRef(API)], { ownerOf, edited: () => false }), asked };
    };
    const { tagged: long, asked } = chain(300);
    const last = long.get("d00299/deploy.yaml")?.get(API);
    expect(last?.by).toEqual({ first: ["d00000", "d00001", "d00002", "d00003", "d00004"].map((d) => `${d}/kustomization.yaml`), others: true });
    expect(last?.by.first).toHaveLength(TAGGERS_NAMED);
    expect(long.get("d00000/deploy.yaml")?.get(API)?.by).toEqual({ first: ["d00000/kustomization.yaml"], others: false });
    // Once per entry and once per file built: linear, where handing every tagger to every file it builds is quadratic.
    expect(asked).toBe(300 * 3);
    expect(chain(600).asked).toBe(2 * asked);
  });

  it("under targets, counts for a file only the kustomizations of its own target or of none; another target's are told apart by target (sec15 S6)", () => {
    const prodAndStaging = {
      "apps/prod/kustomization.yaml": "resources: [deploy.yaml]\n",
      "apps/staging/over/kustomization.yaml": `resources: [../../prod]\nimages: [{name: ${API}, newTag: 0.0.1}]\n`,
    };
    const files = treeOf({ ...prodAndStaging, "apps/qa/kustomization.yaml": `resources: [../prod]\nimages: [{name: ${API}, newTag: 0.0.2}]\n` });
    const ownerOf = (path: string) => /^apps\/(prod|staging)\//.exec(path)?.[1];
    const owners = { ownerOf, edited: () => true };
    const alone = kustomizeTagged(treeOf(prodAndStaging), [parseImageRef(API)], owners)
      .get("apps/prod/deploy.yaml")
      ?.get(API);
    expect(alone).toEqual({
      by: { first: [], others: false },
      edited: false,
      elsewhere: new Map([["staging", { first: ["apps/staging/over/kustomization.yaml"], others: false }]]),
    });
    // qa/ is in no target: it counts, as a kustomization of prod's own would.
    const withQa = kustomizeTagged(files, [parseImageRef(API)], owners)
      .get("apps/prod/deploy.yaml")
      ?.get(API);
    expect(withQa?.by).toEqual({ first: ["apps/qa/kustomization.yaml"], others: false });
    expect(withQa?.edited).toBe(true);
    // Staging's own files are staging's to tag.
    expect(
      kustomizeTagged(files, [parseImageRef(API)], owners)
        .get("apps/staging/over/kustomization.yaml")
        ?.get(API)?.by.first,
    ).toEqual(["apps/staging/over/kustomization.yaml"]);
  });

  it("tells whether one that counts is edited, named or past the first", () => {
    const overlays = Array.from({ length: TAGGERS_NAMED + 2 }, (_, i) => [
      `o${i}/kustomization.yaml`,
      `resources: [../base]\nimages: [{name: ${API}, newTag: 1.0.0}]\n`,
    ]);
    const files = treeOf({ ...Object.fromEntries(overlays), "base/kustomization.yaml": "resources: [d.yaml]\n" });
    const edited = (last: string) =>
      kustomizeTagged(files, [parseImageRef(API)], {
        ownerOf: () => undefined,
        edited: (path) => path === last,
      })
        .get("base/d.yaml")
        ?.get(API)?.edited;
    expect([edited(`o${TAGGERS_NAMED + 1}/kustomization.yaml`), edited("o0/kustomization.yaml"), edited("elsewhere/kustomization.yaml")]).toEqual([
      true,
      true,
      false,
    ]);
  });

  it("tags a name for a file only where every build of it re-tags it: an overlay without an entry deploys the bare image as written, :latest (render18 M1)", () => {
    const prod = `resources: [../../base]\nimages: [{name: ${API}, newTag: 1.4.0}]\n`;
    const dev = "resources: [../../base]\nnamePrefix: dev-\n";
    const overlays = { ...BASE, "apps/api/overlays/prod/kustomization.yaml": prod, "apps/api/overlays/dev/kustomization.yaml": dev };
    expect(tagged(overlays)).toEqual({ "apps/api/overlays/prod/kustomization.yaml": [API] });
    // A component pinning the version for one overlay only, and a cluster applying both overlays: dev still deploys the base as written.
    const component = `kind: Component\nimages: [{name: ${API}, newTag: 1.4.0}]\n`;
    const viaComponent = {
      ...overlays,
      "apps/api/components/pin/kustomization.yaml": component,
      "apps/api/overlays/prod/kustomization.yaml": "resources: [../../base]\ncomponents: [../../components/pin]\n",
    };
    expect(tagged(viaComponent)["apps/api/base/deployment.yaml"]).toBeUndefined();
    const cluster = { ...overlays, "clusters/prod/kustomization.yaml": "resources: [../../apps/api/overlays/prod, ../../apps/api/overlays/dev]\n" };
    expect(tagged(cluster)["apps/api/base/deployment.yaml"]).toBeUndefined();
    // Once dev re-tags it too, or only includes prod, every build does.
    expect(tagged({ ...overlays, "apps/api/overlays/dev/kustomization.yaml": `${dev}images: [{name: ${API}, newTag: 1.5.0-rc.1}]\n` })).toMatchObject({
      "apps/api/base/deployment.yaml": [API],
    });
    expect(tagged({ ...overlays, "apps/api/overlays/dev/kustomization.yaml": "resources: [../prod]\nnamePrefix: dev-\n" })).toMatchObject({
      "apps/api/base/deployment.yaml": [API],
    });
  });

  it("a cycle (which kustomize refuses) ends", () => {
    const files = {
      "a/kustomization.yaml": `resources: [../b, a.yaml]\nimages: [{name: ${API}, newTag: "1"}]\n`,
      "b/kustomization.yaml": "resources: [../a, b.yaml]\n",
    };
    expect(Object.keys(tagged(files)).sort()).toEqual(["a/a.yaml", "a/kustomization.yaml", "b/b.yaml", "b/kustomization.yaml"]);
  });
});

/** A Flux Kustomization over `path` whose spec.images tags API, with more of its spec. */
const fluxKustomization = (path: string, more = "") =>
  `apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata: {name: api}\nspec:\n  path: ${path}\n  images:\n    - name: ${API}\n      newTag: 1.4.0\n${more}`;

/** Per file, the names tagged, with Flux Kustomizations in `flux`, every file of the tree, and where the tree sits in its repository. */
function taggedWithFlux(kustomizations: Record<string, string>, flux: Record<string, string>, others: readonly string[] = [], treeRoot = "") {
  return byFiles(kustomizeTagged(treeOf(kustomizations, { flux, others, treeRoot }), [parseImageRef(API)]));
}

describe("kustomizeTagged: Flux Kustomizations", () => {
  it("spec.images tags what the kustomization at spec.path builds, as that kustomization's images: would", () => {
    const flux = { "clusters/prod/api.yaml": `---\n${fluxKustomization("./apps/api/overlays/prod")}` };
    const kustomizations = { ...BASE, "apps/api/overlays/prod/kustomization.yaml": "resources: [../../base]\n" };
    expect(taggedWithFlux(kustomizations, flux)).toEqual({
      "apps/api/base/deployment.yaml": { [API]: ["clusters/prod/api.yaml"] },
      "apps/api/base/kustomization.yaml": { [API]: ["clusters/prod/api.yaml"] },
      "apps/api/overlays/prod/kustomization.yaml": { [API]: ["clusters/prod/api.yaml"] },
      "clusters/prod/api.yaml": { [API]: ["clusters/prod/api.yaml"] },
    });
  });

  it("where spec.path has no kustomization file, tags every YAML file of its tree, as the one Flux generates there lists them; a subdirectory's kustomization builds its own", () => {
    const flux = { "clusters/prod/api.yaml": fluxKustomization("./apps/plain") };
    const kustomizations = { "apps/plain/sub/kustomization.yaml": "resources: [../../../shared/d.yaml]\n" };
    const others = ["apps/plain/d.yaml", "apps/plain/deep/s.yml", "apps/plain/README.md", "apps/plain/sub/unlisted.yaml", "apps/plainer/d.yaml"];
    expect(Object.keys(taggedWithFlux(kustomizations, flux, others)).sort()).toEqual([
      "apps/plain/d.yaml",
      "apps/plain/deep/s.yml",
      "apps/plain/sub/kustomization.yaml",
      "clusters/prod/api.yaml",
      "shared/d.yaml",
    ]);
  });

  it("an empty spec.path is the tree's root, and spec.components are read from spec.path", () => {
    const component = `kind: Component\nresources: [extra.yaml]\n`;
    const flux = { "clusters/root.yaml": fluxKustomization('""'), "clusters/app.yaml": fluxKustomization("./app", "  components: [../components/extra]\n") };
    const kustomizations = { "app/kustomization.yaml": "resources: [d.yaml]\n", "components/extra/kustomization.yaml": component };
    expect(taggedWithFlux(kustomizations, { "clusters/root.yaml": flux["clusters/root.yaml"] }, ["top.yaml"])["top.yaml"]).toEqual({
      [API]: ["clusters/root.yaml"],
    });
    expect(taggedWithFlux(kustomizations, { "clusters/app.yaml": flux["clusters/app.yaml"] })["components/extra/extra.yaml"]).toEqual({
      [API]: ["clusters/app.yaml"],
    });
  });

  it("reads spec.path from the repository's root, as Flux does, when the tree is a directory below it", () => {
    const kustomizations = { ...BASE, "apps/api/overlays/prod/kustomization.yaml": "resources: [../../base]\n" };
    const under = (path: string) => taggedWithFlux(kustomizations, { "clusters/prod/api.yaml": fluxKustomization(path) }, [], "deploy");
    expect(Object.keys(under("./deploy/apps/api/overlays/prod")).sort()).toEqual([
      "apps/api/base/deployment.yaml",
      "apps/api/base/kustomization.yaml",
      "apps/api/overlays/prod/kustomization.yaml",
      "clusters/prod/api.yaml",
    ]);
    expect(under("./apps/api/overlays/prod")).toEqual({});
  });

  it("reads spec.images entries through their merge key, as a kustomization's", () => {
    const images = `    - &pin\n      name: ghcr.io/acme/other\n      digest: sha256:${"a".repeat(64)}\n    - <<: *pin\n      name: ${API}\n      newName: registry.internal/api\n`;
    const flux = { "clusters/prod/api.yaml": fluxKustomization("./app").replace(/ {4}- name: [^]*$/, images) };
    expect(taggedWithFlux({ "app/kustomization.yaml": "resources: [d.yaml]\n" }, flux)["app/d.yaml"]).toEqual({ [API]: ["clusters/prod/api.yaml"] });
  });

  it("tags nothing for another kind or API group, spec.images of other names, or a rename alone", () => {
    const flux = {
      "a.yaml": fluxKustomization("./app").replace("kustomize.toolkit.fluxcd.io/v1", "kustomize.config.k8s.io/v1beta1"),
      "b.yaml": fluxKustomization("./app").replace("kind: Kustomization", "kind: HelmRelease"),
      "c.yaml": fluxKustomization("./app").replace(`name: ${API}`, "name: ghcr.io/acme/web"),
      "d.yaml": fluxKustomization("./app").replace("newTag: 1.4.0", "newName: mirror.example/api"),
    };
    expect(taggedWithFlux({ "app/kustomization.yaml": "resources: [d.yaml]\n" }, flux)).toEqual({});
  });
});

/** Per file, the names every build of it re-tags. */
function retagged(files: Record<string, string>, flux: Record<string, string> = {}): Record<string, string[]> {
  const result = retaggedInEveryBuild(treeOf(files, { flux }), [parseImageRef(API)]);
  return Object.fromEntries([...result].map(([file, names]) => [file, [...names]]));
}

describe("retaggedInEveryBuild: a base whose version no build deploys", () => {
  const overlay = (tag: string) => `resources: [../../base]\nimages:\n  - name: ${API}\n    newTag: ${tag}\n`;
  const OVERLAYS = { ...BASE, "apps/api/overlays/staging/kustomization.yaml": overlay("1.5.0"), "apps/api/overlays/prod/kustomization.yaml": overlay("1.4.0") };

  it("is a base every overlay including it re-tags: the overlays are what clusters apply", () => {
    expect(retagged(OVERLAYS)["apps/api/base/deployment.yaml"]).toEqual([API]);
  });

  it("is not one an overlay includes without re-tagging, nor a base no overlay includes: each is applied as written", () => {
    expect(retagged({ ...OVERLAYS, "apps/api/overlays/dev/kustomization.yaml": "resources: [../../base]\n" })["apps/api/base/deployment.yaml"]).toBeUndefined();
    expect(retagged(BASE)).toEqual({});
  });

  it("follows the includes down: a cluster's kustomization including a re-tagging overlay deploys the base re-tagged", () => {
    const files = { ...OVERLAYS, "clusters/prod/kustomization.yaml": "resources: [../../apps/api/overlays/prod]\n" };
    expect(retagged(files)["apps/api/base/deployment.yaml"]).toEqual([API]);
  });

  it("counts a component's images: as its includer's, and a Flux Kustomization's spec.images as an overlay's", () => {
    const component = `kind: Component\nimages:\n  - name: ${API}\n    newTag: 1.4.0\n`;
    const viaComponent = {
      ...BASE,
      "components/pin/kustomization.yaml": component,
      "apps/api/overlays/prod/kustomization.yaml": "resources: [../../base]\ncomponents: [../../../../components/pin]\n",
    };
    expect(retagged(viaComponent)["apps/api/base/deployment.yaml"]).toEqual([API]);
    expect(retagged(BASE, { "clusters/prod/api.yaml": fluxKustomization("./apps/api/base") })["apps/api/base/deployment.yaml"]).toEqual([API]);
  });

  it("counts no build through a patch kustomize refuses to read, which fails (kubectl kustomize: 'unable to parse SM or JSON patch'), nor through what includes it", () => {
    const refusing = "resources: [../../base]\npatches:\n  - target: {kind: Deployment}\n    patch: '[{op: replace, path: /spec/replicas, value: 2}]'\n";
    const files = {
      ...OVERLAYS,
      "apps/api/overlays/dev/kustomization.yaml": refusing,
      "clusters/dev/kustomization.yaml": "resources: [../../apps/api/overlays/dev]\n",
    };
    expect(retagged(files)["apps/api/base/deployment.yaml"]).toEqual([API]);
    // As JSON the patch is read: that build deploys the base as written.
    const json = refusing.replace("[{op: replace, path: /spec/replicas, value: 2}]", '[{"op": "replace", "path": "/spec/replicas", "value": 2}]');
    expect(retagged({ ...files, "apps/api/overlays/dev/kustomization.yaml": json })["apps/api/base/deployment.yaml"]).toBeUndefined();
  });

  it("ends on a cycle, which kustomize refuses, and finds no build in one nothing outside it includes", () => {
    const files = {
      "a/kustomization.yaml": `resources: [../b, a.yaml]\nimages: [{name: ${API}, newTag: "1"}]\n`,
      "b/kustomization.yaml": "resources: [../a, b.yaml]\n",
    };
    expect(retagged(files)).toEqual({});
  });
});

describe("retaggedAt", () => {
  const names = new Set(["nginx"]);
  const at = (text: string) => [...retaggedAt(text, "docker.io/library/nginx", names)].map((offset) => text.slice(offset, text.indexOf("\n", offset)));

  it("finds each image: value of the repository written as a re-tagged name, as kustomize matches it", () => {
    expect(at("containers:\n  - image: nginx:1.25\n  - image: 'nginx@sha256:" + "a".repeat(64) + "'\n")).toEqual([
      "nginx:1.25",
      "nginx@sha256:" + "a".repeat(64) + "'",
    ]);
  });

  it("not one written otherwise (kustomize does not re-tag docker.io/library/nginx for nginx), nor the reference in args or a Helm pair", () => {
    expect(at("containers:\n  - image: docker.io/library/nginx:1.25\n    args: [--ref=nginx:1.25]\n")).toEqual([]);
    expect(at("image:\n  repository: nginx\n  tag: 1.25\n")).toEqual([]);
  });
});

describe("planUpdate: a bare base image one overlay re-tags and another deploys as written (render18 M1)", () => {
  const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      containers:
        - name: api
          image: ${API}
`;
  const TREE = {
    "apps/api/base/kustomization.yaml": "resources:\n  - deployment.yaml\n",
    "apps/api/base/deployment.yaml": DEPLOYMENT,
    "apps/api/overlays/prod/kustomization.yaml": `resources:\n  - ../../base\nimages:\n  - name: ${API}\n    newTag: 1.4.0\n`,
    "apps/api/overlays/dev/kustomization.yaml": "resources:\n  - ../../base\nnamePrefix: dev-\n",
  };
  const plan = () => planUpdate(memorySource(new Map(Object.entries(TREE))), { images: [`${API}:1.5.0`] });

  it("pins the base, which dev deploys, and moves prod's newTag, which replaces the base's tag there", async () => {
    const p = await plan();
    expect(p.changes.map((c) => [c.file, c.key, c.old, c.new])).toEqual([
      ["apps/api/base/deployment.yaml", "spec.template.spec.containers[0].image", API, `${API}:1.5.0`],
      ["apps/api/overlays/prod/kustomization.yaml", "images[0].newTag", "1.4.0", "1.5.0"],
    ]);
    expect(p.warnings).toEqual([]);
  });

  withKubectl("is what kubectl kustomize renders for both overlays", async () => {
    const p = await plan();
    const dir = await tempDir("gp-bare-base-");
    for (const [path, text] of Object.entries(TREE)) {
      await mkdir(join(dir, dirname(path)), { recursive: true });
      await writeFile(join(dir, path), p.files.find((f) => f.path === path)?.after ?? text);
    }
    const images = (overlay: string) =>
      parseAllDocuments(kustomize(join(dir, overlay))).map(
        (document) => (document.toJS() as { spec: { template: { spec: { containers: { image: string }[] } } } }).spec.template.spec.containers[0]!.image,
      );
    expect([images("apps/api/overlays/prod"), images("apps/api/overlays/dev")]).toEqual([[`${API}:1.5.0`], [`${API}:1.5.0`]]);
  });
});
