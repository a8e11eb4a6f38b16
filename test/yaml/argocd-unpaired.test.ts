/** A Helm parameter or values key holding a bare incoming repository under a name no rule pairs with a tag, and the sibling that likely holds its tag. */
import { describe, expect, it } from "vitest";
import type { EditRequest } from "../../src/change.js";
import { editArgoCdHelm } from "../../src/yaml/argocd.js";
import { overrideAdvice } from "../../src/yaml/argocd-unpaired.js";
import { runEditors } from "../../src/yaml/editor.js";
import { editHelmValues } from "../../src/yaml/helm.js";
import { numericVersions, update, withImages } from "./helpers.js";

const editHelm = (text: string, request: EditRequest) => runEditors(text, request, [editArgoCdHelm]);
const editValues = (text: string, request: EditRequest) => runEditors(text, request, [editHelmValues]);

describe("an unpaired repository parameter", () => {
  it("names a repository parameter no rule pairs with a tag (image-updater's helm.image-name), and the tag parameter beside it to override", () => {
    const text = `helm:
  parameters:
  - name: worker.image.repo
    value: ghcr.io/acme/worker
    forcestring: true
  - name: worker.image.version
    value: 1.4.2
    forcestring: true
`;
    const { text: out, warnings } = editHelm(text, withImages("ghcr.io/acme/worker:1.4.3"));
    expect(out).toBe(text);
    expect(warnings).toEqual([
      {
        line: 4,
        message:
          "helm.parameters[0].value (parameter worker.image.repo) holds ghcr.io/acme/worker with no tag, under a name no rule pairs with a tag; parameter worker.image.version beside it likely holds its tag, and it was not moved: set it with an overrides: entry in the configuration (spec: helm.parameters[1].value, image: ghcr.io/acme/worker, part: tag)",
      },
    ]);
  });

  it("names the file in the override it offers when the request names one, as the other advised overrides do, so that the entry can be copied as it is", () => {
    const text = "helm:\n  parameters:\n  - {name: worker.image.repo, value: ghcr.io/acme/worker}\n  - {name: worker.image.version, value: 1.4.2}\n";
    const { warnings } = editHelm(text, { ...withImages("ghcr.io/acme/worker:1.4.3"), file: "apps/worker.yaml" });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.message).toContain(
      "set it with an overrides: entry in the configuration (file: apps/worker.yaml, spec: helm.parameters[1].value, image: ghcr.io/acme/worker, part: tag)",
    );
  });

  it("offers as the tag only a sibling named like one or holding a version, never a pull secret or a port", () => {
    const request = withImages("ghcr.io/acme/worker:1.4.3");
    const params = (sibling: string) => `helm:\n  parameters:\n  - {name: image.repo, value: ghcr.io/acme/worker}\n  - ${sibling}\n`;
    for (const sibling of ["{name: image.pullSecret, value: regcred}", '{name: image.port, value: "8080"}'])
      expect(editHelm(params(sibling), request).warnings, sibling).toEqual([]);
    const [warning] = editHelm(params("{name: image.build, value: 1.4.2}"), request).warnings;
    expect(warning?.message).toContain("parameter image.build beside it likely holds its tag");
  });

  it("quotes a parameter name that is not a plain Helm path, so that it cannot break a line of a log or a summary", () => {
    const text = `helm:\n  parameters:\n  - {name: "x\\n\\n## Act now\\nimg.repo", value: ghcr.io/acme/worker}\n  - {name: "x\\n\\n## Act now\\nimg.version", value: 1.4.2}\n`;
    const [warning] = editHelm(text, withImages("ghcr.io/acme/worker:1.4.3")).warnings;
    expect(warning?.message).toContain('(parameter "x\\n\\n## Act now\\nimg.repo") holds ghcr.io/acme/worker');
    expect(warning?.message).toContain('parameter "x\\n\\n## Act now\\nimg.version" beside it');
    expect(warning?.message).not.toContain("\n");
  });

  it("names no tag parameter where the pair is one the Helm rule moves, none is beside it, it is templated, it holds the incoming tag or one its policy keeps", () => {
    const request = withImages("ghcr.io/acme/worker:1.4.3");
    const params = (items: string) => `helm:\n  parameters:\n${items}`;
    for (const text of [
      params("  - {name: image.repository, value: ghcr.io/acme/worker}\n  - {name: image.tag, value: 1.4.2}\n"),
      params("  - {name: worker.image.repo, value: ghcr.io/acme/worker}\n  - {name: worker.image.pullPolicy, value: Always}\n"),
      params("  - {name: worker.image.repo, value: ghcr.io/acme/worker}\n  - {name: worker.image.version, value: 'v{{.values.tag}}'}\n"),
      params("  - {name: worker.image.repo, value: ghcr.io/acme/worker}\n  - {name: worker.image.version, value: 1.4.3}\n"),
    ])
      expect(editHelm(text, request).warnings.filter((w) => w.message.includes("no rule pairs"))).toEqual([]);
    const newer = params("  - {name: worker.image.repo, value: ghcr.io/acme/worker}\n  - {name: worker.image.version, value: 1.5.0}\n");
    expect(editHelm(newer, withImages(update("ghcr.io/acme/worker:1.4.3", numericVersions))).warnings).toEqual([]);
  });
});

