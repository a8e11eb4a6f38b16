/**
 * Byte-minimal text edits: replace one scalar's source bytes, or add one `key: value`
 * pair to a mapping. Everything outside the spliced range stays byte for byte. A scalar
 * tagged with a type that holds no string (`!!float 1.0`) takes no string (tagHolds).
 */
import { SourceError } from "../change.js";
import type { Splice } from "../text/splice.js";
import type { YamlFile } from "./file.js";
import type { FlowScalar, MapNode, ScalarNode } from "./node.js";
import { renderScalar } from "./quoting.js";

/**
 * The splice that makes `node` hold `value`, in the node's own quoting style where the
 * value allows it; `verbatim`: `value` is YAML source already (a number, say) and is
 * written as it is.
 */
export function scalarSplice(file: YamlFile, node: FlowScalar, value: string, inFlow: boolean, verbatim = false): Splice {
  const { start, end } = node;
  let insert = verbatim ? value : renderScalar(value, node.style, inFlow);
  // An empty value (`tag:`, `tag:  # note`) has no bytes of its own: keep a space after
  // the ':' or '-' and before a comment.
  if (start === end && !/\s/.test(file.text[start - 1] ?? " ")) insert = ` ${insert}`;
  if (start === end && file.text[end] === "#") insert = `${insert} `;
  return { start, end, insert };
}

/** What each type of YAML 1.2's core schema that is not a string reads from plain text, as the `yaml` package reads it. */
const CORE_TYPES = new Map([
  ["tag:yaml.org,2002:null", /^(?:~|null|Null|NULL)?$/],
  ["tag:yaml.org,2002:bool", /^(?:true|True|TRUE|false|False|FALSE)$/],
  ["tag:yaml.org,2002:int", /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/],
  ["tag:yaml.org,2002:float", /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/],
]);

/** `!!float` for a scalar tagged with a core-schema type that holds no string (`tag: !!float 1.0`); undefined otherwise (`!!str`, a tag of one's own). */
export function coreType(node: ScalarNode): string | undefined {
  return node.tag !== undefined && CORE_TYPES.has(node.tag) ? `!!${node.tag.slice(node.tag.lastIndexOf(":") + 1)}` : undefined;
}

/**
 * Whether `node` may be set to `value`: always, unless its tag is a core type that holds no string (coreType), which
 * holds only `typed` values (YAML source, see scalarSplice's `verbatim`) that read as that type. A string written
 * there is no longer what it says (`!!float "1.10"` reads 1.1) or is refused by strict readers (`!!float 2.0.0`).
 */
export function tagHolds(node: ScalarNode, value: string, typed = false): boolean {
  const reads = node.tag === undefined ? undefined : CORE_TYPES.get(node.tag);
  return reads === undefined || node.text === value || (typed && reads.test(value));
}

/** The warning of an editor that leaves `node` as it is because its tag cannot hold `value` (tagHolds). */
export function tagWarning(subject: string, node: ScalarNode, value: string): string {
  return `${subject} has the tag ${coreType(node)}, which cannot hold ${value === "" ? '""' : value}: left as it is (drop the tag)`;
}

/**
 * The splice that adds `key: value` as the last pair of `map`: a new line at the
 * siblings' indentation for a block mapping, `, key: value` after the last value of a flow one.
 * With several keys, the value is nested under them (`a: {b: value}`, or one line per key).
 */
export function pairInsertion(file: YamlFile, map: MapNode, keys: readonly [string, ...string[]], value: string): Splice {
  const { text } = file;
  const { start: mapStart } = map;
  if (map.flow) {
    const pair = keys.reduceRight(
      (inner, key, i) => {
        const entry = `${renderScalar(key, "plain", true)}: ${inner}`;
        return i === 0 ? entry : `{${entry}}`;
      },
      renderScalar(value, "plain", true),
    );
    const lastPair = map.pairs[map.pairs.length - 1];
    // Right after the `{` of an empty mapping: a comment may follow it.
    if (!lastPair) return { start: mapStart + 1, end: mapStart + 1, insert: pair };
    // From the last value, never from the `}`: a comment between them may hold a `,` or follow one.
    const valueEnd = (lastPair.value ?? lastPair.key).end;
    const comma = flowCommaAfter(text, valueEnd);
    // After a trailing comma the pair goes right after it and brings its own, so pairs added at one place stay apart.
    if (comma >= 0) return { start: comma + 1, end: comma + 1, insert: ` ${pair},` };
    // An empty value sits right at a comment after it (`k:  # note`): the comment keeps a blank before it.
    return { start: valueEnd, end: valueEnd, insert: `, ${pair}${text[valueEnd] === "#" ? " " : ""}` };
  }
  // A line after a complex key (`? - a`) may continue the key instead of starting a pair.
  if (map.pairs.some((pair) => pair.key.kind !== "scalar")) {
    throw new SourceError(`cannot add '${keys.join(".")}' to a mapping with a complex ('? ...') key`, file.lineAt(mapStart), file.columnAt(mapStart));
  }
  // A block mapping starts at its first key, or at the `?` of an explicit first key; an
  // anchor or tag before that key on its line (`- &a name: x`) is where the entries line up.
  const before = file.columnAt(mapStart) - 1;
  const properties = /(?:[&!][^\s]*[ \t]+)+$/.exec(text.slice(mapStart - before, mapStart))?.[0].length ?? 0;
  const indent = " ".repeat(before - properties);
  const lastPair = map.pairs[map.pairs.length - 1];
  const lastNode = lastPair?.value ?? lastPair?.key;
  const pairAt = (eol: string) =>
    keys.map((key, i) => `${indent}${"  ".repeat(i)}${renderScalar(key, "plain", false)}:`).join(eol) + ` ${renderScalar(value, "plain", false)}`;
  const lastEnd = (lastNode ?? map).end;
  // A `|+` block scalar keeps its trailing blank lines as content: the new line goes after them.
  if (lastNode?.kind === "scalar" && /^[|>][0-9]*\+/.test(text.slice(lastNode.start)) && text[lastEnd - 1] === "\n") {
    const eol = text[lastEnd - 2] === "\r" ? "\r\n" : "\n";
    return { start: lastEnd, end: lastEnd, insert: `${pairAt(eol)}${eol}` };
  }
  // The end of the last pair's last line: after its value and any comment on that line,
  // before trailing blank lines (a block scalar's range ends after its line break).
  let end = lastEnd;
  while (end > mapStart && /\s/.test(text[end - 1]!)) end--;
  const newline = text.indexOf("\n", end);
  const at = newline < 0 ? text.length : text[newline - 1] === "\r" ? newline - 1 : newline;
  const eol = text.startsWith("\r\n", at) || (at === text.length && text.includes("\r\n")) ? "\r\n" : "\n";
  return { start: at, end: at, insert: `${eol}${pairAt(eol)}` };
}

/** Offset of the `,` that follows `from` in a flow collection past blanks and comments, or -1 when something else comes first. */
function flowCommaAfter(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text[i]!;
    // A `#` here follows a blank or a line break (a value ends before it): a comment, to the end of its line.
    if (c === "#") {
      const newline = text.indexOf("\n", i);
      i = newline < 0 ? text.length : newline;
    } else if (c === ",") return i;
    else if (c !== " " && c !== "\t" && c !== "\n" && c !== "\r") return -1;
  }
  return -1;
}
