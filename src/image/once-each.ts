/**
 * Image references with each image once: a script that builds its arguments, or a workflow that
 * joins two steps' outputs, may name one image twice, and the same image twice is one, however it
 * is spelt (`nginx:1.27` and `docker.io/library/nginx:1.27`). The first spelling given is kept. Two
 * versions of one repository both stay, for the caller to refuse; so does text that is no image reference.
 */
import { tryParseImageRef } from "./reference.js";

export function onceEachImage(texts: readonly string[]): string[] {
  const seen = new Set<string>();
  return texts.filter((text) => {
    const image = tryParseImageRef(text);
    if (!image) return true;
    const key = JSON.stringify([image.repository, image.tag, image.digest]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
