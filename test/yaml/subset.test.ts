/**
 * The subset parser answers only where it answers like the `yaml` package: the same trees
 * (node kinds, scalar styles and texts, offsets, flow flags), and never for text the
 * package reports an error in. Checked on hand-picked cases, on every YAML file the
 * project and the shared conformance data hold, on generated files and on mutations of
 * all of these.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseWithPackage } from "../../src/yaml/file.js";
import type { YamlNode } from "../../src/yaml/node.js";
import { parseSubset } from "../../src/yaml/subset.js";
import { yamlFile } from "./generated.js";

/** The `yaml` package's reading: the documents' trees, or its error. */
function byPackage(text: string): { documents: (YamlNode | null)[] } | { error: string } {
  try {
    return { documents: parseWithPackage(text) };
  } catch (error) {
    return { error: String(error) };
  }
}

/** True when the subset declines `text`; otherwise expects the package's reading, error-free. */
function agrees(text: string): boolean {
  const documents = parseSubset(text);
  if (documents === undefined) return true;
  expect(byPackage(text), JSON.stringify(text)).toEqual({ documents });
  return false;
}

function yamlFilesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.ya?ml$|^Kustomization$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

const REPO = join(import.meta.dirname, "../..");
const FILES = [...yamlFilesUnder(join(REPO, "test")), ...yamlFilesUnder(join(REPO, "examples")), ...yamlFilesUnder(join(REPO, "../shared/conformance"))].map(
  (path) => ({ path, text: readFileSync(path, "utf8") }),
);

const CONFIG_MAP = `apiVersion: v1
kind: ConfigMap
metadata:
  name: scripts
  annotations:
    description: >-
      Scripts the job runs,
      one per key.
data:
  run.sh: |
    #!/bin/sh
    echo "start\\t$(date)"

    exec /app --config /etc/app.yaml
  keep: |+
    tail

  note: "escaped \\"quote\\" and \\u00e9"
`;

const DEPLOYMENT = `# A Deployment as kubectl and Helm write them
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web, "tier": 'front'}
spec:
  replicas: 2
  template:
    spec:
      containers:
      - name: web
        image: ghcr.io/acme/web:1.0.0 # {"$imagepolicy": "flux-system:web"}
        args: ["--port", 8080, --verbose]
        env:
          - name: EMPTY
            value:
          - name: QUOTED
            value: "it's"   # trailing comment
        resources: {}
---
apiVersion: v1
kind: Service
metadata: {name: web}
`;

