/**
 * Our Go regexp (src/image/go-regexp*.ts, pike-vm.ts) against Go's own, which is what Flux runs
 * for `filterTags`: `regexp.Compile(pattern)`, unanchored `FindStringSubmatchIndex` on each tag
 * and `ExpandString` of `extract` (test/oracles/regexp answers for Debian's Go).
 *
 * Patterns are generated from RE2's grammar with a seeded generator, so every run asks the same
 * cases; subjects are drawn from each pattern (so most of them match) and from tag-like strings.
 * For each case we compare: whether the pattern is accepted (not the error text: ours may say
 * more), the group names, every group's position (Go's are UTF-8 byte offsets, so ours are
 * converted: positions, not only substrings, tell `(a*)` matching "" at 0 from "" at 3), the
 * groups' text, and the expanded template.
 *
 * Kept out of the generator, because Go 1.19 (the oracle) and the newer Go that Flux builds
 * with (1.22 on) answer differently:
 *  - `(?<name>…)`, accepted from Go 1.22 (ours accepts it);
 *  - the scripts of Unicode 14 and 15 (`\p{Vithkuqi}`), known from Go 1.21 (ours knows them);
 *  - `\p{…}` names that Go 1.25 added (`\p{Letter}`, case-insensitive `\p{greek}`, `\p{Cn}`,
 *    `\p{LC}`, `\p{ASCII}`, `\p{Assigned}`; ours refuses them, as Go 1.22 to 1.24 do);
 *  - characters assigned after Unicode 13, whose classes and case folding Go 1.19 does not know.
 */
import { describe, expect, it } from "vitest";
import { compileGoRegexp, expandTemplate, GoRegexpError } from "../../src/image/go-regexp.js";
import type { GoRegexp } from "../../src/image/go-regexp.js";
import { parseGoRegexp } from "../../src/image/go-regexp-parse.js";
import { PikeVM } from "../../src/image/pike-vm.js";
import { askGo } from "../support/go-oracle.js";

interface Request {
  readonly pattern: string;
  readonly subjects: readonly string[];
  readonly template?: string;
}

/** test/oracles/regexp's answer; see its main.go. */
interface Answer {
  readonly error?: string;
  readonly names?: readonly string[];
  readonly matches?: readonly (readonly number[] | null)[];
  readonly expanded?: readonly (string | null)[];
}

// --- A seeded generator -------------------------------------------------------------------

/** Mulberry32: small, seeded, and the same on every run. */
class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** 0 … n-1. */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** A piece of pattern, and a way to make text it (probably) matches. */
interface Fragment {
  readonly source: string;
  readonly sample: (r: Random) => string;
  /** The names of the groups it holds. */
  readonly names: readonly string[];
}

/** Characters subjects are made of: tag characters, metacharacters, white space, case-folding oddities, non-ASCII of Unicode ≤ 13. */
const ALPHABET: readonly string[] = [
  ..."abcmvxzABKS0129-_./:+@ \t\n\r$^{}[]()*?|\\",
  "é",
  "É",
  "ß",
  "ẞ",
  "σ",
  "ς",
  "Σ",
  "\u212a", // Kelvin sign: folds with k and K
  "ſ", // long s: folds with s and S
  "日",
  "😀",
  "α",
  "Ω",
  "ǅ", // titlecase Lt
  "١", // Arabic-Indic digit one: Nd, not \d
  "\u00a0",
  "\u2028",
  "\u0301", // combining acute: Mn
  "ж",
  "ꀀ", // Yi
];

const TAGS: readonly string[] = [
  "",
  "v1.2.3",
  "1.2.3",
  "v1.2.3-rc.1",
  "v1.0.0+build.5",
  "main-abc123-1700000000",
  "main-8d31498e-1700000000",
  "release-2024.05.01",
  "latest",
  "sha256-abc.sig",
  "feature_x-9",
  "été-1",
  "日本-v2",
  "Σσς-3",
  "k\u212aK",
  "a\nb",
  "😀-1.0",
  "ſS-s",
];

function text(r: Random, max: number): string {
  return Array.from({ length: r.int(max + 1) }, () => r.pick(ALPHABET)).join("");
}

function fixed(source: string, ...examples: string[]): Fragment {
  return { source, names: [], sample: (r) => (examples.length === 0 ? source : r.pick(examples)) };
}

