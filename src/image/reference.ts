/**
 * OCI image references: parse, validate, normalise, format.
 *
 * Grammar: the OCI distribution reference grammar (distribution/reference), with
 * Docker Hub's normalisation (`nginx` = `docker.io/library/nginx`). Validation is
 * strict on purpose: a reference is spliced into YAML and KCL source, so anything
 * that could break out of a scalar or a string literal is refused with a reason.
 */
import { quotedExcerpt } from "../text/quoted-excerpt.js";
import { escapeRegExp } from "../text/escape-regexp.js";

/** A parsed image reference. `name` is kept exactly as written; `repository` is canonical. */
export interface ImageRef {
  /** Registry and path as written, without tag or digest: `nginx`, `ghcr.io/acme/app`. */
  readonly name: string;
  /** Canonical repository: `docker.io/library/nginx`, `ghcr.io/acme/app`. */
  readonly repository: string;
  readonly tag?: string;
  readonly digest?: string;
}

export class ImageRefError extends Error {
  constructor(
    readonly input: string,
    readonly reason: string,
  ) {
    super(`invalid image reference ${quotedExcerpt(input)}: ${reason}`);
    this.name = "ImageRefError";
  }
}

const MAX_NAME_LENGTH = 255;
const MAX_TAG_LENGTH = 128;
const DOMAIN_COMPONENT = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])$/;
const IPV6 = /^\[[0-9a-fA-F:.]+\]$/;
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
/**
 * The digest algorithms a reference may name, with their hex length: the ones go-digest registers,
 * which distribution/reference (the kubelet's parse), containerd and CRI-O check a digest against.
 * Any other algorithm, an upper-case `SHA256` too, is `ErrDigestUnsupported` there: the pod stops
 * at InvalidImageName, so it is refused here rather than written. (The OCI image spec also
 * registers blake3, which go-digest knows only when a program imports it; the runtimes do not.)
 */
const DIGEST_HEX_LENGTH: ReadonlyMap<string, number> = new Map([
  ["sha256", 64],
  ["sha384", 96],
  ["sha512", 128],
]);
const SUPPORTED_ALGORITHMS = "sha256, sha384 and sha512, in lower case";
const DOCKER_HUB = "docker.io";

/** A tag as OCI distribution spells one. */
export function isTag(text: string): boolean {
  return TAG.test(text);
}

/**
 * Whether `text` is spelt as a digest, `<algorithm>:...` with an algorithm a reference may name, whatever its length:
 * a test's `sha256:1234567890abcdef` is a digest too short to be one, not the image `sha256` tagged `1234567890abcdef`.
 */
export function spelledAsDigest(text: string): boolean {
  const colon = text.indexOf(":");
  return colon > 0 && DIGEST_HEX_LENGTH.has(text.slice(0, colon));
}

/** Why `text` is no digest as a reference's grammar reads one (`a sha256 digest has 64 hex digits, this one has 3`); undefined for a digest. */
export function digestProblem(text: string): string | undefined {
  try {
    checkDigest(text, text);
    return undefined;
  } catch (error) {
    if (error instanceof ImageRefError) return error.reason;
    throw error;
  }
}

/** A digest as a reference's grammar reads one (`sha256:<64 hex>`). */
export function isDigest(text: string): boolean {
  return tryParseImageRef(`digest@${text}`)?.digest === text;
}

/** Characters that would let a value escape a YAML scalar or a KCL string, named for the error. */
function dangerousCharacter(text: string): string | undefined {
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === "\n" || ch === "\r") return "a newline";
    if (ch === " ") return "a space";
    if (ch === "\t") return "a tab";
    if (code < 0x20 || code === 0x7f) return `a control character (U+${code.toString(16).padStart(4, "0").toUpperCase()})`;
    if (ch === '"' || ch === "'" || ch === "`") return `a quote (${ch})`;
    if (ch === "#") return "a '#' (it would start a comment)";
    if (ch === "\\") return "a backslash";
    if (code > 0x7e) return `a non-ASCII character (${ch})`;
  }
  if (text.includes("${")) return "an interpolation ('${')";
  return undefined;
}

/** The registry a name spells out (`ghcr.io` of `ghcr.io/acme/app`); none for a Docker Hub name written without it (`acme/app`). */
export function writtenRegistry(name: string): string | undefined {
  const slash = name.indexOf("/");
  return slash > 0 && isDomain(name.slice(0, slash)) ? name.slice(0, slash) : undefined;
}

