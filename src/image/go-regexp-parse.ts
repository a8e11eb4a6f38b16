/**
 * Go (RE2) regular expression syntax, as Flux writes it in `filterTags.pattern` and
 * `exclusionList`, read into a tree that pike-vm.ts runs.
 *
 * What Go refuses is refused here with Go's reason; a repetition with nothing to repeat (`*a`,
 * `a**`) keeps the words this project has always used for it.
 *
 * Go's flags (`(?i)`, `(?m)`, `(?s)`, `(?U)`) may stand anywhere and hold until their group
 * closes, or scope a group (`(?i:…)`). Each atom is read under the flags in force, so the tree
 * holds none: `(?i)` becomes sets of case variants, `(?m)` line assertions, `(?U)` swapped greed.
 */

import { ClassSet, DOT, DOT_ALL, foldedExtras, GO_SPACE, literal, POSIX_CLASSES, unicodeClass } from "./go-regexp-class.js";
import type { ClassBody, CodePointSet } from "./go-regexp-class.js";

export class GoRegexpError extends Error {
  constructor(
    readonly pattern: string,
    readonly reason: string,
  ) {
    super(`invalid regular expression ${JSON.stringify(pattern)}: ${reason}`);
    this.name = "GoRegexpError";
  }
}

/** Empty-width assertions as bits (Go's EmptyOp): a position satisfies an assertion when it has all of its bits. */
export const BEGIN_LINE = 1;
export const END_LINE = 2;
export const BEGIN_TEXT = 4;
export const END_TEXT = 8;
export const WORD_BOUNDARY = 16;
export const NO_WORD_BOUNDARY = 32;

export type Node =
  | { readonly kind: "empty" }
  | { readonly kind: "char"; readonly cp: number }
  | { readonly kind: "set"; readonly set: CodePointSet }
  /** `condition`: assertion bits that must all hold. */
  | { readonly kind: "assert"; readonly condition: number }
  | { readonly kind: "capture"; readonly index: number; readonly sub: Node }
  | { readonly kind: "concat"; readonly subs: readonly Node[] }
  /** Leftmost first: an earlier alternative is preferred. */
  | { readonly kind: "alternate"; readonly subs: readonly Node[] }
  /** `x*` is {0, Infinity}, `x+` {1, Infinity}, `x?` {0, 1}; `greedy` already accounts for `(?U)`. */
  | { readonly kind: "repeat"; readonly sub: Node; readonly min: number; readonly max: number; readonly greedy: boolean };

export interface ParsedRegexp {
  readonly root: Node;
  /** Capture group names by group number; index 0 is the whole match, unnamed groups are undefined. */
  readonly groupNames: readonly (string | undefined)[];
}

const EMPTY: Node = { kind: "empty" };

/** Go's flags, in force at a point of the pattern. */
interface Flags {
  /** `i`: letters match their case variants (Unicode simple case folding). */
  readonly ignoreCase: boolean;
  /** `m`: `^` and `$` also match after and before `\n`. */
  readonly multiLine: boolean;
  /** `s`: `.` matches `\n` too. */
  readonly dotAll: boolean;
  /** `U`: `x*` is lazy and `x*?` greedy. */
  readonly ungreedy: boolean;
}

const FLAG_LETTERS: Readonly<Record<string, keyof Flags>> = { i: "ignoreCase", m: "multiLine", s: "dotAll", U: "ungreedy" };

const SIMPLE_ESCAPES: Readonly<Record<string, number>> = { a: 7, f: 12, n: 10, r: 13, t: 9, v: 11 };
const MAX_REPEAT = 1000;
/** Go's maxHeight: a deeper tree is refused, which also keeps the matcher's recursion bounded. */
const MAX_HEIGHT = 1000;
/**
 * Go's maxSize: a pattern whose program Go estimates (its calcSize) at more instructions is
 * refused: `(?:aaa…){1000}` with 3356 letters would be 3.4 million instructions. (Go also limits
 * the characters its classes hold, maxRunes, at 26 000 `\pL`s or so; not counted here.)
 */
const MAX_SIZE = Math.floor((128 << 20) / 40);

