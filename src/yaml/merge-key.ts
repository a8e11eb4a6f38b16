/**
 * The merge key (`<<: *name`, `<<: [*a, *b]`, `<<: {...}`): it gives a mapping the keys it does not
 * write itself, and such a key is read where it is written (mergedValue). The editors read a mapping's
 * fields through it (fieldsOf), and a merged field is never written for one mapping (mergedHold): the
 * Helm and kustomize editors write a mapping's version by one sequence (writeVersion).
 */
import type { WarningNames } from "../change.js";
import { normalizeRepository } from "../image/reference.js";
import type { VersionNote } from "../image/update.js";
import { anchoredValue, type Placed } from "./alias.js";
import type { YamlFile } from "./file.js";
import { mapValue, type FlowScalar, type MapNode, type YamlNode } from "./node.js";
import { formatPath, type PathSegment } from "./path.js";
import type { ChangeLabel, EditPlan } from "./plan.js";
import { tagHolds, tagWarning } from "./splice.js";

/** Whether `key` is the merge key: `<<` written plain (a quoted "<<" is an ordinary key). */
function isMergeKey(key: YamlNode): boolean {
  return key.kind === "scalar" && key.style === "plain" && key.text === "<<";
}

/** Whether `map` has a merge key. */
export function hasMergeKey(map: MapNode): boolean {
  return map.pairs.some((pair) => isMergeKey(pair.key));
}

/**
 * How a key a mapping takes from its merge key is named, by the editors' warnings and `--set`'s errors alike:
 * `its tag is merged (<<) from x-defaults.tag (line 3), which every mapping merging it shares`.
 */
export function mergedFromWords(key: string, from: string, line: number): string {
  return `its ${key} is merged (<<) from ${from} (line ${line}), ${MERGE_SHARED}`;
}

/** What a merged field is to the mappings that merge it: theirs alike. */
export const MERGE_SHARED = "which every mapping merging it shares";

/**
 * The value `key` of `map` (at `path`) takes from its merge key, where it is written, as YAML's merge
 * reads it: from the first mapping merged that has it, each with what it merges itself. Undefined when
 * no merge brings it (`map`'s own `key`, which wins over a merged one, is not read here).
 */
export function mergedValue(file: YamlFile, root: YamlNode | null, map: MapNode, path: readonly PathSegment[], key: string): Placed | undefined {
  const found = mergedFrom(file, root, map, key, new Set(), mergesOf(file, key)).merged;
  return found && { node: found.node, path: found.fromMap ? [...path, ...found.path] : found.path };
}

/** What a mapping takes for a key from its merge key: the value and its path, from the document's root or (`fromMap`) from the mapping's own. */
interface Merged {
  readonly node: YamlNode;
  readonly path: readonly PathSegment[];
  readonly fromMap: boolean;
}

/** Per file and key, what each mapping merges (undefined: nothing): a chain of `<<` is read once, not once per mapping in it. */
const mergesOfFile = new WeakMap<YamlFile, Map<string, Map<MapNode, Merged | undefined>>>();

function mergesOf(file: YamlFile, key: string): Map<MapNode, Merged | undefined> {
  let byKey = mergesOfFile.get(file);
  if (byKey === undefined) mergesOfFile.set(file, (byKey = new Map()));
  let merges = byKey.get(key);
  if (merges === undefined) byKey.set(key, (merges = new Map()));
  return merges;
}

/**
 * mergedValue's search, depth first through `seen`, as YAML's merge reads it. What a mapping answers is
 * kept in `known`, unless the search below it was cut at a mapping seen and not known (`cut`): one it
 * was still reading, which only a cycle of aliases inside their own anchored mappings makes (YAML
 * parsers refuse it), or one whose answer was so cut. What is kept is then what any search finds there.
 */
function mergedFrom(
  file: YamlFile,
  root: YamlNode | null,
  map: MapNode,
  key: string,
  seen: Set<MapNode>,
  known: Map<MapNode, Merged | undefined>,
): { readonly merged: Merged | undefined; readonly cut: boolean } {
  if (known.has(map)) return { merged: known.get(map), cut: false };
  // An alias inside its own anchored mapping merges it again: it brings nothing more.
  if (seen.has(map)) return { merged: undefined, cut: true };
  seen.add(map);
  let cut = false;
  const answer = (merged: Merged | undefined) => {
    if (!cut) known.set(map, merged);
    return { merged, cut };
  };
  for (const pair of map.pairs) {
    if (!isMergeKey(pair.key) || pair.value === null) continue;
    const sources = pair.value.kind === "seq" ? pair.value.items.map((item, i) => ({ node: item, at: ["<<", i] })) : [{ node: pair.value, at: ["<<"] }];
    for (const source of sources) {
      const anchored = source.node.kind === "alias" ? anchoredValue(file, root, source.node) : undefined;
      const merged = source.node.kind === "alias" ? anchored && { ...anchored, fromMap: false } : { node: source.node, path: source.at, fromMap: true };
      if (merged?.node.kind !== "map") continue;
      const own = merged.node.pairs.find((p) => p.key.kind === "scalar" && !isMergeKey(p.key) && p.key.text === key);
      // Its own key, even one without a value (`? tag`), wins over what it merges.
      if (own) return answer(own.value ? { node: own.value, path: [...merged.path, key], fromMap: merged.fromMap } : undefined);
      // Itself again (a merge of its own alias) is cut wherever the search starts: no reason not to keep the answer.
      if (merged.node === map) continue;
      const below = mergedFrom(file, root, merged.node, key, seen, known);
      cut ||= below.cut;
      const found = below.merged;
      if (found) return answer(found.fromMap ? { node: found.node, path: [...merged.path, ...found.path], fromMap: merged.fromMap } : found);
    }
  }
  return answer(undefined);
}

