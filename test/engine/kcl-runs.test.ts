import { describe, expect, it } from "vitest";
import type { Change } from "../../src/change.js";
import { keptSpecsOver, kclModsOf, kclRunsIn, mayHoldKclRun, setByEveryKclRun, type KclRun } from "../../src/engine/kcl-runs.js";
import { memorySource, type TreeSource } from "../../src/engine/source.js";
import { planUpdate } from "../../src/index.js";

/** A KCLRun of the package at `path` (none: the source's root) with these `-O` specs and `-D` arguments. */
const kclRun = (path: string | undefined, overrides: readonly string[], args: readonly string[] = []) =>
  [
    "apiVersion: krm.kcl.dev.fluxcd/v1alpha1",
    "kind: KCLRun",
    "metadata: {name: app, namespace: flux-system}",
    "spec:",
    ...(path === undefined ? [] : [`  path: ${path}`]),
    "  sourceRef: {kind: GitRepository, name: app}",
    "  config:",
    `    arguments: [${args.map((a) => JSON.stringify(a)).join(", ")}]`,
    `    overrides: [${overrides.map((o) => `'${o}'`).join(", ")}]`,
    "",
  ].join("\n");

/**
 * konfig's stack layout (corpus-konfig examples/appops/guestbook): each environment's kcl.mod compiles the base beside
 * its own main.k by its [profile] entries, and prod's overrides set the base's image as every compile runs.
 */
const BASE = 'redisLeader: frontend.Server {\n    name = "redis-leader"\n    image = "docker.io/redis:6.0.5"\n}\n';
const stackMod = (env: string, more: readonly string[] = []) =>
  [
    "[package]",
    `name = "guestbook-${env}"`,
    "",
    "[profile]",
    'entries = ["../base/base.k", "main.k", "${konfig:KCL_MOD}/models/kube/render/render.k"]',
    ...more,
    "",
  ].join("\n");
const PROD_MOD = stackMod("prod", ["overrides = ['redisLeader.image=\"docker.io/redis:6.0.5\"']"]);
const STACK = {
  "guestbook/base/base.k": BASE,
  "guestbook/dev/kcl.mod": stackMod("dev"),
  "guestbook/dev/main.k": "redisLeader: frontend.Server {}\n",
  "guestbook/prod/kcl.mod": PROD_MOD,
  "guestbook/prod/main.k": "redisLeader: frontend.Server {}\n",
};

/** A source that counts its reads of each file. */
function counted(files: Readonly<Record<string, string>>): { source: TreeSource; reads: Map<string, number> } {
  const inner = memorySource(new Map(Object.entries(files)));
  const reads = new Map<string, number>();
  return { source: { ...inner, read: (path) => (reads.set(path, (reads.get(path) ?? 0) + 1), inner.read(path)) }, reads };
}

const MAIN = 'app = {\n    name = "app"\n    image = "ghcr.io/acme/app:1.2.3"\n    sidecar = "ghcr.io/acme/proxy:0.4.0"\n}\n';

describe("kclRunsIn", () => {
  it("reads each KCLRun's directory from the repository's root, as Flux reads a path, and the -O specs that set a string, with their lines", () => {
    const text = `${kclRun("./app", ['app.image="ghcr.io/acme/app:1.2.3"', "app.replicas=2", "app.args-"], ["image=ghcr.io/acme/app:1.2.3"])}---\n${kclRun(undefined, [])}`;
    expect(kclRunsIn(text, "")).toEqual([
      // A -D argument sets no field by path, nor does a delete.
      {
        directory: "app",
        name: "flux-system/app",
        specs: [
          { path: "app.image", spec: 'app.image="ghcr.io/acme/app:1.2.3"', line: 9 },
          { path: "app.replicas", spec: "app.replicas=2", line: 9 },
        ],
      },
      { directory: "", name: "flux-system/app", specs: [] },
    ]);
  });

  it("reads the directory in a tree below the repository's root, and none for one beside it", () => {
    expect(kclRunsIn(kclRun("./clusters/app", []), "clusters")).toMatchObject([{ directory: "app" }]);
    expect(kclRunsIn(kclRun("./apps/app", []), "clusters")).toMatchObject([{ directory: undefined }]);
  });

  it("reads nothing of another kind, nor of a text that is not YAML", () => {
    expect(kclRunsIn("apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nspec: {path: ./app}\n", "")).toEqual([]);
    expect(kclRunsIn("kind: KCLRun\nspec: {path: [./app\n", "")).toEqual([]);
    expect([mayHoldKclRun(kclRun("./app", [])), mayHoldKclRun("kind: KCLRun\n")]).toEqual([true, false]);
  });
});

