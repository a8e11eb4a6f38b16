/** Applying a plan to a directory: the only place the engine writes. */
import { closeSync, fchmodSync, lstatSync, openSync, realpathSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join, relative, sep } from "node:path";
import type { FilePlan, Plan } from "./plan.js";

/**
 * Writes every changed file in place, keeping its mode; unchanged files are never rewritten.
 * All or nothing as far as a file system allows: every target is checked first, then each new
 * text goes to a temporary file beside its target, and only when every one is written are they
 * renamed over their targets, so a refused target or a failed write (a full disk, say) leaves
 * the tree as it was. Synchronous like the reads (source.ts): threadpool round trips cost more
 * than these small writes.
 */
export async function writePlan(root: string, plan: Plan): Promise<void> {
  const writes = checkedTargets(
    root,
    plan.files.filter((file) => file.after !== file.before),
  );
  const staged: { readonly temp: string; readonly target: string }[] = [];
  try {
    for (const { file, target, mode } of writes) {
      const temp = `${target}.gitops-promote-${process.pid}.tmp`;
      // "wx": never through a link, nor over a file, already there under this name.
      const fd = openSync(temp, "wx");
      staged.push({ temp, target });
      try {
        writeFileSync(fd, file.after);
        fchmodSync(fd, mode);
      } finally {
        closeSync(fd);
      }
    }
  } catch (error) {
    for (const { temp } of staged) rmSync(temp, { force: true });
    throw error;
  }
  for (const { temp, target } of staged) renameSync(temp, target);
}

interface Write {
  readonly file: FilePlan;
  readonly target: string;
  readonly mode: number;
}

/**
 * Where each file is written, refusing, before anything is written, a target that is not a
 * regular file (a symbolic link) or whose directory resolves outside the root. The plan is made
 * on a git tree, which has no symbolic links, but the working tree it is written to may be a
 * checkout of another ref whose `apps` is a link out of the repository.
 */
function checkedTargets(root: string, files: readonly FilePlan[]): Write[] {
  const realRoot = realpathSync.native(root);
  // One realpath per directory, which files of a plan often share; the native one is one system call, not one per path component.
  const realDirs = new Map<string, string>();
  return files.map((file) => {
    const target = join(root, ...file.path.split("/"));
    const dir = dirname(target);
    let realDir = realDirs.get(dir);
    if (realDir === undefined) {
      realDir = realpathSync.native(dir);
      realDirs.set(dir, realDir);
    }
    if (!isInside(realRoot, realDir)) {
      throw new Error(`refusing to write ${file.path}: its directory resolves to ${realDir}, outside ${realRoot} (a symbolic link); nothing was written`);
    }
    const stats = lstatSync(target);
    if (!stats.isFile()) {
      throw new Error(`refusing to write ${file.path}: it is ${stats.isSymbolicLink() ? "a symbolic link" : "not a regular file"}; nothing was written`);
    }
    return { file, target, mode: stats.mode & 0o7777 };
  });
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === "" || (!isAbsolute(rel) && rel !== ".." && !rel.startsWith(`..${sep}`));
}
