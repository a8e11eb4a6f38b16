/**
 * Who reads a mapping's field besides the mapping itself: the reverse of mergedValue and anchoredValue. A
 * mapping merging it (`<<: *app`, through a chain of merges) reads the key when it writes no such key itself
 * and no mapping merged before has it; a pair whose value is an alias of the field's value (`tag: *t`) reads it
 * as its own key, and so does every mapping merging that pair's mapping in turn. Writing the field moves all of
 * them (version-write.ts). A mapping that is an alias of the whole mapping (`global: *app`) is the same mapping
 * read again, no other reader. Each file's merges and aliases are indexed once, on the first question.
 */
import { anchoredValue } from "./alias.js";
import type { YamlFile } from "./file.js";
import { hasMergeKey, isMergeKey, mergedHolder, mergeSources } from "./merge-key.js";
import { mapValue, scalarText, type AliasNode, type MapNode, type YamlNode } from "./node.js";
import type { PathSegment } from "./path.js";
import { forEachValue } from "./walk.js";

/** A mapping as the editors visit it: its path, whether it is inside a flow collection, and its document's root. */
export interface PlacedMap {
  readonly map: MapNode;
  readonly path: readonly PathSegment[];
  readonly inFlow: boolean;
  readonly root: YamlNode | null;
}

/** A mapping that reads another mapping's field. */
export interface Reader extends PlacedMap {
  /** The key it reads the field as: the same key through its merge key, an alias's own key (`version: *t`). */
  readonly key: string;
  /** The alias it reads the field by, at its key; absent: through its merge key. */
  readonly alias?: AliasNode;
  /** Where it says so: its merge key (`<<`), or the alias. */
  readonly at: number;
}

interface ReadersIndex {
  readonly placed: ReadonlyMap<MapNode, PlacedMap>;
  /** For each mapping merged, the mappings whose merge key names it. */
  readonly mergers: ReadonlyMap<MapNode, readonly MapNode[]>;
  /** For each value aliased by a pair, the pairs: their mapping, key and alias. */
  readonly aliases: ReadonlyMap<YamlNode, readonly { readonly map: MapNode; readonly key: string; readonly alias: AliasNode }[]>;
  /** For each pair's value, its mapping and key. */
  readonly holders: ReadonlyMap<YamlNode, { readonly map: MapNode; readonly key: string }>;
}

const indexOfFile = new WeakMap<YamlFile, ReadersIndex>();

function indexOf(file: YamlFile): ReadersIndex {
  let index = indexOfFile.get(file);
  if (index === undefined) indexOfFile.set(file, (index = buildIndex(file)));
  return index;
}

function buildIndex(file: YamlFile): ReadersIndex {
  const placed = new Map<MapNode, PlacedMap>();
  const mergers = new Map<MapNode, MapNode[]>();
  const aliases = new Map<YamlNode, { map: MapNode; key: string; alias: AliasNode }[]>();
  const holders = new Map<YamlNode, { map: MapNode; key: string }>();
  const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const { root } of file.documents) {
    forEachValue(root, ({ node: map, path, inFlow }) => {
      if (map.kind !== "map") return;
      placed.set(map, { map, path, inFlow, root });
      if (hasMergeKey(map)) for (const source of mergeSources(file, root, map)) push(mergers, source.node, map);
      for (const { key: keyNode, value } of map.pairs) {
        const key = scalarText(keyNode);
        if (key === undefined || value === null || isMergeKey(keyNode)) continue;
        holders.set(value, { map, key });
        const anchored = value.kind === "alias" ? anchoredValue(file, root, value) : undefined;
        if (value.kind === "alias" && anchored) push(aliases, anchored.node, { map, key, alias: value });
      }
    });
  }
  return { placed, mergers, aliases, holders };
}

/** readersOf the field whose value `node` is: none when it is no pair's value. */
export function readersOfValue(file: YamlFile, node: YamlNode): Reader[] {
  const holder = mayShare(file) ? indexOf(file).holders.get(node) : undefined;
  return holder ? readersOf(file, holder.map, holder.key) : [];
}

/** Whether the file may have a reader: one without a merge key or an anchor has none, and is not indexed. */
function mayShare(file: YamlFile): boolean {
  return file.text.includes("<<") || file.text.includes("&");
}

/**
 * Every mapping that reads `map`'s field `key` besides `map`, or would read it once added there when `map` has
 * no such key: the mappings merging it (each once, in no set order), the pairs aliasing its value, and the
 * mappings merging those.
 */
export function readersOf(file: YamlFile, map: MapNode, key: string): Reader[] {
  if (!mayShare(file)) return [];
  const index = indexOf(file);
  const place = index.placed.get(map);
  if (place === undefined) return [];
  const readers: Reader[] = [];
  const holder = mergedHolder(file, place.root, key, map);
  const queue = [map];
  const seen = new Set(queue);
  // Only a mapping reading it passes it on: one that does not takes the key from elsewhere for its mergers too.
  for (const source of queue) {
    for (const merger of index.mergers.get(source) ?? []) {
      if (seen.has(merger)) continue;
      seen.add(merger);
      if (holder(merger) !== map) continue;
      queue.push(merger);
      const at = merger.pairs.find((pair) => isMergeKey(pair.key))?.key.start ?? merger.start;
      readers.push({ ...index.placed.get(merger)!, key, at });
    }
  }
  const value = mapValue(map, key);
  for (const { map: aliasing, key: as, alias } of (value && index.aliases.get(value)) ?? []) {
    readers.push({ ...index.placed.get(aliasing)!, key: as, alias, at: alias.start });
    readers.push(...readersOf(file, aliasing, as));
  }
  return readers;
}
