/**
 * Files of the paths to update whose bytes are no text the editors read, though they may hold what a run
 * edits: UTF-16 text (byte order mark FF FE or FE FF, as some Windows tools save YAML), and a Git LFS
 * pointer, which stands in the tree for content Git LFS keeps elsewhere. Neither is edited; each is named
 * in a warning rather than passed over as a file that holds nothing of the run's.
 */
import type { Warning } from "../change.js";
import { MARKER_TOKEN } from "../image/marker.js";
import { formatImageRef, type ImageRef } from "../image/reference.js";
import type { ImageUpdate } from "../image/update.js";
import { escapeRegExp } from "../text/escape-regexp.js";
import { LineIndex } from "../text/line-index.js";
import { fileMarkers } from "./file-markers.js";
import { deployedText, spelledAt } from "./image-spelling.js";
import type { TreeSource } from "./source.js";
import { holdsImage } from "./unreached.js";

/** What a file's text shows it to be where it is no text the editors read. */
export type UnreadKind = "utf-16" | "lfs-pointer";

/** How a Git LFS pointer starts (its specification's first line), the same whatever its content. */
const LFS_POINTER = "version https://git-lfs.github.com/spec/v1";

/**
 * What `text`, a file read as UTF-8 with each invalid byte a U+FFFD (readText), shows it to be: a Git LFS pointer,
 * or likely UTF-16 (utf16Text tells from the bytes): a byte order mark is two bytes no UTF-8 has, and text in the
 * ASCII range puts a NUL beside each character. Undefined for any other file.
 */
export function unreadKind(text: string): UnreadKind | undefined {
  if (text.startsWith(LFS_POINTER)) return "lfs-pointer";
  return text.startsWith("\uFFFD\uFFFD") && text.slice(2, 66).includes("\0") ? "utf-16" : undefined;
}

/** The text of UTF-16 bytes and their byte order mark as written (`FF FE`, little-endian; `FE FF`, big-endian); undefined for bytes without one. */
export function utf16Text(bytes: Uint8Array): { readonly text: string; readonly mark: string } | undefined {
  const mark = bytes[0] === 0xff && bytes[1] === 0xfe ? "FF FE" : bytes[0] === 0xfe && bytes[1] === 0xff ? "FE FF" : undefined;
  if (mark === undefined) return undefined;
  // A copy, whole code units only: swap16 works in place and refuses an odd length.
  const units = Buffer.from(bytes.subarray(2, bytes.length - (bytes.length % 2)));
  if (mark === "FE FF") units.swap16();
  return { text: units.toString("utf16le"), mark };
}

/** What a message says of a Git LFS pointer. */
export const LFS_POINTER_SAID =
  "a Git LFS pointer: the tree holds only this pointer, and Git LFS the file's content, so it is not read nor edited; to have it updated, keep manifests out of Git LFS (.gitattributes)";

/** Why a UTF-16 file with the byte order mark `mark` is not read, as a message says it. */
export function utf16Said(mark: string): string {
  return `UTF-16 text (byte order mark ${mark}), where only UTF-8 is read`;
}

/**
 * A warning at each file of `unread` (path to what unreadKind found it to be): every Git LFS pointer, whose content
 * none can tell, and each UTF-16 file that holds an incoming image, or marks a key for a Flux setter this run sets
 * there (`settersAt`, the file's: a `--setter`'s, or a key defined for an incoming image), at its line and byte
 * offset. A file unreadKind took for UTF-16 that has no byte order mark is binary, and said nothing of, as before.
 */
export async function unreadWarnings(
  source: TreeSource,
  unread: ReadonlyMap<string, UnreadKind>,
  images: readonly ImageRef[],
  settersAt: (path: string) => ReadonlyMap<string, ImageUpdate>,
): Promise<Warning[]> {
  const warnings: Warning[] = [];
  for (const path of [...unread.keys()].sort()) {
    if (unread.get(path) === "lfs-pointer") {
      warnings.push({ file: path, message: LFS_POINTER_SAID });
      continue;
    }
    const utf16 = utf16Text(await source.read(path));
    const held = utf16 && (heldImage(path, utf16.text, images) ?? markedKey(path, utf16.text, settersAt(path)));
    if (!utf16 || !held) continue;
    const line = held.at === undefined ? held.line : new LineIndex(utf16.text).lineAt(held.at);
    // Each UTF-16 code unit is two bytes, after the mark's two.
    const byte = held.at === undefined ? "" : ` (at byte ${2 + 2 * held.at})`;
    warnings.push({
      file: path,
      ...(line !== undefined && { line }),
      message: `${utf16Said(utf16.mark)}: ${held.what}${byte} is not ${held.change}; save the file as UTF-8 to have it updated`,
    });
  }
  return warnings;
}

/** What of a run a text it cannot edit holds, where (an offset of the text, else a line, if found), and what the run would have done to it. */
interface Held {
  readonly what: string;
  readonly at: number | undefined;
  readonly line?: number;
  readonly change: string;
}

/** The first of `images` the text holds, where it is spelled. */
function heldImage(path: string, text: string, images: readonly ImageRef[]): Held | undefined {
  const image = images.find((image) => holdsImage(path, text, image));
  return image && { what: image.repository, at: spelledAt(deployedText(text), image), change: `edited for ${formatImageRef(image)}` };
}

/** The first marker of the text (as its editor reads markers) whose key one of `setters` sets, at its `"$imagepolicy"`. */
function markedKey(path: string, text: string, setters: ReadonlyMap<string, ImageUpdate>): Held | undefined {
  if (setters.size === 0) return undefined;
  const marked = fileMarkers(path, text).find(({ marker }) => setters.has(marker.key));
  if (marked === undefined) return undefined;
  const { key } = marked.marker;
  // From the line above the marked value's: a marker may stand on its own line above the value it marks.
  const lines = new LineIndex(text);
  const from = lines.lineStart(Math.max(1, marked.line - 1)) ?? 0;
  const token = new RegExp(`${escapeRegExp(MARKER_TOKEN)}\\s*:\\s*"${escapeRegExp(key)}[":]`, "g");
  token.lastIndex = from;
  const at = token.exec(text)?.index;
  return { what: `the marker of Flux setter ${key}`, at, line: marked.line, change: `set to ${formatImageRef(setters.get(key)!.image)}` };
}
