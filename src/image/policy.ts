/**
 * Image policies with Flux ImagePolicy semantics (semver, alphabetical, numerical,
 * filterTags). The contract the rest of the engine relies on is the `Policy` interface.
 */
import { compareFluxVersions, parseFluxRange, parseFluxVersion, SemverRangeError } from "./flux-semver.js";
import type { FluxVersion } from "./flux-semver.js";
import { compileGoRegexp, expandTemplate, GoRegexpError } from "./go-regexp.js";
import type { GoRegexp } from "./go-regexp.js";
import { isRecord } from "../json-value.js";

/** Decides which tag is the latest among candidates; tags it does not accept are ignored. */
export interface Policy {
  /** The latest accepted tag as written (e.g. with its `v`), or undefined when none is accepted. */
  latest(tags: readonly string[]): string | undefined;
  /** A short human description, e.g. `semver ^1.0.0`. */
  readonly description: string;
  /**
   * How the policy's order alone ranks two tags, whether or not it accepts them (a semver range
   * does not hold 2.0.0): above 0 when `a` ranks above `b`, undefined when the order cannot read
   * one of them (a tag filterTags does not match, a word under semver).
   */
  compare?(a: string, b: string): number | undefined;
}

/**
 * What parsePolicy reads, as Flux's ImagePolicy `spec.policy` spells it: exactly one ordering, and
 * an optional `filterTags` beside it (Flux keeps it in `spec.filterTags`). `pattern` is an RE2
 * expression matched unanchored (none: every tag); `extract` a template of its groups (`$ts`)
 * that gives the value ranked in place of the tag. An `order` is case-insensitive; `asc` by default.
 */
export type PolicySpec = (
  | { readonly semver: { readonly range: string } }
  | { readonly alphabetical: { readonly order?: "asc" | "desc" } | null }
  | { readonly numerical: { readonly order?: "asc" | "desc" } | null }
) & { readonly filterTags?: { readonly pattern?: string; readonly extract?: string } };

/** One thing wrong in a policy spec; `path` is relative to the spec (`["semver", "range"]`). */
export interface PolicyIssue {
  readonly path: readonly string[];
  readonly message: string;
}

export class PolicyError extends Error {
  constructor(
    readonly issues: readonly PolicyIssue[],
    readonly where = "policy",
  ) {
    super(issues.map((issue) => `${where}: ${issue.path.length > 0 ? `${issue.path.join(".")}: ` : ""}${issue.message}`).join("\n"));
    this.name = "PolicyError";
  }
}

/** Picks the latest of candidate values (after filterTags extraction), and ranks two of them by its order alone. */
interface Ranking {
  pick(values: readonly string[]): string | undefined;
  compare(a: string, b: string): number | undefined;
  readonly description: string;
}

const KINDS = ["semver", "alphabetical", "numerical"] as const;
type Kind = (typeof KINDS)[number];
type Order = "asc" | "desc";

function quote(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  return typeof value === "object" ? "a mapping" : `a ${typeof value} (${quote(value)})`;
}

/** Collects issues while reading one spec. */
class Reader {
  readonly issues: PolicyIssue[] = [];

  issue(path: readonly string[], message: string): void {
    this.issues.push({ path, message });
  }

  /** A mapping with only `allowed` keys (null reads as empty when `nullIsEmpty`), or undefined after an issue. */
  mapping(value: unknown, path: readonly string[], allowed: readonly string[], nullIsEmpty = false): Record<string, unknown> | undefined {
    if (value === null && nullIsEmpty) return {};
    if (!isRecord(value)) {
      this.issue(path, `must be a mapping${allowed.length > 0 ? ` with ${allowed.join(", ")}` : ""}, not ${typeName(value)}`);
      return undefined;
    }
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) this.issue([...path, key], `unknown key (expected ${allowed.join(", ")})`);
    }
    return value;
  }

  /** An optional string field; undefined when absent or after an issue. */
  string(record: Record<string, unknown>, key: string, path: readonly string[]): string | undefined {
    const value = record[key];
    if (value === undefined || typeof value === "string") return value;
    this.issue([...path, key], `must be a string, not ${typeName(value)}${typeof value === "number" ? ` (quote it: "${String(value)}")` : ""}`);
    return undefined;
  }

  /** `order` as Flux reads it: upper-cased, empty means ascending. */
  order(record: Record<string, unknown>, path: readonly string[]): Order {
    const order = this.string(record, "order", path) ?? "";
    switch (order.toUpperCase()) {
      case "":
      case "ASC":
        return "asc";
      case "DESC":
        return "desc";
    }
    this.issue([...path, "order"], `must be asc or desc, not ${quote(order)}`);
    return "asc";
  }
}

