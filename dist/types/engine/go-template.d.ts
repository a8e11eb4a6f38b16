/**
 * A template that does not parse or fails while running, with the (1-based) line it is on and
 * what is wrong there (`reason`), for a caller that says where the template is written.
 */
export declare class TemplateError extends Error {
    readonly reason: string;
    readonly line: number;
    constructor(reason: string, line: number);
}
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
 * Throws TemplateError when `template` does not parse: what can be known without data (a block
 * without {{end}}, a function it lacks), so that a configuration names it before any run renders it.
 */
export declare function checkTemplate(template: string): void;
/** Renders `template` with `data` as dot; throws TemplateError. Exported for tests of the language itself. */
export declare function renderTemplate(template: string, data: unknown): string;
/** Go compares strings by their UTF-8 bytes, which is code point order (JavaScript's `<` compares UTF-16 units). */
export declare function compareStrings(a: string, b: string): number;
