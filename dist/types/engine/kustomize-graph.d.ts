import { type ImageRef } from "../image/reference.js";
import type { PathSegment } from "../yaml/path.js";
import type { TextFile } from "./source.js";
/** What a tree's kustomize builds are read from, read once per run (kustomize-reads.ts). */
export interface KustomizeTree {
    /** Every kustomization file of the tree (isKustomizationFile), with its text. */
    readonly kustomizations: readonly TextFile[];
    /** YAML files that may hold deployers (mayHoldDeployer). */
    readonly deployers: readonly TextFile[];
    /** The texts of the patch files the kustomizations name (patchFilesOf), by path. */
    readonly patches: ReadonlyMap<string, string>;
    /** Every file of the tree, for what a Flux Kustomization without a kustomization file at its path builds. */
    readonly files: readonly string[];
    /** Where the tree sits in its repository, from whose root a deployer's path is read. */
    readonly treeRoot: string;
}
/**
 * Whether a YAML file may hold a deployer with images (a Flux Kustomization, an Argo CD Application, or
 * Argo CD's parameter override file), or a Flux Kustomization giving a namespace (mayGiveNamespace): a screen before any parse.
 */
export declare function mayHoldDeployer(path: string, text: string): boolean;
/**
 * Whether a YAML file may hold a Flux Kustomization with a `spec.targetNamespace`, which puts what it builds
 * in that namespace: a screen before any parse. Those without one are not looked for (that would keep every
 * Flux Kustomization of a tree): one without images builds a path as the kustomization there does alone.
 */
export declare function mayGiveNamespace(text: string): boolean;
/** The patch files (`path:`) `kustomizations` name, each once: only a text naming a patch is parsed. */
export declare function patchFilesOf(kustomizations: readonly TextFile[]): string[];
export interface Kustomization {
    readonly file: string;
    /** `kind: Component`: its entries tag the build of whatever includes it. */
    readonly component: boolean;
    /** Names of incoming repositories whose version its `images:` sets. */
    readonly tags: readonly string[];
    /** Paths from the root it builds from: resource and patch files, and directories of kustomizations. */
    readonly resources: readonly string[];
    /** Directories of the components it includes. */
    readonly components: readonly string[];
    /** The patches it applies, inline or by file (none for a deployer: its own patches are not read). */
    readonly patches: readonly Patch[];
    /** The namespace it puts what it builds in: its `namespace:`, a Flux Kustomization's `spec.targetNamespace`. */
    readonly namespace?: string;
    /** The labels it puts on everything it builds (ownLabels), where it puts any. */
    readonly labels?: Readonly<Record<string, string>>;
}
/** A patch a kustomization applies (kustomize-patches.ts reads what it sets). */
export interface Patch {
    /** The patch file (`path:`), or the kustomization file writing it inline. */
    readonly file: string;
    /** An inline patch: its text, where the kustomization writes it (`patches[0].patch`), and the line its text starts on there. */
    readonly inline?: {
        readonly text: string;
        readonly at: readonly PathSegment[];
        readonly line: number;
    };
    /** How kustomize reads it: a strategic merge, a JSON6902 op list, or (under `patches:`) whichever its text is. */
    readonly kind: "strategic-merge" | "json6902" | "either";
    /** Its `target:` selector: without one, a strategic merge applies to the resource of its own kind and name. */
    readonly target?: Selector;
}
/** A kustomize `target:` selector, as written: kind, name and namespace are regular expressions matching the whole value. */
export interface Selector {
    readonly group?: string;
    readonly version?: string;
    readonly kind?: string;
    readonly name?: string;
    readonly namespace?: string;
    readonly labelSelector?: string;
    readonly annotationSelector?: string;
}
/** An `images:` entry that sets a version: the name it matches, and the kustomization (or component) file it is in. */
interface Tag {
    readonly name: string;
    readonly file: string;
}
/** The kustomizations of a tree by directory, each read when a build first needs it, and what their `images:` (with their components') tag. */
export interface Graph {
    readonly directories: readonly string[];
    /** The directories whose kustomization spells an incoming repository: only those can tag one (the screen's token is in every spelling). */
    readonly naming: readonly string[];
    /** The kustomization of a directory (a path from the root), if the tree has one kustomize can read. */
    at(directory: string): Kustomization | undefined;
    /** Whether a directory has a kustomization file, without reading it. */
    has(directory: string): boolean;
    /** The entries of a kustomization and of the components it includes, which tag its whole build. */
    tagsOf(k: Kustomization): readonly Tag[];
    /** The labels a kustomization's build puts on every object it holds, its components' with its own (addedLabels). */
    labelsOf(k: Kustomization): AddedLabels;
    /** The deployers whose images tag an incoming repository, as kustomizations. */
    readonly deployers: readonly Kustomization[];
    /** Every Flux Kustomization of the deployer files that builds a path of the tree, as a kustomization tagging nothing: read when first asked for. */
    readonly fluxBuilds: () => readonly Kustomization[];
}
export declare function graphOf(tree: KustomizeTree, incoming: readonly ImageRef[]): Graph;
/**
 * The kustomizations builds from `starts` go through, those `through` lets pass, each before every one it
 * includes (a depth-first walk's reverse postorder; where kustomize refuses a cycle, it only must end).
 * `via` is what a kustomization includes: its resources and components, or (for their tags) its components.
 * A stack, not recursion: a chain of includes is as long as a tree makes it.
 */
