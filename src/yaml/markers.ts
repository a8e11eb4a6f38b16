/**
 * Flux setter markers: `image: repo:tag # {"$imagepolicy": "<ns>:<name>"}` and the
 * `:tag`, `:name`, `:digest` variants, with Flux's grammar (kyaml FieldMeta.Read): the
 * scalar's line comment, else its head comment (the first non-empty one decides), with
 * every leading '#' stripped, must be one JSON object of string values whose
 * "$imagepolicy" names the setter. Only scalars are set, always as a whole value.
 */
import type { ImageUpdate, Version } from "../image/update.js";
import { nextVersion } from "../image/update.js";
import { formatImageRef, tryParseImageRef } from "../image/reference.js";
import { Scalar, isScalar } from "yaml";
import { scalarText } from "./file.js";
import { versionOf } from "./incoming.js";
import type { YamlDocument } from "./file.js";
import type { Editor } from "./plan.js";
import { isFlowScalar } from "./splice.js";
import type { FlowScalar } from "./splice.js";
import { forEachValue } from "./walk.js";

const SETTER_SHORTHAND = "$imagepolicy";

/** What a marked field holds: the whole reference (`ns:name`) or one part of it. */
export type MarkerPart = "ref" | "tag" | "name" | "digest";

/** The setter name of a marker comment (`automation-ns:policy:tag`), or undefined when the comment is not a marker. */
export function markerSetter(comment: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(comment.replace(/^#+/, ""));
  } catch {
    return undefined;
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return undefined;
  // Go's json.Unmarshal into map[string]string fails on any non-string value.
  if (!Object.values(parsed).every((value) => typeof value === "string")) return undefined;
  const setter = (parsed as Record<string, string>)[SETTER_SHORTHAND];
  return setter ? setter : undefined;
}

/**
 * The comment that may mark a scalar: the line comment after its value, else the head
 * comment (the comment lines directly above it, when the scalar opens its line, as in a
 * list item or a value on its own line). A comment above `key: value` belongs to the key.
 */
export function markerComment(text: string, node: Scalar): string | undefined {
  const [start, valueEnd] = node.range!;
  const isBlock = node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED;
  // A block scalar's line comment sits on its header line (`key: | # ...`), not after its content.
  const header = /[|>][0-9+-]*/y;
  header.lastIndex = start;
  const after = isBlock ? start + (header.exec(text)?.[0].length ?? 0) : valueEnd;
  const lineEnd = text.indexOf("\n", after);
  const lineComment = /^[ \t]*(#.*)$/.exec(text.slice(after, lineEnd < 0 ? text.length : lineEnd).trimEnd());
  if (lineComment && after > start) return lineComment[1];
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  // Before the value on its line: only indentation, `- ` indicators, an anchor or a tag.
  if (!/^[ \t]*(?:-[ \t]+)*(?:[&!][^\s]*[ \t]+)*$/.test(text.slice(lineStart, start))) return undefined;
  const head: string[] = [];
  for (let end = lineStart - 1; end > 0;) {
    const begin = text.lastIndexOf("\n", end - 1) + 1;
    const line = text.slice(begin, end).trim();
    if (!line.startsWith("#")) break;
    head.unshift(line);
    end = begin - 1;
  }
  return head.length > 0 ? head.join("\n") : undefined;
}

interface MarkedField {
  readonly node: FlowScalar;
  readonly setter: string;
  readonly part: MarkerPart;
  readonly inFlow: boolean;
  readonly document: YamlDocument;
}

/** `ns:name:tag` -> key `ns:name`, part `tag` when `ns:name` is a configured setter. */
function splitSetter(setter: string, setters: ReadonlyMap<string, ImageUpdate>): { key: string; part: MarkerPart } {
  const suffix = /:(tag|name|digest)$/.exec(setter);
  if (suffix && setters.has(setter.slice(0, suffix.index))) return { key: setter.slice(0, suffix.index), part: suffix[1] as MarkerPart };
  return { key: setter, part: "ref" };
}

/** The version in a whole reference; nothing for a value that is not one. */
function refVersion(text: string | undefined): Version {
  const ref = text === undefined ? undefined : tryParseImageRef(text);
  return versionOf(ref?.tag, ref?.digest);
}

/** Refused: the update would change the version, but its policy keeps the current one. */
function isRefused(update: ImageUpdate, current: Version): boolean {
  return nextVersion(update, current) === undefined && nextVersion({ image: update.image }, current) !== undefined;
}

/**
 * The version one setter's fields describe in one document: the `:tag` and `:digest`
 * fields, else what a plain marked field holds.
 */
function groupVersion(fields: readonly MarkedField[]): Version {
  const text = (part: MarkerPart) => scalarText(fields.find((field) => field.part === part)?.node) || undefined;
  const ref = refVersion(text("ref"));
  return versionOf(text("tag") ?? ref.tag, text("digest") ?? ref.digest);
}

/** Flux's screening token: a file without it holds no marker (and Flux never parses it). */
const SCREEN_TOKEN = JSON.stringify(SETTER_SHORTHAND);

export const editMarkers: Editor = (file, request, plan) => {
  if (!file.text.includes(SCREEN_TOKEN)) return;
  const groups = new Map<string, MarkedField[]>(); // by document index and setter key
  file.documents.forEach((document, index) => {
    forEachValue(document.root, ({ node, inFlow }) => {
      if (!isScalar(node)) return;
      const comment = markerComment(file.text, node);
      const setter = comment === undefined ? undefined : markerSetter(comment);
      if (setter === undefined) return;
      plan.claim(node);
      const { key, part } = splitSetter(setter, request.setters);
      if (!request.setters.has(key)) {
        plan.warn(node.range[0], `no image is configured for Flux setter "${setter}"; the marked value is left as it is`);
      } else if (!isFlowScalar(node)) {
        plan.warn(node.range[0], `Flux setter "${setter}" marks a block scalar, which is never edited`);
      } else {
        const groupKey = `${index} ${key}`;
        const group = groups.get(groupKey) ?? [];
        if (group.length === 0) groups.set(groupKey, group);
        group.push({ node, setter, part, inFlow, document });
      }
    });
  });

  // A setter's tag decision in one document also governs its `:name`/`:digest` fields in
  // documents that have no tag of their own, so a refused downgrade is never half-applied.
  const refusedInFile = new Map<string, boolean>();
  const decisions = [...groups.values()].map((fields) => {
    const key = splitSetter(fields[0]!.setter, request.setters).key;
    const update = request.setters.get(key)!;
    const current = groupVersion(fields);
    const hasTag = fields.some((field) => field.part === "ref" || field.part === "tag");
    if (hasTag && !refusedInFile.has(key)) refusedInFile.set(key, isRefused(update, current));
    return { fields, key, update, current, hasTag };
  });
  for (const { fields, key, update, current, hasTag } of decisions) {
    const refused = hasTag ? isRefused(update, current) : (refusedInFile.get(key) ?? false);
    const next = refused ? undefined : nextVersion(update, current);
    for (const field of fields) {
      const value = markedValue(field, update, next, refused);
      if (value !== undefined) plan.setScalar(field.node, value, field.inFlow, { kind: "setter", key: field.setter, document: field.document });
    }
  }
};

/** What a marked field should hold, or undefined to leave it. */
function markedValue(field: MarkedField, update: ImageUpdate, next: Version | undefined, refused: boolean): string | undefined {
  switch (field.part) {
    case "ref": {
      // Each whole reference decides on its own, like Flux; the name always follows the setter.
      const own = refVersion(scalarText(field.node));
      if (isRefused(update, own)) return undefined;
      return formatImageRef({ name: update.image.name, ...(nextVersion(update, own) ?? own) });
    }
    case "tag":
      return next?.tag;
    case "digest":
      return next ? (next.digest ?? "") : undefined;
    case "name":
      return refused ? undefined : update.image.name;
  }
}
