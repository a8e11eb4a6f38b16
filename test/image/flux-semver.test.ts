import fc from "fast-check";
import semver from "semver";
import { describe, expect, it } from "vitest";
import { compareFluxVersions, parseFluxRange, parseFluxVersion, SemverRangeError } from "../../src/image/flux-semver.js";

function satisfies(range: string, tag: string): boolean {
  const version = parseFluxVersion(tag);
  if (!version) throw new Error(`${tag} is not a version`);
  return parseFluxRange(range).satisfiedBy(version);
}

describe("parseFluxVersion (fluxcd/pkg version.ParseVersion)", () => {
  it.each(["v1.2.3", "v2025.07.03", "v1.2.0-x.Y.0+metadata", "v1.2.3-rc1-with-hypen", "1.0.0", "0.0.0-0", "18446744073709551615.0.0"])("accepts %j", (tag) => {
    expect(parseFluxVersion(tag)?.original).toBe(tag);
  });

  it.each([
    "v1.0",
    "v1",
    "v1.2.beta",
    "v1.2-5",
    "v1.2-beta5",
    "\nv1.2",
    "v1.2.3.4",
    "1.0.0p",
    "b1.2.3",
    "V1.2.3",
    "1.0.0-rc.01",
    "1.0.0-",
    "1.0.0+",
    "18446744073709551616.0.0",
  ])("refuses %j", (tag) => {
    expect(parseFluxVersion(tag)).toBeUndefined();
  });

  it("keeps leading zeros and the v prefix as written but compares by value", () => {
    const calver = parseFluxVersion("v2025.07.03")!;
    expect(calver).toMatchObject({ major: 2025n, minor: 7n, patch: 3n, prerelease: "", original: "v2025.07.03" });
    expect(compareFluxVersions(calver, parseFluxVersion("2025.7.3")!)).toBe(0);
  });
});

describe("compareFluxVersions", () => {
  it("orders the semver.org precedence example", () => {
    const ordered = [
      "1.0.0-alpha",
      "1.0.0-alpha.1",
      "1.0.0-alpha.beta",
      "1.0.0-beta",
      "1.0.0-beta.2",
      "1.0.0-beta.11",
      "1.0.0-rc.1",
      "1.0.0",
      "1.0.1",
      "1.10.0",
      "2.0.0",
    ];
    const shuffled = [...ordered].reverse();
    const sorted = shuffled.map((t) => parseFluxVersion(t)!).sort(compareFluxVersions);
    expect(sorted.map((v) => v.original)).toEqual(ordered);
  });

  it("ignores build metadata", () => {
    expect(compareFluxVersions(parseFluxVersion("1.0.0+a")!, parseFluxVersion("1.0.0+b")!)).toBe(0);
  });

  it("compares numbers beyond 2^53 exactly", () => {
    expect(compareFluxVersions(parseFluxVersion("9007199254740993.0.0")!, parseFluxVersion("9007199254740992.0.0")!)).toBe(1);
  });
});

