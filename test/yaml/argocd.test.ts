/** Argo CD's kustomize image overrides: `[name=]image` strings in Applications and parameter override files. */
import { describe, expect, it } from "vitest";
import type { EditRequest } from "../../src/change.js";
import { editArgoCdImages } from "../../src/yaml/argocd.js";
import { editYaml, runEditors } from "../../src/yaml/editor.js";
import { DIGEST_A, DIGEST_B, numericVersions, update, withImages } from "./helpers.js";

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

  it("a marked entry belongs to its marker", () => {
    const text = 'kustomize:\n  images:\n  - ghcr.io/acme/app:1.2.3 # {"$imagepolicy": "flux-system:app"}\n';
    // The marker names no configured setter: the entry stays, though its repository is incoming.
    expect(editYaml(text, withImages("ghcr.io/acme/app:1.3.0")).text).toBe(text);
  });
});
