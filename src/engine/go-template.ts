/**
 * The part of Go's text/template that Flux's documented commit-message examples use:
 * `{{ }}` actions with `{{-`/`-}}` trimming, comments, fields (and niladic methods), variables,
 * pipelines, parenthesised pipelines, `if`/`else if`/`else`, `range` (with `$k, $v :=`), `with`,
 * decimal integer, string and bool literals, and a few Go and Sprig functions (FUNCTIONS), with
 * Go's types: a function given a value of the wrong type fails, as Go's does. Maps range and
 * print in sorted key order, as Go's do (struct keys field by field). What it lacks (other
 * functions, `define`/`template`/`block`, `break`/`continue`, floating-point numbers, printf
 * verbs other than %s %v %d %q) is refused, never rendered otherwise than Go would.
 * test/engine/go-template-oracle.test.ts compares it with Go's own.
 *
 * go-template-parse.ts reads a template, go-template-exec.ts runs it, go-template-functions.ts
 * holds its functions (with go-fmt.ts and go-strings.ts), go-template-values.ts Go's values.
 */
import { execute } from "./go-template-exec.js";
import { parse } from "./go-template-parse.js";

export { TemplateError } from "./go-template-parse.js";
export { compareStrings, GO_PRINT, GoMap, sortedEntries, type GoPrinted } from "./go-template-values.js";

/**
 * Throws TemplateError when `template` does not parse: what can be known without data (a block
 * without {{end}}, a function it lacks), so that a configuration names it before any run renders it.
 */
export function checkTemplate(template: string): void {
  parse(template);
}

/** Renders `template` with `data` as dot; throws TemplateError. Exported for tests of the language itself. */
export function renderTemplate(template: string, data: unknown): string {
  const nodes = parse(template);
  const out: string[] = [];
  execute(nodes, data, [{ name: "$", value: data }], out);
  return out.join("");
}
