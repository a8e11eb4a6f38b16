/**
 * The kustomizations of a tree and what their builds reach. A kustomization builds its resources,
 * the kustomizations it includes by directory, its components, its patches and itself. A deployer
 * builds a path of the tree and tags images of its own, as an overlay would: a Flux Kustomization
 * builds the kustomization at its `spec.path`, or, where there is none, the one Flux generates there
 * (every YAML file of the directory tree, a subdirectory holding a kustomization built by it), with
 * its `spec.components`; an Argo CD Application builds the kustomization at a source's `path` with
 * that source's `kustomize.images`, and a `.argocd-source-<app>.yaml` file, which Argo CD applies
 * over them, the kustomization of its own directory. Each kustomization also carries the `images:`
 * entries (a deployer's images) that give an incoming repository a version, which is what
 * kustomizations.ts and deployed-as-written.ts ask of a build, and the namespace and labels it gives what it
 * builds (namespacesOf), which Flux's image objects are known and selected by. Pure: texts in, a graph out.
 *
 * Only the files of this tree count: a remote resource is no path here, and a deployer's path is
 * read in this tree, whatever source it names.
 */
import { posix } from "node:path";
import { normalizeRepository, screenToken, tryParseImageRef, type ImageRef } from "../image/reference.js";
import type { Version } from "../image/update.js";
import { namedImageString } from "../yaml/argocd.js";
import { literalIndexOf } from "../yaml/placeholder.js";
import { ARGO, FLUX_KUSTOMIZE, inGroup, isFluxKustomization } from "../yaml/api-groups.js";
import { sourcesOf } from "../yaml/argocd-parameters.js";
import { fieldsOf } from "../yaml/merge-key.js";
import { isKustomizationFile } from "../yaml/kustomize.js";
import { tryYamlFile, type YamlFile } from "../yaml/file.js";
import { mapValue, nodeAt, scalarText, type MapNode, type ScalarNode, type YamlNode } from "../yaml/node.js";
import { lineAt } from "../text/line-index.js";
import type { PathSegment } from "../yaml/path.js";
import type { TextFile } from "./source.js";
import { treeDirectory } from "./tree-path.js";

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

/** The parameter override file Argo CD reads from an Application's source path (`.argocd-source-<app>.yaml`). */
const ARGO_SOURCE_FILE = /(^|\/)\.argocd-source(-[^/]*)?\.ya?ml$/;

/**
 * Whether a YAML file may hold a deployer with images (a Flux Kustomization, an Argo CD Application, or
 * Argo CD's parameter override file), or a Flux Kustomization giving a namespace (mayGiveNamespace): a screen before any parse.
 */
export function mayHoldDeployer(path: string, text: string): boolean {
  return (text.includes("images") && (text.includes(FLUX_KUSTOMIZE) || text.includes(ARGO) || ARGO_SOURCE_FILE.test(path))) || mayGiveNamespace(text);
}

/**
 * Whether a YAML file may hold a Flux Kustomization with a `spec.targetNamespace`, which puts what it builds
 * in that namespace: a screen before any parse. Those without one are not looked for (that would keep every
 * Flux Kustomization of a tree): one without images builds a path as the kustomization there does alone.
 */
export function mayGiveNamespace(text: string): boolean {
  return text.includes("targetNamespace") && text.includes(FLUX_KUSTOMIZE);
}

/** The patch files (`path:`) `kustomizations` name, each once: only a text naming a patch is parsed. */
export function patchFilesOf(kustomizations: readonly TextFile[]): string[] {
  const files = kustomizations.flatMap(({ file, text }) =>
    text.includes("atch") ? (readKustomization(file, text, new Set())?.patches.flatMap((patch) => (patch.inline ? [] : [patch.file])) ?? []) : [],
  );
  return [...new Set(files)];
}

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
  readonly inline?: { readonly text: string; readonly at: readonly PathSegment[]; readonly line: number };
  /** How kustomize reads it: a strategic merge, a JSON6902 op list, or (under `patches:`) whichever its text is. */
  readonly kind: "strategic-merge" | "json6902" | "either";
  /** Its `target:` selector: without one, a strategic merge applies to the resource of its own kind and name. */
  readonly target?: Selector;
}

