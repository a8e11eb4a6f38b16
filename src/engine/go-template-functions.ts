/**
 * The functions a commit-message template may call: Go's text/template builtins and the Sprig
 * string functions Flux's examples use, with Go's parameter types and arity (typed()).
 */
import { quotedExcerpt } from "../text/quoted-excerpt.js";
import { goQuote, print, sprint, sprintf } from "./go-fmt.js";
import { GO_SPACE, mapText, title, utf8 } from "./go-strings.js";
import { compareStrings, GoMap, isStruct, isStructKeyed, truth, typeName, type Value } from "./go-template-values.js";

/**
 * How Go passes an argument to a parameter: `string` and `int` take only that type (anything
 * else fails, a missing value too), `any` (interface{}) takes anything with a missing value as
 * nil, `value` (reflect.Value, Go's builtins) takes anything as it is.
 */
type Param = "string" | "int" | "any" | "value";

export interface GoFunction {
  readonly params: readonly Param[];
  /** The type of the parameters after `params`, for a variadic function. */
  readonly variadic?: Param;
  readonly body: (args: readonly Value[]) => Value;
}

/** `args` checked and converted for `fn`'s parameters, as Go's text/template does before a call. */
export function typed(name: string, fn: GoFunction, args: readonly Value[]): Value[] {
  const { params, variadic } = fn;
  if (variadic ? args.length < params.length : args.length !== params.length)
    throw new Error(`wrong number of args for ${name}: want ${variadic ? "at least " : ""}${params.length} got ${args.length}`);
  return args.map((arg, k) => {
    const param = params[k] ?? variadic!;
    // nil given to a builtin is Go's invalid value, as a missing key is (`and nil 1` prints <no value>).
    if (param === "value") return arg === null ? undefined : arg;
    if (param === "any") return arg === undefined ? null : arg;
    const ok = param === "string" ? typeof arg === "string" : typeof arg === "number";
    if (!ok) throw new Error(arg === undefined ? `invalid value; expected ${param}` : `wrong type for value; expected ${param}; got ${typeName(arg)}`);
    return arg;
  });
}

/** Go's basic kinds, as its comparison functions tell them apart; anything else is `other`. */
function kind(value: Value): "bool" | "int" | "string" | "other" | "zero" {
  if (value === undefined || value === null) return "zero";
  if (typeof value === "boolean") return "bool";
  if (typeof value === "number") return "int";
  return typeof value === "string" ? "string" : "other";
}

/** Go's `eq` of two values: basic values of one kind, or comparable structs of one type; slices and maps are not comparable. */
function equal(a: Value, b: Value): boolean {
  const [ka, kb] = [kind(a), kind(b)];
  if (ka !== kb) {
    // Go's missing value and nil equal each other only.
    if (ka === "zero" || kb === "zero") return false;
    throw new Error("incompatible types for comparison");
  }
  if (ka === "zero") return true;
  if (ka !== "other") return a === b;
  if (!isStruct(a) || !isStruct(b) || a.constructor !== b.constructor) throw new Error("non-comparable types");
  return Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => equal(v, (b as Record<string, unknown>)[k]));
}

/** Go's `lt`: ints or strings of one kind (strings by their bytes). */
function less(a: Value, b: Value): boolean {
  const [ka, kb] = [kind(a), kind(b)];
  if (ka !== "int" && ka !== "string") throw new Error("invalid type for comparison");
  if (kb !== "int" && kb !== "string") throw new Error("invalid type for comparison");
  if (ka !== kb) throw new Error("incompatible types for comparison");
  return ka === "int" ? (a as number) < (b as number) : compareStrings(a as string, b as string) < 0;
}

/** sprig's strval: a string as it is, anything else as `%v` prints it. */
const strval = (x: Value): string => (typeof x === "string" ? x : print(x));

/** sprig's trunc: the first (or, negative, last) `n` bytes; a cut inside a character is refused (Go would write half of it). */
function trunc(n: number, s: string): string {
  const bytes = utf8(s);
  if (n >= 0 ? bytes.length <= n : bytes.length + n <= 0) return s;
  const part = n >= 0 ? bytes.subarray(0, n) : bytes.subarray(bytes.length + n);
  const text = new TextDecoder().decode(part);
  if (utf8(text).length !== part.length || text.includes("\ufffd")) throw new Error(`cutting ${quotedExcerpt(s)} at ${n} bytes would split a character`);
  return text;
}

/** Go's builtin `index`: slices and strings by an int in range (a string's byte), maps by a key of their key type. */
function index(item: Value, keys: readonly Value[]): Value {
  if (item === undefined || item === null) throw new Error("index of untyped nil");
  let value = item;
  for (const key of keys) {
    if (Array.isArray(value) || typeof value === "string") {
      if (typeof key !== "number") throw new Error(`cannot index slice/array with type ${typeName(key)}`);
      const items = typeof value === "string" ? [...utf8(value)] : value;
      if (key < 0 || key >= items.length) throw new Error(`index out of range: ${key}`);
      value = items[key];
    } else if (value instanceof Map) {
      const structKeys = isStructKeyed(value);
      if (structKeys ? !isStruct(key) : typeof key !== "string") throw new Error(`value has type ${typeName(key)}; should be the map's key type`);
      const found = structKeys ? [...value.keys()].find((k) => equal(k, key)) : key;
      if (value.has(found)) value = value.get(found);
      else if (value instanceof GoMap) value = value.zero;
      else throw new Error(`no key ${quotedExcerpt(String(key))}`);
    } else {
      throw new Error(`can't index item of type ${typeName(value)}`);
    }
  }
  return value;
}

