/**
 * A YAML file parsed once: its documents (with source offsets on every node), the
 * Kubernetes object each document describes, and offset -> line lookups. Every editor
 * reads this; none re-parses or re-stringifies. The common subset of YAML that manifests
 * are written in is read by our own one-pass parser (subset.ts); everything else, and
 * every error, by the `yaml` package.
 */
import { parseAllDocuments, isMap, isScalar } from "yaml";
import type { Document, ParsedNode, YAMLMap } from "yaml";
import { SourceError } from "../change.js";
import type { ObjectId } from "../change.js";
import { LineIndex } from "../text/line-index.js";
import { parseSubset } from "./subset.js";

export interface YamlDocument {
  /** The document's root node; null for an empty document (e.g. only comments). */
  readonly root: ParsedNode | null;
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
    return (this.lines ??= new LineIndex(this.text)).lineAt(offset);
  }

  /** Offset where the line holding `offset` starts. */
  lineStart(offset: number): number {
    return this.text.lastIndexOf("\n", offset - 1) + 1;
  }
}

/**
 * The root node of every document in `text` (null for an empty one); throws SourceError
 * (1-based line and column) when `text` is not valid YAML.
 */
export function parseYaml(text: string): readonly (ParsedNode | null)[] {
  const subset = parseSubset(text);
  if (subset) return subset;
  const parsed = parseAllDocuments(text);
  const documents: Document.Parsed[] = Array.isArray(parsed) ? parsed : [];
  for (const document of documents) {
    const error = document.errors[0];
    if (error) {
      const at = error.linePos?.[0];
      // The message ends with its own position and a source excerpt; the position travels separately.
      const message = error.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
      throw new SourceError(`not valid YAML: ${message}`, at?.line, at?.col);
    }
  }
  return documents.map((document) => document.contents);
}

/** The string a scalar holds as written (`1.10` stays `1.10`), or undefined for a collection. */
export function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  return node.source ?? (node.value === null ? "" : String(node.value));
}

/** The value node of `key` in a mapping. */
export function mapValue(map: YAMLMap, key: string): unknown {
  return map.items.find((pair) => scalarText(pair.key) === key)?.value;
}

function objectOf(root: ParsedNode | null): ObjectId {
  if (!isMap(root)) return {};
  const metadata = mapValue(root, "metadata");
  const fields = {
    apiVersion: scalarText(mapValue(root, "apiVersion")),
    kind: scalarText(mapValue(root, "kind")),
    namespace: isMap(metadata) ? scalarText(mapValue(metadata, "namespace")) : undefined,
    name: isMap(metadata) ? scalarText(mapValue(metadata, "name")) : undefined,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined && value !== ""));
}
