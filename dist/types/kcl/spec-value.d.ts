import type { FieldNamer } from "../field-name.js";
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
 * The hint after advice on writing a spec's quotes or parentheses, for a spec that came through a shell
 * (`fieldName.shell`, a command line's), which takes those of an unquoted argument for its own; nothing
 * for one that reaches the tool as written.
 */
export declare function shellQuoting(fieldName: FieldNamer | undefined): string;
/**
 * A spec's value as KCL reads it whole, or OverrideSpecError saying why it is not and how to
 * write it, the spec given as `fieldName` says (shellQuoting). It depends on the spec alone: `--set` refuses it before any file is read.
 */
export declare function usableSpecValue(spec: OverrideSpec, raw: string, fieldName?: FieldNamer): Exclude<SpecValue, {
    readonly kind: "other";
}>;
/** A setting's value that is one string: what it is, where it is in the setting's text, and how another is written there. */
export type ValueString = {
    readonly string: string;
    /** Where the value is in the setting's text: [start, end). */
    readonly start: number;
    readonly end: number;
    /** The text for another string in its place; the caller reads the new setting back, as KCL may read it otherwise. */
    readonly write: (string: string) => string;
} & WholeText;
/**
 * Set when the whole unquoted text is the string: its form, to name an image in it that is no
 * reference by itself, and what to write for that image to be moved.
 */
export type WholeText = {
    readonly whole?: undefined;
    readonly advice?: undefined;
} | {
    readonly whole: string;
    readonly advice: Advice;
};
/** What to write for an image found in a value that is not edited to be moved, given its reference as found. */
export type Advice = (reference: string) => string;
/**
 * A setting's value that is not one string: its form, and what to write for an image in it to
 * be moved, for a warning; `kcl` when it is a KCL expression, which says itself whether an image in it would move.
 */
export interface ValueForm {
    readonly form: string;
    readonly advice: Advice;
    readonly kcl?: true;
}
/** What a `-O` spec sets. */
export interface SpecSetting {
    readonly path: string;
    /** The value's text, where a warning finds an image of a value that is not edited. */
    readonly text: string;
    readonly value: ValueString | ValueForm;
}
/**
 * What a `-O` spec kept as text (in YAML, in a kcl.mod) sets, as KCL reads it: one string
 * literal, written back in its own quotes, or an unquoted value whose head is an operation
 * (`ghcr.io/acme/app:1.0`), the string of its whole text, written unquoted again; else the
 * form of the value. Undefined for text KCL refuses as a spec and for a spec that sets no
 * string: a delete (`path-`), or a string after `+=`, which appends to lists only.
 */
export declare function specSetting(text: string): SpecSetting | undefined;
