/**
 * A field matched by repository that moves where the marked fields of its image, or the Flux
 * ImagePolicy that would govern it, would not have moved it so: one pod split across versions, said
 * at the field.
 */
import type { Change, Warning } from "../change.js";
import { type ImageRef } from "../image/reference.js";
import { type ImageUpdate } from "../image/update.js";
import type { MarkerLine } from "../image/marker.js";
import type { FluxPolicy } from "./setters.js";
/**
 * A field matched by repository moves while the marked fields of the same image in its file may
 * not: without a target it takes the incoming version as given (DESIGN §3), while they follow
 * their ImagePolicy; and a marker no ImageUpdateAutomation's update path holds is left as it is,
 * target or not. A field moved where its markers stay (a release candidate, a late older build,
 * a file Flux does not update) is said at its line, so one pod does not split across versions
 * unseen. Only whole references are judged (a tag field alone does not say its image); a policy
 * only beside one marker key of the image. `policySetters` are the file's markers whose policy
 * the field escaped (none in a target, whose policy the field obeys too); `left`, FileSetters';
 * `marks`, whether the file marks a key where its editor reads the marker (marksOf).
 */
export declare function warnBesideMarkers(changes: readonly Change[], policySetters: ReadonlyMap<string, ImageUpdate>, left: ReadonlyMap<string, readonly ImageRef[]>, marks: (key: string) => boolean, warnings: Warning[]): void;
/**
 * A field matched by repository takes the incoming version as given when no target policy
 * applies (DESIGN §2.2, §3), while Flux's ImagePolicies of its repository, which govern only
 * marked fields, may refuse it: a release candidate or a late, older build reaches the one
 * unmarked Job of production. Said at the field when the ImagePolicies that would govern it
 * (`policiesAt`, the nearest, as for a marker) include one that would refuse its new version.
 * `updates` are the file's incoming images; a field of an image with a policy here (a target's),
 * or whose markers are in this file (`marked`, which warnBesideMarkers speaks for), is not judged.
 * Where the file writes a refusing policy's marker where its editor reads none (`misplaced`,
 * misplacedMarkers'), the field was marked in the wrong place: that marker is named, not "add one".
 */
export declare function warnUnpolicied(changes: readonly Change[], updates: readonly ImageUpdate[], policiesAt: (repository: string) => readonly FluxPolicy[], marked: (image: ImageRef) => boolean, misplaced: () => readonly MarkerLine[], warnings: Warning[]): void;
