import { describe, expect, it } from "vitest";
import type { Warning } from "../../src/change.js";
import { isAside } from "../../src/change.js";
import { validateRequest, type UpdateRequest } from "../../src/engine/request.js";
import { parseConfig } from "../../src/engine/config.js";
import { mayHoldDeployer, type KustomizeTree } from "../../src/engine/kustomize-graph.js";
import { isKustomizationFile } from "../../src/yaml/kustomize.js";
import { resolveSetters } from "../../src/engine/setters.js";
import { targetOf } from "../../src/engine/targets.js";
import type { Target } from "../../src/engine/config.js";

/** The warnings resolveSetters gives for files in scope (every one unless `inScope` says) and a request, and the setters of one file. */
function resolve(
  files: Record<string, string>,
  request: Partial<UpdateRequest>,
  inScope: (path: string) => boolean = () => true,
  ownerOf: (path: string) => Target | undefined = () => undefined,
) {
  const warnings: Warning[] = [];
  const valid = validateRequest({ images: [], setters: [], sets: [], paths: [], ...request });
  const run = {
    valid,
    config: undefined,
    configPath: ".github/gitops-promote.yaml",
    inScope,
    keptOut: () => false,
    allowDowngrade: false,
    treeRoot: "",
    ownerOf,
    ...(request.fieldName && { fieldName: request.fieldName }),
    ...(request.definedAbove && { definedAbove: request.definedAbove }),
  };
  const { forFile } = resolveSetters(run, new Map(Object.entries(files)), warnings, treeOf(files));
  return { warnings, forFile };
}

/** The kustomize builds of `files`, read as a run reads them (kustomize-reads.ts). */
function treeOf(files: Record<string, string>): KustomizeTree {
  const texts = Object.entries(files).map(([file, text]) => ({ file, text }));
  return {
    kustomizations: texts.filter(({ file }) => isKustomizationFile(file)),
    deployers: texts.filter(({ file, text }) => mayHoldDeployer(file, text)),
    patches: new Map(),
    files: Object.keys(files).sort(),
    treeRoot: "",
  };
}

const FIX = "add it under setters: in .github/gitops-promote.yaml, pass setter flux-system:web=REF, or keep its ImagePolicy (and ImageRepository) in the tree";