describe("parseSubset", () => {
  it("reads a typical manifest the way the yaml package does", () => {
    expect(agrees(DEPLOYMENT)).toBe(false);
    expect(agrees(DEPLOYMENT.replaceAll("\n", "\r\n"))).toBe(false);
    expect(agrees(CONFIG_MAP)).toBe(false);
  });

  it.each([
    ["no documents", ""],
    ["only comments", "# one\n  # two\n"],
    ["empty explicit documents", "---\n--- \n--- # note\n"],
    ["a document after a marker with a comment", "--- # first\na: 1\n---\nb: 2\n"],
    ["empty values", "a:\nb:   \nc:  # note\nd: x\n"],
    ["empty values at the end", "a:"],
    ["empty list items", "- \n-\n- # note\n- x\n"],
    ["a list at its key's indentation", "a:\n- x\n- y: 1\n  z: 2\nb: 3\n"],
    ["nested lists and maps", "a:\n  - b:\n      - 1\n      - c: d\n    e: f\n"],
    ["a list item whose map opens on the next line", "-\n  a: 1\n"],
    ["quoted keys and values", "\"a b\": 'c''d'\n'e': \"f # g\"\n"],
    ["keys with dots, slashes and colons", "app.kubernetes.io/name: x\nhttp://x: y\na:b: c\n"],
    ["plain values with inner colons and hashes", "a: http://x:80/#frag\nb: c#d\n"],
    ["flow collections", "a: [x, 'y', \"z\", [1, 2], {k: v}]\nb: {c: d, e: [f],}\nc: []\nd: {}\n"],
    ["comments between entries at any indentation", "a:\n# here\n    # there\n  b: 1\n"],
    ["tabs after values", "a: 1\t# note\nb:\tc\n"],
    ["double-quoted escapes", 'a: "tab\\there \\"quoted\\" \\u00e9 \\x41 \\\\"\n'],
    ["literal block scalars, every chomping", "a: |\n  one\n\n  # not a comment\nb: |-\n  two\n\nc: |+\n  three\n\n# a comment\nd: 1\n"],
    ["folded block scalars", "a: > # note\n  one\n  two\n\n  three\nb: >-\n  four\n"],
    ["block scalars in lists, with CRLF", "- |\r\n  one\r\n- >\r\n  two\r\n  three\r\n"],
    ["keys that only start with dots", "a: 1\n...: 2\nb:\n  ... c: 3\n"],
  ])("reads %s like the yaml package", (_, text) => {
    expect(agrees(text)).toBe(false);
  });

  it.each([
    ["an anchor and an alias", "a: &x 1\nb: *x\n"],
    ["a tag", "a: !!str 1\n"],
    ["a multi-line plain scalar", "a: one\n  two\n"],
    ["a multi-line flow collection", "a: [1,\n  2]\n"],
    ["an explicit key", "? a\n: 1\n"],
    ["a directive", "%YAML 1.2\n---\na: 1\n"],
    ["a document end marker", "a: 1\n...\n"],
    ["a multi-line quoted scalar", 'a: "one\n  two"\n'],
    ["a byte order mark", "\uFEFFa: 1\n"],
    ["a scalar document", "just text\n"],
    ["an indented root", "  a: 1\n"],
    ["a key that reads as a number", "80: http\n"],
    ["a key that reads as a boolean", "true: 1\n"],
    ["a key that reads as null", "~: 1\n"],
    ["a key that reads as infinity", "-.inf: 1\n"],
    ["a scalar on the line after its key", "a:\n  b\n"],
    ["a block scalar with an indentation indicator", "a: |2\n   text\n"],
    ["a folded block scalar with more-indented lines", "a: >\n  one\n    two\n"],
    ["an empty block scalar", "a: |\nb: 1\n"],
    ["collections nested deeper than real files", `a: ${"[".repeat(201)}${"]".repeat(201)}\n`],
    ["a pair in a flow sequence", "a: [b: c]\n"],
    ["a control character", "a: b\u0001\n"],
  ])("leaves %s to the yaml package, which reads it", (_, text) => {
    expect(parseSubset(text)).toBeUndefined();
    expect(byPackage(text)).toHaveProperty("documents");
  });

  it.each([
    ["a duplicate key", "a: 1\na: 2\n"],
    ["a duplicate key in a flow mapping", "a: {b: 1, 'b': 2}\n"],
    // Past 16 keys, a mapping's keys are looked up another way.
    ["a duplicate key in a long mapping", `${Array.from({ length: 20 }, (_, i) => `k${i}: ${i}\n`).join("")}k3: again\n`],
    ["a duplicate key in a long flow mapping", `a: {${Array.from({ length: 20 }, (_, i) => `k${i}: ${i}`).join(", ")}, k19: again}\n`],
    ["a nested mapping on one line", "a: b: c\n"],
    ["a list entry after a value", "a: - b\n"],
    ["a comment without a space", 'a: "b"#c\n'],
    ["an unclosed flow collection", "a: [b\n"],
    ["an empty flow entry", "a: [b,,c]\n"],
    ["a list after a mapping at the same indentation", "a: 1\n- b\n"],
    ["a key deeper than its siblings", "a: 1\n  b: 2\n"],
    ["a tab in the indentation", "a:\n\tb: 1\n"],
    ["a lone carriage return", "a: 1\rb: 2\n"],
    ["an unknown escape", 'a: "\\q"\n'],
    ["a block scalar less indented than its key", "a:\n  b: |\n x\n"],
    ["a key whose colon is over 1024 characters from its start", `${"k".repeat(1020)}     : v\n`],
    ["a document end marker with more on its line", "image: ghcr.io/acme/app:1.0.0\n... b: 2\n"],
  ])("declines %s, which the yaml package reports as an error", (_, text) => {
    expect(parseSubset(text)).toBeUndefined();
    expect(byPackage(text)).toHaveProperty("error");
  });

  it("reads every YAML file of the project and the conformance data like the yaml package, or declines it", () => {
    const declined = FILES.filter(({ text }) => agrees(text)).map(({ path }) => path);
    expect(FILES.length).toBeGreaterThan(20);
    // Most real files are in the subset; the declined ones use anchors, block scalars and the like.
    expect(declined.length).toBeLessThan(FILES.length / 2);
  });

  it("reads generated files like the yaml package, or declines them", () => {
    let read = 0;
    fc.assert(
      fc.property(yamlFile, (text) => {
        if (!agrees(text)) read++;
      }),
      { numRuns: 500 },
    );
    // Escapes in double quotes (`"x\ty"`, `"multi\nline"`) are declined; the rest is read.
    expect(read).toBeGreaterThan(100);
  });

  it("never accepts a mutated file the yaml package reads otherwise", () => {
    const seeds = [DEPLOYMENT, CONFIG_MAP, ...FILES.map(({ text }) => text).filter((text) => parseSubset(text) !== undefined)];
    const pieces = [
      " ",
      "  ",
      "\t",
      "\n",
      "\r\n",
      "\r",
      "-",
      "- ",
      ":",
      ": ",
      "#",
      " #",
      "'",
      '"',
      "[",
      "]",
      "{",
      "}",
      ",",
      "---\n",
      "&a ",
      "*a",
      "!",
      "|",
      ">",
      "|-",
      ">+",
      "?",
      "a",
      "\\",
      "\\x",
      "\\u00",
      "\u0000",
      "\uFEFF",
      "é",
    ];
    const edit = fc.record({ at: fc.nat(), remove: fc.integer({ min: 0, max: 3 }), insert: fc.constantFrom("", ...pieces) });
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.array(edit, { minLength: 1, maxLength: 4 }), (seed, edits) => {
        let text = seed;
        for (const { at, remove, insert } of edits) {
          const i = at % (text.length + 1);
          text = text.slice(0, i) + insert + text.slice(i + remove);
        }
        agrees(text);
      }),
      { numRuns: 4000 },
    );
  });
});
