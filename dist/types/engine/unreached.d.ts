/**
 * Incoming images and `--setter` keys that reach no file, for a person to learn why a run moved
 * less than they expected: a repository no file holds (a typo, most often), or one held only
 * outside the paths to update.
 */
import type { Warning } from "../change.js";
import { type ImageRef } from "../image/reference.js";
import type { RequestedOverride } from "./overrides.js";
import type { ValidRequest } from "./request.js";
import { type FluxSetter } from "./flux-objects.js";
/**
 * A run that changes nothing because nothing names what it brings is most often a typo in a
 * repository or a marker key: say so, instead of a bare "nothing to change". An image counts
 * as reached when a file in scope holds its repository, a marker uses a key defined for it
 * (`defined`, resolveSetters' definedFor) or a configured override stands for it; a `--setter`
 * key, when a file in scope holds a marker with it. A key defined for an image that no marker uses
 * is named: a setter or ImagePolicy for it says nothing of where it is deployed.
 * The repository or key of those `known` (configured, or defined in the tree) it most likely meant is named.
 * `texts` are the files in scope, by path; `unreached`, unreachedImages' of them. Where the paths to update
 * left out the files that hold one (`outside` counts them: a mistyped --path, most often), that is said instead;
 * where a key's only marker is written where its editor reads none (misplacedMarkers), that marker is named.
 */
export declare function warnUnreached(valid: ValidRequest, unreached: readonly ImageRef[], known: {
    readonly keys: ReadonlySet<string>;
    readonly repositories: ReadonlySet<string>;
}, texts: readonly (readonly [string, string])[], defined: (repository: string) => ReadonlyMap<string, readonly FluxSetter[]>, outside: (image: ImageRef) => number, warnings: Warning[]): void;
/**
 * The incoming images no file of `texts` holds (holdsImage), no marker of a key `defined` for them uses
 * and no configured override of `overrides` stands for.
 */
export declare function unreachedImages(valid: ValidRequest, defined: (repository: string) => ReadonlyMap<string, readonly FluxSetter[]>, overrides: ReadonlyMap<string, readonly RequestedOverride[]>, texts: readonly (readonly [string, string])[]): ImageRef[];
/**
 * Whether a file holds the image where a field may be edited: a repository only image automation's objects name
 * (an ImageRepository, argocd-image-updater's annotations: deployedText) is in none. A KCL reference built on a registry constant holds it unspelt; editKcl names it.
 */
export declare function holdsImage(path: string, text: string, image: ImageRef): boolean;
