import { readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { tempDir } from "./support/temp.js";

/** The library exactly as a consumer imports it: the bundled dist/lib/index.js. */
const lib = (await import(join(import.meta.dirname, "..", "dist", "lib", "index.js"))) as typeof import("../src/index.js");

describe("the gitops-promote library", () => {
  it("edits text purely", () => {
    const text = "spec:\n  image: ghcr.io/acme/app:1.0.0 # pinned\n";
    const result = lib.editYaml(text, { images: [{ image: lib.parseImageRef("ghcr.io/acme/app:1.1.0") }], setters: new Map() });
    expect(result.text).toBe("spec:\n  image: ghcr.io/acme/app:1.1.0 # pinned\n");
    expect(result.changes).toMatchObject([{ line: 2, kind: "image", key: "spec.image", old: "ghcr.io/acme/app:1.0.0", new: "ghcr.io/acme/app:1.1.0" }]);
  });

  it("plans over a directory without writing, then writes the plan", async () => {
    const dir = await tempDir("gp-lib-");
    await writeFile(join(dir, "main.k"), 'config = {\n    image = "ghcr.io/acme/app:1.0.0"\n}\n');
    const plan = await lib.planUpdate(lib.directorySource(dir), { images: ["ghcr.io/acme/app:1.1.0"], setters: [], sets: [], paths: [] });
    expect(plan.files.map((f) => f.path)).toEqual(["main.k"]);
    expect(await readFile(join(dir, "main.k"), "utf8")).toContain("1.0.0");
    await lib.writePlan(dir, plan);
    expect(await readFile(join(dir, "main.k"), "utf8")).toBe('config = {\n    image = "ghcr.io/acme/app:1.1.0"\n}\n');
  });

  it("refuses bad input with every issue named", async () => {
    const plan = lib.planUpdate(lib.directorySource(tmpdir()), { images: ["a b", "ok:1"], setters: ["no-equals"], sets: [], paths: [] });
    await expect(plan).rejects.toThrow(lib.RequestError);
    await expect(plan).rejects.toThrow(/image\[0\]: invalid image reference "a b"[\s\S]*setter\[0\]/);
    await expect(plan).rejects.toMatchObject({
      issues: [{ message: expect.stringMatching(/^image\[0\]: /) }, { message: expect.stringMatching(/^setter\[0\]: /) }],
    });
  });

  it("plans over files in memory, applies one --set to a text, and tells a wrong request from a tree that lacks a field", async () => {
    const source = lib.memorySource(new Map([["apps/./deploy.yaml", "image: nginx:1.25\n"]]));
    const plan = await lib.planUpdate(source, { images: ["nginx:1.27"] });
    expect(plan.changes).toMatchObject([{ file: "apps/deploy.yaml", kind: "image", new: "nginx:1.27" }]);
    expect(lib.applySet("values.yaml", "replicas: 2\n", "replicas=3").text).toBe("replicas: 3\n");
    await expect(lib.planUpdate(source, { images: ["Foo:1"] })).rejects.toMatchObject({
      issues: [{ field: "image" }, { field: "image", message: expect.stringMatching(/^image\[0\]: an image name is written in lower case/) }],
    });
    await expect(lib.planUpdate(source, { images: [], sets: ["apps/deploy.yaml:spec.x=1"] })).rejects.toMatchObject({
      issues: [{ file: "apps/deploy.yaml", message: expect.stringContaining("spec.x") }],
    });
    await expect(lib.planUpdate(source, { images: [] })).rejects.toThrow("nothing to update: give an image, a setter or a set");
    // A request of sets alone leaves images out.
    expect((await lib.planUpdate(lib.memorySource(new Map([["values.yaml", "replicas: 2\n"]])), { sets: ["values.yaml:replicas=3"] })).changes).toMatchObject([
      { file: "values.yaml", new: "3" },
    ]);
  });

  it("exports the class writePlan throws for files changed since the plan was made, naming them", async () => {
    const dir = await tempDir("gp-lib-");
    await writeFile(join(dir, "a.yaml"), "image: nginx:1.25\n");
    const plan = await lib.planUpdate(lib.directorySource(dir), { images: ["nginx:1.27"] });
    await writeFile(join(dir, "a.yaml"), "image: nginx:1.26\n");
    const refusal = await lib.writePlan(dir, plan).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(lib.StalePlanError);
    expect(refusal).toMatchObject({ paths: ["a.yaml"] });
    expect(await readFile(join(dir, "a.yaml"), "utf8")).toBe("image: nginx:1.26\n");
  });

  it("exports the class commitMessage throws for a template in error", () => {
    const input = { changes: [], images: [], automation: { namespace: "acme", name: "app" } };
    expect(() => lib.commitMessage("{{ frobnicate .Values }}", input)).toThrow(lib.TemplateError);
    expect(() => lib.commitMessage("ok\n{{ .Nope ", input)).toThrow(expect.objectContaining({ line: 2 }));
  });

  it("exports every named type its public signatures reach, so a caller can name what it passes and gets", () => {
    const entry = join(import.meta.dirname, "..", "dist", "types", "index.d.ts");
    const program = ts.createProgram([entry], { strict: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext });
    const checker = program.getTypeChecker();
    const real = (symbol: ts.Symbol) => (symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol);
    const exported = new Set(checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(entry)!)!).map(real));
    const missing = new Set<string>();
    const seen = new Set<ts.Symbol>();
    const hidden = (node: ts.Node) =>
      ts.canHaveModifiers(node) && (ts.getCombinedModifierFlags(node as ts.Declaration) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) !== 0;
    const visit = (node: ts.Node): void => {
      if (hidden(node)) return;
      if (ts.isTypeReferenceNode(node) || ts.isExpressionWithTypeArguments(node)) {
        const at = checker.getSymbolAtLocation(ts.isTypeReferenceNode(node) ? node.typeName : node.expression);
        const symbol = at && real(at);
        const declaration = symbol?.declarations?.[0];
        if (symbol && declaration?.getSourceFile().fileName.includes("/dist/types/") && !(symbol.flags & ts.SymbolFlags.TypeParameter)) {
          if (!exported.has(symbol)) missing.add(symbol.name);
          walk(symbol);
        }
      }
      ts.forEachChild(node, visit);
    };
    const walk = (symbol: ts.Symbol): void => {
      if (seen.has(symbol)) return;
      seen.add(symbol);
      for (const declaration of symbol.declarations ?? []) visit(declaration);
    };
    exported.forEach(walk);
    expect([...missing]).toEqual([]);
    expect(seen.size).toBeGreaterThan(50);
  });
});