describe("resolveSetters: marker keys nothing defines", () => {
  const marked = (...setters: string[]) => setters.map((s, i) => `v${i} = "ghcr.io/acme/web:1.0.0" # {"$imagepolicy": "${s}"}\n`).join("");

  it("are said once per key, at the first marker, naming the key (not a marker's :tag form), the other places, and how to define it", () => {
    const files = { "a/main.k": marked("flux-system:web:tag", "flux-system:web"), "b/main.k": marked("flux-system:web") };
    const { warnings } = resolve(files, { images: ["ghcr.io/acme/api:2.0.0"] });
    expect(warnings).toEqual([
      {
        aside: true,
        file: "a/main.k",
        line: 1,
        message: `no image is configured for Flux setter "flux-system:web" (also marked at a/main.k:2, b/main.k:1), so its marked values are left as they are: ${FIX}`,
      },
    ]);
  });

  it("say how to give the key's image in the terms of the face that runs: the CLI's flag, the Action's input", () => {
    const files = { "main.k": marked("flux-system:web") };
    const advice = (fieldName: UpdateRequest["fieldName"]) => resolve(files, { images: ["ghcr.io/acme/web:2.0.0"], fieldName }).warnings[0]?.message;
    expect(advice((field) => `--${field}`)).toContain(", pass --setter flux-system:web=REF, or keep");
    expect(advice((field, _index, giving) => (giving ? `${field}s:` : `input ${field}s`))).toContain(", pass setters: flux-system:web=REF, or keep");
  });

  it("say the run that reads an ImagePolicy outside the tree the face finds for a key, asked only of keys about to be said undefined", () => {
    const files = { "main.k": marked("flux-system:web", "flux-system:db") };
    const asked: string[] = [];
    const definedAbove = (key: string) => {
      asked.push(key);
      return key === "flux-system:web"
        ? "its ImagePolicy is in ../flux-system/web.yaml:9, outside apps; to read it, run: gitops-promote update .. --path apps"
        : undefined;
    };
    expect(resolve(files, { sets: ["main.k:v0=1"], definedAbove }).warnings).toEqual([]);
    expect(asked).toEqual([]);
    const { warnings } = resolve(files, { images: ["ghcr.io/acme/web:2.0.0"], definedAbove });
    expect(warnings.map((w) => w.message)).toEqual([
      'no image is configured for Flux setter "flux-system:web", so its marked value is left as it is: its ImagePolicy is in ../flux-system/web.yaml:9, outside apps; ' +
        "to read it, run: gitops-promote update .. --path apps; or add it under setters: in .github/gitops-promote.yaml, or pass setter flux-system:web=REF",
      `no image is configured for Flux setter "flux-system:db", so its marked value is left as it is: ${FIX.replaceAll("web", "db")}`,
    ]);
    expect(asked).toEqual(["flux-system:web", "flux-system:db"]);
  });

  it("are set aside as no reason why an incoming image was not written, unless a marked value holds its repository", () => {
    const files = { "main.k": marked("flux-system:web") };
    expect(resolve(files, { images: ["ghcr.io/acme/api:2.0.0"] }).warnings.map(isAside)).toEqual([true]);
    expect(resolve(files, { images: ["ghcr.io/acme/web:2.0.0"] }).warnings.map(isAside)).toEqual([false]);
  });

  it("name a few places, then how many more", () => {
    const { warnings } = resolve({ "main.k": marked(...Array<string>(6).fill("flux-system:web")) }, { setters: ["flux-system:api=ghcr.io/acme/api:2.0.0"] });
    expect(warnings.map((w) => w.message)).toEqual([
      `no image is configured for Flux setter "flux-system:web" (also marked at main.k:2, main.k:3, main.k:4 and 2 more), so its marked values are left as they are: ${FIX}`,
    ]);
  });

  it("are no news to a run that brings no image (a --set alone), nor to the editors at each marker: they are known keys", () => {
    const files = { "main.k": marked("flux-system:web") };
    const { warnings, forFile } = resolve(files, { sets: ["main.k:v0=1"] });
    expect(warnings).toEqual([]);
    expect(forFile("main.k").knownSetters).toEqual(new Map([["flux-system:web", undefined]]));
    expect(
      resolve(files, { images: ["ghcr.io/acme/web:1.0.0"] })
        .forFile("main.k")
        .knownSetters.get("flux-system:web"),
    ).toBeUndefined();
  });

  it("count a YAML marker written as the head comment of the value below it, as Flux reads it, at the value's line", () => {
    const files = {
      "a.yaml": 'containers:\n  # {"$imagepolicy": "flux-system:web"}\n  - ghcr.io/acme/web:1.0.0\n',
      "b.yaml": 'image: ghcr.io/acme/web:1.0.0 # {"$imagepolicy": "flux-system:web"}\n',
    };
    const { warnings, forFile } = resolve(files, { images: ["ghcr.io/acme/api:2.0.0"] });
    expect(warnings).toEqual([
      {
        aside: true,
        file: "a.yaml",
        line: 3,
        message: `no image is configured for Flux setter "flux-system:web" (also marked at b.yaml:1), so its marked values are left as they are: ${FIX}`,
      },
    ]);
    // Said once here, so the editor says nothing more at the value.
    expect(forFile("a.yaml").knownSetters.has("flux-system:web")).toBe(true);
    // A marked value holding an incoming repository is why its image is not written: not aside.
    expect(resolve(files, { images: ["ghcr.io/acme/web:2.0.0"] }).warnings.map(isAside)).toEqual([false]);
  });

  it("count only markers in scope, written as line comments after a value, of keys nothing defines", () => {
    const files = {
      "in.k": `# {"$imagepolicy": "flux-system:doc"} documents the syntax\n# {"$imagepolicy": "flux-system:doc"}\n${marked("flux-system:app")}`,
      "out.k": marked("flux-system:web"),
    };
    const { warnings } = resolve(files, { setters: ["flux-system:app=ghcr.io/acme/app:1.0.1"] }, (path) => path !== "out.k");
    expect(warnings).toEqual([]);
  });

  it("count no marker the editor does not read: above `key: value`, after a flow collection, in a block scalar's text (markcount17)", () => {
    const m = '# {"$imagepolicy": "flux-system:web"}';
    const files = {
      "a.yaml": `containers:\n  - name: a\n    ${m}\n    image: ghcr.io/acme/web:1.0.0\n`,
      "b.yaml": `image: {repository: ghcr.io/acme/web, tag: "1.0.0"} ${m}\nscript: |\n  run ghcr.io/acme/web:1.0.0 ${m}\n`,
    };
    expect(resolve(files, { images: ["ghcr.io/acme/api:2.0.0"] }).warnings).toEqual([]);
  });
});

