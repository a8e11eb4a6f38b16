/**
 * kustomization `images:` entries (`name`, `newName`, `newTag`, `digest`): an entry whose
 * `newName`, else `name`, is an incoming repository gets the new tag and digest, added as
 * new lines at the entry's indentation when the entry does not have them yet. Also the
 * same list in a Flux Kustomization's `spec.images` and a HelmRelease's kustomize post-renderers.
 */
import { formatImageRef, normalizeRepository } from "../image/reference.js";
import { byRepository, nextVersion, pendingVersion, versionOf, type ImageUpdate, type Version } from "../image/update.js";
import { scalarOf } from "./alias.js";
import { inGroup, isFluxKustomization, isHelmRelease, KUSTOMIZE } from "./api-groups.js";
import { tryYamlFile, type YamlDocument } from "./file.js";
import { fieldsOf, isMergeKey, type MappingField } from "./merge-key.js";
import { isFlowScalar, mapValue, nodeAt, scalarText, type YamlNode } from "./node.js";
import { formatPath } from "./path.js";
import type { PathSegment, Renamed } from "./path.js";
import type { Editor, EditPlan } from "./plan.js";
import { warnPlaceholderField } from "./placeholder.js";
import { warnRenamed } from "./renamed.js";
import { claimedOwn, fixedVersion, heldText, mergedVersionNote, writeVersion, type FieldAdd, type FieldWrite, type ReaderJudge } from "./version-write.js";
import { leftText, markedReason, warnUnset, type UnsetField } from "./unset-fields.js";
import type { FieldNamer } from "../field-name.js";

/** The names kustomize reads a directory's kustomization (or component) from: no other file is one. */
const KUSTOMIZATION_NAMES = new Set(["kustomization.yaml", "kustomization.yml", "Kustomization"]);

/** Whether `path` (or a bare file name) is named as kustomize names a kustomization. */
export function isKustomizationFile(path: string): boolean {
  return KUSTOMIZATION_NAMES.has(path.slice(path.lastIndexOf("/") + 1));
}

/**
 * Fields only a kustomization has, in the shape kustomize gives them: a list, or a string for
 * the name affixes. A values file has `resources:` too (helm create's), but as a mapping; and
 * `commonLabels`/`commonAnnotations` (every Bitnami chart's) are mappings in both, so they tell nothing.
 */
const KUSTOMIZATION_FIELDS = new Map<string, YamlNode["kind"]>([
  ...["resources", "bases", "components", "patches", "patchesStrategicMerge", "patchesJson6902"].map((key) => [key, "seq"] as const),
  ...["configMapGenerator", "secretGenerator", "helmCharts", "generators", "transformers", "replacements"].map((key) => [key, "seq"] as const),
  ...["namePrefix", "nameSuffix"].map((key) => [key, "scalar"] as const),
]);

/** An `images:` entry's fields that only kustomize has. */
const KUSTOMIZE_IMAGE_FIELDS = ["newName", "newTag", "digest"];
/** Every field kustomize reads in an `images:` entry: it refuses a kustomization with any other (`unknown field "tag"`). */
const IMAGE_ENTRY_FIELDS = new Set(["name", "tagSuffix", ...KUSTOMIZE_IMAGE_FIELDS]);
/** The fields naming an entry's image and build: a marker on any of them leaves the entry to its markers. */
const ENTRY_FIELDS = ["name", ...KUSTOMIZE_IMAGE_FIELDS];
/** The fields of an `images:` entry that name its build. */
const VERSION_FIELDS = ["newTag", "digest"] as const;
type VersionField = (typeof VERSION_FIELDS)[number];

/**
 * A document without apiVersion and kind, in a text whose file name is not known, is taken for a
 * kustomization when a kustomization field has kustomize's shape, or an `images:` entry has one of
 * kustomize's image fields; and never when an `images:` entry has a field kustomize does not read:
 * a Helm values file's `images: [{name, tag}]` is not one, and gets no `newTag`.
 */
function looksLikeKustomization(root: YamlNode | null): boolean {
  if (root?.kind !== "map") return false;
  const images = mapValue(root, "images");
  const entries = images?.kind === "seq" ? images.items.filter((entry) => entry.kind === "map") : [];
  if (entries.some((entry) => entry.pairs.some((pair) => !isMergeKey(pair.key) && !IMAGE_ENTRY_FIELDS.has(scalarText(pair.key) ?? "")))) return false;
  return (
    root.pairs.some((pair) => KUSTOMIZATION_FIELDS.get(scalarText(pair.key) ?? "") === pair.value?.kind) ||
    entries.some((entry) => KUSTOMIZE_IMAGE_FIELDS.some((key) => mapValue(entry, key) !== undefined))
  );
}

