/**
 * A field matched by repository that moves where the marked fields of its image, or the Flux
 * ImagePolicy that would govern it, would not have moved it so: one pod split across versions, said
 * at the field.
 */
import type { Change, ChangeNames, Warning } from "../change.js";
import { tryParseImageRef, type ImageRef } from "../image/reference.js";
import { nextVersion, versionOf, type ImageUpdate, type Version } from "../image/update.js";
import { andList } from "../text/and-list.js";
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
export function warnBesideMarkers(
  changes: readonly Change[],
  policySetters: ReadonlyMap<string, ImageUpdate>,
  left: ReadonlyMap<string, readonly ImageRef[]>,
  marks: (key: string) => boolean,
  warnings: Warning[],
): void {
  // No marker in the file to split from (most files): nothing to parse the new references for.
  if (policySetters.size === 0 && left.size === 0) return;
  for (const change of changes) {
    if (change.kind !== "image" && change.kind !== "kcl-image") continue;
    const written = tryParseImageRef(change.new);
    if (!written) continue;
    const split = besidePolicy(change, written, policySetters, marks) ?? besideLeft(written, left, marks);
    if (split) warnings.push({ file: change.file, line: change.line, message: `${change.key} is set to ${change.new} by repository, ${split}` });
  }
}

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
export function warnUnpolicied(
  changes: readonly (Change & ChangeNames)[],
  updates: readonly ImageUpdate[],
  policiesAt: (repository: string) => readonly FluxPolicy[],
  marked: (image: ImageRef) => boolean,
  misplaced: () => readonly MarkerLine[],
  warnings: Warning[],
): void {
  for (const change of changes) {
    const moved = movedBy(change, updates);
    // A digest alone no policy judges by its tag (nextVersion refuses it under any): nothing to compare.
    const tag = moved?.update.image.tag;
    if (!moved || moved.update.policy || tag === undefined || marked(moved.update.image)) continue;
    const { image } = moved.update;
    const refusing = policiesAt(image.repository).filter(({ setter }) => nextVersion({ image, policy: setter.policy }, moved.current) === undefined);
    if (refusing.length === 0) continue;
    // A policy accepting the version refuses it only beside a version it ranks above: it would keep that one (a late, older build).
    const would = new Map<string, string[]>();
    for (const { key, setter } of refusing) {
      const verb = setter.policy.latest([tag]) === undefined ? "refuse it" : `keep ${moved.current.tag}`;
      would.set(verb, [...(would.get(verb) ?? []), `${key} (${setter.policy.description})`]);
    }
    const which = andList(
      [...would].map(([verb, policies]) => `${policies.length === 1 ? "ImagePolicy" : "ImagePolicies"} ${andList(policies)} would ${verb}`),
    );
    const written = misplaced().find(({ marker }) => refusing.some(({ key }) => key === marker.key));
    const add = refusing.length === 1 ? "add its marker" : "add the marker of one";
    warnings.push({
      file: change.file,
      line: change.line,
      message: written
        ? `${image.repository} moves to ${tag} with no policy; ${which}, and the marker of ${written.marker.key} ` +
          `${written.line === change.line ? "on this line" : `at line ${written.line}`} marks nothing where it is: ` +
          `move it as the warning there says for its policy to govern this field, or add a target with a policy`
        : `${image.repository} moves to ${tag} with no policy (no marker here); ${which}: ${add}, or a target with a policy`,
    });
  }
}

/**
 * The incoming image a field matched by repository moved to, and the version it held: a whole reference, or a
 * kustomize, Helm or KCL `{repository, tag}` tag field, by the repository its editor matched it by (ChangeNames).
 * A tag field's change naming none (an Argo CD tag parameter) is told by its tag, where one incoming image alone has it.
 */
export function movedBy(change: Change & ChangeNames, updates: readonly ImageUpdate[]): { update: ImageUpdate; current: Version } | undefined {
  if (change.repository !== undefined) {
    const update = updates.find((u) => u.image.repository === change.repository);
    // The tag is what says the version: the digest written beside it is no move of its own.
    return update && update.image.tag === change.new ? { update, current: versionOf(change.old, undefined) } : undefined;
  }
  if (change.kind === "image" || change.kind === "kcl-image") {
    const written = tryParseImageRef(change.new);
    const update = written && updates.find((u) => u.image.repository === written.repository);
    if (update) {
      const old = tryParseImageRef(change.old);
      return { update, current: old?.repository === update.image.repository ? versionOf(old.tag, old.digest) : {} };
    }
    // A KCL `{repository, tag}` config's tag is a kcl-image change too, which holds the tag alone.
    if (change.kind === "image") return undefined;
  } else if (change.kind !== "helm" && change.kind !== "kustomize") return undefined;
  const byTag = updates.filter((u) => u.image.tag === change.new);
  return byTag.length === 1 ? { update: byTag[0]!, current: versionOf(change.old, undefined) } : undefined;
}

/** Why the field's version is one the policy of the one marker key of its image in this file (another file's, another cluster's, says nothing here) would not have chosen. */
function besidePolicy(change: Change, written: ImageRef, setters: ReadonlyMap<string, ImageUpdate>, marks: (key: string) => boolean): string | undefined {
  const beside = [...setters].filter(([k, u]) => u.policy && u.image.repository === written.repository && marks(k));
  if (beside.length !== 1) return undefined;
  const [key, { policy }] = beside[0]!;
  if (!policy) return undefined;
  const old = tryParseImageRef(change.old);
  const current = old?.repository === written.repository ? versionOf(old.tag, old.digest) : {};
  if (nextVersion({ image: written, policy }, current) !== undefined) return undefined;
  return `which the policy of Flux setter "${key}" (${policy.description}) would not have chosen for its marked fields; mark this field with it to keep them together`;
}

/** The marker keys of the field's image in this file that are left as they are, said. */
function besideLeft(written: ImageRef, left: ReadonlyMap<string, readonly ImageRef[]>, marks: (key: string) => boolean): string | undefined {
  const keys = [...left].filter(([key, images]) => images.some((i) => i.repository === written.repository) && marks(key)).map(([key]) => key);
  if (keys.length === 0) return undefined;
  const which = keys.length === 1 ? `Flux setter "${keys[0]}"` : `Flux setters ${keys.map((key) => `"${key}"`).join(", ")}`;
  return `while the marked fields of ${which} in this file are left as they are (see the warning at them); mark this field with it to keep them together`;
}
