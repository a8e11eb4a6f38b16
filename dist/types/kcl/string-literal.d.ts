/**
 * KCL string literals: what a literal's source text means (escape decoding of
 * crates/parser/src/lexer/string.rs) and how to write a value back in a given style, so an
 * edit keeps the quoting the file already uses.
 */
/** How a literal is written: quote character, triple quotes, `r` prefix (and its case). */
export interface StringStyle {
    readonly quote: '"' | "'";
    readonly triple: boolean;
    /** "" for a plain literal, "r" or "R" for a raw one. */
    readonly prefix: "" | "r" | "R";
}
export interface StringLiteral {
    readonly style: StringStyle;
    /** The text between the quotes, exactly as written. */
    readonly body: string;
}
/** Split a literal's source text (as the tokenizer delimits it) into style and body. */
export declare function readStringLiteral(raw: string): StringLiteral;
/**
 * The value a literal denotes (before interpolation). Raw literals keep backslashes;
 * `\<newline>` is a continuation; unknown escapes (and `\U` beyond Unicode) keep both
 * characters; `\${` stays `${`.
 * `\N{name}` is kept as written (no Unicode name table here).
 */
export declare function stringLiteralValue(raw: string): string;
/**
 * Write `value` as a literal of `style`. The raw prefix is kept only when the value needs
 * no escape in it; otherwise the literal becomes a plain one of the same quote.
 * `${` is escaped so a value never turns into an interpolation. A triple-quoted literal is
 * dedented when read (`"""  two"""` is "two"): a value it would change is written in single
 * quotes of the same kind instead, so the file holds exactly the value.
 */
export declare function writeStringLiteral(value: string, style: StringStyle): string;
