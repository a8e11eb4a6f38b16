/**
 * Go (RE2) regular expressions, as Flux writes them in `filterTags.pattern` and
 * `exclusionList`, with Go's syntax, semantics and complexity.
 *
 * A Go pattern is not a JS pattern (`(?P<name>…)`, `\s`, `.` and the flags differ), and Go
 * guarantees time linear in the text, which Flux users rely on: `([0-9a-z]+)*` is harmless in
 * Go but backtracks exponentially in JS, on a tag that comes from the dispatch payload. So the
 * pattern is parsed with Go's rules (go-regexp-parse.ts) and run on a Pike VM (pike-vm.ts),
 * never on JS's engine; only single character classes are left to JS (go-regexp-class.ts).
 */
export { GoRegexpError } from "./go-regexp-parse.js";
/** A match (Go's FindStringSubmatch): the whole match, then each group; undefined where a group took no part. */
export type Submatches = readonly (string | undefined)[];
export interface GoRegexp {
    /** The pattern as written (Go syntax). */
    readonly source: string;
    /** Capture group names by group number; index 0 is the whole match, unnamed groups are undefined. */
    readonly groupNames: readonly (string | undefined)[];
    /** Go's MatchString: does the pattern match anywhere in `text` (unanchored)? */
    test(text: string): boolean;
    /** Go's FindStringSubmatch: the leftmost match in `text`, or null. */
    exec(text: string): Submatches | null;
}
/** Compile a Go RE2 pattern; throws GoRegexpError with Go's reason when Go would refuse it. */
export declare function compileGoRegexp(pattern: string): GoRegexp;
/**
 * Go's `Regexp.ExpandString(nil, template, src, match)`: `$1`, `${1}`, `$name`, `${name}`
 * and `$$`. `$name` takes the longest run of letters, digits and `_` (so `$1x` names a group
 * "1x", usually not the one meant); an unknown or non-participating group expands to
 * nothing, and a name given to several groups to the first that took part; a malformed `$`
 * is kept as text. The result is the expanded template only.
 */
export declare function expandTemplate(re: GoRegexp, template: string, match: Submatches): string;
/**
 * The group references of `template` (as written: `$nope`, `${3}`, `$1x`) that name no group of `re`: each expands to
 * nothing, whatever the tag, as ExpandString reads them.
 */
export declare function unknownGroups(re: GoRegexp, template: string): string[];
