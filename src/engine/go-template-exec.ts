/**
 * Running a parsed commit-message template (go-template-parse.ts) over its data as Go's
 * text/template does: actions, blocks, variables, fields and niladic methods, and function calls.
 */
import { quotedExcerpt } from "../text/quoted-excerpt.js";
import { print } from "./go-fmt.js";
import { FUNCTIONS, typed } from "./go-template-functions.js";
import { TemplateError, type Block, type Command, type Node, type Operand, type Pipeline } from "./go-template-parse.js";
import { isStructKeyed, methodOf, sortedEntries, truth, typeName, type Value } from "./go-template-values.js";

interface Variable {
  readonly name: string;
  value: Value;
}

export function execute(nodes: readonly Node[], dot: Value, vars: Variable[], out: string[]): void {
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

/** The methods methodOf finds on `value`, for an error to name with its fields. */
function methodNames(value: object): string[] {
  const names: string[] = [];
  for (let proto: unknown = Object.getPrototypeOf(value); proto && proto !== Object.prototype && proto !== Map.prototype; proto = Object.getPrototypeOf(proto))
    names.push(...Object.getOwnPropertyNames(proto).filter((name) => methodOf(value, name)));
  return names;
}

/** How many of a value's fields an error names: Flux's data has at most four a level. */
const FIELDS_NAMED = 10;
