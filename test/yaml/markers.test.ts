/** Flux setter markers in YAML: which comment marks a scalar, the four setter forms, and the warnings (the grammar: test/image/marker.test.ts). */
import { describe, expect, it } from "vitest";
import { runEditors } from "../../src/yaml/editor.js";
import { YamlFile } from "../../src/yaml/file.js";
import { editYaml } from "../../src/yaml/editor.js";
import { editMarkers, headMarkers, markerComment, yamlMarkers } from "../../src/yaml/markers.js";
import type { ScalarNode } from "../../src/yaml/node.js";
import { forEachValue } from "../../src/yaml/walk.js";
import type { EditRequest } from "../../src/change.js";
import { lineMarkers } from "../../src/image/marker.js";
import { parseOverrideSpec } from "../../src/kcl/override-spec.js";
import { stringLiteralValue } from "../../src/kcl/string-literal.js";
import { DIGEST_A, DIGEST_B, dataOf, numericVersions, update, withImages, withSetters } from "./helpers.js";

const edit = (text: string, request: EditRequest) => runEditors(text, request, [editMarkers]);

describe("markerComment", () => {
  /** The marker comment of the scalar whose value is `value`. */
  const commentOf = (text: string, value: string) => {
    let found: { node: ScalarNode; inFlow: boolean } | undefined;
    for (const { root } of new YamlFile(text).documents)
      forEachValue(root, ({ node, inFlow }) => void (node.kind === "scalar" && node.text === value && (found = { node, inFlow })));
    return markerComment(text, found!.node, 0, found!.inFlow);
  };
  const scalarsOf = (text: string) => {
    const found: ScalarNode[] = [];
    for (const { root } of new YamlFile(text).documents) forEachValue(root, ({ node }) => void (node.kind === "scalar" && found.push(node)));
    return found;
  };

  it("reads the line comment after the value", () => {
    expect(commentOf("image: a:1   # line\n", "a:1")).toBe("# line");
  });

  it("reads the comment lines above a list item as its head comment", () => {
    expect(commentOf("list:\n  # head\n  - a:1\n", "a:1")).toBe("# head");
  });

  it("reads the comment above a value on its own line", () => {
    expect(commentOf("image:\n  # head\n  a:1\n", "a:1")).toBe("# head");
  });

  it("does not give the comment above `key: value` to the value (go-yaml gives it to the key)", () => {
    expect(commentOf("# head\nimage: a:1\n", "a:1")).toBeUndefined();
  });

  it("reads the comment after the comma ending a flow entry as the entry's line comment, as go-yaml does", () => {
    expect(commentOf("seq: [\n  a:1, # line\n  b:1\n]\n", "a:1")).toBe("# line");
    expect(commentOf("map: {\n  tag: '1.0' ,\t# line\n  pull: Always\n}\n", "1.0")).toBe("# line");
    // The comment follows the last entry before it: not one further back on the line.
    expect(commentOf("seq: [a:1, b:1, # line\n]\n", "a:1")).toBeUndefined();
    expect(commentOf("seq: [a:1, b:1, # line\n]\n", "b:1")).toBe("# line");
  });

  it("prefers the line comment over the head comment", () => {
    expect(commentOf("list:\n  # head\n  - a:1 # line\n", "a:1")).toBe("# line");
  });

  it("reads no head comment from a block scalar above, whose `#` lines are its text: it stops where the value before ends", () => {
    const text = "args:\n- |\n  # text\n- a:1\n";
    const [block, item] = scalarsOf(text);
    expect(markerComment(text, item!, block!.end)).toBeUndefined();
  });
});

