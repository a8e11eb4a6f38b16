import type { AssignStatement, Module, OperationExpr, Statement } from "./syntax.js";
/**
 * Why the editor does not read each operand of an operation: the operator, other than `+` and
 * `|`, of which it is part (`p and "x" or "y"`: `and` for "x", `or` for "y"; `"a" + "b" == c`:
 * `==` for both), precedence applied; undefined for an operand it reads. One pass over the
 * operators for all operands: a chain of thousands of `+` costs no more than its length.
 */
export declare function operatorsOver(operation: OperationExpr): (string | undefined)[];
interface Extent {
    readonly first: number;
    readonly last: number;
}
export declare const holds: (node: Extent, token: number) => boolean;
/**
 * The index of the one of `nodes`, in file order, that holds `token` (-1 for none), found by halves:
 * a file of thousands of statements, or an operation of thousands of operands, is asked about each string left in it.
 */
export declare function holding(nodes: readonly Extent[], token: number): number;
/** The construct holding string token `token`, as a warning names it (`a list comprehension`); undefined where the editor reads it. */
export declare function skippedConstruct(statements: readonly Statement[], token: number): string | undefined;
/**
 * The typed assignments of a module whose type lists string literals (`x: "app:1.2.3" = ...`, or
 * through a `type` alias of the file, `type Web = "app:1.2.3" | "app:1.2.2"`), each with its type
 * as written: KCL refuses any other value there, so the editor leaves the value. The aliases are
 * read once for the whole module, and only when a typed assignment names a type.
 */
export declare function literalTypes(module: Module): Map<AssignStatement, string>;
export {};