/** Code point order (= UTF-8 byte order, Go's string order); never locale order. */
export function compareBytes(a: string, b: string): number {
  const x = Array.from(a, (ch) => ch.codePointAt(0)!);
  const y = Array.from(b, (ch) => ch.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
  }
  return x.length - y.length;
}

/**
 * Go's `strconv.ParseFloat(s, 64)` for what image tags can hold: decimal with optional
 * fraction and exponent, `inf`/`infinity`; out of range (`1e400`) is an error, as in Go.
 * `Number()` would also take "", " 1", "0x10" and "1_0". Go's hexadecimal floats (`0x1p4`)
 * and NaN are not taken: no tag scheme uses them, and NaN has no order.
 */
export function parseGoFloat(text: string): number | undefined {
  if (/^[+-]?inf(inity)?$/i.test(text)) return text.startsWith("-") ? -Infinity : Infinity;
  if (!/^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

function semverRanking(r: Reader, spec: unknown): Ranking | undefined {
  const record = r.mapping(spec, ["semver"], ["range"]);
  if (!record) return undefined;
  if (record.range === undefined) {
    r.issue(["semver"], "range is required");
    return undefined;
  }
  const range = r.string(record, "range", ["semver"]);
  if (range === undefined) return undefined;
  try {
    const constraint = parseFluxRange(range);
    return {
      description: `semver ${range}`,
      pick(values) {
        // Flux: the highest accepted version wins; an equal one later does not replace it.
        let best: FluxVersion | undefined;
        for (const value of values) {
          const version = parseFluxVersion(value);
          if (version && constraint.satisfiedBy(version) && (!best || compareFluxVersions(version, best) > 0)) best = version;
        }
        return best?.original;
      },
      compare(a, b) {
        const [x, y] = [parseFluxVersion(a), parseFluxVersion(b)];
        return x === undefined || y === undefined ? undefined : compareFluxVersions(x, y);
      },
    };
  } catch (error) {
    if (!(error instanceof SemverRangeError)) throw error;
    r.issue(["semver", "range"], error.message);
    return undefined;
  }
}

// `alphabetical:` with nothing after it (null) reads as the defaults: in YAML that is what a user means.
function alphabeticalRanking(r: Reader, spec: unknown): Ranking | undefined {
  const record = r.mapping(spec, ["alphabetical"], ["order"], true);
  if (!record) return undefined;
  const order = r.order(record, ["alphabetical"]);
  const sign = order === "asc" ? 1 : -1;
  return {
    description: `alphabetical ${order}`,
    // asc picks the greatest string, desc the smallest (Flux sorts and takes the first).
    pick: (values) =>
      values.reduce<string | undefined>((best, value) => (best === undefined || sign * compareBytes(value, best) > 0 ? value : best), undefined),
    compare: (a, b) => sign * compareBytes(a, b),
  };
}

function numericalRanking(r: Reader, spec: unknown): Ranking | undefined {
  const record = r.mapping(spec, ["numerical"], ["order"], true);
  if (!record) return undefined;
  const order = r.order(record, ["numerical"]);
  return {
    description: `numerical ${order}`,
    pick(values) {
      // Flux errors when any candidate is not a number; a Policy ignores what it does not
      // accept, so a numeric build can replace a non-numeric value. Equal values: the later wins.
      let best: { value: string; number: number } | undefined;
      for (const value of values) {
        const number = parseGoFloat(value);
        if (number === undefined) continue;
        if (!best || (order === "asc" ? !(number < best.number) : !(number > best.number))) best = { value, number };
      }
      return best?.value;
    },
    compare(a, b) {
      const [x, y] = [parseGoFloat(a), parseGoFloat(b)];
      return x === undefined || y === undefined ? undefined : Math.sign(order === "asc" ? x - y : y - x);
    },
  };
}

const RANKINGS: Readonly<Record<Kind, (r: Reader, spec: unknown) => Ranking | undefined>> = {
  semver: semverRanking,
  alphabetical: alphabeticalRanking,
  numerical: numericalRanking,
};

interface TagFilter {
  readonly pattern: GoRegexp;
  readonly extract: string;
}

function readFilter(r: Reader, spec: unknown): TagFilter | undefined {
  if (spec === undefined || spec === null) return undefined;
  const record = r.mapping(spec, ["filterTags"], ["pattern", "extract"]);
  if (!record) return undefined;
  const pattern = r.string(record, "pattern", ["filterTags"]) ?? "";
  const extract = r.string(record, "extract", ["filterTags"]) ?? "";
  try {
    return { pattern: compileGoRegexp(pattern), extract };
  } catch (error) {
    if (!(error instanceof GoRegexpError)) throw error;
    r.issue(["filterTags", "pattern"], error.message);
    return undefined;
  }
}

/**
 * Flux's RegexFilter: keep the tags the pattern matches (unanchored), each as its
 * `extract` expansion when one is given; extracted values map back to their tag (when two
 * tags extract to the same value, the later tag wins).
 */
function candidates(filter: TagFilter | undefined, tags: readonly string[]): Map<string, string> {
  const byValue = new Map<string, string>();
  for (const tag of tags) {
    if (!filter) {
      byValue.set(tag, tag);
      continue;
    }
    const match = filter.pattern.exec(tag);
    if (match) byValue.set(filter.extract !== "" ? expandTemplate(filter.pattern, filter.extract, match) : tag, tag);
  }
  return byValue;
}

/** A pattern or template as YAML single-quotes it: as written in the configuration (no escapes but `''`), so it can be copied back. */
function asWritten(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

function describeFilter(filter: TagFilter | undefined): string {
  if (!filter) return "";
  return `, tags matching ${asWritten(filter.pattern.source)}${filter.extract !== "" ? ` (extract ${asWritten(filter.extract)})` : ""}`;
}

/**
 * A policy from a spec shaped like Flux's ImagePolicy `spec.policy` (PolicySpec), with its
 * `filterTags` either next to it (our configuration) or passed separately (a Flux ImagePolicy
 * keeps it in `spec.filterTags`). The spec is checked whole at run time, as one read from YAML
 * must be, so it is taken as `unknown`; typed code can say `satisfies PolicySpec`. Throws a
 * PolicyError listing everything wrong; `where` starts each message.
 */
export function parsePolicy(spec: unknown, where?: string, filterTags?: unknown): Policy {
  const r = new Reader();
  let ranking: Ranking | undefined;
  let filter: TagFilter | undefined;
  const record = r.mapping(spec, [], [...KINDS, "filterTags"]);
  if (record) {
    const kinds = KINDS.filter((kind) => record[kind] !== undefined);
    if (kinds.length === 0) r.issue([], `needs one of ${KINDS.join(", ")}`);
    // Flux would silently take the first; two kinds are a mistake worth saying.
    else if (kinds.length > 1) r.issue([kinds[1]!], `only one of ${KINDS.join(", ")} may be set (${kinds.join(" and ")} are)`);
    const rankings = kinds.map((kind) => RANKINGS[kind](r, record[kind]));
    if (rankings.length === 1) ranking = rankings[0];
    if (record.filterTags !== undefined && filterTags !== undefined) r.issue(["filterTags"], "is given twice");
    filter = readFilter(r, record.filterTags ?? filterTags);
  }
  if (r.issues.length > 0 || !ranking) throw new PolicyError(r.issues, where);
  const rank = ranking;
  return {
    description: rank.description + describeFilter(filter),
    latest(tags) {
      const byValue = candidates(filter, tags);
      const best = rank.pick([...byValue.keys()]);
      return best === undefined ? undefined : byValue.get(best);
    },
    compare(a, b) {
      const [x, y] = [valueOf(filter, a), valueOf(filter, b)];
      return x === undefined || y === undefined ? undefined : rank.compare(x, y);
    },
  };
}

/** The value a policy ranks a tag by: the tag, or what filterTags extracts from it; undefined when filterTags does not match it. */
function valueOf(filter: TagFilter | undefined, tag: string): string | undefined {
  return candidates(filter, [tag]).keys().next().value;
}
