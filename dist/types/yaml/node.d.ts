/**
 * The YAML tree the editors read: for every node its kind, where its source starts and
 * where its value ends, and for a scalar its style and its text as written (`1.10` stays
 * `1.10`: an image tag is text, never a number). Both parsers build it: the subset parser
 * directly, the `yaml` package's documents by conversion (file.ts). Plain objects, so a
 * parse allocates little and nothing here knows which parser ran.
 */
/** How a scalar is written: plain, 'single', "double", `|` literal or `>` folded. */
export type ScalarStyle = "plain" | "single" | "double" | "literal" | "folded";
interface Span {
    /** Offset of the node's first character (a collection: its first key, `-` or bracket). */
    readonly start: number;
    /** Offset just after the node's value (a flow collection: after its closing bracket). */
    readonly end: number;
}
export interface ScalarNode extends Span {
    readonly kind: "scalar";
    readonly style: ScalarStyle;
    /** The value as text: quotes and escapes resolved, "" for an empty value. */
    readonly text: string;
    /** An explicit tag, resolved (`!!float` is `tag:yaml.org,2002:float`); absent without one. */
    readonly tag?: string;
}
export interface PairNode {
    /** A scalar, or a collection for a complex (`? ...`) key. */
    readonly key: YamlNode;
    /** Null only for an explicit key without a value (`? a`). */
    readonly value: YamlNode | null;
}
export interface MapNode extends Span {
    readonly kind: "map";
    /** Written `{...}`, where `,[]{}` end a plain scalar. */
    readonly flow: boolean;
    readonly pairs: readonly PairNode[];
}
export interface SeqNode extends Span {
    readonly kind: "seq";
    /** Written `[...]`. */
    readonly flow: boolean;
    readonly items: readonly YamlNode[];
}
/** `*name`: never followed by the editors; the anchored value is edited where it is written. */
export interface AliasNode extends Span {
    readonly kind: "alias";
}
export type YamlNode = ScalarNode | MapNode | SeqNode | AliasNode;
/** A scalar the editors may rewrite: plain or quoted. Block scalars (`|`, `>`) are content, never edited. */
export type FlowScalar = ScalarNode & {
    readonly style: "plain" | "single" | "double";
};
export declare function isFlowScalar(node: YamlNode | null | undefined): node is FlowScalar;
/** The text of a scalar, or undefined for anything else. */
export declare function scalarText(node: YamlNode | null | undefined): string | undefined;
/** The value node of `key` in a mapping (undefined when the mapping has no such key). */
export declare function mapValue(map: MapNode, key: string): YamlNode | null | undefined;
/** The node at a path of mapping keys and list indexes (undefined when the path is not there). */
export declare function nodeAt(root: YamlNode | null, path: readonly (string | number)[]): YamlNode | null | undefined;
export {};
