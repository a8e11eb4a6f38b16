/**
 * Writing a mapping's version (its tag and digest, which name one build) where other mappings may read its
 * fields too: the Helm and kustomize editors write it by one sequence (writeVersion). A field read through a
 * merge key (`<<: *img`) is written where it is written, which every mapping merging it shares, never for one
 * of them (mergedHold); and a field of the mapping's own is written only when every other mapping reading it,
 * through a merge key or an alias (readers.ts), moves with it the same way in this run (sharedHold): else
 * another image would take a version nobody sent. A version field that is no plain or quoted string (`tag: *t`, a
 * block scalar) is never edited, so the mapping is left whole, by both editors alike (fixedVersion).
 */
import type { WarningNames } from "../change.js";
import { normalizeRepository } from "../image/reference.js";
import type { ImageUpdate, VersionNote } from "../image/update.js";
import { cappedList, andList } from "../text/and-list.js";
import { aliasedFieldWords, anchoredValue, anchorOf } from "./alias.js";
import type { YamlDocument } from "./file.js";
import { mergedFromWords, type MappingField } from "./merge-key.js";
import { isFlowScalar, scalarText, type AliasNode, type FlowScalar, type MapNode, type YamlNode } from "./node.js";
import { formatPath, type PathSegment } from "./path.js";
import type { ChangeLabel, EditPlan } from "./plan.js";
import { readersOf, readersOfValue, type Reader } from "./readers.js";
import { tagHolds, tagWarning } from "./splice.js";

/** A field's new value, for the mapping whose field it is. */
export interface FieldWrite {
  readonly field: MappingField;
  readonly node: FlowScalar;
  readonly value: string;
}

/** A key the mapping `map` gets, with its value: kustomize adds an entry's missing newTag or digest. */
export interface FieldAdd {
  readonly map: MapNode;
  readonly key: string;
  readonly value: string;
}

/** The mapping a version is written for: where it is told of (`at`), its path, its image's name and the version. */
export interface VersionPair {
  readonly at: number;
  readonly mapping: readonly PathSegment[];
  readonly name: string;
  readonly next: { readonly tag?: string | undefined; readonly digest?: string | undefined };
}

/**
 * How an editor reads another mapping reading a field of the pair (a Reader): the image it names, and what its
 * own version decision in this run has the field hold (undefined: it stays). Undefined when the reader names no
 * image of which the field is a version, by the key it reads it as: writing the field moves no image there.
 */
export type ReaderJudge = (reader: Reader) => { readonly image: string; readonly value: string | undefined } | undefined;

/**
 * How a change the sequence writes is reported: the label's kind and document, and the repository of the incoming
 * image the pair is written for (ChangeNames: its tag alone names none); its key is the field's path.
 */
export interface WriteLabel {
  readonly kind: ChangeLabel["kind"];
  readonly document: YamlDocument;
  readonly repository: string;
}

/** `name:tag@digest` as far as `next` has them: the reference a warning says the pair is not moved to. */
function referenceOf(name: string, { tag, digest }: VersionPair["next"]): string {
  return `${name}${tag ? `:${tag}` : ""}${digest ? `@${digest}` : ""}`;
}

/**
 * Whether the writes of one mapping's version can be made: a merged field is written where others share it,
 * never for this mapping, so it must already hold its value (its own mapping may move it first, plan.valueOf).
 * Said at `at` when it does not: the mapping is not moved.
 */
function mergedHold(plan: EditPlan, { at, mapping, name, next }: VersionPair, writes: readonly FieldWrite[]): boolean {
  const behind = writes.find(({ field, node, value }) => field.merged && plan.valueOf(node) !== value);
  if (!behind) return true;
  const pair = formatPath(mapping);
  const key = String(behind.field.path[behind.field.path.length - 1]);
  const from = formatPath(behind.field.path);
  const line = plan.file.lineAt(behind.node.start);
  plan.warn(
    at,
    `${pair} is not moved to ${referenceOf(name, next)}: ${mergedFromWords(key, from, line)}; add ${key}: to ${pair} to set it for this one alone, or set ${from} for all of them`,
    undefined,
    { reason: "unmoved", ...named(normalizeRepository(name), [line]) },
  );
  return false;
}

