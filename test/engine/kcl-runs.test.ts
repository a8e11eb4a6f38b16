import { describe, expect, it } from "vitest";
import { kclRunsIn, mayHoldKclRun, setByEveryKclRun, type KclRun } from "../../src/engine/kcl-runs.js";

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
  it("reads each KCLRun's directory from the repository's root, as Flux reads a path, and the paths its -O specs set", () => {
    const text = `${kclRun("./app", ['app.image="ghcr.io/acme/app:1.2.3"', "app.replicas=2", "app.args-"], ["image=ghcr.io/acme/app:1.2.3"])}---\n${kclRun(undefined, [])}`;
    expect(kclRunsIn(text, "")).toEqual([
      // A -D argument sets no field by path, nor does a delete.
      { directory: "app", paths: ["app.image", "app.replicas"] },
      { directory: "", paths: [] },
    ]);
  });

  it("reads the directory in a tree below the repository's root, and none for one beside it", () => {
    expect(kclRunsIn(kclRun("./clusters/app", []), "clusters")).toEqual([{ directory: "app", paths: [] }]);
    expect(kclRunsIn(kclRun("./apps/app", []), "clusters")).toEqual([{ directory: undefined, paths: [] }]);
  });

  it("reads nothing of another kind, nor of a text that is not YAML", () => {
    expect(kclRunsIn("apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nspec: {path: ./app}\n", "")).toEqual([]);
    expect(kclRunsIn("kind: KCLRun\nspec: {path: [./app\n", "")).toEqual([]);
    expect([mayHoldKclRun(kclRun("./app", [])), mayHoldKclRun("kind: KCLRun\n")]).toEqual([true, false]);
  });
});

describe("setByEveryKclRun", () => {
  const run = (directory: string, ...paths: string[]): KclRun => ({ directory, paths });

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
