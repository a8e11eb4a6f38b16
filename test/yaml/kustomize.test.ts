/** kustomization `images:` entries: newTag/digest updates and byte-minimal insertions. */
import { describe, expect, it } from "vitest";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "yaml";
import type { EditRequest } from "../../src/change.js";
import { planUpdate } from "../../src/engine/plan.js";
import { memorySource } from "../../src/engine/source.js";
import { editYaml, runEditors } from "../../src/yaml/editor.js";
import { editKustomizeImages, renamesIn } from "../../src/yaml/kustomize.js";
import { kustomize, withKubectl } from "../support/kubectl.js";
import { tempDir } from "../support/temp.js";
import { actionFieldName } from "../support/faces.js";
import { DIGEST_A, DIGEST_B, dataOf, update, withImages } from "./helpers.js";

const edit = (text: string, request: EditRequest) => runEditors(text, request, [editKustomizeImages]);

const kustomization = (images: string) => `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - deploy.yaml
images:
${images}`;

describe("editKustomizeImages", () => {
  it("updates newTag of the entry whose name is the incoming repository", () => {
    const text = kustomization("  - name: nginx\n    newTag: 1.25.0\n  - name: ghcr.io/acme/app\n    newTag: 1.0.0 # keep\n");
    const { text: out, changes } = edit(text, withImages("ghcr.io/acme/app:1.1.0"));
    expect(out).toBe(text.replace("1.0.0 # keep", "1.1.0 # keep"));
    expect(changes).toEqual([
      {
        line: 9,
        kind: "kustomize",
        key: "images[1].newTag",
        old: "1.0.0",
        new: "1.1.0",
        object: { apiVersion: "kustomize.config.k8s.io/v1beta1", kind: "Kustomization" },
      },
    ]);
  });

  it("leaves a newTag or digest that a substitution or template fills in, naming where its version comes from", () => {
    const text = kustomization("  - name: ghcr.io/acme/app\n    newTag: ${APP_TAG}\n  - name: ghcr.io/acme/web\n    newTag: '{{.tag}}'\n");
    const { text: out, changes, warnings } = edit(text, withImages("ghcr.io/acme/app:1.1.0", "ghcr.io/acme/web:2.0.0"));
    expect([out, changes]).toEqual([text, []]);
    expect(warnings.map((w) => [w.line, w.message.replace(/, which is not edited.*/, "")])).toEqual([
      [7, "images[0].newTag sets the tag of ghcr.io/acme/app with ${APP_TAG}"],
      [9, "images[1].newTag sets the tag of ghcr.io/acme/web with {{.tag}}"],
    ]);
  });

  it("matches by newName when the entry renames the image, and says so where it renames an incoming one to another with its own tag", () => {
    const text = kustomization("  - name: app\n    newName: ghcr.io/acme/app\n    newTag: 1.0.0\n");
    expect(edit(text, withImages("ghcr.io/acme/app:1.1.0")).text).toBe(text.replace("1.0.0", "1.1.0"));
    const mirrored = edit(text, withImages("docker.io/library/app:1.1.0"));
    expect(mirrored.text).toBe(text);
    expect(mirrored.warnings).toEqual([
      {
        line: 6,
        message:
          "images[0] renames docker.io/library/app to ghcr.io/acme/app, whose tag is left as it is (it is ghcr.io/acme/app's, not docker.io/library/app's); if ghcr.io/acme/app mirrors these builds, set that tag with --set or a configured override",
      },
    ]);
    // The set it advises is named as the request's face names it.
    expect(edit(text, { ...withImages("docker.io/library/app:1.1.0"), fieldName: actionFieldName }).warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/; if ghcr\.io\/acme\/app mirrors these builds, set that tag with input set or a configured override$/),
    ]);
    // One already at the incoming tag (an override follows the mirror) is no news either.
    expect(edit(text.replace("1.0.0", "1.1.0"), withImages("docker.io/library/app:1.1.0")).warnings).toEqual([]);
    // A rename with no tag of its own takes the manifests' tag, which moves: no news.
    expect(edit(kustomization("  - name: app\n    newName: ghcr.io/acme/app\n"), withImages("docker.io/library/app:1.1.0")).warnings).toEqual([]);
    // A digest alone: a rename to the incoming repository with no newTag is given digest: alone (how-it-decides,
    // "Digests and tags"); one renaming the incoming repository away is the mirror's, and is left.
    const toIncoming = kustomization("  - name: app\n    newName: ghcr.io/acme/app\n");
    expect(edit(toIncoming, withImages(`ghcr.io/acme/app@${DIGEST_A}`)).text).toBe(`${toIncoming}    digest: ${DIGEST_A}\n`);
    const away = kustomization("  - name: ghcr.io/acme/app\n    newName: registry.internal/app\n");
    expect(edit(away, withImages(`ghcr.io/acme/app@${DIGEST_A}`))).toMatchObject({ text: away, changes: [] });
  });

  it("no longer says a renamed tag is left once an override, configured or --set, sets that newTag as the warning advises", async () => {
    const text = "images:\n- name: ghcr.io/acme/web\n  newName: registry.acme.internal/acme/web\n  newTag: 2.0.0\n";
    const override = "overrides:\n  - file: kustomization.yaml\n    spec: images[0].newTag\n    image: ghcr.io/acme/web\n    part: tag\n";
    const run = (files: Record<string, string>, sets: string[] = []) =>
      planUpdate(memorySource(new Map(Object.entries({ "kustomization.yaml": text, ...files }))), {
        images: ["ghcr.io/acme/web:2.1.0"],
        setters: [],
        sets,
        paths: [],
      });
    const plain = await run({});
    expect(plain.changes).toEqual([]);
    expect(plain.warnings.map((w) => [w.file, w.line])).toEqual([["kustomization.yaml", 2]]);
    for (const answered of [await run({ ".github/gitops-promote.yaml": override }), await run({}, ["kustomization.yaml:images[0].newTag=2.1.0"])]) {
      expect(answered.changes.map((c) => [c.line, c.key, c.old, c.new])).toEqual([[4, "images[0].newTag", "2.0.0", "2.1.0"]]);
      expect(answered.warnings).toEqual([]);
    }
  });

  it("inserts a missing newTag at the siblings' indentation, reported as a field created (no old value)", () => {
    const text = kustomization("  - name: nginx # the proxy\n  - name: redis\n");
    const { text: out, changes } = edit(text, withImages("nginx:1.26"));
    expect(out).toBe(kustomization('  - name: nginx # the proxy\n    newTag: "1.26"\n  - name: redis\n'));
    expect(changes.map((change) => [change.line, change.key, change.old, change.new, change.op])).toEqual([[7, "images[0].newTag", "", "1.26", "create"]]);
    // A newTag that holds "" is set, not created.
    const empty = kustomization('  - name: nginx\n    newTag: ""\n');
    expect(edit(empty, withImages("nginx:1.26")).changes.map((change) => [change.old, change.new, change.op])).toEqual([["", "1.26", undefined]]);
  });

  it("inserts newTag and digest in order, with CRLF, at the end of a file without a final line break", () => {
    const text = kustomization("  - name: ghcr.io/acme/app").replaceAll("\n", "\r\n");
    const { text: out, changes } = edit(text, withImages(`ghcr.io/acme/app:v2@${DIGEST_A}`));
    expect(out).toBe(`${text}\r\n    newTag: v2\r\n    digest: ${DIGEST_A}`);
    expect(changes.map((change) => [change.line, change.key])).toEqual([
      [7, "images[0].newTag"],
      [8, "images[0].digest"],
    ]);
  });

  it("inserts with CRLF in the middle of a CRLF file too, after a plain value or a |+ block scalar that keeps its blank line", () => {
    const crlf = (text: string) => text.replaceAll("\n", "\r\n");
    const head = "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nimages:\n  - name: ghcr.io/acme/app\n";
    const tail = "resources:\n  - deploy.yaml\n";
    expect(edit(crlf(head + tail), withImages("ghcr.io/acme/app:v2")).text).toBe(crlf(`${head}    newTag: v2\n${tail}`));
    const kept = `${head}    newName: ghcr.io/acme/app\n    note: |+\n      x\n\n`;
    expect(edit(crlf(kept + tail), withImages("ghcr.io/acme/app:v2")).text).toBe(crlf(`${kept}    newTag: v2\n${tail}`));
  });

  it("inserts into a flow mapping entry", () => {
    const text = kustomization("  - {name: ghcr.io/acme/app}\n");
    expect(edit(text, withImages("ghcr.io/acme/app:v2")).text).toBe(kustomization("  - {name: ghcr.io/acme/app, newTag: v2}\n"));
    const trailingComma = kustomization("  - {name: ghcr.io/acme/app, }\n");
    expect(edit(trailingComma, withImages("ghcr.io/acme/app:v2")).text).toBe(kustomization("  - {name: ghcr.io/acme/app, newTag: v2, }\n"));
  });

  it("inserts after an entry whose last value is a block scalar", () => {
    const text = kustomization("  - name: ghcr.io/acme/app\n    note: |\n      pinned for the release\n\nreplicas: []\n");
    const { text: out } = edit(text, withImages("ghcr.io/acme/app:v2"));
    expect(out).toBe(kustomization("  - name: ghcr.io/acme/app\n    note: |\n      pinned for the release\n    newTag: v2\n\nreplicas: []\n"));
    expect(dataOf(out)[0]).toMatchObject({ images: [{ name: "ghcr.io/acme/app", note: "pinned for the release\n", newTag: "v2" }] });
  });

  it("replaces the digest, and empties it when a new tag comes without one", () => {
    const text = kustomization(`  - name: ghcr.io/acme/app\n    newTag: v1\n    digest: ${DIGEST_A}\n`);
    expect(edit(text, withImages(`ghcr.io/acme/app:v1@${DIGEST_B}`)).text).toBe(text.replace(DIGEST_A, DIGEST_B));
    expect(edit(text, withImages("ghcr.io/acme/app:v2")).text).toBe(kustomization(`  - name: ghcr.io/acme/app\n    newTag: v2\n    digest: ""\n`));
  });

  it("leaves an entry whose newTag or digest is an alias or a block scalar, so its tag and digest never name different builds", () => {
    const aliased = "kind: Kustomization\nv: &v v1\nimages:\n- name: ghcr.io/acme/app\n  newTag: *v\n";
    const blockTag = kustomization(`  - name: ghcr.io/acme/app\n    newTag: |-\n      v1\n    digest: ${DIGEST_A}\n`);
    const blockDigest = kustomization(`  - name: ghcr.io/acme/app\n    newTag: v1\n    digest: >-\n      ${DIGEST_A}\n`);
    const results = [
      edit(aliased, withImages(`ghcr.io/acme/app:v2@${DIGEST_B}`)),
      edit(blockTag, withImages("ghcr.io/acme/app:v2")),
      edit(blockDigest, withImages(`ghcr.io/acme/app:v1@${DIGEST_B}`)),
    ];
    expect(results.map((r) => [r.text, r.changes])).toEqual([aliased, blockTag, blockDigest].map((text) => [text, []]));
    expect(results.map((r) => r.warnings)).toEqual([
      [
        {
          line: 5,
          message:
            `images[0].newTag is an alias (*v), which is never edited, so images[0] is not moved to ghcr.io/acme/app:v2@${DIGEST_B} (its newTag and digest would name different builds); ` +
            "write newTag as a plain or quoted string, or set v (line 2), which every alias of &v follows",
        },
      ],
      [
        {
          line: 7,
          message:
            "images[0].newTag is a block scalar, which is never edited, so images[0] is not moved to ghcr.io/acme/app:v2 (its newTag and digest would name different builds); write newTag as a plain or quoted string",
        },
      ],
      [
        {
          line: 8,
          message: `images[0].digest is a block scalar, which is never edited, so images[0] is not moved to ghcr.io/acme/app:v1@${DIGEST_B} (its newTag and digest would name different builds); write digest as a plain or quoted string`,
        },
      ],
    ]);
    // One already at the incoming version has nothing to say.
    expect(edit(blockTag, withImages(`ghcr.io/acme/app:v1@${DIGEST_A}`)).warnings).toEqual([]);
  });

  it("says nothing of an alias newTag that already reads the incoming version, or follows an anchor this run moves", () => {
    const atVersion = "kind: Kustomization\nv: &v v2\nimages:\n- name: ghcr.io/acme/app\n  newTag: *v\n";
    expect(edit(atVersion, withImages("ghcr.io/acme/app:v2"))).toMatchObject({ text: atVersion, warnings: [] });
    const following =
      "kind: Kustomization\nimages:\n- name: ghcr.io/acme/app\n  newTag: &v v1\n- name: ghcr.io/acme/app\n  newName: ghcr.io/acme/app\n  newTag: *v\n";
    expect(edit(following, withImages("ghcr.io/acme/app:v2"))).toMatchObject({ text: following.replace("&v v1", "&v v2"), warnings: [] });
  });

  it("edits a kustomization.yaml that has no apiVersion or kind", () => {
    const text = "images:\n- name: ghcr.io/acme/app\n  newTag: v1\n";
    expect(edit(text, withImages("ghcr.io/acme/app:v2")).text).toBe("images:\n- name: ghcr.io/acme/app\n  newTag: v2\n");
  });

  it("edits a kustomization.yaml without apiVersion or kind whose entries only name the image, next to its resources", () => {
    const text = "resources:\n- deploy.yaml\nimages:\n- name: ghcr.io/acme/app\n";
    expect(edit(text, withImages("ghcr.io/acme/app:v2")).text).toBe(`${text}  newTag: v2\n`);
  });

  it("leaves a Helm values file's `images:` list alone: without apiVersion, kind or any kustomization field it is no kustomization", () => {
    const text = "images:\n- name: ghcr.io/acme/app\n  pullPolicy: Always\nreplicaCount: 2\n";
    expect(edit(text, withImages("ghcr.io/acme/app:v2")).text).toBe(text);
  });

  it("adds newTag after an empty digest it sets, not into it", () => {
    const text = kustomization("  - name: ghcr.io/acme/app\n    digest:\n");
    const { text: out } = edit(text, withImages(`ghcr.io/acme/app:v2@${DIGEST_B}`));
    expect(out).toBe(kustomization(`  - name: ghcr.io/acme/app\n    digest: ${DIGEST_B}\n    newTag: v2\n`));
  });

  it("adds newTag and digest to a flow entry with a trailing comma, keeping the comma", () => {
    const text = kustomization("  - {name: ghcr.io/acme/app, }\n");
    const { text: out } = edit(text, withImages(`ghcr.io/acme/app:v2@${DIGEST_B}`));
    expect(out).toBe(kustomization(`  - {name: ghcr.io/acme/app, newTag: v2, digest: ${DIGEST_B}, }\n`));
  });

  it("edits a Flux Kustomization's spec.images", () => {
    const text = `apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata: {name: apps, namespace: flux-system}
spec:
  images:
    - name: ghcr.io/acme/app
      newTag: v1
`;
    const { text: out, changes } = edit(text, withImages("ghcr.io/acme/app:v2"));
    expect(out).toBe(text.replace("newTag: v1", "newTag: v2"));
    expect(changes[0]).toMatchObject({ key: "spec.images[0].newTag", object: { kind: "Kustomization", name: "apps", namespace: "flux-system" } });
  });

  it("edits the images of a Flux HelmRelease's kustomize post-renderers, each renderer's list", () => {
    const text = `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata: {name: app, namespace: apps}
spec:
  chart: {spec: {chart: app, sourceRef: {kind: HelmRepository, name: acme}}}
  postRenderers:
    - kustomize:
        patches: [{target: {kind: Deployment}, patch: "- op: add\\n  path: /x\\n  value: 1"}]
    - kustomize:
        images:
          - name: ghcr.io/acme/app
            newTag: v1 # pinned by CI
          - name: docker.io/library/redis
            newTag: "7"
`;
    const { text: out, changes } = edit(text, withImages("ghcr.io/acme/app:v2"));
    expect(out).toBe(text.replace("newTag: v1", "newTag: v2"));
    expect(changes.map((c) => [c.key, c.kind])).toEqual([["spec.postRenderers[1].kustomize.images[0].newTag", "kustomize"]]);
  });

  it.each([
    ["a kustomize Component", "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n"],
    ["a kustomization with apiVersion and no kind", "apiVersion: kustomize.config.k8s.io/v1beta1\n"],
  ])("edits the images of %s, as kustomize applies them", (_, head) => {
    const text = `${head}images:\n  - name: ghcr.io/acme/app\n    newTag: v1\n`;
    expect(edit(text, withImages("ghcr.io/acme/app:v2")).text).toBe(text.replace("newTag: v1", "newTag: v2"));
  });

  it("leaves an `images:` list in other kinds alone", () => {
    const text = "apiVersion: v1\nkind: ConfigMap\nimages:\n  - name: ghcr.io/acme/app\n    newTag: v1\n";
    expect(edit(text, withImages("ghcr.io/acme/app:v2")).text).toBe(text);
  });

  it("adds newTag at the entry's indentation when its first key is an explicit `? key`", () => {
    const text = "resources: [app.yaml]\nimages:\n- ? name\n  : ghcr.io/acme/app\n";
    const { text: out } = edit(text, withImages("ghcr.io/acme/app:v2"));
    expect(out).toBe(`${text}  newTag: v2\n`);
    expect(dataOf(out)).toEqual([{ resources: ["app.yaml"], images: [{ name: "ghcr.io/acme/app", newTag: "v2" }] }]);
  });

  it.each(["&entry ", "!!map ", "&entry !!map "])("adds newTag at the entry's indentation when %sstands before its first key", (props) => {
    const text = kustomization(`  - ${props}name: ghcr.io/acme/app\n    newTag: v1\n    digest:\n`);
    const { text: out } = edit(text, withImages(`ghcr.io/acme/app:v2@${DIGEST_B}`));
    expect(out).toBe(kustomization(`  - ${props}name: ghcr.io/acme/app\n    newTag: v2\n    digest: ${DIGEST_B}\n`));
    const bare = kustomization(`  - ${props}name: ghcr.io/acme/app\n`);
    expect(edit(bare, withImages("ghcr.io/acme/app:v2")).text).toBe(kustomization(`  - ${props}name: ghcr.io/acme/app\n    newTag: v2\n`));
  });

  it("adds newTag after the kept blank lines of a `|+` block scalar, whose value they are", () => {
    const text = "images:\n- name: ghcr.io/acme/app\n  note: |+\n    hello\n\n\nresources: [app.yaml]\n";
    const { text: out } = edit(text, { ...withImages("ghcr.io/acme/app:v2"), file: "kustomization.yaml" });
    expect(out).toBe("images:\n- name: ghcr.io/acme/app\n  note: |+\n    hello\n\n\n  newTag: v2\nresources: [app.yaml]\n");
    expect(dataOf(out)).toEqual([{ images: [{ name: "ghcr.io/acme/app", note: "hello\n\n\n", newTag: "v2" }], resources: ["app.yaml"] }]);
  });
});