/** Go's builtin `len`: of a string (its bytes), slice or map. */
function length(x: Value): number {
  if (x instanceof Map) return x.size;
  if (Array.isArray(x)) return x.length;
  if (typeof x === "string") return utf8(x).length;
  throw new Error(`len of type ${typeName(x)}`);
}

/** What a parameter holds once typed() has checked and converted the argument for it. */
type ParamValue<P extends Param> = P extends "string" ? string : P extends "int" ? number : Value;
/** The arguments a body is given for `Ps`: a tuple of each parameter's ParamValue. */
type Args<Ps extends readonly Param[]> = { -readonly [K in keyof Ps]: ParamValue<Ps[K]> };

/**
 * A GoFunction whose body sees its arguments with the types its parameters check: typed() runs
 * before every call (evalCommand), so a body given `["string"]` is given a string. The one place
 * that holds the body to that check: the bodies themselves need no cast.
 */
function fn<const Ps extends readonly Param[]>(params: Ps, body: (args: Args<Ps>) => Value): GoFunction;
function fn<const Ps extends readonly Param[], V extends Param>(params: Ps, body: (args: [...Args<Ps>, ...ParamValue<V>[]]) => Value, variadic: V): GoFunction;
function fn(params: readonly Param[], body: (args: never) => Value, variadic?: Param): GoFunction {
  return { params, body: body as (args: readonly Value[]) => Value, ...(variadic && { variadic }) };
}

/**
 * Go's builtins and the Sprig string functions Flux's examples use, with Go's parameter types
 * (sprig's take their string last, to be piped). Null-prototype and frozen: a template names
 * no function every object inherits (`constructor`, `__defineGetter__`, which would replace an
 * entry for every later render of the process).
 */
export const FUNCTIONS: Readonly<Record<string, GoFunction>> = Object.freeze(
  Object.setPrototypeOf(
    {
      eq: fn(["value"], ([a, ...bs]) => bs.length > 0 && bs.some((b) => equal(a, b)), "value"),
      ne: fn(["value", "value"], ([a, b]) => !equal(a, b)),
      lt: fn(["value", "value"], ([a, b]) => less(a, b)),
      le: fn(["value", "value"], ([a, b]) => less(a, b) || equal(a, b)),
      gt: fn(["value", "value"], ([a, b]) => !less(a, b) && !equal(a, b)),
      ge: fn(["value", "value"], ([a, b]) => !less(a, b)),
      not: fn(["value"], ([a]) => !truth(a)),
      and: fn([], () => undefined, "value"), // evaluated by andOr
      or: fn([], () => undefined, "value"),
      len: fn(["value"], ([x]) => length(x)),
      index: fn(["value"], ([x, ...keys]) => index(x, keys), "value"),
      print: fn([], (xs) => sprint(xs), "any"),
      println: fn([], (xs) => `${xs.map(print).join(" ")}\n`, "any"),
      printf: fn(["string"], ([format, ...xs]) => sprintf(format, xs), "any"),
      lower: fn(["string"], ([s]) => mapText(s, "lower")),
      upper: fn(["string"], ([s]) => mapText(s, "upper")),
      title: fn(["string"], ([s]) => title(s)),
      trim: fn(["string"], ([s]) => s.replace(new RegExp(`^[${GO_SPACE}]+|[${GO_SPACE}]+$`, "g"), "")),
      trimPrefix: fn(["string", "string"], ([prefix, s]) => (s.startsWith(prefix) ? s.slice(prefix.length) : s)),
      trimSuffix: fn(["string", "string"], ([suffix, s]) => (s.endsWith(suffix) && suffix !== "" ? s.slice(0, -suffix.length) : s)),
      contains: fn(["string", "string"], ([part, s]) => s.includes(part)),
      hasPrefix: fn(["string", "string"], ([prefix, s]) => s.startsWith(prefix)),
      hasSuffix: fn(["string", "string"], ([suffix, s]) => s.endsWith(suffix)),
      // strings.Replace with an empty old text puts the new one around every character, first and last too.
      replace: fn(["string", "string", "string"], ([from, to, s]) => (from === "" ? (s === "" ? to : `${to}${[...s].join(to)}${to}`) : s.split(from).join(to))),
      join: fn(["string", "any"], ([sep, list]) =>
        (Array.isArray(list) ? list.filter((x) => x !== null && x !== undefined) : list === null ? [] : [list]).map(strval).join(sep),
      ),
      quote: fn([], (xs) => xs.flatMap((x) => (x === null ? [] : [goQuote(strval(x))])).join(" "), "any"),
      default: fn(["any"], ([fallback, value]) => (truth(value) ? value : fallback), "any"),
      trunc: fn(["int", "string"], ([n, s]) => trunc(n, s)),
    } satisfies Record<string, GoFunction>,
    null,
  ),
);