/**
 * A kustomize kustomization or component, or a Flux Kustomization: documents whose `images:`
 * are kustomize's. A kustomization.yaml may omit apiVersion, kind or both: with neither, the
 * file's name decides where it is known (`file`, a path or a name), as it does for kustomize.
 */
export function isKustomization(document: YamlDocument, file: string | undefined): boolean {
  const { apiVersion, kind } = document.object;
  if (inGroup(apiVersion, KUSTOMIZE)) return kind === undefined || kind === "Kustomization" || kind === "Component";
  if (apiVersion === undefined && kind === undefined) return file === undefined ? looksLikeKustomization(document.root) : isKustomizationFile(file);
  return apiVersion === undefined ? kind === "Kustomization" || kind === "Component" : isFluxKustomization(document.object);
}

/**
 * Where a document keeps kustomize image overrides: `images` in a kustomization or component,
 * `spec.images` in a Flux Kustomization, `spec.postRenderers[i].kustomize.images` in a Flux
 * HelmRelease.
 */
export function imageLists(document: YamlDocument, file: string | undefined): PathSegment[][] {
  if (isHelmRelease(document.object)) {
    const renderers = nodeAt(document.root, ["spec", "postRenderers"]);
    return renderers?.kind === "seq" ? renderers.items.map((_, i) => ["spec", "postRenderers", i, "kustomize", "images"]) : [];
  }
  if (!isKustomization(document, file)) return [];
  return isFluxKustomization(document.object) ? [["spec", "images"]] : [["images"]];
}

/**
 * The images `text`'s kustomize `images:` entries rename (`name` to `newName`), by `name` as written; none for a text that
 * does not parse. What `--image` finds such an entry by is its newName: the yq selector's advice names it (parsePath).
 */
export function renamesIn(text: string, file: string): Renamed {
  const renames = new Map<string, string>();
  for (const document of tryYamlFile(text)?.documents ?? []) {
    for (const list of imageLists(document, file)) {
      const entries = nodeAt(document.root, list);
      for (const entry of entries?.kind === "seq" ? entries.items : []) {
        if (entry?.kind !== "map") continue;
        const [name, newName] = [scalarText(mapValue(entry, "name")), scalarText(mapValue(entry, "newName"))];
        if (name && newName && !renames.has(name)) renames.set(name, newName);
      }
    }
  }
  return (name) => renames.get(name);
}

export const editKustomizeImages: Editor = (file, request, plan) => {
  const incoming = byRepository(request.images);
  if (incoming.size === 0) return;
  for (const document of file.documents) {
    for (const path of imageLists(document, request.file)) {
      const list = nodeAt(document.root, path);
      if (list?.kind === "seq") editList(list.items, path, document, incoming, plan, request.fieldName);
    }
  }
};

/**
 * One `images:` list: each entry naming an incoming repository gets its new tag and digest. An entry
 * reads the fields it does not write from its merge key (`- <<: *app`), as kustomize does: a merged
 * field is written where the anchor writes it, shared by every entry merging it, and is never written
 * or added for this one; an entry's own field, written or added, moves only with every entry reading it
 * through a merge key or an alias moving the same way (version-write.ts). An entry a Flux marker claims a
 * field of is left to its markers, as Flux leaves it, and one without a name, which kustomize sets on no
 * image, is left too: the fields the run would have set are named (warnLeftEntry).
 */