describe("setByEveryKclRun", () => {
  const run = (directory: string, ...paths: string[]): KclRun => ({
    directory,
    name: "flux-system/app",
    specs: paths.map((path) => ({ path, spec: path, line: 1 })),
  });

  it("gives the lines of the strings every KCLRun building the file sets: each environment's overrides of a base", () => {
    expect(setByEveryKclRun([run("app", "app.image"), run("app", "app.sidecar", "app.image")], "app/main.k", MAIN)).toEqual(new Set([3]));
    // One that builds it as written deploys the file's own version.
    expect(setByEveryKclRun([run("app", "app.image"), run("app")], "app/main.k", MAIN)).toEqual(new Set());
  });

  it("counts only the KCLRuns of the file's own directory, and KCL files of its package", () => {
    const runs = [run("app", "app.image")];
    expect(setByEveryKclRun(runs, "app/base/main.k", MAIN)).toEqual(new Set());
    expect(setByEveryKclRun(runs, "main.k", MAIN)).toEqual(new Set());
    expect(setByEveryKclRun([run("", "app.image")], "main.k", MAIN)).toEqual(new Set([3]));
    expect(setByEveryKclRun(runs, "app/main_test.k", MAIN)).toEqual(new Set());
    expect(setByEveryKclRun(runs, "app/values.yaml", "app:\n  image: ghcr.io/acme/app:1.2.3\n")).toEqual(new Set());
  });

  it("counts the KCLRuns of a package whose kcl.mod's [profile] entries list the file: konfig's base each environment's stack builds", () => {
    const prod = run("guestbook/prod", "redisLeader.image");
    const listedBy = [{ mod: "guestbook/prod/kcl.mod", directory: "guestbook/prod", entry: "../base/base.k", line: 5 }];
    expect(setByEveryKclRun([prod], "guestbook/base/base.k", BASE, listedBy)).toEqual(new Set([3]));
    // The base is no file of the prod directory: unlisted, no KCLRun builds it.
    expect(setByEveryKclRun([prod], "guestbook/base/base.k", BASE)).toEqual(new Set());
    // dev's KCLRun builds it as written where dev's kcl.mod lists it too.
    const both = [...listedBy, { ...listedBy[0]!, mod: "guestbook/dev/kcl.mod", directory: "guestbook/dev" }];
    expect(setByEveryKclRun([prod, run("guestbook/dev")], "guestbook/base/base.k", BASE, both)).toEqual(new Set());
  });

  it("counts a spec only where KCL would apply it: not at a path the file does not have, nor over a config", () => {
    expect(setByEveryKclRun([run("app", "app.imagee")], "app/main.k", MAIN)).toEqual(new Set());
    expect(setByEveryKclRun([run("app", "app")], "app/main.k", MAIN)).toEqual(new Set());
  });
});

