/**
 * Commit messages: our default (`chore(deploy): ghcr.io/acme/app 1.2.3 -> 1.2.4` and the
 * files), or a user template with Flux's data model so an ImageUpdateAutomation's
 * `messageTemplate` keeps working when a repo moves from Flux to this Action.
 *
 * Templates are rendered by go-template.ts. Maps range in sorted key order, objects by their
 * fields as Go's text/template ranges struct keys (fmtsort), so the same change always gives the
 * same message, Flux's. `.Changed.Changes` is in file and line order (Flux's follows Go's random
 * map order).
 */
import type { Change, ObjectId } from "../change.js";
import { compareStrings, GO_PRINT, GoMap, renderTemplate, sortedEntries, type GoPrinted } from "./go-template.js";
import { shortDigest } from "../image/digest-pin.js";
import { isDigest, isTag, tryParseImageRef, type ImageRef } from "../image/reference.js";
import { counted } from "../text/counted.js";

/** What a commit message is made from. */
export interface CommitMessageInput {
  readonly changes: readonly Change[];
  /** The incoming images (inputs, payload and setter values), to name what was promoted. */
  readonly images: readonly ImageRef[];
  /** `.AutomationObject`: who automates; we use the repository (`owner/name`). */
  readonly automation: { readonly namespace: string; readonly name: string };
  /** `.Values`: extra strings for the template. */
  readonly values?: Readonly<Record<string, string>> | undefined;
}

/** The message for a commit: the template rendered when one is given, our default otherwise. Throws TemplateError for a template that does not parse or fails while running. */
export function commitMessage(template: string | undefined, input: CommitMessageInput): string {
  return template !== undefined && !isDefaultMessage(template) ? renderTemplate(template, templateData(input)) : defaultCommitMessage(input);
}

/** True when `template` gives our default message (none, or a blank one). */
export function isDefaultMessage(template: string | undefined): boolean {
  return template === undefined || template.trim() === "";
}

/**
 * `message` crediting `people` with GitHub's `Co-authored-by: Name <email>` trailers, one a
 * line, after a blank line at its end. A trailer paragraph the message already ends with (a
 * template's `Signed-off-by:`) takes them in: git reads only the last paragraph as trailers.
 */
export function withCoAuthors(message: string, people: readonly { readonly name: string; readonly email: string }[]): string {
  if (people.length === 0) return message;
  const text = message.replace(/(\r?\n)+$/, "");
  const paragraphs = text.split(/\r?\n[ \t]*\r?\n/);
  const endsInTrailers = paragraphs.length > 1 && paragraphs[paragraphs.length - 1]!.split(/\r?\n/).every((line) => /^[A-Za-z0-9-]+: /.test(line));
  return `${text}${endsInTrailers ? "\n" : "\n\n"}${people.map((p) => `Co-authored-by: ${p.name} <${p.email}>`).join("\n")}\n`;
}

// ---------------------------------------------------------------------------------------
// Default message

/** How our default subject begins: a Conventional Commits type and scope. */
export const DEFAULT_SUBJECT_TYPE = "chore(deploy): ";

/** `chore(deploy): <image> <old> -> <new>[, …]`, a blank line, and the changed files. */
export function defaultCommitMessage(input: CommitMessageInput): string {
  const promoted = input.images.flatMap((image) => promotion(image, input.changes) ?? []);
  const subject = promoted.length > 0 ? promoted.join(", ") : `update ${counted(input.changes.length, "image field")}`;
  const files = [...new Set(input.changes.map((c) => c.file))].sort();
  return `${DEFAULT_SUBJECT_TYPE}${subject}\n\n${files.map((f) => `- ${f}`).join("\n")}\n`;
}

/** A value written to a field: a change, or the pull request's row of one. */
export interface WrittenValue {
  readonly file: string;
  readonly old: string;
  readonly new: string;
}

/**
 * `<image> <old>[, <old>] -> <new>`: the incoming `image` and the versions the `values` that
 * write it replaced, as `imageVersion` gives them; undefined when none writes it. A file's tag
 * field and digest field held one version between them (`1.2.0@sha256:111111111111`), told as one.
 * The new version is writtenVersion's. The commit subject and the pull request's title both
 * say it, so they word a change alike.
 */
