import type { Expr, Module } from "./syntax.js";
import { type Tokens } from "./tokenizer.js";
/** Parse a whole KCL file; throws SourceError (line, column) when it does not tokenize or parse. */
export declare function parseKcl(text: string): Module;
/**
 * Parse the first KCL expression of a text (an override value), like KCL's parse_expr.
 * `complete` tells whether the expression is all of the text.
 */
export declare function parseKclExpression(text: string): {
    readonly tokens: Tokens;
    readonly expr: Expr;
    readonly complete: boolean;
};
