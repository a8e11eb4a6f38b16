import { describe, expect, it } from "vitest";
import { ClassSet, literal } from "../../src/image/go-regexp-class.js";
import { parseGoRegexp } from "../../src/image/go-regexp-parse.js";
import { compileGoRegexp, expandTemplate, GoRegexpError, unknownGroups } from "../../src/image/go-regexp.js";

function matches(pattern: string, text: string): boolean {
  return compileGoRegexp(pattern).test(text);
}

/** Flux's filter: the expanded template for a tag, or undefined when the pattern does not match. */
function extract(pattern: string, template: string, tag: string): string | undefined {
  const re = compileGoRegexp(pattern);
  const match = re.exec(tag);
  return match ? expandTemplate(re, template, match) : undefined;
}

describe("compileGoRegexp", () => {
  it("reads Go's named groups, which JS refuses", () => {
    const re = compileGoRegexp("^main-(?P<sha>[a-f0-9]+)-(?P<ts>[0-9]+)$");
    expect(re.groupNames).toEqual([undefined, "sha", "ts"]);
    expect(re.exec("main-8d31498e-1700000000")?.slice(1)).toEqual(["8d31498e", "1700000000"]);
  });

  it("also reads Go 1.22's (?<name>…) and names JS could not hold", () => {
    expect(compileGoRegexp("(?<v>x)(?P<1st>y)").groupNames).toEqual([undefined, "v", "1st"]);
  });

  it("lets several groups have one name, as Go does", () => {
    expect(compileGoRegexp("(?P<v>x)|(?P<v>y)").groupNames).toEqual([undefined, "v", "v"]);
  });

  it.each([
    // Unanchored, like Go's FindStringSubmatchIndex.
    ["^ver", "ver1", true],
    ["ver", "rel-ver1", true],
    ["^ver$", "ver1", false],
    // Go's \s is ASCII: no-break space is not white space.
    ["^a\\sb$", "a b", true],
    ["^a\\sb$", "a\u00a0b", false],
    ["^a\\Sb$", "a\u00a0b", true],
    // Go's . excludes only \n; JS's would also exclude \r.
    ["^a.b$", "a\rb", true],
    ["^a.b$", "a\nb", false],
    ["(?s)^a.b$", "a\nb", true],
    // Flags at the start.
    ["(?i)^RC", "rc1", true],
    ["^RC", "rc1", false],
    // \A and \z.
    ["\\Av1\\z", "v1", true],
    ["\\Av1\\z", "v1\n", false],
    // \Q…\E quotes.
    ["^\\Q1.0+b\\E$", "1.0+b", true],
    ["^\\Q1.0+b\\E$", "1x0+b", false],
    // Escaped punctuation, including characters JS's `v` mode would refuse unescaped.
    ["^a\\-b\\_c$", "a-b_c", true],
    ["^[a-]+$", "a-a", true],
    ["^[]a]+$", "]a]", true],
    ["^[^]a]+$", "bc", true],
    // POSIX classes and Unicode classes.
    ["^[[:digit:]]+$", "2025", true],
    ["^[[:^alpha:]]+$", "2025", true],
    ["^\\pL+$", "abc", true],
    ["^\\p{Greek}+$", "αβγ", true],
    // Yi is a script, whose two-letter name is no general category.
    ["^\\p{Yi}$", "ꀀ", true],
    ["^[\\P{Yi}]$", "ꀀ", false],
    ["^[\\d\\s]+$", "1 2", true],
    ["^[\\S]+$", "a b", false],
    // Hex and octal escapes.
    ["^\\x41\\x{42}\\103$", "ABC", true],
    // `{` that is not a repeat is a literal.
    ["^a{,2}$", "a{,2}", true],
    // Nor is a count with a leading zero: Go's parseInt refuses it, so `{01}` is text.
    ["^a{01}$", "a{01}", true],
    ["^a{01}$", "a", false],
    ["^a{1,02}$", "a{1,02}", true],
    ["^a{0}b$", "b", true],
    ["^a{2}$", "aa", true],
    ["^a{2,}$", "aaa", true],
    // Lazy and (?U) ungreedy.
    ["^(a+?)", "aaa", true],
    // Flag groups anywhere: (?flags) holds until its group closes, across |; (?flags:re) only inside re.
    ["^(?i)MAIN-(.*)$", "main-8d31498e", true],
    ["a(?i)b", "aB", true],
    ["a(?i)b", "AB", false],
    ["(?i:a)b", "Ab", true],
    ["(?i:a)b", "AB", false],
    ["(a(?i)b)c", "aBc", true],
    ["(a(?i)b)c", "aBC", false],
    ["^x(?i)y|z$", "Z", true],
    ["(?i)a(?-i)b", "Ab", true],
    ["(?i)a(?-i)b", "AB", false],
    ["(?i)a(?-i:b)c", "AbC", true],
    ["(?)a", "a", true],
    ["a(?s:.)b", "a\nb", true],
    ["a(?s:.)b.c", "a\nb\nc", false],
    // (?m): ^ and $ also at \n, and only there (JS's m flag would also take \r and U+2028).
    ["(?m:a$)\\nb", "a\nb", true],
    ["a$\\nb", "a\nb", false],
    ["(?m:^b)", "a\nb", true],
    ["^b", "a\nb", false],
    ["(?m)^b", "a\rb", false],
    ["(?m)^b", "a\u2028b", false],
    ["(?m)a$", "a\r\n", false],
    ["(?m)a$", "a\nb", true],
    // Go folds case by Unicode simple folding: k, K and the Kelvin sign; s, S and long s; σ, ς and Σ.
    ["(?i)k", "\u212a", true],
    ["(?i:s)", "\u017f", true],
    ["(?i)σ", "ς", true],
    ["(?i)生产-v", "生产-V", true],
    ["(?i)\\Qa.b\\E", "A.B", true],
    ["(?i)\\Qa.b\\E", "AxB", false],
    ["(?i:[a-z]+)$", "ABC", true],
    ["(?i:[^a])", "A", false],
    ["(?i:\\w)", "\u212a", true],
    ["(?i:\\W)", "\u212a", false],
    ["(?i:[[:^lower:]])", "K", false],
    ["(?i:\\p{Lu})", "a", true],
    ["(?i:\\P{Lu})", "a", false],
    // Go's \b is ASCII whatever the flags; JS's i flag would count the Kelvin sign as a word character.
    ["(?i)a\\b", "a\u212a", true],
    ["(?i)a\\B", "a\u212a", false],
  ])("%j on %j: %s", (pattern, text, expected) => {
    expect(matches(pattern, text)).toBe(expected);
  });

  it("makes quantifiers lazy under (?U)", () => {
    expect(compileGoRegexp("(?U)^(a+)").exec("aaa")?.[1]).toBe("a");
    expect(compileGoRegexp("(?U)^(a+?)").exec("aaa")?.[1]).toBe("aaa");
  });

  it("keeps a group's flags to that group: (?U) inside (?:…) stops at its )", () => {
    expect(compileGoRegexp("^(?:(?U)(a+))(a+)").exec("aaa")?.slice(1)).toEqual(["a", "aa"]);
    expect(compileGoRegexp("^(?U:(a+))(a+)").exec("aaa")?.slice(1)).toEqual(["a", "aa"]);
  });

  // JS's own i flag folds case as Go does (Unicode simple case folding), so it is the oracle for
  // the folded classes we write out: over every code point, (?i:X) must match exactly what X
  // matches under JS's i flag.
  describe("(?i) matches what JS's i flag matches, on every code point", () => {
    /** The JS class that a one-character pattern is read as. */
    function classOf(pattern: string): string {
      const { root } = parseGoRegexp(pattern);
      if (root.kind === "char") return `[${literal(root.cp)}]`;
      if (root.kind === "set" && root.set instanceof ClassSet) return root.set.source;
      throw new Error(`${pattern} is not one character class`);
    }

    const everyCodePoint = Array.from({ length: 0x110 }, (_, block) =>
      String.fromCodePoint(...Array.from({ length: 0x1000 }, (_, i) => block * 0x1000 + i).filter((cp) => cp < 0xd800 || cp > 0xdfff)),
    ).join("");
    it.each([
      "k",
      "ǅ",
      "σ",
      "[a-z]",
      "[^a-z]",
      "\\w",
      "\\W",
      "[[:^upper:]]",
      "\\p{Lu}",
      "\\p{Ll}",
      "\\p{Lt}",
      "[\\pM\\pN\\pS]",
      "\\P{Greek}",
      "[α-ω\\x{10400}-\\x{1044f}]",
    ])("%s", (pattern) => {
      const oracle = new RegExp(classOf(pattern), "giv");
      const folded = new RegExp(classOf(`(?i:${pattern})`), "gv");
      // What each leaves unmatched: equal exactly when they match the same code points.
      expect(everyCodePoint.replace(folded, "")).toBe(everyCodePoint.replace(oracle, ""));
    });
  });

  it.each([
    ["(?=a)", "invalid or unsupported Perl syntax"],
    ["(?!a)", "invalid or unsupported Perl syntax"],
    ["(?<=a)b", "invalid or unsupported Perl syntax"],
    ["(a)\\1", "invalid escape sequence \\1"],
    ["(?P<x", "invalid named capture"],
    ["(?P<a-b>x)", "invalid named capture"],
    ["(a", "missing closing )"],
    ["a)", "unexpected )"],
    ["[a", "missing closing ]"],
    ["[z-a]", "invalid character class range"],
    ["[[:word2:]]", "invalid character class range"],
    ["a{1001}", "invalid repeat count"],
    ["a{3,2}", "invalid repeat count"],
    ["\\q", "invalid escape sequence \\q"],
    ["a\\", "trailing backslash"],
    ["(?-)a", 'invalid or unsupported Perl syntax "(?-)"'],
    ["(?i-)a", 'invalid or unsupported Perl syntax "(?i-)"'],
    ["(?i-m-s)a", 'invalid or unsupported Perl syntax "(?i-m-"'],
    ["(?x)a", 'invalid or unsupported Perl syntax "(?x"'],
    ["a(?i:b", "missing closing )"],
    ["*a", "Nothing to repeat"],
    ["a**", "Nothing to repeat"],
  ])("refuses %j (%s)", (pattern, reason) => {
    expect(() => compileGoRegexp(pattern)).toThrow(GoRegexpError);
    expect(() => compileGoRegexp(pattern)).toThrow(reason);
  });

  it.each([
    // Go's repeatIsValid: nested counts may make at most 1000 copies of the innermost thing.
    ["(a{100}){100}", "invalid repeat count {100}"],
    ["(?:a{2}){501}", "invalid repeat count {501}"],
    ["[a]{2}{3}", "Nothing to repeat"],
    ["(|*)", "Nothing to repeat"],
    // An unknown Unicode class is refused under (?i) too.
    ["(?i)\\p{Klingon}", "invalid character class range \\p{Klingon}"],
    // JS knows scripts by their short aliases too, and some Go has no table for; Go does not.
    ["\\p{Grek}", "invalid character class range \\p{Grek}"],
    ["[\\P{Latn}]", "invalid character class range \\P{Latn}"],
    ["\\p{^Hira}", "invalid character class range \\p{^Hira}"],
    ["\\p{Katakana_Or_Hiragana}", "invalid character class range"],
    ["\\p{Unknown}", "invalid character class range"],
    ["\\p{Script=Greek}", "invalid character class range"],
  ])("also refuses %j (%s)", (pattern, reason) => {
    expect(() => compileGoRegexp(pattern)).toThrow(GoRegexpError);
    expect(() => compileGoRegexp(pattern)).toThrow(reason);
  });

  it("refuses a pattern Go estimates at more than 3 355 443 instructions (its maxSize), and reads one just within", () => {
    const letters = (n: number) => `(?:${"a".repeat(n)}){1000}`;
    expect(() => compileGoRegexp(letters(3356))).toThrow("expression too large");
    expect(() => parseGoRegexp(letters(3355))).not.toThrow();
    // A class counts once, however many characters it holds; adjacent one-character branches are one class.
    expect(() => compileGoRegexp(`(?:${"[ab]".repeat(3356)}){1000}`)).toThrow("expression too large");
    expect(() => parseGoRegexp(`(?:${"(?:a|b|c)".repeat(3355)}){1000}`)).not.toThrow();
    expect(() => compileGoRegexp(`(?:${"(?:a|bc)".repeat(1200)}){1000}`)).toThrow("expression too large");
    expect(() => compileGoRegexp(`(?:${"(a)".repeat(1200)}){1000}`)).toThrow("expression too large");
    expect(() => compileGoRegexp("a{1000}".repeat(3356))).toThrow("expression too large");
  });

  it("refuses a tree deeper than Go's 1000 levels, and runs one just within", () => {
    expect(() => compileGoRegexp(`${"(".repeat(1000)}a${")".repeat(1000)}`)).toThrow("expression nests too deeply");
    expect(compileGoRegexp(`${"(?:a*".repeat(499)}${")*".repeat(499)}`).test("aaa")).toBe(true);
  });

  it.each([
    ["(a{10}){100}", "a".repeat(1000), true],
    // Go lets an assertion be repeated, and a repetition follow (?flags), applying to the atom before it.
    ["^*a", "a", true],
    ["\\b+a", "a", true],
    ["a(?i)*b", "B", true],
    ["a(?i)?b", "ab", true],
  ])("accepts %j as Go does: on %j, %s", (pattern, text, expected) => {
    expect(matches(pattern, text)).toBe(expected);
  });

  // The review's case: a Flux filter with a nested quantifier, on a tag from the dispatch payload.
  // Go answers in linear time; a backtracking engine takes exponential time on the first tag.
  it("runs a nested quantifier in linear time on a 128-character tag", () => {
    const digits = "1".repeat(122);
    expect(extract("^main-(?P<n>([0-9a-z]+)*)$", "$n", `main-${digits}_`)).toBeUndefined();
    expect(extract("^main-(?P<n>([0-9a-z]+)*)$", "$n", `main-${digits}`)).toBe(digits);
  });
});

