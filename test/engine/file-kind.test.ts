import { describe, expect, it } from "vitest";
import { checkParses, fileKind } from "../../src/engine/file-kind.js";

describe("fileKind", () => {
  it("reads what Flux reads, plus KCL", () => {
    expect(["a.yaml", "b/c.yml", "d/Kustomization", "main.k"].map(fileKind)).toEqual(["yaml", "yaml", "yaml", "kcl"]);
    expect(["a.json", "kustomization", "Kustomization.txt", "x.k.bak", "README.md"].map(fileKind)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe("checkParses, the safety net behind every edit", () => {
  it("accepts what parses", () => {
    expect(() => checkParses("yaml", "a.yaml", "a: 1\n---\nb: [1, 2]\n")).not.toThrow();
    expect(() => checkParses("kcl", "main.k", 'config = {image = "nginx:1.25"}\n')).not.toThrow();
  });

  it("refuses an edit that broke the file, naming it", () => {
    expect(() => checkParses("yaml", "a.yaml", 'a: "1\n')).toThrow(/the edit of a\.yaml would not parse/);
    expect(() => checkParses("kcl", "main.k", 'config = {image = "nginx:1.25}\n')).toThrow(/the edit of main\.k would not parse/);
  });
});
