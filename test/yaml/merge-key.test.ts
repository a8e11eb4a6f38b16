/** A mapping's fields read through its merge key (`<<`), and a version written where its fields are written. */
import { describe, expect, it } from "vitest";
import { YamlFile } from "../../src/yaml/file.js";
import { fieldsOf, mergedValue, writeVersion, type FieldWrite } from "../../src/yaml/merge-key.js";
import { mapValue, type FlowScalar, type MapNode } from "../../src/yaml/node.js";
import { EditPlan } from "../../src/yaml/plan.js";

const BASE = `base: &base
  tag: 1.0.0
mid: &mid
  <<: *base
  registry: ghcr.io
app:
  <<: *mid
  repository: acme/app
`;

const mapAt = (file: YamlFile, key: string) => mapValue(file.documents[0]!.root as MapNode, key) as MapNode;

describe("mergedValue", () => {
  it("reads a key through a chain of merges, where it is written", () => {
    const file = new YamlFile(BASE);
    const tag = mergedValue(file, file.documents[0]!.root, mapAt(file, "app"), ["app"], "tag");
    expect(tag?.path).toEqual(["base", "tag"]);
    expect(mergedValue(file, file.documents[0]!.root, mapAt(file, "app"), ["app"], "digest")).toBeUndefined();
  });
});

describe("fieldsOf", () => {
  it("reads a mapping's own field at its own path, and a merged one where it is written, marked merged", () => {
    const file = new YamlFile(BASE);
    const field = fieldsOf(file, file.documents[0]!.root, mapAt(file, "app"), ["app"], false);
    expect(field("repository")).toMatchObject({ path: ["app", "repository"], inFlow: false });
    expect(field("repository")?.merged).toBeUndefined();
    expect(field("registry")).toMatchObject({ path: ["mid", "registry"], merged: true });
    expect(field("tag")).toMatchObject({ path: ["base", "tag"], merged: true });
  });
});

describe("writeVersion", () => {
  const write = (text: string, value: string) => {
    const file = new YamlFile(text);
    const plan = new EditPlan(file);
    const field = fieldsOf(file, file.documents[0]!.root, mapAt(file, "app"), ["app"], false)("tag")!;
    const writes: FieldWrite[] = [{ field, node: field.node as FlowScalar, value }];
    let said = 0;
    const written = writeVersion(
      plan,
      { at: mapAt(file, "app").start, mapping: ["app"], name: "ghcr.io/acme/app", next: { tag: value } },
      writes,
      () => said++,
      () => ({
        kind: "helm",
        key: "app.tag",
        document: file.documents[0]!,
      }),
    );
    return { written, said, result: plan.result() };
  };

  it("writes the fields the mapping writes itself, after saying what the decision told", () => {
    const { written, said, result } = write("app:\n  repository: acme/app\n  tag: 1.0.0\n", "1.1.0");
    expect([written, said]).toEqual([true, 1]);
    expect(result.text).toBe("app:\n  repository: acme/app\n  tag: 1.1.0\n");
  });

  it("leaves the pair whole, saying nothing of the decision, when a merged field would have to move for it alone", () => {
    const { written, said, result } = write(BASE, "1.1.0");
    expect([written, said]).toEqual([false, 0]);
    expect(result.text).toBe(BASE);
    expect(result.warnings.map((w) => w.message)).toEqual([
      "app is not moved to ghcr.io/acme/app:1.1.0: its tag is merged (<<) from base.tag (line 2), which every mapping merging it shares; add tag: to app to set it for this one alone, or set base.tag for all of them",
    ]);
  });

  it("leaves the pair whole when the tag of a field of its own cannot hold the value", () => {
    const text = "app:\n  repository: acme/app\n  tag: !!float 1.0\n";
    const { written, result } = write(text, "1.1.0-rc.1");
    expect(written).toBe(false);
    expect(result.text).toBe(text);
    expect(result.warnings).toHaveLength(1);
  });
});
