/**
 * Where an alias's value is written. The editors never follow an alias (`*name`): the anchored
 * value is edited where it is written, so a field that is an alias is named with its anchor.
 */
import type { YamlFile } from "./file.js";
import type { AliasNode, YamlNode } from "./node.js";
import type { PathSegment } from "./path.js";
import { forEachValue } from "./walk.js";

/** The alias's anchor `&name` and its offset: the last `&name` before the alias, as a whole word; undefined when not found. */
export function anchorOf(file: YamlFile, alias: AliasNode): { readonly name: string; readonly at: number } | undefined {
  const { text } = file;
  const name = `&${text.slice(alias.start + 1, alias.end)}`;
  let at = text.lastIndexOf(name, alias.start);
  while (at >= 0 && !/^(?:[\s,\]}]|$)/.test(text.slice(at + name.length, at + name.length + 1))) at = at > 0 ? text.lastIndexOf(name, at - 1) : -1;
  return at < 0 ? undefined : { name, at };
}

/** The value an alias stands for, with its path in `root`: the node written right after the anchor (both parsers start it there). */
export function anchoredValue(
  file: YamlFile,
  root: YamlNode | null,
  alias: AliasNode,
): { readonly node: YamlNode; readonly path: readonly PathSegment[] } | undefined {
  const anchor = anchorOf(file, alias);
  if (anchor === undefined) return undefined;
  const start = anchor.at + anchor.name.length + /^[ \t]*/.exec(file.text.slice(anchor.at + anchor.name.length))![0].length;
  let found: { node: YamlNode; path: readonly PathSegment[] } | undefined;
  forEachValue(root, ({ node, path }) => {
    if (found === undefined && node.start === start && node.kind !== "alias") found = { node, path };
  });
  return found;
}
