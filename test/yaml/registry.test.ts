/** What a Helm-style pair's registry field names, as every reader of a pair reads it: none, its text, or unknown. */
import { describe, expect, it } from "vitest";
import { YamlFile } from "../../src/yaml/file.js";
import { mapValue } from "../../src/yaml/node.js";
import { readRegistry } from "../../src/yaml/registry.js";

/** The registry field of `registry: <value>` in the last document of `text` + that line. */
const readIn = (text: string, value: string) => {
  const file = new YamlFile(`${text}registry:${value}\n`);
  const { root } = file.documents[file.documents.length - 1]!;
  return readRegistry(file, root, root?.kind === "map" ? mapValue(root, "registry") : undefined);
};
const read = (value: string) => readIn("", value);

describe("readRegistry", () => {
  it("is none for no field, a key without a value, or YAML's null; a quoted '~' and an empty string are text", () => {
    const file = new YamlFile("registry: ghcr.io\n");
    expect([readRegistry(file, file.documents[0]!.root, undefined), read(""), read(" ~"), read(" null"), read(" !!null x")]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect([read(" '~'"), read(' ""'), read(" ghcr.io")]).toEqual(["~", "", "ghcr.io"]);
  });

  it("is unknown, saying why, for a mapping or list and for a template or substitution filled in after this tool", () => {
    expect([" [ghcr.io]", " {host: ghcr.io}", "\n  host: ghcr.io"].map(read)).toEqual(Array(3).fill({ unknown: "which is no string" }));
    expect([" '{{ .Values.registry }}'", " ${REGISTRY}"].map(read)).toEqual(Array(2).fill({ unknown: "which is filled in after this tool" }));
  });

  it("reads an alias as YAML does: the plain or quoted string anchored in the same document, or its null", () => {
    expect(readIn("defaults: {registry: &reg ghcr.io}\n", " *reg")).toBe("ghcr.io");
    expect(readIn('shared: &reg "quay.io"\n', " *reg")).toBe("quay.io");
    expect(readIn("none: &reg ~\n", " *reg")).toBeUndefined();
    expect(readIn("filled: &reg '{{ .Values.registry }}'\n", " *reg")).toEqual({ unknown: "which is filled in after this tool" });
  });

  it("is unknown for an alias of a mapping or list, of no anchor, or of one anchored in another document", () => {
    const unknown = { unknown: "which is no string" };
    expect(readIn("hosts: &reg [ghcr.io]\n", " *reg")).toEqual(unknown);
    expect(readIn("hosts: &reg {host: ghcr.io}\n", " *reg")).toEqual(unknown);
    expect(read(" *reg")).toEqual(unknown);
    expect(readIn("registry: &reg ghcr.io\n---\n", " *reg")).toEqual(unknown);
  });
});
