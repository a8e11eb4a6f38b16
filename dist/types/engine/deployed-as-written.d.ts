import { type ImageRef } from "../image/reference.js";
import { type KustomizeTree } from "./kustomize-graph.js";
import type { TextFile } from "./source.js";
/**
 * Which kustomizations deploy a file's image of a repository as the file writes it, nearest
 * first: each builds the file, and no kustomization on a build's way down to the file through it
 * (buildsOf) tags a name the file writes the repository as, nor has a patch setting the
 * repository's version in one of the file's resources (kustomize-patches.ts: a container's image, a
 * HelmRelease's values tag). Those names are the file's `image:` values' and patch ops' values', or,
 * for a kustomization file, its own `images:` entries'; a file that writes the repository in
 * neither (Helm values) is tagged by no `images:`, only by patches. None for a file no kustomization builds.
 * The kustomizations above the file are found upward from it (kustomize-graph.ts upward), not by parsing the tree's every one.
 */
export declare function deployedAsWrittenBy(tree: KustomizeTree, incoming: readonly ImageRef[]): (file: TextFile, repository: string) => AsWritten;
/** What deployedAsWrittenBy tells of a file's version of a repository. */
export interface AsWritten {
    /** The kustomizations that deploy it as written, nearest first. */
    readonly by: readonly string[];
    /** Whether a kustomization builds the file. */
    readonly built: boolean;
    /** Whether a build deploys it as written: one whose every way down sets the version over it deploys none of the file's. */
    readonly deployed: boolean;
}