describe("resolveSetters: what an ImagePolicy says of the incoming tag", () => {
  const POLICY =
    "apiVersion: image.toolkit.fluxcd.io/v1\nkind: ImageRepository\nmetadata: {name: web, namespace: flux-system}\nspec: {image: ghcr.io/acme/web}\n---\n" +
    "apiVersion: image.toolkit.fluxcd.io/v1\nkind: ImagePolicy\nmetadata: {name: web, namespace: flux-system}\nspec:\n  imageRepositoryRef: {name: web}\n  policy: {semver: {range: ^1.0.0}}\n";
  const OUTSIDE = "setter flux-system:web: tag 2.0.0 is outside its policy (semver ^1.0.0); marked values are left as they are";

  it("is said only where a marker the editor reads uses its key: not for one written above image:, which marks nothing (review flux17 S1)", () => {
    const deploy = (line: string) => ({ "flux.yaml": POLICY, "deploy.yaml": `containers:\n  - name: a\n${line}` });
    const marked = deploy('    image: ghcr.io/acme/web:1.0.0 # {"$imagepolicy": "flux-system:web"}\n');
    expect(resolve(marked, { images: ["ghcr.io/acme/web:2.0.0"] }).warnings).toEqual([
      { file: "flux.yaml", line: 6, message: OUTSIDE, kind: "policy-refusal" },
    ]);
    const aboveKey = deploy('    # {"$imagepolicy": "flux-system:web"}\n    image: ghcr.io/acme/web:1.0.0\n');
    expect(resolve(aboveKey, { images: ["ghcr.io/acme/web:2.0.0"] }).warnings).toEqual([]);
  });

  it("a policy's refusal has kind policy-refusal; a tag the ImageRepository's exclusionList excludes is no such refusal and has none", () => {
    const excluding = POLICY.replace("spec: {image: ghcr.io/acme/web}", 'spec: {image: ghcr.io/acme/web, exclusionList: ["^2\\\\."]}');
    const files = { "flux.yaml": excluding, "deploy.yaml": 'image: ghcr.io/acme/web:1.0.0 # {"$imagepolicy": "flux-system:web"}\n' };
    expect(resolve(files, { images: ["ghcr.io/acme/web:2.0.0"] }).warnings).toEqual([
      {
        file: "flux.yaml",
        line: 4,
        message: "setter flux-system:web: tag 2.0.0 is excluded by the ImageRepository's exclusionList; marked values are left as they are",
      },
    ]);
  });

  it("an excluded tag is said at the exclusionList pattern that excludes it, what to change, not at the ImagePolicy; Flux's default at the ImageRepository", () => {
    const repository =
      "apiVersion: image.toolkit.fluxcd.io/v1\nkind: ImageRepository\nmetadata: {name: web, namespace: flux-system}\nspec:\n  image: ghcr.io/acme/web\n";
    const policy = POLICY.slice(POLICY.indexOf("---\n") + 4);
    const deploy = 'image: ghcr.io/acme/web:1.0.0 # {"$imagepolicy": "flux-system:web"}\n';
    const listed = {
      "images/repository.yaml": `${repository}  exclusionList:\n  - "^.*\\\\.sig$"\n  - "-rc"\n`,
      "images/policy.yaml": policy,
      "deploy.yaml": deploy,
    };
    const excluded = (files: Record<string, string>, tag: string) =>
      resolve(files, { images: [`ghcr.io/acme/web:${tag}`] }).warnings.map((w) => `${w.file}:${w.line}: ${w.message.slice(0, w.message.indexOf(";"))}`);
    expect(excluded(listed, "1.1.0-rc1")).toEqual([
      "images/repository.yaml:8: setter flux-system:web: tag 1.1.0-rc1 is excluded by the ImageRepository's exclusionList",
    ]);
    expect(excluded(listed, "1.1.0.sig")).toEqual([
      "images/repository.yaml:7: setter flux-system:web: tag 1.1.0.sig is excluded by the ImageRepository's exclusionList",
    ]);
    const unlisted = { "images/repository.yaml": repository, "images/policy.yaml": policy, "deploy.yaml": deploy };
    expect(excluded(unlisted, "1.1.0.sig")).toEqual([
      "images/repository.yaml:1: setter flux-system:web: tag 1.1.0.sig is excluded by the ImageRepository's exclusionList",
    ]);
  });
});