/** Pattern text that is itself, escaped or not: what it matches is one of `examples`, or any character when there are none. */
function anyOf(source: string, examples: readonly string[]): Fragment {
  return { source, names: [], sample: (r) => (examples.length === 0 ? r.pick(ALPHABET) : r.pick(examples)) };
}

/** A random code point of [lo-hi]. */
function inRange(r: Random, lo: string, hi: string): string {
  const a = lo.codePointAt(0)!;
  return String.fromCodePoint(a + r.int(hi.codePointAt(0)! - a + 1));
}

const LITERALS: readonly string[] = [..."abcmvxzAKS0129-_/:,=@]}", "é", "ß", "σ", "ς", "Σ", "\u212a", "ſ", "日", "😀", "ǅ", "ж"];
const ESCAPED_LITERALS: readonly string[] = [...".+*?()[]{}|^$\\-_/ #:~'\"<>!&%,="];
const CHAR_ESCAPES: readonly (readonly [string, string])[] = [
  ["\\x41", "A"],
  ["\\x2d", "-"],
  ["\\x{e9}", "é"],
  ["\\x{1F600}", "😀"],
  ["\\x{212A}", "\u212a"],
  ["\\x{000041}", "A"],
  ["\\101", "A"],
  ["\\060", "0"],
  ["\\0", "\0"],
  ["\\07", "\x07"],
  ["\\n", "\n"],
  ["\\t", "\t"],
  ["\\r", "\r"],
  ["\\f", "\f"],
  ["\\v", "\v"],
  ["\\a", "\x07"],
];
/** Class escapes and Unicode classes, with characters in them; none for negations (any character). */
const CLASS_ESCAPES: readonly (readonly [string, readonly string[]])[] = [
  ["\\d", ["0", "7"]],
  ["\\D", []],
  ["\\w", ["a", "Z", "_", "5"]],
  ["\\W", []],
  ["\\s", [" ", "\t", "\n"]],
  ["\\S", []],
  ["\\pL", ["a", "é", "Σ", "日", "ǅ"]],
  ["\\PL", []],
  ["\\pN", ["1", "١"]],
  ["\\p{Nd}", ["1", "١"]],
  ["\\p{Greek}", ["α", "Ω", "σ"]],
  ["\\P{Greek}", []],
  ["\\p{^Greek}", []],
  ["\\P{^Greek}", ["α"]],
  ["\\p{Lu}", ["A", "É", "Σ"]],
  ["\\p{Ll}", ["a", "σ", "ß"]],
  ["\\p{Lt}", ["ǅ"]],
  ["\\p{Han}", ["日"]],
  ["\\p{Latin}", ["a", "é", "ſ", "\u212a"]],
  ["\\p{Cyrillic}", ["ж"]],
  ["\\p{Common}", ["1", "-", "$"]],
  ["\\p{Yi}", ["ꀀ"]],
  ["\\pZ", [" ", "\u00a0", "\u2028"]],
  ["\\p{Zs}", [" "]],
  ["\\pP", ["-", "."]],
  ["\\pS", ["$", "+"]],
  ["\\p{Sc}", ["$"]],
  ["\\pM", ["\u0301"]],
  ["\\p{Any}", []],
  ["\\pC", ["\n", "\t"]],
  ["\\p{Cc}", ["\n"]],
];
const POSIX: readonly (readonly [string, readonly string[]])[] = [
  ["[:alpha:]", ["a", "Z"]],
  ["[:digit:]", ["3"]],
  ["[:^alpha:]", []],
  ["[:word:]", ["_", "a"]],
  ["[:space:]", [" ", "\n"]],
  ["[:upper:]", ["K"]],
  ["[:lower:]", ["k", "s"]],
  ["[:punct:]", ["-", "."]],
  ["[:xdigit:]", ["f", "9"]],
  ["[:alnum:]", ["x", "0"]],
  ["[:^space:]", []],
];
const RANGES: readonly (readonly [string, string])[] = [
  ["a", "z"],
  ["a", "f"],
  ["0", "9"],
  ["A", "Z"],
  ["A", "F"],
  ["α", "ω"],
  ["x", "z"],
  ["0", "1"],
  ["j", "l"],
  ["r", "t"],
];
const CLASS_SINGLES: readonly (readonly [string, string])[] = [
  ["-", "-"],
  ["_", "_"],
  [".", "."],
  ["é", "é"],
  ["😀", "😀"],
  ["ſ", "ſ"],
  ["k", "k"],
  ["\\]", "]"],
  ["\\-", "-"],
  ["\\\\", "\\"],
  ["\\^", "^"],
  ["\\x41", "A"],
  ["\\n", "\n"],
  ["\\.", "."],
  ["[", "["],
  ["$", "$"],
  ["|", "|"],
  ["*", "*"],
];
const ASSERTIONS: readonly string[] = ["^", "$", "\\A", "\\z", "\\b", "\\B"];
const FLAG_SETS: readonly string[] = ["i", "s", "m", "U", "-i", "i-s", "ms", "-U", "im", "U-m", "sU"];
const NAMES: readonly string[] = ["n", "v", "sha", "ts", "x1", "_", "1", "2", "01", "1x", "a_b", "N"];
/** `{` that is not a repeat, which Go reads as a literal. */
const LITERAL_BRACES: readonly string[] = ["{", "{,2}", "{a}", "{01}", "{1,02}", "{2", "{1,", "{}", "{ 1}", "{1 }"];
const QUANTIFIERS: readonly (readonly [string, number, number])[] = [
  ["*", 0, Infinity],
  ["+", 1, Infinity],
  ["?", 0, 1],
  ["{0}", 0, 0],
  ["{1}", 1, 1],
  ["{2}", 2, 2],
  ["{3}", 3, 3],
  ["{0,}", 0, Infinity],
  ["{1,}", 1, Infinity],
  ["{2,}", 2, Infinity],
  ["{0,1}", 0, 1],
  ["{1,2}", 1, 2],
  ["{0,3}", 0, 3],
  ["{2,3}", 2, 3],
];

