/**
 * Where the engine reads a tree from. The engine never writes through a source: planning
 * is pure with respect to the tree, and only `writePlan` (apply.ts) touches the disk.
 */
import { lstat, readdir, readFile, realpath, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";

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
      yield* walk(root, realRoot, "");
    },
    read(path) {
      return readFile(join(root, ...path.split("/")));
    },
  };
}

async function* walk(root: string, realRoot: string, dir: string): AsyncGenerator<string> {
  const entries = await readdir(join(root, dir), { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = dir === "" ? entry.name : `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) yield* walk(root, realRoot, path);
    } else if (entry.isFile()) {
      yield path;
    } else if (entry.isSymbolicLink() && (await isFileInside(join(root, path), realRoot))) {
      yield path;
    }
  }
}

async function isFileInside(link: string, realRoot: string): Promise<boolean> {
  try {
    const [target, info] = await Promise.all([realpath(link), stat(link)]);
    const rel = relative(realRoot, target);
    return info.isFile() && rel !== "" && !rel.startsWith(`..${sep}`) && rel !== ".." && !(await lstat(target)).isSymbolicLink();
  } catch {
    return false; // dangling
  }
}
