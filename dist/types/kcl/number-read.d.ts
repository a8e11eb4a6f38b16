/**
 * A KCL number literal as `kcl run` writes it out: the counterpart of yaml/quoting.ts's
 * numberRead, for the `-O` value a number would replace (kcl/override.ts's retype warning).
 */
/**
 * A number literal's value as `kcl run` writes it out, or undefined for text KCL reads as no number. An int is read as
 * KCL's bytes_to_int reads it (crates/parser/src/parser/int.rs): `0x10` is 16, and a leading 0 makes it octal (`010` is 8);
 * a float (`5.10`, `1e3`) and an int with a unit suffix (`1Ki`, a number multiplier) are written as serde_json writes an
 * f64: 5.1, 1000.0, 1024.0.
 */
export declare function kclNumberRead(text: string): string | undefined;
