/** YAML held in a string of an Argo CD source (helm.values, an ApplicationSet's templatePatch), which is named, not edited. */
import { describe, expect, it } from "vitest";
import type { EditRequest } from "../../src/change.js";
import { editArgoCdHelm } from "../../src/yaml/argocd.js";
import { editYaml, runEditors } from "../../src/yaml/editor.js";
import { withImages } from "./helpers.js";
import { actionFieldName, cliFieldName } from "../support/faces.js";
import type { FieldNamer } from "../../src/field-name.js";

const editHelm = (text: string, request: EditRequest) => runEditors(text, request, [editArgoCdHelm]);

describe("a source's helm.values string", () => {
  const text = `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata: {name: app}
spec:
  source:
    helm:
      values: |
        image:
          repository: ghcr.io/acme/app
          tag: 1.2.3
`;

  it("warns at a `values` string holding an image it would set, which is not edited", () => {
    const { text: out, changes, warnings } = editYaml(text, withImages("ghcr.io/acme/app:1.3.0"));
    expect([out, changes]).toEqual([text, []]);
    expect(warnings).toEqual([
      {
        line: 7,
        message:
          "spec.source.helm.values is a string, which is not edited: image.tag in it keeps its old image; give those values in valuesObject or a values file instead, where they are edited (--set can only replace the whole string)",
      },
    ]);
    // Nothing to set there: no warning.
    expect(editYaml(text, withImages("ghcr.io/acme/app:1.2.3")).warnings).toEqual([]);
    expect(editYaml(text, withImages("ghcr.io/acme/other:1.3.0")).warnings).toEqual([]);
  });

  it("names the set as the face of the request does: the Action's input, the CLI's flag", () => {
    const said = (fieldName: FieldNamer) => editYaml(text, { ...withImages("ghcr.io/acme/app:1.3.0"), fieldName }).warnings.map((w) => w.message);
    expect(said(actionFieldName)).toEqual([expect.stringMatching(/where they are edited \(input set can only replace the whole string\)$/)]);
    expect(said(cliFieldName)).toEqual([expect.stringMatching(/where they are edited \(--set can only replace the whole string\)$/)]);
  });
});

