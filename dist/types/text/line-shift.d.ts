import type { Splice } from "./splice.js";
export declare function shiftLines<C extends {
    readonly line?: number;
}>(changes: readonly C[], before: string, after: string): C[];
/**
 * How many lines the text at an offset of `text` moves down once `ordered` (splices in text order,
 * none overlapping, as applySplices takes them) are made: a splice moves what is after it, not what
 * is in it or at its start (what it adds). Built once, each lookup is O(log splices).
 */
export declare function linesMovedBy(text: string, ordered: readonly Splice[]): (offset: number) => number;
