/**
 * A value in parentheses, which KCL reads as the value they hold: `("app:1.0")` is that string, `(_reg)` that
 * name. The parser keeps a parenthesized expression as its extent only (an Other), so its one token is read here.
 */
import type { Expr, NameExpr, StringExpr } from "./syntax.js";
import { nodeText } from "./nodes.js";
import { T, type Tokens } from "./tokenizer.js";

/**
 * The string literal or name a parenthesized value holds as its one token, through any nesting and line breaks
 * (`(("${_reg}"))`); undefined for any other value. The parentheses stay its extent (`first`, `last`): what
 * follows them (a `+` suffix) follows the value.
 */
export function parenthesized(tokens: Tokens, expr: Expr): StringExpr | NameExpr | undefined {
  if (expr.type !== "other" || expr.construct !== "parentheses") return undefined;
  const { kind } = tokens;
  let { first, last } = expr;
  while (first < last) {
    if (kind[first] === T.Newline) first++;
    else if (kind[last] === T.Newline) last--;
    else if (kind[first] === T.LParen && kind[last] === T.RParen) [first, last] = [first + 1, last - 1];
    else break;
  }
  if (first !== last) return undefined;
  if (kind[first] === T.String) return { type: "string", token: first, first: expr.first, last: expr.last };
  return kind[first] === T.Name ? { type: "name", name: nodeText(tokens, { first, last }), first: expr.first, last: expr.last } : undefined;
}
