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
import { type ImageRef } from "../image/reference.js";
import { type KustomizeTree } from "./kustomize-graph.js";
/**
 * Whether `text` may hold an `image:` naming one of `repositories` (canonical) with no tag or
 * digest, or a patch op's value of one (a text with `/image` in it): only then is the graph worth building.
 */
export declare function mayHoldBareImage(text: string, repositories: ReadonlySet<string>): boolean;
/** The values of a text's `image` keys, and of its patch ops when it may hold one, each with its offset. */
export declare function imageValues(text: string): Generator<{
    readonly value: string;
    readonly start: number;
}>;
/** How many kustomization files a message names, for any one name a file leaves to them: a chain of thousands would be unreadable, and copying them to every file it builds is quadratic. */
export declare const TAGGERS_NAMED = 5;
/** Some files of a set, as a message names them: the first TAGGERS_NAMED in path order, and whether there are others. */
export interface FirstFiles {
    readonly first: readonly string[];
    readonly others: boolean;
}
/** How a message names them: `a, b and c`, `a, b, c, d, e and others`. */
export declare function taggersWords({ first, others }: FirstFiles): string;
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
export declare function kustomizeTagged(tree: KustomizeTree, incoming: readonly ImageRef[], owners?: Owners): Map<string, Map<string, Tagging>>;
/**
 * For each file kustomizations of this tree build, the names (as written) of `incoming`
 * repositories whose version every build of it sets: the version the file holds for such a name
 * is never deployed (a base whose overlays all re-tag its image). A file no build (buildsOf)
 * reaches is in no build. Deployers without images (Flux Kustomizations, Argo CD Applications) are not read (finding them would
 * search every YAML file of the tree on every run): one whose `spec.path` is the base itself
 * deploys it as written, unseen here. Linear in the kustomizations and their entries, per name.
 */
export declare function retaggedInEveryBuild(tree: KustomizeTree, incoming: readonly ImageRef[]): Map<string, Set<string>>;
/**
 * Where (offsets of the values) `text` writes `repository` under one of `names` (as written) in its
 * `image:` values and patch ops' values: kustomize re-tags a container image of exactly its entry's
 * name, and nothing else, not the same reference in `args:` or an env value.
 */
export declare function retaggedAt(text: string, repository: string, names: ReadonlySet<string>): ReadonlySet<number>;
