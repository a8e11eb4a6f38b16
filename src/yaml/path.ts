/**
 * Paths into a YAML document: `spec.containers[0].image`, `a["dot.key"].b`. They name
 * changed fields, and `setYamlPath` sets the scalar at a path by splicing its value, like
 * the other editors: the CLI's `--set values.yaml:image.tag=1.2.3` is `setFromSpec`. The path is
 * looked up in each document in order and the FIRST document that has the whole path is
 * edited (a multi-document file usually holds the field once; editing the first keeps the
 * rule predictable); the others that have it are named in a warning. A path no document has
 * is an error naming the deepest key that exists.
 */
import { publicResult, SourceError } from "../change.js";
import type { EditResult, FieldEditResult, ValueFor } from "../change.js";
import { createHint } from "../create-hint.js";
import { createdShapeError, kustomizeString, noListItem } from "./created-shape.js";
import { byFlag, givenValue, type FieldNamer } from "../field-name.js";
import { cappedList } from "../text/and-list.js";
import { staleDigestWarning } from "../image/digest-pin.js";
import { TAG_KEYS } from "../image/marker-misfit.js";
import { pinBeside } from "../image/split-image.js";
import { YamlFile } from "./file.js";
import type { YamlDocument } from "./file.js";
import { isFlowScalar, mapValue, scalarText, type AliasNode, type FlowScalar, type MapNode, type YamlNode } from "./node.js";
import { nullFilling, type NullValue } from "./null-fill.js";
import { EditPlan } from "./plan.js";
import { aliasedFieldWords, anchoredValue, anchorOf } from "./alias.js";
import { hasMergeKey, MERGE_SHARED, mergedFromWords, mergedValue } from "./merge-key.js";
import { misreadAs, nonStringType, readsAsNonString, readsAsNull, renderScalar } from "./quoting.js";
import { readRegistry } from "./registry.js";
import { coreType, pairInsertion, scalarSplice, tagHolds } from "./splice.js";
import type { Splice } from "../text/splice.js";

/** A number, boolean or null as a value given reads written plain (not the empty value: that gives nothing). */
const isNonString = (text: string): boolean => text !== "" && readsAsNonString(text);

/** A null, written or empty: a value fills it rather than changing its type. */
const isNull = (text: string): boolean => nonStringType(text) === "null";

/** A mapping key, or (a number) a list index written in brackets. Bare `0` stays a string: it indexes a list or names a key. */
export type PathSegment = string | number;