describe("headMarkers", () => {
  const m = (key: string) => `# {"$imagepolicy": "${key}"}`;
  const found = (text: string) => headMarkers(text).map(({ marker, line, before }) => [marker.setter, line, before]);
  /** Lines where the editor reads a marker of a key the request does not know (a comment of several lines is a malformed one). */
  const editorLines = (text: string) =>
    edit(text, withSetters({}))
      .warnings.filter((w) => w.message.startsWith("no image is configured"))
      .map((w) => w.line);

  const marking = [
    ["list:", `  ${m("ns:a")}`, "  - ghcr.io/acme/a:1", ""].join("\n"),
    ["image:", `  ${m("ns:b:tag")}`, "  '1.0'", ""].join("\n"),
    ["list:", `  ${m("ns:c")}`, "  - &x !!str a:1", ""].join("\n"),
    // After a block scalar, a comment less indented than its text is no part of it.
    ["list:", "  - |", "    text", `  ${m("ns:d")}`, "  - a:1", ""].join("\n"),
  ];
  const notMarking = [
    `${m("ns:a")}\nimage: a:1\n`,
    `list:\n  ${m("ns:a")}\n  - a:1 # note\n`,
    `list:\n  # note\n  ${m("ns:a")}\n  - a:1\n`,
    `list:\n  ${m("ns:a")}\n  - name: a\n`,
    `list:\n  ${m("ns:a")}\n\n  - a:1\n`,
    `${m("ns:a")}\n`,
    // A # line of a block scalar is its text, not a comment.
    `args:\n- |\n  ${m("ns:a")}\n- ghcr.io/acme/a:1\n`,
    `args:\n  - >- # folded\n    ${m("ns:a")}\n    - a:1\n`,
  ];

  it("finds, without a parse, a marker written above a value that opens its line, at the value's line, with that line", () => {
    expect(marking.map(found)).toEqual([
      [["ns:a", 3, "- ghcr.io/acme/a:1"]],
      [["ns:b:tag", 3, "'1.0'"]],
      [["ns:c", 3, "- &x !!str a:1"]],
      [["ns:d", 5, "- a:1"]],
    ]);
  });

  it("finds none where the comment marks no scalar: above a key, a value with its own comment, in a longer comment, before a blank line, in a block scalar", () => {
    expect(notMarking.map(found)).toEqual(notMarking.map(() => []));
  });

  it("finds what the editor reads as a head-comment marker", () => {
    for (const text of [...marking, ...notMarking]) expect(found(text).map(([, line]) => line)).toEqual(editorLines(text));
  });

  it("finds with yamlMarkers, after a value or above one, the markers the editor reads, and none after a flow collection", () => {
    const text = [
      `a: ghcr.io/acme/a:1 ${m("ns:a")}`,
      `flow: {image: ghcr.io/acme/a:1} ${m("ns:b")}`,
      `items: [ghcr.io/acme/a:1] ${m("ns:c")}`,
      "nested: [",
      `  [ghcr.io/acme/a:1], ${m("ns:d")}`,
      "]",
      "list:",
      `  ${m("ns:e")}`,
      "  - ghcr.io/acme/a:1",
      "",
    ].join("\n");
    expect(yamlMarkers(text).map(({ marker, line }) => [marker.setter, line])).toEqual([
      ["ns:a", 1],
      ["ns:e", 9],
    ]);
    expect(editorLines(text)).toEqual([1, 9]);
  });

  it("finds with yamlMarkers no marker in a block scalar's text, however deep, and those after it (markcount17)", () => {
    const text = [
      `script: | ${m("ns:a")}`,
      "  docker run ghcr.io/acme/a:1 " + m("ns:b"),
      "  if true; then",
      `    run ghcr.io/acme/a:1 ${m("ns:c")}`,
      `    ${m("ns:d")}`,
      "    ghcr.io/acme/a:1",
      "",
      "  fi",
      "containers:",
      "  - args: >-",
      `      --image=ghcr.io/acme/a:1 ${m("ns:e")}`,
      `    image: ghcr.io/acme/a:1 ${m("ns:f")}`,
      "    list:",
      `    ${m("ns:g")}`,
      "    - ghcr.io/acme/a:1",
      "",
    ].join("\n");
    // The header's own comment is the block scalar's: the editor reads it, and refuses to set a block scalar.
    expect(yamlMarkers(text).map(({ marker, line }) => [marker.setter, line])).toEqual([
      ["ns:a", 1],
      ["ns:f", 12],
      ["ns:g", 15],
    ]);
    expect(editorLines(text)).toEqual([1, 12, 15]);
  });

  it("reads a block scalar's indentation in spaces only: text opening with a tab or U+00A0 after them keeps a `#` line below it text, no marker", () => {
    // YAML indents with spaces; the tab or no-break space is the script's text, so the block's text is indented four and the `#` line is in it.
    for (const lead of ["\t", "\u00a0"]) {
      const text = ["list:", "  - |", `    ${lead}set -e`, `    ${m("ns:a")}`, "    run ghcr.io/acme/a:1", "  - ghcr.io/acme/a:1", ""].join("\n");
      expect(yamlMarkers(text)).toEqual([]);
      expect(editorLines(text)).toEqual([]);
    }
  });

  it("reads line 1 of a text starting with a byte order mark from its first column, as the editor does: text indented one space under a block scalar's header there is its text", () => {
    const text = `script: |\n ${m("ns:a")}\n - ghcr.io/acme/a:1\n`;
    for (const marked of [text, `\uFEFF${text}`]) {
      expect(yamlMarkers(marked)).toEqual([]);
      expect(editorLines(marked)).toEqual([]);
    }
  });

  it("finds, with lineMarkers, every marker of a multi-line flow collection the editor reads, after an entry's comma or above it", () => {
    const text = [
      "seq: [",
      `  a:1, ${m("ns:a")}`,
      `  ${m("ns:b")}`,
      "  b:1,",
      "  c:1",
      "]",
      "map: {",
      `  tag: '1', ${m("ns:c:tag")}`,
      "  pull: Always",
      "}",
      "",
    ].join("\n");
    const scanned = [...lineMarkers(text), ...headMarkers(text)].map(({ line }) => line).sort((a, b) => a - b);
    expect(scanned).toEqual([2, 4, 8]);
    expect(editorLines(text)).toEqual(scanned);
  });
});