export function promotion(image: ImageRef, values: readonly WrittenValue[]): string | undefined {
  const byFile = new Map<string, { tags: string[]; digests: string[]; others: string[] }>();
  for (const value of values) {
    const part = writtenPart(value.new, image);
    if (part === undefined) continue;
    const file = byFile.get(value.file) ?? { tags: [], digests: [], others: [] };
    byFile.set(value.file, file);
    if (part === "reference") file.others.push(referenceVersion(value.old));
    else if (part === "pinned-tag") file.others.push(pinnedVersion(value.old));
    else if (part === "digest") {
      // A digest field that held no digest (blank, or added now) held no version: nothing to tell or pair.
      if (isDigest(value.old)) file.digests.push(shortDigest(value.old));
    } else file.tags.push(isDigest(value.old) ? shortDigest(value.old) : value.old);
  }
  if (byFile.size === 0) return undefined;
  const olds = [...byFile.values()].flatMap(({ tags, digests, others }) =>
    tags.length === 1 && digests.length === 1 ? [`${tags[0]}@${digests[0]}`, ...others] : [...tags, ...digests, ...others],
  );
  const from = olds.length === 0 ? "" : ` ${[...new Set(olds)].sort().join(", ")}`;
  return `${image.name}${from} -> ${writtenVersion(image, values)}`;
}

/** The version of `image` the `values` wrote: with its digest only when one of them took it (a tag field alone takes the tag). */
export function writtenVersion(image: ImageRef, values: readonly WrittenValue[]): string {
  if (image.tag === undefined || image.digest === undefined) return imageVersion(image);
  const pinned = values.some((value) => {
    const part = writtenPart(value.new, image);
    return part === "digest" || part === "pinned-tag" || (part === "reference" && value.new.includes("@"));
  });
  return pinned ? imageVersion(image) : image.tag;
}

/**
 * How a field's `value` writes `image`: as the whole reference (its repository, at a tag or
 * digest), its tag, its digest, or its tag pinned by its digest (a Helm `tag: 1.3.0@sha256:…`,
 * split-image.ts); undefined when it does not.
 */
export function writtenPart(value: string, image: ImageRef): "reference" | "tag" | "digest" | "pinned-tag" | undefined {
  const written = tryParseImageRef(value);
  if (written && written.repository === image.repository && (written.tag !== undefined || written.digest !== undefined)) return "reference";
  if (value === image.tag) return "tag";
  if (value === image.digest) return "digest";
  // The incoming digest after the tag (a digest alone keeps the tag written before it).
  const at = value.lastIndexOf("@");
  const pinned = at > 0 && value.slice(at + 1) === image.digest && (image.tag === undefined ? isTag(value.slice(0, at)) : value.slice(0, at) === image.tag);
  return pinned ? "pinned-tag" : undefined;
}

/** The version a whole reference held, as `imageVersion` gives it; the text as written when it is no reference with a tag or digest. */
function referenceVersion(text: string): string {
  const ref = tryParseImageRef(text);
  return ref && (ref.tag !== undefined || ref.digest !== undefined) ? imageVersion(ref) : text;
}

/** The version a tag field pinned by its digest held (`1.2.0@sha256:111111111111`); a tag alone as written. */
function pinnedVersion(text: string): string {
  const at = text.indexOf("@");
  return at > 0 && isDigest(text.slice(at + 1)) ? imageVersion({ tag: text.slice(0, at), digest: text.slice(at + 1) }) : text;
}

/** An image's version as a subject gives it: the tag, with the short digest when pinned, or the short digest alone. */
function imageVersion(ref: Pick<ImageRef, "tag" | "digest">): string {
  if (ref.tag !== undefined) return ref.digest !== undefined ? `${ref.tag}@${shortDigest(ref.digest)}` : ref.tag;
  return shortDigest(ref.digest ?? "");
}

// ---------------------------------------------------------------------------------------
// Flux's template data: TemplateData{AutomationObject, Changed, Values}

/** Flux's `update.Change`. `Setter` is the marker key for setter changes, the field path otherwise. */
interface FluxChange {
  readonly OldValue: string;
  readonly NewValue: string;
  readonly Setter: string;
}

