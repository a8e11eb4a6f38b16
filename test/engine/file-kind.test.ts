import { describe, expect, it } from "vitest";
import { checkParses, fileKind, kclModNotSet, readsMarkers } from "../../src/engine/file-kind.js";
import { actionFieldName, cliFieldName } from "../support/faces.js";

describe("fileKind", () => {
  it("reads what Flux reads, plus KCL: .k files and a package's kcl.mod", () => {
    expect(["a.yaml", "b/c.yml", "d/Kustomization", "main.k", "kcl.mod", "apps/web/kcl.mod"].map(fileKind)).toEqual([
      "yaml",
      "yaml",
      "yaml",
      "kcl",
      "kcl-mod",
      "kcl-mod",
    ]);
    expect(["a.json", "kustomization", "Kustomization.txt", "x.k.bak", "README.md", "kcl.mod.lock", "other.mod", "kcl.yaml.mod"].map(fileKind)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it("reads Flux markers everywhere but in a kcl.mod", () => {
    expect(["a.yaml", "main.k", "a.txt", "apps/kcl.mod"].map(readsMarkers)).toEqual([true, true, true, false]);
  });
});

describe("kclModNotSet", () => {
  it("names the set as the request's face does: the Action's input, the CLI's flag, which is also the default", () => {
    expect(kclModNotSet(actionFieldName)).toMatch(/^a kcl\.mod is not a file input set or an override edits \(not supported\): /);
    expect(kclModNotSet(cliFieldName)).toMatch(/^a kcl\.mod is not a file --set or an override edits \(not supported\): /);
    expect(kclModNotSet()).toBe(kclModNotSet(cliFieldName));
  });
});

describe("checkParses, the safety net behind every edit", () => {
  const mod = '[profile]\noverrides = ["app.image=\\"nginx:1.25\\"", "b=1"]\n';

  it("accepts what parses", () => {
    expect(() => checkParses("yaml", "a.yaml", "", "a: 1\n---\nb: [1, 2]\n")).not.toThrow();
    expect(() => checkParses("kcl", "main.k", "", 'config = {image = "nginx:1.25"}\n')).not.toThrow();
    expect(() => checkParses("kcl-mod", "kcl.mod", mod, mod.replace("1.25", "1.27"))).not.toThrow();
  });

  it("refuses an edit that broke the file, naming it", () => {
    expect(() => checkParses("yaml", "a.yaml", "", 'a: "1\n')).toThrow(/the edit of a\.yaml would not parse/);
    expect(() => checkParses("kcl", "main.k", "", 'config = {image = "nginx:1.25}\n')).toThrow(/the edit of main\.k would not parse/);
  });

  it("refuses a kcl.mod whose overrides would read otherwise: a quote left unescaped ends its TOML string early", () => {
    expect(() => checkParses("kcl-mod", "apps/kcl.mod", mod, mod.replace('\\"nginx:1.25\\"', '"nginx:1.27"'))).toThrow(
      "internal error: the edit of apps/kcl.mod would not parse (its [profile] overrides would read otherwise); nothing was written",
    );
  });
});
