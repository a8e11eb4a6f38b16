import { SourceText } from "./source.js";
/** Token kinds. Operators have one kind each so the parser compares numbers. */
export declare const T: {
    readonly EOF: 0;
    readonly Name: 1;
    readonly Number: 2;
    readonly String: 3;
    readonly Newline: 4;
    readonly Indent: 5;
    readonly Dedent: 6;
    readonly LParen: 10;
    readonly RParen: 11;
    readonly LBracket: 12;
    readonly RBracket: 13;
    readonly LBrace: 14;
    readonly RBrace: 15;
    readonly Comma: 16;
    readonly Colon: 17;
    readonly Semicolon: 18;
    readonly Dot: 19;
    readonly Assign: 20;
    readonly AugAssign: 21;
    readonly PlusAssign: 22;
    readonly Arrow: 23;
    readonly At: 24;
    readonly Question: 25;
    readonly QuestionDot: 26;
    readonly Ellipsis: 27;
    readonly Star: 28;
    readonly DoubleStar: 29;
    readonly Minus: 30;
    readonly Plus: 31;
    readonly Tilde: 32;
    readonly Operator: 33;
};
/** String token flags. */
export declare const StringFlag: {
    readonly Raw: 1;
    readonly Triple: 2;
    readonly Interpolated: 4;
    readonly SingleQuote: 8;
};
export interface Tokens {
    readonly source: SourceText;
    readonly count: number;
    readonly kind: Uint8Array;
    readonly start: Int32Array;
    readonly end: Int32Array;
    /** StringFlag bits for string tokens, 0 otherwise. */
    readonly flags: Uint8Array;
    /**
     * For an opening bracket, the index of its closing bracket; for an Indent, of its Dedent.
     * Meaningless for other tokens. The parser skips what it does not model (schema bodies,
     * calls, lambdas) in one step instead of walking their tokens.
     */
    readonly match: Int32Array;
    /** Comments (`#` to end of line), in order; not part of the token stream. */
    readonly commentStart: Int32Array;
    readonly commentEnd: Int32Array;
    readonly commentCount: number;
}
/** Where a text's source starts: after a byte order mark, which is no part of it. */
export declare function sourceStart(text: string): number;
/** A KCL file's tokens (tokenize's), or none for text KCL cannot lex, where a reader that only looks has nothing to read. */
export declare function tryTokenize(text: string): Tokens | undefined;
/** Tokenize a whole KCL file; throws SourceError (line, column) on text KCL cannot lex. */
export declare function tokenize(text: string): Tokens;
/** Whether `text` is one KCL name as tokenize reads names, `$`-escaped or not: what a statement can assign. */
export declare function isName(text: string): boolean;
