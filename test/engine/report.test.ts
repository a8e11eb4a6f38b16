import { execFileSync } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { planUpdate } from "../../src/engine/plan.js";
import { isAside } from "../../src/change.js";
import { humanReport, jsonReport } from "../../src/engine/report.js";
import { directorySource } from "../../src/engine/source.js";
import { tempDir } from "../support/temp.js";

/** The unified diffs in a human report, each hunk read as long as its header says. */
function diffsIn(report: string): string {
  const lines = report.split("\n");
  const hunkAt = (i: number) => /^@@ -\d+(?:,(\d+))? \+\d+(?:,(\d+))? @@/.exec(lines[i] ?? "");
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.startsWith("--- a/")) continue;
    out.push(lines[i]!, lines[++i]!);
    for (let hunk = hunkAt(i + 1); hunk; hunk = hunkAt(i + 1)) {
      out.push(lines[++i]!);
      let [old, added] = [Number(hunk[1] ?? 1), Number(hunk[2] ?? 1)];
      while (old > 0 || added > 0 || lines[i + 1]?.startsWith("\\")) {
        const line = lines[++i]!;
        out.push(line);
        if (line[0] !== "+" && line[0] !== "\\") old--;
        if (line[0] !== "-" && line[0] !== "\\") added--;
      }
    }
  }
  return out.join("\n") + "\n";
}

