/**
 * Offset -> 1-based line over a text, built once, looked up in O(log lines). LF, CRLF and
 * CR all end a line: KCL's rule, and YAML 1.2's (b-break), so every editor reports the
 * same lines for the same text.
 */
export declare class LineIndex {
    #private;
    constructor(text: string);
    /** 1-based line of an offset. */
    lineAt(offset: number): number;
    /** Offset where a 1-based line starts; undefined past the last line. */
    lineStart(line: number): number | undefined;
}
/**
 * How many lines end in text[start, end), by LineIndex's rule: LF, CRLF and a lone CR each
 * end one. A CR just before `end` is no line end when an LF follows it there: that LF ends its line.
 */
export declare function lineBreaks(text: string, start?: number, end?: number): number;
/** 1-based line of one offset, by LineIndex's rule, without building an index: for a text looked up once. */
export declare function lineAt(text: string, offset: number): number;
/** 1-based column (in UTF-16 units) of one offset, by LineIndex's rule, without building an index: for a text looked up once. */
export declare function columnAt(text: string, offset: number): number;
