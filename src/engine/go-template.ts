/**
 * The part of Go's text/template that Flux's documented commit-message examples use:
 * `{{ }}` actions with `{{-`/`-}}` trimming, comments, fields (and niladic methods), variables,
 * pipelines, parenthesised pipelines, `if`/`else if`/`else`, `range` (with `$k, $v :=`), `with`,
 * decimal integer, string and bool literals, and a few Go and Sprig functions (FUNCTIONS), with
 * Go's types: a function given a value of the wrong type fails, as Go's does. Maps range and
 * print in sorted key order, as Go's do (struct keys field by field). What it lacks (other
 * functions, `define`/`template`/`block`, `break`/`continue`, floating-point numbers, printf
 * verbs other than %s %v %d %q) is refused, never rendered otherwise than Go would.
 * test/engine/go-template-oracle.test.ts compares it with Go's own.
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

/**
 * A Go map as the data gives it: `zero` is what `index` reads for a key it lacks (Go's zero
 * value of its element type: "" for map[string]string), and `structKeys` says its keys are
 * structs, which no `.Name` reads (Go refuses), even when it is empty. A plain Map is a map of
 * string keys whose zero value is not known: `index` refuses a key it lacks.
 */
export class GoMap<K, V> extends Map<K, V> {
  constructor(
    entries: Iterable<readonly [K, V]>,
    readonly zero: V,
    readonly structKeys = false,
  ) {
    super(entries);
  }
}

/**
 * Go's values as a template sees them: `undefined` is Go's invalid value (a key a map lacks,
 * which prints `<no value>`), `null` is nil, numbers are ints, arrays are slices, Maps are maps and
 * other objects are structs (their own fields, and their class's capitalised methods).
 */
type Value = unknown;

type Operand =
  | { readonly type: "field"; readonly base: "dot" | string; readonly path: readonly string[] }
  | { readonly type: "literal"; readonly value: Value }
  | { readonly type: "function"; readonly name: string }
  | { readonly type: "pipe"; readonly pipe: Pipeline; readonly path: readonly string[] };
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

/** Go's trim marker: `{{-` and `-}}` with white space (space, tab, CR, LF) on their inner side. */
const SPACE = /[ \t\r\n]/;

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
    if (template[start] === "-" && SPACE.test(template[start + 1] ?? "")) {
      text = text.replace(/[ \t\r\n]+$/, "");
      start += 2;
    }
    pieces.push({ text });
    const line = lines.lineAt(open);
    // A comment opens right after the delimiter (and its trim marker) and closes right before the other: Go refuses `{{ /* x */ }}`.
    const comment = template.startsWith("/*", start);
    const close = comment ? commentClose(template, start, line) : findClose(template, start, line);
    let end = close;
    trimNext = false;
    if (template[close - 1] === "-" && SPACE.test(template[close - 2] ?? "") && close - 2 >= start) {
      end = close - 2;
      trimNext = true;
    }
    if (!comment) pieces.push({ action: { body: template.slice(start, end), line } });
    pos = close + 2;
  }
  return pieces;
}

/** Index of the `}}` closing the comment opening at `from`: right after its `*` + `/`, or after a trim marker. */
function commentClose(template: string, from: number, line: number): number {
  const end = template.indexOf("*/", from + 2);
  if (end < 0) throw new TemplateError("unclosed comment", line);
  const after = end + 2;
  if (template.startsWith("}}", after)) return after;
  if (SPACE.test(template[after] ?? "") && template.startsWith("-}}", after + 1)) return after + 2;
  throw new TemplateError("comment ends before closing delimiter", line);
}

