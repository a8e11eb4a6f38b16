/** The kustomizations of a tree, Flux's among them, and what their builds reach. */
import { describe, expect, it } from "vitest";
import {
  buildsOf,
  buildsReaching,
  graphOf,
  listedAs,
  mayGiveNamespace,
  mayHoldDeployer,
  namespacesOf,
  patchFilesOf,
  upward,
  walk,
  type BuiltNamespace,
  type KustomizeTree,
} from "../../src/engine/kustomize-graph.js";
import { isKustomizationFile } from "../../src/yaml/kustomize.js";
import { parseImageRef } from "../../src/image/reference.js";

const API = "ghcr.io/acme/api";
const INCOMING = [parseImageRef(API)];
const PIN = `images: [{name: ${API}, newTag: 1.4.0}]\n`;

/** A tree of `kustomizations` and `deployers` (path: text), with `others` among its files, at `treeRoot` in its repository. */
function treeOf(
  kustomizations: Record<string, string>,
  { deployers = {}, others = [], treeRoot = "" }: Partial<{ deployers: Record<string, string>; others: readonly string[]; treeRoot: string }> = {},
): KustomizeTree {
  const entries = (files: Record<string, string>) => Object.entries(files).map(([file, text]) => ({ file, text }));
  return {
    kustomizations: entries(kustomizations),
    deployers: entries(deployers),
    patches: new Map(),
    files: [...Object.keys(kustomizations), ...Object.keys(deployers), ...others].sort(),
    treeRoot,
  };
}

