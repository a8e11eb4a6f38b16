/**
 * Go (RE2) regular expressions, as Flux writes them in `filterTags.pattern` and
 * `exclusionList`, run on JavaScript's engine.
 *
 * A Go pattern is not a JS pattern: `(?P<name>…)` is a syntax error in JS, lookarounds and
 * backreferences are JS-only, `\s` and `.` mean other characters, and Go's `$name`
 * templates (Regexp.ExpandString) keep none of the unmatched text. So the pattern is
 * tokenized with Go's rules and re-emitted as a JS pattern (flag `v`) that matches the same
 * strings: every literal is written as an escape, so no Go character can mean something
 * else in JS. What Go refuses is refused here with Go's reason; the few Go forms JS cannot
 * express (flag groups after the start, `\C`) are refused and say so.
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

/** Go's `\pL`, `\p{Greek}`, `\P{^Lu}` as a JS property escape. */
function unicodeClass(name: string, negated: boolean): string {
  let negate = negated;
  let property = name;
  if (property.startsWith("^")) {
    negate = !negate;
    property = property.slice(1);
  }
  // Go accepts general categories (L, Lu), scripts (Greek) and Any; JS spells scripts `Script=…`.
  const jsName = property === "Any" || /^[A-Z][a-z]?$/.test(property) ? property : `Script=${property}`;
  return `\\${negate ? "P" : "p"}{${jsName}}`;
}

class Translator {
  private pos = 0;
  private out = "";
  private readonly groupNames: (string | undefined)[] = [undefined];
  private open = 0;
  private dotAll = false;
  private ungreedy = false;
  private ignoreCase = false;
  private multiLine = false;

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
    this.leadingFlags();
    while (this.pos < this.src.length) this.atom();
    if (this.open > 0) this.fail("missing closing )");
    const flags = `v${this.ignoreCase ? "i" : ""}${this.multiLine ? "m" : ""}`;
    let regexp: RegExp;
    try {
      regexp = new RegExp(this.out, flags);
    } catch (error) {
      // What reaches here is a repetition without an argument (`*a`, `a**`), which Go refuses too.
      this.fail(error instanceof Error ? error.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, "") : String(error));
    }
    return { source: this.src, regexp, groupNames: this.groupNames };
  }

  /** `(?i)`, `(?s)`, `(?U)`, `(?m)` at the start set the flags for the whole pattern. */
  private leadingFlags(): void {
    for (;;) {
      const m = /^\(\?([imsU-]+)\)/.exec(this.rest());
      if (!m) return;
      let on = true;
      for (const f of m[1]!) {
        if (f === "-") on = false;
        else if (f === "i") this.ignoreCase = on;
        else if (f === "m") this.multiLine = on;
        else if (f === "s") this.dotAll = on;
        else this.ungreedy = on;
      }
      this.pos += m[0].length;
    }
  }

  private atom(): void {
    const ch = this.peek();
    switch (ch) {
      case "\\":
        this.pos++;
        this.out += this.escape(false);
        return;
      case "[":
        this.out += this.charClass();
        return;
      case "(":
        this.group();
        return;
      case ")":
        if (this.open === 0) this.fail("unexpected )");
        this.open--;
        this.pos++;
        this.out += ")";
        return;
      case "|":
      case "^":
      case "$":
        this.pos++;
        this.out += ch;
        return;
      case ".":
        this.pos++;
        // Go's `.` excludes only \n; JS's also excludes \r, U+2028 and U+2029.
        this.out += this.dotAll ? "[\\s\\S]" : "[^\\n]";
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
    this.out += literal(this.nextCodePoint());
  }

  private quantifier(q: string): void {
    let lazy = false;
    if (this.peek() === "?") {
      lazy = true;
      this.pos++;
    }
    // (?U) swaps the meaning of `x*` and `x*?`.
    this.out += q + (lazy !== this.ungreedy ? "?" : "");
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
      this.open++;
      this.pos += named[0].length;
      this.out += "(";
      return;
    }
    if (/^\(\?P?<(?![=!])/.test(rest)) this.fail(`invalid named capture ${JSON.stringify(rest)}`);
    if (rest.startsWith("(?")) {
      const flags = /^\(\?([imsU-]*)([:)])/.exec(rest);
      if (!flags) this.fail(`invalid or unsupported Perl syntax ${JSON.stringify(rest.slice(0, 3))}`);
      if (flags[2] === ")" && flags[1] === "") this.fail("invalid or unsupported Perl syntax `(?)`");
      if (flags[1] !== "") this.fail(`flags ${JSON.stringify(flags[0])} are only supported at the start of the pattern`);
      this.open++;
      this.pos += flags[0].length;
      this.out += "(?:";
      return;
    }
    this.groupNames.push(undefined);
    this.open++;
    this.pos++;
    this.out += "(";
  }

  /** After a backslash. `inClass`: inside `[...]`, where only character escapes and classes are allowed. */
  private escape(inClass: boolean): string {
    if (this.pos >= this.src.length) this.fail("trailing backslash at end of expression");
    const c = this.peek();
    this.pos++;
    switch (c) {
      case "d":
      case "D":
      case "w":
      case "W":
        return `\\${c}`;
      case "s":
        return inClass ? GO_SPACE : `[${GO_SPACE}]`;
      case "S":
        return `[^${GO_SPACE}]`;
      case "p":
      case "P": {
        const m = /^(?:\{([^}]*)\}|([A-Za-z]))/.exec(this.rest());
        if (!m) this.fail(`invalid character class range \\${c}`);
        this.pos += m[0].length;
        return unicodeClass(m[1] ?? m[2]!, c === "P");
      }
    }
    if (!inClass) {
      switch (c) {
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
          return Array.from(text, (ch) => literal(ch.codePointAt(0)!)).join("");
        }
      }
    }
    return literal(this.escapedCharacter(c));
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

  private charClass(): string {
    const start = this.pos;
    this.pos++;
    let out = "[";
    if (this.peek() === "^") {
      out += "^";
      this.pos++;
    }
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
        out += `[${m![1]}${body}]`;
        this.pos += named.length;
        continue;
      }
      if (this.peek() === "\\" && /^[dDwWsSpP]/.test(this.peek(1))) {
        this.pos++;
        out += this.escape(true);
        continue;
      }
      const lo = this.classCharacter();
      if (this.peek() === "-" && this.peek(1) !== "]" && this.pos + 1 < this.src.length) {
        this.pos++;
        const hi = this.classCharacter();
        if (hi < lo) this.fail(`invalid character class range ${JSON.stringify(this.src.slice(start, this.pos))}`);
        out += `${literal(lo)}-${literal(hi)}`;
      } else {
        out += literal(lo);
      }
    }
    this.pos++;
    return `${out}]`;
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