/**
 * Flux's `ObjectIdentifier`, kyaml's ResourceIdentifier{TypeMeta{APIVersion, Kind}, NameMeta{Name,
 * Namespace}} flattened: its fields in that order, which Go ranges a map of them in (field by field),
 * and printed as Go prints the nested structs (GO_PRINT: Go's has no String method, so a template
 * may not call one).
 */
class ObjectIdentifier implements GoPrinted {
  constructor(
    readonly APIVersion: string,
    readonly Kind: string,
    readonly Name: string,
    readonly Namespace: string,
  ) {}
  [GO_PRINT](): string {
    return `{{{${this.APIVersion} ${this.Kind}} {${this.Name} ${this.Namespace}}}}`;
  }
}

/** Go's `types.NamespacedName`: prints as `namespace/name` (its String method, as templates print Stringers). */
class NamespacedName {
  constructor(
    readonly Namespace: string,
    readonly Name: string,
  ) {}
  String(): string {
    return `${this.Namespace}/${this.Name}`;
  }
}

type ObjectChanges = GoMap<ObjectIdentifier, readonly FluxChange[]>;

/**
 * Flux's `update.Result`, `.Changed`: a class, so that a template's error names its type as Go
 * would (go-template.ts), with `Changes` and `Objects` methods as Flux's, which a template calls
 * as fields and which print does not show.
 */
class Result {
  constructor(
    readonly FileChanges: GoMap<string, ObjectChanges>,
    changes: readonly FluxChange[],
    objects: ObjectChanges,
  ) {
    this.#changes = changes;
    this.#objects = objects;
  }
  // Private (#): no field a template reads or prints.
  readonly #changes: readonly FluxChange[];
  readonly #objects: ObjectChanges;
  Changes(): readonly FluxChange[] {
    return this.#changes;
  }
  Objects(): ObjectChanges {
    return this.#objects;
  }
}

/** Flux's `TemplateData`, the template's dot. */
class TemplateData {
  constructor(
    readonly AutomationObject: NamespacedName,
    readonly Changed: Result,
    readonly Values: GoMap<string, string>,
  ) {}
}

function templateData(input: CommitMessageInput): TemplateData {
  const objects = new Map<string, ObjectIdentifier>();
  const objectOf = (id: ObjectId | undefined): ObjectIdentifier => {
    const o = new ObjectIdentifier(id?.apiVersion ?? "", id?.kind ?? "", id?.name ?? "", id?.namespace ?? "");
    const key = [o.APIVersion, o.Kind, o.Name, o.Namespace].join("\0");
    const known = objects.get(key);
    if (known) return known;
    objects.set(key, o);
    return o;
  };
  const sorted = [...input.changes].sort((a, b) => compareStrings(a.file, b.file) || a.line - b.line);

  // Maps of objects range in Go's order of their fields (go-template.ts sorts them).
  const noChanges = (): ObjectChanges => new GoMap<ObjectIdentifier, readonly FluxChange[]>([], [], true);
  const fileChanges = new GoMap<string, ObjectChanges>([], noChanges());
  const byObject = noChanges();
  const all: FluxChange[] = [];
  const seen = new Set<string>();
  for (const change of sorted) {
    const fluxChange: FluxChange = { OldValue: change.old, NewValue: change.new, Setter: change.key };
    const object = objectOf(change.object);
    const perFile = fileChanges.get(change.file) ?? noChanges();
    fileChanges.set(change.file, perFile);
    perFile.set(object, [...(perFile.get(object) ?? []), fluxChange]);
    byObject.set(object, [...(byObject.get(object) ?? []), fluxChange]);
  }
  // Flux's Changes(): each file's objects' changes, de-duplicated across files. Flux's follows Go's
  // random map order, which keeps an object's changes together; ours is files and objects sorted,
  // the objects as a template ranges them (ObjectIdentifier's fields, go-template.ts's sortedEntries).
  for (const perFile of fileChanges.values())
    for (const [, changes] of sortedEntries(perFile))
      for (const fluxChange of changes) {
        const identity = JSON.stringify([fluxChange.OldValue, fluxChange.NewValue, fluxChange.Setter]);
        if (!seen.has(identity)) all.push(fluxChange);
        seen.add(identity);
      }

  return new TemplateData(
    new NamespacedName(input.automation.namespace, input.automation.name),
    new Result(fileChanges, all, byObject),
    new GoMap(Object.entries(input.values ?? {}), ""),
  );
}
