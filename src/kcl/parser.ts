/**
 * A KCL parser for the subset we edit (see syntax.ts). Statements and expressions we do
 * not model are skipped by bracket and indentation structure (the tokenizer guarantees
 * brackets balance), so they can never be misread as config entries.
 */
import { SourceError } from "../change.js";
import { Keyword as K, keywordAt } from "./keywords.js";
import { KeyNode, NameNode, OperationNode, SchemaNode, targetText } from "./nodes.js";
import type {
  ConfigEntry,
  ConfigExpr,
  ConfigItem,
  Expr,
  IfItems,
  ListExpr,
  ListItem,
  Module,
  NameExpr,
  OtherExpr,
  OtherStatementConstruct,
  Statement,
} from "./syntax.js";
import { T as TokenKind, tokenize, type Tokens } from "./tokenizer.js";

// A module-local copy: the parser reads token kinds millions of times, and a live ESM
// binding may be compiled to a getter (CJS interop in tsx/vitest).
const T = { ...TokenKind };

const NO_SCHEMA = 1;
const NO_TERNARY = 2;

/** Token kinds no expression continues with: after a lone name, string or number there, it is the whole expression. */
const ENDS_EXPRESSION = new Uint8Array(256);
for (const k of [T.Newline, T.Comma, T.RBrace, T.RBracket, T.RParen, T.EOF, T.Colon, T.Assign, T.PlusAssign, T.AugAssign]) ENDS_EXPRESSION[k] = 1;

/** The keywords starting statements that open a block or are never edited, skipped whole, and which statement each starts. */
const SKIPS_STATEMENT = new Map<number, OtherStatementConstruct>([
  [K.Schema, "schema"],
  [K.Rule, "rule"],
  [K.Protocol, "protocol"],
  [K.Mixin, "mixin"],
  [K.If, "if block"],
  [K.Elif, "if block"],
  [K.Else, "if block"],
  [K.For, "for block"],
  [K.Assert, "assert"],
  [K.Check, "check block"],
]);

/** Deeper nesting than any real configuration is refused with an error instead of running out of stack. */
const MAX_NESTING = 200;

class Parser {
  pos = 0;
  /** Expressions, unary operators and `if` items being parsed around the current one. */
  depth = 0;
  readonly text: string;
  readonly kind: Uint8Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly match: Int32Array;

  constructor(readonly tokens: Tokens) {
    this.text = tokens.source.text;
    this.kind = tokens.kind;
    this.start = tokens.start;
    this.end = tokens.end;
    this.match = tokens.match;
  }

  fail(at: number, message: string): never {
    const index = this.start[at]!;
    throw new SourceError(message, this.tokens.source.line(index), this.tokens.source.column(index));
  }

  /**
   * One level deeper, for the construct starting at `at`; the caller leaves it with `depth--`.
   * Every construct that recurses takes a level, so no input reaches the stack's end.
   */
  enter(at: number): void {
    if (++this.depth > MAX_NESTING) this.fail(at, `expressions nested more than ${MAX_NESTING} deep`);
  }

  /** The Keyword of the token at `at` (Keyword.Other for other names and for any other token). */
  keyword(at: number): number {
    return keywordAt(this.tokens, at);
  }

  tokenText(at: number): string {
    return this.text.slice(this.start[at], this.end[at]);
  }

  describe(at: number): string {
    const k = this.kind[at];
    return k === T.EOF
      ? "end of file"
      : k === T.Newline
        ? "end of line"
        : k === T.Indent
          ? "an indent"
          : k === T.Dedent
            ? "a dedent"
            : `'${this.tokenText(at)}'`;
  }

  expect(k: number, what: string): void {
    if (this.kind[this.pos] !== k) this.fail(this.pos, `expected ${what}, found ${this.describe(this.pos)}`);
    this.pos++;
  }

  /** Index after the bracket group opening at `open` (the tokenizer matched its brackets). */
  skipGroup(open: number): number {
    return this.match[open]! + 1;
  }

