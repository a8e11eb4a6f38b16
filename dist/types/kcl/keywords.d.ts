/**
 * The words the parser decides on (KCL keywords and the names it treats specially),
 * recognized in place in the text: the parser asks about most name tokens, and a
 * substring or `startsWith` per question cost more than the rest of its work on them.
 */
import { type Tokens } from "./tokenizer.js";
/** Keyword ids; `Other` is any other name (and any token that is not a name). */
export declare const Keyword: {
    readonly Other: 0;
    readonly Import: 1;
    readonly Type: 2;
    readonly Schema: 3;
    readonly Rule: 4;
    readonly Protocol: 5;
    readonly Mixin: 6;
    readonly If: 7;
    readonly Elif: 8;
    readonly Else: 9;
    readonly For: 10;
    readonly Assert: 11;
    readonly Check: 12;
    readonly Lambda: 13;
    readonly All: 14;
    readonly Any: 15;
    readonly Map: 16;
    readonly Filter: 17;
    readonly And: 18;
    readonly Or: 19;
    readonly In: 20;
    readonly As: 21;
    readonly Not: 22;
    readonly Is: 23;
    readonly TrueValue: 24;
    readonly FalseValue: 25;
    readonly NoneValue: 26;
    readonly UndefinedValue: 27;
};
/**
 * The words KCL reserves: no statement can assign one (`True = 1` is refused), and a key that
 * is one is written quoted. Not `type`, which the parser decides on but KCL's lexer does not
 * reserve: it opens a type alias only before a name (`type X = …`) and is a name elsewhere.
 */
export declare const RESERVED: ReadonlySet<string>;
/** The Keyword of the name `text[start, end)`, Keyword.Other when it is none of them. */
export declare function keywordOf(text: string, start: number, end: number): number;
/** The Keyword of token `at` (Keyword.Other for other names and for any other token). */
export declare function keywordAt(tokens: Tokens, at: number): number;