/** Index of the `}}` closing an action, skipping `}}` inside string literals. */
function findClose(template: string, from: number, line: number): number {
  let i = from;
  while (i < template.length) {
    const c = template[i]!;
    if (c === '"' || c === "`") {
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

type Token = {
  readonly kind: "word" | "field" | "var" | "string" | "number" | "punct";
  readonly text: string;
  readonly value?: Value;
  /** White space before it: `(.X).Y` chains a field, `(.X) .Y` gives an argument. */
  readonly spaced: boolean;
};

// A double-quoted string holds no newline (Go's lexer stops there); a number is lexed as Go lexes one, then checked (parseNumber).
const TOKEN =
  /(\s*)(?:("(?:[^"\\\n]|\\[^\n])*")|(`[^`]*`)|(:=|[|(),=])|(\$[\p{L}\p{Nd}_]*(?:\.[\p{L}\p{Nd}_]+)*)|((?:\.[\p{L}\p{Nd}_]+)+|\.)|([-+]?\.?[0-9][0-9A-Za-z_.+-]*)|([\p{L}_][\p{L}\p{Nd}_]*)|('))/uy;

function tokenize(action: Action): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  const src = action.body;
  while (TOKEN.lastIndex < src.length) {
    if (/^\s*$/.test(src.slice(TOKEN.lastIndex))) break;
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(src);
    if (!m) throw new TemplateError(`unexpected ${JSON.stringify(src.slice(at).trim().slice(0, 20))} in {{${src}}}`, action.line);
    const [, space, dq, raw, punct, variable, field, num, word, char] = m;
    if (char !== undefined) throw new TemplateError("character constants ('a') are not supported in commit-message templates", action.line);
    const spaced = space !== "" || at === 0;
    if (dq !== undefined) tokens.push({ kind: "string", text: dq, value: unquote(dq, action.line), spaced });
    else if (raw !== undefined) tokens.push({ kind: "string", text: raw, value: raw.slice(1, -1).replace(/\r/g, ""), spaced });
    else if (punct !== undefined) tokens.push({ kind: "punct", text: punct, spaced });
    else if (variable !== undefined) tokens.push({ kind: "var", text: variable, spaced });
    else if (field !== undefined) tokens.push({ kind: "field", text: field, spaced });
    else if (num !== undefined) tokens.push({ kind: "number", text: num, value: parseNumber(num, action.line), spaced });
    else tokens.push({ kind: "word", text: word!, spaced });
  }
  return tokens;
}

/** A decimal integer: Go's octal (`017`), hex, floating-point and other spellings print otherwise than JavaScript would, so they are refused. */
function parseNumber(text: string, line: number): number {
  const value = Number(text);
  if (!/^-?(?:0|[1-9][0-9]*)$/.test(text) || !Number.isSafeInteger(value))
    throw new TemplateError(`number ${text}: only decimal integers are supported in commit-message templates`, line);
  return value;
}

/** Go's strconv.Unquote of a double-quoted string: JSON's escapes are not Go's (`\x41`, `\a`, `\101` are; `\/` is not). */
function unquote(quoted: string, line: number): string {
  const ESCAPES: Readonly<Record<string, string>> = { a: "\x07", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v", "\\": "\\", '"': '"' };
  return quoted
    .slice(1, -1)
    .replace(/\\(?:([abfnrtv\\"])|x([0-9A-Fa-f]{2})|([0-7]{3})|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|([^]?))/g, (_, c, x, o, u, U, bad) => {
      if (c !== undefined) return ESCAPES[c as string]!;
      // \x and octal escapes are bytes: one above 0x7f would be half a UTF-8 character, which a JavaScript string cannot hold.
      const code = parseInt((x ?? o ?? u ?? U) as string, x !== undefined ? 16 : o !== undefined ? 8 : 16);
      const byte = x !== undefined || o !== undefined;
      if (bad !== undefined || (byte && code > 0x7f) || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
        throw new TemplateError(`invalid syntax in string ${quotedExcerpt(quoted)}`, line);
      return String.fromCodePoint(code);
    });
}

// Parsing -------------------------------------------------------------------------------

function parse(template: string): Node[] {
  const pieces = split(template);
  let i = 0;
  /** The variables in scope, as Go's parser knows them: using another is an error even where it never runs. */
  const scope: string[] = ["$"];
  const pipe = (tokens: Token[], line: number, context: PipelineContext): Pipeline => {
    const p = pipeline(tokens, line, context);
    for (const command of p.commands) checkVariables(command, scope, line);
    if (p.assign) for (const name of p.declare) checkVariables([{ type: "field", base: name, path: [] }], scope, line);
    else scope.push(...p.declare);
    return p;
  };
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
        if (head.text === "end" && tokens.length > 1) throw new TemplateError(`unexpected ${tokens[1]!.text} in {{end}}`, line);
        return { nodes, stop: { word: head.text, tokens: tokens.slice(1), line } };
      }
      if (head.kind === "word" && (head.text === "if" || head.text === "with" || head.text === "range")) {
        nodes.push(block(head.text, tokens.slice(1), line));
      } else if (head.kind === "word" && ["define", "template", "block", "break", "continue"].includes(head.text)) {
        throw new TemplateError(`{{${head.text}}} is not supported in commit-message templates`, line);
      } else {
        nodes.push({ type: "action", pipe: pipe(tokens, line, "command") });
      }
    }
    if (opener) throw new TemplateError(`missing {{end}} for this {{${opener.kind}}}`, opener.line);
    return { nodes };
  };
  const block = (kind: Block["kind"], tokens: Token[], line: number): Block => {
    const depth = scope.length; // a block's variables end with it
    const head = pipe(tokens, line, kind);
    if (kind === "range" && head.assign) throw new TemplateError("range assigning variables (=) is not supported in commit-message templates", line);
    const body = list({ kind, line });
    let otherwise: Node[] = [];
    if (body.stop?.word === "else") {
      const rest = body.stop.tokens;
      // `{{else if x}}` is `{{else}}{{if x}}…{{end}}` sharing the outer {{end}}; Go 1.19 has it in {{if}} only (newer Go in {{with}} too, with {{else with}}).
      if (kind === "if" && rest[0]?.kind === "word" && rest[0].text === "if") {
        otherwise = [block("if", rest.slice(1), body.stop.line)];
        scope.length = depth;
        return { type: "block", kind, pipe: head, body: body.nodes, otherwise };
      }
      if (rest.length > 0) throw new TemplateError(`unexpected ${rest[0]!.text} after {{else}}`, body.stop.line);
      const tail = list({ kind, line });
      if (tail.stop?.word !== "end") throw new TemplateError("expected {{end}} after {{else}}", tail.stop?.line ?? line);
      otherwise = tail.nodes;
    }
    scope.length = depth;
    return { type: "block", kind, pipe: head, body: body.nodes, otherwise };
  };
  return list().nodes;
}

/** Throws for a variable of `command` that `scope` lacks, as Go's parser does. */
function checkVariables(command: Command, scope: readonly string[], line: number): void {
  for (const operand of command) {
    if (operand.type === "field" && operand.base !== "dot" && !scope.includes(operand.base))
      throw new TemplateError(`undefined variable ${operand.base}`, line);
    if (operand.type === "pipe") for (const inner of operand.pipe.commands) checkVariables(inner, scope, line);
  }
}

/** Where a pipeline is written: an action's command, or the head of a block (which alone may declare two variables, `range`). */
type PipelineContext = "command" | Block["kind"];

function pipeline(tokens: Token[], line: number, context: PipelineContext): Pipeline {
  let declare: string[] = [];
  let assign = false;
  // A declaration opens the pipeline: `$x :=`, `$x =` or `$k, $v :=`.
  const decl = tokens[0]?.kind === "var" && [":=", "=", ","].includes(tokens[1]?.text ?? "") ? tokens.findIndex((t) => t.text === ":=" || t.text === "=") : -1;
  if (decl >= 0) {
    const names = tokens.slice(0, decl);
    if (!names.every((t, k) => (k % 2 === 0 ? t.kind === "var" && !t.text.includes(".") : t.text === ",")) || names.length % 2 === 0) {
      throw new TemplateError("only variables may be declared before ':='", line);
    }
    declare = names.filter((t) => t.kind === "var").map((t) => t.text);
    if (declare.length > (context === "range" ? 2 : 1)) throw new TemplateError(`too many declarations in ${context}`, line);
    assign = tokens[decl]!.text === "=";
    tokens = tokens.slice(decl + 1);
  }
  let pos = 0;
  const commands = (): Command[] => {
    // The command being read, built here before it is the pipeline's (readonly) Command.
    let current: Operand[] = [];
    const cmds: Command[] = [current];
    while (pos < tokens.length) {
      const t = tokens[pos]!;
      if (t.kind === "punct" && t.text === ")") break;
      pos++;
      if (t.kind === "punct" && t.text === "|") {
        current = [];
        cmds.push(current);
        continue;
      }
      current.push(operand(t));
    }
    if (cmds.some((c) => c.length === 0)) throw new TemplateError("missing command in pipeline", line);
    // Only the first command may start with a value: `{{ 1 | 2 }}` is refused by Go's parser.
    cmds.slice(1).forEach((c, k) => {
      if (c[0]!.type === "literal" || (c[0]!.type === "field" && c[0]!.base === "dot" && c[0]!.path.length === 0))
        throw new TemplateError(`non executable command in pipeline stage ${k + 2}`, line);
    });
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
        if (t.text === "nil") return { type: "literal", value: null };
        if (!Object.hasOwn(FUNCTIONS, t.text)) throw new TemplateError(`function ${JSON.stringify(t.text)} not defined`, line);
        return { type: "function", name: t.text };
      case "punct":
        if (t.text === "(") {
          const inner: Pipeline = { line, declare: [], assign: false, commands: commands() };
          if (tokens[pos]?.text !== ")") throw new TemplateError("unclosed '('", line);
          pos++;
          // `(pipeline).Field`: a field right after the parenthesis reads the pipeline's value.
          const next = tokens[pos];
          const path = next?.kind === "field" && !next.spaced && next.text !== "." ? next.text.slice(1).split(".") : [];
          if (path.length > 0) pos++;
          return { type: "pipe", pipe: inner, path };
        }
        if (t.text === ":=" || t.text === "=") throw new TemplateError("declaring a variable inside ( ) is not supported in commit-message templates", line);
        throw new TemplateError(`unexpected ${JSON.stringify(t.text)}`, line);
    }
  };
  const cmds = commands();
  if (pos < tokens.length) throw new TemplateError("unexpected ')'", line);
  if (cmds.length === 1 && cmds[0]!.length === 0) throw new TemplateError(`missing value for ${context}`, line);
  return { line, declare, assign, commands: cmds };
}

// Running -------------------------------------------------------------------------------

interface Variable {
  readonly name: string;
  value: Value;
}

function execute(nodes: readonly Node[], dot: Value, vars: Variable[], out: string[]): void {
  for (const node of nodes) {
    if (node.type === "text") {
      out.push(node.text);
    } else if (node.type === "action") {
      const value = evalPipeline(node.pipe, dot, vars);
      // Go prints no value, and a function's nil result, as <no value> (fmt, as in `print nil`, prints nil as <nil>).
      if (node.pipe.declare.length === 0) out.push(value === undefined || value === null ? "<no value>" : print(value));
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

function rangeOver(node: Block, dot: Value, vars: Variable[], out: string[]): void {
  const { pipe } = node;
  const value = evalPipeline({ ...pipe, declare: [] }, dot, vars);
  let entries: (readonly [Value, Value])[];
  if (value instanceof Map) entries = sortedEntries(value);
  else if (Array.isArray(value)) entries = value.map((v, i) => [i, v] as const);
  // Go's invalid value (a missing key) and nil (a function's nil result) range as an empty map.
  else if (value === undefined || value === null) entries = [];
  else throw new TemplateError(`range can't iterate over ${quotedExcerpt(print(value))}`, pipe.line);
  if (entries.length === 0) {
    // Go declares the variables with the value ranged over, for {{else}} to read.
    execute(node.otherwise, dot, [...vars, ...pipe.declare.map((name) => ({ name, value }))], out);
    return;
  }
  for (const [key, element] of entries) {
    const scope = [...vars];
    if (pipe.declare.length === 1) scope.push({ name: pipe.declare[0]!, value: element });
    if (pipe.declare.length === 2) scope.push({ name: pipe.declare[0]!, value: key }, { name: pipe.declare[1]!, value: element });
    execute(node.body, element, scope, out);
  }
}

function evalPipeline(pipe: Pipeline, dot: Value, vars: Variable[]): Value {
  let value: Value;
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

function evalCommand(command: Command, dot: Value, vars: Variable[], line: number, piped: Value[]): Value {
  const [first, ...rest] = command;
  if (first!.type === "function") {
    const fn = FUNCTIONS[first!.name]!;
    const argument = (o: Operand) => evalOperand(o, dot, vars, line);
    try {
      if (fn === FUNCTIONS.and || fn === FUNCTIONS.or) return andOr(first!.name === "or", rest, argument, piped, line);
      const args = [...rest.map(argument), ...piped];
      return fn.body(typed(first!.name, fn, args));
    } catch (error) {
      if (error instanceof TemplateError) throw error;
      throw new TemplateError(`${first!.name}: ${(error as Error).message}`, line);
    }
  }
  if (first!.type === "literal" && first!.value === null) throw new TemplateError("nil is not a command", line);
  if (rest.length > 0 || piped.length > 0) throw new TemplateError("can't give arguments to a value that is not a function", line);
  return evalOperand(first!, dot, vars, line);
}

/** Go's `and` and `or` (Go 1.18 on): the arguments are evaluated only until one decides. */
function andOr(or: boolean, operands: readonly Operand[], argument: (o: Operand) => Value, piped: Value[], line: number): Value {
  if (operands.length + piped.length === 0) throw new TemplateError(`wrong number of args for ${or ? "or" : "and"}: want at least 1 got 0`, line);
  let value: Value;
  for (const operand of operands) {
    value = argument(operand) ?? undefined;
    if (truth(value) === or) return value;
  }
  return piped.length > 0 ? piped[0] : value;
}

function evalOperand(operand: Operand, dot: Value, vars: Variable[], line: number): Value {
  switch (operand.type) {
    case "literal":
      return operand.value;
    case "pipe":
      return operand.path.reduce((value, name) => field(value, name, line), evalPipeline(operand.pipe, dot, vars));
    case "function":
      return evalCommand([operand], dot, vars, line, []);
    case "field": {
      let value: Value = dot;
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

/**
 * `.Name` on a value: a map key (missing = no value, like Go maps), a field (missing = error, like
 * Go structs), or a method without arguments of the value's class, as Flux's `.Changed.Changes`.
 */
function field(value: Value, name: string, line: number): Value {
  // Go reads no field of the invalid value (a key a map lacks): it stays invalid, `<no value>`.
  if (value === undefined) return undefined;
  if (value instanceof Map && !isStructKeyed(value)) return value.get(name);
  // Own fields only, as a Go struct has no others: not `constructor` or `__proto__`, which every object inherits.
  if (typeof value === "object" && value !== null && !(value instanceof Map) && Object.hasOwn(value, name)) return (value as Record<string, unknown>)[name];
  const method = methodOf(value, name);
  if (method) return method.call(value) as Value;
  if (value === null) throw new TemplateError(`nil pointer evaluating .${name}`, line);
  // Named by its type and fields, as Go names it by its type: the value may be all the data (.Value for .Values).
  const fields = typeof value === "object" && !Array.isArray(value) && !(value instanceof Map) ? [...Object.keys(value), ...methodNames(value)] : [];
  const shown = fields.length > FIELDS_NAMED + 1 ? [...fields.slice(0, FIELDS_NAMED), `and ${fields.length - FIELDS_NAMED} more`] : fields;
  throw new TemplateError(`can't evaluate field ${name} in type ${typeName(value)}${shown.length > 0 ? ` (its fields: ${shown.join(", ")})` : ""}`, line);
}

/** A class's own method `name` (capitalised, as Go's exported ones are), not one every object or Map inherits. */
function methodOf(value: Value, name: string): ((this: unknown) => unknown) | undefined {
  if (typeof value !== "object" || value === null || !/^[A-Z]/.test(name)) return undefined;
  for (
    let proto: unknown = Object.getPrototypeOf(value);
    proto && proto !== Object.prototype && proto !== Map.prototype;
    proto = Object.getPrototypeOf(proto)
  ) {
    const method: unknown = Object.getOwnPropertyDescriptor(proto, name)?.value;
    if (typeof method === "function") return method as (this: unknown) => unknown;
  }
  return undefined;
}

/** The methods methodOf finds on `value`, for an error to name with its fields. */
function methodNames(value: object): string[] {
  const names: string[] = [];
  for (let proto: unknown = Object.getPrototypeOf(value); proto && proto !== Object.prototype && proto !== Map.prototype; proto = Object.getPrototypeOf(proto))
    names.push(...Object.getOwnPropertyNames(proto).filter((name) => methodOf(value, name)));
  return names;
}

/** How many of a value's fields an error names: Flux's data has at most four a level. */
const FIELDS_NAMED = 10;

/**
 * A value's type, as Go's errors name it: a class's name (the Go type the data mirrors, as
 * `NamespacedName`), `struct` for a plain object, a slice by its first element, or Go's basic type.
 */
function typeName(value: Value): string {
  if (Array.isArray(value)) return `[]${value.length > 0 ? typeName(value[0]) : "interface {}"}`;
  if (value instanceof Map) return "map";
  if (value === null || value === undefined) return "nil";
  if (typeof value === "object") return value.constructor === Object || value.constructor === undefined ? "struct" : value.constructor.name;
  if (typeof value === "number") return "int";
  return typeof value === "boolean" ? "bool" : typeof value;
}

function isStructKeyed(map: ReadonlyMap<unknown, unknown>): boolean {
  return map instanceof GoMap ? map.structKeys : [...map.keys()].some(isStruct);
}

function isStruct(value: Value): value is object {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Map);
}

/** Go's notion of "true" for if/with: not false, 0, "", nil, or empty. */
function truth(value: Value): boolean {
  if (value instanceof Map) return value.size > 0;
  if (Array.isArray(value)) return value.length > 0;
  return value !== undefined && value !== null && value !== false && value !== 0 && value !== "";
}

/**
 * A map's entries in Go's order (fmtsort): keys compared as Go compares them, structs field by
 * field in the order of their fields. Ranging and printing a map use it, and so does the data
 * that must list a map's entries as Go ranges them (commit-message.ts's Changes()).
 */
export function sortedEntries<K, V>(map: ReadonlyMap<K, V>): [K, V][] {
  return [...map].sort(([a], [b]) => compareKeys(a, b));
}

/** Go's fmtsort comparison of two map keys of one type: strings by bytes, ints, bools, structs field by field. */
function compareKeys(a: Value, b: Value): number {
  if (typeof a === "string" && typeof b === "string") return compareStrings(a, b);
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "boolean" && typeof b === "boolean") return Number(a) - Number(b);
  if (isStruct(a) && isStruct(b)) {
    const [as, bs] = [Object.values(a), Object.values(b)];
    for (let k = 0; k < Math.min(as.length, bs.length); k++) {
      const c = compareKeys(as[k], bs[k]);
      if (c !== 0) return c;
    }
    return as.length - bs.length;
  }
  return 0;
}

/** Go compares strings by their UTF-8 bytes, which is code point order (JavaScript's `<` compares UTF-16 units). */
export function compareStrings(a: string, b: string): number {
  const [as, bs] = [[...a], [...b]];
  for (let k = 0; k < Math.min(as.length, bs.length); k++) {
    const d = as[k]!.codePointAt(0)! - bs[k]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return as.length - bs.length;
}

/** fmt.Sprint of one value (`%v`): nil as `<nil>`, maps sorted, structs as `{field …}`, a String method (Go's fmt.Stringer) used. */
function print(value: Value): string {
  if (value === undefined || value === null) return "<nil>";
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return `[${value.map(print).join(" ")}]`;
  if (value instanceof Map)
    return `map[${sortedEntries(value)
      .map(([k, v]) => `${print(k)}:${print(v)}`)
      .join(" ")}]`;
  // A value with a String method of its own (Go's fmt.Stringer, as types.NamespacedName) prints by it.
  if (typeof value === "object" && value.toString !== Object.prototype.toString) return value.toString();
  if (typeof value === "object") return `{${Object.values(value).map(print).join(" ")}}`;
  return String(value);
}

/** UTF-8 bytes of a text: Go's strings are bytes (`len`, `index`, `trunc` count them). */
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

// Functions -----------------------------------------------------------------------------

/**
 * How Go passes an argument to a parameter: `string` and `int` take only that type (anything
 * else fails, a missing value too), `any` (interface{}) takes anything with a missing value as
 * nil, `value` (reflect.Value, Go's builtins) takes anything as it is.
 */
type Param = "string" | "int" | "any" | "value";

interface GoFunction {
  readonly params: readonly Param[];
  /** The type of the parameters after `params`, for a variadic function. */
  readonly variadic?: Param;
  readonly body: (args: readonly Value[]) => Value;
}

/** `args` checked and converted for `fn`'s parameters, as Go's text/template does before a call. */
function typed(name: string, fn: GoFunction, args: readonly Value[]): Value[] {
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

/** fmt.Sprint: a space between two operands when neither is a string. */
function sprint(xs: readonly Value[]): string {
  return xs.map((x, k) => (k > 0 && typeof x !== "string" && typeof xs[k - 1] !== "string" ? " " : "") + print(x)).join("");
}

/** fmt.Sprintf for the verbs %s, %v, %d and %q without flags; what Go would print an error into the text for (`%!d(string=a)`) is refused. */
function sprintf(format: string, xs: readonly Value[]): string {
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
  if (typeof value === "object" && value !== null) return value.toString !== Object.prototype.toString || Object.values(value).every(onlyStrings);
  return false;
}

/** Go's strconv.Quote (`%q`): Go's escapes, `\x`, `\u` and `\U` for what Go does not print (JSON's differ). */
function goQuote(s: string): string {
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

/** sprig's strval: a string as it is, anything else as `%v` prints it. */
const strval = (x: Value): string => (typeof x === "string" ? x : print(x));

/** Go's unicode.IsSpace (JavaScript's \s has U+FEFF and lacks U+0085). */
const GO_SPACE = "\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";

/**
 * Go's unicode.ToUpper/ToLower/ToTitle of one character: the simple mapping, one character
 * for one (JavaScript's full mapping makes `ß` `SS`, which Go keeps). Titlecase is uppercase but
 * for the four digraphs that have a titlecase of their own.
 */
function mapCase(c: string, to: "upper" | "lower" | "title"): string {
  if (to === "title") {
    const TITLE: Readonly<Record<string, string>> = { Ǆ: "ǅ", ǅ: "ǅ", ǆ: "ǅ", Ǉ: "ǈ", ǈ: "ǈ", ǉ: "ǈ", Ǌ: "ǋ", ǋ: "ǋ", ǌ: "ǋ", Ǳ: "ǲ", ǲ: "ǲ", ǳ: "ǲ" };
    if (TITLE[c]) return TITLE[c];
  }
  if (to === "lower" && c === "İ") return "i";
  const mapped = to === "lower" ? c.toLowerCase() : c.toUpperCase();
  return [...mapped].length === 1 ? mapped : c;
}

const GO_SPACE_CHARACTER = new RegExp(`^[${GO_SPACE}]$`, "u");

const mapText = (s: string, to: "upper" | "lower"): string => [...s].map((c) => mapCase(c, to)).join("");

/** Go's strings.Title: a letter after a separator (white space, or ASCII other than letters, digits and `_`) in title case. */
function title(s: string): string {
  let previous = " ";
  let out = "";
  for (const c of s) {
    const separator = previous.codePointAt(0)! < 0x80 ? !/[A-Za-z0-9_]/.test(previous) : !/[\p{L}\p{Nd}]/u.test(previous) && GO_SPACE_CHARACTER.test(previous);
    out += separator ? mapCase(c, "title") : c;
    previous = c;
  }
  return out;
}

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
const FUNCTIONS: Readonly<Record<string, GoFunction>> = Object.freeze(
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
