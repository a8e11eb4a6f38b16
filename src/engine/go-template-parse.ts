/**
 * A commit-message template read as Go's text/template parser reads it: text and actions with
 * their trim markers and comments, Go's tokens and string escapes, pipelines, blocks and the
 * variables in scope (an undefined one is refused even where it never runs, as Go's parser does).
 */
import { LineIndex } from "../text/line-index.js";
import { quotedExcerpt } from "../text/quoted-excerpt.js";
import { FUNCTIONS } from "./go-template-functions.js";
import type { Value } from "./go-template-values.js";

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

export type Operand =
  | { readonly type: "field"; readonly base: "dot" | string; readonly path: readonly string[] }
  | { readonly type: "literal"; readonly value: Value }
  | { readonly type: "function"; readonly name: string }
  | { readonly type: "pipe"; readonly pipe: Pipeline; readonly path: readonly string[] };
export type Command = readonly Operand[];
export interface Pipeline {
  readonly line: number;
  readonly declare: readonly string[];
  readonly assign: boolean;
  readonly commands: readonly Command[];
}
export type Node = { readonly type: "text"; text: string } | { readonly type: "action"; readonly pipe: Pipeline } | Block;
export interface Block {
  readonly type: "block";
  readonly kind: "if" | "with" | "range";
  readonly pipe: Pipeline;
  readonly body: Node[];
  readonly otherwise: Node[];
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

export function parse(template: string): Node[] {
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
