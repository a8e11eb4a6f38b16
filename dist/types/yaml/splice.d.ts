/**
 * Byte-minimal text edits: replace one scalar's source bytes, or add one `key: value`
 * pair to a mapping. Everything outside the spliced range stays byte for byte.
 */
import { Scalar } from "yaml";
import type { YAMLMap } from "yaml";
import type { YamlFile } from "./file.js";
/** Replace `text[start, end)` with `insert`. */
export interface Splice {
    readonly start: number;
    readonly end: number;
    readonly insert: string;
}
/** A scalar we may rewrite: plain or quoted. Block scalars (`|`, `>`) are content, never edited. */
export type FlowScalar = Scalar & {
    type: typeof Scalar.PLAIN | typeof Scalar.QUOTE_SINGLE | typeof Scalar.QUOTE_DOUBLE;
};
export declare function isFlowScalar(node: unknown): node is FlowScalar;
/** The splice that makes `node` hold `value`, in the node's own quoting style where the value allows it. */
export declare function scalarSplice(file: YamlFile, node: FlowScalar, value: string, inFlow: boolean): Splice;
/**
 * The splice that adds `key: value` as the last pair of `map`: a new line at the
 * siblings' indentation for a block mapping, `, key: value` before the `}` of a flow one.
 * With several keys, the value is nested under them (`a: {b: value}`, or one line per key).
 */
export declare function pairInsertion(file: YamlFile, map: YAMLMap, keys: readonly [string, ...string[]], value: string): Splice;
/** Applies non-overlapping splices; returns `text` itself when there are none. */
export declare function applySplices(text: string, splices: readonly Splice[]): string;
