/**
 * The splice that fills a mapping key's null value (`image:`, `image: ~`) with new keys and a value, as `--create`
 * does when a path goes on below a key that holds nothing yet: a kustomize or Helm user writes `image:` meaning
 * "a mapping, to be filled in". Like splice.ts's, the edit is byte-minimal: an empty block value gets the keys on
 * lines of their own below its key, which keeps that line (and a comment on it) as it is; a written null (`~`), or
 * any null inside a flow collection, is replaced in place by a flow mapping (`image: {tag: 1.2.3}`).
 */
import type { Splice } from "../text/splice.js";
import type { YamlFile } from "./file.js";
import type { FlowScalar, YamlNode } from "./node.js";
/** A key's null value that a mapping may replace: plain, with no tag or anchor between the key's `:` and it. */
export interface NullValue {
    readonly key: YamlNode;
    readonly node: FlowScalar;
    /** Inside a flow collection, where no line break may start a block mapping. */
    readonly inFlow: boolean;
}
/** `value` under `keys` in place of `target`'s null; the keys nest two spaces deeper each, as splice.ts's pairInsertion nests them. */
export declare function nullFilling(file: YamlFile, target: NullValue, keys: readonly [string, ...string[]], value: string): Splice;
