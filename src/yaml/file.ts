/**
 * A YAML file parsed once: its documents (node.ts trees with source offsets on every
 * node), the Kubernetes object each document describes, and offset -> line lookups. Every
 * editor reads this; none re-parses or re-stringifies. The common subset of YAML that
 * manifests are written in is read by our own one-pass parser (subset.ts); everything
 * else, and every error, by the `yaml` package, whose nodes are converted to the same tree.
 */
import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, Scalar } from "yaml";
import type { Document, Node, Pair } from "yaml";
import { SourceError } from "../change.js";
import type { ObjectId } from "../change.js";
import { LineIndex } from "../text/line-index.js";
import { mapValue, scalarText, type ScalarNode, type ScalarStyle, type YamlNode } from "./node.js";
import { parseSubset } from "./subset.js";

export interface YamlDocument {
  /** The document's root node; null for an empty document (e.g. only comments). */
  readonly root: YamlNode | null;
  /** Flux's ObjectIdentifier of the document; fields it does not have are absent. */
  readonly object: ObjectId;
}

export class YamlFile {
  readonly documents: readonly YamlDocument[];
  private lines: LineIndex | undefined;

  /** Parses `text`; throws SourceError (1-based line and column) when it is not valid YAML. */
  constructor(readonly text: string) {
    this.documents = parseYaml(text).map((root) => ({ root, object: objectOf(root) }));
  }

  /** 1-based line of a character offset. */
  lineAt(offset: number): number {
    return this.lineIndex().lineAt(offset);
  }

  /** 1-based column of a character offset, on lines as lineAt counts them; a leading byte order mark is no column. */
  columnAt(offset: number): number {
    return this.lineIndex().columnAt(offset);
  }

  private lineIndex(): LineIndex {
    return (this.lines ??= new LineIndex(this.text));
  }
}

/** The file `text` is, or undefined when it is not valid YAML (a string that may hold YAML, a values file of the tree). */
export function tryYamlFile(text: string): YamlFile | undefined {
  try {
    return new YamlFile(text);
  } catch (error) {
    if (error instanceof SourceError) return undefined;
    throw error;
  }
}

/**
 * The root node of every document in `text` (null for an empty one); throws SourceError
 * (1-based line and column) when `text` is not valid YAML.
 */
export function parseYaml(text: string): readonly (YamlNode | null)[] {
  return parseSubset(text) ?? parseWithPackage(text);
}

/** `parseYaml` by the `yaml` package alone: any YAML, and the errors of what is not. */
export function parseWithPackage(text: string): (YamlNode | null)[] {
  const { documents, lines } = packageDocuments(text);
  for (const document of documents) {
    const error = document.errors[0];
    if (error) {
      const at = lines.linePos(errorOffset(text, error.pos[0]));
      // The message ends with its own position and a source excerpt; the position travels separately.
      const message = error.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
      // The package catches its own stack overflow on a file nested thousands deep and reports it as the file's error.
      const said = /call stack/i.test(message) ? `nested too deep to read (${message})` : `not valid YAML: ${message}`;
      throw new SourceError(said, at.line, at.col);
    }
  }
  return documents.map((document) => document.contents && toNode(document.contents));
}

/**
 * Where an error the yaml package found at `offset` of `text` is said: an error at the end of the input (an unclosed
 * bracket or quote) just past the last character of the last line with content, not on the line a final line break
 * (or blank lines) would start, which no editor shows as the file's. An error inside the text stays where it is, one
 * on a blank line too.
 */
function errorOffset(text: string, offset: number): number {
  return offset >= text.length ? text.trimEnd().length : offset;
}

/**
 * The yaml package's documents of `text`, each with its errors, a repeated key's included, and the
 * lines of the parse they come from. The package's own check of unique keys looks for each key among
 * all the keys before it in its mapping (45 s for one mapping of 32,000 keys). A Set finds a repeated
 * key instead; only a text that has one (or two NaN keys, which the package never finds equal) is
 * parsed again with the package's check, so that the error and where it points (at times the value
 * before) stay the same.
 */
export function packageDocuments(text: string): PackageParse {
  const linear = packageParse(text, false);
  return linear.documents.some((document) => repeatsKey(document.contents)) ? packageParse(text, true) : linear;
}

/** The yaml package's documents of a text, and the lines of the parse they come from. */
export interface PackageParse {
  readonly documents: Document.Parsed[];
  readonly lines: LineCounter;
}

