/** A field with no policy moved to a lower version (an old build's workflow run again) is written, with a `downgrade` warning at it. */
import { describe, expect, it } from "vitest";
import { planUpdate, type Plan } from "../../src/engine/plan.js";
import type { UpdateRequest } from "../../src/engine/request.js";
import type { TreeSource } from "../../src/engine/source.js";

/** A tree in memory: path -> text. */
function tree(files: Record<string, string>): TreeSource {
  return {
    async *list() {
      yield* Object.keys(files).sort();
    },
    read: async (path) => Buffer.from(files[path] ?? ""),
  };
}

function plan(files: Record<string, string>, request: Partial<UpdateRequest>): Promise<Plan> {
  return planUpdate(tree(files), { images: [], setters: [], sets: [], paths: [], ...request });
}

const downgrades = (p: Plan) => p.warnings.filter((w) => w.kind === "downgrade");

const ROLLBACK = "ghcr.io/acme/app: 1.2.5 -> 1.2.3 is a lower version; with no policy this rolls back (set a semver policy to refuse it)";

const deployment = (image: string) => `spec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: ${image}\n`;

describe("a field with no policy moved to a lower semver version", () => {
  it("is written, with a warning at each field, in YAML and KCL alike", async () => {
    const p = await plan(
      {
        "apps/deploy.yaml": deployment("ghcr.io/acme/app:1.2.5"),
        "apps/kustomization.yaml": "images:\n  - name: ghcr.io/acme/app\n    newTag: 1.2.5\n",
        "apps/values.yaml": "image:\n  repository: ghcr.io/acme/app\n  tag: 1.2.5\n",
        "kcl/main.k": 'app = {\n    image = "ghcr.io/acme/app:1.2.5"\n}\n',
        "kcl/pair.k": 'app = {\n    image = {\n        repository = "ghcr.io/acme/app"\n        tag = "1.2.5"\n    }\n}\n',
      },
      { images: ["ghcr.io/acme/app:1.2.3"] },
    );
    expect(p.changes.map((c) => `${c.file}:${c.line} ${c.new}`)).toEqual([
      "apps/deploy.yaml:6 ghcr.io/acme/app:1.2.3",
      "apps/kustomization.yaml:3 1.2.3",
      "apps/values.yaml:3 1.2.3",
      "kcl/main.k:2 ghcr.io/acme/app:1.2.3",
      "kcl/pair.k:4 1.2.3",
    ]);
    expect(p.warnings).toEqual([
      { file: "apps/deploy.yaml", line: 6, message: ROLLBACK, kind: "downgrade" },
      { file: "apps/kustomization.yaml", line: 3, message: ROLLBACK, kind: "downgrade" },
      { file: "apps/values.yaml", line: 3, message: ROLLBACK, kind: "downgrade" },
      { file: "kcl/main.k", line: 2, message: ROLLBACK, kind: "downgrade" },
      { file: "kcl/pair.k", line: 4, message: ROLLBACK, kind: "downgrade" },
    ]);
  });

  it("says the versions as written; a pre-release of the deployed version is lower too", async () => {
    const p = await plan({ "deploy.yaml": deployment("ghcr.io/acme/app:v1.2.5") }, { images: ["ghcr.io/acme/app:v1.2.5-rc.1"] });
    expect(downgrades(p).map((w) => w.message)).toEqual([
      "ghcr.io/acme/app: v1.2.5 -> v1.2.5-rc.1 is a lower version; with no policy this rolls back (set a semver policy to refuse it)",
    ]);
  });

  it("is warned in a target whose image has no policy", async () => {
    const config = "targets:\n  - name: prod\n    paths: ['prod/**']\n    images:\n      - repository: ghcr.io/acme/app\n";
    const p = await plan(
      { ".github/gitops-promote.yaml": config, "prod/deploy.yaml": deployment("ghcr.io/acme/app:1.2.5") },
      { images: ["ghcr.io/acme/app:1.2.3"] },
    );
    expect(p.changes.map((c) => [c.target, c.new])).toEqual([["prod", "ghcr.io/acme/app:1.2.3"]]);
    expect(downgrades(p)).toEqual([{ file: "prod/deploy.yaml", line: 6, message: ROLLBACK, kind: "downgrade" }]);
  });

  it("is warned at a marker whose setter has no policy (a --setter no ImagePolicy defines)", async () => {
    const p = await plan(
      { "deploy.yaml": deployment('ghcr.io/acme/app:1.2.5 # {"$imagepolicy": "flux-system:app"}') },
      { setters: ["flux-system:app=ghcr.io/acme/app:1.2.3"] },
    );
    expect(p.changes.map((c) => [c.kind, c.new])).toEqual([["setter", "ghcr.io/acme/app:1.2.3"]]);
    expect(downgrades(p)).toEqual([{ file: "deploy.yaml", line: 6, message: ROLLBACK, kind: "downgrade" }]);
  });
});

