/**
 * An update request as a person or a workflow states it (strings, as on the command line
 * or in Action inputs), and its validation. Everything here is checked before the tree
 * is read for editing, so bad input never leaves a half-edited tree.
 */
import { describeValue, formatDiagnostic, SourceError, type Diagnostic } from "../change.js";
import { formatImageRef, ImageRefError, isTag, lowerCasedReference, parseImageRef, tryParseImageRef, type ImageRef } from "../image/reference.js";
import { OverrideSpecError, parseOverridePath, parseOverrideSpec, type OverrideOperation } from "../kcl/override-spec.js";
import { usableSpecValue } from "../kcl/spec-value.js";
import { renamesIn } from "../yaml/kustomize.js";
import { parseYamlSpec, type Renamed } from "../yaml/path.js";
import type { Config } from "./config.js";
import { fileKind, kclModNotSet, type FileKind } from "./file-kind.js";
import { globFault } from "./path-glob.js";
import { byIndex, givenValue, type FieldNamer, type RequestField } from "../field-name.js";
import { closest, didYouMean } from "../text/closest.js";

/** What to update; at least one image, setter or set. */
export interface UpdateRequest {
  /** Incoming image references (`ghcr.io/acme/app:1.2.4[@sha256:…]`); default none. */
  readonly images?: readonly string[] | undefined;
  /** Flux marker keys with an explicit value: `automation-ns:policy=repo:tag[@digest]`; default none. */
  readonly setters?: readonly string[] | undefined;
  /** Override specs for one file: `main.k:config.containers.app.image="repo:tag"`, `values.yaml:image.tag=1.2.3`; default none. */
  readonly sets?: readonly string[] | undefined;
  /** Globs (relative to the root) restricting which files are scanned; default (empty) all. */
  readonly paths?: readonly string[] | undefined;
  /**
   * Where the root is in its repository (`clusters`, as `git rev-parse --show-prefix` says it), for what
   * the tree names from the repository's root: an ImageUpdateAutomation's `spec.update.path`; default ""
   * (the root is the repository's).
   */
  readonly pathInRepository?: string | undefined;
  /**
   * The configuration: a file relative to the root, by default `.github/gitops-promote.yaml` when it
   * exists; `"none"` (NO_CONFIG) for none, where one sits unread (a file so named is `./none`); or
   * one parseConfig made, which no file of the tree then replaces (its overrides are still
   * checked against the tree, and messages name it "the configuration").
   */
  readonly config?: string | Config | undefined;
  /** Restrict the update to these configured targets (a dispatch payload's `targets`). */
  readonly targets?: readonly string[] | undefined;
  readonly allowDowngrade?: boolean | undefined;
  /** Let override specs create a missing path instead of failing. */
  readonly create?: boolean | undefined;
  /** How messages name a value of a field, as the face it came from spells it (`--image`, `input images`); default `image[0]`. */
  readonly fieldName?: FieldNamer | undefined;
  /**
   * For a Flux marker key nothing the run reads defines, asked only as that is about to be said: where an ImagePolicy
   * outside the root (in the repository above it) defines it and the run that reads it, in the face's words (the CLI's: `its
   * ImagePolicy is in flux-system/podinfo.yaml:9, outside clusters/my-cluster, …; to read it, run: gitops-promote update . --path
   * clusters/my-cluster`), said in place of keeping the ImagePolicy in the tree; undefined when nothing there defines it. Default: nothing is looked for.
   */
  readonly definedAbove?: ((key: string) => string | undefined) | undefined;
}

export type { FieldNamer, NamedField, RequestField, RequestSwitch } from "../field-name.js";

