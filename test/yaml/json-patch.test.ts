/** A JSON6902 op's `path` pointer, read and written; an op list kustomize refuses to read. */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { YamlFile } from "../../src/yaml/file.js";
import { appliedOps, pointerOf, pointerPath, refusedOpList } from "../../src/yaml/json-patch.js";
import { scalarText } from "../../src/yaml/node.js";
import { formatPath } from "../../src/yaml/path.js";
import { kustomize, withKubectl } from "../support/kubectl.js";
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

  withKubectl("refuses what kubectl kustomize refuses, inline and in a patch file, and nothing else", async () => {
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

describe("appliedOps", () => {
  const C = "/spec/template/spec/containers";
  const applied = (ops: string) =>
    appliedOps(new YamlFile(ops).documents[0]!.root!).map((op) => [
      op.name,
      formatPath(op.path),
      op.inserts,
      op.values.map((v) => scalarText(v.node) ?? formatPath(v.path)),
    ]);

  it("counts an item an earlier op inserted (or removed) before a later op's index back to the resource's; an append at `-` shifts none", () => {
    expect(
      applied(
        `- {op: add, path: ${C}/0, value: side}\n- {op: replace, path: ${C}/1/image, value: app:1.0}\n- {op: add, path: ${C}/-, value: last}\n- {op: replace, path: ${C}/2/image, value: other:1.0}\n`,
      ),
    ).toEqual([
      ["add", "spec.template.spec.containers[0]", true, ["side"]],
      ["replace", "spec.template.spec.containers[0].image", false, ["app:1.0"]],
      ["add", "spec.template.spec.containers[-1]", true, ["last"]],
      ["replace", "spec.template.spec.containers[1].image", false, ["other:1.0"]],
    ]);
    expect(applied(`- {op: remove, path: ${C}/0}\n- {op: replace, path: ${C}/0/image, value: app:1.0}\n`)).toEqual([
      ["remove", "spec.template.spec.containers[0]", false, []],
      ["replace", "spec.template.spec.containers[1].image", false, ["app:1.0"]],
    ]);
  });

  it("reads a later op into an item an earlier one inserted as writing there, the earlier value it overwrites not rendered; one into a value written whole, likewise", () => {
    expect(applied(`- {op: add, path: ${C}/0, value: {name: side, image: app:0.5}}\n- {op: replace, path: ${C}/0/image, value: app:1.0}\n`)).toEqual([
      ["add", "spec.template.spec.containers[0]", true, ["", "side"]],
      ["replace", "spec.template.spec.containers[0].image", true, ["app:1.0"]],
    ]);
    expect(
      applied(
        `- {op: replace, path: ${C}/1, value: {name: app, image: app:0.5}}\n- {op: add, path: ${C}/0, value: side}\n- {op: replace, path: ${C}/2/image, value: app:1.0}\n`,
      ),
    ).toEqual([
      ["replace", "spec.template.spec.containers[1]", false, ["", "app"]],
      ["add", "spec.template.spec.containers[0]", true, ["side"]],
      ["replace", "spec.template.spec.containers[1].image", false, ["app:1.0"]],
    ]);
  });

  withKubectl("decides the images kubectl kustomize renders, in each of these cases", async () => {
    const dir = await tempDir("gp-applied-ops-");
    const resource = ["app:0.1", "other:0.1"];
    await writeFile(
      join(dir, "app.yaml"),
      `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: app}\nspec:\n  template:\n    spec:\n      containers:\n        - {name: app, image: ${resource[0]}}\n        - {name: other, image: ${resource[1]}}\n`,
    );
    await writeFile(join(dir, "kustomization.yaml"), "resources: [app.yaml]\npatches:\n  - path: ops.yaml\n    target: {kind: Deployment}\n");
    const rendered = async (ops: string) => {
      await writeFile(join(dir, "ops.yaml"), ops);
      return kustomize(dir)
        .match(/(?<=image: )\S+/g)!
        .sort();
    };
    /**
     * The images appliedOps says kustomize renders: each resource container's own unless an op that inserts nothing writes
     * over or removes it (its image, or the container whole), and every image value it says an op renders.
     */
    const expected = (ops: string) => {
      const kept: (string | undefined)[] = [...resource];
      const written: string[] = [];
      for (const op of appliedOps(new YamlFile(ops).documents[0]!.root!)) {
        const [index, ...rest] = op.path.slice(pointerPath(C).length);
        if (!op.inserts && typeof index === "number" && (rest.length === 0 || rest[0] === "image")) kept[index] = undefined;
        for (const value of op.values) if ([...rest, ...value.path].at(-1) === "image") written.push(scalarText(value.node)!);
      }
      return [...kept.filter((image) => image !== undefined), ...written].sort();
    };
    const CASES = [
      // An insert before the later op's index, and an append at the end, which shifts none.
      `- {op: add, path: ${C}/0, value: {name: side, image: side:1.0}}\n- {op: replace, path: ${C}/1/image, value: app:1.0}\n- {op: add, path: ${C}/-, value: {name: last, image: last:1.0}}\n- {op: replace, path: ${C}/2/image, value: other:1.0}\n`,
      `- {op: remove, path: ${C}/0}\n- {op: replace, path: ${C}/0/image, value: other:1.0}\n`,
      // A later op into an inserted item: the image it overwrites is not rendered.
      `- {op: add, path: ${C}/0, value: {name: side, image: app:0.5}}\n- {op: replace, path: ${C}/0/image, value: app:1.0}\n`,
      `- {op: replace, path: ${C}/1, value: {name: other, image: other:0.5}}\n- {op: add, path: ${C}/0, value: {name: side, image: side:1.0}}\n- {op: replace, path: ${C}/2/image, value: other:1.0}\n`,
    ];
    const seen: string[][] = [];
    for (const ops of CASES) seen.push(await rendered(ops));
    expect(seen).toEqual(CASES.map(expected));
  });
});
