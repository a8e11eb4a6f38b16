import { describe, expect, it } from "vitest";
import { compileGoRegexp, expandTemplate, GoRegexpError } from "../../src/image/go-regexp.js";

function matches(pattern: string, text: string): boolean {
  return compileGoRegexp(pattern).regexp.test(text);
}

/** Flux's filter: the expanded template for a tag, or undefined when the pattern does not match. */
function extract(pattern: string, template: string, tag: string): string | undefined {
  const re = compileGoRegexp(pattern);
  const match = re.regexp.exec(tag);
  return match ? expandTemplate(re, template, match) : undefined;
}

describe("compileGoRegexp", () => {
  it("reads Go's named groups, which JS refuses", () => {
    const re = compileGoRegexp("^main-(?P<sha>[a-f0-9]+)-(?P<ts>[0-9]+)$");
    expect(re.groupNames).toEqual([undefined, "sha", "ts"]);
    expect(re.regexp.exec("main-8d31498e-1700000000")?.slice(1)).toEqual(["8d31498e", "1700000000"]);
  });

  it("also reads Go 1.22's (?<name>…) and names JS could not hold", () => {
    expect(compileGoRegexp("(?<v>x)(?P<1st>y)").groupNames).toEqual([undefined, "v", "1st"]);
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
    ["^[\\d\\s]+$", "1 2", true],
    ["^[\\S]+$", "a b", false],
    // Hex and octal escapes.
    ["^\\x41\\x{42}\\103$", "ABC", true],
    // `{` that is not a repeat is a literal.
    ["^a{,2}$", "a{,2}", true],
    ["^a{2}$", "aa", true],
    ["^a{2,}$", "aaa", true],
    // Lazy and (?U) ungreedy.
    ["^(a+?)", "aaa", true],
  ])("%j on %j: %s", (pattern, text, expected) => {
    expect(matches(pattern, text)).toBe(expected);
  });

  it("makes quantifiers lazy under (?U)", () => {
    expect(compileGoRegexp("(?U)^(a+)").regexp.exec("aaa")?.[1]).toBe("a");
    expect(compileGoRegexp("(?U)^(a+?)").regexp.exec("aaa")?.[1]).toBe("aaa");
  });

  it.each([
    ["(?=a)", "invalid or unsupported Perl syntax"],
    ["(?!a)", "invalid or unsupported Perl syntax"],
    ["(?<=a)b", "invalid or unsupported Perl syntax"],
    ["(a)\\1", "invalid escape sequence \\1"],
    ["(?P<x", "invalid named capture"],
    ["(?P<a-b>x)", "invalid named capture"],
    ["(?P<a>x)(?P<a>y)", "duplicate capture group name"],
    ["(a", "missing closing )"],
    ["a)", "unexpected )"],
    ["[a", "missing closing ]"],
    ["[z-a]", "invalid character class range"],
    ["[[:word2:]]", "invalid character class range"],
    ["a{1001}", "invalid repeat count"],
    ["a{3,2}", "invalid repeat count"],
    ["\\q", "invalid escape sequence \\q"],
    ["a\\", "trailing backslash"],
    ["a(?i)b", "only supported at the start"],
    ["*a", "Nothing to repeat"],
    ["a**", "Nothing to repeat"],
  ])("refuses %j (%s)", (pattern, reason) => {
    expect(() => compileGoRegexp(pattern)).toThrow(GoRegexpError);
    expect(() => compileGoRegexp(pattern)).toThrow(reason);
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
  ])("%j with %j on %j gives %j", (pattern, template, tag, expected) => {
    expect(extract(pattern, template, tag)).toBe(expected);
  });
});
