/**
 * A KCL number literal as `kcl run` writes it out: the counterpart of yaml/quoting.ts's
 * numberRead, for the `-O` value a number would replace (kcl/override.ts's retype warning).
 */

/** What each of KCL's unit suffixes multiplies an int by (ast.rs NumberBinarySuffix). */
const UNITS: Readonly<Record<string, number>> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  k: 1e3,
  K: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  Ki: 1024,
  Mi: 1024 ** 2,
  Gi: 1024 ** 3,
  Ti: 1024 ** 4,
  Pi: 1024 ** 5,
};

/**
 * A number literal's value as `kcl run` writes it out, or undefined for text KCL reads as no number. An int is read as
 * KCL's bytes_to_int reads it (crates/parser/src/parser/int.rs): `0x10` is 16, and a leading 0 makes it octal (`010` is 8);
 * a float (`5.10`, `1e3`) and an int with a unit suffix (`1Ki`, a number multiplier) are written as serde_json writes an
 * f64: 5.1, 1000.0, 1024.0.
 */
export function kclNumberRead(text: string): string | undefined {
  const int = /^(0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|0[0-7_]*|[1-9][0-9_]*)([numkKMGTP]|[KMGTP]i)?$/.exec(text);
  if (int) {
    const digits = int[1]!.replaceAll("_", "");
    const value = BigInt(/^0[0-7]/.test(digits) ? `0o${digits.slice(1)}` : digits);
    if (value > 2n ** 63n - 1n) return undefined;
    return int[2] === undefined ? String(value) : f64Text(Number(value) * UNITS[int[2]]!);
  }
  // A float has a point or an exponent, and no `_` (Rust's f64 parse refuses one); `08` is an int KCL cannot read.
  const float = /^[0-9]+(?:\.[0-9]*(?:[eE][-+]?[0-9]+)?|[eE][-+]?[0-9]+)$/.test(text) ? Number(text) : NaN;
  // One past f64's range is no number to KCL's output (null).
  return Number.isFinite(float) ? f64Text(float) : undefined;
}

/** A finite, positive f64 as serde_json (ryu) writes it: the shortest digits that read back, `.0` on an integer, an exponent outside 1e-5..1e16. */
function f64Text(value: number): string {
  const [mantissa, exponent] = value.toExponential().split("e") as [string, string];
  const digits = mantissa.replace(".", "");
  // The decimal point's place in the digits.
  const point = Number(exponent) + 1;
  if (point >= digits.length && point <= 16) return `${digits.padEnd(point, "0")}.0`;
  if (point > 0 && point <= 16) return `${digits.slice(0, point)}.${digits.slice(point)}`;
  if (point > -5 && point <= 0) return `0.${"0".repeat(-point)}${digits}`;
  return `${digits[0]}${digits.length > 1 ? `.${digits.slice(1)}` : ""}e${point - 1}`;
}
