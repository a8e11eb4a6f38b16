import { describe, expect, it } from "vitest";
import { unifiedDiff } from "../../src/engine/diff.js";

describe("unifiedDiff", () => {
  it("is empty for equal texts", () => {
    expect(unifiedDiff("a.yaml", "x\n", "x\n")).toBe("");
  });

  it("shows one changed line with three lines of context", () => {
    const before = ["a", "b", "c", "d", "image: app:1.0.0", "e", "f", "g", "h"].join("\n") + "\n";
    const after = before.replace("app:1.0.0", "app:1.0.1");
    expect(unifiedDiff("deploy.yaml", before, after)).toBe(
      ["--- a/deploy.yaml", "+++ b/deploy.yaml", "@@ -2,7 +2,7 @@", " b", " c", " d", "-image: app:1.0.0", "+image: app:1.0.1", " e", " f", " g", ""].join(
        "\n",
      ),
    );
  });

  it("makes separate hunks for distant changes and counts lines across an insertion", () => {
    const lines = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`);
    const after = [...lines];
    after[1] = "changed 2";
    after.splice(20, 0, "inserted");
    const patch = unifiedDiff("f", lines.join("\n") + "\n", after.join("\n") + "\n");
    const headers = patch.split("\n").filter((l) => l.startsWith("@@"));
    expect(headers).toEqual(["@@ -1,5 +1,5 @@", "@@ -18,6 +18,7 @@"]);
  });
});