describe("two incoming images sharing a tag (review code20 S2)", () => {
  const images = ["ghcr.io/acme/app:1.2.3", "ghcr.io/acme/w:1.2.3"];
  const rollback = (repository: string) =>
    `${repository}: 1.2.5 -> 1.2.3 is a lower version; with no policy this rolls back (set a semver policy to refuse it)`;

  it.each([
    [
      "a kustomization's images entries, by name and by newName",
      "kustomization.yaml",
      "images:\n  - name: ghcr.io/acme/app\n    newTag: 1.2.5\n  - name: w\n    newName: ghcr.io/acme/w\n    newTag: 1.2.5\n",
      [3, 6],
    ],
    [
      "Helm values' {repository, tag} pairs",
      "values.yaml",
      "app:\n  image:\n    repository: ghcr.io/acme/app\n    tag: 1.2.5\nw:\n  image:\n    registry: ghcr.io\n    repository: acme/w\n    tag: 1.2.5\n",
      [4, 9],
    ],
    [
      "KCL {repository, tag} configs",
      "main.k",
      'app = {\n    image = {\n        repository = "ghcr.io/acme/app"\n        tag = "1.2.5"\n    }\n}\nw = {\n    image = {\n        repository = "ghcr.io/acme/w"\n        tag = "1.2.5"\n    }\n}\n',
      [4, 10],
    ],
  ])("is warned at each tag of %s, naming its own repository", async (_, file, text, lines) => {
    const p = await plan({ [file]: text }, { images });
    expect(p.changes.map((c) => [c.line, c.new])).toEqual(lines.map((line) => [line, "1.2.3"]));
    expect(downgrades(p)).toEqual([
      { file, line: lines[0], message: rollback("ghcr.io/acme/app"), kind: "downgrade" },
      { file, line: lines[1], message: rollback("ghcr.io/acme/w"), kind: "downgrade" },
    ]);
  });

  it("only at the tag that goes down, where the other goes up to the same tag", async () => {
    const text = "images:\n  - name: ghcr.io/acme/app\n    newTag: 1.2.5\n  - name: ghcr.io/acme/w\n    newTag: 1.2.0\n";
    const p = await plan({ "kustomization.yaml": text }, { images });
    expect(p.changes.map((c) => c.new)).toEqual(["1.2.3", "1.2.3"]);
    expect(downgrades(p)).toEqual([{ file: "kustomization.yaml", line: 3, message: rollback("ghcr.io/acme/app"), kind: "downgrade" }]);
  });

  it("names no repository in a change the plan gives (it is the engine's)", async () => {
    const p = await plan({ "kustomization.yaml": "images:\n  - name: ghcr.io/acme/app\n    newTag: 1.2.5\n" }, { images });
    expect(p.changes.every((c) => !("repository" in c))).toBe(true);
    expect(p.files.flatMap((f) => f.changes).every((c) => !("repository" in c))).toBe(true);
  });
});

