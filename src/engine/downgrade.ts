/**
 * A field moved to a lower version with no policy to judge it: without one the incoming version is
 * written as given (DESIGN §2.2), so re-running an old build's workflow rolls the deployment back
 * unseen. The change stands (that is how a rollback works without a policy); a warning says so.
 */
import type { Change, ChangeNames, Warning } from "../change.js";
import { compareFluxVersions, parseFluxVersion, type FluxVersion } from "../image/flux-semver.js";
import { isTag, tryParseImageRef } from "../image/reference.js";
import type { ImageUpdate } from "../image/update.js";
import { movedBy } from "./beside-markers.js";

/**
 * A warning of kind `downgrade` at each change of `changes` (one file's) that moved a field with no
 * policy to an incoming tag lower, as semver, than the one it held. `updates` are the file's incoming
 * images, `setters` its markers' (EditRequest's): a policy of either (a target's, an ImagePolicy's)
 * already judges the move, and `allowDowngrade` says it is meant. Tags that are not both semver
 * (`sha-1a2b3c`, `20240101`), equal versions (`v1.2.3`, `1.2.3`), two pre-releases of one release
 * (prereleasesOfOne) and a digest alone are no news.
 */
export function warnDowngrades(
  changes: readonly (Change & ChangeNames)[],
  updates: readonly ImageUpdate[],
  setters: ReadonlyMap<string, ImageUpdate>,
  warnings: Warning[],
): void {
  for (const change of changes) {
    const moved = movedOf(change, updates, setters);
    if (!moved || moved.update.policy || moved.update.allowDowngrade) continue;
    const { image } = moved.update;
    const from = moved.current === undefined ? undefined : parseFluxVersion(moved.current);
    const to = image.tag === undefined ? undefined : parseFluxVersion(image.tag);
    if (!from || !to || compareFluxVersions(to, from) >= 0 || prereleasesOfOne(from, to)) continue;
    warnings.push({
      file: change.file,
      line: change.line,
      message: `${image.repository}: ${from.original} -> ${to.original} is a lower version; with no policy this rolls back (set a semver policy to refuse it)`,
      kind: "downgrade",
    });
  }
}

/**
 * Whether both versions are pre-releases of one release (`v0.5.0-9-g1a2b3c4` and `v0.5.0-12-g5d6e7f8`, git describe's;
 * `1.25.3-bookworm` and `1.25.3-alpine`, flavours): semver orders their identifiers, an alphanumeric one by its ASCII
 * text (`12-g…` before `9-g…`), which says nothing a person means by older. A release's own pre-release is lower still.
 */
function prereleasesOfOne(a: FluxVersion, b: FluxVersion): boolean {
  return a.major === b.major && a.minor === b.minor && a.patch === b.patch && a.prerelease !== "" && b.prerelease !== "";
}

/**
 * The incoming image a change wrote and the tag the field held: a marked field's (`ns:app`, `ns:app:tag`) by its
 * setter, another by what it wrote (movedBy). Undefined where it wrote no incoming tag (a digest, a `:name`).
 */
function movedOf(
  change: Change & ChangeNames,
  updates: readonly ImageUpdate[],
  setters: ReadonlyMap<string, ImageUpdate>,
): { readonly update: ImageUpdate; readonly current: string | undefined } | undefined {
  if (change.kind !== "setter") {
    const moved = movedBy(change, updates);
    return moved && { update: moved.update, current: moved.current.tag };
  }
  // A marker's setter is its key, or its key and the part it sets.
  const update = [...setters].find(([key]) => change.key === key || change.key.startsWith(`${key}:`))?.[1];
  const tag = update?.image.tag;
  if (!update || tag === undefined) return undefined;
  const ofImage = (value: string) => {
    const ref = tryParseImageRef(value);
    return ref?.repository === update.image.repository ? ref : undefined;
  };
  if (change.new !== tag && ofImage(change.new)?.tag !== tag) return undefined;
  // A `:tag` marker may stand on a field holding the whole reference, which it then replaces by the tag alone.
  return { update, current: ofImage(change.old)?.tag ?? (isTag(change.old) ? change.old : undefined) };
}
