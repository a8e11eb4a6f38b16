/**
 * Incoming images and `--setter` keys that reach no file, for a person to learn why a run moved
 * less than they expected: a repository no file holds (a typo, most often), or one held only
 * outside the paths to update.
 */
import type { Warning } from "../change.js";
import { formatImageRef, repositoryPattern, type ImageRef } from "../image/reference.js";
import { andList, cappedList } from "../text/and-list.js";
import { closest, didYouMean } from "../text/closest.js";
import { mayBuildOnRegistry, spellsAcrossLiterals } from "../kcl/editor.js";
import type { MergedOverBase } from "./kustomize-patches.js";
import type { RequestedOverride } from "./overrides.js";
import type { ValidRequest } from "./request.js";
import { fileKind } from "./file-kind.js";
import { fileMarkers, misplacedMarkers } from "./file-markers.js";
import { where, type FluxSetter } from "./flux-objects.js";
import { deployedText, spelledAt } from "./image-spelling.js";
import { mayHoldEscapes } from "./screen.js";
import { readDoubleQuoted } from "../yaml/scalar-text.js";

/**
 * A run that changes nothing because nothing names what it brings is most often a typo in a
 * repository or a marker key: say so, instead of a bare "nothing to change". An image counts
 * as reached when a file in scope holds its repository, a marker uses a key defined for it
 * (`defined`, resolveSetters' definedFor) or a configured override stands for it; a `--setter`
 * key, when a file in scope holds a marker with it. A key defined for an image that no marker uses
 * is named: a setter or ImagePolicy for it says nothing of where it is deployed.
 * The repository or key of those `known` (configured, or defined in the tree) it most likely meant is named; for an
 * image a kustomize patch writes as its own repository over its base's registry (`known.mergedOver`), the name deployed.
 * `texts` are the files the run updates, by path; `unreached`, unreachedImages' of them. Where the run left out
 * the files that hold one (`leftOut` counts them: a mistyped --path, or a --target or payload `targets` naming
 * the wrong target, most often), that is said instead. A file in no target is no file left out: the run updates it
 * (its markers, `--set` specs; under --target too), and one holding the image, often a base whose overlays in targets
 * move its tag, counts as reaching it (left-behind.ts names it where its version is not moved);
 * where a key's only marker is written where its editor reads none (misplacedMarkers), that marker is named.
 */
export function warnUnreached(
  valid: ValidRequest,
  unreached: readonly ImageRef[],
  known: { readonly keys: ReadonlySet<string>; readonly repositories: ReadonlySet<string>; readonly mergedOver?: readonly MergedOverBase[] },
  texts: readonly (readonly [string, string])[],
  defined: (repository: string) => ReadonlyMap<string, readonly FluxSetter[]>,
  leftOut: LeftOut | undefined,
  warnings: Warning[],
): void {
  const marked = markedIn(texts);
  for (const image of unreached) {
    const held = leftOut?.holding(image) ?? 0;
    const unused = unusedKeys(defined(image.repository));
    // The registry most likely forgotten: the one a patch spelling the image takes from its base.
    const merged = known.mergedOver?.find((m) => m.written === image.repository);
    const meant = merged && ` (the patch at ${merged.file}:${merged.line} merges over ${merged.registry} from its base: did you mean ${merged.name}?)`;
    warnings.push({
      message:
        leftOut && held > 0
          ? `no file ${leftOut.scope} holds ${image.repository} (${held} ${held === 1 ? `file ${leftOut.rest} does` : `files ${leftOut.rest} do`})${unused}; nothing to do for ${formatImageRef(image)}${meant ?? ""}`
          : `no file to update holds ${image.repository}${unused}; nothing to do for ${formatImageRef(image)}${meant ?? didYouMean(closest(image.repository, known.repositories))}`,
      kind: "unreached",
    });
  }
  for (const key of valid.setters.keys()) {
    if (marked(key)) continue;
    const misplaced = misplacedIn(texts, key);
    // Unreached as an image no file holds: a report does not say its fields hold their value, as none was found.
    warnings.push({
      message: misplaced
        ? `no file to update has a marker for setter ${key} where it is read: ${misplaced} has one that marks nothing there (see the warning at it)`
        : `no file to update has a marker for setter ${key}${didYouMean(closest(key, known.keys))}`,
      kind: "unreached",
    });
  }
}

/**
 * The files a run leaves out, where --path (the paths to update) or a selection of targets (--target, a payload's
 * `targets`) leaves some out: how a warning names the files the run updates and the rest, and how many of the rest
 * hold an image. A file of a target left out is as far from the run as one outside the paths.
 */