describe("expandTemplate (Go Regexp.ExpandString)", () => {
  it.each([
    // The Flux filter test: ver(\d+) with $1.
    ["ver(\\d+)", "$1", "ver1", "1"],
    ["ver(\\d+)", "$1", "rel1", undefined],
    // The result is the template only, not the tag with the match replaced.
    ["-(\\d+)$", "$1", "build-42", "42"],
    ["-(\\d+)$", "v$1", "build-42", "v42"],
    // ${1}, $name, ${name}, $$.
    ["^(\\d+)", "${1}0", "7-x", "70"],
    ["^(?P<ts>\\d+)", "$ts", "1700-x", "1700"],
    ["^(?P<ts>\\d+)", "${ts}_z", "1700-x", "1700_z"],
    ["^(\\d+)", "$$1", "7", "$1"],
    // $name takes the longest run of letters, digits and _: $1x names group "1x", which does not exist.
    ["^(\\d+)", "$1x", "7", ""],
    ["^(?P<ts>\\d+)", "$ts_old", "7", ""],
    // $0 is the whole match; $01 is a name (leading zero), not group 1.
    ["b(\\d)", "$0", "ab1c", "b1"],
    ["b(\\d)", "$01", "ab1c", ""],
    // A group that did not take part expands to nothing; a malformed $ stays as text.
    ["^(a)?(b)", "[$1][$2]", "b", "[][b]"],
    ["^(a)", "$-${", "a", "$-${"],
    ["^(a)", "${1", "a", "${1"],
    // A name on several groups expands the first of them that took part.
    ["(?P<v>a)|(?P<v>b)", "$v", "b", "b"],
    ["(?P<v>a)(?P<v>b)", "${v}", "ab", "a"],
  ])("%j with %j on %j gives %j", (pattern, template, tag, expected) => {
    expect(extract(pattern, template, tag)).toBe(expected);
  });
});

describe("unknownGroups: the references of a template that name no group, which expand to nothing on any tag", () => {
  it.each([
    ["^(?P<ts>\\d+)", "$ts-$1-${0}", []],
    ["^(?P<ts>\\d+)", "$nope", ["$nope"]],
    ["^(\\d+)", "$2 ${3} $$4", ["$2", "${3}"]],
    // As ExpandString reads them: $1x and $01 are names, a malformed $ is text.
    ["^(\\d+)", "$1x $01 $-", ["$1x", "$01"]],
  ])("%j with %j: %j", (pattern, template, unknown) => {
    expect(unknownGroups(compileGoRegexp(pattern), template)).toEqual(unknown);
  });
});
