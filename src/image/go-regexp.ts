/**
 * Go (RE2) regular expressions, as Flux writes them in `filterTags.pattern` and
 * `exclusionList`, run on JavaScript's engine.
 *
 * A Go pattern is not a JS pattern: `(?P<name>…)` is a syntax error in JS, lookarounds and
 * backreferences are JS-only, `\s` and `.` mean other characters, and Go's `$name`
 * templates (Regexp.ExpandString) keep none of the unmatched text. So the pattern is
 * tokenized with Go's rules and re-emitted as a JS pattern (flag `v`) that matches the same
 * strings: every literal is written as an escape, so no Go character can mean something
 * else in JS. What Go refuses is refused here with Go's reason.
 *
 * Go's flags (`(?i)`, `(?m)`, `(?s)`, `(?U)`) may stand anywhere and hold until their group
 * closes, or scope a group (`(?i:…)`). JS in Node 20 has no inline modifiers, and its own `i`
 * and `m` flags differ from Go's at the edges (`\b` under `i`, `\r` as a line end under `m`),
 * so every flag is applied while writing each atom and the JS expression uses none of them.
 */

export class GoRegexpError extends Error {
  constructor(
    readonly pattern: string,
    readonly reason: string,
  ) {
    super(`invalid regular expression ${JSON.stringify(pattern)}: ${reason}`);
    this.name = "GoRegexpError";
  }
}

export interface GoRegexp {
  /** The pattern as written (Go syntax). */
  readonly source: string;
  /** The equivalent JS expression (no `g` flag: `exec` finds the leftmost match, as Go does). */
  readonly regexp: RegExp;
  /** Capture group names by group number; index 0 is the whole match, unnamed groups are undefined. */
  readonly groupNames: readonly (string | undefined)[];
}

/** Go's `\s`: ASCII white space only (JS's `\s` also matches U+00A0, U+2028, …). */
const GO_SPACE = "\\x09\\x0a\\x0c\\x0d\\x20";

/** Go's POSIX classes (`[[:alpha:]]`), as JS class contents. */
const POSIX_CLASSES: Readonly<Record<string, string>> = {
  alnum: "0-9A-Za-z",
  alpha: "A-Za-z",
  ascii: "\\x00-\\x7f",
  blank: "\\x09\\x20",
  cntrl: "\\x00-\\x1f\\x7f",
  digit: "0-9",
  graph: "\\x21-\\x7e",
  lower: "a-z",
  print: "\\x20-\\x7e",
  punct: "\\x21-\\x2f\\x3a-\\x40\\x5b-\\x60\\x7b-\\x7e",
  space: "\\x09-\\x0d\\x20",
  upper: "A-Z",
  word: "0-9A-Za-z_",
  xdigit: "0-9A-Fa-f",
};

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

/** A set of characters: `body` is JS class contents; `negated`: the set is everything else. */
interface CharSet {
  readonly body: string;
  readonly negated: boolean;
}

const SIMPLE_ESCAPES: Readonly<Record<string, number>> = { a: 7, f: 12, n: 10, r: 13, t: 9, v: 11 };
const MAX_REPEAT = 1000;

/** A literal code point as a JS escape that means exactly that character inside or outside a class. */
function literal(cp: number): string {
  if ((cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a)) return String.fromCodePoint(cp);
  return cp <= 0xff ? `\\x${cp.toString(16).padStart(2, "0")}` : `\\u{${cp.toString(16)}}`;
}

function isAsciiAlnum(ch: string): boolean {
  return /^[0-9A-Za-z]$/.test(ch);
}

/** Go's `\pL`, `\p{Greek}`, `\P{^Lu}` as a set with a JS property escape. */
function unicodeClass(name: string, negated: boolean): CharSet {
  let negate = negated;
  let property = name;
  if (property.startsWith("^")) {
    negate = !negate;
    property = property.slice(1);
  }
  // Go accepts general categories (L, Lu), scripts (Greek) and Any; JS spells scripts `Script=…`.
  const jsName = property === "Any" || /^[A-Z][a-z]?$/.test(property) ? property : `Script=${property}`;
  return { body: `\\p{${jsName}}`, negated: negate };
}

let caseChangingCodePoints: string | undefined;

/**
 * Every code point that changes under case folding or case mapping (Unicode's CWCF and CWCM
 * properties). These include every member of each case-folding class larger than one, so folding
 * a set can only add some of them. Found by scanning all of Unicode once, on first need (~60 ms).
 */
