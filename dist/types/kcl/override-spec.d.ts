/**
 * KCL `-O` override specs, parsed exactly as kcl-lang/kcl does (crates/query/src/override.rs
 * split_override_spec_op + parse_override_spec, crates/query/src/path.rs
 * parse_attribute_path; reference/kcl-override.md §1.2–§1.3), error texts included.
 */
import { SourceError } from "../change.js";
export type OverrideOperation = "=" | ":" | "+=" | "-";
export interface OverrideSpec {
    /** The field path as written, trimmed (`config.containers["a.b"].image`); with an empty key, as KCL reads it (`a..b` is `a.b`). */
    readonly path: string;
    /** The path split into keys: ["config", "containers", "a.b", "image"]. */
    readonly parts: readonly string[];
    readonly operation: OverrideOperation;
    /** The value text, trimmed; "" for a delete. */
    readonly value: string;
}
export declare class OverrideSpecError extends SourceError {
    readonly spec: string;
    constructor(spec: string, message: string);
}
/** parse_attribute_path: `a.b["c.d"].e` -> ["a", "b", "c.d", "e"]. */
export declare function parseOverridePath(path: string): string[];
/** Parse one `-O` spec: `path=value`, `path:value`, `path+=value` or `path-`. */
export declare function parseOverrideSpec(spec: string): OverrideSpec;
/** A word KCL reserves: no statement can assign it (`True = 1` is refused). */
export declare function isKeyword(word: string): boolean;
/** A key that can be written bare in a path and in KCL source: a name as the tokenizer reads one (Unicode XID, `名称`), not a keyword. */
export declare function isIdentifier(key: string): boolean;
/**
 * Keys as a path a user writes: ["config", "labels", "app.version"] -> `config.labels["app.version"]`;
 * after `base`, a path written already (`config.containers[0]`), when given.
 */
export declare function formatOverridePath(parts: readonly string[], base?: string): string;