const SELECTOR_FIELDS = ["group", "version", "kind", "name", "namespace", "labelSelector", "annotationSelector"] as const;

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

export function graphOf(tree: KustomizeTree, incoming: readonly ImageRef[]): Graph {
  const repositories = new Set(incoming.map((image) => image.repository));
  const byDirectory = new Map<string, TextFile>();
  // Kustomize refuses a directory with two of them; the first is as good a guess as any.
  for (const k of tree.kustomizations) if (!byDirectory.has(posix.dirname(k.file))) byDirectory.set(posix.dirname(k.file), k);
  // Parsed when a build needs it: most of a tree's kustomizations have nothing to do with this run's images.
  const parsed = new Map<string, Kustomization | undefined>();
  const at = (directory: string): Kustomization | undefined => {
    if (!parsed.has(directory)) {
      const k = byDirectory.get(directory);
      parsed.set(directory, k && readKustomization(k.file, k.text, repositories));
    }
    return parsed.get(directory);
  };
  // A component's entries apply to the build of the kustomization that includes it.
  const tagsOf = throughComponents<readonly Tag[]>(at, (k, components) => [...k.tags.map((name) => ({ name, file: k.file })), ...components.flat()]);
  const tokens = incoming.map(screenToken);
  const names = ({ text }: TextFile) => tokens.some((token) => text.includes(token));
  const hasKustomization = (directory: string) => byDirectory.has(directory);
  const deployers = tree.deployers.filter(names).flatMap(({ file, text }) => readDeployers(file, text, repositories, hasKustomization, tree));
  const naming = [...byDirectory].filter(([, k]) => names(k)).map(([directory]) => directory);
  let fluxBuilds: Kustomization[] | undefined;
  return {
    directories: [...byDirectory.keys()],
    naming,
    at,
    has: hasKustomization,
    tagsOf,
    labelsOf: throughComponents(at, addedLabels),
    deployers,
    fluxBuilds: () => (fluxBuilds ??= tree.deployers.flatMap(({ file, text }) => readFluxKustomizations(file, text, hasKustomization, tree))),
  };
}

const componentsOf = (k: Kustomization): readonly string[] => k.components;

/**
 * What a kustomization's build takes from itself and the components it includes (`of`, given what each of
 * those components' builds take, in order), each kustomization worked out once. Each component is done before
 * its includer (the walk's postorder); one still in progress (a cycle) gives nothing.
 */
function throughComponents<T>(at: Graph["at"], of: (k: Kustomization, components: readonly T[]) => T): (k: Kustomization) => T {
  const done = new Map<Kustomization, T>();
  return (k) => {
    for (const c of walk({ at }, [k], (c) => !done.has(c), componentsOf).reverse()) {
      const components = c.components.flatMap((path) => {
        const component = at(path);
        return component && done.has(component) ? [done.get(component)!] : [];
      });
      done.set(c, of(c, components));
    }
    return done.get(k)!;
  };
}

/**
 * The kustomizations builds from `starts` go through, those `through` lets pass, each before every one it
 * includes (a depth-first walk's reverse postorder; where kustomize refuses a cycle, it only must end).
 * `via` is what a kustomization includes: its resources and components, or (for their tags) its components.
 * A stack, not recursion: a chain of includes is as long as a tree makes it.
 */
export function walk(
  { at }: Pick<Graph, "at">,
  starts: readonly Kustomization[],
  through: (k: Kustomization) => boolean = () => true,
  via: (k: Kustomization) => readonly string[] = (k) => [...k.resources, ...k.components],
): Kustomization[] {
  const done: Kustomization[] = [];
  const seen = new Set<Kustomization>();
  const children = (k: Kustomization) => via(k).flatMap((path) => at(path) ?? []);
  for (const start of starts) {
    if (seen.has(start) || !through(start)) continue;
    seen.add(start);
    const stack = [{ k: start, next: children(start) }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const child = top.next.pop();
      if (child === undefined) {
        done.push(top.k);
        stack.pop();
      } else if (!seen.has(child) && through(child)) {
        seen.add(child);
        stack.push({ k: child, next: children(child) });
      }
    }
  }
  return done.reverse();
}

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

