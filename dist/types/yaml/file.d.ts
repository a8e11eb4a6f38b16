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
