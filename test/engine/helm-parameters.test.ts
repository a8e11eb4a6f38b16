/** Helm parameters under names no rule pairs (argocd-image-updater's helm.image-name / image-tag): named until an override sets the tag. */
import { expect, it } from "vitest";
import { planUpdate } from "../../src/engine/plan.js";
import { memorySource } from "../../src/engine/source.js";

const source = `helm:
  parameters:
  - name: worker.image.repo
    value: ghcr.io/acme/worker
  - name: worker.image.version
    value: 1.4.2
`;

it("names the parameter in every run, also when other files change, and not once an override sets the tag it names", async () => {
  const files = {
    "charts/worker/.argocd-source-worker-prod.yaml": source,
    "charts/worker/values.yaml": "image:\n  repository: ghcr.io/acme/worker\n  tag: 1.4.2\n",
  };
  const run = (config?: string) =>
    planUpdate(memorySource(new Map(Object.entries(config ? { ...files, ".github/gitops-promote.yaml": config } : files))), {
      images: ["ghcr.io/acme/worker:1.4.3"],
      setters: [],
      sets: [],
      paths: [],
    });
  const plain = await run();
  expect(plain.changes.map((c) => c.file)).toEqual(["charts/worker/values.yaml"]);
  expect(plain.warnings.map((w) => [w.file, w.line])).toEqual([["charts/worker/.argocd-source-worker-prod.yaml", 4]]);
  const override =
    "overrides:\n  - file: charts/worker/.argocd-source-worker-prod.yaml\n    spec: helm.parameters[1].value\n    image: ghcr.io/acme/worker\n    part: tag\n";
  const answered = await run(override);
  expect(answered.changes.map((c) => [c.file, c.key, c.new])).toEqual([
    ["charts/worker/.argocd-source-worker-prod.yaml", "helm.parameters[1].value", "1.4.3"],
    ["charts/worker/values.yaml", "image.tag", "1.4.3"],
  ]);
  expect(answered.warnings).toEqual([]);
});
