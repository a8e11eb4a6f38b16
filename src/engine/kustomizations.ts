/**
 * Which files' bare container images kustomize tags: a kustomization's `images:` entry gives
 * a version to every container image named exactly as its `name` in whatever the
 * kustomization builds (its resources, the kustomizations it includes by directory, its
 * components, its patches and itself), and a component's entries do the same to everything
 * the kustomization including it builds. A Flux Kustomization's `spec.images` is the same
 * list over what it builds: the kustomization at its `spec.path`, or, where there is none, the
 * one Flux generates there (every YAML file of the directory tree, a subdirectory holding a
 * kustomization built by it), with its `spec.components`. There, a bare
 * `image: ghcr.io/acme/api` (the usual base, `# tag set by overlays`) is left for that entry:
 * pinning it too would rewrite the base on every promotion, to whichever environment went
 * last. Pure: kustomization files and Flux Kustomizations in, per file the image names tagged
 * and by which files, out.
 *
 * Matching is kustomize's: the container's name as written equals the entry's `name` (kustomize
 * does not normalise, so `nginx` is not `docker.io/library/nginx` to it). Only the files of
 * this tree count: a remote resource tags nothing here, and a Flux Kustomization's
 * `spec.path` is read in this tree, whatever source it names.
 *
 * The same builds tell which kustomizations deploy a file's version as written: a base in one
 * target's paths that another target's overlay builds without re-tagging it (cross-target.ts).
 */
import { posix } from "node:path";
import { normalizeRepository, screenToken, tryParseImageRef, type ImageRef } from "../image/reference.js";
import { andList } from "../text/and-list.js";
import { partitionPoint } from "../text/partition-point.js";
import { fieldsOf } from "../yaml/merge-key.js";
import { tryYamlFile, type YamlFile } from "../yaml/file.js";
import { mapValue, nodeAt, scalarText, type YamlNode } from "../yaml/node.js";
import { treeDirectory } from "./tree-path.js";

/** A file of the tree and its text. */
interface TextFile {
  readonly file: string;
  readonly text: string;
}

/** The API group of Flux's Kustomization, whose `spec.images` tags what it builds. */
const FLUX_KUSTOMIZE_GROUP = "kustomize.toolkit.fluxcd.io/";

/** Whether a YAML text may hold a Flux Kustomization with `images`: a screen before any parse. */
export function mayHoldFluxKustomization(text: string): boolean {
  return text.includes(FLUX_KUSTOMIZE_GROUP) && text.includes("images");
}

/** The names kustomize reads a directory's kustomization from. */
const KUSTOMIZATION_NAMES = new Set(["kustomization.yaml", "kustomization.yml", "Kustomization"]);

export function isKustomizationFile(path: string): boolean {
  return KUSTOMIZATION_NAMES.has(path.slice(path.lastIndexOf("/") + 1));
}

