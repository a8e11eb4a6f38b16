/**
 * Where the engine reads a tree from. The engine never writes through a source: planning
 * is pure with respect to the tree, and only `writePlan` (apply.ts) touches the disk.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

export interface TreeSource {
  /** Every regular file, as POSIX paths relative to the root, in a stable order. */
  list(): AsyncIterable<string>;
  read(path: string): Promise<Uint8Array>;
}

/** Directories that never hold manifests and can be huge or hold repo internals. */
const SKIPPED_DIRECTORIES = new Set([".git", "node_modules"]);

/**
 * A directory on disk, regular files only. Symlinks are never followed: one out of the
 * root would leak or edit what the tree does not own, a dangling one has nothing to read
 * (Flux skips those too), and one inside the root names a file that is listed already,
 * so following it would report and write that file twice. Symlinked directories could
 * also loop.
 */
export function directorySource(root: string): TreeSource {
  return {
    async *list() {
      const files: string[] = [];
      await walk(root, "", files);
      // Directories are read concurrently (a manifests monorepo has thousands); sort for a stable order.
      yield* files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    },
    read(path) {
      return readFile(join(root, ...path.split("/")));
    },
  };
}

async function walk(root: string, dir: string, files: string[]): Promise<void> {
  const entries = await readdir(join(root, dir), { withFileTypes: true });
  await Promise.all(
    entries.map(async (entry) => {
      const path = dir === "" ? entry.name : `${dir}/${entry.name}`;
      if (entry.isDirectory() && !SKIPPED_DIRECTORIES.has(entry.name)) await walk(root, path, files);
      else if (entry.isFile()) files.push(path);
    }),
  );
}
