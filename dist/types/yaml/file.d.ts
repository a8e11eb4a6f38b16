/**
 * A YAML file parsed once: its documents (node.ts trees with source offsets on every
 * node), the Kubernetes object each document describes, and offset -> line lookups. Every
 * editor reads this; none re-parses or re-stringifies. The common subset of YAML that
 * manifests are written in is read by our own one-pass parser (subset.ts); everything
 * else, and every error, by the `yaml` package, whose nodes are converted to the same tree.
 */
import { LineCounter } from "yaml";
import type { Document } from "yaml";
import type { ObjectId } from "../change.js";
import { type YamlNode } from "./node.js";
export interface YamlDocument {
    /** The document's root node; null for an empty document (e.g. only comments). */
    readonly root: YamlNode | null;
    /** Flux's ObjectIdentifier of the document; fields it does not have are absent. */
    readonly object: ObjectId;
}
export declare class YamlFile {
    readonly text: string;
    readonly documents: readonly YamlDocument[];
    private lines;
    /** Parses `text`; throws SourceError (1-based line and column) when it is not valid YAML. */
    constructor(text: string);
    /** 1-based line of a character offset. */
    lineAt(offset: number): number;
    /** Offset where the line holding `offset` starts; lines end as lineAt counts them. */
    lineStart(offset: number): number;
    private lineIndex;
}
/** The file `text` is, or undefined when it is not valid YAML (a string that may hold YAML, a values file of the tree). */
export declare function tryYamlFile(text: string): YamlFile | undefined;
/**
 * The root node of every document in `text` (null for an empty one); throws SourceError
 * (1-based line and column) when `text` is not valid YAML.
 */
export declare function parseYaml(text: string): readonly (YamlNode | null)[];
/** `parseYaml` by the `yaml` package alone: any YAML, and the errors of what is not. */
export declare function parseWithPackage(text: string): (YamlNode | null)[];
/**
 * The yaml package's documents of `text`, each with its errors, a repeated key's included, and the
 * lines of the parse they come from. The package's own check of unique keys looks for each key among
 * all the keys before it in its mapping (45 s for one mapping of 32,000 keys). A Set finds a repeated
 * key instead; only a text that has one (or two NaN keys, which the package never finds equal) is
 * parsed again with the package's check, so that the error and where it points (at times the value
 * before) stay the same.
 */
export declare function packageDocuments(text: string): {
    readonly documents: Document.Parsed[];
    readonly lines: LineCounter;
};
