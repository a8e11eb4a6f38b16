/**
 * Where the engine reads a tree from. The engine never writes through a source: planning
 * is pure with respect to the tree, and only `writePlan` (apply.ts) touches the disk.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export interface TreeSource {
  /** Every regular file, as POSIX paths relative to the root, in a stable order. */
  list(): AsyncIterable<string>;
  read(path: string): Promise<Uint8Array>;
  /**
   * The file as `readText` below gives it, for a source that can do that faster than
   * `read` and a TextDecoder (a directory can: Node reads and decodes in one call).
   */
  readText?(path: string): Promise<string>;
}

const lossy = new TextDecoder("utf-8", { ignoreBOM: true });
const strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/**
 * A file decoded as UTF-8, a byte order mark kept and any invalid sequence read as U+FFFD.
 * Every token the engine screens for is ASCII, so screening this text finds what screening
 * the bytes would; only a file that passes and holds a U+FFFD needs `decodeUtf8`.
 */
export async function readText(source: TreeSource, path: string): Promise<string> {
  return source.readText ? source.readText(path) : lossy.decode(await source.read(path));
}

/** The text of `bytes` (a byte order mark kept), or undefined when they are not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return strict.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Directories that never hold manifests and can be huge or hold repo internals. */
const SKIPPED_DIRECTORIES = new Set([".git", "node_modules"]);

/** One options object for every read: Node 20 copies an options string into a new object on each call (~1 µs a file, 5 ms on a 5,000-file tree). */
const UTF8 = { encoding: "utf8" } as const;

/**
 * A directory on disk, regular files only. Symlinks are never followed: one out of the
 * root would leak or edit what the tree does not own, a dangling one has nothing to read
 * (Flux skips those too), and one inside the root names a file that is listed already,
 * so following it would report and write that file twice. Symlinked directories could
 * also loop.
 */
export function directorySource(root: string): TreeSource {
  // Listed paths are POSIX and relative already; joining each one with path.join costs more than the read's own bookkeeping.
  const prefix = join(root, "/");
  return {
    // Synchronous on purpose: a manifests tree is thousands of small files, and measured on
    // a 5,000-file tree, libuv threadpool round trips cost 8x more than the reads themselves.
    async *list() {
      const files: string[] = [];
      walk(root, "", files);
      yield* files.sort();
    },
    async read(path) {
      return readFileSync(prefix + path);
    },
    async readText(path) {
      return readFileSync(prefix + path, UTF8);
    },
  };
}

function walk(root: string, dir: string, files: string[]): void {
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const path = dir === "" ? entry.name : `${dir}/${entry.name}`;
    if (entry.isDirectory() && !SKIPPED_DIRECTORIES.has(entry.name)) walk(root, path, files);
    else if (entry.isFile()) files.push(path);
  }
}