/** True when the first path component names a registry rather than a Docker Hub namespace. */
function isDomain(component: string): boolean {
  return component.includes(".") || component.includes(":") || component === "localhost" || component !== component.toLowerCase();
}

function checkDomain(input: string, domain: string): void {
  let host = domain;
  const portAt = domain.startsWith("[") ? domain.indexOf("]:") + 1 : domain.lastIndexOf(":");
  if (portAt > 0) {
    const port = domain.slice(portAt + 1);
    if (!/^[0-9]+$/.test(port) || Number(port) > 65535) throw new ImageRefError(input, `registry port ${JSON.stringify(port)} is not a number from 0 to 65535`);
    host = domain.slice(0, portAt);
  }
  if (IPV6.test(host)) return;
  for (const part of host.split(".")) {
    if (!DOMAIN_COMPONENT.test(part)) throw new ImageRefError(input, `registry host ${JSON.stringify(host)} is not a valid host name`);
  }
}

function checkDigest(input: string, digest: string): void {
  const colon = digest.indexOf(":");
  if (colon <= 0) throw new ImageRefError(input, `digest ${quotedExcerpt(digest)} is not <algorithm>:<hex>, e.g. sha256:<64 hex digits>`);
  const algorithm = digest.slice(0, colon);
  const hex = digest.slice(colon + 1);
  const expected = DIGEST_HEX_LENGTH.get(algorithm);
  if (expected === undefined)
    throw new ImageRefError(
      input,
      `unsupported digest algorithm ${quotedExcerpt(algorithm)}: Kubernetes and the container runtimes accept ${SUPPORTED_ALGORITHMS}`,
    );
  if (hex.length !== expected) throw new ImageRefError(input, `a ${algorithm} digest has ${expected} hex digits, this one has ${hex.length}`);
  if (!/^[0-9a-f]+$/.test(hex)) throw new ImageRefError(input, `a ${algorithm} digest is lower-case hex (0-9, a-f)`);
}

/** Parse and validate a reference; throws ImageRefError saying what is wrong. */
export function parseImageRef(input: string): ImageRef {
  if (input.length === 0) throw new ImageRefError(input, "it is empty");
  const bad = dangerousCharacter(input);
  if (bad) throw new ImageRefError(input, `it contains ${bad}`);

  // A registry URL (`https://ghcr.io/…`) or a transport (`docker://…`) pasted as a reference would read as a port-less registry "https:".
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(input)?.[0];
  if (scheme) throw new ImageRefError(input, `it starts with ${JSON.stringify(scheme)}; a reference has no scheme: drop it (${input.slice(scheme.length)})`);

  let rest = input;
  let digest: string | undefined;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (digest.includes("@")) throw new ImageRefError(input, "it has more than one '@'");
    checkDigest(input, digest);
  }

  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf("/");
  const colon = rest.indexOf(":", lastSlash + 1);
  if (colon >= 0) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (tag.length === 0) throw new ImageRefError(input, "the tag after ':' is empty");
    if (tag.length > MAX_TAG_LENGTH) throw new ImageRefError(input, `the tag is ${tag.length} characters long, at most ${MAX_TAG_LENGTH} are allowed`);
    // `app::1.2` or `app:1:2`: one ':' too many, not a tag of strange characters.
    if (tag.includes(":")) throw new ImageRefError(input, "it has more than one ':' after its last '/': a reference is name:tag, with one ':' before the tag");
    if (!TAG.test(tag))
      throw new ImageRefError(input, `tag ${JSON.stringify(tag)} may only hold letters, digits, '_', '.', '-' and must not start with '.' or '-'`);
  }

  const name = rest;
  if (name.length === 0) throw new ImageRefError(input, "the repository name is empty");
  if (name.length > MAX_NAME_LENGTH) throw new ImageRefError(input, `the name is ${name.length} characters long, at most ${MAX_NAME_LENGTH} are allowed`);
  const parts = name.split("/");
  let domain: string | undefined;
  if (parts.length > 1 && isDomain(parts[0]!)) {
    domain = parts.shift()!;
    checkDomain(input, domain);
  }
  for (const part of parts) {
    if (part.length === 0) throw new ImageRefError(input, "the repository path has an empty component ('//' or a leading or trailing '/')");
    if (!PATH_COMPONENT.test(part)) {
      const why = part !== part.toLowerCase() ? "must be lower-case" : "may only hold a-z, 0-9 and single separators '.', '_', '__' or '-' between them";
      throw new ImageRefError(input, `repository component ${JSON.stringify(part)} ${why}`);
    }
  }
  return { name, repository: canonicalRepository(domain, parts), ...(tag !== undefined && { tag }), ...(digest !== undefined && { digest }) };
}

