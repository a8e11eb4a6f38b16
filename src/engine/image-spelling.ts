/**
 * Where a text spells an image's repository, in any registry spelling of it, and what each
 * spelling reads as: the reading that tells whether a file holds an image and where it is left behind.
 */
import { screenToken, tryParseImageRef, type ImageRef } from "../image/reference.js";
import { escapeRegExp } from "../text/escape-regexp.js";
import { namedImageString } from "../yaml/argocd.js";
import { nonStringType } from "../yaml/quoting.js";
import { withoutFluxImageObjects } from "./flux-objects.js";
import { holdingKey } from "./holding-key.js";
import { withoutImageUpdater } from "./image-updater.js";

/**
 * `text` as what it deploys, lines and offsets kept: the objects of image automation, which name a
 * repository to watch and never a version anything runs (argocd-image-updater's annotations and
 * objects, Flux's ImageRepository and ImagePolicy objects), blanked out.
 */
export function deployedText(text: string): string {
  return withoutFluxImageObjects(withoutImageUpdater(text));
}

/**
 * Where the text first spells the image's repository: a reference to it in any registry spelling, or its
 * path alone (a Helm `repository:` beside its `registry:`), never another registry's repository of the same
 * path (`mirror.acme.io/acme/app` for ghcr.io/acme/app) nor a longer one ending in it (`bitnami/nginx` for nginx).
 */
export function spelledAt(text: string, image: ImageRef): number | undefined {
  return spellingsOf(text, image).find(({ bare, ref }) => bare || ref === undefined || ref.repository === image.repository)?.at;
}

/** A spelling of an image's path in a text: the whole reference written there, where it starts, what it reads as, and whether it is the path alone. */
interface Spelling {
  readonly at: number;
  readonly reference: string;
  readonly ref: ImageRef | undefined;
  readonly bare: boolean;
}

/** Each spelling of the image's path (screenToken's) as a whole word, with its version if one follows, and its registry if one is written before it. */
export function spellingsOf(text: string, image: ImageRef): Spelling[] {
  const found: Spelling[] = [];
  // A name followed by `:` and a space or a line's end is a mapping's key (`redis:` above a chart's values), no reference.
  for (const match of text.matchAll(new RegExp(`(?<![\\w.-])${escapeRegExp(screenToken(image))}(?:[:@][\\w.@:+-]+|(?![\\w./-]|["']?:(?:\\s|$)))`, "gm"))) {
    const before = text.slice(referenceStart(text, match.index), match.index);
    const reference = `${before}${match[0]}`.replace(/[.:]+$/, "");
    const ref = tryParseImageRef(reference);
    const bare = before === "";
    // The path alone, with no registry or version, is as often another object's name (a container's `name: app`).
    if (bare && ref?.tag === undefined && ref?.digest === undefined && !mayNameImage(text, match.index, match.index + match[0].length, reference, image))
      continue;
    found.push({ at: match.index - before.length, reference, ref, bare });
  }
  return found;
}

/**
 * Whether a repository's path written alone from `at` to `end` can name the image: as the `name` of Argo CD's
 * `name=newName:tag` (or `name=*:tag`), or by the key it is written under: one named for an image or its repository
 * (`image`, `repository`, `imageRepository`) or kustomize's `newName`; a `name` beside a version (Argo CD Image
 * Updater's `{name, tag}`, kustomize's `images:` entry with `newTag`, `newName` or `digest`), not a container's or an
 * object's; the `value` of an Argo CD Helm parameter named for a repository (`image.repository`); any key a
 * `$imagepolicy` marker on its line gives the image's name. A path with no key before it (a list item, prose) names none,
 * nor does a split image's `path` beside a registry that makes it another image (besideRegistry).
 */
function mayNameImage(text: string, at: number, end: number, path: string, image: ImageRef): boolean {
  if (text[end] === "=") {
    const version = namedImageString(/^[^\s"'`,;()[\]{}]*/.exec(text.slice(at, at + 512))![0])?.version;
    return version?.tag !== undefined || version?.digest !== undefined;
  }
  const holding = holdingKey(text, at);
  if (holding === undefined) return false;
  const { key } = holding;
  if (holding.rest.includes("$imagepolicy")) return true;
  // A split image's repository beside a registry names the image the two make, as the editors join them; unless a
  // chart-wide registry (Bitnami's global.imageRegistry, left-behind.ts globalReadings) may be deployed over that one.
  if ((key === "repository" || key === "name") && !text.includes("imageRegistry") && !besideRegistry(path, holding.siblings().get("registry"), image))
    return false;
  if (/(?:image|repository)$/i.test(key) || key === "newName") return true;
  if (key === "name") return VERSION_KEYS.some((version) => holding.siblings().has(version));
  return key === "value" && /(?:^|\.)(?:repository|name)$/.test(holding.siblings().get("name") ?? "");
}

/**
 * Whether a split image's repository `path` beside a `registry` field written `registry` (none: no such field) may name
 * `image`: the two joined do (`acme/app` beside `ghcr.io` is ghcr.io/acme/app, not Docker Hub's acme/app); so may any
 * where the registry is null or empty (the path alone then), or is no registry's name as written (a variable, a template
 * a later tool fills in), which is not known here.
 */
function besideRegistry(path: string, registry: string | undefined, image: ImageRef): boolean {
  if (registry === undefined || readsAsNone(registry)) return true;
  // Docker's rule for a reference's first part being a registry: it has a `.` or `:`, or is localhost.
  if (!/^(?:[\w-]+(?:[.:][\w-]+)+|localhost)$/.test(registry)) return true;
  return tryParseImageRef(`${registry}/${path}`)?.repository === image.repository;
}

/** Whether a registry field's text reads as none: YAML's null (empty included, nonStringType) or KCL's None or Undefined. */
function readsAsNone(registry: string): boolean {
  return nonStringType(registry) === "null" || registry === "None" || registry === "Undefined";
}

/** The keys that give a `name` beside them a version: a split image's and a kustomize `images:` entry's. */
const VERSION_KEYS = ["tag", "digest", "newTag", "newName"];

/** Where the reference ending a word at `at` starts: back to what delimits it (a space, a quote, `=`…), at most 256 characters. A loop, as a `[^…]*$` search of the text before would try every start in it. */
function referenceStart(text: string, at: number): number {
  const least = Math.max(0, at - 256);
  let start = at;
  while (start > least && !REFERENCE_DELIMITER.test(text[start - 1]!)) start--;
  return start;
}

/** What no reference holds: what delimits one before its registry. */
const REFERENCE_DELIMITER = /[\s"'`=,;()[\]{}]/;

/** Whether a reference holds the incoming image's version: its tag and digest where both spell one, the one the image brings where the reference spells only the other. */
export function holdsVersionOf(ref: ImageRef, image: ImageRef): boolean {
  if (ref.tag !== undefined && image.tag !== undefined && ref.tag !== image.tag) return false;
  if (ref.digest !== undefined && image.digest !== undefined && ref.digest !== image.digest) return false;
  return (image.tag !== undefined && ref.tag !== undefined) || (image.digest !== undefined && ref.digest !== undefined);
}