/**
 * Whether the fields of its own the mapping writes, or adds, move no other mapping reading them (readersOf)
 * another way than its own decision (`judge`) moves it in this run: a merge key or an alias would carry the
 * version to an image nobody sent, or one sent at another version. Said at the field when one would: the
 * mapping is not moved. A field every reader moves to the same value is written once.
 */
function sharedHold(plan: EditPlan, pair: VersionPair, writes: readonly FieldWrite[], adds: readonly FieldAdd[], judge: ReaderJudge): boolean {
  // Each field with how it is named, and what a reader writing it itself would write to keep what it reads now.
  const fields = [
    ...writes.flatMap(({ field, node, value }) =>
      !field.merged && plan.valueOf(node) !== value
        ? [
            {
              readers: () => readersOfValue(plan.file, node),
              value,
              at: node.start,
              named: `${formatPath(field.path)} is also`,
              kept: plan.file.text.slice(node.start, node.end),
            },
          ]
        : [],
    ),
    ...adds.map(({ map, key, value }) => ({
      readers: () => readersOf(plan.file, map, key),
      value,
      at: pair.at,
      named: `its ${key}, added to ${formatPath(pair.mapping)}, would also be`,
      kept: '""',
    })),
  ];
  for (const { readers, value, at, named: field, kept } of fields) {
    const apart = readers().flatMap((reader) => {
      const read = judge(reader);
      return read && read.value !== value ? [{ reader, image: read.image }] : [];
    });
    if (apart.length === 0) continue;
    const lines = apart.map(({ reader }) => plan.file.lineAt(reader.at));
    const whose = apart.map(({ reader, image }, i) =>
      reader.alias
        ? `the ${reader.key} of ${image} at ${formatPath([...reader.path, reader.key])} (line ${lines[i]}, as ${aliasText(plan, reader.alias)})`
        : `the ${reader.key} of ${image} at ${formatPath(reader.path)} (line ${lines[i]}, through <<)`,
    );
    const list = (items: readonly string[]) => cappedList(items, undefined, { sentence: true });
    // Every mapping merging it gets the key of its own, with the value it reads now; every alias, that value in its place.
    const merging = apart.filter(({ reader }) => !reader.alias).map(({ reader }) => reader);
    const advice = [
      ...(merging.length > 0 ? [`add ${merging[0]!.key}: ${kept} to ${list(merging.map((reader) => formatPath(reader.path)))}`] : []),
      ...apart.flatMap(({ reader }) =>
        reader.alias ? [`write ${kept} in place of ${aliasText(plan, reader.alias)} at ${formatPath([...reader.path, reader.key])}`] : [],
      ),
    ];
    const [those, them] = apart.length > 1 ? ["those", "them"] : ["that one", "it"];
    plan.warn(
      at,
      `${formatPath(pair.mapping)} is not moved to ${referenceOf(pair.name, pair.next)}: ${field} ${list(whose)}, and this run does not move ${those} the same way; ${andList(advice)} to keep ${them} apart`,
      undefined,
      { reason: "unmoved", ...named(normalizeRepository(pair.name), lines) },
    );
    return false;
  }
  return true;
}

function aliasText(plan: EditPlan, alias: AliasNode): string {
  return plan.file.text.slice(alias.start, alias.end);
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
      ...named(image, [line]),
    });
}

/** How a version field that is no plain or quoted string is written. */
const FORMS = { alias: "an alias", scalar: "a block scalar", map: "a mapping", seq: "a list" } as const;

/**
 * The text a version field reads: its scalar's, or an alias's (`tag: *t`) anchored scalar's as this run leaves
 * it (plan.valueOf: an alias follows its anchor); undefined for a mapping, a list or no value.
 */
export function heldText(plan: EditPlan, root: YamlNode | null, node: YamlNode | null | undefined): string | undefined {
  if (node?.kind !== "alias") return scalarText(node);
  const anchored = anchoredValue(plan.file, root, node)?.node;
  return isFlowScalar(anchored) ? plan.valueOf(anchored) : scalarText(anchored);
}