describe("resolveSetters: Flux objects are in the namespace the tree's builds put them in, as kustomize-controller applies them", () => {
  const OBJECTS = `apiVersion: image.toolkit.fluxcd.io/v1
kind: ImageRepository
metadata:
  name: podinfo
spec:
  image: ghcr.io/stefanprodan/podinfo
---
apiVersion: image.toolkit.fluxcd.io/v1
kind: ImagePolicy
metadata:
  name: podinfo
spec:
  imageRepositoryRef:
    name: podinfo
  policy:
    semver:
      range: 6.x
---
apiVersion: image.toolkit.fluxcd.io/v1
kind: ImageUpdateAutomation
metadata:
  name: podinfo
spec:
  suspend: true
  update:
    path: ./apps/podinfo
`;
  const deployment = (key: string) => `containers:\n  - image: ghcr.io/stefanprodan/podinfo:6.0.0 # {"$imagepolicy": "${key}"}\n`;
  const flux = (targetNamespace = "") =>
    `apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata: {name: podinfo, namespace: flux-system}\nspec:\n  path: ./apps/podinfo\n${targetNamespace}`;
  /** A tenant's directory whose kustomization sets its namespace, with Flux objects written without one (review-flux17 M1). */
  const tenant = (key: string, others: Record<string, string> = {}) => ({
    "apps/podinfo/kustomization.yaml": "namespace: podinfo\nresources: [image-automation.yaml, deployment.yaml]\n",
    "apps/podinfo/image-automation.yaml": OBJECTS,
    "apps/podinfo/deployment.yaml": deployment(key),
    "clusters/prod/apps.yaml": flux(),
    ...others,
  });
  const INCOMING = { images: ["ghcr.io/stefanprodan/podinfo:6.1.0"] };
  /** Whether the deployment's marker is set, and the warnings. */
  const set = (files: Record<string, string>) => {
    const { forFile, warnings } = resolve(files, INCOMING);
    const key = /"\$imagepolicy": "([^"]+)"/.exec(files["apps/podinfo/deployment.yaml"]!)![1]!;
    return { set: forFile("apps/podinfo/deployment.yaml").setters.has(key), warnings: warnings.map((w) => `${w.file}:${w.line}: ${w.message}`) };
  };
  const ADVICE = "add flux-system:podinfo under setters: in .github/gitops-promote.yaml, or pass setter flux-system:podinfo=REF";

  it("a kustomization's namespace: names the key: a podinfo:podinfo marker is set, its automation of namespace podinfo updating the file", () => {
    expect(set(tenant("podinfo:podinfo"))).toEqual({ set: true, warnings: [] });
  });

  it("a flux-system:podinfo marker is not, and is told the namespace the tree puts the ImagePolicy in, and what puts it there", () => {
    expect(set(tenant("flux-system:podinfo"))).toEqual({
      set: false,
      warnings: [
        `apps/podinfo/deployment.yaml:2: no image is configured for Flux setter "flux-system:podinfo", so its marked value is left as it is: the tree's ImagePolicy podinfo is in namespace podinfo (apps/podinfo/image-automation.yaml:8, put there by apps/podinfo/kustomization.yaml), not flux-system, so its marker key is "podinfo:podinfo": write that in the marker, ${ADVICE}`,
      ],
    });
  });

  it("a Flux Kustomization's targetNamespace puts what it builds in its namespace, over the kustomization's namespace:", () => {
    const files = tenant("team-a:podinfo", { "clusters/prod/apps.yaml": flux("  targetNamespace: team-a\n") });
    expect(set(files)).toEqual({ set: true, warnings: [] });
    expect(set({ ...files, "apps/podinfo/deployment.yaml": deployment("podinfo:podinfo") }).set).toBe(false);
  });

  it("through overlays, the outermost namespace: wins, and a base two overlays build is in both namespaces: a marker of either is set", () => {
    const overlays = (key: string) => ({
      "apps/podinfo/kustomization.yaml": "namespace: podinfo\nresources: [image-automation.yaml, deployment.yaml]\n",
      "apps/podinfo/image-automation.yaml": OBJECTS,
      "apps/podinfo/deployment.yaml": deployment(key),
      "clusters/prod/kustomization.yaml": "namespace: prod\nresources: [../../apps/podinfo]\n",
      "clusters/staging/kustomization.yaml": "namespace: staging\nresources: [../../apps/podinfo]\n",
    });
    expect([set(overlays("prod:podinfo")).set, set(overlays("staging:podinfo")).set]).toEqual([true, true]);
    const { set: left, warnings } = set(overlays("podinfo:podinfo"));
    expect(left).toBe(false);
    expect(warnings[0]).toContain(
      'the tree\'s ImagePolicy podinfo is in namespaces prod (apps/podinfo/image-automation.yaml:8, put there by clusters/prod/kustomization.yaml) and staging (apps/podinfo/image-automation.yaml:8, put there by clusters/staging/kustomization.yaml), not podinfo, so its marker keys are "prod:podinfo" and "staging:podinfo": write one of them in the marker',
    );
  });

  it("falls back to flux-system where nothing in the tree says otherwise", () => {
    const files = tenant("flux-system:podinfo");
    delete (files as Partial<typeof files>)["apps/podinfo/kustomization.yaml"];
    expect(set(files)).toEqual({ set: true, warnings: [] });
    expect(set({ ...files, "apps/podinfo/kustomization.yaml": "resources: [image-automation.yaml, deployment.yaml]\n" }).set).toBe(true);
  });
});