/**
 * The yaml package's parse of `text` (with its check of unique keys or without), a leading byte order mark read as YAML
 * reads it. The mark is no content and no column (YAML 1.2 §5.2; go-yaml, kustomize's and Flux's reader, skips it), but
 * the package counts it as one: a root list after it, or a root indented under it, reads as misplaced. Read as a line
 * break instead, which keeps every offset; the lines counted leave that break out, so they and their columns are the text's own.
 */
export function packageParse(text: string, uniqueKeys: boolean): PackageParse {
  const marked = text.startsWith("\uFEFF");
  const lines = new LineCounter();
  if (marked) {
    // The break in the mark's place ends no line: line 1 starts past it, where its first column is; the mark is on it too.
    lines.addNewLine = (offset) => (offset === 0 ? lines.lineStarts.length : lines.lineStarts.push(offset));
    const { linePos } = lines;
    lines.linePos = (offset) => linePos(Math.max(offset, 1));
  }
  const parsed = parseAllDocuments(marked ? `\n${text.slice(1)}` : text, { uniqueKeys, lineCounter: lines });
  return { documents: Array.isArray(parsed) ? parsed : [], lines };
}

/** Whether a mapping under `node` has a key equal to one before it as the package's check compares them: scalars by resolved value (`1`, `0x1`). */
function repeatsKey(node: unknown): boolean {
  if (isPair(node)) return repeatsKey(node.key) || repeatsKey(node.value);
  if (!isCollection(node)) return false;
  if (isMap(node)) {
    const keys = new Set<unknown>();
    for (const { key } of node.items) {
      if (!isScalar(key)) continue;
      if (keys.has(key.value)) return true;
      keys.add(key.value);
    }
  }
  return node.items.some(repeatsKey);
}

const STYLES: Record<string, ScalarStyle> = {
  [Scalar.PLAIN]: "plain",
  [Scalar.QUOTE_SINGLE]: "single",
  [Scalar.QUOTE_DOUBLE]: "double",
  [Scalar.BLOCK_LITERAL]: "literal",
  [Scalar.BLOCK_FOLDED]: "folded",
};

/**
 * A `yaml` package node as our tree; a scalar's text is its source (`1.10` stays `1.10`).
 * A block collection ends where its last value does (the package's range runs on over
 * the line break and comments after it).
 */
function toNode(node: Node): YamlNode {
  const [start, end] = node.range!;
  if (isScalar(node)) {
    const text = node.source ?? (node.value === null ? "" : String(node.value));
    const scalar: ScalarNode = { kind: "scalar", style: STYLES[node.type ?? Scalar.PLAIN] ?? "plain", text, start, end };
    // Recorded only where written (`!!float 1.0`): an editor must not write a string there (splice.ts tagHolds).
    return node.tag === undefined ? scalar : { ...scalar, tag: node.tag };
  }
  if (isMap(node)) {
    const pairs = node.items.map((pair) => ({ key: toNode(pair.key as Node), value: pair.value ? toNode(pair.value as Node) : null }));
    const last = pairs[pairs.length - 1];
    const flow = node.flow === true;
    return { kind: "map", flow, start, end: flow || !last ? end : (last.value ?? last.key).end, pairs };
  }
  if (isSeq(node)) {
    // `!!omap` and `!!pairs` hold each `- key: value` item as a bare pair, with no range of its own: read it as the one-pair mapping it is written as.
    const items = node.items.map((item) => (isPair(item) ? pairNode(item) : toNode(item as Node)));
    const flow = node.flow === true;
    return { kind: "seq", flow, start, end: flow || items.length === 0 ? end : items[items.length - 1]!.end, items };
  }
  if (isAlias(node)) return { kind: "alias", start, end };
  throw new Error(`unexpected YAML node at offset ${start}`);
}

function pairNode(pair: Pair): YamlNode {
  const key = toNode(pair.key as Node);
  const value = pair.value ? toNode(pair.value as Node) : null;
  return { kind: "map", flow: false, start: key.start, end: (value ?? key).end, pairs: [{ key, value }] };
}

function objectOf(root: YamlNode | null): ObjectId {
  const object: { -readonly [K in keyof ObjectId]: ObjectId[K] } = {};
  if (root?.kind !== "map") return object;
  // Built field by field: this runs for every document of every file the screen keeps.
  const set = (field: keyof ObjectId, node: YamlNode | null | undefined) => {
    const value = scalarText(node);
    if (value !== undefined && value !== "") object[field] = value;
  };
  set("apiVersion", mapValue(root, "apiVersion"));
  set("kind", mapValue(root, "kind"));
  const metadata = mapValue(root, "metadata");
  if (metadata?.kind === "map") {
    set("namespace", mapValue(metadata, "namespace"));
    set("name", mapValue(metadata, "name"));
  }
  return object;
}