/**
 * Whether a version field of the mapping (its tag or digest, own or merged, named `keys` in that order) is no plain
 * or quoted string: an alias (`tag: *t`), a block scalar, a mapping, a list or a key without a value. Such a field
 * is never edited (an alias's value is written at its anchor, which every alias of it follows), and neither is the
 * other alone, which would name another build: the mapping is left whole. Said at the field (at the mapping's `at`
 * when merged or valueless) when its version would move to `update`'s (`moves`), naming an alias's anchor and line.
 */
export function fixedVersion(
  plan: EditPlan,
  root: YamlNode | null,
  { at, mapping, keys }: { readonly at: number; readonly mapping: readonly PathSegment[]; readonly keys: readonly [string, string] },
  fields: readonly (MappingField | undefined)[],
  update: ImageUpdate,
  moves: boolean,
): boolean {
  const fixed = fields.find((field) => field !== undefined && !isFlowScalar(field.node));
  if (fixed === undefined) return false;
  if (!moves) return true;
  const { node, path } = fixed;
  const key = String(path.at(-1));
  const { repository } = update.image;
  const alias = node?.kind === "alias" ? node : undefined;
  const [anchor, anchored] = alias ? [anchorOf(plan.file, alias), anchoredValue(plan.file, root, alias)] : [];
  const line = anchored && plan.file.lineAt(anchored.node.start);
  const form = node === null ? "a key without a value" : alias ? `an alias (${aliasText(plan, alias)})` : FORMS[node.kind];
  const orSet = anchor && anchored && line !== undefined ? `, or set ${aliasedFieldWords(anchored.path, line, anchor.name)}` : "";
  plan.warn(
    fixed.merged || node === null ? at : node.start,
    `${formatPath(path)} is ${form}, which is never edited, so ${formatPath(mapping)} is not moved to ${referenceOf(repository, update.image)} (its ${keys[0]} and ${keys[1]} would name different builds); write ${key} as a plain or quoted string${orSet}`,
    undefined,
    { reason: "unmoved", ...named(normalizeRepository(repository), line === undefined ? [] : [line]) },
  );
  return true;
}

/** What a warning about `image` (a repository) that names other lines of the file (where a field is written or read) speaks of besides its own line. */
function named(image: string | undefined, lines: readonly number[]): WarningNames {
  return { ...(image !== undefined && { image }), lines };
}

/** Whether a field the mapping writes itself is a marker's: so is the rest of its mapping. A merged one is its own mapping's (plan.valueOf). */
export function claimedOwn(plan: EditPlan, fields: readonly (MappingField | undefined)[]): boolean {
  return fields.some((field) => !field?.merged && plan.isClaimed(field?.node));
}

/**
 * Writes a mapping's version, all of it or none: none when a merged field will not hold its new value
 * (mergedHold), a field of its own, written or added, would move another mapping reading it another way
 * (sharedHold, by `judge`), or the tag of one (`!!float 1.0`, `newTag: !!int 1`) cannot hold its value, said
 * in a warning. Else tells what the version decision says (`say`), writes the fields the mapping writes itself,
 * then adds the keys it lacks (`adds`, after its last value, which may be an empty one set here). False when the pair is left.
 */
export function writeVersion(
  plan: EditPlan,
  pair: VersionPair,
  { writes, adds = [] }: { readonly writes: readonly FieldWrite[]; readonly adds?: readonly FieldAdd[] },
  judge: ReaderJudge,
  say: () => void,
  label: WriteLabel,
): boolean {
  if (!mergedHold(plan, pair, writes) || !sharedHold(plan, pair, writes, adds, judge)) return false;
  const unfit = writes.find(({ field, node, value }) => !field.merged && !tagHolds(node, value));
  if (unfit) {
    plan.warn(unfit.node.start, tagWarning(formatPath(unfit.field.path), unfit.node, unfit.value));
    return false;
  }
  say();
  for (const { field, node, value } of writes) if (!field.merged) plan.setScalar(node, value, field.inFlow, { ...label, key: formatPath(field.path) });
  for (const { map, key, value } of adds) plan.addPair(map, [key], value, { ...label, key: formatPath([...pair.mapping, key]) });
  return true;
}
