/**
 * Which kustomizations deploy a file's version as written: those that build it with no
 * `images:` entry, nor patch, on the way down setting it, and whose build kustomize does not fail. A base in one target's paths that another
 * target's overlay builds so deploys what this target writes there too (cross-target.ts).
 */
import { posix } from "node:path";
import { normalizeRepository, tryParseImageRef, type ImageRef } from "../image/reference.js";
import { imageValues } from "./kustomizations.js";
import { buildsOf, graphOf, listedAs, upward, type Builds, type Graph, type Kustomization, type KustomizeTree, type Upward } from "./kustomize-graph.js";
import { failsBuild, patchReader, resourcesOf, setsVersionIn } from "./kustomize-patches.js";
import type { TextFile } from "./source.js";

/**
 * Which kustomizations deploy a file's image of a repository as the file writes it, nearest
 * first: each builds the file, and no kustomization on a build's way down to the file through it
 * (buildsOf) tags a name the file writes the repository as, nor has a patch setting the
 * repository's version in one of the file's resources (kustomize-patches.ts: a container's image, a
 * HelmRelease's values tag), nor fails its build, a patch kustomize refuses to read in it or in one it includes (failsBuild).
 * Those names are the file's `image:` values' and patch ops' values', or,
 * for a kustomization file, its own `images:` entries'; a file that writes the repository in
 * neither (Helm values) is tagged by no `images:`, only by patches. None for a file no kustomization builds.
 * The kustomizations above the file are found upward from it (kustomize-graph.ts upward), not by parsing the tree's every one.
 */
export function deployedAsWrittenBy(tree: KustomizeTree, incoming: readonly ImageRef[]): (file: TextFile, repository: string) => AsWritten {
  let read: { graph: Graph; above: Upward; fails: (k: Kustomization) => boolean } | undefined;
  const builds = new Map<string, Builds | undefined>();
  const patchesOf = patchReader(tree);
  return ({ file, text }, repository) => {
    if (!read) {
      const graph = graphOf(tree, incoming);
      read = { graph, above: upward(tree, graph, graph.deployers), fails: failsBuild(tree, graph) };
    }
    const { graph, above, fails } = read;
    const start = listedAs(graph, file);
    // The file is a kustomization kustomize reads, listed by its directory.
    const own = start === file ? undefined : graph.at(start);
    if (!builds.has(start)) {
      // Every build of the file starts among these, and passes through none but these.
      const all = above.up(start);
      builds.set(start, all.length > 0 ? buildsOf(graph, all) : undefined);
    }
    const built = builds.get(start);
    if (!built) return { by: [], built: false, deployed: false };
    const names = own ? own.tags.filter((name) => normalizeRepository(name) === repository) : writtenNames(text, repository);
    const resources = own ? [] : resourcesOf(file, text);
    // A patch on the way up sets the version for whatever includes it, as an `images:` entry does.
    const patching = (k: Kustomization) => resources.length > 0 && setsVersionIn(patchesOf(k), resources, repository);
    const found = new Set<Kustomization>();
    for (const passing of names.length === 0 ? [built.reached()] : names.map(built.asWritten)) {
      // A failing build deploys nothing, nor does anything including it.
      for (const k of above.up(start, (k) => passing.has(k.file) && !patching(k) && !fails(k))) found.add(k);
    }
    // A build starts at a kustomization nothing includes (no component), or at a deployer.
    const starts = (k: Kustomization) => graph.at(posix.dirname(k.file)) !== k || (!k.component && above.parentsOf(posix.dirname(k.file)).length === 0);
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

/** The names (as written) `text` gives `repository` in its `image:` values and patch ops' values, each once. */
function writtenNames(text: string, repository: string): string[] {
  const names = [...imageValues(text)].flatMap(({ value }) => {
    const ref = tryParseImageRef(value);
    return ref?.repository === repository ? [ref.name] : [];
  });
  return [...new Set(names)];
}