function caseChanging(): string {
  if (caseChangingCodePoints === undefined) {
    const changes = new RegExp("[\\p{Changes_When_Casefolded}\\p{Changes_When_Casemapped}]", "gv");
    const found: string[] = [];
    for (let block = 0; block < 0x110000; block += 0x1000) {
      const cps = Array.from({ length: 0x1000 }, (_, i) => block + i).filter((cp) => cp < 0xd800 || cp > 0xdfff);
      found.push(...(String.fromCodePoint(...cps).match(changes) ?? []));
    }
    caseChangingCodePoints = found.join("");
  }
  return caseChangingCodePoints;
}

/**
 * What Go's case folding adds to a set (`body`, JS class contents): the code points outside it
 * that fold like one inside, as JS class contents. JS's `i` flag folds as Go does (Unicode simple
 * case folding), so it finds them.
 */
function foldedExtras(body: string): string {
  const plain = new RegExp(`[${body}]`, "v");
  const folded = caseChanging().match(new RegExp(`[${body}]`, "giv")) ?? [];
  return folded
    .filter((ch) => !plain.test(ch))
    .map((ch) => literal(ch.codePointAt(0)!))
    .join("");
}

class Translator {
  private pos = 0;
  private out = "";
  private readonly groupNames: (string | undefined)[] = [undefined];
  private flags: Flags = { ignoreCase: false, multiLine: false, dotAll: false, ungreedy: false };
  /** For each open group, the flags to restore at its `)`. */
  private readonly outerFlags: Flags[] = [];

  constructor(private readonly src: string) {}

  private fail(reason: string): never {
    throw new GoRegexpError(this.src, reason);
  }

  private peek(offset = 0): string {
    return this.src[this.pos + offset] ?? "";
  }

  private rest(): string {
    return this.src.slice(this.pos);
  }

  /** The next code point (a surrogate pair is one character, as a UTF-8 rune is in Go). */
  private nextCodePoint(): number {
    const cp = this.src.codePointAt(this.pos)!;
    this.pos += cp > 0xffff ? 2 : 1;
    return cp;
  }

