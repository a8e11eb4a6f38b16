/**
 * The dispatch payload, version 1 (DESIGN §7): what the app repo announces and the
 * manifests repo reads, as `client_payload` of a repository_dispatch or as the JSON of a
 * workflow_dispatch input named `payload`. One validator serves both ends, so a payload the
 * sender accepts is one the receiver accepts.
 *
 * GitHub's limits (REST description of POST /repos/{owner}/{repo}/dispatches, @octokit/openapi
 * 23.0.2): "The maximum number of top-level properties is 10. The total size of the JSON
 * payload must be less than 64KB." A workflow_dispatch's inputs have their own size limit
 * (workflow syntax, on.workflow_dispatch.inputs): "The maximum payload for `inputs` is 65,535
 * characters." We check them before sending, so the sender fails with a reason instead of
 * GitHub's bare 422, and the receiver refuses a payload GitHub would not have delivered.
 */
import { formatImageRef, parseImageRef } from "../image/reference.js";
import type { ImageRef } from "../image/reference.js";
import { TARGET_NAME, TARGET_NAME_RULE } from "./config.js";
import { checkIncomingImages } from "./request.js";
import { isActorLogin, splitRepositoryName } from "../github-name.js";
import { isRecord } from "../json-value.js";
import { oneLine } from "../text/one-line.js";
import { quotedExcerpt } from "../text/quoted-excerpt.js";
import { closest, didYouMean } from "../text/closest.js";

export const PAYLOAD_VERSION = 1;
export const MAX_TOP_LEVEL_KEYS = 10;
/** "less than 64KB": the UTF-8 bytes of the serialised JSON must stay below 65536. */
export const MAX_PAYLOAD_BYTES = 64 * 1024;
/** workflow_dispatch: "The maximum payload for `inputs` is 65,535 characters"; the payload's JSON text is the one input. */
export const MAX_INPUT_CHARACTERS = 65_535;
/**
 * How deep lists and objects may nest in a payload. GitHub states no limit, and 64KB of JSON
 * holds ~32,000 levels, past the stack of any recursive walk (JSON.stringify's, which measures
 * the size, fails near 10,000); no payload a sender means nests anywhere near this.
 */
export const MAX_PAYLOAD_NESTING = 1000;

/** Where the sending run came from; every field is optional because a CLI user has none of them. */
export interface PayloadSource {
  readonly repository?: string | undefined;
  readonly sha?: string | undefined;
  readonly ref?: string | undefined;
  readonly run_url?: string | undefined;
  readonly actor?: string | undefined;
}

/**
 * The sending run, from the variables a GitHub runner sets (`GITHUB_REPOSITORY`, `GITHUB_SHA`, ...);
 * what is not set is left out, as when a person runs the CLI.
 */
export function sourceFromEnv(env: Readonly<Record<string, string | undefined>>): PayloadSource {
  const { GITHUB_REPOSITORY: repository, GITHUB_RUN_ID: runId } = env;
  const runUrl = repository && runId ? `${env["GITHUB_SERVER_URL"] || "https://github.com"}/${repository}/actions/runs/${runId}` : undefined;
  return {
    ...(repository && { repository }),
    ...(env["GITHUB_SHA"] && { sha: env["GITHUB_SHA"] }),
    ...(env["GITHUB_REF"] && { ref: env["GITHUB_REF"] }),
    ...(runUrl && { run_url: runUrl }),
    ...(env["GITHUB_ACTOR"] && { actor: env["GITHUB_ACTOR"] }),
  };
}

/** The variable sourceFromEnv reads each field of the source from, as sourceEnvIssues names it; run_url is built of several. */
const SOURCE_VARIABLES: Readonly<Record<Exclude<keyof PayloadSource, "run_url">, string>> = {
  repository: "GITHUB_REPOSITORY",
  sha: "GITHUB_SHA",
  ref: "GITHUB_REF",
  actor: "GITHUB_ACTOR",
};

/**
 * Why the variables sourceFromEnv reads give a source the receiver refuses, one issue each, naming
 * the variable, its value and the form its field takes; empty when they give one it accepts. On a
 * runner GitHub sets them; elsewhere (the CLI) they are the user's, to be said as theirs rather
 * than as the payload's field, which the user never wrote.
 */
