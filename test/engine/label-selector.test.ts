import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { formatLabelSelector, LabelSelectorError, parseLabelSelector, selects } from "../../src/engine/label-selector.js";

/** The selector written as in a manifest (flow YAML), applied to labels. */
function selected(selector: string, labels: Record<string, string>): boolean {
  return selects(parseLabelSelector(parse(selector)), labels);
}

describe("selects, as metav1.LabelSelectorAsSelector does", () => {
  const none = {};
  const prod = { env: "prod" };
  const prodWeb = { env: "prod", tier: "web" };
  const staging = { env: "staging" };

  it.each([
    // No selector, or an empty one, selects everything (Flux's default: every policy of the namespace).
    ["null", none, true],
    ["{}", none, true],
    ["{matchLabels: {}, matchExpressions: []}", prod, true],
    // matchLabels: each key must hold that value.
    ["{matchLabels: {env: prod}}", prod, true],
    ["{matchLabels: {env: prod}}", staging, false],
    ["{matchLabels: {env: prod}}", none, false],
    ["{matchLabels: {env: prod, tier: web}}", prod, false],
    ["{matchLabels: {env: prod, tier: web}}", prodWeb, true],
    // In: the label is present with one of the values.
    ["{matchExpressions: [{key: env, operator: In, values: [prod, staging]}]}", staging, true],
    ["{matchExpressions: [{key: env, operator: In, values: [prod]}]}", staging, false],
    ["{matchExpressions: [{key: env, operator: In, values: [prod]}]}", none, false],
    // NotIn: an object without the key is selected.
    ["{matchExpressions: [{key: env, operator: NotIn, values: [prod]}]}", staging, true],
    ["{matchExpressions: [{key: env, operator: NotIn, values: [prod]}]}", prod, false],
    ["{matchExpressions: [{key: env, operator: NotIn, values: [prod]}]}", none, true],
    // Exists / DoesNotExist: whatever the value.
    ["{matchExpressions: [{key: tier, operator: Exists}]}", prodWeb, true],
    ["{matchExpressions: [{key: tier, operator: Exists}]}", prod, false],
    ["{matchExpressions: [{key: tier, operator: DoesNotExist}]}", prod, true],
    ["{matchExpressions: [{key: tier, operator: DoesNotExist, values: []}]}", prodWeb, false],
    // matchLabels and matchExpressions: all of them hold.
    ["{matchLabels: {env: prod}, matchExpressions: [{key: tier, operator: In, values: [web]}]}", prodWeb, true],
    ["{matchLabels: {env: prod}, matchExpressions: [{key: tier, operator: In, values: [web]}]}", prod, false],
    ["{matchLabels: {env: prod}, matchExpressions: [{key: env, operator: NotIn, values: [prod]}]}", prod, false],
    // A prefixed key is one key.
    ["{matchLabels: {app.kubernetes.io/instance: web}}", { "app.kubernetes.io/instance": "web" }, true],
  ])("%s with labels %j: %s", (selector, labels, expected) => {
    expect(selected(selector, labels)).toBe(expected);
  });

  it("takes no inherited property for a label", () => {
    expect(selected("{matchExpressions: [{key: constructor, operator: Exists}]}", {})).toBe(false);
  });
});

describe("parseLabelSelector refuses what Kubernetes refuses, saying where", () => {
  it.each([
    [
      "{matchExpressions: [{key: env, operator: Equals, values: [prod]}]}",
      ["matchExpressions", 0, "operator"],
      /"Equals" is not a valid operator: In, NotIn, Exists or DoesNotExist/,
    ],
    ["{matchExpressions: [{key: env, values: [prod]}]}", ["matchExpressions", 0, "operator"], /null is not a valid operator/],
    ["{matchExpressions: [{key: env, operator: In}]}", ["matchExpressions", 0, "values"], /In needs at least one value/],
    ["{matchExpressions: [{key: env, operator: NotIn, values: []}]}", ["matchExpressions", 0, "values"], /NotIn needs at least one value/],
    ["{matchExpressions: [{key: env, operator: Exists, values: [prod]}]}", ["matchExpressions", 0, "values"], /Exists takes no values/],
    ["{matchExpressions: [{operator: Exists}]}", ["matchExpressions", 0, "key"], /a label key must be a string/],
    ["{matchExpressions: [{key: 'bad key', operator: Exists}]}", ["matchExpressions", 0, "key"], /"bad key" is not a valid label key/],
    ["{matchLabels: {env: 'not ok'}}", ["matchLabels", "env"], /"not ok" is not a valid label value/],
    ["{matchLabels: {replicas: 3}}", ["matchLabels", "replicas"], /3 is not a valid label value: a label value must be a string/],
    ["{matchLabels: [env]}", ["matchLabels"], /must be a mapping/],
    ["{matchExpressions: {key: env}}", ["matchExpressions"], /must be a list/],
    ["env=prod", [], /must be a mapping/],
  ])("%s", (selector, path, message) => {
    let thrown: unknown;
    try {
      parseLabelSelector(parse(selector));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(LabelSelectorError);
    expect((thrown as LabelSelectorError).path).toEqual(path);
    expect((thrown as LabelSelectorError).message).toMatch(message);
  });
});

describe("formatLabelSelector", () => {
  it("writes a selector as kubectl does, for a warning to name it", () => {
    const selector = parseLabelSelector(
      parse(
        "{matchLabels: {env: prod}, matchExpressions: [{key: tier, operator: In, values: [a, b]}, {key: zone, operator: NotIn, values: [x]}, {key: team, operator: Exists}, {key: legacy, operator: DoesNotExist}]}",
      ),
    );
    expect(formatLabelSelector(selector)).toBe("env=prod,tier in (a,b),zone notin (x),team,!legacy");
  });
});