const BARE_KEY = /^[^.[\]"'\s]+$/;

/** `spec.containers[0].image`; keys that are not bare words are written `["a.b"]`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (BARE_KEY.test(segment)) out += out === "" ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** Whether `path` begins with `prefix` (equal to it, or below it). */
export function hasPrefix(path: readonly PathSegment[], prefix: readonly PathSegment[]): boolean {
  return prefix.length <= path.length && prefix.every((segment, i) => path[i] === segment);
}

/** Whether two paths are the same, segment by segment. */
export function samePath(path: readonly PathSegment[], other: readonly PathSegment[]): boolean {
  return path.length === other.length && hasPrefix(path, other);
}

/**
 * Parses `a.b[0]`, `a["dot.key"].b`, `a['x'].b`, `containers.0.image`; throws SourceError saying where it is malformed.
 * `value`, a spec's, completes the `--image` that the error for a yq selector suggests, named as `fieldName` says (the request's face),
 * by the image an entry renames to where `renamed` (the file's) gives one.
 */
export function parsePath(text: string, value?: string, fieldName?: FieldNamer, renamed?: Renamed): PathSegment[] {
  const fail = (why: string, at: number): never => {
    throw new SourceError(
      `invalid path ${JSON.stringify(text)}: ${yqSelector(text, value, fieldName, renamed) ?? `${why} at character ${at + 1}${at === 0 ? rootHint(text) : ""}`}`,
    );
  };
  // updatecli's paths are JSONPath's, `$.image.tag`: read as a key named `$`, it would be a path no file has, whose fix is not --create.
  if (JSON_ROOT.test(text)) fail("a JSONPath root '$'", 0);
  const segments: PathSegment[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === "[") {
      const close = text[i + 1] === '"' || text[i + 1] === "'" ? quotedEnd(text, i + 1) : text.indexOf("]", i);
      if (close < 0 || text[close] !== "]") fail("unclosed '['", i);
      const inner = text.slice(i + 1, close);
      if (inner.startsWith('"')) segments.push(JSON.parse(inner) as string);
      else if (inner.startsWith("'")) segments.push(inner.slice(1, -1).replaceAll("''", "'"));
      else if (/^[0-9]+$/.test(inner)) segments.push(Number(inner));
      else fail(`'[${inner}]' is neither a list index nor a quoted key`, i);
      i = close + 1;
    } else {
      const end = text.slice(i).search(/[.[]/);
      const key = end < 0 ? text.slice(i) : text.slice(i, i + end);
      if (!BARE_KEY.test(key)) fail(key === "" ? "empty key" : `key ${JSON.stringify(key)} must be quoted in brackets`, i);
      segments.push(key);
      i += key.length;
    }
    if (text[i] === ".") {
      i++;
      if (i === text.length || text[i] === "[") fail("empty key", i);
    } else if (i < text.length && text[i] !== "[") fail("expected '.' or '['", i);
  }
  if (segments.length === 0) fail("empty path", 0);
  return segments;
}

/** `$.` or `$[` in front of a path: JSONPath's root, as updatecli writes it. */
const JSON_ROOT = /^\$[.[]./;

/** How a path spelled as yq (`.image.tag`) or updatecli (`$.image.tag`) spells it is written here, where a path starts with its first key; "" for any other. */
function rootHint(text: string): string {
  if (JSON_ROOT.test(text)) {
    const root = text[1] === "." ? "$." : "$";
    return `; drop the leading ${root} (paths are ${text.slice(root.length)}, not updatecli's ${text})`;
  }
  return text.startsWith(".") && text.length > 1 ? `; drop the leading dot (paths are ${text.slice(1)}, not yq's ${text})` : "";
}

/**
 * yq's pick of a list item by a field (`images[name=app]`, `.images[] | select(.name == "app")`), which a path does not
 * read: where it is and what to write instead, or undefined for any other path. A kustomize `images` entry's `newTag`
 * (or a `tag`) picked by `name`, or an `image` field, is what `--image` sets, finding it by name: `value` completes that image,
 * given as `fieldName` (the request's face) takes it. An entry that renames its image (`newName`, which `renamed` gives for a
 * name, where the file is known) is found by its newName instead: `--image` by `name` would move nothing there.
 */
function yqSelector(path: string, value: string | undefined, fieldName: FieldNamer = byFlag, renamed?: Renamed): string | undefined {
  const open = path.indexOf("[");
  if (open < 0 || !/\[\s*(?:\]|\?)|\[[^\]"']*=|select\(/.test(path)) return undefined;
  const list = path.slice(0, open).replace(/^[\s(]*\$?\./, "");
  const picked = /\.?([\w-]+)\s*==?\s*(?:"([^"]*)"|'([^']*)'|([^\s\])]+))/.exec(path.slice(open));
  const name = picked?.[1] === "name" ? (picked[2] ?? picked[3] ?? picked[4]) : undefined;
  const field = /\.([\w-]+)[\s)]*$/.exec(path)?.[1];
  const given = value === undefined ? "" : unquote(value);
  const repository = name === undefined ? undefined : (renamed?.(name) ?? name);
  const image =
    given === "" ? undefined : field === "image" ? given : (field === "newTag" || field === "tag") && repository ? `${repository}:${given}` : undefined;
  return (
    `a yq selector at character ${open + 1}; list items are selected by index (${BARE_PATH.test(list) ? list : ""}[0]), ` +
    `or give ${givenValue(fieldName, "image", image ?? "REPOSITORY:TAG")}, which finds the image's fields by its name`
  );
}

/** The image a kustomize `images:` entry of the file renames the image `name` to (its `newName`); undefined where none does. */
export type Renamed = (name: string) => string | undefined;

/** A path of bare keys, `spec.containers`. */
const BARE_PATH = /^[^.[\]"'\s()|]+(?:\.[^.[\]"'\s()|]+)*$/;

/** Index just after the closing quote of the quoted key starting at `open`, or -1. */
function quotedEnd(text: string, open: number): number {
  const quote = text[open]!;
  for (let i = open + 1; i < text.length; i++) {
    if (quote === '"' && text[i] === "\\") i++;
    else if (text[i] === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i + 1;
    }
  }
  return -1;
}

/** A `--set` spec for a YAML file, read without the file: the path as written, its segments, and the value as given (quoted or not). */
export interface YamlSpec {
  readonly path: string;
  readonly segments: readonly PathSegment[];
  readonly value: string;
}

/**
 * `image.tag=1.2.3`; throws SourceError for a spec with no path before its `=`, or a malformed path (its advice named as
 * `fieldName` says, by the renames of the file's kustomize `images:` where `renamed` gives them).
 */
export function parseYamlSpec(spec: string, fieldName?: FieldNamer, renamed?: Renamed): YamlSpec {
  const eq = assignmentAt(spec);
  if (eq <= 0) throw new SourceError(`${JSON.stringify(spec)} is not PATH=VALUE`);
  const path = spec.slice(0, eq).trim();
  const value = spec.slice(eq + 1).trim();
  // `list+=c` is KCL's append, not a key `list+`: said as such rather than as a key the document lacks.
  if (path.endsWith("+")) {
    const whole = path.slice(0, -1).trim();
    // The last key alone is quoted (`config["args+"]`): `["config.args+"]` would be one top-level key.
    const cut = Math.max(whole.lastIndexOf("."), whole.lastIndexOf("]"));
    const key = whole.slice(cut + 1);
    const quoted = `${whole.slice(0, whole[cut] === "]" ? cut + 1 : Math.max(cut, 0))}[${JSON.stringify(`${key}+`)}]`;
    // After an index or a quoted key (`list[0]+=c`), or with no path at all, the "+" is no part of a key.
    const advice = whole === "" ? "give PATH=VALUE" : `give the whole value (${whole}=…)${key === "" ? "" : `, or quote a key that ends in "+" (${quoted}=…)`}`;
    throw new SourceError(`${JSON.stringify(spec)}: "+=" appends only in a KCL override spec; a YAML --set sets one value: ${advice}`);
  }
  return { path, segments: parsePath(path, value, fieldName, renamed), value };
}

/**
 * The `=` that ends a spec's path: the first outside brackets, parentheses and quotes, so that a quoted key
 * (`a["x=y"]=1`) holds one, and a yq selector (`images[name=app].newTag=1`) is read whole and named as such;
 * the first `=` at all when one of those is left open.
 */
function assignmentAt(spec: string): number {
  let depth = 0;
  for (let i = 0; i < spec.length; i++) {
    const c = spec[i]!;
    if (c === '"' || c === "'") {
      const end = quotedEnd(spec, i);
      if (end < 0) break;
      i = end - 1;
    } else if (c === "[" || c === "(") depth++;
    else if (c === "]" || c === ")") depth = Math.max(0, depth - 1);
    else if (c === "=" && depth === 0) return i;
  }
  return spec.indexOf("=");
}

/**
 * `--set values.yaml:image.tag=1.2.3`: a dotted path and a value, quoted or not. `setsToo` says
 * which other fields the run sets in the file, `fieldName` how messages name the request's (SetOptions).
 */
export function setFromSpec(
  text: string,
  spec: string,
  create: boolean,
  setsToo?: (path: string) => boolean,
  fieldName?: FieldNamer,
  file?: string,
): EditResult {
  const { path, value: raw } = parseYamlSpec(spec, fieldName);
  const value = unquote(raw);
  return setYamlPath(text, path, value, { create, typed: value === raw, ...(setsToo && { setsToo }), ...(fieldName && { fieldName }), file });
}

/** `"1.2.3"` and `'1.2.3'` on a command line mean the string 1.2.3. */
function unquote(value: string): string {
  const quoted = value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.at(-1) === value[0];
  return quoted ? value.slice(1, -1) : value;
}

interface Found {
  readonly node: YamlNode;
  readonly inFlow: boolean;
}

/** How far a path got in one document, and why it stopped. */
interface Miss {
  readonly depth: number;
  readonly message: string;
  readonly offset: number;
  /** The mapping that lacks the key at `depth`, where `create` may add it. */
  readonly map?: MapNode;
  /** The null value (`image:`) the path goes on below, which `create` may fill with the keys from `depth`. */
  readonly fill?: NullValue;
  /** What `create` would add, where that is not simply the path: a key beside a merge key. */
  readonly creates?: string;
  /** A list that has too few items for the index at `depth`, which `create` does not add. */
  readonly short?: true;
}

/** How a null reads in a message: `image is empty (null)`, `image is null (~)`. */
function nullWords(text: string): string {
  return text === "" ? "empty (null)" : /^null$/i.test(text) ? "null" : `null (${text})`;
}

function describeAt(path: readonly PathSegment[], depth: number): string {
  return depth === 0 ? "the document" : formatPath(path.slice(0, depth));
}

/** Follows `path` from `root`, a document of `file`: the node it names, or where and why it stops. */
function lookUp(file: YamlFile, root: YamlNode | null, path: readonly PathSegment[]): Found | Miss {
  if (root === null) return { depth: 0, message: "the document is empty", offset: 0 };
  let node: YamlNode = root;
  let inFlow = false;
  // The key whose value `node` is, when it is a mapping's.
  let key: YamlNode | undefined;
  for (const [depth, segment] of path.entries()) {
    const at = describeAt(path, depth);
    const miss = (message: string): Miss => ({ depth, message, offset: node.start });
    if (node.kind === "map") {
      if (typeof segment === "number") return miss(`${at} is a mapping, not a list: it has no [${segment}]`);
      const pair = node.pairs.find((item) => scalarText(item.key) === segment);
      if (pair && !pair.value) {
        // `? image` or `{image}`: a key with no `:`, a null with no place of its own to set or fill.
        const held = formatPath(path.slice(0, depth + 1));
        const message =
          depth + 1 < path.length ? `${held} is ${nullWords("")}, it has no '${path[depth + 1]}'` : `${held} is a key with no ':' and no value to set`;
        return { depth: depth + 1, message, offset: pair.key.start };
      }
      if (!pair?.value) {
        const keys = node.pairs.map((item) => scalarText(item.key)).filter((key) => key !== undefined);
        const message =
          keys.length === 0 ? `${at} is an empty mapping, it has no '${segment}'` : `${at} has ${cappedList(keys.map((key) => `'${key}'`))}, not '${segment}'`;
        const merged = hasMergeKey(node) ? throughMerge(file, root, node, path, depth, segment) : undefined;
        return { ...miss(merged ? `${message}: ${merged.message}` : message), map: node, ...(merged && { creates: merged.creates }) };
      }
      inFlow ||= node.flow;
      key = pair.key;
      node = pair.value;
    } else if (node.kind === "seq") {
      const index = typeof segment === "number" ? segment : /^[0-9]+$/.test(segment) ? Number(segment) : undefined;
      if (index === undefined) return miss(`${at} is a list, not a mapping: it has no '${segment}'`);
      if (index >= node.items.length) return { ...miss(`${at} has ${node.items.length} items, not [${index}]`), short: true };
      inFlow ||= node.flow;
      key = undefined;
      node = node.items[index]!;
    } else if (isFlowScalar(node) && readsAsNull(node)) {
      // Filled only where nothing sits between the key's `:` and the null: an anchor (`image: &a`) would carry the fill to its aliases.
      const between = key === undefined ? "" : file.text.slice(key.end, node.start);
      const fill = key !== undefined && /^[ \t]*:[ \t]*$/.test(between) ? { key, node, inFlow } : undefined;
      const anchor = /&\S+/.exec(between)?.[0];
      const why = anchor === undefined ? "" : ` (it is anchored, ${anchor}: filling it would fill its aliases too, so it is written by hand)`;
      return { ...miss(`${at} is ${nullWords(node.text)}, it has no '${segment}'${why}`), ...(fill && { fill }) };
    } else if (node.kind === "alias") {
      return miss(`${at} is ${aliasWords(file, root, node, path.slice(depth), `it has no '${segment}'`)}`);
    } else {
      return miss(`${at} is a scalar, it has no '${segment}'`);
    }
  }
  return { node, inFlow };
}

/**
 * An alias on a path, as a message names it, with `lacks` (what it lacks): the editors never follow an alias
 * (alias.ts), so what `rest` names through it is named where it is written, from the anchored value, which
 * every alias of the anchor follows; or, where the path stops there too, why.
 */
function aliasWords(file: YamlFile, root: YamlNode, alias: AliasNode, rest: readonly PathSegment[], lacks: string): string {
  const anchor = anchorOf(file, alias);
  const anchored = anchoredValue(file, root, alias);
  if (!anchor || !anchored) return `an alias, ${lacks}`;
  const name = file.text.slice(alias.start, alias.end);
  const of = `an alias (${name}) of ${formatPath(anchored.path)} (${anchor.name}, line ${file.lineAt(anchor.at)})`;
  const path = [...anchored.path, ...rest];
  const found = lookUp(file, root, path);
  if ("message" in found) return `${of}, where ${found.message}`;
  const own = `${lacks}${rest.length > 0 ? " of its own" : ""}`;
  // A path that names a mapping or a list is refused there too: only the anchored value is named.
  if (!isFlowScalar(found.node)) return `${of}, ${own}`;
  return `an alias (${name}), ${own}: set ${aliasedFieldWords(path, file.lineAt(found.node.start), anchor.name)}`;
}

/**
 * The key `path[depth]`, `key`, a mapping does not write but takes from its merge key (merge-key.ts): where it is written, the
 * field the rest of the path names there, which every mapping merging it shares, and what `create` would add
 * instead: a key beside `<<` that only this mapping gets (a whole mapping, a merge being shallow, for a longer path).
 */
function throughMerge(
  file: YamlFile,
  root: YamlNode,
  map: MapNode,
  path: readonly PathSegment[],
  depth: number,
  key: string,
): { readonly message: string; readonly creates: string } | undefined {
  const merged = mergedValue(file, root, map, path.slice(0, depth), key);
  if (!merged) return undefined;
  const rest = path.slice(depth + 1);
  const target = [...merged.path, ...rest];
  const found = lookUp(file, root, target);
  const from = `its ${key} is merged (<<) from ${formatPath(merged.path)}`;
  const message =
    "message" in found
      ? `${from} (line ${file.lineAt(merged.node.start)}), where ${found.message}`
      : rest.length === 0
        ? mergedFromWords(key, formatPath(merged.path), file.lineAt(found.node.start))
        : `${from}, whose ${formatPath(rest)} is ${formatPath(target)} (line ${file.lineAt(found.node.start)}), ${MERGE_SHARED}`;
  const mapping = depth === 0 ? "the document" : formatPath(path.slice(0, depth));
  const only =
    rest.length === 0 ? `, which only ${mapping} gets` : ` holding only ${formatPath(rest)}, which replaces the merged ${key} whole for ${mapping} alone`;
  return { message, creates: `'${key}' beside '<<'${only}` };
}

export interface SetOptions {
  /** Add missing mapping keys at the end of the path, under a mapping or in place of a key's null value (`image:`). */
  readonly create?: boolean | undefined;
  /**
   * The value was given unquoted: where the field holds a plain number, boolean or null and
   * the value reads as one too, it is written as it is (`replicas: 2` set to 3 stays a
   * number). Otherwise, and always for a quoted value, the value is a string, and a warning
   * says so where the field held a plain number or boolean (whatever `typed` is; a null is filled, not retyped).
   */
  readonly typed?: boolean | undefined;
  /**
   * Whether the run sets the field at a path (`image.digest`) too. Given (a `--set` or a configured
   * override), a tag (or a kustomize entry's newTag) set beside a digest the run does not set is warned about: the digest still pins the earlier build.
   */
  readonly setsToo?: ((path: string) => boolean) | undefined;
  /** The value is a configured override's, not a `--set`'s: the warning above says so. */
  readonly configured?: boolean | undefined;
  /** How messages name the request's fields, as its face does (`--set`, `input set`); default the CLI's flags. */
  readonly fieldName?: FieldNamer | undefined;
  /** The file's path or name, where known: a kustomization without apiVersion and kind is told by it, for what `create` may add. */
  readonly file?: string | undefined;
}

/**
 * The tag of a split image (split-image.ts), or a kustomize entry's `newTag`, set to `tag` alone: the digest
 * beside it, unless the run sets that too, still pins the build of the tag it replaced, which is what then runs.
 */
function warnStaleDigest(
  plan: EditPlan,
  document: YamlDocument,
  segments: readonly PathSegment[],
  path: string,
  node: FlowScalar,
  tag: string,
  { setsToo, configured, fieldName }: Required<Pick<SetOptions, "setsToo">> & Pick<SetOptions, "configured" | "fieldName">,
): void {
  const holder = segments.length > 1 ? lookUp(plan.file, document.root, segments.slice(0, -1)) : { node: document.root };
  if ("message" in holder || holder.node?.kind !== "map") return;
  const map = holder.node;
  // The image named as setHelmImage reads its registry (registry.ts): none where null, none known where it cannot read it.
  const registryOf = (field: YamlNode | undefined) => readRegistry(plan.file, document.root, field);
  const pin = pinBeside(segments[segments.length - 1]!, (key) => mapValue(map, key) ?? undefined, scalarText, registryOf);
  if (!pin || !isFlowScalar(pin.digest) || pin.digest.text === "" || node.text === tag) return;
  const digestKey = formatPath([...segments.slice(0, -1), "digest"]);
  if (setsToo(digestKey)) return;
  const stale = { tagKey: path, tag, digestKey, line: plan.file.lineAt(pin.digest.start), digest: pin.digest.text, name: pin.name };
  plan.warn(node.start, staleDigestWarning({ ...stale, ...(configured && { configured }) }, fieldName));
}

/**
 * Whether `next` is written over `node` (a flow scalar that can hold it) typed, as it reads unquoted, rather than as a
 * string, and the warnings that go with it, for the field `path`: a typed value that YAML reads otherwise than as given
 * (`misread`), and a string (`given` as one, or `typed` said either way) that turns a number or boolean into a string
 * (`retyped`). A tag is a string wherever it is read (Helm renders a float `5.10` as `5.1`, kustomize refuses a number in
 * newTag), as is a kustomization's label or namespace: where `asString` says why a field is one, an unquoted value there
 * is written as one, where any other field that holds a number keeps it one.
 */
function typedWrite(
  node: FlowScalar,
  next: string,
  path: string,
  options: Pick<SetOptions, "typed"> & { readonly asString: string | undefined; readonly given: boolean },
): { readonly typed: boolean; readonly misread?: string; readonly retyped?: string } {
  const { asString } = options;
  // A field written empty (`mode:`) is a null as `mode: ~` is: both keep a number, boolean or null given unquoted.
  const typed =
    options.typed === true &&
    (coreType(node) !== undefined || (asString === undefined && node.style === "plain" && readsAsNonString(node.text) && isNonString(next)));
  const misread = typed ? misreadAs(node.text, next) : undefined;
  // A value given as a string (a configured override's is computed from an image) that turns a number or boolean into a string:
  // written as a string, the change still reads `3 -> 7`; said, so that a stray quote, or a missing `typed`, is seen.
  // The same text counts: `replicas: yes` set to 'yes' is the string asked for, which Helm does not read as true.
  const retyped = node.style === "plain" && isNonString(node.text) && !isNull(node.text);
  if (!((options.typed !== undefined || options.given) && !typed && retyped))
    return { typed, ...(misread !== undefined && { misread: `${path}: ${misread}` }) };
  const unquote = options.typed ? "" : options.typed === false ? "; to keep its type, give the value unquoted" : "; to keep its type, pass typed: true";
  // Unquoted, a value read as other than the text given (a number, a boolean to YAML 1.1 only) would not keep it.
  const keeps = isNonString(next) && misreadAs(node.text, next) === undefined;
  const why = asString !== undefined ? ` (${asString})` : keeps ? unquote : "";
  return { typed, retyped: `${path}: ${node.text} (not a string in YAML) becomes the string "${next}"${why}` };
}

/**
 * Whether a value is a string as asked for: given quoted (`--set`, typed false), or by the library without typed. Not a
 * configured override's (an image or tag, reported as the editors report theirs), nor one given unquoted that the
 * field makes a string (a tag).
 */
function askedString(value: string | ValueFor, options: SetOptions): boolean {
  return typeof value === "string" && options.typed !== true;
}

/**
 * The splice writing the string `next` quoted over a plain scalar that reads as another type (a number, a boolean, a
 * null, `yes` to YAML 1.1): what is written where the type changes, which is then reported as written (`3 -> "3"`,
 * `~ -> "~"`), since read, old and new may say the same. Undefined where the string is written plain, as a string reads.
 */
function quotedOver(file: YamlFile, node: FlowScalar, next: string, inFlow: boolean): Splice | undefined {
  if (node.style !== "plain" || !readsAsNonString(node.text)) return undefined;
  const splice = scalarSplice(file, node, next, inFlow);
  return splice.insert.trim() === next ? undefined : splice;
}

/**
 * Sets the scalar at `path` (see parsePath) to `value`, or to what `value` computes from the
 * scalar's text; kind "override", key = the path as given. With `create`, missing mapping
 * keys at the end of the path are added (in the first document that has the path the
 * furthest), a key's null value (`image:`, `image: ~`) becoming a mapping of them (null-fill.ts); list items are never created,
 * nor a field its reader refuses in the shape create gives it (created-shape.ts: a kustomization's `images` as a mapping).
 */
export function setYamlPath(text: string, path: string, value: string | ValueFor, options: SetOptions = {}): EditResult {
  return publicResult(setYamlPathAbout(text, path, value, options));
}

/** setYamlPath for the engine: its warnings keep what they are about (FieldWarning), which overrides.ts compares with the editors'. */
export function setYamlPathAbout(text: string, path: string, value: string | ValueFor, options: SetOptions = {}): FieldEditResult {
  const unchanged: FieldEditResult = { text, changes: [], warnings: [] };
  const segments = parsePath(path, undefined, options.fieldName);
  const file = new YamlFile(text);
  const fail = (message: string, offset: number): never => {
    throw new SourceError(`${path}: ${message}`, file.lineAt(offset), file.columnAt(offset));
  };
  let deepest: (Miss & { readonly document: YamlDocument }) | undefined;
  for (const [index, document] of file.documents.entries()) {
    const found = lookUp(file, document.root, segments);
    if ("message" in found) {
      if (!deepest || found.depth > deepest.depth) deepest = { ...found, document };
      continue;
    }
    const { node, inFlow } = found;
    if (!isFlowScalar(node)) {
      const cannot = "not a scalar that can be set";
      if (node.kind === "alias") return fail(`the value is ${aliasWords(file, document.root!, node, [], cannot)}`, node.start);
      const what = { map: "a mapping", seq: "a list", scalar: "a block scalar (| or >), which is never edited" }[node.kind];
      return fail(`the value is ${what}, ${cannot}`, node.start);
    }
    const plan = new EditPlan(file);
    const next = typeof value === "string" ? value : value(scalarText(node), plan.versionNote(node.start, path, undefined));
    if (next === undefined) return plan.result();
    // A value for a field tagged `!!float` (and the like) is one only given unquoted and read as that type; any other is refused
    // rather than written with the tag dropped: the field's type is the file's to change, and a refusal is seen where a warning may not be.
    const type = coreType(node);
    if (type !== undefined && !tagHolds(node, next, options.typed === true)) {
      const asType = tagHolds(node, next, true) && !options.configured;
      const how = asType
        ? `${options.typed === false ? "give the value unquoted" : "pass typed: true"} to set a ${type}, or drop the tag`
        : "drop the tag to set it";
      return fail(`the value has the tag ${type}, which cannot hold ${asType ? "the string " : ""}${JSON.stringify(next)}: ${how}`, node.start);
    }
    const { typed, misread, retyped } = typedWrite(node, next, path, {
      ...options,
      asString: TAG_KEYS.has(String(segments.at(-1))) ? "a tag is a string to Helm and kustomize" : kustomizeString(document, options.file, segments),
      given: typeof value === "string",
    });
    if (misread !== undefined) plan.warn(node.start, misread);
    if (options.setsToo) warnStaleDigest(plan, document, segments, path, node, next, { ...options, setsToo: options.setsToo });
    if (retyped !== undefined) plan.warn(node.start, retyped);
    const asWritten = askedString(value, options) ? quotedOver(file, node, next, inFlow) : undefined;
    if (asWritten) plan.addSplice(asWritten, { kind: "override", key: path, old: node.text, new: asWritten.insert.trim(), object: document.object });
    else plan.setScalar(node, next, inFlow, { kind: "override", key: path, document }, typed);
    const others = file.documents.slice(index + 1).flatMap((d, i) => ("message" in lookUp(file, d.root, segments) ? [] : [index + i + 2]));
    if (others.length > 0) {
      plan.warn(
        node.start,
        `${path} is also in document${others.length > 1 ? "s" : ""} ${others.join(", ")} of this file; only document ${index + 1}'s is set`,
      );
    }
    return plan.result();
  }
  const missing = deepest ? segments.slice(deepest.depth) : [];
  const creatable = (deepest?.map !== undefined || deepest?.fill !== undefined) && missing.every((segment) => typeof segment === "string");
  if (options.create && creatable && deepest) {
    // A key whose null is filled gets a value too, as each key added does.
    const refused = createdShapeError(deepest.document, options.file, segments, deepest.map ? deepest.depth : deepest.depth - 1, options.fieldName);
    if (refused !== undefined) return fail(`${deepest.message}; ${refused}`, deepest.offset);
    const next = typeof value === "string" ? value : value(undefined);
    if (next === undefined) return unchanged;
    const plan = new EditPlan(file);
    const keys = missing as [string, ...string[]];
    const { map, fill, document } = deepest;
    // A string asked for that reads as another type is added quoted: reported as written (`tag: ''` is `""`, not an empty change).
    const written = askedString(value, options) && readsAsNonString(next) ? renderScalar(next, "plain", map?.flow ?? false) : next;
    const change = { kind: "override", key: path, old: "", new: written, op: "create", object: document.object } as const;
    if (map) plan.addSplice(pairInsertion(file, map, keys, next), change);
    else if (fill) plan.addSplice(nullFilling(file, fill, keys, next), change);
    return plan.result();
  }
  // A missing key create would add says so, as a KCL spec does; a list item it would have to add, what to write instead.
  const noItem =
    options.create && deepest && (deepest.map || deepest.fill || deepest.short)
      ? noListItem(deepest.document, options.file, segments, deepest.depth, options.fieldName)
      : undefined;
  return fail(
    deepest
      ? `${deepest.message}${creatable && !options.create ? ` ${createHint(deepest.creates ?? path, options.fieldName)}` : ""}${noItem === undefined ? "" : `; ${noItem}`}`
      : "the file has no YAML document",
    deepest?.offset ?? 0,
  );
}
