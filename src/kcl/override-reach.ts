/**
 * What a KCL `-O` path reaches in a module (crates/query/src/override.rs,
 * reference/kcl-override.md §1.5): top-level statements naming its variable, descending only
 * through config and schema literals, never into an `if` block; and, for an error, why a
 * name that is in the file is out of that reach.
 */
import { Keyword, keywordAt } from "./keywords.js";
import { nodeText } from "./nodes.js";
import type { ConfigEntry, ConfigExpr, ConfigItem, Expr, Module, OtherStatementConstruct, Statement } from "./syntax.js";
import { T, type Tokens } from "./tokenizer.js";
import { closest, didYouMean } from "../text/closest.js";

/** Tokens that only lay out lines: what precedes a statement or entry that starts its line. */
export const STARTS_LINE = new Set<number>([T.Newline, T.Indent, T.Dedent]);
const ASSIGNS = new Set<number>([T.Assign, T.Colon, T.AugAssign, T.PlusAssign]);

/** The config a path descends through: a config literal's, or a schema instance's. */
export function configOf(expr: Expr): ConfigExpr | undefined {
  return expr.type === "config" ? expr : expr.type === "schema" ? expr.config : undefined;
}

export function namesTarget(s: Statement, name: string): boolean {
  return (s.type === "assign" && s.targets.includes(name)) || ((s.type === "aug-assign" || s.type === "unification") && s.target === name);
}

/**
 * ` (did you mean 'config'?)`, naming the top-level variable nearest a path's first name that this
 * file has none of (`Config`), among those a statement `reaches` takes binds; nothing when none is near.
 * Nested keys list what is there instead; the top level may hold too many names to list.
 */
export function meantTopLevel(module: Module, name: string, reaches: (s: Statement) => boolean): string {
  const names = module.statements
    .filter(reaches)
    .flatMap((s) => (s.type === "assign" ? s.targets : s.type === "aug-assign" || s.type === "unification" ? [s.target] : []));
  // A short name is one edit from many: two would offer 'c' for 'b-c'.
  const meant = closest(name, names, name.length > 3 ? 2 : 1);
  return didYouMean(meant === undefined ? undefined : `'${meant}'`);
}

/** What a nested path can start from: `x = {...}`, `x = S {...}`, `x: S {...}`. */
export function holdsConfig(s: Statement): boolean {
  return (s.type === "assign" && configOf(s.value) !== undefined) || s.type === "unification";
}

/**
 * Why `name`, though in this file, is out of a spec's reach: its first statement that
 * `reaches` rejects, or an assignment inside an `if` block. undefined when there is none.
 */
export function unreached(module: Module, name: string, reaches: (s: Statement) => boolean): { message: string; line: number } | undefined {
  const { tokens } = module;
  const line = (token: number): number => tokens.source.line(tokens.start[token]!);
  for (const s of module.statements) {
    if (namesTarget(s, name) && !reaches(s)) {
      if (s.type === "assign")
        return { message: `'${name}' is assigned ${describeExpr(tokens, s.value)}, not a config or schema literal`, line: line(s.first) };
      if (s.type === "aug-assign") return { message: `'${name}' is only augmented here ('${name} ${s.operator} ...'), not assigned`, line: line(s.first) };
    }
    const inIf = assignedInIf(tokens, s, name);
    if (inIf !== undefined) return { message: `'${name}' is assigned inside an 'if' block, which overrides do not reach`, line: line(inIf) };
  }
  return undefined;
}

/** Top-level definitions that bind a name, with what a message calls them. */
const DEFINES: Partial<Record<OtherStatementConstruct, string>> = {
  schema: "a schema",
  rule: "a rule",
  protocol: "a protocol",
  mixin: "a mixin",
  "type alias": "a type alias",
};

/**
 * What `name` is when this file binds it other than by assignment (a schema, an import alias,
 * a type alias, ...): -O reads it as a variable that is missing and appends one, which KCL then
 * refuses as a name defined twice. undefined when no such statement binds it.
 */
export function definition(module: Module, name: string): { message: string; line: number } | undefined {
  const { tokens } = module;
  const text = (token: number): string => tokens.source.text.slice(tokens.start[token], tokens.end[token]).replace(/^\$/, "");
  const line = (token: number): number => tokens.source.line(tokens.start[token]!);
  for (const s of module.statements) {
    if (s.type === "import") {
      const names: number[] = [];
      for (let i = s.first + 1; i <= s.last; i++) if (tokens.kind[i] === T.Name) names.push(i);
      // `import a.b as c` binds c, `import a.b` and `import .b` bind b.
      const as = names.find((i) => keywordAt(tokens, i) === Keyword.As);
      const alias = as === undefined ? names[names.length - 1] : as + 1;
      if (alias === undefined || text(alias) !== name) continue;
      const written = tokens.source.text.slice(tokens.start[s.first], tokens.end[s.last]).trimEnd();
      return {
        message: `'${name}' is an import alias ('${written}'), not a variable: -O does not reach into the imported module; set it in that module's own file`,
        line: line(s.first),
      };
    }
    const what = s.type === "other" ? DEFINES[s.construct] : undefined;
    if (what === undefined || tokens.kind[s.first + 1] !== T.Name || text(s.first + 1) !== name) continue;
    const schema = s.type === "other" && s.construct === "schema" ? ": -O targets instances, not schema defaults" : "";
    return { message: `'${name}' is ${what}, not a variable${schema}`, line: line(s.first) };
  }
  return undefined;
}