/** A field of a mapping as YAML reads it: its value node, the path a change names it by, and whether it is inside a flow collection. */
export interface MappingField {
  readonly node: YamlNode | null;
  readonly path: readonly PathSegment[];
  readonly inFlow: boolean;
  /** Taken from a merge key (`<<: *img`): `path` is where it is written, shared by every mapping merging it; never written for this one. */
  readonly merged?: boolean;
}

/** How `map` (at `path`, `inFlow` when inside a flow collection) reads a field: its own, else the one its merge key brings. */
export function fieldsOf(
  file: YamlFile,
  root: YamlNode | null,
  map: MapNode,
  path: readonly PathSegment[],
  inFlow: boolean,
): (key: string) => MappingField | undefined {
  const merges = hasMergeKey(map);
  return (key) => {
    const value = mapValue(map, key);
    if (value !== undefined) return { node: value, path: [...path, key], inFlow: inFlow || map.flow };
    const merged = merges ? mergedValue(file, root, map, path, key) : undefined;
    return merged && { ...merged, inFlow: false, merged: true };
  };
}

/** A field's new value, for the mapping at `mapping` whose field it is. */
export interface FieldWrite<F extends MappingField = MappingField> {
  readonly field: F;
  readonly node: FlowScalar;
  readonly value: string;
}

/**
 * Whether the writes of one mapping's version (its tag and digest, which name one build) can be made: a
 * merged field is written where others share it, never for this mapping, so it must already hold its value
 * (its own mapping may move it first, plan.valueOf). Said at `at` when it does not: the mapping (`name` at `next`) is not moved.
 */
function mergedHold(
  plan: EditPlan,
  at: number,
  mapping: readonly PathSegment[],
  writes: readonly FieldWrite[],
  name: string,
  next: { readonly tag?: string | undefined; readonly digest?: string | undefined },
): boolean {
  const behind = writes.find(({ field, node, value }) => field.merged && plan.valueOf(node) !== value);
  if (!behind) return true;
  const reference = next.tag ? `${name}:${next.tag}` : `${name}@${next.digest}`;
  const pair = formatPath(mapping);
  const key = String(behind.field.path[behind.field.path.length - 1]);
  const from = formatPath(behind.field.path);
  const line = plan.file.lineAt(behind.node.start);
  plan.warn(
    at,
    `${pair} is not moved to ${reference}: ${mergedFromWords(key, from, line)}; add ${key}: to ${pair} to set it for this one alone, or set ${from} for all of them`,
    undefined,
    { reason: "unmoved", ...named(normalizeRepository(name), line) },
  );
  return false;
}

/**
 * What a version decision for `image` (a repository) tells of a mapping's merged field (a policy keeping its
 * tag, a dropped digest pin), said at `at` of the mapping, naming where the field is written: the mapping writes no such field.
 */
export function mergedVersionNote(plan: EditPlan, at: number, mapping: readonly PathSegment[], field: MappingField, image: string): VersionNote {
  const key = String(field.path[field.path.length - 1]);
  const from = formatPath(field.path);
  const line = plan.file.lineAt(field.node?.start ?? at);
  return (why, kind) =>
    plan.warn(at, `${formatPath(mapping)}: ${mergedFromWords(key, from, line)}, and it ${why}`, kind, {
      field: from,
      reason: "version",
      said: why,
      ...named(image, line),
    });
}

/** What a warning about `image` (a repository) that names the line where a merged field is written speaks of besides its own line. */
function named(image: string | undefined, line: number): WarningNames {
  return { ...(image !== undefined && { image }), lines: [line] };
}

/** Whether a field the mapping writes itself is a marker's: so is the rest of its mapping. A merged one is its own mapping's (plan.valueOf). */
export function claimedOwn(plan: EditPlan, fields: readonly (MappingField | undefined)[]): boolean {
  return fields.some((field) => !field?.merged && plan.isClaimed(field?.node));
}

/** The mapping a version is written for: where it is told of (`at`), its path, its image's name and the version. */
interface VersionPair {
  readonly at: number;
  readonly mapping: readonly PathSegment[];
  readonly name: string;
  readonly next: { readonly tag?: string | undefined; readonly digest?: string | undefined };
}

/**
 * Writes a mapping's version (its tag and digest, which name one build), all of it or none: none when a
 * merged field will not hold its new value (mergedHold) or the tag of one (`!!float 1.0`, `newTag: !!int 1`)
 * cannot hold it, said in a warning. Else tells what the version decision says (`say`) and writes the fields
 * the mapping writes itself. False when the pair is left.
 */
export function writeVersion(
  plan: EditPlan,
  { at, mapping, name, next }: VersionPair,
  writes: readonly FieldWrite[],
  say: () => void,
  label: (field: MappingField) => ChangeLabel,
): boolean {
  if (!mergedHold(plan, at, mapping, writes, name, next)) return false;
  const unfit = writes.find(({ field, node, value }) => !field.merged && !tagHolds(node, value));
  if (unfit) {
    plan.warn(unfit.node.start, tagWarning(formatPath(unfit.field.path), unfit.node, unfit.value));
    return false;
  }
  say();
  for (const { field, node, value } of writes) if (!field.merged) plan.setScalar(node, value, field.inFlow, label(field));
  return true;
}
