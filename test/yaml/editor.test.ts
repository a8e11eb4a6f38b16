/**
 * The formatting rules every edit keeps (DESIGN §2): only the value's bytes change,
 * whatever the file's layout, and a second run finds nothing to do.
 */
import { describe, expect, it } from "vitest";
import { SourceError } from "../../src/change.js";
import { parsePolicy } from "../../src/image/policy.js";
import { parseImageRef } from "../../src/image/reference.js";
import { editYaml } from "../../src/yaml/editor.js";
import { DIGEST_A, dataOf, numericVersions, update, withImages } from "./helpers.js";

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  template:
    spec:
      containers:
        - name: web
          image: ghcr.io/acme/web:1.0.0
`;

describe("editYaml", () => {
  it("returns the input unchanged, with no changes, when nothing matches", () => {
    const result = editYaml(deployment, withImages("ghcr.io/acme/other:2.0.0"));
    expect(result).toEqual({ text: deployment, changes: [], warnings: [] });
  });

  it("changes only the value's bytes", () => {
    const { text, changes } = editYaml(deployment, withImages("ghcr.io/acme/web:1.1.0"));
    expect(text).toBe(deployment.replace("web:1.0.0", "web:1.1.0"));
    expect(changes).toEqual([
      {
        line: 11,
        kind: "image",
        key: "spec.template.spec.containers[0].image",
        old: "ghcr.io/acme/web:1.0.0",
        new: "ghcr.io/acme/web:1.1.0",
        object: { apiVersion: "apps/v1", kind: "Deployment", namespace: "shop", name: "web" },
      },
    ]);
  });

  it("is idempotent: a second run changes nothing", () => {
    const request = withImages("ghcr.io/acme/web:1.1.0");
    const once = editYaml(deployment, request).text;
    expect(editYaml(once, request)).toEqual({ text: once, changes: [], warnings: [] });
  });

  it("throws SourceError with line and column for text that is not YAML", () => {
    const broken = "a: b\nc: [\nd: e: f\n";
    expect(() => editYaml(broken, withImages("nginx:1"))).toThrow(SourceError);
    try {
      editYaml(broken, withImages("nginx:1"));
    } catch (error) {
      expect(error).toMatchObject({ line: 3, column: 1, message: expect.stringMatching(/^not valid YAML: /) });
    }
  });

  it("edits every document of a multi-document file and keeps separators and comments between them", () => {
    const text = `# leading comment
---
apiVersion: v1
kind: Pod
metadata: {name: one}
spec:
  containers: [{name: a, image: nginx:1.25}]
--- # separator with a comment
# a document of comments only
---
apiVersion: v1
kind: Pod
metadata:
  name: two
spec:
  initContainers:
  - name: init
    image: nginx:1.25 # pinned
...
`;
    const { text: out, changes } = editYaml(text, withImages("nginx:1.26"));
    expect(out).toBe(text.replaceAll("nginx:1.25", "nginx:1.26"));
    expect(changes.map((change) => [change.line, change.object?.name, change.key])).toEqual([
      [7, "one", "spec.containers[0].image"],
      [18, "two", "spec.initContainers[0].image"],
    ]);
    expect(dataOf(out)).toHaveLength(3);
  });

  it("keeps CRLF line endings", () => {
    const crlf = deployment.replaceAll("\n", "\r\n");
    const { text } = editYaml(crlf, withImages("ghcr.io/acme/web:1.1.0"));
    expect(text).toBe(crlf.replace("web:1.0.0", "web:1.1.0"));
  });

  it("keeps a byte order mark, and edits the file behind it however its root is laid out (review yamlfuzz20 N5)", () => {
    const request = withImages("nginx:2.0");
    const indented = "\uFEFF  kind: Pod\n  spec:\n    containers:\n      - image: nginx:1.0\n";
    const patch = "\uFEFF- op: replace\n  path: /spec/containers/0/image\n  value: nginx:1.0\n";
    for (const text of [indented, patch]) {
      const { text: out, changes } = editYaml(text, request);
      expect(out).toBe(text.replace("nginx:1.0", "nginx:2.0"));
      expect(changes.map((change) => change.line)).toEqual([text.split("\n").findIndex((line) => line.includes("nginx")) + 1]);
    }
  });

  it("changes an anchor's value and leaves its aliases alone", () => {
    const text = `defaults:
  image: &web ghcr.io/acme/web:1.0.0
jobs:
  - image: *web
  - image: *web
