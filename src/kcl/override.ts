/**
 * KCL `-O` overrides applied as splices. Target rules are KCL's (crates/query/src/override.rs,
 * reference/kcl-override.md §1.5): the first top-level `x = S {...}` / `x = {...}` /
 * `x: S {...}` for a nested path, keys by identifier or string value, dotted keys expanded,
 * descent only through config and schema literals, every duplicate key at the last level,
 * every matching top-level statement for `x=v`. Unlike KCL, nothing is re-printed (only the
 * value's bytes change) and a missing path is an error unless `create` is set.
 */
import {
  versionNoteWarning,
  publicResult,
  SourceError,
  type EditResult,
  type FieldChange,
  type FieldEditResult,
  type FieldWarning,
  type ValueFor,
  type Warning,
  type WarningKind,
} from "../change.js";
import { createHint } from "../create-hint.js";
import { staleDigestWarning } from "../image/digest-pin.js";
import type { FieldNamer } from "../field-name.js";
import { digestBeside, pairName, splitImage, type Registry } from "../image/split-image.js";
import { GivenLines } from "./given-lines.js";
import { nodeText } from "./nodes.js";
import { configOf, definition, holdsConfig, meantTopLevel, namesTarget, STARTS_LINE, unreached, unreachedEntries } from "./override-reach.js";
import { parseKcl, parseKclExpression } from "./parser.js";
import { formatOverridePath, isIdentifier, isKeyword, OverrideSpecError, parseOverridePath, parseOverrideSpec, type OverrideSpec } from "./override-spec.js";
import { cappedList } from "../text/and-list.js";
import { lineBreaks } from "../text/line-index.js";
import { linesMovedBy, shiftLines } from "../text/line-shift.js";
import { partitionPoint } from "../text/partition-point.js";
import { applySplices, byPosition, type Splice } from "../text/splice.js";
import { kclNumberRead } from "./number-read.js";
import { isNoneValue, plainString, shellQuoting, usableSpecValue } from "./spec-value.js";
import { assignedStrings, registryString, type Assigned } from "./string-constant.js";
import { readStringLiteral, stringLiteralValue, writeStringLiteral } from "./string-literal.js";
import type { ConfigEntry, ConfigExpr, ConfigItem, EntryOperator, Expr, ListExpr, ListItem, Module, Statement } from "./syntax.js";
import { sourceStart } from "./source.js";
import { isName, StringFlag, T, type Tokens } from "./tokenizer.js";

export interface OverrideOptions {
  /** Insert a missing path (in the deepest existing config) instead of failing. */
  readonly create?: boolean | undefined;
  /**
   * Whether the run sets the field at a path (`config.image.digest`) too. Given, a spec that sets
   * a tag beside a digest the run does not set is warned about: the digest still pins the earlier build.
   */
  readonly setsToo?: ((path: string) => boolean) | undefined;
  /** How warnings name the request's fields, as its face does (`--set`, `input set`); default the CLI's flags. */
  readonly fieldName?: FieldNamer | undefined;
}

/** A split image's registry KCL computes (not a plain string literal, None, nor a top-level string constant): the image it names is not known here. */
const COMPUTED_REGISTRY = { unknown: "which KCL computes" } as const;

/** What a configured override (the configuration's `overrides:`) sets: an image's whole reference, or (`part: "tag"`) only its tag. */
export interface OverrideImage {
  readonly repository: string;
  /** The image name as written. */
  readonly image: string;
  readonly part?: "tag";
}

/** `path=<string>` where the string is computed from the one each target holds (an image moved on by its policy). */
export interface ComputedOverride {
  /** The field path: `config.containers.app.image`. */
  readonly path: string;
  readonly value: ValueFor;
  /**
   * Set for a configured override: what it sets, by which a Helm parameter it names by index is
   * judged (yaml/argocd-parameters.ts misaimedOverride). applyOverrides does not read it.
   */
  readonly configured?: OverrideImage;
}

/** A value to write, with the tokens it was read from. */
interface Value {
  readonly tokens: Tokens;
  readonly expr: Expr;
  /** Source text to splice in (line ends already the file's). */
  readonly text: string;
  /** The string it denotes, when it is a plain (non-interpolated) string. */
  readonly string?: string;
  /** A spec's operation (`"repo:" + _tag`, `-1`), written as KCL -O writes it: the string of its whole text. */
  readonly wholeText?: true;
  /** `text` with its lines after the first indented by `indent` more, to stand on a line so indented. */
  readonly indented: (indent: string) => string;
}

interface Plan {
  readonly splices: Splice[];
  readonly changes: FieldChange[];
  readonly warnings: FieldWarning[];
}

/** What a planner reads of the run it is in: the lines of the text given to it, and the changes that stand on them. */
interface Run {
  readonly given: GivenLines;
  /** Removals' changes, on the line each entry stood on in the given text: no spec moves them. */
  readonly removed: Set<FieldChange>;
}

/** Values a computed override refuses to write over, as a message names them. */
const COMPOSITE: Partial<Record<Expr["type"], string>> = { config: "a config", schema: "a schema instance", list: "a list" };

/** How the file lays out lines: its line end, and what one level of indentation adds. */
interface LineStyle {
  readonly eol: string;
  readonly unit: string;
}

function valueFrom(tokens: Tokens, expr: Expr, lines: LineStyle): Value {
  const string = plainString(tokens, expr);
  const indented = (indent: string) => textOf(tokens, expr, lines, indent);
  return { tokens, expr, text: indented(""), indented, ...(string !== undefined && { string }) };
}

/**
 * A node's text with the file's line ends, each line after the first laid out under a line indented
 * `indent` as KCL's printer (and a person) lays it out: a bracket's lines one level (the file's
 * `unit`) in from the line it opens on, its closing bracket's line at that line's indentation, however
 * the spec indents them (`{\ncpu = 1\n}` as `{\n    cpu = 1\n}`). A line indented deeper than the first
 * of its bracket's lines (an `if` entry's body) keeps what it has more, and so does a line in no
 * bracket, past the node's own first line. A line break inside a string literal is part of its value
 * and stays as written (LF in a CRLF file), with the line after it; an empty line stays empty.
 */
function textOf(tokens: Tokens, node: Span, lines: LineStyle, indent: string): string {
  const source = tokens.source;
  const start = tokens.start[node.first]!;
  const own = /^[ \t]*/.exec(source.text.slice(source.lineStart(start), start))![0];
  /** For each bracket open, innermost last: the indentation written for its line, and the given one of its first line inside. */
  const open: { indent: string; lead?: string }[] = [];
  let written = "";
  let next = node.first;
  return source.text.slice(start, tokens.end[node.last]).replace(/(\r?\n)([ \t]*)/g, (line: string, _: string, lead: string, offset: number, text: string) => {
    const at = start + offset;
    for (; next <= node.last && tokens.start[next]! < at; next++) {
      const k = tokens.kind[next]!;
      if (k === T.LParen || k === T.LBracket || k === T.LBrace) open.push({ indent: written });
      else if (k === T.RParen || k === T.RBracket || k === T.RBrace) open.pop();
    }
    if (next > node.first && tokens.end[next - 1]! > at) return line;
    const first = text.charCodeAt(offset + line.length);
    if (Number.isNaN(first) || first === 10 || first === 13) return lines.eol;
    const inside = open.at(-1);
    if (inside === undefined) written = beyond(lead, own);
    else if (CLOSERS.has(first)) written = inside.indent;
    else written = inside.indent + lines.unit + beyond(lead, (inside.lead ??= lead));
    return lines.eol + indent + written;
  });
}

/** What an indentation `lead` has beyond `base`: nothing where it is no deeper. */
function beyond(lead: string, base: string): string {
  return lead.startsWith(base) ? lead.slice(base.length) : "";
}

