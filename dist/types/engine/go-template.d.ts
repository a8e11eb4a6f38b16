/** A template that does not parse or fails while running, with the (1-based) line it is on. */
export declare class TemplateError extends Error {
    readonly line: number;
    constructor(message: string, line: number);
}
/** Renders `template` with `data` as dot; throws TemplateError. Exported for tests of the language itself. */
export declare function renderTemplate(template: string, data: unknown): string;