describe("humanReport", () => {
  it("prints diffs that git apply takes as they are: a CRLF last line and a missing final newline included", async () => {
    const dir = await tempDir("gp-report-");
    const files = {
      "crlf.yaml": "containers:\r\n  - name: app\r\n    image: nginx:1.25\r\n",
      "nonl.yaml": "containers:\n  - name: app\n    image: nginx:1.25",
      "spaces.yaml": "containers:\n  - name: app\n    image: nginx:1.25   \n",
    };
    for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
    const plan = await planUpdate(directorySource(dir), { images: ["nginx:1.27"], setters: [], sets: [], paths: [] });
    const patch = diffsIn(humanReport(plan, { diff: true, dryRun: true }));
    expect(patch).toContain("-    image: nginx:1.25\r\n+    image: nginx:1.27\r\n");
    execFileSync("git", ["init", "--quiet", dir]);
    execFileSync("git", ["apply", "-"], { cwd: dir, input: patch });
    for (const [name, text] of Object.entries(files)) expect(await readFile(join(dir, name), "utf8"), name).toBe(text.replace("nginx:1.25", "nginx:1.27"));
  });

  it("ends with how many files and values change, each counted in the singular for one", async () => {
    const dir = await tempDir("gp-report-");
    await writeFile(join(dir, "a.yaml"), "containers:\n  - image: nginx:1.25\n  - image: nginx:1.25\n");
    await writeFile(join(dir, "b.yaml"), "image: nginx:1.25\n");
    const request = { setters: [], sets: [], paths: [] };
    const both = await planUpdate(directorySource(dir), { ...request, images: ["nginx:1.27"] });
    expect(humanReport(both, { dryRun: true })).toMatch(/\n2 files would change, 3 values \(dry run: nothing written\)\n$/);
    const one = await planUpdate(directorySource(dir), { ...request, images: ["nginx:1.27"], paths: ["b.yaml"] });
    expect(humanReport(one)).toMatch(/\n1 file changed, 1 value\n$/);
  });

  it("shows each value on one line, and the side a delete or a created field lacks as (none)", async () => {
    const dir = await tempDir("gp-report-");
    await writeFile(join(dir, "main.k"), 'app = {\n    args = [\n        "start"\n    ]\n    image = "ghcr.io/acme/app:1.0.0"\n}\n');
    const request = { images: [], setters: [], paths: [] };
    const deleted = await planUpdate(directorySource(dir), { ...request, sets: ["main.k:app.args-"] });
    expect(humanReport(deleted)).toContain('app.args: [ "start" ] -> (none)\n');
    const created = await planUpdate(directorySource(dir), { ...request, sets: ["main.k:app.port=8080"], create: true });
    expect(humanReport(created)).toContain("app.port: (none) -> 8080\n");
  });

  it("tells an empty string from no value, and JSON says which change created or deleted its field (review kcl18 S3)", async () => {
    const dir = await tempDir("gp-report-");
    await writeFile(join(dir, "main.k"), 'config = {\n    labels = {a = "1", b = "2"}\n    image = ""\n}\n');
    const request = { images: [], setters: [], paths: [] };
    const plan = await planUpdate(directorySource(dir), {
      ...request,
      sets: ['main.k:config.labels.a=""', "main.k:config.labels.b-", 'main.k:config.image="ghcr.io/acme/app:1.0.0"', 'main.k:config.name="app"'],
      create: true,
    });
    const report = humanReport(plan);
    expect(report).toContain('config.labels.a: 1 -> ""\n');
    expect(report).toContain("config.labels.b: 2 -> (none)\n");
    expect(report).toContain('config.image: "" -> ghcr.io/acme/app:1.0.0\n');
    expect(report).toContain("config.name: (none) -> app\n");
    expect(jsonReport(plan).changes.map(({ key, old, new: value, op }) => ({ key, old, new: value, op }))).toEqual([
      { key: "config.labels.a", old: "1", new: "", op: undefined },
      { key: "config.labels.b", old: "2", new: "", op: "delete" },
      { key: "config.image", old: "", new: "ghcr.io/acme/app:1.0.0", op: undefined },
      { key: "config.name", old: "", new: "app", op: "create" },
    ]);
    // Only a created or deleted field's change has the key: a script reads `"new": ""` without it as the empty string.
    expect(JSON.stringify(jsonReport(plan).changes[0])).toBe('{"file":"main.k","line":2,"kind":"override","key":"config.labels.a","old":"1","new":""}');
  });

  const WARNED = "nothing to change: the warnings above say what was left and why; any other image field found already holds its new value\n";

  it("says why nothing changed: the fields hold the value already, or the warnings tell", async () => {
    const dir = await tempDir("gp-report-");
    await writeFile(join(dir, "app.yaml"), "containers:\n  - name: app\n    image: nginx:1.27\n");
    const request = { setters: [], sets: [], paths: [] };
    const held = await planUpdate(directorySource(dir), { ...request, images: ["nginx:1.27"] });
    expect(humanReport(held)).toBe("nothing to change: every image field found already holds its new value\n");
    const unreached = await planUpdate(directorySource(dir), { ...request, images: ["ghcr.io/acme/other:1.0.0"] });
    expect(unreached.warnings).not.toEqual([]);
    // No file holds it: no field was found to hold anything (final read 14, N4).
    expect(humanReport(unreached)).toBe("nothing to change: the warnings above say why\n");
    // One image unreached, the other held: the held one is what the rest says.
    const both = await planUpdate(directorySource(dir), { ...request, images: ["ghcr.io/acme/other:1.0.0", "nginx:1.27"] });
    expect(humanReport(both)).toBe(WARNED);
  });

  it("does not claim another field holds the value where a target's policy refused the only one", async () => {
    const dir = await tempDir("gp-report-");
    const files = {
      ".github/gitops-promote.yaml":
        "targets:\n  - name: production\n    paths: [production/**]\n    images:\n      - repository: ghcr.io/acme/app\n        policy: { semver: { range: ^1.0.0 } }\n",
      "production/deploy.yaml": "containers:\n  - name: app\n    image: ghcr.io/acme/app:1.2.0\n",
    };
    for (const [path, text] of Object.entries(files)) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), text);
    }
    const refused = await planUpdate(directorySource(dir), { images: ["ghcr.io/acme/app:2.0.0"], setters: [], sets: [], paths: [] });
    expect(refused.warnings.map((w) => w.kind)).toEqual(["policy-refusal"]);
    expect(humanReport(refused)).toBe(WARNED);
    expect(humanReport(refused)).not.toMatch(/every other/);
  });

  it("does not say that the fields hold the value when only a setter or an ImagePolicy names the image (trial 16 M2)", async () => {
    const dir = await tempDir("gp-report-");
    await mkdir(join(dir, ".github"));
    await writeFile(join(dir, ".github/gitops-promote.yaml"), 'setters:\n  "flux-system:sidecar": {image: ghcr.io/acme/sidecar}\n');
    await writeFile(join(dir, "app.yaml"), "containers:\n  - name: app\n    image: nginx:1.27\n");
    const plan = await planUpdate(directorySource(dir), { images: ["ghcr.io/acme/sidecar:0.2.0"], setters: [], sets: [], paths: [] });
    expect(humanReport(plan)).toBe("nothing to change: the warnings above say why\n");
  });

  it("does not say that the fields hold the value when no marker uses a --setter's key, as with one written above image: (markcount17)", async () => {
    const dir = await tempDir("gp-report-");
    await writeFile(join(dir, "app.yaml"), 'containers:\n  - name: app\n    # {"$imagepolicy": "flux-system:app"}\n    image: ghcr.io/acme/app:1.0.0\n');
    const plan = await planUpdate(directorySource(dir), { images: [], setters: ["flux-system:app=ghcr.io/acme/app:1.2.0"], sets: [], paths: [] });
    expect(plan.warnings.map((w) => [w.line, w.message.split(",")[0], w.kind])).toEqual([
      [
        undefined,
        "no file to update has a marker for setter flux-system:app where it is read: app.yaml:4 has one that marks nothing there (see the warning at it)",
        "unreached",
      ],
      [4, 'Flux setter "flux-system:app" is written above image:', undefined],
    ]);
    // app.yaml still holds 1.0.0: no field was found to hold the new value.
    expect(humanReport(plan)).toBe("nothing to change: the warnings above say why\n");
  });

  it("still says that the fields hold the value when a warning explains another file (a re-run beside a base in no target)", async () => {
    const dir = await tempDir("gp-report-");
    const files = {
      ".github/gitops-promote.yaml": "targets:\n  - name: staging\n    paths: [apps/staging/**]\n    images:\n      - repository: ghcr.io/acme/app\n",
      "apps/base/deploy.yaml": "containers:\n  - name: app\n    image: ghcr.io/acme/app:1.0.0\n",
      "apps/staging/deploy.yaml": "containers:\n  - name: app\n    image: ghcr.io/acme/app:1.3.0\n",
    };
    for (const [path, text] of Object.entries(files)) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), text);
    }
    const rerun = await planUpdate(directorySource(dir), { images: ["ghcr.io/acme/app:1.3.0"], setters: [], sets: [], paths: [] });
    expect(rerun.warnings.map((w) => [w.file, w.message])).toEqual([["apps/base/deploy.yaml", expect.stringContaining("this file is in no target")]]);
    expect(humanReport(rerun)).toBe(WARNED);
  });

  it("does not give a warning that is no reason as why: a marker key nothing defines, unless its marked value holds the incoming image", async () => {
    const dir = await tempDir("gp-report-");
    await writeFile(join(dir, "app.yaml"), "containers:\n  - name: app\n    image: nginx:1.27\n");
    await writeFile(join(dir, "other.yaml"), 'image: ghcr.io/acme/x:1.0.0 # {"$imagepolicy": "flux-system:x"}\n');
    const request = { setters: [], sets: [], paths: [] };
    const held = await planUpdate(directorySource(dir), { ...request, images: ["nginx:1.27"] });
    expect(held.warnings.map((w) => w.file)).toEqual(["other.yaml"]);
    expect(humanReport(held)).toBe("nothing to change: every image field found already holds its new value\n");
    // Its marker leaves x where the incoming x would go: that is why.
    const marked = await planUpdate(directorySource(dir), { ...request, images: ["ghcr.io/acme/x:1.1.0"] });
    expect(humanReport(marked)).toBe(WARNED);
  });

  it("says that the fields --set names hold their values already when it was the specs alone", async () => {
    const dir = await tempDir("gp-report-");
    await writeFile(join(dir, "main.k"), 'app = {\n    args = ["start"]\n}\n');
    const plan = await planUpdate(directorySource(dir), { images: [], setters: [], paths: [], sets: ['main.k:app.args+=["start"]'] });
    expect(humanReport(plan)).toBe("nothing to change: every field the --set specs name already holds its value\n");
    // A spec that cannot be set is an error, so a warning (here a configured path matching nothing) is never why.
    await mkdir(join(dir, ".github"));
    await writeFile(
      join(dir, ".github/gitops-promote.yaml"),
      "targets:\n  - name: staging\n    paths: [nope/**]\n    images:\n      - repository: ghcr.io/acme/app\n",
    );
    const warned = await planUpdate(directorySource(dir), { images: [], setters: [], paths: [], sets: ['main.k:app.args+=["start"]'] });
    expect(warned.warnings.map((w) => [w.message, isAside(w)])).toEqual([[expect.stringContaining("matches no file"), false]]);
    expect(humanReport(warned)).toBe("nothing to change: every field the --set specs name already holds its value\n");
  });
});