export declare function walk({ at }: Pick<Graph, "at">, starts: readonly Kustomization[], through?: (k: Kustomization) => boolean, via?: (k: Kustomization) => readonly string[]): Kustomization[];
/**
 * The builds of a tree, among `kustomizations` (every one of the tree, or every one a file's
 * builds pass through): each starts at one of them nothing among them includes (an overlay a
 * cluster applies), or at a deployer with images, and goes down its resources,
 * bases and components. Kustomize builds no component alone.
 */
export interface Builds {
    /** The files the builds reach, kustomization files among them. */
    readonly reached: () => ReadonlySet<string>;
    /** The files the builds reach with `name` as written: through no kustomization that tags it (below one that does, nothing deploys it as written). */
    readonly asWritten: (name: string) => ReadonlySet<string>;
    /** The namespaces the builds that reach a file (not a kustomization's) put its objects in, each once; none for a file they do not reach. */
    readonly namespaces: (file: string) => readonly BuiltNamespace[];
}
/**
 * A namespace a build puts the objects of a file in: that of the outermost kustomization on its way down
 * setting one, and that kustomization (`by`, its file); none (`{}`) where none does, and each object keeps its own.
 * With the labels the kustomizations on its way down put on them, over the objects' own (`labels`, where any do),
 * and the kustomization (or component) file each comes from (`labelledBy`, by key): what to change for another.
 */
export interface BuiltNamespace {
    readonly namespace?: string;
    readonly by?: string;
    readonly labels?: Readonly<Record<string, string>>;
    readonly labelledBy?: Readonly<Record<string, string>>;
}
export declare function buildsOf(graph: Graph, kustomizations: readonly Kustomization[]): Builds;
/**
 * The namespaces the tree's builds put the objects of a file in, with the labels they add (Builds.namespaces). They
 * start at the kustomizations nothing includes and at the Flux Kustomizations (fluxBuilds): one builds the kustomization
 * at its path into its targetNamespace, and that kustomization, which kustomize-controller builds, is then no build of its
 * own. None for any file of a tree where nothing may set a namespace or labels. Only the kustomizations above the file are read
 * (upward), as every build reaching it starts among them and passes through none but them. Without `labelled` (no automation
 * selects policies by their labels) no labels are worked out, and a tree whose kustomizations set labels alone is not read.
 */
export declare function namespacesOf(tree: KustomizeTree, labelled?: boolean): (file: string) => readonly BuiltNamespace[];
/** The kustomizations above a path (upward's). */
export interface Upward {
    /** The kustomizations listing a path: a file, or a kustomization's directory, by which its includers list it. */
    readonly parentsOf: (path: string) => readonly Kustomization[];
    /** The kustomizations up from `start` (a file, or a kustomization's directory) through those `passing` lets by, breadth first: the nearest come first. */
    readonly up: (start: string, passing?: (k: Kustomization) => boolean) => Kustomization[];
}
/**
 * The kustomizations of `graph` above paths of the tree, found upward: those listing a path, then those listing
 * theirs. `deployers` (graph.deployers, fluxBuilds) list paths too, and nothing kustomize builds includes them.
 * Only the kustomizations whose text may list a path are parsed (listScreen), so a tree of thousands parses a
 * handful; but each path asked about screens every text, so past SCREENED_PATHS of them (a deep chain, objects in
 * many directories) every kustomization is parsed once, and a path's are looked up.
 */
export declare function upward(tree: KustomizeTree, graph: Graph, deployers: readonly Kustomization[]): Upward;
/**
 * The path the kustomizations above a file list it by, where an upward search starts: the directory of the
 * kustomization kustomize reads there (its includers list the directory), any other file itself.
 */
export declare function listedAs(graph: Pick<Graph, "at">, file: string): string;
/**
 * The builds of a tree that reach `files`: those of the kustomizations and deployers above them, found upward, as
 * every build reaching a file starts among them and passes through none but them (a tree's other kustomizations
 * are not parsed). Each kustomization is gone up from once, however many of the files it is above.
 */
export declare function buildsReaching(tree: KustomizeTree, graph: Graph, files: Iterable<string>): Builds;
/** The labels a build puts on every object it holds, and the kustomization (or component) file each key comes from. */
export type AddedLabels = Required<Pick<BuiltNamespace, "labels" | "labelledBy">>;
export {};
