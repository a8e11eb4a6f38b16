/** A scalar with an explicit core-schema tag (`!!float 1.0`) holds no string: the editors leave it with a warning, a --set is refused. */
import { describe, expect, it } from "vitest";
import { editYaml } from "../../src/yaml/editor.js";
import { DIGEST_B, withImages, withSetters } from "./helpers.js";

const left = (path: string, tag: string, value: string) => `${path} has the tag ${tag}, which cannot hold ${value}: left as it is (drop the tag)`;

describe("a tagged scalar in editYaml", () => {
  it.each([
    ["!!float", "1.0"],
    ["!!int", "1"],
    ["!!bool", "true"],
    ["!!null", "~"],
    ["!!null", ""],
    ["!<tag:yaml.org,2002:float>", "1.0"],
  ])("leaves a Helm tag written %s %j, at its line", (tag, value) => {
    const text = `image:\n  repository: ghcr.io/acme/app\n  tag: ${tag} ${value}\n`;
    const { text: out, changes, warnings } = editYaml(text, withImages("ghcr.io/acme/app:2.0.0"));
    expect([out, changes]).toEqual([text, []]);
    const short = tag.startsWith("!<") ? "!!float" : tag;
    expect(warnings).toEqual([{ line: 3, message: left("image.tag", short, "2.0.0") }]);
  });

  it("moves neither a Helm tag nor its digest when one of them is tagged", () => {
    const tagged = `image:\n  repository: ghcr.io/acme/app\n  tag: !!float 1.0\n  digest: ""\n`;
    expect(editYaml(tagged, withImages(`ghcr.io/acme/app:2.0.0@${DIGEST_B}`))).toEqual({
      text: tagged,
      changes: [],
      warnings: [{ line: 3, message: left("image.tag", "!!float", "2.0.0") }],
    });
    const digest = "image:\n  repository: ghcr.io/acme/app\n  tag: 1.0.0\n  digest: !!null\n";
    expect(editYaml(digest, withImages(`ghcr.io/acme/app:2.0.0@${DIGEST_B}`))).toEqual({
      text: digest,
      changes: [],
      warnings: [{ line: 4, message: left("image.digest", "!!null", DIGEST_B) }],
    });
  });

  it("says only why it left a tagged pair, not that moving it would drop its digest pin", () => {
    const helm = `image:\n  repository: ghcr.io/acme/app\n  tag: !!float 1.0\n  digest: ${DIGEST_B}\n`;
    expect(editYaml(helm, withImages("ghcr.io/acme/app:2.0.0")).warnings).toEqual([{ line: 3, message: left("image.tag", "!!float", "2.0.0") }]);
    const kustomization = `kind: Kustomization\nimages:\n- name: ghcr.io/acme/app\n  newTag: !!int 1\n  digest: ${DIGEST_B}\n`;
    expect(editYaml(kustomization, withImages("ghcr.io/acme/app:2.0.0")).warnings).toEqual([{ line: 4, message: left("images[0].newTag", "!!int", "2.0.0") }]);
  });

  it("leaves a container image, a kustomize newTag and a marked value, each with its warning", () => {
    const pod = "kind: Pod\nspec:\n  containers:\n  - image: !!null ghcr.io/acme/app:1.0.0\n";
    expect(editYaml(pod, withImages("ghcr.io/acme/app:2.0.0")).warnings).toEqual([
      { line: 4, message: left("spec.containers[0].image", "!!null", "ghcr.io/acme/app:2.0.0") },
    ]);
    const kustomization = "kind: Kustomization\nimages:\n- name: ghcr.io/acme/app\n  newTag: !!int 1\n";
    expect(editYaml(kustomization, withImages("ghcr.io/acme/app:2.0.0"))).toMatchObject({
      text: kustomization,
      warnings: [{ line: 4, message: left("images[0].newTag", "!!int", "2.0.0") }],
    });
    // With a digest coming too, the entry is left whole: the digest alone would name another build than the tag.
    expect(editYaml(kustomization, withImages(`ghcr.io/acme/app:2.0.0@${DIGEST_B}`))).toEqual({
      text: kustomization,
      changes: [],
      warnings: [{ line: 4, message: left("images[0].newTag", "!!int", "2.0.0") }],
    });
    const marked = 'app:\n  tag: !!float 1.0 # {"$imagepolicy": "flux-system:app:tag"}\n';
    expect(editYaml(marked, withSetters({ "flux-system:app": "ghcr.io/acme/app:2.0.0" }))).toEqual({
      text: marked,
      changes: [],
      warnings: [{ line: 2, message: left('the value Flux setter "flux-system:app:tag" marks', "!!float", "2.0.0") }],
    });
  });

  it("sets a value tagged !!str or with a tag of its own, as any string", () => {
    for (const tag of ["!!str", "!app"]) {
      const text = `image:\n  repository: ghcr.io/acme/app\n  tag: ${tag} 1.0\n`;
      const { text: out, warnings } = editYaml(text, withImages("ghcr.io/acme/app:2.0.0"));
      expect([out, warnings]).toEqual([text.replace("1.0", "2.0.0"), []]);
    }
  });

  it("reads !!float under a %TAG that renames !! as a tag of its own", () => {
    const text = "%TAG !! tag:example.com,2000:\n---\nimage:\n  repository: ghcr.io/acme/app\n  tag: !!float 1.0\n";
    expect(editYaml(text, withImages("ghcr.io/acme/app:2.0.0")).text).toBe(text.replace("1.0\n", "2.0.0\n"));
  });
});