describe("resolveSetters under targets: a marker sees the Flux objects of its own target and of no target", () => {
  const TARGETS = parseConfig(
    "targets:\n  - name: staging\n    paths: [apps/staging/**]\n    images: [{repository: ghcr.io/acme/app}]\n" +
      "  - name: production\n    paths: [apps/prod/**, clusters/prod/**]\n    images: [{repository: ghcr.io/acme/app}]\n",
  ).targets;
  const ownerOf = targetOf(TARGETS);
  const policy = (name: string, range: string) =>
    "apiVersion: image.toolkit.fluxcd.io/v1beta2\nkind: ImageRepository\nmetadata: {name: app, namespace: flux-system}\nspec: {image: ghcr.io/acme/app}\n---\n" +
    `apiVersion: image.toolkit.fluxcd.io/v1beta2\nkind: ImagePolicy\nmetadata: {name: ${name}, namespace: flux-system}\nspec:\n  imageRepositoryRef: {name: app}\n  policy: {semver: {range: "${range}"}}\n`;
  const prodDeploy = 'image: ghcr.io/acme/app:1.5.0 # {"$imagepolicy": "flux-system:app-prod"}\n';
  const prod = { "apps/prod/deploy.yaml": prodDeploy, "clusters/prod/policies.yaml": policy("app-prod", "^1.0.0") };
  const governs = (files: Record<string, string>) =>
    resolve(files, { images: ["ghcr.io/acme/app:2.0.0-rc.1"] }, () => true, ownerOf).forFile("apps/prod/deploy.yaml");

  it("an ImagePolicy of the same key in another target's paths, nearer to the file, does not govern it", () => {
    const staging = { "apps/staging/policies.yaml": policy("app-prod", ">=0.0.0-0") };
    expect(governs({ ...prod, ...staging }).setters.get("flux-system:app-prod")?.policy?.description).toBe("semver ^1.0.0");
    // Without targets the nearer one governs, as each cluster's Flux sees its nearest objects.
    const all = resolve({ ...prod, ...staging }, { images: ["ghcr.io/acme/app:2.0.0-rc.1"] }).forFile("apps/prod/deploy.yaml");
    expect(all.setters.get("flux-system:app-prod")?.policy?.description).toBe("semver >=0.0.0-0");
  });

  it("an ImageUpdateAutomation in another target's paths does not decide where the file is seen from", () => {
    const automation =
      "---\napiVersion: image.toolkit.fluxcd.io/v1beta2\nkind: ImageUpdateAutomation\nmetadata: {name: staging, namespace: flux-system}\n" +
      "spec:\n  suspend: true\n  update: {path: ./, strategy: Setters}\n";
    const files = {
      "apps/prod/deploy.yaml": prodDeploy,
      "apps/prod/policies.yaml": policy("app-prod", "^1.0.0"),
      "apps/staging/policies.yaml": policy("app-prod", "<1.3.0") + automation,
    };
    expect(governs(files).setters.get("flux-system:app-prod")?.policy?.description).toBe("semver ^1.0.0");
  });

  it("a key defined only in another target's paths sets nothing there, and its markers say why", () => {
    const files = { "apps/prod/deploy.yaml": prodDeploy, "apps/staging/policies.yaml": policy("app-prod", ">=0.0.0-0") };
    const { setters, knownSetters } = governs(files);
    expect(setters.has("flux-system:app-prod")).toBe(false);
    expect(knownSetters.get("flux-system:app-prod")).toBe(
      "is defined only at apps/staging/policies.yaml:6, in the paths of target staging, whose Flux objects do not govern the markers of target production; " +
        "the marked value is left as it is (define it in target production's paths or in no target's, or give flux-system:app-prod an entry under setters: in .github/gitops-promote.yaml)",
    );
  });

  it("a file in no target sees no target's Flux objects: a key defined only in a target's paths sets nothing there either", () => {
    const files = {
      "apps/prod/deploy.yaml": prodDeploy,
      "clusters/prod/policies.yaml": policy("app-prod", "^1.0.0"),
      "base/deploy.yaml": 'image: ghcr.io/acme/app:1.5.0 # {"$imagepolicy": "flux-system:app-prod"}\n',
    };
    const run = resolve(files, { images: ["ghcr.io/acme/app:2.0.0-rc.1"] }, () => true, ownerOf);
    expect(run.forFile("apps/prod/deploy.yaml").setters.get("flux-system:app-prod")?.policy?.description).toBe("semver ^1.0.0");
    const base = run.forFile("base/deploy.yaml");
    expect(base.setters.has("flux-system:app-prod")).toBe(false);
    expect(base.knownSetters.get("flux-system:app-prod")).toBe(
      "is defined only at clusters/prod/policies.yaml:6, in the paths of target production, whose Flux objects do not govern markers in no target's paths; " +
        "the marked value is left as it is (define it in no target's paths, or give flux-system:app-prod an entry under setters: in .github/gitops-promote.yaml)",
    );
  });
});

