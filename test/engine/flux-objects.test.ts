import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import {
  fluxSetters,
  runningAutomations,
  mayHoldFluxObjects,
  nearestSetters,
  selectsPolicy,
  updatesFile,
  withoutFluxImageObjects,
} from "../../src/engine/flux-objects.js";
import { namespacesOf, type BuiltNamespace } from "../../src/engine/kustomize-graph.js";
import { isRecord } from "../../src/json-value.js";
import { isKustomizationFile } from "../../src/yaml/kustomize.js";
import { kustomize, withKubectl } from "../support/kubectl.js";
import { tempDir } from "../support/temp.js";

/** A typical Flux image automation file: repository and policy side by side. */
const PODINFO = `---
apiVersion: image.toolkit.fluxcd.io/v1
kind: ImageRepository
metadata:
  name: podinfo
  namespace: flux-system
spec:
  image: ghcr.io/stefanprodan/podinfo
  interval: 5m
---
apiVersion: image.toolkit.fluxcd.io/v1
kind: ImagePolicy
metadata:
  name: podinfo
  namespace: flux-system
spec:
  imageRepositoryRef:
    name: podinfo
  policy:
    semver:
      range: 5.0.x
`;

function setterSummary(docs: { file: string; text: string }[]) {
  const { setters, warnings } = fluxSetters(docs);
  return {
    setters: Object.fromEntries(
      [...setters].map(([key, defs]) => [
        key,
        defs.map((s) => ({ name: s.name, repository: s.repository, policy: s.policy.description, at: `${s.file}:${s.line}` })),
      ]),
    ),
    warnings,
  };
}

describe("mayHoldFluxObjects", () => {
  it("screens on the API group", () => {
    expect(mayHoldFluxObjects(PODINFO)).toBe(true);
    expect(mayHoldFluxObjects("apiVersion: apps/v1\nkind: Deployment\n")).toBe(false);
  });

  it("screens on the group as an apiVersion spells it, with the / before the version", () => {
    expect(mayHoldFluxObjects("# image.toolkit.fluxcd.io objects live in clusters/\napiVersion: apps/v1\n")).toBe(false);
    expect(mayHoldFluxObjects('apiVersion: "image.toolkit.fluxcd.io/v1beta2"\n')).toBe(true);
  });
});

