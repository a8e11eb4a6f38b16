/**
 * Setter resolution: what each Flux marker key stands for, per file. Flux ImagePolicy and
 * ImageRepository objects in the tree define keys, configured setters override them, and
 * `--setter` values say what a key sets in this run; a key Flux objects define in several
 * clusters is governed, file by file, by the definition Flux would apply there.
 */
import type { Warning } from "../change.js";
import { type ImageRef } from "../image/reference.js";
import type { ImageUpdate } from "../image/update.js";
import type { Config, Target } from "./config.js";
import { type FluxAutomation, type FluxSetter } from "./flux-objects.js";
import { type KustomizeTree } from "./kustomize-graph.js";
import { type ValidRequest } from "./request.js";
import { type FieldNamer } from "../field-name.js";
/**
 * The setters for the markers of one file, and every other key with why it sets nothing there
 * (EditRequest's): a defined key, or one nothing defines, which is said once for the run instead of at each marker.
 */
export interface FileSetters {
    readonly setters: ReadonlyMap<string, ImageUpdate>;
    readonly knownSetters: ReadonlyMap<string, string | undefined>;
    /** The keys this run brings an image for whose markers here are left as they are (knownSetters says why), to those images. */
    readonly left: ReadonlyMap<string, readonly ImageRef[]>;
}
/** A Flux ImagePolicy of the tree, under its marker key. */
export interface FluxPolicy {
    readonly key: string;
    readonly setter: FluxSetter;
}
/** What resolving setters reads of a run (plan.ts's RunContext). */
export interface SetterRun {
    readonly valid: ValidRequest;
    readonly config: Config | undefined;
    readonly configPath: string;
    readonly inScope: (path: string) => boolean;
    /** Whether the file's target keeps the image out: its own warning says so, not the markers'. */
    readonly keptOut: (path: string, image: ImageRef) => boolean;
    readonly allowDowngrade: boolean;
    /** Where the tree sits in its repository, whose root ImageUpdateAutomation update paths are from (fluxSetters'). */
    readonly treeRoot: string;
    /** The target a file belongs to, whose Flux objects (and no other target's) its markers see. */
    readonly ownerOf: (path: string) => Target | undefined;
    /** How the request's face names its fields, for the advice to give a key's image (UpdateRequest's). */
    readonly fieldName?: FieldNamer;
}
/**
 * Marker keys to the image they stand for: Flux ImagePolicy/ImageRepository objects in the
 * tree, then configured setters (explicit configuration wins), then `--setter` values. A key
 * Flux objects define more than once (one repo, several clusters) has a definition per file
 * (`forFile`), which also tells every key that is defined at all, whether or not this run's
 * images concern it. And every update a marker may get (`updates`). `texts` are the files
 * read, in path order: Flux objects are taken in that order, each in the namespaces the builds of
 * `tree` put it in (kustomize-graph.ts namespacesOf; without a tree, its own).
 */
export declare function resolveSetters(run: SetterRun, texts: ReadonlyMap<string, string>, warnings: Warning[], tree?: KustomizeTree): {
    updates: ImageUpdate[];
    /** Every key a marker in scope uses or the tree and configuration define, and the repositories they define: what a typo may have meant. */
    known: {
        readonly keys: ReadonlySet<string>;
        readonly repositories: ReadonlySet<string>;
    };
    forFile: (path: string) => FileSetters;
    fluxPoliciesAt: (path: string, repository: string) => readonly FluxPolicy[];
    /** The tree's ImageUpdateAutomation objects. */
    automations: readonly FluxAutomation[];
    /** The keys a configured setter or a Flux ImagePolicy defines for a repository, each with the ImagePolicies that do (none for a configured setter's). */
    definedFor: (repository: string) => ReadonlyMap<string, readonly FluxSetter[]>;
};
