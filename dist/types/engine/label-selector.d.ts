declare const OPERATORS: readonly ["In", "NotIn", "Exists", "DoesNotExist"];
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
export declare class LabelSelectorError extends Error {
    readonly path: readonly (string | number)[];
    constructor(path: readonly (string | number)[], message: string);
}
/** `policySelector` (or any LabelSelector) as written; null or absent is `{}`. Throws LabelSelectorError. */
export declare function parseLabelSelector(value: unknown): LabelSelector;
/** Whether an object with `labels` (its metadata.labels) is selected. */
export declare function selects(selector: LabelSelector, labels: Readonly<Record<string, string>>): boolean;
/** The selector as kubectl writes one (`env=prod,tier in (a,b),!legacy`); "" for everything. */
export declare function formatLabelSelector(selector: LabelSelector): string;
export {};
