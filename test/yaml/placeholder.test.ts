/** Fields a placeholder fills in after this tool: never edited, named where the version they build would be stale. */
import { describe, expect, it } from "vitest";
import type { EditRequest } from "../../src/change.js";
import { editArgoCdHelm, editArgoCdImages } from "../../src/yaml/argocd.js";
import { runEditors } from "../../src/yaml/editor.js";
import { editHelmValues } from "../../src/yaml/helm.js";
import { editImages } from "../../src/yaml/images.js";
import { editKustomizeImages } from "../../src/yaml/kustomize.js";
import type { Policy } from "../../src/image/policy.js";
import { DIGEST_A, update, withImages } from "./helpers.js";

const edit = (text: string, request: EditRequest) => runEditors(text, request, [editArgoCdImages, editArgoCdHelm, editImages]);

const appSet = (images: string, parameters = "[]") => `apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata: {name: services}
spec:
  generators:
    - git: {repoURL: https://github.com/acme/manifests, revision: main, directories: [{path: services/*}]}
  template:
    spec:
      source:
        kustomize:
          images:
${images}
        helm:
          parameters: ${parameters}
`;

describe("a reference whose repository a generator fills in and whose version is literal", () => {
  const perApp = "template the version from the generator's parameters too, or set it per app (a parameter of each generator element or file)";

  it("is named when its literal parts spell an incoming repository at another version: it pins that version for every app", () => {
    const text = appSet("            - 'ghcr.io/acme/{{path.basename}}:2.0.0'\n            - '{{.registry}}/acme/billing:2.0.0'");
    const { text: out, changes, warnings } = edit(text, withImages("ghcr.io/acme/billing:2.1.0"));
    expect([out, changes]).toEqual([text, []]);
    expect(warnings).toEqual([
      {
        line: 12,
        message: `spec.template.spec.source.kustomize.images[0] pins the tag 2.0.0 for every app its generator makes, ghcr.io/acme/billing included if it makes that one; it is not edited, as they all share it: ${perApp}`,
      },
      {
        line: 13,
        message: `spec.template.spec.source.kustomize.images[1] pins the tag 2.0.0 for every app its generator makes, ghcr.io/acme/billing included if it makes that one; it is not edited, as they all share it: ${perApp}`,
      },
    ]);
  });

  it("names a pinned digest, a Docker Hub repository written short, and a Helm image parameter alike", () => {
    const text = appSet(`            - 'acme/{{path.basename}}@${DIGEST_A}'`, "[{name: image, value: '{{.registry}}/acme/api:1.0.0'}]");
    const { warnings } = edit(text, withImages("docker.io/acme/api:1.1.0"));
    expect(warnings.map((w) => [w.line, w.message.slice(0, w.message.indexOf(";"))])).toEqual([
      [
        12,
        `spec.template.spec.source.kustomize.images[0] pins the digest ${DIGEST_A} for every app its generator makes, docker.io/acme/api included if it makes that one`,
      ],
      [
        14,
        "spec.template.spec.source.helm.parameters[0].value pins the tag 1.0.0 for every app its generator makes, docker.io/acme/api included if it makes that one",
      ],
    ]);
  });

  it("is not named when it already holds the incoming version, spells another repository, or its version is templated too", () => {
    const quiet = [
      "            - 'ghcr.io/acme/{{path.basename}}:2.1.0'",
      "            - 'quay.io/acme/{{path.basename}}:2.0.0'",
      "            - 'ghcr.io/acme/{{path.basename}}-agent:2.0.0'",
      "            - '{{.image}}:2.0.0'",
    ];
    expect(edit(appSet(quiet.join("\n")), withImages("ghcr.io/acme/billing:2.1.0")).warnings).toEqual([]);
  });

  it("is named for a Flux substitution too, with what to do there", () => {
    const text =
      "apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: ${REGISTRY}/acme/web:1.2.0\n";
    expect(edit(text, withImages("ghcr.io/acme/web:1.3.0")).warnings).toEqual([
      {
        line: 8,
        message:
          "spec.template.spec.containers[0].image pins the tag 1.2.0 for every value its substitution variables fill in, ghcr.io/acme/web included if it makes that one; it is not edited, as they all share it: substitute the version too, or set it per cluster",
      },
    ]);
  });
});