/**
 * What one level of indentation adds in a file: what the first line opening a level (ending in `{`, `[`, `(` or a
 * block's `:`) has the line after it indented by (a tab where that holds one); four spaces, as KCL's printer writes,
 * where none is indented. Not a line's own indentation: the first indented line may be a continuation lined up under
 * an opener (`labels = ["a",` then `          "b"]`).
 */
function indentUnit(tokens: Tokens): string {
  const { kind, source } = tokens;
  const leadOf = (at: number) => /^[ \t]*/.exec(source.text.slice(source.lineStart(at), at))![0];
  for (let i = 1; i < tokens.count; i++) {
    if (!STARTS_LINE.has(kind[i - 1]!) || STARTS_LINE.has(kind[i]!) || kind[i] === T.EOF) continue;
    let opener = i - 1;
    while (opener >= 0 && STARTS_LINE.has(kind[opener]!)) opener--;
    if (opener < 0 || !OPENS_LEVEL.has(kind[opener]!)) continue;
    const unit = beyond(leadOf(tokens.start[i]!), leadOf(tokens.start[opener]!));
    if (unit.includes("\t")) return "\t";
    if (unit.length > 0) return unit;
  }
  return "    ";
}

/** Tokens that end a line opening a level of indentation: a bracket, or the `:` of a block or a schema body. */
const OPENS_LEVEL = new Set<number>([T.LBrace, T.LBracket, T.LParen, T.Colon]);

/**
 * The spec's value (spec-value.ts): an operation first is the string of the whole text.
 * Where KCL would silently drop trailing text (`nginx:1.25` -> `nginx`), this refuses the spec.
 */
function readValue(spec: OverrideSpec, raw: string, lines: LineStyle, fieldName?: FieldNamer): Value {
  const read = usableSpecValue(spec, raw, fieldName);
  if (read.kind === "whole-text") {
    const text = writeStringLiteral(spec.value, { quote: '"', triple: false, prefix: "" });
    return { tokens: read.tokens, expr: read.expr, text, string: spec.value, wholeText: true, indented: () => text };
  }
  return valueFrom(read.tokens, read.expr, lines);
}

/** What a literal or name is, as a warning names it; undefined for any other expression. */
function literalKind(tokens: Tokens, expr: Expr): "string" | "name" | "number" | "boolean" | undefined {
  if (expr.type === "string") return "string";
  if (expr.type === "name") return "name";
  if (expr.type !== "other") return undefined;
  if (expr.construct === "number") return "number";
  if (expr.construct !== "constant") return undefined;
  const word = nodeText(tokens, expr);
  return word === "True" || word === "False" ? "boolean" : undefined;
}

/** A node's token range. */
type Span = { readonly first: number; readonly last: number };

/** A splice adding items, with where each item starts in its text. */
type Insertion = Splice & { readonly starts: readonly number[] };

/** How items are laid out: `first` before the first one, `lead` before each other one, `tail` after them. */
interface Layout {
  readonly first: string;
  readonly lead: string;
  readonly tail: string;
}

/** The splice writing `items` over [start, end) as `layout` says. */
function laidOut(start: number, end: number, items: readonly string[], layout: Layout): Insertion {
  let insert = "";
  const starts: number[] = [];
  items.forEach((item, i) => {
    insert += i === 0 ? layout.first : layout.lead;
    starts.push(insert.length);
    insert += item;
  });
  return { start, end, insert: insert + layout.tail, starts };
}

/** Same tokens (ignoring layout and comments; strings by value and kind)? */
function sameTokens(a: Tokens, aNode: Span, b: Tokens, bNode: Span): boolean {
  const skip = (t: Tokens, i: number): boolean => STARTS_LINE.has(t.kind[i]!);
  let i = aNode.first;
  let j = bNode.first;
  while (true) {
    while (i <= aNode.last && skip(a, i)) i++;
    while (j <= bNode.last && skip(b, j)) j++;
    if (i > aNode.last || j > bNode.last) return i > aNode.last && j > bNode.last;
    if (a.kind[i] !== b.kind[j]) return false;
    const at = a.source.text.slice(a.start[i], a.end[i]);
    const bt = b.source.text.slice(b.start[j], b.end[j]);
    if (a.kind[i] === T.String) {
      const interpolated = StringFlag.Interpolated | StringFlag.Raw;
      if ((a.flags[i]! & interpolated) !== (b.flags[j]! & interpolated) || stringLiteralValue(at) !== stringLiteralValue(bt)) return false;
    } else if (at !== bt) return false;
    i++;
    j++;
  }
}

class Planner {
  readonly plan: Plan = { splices: [], changes: [], warnings: [] };
  /** Entries to add to each config (insert), with the index of each one's change. */
  readonly pending = new Map<ConfigExpr, { entry: (indent: string) => string; change: number }[]>();
  /** The text of each statement or entry to remove, written as splices by writeRemovals. */
  readonly removals: { start: number; end: number }[] = [];
  /** Where each change and warning is in this text (an offset on its line), so that `placed` can move it past the spec's other splices. */
  readonly at = new Map<FieldChange | Warning, number>();
  readonly tokens: Tokens;
  readonly text: string;
  readonly eol: string;
  readonly lines: LineStyle;
  /** The file's top-level string assignments (assignedStrings), read when a stale digest's advice first asks. */
  #assigned: Assigned | undefined;

  constructor(
    readonly module: Module,
    readonly run: Run,
    readonly spec: OverrideSpec,
    readonly computed: ValueFor | undefined,
    /** What the run's later specs write at a path: a stale digest's advice names the image the run leaves. */
    readonly later: LaterWrites,
    readonly setsToo?: (path: string) => boolean,
    readonly fieldName?: FieldNamer,
  ) {
    this.tokens = module.tokens;
    this.text = this.tokens.source.text;
    this.eol = this.tokens.source.lineEnding();
    this.lines = { eol: this.eol, unit: indentUnit(this.tokens) };
  }

  /** The value to write: the spec's, or the computed one for a missing field (undefined: nothing to write). */
  value(raw: string): Value | undefined {
    return this.computed ? this.stringValue(this.computed(undefined)) : readValue(this.spec, raw, this.lines, this.fieldName);
  }

  stringValue(string: string | undefined): Value | undefined {
    if (string === undefined) return undefined;
    const parsed = parseKclExpression(writeStringLiteral(string, { quote: '"', triple: false, prefix: "" }));
    return valueFrom(parsed.tokens, parsed.expr, this.lines);
  }

  line(token: number): number {
    return this.tokens.source.line(this.tokens.start[token]!);
  }

  change(token: number, old: string, next: string, key: string): FieldChange {
    const change: FieldChange = { line: this.line(token), kind: "override", key, old, new: next };
    this.plan.changes.push(change);
    this.at.set(change, this.tokens.start[token]!);
    return change;
  }

  warn(token: number, message: string, kind?: WarningKind): void {
    this.say(token, { message, ...(kind && { kind }) });
  }

  /** `warning` said at a token's line. */
  say(token: number, warning: Omit<FieldWarning, "line">): void {
    const placed: FieldWarning = { line: this.line(token), ...warning };
    this.plan.warnings.push(placed);
    this.at.set(placed, this.tokens.start[token]!);
  }

  /**
   * Changes or warnings at the lines they are on once all of the spec's splices are made: one
   * merge can add lines to a nested config and then a key below it (`{web: {b = 2}, c = 3}`),
   * and each line was read before any of them. A splice moves what is after it, not what is in it
   * or what it adds (whose line is its own start's, plus the line breaks it writes before it).
   */
  placed<C extends FieldChange | Warning>(items: readonly C[], movedAt: (offset: number) => number): C[] {
    return items.map((item) => {
      const at = this.at.get(item);
      if (at === undefined || item.line === undefined) return item;
      const moved = movedAt(at);
      return moved === 0 ? item : { ...item, line: item.line + moved };
    });
  }

