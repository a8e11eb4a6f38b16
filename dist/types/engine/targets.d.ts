import type { Warning } from "../change.js";
import { type ImageRef } from "../image/reference.js";
import type { ImageUpdate } from "../image/update.js";
import type { Config, Target } from "./config.js";
/** The configured targets the request names (all of them when it names none); a name no target has is refused. */
export declare function targetsInScope(config: Config | undefined, names: readonly string[] | undefined): readonly Target[];
/** The target a file belongs to: the first in scope whose paths match it. */
export declare function targetOf(targets: readonly Target[]): (path: string) => Target | undefined;
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
/** What a file may be edited at besides the repositories it holds: its markers' keys, and the repositories configured overrides set in it. */
export interface FileReach {
    readonly setters: ReadonlyMap<string, ImageUpdate>;
    readonly overridden: readonly string[];
}
/**
 * Says why a target edits nothing for an image: its allow-list or its policy refuses it.
 * A refusing allow-list is news only where a file of the target holds what the run would have
 * edited there (the repository, a marker standing for the image, an override setting it):
 * those places are named. A refusing policy is news only for a target with files in scope. Targets are named in one warning per image, not one each: with many
 * clusters, most targets leave most images out. `files` are the texts in scope.
 */
export declare function warnRefusedImages(images: readonly RefusableImage[], targets: readonly Target[], files: ReadonlyMap<string, string>, reachOf: (path: string) => FileReach, warnings: Warning[]): void;