/**
 * One problem of a RequestError. `field` is set when the request is wrong rather than the tree, and
 * says what in it:
 * - a RequestField: a value given for that field cannot be used, whatever the tree holds (an image
 *   reference, a setter, a set that is not FILE:SPEC or whose spec its file's grammar cannot read,
 *   a path glob; validateRequest finds all but the grammar, which planUpdate checks before reading files);
 * - `"target"`: a target name that no configured target has, or `targets` that are no list of names;
 * - `"request"`: the request asks for nothing (no image, setter or set), or leaves unsaid which
 *   configuration to read where one is found that would not be (`gitops-promote.yaml` at the root),
 *   or is no object, or a switch or another field of it that is not a list has the wrong type (`create: "yes"`);
 * - `"config"`: the configuration is in error (its text, or an override it declares that its file
 *   does not allow), or the file the request names as configuration does not exist or is outside
 *   the root. `file` and `line` say where.
 *
 * Unset, the tree does not have what the request names, or does not parse: a set's file is missing,
 * outside the paths, or lacks the path (without `create`), a file to edit is not UTF-8 or does not parse.
 * The CLI exits 2 (bad usage) for a request issue other than `"config"`, 1 for the others.
 */
export interface RequestIssue extends Diagnostic {
  readonly field?: RequestField | "target" | "request" | "config";
}

/**
 * Input that cannot be used; `issues` lists every problem found, each naming where it is: a file
 * and line, or a field of the request in its message (`--image: ...`), and whether the request or
 * the tree is wrong (RequestIssue).
 */
export class RequestError extends Error {
  constructor(readonly issues: readonly RequestIssue[]) {
    super(issues.map(formatDiagnostic).join("\n"));
    this.name = "RequestError";
  }
}

/** A `--set` override: one file, one spec in that file's own grammar. */
export interface FileOverride {
  readonly file: string;
  readonly spec: string;
}

export interface ValidRequest {
  readonly images: readonly ImageRef[];
  readonly setters: ReadonlyMap<string, ImageRef>;
  readonly sets: readonly FileOverride[];
}

/** A problem with one field, named as it was given: `--image`, `image[1]`, `client_payload.images`. */
export interface FieldIssue {
  readonly field: string;
  readonly reason: string;
}

const SETTER_KEY = /^[^\s:="]+:[^\s:="]+$/;
/** A Flux marker's key for one part of the reference (`flux-system:app:tag`): what a marker holds, not what --setter takes. */
const PART_KEY = /^([^\s:="]+:[^\s:="]+):(tag|name|digest)$/;

/**
 * What names the repository of a value given as a tag alone (`--setter flux-system:app=1.2.3`),
 * for the whole reference a message offers instead: the configuration's, and the tree's Flux objects'
 * (validate-in-tree.ts knownImagesIn reads them for a refused request).
 */
export interface KnownImages {
  /** The image each setter key is configured with (`setters:`), or its Flux ImagePolicy's one ImageRepository names. */
  readonly setters?: ReadonlyMap<string, Pick<ImageRef, "name">>;
  /** The repositories the targets name: one alone is the one an `--image` given as a tag alone meant. */
  readonly repositories?: readonly string[];
}

/**
 * Whether `text`, which reads as a bare repository (`1.3.1` is Docker Hub's library/1.3.1), is
 * rather a version tag given alone: one path component that starts as a version does.
 */
function isTagAlone(text: string): boolean {
  return !text.includes("/") && /^v?[0-9]/.test(text) && isTag(text);
}

/** What a refusal offers in place of a repository it does not know (KnownImages names it). */
export const UNKNOWN_REPOSITORY = "<repository>";

/** `value`, given for one part of a reference, as a whole reference to offer instead; `repository` as written, when known. */
function wholeReference(value: string, repository = UNKNOWN_REPOSITORY): string {
  if (isTagAlone(value)) return `${repository}:${value}`;
  const image = tryParseImageRef(value);
  if (!image) return `${repository}:<tag>`;
  // A repository alone, as a :name marker holds it, is told its tag's place.
  return image.tag === undefined && image.digest === undefined ? `${value}:<tag>` : value;
}

/**
 * An incoming image reference, or what is wrong with it. A bare repository names no version
 * to write, so it would change nothing; it is refused rather than silently ignored. A tag given
 * alone is told the whole reference to give, with `repository` (as written) when the caller knows it.
 */