export function sourceEnvIssues(env: Readonly<Record<string, string | undefined>>): string[] {
  const source = sourceFromEnv(env);
  const issues = Object.entries(SOURCE_VARIABLES).flatMap(([key, variable]) => {
    const value = source[key as keyof typeof SOURCE_VARIABLES];
    const form = SOURCE_FORMS[key as keyof typeof SOURCE_VARIABLES];
    if (value === undefined || form.test(value)) return [];
    return [
      `${variable} ${quotedExcerpt(value)} is not ${form.expected}: the payload's source.${key} is read from it; set it to one, or unset it to leave source.${key} out`,
    ];
  });
  // The run's address is built of GITHUB_SERVER_URL and the repository: said of the server when the repository is not at fault.
  if (issues.length === 0 && source.run_url !== undefined && !SOURCE_FORMS.run_url.test(source.run_url)) {
    const server = env["GITHUB_SERVER_URL"] ?? "";
    // A value with an `@` may hold credentials: it is not quoted, as apiUrlFromEnv does not quote it.
    const quoted = server.includes("@") ? "" : ` ${quotedExcerpt(server)}`;
    issues.push(
      `GITHUB_SERVER_URL${quoted} is not a URL (e.g. https://github.example.com): the payload's source.run_url is built from it; set it to the server, or unset it for https://github.com`,
    );
  }
  return issues;
}

/** The workflow_dispatch input that carries the payload as JSON, on both ends. */
export const PAYLOAD_INPUT = "payload";

/** The event that carries a payload: it sets GitHub's size limit and the payload's field. */
export type DispatchKind = "repository_dispatch" | "workflow_dispatch";
/** The event field each kind carries the payload in, as messages name it. */
export const PAYLOAD_FIELDS: Readonly<Record<DispatchKind, string>> = {
  repository_dispatch: "client_payload",
  workflow_dispatch: `inputs.${PAYLOAD_INPUT}`,
};

export interface Payload {
  readonly v: typeof PAYLOAD_VERSION;
  /** Validated image references, `name[:tag][@digest]`. */
  readonly images: readonly string[];
  readonly source?: PayloadSource;
  /** Target names (`.github/gitops-promote.yaml` targets) the update is meant for; all when absent. */
  readonly targets?: readonly string[];
  /** Extra top-level keys the sender merged in (`client-payload`); carried, not interpreted. */
  readonly [extra: string]: unknown;
}

/** A payload that GitHub would refuse or the receiver cannot use; `field` is the JSON path. */
export class PayloadError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = "PayloadError";
  }
}

interface SourceForm {
  /** What the error says a field should be. */
  readonly expected: string;
  readonly test: (text: string) => boolean;
}

/**
 * The form of each `source` field. The receiver prints them (the log, commit-message templates,
 * pull requests), so each is held to its form, not only to being text: a newline or a `::` in
 * the sender's text would reach the runner as a workflow command. Empty means not given, as
 * buildPayload leaves such a field out.
 */