export function buildsOf(graph: Graph, kustomizations: readonly Kustomization[]): Builds {
  const { tagsOf, has } = graph;
  const among = new Set(kustomizations);
  // The builds go through the kustomizations given alone: reading the others they list (the hundreds of overlays
  // a cluster's kustomization lists, for one base's builds) would parse each for nothing.
  const given = new Map(
    kustomizations.flatMap((k) => {
      const directory = posix.dirname(k.file);
      return graph.at(directory) === k ? [[directory, k] as const] : [];
    }),
  );
  const at = (directory: string) => given.get(directory);
  const included = new Set(kustomizations.flatMap((k) => [...k.resources, ...k.components].flatMap((path) => at(path) ?? [])));
  const roots = kustomizations.filter((k) => !k.component && !included.has(k));
  /** The files the builds reach through the kustomizations `through` lets pass. */
  const reached = (through: (k: Kustomization) => boolean): Set<string> => {
    const files = new Set<string>();
    for (const k of walk({ at }, roots, (k) => among.has(k) && through(k))) {
      files.add(k.file);
      for (const path of [...k.resources, ...k.components]) if (!at(path) && !has(path)) files.add(path);
    }
    return files;
  };
  let every: Set<string> | undefined;
  const byName = new Map<string, Set<string>>();
  const asWritten = (name: string): Set<string> => {
    let files = byName.get(name);
    if (!files) byName.set(name, (files = reached((k) => !tagsOf(k).some((tag) => tag.name === name))));
    return files;
  };
  let namespaced: Map<string, Map<string | undefined, BuiltNamespace>> | undefined;
  const namespaces = (file: string): BuiltNamespace[] => [
    ...((namespaced ??= namespacedFiles({ at, labelsOf: graph.labelsOf }, roots, among)).get(file)?.values() ?? []),
  ];
  return { reached: () => (every ??= reached(() => true)), asWritten, namespaces };
}

/**
 * The namespaces the tree's builds put the objects of a file in, with the labels they add (Builds.namespaces). They
 * start at the kustomizations nothing includes and at the Flux Kustomizations (fluxBuilds): one builds the kustomization
 * at its path into its targetNamespace, and that kustomization, which kustomize-controller builds, is then no build of its
 * own. None for any file of a tree where nothing may set a namespace or labels. Only the kustomizations above the file are read
 * (upward), as every build reaching it starts among them and passes through none but them. Without `labelled` (no automation
 * selects policies by their labels) no labels are worked out, and a tree whose kustomizations set labels alone is not read.
 */
