/** A file that overflows a parser's stack, whatever limit it slipped past, is that file's warning: the rest of the tree is planned. */
import { describe, expect, it, vi } from "vitest";

vi.mock("../../src/kcl/editor.js", async (original) => ({
  ...(await original<typeof import("../../src/kcl/editor.js")>()),
  editCheckedKcl: () => {
    throw new RangeError("Maximum call stack size exceeded");
  },
}));

const { planUpdate } = await import("../../src/engine/plan.js");

describe("planning a tree with a file too deep for its parser", () => {
  it("names the file in a warning and edits the others", async () => {
    const files: Record<string, string> = { "deep.k": 'a = "nginx:1.0"\n', "ok.yaml": "image: nginx:1.0\n" };
    const source = {
      async *list() {
        yield* Object.keys(files).sort();
      },
      read: async (path: string) => Buffer.from(files[path]!),
    };
    const plan = await planUpdate(source, { images: ["nginx:1.2"], setters: [], sets: [], paths: [] });
    expect(plan.files.map((f) => f.path)).toEqual(["ok.yaml"]);
    expect(plan.warnings).toEqual([{ file: "deep.k", message: "not edited: nested too deep to read (Maximum call stack size exceeded)" }]);
  });
});