export interface LeftOut {
  /** As `no file {scope} holds`: `inside the paths to update`, `of target kcl`. */
  readonly scope: string;
  /** As `(2 files {rest} do)`: `outside them`, `of other targets`. */
  readonly rest: string;
  readonly holding: (image: ImageRef) => number;
}

/**
 * LeftOut's wording for a run limited by paths (`byPaths`), by the targets it `selected` (their names, where
 * the selection leaves some configured target out), or by both; undefined for a run over the whole tree.
 */
export function leftOutBy(byPaths: boolean, selected: readonly string[] | undefined, holding: (image: ImageRef) => number): LeftOut | undefined {
  const ofTargets = selected && `of ${selected.length === 1 ? "target" : "targets"} ${andList(selected)}`;
  if (!byPaths) return ofTargets === undefined ? undefined : { scope: ofTargets, rest: "of other targets", holding };
  const inPaths = "inside the paths to update";
  return ofTargets === undefined
    ? { scope: inPaths, rest: "outside them", holding }
    : { scope: `${ofTargets} ${inPaths}`, rest: "outside them or of other targets", holding };
}

/** `, and no marker uses setter K` (a configured one) or `ImagePolicy K (file:line)`, for the keys defined for an image; nothing for none. */
function unusedKeys(keys: ReadonlyMap<string, readonly FluxSetter[]>): string {
  const named = [...keys].map(([key, policies]) => (policies.length === 0 ? `setter ${key}` : `ImagePolicy ${key} (${where(policies)})`));
  if (named.length === 0) return "";
  return `, and no marker uses ${named.length === 1 ? named[0] : `any of ${cappedList(named)}`}`;
}

/** Whether a file of `texts` holds a marker with a key, one its editor reads (fileMarkers). */
function markedIn(texts: readonly (readonly [string, string])[]): (key: string) => boolean {
  let keys: ReadonlySet<string> | undefined;
  return (key) => {
    keys ??= new Set(texts.flatMap(([path, text]) => fileMarkers(path, text)).map(({ marker }) => marker.key));
    return keys.has(key);
  };
}

/** `file:line` of the first marker with a key that a file of `texts` writes where its editor reads none (misplacedMarkers). */
function misplacedIn(texts: readonly (readonly [string, string])[], key: string): string | undefined {
  for (const [path, text] of texts) {
    const found = misplacedMarkers(path, text).find(({ marker }) => marker.key === key);
    if (found) return `${path}:${found.line}`;
  }
  return undefined;
}

/**
 * The incoming images no file of `texts` holds (holdsImage), no marker of a key `defined` for them uses
 * and no configured override of `overrides` stands for. `spelledElsewhere` names, for an image, the files
 * that spell it but deploy another (a patch's repository merged over its base's registry): no holders.
 */
export function unreachedImages(
  valid: ValidRequest,
  defined: (repository: string) => ReadonlyMap<string, readonly FluxSetter[]>,
  overrides: ReadonlyMap<string, readonly RequestedOverride[]>,
  texts: readonly (readonly [string, string])[],
  spelledElsewhere: (image: ImageRef) => ReadonlySet<string> = () => new Set(),
): ImageRef[] {
  const overridden = new Set([...overrides.values()].flat().flatMap((o) => (typeof o === "string" ? [] : [o.repository])));
  const marked = markedIn(texts);
  return valid.images.filter((image) => {
    if (overridden.has(image.repository) || [...defined(image.repository).keys()].some(marked)) return false;
    const misread = spelledElsewhere(image);
    return !texts.some(([path, text]) => !misread.has(path) && holdsImage(path, text, image));
  });
}

/**
 * Whether a file holds the image where a field may be edited: a repository only image automation's objects name
 * (an ImageRepository, argocd-image-updater's annotations: deployedText) is in none. A KCL reference built on a registry constant, or spelt
 * across concatenated literals, holds it unspelt; editKcl names it.
 */
export function holdsImage(path: string, text: string, image: ImageRef): boolean {
  if (spells(text, image)) return true;
  const kind = fileKind(path);
  // A YAML double-quoted scalar may spell it by escapes (`"ghcr.io\/acme\/app"`), which the editors read: as the screen lets such a file through (mayHoldEscapes), it is read as written.
  return kind === "kcl"
    ? mayBuildOnRegistry(text, image) || spellsAcrossLiterals(text, image)
    : kind === "yaml" && mayHoldEscapes(text) && spells(readDoubleQuoted(text), image);
}

/** Whether a text spells the image's repository where a field may be edited (holdsImage). */
function spells(text: string, image: ImageRef): boolean {
  // The screen first, then the reading: another registry's repository of the same path, or a mapping key named like the image, is none.
  return repositoryPattern(image).test(text) && spelledAt(deployedText(text), image) !== undefined;
}