function editList(
  entries: readonly YamlNode[],
  path: readonly PathSegment[],
  document: YamlDocument,
  incoming: ReadonlyMap<string, ImageUpdate>,
  plan: EditPlan,
  fieldName: FieldNamer | undefined,
): void {
  entries.forEach((entry, index) => {
    if (entry.kind !== "map") return;
    const at = [...path, index];
    const read = fieldsOf(plan.file, document.root, entry, at, false);
    const field = (key: string) => read(key)?.node;
    const site = { start: entry.start, at, read };
    const marked = ENTRY_FIELDS.filter((key) => claimedOwn(plan, [read(key)]));
    if (marked.length > 0) return warnLeftEntry(plan, document, site, incoming, marked, markedReason(formatPath(at), marked));
    const newName = scalarText(field("newName"));
    const name = newName || scalarText(field("name")) || "";
    const update = incoming.get(normalizeRepository(name) ?? "");
    // kustomize sets an entry on the images its name names: one without matches none.
    if (update && !scalarText(field("name")))
      return warnLeftEntry(
        plan,
        document,
        site,
        incoming,
        [],
        () => `${formatPath(at)} has no name, so kustomize sets it on no image; write the name of the image it replaces (name:)`,
      );
    if (!update) {
      if (newName)
        warnRenamed(plan, incoming, fieldName, { start: entry.start, entry: at, field: [...at, "newTag"] }, scalarText(field("name")) ?? "", {
          name: newName,
          tag: scalarText(field("newTag")),
          pinned: field("newTag") !== undefined || field("digest") !== undefined,
        });
      return;
    }
    // A version a template or Flux's substitution fills in is set there.
    if (warnPlaceholderField({ tag: read("newTag"), digest: read("digest") }, name, update, plan, true)) return;
    const current = versionOf(heldText(plan, document.root, field("newTag")), heldText(plan, document.root, field("digest")));
    // Tag and digest move together or not at all: one alone would name another build than the other.
    const mapping = { at: entry.start, mapping: at, keys: VERSION_FIELDS };
    if (fixedVersion(plan, document.root, mapping, VERSION_FIELDS.map(read), update, nextVersion(update, current) !== undefined)) return;
    const { next, say: sayTo } = pendingVersion(update, current);
    const tag = read("newTag");
    const say = () =>
      sayTo(
        tag?.merged
          ? mergedVersionNote(plan, entry.start, at, tag, update.image.repository)
          : plan.versionNote(entry.start, formatPath(at), update.image.repository),
      );
    if (!next) return say();
    const values = entryValues(next, !!field("digest"));
    const writes: FieldWrite[] = [];
    const adds: FieldAdd[] = [];
    for (const key of VERSION_FIELDS) {
      const [f, value] = [read(key), values[key]];
      if (value === undefined) continue;
      if (f === undefined) adds.push({ map: entry, key, value });
      else if (isFlowScalar(f.node)) writes.push({ field: f, node: f.node, value });
    }
    writeVersion(plan, { at: entry.start, mapping: at, name, next }, { writes, adds }, entryReader(plan, incoming), say, {
      kind: "kustomize",
      document,
      repository: update.image.repository,
    });
  });
}

/** An `images:` entry: where it starts, its path, and how it reads a field (fieldsOf). */
interface Entry {
  readonly start: number;
  readonly at: readonly PathSegment[];
  readonly read: (key: string) => MappingField | undefined;
}

/**
 * Names the version fields (newTag, digest) of an entry left whole that the run would set, but those in `skip`, saying
 * why (`reason`, given them): those the version decided from what the entry writes would change from what this run
 * leaves them holding (a marked one as its setter sets it), for the repository it names as this run leaves it.
 */
function warnLeftEntry(
  plan: EditPlan,
  document: YamlDocument,
  { start, at, read }: Entry,
  incoming: ReadonlyMap<string, ImageUpdate>,
  skip: readonly string[],
  reason: (unset: readonly UnsetField[]) => string,
): void {
  const written = (key: string) => heldText(plan, document.root, read(key)?.node);
  const held = (key: string) => leftText(plan, document.root, read(key)?.node);
  const name = held("newName") || held("name") || "";
  const update = incoming.get(normalizeRepository(name) ?? "");
  const next = update && pendingVersion(update, versionOf(written("newTag"), written("digest"))).next;
  if (!next) return;
  const values = entryValues(next, read("digest") !== undefined);
  const fields = VERSION_FIELDS.filter((key) => !skip.includes(key)).map((key) => ({
    key,
    path: [...at, key],
    node: read(key)?.node,
    held: held(key),
    value: values[key],
    suffix: MARKER_SUFFIX[key],
  }));
  warnUnset(plan, { start, image: formatImageRef({ name, ...next }), repository: update.image.repository }, fields, reason);
}

/** The suffix of the marker that sets each version field of an entry (`{"$imagepolicy": "ns:name:tag"}`). */
const MARKER_SUFFIX: Record<VersionField, UnsetField["suffix"]> = { newTag: "tag", digest: "digest" };

/** What an entry's newTag and digest hold for the version `next` (undefined: not written): a dropped digest is emptied (kustomize ignores an empty digest); a missing one stays missing. */
function entryValues(next: Version, hasDigest: boolean): Record<VersionField, string | undefined> {
  return { newTag: next.tag, digest: next.digest ?? (hasDigest ? "" : undefined) };
}

/**
 * How a mapping reading an entry's newTag or digest (through a merge key or an alias) reads as an `images:` entry:
 * the image it names (its newName, else its name), and what its own decision has that field hold.
 */
function entryReader(plan: EditPlan, incoming: ReadonlyMap<string, ImageUpdate>): ReaderJudge {
  return ({ map, path, inFlow, root, key }) => {
    if (key !== "newTag" && key !== "digest") return undefined;
    const read = fieldsOf(plan.file, root, map, path, inFlow);
    const field = (name: string) => read(name)?.node;
    const text = (name: string) => {
      const node = field(name);
      return node ? scalarOf(plan.file, root, node)?.text : undefined;
    };
    const name = text("newName") || text("name");
    if (!name) return undefined;
    const update = incoming.get(normalizeRepository(name) ?? "");
    const next = update && pendingVersion(update, versionOf(text("newTag"), text("digest"))).next;
    return { image: name, value: next && entryValues(next, !!field("digest"))[key] };
  };
}
