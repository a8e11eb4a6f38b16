/**
 * Semantic versions and ranges exactly as Flux's semver ImagePolicy reads them:
 * fluxcd/pkg `version.ParseVersion` over Masterminds/semver v3 (`NewVersion` with
 * CoerceNewVersion, `NewConstraint`, `Constraints.Check`).
 *
 * npm `semver` cannot stand in (reference/flux-image-automation.md §3.1): it rejects
 * leading zeros (`v2025.07.03`), comma-separated AND groups, `!=` and `^1.x-0`, reads `""`
 * as `*`, and admits prereleases only on the same major.minor.patch as a prerelease
 * comparator, where Masterminds admits prereleases of any version once one comparator of
 * the AND group carries a prerelease. Masterminds' grammar is regex-defined, so its regexes
 * are restated here (JS and Go agree on leftmost-first matching) with Go's ASCII `\s`.
 */

export interface FluxVersion {
  readonly major: bigint;
  readonly minor: bigint;
  readonly patch: bigint;
  /** Without the leading `-`; empty for a release. */
  readonly prerelease: string;
  /** The text as written (with its `v` and leading zeros): what a policy returns. */
  readonly original: string;
}

const UINT64_MAX = 2n ** 64n - 1n;
const LOOSE_VERSION = /^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

function segment(text: string | undefined): bigint | undefined {
  if (text === undefined) return 0n;
  const value = BigInt(text.replace(/^\./, ""));
  return value <= UINT64_MAX ? value : undefined;
}

/** Masterminds `NewVersion` (coercing): `v` prefix, leading zeros and 1–2 part versions allowed. */
function newVersion(text: string): FluxVersion | undefined {
  const m = LOOSE_VERSION.exec(text);
  if (!m) return undefined;
  const prerelease = m[4] ?? "";
  // A numeric prerelease identifier must not have a leading zero (`1.0.0-rc.01` is refused).
  if (prerelease.split(".").some((part) => /^0[0-9]+$/.test(part))) return undefined;
  const major = segment(m[1]);
  const minor = segment(m[2]);
  const patch = segment(m[3]);
  if (major === undefined || minor === undefined || patch === undefined) return undefined;
  return { major, minor, patch, prerelease, original: text };
}

/**
 * fluxcd/pkg `version.ParseVersion`: a tag is a version only with at least three
 * dot-separated parts (`v1.2` is not, though Masterminds alone would coerce it).
 */
export function parseFluxVersion(tag: string): FluxVersion | undefined {
  return tag.split(".").length >= 3 ? newVersion(tag) : undefined;
}

