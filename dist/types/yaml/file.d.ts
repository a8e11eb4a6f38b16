import type { ParsedNode, YAMLMap } from "yaml";
import type { ObjectId } from "../change.js";
export interface YamlDocument {
    /** The document's root node; null for an empty document (e.g. only comments). */
    readonly root: ParsedNode | null;
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
    /** Offset where the line holding `offset` starts. */
    lineStart(offset: number): number;
}
/** The string a scalar holds as written (`1.10` stays `1.10`), or undefined for a collection. */
export declare function scalarText(node: unknown): string | undefined;
/** The value node of `key` in a mapping. */
export declare function mapValue(map: YAMLMap, key: string): unknown;
