/** Helm values pairs: repository (+ registry) with tag (+ digest) siblings. */
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { fullEditRequest, type EditRequest } from "../../src/change.js";
import { parsePolicy } from "../../src/image/policy.js";
import { editCheckedYaml, editYaml, runEditors } from "../../src/yaml/editor.js";
import { editHelmValues } from "../../src/yaml/helm.js";
import { DIGEST_A, DIGEST_B, dataOf, update, withImages, withSetters } from "./helpers.js";

const edit = (text: string, request: EditRequest) => runEditors(text, request, [editHelmValues]);

describe("editHelmValues", () => {
  it("updates the tag beside a matching repository, keyed by the tag's path", () => {
    const text = "replicaCount: 2\nimage:\n  repository: ghcr.io/acme/app\n  pullPolicy: IfNotPresent\n  tag: v1.0.0\n";
    const { text: out, changes } = edit(text, withImages("ghcr.io/acme/app:v1.1.0"));
    expect(out).toBe(text.replace("v1.0.0", "v1.1.0"));
    expect(changes).toEqual([{ line: 5, kind: "helm", key: "image.tag", old: "v1.0.0", new: "v1.1.0", object: {} }]);
  });

  it("joins registry and repository, and matches Docker Hub short names", () => {
    const text = `app:\n  image:\n    registry: ghcr.io\n    repository: acme/app\n    tag: v1\nproxy:\n  image: {repository: nginx, tag: "1.25"}\n`;
    const { text: out } = edit(text, { ...withImages("ghcr.io/acme/app:v2", "docker.io/library/nginx:1.26") });
    expect(out).toBe(text.replace("tag: v1", "tag: v2").replace('"1.25"', '"1.26"'));
  });

  it("reads a null or empty registry as none, as Helm drops a null value: the repository alone names the image; a quoted '~' is a registry", () => {
    const pair = (registry: string) => `  image:\n    registry:${registry}\n    repository: acme/app\n    tag: v1\n`;
    const text = `tilde:\n${pair(" ~")}word:\n${pair(" null")}empty:\n${pair("")}tagged:\n${pair(" !!null ~")}quoted:\n${pair(" '~'")}`;
    const { text: out, changes } = edit(text, withImages("acme/app:v2"));
    expect(changes.map((change) => [change.key, change.new])).toEqual([
      ["tilde.image.tag", "v2"],
      ["word.image.tag", "v2"],
      ["empty.image.tag", "v2"],
      ["tagged.image.tag", "v2"],
    ]);
    expect(out).toBe(
      `tilde:\n${pair(" ~").replace("v1", "v2")}word:\n${pair(" null").replace("v1", "v2")}empty:\n${pair("").replace("v1", "v2")}` +
        `tagged:\n${pair(" !!null ~").replace("v1", "v2")}quoted:\n${pair(" '~'")}`,
    );
  });

  it("leaves a pair whose registry it cannot read (a template, a substitution, a mapping or list), said at its tag, as KCL's computed registry", () => {
    const cases: [string, string][] = [
      ["'{{ .Values.registry }}'", "which is filled in after this tool"],
      ["${REGISTRY}", "which is filled in after this tool"],
      ["[ghcr.io]", "which is no string"],
      ["{host: ghcr.io}", "which is no string"],
    ];
    for (const [registry, why] of cases) {
      const text = `image:\n  registry: ${registry}\n  repository: acme/app\n  tag: v1\n`;
      for (const image of ["docker.io/acme/app", "ghcr.io/acme/app"]) {
        const { text: out, warnings } = edit(text, withImages(`${image}:v2`));
        expect([out, warnings.map((w) => [w.line, w.message])]).toEqual([
          text,
          [
            [
              4,
              `image.registry (line 2) is ${registry}, ${why}: the registry acme/app is pulled from is not known, so image.tag is not edited for ${image}; ` +
                'write the registry as a string, or set image.tag with a Flux ":tag" marker on its line or an override of image.tag',
            ],
          ],
        ]);
      }
      // Already at the incoming version, or another image's repository: nothing to say.
      expect(edit(text.replace("v1", "v2"), withImages("acme/app:v2")).warnings).toEqual([]);
      expect(edit(text, withImages("acme/web:v2")).warnings).toEqual([]);
    }
  });

  it("reads a registry written as an alias (registry: *reg) as its anchored value, as Helm does: the pair is that registry's image", () => {
    const text = "x-registry: &reg ghcr.io\nimage:\n  registry: *reg\n  repository: acme/app\n  tag: v1\n";
    const { text: out, changes } = edit(text, withImages("ghcr.io/acme/app:v2"));
    expect([out, changes.map((change) => [change.key, change.new])]).toEqual([text.replace("tag: v1", "tag: v2"), [["image.tag", "v2"]]]);
    expect(edit(text, withImages("acme/app:v2")).text).toBe(text);
  });

  it("reads an aliased registry as the run leaves it: a marker that rewrites the anchor first moves the pair as the new registry's image", () => {
    const text = 'x-registry: &reg old.io # {"$imagepolicy": "ns:reg:name"}\nimage:\n  registry: *reg\n  repository: acme/app\n  tag: v1\n';
    const request = (image: string) => ({ ...withImages(image), setters: withSetters({ "ns:reg": "new.io:1" }).setters });
    const renamed = text.replace("old.io", "new.io");
    expect(editYaml(text, request("new.io/acme/app:v2")).text).toBe(renamed.replace("tag: v1", "tag: v2"));
    // old.io/acme/app is what the file named before the run, not what it deploys after it.
    expect(editYaml(text, request("old.io/acme/app:v2")).text).toBe(renamed);
  });

  it("names a tag key written without a value in a flow mapping: there is nothing to splice a tag into", () => {
    const text = "image: {repository: ghcr.io/acme/app, tag}\n";
    expect(edit(text, withImages("ghcr.io/acme/app:v2"))).toEqual({
      text,
      changes: [],
      warnings: [{ line: 1, message: `image.tag has no value to set (a key without ':'): write it as tag: "" to have it set` }],
    });
    expect(edit("image: {repository: ghcr.io/acme/app, tag: }\n", withImages("ghcr.io/acme/app:v2")).text).toBe(
      "image: {repository: ghcr.io/acme/app, tag: v2}\n",
    );
  });

  it("sets a tag written alone as the tag of the pair the engine gives it (pairedTags: a kustomize patch's tag over its base's repository), by the pair's rules", () => {
    const patch = "apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nspec:\n  values:\n    image:\n      tag: 1.0.0\n      digest: ''\n";
    const twoDocuments = `${patch}---\n${patch}`;
    const pairedTags = new Map([[1, new Map([["spec.values.image.tag", "ghcr.io/acme/app"]])]]);
    const { text: out, changes } = edit(twoDocuments, { ...withImages(`ghcr.io/acme/app:1.1.0@${DIGEST_A}`), pairedTags });
    // Only the document paired moves; its digest field beside the tag is set with it, in the field's quotes.
    expect(out).toBe(`${patch}---\n${patch.replace("1.0.0", "1.1.0").replace("''", `'${DIGEST_A}'`)}`);
    expect(changes.map((c) => [c.line, c.kind, c.key, c.new])).toEqual([
      [14, "helm", "spec.values.image.tag", "1.1.0"],
      [15, "helm", "spec.values.image.digest", DIGEST_A],
    ]);
    expect(edit(twoDocuments, { ...withImages("ghcr.io/acme/other:1.1.0"), pairedTags }).text).toBe(twoDocuments);
  });

  it("does not match a repository whose registry differs", () => {
    const text = "image:\n  registry: quay.io\n  repository: acme/app\n  tag: v1\n";
    expect(edit(text, withImages("ghcr.io/acme/app:v2")).text).toBe(text);
  });

  it("updates the digest sibling and empties it when a new tag comes without one", () => {
    const text = `image:\n  repository: ghcr.io/acme/app\n  tag: v1\n  digest: "${DIGEST_A}"\n`;
    expect(edit(text, withImages(`ghcr.io/acme/app:v1@${DIGEST_B}`)).text).toBe(text.replace(DIGEST_A, DIGEST_B));
    const unpinned = edit(text, withImages("ghcr.io/acme/app:v2"));
    expect(unpinned.text).toBe(`image:\n  repository: ghcr.io/acme/app\n  tag: v2\n  digest: ""\n`);
    // The chart then runs whatever v2 is: said once, at the tag.
    expect(unpinned.warnings).toEqual([
      {
        line: 3,
        message:
          "image.tag drops the digest pin sha256:aaaaaaaaaaaa (v1's): ghcr.io/acme/app:v2 has no digest; send ghcr.io/acme/app:v2@sha256:<digest> to keep digests pinned",
      },
    ]);
  });

  it("sets only the tag of a pair with no digest field, and says at the pair that the digest is not pinned; a digest alone it cannot take", () => {
    const text = "web:\n  image:\n    repository: ghcr.io/acme/app\n    tag: v1\n";
    const fix = "(a digest field beside the tag would take it)";
    const tagged = edit(text, withImages(`ghcr.io/acme/app:v2@${DIGEST_A}`));
    expect(tagged.text).toBe(text.replace("tag: v1", "tag: v2"));
    expect(tagged.warnings).toEqual([
      { line: 4, message: `web.image has no digest field, so only the tag of ghcr.io/acme/app:v2@${DIGEST_A} is set there: its digest is not pinned ${fix}` },
    ]);
    const digestOnly = edit(text, withImages(`ghcr.io/acme/app@${DIGEST_A}`));
    expect([digestOnly.text, digestOnly.changes]).toEqual([text, []]);
    expect(digestOnly.warnings).toEqual([
      { line: 4, message: `web.image has no digest field, so it cannot take ghcr.io/acme/app@${DIGEST_A}, which has only a digest; left as it is ${fix}` },
    ]);
    // A pair at the top of a values file is named by its tag.
    expect(edit("repository: ghcr.io/acme/app\ntag: v1\n", withImages(`ghcr.io/acme/app:v1@${DIGEST_A}`)).warnings).toEqual([
      { line: 2, message: expect.stringMatching(/^tag has no digest field, so only the tag of /) },
    ]);
    // Without an incoming digest, or with a digest field, there is nothing to say.
    expect(edit(text, withImages("ghcr.io/acme/app:v2")).warnings).toEqual([]);
    expect(edit(`${text}    digest: ""\n`, withImages(`ghcr.io/acme/app:v2@${DIGEST_A}`)).warnings).toEqual([]);
  });

  it("reads a tag that carries its digest as both: dropping the digest is said, and a new digest is written back into the tag", () => {
    const text = `image:\n  repository: ghcr.io/acme/app\n  tag: 1.0.0@${DIGEST_A}\n`;
    const unpinned = edit(text, withImages("ghcr.io/acme/app:2.0.0"));
    expect(unpinned.text).toBe("image:\n  repository: ghcr.io/acme/app\n  tag: 2.0.0\n");
    expect(unpinned.warnings).toEqual([
      {
        line: 3,
        message:
          "image.tag drops the digest pin sha256:aaaaaaaaaaaa (1.0.0's): ghcr.io/acme/app:2.0.0 has no digest; send ghcr.io/acme/app:2.0.0@sha256:<digest> to keep digests pinned",
      },
    ]);
    const pinned = edit(text, withImages(`ghcr.io/acme/app:2.0.0@${DIGEST_B}`));
    expect([pinned.text, pinned.warnings]).toEqual([text.replace(`1.0.0@${DIGEST_A}`, `2.0.0@${DIGEST_B}`), []]);
    expect(edit(text, withImages(`ghcr.io/acme/app@${DIGEST_B}`)).text).toBe(text.replace(DIGEST_A, DIGEST_B));
    // The same tag without a digest keeps the pin, as a separate digest field keeps it.
    expect(edit(text, withImages("ghcr.io/acme/app:1.0.0"))).toEqual({ text, changes: [], warnings: [] });
  });

  it("ranks a tag that carries its digest by its tag under a policy: a late, older build does not replace it", () => {
    const text = `image:\n  repository: ghcr.io/acme/app\n  tag: 1.0.0@${DIGEST_A}\n`;
    const older = edit(text, withImages(update(`ghcr.io/acme/app:0.9.0@${DIGEST_B}`, parsePolicy({ semver: { range: ">=0.1.0" } }))));
    expect(older).toEqual({
      text,
      changes: [],
      warnings: [
        { line: 3, message: "image.tag keeps 1.0.0, which its policy (semver >=0.1.0) ranks above the incoming 0.9.0 (allow-downgrade sets it anyway)" },
      ],
    });
  });

  it("leaves a tag holding another image's reference, and says so at it", () => {
    const text = "image:\n  name: ghcr.io/acme/app\n  tag: docker.io/nginx:1.0\n";
    expect(edit(text, withImages("ghcr.io/acme/app:2.0.0"))).toEqual({
      text,
      changes: [],
      warnings: [
        {
          line: 3,
          message:
            'image.tag holds "docker.io/nginx:1.0", which is not a tag; left as it is (the tag field of an image held as repository and tag holds only its tag, or tag@digest)',
        },
      ],
    });
  });

  it("fills a null tag (~) as an empty one", () => {
    expect(edit("image:\n  repository: ghcr.io/acme/app\n  tag: ~\n", withImages("ghcr.io/acme/app:1.2.3")).text).toBe(
      "image:\n  repository: ghcr.io/acme/app\n  tag: 1.2.3\n",
    );
  });

  it("fills a tag that is YAML's null in any spelling as it fills ~, which a policy cannot rank above the incoming tag; a quoted or !!str 'null' is a tag", () => {
    const alphabetical = update("ghcr.io/acme/app:1.2.3", parsePolicy({ alphabetical: { order: "asc" } }));
    const pair = (tag: string) => `  image:\n    repository: ghcr.io/acme/app\n    tag:${tag}\n`;
    const text = `tilde:\n${pair(" ~")}word:\n${pair(" null")}upper:\n${pair(" NULL")}empty:\n${pair("")}quoted:\n${pair(" 'null'")}str:\n${pair(" !!str null")}`;
    const { text: out, changes, warnings } = edit(text, withImages(alphabetical));
    expect(changes.map((change) => [change.key, change.old, change.new])).toEqual([
      ["tilde.image.tag", "~", "1.2.3"],
      ["word.image.tag", "null", "1.2.3"],
      ["upper.image.tag", "NULL", "1.2.3"],
      ["empty.image.tag", "", "1.2.3"],
    ]);
    const filled = (tag: string) => pair(tag).replace(`tag:${tag}`, "tag: 1.2.3");
    expect(out).toBe(
      `tilde:\n${filled(" ~")}word:\n${filled(" null")}upper:\n${filled(" NULL")}empty:\n${filled("")}quoted:\n${pair(" 'null'")}str:\n${pair(" !!str null")}`,
    );
    expect(warnings.map((warning) => [warning.line, warning.message.slice(0, warning.message.indexOf(","))])).toEqual([
      [20, "quoted.image.tag keeps null"],
      [24, "str.image.tag keeps null"],
    ]);
  });

  it("fills an empty tag, keeping its quotes", () => {
    const text = 'image:\n  repository: ghcr.io/acme/app\n  tag: ""\n';
    expect(edit(text, withImages("ghcr.io/acme/app:1.2.3")).text).toBe('image:\n  repository: ghcr.io/acme/app\n  tag: "1.2.3"\n');
  });

  it("fills a tag with no value, keeping a space after the colon", () => {
    const text = "image:\n  repository: ghcr.io/acme/app\n  tag:\n";
    const { text: out } = edit(text, withImages("ghcr.io/acme/app:v1"));
    expect(out).toBe("image:\n  repository: ghcr.io/acme/app\n  tag: v1\n");
  });

  it("fills a tag with no value before a comment, keeping the comment a comment", () => {
    const text = "image:\n  repository: ghcr.io/acme/app\n  tag:  # set by CI\n";
    expect(edit(text, withImages("ghcr.io/acme/app:v1")).text).toBe("image:\n  repository: ghcr.io/acme/app\n  tag:  v1 # set by CI\n");
  });

  it("reads Argo CD Image Updater's `name` as the repository when no `repository` is beside it", () => {
    const text = "image:\n  name: ghcr.io/acme/app\n  tag: 1.2.3\nsidecar: {name: nginx, tag: '1.25'}\n";
    const { text: out, changes } = edit(text, withImages("ghcr.io/acme/app:1.3.0", "docker.io/library/nginx:1.27"));
    expect(out).toBe(text.replace("1.2.3", "1.3.0").replace("'1.25'", "'1.27'"));
    expect(changes.map((c) => c.key)).toEqual(["image.tag", "sidecar.tag"]);
  });

  it("leaves a `name` that is not an incoming repository: a container's name, a reference with a tag, one beside `repository`", () => {
    const request = withImages("ghcr.io/acme/app:1.3.0");
    for (const text of [
      "containers:\n- name: app\n  tag: 1.2.3\n",
      "image:\n  name: ghcr.io/acme/app:1.2.3\n  tag: 1.2.3\n",
      "image:\n  repository: ghcr.io/acme/other\n  name: ghcr.io/acme/app\n  tag: 1.2.3\n",
    ])
      expect(edit(text, request).changes).toEqual([]);
  });

  it("reads no `name` as a repository beside an `image` field: that is a container, whose image is its `image` (review kclfuzz M1)", () => {
    const request = withImages("docker.io/library/nginx:1.26");
    for (const text of [
      "containers:\n- name: nginx\n  image: nginx:1.25\n  tag: canary\n",
      "containers:\n- {name: nginx, image: {repository: nginx}, tag: canary}\n",
      "containers:\n- name: nginx\n  image:\n  tag: canary\n",
    ])
      expect(edit(text, request).changes).toEqual([]);
    // Its `repository` is one all the same.
    const pair = "sidecar:\n  repository: nginx\n  image: nginx:1.25\n  tag: '1.25'\n";
    expect(edit(pair, request).text).toBe(pair.replace("'1.25'", "'1.26'"));
  });

  it("warns at a tag or digest Flux's postBuild substitution or a template fills in, and edits the pair not", () => {
    const text = `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata: {name: web}
spec:
  values:
    image:
      repository: ghcr.io/acme/app
      tag: \${WEB_TAG}
    worker:
      image: {registry: ghcr.io, repository: acme/app, tag: "\${WORKER_TAG:=1.2.3}"}
    proxy:
      image: {repository: ghcr.io/acme/app, tag: 1.2.3, digest: "{{ .values.digest }}"}
    other:
      image: {repository: ghcr.io/acme/other, tag: "\${OTHER_TAG}"}
`;
    const { text: out, changes, warnings } = edit(text, withImages(`ghcr.io/acme/app:1.3.0@${DIGEST_A}`));
    expect([out, changes]).toEqual([text, []]);
    const substituted =
      "which is not edited: its version comes from the substitution variables (a Flux Kustomization's spec.postBuild.substitute or substituteFrom), which this tool does not edit; set it there";
    const templated =
      "which is not edited: its version comes from the template's parameters (an Argo CD ApplicationSet's generators, such as a list generator's elements), where a version alone is not edited either; set it there";
    expect(warnings).toEqual([
      { line: 8, message: `spec.values.image.tag sets the tag of ghcr.io/acme/app with \${WEB_TAG}, ${substituted}` },
      { line: 10, message: `spec.values.worker.image.tag sets the tag of ghcr.io/acme/app with \${WORKER_TAG}, ${substituted}` },
      { line: 12, message: `spec.values.proxy.image.digest sets the digest of ghcr.io/acme/app with {{ .values.digest }}, ${templated}` },
    ]);
  });

  it("names a placeholder tag only where the policy would move the version: not for a tag it refuses", () => {
    const text = "image:\n  repository: ghcr.io/acme/app\n  tag: ${WEB_TAG}\n";
    const stable = parsePolicy({ semver: { range: "^1.0.0" } });
    expect(edit(text, withImages(update("ghcr.io/acme/app:1.3.0", stable))).warnings.map((w) => w.line)).toEqual([3]);
    expect(edit(text, withImages(update("ghcr.io/acme/app:1.4.0-rc.1", stable)))).toEqual({ text, changes: [], warnings: [] });
  });

  it("edits the values of a HelmRelease", () => {
    const text = `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: app
  namespace: apps
spec:
  values:
    image:
      repository: ghcr.io/acme/app
      tag: 20240101
`;
    const { text: out, changes } = edit(text, withImages("ghcr.io/acme/app:20240202"));
    expect(out).toBe(text.replace("tag: 20240101", 'tag: "20240202"'));
    expect(dataOf(out)[0]).toMatchObject({ spec: { values: { image: { tag: "20240202" } } } });
    expect(changes[0]).toMatchObject({ key: "spec.values.image.tag", object: { kind: "HelmRelease", name: "app", namespace: "apps" } });
  });

  it("leaves a pair whose digest is a block scalar, its tag and digest still naming one build", () => {
    const text = `image:\n  repository: ghcr.io/acme/app\n  tag: 1.0.0\n  digest: >-\n    ${DIGEST_A}\n`;
    expect(edit(text, withImages(`ghcr.io/acme/app:1.0.0@${DIGEST_B}`))).toEqual({
      text,
      changes: [],
      warnings: [
        {
          line: 4,
          message: `image.digest is a block scalar, which is never edited, so image is not moved to ghcr.io/acme/app:1.0.0@${DIGEST_B} (its tag and digest would name different builds); write digest as a plain or quoted string`,
        },
      ],
    });
  });
});

