import { describe, expect, it } from "vitest";
import { compareBytes, parseGoFloat, parsePolicy, PolicyError, type PolicySpec } from "../../src/image/policy.js";

const semver = (range: string) => parsePolicy({ semver: { range } });
const alphabetical = (order?: string) => parsePolicy({ alphabetical: order === undefined ? {} : { order } });
const numerical = (order?: string) => parsePolicy({ numerical: order === undefined ? {} : { order } });

/** Every order of a list: a policy's answer must not depend on it (except documented ties). */
function rotations<T>(list: readonly T[]): T[][] {
  return list.map((_, i) => [...list.slice(i), ...list.slice(0, i)]).flatMap((r) => [r, [...r].reverse()]);
}

describe("semver policy (IRC semver_test.go)", () => {
  it.each([
    ["1.0.x", ["1.0.0", "1.0.0.1", "1.0.0p", "1.0.1", "1.2.0", "0.1.0"], "1.0.1"],
    ["1.0.x", ["v1.2.3", "v1.0.0", "v0.1.0"], "v1.0.0"],
    ["1.0.x", ["b1.2.3", "b1.0.0", "b0.1.0"], undefined],
    ["1.0.x", [], undefined],
    ["1.0.x", ["1.2.0"], undefined],
  ])("%j over %j is %j", (range, tags, expected) => {
    for (const order of rotations(tags)) expect(semver(range).latest(order)).toBe(expected);
  });

  it("returns the tag as written, with its v and leading zeros (CalVer)", () => {
    expect(semver(">=2025.1.1").latest(["v2025.07.03", "v2025.06.30", "2024.12.31"])).toBe("v2025.07.03");
  });

  it("ignores tags Flux's ParseVersion refuses: fewer than three parts, or more", () => {
    expect(semver("*").latest(["9", "9.9", "9.9.9.9", "1.0.0"])).toBe("1.0.0");
  });

  it.each([
    // The Flux image-automation guide's prerelease examples, where npm semver says no.
    [">=1.0.0-0", ["1.9.0", "2.3.0-rc.1"], "2.3.0-rc.1"],
    [">1.0.0-rc <2.0.0-rc", ["1.4.0", "1.5.0-rc.1"], "1.5.0-rc.1"],
    ["^1.x-0", ["1.4.0", "1.5.0-rc.1", "2.0.0-rc.1"], "1.5.0-rc.1"],
    // A release outranks its own prereleases.
    [">=1.0.0-0", ["1.5.0-rc.1", "1.5.0"], "1.5.0"],
    // Without a prerelease comparator, prereleases never win.
    ["^1.0.0", ["1.4.0", "1.5.0-rc.1"], "1.4.0"],
    // Comma AND and !=.
    [">=1.0, <2.0", ["1.9.9", "2.0.0", "0.9.0"], "1.9.9"],
    ["^1.0.0, !=1.9.9", ["1.9.9", "1.9.8"], "1.9.8"],
  ])("%j over %j is %j", (range, tags, expected) => {
    for (const order of rotations(tags)) expect(semver(range).latest(order)).toBe(expected);
  });

  it("keeps the first of two equal versions (they differ only in build metadata)", () => {
    expect(semver("*").latest(["1.0.0+b", "1.0.0+a"])).toBe("1.0.0+b");
    expect(semver("*").latest(["1.0.0+a", "1.0.0+b"])).toBe("1.0.0+a");
  });

  it.each(["1.0.0p", "1x", "x1", "-1", "a", "", "*-*"])("refuses range %j like Masterminds", (range) => {
    expect(() => semver(range)).toThrow(new PolicyError([{ path: ["semver", "range"], message: `invalid range ${JSON.stringify(range)}` }]));
  });
});

