import { type StringStyle } from "./string-literal.js";
import type { Expr } from "./syntax.js";
import { type Tokens } from "./tokenizer.js";
/** What a spec's value denotes. */
export type SpecValue = 
/** One string literal without interpolation, the whole value: `start`/`end` delimit it in the value text. */
{
    readonly kind: "literal";
    readonly tokens: Tokens;
    readonly expr: Expr;
    readonly value: string;
    readonly style: StringStyle;
    readonly start: number;
    readonly end: number;
}
/** A unary or binary operation first (`expr`): the string of the whole text. */
 | {
    readonly kind: "whole-text";
    readonly tokens: Tokens;
    readonly expr: Expr;
}
/** Any other expression, the whole value, and what it is for a message ("an interpolated string", "an expression"). */
 | {
    readonly kind: "expression";
    readonly tokens: Tokens;
    readonly expr: Expr;
    readonly form: string;
}
/**
 * Text KCL cannot read, or of which it keeps only a head (`nginx:1.25` -> `nginx`): `form`
 * names it in a warning, `why` says it in an error.
 */
 | {
    readonly kind: "other";
    readonly form: string;
    readonly why: string;
};
/** The string a string literal denotes; undefined for an interpolated one and any other expression. */
export declare function plainString(tokens: Tokens, expr: Expr): string | undefined;
export declare function readSpecValue(text: string): SpecValue;
