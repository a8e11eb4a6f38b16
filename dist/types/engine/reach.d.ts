/**
 * Where the incoming images reached the tree, for a person to learn why a run moved less than
 * they expected: a repository no file holds (a typo), one that sits only where no rule edits,
 * and a field moved beside markers of its image that stay.
 */
import type { Change, Warning } from "../change.js";
import { type ImageRef } from "../image/reference.js";
import { type ImageUpdate } from "../image/update.js";
import type { RequestedOverride } from "./overrides.js";
import type { ValidRequest } from "./request.js";
/**
 * A run that changes nothing because nothing names what it brings is most often a typo in a
 * repository or a marker key: say so, instead of a bare "nothing to change". An image counts
 * as reached when a file in scope holds its repository, a marker key or a configured override
 * stands for it; a `--setter` key, when a file in scope holds a marker with it.
 */
export declare function warnUnreached(valid: ValidRequest, updates: readonly ImageUpdate[], overrides: ReadonlyMap<string, readonly RequestedOverride[]>, texts: readonly string[], warnings: Warning[]): void;
/**
 * A field matched by repository moves while the marked fields of the same image in its file may
 * not: without a target it takes the incoming version as given (DESIGN §3), while they follow
 * their ImagePolicy; and a marker no ImageUpdateAutomation's update path holds is left as it is,
 * target or not. A field moved where its markers stay (a release candidate, a late older build,
 * a file Flux does not update) is said at its line, so one pod does not split across versions
 * unseen. Only whole references are judged (a tag field alone does not say its image); a policy
 * only beside one marker key of the image. `policySetters` are the file's markers whose policy
 * the field escaped (none in a target, whose policy the field obeys too); `left`, FileSetters'.
 */
export declare function warnBesideMarkers(changes: readonly Change[], policySetters: ReadonlyMap<string, ImageUpdate>, left: ReadonlyMap<string, readonly ImageRef[]>, text: string, warnings: Warning[]): void;
/**
 * A run that changes nothing and has nothing to say would read "every image field found holds
 * its new value": true only where some file holds that value. An image whose repository
 * appears only in files that hold neither its new tag nor its digest sits where no rule edits
 * it (a string, a substitution, a file kind not read): say where, instead of that claim.
 */
export declare function warnUnmoved(images: readonly ImageRef[], texts: readonly (readonly [string, string])[], warnings: Warning[]): void;
