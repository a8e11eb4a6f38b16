/** Paths into YAML documents, and `--set values.yaml:image.tag=1.2.3`: set one scalar by path, or say which keys exist. */
import { describe, expect, it } from "vitest";
import { SourceError } from "../../src/change.js";
import { byFlag, type FieldNamer } from "../../src/field-name.js";
import { formatPath, parsePath, parseYamlSpec, samePath, setFromSpec, setYamlPath } from "../../src/yaml/path.js";
import { actionFieldName, cliFieldName } from "../support/faces.js";

describe("parsePath", () => {
  it.each<[string, (string | number)[]]>([
    ["image.tag", ["image", "tag"]],
    ["spec.containers[0].image", ["spec", "containers", 0, "image"]],
    ["spec.containers.0.image", ["spec", "containers", "0", "image"]],
    ['a["dot.key"].b', ["a", "dot.key", "b"]],
    ["a['it''s'][2]", ["a", "it's", 2]],
  ])("reads %s", (text, segments) => {
    expect(parsePath(text)).toEqual(segments);
  });

  it.each([
    ["", "empty path at character 1"],
    ["a..b", "empty key at character 3"],
    ["a.", "empty key at character 3"],
    ["a[x]", "'[x]' is neither a list index nor a quoted key at character 2"],
    ['a["b"', "unclosed '[' at character 2"],
    ['a["b"]c', "expected '.' or '[' at character 7"],
    // yq's spelling
    [".image.tag", "empty key at character 1; drop the leading dot (paths are image.tag, not yq's .image.tag)"],
    // updatecli's (JSONPath's), which a key named "$" would otherwise read
    ["$.image.tag", "a JSONPath root '$' at character 1; drop the leading $. (paths are image.tag, not updatecli's $.image.tag)"],
    ['$["dot.key"].b', `a JSONPath root '$' at character 1; drop the leading $ (paths are ["dot.key"].b, not updatecli's $["dot.key"].b)`],
    [
      "images[name=ghcr.io/acme/app].newTag",
      "a yq selector at character 7; list items are selected by index (images[0]), or give --image REPOSITORY:TAG, which finds the image's fields by its name",
    ],
  ])("refuses %j", (text, why) => {
    expect(() => parsePath(text)).toThrow(`invalid path ${JSON.stringify(text)}: ${why}`);
  });

  it.each([
    ["images[name=ghcr.io/acme/app].newTag=1.3.0", "images[0]", "ghcr.io/acme/app:1.3.0"],
    ['images[name == "ghcr.io/acme/app"].newTag="1.3.0"', "images[0]", "ghcr.io/acme/app:1.3.0"],
    ['.images[] | select(.name == "ghcr.io/acme/app").newTag=1.3.0', "images[0]", "ghcr.io/acme/app:1.3.0"],
    ['(.images[] | select(.name == "ghcr.io/acme/app")).newTag = "1.3.0"', "images[0]", "ghcr.io/acme/app:1.3.0"],
    ["spec.containers[name=app].image=ghcr.io/acme/app:1.3.0", "spec.containers[0]", "ghcr.io/acme/app:1.3.0"],
    ['$.images[?(@.name == "ghcr.io/acme/app")].newTag=1.3.0', "images[0]", "ghcr.io/acme/app:1.3.0"],
    // What --image would not set is left to the index.
    ["images[name=ghcr.io/acme/app].newName=ghcr.io/acme/web", "images[0]", "REPOSITORY:TAG"],
  ])("names yq's list selector in %j, with the index or the --image to give instead", (spec, index, image) => {
    expect(() => parseYamlSpec(spec)).toThrow(`list items are selected by index (${index}), or give --image ${image}, which finds`);
  });

  it("gives that image as the request's face takes it: the Action's images input, the CLI's flag", () => {
    const spec = "images[name=ghcr.io/acme/app].newTag=1.3.0";
    const action: FieldNamer = (field, _index, giving) => (giving ? `${field}s:` : `input ${field}s`);
    expect(() => parseYamlSpec(spec, action)).toThrow("or give images: ghcr.io/acme/app:1.3.0, which finds the image's fields by its name");
    expect(() => parseYamlSpec(spec, byFlag)).toThrow("or give --image ghcr.io/acme/app:1.3.0, which finds the image's fields by its name");
  });

  it("gives an entry the file's kustomize images: renames by its newName: --image by its name would move nothing there", () => {
    const renamed = (name: string) => (name === "app" ? "ghcr.io/acme/app" : undefined);
    expect(() => parseYamlSpec("images[name=app].newTag=1.2.4", byFlag, renamed)).toThrow("or give --image ghcr.io/acme/app:1.2.4, which finds");
    expect(() => parseYamlSpec("images[name=web].newTag=1.2.4", byFlag, renamed)).toThrow("or give --image web:1.2.4, which finds");
  });
});

describe("samePath", () => {
  it("is the same path segment by segment, not one below the other", () => {
    expect(samePath(["spec", "values", 0], ["spec", "values", 0])).toBe(true);
    expect(samePath(["spec", "values"], ["spec", "values", 0])).toBe(false);
    expect(samePath(["spec", "values", 0], ["spec", "values"])).toBe(false);
    // An index is no key: 0 and "0" are other segments.
    expect(samePath(["spec", 0], ["spec", "0"])).toBe(false);
  });
});

