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
export class GoMap<K, V> extends Map<K, V> {
  constructor(
    entries: Iterable<readonly [K, V]>,
    readonly zero: V,
    readonly structKeys = false,
  ) {
    super(entries);
  }
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
export function typeName(value: Value): string {
  if (Array.isArray(value)) return `[]${value.length > 0 ? typeName(value[0]) : "interface {}"}`;
  if (value instanceof Map) return "map";
  if (value === null || value === undefined) return "nil";
  if (typeof value === "object") return value.constructor === Object || value.constructor === undefined ? "struct" : value.constructor.name;
  if (typeof value === "number") return "int";
  return typeof value === "boolean" ? "bool" : typeof value;
}

export function isStructKeyed(map: ReadonlyMap<unknown, unknown>): boolean {
  return map instanceof GoMap ? map.structKeys : [...map.keys()].some(isStruct);
}

export function isStruct(value: Value): value is object {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Map);
}

/** A class's own method `name` (capitalised, as Go's exported ones are), not one every object or Map inherits. */
export function methodOf(value: Value, name: string): ((this: unknown) => unknown) | undefined {
  if (typeof value !== "object" || value === null || !/^[A-Z]/.test(name)) return undefined;
  for (
    let proto: unknown = Object.getPrototypeOf(value);
    proto && proto !== Object.prototype && proto !== Map.prototype;
    proto = Object.getPrototypeOf(proto)
  ) {
    const method: unknown = Object.getOwnPropertyDescriptor(proto, name)?.value;
    if (typeof method === "function") return method as (this: unknown) => unknown;
  }
  return undefined;
}

/**
 * How fmt prints a struct the data holds flattened: Flux's ObjectIdentifier embeds kyaml's
 * TypeMeta and NameMeta, read as fields of its own (`.Kind`) but printed nested
 * (`{{{apps/v1 Deployment} {x ns}}}`). A symbol, so no template reads or calls it as a field
 * or method, as Go's has none: unlike a `String` method (Go's fmt.Stringer, which a template may call).
 */
export const GO_PRINT: unique symbol = Symbol("go-print");

/** A struct that says how fmt prints it (GO_PRINT). */
export interface GoPrinted {
  [GO_PRINT](): string;
}

/** Go's notion of "true" for if/with: not false, 0, "", nil, or empty. */
export function truth(value: Value): boolean {
  if (value instanceof Map) return value.size > 0;
  if (Array.isArray(value)) return value.length > 0;
  return value !== undefined && value !== null && value !== false && value !== 0 && value !== "";
}

/**
 * A map's entries in Go's order (fmtsort): keys compared as Go compares them, structs field by
 * field in the order of their fields. Ranging and printing a map use it, and so does the data
 * that must list a map's entries as Go ranges them (commit-message.ts's Changes()).
 */
export function sortedEntries<K, V>(map: ReadonlyMap<K, V>): [K, V][] {
  return [...map].sort(([a], [b]) => compareKeys(a, b));
}

/** Go's fmtsort comparison of two map keys of one type: strings by bytes, ints, bools, structs field by field. */
function compareKeys(a: Value, b: Value): number {
  if (typeof a === "string" && typeof b === "string") return compareStrings(a, b);
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "boolean" && typeof b === "boolean") return Number(a) - Number(b);
  if (isStruct(a) && isStruct(b)) {
    const [as, bs] = [Object.values(a), Object.values(b)];
    for (let k = 0; k < Math.min(as.length, bs.length); k++) {
      const c = compareKeys(as[k], bs[k]);
      if (c !== 0) return c;
    }
    return as.length - bs.length;
  }
  return 0;
}

/** Go compares strings by their UTF-8 bytes, which is code point order (JavaScript's `<` compares UTF-16 units). */
export function compareStrings(a: string, b: string): number {
  const [as, bs] = [[...a], [...b]];
  for (let k = 0; k < Math.min(as.length, bs.length); k++) {
    const d = as[k]!.codePointAt(0)! - bs[k]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return as.length - bs.length;
}