/** An `image` key's value (block, flow or JSON, quoted or not, anchored or not): enough to find a bare one without a parse. */
const IMAGE_VALUE = /\bimage["']?\s*:\s*(?:&[^\s,{}[\]]+\s+)?["']?([^\s"'#,{}[\]]+)/g;
/** A JSON6902 op's `value`, which sets an image where its `path` ends in `/image`. */
const OP_VALUE = /\bvalue["']?\s*:\s*["']?([^\s"'#,{}[\]]+)/g;

/**
 * Whether `text` may hold an `image:` naming one of `repositories` (canonical) with no tag or
 * digest, or a patch op's value of one (a text with `/image` in it): only then is the graph worth building.
 */
export function mayHoldBareImage(text: string, repositories: ReadonlySet<string>): boolean {
  for (const { value } of imageValues(text)) {
    const ref = tryParseImageRef(value);
    if (ref && ref.tag === undefined && ref.digest === undefined && repositories.has(ref.repository)) return true;
  }
  return false;
}

/** The values of a text's `image` keys, and of its patch ops when it may hold one, each with its offset. */
function* imageValues(text: string): Generator<{ readonly value: string; readonly start: number }> {
  const found = (match: RegExpMatchArray) => ({ value: match[1]!, start: match.index! + match[0].length - match[1]!.length });
  for (const match of text.matchAll(IMAGE_VALUE)) yield found(match);
  if (text.includes("/image")) for (const match of text.matchAll(OP_VALUE)) yield found(match);
}

interface Kustomization {
  readonly file: string;
  /** `kind: Component`: its entries tag the build of whatever includes it. */
  readonly component: boolean;
  /** Names of incoming repositories whose version its `images:` sets. */
  readonly tags: readonly string[];
  /** Paths from the root it builds from: resource and patch files, and directories of kustomizations. */
  readonly resources: readonly string[];
  /** Directories of the components it includes. */
  readonly components: readonly string[];
}

/** An `images:` entry that sets a version: the name it matches, and the kustomization (or component) file it is in. */
interface Tag {
  readonly name: string;
  readonly file: string;
}

/** The kustomizations of a tree by directory, each read when a build first needs it, and what their `images:` (with their components') tag. */
interface Graph {
  readonly directories: readonly string[];
  /** The directories whose kustomization spells an incoming repository: only those can tag one (the screen's token is in every spelling). */
  readonly naming: readonly string[];
  /** The kustomization of a directory (a path from the root), if the tree has one kustomize can read. */
  at(directory: string): Kustomization | undefined;
  /** The entries of a kustomization and of the components it includes, which tag its whole build. */
  tagsOf(k: Kustomization): readonly Tag[];
  /** The Flux Kustomizations whose spec.images tag an incoming repository, as kustomizations. */
  readonly flux: readonly Kustomization[];
}

function graphOf(
  kustomizations: readonly TextFile[],
  incoming: readonly ImageRef[],
  fluxKustomizations: readonly TextFile[],
  tree: readonly string[],
  treeRoot: string,
): Graph {
  const repositories = new Set(incoming.map((image) => image.repository));
  const byDirectory = new Map<string, TextFile>();
  // Kustomize refuses a directory with two of them; the first is as good a guess as any.
  for (const k of kustomizations) if (!byDirectory.has(posix.dirname(k.file))) byDirectory.set(posix.dirname(k.file), k);
  // Parsed when a build needs it: most of a tree's kustomizations have nothing to do with this run's images.
  const parsed = new Map<string, Kustomization | undefined>();
  const at = (directory: string): Kustomization | undefined => {
    if (!parsed.has(directory)) {
      const k = byDirectory.get(directory);
      parsed.set(directory, k && readKustomization(k.file, k.text, repositories));
    }
    return parsed.get(directory);
  };
  const tags = new Map<Kustomization, readonly Tag[]>();
  // A component's entries apply to the build of the kustomization that includes it.
  const tagsOf = (k: Kustomization, visiting = new Set<Kustomization>()): readonly Tag[] => {
    const known = tags.get(k);
    if (known) return known;
    if (visiting.has(k)) return [];
    visiting.add(k);
    const components = k.components.flatMap((path) => {
      const component = at(path);
      return component ? tagsOf(component, visiting) : [];
    });
    const all = [...k.tags.map((name) => ({ name, file: k.file })), ...components];
    tags.set(k, all);
    return all;
  };
  const tokens = incoming.map(screenToken);
  const names = ({ text }: TextFile) => tokens.some((token) => text.includes(token));
  const flux = fluxKustomizations
    .filter(names)
    .flatMap(({ file, text }) => readFluxKustomizations(file, text, repositories, (directory) => byDirectory.has(directory), tree, treeRoot));
  const naming = [...byDirectory].filter(([, k]) => names(k)).map(([directory]) => directory);
  return { directories: [...byDirectory.keys()], naming, at, tagsOf, flux };
}

/** How many kustomization files a message names, for any one name a file leaves to them: a chain of thousands would be unreadable, and copying them to every file it builds is quadratic. */
export const TAGGERS_NAMED = 5;

/** Some files of a set, as a message names them: the first TAGGERS_NAMED in path order, and whether there are others. */
export interface FirstFiles {
  readonly first: readonly string[];
  readonly others: boolean;
}

/** How a message names them: `a, b and c`, `a, b, c, d, e and others`. */
export function taggersWords({ first, others }: FirstFiles): string {
  return andList(others ? [...first, "others"] : first);
}

/** The kustomizations giving one name its version in one file (kustomizeTagged). */
export interface Tagging {
  /** Those that count: of the file's own target, or of none. */
  readonly by: FirstFiles;
  /** Whether one of those (named or not) is `edited`'s. */
  readonly edited: boolean;
  /** Those of other targets, which do not, by target. */
  readonly elsewhere: ReadonlyMap<string, FirstFiles>;
}

/** Who owns the files, for kustomizeTagged: a kustomization of another target than a file's does not decide its version. */
export interface Owners {
  /** The target a file belongs to, if any. */
  readonly ownerOf: (path: string) => string | undefined;
  /** Whether the run edits a kustomization (it is in the paths): one that does moves the version itself. */
  readonly edited: (path: string) => boolean;
}

/** A growing FirstFiles, and whether one of its files, kept or not, is edited. */
class Taggers {
  private readonly kept: string[] = [];
  private more = false;
  edited = false;

  add(file: string, edited: boolean): void {
    this.edited ||= edited;
    const at = partitionPoint(this.kept.length, (i) => this.kept[i]! < file);
    if (this.kept[at] === file) return;
    if (at === TAGGERS_NAMED) {
      this.more = true;
      return;
    }
    this.kept.splice(at, 0, file);
    if (this.kept.length > TAGGERS_NAMED) {
      this.kept.pop();
      this.more = true;
    }
  }

  /** Adds all of `other`'s: what it no longer holds was past its first, so past these too. */
  merge(other: Taggers): void {
    for (const file of other.kept) this.add(file, false);
    this.more ||= other.more;
    this.edited ||= other.edited;
  }

  get files(): FirstFiles {
    return { first: [...this.kept], others: this.more };
  }
}

/** What a build tags: per name, per target of the kustomization writing the entry (undefined for none), which ones do. */
type Tags = Map<string, Map<string | undefined, Taggers>>;

function addTaggers(into: Tags, name: string, owner: string | undefined, add: (taggers: Taggers) => void): void {
  const byOwner = into.get(name) ?? new Map<string | undefined, Taggers>();
  into.set(name, byOwner);
  const taggers = byOwner.get(owner) ?? new Taggers();
  byOwner.set(owner, taggers);
  add(taggers);
}

function mergeTags(into: Tags, from: Tags): void {
  for (const [name, byOwner] of from) for (const [owner, taggers] of byOwner) addTaggers(into, name, owner, (kept) => kept.merge(taggers));
}

/**
 * For each file that kustomizations of this tree build, the names (as written) of `incoming`
 * repositories one of them gives a version, each with the kustomization files whose `images:`
 * do it: a bare image of such a name is left to them. An entry naming an incoming
 * repository gets a tag from the kustomize editor even when it has none yet, so it counts.
 * `fluxKustomizations` are YAML files that may hold Flux Kustomizations (their files name them
 * too), `tree` every file of the tree, for what a Kustomization without a kustomization
 * file at its path builds, and `treeRoot` where the tree sits in its repository, from whose root
 * a Kustomization's `spec.path` is read. Under targets (`owners`), a kustomization counts only for
 * the files of its own target or of none: another target's team does not hold back this one's
 * version. What each build tags is handed down its includes once, so a chain is read in linear time.
 */
export function kustomizeTagged(
  kustomizations: readonly TextFile[],
  incoming: readonly ImageRef[],
  fluxKustomizations: readonly TextFile[] = [],
  tree: readonly string[] = [],
  treeRoot = "",
  owners: Owners = { ownerOf: () => undefined, edited: () => false },
): Map<string, Map<string, Tagging>> {
  const graph = graphOf(kustomizations, incoming, fluxKustomizations, tree, treeRoot);
  const { directories, naming, at, tagsOf, flux } = graph;
  const tagging = [...naming.flatMap((directory) => at(directory) ?? []).filter((k) => k.tags.length > 0), ...flux];
  // A component's includer need not name the image: to find it, every kustomization is read.
  const builds = tagging.some((k) => k.component) ? [...directories.flatMap((directory) => at(directory) ?? []), ...flux] : tagging;
  const byKustomization = new Map<Kustomization, Tags>();
  const byFile = new Map<string, Tags>();
  const tagsAt = <K>(map: Map<K, Tags>, key: K): Tags => {
    const known = map.get(key);
    if (known) return known;
    const tags: Tags = new Map();
    map.set(key, tags);
    return tags;
  };
  const starts = builds.filter((k) => tagsOf(k).length > 0);
  // Each before those it includes: what its builds tag is complete when it is handed down.
  for (const k of walk(graph, starts)) {
    const tags = tagsAt(byKustomization, k);
    for (const { name, file } of tagsOf(k)) addTaggers(tags, name, owners.ownerOf(file), (taggers) => taggers.add(file, owners.edited(file)));
    mergeTags(tagsAt(byFile, k.file), tags);
    for (const path of [...k.resources, ...k.components]) {
      const child = at(path);
      mergeTags(child ? tagsAt(byKustomization, child) : tagsAt(byFile, path), tags);
    }
  }
  const tagged = new Map<string, Map<string, Tagging>>();
  for (const [file, tags] of byFile) {
    const own = owners.ownerOf(file);
    const names = [...tags].map(([name, byOwner]): [string, Tagging] => {
      const counted = new Taggers();
      const elsewhere = new Map<string, FirstFiles>();
      for (const [owner, taggers] of byOwner) {
        if (owner === undefined || owner === own) counted.merge(taggers);
        else elsewhere.set(owner, taggers.files);
      }
      return [name, { by: counted.files, edited: counted.edited, elsewhere }];
    });
    tagged.set(file, new Map(names));
  }
  return tagged;
}

/**
 * The kustomizations builds from `starts` go through, those `through` lets pass, each before every one it
 * includes (a depth-first walk's reverse postorder; where kustomize refuses a cycle, it only must end).
 * A stack, not recursion: a chain of includes is as long as a tree makes it.
 */
function walk({ at }: Graph, starts: readonly Kustomization[], through: (k: Kustomization) => boolean = () => true): Kustomization[] {
  const done: Kustomization[] = [];
  const seen = new Set<Kustomization>();
  const children = (k: Kustomization) => [...k.resources, ...k.components].flatMap((path) => at(path) ?? []);
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
 * cluster applies), or at a Flux Kustomization with `spec.images`, and goes down its resources,
 * bases and components. Kustomize builds no component alone.
 */
interface Builds {
  /** The files the builds reach, kustomization files among them. */
  readonly reached: () => ReadonlySet<string>;
  /** The files the builds reach with `name` as written: through no kustomization that tags it (below one that does, nothing deploys it as written). */
  readonly asWritten: (name: string) => ReadonlySet<string>;
}

function buildsOf(graph: Graph, kustomizations: readonly Kustomization[]): Builds {
  const { at, tagsOf } = graph;
  const among = new Set(kustomizations);
  const included = new Set(kustomizations.flatMap((k) => [...k.resources, ...k.components].flatMap((path) => at(path) ?? [])));
  const roots = kustomizations.filter((k) => !k.component && !included.has(k));
  /** The files the builds reach through the kustomizations `through` lets pass. */
  const reached = (through: (k: Kustomization) => boolean): Set<string> => {
    const files = new Set<string>();
    for (const k of walk(graph, roots, (k) => among.has(k) && through(k))) {
      files.add(k.file);
      for (const path of [...k.resources, ...k.components]) if (!at(path)) files.add(path);
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
  return { reached: () => (every ??= reached(() => true)), asWritten };
}

/**
 * For each file kustomizations of this tree build, the names (as written) of `incoming`
 * repositories whose version every build of it sets: the version the file holds for such a name
 * is never deployed (a base whose overlays all re-tag its image). A file no build (buildsOf)
 * reaches is in no build. Flux Kustomizations without `spec.images` are not read (finding them would
 * search every YAML file of the tree on every run): one whose `spec.path` is the base itself
 * deploys it as written, unseen here. Arguments as for kustomizeTagged; linear in the
 * kustomizations and their entries, per name.
 */
export function retaggedInEveryBuild(
  kustomizations: readonly TextFile[],
  incoming: readonly ImageRef[],
  fluxKustomizations: readonly TextFile[] = [],
  tree: readonly string[] = [],
  treeRoot = "",
): Map<string, Set<string>> {
  const graph = graphOf(kustomizations, incoming, fluxKustomizations, tree, treeRoot);
  const all = [...graph.directories.flatMap((directory) => graph.at(directory) ?? []), ...graph.flux];
  const { reached, asWritten } = buildsOf(graph, all);
  const names = [...new Set(all.flatMap((k) => graph.tagsOf(k).map((tag) => tag.name)))];
  const retagged = new Map<string, Set<string>>();
  for (const file of reached()) {
    const every = names.filter((name) => !asWritten(name).has(file));
    if (every.length > 0) retagged.set(file, new Set(every));
  }
  return retagged;
}

/**
 * Which kustomizations deploy a file's image of a repository as the file writes it, nearest
 * first: each builds the file, and no kustomization on a build's way down to the file through it
 * (buildsOf) tags a name the file writes the repository as. Those names are the file's `image:`
 * values' and patch ops' values', or, for a kustomization file, its own `images:` entries';
 * a file that writes the repository in neither (Helm values) is deployed as written by every
 * kustomization building it, as kustomize tags none of it. None for a file no kustomization builds.
 * Arguments as for kustomizeTagged. Only the kustomizations above the file are parsed, found
 * upward among the texts that may list it (listScreen), so a tree of thousands parses a handful.
 */
export function deployedAsWrittenBy(
  kustomizations: readonly TextFile[],
  incoming: readonly ImageRef[],
  fluxKustomizations: readonly TextFile[] = [],
  tree: readonly string[] = [],
  treeRoot = "",
): (file: TextFile, repository: string) => string[] {
  let read: Graph | undefined;
  const parents = new Map<string, Kustomization[]>();
  const directories = kustomizations.map(({ file }) => posix.dirname(file));
  // A text spelling a path otherwise than kustomize reads it is not screened by bytes: it is parsed, and its paths normalised.
  const unscreened = kustomizations.map(({ text }) => NAMED_THEN_DOTS.test(text));
  /** The kustomizations listing a path: a kustomization stands in its includers' lists by its directory. */
  const parentsOf = (graph: Graph, path: string): Kustomization[] => {
    const known = parents.get(path);
    if (known) return known;
    const lists = (k: Kustomization) => k.resources.includes(path) || k.components.includes(path);
    const mayList = listScreen(path);
    const found = [
      ...kustomizations.flatMap(({ file, text }, i) => {
        if (!unscreened[i] && !mayList(directories[i]!, text)) return [];
        const k = graph.at(directories[i]!);
        return k?.file === file && lists(k) ? [k] : [];
      }),
      ...graph.flux.filter(lists),
    ];
    parents.set(path, found);
    return found;
  };
  /** The kustomizations up from `start` (a file, or a kustomization's directory) through those `passing` lets by, breadth first: the nearest come first. */
  const up = (graph: Graph, start: string, passing: (k: Kustomization) => boolean): Kustomization[] => {
    const found: Kustomization[] = [];
    const queue = [start];
    for (let i = 0; i < queue.length; i++) {
      for (const k of parentsOf(graph, queue[i]!)) {
        if (found.includes(k) || !passing(k)) continue;
        found.push(k);
        // A Flux Kustomization is included by nothing kustomize builds.
        if (graph.at(posix.dirname(k.file)) === k) queue.push(posix.dirname(k.file));
      }
    }
    return found;
  };
  const builds = new Map<string, Builds | undefined>();
  return ({ file, text }, repository) => {
    const graph = (read ??= graphOf(kustomizations, incoming, fluxKustomizations, tree, treeRoot));
    const own = isKustomizationFile(file) ? graph.at(posix.dirname(file)) : undefined;
    const start = own?.file === file ? posix.dirname(file) : file;
    if (!builds.has(start)) {
      // Every build of the file starts among these, and passes through none but these.
      const above = up(graph, start, () => true);
      builds.set(start, above.length > 0 ? buildsOf(graph, above) : undefined);
    }
    const built = builds.get(start);
    if (!built) return [];
    const names = own?.file === file ? own.tags.filter((name) => normalizeRepository(name) === repository) : writtenNames(text, repository);
    const found = new Set<string>();
    for (const passing of names.length === 0 ? [built.reached()] : names.map(built.asWritten)) {
      for (const k of up(graph, start, (k) => passing.has(k.file))) found.add(k.file);
    }
    return [...found];
  };
}

/**
 * A `.` or `..` segment after a name (`../../apps/cache/overlays/../base`), which kustomize reads
 * normalised (`../../apps/cache/base`), as it reads a path that does not exist on the way
 * (`overlays` may not): the path's normal form is not in the text.
 */
const NAMED_THEN_DOTS = /[^./\s]\/\.\.?(?![^/\s'",\]}#])/;

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
 * Where (offsets of the values) `text` writes `repository` under one of `names` (as written) in its
 * `image:` values and patch ops' values: kustomize re-tags a container image of exactly its entry's
 * name, and nothing else, not the same reference in `args:` or an env value.
 */
export function retaggedAt(text: string, repository: string, names: ReadonlySet<string>): ReadonlySet<number> {
  const at = new Set<number>();
  for (const { value, start } of imageValues(text)) {
    const ref = tryParseImageRef(value);
    if (ref?.repository === repository && names.has(ref.name)) at.add(start);
  }
  return at;
}

/** The names (as written) `text` gives `repository` in its `image:` values and patch ops' values, each once. */
function writtenNames(text: string, repository: string): string[] {
  const names = [...imageValues(text)].flatMap(({ value }) => {
    const ref = tryParseImageRef(value);
    return ref?.repository === repository ? [ref.name] : [];
  });
  return [...new Set(names)];
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
  return {
    file,
    component: scalarText(mapValue(root, "kind")) === "Component",
    tags: taggedNames(yaml, root, ["images"], list("images"), repositories),
    resources: [
      ...paths([...list("resources"), ...list("bases"), ...list("patchesStrategicMerge")]),
      ...paths([...patchFiles("patches"), ...patchFiles("patchesJson6902")]),
    ],
    components: paths(list("components")),
  };
}

/**
 * The Flux Kustomizations of a YAML file whose `spec.images` tag an incoming repository, as
 * kustomizations: each builds its `spec.path` (from the repository's root, as Flux reads it; the
 * tree's root when empty or above it) and its `spec.components`. `hasKustomization` tells a
 * directory with a kustomization file, which kustomize builds as one.
 */
function readFluxKustomizations(
  file: string,
  text: string,
  repositories: ReadonlySet<string>,
  hasKustomization: (directory: string) => boolean,
  tree: readonly string[],
  treeRoot: string,
): Kustomization[] {
  const yaml = tryYamlFile(text);
  if (yaml === undefined) return [];
  return yaml.documents.flatMap(({ root }): Kustomization[] => {
    if (root?.kind !== "map" || scalarText(mapValue(root, "kind")) !== "Kustomization") return [];
    if (!scalarText(mapValue(root, "apiVersion"))?.startsWith(FLUX_KUSTOMIZE_GROUP)) return [];
    const images = nodeAt(root, ["spec", "images"]);
    const tags = images?.kind === "seq" ? taggedNames(yaml, root, ["spec", "images"], images.items, repositories) : [];
    const path = fluxPath(scalarText(nodeAt(root, ["spec", "path"])), treeRoot);
    if (tags.length === 0 || path === undefined) return [];
    const components = nodeAt(root, ["spec", "components"]);
    return [
      {
        file,
        component: false,
        tags,
        resources: hasKustomization(path) ? [path] : generatedResources(path, hasKustomization, tree),
        components: components?.kind === "seq" ? components.items.flatMap((node) => inTree(path, scalarText(node)) ?? []) : [],
      },
    ];
  });
}

/** A Flux Kustomization's `spec.path` as a directory of the tree (`.` for its root); undefined for one outside it. */
function fluxPath(path: string | undefined, treeRoot: string): string | undefined {
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