/**
 * The atoms of patterns over a two-letter alphabet, where many ways to match compete: for the
 * leftmost-first choice, empty iterations, groups kept from earlier iterations, assertions.
 */
const SMALL_ATOMS: readonly Fragment[] = [
  fixed("a"),
  fixed("a"),
  fixed("b"),
  fixed("b"),
  anyOf("[ab]", ["a", "b"]),
  anyOf("[^a]", ["b", "\n"]),
  anyOf(".", ["a", "b"]),
  anyOf("(?s:.)", ["a", "\n"]),
  fixed("(?i:a)", "a", "A"),
  fixed("\\n", "\n"),
  fixed("^", ""),
  fixed("$", ""),
  fixed("(?m:^)", "", "\n"),
  fixed("(?m:$)", "", "\n"),
  fixed("\\b", ""),
  fixed("\\B", ""),
  fixed("(?U)", ""),
  fixed("", ""),
];
const SMALL_TEXT: readonly string[] = ["a", "a", "b", "b", "A", "\n"];

class PatternGenerator {
  constructor(
    private readonly r: Random,
    private readonly small: boolean,
  ) {}

  /** An alternation of concatenations, `depth` levels of groups deep at most. */
  alternation(depth: number): Fragment {
    const r = this.r;
    const branches = Array.from({ length: r.chance(0.75) ? 1 : 2 + r.int(2) }, () => this.concat(depth));
    return {
      source: branches.map((b) => b.source).join("|"),
      names: branches.flatMap((b) => b.names),
      sample: (rr) => rr.pick(branches).sample(rr),
    };
  }

  private concat(depth: number): Fragment {
    const r = this.r;
    const pieces = Array.from({ length: r.int(5) }, () => this.piece(depth));
    return {
      source: pieces.map((p) => p.source).join(""),
      names: pieces.flatMap((p) => p.names),
      sample: (rr) => pieces.map((p) => p.sample(rr)).join(""),
    };
  }

  private piece(depth: number): Fragment {
    const r = this.r;
    const atom = this.atom(depth);
    if (!r.chance(0.35)) return atom;
    const [q, min, max] = r.pick(QUANTIFIERS);
    const lazy = r.chance(0.3) ? "?" : "";
    return {
      source: atom.source + q + lazy,
      names: atom.names,
      sample: (rr) => {
        const n = min + rr.int(Math.min(max, min + 2) - min + 1);
        return Array.from({ length: n }, () => atom.sample(rr)).join("");
      },
    };
  }

