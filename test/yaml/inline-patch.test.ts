/** Images inside a kustomization's inline patches: strategic merges and JSON6902 ops, spliced into the patch string's own bytes. */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { EditRequest } from "../../src/change.js";
import { editYaml, runEditors } from "../../src/yaml/editor.js";
import { editInlinePatches } from "../../src/yaml/inline-patch.js";
import { kustomize, withKubectl } from "../support/kubectl.js";
import { tempDir } from "../support/temp.js";
import { DIGEST_A, dataOf, numericVersions, update, withImages, withSetters } from "./helpers.js";

const edit = (text: string, request: EditRequest) => runEditors(text, request, [editInlinePatches]);

/** A patch file adding a container whose image a later op replaces: kustomize renders the later image alone (the earlier on line 3). */
const OVERWRITTEN = `- op: add
  path: /spec/template/spec/containers/0
  value: {name: side, image: ghcr.io/acme/app:0.5.0}
- op: replace
  path: /spec/template/spec/containers/0/image
  value: ghcr.io/acme/app:1.0.0
`;

/** The data of a kustomization and of every inline patch in it; fails the test when either does not parse. */
function patchData(text: string): unknown[] {
  const [kustomization] = dataOf(text) as { patches?: { patch?: string }[]; patchesStrategicMerge?: string[]; patchesJson6902?: { patch?: string }[] }[];
  const patches = [
    ...(kustomization!.patches ?? []).map((p) => p.patch),
    ...(kustomization!.patchesStrategicMerge ?? []),
    ...(kustomization!.patchesJson6902 ?? []).map((p) => p.patch),
  ];
  return patches.filter((patch) => patch !== undefined).map((patch) => dataOf(patch));
}

const KUSTOMIZATION = `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - ../../base
patches:
  # pinned by the release job
  - target: {kind: Deployment, name: app}
    patch: |-
      - op: replace
        path: /spec/template/spec/containers/0/image
        value: ghcr.io/acme/app:1.0.0
  - patch: |-
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: worker
      spec:
        template:
          spec:
            containers:
              - name: worker
                image: ghcr.io/acme/app:1.0.0 # same build
              - name: proxy
                image: docker.io/library/nginx:1.25
`;