describe("which documents are kustomizations", () => {
  // helm create's values.yaml has `resources:`, every Bitnami chart's `commonLabels:`; kustomize reads neither file.
  const values = `image: ghcr.io/acme/app:1.0.0
resources:
  limits: {cpu: 100m}
commonLabels: {}
images:
  - name: ghcr.io/acme/app
    tag: 1.0.0
`;

  it("edits a Helm values file with a `resources:` mapping as values: its image strings and pairs move, and no newTag is added", () => {
    const { text, changes } = editYaml(values, withImages("ghcr.io/acme/app:1.1.0"));
    expect(text).toBe(values.replaceAll("1.0.0", "1.1.0"));
    expect(changes.map((c) => c.key)).toEqual(["image", "images[0].tag"]);
    expect(editYaml(values, { ...withImages("ghcr.io/acme/app:1.1.0"), file: "charts/app/values.yaml" }).text).toBe(text);
  });

  it("takes a document with neither apiVersion nor kind for a kustomization only in a file named as kustomize names one, where the name is given", () => {
    const text = "resources: [deploy.yaml]\nimages:\n  - name: ghcr.io/acme/app\n";
    const added = `${text}    newTag: v2\n`;
    for (const file of ["kustomization.yaml", "kustomization.yml", "Kustomization", "apps/prod/kustomization.yaml"])
      expect(edit(text, { ...withImages("ghcr.io/acme/app:v2"), file }).text).toBe(added);
    for (const file of ["values.yaml", "apps/prod/kustomization.yaml.bak", "base.yaml"])
      expect(edit(text, { ...withImages("ghcr.io/acme/app:v2"), file }).text).toBe(text);
    // Without a name, its fields decide: `resources:` as kustomize writes it, a list.
    expect(edit(text, withImages("ghcr.io/acme/app:v2")).text).toBe(added);
  });

  it("takes no text for a kustomization whose `images:` entry has a field kustomize refuses, whatever else it has", () => {
    // kustomize itself: invalid Kustomization: json: unknown field "tag".
    const text = "resources: [deploy.yaml]\nnamePrefix: prod-\nimages:\n  - name: ghcr.io/acme/app\n    tag: 1.0.0\n";
    expect(edit(text, withImages("ghcr.io/acme/app:1.1.0")).text).toBe(text);
  });

  it("edits the image strings of a kustomization's helmCharts valuesInline, as the Helm pair beside them", () => {
    const text = `helmCharts:
  - name: app
    repo: https://charts.acme.io
    valuesInline:
      image: {repository: ghcr.io/acme/app, tag: 1.0.0}
      sidecar:
        image: ghcr.io/acme/app:1.0.0
`;
    const { text: out, changes } = editYaml(text, { ...withImages("ghcr.io/acme/app:1.1.0"), file: "kustomization.yaml" });
    expect(out).toBe(text.replaceAll("1.0.0", "1.1.0"));
    expect(changes.map((c) => c.key).sort()).toEqual(["helmCharts[0].valuesInline.image.tag", "helmCharts[0].valuesInline.sidecar.image"]);
  });

  it("edits a Flux Kustomization's other image: fields (a substitution variable named image) as any image: field, its spec.images as kustomize's", () => {
    const text = `apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata: {name: app, namespace: flux-system}
spec:
  images:
    - {name: ghcr.io/acme/app, newTag: 1.0.0}
  postBuild:
    substitute:
      image: ghcr.io/acme/app:1.0.0
`;
    const { text: out, changes } = editYaml(text, withImages("ghcr.io/acme/app:1.1.0"));
    expect(out).toBe(text.replaceAll("1.0.0", "1.1.0"));
    expect(changes.map((c) => [c.kind, c.key])).toEqual([
      ["kustomize", "spec.images[0].newTag"],
      ["image", "spec.postBuild.substitute.image"],
    ]);
  });

  it("runs a values file through a plan as values, not as a kustomization, beside a kustomization of the same shape", async () => {
    const plan = await planUpdate(
      memorySource(
        new Map([
          ["chart/values.yaml", values],
          ["app/kustomization.yaml", "resources: [deploy.yaml]\nimages:\n  - name: ghcr.io/acme/app\n"],
          ["app/deploy.yaml", ""],
        ]),
      ),
      { images: ["ghcr.io/acme/app:1.1.0"] },
    );
    expect(plan.changes.map((c) => [c.file, c.key, c.new])).toEqual([
      ["app/kustomization.yaml", "images[0].newTag", "1.1.0"],
      ["chart/values.yaml", "image", "ghcr.io/acme/app:1.1.0"],
      ["chart/values.yaml", "images[0].tag", "1.1.0"],
    ]);
  });
});

