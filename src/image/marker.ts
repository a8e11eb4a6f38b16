/**
 * Flux image-automation setter markers (`# {"$imagepolicy": "<ns>:<name>[:tag|:name|:digest]"}`),
 * whatever file format carries the comment, and what a marked field should hold. The grammar
 * is Flux's (kyaml FieldMeta.Read): every leading '#' stripped, the rest must be one JSON
 * object of string values. Flux silently ignores a comment that fails this; we read it as an
 * error when it clearly meant to be a marker, so the editor can say why nothing changed.
 */
import type { FullEditRequest, WarningKind } from "../change.js";
import { LineIndex } from "../text/line-index.js";
import { oneLine } from "../text/one-line.js";
import { noDigestFieldWarning } from "./no-digest-field.js";
import { formatImageRef, isDigest, isTag, tryParseImageRef } from "./reference.js";
import { nextVersion, versionOf, type ImageUpdate, type Version, type VersionNote } from "./update.js";

/**
 * A marker's key (Flux's SetterShorthand), unquoted: text without it holds neither a marker nor one
 * written in single quotes (readMarker's `ignored`).
 */
export const MARKER_KEY = "$imagepolicy";

/** Flux's screening token (the key with its quotes): text without it holds no marker. */
export const MARKER_TOKEN = JSON.stringify(MARKER_KEY);

/** What a marked field holds: the whole reference (`<ns>:<name>`) or one part of it. */
export type MarkerField = "ref" | "tag" | "name" | "digest";

export interface Marker {
  /** `<ns>:<name>`, the key EditRequest.setters is indexed by. */
  readonly key: string;
  readonly field: MarkerField;
  /** The setter as Flux names it: the key, plus `:tag`, `:name` or `:digest`. */
  readonly setter: string;
}

/**
 * A marker; a comment that tries to be one but is malformed (error: the value is left as it
 * is); a marker written in single quotes, which Flux reads as no marker (ignored: a warning,
 * and the value is treated as unmarked); or no marker (undefined).
 */
export type MarkerReading = { readonly marker: Marker } | { readonly error: string } | { readonly ignored: string } | undefined;

/** A marker a text holds, the 1-based line of the value it marks, and what that line holds besides the marker (the value, its key or item). */
export interface MarkerLine {
  readonly marker: Marker;
  readonly line: number;
  readonly before: string;
}

/**
 * The markers of a YAML text written as line comments after a value (`image: app:1 # {"$imagepolicy": "ns:app"}`,
 * how Flux's docs write them, or after the comma ending an entry of a flow collection:
 * `a:1, # {...}`), found by their token without parsing the file. A comment on a line of its
 * own is not read: it marks only a value opening the line below it (yaml/markers.ts's
 * headMarkers reads those). KCL's are read from its tokens (kcl/markers.ts).
 */
export function lineMarkers(text: string): MarkerLine[] {
  const found: MarkerLine[] = [];
  let lines: LineIndex | undefined;
  for (let at = text.indexOf(MARKER_TOKEN); at >= 0; at = text.indexOf(MARKER_TOKEN, at + MARKER_TOKEN.length)) {
    lines ??= new LineIndex(text);
    const line = lines.lineAt(at);
    const start = lines.lineStart(line)!;
    // The comment opens with the '#'s before the object holding the token, after a value on the line.
    const head = text.slice(start, at);
    const opening = /#+\s*\{\s*$/.exec(head);
    const before = opening && head.slice(0, opening.index).trim();
    if (!opening || !before || before.startsWith("#")) continue;
    const reading = readMarker(text.slice(start + opening.index, lines.lineStart(line + 1) ?? text.length).trimEnd());
    if (reading && "marker" in reading) found.push({ marker: reading.marker, line, before });
  }
  return found;
}

