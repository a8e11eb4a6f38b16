export { TemplateError } from "./go-template-parse.js";
export { compareStrings, GO_PRINT, GoMap, sortedEntries, type GoPrinted } from "./go-template-values.js";
/**
 * Throws TemplateError when `template` does not parse: what can be known without data (a block
 * without {{end}}, a function it lacks), so that a configuration names it before any run renders it.
 */
export declare function checkTemplate(template: string): void;
/** Renders `template` with `data` as dot; throws TemplateError. Exported for tests of the language itself. */
export declare function renderTemplate(template: string, data: unknown): string;