describe("formatPath", () => {
  it("writes bare keys with dots, indexes in brackets, other keys quoted", () => {
    expect(formatPath(["spec", "containers", 0, "image"])).toBe("spec.containers[0].image");
    expect(formatPath(["metadata", "labels", "app.kubernetes.io/name"])).toBe('metadata.labels["app.kubernetes.io/name"]');
  });

  it("round-trips through parsePath", () => {
    const path = ["a", "b.c", 3, "it's", "d"];
    expect(parsePath(formatPath(path))).toEqual(path);
  });
});

const values = `image:
  repository: ghcr.io/acme/app
  tag: "1.0.0" # the app
containers:
  - name: app
    image: ghcr.io/acme/app:1.0.0
labels:
  app.kubernetes.io/version: 1.0.0
`;

/** The SourceError `setYamlPath` throws, for its message and position. */
function failure(text: string, path: string): SourceError {
  try {
    setYamlPath(text, path, "x");
  } catch (error) {
    if (error instanceof SourceError) return error;
    throw error;
  }
  throw new Error("expected a SourceError");
}

describe("setYamlPath", () => {
  it("sets a nested scalar by splice, keeping quotes and comment, as an override", () => {
    const { text, changes } = setYamlPath(values, "image.tag", "1.2.3");
    expect(text).toBe(values.replace('"1.0.0" # the app', '"1.2.3" # the app'));
    expect(changes).toEqual([{ line: 3, kind: "override", key: "image.tag", old: "1.0.0", new: "1.2.3", object: {} }]);
  });

  it.each(["containers[0].image", "containers.0.image"])("indexes lists with %s", (path) => {
    expect(setYamlPath(values, path, "ghcr.io/acme/app:2.0.0").text).toBe(values.replace("app:1.0.0", "app:2.0.0"));
  });

  it("reaches keys with dots through brackets", () => {
    const { text } = setYamlPath(values, 'labels["app.kubernetes.io/version"]', "1.10");
    expect(text).toBe(values.replace("version: 1.0.0", 'version: "1.10"'));
  });

  it("edits the first document that has the path", () => {
    const text = "kind: ConfigMap\n---\nimage: {tag: a}\n---\nimage: {tag: b}\n";
    expect(setYamlPath(text, "image.tag", "c").text).toBe("kind: ConfigMap\n---\nimage: {tag: c}\n---\nimage: {tag: b}\n");
  });

  it("returns the text unchanged when the value is already set", () => {
    expect(setYamlPath(values, "image.tag", "1.0.0")).toEqual({ text: values, changes: [], warnings: [] });
  });

  it("quotes and escapes values that need it", () => {
    expect(setYamlPath("a: [x, y]\n", "a[0]", "p, q").text).toBe('a: ["p, q", y]\n');
    expect(setYamlPath("a: 'x'\n", "a", "it's").text).toBe("a: 'it''s'\n");
    expect(setYamlPath('a: "x"\n', "a", 'say "hi"\\n').text).toBe('a: "say \\"hi\\"\\\\n"\n');
    expect(setYamlPath("a: x\n", "a", "key: value").text).toBe('a: "key: value"\n');
  });

  it("typed: a plain number, boolean or null field stays one when the value is one too", () => {
    const typed = { typed: true };
    expect(setYamlPath("replicas: 2 # scale\n", "replicas", "3", typed).text).toBe("replicas: 3 # scale\n");
    expect(setYamlPath("a: [true, 1]\n", "a[0]", "false", typed).text).toBe("a: [false, 1]\n");
    expect(setYamlPath("tag: v1\n", "tag", "1.10", typed).text).toBe('tag: "1.10"\n');
    expect(setYamlPath('replicas: "2"\n', "replicas", "3", typed).text).toBe('replicas: "3"\n');
    expect(setYamlPath("replicas: 2\n", "replicas", "three", typed).text).toBe("replicas: three\n");
    expect(setYamlPath("replicas: 2\n", "replicas", "3").text).toBe('replicas: "3"\n');
  });

  it("typed: an empty field is a null as ~ is, in YAML 1.1 and 1.2 alike: a number, boolean or null given unquoted is written as one over either", () => {
    const typed = { typed: true };
    for (const held of ["~", "null", ""]) {
      const text = `a:\n  mode:${held && ` ${held}`}\n  flow: {mode:${held && ` ${held}`}}\n`;
      expect([setYamlPath(text, "a.mode", "3", typed).text, setYamlPath(text, "a.flow.mode", "false", typed).text]).toEqual([
        `a:\n  mode: 3\n  flow: {mode:${held && ` ${held}`}}\n`,
        `a:\n  mode:${held && ` ${held}`}\n  flow: {mode: false}\n`,
      ]);
      // What a number written so reads as is said over either, naming the null the field held.
      expect(setYamlPath(text, "a.mode", "0755", typed).warnings).toEqual([
        {
          line: 2,
          message: 'a.mode: 0755 is written as a number, as the field held a null, which YAML reads as 493; to set the text 0755, give it quoted ("0755")',
        },
      ]);
      // Given quoted, or a word, it is a string, filling the null with nothing to say.
      expect(setYamlPath(text, "a.mode", "3", { typed: false })).toMatchObject({ text: text.replace(/ {2}mode:.*\n/, '  mode: "3"\n'), warnings: [] });
      expect(setYamlPath(text, "a.mode", "three", typed).text).toBe(text.replace(/ {2}mode:.*\n/, "  mode: three\n"));
    }
  });

  it("says so whenever a plain number, boolean or null becomes a string, typed or not", () => {
    expect(setYamlPath("replicas: 2\n", "replicas", "3").warnings).toEqual([
      { line: 1, message: 'replicas: 2 (not a string in YAML) becomes the string "3"; to keep its type, pass typed: true' },
    ]);
    expect(setYamlPath("replicas: 2\n", "replicas", "3", { typed: false }).warnings).toEqual([
      { line: 1, message: 'replicas: 2 (not a string in YAML) becomes the string "3"; to keep its type, give the value unquoted' },
    ]);
    expect(setYamlPath("replicas: 2\n", "replicas", "3", { typed: true }).warnings).toEqual([]);
    expect(setYamlPath("tag: v1\n", "tag", "v2").warnings).toEqual([]);
  });

  it.each([
    ["tag: ~\n", "tag", "tag: 1.2.3\n"],
    ["tag: null\n", "tag", "tag: 1.2.3\n"],
    ["tag: Null\n", "tag", "tag: 1.2.3\n"],
    ["tag: NULL\n", "tag", "tag: 1.2.3\n"],
    ["tag:\n", "tag", "tag: 1.2.3\n"],
    ["image: {tag: ~}\n", "image.tag", "image: {tag: 1.2.3}\n"],
  ])("fills the null of %j with a string, which changes no type: nothing to say", (text, path, filled) => {
    expect(setYamlPath(text, path, "1.2.3", { typed: false })).toMatchObject({ text: filled, warnings: [] });
  });

  it("names the deepest existing key and the keys found there when the path is missing, and how to add it, as a KCL spec does", () => {
    const error = failure(values, "image.tga");
    expect(error.message).toBe(
      "image.tga: image has 'repository', 'tag', not 'tga' (to add image.tga, use --create, or create: true in the Action or the library)",
    );
    expect([error.line, error.column]).toEqual([2, 3]);
  });

  it("says how to add it as the request's face takes create: the CLI's flag, the Action's input", () => {
    const hint = (fieldName: FieldNamer) => {
      try {
        setYamlPath(values, "image.tga", "x", { fieldName });
      } catch (error) {
        if (error instanceof SourceError) return /\(to add .*\)$/.exec(error.message)?.[0];
        throw error;
      }
      throw new Error("expected a SourceError");
    };
    expect([hint(cliFieldName), hint(actionFieldName)]).toEqual(["(to add image.tga, use --create)", "(to add image.tga, use create: true)"]);
  });

  it("names ten keys of a big mapping and counts the rest", () => {
    const big = Array.from({ length: 12 }, (_, i) => `k${i}: v\n`).join("");
    expect(failure(big, "missing").message).toMatch(/^missing: the document has 'k0', 'k1', .*'k9' and 2 more, not 'missing'/);
  });

  it("gives an error's column on the first line as an editor shows it, a leading byte order mark no column", () => {
    for (const text of ["a: 1\n", "\uFEFFa: 1\n"]) expect([failure(text, "a.b").line, failure(text, "a.b").column]).toEqual([1, 4]);
  });

  it("gives an error's line and column by one rule, a lone CR ending a line for both", () => {
    const error = failure('m: {a: "x\ry", b: [1]}\n', "m.b");
    expect(error.message).toBe("m.b: the value is a list, not a scalar that can be set");
    // Line 2 is `y", b: [1]}`: the list opens in its column 8.
    expect([error.line, error.column]).toEqual([2, 8]);
  });

  it.each([
    [
      "imgae.tag",
      "imgae.tag: the document has 'image', 'containers', 'labels', not 'imgae' (to add imgae.tag, use --create, or create: true in the Action or the library)",
    ],
    // Only a missing mapping key can be added: a list item, or a key under a scalar, cannot.
    ["containers[3].image", "containers[3].image: containers has 1 items, not [3]"],
    ["containers.name", "containers.name: containers is a list, not a mapping: it has no 'name'"],
    ["image.tag.major", "image.tag.major: image.tag is a scalar, it has no 'major'"],
    ["image", "image: the value is a mapping, not a scalar that can be set"],
  ])("explains %s", (path, message) => {
    expect(failure(values, path).message).toBe(message);
  });

  it.each([
    [
      "image:\n",
      "image.tag",
      "image.tag: image is empty (null), it has no 'tag' (to add image.tag, use --create, or create: true in the Action or the library)",
    ],
    ["image: ~\n", "image.tag", "image.tag: image is null (~), it has no 'tag' (to add image.tag, use --create, or create: true in the Action or the library)"],
    ["image: NULL\n", "image.tag", "image.tag: image is null, it has no 'tag' (to add image.tag, use --create, or create: true in the Action or the library)"],
    // A key with no ':' has no value of its own to set or fill.
    ["a: {image}\n", "a.image", "a.image: a.image is a key with no ':' and no value to set"],
  ])("says that %j holds a null, not a scalar, and that create fills it where it can", (text, path, message) => {
    expect(failure(text, path).message).toBe(message);
  });

  it("refuses to edit a block scalar", () => {
    expect(failure("script: |\n  echo hi\n", "script").message).toBe(
      "script: the value is a block scalar (| or >), which is never edited, not a scalar that can be set",
    );
  });

  it("with create, adds the missing keys under the deepest existing mapping, block or flow", () => {
    const block = setYamlPath(values, "image.pullPolicy", "Always", { create: true });
    expect(block.text).toBe(values.replace('  tag: "1.0.0" # the app\n', '  tag: "1.0.0" # the app\n  pullPolicy: Always\n'));
    expect(block.changes).toEqual([{ line: 4, kind: "override", key: "image.pullPolicy", old: "", new: "Always", op: "create", object: {} }]);
    const nested = setYamlPath("a:\n  b: 1\nz: 2\n", "a.c.d", "1.10", { create: true });
    expect(nested.text).toBe('a:\n  b: 1\n  c:\n    d: "1.10"\nz: 2\n');
    expect(nested.changes.map((c) => c.line)).toEqual([4]);
    expect(setYamlPath("a: {b: 1}\n", 'a.c["k: v"]', "v", { create: true }).text).toBe('a: {b: 1, c: {"k: v": v}}\n');
  });

  it("with create, indents the keys it adds by the columns of the file's first line, a leading byte order mark none of them", () => {
    const create = (text: string, path: string) => setYamlPath(text, path, "v", { create: true }).text;
    expect(create("\uFEFFa: 1\n", "b")).toBe("\uFEFFa: 1\nb: v\n");
    expect(create("\uFEFF  a: 1\n  b: 2\n", "c")).toBe("\uFEFF  a: 1\n  b: 2\n  c: v\n");
    expect(create("\uFEFFimage:\n", "image.tag")).toBe("\uFEFFimage:\n  tag: v\n");
  });

  it("with create, refuses to add to a mapping with a complex key rather than write a line that would join the key", () => {
    expect(() => setYamlPath("a:\n ?  b: 1\n  c: x\n", "a.n", "v", { create: true })).toThrow("cannot add 'n' to a mapping with a complex ('? ...') key");
  });

  it("sets the first document that has the path, and says which others have it too", () => {
    const text = "kind: A\nmetadata: {name: a}\n---\nkind: B\n---\nkind: C\nmetadata: {name: c}\n";
    const { text: out, warnings } = setYamlPath(text, "metadata.name", "z");
    expect(out).toBe(text.replace("name: a", "name: z"));
    expect(warnings).toEqual([{ line: 2, message: "metadata.name is also in document 3 of this file; only document 1's is set" }]);
  });

  it("sets what a function computes from the field's text, and nothing when it returns undefined", () => {
    const bump = (current: string | undefined) => (current === "1.0.0" ? "1.1.0" : undefined);
    expect(setYamlPath(values, "image.tag", bump).text).toBe(values.replace('"1.0.0" # the app', '"1.1.0" # the app'));
    expect(setYamlPath(values, "image.repository", bump)).toEqual({ text: values, changes: [], warnings: [] });
    expect(setYamlPath("a: {}\n", "a.b", (current) => `was ${current}`, { create: true }).text).toBe("a: {b: was undefined}\n");
  });

  describe("a path through an alias or a merge key, which the editors never follow: where the value is written", () => {
    const anchored = `x-defaults: &img
  repository: ghcr.io/acme/billing
  tag: 0.8.0
global:
  image: *img
cron:
  image:
    <<: *img
version: &v 1.0.0
chart:
  version: *v
x-job: &job
  image:
    repository: ghcr.io/acme/billing
    tag: 0.8.0
jobs:
  <<: *job
`;

    it("names the anchored field to set, which every alias follows, for an alias on the path or at its end", () => {
      expect(failure(anchored, "global.image.tag")).toMatchObject({
        line: 5,
        message:
          "global.image.tag: global.image is an alias (*img), it has no 'tag' of its own: set x-defaults.tag (line 3), which every alias of &img follows",
      });
      expect(failure(anchored, "chart.version").message).toBe(
        "chart.version: the value is an alias (*v), not a scalar that can be set: set version (line 9), which every alias of &v follows",
      );
      expect(failure(anchored, "global.image").message).toBe(
        "global.image: the value is an alias (*img) of x-defaults (&img, line 1), not a scalar that can be set",
      );
      // Where the anchored value lacks the rest of the path too, that is said there.
      expect(failure(anchored, "global.image.tga").message).toBe(
        "global.image.tga: global.image is an alias (*img) of x-defaults (&img, line 1), where x-defaults has 'repository', 'tag', not 'tga'",
      );
    });

    it("names the field a merge key brings, and what --create would add instead: a key beside '<<' that only this mapping gets", () => {
      expect(failure(anchored, "cron.image.tag")).toMatchObject({
        line: 8,
        message:
          "cron.image.tag: cron.image has '<<', not 'tag': its tag is merged (<<) from x-defaults.tag (line 3), which every mapping merging it shares " +
          "(to add 'tag' beside '<<', which only cron.image gets, use --create, or create: true in the Action or the library)",
      });
      expect(setYamlPath(anchored, "cron.image.tag", "0.9.0", { create: true }).text).toBe(
        anchored.replace("    <<: *img\n", "    <<: *img\n    tag: 0.9.0\n"),
      );
      // A merge is shallow: a mapping created beside '<<' replaces the merged one whole.
      expect(failure(anchored, "jobs.image.tag").message).toBe(
        "jobs.image.tag: jobs has '<<', not 'image': its image is merged (<<) from x-job.image, whose tag is x-job.image.tag (line 15), which every mapping merging it shares " +
          "(to add 'image' beside '<<' holding only tag, which replaces the merged image whole for jobs alone, use --create, or create: true in the Action or the library)",
      );
    });
  });

  it("with create, still refuses what it cannot create: a list item, a key under a scalar", () => {
    expect(() => setYamlPath(values, "containers[3].image", "x", { create: true })).toThrow("containers has 1 items, not [3]");
    expect(() => setYamlPath(values, "image.tag.major", "x", { create: true })).toThrow("image.tag is a scalar");
  });

  describe("with create, refuses a field its reader refuses in the shape create gives it", () => {
    const failure = (text: string, path: string, file?: string) => {
      try {
        setYamlPath(text, path, "1.3.0", { create: true, file });
      } catch (error) {
        return error as SourceError;
      }
      throw new Error(`${path} was created`);
    };

    it("a kustomization's images as a mapping, which kustomize refuses to read: said where, and how the entry is added", () => {
      const error = failure("resources: [../base]\n", "images.newTag", "apps/production/kustomization.yaml");
      expect([error.line, error.message]).toEqual([
        1,
        "images.newTag: the document has 'resources', not 'images'; kustomize reads images in a kustomization as a list and refuses the file " +
          "with it written as a mapping (images: {newTag: …}), so it is not created; add the entry with kustomize edit set image NAME=NEW_NAME:TAG " +
          "in the kustomization's directory, or by hand (images: [{name: IMAGE, newTag: TAG}]); then --image NEW_NAME:TAG moves it, as does the path images[0].newTag",
      ]);
      // A key that holds nothing yet (`images:`) is filled as a mapping too: refused alike, the file's name telling the kustomization.
      expect(failure("images:\n", "images.newTag", "kustomization.yml").message).toContain("kustomize reads images in a kustomization as a list");
      // Elsewhere create goes on as before.
      expect(setYamlPath("images:\n", "images.newTag", "1.3.0", { create: true, file: "values.yaml" }).text).toBe("images:\n  newTag: 1.3.0\n");
    });

    it("a list item by index, which create never adds, with what to write instead", () => {
      expect(failure("resources: [../base]\n", "images[0].newTag", "kustomization.yaml").message).toMatch(
        /^images\[0\]\.newTag: the document has 'resources', not 'images'; --create adds no list item: add the entry with kustomize edit set image/,
      );
      expect(failure("images: []\n", "images[0].newTag", "kustomization.yaml").message).toMatch(
        /^images\[0\]\.newTag: images has 0 items, not \[0\]; --create adds no list item/,
      );
    });

    it("a Kubernetes object's container list as a mapping, which the API server refuses", () => {
      const deployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: app}\nspec:\n  template:\n    spec:\n      serviceAccountName: app\n";
      const error = failure(deployment, "spec.template.spec.containers.image", "deploy.yaml");
      expect([error.line, error.message]).toEqual([
        7,
        expect.stringMatching(/spec\.template\.spec has 'serviceAccountName', not 'containers'; spec\.template\.spec\.containers is a list of containers/),
      ]);
    });
  });
});

