/**
 * Where an alias's value is written. The editors never follow an alias (`*name`): the anchored
 * value is edited where it is written, so a field that is an alias is named with its anchor.
 * Each file's anchors and each document's values are indexed once, on the first alias asked
 * about: a file of thousands of aliases is read in linear time.
 */
import { partitionPoint } from "../text/partition-point.js";
import type { YamlFile } from "./file.js";
import type { AliasNode, ScalarNode, YamlNode } from "./node.js";
import { formatPath, type PathSegment } from "./path.js";
import { forEachValue } from "./walk.js";

/** `&name` as a whole word: a name ends at a space, a flow indicator or the end. */
const ANCHOR = /&([^\s,[\]{}]+)(?=[\s,\]}]|$)/g;

const anchorsOfFile = new WeakMap<YamlFile, ReadonlyMap<string, readonly number[]>>();

/** The offsets of every `&name` in the file, by name, in order. */
function anchorsIn(file: YamlFile): ReadonlyMap<string, readonly number[]> {
  let anchors = anchorsOfFile.get(file);
  if (anchors === undefined) {
    const found = new Map<string, number[]>();
    for (const match of file.text.matchAll(ANCHOR)) {
      const offsets = found.get(match[1]!);
      if (offsets) offsets.push(match.index);
      else found.set(match[1]!, [match.index]);
    }
    anchorsOfFile.set(file, (anchors = found));
  }
  return anchors;
}

/** The alias's anchor `&name` and its offset: the last `&name` before the alias; undefined when not found. */
export function anchorOf(file: YamlFile, alias: AliasNode): { readonly name: string; readonly at: number } | undefined {
  const name = file.text.slice(alias.start + 1, alias.end);
  const offsets = anchorsIn(file).get(name) ?? [];
  // The last offset before the alias.
  const before = partitionPoint(offsets.length, (i) => offsets[i]! < alias.start);
  return before === 0 ? undefined : { name: `&${name}`, at: offsets[before - 1]! };
}

/** A value and its path in the document: where it is written. */
export type Placed = { readonly node: YamlNode; readonly path: readonly PathSegment[] };

/** What may stand between an anchor and its value: spaces, line breaks, comments and a tag (`&img !!map`). */
const BEFORE_VALUE = /(?:[ \t\r\n]+|#[^\r\n]*|![^\s]*)*/y;

const valuesOfRoot = new WeakMap<YamlNode, ReadonlyMap<number, Placed>>();

/** The value an alias stands for, with its path in `root`: the node written right after the anchor (both parsers start it there). */
export function anchoredValue(file: YamlFile, root: YamlNode | null, alias: AliasNode): Placed | undefined {
  const anchor = anchorOf(file, alias);
  if (anchor === undefined || root === null) return undefined;
  // A block mapping or list anchored on its key's line starts on the next line.
  BEFORE_VALUE.lastIndex = anchor.at + anchor.name.length;
  BEFORE_VALUE.test(file.text);
  const start = BEFORE_VALUE.lastIndex;
  let values = valuesOfRoot.get(root);
  if (values === undefined) {
    const byStart = new Map<number, Placed>();
    forEachValue(root, ({ node, path }) => {
      if (node.kind !== "alias" && !byStart.has(node.start)) byStart.set(node.start, { node, path });
    });
    valuesOfRoot.set(root, (values = byStart));
  }
  return values.get(start);
}

/** The scalar `node` is, or the one it is an alias of, as a reader of its text sees it; undefined for anything else. */
export function scalarOf(file: YamlFile, root: YamlNode | null, node: YamlNode): ScalarNode | undefined {
  const value = node.kind === "alias" ? anchoredValue(file, root, node)?.node : node;
  return value?.kind === "scalar" ? value : undefined;
}

/**
 * How the field an alias stands for is named where a message says to set it, by `--set`'s errors and the
 * image editor's warnings alike: `x-defaults.tag (line 3), which every alias of &img follows`.
 */
export function aliasedFieldWords(path: readonly PathSegment[], line: number, anchor: string): string {
  return `${formatPath(path)} (line ${line}), which every alias of ${anchor} follows`;
}
