/**
 * The part of Go's text/template that Flux's documented commit-message examples use:
 * `{{ }}` actions with `{{-`/`-}}` trimming, comments, fields, variables, pipelines,
 * `if`/`else if`/`else`, `range` (with `$k, $v :=`), `with`, and a few Go and Sprig
 * functions. Maps range in sorted key order, as Go's do for basic keys.
 */
import { LineIndex } from "../text/line-index.js";
import { quotedExcerpt } from "../text/quoted-excerpt.js";

/**
 * A template that does not parse or fails while running, with the (1-based) line it is on and
 * what is wrong there (`reason`), for a caller that says where the template is written.
 */
export class TemplateError extends Error {
  constructor(
    readonly reason: string,
    readonly line: number,
  ) {
    super(`commit-message template line ${line}: ${reason}`);
    this.name = "TemplateError";
  }
}

type Operand =
  | { readonly type: "field"; readonly base: "dot" | string; readonly path: readonly string[] }
  | { readonly type: "literal"; readonly value: unknown }
  | { readonly type: "function"; readonly name: string }
  | { readonly type: "pipe"; readonly pipe: Pipeline };
type Command = readonly Operand[];
interface Pipeline {
  readonly line: number;
  readonly declare: readonly string[];
  readonly assign: boolean;
  readonly commands: readonly Command[];
}
type Node = { readonly type: "text"; text: string } | { readonly type: "action"; readonly pipe: Pipeline } | Block;
interface Block {
  readonly type: "block";
  readonly kind: "if" | "with" | "range";
  readonly pipe: Pipeline;
  readonly body: Node[];
  readonly otherwise: Node[];
}

/**
 * Throws TemplateError when `template` does not parse: what can be known without data (a block
 * without {{end}}, a function it lacks), so that a configuration names it before any run renders it.
 */
export function checkTemplate(template: string): void {
  parse(template);
}

/** Renders `template` with `data` as dot; throws TemplateError. Exported for tests of the language itself. */
export function renderTemplate(template: string, data: unknown): string {
  const nodes = parse(template);
  const out: string[] = [];
  execute(nodes, data, [{ name: "$", value: data }], out);
  return out.join("");
}

// Lexing --------------------------------------------------------------------------------

interface Action {
  readonly body: string;
  readonly line: number;
}
type Piece = { readonly text: string } | { readonly action: Action };

/** Splits the template into text and actions, applying the `{{-`/`-}}` trim markers. */
function split(template: string): Piece[] {
  const pieces: Piece[] = [];
  let pos = 0;
  let trimNext = false;
  const lines = new LineIndex(template);
  while (pos <= template.length) {
    const open = template.indexOf("{{", pos);
    let text = template.slice(pos, open < 0 ? template.length : open);
    if (trimNext) text = text.replace(/^[ \t\r\n]+/, "");
    if (open < 0) {
      pieces.push({ text });
      break;
    }
    let start = open + 2;
    if (/^-[ \t\r\n]/.test(template.slice(start, start + 2))) {
      text = text.replace(/[ \t\r\n]+$/, "");
      start += 1;
    }
    pieces.push({ text });
    const close = findClose(template, start, lines.lineAt(open));
    let end = close;
    trimNext = false;
    if (/[ \t\r\n]-$/.test(template.slice(close - 2, close))) {
      end = close - 1;
      trimNext = true;
    }
    const body = template.slice(start, end).trim();
    if (!(body.startsWith("/*") && body.endsWith("*/"))) pieces.push({ action: { body, line: lines.lineAt(open) } });
    pos = close + 2;
  }
  return pieces;
}

/** Index of the `}}` closing an action, skipping `}}` inside string literals and comments. */
function findClose(template: string, from: number, line: number): number {
  let i = from;
  while (i < template.length) {
    const c = template[i]!;
    if (template.startsWith("/*", i)) {
      const end = template.indexOf("*/", i + 2);
      if (end < 0) break;
      i = end + 2;
    } else if (c === '"' || c === "`") {
      i++;
      while (i < template.length && template[i] !== c) i += c === '"' && template[i] === "\\" ? 2 : 1;
      i++;
    } else if (template.startsWith("}}", i)) {
      return i;
    } else {
      i++;
    }
  }
  throw new TemplateError("unclosed action: '{{' without '}}'", line);
}

