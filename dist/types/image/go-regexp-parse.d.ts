/**
 * Go (RE2) regular expression syntax, as Flux writes it in `filterTags.pattern` and
 * `exclusionList`, read into a tree that pike-vm.ts runs.
 *
 * What Go refuses is refused here with Go's reason; a repetition with nothing to repeat (`*a`,
 * `a**`) keeps the words this project has always used for it.
 *
 * Go's flags (`(?i)`, `(?m)`, `(?s)`, `(?U)`) may stand anywhere and hold until their group
 * closes, or scope a group (`(?i:…)`). Each atom is read under the flags in force, so the tree
 * holds none: `(?i)` becomes sets of case variants, `(?m)` line assertions, `(?U)` swapped greed.
 */
import type { CodePointSet } from "./go-regexp-class.js";
export declare class GoRegexpError extends Error {
    readonly pattern: string;
    readonly reason: string;
    constructor(pattern: string, reason: string);
}
/** Empty-width assertions as bits (Go's EmptyOp): a position satisfies an assertion when it has all of its bits. */
export declare const BEGIN_LINE = 1;
export declare const END_LINE = 2;
export declare const BEGIN_TEXT = 4;
export declare const END_TEXT = 8;
export declare const WORD_BOUNDARY = 16;
export declare const NO_WORD_BOUNDARY = 32;
export type Node = {
    readonly kind: "empty";
} | {
    readonly kind: "char";
    readonly cp: number;
} | {
    readonly kind: "set";
    readonly set: CodePointSet;
}
/** `condition`: assertion bits that must all hold. */
 | {
    readonly kind: "assert";
    readonly condition: number;
} | {
    readonly kind: "capture";
    readonly index: number;
    readonly sub: Node;
} | {
    readonly kind: "concat";
    readonly subs: readonly Node[];
}
/** Leftmost first: an earlier alternative is preferred. */
 | {
    readonly kind: "alternate";
    readonly subs: readonly Node[];
}
/** `x*` is {0, Infinity}, `x+` {1, Infinity}, `x?` {0, 1}; `greedy` already accounts for `(?U)`. */
 | {
    readonly kind: "repeat";
    readonly sub: Node;
    readonly min: number;
    readonly max: number;
    readonly greedy: boolean;
};
export interface ParsedRegexp {
    readonly root: Node;
    /** Capture group names by group number; index 0 is the whole match, unnamed groups are undefined. */
    readonly groupNames: readonly (string | undefined)[];
}
/** Reads a Go RE2 pattern; throws GoRegexpError with Go's reason when Go would refuse it. */
export declare function parseGoRegexp(pattern: string): ParsedRegexp;
