/**
 * The part of Go's text/template that Flux's documented commit-message examples use:
 * `{{ }}` actions with `{{-`/`-}}` trimming, comments, fields, variables, pipelines,
 * `if`/`else if`/`else`, `range` (with `$k, $v :=`), `with`, and a few Go and Sprig
 * functions. Maps range in sorted key order, as Go's do for basic keys.
 */
/** A template that does not parse or fails while running, with the line it is on. */
export declare class TemplateError extends Error {
    constructor(message: string, line: number);
}
/** Renders `template` with `data` as dot; throws TemplateError. Exported for tests of the language itself. */
export declare function renderTemplate(template: string, data: unknown): string;
