/**
 * A template that does not parse or fails while running, with the (1-based) line it is on and
 * what is wrong there (`reason`), for a caller that says where the template is written.
 */
export declare class TemplateError extends Error {
    readonly reason: string;
    readonly line: number;
    constructor(reason: string, line: number);
}
/**
 * Throws TemplateError when `template` does not parse: what can be known without data (a block
 * without {{end}}, a function it lacks), so that a configuration names it before any run renders it.
 */
export declare function checkTemplate(template: string): void;
/** Renders `template` with `data` as dot; throws TemplateError. Exported for tests of the language itself. */
export declare function renderTemplate(template: string, data: unknown): string;
