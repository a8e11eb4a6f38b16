import type { FieldWarning } from "../change.js";
import { type ImageRef } from "../image/reference.js";
import { type KustomizeTree } from "./kustomize-graph.js";
import type { TreeSource } from "./source.js";
/** What the warning reads of a run (plan.ts's RunContext). */
export interface OutsideRun {
    readonly source: TreeSource;
    readonly files: readonly string[];
    readonly inScope: (path: string) => boolean;
}
/**
 * Warns at each kustomization inside the paths to update that deploys, as written, a file outside
 * them holding an incoming image at another version (leftBehind's references, deployedAsWrittenBy's
 * kustomizations: no `images:` entry nor patch on the way sets it), once per kustomization and
 * repository, with the entry that would set it. Asked only where the paths leave a file out and
 * keep a kustomization in (a run without --path reads nothing for it); only the files those
 * kustomizations build are read, and the patch files only where one of those holds an old version.
 */
export declare function warnBuiltOutside(run: OutsideRun, images: readonly ImageRef[], tree: (patches?: boolean) => Promise<KustomizeTree>, warnings: FieldWarning[]): Promise<void>;
