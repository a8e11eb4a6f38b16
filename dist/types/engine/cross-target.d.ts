import type { Change, FieldWarning } from "../change.js";
import type { Config, Target } from "./config.js";
import { type KustomizeTree } from "./kustomize-graph.js";
import type { ValidRequest } from "./request.js";
/** What the check reads of a run (plan.ts's RunContext). */
export interface CrossTargetRun {
    readonly valid: Pick<ValidRequest, "images" | "setters">;
    /** Every file of the tree. */
    readonly files: readonly string[];
    readonly config: Pick<Config, "targets"> | undefined;
    /** The target a file belongs to among all configured. */
    readonly ownerOf: (path: string) => Target | undefined;
}
/** A file the run edits: its new text and its changes. */
export interface EditedFile {
    readonly path: string;
    readonly after: string;
    readonly changes: readonly Change[];
}
/**
 * A warning at each changed field that a kustomization of another target builds and deploys as
 * written (deployed-as-written.ts), naming the nearest such kustomization of each
 * such target, whether that target's allow-list or policy refuses the version, and whether its
 * changes go by pull request. The tree's kustomizations (`kustomizations`, read once per run) are
 * read only with two targets or more and an edited file in or below a directory holding one:
 * kustomize reads no file outside a kustomization's directory.
 */
export declare function reachingOtherTargets(run: CrossTargetRun, planned: readonly EditedFile[], kustomizations: () => Promise<KustomizeTree>): Promise<FieldWarning[]>;
