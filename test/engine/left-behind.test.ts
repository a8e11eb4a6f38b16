import { describe, expect, it } from "vitest";
import type { Warning } from "../../src/change.js";
import { leftBehind, warnUnmoved } from "../../src/engine/left-behind.js";
import { parseImageRef } from "../../src/image/reference.js";
import { planUpdate } from "../../src/engine/plan.js";
import { memorySource } from "../../src/engine/source.js";

describe("warnUnmoved: a file left at another version of an incoming image while other files change", () => {
  const incoming = parseImageRef("ghcr.io/acme/app:1.3.0");
  const context = { targets: ["staging", "production"], inNoTarget: (path: string) => path.startsWith("deploy/prod/") };
  const warned = (files: Record<string, string>): Warning[] => {
    const texts = new Map(Object.entries(files));
    const warnings: Warning[] = [];
    warnUnmoved(leftBehind([incoming], texts, { explained: () => false, quiet: false }), texts, context, warnings);
    return warnings;
  };
  const said = (files: Record<string, string>): string[] => warned(files).map((w) => w.message);

  it("names a file holding the image as a Helm repository + tag pair or a kustomize name + newTag at another version, as a joined reference is", () => {
    const files = {
      "deploy/prod/values-prod.yaml": "image:\n  registry: ghcr.io\n  repository: acme/app\n  tag: '1.2.3'\n",
      "deploy/prod/kustomization.yaml": 'images:\n  - name: ghcr.io/acme/app\n    newTag: "1.2.3"\n',
      "deploy/prod/release.yaml": "spec:\n  values:\n    image: {repository: ghcr.io/acme/app, tag: 1.2.3}\n",
      "deploy/staging/values.yaml": "image:\n  repository: ghcr.io/acme/app\n  tag: 1.3.0\n",
    };
    const inNoTarget = "ghcr.io/acme/app appears here, but no field holds 1.3.0 or was edited: this file is in no target (targets: staging, production)";
    expect(warned(files)).toEqual([
      { file: "deploy/prod/values-prod.yaml", line: 3, message: inNoTarget },
      { file: "deploy/prod/kustomization.yaml", line: 2, message: inNoTarget },
      { file: "deploy/prod/release.yaml", line: 3, message: inNoTarget },
    ]);
  });

  it("names a Bitnami pair whose registry global.imageRegistry gives, as the chart deploys it, with the override of its tag; not one another registry takes", () => {
    const values = (registry: string, own = "") => `global:\n  imageRegistry: ${registry}\nimage:\n${own}  repository: acme/app\n  tag: 1.2.3\n`;
    const files = {
      "apps/app/values.yaml": values("ghcr.io"),
      "apps/app/values-own-registry.yaml": values("ghcr.io", "  registry: docker.io\n"),
      "apps/other/values.yaml": values("quay.io"),
    };
    expect(warned(files)).toEqual(
      ["apps/app/values.yaml", "apps/app/values-own-registry.yaml"].map((file) => ({
        file,
        line: file.endsWith("registry.yaml") ? 5 : 4,
        message: `ghcr.io/acme/app appears here, but no field holds 1.3.0 or was edited: no rule reads image.repository as ghcr.io/acme/app; set image.tag with an overrides: entry in the configuration (file: ${file}, spec: image.tag, image: ghcr.io/acme/app, part: tag)`,
      })),
    );
    expect(said({ "apps/app/values.yaml": values("ghcr.io").replace("1.2.3", "1.3.0") })).toEqual([]);
  });

  it("names a chart's values repository with no tag beside it, whose tag the chart defaults to its appVersion, with the override of appVersion", () => {
    const values = "image:\n  repository: ghcr.io/acme/app\n  pullPolicy: IfNotPresent\n";
    const texts = new Map([["charts/app/values.yaml", values]]);
    const at = (appVersion: string) => {
      const warnings: Warning[] = [];
      const charts = new Map([["charts/app/Chart.yaml", `apiVersion: v2\nname: app\nappVersion: "${appVersion}"\n`]]);
      warnUnmoved(leftBehind([incoming], texts, { explained: () => false, quiet: false, charts }), texts, context, warnings);
      return warnings;
    };
    expect(at("1.2.0")).toEqual([
      {
        file: "charts/app/values.yaml",
        line: 2,
        message:
          "ghcr.io/acme/app appears here, but no field holds 1.3.0 or was edited: image.repository has no tag beside it, so the chart deploys its appVersion (1.2.0, charts/app/Chart.yaml); " +
          "set appVersion with an overrides: entry in the configuration (file: charts/app/Chart.yaml, spec: appVersion, image: ghcr.io/acme/app, part: tag), or give image.tag here",
      },
    ]);
    expect(at("1.3.0")).toEqual([]);
    // Without its Chart.yaml it is a values file like any other: a mention, said only in a run that says nothing else.
    expect(said({ "charts/app/values.yaml": values })).toEqual([]);
  });

  it("leaves out a bare mention of the repository with no version beside it (an ImageRepository), and a pair of another repository", () => {
    const files = {
      "deploy/prod/image-repository.yaml": "kind: ImageRepository\nspec:\n  image: ghcr.io/acme/app\n",
      "deploy/prod/values.yaml": "image:\n  repository: ghcr.io/acme/app-worker\n  tag: 1.2.3\nnote: ghcr.io/acme/app\n",
      "deploy/prod/broken.yaml": "image: {repository: ghcr.io/acme/app, tag: [1.2.3\n",
    };
    expect(said(files)).toEqual([]);
  });

  it("names each reference at its file and line, also in files where another field was edited, and counts them past five, with the first one's fix (trial 14 S1)", () => {
    const deployment = "containers:\n  - image: ghcr.io/acme/app:1.3.0\n    args: [--self=ghcr.io/acme/app:1.2.0]\n";
    const left = (file: string) =>
      `it is inside the longer string at containers[0].args[0], and gitops-promote edits no part of a string: move it into a field of its own, or set the whole string with set ${file}:containers[0].args[0]=…`;
    expect(warned({ "staging/a.yaml": deployment, "staging/b.yaml": deployment })).toEqual([
      { file: "staging/a.yaml", line: 3, message: `ghcr.io/acme/app:1.2.0 is not moved to 1.3.0: ${left("staging/a.yaml")}` },
      { file: "staging/b.yaml", line: 3, message: `ghcr.io/acme/app:1.2.0 is not moved to 1.3.0: ${left("staging/b.yaml")}` },
    ]);
    const many = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`staging/${String(i).padStart(2, "0")}.yaml`, deployment]));
    expect(warned(many)).toEqual([
      {
        message:
          "ghcr.io/acme/app is not moved to 1.3.0 in 12 places (staging/00.yaml:3, staging/01.yaml:3, staging/02.yaml:3, staging/03.yaml:3, staging/04.yaml:3, " +
          `staging/05.yaml:3, staging/06.yaml:3, staging/07.yaml:3, staging/08.yaml:3, staging/09.yaml:3 and 2 more): they sit where no rule edits them; for the first (staging/00.yaml:3), ${left("staging/00.yaml")}`,
      },
    ]);
  });

  it("says how to set the whole string in the terms of the face that runs: the CLI's flag, the Action's input", () => {
    const texts = new Map([["staging/a.yaml", "args: [--self=ghcr.io/acme/app:1.2.0]\n"]]);
    const fix = (fieldName: (field: string, index?: number, giving?: boolean) => string) => {
      const warnings: Warning[] = [];
      warnUnmoved(leftBehind([incoming], texts, { explained: () => false, quiet: false }), texts, { ...context, fieldName }, warnings);
      return warnings[0]?.message;
    };
    expect(fix((field) => `--${field}`)).toMatch(/, or set the whole string with --set staging\/a\.yaml:args\[0\]=…$/);
    expect(fix((field, _index, giving) => (giving ? `${field}:` : `input ${field}`))).toMatch(
      /, or set the whole string with set: staging\/a\.yaml:args\[0\]=…$/,
    );
  });

  it("names a bare mention of the repository when the run changes nothing and says nothing else, but not a Flux ImageRepository's spec.image", () => {
    const quietly = (files: Record<string, string>) => leftBehind([incoming], new Map(Object.entries(files)), { explained: () => false, quiet: true });
    expect(quietly({ "deploy/notes.yaml": "about: ghcr.io/acme/app\n" }).flatMap((l) => l.files.map((f) => f.path))).toEqual(["deploy/notes.yaml"]);
    const repository = "apiVersion: image.toolkit.fluxcd.io/v1\nkind: ImageRepository\nmetadata: {name: app}\nspec: {image: ghcr.io/acme/app}\n";
    expect(quietly({ "flux/app.yaml": repository })).toEqual([]);
  });

  it("names only the references no warning explains, each at its line", () => {
    const texts = new Map([["staging/a.yaml", "a: ghcr.io/acme/app:1.2.0\nb: ghcr.io/acme/app:1.1.0\n"]]);
    const left = leftBehind([incoming], texts, { explained: (_path, _image, line) => line === 1, quiet: false });
    const warnings: Warning[] = [];
    warnUnmoved(left, texts, context, warnings);
    expect(warnings.map((w) => [w.line, w.message.split(":").slice(0, 2).join(":")])).toEqual([[2, "ghcr.io/acme/app:1.1.0 is not moved to 1.3.0"]]);
  });

  it("names one file at its first line holding the repository, so --json gives its file and line", () => {
    const files = {
      "deploy/prod/release.yaml": "spec:\n  values:\n    image: {repository: ghcr.io/acme/app, tag: 1.2.3}\n",
      "deploy/prod/kustomization.yaml": 'images:\n  - name: ghcr.io/acme/app\n    newTag: "1.3.0"\n',
    };
    expect(warned(files)).toEqual([
      {
        file: "deploy/prod/release.yaml",
        line: 3,
        message: "ghcr.io/acme/app appears here, but no field holds 1.3.0 or was edited: this file is in no target (targets: staging, production)",
      },
    ]);
  });
});