describe("isKustomizationFile", () => {
  it("knows the three names kustomize reads, in any directory", () => {
    expect(["kustomization.yaml", "a/kustomization.yml", "a/b/Kustomization"].map(isKustomizationFile)).toEqual([true, true, true]);
  });

  it("and nothing else, however close", () => {
    expect(["kustomization.json", "a/my-kustomization.yaml", "a/kustomization.yaml/deploy.yaml", "Kustomization.yaml"].map(isKustomizationFile)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});

describe("mayHoldDeployer", () => {
  it("screens for Flux's kustomize API group and an images field", () => {
    const flux = `apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nspec:\n  path: ./apps\n  ${PIN}`;
    const texts = [flux, "apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\n", "images: []\n"];
    expect(texts.map((text) => mayHoldDeployer("clusters/app.yaml", text))).toEqual([true, false, false]);
  });

  it("and for Argo CD's API group, or its parameter override file by name, with an images field", () => {
    const application = "apiVersion: argoproj.io/v1alpha1\nkind: Application\nspec:\n  source:\n    kustomize:\n      images: [ghcr.io/acme/api:1.4.0]\n";
    const override = "kustomize:\n  images: [ghcr.io/acme/api:1.4.0]\n";
    expect([
      mayHoldDeployer("apps/web.yaml", application),
      mayHoldDeployer("base/web/.argocd-source-web-prod.yaml", override),
      mayHoldDeployer("base/web/.argocd-source.yaml", override),
      mayHoldDeployer("base/web/argocd-source.yaml", override),
    ]).toEqual([true, true, true, false]);
  });
});

describe("mayGiveNamespace", () => {
  it("screens for Flux's kustomize API group and a targetNamespace field, which mayHoldDeployer lets by too, images or not", () => {
    const flux = "apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nspec:\n  path: ./apps\n  targetNamespace: team-a\n";
    const texts = [flux, "apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nspec:\n  path: ./apps\n", "targetNamespace: team-a\n"];
    expect(texts.map(mayGiveNamespace)).toEqual([true, false, false]);
    expect(texts.map((text) => mayHoldDeployer("clusters/apps.yaml", text))).toEqual([true, false, false]);
  });
});

describe("graphOf", () => {
  it("reads a kustomization's resources, bases, patches and components as paths from the tree's root, and the names its images: give an incoming version", () => {
    const file = "apps/api/overlays/prod/kustomization.yaml";
    const text =
      "resources: [../../base, https://github.com/acme/x//y, ../../../../../out]\nbases: [../../legacy]\npatchesStrategicMerge: [sm.yaml]\n" +
      "patches: [{path: patch.yaml}, {patch: inline}]\npatchesJson6902: [{path: op.yaml}]\ncomponents: [../../components/pin]\n" +
      `images: [{name: ${API}, newTag: 1.4.0}, {name: ghcr.io/acme/web, newTag: 2.0.0}]\n`;
    expect(graphOf(treeOf({ [file]: text }), INCOMING).at("apps/api/overlays/prod")).toEqual({
      file,
      component: false,
      tags: [API],
      resources: ["apps/api/base", "apps/api/legacy", "apps/api/overlays/prod/sm.yaml", "apps/api/overlays/prod/patch.yaml", "apps/api/overlays/prod/op.yaml"],
      components: ["apps/api/components/pin"],
      patches: [
        { file: "apps/api/overlays/prod/patch.yaml", kind: "either" },
        { file, inline: { text: "inline", at: ["patches", 1, "patch"], line: 4 }, kind: "either" },
        { file: "apps/api/overlays/prod/sm.yaml", kind: "strategic-merge" },
        { file: "apps/api/overlays/prod/op.yaml", kind: "json6902" },
      ],
    });
  });

  it("reads each patch's target selector, and a patchesStrategicMerge string holding a patch as an inline one, on the line its text starts", () => {
    const file = "o/kustomization.yaml";
    const text =
      "patches:\n  - path: values.yaml\n    target: {kind: HelmRelease, name: 'pod.*', labelSelector: app=web}\n  - target: {kind: Deployment}\n    patch: |\n      - op: test\n" +
      "patchesStrategicMerge:\n  - |\n    kind: Deployment\n";
    expect(graphOf(treeOf({ [file]: text }), INCOMING).at("o")?.patches).toEqual([
      { file: "o/values.yaml", kind: "either", target: { kind: "HelmRelease", name: "pod.*", labelSelector: "app=web" } },
      { file, inline: { text: "- op: test\n", at: ["patches", 1, "patch"], line: 6 }, kind: "either", target: { kind: "Deployment" } },
      { file, inline: { text: "kind: Deployment\n", at: ["patchesStrategicMerge", 0], line: 9 }, kind: "strategic-merge" },
    ]);
    expect(
      patchFilesOf([
        { file, text },
        { file: "p/kustomization.yaml", text: "patches: [{path: ../o/values.yaml}]\nresources: [x.yaml]\n" },
      ]),
    ).toEqual(["o/values.yaml"]);
  });

  it("has no kustomization where the tree has none, or one kustomize cannot read", () => {
    const graph = graphOf(treeOf({ "a/kustomization.yaml": "resources: [\n" }), INCOMING);
    expect([graph.at("a"), graph.at("b")]).toEqual([undefined, undefined]);
  });

  it("reads a Flux Kustomization as a kustomization of its spec.path, from the repository's root; where that has no kustomization file, of what Flux generates there", () => {
    const flux = (path: string) => `apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nspec:\n  path: ${path}\n  ${PIN}`;
    const tree = treeOf(
      { "apps/api/kustomization.yaml": "resources: [d.yaml]\n", "apps/plain/sub/kustomization.yaml": "resources: [e.yaml]\n" },
      {
        deployers: { "clusters/api.yaml": flux("./deploy/apps/api"), "clusters/plain.yaml": flux("./deploy/apps/plain") },
        others: ["apps/plain/d.yaml", "apps/plain/README.md", "apps/plain/sub/e.yaml"],
        treeRoot: "deploy",
      },
    );
    expect(graphOf(tree, INCOMING).deployers).toEqual([
      { file: "clusters/api.yaml", component: false, tags: [API], resources: ["apps/api"], components: [], patches: [] },
      { file: "clusters/plain.yaml", component: false, tags: [API], resources: ["apps/plain/d.yaml", "apps/plain/sub"], components: [], patches: [] },
    ]);
  });

  it("reads an Argo CD Application as a kustomization of each source's path with its kustomize.images, and a .argocd-source file as one of its own directory", () => {
    const application = (path: string, images: string) =>
      `apiVersion: argoproj.io/v1alpha1\nkind: Application\nspec:\n  source:\n    path: ${path}\n    kustomize:\n      images: [${images}]\n`;
    const tree = treeOf(
      { "base/web/kustomization.yaml": "resources: [d.yaml]\n" },
      {
        deployers: {
          "envs/staging/web.yaml": application("base/web", `"${API}:1.4.0"`),
          // A name kept (`*`) with a version sets one; a rename alone does not, nor an image of another repository.
          "envs/prod/web.yaml": application("./base/web", `"${API}=*@sha256:${"a".repeat(64)}", "${API}=mirror.example/api", "ghcr.io/acme/web:2.0.0"`),
          // Argo CD gives a plain directory no kustomize images.
          "envs/plain/web.yaml": application("base/plain", `"${API}:1.4.0"`),
          "base/web/.argocd-source-web-staging.yaml": `kustomize:\n  images:\n    - ${API}:1.3.0\n`,
        },
        others: ["base/plain/d.yaml"],
      },
    );
    expect(graphOf(tree, INCOMING).deployers).toEqual([
      { file: "envs/staging/web.yaml", component: false, tags: [API], resources: ["base/web"], components: [], patches: [] },
      { file: "envs/prod/web.yaml", component: false, tags: [API], resources: ["base/web"], components: [], patches: [] },
      { file: "base/web/.argocd-source-web-staging.yaml", component: false, tags: [API], resources: ["base/web"], components: [], patches: [] },
    ]);
  });

  it("gives a kustomization the tags of the components it includes, through components of components, and ends on a cycle", () => {
    const tree = treeOf({
      "app/kustomization.yaml": "resources: [d.yaml]\ncomponents: [../c1]\n",
      "c1/kustomization.yaml": "kind: Component\ncomponents: [../c2]\n",
      "c2/kustomization.yaml": `kind: Component\ncomponents: [../c1]\n${PIN}`,
    });
    const graph = graphOf(tree, INCOMING);
    expect(graph.tagsOf(graph.at("app")!)).toEqual([{ name: API, file: "c2/kustomization.yaml" }]);
  });
});

/** A chain of `n` kustomizations, each including the next by its directory: the first is d0. */
function chain(n: number): KustomizeTree {
  return treeOf(
    Object.fromEntries(Array.from({ length: n }, (_, i) => [`d${i}/kustomization.yaml`, `resources: [${i + 1 < n ? `../d${i + 1}` : "d.yaml"}]\n`])),
  );
}

describe("walk", () => {
  it("puts each kustomization before those it includes, and those `through` stops are not gone through", () => {
    const graph = graphOf(chain(3), INCOMING);
    const files = (ks: readonly { file: string }[]) => ks.map((k) => k.file);
    expect(files(walk(graph, [graph.at("d0")!]))).toEqual(["d0/kustomization.yaml", "d1/kustomization.yaml", "d2/kustomization.yaml"]);
    expect(files(walk(graph, [graph.at("d0")!], (k) => k.file !== "d1/kustomization.yaml"))).toEqual(["d0/kustomization.yaml"]);
  });

  it("goes down a chain of includes as long as a tree makes it, by a stack: neither a build nor a component's tags overflow the call stack", () => {
    const graph = graphOf(chain(20_000), INCOMING);
    expect(walk(graph, [graph.at("d0")!])).toHaveLength(20_000);
    const components = graphOf(
      treeOf(
        Object.fromEntries(
          Array.from({ length: 20_000 }, (_, i) => [`c${i}/kustomization.yaml`, `kind: Component\n${i + 1 < 20_000 ? `components: [../c${i + 1}]\n` : PIN}`]),
        ),
      ),
      INCOMING,
    );
    expect(components.tagsOf(components.at("c0")!)).toEqual([{ name: API, file: "c19999/kustomization.yaml" }]);
  });
});

describe("buildsOf", () => {
  it("reaches what the builds from the kustomizations nothing includes build; as written, only through none tagging the name", () => {
    const tree = treeOf({
      "base/kustomization.yaml": "resources: [d.yaml]\n",
      "dev/kustomization.yaml": "resources: [../base]\n",
      "prod/kustomization.yaml": `resources: [../base, p.yaml]\n${PIN}`,
    });
    const graph = graphOf(tree, INCOMING);
    const builds = buildsOf(
      graph,
      ["base", "dev", "prod"].map((directory) => graph.at(directory)!),
    );
    expect([...builds.reached()].sort()).toEqual([
      "base/d.yaml",
      "base/kustomization.yaml",
      "dev/kustomization.yaml",
      "prod/kustomization.yaml",
      "prod/p.yaml",
    ]);
    expect([...builds.asWritten(API)].sort()).toEqual(["base/d.yaml", "base/kustomization.yaml", "dev/kustomization.yaml"]);
  });

  it("builds no component alone", () => {
    const graph = graphOf(treeOf({ "c/kustomization.yaml": "kind: Component\nresources: [d.yaml]\n" }), INCOMING);
    expect(buildsOf(graph, [graph.at("c")!]).reached().size).toBe(0);
  });
});

describe("buildsReaching: the builds of some files, from the kustomizations above them", () => {
  const TREE = {
    "base/kustomization.yaml": "resources: [d.yaml]\n",
    "dev/kustomization.yaml": "resources: [../base]\n",
    "prod/kustomization.yaml": `resources: [../base, p.yaml]\n${PIN}`,
    "other/kustomization.yaml": "resources: [o.yaml]\n",
    "kustomization.yaml": "resources: [dev, prod]\n",
  };

  it("reaches the files as the whole tree's builds do, as written or not; a kustomization file by its directory", () => {
    const tree = treeOf(TREE);
    const graph = graphOf(tree, INCOMING);
    const all = buildsOf(
      graph,
      graph.directories.map((directory) => graph.at(directory)!),
    );
    const some = buildsReaching(tree, graph, ["base/d.yaml", "prod/kustomization.yaml"]);
    for (const file of ["base/d.yaml", "base/kustomization.yaml", "prod/kustomization.yaml", "prod/p.yaml"]) {
      expect([some.reached().has(file), some.asWritten(API).has(file)]).toEqual([all.reached().has(file), all.asWritten(API).has(file)]);
    }
    expect([...some.asWritten(API)].sort()).toEqual(["base/d.yaml", "base/kustomization.yaml", "dev/kustomization.yaml", "kustomization.yaml"]);
    // Only what is above them is built: other/ is no build of theirs.
    expect(some.reached().has("other/o.yaml")).toBe(false);
    expect([listedAs(graph, "prod/kustomization.yaml"), listedAs(graph, "kustomization.yaml"), listedAs(graph, "prod/p.yaml")]).toEqual([
      "prod",
      ".",
      "prod/p.yaml",
    ]);
  });
});

/** A Flux Kustomization building `path`, into `targetNamespace` when given. */
function fluxKustomization(path: string, targetNamespace?: string): string {
  return `apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata: {name: apps, namespace: flux-system}\nspec:\n  path: ${path}\n${targetNamespace ? `  targetNamespace: ${targetNamespace}\n` : ""}`;
}

describe("namespacesOf: the namespaces the tree's builds put a file's objects in", () => {
  it("is a kustomization's namespace: for what it builds, and where it comes from; none for a file no build reaches", () => {
    const namespaces = namespacesOf(treeOf({ "apps/podinfo/kustomization.yaml": "namespace: podinfo\nresources: [policy.yaml]\n" }));
    expect(namespaces("apps/podinfo/policy.yaml")).toEqual([{ namespace: "podinfo", by: "apps/podinfo/kustomization.yaml" }]);
    expect(namespaces("apps/podinfo/other.yaml")).toEqual([]);
  });

  it("is the outermost kustomization's that sets one, through bases and components; a build setting none gives none", () => {
    const namespaces = namespacesOf(
      treeOf({
        "base/kustomization.yaml": "namespace: base\nresources: [policy.yaml]\ncomponents: [../c]\n",
        "c/kustomization.yaml": "kind: Component\nresources: [c.yaml]\n",
        "prod/kustomization.yaml": "namespace: prod\nresources: [../mid]\n",
        "mid/kustomization.yaml": "resources: [../base]\n",
        "loose/kustomization.yaml": "resources: [../plain]\n",
        "plain/kustomization.yaml": "resources: [policy.yaml]\n",
      }),
    );
    expect(namespaces("base/policy.yaml")).toEqual([{ namespace: "prod", by: "prod/kustomization.yaml" }]);
    expect(namespaces("c/c.yaml")).toEqual([{ namespace: "prod", by: "prod/kustomization.yaml" }]);
    expect(namespaces("plain/policy.yaml")).toEqual([{}]);
    // A tree whose texts set no namespace is not parsed for one: every object keeps its own.
    expect(namespacesOf(treeOf({ "plain/kustomization.yaml": "resources: [policy.yaml]\n" }))("plain/policy.yaml")).toEqual([]);
  });

  it("reads an overlay listing its base by a path kustomize normalises (an empty segment, a '..' after a name), however few paths were asked about (review final17 S1)", () => {
    const namespaces = namespacesOf(
      treeOf({
        "apps/podinfo/kustomization.yaml": "resources:\n- policy.yaml\n",
        "clusters/prod/kustomization.yaml": "namespace: prod\nresources:\n- ../../apps//podinfo\n",
        "clusters/dev/kustomization.yaml": "namespace: dev\nresources:\n- ../../apps/x/../podinfo\n",
      }),
    );
    expect(namespaces("apps/podinfo/policy.yaml")).toEqual([
      { namespace: "dev", by: "clusters/dev/kustomization.yaml" },
      { namespace: "prod", by: "clusters/prod/kustomization.yaml" },
    ]);
  });

  it("is each namespace a file is built into, once: a base two overlays build is in both, and in a Flux Kustomization's that builds it too", () => {
    const overlays = {
      "base/kustomization.yaml": "resources: [policy.yaml]\n",
      "staging/kustomization.yaml": "namespace: staging\nresources: [../base]\n",
      "prod/kustomization.yaml": "namespace: prod\nresources: [../base, ../base]\n",
    };
    const sorted = (namespaces: readonly BuiltNamespace[]) => [...namespaces].sort((a, b) => (a.namespace ?? "").localeCompare(b.namespace ?? ""));
    expect(sorted(namespacesOf(treeOf(overlays))("base/policy.yaml"))).toEqual([
      { namespace: "prod", by: "prod/kustomization.yaml" },
      { namespace: "staging", by: "staging/kustomization.yaml" },
    ]);
    const deployed = treeOf(overlays, { deployers: { "clusters/base.yaml": fluxKustomization("./base", "tools") } });
    expect(sorted(namespacesOf(deployed)("base/policy.yaml"))).toEqual([
      { namespace: "prod", by: "prod/kustomization.yaml" },
      { namespace: "staging", by: "staging/kustomization.yaml" },
      { namespace: "tools", by: "clusters/base.yaml" },
    ]);
  });

  it("is a Flux Kustomization's targetNamespace for what it builds, over the namespace: of the kustomization at its path, which is no build of its own", () => {
    const tree = treeOf(
      { "apps/podinfo/kustomization.yaml": "namespace: podinfo\nresources: [policy.yaml]\n" },
      {
        deployers: {
          "clusters/prod/apps.yaml": fluxKustomization("./deploy/apps/podinfo", "team-a"),
          "clusters/prod/plain.yaml": fluxKustomization("./deploy/apps/plain", "plain"),
        },
        others: ["apps/podinfo/policy.yaml", "apps/plain/policy.yaml"],
        treeRoot: "deploy",
      },
    );
    const namespaces = namespacesOf(tree);
    expect(namespaces("apps/podinfo/policy.yaml")).toEqual([{ namespace: "team-a", by: "clusters/prod/apps.yaml" }]);
    // Where the path has no kustomization, the one Flux generates there builds its files.
    expect(namespaces("apps/plain/policy.yaml")).toEqual([{ namespace: "plain", by: "clusters/prod/plain.yaml" }]);
  });

  it("names, of two builds putting a file in one namespace, the one a walk of every build of the tree meets first, however far above the file each is", () => {
    // The walk from the roots a and b puts each kustomization before those it includes, and the last root's first: b, a, m, base. b hands base prod before m does.
    const tree = treeOf({
      "a/kustomization.yaml": "namespace: prod\nresources: [../m]\n",
      "b/kustomization.yaml": "namespace: prod\nresources: [../base]\n",
      "base/kustomization.yaml": "resources: [policy.yaml]\n",
      "m/kustomization.yaml": "resources: [../base]\n",
    });
    expect(namespacesOf(tree)("base/policy.yaml")).toEqual([{ namespace: "prod", by: "b/kustomization.yaml" }]);
  });

  it("with the labels the kustomizations on the way down add: labels: pairs, then commonLabels, a component's under its includer's, an outer one's over an inner one's", () => {
    const namespaces = namespacesOf(
      treeOf({
        "base/kustomization.yaml": "resources: [policy.yaml]\ncommonLabels: {env: base, tier: web}\nlabels:\n  - pairs: {env: labels, app: x}\n",
        "c/kustomization.yaml": "kind: Component\nlabels:\n  - pairs: {env: component, c: '1'}\n",
        "prod/kustomization.yaml": "namespace: prod\nresources: [../base]\ncomponents: [../c]\nlabels:\n  - pairs: {team: a}\n    includeSelectors: true\n",
        "lab/kustomization.yaml": "resources: [../base]\ncomponents: [../c]\nlabels:\n  - pairs: {env: lab}\n",
      }),
    );
    const [base, c, prod, lab] = ["base", "c", "prod", "lab"].map((directory) => `${directory}/kustomization.yaml`);
    expect(namespaces("base/policy.yaml")).toEqual([
      { labels: { env: "lab", tier: "web", app: "x", c: "1" }, labelledBy: { env: lab, tier: base, app: base, c } },
      {
        namespace: "prod",
        by: prod,
        labels: { env: "component", tier: "web", app: "x", c: "1", team: "a" },
        labelledBy: { env: c, tier: base, app: base, c, team: prod },
      },
    ]);
    // A tree whose kustomizations set labels alone is read for them.
    expect(namespacesOf(treeOf({ "plain/kustomization.yaml": "resources: [policy.yaml]\ncommonLabels: {env: prod}\n" }))("plain/policy.yaml")).toEqual([
      { labels: { env: "prod" }, labelledBy: { env: "plain/kustomization.yaml" } },
    ]);
  });

  it("works out no labels where no automation selects by them (`labelled` false): the namespace alone, and none from a tree setting labels alone", () => {
    const tree = treeOf({ "prod/kustomization.yaml": "namespace: prod\nresources: [policy.yaml]\ncommonLabels: {env: prod}\n" });
    expect([namespacesOf(tree)("prod/policy.yaml"), namespacesOf(tree, false)("prod/policy.yaml")]).toEqual([
      [{ namespace: "prod", by: "prod/kustomization.yaml", labels: { env: "prod" }, labelledBy: { env: "prod/kustomization.yaml" } }],
      [{ namespace: "prod", by: "prod/kustomization.yaml" }],
    ]);
    expect(namespacesOf(treeOf({ "plain/kustomization.yaml": "resources: [policy.yaml]\ncommonLabels: {env: prod}\n" }), false)("plain/policy.yaml")).toEqual(
      [],
    );
  });

  it("goes down a chain of includes as long as a tree makes it", () => {
    const tree = chain(20_000);
    const first = tree.kustomizations[0]!;
    const namespaced = { ...tree, kustomizations: [{ ...first, text: `namespace: top\n${first.text}` }, ...tree.kustomizations.slice(1)] };
    expect(namespacesOf(namespaced)("d19999/d.yaml")).toEqual([{ namespace: "top", by: "d0/kustomization.yaml" }]);
  });
});

describe("upward: the kustomizations above a path, found from it", () => {
  const overlays = Array.from({ length: 100 }, (_, i) => `overlays/o${String(i).padStart(3, "0")}`);
  const tree = treeOf(
    Object.fromEntries([
      ["base/kustomization.yaml", "resources: [deploy.yaml]\n"],
      ...overlays.map((overlay) => [`${overlay}/kustomization.yaml`, "resources: [../../base]\n"]),
      ["clusters/prod/kustomization.yaml", "resources: [../../overlays/o007]\n"],
    ]),
    { deployers: { "clusters/flux.yaml": fluxKustomization("./overlays/o007", "tools") } },
  );
  const files = (ks: readonly { file: string }[]) => ks.map((k) => k.file);
  const searchOf = () => {
    const graph = graphOf(tree, []);
    return upward(tree, graph, graph.fluxBuilds());
  };
  const expected = [
    "base/kustomization.yaml",
    ...overlays.map((overlay) => `${overlay}/kustomization.yaml`),
    "clusters/prod/kustomization.yaml",
    "clusters/flux.yaml",
  ];

  it("is those listing it, then those listing theirs, the nearest first, Flux Kustomizations among them; `passing` stops the way up", () => {
    const search = searchOf();
    expect(files(search.parentsOf("base/deploy.yaml"))).toEqual(["base/kustomization.yaml"]);
    expect(files(search.up("base/deploy.yaml"))).toEqual(expected);
    expect(files(search.up("base/deploy.yaml", (k) => !k.file.startsWith("overlays/o007/")))).toEqual(
      expected.filter((file) => !file.startsWith("clusters/") && !file.startsWith("overlays/o007/")),
    );
    expect(search.up("base/other.yaml")).toEqual([]);
  });

  it("is the same once it has asked about so many paths that it parses every kustomization and looks them up", () => {
    const search = searchOf();
    for (const overlay of overlays) expect(search.parentsOf(`${overlay}/patch.yaml`)).toEqual([]);
    expect(files(search.up("base/deploy.yaml"))).toEqual(expected);
    expect(search.up("base/other.yaml")).toEqual([]);
  });
});