describe("parseFluxRange (Masterminds NewConstraint)", () => {
  it.each(["1.0.x", "^1.0", "=1.0.0", "~1.0", ">=1.0", ">0,<2.0", ">=1.0, <2.0", "!=1.0.0", "^1.x-0", "*", ">=x", "1.2 - 2.3.4", "^1 || ^2", ">= 1.0.0 < 2"])(
    "accepts %j",
    (range) => {
      expect(() => parseFluxRange(range)).not.toThrow();
    },
  );

  it.each(["1.0.0p", "1x", "x1", "-1", "a", "", "*-*", "1.0.0 ||", ">=1.0<2.0", "1.2.3.4", "v1.2.3 junk", "1|2"])("refuses %j", (range) => {
    expect(() => parseFluxRange(range)).toThrow(new SemverRangeError(range));
  });

  it.each([
    // Flux guide: prereleases through a prerelease comparator, of any version (Masterminds #267).
    [">=1.0.0-0", "2.3.0-rc.1", true],
    [">1.0.0-rc <2.0.0-rc", "1.5.0-rc.1", true],
    ["^1.x-0", "1.9.0-beta.1", true],
    ["^1.x-0", "2.0.0-rc.1", false],
    // Without one, no prerelease passes.
    [">=1.0.0", "2.3.0-rc.1", false],
    ["^1.0.0", "1.5.0-rc.1", false],
    ["*", "1.0.0-rc.1", false],
    // Comma and space both AND; || ORs.
    [">=1.0, <2.0", "1.9.9", true],
    [">=1.0, <2.0", "2.0.0", false],
    [">0,<2.0", "1.5.0", true],
    // `>0` is "greater than any 0.x": 0.0.1 is not.
    [">0,<2.0", "0.0.1", false],
    ["<1.0.0 || >=3.0.0", "3.1.0", true],
    ["<1.0.0 || >=3.0.0", "2.0.0", false],
    // Wildcards and partial versions.
    ["1.0.x", "1.0.7", true],
    ["1.0.x", "1.1.0", false],
    ["1.2", "1.2.9", true],
    [">1.2", "1.2.9", false],
    [">1.2", "1.3.0", true],
    ["<=1.2", "1.2.9", true],
    ["<=1.2", "1.3.0", false],
    [">11", "11.9.0", false],
    // != with and without wildcards.
    ["!=1.0.0", "1.0.0", false],
    ["!=1.0.0", "1.0.1", true],
    ["!=1.x", "1.5.0", false],
    ["!=1.x", "2.0.0", true],
    // Hyphen ranges.
    ["1.2 - 2.3", "2.3.9", true],
    ["1.2 - 2.3", "2.4.0", false],
    // Tilde and caret near zero.
    ["~1.2.3", "1.2.9", true],
    ["~1.2.3", "1.3.0", false],
    ["^0.2.3", "0.2.9", true],
    ["^0.2.3", "0.3.0", false],
    ["^0.0.3", "0.0.4", false],
    // Masterminds quirk: ~0.0.0 is ">= 0.0.0", where npm reads "<0.1.0".
    ["~0.0.0", "5.0.0", true],
    // v prefix and leading zeros in tags (CalVer).
    [">=2025.01.01", "v2025.07.03", true],
    ["<2025.07.03", "2025.7.2", true],
  ])("%j admits %j: %s", (range, tag, expected) => {
    expect(satisfies(range, tag)).toBe(expected);
  });

  it("agrees with npm semver on release versions and ranges without prereleases", () => {
    const part = fc.integer({ min: 0, max: 3 });
    const partial = fc.oneof(
      fc.tuple(part, part, part).map(([a, b, c]) => `${a}.${b}.${c}`),
      fc.tuple(part, part).map(([a, b]) => `${a}.${b}`),
      fc.tuple(part, part, fc.constantFrom("x", "*")).map(([a, b, x]) => `${a}.${b}.${x}`),
      fc.tuple(part, fc.constantFrom("x", "X")).map(([a, x]) => `${a}.${x}`),
      part.map(String),
    );
    const comparator = fc
      .tuple(fc.constantFrom("", "=", ">", "<", ">=", "<=", "~", "~>", "^"), partial)
      // ~0.0.0 is the one documented disagreement (see above).
      .filter(([op, v]) => !(op.startsWith("~") && v === "0.0.0"))
      .map(([op, v]) => op + v);
    const range = fc
      .array(fc.array(comparator, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 2 })
      .map((groups) => groups.map((g) => g.join(" ")).join(" || "));
    const version = fc.tuple(part, part, part).map(([a, b, c]) => `${a}.${b}.${c}`);
    fc.assert(
      fc.property(range, version, (r, v) => {
        expect(satisfies(r, v), `${r} vs ${v}`).toBe(semver.satisfies(v, r));
      }),
      { numRuns: 2000 },
    );
  });
});
