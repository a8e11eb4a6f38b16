/** A JSON6902 op's `path` pointer, read and written; an op list kustomize refuses to read. */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pointerOf, pointerPath, refusedOpList } from "../../src/yaml/json-patch.js";
import { hasKubectl, kustomize } from "../support/kubectl.js";
import { tempDir } from "../support/temp.js";

describe("pointerOf", () => {
  it("writes a path as the pointer pointerPath reads it from, escaping ~ and / in a key (RFC 6901)", () => {
    const pointer = "/spec/values/a~1b~0c/containers/0/-";
    expect(pointerPath(pointer)).toEqual(["spec", "values", "a/b~c", "containers", 0, -1]);
    expect(pointerOf(pointerPath(pointer))).toBe(pointer);
    expect(pointerOf([])).toBe("");
  });
});

describe("refusedOpList", () => {
  const YAML_FLOW = "[{op: replace, path: /spec/values/image/tag, value: 6.1.0}]";
  const JSON_OPS = '[{"op": "replace", "path": "/spec/values/image/tag", "value": "6.1.0"}]';
  /** Each spelling, and whether kustomize refuses it inline (its text trimmed) and as a patch file (as read). */
  const SPELLINGS: [string, boolean, boolean][] = [
    [YAML_FLOW, true, true],
    [`  ${YAML_FLOW}`, true, false],
    [`\n${YAML_FLOW}`, true, false],
    // An unquoted version is no JSON either.
    [JSON_OPS.replace('"6.1.0"', "6.1.0"), true, true],
    [JSON_OPS, false, false],
    [`- {op: replace, path: /spec/values/image/tag, value: 6.1.0}`, false, false],
    ["- op: replace\n  path: /spec/values/image/tag\n  value: 6.1.0\n", false, false],
    [`# pinned\n${YAML_FLOW}`, false, false],
  ];

  it("refuses text starting with [ that is no JSON, which kustomize decodes as JSON alone: YAML's flow spelling, an unquoted version", () => {
    expect(SPELLINGS.map(([text]) => [refusedOpList(text, true), refusedOpList(text, false)])).toEqual(SPELLINGS.map(([, inline, file]) => [inline, file]));
  });

  it.skipIf(!hasKubectl)("refuses what kubectl kustomize refuses, inline and in a patch file, and nothing else (skipped: kubectl not installed)", async () => {
    const dir = await tempDir("gp-refused-ops-");
    await mkdir(join(dir, "base"));
    await mkdir(join(dir, "overlay"));
    await writeFile(join(dir, "base/kustomization.yaml"), "resources:\n  - release.yaml\n");
    await writeFile(
      join(dir, "base/release.yaml"),
      "apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: podinfo\nspec:\n  values:\n    image:\n      repository: ghcr.io/stefanprodan/podinfo\n      tag: 6.0.0\n",
    );
    /** Whether kubectl kustomize fails the overlay whose patch is `patch` (inline, or `path:` to a file). */
    const fails = async (patch: string, inline: boolean) => {
      if (!inline) await writeFile(join(dir, "overlay/ops.yaml"), patch);
      const field = inline ? `patch: ${JSON.stringify(patch)}` : "path: ops.yaml";
      await writeFile(join(dir, "overlay/kustomization.yaml"), `resources:\n  - ../base\npatches:\n  - target: {kind: HelmRelease}\n    ${field}\n`);
      try {
        kustomize(join(dir, "overlay"));
        return false;
      } catch {
        return true;
      }
    };
    const seen: [boolean, boolean][] = [];
    for (const [text] of SPELLINGS) seen.push([await fails(text, true), await fails(text, false)]);
    expect(seen).toEqual(SPELLINGS.map(([text]) => [refusedOpList(text, true), refusedOpList(text, false)]));
  });
});
