/**
 * KCL `-O` override specs, parsed exactly as kcl-lang/kcl does (crates/query/src/override.rs
 * split_override_spec_op + parse_override_spec, crates/query/src/path.rs
 * parse_attribute_path; reference/kcl-override.md §1.2–§1.3), error texts included.
 */
import { SourceError } from "../change.js";
import { RESERVED } from "./keywords.js";
import { isName } from "./tokenizer.js";

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

export class OverrideSpecError extends SourceError {
  constructor(
    readonly spec: string,
    message: string,
  ) {
    super(message);
    this.name = "OverrideSpecError";
  }
}

function invalidSpec(spec: string): OverrideSpecError {
  return new OverrideSpecError(
    spec,
    `Invalid spec format '${spec}', expected <field_path>=<filed_value>, <field_path>:<filed_value>, <field_path>+=<filed_value> or <field_path>-`,
  );
}

/**
 * Length of the string literal KCL's regex `"(?!"").*?(?<!\\)(\\\\)*?"` finds at `at`
 * (the first same quote on the line after an even run of backslashes), or 0.
 */
function quotedLength(chars: readonly string[], at: number): number {
  const quote = chars[at]!;
  if (chars[at + 1] === quote && chars[at + 2] === quote) return 0;
  let backslashes = 0;
  for (let i = at + 1; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === "\n") return 0;
    if (c === quote && backslashes % 2 === 0) return i - at + 1;
    backslashes = c === "\\" ? backslashes + 1 : 0;
  }
  return 0;
}

/** split_override_spec_op: the first `=`, `:` or `+=` outside `[]`/`{}` and quotes. */
function splitOperator(spec: string): { path: string; value: string; operation: "=" | ":" | "+=" } | undefined {
  const chars = Array.from(spec);
  let depth = 0;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (depth === 0 && c === "=") return { path: chars.slice(0, i).join(""), value: chars.slice(i + 1).join(""), operation: "=" };
    if (depth === 0 && c === ":") return { path: chars.slice(0, i).join(""), value: chars.slice(i + 1).join(""), operation: ":" };
    if (depth === 0 && c === "+") {
      if (chars[i + 1] === "=") return { path: chars.slice(0, i).join(""), value: chars.slice(i + 2).join(""), operation: "+=" };
    } else if (c === "[" || c === "{") depth++;
    else if (c === "]" || c === "}") depth = Math.max(0, depth - 1);
    else if (c === '"' || c === "'") {
      const length = quotedLength(chars, i);
      if (length > 0) i += length - 1;
    }
  }
  return undefined;
}

/** parse_attribute_path: `a.b["c.d"].e` -> ["a", "b", "c.d", "e"]. */
export function parseOverridePath(path: string): string[] {
  const parts: string[] = [];
  let current = "";
  let inBrackets = false;
  const chars = Array.from(path);
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (inBrackets) {
      if (c === '"' || c === "'") {
        if (chars[i + 1] !== "]") throw new OverrideSpecError(path, "Expected closing bracket");
        i++;
        inBrackets = false;
      } else current += c;
    } else if (c === ".") {
      if (current !== "") parts.push(current);
      current = "";
    } else if (c === "[") {
      if (current !== "") parts.push(current);
      current = "";
      inBrackets = true;
      const next = chars[++i];
      if (next !== undefined && next !== '"' && next !== "'") throw new OverrideSpecError(path, "Expected opening quote after '['");
    } else if (c === "]") {
      throw new OverrideSpecError(path, "Unmatched closing bracket");
    } else current += c;
  }
  if (current !== "") parts.push(current);
  return parts;
}

/** Parse one `-O` spec: `path=value`, `path:value`, `path+=value` or `path-`. */
export function parseOverrideSpec(spec: string): OverrideSpec {
  const split = splitOperator(spec);
  if (split) {
    const path = split.path.trim();
    const value = split.value.trim();
    if (path === "" || value === "") throw invalidSpec(spec);
    return { ...pathOf(path), operation: split.operation, value };
  }
  if (spec.endsWith("-")) {
    const path = spec.slice(0, -1).trim();
    if (path === "") throw invalidSpec(spec);
    return { ...pathOf(path), operation: "-", value: "" };
  }
  throw invalidSpec(spec);
}

/** A path and its keys: one with an empty key is named as KCL reads it, so that a report names the field set. */
function pathOf(written: string): Pick<OverrideSpec, "path" | "parts"> {
  const parts = parseOverridePath(written);
  const emptyKey = /^\.|\.\.|\.$/.test(written) && parts.length > 0;
  return { path: emptyKey ? formatOverridePath(parts) : written, parts };
}

/** A word KCL reserves: no statement can assign it (`True = 1` is refused). */
export function isKeyword(word: string): boolean {
  return RESERVED.has(word);
}

/** A key that can be written bare in a path and in KCL source: a name as the tokenizer reads one (Unicode XID, `名称`), not a keyword. */
export function isIdentifier(key: string): boolean {
  return isName(key) && !RESERVED.has(key);
}

/**
 * Keys as a path a user writes: ["config", "labels", "app.version"] -> `config.labels["app.version"]`;
 * after `base`, a path written already (`config.containers[0]`), when given.
 */
export function formatOverridePath(parts: readonly string[], base = ""): string {
  return parts.reduce((path, p) => (isIdentifier(p) ? (path === "" ? p : `${path}.${p}`) : `${path}[${JSON.stringify(p)}]`), base);
}
