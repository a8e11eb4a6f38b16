/**
 * A parsed Go regexp compiled to a Thompson NFA and run as a Pike VM, as Go's regexp package
 * does: leftmost-first matching with Perl's submatch rules, in time linear in the text whatever
 * the pattern. Every thread steps one character at a time, and at most one thread per
 * instruction survives each step (the one that comes first in priority), so nested quantifiers
 * (`([0-9a-z]+)*`) cannot make the work grow beyond text length × program size.
 */

import type { CodePointSet } from "./go-regexp-class.js";
import { BEGIN_LINE, BEGIN_TEXT, END_LINE, END_TEXT, NO_WORD_BOUNDARY, WORD_BOUNDARY } from "./go-regexp-parse.js";
import type { Node } from "./go-regexp-parse.js";

// Instructions. Each has an opcode, an `out` (the next instruction) and an `arg`.
/** Consumes the code point `arg`. */
const CHAR = 0;
/** Consumes a code point of `sets[arg]`. */
const SET = 1;
/** Goes on at `out` and, with lower priority, at `arg`. */
const SPLIT = 2;
/** Records the position in capture slot `arg`. */
const SAVE = 3;
/** Goes on only where the assertion bits `arg` all hold. */
const ASSERT = 4;
/** The pattern has matched. */
const MATCH = 5;

/** Can `node` match the empty string? */
function nullable(node: Node): boolean {
  switch (node.kind) {
    case "empty":
    case "assert":
      return true;
    case "char":
    case "set":
      return false;
    case "capture":
      return nullable(node.sub);
    case "concat":
      return node.subs.every(nullable);
    case "alternate":
      return node.subs.some(nullable);
    case "repeat":
      return node.min === 0 || nullable(node.sub);
  }
}

/** Builds the program backwards: each node is compiled knowing the instruction that follows it. */
class Compiler {
  readonly op: number[] = [MATCH];
  readonly out: number[] = [-1];
  readonly arg: number[] = [0];
  readonly sets: CodePointSet[] = [];

  private emit(op: number, out: number, arg: number): number {
    this.op.push(op);
    this.out.push(out);
    this.arg.push(arg);
    return this.op.length - 1;
  }

  /** A SPLIT that prefers `first`. */
  private choice(first: number, second: number): number {
    return this.emit(SPLIT, first, second);
  }

  /** `x?`: a SPLIT to x's entry `body` or on to `next`, preferring x when greedy. */
  private optional(body: number, next: number, greedy: boolean): number {
    return greedy ? this.choice(body, next) : this.choice(next, body);
  }

  /** x, then a SPLIT back to x or on to `next`: returns the SPLIT and x's entry. */
  private loop(sub: Node, greedy: boolean, next: number): { split: number; body: number } {
    const split = this.emit(SPLIT, -1, -1);
    const body = this.compile(sub, split);
    this.out[split] = greedy ? body : next;
    this.arg[split] = greedy ? next : body;
    return { split, body };
  }

  /** Code that matches `node`, then goes on at `next`; returns its entry. */
  compile(node: Node, next: number): number {
    switch (node.kind) {
      case "empty":
        return next;
      case "char":
        return this.emit(CHAR, next, node.cp);
      case "set":
        return this.emit(SET, next, this.sets.push(node.set) - 1);
      case "assert":
        return this.emit(ASSERT, next, node.condition);
      case "capture": {
        const body = this.compile(node.sub, this.emit(SAVE, next, 2 * node.index + 1));
        return this.emit(SAVE, body, 2 * node.index);
      }
      case "concat":
        return node.subs.reduceRight((pc, sub) => this.compile(sub, pc), next);
      case "alternate": {
        const last = node.subs.length - 1;
        return node.subs.slice(0, last).reduceRight((pc, sub) => this.choice(this.compile(sub, next), pc), this.compile(node.subs[last]!, next));
      }
      case "repeat":
        return this.repeat(node, next);
    }
  }