describe("editKustomizeImages with merge keys (<<), which kustomize reads", () => {
  const shared = (digest = "") => `resources: [deploy.yaml]
images:
  - &app
    name: ghcr.io/acme/app
    newTag: 1.0.0
${digest}  - <<: *app
    name: ghcr.io/acme/worker
`;

  it("leaves an entry whose newTag is merged from another image's entry, naming where it is written, and adds no newTag of its own", () => {
    for (const text of [shared(), shared(`    digest: ${DIGEST_A}\n`)]) {
      const { text: out, changes, warnings } = edit(text, withImages("ghcr.io/acme/worker:1.1.0"));
      expect([out, changes]).toEqual([text, []]);
      expect(warnings).toEqual([
        {
          line: text.split("\n").indexOf("  - <<: *app") + 1,
          message:
            "images[1] is not moved to ghcr.io/acme/worker:1.1.0: its newTag is merged (<<) from images[0].newTag (line 5), which every mapping merging it shares; " +
            "add newTag: to images[1] to set it for this one alone, or set images[0].newTag for all of them",
        },
      ]);
    }
    // With a newTag of its own, the digest it merges, which pins another build, leaves it all the same: the two name one build.
    const own = shared(`    digest: ${DIGEST_A}\n`).replace("ghcr.io/acme/worker\n", "ghcr.io/acme/worker\n    newTag: 1.0.0\n");
    expect(edit(own, withImages("ghcr.io/acme/worker:1.1.0")).warnings.map((w) => w.message.split("; add")[0])).toEqual([
      "images[1] is not moved to ghcr.io/acme/worker:1.1.0: its digest is merged (<<) from images[0].digest (line 6), which every mapping merging it shares",
    ]);
  });

  it("moves the anchored entry as an entry of its own when every entry merging it is the same image moving the same way", () => {
    const text = shared().replace("ghcr.io/acme/worker", "ghcr.io/acme/app");
    const { text: out, changes, warnings } = edit(text, withImages("ghcr.io/acme/app:1.1.0"));
    expect(out).toBe(text.replace("1.0.0", "1.1.0"));
    expect([changes.map((c) => [c.line, c.key]), warnings]).toEqual([[[5, "images[0].newTag"]], []]);
    expect(parse(out, { merge: true })).toMatchObject({ images: [{ newTag: "1.1.0" }, { name: "ghcr.io/acme/app", newTag: "1.1.0" }] });
  });

  it("leaves the anchored entry when an entry merging its newTag names another image, which would take the version silently (review-fuzz16 M2)", () => {
    const text = shared();
    const { text: out, changes, warnings } = edit(text, withImages("ghcr.io/acme/app:1.1.0"));
    expect([out, changes]).toEqual([text, []]);
    expect(warnings).toEqual([
      {
        line: 5,
        message:
          "images[0] is not moved to ghcr.io/acme/app:1.1.0: images[0].newTag is also the newTag of ghcr.io/acme/worker at images[1] (line 6, through <<), " +
          "and this run does not move that one the same way; add newTag: 1.0.0 to images[1] to keep it apart",
      },
    ]);
    // Sent together at the same version, both move: the one field is theirs alike.
    expect(edit(text, withImages("ghcr.io/acme/app:1.1.0", "ghcr.io/acme/worker:1.1.0")).text).toBe(text.replace("1.0.0", "1.1.0"));
  });

  it("adds no newTag or digest that an entry merging the entry would read as its own", () => {
    const text = "resources: [deploy.yaml]\nimages:\n  - &app {name: ghcr.io/acme/app}\n  - {<<: *app, name: ghcr.io/acme/other}\n";
    const { text: out, warnings } = edit(text, withImages(`ghcr.io/acme/app:2.0.0@${DIGEST_B}`));
    expect(out).toBe(text);
    expect(warnings.map((w) => [w.line, w.message])).toEqual([
      [
        3,
        `images[0] is not moved to ghcr.io/acme/app:2.0.0@${DIGEST_B}: its newTag, added to images[0], would also be the newTag of ghcr.io/acme/other at images[1] (line 4, through <<), ` +
          'and this run does not move that one the same way; add newTag: "" to images[1] to keep it apart',
      ],
    ]);
    // An entry with a newTag and digest of its own reads neither: the anchored one gets both.
    const own = text.replace("other}", `other, newTag: 1.0.0, digest: ${DIGEST_A}}`);
    expect(edit(own, withImages(`ghcr.io/acme/app:2.0.0@${DIGEST_B}`)).text).toBe(own.replace("app}", `app, newTag: 2.0.0, digest: ${DIGEST_B}}`));
  });

  withKubectl("kubectl kustomize renders the other image as it was", async () => {
    const dir = await tempDir("gp-kustomize-merge-");
    const deployment = `apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec:
  selector: {matchLabels: {app: d}}
  template:
    metadata: {labels: {app: d}}
    spec:
      containers:
        - {name: app, image: ghcr.io/acme/app}
        - {name: worker, image: ghcr.io/acme/worker}
`;
    await writeFile(join(dir, "deploy.yaml"), deployment);
    const render = async (kustomization: string) => {
      await writeFile(join(dir, "kustomization.yaml"), kustomization);
      return kustomize(dir).match(/image: \S+/g);
    };
    const text = shared();
    expect(await render(text)).toEqual(["image: ghcr.io/acme/app:1.0.0", "image: ghcr.io/acme/worker:1.0.0"]);
    expect(await render(edit(text, withImages("ghcr.io/acme/app:1.1.0")).text)).toEqual(["image: ghcr.io/acme/app:1.0.0", "image: ghcr.io/acme/worker:1.0.0"]);
    // As the warning advises: the worker keeps its own newTag, and the app moves alone.
    const apart = text.replace("ghcr.io/acme/worker\n", "ghcr.io/acme/worker\n    newTag: 1.0.0\n");
    expect(await render(edit(apart, withImages("ghcr.io/acme/app:1.1.0")).text)).toEqual(["image: ghcr.io/acme/app:1.1.0", "image: ghcr.io/acme/worker:1.0.0"]);
  });

  it("reads an entry's name through its merge key, and names the merged newTag where it is written when its own digest is emptied", () => {
    const release = `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
spec:
  postRenderers:
    - kustomize:
        images:
          - &app
            name: ghcr.io/acme/app
            newTag: 1.0.0
    - kustomize:
        images:
          - <<: *app
            digest: ${DIGEST_A}
`;
    const { text: out, changes, warnings } = edit(release, withImages("ghcr.io/acme/app:1.1.0"));
    expect(out).toBe(release.replace("1.0.0", "1.1.0").replace(DIGEST_A, '""'));
    expect(changes.map((c) => [c.line, c.key])).toEqual([
      [9, "spec.postRenderers[0].kustomize.images[0].newTag"],
      [13, "spec.postRenderers[1].kustomize.images[0].digest"],
    ]);
    expect(warnings).toEqual([
      {
        line: 12,
        message:
          "spec.postRenderers[1].kustomize.images[0]: its newTag is merged (<<) from spec.postRenderers[0].kustomize.images[0].newTag (line 9), which every mapping merging it shares, " +
          "and it drops the digest pin sha256:aaaaaaaaaaaa (1.0.0's): ghcr.io/acme/app:1.1.0 has no digest; send ghcr.io/acme/app:1.1.0@sha256:<digest> to keep digests pinned",
      },
    ]);
  });
});