describe("editHelmValues with merge keys (<<)", () => {
  const anchored = `x-defaults: &img
  repository: ghcr.io/acme/billing
  tag: 0.8.0
global:
  image: *img
billing:
  image:
    <<: *img
    tag: 0.8.0
cron:
  image:
    <<: *img
`;

  it("moves the own tag of a mapping whose repository is merged, and the anchor as a pair of its own; one that only merges follows the anchor", () => {
    const { text: out, changes, warnings } = edit(anchored, withImages("ghcr.io/acme/billing:0.9.0"));
    expect(out).toBe(anchored.replaceAll("tag: 0.8.0", "tag: 0.9.0"));
    expect(changes.map((c) => [c.line, c.key, c.old, c.new])).toEqual([
      [3, "x-defaults.tag", "0.8.0", "0.9.0"],
      [9, "billing.image.tag", "0.8.0", "0.9.0"],
    ]);
    expect(warnings).toEqual([]);
    // As Helm reads it: YAML 1.1 merge keys.
    expect(parse(out, { merge: true })).toMatchObject({
      billing: { image: { repository: "ghcr.io/acme/billing", tag: "0.9.0" } },
      cron: { image: { repository: "ghcr.io/acme/billing", tag: "0.9.0" } },
    });
  });

  it("leaves a pair whose tag a mapping merges beside a registry it cannot read (a mapping or list, a template): that image is not known, so the tag moved for it too", () => {
    for (const [registry, why] of [
      ["[ghcr.io]", "which is no string"],
      ["'{{ .Values.registry }}'", "which is filled in after this tool"],
    ]) {
      const text = `app: &app\n  repository: acme/app\n  tag: 1.0.0\nworker:\n  <<: *app\n  registry: ${registry}\n`;
      const { text: out, warnings } = edit(text, withImages("acme/app:2.0.0"));
      expect([out, warnings.map((w) => [w.line, w.message])]).toEqual([
        text,
        [
          [
            3,
            "app is not moved to acme/app:2.0.0: app.tag is also the tag of acme/app (its registry not known) at worker (line 5, through <<), " +
              "and this run does not move that one the same way; add tag: 1.0.0 to worker to keep it apart",
          ],
          // The merging mapping, a pair of its own, is said unedited as any pair beside such a registry is.
          [
            6,
            `worker.registry (line 6) is ${registry}, ${why}: the registry acme/app is pulled from is not known, so app.tag is not edited for docker.io/acme/app; ` +
              'write the registry as a string, or set app.tag with a Flux ":tag" marker on its line or an override of app.tag',
          ],
        ],
      ]);
    }
  });

  it("leaves a pair whose tag a mapping of another image merges, naming it and its line: writing it would move that image too (review-fuzz16 M2)", () => {
    const text = `app: &app
  repository: ghcr.io/acme/app
  tag: 1.0.0
worker:
  <<: *app
  repository: ghcr.io/acme/worker
`;
    expect(editCheckedYaml(text, fullEditRequest(withImages("ghcr.io/acme/app:2.0.0")))).toEqual({
      text,
      changes: [],
      warnings: [
        {
          line: 3,
          message:
            "app is not moved to ghcr.io/acme/app:2.0.0: app.tag is also the tag of ghcr.io/acme/worker at worker (line 5, through <<), " +
            "and this run does not move that one the same way; add tag: 1.0.0 to worker to keep it apart",
          about: { reason: "unmoved", image: "ghcr.io/acme/app", lines: [5] },
        },
      ],
    });
    // Both sent at the same version, the one tag is written once, for both.
    const both = edit(text, withImages("ghcr.io/acme/app:2.0.0", "ghcr.io/acme/worker:2.0.0"));
    expect([both.text, both.warnings]).toEqual([text.replace("1.0.0", "2.0.0"), []]);
    // Sent at different versions, neither moves: each is told why.
    expect(edit(text, withImages("ghcr.io/acme/app:2.0.0", "ghcr.io/acme/worker:3.0.0")).warnings.map((w) => w.message.split(":")[0])).toEqual([
      "app is not moved to ghcr.io/acme/app",
      "worker is not moved to ghcr.io/acme/worker",
    ]);
  });

  it("leaves a tag another image's pair aliases (tag: *t), and one a mapping merging that pair reads", () => {
    const text = `a: {repository: ghcr.io/acme/app, tag: &t 1.0.0}
b: &b {repository: ghcr.io/acme/other, tag: *t}
c:
  <<: *b
  repository: ghcr.io/acme/third
`;
    const { text: out, warnings } = edit(text, withImages("ghcr.io/acme/app:2.0.0"));
    expect(out).toBe(text);
    expect(warnings).toEqual([
      {
        line: 1,
        message:
          "a is not moved to ghcr.io/acme/app:2.0.0: a.tag is also the tag of ghcr.io/acme/other at b.tag (line 2, as *t) " +
          "and the tag of ghcr.io/acme/third at c (line 4, through <<), and this run does not move those the same way; " +
          "add tag: 1.0.0 to c and write 1.0.0 in place of *t at b.tag to keep them apart",
      },
    ]);
    // A label aliasing the tag is no image: it follows the tag, as written.
    const label = "image: {repository: ghcr.io/acme/app, tag: &t 1.0.0}\nlabels: {version: *t}\n";
    expect(edit(label, withImages("ghcr.io/acme/app:2.0.0")).text).toBe(label.replace("1.0.0", "2.0.0"));
  });

  it("leaves a pair whose own tag is an alias (tag: *t), naming the anchor to set, as kustomize leaves such an entry (merge16)", () => {
    const text = "x-tag: &t 1.0.0\nimage: {repository: ghcr.io/acme/app, tag: *t}\n";
    expect(edit(text, withImages("ghcr.io/acme/app:2.0.0"))).toEqual({
      text,
      changes: [],
      warnings: [
        {
          line: 2,
          message:
            "image.tag is an alias (*t), which is never edited, so image is not moved to ghcr.io/acme/app:2.0.0 (its tag and digest would name different builds); " +
            "write tag as a plain or quoted string, or set x-tag (line 1), which every alias of &t follows",
        },
      ],
    });
    // Nothing to say when the anchor already reads the incoming version, or when it is another pair's tag this run moves the same way.
    expect(edit(text, withImages("ghcr.io/acme/app:1.0.0"))).toMatchObject({ text, warnings: [] });
    const following = "image: {repository: ghcr.io/acme/app, tag: &t 1.0.0}\nsidecar: {repository: ghcr.io/acme/app, tag: *t}\n";
    expect(edit(following, withImages("ghcr.io/acme/app:2.0.0"))).toMatchObject({ text: following.replace("1.0.0", "2.0.0"), warnings: [] });
  });

  it("moves a mapping merging its own child anchor, or an inline mapping, in one run, after what it merges (review-fuzz16 S1)", () => {
    const child = `app:
  defaults: &d
    repository: ghcr.io/acme/app
    tag: 1.0.0
    digest: "${DIGEST_A}"
  <<: *d
  tag: 1.1.0
`;
    const inline = `app:
  repository: ghcr.io/acme/app
  tag: 1.1.0
  <<: {digest: "${DIGEST_A}", repository: ghcr.io/acme/app, tag: 1.0.0}
`;
    for (const text of [child, inline]) {
      const first = edit(text, withImages("ghcr.io/acme/app:2.0.0"));
      expect(first.text).toBe(text.replaceAll(/1\.[01]\.0/g, "2.0.0").replace(`"${DIGEST_A}"`, '""'));
      expect(first.warnings.map((w) => w.message)).not.toContainEqual(expect.stringContaining("is not moved"));
      expect(edit(first.text, withImages("ghcr.io/acme/app:2.0.0")).changes).toEqual([]);
    }
  });

  it("reads a merged list in order and an inline merge: the registry of one, the repository of the other", () => {
    const text = `x-registry: &registry {registry: ghcr.io}
x-other: &other {registry: quay.io, repository: acme/other}
api:
  image:
    <<: [*registry, *other]
    repository: acme/api
    tag: 1.0.0
web:
  image:
    <<: {repository: ghcr.io/acme/web}
    tag: 1.0.0
`;
    const { text: out, changes } = edit(text, withImages("ghcr.io/acme/api:1.1.0", "ghcr.io/acme/web:2.0.0", "quay.io/acme/api:9.0.0"));
    expect(out).toBe(text.replace("    tag: 1.0.0", "    tag: 1.1.0").replace("    tag: 1.0.0\n", "    tag: 2.0.0\n"));
    expect(changes.map((c) => [c.line, c.key])).toEqual([
      [7, "api.image.tag"],
      [11, "web.image.tag"],
    ]);
  });

  it("reads a chain of merges once: each mapping's merged field is kept for the mappings merging it (sec15 S2)", () => {
    /** `m{i}: &m{i}` merging m{i-1} with a tag of its own; only m0 writes the repository. */
    const chain = (n: number) =>
      [
        "m0: &m0",
        "  repository: ghcr.io/acme/app",
        ...Array.from({ length: n - 1 }, (_, i) => `m${i + 1}: &m${i + 1}\n  <<: *m${i}\n  tag: 1.0.${i + 1}`),
      ].join("\n") + "\n";
    for (const n of [1500, 3000]) {
      const { changes, warnings } = edit(chain(n), withImages("ghcr.io/acme/app:2.0.0"));
      expect([changes.length, changes.at(-1)?.key, changes.at(-1)?.new, warnings]).toEqual([n - 1, `m${n - 1}.tag`, "2.0.0", []]);
    }
  });

  it("reads a mapping merged twice, or merging itself, as before: the first mapping merged that has the key, none from itself", () => {
    const text = `base: &base {repository: ghcr.io/acme/app}
mid: &mid
  <<: *base
  pullPolicy: Always
twice:
  <<: [*mid, *base]
  tag: 1.0.0
self: &self
  <<: [*self, *mid]
  tag: 1.0.0
alone: &alone
  <<: *alone
  tag: 1.0.0
`;
    const { changes } = edit(text, withImages("ghcr.io/acme/app:2.0.0"));
    expect(changes.map((c) => c.key)).toEqual(["twice.tag", "self.tag"]);
  });

  it("leaves a pair whose tag is merged from a mapping others share, and names where that tag is written", () => {
    const text = `x-version: &version
  tag: 1.2.3
api:
  image:
    <<: *version
    repository: ghcr.io/acme/api
worker:
  image:
    <<: *version
    repository: ghcr.io/acme/worker
`;
    expect(edit(text, withImages("ghcr.io/acme/api:1.2.4"))).toEqual({
      text,
      changes: [],
      warnings: [
        {
          line: 6,
          message:
            "api.image is not moved to ghcr.io/acme/api:1.2.4: its tag is merged (<<) from x-version.tag (line 2), which every mapping merging it shares; add tag: to api.image to set it for this one alone, or set x-version.tag for all of them",
        },
      ],
    });
    // A policy keeping the tag is said of each pair that keeps it, at the pair, naming where the tag is written.
    const stable = parsePolicy({ semver: { range: "^1.0.0" } });
    const kept = edit(text, withImages(update("ghcr.io/acme/api:1.2.0", stable), update("ghcr.io/acme/worker:1.1.0", stable))).warnings;
    const merged = "its tag is merged (<<) from x-version.tag (line 2), which every mapping merging it shares, and it keeps 1.2.3";
    expect(kept.map((w) => [w.line, w.message.slice(0, w.message.indexOf(", which its policy"))])).toEqual([
      [6, `api.image: ${merged}`],
      [10, `worker.image: ${merged}`],
    ]);
  });

  it("tells the engine which image and which line a merged tag's warning is about, apart from its words", () => {
    const text = "x-version: &version\n  tag: 1.2.3\napi:\n  image:\n    <<: *version\n    repository: ghcr.io/acme/api\n";
    const left = editCheckedYaml(text, fullEditRequest(withImages("ghcr.io/acme/api:1.2.4"))).warnings;
    expect(left.map((w) => w.about)).toEqual([{ reason: "unmoved", image: "ghcr.io/acme/api", lines: [2] }]);
    const stable = parsePolicy({ semver: { range: "^1.0.0" } });
    const kept = editCheckedYaml(text, fullEditRequest(withImages(update("ghcr.io/acme/api:1.2.0", stable)))).warnings;
    expect(kept.map((w) => w.about && { ...w.about, said: undefined })).toEqual([
      { field: "x-version.tag", reason: "version", said: undefined, image: "ghcr.io/acme/api", lines: [2] },
    ]);
  });

  it("names the merged tag where it is written when the pair's own digest is emptied: the digest pin it drops is the pair's, the tag is not", () => {
    const text = `base: &img
  repository: ghcr.io/acme/app
  tag: 1.0.0
d:
  image:
    <<: *img
    digest: ${DIGEST_A}
`;
    const { text: out, changes, warnings } = edit(text, withImages("ghcr.io/acme/app:1.1.0"));
    expect(out).toBe(text.replace("1.0.0", "1.1.0").replace(DIGEST_A, '""'));
    expect(changes.map((c) => [c.line, c.key])).toEqual([
      [3, "base.tag"],
      [7, "d.image.digest"],
    ]);
    expect(warnings).toEqual([
      {
        line: 7,
        message:
          "d.image: its tag is merged (<<) from base.tag (line 3), which every mapping merging it shares, and it drops the digest pin sha256:aaaaaaaaaaaa (1.0.0's): " +
          "ghcr.io/acme/app:1.1.0 has no digest; send ghcr.io/acme/app:1.1.0@sha256:<digest> to keep digests pinned",
      },
    ]);
    // As Helm reads it: the pair's tag moved with the anchor, and its digest no longer pins 1.0.0's build.
    expect(parse(out, { merge: true })).toMatchObject({ d: { image: { tag: "1.1.0", digest: "" } } });
  });

  it("says a merged tag that cannot hold its new value once, where it is written, and at each pair merging it that it is not moved", () => {
    const text = "x: &img\n  repository: ghcr.io/acme/billing\n  tag: !!float 1.0\nbilling:\n  image:\n    <<: *img\n    registry: ''\n";
    expect(edit(text, withImages("ghcr.io/acme/billing:2.0")).warnings.map((w) => [w.line, w.message.slice(0, w.message.indexOf(":"))])).toEqual([
      [3, "x.tag has the tag !!float, which cannot hold 2.0"],
      [7, "billing.image is not moved to ghcr.io/acme/billing"],
    ]);
  });

  it("moves an own tag with a merged digest only where the digest merged is moved to the same build: tag and digest name one", () => {
    const pinned = (repository: string) => `x-pinned: &pinned
  ${repository}
  digest: ${DIGEST_A}
db:
  image:
    <<: *pinned
    repository: ghcr.io/acme/db
    tag: 1.0.0
`;
    const pair = pinned("repository: ghcr.io/acme/db\n  tag: 1.0.0");
    expect(edit(pair, withImages(`ghcr.io/acme/db:1.1.0@${DIGEST_B}`)).text).toBe(pair.replaceAll("1.0.0", "1.1.0").replace(DIGEST_A, DIGEST_B));
    const shared = pinned("pullPolicy: Always");
    const { text: out, warnings } = edit(shared, withImages(`ghcr.io/acme/db:1.1.0@${DIGEST_B}`));
    expect(out).toBe(shared);
    expect(warnings.map((w) => [w.line, w.message.split(":")[0]])).toEqual([[8, "db.image is not moved to ghcr.io/acme/db"]]);
  });
});

