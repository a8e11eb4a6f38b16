/** Container images matched by repository, in any kind, without markers. */
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { EditRequest } from "../../src/change.js";
import { editYaml, runEditors } from "../../src/yaml/editor.js";
import { editImages } from "../../src/yaml/images.js";
import { editInlinePatches } from "../../src/yaml/inline-patch.js";
import { DIGEST_A, numericVersions, update, withImages } from "./helpers.js";

const edit = (text: string, request: EditRequest) => runEditors(text, request, [editImages]);

describe("editImages", () => {
  it("updates containers and initContainers of a CronJob, naming each field by its path", () => {
    const text = `apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly}
spec:
  jobTemplate:
    spec:
      template:
        spec:
          initContainers:
          - name: migrate
            image: ghcr.io/acme/app:1.0.0
          containers:
          - name: sidecar
            image: ghcr.io/acme/proxy:3.0
          - name: app
            image: ghcr.io/acme/app:1.0.0
`;
    const { text: out, changes } = edit(text, withImages("ghcr.io/acme/app:1.1.0"));
    expect(out).toBe(text.replaceAll("app:1.0.0", "app:1.1.0"));
    expect(changes.map((change) => change.key)).toEqual([
      "spec.jobTemplate.spec.template.spec.initContainers[0].image",
      "spec.jobTemplate.spec.template.spec.containers[1].image",
    ]);
    expect(changes[0]!.object).toEqual({ apiVersion: "batch/v1", kind: "CronJob", name: "nightly" });
  });

  it("updates an `image:` field of any custom resource", () => {
    const text = "apiVersion: example.com/v1\nkind: Worker\nspec:\n  runtime:\n    image: ghcr.io/acme/app:1.0.0\n";
    expect(edit(text, withImages("ghcr.io/acme/app:2.0.0")).changes.map((change) => change.key)).toEqual(["spec.runtime.image"]);
  });

  it("matches the Docker Hub short name and keeps the name as written", () => {
    const text = "a:\n  image: nginx:1.25\nb:\n  image: library/nginx:1.25\nc:\n  image: docker.io/library/nginx:1.25\n";
    expect(edit(text, withImages("index.docker.io/library/nginx:1.26")).text).toBe(text.replaceAll("1.25", "1.26"));
  });

  it("leaves other repositories, image strings in other fields and names that only share a suffix", () => {
    const text = `image: ghcr.io/other/app:1.0.0
args: ["--image=ghcr.io/acme/app:1.0.0"]
env:
  - name: IMAGE
    value: ghcr.io/acme/app:1.0.0
proxy:
  image: ghcr.io/acme/app-proxy:1.0.0
`;
    expect(edit(text, withImages("ghcr.io/acme/app:2.0.0")).text).toBe(text);
  });

  it("adds a tag to a container's untagged image, as kustomize does, and drops the digest of a pinned one, saying so at its line", () => {
    const text = `spec:\n  containers:\n  - name: a\n    image: ghcr.io/acme/app\n  - name: b\n    image: ghcr.io/acme/app:1.0@${DIGEST_A}\n`;
    const { text: out, warnings } = edit(text, withImages("ghcr.io/acme/app:2.0"));
    expect(out).toBe(text.replace("app\n", "app:2.0\n").replace(`app:1.0@${DIGEST_A}`, "app:2.0"));
    expect(warnings).toEqual([
      {
        line: 6,
        message:
          "spec.containers[1].image drops the digest pin sha256:aaaaaaaaaaaa (1.0's): ghcr.io/acme/app:2.0 has no digest; send ghcr.io/acme/app:2.0@sha256:<digest> to keep digests pinned",
      },
    ]);
  });

  it("leaves a container's untagged image silently where a kustomization's images: gives that name its version", () => {
    const text = "spec:\n  containers:\n  - name: api\n    image: ghcr.io/acme/api  # tag set by overlays\n  - name: proxy\n    image: ghcr.io/acme/api:1.0\n";
    const request = { ...withImages("ghcr.io/acme/api:2.0"), kustomizeTagged: new Map([["ghcr.io/acme/api", undefined]]) };
    const { text: out, changes, warnings } = edit(text, request);
    // The tagged image is the kustomization's to leave alone only when bare: it moves as before.
    expect(out).toBe(text.replace("api:1.0", "api:2.0"));
    expect(changes.map((change) => change.key)).toEqual(["spec.containers[1].image"]);
    expect(warnings).toEqual([]);
  });

  it("tags an ephemeral container's untagged image all the same: kustomize's images: re-tag containers and initContainers, not ephemeralContainers (render18 N1)", () => {
    const text =
      "kind: Pod\nspec:\n  initContainers:\n  - name: init\n    image: ghcr.io/acme/api\n  ephemeralContainers:\n  - name: debug\n    image: ghcr.io/acme/api\n";
    const request = { ...withImages("ghcr.io/acme/api:2.0"), kustomizeTagged: new Map([["ghcr.io/acme/api", "is left: a reason"]]) };
    const { text: out, changes, warnings } = edit(text, request);
    expect(out).toBe(text.replace(/api\n$/, "api:2.0\n"));
    expect(changes.map((change) => change.key)).toEqual(["spec.ephemeralContainers[0].image"]);
    expect(warnings).toEqual([{ line: 5, message: "spec.initContainers[0].image is left: a reason" }]);
  });

  it("says why it is left when the engine gives a reason (the kustomization is outside the paths)", () => {
    const text = "spec:\n  containers:\n  - name: api\n    image: ghcr.io/acme/api\n";
    const request = { ...withImages("ghcr.io/acme/api:2.0"), kustomizeTagged: new Map([["ghcr.io/acme/api", "is left: a reason"]]) };
    const { text: out, warnings } = edit(text, request);
    expect(out).toBe(text);
    expect(warnings).toEqual([{ line: 4, message: "spec.containers[0].image is left: a reason" }]);
  });

  it("still tags an untagged image that kustomization names otherwise (kustomize matches names as written)", () => {
    const text = "spec:\n  containers:\n  - name: web\n    image: docker.io/library/nginx\n";
    const request = { ...withImages("nginx:1.27"), kustomizeTagged: new Map([["nginx", undefined]]) };
    expect(edit(text, request).text).toBe(text.replace("nginx\n", "nginx:1.27\n"));
  });

  it("leaves a bare repository outside a container spec: its tag is another field (Helm values)", () => {
    const text = 'image: "docker.elastic.co/elasticsearch/elasticsearch"\nimageTag: "8.5.1"\n';
    const { text: out, warnings } = edit(text, withImages("docker.elastic.co/elasticsearch/elasticsearch:8.6.0"));
    expect(out).toBe(text);
    expect(warnings).toEqual([
      {
        line: 1,
        message:
          'image holds docker.elastic.co/elasticsearch/elasticsearch with no tag or digest, so its version is set in another field; left as it is (mark the field holding its tag with a Flux ":tag" marker, or set that field with a configured override with part: tag)',
      },
    ]);
  });

  it("keeps a newer tag when the policy ranks it higher (no downgrade)", () => {
    const text = "image: ghcr.io/acme/app:3.0\n";
    expect(edit(text, withImages(update("ghcr.io/acme/app:2.0", numericVersions))).text).toBe(text);
  });

  it("edits an anchored image: field (its aliases follow), and names an image: alias of another field, which neither moves", () => {
    const shared = "a:\n  image: &app ghcr.io/acme/app:1.0\nb:\n  image: *app\n";
    expect(edit(shared, withImages("ghcr.io/acme/app:2.0"))).toMatchObject({ text: shared.replace("1.0", "2.0"), warnings: [] });
    const elsewhere = "x-app: &app ghcr.io/acme/app:1.0\nspec:\n  containers:\n    - name: a\n      image: *app\n";
    expect(edit(elsewhere, withImages("ghcr.io/acme/app:2.0"))).toEqual({
      text: elsewhere,
      changes: [],
      warnings: [
        {
          line: 5,
          message:
            "spec.containers[0].image is *app, an alias of x-app (line 1), which holds ghcr.io/acme/app:1.0 and is no image field: aliases are never followed, so it does not move; write the image here, or mark x-app with a Flux marker",
        },
      ],
    });
    // An alias of another repository's image is none of this run's business.
    expect(edit(elsewhere, withImages("ghcr.io/acme/api:2.0")).warnings).toEqual([]);
    // An anchor defined again names the value written last before each alias.
    const redefined = "x-a: &img nginx:1.0\nfirst:\n  image: *img\nx-b: &img ghcr.io/acme/app:1.0\nsecond:\n  image: *img\n";
    expect(edit(redefined, withImages("ghcr.io/acme/app:2.0")).warnings.map((w) => [w.line, w.message.slice(0, 40)])).toEqual([
      [6, "second.image is *img, an alias of x-b (l"],
    ]);
  });

  it("a container's image aliasing a bare image: anchored outside a container spec names the anchored field and its line, and what to write there, once per alias", () => {
    const text = `x-defaults:
  image: &img ghcr.io/acme/app
spec:
  template:
    spec:
      containers:
        - name: app
          image: *img
        - name: sidecar
          image: *img
`;
    const advice =
      "of ghcr.io/acme/app, which has no tag or digest and is written outside a container spec, so it is given none: write ghcr.io/acme/app:2.0 at x-defaults.image (line 2), which every alias of &img follows";
    // The anchored field is not also said to have its version set in another field: its aliases are containers' images.
    expect(edit(text, withImages("ghcr.io/acme/app:2.0"))).toEqual({
      text,
      changes: [],
      warnings: [
        { line: 8, message: `spec.template.spec.containers[0].image is an alias (*img) ${advice}` },
        { line: 10, message: `spec.template.spec.containers[1].image is an alias (*img) ${advice}` },
      ],
    });
    // A kustomization tagging the name gives the version: nothing to say, or its reason.
    const tagged = (reason?: string) => ({ ...withImages("ghcr.io/acme/app:2.0"), kustomizeTagged: new Map([["ghcr.io/acme/app", reason]]) });
    expect(edit(text, tagged()).warnings).toEqual([]);
    expect(edit(text, tagged("holds ghcr.io/acme/app with no tag or digest, so its version is set by …")).warnings[0]).toEqual({
      line: 8,
      message: "spec.template.spec.containers[0].image is an alias (*img) that holds ghcr.io/acme/app with no tag or digest, so its version is set by …",
    });
    // Not aliased by a container, the bare field is one whose version is set in another field, as before; tagged, it moves and its aliases follow.
    expect(edit(text.replaceAll("containers", "sidecars"), withImages("ghcr.io/acme/app:2.0")).warnings).toEqual([
      { line: 2, message: expect.stringMatching(/^x-defaults.image holds ghcr.io\/acme\/app with no tag or digest, so its version is set in another field/) },
    ]);
    const pinned = text.replace("acme/app\n", "acme/app:1.0\n");
    expect(edit(pinned, withImages("ghcr.io/acme/app:2.0"))).toMatchObject({ text: pinned.replace("1.0", "2.0"), warnings: [] });
  });

  it("a container merging (<<) a bare image: written outside a container spec names where it is written, and what to write there, as an alias does (review-fuzz16 N1)", () => {
    const text = `x-defaults: &defaults
  image: ghcr.io/acme/app
  imagePullPolicy: Always
spec:
  template:
    spec:
      containers:
        - <<: *defaults
          name: app
`;
    expect(edit(text, withImages("ghcr.io/acme/app:2.0"))).toEqual({
      text,
      changes: [],
      warnings: [
        {
          line: 8,
          message:
            "spec.template.spec.containers[0].image is merged (<<), holding ghcr.io/acme/app, which has no tag or digest and is written outside a container spec, so it is given none: " +
            "write ghcr.io/acme/app:2.0 at x-defaults.image (line 2), which every mapping merging it shares",
        },
      ],
    });
    // A kustomization tagging the name gives the version: nothing to say, or its reason.
    const tagged = (reason?: string) => ({ ...withImages("ghcr.io/acme/app:2.0"), kustomizeTagged: new Map([["ghcr.io/acme/app", reason]]) });
    expect(edit(text, tagged()).warnings).toEqual([]);
    expect(edit(text, tagged("holds ghcr.io/acme/app with no tag or digest, so its version is set by …")).warnings.map((w) => w.message)).toEqual([
      "spec.template.spec.containers[0].image is merged (<<) from x-defaults.image (line 2), which holds ghcr.io/acme/app with no tag or digest, so its version is set by …",
    ]);
    // A container writing its own image reads none: the bare field is one whose version is set in another field, as before.
    const own = text.replace("name: app", "name: app\n          image: ghcr.io/acme/app:1.0");
    expect(edit(own, withImages("ghcr.io/acme/app:2.0")).warnings.map((w) => w.message.split(" holds")[0])).toEqual(["x-defaults.image"]);
  });

  it("edits a container's image where it is written: a container merging it (<<) follows, as kustomize and Kubernetes read the merge", () => {
    const text = `spec:
  template:
    spec:
      initContainers:
        - &c
          name: migrate
          image: ghcr.io/acme/app
      containers:
        - <<: *c
          name: app
`;
    const { text: out, changes, warnings } = edit(text, withImages("ghcr.io/acme/app:1.1.0"));
    expect(out).toBe(text.replace("ghcr.io/acme/app\n", "ghcr.io/acme/app:1.1.0\n"));
    expect([changes.map((c) => [c.line, c.key]), warnings]).toEqual([[[7, "spec.template.spec.initContainers[0].image"]], []]);
    expect(parse(out, { merge: true })).toMatchObject({ spec: { template: { spec: { containers: [{ name: "app", image: "ghcr.io/acme/app:1.1.0" }] } } } });
  });

  it("leaves a kustomization's patch target selector alone", () => {
    const text = `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
patches:
  - path: patch.yaml
    target:
      image: ghcr.io/acme/app
`;
    expect(edit(text, withImages("ghcr.io/acme/app:2.0")).text).toBe(text);
  });

  it("leaves a Flux ImageRepository's spec.image alone: it names the repository Flux scans", () => {
    const text = `apiVersion: image.toolkit.fluxcd.io/v1
kind: ImageRepository
metadata:
  name: app
spec:
  image: ghcr.io/acme/app
`;
    expect(edit(text, withImages("ghcr.io/acme/app:2.0")).text).toBe(text);
  });

  it("warns at an image whose version Flux's postBuild substitution fills in (${APP_TAG}), and edits it not", () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata: {name: app}
spec:
  template:
    spec:
      containers:
        - name: app
          image: ghcr.io/acme/app:\${APP_TAG}
        - name: worker
          image: "ghcr.io/acme/app:\${WORKER_TAG:=1.0.0}"
        - name: proxy
          image: docker.io/library/nginx:\${NGINX_TAG}
`;
    const { text: out, changes, warnings } = edit(text, withImages("ghcr.io/acme/app:1.1.0"));
    expect([out, changes]).toEqual([text, []]);
    const rest =
      "which is not edited: its version comes from the substitution variables (a Flux Kustomization's spec.postBuild.substitute or substituteFrom), which this tool does not edit; set it there";
    expect(warnings).toEqual([
      { line: 9, message: `spec.template.spec.containers[0].image builds a reference of ghcr.io/acme/app with \${APP_TAG}, ${rest}` },
      { line: 11, message: `spec.template.spec.containers[1].image builds a reference of ghcr.io/acme/app with \${WORKER_TAG}, ${rest}` },
    ]);
  });

  it("leaves an image an ApplicationSet template fills in, with a warning naming the placeholder", () => {
    const text = "valuesObject:\n  image: 'ghcr.io/acme/app:{{.tag}}'\n";
    const { text: out, warnings } = edit(text, withImages("ghcr.io/acme/app:1.1.0"));
    expect(out).toBe(text);
    expect(warnings.map((w) => [w.line, w.message.replace(/, which is not edited.*/, "")])).toEqual([
      [2, "valuesObject.image builds a reference of ghcr.io/acme/app with {{.tag}}"],
    ]);
  });

  it("leaves values that are not image references", () => {
    const text =
      "a:\n  image: \"ghcr.io/acme/app:${TAG}\"\nb:\n  image: ''\nc:\n  image: ghcr.io/acme/app:bad tag\nd:\n  image: {repository: ghcr.io/acme/app}\n";
    expect(edit(text, withImages("ghcr.io/acme/app:2.0")).text).toBe(text);
  });
});

describe("editImages: a bare image outside a Kubernetes container list", () => {
  const said = (text: string) => edit(text, withImages("ghcr.io/acme/app:1.1.0")).warnings.map((w) => [w.line, w.message]);
  const runsLatest = (field: string) =>
    `${field} holds ghcr.io/acme/app with no tag or digest, so it runs as ghcr.io/acme/app:latest; left as it is: write ghcr.io/acme/app:1.1.0 there to run that version`;

  it("says a Tekton step, sidecar or stepTemplate runs it as :latest (kustomize's images: does not re-tag them), and leaves it", () => {
    const task = `apiVersion: tekton.dev/v1
kind: Task
spec:
  stepTemplate:
    image: ghcr.io/acme/app
  steps:
    - {name: build, image: ghcr.io/acme/app}
  sidecars:
    - {name: cache, image: ghcr.io/acme/app}
`;
    expect(edit(task, withImages("ghcr.io/acme/app:1.1.0")).text).toBe(task);
    expect(said(task)).toEqual([
      [5, runsLatest("spec.stepTemplate.image")],
      [7, runsLatest("spec.steps[0].image")],
      [9, runsLatest("spec.sidecars[0].image")],
    ]);
  });

  it("says the same of an Argo Workflows template's container and script", () => {
    const workflow = `apiVersion: argoproj.io/v1alpha1
kind: CronWorkflow
spec:
  workflowSpec:
    templates:
      - {name: run, container: {image: ghcr.io/acme/app}}
      - {name: check, script: {image: ghcr.io/acme/app, source: "true"}}
`;
    expect(said(workflow)).toEqual([
      [6, runsLatest("spec.workflowSpec.templates[0].container.image")],
      [7, runsLatest("spec.workflowSpec.templates[1].script.image")],
    ]);
  });

  it("says nothing of the name of an image to build: a Skaffold artifact, a compose service with build:", () => {
    const skaffold =
      "apiVersion: skaffold/v4beta6\nkind: Config\nbuild:\n  artifacts:\n    - image: ghcr.io/acme/app\n      docker: {dockerfile: Dockerfile}\n";
    const compose = "services:\n  app:\n    build: .\n    image: ghcr.io/acme/app\n";
    expect([said(skaffold), said(compose)]).toEqual([[], []]);
    // One that only pulls it is not told from a values file's services: (whose tag may sit beside it): said as there.
    expect(said("services:\n  app:\n    image: ghcr.io/acme/app\n")).toEqual([[3, expect.stringMatching(/so its version is set in another field/)]]);
  });
});

describe("an image written as a block scalar, in every form YAML allows it (review yamlfuzz20 M2)", () => {
  const never = (path: string) => `${path} is a block scalar, which is never edited, so it is not moved to nginx:2.0; write it as a plain or quoted string`;
  const forms = {
    "the indicator after a comment": "  image: # the web app\n    |-\n    nginx:1.0\n",
    "the indicator on the next line": "  image:\n    >-\n      nginx:1.0\n",
    "an explicit key": "  ? image\n  : |-\n    nginx:1.0\n",
    "an explicit key and a comment": "  ? image # the web app\n  : >-\n    nginx:1.0\n",
    "a tag on the key's line, the indicator on the next": "  image: &web\n    !!str |-\n    nginx:1.0\n",
    "a tag, then a comment": "  image: !!str # the web app\n    |-\n    nginx:1.0\n",
    "a comment on the header that holds the reference too": "  image: |- # was nginx:1.0\n    nginx:1.0\n",
  };

  it.each(Object.entries(forms))("is named at its text's line, as the simple form is, and left as written: %s", (_, field) => {
    const text = `containers:\n- name: web\n${field}`;
    const line = text.split("\n").findIndex((written) => written.trim() === "nginx:1.0") + 1;
    expect(editYaml(text, withImages("nginx:2.0"))).toEqual({ text, changes: [], warnings: [{ line, message: never("containers[0].image") }] });
  });

  it("is named in a JSON6902 patch's op value at an image path, which is decided as if written there", () => {
    const text = "- op: replace\n  path: /spec/template/spec/containers/0/image\n  value: |-\n    nginx:1.0\n";
    expect(runEditors(text, withImages("nginx:2.0"), [editImages]).warnings).toEqual([]);
    expect(runEditors(text, withImages("nginx:2.0"), [editInlinePatches]).warnings).toEqual([{ line: 4, message: never("[0].value") }]);
  });

  it("is not named in a Flux ImageRepository, whose spec.image names the repository to scan, never a version", () => {
    const text = "apiVersion: image.toolkit.fluxcd.io/v1beta2\nkind: ImageRepository\nspec:\n  image: |-\n    nginx\n";
    expect(editYaml(text, withImages("nginx:2.0")).warnings).toEqual([]);
  });
});