  /** Move to the Newline (or EOF) ending this logical line, skipping bracket groups. */
  skipLine(): void {
    this.pos = this.lineEnd(this.pos);
  }

  /** Index of the Newline (or EOF) ending the logical line at `from`, bracket groups skipped. */
  lineEnd(from: number): number {
    const kind = this.kind;
    let i = from;
    while (true) {
      const k = kind[i]!;
      if (k === T.Newline || k === T.EOF) return i;
      if (k === T.LParen || k === T.LBracket || k === T.LBrace) i = this.skipGroup(i);
      else i++;
    }
  }

  module(): Statement[] {
    const statements: Statement[] = [];
    const kind = this.kind;
    while (true) {
      while (kind[this.pos] === T.Newline) this.pos++;
      if (kind[this.pos] === T.EOF) return statements;
      statements.push(this.statement());
    }
  }

  statement(): Statement {
    const first = this.pos;
    const kind = this.kind;
    const k = kind[first];
    if (k === T.Indent) this.fail(first, "unexpected indent");
    if (k === T.Dedent) this.fail(first, "unexpected dedent");
    const keyword = this.keyword(first);
    if (keyword === K.Import) {
      this.skipLine();
      return { type: "import", first, last: this.endStatement() };
    }
    const isTypeAlias = keyword === K.Type && kind[first + 1] === T.Name;
    const skipped = k === T.At ? "decorator" : isTypeAlias ? "type alias" : SKIPS_STATEMENT.get(keyword);
    if (skipped !== undefined) {
      return { type: "other", construct: skipped, first, last: this.skipCompound() };
    }
    const target = this.postfix(NO_SCHEMA);
    const targetName = targetText(this.tokens, target);
    const op = kind[this.pos];
    if (op === T.Assign) {
      const targets = [targetName];
      this.pos++;
      let value = this.expr(0);
      while (kind[this.pos] === T.Assign) {
        targets.push(targetText(this.tokens, value));
        this.pos++;
        value = this.expr(0);
      }
      return { type: "assign", targets, value, first, last: this.endStatement() };
    }
    if (op === T.AugAssign || op === T.PlusAssign) {
      const operator = this.tokenText(this.pos);
      this.pos++;
      const value = this.expr(0);
      return { type: "aug-assign", target: targetName, operator, value, first, last: this.endStatement() };
    }
    if (op === T.Colon) {
      if (target.type !== "name") this.fail(this.pos, `expected '=' after ${this.describe(target.first)}, found ':'`);
      this.pos++;
      const assignAt = this.findAssignOnLine();
      if (assignAt >= 0) {
        const annotation = { first: this.pos, last: assignAt - 1 };
        this.pos = assignAt + 1;
        const value = this.expr(0);
        return { type: "assign", targets: [targetName], value, annotation, first, last: this.endStatement() };
      }
      if (kind[this.pos] !== T.Name) {
        this.skipLine();
        return { type: "other", construct: "type annotation", first, last: this.endStatement() };
      }
      const value = this.expr(0);
      const last = this.endStatement();
      return value.type === "schema"
        ? { type: "unification", target: targetName, value, first, last }
        : { type: "other", construct: "type annotation", first, last };
    }
    this.pos = first;
    this.expr(0);
    return { type: "other", construct: "expression", first, last: this.endStatement() };
  }

  /** Index of an `=` at bracket depth 0 before the end of the line, or -1 (`x: T = v`). */
  findAssignOnLine(): number {
    const kind = this.kind;
    let i = this.pos;
    while (true) {
      const k = kind[i]!;
      if (k === T.Newline || k === T.EOF) return -1;
      if (k === T.Assign) return i;
      if (k === T.LParen || k === T.LBracket || k === T.LBrace) i = this.skipGroup(i);
      else i++;
    }
  }

  /** The statement must end here; returns its last token and consumes the Newline. */
  endStatement(): number {
    const k = this.kind[this.pos];
    if (k !== T.Newline && k !== T.EOF) this.fail(this.pos, `expected end of statement, found ${this.describe(this.pos)}`);
    const last = this.pos - 1;
    if (k !== T.EOF) this.pos++;
    return last;
  }