describe("resolveSetters with ImageUpdateAutomation objects: a file's markers are set where an automation of the key's namespace updates it", () => {
  const objects = (updatePath: string) =>
    "apiVersion: image.toolkit.fluxcd.io/v1beta2\nkind: ImageRepository\nmetadata: {name: app, namespace: flux-system}\nspec: {image: ghcr.io/acme/app}\n---\n" +
    "apiVersion: image.toolkit.fluxcd.io/v1beta2\nkind: ImagePolicy\nmetadata: {name: app, namespace: flux-system}\nspec:\n  imageRepositoryRef: {name: app}\n  policy: {semver: {range: 1.x}}\n---\n" +
    `apiVersion: image.toolkit.fluxcd.io/v1beta2\nkind: ImageUpdateAutomation\nmetadata: {name: app, namespace: flux-system}\nspec:\n  suspend: true\n  update: {path: ${updatePath}}\n`;
  const marked = 'image: ghcr.io/acme/app:1.0.0 # {"$imagepolicy": "flux-system:app"}\n';
  const files = (updatePath: string) => ({
    "clusters/prod/images.yaml": objects(updatePath),
    "apps/prod/deploy.yaml": marked,
    "apps/prod/worker.yaml": marked,
    "apps/prod/jobs/cron.yaml": marked,
  });
  /** Whether each file's marker is set, asking in the order given. */
  const setIn = (updatePath: string, order: readonly string[]) => {
    const { forFile } = resolve(files(updatePath), { images: ["ghcr.io/acme/app:1.1.0"] });
    return Object.fromEntries(order.map((path) => [path, forFile(path).setters.has("flux-system:app")]));
  };

  it("every file under the update path, in its directory and below, and none beside it", () => {
    expect(setIn("./apps/prod", ["apps/prod/deploy.yaml", "apps/prod/worker.yaml", "apps/prod/jobs/cron.yaml"])).toEqual({
      "apps/prod/deploy.yaml": true,
      "apps/prod/worker.yaml": true,
      "apps/prod/jobs/cron.yaml": true,
    });
    expect(setIn("./apps/prod/jobs", ["apps/prod/jobs/cron.yaml", "apps/prod/deploy.yaml"])).toEqual({
      "apps/prod/jobs/cron.yaml": true,
      "apps/prod/deploy.yaml": false,
    });
  });

  it("an update path naming a file covers that file, not the others of its directory, whichever is asked about first", () => {
    const expected = { "apps/prod/deploy.yaml": true, "apps/prod/worker.yaml": false };
    expect(setIn("./apps/prod/deploy.yaml", ["apps/prod/deploy.yaml", "apps/prod/worker.yaml"])).toEqual(expected);
    expect(setIn("./apps/prod/deploy.yaml", ["apps/prod/worker.yaml", "apps/prod/deploy.yaml"])).toEqual(expected);
  });
});

