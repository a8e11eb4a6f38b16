/**
 * Syntax nodes whose text is read from the tokens when asked for. A file holds about one
 * name per 15 bytes and every screened file is parsed, while only a few are walked and
 * only their keys and targets read: names, schema names and key parts stay token ranges
 * until then.
 */
import { stringLiteralValue } from "./string-literal.js";
import { Keyword, keywordAt } from "./keywords.js";
import type { ConfigExpr, ConfigKey, Expr, NameExpr, OperationExpr, SchemaExpr } from "./syntax.js";
import { StringFlag, type Tokens } from "./tokenizer.js";

/** Source text of a node, from its first token's start to its last token's end. */
export function nodeText(tokens: Tokens, node: { readonly first: number; readonly last: number }): string {
  return tokens.source.text.slice(tokens.start[node.first], tokens.end[node.last]);
}

/** A name, `a.b.c` when dotted: its tokens are names and dots only (spacing is not part of it). */
export class NameNode implements NameExpr {
  readonly type = "name";

  constructor(
    private readonly tokens: Tokens,
    readonly first: number,
    readonly last: number,
  ) {}

  get name(): string {
    const { source, start, end } = this.tokens;
    let name = source.text.slice(start[this.first], end[this.first]);
    for (let i = this.first + 1; i <= this.last; i++) name += source.text.slice(start[i], end[i]);
    return name;
  }
}

/** `S {...}`, `pkg.S(args) {...}`: the schema's name is read from its name expression. */
export class SchemaNode implements SchemaExpr {
  readonly type = "schema";

  constructor(
    private readonly nameExpr: NameExpr,
    readonly config: ConfigExpr,
    readonly first: number,
    readonly last: number,
  ) {}

  get name(): string {
    return this.nameExpr.name;
  }
}

/**
 * A unary or binary operation: the parse keeps the token each operator starts at, and its text
 * (`not in`, `is not` for the two-token ones) is read when asked, as only operations holding a
 * screened string ever are.
 */
export class OperationNode implements OperationExpr {
  readonly type = "operation";
  private text: readonly string[] | undefined;

  constructor(
    private readonly tokens: Tokens,
    readonly operands: readonly Expr[],
    readonly operatorTokens: readonly number[],
    readonly first: number,
    readonly last: number,
  ) {}

  get operators(): readonly string[] {
    this.text ??= this.operatorTokens.map((at) => {
      const text = nodeText(this.tokens, { first: at, last: at });
      if (this.operands.length === 1) return text;
      // The parser reads `not` as binary only before `in`, and `is` with a `not` after it as one operator.
      if (text === "not" || (text === "is" && keywordAt(this.tokens, at + 1) === Keyword.Not))
        return `${text} ${nodeText(this.tokens, { first: at + 1, last: at + 1 })}`;
      return text;
    });
    return this.text;
  }
}

/** A config key as written: a name (dotted or not), a string, or anything else. */
export class KeyNode implements ConfigKey {
  readonly first: number;
  readonly last: number;

  constructor(
    private readonly tokens: Tokens,
    private readonly expr: Expr,
  ) {
    this.first = expr.first;
    this.last = expr.last;
  }

  get parts(): readonly string[] | undefined {
    const { expr, tokens } = this;
    if (expr.type === "name") return expr.name.split(".").map(unescapedName);
    if (expr.type === "string" && !(tokens.flags[expr.token]! & StringFlag.Interpolated)) return [stringLiteralValue(nodeText(tokens, expr))];
    return undefined;
  }
}

/** A statement's target as the text paths name it: the name, or the source text of anything else. */
export function targetText(tokens: Tokens, target: Expr): string {
  if (target.type !== "name") return nodeText(tokens, target);
  const name = target.name;
  return name.includes("$") ? name.split(".").map(unescapedName).join(".") : name;
}

/** `$type` is the name `type` (a `$` lets a keyword be a name): paths name it without the `$`. */
function unescapedName(part: string): string {
  return part.startsWith("$") ? part.slice(1) : part;
}
