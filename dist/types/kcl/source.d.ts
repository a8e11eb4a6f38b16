/**
 * Positions in a KCL source text. Every offset in src/kcl is a UTF-16 index into the JS
 * string (so edits can splice it); this converts consistently to the real file's UTF-8
 * byte offsets and to 1-based lines and columns. Both tables are built on first use:
 * the tokenizer's hot loop never pays for them.
 */
export declare class SourceText {
    #private;
    readonly text: string;
    constructor(text: string);
    /** 1-based line of a UTF-16 index. LF, CRLF and CR all end a line. */
    line(index: number): number;
    /** 1-based column (in UTF-16 code units) of an index; a leading BOM, which no editor shows, is not counted. */
    column(index: number): number;
    /** Index where the line holding `index` starts. */
    lineStart(index: number): number;
    /** Index just after the line terminator of the line holding `index` (or the text's end). */
    nextLineStart(index: number): number;
    /** Index where the line holding `index` ends, before its terminator. */
    lineEnd(index: number): number;
    /** The first line terminator of the file, the one edits use for new lines. */
    lineEnding(): string;
    /** UTF-8 byte offset of a UTF-16 index. */
    byteOffset(index: number): number;
    /** UTF-16 index of a UTF-8 byte offset that starts a character. */
    indexOfByte(byte: number): number;
    private lines;
    private buildWide;
}
