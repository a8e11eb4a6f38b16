/**
 * Flux image-automation-controller's own setter fixtures, read in place: the edited files
 * must equal Flux's expected files byte for byte, the others must come back untouched.
 */
import { existsSync, lstatSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseImageRef } from "../../src/image/reference.js";
import type { ImageUpdate } from "../../src/image/update.js";
import { editYaml } from "../../src/yaml/editor.js";

const SETTERS_DIR = "../shared/conformance/flux-setters";
const UPDATE_PATH_DIR = "../shared/conformance/flux-update-path";
const DIGEST = "sha256:6745aaad46d795c9836632e1fb62f24b7e7f4c843144da8e47a5465c411a14be";

const setters = (entries: Record<string, string>): ReadonlyMap<string, ImageUpdate> =>
  new Map(Object.entries(entries).map(([key, ref]) => [key, { image: parseImageRef(ref) }]));

const fluxSetters = setters({
  "automation-ns:policy": "index.repo.fake/updated:v1.0.1",
  "automation-ns:unchanged": "image:v1.0.0",
  "automation-ns:policy-with-digest": `image:v1.0.0@${DIGEST}`,
});

/** Regular files only: `test.yaml` stands for Flux's dangling symlink, which a reader skips before parsing. */
const originals = readdirSync(join(SETTERS_DIR, "original")).filter((name) => name !== "test.yaml" && lstatSync(join(SETTERS_DIR, "original", name)).isFile());

describe("Flux setters fixtures (internal/update/testdata/setters)", () => {
  it("has the five fixture files", () => {
    expect(originals.sort()).toEqual(["Kustomization", "kustomization.yml", "marked.yaml", "otherns.yaml", "unmarked.yaml"]);
  });

  it.each(originals)("%s matches Flux's expected output", (name) => {
    const original = readFileSync(join(SETTERS_DIR, "original", name), "utf8");
    const expectedPath = join(SETTERS_DIR, "expected", name);
    const result = editYaml(original, { images: [], setters: fluxSetters });
    if (existsSync(expectedPath)) {
      expect(result.text).toBe(readFileSync(expectedPath, "utf8"));
    } else {
      expect(result.text).toBe(original);
      expect(result.changes).toEqual([]);
    }
  });

  it("records kustomization.yml's changes in document order, as update_test.go expects, with no word: every marker fits its field", () => {
    const original = readFileSync(join(SETTERS_DIR, "original", "kustomization.yml"), "utf8");
    const { changes, warnings } = editYaml(original, { images: [], setters: fluxSetters });
    // newDigest's test value, sha256:1234567890abcdef, is a digest too short to be one, not the image "sha256" tagged 1234567890abcdef.
    expect(warnings).toEqual([]);
    const object = { apiVersion: "kustomize.config.k8s.io/v1beta1", kind: "Kustomization" };
    expect(changes.map(({ old, new: value, key, object }) => ({ old, new: value, key, object }))).toEqual([
      { old: "replaced", new: "index.repo.fake/updated", key: "automation-ns:policy:name", object },
      { old: "v1", new: "v1.0.1", key: "automation-ns:policy:tag", object },
      { old: "sha256:1234567890abcdef", new: DIGEST, key: "automation-ns:policy-with-digest:digest", object },
      { old: "image", new: `image:v1.0.0@${DIGEST}`, key: "automation-ns:policy-with-digest", object },
    ]);
    expect(changes.map((change) => [change.line, change.kind])).toEqual([
      [8, "setter"],
      [9, "setter"],
      [10, "setter"],
      [28, "setter"],
    ]);
  });

  it("records Kustomization's two changes", () => {
    const original = readFileSync(join(SETTERS_DIR, "original", "Kustomization"), "utf8");
    const { changes } = editYaml(original, { images: [], setters: fluxSetters });
    expect(changes.map(({ old, new: value, key }) => [old, value, key])).toEqual([
      ["replaced", "index.repo.fake/updated", "automation-ns:policy:name"],
      ["v1", "v1.0.1", "automation-ns:policy:tag"],
    ]);
  });

  it("records marked.yaml's one change with its CronJob, not the unchanged container", () => {
    const original = readFileSync(join(SETTERS_DIR, "original", "marked.yaml"), "utf8");
    const { changes, warnings } = editYaml(original, { images: [], setters: fluxSetters });
    expect(changes).toEqual([
      {
        line: 14,
        kind: "setter",
        key: "automation-ns:policy",
        old: "image:v1.0.0",
        new: "index.repo.fake/updated:v1.0.1",
        object: { apiVersion: "batch/v1beta1", kind: "CronJob", namespace: "bar", name: "foo" },
      },
    ]);
    expect(warnings).toEqual([]);
  });

  it("warns about otherns.yaml's marker of an unknown setter (Flux skips it silently)", () => {
    const original = readFileSync(join(SETTERS_DIR, "original", "otherns.yaml"), "utf8");
    const { warnings } = editYaml(original, { images: [], setters: fluxSetters });
    expect(warnings).toEqual([{ line: 11, message: expect.stringContaining('"other-namespace:policy"') }]);
  });
});

describe("Flux update-path fixtures (internal/policy/testdata)", () => {
  const policy1 = setters({ "test-ns:policy1": "helloworld:1.0.1" });
  const withMarker = (path: string) => readFileSync(join(UPDATE_PATH_DIR, path), "utf8").replace("SETTER_SITE", '{"$imagepolicy": "test-ns:policy1"}');

  it.each([
    ["appconfig/deploy.yaml", "appconfig-setters-expected/deploy.yaml"],
    ["pathconfig/yes/deploy.yaml", "pathconfig-expected/yes/deploy.yaml"],
  ])("%s becomes %s", (input, expected) => {
    const result = editYaml(withMarker(input), { images: [], setters: policy1 });
    expect(result.text).toBe(withMarker(expected));
    expect(result.changes.map(({ old, new: value, key }) => [old, value, key])).toEqual([["helloworld:1.0.0", "helloworld:1.0.1", "test-ns:policy1"]]);
  });

  it("leaves pathconfig/no as its expected copy (outside the update path, same content)", () => {
    expect(withMarker("pathconfig/no/deploy.yaml")).toBe(withMarker("pathconfig-expected/no/deploy.yaml"));
  });
});
