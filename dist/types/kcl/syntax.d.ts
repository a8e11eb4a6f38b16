/**
 * The KCL syntax tree subset we read: enough to find config entries and string literals
 * with their offsets. Everything we do not need (schema bodies, lambdas, `if` statements,
 * comprehensions, ...) is an `Other` node or statement that only records its extent.
 *
 * Every node has `first`/`last`: indexes of its first and last token in `Tokens`.
 * Text offsets are `tokens.start[first]` and `tokens.end[last]`.
 */
import type { Tokens } from "./tokenizer.js";
/** Tokens `first`..`last`. */
export interface TokenRange {
    readonly first: number;
    readonly last: number;
}
type NodeBase = TokenRange;
/** A string literal; `token` is its token index. */
export interface StringExpr extends NodeBase {
    readonly type: "string";
    readonly token: number;
}
/** A (possibly dotted) identifier: `config`, `app.App`, `$type`. */
export interface NameExpr extends NodeBase {
    readonly type: "name";
    readonly name: string;
}
export interface ConfigExpr extends NodeBase {
    readonly type: "config";
    readonly items: readonly ConfigItem[];
}
/** `S {...}`, `pkg.S {...}`, `S(args) {...}`. */
export interface SchemaExpr extends NodeBase {
    readonly type: "schema";
    readonly name: string;
    readonly config: ConfigExpr;
}
export interface ListExpr extends NodeBase {
    readonly type: "list";
    /** Items as written; an unpacked `*x` is `Other`. */
    readonly items: readonly ListItem[];
}
/**
 * A unary or binary operation (KCL's build_expr_from_string quotes these). A chain of binary
 * operators is one node, its operators as written between its operands (`a + b == c`: `+`, `==`),
 * with no precedence applied; a unary one has one operand and one operator (`-`, `not`).
 */
export interface OperationExpr extends NodeBase {
    readonly type: "operation";
    readonly operands: readonly Expr[];
    /** The token each operator starts at (`not in` at its `not`): all the parse records. */
    readonly operatorTokens: readonly number[];
    /** The operators' text, read from their tokens when asked. */
    readonly operators: readonly string[];
}
/** Which expression an Other is: a warning about a string the editor never reads names it. */
export type OtherConstruct = "number" | "constant" | "parentheses" | "call" | "subscript" | "attribute" | "ternary" | "lambda" | "quantifier" | "list comprehension" | "dict comprehension" | "unpacking";
/** Numbers, calls, comprehensions, lambdas, ternaries, ... : extent and which it is only. */
export interface OtherExpr extends NodeBase {
    readonly type: "other";
    readonly construct: OtherConstruct;
}
export type Expr = StringExpr | NameExpr | ConfigExpr | SchemaExpr | ListExpr | OperationExpr | OtherExpr;
export type EntryOperator = ":" | "=" | "+=";
/** A config key. `parts` is undefined for keys a path can never name (subscripts, calls). */
export interface ConfigKey extends NodeBase {
    /** `containers.guestbook` -> ["containers", "guestbook"]; `"app.version"` -> ["app.version"]. */
    readonly parts: readonly string[] | undefined;
}
export interface ConfigEntry extends NodeBase {
    readonly type: "entry";
    readonly key: ConfigKey;
    readonly operator: EntryOperator;
    readonly value: Expr;
}
/** `**expr` */
export interface UnpackEntry extends NodeBase {
    readonly type: "unpack";
}
/** `if cond: items` with its `elif`/`else` branches, in a config (entries) or a list (items). */
export interface IfItems<Item> extends NodeBase {
    readonly type: "if";
    readonly branches: readonly (readonly Item[])[];
}
export type ConfigItem = ConfigEntry | UnpackEntry | IfItems<ConfigItem>;
export type ListItem = Expr | IfItems<ListItem>;
export interface ImportStatement extends NodeBase {
    readonly type: "import";
}
/** `x = v`, `x: T = v`, `a = b = v` (every target listed, as dotted text). */
export interface AssignStatement extends NodeBase {
    readonly type: "assign";
    readonly targets: readonly string[];
    readonly value: Expr;
    /** The tokens of `T` in `x: T = v`. */
    readonly annotation?: TokenRange;
}
/** `x += v`, `x -= v`, ... */
export interface AugAssignStatement extends NodeBase {
    readonly type: "aug-assign";
    readonly target: string;
    readonly operator: string;
    readonly value: Expr;
}
/** `x: S {...}` */
export interface UnificationStatement extends NodeBase {
    readonly type: "unification";
    readonly target: string;
    readonly value: SchemaExpr;
}
/** Which statement an Other is: a warning about a string the editor never reads names it. */
export type OtherStatementConstruct = "decorator" | "type alias" | "schema" | "rule" | "protocol" | "mixin" | "if block" | "for block" | "assert" | "check block" | "type annotation" | "expression";
/** Schema/rule/protocol definitions, `if` blocks, asserts, type aliases, expressions... */
export interface OtherStatement extends NodeBase {
    readonly type: "other";
    readonly construct: OtherStatementConstruct;
}
export type Statement = ImportStatement | AssignStatement | AugAssignStatement | UnificationStatement | OtherStatement;
export interface Module {
    readonly tokens: Tokens;
    readonly statements: readonly Statement[];
}
export {};