describe("editInlinePatches", () => {
  it("edits a JSON6902 op and a strategic merge in `patches`, splicing only the image bytes", () => {
    const { text: out, changes, warnings } = edit(KUSTOMIZATION, withImages("ghcr.io/acme/app:1.1.0"));
    expect(out).toBe(`apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - ../../base
patches:
  # pinned by the release job
  - target: {kind: Deployment, name: app}
    patch: |-
      - op: replace
        path: /spec/template/spec/containers/0/image
        value: ghcr.io/acme/app:1.1.0
  - patch: |-
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: worker
      spec:
        template:
          spec:
            containers:
              - name: worker
                image: ghcr.io/acme/app:1.1.0 # same build
              - name: proxy
                image: docker.io/library/nginx:1.25
`);
    expect(changes.map((c) => [c.line, c.kind, c.key, c.old, c.new])).toEqual([
      [11, "image", "patches[0].patch[0].value", "ghcr.io/acme/app:1.0.0", "ghcr.io/acme/app:1.1.0"],
      [22, "image", "patches[1].patch: spec.template.spec.containers[0].image", "ghcr.io/acme/app:1.0.0", "ghcr.io/acme/app:1.1.0"],
    ]);
    expect(changes[0]!.object).toEqual({ apiVersion: "kustomize.config.k8s.io/v1beta1", kind: "Kustomization" });
    expect(warnings).toEqual([]);
    expect(patchData(out)).toEqual([
      [[{ op: "replace", path: "/spec/template/spec/containers/0/image", value: "ghcr.io/acme/app:1.1.0" }]],
      [
        expect.objectContaining({
          spec: { template: { spec: { containers: [expect.objectContaining({ image: "ghcr.io/acme/app:1.1.0" }), expect.anything()] } } },
        }),
      ],
    ]);
  });

  it("changes nothing on a second run", () => {
    const request = withImages(`ghcr.io/acme/app:1.1.0@${DIGEST_A}`);
    const once = edit(KUSTOMIZATION, request);
    expect(once.changes).toHaveLength(2);
    expect(edit(once.text, request)).toEqual({ text: once.text, changes: [], warnings: [] });
  });

  it("edits the deprecated patchesStrategicMerge strings and patchesJson6902 patches, leaving a patch file's path alone", () => {
    const text = `resources: [deploy.yaml]
patchesStrategicMerge:
  - app-patch.yaml
  - |-
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: app}
    spec:
      template:
        spec:
          initContainers:
            - {name: migrate, image: "ghcr.io/acme/app:1.0.0"}
patchesJson6902:
  - target: {group: apps, version: v1, kind: Deployment, name: app}
    patch: |-
      [{"op": "replace", "path": "/spec/template/spec/containers/0/image", "value": "ghcr.io/acme/app:1.0.0"}]
`;
    const { text: out, changes } = edit(text, withImages("ghcr.io/acme/app:1.1.0"));
    expect(out).toBe(text.replaceAll("ghcr.io/acme/app:1.0.0", "ghcr.io/acme/app:1.1.0"));
    expect(changes.map((c) => [c.line, c.key])).toEqual([
      [12, "patchesStrategicMerge[1]: spec.template.spec.initContainers[0].image"],
      [16, "patchesJson6902[0].patch[0].value"],
    ]);
    expect(patchData(out)).toEqual([
      ["app-patch.yaml"],
      [
        {
          apiVersion: "apps/v1",
          kind: "Deployment",
          metadata: { name: "app" },
          spec: { template: { spec: { initContainers: [{ name: "migrate", image: "ghcr.io/acme/app:1.1.0" }] } } },
        },
      ],
      [[{ op: "replace", path: "/spec/template/spec/containers/0/image", value: "ghcr.io/acme/app:1.1.0" }]],
    ]);
  });

  it("edits a JSON patch written in a one-line quoted string, in that string's escapes", () => {
    const text = `patchesJson6902:
  - target: {kind: Deployment, name: a}
    patch: '[{"op": "replace", "path": "/spec/template/spec/containers/0/image", "value": "ghcr.io/acme/app:1.0.0"}]'
  - target: {kind: Deployment, name: b}
    patch: "[{\\"op\\": \\"replace\\", \\"path\\": \\"/spec/template/spec/containers/0/image\\", \\"value\\": \\"ghcr.io/acme/app:1.0.0\\"}]"
  - target: {kind: Deployment, name: c}
    patch: "- op: add\\n  path: /spec/template/spec/containers/0/image\\n  value: ghcr.io/acme/app:1.0.0"
`;
    const { text: out, changes, warnings } = edit(text, withImages("ghcr.io/acme/app:1.1.0"));
    expect(out).toBe(text.replaceAll("ghcr.io/acme/app:1.0.0", "ghcr.io/acme/app:1.1.0"));
    expect(changes.map((c) => [c.line, c.key, c.new])).toEqual([
      [3, "patchesJson6902[0].patch[0].value", "ghcr.io/acme/app:1.1.0"],
      [5, "patchesJson6902[1].patch[0].value", "ghcr.io/acme/app:1.1.0"],
      [7, "patchesJson6902[2].patch[0].value", "ghcr.io/acme/app:1.1.0"],
    ]);
    expect(warnings).toEqual([]);
    expect(patchData(out).map((ops) => (ops as [{ value: string }[]])[0][0]!.value)).toEqual(Array(3).fill("ghcr.io/acme/app:1.1.0"));
  });

  it("edits nothing in an op list kustomize refuses to read, YAML's flow spelling after `[`, and says so at it: that build fails", () => {
    const op = "[{op: replace, path: /spec/template/spec/containers/0/image, value: ghcr.io/acme/app:1.0.0}]";
    const text = `patches:\n  - target: {kind: Deployment, name: a}\n    patch: '${op}'\n  - target: {kind: Deployment, name: b}\n    patch: |\n      ${op}\n`;
    const { text: out, changes, warnings } = edit(text, withImages("ghcr.io/acme/app:1.1.0"));
    const refused = (what: string) =>
      `${what} starts with "[", so kustomize reads it as JSON, which it is not: kubectl kustomize fails the build ("unable to parse SM or JSON patch"), ` +
      `so nothing in it is edited or read as applying; write it as JSON, every key and string in double quotes ([{"op": "replace", …}]), or as a YAML list (- op: replace)`;
    expect([out, changes, warnings]).toEqual([
      text,
      [],
      [
        { line: 3, message: refused("patches[0].patch") },
        { line: 5, message: refused("patches[1].patch") },
      ],
    ]);
    // A patch file so written, which kustomize reads as it is; a line break before its `[` makes it YAML, read.
    expect(edit(`${op}\n`, withImages("ghcr.io/acme/app:1.1.0")).warnings).toEqual([{ line: 1, message: refused("this patch file") }]);
    expect(edit(`\n${op}\n`, withImages("ghcr.io/acme/app:1.1.0")).changes.map((c) => c.new)).toEqual(["ghcr.io/acme/app:1.1.0"]);
  });

  it("keeps CRLF line breaks, a `|+` block's trailing lines and an indentation indicator", () => {
    const text = [
      "patches:",
      "  - patch: |+",
      "      - op: replace",
      "        path: /spec/template/spec/containers/0/image",
      "        value: ghcr.io/acme/app:1.0.0",
      "",
      "",
      "  - patch: |2-",
      "        # the sidecar",
      "      - op: add",
      "        path: /spec/template/spec/containers/-",
      "        value: {name: app, image: 'ghcr.io/acme/app:1.0.0'}",
      "",
    ].join("\r\n");
    const { text: out, changes } = edit(text, withImages("ghcr.io/acme/app:1.1.0"));
    expect(out).toBe(text.replaceAll("ghcr.io/acme/app:1.0.0", "ghcr.io/acme/app:1.1.0"));
    expect(changes.map((c) => [c.line, c.key])).toEqual([
      [5, "patches[0].patch[0].value"],
      [12, "patches[1].patch[0].value.image"],
    ]);
    expect(patchData(out)).toEqual([
      [[{ op: "replace", path: "/spec/template/spec/containers/0/image", value: "ghcr.io/acme/app:1.1.0" }]],
      [[{ op: "add", path: "/spec/template/spec/containers/-", value: { name: "app", image: "ghcr.io/acme/app:1.1.0" } }]],
    ]);
    expect((dataOf(out)[0] as { patches: { patch: string }[] }).patches[0]!.patch.endsWith("1.1.0\n\n\n")).toBe(true);
  });

  it("gives a bare repository a tag in a container, warns about it elsewhere, and leaves a `test` op's value", () => {
    const text = `patches:
  - patch: |
      - op: test
        path: /spec/template/spec/containers/0/image
        value: ghcr.io/acme/app:0.9.0
      - op: add
        path: /spec/template/spec/initContainers
        value:
          - name: migrate
            image: ghcr.io/acme/app
      - op: add
        path: /metadata/annotations/image
        value: ghcr.io/acme/app
`;
    const { text: out, changes, warnings } = edit(text, withImages("ghcr.io/acme/app:1.1.0"));
    expect(out).toBe(text.replace("image: ghcr.io/acme/app\n", "image: ghcr.io/acme/app:1.1.0\n"));
    expect(changes.map((c) => [c.line, c.key, c.old, c.new])).toEqual([
      [10, "patches[0].patch[1].value[0].image", "ghcr.io/acme/app", "ghcr.io/acme/app:1.1.0"],
    ]);
    expect(warnings.map((w) => [w.line, w.message.split(" holds")[0]])).toEqual([
      [5, "patches[0].patch[0].value"],
      [13, "patches[0].patch[2].value"],
    ]);
  });

  it("leaves a `test` op guarding an image this run moves, and warns that kustomize fails it once the tested field moves", () => {
    const text = `patches:
  - target: {kind: Deployment, name: app}
    patch: |
      - op: test
        path: /spec/template/spec/containers/0/image
        value: ghcr.io/acme/app:1.0.0
      - op: replace
        path: /spec/template/spec/containers/0/image
        value: ghcr.io/acme/app:1.0.1
      - op: test
        path: /spec/template/spec/containers/1/image
        value: ghcr.io/acme/app:1.1.0
      - op: test
        path: /spec/template/spec/containers/2
        value: {name: helm, image: {repository: ghcr.io/acme/app, tag: 1.0.0}}
`;
    const { text: out, changes, warnings } = edit(text, withImages("ghcr.io/acme/app:1.1.0"));
    expect(out).toBe(text.replace("value: ghcr.io/acme/app:1.0.1", "value: ghcr.io/acme/app:1.1.0"));
    expect(changes.map((c) => c.key)).toEqual(["patches[0].patch[1].value"]);
    // The guard already holding the incoming version is quiet; a Helm pair in a guard is left and said too.
    const guard =
      "in a test op, which is left as it is (it tests the resource before the patch); if this run moves the field it tests (in the base, say), kustomize fails the test: update its value or drop the op";
    expect(warnings).toEqual([
      { line: 6, message: `patches[0].patch[0].value holds ghcr.io/acme/app:1.0.0 ${guard}` },
      { line: 15, message: `patches[0].patch[3].value.image holds ghcr.io/acme/app:1.0.0 ${guard}` },
    ]);
  });

  it("warns of a `test` op guarding a Helm image written as name: (Argo CD Image Updater's spelling), as of one written as repository:", () => {
    const text = `patches:
  - target: {kind: HelmRelease, name: app}
    patch: |
      - op: test
        path: /spec/values/image
        value: {name: acme/app, registry: ghcr.io, tag: 1.0.0}
`;
    const { text: out, warnings } = edit(text, withImages("ghcr.io/acme/app:1.1.0"));
    expect(out).toBe(text);
    expect(warnings.map((w) => [w.line, w.message.slice(0, w.message.indexOf(" in a test op"))])).toEqual([
      [6, "patches[0].patch[0].value holds ghcr.io/acme/app:1.0.0"],
    ]);
  });

  it("warns of a `test` op guarding a Helm image whose registry is YAML's null, as Helm drops the key: the repository alone names it; a quoted '~' is a registry", () => {
    const op = (registry: string) => `      - op: test
        path: /spec/values/image
        value: {registry: ${registry}, repository: acme/app, tag: 1.0.0}
`;
    const text = `patches:\n  - target: {kind: HelmRelease, name: app}\n    patch: |\n${op("~")}${op("null")}${op("'~'")}`;
    const { text: out, warnings } = edit(text, withImages("acme/app:1.1.0"));
    expect(out).toBe(text);
    expect(warnings.map((w) => [w.line, w.message.slice(0, w.message.indexOf(" in a test op"))])).toEqual([
      [6, "patches[0].patch[0].value holds acme/app:1.0.0"],
      [9, "patches[0].patch[1].value holds acme/app:1.0.0"],
    ]);
  });

  it("says nothing of a `test` op guarding a Helm image whose registry it cannot read (a mapping or list, a template): the image is not known, and its pair is not moved", () => {
    const op = (registry: string) => `      - op: test
        path: /spec/values/image
        value: {registry: ${registry}, repository: acme/app, tag: 1.0.0}
`;
    const text = `patches:\n  - target: {kind: HelmRelease, name: app}\n    patch: |\n${op("[ghcr.io]")}${op("{host: ghcr.io}")}${op("'{{ .Values.registry }}'")}`;
    for (const image of ["acme/app:1.1.0", "ghcr.io/acme/app:1.1.0"]) expect(edit(text, withImages(image))).toEqual({ text, changes: [], warnings: [] });
  });

  it("warns of a `test` op guarding a Helm image whose registry is an alias of a string anchored in the patch, as YAML reads it; of a list, it says nothing", () => {
    const text = (anchored: string) => `patches:
  - target: {kind: HelmRelease, name: app}
    patch: |
      - op: test
        path: /spec/values/global
        value: {registry: &reg ${anchored}}
      - op: test
        path: /spec/values/image
        value: {registry: *reg, repository: acme/app, tag: 1.0.0}
`;
    expect(
      edit(text("ghcr.io"), withImages("ghcr.io/acme/app:1.1.0")).warnings.map((w) => [w.line, w.message.slice(0, w.message.indexOf(" in a test op"))]),
    ).toEqual([[9, "patches[0].patch[1].value holds ghcr.io/acme/app:1.0.0"]]);
    for (const image of ["acme/app:1.1.0", "ghcr.io/acme/app:1.1.0"]) expect(edit(text("[ghcr.io]"), withImages(image)).warnings).toEqual([]);
  });

  it("reads no container's name beside its image as a repository in a `test` op, whether that image is a string or a mapping", () => {
    const text = (image: string) => `patches:
  - target: {kind: HelmRelease, name: app}
    patch: |
      - op: test
        path: /spec/values/app
        value: {name: app, image: ${image}, tag: 1.0.0}
`;
    for (const image of ["ghcr.io/acme/web:2.0.0", "{repository: ghcr.io/acme/web, tag: 2.0.0}"]) {
      expect(edit(text(image), withImages("app:1.1.0")).warnings).toEqual([]);
    }
  });

  it("keeps a newer tag its policy ranks higher", () => {
    const text = "patches:\n  - patch: |-\n      - {op: replace, path: /spec/template/spec/containers/0/image, value: ghcr.io/acme/app:2.0}\n";
    const { text: out, changes } = edit(text, withImages(update("ghcr.io/acme/app:1.5", numericVersions)));
    expect([out, changes]).toEqual([text, []]);
    expect(edit(text, withImages(update("ghcr.io/acme/app:2.1", numericVersions))).text).toBe(text.replace(":2.0", ":2.1"));
  });

  it("warns about an image in a folded or multi-line quoted string, or one escaped unusually, and edits none", () => {
    const text = `patches:
  - patch: >-
      [{"op": "replace", "path": "/spec/template/spec/containers/0/image",
      "value": "ghcr.io/acme/app:1.0.0"}]
  - patch: "- op: replace\\n  path: /spec/template/spec/containers/0/image\\n
      \\ value: ghcr.io/acme/app:1.0.0"
  - patch: "[{\\"op\\": \\"replace\\", \\"path\\": \\"/spec/template/spec/containers/0/image\\", \\"value\\": \\"ghcr.io\\/acme/app:1.0.0\\"}]"
`;
    expect(patchData(text)).toHaveLength(3);
    const { text: out, changes, warnings } = edit(text, withImages("ghcr.io/acme/app:1.1.0"));
    expect([out, changes]).toEqual([text, []]);
    const advice = "which is not edited; write the patch as a literal block scalar (|) to have its image updated";
    expect(warnings).toEqual([
      { line: 2, message: `patches[0].patch holds ghcr.io/acme/app in a folded (>) string, ${advice}` },
      { line: 5, message: `patches[1].patch holds ghcr.io/acme/app in a multi-line double-quoted string, ${advice}` },
      { line: 7, message: `patches[2].patch holds ghcr.io/acme/app in a double-quoted string with non-canonical escapes, ${advice}` },
    ]);
  });

  it("still reports what the patch keeps when its form cannot be edited: a tag its policy ranks higher, a bare repository", () => {
    const ops = '[{"op": "replace", "path": "/spec/template/spec/containers/0/image", "value": "ghcr.io/acme/app:2.0"}';
    const bare = '{"op": "add", "path": "/metadata/annotations/image", "value": "ghcr.io/acme/app"}]';
    const text = `patches:\n  - patch: >-\n      ${ops},\n      ${bare}\n`;
    expect(patchData(text)).toHaveLength(1);
    const { text: out, changes, warnings } = edit(text, withImages(update("ghcr.io/acme/app:1.5", numericVersions)));
    expect([out, changes]).toEqual([text, []]);
    expect(warnings.map((w) => [w.line, w.message.split(/(?<=\]\.value) /)[0]])).toEqual([
      [2, "patches[0].patch[0].value"],
      [2, "patches[0].patch[1].value"],
    ]);
    expect(warnings[0]!.message).toMatch(/keeps 2\.0, which its policy .* ranks above the incoming 1\.5/);
    expect(warnings[1]!.message).toMatch(/holds ghcr\.io\/acme\/app with no tag or digest/);
  });

  it("leaves a Flux marker inside a patch to the patch text: no setter edits it, the repository rule does", () => {
    const text = `patches:
  - patch: |-
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: app}
      spec:
        template:
          spec:
            containers:
              - name: app
                image: ghcr.io/acme/app:1.0.0 # {"$imagepolicy": "flux-system:app"}
`;
    expect(editYaml(text, withSetters({ "flux-system:app": "ghcr.io/acme/app:1.1.0" })).text).toBe(text);
    expect(editYaml(text, withImages("ghcr.io/acme/app:1.1.0")).text).toBe(text.replace("app:1.0.0", "app:1.1.0"));
  });

  it("edits a Flux Kustomization's spec.patches", () => {
    const text = `apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata: {name: apps, namespace: flux-system}
spec:
  path: ./apps
  patches:
    - target: {kind: Deployment, name: app}
      patch: |
        - op: replace
          path: /spec/template/spec/containers/0/image
          value: ghcr.io/acme/app:1.0.0
`;
    const { text: out, changes } = editYaml(text, withImages("ghcr.io/acme/app:1.1.0"));
    expect(out).toBe(text.replace("app:1.0.0", "app:1.1.0"));
    expect(changes.map((c) => [c.line, c.key])).toEqual([[11, "spec.patches[0].patch[0].value"]]);
    expect(changes[0]!.object).toMatchObject({ kind: "Kustomization", name: "apps" });
  });

  it("edits a HelmRelease's values {repository, tag} patched per environment: a strategic merge or an op's value, in a kustomization or a Flux Kustomization", () => {
    const overlay = `resources: [../base]
patches:
  - patch: |
      apiVersion: helm.toolkit.fluxcd.io/v2
      kind: HelmRelease
      metadata:
        name: podinfo
      spec:
        values:
          image:
            repository: ghcr.io/stefanprodan/podinfo
            tag: 6.5.1 # staging
  - target: {kind: HelmRelease, name: podinfo}
    patch: |
      - op: replace
        path: /spec/values/image
        value: {repository: ghcr.io/stefanprodan/podinfo, tag: 6.5.1}
`;
    const { text: out, changes } = edit(overlay, withImages("ghcr.io/stefanprodan/podinfo:6.6.0"));
    expect(out).toBe(overlay.replaceAll("tag: 6.5.1", "tag: 6.6.0"));
    expect(patchData(out)).toHaveLength(2);
    expect(changes.map((c) => [c.line, c.kind, c.key, c.old, c.new])).toEqual([
      [12, "helm", "patches[0].patch: spec.values.image.tag", "6.5.1", "6.6.0"],
      [17, "helm", "patches[1].patch[0].value.tag", "6.5.1", "6.6.0"],
    ]);
    const flux = `apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata: {name: apps, namespace: flux-system}
spec:
  patches:
    - patch: |-
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata: {name: app}
        spec:
          values:
            image: {registry: ghcr.io, repository: acme/app, tag: "1.9"}
`;
    expect(editYaml(flux, withImages("ghcr.io/acme/app:1.10")).text).toBe(flux.replace('"1.9"', '"1.10"'));
  });

  it("edits a HelmRelease's tag a patch writes alone where the engine pairs it (pairedTags) with the patched base's repository: a strategic merge or an op, inline or in a patch file", () => {
    const PODINFO = "ghcr.io/stefanprodan/podinfo";
    const overlay = `resources: [../base]
patches:
  - target: {kind: HelmRelease}
    patch: |
      apiVersion: helm.toolkit.fluxcd.io/v2
      kind: HelmRelease
      metadata:
        name: podinfo
      spec:
        values:
          image:
            tag: 6.0.0
  - target: {kind: HelmRelease, name: podinfo}
    patch: '[{"op": "replace", "path": "/spec/values/image/tag", "value": "6.0.0"}]'
`;
    const paired = new Map([
      ["patches[0].patch: spec.values.image.tag", PODINFO],
      ["patches[1].patch[0].value", PODINFO],
    ]);
    const { text: out, changes } = edit(overlay, { ...withImages(`${PODINFO}:6.1.0`), pairedTags: new Map([[0, paired]]) });
    expect(out).toBe(overlay.replaceAll("6.0.0", "6.1.0"));
    expect(changes.map((c) => [c.line, c.kind, c.key, c.old, c.new])).toEqual([
      [12, "helm", "patches[0].patch: spec.values.image.tag", "6.0.0", "6.1.0"],
      [14, "helm", "patches[1].patch[0].value", "6.0.0", "6.1.0"],
    ]);
    // Unpaired, a tag alone names no image: it is left.
    expect(edit(overlay, withImages(`${PODINFO}:6.1.0`)).text).toBe(overlay);
    // A patch file of ops, its document paired by index.
    const ops = "- op: replace\n  path: /spec/values/image/tag\n  value: 6.0.0 # staging\n";
    const file = edit(ops, { ...withImages(`${PODINFO}:6.1.0@${DIGEST_A}`), pairedTags: new Map([[0, new Map([["[0].value", PODINFO]])]]) });
    expect([file.text, file.warnings.map((w) => w.message)]).toEqual([
      ops.replace("6.0.0", "6.1.0"),
      [
        `[0].value has no digest field, so only the tag of ${PODINFO}:6.1.0@${DIGEST_A} is set there: its digest is not pinned (a digest field beside the tag would take it)`,
      ],
    ]);
  });

  it("edits a HelmRelease's kustomize post-renderer patches and an Argo CD source's kustomize patches", () => {
    const release = `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata: {name: app}
spec:
  postRenderers:
    - kustomize:
        patches:
          - target: {kind: Deployment}
            patch: |
              - op: replace
                path: /spec/template/spec/containers/0/image
                value: ghcr.io/acme/app:1.0.0
`;
    const { text: out, changes } = editYaml(release, withImages("ghcr.io/acme/app:1.1.0"));
    expect(out).toBe(release.replace("app:1.0.0", "app:1.1.0"));
    expect(changes.map((c) => [c.line, c.key])).toEqual([[12, "spec.postRenderers[0].kustomize.patches[0].patch[0].value"]]);
    const application = `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata: {name: app}
spec:
  sources:
    - repoURL: https://github.com/acme/manifests
      path: apps/app
      kustomize:
        patches:
          - target: {kind: Deployment, name: app}
            patch: |-
              - op: replace
                path: /spec/template/spec/containers/0/image
                value: ghcr.io/acme/app:1.0.0
`;
    const argo = editYaml(application, withImages("ghcr.io/acme/app:1.1.0"));
    expect(argo.text).toBe(application.replace("app:1.0.0", "app:1.1.0"));
    expect(argo.changes.map((c) => [c.line, c.key])).toEqual([[14, "spec.sources[0].kustomize.patches[0].patch[0].value"]]);
  });

  it("edits a JSON6902 patch file (a kustomization's `path:`), a list of ops in its own bytes; a list of anything else is no patch", () => {
    const ops = `# pinned by the release job
- op: test
  path: /spec/template/spec/containers/0/image
  value: ghcr.io/acme/app:0.9.0
- op: replace
  path: /spec/template/spec/containers/0/image
  value: ghcr.io/acme/app:1.0.0 # the running build
`;
    const { text, changes } = editYaml(ops, withImages("ghcr.io/acme/app:1.1.0"));
    expect(text).toBe(ops.replace("app:1.0.0", "app:1.1.0"));
    expect(changes.map((c) => [c.line, c.kind, c.key])).toEqual([[7, "image", "[1].value"]]);
    const notOps = "- name: app\n  value: ghcr.io/acme/app:1.0.0\n- op: replace\n  path: /spec\n  value: ghcr.io/acme/app:1.0.0\n";
    expect(editYaml(notOps, withImages("ghcr.io/acme/app:1.1.0")).text).toBe(notOps);
  });

  it("edits only the op whose image kustomize renders: a later op writing into the item an earlier one added overwrites its image, which is left", () => {
    const { text, changes } = editYaml(OVERWRITTEN, withImages("ghcr.io/acme/app:1.1.0"));
    expect(text).toBe(OVERWRITTEN.replace("app:1.0.0", "app:1.1.0"));
    expect(changes.map((c) => [c.line, c.key, c.old])).toEqual([[6, "[1].value", "ghcr.io/acme/app:1.0.0"]]);
  });

  it("gives a container a patch file adds with a bare image the tag, with no word about a missing one: the op rule decides, not the manifest rule", () => {
    const ops = "- op: add\n  path: /spec/template/spec/containers/-\n  value:\n    name: sidecar\n    image: ghcr.io/acme/app\n";
    const { text, warnings } = editYaml(ops, withImages("ghcr.io/acme/app:1.1.0"));
    expect(text).toBe(ops.replace("image: ghcr.io/acme/app", "image: ghcr.io/acme/app:1.1.0"));
    expect(warnings).toEqual([]);
  });

  it("leaves an op's bare image to a kustomization's images: that tags it, silently or saying the reason given, as in a manifest", () => {
    const inline = `patches:
  - patch: |
      - op: replace
        path: /spec/template/spec/containers/0/image
        value: ghcr.io/acme/api
images:
  - name: ghcr.io/acme/api
    newTag: 1.0.0
`;
    const file = "- op: replace\n  path: /spec/template/spec/containers/0/image\n  value: ghcr.io/acme/api\n";
    const tagged = (reason?: string) => ({ ...withImages("ghcr.io/acme/api:2.0.0"), kustomizeTagged: new Map([["ghcr.io/acme/api", reason]]) });
    expect(edit(inline, tagged())).toEqual({ text: inline, changes: [], warnings: [] });
    expect(editYaml(file, tagged())).toEqual({ text: file, changes: [], warnings: [] });
    expect(editYaml(file, tagged("is left: a reason")).warnings).toEqual([{ line: 3, message: "[0].value is left: a reason" }]);
    // Untagged by any kustomization, it gets the tag, as before.
    expect(editYaml(file, withImages("ghcr.io/acme/api:2.0.0")).text).toBe(file.replace("api\n", "api:2.0.0\n"));
  });

  it("leaves a `patches:` key of anything but a kustomization alone", () => {
    const text = `apiVersion: example.com/v1
kind: PatchSet
patches:
  - patch: |-
      - op: replace
        path: /spec/template/spec/containers/0/image
        value: ghcr.io/acme/app:1.0.0
`;
    expect(edit(text, withImages("ghcr.io/acme/app:1.1.0"))).toEqual({ text, changes: [], warnings: [] });
    expect(editYaml(text, withImages("ghcr.io/acme/app:1.1.0")).text).toBe(text);
  });
});

