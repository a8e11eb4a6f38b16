/** Pairs added to a flow mapping: placed after the last value, never inside a comment nor beside a second comma. */
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { editYaml } from "../../src/yaml/editor.js";
import { setFromSpec, setYamlPath } from "../../src/yaml/path.js";
import { DIGEST_B, withImages } from "./helpers.js";

const kustomization = (entry: string) => `kind: Kustomization\nimages:\n${entry}`;

describe("pairInsertion into a flow mapping", () => {
  it("adds kustomize's digest after the tag, not into the comment that follows it", () => {
    const text = kustomization("- {name: ghcr.io/acme/app, newTag: 1.0.0 # pin,\n  }\n");
    const { text: out, changes } = editYaml(text, withImages(`ghcr.io/acme/app:2.0.0@${DIGEST_B}`));
    expect(out).toBe(kustomization(`- {name: ghcr.io/acme/app, newTag: 2.0.0, digest: ${DIGEST_B} # pin,\n  }\n`));
    expect(parseDocument(out).toJS()).toMatchObject({ images: [{ newTag: "2.0.0", digest: DIGEST_B }] });
    expect(changes.map((change) => [change.line, change.key])).toEqual([
      [3, "images[0].newTag"],
      [3, "images[0].digest"],
    ]);
  });

  it("adds it after a trailing comma that a comment follows, with no second comma", () => {
    const text = kustomization("- {name: ghcr.io/acme/app, newTag: 1.0.0, # pinned\n  }\n");
    const { text: out } = editYaml(text, withImages(`ghcr.io/acme/app:2.0.0@${DIGEST_B}`));
    expect(out).toBe(kustomization(`- {name: ghcr.io/acme/app, newTag: 2.0.0, digest: ${DIGEST_B}, # pinned\n  }\n`));
    expect(parseDocument(out).toJS()).toMatchObject({ images: [{ newTag: "2.0.0", digest: DIGEST_B }] });
  });

  it("adds --create's key after the last value of a mapping closed below a comment", () => {
    const text = "image: {repository: ghcr.io/acme/app,\n   # registry is implicit\n  }\n";
    const expected = "image: {repository: ghcr.io/acme/app, tag: 1.2.3,\n   # registry is implicit\n  }\n";
    expect(setYamlPath(text, "image.tag", "1.2.3", { create: true }).text).toBe(expected);
    expect(setFromSpec(text, "image.tag=1.2.3", true).text).toBe(expected);
    const noComma = "image: {repository: ghcr.io/acme/app # the app, {or} not\n  }\n";
    const { text: out, changes } = setFromSpec(noComma, "image.tag=1.2.3", true);
    expect(out).toBe("image: {repository: ghcr.io/acme/app, tag: 1.2.3 # the app, {or} not\n  }\n");
    expect(changes).toEqual([{ line: 1, kind: "override", key: "image.tag", old: "", new: "1.2.3", op: "create", object: {} }]);
  });

  it("adds into an empty mapping right after its `{`, before a comment", () => {
    expect(setYamlPath("image: { # none yet }\n  }\n", "image.tag", "1.2.3", { create: true }).text).toBe("image: {tag: 1.2.3 # none yet }\n  }\n");
    expect(setYamlPath("image: {}\n", "image.tag", "1.2.3", { create: true }).text).toBe("image: {tag: 1.2.3}\n");
  });

  it("adds after a key with no value, and after an empty value", () => {
    expect(setYamlPath("image: {a, b}\n", "image.tag", "1", { create: true }).text).toBe('image: {a, b, tag: "1"}\n');
    expect(setYamlPath("image: {a:}\n", "image.tag", "1", { create: true }).text).toBe('image: {a:, tag: "1"}\n');
  });

  /** A small seeded generator of flow mappings with comments, line breaks and trailing commas. */
  function* flowMappings(count: number): Generator<string> {
    let seed = 10;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) as number;
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const opens = ["{", "{ ", "{ # c, }\n  ", "{\n  "];
    const values = ["k: 1", 'k: "q, # x"', "k: 's'", "k:", "k: ", "k", "k: [a, b]", "k: {x: 1}", "k: multi\n   word", "k: &a v", "? k"];
    const between = [", ", ",\n  ", " # c\n  , ", ",  # c, x }\n  "];
    const ends = ["", " ", ",", ", ", " # c,\n  ", ", # c\n  ", "\n  # c }\n  ", ",\n  # c,\n  "];
    for (let i = 0; i < count; i++) {
      const pairs = Array.from({ length: Math.floor(random() * 4) }, (_, n) => pick(values).replace(/^(\? )?k/, `$1k${n}`));
      const body = pairs.reduce((out, pair, n) => (n === 0 ? pair : out + pick(between) + pair), "");
      yield `image: ${pick(opens)}${body}${pairs.length > 0 ? pick(ends) : ""}}\nafter: 1\n`;
    }
  }

  it("always writes valid YAML that reads back the new pair and every old value, with the input's bytes kept around it", () => {
    let checked = 0;
    for (const text of flowMappings(400)) {
      const before = parseDocument(text);
      if (before.errors.length > 0) continue;
      const { text: out } = setYamlPath(text, "image.added", "v2", { create: true });
      const after = parseDocument(out);
      expect(after.errors, out).toEqual([]);
      const data = after.toJS() as { image: Record<string, unknown> };
      expect(data.image.added, out).toBe("v2");
      delete data.image.added;
      expect(data, out).toEqual(before.toJS());
      // One insertion: the output minus a middle run is the input.
      let prefix = 0;
      while (text[prefix] === out[prefix]) prefix++;
      expect(out.slice(0, prefix) + out.slice(prefix + out.length - text.length), out).toBe(text);
      checked++;
    }
    expect(checked).toBeGreaterThan(200);
  });

  it("adds kustomize's digest beside a tag it sets, in any such layout, so that both read back", () => {
    const layouts = ["newTag: 1.0.0", "newTag:", "newTag:  # c", "newTag: '1.0.0' # c, }"];
    const ends = ["", ",", " ", ", # c", " # c,", ",\n  # c }", "\n  # c,"];
    for (const tag of layouts) {
      for (const end of ends) {
        const text = kustomization(`- {name: ghcr.io/acme/app, ${tag}${end}\n  }\n`);
        const { text: out } = editYaml(text, withImages(`ghcr.io/acme/app:2.0.0@${DIGEST_B}`));
        const after = parseDocument(out);
        expect(after.errors, out).toEqual([]);
        expect(after.toJS(), out).toEqual({ kind: "Kustomization", images: [{ name: "ghcr.io/acme/app", newTag: "2.0.0", digest: DIGEST_B }] });
      }
    }
  });
});