describe("fluxSetters", () => {
  it("maps <policy namespace>:<policy name> to the repository's spec.image and the policy", () => {
    expect(setterSummary([{ file: "clusters/prod/podinfo.yaml", text: PODINFO }])).toEqual({
      setters: {
        "flux-system:podinfo": [
          { name: "ghcr.io/stefanprodan/podinfo", repository: "ghcr.io/stefanprodan/podinfo", policy: "semver 5.0.x", at: "clusters/prod/podinfo.yaml:11" },
        ],
      },
      warnings: [],
    });
  });

  it("gives a policy that behaves like Flux's", () => {
    const policy = fluxSetters([{ file: "p.yaml", text: PODINFO }]).setters.get("flux-system:podinfo")![0]!.policy;
    expect(policy.latest(["5.0.3", "5.1.0", "5.0.10", "5.0.11-rc.1"])).toBe("5.0.10");
  });

  it("keeps spec.image as written (what :name markers write) and matches on the canonical repository", () => {
    const text = PODINFO.replace("ghcr.io/stefanprodan/podinfo", "nginx");
    const setter = fluxSetters([{ file: "p.yaml", text }]).setters.get("flux-system:podinfo")![0]!;
    expect([setter.name, setter.repository]).toEqual(["nginx", "docker.io/library/nginx"]);
  });

  it("joins objects across files and reads v1beta1 and v1beta2 too", () => {
    const repos = `apiVersion: image.toolkit.fluxcd.io/v1beta1
kind: ImageRepository
metadata: { name: app, namespace: apps }
spec: { image: ghcr.io/acme/app }
`;
    const policy = `apiVersion: image.toolkit.fluxcd.io/v1beta2
kind: ImagePolicy
metadata: { name: app-main, namespace: apps }
spec:
  imageRepositoryRef: { name: app }
  filterTags:
    pattern: '^main-[a-f0-9]+-(?P<ts>[0-9]+)'
    extract: '$ts'
  policy:
    numerical:
      order: asc
`;
    const { setters, warnings } = fluxSetters([
      { file: "image-policies.yaml", text: policy },
      { file: "image-repos.yaml", text: repos },
    ]);
    expect(warnings).toEqual([]);
    const setter = setters.get("apps:app-main")![0]!;
    expect(setter.repository).toBe("ghcr.io/acme/app");
    expect(setter.policy.latest(["main-abc1234-1700000100", "main-def5678-1700000200", "v9.9.9"])).toBe("main-def5678-1700000200");
  });

  it("defaults a missing namespace to flux-system, for the policy and its repository reference", () => {
    const text = PODINFO.replace(/\n {2}namespace: flux-system/g, "");
    expect([...fluxSetters([{ file: "p.yaml", text }]).setters.keys()]).toEqual(["flux-system:podinfo"]);
  });

  it("follows a cross-namespace imageRepositoryRef", () => {
    const text = PODINFO.replace(
      "  name: podinfo\n  namespace: flux-system\nspec:\n  imageRepositoryRef:",
      "  name: podinfo\n  namespace: team-a\nspec:\n  imageRepositoryRef:\n    namespace: flux-system",
    );
    expect([...fluxSetters([{ file: "p.yaml", text }]).setters.keys()]).toEqual(["team-a:podinfo"]);
  });

  describe("in the namespaces the builds of their file put them in (builtInto, namespacesOf's)", () => {
    const AUTOMATION =
      "---\napiVersion: image.toolkit.fluxcd.io/v1\nkind: ImageUpdateAutomation\nmetadata:\n  name: podinfo\nspec:\n  update:\n    path: ./apps/podinfo\n";
    const unnamespaced = PODINFO.replace(/\n {2}namespace: flux-system/g, "") + AUTOMATION;
    const read = (text: string, built: readonly BuiltNamespace[]) =>
      fluxSetters([{ file: "apps/podinfo/policy.yaml", text }], "", (file) => (file === "apps/podinfo/policy.yaml" ? built : []));
    const BY_KUSTOMIZATION = { namespace: "podinfo", by: "apps/podinfo/kustomization.yaml" };

    it("a kustomization's namespace: names the policy's key, the repository it points at and the automation's namespace, and says where it comes from", () => {
      const { setters, automations, warnings } = read(unnamespaced, [BY_KUSTOMIZATION]);
      expect([...setters.keys()]).toEqual(["podinfo:podinfo"]);
      expect(setters.get("podinfo:podinfo")![0]!).toMatchObject({ name: "ghcr.io/stefanprodan/podinfo", namespacedBy: "apps/podinfo/kustomization.yaml" });
      expect(automations.map((a) => [a.id, a.namespace])).toEqual([["podinfo/podinfo", "podinfo"]]);
      expect(warnings).toEqual([]);
    });

    it("and overrides a metadata.namespace, as kustomize does; an imageRepositoryRef naming its namespace keeps it", () => {
      expect([...read(PODINFO, [BY_KUSTOMIZATION]).setters.keys()]).toEqual(["podinfo:podinfo"]);
      const elsewhere = PODINFO.replace("imageRepositoryRef:\n    name: podinfo", "imageRepositoryRef:\n    name: podinfo\n    namespace: flux-system");
      expect(read(elsewhere, [BY_KUSTOMIZATION]).warnings.map((w) => w.message)).toEqual([
        "ImagePolicy podinfo/podinfo: ImageRepository flux-system/podinfo not found; markers for podinfo:podinfo are not mapped",
      ]);
    });

    it("a build setting none keeps the object's own namespace, or flux-system; a file no build reaches too", () => {
      expect([...read(PODINFO.replace(/namespace: flux-system/g, "namespace: team-a"), [{}]).setters.keys()]).toEqual(["team-a:podinfo"]);
      expect([...read(unnamespaced, [{}]).setters.keys()]).toEqual(["flux-system:podinfo"]);
      expect([...read(unnamespaced, []).setters.keys()]).toEqual(["flux-system:podinfo"]);
    });

    it("an object several builds put in several namespaces is in each, and what is said of it is said once", () => {
      const built = [{ namespace: "staging", by: "staging/kustomization.yaml" }, { namespace: "prod", by: "prod/kustomization.yaml" }, {}];
      const { setters, automations } = read(unnamespaced, built);
      expect([...setters.keys()]).toEqual(["staging:podinfo", "prod:podinfo", "flux-system:podinfo"]);
      expect(automations.map((a) => a.namespace)).toEqual(["staging", "prod", "flux-system"]);
      const running = runningAutomations(automations, ["apps/podinfo/d.yaml"]).map((w) => w.message);
      expect(running).toEqual([
        "ImageUpdateAutomation staging/podinfo, prod/podinfo and flux-system/podinfo is not suspended: Flux's controller and gitops-promote would both commit to the markers under ./apps/podinfo; set spec.suspend: true here, or remove the object (its ImagePolicy and ImageRepository objects stay)",
      ]);
      const broken = unnamespaced.replace("range: 5.0.x", "range: not-a-range");
      expect(read(broken, built.slice(0, 2)).warnings.map((w) => w.message)).toEqual([
        expect.stringMatching(
          /^ImagePolicy staging\/podinfo and prod\/podinfo: spec\.policy\.semver\.range: .*; markers for staging:podinfo and prod:podinfo are not mapped$/,
        ),
      ]);
    });

    it("with the labels those builds put on it over its own, which a policySelector reads", () => {
      const { setters } = read(
        PODINFO.replace(
          "  name: podinfo\n  namespace: flux-system\nspec:\n  imageRepositoryRef:",
          "  name: podinfo\n  namespace: flux-system\n  labels: {env: own, app: podinfo}\nspec:\n  imageRepositoryRef:",
        ),
        [
          { ...BY_KUSTOMIZATION, labels: { env: "prod" }, labelledBy: { env: "apps/podinfo/kustomization.yaml" } },
          { labels: { tier: "web" }, labelledBy: { tier: "apps/kustomization.yaml" } },
        ],
      );
      // And where each label the build adds comes from, for a warning to name what to change.
      expect([...setters].map(([key, [setter]]) => [key, setter!.labels, setter!.labelledBy])).toEqual([
        ["podinfo:podinfo", { env: "prod", app: "podinfo" }, { env: "apps/podinfo/kustomization.yaml" }],
        ["flux-system:podinfo", { env: "own", app: "podinfo", tier: "web" }, { tier: "apps/kustomization.yaml" }],
      ]);
    });

    withKubectl("with the labels kubectl kustomize renders on each ImagePolicy it builds (namespacesOf's), however the kustomizations add them", async () => {
      const objects = (labels: string) =>
        `${PODINFO.replace(/\n {2}namespace: flux-system/g, "").replace("kind: ImagePolicy\nmetadata:\n", `kind: ImagePolicy\nmetadata:\n  labels: ${labels}\n`)}`;
      const files: Record<string, string> = {
        "base/images.yaml": objects("{env: own, keep: own}"),
        "base/kustomization.yaml":
          "resources: [images.yaml]\ncommonLabels: {env: base, tier: base}\nlabels:\n  - pairs: {env: labels, app: x}\n  - pairs: {app: z}\n",
        "c/kustomization.yaml": "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nlabels:\n  - pairs: {env: component, c: '1'}\n",
        "d/kustomization.yaml": "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\ncommonLabels: {c: '2', d: d}\n",
        "prod/kustomization.yaml": [
          "namespace: prod",
          "resources: [../base]",
          "components: [../c, ../d]",
          "labels:",
          "  - pairs: {team: a}",
          "    includeSelectors: true",
          "  - pairs: {only: fields}",
          "    fields: [{path: spec/extra, create: true}]",
          "",
        ].join("\n"),
        "staging/kustomization.yaml":
          "namespace: staging\nresources: [../base]\ncomponents: [../c]\nlabels:\n  - pairs: {env: staging}\n    includeTemplates: true\n",
        "lab/kustomization.yaml": "resources: [../lab-images]\n",
        "lab-images/kustomization.yaml": "resources: [images.yaml]\ncommonLabels: {env: lab}\n",
        "lab-images/images.yaml": objects("{}"),
      };
      const dir = await tempDir("gp-flux-labels-");
      for (const [file, text] of Object.entries(files)) {
        await mkdir(dirname(join(dir, file)), { recursive: true });
        await writeFile(join(dir, file), text);
      }
      // What Flux applies: each cluster's build, its ImagePolicy by namespace (its own, flux-system, where the build sets none).
      const rendered = new Map(
        ["prod", "staging", "lab"].flatMap((root) =>
          parseAllDocuments(kustomize(join(dir, root)))
            .map((doc): unknown => doc.toJS())
            .flatMap((object) =>
              isRecord(object) && object.kind === "ImagePolicy" && isRecord(object.metadata)
                ? [[`${String(object.metadata.namespace ?? "flux-system")}:podinfo`, object.metadata.labels] as const]
                : [],
            ),
        ),
      );
      const tree = {
        kustomizations: Object.entries(files).flatMap(([file, text]) => (isKustomizationFile(file) ? [{ file, text }] : [])),
        deployers: [],
        patches: new Map<string, string>(),
        files: Object.keys(files).sort(),
        treeRoot: "",
      };
      const docs = ["base/images.yaml", "lab-images/images.yaml"].map((file) => ({ file, text: files[file]! }));
      const { setters, warnings } = fluxSetters(docs, "", namespacesOf(tree));
      expect(warnings).toEqual([]);
      expect(new Map([...setters].map(([key, [setter]]) => [key, setter!.labels]))).toEqual(rendered);
      expect(rendered.size).toBe(3);
    });
  });

  describe("exclusionList", () => {
    it("defaults to Flux's cosign signature exclusion when empty", () => {
      const { exclusionList } = fluxSetters([{ file: "p.yaml", text: PODINFO }]).setters.get("flux-system:podinfo")![0]!;
      expect(exclusionList.some((re) => re.test("sha256-abc.sig"))).toBe(true);
      expect(exclusionList.some((re) => re.test("5.0.3"))).toBe(false);
    });

    it("replaces the default with the given Go regexes", () => {
      const text = PODINFO.replace("  interval: 5m", () => "  exclusionList:\n    - '^.*-debug$'\n    - '(?i)^rc'");
      const { exclusionList } = fluxSetters([{ file: "p.yaml", text }]).setters.get("flux-system:podinfo")![0]!;
      expect(["5.0.3-debug", "RC1", "x.sig", "5.0.3"].map((tag) => exclusionList.some((re) => re.test(tag)))).toEqual([true, true, false, false]);
    });
  });

  it("ignores other kinds, other API groups and versions, and files without the API group", () => {
    const text = `apiVersion: image.toolkit.fluxcd.io/v1
kind: ImageUpdateAutomation
metadata: { name: auto, namespace: flux-system }
spec: { interval: 1m, suspend: true }
---
apiVersion: example.com/v1
kind: ImagePolicy
metadata: { name: other }
spec: { imageRepositoryRef: { name: podinfo }, policy: { alphabetical: {} } }
---
apiVersion: image.toolkit.fluxcd.io/v1alpha1
kind: ImagePolicy
metadata: { name: old }
spec: { imageRepositoryRef: { name: podinfo }, policy: { alphabetical: {} } }
`;
    expect(
      setterSummary([
        { file: "a.yaml", text },
        { file: "b.yaml", text: "kind: ImagePolicy\n" },
      ]),
    ).toEqual({ setters: {}, warnings: [] });
  });

  describe("one name defined in several places (one repo, several clusters)", () => {
    const prod = PODINFO;
    const staging = PODINFO.replace("range: 5.0.x", "range: 5.1.x");

    it("keeps every definition of a key with where its ImagePolicy is, without a warning: each cluster's Flux sees its own", () => {
      expect(
        setterSummary([
          { file: "clusters/prod/flux-system/images.yaml", text: prod },
          { file: "clusters/staging/flux-system/images.yaml", text: staging },
        ]),
      ).toEqual({
        setters: {
          "flux-system:podinfo": [
            {
              name: "ghcr.io/stefanprodan/podinfo",
              repository: "ghcr.io/stefanprodan/podinfo",
              policy: "semver 5.0.x",
              at: "clusters/prod/flux-system/images.yaml:11",
            },
            {
              name: "ghcr.io/stefanprodan/podinfo",
              repository: "ghcr.io/stefanprodan/podinfo",
              policy: "semver 5.1.x",
              at: "clusters/staging/flux-system/images.yaml:11",
            },
          ],
        },
        warnings: [],
      });
    });

    it("an ImagePolicy uses the ImageRepository of its name nearest to it", () => {
      const [repository, policy] = PODINFO.split("---\n").slice(1);
      const { setters } = fluxSetters([
        { file: "clusters/prod/repository.yaml", text: repository!.replace("ghcr.io/stefanprodan/podinfo", "docker.io/stefanprodan/podinfo") },
        { file: "clusters/staging/repository.yaml", text: repository! },
        { file: "clusters/staging/apps/policy.yaml", text: policy! },
      ]);
      expect(setters.get("flux-system:podinfo")!.map((s) => s.repository)).toEqual(["ghcr.io/stefanprodan/podinfo"]);
    });

    describe("nearestSetters", () => {
      const definitions = fluxSetters([
        { file: "clusters/prod/flux-system/images.yaml", text: prod },
        { file: "clusters/staging/flux-system/images.yaml", text: staging },
        { file: "clusters/staging/flux-system/copy.yaml", text: staging },
      ]).setters.get("flux-system:podinfo")!;
      const nearest = (...from: string[]) => nearestSetters(from, definitions).map((s) => s.policy.description);

      it("is the definition whose file shares the longest directory prefix, identical copies counted once", () => {
        expect(nearest("clusters/prod/podinfo/deploy.yaml")).toEqual(["semver 5.0.x"]);
        expect(nearest("clusters/staging/podinfo/deploy.yaml")).toEqual(["semver 5.1.x"]);
      });

      it("compares whole directory names: clusters/prod-eu is no nearer to clusters/prod than clusters/staging is", () => {
        expect(nearest("clusters/prod-eu/podinfo/deploy.yaml")).toEqual(["semver 5.0.x", "semver 5.1.x"]);
      });

      it("is every different definition that is equally near: a tie", () => {
        expect(nearest("apps/podinfo/deploy.yaml")).toEqual(["semver 5.0.x", "semver 5.1.x"]);
        expect(nearest("clusters/prod/flux-system/automation.yaml", "clusters/staging/flux-system/automation.yaml")).toEqual(["semver 5.0.x", "semver 5.1.x"]);
      });
    });
  });

  describe("ImageUpdateAutomation", () => {
    const automation = (update: string) => `apiVersion: image.toolkit.fluxcd.io/v1beta1
kind: ImageUpdateAutomation
metadata:
  name: apps
spec:
  interval: 30m
  suspend: true${update}
`;

    it("reads the namespace and spec.update.path from the root, suspended or not, with where it is", () => {
      const { automations, warnings } = fluxSetters([
        { file: "clusters/staging/flux-system/automation.yaml", text: automation("\n  update:\n    path: ./apps/staging/\n    strategy: Setters") },
      ]);
      expect([automations, warnings]).toEqual([
        [
          {
            id: "flux-system/apps",
            namespace: "flux-system",
            path: "apps/staging",
            treePath: "apps/staging",
            file: "clusters/staging/flux-system/automation.yaml",
            line: 1,
          },
        ],
        [],
      ]);
    });

    it("updates the whole repository without spec.update.path, and never above it (Flux's SecureJoin)", () => {
      const paths = [automation(""), automation("\n  update:\n    path: ../../apps")].map(
        (text) => fluxSetters([{ file: "a.yaml", text }]).automations[0]!.path,
      );
      expect(paths).toEqual(["", "apps"]);
    });

    it("says of one not suspended that it commits to the same markers, at its spec.suspend or else at the object, where a run changes a file under its path", () => {
      const running = (text: string) => fluxSetters([{ file: "clusters/prod/automation.yaml", text }]);
      const said =
        "ImageUpdateAutomation flux-system/apps is not suspended: Flux's controller and gitops-promote would both commit to the markers under ./apps/prod; set spec.suspend: true here, or remove the object (its ImagePolicy and ImageRepository objects stay)";
      const unsuspended = running(automation("\n  update:\n    path: ./apps/prod").replace("suspend: true", "suspend: false"));
      expect(runningAutomations(unsuspended.automations, ["apps/prod/d.yaml"])).toEqual([
        { file: "clusters/prod/automation.yaml", line: 7, message: said, aside: true },
      ]);
      const absent = running(automation("\n  update:\n    path: ./apps/prod").replace("  suspend: true\n", ""));
      expect(runningAutomations(absent.automations, ["apps/prod/d.yaml"])).toEqual([
        { file: "clusters/prod/automation.yaml", line: 1, message: said, aside: true },
      ]);
      // Its path still scopes the markers; a run that changes nothing under it races it nowhere, and one suspended never.
      expect(absent.automations.map((a) => a.path)).toEqual(["apps/prod"]);
      expect([absent.warnings, runningAutomations(absent.automations, ["apps/staging/d.yaml"])]).toEqual([[], []]);
      expect(runningAutomations(running(automation("\n  update:\n    path: ./apps/prod")).automations, ["apps/prod/d.yaml"])).toEqual([]);
    });

    it("reads spec.policySelector, and selects an ImagePolicy by its metadata.labels; {} narrows nothing", () => {
      const labelled = PODINFO.replace(
        "  name: podinfo\n  namespace: flux-system\nspec:\n  imageRepositoryRef",
        "  name: podinfo\n  namespace: flux-system\n  labels: {env: prod}\nspec:\n  imageRepositoryRef",
      );
      const selecting = (selector: string) =>
        fluxSetters([
          { file: "flux-system/images.yaml", text: labelled },
          { file: "flux-system/automation.yaml", text: automation(`\n  policySelector: ${selector}\n  update:\n    path: ./apps`) },
        ]);
      const prod = selecting("{matchLabels: {env: prod}}");
      const [policy] = prod.setters.get("flux-system:podinfo")!;
      expect([policy!.labels, prod.automations[0]!.policySelector, prod.warnings]).toEqual([
        { env: "prod" },
        { selector: [{ key: "env", operator: "In", values: ["prod"] }], text: "env=prod", line: 8 },
        [],
      ]);
      expect(selectsPolicy(prod.automations[0]!, policy!)).toBe(true);
      const staging = selecting("{matchLabels: {env: staging}}");
      expect(selectsPolicy(staging.automations[0]!, staging.setters.get("flux-system:podinfo")![0]!)).toBe(false);
      expect(selecting("{}").automations[0]!.policySelector).toBeUndefined();
    });

    it("refuses a spec.policySelector Kubernetes refuses, at the field, and keeps the automation selecting nothing", () => {
      const text = automation("\n  policySelector:\n    matchExpressions:\n      - {key: env, operator: Equals, values: [prod]}\n  update:\n    path: ./apps");
      const { setters, automations, warnings } = fluxSetters([
        { file: "flux-system/images.yaml", text: PODINFO },
        { file: "flux-system/automation.yaml", text },
      ]);
      expect(warnings).toEqual([
        {
          file: "flux-system/automation.yaml",
          line: 10,
          message:
            'ImageUpdateAutomation flux-system/apps: spec.policySelector.matchExpressions[0].operator: "Equals" is not a valid operator: In, NotIn, Exists or DoesNotExist; Flux\'s controller refuses the selector and sets no marker, so none is set under ./apps by it',
        },
      ]);
      expect([automations[0]!.path, automations[0]!.policySelector?.line, selectsPolicy(automations[0]!, setters.get("flux-system:podinfo")![0]!)]).toEqual([
        "apps",
        8,
        false,
      ]);
    });

    it("names a refused label of a policySelector by a path that keeps its dotted key whole", () => {
      const text = automation('\n  policySelector:\n    matchLabels: {app.kubernetes.io/part-of: "shop!"}\n  update:\n    path: ./apps');
      const { warnings } = fluxSetters([{ file: "flux-system/automation.yaml", text }]);
      expect(warnings.map((w) => w.message)).toEqual([
        "ImageUpdateAutomation flux-system/apps: spec.policySelector.matchLabels[\"app.kubernetes.io/part-of\"]: \"shop!\" is not a valid label value: a label value is at most 63 letters, digits, '-', '_' or '.', beginning and ending with a letter or digit; Flux's controller refuses the selector and sets no marker, so none is set under ./apps by it",
      ]);
    });

    it("updates the files of a tree below the repository's root by their path from that root, as Flux reads its update path", () => {
      const read = (treeRoot: string) =>
        fluxSetters([{ file: "a.yaml", text: automation("\n  update:\n    path: ./clusters/staging") }], treeRoot).automations[0]!;
      const updated = (treeRoot: string) => ["staging/d.yaml", "prod/d.yaml", "d.yaml"].filter((file) => updatesFile(read(treeRoot), file));
      // The tree is clusters/: its staging/ is Flux's clusters/staging; the path Flux spells stays for messages.
      expect([read("clusters").path, updated("clusters")]).toEqual(["clusters/staging", ["staging/d.yaml"]]);
      // A tree inside the update path is all updated; one beside it, none.
      expect([updated("clusters/staging/apps"), updated("clusters/staging"), updated("apps"), updated("clusters/staging-old")]).toEqual([
        ["staging/d.yaml", "prod/d.yaml", "d.yaml"],
        ["staging/d.yaml", "prod/d.yaml", "d.yaml"],
        [],
        [],
      ]);
    });

    it("updates the files under its path", () => {
      const [staging] = fluxSetters([{ file: "a.yaml", text: automation("\n  update:\n    path: ./apps/staging") }]).automations;
      expect(["apps/staging/d.yaml", "apps/staging/x/d.yaml", "apps/staging-old/d.yaml", "apps/d.yaml"].map((file) => updatesFile(staging!, file))).toEqual([
        true,
        true,
        false,
        false,
      ]);
    });
  });

  describe("warnings, with file and line", () => {
    it("an ImagePolicy whose repository is missing", () => {
      const text = PODINFO.split("---\n")[2]!;
      expect(setterSummary([{ file: "clusters/policy.yaml", text }])).toEqual({
        setters: {},
        warnings: [
          {
            file: "clusters/policy.yaml",
            line: 1,
            message: "ImagePolicy flux-system/podinfo: ImageRepository flux-system/podinfo not found; markers for flux-system:podinfo are not mapped",
          },
        ],
      });
    });

    it("an invalid policy, at the line of the field", () => {
      const text = PODINFO.replace("range: 5.0.x", 'range: "5.0.0p"');
      expect(setterSummary([{ file: "p.yaml", text }]).warnings).toEqual([
        {
          file: "p.yaml",
          line: 21,
          message: 'ImagePolicy flux-system/podinfo: spec.policy.semver.range: invalid range "5.0.0p"; markers for flux-system:podinfo are not mapped',
        },
      ]);
    });

    it("an invalid filterTags pattern", () => {
      const text = PODINFO.replace("  policy:\n", "  filterTags:\n    pattern: '^(?<=x)'\n  policy:\n");
      expect(setterSummary([{ file: "p.yaml", text }]).warnings).toEqual([
        {
          file: "p.yaml",
          line: 20,
          message:
            'ImagePolicy flux-system/podinfo: spec.filterTags.pattern: invalid regular expression "^(?<=x)": invalid or unsupported Perl syntax "(?<"; markers for flux-system:podinfo are not mapped',
        },
      ]);
    });

    it("a repository image with a tag, and the policy left without it", () => {
      const text = PODINFO.replace("image: ghcr.io/stefanprodan/podinfo", "image: ghcr.io/stefanprodan/podinfo:5.0.0");
      expect(setterSummary([{ file: "p.yaml", text }]).warnings).toEqual([
        {
          file: "p.yaml",
          line: 8,
          message: 'ImageRepository flux-system/podinfo: spec.image "ghcr.io/stefanprodan/podinfo:5.0.0" must name a repository without tag or digest',
        },
        {
          file: "p.yaml",
          line: 11,
          message: "ImagePolicy flux-system/podinfo: ImageRepository flux-system/podinfo not found; markers for flux-system:podinfo are not mapped",
        },
      ]);
    });

    it("an ImagePolicy between two different ImageRepository objects of its name, equally near it", () => {
      const [repository, policy] = PODINFO.split("---\n").slice(1);
      const other = repository!.replace("ghcr.io/stefanprodan/podinfo", "docker.io/stefanprodan/podinfo");
      expect(
        setterSummary([
          { file: "flux/a.yaml", text: repository! },
          { file: "flux/b.yaml", text: other },
          { file: "clusters/prod/policy.yaml", text: policy! },
        ]).warnings,
      ).toEqual([
        {
          file: "clusters/prod/policy.yaml",
          line: 1,
          message:
            "ImagePolicy flux-system/podinfo: ImageRepository flux-system/podinfo defined differently at flux/a.yaml:1 and flux/b.yaml:1, equally near it; markers for flux-system:podinfo are not mapped",
        },
      ]);
    });

    it("a file of YAML aliases past the limit (billion laughs), while other files' objects are read", () => {
      const levels = Array.from({ length: 9 }, (_, i) => `  a${i + 1}: &a${i + 1} [${Array(9).fill(`*a${i}`).join(", ")}]\n`).join("");
      const bomb = `apiVersion: image.toolkit.fluxcd.io/v1\nkind: ImagePolicy\nmetadata: {name: app}\nspec:\n  a0: &a0 [lol, lol]\n${levels}`;
      expect(
        setterSummary([
          { file: "clusters/bomb.yaml", text: bomb },
          { file: "flux/podinfo.yaml", text: PODINFO },
        ]),
      ).toEqual({
        setters: {
          "flux-system:podinfo": [
            { name: "ghcr.io/stefanprodan/podinfo", repository: "ghcr.io/stefanprodan/podinfo", policy: "semver 5.0.x", at: "flux/podinfo.yaml:11" },
          ],
        },
        warnings: [
          {
            file: "clusters/bomb.yaml",
            line: 1,
            message: "YAML aliases not expanded (Excessive alias count indicates a resource exhaustion attack); Flux objects in it are ignored",
          },
        ],
      });
    });

    it("a document repeating a key is refused, not read by its last value, and still blanked where a run looks for the image", () => {
      const text = PODINFO.replace("      range: 5.0.x\n", "      range: 5.0.x\n    semver:\n      range: 6.0.x\n");
      expect(setterSummary([{ file: "flux/podinfo.yaml", text }])).toEqual({
        setters: {},
        warnings: [
          {
            file: "flux/podinfo.yaml",
            line: 22,
            message: "not valid YAML (Map keys must be unique at line 22, column 5:); Flux objects in it are ignored",
          },
        ],
      });
      expect(withoutFluxImageObjects(text)).toBe(text.replace(/[^\n]/g, " "));
    });

    it("a file that is not YAML (a Helm template)", () => {
      const text = "apiVersion: image.toolkit.fluxcd.io/v1\nkind: ImagePolicy\nmetadata:\n  name: {{ .Values.name }\n";
      const { warnings } = fluxSetters([{ file: "charts/app/templates/policy.yaml", text }]);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatchObject({ file: "charts/app/templates/policy.yaml", line: 4 });
      expect(warnings[0]!.message).toMatch(/^not valid YAML \(.+\); Flux objects in it are ignored$/);
    });
  });
});