/**
 * The reference with its name lower-cased, when that alone makes an invalid reference valid
 * (`ghcr.io/Acme-Corp/app:1.2.3` -> `ghcr.io/acme-corp/app:1.2.3`); the tag keeps its case, as
 * tags are case-sensitive. Undefined when the reference is valid, or invalid for another reason.
 */
export function lowerCasedReference(input: string): string | undefined {
  if (tryParseImageRef(input)) return undefined;
  const end = input.search(/[:@][^/]*$/);
  const name = end === -1 ? input : input.slice(0, end);
  const lowered = name.toLowerCase() + input.slice(name.length);
  return lowered !== input && tryParseImageRef(lowered) ? lowered : undefined;
}

/**
 * What is wrong with a reference built by hand (a library caller's `{name, repository, tag}`) rather than
 * by parseImageRef: what parseImageRef refuses in its text (a tag holding a quote or a newline, which no
 * editor may splice into YAML or KCL), or a part its text reads otherwise. Undefined for one parseImageRef gives.
 */
export function builtRefProblem(ref: ImageRef): string | undefined {
  const text = formatImageRef(ref);
  let parsed: ImageRef;
  try {
    parsed = parseImageRef(text);
  } catch (error) {
    if (error instanceof ImageRefError) return error.message;
    throw error;
  }
  const part = (["name", "repository", "tag", "digest"] as const).find((key) => parsed[key] !== ref[key]);
  return part && `${JSON.stringify(text)} has ${part} ${JSON.stringify(parsed[part])}, not ${JSON.stringify(ref[part])}`;
}

/** Parse, or undefined when the text is not a valid reference (for scanning existing values). */
export function tryParseImageRef(input: string): ImageRef | undefined {
  try {
    return parseImageRef(input);
  } catch {
    return undefined;
  }
}

/** Registry host names ignore case (`GHCR.io` is `ghcr.io`): the repository's host is lower-cased, the name keeps the text as written. */
function canonicalRepository(domain: string | undefined, path: string[]): string {
  let registry = domain?.toLowerCase() ?? DOCKER_HUB;
  if (registry === "index.docker.io" || registry === "registry-1.docker.io") registry = DOCKER_HUB;
  if (registry === DOCKER_HUB && path.length === 1) return `${DOCKER_HUB}/library/${path[0]}`;
  return `${registry}/${path.join("/")}`;
}

/**
 * Canonical repository of a name without tag or digest (`nginx` -> `docker.io/library/nginx`),
 * or undefined when it is not a valid name.
 */
export function normalizeRepository(name: string): string | undefined {
  const ref = tryParseImageRef(name);
  return ref && ref.tag === undefined && ref.digest === undefined ? ref.repository : undefined;
}

/** `name[:tag][@digest]`, the form Flux writes for a plain `$imagepolicy` marker. */
export function formatImageRef(ref: Pick<ImageRef, "name" | "tag" | "digest">): string {
  return `${ref.name}${ref.tag !== undefined ? `:${ref.tag}` : ""}${ref.digest !== undefined ? `@${ref.digest}` : ""}`;
}

/**
 * The repository path without its registry (`acme/app`; `nginx` for Docker Hub's library):
 * every spelling of the repository in a file contains it (`nginx`, `docker.io/library/nginx`,
 * Helm's split `registry`/`repository`), so it is the token of the cheap byte screen that
 * runs before any parse.
 */
export function screenToken(ref: ImageRef): string {
  const path = ref.repository.slice(ref.repository.indexOf("/") + 1);
  return path.startsWith("library/") && ref.repository.startsWith(`${DOCKER_HUB}/`) ? path.slice("library/".length) : path;
}

/** The repository as a whole word, in any spelling a file may give it: `acme/ap` is not in `acme/app:1.0`. */
export function repositoryPattern(image: ImageRef): RegExp {
  return new RegExp(`${escapeRegExp(screenToken(image))}(?![\\w./-])`);
}
