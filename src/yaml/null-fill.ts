/**
 * The splice that fills a mapping key's null value (`image:`, `image: ~`) with new keys and a value, as `--create`
 * does when a path goes on below a key that holds nothing yet: a kustomize or Helm user writes `image:` meaning
 * "a mapping, to be filled in". Like splice.ts's, the edit is byte-minimal: an empty block value gets the keys on
 * lines of their own below its key, which keeps that line (and a comment on it) as it is; a written null (`~`), or
 * any null inside a flow collection, is replaced in place by a flow mapping (`image: {tag: 1.2.3}`).
 */
import type { Splice } from "../text/splice.js";
import type { YamlFile } from "./file.js";
import type { FlowScalar, YamlNode } from "./node.js";
import { renderScalar } from "./quoting.js";
import { scalarSplice } from "./splice.js";

/** A key's null value that a mapping may replace: plain, with no tag or anchor between the key's `:` and it. */
export interface NullValue {
  readonly key: YamlNode;
  readonly node: FlowScalar;
  /** Inside a flow collection, where no line break may start a block mapping. */
  readonly inFlow: boolean;
}

/** `value` under `keys` in place of `target`'s null; the keys nest two spaces deeper each, as splice.ts's pairInsertion nests them. */
export function nullFilling(file: YamlFile, target: NullValue, keys: readonly [string, ...string[]], value: string): Splice {
  const { key, node, inFlow } = target;
  if (inFlow || node.text !== "") {
    const map = keys.reduceRight((inner, name) => `{${renderScalar(name, "plain", true)}: ${inner}}`, renderScalar(value, "plain", true));
    return scalarSplice(file, node, map, inFlow, true);
  }
  // The end of the key's line, after a comment there (an empty value starts at that comment).
  const { text } = file;
  const rest = text.slice(node.start).search(/[\r\n]/);
  const at = rest < 0 ? text.length : node.start + rest;
  const eol = text.startsWith("\r\n", at) ? "\r\n" : (text[at] ?? /\r\n|\r|\n/.exec(text)?.[0] ?? "\n");
  // Two deeper than the key, whose indentation is the columns before it.
  const indent = " ".repeat(file.columnAt(key.start) - 1 + 2);
  const lines = keys.map((name, i) => `${eol}${indent}${"  ".repeat(i)}${renderScalar(name, "plain", false)}:`);
  return { start: at, end: at, insert: `${lines.join("")} ${renderScalar(value, "plain", false)}` };
}