/** Read a comment, given with its leading '#'. */
export function readMarker(comment: string): MarkerReading {
  const body = comment.replace(/^#+/, "");
  const fields = stringObject(body);
  if (typeof fields === "string") return singleQuoted(body) ?? (body.includes(MARKER_TOKEN) ? { error: malformed(body, fields) } : undefined);
  const setter = fields.get(MARKER_KEY);
  if (setter === undefined) return undefined;
  // Kubernetes names hold no ':' or space, so the parts are unambiguous; nor a control character, which a warning naming the setter would print.
  const parts = /^([^:\s\p{Cc}]+:[^:\s\p{Cc}]+)(?::(tag|name|digest))?$/u.exec(setter);
  if (!parts) return { error: malformed(body, `"${setter}" is not <namespace>:<policy> optionally followed by :tag, :name or :digest`) };
  return { marker: { key: parts[1]!, field: (parts[2] as MarkerField | undefined) ?? "ref", setter } };
}

/**
 * A marker written in single quotes (`{'$imagepolicy': 'ns:app'}`, as a KCL or Python dict is),
 * named with the marker to write. Flux reads a marker as JSON, whose strings are double-quoted,
 * so it marks nothing: the value is treated as unmarked, as Flux treats it (moved by repository
 * where an unmarked one would be).
 */
function singleQuoted(body: string): MarkerReading {
  if (!body.includes("'")) return undefined;
  const json = body.replaceAll("'", '"');
  const reading = readMarker(json);
  if (reading === undefined || !("marker" in reading)) return undefined;
  return {
    ignored: oneLine(
      `${body.trim()} is no Flux setter marker: Flux reads a marker as JSON, whose strings are double-quoted, so it ignores this one and the value is treated as unmarked; write # ${json.trim()}`,
    ),
  };
}

/** Go's json.Unmarshal into map[string]string: the fields, or why the text is not such an object. */
function stringObject(text: string): ReadonlyMap<string, string> | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return "it is not one JSON object";
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return "it is not one JSON object";
  const fields = new Map<string, string>();
  for (const [key, value] of Object.entries(parsed)) {
    // Go leaves a string untouched when it decodes null into it: the field holds "".
    if (typeof value !== "string" && value !== null) return `the value of "${key}" is not a string`;
    fields.set(key, value ?? "");
  }
  return fields;
}

/** Said on one line (oneLine): a comment Flux's reader cuts at a line separator is read whole here, the separator with it. */
function malformed(body: string, reason: string): string {
  return oneLine(`malformed Flux setter marker ${body.trim()}: ${reason}; Flux ignores it, so the value is left as it is`);
}

/**
 * The warning for a marker whose key the request has no image for: an unknown key, or a
 * known one with why it is left here (`known`: EditRequest.knownSetters); none when that is no news.
 */
export function unknownSetterWarning(marker: Marker, known?: ReadonlyMap<string, string | undefined>): string | undefined {
  if (!known?.has(marker.key)) return `no image is configured for Flux setter "${marker.setter}"; the marked value is left as it is`;
  const why = known.get(marker.key);
  return why === undefined ? undefined : `Flux setter "${marker.setter}" ${why}`;
}

/** A marked field as an editor found it: its marker and the text it holds now. */
export interface MarkedText {
  readonly marker: Marker;
  readonly text: string;
}

/** The fields (at least one) one setter marks in one document, and the image the setter stands for. */
export interface SetterGroup<F extends MarkedText = MarkedText> {
  readonly update: ImageUpdate;
  readonly fields: readonly F[];
}

/** The version in a whole reference; nothing for a value that is not one. */
function refVersion(text: string): Version {
  const ref = tryParseImageRef(text);
  return versionOf(ref?.tag, ref?.digest);
}

/** Refused: the update would change the version, but its policy keeps the current one (`note` is told why when it ranks that one higher or equal). */
function isRefused(update: ImageUpdate, current: Version, note?: VersionNote): boolean {
  return nextVersion(update, current, note) === undefined && nextVersion({ image: update.image }, current) !== undefined;
}

/** The version a setter's fields describe together: the `:tag` and `:digest` fields, else a plain marked field. */
function groupVersion(fields: readonly MarkedText[]): Version {
  const text = (field: MarkerField) => fields.find((f) => f.marker.field === field)?.text || undefined;
  const plain = text("ref");
  const ref = plain === undefined ? {} : refVersion(plain);
  return versionOf(partOf("tag", text("tag")) ?? ref.tag, partOf("digest", text("digest")) ?? ref.digest);
}

/**
 * What a `:tag` or `:digest` field holds of its part: its text, or the part of a whole reference written
 * there (the editors warn at such a field); a digest field holding no digest pins nothing (`latest`,
 * a whole reference without one), and a tag field's text that reads as neither is kept as its tag.
 */
function partOf(field: "tag" | "digest", text: string | undefined): string | undefined {
  if (text === undefined || (field === "tag" ? isTag(text) : isDigest(text))) return text;
  const ref = tryParseImageRef(text);
  return ref ? ref[field] : field === "tag" ? text : undefined;
}

/**
 * What each marked field should hold (undefined: leave it), for groups in document order,
 * parallel to `groups` and their fields. A setter's tag decision in one group also governs
 * its `:name`/`:digest` fields in groups without a tag of their own, so a refused downgrade
 * is never half-applied. Each plain marker decides on its own version, like Flux. `kept` is
 * told of each field that keeps a version its policy ranks above or equal to the incoming one: a plain
 * marked field, or a group's `:tag` field; and of a `:tag` field with no `:digest` field beside it
 * given a digest alone, which it has nowhere to put (no-digest-field.ts), so nothing moves.
 */