describe("alphabetical policy (IRC alphabetical_test.go)", () => {
  it.each([
    ["Ubuntu CalVer", undefined, ["16.04", "16.04.1", "16.10", "20.04", "20.10"], "20.10"],
    ["Ubuntu CalVer descending", "desc", ["16.04", "16.04.1", "16.10", "20.04", "20.10"], "16.04"],
    ["Ubuntu code names", undefined, ["xenial", "yakkety", "zesty", "artful", "bionic"], "zesty"],
    ["Ubuntu code names descending", "desc", ["xenial", "yakkety", "zesty", "artful", "bionic"], "artful"],
    ["Timestamps", undefined, ["1606234201", "1606364286", "1606334092", "1606334284", "1606334201"], "1606364286"],
    ["Timestamps desc", "desc", ["1606234201", "1606364286", "1606334092", "1606334284", "1606334201"], "1606234201"],
    ["Timestamps with prefix", undefined, ["rel-1606234201", "rel-1606364286", "rel-1606334092", "rel-1606334284", "rel-1606334201"], "rel-1606364286"],
    ["RFC3339-ish", "asc", ["2023-05-08T00-20-00Z", "2023-05-07T23-59-59Z", "2023-05-08T00-19-59Z"], "2023-05-08T00-20-00Z"],
    ["Empty version list", undefined, [], undefined],
  ])("%s", (_label, order, tags, expected) => {
    for (const list of rotations(tags)) expect(alphabetical(order).latest(list)).toBe(expected);
  });

  it("orders by bytes, not by locale: upper case sorts before lower case", () => {
    expect(alphabetical().latest(["b", "B", "a"])).toBe("b");
    expect(alphabetical("desc").latest(["b", "B", "a"])).toBe("B");
    expect(["b", "B", "a", "é", "z"].sort(compareBytes)).toEqual(["B", "a", "b", "z", "é"]);
  });

  it("reads order case-insensitively, as Flux upper-cases it", () => {
    expect(alphabetical("DESC").latest(["a", "b"])).toBe("a");
    expect(alphabetical("Asc").latest(["a", "b"])).toBe("b");
  });
});

describe("numerical policy (IRC numerical_test.go)", () => {
  it.each([
    ["integers ascending", undefined, ["-62", "-88", "73", "72", "15", "16", "15", "29", "-33", "-91"], "73"],
    ["integers descending", "desc", ["5", "-8", "-78", "25", "70", "-4", "80", "92", "-20", "-24"], "-78"],
    [
      "floats ascending",
      undefined,
      [
        "47.40896403322944",
        "-27.8520927455902",
        "-27.930666514224427",
        "-31.352485948094568",
        "-50.41072694704882",
        "-21.962849842263736",
        "24.71884721436865",
        "-39.99177354004344",
        "53.47333823144817",
        "3.2008658570411086",
      ],
      "53.47333823144817",
    ],
    [
      "floats descending",
      "desc",
      [
        "-65.27202780220686",
        "57.82948329142309",
        "22.40184684363291",
        "-86.36934305697784",
        "-90.29082099756083",
        "-12.041712603564264",
        "77.70488240399305",
        "-38.98425003883552",
        "16.06867070412028",
        "53.735674335181216",
      ],
      "-90.29082099756083",
    ],
    ["Unix timestamps ascending", undefined, ["1606234201", "1606364286", "1606334092", "1606334284", "1606334201"], "1606364286"],
    ["Unix timestamps descending", "desc", ["1606234201", "1606364286", "1606334092", "1606334284", "1606334201"], "1606234201"],
    ["single value ascending", undefined, ["1"], "1"],
    ["single value descending", "desc", ["1"], "1"],
    ["empty list", undefined, [], undefined],
  ])("%s", (_label, order, tags, expected) => {
    for (const list of rotations(tags)) expect(numerical(order).latest(list)).toBe(expected);
  });

  it("ignores what is not a number (where Flux fails the whole list), so a numeric build replaces `latest`", () => {
    expect(numerical().latest(["0", "1a", "b"])).toBe("0");
    expect(numerical().latest(["latest", "42"])).toBe("42");
    expect(numerical().latest(["1a", "b"])).toBeUndefined();
  });

  it("lets the later of two equal numbers win, in both orders", () => {
    expect(numerical().latest(["1.0", "1"])).toBe("1");
    expect(numerical().latest(["1", "1.0"])).toBe("1.0");
    expect(numerical("desc").latest(["1.0", "1"])).toBe("1");
  });

  it("compares numerically, not as text", () => {
    expect(numerical().latest(["9", "10"])).toBe("10");
  });
});