describe("an ApplicationSet's templatePatch, a string Argo CD applies over the template of every app", () => {
  const appSet = (patch: string) => `apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata: {name: worker}
spec:
  template:
    spec:
      source:
        helm:
          parameters:
            - {name: image.repository, value: ghcr.io/acme/worker}
            - {name: image.tag, value: '{{.values.tag}}'}
  templatePatch: |
${patch}`;

  it("is named, as a helm.values string is, when it holds image fields the editors would set", () => {
    const text = appSet("    spec:\n      source:\n        kustomize:\n          images: [ghcr.io/acme/worker:1.4.2]\n");
    const { text: out, warnings } = editHelm(text, withImages("ghcr.io/acme/worker:1.4.3"));
    expect(out).toBe(text);
    expect(warnings.filter((w) => w.line === 12)).toEqual([
      {
        line: 12,
        message:
          "spec.templatePatch is a string, which is not edited: spec.source.kustomize.images[0] in it keeps its old image; set those values in the template, where they are edited, or from the generator's parameters (--set can only replace the whole string)",
      },
    ]);
  });

  it("is named when it sets a tag over a template of an incoming repository", () => {
    const text = appSet('    spec:\n      source:\n        helm:\n          parameters:\n            - name: image.tag\n              value: "1.4.2"\n');
    expect(editHelm(text, withImages("ghcr.io/acme/worker:1.4.3")).warnings.filter((w) => w.line === 12)).toEqual([
      {
        line: 12,
        message:
          "spec.templatePatch is a string, which is not edited: its parameter image.tag sets a version over the template of ghcr.io/acme/worker for every app its generator makes; set it in the template, where it is edited, or from the generator's parameters",
      },
    ]);
  });

  it("reads a key holding a dot in the template's valuesObject as the parameter name escaping it (`worker\\.v2.image.tag`), as Helm's --set does", () => {
    const template = "          valuesObject:\n            worker.v2: {image: {repository: ghcr.io/acme/worker}}\n";
    const patches: [string, string][] = [
      ["          parameters: [{name: 'worker\\.v2.image.tag', value: '1.4.2'}]\n", "its parameter worker\\.v2.image.tag"],
      [
        "          parameters:\n            {{- if true }}\n            - name: worker\\.v2.image.tag\n              value: 1.4.2\n            {{- end }}\n",
        "its parameter worker\\.v2.image.tag",
      ],
      ["          valuesObject:\n            worker.v2: {image: {tag: 1.4.2}}\n", "its tag: key"],
    ];
    for (const [patch, what] of patches) {
      const text = appSet(`    spec:\n      source:\n        helm:\n${patch}`).replace(/ {10}parameters:\n.*\n.*\n/, template);
      expect(
        editHelm(text, withImages("ghcr.io/acme/worker:1.4.3")).warnings.map((w) => w.message.slice(0, w.message.indexOf(" sets"))),
        patch,
      ).toEqual([`spec.templatePatch is a string, which is not edited: ${what}`]);
    }
    // The keys `worker` then `v2` are another mapping: nothing is said.
    const other = appSet("    spec:\n      source:\n        helm:\n          parameters: [{name: worker.v2.image.tag, value: '1.4.2'}]\n").replace(
      / {10}parameters:\n.*\n.*\n/,
      template,
    );
    expect(editHelm(other, withImages("ghcr.io/acme/worker:1.4.3")).warnings).toEqual([]);
  });

  it("reads a valuesObject tag through a merge key, as YAML does", () => {
    const values = "          valuesObject:\n            pinned: &pinned {tag: 1.4.2}\n            image: {<<: *pinned}\n";
    const text = appSet(`    spec:\n      source:\n        helm:\n${values}`);
    expect(editHelm(text, withImages("ghcr.io/acme/worker:1.4.3")).warnings.filter((w) => w.line === 12)).toEqual([
      {
        line: 12,
        message:
          "spec.templatePatch is a string, which is not edited: its tag: key sets a version over the template of ghcr.io/acme/worker for every app its generator makes; set it in the template, where it is edited, or from the generator's parameters",
      },
    ]);
  });

  it("says nothing of a tag already at the incoming version, or of another image's tag parameter", () => {
    const request = withImages("ghcr.io/acme/worker:1.4.3");
    for (const parameter of ["{name: image.tag, value: '1.4.3'}", "{name: redis.image.tag, value: '7.2.0'}"]) {
      const text = appSet(`    spec:\n      source:\n        helm:\n          parameters: [${parameter}]\n`);
      expect(editHelm(text, request).warnings.filter((w) => w.line === 12)).toEqual([]);
    }
  });

  describe("with a templated tag", () => {
    const withElements = (elements: string) =>
      appSet("    spec:\n      source:\n        helm:\n          parameters: [{name: image.tag, value: '{{ .imageTag }}'}]\n").replace(
        "spec:\n  template:",
        `spec:\n  generators:\n    - list:\n        elements: [${elements}]\n  template:`,
      );
    const patchWarnings = (text: string) =>
      editHelm(text, withImages("ghcr.io/acme/worker:1.4.3"))
        .warnings.filter((w) => w.message.startsWith("spec.templatePatch"))
        .map((w) => [w.line, w.message]);
    const at = "spec.generators[0].list.elements";
    const sets = "spec.templatePatch: its parameter image.tag sets the version of ghcr.io/acme/worker from the generator's elements, which are not edited";

    it("names every element the tag reads that holds an old version", () => {
      const text = withElements("{env: qa, imageTag: 1.3.0}, {env: prod, imageTag: 1.4.3}, {env: dev, imageTag: 1.4.2}");
      expect(patchWarnings(text)).toEqual([[15, `${sets}: ${at}[0].imageTag holds 1.3.0, ${at}[2].imageTag holds 1.4.2; set it there`]]);
    });

    it("names five of many, and how many more", () => {
      const text = withElements(Array.from({ length: 7 }, (_, i) => `{env: e${i}, imageTag: 1.4.${i % 3}}`).join(", "));
      const five = [0, 1, 2, 3, 4].map((i) => `${at}[${i}].imageTag holds 1.4.${i % 3}`).join(", ");
      expect(patchWarnings(text)).toEqual([[15, `${sets}: ${five} and 2 more; set it there`]]);
    });

    it("says nothing when every element holds the incoming version", () => {
      expect(patchWarnings(withElements("{env: prod, imageTag: 1.4.3}, {env: dev, imageTag: '1.4.3'}"))).toEqual([]);
    });
  });

  it("reads the value of a tag parameter in a patch Go actions make no YAML", () => {
    const patch = (value: string) =>
      `    {{- if eq .env "prod" }}\n    spec:\n      source:\n        helm:\n          parameters:\n            - name: image.tag\n              value: "${value}"\n    {{- end }}\n`;
    const request = withImages("ghcr.io/acme/worker:1.4.3");
    expect(editHelm(appSet(patch("1.4.3")), request).warnings.filter((w) => w.line === 12)).toEqual([]);
    expect(
      editHelm(appSet(patch("1.4.2")), request)
        .warnings.filter((w) => w.line === 12)
        .map((w) => w.message.slice(0, w.message.indexOf(" sets"))),
    ).toEqual(["spec.templatePatch is a string, which is not edited: its parameter image.tag"]);
  });

  it("names an old reference in its text when Go template actions make it no YAML", () => {
    const text = appSet(
      '    {{- if eq .env "prod" }}\n    spec:\n      source:\n        kustomize:\n          images: [ghcr.io/acme/worker:1.4.2]\n    {{- end }}\n',
    );
    expect(editHelm(text, withImages("ghcr.io/acme/worker:1.4.3")).warnings.filter((w) => w.line === 12)).toEqual([
      {
        line: 12,
        message:
          "spec.templatePatch is a string, which is not edited: ghcr.io/acme/worker:1.4.2 in it keeps its old image; set those values in the template, where they are edited, or from the generator's parameters (--set can only replace the whole string)",
      },
    ]);
    const fromAction = editHelm(text, { ...withImages("ghcr.io/acme/worker:1.4.3"), fieldName: actionFieldName });
    expect(fromAction.warnings.filter((w) => w.line === 12).map((w) => w.message)).toEqual([
      expect.stringMatching(/: ghcr\.io\/acme\/worker:1\.4\.2 in it keeps its old image; .* \(input set can only replace the whole string\)$/),
    ]);
  });

  it("is not named when it sets no version, or the template is of another repository", () => {
    const text = appSet("    spec:\n      syncPolicy: {automated: {}}\n");
    expect(editHelm(text, withImages("ghcr.io/acme/worker:1.4.3")).warnings.filter((w) => w.line === 12)).toEqual([]);
    const tagged = appSet("    spec:\n      source:\n        helm:\n          parameters: [{name: image.tag, value: '1.4.2'}]\n");
    expect(editHelm(tagged, withImages("ghcr.io/acme/other:1.4.3")).warnings).toEqual([]);
  });
});