describe("setFromSpec", () => {
  it("sets PATH=VALUE, an unquoted value typed as it reads, a quoted one always a string", () => {
    expect(setFromSpec("replicas: 2\n", "replicas = 3", false).text).toBe("replicas: 3\n");
    expect(setFromSpec("replicas: 2\n", 'replicas="3"', false).text).toBe('replicas: "3"\n');
    expect(setFromSpec("tag: v1\n", "tag='1.2.3'", false).text).toBe("tag: 1.2.3\n");
  });

  it("says when a number, boolean or null field becomes a string, which its change, read, would not show", () => {
    expect(setFromSpec("replicas: 2\n", 'replicas="3"', false).warnings).toEqual([
      { line: 1, message: 'replicas: 2 (not a string in YAML) becomes the string "3"; to keep its type, give the value unquoted' },
    ]);
    expect(setFromSpec("replicas: 2\n", "replicas=three", false).warnings).toEqual([
      { line: 1, message: 'replicas: 2 (not a string in YAML) becomes the string "three"' },
    ]);
    expect(setFromSpec("replicas: 2\n", "replicas=3", false).warnings).toEqual([]);
    expect(setFromSpec('tag: "1.2"\n', "tag=1.3", false).warnings).toEqual([]);
  });

  it("writes a quoted value as the string asked for over a field whose same text reads as another type, and reports it as written", () => {
    const values = "svc:\n  replicas: yes\n  count: 3\n  tag: ~\n  mode:\n";
    const set = (spec: string) => {
      const { text, changes, warnings } = setFromSpec(values, spec, false);
      return { line: text.split("\n").find((l, i) => l !== values.split("\n")[i]), changes: changes.map((c) => `${c.old} -> ${c.new}`), warnings };
    };
    // Helm reads yes as true: the quotes ask for the string, said as any number or boolean turned string is.
    expect(set("svc.replicas='yes'")).toEqual({
      line: '  replicas: "yes"',
      changes: ['yes -> "yes"'],
      warnings: [{ line: 2, message: 'svc.replicas: yes (not a string in YAML) becomes the string "yes"; to keep its type, give the value unquoted' }],
    });
    expect(set('svc.count="3"')).toMatchObject({ line: '  count: "3"', changes: ['3 -> "3"'] });
    // A null filled with a string is no change of type to warn of, as with any other text.
    expect(set("svc.tag='~'")).toEqual({ line: '  tag: "~"', changes: ['~ -> "~"'], warnings: [] });
    expect(set("svc.mode=''")).toEqual({ line: '  mode: ""', changes: [' -> ""'], warnings: [] });
    // Unquoted, the value is the field's own: nothing to do.
    expect(setFromSpec(values, "svc.replicas=yes", false).changes).toEqual([]);
    expect(setFromSpec(values, "svc.count=3", false).changes).toEqual([]);
  });

  it("reports a quoted value added with create as written where, read, it would be another type or nothing at all", () => {
    const values = "base: &b\n  repository: ghcr.io/acme/app\nother:\n  <<: *b\n";
    const added = (spec: string) => setFromSpec(values, spec, true).changes.map((c) => `${c.key}: ${c.old} -> ${c.new}`);
    expect(added("other.tag=''")).toEqual(['other.tag:  -> ""']);
    expect(added("other.tag='3'")).toEqual(['other.tag:  -> "3"']);
    expect(added("other.tag='x'")).toEqual(["other.tag:  -> x"]);
  });

  it("keeps a number field a number, and says where the number written does not read back as the text given: 0x10 is 16", () => {
    const { text, warnings } = setFromSpec("version: 1.4\n", "version=1.20", false);
    expect(text).toBe("version: 1.20\n");
    expect(warnings).toEqual([
      {
        line: 1,
        message: 'version: 1.20 is written as a number, as the field held one, which YAML reads as 1.2; to set the text 1.20, give it quoted ("1.20")',
      },
    ]);
    expect(setFromSpec("port: 80\n", "port=0x10", false).warnings[0]?.message).toMatch(/^port: 0x10 is written as a number, .* YAML reads as 16;/);
    expect(setFromSpec("mode: 644\n", "mode=0755", false).warnings[0]?.message).toMatch(/YAML reads as 493;/);
    // A number that reads back as written, a string field: nothing to say.
    expect(setFromSpec("version: 1.4\n", "version=1.21", false).warnings).toEqual([]);
    expect(setFromSpec("tag: v1\n", "tag=1.10", false)).toMatchObject({ text: 'tag: "1.10"\n', warnings: [] });
  });

  it("keeps a boolean field a boolean, and says where the word written is a boolean to YAML 1.1 only: Helm reads yes as true, the yaml npm package as a string", () => {
    const { text, warnings } = setFromSpec("ingress:\n  enabled: true\n", "ingress.enabled=yes", false);
    expect(text).toBe("ingress:\n  enabled: yes\n");
    expect(warnings).toEqual([
      {
        line: 2,
        message:
          "ingress.enabled: yes is written as a boolean, as the field held one, which Helm and kubectl (YAML 1.1) read as true but YAML 1.2 readers " +
          '(the yaml npm package, go-yaml v3) as the string "yes"; write true for the boolean, or give it quoted ("yes") for the text',
      },
    ]);
    // Over a number or a null, the message names what the field held; a quoted value is the string, whose warning gives no advice to unquote it.
    expect(setFromSpec("replicas: 3\n", "replicas=off", false).warnings[0]?.message).toMatch(
      /^replicas: off is written as a boolean, as the field held a number, .* read as false /,
    );
    expect(setFromSpec("mode: ~\n", "mode=1.20", false).warnings[0]?.message).toMatch(
      /^mode: 1.20 is written as a number, as the field held a null, which YAML reads as 1.2;/,
    );
    expect(setFromSpec("enabled: true\n", 'enabled="yes"', false).warnings).toEqual([
      { line: 1, message: 'enabled: true (not a string in YAML) becomes the string "yes"' },
    ]);
    // true and false read alike in YAML 1.1 and 1.2; a field holding yes or on is read as YAML 1.1 already.
    expect(setFromSpec("enabled: yes\n", "enabled=false", false)).toMatchObject({ text: "enabled: false\n", warnings: [] });
    expect(setFromSpec("enabled: on\n", "enabled=off", false)).toMatchObject({ text: "enabled: off\n", warnings: [] });
    expect(setFromSpec("replicas: 3\n", "replicas=~", false)).toMatchObject({ text: "replicas: ~\n", warnings: [] });
  });

  it("writes a value a YAML 1.1 or 1.2 reader takes for a boolean or null as a string where the field held a string, and in a tag", () => {
    for (const word of ["yes", "on", "n", "true", "~", "null"]) {
      expect(setFromSpec("mode: fast\n", `mode=${word}`, false)).toMatchObject({ text: `mode: "${word}"\n`, warnings: [] });
      expect(setFromSpec("image:\n  tag: v1\n", `image.tag=${word}`, false)).toMatchObject({ text: `image:\n  tag: "${word}"\n`, warnings: [] });
    }
    expect(setFromSpec("mode: 'fast'\n", "mode=off", false).text).toBe("mode: 'off'\n");
    expect(setFromSpec("images:\n  - name: app\n    newTag: v1\n", "images[0].newTag=no", false).text).toBe('images:\n  - name: app\n    newTag: "no"\n');
    expect(setFromSpec("tag: true\n", "tag=yes", false)).toMatchObject({
      text: 'tag: "yes"\n',
      warnings: [{ message: 'tag: true (not a string in YAML) becomes the string "yes" (a tag is a string to Helm and kustomize)' }],
    });
  });

  it("writes a tag as a string, also over a number or a null: Helm reads a float 5.10 as 5.1, and kustomize refuses a number in newTag", () => {
    const values = "image:\n  repository: ghcr.io/acme/payments\n  tag: 5.4\n";
    expect(setFromSpec(values, "image.tag=5.10", false)).toEqual({
      text: values.replace("5.4", '"5.10"'),
      changes: [expect.objectContaining({ old: "5.4", new: "5.10" })],
      warnings: [{ line: 3, message: 'image.tag: 5.4 (not a string in YAML) becomes the string "5.10" (a tag is a string to Helm and kustomize)' }],
    });
    expect(setFromSpec("images:\n  - name: app\n    newTag: 1.2\n", "images[0].newTag=1.10", false).text).toBe('images:\n  - name: app\n    newTag: "1.10"\n');
    // `~` and an empty value are both null: either way the tag written is the text given.
    expect(setFromSpec("tag: ~\n", "tag=1.10", false)).toMatchObject({ text: 'tag: "1.10"\n', warnings: [] });
    expect(setFromSpec("tag:\n", "tag=1.10", false).text).toBe('tag: "1.10"\n');
  });

  it("refuses a value a field's core-schema tag cannot hold, at its line, and sets one given unquoted that reads as its type", () => {
    const text = "image:\n  repository: ghcr.io/acme/app\n  tag: !!float 1.0\n";
    expect(() => setFromSpec(text, "image.tag=2.0.0", false)).toThrow(
      expect.objectContaining({ line: 3, column: 16, message: 'image.tag: the value has the tag !!float, which cannot hold "2.0.0": drop the tag to set it' }),
    );
    expect(() => setFromSpec(text, 'image.tag="1.10"', false)).toThrow(
      'image.tag: the value has the tag !!float, which cannot hold the string "1.10": give the value unquoted to set a !!float, or drop the tag',
    );
    expect(() => setYamlPath(text, "image.tag", "1.10")).toThrow('cannot hold the string "1.10": pass typed: true to set a !!float, or drop the tag');
    expect(() => setYamlPath(text, "image.tag", () => "1.10", { configured: true })).toThrow('cannot hold "1.10": drop the tag to set it');
    expect(setFromSpec(text, "image.tag=1.10", false).text).toBe(text.replace("1.0", "1.10"));
    // Given unquoted, a value is written as it reads, quoted or not before.
    expect(setFromSpec('replicas: !!int "3"\n', "replicas=4", false).text).toBe("replicas: !!int 4\n");
    expect(setFromSpec("x: !!null\n", "x=~", false).text).toBe("x: !!null ~\n");
    expect(() => setFromSpec("x: !!bool true\n", "x=yes", false)).toThrow('x: the value has the tag !!bool, which cannot hold "yes"');
    expect(setFromSpec("x: !!str 1.0\n", "x=2.0.0", false).text).toBe("x: !!str 2.0.0\n");
  });

  it("creates a missing key only when asked", () => {
    expect(setFromSpec("image: {}\n", "image.tag=1.2.3", true).text).toBe("image: {tag: 1.2.3}\n");
    expect(() => setFromSpec("image: {}\n", "image.tag=1.2.3", false)).toThrow(SourceError);
  });

  it("reads a spec without its file: the path as written, its segments, the value as given", () => {
    expect(parseYamlSpec(' list[0].image = "nginx:1" ')).toEqual({ path: "list[0].image", segments: ["list", 0, "image"], value: '"nginx:1"' });
    expect(() => parseYamlSpec(".image.tag=43")).toThrow(SourceError);
  });

  it("ends the path at the first '=' outside a quoted key", () => {
    expect(parseYamlSpec('labels["a=b"].c=x=y')).toEqual({ path: 'labels["a=b"].c', segments: ["labels", "a=b", "c"], value: "x=y" });
    expect(parseYamlSpec("data.query=select(.a)[b=c]").value).toBe("select(.a)[b=c]");
  });

  it("reads a selector after a stray ')' whole, and ends the path at the first '=' beside a quote left open", () => {
    // A ")" that closes nothing opens nothing either: the "=" inside the brackets after it is the selector's.
    expect(() => parseYamlSpec("images)[name=app].newTag=1")).toThrow('invalid path "images)[name=app].newTag": a yq selector at character 8');
    // Past a quote that nothing closes no bracket can be told from the key's text: not read on as a selector ("--image 'app:1").
    expect(() => parseYamlSpec("images[name='app].newTag=1")).toThrow(`invalid path "images[name": unclosed '[' at character 7`);
  });

  describe("a tag beside a digest, as Helm values pin an image", () => {
    const digest = `sha256:${"1".repeat(64)}`;
    const pinned = `image:\n  registry: ghcr.io\n  repository: acme/web\n  tag: "1.4.0"\n  digest: "${digest}"\n`;
    const nothingElse = () => false;

    it("says at the tag that the digest beside it still pins the earlier build, which is what then runs", () => {
      const { text, warnings } = setFromSpec(pinned, "image.tag=1.5.0", false, nothingElse);
      expect(text).toBe(pinned.replace('"1.4.0"', '"1.5.0"'));
      expect(warnings).toEqual([
        {
          line: 4,
          message:
            "image.tag: --set wrote 1.5.0, but the digest beside it (image.digest, line 5) still pins the earlier build sha256:111111111111, so that build runs; " +
            "set image.digest too, or give the image with --image ghcr.io/acme/web:1.5.0@sha256:<digest>",
        },
      ]);
    });

    it("names the image to give as setHelmImage reads the registry: a null one is none, and beside one it cannot read no --image moves the pair", () => {
      const advice = (registry: string) =>
        setFromSpec(pinned.replace("ghcr.io", registry), "image.tag=1.5.0", false, nothingElse).warnings.map((w) =>
          w.message.slice(w.message.indexOf("; ") + 2),
        );
      expect([" ~", "[ghcr.io]", "'{{ .Values.registry }}'"].map(advice)).toEqual([
        ["set image.digest too, or give the image with --image acme/web:1.5.0@sha256:<digest>"],
        ["set image.digest too"],
        ["set image.digest too"],
      ]);
    });

    it("says so for a configured override's tag too, which can set only its one field", () => {
      const { warnings } = setYamlPath(pinned, "image.tag", () => "1.5.0", { setsToo: nothingElse, configured: true });
      expect(warnings).toEqual([
        { line: 4, message: expect.stringMatching(/^image\.tag: its configured override wrote 1\.5\.0, but the digest beside it \(image\.digest, line 5\)/) },
      ]);
    });

    it("says nothing when the run sets the digest too, the digest is empty, the tag stays, or no repository makes the fields an image", () => {
      expect(setFromSpec(pinned, "image.tag=1.5.0", false, (path) => path === "image.digest").warnings).toEqual([]);
      expect(setFromSpec(pinned.replace(digest, ""), "image.tag=1.5.0", false, nothingElse).warnings).toEqual([]);
      expect(setFromSpec(pinned, "image.tag=1.4.0", false, nothingElse).warnings).toEqual([]);
      expect(setFromSpec("build:\n  tag: v1\n  digest: abc\n", "build.tag=v2", false, nothingElse).warnings).toEqual([]);
    });
  });

  describe("a kustomize images: entry's newTag beside its digest, which kustomize uses instead of the tag", () => {
    const digest = `sha256:${"1".repeat(64)}`;
    const entry = `images:\n  - name: ghcr.io/acme/api\n    newTag: 1.3.2\n    digest: ${digest}\n`;
    const nothingElse = () => false;

    it("says at newTag that the digest still pins the earlier build, naming the image as the entry renames it", () => {
      expect(setFromSpec(entry, "images[0].newTag=1.4.0", false, nothingElse).warnings).toEqual([
        {
          line: 3,
          message:
            "images[0].newTag: --set wrote 1.4.0, but the digest beside it (images[0].digest, line 4) still pins the earlier build sha256:111111111111, so that build runs; " +
            "set images[0].digest too, or give the image with --image ghcr.io/acme/api:1.4.0@sha256:<digest>",
        },
      ]);
      const renamed = entry.replace("    newTag", "    newName: mirror.acme.io/acme/api\n    newTag");
      expect(setFromSpec(renamed, "images[0].newTag=1.4.0", false, nothingElse).warnings[0]?.message).toMatch(
        /\(images\[0\]\.digest, line 5\).*--image mirror\.acme\.io\/acme\/api:1\.4\.0@sha256:<digest>$/,
      );
      expect(setYamlPath(entry, "images[0].newTag", () => "1.4.0", { setsToo: nothingElse, configured: true }).warnings[0]?.message).toMatch(
        /^images\[0\]\.newTag: its configured override wrote 1\.4\.0, but the digest beside it \(images\[0\]\.digest, line 4\)/,
      );
    });

    it("says nothing when the run sets the digest too, or the digest is empty", () => {
      expect(setFromSpec(entry, "images[0].newTag=1.4.0", false, (path) => path === "images[0].digest").warnings).toEqual([]);
      expect(setFromSpec(entry.replace(digest, '""'), "images[0].newTag=1.4.0", false, nothingElse).warnings).toEqual([]);
    });
  });

  it("refuses a spec without a path before its '='", () => {
    expect(() => setFromSpec("a: 1\n", "=2", false)).toThrow('"=2" is not PATH=VALUE');
    expect(() => setFromSpec("a: 1\n", "a", false)).toThrow('"a" is not PATH=VALUE');
  });

  it("refuses KCL's append, PATH+=VALUE, rather than reading a key that ends in '+': a quoted one is set", () => {
    expect(() => setFromSpec("list:\n  - a\n", "list+=c", false)).toThrow(
      '"list+=c": "+=" appends only in a KCL override spec; a YAML --set sets one value: give the whole value (list=…), or quote a key that ends in "+" (["list+"]=…)',
    );
    expect(setFromSpec('"c+": 1\n', '["c+"]=2', false).text).toBe('"c+": 2\n');
    // Deeper, the last key alone is quoted, as the path that sets it is written; the whole value path as given, spaces trimmed.
    const nested = "config:\n  args+: a\n  list:\n    - tag: 1\n";
    expect(() => setFromSpec(nested, "config.args +=b", false)).toThrow(
      'give the whole value (config.args=…), or quote a key that ends in "+" (config["args+"]=…)',
    );
    expect(setFromSpec(nested, 'config["args+"]=b', false).text).toBe(nested.replace("+: a", "+: b"));
    expect(() => setFromSpec(nested, "config.list[0].tag+=2", false)).toThrow(
      '(config.list[0].tag=…), or quote a key that ends in "+" (config.list[0]["tag+"]=…)',
    );
    // After an index or a quoted key, or with no path, the "+" is no part of a key: the whole value alone is asked for.
    expect(() => setFromSpec(nested, "config.list[0]+=c", false)).toThrow(/sets one value: give the whole value \(config\.list\[0\]=…\)$/);
    expect(() => setFromSpec(nested, 'config["args+"]+=c', false)).toThrow(/give the whole value \(config\["args\+"\]=…\)$/);
    expect(() => setFromSpec(nested, "+=c", false)).toThrow(/sets one value: give PATH=VALUE$/);
  });
});