type Token = { readonly kind: "word" | "field" | "var" | "string" | "number" | "punct"; readonly text: string; readonly value?: unknown };

const TOKEN =
  /\s*(?:("(?:[^"\\]|\\.)*")|(`[^`]*`)|(:=|[|(),=])|(\$[A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*)|((?:\.[A-Za-z0-9_]+)+|\.)|(-?\d+(?:\.\d+)?)|([A-Za-z_][A-Za-z0-9_]*))/y;

function tokenize(action: Action): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  const src = action.body;
  while (TOKEN.lastIndex < src.length) {
    if (/^\s*$/.test(src.slice(TOKEN.lastIndex))) break;
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(src);
    if (!m) throw new TemplateError(`unexpected ${JSON.stringify(src.slice(at).trim().slice(0, 20))} in {{${src}}}`, action.line);
    const [, dq, raw, punct, variable, field, num, word] = m;
    if (dq !== undefined) tokens.push({ kind: "string", text: dq, value: JSON.parse(dq) as string });
    else if (raw !== undefined) tokens.push({ kind: "string", text: raw, value: raw.slice(1, -1) });
    else if (punct !== undefined) tokens.push({ kind: "punct", text: punct });
    else if (variable !== undefined) tokens.push({ kind: "var", text: variable });
    else if (field !== undefined) tokens.push({ kind: "field", text: field });
    else if (num !== undefined) tokens.push({ kind: "number", text: num, value: Number(num) });
    else tokens.push({ kind: "word", text: word! });
  }
  return tokens;
}

// Parsing -------------------------------------------------------------------------------

function parse(template: string): Node[] {
  const pieces = split(template);
  let i = 0;
  /** Parses nodes up to `end` or `else` of the block `opener` opened (none: to the end); returns which one stopped it. */
  const list = (opener?: { kind: Block["kind"]; line: number }): { nodes: Node[]; stop?: { word: "end" | "else"; tokens: Token[]; line: number } } => {
    const nodes: Node[] = [];
    while (i < pieces.length) {
      const piece = pieces[i++]!;
      if ("text" in piece) {
        if (piece.text !== "") nodes.push({ type: "text", text: piece.text });
        continue;
      }
      const tokens = tokenize(piece.action);
      const line = piece.action.line;
      const head = tokens[0];
      if (!head) throw new TemplateError("empty action {{ }}", line);
      if (head.kind === "word" && (head.text === "end" || head.text === "else")) {
        if (!opener) throw new TemplateError(`unexpected {{${head.text}}}`, line);
        return { nodes, stop: { word: head.text, tokens: tokens.slice(1), line } };
      }
      if (head.kind === "word" && (head.text === "if" || head.text === "with" || head.text === "range")) {
        nodes.push(block(head.text, tokens.slice(1), line));
      } else if (head.kind === "word" && ["define", "template", "block", "break", "continue"].includes(head.text)) {
        throw new TemplateError(`{{${head.text}}} is not supported in commit-message templates`, line);
      } else {
        nodes.push({ type: "action", pipe: pipeline(tokens, line) });
      }
    }
    if (opener) throw new TemplateError(`missing {{end}} for this {{${opener.kind}}}`, opener.line);
    return { nodes };
  };
  const block = (kind: Block["kind"], tokens: Token[], line: number): Block => {
    const pipe = pipeline(tokens, line);
    const body = list({ kind, line });
    let otherwise: Node[] = [];
    if (body.stop?.word === "else") {
      const rest = body.stop.tokens;
      if (rest[0]?.kind === "word" && (rest[0].text === "if" || rest[0].text === "with")) {
        // `{{else if x}}` is `{{else}}{{if x}}…{{end}}` sharing the outer {{end}}
        otherwise = [block(rest[0].text, rest.slice(1), body.stop.line)];
        return { type: "block", kind, pipe, body: body.nodes, otherwise };
      }
      if (rest.length > 0) throw new TemplateError("unexpected words after {{else}}", body.stop.line);
      const tail = list({ kind, line });
      if (tail.stop?.word !== "end") throw new TemplateError("expected {{end}} after {{else}}", tail.stop?.line ?? line);
      otherwise = tail.nodes;
    }
    return { type: "block", kind, pipe, body: body.nodes, otherwise };
  };
  return list().nodes;
}