/**
 * What in a config sets the key a path misses there though -O does not reach it: an `if` entry
 * that sets it, else a `**` unpack that may (reference §1.5). `keys` are the path's keys from the
 * config's level to the missing one, `where` names the config; undefined when there is neither.
 */
export function unreachedEntries(tokens: Tokens, config: ConfigExpr, keys: readonly string[], where: string): string | undefined {
  const line = (node: { readonly first: number }): number => tokens.source.line(tokens.start[node.first]!);
  const inIf = config.items.flatMap((item) => (item.type === "if" ? entriesOf(item.branches.flat()) : []));
  const setting = inIf.find((entry) => keys.every((key, i) => entry.key.parts?.[i] === key));
  if (setting) return `'${keys[keys.length - 1]}' is set only in an if entry (line ${line(setting)}), which -O does not reach`;
  const unpacks = config.items.filter((item) => item.type === "unpack");
  if (unpacks.length === 0) return undefined;
  return `${where} also unpacks ${unpacks.map((u) => `${nodeText(tokens, u)} (line ${line(u)})`).join(" and ")}, which -O does not reach`;
}

/** The entries of config items, those of nested `if` items included. */
function entriesOf(items: readonly ConfigItem[]): ConfigEntry[] {
  return items.flatMap((item) => (item.type === "entry" ? [item] : item.type === "if" ? entriesOf(item.branches.flat()) : []));
}

/** What an expression is, for a message: "a '|' expression", "a call", ... */
function describeExpr(tokens: Tokens, expr: Expr): string {
  const { kind, match } = tokens;
  const text = (token: number): string => tokens.source.text.slice(tokens.start[token], tokens.end[token]);
  if (expr.type === "string") return "a string";
  if (expr.type === "name") return `the name '${expr.name}'`;
  if (expr.type === "list") return "a list";
  if (expr.type === "config" || expr.type === "schema") return "a config";
  if (expr.type === "operation") {
    const [left, right] = expr.operands as [Expr, Expr | undefined];
    const [from, to] = right ? [left.last + 1, right.first - 1] : [expr.first, left.first - 1];
    return `a '${Array.from({ length: to - from + 1 }, (_, i) => text(from + i)).join(" ")}' expression`;
  }
  for (let i = expr.first; i <= expr.last; i++) {
    if (kind[i] === T.LParen || kind[i] === T.LBracket || kind[i] === T.LBrace) i = match[i]!;
    else if (keywordAt(tokens, i) === Keyword.If) return "a conditional expression (... if ... else ...)";
  }
  if (kind[expr.last] === T.RParen) return kind[expr.first] === T.LParen && match[expr.first] === expr.last ? "a parenthesized expression" : "a call";
  if (keywordAt(tokens, expr.first) === Keyword.Lambda) return "a lambda";
  if (kind[expr.first] === T.LBracket || kind[expr.first] === T.LBrace) return "a comprehension";
  if (expr.first === expr.last) return kind[expr.first] === T.Number ? "a number" : text(expr.first);
  return "an expression";
}

/**
 * The token of `name = ...` (`name: ...`, `name += ...`) inside a top-level if/elif/else
 * block (on its header line too), which KCL's overrides never visit.
 */
function assignedInIf(tokens: Tokens, s: Statement, name: string): number | undefined {
  const opens = keywordAt(tokens, s.first);
  if (s.type !== "other" || (opens !== Keyword.If && opens !== Keyword.Elif && opens !== Keyword.Else)) return undefined;
  const { kind, match } = tokens;
  let header: number | undefined;
  for (let i = s.first + 1; i < s.last; i++) {
    const k = kind[i]!;
    if (k === T.LParen || k === T.LBracket || k === T.LBrace) i = match[i]!;
    else if (k === T.Colon && header === undefined) header = i;
    else if (k === T.Name && (STARTS_LINE.has(kind[i - 1]!) || i - 1 === header) && ASSIGNS.has(kind[i + 1]!)) {
      if (tokens.source.text.slice(tokens.start[i], tokens.end[i]).replace(/^\$/, "") === name) return i;
    }
  }
  return undefined;
}
