/**
 * How a string is written as a YAML scalar when it replaces another one: in the
 * original's style (plain, 'single', "double"), falling back to double quotes whenever
 * the plain form would not read back as the same string, in YAML 1.2 or in YAML 1.1
 * (go-yaml v2, PyYAML: Helm, kubectl and kyaml still read `on`, `0777`, `1_000` as
 * non-strings). This is kyaml's FormatNonStringStyle rule, plus escaping for any text.
 */
import type { FlowScalar, ScalarNode } from "./node.js";
/** True when a YAML 1.1 or 1.2 reader would not read this plain text as a string. */
export declare function readsAsNonString(value: string): boolean;
/**
 * The number plain `text` reads as, as a reader prints it back, or undefined for text that reads as no number:
 * `5.10` reads as 5.1, `1e3` as 1000, `0x10` as 16. Where YAML 1.1 and 1.2 differ, as YAML 1.1 reads it, as Helm
 * and kubectl do (`010` is 8, `1_000` is 1000, `1:20` is 80); `0o10`, YAML 1.2's only, is 8.
 */
export declare function numberRead(text: string): string | undefined;
/**
 * The boolean plain `text` is to YAML 1.1, where YAML 1.2 reads it as a string: `yes`, `on`, `y` are true and `no`,
 * `off`, `n` false to Helm and kubectl, strings to the yaml npm package and go-yaml v3 (kyaml). Undefined for any other text.
 */
export declare function yaml11Boolean(text: string): boolean | undefined;
/** What plain `text` is to YAML 1.1 when it is a number, boolean or null, as a message names it; undefined for any other text. */
export declare function nonStringType(text: string): "number" | "boolean" | "null" | undefined;
/**
 * Why `next`, written plain over the plain non-string `held`, is not read as the text given, as a warning says it; undefined
 * when it is. A number is what YAML reads (`5.10` is 5.1, which Helm renders as the tag `5.1`); a boolean of YAML 1.1 alone
 * (`yes`, `on`) is one to Helm and kubectl and a string to YAML 1.2 readers, unless the field held one already: the file
 * is read as YAML 1.1 then.
 */
export declare function misreadAs(held: string, next: string): string | undefined;
/** True when `value` can be written as a plain scalar and reads back as the same string. */
export declare function isPlainSafe(value: string, inFlow: boolean): boolean;
/** A double-quoted scalar: escapes quotes, backslashes and everything not printable. */
export declare function doubleQuoted(value: string): string;
/** Quoting style of a flow scalar. */
export type FlowStyle = FlowScalar["style"];
/** The source text for `value` in the given style, changing style only when the value needs it. */
export declare function renderScalar(value: string, style: FlowStyle, inFlow: boolean): string;
/**
 * How a YAML string whose bytes are not its text as renderScalar writes it on one line is
 * written, for a message ("folded (>) string", "multi-line double-quoted string");
 * undefined when they are, so that an edit of its text is the same edit of its bytes,
 * escaped character by character.
 */
export declare function scalarForm(node: ScalarNode, source: string, inFlow: boolean): string | undefined;
