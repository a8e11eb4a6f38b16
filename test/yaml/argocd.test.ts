/** Argo CD's source overrides: kustomize `[name=]image` strings and Helm parameters, in Applications and parameter override files. */
import { describe, expect, it } from "vitest";
import type { EditRequest } from "../../src/change.js";
import { planUpdate } from "../../src/engine/plan.js";
import { memorySource } from "../../src/engine/source.js";
import { editArgoCdHelm, editArgoCdImages } from "../../src/yaml/argocd.js";
import { editYaml, runEditors } from "../../src/yaml/editor.js";
import { DIGEST_A, DIGEST_B, dataOf, numericVersions, update, withImages } from "./helpers.js";

const edit = (text: string, request: EditRequest) => runEditors(text, request, [editArgoCdImages]);

describe("editArgoCdImages", () => {
  it("sets the tag of an Application's kustomize image, keeping an alias and the name as written", () => {
    const text = `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata: {name: guestbook, namespace: argocd}
spec:
  source:
    repoURL: https://github.com/acme/manifests
    path: apps/guestbook
    kustomize:
      images:
        - ghcr.io/acme/app:1.2.3 # the running build
        - "backend=ghcr.io/acme/app:1.2.3"
        - docker.io/library/redis:7
`;
    const { text: out, changes } = edit(text, withImages("ghcr.io/acme/app:1.3.0"));
    expect(out).toBe(text.replaceAll("ghcr.io/acme/app:1.2.3", "ghcr.io/acme/app:1.3.0"));
    expect(changes.map((c) => [c.line, c.kind, c.key, c.old, c.new])).toEqual([
      [10, "kustomize", "spec.source.kustomize.images[0]", "ghcr.io/acme/app:1.2.3", "ghcr.io/acme/app:1.3.0"],
      [11, "kustomize", "spec.source.kustomize.images[1]", "backend=ghcr.io/acme/app:1.2.3", "backend=ghcr.io/acme/app:1.3.0"],
    ]);
    expect(changes[0]).toMatchObject({ object: { kind: "Application", name: "guestbook", namespace: "argocd" } });
  });

  it("edits every source of a multi-source Application and an ApplicationSet's template", () => {
    const app = `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata: {name: multi}
spec:
  sources:
    - {repoURL: https://charts.example, chart: redis}
    - repoURL: https://github.com/acme/manifests
      kustomize: {images: [nginx:1.25]}
`;
    expect(edit(app, withImages("docker.io/library/nginx:1.27")).text).toBe(app.replace("nginx:1.25", "nginx:1.27"));
    const set = `apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata: {name: envs}
spec:
  template:
    metadata: {name: "{{name}}"}
    spec:
      source:
        kustomize:
          images: ["ghcr.io/acme/app@${DIGEST_A}"]
`;
    expect(edit(set, withImages(`ghcr.io/acme/app@${DIGEST_B}`)).text).toBe(set.replace(DIGEST_A, DIGEST_B));
  });

  it("edits the parameter override file Argo CD Image Updater writes (.argocd-source-<app>.yaml)", () => {
    const text = "kustomize:\n  images:\n  - ghcr.io/acme/app:1.2.3\n";
    const { text: out, changes } = edit(text, withImages(`ghcr.io/acme/app:1.3.0@${DIGEST_A}`));
    expect(out).toBe(`kustomize:\n  images:\n  - ghcr.io/acme/app:1.3.0@${DIGEST_A}\n`);
    expect(changes[0]!.key).toBe("kustomize.images[0]");
  });

  it("leaves alone: a rename with no version, older tags under a policy, other kinds and Helm values with a `kustomize:` key", () => {
    const rename = "kustomize:\n  images:\n  - app=ghcr.io/acme/app\n";
    expect(edit(rename, withImages("ghcr.io/acme/app:1.3.0")).changes).toEqual([]);
    const values = "kustomize:\n  images:\n  - {name: ghcr.io/acme/app, tag: 1.2.3}\n";
    expect(edit(values, withImages("ghcr.io/acme/app:1.3.0")).changes).toEqual([]);
    const other = "apiVersion: v1\nkind: ConfigMap\nspec:\n  source:\n    kustomize:\n      images: [ghcr.io/acme/app:1.2.3]\n";
    expect(edit(other, withImages("ghcr.io/acme/app:1.3.0")).changes).toEqual([]);
    const newer = "kustomize:\n  images:\n  - ghcr.io/acme/app:1.4.0\n";
    expect(edit(newer, withImages(update("ghcr.io/acme/app:1.3.0", numericVersions))).changes).toEqual([]);
  });

  it("says so where an entry maps an incoming image to another with its own tag (a mirror), which it leaves", () => {
    const text = "kustomize:\n  images:\n  - ghcr.io/acme/app=registry.internal/mirror/app:1.0.0\n  - ghcr.io/acme/app=registry.internal/mirror/app\n";
    const { text: out, warnings } = edit(text, withImages("ghcr.io/acme/app:1.1.0"));
    expect(out).toBe(text);
    expect(warnings.map((w) => [w.line, w.message.split(",")[0]])).toEqual([
      [3, "kustomize.images[0] renames ghcr.io/acme/app to registry.internal/mirror/app"],
    ]);
  });

  it("no longer says a mirror's tag is left once an override, configured or --set, sets that string as the warning advises, as a kustomization's newTag", async () => {
    const app = `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata: {name: web}
spec:
  source:
    kustomize:
      images:
        - ghcr.io/acme/web=registry.acme.internal/acme/web:2.0.0
`;
    const override = "overrides:\n  - file: app.yaml\n    spec: spec.source.kustomize.images[0]\n    image: ghcr.io/acme/web\n";
    const run = (files: Record<string, string>, sets: string[] = []) =>
      planUpdate(memorySource(new Map(Object.entries({ "app.yaml": app, ...files }))), { images: ["ghcr.io/acme/web:2.1.0"], setters: [], sets, paths: [] });
    const plain = await run({});
    expect([plain.changes, plain.warnings.map((w) => [w.file, w.line, w.message.split(",")[0]])]).toEqual([
      [],
      [["app.yaml", 8, "spec.source.kustomize.images[0] renames ghcr.io/acme/web to registry.acme.internal/acme/web"]],
    ]);
    const mirrored = "ghcr.io/acme/web=registry.acme.internal/acme/web:2.1.0";
    for (const answered of [await run({ ".github/gitops-promote.yaml": override }), await run({}, [`app.yaml:spec.source.kustomize.images[0]=${mirrored}`])]) {
      expect(answered.changes.map((c) => [c.line, c.key, c.new])).toEqual([[8, "spec.source.kustomize.images[0]", mirrored]]);
      expect(answered.warnings).toEqual([]);
    }
  });

  it("warns at an image an ApplicationSet's generators fill in ({{tag}}), and edits it not", () => {
    const text = `apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata: {name: envs}
spec:
  generators:
    - list: {elements: [{env: staging, tag: "1.2.3"}]}
  template:
    spec:
      source:
        kustomize:
          images:
            - 'ghcr.io/acme/app:{{tag}}'
            - "web=ghcr.io/acme/app:{{ .tag }}"
            - 'ghcr.io/acme/other:{{tag}}'
`;
    const { text: out, changes, warnings } = edit(text, withImages("ghcr.io/acme/app:1.3.0"));
    expect([out, changes]).toEqual([text, []]);
    const rest =
      "which is not edited: its version comes from the generator's elements, where a version alone is not edited either: spec.generators[0].list.elements[0].tag holds 1.2.3; set it there, or hold the whole reference in an image: field of each generator element or file, which is edited";
    expect(warnings).toEqual([
      { line: 12, message: `spec.template.spec.source.kustomize.images[0] builds a reference of ghcr.io/acme/app with {{tag}}, ${rest}` },
      { line: 13, message: `spec.template.spec.source.kustomize.images[1] builds a reference of ghcr.io/acme/app with {{ .tag }}, ${rest}` },
    ]);
  });

  it("sets only the version of kustomize's `name=*:tag` and `name=*@digest`, which keep the name", () => {
    const text = `kustomize:
  images:
    - ghcr.io/acme/web=*:1.2.0
    - "ghcr.io/acme/web-migrate=*@${DIGEST_A}"
    - ghcr.io/acme/other=*:1.2.0
    - ghcr.io/acme/web=*
`;
    const { text: out, changes } = edit(text, withImages("ghcr.io/acme/web:1.2.5", `ghcr.io/acme/web-migrate@${DIGEST_B}`));
    expect(out).toBe(text.replace("web=*:1.2.0", "web=*:1.2.5").replace(DIGEST_A, DIGEST_B));
    expect(changes.map((c) => [c.line, c.key, c.old, c.new])).toEqual([
      [3, "kustomize.images[0]", "ghcr.io/acme/web=*:1.2.0", "ghcr.io/acme/web=*:1.2.5"],
      [4, "kustomize.images[1]", `ghcr.io/acme/web-migrate=*@${DIGEST_A}`, `ghcr.io/acme/web-migrate=*@${DIGEST_B}`],
    ]);
  });

  it("a `*` entry follows the digest rules of every entry: a new tag without a digest says it drops the pin", () => {
    const text = `kustomize:\n  images:\n    - acme/api=*:1.0.0@${DIGEST_A}\n`;
    const { text: out, warnings } = edit(text, withImages("docker.io/acme/api:1.1.0"));
    expect(out).toBe("kustomize:\n  images:\n    - acme/api=*:1.1.0\n");
    expect(warnings.map((w) => w.line)).toEqual([3]);
  });

  it("edits the literal version of an entry whose `name=` part is templated, keeping the template byte for byte", () => {
    const text = `apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata: {name: envs}
spec:
  template:
    spec:
      source:
        kustomize:
          images:
            - '{{.env}}-web=ghcr.io/acme/web:1.2.0'
            - '{{ $n := "x=y" }}{{$n}}=ghcr.io/acme/web:1.2.0'
`;
    const { text: out, warnings } = edit(text, withImages("ghcr.io/acme/web:1.2.5"));
    expect(out).toBe(text.replaceAll("web:1.2.0", "web:1.2.5"));
    expect(warnings).toEqual([]);
  });

  it("a marked entry belongs to its marker", () => {
    const text = 'kustomize:\n  images:\n  - ghcr.io/acme/app:1.2.3 # {"$imagepolicy": "flux-system:app"}\n';
    // The marker names no configured setter: the entry stays, though its repository is incoming.
    expect(editYaml(text, withImages("ghcr.io/acme/app:1.3.0")).text).toBe(text);
  });
});

