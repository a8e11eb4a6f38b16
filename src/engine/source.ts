/**
 * Where the engine reads a tree from. The engine never writes through a source: planning
 * is pure with respect to the tree, and only `writePlan` (apply.ts) touches the disk.
 */
import { readdir, readFile, realpath, stat } from "node:fs/promises";
import { isAbsolute, join, relative, sep } from "node:path";

export interface TreeSource {
  /** Every regular file, as POSIX paths relative to the root, in a stable order. */
  list(): AsyncIterable<string>;
  read(path: string): Promise<Uint8Array>;
}

/** Directories that never hold manifests and can be huge or hold repo internals. */
const SKIPPED_DIRECTORIES = new Set([".git", "node_modules"]);

/**
 * A directory on disk. Symlinked files are followed only when they resolve inside the
 * root; dangling links and links out of the root are skipped (like Flux's reader);
 * symlinked directories are not followed (no cycles, no escape).
 */
export function directorySource(root: string): TreeSource {
  return {
    async *list() {
      const realRoot = await realpath(root);
      const files: string[] = [];
      await walk(root, realRoot, "", files);
      // Directories are read concurrently (a manifests monorepo has thousands); sort for a stable order.
      yield* files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    },
    read(path) {
      return readFile(join(root, ...path.split("/")));
    },
  };
}

async function walk(root: string, realRoot: string, dir: string, files: string[]): Promise<void> {
  const entries = await readdir(join(root, dir), { withFileTypes: true });
  await Promise.all(
    entries.map(async (entry) => {
      const path = dir === "" ? entry.name : `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) await walk(root, realRoot, path, files);
      } else if (entry.isFile() || (entry.isSymbolicLink() && (await isFileInside(join(root, path), realRoot)))) {
        files.push(path);
      }
    }),
  );
}

async function isFileInside(link: string, realRoot: string): Promise<boolean> {
  try {
    const [target, info] = await Promise.all([realpath(link), stat(link)]);
    const rel = relative(realRoot, target);
    return info.isFile() && rel !== "" && rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
  } catch {
    return false; // dangling
  }
}
