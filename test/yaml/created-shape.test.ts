/** What --create must not write: a field in a shape its reader refuses (a kustomization's list as a mapping), and a list item. */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { actionFieldName } from "../support/faces.js";
import { kustomize, withKubectl } from "../support/kubectl.js";
import { tempDir } from "../support/temp.js";
import { createdShapeError, kustomizeString, noListItem } from "../../src/yaml/created-shape.js";
import { YamlFile } from "../../src/yaml/file.js";
import { parsePath } from "../../src/yaml/path.js";
import { setYamlPath } from "../../src/yaml/path.js";

const document = (text: string) => new YamlFile(text).documents[0]!;
const shapeError = (text: string, file: string | undefined, path: string, from = 0) => createdShapeError(document(text), file, parsePath(path), from);

describe("createdShapeError", () => {
  it.each([
    ["images.newTag", "kustomize reads images in a kustomization as a list and refuses the file with it written as a mapping (images: {newTag: …})"],
    ["images", "kustomize reads images in a kustomization as a list and refuses the file with it written as a single value (images: …)"],
    ["replicas.count", "kustomize reads replicas in a kustomization as a list"],
    ["namespace.name", "kustomize reads namespace in a kustomization as a string"],
    ["commonLabels.app.name", "kustomize reads commonLabels.app in a kustomization as a string"],
    ["newTag", `kustomize reads no field 'newTag' in a kustomization and refuses one it does not know (unknown field "newTag")`],
  ])("refuses %s in a kustomization.yaml that has neither apiVersion nor kind", (path, why) => {
    expect(shapeError("namespace: prod\n", "apps/production/kustomization.yaml", path)).toContain(why);
  });

  it("tells a kustomization as kustomize does: by kind, by its file's name, or by its fields where the name is not known", () => {
    const images = "images.newTag";
    expect(shapeError("kind: Kustomization\n", "deploy.yaml", images)).toBeDefined();
    expect(shapeError("namespace: prod\n", "Kustomization", images)).toBeDefined();
    expect(shapeError("resources: [../base]\n", undefined, images)).toBeDefined();
    // A values file may hold any of these as a mapping, and a Flux Kustomization's are under spec.
    expect(shapeError("namespace: prod\n", "values.yaml", images)).toBeUndefined();
    expect(shapeError("resources: {limits: {cpu: 1}}\n", undefined, images)).toBeUndefined();
    expect(shapeError("apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\n", undefined, "images.newTag")).toBeUndefined();
  });

  it("leaves what kustomize reads in the shape created: a label, the namespace, a mapping's key", () => {
    for (const path of ["commonLabels.app", "namespace", "sortOptions.order", "metadata.name"]) {
      expect(shapeError("resources: [../base]\n", "kustomization.yaml", path)).toBeUndefined();
    }
  });

  it("refuses a pod spec's container list created as a mapping in a Kubernetes object, with what to write instead", () => {
    const deployment = "apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec: {}\n";
    expect(shapeError(deployment, "deploy.yaml", "spec.template.spec.containers.image", 3)).toBe(
      "spec.template.spec.containers is a list of containers in a Kubernetes Deployment (a pod spec's), which the API server refuses as anything else, " +
        "so it is not created as a mapping (containers: {image: …}); write the container by hand (containers: [{name: NAME, image: IMAGE}]), " +
        "or set one it holds by index (spec.template.spec.containers[0].image)",
    );
    expect(shapeError(deployment, "deploy.yaml", "spec.template.spec.initContainers.image", 3)).toContain("initContainers is a list of containers");
    // Only a key create adds counts, and only in an object: a Helm values file's `spec.containers` is its chart's to read.
    expect(shapeError(deployment, "deploy.yaml", "spec.template.spec.containers.image", 4)).toBeUndefined();
    expect(shapeError("spec: {}\n", "values.yaml", "spec.containers.image")).toBeUndefined();
  });

  it("refuses a pod spec's or a container's other lists created as a mapping or a single value, with the item to write", () => {
    const deployment = "apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n      - {name: app, image: nginx}\n";
    const container = "spec.template.spec.containers[0]";
    expect(shapeError(deployment, "deploy.yaml", `${container}.env.FOO`, 5)).toBe(
      `${container}.env is a list of environment variables in a Kubernetes Deployment (a container's), which the API server refuses as anything else, ` +
        `so it is not created as a mapping (env: {FOO: …}); write the variable by hand (env: [{name: NAME, value: VALUE}]), ` +
        `or set one it holds by index (${container}.env[0].value)`,
    );
    expect(shapeError(deployment, "deploy.yaml", `${container}.args`, 5)).toContain(
      "args is a list of strings in a Kubernetes Deployment (a container's), which the API server refuses as anything else, so it is not created as a single value (args: …); " +
        `write the argument by hand (args: [ARG]), or set one it holds by index (${container}.args[0])`,
    );
    for (const field of ["envFrom.configMapRef", "ports.containerPort", "volumeMounts.mountPath", "command"]) {
      expect(shapeError(deployment, "deploy.yaml", `${container}.${field}`, 5)).toContain("(a container's), which the API server refuses");
    }
    for (const field of ["volumes.name", "imagePullSecrets.name", "imagePullSecrets", "tolerations.key"]) {
      expect(shapeError(deployment, "deploy.yaml", `spec.template.spec.${field}`, 3)).toContain("(a pod spec's), which the API server refuses");
    }
    // A container's list in a pod spec, a pod spec's in a container, and any of them in a values file are not Kubernetes' to read.
    expect(shapeError(deployment, "deploy.yaml", "spec.template.spec.env.FOO", 3)).toBeUndefined();
    expect(shapeError(deployment, "deploy.yaml", `${container}.volumes.name`, 5)).toBeUndefined();
    expect(shapeError("containers: [{name: app}]\n", "values.yaml", "containers[0].env.FOO", 2)).toBeUndefined();
  });

  it("refuses a pod spec's lists only where the path is a pod spec: a workload's, or a pod template's in another kind", () => {
    // A custom resource's spec is its CRD's: spec.volumes may be a mapping of its own, which its API server takes.
    const database = "apiVersion: example.com/v1\nkind: MyDatabase\nspec:\n  storageClass: fast\n";
    expect(shapeError(database, "cr.yaml", "spec.volumes.data.size", 1)).toBeUndefined();
    expect(setYamlPath(database, "spec.volumes.data.size", "2Gi", { create: true, file: "cr.yaml" }).text).toBe(
      "apiVersion: example.com/v1\nkind: MyDatabase\nspec:\n  storageClass: fast\n  volumes:\n    data:\n      size: 2Gi\n",
    );
    for (const field of ["tolerations.key", "imagePullSecrets.name", "containers.app.image"]) {
      expect(shapeError(database, "cr.yaml", `spec.${field}`, 1)).toBeUndefined();
    }
    const withContainers = "apiVersion: example.com/v1\nkind: MyDatabase\nspec:\n  containers: [{name: db}]\n";
    expect(shapeError(withContainers, "cr.yaml", "spec.containers[0].env.FOO", 3)).toBeUndefined();
    // A workload's pod spec is where its kind holds it, and there alone.
    const workloads = [
      ["apiVersion: apps/v1\nkind: Deployment\nspec: {}\n", "spec.template.spec"],
      ["apiVersion: v1\nkind: Pod\nspec: {}\n", "spec"],
      ["apiVersion: batch/v1\nkind: CronJob\nspec: {}\n", "spec.jobTemplate.spec.template.spec"],
      // Another kind's pod template (an Argo Rollout's) is read as a pod spec wherever it is.
      ["apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nspec: {}\n", "spec.template.spec"],
    ];
    for (const [text, podSpec] of workloads) {
      expect(shapeError(text!, "deploy.yaml", `${podSpec}.volumes.data.size`, 1)).toContain("(a pod spec's), which the API server refuses");
      expect(shapeError(text!, "deploy.yaml", `${podSpec}.containers[0].env.FOO`, podSpec!.split(".").length + 2)).toContain("(a container's)");
    }
    const deployment = workloads[0]![0]!;
    expect(shapeError(deployment, "deploy.yaml", "spec.volumes.data.size", 1)).toBeUndefined();
    expect(shapeError(deployment, "deploy.yaml", "spec.template.volumes.data.size", 1)).toBeUndefined();
  });

  // The oracle: each path refused is one kustomize refuses once written; each created, one it renders. A pod spec's or a
  // container's lists are not in it: kubectl kustomize renders `env: {FOO: bar}` as written (it does not check a resource
  // against the API's types); the API server is what refuses them.
  withKubectl("refuses exactly what kubectl kustomize refuses once written", async () => {
    const dir = await tempDir("gp-created-shape-");
    await mkdir(join(dir, "base"));
    await writeFile(join(dir, "base", "kustomization.yaml"), "resources: [cm.yaml]\n");
    await writeFile(join(dir, "base", "cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n");
    const text = "resources: [base]\n";
    const renders = async (kustomization: string) => {
      await writeFile(join(dir, "kustomization.yaml"), kustomization);
      try {
        kustomize(dir);
        return true;
      } catch {
        return false;
      }
    };
    const paths = [
      "images.newTag",
      "buildMetadata.x",
      "replicas.count",
      "patches.path",
      "components.x",
      "labels.app",
      "newTag",
      "namespace.x",
      "commonLabels.app.x",
    ];
    for (const path of [...paths, "commonLabels.app", "namespace", "sortOptions.order"]) {
      const refused = shapeError(text, "kustomization.yaml", path) !== undefined;
      // As create wrote it before, and still writes it in a file no tool reads as a kustomization.
      const written = setYamlPath(text, path, "legacy", { create: true, file: "values.yaml" }).text;
      expect([path, await renders(written)]).toEqual([path, !refused]);
    }
    // kustomize refuses `app: 3` (map[string]string): a label, an annotation or the namespace given unquoted is written
    // as a string, created or set over a null, which would otherwise keep a number or boolean one.
    const strings = [
      [text, "commonLabels.app"],
      ["resources: [base]\ncommonLabels: {app: ~}\n", "commonLabels.app"],
      ["resources: [base]\ncommonAnnotations:\n  note:\n", "commonAnnotations.note"],
      ["resources: [base]\nlabels:\n- pairs: {app: ~}\n", "labels[0].pairs.app"],
      ["resources: [base]\nnamespace:\n", "namespace"],
    ] as const;
    for (const [holding, path] of strings) {
      for (const value of ["3", "true"]) {
        const written = setYamlPath(holding, path, value, { create: true, typed: true, file: "kustomization.yaml" }).text;
        expect([written, await renders(written)]).toEqual([written, true]);
      }
    }
  });
});

describe("kustomizeString", () => {
  it("says why kustomize reads a field as a string: a string field, a key of a map of strings, a labels entry's pair", () => {
    const kustomization = "resources: [../base]\n";
    expect(kustomizeString(document(kustomization), "kustomization.yaml", parsePath("commonLabels.app"))).toBe(
      "kustomize reads commonLabels.app in a kustomization as a string",
    );
    for (const path of ["commonAnnotations.note", "openapi.path", "labels[0].pairs.app", "namespace", "namePrefix"]) {
      expect(kustomizeString(document(kustomization), "kustomization.yaml", parsePath(path))).toBeDefined();
    }
    // The maps themselves, a replica count, and a values file's or a Flux Kustomization's fields are read otherwise.
    for (const path of ["commonLabels", "labels[0].pairs", "replicas[0].count", "labels[0].includeSelectors"]) {
      expect(kustomizeString(document(kustomization), "kustomization.yaml", parsePath(path))).toBeUndefined();
    }
    expect(kustomizeString(document("commonLabels: {}\n"), "values.yaml", parsePath("commonLabels.app"))).toBeUndefined();
    const flux = "apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\n";
    expect(kustomizeString(document(flux), "flux.yaml", parsePath("namespace"))).toBeUndefined();
  });
});

describe("noListItem", () => {
  it("says create adds no list item, and for a kustomization's images how the entry is added", () => {
    const path = parsePath("images[0].newTag");
    expect(noListItem(document("resources: [../base]\n"), "kustomization.yaml", path, 0, actionFieldName)).toBe(
      "create: true adds no list item: add the entry with kustomize edit set image NAME=NEW_NAME:TAG in the kustomization's directory, " +
        "or by hand (images: [{name: IMAGE, newTag: TAG}]); then images: NEW_NAME:TAG moves it, as does the path images[0].newTag",
    );
    expect(noListItem(document("spec: {}\n"), "values.yaml", parsePath("spec.env[0].value"), 1)).toBe(
      "--create adds no list item: write the item of spec.env by hand, then set its field by index",
    );
    expect(noListItem(document("spec: {}\n"), "values.yaml", parsePath("spec.env.value"), 1)).toBeUndefined();
  });
});