describe("parseGoFloat (strconv.ParseFloat, not Number())", () => {
  it.each([
    ["42", 42],
    ["-4.5", -4.5],
    ["+3", 3],
    [".5", 0.5],
    ["5.", 5],
    ["1e3", 1000],
    ["1E-2", 0.01],
    ["inf", Infinity],
    ["-Infinity", -Infinity],
  ])("reads %j as %d", (text, value) => {
    expect(parseGoFloat(text)).toBe(value);
  });

  it.each(["", " 1", "1 ", "0x10", "1_000", "1e", "e3", ".", "1.2.3", "NaN", "1e400", "abc"])("refuses %j", (text) => {
    expect(parseGoFloat(text)).toBeUndefined();
  });
});

describe("filterTags", () => {
  it("keeps the matching tags and ranks the extracted values, returning the original tag", () => {
    const policy = parsePolicy({ numerical: { order: "asc" }, filterTags: { pattern: "^main-[a-f0-9]+-(?P<ts>[0-9]+)$", extract: "$ts" } });
    expect(policy.latest(["main-8d31498e-1700000100", "main-0f1e2d3c-1700000200", "pr-12-1800000000", "latest"])).toBe("main-0f1e2d3c-1700000200");
  });

  it("filters without extracting when extract is empty", () => {
    const policy = parsePolicy({ semver: { range: ">=1.0.0" }, filterTags: { pattern: "^v" } });
    expect(policy.latest(["v1.2.0", "1.9.0"])).toBe("v1.2.0");
  });

  it("maps a value extracted from two tags to the later tag", () => {
    const policy = parsePolicy({ alphabetical: {}, filterTags: { pattern: "-(\\d+)$", extract: "$1" } });
    expect(policy.latest(["a-5", "b-5", "c-4"])).toBe("b-5");
  });

  it("takes filterTags as a separate argument, as a Flux ImagePolicy holds it in spec.filterTags", () => {
    const policy = parsePolicy({ semver: { range: "^1.0.0" } }, "ImagePolicy flux-system/app", { pattern: "^(?P<v>[0-9.]+)-alpine$", extract: "$v" });
    expect(policy.latest(["1.2.0-alpine", "1.3.0", "1.1.0-alpine"])).toBe("1.2.0-alpine");
  });

  it("ranks two tags by its order alone, whether or not it accepts them; not a tag filterTags cannot read", () => {
    const production = parsePolicy({ semver: { range: ">=1.0.0 <2.0.0" } });
    expect(production.compare!("2.0.0", "1.3.0")).toBeGreaterThan(0);
    expect(production.compare!("1.3.0-rc.1", "1.3.0")).toBeLessThan(0);
    expect(production.compare!("latest", "1.3.0")).toBeUndefined();
    expect(parsePolicy({ numerical: { order: "desc" } }).compare!("9", "10")).toBeGreaterThan(0);
    expect(parsePolicy({ alphabetical: {} }).compare!("b", "a")).toBeGreaterThan(0);
    const extracted = parsePolicy({ numerical: {}, filterTags: { pattern: "^main-(?P<n>\\d+)$", extract: "$n" } });
    expect(extracted.compare!("main-13", "main-9")).toBeGreaterThan(0);
    expect(extracted.compare!("pr-7-900", "main-9")).toBeUndefined();
  });

  it("describes itself", () => {
    expect(parsePolicy({ semver: { range: "^1.0.0" } }).description).toBe("semver ^1.0.0");
    expect(parsePolicy({ numerical: { order: "DESC" } }).description).toBe("numerical desc");
    // Patterns as written in the configuration (YAML's single quotes), not JSON-escaped: copied back, they still match.
    expect(parsePolicy({ alphabetical: null, filterTags: { pattern: "^main-(\\d+)", extract: "$1" } }).description).toBe(
      String.raw`alphabetical asc, tags matching '^main-(\d+)' (extract '$1')`,
    );
    expect(parsePolicy({ numerical: {}, filterTags: { pattern: "^2\\.0\\.(?P<n>\\d+)$", extract: "$n" } }).description).toBe(
      String.raw`numerical asc, tags matching '^2\.0\.(?P<n>\d+)$' (extract '$n')`,
    );
    expect(parsePolicy({ alphabetical: {}, filterTags: { pattern: "^it's-(.*)" } }).description).toBe("alphabetical asc, tags matching '^it''s-(.*)'");
  });
});

