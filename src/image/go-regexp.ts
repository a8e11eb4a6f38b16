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

import { parseGoRegexp } from "./go-regexp-parse.js";
import { PikeVM } from "./pike-vm.js";

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
export function compileGoRegexp(pattern: string): GoRegexp {
  const { root, groupNames } = parseGoRegexp(pattern);
  const vm = new PikeVM(root, groupNames.length);
  return { source: pattern, groupNames, test: (text) => vm.test(text), exec: (text) => vm.exec(text) };
}

/**
 * Go's `Regexp.ExpandString(nil, template, src, match)`: `$1`, `${1}`, `$name`, `${name}`
 * and `$$`. `$name` takes the longest run of letters, digits and `_` (so `$1x` names a group
 * "1x", usually not the one meant); an unknown or non-participating group expands to
 * nothing, and a name given to several groups to the first that took part; a malformed `$`
 * is kept as text. The result is the expanded template only.
 */
export function expandTemplate(re: GoRegexp, template: string, match: Submatches): string {
  let out = "";
  let rest = template;
  for (;;) {
    const dollar = rest.indexOf("$");
    if (dollar < 0) break;
    out += rest.slice(0, dollar);
    rest = rest.slice(dollar + 1);
    if (rest.startsWith("$")) {
      out += "$";
      rest = rest.slice(1);
      continue;
    }
    const ref = /^(?:\{([\p{L}\p{Nd}_]+)\}|([\p{L}\p{Nd}_]+))/u.exec(rest);
    if (!ref) {
      out += "$";
      continue;
    }
    rest = rest.slice(ref[0].length);
    const name = ref[1] ?? ref[2]!;
    if (/^(?:0|[1-9][0-9]{0,8})$/.test(name)) out += match[Number(name)] ?? "";
    // Go lets several groups have one name, and expands the first of them that took part.
    else out += match.find((group, i) => group !== undefined && re.groupNames[i] === name) ?? "";
  }
  return out + rest;
}
