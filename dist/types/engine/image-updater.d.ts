/**
 * argocd-image-updater's own configuration in a tree: its Application annotations
 * (`argocd-image-updater.argoproj.io/image-list: web=ghcr.io/acme/web:~1.2`, ...) and its v1.x
 * `ImageUpdater` objects (`imageName: ghcr.io/acme/web:1.2.x`). They name images with update
 * constraints, never an image Argo CD deploys: no rule edits them, and the warnings about places
 * left at an old version do not count them. The one thing in them that decides versions, a semver
 * constraint, gitops-promote does not read: it is said where it refuses the version a run writes.
 * Read line by line, as written in block style; a file that does not name the API group is not looked at.
 */
import type { Change, Warning } from "../change.js";
import { type ImageRef } from "../image/reference.js";
import type { Allowance } from "./targets.js";
/** `text` with the values of image-updater's annotations and its own documents blanked out, lines and offsets kept. */
export declare function withoutImageUpdater(text: string): string;
/**
 * A warning for each constraint of image-updater's that refuses the tag an incoming image brings,
 * when the run writes that tag somewhere (`changes`): image-updater would not have chosen it, and a
 * team moving to gitops-promote keeps that rule only as a target policy. `texts` are the files in
 * scope. An annotation is its Application's, judged by its file's target; an ImageUpdater object
 * picks Applications by name wherever it is, so it is judged by each target whose files the run
 * wrote the tag in, where both would write. A target that keeps the image out (`ruleOf`, a file's
 * target and its allowance of the image) has that rule, and one whose policy admits the tag chose
 * another: the annotation or object is then said to be left over.
 */
export declare function warnImageUpdaterConstraints(images: readonly ImageRef[], texts: readonly (readonly [string, string])[], changes: readonly Change[], ruleOf: (path: string, image: ImageRef) => (Allowance & {
    readonly target: string;
}) | undefined, warnings: Warning[]): void;