function compareNumbers(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const NUMERIC_IDENTIFIER = /^[0-9]+$/;

/** Masterminds `comparePrePart`: numbers below words, numbers by value, words by bytes, absent lowest. */
function compareIdentifier(a: string, b: string): number {
  if (a === b) return 0;
  if (a === "") return -1;
  if (b === "") return 1;
  const aNumber = NUMERIC_IDENTIFIER.test(a) && BigInt(a) <= UINT64_MAX;
  const bNumber = NUMERIC_IDENTIFIER.test(b) && BigInt(b) <= UINT64_MAX;
  if (aNumber && bNumber) return BigInt(a) > BigInt(b) ? 1 : -1;
  if (aNumber !== bNumber) return aNumber ? -1 : 1;
  return a > b ? 1 : -1;
}

function comparePrerelease(a: string, b: string): number {
  const as = a.split(".");
  const bs = b.split(".");
  for (let i = 0; i < Math.max(as.length, bs.length); i++) {
    const d = compareIdentifier(as[i] ?? "", bs[i] ?? "");
    if (d !== 0) return d;
  }
  return 0;
}

/** Precedence: major, minor, patch, then a release above its prereleases; build metadata is ignored. */
export function compareFluxVersions(a: FluxVersion, b: FluxVersion): number {
  const main = compareNumbers(a.major, b.major) || compareNumbers(a.minor, b.minor) || compareNumbers(a.patch, b.patch);
  if (main !== 0) return main;
  if (a.prerelease === b.prerelease) return 0;
  if (a.prerelease === "") return 1;
  if (b.prerelease === "") return -1;
  return comparePrerelease(a.prerelease, b.prerelease);
}

export class SemverRangeError extends Error {
  constructor(readonly range: string) {
    super(`invalid range ${JSON.stringify(range)}`);
    this.name = "SemverRangeError";
  }
}

type Operator = "" | "=" | "!=" | ">" | "<" | ">=" | "=>" | "<=" | "=<" | "~" | "~>" | "^";

interface Comparator {
  readonly op: Operator;
  readonly version: FluxVersion;
  /** `x`, `*` or a missing part somewhere (`1.x`, `1`, `*`). */
  readonly dirty: boolean;
  /** The minor part was a wildcard or missing (`1.x`, `1`). */
  readonly minorDirty: boolean;
  /** The patch part was a wildcard or missing (`1.2.x`, `1.2`). */
  readonly patchDirty: boolean;
}

const WS = "[\\t\\n\\f\\r ]";
const OPS = "=||!=|>|<|>=|=>|<=|=<|~|~>|\\^";
const CV = "v?([0-9|xX*]+)(\\.[0-9|xX*]+)?(\\.[0-9|xX*]+)?" + "(-([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?" + "(\\+([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?";
const CONSTRAINT = new RegExp(`^${WS}*(${OPS})${WS}*(${CV})${WS}*$`);
const HYPHEN_RANGE = new RegExp(`${WS}*(${CV})${WS}+-${WS}+(${CV})${WS}*`, "g");
const FIND_CONSTRAINT = new RegExp(`(${OPS})${WS}*(${CV})`, "g");
const VALID_GROUP = new RegExp(`^(${WS}*(${OPS})${WS}*(${CV})${WS}*)((?:${WS}+|,${WS}*)(${OPS})${WS}*(${CV})${WS}*)*$`);

function isWildcard(part: string | undefined): boolean {
  return part === "x" || part === "X" || part === "*";
}

/** Masterminds `parseConstraint`: wildcards and missing parts become zeros and mark the comparator dirty. */
function parseComparator(range: string, text: string): Comparator {
  const m = CONSTRAINT.exec(text);
  if (!m) throw new SemverRangeError(range);
  const op = m[1] as Operator;
  const [major, minor, patch, pre] = [m[3]!, m[4] ?? "", m[5] ?? "", m[6] ?? ""];
  let version = m[2]!;
  let dirty = false;
  let minorDirty = false;
  let patchDirty = false;
  if (isWildcard(major)) {
    version = `0.0.0${pre}`;
    dirty = true;
  } else if (minor === "" || isWildcard(minor.slice(1))) {
    version = `${major}.0.0${pre}`;
    dirty = minorDirty = true;
  } else if (patch === "" || isWildcard(patch.slice(1))) {
    version = `${major}${minor}.0${pre}`;
    dirty = patchDirty = true;
  }
  const parsed = newVersion(version);
  if (!parsed) throw new SemverRangeError(range);
  return { op, version: parsed, dirty, minorDirty, patchDirty };
}

/** Masterminds `rewriteRange`: `1.0 - 2.0` becomes `>= 1.0, <= 2.0`. */
function rewriteHyphenRanges(range: string): string {
  let out = range;
  for (const m of range.matchAll(HYPHEN_RANGE)) {
    const replacement = `>= ${m[1]}, <= ${m[11]}`;
    out = out.replace(m[0], () => replacement);
  }
  return out;
}

function isZero(v: FluxVersion): boolean {
  return v.major === 0n && v.minor === 0n && v.patch === 0n;
}

function tilde(v: FluxVersion, c: Comparator): boolean {
  if (compareFluxVersions(v, c.version) < 0) return false;
  if (isZero(c.version) && !c.minorDirty && !c.patchDirty) return true;
  if (v.major !== c.version.major) return false;
  return v.minor === c.version.minor || c.minorDirty;
}

function caret(v: FluxVersion, c: Comparator): boolean {
  const con = c.version;
  if (compareFluxVersions(v, con) < 0) return false;
  if (con.major > 0n || c.minorDirty) return v.major === con.major;
  if (v.major > 0n) return false;
  if (con.minor > 0n || c.patchDirty) return v.minor === con.minor;
  if (v.minor > 0n) return false;
  return v.patch === con.patch;
}

function notEqual(v: FluxVersion, c: Comparator): boolean {
  const con = c.version;
  if (c.dirty) {
    if (con.major !== v.major) return true;
    if (con.minor !== v.minor && !c.minorDirty) return true;
    if (c.minorDirty) return false;
    if (con.patch !== v.patch && !c.patchDirty) return true;
    if (c.patchDirty) return (v.prerelease !== "" || con.prerelease !== "") && comparePrerelease(v.prerelease, con.prerelease) !== 0;
  }
  return compareFluxVersions(v, con) !== 0;
}

function greaterThan(v: FluxVersion, c: Comparator): boolean {
  const con = c.version;
  if (!c.dirty) return compareFluxVersions(v, con) > 0;
  if (v.major !== con.major) return v.major > con.major;
  if (c.minorDirty) return false;
  if (c.patchDirty) return v.minor > con.minor;
  return compareFluxVersions(v, con) > 0;
}

function lessThanOrEqual(v: FluxVersion, c: Comparator): boolean {
  const con = c.version;
  if (!c.dirty) return compareFluxVersions(v, con) <= 0;
  if (v.major > con.major) return false;
  return !(v.major === con.major && v.minor > con.minor && !c.minorDirty);
}

function satisfies(v: FluxVersion, c: Comparator, includePrerelease: boolean): boolean {
  if (v.prerelease !== "" && !includePrerelease) return false;
  switch (c.op) {
    case "":
    case "=":
      return c.dirty ? tilde(v, c) : compareFluxVersions(v, c.version) === 0;
    case "!=":
      return notEqual(v, c);
    case ">":
      return greaterThan(v, c);
    case "<":
      return compareFluxVersions(v, c.version) < 0;
    case ">=":
    case "=>":
      return compareFluxVersions(v, c.version) >= 0;
    case "<=":
    case "=<":
      return lessThanOrEqual(v, c);
    case "~":
    case "~>":
      return tilde(v, c);
    case "^":
      return caret(v, c);
  }
}

/** A parsed range: OR groups (`||`) of AND-ed comparators (space or comma separated). */
export interface FluxRange {
  readonly range: string;
  satisfiedBy(v: FluxVersion): boolean;
}

/** Masterminds `NewConstraint`; throws SemverRangeError for what it refuses (`""`, `1x`, `*-*`, …). */
export function parseFluxRange(range: string): FluxRange {
  const groups = rewriteHyphenRanges(range)
    .split("||")
    .map((group) => {
      if (!VALID_GROUP.test(group)) throw new SemverRangeError(range);
      const comparators = Array.from(group.matchAll(FIND_CONSTRAINT), (m) => parseComparator(range, m[0]));
      // Masterminds #267: one prerelease comparator lets prereleases of any version through the group.
      return { comparators, includePrerelease: comparators.some((c) => c.version.prerelease !== "") };
    });
  return {
    range,
    satisfiedBy: (v) => groups.some((g) => g.comparators.every((c) => satisfies(v, c, g.includePrerelease))),
  };
}
