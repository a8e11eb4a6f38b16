/**
 * Where a text spells an image's repository, in any registry spelling of it, and what each
 * spelling reads as: the reading that tells whether a file holds an image and where it is left behind.
 */
import { screenToken, tryParseImageRef, type ImageRef } from "../image/reference.js";
import { escapeRegExp } from "../text/escape-regexp.js";
import { withoutFluxImageObjects } from "./flux-objects.js";
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
    found.push({ at: match.index - before.length, reference, ref: tryParseImageRef(reference), bare: before === "" });
  }
  return found;
}

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
