/**
 * The merge key (`<<: *name`, `<<: [*a, *b]`, `<<: {...}`): it gives a mapping the keys it does not
 * write itself, and such a key is read where it is written (mergedValue). The editors read a mapping's
 * fields through it (fieldsOf); who reads a mapping's field through it is readers.ts's question (mergedHolder).
 */
import { anchoredValue, type Placed } from "./alias.js";
import type { YamlFile } from "./file.js";
import { mapValue, nodeAt, type MapNode, type YamlNode } from "./node.js";
import type { PathSegment } from "./path.js";

/** Whether `key` is the merge key: `<<` written plain (a quoted "<<" is an ordinary key). */
export function isMergeKey(key: YamlNode): boolean {
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
  const found = mergedFrom({ file, root, key, own: ownPair(key), known: mergesOf(file, key) }, map, new Set()).merged;
  return found?.node ? { node: found.node, path: found.fromMap ? [...path, ...found.path] : found.path } : undefined;
}

/**
 * The mapping whose own pair of `key` `map` reads, itself or one its merge key brings, were `adding` (a mapping
 * that has no such pair yet) given one: what a field added there would reach. Undefined when none has it. Each
 * call's answers are kept for the next (a chain is read once), so a caller asks one function for every mapping.
 */
export function mergedHolder(file: YamlFile, root: YamlNode | null, key: string, adding?: MapNode): (map: MapNode) => MapNode | undefined {
  const real = ownPair(key);
  const own: Own = adding === undefined || real(adding) ? real : (map) => (map === adding ? { value: null } : real(map));
  const search: MergeSearch = { file, root, key, own, known: own === real ? mergesOf(file, key) : new Map() };
  return (map) => (own(map) ? map : mergedFrom(search, map, new Set()).merged?.holder);
}

/** The mappings `map` merges (`<<: *a`, `<<: [*a, *b]`, `<<: {...}`), in the order YAML reads them, each with its path: from the root, or (`fromMap`) from `map`'s own. */
export function mergeSources(
  file: YamlFile,
  root: YamlNode | null,
  map: MapNode,
): { readonly node: MapNode; readonly path: readonly PathSegment[]; readonly fromMap: boolean }[] {
  return map.pairs.flatMap((pair) => {
    if (!isMergeKey(pair.key) || pair.value === null) return [];
    const items = pair.value.kind === "seq" ? pair.value.items.map((item, i) => ({ node: item, at: ["<<", i] })) : [{ node: pair.value, at: ["<<"] }];
    return items.flatMap(({ node, at }) => {
      const merged = node.kind === "alias" ? anchoredValue(file, root, node) : { node, path: at };
      return merged?.node.kind === "map" ? [{ node: merged.node, path: merged.path, fromMap: node.kind !== "alias" }] : [];
    });
  });
}

/** What a mapping takes for a key from its merge key: the mapping whose own pair it is, its value (null: `? key`), and its path, from the document's root or (`fromMap`) from the mapping's own. */
interface Merged {
  readonly holder: MapNode;
  readonly node: YamlNode | null;
  readonly path: readonly PathSegment[];
  readonly fromMap: boolean;
}

/** A mapping's own pair of the key searched for, if it has one: its value, null for a key without one (`? tag`). */
type Own = (map: MapNode) => { readonly value: YamlNode | null } | undefined;

function ownPair(key: string): Own {
  return (map) => map.pairs.find((pair) => pair.key.kind === "scalar" && !isMergeKey(pair.key) && pair.key.text === key);
}

/** One search for a key through merge keys: what each mapping's own pair is (`own`), and what each mapping answers (`known`). */
interface MergeSearch {
  readonly file: YamlFile;
  readonly root: YamlNode | null;
  readonly key: string;
  readonly own: Own;
  readonly known: Map<MapNode, Merged | undefined>;
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
function mergedFrom(search: MergeSearch, map: MapNode, seen: Set<MapNode>): { readonly merged: Merged | undefined; readonly cut: boolean } {
  const { known } = search;
  if (known.has(map)) return { merged: known.get(map), cut: false };
  // An alias inside its own anchored mapping merges it again: it brings nothing more.
  if (seen.has(map)) return { merged: undefined, cut: true };
  seen.add(map);
  let cut = false;
  const answer = (merged: Merged | undefined) => {
    if (!cut) known.set(map, merged);
    return { merged, cut };
  };
  for (const source of mergeSources(search.file, search.root, map)) {
    const own = search.own(source.node);
    // Its own key, even one without a value (`? tag`), wins over what it merges.
    if (own) return answer({ holder: source.node, node: own.value, path: [...source.path, search.key], fromMap: source.fromMap });
    // Itself again (a merge of its own alias) is cut wherever the search starts: no reason not to keep the answer.
    if (source.node === map) continue;
    const below = mergedFrom(search, source.node, seen);
    cut ||= below.cut;
    const found = below.merged;
    if (found) return answer(found.fromMap ? { ...found, path: [...source.path, ...found.path], fromMap: source.fromMap } : found);
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

/**
 * How the mapping reached from the node at `path` by `keys` reads its fields, each key on the way read as YAML's
 * merge reads it (fieldsOf): `image: {<<: *defaults}` holds the `repository` of `defaults`, anchored anywhere in
 * the document; a number is an index into a list there (`images[0]`, as a Helm parameter's name reads).
 * Undefined where no mapping is. Read, not written: a mapping on the way may be one every mapping merging it shares.
 */
export function fieldsAt(
  file: YamlFile,
  root: YamlNode | null,
  path: readonly PathSegment[],
  keys: readonly PathSegment[],
): ((key: string) => MappingField | undefined) | undefined {
  let field: MappingField | undefined = { node: nodeAt(root, path) ?? null, path, inFlow: false };
  for (const key of keys) {
    const node: YamlNode | null | undefined = field?.node;
    if (!field || !node) return undefined;
    if (node.kind === "map" && typeof key === "string") field = fieldsOf(file, root, node, field.path, field.inFlow)(key);
    else if (node.kind === "seq" && typeof key === "number") {
      const item = node.items[key];
      field = item && { node: item, path: [...field.path, key], inFlow: field.inFlow || node.flow };
    } else return undefined;
  }
  return field?.node?.kind === "map" ? fieldsOf(file, root, field.node, field.path, field.inFlow) : undefined;
}

/**
 * Whether something that is no mapping is written on the way to the mapping reached from `path` by `keys`: a key
 * there (read through merge keys, an alias as the value it anchors) holding a null, a scalar or a list. A Helm values
 * layer that writes one replaces an earlier layer's mapping whole (a later `image: null`, `image: ghcr.io/x:1`).
 * False where the way is not written, or goes through an alias this cannot read.
 */
export function replacedOnTheWay(file: YamlFile, root: YamlNode | null, path: readonly PathSegment[], keys: readonly PathSegment[]): boolean {
  let field: MappingField | undefined = { node: nodeAt(root, path) ?? null, path, inFlow: false };
  for (const key of keys) {
    const map: YamlNode | null = field.node;
    if (map?.kind !== "map" || typeof key !== "string") return false;
    field = fieldsOf(file, root, map, field.path, field.inFlow)(key);
    if (!field) return false;
    const value: YamlNode | null | undefined = field.node?.kind === "alias" ? anchoredValue(file, root, field.node)?.node : field.node;
    if (value === undefined) return false;
    if (value?.kind !== "map") return true;
    field = { ...field, node: value };
  }
  return false;
}
