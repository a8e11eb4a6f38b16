/** argocd-image-updater's annotations and ImageUpdater objects: constraints, not image fields. */
import { describe, expect, it } from "vitest";
import { withoutImageUpdater } from "../../src/engine/image-updater.js";
import { planUpdate, type Plan } from "../../src/engine/plan.js";
import { memorySource } from "../../src/engine/source.js";

const plan = (files: Record<string, string>, images: string[]): Promise<Plan> =>
  planUpdate(memorySource(new Map(Object.entries(files))), { images, setters: [], sets: [], paths: [] });

const application = (annotations: string, parameters = "") => `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: web
  annotations:
${annotations}
spec:
  source:
    path: envs/prod/web
    helm:
      parameters:${parameters || " []"}
`;

const deployment = (image: string) => `apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - image: ${image}\n`;

const imageUpdater = (strategy: string) => `apiVersion: argocd-image-updater.argoproj.io/v1alpha1
kind: ImageUpdater
metadata: {name: web}
spec:
  applicationRefs:
    - namePattern: "web-*"
      images:
        - alias: web
          imageName: ghcr.io/acme/web:1.2.x
          commonUpdateSettings: {updateStrategy: ${strategy}}
`;

describe("withoutImageUpdater", () => {
  it("blanks the values of image-updater's annotations and its own documents, keeping every line and offset", () => {
    const text = `${application("    argocd-image-updater.argoproj.io/image-list: web=ghcr.io/acme/web:~1.2\n    argocd-image-updater.argoproj.io/web.allow-tags: |\n      regexp:^1\\.2\n    team: web")}---\n${imageUpdater("semver")}`;
    const out = withoutImageUpdater(text);
    expect(out.length).toBe(text.length);
    expect(out.split("\n").length).toBe(text.split("\n").length);
    expect(out).not.toContain("ghcr.io/acme/web");
    expect(out).not.toContain("regexp:");
    expect(out).toContain("    argocd-image-updater.argoproj.io/image-list:");
    expect(out).toContain("    team: web");
    expect(out).toContain("path: envs/prod/web");
  });

  it("blanks as the value's lines only those indented deeper in spaces: U+00A0 is no indentation, and a line opening with it at the key's column is the next key", () => {
    const text = application(
      "    argocd-image-updater.argoproj.io/image-list: web=ghcr.io/acme/web:~1.2\n    \u00a0acme.io/deployed: ghcr.io/acme/api:1.0.0\n    argocd-image-updater.argoproj.io/web.allow-tags: |\n      \tregexp:^1\\.2",
    );
    const out = withoutImageUpdater(text);
    expect(out).toContain("    \u00a0acme.io/deployed: ghcr.io/acme/api:1.0.0\n");
    // A tab after the spaces of a block scalar's text is its text, which is blanked.
    expect(out).not.toContain("regexp:");
  });
});

