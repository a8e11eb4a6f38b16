/**
 * How a string is written as a YAML scalar when it replaces another one: in the
 * original's style (plain, 'single', "double"), falling back to double quotes whenever
 * the plain form would not read back as the same string, in YAML 1.2 or in YAML 1.1
 * (go-yaml v2, PyYAML: Helm, kubectl and kyaml still read `on`, `0777`, `1_000` as
 * non-strings). This is kyaml's FormatNonStringStyle rule, plus escaping for any text.
 */
import type { FlowScalar, ScalarNode } from "./node.js";

/** YAML 1.1's booleans that YAML 1.2 reads as strings (go-yaml v2's resolve table), with the boolean 1.1 reads. */
const YAML11_BOOLEANS: ReadonlyMap<string, boolean> = new Map([
  ...["y", "Y", "yes", "Yes", "YES", "on", "On", "ON"].map((word) => [word, true] as const),
  ...["n", "N", "no", "No", "NO", "off", "Off", "OFF"].map((word) => [word, false] as const),
]);

/** The booleans of YAML 1.2 (and 1.1), its nulls but the empty one, and its special floats. */
const BOOLEANS: ReadonlySet<string> = new Set(["true", "True", "TRUE", "false", "False", "FALSE"]);
const NULLS: ReadonlySet<string> = new Set(["~", "null", "Null", "NULL"]);
const SPECIAL_FLOATS: ReadonlySet<string> = new Set([".inf", ".Inf", ".INF"].flatMap((inf) => [inf, `+${inf}`, `-${inf}`]).concat(".nan", ".NaN", ".NAN"));

/** YAML 1.1 and 1.2 booleans and nulls, special floats, and 1.1's merge and value keys. */
const YAML11_WORDS: ReadonlySet<string> = new Set([...YAML11_BOOLEANS.keys(), ...BOOLEANS, ...NULLS, ...SPECIAL_FLOATS, "<<", "="]);

