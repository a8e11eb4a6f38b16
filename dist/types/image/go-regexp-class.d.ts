/**
 * Go's character classes (`[a-z]`, `\d`, `[[:alpha:]]`, `\pL`, `.`, folded under `(?i)`) as sets
 * of code points. A set is written as a JS class (flag `v`), whose Unicode properties and case
 * folding match Go's, and tested one code point at a time: a single class cannot backtrack.
 */
/** A set of code points the matcher tests one at a time. */
export interface CodePointSet {
    has(cp: number): boolean;
}
/** Go's `.`: every character but `\n`. */
export declare const DOT: CodePointSet;
/** Go's `.` under `(?s)`: every character. */
export declare const DOT_ALL: CodePointSet;
/** A set written as JS class syntax; `source` is the whole class (`[…]`). */
export declare class ClassSet implements CodePointSet {
    readonly source: string;
    private readonly regexp;
    /** Answers for the first 256 code points, filled on first test: 0 unknown, 1 in, 2 out. Tags are ASCII. */
    private readonly known;
    constructor(source: string);
    has(cp: number): boolean;
}
/** A set's contents: `body` is JS class contents; `negated`: the set is everything else. */
export interface ClassBody {
    readonly body: string;
    readonly negated: boolean;
}
/** Go's `\s`: ASCII white space only (JS's `\s` also matches U+00A0, U+2028, …). */
export declare const GO_SPACE = "\\x09\\x0a\\x0c\\x0d\\x20";
/** Go's POSIX classes (`[[:alpha:]]`), as JS class contents. */
export declare const POSIX_CLASSES: Readonly<Record<string, string>>;
/** A literal code point as a JS escape that means exactly that character inside a class. */
export declare function literal(cp: number): string;
/**
 * Go's `\pL`, `\p{Greek}`, `\P{^Lu}` as a set with a JS property escape; undefined for a name
 * Go does not know: Any, a general category or a script, spelt exactly. (Go 1.25 also takes
 * other spellings and aliases, `\p{Letter}`, `\p{greek}`, and Cn, LC, ASCII, Assigned.)
 */
export declare function unicodeClass(name: string, negated: boolean): ClassBody | undefined;
/**
 * What Go's case folding adds to a set (`body`, JS class contents): the code points outside it
 * that fold like one inside, as JS class contents. JS's `i` flag folds as Go does (Unicode simple
 * case folding), so it finds them.
 */
export declare function foldedExtras(body: string): string;
