import { type ImageRef } from "../image/reference.js";
/** A file of the tree and its text. */
interface TextFile {
    readonly file: string;
    readonly text: string;
}
/** Whether a YAML text may hold a Flux Kustomization with `images`: a screen before any parse. */
export declare function mayHoldFluxKustomization(text: string): boolean;
export declare function isKustomizationFile(path: string): boolean;
/**
 * Whether `text` may hold an `image:` naming one of `repositories` (canonical) with no tag or
 * digest, or a patch op's value of one (a text with `/image` in it): only then is the graph worth building.
 */
export declare function mayHoldBareImage(text: string, repositories: ReadonlySet<string>): boolean;
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
export declare function kustomizeTagged(kustomizations: readonly TextFile[], incoming: readonly ImageRef[], fluxKustomizations?: readonly TextFile[], tree?: readonly string[], treeRoot?: string, owners?: Owners): Map<string, Map<string, Tagging>>;
/**
 * For each file kustomizations of this tree build, the names (as written) of `incoming`
 * repositories whose version every build of it sets: the version the file holds for such a name
 * is never deployed (a base whose overlays all re-tag its image). A file no build (buildsOf)
 * reaches is in no build. Flux Kustomizations without `spec.images` are not read (finding them would
 * search every YAML file of the tree on every run): one whose `spec.path` is the base itself
 * deploys it as written, unseen here. Arguments as for kustomizeTagged; linear in the
 * kustomizations and their entries, per name.
 */
export declare function retaggedInEveryBuild(kustomizations: readonly TextFile[], incoming: readonly ImageRef[], fluxKustomizations?: readonly TextFile[], tree?: readonly string[], treeRoot?: string): Map<string, Set<string>>;
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
export declare function deployedAsWrittenBy(kustomizations: readonly TextFile[], incoming: readonly ImageRef[], fluxKustomizations?: readonly TextFile[], tree?: readonly string[], treeRoot?: string): (file: TextFile, repository: string) => string[];
/**
 * Where (offsets of the values) `text` writes `repository` under one of `names` (as written) in its
 * `image:` values and patch ops' values: kustomize re-tags a container image of exactly its entry's
 * name, and nothing else, not the same reference in `args:` or an env value.
 */
export declare function retaggedAt(text: string, repository: string, names: ReadonlySet<string>): ReadonlySet<number>;
export {};
