/**
 * Flux setter markers in YAML: `image: repo:tag # {"$imagepolicy": "<ns>:<name>"}` and the
 * `:tag`, `:name`, `:digest` variants. Which comment may mark a scalar is kyaml's rule (its
 * line comment, else its head comment: the first non-empty one decides); the grammar and
 * the values written are image/marker.ts. Only scalars are set, as a whole value, except a
 * KCL setting kept in YAML (kcl-settings.ts), where Flux's whole value would replace a `-O`
 * spec or `-D` argument with an image KCL cannot read: there the marker sets the image inside
 * the setting's value (a spec's KCL literal keeps its quotes), as the editor by repository
 * does, and a `kcl_options` value, which is an option's value, gets the same part of its reference.
 */
import type { WarningKind } from "../change.js";
import { lineMarkers, MARKER_KEY, MARKER_TOKEN, MarkedFields, readMarker, type Marker, type MarkerField, type MarkerLine } from "../image/marker.js";
import { misfitWarning, registryJoinWarning, type RegistryField } from "../image/marker-misfit.js";
import { formatImageRef, isDigest, isTag, tryParseImageRef } from "../image/reference.js";
import { isUnknownRegistry, splitImage } from "../image/split-image.js";
import { LineIndex } from "../text/line-index.js";
import { oneLine } from "../text/one-line.js";
import { anchorOf } from "./alias.js";
import type { YamlDocument, YamlFile } from "./file.js";
import { indentOf } from "./indentation.js";
import { fieldsOf } from "./merge-key.js";
import { optionValues, REWRITE_ADVICE, setInSetting, settingItems, settingKey, unreadWarning, writableItem, type SettingItem } from "./kcl-settings.js";
import { isFlowScalar, type AliasNode, type MapNode, type ScalarNode, type SeqNode, type YamlNode } from "./node.js";
import { formatPath, type PathSegment } from "./path.js";
import { readRegistry } from "./registry.js";
import type { EditPlan, Editor } from "./plan.js";
import { forEachValue } from "./walk.js";

/** Before a value that opens its line: only indentation, `- ` indicators, an anchor or a tag. */
const OPENS_LINE = /^[ \t]*(?:-[ \t]+)*(?:[&!][^\s]*[ \t]+)*/;
/** A line (its comment cut off) that ends opening a block scalar: its indicator (`|`, `>-`, `|2+`). */
const BLOCK_SCALAR_OPENER = /(?:^|[\s:-])[|>][1-9+-]{0,2}[ \t]*$/;
/** A block scalar's header right after the `- ` indicators that open its line: the scalar is a list item, no key's value. */
const ITEM_HEADER = /^(?:[&!][^\s]*[ \t]+)*[|>]/;

/**
 * A YAML text read line by line for the marker scans, without a parse: each line's text, and
 * whether it is a block scalar's text (`args: |` and the lines below it), where a `#` is text, not
 * a comment. That is read by indentation, up from the line: the nearest line above it less
 * indented than every line between (blank lines aside) that is a header whose text goes on down
 * to it, its text being the lines below the header indented as the first non-blank one, which is
 * indented more than the key or `-` it belongs to. Both are rare and left: a line of a quoted or
 * plain scalar of several lines ending as a header does (`a |`), and an indentation indicator
 * (`|2`) is not read. This is cheaper than a parse, and the scans it serves screen every file.
 */
class YamlLines {
  #index: LineIndex | undefined;
  /**
   * The answer of a walk up from above a line, as indented as that line: the same for every line
   * of a walk that was then the least indented, so a list of marked items is read once, not once per item.
   */
  readonly #answered = new Map<number, boolean>();
  /** Whether the text has a block scalar indicator at all: most manifests have none to read. */
  #mayHoldBlock: boolean | undefined;

  constructor(readonly text: string) {}

