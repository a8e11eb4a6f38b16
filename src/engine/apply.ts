/** Applying a plan to a directory: the only place the engine writes. */
import { closeSync, fchmodSync, fchownSync, lstatSync, openSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { basename, dirname, isAbsolute, join, relative, sep } from "node:path";
import { andList } from "../text/and-list.js";
import type { FilePlan, Plan } from "./plan.js";

/**
 * Writes every changed file in place, keeping its mode and, where the process may set them, its
 * owner and group (a root-run CI job on a mounted workspace would leave root-owned files, as
 * `sed -i` does not); unchanged files are never rewritten. All or nothing as far as a file
 * system allows: every target is checked first (a file whose text is no longer the plan's `before`,
 * edited since the plan was made, is refused: its edits would be lost), then each new text goes to a temporary file
 * beside its target, and only when every one is written are they renamed over their targets; a
 * rename that fails (EBUSY on a bind-mounted file, an immutable file) puts back the files
 * already renamed and removes the remaining temporary files. The rename replaces the file, so a
 * hard link to it keeps the old text. Synchronous like the reads (source.ts): threadpool round
 * trips cost more than these small writes.
 */
export function writePlan(root: string, plan: Plan): Promise<void>;
/** @internal writePlan with a test's rename in place of the file system's. */
export function writePlan(root: string, plan: Plan, rename: (from: string, to: string) => void): Promise<void>;
export async function writePlan(root: string, plan: Plan, rename: (from: string, to: string) => void = renameSync): Promise<void> {
  const changed = plan.files.filter((file) => file.after !== file.before);
  // Nothing to write needs no root: one that does not exist is no error then.
  if (changed.length === 0) return;
  const writes = checkedTargets(root, changed);
  const staged: Staged[] = [];
  try {
    for (const write of writes) {
      const temp = tempBeside(write.target);
      // "wx": never through a link, nor over a file, already there under this name.
      const fd = openSync(temp, "wx");
      staged.push({ ...write, temp });
      try {
        writeFileSync(fd, write.file.after);
        // The owner first: a chown clears the set-user-ID and set-group-ID bits, which the mode then gives back.
        keepOwner(fd, write);
        fchmodSync(fd, write.mode);
      } finally {
        closeSync(fd);
      }
    }
  } catch (error) {
    for (const { temp } of staged) rmSync(temp, { force: true });
    throw error;
  }
  renameAll(staged, rename);
}

/** The longest file name most file systems take, in bytes (NAME_MAX on Linux and macOS). */
const NAME_MAX = 255;

/**
 * The temporary file a target's new text is written to: beside it, so that the rename stays on its file system,
 * named after it and this process (`app.yaml.gitops-promote-<pid>.tmp`). A target whose name leaves no room for
 * that is named by a hash of its name instead: `<sha256, 16 hex digits>.gitops-promote-<pid>.tmp` fits any.
 */
function tempBeside(target: string): string {
  const suffix = `.gitops-promote-${process.pid}.tmp`;
  const name = basename(target);
  const fits = Buffer.byteLength(name + suffix) <= NAME_MAX;
  return join(dirname(target), `${fits ? name : createHash("sha256").update(name).digest("hex").slice(0, 16)}${suffix}`);
}

interface Staged extends Write {
  readonly temp: string;
}

/** The owner and group of the file replaced, best effort: only root (or CAP_CHOWN) may give a file away. */
function keepOwner(fd: number, { uid, gid }: Write): void {
  try {
    fchownSync(fd, uid, gid);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") throw error;
  }
}

/** Renames each staged file over its target; on a failure, undoes the renames done and removes the temporary files left, then says which file failed. */
function renameAll(staged: readonly Staged[], rename: (from: string, to: string) => void): void {
  for (const [i, current] of staged.entries()) {
    try {
      rename(current.temp, current.target);
    } catch (error) {
      for (const { temp } of staged.slice(i)) rmSync(temp, { force: true });
      const left = staged.slice(0, i).filter((done) => !restored(done));
      const reason = error instanceof Error ? error.message : String(error);
      const outcome =
        left.length === 0
          ? "nothing was written"
          : `${andList(left.map((done) => done.file.path))} could not be put back and ${left.length === 1 ? "holds its" : "hold their"} new text; the other files were put back`;
      throw new Error(`could not write ${current.file.path}: ${reason}; ${outcome}`, { cause: error });
    }
  }
}

/** Puts a renamed file's old text back (the rename made it the staged file, with the mode and owner kept); false when that fails too. */
function restored({ target, file }: Staged): boolean {
  try {
    writeFileSync(target, file.before);
    return true;
  } catch {
    return false;
  }
}

interface Write {
  readonly file: FilePlan;
  readonly target: string;
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
}

/**
 * Where each file is written, refusing, before anything is written, a target that is not a
 * regular file (a symbolic link) or whose directory resolves outside the root, and every target
 * whose bytes are not its `before` any more. The plan is made
 * on a git tree, which has no symbolic links, but the working tree it is written to may be a
 * checkout of another ref whose `apps` is a link out of the repository.
 */
function checkedTargets(root: string, files: readonly FilePlan[]): Write[] {
  const realRoot = realpathSync.native(root);
  // One realpath per directory, which files of a plan often share; the native one is one system call, not one per path component.
  const realDirs = new Map<string, string>();
  const edited: string[] = [];
  const writes = files.map((file) => {
    // A plan's paths are the tree's (listTree refuses others); a hand-built one may climb out with "..".
    if (file.path.split("/").some((part) => part === ".." || part === "") || file.path.startsWith("/")) {
      throw new Error(`refusing to write ${JSON.stringify(file.path)}: it is no plain path under ${root}; nothing was written`);
    }
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
    if (!readFileSync(target).equals(Buffer.from(file.before))) edited.push(file.path);
    return { file, target, mode: stats.mode & 0o7777, uid: stats.uid, gid: stats.gid };
  });
  if (edited.length > 0) throw new StalePlanError(edited);
  return writes;
}

/**
 * writePlan's refusal of a plan whose files have changed since it was made: `paths` are those whose text is not
 * their `before` any more, and writing would lose that change. Nothing was written; plan again.
 */
export class StalePlanError extends Error {
  constructor(readonly paths: readonly string[]) {
    const [verb, pronoun] = paths.length === 1 ? ["has", "its"] : ["have", "their"];
    super(
      `refusing to write ${andList(paths)}: ${verb} changed since the plan was made (${pronoun} text is not the plan's before, and writing would lose that change); plan again; nothing was written`,
    );
    this.name = "StalePlanError";
  }
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === "" || (!isAbsolute(rel) && rel !== ".." && !rel.startsWith(`..${sep}`));
}
