/**
 * A Kubernetes LabelSelector (`matchLabels` and `matchExpressions`), read and applied as
 * metav1.LabelSelectorAsSelector does: every requirement must hold (matchLabels and
 * matchExpressions alike); `In` and `NotIn` need values, `Exists` and `DoesNotExist` take none;
 * `NotIn` and `DoesNotExist` hold for an object without the key. An empty selector (`{}`) selects
 * everything. What it refuses, Kubernetes refuses too: an unknown operator, a key that is no
 * qualified name, a value that is no label value. Pure.
 */
import { isRecord } from "../json-value.js";

const OPERATORS = ["In", "NotIn", "Exists", "DoesNotExist"] as const;
export type LabelOperator = (typeof OPERATORS)[number];

/** One requirement on one label; matchLabels' `key: value` is `In` with that value alone. */
export interface LabelRequirement {
  readonly key: string;
  readonly operator: LabelOperator;
  readonly values: readonly string[];
}

/** Requirements that all must hold; none selects everything. */
export type LabelSelector = readonly LabelRequirement[];

/** Why a selector is refused, at `path` below it (`["matchExpressions", 0, "operator"]`). */
export class LabelSelectorError extends Error {
  constructor(
    readonly path: readonly (string | number)[],
    message: string,
  ) {
    super(message);
    this.name = "LabelSelectorError";
  }
}

// Kubernetes' validation.IsQualifiedName and IsValidLabelValue.
const NAME = "(?:[A-Za-z0-9](?:[-A-Za-z0-9_.]*[A-Za-z0-9])?)";
const DNS_SUBDOMAIN = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_VALUE = new RegExp(`^${NAME}?$`);

function keyProblem(key: string): string | undefined {
  const slash = key.lastIndexOf("/");
  const [prefix, name] = slash < 0 ? [undefined, key] : [key.slice(0, slash), key.slice(slash + 1)];
  if (prefix !== undefined && (prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix)))
    return "its prefix is no DNS subdomain (lower-case letters, digits, '-' and '.')";
  if (name.length === 0 || name.length > 63 || !new RegExp(`^${NAME}$`).test(name)) {
    return "a label key is at most 63 letters, digits, '-', '_' or '.', beginning and ending with a letter or digit (after an optional prefix and '/')";
  }
  return undefined;
}

function valueProblem(value: unknown): string | undefined {
  if (typeof value !== "string") return "a label value must be a string";
  if (value.length > 63 || !LABEL_VALUE.test(value))
    return "a label value is at most 63 letters, digits, '-', '_' or '.', beginning and ending with a letter or digit";
  return undefined;
}

/** `policySelector` (or any LabelSelector) as written; null or absent is `{}`. Throws LabelSelectorError. */
export function parseLabelSelector(value: unknown): LabelSelector {
  if (value === null || value === undefined) return [];
  if (!isRecord(value)) throw new LabelSelectorError([], "must be a mapping of matchLabels and matchExpressions");
  const requirements: LabelRequirement[] = [];
  const key = (at: readonly (string | number)[], given: unknown): string => {
    if (typeof given !== "string") throw new LabelSelectorError(at, "a label key must be a string");
    const problem = keyProblem(given);
    if (problem !== undefined) throw new LabelSelectorError(at, `${JSON.stringify(given)} is not a valid label key: ${problem}`);
    return given;
  };
  const labelValue = (at: readonly (string | number)[], given: unknown): string => {
    const problem = valueProblem(given);
    if (problem !== undefined) throw new LabelSelectorError(at, `${JSON.stringify(given)} is not a valid label value: ${problem}`);
    return given as string;
  };
  const { matchLabels, matchExpressions } = value;
  if (matchLabels !== undefined && matchLabels !== null) {
    if (!isRecord(matchLabels)) throw new LabelSelectorError(["matchLabels"], "must be a mapping of label keys to values");
    for (const [name, wanted] of Object.entries(matchLabels)) {
      requirements.push({ key: key(["matchLabels", name], name), operator: "In", values: [labelValue(["matchLabels", name], wanted)] });
    }
  }
  if (matchExpressions !== undefined && matchExpressions !== null) {
    if (!Array.isArray(matchExpressions)) throw new LabelSelectorError(["matchExpressions"], "must be a list of {key, operator, values}");
    for (const [i, expression] of matchExpressions.entries()) {
      const at = ["matchExpressions", i];
      if (!isRecord(expression)) throw new LabelSelectorError(at, "must be a mapping of key, operator and values");
      const { operator, values = [] } = expression;
      if (!OPERATORS.includes(operator as LabelOperator)) {
        throw new LabelSelectorError([...at, "operator"], `${JSON.stringify(operator ?? null)} is not a valid operator: In, NotIn, Exists or DoesNotExist`);
      }
      if (!Array.isArray(values)) throw new LabelSelectorError([...at, "values"], "must be a list of label values");
      const needsValues = operator === "In" || operator === "NotIn";
      if (needsValues && values.length === 0) throw new LabelSelectorError([...at, "values"], `${String(operator)} needs at least one value`);
      if (!needsValues && values.length > 0) throw new LabelSelectorError([...at, "values"], `${String(operator)} takes no values`);
      requirements.push({
        key: key([...at, "key"], expression.key),
        operator: operator as LabelOperator,
        values: values.map((v: unknown, j) => labelValue([...at, "values", j], v)),
      });
    }
  }
  return requirements;
}

/** Whether an object with `labels` (its metadata.labels) is selected. */
export function selects(selector: LabelSelector, labels: Readonly<Record<string, string>>): boolean {
  return selector.every(({ key, operator, values }) => {
    const has = Object.hasOwn(labels, key);
    switch (operator) {
      case "In":
        return has && values.includes(labels[key]!);
      case "NotIn":
        return !has || !values.includes(labels[key]!);
      case "Exists":
        return has;
      case "DoesNotExist":
        return !has;
    }
  });
}

/** The selector as kubectl writes one (`env=prod,tier in (a,b),!legacy`); "" for everything. */
export function formatLabelSelector(selector: LabelSelector): string {
  return selector
    .map(({ key, operator, values }) => {
      switch (operator) {
        case "In":
          return values.length === 1 ? `${key}=${values[0]}` : `${key} in (${values.join(",")})`;
        case "NotIn":
          return `${key} notin (${values.join(",")})`;
        case "Exists":
          return key;
        case "DoesNotExist":
          return `!${key}`;
      }
    })
    .join(",");
}