  describe(expr: Expr): string {
    return plainString(this.tokens, expr) ?? nodeText(this.tokens, expr);
  }

  /** `=`: splice the new value over the old one; a string keeps the old literal's style. `key` is the path reported. */
  replace(old: Expr, given: Value, key = this.spec.path): void {
    if (this.computed) this.refuseComposite(old);
    const oldString = plainString(this.tokens, old);
    const value = this.computed
      ? this.stringValue(this.computed(oldString, (why, kind) => this.say(old.first, versionNoteWarning(this.spec.path, why, kind))))
      : given;
    if (!value) return;
    let text = value.indented(this.indentOf(old.first));
    if (oldString !== undefined && value.string !== undefined) {
      if (oldString === value.string) return;
      text = writeStringLiteral(value.string, readStringLiteral(nodeText(this.tokens, old)).style);
    } else if (sameTokens(this.tokens, old, value.tokens, value.expr)) return;
    this.plan.splices.push({ start: this.tokens.start[old.first]!, end: this.tokens.end[old.last]!, insert: text });
    // A literal of another kind is reported as written (`3 -> "3"`, `"x" -> x`): read, both would say the same.
    // (An operation written whole, `kcllang/flask_demo:abc`, is the string it denotes.)
    const kind = value.string === undefined ? literalKind(value.tokens, value.expr) : "string";
    const retyped = this.computed === undefined && literalKind(this.tokens, old) !== kind;
    const change = retyped
      ? this.change(old.first, nodeText(this.tokens, old), text, key)
      : this.change(old.first, this.describe(old), value.string ?? value.text, key);
    if (!this.computed) this.warnRetyped(old, value, key, change);
  }

  /**
   * A spec's value of another kind than the literal it replaces (`replicas = 3` set to "5", an
   * image set to an unquoted name) is written as KCL reads it, but the change reads alike
   * either way (`3 -> 5`): said, so that a lost quote or a stray one is seen. A literal over a
   * name is said too: the field stops following what the name holds.
   */
  warnRetyped(old: Expr, value: Value, key: string, change: FieldChange): void {
    if (value.wholeText) return this.warnWholeText(change, value, key, old);
    const was = literalKind(this.tokens, old);
    const now = literalKind(value.tokens, value.expr);
    if (was === undefined || now === undefined || now === was) return;
    const written = nodeText(value.tokens, value.expr);
    if (was === "name") {
      // A field that followed a shared value (`image = images.web`) is cut loose from it; whatever else follows it stays.
      const name = nodeText(this.tokens, old);
      return this.warn(
        old.first,
        `${key}: ${name} (a name) becomes the ${now} ${written}, so it no longer follows ${name}; to move everything that does, set ${name} instead`,
      );
    }
    const quote = `for the string, quote it: ${key}="${written}"${shellQuoting(this.fieldName)}`;
    // A number where a string was is a tag or version given unquoted, most likely: `5.10` is the float 5.1 to KCL.
    const read = now === "number" && was === "string" ? kclNumberRead(written) : undefined;
    const becomes =
      now === "name"
        ? `the name ${written}, which KCL reads as a variable; ${quote}`
        : now === "number" && was === "string"
          ? `the number ${written}${read === undefined || read === written ? "" : `, which KCL reads as ${read}`}; ${quote}`
          : `the ${now} ${written}`;
    this.warn(old.first, `${key}: ${nodeText(this.tokens, old)} (a ${was}) becomes ${becomes}`);
  }

  /**
   * An operation is written as KCL -O writes it, as the string of its whole text
   * (`"repo:" + _tag` -> `"\"repo:\" + _tag"`), which a user who meant the operation does not
   * expect: said when the text holds a quoted string, or when it replaces a number or boolean
   * (`count=-1`), with the way to write the operation itself. An unquoted reference
   * (`kcllang/flask_demo:abc`) over a string is what the rule is for: nothing to say.
   */
  warnWholeText(change: FieldChange, value: Value, key: string, old?: Expr): void {
    const was = old && literalKind(this.tokens, old);
    const quoted = value.tokens.kind.subarray(value.expr.first, value.expr.last + 1).includes(T.String);
    if (!quoted && was !== "number" && was !== "boolean") return;
    const given = value.string!;
    const from = old && was !== undefined ? `${key}: ${nodeText(this.tokens, old)} (a ${was})` : key;
    const warning: Warning = {
      line: change.line,
      message:
        `${from} becomes the string ${value.text}, as KCL -O writes an operation (the string of its whole text); ` +
        `for the operation itself, put it in parentheses: ${key}=(${given})${shellQuoting(this.fieldName)}`,
    };
    this.plan.warnings.push(warning);
    const at = this.at.get(change);
    if (at !== undefined) this.at.set(warning, at);
  }

  /**
   * A computed value is an image or its tag: written over a config, schema instance or list it
   * would drop the rest (`image = {repository = ..., tag = ...}` -> `image = "1.2.4"`). Refused
   * as the YAML editor refuses a mapping or list; an expression that computes a string is set.
   */
  refuseComposite(old: Expr): void {
    const what = COMPOSITE[old.type];
    if (what === undefined) return;
    const inside = old.type === "list" ? "" : "; name the entry inside it that holds the image (or, with part: tag, the tag)";
    throw new SourceError(`${this.spec.path}: the value is ${what}, not a string that can be set${inside}`, this.line(old.first));
  }

  /** `:`: merge a config into a config/schema, or a same-name schema; anything else replaces. */
  union(old: Expr, value: Value, key = this.spec.path): void {
    const target = configOf(old);
    if (value.expr.type === "config" || value.expr.type === "schema") {
      const sameSchema = value.expr.type === "config" || (old.type === "schema" && old.name === value.expr.name);
      if (target && sameSchema) return this.merge(target, configOf(value.expr)!, value.tokens, key);
      if (value.expr.type === "config") return this.warn(old.first, `${key} is not a config or schema literal; ':' has nothing to merge into`);
    }
    this.replace(old, value, key);
  }

  /** Each entry set or added is reported under its own path below `key`, with its value. */
  merge(target: ConfigExpr, incoming: ConfigExpr, tokens: Tokens, key: string): void {
    for (const item of incoming.items) {
      const parts = item.type === "entry" ? item.key.parts : undefined;
      if (item.type !== "entry" || !parts) {
        // `**x`, `if` items, subscript keys: added as written.
        this.insert(target, (indent) => textOf(tokens, item, this.lines, indent), textOf(tokens, item, this.lines, ""), key);
        continue;
      }
      this.mergeEntry(target, parts, item.operator, valueFrom(tokens, item.value, this.lines), key);
    }
  }