function pipeline(tokens: Token[], line: number): Pipeline {
  let declare: string[] = [];
  let assign = false;
  const decl = tokens.findIndex((t) => t.kind === "punct" && (t.text === ":=" || t.text === "="));
  if (decl >= 0) {
    const names = tokens.slice(0, decl);
    if (!names.every((t, k) => (k % 2 === 0 ? t.kind === "var" : t.text === ",")) || names.length === 0) {
      throw new TemplateError("only variables may be declared before ':='", line);
    }
    declare = names.filter((t) => t.kind === "var").map((t) => t.text);
    assign = tokens[decl]!.text === "=";
    tokens = tokens.slice(decl + 1);
  }
  let pos = 0;
  const commands = (): Command[] => {
    const cmds: Command[] = [[]];
    while (pos < tokens.length) {
      const t = tokens[pos]!;
      if (t.kind === "punct" && t.text === ")") break;
      pos++;
      if (t.kind === "punct" && t.text === "|") {
        cmds.push([]);
        continue;
      }
      (cmds.at(-1) as Operand[]).push(operand(t));
    }
    if (cmds.some((c) => c.length === 0)) throw new TemplateError("missing command in pipeline", line);
    return cmds;
  };
  const operand = (t: Token): Operand => {
    switch (t.kind) {
      case "string":
      case "number":
        return { type: "literal", value: t.value };
      case "field":
        return { type: "field", base: "dot", path: t.text === "." ? [] : t.text.slice(1).split(".") };
      case "var": {
        const [name, ...path] = t.text.split(".");
        return { type: "field", base: name!, path };
      }
      case "word":
        if (t.text === "true" || t.text === "false") return { type: "literal", value: t.text === "true" };
        if (t.text === "nil") return { type: "literal", value: undefined };
        if (!Object.hasOwn(FUNCTIONS, t.text)) throw new TemplateError(`function ${JSON.stringify(t.text)} not defined`, line);
        return { type: "function", name: t.text };
      case "punct":
        if (t.text === "(") {
          const inner: Pipeline = { line, declare: [], assign: false, commands: commands() };
          if (tokens[pos]?.text !== ")") throw new TemplateError("unclosed '('", line);
          pos++;
          return { type: "pipe", pipe: inner };
        }
        throw new TemplateError(`unexpected ${JSON.stringify(t.text)}`, line);
    }
  };
  const cmds = commands();
  if (pos < tokens.length) throw new TemplateError("unexpected ')'", line);
  return { line, declare, assign, commands: cmds };
}

// Running -------------------------------------------------------------------------------

interface Variable {
  readonly name: string;
  value: unknown;
}

function execute(nodes: readonly Node[], dot: unknown, vars: Variable[], out: string[]): void {
  for (const node of nodes) {
    if (node.type === "text") {
      out.push(node.text);
    } else if (node.type === "action") {
      const value = evalPipeline(node.pipe, dot, vars);
      if (node.pipe.declare.length === 0) out.push(print(value));
    } else if (node.kind === "if" || node.kind === "with") {
      const scope = [...vars];
      const value = evalPipeline(node.pipe, dot, scope);
      if (truth(value)) execute(node.body, node.kind === "with" ? value : dot, scope, out);
      else execute(node.otherwise, dot, scope, out);
    } else {
      rangeOver(node, dot, vars, out);
    }
  }
}

function rangeOver(node: Block, dot: unknown, vars: Variable[], out: string[]): void {
  const { pipe } = node;
  const value = evalPipeline({ ...pipe, declare: [] }, dot, vars);
  let entries: [unknown, unknown][];
  if (value instanceof Map) {
    const keys: unknown[] = [...value.keys()];
    // Go ranges basic map keys sorted; the default sort compares strings by code unit, as Go compares bytes of ASCII keys.
    if (keys.every((k) => typeof k === "string")) keys.sort();
    entries = keys.map((k) => [k, value.get(k)]);
  } else if (Array.isArray(value)) {
    entries = value.map((v, i) => [i, v]);
  } else if (value === undefined || value === null) {
    entries = [];
  } else {
    throw new TemplateError(`range can't iterate over ${quotedExcerpt(print(value))}`, pipe.line);
  }
  if (entries.length === 0) {
    execute(node.otherwise, dot, [...vars], out);
    return;
  }
  if (pipe.declare.length > 2) throw new TemplateError("range declares at most two variables", pipe.line);
  for (const [key, element] of entries) {
    const scope = [...vars];
    if (pipe.declare.length === 1) scope.push({ name: pipe.declare[0]!, value: element });
    if (pipe.declare.length === 2) scope.push({ name: pipe.declare[0]!, value: key }, { name: pipe.declare[1]!, value: element });
    execute(node.body, element, scope, out);
  }
}