/** Numbers as YAML 1.1 and 1.2 read them (underscores are digit separators in 1.1). */
const NUMBER_PATTERNS = [
  /^[-+]?(?:0|[1-9][0-9_]*)$/, // decimal int
  /^[-+]?0[0-7_]+$/, // 1.1 octal
  /^[-+]?0o[0-7_]+$/, // 1.2 octal
  /^[-+]?0x[0-9a-fA-F_]+$/, // hex
  /^[-+]?0b[01_]+$/, // binary
  /^[-+]?(?:\.[0-9_]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?$/, // float, `1.10`, `1e3`
  /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/, // 1.1 sexagesimal `1:20`
];

/** True when a YAML 1.1 or 1.2 reader would not read this plain text as a string. */
export function readsAsNonString(value: string): boolean {
  return value === "" || YAML11_WORDS.has(value) || NUMBER_PATTERNS.some((pattern) => pattern.test(value));
}

/**
 * The number plain `text` reads as, as a reader prints it back, or undefined for text that reads as no number:
 * `5.10` reads as 5.1, `1e3` as 1000, `0x10` as 16. Where YAML 1.1 and 1.2 differ, as YAML 1.1 reads it, as Helm
 * and kubectl do (`010` is 8, `1_000` is 1000, `1:20` is 80); `0o10`, YAML 1.2's only, is 8.
 */
export function numberRead(text: string): string | undefined {
  if (!NUMBER_PATTERNS.some((pattern) => pattern.test(text))) return undefined;
  const digits = text.replace(/^[-+]/, "").replaceAll("_", "");
  const value = digits.includes(":")
    ? digits.split(":").reduce((sum, part) => sum * 60 + Number(part), 0)
    : /^(?:0x[0-9a-fA-F]+|0o[0-7]+|0b[01]+|[0-9]+)$/.test(digits)
      ? BigInt(/^0[0-7]+$/.test(digits) ? `0o${digits}` : digits)
      : Number(digits);
  // A form the patterns take that holds no digit (`0x_`, `._`): no number to name.
  if (typeof value === "number" && Number.isNaN(value)) return undefined;
  return String(text.startsWith("-") ? -value : value);
}

/**
 * The boolean plain `text` is to YAML 1.1, where YAML 1.2 reads it as a string: `yes`, `on`, `y` are true and `no`,
 * `off`, `n` false to Helm and kubectl, strings to the yaml npm package and go-yaml v3 (kyaml). Undefined for any other text.
 */
export function yaml11Boolean(text: string): boolean | undefined {
  return YAML11_BOOLEANS.get(text);
}

/**
 * Whether a scalar is YAML's null: `~`, `null`, or nothing written plain and untagged (quoted, `'~'` is a string, and
 * `!!str null` the text "null"), or anything tagged `!!null`.
 */
export function readsAsNull(node: ScalarNode): boolean {
  if (node.tag !== undefined) return node.tag === "tag:yaml.org,2002:null";
  return node.style === "plain" && nonStringType(node.text) === "null";
}

/** What plain `text` is to YAML 1.1 when it is a number, boolean or null, as a message names it; undefined for any other text. */
export function nonStringType(text: string): "number" | "boolean" | "null" | undefined {
  if (text === "" || NULLS.has(text)) return "null";
  if (YAML11_BOOLEANS.has(text) || BOOLEANS.has(text)) return "boolean";
  return SPECIAL_FLOATS.has(text) || NUMBER_PATTERNS.some((pattern) => pattern.test(text)) ? "number" : undefined;
}

/**
 * Why `next`, written plain over the plain non-string `held`, is not read as the text given, as a warning says it; undefined
 * when it is. A number is what YAML reads (`5.10` is 5.1, which Helm renders as the tag `5.1`); a boolean of YAML 1.1 alone
 * (`yes`, `on`) is one to Helm and kubectl and a string to YAML 1.2 readers, unless the field held one already: the file
 * is read as YAML 1.1 then.
 */
export function misreadAs(held: string, next: string): string | undefined {
  if (held === next) return undefined;
  const heldType = nonStringType(held);
  const as = (type: string) =>
    `${next} is written as a ${type}, as the field held ${heldType === type ? "one" : heldType === undefined ? held : `a ${heldType}`}`;
  const quoted = `give it quoted (${JSON.stringify(next)})`;
  const read = numberRead(next);
  if (read !== undefined) return read === next ? undefined : `${as("number")}, which YAML reads as ${read}; to set the text ${next}, ${quoted}`;
  const boolean = yaml11Boolean(next);
  if (boolean === undefined || yaml11Boolean(held) !== undefined) return undefined;
  return (
    `${as("boolean")}, which Helm and kubectl (YAML 1.1) read as ${boolean} but YAML 1.2 readers (the yaml npm package, go-yaml v3) ` +
    `as the string "${next}"; write ${boolean} for the boolean, or ${quoted} for the text`
  );
}

/** Characters written unescaped: YAML's c-printable minus tabs, BOM and anything YAML 1.1 reads as a line break. */
function isPrintable(code: number): boolean {
  return (
    (code >= 0x20 && code <= 0x7e) ||
    (code >= 0xa0 && code <= 0xd7ff && code !== 0x2028 && code !== 0x2029) ||
    (code >= 0xe000 && code <= 0xfffd && code !== 0xfeff) ||
    code >= 0x10000
  );
}

const FLOW_INDICATORS = /[,[\]{}]/;

/** True when `value` can be written as a plain scalar and reads back as the same string. */
export function isPlainSafe(value: string, inFlow: boolean): boolean {
  if (readsAsNonString(value)) return false;
  for (const ch of value) if (!isPrintable(ch.codePointAt(0)!)) return false;
  if (/^\s|\s$/.test(value)) return false;
  if (value.startsWith("---") || value.startsWith("...")) return false;
  const first = value[0]!;
  if ("#,[]{}&*!|>'\"%@`".includes(first)) return false;
  // `-`, `?`, `:` start a plain scalar only when a non-space follows.
  if ("-?:".includes(first) && (value.length === 1 || value[1] === " ")) return false;
  if (value.includes(": ") || value.includes(" #") || value.endsWith(":")) return false;
  return !(inFlow && FLOW_INDICATORS.test(value));
}

/** A double-quoted scalar: escapes quotes, backslashes and everything not printable. */
export function doubleQuoted(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (ch === '"' || ch === "\\") out += `\\${ch}`;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\t") out += "\\t";
    else if (isPrintable(code)) out += ch;
    else if (code <= 0xff) out += `\\x${code.toString(16).padStart(2, "0")}`;
    else if (code <= 0xffff) out += `\\u${code.toString(16).padStart(4, "0")}`;
    else out += `\\U${code.toString(16).padStart(8, "0")}`;
  }
  return `${out}"`;
}

/** A single-quoted scalar, or undefined when the text needs escapes single quotes cannot express. */
function singleQuoted(value: string): string | undefined {
  for (const ch of value) if (!isPrintable(ch.codePointAt(0)!)) return undefined;
  return `'${value.replaceAll("'", "''")}'`;
}

/** Quoting style of a flow scalar. */
export type FlowStyle = FlowScalar["style"];

/** The source text for `value` in the given style, changing style only when the value needs it. */
export function renderScalar(value: string, style: FlowStyle, inFlow: boolean): string {
  switch (style) {
    case "double":
      return doubleQuoted(value);
    case "single":
      return singleQuoted(value) ?? doubleQuoted(value);
    case "plain":
      return isPlainSafe(value, inFlow) ? value : doubleQuoted(value);
  }
}

/**
 * How a YAML string whose bytes are not its text as renderScalar writes it on one line is
 * written, for a message ("folded (>) string", "multi-line double-quoted string");
 * undefined when they are, so that an edit of its text is the same edit of its bytes,
 * escaped character by character.
 */
export function scalarForm(node: ScalarNode, source: string, inFlow: boolean): string | undefined {
  if (node.style === "literal") return "literal block (|) string";
  if (node.style === "folded") return "folded (>) string";
  const form = `${{ plain: "plain", single: "single-quoted", double: "double-quoted" }[node.style]} string`;
  if (/[\r\n]/.test(source)) return `multi-line ${form}`;
  return renderScalar(node.text, node.style, inFlow) === source ? undefined : `${form} with non-canonical escapes`;
}