  /**
   * One merged entry `parts <operator> value`, found in `target` as a spec's path is (planNested): a dotted
   * key on either side is the nested keys it stands for, as KCL expands dotted keys before it merges
   * (merge_config_expr matches each entry by its key's parts).
   */
  mergeEntry(target: ConfigExpr, parts: readonly string[], operator: EntryOperator, value: Value, key: string): void {
    const path = formatOverridePath(parts, key);
    const found = searchConfig(target, parts, 0, target.first);
    const inner = value.expr.type === "config" ? value.expr.items : [];
    // The file writes the key dotted past this entry (`containers.web = {...}` for `containers: {web: ...}`): a ':' of a
    // config merges each of its entries below the key, where the dotted one is found; anything else would rewrite it whole.
    if (found.dotted.length > 0 && operator === ":" && value.expr.type === "config" && inner.every((i) => i.type === "entry" && i.key.parts)) {
      for (const i of inner as ConfigEntry[])
        this.mergeEntry(target, [...parts, ...i.key.parts!], i.operator, valueFrom(value.tokens, i.value, this.lines), key);
      return;
    }
    if (operator === "=" && this.replaceDotted(found, parts, value, path)) return;
    refuseDotted(this, found, path);
    // KCL adds what is missing at the deepest level that exists, as `key = value` (`key: value`); the value keeps the tokens the spec wrote, which only KCL's printer could reprint.
    const { config, consumed } = found.deepest;
    if (found.matches.length === 0)
      this.insert(config, (indent) => keyText(parts.slice(consumed), operator, value.indented(indent)), value.string ?? value.text, path);
    for (const m of found.matches) {
      // A tag merged with '=' beside a digest is told of the digest as a spec path's tag is.
      if (operator === "=") this.warnStaleDigest(found.holders.get(m)!, m, value, path, (field) => formatOverridePath([...parts.slice(0, -1), field], key));
      this.apply(operator, m.value, value, path);
    }
  }

  /**
   * `=` of a config over a key the file writes only as one dotted entry past it (`web = {image = "x"}` over
   * `containers.web.image = "old"`): KCL expands the entry (`web: {image = "old"}`) and replaces what the key holds with
   * the config given. Where that config has the entry's own shape, its keys one entry each with ':' between and the
   * entry's operator last, both read as the same KCL: the entry's value is set. Whether it was so.
   */
  replaceDotted(found: Search, parts: readonly string[], value: Value, path: string): boolean {
    const [dotted, ...others] = found.dotted;
    if (!dotted || others.length > 0 || found.matches.length > 0) return false;
    const { entry, depth } = dotted;
    const below = entry.key.parts!.slice(parts.length - depth);
    let rest = below;
    let expr = value.expr;
    for (;;) {
      const item = expr.type === "config" && expr.items.length === 1 ? expr.items[0]! : undefined;
      if (item?.type !== "entry" || !item.key.parts) return false;
      const keys = item.key.parts;
      if (keys.length > rest.length || keys.some((k, i) => k !== rest[i])) return false;
      rest = rest.slice(keys.length);
      if (rest.length === 0) {
        if (item.operator !== entry.operator) return false;
        this.replace(entry.value, valueFrom(value.tokens, item.value, this.lines), formatOverridePath(below, path));
        return true;
      }
      // KCL's expansion joins the levels of a dotted key with ':'; '=' between would replace the level's other values.
      if (item.operator !== ":") return false;
      expr = item.value;
    }
  }

  /** `old` set by `operator` as KCL's override applies it: `=` replaces, `:` merges, `+=` appends. */
  apply(operator: EntryOperator, old: Expr, value: Value, key = this.spec.path): void {
    if (operator === "=") this.replace(old, value, key);
    else if (operator === ":") this.union(old, value, key);
    else this.append(old, value, key);
  }

  /**
   * `+=`: append list items, only when both sides are list literals (as KCL does); the change
   * holds the list written. Unlike `kcl -O`, which appends every time, an item the list already
   * holds (the same tokens, whatever the layout) is not appended again, so that a second run
   * of the same request changes nothing.
   */
  append(old: Expr, value: Value, key = this.spec.path): void {
    if (old.type !== "list" || value.expr.type !== "list") {
      return this.warn(old.first, `${key}+= needs a list literal on both sides; nothing appended`);
    }
    const added: ListItem[] = [];
    for (const item of value.expr.items) {
      const held = old.items.some((o) => sameTokens(this.tokens, o, value.tokens, item)) || added.some((a) => sameTokens(value.tokens, a, value.tokens, item));
      if (!held) added.push(item);
    }
    if (added.length === 0) return;
    const items = (indent: string) => added.map((item) => textOf(value.tokens, item, this.lines, indent));
    const splice = this.afterLast(old, items, { indent: this.indentOf(old.first), first: "", lead: ", ", tail: "" }, (last) => this.indentOf(last.first));
    this.plan.splices.push(splice);
    const [start, end] = [this.tokens.start[old.first]!, this.tokens.end[old.last]!];
    const written = this.text.slice(start, splice.start) + splice.insert + this.text.slice(splice.end, end);
    this.change(old.first, nodeText(this.tokens, old), written, key);
  }

  /**
   * The splice that adds `items` after the last item of a config or list: between empty
   * brackets as `empty` lays them out on lines of its `indent` (or before the closing bracket's
   * line when comments are inside), `, item` after the last item when the brackets share a
   * line, else one item per line after the last one's line, indented as `indent(last)` says
   * (and ending in a comma when the last one does).
   * `items(indent)` are the items to stand on a line with that indentation.
   */
  afterLast(
    node: ConfigExpr | ListExpr,
    items: (indent: string) => readonly string[],
    empty: Layout & { readonly indent: string },
    indent: (last: ConfigItem | ListItem) => string,
  ): Insertion {
    const source = this.tokens.source;
    const open = this.tokens.start[node.first]!;
    const close = this.tokens.start[node.last]!;
    const last = node.items[node.items.length - 1];
    if (!last) return this.beforeClose(node, items) ?? laidOut(open + 1, close, items(empty.indent), empty);
    const end = this.tokens.end[last.last]!;
    if (source.line(open) === source.line(close)) return laidOut(end, end, items(this.indentOf(last.first)), { first: ", ", lead: ", ", tail: "" });
    const at = Math.min(source.lineEnd(end), close);
    const lead = indent(last);
    // Items that each end in a comma (`"x",` on its line) are followed by more such.
    const comma = this.tokens.kind[last.last + 1] === T.Comma ? "," : "";
    const added = items(lead).map((item) => item + comma);
    return laidOut(at, at, added, { first: `${this.eol}${lead}`, lead: `${this.eol}${lead}`, tail: "" });
  }

  /**
   * The first lines of an empty config or list whose brackets hold comments: each on a line of
   * its own just before the closing bracket's line, indented as the last comment (one level in
   * from the opening line when that comment is on it), so that the comments stay. undefined
   * when there is only whitespace inside.
   */
  beforeClose(node: ConfigExpr | ListExpr, lines: (indent: string) => readonly string[]): Insertion | undefined {
    const close = this.tokens.start[node.last]!;
    const inside = this.text.slice(this.tokens.start[node.first]! + 1, close).trimEnd();
    if (inside.trim() === "") return undefined;
    const lastLine = /[^\r\n]*$/.exec(inside)![0];
    const indent = lastLine.length < inside.length ? /^[ \t]*/.exec(lastLine)![0] : `${this.indentOf(node.first)}${this.lines.unit}`;
    const at = this.tokens.source.lineStart(close);
    return laidOut(at, at, lines(indent), { first: indent, lead: `${this.eol}${indent}`, tail: this.eol });
  }

  /** Whether an item is an if entry ending on a line after its own: a block, or a branch's value, a line one level in would join. */
  endsBlock(item: ConfigItem | ListItem): boolean {
    const source = this.tokens.source;
    return item.type === "if" && source.line(this.tokens.start[item.first]!) !== source.line(this.tokens.end[item.last]!);
  }

  /** Leading whitespace of the line a token is on. */
  indentOf(token: number): string {
    const start = this.tokens.source.lineStart(this.tokens.start[token]!);
    return /^[ \t]*/.exec(this.text.slice(start, this.tokens.start[token]))![0];
  }