/** An open group (or the whole pattern, at the bottom of the stack). */
interface Frame {
  /** The alternatives read so far, before the current one. */
  readonly alternatives: Node[];
  /** The current alternative's items, in order. */
  items: Node[];
  /** The group's number; undefined for `(?flags:…)` and the whole pattern. */
  readonly capture: number | undefined;
  /** The flags to restore at the group's `)`. */
  readonly outerFlags: Flags;
}

function isAsciiAlnum(ch: string): boolean {
  return /^[0-9A-Za-z]$/.test(ch);
}

function children(node: Node): readonly Node[] {
  switch (node.kind) {
    case "capture":
    case "repeat":
      return [node.sub];
    case "concat":
    case "alternate":
      return node.subs;
    default:
      return [];
  }
}

/** One character: Go merges adjacent ones in an alternation into one class (`a|b|c` is `[a-c]`). */
function oneCharacter(node: Node): boolean {
  return node.kind === "char" || node.kind === "set";
}

/**
 * Go's repeatIsValid: nested counted repetitions may make at most `limit` copies of the
 * innermost thing, as each `{n,m}` is expanded into copies (`(a{100}){100}` is refused).
 */
function withinRepeatLimit(node: Node, limit: number): boolean {
  let n = limit;
  if (node.kind === "repeat") {
    if (node.max === 0) return true;
    const copies = node.max === Infinity ? node.min : node.max;
    if (copies > n) return false;
    if (copies > 0) n = Math.floor(n / copies);
  }
  return children(node).every((sub) => withinRepeatLimit(sub, n));
}

class Parser {
  private pos = 0;
  private readonly groupNames: (string | undefined)[] = [undefined];
  private flags: Flags = { ignoreCase: false, multiLine: false, dotAll: false, ungreedy: false };
  private readonly frames: Frame[];
  /** The last atom read was a repetition operator, which Go does not let another follow (`a**`). */
  private afterRepeat = false;
  /** The height of each node with children (a leaf's is 1). */
  private readonly heights = new Map<Node, number>();
  /** Go's estimate of the program size of each node with children (a leaf's is 1). */
  private readonly sizes = new Map<Node, number>();

  constructor(private readonly src: string) {
    this.frames = [{ alternatives: [], items: [], capture: undefined, outerFlags: this.flags }];
  }

  private fail(reason: string): never {
    throw new GoRegexpError(this.src, reason);
  }

  private peek(offset = 0): string {
    return this.src[this.pos + offset] ?? "";
  }

  private rest(): string {
    return this.src.slice(this.pos);
  }

  private get frame(): Frame {
    return this.frames[this.frames.length - 1]!;
  }

  private push(node: Node): void {
    this.frame.items.push(node);
  }

  /** A node with children, refused when the tree grows deeper or larger than Go allows. */
  private made(node: Node): Node {
    const height = 1 + children(node).reduce((max, sub) => Math.max(max, this.heights.get(sub) ?? 1), 0);
    if (height > MAX_HEIGHT) this.fail("expression nests too deeply");
    this.heights.set(node, height);
    const size = Math.max(1, this.size(node));
    if (size > MAX_SIZE) this.fail("expression too large");
    this.sizes.set(node, size);
    return node;
  }

  /** Go's calcSize: the instructions `node` compiles to, counting each copy of a repetition. */
  private size(node: Node): number {
    const of = (sub: Node): number => this.sizes.get(sub) ?? 1;
    switch (node.kind) {
      case "capture":
        return 2 + of(node.sub);
      case "concat":
        return node.subs.reduce((sum, sub) => sum + of(sub), 0);
      case "alternate": {
        const branches = node.subs.filter((sub, i) => !(i > 0 && oneCharacter(sub) && oneCharacter(node.subs[i - 1]!)));
        return branches.reduce((sum, sub) => sum + of(sub), 0) + branches.length - 1;
      }
      case "repeat": {
        const { min, max } = node;
        if (max === Infinity) return min === 0 ? 2 + of(node.sub) : 1 + min * of(node.sub);
        return max * of(node.sub) + (max - min);
      }
      default:
        return 1;
    }
  }

  private sequence(items: readonly Node[]): Node {
    return items.length === 0 ? EMPTY : items.length === 1 ? items[0]! : this.made({ kind: "concat", subs: items });
  }

