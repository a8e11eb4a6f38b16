import { symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { applySet, malformedSetsIn } from "../../src/engine/apply-set.js";
import { directorySource, memorySource } from "../../src/engine/source.js";
import { RequestError } from "../../src/engine/request.js";
import { actionFieldName } from "../support/faces.js";
import { tempDir } from "../support/temp.js";

describe("applySet", () => {
  it("reads a YAML spec as --set does: a quoted value is a string, an unquoted number stays one", () => {
    const values = "image:\n  tag: 1.2.4\nreplicas: 2\n";
    expect(applySet("values.yaml", values, 'image.tag="1.2.5"')).toMatchObject({
      text: "image:\n  tag: 1.2.5\nreplicas: 2\n",
      changes: [{ line: 2, kind: "override", key: "image.tag", old: "1.2.4", new: "1.2.5" }],
    });
    expect(applySet("values.yaml", values, "replicas=3").text).toBe("image:\n  tag: 1.2.4\nreplicas: 3\n");
    expect(applySet("values.yaml", values, 'replicas="3"').warnings).toEqual([
      { line: 3, message: 'replicas: 2 (not a string in YAML) becomes the string "3"; to keep its type, give the value unquoted' },
    ]);
  });

  it("reads a .k file's spec in KCL's -O grammar, and keeps a byte order mark", () => {
    const main = '\uFEFFconfig = {\n    image = "ghcr.io/acme/app:1.0.0"\n}\n';
    expect(applySet("apps/main.k", main, 'config.image="ghcr.io/acme/app:1.1.0"')).toMatchObject({
      text: main.replace("1.0.0", "1.1.0"),
      changes: [{ line: 2, key: "config.image", new: "ghcr.io/acme/app:1.1.0" }],
    });
  });

  it("refuses a spec its grammar cannot read, a kcl.mod and a file of another kind, as the request's; a missing path as the file's", () => {
    expect(() => applySet("values.yaml", "a: 1\n", "a..b=1")).toThrow(RequestError);
    expect(issues(() => applySet("values.yaml", "a: 1\n", "a..b=1"))).toMatchObject([{ field: "set", file: "values.yaml" }]);
    expect(issues(() => applySet("kcl.mod", "", "a=1"))).toMatchObject([{ field: "set" }]);
    // as a run's set: no file of another kind is edited as YAML
    expect(issues(() => applySet("x.json", '{"a": 1}\n', "a=2"))).toEqual([
      { field: "set", message: "x.json is not a .k, .yaml or .yml file, the only files a set edits" },
    ]);
    // updatecli's spelling is the spec's fault, not a key the file lacks (which --create would add)
    expect(issues(() => applySet("values.yaml", "a: 1\n", "$.a=1"))).toEqual([
      {
        field: "set",
        file: "values.yaml",
        message: `invalid path "$.a": a JSONPath root '$' at character 1; drop the leading $. (paths are a, not updatecli's $.a)`,
      },
    ]);
    expect(issues(() => applySet("values.yaml", "a: 1\n", "b=1"))).toEqual([
      { file: "values.yaml", line: 1, message: "b: the document has 'a', not 'b' (to add b, use --create, or create: true in the Action or the library)" },
    ]);
    expect(applySet("values.yaml", "a: 1\n", "b=1", { create: true }).text).toBe('a: 1\nb: "1"\n');
  });
});

describe("malformedSetsIn", () => {
  const sets = [
    { file: "values.yaml", spec: "images[name=app].newTag=1.2.3" },
    { file: "main.k", spec: "a.image=nginx:1" },
    { file: "ok.yaml", spec: "a=1" },
    // a file of no kind the tool edits is read by no grammar: parseSet refuses it by its name
    { file: "notes.txt", spec: "no spec" },
  ];

  it("names each spec its file's grammar cannot read, at its file, as the request's, in the words the request's face uses", async () => {
    const yq = (given: string) =>
      `invalid path "images[name=app].newTag": a yq selector at character 7; list items are selected by index (images[0]), or give ${given}, which finds the image's fields by its name`;
    const kcl = { file: "main.k", field: "set", message: expect.stringMatching(/^the value of 'a\.image=nginx:1' is not one KCL expression/) };
    const none = memorySource(new Map());
    expect(await malformedSetsIn(none, sets)).toEqual([{ file: "values.yaml", field: "set", message: yq("--image app:1.2.3") }, kcl]);
    expect(await malformedSetsIn(none, sets, actionFieldName)).toEqual([{ file: "values.yaml", field: "set", message: yq("images: app:1.2.3") }, kcl]);
  });

  it("gives the image of an entry the file renames by its newName, where the file is read: --image app would move nothing there", async () => {
    const kustomization = "resources: [deploy.yaml]\nimages:\n- name: app\n  newName: ghcr.io/acme/app\n  newTag: 1.2.3\n";
    const set = { file: "kustomization.yaml", spec: "images[name=app].newTag=1.2.4" };
    const advice = "or give --image ghcr.io/acme/app:1.2.4, which finds";
    expect(issues(() => applySet(set.file, kustomization, set.spec))).toEqual([{ file: set.file, field: "set", message: expect.stringContaining(advice) }]);
    const [issue] = await malformedSetsIn(memorySource(new Map([[set.file, kustomization]])), [set]);
    expect(issue?.message).toContain(advice);
    // A file the tree does not have gives the advice by name, as before.
    const [unread] = await malformedSetsIn(memorySource(new Map()), [set]);
    expect(unread?.message).toContain("or give --image app:1.2.4, which finds");
  });

  it("reads no file through a link for the advice, as the run edits none: one out of the tree gives the advice by name", async () => {
    const outside = await tempDir("gp-apply-set-");
    await writeFile(join(outside, "kustomization.yaml"), "images:\n- name: app\n  newName: ghcr.io/acme/app\n");
    const root = await tempDir("gp-apply-set-");
    await symlink(join(outside, "kustomization.yaml"), join(root, "kustomization.yaml"));
    const [issue] = await malformedSetsIn(directorySource(root), [{ file: "kustomization.yaml", spec: "images[name=app].newTag=1.2.4" }]);
    expect(issue?.message).toContain("or give --image app:1.2.4, which finds");
  });
});

function issues(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    if (error instanceof RequestError) return error.issues;
    throw error;
  }
  throw new Error("expected a RequestError");
}