  /**
   * Add `entry` (as it stands on a line of that indentation) as the last entry of `config`; the
   * change is reported on the entry's line, holding `value`. The entries added to one config are
   * written as one insertion when the spec is planned (insertEntries), in the order given.
   */
  insert(config: ConfigExpr, entry: (indent: string) => string, value: string, key = this.spec.path): void {
    const added = this.pending.get(config) ?? [];
    this.pending.set(config, added);
    // Its change keeps its place among the others; the line is known once the config's entries are laid out.
    added.push({ entry, change: this.plan.changes.length });
    this.plan.changes.push({ line: 0, kind: "override", key, old: "", new: value, op: "create" });
  }

  /**
   * Write the entries each config is to get, in one splice per config: on new lines with the
   * indentation of its last entry's line (nested under the opening line when that is the last
   * entry's line), or between its brackets when it is empty. Each change gets the line its entry starts on.
   */
  insertEntries(): void {
    const source = this.tokens.source;
    for (const [config, added] of this.pending) {
      const openIndent = this.indentOf(config.first);
      const nested = `${openIndent}${this.lines.unit}`;
      const openLine = source.line(this.tokens.start[config.first]!);
      const splice = this.afterLast(
        config,
        (indent) => added.map(({ entry }) => entry(indent)),
        { indent: nested, first: `${this.eol}${nested}`, lead: `${this.eol}${nested}`, tail: `${this.eol}${openIndent}` },
        // An if entry's block, which KCL's lexer ends at a line indented no deeper than the if's line, is followed at that line's indentation.
        (last) => (source.line(this.tokens.start[last.first]!) === openLine && !this.endsBlock(last) ? nested : this.indentOf(last.first)),
      );
      this.plan.splices.push(splice);
      const line = this.tokens.source.line(splice.start);
      added.forEach(({ change }, i) => {
        const placed = { ...this.plan.changes[change]!, line: line + lineBreaks(splice.insert, 0, splice.starts[i]) };
        this.plan.changes[change] = placed;
        this.at.set(placed, splice.start);
      });
    }
    this.pending.clear();
  }

  /**
   * Remove a statement or entry with the separator that was its own: its whole line(s) when it
   * is alone on them, and the blank lines above when it was the last before a blank line, the
   * file's end or a closing bracket (two blank lines would be left: `A\n\nB\n` -> `A\n`); the
   * line break before it when a closing bracket follows it on its line (`a = 1\n    b = 2}` ->
   * `a = 1}`); on a line it shares, the comma before it (`{y = 2, x = 1,}` -> `{y = 2,}`), or
   * after it when it is first; several on one line, as one run (writeRemovals). The change holds
   * the value removed and no new one (op `delete`), as a create has no old, on the line it stood on
   * in the text given to the run: it has none in the output, where every entry of a run would be at
   * the run's first line, and one spec's removals would move another's.
   */
  remove(node: { first: number; last: number }, value: Expr, key = this.spec.path): void {
    const start = this.tokens.start[node.first]!;
    this.removals.push({ start, end: this.tokens.end[node.last]! });
    const change: FieldChange = { line: this.run.given.line(start), kind: "override", key, old: this.describe(value), new: "", op: "delete" };
    this.plan.changes.push(change);
    this.run.removed.add(change);
  }

  /**
   * The removals planned, as splices made in text order. Duplicate keys on one line
   * (`{a = 1, a = 2}`) would each take the comma between them: removals whose splices overlap
   * go as one run, with the separator that run owns. Only the run before can overlap the next:
   * a removal reaches back past its text over blanks, line breaks or a comma alone.
   */
  writeRemovals(): void {
    const written: { run: { start: number; end: number }; splice: Splice }[] = [];
    for (const next of this.removals.sort((a, b) => a.start - b.start)) {
      let run = next;
      let splice = this.removal(run);
      for (let last = written.at(-1); last && last.splice.start < splice.end && splice.start < last.splice.end; last = written.at(-1)) {
        written.pop();
        run = { start: Math.min(run.start, last.run.start), end: Math.max(run.end, last.run.end) };
        splice = this.removal(run);
      }
      written.push({ run, splice });
    }
    for (const { splice } of written) this.plan.splices.push(splice);
    this.removals.length = 0;
  }

  /**
   * The splice removing the text [start, end) of statements or entries with their separator (see
   * remove). It reads outwards from that text, never a whole line: each of many entries on one
   * line would read the line again.
   */
  removal(node: { readonly start: number; readonly end: number }): Splice {
    const source = this.tokens.source;
    const text = this.text;
    let { start, end } = node;
    // A byte order mark is no part of the first line's text, and stays.
    const first = sourceStart(text);
    const lineStart = source.lineStart(start);
    const blankStart = blanksBefore(text, start);
    const blankEnd = blanksFrom(text, end);
    const separatorAfter = text.charCodeAt(blankEnd) === COMMA;
    const rest = separatorAfter ? blanksFrom(text, blankEnd + 1) : blankEnd;
    const joined = blankStart === lineStart && CLOSERS.has(text.charCodeAt(rest)) ? this.endBefore(lineStart, start, first) : undefined;
    if (blankStart === lineStart && (endsLine(text, rest) || text.charCodeAt(rest) === HASH)) {
      start = lineStart;
      end = source.nextLineStart(end);
      const next = blanksFrom(text, end);
      if (endsLine(text, next) || CLOSERS.has(text.charCodeAt(next))) {
        while (start > first) {
          const above = source.lineStart(start - 1);
          if (!endsLine(text, blanksFrom(text, above))) break;
          start = above;
        }
      }
    } else if (joined !== undefined) [start, end] = [joined, rest];
    else if (text.charCodeAt(blankStart - 1) === COMMA) start = blankStart - 1;
    else if (separatorAfter) end = rest;
    return { start, end, insert: "" };
  }

  /**
   * For an entry at `start`, first on its line with a closing bracket after it (`    b = 2}`): the
   * end of what is before it, for the bracket to follow as if the entry were never written.
   * undefined when a comment or a `\` ends that line, which the bracket would join, or when that
   * line is indented deeper (an `if` entry's body, which KCL's lexer ends with a dedent).
   */
  endBefore(lineStart: number, start: number, first: number): number | undefined {
    const text = this.text;
    let before = lineStart;
    while (before > first && /[ \t\r\n]/.test(text[before - 1]!)) before--;
    const { end, kind, count } = this.tokens;
    const i = partitionPoint(count, (k) => end[k]! < before);
    if (i >= count || end[i] !== before || STARTS_LINE.has(kind[i]!)) return undefined;
    const above = this.tokens.source.lineStart(before);
    return blanksFrom(text, above) - above <= start - lineStart ? before : undefined;
  }

  entries(config: ConfigExpr): ConfigEntry[] {
    return config.items.filter((i): i is ConfigEntry => i.type === "entry");
  }