  /** The next code point (a surrogate pair is one character, as a UTF-8 rune is in Go). */
  private nextCodePoint(): number {
    const cp = this.src.codePointAt(this.pos)!;
    this.pos += cp > 0xffff ? 2 : 1;
    return cp;
  }

  parse(): ParsedRegexp {
    while (this.pos < this.src.length) this.atom();
    if (this.frames.length > 1) this.fail("missing closing )");
    return { root: this.close(), groupNames: this.groupNames };
  }

  /** The top frame's alternatives as one node. */
  private close(): Node {
    const { alternatives, items } = this.frame;
    alternatives.push(this.sequence(items));
    return alternatives.length === 1 ? alternatives[0]! : this.made({ kind: "alternate", subs: alternatives });
  }

  private atom(): void {
    const afterRepeat = this.afterRepeat;
    this.afterRepeat = false;
    const ch = this.peek();
    switch (ch) {
      case "\\":
        this.pos++;
        this.escape();
        return;
      case "[":
        this.push(this.set(this.charClass()));
        return;
      case "(":
        this.group();
        return;
      case ")": {
        if (this.frames.length === 1) this.fail("unexpected )");
        const node = this.close();
        const { capture, outerFlags } = this.frames.pop()!;
        this.flags = outerFlags;
        this.pos++;
        this.push(capture === undefined ? node : this.made({ kind: "capture", index: capture, sub: node }));
        return;
      }
      case "|":
        this.pos++;
        this.frame.alternatives.push(this.sequence(this.frame.items));
        this.frame.items = [];
        return;
      case "^":
        this.pos++;
        this.push({ kind: "assert", condition: this.flags.multiLine ? BEGIN_LINE : BEGIN_TEXT });
        return;
      case "$":
        this.pos++;
        this.push({ kind: "assert", condition: this.flags.multiLine ? END_LINE : END_TEXT });
        return;
      case ".":
        this.pos++;
        this.push({ kind: "set", set: this.flags.dotAll ? DOT_ALL : DOT });
        return;
      case "*":
      case "+":
      case "?":
        this.pos++;
        this.repeat(ch === "+" ? 1 : 0, ch === "?" ? 1 : Infinity, afterRepeat);
        return;
      case "{": {
        // Go's parseInt refuses a leading zero (`{01}`, `{1,02}`), and then `{` is a literal.
        const m = /^\{(0|[1-9]\d*)(?:(,)(0|[1-9]\d*)?)?\}/.exec(this.rest());
        if (!m) break; // Not a repeat: Go reads `{` as a literal.
        const min = Number(m[1]);
        const max = m[3] ? Number(m[3]) : m[2] ? Infinity : min;
        if (min > MAX_REPEAT || (max !== Infinity && (max > MAX_REPEAT || max < min))) this.fail(`invalid repeat count ${m[0]}`);
        this.pos += m[0].length;
        const node = this.repeat(min, max, afterRepeat);
        if ((min >= 2 || (max >= 2 && max !== Infinity)) && !withinRepeatLimit(node, MAX_REPEAT)) this.fail(`invalid repeat count ${m[0]}`);
        return;
      }
    }
    this.push(this.char(this.nextCodePoint()));
  }

  /** A literal character; under `i`, the set of its case variants. */
  private char(cp: number): Node {
    const extras = this.flags.ignoreCase ? foldedExtras(literal(cp)) : "";
    return extras === "" ? { kind: "char", cp } : { kind: "set", set: new ClassSet(`[${literal(cp)}${extras}]`) };
  }

  private set(source: string): Node {
    return { kind: "set", set: new ClassSet(source) };
  }

  /** A set as a JS class (usable inside a class too); under `i`, folded before it is negated, as Go does. */
  private classSource(set: ClassBody): string {
    const extras = this.flags.ignoreCase ? foldedExtras(set.body) : "";
    return `[${set.negated ? "^" : ""}${set.body}${extras}]`;
  }

  /** Applies a repetition operator (just read) to the last item, which it replaces. */
  private repeat(min: number, max: number, afterRepeat: boolean): Node {
    let greedy = true;
    if (this.peek() === "?") {
      greedy = false;
      this.pos++;
    }
    const items = this.frame.items;
    const sub = items.pop();
    if (sub === undefined || afterRepeat) this.fail("Nothing to repeat");
    // (?U) swaps the meaning of `x*` and `x*?`.
    const node = this.made({ kind: "repeat", sub, min, max, greedy: greedy !== this.flags.ungreedy });
    items.push(node);
    this.afterRepeat = true;
    return node;
  }

