/** Helm values no editor reaches (a ConfigMap's values.yaml string, a k3s HelmChart's valuesContent and spec.set): named, never edited. */
import { describe, expect, it } from "vitest";
import { planUpdate } from "../../src/engine/plan.js";
import { memorySource } from "../../src/engine/source.js";
import { editYaml } from "../../src/yaml/editor.js";
import { withImages } from "./helpers.js";

const configMap = `apiVersion: v1
kind: ConfigMap
metadata: {name: app-values}
data:
  values.yaml: |
    image:
      repository: ghcr.io/acme/app
      tag: 1.0.0
`;

const helmChart = (spec: string) => `apiVersion: helm.cattle.io/v1
kind: HelmChart
metadata: {name: app, namespace: kube-system}
spec:
  chart: app
${spec}`;

describe("warnValuesStrings", () => {
  it("names a Helm pair in a ConfigMap's values.yaml, which a Flux HelmRelease's valuesFrom reads, and leaves the string as it is", () => {
    const { text, changes, warnings } = editYaml(configMap, withImages("ghcr.io/acme/app:1.1.0"));
    expect([text, changes]).toEqual([configMap, []]);
    expect(warnings).toEqual([
      {
        line: 5,
        message:
          'data["values.yaml"] is a string, which is not edited: image.tag in it keeps its old image; give those values where they are edited (a HelmRelease\'s spec.values, a values file) (--set can only replace the whole string)',
      },
    ]);
  });

  it("names a Secret's stringData values and a k3s HelmChart's valuesContent the same way, an image string in them too", () => {
    const secret = configMap.replace("kind: ConfigMap", "kind: Secret").replace("\ndata:", "\nstringData:");
    expect(editYaml(secret, withImages("ghcr.io/acme/app:1.1.0")).warnings.map((w) => w.message.split(" is a string")[0])).toEqual([
      'stringData["values.yaml"]',
    ]);
    const chart = helmChart("  valuesContent: |-\n    image: {repository: ghcr.io/acme/app, tag: 1.0.0}\n    sidecar: {image: ghcr.io/acme/app:1.0.0}\n");
    expect(editYaml(chart, withImages("ghcr.io/acme/app:1.1.0")).warnings).toEqual([
      {
        line: 6,
        message:
          "spec.valuesContent is a string, which is not edited: image.tag, sidecar.image in it keeps its old image; change it by hand: no field of a HelmChart is edited (--set can only replace the whole string)",
      },
    ]);
  });

  it("says nothing of values already at the incoming version, of other images, or of a ConfigMap entry that is no YAML mapping", () => {
    expect(editYaml(configMap, withImages("ghcr.io/acme/app:1.0.0")).warnings).toEqual([]);
    expect(editYaml(configMap, withImages("ghcr.io/acme/web:1.1.0")).warnings).toEqual([]);
    const plain = "apiVersion: v1\nkind: ConfigMap\ndata:\n  repository: ghcr.io/acme/app\n  script: 'image: [unclosed'\n";
    expect(editYaml(plain, withImages("ghcr.io/acme/app:1.1.0")).warnings).toEqual([]);
  });

  it("names a HelmChart's spec.set tag beside an incoming repository (with its registry), with the override that sets it", () => {
    const chart = helmChart('  set:\n    image.registry: ghcr.io\n    image.repository: acme/app\n    image.tag: "1.0.0"\n');
    const { text, warnings } = editYaml(chart, { ...withImages("ghcr.io/acme/app:1.1.0"), file: "infra/app.yaml" });
    expect(text).toBe(chart);
    expect(warnings).toEqual([
      {
        line: 9,
        message:
          'spec.set["image.tag"] sets the tag of ghcr.io/acme/app (spec.set["image.repository"]) as a Helm --set key, which no rule reads as a pair: it keeps 1.0.0; set spec.set["image.tag"] with an overrides: entry in the configuration (file: infra/app.yaml, spec: spec.set["image.tag"], image: ghcr.io/acme/app, part: tag)',
      },
    ]);
    expect(editYaml(chart, withImages("ghcr.io/acme/app:1.0.0")).warnings).toEqual([]);
  });

  it("has a run name the ConfigMap's pair while another file changes, and say the reference beside it once", async () => {
    const withSidecar = configMap.replace("data:\n", "data:\n  SIDECAR_IMAGE: ghcr.io/acme/app:1.0.0\n");
    const deploy =
      "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: other}\nspec: {template: {spec: {containers: [{name: a, image: ghcr.io/acme/app:1.0.0}]}}}\n";
    const plan = await planUpdate(
      memorySource(
        new Map([
          ["deploy.yaml", deploy],
          ["values-cm.yaml", withSidecar],
        ]),
      ),
      { images: ["ghcr.io/acme/app:1.1.0"] },
    );
    expect(plan.changes.map((c) => c.file)).toEqual(["deploy.yaml"]);
    expect(plan.warnings.map((w) => [w.file, w.line, w.message.split(":")[0]])).toEqual([
      ["values-cm.yaml", 6, 'data["values.yaml"] is a string, which is not edited'],
      ["values-cm.yaml", 5, "ghcr.io/acme/app"],
    ]);
  });
});
