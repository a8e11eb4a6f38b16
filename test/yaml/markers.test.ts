/** Flux setter markers in YAML: which comment marks a scalar, the four setter forms, and the warnings (the grammar: test/image/marker.test.ts). */
import { describe, expect, it } from "vitest";
import { runEditors } from "../../src/yaml/editor.js";
import { YamlFile } from "../../src/yaml/file.js";
import { editMarkers, markerComment } from "../../src/yaml/markers.js";
import type { ScalarNode } from "../../src/yaml/node.js";
import { forEachValue } from "../../src/yaml/walk.js";
import type { EditRequest } from "../../src/change.js";
import { DIGEST_A, DIGEST_B, dataOf, numericVersions, update, withSetters } from "./helpers.js";

const edit = (text: string, request: EditRequest) => runEditors(text, request, [editMarkers]);

describe("markerComment", () => {
  /** The marker comment of the scalar whose value is `value`. */
  const commentOf = (text: string, value: string) => {
    let found: ScalarNode | undefined;
    for (const { root } of new YamlFile(text).documents)
      forEachValue(root, ({ node }) => void (node.kind === "scalar" && node.text === value && (found = node)));
    return markerComment(text, found!);
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

  it("prefers the line comment over the head comment", () => {
    expect(commentOf("list:\n  # head\n  - a:1 # line\n", "a:1")).toBe("# line");
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

  it("empties a :digest field when the tag moves on without a digest (the old digest pins the old tag)", () => {
    const text = `tag: "1.0" # {"$imagepolicy": "ns:app:tag"}\ndigest: ${DIGEST_A} # {"$imagepolicy": "ns:app:digest"}\n`;
    const { text: out } = edit(text, withSetters({ "ns:app": "app:1.1" }));
    expect(out).toBe(`tag: "1.1" # {"$imagepolicy": "ns:app:tag"}\ndigest: "" # {"$imagepolicy": "ns:app:digest"}\n`);
  });

  it("keeps a :digest field when the tag is already current and no digest comes", () => {
    const text = `tag: "1.1" # {"$imagepolicy": "ns:app:tag"}\ndigest: ${DIGEST_A} # {"$imagepolicy": "ns:app:digest"}\n`;
    expect(edit(text, withSetters({ "ns:app": "app:1.1" })).text).toBe(text);
  });

  it("does not half-apply a refused downgrade: :name and :digest follow the :tag decision, and the :tag field says why", () => {
    const text = `repository: old/app # {"$imagepolicy": "ns:app:name"}\ntag: "2.0" # {"$imagepolicy": "ns:app:tag"}\n`;
    const request = withSetters({ "ns:app": update("new/app:1.5", numericVersions) });
    const why = "keeps 2.0, which its policy (highest dotted number) ranks above the incoming 1.5 (allow-downgrade sets it anyway)";
    expect(edit(text, request)).toEqual({ text, changes: [], warnings: [{ line: 2, message: `Flux setter "ns:app:tag" ${why}` }] });
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
});