describe("keptSpecsOver", () => {
  const set = (path: string, line: number, key: string, old: string, value: string): Change => ({ file: path, line, kind: "override", key, old, new: value });
  const written = {
    path: "app/main.k",
    after: MAIN.replace("1.2.3", "2.0.0"),
    changes: [set("app/main.k", 3, "app.image", "ghcr.io/acme/app:1.2.3", "ghcr.io/acme/app:2.0.0")],
  };
  const mod = '[package]\nname = "app"\n\n[profile]\noverrides = [\n    "app.image=\\"ghcr.io/acme/app:1.2.3\\"",\n    "app.replicas=2",\n]\n';

  it("names the kcl.mod spec and the KCLRun spec that set a field an override wrote, which KCL applies over it as it renders (review kcl18 S4)", async () => {
    const texts = new Map([["deploy/kclrun.yaml", kclRun("./app", ['app.image="ghcr.io/acme/app:1.2.3"'])]]);
    const source = memorySource(new Map([["app/kcl.mod", mod]]));
    const warnings = await keptSpecsOver([written], texts, "", kclModsOf(source, new Set(["app/kcl.mod", "app/main.k", "deploy/kclrun.yaml"]), texts));
    expect(warnings).toEqual([
      {
        file: "app/main.k",
        line: 3,
        message:
          'app.image: app.image="ghcr.io/acme/app:1.2.3" (app/kcl.mod:6, [profile] overrides) and app.image="ghcr.io/acme/app:1.2.3" (deploy/kclrun.yaml:9, the spec.config.overrides of KCLRun flux-system/app) ' +
          "also sets it, and KCL applies those specs over this file as it renders, so the value written here is not what deploys; set those specs instead, or both",
      },
    ]);
  });

  it("says nothing of a field no kept spec of the file's package sets, of a delete, or of an image an editor moved", async () => {
    const present = new Set(["app/kcl.mod", "app/main.k", "other/kcl.mod"]);
    const source = memorySource(
      new Map([
        ["app/kcl.mod", mod.replace("app.image", "app.sidecar")],
        ["other/kcl.mod", mod],
      ]),
    );
    expect(await keptSpecsOver([written], new Map(), "", kclModsOf(source, present, new Map()))).toEqual([]);
    // The kcl.mod of another directory builds another package.
    const elsewhere = { ...written, path: "other/sub/main.k" };
    expect(await keptSpecsOver([elsewhere], new Map(), "", kclModsOf(source, present, new Map()))).toEqual([]);
    // A delete writes no value, and an editor's move of an image moves the kept spec's too (kcl-overrides.ts, mod-editor.ts).
    const sets = memorySource(new Map([["app/kcl.mod", mod]]));
    const deleted = { ...written, changes: [{ ...written.changes[0]!, op: "delete" as const }] };
    const moved = { ...written, changes: [{ ...written.changes[0]!, kind: "kcl-image" as const }] };
    expect(await keptSpecsOver([deleted, moved], new Map(), "", kclModsOf(sets, present, new Map()))).toEqual([]);
  });
});

describe("kclModsOf", () => {
  it("finds the kcl.mods whose [profile] entries name a file, as kpm resolves them from the kcl.mod's directory", async () => {
    const mods = kclModsOf(memorySource(new Map(Object.entries(STACK))), new Set(Object.keys(STACK)), new Map());
    expect(await mods.listing("guestbook/base/base.k")).toEqual([
      { mod: "guestbook/dev/kcl.mod", directory: "guestbook/dev", entry: "../base/base.k", line: 5 },
      { mod: "guestbook/prod/kcl.mod", directory: "guestbook/prod", entry: "../base/base.k", line: 5 },
    ]);
    expect(await mods.listing("guestbook/prod/main.k")).toMatchObject([{ mod: "guestbook/prod/kcl.mod", entry: "main.k" }]);
    // Only the kcl.mods of the directories asked about.
    expect(await mods.listing("guestbook/base/base.k", new Set(["guestbook/prod"]))).toMatchObject([{ mod: "guestbook/prod/kcl.mod" }]);
    expect(await mods.listing("guestbook/base/other.k")).toEqual([]);
  });

  it("reads ${KCL_MOD} as the kcl.mod's directory and a directory entry as its .k files; not another package's ${name:KCL_MOD}, nor a profile under [package]", async () => {
    const listed = async (mod: string) => {
      const files = { "base/base.k": BASE, "prod/kcl.mod": mod };
      return kclModsOf(memorySource(new Map(Object.entries(files))), new Set(Object.keys(files)), new Map()).listing("base/base.k");
    };
    for (const entry of ["${KCL_MOD}/../base/base.k", "../base", "./../base/", "../base/../base/base.k"])
      expect(await listed(`[profile]\nentries = ["${entry}"]\n`)).toEqual([{ mod: "prod/kcl.mod", directory: "prod", entry, line: 2 }]);
    // In a profile inline table, the TOML escapes of its string decoded.
    expect(await listed('profile = { entries = ["..\\u002fbase/base.k"] }\n')).toMatchObject([{ entry: "../base/base.k", line: 1 }]);
    for (const mod of [
      '[profile]\nentries = ["${konfig:KCL_MOD}/base/base.k", "/base/base.k", "../../base/base.k"]\n',
      '[package]\nprofile = { entries = ["../base/base.k"] }\n',
    ])
      expect(await listed(mod)).toEqual([]);
    // A kcl.mod kcl run cannot read (TOML 1.1's \e) compiles nothing.
    expect(await listed('[profile]\nentries = ["../base/base.k", "\\e"]\n')).toEqual([]);
  });

  it("reads each kcl.mod once a run, and none the run has read already", async () => {
    const { source, reads } = counted(STACK);
    const mods = kclModsOf(source, new Set(Object.keys(STACK)), new Map([["guestbook/dev/kcl.mod", STACK["guestbook/dev/kcl.mod"]]]));
    await mods.listing("guestbook/base/base.k");
    await mods.listing("guestbook/prod/main.k");
    expect(await mods.text("guestbook/prod/kcl.mod")).toBe(PROD_MOD);
    expect(Object.fromEntries(reads)).toEqual({ "guestbook/prod/kcl.mod": 1 });
  });
});