  private group(): void {
    const rest = this.rest();
    const named = /^\(\?P?<([^>]*)>/.exec(rest);
    if (named) {
      const name = named[1]!;
      if (!/^[A-Za-z0-9_]+$/.test(name)) this.fail(`invalid named capture ${JSON.stringify(named[0])}`);
      this.open(name);
      this.pos += named[0].length;
      return;
    }
    if (/^\(\?P?<(?![=!])/.test(rest)) this.fail(`invalid named capture ${JSON.stringify(rest)}`);
    if (rest.startsWith("(?")) {
      this.flagGroup();
      return;
    }
    this.open(undefined);
    this.pos++;
  }

  /** Opens a capturing group. */
  private open(name: string | undefined): void {
    this.frames.push({ alternatives: [], items: [], capture: this.groupNames.length, outerFlags: this.flags });
    this.groupNames.push(name);
  }

  /**
   * `(?flags)` or `(?flags:`, read as Go's parser reads them: letters from `imsU`, and at most
   * one `-` that clears the letters after it (at least one). `(?)` sets nothing.
   */
  private flagGroup(): void {
    let flags = this.flags;
    let clear = false;
    let sawFlag = false;
    let end = this.pos + 2;
    for (; end < this.src.length; end++) {
      const c = this.src[end]!;
      const name = FLAG_LETTERS[c];
      if (name !== undefined) {
        flags = { ...flags, [name]: !clear };
        sawFlag = true;
      } else if (c === "-" && !clear) {
        clear = true;
        sawFlag = false;
      } else if ((c === ":" || c === ")") && (!clear || sawFlag)) {
        this.pos = end + 1;
        if (c === ":") this.frames.push({ alternatives: [], items: [], capture: undefined, outerFlags: this.flags });
        this.flags = flags;
        return;
      } else {
        break;
      }
    }
    // Go shows the text up to and including the character it stopped at.
    const stop = this.src.codePointAt(end);
    const shown = this.src.slice(this.pos, stop === undefined ? end : end + (stop > 0xffff ? 2 : 1));
    this.fail(`invalid or unsupported Perl syntax ${JSON.stringify(shown)}`);
  }

  /** After a backslash, outside a class. */
  private escape(): void {
    if (this.pos >= this.src.length) this.fail("trailing backslash at end of expression");
    const c = this.peek();
    this.pos++;
    switch (c) {
      case "d":
      case "D":
      case "w":
      case "W":
      case "s":
      case "S":
      case "p":
      case "P":
        this.push(this.set(this.classSource(this.classEscape(c))));
        return;
      // Go's \b is ASCII whatever the flags.
      case "b":
        this.push({ kind: "assert", condition: WORD_BOUNDARY });
        return;
      case "B":
        this.push({ kind: "assert", condition: NO_WORD_BOUNDARY });
        return;
      case "A":
        this.push({ kind: "assert", condition: BEGIN_TEXT });
        return;
      case "z":
        this.push({ kind: "assert", condition: END_TEXT });
        return;
      case "Q": {
        const end = this.src.indexOf("\\E", this.pos);
        const text = this.src.slice(this.pos, end < 0 ? undefined : end);
        this.pos = end < 0 ? this.src.length : end + 2;
        // One item per character, as in Go: `\Qab\E*` repeats the `b`.
        for (const ch of text) this.push(this.char(ch.codePointAt(0)!));
        return;
      }
    }
    this.push(this.char(this.escapedCharacter(c)));
  }

  /** `\d`, `\w`, `\s`, `\pL`, `\p{Greek}` and their negations, after the backslash. JS's `\d` and `\w` are ASCII, as Go's. */
  private classEscape(c: string): ClassBody {
    switch (c) {
      case "d":
      case "D":
        return { body: "\\d", negated: c === "D" };
      case "w":
      case "W":
        return { body: "\\w", negated: c === "W" };
      case "s":
      case "S":
        return { body: GO_SPACE, negated: c === "S" };
    }
    const m = /^(?:\{([^}]*)\}|([A-Za-z]))/.exec(this.rest());
    if (!m) this.fail(`invalid character class range \\${c}`);
    this.pos += m[0].length;
    return unicodeClass(m[1] ?? m[2]!, c === "P") ?? this.fail(`invalid character class range \\${c}${m[0]}`);
  }

  /** A single-character escape (`\n`, `\x41`, `\101`, `\.`), as Go's parseEscape reads it. */
  private escapedCharacter(c: string): number {
    if (c >= "0" && c <= "7") {
      // `\1`–`\7` alone would be a backreference, which Go does not support.
      if (c !== "0" && !/^[0-7]/.test(this.rest())) this.fail(`invalid escape sequence \\${c}`);
      let value = Number(c);
      for (let i = 0; i < 2 && /^[0-7]/.test(this.rest()); i++) value = value * 8 + Number(this.src[this.pos++]);
      return value;
    }
    if (c === "x") {
      const m = /^(?:\{([0-9A-Fa-f]+)\}|([0-9A-Fa-f]{2}))/.exec(this.rest());
      const value = m ? parseInt(m[1] ?? m[2]!, 16) : NaN;
      if (!m || value > 0x10ffff) this.fail("invalid escape sequence \\x");
      this.pos += m[0].length;
      return value;
    }
    const simple = SIMPLE_ESCAPES[c];
    if (simple !== undefined) return simple;
    const cp = c.codePointAt(0)!;
    if (cp < 0x80 && !isAsciiAlnum(c)) return cp;
    this.fail(`invalid escape sequence \\${c}`);
  }

  /** `[...]` as a JS class. Under `i` each item is folded (a negated item after folding), then the class negated, as Go does. */
  private charClass(): string {
    const start = this.pos;
    this.pos++;
    const negated = this.peek() === "^";
    if (negated) this.pos++;
    /** Characters and ranges, folded together. */
    let chars = "";
    /** Named classes and escapes, each folded on its own. */
    let sets = "";
    let first = true;
    for (;;) {
      if (this.pos >= this.src.length) this.fail(`missing closing ] ${JSON.stringify(this.src.slice(start))}`);
      if (this.peek() === "]" && !first) break;
      first = false;
      // Go's parseNamedClass: `[:` up to the first `:]` must be a known class name.
      const close = this.rest().startsWith("[:") ? this.rest().indexOf(":]", 2) : -1;
      if (close >= 0) {
        const named = this.rest().slice(0, close + 2);
        const m = /^\[:(\^?)([a-z]+):\]$/.exec(named);
        const body = m ? POSIX_CLASSES[m[2]!] : undefined;
        if (body === undefined) this.fail(`invalid character class range ${named}`);
        sets += this.classSource({ body, negated: m![1] === "^" });
        this.pos += named.length;
        continue;
      }
      if (this.peek() === "\\" && /^[dDwWsSpP]/.test(this.peek(1))) {
        this.pos += 2;
        sets += this.classSource(this.classEscape(this.src[this.pos - 1]!));
        continue;
      }
      const lo = this.classCharacter();
      if (this.peek() === "-" && this.peek(1) !== "]" && this.pos + 1 < this.src.length) {
        this.pos++;
        const hi = this.classCharacter();
        if (hi < lo) this.fail(`invalid character class range ${JSON.stringify(this.src.slice(start, this.pos))}`);
        chars += `${literal(lo)}-${literal(hi)}`;
      } else {
        chars += literal(lo);
      }
    }
    this.pos++;
    const extras = this.flags.ignoreCase && chars !== "" ? foldedExtras(chars) : "";
    return `[${negated ? "^" : ""}${chars}${extras}${sets}]`;
  }

  private classCharacter(): number {
    if (this.peek() !== "\\") return this.nextCodePoint();
    this.pos++;
    if (this.pos >= this.src.length) this.fail("trailing backslash at end of expression");
    const c = this.peek();
    this.pos++;
    return this.escapedCharacter(c);
  }
}

/** Reads a Go RE2 pattern; throws GoRegexpError with Go's reason when Go would refuse it. */
export function parseGoRegexp(pattern: string): ParsedRegexp {
  return new Parser(pattern).parse();
}
