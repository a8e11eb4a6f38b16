/** An ApplicationSet is read whatever it spells: a generator may fill in the incoming repository's name. */
import { expect, it } from "vitest";
import { planUpdate } from "../../src/engine/plan.js";
import { memorySource } from "../../src/engine/source.js";

it("names an ApplicationSet that builds the incoming repository from a placeholder and pins another tag, though no token of the repository is in it", async () => {
  const files = {
    "appsets/services.yaml": `apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata: {name: services}
spec:
  generators: [{git: {repoURL: https://github.com/acme/manifests, revision: main, directories: [{path: services/*}]}}]
  template:
    spec:
      source:
        path: '{{path}}'
        kustomize:
          images: ['ghcr.io/acme/{{path.basename}}:2.0.0']
`,
    "services/billing/deploy.yaml": "kind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - image: ghcr.io/acme/billing:2.0.0\n",
  };
  const plan = await planUpdate(memorySource(new Map(Object.entries(files))), { images: ["ghcr.io/acme/billing:2.1.0"], setters: [], sets: [], paths: [] });
  expect(plan.changes.map((c) => [c.file, c.new])).toEqual([["services/billing/deploy.yaml", "ghcr.io/acme/billing:2.1.0"]]);
  expect(plan.warnings.map((w) => [w.file, w.line, w.message.slice(0, w.message.indexOf(";"))])).toEqual([
    [
      "appsets/services.yaml",
      11,
      "spec.template.spec.source.kustomize.images[0] pins the tag 2.0.0 for every app its generator makes, ghcr.io/acme/billing included if it makes that one",
    ],
  ]);
});
