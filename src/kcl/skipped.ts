/**
 * Where in a KCL file a string sits that the image editor never reads, for the warning about
 * an old image left there: the outermost construct around it that the parser skipped (a
 * lambda, a list comprehension, a schema definition, ...), or the part of a literal the walk
 * passes over (a config key, an `if` condition). The editor reads the values of assignments
 * and of config, schema and list literals, and the operands of `+` and `|`, and nothing else.
 */
import { partitionPoint } from "../text/partition-point.js";
import { nodeText } from "./nodes.js";
import type {
  AssignStatement,
  ConfigItem,
  Expr,
  IfItems,
  ListItem,
  Module,
  OperationExpr,
  OtherConstruct,
  OtherStatementConstruct,
  Statement,
  TokenRange,
} from "./syntax.js";
import { T } from "./tokenizer.js";

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

/** The operators whose string operands are matched by repository: `"app:1.2.3" + "-debug"`, `base | {image = "app:1.2.3"}`. */
const MATCHED_OPERATORS: ReadonlySet<string> = new Set(["+", "|"]);

/** How tightly each binary operator binds (KCL's, Python's order); `**` alone groups to the right. */
const PRECEDENCE: Readonly<Record<string, number>> = {
  or: 1,
  and: 2,
  ...Object.fromEntries(["in", "not in", "is", "is not", "as", "<", "<=", ">", ">=", "!=", "=="].map((op) => [op, 3])),
  "|": 4,
  "^": 5,
  "&": 6,
  "<<": 7,
  ">>": 7,
  "+": 8,
  "-": 8,
  ...Object.fromEntries(["*", "/", "//", "%"].map((op) => [op, 9])),
  "**": 10,
};

const precedence = (operator: string): number => PRECEDENCE[operator] ?? 0;

/**
 * Why the editor does not read each operand of an operation: the operator, other than `+` and
 * `|`, of which it is part (`p and "x" or "y"`: `and` for "x", `or` for "y"; `"a" + "b" == c`:
 * `==` for both), precedence applied; undefined for an operand it reads. One pass over the
 * operators for all operands: a chain of thousands of `+` costs no more than its length.
 */
export function operatorsOver(operation: OperationExpr): (string | undefined)[] {
  const { operators } = operation;
  if (operation.operands.length === 1) return [operators[0]];
  const count = operators.length;
  // Whether operator `later` is applied after operator `earlier`, which is before it in the text: it binds more loosely, or as loosely and groups to the left (all but `**`).
  const appliedAfter = (later: number, earlier: number): boolean => {
    const [p, q] = [precedence(operators[later]!), precedence(operators[earlier]!)];
    return p < q || (p === q && operators[later] !== "**");
  };
  // The operator tree, each operator's parent (-1 for the root), built left to right on a stack of the tree's right edge.
  const parent = new Int32Array(count).fill(-1);
  const rightEdge: number[] = [];
  for (let g = 0; g < count; g++) {
    let child = -1;
    while (rightEdge.length > 0 && appliedAfter(g, rightEdge[rightEdge.length - 1]!)) child = rightEdge.pop()!;
    if (child >= 0) parent[child] = g;
    if (rightEdge.length > 0) parent[g] = rightEdge[rightEdge.length - 1]!;
    rightEdge.push(g);
  }
  // For each operator, the innermost operator not matched by repository around it (itself included); parents first.
  const over: (string | undefined)[] = new Array<string | undefined>(count);
  const known = new Uint8Array(count);
  const path: number[] = [];
  for (let g = 0; g < count; g++) {
    let up = g;
    for (; up >= 0 && known[up] === 0; up = parent[up]!) path.push(up);
    let found = up >= 0 ? over[up] : undefined;
    for (let i = path.length - 1; i >= 0; i--) {
      const at = path[i]!;
      if (!MATCHED_OPERATORS.has(operators[at]!)) found = operators[at];
      over[at] = found;
      known[at] = 1;
    }
    path.length = 0;
  }
  // An operand belongs to the tighter of the operators on either side of it.
  return operation.operands.map((_, i) => over[i === 0 ? 0 : i === count || appliedAfter(i, i - 1) ? i - 1 : i]);
}

interface Extent {
  readonly first: number;
  readonly last: number;
}

export const holds = (node: Extent, token: number): boolean => node.first <= token && token <= node.last;

/**
 * The index of the one of `nodes`, in file order, that holds `token` (-1 for none), found by halves:
 * a file of thousands of statements, or an operation of thousands of operands, is asked about each string left in it.
 */