describe("no downgrade warning", () => {
  it("where the version goes up", async () => {
    const p = await plan({ "deploy.yaml": deployment("ghcr.io/acme/app:1.2.3") }, { images: ["ghcr.io/acme/app:1.2.5"] });
    expect(p.changes).toHaveLength(1);
    expect(p.warnings).toEqual([]);
  });

  it("where both are the same version, spelt with and without a v", async () => {
    const p = await plan({ "deploy.yaml": deployment("ghcr.io/acme/app:1.2.5") }, { images: ["ghcr.io/acme/app:v1.2.5"] });
    expect(p.changes).toHaveLength(1);
    expect(downgrades(p)).toEqual([]);
  });

  it.each([
    ["a commit tag", "sha-9f8e7d6", "sha-1a2b3c4"],
    ["a date tag with fewer than three parts", "20240601", "20240101"],
    ["a semver tag replacing a non-semver one", "latest", "1.0.0"],
    ["a non-semver tag replacing a semver one", "1.2.5", "main"],
  ])("where a tag is no semver version (%s)", async (_, deployed, incoming) => {
    const p = await plan({ "deploy.yaml": deployment(`ghcr.io/acme/app:${deployed}`) }, { images: [`ghcr.io/acme/app:${incoming}`] });
    expect(p.changes).toHaveLength(1);
    expect(downgrades(p)).toEqual([]);
  });

  it.each([
    ["git describe's, a later commit after one tag", "v0.5.0-9-g1a2b3c4", "v0.5.0-12-g5d6e7f8"],
    ["a flavour switch of one release", "1.25.3-bookworm", "1.25.3-alpine"],
  ])("where both are pre-releases of one release, which semver orders by their text (%s; review code20 N1)", async (_, deployed, incoming) => {
    const p = await plan({ "deploy.yaml": deployment(`ghcr.io/acme/app:${deployed}`) }, { images: [`ghcr.io/acme/app:${incoming}`] });
    expect(p.changes.map((c) => c.new)).toEqual([`ghcr.io/acme/app:${incoming}`]);
    expect(downgrades(p)).toEqual([]);
  });

  it("where the incoming image is a digest alone", async () => {
    const digest = `sha256:${"a".repeat(64)}`;
    const p = await plan({ "deploy.yaml": deployment("ghcr.io/acme/app:1.2.5") }, { images: [`ghcr.io/acme/app@${digest}`] });
    expect(p.changes.map((c) => c.new)).toEqual([`ghcr.io/acme/app:1.2.5@${digest}`]);
    expect(downgrades(p)).toEqual([]);
  });

  it("where a policy judges the field: it keeps the higher version, and says so its own way", async () => {
    const config =
      "targets:\n  - name: prod\n    paths: ['prod/**']\n    images:\n      - repository: ghcr.io/acme/app\n        policy: { semver: { range: '^1.0.0' } }\n";
    const p = await plan(
      { ".github/gitops-promote.yaml": config, "prod/deploy.yaml": deployment("ghcr.io/acme/app:1.2.5") },
      { images: ["ghcr.io/acme/app:1.2.3"] },
    );
    expect(p.changes).toEqual([]);
    expect(p.warnings.map((w) => w.message)).toEqual([
      "spec.template.spec.containers[0].image keeps 1.2.5, which its policy (semver ^1.0.0) ranks above the incoming 1.2.3 (allow-downgrade sets it anyway)",
    ]);
  });

  it("where allow-downgrade says the rollback is meant", async () => {
    const p = await plan({ "deploy.yaml": deployment("ghcr.io/acme/app:1.2.5") }, { images: ["ghcr.io/acme/app:1.2.3"], allowDowngrade: true });
    expect(p.changes.map((c) => c.new)).toEqual(["ghcr.io/acme/app:1.2.3"]);
    expect(p.warnings).toEqual([]);
  });
});