describe("keptSpecsOver: a base that a kcl.mod's [profile] entries compile", () => {
  const written = {
    path: "guestbook/base/base.k",
    after: BASE.replace("6.0.5", "6.2.0"),
    changes: [
      {
        file: "guestbook/base/base.k",
        line: 3,
        kind: "override" as const,
        key: "redisLeader.image",
        old: "docker.io/redis:6.0.5",
        new: "docker.io/redis:6.2.0",
      },
    ],
  };

  it("names the kcl.mod whose overrides set the field and the entry that compiles the file, and a KCLRun of that package", async () => {
    const texts = new Map([["deploy/prod.yaml", kclRun("./guestbook/prod", ['redisLeader.image="docker.io/redis:6.0.5"'])]]);
    const present = new Set([...Object.keys(STACK), "deploy/prod.yaml"]);
    const warnings = await keptSpecsOver([written], texts, "", kclModsOf(memorySource(new Map(Object.entries(STACK))), present, texts));
    expect(warnings).toEqual([
      {
        file: "guestbook/base/base.k",
        line: 3,
        message:
          'redisLeader.image: redisLeader.image="docker.io/redis:6.0.5" (guestbook/prod/kcl.mod:6, [profile] overrides; its [profile] entries list "../base/base.k" at line 5) and ' +
          'redisLeader.image="docker.io/redis:6.0.5" (deploy/prod.yaml:9, the spec.config.overrides of KCLRun flux-system/app; its guestbook/prod/kcl.mod lists "../base/base.k" at line 5) ' +
          "also sets it, and KCL applies those specs over this file as it renders, so the value written here is not what deploys; set those specs instead, or both",
      },
    ]);
  });

  it("reads no kcl.mod for a run that writes no KCL file", async () => {
    const { source, reads } = counted(STACK);
    const yaml = { path: "app.yaml", after: "image: a\n", changes: [{ ...written.changes[0]!, file: "app.yaml", line: 1 }] };
    expect(await keptSpecsOver([yaml], new Map(), "", kclModsOf(source, new Set(Object.keys(STACK)), new Map()))).toEqual([]);
    expect(reads.size).toBe(0);
  });
});

describe("planUpdate over konfig's stack layout", () => {
  it("warns at a --set of the base where the prod kcl.mod its entries compile it by overrides the field", async () => {
    const plan = await planUpdate(memorySource(new Map(Object.entries(STACK))), {
      images: [],
      sets: ["guestbook/base/base.k:redisLeader.image=docker.io/redis:6.2.0"],
    });
    expect(plan.changes.map((c) => [c.file, c.line, c.new])).toEqual([["guestbook/base/base.k", 3, "docker.io/redis:6.2.0"]]);
    expect(plan.warnings).toEqual([
      {
        file: "guestbook/base/base.k",
        line: 3,
        message: expect.stringContaining('(guestbook/prod/kcl.mod:6, [profile] overrides; its [profile] entries list "../base/base.k" at line 5) also sets it'),
      },
    ]);
  });

  it("says nothing of a base left at the old version where each KCLRun's package lists it and sets its image", async () => {
    const tree = {
      ...STACK,
      ".github/gitops-promote.yaml": "targets:\n  - name: prod\n    paths: [deploy/**]\n    images: [{repository: docker.io/redis}]\n",
      "deploy/prod.yaml": kclRun("./guestbook/prod", ['redisLeader.image="docker.io/redis:6.0.5"']),
    };
    const plan = await planUpdate(memorySource(new Map(Object.entries(tree))), { images: ["docker.io/redis:6.2.0"] });
    expect(plan.files.map((f) => f.path)).toEqual(["deploy/prod.yaml"]);
    expect(plan.warnings.filter((w) => w.file === "guestbook/base/base.k")).toEqual([]);
  });
});