describe("withoutFluxImageObjects: a file as it deploys, without the Flux objects that name a repository to scan", () => {
  const deployment = "---\napiVersion: apps/v1\nkind: Deployment\nspec:\n  image: ghcr.io/stefanprodan/podinfo:5.0.0\n";

  it("blanks every ImageRepository and ImagePolicy document, keeping each line and offset, and leaves the other documents as they are", () => {
    const text = PODINFO + deployment;
    const kept = withoutFluxImageObjects(text);
    expect(kept.length).toBe(text.length);
    expect(kept.slice(text.length - deployment.length)).toBe(deployment);
    // Only spaces, line breaks and document markers are left of the Flux objects.
    expect(kept.slice(0, PODINFO.length).split("\n")).toHaveLength(PODINFO.split("\n").length);
    expect(kept.slice(0, PODINFO.length)).toMatch(/^[ \n-]*$/);
  });

  it("blanks a file fluxSetters has read as it blanks one it has not: the run's second reading of it reuses the first's parse", () => {
    const text = deployment + PODINFO + deployment.replace("5.0.0", "5.0.1") + PODINFO.replaceAll("podinfo", "other");
    const fresh = withoutFluxImageObjects(text);
    expect(fresh.split("\n").filter((line) => line.trim() !== "" && line !== "---")).toEqual([
      ...deployment.split("\n").slice(1, -1),
      ...deployment.replace("5.0.0", "5.0.1").split("\n").slice(1, -1),
    ]);
    fluxSetters([{ file: "clusters/prod/images.yaml", text }]);
    expect(withoutFluxImageObjects(text)).toBe(fresh);
  });

  it("reads a file starting with a byte order mark as fluxSetters does, the mark no column: a space after it indents the first line", () => {
    const repository = "apiVersion: image.toolkit.fluxcd.io/v1\nkind: ImageRepository\nmetadata:\n  name: app\nspec:\n  image: ghcr.io/acme/app\n";
    const valid = [`\uFEFF${repository}`, `\uFEFF${repository.replace(/^(?=.)/gm, "  ")}`];
    expect(valid.map((text) => withoutFluxImageObjects(text).includes("ghcr.io"))).toEqual([false, false]);
    // A space after the mark makes no valid YAML (Flux ignores the file): its object is its first line alone, as fluxSetters reads it.
    for (const text of [...valid, `\uFEFF ${repository}`]) {
      const fresh = withoutFluxImageObjects(text);
      fluxSetters([{ file: "clusters/prod/images.yaml", text }]);
      expect(withoutFluxImageObjects(text)).toBe(fresh);
    }
  });

  it("keeps a text with no Flux image object, and a document of another API group naming the repository", () => {
    expect(withoutFluxImageObjects(deployment)).toBe(deployment);
    const other = "# see image.toolkit.fluxcd.io/v1\napiVersion: example.com/v1\nkind: ImageRepository\nspec: {image: ghcr.io/stefanprodan/podinfo}\n";
    expect(withoutFluxImageObjects(other)).toBe(other);
  });
});
