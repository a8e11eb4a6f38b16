import { describe, expect, it } from "vitest";
import type { Change } from "../../src/change.js";
import { keptSpecsOver, kclRunsIn, mayHoldKclRun, setByEveryKclRun, type KclRun } from "../../src/engine/kcl-runs.js";
import { memorySource } from "../../src/engine/source.js";

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
    const warnings = await keptSpecsOver([written], texts, "", source, new Set(["app/kcl.mod", "app/main.k", "deploy/kclrun.yaml"]));
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
    expect(await keptSpecsOver([written], new Map(), "", source, present)).toEqual([]);
    // The kcl.mod of another directory builds another package.
    const elsewhere = { ...written, path: "other/sub/main.k" };
    expect(await keptSpecsOver([elsewhere], new Map(), "", source, present)).toEqual([]);
    // A delete writes no value, and an editor's move of an image moves the kept spec's too (kcl-overrides.ts, mod-editor.ts).
    const sets = memorySource(new Map([["app/kcl.mod", mod]]));
    const deleted = { ...written, changes: [{ ...written.changes[0]!, op: "delete" as const }] };
    const moved = { ...written, changes: [{ ...written.changes[0]!, kind: "kcl-image" as const }] };
    expect(await keptSpecsOver([deleted, moved], new Map(), "", sets, present)).toEqual([]);
  });
});