  /** Skip a header line and, if it opens an indented block, the whole block (and nothing after). */
  skipCompound(): number {
    this.skipLine();
    let last = this.pos - 1;
    if (this.kind[this.pos] === T.Newline) this.pos++;
    if (this.kind[this.pos] === T.Indent) {
      this.pos = this.match[this.pos]! + 1;
      last = this.pos - 1;
    }
    return last;
  }

  expr(flags: number): Expr {
    const first = this.pos;
    // Most keys and values are one token: no descent through binary, unary and postfix.
    if (ENDS_EXPRESSION[this.kind[first + 1]!] === 1) {
      const atom = this.atom(first);
      if (atom !== undefined) return atom;
    }
    this.enter(first);
    let result = this.binary(flags);
    if (!(flags & NO_TERNARY) && this.keyword(this.pos) === K.If) {
      this.pos++;
      this.binary(flags);
      if (this.keyword(this.pos) !== K.Else) this.fail(this.pos, `expected 'else', found ${this.describe(this.pos)}`);
      this.pos++;
      const orElse = this.expr(flags);
      result = { type: "other", construct: "ternary", first, last: orElse.last };
    }
    this.depth--;
    return result;
  }

  binaryOperatorLength(at: number): number {
    const k = this.kind[at];
    if (k === T.Operator || k === T.Minus || k === T.Plus || k === T.Star || k === T.DoubleStar) return 1;
    if (k !== T.Name) return 0;
    const keyword = this.keyword(at);
    if (keyword === K.And || keyword === K.Or || keyword === K.In || keyword === K.As) return 1;
    if (keyword === K.Not) return this.keyword(at + 1) === K.In ? 2 : 0;
    if (keyword === K.Is) return this.keyword(at + 1) === K.Not ? 2 : 1;
    return 0;
  }

  binary(flags: number): Expr {
    const first = this.pos;
    const left = this.unary(flags);
    let length = this.binaryOperatorLength(this.pos);
    if (length === 0) return left;
    const operands = [left];
    const operators: number[] = [];
    while (length > 0) {
      operators.push(this.pos);
      this.pos += length;
      operands.push(this.unary(flags));
      length = this.binaryOperatorLength(this.pos);
    }
    return new OperationNode(this.tokens, operands, operators, first, this.pos - 1);
  }

  unary(flags: number): Expr {
    const k = this.kind[this.pos];
    if (k === T.Minus || k === T.Plus || k === T.Tilde || this.keyword(this.pos) === K.Not) return this.prefixed(flags);
    return this.postfix(flags);
  }

  /** A unary operator and its operand: `-1`, `not a`, a level deeper each (`------1` is six). */
  prefixed(flags: number): Expr {
    const first = this.pos++;
    this.enter(first);
    const operand = this.unary(flags);
    this.depth--;
    return new OperationNode(this.tokens, [operand], [first], first, operand.last);
  }

  postfix(flags: number): Expr {
    const first = this.pos;
    let node = this.primary();
    let callee: NameExpr | undefined;
    const kind = this.kind;
    while (true) {
      const k = kind[this.pos];
      if ((k === T.Dot || k === T.QuestionDot) && kind[this.pos + 1] === T.Name) {
        node =
          node.type === "name" && k === T.Dot
            ? new NameNode(this.tokens, first, this.pos + 1)
            : { type: "other", construct: "attribute", first, last: this.pos + 1 };
        callee = undefined;
        this.pos += 2;
      } else if (k === T.LBracket || (k === T.Question && kind[this.pos + 1] === T.LBracket)) {
        this.pos = this.skipGroup(k === T.Question ? this.pos + 1 : this.pos);
        node = { type: "other", construct: "subscript", first, last: this.pos - 1 };
        callee = undefined;
      } else if (k === T.LParen) {
        callee = node.type === "name" ? node : undefined;
        this.pos = this.skipGroup(this.pos);
        node = { type: "other", construct: "call", first, last: this.pos - 1 };
      } else if (k === T.LBrace && !(flags & NO_SCHEMA) && (node.type === "name" || callee)) {
        const schema = node.type === "name" ? node : callee!;
        const config = this.config();
        node =
          config.type === "config"
            ? new SchemaNode(schema, config, first, config.last)
            : { type: "other", construct: config.construct, first, last: config.last };
        callee = undefined;
      } else {
        return node;
      }
    }
  }

