/** The edit plan the YAML editors share: splices in one pass, changes and warnings on the lines of the edited text. */
import { describe, expect, it } from "vitest";
import { YamlFile } from "../../src/yaml/file.js";
import { isFlowScalar, nodeAt } from "../../src/yaml/node.js";
import { EditPlan } from "../../src/yaml/plan.js";

describe("EditPlan.result", () => {
  it("puts a warning at a value a splice shortens on that value's line, and one below on its own line", () => {
    const text = `a: 1\nlong: ${"x".repeat(80)}\nb: 2\n`;
    const file = new YamlFile(text);
    const root = file.documents[0]!.root;
    const long = nodeAt(root, ["long"]);
    const b = nodeAt(root, ["b"]);
    if (!isFlowScalar(long) || !isFlowScalar(b)) throw new Error("expected scalars");
    const plan = new EditPlan(file);
    plan.setScalar(long, "z", false, { kind: "image", key: "long", document: file.documents[0]! });
    plan.warn(long.start, "long was shortened");
    plan.warn(b.start, "b is below it");
    const result = plan.result();
    expect(result.text).toBe("a: 1\nlong: z\nb: 2\n");
    expect(result.warnings).toEqual([
      { line: 2, message: "long was shortened" },
      { line: 3, message: "b is below it" },
    ]);
  });
});