describe("editMarkers", () => {
  it("writes name:tag for a plain marker, also on a list item", () => {
    const text = `images:\n  - app:1.0 # {"$imagepolicy": "ns:app"}\n  # {"$imagepolicy": "ns:app"}\n  - app:1.0\n`;
    const { text: out, changes } = edit(text, withSetters({ "ns:app": "ghcr.io/acme/app:1.1" }));
    expect(out).toBe(text.replaceAll("- app:1.0", "- ghcr.io/acme/app:1.1"));
    expect(changes.map((change) => [change.line, change.key, change.kind])).toEqual([
      [2, "ns:app", "setter"],
      [4, "ns:app", "setter"],
    ]);
  });

  it("sets a value marked after the comma ending its entry in a multi-line flow collection, as Flux does (review flux17 M2)", () => {
    const text = `seq: [
  ghcr.io/acme/app:1.0.0, # {"$imagepolicy": "ns:app"}
  other
]
values: {
  repository: ghcr.io/acme/app, # {"$imagepolicy": "ns:app:name"}
  tag: 1.0.0, # {"$imagepolicy": "ns:app:tag"}
  pullPolicy: Always
}
`;
    const { text: out, changes, warnings } = edit(text, withSetters({ "ns:app": "ghcr.io/acme/app:1.2.0" }));
    expect(out).toBe(text.replace("app:1.0.0,", "app:1.2.0,").replace("tag: 1.0.0,", "tag: 1.2.0,"));
    expect(changes.map((c) => [c.line, c.key])).toEqual([
      [2, "ns:app"],
      [7, "ns:app:tag"],
    ]);
    expect(warnings).toEqual([]);
  });

  it("writes only the part a :tag, :name or :digest marker names", () => {
    const text = `image:
  repository: old/app # {"$imagepolicy": "ns:app:name"}
  tag: "1.0" # {"$imagepolicy": "ns:app:tag"}
  digest: ${DIGEST_A} # {"$imagepolicy": "ns:app:digest"}
`;
    const { text: out, changes } = edit(text, withSetters({ "ns:app": `ghcr.io/acme/app:1.1@${DIGEST_B}` }));
    expect(dataOf(out)).toEqual([{ image: { repository: "ghcr.io/acme/app", tag: "1.1", digest: DIGEST_B } }]);
    expect(out).toContain('tag: "1.1" #');
    expect(changes.map((change) => change.key)).toEqual(["ns:app:name", "ns:app:tag", "ns:app:digest"]);
  });

  it("writes the whole reference a plain marker sets into a tag field, as Flux does, and says what reads it there", () => {
    const text = `images:\n  - name: ghcr.io/acme/app\n    newTag: 1.2.3 # {"$imagepolicy": "ns:app"}\nimage:\n  tag: 1.2.3 # {"$imagepolicy": "ns:app:tag"}\n`;
    const { text: out, warnings } = edit(text, withSetters({ "ns:app": "ghcr.io/acme/app:1.3.0" }));
    expect(out).toBe(text.replace("newTag: 1.2.3", "newTag: ghcr.io/acme/app:1.3.0").replace("tag: 1.2.3 #", "tag: 1.3.0 #"));
    expect(warnings.map((w) => [w.line, w.message])).toEqual([
      [
        3,
        'Flux setter "ns:app" marks images[0].newTag, a tag field, with the whole reference: ghcr.io/acme/app:1.3.0 is written there, as Flux writes a marked field, ' +
          'and kustomize or the chart reads it as a tag (name:ghcr.io/acme/app:1.3.0); mark it {"$imagepolicy": "ns:app:tag"} to set the tag alone',
      ],
    ]);
  });

  it("writes the whole reference a plain marker sets into a Helm repository, as Flux does, and says a chart reads it as the name before its tag", () => {
    const text = `image:\n  repository: ghcr.io/acme/app # {"$imagepolicy": "ns:app"}\n  tag: 1.0.0\n`;
    const { text: out, warnings } = edit(text, withSetters({ "ns:app": "ghcr.io/acme/app:1.1.0" }));
    expect(dataOf(out)).toEqual([{ image: { repository: "ghcr.io/acme/app:1.1.0", tag: "1.0.0" } }]);
    expect(warnings.map((w) => [w.line, w.message])).toEqual([
      [
        2,
        'Flux setter "ns:app" marks image.repository, a name field, with the whole reference: ghcr.io/acme/app:1.1.0 is written there, as Flux writes a marked field, ' +
          'and kustomize or the chart reads it as a name (ghcr.io/acme/app:1.1.0:tag); mark it {"$imagepolicy": "ns:app:name"} to set the name alone',
      ],
    ]);
  });

  it("writes the name a :name marker sets into a tag field, as Flux does, and says what reads it there (review kclfuzz N1)", () => {
    const text = `image:\n  repository: ghcr.io/acme/app\n  tag: 1.0.0 # {"$imagepolicy": "ns:app:name"}\n`;
    const { text: out, warnings } = edit(text, withSetters({ "ns:app": "ghcr.io/acme/app:1.1.0" }));
    expect(out).toBe(text.replace("tag: 1.0.0", "tag: ghcr.io/acme/app"));
    expect(warnings.map((w) => [w.line, w.message])).toEqual([
      [
        3,
        'Flux setter "ns:app:name" marks image.tag, a tag field, with the name alone: ghcr.io/acme/app is written there, as Flux writes a marked field, ' +
          'and what reads the field reads it as a tag; mark it {"$imagepolicy": "ns:app:tag"} to set the tag',
      ],
    ]);
  });

  it("writes the whole name a :name marker sets into a repository beside a registry field, as Flux does, and says a chart joining the two reads the registry twice", () => {
    const text = [
      "image:",
      "  registry: ghcr.io",
      `  repository: acme/app # {"$imagepolicy": "ns:app:name"}`,
      `  tag: 1.0.0 # {"$imagepolicy": "ns:app:tag"}`,
      "",
    ].join("\n");
    const { text: out, warnings } = edit(text, withSetters({ "ns:app": "ghcr.io/acme/app:1.1.0" }));
    expect(dataOf(out)).toEqual([{ image: { registry: "ghcr.io", repository: "ghcr.io/acme/app", tag: "1.1.0" } }]);
    expect(warnings.map((w) => [w.line, w.message])).toEqual([
      [
        3,
        'Flux setter "ns:app:name" marks image.repository, beside the registry field image.registry (ghcr.io): ghcr.io/acme/app, the name with its registry, ' +
          "is written there, as Flux writes a marked field, and a chart that joins the registry to the repository reads ghcr.io/ghcr.io/acme/app; " +
          'leave the repository unmarked, written without its registry, and mark the tag alone {"$imagepolicy": "ns:app:tag"}',
      ],
    ]);
    // A registry merged in is joined all the same.
    const merged = `base: &base\n  registry: ghcr.io\nimage:\n  <<: *base\n  repository: acme/app # {"$imagepolicy": "ns:app:name"}\n`;
    expect(edit(merged, withSetters({ "ns:app": "ghcr.io/acme/app:1.1.0" })).warnings.map((w) => [w.line, w.message.split(":", 3).join(":")])).toEqual([
      [5, 'Flux setter "ns:app:name" marks image.repository, beside the registry field base.registry (ghcr.io)'],
    ]);
  });

  it("names a registry field it cannot read (a mapping or list) beside a repository a :name marker sets as written, as a template: a chart joins it all the same", () => {
    for (const registry of ["[ghcr.io]", "{host: ghcr.io}", "'{{ .Values.registry }}'"]) {
      const text = `image:\n  registry: ${registry}\n  repository: acme/app # {"$imagepolicy": "ns:app:name"}\n`;
      const { warnings } = edit(text, withSetters({ "ns:app": "ghcr.io/acme/app:1.1.0" }));
      expect(warnings.map((w) => [w.line, w.message.slice(0, w.message.indexOf("): ") + 1)])).toEqual([
        [3, `Flux setter "ns:app:name" marks image.repository, beside the registry field image.registry (${registry})`],
      ]);
    }
  });

  it("says nothing of a registry field where the joined name is the image's: a Docker Hub name written without its registry, an empty registry", () => {
    const runs = [
      [`image:\n  registry: docker.io\n  repository: acme/web # {"$imagepolicy": "ns:app:name"}\n`, "acme/app:1.1.0"],
      [`image:\n  registry: ""\n  repository: acme/web # {"$imagepolicy": "ns:app:name"}\n`, "ghcr.io/acme/app:1.1.0"],
    ].map(([text, image]) => edit(text!, withSetters({ "ns:app": image! })));
    expect(runs.map(({ text, warnings }) => [dataOf(text)[0], warnings])).toEqual([
      [{ image: { registry: "docker.io", repository: "acme/app" } }, []],
      [{ image: { registry: "", repository: "ghcr.io/acme/app" } }, []],
    ]);
  });

  it("says nothing of a null registry beside a repository a :name marker sets, as Helm drops a null value and joins nothing", () => {
    for (const registry of ["~", "null", "NULL"]) {
      const text = `image:\n  registry: ${registry}\n  repository: acme/web # {"$imagepolicy": "ns:app:name"}\n`;
      const { text: out, warnings } = edit(text, withSetters({ "ns:app": "ghcr.io/acme/app:1.1.0" }));
      expect([out, warnings]).toEqual([text.replace("acme/web", "ghcr.io/acme/app"), []]);
    }
  });

  it("writes the part a :tag, :name or :digest marker sets into a field holding a whole reference, as Flux does, and says the field now holds only that (review flux17 S2)", () => {
    const line = (setter: string) => `  - image: ghcr.io/acme/app:1.0.0 # {"$imagepolicy": "${setter}"}\n`;
    const text = `containers:\n${line("ns:app:tag")}${line("ns:app:digest")}${line("ns:app:name")}`;
    const { text: out, warnings } = edit(text, withSetters({ "ns:app": `ghcr.io/acme/app:1.1.0@${DIGEST_B}` }));
    expect(dataOf(out)).toEqual([{ containers: [{ image: "1.1.0" }, { image: DIGEST_B }, { image: "ghcr.io/acme/app" }] }]);
    const said = (index: number, part: string, value: string) =>
      `Flux setter "ns:app:${part}" marks containers[${index}].image, which holds a whole reference (ghcr.io/acme/app:1.0.0), with its ${part} alone: ` +
      `${value} is written there, as Flux writes a marked field, and the field then holds only that; mark it {"$imagepolicy": "ns:app"} to set the whole reference`;
    expect(warnings.map((w) => [w.line, w.message])).toEqual([
      [2, said(0, "tag", "1.1.0")],
      [3, said(1, "digest", DIGEST_B)],
      [4, said(2, "name", "ghcr.io/acme/app")],
    ]);
    // Without a digest: the :digest field held no pin to drop, only a reference (markcount17).
    const tagOnly = edit(text, withSetters({ "ns:app": "ghcr.io/acme/app:1.1.0" }));
    expect(tagOnly.warnings.map((w) => [w.line, w.message])).toEqual([
      [2, said(0, "tag", "1.1.0")],
      [3, said(1, "digest", '""')],
      [4, said(2, "name", "ghcr.io/acme/app")],
    ]);
  });

  it("says nothing of a part marker on a field holding that part, or on one named for it, whatever it held", () => {
    const text = `a: "1.0" # {"$imagepolicy": "ns:app:tag"}
b: ${DIGEST_A} # {"$imagepolicy": "ns:app:digest"}
c: ghcr.io/acme/old # {"$imagepolicy": "ns:app:name"}
image:
  repository: ghcr.io/acme/app:1.0 # {"$imagepolicy": "ns:app:name"}
  tag: ghcr.io/acme/app:1.0 # {"$imagepolicy": "ns:app:tag"}
  digest: ghcr.io/acme/app@${DIGEST_A} # {"$imagepolicy": "ns:app:digest"}
`;
    const { changes, warnings } = edit(text, withSetters({ "ns:app": `ghcr.io/acme/app:1.1@${DIGEST_B}` }));
    expect(changes).toHaveLength(6);
    expect(warnings).toEqual([]);
  });

  it("empties a :digest field when the tag moves on without a digest (the old digest pins the old tag)", () => {
    const text = `tag: "1.0" # {"$imagepolicy": "ns:app:tag"}\ndigest: ${DIGEST_A} # {"$imagepolicy": "ns:app:digest"}\n`;
    const { text: out } = edit(text, withSetters({ "ns:app": "app:1.1" }));
    expect(out).toBe(`tag: "1.1" # {"$imagepolicy": "ns:app:tag"}\ndigest: "" # {"$imagepolicy": "ns:app:digest"}\n`);
  });

  it("keeps a :digest field when the tag is already current and no digest comes", () => {
    const text = `tag: "1.1" # {"$imagepolicy": "ns:app:tag"}\ndigest: ${DIGEST_A} # {"$imagepolicy": "ns:app:digest"}\n`;
    expect(edit(text, withSetters({ "ns:app": "app:1.1" })).text).toBe(text);
  });

  it("says a :tag field with no :digest field beside it cannot take a digest alone, and leaves it, as a Helm pair with no digest field (review errors18 S1)", () => {
    const text = `image:\n  tag: "1.0" # {"$imagepolicy": "ns:app:tag"}\n`;
    const digestOnly = withSetters({ "ns:app": `ghcr.io/acme/app@${DIGEST_B}` });
    expect(edit(text, digestOnly)).toEqual({
      text,
      changes: [],
      warnings: [
        {
          line: 2,
          message:
            `Flux setter "ns:app:tag" has no digest field, so it cannot take ghcr.io/acme/app@${DIGEST_B}, which has only a digest; left as it is ` +
            '(a digest field beside the tag, marked {"$imagepolicy": "ns:app:digest"}, would take it)',
        },
      ],
    });
    // A :digest field beside it takes the digest, with nothing to say.
    const pinned = `${text}  digest: ${DIGEST_A} # {"$imagepolicy": "ns:app:digest"}\n`;
    expect(edit(pinned, digestOnly)).toMatchObject({ text: pinned.replace(DIGEST_A, DIGEST_B), warnings: [] });
  });

  it("does not half-apply a refused downgrade: :name and :digest follow the :tag decision, and the :tag field says why", () => {
    const text = `repository: old/app # {"$imagepolicy": "ns:app:name"}\ntag: "2.0" # {"$imagepolicy": "ns:app:tag"}\n`;
    const request = withSetters({ "ns:app": update("new/app:1.5", numericVersions) });
    const why = "keeps 2.0, which its policy (highest dotted number) ranks above the incoming 1.5 (allow-downgrade sets it anyway)";
    expect(edit(text, request)).toEqual({ text, changes: [], warnings: [{ line: 2, message: `Flux setter "ns:app:tag" ${why}` }] });
  });

  it("decides each image's :tag on its own tag when one document holds several (app and worker blocks), as each plain marker does", () => {
    const block = (name: string, repository: string, tag: string, digest: string) =>
      `${name}:\n  repository: ${repository} # {"$imagepolicy": "ns:app:name"}\n  tag: "${tag}" # {"$imagepolicy": "ns:app:tag"}\n  digest: ${digest} # {"$imagepolicy": "ns:app:digest"}\n`;
    const text = block("app", "old/app", "1.0", DIGEST_A) + block("worker", "old/app", "3.0", DIGEST_A);
    const { text: out, warnings } = edit(text, withSetters({ "ns:app": update(`new/app:2.0@${DIGEST_B}`, numericVersions) }));
    // The worker's newer 3.0 stays, with its own name and digest; the app moves, name, tag and digest together.
    expect(out).toBe(block("app", "new/app", "2.0", DIGEST_B) + block("worker", "old/app", "3.0", DIGEST_A));
    expect(warnings).toEqual([{ line: 7, message: expect.stringMatching(/^Flux setter "ns:app:tag" keeps 3\.0, which its policy/) }]);
    // In the other order, the field below the newer one is not left behind.
    const reversed = block("worker", "old/app", "3.0", DIGEST_A) + block("app", "old/app", "1.0", DIGEST_A);
    expect(edit(reversed, withSetters({ "ns:app": update(`new/app:2.0@${DIGEST_B}`, numericVersions) })).text).toBe(
      block("worker", "old/app", "3.0", DIGEST_A) + block("app", "new/app", "2.0", DIGEST_B),
    );
  });

  it("without a policy, a second :tag field already current does not hold back the first", () => {
    const text = `a: "2.0" # {"$imagepolicy": "ns:app:tag"}\nb: "1.0" # {"$imagepolicy": "ns:app:tag"}\n`;
    expect(edit(text, withSetters({ "ns:app": "app:2.0" })).text).toBe(
      `a: "2.0" # {"$imagepolicy": "ns:app:tag"}\nb: "2.0" # {"$imagepolicy": "ns:app:tag"}\n`,
    );
  });

  it("lets the tag decision of one document govern :name fields in another document of the file", () => {
    const text = `tag: "2.0" # {"$imagepolicy": "ns:app:tag"}\n---\nname: old/app # {"$imagepolicy": "ns:app:name"}\n`;
    expect(edit(text, withSetters({ "ns:app": update("new/app:1.5", numericVersions) })).text).toBe(text);
    expect(edit(text, withSetters({ "ns:app": update("new/app:2.5", numericVersions) })).text).toBe(
      `tag: "2.5" # {"$imagepolicy": "ns:app:tag"}\n---\nname: new/app # {"$imagepolicy": "ns:app:name"}\n`,
    );
  });

  it("applies a :name field as given when no field of the setter holds a tag", () => {
    const text = `name: old/app # {"$imagepolicy": "ns:app:name"}\n`;
    expect(edit(text, withSetters({ "ns:app": update("new/app:1.5", numericVersions) })).text).toBe(`name: new/app # {"$imagepolicy": "ns:app:name"}\n`);
  });

  it("lets each plain marker decide on its own version", () => {
    const text = `a: app:1.0 # {"$imagepolicy": "ns:app"}\nb: app:3.0 # {"$imagepolicy": "ns:app"}\n`;
    const { text: out } = edit(text, withSetters({ "ns:app": update("app:2.0", numericVersions) }));
    expect(out).toBe(`a: app:2.0 # {"$imagepolicy": "ns:app"}\nb: app:3.0 # {"$imagepolicy": "ns:app"}\n`);
  });

  it("writes the setter's name when the version is already current", () => {
    const text = `image: nginx:1.0 # {"$imagepolicy": "ns:nginx"}\n`;
    expect(edit(text, withSetters({ "ns:nginx": "docker.io/library/nginx:1.0" })).text).toBe(
      `image: docker.io/library/nginx:1.0 # {"$imagepolicy": "ns:nginx"}\n`,
    );
  });

  it("warns, with the line, about a marker whose setter is not configured, and leaves it", () => {
    const text = `a: 1\nimage: app:1.0 # {"$imagepolicy": "other:app:tag"}\n`;
    expect(edit(text, withSetters({ "ns:app": "app:2.0" }))).toEqual({
      text,
      changes: [],
      warnings: [{ line: 2, message: 'no image is configured for Flux setter "other:app:tag"; the marked value is left as it is' }],
    });
  });

  it("warns about a marker on a block scalar and leaves the block alone", () => {
    const text = `image: | # {"$imagepolicy": "ns:app"}\n  app:1.0\n`;
    const result = edit(text, withSetters({ "ns:app": "app:2.0" }));
    expect(result.text).toBe(text);
    expect(result.warnings).toEqual([{ line: 1, message: expect.stringContaining("block scalar") }]);
  });

  it("leaves a value marked after it is empty, as Flux reads no marker there, and says so; --image does not set it either", () => {
    const text = `image:\n  repository: ghcr.io/acme/app\n  tag:  # {"$imagepolicy": "ns:app:tag"}\n`;
    expect(edit(text, withSetters({ "ns:app": "ghcr.io/acme/app:2.0" }))).toEqual({
      text,
      changes: [],
      warnings: [
        {
          line: 3,
          message:
            'Flux setter "ns:app:tag" marks an empty value, which is left as it is: YAML gives a comment after an empty value to its key, so Flux reads no marker there; write a value before the marker for Flux to set it',
        },
      ],
    });
    const byRepository = editYaml(text, withImages("ghcr.io/acme/app:2.0"));
    expect([byRepository.text, byRepository.changes]).toEqual([text, []]);
  });

  it("says a marker above `key: value` is the key's comment, which Flux reads no marker in, and treats the value as unmarked (review flux17 S1)", () => {
    const text = `containers:
  - name: app
    # {"$imagepolicy": "ns:app"}
    image: ghcr.io/acme/app:1.0.0
`;
    const warning = {
      line: 4,
      message:
        'Flux setter "ns:app" is written above image:, and YAML gives a comment above a key to the key, so Flux reads no marker there ' +
        `and the value is treated as unmarked; write # {"$imagepolicy": "ns:app"} at the end of the value's line for Flux to set it`,
    };
    expect(edit(text, withSetters({ "ns:app": "ghcr.io/acme/app:1.2.0" }))).toEqual({ text, changes: [], warnings: [warning] });
    // By repository, it moves as any unmarked image does.
    const byRepository = editYaml(text, withImages("ghcr.io/acme/app:1.2.0"));
    expect(byRepository.text).toBe(text.replace("1.0.0", "1.2.0"));
    expect(byRepository.warnings).toEqual([warning]);
  });

  it("names a marker above `key: value` whose comment holds a line separator with it escaped (\\u2028), so the warning stays one line of a log", () => {
    const text = 'spec:\n  # {"$imagepolicy": "ns:app", "note": "a\u2028b"}\n  image: ghcr.io/acme/app:1.0.0\n';
    expect(edit(text, withSetters({ "ns:app": "ghcr.io/acme/app:1.2.0" })).warnings).toEqual([
      {
        line: 3,
        message:
          'Flux setter "ns:app" is written above image:, and YAML gives a comment above a key to the key, so Flux reads no marker there ' +
          `and the value is treated as unmarked; write # {"$imagepolicy": "ns:app", "note": "a\\u2028b"} at the end of the value's line for Flux to set it`,
      },
    ]);
  });

  it("reads the marker above a list item or an entry of a flow sequence, which go-yaml gives the value, with no word about keys", () => {
    for (const text of [
      `images:\n  # {"$imagepolicy": "ns:app"}\n  - ghcr.io/acme/app:1.0.0\n`,
      `images: [\n  # {"$imagepolicy": "ns:app"}\n  ghcr.io/acme/app:1.0.0,\n  other\n]\n`,
      `image:\n  # {"$imagepolicy": "ns:app"}\n  ghcr.io/acme/app:1.0.0\n`,
    ]) {
      const { text: out, warnings } = edit(text, withSetters({ "ns:app": "ghcr.io/acme/app:1.2.0" }));
      expect([out, warnings]).toEqual([text.replace("1.0.0", "1.2.0"), []]);
    }
  });

  it("says nothing of a key's comment that is no marker, or above a value whose own comment decides", () => {
    for (const text of [
      `# plain\nimage: ghcr.io/acme/app:1.0.0\n`,
      `# {"$imagepolicy": "ns:app"}\nimage: ghcr.io/acme/app:1.0.0 # note\n`,
      `# {"$imagepolicy": "ns:other"}\nimage: ghcr.io/acme/app:1.0.0 # {"$imagepolicy": "ns:app"}\n`,
    ])
      expect(edit(text, withSetters({ "ns:app": "ghcr.io/acme/app:1.0.0" })).warnings).toEqual([]);
  });

  it("says a marker after a flow collection marks nothing, as Flux sets scalars only, and treats its values as unmarked (review flux17 N3)", () => {
    const text = `flowmap: {image: ghcr.io/acme/app:1.0.0} # {"$imagepolicy": "ns:app"}\nlist: [\n  [ghcr.io/acme/app:1.0.0], # {"$imagepolicy": "ns:app"}\n]\n`;
    const said = (collection: string) =>
      `Flux setter "ns:app" follows the flow collection ${collection}, which marks nothing: YAML gives a comment after a collection to the collection, ` +
      "and Flux sets scalars only, so it reads no marker there and the values in it are treated as unmarked; " +
      "write the marker after the value it sets, with the collection over several lines or in block style";
    const warnings = [
      { line: 1, message: said("flowmap") },
      { line: 3, message: said("list[0]") },
    ];
    expect(edit(text, withSetters({ "ns:app": "ghcr.io/acme/app:1.2.0" }))).toEqual({ text, changes: [], warnings });
    const byRepository = editYaml(text, withImages("ghcr.io/acme/app:1.2.0"));
    // By repository, the image: field moves as an unmarked one does.
    expect([byRepository.text, byRepository.warnings]).toEqual([text.replace("1.0.0", "1.2.0"), warnings]);
  });

  it("leaves a marked alias and names its anchor's line, where a marker sets the value", () => {
    const text = `x: &img ghcr.io/acme/app:1.0\nspec:\n  image: *img # {"$imagepolicy": "ns:app"}\n`;
    expect(edit(text, withSetters({ "ns:app": "ghcr.io/acme/app:2.0" }))).toEqual({
      text,
      changes: [],
      warnings: [
        {
          line: 3,
          message: 'Flux setter "ns:app" marks an alias of &img, which is never edited (Flux sets scalars only); mark the anchored value at line 1 instead',
        },
      ],
    });
  });

  it("reads no head-comment marker from the content of a block scalar above", () => {
    const text = `args:\n- |\n  # {"$imagepolicy": "ns:app"}\n- ghcr.io/acme/app:1.0\n`;
    expect(edit(text, withSetters({ "ns:app": "ghcr.io/acme/app:2.0" }))).toEqual({ text, changes: [], warnings: [] });
    // Below a comment line, not content, the same item is marked.
    const marked = text.replace("- |\n  #", "- |\n  text\n#");
    expect(edit(marked, withSetters({ "ns:app": "ghcr.io/acme/app:2.0" })).text).toBe(marked.replace(":1.0", ":2.0"));
  });

  it("reads no marker in a file without Flux's screening token, as Flux never parses such a file", () => {
    const text = `image: app:1.0 # {"\\u0024imagepolicy": "ns:app"}\n`;
    expect(edit(text, withSetters({ "ns:app": "app:2.0" })).text).toBe(text);
  });

  it("reads `ns:app:tag` as the :tag part of ns:app, as Flux does (a policy name holds no ':')", () => {
    const text = `image: app:1.0 # {"$imagepolicy": "ns:app:tag"}\n`;
    expect(edit(text, withSetters({ "ns:app:tag": "app:2.0" })).warnings).toEqual([
      { line: 1, message: 'no image is configured for Flux setter "ns:app:tag"; the marked value is left as it is' },
    ]);
  });

  it("warns, with the line, about a malformed marker Flux would silently ignore, and leaves its value", () => {
    const text = `a: 1\nimage: app:1.0 # {"$imagepolicy": "ns:app"} # note\n`;
    expect(edit(text, withSetters({ "ns:app": "app:2.0" }))).toEqual({
      text,
      changes: [],
      warnings: [{ line: 2, message: expect.stringMatching(/^malformed Flux setter marker .*: it is not one JSON object; Flux ignores it/) }],
    });
  });

  it("warns of a marker holding a line separator (U+2028, U+2029) as of any malformed one: go-yaml, Flux's reader, breaks the line there (review yamlfuzz20 N6)", () => {
    // Said on one line, a separator escaped (\u2028): `.` matches no line terminator.
    const malformed = /^malformed Flux setter marker .*; Flux ignores it, so the value is left as it is$/;
    const texts = [
      'image: app:1.0 # {"$imagepolicy":\u2028"ns:app"}\n',
      'image: app:1.0 # {"$imagepolicy": "ns:app\u2029"}\n',
      'image: app:1.0 # \u2028{"$imagepolicy": "ns:app"}\n',
      'list:\n  # {"$imagepolicy":\u2028"ns:app"}\n  - app:1.0\n',
    ];
    for (const text of texts)
      expect(edit(text, withSetters({ "ns:app": "app:2.0" }))).toEqual({
        text,
        changes: [],
        warnings: [{ line: text.startsWith("list") ? 3 : 1, message: expect.stringMatching(malformed) }],
      });
    // One after the marker ends its line there too, leaving the marker whole: Flux sets its value.
    expect(edit('image: app:1.0 # {"$imagepolicy": "ns:app"}\u2028\n', withSetters({ "ns:app": "app:2.0" })).changes).toHaveLength(1);
  });

  it("names a marker written in single quotes, which Flux ignores, with the marker to write, and moves its value by repository as an unmarked one, as in KCL", () => {
    const text = "spec:\n  containers:\n    - image: ghcr.io/acme/app:1.2.3 # {'$imagepolicy': 'flux-system:app'}\n";
    const warning = {
      line: 3,
      message: `{'$imagepolicy': 'flux-system:app'} is no Flux setter marker: Flux reads a marker as JSON, whose strings are double-quoted, so it ignores this one and the value is treated as unmarked; write # {"$imagepolicy": "flux-system:app"}`,
    };
    const byRepository = editYaml(text, withImages("ghcr.io/acme/app:1.2.4"));
    expect(byRepository.text).toBe(text.replace("1.2.3", "1.2.4"));
    expect(byRepository.warnings).toEqual([warning]);
    // With its setter alone, nothing moves it, as Flux would not.
    expect(edit(text, withSetters({ "flux-system:app": "ghcr.io/acme/app:1.2.4" }))).toEqual({ text, changes: [], warnings: [warning] });
  });
});

