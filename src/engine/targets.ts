/**
 * Configured targets: which are in scope, which one a file belongs to, and their allow-lists.
 * Inside a target, an image (incoming or a marker's) is edited only when the target names its
 * repository, and a new tag only when the target's policy accepts it too.
 */
import type { Warning } from "../change.js";
import type { Policy } from "../image/policy.js";
import { formatImageRef, type ImageRef } from "../image/reference.js";
import type { ImageUpdate } from "../image/update.js";
import type { Config, Target, TargetImage } from "./config.js";
import { RequestError } from "./request.js";
import { lineAt } from "../text/line-index.js";
import { targetOwners, type Ownership } from "./target-owners.js";
import { andList, cappedList } from "../text/and-list.js";
import { quotedExcerpt } from "../text/quoted-excerpt.js";
import { deployedText, spelledAt } from "./image-spelling.js";
import { fileMarkers } from "./file-markers.js";

/** The configured targets the request names (all of them when it names none); a name no target has is refused. */
export function targetsInScope(config: Config | undefined, names: readonly string[] | undefined): readonly Target[] {
  const all = config?.targets ?? [];
  if (!names || names.length === 0) return all;
  const unknown = names.filter((name) => !all.some((t) => t.name === name));
  if (unknown.length > 0) {
    throw new RequestError(
      unknown.map((name) => ({ message: `targets: no target named ${quotedExcerpt(name)} (configured: ${all.map((t) => t.name).join(", ") || "none"})` })),
    );
  }
  return all.filter((t) => names.includes(t.name));
}

/** The target a file belongs to: the first whose paths match it (given every configured target, whatever the run selects). */
export function targetOf(targets: readonly Target[]): (path: string) => Target | undefined {
  const { ownerOf } = targetOwners(targets);
  return (path) => ownerOf(path)?.target;
}

/**
 * Target paths that give their target no file, each at its line in the configuration: one that
 * matches no file of the tree (a typo, a directory since moved), and one whose every file an
 * earlier target's paths match first (a broad glob above it). Only for the targets in the run;
 * `configured` are all of them, in order, `files` every file of the tree.
 */
export function warnIdlePaths(
  configured: readonly Target[],
  targets: readonly Target[],
  files: readonly string[],
  configPath: string,
  warnings: Warning[],
): void {
  const owners = targetOwners(configured);
  const idle = new Map(targets.flatMap(owners.pathsOf).map((path) => [path, [] as Ownership[]]));
  // The paths taking a file for its owner are found with the owner: only the others need another look at the files.
  for (const file of files) for (const path of owners.ownerOf(file)?.paths ?? []) idle.delete(path);
  if (idle.size === 0) return;
  // A glob matching a file makes its target match it: so an idle one matches only files an earlier target owns.
  for (const file of files) {
    const owner = owners.ownerOf(file);
    if (owner === undefined) continue;
    for (const path of owners.mayMatch(file)) if (path.rank > owner.rank && idle.has(path) && path.matches(file)) idle.get(path)!.push(owner);
  }
  for (const [{ target, rank, index }, shadowed] of idle) {
    const said = (what: string): void => {
      warnings.push({
        file: configPath,
        ...(target.pathLines[index] !== undefined && { line: target.pathLines[index] }),
        message: `targets[${rank}].paths[${index}]: ${JSON.stringify(target.paths[index])} ${what}`,
      });
    };
    if (shadowed.length === 0) {
      said("matches no file; fix or remove it");
      continue;
    }
    const takers = [...new Set(shadowed.map((owner) => owner.target))];
    // Each owner by the first of its paths that takes one of these files.
    const by = takers.map((taker) => {
      const taking = shadowed.reduce((first, owner) => (owner.target === taker ? Math.min(first, owner.paths[0]!.index) : first), Infinity);
      return `${taker.name} (${JSON.stringify(taker.paths[taking])})`;
    });
    const one = takers.length === 1;
    said(
      `matches only files the earlier ${one ? "target" : "targets"} ${andList(by)} ${one ? "takes" : "take"} first; narrow ${one ? "that" : "those"}, or list ${target.name} first`,
    );
  }
}

/**
 * Whether a target takes an image: its allow-list's entry for the repository, and why it keeps the
 * image out, if it does: `unlisted`, the allow-list lacks the repository; `policy`, the entry's policy
 * accepts no such tag (a digest alone no policy refuses here).
 */
export type Allowance =
  | { readonly allowed: TargetImage; readonly refused?: undefined }
  | { readonly allowed: TargetImage & { readonly policy: Policy }; readonly refused: "policy" }
  | { readonly allowed?: undefined; readonly refused: "unlisted" };

/** The one answer to "does this target take this image, and does its policy accept the tag". */
export function allowance(target: Target, image: ImageRef): Allowance {
  const allowed = target.images.find((a) => a.repository === image.repository);
  if (!allowed) return { refused: "unlisted" };
  const { policy } = allowed;
  return policy !== undefined && image.tag !== undefined && policy.latest([image.tag]) === undefined
    ? { allowed: { ...allowed, policy }, refused: "policy" }
    : { allowed };
}