describe("image-updater's configuration in a run", () => {
  it("an annotation naming an incoming repository is no place left unmoved: the run says no file holds it", async () => {
    const result = await plan({ "apps/api.yaml": application("    argocd-image-updater.argoproj.io/image-list: api=docker.io/acme/api:2.x") }, [
      "docker.io/acme/api:2.5.0",
    ]);
    expect(result.warnings.map((w) => w.message)).toEqual(["no file to update holds docker.io/acme/api; nothing to do for docker.io/acme/api:2.5.0"]);
  });

  it("reads the annotation after an image-list one whose key opens with U+00A0 as deployed text: a run does not say no file holds its image", async () => {
    const annotations = "    argocd-image-updater.argoproj.io/image-list: web=ghcr.io/acme/web:~1.2\n    \u00a0acme.io/deployed: ghcr.io/acme/api:1.0.0";
    const result = await plan({ "apps/web.yaml": application(annotations) }, ["ghcr.io/acme/api:2.0.0"]);
    expect(result.warnings).toEqual([
      { file: "apps/web.yaml", line: 7, message: expect.stringMatching(/^ghcr\.io\/acme\/api:1\.0\.0 is not moved to 2\.0\.0: no rule edits/) },
    ]);
  });

  it("a target that does not list the repository names the parameter that holds it, not the annotation", async () => {
    const config = 'targets:\n  - name: prod\n    paths: ["apps/**"]\n    images: [{repository: ghcr.io/acme/web}]\n';
    const app = application(
      "    argocd-image-updater.argoproj.io/image-list: sidecar=docker.io/acme/sidecar",
      "\n        - {name: sidecar.spec, value: 'docker.io/acme/sidecar:0.9.1'}",
    );
    const result = await plan({ ".github/gitops-promote.yaml": config, "apps/web.yaml": app }, ["docker.io/acme/sidecar:0.9.2"]);
    expect(result.warnings.map((w) => w.message)).toEqual(["target prod does not allow docker.io/acme/sidecar; not edited in apps/web.yaml:12"]);
  });

  it("says where image-updater's semver constraint refuses the version the run writes, as a target policy to give", async () => {
    const annotations = "    argocd-image-updater.argoproj.io/image-list: web=ghcr.io/acme/web:~1.2, api=docker.io/acme/api";
    const files = {
      "apps/web.yaml": application(annotations),
      "iu/web.yaml": imageUpdater("semver"),
      "envs/prod/web/deploy.yaml": deployment("ghcr.io/acme/web:1.2.0"),
    };
    const result = await plan(files, ["ghcr.io/acme/web:1.3.0"]);
    expect(result.changes.map((c) => c.new)).toEqual(["ghcr.io/acme/web:1.3.0"]);
    const not = "gitops-promote does not read it: give it as a target policy";
    expect(result.warnings.map((w) => [w.file, w.line, w.message])).toEqual([
      [
        "apps/web.yaml",
        6,
        `ghcr.io/acme/web moves to 1.3.0, which argocd-image-updater's constraint ~1.2 (its image-list annotation) does not allow; ${not}, semver: {range: "~1.2"}`,
      ],
      [
        "iu/web.yaml",
        9,
        `ghcr.io/acme/web moves to 1.3.0, which argocd-image-updater's constraint 1.2.x (its imageName) does not allow; ${not}, semver: {range: "1.2.x"}`,
      ],
    ]);
  });

  it("says nothing of a constraint that allows the version, one of another update strategy, or one a target's policy already keeps", async () => {
    const deploy = deployment("ghcr.io/acme/web:1.2.0");
    const allowed = { "apps/web.yaml": application("    argocd-image-updater.argoproj.io/image-list: web=ghcr.io/acme/web:1.x"), "envs/deploy.yaml": deploy };
    expect((await plan(allowed, ["ghcr.io/acme/web:1.3.0"])).warnings).toEqual([]);
    const digest = application(
      "    argocd-image-updater.argoproj.io/image-list: web=ghcr.io/acme/web:~1.2\n    argocd-image-updater.argoproj.io/web.update-strategy: digest",
    );
    expect(
      (await plan({ "apps/web.yaml": digest, "iu/web.yaml": imageUpdater("digest"), "envs/deploy.yaml": deploy }, ["ghcr.io/acme/web:1.3.0"])).warnings,
    ).toEqual([]);
    const config =
      'targets:\n  - name: prod\n    paths: ["apps/**", "envs/**"]\n    images: [{repository: ghcr.io/acme/web, policy: {semver: {range: "~1.2"}}}]\n';
    const kept = {
      ".github/gitops-promote.yaml": config,
      "apps/web.yaml": application("    argocd-image-updater.argoproj.io/image-list: web=ghcr.io/acme/web:~1.2"),
      "envs/deploy.yaml": deploy,
    };
    expect((await plan(kept, ["ghcr.io/acme/web:1.3.0"])).warnings.map((w) => w.message)).toEqual([
      "target prod: ghcr.io/acme/web:1.3.0 is outside its policy (semver ~1.2); not edited there",
    ]);
  });

  it("says that a target's policy admitting the tag chose otherwise, and the annotation is left over, where there is one", async () => {
    const config =
      'targets:\n  - name: staging\n    paths: ["apps/**", "envs/**"]\n    images: [{repository: ghcr.io/acme/web, policy: {semver: {range: ">=1.0.0-0"}}}]\n';
    const files = {
      ".github/gitops-promote.yaml": config,
      "apps/web.yaml": application("    argocd-image-updater.argoproj.io/image-list: web=ghcr.io/acme/web:>=1.0.0"),
      "envs/deploy.yaml": deployment("ghcr.io/acme/web:1.2.0"),
    };
    const result = await plan(files, ["ghcr.io/acme/web:1.3.0-rc.1"]);
    expect(result.changes.map((c) => c.new)).toEqual(["ghcr.io/acme/web:1.3.0-rc.1"]);
    expect(result.warnings.map((w) => [w.file, w.line, w.message])).toEqual([
      [
        "apps/web.yaml",
        6,
        "ghcr.io/acme/web moves to 1.3.0-rc.1, which argocd-image-updater's constraint >=1.0.0 (its image-list annotation) does not allow; target staging's policy (semver >=1.0.0-0) admits it, and gitops-promote does not read the annotation: if that is meant, remove it",
      ],
    ]);
  });

  it("names the target to give a constraint to or whose policy chose otherwise: an annotation's file's, and for an ImageUpdater object, wherever it is, each whose files the run moved", async () => {
    const config = `targets:
  - name: staging
    paths: ["envs/staging/**"]
    images: [{repository: ghcr.io/acme/web, policy: {semver: {range: ">=1.0.0-0"}}}]
  - name: prod
    paths: ["envs/prod/**"]
    images: [{repository: ghcr.io/acme/web}]
`;
    const files = {
      ".github/gitops-promote.yaml": config,
      "iu/web.yaml": imageUpdater("semver"),
      "envs/prod/app.yaml": application("    argocd-image-updater.argoproj.io/image-list: web=ghcr.io/acme/web:~1.2"),
      "envs/staging/deploy.yaml": deployment("ghcr.io/acme/web:1.2.0"),
      "envs/prod/deploy.yaml": deployment("ghcr.io/acme/web:1.2.0"),
    };
    const result = await plan(files, ["ghcr.io/acme/web:1.3.0"]);
    expect(result.changes.map((c) => c.file)).toEqual(["envs/prod/deploy.yaml", "envs/staging/deploy.yaml"]);
    const refused = "ghcr.io/acme/web moves to 1.3.0, which argocd-image-updater's constraint 1.2.x (its imageName) does not allow";
    expect(result.warnings.map((w) => [w.file, w.line, w.message])).toEqual([
      [
        "envs/prod/app.yaml",
        6,
        `ghcr.io/acme/web moves to 1.3.0, which argocd-image-updater's constraint ~1.2 (its image-list annotation) does not allow; gitops-promote does not read it: give it as target prod's policy, semver: {range: "~1.2"}`,
      ],
      ["iu/web.yaml", 9, `${refused}; gitops-promote does not read it: give it as target prod's policy, semver: {range: "1.2.x"}`],
      [
        "iu/web.yaml",
        9,
        `${refused}; target staging's policy (semver >=1.0.0-0) admits it, and gitops-promote does not read the ImageUpdater object: if that is meant, remove it`,
      ],
    ]);
  });

  it("counts a version as written only where a change writes that image at it, not another image's longer tag", async () => {
    const files = {
      "apps/web.yaml": application("    argocd-image-updater.argoproj.io/image-list: web=ghcr.io/acme/web:~1.1"),
      "envs/deploy.yaml": deployment("ghcr.io/acme/api:1.2.0"),
    };
    const result = await plan(files, ["ghcr.io/acme/web:1.2", "ghcr.io/acme/api:1.2.3"]);
    expect(result.changes.map((c) => c.new)).toEqual(["ghcr.io/acme/api:1.2.3"]);
    expect(result.warnings.filter((w) => w.message.includes("argocd-image-updater's constraint"))).toEqual([]);
  });
});