describe("editMarkers on KCL settings kept in YAML", () => {
  const WEB = "flux-system:web";
  /** A KCLRun holding `overrides` and `arguments` items, one YAML line each. */
  const kclRun = ({ overrides = [], arguments: args = [] }: { overrides?: string[]; arguments?: string[] }) =>
    [
      "apiVersion: krm.kcl.dev.fluxcd/v1alpha1",
      "kind: KCLRun",
      "metadata:",
      "  name: web",
      "spec:",
      "  path: ./kcl",
      "  config:",
      ...(overrides.length > 0 ? ["    overrides:", ...overrides.map((item) => `      - ${item}`)] : []),
      ...(args.length > 0 ? ["    arguments:", ...args.map((item) => `      - ${item}`)] : []),
      "",
    ].join("\n");
  const marker = (setter: string) => ` # {"$imagepolicy": "${setter}"}`;
  /** The value each override spec of the KCLRun sets, as KCL reads it. */
  const specValues = (text: string) =>
    (dataOf(text)[0] as { spec: { config: { overrides: string[] } } }).spec.config.overrides.map((item) => {
      const { value } = parseOverrideSpec(item);
      return /^[rR]?["']/.test(value) ? stringLiteralValue(value) : value;
    });

  it("sets the reference inside a marked -O spec, keeping the KCL literal's quotes and the YAML string's style (the trial's reproduction)", () => {
    const text = kclRun({
      overrides: [
        `app.containers.web.image="ghcr.io/acme/web:1.2.3"${marker(WEB)}`,
        `'app.a.image=''ghcr.io/acme/web:1.2.3'''${marker(WEB)}`,
        `"app.b.image=\\"ghcr.io/acme/web:1.2.3\\""${marker(WEB)}`,
        `app.c.image=ghcr.io/acme/web:1.2.3${marker(WEB)}`,
      ],
    });
    const { text: out, changes, warnings } = edit(text, withSetters({ [WEB]: "ghcr.io/acme/web:1.2.5" }));
    // Only the reference's bytes change: the spec, its quotes and escapes, and the marker stay.
    expect(out).toBe(text.replaceAll("web:1.2.3", "web:1.2.5"));
    expect(out).toContain(`- app.containers.web.image="ghcr.io/acme/web:1.2.5"${marker(WEB)}\n`);
    expect(changes.map((c) => [c.line, c.kind, c.key, c.old, c.new])).toEqual(
      [9, 10, 11, 12].map((line) => [line, "setter", WEB, "ghcr.io/acme/web:1.2.3", "ghcr.io/acme/web:1.2.5"]),
    );
    expect(warnings).toEqual([]);
    expect(specValues(out)).toEqual(Array(4).fill("ghcr.io/acme/web:1.2.5"));
  });

  it("sets the tag inside a spec's reference for a :tag marker, and a literal that is the tag whole", () => {
    const text = kclRun({ overrides: [`app.image="ghcr.io/acme/web:1.2.3"${marker(`${WEB}:tag`)}`, `app.version='1.2.3'${marker(`${WEB}:tag`)}`] });
    const { text: out, changes } = edit(text, withSetters({ [WEB]: `ghcr.io/acme/web:1.2.5@${DIGEST_A}` }));
    expect(out).toBe(text.replaceAll("1.2.3", "1.2.5"));
    expect(changes.map((c) => [c.key, c.old, c.new])).toEqual([
      [`${WEB}:tag`, "ghcr.io/acme/web:1.2.3", "ghcr.io/acme/web:1.2.5"],
      [`${WEB}:tag`, "1.2.3", "1.2.5"],
    ]);
  });

  it("keeps the marker's policy: a spec whose reference its policy ranks higher stays, and says so", () => {
    const text = kclRun({ overrides: [`app.image="ghcr.io/acme/web:2.0"${marker(WEB)}`] });
    expect(edit(text, withSetters({ [WEB]: update("ghcr.io/acme/web:1.5", numericVersions) }))).toEqual({
      text,
      changes: [],
      warnings: [
        {
          line: 9,
          message: `Flux setter "${WEB}" keeps 2.0, which its policy (highest dotted number) ranks above the incoming 1.5 (allow-downgrade sets it anyway)`,
        },
      ],
    });
  });

  it("sets a marked -D argument inside its JSON string or as its raw text, as option() reads it", () => {
    const text = kclRun({
      arguments: [`image="ghcr.io/acme/web:1.2.3"${marker(WEB)}`, `raw=ghcr.io/acme/web:1.2.3${marker(WEB)}`, `tag="1.2.3"${marker(`${WEB}:tag`)}`],
    });
    const { text: out, changes, warnings } = edit(text, withSetters({ [WEB]: "ghcr.io/acme/web:1.2.5" }));
    expect(out).toBe(text.replaceAll("1.2.3", "1.2.5"));
    expect(changes.map((c) => [c.line, c.key, c.new])).toEqual([
      [9, WEB, "ghcr.io/acme/web:1.2.5"],
      [10, WEB, "ghcr.io/acme/web:1.2.5"],
      [11, `${WEB}:tag`, "1.2.5"],
    ]);
    expect(warnings).toEqual([]);
  });

  it("sets a kcl.yaml's marked spec inside its literal, and a marked kcl_options value's part of its reference", () => {
    const text = `kcl_cli_configs:
  files: [main.k]
  overrides:
    - app.image="ghcr.io/acme/web:1.2.3"${marker(WEB)}
kcl_options:
  - key: image
    value: ghcr.io/acme/web:1.2.3${marker(`${WEB}:tag`)}
`;
    const { text: out, changes } = edit(text, withSetters({ [WEB]: "ghcr.io/acme/web:1.2.5" }));
    expect(out).toBe(text.replaceAll("1.2.3", "1.2.5"));
    expect(changes.map((c) => [c.line, c.key])).toEqual([
      [4, WEB],
      [7, `${WEB}:tag`],
    ]);
  });

  it("leaves a marked spec or argument whose value holds no image it can set, and says why at it", () => {
    const text = kclRun({
      overrides: [
        `app.image="ghcr.io/acme/web:1.2.3" + "-debug"${marker(WEB)}`,
        `'app.b.image="ghcr.io/acme/web:\${tag}"'${marker(WEB)}`,
        `app.c.args="--image=ghcr.io/acme/web:1.2.3"${marker(WEB)}`,
        `app.d.image="ghcr.io/acme/web:1.2.3@${DIGEST_A}"${marker(`${WEB}:tag`)}`,
        `app.e.images+="ghcr.io/acme/web:1.2.3"${marker(WEB)}`,
      ],
      arguments: [`'images=["ghcr.io/acme/web:1.2.3"]'${marker(WEB)}`, `image='ghcr.io/acme/web:1.2.3'${marker(WEB)}`],
    });
    const { text: out, changes, warnings } = edit(text, withSetters({ [WEB]: "ghcr.io/acme/web:1.2.5" }));
    expect([out, changes]).toEqual([text, []]);
    const onlyString = "a marker is set only in a value that is one string holding an image";
    expect(warnings).toEqual([
      {
        line: 9,
        message: `Flux setter "${WEB}" marks spec.config.overrides[0]: app.image, which sets an expression (KCL reads it as the string of its whole text); ${onlyString}, so the spec is left as it is`,
      },
      {
        line: 10,
        message: `Flux setter "${WEB}" marks spec.config.overrides[1]: app.b.image, which sets an interpolated string; ${onlyString}, so the spec is left as it is`,
      },
      {
        line: 11,
        message: `Flux setter "${WEB}" marks spec.config.overrides[2]: app.c.args, whose value "--image=ghcr.io/acme/web:1.2.3" is no image reference, so the spec is left as it is`,
      },
      {
        line: 12,
        message: `Flux setter "${WEB}:tag" marks spec.config.overrides[3]: app.d.image, whose value ghcr.io/acme/web:1.2.3@${DIGEST_A} pins a digest, which a ":tag" marker would leave on the old image (a whole-reference marker sets both), so the spec is left as it is`,
      },
      {
        line: 13,
        message: `Flux setter "${WEB}" marks spec.config.overrides[4], which sets no string (a "path=value" or "path:value" spec does); it is left as it is`,
      },
      {
        line: 15,
        message: `Flux setter "${WEB}" marks spec.config.arguments[0]: images, which sets a JSON value that is no string; ${onlyString}, so the argument is left as it is`,
      },
      {
        line: 16,
        message: `Flux setter "${WEB}" marks spec.config.arguments[1]: image, which sets raw text that is not JSON (option() returns it as written); ${onlyString}, so the argument is left as it is`,
      },
    ]);
  });

  it("leaves an unquoted spec whose new reference KCL would read only a head of, and says so", () => {
    const text = kclRun({ overrides: [`proxy.image=docker.io/library/nginx:1.25${marker("flux-system:nginx")}`] });
    const { text: out, warnings } = edit(text, withSetters({ "flux-system:nginx": "nginx:1.27" }));
    expect(out).toBe(text);
    expect(warnings).toEqual([
      {
        line: 9,
        message:
          'Flux setter "flux-system:nginx" marks spec.config.overrides[0]: proxy.image, which would not read as nginx:1.27 once written there (proxy.image=nginx:1.27); left as it is, write the value as a quoted string',
      },
    ]);
  });

  it("changes nothing on a second run", () => {
    const text = kclRun({ overrides: [`app.image="ghcr.io/acme/web:1.2.3"${marker(WEB)}`], arguments: [`image=ghcr.io/acme/web:1.2.3${marker(WEB)}`] });
    const request = withSetters({ [WEB]: "ghcr.io/acme/web:1.2.5" });
    const once = edit(text, request);
    expect(once.changes).toHaveLength(2);
    expect(edit(once.text, request)).toEqual({ text: once.text, changes: [], warnings: [] });
  });

  it("sets a marked spec from its setter while an unmarked one moves by repository", () => {
    const text = kclRun({ overrides: [`app.image="ghcr.io/acme/web:1.2.3"${marker(WEB)}`, 'app.sidecar.image="ghcr.io/acme/web:1.2.3"'] });
    const request = { ...withSetters({ [WEB]: "ghcr.io/acme/web:1.2.5" }), images: [update("ghcr.io/acme/web:1.2.4")] };
    const { text: out, changes } = editYaml(text, request);
    expect(out).toBe(text.replace("web:1.2.3", "web:1.2.5").replace("web:1.2.3", "web:1.2.4"));
    expect(changes.map((c) => [c.kind, c.new])).toEqual([
      ["setter", "ghcr.io/acme/web:1.2.5"],
      ["override", "ghcr.io/acme/web:1.2.4"],
    ]);
  });
});