`;
    const { text: out, changes } = editYaml(text, withImages("ghcr.io/acme/web:1.1.0"));
    expect(out).toBe(text.replace("web:1.0.0", "web:1.1.0"));
    expect(changes).toHaveLength(1);
    expect(dataOf(out)).toEqual([
      { defaults: { image: "ghcr.io/acme/web:1.1.0" }, jobs: [{ image: "ghcr.io/acme/web:1.1.0" }, { image: "ghcr.io/acme/web:1.1.0" }] },
    ]);
  });

  it("edits inside flow mappings and sequences", () => {
    const text = `containers: [{name: a, image: nginx:1.0}, {image: 'nginx:1.0', name: b}]\nsidecar: {image: a:1}\n`;
    const { text: out } = editYaml(text, withImages("nginx:1.1", "a:2"));
    expect(out).toBe(`containers: [{name: a, image: nginx:1.1}, {image: 'nginx:1.1', name: b}]\nsidecar: {image: a:2}\n`);
  });

  it("keeps the exact spacing before a comment after the value", () => {
    const text = "image: nginx:1.0      #   keep   this\nother: x # y\n";
    expect(editYaml(text, withImages("nginx:1.10")).text).toBe("image: nginx:1.10      #   keep   this\nother: x # y\n");
  });

  it("never touches block scalars, even when they hold an image", () => {
    const text = `image: |
  nginx:1.0
script: >
  docker run nginx:1.0
`;
    expect(editYaml(text, withImages("nginx:2.0")).text).toBe(text);
  });

  it("names an image written as a block scalar at the line of its text when it holds an incoming repository at another version", () => {
    const text = "containers:\n- name: a\n  image: >-\n    nginx:1.0\n- name: b\n  image: &b |\n    nginx:2.0\n- name: c\n  'image': !!str |-\n    nginx:1.0\n";
    const message = (index: number) =>
      `containers[${index}].image is a block scalar, which is never edited, so it is not moved to nginx:2.0; write it as a plain or quoted string`;
    expect(editYaml(text, withImages("nginx:2.0"))).toEqual({
      text,
      changes: [],
      warnings: [
        { line: 4, message: message(0) },
        { line: 10, message: message(2) },
      ],
    });
  });

  it("keeps plain, single-quoted and double-quoted styles", () => {
    const text = `a:\n  image: nginx:1.0\nb:\n  image: 'nginx:1.0'\nc:\n  image: "nginx:1.0"\n`;
    expect(editYaml(text, withImages("nginx:1.1")).text).toBe(`a:\n  image: nginx:1.1\nb:\n  image: 'nginx:1.1'\nc:\n  image: "nginx:1.1"\n`);
  });

  it("double-quotes a new tag that YAML 1.1 would read as a number when the original was plain", () => {
    const text = "image:\n  repository: nginx\n  tag: 1.9\n";
    const { text: out } = editYaml(text, withImages("nginx:1.10"));
    expect(out).toBe('image:\n  repository: nginx\n  tag: "1.10"\n');
    expect(dataOf(out)).toEqual([{ image: { repository: "nginx", tag: "1.10" } }]);
  });

  it("leaves a field with a marker to its marker, even for an unknown setter", () => {
    const text = 'image: nginx:1.0 # {"$imagepolicy": "flux-system:nginx"}\n';
    const result = editYaml(text, withImages("nginx:2.0"));
    expect(result.text).toBe(text);
    expect(result.warnings).toEqual([{ line: 1, message: expect.stringContaining("flux-system:nginx") }]);
  });

  it("applies markers, images, kustomize entries and Helm pairs in one pass, reported in document order", () => {
    const text = `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata: {name: web, namespace: apps}
spec:
  values:
    image:
      repository: ghcr.io/acme/web
      tag: 1.0.0
    proxy:
      image: nginx:1.0 # {"$imagepolicy": "apps:nginx"}
    job:
      image: ghcr.io/acme/web:1.0.0
---
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
images:
  - name: ghcr.io/acme/web
    newTag: 1.0.0