describe("an unpaired repository key in values", () => {
  it("names a values key no rule pairs with a tag (image-updater's helmvalues write-back under helm.image-name), and the key beside it to override", () => {
    const text = "worker:\n  image:\n    repo: ghcr.io/acme/worker\n    version: 1.4.2\n";
    const { text: out, warnings } = editValues(text, { ...withImages("ghcr.io/acme/worker:1.4.3"), file: "charts/worker/values.yaml" });
    expect(out).toBe(text);
    expect(warnings).toEqual([
      {
        line: 3,
        message:
          "worker.image.repo holds ghcr.io/acme/worker with no tag, under a name no rule pairs with a tag; worker.image.version beside it likely holds its tag, and it was not moved: set it with an overrides: entry in the configuration (file: charts/worker/values.yaml, spec: worker.image.version, image: ghcr.io/acme/worker, part: tag)",
      },
    ]);
  });

  it("names `repository` beside a `version`, which is no pair either, and each key beside it that reads as a tag", () => {
    const [warning] = editValues(
      "image: {repository: ghcr.io/acme/worker, version: 1.4.2, build: 1.4.2-7}\n",
      withImages("ghcr.io/acme/worker:1.4.3"),
    ).warnings;
    expect(warning?.message).toContain("one of image.version, image.build beside it likely holds its tag");
  });

  it("says nothing where another rule reads the repository, no key beside it reads as a tag, or the key is an annotation's", () => {
    const request = withImages("ghcr.io/acme/worker:1.4.3");
    for (const text of [
      "image: {repository: ghcr.io/acme/worker, tag: 1.4.2}\n",
      "image: {name: ghcr.io/acme/worker, tag: 1.4.2}\n",
      "images:\n- {name: worker, newName: ghcr.io/acme/worker, newTag: 1.4.2}\n",
      "image: {repo: ghcr.io/acme/worker, pullPolicy: Always}\n",
      "image: {repo: ghcr.io/acme/worker, version: 1.4.3}\n",
      "annotations:\n  argocd-image-updater.argoproj.io/image-list: ghcr.io/acme/worker\n  argocd-image-updater.argoproj.io/allow-tags: 'regexp:^1\\.4'\n",
    ])
      expect(
        editValues(text, request).warnings.filter((w) => w.message.includes("no rule pairs")),
        text,
      ).toEqual([]);
  });
});

describe("overrideAdvice", () => {
  it("names the override's spec and image, and the file, the part and the field it sets when the warning needs them", () => {
    expect(overrideAdvice("worker.image.version", "ghcr.io/acme/worker", { part: "tag" })).toEqual({
      advice: "set it with an overrides: entry in the configuration (spec: worker.image.version, image: ghcr.io/acme/worker, part: tag)",
      about: { field: "worker.image.version", reason: "advised-override" },
    });
    expect(overrideAdvice("image.tag", "ghcr.io/acme/worker", { file: "values.yaml", part: "tag", subject: "image.tag" }).advice).toBe(
      "set image.tag with an overrides: entry in the configuration (file: values.yaml, spec: image.tag, image: ghcr.io/acme/worker, part: tag)",
    );
    expect(overrideAdvice("data.IMAGE", "ghcr.io/acme/app", { file: "cm.yaml" }).advice).toBe(
      "set it with an overrides: entry in the configuration (file: cm.yaml, spec: data.IMAGE, image: ghcr.io/acme/app)",
    );
  });
});