/** Without targets every incoming image applies everywhere; with targets, only what the file's target allows, under its policy. */
export function imagesFor(images: readonly ImageRef[], config: Config | undefined, target: Target | undefined, allowDowngrade: boolean): ImageUpdate[] {
  if (!config || config.targets.length === 0) return images.map((image) => ({ image, allowDowngrade }));
  if (!target) return [];
  return images.flatMap((image) => {
    const { allowed } = allowance(target, image);
    return allowed ? [{ image, ...(allowed.policy && { policy: allowed.policy }), allowDowngrade }] : [];
  });
}

/**
 * Markers inside a target obey it like every other field: only images its allow-list names,
 * and a new tag only when the target's policy accepts it too. Outside targets, every marker.
 */
export function settersFor(setters: ReadonlyMap<string, ImageUpdate>, target: Target | undefined): ReadonlyMap<string, ImageUpdate> {
  if (!target) return setters;
  const kept = new Map<string, ImageUpdate>();
  for (const [key, update] of setters) {
    const { allowed } = allowance(target, update.image);
    if (!allowed) continue;
    const policy = update.policy && allowed.policy ? within(update.policy, allowed.policy) : (update.policy ?? allowed.policy);
    kept.set(key, { ...update, ...(policy && { policy }) });
  }
  return kept;
}

/** `policy` choosing only among the tags `bounds` accepts; the same policy twice (the marker's and the target's) is that policy, said once. */
function within(policy: Policy, bounds: Policy): Policy {
  if (policy.description === bounds.description) return policy;
  return {
    description: `${policy.description} within ${bounds.description}`,
    latest: (tags) => policy.latest(tags.filter((tag) => bounds.latest([tag]) !== undefined)),
    // Ranked by the marker's own order, so a move down past the bounds is still told.
    ...((policy.compare ?? bounds.compare) && { compare: policy.compare ?? bounds.compare }),
  };
}

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

/** How many places a refusal names before it counts the rest. */
const LISTED = 5;

/**
 * Says why a target edits nothing for an image: its allow-list or its policy refuses it.
 * A refusing allow-list is news only where a file of the target holds what the run would have
 * edited there (the repository, a marker standing for the image):
 * those places are named. A refusing policy is news only for a target with files in scope. Targets are named in one warning per image, not one each: with many
 * clusters, most targets leave most images out. `targets` are those in the run, `ownerOf` the
 * target a file belongs to among all configured (targetOf), `files` the texts in scope.
 */
export function warnRefusedImages(
  images: readonly RefusableImage[],
  targets: readonly Target[],
  ownerOf: (path: string) => Target | undefined,
  files: ReadonlyMap<string, string>,
  reachOf: (path: string) => FileReach,
  warnings: Warning[],
): void {
  const inTargets = [...files].flatMap(([path, text]) => {
    const target = ownerOf(path);
    return target ? [{ path, text, target }] : [];
  });
  for (const { image, byRepository } of images) {
    const refusing: string[] = [];
    const held: string[] = [];
    for (const target of targets) {
      const allows = allowance(target, image);
      if (allows.refused === "unlisted") {
        const at = inTargets.filter((file) => file.target === target).flatMap(({ path, text }) => placeHolding(path, text, image, byRepository, reachOf(path)));
        if (at.length > 0) refusing.push(target.name);
        held.push(...at);
      }
      // A target with no file in scope (--path left it out) was not asked for: its policy is no news.
      else if (allows.refused === "policy" && inTargets.some((file) => file.target === target)) {
        warnings.push({
          message: `target ${target.name}: ${formatImageRef(image)} is outside its policy (${allows.allowed.policy.description}); not edited there`,
          kind: "policy-refusal",
        });
      }
    }
    if (refusing.length === 0) continue;
    const which = refusing.length === 1 ? `target ${refusing[0]} does not allow` : `targets ${refusing.join(", ")} do not allow`;
    warnings.push({ message: `${which} ${image.repository}; not edited in ${cappedList(held, LISTED)}` });
  }
}

/**
 * Where a file holds what the run would edit for the image: `path:line` of the first line with
 * its repository (when matched by it; spelledAt's, not another registry's of the same path) or a marker of a key standing for it,
 * where its editor reads the marker (fileMarkers: not above `key: value`, which marks nothing); none when neither.
 */
function placeHolding(path: string, raw: string, image: ImageRef, byRepository: boolean, reach: FileReach): string[] {
  // Image automation's objects (an ImageRepository, argocd-image-updater's annotations) name the repository: nothing there would be edited.
  const text = deployedText(raw);
  const keys = new Set([...reach.setters].filter(([, update]) => update.image.repository === image.repository).map(([key]) => key));
  // The repository as spelt in its own registry: the same path in another one (a mirror) is another image, edited or refused apart.
  const spelt = byRepository ? spelledAt(text, image) : undefined;
  const marked = keys.size > 0 ? fileMarkers(path, text).find(({ marker }) => keys.has(marker.key))?.line : undefined;
  const line = Math.min(spelt === undefined ? Infinity : lineAt(text, spelt), marked ?? Infinity);
  return line === Infinity ? [] : [`${path}:${line}`];
}