describe("a real kustomize renders the edited patches", () => {
  withKubectl("kubectl kustomize shows the new image from a JSON6902 and a strategic-merge patch", async () => {
    const dir = await tempDir("gp-inline-patch-");
    await mkdir(join(dir, "base"));
    await mkdir(join(dir, "overlay"));
    const deployment = (name: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}}
spec:
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      containers:
        - {name: ${name}, image: ghcr.io/acme/${name}:0.1.0}
`;
    await writeFile(join(dir, "base", "app.yaml"), deployment("app"));
    await writeFile(join(dir, "base", "worker.yaml"), deployment("worker"));
    await writeFile(join(dir, "base", "kustomization.yaml"), "resources: [app.yaml, worker.yaml]\n");
    const overlay = `resources: [../base]
patches:
  - target: {kind: Deployment, name: app}
    patch: |-
      [{"op": "replace", "path": "/spec/template/spec/containers/0/image", "value": "ghcr.io/acme/app:1.0.0"}]
  - patch: |-
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: worker}
      spec:
        template:
          spec:
            containers:
              - name: worker
                image: ghcr.io/acme/app:1.0.0
`;
    const render = async (kustomization: string) => {
      await writeFile(join(dir, "overlay", "kustomization.yaml"), kustomization);
      return kustomize(join(dir, "overlay"));
    };
    expect((await render(overlay)).match(/image: \S+/g)).toEqual(["image: ghcr.io/acme/app:1.0.0", "image: ghcr.io/acme/app:1.0.0"]);
    const { text, changes } = editYaml(overlay, withImages("ghcr.io/acme/app:1.1.0"));
    expect(changes).toHaveLength(2);
    expect((await render(text)).match(/image: \S+/g)).toEqual(["image: ghcr.io/acme/app:1.1.0", "image: ghcr.io/acme/app:1.1.0"]);
  });

  withKubectl("kubectl kustomize shows the new tag from a HelmRelease values patch", async () => {
    const dir = await tempDir("gp-helm-patch-");
    const release = `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata: {name: podinfo}
spec:
  chart: {spec: {chart: podinfo, sourceRef: {kind: HelmRepository, name: podinfo}}}
  values:
    image: {repository: ghcr.io/stefanprodan/podinfo, tag: 6.5.0}
`;
    await writeFile(join(dir, "hr.yaml"), release);
    const kustomization = `resources: [hr.yaml]
patches:
  - patch: |
      apiVersion: helm.toolkit.fluxcd.io/v2
      kind: HelmRelease
      metadata: {name: podinfo}
      spec:
        values:
          image:
            repository: ghcr.io/stefanprodan/podinfo
            tag: 6.5.1
`;
    const render = async (text: string) => {
      await writeFile(join(dir, "kustomization.yaml"), text);
      return kustomize(dir).match(/tag: \S+/g);
    };
    expect(await render(kustomization)).toEqual(["tag: 6.5.1"]);
    expect(await render(editYaml(kustomization, withImages("ghcr.io/stefanprodan/podinfo:6.6.0")).text)).toEqual(["tag: 6.6.0"]);
  });

  withKubectl("kubectl kustomize shows the new image from a JSON6902 patch file", async () => {
    const dir = await tempDir("gp-patch-file-");
    const deployment = `apiVersion: apps/v1
kind: Deployment
metadata: {name: app}
spec:
  selector: {matchLabels: {app: app}}
  template:
    metadata: {labels: {app: app}}
    spec:
      containers:
        - {name: app, image: ghcr.io/acme/app:0.1.0}
`;
    await writeFile(join(dir, "app.yaml"), deployment);
    await writeFile(join(dir, "kustomization.yaml"), "resources: [app.yaml]\npatches:\n  - path: ops.yaml\n    target: {kind: Deployment, name: app}\n");
    const ops = "- op: replace\n  path: /spec/template/spec/containers/0/image\n  value: ghcr.io/acme/app:1.0.0\n";
    await writeFile(join(dir, "ops.yaml"), ops);
    expect((await kustomize(dir)).match(/image: \S+/g)).toEqual(["image: ghcr.io/acme/app:1.0.0"]);
    await writeFile(join(dir, "ops.yaml"), editYaml(ops, withImages("ghcr.io/acme/app:1.1.0")).text);
    expect((await kustomize(dir)).match(/image: \S+/g)).toEqual(["image: ghcr.io/acme/app:1.1.0"]);
  });
  withKubectl("kubectl kustomize shows the later op's image in the item an earlier op added, the earlier one's nowhere", async () => {
    const dir = await tempDir("gp-overwritten-op-");
    await writeFile(
      join(dir, "app.yaml"),
      "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: app}\nspec:\n  template:\n    spec:\n      containers:\n        - {name: app, image: ghcr.io/acme/app:0.1.0}\n",
    );
    await writeFile(join(dir, "kustomization.yaml"), "resources: [app.yaml]\npatches:\n  - path: ops.yaml\n    target: {kind: Deployment, name: app}\n");
    await writeFile(join(dir, "ops.yaml"), editYaml(OVERWRITTEN, withImages("ghcr.io/acme/app:1.1.0")).text);
    expect((await kustomize(dir)).match(/image: \S+/g)).toEqual(["image: ghcr.io/acme/app:1.1.0", "image: ghcr.io/acme/app:0.1.0"]);
  });
});
