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
  return templateParts(template)
    .map((part) => {
      if (part.group === undefined) return part.text;
      const group = groupNumber(part.group);
      // Go lets several groups have one name, and expands the first of them that took part.
      return (group !== undefined ? match[group] : match.find((text, i) => text !== undefined && re.groupNames[i] === part.group)) ?? "";
    })
    .join("");
}

/**
 * The group references of `template` (as written: `$nope`, `${3}`, `$1x`) that name no group of `re`: each expands to
 * nothing, whatever the tag, as ExpandString reads them.
 */
export function unknownGroups(re: GoRegexp, template: string): string[] {
  return templateParts(template)
    .filter((part) => {
      if (part.group === undefined) return false;
      const group = groupNumber(part.group);
      return group !== undefined ? group >= re.groupNames.length : !re.groupNames.includes(part.group);
    })
    .map((part) => part.text);
}

/** A piece of a template: text as it is, or a `$` reference (its text as written) to the group named or numbered `group`. */
interface TemplatePart {
  readonly text: string;
  readonly group?: string;
}

/** ExpandString's reading of a template: `$$` is a `$`, a malformed `$` is text. */
function templateParts(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let rest = template;
  for (;;) {
    const dollar = rest.indexOf("$");
    if (dollar < 0) break;
    parts.push({ text: rest.slice(0, dollar) });
    rest = rest.slice(dollar + 1);
    if (rest.startsWith("$")) {
      parts.push({ text: "$" });
      rest = rest.slice(1);
      continue;
    }
    const ref = /^(?:\{([\p{L}\p{Nd}_]+)\}|([\p{L}\p{Nd}_]+))/u.exec(rest);
    if (!ref) {
      parts.push({ text: "$" });
      continue;
    }
    rest = rest.slice(ref[0].length);
    parts.push({ text: `$${ref[0]}`, group: ref[1] ?? ref[2]! });
  }
  parts.push({ text: rest });
  return parts;
}

/** The group number a reference names (`1`, not `01`, which Go reads as a name), or undefined for a name. */
function groupNumber(name: string): number | undefined {
  return /^(?:0|[1-9][0-9]{0,8})$/.test(name) ? Number(name) : undefined;
}
