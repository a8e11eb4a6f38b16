import { describe, expect, it } from "vitest";
import { misplacedConfigsIn, warnMisplacedConfigs, type ReadConfig } from "../../src/engine/misplaced-config.js";
import { RequestError, type RequestIssue } from "../../src/engine/request.js";
import type { TreeSource } from "../../src/engine/source.js";
import type { FieldNamer } from "../../src/field-name.js";
import { actionFieldName, cliFieldName } from "../support/faces.js";

function tree(files: Record<string, string>): TreeSource {
  return {
    async *list() {
      yield* Object.keys(files).sort();
    },
    read: async (path) => Buffer.from(files[path] ?? ""),
  };
}

const CONFIG = "targets:\n  - name: prod\n    paths: [prod/**]\n    images: [{ repository: ghcr.io/acme/app, policy: { semver: { range: ^1.0.0 } } }]\n";
/** No configuration read: the default name is absent. */
const NONE_READ: ReadConfig = { path: ".github/gitops-promote.yaml", present: false, byDefault: true };

async function misplaced(files: Record<string, string>, read: ReadConfig = NONE_READ): Promise<Set<string>> {
  return misplacedConfigsIn(tree(files), Object.keys(files), read);
}

/** What warnMisplacedConfigs refuses, if anything; `name`, the request's face. */
function refusal(found: ReadonlySet<string>, read: ReadConfig, name?: FieldNamer): readonly RequestIssue[] | undefined {
  try {
    warnMisplacedConfigs(found, read, name);
    return undefined;
  } catch (error) {
    if (error instanceof RequestError) return error.issues;
    throw error;
  }
}

describe("misplacedConfigsIn", () => {
  it("finds a configuration at the root and one in a .github/ below it, not the one read", async () => {
    const files = { "gitops-promote.yml": CONFIG, "examples/targets/.github/gitops-promote.yaml": CONFIG, ".github/gitops-promote.yaml": CONFIG };
    expect(await misplaced(files, { path: ".github/gitops-promote.yaml", present: true, byDefault: true })).toEqual(
      new Set(["examples/targets/.github/gitops-promote.yaml", "gitops-promote.yml"]),
    );
  });

  it("takes a file so named that reads as a manifest for one", async () => {
    expect(await misplaced({ "gitops-promote.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: gitops-promote\n" })).toEqual(new Set());
  });
});

describe("warnMisplacedConfigs: a configuration meant for this tree, not read", () => {
  it("stops a run that reads no configuration while one sits at the root: its targets would keep a release candidate out of production", () => {
    expect(refusal(new Set(["gitops-promote.yaml"]), NONE_READ)).toEqual([
      {
        file: "gitops-promote.yaml",
        field: "request",
        message:
          "not read: a configuration is read only from .github/gitops-promote.yaml (or .yml) at the root, so its targets, their policies and its overrides would not apply, and this run would edit every file alike; " +
          "move it to .github/gitops-promote.yaml, or read it where it is with --config gitops-promote.yaml (config: gitops-promote.yaml in the Action), or run without a configuration with --config none (config: none)",
      },
    ]);
  });

  it("tells the CLI its flag and the Action its input, each alone", () => {
    const advice = (name: FieldNamer) => refusal(new Set(["gitops-promote.yaml"]), NONE_READ, name)?.[0]?.message.split("; ")[1];
    expect(advice(cliFieldName)).toBe(
      "move it to .github/gitops-promote.yaml, or read it where it is with --config gitops-promote.yaml, or run without a configuration with --config none",
    );
    expect(advice(actionFieldName)).toBe(
      "move it to .github/gitops-promote.yaml, or read it where it is with config: gitops-promote.yaml, or run without a configuration with config: none",
    );
  });

  it("lets the run be when it reads a configuration, names one, or asks for none: what it reads is what it was told", () => {
    const found = new Set(["gitops-promote.yaml"]);
    expect(refusal(found, { path: ".github/gitops-promote.yml", present: true, byDefault: true })).toBeUndefined();
    expect(refusal(found, { path: "deploy/gitops.yaml", present: true, byDefault: false })).toBeUndefined();
    expect(refusal(found, { path: undefined, present: true, byDefault: false, none: true })).toBeUndefined();
  });

  it("lets a configuration below the root be, a tree holding other trees (examples/): it is only warned about", () => {
    expect(refusal(new Set(["examples/targets/.github/gitops-promote.yaml"]), NONE_READ)).toBeUndefined();
  });
});

describe("warnMisplacedConfigs: the others", () => {
  const message = (path: string, read: ReadConfig) => warnMisplacedConfigs(new Set([path]), read)[0]?.message;

  it("names the tree a configuration below the root configures", () => {
    expect(message("examples/targets/.github/gitops-promote.yaml", NONE_READ)).toBe(
      "not read, as a configuration or a manifest: a configuration is read only from .github/gitops-promote.yaml (or .yml) at the root, so its targets, their policies and its overrides do not apply to this run; to apply them, run gitops-promote update on examples/targets, the tree it configures",
    );
  });

  it("names the configuration read, or that the run reads none as asked", () => {
    expect(message("gitops-promote.yml", { path: ".github/gitops-promote.yaml", present: true, byDefault: true })).toBe(
      "not read, as a configuration or a manifest: the configuration read is .github/gitops-promote.yaml, so its targets, their policies and its overrides do not apply to this run; to apply them, move them into that configuration",
    );
    expect(message("gitops-promote.yml", { path: undefined, present: true, byDefault: false, none: true })).toBe(
      "not read, as a configuration or a manifest: the run reads no configuration (config none), so its targets, their policies and its overrides do not apply to this run; to apply them, name it as the configuration instead of none",
    );
  });

  it("names the run's no configuration as its face asked for it", () => {
    const none: ReadConfig = { path: undefined, present: true, byDefault: false, none: true };
    const asked = (name: FieldNamer) => /\((.*?)\), so/.exec(warnMisplacedConfigs(new Set(["gitops-promote.yml"]), none, name)[0]!.message)?.[1];
    expect([asked(cliFieldName), asked(actionFieldName)]).toEqual(["--config none", "config: none"]);
  });
});