const SOURCE_FORMS: Readonly<Record<keyof PayloadSource, SourceForm>> = {
  repository: { expected: "OWNER/NAME", test: (text) => splitRepositoryName(text) !== undefined },
  sha: { expected: "a commit SHA (7 to 64 hex digits)", test: (text) => /^[0-9a-f]{7,64}$/i.test(text) },
  // git check-ref-format refuses these characters in any ref name, ":" among them.
  ref: { expected: "a git ref (refs/..., without spaces, control characters or any of ~^:?*[\\)", test: (text) => /^refs\/[^\s\p{Cc}~^:?*[\\]+$/u.test(text) },
  run_url: { expected: "an http(s) URL", test: isWebUrl },
  actor: { expected: "a GitHub login", test: isActorLogin },
};
const RESERVED_KEYS = new Set(["v", "images", "source", "targets"]);

export interface PayloadInput {
  readonly images: readonly string[];
  readonly source?: PayloadSource | undefined;
  readonly targets?: readonly string[] | undefined;
  /** Extra top-level keys; they count towards GitHub's 10-key limit and may not reuse ours. */
  readonly extra?: Readonly<Record<string, unknown>> | undefined;
}

/**
 * Build and validate a payload for the event `kind` that will carry it, held to that event's size
 * limit; throws PayloadError naming the field that is wrong, under the event's (PAYLOAD_FIELDS).
 */
export function buildPayload(input: PayloadInput, kind: DispatchKind = "repository_dispatch"): Payload {
  const where = PAYLOAD_FIELDS[kind];
  const extra = input.extra ?? {};
  for (const key of Object.keys(extra)) {
    const issue = reservedKeyIssue(key);
    if (issue) throw new PayloadError(`${where}.${key}`, issue);
  }
  const tooMany = extraKeysIssue(input);
  if (tooMany) throw new PayloadError(where, tooMany);
  return parsePayload({ ...ownPart(input), ...extra }, kind);
}

/** The keys gitops-promote writes: a source or targets with nothing in them is left out. */
function ownPart(input: PayloadInput): Record<string, unknown> {
  const source = input.source && withoutUndefined(input.source);
  return {
    v: PAYLOAD_VERSION,
    images: input.images,
    ...(source && Object.keys(source).length > 0 && { source }),
    ...(input.targets && input.targets.length > 0 && { targets: input.targets }),
  };
}

/**
 * Why the extra keys do not fit beside gitops-promote's own in GitHub's 10 top-level keys, with
 * the way out: one key holding them all counts once. Undefined when they fit. Said of the extra
 * keys, for the caller to name where they came from.
 */
export function extraKeysIssue(input: PayloadInput): string | undefined {
  const own = Object.keys(ownPart(input));
  const extra = Object.keys(input.extra ?? {});
  if (own.length + extra.length <= MAX_TOP_LEVEL_KEYS) return undefined;
  return (
    `${extra.length} extra keys (${extra.map(quotedExcerpt).join(", ")}) and gitops-promote's ${own.length} (${own.join(", ")}) ` +
    `make ${own.length + extra.length} top-level keys; GitHub allows at most ${MAX_TOP_LEVEL_KEYS}. ` +
    `Nest the extra keys under one, e.g. {"build": {${extra
      .slice(0, 2)
      .map((key) => `${quotedExcerpt(key)}: ...`)
      .join(", ")}, ...}}`
  );
}

/** Why the extra payload may not set `key` (gitops-promote writes it), or undefined when it may. */
export function reservedKeyIssue(key: string): string | undefined {
  return RESERVED_KEYS.has(key) ? `the extra payload may not set "${key}": gitops-promote writes it` : undefined;
}

/**
 * Validate a received payload: an object or its JSON text (the workflow_dispatch input), held to
 * the size limit of the event `kind` that carried it. `where` names it in errors; by default the
 * event's field (`client_payload`, `inputs.payload`).
 */
export function parsePayload(value: unknown, kind: DispatchKind = "repository_dispatch", where = PAYLOAD_FIELDS[kind]): Payload {
  const object = payloadObject(value, where);
  const keys = Object.keys(object);
  if (keys.length > MAX_TOP_LEVEL_KEYS) {
    throw new PayloadError(where, `has ${keys.length} top-level keys (${keys.map(quotedExcerpt).join(", ")}); GitHub allows at most ${MAX_TOP_LEVEL_KEYS}`);
  }
  const shape = shapeIssue(object);
  if (shape) throw new PayloadError(where, shape);
  const size = payloadSize(JSON.stringify(object), kind);
  if (size.over) throw new PayloadError(where, `is ${size.size} of JSON; ${size.limit}`);
  return payloadFields(object, where);
}

/**
 * Validate a payload that came by no event (`update --payload FILE`), parsed from its JSON text:
 * as parsePayload does, but against none of GitHub's limits on an event's payload (10 top-level
 * keys, 64KB of client_payload, 65,535 characters of inputs), which are the sender's to meet. A
 * file may hold one GitHub delivered by either event, or one no event carried; the update reads
 * either, as it reads --image given any number of times. Refused is only what cannot be read: a
 * payload of the wrong form, or one nesting deeper than MAX_PAYLOAD_NESTING.
 */
export function parseUnsentPayload(value: unknown, where: string): Payload {
  const object = payloadObject(value, where);
  // A text's JSON is a tree, its walk bounded by the text: no count of values bounds it here.
  const shape = shapeIssue(object, Number.POSITIVE_INFINITY);
  if (shape) throw new PayloadError(where, shape);
  return payloadFields(object, where);
}

/** The payload's object: `value` itself, or its JSON text parsed. */
function payloadObject(value: unknown, where: string): Record<string, unknown> {
  const object = typeof value === "string" ? parseJson(value, where) : value;
  if (!isRecord(object)) throw new PayloadError(where, `expected a JSON object, got ${describe(object)}`);
  return object;
}

/** The payload's own fields, each checked, and its extra keys as they are. */
function payloadFields(object: Record<string, unknown>, where: string): Payload {
  checkVersion(object["v"], `${where}.v`);
  const images = checkImages(object["images"], `${where}.images`, misspelt(object, "images"));
  const source = object["source"] === undefined ? undefined : checkSource(object["source"], `${where}.source`);
  // Without targets the run updates every target: a key spelt nearly so must not widen it unseen.
  const nearTargets = object["targets"] === undefined ? misspelt(object, "targets") : "";
  if (nearTargets !== "") throw new PayloadError(`${where}.targets`, `missing, so the run would update every target${nearTargets}`);
  const targets = object["targets"] === undefined ? undefined : checkTargets(object["targets"], `${where}.targets`);
  return { ...object, v: PAYLOAD_VERSION, images, ...(source && { source }), ...(targets && { targets }) };
}

/** A payload's JSON measured as GitHub measures it for one kind of event, and that event's limit. */
export interface PayloadSize {
  /** `N characters` or `N bytes`. */
  readonly size: string;
  /** GitHub's limit, as a sentence: `GitHub allows at most ...`. */
  readonly limit: string;
  readonly over: boolean;
}

/**
 * The payload's JSON against GitHub's size limit for `kind`: a repository_dispatch's client_payload
 * is measured in UTF-8 bytes, a workflow_dispatch's inputs in characters (the payload's JSON text
 * is the one input, sent as one string).
 */
export function payloadSize(json: string, kind: DispatchKind): PayloadSize {
  if (kind === "workflow_dispatch") {
    // Characters as a person counts them: a letter outside the BMP is one, not JavaScript's two UTF-16 units.
    const characters = [...json].length;
    return {
      size: `${characters} characters`,
      limit: `GitHub allows at most ${MAX_INPUT_CHARACTERS} characters in a workflow_dispatch's inputs`,
      over: characters > MAX_INPUT_CHARACTERS,
    };
  }
  const bytes = new TextEncoder().encode(json).length;
  return {
    size: `${bytes} bytes`,
    limit: `GitHub requires less than ${MAX_PAYLOAD_BYTES} bytes (64KB) in a repository_dispatch's client_payload`,
    over: bytes >= MAX_PAYLOAD_BYTES,
  };
}

/**
 * `; the payload has "image" (did you mean images?)` for a key the payload lacks, when it has one
 * spelt nearly so, which the receiver would carry as an extra key and never read; nothing otherwise.
 */
function misspelt(payload: Readonly<Record<string, unknown>>, key: string): string {
  const near = closest(
    key,
    Object.keys(payload).filter((name) => !RESERVED_KEYS.has(name)),
  );
  return near === undefined ? "" : `; the payload has ${JSON.stringify(near)}${didYouMean(key)}`;
}

function checkVersion(v: unknown, field: string): void {
  if (v === undefined) throw new PayloadError(field, `missing; expected ${PAYLOAD_VERSION} (the payload version)`);
  // A version of another type ("1", null) is no newer version: it is the number written wrong.
  if (typeof v !== "number") throw new PayloadError(field, `expected the number ${PAYLOAD_VERSION} (the payload version), got ${describe(v)}`);
  if (v !== PAYLOAD_VERSION) {
    throw new PayloadError(field, `version ${quoted(v)} is not supported; this gitops-promote reads version ${PAYLOAD_VERSION}`);
  }
}

/** The payload's images; `nearly` (misspelt's) follows the message that they are missing. */
function checkImages(value: unknown, field: string, nearly = ""): string[] {
  if (value === undefined) throw new PayloadError(field, `missing; expected a list of image references${nearly}`);
  if (!Array.isArray(value)) throw new PayloadError(field, `expected a list of image references, got ${describe(value)}`);
  if (value.length === 0) throw new PayloadError(field, "is empty; name at least one image");
  const texts = value.map((item: unknown, i) => {
    if (typeof item !== "string") throw new PayloadError(`${field}[${i}]`, `expected an image reference string, got ${describe(item)}`);
    return item;
  });
  const [issue] = checkIncomingImages(texts, (i) => `${field}[${i}]`).issues;
  if (issue) throw new PayloadError(issue.field, issue.reason);
  return texts;
}

function checkSource(value: unknown, field: string): PayloadSource {
  if (!isRecord(value)) throw new PayloadError(field, `expected an object, got ${describe(value)}`);
  for (const [key, form] of Object.entries(SOURCE_FORMS)) {
    const v = value[key];
    if (v !== undefined && typeof v !== "string") throw new PayloadError(`${field}.${key}`, `expected a string, got ${describe(v)}`);
    if (v && !form.test(v)) throw new PayloadError(`${field}.${key}`, `expected ${form.expected}, got ${describe(v)}`);
  }
  return value as PayloadSource;
}

/**
 * A link a pull request may show: https, or http, as the sender builds it from GITHUB_SERVER_URL,
 * which a server without TLS (a test double of GitHub) gives; never javascript: or data:. The text
 * as given must be the URL: the URL parser would drop a newline or a tab inside it, but the text
 * is what gets printed.
 */
function isWebUrl(text: string): boolean {
  if (/[\s\p{Cc}]/u.test(text)) return false;
  try {
    const { protocol } = new URL(text);
    return protocol === "https:" || protocol === "http:";
  } catch {
    return false;
  }
}

function checkTargets(value: unknown, field: string): string[] {
  if (!Array.isArray(value)) throw new PayloadError(field, `expected a list of target names, got ${describe(value)}`);
  return value.map((item: unknown, i) => {
    if (typeof item !== "string" || item.trim() === "") throw new PayloadError(`${field}[${i}]`, `expected a target name, got ${describe(item)}`);
    const issue = targetNameIssue(item);
    if (issue) throw new PayloadError(`${field}[${i}]`, issue);
    return item;
  });
}

/** Why `name` names no target anywhere (the configuration's grammar for target names), so a sender refuses what no receiver could match; undefined when it could. */
export function targetNameIssue(name: string): string | undefined {
  return TARGET_NAME.test(name) ? undefined : `${quotedExcerpt(name)} is not a target name: it ${TARGET_NAME_RULE}`;
}

/**
 * Image references from a build step's output, one per repository:
 * - docker/metadata-action's `json` output (`{"tags": [...], "labels": {...}}`): the tag equal
 *   to the `org.opencontainers.image.version` label (metadata-action's primary version), else
 *   the first tag listed. Several tags of one repository (`1.2.3`, `1.2`, `latest`) would be
 *   several competing updates of the same field, so only one is kept.
 * - docker/build-push-action's `metadata` output (`image.name` is a comma-separated list,
 *   `containerimage.digest` the pushed digest): the first name per repository, with its digest.
 * `digest` (build-push-action's `digest` output) is appended to every reference that has none.
 */
export function imagesFromMetadata(json: string, digest?: string, where = "metadata"): string[] {
  const data = parseMetadata(json, where);
  if (!isRecord(data)) throw new PayloadError(where, `expected a JSON object, got ${describe(data)}`);

  let names: string[];
  let preferredTag: string | undefined;
  let pushedDigest = digest?.trim() || undefined;
  if (Array.isArray(data["tags"])) {
    names = stringList(data["tags"], `${where}.tags`);
    const labels = data["labels"];
    const version = isRecord(labels) ? labels["org.opencontainers.image.version"] : undefined;
    if (typeof version === "string" && version !== "") preferredTag = version;
  } else if (typeof data["image.name"] === "string") {
    names = data["image.name"]
      .split(",")
      .map((name) => name.trim())
      .filter((name) => name !== "");
    const pushed = digestOf(data);
    if (pushedDigest !== undefined && pushed !== undefined && pushedDigest !== pushed) throw new PayloadError("digest", notPushed(pushedDigest, pushed, data));
    pushedDigest ??= pushed;
  } else {
    throw new PayloadError(
      where,
      `expected docker/metadata-action's json output (with "tags") or docker/build-push-action's metadata output (with "image.name"); got keys ${Object.keys(data).join(", ") || "(none)"}`,
    );
  }
  if (names.length === 0) throw new PayloadError(where, "names no image (no tags were generated or pushed)");

  const byRepository = new Map<string, ImageRef>();
  names.forEach((name, i) => {
    const field = Array.isArray(data["tags"]) ? `${where}.tags[${i}]` : `${where}["image.name"]`;
    const ref = parseRef(name, field);
    const chosen = byRepository.get(ref.repository);
    if (!chosen || (preferredTag !== undefined && ref.tag === preferredTag && chosen.tag !== preferredTag)) byRepository.set(ref.repository, ref);
  });
  return [...byRepository.values()].map((ref) => {
    const text = formatImageRef({ ...ref, digest: ref.digest ?? pushedDigest });
    parseRef(text, digest?.trim() ? "digest" : `${where}["containerimage.digest"]`);
    return text;
  });
}

/**
 * The `json` output of docker/metadata-action or build-push-action's `metadata`, refused with
 * the step output to pass instead: metadata-action's `tags` and `labels` outputs are lines, not JSON.
 */
function parseMetadata(text: string, where: string): unknown {
  try {
    return parseJson(text, where);
  } catch (error) {
    if (!(error instanceof PayloadError)) throw error;
    throw new PayloadError(
      where,
      `${error.reason}; it takes docker/metadata-action's \`json\` output (\`\${{ steps.meta.outputs.json }}\`) or docker/build-push-action's \`metadata\` output, ` +
        "not metadata-action's `tags` or `labels`. To announce a tag of your choosing, put it in `images`, one reference per image.",
    );
  }
}

/**
 * Why `digest` (the input) is not the digest build-push-action pushed (`pushed`, from its
 * `metadata`): a reference pinned to it names no pushed image, and the cluster cannot pull it.
 * Its `imageid` output, the digest of the image's config, is the usual mistake.
 */
function notPushed(digest: string, pushed: string, data: Record<string, unknown>): string {
  const pushedName = `${pushed} (metadata's "containerimage.digest", build-push-action's \`digest\` output)`;
  const fix = "leave `digest` out, as `metadata` carries the pushed digest, or pass the same step's `digest` output";
  if (digest === data["containerimage.config.digest"]) {
    return (
      `${digest} is the image ID (metadata's "containerimage.config.digest", build-push-action's \`imageid\` output): the digest of the image's config, ` +
      `which no registry pulls an image by, not the pushed manifest's digest ${pushedName}: ${fix}`
    );
  }
  return `${digest} differs from the digest build-push-action pushed, ${pushedName}: the references would name an image that was not pushed; ${fix}`;
}

function digestOf(data: Record<string, unknown>): string | undefined {
  const direct = data["containerimage.digest"];
  if (typeof direct === "string" && direct !== "") return direct;
  const descriptor = data["containerimage.descriptor"];
  const nested = isRecord(descriptor) ? descriptor["digest"] : undefined;
  return typeof nested === "string" && nested !== "" ? nested : undefined;
}

function parseRef(text: string, field: string): ImageRef {
  try {
    return parseImageRef(text);
  } catch (error) {
    throw new PayloadError(field, error instanceof Error ? error.message : String(error));
  }
}

function stringList(value: unknown[], field: string): string[] {
  return value.map((item, i) => {
    if (typeof item !== "string") throw new PayloadError(`${field}[${i}]`, `expected a string, got ${describe(item)}`);
    return item;
  });
}

/** JSON text, or a PayloadError at `where` saying why it is not JSON. */
export function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    // JSON.parse quotes the text around the fault as it is: a sender's newlines and escape codes stay off the line and the terminal.
    throw new PayloadError(where, `not valid JSON: ${oneLine(error instanceof Error ? error.message : String(error))}`);
  }
}