  /**
   * `tag` of a split image (split-image.ts) in `config` set to `value` alone: the digest beside it,
   * unless the run sets that too, still pins the build of the tag it replaced, which then runs.
   * `tagKey` is the tag's path, `beside` a field's beside it: the spec's, or a merged entry's.
   */
  warnStaleDigest(
    config: ConfigExpr,
    tag: ConfigEntry,
    value: Value,
    tagKey = this.spec.path,
    beside = (field: string) => formatOverridePath([...this.spec.parts.slice(0, -1), field]),
  ): void {
    // A configured override writes what it computes from the field (its policy may keep it).
    const written = this.computed ? this.computed(plainString(this.tokens, tag.value)) : value.string;
    if (!this.setsToo || written === undefined || tag.key.parts?.length !== 1 || plainString(this.tokens, tag.value) === written) return;
    const field = (key: string) => this.entries(config).find((e) => e.key.parts?.length === 1 && e.key.parts[0] === key);
    const digest = digestBeside(tag.key.parts[0]!, field);
    const held = digest && plainString(this.tokens, digest.value);
    if (!digest || !held) return;
    const digestKey = beside("digest");
    if (this.setsToo(digestKey)) return;
    const { registry, repository } = splitImage(field);
    // The image as the editor reads the pair the run leaves: None is no registry, a top-level string constant (`_reg`,
    // "${_reg}") is its string, and any other value KCL computes (a variable, an interpolation, a call) leaves it unknown,
    // for which no --image is named; a field or constant a later spec sets is read as that spec writes it.
    const later = (key: string) => this.later(beside(key));
    const laterRegistry = later("registry");
    const read: Registry =
      laterRegistry !== undefined
        ? (laterRegistry ?? COMPUTED_REGISTRY)
        : registry === undefined || isNoneValue(this.tokens, registry.value)
          ? undefined
          : (this.registryText(registry.value) ?? COMPUTED_REGISTRY);
    const laterRepository = later("repository");
    const repositoryText = laterRepository !== undefined ? (laterRepository ?? undefined) : repository && plainString(this.tokens, repository.value);
    const name = repositoryText === undefined ? undefined : pairName(read, repositoryText);
    const stale = {
      tagKey,
      tag: written,
      digestKey,
      line: this.line(digest.value.first),
      digest: held,
      name,
      configured: this.computed !== undefined,
    };
    this.warn(tag.value.first, staleDigestWarning(stale, this.fieldName));
  }

