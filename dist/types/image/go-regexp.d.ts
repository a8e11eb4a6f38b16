/**
 * Go (RE2) regular expressions, as Flux writes them in `filterTags.pattern` and
 * `exclusionList`, run on JavaScript's engine.
 *
 * A Go pattern is not a JS pattern: `(?P<name>…)` is a syntax error in JS, lookarounds and
 * backreferences are JS-only, `\s` and `.` mean other characters, and Go's `$name`
 * templates (Regexp.ExpandString) keep none of the unmatched text. So the pattern is
 * tokenized with Go's rules and re-emitted as a JS pattern (flag `v`) that matches the same
 * strings: every literal is written as an escape, so no Go character can mean something
 * else in JS. What Go refuses is refused here with Go's reason.
 *
 * Go's flags (`(?i)`, `(?m)`, `(?s)`, `(?U)`) may stand anywhere and hold until their group
 * closes, or scope a group (`(?i:…)`). JS in Node 20 has no inline modifiers, and its own `i`
 * and `m` flags differ from Go's at the edges (`\b` under `i`, `\r` as a line end under `m`),
 * so every flag is applied while writing each atom and the JS expression uses none of them.
 */
export declare class GoRegexpError extends Error {
    readonly pattern: string;
    readonly reason: string;
    constructor(pattern: string, reason: string);
}
export interface GoRegexp {
    /** The pattern as written (Go syntax). */
    readonly source: string;
    /** The equivalent JS expression (no `g` flag: `exec` finds the leftmost match, as Go does). */
    readonly regexp: RegExp;
    /** Capture group names by group number; index 0 is the whole match, unnamed groups are undefined. */
    readonly groupNames: readonly (string | undefined)[];
}
/** Compile a Go RE2 pattern; throws GoRegexpError with Go's reason when Go would refuse it. */
export declare function compileGoRegexp(pattern: string): GoRegexp;
/**
 * Go's `Regexp.ExpandString(nil, template, src, match)`: `$1`, `${1}`, `$name`, `${name}`
 * and `$$`. `$name` takes the longest run of letters, digits and `_` (so `$1x` names a group
 * "1x", usually not the one meant); an unknown or non-participating group expands to
 * nothing; a malformed `$` is kept as text. The result is the expanded template only.
 */
export declare function expandTemplate(re: GoRegexp, template: string, match: RegExpExecArray): string;