  private atom(depth: number): Fragment {
    const r = this.r;
    if (this.small) return depth > 0 && r.chance(0.3) ? this.group(depth) : r.pick(SMALL_ATOMS);
    const kind = r.int(depth > 0 ? 16 : 12);
    switch (kind) {
      case 0:
      case 1:
      case 2: {
        const c = r.pick(LITERALS);
        return fixed(c);
      }
      case 3: {
        const c = r.pick(ESCAPED_LITERALS);
        return fixed(`\\${c}`, c);
      }
      case 4: {
        const [source, cp] = r.pick(CHAR_ESCAPES);
        return fixed(source, cp);
      }
      case 5:
        return anyOf(".", r.chance(0.5) ? [] : ["a", "\n"]);
      case 6:
      case 7:
        return this.charClass();
      case 8: {
        const [source, examples] = r.pick(CLASS_ESCAPES);
        return anyOf(source, examples);
      }
      case 9:
        return fixed(r.pick(ASSERTIONS), "", "\n", " ");
      case 10: {
        // Flags that hold until the group closes, or a literal `{`, or quoted text.
        const choice = r.int(3);
        if (choice === 0) return fixed(`(?${r.pick(FLAG_SETS)})`, "");
        if (choice === 1) return fixed(r.pick(LITERAL_BRACES), "");
        const quoted = r.pick(["a.b", ".+*", "$1{2}", "", "x\\y", "é)("]);
        return fixed(`\\Q${quoted}\\E`, quoted);
      }
      case 11:
        return fixed(r.pick(["", "a", "v", "-"]));
      default:
        return this.group(depth);
    }
  }

