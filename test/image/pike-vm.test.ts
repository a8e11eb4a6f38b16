import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseGoRegexp } from "../../src/image/go-regexp-parse.js";
import { PikeVM } from "../../src/image/pike-vm.js";

function vm(pattern: string): PikeVM {
  const { root, groupNames } = parseGoRegexp(pattern);
  return new PikeVM(root, groupNames.length);
}

/** Go's FindStringSubmatch. */
function find(pattern: string, text: string): (string | undefined)[] | null {
  return vm(pattern).exec(text);
}

describe("PikeVM", () => {
  // Each of these takes exponential time on a backtracking engine (JS's took 83 s on the first
  // with a 30-character tag); the VM answers in time linear in the text.
  describe("nested quantifiers on a long tag", () => {
    const digits = "1".repeat(122);
    it.each([
      ["^main-(?P<n>([0-9a-z]+)*)$", `main-${digits}_`, null],
      ["^main-(?P<n>([0-9a-z]+)*)$", `main-${digits}`, [`main-${digits}`, digits, digits]],
      ["(a+)+b", "a".repeat(128), null],
      ["(x+x+)+y", "x".repeat(128), null],
      ["^(a|aa)*$", `${"a".repeat(127)}b`, null],
      ["^(\\w+\\s?)*$", `${"word ".repeat(25)}!`, null],
      ["^(.*?,){11}P", "1,2,3,4,5,6,7,8,9,10,11,12".repeat(4), null],
    ])("%s on %j", (pattern, text, expected) => {
      expect(find(pattern, text)).toEqual(expected);
    });
  });

  it.each([
    // Leftmost first, with Perl's (and Go's) submatch choices, not the longest or POSIX ones.
    ["(a|ab)(c|bcd)(d*)", "abcd", ["abcd", "a", "bcd", ""]],
    ["a|ab", "ab", ["a"]],
    ["ab|a", "ab", ["ab"]],
    ["b|ab", "xab", ["ab"]],
    // Unanchored, as Go's FindStringSubmatch.
    ["\\d+", "v12-3", ["12"]],
    // Non-greedy.
    ["a+?", "aaa", ["a"]],
    ["(a+?)(a*)", "aaa", ["aaa", "a", "aa"]],
    ["<.+?>", "<a><b>", ["<a>"]],
    ["^(a{2,4}?)(a*)$", "aaaaa", ["aaaaa", "aa", "aaa"]],
    ["^a{2,4}", "aaaaa", ["aaaa"]],
    ["a*?b", "aab", ["aab"]],
    // A group keeps what it last matched, even when a later iteration skips it (JS would reset it).
    ["(?:(a)|b)+", "ab", ["ab", "a"]],
    ["(a|b)*", "ab", ["ab", "b"]],
    // A group that took no part is undefined; one that matched nothing is "".
    ["(a)?(b)", "b", ["b", undefined, "b"]],
    ["(a*)b", "b", ["b", ""]],
    // Loops whose body can match nothing terminate, and take the empty iteration as Go does
    // (x* for such an x runs as (x+)?, golang.org/issue/46123).
    ["(a*)*", "b", ["", ""]],
    ["(a*)+", "b", ["", ""]],
    ["(a*)*", "aaa", ["aaa", "aaa"]],
    ["(|a)*", "aa", ["", ""]],
    ["(|a)+", "aa", ["", ""]],
    ["(?:)*x", "x", ["x"]],
    // Assertions.
    ["a^b", "a^b", null],
    ["\\bfoo\\b", "a foo.", ["foo"]],
    ["\\bfoo\\b", "afoo", null],
    ["\\Bfoo", "afoo", ["foo"]],
    ["(?m)^b$", "a\nb\nc", ["b"]],
    ["x$|y", "xy", ["y"]],
    // A surrogate pair is one character, and groups slice whole characters.
    ["^(.)(.)$", "😀x", ["😀x", "😀", "x"]],
    ["^.$", "😀", ["😀"]],
    // Counted repetition expands to copies.
    ["^(ab){2}$", "abab", ["abab", "ab"]],
    ["^a{1000}$", "a".repeat(1000), ["a".repeat(1000)]],
    ["^a{2,}$", "a", null],
  ])("%j on %j gives %j", (pattern, text, expected) => {
    expect(find(pattern, text)).toEqual(expected);
  });

  it("answers test() as exec() does, without keeping groups", () => {
    const re = vm("^main-([0-9a-f]+)$");
    expect(["main-8d31", "main-8d31x", "v1"].map((tag) => re.test(tag))).toEqual([true, false, false]);
  });

  it("gives the same answers when reused for many texts", () => {
    const re = vm("(?P<sha>[a-f0-9]{7})-(\\d+)");
    const tags = Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? `x-${i}` : `main-${(1000000 + i).toString(16)}-${i}`));
    expect(tags.map((tag) => re.exec(tag))).toEqual(tags.map((tag) => find("(?P<sha>[a-f0-9]{7})-(\\d+)", tag)));
  });

  // JS's engine backtracks in the same priority order, so where Go and JS agree on the syntax and
  // on the rules (no loop whose body can match nothing, no group inside a repeated group, which JS
  // resets on each iteration), the leftmost-first match and its groups must be the same.
  describe("agrees with JS's backtracking engine where their rules coincide", () => {
    interface Generated {
      readonly source: string;
      /** Holds a capture group. */
      readonly captures: boolean;
      /** Holds a capture group inside a repeated group. */
      readonly repeatedCapture: boolean;
    }
    const atom = fc.constantFrom("a", "b", "c", "[ab]", "[^a]", ".", "\\d");
    /** Quantifiers that need at least one copy (the first item of every alternative) or any. */
    const atLeastOnce = fc.constantFrom("", "+", "+?", "{2}", "{1,3}", "{1,3}?", "{2,}");
    const anyCount = fc.constantFrom("", "", "*", "*?", "?", "??", "{0,2}", "+", "{2}");
    const pattern = fc.letrec<{ alternatives: Generated; item: Generated; required: Generated; sequence: Generated }>((tie) => {
      const item = (quantifier: fc.Arbitrary<string>): fc.Arbitrary<Generated> =>
        fc.oneof(
          { depthSize: "small", maxDepth: 2, withCrossShrink: true },
          fc.tuple(atom, quantifier).map(([a, q]) => ({ source: a + q, captures: false, repeatedCapture: false })),
          fc.tuple(fc.constantFrom("(", "(?:"), tie("alternatives"), quantifier).map(([open, inner, q]) => ({
            source: `${open}${inner.source})${q}`,
            captures: open === "(" || inner.captures,
            repeatedCapture: inner.repeatedCapture || (q !== "" && inner.captures),
          })),
        );
      return {
        required: item(atLeastOnce),
        item: item(anyCount),
        sequence: fc.tuple(tie("required"), fc.array(tie("item"), { maxLength: 3 })).map(([first, rest]) => ({
          source: [first, ...rest].map((g) => g.source).join(""),
          captures: [first, ...rest].some((g) => g.captures),
          repeatedCapture: [first, ...rest].some((g) => g.repeatedCapture),
        })),
        alternatives: fc.array(tie("sequence"), { minLength: 1, maxLength: 3 }).map((seqs) => ({
          source: seqs.map((g) => g.source).join("|"),
          captures: seqs.some((g) => g.captures),
          repeatedCapture: seqs.some((g) => g.repeatedCapture),
        })),
      };
    }).alternatives;
    const anchored = fc.tuple(fc.constantFrom("", "^"), pattern, fc.constantFrom("", "$"));
    const text = fc.array(fc.constantFrom("a", "b", "c", "1", "\n"), { maxLength: 8 }).map((chars) => chars.join(""));

    it("on generated patterns and texts", () => {
      fc.assert(
        fc.property(anchored, fc.array(text, { minLength: 1, maxLength: 5 }), ([start, generated, end], texts) => {
          const source = `${start}${generated.source}${end}`;
          const re = vm(source);
          const js = new RegExp(source, "u");
          for (const t of texts) {
            const expected = js.exec(t);
            const got = re.exec(t);
            expect(got === null, `${source} on ${JSON.stringify(t)}`).toBe(expected === null);
            if (expected === null || got === null) continue;
            const compared = generated.repeatedCapture ? 1 : expected.length;
            expect(got.slice(0, compared), `${source} on ${JSON.stringify(t)}`).toEqual([...expected].slice(0, compared));
          }
        }),
        { numRuns: 500 },
      );
    });
  });
});