export function namespacesOf(tree: KustomizeTree, labelled = true): (file: string) => readonly BuiltNamespace[] {
  // `abels` is in `labels:` and `commonLabels:`.
  const mayPlace = ({ text }: TextFile) => text.includes("namespace") || (labelled && text.includes("abels"));
  if (!tree.kustomizations.some(mayPlace) && !tree.deployers.some(({ text }) => mayGiveNamespace(text))) return () => [];
  let read: { graph: Graph; above: Upward; place: (k: Kustomization) => number } | undefined;
  const known = new Map<string, readonly BuiltNamespace[]>();
  return (file) => {
    const namespaces = known.get(file);
    if (namespaces) return namespaces;
    if (!read) {
      const all = graphOf(tree, []);
      const graph = labelled ? all : { ...all, labelsOf: () => NO_LABELS };
      const fluxBuilds = graph.fluxBuilds();
      const places = new Map<Kustomization | string, number>([...graph.directories, ...fluxBuilds].map((k, i) => [k, i]));
      read = { graph, above: upward(tree, graph, fluxBuilds), place: (k) => places.get(k) ?? places.get(posix.dirname(k.file))! };
    }
    const { graph, above, place } = read;
    // In the tree's order (by directory, then the Flux Kustomizations), as buildsOf walks from the roots in the order given:
    // where two builds give one namespace, the one named is that of a walk from every kustomization of the tree.
    const builds = above.up(file).sort((a, b) => place(a) - place(b));
    const found = builds.length === 0 ? [] : buildsOf(graph, builds).namespaces(file);
    known.set(file, found);
    return found;
  };
}

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
export function upward(tree: KustomizeTree, graph: Graph, deployers: readonly Kustomization[]): Upward {
  const { kustomizations } = tree;
  const parents = new Map<string, Kustomization[]>();
  const directories = kustomizations.map(({ file }) => posix.dirname(file));
  // A text spelling a path otherwise than kustomize reads it is not screened by bytes: it is parsed, and its paths normalised.
  const unscreened = kustomizations.map(({ text }) => NOT_NORMAL.test(text));
  /** The kustomization of the i-th file, if it is the one kustomize reads in its directory. */
  const read = (i: number): Kustomization | undefined => {
    const k = graph.at(directories[i]!);
    return k?.file === kustomizations[i]!.file ? k : undefined;
  };
  /** The kustomizations whose text may list `path`, parsed, that do. */
  const screened = (path: string): Kustomization[] => {
    const lists = (k: Kustomization) => k.resources.includes(path) || k.components.includes(path);
    const mayList = listScreen(path);
    const found = kustomizations.flatMap(({ text }, i) => {
      if (!unscreened[i] && !mayList(directories[i]!, text)) return [];
      const k = read(i);
      return k && lists(k) ? [k] : [];
    });
    return [...found, ...deployers.filter(lists)];
  };
  let listing: Map<string, Kustomization[]> | undefined;
  const parentsOf = (path: string): Kustomization[] => {
    const known = parents.get(path);
    if (known) return known;
    if (!listing && parents.size >= SCREENED_PATHS)
      listing = listingOf(
        kustomizations.flatMap((_, i) => read(i) ?? []),
        deployers,
      );
    const found = listing ? (listing.get(path) ?? []) : screened(path);
    parents.set(path, found);
    return found;
  };
  const up = (start: string, passing: (k: Kustomization) => boolean = () => true): Kustomization[] => {
    const found = new Set<Kustomization>();
    const queue = [start];
    for (let i = 0; i < queue.length; i++) {
      for (const k of parentsOf(queue[i]!)) {
        if (found.has(k) || !passing(k)) continue;
        found.add(k);
        // A deployer is included by nothing kustomize builds.
        if (graph.at(posix.dirname(k.file)) === k) queue.push(posix.dirname(k.file));
      }
    }
    return [...found];
  };
  return { parentsOf, up };
}

/**
 * The path the kustomizations above a file list it by, where an upward search starts: the directory of the
 * kustomization kustomize reads there (its includers list the directory), any other file itself.
 */
export function listedAs(graph: Pick<Graph, "at">, file: string): string {
  const directory = posix.dirname(file);
  return isKustomizationFile(file) && graph.at(directory)?.file === file ? directory : file;
}

/**
 * The builds of a tree that reach `files`: those of the kustomizations and deployers above them, found upward, as
 * every build reaching a file starts among them and passes through none but them (a tree's other kustomizations
 * are not parsed). Each kustomization is gone up from once, however many of the files it is above.
 */
export function buildsReaching(tree: KustomizeTree, graph: Graph, files: Iterable<string>): Builds {
  const above = upward(tree, graph, graph.deployers);
  const found = new Set<Kustomization>();
  // What is above a kustomization already found was found with it.
  for (const file of files) for (const k of above.up(listedAs(graph, file), (k) => !found.has(k))) found.add(k);
  return buildsOf(graph, [...found]);
}

/** How many paths the upward search screens every kustomization's text for: screening one is about 1/200 of parsing it. */
const SCREENED_PATHS = 64;

/** Every path `kustomizations` and `deployers` list, with those listing it, in their order. */
function listingOf(kustomizations: readonly Kustomization[], deployers: readonly Kustomization[]): Map<string, Kustomization[]> {
  const listing = new Map<string, Kustomization[]>();
  for (const k of [...kustomizations, ...deployers]) {
    for (const path of new Set([...k.resources, ...k.components])) {
      const listed = listing.get(path);
      if (listed) listed.push(k);
      else listing.set(path, [k]);
    }
  }
  return listing;
}

