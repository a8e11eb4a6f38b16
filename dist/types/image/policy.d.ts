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
export type PolicySpec = ({
    readonly semver: {
        readonly range: string;
    };
} | {
    readonly alphabetical: {
        readonly order?: "asc" | "desc";
    } | null;
} | {
    readonly numerical: {
        readonly order?: "asc" | "desc";
    } | null;
}) & {
    readonly filterTags?: {
        readonly pattern?: string;
        readonly extract?: string;
    };
};
/** One thing wrong in a policy spec; `path` is relative to the spec (`["semver", "range"]`). */
export interface PolicyIssue {
    readonly path: readonly string[];
    readonly message: string;
}
export declare class PolicyError extends Error {
    readonly issues: readonly PolicyIssue[];
    readonly where: string;
    constructor(issues: readonly PolicyIssue[], where?: string);
}
/** Code point order (= UTF-8 byte order, Go's string order); never locale order. */
export declare function compareBytes(a: string, b: string): number;
/**
 * Go's `strconv.ParseFloat(s, 64)` for what image tags can hold: decimal with optional
 * fraction and exponent, `inf`/`infinity`; out of range (`1e400`) is an error, as in Go.
 * `Number()` would also take "", " 1", "0x10" and "1_0". Go's hexadecimal floats (`0x1p4`)
 * and NaN are not taken: no tag scheme uses them, and NaN has no order.
 */
export declare function parseGoFloat(text: string): number | undefined;
/**
 * A policy from a spec shaped like Flux's ImagePolicy `spec.policy` (PolicySpec), with its
 * `filterTags` either next to it (our configuration) or passed separately (a Flux ImagePolicy
 * keeps it in `spec.filterTags`). The spec is checked whole at run time, as one read from YAML
 * must be, so it is taken as `unknown`; typed code can say `satisfies PolicySpec`. Throws a
 * PolicyError listing everything wrong; `where` starts each message.
 */
export declare function parsePolicy(spec: unknown, where?: string, filterTags?: unknown): Policy;
