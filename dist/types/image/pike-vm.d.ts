/**
 * A parsed Go regexp compiled to a Thompson NFA and run as a Pike VM, as Go's regexp package
 * does: leftmost-first matching with Perl's submatch rules, in time linear in the text whatever
 * the pattern. Every thread steps one character at a time, and at most one thread per
 * instruction survives each step (the one that comes first in priority), so nested quantifiers
 * (`([0-9a-z]+)*`) cannot make the work grow beyond text length × program size.
 */
import type { Node } from "./go-regexp-parse.js";
/**
 * A compiled pattern. Runs reuse its thread lists and buffers, so matching thousands of tags
 * allocates nothing per character; a run never calls out, so runs cannot overlap.
 */
export declare class PikeVM {
    private readonly op;
    private readonly out;
    private readonly arg;
    private readonly sets;
    private readonly start;
    /** Every match starts at the beginning of the text (`^…` or `\A…`), so no thread starts later. */
    private readonly anchored;
    /** Capture slots: a start and an end per group, group 0 being the whole match. */
    private readonly slots;
    private readonly lists;
    /** Pending work while following SPLITs: pairs of (-1, instruction) or (slot, value to restore). */
    private readonly stack;
    /** The capture slots of the thread being followed. */
    private readonly scratch;
    /** The capture slots of the match found. */
    private readonly found;
    /** `groups`: the number of capture groups, counting group 0. */
    constructor(root: Node, groups: number);
    /** The assertions every match must pass before its first character (Go's StartCond). */
    private startCondition;
    /** Go's MatchString: does the pattern match anywhere in `text`? */
    test(text: string): boolean;
    /** Go's FindStringSubmatch: the leftmost match and its groups (undefined where a group took no part), or null. */
    exec(text: string): (string | undefined)[] | null;
    /** Finds the leftmost-first match, keeping `slots` capture slots (0: only whether there is one). */
    private run;
    /**
     * Adds to `list` the thread at `pc` with the capture slots in `scratch`, following SPLITs (first
     * branch first), SAVEs and ASSERTs to the instructions that consume or match. An instruction
     * already in `list` is not added again: the thread there has priority. Iterative, as a
     * program of a thousand copies (`x{1000}`) would be too deep to follow recursively.
     */
    private add;
}
