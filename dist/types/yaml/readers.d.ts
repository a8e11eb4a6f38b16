import type { YamlFile } from "./file.js";
import { type AliasNode, type MapNode, type YamlNode } from "./node.js";
import type { PathSegment } from "./path.js";
/** A mapping as the editors visit it: its path, whether it is inside a flow collection, and its document's root. */
export interface PlacedMap {
    readonly map: MapNode;
    readonly path: readonly PathSegment[];
    readonly inFlow: boolean;
    readonly root: YamlNode | null;
}
/** A mapping that reads another mapping's field. */
export interface Reader extends PlacedMap {
    /** The key it reads the field as: the same key through its merge key, an alias's own key (`version: *t`). */
    readonly key: string;
    /** The alias it reads the field by, at its key; absent: through its merge key. */
    readonly alias?: AliasNode;
    /** Where it says so: its merge key (`<<`), or the alias. */
    readonly at: number;
}
/** readersOf the field whose value `node` is: none when it is no pair's value. */
export declare function readersOfValue(file: YamlFile, node: YamlNode): Reader[];
/**
 * Every mapping that reads `map`'s field `key` besides `map`, or would read it once added there when `map` has
 * no such key: the mappings merging it (each once, in no set order), the pairs aliasing its value, and the
 * mappings merging those.
 */
export declare function readersOf(file: YamlFile, map: MapNode, key: string): Reader[];