describe("resolveSetters: definedFor, the keys defined for a repository", () => {
  const policies =
    "apiVersion: image.toolkit.fluxcd.io/v1\nkind: ImageRepository\nmetadata: {name: sidecar, namespace: flux-system}\nspec: {image: ghcr.io/acme/sidecar}\n---\n" +
    "apiVersion: image.toolkit.fluxcd.io/v1\nkind: ImagePolicy\nmetadata: {name: sidecar, namespace: flux-system}\nspec:\n  imageRepositoryRef: {name: sidecar}\n  policy: {semver: {range: 0.x}}\n";
  const definedFor = (configText: string | undefined, repository: string) => {
    const run = {
      valid: validateRequest({ images: ["ghcr.io/acme/sidecar:0.2.0"], setters: [], sets: [], paths: [] }),
      config: configText === undefined ? undefined : parseConfig(configText),
      configPath: ".github/gitops-promote.yaml",
      inScope: () => true,
      keptOut: () => false,
      allowDowngrade: false,
      treeRoot: "",
      ownerOf: () => undefined,
    };
    const defined = resolveSetters(run, new Map([["flux/sidecar.yaml", policies]]), []).definedFor(repository);
    return Object.fromEntries([...defined].map(([key, flux]) => [key, flux.map((f) => `${f.file}:${f.line}`)]));
  };

  it("gives each ImagePolicy's key with where it is, whether or not a marker uses it", () => {
    expect(definedFor(undefined, "ghcr.io/acme/sidecar")).toEqual({ "flux-system:sidecar": ["flux/sidecar.yaml:6"] });
    expect(definedFor(undefined, "ghcr.io/acme/app")).toEqual({});
  });

  it("gives a configured setter's key with no ImagePolicy, also where it replaces one of the same key", () => {
    const config = (key: string) => `setters:\n  "${key}": {image: ghcr.io/acme/sidecar}\n`;
    expect(definedFor(config("flux-system:sidecar"), "ghcr.io/acme/sidecar")).toEqual({ "flux-system:sidecar": [] });
    expect(definedFor(config("apps:proxy"), "ghcr.io/acme/sidecar")).toEqual({ "apps:proxy": [], "flux-system:sidecar": ["flux/sidecar.yaml:6"] });
  });
});
