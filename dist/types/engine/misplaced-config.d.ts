/**
 * Configuration files where none is read: `gitops-promote.yaml` at the tree's root (beside
 * `.github/`, not in it), and `.github/gitops-promote.yaml` below the root (a tree holding
 * another tree, as examples/ does). Neither is the configuration, and neither is a manifest: a
 * configuration's `image:` keys name repositories, and its targets' files are another tree's.
 * Each is left out of the edit. One at the root where no configuration is read stops the run,
 * as the CLI stops for a configuration above DIR: without its targets, a release candidate would
 * reach every environment. The others are said once.
 * A file so named that reads as a manifest (a Deployment of an app called gitops-promote) is one.
 */
import type { AsideWarning } from "../change.js";
import { type FieldNamer } from "../field-name.js";
import { type TreeSource } from "./source.js";
/** The files of `files` named as a configuration where none is read that read as one: its keys, no object's. */
export declare function misplacedConfigsIn(source: TreeSource, files: readonly string[], read: ReadConfig): Promise<Set<string>>;
/** The configuration this run reads: its file (undefined for one the request gives as a Config), and whether it exists. */
export interface ReadConfig {
    readonly path: string | undefined;
    readonly present: boolean;
    /** Whether `path` is the default name, read when the request names none. */
    readonly byDefault: boolean;
    /** Whether the request asks for no configuration (NO_CONFIG). */
    readonly none?: boolean;
}
/**
 * A warning at each misplaced configuration (misplacedConfigsIn), saying where the configuration
 * is read from; first, throws RequestError for one at the root where none is read (refuseUnreadConfig).
 * `name` names the configuration's field as the request's face takes it (`--config`, `config:`); without it, as both do.
 */
export declare function warnMisplacedConfigs(misplaced: ReadonlySet<string>, read: ReadConfig, name?: FieldNamer): AsideWarning[];
