import { type Diagnostic } from "../change.js";
import type { Policy } from "../image/policy.js";
/**
 * The `config` that reads no configuration (`--config none`, the Action's `config: none`): a run
 * that means to go without one where one sits unread (a `gitops-promote.yaml` at the root). A
 * file so named is read as `./none`.
 */
export declare const NO_CONFIG = "none";
/** What a configuration file that is not UTF-8 is told: nothing of it is read, and a run without it would edit as if unconfigured. */
export declare const CONFIG_NOT_UTF8 = "not UTF-8 text, so none of it can be read; save the configuration as UTF-8";
/** The choices of `delivery.mode`, `merge` and `merge-method`, here and in the Action's inputs. */
export declare const DELIVERY_MODES: readonly ["push", "pull-request", "none"];
export declare const MERGE_MODES: readonly ["none", "auto", "immediate"];
export declare const MERGE_METHODS: readonly ["merge", "squash", "rebase"];
export type DeliveryMode = (typeof DELIVERY_MODES)[number];
/** When a delivery's pull request is merged: never, once GitHub's requirements are met, or now. */
export type MergeMode = (typeof MERGE_MODES)[number];
export type MergeMethod = (typeof MERGE_METHODS)[number];
/** How a target's changes land; absent fields fall back to the Action's inputs. */
export interface Delivery {
    readonly mode?: DeliveryMode;
    readonly merge?: MergeMode;
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
    /** Globs relative to the repository root (picomatch syntax); a directory stands for everything under it. */
    readonly paths: readonly string[];
    /** Line of each of `paths` in the configuration, for messages about it; empty for a configuration that is no text. */
    readonly pathLines: readonly number[];
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
/** The choices of an override's `part`, named after Flux's marker suffixes: `tag` writes what a `:tag` marker does. */
declare const OVERRIDE_PARTS: readonly ["tag"];
export type OverridePart = (typeof OVERRIDE_PARTS)[number];
/** An override: the field `spec` names in `file` (a KCL override path in a `.k` file, a dotted path in YAML), set from an incoming image. */
export interface OverrideConfig {
    readonly file: string;
    readonly spec: string;
    /** The image name as written, used in the value written. */
    readonly image: string;
    readonly repository: string;
    /** What the field holds of the image: only its tag (`repository` + `tag` fields); absent, the whole reference. */
    readonly part?: OverridePart;
    /** Line of its `file:` in the configuration, for messages about the override; none for a configuration that is no text. */
    readonly line?: number;
    /** Line of its `spec:`, for messages about the path. */
    readonly specLine?: number;
    /** Its place in the configuration's `overrides` list, entries refused counted, for messages (`overrides[2].file`). */
    readonly index: number;
}
export interface Config {
    readonly targets: readonly Target[];
    readonly setters: ReadonlyMap<string, SetterConfig>;
    readonly overrides: readonly OverrideConfig[];
}
export declare class ConfigError extends Error {
    readonly issues: readonly Diagnostic[];
    readonly config?: Config | undefined;
    /**
     * `issues`: on their file and line, each message `<path>: <what is wrong>`, in file order; the
     * error's message lists them, each after its file and line (`line 3: ` when the text has no file name).
     * `config`: what could be read, the entries in error left out, for checks of the tree (an
     * override's file) to report with these rather than in a second round once they are fixed.
     */
    constructor(issues: readonly Diagnostic[], config?: Config | undefined);
}
/** Target names become branch names (`gitops-promote/<target>`): a safe subset of git ref names. The payload's `targets` are held to it too. */
export declare const TARGET_NAME: RegExp;
/** TARGET_NAME in words, for messages. */
export declare const TARGET_NAME_RULE = "must start with a letter or digit and hold only letters, digits, '.', '_' and '-'";
/**
 * Parse and validate the configuration: its YAML text, or the object that text would parse to
 * (`{ targets: [{ name, paths, images }] }`, keys as the file spells them), checked alike, its
 * issues then on no line. `file` names where it is in each issue. Throws ConfigError listing every problem.
 */
export declare function parseConfig(source: string | object, file?: string): Config;
export {};