  get index(): LineIndex {
    return (this.#index ??= new LineIndex(this.text));
  }

  /**
   * A 1-based line's text from its first column (past a leading byte order mark, which is no indentation, as
   * LineIndex.columnAt counts it), without its line break; undefined outside the text.
   */
  raw(line: number): string | undefined {
    const start = line < 1 ? undefined : this.index.columnStart(line);
    return start === undefined ? undefined : this.text.slice(start, this.index.lineStart(line + 1) ?? this.text.length).replace(/\r?\n$|\r$/, "");
  }

  inBlockScalar(line: number): boolean {
    this.#mayHoldBlock ??= this.text.includes("|") || this.text.includes(">");
    if (!this.#mayHoldBlock) return false;
    let least = indentOf(this.raw(line)!);
    const met = [line];
    let inside = false;
    // No block scalar's text is at column 0, but a document's, which no manifest writes.
    for (let above = line - 1; least > 0; above--) {
      const raw = this.raw(above);
      if (raw === undefined) break;
      if (raw.trim() === "") continue;
      const indent = indentOf(raw);
      if (indent > least) continue;
      if (indent < least && this.#textReaches(above, raw, least)) {
        inside = true;
        break;
      }
      least = indent;
      const known = this.#answered.get(above);
      if (known !== undefined) {
        inside = known;
        break;
      }
      met.push(above);
    }
    for (const at of met) this.#answered.set(at, inside);
    return inside;
  }

  /** Whether `line` is a block scalar header whose text goes on as far as lines indented `least` (all of those between). */
  #textReaches(line: number, raw: string, least: number): boolean {
    const code = raw.replace(/(?:^|\s)#.*$/, "");
    if (!BLOCK_SCALAR_OPENER.test(code)) return false;
    // The text is indented past a list item's `-`, a key's value's past its key.
    const items = /^[ \t]*(?:-[ \t]+)*/.exec(code)![0];
    const dash = items.lastIndexOf("-");
    const parent = !ITEM_HEADER.test(code.slice(items.length)) ? items.length : dash >= 0 ? dash : indentOf(code) - 1;
    let first = line + 1;
    while (this.raw(first)?.trim() === "") first++;
    const content = indentOf(this.raw(first)!);
    return content > parent && least >= content;
  }
}

/**
 * The comment that may mark a scalar (or an alias): the line comment after its value, else the
 * head comment (the comment lines directly above it, when the scalar opens its line, as in a
 * list item or a value on its own line). In a flow collection, the comment after the comma that
 * ends an entry (`[\n  a:1, # ...`) is the entry's line comment, as go-yaml reads it. A comment
 * above `key: value` belongs to the key, and one after an empty value too (emptyValueComment).
 * `floor` is where the value before it ends: a `#` line above that is that value's content (a
 * block scalar's), not a comment.
 */
export function markerComment(text: string, node: ScalarNode | AliasNode, floor = 0, inFlow = false): string | undefined {
  const { start, end: valueEnd } = node;
  const isBlock = node.kind === "scalar" && (node.style === "literal" || node.style === "folded");
  // A block scalar's line comment sits on its header line (`key: | # ...`), not after its content.
  const header = /[|>][0-9+-]*/y;
  header.lastIndex = start;
  const after = isBlock ? start + (header.exec(text)?.[0].length ?? 0) : valueEnd;
  if (after > start) {
    const lineComment = lineCommentAt(text, after, inFlow);
    if (lineComment !== undefined) return lineComment;
  }
  return headComment(text, start, floor);
}

/**
 * The comment lines directly above what starts at `start`, when only indentation, `- `
 * indicators, an anchor or a tag come before it on its line; none below `floor`.
 */
function headComment(text: string, start: number, floor: number): string | undefined {
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  const before = text.slice(lineStart, start);
  if (OPENS_LINE.exec(before)![0].length !== before.length) return undefined;
  const head: string[] = [];
  for (let end = lineStart - 1; end > 0;) {
    const begin = text.lastIndexOf("\n", end - 1) + 1;
    const line = text.slice(begin, end).trim();
    if (begin < floor || !line.startsWith("#")) break;
    head.unshift(line);
    end = begin - 1;
  }
  return head.length > 0 ? head.join("\n") : undefined;
}

/** The comment after an empty value (`tag:  # ...`): YAML gives it to the key, so Flux reads no marker there. */
export function emptyValueComment(text: string, node: ScalarNode): string | undefined {
  return node.start === node.end ? lineCommentAt(text, node.end) : undefined;
}

/**
 * The comment that is all that follows `after` on its line; in a flow collection, also after the
 * comma ending an entry (go-yaml gives a comment after `,` to the token before it).
 */
function lineCommentAt(text: string, after: number, inFlow = false): string | undefined {
  const lineEnd = text.indexOf("\n", after);
  return (inFlow ? LINE_COMMENT_IN_FLOW : LINE_COMMENT).exec(text.slice(after, lineEnd < 0 ? text.length : lineEnd).trimEnd())?.[1];
}

/**
 * A line comment, to the end of its line. A line separator (U+2028, U+2029) ends no line in YAML 1.2 but does in go-yaml,
 * Flux's reader: a marker holding one is read whole and found malformed, as Flux finds it cut, rather than passed over
 * (`.` would stop there). A lone CR ends a line in both.
 */
const LINE_COMMENT = /^[ \t]*(#[^\r]*)$/;
const LINE_COMMENT_IN_FLOW = /^[ \t]*(?:,[ \t]*)?(#[^\r]*)$/;

/**
 * The markers of a text written as a head comment, found by their token without parsing the
 * file (image/marker.ts's lineMarkers finds those after a value): a comment line of its own,
 * below a line that is no comment, above a line that reads as a scalar opening it with no
 * line comment of its own, as markerComment reads them (a list item, a value on its own
 * line). Each at the marked value's line. A line that reads as a key (`image: app`) is not
 * one: the comment above `key: value` is the key's, and a `#` line of a block scalar's text is
 * no comment (YamlLines tells it by indentation). Text alone cannot tell a key from every
 * scalar; a marker read here that the editor does not read as one marks nothing, and one the
 * editor reads that is missed here is warned about where it is.
 */
export function headMarkers(text: string): MarkerLine[] {
  return headMarkersIn(new YamlLines(text));
}

/**
 * headMarkers' reading; `aboveKey`, its complement the editor warns of (keyMarkerWarning): a marker above
 * `key: value` with a scalar value, at the key's line.
 */
function headMarkersIn(lines: YamlLines, aboveKey = false): MarkerLine[] {
  const { text } = lines;
  const found: MarkerLine[] = [];
  const lineText = (line: number): string | undefined => lines.raw(line)?.trim();
  for (let at = text.indexOf(MARKER_TOKEN); at >= 0; at = text.indexOf(MARKER_TOKEN, at + MARKER_TOKEN.length)) {
    const line = lines.index.lineAt(at);
    const comment = lineText(line)!;
    // A comment of several lines is read whole, and no marker is several lines.
    if (!comment.startsWith("#") || lineText(line - 1)?.startsWith("#") || lines.inBlockScalar(line)) continue;
    const reading = readMarker(comment);
    const marked = lineText(line + 1);
    if (!reading || !("marker" in reading) || marked === undefined) continue;
    const value = marked.slice(OPENS_LINE.exec(marked)![0].length);
    // A scalar: not empty, no collection, alias, key (aboveKey: a key's) or document marker, and no comment after it.
    if (value === "" || /^[[{#*?]|^(?:---|\.\.\.)(?:\s|$)|\s#/.test(value)) continue;
    const key = /:(?:\s|$)/.exec(value);
    if (aboveKey ? !key || !/^[ \t]+[^\s[{]/.test(value.slice(key.index + 1)) : key) continue;
    found.push({ marker: reading.marker, line: line + 1, before: marked });
  }
  return found;
}

/**
 * The markers of a YAML text, found without a parse, in line order: after a value (lineMarkers) or
 * above one (headMarkers); not one after a flow collection, which marks nothing (collectionMarkerWarning),
 * nor one in a block scalar's text, which is no comment. `misplaced`: instead those the editor warns
 * of as marking nothing, at the line it warns at: after a flow collection, above `key: value`.
 */
export function yamlMarkers(text: string, misplaced = false): MarkerLine[] {
  const lines = new YamlLines(text);
  const afterValue = lineMarkers(text).filter(({ line, before }) => /[\]}][ \t]*,?$/.test(before) === misplaced && !lines.inBlockScalar(line));
  return [...afterValue, ...headMarkersIn(lines, misplaced)].sort((a, b) => a.line - b.line);
}

export const editMarkers: Editor = (file, request, plan) => {
  // Flux never parses a file without its screening token; a marker in single quotes, which it ignores, is said so.
  if (!file.text.includes(MARKER_KEY)) return;
  const marked = new MarkedFields(request);
  // Where the value before the one visited ends: a `#` line above it is that value's content.
  let floor = 0;
  // The key of each mapping value, met before the value: a marker above the key is the key's.
  const keyOf = new Map<YamlNode, ScalarNode>();
  // The registry field beside each split image's repository, read when the values are written, once every mapping merging one is met.
  const registries = new Map<YamlNode, RegistryField>();
  file.documents.forEach((document, index) => {
    const settings = kclSettings(document);
    forEachValue(document.root, ({ node, path, inFlow }) => {
      if (node.kind === "map") {
        for (const { key, value } of node.pairs) if (value && key.kind === "scalar") keyOf.set(value, key);
        const { repository, registry } = splitImage(fieldsOf(file, document.root, node, path, inFlow));
        // A null registry (`registry: ~`) is none: Helm drops its key, joining nothing. One this run cannot read (a mapping,
        // a template) is named as written: a chart joins it all the same.
        const field = registry?.node;
        const read = readRegistry(file, document.root, field);
        const text = isUnknownRegistry(read) ? file.text.slice(field!.start, field!.end) : read;
        if (repository?.node && text !== undefined && !registries.has(repository.node))
          registries.set(repository.node, { field: formatPath(registry!.path), text });
      }
      if (node.kind !== "scalar" && node.kind !== "alias") {
        const warning = node.flow ? collectionMarkerWarning(file.text, node, path, inFlow) : undefined;
        if (warning) plan.warn(node.end - 1, warning);
        return;
      }
      const above = floor;
      floor = node.end;
      // Claimed already by leaveDeleted only: what a strategic merge's `$patch: delete` removes is deployed by none, so a marker there sets nothing.
      if (plan.isClaimed(node)) return;
      const own = markerComment(file.text, node, above, inFlow);
      const keys = own === undefined && node.kind === "scalar" ? emptyValueComment(file.text, node) : undefined;
      const comment = own ?? keys;
      if (comment === undefined) {
        const key = keyOf.get(node);
        const warning = key && node.start < node.end ? keyMarkerWarning(file.text, key, above) : undefined;
        if (warning) plan.warn(key!.start, warning);
        return;
      }
      const reading = readMarker(comment);
      if (reading === undefined) return;
      // Flux reads no marker there: the value is left to the other editors, as an unmarked one.
      if ("ignored" in reading) return plan.warn(node.start, reading.ignored);
      plan.claim(node);
      if ("error" in reading) {
        plan.warn(node.start, reading.error);
        return;
      }
      const { marker } = reading;
      const site = { marker, document: index, warn: (message: string, kind?: WarningKind) => plan.warn(node.start, message, kind) };
      const marks = `Flux setter "${marker.setter}" marks`;
      if (node.kind === "alias") return marked.add({ ...site, text: "", refusal: `${marks} ${aliasRefusal(file, node)}` });
      if (keys !== undefined) return marked.add({ ...site, text: node.text, refusal: `${marks} ${EMPTY_REFUSAL}` });
      const setting = settings.get(node);
      if (setting === "option") return marked.add({ ...site, ...optionField(node, inFlow, marker, plan, document) });
      if (setting) return marked.add({ ...site, ...settingField(setting, marker, plan, document) });
      if (!isFlowScalar(node)) return marked.add({ ...site, text: node.text, refusal: `${marks} a block scalar, which is never edited` });
      const field = formatPath(path);
      const misfit = misfitWarning(marker, field, String(path.at(-1)), node.text);
      const write = (value: string) => {
        plan.setScalar(node, value, inFlow, { kind: "setter", key: marker.setter, document });
        if (misfit) site.warn(misfit(value));
        const registry = registries.get(node);
        const joined = registry && registryJoinWarning(marker, field, registry, value);
        if (joined) site.warn(joined);
      };
      marked.add({ ...site, text: node.text, write });
    });
  });
  marked.writeAll();
};

/** The marker a comment is, if it reads as one where it would mark (a malformed or single-quoted one is none here). */
function markerOf(comment: string | undefined): Marker | undefined {
  const reading = comment === undefined ? undefined : readMarker(comment);
  return reading && "marker" in reading ? reading.marker : undefined;
}

/**
 * A marker written on the line(s) above `key: value`, where the value has no comment of its own:
 * YAML gives that comment to the key, and Flux reads a value's comments only, so it sets nothing
 * there. The value is treated as unmarked, as Flux treats it; said, since it is the place a
 * marker is moved to when the line grows long. Said on one line (oneLine): the comment is the file's, and
 * may hold a line separator (U+2028) in a string of its JSON.
 */
function keyMarkerWarning(text: string, key: ScalarNode, floor: number): string | undefined {
  const comment = headComment(text, key.start, floor);
  const marker = markerOf(comment);
  if (!marker) return undefined;
  return oneLine(
    `Flux setter "${marker.setter}" is written above ${key.text}:, and YAML gives a comment above a key to the key, so Flux reads no marker there ` +
      `and the value is treated as unmarked; write ${comment} at the end of the value's line for Flux to set it`,
  );
}

/**
 * A marker after a flow collection (`image: {repository: app, tag: "1.0"} # {...}`): YAML gives that
 * comment to the collection, and Flux sets scalars only, so it marks nothing. The values in it are
 * treated as unmarked, as Flux treats them; said, as a marker in the wrong place is.
 */
function collectionMarkerWarning(text: string, node: MapNode | SeqNode, path: readonly PathSegment[], inFlow: boolean): string | undefined {
  const marker = markerOf(lineCommentAt(text, node.end, inFlow));
  if (!marker) return undefined;
  const collection = path.length > 0 ? ` ${formatPath(path)}` : "";
  return (
    `Flux setter "${marker.setter}" follows the flow collection${collection}, which marks nothing: YAML gives a comment after a collection to the collection, ` +
    `and Flux sets scalars only, so it reads no marker there and the values in it are treated as unmarked; ` +
    `write the marker after the value it sets, with the collection over several lines or in block style`
  );
}

const EMPTY_REFUSAL =
  "an empty value, which is left as it is: YAML gives a comment after an empty value to its key, so Flux reads no marker there; write a value before the marker for Flux to set it";

/** Why a marked alias is left: the anchored value is where it is written, and where a marker sets it. */
function aliasRefusal(file: YamlFile, alias: AliasNode): string {
  const anchor = anchorOf(file, alias);
  const where = anchor ? ` at line ${file.lineAt(anchor.at)}` : "";
  return `an alias of &${file.text.slice(alias.start + 1, alias.end)}, which is never edited (Flux sets scalars only); mark the anchored value${where} instead`;
}

/** What a marked field holds and how it is written, or why it never is. */
type MarkedField = { readonly text: string } & ({ readonly write: (value: string) => void } | { readonly refusal: string });

const ONE_STRING = "a marker is set only in a value that is one string holding an image";

/** The KCL settings strings of a document, and its `kcl_options` values. */
function kclSettings(document: YamlDocument): ReadonlyMap<YamlNode, SettingItem | "option"> {
  const settings = new Map<YamlNode, SettingItem | "option">(settingItems(document).map((item) => [item.node, item]));
  for (const { node } of optionValues(document)) if (node) settings.set(node, "option");
  return settings;
}

/** A marked `-O` spec or `-D` argument: the marked part of the image its value is, written in the value's own form. */
function settingField(item: SettingItem, marker: Marker, plan: EditPlan, document: YamlDocument): MarkedField {
  const { node } = item;
  const setting = item.read(node.text);
  const marks = `Flux setter "${marker.setter}" marks ${setting ? settingKey(item, setting) : formatPath(item.path)}`;
  const left = `so the ${item.holds} is left as it is`;
  if (!setting) {
    const sets = item.holds === "spec" ? `a "path=value" or "path:value" spec does` : "a name=value argument does";
    return { text: node.text, refusal: `${marks}, which sets no string (${sets}); it is left as it is` };
  }
  const { value } = setting;
  if ("form" in value) return { text: node.text, refusal: `${marks}, which sets ${value.form}; ${ONE_STRING}, ${left}` };
  const part = markedPart(marker.field, value.string);
  // Unquoted text that is no image reference (`"a" + "-b"`, `'a'` as raw text) is named by how KCL reads it.
  if (typeof part === "string" && value.whole !== undefined && !tryParseImageRef(value.string))
    return { text: node.text, refusal: `${marks}, which sets ${value.whole}; ${ONE_STRING}, ${left}` };
  if (typeof part === "string") return { text: node.text, refusal: `${marks}, whose value ${part}, ${left}` };
  const writable = writableItem(plan, item);
  if (typeof writable === "string") return { text: part.text, refusal: `${marks} in a ${writable}, ${REWRITE_ADVICE}` };
  return {
    text: part.text,
    write: (next) => {
      const string = part.with(next);
      const unread = setInSetting(plan, writable, value, string, { kind: "setter", key: marker.setter }, document);
      if (unread !== undefined) plan.warn(node.start, `${marks}, which ${unreadWarning(string, unread)}`);
    },
  };
}

/** A marked `kcl_options` value: the marked part of the image it is, as a `-D` argument's. */
function optionField(node: ScalarNode, inFlow: boolean, marker: Marker, plan: EditPlan, document: YamlDocument): MarkedField {
  const part = markedPart(marker.field, node.text);
  if (typeof part === "string")
    return { text: node.text, refusal: `Flux setter "${marker.setter}" marks a kcl_options value that ${part}, so it is left as it is` };
  if (!isFlowScalar(node)) return { text: part.text, refusal: `Flux setter "${marker.setter}" marks a block scalar, which is never edited` };
  return { text: part.text, write: (next) => plan.setScalar(node, part.with(next), inFlow, { kind: "setter", key: marker.setter, document }) };
}

/**
 * The part of a string holding an image that a marker sets (what it holds now, and the string
 * with another value there): the whole reference, or its tag, name or digest with the rest of
 * the reference kept; a string that is only a tag or a digest is that part whole, as Flux sets
 * a field. Else why the marker is not set there, to follow "whose value".
 */
function markedPart(field: MarkerField, string: string): { readonly text: string; readonly with: (value: string) => string } | string {
  const whole = { text: string, with: (value: string) => value };
  if ((field === "tag" && (string === "" || isTag(string))) || (field === "digest" && (string === "" || isDigest(string)))) return whole;
  const ref = tryParseImageRef(string);
  if (!ref) return `${JSON.stringify(string)} is no image reference`;
  const { name, tag, digest } = ref;
  switch (field) {
    case "ref":
      return whole;
    case "name":
      return { text: name, with: (value) => formatImageRef({ name: value, tag, digest }) };
    case "digest":
      return { text: digest ?? "", with: (value) => formatImageRef({ name, tag, digest: value || undefined }) };
    case "tag":
      if (digest !== undefined) return `${string} pins a digest, which a ":tag" marker would leave on the old image (a whole-reference marker sets both)`;
      if (tag === undefined) return `${string} has no tag for a ":tag" marker to set`;
      return { text: tag, with: (value) => formatImageRef({ name, tag: value }) };
  }
}
