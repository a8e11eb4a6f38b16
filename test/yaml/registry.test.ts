/** What a Helm-style pair's registry field names, as every reader of a pair reads it: none, its text, or unknown. */
import { describe, expect, it } from "vitest";
import { parseYaml } from "../../src/yaml/file.js";
import { mapValue } from "../../src/yaml/node.js";
import { readRegistry } from "../../src/yaml/registry.js";

/** The registry field of `registry: <value>`, read as the readers without a plan read it. */
const read = (value: string) => {
  const root = parseYaml(`registry:${value}\n`)[0];
  return readRegistry(root?.kind === "map" ? mapValue(root, "registry") : undefined);
};

describe("readRegistry", () => {
  it("is none for no field, a key without a value, or YAML's null; a quoted '~' and an empty string are text", () => {
    expect([readRegistry(undefined), read(""), read(" ~"), read(" null"), read(" !!null x")]).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect([read(" '~'"), read(' ""'), read(" ghcr.io")]).toEqual(["~", "", "ghcr.io"]);
  });

  it("is unknown, saying why, for a mapping or list and for a template or substitution filled in after this tool", () => {
    expect([" [ghcr.io]", " {host: ghcr.io}", "\n  host: ghcr.io"].map(read)).toEqual(Array(3).fill({ unknown: "which is no string" }));
    expect([" '{{ .Values.registry }}'", " ${REGISTRY}"].map(read)).toEqual(Array(2).fill({ unknown: "which is filled in after this tool" }));
  });
});
