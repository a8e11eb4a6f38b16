/**
 * The value of a KCL `-O` spec, read as KCL's build_expr_from_string reads it
 * (crates/query/src/override.rs, reference/kcl-override.md §1.5): parse_expr takes the
 * first expression and ignores what follows, errors included; a unary or binary operation
 * first stands for the string of the whole text (`kcllang/flask_demo:abc` ->
 * "kcllang/flask_demo:abc"). `--set` refuses a value KCL would misread; the YAML editor of
 * specs names it in a warning.
 */
import { SourceError } from "../change.js";
import { LineIndex } from "../text/line-index.js";
import { nodeText } from "./nodes.js";
import { OverrideSpecError, type OverrideSpec } from "./override-spec.js";
import { parseKclExpression } from "./parser.js";
import { readStringLiteral, stringLiteralValue, type StringStyle } from "./string-literal.js";
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
 * A spec's value as KCL reads it whole, or OverrideSpecError saying why it is not and how to
 * write it. It depends on the spec alone: `--set` refuses it before any file is read.
 */
export function usableSpecValue(spec: OverrideSpec, raw: string): Exclude<SpecValue, { readonly kind: "other" }> {
  const read = readSpecValue(spec.value);
  if (read.kind !== "other") return read;
  const hint = valueHint(spec, read);
  throw new OverrideSpecError(raw, `the value of '${raw}' is not one KCL expression (${read.why})${hint === undefined ? "" : `; ${hint}`}`);
}

/** How to write a value KCL cannot read whole, from what it starts with; undefined when nothing true can be said. */
function valueHint(spec: OverrideSpec, read: Extract<SpecValue, { readonly kind: "other" }>): string | undefined {
  const { path, operation, value } = spec;
  // `path:=value` splits at its ':' and leaves '=value': the operator was mistyped.
  const operator = /^(?:\+=|[=:])+/.exec(value)?.[0];
  if (operator !== undefined) return `'${operation}${operator}' is no operator of KCL's -O, whose operators are =, :, += and -`;
  const opener = /^[rR]?["']/.exec(value)?.[0];
  if (read.head && (opener !== undefined || /^[[{(]/.test(value))) return `it is two expressions, '${read.head.text}' and '${read.head.rest}': give one`;
  if (opener === undefined) return `quote a string value: ${path}="${value}" (in a shell, single-quote the whole argument, or the shell drops those quotes)`;
  // Reading fails at the literal the value opens only when that literal never ends.
  return read.at !== undefined && read.at < opener.length ? "close its quote" : undefined;
}
