/**
 * Reading a run's files as text: many with bounded parallelism (a tree may hold thousands), kept by a screen,
 * one that is not UTF-8 left out with a warning; and a file the request names, where not UTF-8 is an error.
 */
import type { Warning } from "../change.js";
import { RequestError } from "./request.js";
import { decodeUtf8, readText, type TreeSource } from "./source.js";
import { LFS_POINTER_SAID, unreadKind, utf16Said, utf16Text } from "./unread-text.js";

const READ_CONCURRENCY = 64;

/** Reads files with bounded parallelism: the text of each the screen lets through, by index in `paths`. */
export async function readScreened(
  source: TreeSource,
  paths: readonly string[],
  keep: (path: string, text: string) => boolean,
  warnings: Warning[],
): Promise<(string | undefined)[]> {
  const texts = new Array<string | undefined>(paths.length);
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const i = next++;
      const path = paths[i]!;
      const text = await readText(source, path);
      if (!keep(path, text)) continue;
      // A U+FFFD may be the file's own or stand for bytes that are not UTF-8: the bytes tell.
      if (text.includes("\uFFFD") && decodeUtf8(await source.read(path)) === undefined) warnings.push({ file: path, message: NOT_UTF8 });
      else texts[i] = text;
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, paths.length) }, worker));
  return texts;
}

const NOT_UTF8 = "not UTF-8 text; left as it is";

/** The text of a file the request names (a `--set` target): not UTF-8 (said UTF-16 where it is) or a Git LFS pointer is an error there. */
export async function readNamed(source: TreeSource, path: string): Promise<string> {
  const bytes = await source.read(path);
  const text = decodeUtf8(bytes);
  const utf16 = text === undefined ? utf16Text(bytes) : undefined;
  if (text === undefined) throw new RequestError([{ file: path, message: utf16 ? `${utf16Said(utf16.mark)}; save the file as UTF-8` : NOT_UTF8 }]);
  if (unreadKind(text) === "lfs-pointer") throw new RequestError([{ file: path, message: LFS_POINTER_SAID }]);
  return text;
}