describe("PolicySpec, the shape parsePolicy reads", () => {
  it("types each ordering with its filterTags, as Flux's ImagePolicy spells them", () => {
    const specs = [
      { semver: { range: "^1.0.0" } },
      { alphabetical: { order: "desc" }, filterTags: { pattern: "^main-(?P<ts>[0-9]+)$", extract: "$ts" } },
      { numerical: null, filterTags: { pattern: "^[0-9]+$" } },
    ] satisfies PolicySpec[];
    expect(specs.map((spec) => parsePolicy(spec).latest(["1.2.0", "main-20", "main-3", "17"]))).toEqual(["1.2.0", "main-20", "17"]);
    // @ts-expect-error a semver policy needs its range
    expect(() => parsePolicy({ semver: {} } satisfies PolicySpec)).toThrow("semver: range is required");
  });
});

describe("parsePolicy errors", () => {
  it.each([
    [null, "policy: must be a mapping with semver, alphabetical, numerical, filterTags, not null"],
    [{}, "policy: needs one of semver, alphabetical, numerical"],
    [{ semver: { range: "^1" }, numerical: {} }, "policy: numerical: only one of semver, alphabetical, numerical may be set (semver and numerical are)"],
    [{ semver: {} }, "policy: semver: range is required"],
    [{ semver: { range: 1 } }, 'policy: semver.range: must be a string, not a number (1) (quote it: "1")'],
    [{ semver: { range: "^1", from: "x" } }, "policy: semver.from: unknown key (expected range)"],
    [{ alphabetical: { order: "up" } }, 'policy: alphabetical.order: must be asc or desc, not "up"'],
    [{ numerical: "asc" }, 'policy: numerical: must be a mapping with order, not a string ("asc")'],
    [{ semver: { range: "^1" }, latest: true }, "policy: latest: unknown key (expected semver, alphabetical, numerical, filterTags)"],
    [{ alphabetical: {}, filterTags: { pattern: "(?P<x>" } }, 'policy: filterTags.pattern: invalid regular expression "(?P<x>": missing closing )'],
    [{ alphabetical: {}, filterTags: { regex: "x" } }, "policy: filterTags.regex: unknown key (expected pattern, extract)"],
  ])("%j: %s", (spec, message) => {
    expect(() => parsePolicy(spec)).toThrow(message);
  });

  it("lists every problem at once, prefixed with where the policy is", () => {
    const error = (() => {
      try {
        parsePolicy({ semver: { range: "1x" }, filterTags: { pattern: "[" }, extra: 1 }, "ImagePolicy flux-system/app");
      } catch (e) {
        return e as PolicyError;
      }
    })();
    expect(error?.issues.map((i) => i.path.join("."))).toEqual(["extra", "semver.range", "filterTags.pattern"]);
    expect(error?.message.split("\n")).toEqual([
      "ImagePolicy flux-system/app: extra: unknown key (expected semver, alphabetical, numerical, filterTags)",
      'ImagePolicy flux-system/app: semver.range: invalid range "1x"',
      'ImagePolicy flux-system/app: filterTags.pattern: invalid regular expression "[": missing closing ] "["',
    ]);
  });

  it("refuses filterTags given both next to the policy and separately", () => {
    expect(() => parsePolicy({ alphabetical: {}, filterTags: {} }, undefined, {})).toThrow("policy: filterTags: is given twice");
  });
});