function evalPipeline(pipe: Pipeline, dot: unknown, vars: Variable[]): unknown {
  let value: unknown;
  pipe.commands.forEach((command, k) => {
    value = evalCommand(command, dot, vars, pipe.line, k === 0 ? [] : [value]);
  });
  if (pipe.declare.length > 0) {
    const name = pipe.declare[0]!;
    if (pipe.assign) {
      const known = [...vars].reverse().find((v) => v.name === name);
      if (!known) throw new TemplateError(`undefined variable ${name}`, pipe.line);
      known.value = value;
    } else {
      vars.push({ name, value });
    }
  }
  return value;
}

function evalCommand(command: Command, dot: unknown, vars: Variable[], line: number, piped: unknown[]): unknown {
  const [first, ...rest] = command;
  if (first!.type === "function") {
    const args = [...rest.map((o) => evalOperand(o, dot, vars, line)), ...piped];
    try {
      return FUNCTIONS[first!.name]!(...args);
    } catch (error) {
      throw new TemplateError(`${first!.name}: ${(error as Error).message}`, line);
    }
  }
  if (rest.length > 0 || piped.length > 0) throw new TemplateError("can't give arguments to a value that is not a function", line);
  return evalOperand(first!, dot, vars, line);
}

function evalOperand(operand: Operand, dot: unknown, vars: Variable[], line: number): unknown {
  switch (operand.type) {
    case "literal":
      return operand.value;
    case "pipe":
      return evalPipeline(operand.pipe, dot, vars);
    case "function":
      return evalCommand([operand], dot, vars, line, []);
    case "field": {
      let value: unknown = dot;
      if (operand.base !== "dot") {
        const variable = [...vars].reverse().find((v) => v.name === operand.base);
        if (!variable) throw new TemplateError(`undefined variable ${operand.base}`, line);
        value = variable.value;
      }
      for (const name of operand.path) value = field(value, name, line);
      return value;
    }
  }
}

/** `.Name` on a value: a map key (missing = no value, like Go maps) or a field (missing = error, like Go structs). */
function field(value: unknown, name: string, line: number): unknown {
  if (value instanceof Map) return value.get(name);
  // Own fields only, as a Go struct has no others: not `constructor` or `__proto__`, which every object inherits.
  if (typeof value === "object" && value !== null && Object.hasOwn(value, name)) return (value as Record<string, unknown>)[name];
  if (value === undefined || value === null) throw new TemplateError(`nil pointer evaluating .${name}`, line);
  // Named by its type and fields, as Go names it by its type: the value may be all the data (.Value for .Values).
  const fields = typeof value === "object" && !Array.isArray(value) ? Object.keys(value) : [];
  const shown = fields.length > FIELDS_NAMED + 1 ? [...fields.slice(0, FIELDS_NAMED), `and ${fields.length - FIELDS_NAMED} more`] : fields;
  throw new TemplateError(`can't evaluate field ${name} in type ${typeName(value)}${shown.length > 0 ? ` (its fields: ${shown.join(", ")})` : ""}`, line);
}

/** How many of a value's fields an error names: Flux's data has at most four a level. */
const FIELDS_NAMED = 10;

/**
 * A value's type, as Go's errors name it: a class's name (the Go type the data mirrors, as
 * `NamespacedName`), `struct` for a plain object, a slice by its first element, or Go's basic type.
 */
function typeName(value: unknown): string {
  if (Array.isArray(value)) return `[]${value.length > 0 ? typeName(value[0]) : "interface {}"}`;
  if (value instanceof Map) return "map";
  if (typeof value === "object" && value !== null) return value.constructor === Object || value.constructor === undefined ? "struct" : value.constructor.name;
  if (typeof value === "number") return Number.isInteger(value) ? "int" : "float64";
  return typeof value === "boolean" ? "bool" : typeof value;
}