describe("an entry a Flux marker claims in part (review yamlfuzz20 S3)", () => {
  const app = update("ghcr.io/acme/app:2.0.0");
  const request: EditRequest = { images: [app], setters: new Map([["flux-system:app", app]]) };
  const left = (fields: string, marked: string, advice: string, image = "ghcr.io/acme/app:2.0.0") =>
    `${fields} not set for ${image}: images[0] has a Flux marker on ${marked}, so it is left to its markers, ` +
    `as Flux sets only the fields they mark; ${advice} too to have it set`;

  it("is left to its markers, as Flux leaves it, naming the unmarked newTag the run would have moved", () => {
    const text = kustomization('  - name: app\n    newName: ghcr.io/acme/app # {"$imagepolicy": "flux-system:app:name"}\n    newTag: 1.0.0\n');
    expect(editYaml(text, request)).toEqual({
      text,
      changes: [],
      warnings: [{ line: 8, message: left("images[0].newTag is", "newName", 'mark newTag (its setter\'s ":tag")') }],
    });
  });

  it("names an unmarked digest a marked newTag leaves naming the old build, and a newTag it lacks", () => {
    const tagged = kustomization(`  - name: ghcr.io/acme/app\n    newTag: 1.0.0 # {"$imagepolicy": "flux-system:app:tag"}\n    digest: ${DIGEST_A}\n`);
    const { text, warnings } = editYaml(tagged, request);
    expect(text).toBe(tagged.replace("1.0.0", "2.0.0"));
    expect(warnings).toEqual([{ line: 8, message: left("images[0].digest is", "newTag", 'mark digest (its setter\'s ":digest")') }]);
    const named = kustomization('  - name: app\n    newName: ghcr.io/acme/app # {"$imagepolicy": "flux-system:app:name"}\n');
    expect(editYaml(named, request).warnings).toEqual([
      { line: 6, message: left("images[0].newTag is", "newName", 'add newTag: (marked with its setter\'s ":tag")') },
    ]);
  });

  it("tells to add a digest field, marked, where the entry has none to mark for the incoming digest", () => {
    const pinned = update(`ghcr.io/acme/app:2.0.0@${DIGEST_B}`);
    const text = kustomization('  - name: ghcr.io/acme/app\n    newTag: 1.0.0 # {"$imagepolicy": "flux-system:app:tag"}\n');
    const { text: out, warnings } = editYaml(text, { images: [pinned], setters: new Map([["flux-system:app", pinned]]) });
    expect(out).toBe(text.replace("1.0.0", "2.0.0"));
    const advice = 'add digest: (marked with its setter\'s ":digest")';
    expect(warnings).toEqual([{ line: 6, message: left("images[0].digest is", "newTag", advice, `ghcr.io/acme/app:2.0.0@${DIGEST_B}`) }]);
    const renamed = kustomization('  - name: app\n    newName: ghcr.io/acme/app # {"$imagepolicy": "flux-system:app:name"}\n    newTag: 1.0.0\n');
    expect(editYaml(renamed, { images: [pinned], setters: new Map([["flux-system:app", pinned]]) }).warnings.map((w) => w.message.split("; ")[1])).toEqual([
      'mark newTag (its setter\'s ":tag") and add digest: (marked with its setter\'s ":digest") too to have them set',
    ]);
  });

  it("says nothing when its unmarked fields already hold the run's version, or it names no incoming repository", () => {
    const texts = [
      kustomization('  - name: app\n    newName: ghcr.io/acme/app # {"$imagepolicy": "flux-system:app:name"}\n    newTag: 2.0.0\n'),
      kustomization('  - name: app\n    newName: ghcr.io/acme/other # {"$imagepolicy": "flux-system:other:name"}\n    newTag: 1.0.0\n'),
    ];
    expect(texts.map((text) => editYaml(text, request).warnings)).toEqual([[], [{ line: 7, message: expect.stringContaining("no image is configured") }]]);
  });
});