  /** Go's expansion: `x*`; `x+`; `xxx+` for x{4,}; `xx(x(x(x)?)?)?` for x{2,5}. */
  private repeat(node: Extract<Node, { kind: "repeat" }>, next: number): number {
    const { sub, min, max, greedy } = node;
    let pc = next;
    if (max === Infinity) {
      if (min > 0) pc = this.loop(sub, greedy, next).body;
      // x* enters the loop at its SPLIT, but as (x+)? when x can match empty, as Go does (golang.org/issue/46123).
      else if (nullable(sub)) pc = this.optional(this.loop(sub, greedy, next).body, next, greedy);
      else pc = this.loop(sub, greedy, next).split;
      for (let i = 1; i < min; i++) pc = this.compile(sub, pc);
      return pc;
    }
    for (let i = min; i < max; i++) pc = this.optional(this.compile(sub, pc), next, greedy);
    for (let i = 0; i < min; i++) pc = this.compile(sub, pc);
    return pc;
  }
}

/** The threads alive at one position, in priority order, at most one per instruction. */
class ThreadList {
  /** Each thread's instruction. */
  readonly pcs: Int32Array;
  /** Each thread's capture slots, `slots` apiece (as many as the run asks for); grown on demand, as few threads live at once. */
  caps: Int32Array;
  count = 0;
  /** The generation in which each instruction was last reached, so clearing is O(1). */
  private readonly seen: Uint32Array;
  private generation = 1;

  constructor(instructions: number) {
    this.pcs = new Int32Array(instructions);
    this.caps = new Int32Array(16);
    this.seen = new Uint32Array(instructions);
  }

  clear(): void {
    this.count = 0;
    if (++this.generation === 0xffffffff) {
      this.seen.fill(0);
      this.generation = 1;
    }
  }

  /** Marks `pc` reached; false when it already was (a thread of higher priority got there first). */
  reach(pc: number): boolean {
    if (this.seen[pc] === this.generation) return false;
    this.seen[pc] = this.generation;
    return true;
  }
}

function isWordChar(cp: number): boolean {
  return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) || cp === 0x5f;
}

/** The assertion bits that hold between code points `before` and `after` (-1 at either end of the text). Go's \b is ASCII. */
function context(before: number, after: number): number {
  let bits = isWordChar(before) === isWordChar(after) ? NO_WORD_BOUNDARY : WORD_BOUNDARY;
  if (before < 0) bits |= BEGIN_TEXT | BEGIN_LINE;
  else if (before === 0x0a) bits |= BEGIN_LINE;
  if (after < 0) bits |= END_TEXT | END_LINE;
  else if (after === 0x0a) bits |= END_LINE;
  return bits;
}

/**
 * A compiled pattern. Runs reuse its thread lists and buffers, so matching thousands of tags
 * allocates nothing per character; a run never calls out, so runs cannot overlap.
 */
export class PikeVM {
  private readonly op: Uint8Array;
  private readonly out: Int32Array;
  private readonly arg: Int32Array;
  private readonly sets: readonly CodePointSet[];
  private readonly start: number;
  /** Every match starts at the beginning of the text (`^…` or `\A…`), so no thread starts later. */
  private readonly anchored: boolean;
  /** Capture slots: a start and an end per group, group 0 being the whole match. */
  private readonly slots: number;
  private readonly lists: readonly [ThreadList, ThreadList];
  /** Pending work while following SPLITs: pairs of (-1, instruction) or (slot, value to restore). */
  private readonly stack: Int32Array;
  /** The capture slots of the thread being followed. */
  private readonly scratch: Int32Array;
  /** The capture slots of the match found. */
  private readonly found: Int32Array;

  /** `groups`: the number of capture groups, counting group 0. */
  constructor(root: Node, groups: number) {
    const compiler = new Compiler();
    this.start = compiler.compile(root, 0);
    this.op = Uint8Array.from(compiler.op);
    this.out = Int32Array.from(compiler.out);
    this.arg = Int32Array.from(compiler.arg);
    this.sets = compiler.sets;
    this.slots = 2 * groups;
    this.anchored = (this.startCondition() & BEGIN_TEXT) !== 0;
    const size = this.op.length;
    this.lists = [new ThreadList(size), new ThreadList(size)];
    this.stack = new Int32Array(2 * (size + 1));
    this.scratch = new Int32Array(this.slots);
    this.found = new Int32Array(this.slots);
  }

  /** The assertions every match must pass before its first character (Go's StartCond). */
  private startCondition(): number {
    let bits = 0;
    for (let pc = this.start; ; pc = this.out[pc]!) {
      if (this.op[pc] === ASSERT) bits |= this.arg[pc]!;
      else if (this.op[pc] !== SAVE) return bits;
    }
  }

  /** Go's MatchString: does the pattern match anywhere in `text`? */
  test(text: string): boolean {
    return this.run(text, 0);
  }