/** Go's notion of "true" for if/with: not false, 0, "", nil, or empty. */
function truth(value: unknown): boolean {
  if (value instanceof Map) return value.size > 0;
  if (Array.isArray(value)) return value.length > 0;
  return value !== undefined && value !== null && value !== false && value !== 0 && value !== "";
}

/** fmt.Sprint-like printing. */
function print(value: unknown): string {
  if (value === undefined || value === null) return "<no value>";
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return `[${value.map(print).join(" ")}]`;
  if (value instanceof Map) return `map[${[...value].map(([k, v]) => `${print(k)}:${print(v)}`).join(" ")}]`;
  // A value with a String method of its own (Go's fmt.Stringer, as types.NamespacedName) prints by it.
  if (typeof value === "object" && value.toString !== Object.prototype.toString) return value.toString();
  if (typeof value === "object") return `{${Object.values(value).map(print).join(" ")}}`;
  return String(value);
}

function str(value: unknown): string {
  return typeof value === "string" ? value : print(value);
}

function equal(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === "object" && a !== null && typeof b === "object" && b !== null && print(a) === print(b));
}

type TemplateFunction = (...args: unknown[]) => unknown;

/**
 * Go's builtins and the Sprig string functions Flux's examples use. Null-prototype and frozen: a
 * template names no function every object inherits (`constructor`, `__defineGetter__`, which
 * would replace an entry for every later render of the process).
 */
const FUNCTIONS: Readonly<Record<string, TemplateFunction>> = Object.freeze(
  Object.setPrototypeOf(
    {
      eq: (a, ...bs) => bs.some((b) => equal(a, b)),
      ne: (a, b) => !equal(a, b),
      lt: (a, b) => (a as number) < (b as number),
      le: (a, b) => (a as number) <= (b as number),
      gt: (a, b) => (a as number) > (b as number),
      ge: (a, b) => (a as number) >= (b as number),
      not: (a) => !truth(a),
      and: (...xs) => xs.find((x) => !truth(x)) ?? xs.at(-1),
      or: (...xs) => xs.find((x) => truth(x)) ?? xs.at(-1),
      len: (x) => (x instanceof Map ? x.size : Array.isArray(x) || typeof x === "string" ? x.length : 0),
      // A list takes an integer index only: a string would reach the array's own members ("constructor", "length").
      index: (x, ...keys) => keys.reduce((v, k) => (v instanceof Map ? v.get(k) : Array.isArray(v) && Number.isInteger(k) ? v[k as number] : undefined), x),
      print: (...xs) => xs.map(str).join(""),
      println: (...xs) => `${xs.map(str).join(" ")}\n`,
      printf: (format, ...xs) => {
        let k = 0;
        return str(format).replace(/%[svdq%]/g, (verb) => (verb === "%%" ? "%" : verb === "%q" ? JSON.stringify(str(xs[k++])) : str(xs[k++])));
      },
      lower: (s) => str(s).toLowerCase(),
      upper: (s) => str(s).toUpperCase(),
      title: (s) => str(s).replace(/\b\w/g, (c) => c.toUpperCase()),
      trim: (s) => str(s).trim(),
      trimPrefix: (prefix, s) => (str(s).startsWith(str(prefix)) ? str(s).slice(str(prefix).length) : str(s)),
      trimSuffix: (suffix, s) => (str(s).endsWith(str(suffix)) && str(suffix) !== "" ? str(s).slice(0, -str(suffix).length) : str(s)),
      contains: (substr, s) => str(s).includes(str(substr)),
      hasPrefix: (prefix, s) => str(s).startsWith(str(prefix)),
      hasSuffix: (suffix, s) => str(s).endsWith(str(suffix)),
      replace: (from, to, s) => str(s).split(str(from)).join(str(to)),
      join: (sep, list) => (Array.isArray(list) ? list.map(str).join(str(sep)) : str(list)),
      quote: (...xs) => xs.map((x) => JSON.stringify(str(x))).join(" "),
      default: (fallback, value) => (truth(value) ? value : fallback),
      trunc: (n, s) => ((n as number) >= 0 ? str(s).slice(0, n as number) : str(s).slice(n as number)),
    } satisfies Record<string, TemplateFunction>,
    null,
  ),
);