  translate(): GoRegexp {
    while (this.pos < this.src.length) this.atom();
    if (this.outerFlags.length > 0) this.fail("missing closing )");
    let regexp: RegExp;
    try {
      regexp = new RegExp(this.out, "v");
    } catch (error) {
      // What reaches here is a repetition without an argument (`*a`, `a**`), which Go refuses too.
      this.fail(error instanceof Error ? error.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, "") : String(error));
    }
    return { source: this.src, regexp, groupNames: this.groupNames };
  }

  private atom(): void {
    const ch = this.peek();
    switch (ch) {
      case "\\":
        this.pos++;
        this.out += this.escape();
        return;
      case "[":
        this.out += this.charClass();
        return;
      case "(":
        this.group();
        return;
      case ")": {
        const outer = this.outerFlags.pop();
        if (outer === undefined) this.fail("unexpected )");
        this.flags = outer;
        this.pos++;
        this.out += ")";
        return;
      }
      case "|":
        this.pos++;
        this.out += ch;
        return;
      // Go's lines end at \n only; JS's `m` flag would also end them at \r, U+2028 and U+2029.
      case "^":
        this.pos++;
        this.out += this.flags.multiLine ? "(?<![^\\n])" : "^";
        return;
      case "$":
        this.pos++;
        this.out += this.flags.multiLine ? "(?![^\\n])" : "$";
        return;
      case ".":
        this.pos++;
        // Go's `.` excludes only \n; JS's also excludes \r, U+2028 and U+2029.
        this.out += this.flags.dotAll ? "[\\s\\S]" : "[^\\n]";
        return;
      case "*":
      case "+":
      case "?":
        this.pos++;
        this.quantifier(ch);
        return;
      case "{": {
        const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(this.rest());
        if (!m) break; // Not a repeat: Go reads `{` as a literal.
        const min = Number(m[1]);
        const max = m[3] ? Number(m[3]) : m[2] ? undefined : min;
        if (min > MAX_REPEAT || (max !== undefined && (max > MAX_REPEAT || max < min))) this.fail(`invalid repeat count ${m[0]}`);
        this.pos += m[0].length;
        this.quantifier(m[0]);
        return;
      }
    }
    this.out += this.char(this.nextCodePoint());
  }

  /** A literal character; under `i`, with its case variants. */
  private char(cp: number): string {
    const extras = this.flags.ignoreCase ? foldedExtras(literal(cp)) : "";
    return extras === "" ? literal(cp) : `[${literal(cp)}${extras}]`;
  }

  /** A set as a JS class (usable inside a class too); under `i`, folded before it is negated, as Go does. */
  private charSet(set: CharSet): string {
    const extras = this.flags.ignoreCase ? foldedExtras(set.body) : "";
    return `[${set.negated ? "^" : ""}${set.body}${extras}]`;
  }

  private quantifier(q: string): void {
    let lazy = false;
    if (this.peek() === "?") {
      lazy = true;
      this.pos++;
    }
    // (?U) swaps the meaning of `x*` and `x*?`.
    this.out += q + (lazy !== this.flags.ungreedy ? "?" : "");
  }

  private group(): void {
    const rest = this.rest();
    const named = /^\(\?P?<([^>]*)>/.exec(rest);
    if (named) {
      const name = named[1]!;
      if (!/^[A-Za-z0-9_]+$/.test(name)) this.fail(`invalid named capture ${JSON.stringify(named[0])}`);
      if (this.groupNames.includes(name)) this.fail(`duplicate capture group name ${JSON.stringify(name)}`);
      // Named groups become numbered ones: Go allows names JS does not (`(?P<1st>…)`), and the
      // template expansion resolves names itself.
      this.groupNames.push(name);
      this.outerFlags.push(this.flags);
      this.pos += named[0].length;
      this.out += "(";
      return;
    }
    if (/^\(\?P?<(?![=!])/.test(rest)) this.fail(`invalid named capture ${JSON.stringify(rest)}`);
    if (rest.startsWith("(?")) {
      this.flagGroup();
      return;
    }
    this.groupNames.push(undefined);
    this.outerFlags.push(this.flags);
    this.pos++;
    this.out += "(";
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
        if (c === ":") {
          this.outerFlags.push(this.flags);
          this.out += "(?:";
        }
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
  private escape(): string {
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
        return this.charSet(this.classEscape(c));
      // Go's \b is ASCII, as JS's is without the `i` flag.
      case "b":
      case "B":
        return `\\${c}`;
      case "A":
        return "(?<![\\s\\S])";
      case "z":
        return "(?![\\s\\S])";
      case "Q": {
        const end = this.src.indexOf("\\E", this.pos);
        const text = this.src.slice(this.pos, end < 0 ? undefined : end);
        this.pos = end < 0 ? this.src.length : end + 2;
        return Array.from(text, (ch) => this.char(ch.codePointAt(0)!)).join("");
      }
    }
    return this.char(this.escapedCharacter(c));
  }

  /** `\d`, `\w`, `\s`, `\pL`, `\p{Greek}` and their negations, after the backslash. JS's `\d` and `\w` are ASCII, as Go's. */
  private classEscape(c: string): CharSet {
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
    return unicodeClass(m[1] ?? m[2]!, c === "P");
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

  /** `[...]`. Under `i` each item is folded (a negated item after folding), then the class negated, as Go does. */
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
        sets += this.charSet({ body, negated: m![1] === "^" });
        this.pos += named.length;
        continue;
      }
      if (this.peek() === "\\" && /^[dDwWsSpP]/.test(this.peek(1))) {
        this.pos += 2;
        sets += this.charSet(this.classEscape(this.src[this.pos - 1]!));
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

/** Compile a Go RE2 pattern; throws GoRegexpError with Go's reason when Go would refuse it. */
export function compileGoRegexp(pattern: string): GoRegexp {
  return new Translator(pattern).translate();
}

/**
 * Go's `Regexp.ExpandString(nil, template, src, match)`: `$1`, `${1}`, `$name`, `${name}`
 * and `$$`. `$name` takes the longest run of letters, digits and `_` (so `$1x` names a group
 * "1x", usually not the one meant); an unknown or non-participating group expands to
 * nothing; a malformed `$` is kept as text. The result is the expanded template only.
 */
export function expandTemplate(re: GoRegexp, template: string, match: RegExpExecArray): string {
  let out = "";
  let rest = template;
  for (;;) {
    const dollar = rest.indexOf("$");
    if (dollar < 0) break;
    out += rest.slice(0, dollar);
    rest = rest.slice(dollar + 1);
    if (rest.startsWith("$")) {
      out += "$";
      rest = rest.slice(1);
      continue;
    }
    const ref = /^(?:\{([\p{L}\p{Nd}_]+)\}|([\p{L}\p{Nd}_]+))/u.exec(rest);
    if (!ref) {
      out += "$";
      continue;
    }
    rest = rest.slice(ref[0].length);
    const name = ref[1] ?? ref[2]!;
    const index = /^(?:0|[1-9][0-9]{0,8})$/.test(name) ? Number(name) : re.groupNames.indexOf(name);
    if (index >= 0) out += match[index] ?? "";
  }
  return out + rest;
}
