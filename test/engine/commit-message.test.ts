import { describe, expect, it } from "vitest";
import type { Change } from "../../src/change.js";
import { commitMessage, defaultCommitMessage, type CommitMessageInput } from "../../src/engine/commit-message.js";
import { parseImageRef } from "../../src/image/reference.js";

// The change of Flux's controller test (internal/controller/imageupdateautomation_controller_test.go):
// testdata/appconfig/deploy.yaml, a Deployment "test" without namespace, marker test-ns:policy.
const fluxChange: Change = {
  file: "deploy.yaml",
  line: 9,
  kind: "setter",
  key: "test-ns:policy",
  old: "helloworld:1.0.0",
  new: "helloworld:v1.0.0",
  object: { apiVersion: "apps/v1", kind: "Deployment", name: "test" },
};
const fluxInput: CommitMessageInput = {
  changes: [fluxChange],
  images: [parseImageRef("helloworld:v1.0.0")],
  automation: { namespace: "test-ns", name: "update-test" },
};

describe("Flux messageTemplate compatibility (expected texts from Flux's own tests)", () => {
  it("renders testCommitTemplate exactly as Flux's testCommitMessageFmt", () => {
    const template = `Commit summary

Automation: {{ .AutomationObject }}

Files:
{{ range $filename, $_ := .Changed.FileChanges -}}
- {{ $filename }}
{{ end -}}

Objects:
{{ range $resource, $_ := .Changed.Objects -}}
{{ if eq $resource.Kind "Deployment" -}}
- {{ $resource.Kind | lower }} {{ $resource.Name | lower }}
{{ else -}}
- {{ $resource.Kind }} {{ $resource.Name }}
{{ end -}}
{{ end -}}

Images:
{{ range .Changed.Changes -}}
{{ if .Setter -}}
- {{.NewValue}} ({{.Setter}})
{{ end -}}
{{ end -}}
`;
    expect(commitMessage(template, fluxInput)).toBe(`Commit summary

Automation: test-ns/update-test

Files:
- deploy.yaml
Objects:
- deployment test
Images:
- helloworld:v1.0.0 (test-ns:policy)
`);
  });

  it("renders the ResultV2 template exactly as Flux's expected message", () => {
    const template = `Commit summary with ResultV2

Automation: {{ .AutomationObject }}

{{ range $filename, $objchange := .Changed.FileChanges -}}
- File: {{ $filename }}
{{- range $obj, $changes := $objchange }}
  - Object: {{ $obj.Kind }}/{{ $obj.Namespace }}/{{ $obj.Name }}
    Changes:
{{- range $_ , $change := $changes }}
    - {{ $change.OldValue }} -> {{ $change.NewValue }} ({{ $change.Setter }})
{{ end -}}
{{ end -}}
{{ end -}}
`;
    expect(commitMessage(template, fluxInput)).toBe(`Commit summary with ResultV2

Automation: test-ns/update-test

- File: deploy.yaml
  - Object: Deployment//test
    Changes:
    - helloworld:1.0.0 -> helloworld:v1.0.0 (test-ns:policy)
`);
  });

  // Traced by hand with Go's rules: the text between a change's {{ end -}} and the next one's {{ if }} is "\n  ".
  it("renders the spec's Sprig example (lower, contains, else) per object", () => {
    const template = `Automated image update

Objects:
{{ range $resource, $changes := .Changed.Objects -}}
- {{ $resource.Kind | lower }} {{ $resource.Name | lower }}
  Changes:
{{- range $_, $change := $changes }}
  {{ if contains "5.0.3" $change.NewValue -}}
    - {{ $change.OldValue }} -> {{ $change.NewValue }}
  {{ else -}}
    [skip ci] wrong image
  {{ end -}}
{{ end -}}
{{ end -}}`;
    const input: CommitMessageInput = {
      ...fluxInput,
      changes: [
        { ...fluxChange, old: "podinfo:5.0.2", new: "podinfo:5.0.3", object: { kind: "Deployment", name: "PodInfo" } },
        { ...fluxChange, line: 20, old: "redis:6", new: "redis:7", object: { kind: "Deployment", name: "PodInfo" } },
      ],
    };
    expect(commitMessage(template, input)).toBe(`Automated image update

Objects:
- deployment podinfo
  Changes:
  - podinfo:5.0.2 -> podinfo:5.0.3
  ${""}
  [skip ci] wrong image
  `);
  });

  it("reads .Values (messageTemplateValues); a missing key prints <no value> like a Go map", () => {
    const input = { ...fluxInput, values: { cluster: "prod" } };
    expect(commitMessage("Automated image update by Flux for cluster {{ .Values.cluster }}.", input)).toBe("Automated image update by Flux for cluster prod.");
    expect(commitMessage("{{ .Values.region }}", input)).toBe("<no value>");
  });

  it("ranges files in sorted order and objects as Go ranges Flux's ObjectIdentifier keys (apiVersion, kind, name, namespace), whatever the change order", () => {
    const changes: Change[] = [
      { ...fluxChange, file: "z.yaml", object: { kind: "StatefulSet", name: "b" } },
      { ...fluxChange, file: "a.yaml", key: "ns:other", object: { kind: "Deployment", namespace: "x", name: "a" } },
      { ...fluxChange, file: "m.yaml", object: { kind: "Deployment", namespace: "", name: "z" } },
    ];
    const template =
      "{{ range $f, $_ := .Changed.FileChanges }}{{ $f }} {{ end }}|{{ range $o, $_ := .Changed.Objects }}{{ $o.Kind }}/{{ $o.Namespace }}/{{ $o.Name }} {{ end }}";
    expect(commitMessage(template, { ...fluxInput, changes })).toBe("a.yaml m.yaml z.yaml |Deployment/x/a Deployment//z StatefulSet//b ");
  });

  it("de-duplicates identical changes across files in .Changed.Changes, as Flux's Changes() does", () => {
    const changes = [fluxChange, { ...fluxChange, file: "other.yaml" }];
    expect(commitMessage("{{ len .Changed.Changes }} {{ len .Changed.FileChanges }}", { ...fluxInput, changes })).toBe("1 2");
  });

  it("fails with the line when a template uses a field Flux removed (.Updated)", () => {
    expect(() => commitMessage("ok\n{{ range .Updated.Images }}{{ end }}", fluxInput)).toThrow(/line 2: .*can't evaluate field Updated/);
  });

  it("names Flux's types and their fields for a field they lack, whatever the number of changes", () => {
    const changes = Array.from({ length: 300 }, (_, i) => ({ ...fluxChange, file: `clusters/c${i}/app.yaml` }));
    const error = (template: string) => {
      try {
        return commitMessage(template, { ...fluxInput, changes, values: { repository: "acme/app" } });
      } catch (e) {
        return (e as Error).message;
      }
    };
    expect(error("deploy {{ .Value.repository }}")).toBe(
      "commit-message template line 1: can't evaluate field Value in type TemplateData (its fields: AutomationObject, Changed, Values)",
    );
    expect(error("{{ .Changed.Files }}")).toBe(
      "commit-message template line 1: can't evaluate field Files in type Result (its fields: FileChanges, Changes, Objects)",
    );
    expect(error("{{ range .Changed.Changes }}{{ .Old }}{{ end }}")).toBe(
      "commit-message template line 1: can't evaluate field Old in type struct (its fields: OldValue, NewValue, Setter)",
    );
    expect(error("{{ .AutomationObject.Owner }}")).toBe(
      "commit-message template line 1: can't evaluate field Owner in type NamespacedName (its fields: Namespace, Name, String)",
    );
  });
});

describe("the default message", () => {
  const change = (over: Partial<Change>): Change => ({
    file: "apps/app.yaml",
    line: 3,
    kind: "image",
    key: "spec.containers[0].image",
    old: "",
    new: "",
    ...over,
  });

  it("names each promoted image with old -> new, then lists the files", () => {
    const message = defaultCommitMessage({
      images: [parseImageRef("ghcr.io/acme/app:1.2.4")],
      automation: { namespace: "acme", name: "manifests" },
      changes: [
        change({ file: "prod/app.yaml", old: "ghcr.io/acme/app:1.2.3", new: "ghcr.io/acme/app:1.2.4" }),
        change({ file: "base/values.yaml", kind: "helm", key: "image.tag", old: "1.2.3", new: "1.2.4" }),
      ],
    });
    expect(message).toBe("chore(deploy): ghcr.io/acme/app 1.2.3 -> 1.2.4\n\n- base/values.yaml\n- prod/app.yaml\n");
  });

  it("lists several images and several old versions of one image", () => {
    const message = defaultCommitMessage({
      images: [parseImageRef("ghcr.io/acme/app:1.3.0"), parseImageRef("nginx:1.27")],
      automation: { namespace: "acme", name: "manifests" },
      changes: [
        change({ file: "a.yaml", old: "ghcr.io/acme/app:1.2.0", new: "ghcr.io/acme/app:1.3.0" }),
        change({ file: "b.yaml", old: "ghcr.io/acme/app:1.1.0", new: "ghcr.io/acme/app:1.3.0" }),
        change({ file: "c.yaml", old: "nginx:1.25", new: "nginx:1.27" }),
      ],
    });
    expect(message.split("\n")[0]).toBe("chore(deploy): ghcr.io/acme/app 1.1.0, 1.2.0 -> 1.3.0, nginx 1.25 -> 1.27");
  });

  it("shortens digests and falls back to a count when no incoming image explains the change", () => {
    const digest = `sha256:${"ab".repeat(32)}`;
    const pinned = defaultCommitMessage({
      images: [parseImageRef(`ghcr.io/acme/app:1.2.4@${digest}`)],
      automation: { namespace: "o", name: "r" },
      changes: [change({ old: "ghcr.io/acme/app:1.2.3", new: `ghcr.io/acme/app:1.2.4@${digest}` })],
    });
    expect(pinned.split("\n")[0]).toBe("chore(deploy): ghcr.io/acme/app 1.2.3 -> 1.2.4@sha256:abababababab");
    const override = defaultCommitMessage({
      images: [],
      automation: { namespace: "o", name: "r" },
      changes: [change({ kind: "override", old: "a", new: "b" })],
    });
    expect(override).toBe("chore(deploy): update 1 image field\n\n- apps/app.yaml\n");
  });

  it("shortens the old digest of a digest field as it shortens the new one", () => {
    const old = `sha256:${"11".repeat(32)}`;
    const digest = `sha256:${"44".repeat(32)}`;
    const message = defaultCommitMessage({
      images: [parseImageRef(`ghcr.io/acme/app:1.2.5@${digest}`)],
      automation: { namespace: "o", name: "r" },
      changes: [change({ key: "image.digest", old, new: digest })],
    });
    expect(message.split("\n")[0]).toBe("chore(deploy): ghcr.io/acme/app sha256:111111111111 -> 1.2.5@sha256:444444444444");
  });

  it("tells a file's tag field and digest field as the one version they held between them", () => {
    const [d1, d3, d4] = ["1", "3", "4"].map((hex) => `sha256:${hex.repeat(64)}`);
    const image = parseImageRef(`ghcr.io/acme/app:1.2.5@${d4}`);
    const subject = (changes: Change[]) => defaultCommitMessage({ images: [image], automation: { namespace: "o", name: "r" }, changes }).split("\n")[0];
    const pair = [
      change({ file: "staging/values.yaml", key: "image.tag", old: "1.2.0", new: "1.2.5" }),
      change({ file: "staging/values.yaml", key: "image.digest", old: d1, new: d4 }),
    ];
    expect(subject(pair)).toBe("chore(deploy): ghcr.io/acme/app 1.2.0@sha256:111111111111 -> 1.2.5@sha256:444444444444");
    // Files apart hold versions apart: another file's tag and digest are another pair.
    const apart = [
      change({ file: "production/values.yaml", key: "image.tag", old: "1.1.0", new: "1.2.5" }),
      change({ file: "production/values.yaml", key: "image.digest", old: d3, new: d4 }),
    ];
    expect(subject([...pair, ...apart])).toBe(
      "chore(deploy): ghcr.io/acme/app 1.1.0@sha256:333333333333, 1.2.0@sha256:111111111111 -> 1.2.5@sha256:444444444444",
    );
  });

  it("tells no old version for a digest field that held none (blank, or added now)", () => {
    const d4 = `sha256:${"4".repeat(64)}`;
    const image = parseImageRef(`ghcr.io/acme/app:1.2.5@${d4}`);
    const subject = (changes: Change[]) => defaultCommitMessage({ images: [image], automation: { namespace: "o", name: "r" }, changes }).split("\n")[0];
    const blank = change({ file: "values.yaml", key: "image.digest", old: "", new: d4 });
    expect(subject([change({ file: "values.yaml", key: "image.tag", old: "1.2.0", new: "1.2.5" }), blank])).toBe(
      "chore(deploy): ghcr.io/acme/app 1.2.0 -> 1.2.5@sha256:444444444444",
    );
    // Only the digest moved (the tag was already 1.2.5): the image is still named.
    expect(subject([blank])).toBe("chore(deploy): ghcr.io/acme/app -> 1.2.5@sha256:444444444444");
  });

  it("gives the new version the digest only where a field took it", () => {
    const [d1, d4] = ["1", "4"].map((hex) => `sha256:${hex.repeat(64)}`);
    const image = parseImageRef(`ghcr.io/acme/app:1.3.0@${d4}`);
    const subject = (changes: Change[]) => defaultCommitMessage({ images: [image], automation: { namespace: "o", name: "r" }, changes }).split("\n")[0];
    // A Helm tag with no digest field beside it takes the tag alone: the subject says what was written.
    expect(subject([change({ kind: "helm", key: "image.tag", old: "1.2.0", new: "1.3.0" })])).toBe("chore(deploy): ghcr.io/acme/app 1.2.0 -> 1.3.0");
    // A tag that carries its build's digest is pinned there, old and new.
    expect(subject([change({ kind: "helm", key: "image.tag", old: `1.2.0@${d1}`, new: `1.3.0@${d4}` })])).toBe(
      "chore(deploy): ghcr.io/acme/app 1.2.0@sha256:111111111111 -> 1.3.0@sha256:444444444444",
    );
    // A digest alone, written after the tag the field kept, is named too.
    const digestOnly = parseImageRef(`ghcr.io/acme/app@${d4}`);
    expect(
      defaultCommitMessage({
        images: [digestOnly],
        automation: { namespace: "o", name: "r" },
        changes: [change({ kind: "helm", key: "image.tag", old: `1.2.0@${d1}`, new: `1.2.0@${d4}` })],
      }).split("\n")[0],
    ).toBe("chore(deploy): ghcr.io/acme/app 1.2.0@sha256:111111111111 -> sha256:444444444444");
    // One field pinned among others pins the version the subject names.
    expect(
      subject([
        change({ file: "a.yaml", kind: "helm", key: "image.tag", old: "1.2.0", new: "1.3.0" }),
        change({ file: "b.yaml", old: "ghcr.io/acme/app:1.2.0", new: `ghcr.io/acme/app:1.3.0@${d4}` }),
      ]),
    ).toBe("chore(deploy): ghcr.io/acme/app 1.2.0 -> 1.3.0@sha256:444444444444");
  });

  it("is used when the template is empty", () => {
    expect(commitMessage("  ", fluxInput)).toBe(defaultCommitMessage(fluxInput));
  });
});
