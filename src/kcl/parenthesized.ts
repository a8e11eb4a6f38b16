/**
 * A value in parentheses, which KCL reads as the value they hold: `("app:1.0")` is that string, `(_reg)` that
 * name, `(None)` that constant. The parser keeps a parenthesized expression as its extent only (an Other), so its
 * one token is read here.
 */
import { Keyword, keywordAt } from "./keywords.js";
import type { Expr, NameExpr, StringExpr } from "./syntax.js";
import { nodeText } from "./nodes.js";
import { T, type Tokens } from "./tokenizer.js";

/**
 * The string literal or name a parenthesized value holds as its one token, through any nesting and line breaks
 * (`(("${_reg}"))`); undefined for any other value, a keyword constant (`(None)`) too. The parentheses stay its
 * extent (`first`, `last`): what follows them (a `+` suffix) follows the value.
 */
export function parenthesized(tokens: Tokens, expr: Expr): StringExpr | NameExpr | undefined {
  const at = heldToken(tokens, expr);
  if (at === undefined) return undefined;
  const { kind } = tokens;
  if (kind[at] === T.String) return { type: "string", token: at, first: expr.first, last: expr.last };
  return kind[at] === T.Name && !isConstant(tokens, at)
    ? { type: "name", name: nodeText(tokens, { first: at, last: at }), first: expr.first, last: expr.last }
    : undefined;
}

/** The keyword constant a parenthesized value holds as its one token (`(None)`, `((True))`), its token; undefined for any other value. */
export function parenthesizedConstant(tokens: Tokens, expr: Expr): number | undefined {
  const at = heldToken(tokens, expr);
  return at !== undefined && tokens.kind[at] === T.Name && isConstant(tokens, at) ? at : undefined;
}

/** The one token a parenthesized value holds, through any nesting and line breaks; undefined for any other value. */
function heldToken(tokens: Tokens, expr: Expr): number | undefined {
  if (expr.type !== "other" || expr.construct !== "parentheses") return undefined;
  const { kind } = tokens;
  let { first, last } = expr;
  while (first < last) {
    if (kind[first] === T.Newline) first++;
    else if (kind[last] === T.Newline) last--;
    else if (kind[first] === T.LParen && kind[last] === T.RParen) [first, last] = [first + 1, last - 1];
    else break;
  }
  return first === last ? first : undefined;
}

/** Whether the name token at `at` is a keyword constant (`True`, `None`), which the parser reads as no name. */
function isConstant(tokens: Tokens, at: number): boolean {
  const keyword = keywordAt(tokens, at);
  return keyword === Keyword.TrueValue || keyword === Keyword.FalseValue || keyword === Keyword.NoneValue || keyword === Keyword.UndefinedValue;
}
