import type { Policy } from "../image/policy.js";
export type DeliveryMode = "push" | "pull-request" | "none";
export type MergeStrategy = "none" | "auto" | "immediate";
export type MergeMethod = "merge" | "squash" | "rebase";
/** How a target's changes land; absent fields fall back to the Action's inputs. */
export interface Delivery {
    readonly mode?: DeliveryMode;
    readonly merge?: MergeStrategy;
    readonly mergeMethod?: MergeMethod;
    /** Pull-request branch; default `gitops-promote/<target>`. */
    readonly branch?: string;
    readonly labels?: readonly string[];
    readonly reviewers?: readonly string[];
    readonly teamReviewers?: readonly string[];
    readonly assignees?: readonly string[];
    readonly draft?: boolean;
    readonly title?: string;
    /** Commit message template (DESIGN §4). */
    readonly commitMessage?: string;
}
/** One image a target allows. */
export interface TargetImage {
    /** Canonical repository (`docker.io/library/nginx`). */
    readonly repository: string;
    /** As written in the configuration (`nginx`). */
    readonly name: string;
    readonly policy?: Policy;
}
export interface Target {
    readonly name: string;
    /** Globs relative to the repository root (picomatch syntax). */
    readonly paths: readonly string[];
    /** The allow-list: nothing else is edited in this target's paths. */
    readonly images: readonly TargetImage[];
    readonly delivery?: Delivery;
}
/** What a Flux marker key (`<ns>:<name>`) stands for. */
export interface SetterConfig {
    /** As written: what a `:name` marker and the plain marker write. */
    readonly name: string;
    readonly repository: string;
    readonly policy?: Policy;
}
/** A KCL override spec (`config.containers.app.image`) set from an incoming image. */
export interface OverrideConfig {
    readonly file: string;
    readonly spec: string;
    /** The image name as written, used in the value written. */
    readonly image: string;
    readonly repository: string;
    /** Line of its `file:` in the configuration, for messages about the file. */
    readonly line: number;
}
export interface Config {
    readonly targets: readonly Target[];
    readonly setters: ReadonlyMap<string, SetterConfig>;
    readonly overrides: readonly OverrideConfig[];
}
export declare class ConfigError extends Error {
    readonly issues: readonly string[];
    /** Each `<file>:<line>: <path>: <message>`, in file order. */
    constructor(issues: readonly string[]);
}
/** Parse and validate the configuration; throws ConfigError listing every problem. */
export declare function parseConfig(text: string, file: string): Config;
