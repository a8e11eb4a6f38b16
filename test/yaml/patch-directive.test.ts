/** A strategic merge's `$patch:` directive: what `$patch: delete` removes is left by every editor. */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { editYaml } from "../../src/yaml/editor.js";
import { tryYamlFile } from "../../src/yaml/file.js";
import { deletesKey } from "../../src/yaml/patch-directive.js";
import { forEachValue } from "../../src/yaml/walk.js";
import { kustomize, withKubectl } from "../support/kubectl.js";
import { tempDir } from "../support/temp.js";
import { withImages, withSetters } from "./helpers.js";

const DEPLOYMENT = (containers: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n${containers}`;
/** A patch deleting the web container (its image written beside the directive) and setting the side container's image. */
const PATCH = DEPLOYMENT(
  "        - name: web\n          $patch: delete\n          image: ghcr.io/acme/web:1.0.0\n        - name: side\n          image: ghcr.io/acme/side:1.0.0\n",
);
const IMAGES = withImages("ghcr.io/acme/web:1.1.0", "ghcr.io/acme/side:1.1.0");
const HELM = (image: string) => `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: podinfo\nspec:\n  values:\n    image:\n${image}`;
const PAIR = "      registry: ghcr.io\n      repository: stefanprodan/podinfo\n      tag: 6.0.0\n";

describe("leaveDeleted: what a strategic merge's `$patch: delete` removes is no editor's", () => {
  it("leaves a container so marked, and edits the one beside it", () => {
    const { changes, text } = editYaml(PATCH, IMAGES);
    expect(changes.map((c) => [c.key, c.new])).toEqual([["spec.template.spec.containers[1].image", "ghcr.io/acme/side:1.1.0"]]);
    expect(text).toContain("image: ghcr.io/acme/web:1.0.0");
  });

  it("leaves a Helm pair beside the directive, in a patch file and in an inline patch; one beside `$patch: replace` is edited", () => {
    const podinfo = withImages("ghcr.io/stefanprodan/podinfo:6.1.0");
    expect(editYaml(HELM(`      $patch: delete\n${PAIR}`), podinfo).changes).toEqual([]);
    const inline = `resources:\n  - ../base\npatches:\n  - patch: |\n${HELM(`      $patch: delete\n${PAIR}`).replace(/^/gm, "      ")}`;
    expect(editYaml(inline, podinfo).changes).toEqual([]);
    expect(editYaml(HELM(`      $patch: replace\n${PAIR}`), podinfo).changes.map((c) => c.new)).toEqual(["6.1.0"]);
  });

  it("leaves a field a Flux setter marker marks beside the directive, as one the image rules would edit: kustomize deploys neither", () => {
    const marked = (line: string) => `${line} # {"$imagepolicy": "flux-system:podinfo:tag"}\n`;
    const podinfo = withSetters({ "flux-system:podinfo": "ghcr.io/stefanprodan/podinfo:6.1.0" });
    const deleted = HELM(`      $patch: delete\n      repository: ghcr.io/stefanprodan/podinfo\n${marked("      tag: 6.0.0")}`);
    expect(editYaml(deleted, podinfo)).toEqual({ text: deleted, changes: [], warnings: [] });
    const web = PATCH.replace("image: ghcr.io/acme/web:1.0.0\n", marked("image: ghcr.io/acme/web:1.0.0").replace("podinfo:tag", "web"));
    expect(editYaml(web, withSetters({ "flux-system:web": "ghcr.io/acme/web:1.1.0" })).changes).toEqual([]);
    // Beside `$patch: replace` the field is deployed, and set.
    expect(editYaml(deleted.replace("delete", "replace"), podinfo).changes.map((c) => [c.key, c.new])).toEqual([["flux-system:podinfo:tag", "6.1.0"]]);
  });

  it("reads the directive in a custom resource's list item as kustomize does, not at all: the patch's list replaces the resource's whole, item and image included", () => {
    const rollout = PATCH.replace("apps/v1", "argoproj.io/v1alpha1").replace("Deployment", "Rollout");
    expect(editYaml(rollout, IMAGES).changes.map((c) => c.new)).toEqual(["ghcr.io/acme/web:1.1.0", "ghcr.io/acme/side:1.1.0"]);
    const sidecar = HELM(PAIR).replace(
      "    image:\n",
      "    sidecars:\n      - name: web\n        $patch: delete\n        image: ghcr.io/acme/web:1.0.0\n    image:\n",
    );
    expect(editYaml(sidecar, IMAGES).changes.map((c) => c.key)).toEqual(["spec.values.sidecars[0].image"]);
    // In a custom resource's mapping, not a list item, kustomize honours it (a HelmRelease's image, above).
  });

  it("reads the directive deeper inside a custom resource's list item not at all either: the item is rendered as written, its pair and all", () => {
    // kubectl kustomize renders sidecars[0] as the patch writes it, `image: {$patch: delete, repository, tag}` included.
    const nested = HELM(PAIR).replace(
      "    image:\n",
      "    sidecars:\n      - name: web\n        image:\n          $patch: delete\n          repository: ghcr.io/acme/web\n          tag: 1.0.0\n    image:\n",
    );
    expect(editYaml(nested, IMAGES).changes.map((c) => [c.key, c.new])).toEqual([["spec.values.sidecars[0].image.tag", "1.1.0"]]);
    // In a built-in kind's list item kustomize knows the schema below it too: a mapping so marked there is deleted, and left.
    const resources = PATCH.replace(
      "          $patch: delete\n",
      "          resources:\n            $patch: delete\n            image: ghcr.io/acme/web:1.0.0\n",
    );
    expect(editYaml(resources, IMAGES).changes.map((c) => c.key)).toEqual(["spec.template.spec.containers[0].image", "spec.template.spec.containers[1].image"]);
  });

  it("reads YAML's null as deleting its key where kustomize merges: in any kind's mapping, in a list item of a built-in kind's alone", () => {
    /** The paths of the keys a patch's nulls delete. */
    const deleted = (text: string) => {
      const root = tryYamlFile(text)!.documents[0]!.root;
      const paths: string[] = [];
      forEachValue(root, ({ node, path }) => {
        if (deletesKey(root, node, path)) paths.push(path.join("."));
      });
      return paths;
    };
    const nulls = "      tag: null\n      digest: ~\n      pullPolicy:\n      registry: 'null'\n      repository: !!str null\n";
    expect(deleted(HELM(nulls))).toEqual(["spec.values.image.tag", "spec.values.image.digest", "spec.values.image.pullPolicy"]);
    expect(deleted(DEPLOYMENT("        - name: web\n          image: ~\n"))).toEqual(["spec.template.spec.containers.0.image"]);
    // kubectl kustomize renders a custom resource's list as the patch writes it, `tag: null` included.
    expect(deleted(HELM("      tag: 1.0.0\n").replace("    image:\n", "    sidecars:\n      - name: web\n        tag: null\n    image:\n"))).toEqual([]);
  });

  withKubectl("is what kubectl kustomize renders for a custom resource's list item: the item as the patch writes it", async () => {
    const dir = await tempDir("gp-patch-delete-cr-");
    const cr = (containers: string) => DEPLOYMENT(containers).replace("apps/v1", "argoproj.io/v1alpha1").replace("Deployment", "Rollout");
    await mkdir(join(dir, "base"));
    await mkdir(join(dir, "overlay"));
    await writeFile(join(dir, "base/kustomization.yaml"), "resources:\n  - rollout.yaml\n");
    await writeFile(join(dir, "base/rollout.yaml"), cr("        - name: web\n          image: ghcr.io/acme/web:1.0.0\n"));
    await writeFile(join(dir, "overlay/kustomization.yaml"), "resources:\n  - ../base\npatches:\n  - path: patch.yaml\n");
    const patch = PATCH.replace("apps/v1", "argoproj.io/v1alpha1").replace("Deployment", "Rollout");
    await writeFile(join(dir, "overlay/patch.yaml"), editYaml(patch, IMAGES).text);
    const rendered = parse(kustomize(join(dir, "overlay"))) as { spec: { template: { spec: { containers: { image: string }[] } } } };
    expect(rendered.spec.template.spec.containers.map((c) => c.image)).toEqual(["ghcr.io/acme/web:1.1.0", "ghcr.io/acme/side:1.1.0"]);
  });

  withKubectl("is what kubectl kustomize renders: no such container, the one beside it as edited", async () => {
    const dir = await tempDir("gp-patch-delete-");
    const base = DEPLOYMENT("        - name: web\n          image: ghcr.io/acme/web:1.0.0\n        - name: side\n          image: ghcr.io/acme/side:1.0.0\n");
    await mkdir(join(dir, "base"));
    await mkdir(join(dir, "overlay"));
    await writeFile(join(dir, "base/kustomization.yaml"), "resources:\n  - deployment.yaml\n");
    await writeFile(join(dir, "base/deployment.yaml"), base);
    await writeFile(join(dir, "overlay/kustomization.yaml"), "resources:\n  - ../base\npatches:\n  - path: patch.yaml\n");
    await writeFile(join(dir, "overlay/patch.yaml"), editYaml(PATCH, IMAGES).text);
    const rendered = parse(kustomize(join(dir, "overlay"))) as { spec: { template: { spec: { containers: unknown } } } };
    expect(rendered.spec.template.spec.containers).toEqual([{ name: "side", image: "ghcr.io/acme/side:1.1.0" }]);
  });
});