describe("an entry without a name, which kustomize sets on no image (review yamlfuzz20 N4)", () => {
  it("is left as written, with a warning, where its newName is an incoming repository", () => {
    const text = kustomization("  - newName: ghcr.io/acme/app\n    newTag: 1.0.0\n  - newName: ghcr.io/acme/other\n");
    expect(edit(text, withImages("ghcr.io/acme/app:2.0.0"))).toEqual({
      text,
      changes: [],
      warnings: [
        {
          line: 7,
          message:
            "images[0].newTag is not set for ghcr.io/acme/app:2.0.0: images[0] has no name, so kustomize sets it on no image; write the name of the image it replaces (name:)",
        },
      ],
    });
  });
});

describe("renamesIn: the images a file's kustomize images: entries rename, for the advice of a --set that picks one by name", () => {
  it("reads a kustomization's and a Flux Kustomization's entries, and no list of a file that is no kustomization", () => {
    const entries = "- name: app\n  newName: ghcr.io/acme/app\n- name: web\n  newTag: 1.0.0\n";
    const renamed = renamesIn(`images:\n${entries}`, "kustomization.yaml");
    expect(["app", "web", "api"].map(renamed)).toEqual(["ghcr.io/acme/app", undefined, undefined]);
    const flux = `apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata: {name: apps}\nspec:\n  images:\n${entries.replace(/^/gm, "  ")}`;
    expect(renamesIn(flux, "clusters/prod/apps.yaml")("app")).toBe("ghcr.io/acme/app");
    expect(renamesIn(`images:\n${entries}`, "values.yaml")("app")).toBeUndefined();
    expect(renamesIn("images: [", "kustomization.yaml")("app")).toBeUndefined();
  });
});