const editHelm = (text: string, request: EditRequest) => runEditors(text, request, [editArgoCdHelm]);

describe("editArgoCdHelm", () => {
  it("sets the tag parameter of a Helm parameter pair: Argo CD ranks parameters above valuesObject, so both are set", () => {
    const text = `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata: {name: app, namespace: argocd}
spec:
  source:
    chart: app
    helm:
      parameters:
        - name: image.repository
          value: ghcr.io/acme/app
        - name: image.tag
          value: "1.2.3" # pinned by CI
        - {name: replicaCount, value: "2"}
      valuesObject:
        image: {repository: ghcr.io/acme/app, tag: 1.2.3}
`;
    const { text: out, changes } = editYaml(text, withImages("ghcr.io/acme/app:1.3.0"));
    expect(out).toBe(text.replaceAll("1.2.3", "1.3.0"));
    expect(changes.map((c) => [c.line, c.kind, c.key, c.old, c.new])).toEqual([
      [12, "helm", "spec.source.helm.parameters[1].value", "1.2.3", "1.3.0"],
      [15, "helm", "spec.source.helm.valuesObject.image.tag", "1.2.3", "1.3.0"],
    ]);
    expect(changes[0]).toMatchObject({ object: { kind: "Application", name: "app", namespace: "argocd" } });
  });

  it("joins registry and repository, sets the digest, and quotes a tag that would read as a number", () => {
    const text = `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata: {name: multi}
spec:
  sources:
    - repoURL: https://github.com/acme/values
      ref: values
    - chart: app
      helm:
        parameters:
          - {name: app.image.registry, value: ghcr.io}
          - {name: app.image.repository, value: acme/app}
          - {name: app.image.tag, value: v1, forceString: true}
          - {name: app.image.digest, value: "${DIGEST_A}"}
`;
    const { text: out, changes } = editHelm(text, withImages(`ghcr.io/acme/app:20240202@${DIGEST_B}`));
    expect(out).toBe(text.replace("value: v1", 'value: "20240202"').replace(DIGEST_A, DIGEST_B));
    expect(changes.map((c) => c.key)).toEqual(["spec.sources[1].helm.parameters[2].value", "spec.sources[1].helm.parameters[3].value"]);
    expect(dataOf(out)[0]).toMatchObject({ spec: { sources: [{}, { helm: { parameters: [{}, {}, { value: "20240202" }, {}] } }] } });
  });

  it("says at the tag parameter that an incoming digest is not pinned when no digest parameter is beside it", () => {
    const text = "helm:\n  parameters:\n  - {name: image.repository, value: ghcr.io/acme/app}\n  - {name: image.tag, value: 1.2.3}\n";
    const { text: out, warnings } = editHelm(text, withImages(`ghcr.io/acme/app:1.3.0@${DIGEST_A}`));
    expect(out).toBe(text.replace("1.2.3", "1.3.0"));
    expect(warnings).toEqual([
      {
        line: 4,
        message: `helm.parameters[1].value has no digest field, so only the tag of ghcr.io/acme/app:1.3.0@${DIGEST_A} is set there: its digest is not pinned (a digest field beside the tag would take it)`,
      },
    ]);
  });

  it("edits an ApplicationSet's template and the override file Image Updater writes (image.name, image.tag)", () => {
    const set = `apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata: {name: envs}
spec:
  template:
    spec:
      source:
        helm:
          parameters: [{name: image.name, value: nginx}, {name: image.tag, value: "1.25"}]
`;
    expect(editHelm(set, withImages("docker.io/library/nginx:1.27")).text).toBe(set.replace('"1.25"', '"1.27"'));
    const file =
      "helm:\n  parameters:\n  - name: image.name\n    value: ghcr.io/acme/app\n    forcestring: true\n  - name: image.tag\n    value: 1.2.3\n    forcestring: true\n";
    const { text: out, changes } = editHelm(file, withImages("ghcr.io/acme/app:1.3.0"));
    expect(out).toBe(file.replace("1.2.3", "1.3.0"));
    expect(changes.map((c) => [c.line, c.key])).toEqual([[7, "helm.parameters[1].value"]]);
  });

  it("reads no container's name beside its image as a repository, the image a string or a mapping, given by parameters or the valuesObject", () => {
    const parameters = (...items: string[]) => `helm:\n  parameters:\n${items.map((item) => `  - {${item}}\n`).join("")}`;
    const name = "name: app.name, value: web";
    const tag = 'name: app.tag, value: "1.0.0"';
    // Alone, the name is Image Updater's repository, and its tag moves.
    expect(editHelm(parameters(name, tag), withImages("web:1.1.0")).changes).toHaveLength(1);
    for (const text of [
      parameters(name, "name: app.image, value: ghcr.io/acme/x:1", tag),
      parameters(name, "name: app.image.repository, value: ghcr.io/acme/x", tag),
      `${parameters(tag)}  valuesObject:\n    app: {name: web, image: ghcr.io/acme/x}\n`,
      `${parameters(tag)}  valuesObject:\n    app: {name: web, image: {repository: ghcr.io/acme/x}}\n`,
    ]) {
      expect(editHelm(text, withImages("web:1.1.0")).changes).toEqual([]);
    }
  });

  it("sets a parameter holding a whole image reference, and warns about one holding a bare repository", () => {
    const text = "helm:\n  parameters:\n  - name: worker.image\n    value: ghcr.io/acme/app:1.2.3\n  - name: image\n    value: ghcr.io/acme/app\n";
    const { text: out, changes, warnings } = editHelm(text, withImages("ghcr.io/acme/app:1.3.0"));
    expect(out).toBe(text.replace("app:1.2.3", "app:1.3.0"));
    expect(changes.map((c) => [c.kind, c.key])).toEqual([["helm", "helm.parameters[0].value"]]);
    expect(warnings).toEqual([{ line: 6, message: expect.stringMatching(/^helm\.parameters\[1\]\.value holds ghcr\.io\/acme\/app with no tag/) }]);
  });

  it("warns at a tag or image parameter and a valuesObject tag an ApplicationSet's generators fill in, and edits them not", () => {
    const text = `apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata: {name: envs}
spec:
  goTemplate: true
  template:
    spec:
      source:
        helm:
          parameters:
            - {name: image.repository, value: ghcr.io/acme/app}
            - {name: image.tag, value: "{{.tag}}"}
            - {name: worker.image, value: "ghcr.io/acme/app:{{.tag}}"}
          valuesObject:
            image: {repository: ghcr.io/acme/app, tag: "{{ .values.tag }}"}
`;
    const { text: out, changes, warnings } = editYaml(text, withImages("ghcr.io/acme/app:1.3.0"));
    expect([out, changes]).toEqual([text, []]);
    const rest =
      "which is not edited: its version comes from the template's parameters (an Argo CD ApplicationSet's generators, such as a list generator's elements), where a version alone is not edited either; set it there";
    const whole = "or hold the whole reference in an image: field of each generator element or file, which is edited";
    const at = "spec.template.spec.source.helm";
    expect(warnings).toEqual([
      { line: 12, message: `${at}.parameters[1].value sets the tag of ghcr.io/acme/app with {{.tag}}, ${rest}` },
      { line: 13, message: `${at}.parameters[2].value builds a reference of ghcr.io/acme/app with {{.tag}}, ${rest}, ${whole}` },
      { line: 15, message: `${at}.valuesObject.image.tag sets the tag of ghcr.io/acme/app with {{ .values.tag }}, ${rest}` },
    ]);
  });

  it("reads the repository of a tag parameter from the source's valuesObject, as Helm merges them, its name read as Helm's --set reads it", () => {
    const text = `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata: {name: app}
spec:
  source:
    helm:
      parameters: [{name: app.image.tag, value: 1.2.3}, {name: worker\\.v2.image.tag, value: 1.2.3}]
      valuesObject:
        app:
          image: {repository: ghcr.io/acme/app}
        worker.v2:
          image: {repository: ghcr.io/acme/app}
`;
    const { text: out, changes } = editHelm(text, withImages("ghcr.io/acme/app:1.3.0"));
    expect(out).toBe(text.replaceAll("1.2.3", "1.3.0"));
    // `worker\.v2` is one key, `worker.v2`: an escaped dot separates no keys.
    expect(changes.map((c) => c.key)).toEqual(["spec.source.helm.parameters[0].value", "spec.source.helm.parameters[1].value"]);
  });

  it("reads that repository through a merge key, as YAML does: the tag parameter moves as when it is written in place", () => {
    const text = `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata: {name: app}
spec:
  source:
    helm:
      parameters:
        - {name: image.tag, value: "1.2.3"}
        - {name: worker.image.tag, value: "1.2.3"}
      valuesObject:
        defaults: &defaults
          repository: ghcr.io/acme/app
        image:
          <<: *defaults
          pullPolicy: IfNotPresent
        <<: {worker: {image: {<<: *defaults}}}
`;
    const { text: out, changes } = editHelm(text, withImages("ghcr.io/acme/app:1.3.0"));
    expect(out).toBe(text.replaceAll('"1.2.3"', '"1.3.0"'));
    expect(changes.map((c) => [c.line, c.key, c.old, c.new])).toEqual([
      [8, "spec.source.helm.parameters[0].value", "1.2.3", "1.3.0"],
      [9, "spec.source.helm.parameters[1].value", "1.2.3", "1.3.0"],
    ]);
  });

  it("leaves alone: other repositories, a marked value, non-parameter lists and other kinds", () => {
    const request = withImages("ghcr.io/acme/app:1.3.0");
    const params = (items: string) => `helm:\n  parameters:\n${items}`;
    for (const text of [
      params("  - {name: image.repository, value: ghcr.io/acme/other}\n  - {name: image.tag, value: 1.2.3}\n"),
      params("  - {name: image.repository, value: ghcr.io/acme/app}\n  - {name: image.tag, value: 1.2.3, note: x}\n"),
      params("  - {name: image.repository, value: ghcr.io/acme/app}\n  - {name: sidecar.tag, value: 1.2.3}\n"),
      "apiVersion: v1\nkind: ConfigMap\nspec:\n  source:\n    helm:\n      parameters: [{name: image, value: ghcr.io/acme/app:1.2.3}]\n",
    ])
      expect(editHelm(text, request).changes).toEqual([]);
    const marked = params(
      '  - {name: image.repository, value: ghcr.io/acme/app}\n  - name: image.tag\n    value: 1.2.3 # {"$imagepolicy": "flux-system:app:tag"}\n',
    );
    expect(editYaml(marked, request).text).toBe(marked);
  });
});

