/**
 * Go's fmt and strconv as a commit-message template prints with them: fmt.Sprint (`%v`, and
 * what an action prints), fmt.Sprintf for the verbs the subset has, and strconv.Quote.
 */
import { GO_PRINT, methodOf, sortedEntries, typeName, type GoPrinted, type Value } from "./go-template-values.js";

/**
 * fmt.Sprint of one value (`%v`): nil as `<nil>`, maps sorted, structs as `{field …}` (or as their
 * GO_PRINT says), a `String` method (Go's fmt.Stringer) used.
 */
export function print(value: Value): string {
  if (value === undefined || value === null) return "<nil>";
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return `[${value.map(print).join(" ")}]`;
  if (value instanceof Map)
    return `map[${sortedEntries(value)
      .map(([k, v]) => `${print(k)}:${print(v)}`)
      .join(" ")}]`;
  if (typeof value === "object") {
    // A value with a String method (Go's fmt.Stringer, as types.NamespacedName) prints by it: the
    // method a template calls as `.String`, found as the template finds it, not JavaScript's toString.
    const stringer = methodOf(value, "String");
    if (stringer) return String(stringer.call(value));
    if (GO_PRINT in value) return (value as GoPrinted)[GO_PRINT]();
    return `{${Object.values(value).map(print).join(" ")}}`;
  }
  return String(value);
}

/** fmt.Sprint: a space between two operands when neither is a string. */
export function sprint(xs: readonly Value[]): string {
  return xs.map((x, k) => (k > 0 && typeof x !== "string" && typeof xs[k - 1] !== "string" ? " " : "") + print(x)).join("");
}

/** fmt.Sprintf for the verbs %s, %v, %d and %q without flags; what Go would print an error into the text for (`%!d(string=a)`) is refused. */
export function sprintf(format: string, xs: readonly Value[]): string {
  let k = 0;
  const text = format.replace(/%([^a-zA-Z%]*)([a-zA-Z%]?)/g, (whole, flags: string, verb: string) => {
    if (flags !== "" || !"svdq%".includes(verb) || verb === "")
      throw new Error(`format ${whole}: only %s, %v, %d, %q and %% are supported in commit-message templates`);
    if (verb === "%") return "%";
    if (k >= xs.length) throw new Error(`format ${whole} has no argument`);
    const x = xs[k++];
    if (verb === "v") return print(x);
    if (verb === "d" && typeof x === "number") return String(x);
    if (verb === "q" && typeof x === "string") return goQuote(x);
    if (verb === "s" && (typeof x === "string" || (typeof x === "object" && x !== null && onlyStrings(x)))) return print(x);
    throw new Error(`format ${whole} of ${typeName(x)}`);
  });
  if (k < xs.length) throw new Error(`${xs.length - k} argument(s) more than the format uses`);
  return text;
}

/** True when `%s` prints `value` as `%v` does: every basic value in it is a string. */
function onlyStrings(value: Value): boolean {
  if (typeof value === "string") return true;
  if (value instanceof Map) return [...value].every(([k, v]) => onlyStrings(k) && onlyStrings(v));
  if (Array.isArray(value)) return value.every(onlyStrings);
  if (typeof value === "object" && value !== null) return methodOf(value, "String") !== undefined || Object.values(value).every(onlyStrings);
  return false;
}

/** Go's strconv.Quote (`%q`): Go's escapes, `\x`, `\u` and `\U` for what Go does not print (JSON's differ). */
export function goQuote(s: string): string {
  const SHORT: Readonly<Record<string, string>> = {
    "\x07": "\\a",
    "\b": "\\b",
    "\f": "\\f",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\v": "\\v",
    "\\": "\\\\",
    '"': '\\"',
  };
  let out = "";
  for (const c of s) {
    const code = c.codePointAt(0)!;
    if (SHORT[c] !== undefined) out += SHORT[c];
    else if (c === " " || (/[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(c) && code !== 0xad)) out += c;
    else if (code < 0x80) out += `\\x${code.toString(16).padStart(2, "0")}`;
    else if (code < 0x10000) out += `\\u${code.toString(16).padStart(4, "0")}`;
    else out += `\\U${code.toString(16).padStart(8, "0")}`;
  }
  return `"${out}"`;
}