  /**
   * What a split image's registry value names, as the editor reads it (registryString), a constant a later spec sets as
   * that spec writes it; undefined for a value KCL computes.
   */
  registryText(value: Expr): string | undefined {
    this.#assigned ??= assignedStrings(this.module.statements, this.tokens);
    const held = registryString(this.tokens, this.#assigned, value);
    const later = held?.constant === undefined ? undefined : this.later(held.constant);
    if (later !== undefined) return later ?? undefined;
    return held?.text;
  }
}

/** Where a nested path ends up in one statement. */
interface Search {
  readonly matches: ConfigEntry[];
  /** The config each match is an entry of. */
  readonly holders: Map<ConfigEntry, ConfigExpr>;
  /** Deepest existing level: how many parts exist, the keys found there, where to insert. */
  deepest: { depth: number; keys: Set<string>; config: ConfigExpr; consumed: number; token: number };
  /** Entries on the path whose value is not a config or schema literal. */
  readonly blocked: { entry: ConfigEntry; depth: number }[];
  /** Dotted keys that go past the path's end (`containers.guestbook` for `...containers`), with how many parts precede them. */
  readonly dotted: { entry: ConfigEntry; depth: number }[];
}

/** Where `parts` from `offset` on ends up in `config` (the value of the statement or entry at `token`). */
function searchConfig(config: ConfigExpr, parts: readonly string[], offset: number, token: number): Search {
  const found: Search = { matches: [], holders: new Map(), deepest: { depth: -1, keys: new Set(), config, consumed: offset, token }, blocked: [], dotted: [] };
  search(config, parts, offset, token, found);
  return found;
}

function search(config: ConfigExpr, parts: readonly string[], offset: number, token: number, found: Search): void {
  const reach = (depth: number, key: string | undefined, at: number): void => {
    if (depth > found.deepest.depth) found.deepest = { depth, keys: new Set(), config, consumed: offset, token: at };
    if (depth === found.deepest.depth && key !== undefined) found.deepest.keys.add(key);
  };
  reach(offset, undefined, token);
  for (const item of config.items) {
    const key = item.type === "entry" ? item.key.parts : undefined;
    if (item.type !== "entry" || !key) continue;
    let c = 0;
    while (c < key.length && offset + c < parts.length && key[c] === parts[offset + c]) c++;
    if (c === key.length) {
      if (offset + c === parts.length) {
        found.matches.push(item);
        found.holders.set(item, config);
        continue;
      }
      const sub = configOf(item.value);
      if (sub) search(sub, parts, offset + c, item.first, found);
      else found.blocked.push({ entry: item, depth: offset + c });
    } else if (offset + c === parts.length) {
      found.dotted.push({ entry: item, depth: offset });
    } else {
      reach(offset + c, key[c]!, c > 0 ? item.first : token);
    }
  }
}

/** `,` between entries: a removal takes one with it. */
const COMMA = 0x2c;
const HASH = 0x23;
/** `}`, `]` and `)`. */
const CLOSERS = new Set([0x7d, 0x5d, 0x29]);

/** The index after the spaces and tabs from `at` on. */
function blanksFrom(text: string, at: number): number {
  let i = at;
  while (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09) i++;
  return i;
}

/** The index where the spaces and tabs just before `at` start. */
function blanksBefore(text: string, at: number): number {
  let i = at;
  while (text.charCodeAt(i - 1) === 0x20 || text.charCodeAt(i - 1) === 0x09) i--;
  return i;
}

/** Whether `at` is the text's end or a line break. */
function endsLine(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return at >= text.length || c === 10 || c === 13;
}

function statementValue(s: Statement): Expr | undefined {
  return s.type === "assign" || s.type === "aug-assign" || s.type === "unification" ? s.value : undefined;
}

function keyText(parts: readonly string[], operator: string, value: string): string {
  // KCL's own style: `key: value`, `key = value`, `key += value`.
  const pair = (key: string) => (operator === ":" ? `${key}: ${value}` : `${key} ${operator} ${value}`);
  if (parts.every(isIdentifier)) return pair(parts.join("."));
  const key = (p: string): string => (isIdentifier(p) ? p : JSON.stringify(p));
  let text = pair(key(parts[parts.length - 1]!));
  for (let i = parts.length - 2; i >= 0; i--) text = `${key(parts[i]!)}: {${text}}`;
  return text;
}

/**
 * `x = y = {...}`: KCL splits the statement into one per target before it overrides one of
 * them, a re-print of the whole statement; a splice would change every target at once.
 */
function refuseShared(p: Planner, s: Statement, name: string): void {
  if (s.type !== "assign" || s.targets.length < 2) return;
  const written = `${s.targets.join(" = ")} = ...`;
  throw new SourceError(
    `'${name}' shares its value with the other targets of '${written}'; give it a statement of its own to override it alone`,
    p.line(s.first),
  );
}

function planTopLevel(p: Planner, raw: string, options: OverrideOptions): void {
  const { spec, module } = p;
  const name = spec.parts[0]!;
  const statements = module.statements.filter((s) => namesTarget(s, name));
  statements.forEach((s) => refuseShared(p, s, name));
  if (spec.operation === "-") {
    const removable = (s: Statement): boolean => s.type === "assign" || s.type === "unification";
    statements.filter(removable).forEach((s) => p.remove(s, statementValue(s)!));
    if (!statements.some(removable)) nothingToDelete(p, missingTopLevel(p, name, removable));
    return;
  }
  const value = p.value(raw);
  if (!value) return;
  // A unification's value is a schema instance: `:` merges a config into it, anything else would make `name: 5` a type annotation.
  const fits = value.expr.type === "schema" || (spec.operation === ":" && value.expr.type === "config");
  const unfit = statements.filter((s) => s.type === "unification" && spec.operation !== "+=" && !fits);
  const takes =
    spec.operation === "=" ? "replaces it only with a schema instance (S {...})" : "merges into it only a config ({...}) or a schema instance (S {...})";
  const set = statements.filter((s) => !unfit.includes(s));
  for (const s of set) {
    const old = statementValue(s)!;
    p.apply(spec.operation, old, value);
  }
  if (set.length > 0) {
    // KCL sets the assignments and passes the unification by (reference §1.5, walk_module): said, as it still holds another value.
    const left = `only the assignments of '${name}' are set, as with KCL -O`;
    for (const s of unfit) p.warn(s.first, `'${name}' is also a unification ('${name}: S {...}'), left as it is: '${spec.operation}' ${takes}; ${left}`);
    return;
  }
  // With no assignment, KCL adds `name = value` after it (what create does); without create, say why instead of "no top-level".
  const unification = unfit[0];
  if (unification && !options.create)
    throw new SourceError(`'${name}' is a unification ('${name}: S {...}'); '${spec.operation}' ${takes}`, p.line(unification.first));
  createTopLevel(p, [], value, options, `no top-level '${name}' in this file${meantTopLevel(module, name, () => true)}`, () => true);
}

/**
 * A spec's variable is not there, or not where `reaches` looks: append it with create,
 * except over an assignment it cannot reach (a second assignment of a public name is an
 * error in KCL; a `_` name may be assigned again, as -O does).
 */
function createTopLevel(
  p: Planner,
  rest: readonly string[],
  value: Value,
  options: OverrideOptions,
  missing: string,
  reaches: (s: Statement) => boolean,
): void {
  const { spec } = p;
  const name = spec.parts[0]!;
  const defined = definition(p.module, name);
  if (defined) throw new SourceError(`${defined.message}; ${spec.path} cannot be overridden here, and creating '${name}' would define it twice`, defined.line);
  const why = unreached(p.module, name, reaches);
  if (why && !(options.create && name.startsWith("_"))) throw new SourceError(`${why.message}; ${spec.path} cannot be overridden here`, why.line);
  // KCL refuses `True = ...`: a statement it would refuse is neither written nor suggested.
  if (isKeyword(name)) throw new SourceError(`${missing}; '${name}' is a KCL keyword, not a variable name, so it cannot be created`);
  // Written, `b-c = "x"` would not parse; a nested key is quoted instead (`a = {"b-c" = "x"}`).
  if (!isName(name)) throw new SourceError(`${missing}; '${name}' is not a KCL identifier, so it cannot be created as a variable`);
  if (!options.create) throw new SourceError(`${missing} ${createHint("it", options.fieldName)}`);
  const statement =
    rest.length > 0
      ? `${name} = {${keyText(rest, spec.operation, value.text)}}`
      : spec.operation === "+="
        ? `${name} += ${value.text}`
        : `${name}${spec.operation === ":" && value.expr.type === "schema" ? ":" : " ="} ${value.text}`;
  const text = p.text;
  // A file with nothing but a byte order mark is empty too: the statement goes after the mark.
  const startsLine = text.length === sourceStart(text) || text.endsWith("\n");
  p.plan.splices.push({ start: text.length, end: text.length, insert: startsLine ? `${statement}${p.eol}` : `${p.eol}${statement}` });
  const line = p.tokens.source.line(text.length) + (startsLine ? 0 : 1);
  const change: FieldChange = { line, kind: "override", key: spec.path, old: "", new: value.string ?? value.text, op: "create" };
  p.plan.changes.push(change);
  if (value.wholeText) p.warnWholeText(change, value, spec.path);
}

function planNested(p: Planner, raw: string, options: OverrideOptions): void {
  const { spec, module } = p;
  const [name, ...rest] = spec.parts as [string, ...string[]];
  const candidates = module.statements.filter((s) => namesTarget(s, name) && holdsConfig(s));
  const searchIn = (s: Statement): Search => searchConfig(configOf(statementValue(s)!)!, spec.parts, 1, s.first);
  if (spec.operation === "-") {
    for (const s of candidates) {
      // A dotted key that goes past the path is part of it: KCL expands `containers.web = ...` to `containers: {web = ...}` first.
      const found = searchIn(s);
      if (found.matches.length + found.dotted.length === 0) continue;
      refuseShared(p, s, name);
      found.matches.forEach((m) => p.remove(m, m.value));
      found.dotted.forEach(({ entry, depth }) =>
        p.remove(entry, entry.value, formatOverridePath(entry.key.parts!, formatOverridePath(spec.parts.slice(0, depth)))),
      );
      return;
    }
    const first = candidates[0];
    return nothingToDelete(p, first ? notFound(p, searchIn(first)) : missingTopLevel(p, name, holdsConfig));
  }
  const value = p.value(raw);
  if (!value) return;
  const first = candidates[0];
  if (!first)
    return createTopLevel(
      p,
      rest,
      value,
      options,
      `no top-level '${name}' = {...}, '${name} = S {...}' or '${name}: S {...}' in this file${meantTopLevel(module, name, holdsConfig)}`,
      holdsConfig,
    );
  refuseShared(p, first, name);
  const found = searchIn(first);
  // The file writes the path only dotted past its end: KCL expands that key first, and merges or sets there as a merged entry does.
  if (found.dotted.length > 0 && found.matches.length === 0 && spec.operation !== "+=")
    return p.mergeEntry(configOf(statementValue(first)!)!, rest, spec.operation, value, name);
  // KCL expands a dotted key first (`a.b = 1` is `a: {b = 1}`) and sets every duplicate: beside a plain `a`, it would be rewritten too.
  if (found.matches.length > 0) refuseDotted(p, found);
  for (const m of found.matches) {
    if (spec.operation === "=") p.warnStaleDigest(found.holders.get(m)!, m, value);
    p.apply(spec.operation, m.value, value);
  }
  if (found.matches.length > 0) return;

  const { deepest } = found;
  const why = notFound(p, found);
  const later = candidates.slice(1).find((s) => searchIn(s).matches.length > 0);
  // -O sets a path in the first statement only, where a delete goes on to later ones (reference §1.5, §1.7): a later statement holding it is named.
  if (later)
    why.message += `; '${rest[rest.length - 1]}' is set in a later ${name} statement (line ${p.line(later.first)}), which -O does not reach for '${spec.operation}' (it sets the first statement only; a delete reaches later ones)`;
  if (why.blocked) throw new SourceError(why.message, why.line);
  refuseDotted(p, found);
  if (!options.create) throw new SourceError(`${why.message} ${createHint(spec.path, options.fieldName)}`, why.line);
  p.insert(deepest.config, (indent) => keyText(spec.parts.slice(deepest.consumed), spec.operation, value.indented(indent)), value.string ?? value.text);
  p.insertEntries();
  if (value.wholeText) p.warnWholeText(p.plan.changes[p.plan.changes.length - 1]!, value, spec.path);
}

/**
 * A path that a dotted key goes past (`c.a` and `a.b = 1` in c) is that key's first part, which
 * KCL's `=`, `:` or `+=` rewrites as a whole (`a: "v"`): more than a value's bytes, so refused,
 * beside a plain duplicate (`a = 2`) too, which alone would be a partial edit of the key.
 */
function refuseDotted(p: Planner, found: Search, path = p.spec.path): void {
  const dotted = found.dotted[0]?.entry;
  if (dotted) throw new SourceError(`${path} is written as the dotted key '${dotted.key.parts!.join(".")}'; name a key inside it`, p.line(dotted.first));
}

/**
 * Where a nested path stops in the statement searched, naming what exists there:
 * `config.containers has 'flaskdemo', not 'flask_demo'`, or the entry on the path that is
 * not a config (`blocked`).
 */
function notFound(p: Planner, found: Search): { message: string; line: number; blocked: boolean } {
  const { spec } = p;
  const { deepest } = found;
  const blocked = found.blocked.find((b) => b.depth >= deepest.depth);
  if (blocked) {
    const where = formatOverridePath(spec.parts.slice(0, blocked.depth));
    return {
      message: `${where} is not a config or schema literal, so it has no '${spec.parts[blocked.depth]}'`,
      line: p.line(blocked.entry.first),
      blocked: true,
    };
  }
  const where = formatOverridePath(spec.parts.slice(0, deepest.depth));
  const keys = [...deepest.keys].map((k) => `'${k}'`);
  const has = keys.length > 0 ? `has ${cappedList(keys)}` : deepest.config.items.length > 0 ? "has no key of its own" : "is empty";
  // KCL does not reach the key either; what the file shows of it is said, so the message does not deny what is there.
  const unreached = unreachedEntries(p.tokens, deepest.config, spec.parts.slice(deepest.consumed, deepest.depth + 1), where);
  const missing = spec.parts[deepest.depth]!;
  // KCL names `$type = …` type: a spec that copies the `$` from the file names no key.
  const dollar = missing.startsWith("$") && deepest.keys.has(missing.slice(1)) ? ` (KCL names the key '${missing.slice(1)}', without its '$')` : "";
  const message = `${where} ${has}, not '${missing}'${dollar}${unreached === undefined ? "" : `; ${unreached}`}`;
  return { message, line: p.line(deepest.token), blocked: false };
}

/** Why a delete finds no statement of `name` that `reaches` takes: what else binds it, an unreached assignment, or none. */
function missingTopLevel(p: Planner, name: string, reaches: (s: Statement) => boolean): { message: string; line?: number } {
  return (
    definition(p.module, name) ??
    unreached(p.module, name, reaches) ?? { message: `no top-level '${name}' in this file${meantTopLevel(p.module, name, reaches)}` }
  );
}

/**
 * A delete of a path that is not there changes nothing, as in KCL, but is said: a typo in a
 * cleanup step would go unseen. Worded for a rerun too, when the entry is already gone.
 */
function nothingToDelete(p: Planner, why: { message: string; line?: number }): void {
  p.plan.warnings.push({ ...(why.line !== undefined && { line: why.line }), message: `nothing to delete: ${why.message}` });
}

/**
 * Apply KCL override specs (`path=value`, `path:value`, `path+=value`, `path-`) to one file,
 * in order. Only the targeted values' bytes change; a spec whose path does not exist throws
 * SourceError naming the deepest existing key (unless `create`); deleting a missing path
 * changes nothing (as in KCL) and warns, naming the same key. Throws OverrideSpecError for
 * a malformed spec. A computed override is `path=<string>` with the string computed from
 * each target's current value; a target that is a config, schema instance or list throws
 * SourceError at its line.
 */
export function applyOverrides(text: string, specs: readonly (string | ComputedOverride)[], options: OverrideOptions = {}): EditResult {
  return publicResult(applyOverridesAbout(text, specs, options));
}

/** A spec as written (a computed override's path) and as read: a computed override sets its path with `=`. */
function specOf(item: string | ComputedOverride): { readonly raw: string; readonly spec: OverrideSpec } {
  const raw = typeof item === "string" ? item : item.path.trim();
  return { raw, spec: typeof item === "string" ? parseOverrideSpec(raw) : { path: raw, parts: parseOverridePath(raw), operation: "=", value: "" } };
}

/**
 * What the specs after one (`specs` from `from` on, read only when a warning asks) write at a path (`_reg`, `config.image.registry`), read before they are applied (an
 * earlier spec's value is in the text already): the string the last of them writing there writes with `=`, as readValue
 * reads it; null where that one writes anything else (an expression, a merge, a delete, a computed value); undefined
 * where none writes there. A spec that does not parse is refused when it is applied, and read as writing nowhere.
 */
type LaterWrites = (path: string) => string | null | undefined;

function laterWrites(specs: readonly (string | ComputedOverride)[], from: number, fieldName: FieldNamer | undefined): LaterWrites {
  return (path) => {
    let written: string | null | undefined;
    for (const item of specs.slice(from)) {
      const read = readSafely(() => specOf(item));
      if (read === undefined || formatOverridePath(read.spec.parts) !== path) continue;
      const { raw, spec } = read;
      const value = typeof item === "string" && spec.operation === "=" ? readSafely(() => readValue(spec, raw, NO_LINES, fieldName)) : undefined;
      written = value?.string ?? null;
    }
    return written;
  };
}

/**
 * The fields a spec sets, as key paths: its path, or for a ':' merge of a config (or schema instance) the paths of the
 * entries it writes, a ':' entry's own entries in turn, as mergeEntry applies them; an entry with no key (`**x`, an `if`)
 * may write anything below, and leaves the merge's path. Undefined for a spec that does not parse, which sets nothing.
 */
export function fieldsSet(raw: string): readonly (readonly string[])[] | undefined {
  const spec = readSafely(() => parseOverrideSpec(raw));
  if (!spec || spec.operation !== ":") return spec && [spec.parts];
  const written = (parts: readonly string[], expr: Expr): (readonly string[])[] => {
    const config = configOf(expr);
    if (!config || config.items.some((i) => i.type !== "entry" || !i.key.parts)) return [parts];
    return (config.items as ConfigEntry[]).flatMap((i) => (i.operator === ":" ? written([...parts, ...i.key.parts!], i.value) : [[...parts, ...i.key.parts!]]));
  };
  const value = readSafely(() => parseKclExpression(spec.value));
  return value ? written(spec.parts, value.expr) : [spec.parts];
}

/** Lines for a value read only for its string. */
const NO_LINES: LineStyle = { eol: "\n", unit: "" };

/** What `read` gives, or undefined where it refuses the spec (SourceError): that is said when the spec is applied. */
function readSafely<R>(read: () => R): R | undefined {
  try {
    return read();
  } catch (e) {
    if (e instanceof SourceError) return undefined;
    throw e;
  }
}

/** applyOverrides for the engine: its warnings keep what they are about (FieldWarning), which overrides.ts compares with the editors'. */
export function applyOverridesAbout(text: string, specs: readonly (string | ComputedOverride)[], options: OverrideOptions = {}): FieldEditResult {
  let current = text;
  let module = parseKcl(current);
  const run: Run = { given: new GivenLines(module.tokens.source), removed: new Set() };
  // Concatenated, never spread into a call's arguments: 100,000s of duplicate keys give as many changes.
  let changes: FieldChange[] = [];
  let warnings: FieldWarning[] = [];
  for (const [index, item] of specs.entries()) {
    const { raw, spec } = specOf(item);
    if (spec.parts.length === 0) throw new OverrideSpecError(raw, `the path of '${raw}' names no variable`);
    const later = laterWrites(specs, index + 1, options.fieldName);
    const planner = new Planner(module, run, spec, typeof item === "string" ? undefined : item.value, later, options.setsToo, options.fieldName);
    if (spec.parts.length === 1) planTopLevel(planner, raw, options);
    else planNested(planner, raw, options);
    planner.insertEntries();
    planner.writeRemovals();
    const { splices } = planner.plan;
    if (splices.length === 0) {
      changes = changes.concat(planner.plan.changes);
      warnings = warnings.concat(planner.plan.warnings);
      continue;
    }
    const previous = current;
    const ordered = [...splices].sort(byPosition);
    current = applySplices(current, ordered);
    run.given.edited(ordered);
    const movedAt = linesMovedBy(previous, ordered);
    // Earlier specs' changes and warnings read their lines before this one moved them; a removal's line is the given text's.
    const shifted = shiftLines(changes, previous, current);
    changes = shifted.map((c, i) => (run.removed.has(changes[i]!) ? changes[i]! : c)).concat(planner.placed(planner.plan.changes, movedAt));
    warnings = shiftLines(warnings, previous, current).concat(planner.placed(planner.plan.warnings, movedAt));
    try {
      module = parseKcl(current);
    } catch (e) {
      if (!(e instanceof SourceError)) throw e;
      throw new SourceError(`override '${raw}' would leave invalid KCL: ${e.message}`, e.line, e.column);
    }
  }
  return { text: current, changes, warnings };
}
