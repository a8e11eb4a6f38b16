/**
 * The key a value is written under, and the other keys of its mapping, read from the lines around
 * it without a parse: the spelling screen (image-spelling.ts) asks it of a word that may or may not
 * be an image (`name: app`, a container's name, against `repository: app` beside a `registry:`), in
 * files it has not parsed and may never parse. A YAML block or flow mapping, JSON and a KCL config
 * (`key = value`, `key: value`) read alike; a value with no key before it on its line has none.
 */

/** The key a value is written under, with the rest of its line and, read on demand, its mapping's keys. */
export interface HoldingKey {
  readonly key: string;
  /** The value's line from the value on: where a marker comment (`# {"$imagepolicy": …}`) would be. */
  readonly rest: string;
  /** Each key of the mapping holding the value (its own too), with its value as written on the key's line, unquoted. */
  siblings(): ReadonlyMap<string, string>;
}

/** At most this many lines are read above and below a value for its mapping's keys: an image's mapping has a few. */
const MAX_LINES = 256;

/** `key: ` or `key = ` ending the text before a value, at a line's start (after its indentation and `- `) or after a flow mapping's `{` or `,`. */
const KEY_BEFORE_VALUE = /(?:^[ \t]*(?:-[ \t]+)*|([{,])[ \t]*)(["']?)([\w.$/-]+)\2[ \t]*(?::|=)[ \t]*["']?$/;

/** A key starting a line's text: its name and what follows its separator. */
const KEY = /^(["']?)([\w.$/-]+)\1[ \t]*(?::(?=[ \t]|$)|=)[ \t]*(.*)$/;

/** The key the value starting at `at` is written under, or undefined when its line writes none before it. */
export function holdingKey(text: string, at: number): HoldingKey | undefined {
  const lineStart = text.lastIndexOf("\n", at - 1) + 1;
  const lineEnd = endOf(text, at);
  const match = KEY_BEFORE_VALUE.exec(text.slice(lineStart, at));
  if (!match) return undefined;
  const key = match[3]!;
  let siblings: ReadonlyMap<string, string> | undefined;
  return {
    key,
    rest: text.slice(at, lineEnd),
    siblings: () => (siblings ??= match[1] !== undefined ? flowSiblings(text, at, lineStart, lineEnd) : blockSiblings(text, lineStart)),
  };
}

function endOf(text: string, at: number): number {
  const end = text.indexOf("\n", at);
  return end === -1 ? text.length : end;
}

/** The keys of the flow mapping (`{name: app, tag: 1.0}`) around `at`, within its line. */
function flowSiblings(text: string, at: number, lineStart: number, lineEnd: number): Map<string, string> {
  let open = at;
  for (let depth = 0; open > lineStart; open--) {
    const ch = text[open - 1];
    if (ch === "}") depth++;
    else if (ch === "{" && depth-- === 0) break;
  }
  let close = at;
  for (let depth = 0; close < lineEnd; close++) {
    const ch = text[close];
    if (ch === "{") depth++;
    else if (ch === "}" && depth-- === 0) break;
  }
  const keys = new Map<string, string>();
  for (const part of text.slice(open, close).split(",")) {
    const entry = KEY.exec(part.trim());
    if (entry) keys.set(entry[2]!, unquoted(entry[3]!));
  }
  return keys;
}

/**
 * The keys of the block mapping of the line at `lineStart`, whose keys start at the column its key
 * does: up to the line that starts it (less indented, or a list item `- key:` whose key is at that
 * column), down to the first line less indented or starting the next item. Deeper lines, and a
 * sibling's list written at the keys' column, are inside one of its values.
 */
function blockSiblings(text: string, lineStart: number): Map<string, string> {
  const own = lineOf(text, lineStart);
  const { column } = own;
  const keys = new Map<string, string>();
  if (own.key !== undefined) keys.set(own.key, own.value);
  // Only a line starting at or left of the keys' column is read further: most are deeper, inside a value.
  const outside = (start: number): ReturnType<typeof lineOf> | undefined => {
    const first = textStart(text, start);
    if (first === undefined || first - start > column) return undefined;
    const line = lineOf(text, start);
    return line.dashed && line.first === column ? undefined : line;
  };
  // A list item's first key starts its mapping: nothing above it is in it.
  for (let end = own.dashed ? -1 : lineStart - 1, n = 0; end >= 0 && n < MAX_LINES; n++) {
    const start = end === 0 ? 0 : text.lastIndexOf("\n", end - 1) + 1;
    end = start - 1;
    const line = outside(start);
    if (line === undefined) continue;
    if (line.column === column && line.key !== undefined) keys.set(line.key, line.value);
    if (line.first! < column) break;
  }
  for (let start = endOf(text, lineStart) + 1, n = 0; start < text.length && n < MAX_LINES; start = endOf(text, start) + 1, n++) {
    const line = outside(start);
    if (line === undefined) continue;
    if (line.first! < column) break;
    if (line.key !== undefined) keys.set(line.key, line.value);
  }
  return keys;
}

/** Where the text of the line at `start` begins after its indentation; undefined for a blank or comment line. */
function textStart(text: string, start: number): number | undefined {
  let at = start;
  while (text[at] === " " || text[at] === "\t") at++;
  const ch = text[at];
  return ch === undefined || ch === "\n" || ch === "\r" || ch === "#" ? undefined : at;
}

/** A line as a mapping's entry: where its text starts, where its key starts (after `- `), the key and its value; `first` undefined for a blank or comment line. */
function lineOf(text: string, start: number): { first?: number; column: number; dashed: boolean; key?: string; value: string } {
  const line = text.slice(start, endOf(text, start)).replace(/\r$/, "");
  const lead = /^([ \t]*)((?:-[ \t]+)*)/.exec(line)!;
  const first = lead[1]!.length;
  const column = first + lead[2]!.length;
  if (column === line.length || line[column] === "#") return { column, dashed: false, value: "" };
  const entry = KEY.exec(line.slice(column));
  return { first, column, dashed: lead[2] !== "", key: entry?.[2], value: unquoted(entry?.[3] ?? "") };
}

/** A value as written on its line, without its comment, a JSON comma after it and its quotes. */
function unquoted(value: string): string {
  return value
    .replace(/[ \t]+#.*$/, "")
    .trim()
    .replace(/,$/, "")
    .replace(/^(["'])(.*)\1$/, "$2");
}