describe("leftBehind in a plan: a chart's appVersion", () => {
  const files = {
    "deploy.yaml": "apiVersion: apps/v1\nkind: Deployment\nspec: {template: {spec: {containers: [{name: a, image: ghcr.io/acme/app:1.0.0}]}}}\n",
    "chart/Chart.yaml": 'apiVersion: v2\nname: app\nversion: 0.1.0\nappVersion: "1.0.0"\n',
    "chart/values.yaml": "image:\n  repository: ghcr.io/acme/app\n",
  };

  it("is named while another file changes, and no more once the advised override sets it", async () => {
    const run = (config?: string) =>
      planUpdate(memorySource(new Map(Object.entries({ ...files, ...(config && { "gitops-promote.yaml": config }) }))), {
        images: ["ghcr.io/acme/app:1.1.0"],
        ...(config && { config: "gitops-promote.yaml" }),
      });
    const plain = await run();
    expect(plain.changes.map((c) => c.file)).toEqual(["deploy.yaml"]);
    expect(plain.warnings.map((w) => [w.file, w.line, w.message.split("; ")[0]])).toEqual([
      [
        "chart/values.yaml",
        2,
        "ghcr.io/acme/app appears here, but no field holds 1.1.0 or was edited: image.repository has no tag beside it, so the chart deploys its appVersion (1.0.0, chart/Chart.yaml)",
      ],
    ]);
    const advised = await run("overrides:\n  - {file: chart/Chart.yaml, spec: appVersion, image: ghcr.io/acme/app, part: tag}\n");
    expect(advised.changes.map((c) => [c.file, c.key, c.new])).toEqual([
      ["chart/Chart.yaml", "appVersion", "1.1.0"],
      ["deploy.yaml", "spec.template.spec.containers[0].image", "ghcr.io/acme/app:1.1.0"],
    ]);
    expect(advised.warnings).toEqual([]);
  });
});