function parseIncomingImage(text: string, field: string, repository?: string): ImageRef | FieldIssue {
  let image: ImageRef;
  try {
    image = parseImageRef(text);
  } catch (error) {
    return { field, reason: error instanceof ImageRefError ? error.message : String(error) };
  }
  if (image.tag === undefined && image.digest === undefined) {
    if (isTagAlone(text))
      return { field, reason: `${JSON.stringify(text)} is a tag alone; give the full reference, e.g. ${repository ?? UNKNOWN_REPOSITORY}:${text}` };
    return { field, reason: `${JSON.stringify(text)} has no tag or digest; give repo:tag or repo@sha256:...` };
  }
  return image;
}

/**
 * Whether `text` is written as `kustomize edit set image` takes an image, NAME=REF (`podinfo=ghcr.io/stefanprodan/podinfo:6.0.0`):
 * a name, then a reference that parses. The hint names no part of the text: the whole may be a secret the runner masks only as written.
 */
function kustomizeSetImage(text: string): boolean {
  const eq = text.indexOf("=");
  return eq > 0 && tryParseImageRef(text.slice(eq + 1)) !== undefined;
}

/** How an image is given instead, and how the kustomization entry NAME=REF writes is found (kustomize.ts): by its newName, else its name. */
const KUSTOMIZE_SET_IMAGE_HINT =
  "NAME=REF is kustomize edit set image's syntax: give the reference after '=' alone, " +
  "which moves a kustomization's images: entry whose newName (or name, when it has no newName) is its repository";

/**
 * The images a request brings, each a valid reference with a version and each repository once: two tags of
 * one repository would be two competing values for the same fields. The dispatch payload is
 * checked with this too, so the sender refuses what the receiver would. `entry` names the
 * i-th value as its sender gave it (`--image`, `client_payload.images[1]`).
 */
export function checkIncomingImages(
  texts: readonly string[],
  entry: (index: number) => string,
  known: KnownImages = {},
): { readonly images: readonly ImageRef[]; readonly issues: readonly FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const images: ImageRef[] = [];
  const seen = new Map<string, string>();
  const [only, ...others] = known.repositories ?? [];
  // Named as given, not as the repository reads (its registry lower-cased): a secret in it is masked only as written.
  texts.forEach((text, i) => {
    const image = parseIncomingImage(text, entry(i), others.length === 0 ? only : undefined);
    if ("reason" in image) {
      issues.push(kustomizeSetImage(text) ? { ...image, reason: `${image.reason}; ${KUSTOMIZE_SET_IMAGE_HINT}` } : image);
      return;
    }
    const earlier = seen.get(image.repository);
    if (earlier) issues.push({ field: entry(i), reason: `${earlier} and ${formatImageRef(image)} name one repository; give each repository once` });
    seen.set(image.repository, formatImageRef(image));
    images.push(image);
  });
  return { images, issues };
}

/**
 * A `--set` value split at its first `:` into file and spec, or why it cannot be, named as `fieldName` names the
 * set (the request's face). A spec pasted from `kcl -O` without its file (`a.image="repo:tag"`) would split inside its
 * value: a part before the `:` with `=` or a quote is no file name, and is told to put the file first. A value in
 * quotes has the quotes a shell would have taken off: in an Action input or a library's list they reach the tool.
 * The file must be one a set edits (notASetFile), whether or not the tree has it. The colon of a Windows drive
 * (`C:\work\main.k:spec`) is the file's own.
 */