  /** A name (not a keyword), string or number at `at`, consumed; undefined for any other token. */
  atom(at: number): Expr | undefined {
    const k = this.kind[at];
    let node: Expr;
    if (k === T.Name && this.keyword(at) === K.Other) node = new NameNode(this.tokens, at, at);
    else if (k === T.String) node = { type: "string", token: at, first: at, last: at };
    else if (k === T.Number) node = { type: "other", construct: "number", first: at, last: at };
    else return undefined;
    this.pos = at + 1;
    return node;
  }

  primary(): Expr {
    const at = this.pos;
    const k = this.kind[at];
    switch (k) {
      case T.Name: {
        const keyword = this.keyword(at);
        if (keyword === K.Other) {
          this.pos++;
          return new NameNode(this.tokens, at, at);
        }
        if (keyword === K.Lambda) return this.lambda();
        const quantifier = keyword === K.All || keyword === K.Any || keyword === K.Map || keyword === K.Filter;
        if (quantifier && this.kind[at + 1] === T.Name) return this.quantifier();
        this.pos++;
        const constant = keyword === K.TrueValue || keyword === K.FalseValue || keyword === K.NoneValue || keyword === K.UndefinedValue;
        return constant ? { type: "other", construct: "constant", first: at, last: at } : new NameNode(this.tokens, at, at);
      }
      case T.String:
        this.pos++;
        return { type: "string", token: at, first: at, last: at };
      case T.Number:
        this.pos++;
        return { type: "other", construct: "number", first: at, last: at };
      case T.LParen:
        this.pos = this.skipGroup(at);
        return { type: "other", construct: "parentheses", first: at, last: this.pos - 1 };
      case T.LBracket:
        return this.list();
      case T.LBrace:
        return this.config();
      default:
        this.fail(at, `expected an expression, found ${this.describe(at)}`);
    }
  }

  /**
   * `lambda params [-> type] { body }`. Parameter types and defaults may be braces too
   * (`lambda {config: {str:}} -> any {`, `attrs: {:} = {}, b {`): the body is the first
   * brace group not followed by `->`, `=`, `|`, `:` or another `{`, nor by `,` when it is a
   * parameter's type or default (after `:`, `=` or an operator). A body followed by `,` ends
   * the lambda, an item of the config or list around it (`[lambda a { a }, {...}]`).
   */
  lambda(): Expr {
    const first = this.pos++;
    const kind = this.kind;
    while (true) {
      const k = kind[this.pos];
      if (k === T.LBrace) {
        const before = kind[this.pos - 1];
        const parameterPart = before === T.Colon || before === T.Assign || before === T.Operator;
        this.pos = this.skipGroup(this.pos);
        const next = kind[this.pos];
        const more =
          next === T.Arrow ||
          (next === T.Comma && parameterPart) ||
          next === T.Assign ||
          next === T.Colon ||
          next === T.LBrace ||
          (next === T.Operator && this.tokenText(this.pos) === "|");
        if (!more) return { type: "other", construct: "lambda", first, last: this.pos - 1 };
      } else if (k === T.LParen || k === T.LBracket) this.pos = this.skipGroup(this.pos);
      else if (k === T.Newline || k === T.EOF) this.fail(first, "lambda without a body");
      else this.pos++;
    }
  }

