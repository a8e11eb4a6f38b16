import { describe, expect, it } from "vitest";
import { configOf } from "../../src/engine/config-file.js";
import { RequestError, type RequestIssue, type UpdateRequest } from "../../src/engine/request.js";
import { memorySource } from "../../src/engine/source.js";

/** The configuration a request reads in a tree of `files` (path -> text or raw bytes), as a run reads it. */
function configIn(files: Record<string, string | Uint8Array>, request: Pick<UpdateRequest, "config"> = {}) {
  const tree = new Map(Object.entries(files));
  return configOf(memorySource(tree), new Set(tree.keys()), request, false);
}

async function refusal(reading: Promise<unknown>): Promise<readonly RequestIssue[]> {
  try {
    await reading;
  } catch (error) {
    if (error instanceof RequestError) return error.issues;
    throw error;
  }
  throw new Error("expected a RequestError");
}

const TARGETS = "targets:\n  - name: staging\n    paths: [staging/**]\n    images: [{ repository: ghcr.io/acme/app }]\n";

describe("configOf: the configuration file a request reads", () => {
  it("refuses a bad configuration with its file and line", async () => {
    const issues = await refusal(configIn({ ".github/gitops-promote.yaml": "targets:\n  - name: x\n    paths: 3\n" }));
    expect(issues.every((issue) => issue.file === ".github/gitops-promote.yaml" && issue.line !== undefined)).toBe(true);
    expect(issues.some((issue) => issue.line === 3 && issue.message.startsWith("targets[0].paths"))).toBe(true);
  });

  it("refuses a configuration that is not UTF-8, naming the file, as the configuration in error", async () => {
    const config = Buffer.from("targets: [] # caf\xe9\n", "latin1");
    expect(await refusal(configIn({ ".github/gitops-promote.yaml": config }))).toEqual([
      { field: "config", file: ".github/gitops-promote.yaml", message: "not UTF-8 text, so none of it can be read; save the configuration as UTF-8" },
    ]);
  });

  it("reads the configuration as .github/gitops-promote.yml too, as GitHub users name their files", async () => {
    const { config, configPath } = await configIn({ ".github/gitops-promote.yml": TARGETS });
    expect([configPath, config?.targets.map((target) => target.name)]).toEqual([".github/gitops-promote.yml", ["staging"]]);
  });

  it("refuses both default names at once rather than pick one, and reads the one --config names", async () => {
    const both = { ".github/gitops-promote.yaml": TARGETS, ".github/gitops-promote.yml": "targets: []\n" };
    expect(await refusal(configIn(both))).toEqual([
      { field: "config", message: "config: .github/gitops-promote.yaml and .github/gitops-promote.yml both exist, and only one is read; remove one" },
    ]);
    const named = await configIn(both, { config: ".github/gitops-promote.yml" });
    expect(named.config?.targets).toEqual([]);
  });
});
