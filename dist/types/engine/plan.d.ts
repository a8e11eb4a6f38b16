/**
 * Planning: request -> plan. Reads the tree once, screens every candidate file with a
 * byte search before any parse (most files of a manifests monorepo never hold the image),
 * runs the pure editors on the few that do, and returns the new texts with every change.
 * Nothing is written here; a plan that throws leaves the tree as it was.
 */
import type { Change, FieldWarning, Warning } from "../change.js";
import type { ImageRef } from "../image/reference.js";
import { type Target } from "./config.js";
import { type UpdateRequest } from "./request.js";
import { type TreeSource } from "./source.js";
export interface FilePlan {
    readonly path: string;
    readonly before: string;
    readonly after: string;
    readonly changes: readonly Change[];
    readonly target?: string;
}
export interface PlannedTarget {
    readonly name: string;
    readonly delivery?: Target["delivery"];
}
export interface Plan {
    /** Files whose text changes, in path order. */
    readonly files: readonly FilePlan[];
    readonly changes: readonly Change[];
    readonly warnings: readonly Warning[];
    /** The configured targets in scope (empty without a configuration). */
    readonly targets: readonly PlannedTarget[];
    /** The incoming images as validated: the request's images, then its `--setter` values, in the order given. */
    readonly images: readonly ImageRef[];
}
/**
 * Turns a request into a plan, reading `listed` and writing nothing (writePlan does). Throws
 * RequestError for bad input, each issue telling whether the request or the tree is wrong
 * (RequestIssue); whatever `listed` throws propagates as it is.
 */
export declare function planUpdate(listed: TreeSource, request: UpdateRequest): Promise<Plan>;
/**
 * Whether the warnings `said` of a file explain a reference to `repository` left at another version at `line`
 * (undefined: the file's own). One at its line does, or one about its image (about.image) that is of the whole
 * file (no line) or names its line (about.lines: an alias's, "of base-image (line 3), which holds …"): a field's
 * warning at another line (its digest pin dropped) speaks of that field, even of the image. One about another
 * image of the file (a parameter that moved, one refused) says nothing of it, at its line either (a flow mapping
 * or JSON line holding both). Without such references, or in a file not edited, any warning of the file does.
 * What a warning is about is compared, never its words, which get reworded.
 */
export declare function warnedOf(said: readonly FieldWarning[], repository: string, line: number | undefined): boolean;