/**
 * A `.` or `..` segment after a name (`../../apps/cache/overlays/../base`), or an empty one (`../../apps//cache`), which
 * kustomize reads normalised (`../../apps/cache/base`, `../../apps/cache`), as it reads a path that does not exist on
 * the way (`overlays` may not): the path's normal form is not in the text. A URL's `://` is not a path's.
 */
const NOT_NORMAL = /[^./\s]\/\.\.?(?![^/\s'",\]}#])|[^:/\s]\/\//;

/**
 * Whether the text of a kustomization in a directory may list `path`, spelt as kustomize's normal
 * form spells it from there (`../../base`): then it ends in the path's name, and also in its
 * parent's when the parent is not above the kustomization; only `..`s reach the directories above
 * it. A byte screen, as a path computed per text is ten times slower on a tree of thousands.
 */
function listScreen(path: string): (directory: string, text: string) => boolean {
  const parent = posix.dirname(path);
  const name = posix.basename(path);
  const tail = `${posix.basename(parent)}/${name}`;
  return (directory, text) => {
    if (path === "." || directory.startsWith(`${path}/`)) return text.includes("..");
    if (parent === "." || directory === parent || directory.startsWith(`${parent}/`)) return text.includes(name);
    return text.includes(tail);
  };
}

/**
 * The namespaces builds from `roots` put the objects of each file they reach in, by namespace. Kustomize's
 * `namespace:` (and a Flux Kustomization's `spec.targetNamespace`, which overrides the kustomization at its path)
 * sets the namespace of everything its build holds, whatever a base set: the outermost one setting it wins. A
 * kustomization is reached before those it includes (walk), so what each is built into is complete when it is
 * handed down; a base two overlays include is built into both of theirs. Labels are handed down with the
 * namespace: each kustomization's (addedLabels) go on what it builds, an outer one's over an inner one's, as
 * kustomize runs an overlay's transformers after its bases are built; of two builds giving one namespace,
 * the labels are the first's, as its `by` is.
 */
function namespacedFiles(
  graph: Pick<Graph, "at" | "labelsOf">,
  roots: readonly Kustomization[],
  among: ReadonlySet<Kustomization>,
): Map<string, Map<string | undefined, BuiltNamespace>> {
  const into = new Map<Kustomization | string, Map<string | undefined, BuiltNamespace>>();
  const add = (to: Kustomization | string, namespace: BuiltNamespace) => {
    const known = into.get(to) ?? new Map<string | undefined, BuiltNamespace>();
    into.set(to, known);
    if (!known.has(namespace.namespace)) known.set(namespace.namespace, namespace);
  };
  for (const root of roots) add(root, {});
  for (const k of walk(graph, roots, (k) => among.has(k))) {
    const own: BuiltNamespace = k.namespace === undefined ? {} : { namespace: k.namespace, by: k.file };
    const added = graph.labelsOf(k);
    const given = [...(into.get(k)?.values() ?? [])].map(({ labels: above, labelledBy: aboveBy, ...placed }): BuiltNamespace => {
      const labels = { ...added.labels, ...above };
      const labelledBy = { ...added.labelledBy, ...aboveBy };
      return { ...(placed.namespace === undefined ? own : placed), ...(Object.keys(labels).length > 0 && { labels, labelledBy }) };
    });
    for (const path of [...k.resources, ...k.components]) for (const namespace of given) add(graph.at(path) ?? path, namespace);
  }
  return new Map([...into].flatMap(([to, namespaces]) => (typeof to === "string" ? [[to, namespaces] as const] : [])));
}

/** The labels a build puts on every object it holds, and the kustomization (or component) file each key comes from. */
export type AddedLabels = Required<Pick<BuiltNamespace, "labels" | "labelledBy">>;

const NO_LABELS: AddedLabels = { labels: {}, labelledBy: {} };

/**
 * The labels a kustomization's build puts on every object it holds (throughComponents' `of`): those of the
 * components it includes (`components`, each with its own components'), in order, then its own over them, as
 * kustomize runs a component's transformers on the includer's objects before the includer's own.
 */
function addedLabels(k: Kustomization, components: readonly AddedLabels[]): AddedLabels {
  const labels: Record<string, string> = {};
  const labelledBy: Record<string, string> = {};
  for (const from of components) {
    Object.assign(labels, from.labels);
    Object.assign(labelledBy, from.labelledBy);
  }
  for (const [key, value] of Object.entries(k.labels ?? {})) [labels[key], labelledBy[key]] = [value, k.file];
  return { labels, labelledBy };
}

/**
 * A kustomization's own labels: its `labels:` entries' `pairs`, in order, then its `commonLabels` over them, as
 * kustomize applies them. Each goes on every object's metadata.labels: `includeSelectors`, `includeTemplates` and
 * `fields` only add where else it goes.
 */
function ownLabels(root: MapNode): Record<string, string> | undefined {
  const pairsOf = (node: YamlNode | null | undefined): [string, string][] =>
    node?.kind === "map"
      ? node.pairs.flatMap((pair) => {
          const [key, value] = [scalarText(pair.key), scalarText(pair.value)];
          return key === undefined || value === undefined ? [] : [[key, value] as [string, string]];
        })
      : [];
  const entries = mapValue(root, "labels");
  const labels = Object.fromEntries([
    ...(entries?.kind === "seq" ? entries.items.flatMap((entry) => (entry.kind === "map" ? pairsOf(mapValue(entry, "pairs")) : [])) : []),
    ...pairsOf(mapValue(root, "commonLabels")),
  ]);
  return Object.keys(labels).length > 0 ? labels : undefined;
}

function readKustomization(file: string, text: string, repositories: ReadonlySet<string>): Kustomization | undefined {
  // A kustomization kustomize cannot read either tags nothing.
  const yaml = tryYamlFile(text);
  const root = yaml?.documents[0]?.root;
  if (yaml === undefined || root?.kind !== "map") return undefined;
  const directory = posix.dirname(file);
  const list = (key: string): YamlNode[] => {
    const node = mapValue(root, key);
    return node?.kind === "seq" ? [...node.items] : [];
  };
  const paths = (nodes: readonly YamlNode[]): string[] => nodes.flatMap((node) => inTree(directory, scalarText(node)) ?? []);
  const patchFiles = (key: string) => list(key).flatMap((patch) => (patch.kind === "map" ? (mapValue(patch, "path") ?? []) : []));
  const namespace = scalarText(mapValue(root, "namespace"));
  const labels = ownLabels(root);
  return {
    file,
    ...(namespace && { namespace }),
    ...(labels && { labels }),
    component: scalarText(mapValue(root, "kind")) === "Component",
    tags: taggedNames(yaml, root, ["images"], list("images"), repositories),
    resources: [
      ...paths([...list("resources"), ...list("bases"), ...list("patchesStrategicMerge")]),
      ...paths([...patchFiles("patches"), ...patchFiles("patchesJson6902")]),
    ],
    components: paths(list("components")),
    patches: [
      ...list("patches").flatMap((entry, index) => patchOf(file, text, entry, ["patches", index], "either")),
      ...list("patchesStrategicMerge").flatMap((entry, index) => patchOf(file, text, entry, ["patchesStrategicMerge", index], "strategic-merge")),
      ...list("patchesJson6902").flatMap((entry, index) => patchOf(file, text, entry, ["patchesJson6902", index], "json6902")),
    ],
  };
}

/**
 * A kustomization's patch entry at `at`: `{path | patch, target}` (`patches`, `patchesJson6902`), or a
 * `patchesStrategicMerge` string, which kustomize reads as a patch when it holds one (a mapping), else as a
 * path. None for a path out of the tree or an entry that is neither.
 */
function patchOf(file: string, text: string, entry: YamlNode, at: readonly PathSegment[], kind: Patch["kind"]): Patch[] {
  const directory = posix.dirname(file);
  // A block scalar's text starts on the line after its header.
  const inline = (node: ScalarNode, at: readonly PathSegment[]) => ({
    text: node.text,
    at,
    line: lineAt(text, node.start) + (node.style === "literal" || node.style === "folded" ? 1 : 0),
  });
  if (entry.kind === "scalar") {
    if (/[:\n]/.test(entry.text)) return [{ file, inline: inline(entry, at), kind }];
    const path = inTree(directory, entry.text);
    return path === undefined ? [] : [{ file: path, kind }];
  }
  if (entry.kind !== "map") return [];
  const selector = mapValue(entry, "target");
  const target: Selector | undefined =
    selector?.kind === "map"
      ? Object.fromEntries(
          SELECTOR_FIELDS.flatMap((key) => {
            const value = scalarText(mapValue(selector, key));
            return value === undefined ? [] : [[key, value]];
          }),
        )
      : undefined;
  const written = mapValue(entry, "patch");
  if (written?.kind === "scalar") return [{ file, inline: inline(written, [...at, "patch"]), kind, ...(target && { target }) }];
  const path = inTree(directory, scalarText(mapValue(entry, "path")));
  return path === undefined ? [] : [{ file: path, kind, ...(target && { target }) }];
}

/**
 * The deployers of a YAML file whose images tag an incoming repository, as kustomizations: a Flux
 * Kustomization builds its `spec.path` (from the repository's root, as Flux reads it; the tree's root
 * when empty or above it) and its `spec.components`; an Argo CD Application the kustomization at a
 * source's `path` (Argo CD gives a directory without one no `kustomize.images`); an
 * `.argocd-source-<app>.yaml` file the kustomization of its directory. `hasKustomization` tells a
 * directory with a kustomization file, which kustomize builds as one.
 */
function readDeployers(
  file: string,
  text: string,
  repositories: ReadonlySet<string>,
  hasKustomization: (directory: string) => boolean,
  tree: KustomizeTree,
): Kustomization[] {
  const yaml = tryYamlFile(text);
  if (yaml === undefined) return [];
  const deployer = (tags: readonly string[], path: string | undefined): Kustomization[] =>
    tags.length === 0 || path === undefined || !hasKustomization(path)
      ? []
      : [{ file, component: false, tags, resources: [path], components: [], patches: [] }];
  if (ARGO_SOURCE_FILE.test(file)) {
    const images = nodeAt(yaml.documents[0]?.root ?? null, ["kustomize", "images"]);
    return deployer(argoTaggedNames(images, repositories), posix.dirname(file));
  }
  return yaml.documents.flatMap((document): Kustomization[] => {
    const { root } = document;
    if (root?.kind !== "map") return [];
    const { apiVersion, kind } = document.object;
    if (kind === "Application" && inGroup(apiVersion, ARGO))
      return sourcesOf(document).flatMap((source) =>
        deployer(
          argoTaggedNames(nodeAt(root, [...source, "kustomize", "images"]), repositories),
          rootPath(scalarText(nodeAt(root, [...source, "path"])), tree.treeRoot),
        ),
      );
    if (!isFluxKustomization(document.object)) return [];
    const images = nodeAt(root, ["spec", "images"]);
    const tags = images?.kind === "seq" ? taggedNames(yaml, root, ["spec", "images"], images.items, repositories) : [];
    return tags.length === 0 ? [] : fluxKustomization(file, root, tags, hasKustomization, tree);
  });
}

/** The Flux Kustomizations of a YAML file that build a path of the tree, as kustomizations tagging nothing (readDeployers reads what they tag). */
function readFluxKustomizations(file: string, text: string, hasKustomization: (directory: string) => boolean, tree: KustomizeTree): Kustomization[] {
  return (tryYamlFile(text)?.documents ?? []).flatMap(({ root, object }) =>
    root?.kind === "map" && isFluxKustomization(object) ? fluxKustomization(file, root, [], hasKustomization, tree) : [],
  );
}

/**
 * A Flux Kustomization document as the kustomization it builds, tagging `tags`: the kustomization at its
 * `spec.path`, or, where there is none, the one Flux generates there, with its `spec.components`, into its
 * `spec.targetNamespace`; none for one building nothing of the tree.
 */
function fluxKustomization(
  file: string,
  root: MapNode,
  tags: readonly string[],
  hasKustomization: (directory: string) => boolean,
  { files, treeRoot }: KustomizeTree,
): Kustomization[] {
  const path = rootPath(scalarText(nodeAt(root, ["spec", "path"])), treeRoot);
  const resources = path === undefined ? [] : hasKustomization(path) ? [path] : generatedResources(path, hasKustomization, files);
  if (path === undefined || resources.length === 0) return [];
  const listed = nodeAt(root, ["spec", "components"]);
  const components = listed?.kind === "seq" ? listed.items.flatMap((node) => inTree(path, scalarText(node)) ?? []) : [];
  const namespace = scalarText(nodeAt(root, ["spec", "targetNamespace"]));
  return [{ file, component: false, tags, resources, components, patches: [], ...(namespace && { namespace }) }];
}

/**
 * The names of Argo CD `kustomize.images` strings (`[name=]image`, kustomize's `edit set image` form) that
 * set the version of an incoming repository: a name (before `=`, else the image's) with a tag or digest
 * after it. `name=image` without one only renames, as the Argo CD editor reads it.
 */
function argoTaggedNames(list: YamlNode | null | undefined, repositories: ReadonlySet<string>): string[] {
  if (list?.kind !== "seq") return [];
  return list.items.flatMap((item) => {
    const text = scalarText(item);
    if (text === undefined) return [];
    const named = namedImageString(text);
    const ref = named ? undefined : tryParseImageRef(text);
    const name = named ? text.slice(0, literalIndexOf(text, "=")) : ref?.name;
    const version: Version | undefined = named ? named.version : ref;
    if (!name || !repositories.has(normalizeRepository(name) ?? "")) return [];
    return version?.tag !== undefined || version?.digest !== undefined ? [name] : [];
  });
}

/** A deployer's path, from the repository's root, as a directory of the tree (`.` for its root); undefined for one outside it. */
function rootPath(path: string | undefined, treeRoot: string): string | undefined {
  const fromRoot = inTree(".", path || ".");
  const directory = fromRoot === undefined ? undefined : treeDirectory(fromRoot === "." ? "" : fromRoot, treeRoot);
  return directory === "" ? "." : directory;
}

/**
 * What the kustomization Flux generates for a directory without one lists: every YAML file
 * of its tree, except that a subdirectory holding a kustomization file stands for its files.
 */
function generatedResources(directory: string, hasKustomization: (directory: string) => boolean, tree: readonly string[]): string[] {
  const resources = new Set<string>();
  const prefix = directory === "." ? "" : `${directory}/`;
  for (const file of tree) {
    if (!file.startsWith(prefix) || !/\.ya?ml$/.test(file)) continue;
    const steps = file.slice(prefix.length).split("/");
    // The topmost subdirectory with a kustomization is built whole, as kustomize builds it.
    const built = steps.slice(0, -1).findIndex((_, i) => hasKustomization(prefix + steps.slice(0, i + 1).join("/")));
    resources.add(built < 0 ? file : prefix + steps.slice(0, built + 1).join("/"));
  }
  return [...resources];
}

/**
 * The names of `images:` entries (the list at `path` in `root` of `file`) that set the version of an
 * incoming repository. An entry's fields are read through its merge key (`- <<: *app`), as kustomize
 * reads them and the kustomize editor moves them: a merged `newTag` tags the entry's name too.
 */
function taggedNames(file: YamlFile, root: YamlNode, path: readonly string[], entries: readonly YamlNode[], repositories: ReadonlySet<string>): string[] {
  return entries.flatMap((entry, index) => {
    if (entry.kind !== "map") return [];
    const read = fieldsOf(file, root, entry, [...path, index], false);
    const field = (key: string) => scalarText(read(key)?.node);
    const name = field("name");
    // Only a name an incoming image can be written as matters: a bare image of another is not edited.
    if (!name || !repositories.has(normalizeRepository(name) ?? "")) return [];
    // A rename alone keeps the manifests' tag: the bare image still needs one.
    const setsVersion = !!field("newTag") || !!field("digest") || repositories.has(normalizeRepository(field("newName") || name) ?? "");
    return setsVersion ? [name] : [];
  });
}

/** A kustomization's relative path as a path from the tree's root; undefined for a URL or a path out of the tree. */
function inTree(directory: string, path: string | undefined): string | undefined {
  if (!path || path.includes("://") || path.includes("\n")) return undefined;
  const joined = posix.normalize(posix.join(directory, path)).replace(/\/+$/, "");
  return joined === ".." || joined.startsWith("../") || posix.isAbsolute(joined) ? undefined : joined;
}
