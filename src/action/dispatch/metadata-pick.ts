/**
 * What the dispatch Action tells of the tags it picked from `metadata`: each pick beside the
 * other tags metadata lists for its image, and a warning when the pick moves with every push:
 * the pushed branch's name, `latest` or `edge`, which metadata-action gives the newest build, or a
 * shorter version (`1.2` of `1.2.3`), which its `{{major}}.{{minor}}` pattern moves to each release.
 * docker/metadata-action ranks `type=ref,event=branch` (priority 600) above `type=raw` (200)
 * and names the first tag its version, so a Flux-style `main-<sha>-<ts>` tag loses to `main`
 * unless it is ranked higher; `type=raw,value=latest` outranks `type=sha` too. Such a tag
 * moves, and the receiver's policy (a `filterTags` pattern `^main-…`, a semver range) refuses
 * it: both runs pass, nothing moves.
 */
import { parseJson } from "../../engine/payload.js";
import { parseImageRef, tryParseImageRef, type ImageRef } from "../../image/reference.js";
import { isRecord } from "../../json-value.js";

interface MetadataPicks {
  /** For the log: each pick and the tags it was picked from. */
  readonly notes: readonly string[];
  readonly warnings: readonly string[];
}

/**
 * `picks`, references made of `metadata` (one per repository), told against the tags it lists;
 * `ref` is the pushed ref (`GITHUB_REF`), whose branch name a pick must not be.
 */
export function metadataPicks(metadata: string, picks: readonly string[], ref: string | undefined): MetadataPicks {
  const listed = listedImages(metadata);
  const branch = /^refs\/heads\/(.+)$/.exec(ref ?? "")?.[1];
  const notes: string[] = [];
  const warnings: string[] = [];
  for (const text of picks) {
    const pick = parseImageRef(text);
    const others = [...new Set(listed.flatMap((image) => (image.repository === pick.repository && image.tag !== pick.tag ? (image.tag ?? []) : [])))];
    if (others.length > 0) notes.push(`metadata: announcing ${text}; its other tags, not announced: ${others.join(", ")}`);
    const moving = movingTag(pick.tag, branch, others);
    if (moving !== undefined) warnings.push(mutableTag(pick, moving, others));
  }
  return { notes, warnings };
}

/** The images metadata lists: metadata-action's `tags`, or build-push-action's comma-separated `image.name`. */
function listedImages(metadata: string): ImageRef[] {
  const data = parseJson(metadata, "metadata");
  const names: unknown[] = !isRecord(data)
    ? []
    : Array.isArray(data["tags"])
      ? data["tags"]
      : typeof data["image.name"] === "string"
        ? data["image.name"].split(",")
        : [];
  return names.flatMap((name) => (typeof name === "string" && tryParseImageRef(name.trim())) || []);
}

/** The tags metadata-action makes of a branch (`type=ref,event=branch`): its name, each run of characters a tag cannot hold made a '-'. */
function branchTags(branch: string): string[] {
  return [branch, branch.replace(/[^A-Za-z0-9._-]+/g, "-")];
}

/** metadata-action's own tags for the newest build: `type=raw,value=latest` (or `flavor: latest`) and `type=edge`. */
const MOVING_TAGS = new Set(["latest", "edge"]);

/** Why a tag moves with every push, what a receiver makes of it, and what to rank first instead. */
interface Moving {
  readonly why: string;
  readonly effect: string;
  readonly instead: string;
}

/** What makes `tag` a tag that moves, or undefined when it is none of those; `others` are the tags listed beside it. */
function movingTag(tag: string | undefined, branch: string | undefined, others: readonly string[]): Moving | undefined {
  if (tag === undefined) return undefined;
  const flux = `^${branchTags(branch ?? "main").at(-1)}-[a-f0-9]+-(?P<ts>[0-9]+)`;
  const newest = {
    effect: `a Flux-style policy (a filterTags pattern such as ${flux}, or a semver range) will likely refuse it`,
    instead: "`type=raw,value={{branch}}-{{sha}}-{{date 'X'}},priority=1000`",
  };
  const everyPush = "it is mutable, moved by every push";
  if (branch !== undefined && branchTags(branch).includes(tag)) return { why: `is the name of the pushed branch ${branch}: ${everyPush}`, ...newest };
  if (MOVING_TAGS.has(tag)) return { why: `is the tag docker/metadata-action gives the newest build: ${everyPush}`, ...newest };
  // `{{major}}` or `{{major}}.{{minor}}` listed before `{{version}}`: the same priority (900), so the first listed is the version.
  const longer = /^v?\d+(\.\d+)?$/.test(tag) ? others.filter((other) => other.startsWith(`${tag}.`)) : [];
  const full = longer.sort((a, b) => b.split(".").length - a.split(".").length)[0];
  if (full === undefined) return undefined;
  const pattern = tag.split(".").length === 1 ? "{{major}}" : "{{major}}.{{minor}}";
  return {
    why: `is a shorter version of ${full} (a ${pattern} pattern listed first): it is mutable, moved to each later ${tag} release`,
    // Flux's ParseVersion (and ours) takes only three-part versions: 1 and 1.2 are no version to a semver policy.
    effect: `a semver policy refuses it, as Flux's does: it is no three-part version`,
    instead: "`type=semver,pattern={{version}}`, listed before the shorter patterns",
  };
}

function mutableTag(pick: ImageRef, moving: Moving, others: readonly string[]): string {
  const listed = others.length > 0 ? ` (metadata also lists ${others.join(", ")})` : "";
  return (
    `metadata: the tag announced for ${pick.name}, "${pick.tag}", ${moving.why}, and ${moving.effect}${listed}. ` +
    `docker/metadata-action names the tag of highest priority its version: rank an immutable tag first (${moving.instead}), ` +
    "or name the reference to announce in `images`."
  );
}
