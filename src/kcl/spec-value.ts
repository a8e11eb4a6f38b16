/**
 * The value of a KCL `-O` spec, read as KCL's build_expr_from_string reads it
 * (crates/query/src/override.rs, reference/kcl-override.md §1.5): parse_expr takes the
 * first expression and ignores what follows, errors included; a unary or binary operation
 * first stands for the string of the whole text (`kcllang/flask_demo:abc` ->
 * "kcllang/flask_demo:abc"). `--set` refuses a value KCL would misread; the editors of specs
 * kept in YAML and in a kcl.mod read them through specSetting and name it in a warning.
 */
import { SourceError } from "../change.js";
import type { FieldNamer } from "../field-name.js";
import { LineIndex } from "../text/line-index.js";
import { Keyword, keywordAt } from "./keywords.js";
import { nodeText } from "./nodes.js";
import { OverrideSpecError, parseOverrideSpec, type OverrideSpec } from "./override-spec.js";
import { parenthesizedConstant } from "./parenthesized.js";
import { parseKclExpression } from "./parser.js";
import { readStringLiteral, stringLiteralValue, writeStringLiteral, type StringStyle } from "./string-literal.js";
import type { Expr } from "./syntax.js";
import { StringFlag, type Tokens } from "./tokenizer.js";

/** What a spec's value denotes. */
export type SpecValue =
  /** One string literal without interpolation, the whole value: `start`/`end` delimit it in the value text. */
  | {
      readonly kind: "literal";
      readonly tokens: Tokens;
      readonly expr: Expr;
      readonly value: string;
      readonly style: StringStyle;
      readonly start: number;
      readonly end: number;
    }
  /** A unary or binary operation first (`expr`): the string of the whole text. */
  | { readonly kind: "whole-text"; readonly tokens: Tokens; readonly expr: Expr }
  /** Any other expression, the whole value, and what it is for a message ("an interpolated string", "an expression"). */
  | { readonly kind: "expression"; readonly tokens: Tokens; readonly expr: Expr; readonly form: string }
  /**
   * Text KCL cannot read, or of which it keeps only a head (`nginx:1.25` -> `nginx`): `form`
   * names it in a warning, `why` says it in an error; `head` is the expression kept and the
   * text dropped after it, `at` where reading fails (UTF-16 index, when it says).
   */
  | {
      readonly kind: "other";
      readonly form: string;
      readonly why: string;
      readonly head?: { readonly text: string; readonly rest: string };
      readonly at?: number;
    };

/** Whether an expression is `None` or `Undefined`, in parentheses or not (`(None)`): no value, which Helm-style fields (a split image's registry) read as none. */
export function isNoneValue(tokens: Tokens, expr: Expr): boolean {
  const at = expr.type === "other" && expr.construct === "constant" ? expr.first : parenthesizedConstant(tokens, expr);
  if (at === undefined) return false;
  const keyword = keywordAt(tokens, at);
  return keyword === Keyword.NoneValue || keyword === Keyword.UndefinedValue;
}

/** The string a string literal denotes; undefined for an interpolated one and any other expression. */
export function plainString(tokens: Tokens, expr: Expr): string | undefined {
  if (expr.type !== "string" || tokens.flags[expr.token]! & StringFlag.Interpolated) return undefined;
  return stringLiteralValue(nodeText(tokens, expr));
}

export function readSpecValue(text: string): SpecValue {
  const parsed = parseSpecValue(text);
  if (parsed instanceof SourceError) {
    const at = errorIndex(text, parsed);
    return { kind: "other", form: "a value KCL cannot read", why: parsed.message, ...(at >= 0 && { at }) };
  }
  const { tokens, expr, complete } = parsed;
  if (expr.type === "operation") return { kind: "whole-text", tokens, expr };
  if (!complete) {
    const kept = nodeText(tokens, expr);
    const rest = text.slice(tokens.end[expr.last]).trim();
    return { kind: "other", form: `a value of which KCL keeps only '${kept}'`, why: `KCL would keep only '${kept}'`, head: { text: kept, rest } };
  }
  if (expr.type !== "string") return { kind: "expression", tokens, expr, form: "an expression" };
  const value = plainString(tokens, expr);
  if (value === undefined) return { kind: "expression", tokens, expr, form: "an interpolated string" };
  const raw = nodeText(tokens, expr);
  return { kind: "literal", tokens, expr, value, style: readStringLiteral(raw).style, start: tokens.start[expr.token]!, end: tokens.end[expr.token]! };
}

/**
 * The value parsed as parse_expr reads it, or the error when it cannot: a leading operation
 * before an error is the value (`repo:8d31...` lexes badly after the `repo / name` it keeps).
 */
function parseSpecValue(value: string): ReturnType<typeof parseKclExpression> | SourceError {
  try {
    return parseKclExpression(value);
  } catch (e) {
    if (!(e instanceof SourceError)) throw e;
    const at = errorIndex(value, e);
    const head = at > 0 ? parseHead(value.slice(0, at)) : undefined;
    return head?.expr.type === "operation" ? head : e;
  }
}

