/**
 * Property: for generated YAML files (nested mappings and lists, block and flow style,
 * comments, every quoting style, containers with images, Helm pairs, several documents,
 * LF or CRLF), editYaml changes only the bytes of the values it reports, the output parses
 * to the input's data with exactly those values replaced, and a second run changes nothing.
 */
import fc from "fast-check";
import { isMap, isScalar, isSeq, parseAllDocuments } from "yaml";
import type { Node, Scalar } from "yaml";
import { describe, expect, it } from "vitest";
import { editYaml } from "../../src/yaml/editor.js";
import { formatPath } from "../../src/yaml/path.js";
import type { PathSegment } from "../../src/yaml/path.js";
import { yamlFile } from "./generated.js";
import { DIGEST_A, dataOf, withImages } from "./helpers.js";

const request = withImages("nginx:1.10", `ghcr.io/acme/app:2.0.0@${DIGEST_A}`);

/** Every value scalar of every document by `<document>/<path>`. */
function scalarsOf(text: string): Map<string, Scalar> {
  const found = new Map<string, Scalar>();
  const walk = (node: Node | null | undefined, path: PathSegment[], index: number): void => {
    if (isScalar(node)) found.set(`${index}/${formatPath(path)}`, node);
    else if (isMap(node)) node.items.forEach((pair) => walk(pair.value as Node, [...path, String((pair.key as Scalar).value)], index));
    else if (isSeq(node)) node.items.forEach((item, i) => walk(item as Node, [...path, i], index));
  };
  parseAllDocuments(text).forEach((doc, index) => walk(doc.contents, [], index));
  return found;
}

describe("editYaml on generated files", () => {
  it("changes only the reported values' bytes, keeps all other data, and is idempotent", () => {
    fc.assert(
      fc.property(yamlFile, (input) => {
        const before = dataOf(input);
        const result = editYaml(input, request);
        const after = dataOf(result.text);
        const inputScalars = scalarsOf(input);
        const outputScalars = scalarsOf(result.text);

        // Rebuild the output from the input by replacing only the reported values' ranges.
        let rebuilt = "";
        let from = 0;
        let shift = 0; // output offset minus input offset after the last replaced range
        const expected = structuredClone(before) as Record<string, unknown>[];
        const located = result.changes.map((change) => {
          const id = [...inputScalars.keys()].find((key) => key.endsWith(`/${change.key}`) && lineOf(input, inputScalars.get(key)!.range![0]) === change.line);
          expect(id, `change ${change.key} at line ${change.line}`).toBeDefined();
          return { change, id: id!, node: inputScalars.get(id!)!, out: outputScalars.get(id!)! };
        });
        for (const { change, id, node, out } of located.sort((a, b) => a.node.range![0] - b.node.range![0])) {
          expect(String(node.source ?? node.value ?? "")).toBe(change.old);
          expect(out.value).toBe(change.new);
          const [outValueStart, outValueEnd] = out.range!;
          const start = node.range![0] + shift;
          // An empty original (`tag:  # note`) has no bytes: a space may separate the new value from the comment.
          const end = outValueEnd + (node.range![0] === node.range![1] && input[node.range![1]] === "#" ? 1 : 0);
          expect(result.text.slice(start, end).trim()).toBe(result.text.slice(outValueStart, outValueEnd));
          rebuilt += input.slice(from, node.range![0]) + result.text.slice(start, end);
          from = node.range![1];
          shift = end - from;
          setIn(expected, id, change.new);
        }
        expect(rebuilt + input.slice(from)).toBe(result.text);
        expect(after).toEqual(expected);
        expect(editYaml(result.text, request).changes).toEqual([]);
        if (result.changes.length === 0) expect(result.text).toBe(input);
      }),
      { numRuns: 300 },
    );
  });
});

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split("\n").length;
}

/** Sets `value` at a `<document>/<path>` id in the documents' data. */
function setIn(documents: Record<string, unknown>[], id: string, value: string): void {
  const [index, path] = [Number(id.slice(0, id.indexOf("/"))), id.slice(id.indexOf("/") + 1)];
  const segments = path
    .match(/[^.[\]]+|\[\d+\]|\["(?:[^"\\]|\\.)*"\]/g)!
    .map((part) => (part.startsWith('["') ? (JSON.parse(part.slice(1, -1)) as string) : part.startsWith("[") ? Number(part.slice(1, -1)) : part));
  let target = documents[index] as Record<string | number, unknown>;
  for (const segment of segments.slice(0, -1)) target = target[segment] as Record<string | number, unknown>;
  target[segments[segments.length - 1]!] = value;
}