`;
    const request = { ...withImages(update("ghcr.io/acme/web:1.2.0", numericVersions)), setters: new Map([["apps:nginx", update("nginx:1.1")]]) };
    const { text: out, changes } = editYaml(text, request);
    expect(changes.map((change) => [change.line, change.kind, change.key, change.new])).toEqual([
      [8, "helm", "spec.values.image.tag", "1.2.0"],
      [10, "setter", "apps:nginx", "nginx:1.1"],
      [12, "image", "spec.values.job.image", "ghcr.io/acme/web:1.2.0"],
      [18, "kustomize", "images[0].newTag", "1.2.0"],
    ]);
    expect(out).toBe(text.replaceAll("1.0.0", "1.2.0").replace("nginx:1.0", "nginx:1.1"));
    expect(editYaml(out, request).changes).toEqual([]);
  });

  it("reports lines of the edited text: a warning below an added line moves down with it", () => {
    const text = `resources: [app.yaml]\nimages:\n  - name: ghcr.io/acme/app\nproxy: nginx:1.0 # {"$imagepolicy": "ns:unknown"}\n`;
    const result = editYaml(text, withImages("ghcr.io/acme/app:v2"));
    expect(result.text).toBe(`resources: [app.yaml]\nimages:\n  - name: ghcr.io/acme/app\n    newTag: v2\nproxy: nginx:1.0 # {"$imagepolicy": "ns:unknown"}\n`);
    expect(result.changes.map((change) => change.line)).toEqual([4]);
    expect(result.warnings.map((warning) => warning.line)).toEqual([5]);
  });

  it("says at each field why it stays when the policy refuses the incoming tag, by repository or by marker", () => {
    const text = 'image: ghcr.io/acme/web:1.4.0\nsidecar: ghcr.io/acme/proxy:2.0.0 # {"$imagepolicy": "flux-system:proxy"}\n';
    const policy = parsePolicy({ semver: { range: "^1.0.0" } });
    const result = editYaml(text, {
      images: [{ image: parseImageRef("ghcr.io/acme/web:2.0.0"), policy }],
      setters: new Map([["flux-system:proxy", { image: parseImageRef("ghcr.io/acme/proxy:3.0.0"), policy }]]),
    });
    expect(result.text).toBe(text);
    expect(result.warnings.map((w) => [w.line, w.message, w.kind])).toEqual([
      [1, "image is left as it is: the incoming ghcr.io/acme/web:2.0.0 is outside its policy (semver ^1.0.0)", "policy-refusal"],
      [2, expect.stringContaining("is left as it is: the incoming ghcr.io/acme/proxy:3.0.0 is outside its policy (semver ^1.0.0)"), "policy-refusal"],
    ]);
  });

  it("takes a request that leaves out images or setters, and names a field of the wrong type, which JavaScript lets through", () => {
    const web = { image: parseImageRef("ghcr.io/acme/web:1.5.0") };
    expect(editYaml("image: ghcr.io/acme/web:1.4.0\n", { images: [web] }).text).toBe("image: ghcr.io/acme/web:1.5.0\n");
    const marked = 'image: ghcr.io/acme/web:1.4.0 # {"$imagepolicy": "flux-system:web"}\n';
    expect(editYaml(marked, { setters: new Map([["flux-system:web", web]]) }).text).toBe(marked.replace("1.4.0", "1.5.0"));
    const wrong = (request: object) => () => editYaml(marked, request);
    expect(wrong({ setters: { "flux-system:web": web } })).toThrow(
      new TypeError("EditRequest.setters must be a Map (new Map(Object.entries(...)) makes one), not a plain object"),
    );
    expect(wrong({ images: ["ghcr.io/acme/web:1.5.0"] })).toThrow(
      new TypeError('EditRequest.images[0] must be { image: parseImageRef(...), policy? }, not a string ("ghcr.io/acme/web:1.5.0")'),
    );
    expect(wrong({ images: web })).toThrow(new TypeError("EditRequest.images must be an array of { image: parseImageRef(...), policy? }, not a plain object"));
    expect(wrong({ setters: new Map([["flux-system:web", "ghcr.io/acme/web:1.5.0"]]) })).toThrow(
      new TypeError('EditRequest.setters\' "flux-system:web" must be { image: parseImageRef(...), policy? }, not a string ("ghcr.io/acme/web:1.5.0")'),
    );
    expect(wrong({ file: ["kustomization.yaml"] })).toThrow(new TypeError("EditRequest.file must be a string (the text's path or file name), not an array"));
  });

  it("refuses an image with no tag or digest, naming it: it has no version to write, and would change nothing", () => {
    const bare = { image: parseImageRef("ghcr.io/acme/web") };
    const marked = 'image: ghcr.io/acme/web:1.4.0 # {"$imagepolicy": "flux-system:web"}\n';
    const neither =
      "must have a tag or digest to write: ghcr.io/acme/web has neither, so it would change nothing; give repo:tag or repo@sha256:... to parseImageRef";
    expect(() => editYaml(marked, { images: [update("ghcr.io/acme/api:1.0.0"), bare] })).toThrow(new TypeError(`EditRequest.images[1] ${neither}`));
    expect(() => editYaml(marked, { setters: new Map([["flux-system:web", bare]]) })).toThrow(
      new TypeError(`EditRequest.setters' "flux-system:web" ${neither}`),
    );
  });

  it("pins a digest-only image without touching the tag", () => {
    const text = "image: ghcr.io/acme/web:1.0.0\n";
    expect(editYaml(text, withImages(`ghcr.io/acme/web@${DIGEST_A}`)).text).toBe(`image: ghcr.io/acme/web:1.0.0@${DIGEST_A}\n`);
  });
});