/** UTF-16 index of a SourceError's line and column in `text` (-1 without a position). */
function errorIndex(text: string, error: SourceError): number {
  const lineStart = error.line === undefined ? undefined : new LineIndex(text).lineStart(error.line);
  return lineStart === undefined || error.column === undefined ? -1 : lineStart + error.column - 1;
}

function parseHead(text: string): ReturnType<typeof parseKclExpression> | undefined {
  try {
    return parseKclExpression(text);
  } catch (e) {
    if (!(e instanceof SourceError)) throw e;
    return undefined;
  }
}

/**
 * The hint after advice on writing a spec's quotes or parentheses, for a spec that came through a shell
 * (`fieldName.shell`, a command line's), which takes those of an unquoted argument for its own; nothing
 * for one that reaches the tool as written.
 */
export function shellQuoting(fieldName: FieldNamer | undefined): string {
  return fieldName?.shell ? " (in a shell, single-quote the whole argument, so that its quotes and parentheses reach the tool)" : "";
}

/**
 * A spec's value as KCL reads it whole, or OverrideSpecError saying why it is not and how to
 * write it, the spec given as `fieldName` says (shellQuoting). It depends on the spec alone: `--set` refuses it before any file is read.
 */
export function usableSpecValue(spec: OverrideSpec, raw: string, fieldName?: FieldNamer): Exclude<SpecValue, { readonly kind: "other" }> {
  const read = readSpecValue(spec.value);
  if (read.kind !== "other") return read;
  const hint = valueHint(spec, read);
  const shell = hint?.unquoted ? shellQuoting(fieldName) : "";
  throw new OverrideSpecError(raw, `the value of '${raw}' is not one KCL expression (${read.why})${hint === undefined ? "" : `; ${hint.text}${shell}`}`);
}

/**
 * How to write a value KCL cannot read whole, from what it starts with (`unquoted`: the advice
 * is to quote it); undefined when nothing true can be said.
 */
function valueHint(spec: OverrideSpec, read: Extract<SpecValue, { readonly kind: "other" }>): { readonly text: string; readonly unquoted?: true } | undefined {
  const { path, operation, value } = spec;
  // `path:=value` splits at its ':' and leaves '=value': the operator was mistyped.
  const operator = /^(?:\+=|[=:])+/.exec(value)?.[0];
  if (operator !== undefined) return { text: `'${operation}${operator}' is no operator of KCL's -O, whose operators are =, :, += and -` };
  const opener = /^[rR]?["']/.exec(value)?.[0];
  if (read.head && (opener !== undefined || /^[[{(]/.test(value)))
    return { text: `it is two expressions, '${read.head.text}' and '${read.head.rest}': give one` };
  if (opener === undefined) return { text: `quote a string value: ${path}="${value}"`, unquoted: true };
  // Reading fails at the literal the value opens only when that literal never ends.
  return read.at !== undefined && read.at < opener.length ? { text: "close its quote" } : undefined;
}

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
export type WholeText = { readonly whole?: undefined; readonly advice?: undefined } | { readonly whole: string; readonly advice: Advice };

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
export function specSetting(text: string): SpecSetting | undefined {
  let spec: OverrideSpec;
  try {
    spec = parseOverrideSpec(text);
  } catch (error) {
    if (error instanceof OverrideSpecError) return undefined;
    throw error;
  }
  if (spec.operation === "-") return undefined;
  const setting = { path: spec.path, text: spec.value };
  const value = readSpecValue(spec.value);
  const quoted: Advice = (reference) => `write the reference alone as one quoted string: ${spec.path}="${reference}"`;
  if (value.kind === "other") {
    const hint = valueHint(spec, value)?.text;
    return { ...setting, value: { form: value.form, advice: hint === undefined ? quoted : () => hint } };
  }
  if (value.kind === "expression") {
    // A string interpolates its version; another expression (a list, a {repository, tag} config) holds more than the reference.
    const advice: Advice =
      value.expr.type === "string"
        ? (reference) => `write the version in the string itself, not through \${…}: ${spec.path}="${reference}"`
        : spec.operation === "+="
          ? () => "-O sets no list item, so keep the image in the .k file's list, where it is edited"
          : (reference) => `set the image in a spec of its own whose value is one quoted string (<field>="${reference}")`;
    return { ...setting, value: { form: value.form, advice, kcl: true } };
  }
  if (spec.operation === "+=") return undefined;
  // The value is the spec's trimmed tail.
  const at = text.trimEnd().length - spec.value.length;
  if (value.kind === "literal") {
    const write = (string: string) => writeStringLiteral(string, value.style);
    return { ...setting, value: { string: value.value, start: at + value.start, end: at + value.end, write } };
  }
  // Unquoted, the name stays as written and KCL's head expression ends before its ':' or '@': the new text is read whole too.
  const whole = "an expression (KCL reads it as the string of its whole text)";
  return { ...setting, value: { string: spec.value, start: at, end: at + spec.value.length, write: (string) => string, whole, advice: quoted } };
}