  /** `all|any|map|filter x[, y] in iterable { body }`; the iterable may itself be a literal. */
  quantifier(): Expr {
    const first = this.pos++;
    while (this.keyword(this.pos) !== K.In) {
      if (this.kind[this.pos] !== T.Name && this.kind[this.pos] !== T.Comma) this.fail(this.pos, `expected 'in', found ${this.describe(this.pos)}`);
      this.pos++;
    }
    this.pos++;
    this.expr(NO_SCHEMA | NO_TERNARY);
    if (this.kind[this.pos] !== T.LBrace) this.fail(this.pos, `expected '{', found ${this.describe(this.pos)}`);
    this.pos = this.skipGroup(this.pos);
    return { type: "other", construct: "quantifier", first, last: this.pos - 1 };
  }

  /**
   * 1-based column of a token in code units (after a byte order mark on the first line, which no
   * editor shows). Most lines are short: their start is looked for backwards; a long one
   * (thousands of inline `if` items) asks the source's line table, which building costs a pass over the file.
   */
  column(at: number): number {
    const start = this.start[at]!;
    for (let i = start - 1, stop = Math.max(0, start - LOOK_BACK); i >= stop; i--) {
      const c = this.text.charCodeAt(i);
      if (c === 10 || c === 13) return start - i;
    }
    return this.tokens.source.column(start);
  }

  /** The first token of the line holding token `at`: the one after the last line break, which KCL's lexer reads the line's indentation at (a backslash joins lines). */
  lineFirst(at: number): number {
    const kind = this.kind;
    while (at > 0 && kind[at - 1] !== T.Newline && kind[at - 1] !== T.Indent && kind[at - 1] !== T.Dedent) at--;
    return at;
  }

  list(): Expr {
    const first = this.pos++;
    const items: ListItem[] = [];
    const kind = this.kind;
    while (true) {
      const k = kind[this.pos];
      if (k === T.Newline || k === T.Comma) {
        this.pos++;
        continue;
      }
      if (k === T.RBracket) break;
      const item = this.listItem();
      if (item.type !== "if" && this.keyword(this.pos) === K.For) {
        this.pos = this.skipGroup(first);
        return { type: "other", construct: "list comprehension", first, last: this.pos - 1 };
      }
      items.push(item);
    }
    this.pos++;
    const list: ListExpr = { type: "list", items, first, last: this.pos - 1 };
    return list;
  }

  /** One list item: an expression, an unpacked `*x` (Other), or an `if` item. */
  listItem(): ListItem {
    if (this.keyword(this.pos) === K.If) return this.ifItems(this.readListItem);
    if (this.kind[this.pos] !== T.Star) return this.expr(0);
    const star = this.pos++;
    const inner = this.expr(0);
    return { type: "other", construct: "unpacking", first: star, last: inner.last };
  }

  readonly readListItem = (out: ListItem[]): boolean => {
    out.push(this.listItem());
    return false;
  };

  /** A config literal, or a dict comprehension (`{k: v for ...}`, Other). */
  config(): ConfigExpr | OtherExpr {
    const first = this.pos++;
    const items: ConfigItem[] = [];
    if (this.items(items, -1, this.readConfigItem)) {
      this.pos = this.skipGroup(first);
      return { type: "other", construct: "dict comprehension", first, last: this.pos - 1 };
    }
    if (this.kind[this.pos] !== T.RBrace) this.fail(this.pos, `expected '}', found ${this.describe(this.pos)}`);
    this.pos++;
    return { type: "config", items, first, last: this.pos - 1 };
  }

  /**
   * Config entries or list items (each read by `read`) up to the closing bracket or, for
   * an `if` branch (`column` >= 0), up to a line starting at or left of the `if`.
   * Returns true when the first entry turned out to be a comprehension (`{k: v for ...}`).
   */
  items<Item>(out: Item[], column: number, read: (out: Item[]) => boolean): boolean {
    const kind = this.kind;
    while (true) {
      const k = kind[this.pos];
      if (k === T.Comma) {
        this.pos++;
        continue;
      }
      if (k === T.Newline) {
        this.pos++;
        continue;
      }
      // An `if` branch ends at a line that starts at or left of its `if`.
      if (column >= 0 && kind[this.pos - 1] === T.Newline && this.column(this.pos) <= column) return false;
      if (k === T.RBrace || k === T.RBracket || k === T.EOF) return false;
      if (read(out)) return true;
    }
  }

