import type { Splice } from "../text/splice.js";
import type { YamlFile } from "./file.js";
import type { FlowScalar, MapNode, ScalarNode } from "./node.js";
/**
 * The splice that makes `node` hold `value`, in the node's own quoting style where the
 * value allows it; `verbatim`: `value` is YAML source already (a number, say) and is
 * written as it is.
 */
export declare function scalarSplice(file: YamlFile, node: FlowScalar, value: string, inFlow: boolean, verbatim?: boolean): Splice;
/** `!!float` for a scalar tagged with a core-schema type that holds no string (`tag: !!float 1.0`); undefined otherwise (`!!str`, a tag of one's own). */
export declare function coreType(node: ScalarNode): string | undefined;
/**
 * Whether `node` may be set to `value`: always, unless its tag is a core type that holds no string (coreType), which
 * holds only `typed` values (YAML source, see scalarSplice's `verbatim`) that read as that type. A string written
 * there is no longer what it says (`!!float "1.10"` reads 1.1) or is refused by strict readers (`!!float 2.0.0`).
 */
export declare function tagHolds(node: ScalarNode, value: string, typed?: boolean): boolean;
/** The warning of an editor that leaves `node` as it is because its tag cannot hold `value` (tagHolds). */
export declare function tagWarning(subject: string, node: ScalarNode, value: string): string;
/**
 * The splice that adds `key: value` as the last pair of `map`: a new line at the
 * siblings' indentation for a block mapping, `, key: value` after the last value of a flow one.
 * With several keys, the value is nested under them (`a: {b: value}`, or one line per key).
 */
export declare function pairInsertion(file: YamlFile, map: MapNode, keys: readonly [string, ...string[]], value: string): Splice;
