/**
 * Where the incoming images reached the tree, for a person to learn why a run moved less than
 * they expected: a repository no file holds (a typo), one that sits only where no rule edits,
 * and a field moved beside markers of its image that stay.
 */
import { type Change, type Warning } from "../change.js";
import { type ImageRef } from "../image/reference.js";
import { type ImageUpdate } from "../image/update.js";
import type { FluxPolicy } from "./setters.js";
import type { RequestedOverride } from "./overrides.js";
import type { ValidRequest } from "./request.js";
/**
 * A run that changes nothing because nothing names what it brings is most often a typo in a
 * repository or a marker key: say so, instead of a bare "nothing to change". An image counts
 * as reached when a file in scope holds its repository, a marker key or a configured override
 * stands for it; a `--setter` key, when a file in scope holds a marker with it where markers are read.
 * The repository or key of those `known` (configured, or defined in the tree) it most likely meant is named.
 * `texts` are the files in scope, by path; `unreached`, unreachedImages' of them. Where the paths to update
 * left out the files that hold one (`outside` counts them: a mistyped --path, most often), that is said instead.
 */
export declare function warnUnreached(valid: ValidRequest, unreached: readonly ImageRef[], known: {
    readonly keys: ReadonlySet<string>;
    readonly repositories: ReadonlySet<string>;
}, texts: readonly (readonly [string, string])[], outside: (image: ImageRef) => number, warnings: Warning[]): void;
/** The incoming images no file of `texts` holds (holdsImage), no marker key and no configured override of `overrides` stands for. */
export declare function unreachedImages(valid: ValidRequest, updates: readonly ImageUpdate[], overrides: ReadonlyMap<string, readonly RequestedOverride[]>, texts: readonly (readonly [string, string])[]): ImageRef[];
/**
 * Whether a file holds the image where a field may be edited: a repository only argocd-image-updater's annotations or objects
 * name is in none. A KCL reference built on a registry constant holds it unspelt; editKcl names it.
 */
export declare function holdsImage(path: string, text: string, image: ImageRef): boolean;
/**
 * A field matched by repository moves while the marked fields of the same image in its file may
 * not: without a target it takes the incoming version as given (DESIGN §3), while they follow
 * their ImagePolicy; and a marker no ImageUpdateAutomation's update path holds is left as it is,
 * target or not. A field moved where its markers stay (a release candidate, a late older build,
 * a file Flux does not update) is said at its line, so one pod does not split across versions
 * unseen. Only whole references are judged (a tag field alone does not say its image); a policy
 * only beside one marker key of the image. `policySetters` are the file's markers whose policy
 * the field escaped (none in a target, whose policy the field obeys too); `left`, FileSetters'.
 */
export declare function warnBesideMarkers(changes: readonly Change[], policySetters: ReadonlyMap<string, ImageUpdate>, left: ReadonlyMap<string, readonly ImageRef[]>, text: string, warnings: Warning[]): void;
/**
 * A field matched by repository takes the incoming version as given when no target policy
 * applies (DESIGN §2.2, §3), while Flux's ImagePolicies of its repository, which govern only
 * marked fields, may refuse it: a release candidate or a late, older build reaches the one
 * unmarked Job of production. Said at the field when the ImagePolicies that would govern it
 * (`policiesAt`, the nearest, as for a marker) include one that would refuse its new version.
 * `updates` are the file's incoming images; a field of an image with a policy here (a target's),
 * or whose markers are in this file (`marked`, which warnBesideMarkers speaks for), is not judged.
 */
export declare function warnUnpolicied(changes: readonly Change[], updates: readonly ImageUpdate[], policiesAt: (repository: string) => readonly FluxPolicy[], marked: (image: ImageRef) => boolean, warnings: Warning[]): void;
/** Why a file may keep an image's old version, as the plan knows it. */
interface UnmovedContext {
    /**
     * A warning or an override already says why the file keeps the image's old version (a policy, a
     * target, a placeholder...): at `line`, a line holding a reference to another version, or
     * anywhere in the file when it holds none (undefined: a pair of fields, a mention).
     */
    readonly explained: (path: string, image: ImageRef, line: number | undefined) => boolean;
    /** The run changes nothing and says nothing else: a mention of the repository with no version counts then too. */
    readonly quiet: boolean;
}
/** Where a file is left at an old version of an image: a reference to another version as written, or where the file spells the repository (a pair of fields, a mention). */
export interface LeftPlace {
    readonly at: number;
    /** The 1-based line of `at`. */
    readonly line: number;
    readonly reference?: string;
}
/** An incoming image and the files left at an old version of it, each with its places. */
export interface LeftBehind {
    readonly image: ImageRef;
    readonly files: readonly {
        readonly path: string;
        readonly places: readonly LeftPlace[];
    }[];
}
/**
 * A field the run left at an old version, unseen, would run the old build while the run reads
 * as done: an image reached through a YAML alias whose anchor is not an image field, one in a
 * string, a substitution, a file kind not read, a file in no target. Each file of `texts` (as the plan leaves them;
 * argocd-image-updater's annotations and objects left out)
 * that holds the repository joined to another version (outside comments; also beside a field that took the new one:
 * a Helm parameter holding the whole reference beside a pair that moved), or as a pair of fields the editors read with
 * neither the new tag nor digest, and that no other warning explains, is left behind, also when other files change,
 * at each reference no warning explains. A run that changes nothing
 * and says nothing else counts a bare mention of the repository too, unless some file holds the
 * new version (the fields may well hold it), rather than let "nothing to change" read as "every
 * field holds it". Images left nowhere are not listed.
 */
export declare function leftBehind(images: readonly ImageRef[], texts: ReadonlyMap<string, string>, context: UnmovedContext): LeftBehind[];
/**
 * Names the places left behind (leftBehind's, `texts` as it read them), each at its file and line
 * as --json gives them, one warning per image and reason when there are more than SAID_APART;
 * a file in no configured target gets that reason, not the editing rules.
 */
export declare function warnUnmoved(left: readonly LeftBehind[], texts: ReadonlyMap<string, string>, context: {
    /** The configured targets' names (none without a configuration), and whether a file is in none of them, where nothing is edited. */
    readonly targets: readonly string[];
    readonly inNoTarget: (path: string) => boolean;
}, warnings: Warning[]): void;
/**
 * Where the text first spells the image's repository: a reference to it in any registry spelling, or its
 * path alone (a Helm `repository:` beside its `registry:`), never another registry's repository of the same
 * path (`mirror.acme.io/acme/app` for ghcr.io/acme/app) nor a longer one ending in it (`bitnami/nginx` for nginx).
 */
export declare function spelledAt(text: string, image: ImageRef): number | undefined;
export {};
