/**
 * Where in a KCL file a string sits that the image editor never reads, for the warning about
 * an old image left there: the outermost construct around it that the parser skipped (a
 * lambda, a list comprehension, a schema definition, ...), or the part of a literal the walk
 * passes over (a config key, an `if` condition). The editor reads the values of assignments
 * and of config, schema and list literals, and nothing else.
 */
import type { Statement } from "./syntax.js";
/** The construct holding string token `token`, as a warning names it (`a list comprehension`); undefined where the editor reads it. */
export declare function skippedConstruct(statements: readonly Statement[], token: number): string | undefined;
