import type { FieldWarning } from "../change.js";
import { type ImageRef } from "../image/reference.js";
import { type ImageUpdate } from "../image/update.js";
import { type FlowScalar, type YamlNode } from "../yaml/node.js";
import { type PathSegment } from "../yaml/path.js";
import { type Kustomization, type KustomizeTree, type Patch, type Selector } from "./kustomize-graph.js";
/** A value a patch writes: where in the resource, the scalar, and where in the patch's file (the key a change there names, its line). */
interface PatchValue {
    readonly path: readonly PathSegment[];
    readonly node: FlowScalar;
    readonly key: string;
    readonly line: number;
}
/** One document of a patch (one patch of a multi-document file, or an op list), with what it applies to and the values it writes. */
interface PatchDocument {
    readonly patch: Patch;
    /** The document of the file it is in (the kustomization's own for an inline patch). */
    readonly document: number;
    readonly selector: Selector;
    readonly values: readonly PatchValue[];
}
/** A resource a build holds: its file, the document it is, and what a selector matches it by. */
export interface Resource {
    readonly file: string;
    readonly document: number;
    readonly text: string;
    readonly root: YamlNode;
    readonly apiVersion: string | undefined;
    readonly kind: string | undefined;
    readonly name: string | undefined;
    readonly namespace: string | undefined;
}
/**
 * The documents of a patch, its text being `text` (the patch file's, or the inline text). A change in an
 * inline patch is named as inline-patch.ts names it: `patches[0].patch: spec.values.image.tag`, an op's
 * `patches[0].patch[1].value`.
 */
export declare function patchDocuments(patch: Patch, text: string): PatchDocument[];
/** The resources of a manifest file: each document naming a kind. */
export declare function resourcesOf(file: string, text: string): Resource[];
/**
 * Whether kustomize applies a patch with `selector` to `resource`; undefined where a label or annotation
 * selector decides, which is not read. A strategic merge without a target names its resource by kind and
 * name, and by namespace where it gives one.
 */
export declare function selects(selector: Selector, resource: Resource): boolean | undefined;
/**
 * The repositories (normalised) of `repositories` whose version `doc` sets in `resource` (which it applies
 * to): a container image with a tag or digest, or a Helm tag whose pair, the patch's or the resource's, is
 * of that repository.
 */
export declare function versionsSet(doc: PatchDocument, resource: Resource, repositories: ReadonlySet<string>): Set<string>;
/** A Helm tag a patch writes alone, with no repository beside it in the patch: its pair is the patched resource's. */
interface LoneTag {
    readonly value: PatchValue;
    readonly mapping: readonly PathSegment[];
}
/** The lone Helm tags of a patch document, but those a template or substitution fills in (`${TAG}`). */
export declare function loneTags(doc: PatchDocument): LoneTag[];
/** The pair a lone tag sets in `resource`: its repository (normalised), its name as written and the line it is written on; undefined when the resource has none there. */
export declare function pairOf(doc: PatchDocument, tag: LoneTag, resource: Resource): {
    name: string;
    repository: string;
    line: number;
} | undefined;
/** The documents of a kustomization's patches, each kustomization's read once: an inline patch's text is its own, a patch file's the tree's (`patches`). */
export declare function patchReader({ patches }: Pick<KustomizeTree, "patches">): (k: Kustomization) => readonly PatchDocument[];
/**
 * Whether one of `documents` sets the version of `repository` in one of `resources`: one a label selector
 * may pick counts, as whether it does is not known here.
 */
export declare function setsVersionIn(documents: readonly PatchDocument[], resources: readonly Resource[], repository: string): boolean;
/** What the pairing reads of a run (plan.ts's RunContext). */
export interface PatchRun {
    readonly valid: {
        readonly images: readonly ImageRef[];
    };
    /** Whether the run edits a file (it is in the paths). */
    readonly inScope: (path: string) => boolean;
    /** The incoming images a file takes, with its target's policy. */
    readonly updatesFor: (path: string) => readonly ImageUpdate[];
    /** Whether an override (configured or `--set`) of a file names a field: it is the override's to set. */
    readonly overridden: (file: string, field: string) => boolean;
}
/** The lone tags to edit, by file and document, each key to the name of its pair's repository (EditRequest.pairedTags). */
export type PairedTags = ReadonlyMap<string, ReadonlyMap<number, ReadonlyMap<string, string>>>;
/**
 * The lone tags of the files this run edits, paired with their base's repository (pairedTagsOf), but those an
 * override sets; and a warning at each lone tag not paired, where its target's policy would move it, naming its
 * bases and how to set it.
 */
export declare function patchedTags(run: PatchRun, tree: KustomizeTree, read: (path: string) => Promise<string | undefined>, warnings: FieldWarning[]): Promise<PairedTags>;
/** Whether a text may hold a Flux HelmRelease, whose values a patch may set a tag of: a screen before any pairing. */
export declare function mayHoldHelmRelease(text: string): boolean;
export {};