export function holding(nodes: readonly Extent[], token: number): number {
  const at = partitionPoint(nodes.length, (i) => nodes[i]!.last < token);
  return at < nodes.length && holds(nodes[at]!, token) ? at : -1;
}

/** operatorsOver of each operation asked about, computed once: it is asked once per string left in it. */
const overByOperation = new WeakMap<OperationExpr, readonly (string | undefined)[]>();

/** The construct holding string token `token`, as a warning names it (`a list comprehension`); undefined where the editor reads it. */
export function skippedConstruct(statements: readonly Statement[], token: number): string | undefined {
  const statement = statements[holding(statements, token)];
  if (statement === undefined) return undefined;
  if (statement.type === "other") return SKIPPED_STATEMENTS[statement.construct];
  if (statement.type === "import") return "an import";
  if (holds(statement.value, token)) return inExpr(statement.value, token);
  return statement.type === "assign" && statement.annotation && holds(statement.annotation, token) ? "a type annotation" : "the left side of an assignment";
}

/**
 * The typed assignments of a module whose type lists string literals (`x: "app:1.2.3" = ...`, or
 * through a `type` alias of the file, `type Web = "app:1.2.3" | "app:1.2.2"`), each with its type
 * as written: KCL refuses any other value there, so the editor leaves the value. The aliases are
 * read once for the whole module, and only when a typed assignment names a type.
 */
export function literalTypes(module: Module): Map<AssignStatement, string> {
  const { tokens } = module;
  let aliases: Map<string, TokenRange> | undefined;
  const aliasValue = (name: string): TokenRange | undefined => {
    // `type Name = value`: the name is the token after `type`, the value starts after `=`.
    aliases ??= new Map(
      module.statements.flatMap((s) =>
        s.type === "other" && s.construct === "type alias"
          ? [[nodeText(tokens, { first: s.first + 1, last: s.first + 1 }), { first: s.first + 3, last: s.last }]]
          : [],
      ),
    );
    return aliases.get(name);
  };
  // Through the aliases a type names, each alias read once, from a list of what is left to read: a chain of aliases is not a chain of calls.
  const listsLiterals = (annotation: TokenRange): boolean => {
    const seen = new Set<string>();
    for (const pending = [annotation]; pending.length > 0;) {
      const { first, last } = pending.pop()!;
      for (let t = first; t <= last; t++) {
        if (tokens.kind[t] === T.String) return true;
        if (tokens.kind[t] !== T.Name) continue;
        const name = nodeText(tokens, { first: t, last: t });
        const value = seen.has(name) ? undefined : aliasValue(name);
        seen.add(name);
        if (value !== undefined) pending.push(value);
      }
    }
    return false;
  };
  const typed = new Map<AssignStatement, string>();
  for (const s of module.statements)
    if (s.type === "assign" && s.annotation !== undefined && listsLiterals(s.annotation)) typed.set(s, nodeText(tokens, s.annotation));
  return typed;
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
    case "operation":
      return inOperation(expr, token);
    default:
      return undefined;
  }
}

/** In an operation, the operator that keeps the editor from the token's operand (`an operand of '=='`), else what holds it in that operand. */
function inOperation(operation: OperationExpr, token: number): string | undefined {
  const at = holding(operation.operands, token);
  if (at < 0) return undefined;
  let over = overByOperation.get(operation);
  if (over === undefined) overByOperation.set(operation, (over = operatorsOver(operation)));
  const operator = over[at];
  if (operator === undefined) return inExpr(operation.operands[at]!, token);
  if (operation.operands.length > 1) return `an operand of '${operator}'`;
  return operator === "not" ? "the operand of 'not'" : `the operand of unary '${operator}'`;
}

function inItems(items: readonly ConfigItem[], token: number): string | undefined {
  const item = items[holding(items, token)];
  if (item === undefined) return undefined;
  if (item.type === "unpack") return "a ** unpacking";
  if (item.type === "if") return inBranches(item, token, inItems);
  return holds(item.key, token) ? "a config key" : inExpr(item.value, token);
}

function inListItems(items: readonly ListItem[], token: number): string | undefined {
  const item = items[holding(items, token)];
  return item?.type === "if" ? inBranches(item, token, inListItems) : item && inExpr(item, token);
}

/** In an `if` item, a token in none of its branches is in a condition. */
function inBranches<Item extends Extent>(
  item: IfItems<Item>,
  token: number,
  inBranch: (items: readonly Item[], token: number) => string | undefined,
): string | undefined {
  const branch = item.branches.find((items) => holding(items, token) >= 0);
  return branch ? inBranch(branch, token) : "an if condition";
}