describe("a reference whose version a list generator's elements fill in", () => {
  const listAppSet = (elements: string, images = ["'{{.image}}'", "'ghcr.io/acme/web:{{.imageTag}}'"]) => `apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata: {name: web}
spec:
  goTemplate: true
  generators:
    - list:
        elements:
${elements}
  template:
    spec:
      source:
        kustomize:
          images:
${images.map((image) => `            - ${image}\n`).join("")}`;
  const at = "spec.generators[0].list.elements";

  it("names each element at an old version, and the element's whole image: reference, which the same run edits", () => {
    const text = listAppSet(
      [
        "          - {env: dev, image: ghcr.io/acme/web:1.2.0, imageTag: 1.2.0}",
        "          - {env: qa, imageTag: 1.1.9}",
        "          - {env: prod, imageTag: 1.2.4}",
      ].join("\n"),
    );
    const { text: out, changes, warnings } = edit(text, withImages("ghcr.io/acme/web:1.2.4"));
    expect(out).toBe(text.replace("web:1.2.0", "web:1.2.4"));
    expect(changes.map((c) => c.key)).toEqual([`${at}[0].image`]);
    expect(warnings).toEqual([
      {
        line: 18,
        message: `spec.template.spec.source.kustomize.images[1] builds a reference of ghcr.io/acme/web with {{.imageTag}}, which is not edited: its version comes from the generator's elements, where a version alone is not edited either: ${at}[0].imageTag holds 1.2.0, ${at}[1].imageTag holds 1.1.9; set it there, or hold the whole reference in an image: field of each generator element or file, which is edited`,
      },
    ]);
  });

  it("reads a kustomize `name=` string as the image `name` it applies to, whether it keeps the name (`*`) or gives a new one", () => {
    const text = listAppSet("          - {env: dev, imageTag: 1.2.0}\n          - {env: prod, imageTag: 1.1.9}", [
      "'ghcr.io/acme/web=*:{{.imageTag}}'",
      "'ghcr.io/acme/web=mirror.acme.dev:5000/web:{{.imageTag}}'",
      "'ghcr.io/acme/web=*@{{.digest}}'",
      "'busybox=*:{{.imageTag}}'",
    ]);
    const { text: out, changes, warnings } = edit(text, withImages("ghcr.io/acme/web:1.2.4"));
    expect([out, changes]).toEqual([text, []]);
    const elements = `${at}[0].imageTag holds 1.2.0, ${at}[1].imageTag holds 1.1.9; set it there`;
    const parameters =
      "the template's parameters (an Argo CD ApplicationSet's generators, such as a list generator's elements), where a version alone is not edited either; set it there";
    expect(warnings.map((w) => [w.line, w.message.slice(0, w.message.indexOf(", or hold"))])).toEqual([
      [
        16,
        `spec.template.spec.source.kustomize.images[0] builds a reference of ghcr.io/acme/web with {{.imageTag}}, which is not edited: its version comes from the generator's elements, where a version alone is not edited either: ${elements}`,
      ],
      [
        17,
        `spec.template.spec.source.kustomize.images[1] builds a reference of ghcr.io/acme/web with {{.imageTag}}, which is not edited: its version comes from the generator's elements, where a version alone is not edited either: ${elements}`,
      ],
      [
        18,
        `spec.template.spec.source.kustomize.images[2] builds a reference of ghcr.io/acme/web with {{.digest}}, which is not edited: its version comes from ${parameters}`,
      ],
    ]);
  });

  it("is not named when every element already holds the incoming version", () => {
    const text = listAppSet("          - {env: dev, imageTag: 1.2.4}\n          - {env: qa, imageTag: '1.2.4'}");
    expect(edit(text, withImages("ghcr.io/acme/web:1.2.4")).warnings).toEqual([]);
  });

  it("reads the list generators a matrix or merge generator nests, one level deeper too, and no other generator's fields", () => {
    const text = listAppSet(
      [
        "          - {env: dev, imageTag: 1.2.0}",
        "    - matrix:",
        "        generators:",
        "          - clusters: {values: {imageTag: 1.0.0}}",
        "          - list: {elements: [{env: qa, image: ghcr.io/acme/web:1.1.0, imageTag: 1.1.0}]}",
        "    - merge:",
        "        mergeKeys: [env]",
        "        generators:",
        "          - git: {repoURL: https://github.com/acme/envs, revision: main, files: [{path: 'envs/*.json'}]}",
        "          - matrix:",
        "              generators:",
        "                - list: {elements: [{env: prod, imageTag: 1.1.9}, {env: eu, imageTag: 1.2.4}]}",
        "                - clusters: {}",
      ].join("\n"),
    );
    const { text: out, changes, warnings } = edit(text, withImages("ghcr.io/acme/web:1.2.4"));
    expect(out).toBe(text.replace("web:1.1.0", "web:1.2.4"));
    expect(changes.map((c) => c.key)).toEqual(["spec.generators[1].matrix.generators[1].list.elements[0].image"]);
    expect(warnings.map((w) => w.message.slice(w.message.indexOf("either: ") + 8, w.message.indexOf("; set it there")))).toEqual([
      [
        `${at}[0].imageTag holds 1.2.0`,
        "spec.generators[1].matrix.generators[1].list.elements[0].imageTag holds 1.1.0",
        "spec.generators[2].merge.generators[1].matrix.generators[0].list.elements[0].imageTag holds 1.1.9",
      ].join(", "),
    ]);
  });

  it("names the template's parameters when no list element holds the placeholder's name", () => {
    const text = listAppSet("          - {env: dev, version: 1.2.0}");
    expect(edit(text, withImages("ghcr.io/acme/web:1.2.4")).warnings.map((w) => w.message.slice(w.message.indexOf("its version")))).toEqual([
      "its version comes from the template's parameters (an Argo CD ApplicationSet's generators, such as a list generator's elements), where a version alone is not edited either; set it there, or hold the whole reference in an image: field of each generator element or file, which is edited",
    ]);
  });
});

