/**
 * Which files' bare container images kustomize tags: a kustomization's `images:` entry gives
 * a version to every container image named exactly as its `name` in whatever the kustomization
 * builds (kustomize-graph.ts), and a component's entries do the same to everything the
 * kustomization including it builds. A deployer's images (a Flux Kustomization's `spec.images`, an
 * Argo CD Application's `kustomize.images`) are the same list over what it builds. Where every
 * build of a file re-tags a name so (everyBuildRetags), a bare `image: ghcr.io/acme/api` (the usual
 * base, `# tag set by overlays`) is left for those entries: pinning it too would rewrite the base on
 * every promotion, to whichever environment went last. Where one build deploys it as written (an
 * overlay with no entry for it), it runs `:latest` there, so it is given the tag, which the entries
 * re-tagging it elsewhere replace. Pure: the tree's kustomizations in, per file the image names
 * tagged and by which files, out.
 *
 * Matching is kustomize's: the container's name as written equals the entry's `name` (kustomize
 * does not normalise, so `nginx` is not `docker.io/library/nginx` to it).
 */
import { tryParseImageRef, type ImageRef } from "../image/reference.js";
import { andList } from "../text/and-list.js";
import { partitionPoint } from "../text/partition-point.js";
import { buildsOf, buildsReaching, graphOf, walk, type Builds, type Kustomization, type KustomizeTree } from "./kustomize-graph.js";
import { failsBuild } from "./kustomize-patches.js";

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
export function* imageValues(text: string): Generator<{ readonly value: string; readonly start: number }> {
  const found = (match: RegExpMatchArray) => ({ value: match[1]!, start: match.index! + match[0].length - match[1]!.length });
  for (const match of text.matchAll(IMAGE_VALUE)) yield found(match);
  if (text.includes("/image")) for (const match of text.matchAll(OP_VALUE)) yield found(match);
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
 * repositories every build of it re-tags (everyBuildRetags), each with the kustomization files
 * whose `images:` do it: a bare image of such a name is left to them. A name one build deploys as
 * written is not among them, however many others re-tag it. An entry naming an incoming
 * repository gets a tag from the kustomize editor even when it has none yet, so it counts.
 * Under targets (`owners`), a kustomization counts only for
 * the files of its own target or of none: another target's team does not hold back this one's
 * version. What each build tags is handed down its includes once, so a chain is read in linear time.
 */
export function kustomizeTagged(
  tree: KustomizeTree,
  incoming: readonly ImageRef[],
  owners: Owners = { ownerOf: () => undefined, edited: () => false },
): Map<string, Map<string, Tagging>> {
  const graph = graphOf(tree, incoming);
  const { directories, naming, at, tagsOf, deployers } = graph;
  const tagging = [...naming.flatMap((directory) => at(directory) ?? []).filter((k) => k.tags.length > 0), ...deployers];
  // A component's includer need not name the image: to find it, every kustomization is read.
  const builds = tagging.some((k) => k.component) ? [...directories.flatMap((directory) => at(directory) ?? []), ...deployers] : tagging;
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
  // Only the builds reaching these files decide, whatever their owners: a build deploying the file as written runs it untagged.
  let reaching: Builds | undefined;
  const retags = (file: string, name: string) => everyBuildRetags((reaching ??= buildsReaching(tree, graph, byFile.keys())), file, name);
  const tagged = new Map<string, Map<string, Tagging>>();
  for (const [file, tags] of byFile) {
    const own = owners.ownerOf(file);
    const retagged = [...tags].filter(([name]) => retags(file, name));
    if (retagged.length === 0) continue;
    const names = retagged.map(([name, byOwner]): [string, Tagging] => {
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
 * For each file kustomizations of this tree build, the names (as written) of `incoming`
 * repositories whose version every build of it sets: the version the file holds for such a name
 * is never deployed (a base whose overlays all re-tag its image). A file no build (buildsOf)
 * reaches is in no build. Deployers without images (Flux Kustomizations, Argo CD Applications) are not read (finding them would
 * search every YAML file of the tree on every run): one whose `spec.path` is the base itself
 * deploys it as written, unseen here. Linear in the kustomizations and their entries, per name.
 */
export function retaggedInEveryBuild(tree: KustomizeTree, incoming: readonly ImageRef[]): Map<string, Set<string>> {
  const graph = graphOf(tree, incoming);
  // A build through a patch kustomize refuses fails, deploying nothing: it is none of the file's builds.
  const fails = failsBuild(tree, graph);
  const all = [...graph.directories.flatMap((directory) => graph.at(directory) ?? []), ...graph.deployers].filter((k) => !fails(k));
  const builds = buildsOf(graph, all);
  const names = [...new Set(all.flatMap((k) => graph.tagsOf(k).map((tag) => tag.name)))];
  const retagged = new Map<string, Set<string>>();
  for (const file of builds.reached()) {
    const every = names.filter((name) => everyBuildRetags(builds, file, name));
    if (every.length > 0) retagged.set(file, new Set(every));
  }
  return retagged;
}

/**
 * Whether every build of `file` among `builds` re-tags `name`: none reaches it through no kustomization whose
 * `images:` (or a deployer's) tag that name. So of a file no build reaches, which deploys nothing.
 */
function everyBuildRetags(builds: Builds, file: string, name: string): boolean {
  return !builds.asWritten(name).has(file);
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
