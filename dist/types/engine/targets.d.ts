/**
 * Configured targets: which are in scope, which one a file belongs to, and their allow-lists.
 * Inside a target, an image (incoming or a marker's) is edited only when the target names its
 * repository, and a new tag only when the target's policy accepts it too.
 */
import type { Warning } from "../change.js";
import type { Policy } from "../image/policy.js";
import { type ImageRef } from "../image/reference.js";
import type { ImageUpdate } from "../image/update.js";
import type { Config, Target, TargetImage } from "./config.js";
/** The configured targets the request names (all of them when it names none); a name no target has is refused. */
export declare function targetsInScope(config: Config | undefined, names: readonly string[] | undefined): readonly Target[];
/** The target a file belongs to: the first whose paths match it (given every configured target, whatever the run selects). */
export declare function targetOf(targets: readonly Target[]): (path: string) => Target | undefined;
/**
 * Target paths that give their target no file, each at its line in the configuration: one that
 * matches no file of the tree (a typo, a directory since moved), and one whose every file an
 * earlier target's paths match first (a broad glob above it). Only for the targets in the run;
 * `configured` are all of them, in order, `files` every file of the tree.
 */
export declare function warnIdlePaths(configured: readonly Target[], targets: readonly Target[], files: readonly string[], configPath: string, warnings: Warning[]): void;
/**
 * Whether a target takes an image: its allow-list's entry for the repository, and why it keeps the
 * image out, if it does: `unlisted`, the allow-list lacks the repository; `policy`, the entry's policy
 * accepts no such tag (a digest alone no policy refuses here).
 */
export type Allowance = {
    readonly allowed: TargetImage;
    readonly refused?: undefined;
} | {
    readonly allowed: TargetImage & {
        readonly policy: Policy;
    };
    readonly refused: "policy";
} | {
    readonly allowed?: undefined;
    readonly refused: "unlisted";
};
/** The one answer to "does this target take this image, and does its policy accept the tag". */
export declare function allowance(target: Target, image: ImageRef): Allowance;
/** Without targets every incoming image applies everywhere; with targets, only what the file's target allows, under its policy. */
export declare function imagesFor(images: readonly ImageRef[], config: Config | undefined, target: Target | undefined, allowDowngrade: boolean): ImageUpdate[];
/**
 * Markers inside a target obey it like every other field: only images its allow-list names,
 * and a new tag only when the target's policy accepts it too. Outside targets, every marker.
 */
export declare function settersFor(setters: ReadonlyMap<string, ImageUpdate>, target: Target | undefined): ReadonlyMap<string, ImageUpdate>;
/** An image a target may refuse; a `--setter` value (`byRepository` false) reaches a file only at its markers. */
export interface RefusableImage {
    readonly image: ImageRef;
    readonly byRepository: boolean;
}
/**
 * What a file may be edited at besides the repositories it holds: its markers' keys. (A configured override of an
 * image its file's target does not allow is refused as the configuration is read: it reaches nothing here.)
 */
export interface FileReach {
    readonly setters: ReadonlyMap<string, ImageUpdate>;
}
/**
 * Says why a target edits nothing for an image: its allow-list or its policy refuses it.
 * A refusing allow-list is news only where a file of the target holds what the run would have
 * edited there (the repository, a marker standing for the image):
 * those places are named. A refusing policy is news only for a target with files in scope. Targets are named in one warning per image, not one each: with many
 * clusters, most targets leave most images out. `targets` are those in the run, `ownerOf` the
 * target a file belongs to among all configured (targetOf), `files` the texts in scope.
 */
export declare function warnRefusedImages(images: readonly RefusableImage[], targets: readonly Target[], ownerOf: (path: string) => Target | undefined, files: ReadonlyMap<string, string>, reachOf: (path: string) => FileReach, warnings: Warning[]): void;
