import type { ConfigExpr, ConfigKey, Expr, NameExpr, OperationExpr, SchemaExpr } from "./syntax.js";
import { type Tokens } from "./tokenizer.js";
/** Source text of a node, from its first token's start to its last token's end. */
export declare function nodeText(tokens: Tokens, node: {
    readonly first: number;
    readonly last: number;
}): string;
/** A name, `a.b.c` when dotted: its tokens are names and dots only (spacing is not part of it). */
export declare class NameNode implements NameExpr {
    private readonly tokens;
    readonly first: number;
    readonly last: number;
    readonly type = "name";
    constructor(tokens: Tokens, first: number, last: number);
    get name(): string;
}
/** `S {...}`, `pkg.S(args) {...}`: the schema's name is read from its name expression. */
export declare class SchemaNode implements SchemaExpr {
    private readonly nameExpr;
    readonly config: ConfigExpr;
    readonly first: number;
    readonly last: number;
    readonly type = "schema";
    constructor(nameExpr: NameExpr, config: ConfigExpr, first: number, last: number);
    get name(): string;
}
/**
 * A unary or binary operation: the parse keeps the token each operator starts at, and its text
 * (`not in`, `is not` for the two-token ones) is read when asked, as only operations holding a
 * screened string ever are.
 */
export declare class OperationNode implements OperationExpr {
    private readonly tokens;
    readonly operands: readonly Expr[];
    readonly operatorTokens: readonly number[];
    readonly first: number;
    readonly last: number;
    readonly type = "operation";
    private text;
    constructor(tokens: Tokens, operands: readonly Expr[], operatorTokens: readonly number[], first: number, last: number);
    get operators(): readonly string[];
}
/** A config key as written: a name (dotted or not), a string, or anything else. */
export declare class KeyNode implements ConfigKey {
    private readonly tokens;
    private readonly expr;
    readonly first: number;
    readonly last: number;
    constructor(tokens: Tokens, expr: Expr);
    get parts(): readonly string[] | undefined;
}
/** A statement's target as the text paths name it: the name, or the source text of anything else. */
export declare function targetText(tokens: Tokens, target: Expr): string;
