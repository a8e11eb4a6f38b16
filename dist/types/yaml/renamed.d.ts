import { type ImageUpdate } from "../image/update.js";
import { type PathSegment } from "./path.js";
import type { EditPlan } from "./plan.js";
import type { FieldNamer } from "../field-name.js";
/**
 * A kustomize image override that renames the incoming image `name` (as written) to another repository
 * (`to`, a mirror) with a version of its own: that version is the other repository's, so it is left, with
 * a warning at the override advising to set `field`, the one holding that version (an `images:` entry's
 * newTag, Argo CD's whole `name=image` string); an override (configured or `--set`) that sets it answers
 * it (overrides.ts). A rename without a version keeps the manifests' tag, which moves, and one already at
 * the incoming tag was set by whoever follows the mirror: no news. `fieldName` is the edit request's.
 */
export declare function warnRenamed(plan: EditPlan, incoming: ReadonlyMap<string, ImageUpdate>, fieldName: FieldNamer | undefined, at: {
    readonly start: number;
    readonly entry: readonly PathSegment[];
    readonly field: readonly PathSegment[];
}, name: string, to: {
    readonly name: string;
    readonly tag: string | undefined;
    readonly pinned: boolean;
}): void;
