import type { Splice } from "../text/splice.js";
import type { YamlFile } from "./file.js";
import type { FlowScalar, MapNode } from "./node.js";
/**
 * The splice that makes `node` hold `value`, in the node's own quoting style where the
 * value allows it; `verbatim`: `value` is YAML source already (a number, say) and is
 * written as it is.
 */
export declare function scalarSplice(file: YamlFile, node: FlowScalar, value: string, inFlow: boolean, verbatim?: boolean): Splice;
/**
 * The splice that adds `key: value` as the last pair of `map`: a new line at the
 * siblings' indentation for a block mapping, `, key: value` before the `}` of a flow one.
 * With several keys, the value is nested under them (`a: {b: value}`, or one line per key).
 */
export declare function pairInsertion(file: YamlFile, map: MapNode, keys: readonly [string, ...string[]], value: string): Splice;
