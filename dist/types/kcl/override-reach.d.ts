import type { ConfigExpr, Expr, Module, Statement } from "./syntax.js";
import { type Tokens } from "./tokenizer.js";
/** Tokens that only lay out lines: what precedes a statement or entry that starts its line. */
export declare const STARTS_LINE: Set<number>;
/** The config a path descends through: a config literal's, or a schema instance's. */
export declare function configOf(expr: Expr): ConfigExpr | undefined;
export declare function namesTarget(s: Statement, name: string): boolean;
/**
 * ` (did you mean 'config'?)`, naming the top-level variable nearest a path's first name that this
 * file has none of (`Config`), among those a statement `reaches` takes binds; nothing when none is near.
 * Nested keys list what is there instead; the top level may hold too many names to list.
 */
export declare function meantTopLevel(module: Module, name: string, reaches: (s: Statement) => boolean): string;
/** What a nested path can start from: `x = {...}`, `x = S {...}`, `x: S {...}`. */
export declare function holdsConfig(s: Statement): boolean;
/**
 * Why `name`, though in this file, is out of a spec's reach: its first statement that
 * `reaches` rejects, or an assignment inside an `if` block. undefined when there is none.
 */
export declare function unreached(module: Module, name: string, reaches: (s: Statement) => boolean): {
    message: string;
    line: number;
} | undefined;
/**
 * What `name` is when this file binds it other than by assignment (a schema, an import alias,
 * a type alias, ...): -O reads it as a variable that is missing and appends one, which KCL then
 * refuses as a name defined twice. undefined when no such statement binds it.
 */
export declare function definition(module: Module, name: string): {
    message: string;
    line: number;
} | undefined;
/**
 * What in a config sets the key a path misses there though -O does not reach it: an `if` entry
 * that sets it, else a `**` unpack that may (reference §1.5). `keys` are the path's keys from the
 * config's level to the missing one, `where` names the config; undefined when there is neither.
 */
export declare function unreachedEntries(tokens: Tokens, config: ConfigExpr, keys: readonly string[], where: string): string | undefined;