  /** One config entry into `out`; true when it turned out to be a comprehension. */
  readonly readConfigItem = (out: ConfigItem[]): boolean => {
    if (this.keyword(this.pos) === K.If) {
      out.push(this.ifItems(this.readConfigItem));
    } else if (this.kind[this.pos] === T.DoubleStar) {
      const star = this.pos++;
      const inner = this.expr(0);
      out.push({ type: "unpack", first: star, last: inner.last });
    } else {
      const entry = this.entry();
      if (this.keyword(this.pos) === K.For) return true;
      out.push(entry);
    }
    return false;
  };

  entry(): ConfigEntry {
    const first = this.pos;
    const keyExpr = this.expr(NO_SCHEMA | NO_TERNARY);
    const op = this.kind[this.pos];
    if (op !== T.Colon && op !== T.Assign && op !== T.PlusAssign)
      this.fail(this.pos, `expected ':', '=' or '+=' after a config key, found ${this.describe(this.pos)}`);
    const operator = op === T.Colon ? ":" : op === T.Assign ? "=" : "+=";
    this.pos++;
    const value = this.expr(0);
    return { type: "entry", key: new KeyNode(this.tokens, keyExpr), operator, value, first, last: value.last };
  }

  /** `if c: items (elif c: items)* (else: items)?` inside a config or a list, each item read by `read`. */
  ifItems<Item>(read: (out: Item[]) => boolean): IfItems<Item> {
    const first = this.pos;
    this.enter(first);
    // KCL's lexer reads a branch's block (Indent ... Dedent) against the indentation of the line the `if` is on, which
    // another entry may start (`{a = 1, if c:`); asked only for a block or an elif/else line: one line may hold many.
    let lineColumn = 0;
    const column = (): number => (lineColumn ||= this.column(this.lineFirst(first)));
    const branches: Item[][] = [];
    while (true) {
      if (this.keyword(this.pos) === K.Else) this.pos++;
      else {
        this.pos++;
        this.expr(0);
      }
      this.expect(T.Colon, "':' after the condition");
      const branch: Item[] = [];
      // On the `if` line itself KCL takes exactly one entry (parse_if_entry_exec_block); what follows a comma is the config's again.
      const inline = this.kind[this.pos] !== T.Newline;
      if (inline ? read(branch) : this.items(branch, column(), read)) this.fail(this.pos, "a comprehension cannot be an if entry");
      branches.push(branch);
      let next = this.pos;
      while (this.kind[next] === T.Newline) next++;
      const keyword = this.keyword(next);
      if ((keyword === K.Elif || keyword === K.Else) && this.column(next) === column()) this.pos = next;
      else break;
    }
    let last = this.pos - 1;
    while (this.kind[last] === T.Newline || this.kind[last] === T.Comma) last--;
    this.depth--;
    return { type: "if", branches, first, last };
  }
}

/** How far back column() looks for a line's start before it asks the source's line table. */
const LOOK_BACK = 256;

/** Parse a whole KCL file; throws SourceError (line, column) when it does not tokenize or parse. */
export function parseKcl(text: string): Module {
  const tokens = tokenize(text);
  return { tokens, statements: new Parser(tokens).module() };
}

/**
 * Parse the first KCL expression of a text (an override value), like KCL's parse_expr.
 * `complete` tells whether the expression is all of the text.
 */
export function parseKclExpression(text: string): { readonly tokens: Tokens; readonly expr: Expr; readonly complete: boolean } {
  const tokens = tokenize(text);
  const parser = new Parser(tokens);
  while (tokens.kind[parser.pos] === T.Newline || tokens.kind[parser.pos] === T.Indent) parser.pos++;
  const expr = parser.expr(0);
  while (tokens.kind[parser.pos] === T.Newline || tokens.kind[parser.pos] === T.Dedent) parser.pos++;
  return { tokens, expr, complete: tokens.kind[parser.pos] === T.EOF };
}
