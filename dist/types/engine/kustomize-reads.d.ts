/**
 * The planner's reads of the tree's kustomize builds: every kustomization and the patch files they name,
 * read once when first needed; which bare images kustomizations tag (kustomizations.ts), and the lone Helm
 * tags their patches write over a base HelmRelease (kustomize-patches.ts), with what they say of either.
 */
import type { Change, FieldWarning } from "../change.js";
import { type ImageRef } from "../image/reference.js";
import type { Config, Target } from "./config.js";
import { type FirstFiles } from "./kustomizations.js";
import { type KustomizeTree } from "./kustomize-graph.js";
import { type PairedTags, type PatchRun } from "./kustomize-patches.js";
import { type RequestedOverride } from "./overrides.js";
import type { TreeSource } from "./source.js";
/** What the readers read of a run (plan.ts's RunContext). */
export interface KustomizeRun extends Omit<PatchRun, "overridden"> {
    readonly source: TreeSource;
    readonly present: ReadonlySet<string>;
    readonly config: Pick<Config, "overrides"> | undefined;
    readonly overridesByFile: ReadonlyMap<string, readonly RequestedOverride[]>;
    /** The target a file belongs to among all configured. */
    readonly ownerOf: (path: string) => Pick<Target, "name"> | undefined;
}
/**
 * Every kustomization file of the tree, the patch files they name, and the files read that may hold
 * a deployer tagging an image: the screened texts first, the files the screen did not keep read
 * again, with the same bounded parallelism (a tree may hold thousands); one that is not UTF-8 is
 * left out, as the screen leaves it out of every edit. Read when a run first needs them, once,
 * into the one KustomizeTree every question about the tree's builds reads; without `patches`, the
 * patch files' texts are left out (none), for what asks only where the builds go.
 */
export declare function kustomizationsIn(source: TreeSource, files: readonly string[], texts: ReadonlyMap<string, string>, treeRoot: string): (patches?: boolean) => Promise<KustomizeTree>;
/**
 * Which files' bare images kustomizations tag (kustomizations.ts), from every kustomization of
 * the tree (bases usually live outside the promoted path); worked out only when a file to edit
 * may hold a bare image of an incoming repository, which few runs meet. Left silently where a
 * kustomization this run edits sets the version; where all of them are outside the paths, the
 * bare image says so (the run changes nothing for it). Under targets, another target's
 * kustomization does not decide a file's version: where only such ones tag it, the bare image
 * is pinned, and `elsewhere` says so at it (warnTaggedElsewhere).
 */
export declare function kustomizeTaggedIn(kustomizations: ReturnType<typeof kustomizationsIn>, texts: ReadonlyMap<string, string>, images: readonly ImageRef[], run: Pick<KustomizeRun, "inScope" | "ownerOf">): Promise<KustomizeTagged>;
/**
 * The lone Helm tags kustomize patches write over their base HelmRelease's pair, to edit as that pair's
 * (kustomize-patches.ts), with the patch files read into `texts`; worked out only where a file read may hold
 * a HelmRelease, which few runs meet.
 */
export declare function pairedTagsIn(kustomizations: ReturnType<typeof kustomizationsIn>, texts: Map<string, string>, run: KustomizeRun, warnings: FieldWarning[]): Promise<PairedTags>;
/** kustomizeTaggedIn's answer: per file, the names left to kustomizations (with the reason said, if any), and those only other targets' kustomizations tag, by target. */
export interface KustomizeTagged {
    readonly left: ReadonlyMap<string, ReadonlyMap<string, string | undefined>>;
    readonly elsewhere: ReadonlyMap<string, ReadonlyMap<string, ReadonlyMap<string, FirstFiles>>>;
}
/**
 * At each bare image a file's target pinned that only other targets' kustomizations tag (`elsewhere`, by name):
 * which, and why their entries did not keep it bare, as the outside-the-paths reason names them.
 */
export declare function warnTaggedElsewhere(changes: readonly Change[], elsewhere: ReadonlyMap<string, ReadonlyMap<string, FirstFiles>> | undefined, target: string | undefined, warnings: FieldWarning[]): void;
