/**
 * Configuration files where none is read: `gitops-promote.yaml` at the tree's root (beside
 * `.github/`, not in it), and `.github/gitops-promote.yaml` below the root (a tree holding
 * another tree, as examples/ does). Neither is the configuration, and neither is a manifest: a
 * configuration's `image:` keys name repositories, and its targets' files are another tree's.
 * Each is left out of the edit and said once, as the CLI says of a configuration above DIR.
 */
import type { AsideWarning } from "../change.js";
/** Whether `path` is named as a configuration where none is read. */
export declare function isMisplacedConfig(path: string): boolean;
/** The configuration this run reads: its file (undefined for one the request gives as a Config), and whether it exists. */
export interface ReadConfig {
    readonly path: string | undefined;
    readonly present: boolean;
    /** Whether `path` is the default name, read when the request names none. */
    readonly byDefault: boolean;
}
/** A warning at each misplaced configuration of `files` (the one the run reads is never one), saying where the configuration is read from. */
export declare function warnMisplacedConfigs(files: readonly string[], read: ReadConfig): AsideWarning[];