describe("jsonReport", () => {
  it("gives each warning as README's {file, line, message}, whatever the report flags it with", async () => {
    const dir = await tempDir("gp-report-");
    await writeFile(join(dir, "other.yaml"), 'image: ghcr.io/acme/x:1.0.0 # {"$imagepolicy": "flux-system:x"}\n');
    const plan = await planUpdate(directorySource(dir), { images: ["nginx:1.27"], setters: [], sets: [], paths: [] });
    expect(plan.warnings.some(isAside)).toBe(true);
    expect(jsonReport(plan).warnings[0]).toEqual({ file: "other.yaml", line: 1, message: expect.stringContaining('Flux setter "flux-system:x"') });
  });

  it("adds the warning's kind after its message when it has one, so a script tells an unreached image apart without reading prose", async () => {
    const dir = await tempDir("gp-report-");
    await writeFile(join(dir, "other.yaml"), 'image: ghcr.io/acme/x:1.0.0 # {"$imagepolicy": "flux-system:x"}\n');
    const plan = await planUpdate(directorySource(dir), { images: ["ghcr.io/acme/nope:1.0.0"], setters: [], sets: [], paths: [] });
    const warnings = jsonReport(plan).warnings;
    expect(warnings.map((w) => Object.keys(w))).toEqual([
      ["file", "line", "message"],
      ["message", "kind"],
    ]);
    expect(warnings[1]).toEqual({ message: expect.stringContaining("no file to update holds ghcr.io/acme/nope"), kind: "unreached" });
  });
});