export function markedValues<F extends MarkedText>(
  groups: readonly SetterGroup<F>[],
  kept?: (field: F, why: string, kind?: WarningKind) => void,
): (string | undefined)[][] {
  const refusedByKey = new Map<string, boolean>();
  const decisions = groups.map(({ update, fields }) => {
    const key = fields[0]!.marker.key;
    const current = groupVersion(fields);
    const hasTag = fields.some((f) => f.marker.field === "ref" || f.marker.field === "tag");
    if (hasTag && !refusedByKey.has(key)) refusedByKey.set(key, isRefused(update, current));
    return { update, fields, key, current, hasTag };
  });
  return decisions.map(({ update, fields, key, current, hasTag }) => {
    const tagField = fields.find((f) => f.marker.field === "tag");
    const refused = hasTag ? isRefused(update, current, tagField && kept && ((why, kind) => kept(tagField, why, kind))) : (refusedByKey.get(key) ?? false);
    const next = refused ? undefined : nextVersion(update, current);
    const pinnedBeside = fields.some((f) => f.marker.field === "ref" || f.marker.field === "digest");
    if (next && tagField && kept && update.image.tag === undefined && !pinnedBeside)
      kept(tagField, noDigestFieldWarning(update.image, `a digest field beside the tag, marked {"$imagepolicy": "${key}:digest"}, would take it`));
    return fields.map((field) => markedValue(field, update, next, refused, kept && ((why, kind) => kept(field, why, kind))));
  });
}

/**
 * A setter's fields in one document, split into the images they spell: the fields of one image
 * sit together (`repository`, `tag`, `digest` of one values block), so a field of a kind the
 * image at hand has already starts the next (`app.tag` and `worker.tag` are two images, each
 * decided on its own tag, as Flux writes each).
 */
function imagesOf<F extends MarkedText>(fields: readonly F[]): F[][] {
  const images: F[][] = [];
  let image: F[] = [];
  for (const field of fields) {
    if (image.some((f) => f.marker.field === field.marker.field)) {
      images.push(image);
      image = [];
    }
    image.push(field);
  }
  images.push(image);
  return images;
}

function markedValue({ marker, text }: MarkedText, update: ImageUpdate, next: Version | undefined, refused: boolean, note?: VersionNote): string | undefined {
  switch (marker.field) {
    case "ref": {
      // Flux writes Name + ":" + Tag [+ "@" + Digest]: the name always follows the setter.
      const own = refVersion(text);
      if (isRefused(update, own, note)) return undefined;
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

/** A field a marker marks, as an editor found it: where to warn about it, and how to write it or why it never is. */
export type MarkedSite = MarkedText & {
  /** A setter's fields decide together within one document (a KCL file is one). */
  readonly document: number;
  readonly warn: (message: string, kind?: WarningKind) => void;
} & ({ readonly write: (value: string) => void } | { readonly refusal: string });

type WritableSite = Extract<MarkedSite, { readonly write: unknown }>;

/**
 * The marked fields of one file and what they get, for every format: the editors only find
 * the fields and splice. A field whose key the request has no image for is warned about as it
 * is added, in the order the editor warns in; the others are written once all are known.
 */
export class MarkedFields {
  /** By document and setter key, in the order first met. */
  private readonly groups = new Map<string, WritableSite[]>();

  constructor(private readonly request: Pick<FullEditRequest, "setters" | "knownSetters">) {}

  add(site: MarkedSite): void {
    const { key } = site.marker;
    if (!this.request.setters.has(key)) {
      const warning = unknownSetterWarning(site.marker, this.request.knownSetters);
      if (warning) site.warn(warning);
    } else if ("refusal" in site) {
      site.warn(site.refusal);
    } else {
      const groupKey = `${site.document} ${key}`;
      const group = this.groups.get(groupKey) ?? [];
      if (group.length === 0) this.groups.set(groupKey, group);
      group.push(site);
    }
  }

  /** Writes every field whose value moves: the fields of one image of a setter in one document decide together (markedValues). */
  writeAll(): void {
    const groups = [...this.groups.values()].flatMap(imagesOf);
    const values = markedValues(
      groups.map((fields) => ({ update: this.request.setters.get(fields[0]!.marker.key)!, fields })),
      (field, why, kind) => field.warn(`Flux setter "${field.marker.setter}" ${why}`, kind),
    );
    groups.forEach((fields, g) =>
      fields.forEach((field, f) => {
        const value = values[g]![f];
        if (value !== undefined) field.write(value);
      }),
    );
  }
}