describe("values of the argocd-apps chart, which renders Applications and ApplicationSets from them", () => {
  it("edits each application's sources by name (chart 2) or in a list (chart 1), and each ApplicationSet's template", () => {
    const text = `applications:
  guestbook:
    project: default
    source:
      repoURL: https://github.com/acme/manifests
      path: apps/guestbook
      kustomize:
        images: [ghcr.io/acme/app:1.2.3]
  api:
    sources:
      - repoURL: https://charts.acme.dev
        chart: api
        helm:
          parameters:
            - {name: image.repository, value: ghcr.io/acme/app}
            - {name: image.tag, value: 1.2.3}
applicationsets:
  envs:
    template:
      spec:
        source:
          kustomize:
            images: ["app=ghcr.io/acme/app:1.2.3"]
`;
    const { text: out, changes } = editYaml(text, withImages("ghcr.io/acme/app:1.3.0"));
    expect(out).toBe(text.replaceAll("1.2.3", "1.3.0"));
    expect(changes.map((c) => [c.line, c.kind, c.key])).toEqual([
      [8, "kustomize", "applications.guestbook.source.kustomize.images[0]"],
      [16, "helm", "applications.api.sources[0].helm.parameters[1].value"],
      [23, "kustomize", "applicationsets.envs.template.spec.source.kustomize.images[0]"],
    ]);
    const list = "applications:\n  - name: guestbook\n    source:\n      kustomize:\n        images:\n          - ghcr.io/acme/app:1.2.3\n";
    expect(editYaml(list, withImages("ghcr.io/acme/app:1.3.0")).text).toBe(list.replace("1.2.3", "1.3.0"));
  });

  it("warns at an application's helm `values` string holding the image, as in an Application", () => {
    const text = "applications:\n  api:\n    source:\n      helm:\n        values: |\n          image: ghcr.io/acme/app:1.2.3\n";
    const { text: out, warnings } = editYaml(text, withImages("ghcr.io/acme/app:1.3.0"));
    expect(out).toBe(text);
    expect(warnings).toEqual([
      { line: 5, message: expect.stringMatching(/^applications\.api\.source\.helm\.values is a string, which is not edited: image in it/) },
    ]);
  });
});