describe("a pair a Flux marker claims in part, left to its markers as Flux leaves it", () => {
  const app = update(`ghcr.io/acme/app:2.0.0@${DIGEST_B}`);
  const request: EditRequest = { images: [app], setters: new Map([["flux-system:app", app]]) };
  const left = (fields: string, marked: string, advice: string, image = `ghcr.io/acme/app:2.0.0@${DIGEST_B}`) =>
    `${fields} not set for ${image}: image has a Flux marker on ${marked}, so it is left to its markers, ` +
    `as Flux sets only the fields they mark; ${advice} too to have it set`;

  it("names the unmarked tag beside a marked repository that the run would have moved, with the setter's suffix to mark it with", () => {
    const text = 'image:\n  repository: ghcr.io/acme/app # {"$imagepolicy": "flux-system:app:name"}\n  tag: 1.0.0\n';
    expect(editYaml(text, request)).toEqual({
      text,
      changes: [],
      // No digest field: the tag is all the run would have set (the pair cannot pin the digest).
      warnings: [{ line: 3, message: left("image.tag is", "repository", 'mark tag (its setter\'s ":tag")', "ghcr.io/acme/app:2.0.0") }],
    });
  });

  it("names the unmarked digest a marked tag leaves pinning the old build", () => {
    const text = `image:\n  repository: ghcr.io/acme/app\n  tag: 1.0.0 # {"$imagepolicy": "flux-system:app:tag"}\n  digest: "${DIGEST_A}"\n`;
    const { text: out, warnings } = editYaml(text, request);
    expect(out).toBe(text.replace("1.0.0", "2.0.0"));
    expect(warnings).toEqual([{ line: 4, message: left("image.digest is", "tag", 'mark digest (its setter\'s ":digest")') }]);
  });

  it("names both, by their keys (`name` for the repository), where a marker claims only the repository", () => {
    const text = `image:\n  name: ghcr.io/acme/app # {"$imagepolicy": "flux-system:app:name"}\n  tag: 1.0.0\n  digest: ""\n`;
    const message =
      `image.tag and digest are not set for ghcr.io/acme/app:2.0.0@${DIGEST_B}: image has a Flux marker on name, so it is left to its markers, ` +
      `as Flux sets only the fields they mark; mark tag (its setter's ":tag") and digest (its setter's ":digest") too to have them set`;
    expect(editYaml(text, request).warnings).toEqual([{ line: 3, message }]);
  });

  it("says its unmarked tag is not edited where its registry is one it cannot read (a mapping or list, a template), as of an unmarked pair: the image is not known", () => {
    for (const [registry, why] of [
      ["[ghcr.io]", "which is no string"],
      ["'{{ .Values.registry }}'", "which is filled in after this tool"],
    ]) {
      const text = `image:\n  registry: ${registry}\n  repository: acme/app # {"$imagepolicy": "flux-system:app:name"}\n  tag: 1.0.0\n`;
      const { warnings } = editYaml(text, request);
      expect(warnings.filter((w) => !w.message.startsWith("Flux setter")).map((w) => [w.line, w.message])).toEqual([
        [
          4,
          `image.registry (line 2) is ${registry}, ${why}: the registry ghcr.io/acme/app is pulled from is not known, so image.tag is not edited for ghcr.io/acme/app; ` +
            'write the registry as a string, or set image.tag with a Flux ":tag" marker on its line or an override of image.tag',
        ],
      ]);
    }
  });

  it("says nothing when its unmarked fields already hold the run's version, or no field is marked", () => {
    const current = `image:\n  repository: ghcr.io/acme/app # {"$imagepolicy": "flux-system:app:name"}\n  tag: 2.0.0\n  digest: "${DIGEST_B}"\n`;
    expect(editYaml(current, request)).toEqual({ text: current, changes: [], warnings: [] });
    const whole = `image:\n  repository: ghcr.io/acme/app # {"$imagepolicy": "flux-system:app:name"}\n  tag: 1.0.0 # {"$imagepolicy": "flux-system:app:tag"}\n`;
    expect(editYaml(whole, request).warnings).toEqual([]);
  });
});
