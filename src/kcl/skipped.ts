/**
 * Where in a KCL file a string sits that the image editor never reads, for the warning about
 * an old image left there: the outermost construct around it that the parser skipped (a
 * lambda, a list comprehension, a schema definition, ...), or the part of a literal the walk
 * passes over (a config key, an `if` condition). The editor reads the values of assignments
 * and of config, schema and list literals, and nothing else.
 */
import type { ConfigItem, Expr, IfItems, ListItem, OtherConstruct, OtherStatementConstruct, Statement } from "./syntax.js";

const SKIPPED_EXPRESSIONS: Readonly<Record<OtherConstruct, string>> = {
  number: "a number",
  constant: "a constant",
  parentheses: "parentheses",
  call: "a call",
  subscript: "a subscript",
  attribute: "an attribute access",
  ternary: "a ternary",
  lambda: "a lambda",
  quantifier: "an all/any/map/filter expression",
  "list comprehension": "a list comprehension",
  "dict comprehension": "a dict comprehension",
  unpacking: "a * unpacking",
};

const SKIPPED_STATEMENTS: Readonly<Record<OtherStatementConstruct, string>> = {
  decorator: "a decorator",
  "type alias": "a type alias",
  schema: "a schema definition",
  rule: "a rule",
  protocol: "a protocol",
  mixin: "a mixin",
  "if block": "an if block",
  "for block": "a for block",
  assert: "an assert statement",
  "check block": "a check block",
  "type annotation": "a type annotation",
  expression: "an expression statement",
};

interface Extent {
  readonly first: number;
  readonly last: number;
}

const holds = (node: Extent, token: number) => node.first <= token && token <= node.last;

/** The construct holding string token `token`, as a warning names it (`a list comprehension`); undefined where the editor reads it. */
export function skippedConstruct(statements: readonly Statement[], token: number): string | undefined {
  const statement = statements.find((s) => holds(s, token));
  if (statement === undefined) return undefined;
  if (statement.type === "other") return SKIPPED_STATEMENTS[statement.construct];
  if (statement.type === "import") return "an import";
  return holds(statement.value, token) ? inExpr(statement.value, token) : "the left side of an assignment";
}

function inExpr(expr: Expr, token: number): string | undefined {
  switch (expr.type) {
    case "other":
      return SKIPPED_EXPRESSIONS[expr.construct];
    case "config":
      return inItems(expr.items, token);
    case "schema":
      return holds(expr.config, token) ? inItems(expr.config.items, token) : "a schema's arguments";
    case "list":
      return inListItems(expr.items, token);
    case "operation": {
      const operand = expr.operands.find((o) => holds(o, token));
      return operand && inExpr(operand, token);
    }
    default:
      return undefined;
  }
}

function inItems(items: readonly ConfigItem[], token: number): string | undefined {
  const item = items.find((i) => holds(i, token));
  if (item === undefined) return undefined;
  if (item.type === "unpack") return "a ** unpacking";
  if (item.type === "if") return inBranches(item, token, inItems);
  return holds(item.key, token) ? "a config key" : inExpr(item.value, token);
}

function inListItems(items: readonly ListItem[], token: number): string | undefined {
  const item = items.find((i) => holds(i, token));
  return item?.type === "if" ? inBranches(item, token, inListItems) : item && inExpr(item, token);
}

/** In an `if` item, a token in none of its branches is in a condition. */
function inBranches<Item extends Extent>(
  item: IfItems<Item>,
  token: number,
  inBranch: (items: readonly Item[], token: number) => string | undefined,
): string | undefined {
  const branch = item.branches.find((items) => items.some((i) => holds(i, token)));
  return branch ? inBranch(branch, token) : "an if condition";
}
