/**
 * The key a value is written under, and the other keys of its mapping, read from the lines around
 * it without a parse: the spelling screen (image-spelling.ts) asks it of a word that may or may not
 * be an image (`name: app`, a container's name, against `repository: app` beside a `registry:`), in
 * files it has not parsed and may never parse. A YAML block or flow mapping, JSON and a KCL config
 * (`key = value`, `key: value`) read alike; a value with no key before it on its line has none.
 */
/** The key a value is written under, with the rest of its line and, read on demand, its mapping's keys. */
export interface HoldingKey {
    readonly key: string;
    /** The value's line from the value on: where a marker comment (`# {"$imagepolicy": …}`) would be. */
    readonly rest: string;
    /** Each key of the mapping holding the value (its own too), with its value as written on the key's line, unquoted. */
    siblings(): ReadonlyMap<string, string>;
}
/** The key the value starting at `at` is written under, or undefined when its line writes none before it. */
export declare function holdingKey(text: string, at: number): HoldingKey | undefined;