  /** Go's FindStringSubmatch: the leftmost match and its groups (undefined where a group took no part), or null. */
  exec(text: string): (string | undefined)[] | null {
    const found = this.execIndices(text);
    if (found === null) return null;
    const groups: (string | undefined)[] = [];
    for (let slot = 0; slot < found.length; slot += 2) {
      const start = found[slot]!;
      groups.push(start >= 0 ? text.slice(start, found[slot + 1]) : undefined);
    }
    return groups;
  }

  /**
   * Go's FindStringSubmatchIndex, but in UTF-16 code units (Go's are UTF-8 bytes): each group's
   * start and end, -1 for both where it took no part; null when there is no match.
   */
  execIndices(text: string): number[] | null {
    return this.run(text, this.slots) ? Array.from(this.found) : null;
  }

  /** Finds the leftmost-first match, keeping `slots` capture slots (0: only whether there is one). */
  private run(text: string, slots: number): boolean {
    let [current, next] = this.lists;
    current.clear();
    let matched = false;
    let pos = 0;
    let before = -1;
    let cp = text.length > 0 ? text.codePointAt(0)! : -1;
    for (;;) {
      if (current.count === 0 && (matched || (this.anchored && pos > 0))) break;
      const width = cp > 0xffff ? 2 : 1;
      const after = cp >= 0 && pos + width < text.length ? text.codePointAt(pos + width)! : -1;
      if (!matched && (pos === 0 || !this.anchored)) {
        // A new thread starting here, with the lowest priority: leftmost matches win.
        this.scratch.fill(-1);
        if (slots > 0) this.scratch[0] = pos;
        this.add(current, this.start, pos, context(before, cp), slots);
      }
      next.clear();
      const nextContext = context(cp, after);
      for (let i = 0; i < current.count; i++) {
        const pc = current.pcs[i]!;
        const op = this.op[pc]!;
        if (op === MATCH) {
          if (slots === 0) return true;
          for (let s = 0; s < slots; s++) this.found[s] = current.caps[i * slots + s]!;
          this.found[1] = pos;
          matched = true;
          // The threads after this one have lower priority: they are cut.
          break;
        }
        if (cp >= 0 && (op === CHAR ? this.arg[pc] === cp : this.sets[this.arg[pc]!]!.has(cp))) {
          for (let s = 0; s < slots; s++) this.scratch[s] = current.caps[i * slots + s]!;
          this.add(next, this.out[pc]!, pos + width, nextContext, slots);
        }
      }
      if (cp < 0) break;
      pos += width;
      before = cp;
      cp = after;
      const done = current;
      current = next;
      next = done;
    }
    return matched;
  }

  /**
   * Adds to `list` the thread at `pc` with the capture slots in `scratch`, following SPLITs (first
   * branch first), SAVEs and ASSERTs to the instructions that consume or match. An instruction
   * already in `list` is not added again: the thread there has priority. Iterative, as a
   * program of a thousand copies (`x{1000}`) would be too deep to follow recursively.
   */
  private add(list: ThreadList, pc0: number, pos: number, context: number, slots: number): void {
    const { op, out, arg, stack, scratch } = this;
    let sp = 0;
    stack[sp++] = -1;
    stack[sp++] = pc0;
    while (sp > 0) {
      const value = stack[--sp]!;
      const slot = stack[--sp]!;
      if (slot >= 0) {
        scratch[slot] = value;
        continue;
      }
      for (let pc = value; list.reach(pc);) {
        const o = op[pc];
        if (o === SPLIT) {
          stack[sp++] = -1;
          stack[sp++] = arg[pc]!;
          pc = out[pc]!;
        } else if (o === SAVE) {
          const s = arg[pc]!;
          if (s < slots) {
            stack[sp++] = s;
            stack[sp++] = scratch[s]!;
            scratch[s] = pos;
          }
          pc = out[pc]!;
        } else if (o === ASSERT) {
          if ((arg[pc]! & ~context) !== 0) break;
          pc = out[pc]!;
        } else {
          const t = list.count++;
          list.pcs[t] = pc;
          if ((t + 1) * slots > list.caps.length) {
            const grown = new Int32Array(2 * (t + 1) * slots);
            grown.set(list.caps);
            list.caps = grown;
          }
          for (let s = 0; s < slots; s++) list.caps[t * slots + s] = scratch[s]!;
          break;
        }
      }
    }
  }
}
