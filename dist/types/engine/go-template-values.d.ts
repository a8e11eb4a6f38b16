/**
 * Go's values as a commit-message template sees them (go-template.ts): the model of the data,
 * Go's name for a value's type, its truth, and the order Go ranges and prints a map in (fmtsort).
 */
/**
 * A Go map as the data gives it: `zero` is what `index` reads for a key it lacks (Go's zero
 * value of its element type: "" for map[string]string), and `structKeys` says its keys are
 * structs, which no `.Name` reads (Go refuses), even when it is empty. A plain Map is a map of
 * string keys whose zero value is not known: `index` refuses a key it lacks.
 */
export declare class GoMap<K, V> extends Map<K, V> {
    readonly zero: V;
    readonly structKeys: boolean;
    constructor(entries: Iterable<readonly [K, V]>, zero: V, structKeys?: boolean);
}
/**
 * Go's values as a template sees them: `undefined` is Go's invalid value (a key a map lacks,
 * which prints `<no value>`), `null` is nil, numbers are ints, arrays are slices, Maps are maps and
 * other objects are structs (their own fields, and their class's capitalised methods).
 */
export type Value = unknown;
/**
 * A value's type, as Go's errors name it: a class's name (the Go type the data mirrors, as
 * `NamespacedName`), `struct` for a plain object, a slice by its first element, or Go's basic type.
 */
export declare function typeName(value: Value): string;
export declare function isStructKeyed(map: ReadonlyMap<unknown, unknown>): boolean;
export declare function isStruct(value: Value): value is object;
/** A class's own method `name` (capitalised, as Go's exported ones are), not one every object or Map inherits. */
export declare function methodOf(value: Value, name: string): ((this: unknown) => unknown) | undefined;
/**
 * How fmt prints a struct the data holds flattened: Flux's ObjectIdentifier embeds kyaml's
 * TypeMeta and NameMeta, read as fields of its own (`.Kind`) but printed nested
 * (`{{{apps/v1 Deployment} {x ns}}}`). A symbol, so no template reads or calls it as a field
 * or method, as Go's has none: unlike a `String` method (Go's fmt.Stringer, which a template may call).
 */
export declare const GO_PRINT: unique symbol;
/** A struct that says how fmt prints it (GO_PRINT). */
export interface GoPrinted {
    [GO_PRINT](): string;
}
/** Go's notion of "true" for if/with: not false, 0, "", nil, or empty. */
export declare function truth(value: Value): boolean;
/**
 * A map's entries in Go's order (fmtsort): keys compared as Go compares them, structs field by
 * field in the order of their fields. Ranging and printing a map use it, and so does the data
 * that must list a map's entries as Go ranges them (commit-message.ts's Changes()).
 */
export declare function sortedEntries<K, V>(map: ReadonlyMap<K, V>): [K, V][];
/** Go compares strings by their UTF-8 bytes, which is code point order (JavaScript's `<` compares UTF-16 units). */
export declare function compareStrings(a: string, b: string): number;