  private group(depth: number): Fragment {
    const r = this.r;
    const inner = this.alternation(depth - 1);
    const open = r.pick(["(", "(", "(?:", "(?P<", `(?${r.pick(FLAG_SETS)}:`]);
    const name = open === "(?P<" ? r.pick(NAMES) : undefined;
    return {
      source: `${name === undefined ? open : `(?P<${name}>`}${inner.source})`,
      names: name === undefined ? inner.names : [name, ...inner.names],
      sample: inner.sample,
    };
  }

  private charClass(): Fragment {
    const r = this.r;
    const negated = r.chance(0.25);
    const items: { source: string; examples: readonly string[] }[] = [];
    for (let i = 0, n = 1 + r.int(3); i < n; i++) {
      const kind = r.int(4);
      if (kind === 0) {
        const [lo, hi] = r.pick(RANGES);
        items.push({ source: `${lo}-${hi}`, examples: [inRange(r, lo, hi), lo, hi] });
      } else if (kind === 1) {
        const [source, c] = r.pick(CLASS_SINGLES);
        // `[` opening a class item is read as a POSIX class or a literal by position; keep it safe.
        items.push({ source, examples: [c] });
      } else if (kind === 2) {
        const [source, examples] = r.pick(POSIX);
        items.push({ source: `[${source}]`, examples });
      } else {
        const [source, examples] = r.pick(CLASS_ESCAPES);
        items.push({ source, examples });
      }
    }
    // `]` first and `-` last are literal.
    const first = r.chance(0.1) ? "]" : "";
    const last = r.chance(0.1) ? "-" : "";
    const examples = negated ? [] : [...items.flatMap((item) => item.examples), ...(first ? ["]"] : []), ...(last ? ["-"] : [])];
    return anyOf(`[${negated ? "^" : ""}${first}${items.map((item) => item.source).join("")}${last}]`, examples);
  }
}

/** What makes a pattern invalid (or almost): each is put at a random place, or at the end. */
const BREAKERS: readonly string[] = [
  "(",
  ")",
  "**",
  "*+",
  "+?+",
  "??*",
  "{2}{3}",
  "{2}*",
  "*{2}",
  "{1001}",
  "{1000}",
  "{2,1}",
  "{1000,1001}",
  "{0,1000}",
  "{99999999999}",
  "{2,99999999999}",
  "\\",
  "\\q",
  "\\1",
  "\\8",
  "\\C",
  "\\Z",
  "\\G",
  "\\e",
  "\\c",
  "\\k<n>",
  "\\x{110000}",
  "\\x{10FFFF}",
  "\\x{}",
  "\\xZ1",
  "\\x4",
  "\\é",
  "\\p{Foo}",
  "\\pX",
  "\\p{Grek}",
  "\\p{Latn}",
  "\\p{IsGreek}",
  "\\p{Script=Greek}",
  "\\p{Unknown}",
  "\\p{Katakana_Or_Hiragana}",
  "\\p{L",
  "\\p",
  "\\P{}",
  "\\pé",
  "[z-a]",
  "[[:foo:]]",
  "[[:alpha:]",
  "[a",
  "[]",
  "[^]",
  "[\\d-z]",
  "[a-\\d]",
  "[[:alpha:]-z]",
  "[\\Q]",
  "[\\b]",
  "(?P<>x)",
  "(?P<a-b>x)",
  "(?P<a",
  "(?P<é>x)",
  "(?P",
  "(?x)",
  "(?i-)",
  "(?-)",
  "(?i-m-s)",
  "(?P=n)",
  "(?=x)",
  "(?!x)",
  "(?<=x)",
  "(?<!x)",
  "(?#c)",
  "(?'n'x)",
  "(?P>n)",
  "(?i",
  "(*)",
  "(|*)",
  "(?:*)",
  "(?i)*",
  "|*",
  "^*",
  "$+",
  "\\b*",
  "\\A{2}",
  "(?P<n>a)(?P<n>b)",
  "(?P<v>a)|(?P<v>b)",
];

function breakPattern(r: Random, source: string): string {
  const breaker = r.pick(BREAKERS);
  const at = r.chance(0.5) ? source.length : r.int(source.length + 1);
  // Not inside a surrogate pair: Go would see invalid UTF-8, which JSON cannot carry.
  const safe = at > 0 && at < source.length && /[\udc00-\udfff]/.test(source[at]!) ? at - 1 : at;
  return source.slice(0, safe) + breaker + source.slice(safe);
}

/** Text the pattern may match: its own samples, inside other text, altered, tags and noise. */
function subjects(r: Random, fragment: Fragment): string[] {
  const alter = (s: string): string => {
    const chars = [...s];
    const i = r.int(chars.length + 1);
    switch (r.int(4)) {
      case 0:
        return chars.map((c) => (r.chance(0.5) ? c.toUpperCase() : c.toLowerCase())).join("");
      case 1:
        return [...chars.slice(0, i), r.pick(ALPHABET), ...chars.slice(i)].join("");
      case 2:
        return [...chars.slice(0, i), ...chars.slice(i + 1)].join("");
      default:
        return `${s}\n${fragment.sample(r)}`;
    }
  };
  return [fragment.sample(r), text(r, 3) + fragment.sample(r) + text(r, 3), alter(fragment.sample(r)), r.chance(0.5) ? r.pick(TAGS) : text(r, 10)];
}

/** A template for ExpandString, from Flux's forms and the edge cases of Go's `$name` rule. */
function template(r: Random, names: readonly string[]): string {
  const name = names.length > 0 && r.chance(0.7) ? r.pick(names) : r.pick(NAMES);
  const pieces = [
    "$1",
    "$2",
    "$0",
    "${1}x",
    "${2}",
    "$10",
    "$01",
    "${01}",
    "$1x",
    "$$",
    "$",
    "${",
    "${}",
    "$-",
    "${1",
    "$é",
    "$_",
    "$9",
    "${0}",
    "${ 1}",
    "$123456789",
    "$1234567890",
    "v",
    "-",
    "é",
    `$${name}`,
    `\${${name}}`,
    `$${name}_x`,
    `$${name}x`,
    `\${${name}}_x`,
    `$${name}-`,
  ];
  return Array.from({ length: 1 + r.int(3) }, () => r.pick(pieces)).join("");
}

interface Options {
  readonly seed: number;
  readonly patterns: number;
  /** How often a pattern is broken (BREAKERS). */
  readonly broken: number;
  /** How often a request carries a template. */
  readonly templates: number;
  readonly depth: number;
  /** Patterns and subjects over a two-letter alphabet (SMALL_ATOMS). */
  readonly small?: boolean;
}

function generate({ seed, patterns, broken, templates, depth, small = false }: Options): Request[] {
  const r = new Random(seed);
  const generator = new PatternGenerator(r, small);
  return Array.from({ length: patterns }, () => {
    const fragment = generator.alternation(depth);
    const pattern = r.chance(broken) ? breakPattern(r, fragment.source) : fragment.source;
    const texts = small
      ? [fragment.sample(r), fragment.sample(r), ...Array.from({ length: 6 }, () => Array.from({ length: r.int(7) }, () => r.pick(SMALL_TEXT)).join(""))]
      : subjects(r, fragment);
    return { pattern, subjects: texts, ...(r.chance(templates) ? { template: template(r, fragment.names) } : {}) };
  });
}

// --- Comparing with Go ----------------------------------------------------------------------

/** UTF-16 positions in `text` as UTF-8 byte offsets, as Go counts them. */
function byteOffsets(text: string, positions: readonly number[]): number[] {
  return positions.map((p) => (p < 0 ? p : Buffer.byteLength(text.slice(0, p), "utf8")));
}

/** Go's group texts from its byte offsets. */
function goGroups(text: string, match: readonly number[]): (string | undefined)[] {
  const bytes = Buffer.from(text, "utf8");
  const groups: (string | undefined)[] = [];
  for (let i = 0; i < match.length; i += 2) groups.push(match[i]! < 0 ? undefined : bytes.subarray(match[i], match[i + 1]).toString("utf8"));
  return groups;
}

type Ours = { readonly accepted: true; readonly re: GoRegexp; readonly vm: PikeVM } | { readonly accepted: false; readonly reason: string };

function ours(pattern: string): Ours {
  try {
    const re = compileGoRegexp(pattern);
    const { root, groupNames } = parseGoRegexp(pattern);
    return { accepted: true, re, vm: new PikeVM(root, groupNames.length) };
  } catch (error) {
    // Anything but GoRegexpError is a crash, which no pattern may cause: it shows as a difference.
    return { accepted: false, reason: error instanceof GoRegexpError ? error.reason : `crashed: ${String(error)}` };
  }
}

interface Comparison {
  /** Cases compared: a refused pattern is one, an accepted one one per subject. */
  readonly cases: number;
  readonly accepted: number;
  readonly matched: number;
  readonly differences: readonly string[];
}

function compareWithGo(requests: readonly Request[]): Comparison {
  const answers = askGo<Request, Answer>("regexp", requests);
  let cases = 0;
  let accepted = 0;
  let matched = 0;
  const differences: string[] = [];
  requests.forEach(({ pattern, subjects, template }, i) => {
    const go = answers[i]!;
    const our = ours(pattern);
    const where = `pattern ${JSON.stringify(pattern)}`;
    if (go.error !== undefined || !our.accepted) {
      cases++;
      if (go.error === undefined) differences.push(`${where}: Go accepts it, ours refuses it (${our.accepted ? "" : our.reason})`);
      else if (our.accepted) differences.push(`${where}: Go refuses it (${go.error}), ours accepts it`);
      else if (our.reason.startsWith("crashed")) differences.push(`${where}: Go refuses it (${go.error}), ours ${our.reason}`);
      return;
    }
    accepted++;
    const names = our.re.groupNames.map((n) => n ?? "");
    if (JSON.stringify(names) !== JSON.stringify(go.names))
      differences.push(`${where}: Go's group names ${JSON.stringify(go.names)}, ours ${JSON.stringify(names)}`);
    subjects.forEach((subject, j) => {
      cases++;
      const on = `${where} on ${JSON.stringify(subject)}`;
      const goMatch = go.matches?.[j] ?? null;
      const ourIndices = our.vm.execIndices(subject);
      const ourMatch = ourIndices && byteOffsets(subject, ourIndices);
      if (goMatch !== null) matched++;
      if (JSON.stringify(ourMatch) !== JSON.stringify(goMatch)) {
        differences.push(`${on}: Go's FindStringSubmatchIndex ${JSON.stringify(goMatch)}, ours ${JSON.stringify(ourMatch)}`);
        return;
      }
      const groups = our.re.exec(subject);
      if (goMatch !== null && JSON.stringify(groups) !== JSON.stringify(goGroups(subject, goMatch)))
        differences.push(`${on}: Go's groups ${JSON.stringify(goGroups(subject, goMatch))}, ours ${JSON.stringify(groups)}`);
      if (template === undefined) return;
      const goExpanded = go.expanded?.[j] ?? null;
      const ourExpanded = groups && expandTemplate(our.re, template, groups);
      if (ourExpanded !== goExpanded)
        differences.push(`${on} with ${JSON.stringify(template)}: Go expands ${JSON.stringify(goExpanded)}, ours ${JSON.stringify(ourExpanded)}`);
    });
  });
  return { cases, accepted, matched, differences };
}

/** The first differences, for the failure message. */
function firstOf(differences: readonly string[]): string[] {
  return differences.length <= 12 ? [...differences] : [...differences.slice(0, 12), `… and ${differences.length - 12} more`];
}

describe("our Go regexp against Go's (test/oracles/regexp)", () => {
  it.each([
    // Mostly valid patterns, a few broken.
    { name: "generated patterns", seed: 1, patterns: 700, broken: 0.1, templates: 0.6, depth: 2 },
    { name: "deeper generated patterns", seed: 2, patterns: 500, broken: 0.1, templates: 0.6, depth: 3 },
    // Every pattern broken: is it refused where Go refuses it, accepted where Go accepts it?
    { name: "broken patterns", seed: 3, patterns: 600, broken: 1, templates: 0.3, depth: 2 },
    // Every request with a template.
    { name: "templates", seed: 4, patterns: 500, broken: 0, templates: 1, depth: 2 },
    // Over two letters, where many ways to match compete.
    { name: "two-letter patterns", seed: 5, patterns: 600, broken: 0, templates: 0.5, depth: 3, small: true },
  ])("$name (seed $seed) answer as Go does", (options) => {
    const requests = generate(options);
    const { cases, accepted, matched, differences } = compareWithGo(requests);
    expect(firstOf(differences), `${differences.length} differences in ${cases} cases`).toEqual([]);
    // The generator makes cases worth comparing: many patterns Go accepts, many subjects they match.
    expect(accepted).toBeGreaterThan(options.broken === 1 ? options.patterns / 10 : options.patterns / 2);
    expect(matched).toBeGreaterThan(accepted);
  });

  // Cases that once differed, as readable examples (each fixed with an example test in go-regexp.test.ts).
  //
  // Known and left as they are, so not here:
  //  - Go's nesting limit (maxHeight, 1000) measures Go's own parse tree, which merges literal
  //    strings, flattens (?:…) and factors alternations; ours measures its tree. Only patterns
  //    nested about 1000 deep tell them apart, either way: ((…(ab)…)) in 999 groups Go accepts
  //    and ours refuses.
  //  - Go's maxRunes (about 26 000 \pL in one pattern) depends on its Unicode tables; not counted.
  //  - Go's maxSize is estimated on its factored tree (common prefixes of alternatives merged), and
  //    only once a cheap count (nodes times the repeats seen) passes the limit; ours estimates our
  //    tree. Near the limit they part: with p = 1678 letters, ^(?:${p}b|${p}c){1000}$ and
  //    ^(?:b${p}|c${p}){1000}$ Go accepts and ours refuses as too large. No tag filter comes near.
  it.each<Request & { readonly why: string }>([
    { why: "a count with a leading zero is no count: { is text", pattern: "^v{01}$", subjects: ["v{01}", "v"] },
    { why: "nor is it a second repetition", pattern: "a{2}{1,02}", subjects: ["aa{1,02}"] },
    { why: "a name may be given to several groups", pattern: "(?P<v>\\d+)-rc|(?P<v>\\d+)-beta", subjects: ["2-beta", "1-rc"], template: "$v" },
    { why: "Yi is a script, not a general category", pattern: "^\\p{Yi}+$", subjects: ["ꀀ", "a"] },
    { why: "JS's short script names are not Go's", pattern: "\\p{Grek}", subjects: [] },
    { why: "nor is JS's Unknown script", pattern: "[\\p{Unknown}]", subjects: [] },
    // Go's maxSize (3 355 443 instructions, as its calcSize estimates them); Go 1.19 calls it an internal error.
    { why: "3356 letters 1000 times is too large", pattern: `(?:${"a".repeat(3356)}){1000}`, subjects: [] },
    { why: "a class counts as one instruction", pattern: `(?:${"[ab]".repeat(3356)}){1000}`, subjects: [] },
    { why: "so does a|b, which Go makes a class", pattern: `(?:${"(?:a|b)".repeat(3356)}){1000}`, subjects: [] },
    { why: "a group counts two", pattern: `(?:${"(a)".repeat(1200)}){1000}`, subjects: [] },
  ])("$why: $pattern", (request) => {
    const { differences } = compareWithGo([request]);
    expect(differences).toEqual([]);
  });
});
