import { type OverrideSpec } from "./override-spec.js";
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
 * names it in a warning, `why` says it in an error; `head` is the expression kept and the
 * text dropped after it, `at` where reading fails (UTF-16 index, when it says).
 */
 | {
    readonly kind: "other";
    readonly form: string;
    readonly why: string;
    readonly head?: {
        readonly text: string;
        readonly rest: string;
    };
    readonly at?: number;
};
/** The string a string literal denotes; undefined for an interpolated one and any other expression. */
export declare function plainString(tokens: Tokens, expr: Expr): string | undefined;
export declare function readSpecValue(text: string): SpecValue;
/**
 * A spec's value as KCL reads it whole, or OverrideSpecError saying why it is not and how to
 * write it. It depends on the spec alone: `--set` refuses it before any file is read.
 */
export declare function usableSpecValue(spec: OverrideSpec, raw: string): Exclude<SpecValue, {
    readonly kind: "other";
}>;
