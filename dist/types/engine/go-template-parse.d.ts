import type { Value } from "./go-template-values.js";
/**
 * A template that does not parse or fails while running, with the (1-based) line it is on and
 * what is wrong there (`reason`), for a caller that says where the template is written.
 */
export declare class TemplateError extends Error {
    readonly reason: string;
    readonly line: number;
    constructor(reason: string, line: number);
}
export type Operand = {
    readonly type: "field";
    readonly base: "dot" | string;
    readonly path: readonly string[];
} | {
    readonly type: "literal";
    readonly value: Value;
} | {
    readonly type: "function";
    readonly name: string;
} | {
    readonly type: "pipe";
    readonly pipe: Pipeline;
    readonly path: readonly string[];
};
export type Command = readonly Operand[];
export interface Pipeline {
    readonly line: number;
    readonly declare: readonly string[];
    readonly assign: boolean;
    readonly commands: readonly Command[];
}
export type Node = {
    readonly type: "text";
    text: string;
} | {
    readonly type: "action";
    readonly pipe: Pipeline;
} | Block;
export interface Block {
    readonly type: "block";
    readonly kind: "if" | "with" | "range";
    readonly pipe: Pipeline;
    readonly body: Node[];
    readonly otherwise: Node[];
}
export declare function parse(template: string): Node[];