describe("an ApplicationSet templating many references from many list elements", () => {
  /** `n` elements at old versions and `n` Helm parameters that each read one from them. */
  const manyAppSet = (n: number) => `apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata: {name: web}
spec:
  generators:
    - list:
        elements:
${Array.from({ length: n }, (_, i) => `          - {cluster: c${i}, version: 1.0.${i}}`).join("\n")}
  template:
    spec:
      source:
        helm:
          parameters:
${Array.from({ length: n }, (_, i) => `            - {name: c${i}.image, value: 'ghcr.io/acme/web:{{.version}}'}`).join("\n")}
`;
  /** How often the policy judges a tag: the work done for each element's version and each reference. */
  const judged = (n: number) => {
    let calls = 0;
    const counting: Policy = { description: "any", latest: (tags) => (calls++, tags.at(-1)) };
    const { warnings } = edit(manyAppSet(n), withImages(update("ghcr.io/acme/web:2.0.0", counting)));
    return { calls, warnings };
  };

  it("names the same first five elements for every reference, and how many more", () => {
    const { warnings } = judged(200);
    const at = "spec.generators[0].list.elements";
    const named = [0, 1, 2, 3, 4].map((i) => `${at}[${i}].version holds 1.0.${i}`).join(", ");
    expect(warnings).toHaveLength(200);
    expect(new Set(warnings.map((w) => w.message.slice(w.message.indexOf("either: ") + 8, w.message.indexOf("; set it there"))))).toEqual(
      new Set([`${named} and 195 more`]),
    );
  });

  it("reads the elements once for all the references: twice as many of each is twice the work, not four times", () => {
    const [one, two] = [judged(200), judged(400)];
    expect(two.warnings).toHaveLength(400);
    // A few judgements for each element's version and one for each reference, where judging the elements again for each reference made n².
    expect(one.calls).toBeLessThanOrEqual(3 * 200);
    expect(two.calls).toBe(2 * one.calls);
  });
});

describe("a templated version the file's target policy would not move", () => {
  const semver12: Policy = { description: "semver ~1.2", latest: (tags) => tags.filter((tag) => /^1\.2\.\d+$/.test(tag)).at(-1) };
  const appSet = (elements: string) =>
    `apiVersion: argoproj.io/v1alpha1\nkind: ApplicationSet\nmetadata: {name: web}\nspec:\n  generators:\n    - list: {elements: [${elements}]}\n  template:\n    spec:\n      source:\n        kustomize:\n          images: ['ghcr.io/acme/web:{{.imageTag}}']\n`;

  it("is not named for an incoming tag the policy refuses, whether list elements hold the version or not", () => {
    for (const elements of ["{imageTag: 1.2.0}", "{env: dev}"])
      expect(edit(appSet(elements), withImages(update("ghcr.io/acme/web:1.3.0-rc.1", semver12))).warnings).toEqual([]);
  });

  it("is not named for a digest alone, which a policy cannot judge", () => {
    expect(edit(appSet("{env: dev}"), withImages(update(`ghcr.io/acme/web@${DIGEST_A}`, semver12))).warnings).toEqual([]);
  });

  it("is named for a tag the policy admits", () => {
    expect(edit(appSet("{env: dev}"), withImages(update("ghcr.io/acme/web:1.2.4", semver12))).warnings.map((w) => w.line)).toEqual([11]);
  });
});

describe("where a ${VAR} placeholder is filled in", () => {
  const flux = "the substitution variables (a Flux Kustomization's spec.postBuild.substitute or substituteFrom)";
  const elsewhere = "the variables that fill it in where the file is read (docker compose's environment or .env file, an envsubst step)";
  const source = (text: string, editors = [editImages]) =>
    runEditors(text, withImages("ghcr.io/acme/app:1.1.0"), editors).warnings.map((w) => /comes from (.*), which this tool/.exec(w.message)?.[1]);

  it("names Flux's substitution in a Kubernetes manifest, and a kustomization, which a Flux Kustomization builds", () => {
    const deployment = "apiVersion: apps/v1\nkind: Deployment\nspec: {template: {spec: {containers: [{name: a, image: 'ghcr.io/acme/app:${APP_TAG}'}]}}}\n";
    expect(source(deployment)).toEqual([flux]);
    const kustomization = "resources: [deploy.yaml]\nimages:\n  - {name: ghcr.io/acme/app, newTag: '${APP_TAG}'}\n";
    expect(source(kustomization, [editKustomizeImages])).toEqual([flux]);
  });

  it("names no Flux object in a compose file or a values file: something else fills them in", () => {
    const compose = "services:\n  migrate:\n    image: ghcr.io/acme/app:${APP_TAG:-1.0.0}\n";
    expect(source(compose)).toEqual([elsewhere]);
    const values = "image:\n  repository: ghcr.io/acme/app\n  tag: ${APP_TAG}\n";
    expect(source(values, [editHelmValues])).toEqual([elsewhere]);
  });
});