/**
 * Why `value` cannot be measured as JSON, walked without recursion: it nests deeper than
 * MAX_PAYLOAD_NESTING, or holds more values than 64KB of JSON could (each takes a byte at least),
 * which also bounds the walk of an object a library caller built with shared or circular parts.
 */
function shapeIssue(value: unknown, maxValues = MAX_PAYLOAD_BYTES): string | undefined {
  const pending: [unknown, number][] = [[value, 1]];
  for (let values = 0; pending.length > 0; values++) {
    if (values >= maxValues) return `holds more than ${MAX_PAYLOAD_BYTES} values; GitHub requires less than ${MAX_PAYLOAD_BYTES} bytes of JSON (64KB)`;
    const [item, depth] = pending.pop()!;
    if (typeof item !== "object" || item === null) continue;
    if (depth > MAX_PAYLOAD_NESTING) return `nests lists or objects more than ${MAX_PAYLOAD_NESTING} deep; no payload needs that many levels`;
    for (const child of Object.values(item)) pending.push([child, depth + 1]);
  }
  return undefined;
}

function withoutUndefined(source: PayloadSource): PayloadSource {
  return Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
}

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  return `${typeof value} ${quoted(value)}`;
}

/** A value as an error quotes it back: a text cut short when long (a sender's may be 60 KB), a list or an object by its kind. */
function quoted(value: unknown): string {
  if (typeof value === "string") return quotedExcerpt(value);
  return typeof value === "object" && value !== null ? describe(value) : JSON.stringify(value);
}
