/**
 * Which kustomizations deploy a file's version as written: those that build it with no
 * `images:` entry, nor patch, on the way down setting it. A base in one target's paths that another
 * target's overlay builds so deploys what this target writes there too (cross-target.ts).
 */
import { posix } from "node:path";
import { normalizeRepository, tryParseImageRef, type ImageRef } from "../image/reference.js";
import { imageValues } from "./kustomizations.js";
import { buildsOf, graphOf, isKustomizationFile, type Builds, type Graph, type Kustomization, type KustomizeTree } from "./kustomize-graph.js";
import { patchReader, resourcesOf, setsVersionIn } from "./kustomize-patches.js";
import type { TextFile } from "./source.js";

/**
 * Which kustomizations deploy a file's image of a repository as the file writes it, nearest
 * first: each builds the file, and no kustomization on a build's way down to the file through it
 * (buildsOf) tags a name the file writes the repository as, nor has a patch setting the
 * repository's version in one of the file's resources (kustomize-patches.ts: a container's image, a
 * HelmRelease's values tag). Those names are the file's `image:` values' and patch ops' values', or,
 * for a kustomization file, its own `images:` entries'; a file that writes the repository in
 * neither (Helm values) is tagged by no `images:`, only by patches. None for a file no kustomization builds.
 * Only the kustomizations above the file are parsed, found
 * upward among the texts that may list it (listScreen), so a tree of thousands parses a handful.
 */
export function deployedAsWrittenBy(tree: KustomizeTree, incoming: readonly ImageRef[]): (file: TextFile, repository: string) => AsWritten {
  const { kustomizations } = tree;
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
      ...graph.deployers.filter(lists),
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
        // A deployer is included by nothing kustomize builds.
        if (graph.at(posix.dirname(k.file)) === k) queue.push(posix.dirname(k.file));
      }
    }
    return found;
  };
  const builds = new Map<string, Builds | undefined>();
  const patchesOf = patchReader(tree);
  return ({ file, text }, repository) => {
    const graph = (read ??= graphOf(tree, incoming));
    const own = isKustomizationFile(file) ? graph.at(posix.dirname(file)) : undefined;
    const start = own?.file === file ? posix.dirname(file) : file;
    if (!builds.has(start)) {
      // Every build of the file starts among these, and passes through none but these.
      const above = up(graph, start, () => true);
      builds.set(start, above.length > 0 ? buildsOf(graph, above) : undefined);
    }
    const built = builds.get(start);
    if (!built) return { by: [], built: false, deployed: false };
    const names = own?.file === file ? own.tags.filter((name) => normalizeRepository(name) === repository) : writtenNames(text, repository);
    const resources = own?.file === file ? [] : resourcesOf(file, text);
    // A patch on the way up sets the version for whatever includes it, as an `images:` entry does.
    const patching = (k: Kustomization) => resources.length > 0 && setsVersionIn(patchesOf(k), resources, repository);
    const found = new Set<Kustomization>();
    for (const passing of names.length === 0 ? [built.reached()] : names.map(built.asWritten)) {
      for (const k of up(graph, start, (k) => passing.has(k.file) && !patching(k))) found.add(k);
    }
    // A build starts at a kustomization nothing includes (no component), or at a deployer.
    const starts = (k: Kustomization) => graph.at(posix.dirname(k.file)) !== k || (!k.component && parentsOf(graph, posix.dirname(k.file)).length === 0);
    return { by: [...new Set([...found].map((k) => k.file))], built: true, deployed: [...found].some(starts) };
  };
}

/** What deployedAsWrittenBy tells of a file's version of a repository. */
export interface AsWritten {
  /** The kustomizations that deploy it as written, nearest first. */
  readonly by: readonly string[];
  /** Whether a kustomization builds the file. */
  readonly built: boolean;
  /** Whether a build deploys it as written: one whose every way down sets the version over it deploys none of the file's. */
  readonly deployed: boolean;
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

/** The names (as written) `text` gives `repository` in its `image:` values and patch ops' values, each once. */
function writtenNames(text: string, repository: string): string[] {
  const names = [...imageValues(text)].flatMap(({ value }) => {
    const ref = tryParseImageRef(value);
    return ref?.repository === repository ? [ref.name] : [];
  });
  return [...new Set(names)];
}