export function parseSet(text: string, fieldName?: FieldNamer): FileOverride | string {
  if (/^["']/.test(text))
    return `${JSON.stringify(text)} is quoted; drop the quotes: in \`${(fieldName ?? byIndex)("set", undefined, true)}\` the value reaches the tool as written`;
  const colon = text.indexOf(":", /^[A-Za-z]:[\\/]/.test(text) ? 2 : 0);
  if (colon <= 0 || colon === text.length - 1)
    return `${JSON.stringify(text)} is not FILE:SPEC, e.g. main.k:config.containers.app.image="ghcr.io/acme/app:1.2.3"`;
  const file = text.slice(0, colon);
  const spec = text.slice(colon + 1);
  if (/[="']/.test(file) || (fileKind(file) === undefined && isUnionWithoutFile(file, spec))) return fileFirst(text);
  const refused = notASetFile(file, fieldName);
  if (refused) return refused;
  return { file: file.replace(/^\.\//, ""), spec };
}

/**
 * Why a set cannot edit `file`, or undefined when it can (a .k, .yaml or .yml file, or a Kustomization): a kcl.mod
 * (kclModNotSet, named as `fieldName` says), or a file of any other kind, which no editor reads, so that a set
 * neither edits `notes.txt` as YAML nor looks for it in the tree.
 */
export function notASetFile(file: string, fieldName?: FieldNamer): string | undefined {
  switch (fileKind(file)) {
    case "kcl-mod":
      return `${file}: ${kclModNotSet(fieldName)}`;
    case undefined:
      return `${file} is not a .k, .yaml or .yml file, the only files a set edits`;
    default:
      return undefined;
  }
}

/**
 * Whether a `--set` value is a `kcl -O` union pasted without its file (`config.containers:{web = {}}`), split at its
 * operator: before the `:` a field path (which has no `/`, as a file's may), after it no spec.
 */
function isUnionWithoutFile(file: string, spec: string): boolean {
  return !file.includes("/") && readsAsKcl(() => parseOverridePath(file)) && !readsAsKcl(() => parseOverrideSpec(spec));
}

/** Whether `read` reads its text by kcl -O's grammar. */
function readsAsKcl(read: () => unknown): boolean {
  try {
    read();
    return true;
  } catch (error) {
    if (error instanceof OverrideSpecError) return false;
    throw error;
  }
}

/** The field a `--set` spec names, how, and the value it assigns there (undefined for a KCL union, append or delete, which do not replace it). */
export interface SetField {
  /** The path as written in the spec. */
  readonly path: string;
  /** The path's keys as its grammar reads them, indexes as strings: `a[0]`, `a.0` and `a["0"]` are one field, `a["x.y"]` and `a.x.y` two. */
  readonly keys: readonly string[];
  /** KCL's `-O` operation; a YAML spec assigns (`=`). */
  readonly operation: OverrideOperation;
  readonly value: string | undefined;
}

/**
 * A `--set` spec read by the grammar of its file's kind (KCL's `-O` for `.k`, a dotted path for YAML), which does not
 * depend on the file's contents: the field it names, or (`error`) what is malformed in it, a KCL value that is not one
 * expression KCL reads whole included (OverrideSpecError for KCL), its advice naming the request's fields as `fieldName`
 * does (and a kustomize image the file renames by its newName, where `renamed` gives the file's renames). Neither for a file
 * of no kind the tool edits, nor for a kcl.mod, which no `--set` edits (parseSet refuses them).
 * The one reading of a spec: the request's checks, the CLI's and the overrides' comparisons of fields all take it.
 */
export function trySetSpec(
  kind: FileKind | undefined,
  spec: string,
  fieldName?: FieldNamer,
  renamed?: Renamed,
): { readonly field?: SetField; readonly error?: SourceError } {
  try {
    return { field: readSpec(kind, spec, fieldName, renamed) };
  } catch (error) {
    if (error instanceof SourceError) return { error };
    throw error;
  }
}

/**
 * What is malformed in a `--set` spec, by its file's grammar (trySetSpec); undefined for a spec that reads. `text`, the
 * file's where a face has read it: the advice for a yq selector then names an image its kustomize `images:` renames by the newName.
 */
export function setSpecError(set: FileOverride, fieldName?: FieldNamer, text?: string): SourceError | undefined {
  return trySetSpec(fileKind(set.file), set.spec, fieldName, text === undefined ? undefined : renamesIn(text, set.file)).error;
}

function readSpec(kind: FileKind | undefined, spec: string, fieldName?: FieldNamer, renamed?: Renamed): SetField | undefined {
  switch (kind) {
    case "kcl": {
      const read = parseOverrideSpec(spec);
      if (read.operation !== "-") usableSpecValue(read, spec, fieldName);
      return { path: read.path, keys: read.parts, operation: read.operation, value: read.operation === "=" ? read.value : undefined };
    }
    case "yaml": {
      const read = parseYamlSpec(spec, fieldName, renamed);
      return { path: read.path, keys: read.segments.map(String), operation: "=", value: read.value };
    }
    case "kcl-mod":
    case undefined:
      return undefined;
  }
}

/**
 * Why a `--set` value that starts with a spec is refused, and how to write it: the file put
 * first, or, when it is there with a space where its `:` goes (`main.k config.app.image="x:1"`), that `:`.
 */
function fileFirst(text: string): string {
  const spaced = /^(\S+)\s+(\S.*)$/s.exec(text);
  if (spaced && fileKind(spaced[1]!) !== undefined)
    return `${JSON.stringify(text)} has a space after its file where FILE:SPEC has a ':'; write ${spaced[1]}:${spaced[2]}`;
  return `${JSON.stringify(text)} starts with a spec, not a file: FILE:SPEC names the file first, e.g. main.k:${text}`;
}

/**
 * Why a request that brings no image, setter or set is refused, each named as `name` names the field (the library: "an image", ...);
 * `payload`, the face's way of giving a dispatch payload, where it has one (the CLI's --payload).
 */
export function nothingToUpdate(name?: FieldNamer, payload?: string): string {
  const ways = [...(name ? [name("image"), name("setter"), name("set")] : ["an image", "a setter", "a set"]), ...(payload === undefined ? [] : [payload])];
  return `nothing to update: give ${ways.slice(0, -1).join(", ")} or ${ways.at(-1)!}`;
}

/**
 * A list field's strings, none when it is left out. What is no list of strings, which a JavaScript
 * caller can pass, is `said` and read as none: an issue of its own, not a crash further on.
 * `named` names the list's i-th value, or the field without an index.
 */
function stringsOf(value: unknown, named: (index?: number) => string, said: (message: string) => void): readonly string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    said(`${named()}: must be a list of strings, not ${describeValue(value)}`);
    return [];
  }
  const wrong = value.flatMap((item: unknown, i) => (typeof item === "string" ? [] : [i]));
  for (const i of wrong) said(`${named(i)}: must be a string, not ${describeValue(value[i])}`);
  return wrong.length === 0 ? (value as string[]) : [];
}

/** Whether a request's `config` is what its type says, which a JavaScript caller may not give (a configuration's plain object, not parsed). */
export function isConfigField(config: unknown): boolean {
  if (config === undefined || typeof config === "string") return true;
  const parsed = config as Partial<Config> | null;
  return Array.isArray(parsed?.targets) && parsed.setters instanceof Map && Array.isArray(parsed.overrides);
}

/** Why a path the request names (a glob, the configuration) names nothing inside the root; undefined when it is relative and stays inside. */
function outsideRoot(path: string): string | undefined {
  if (path.startsWith("/") || /^[A-Za-z]:[\\/]/.test(path)) return "must be relative to the root";
  if (path.split(/[\\/]/).includes("..")) return 'must stay inside the root (no "..")';
  return undefined;
}

/** The request's switches. */
const SWITCHES = ["allowDowngrade", "create"] as const;

/** Every key of a request, each listed once: one UpdateRequest gains is refused until it is listed here. */
const REQUEST_KEYS: Readonly<Record<keyof UpdateRequest, true>> = {
  images: true,
  setters: true,
  sets: true,
  paths: true,
  pathInRepository: true,
  config: true,
  targets: true,
  allowDowngrade: true,
  create: true,
  fieldName: true,
  definedAbove: true,
};

/** The request's string lists, as given (validateRequest checks each value). */
interface RequestLists {
  readonly images: readonly string[];
  readonly setters: readonly string[];
  readonly sets: readonly string[];
  readonly paths: readonly string[];
}

/**
 * The request's fields of a type TypeScript would not let through and a JavaScript caller can give (`targets: "x"`,
 * `create: "yes"`), each said (named as `name` names the request's fields, the others by their key) and read as left
 * out: an issue of its own, not a crash or a silent `true` further on. So is a key no request has (`set:`, `allowdowngrade:`),
 * which would otherwise drop what it holds without a word, named with the key it was most likely meant as.
 * The lists' strings come back, none for a list refused.
 */
function readShape(request: UpdateRequest, name: FieldNamer, issues: RequestIssue[]): RequestLists {
  const say = (field: RequestIssue["field"], message: string) => issues.push({ field, message });
  const keys = Object.keys(REQUEST_KEYS);
  for (const key of Object.keys(request).filter((key) => !Object.hasOwn(REQUEST_KEYS, key))) {
    const meant = closest(key, keys) ?? keys.find((known) => known.toLowerCase() === key.toLowerCase());
    say("request", `${key}: unknown key of the request${meant ? didYouMean(meant) : ` (expected ${keys.join(", ")})`}`);
  }
  const list = (field: RequestField, value: unknown) =>
    stringsOf(
      value,
      (i) => name(field, i),
      (message) => say(field, message),
    );
  const lists = {
    images: list("image", request.images),
    setters: list("setter", request.setters),
    sets: list("set", request.sets),
    paths: list("path", request.paths),
  };
  stringsOf(
    request.targets,
    (i) => (i === undefined ? "targets" : `targets[${i}]`),
    (message) => say("target", message),
  );
  if (!isConfigField(request.config))
    say("config", `config: must be a path relative to the root or what parseConfig returns, not ${describeValue(request.config)}`);
  for (const key of SWITCHES)
    if (request[key] !== undefined && typeof request[key] !== "boolean") say("request", `${key}: must be true or false, not ${describeValue(request[key])}`);
  if (request.pathInRepository !== undefined && typeof request.pathInRepository !== "string")
    say("request", `pathInRepository: must be a string, not ${describeValue(request.pathInRepository)}`);
  if (request.fieldName !== undefined && typeof request.fieldName !== "function")
    say("request", `fieldName: must be a function, not ${describeValue(request.fieldName)}`);
  if (request.definedAbove !== undefined && typeof request.definedAbove !== "function")
    say("request", `definedAbove: must be a function, not ${describeValue(request.definedAbove)}`);
  return lists;
}

/**
 * Checks every field and collects all problems into one RequestError; each names its field in its
 * message and in `field`, none is in a file. A request with no image, setter or set is refused:
 * it could change nothing. So is what is no request at all (`null`), which a JavaScript caller can pass.
 */
export function validateRequest(request: UpdateRequest, known: KnownImages = {}): ValidRequest {
  if (typeof request !== "object" || request === null || Array.isArray(request)) {
    const given = request === undefined ? "nothing" : describeValue(request);
    throw new RequestError([{ field: "request", message: `the request must be an object, e.g. { images: ["ghcr.io/acme/app:1.2.4"] }, not ${given}` }]);
  }
  // A namer that is no function is said below, and not called.
  const fieldName = typeof request.fieldName === "function" ? request.fieldName : undefined;
  const name = fieldName ?? byIndex;
  const issues: RequestIssue[] = [];
  const issue = (field: RequestField, message: string) => issues.push({ field, message });
  const { images: imageTexts, setters: setterTexts, sets: setTexts, paths } = readShape(request, name, issues);
  if (issues.length === 0 && imageTexts.length + setterTexts.length + setTexts.length === 0)
    issues.push({ field: "request", message: nothingToUpdate(fieldName) });
  const checked = checkIncomingImages(imageTexts, (i) => name("image", i), known);
  issues.push(...checked.issues.map(({ field, reason }) => ({ field: "image" as const, message: `${field}: ${reason}` })));
  // Dispatch's advice, from the one place that gives it: the name most often comes from `${{ github.repository }}`, which keeps the owner's case.
  const hint = upperCaseHint(imageTexts);
  if (hint) issues.push({ field: "image", message: `${name("image", hint.index)}: ${hint.message}` });
  const { images } = checked;
  const parse = (field: string, text: string, key: string): ImageRef | undefined => {
    const image = parseIncomingImage(text, field, known.setters?.get(key)?.name);
    if (!("reason" in image)) return image;
    issue("setter", `${field}: ${image.reason}`);
    return undefined;
  };

  const setters = new Map<string, ImageRef>();
  setterTexts.forEach((text, i) => {
    const eq = text.indexOf("=");
    const key = eq < 0 ? text : text.slice(0, eq);
    const part = PART_KEY.exec(key);
    if (eq >= 0 && part) {
      const [whole, which] = [part[1]!, part[2]!];
      issue(
        "setter",
        `${name("setter", i)}: ${JSON.stringify(key)} is the key of a marker for the ${which} alone; give the marker's key without ":${which}" ` +
          `and the whole reference, e.g. ${givenValue(fieldName, "setter", `${whole}=${wholeReference(text.slice(eq + 1), known.setters?.get(whole)?.name)}`)}: ` +
          "the key's :tag, :name and :digest markers each take their part of it",
      );
      return;
    }
    if (eq < 0 || !SETTER_KEY.test(key)) {
      issue("setter", `${name("setter", i)}: ${JSON.stringify(text)} is not <namespace>:<policy>=<image>, e.g. flux-system:app=ghcr.io/acme/app:1.2.3`);
      return;
    }
    const ref = parse(`${name("setter", i)} (${key})`, text.slice(eq + 1), key);
    const earlier = setters.get(key);
    if (ref && earlier) {
      issue("setter", `${name("setter", i)} (${key}): ${key} is given twice (${formatImageRef(earlier)} and ${formatImageRef(ref)}); give each key once`);
    } else if (ref) setters.set(key, ref);
  });

  const sets: FileOverride[] = [];
  // Two values for one field would leave it to the order of the specs which one the file gets.
  const assigned = new Map<string, { text: string; value: string }>();
  setTexts.forEach((text, i) => {
    const set = parseSet(text, fieldName);
    if (typeof set === "string") {
      issue("set", `${name("set", i)}: ${set}`);
      return;
    }
    sets.push(set);
    // A malformed spec is refused where it is read for its file.
    const { field } = trySetSpec(fileKind(set.file), set.spec);
    if (field?.value === undefined) return;
    const key = JSON.stringify([set.file, ...field.keys]);
    const earlier = assigned.get(key);
    if (!earlier) assigned.set(key, { text, value: field.value });
    else if (earlier.value !== field.value)
      issue(
        "set",
        `${name("set", i)}: ${set.file}:${field.path} is given twice (${JSON.stringify(earlier.text)} and ${JSON.stringify(text)}); give each field one value`,
      );
  });

  paths.forEach((glob, i) => {
    const fault = outsideRoot(glob) ?? globFault(glob);
    if (glob.trim() === "") issue("path", `${name("path", i)}: must not be empty`);
    else if (fault) issue("path", `${name("path", i)}: ${JSON.stringify(glob)} ${fault}`);
  });
  // A configuration outside the root is no file of the tree: said so, not "does not exist" (as the CLI says of its --config).
  const configOutside = typeof request.config === "string" ? outsideRoot(request.config) : undefined;
  if (configOutside) issues.push({ field: "config", message: `${name("config")}: ${JSON.stringify(request.config)} ${configOutside}` });

  if (issues.length > 0) throw new RequestError(issues);
  return { images, setters, sets };
}

/**
 * The advice for images refused for an upper-case name, and where such a name most often comes from:
 * `${{ github.repository }}` keeps the owner's case (`Acme-Corp/app`), which an image name may not have;
 * docker/metadata-action lower-cases the names it is given. It says what to write without writing it: a
 * lower-cased copy of the input would carry a secret the runner masks (case-sensitively) in the clear.
 * With the index of the first image that lower-casing its name makes valid; undefined when there is none.
 */
export function upperCaseHint(images: readonly string[]): { readonly index: number; readonly message: string } | undefined {
  const index = images.findIndex((text) => lowerCasedReference(text) !== undefined);
  if (index < 0) return undefined;
  return {
    index,
    message:
      "an image name is written in lower case: write its registry and repository in lower case and keep its tag as it is. " +
      "`${{ github.repository }}` and `${{ github.repository_owner }}` keep the owner's case (docker/metadata-action lower-cases the images it is given).",
  };
}
