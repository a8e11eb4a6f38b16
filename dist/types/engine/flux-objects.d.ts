import type { AsideWarning, Warning } from "../change.js";
import type { GoRegexp } from "../image/go-regexp.js";
import type { Policy } from "../image/policy.js";
import type { LabelSelector } from "./label-selector.js";
import type { BuiltNamespace } from "./kustomize-graph.js";
import type { TextFile } from "./source.js";
/** What one marker key stands for, from an ImagePolicy and its ImageRepository. */
export interface FluxSetter {
    /** The ImageRepository's `spec.image` as written: what `:name` markers and the plain marker write. */
    readonly name: string;
    /** Canonical repository, to match incoming images. */
    readonly repository: string;
    readonly policy: Policy;
    /** The ImageRepository's `spec.exclusionList` (Go regexes, unanchored): matching tags are refused. */
    readonly exclusionList: readonly GoRegexp[];
    /** Where each exclusionList pattern is written (its entry; the ImageRepository for Flux's default): what a warning that it excludes a tag points at. */
    readonly exclusionSites: readonly SourceLine[];
    /** Where the ImagePolicy is. */
    readonly file: string;
    readonly line: number;
    /** The kustomization (or Flux Kustomization) whose build puts the ImagePolicy in the namespace of its key, where one does. */
    readonly namespacedBy?: string;
    /** The ImagePolicy's labels in the cluster (its `metadata.labels`, under those its build adds), where it has any: what an automation's spec.policySelector selects by. */
    readonly labels?: Readonly<Record<string, string>>;
    /** The kustomization each label its build adds comes from, by key. */
    readonly labelledBy?: Readonly<Record<string, string>>;
}
/** An ImageUpdateAutomation's `spec.policySelector`, where it narrows anything: `selector` undefined for one Kubernetes refuses, which selects nothing (Flux's controller fails on it). */
export interface PolicySelector {
    readonly selector: LabelSelector | undefined;
    /** `env=prod`, as kubectl writes it; "not valid" for a refused one. */
    readonly text: string;
    /** Where it is written, for a warning to point at. */
    readonly line: number;
}
/** An ImageUpdateAutomation: Flux sets the markers of its own namespace's policies its spec.policySelector selects, in files under its update path only. */
export interface FluxAutomation {
    /** `<namespace>/<name>`. */
    readonly id: string;
    readonly namespace: string;
    /** `spec.update.path` from the repository root, without `./` or a trailing `/`; "" for the root (Flux's default). */
    readonly path: string;
    /** The same directory as a path of the tree read (its files' paths are from the tree's root): "" for the whole tree, undefined for none of it. */
    readonly treePath: string | undefined;
    readonly file: string;
    readonly line: number;
    /** Said when the run changes a file under its path, for one not suspended (both would commit there). */
    readonly running?: AsideWarning;
    /** Which of its namespace's ImagePolicies it sets the markers of; absent for all of them (Flux's default, and `{}`'s). */
    readonly policySelector?: PolicySelector;
}
/** Cheap byte screen before any parse: every Flux image object names its API group, followed by the version (API_VERSION). */
export declare function mayHoldFluxObjects(text: string): boolean;
/**
 * `text` with its Flux image-automation documents blanked out, lines and offsets kept: an
 * ImageRepository's `spec.image` names the repository Flux scans, never a version anything runs,
 * so it is neither a file holding the image nor a reference left behind.
 */
export declare function withoutFluxImageObjects(text: string): string;
/** A file and a 1-based line in it. */
export interface SourceLine {
    readonly file: string;
    readonly line: number;
}
/**
 * Setters from ImageRepository and ImagePolicy objects (`image.toolkit.fluxcd.io` v1beta1,
 * v1beta2, v1) in multi-document YAML files, keyed `<policy namespace>:<policy name>`, each
 * key with every definition of it in path order; and the ImageUpdateAutomation objects.
 * Objects that cannot be used (invalid policy, missing repository) are skipped with a warning
 * saying where they are. `treeRoot` is where the tree read (the docs' paths) sits in the
 * repository, whose root an automation's update path is from (repositoryPath's form; "" for the root).
 * `builtInto` gives the namespaces the tree's builds put a file's objects in (namespacesOf's).
 */
export declare function fluxSetters(docs: readonly TextFile[], treeRoot?: string, builtInto?: (file: string) => readonly BuiltNamespace[]): {
    setters: Map<string, FluxSetter[]>;
    automations: FluxAutomation[];
    warnings: Warning[];
};
/**
 * The definitions of one key that govern a marker, seen from `from` (the marked file, or the
 * automations that update it): at each, those whose file shares the longest directory prefix
 * with it, identical ones counted once. One is the answer; more are a tie.
 */
export declare function nearestSetters(from: readonly string[], setters: readonly FluxSetter[]): FluxSetter[];
/** nearestSetters over one list of definitions, indexed once for the many paths a run asks about. */
export declare function nearestOf(setters: readonly FluxSetter[]): (from: readonly string[]) => FluxSetter[];
/** Whether Flux's automation walks `file` (a path of the tree read). */
export declare function updatesFile({ treePath }: FluxAutomation, file: string): boolean;
/** Whether an automation sets the markers of an ImagePolicy (`setter`, of its namespace): its spec.policySelector selects it. */
export declare function selectsPolicy({ policySelector }: FluxAutomation, setter: FluxSetter): boolean;
/**
 * Of the automations `covering` a file, those that set its marker: each only for the ImagePolicy nearest to
 * it (`nearest`, its own cluster's) that its spec.policySelector selects. None where all of them leave it out.
 */
export declare function selectingAutomations(covering: readonly FluxAutomation[], nearest: (from: readonly string[]) => readonly FluxSetter[]): FluxAutomation[];
/** The warnings of the automations not suspended that update a file of `changed`: there both would commit. */
export declare function runningAutomations(automations: readonly FluxAutomation[], changed: readonly string[]): AsideWarning[];
/** `a.yaml:2, b.yaml:9 and c.yaml:4`. */
export declare function where(objects: readonly {
    readonly file: string;
    readonly line: number;
}[]): string;
