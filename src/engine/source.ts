/**
 * Where the engine reads a tree from. The engine never writes through a source: planning
 * is pure with respect to the tree, and only `writePlan` (apply.ts) touches the disk.
 */
import { readdirSync, readFileSync, readlinkSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Warning } from "../change.js";
import { fileKind } from "./file-kind.js";
import { RequestError } from "./request.js";

export interface TreeSource {
  /**
   * Every regular file, as POSIX paths relative to the root (`apps/web/main.k`), in a stable order.
   * `./a` and `a//b` are read as `a` and `a/b`; an absolute path or a `..` part is refused, and a
   * name the engine reads no file by (a backslash, a control character) is left out.
   */
  list(): AsyncIterable<string>;
  read(path: string): Promise<Uint8Array>;
  /**
   * The file as `readText` below gives it, for a source that can do that faster than
   * `read` and a TextDecoder (a directory can: Node reads and decodes in one call).
   */
  readText?(path: string): Promise<string>;
  /**
   * The tree's symbolic links, each path (spelt as `list` spells them) to its target as written
   * (`../base/app.yaml`), asked once `list` is done. `list` leaves them out: the engine edits no file
   * through a link, and follows only the one a request names as its configuration (tree-links.ts).
   * A source that has none may leave it out.
   */
  links?(): Promise<ReadonlyMap<string, string>>;
  /**
   * Whether `path` names a regular file once every link on its way is followed as the file system follows it,
   * out of the root too: asked of a path whose links lead out of the tree (tree-links.ts), where only the file
   * system can say what is there. A source with no world beyond its tree (a commit, memory) leaves it out: nothing is.
   */
  isFileOutside?(path: string): Promise<boolean>;
}

/** A file of the tree and its text. */
export interface TextFile {
  readonly file: string;
  readonly text: string;
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

/** A source listed (listTree): its files, its links, the source reading them by those names, and what was left out. */
export interface ListedTree {
  readonly files: string[];
  /** TreeSource.links, those with a plain path only; empty for a source without links. */
  readonly links: ReadonlyMap<string, string>;
  readonly source: TreeSource;
  readonly warnings: Warning[];
}

/**
 * A source's files in path order under their plain spellings (`./a/b`, `a//b` and `a/./b` are `a/b`), and
 * the source reading them by those names. A file whose name the engine reads none by (`unreadName`) is
 * left out, with a warning when its name is a manifest's. Throws RequestError naming every listed path that
 * names no file inside the root (absolute, a `..` part), and every file listed twice.
 */
export async function listTree(source: TreeSource): Promise<ListedTree> {
  const listedAs = new Map<string, string>();
  const issues: string[] = [];
  const warnings: Warning[] = [];
  for await (const listed of source.list()) {
    const leftOut = leftOutName(listed);
    if (leftOut) {
      // No `file`: the name is printed quoted only, its control characters escaped.
      if (fileKind(listed) !== undefined) warnings.push({ message: leftOut });
      continue;
    }
    const path = plainPath(listed);
    if (path === undefined) issues.push(`the source lists ${JSON.stringify(listed)}, which is no POSIX path relative to the root (no leading /, no "..")`);
    else if (listedAs.has(path)) issues.push(`the source lists ${JSON.stringify(listedAs.get(path))} and ${JSON.stringify(listed)}, one file twice`);
    else listedAs.set(path, listed);
  }
  if (issues.length > 0) throw new RequestError(issues.map((message) => ({ message })));
  // In path order, as the plan lists its files: a source lists in an order of its own.
  const files = [...listedAs.keys()].sort();
  const links = new Map([...((await source.links?.()) ?? [])].filter(([path]) => plainPath(path) === path));
  if (files.every((path) => listedAs.get(path) === path)) return { files, links, source, warnings };
  const as = (path: string) => listedAs.get(path) ?? path;
  const readText = source.readText?.bind(source);
  const isFileOutside = source.isFileOutside?.bind(source);
  return {
    files,
    links,
    source: {
      list: () => source.list(),
      read: (path) => source.read(as(path)),
      ...(readText && { readText: (path: string) => readText(as(path)) }),
      ...(isFileOutside && { isFileOutside }),
    },
    warnings,
  };
}

const UNREAD =
  "no file is read whose name holds a backslash, a control character or a leading drive letter (C:/), as a path written in a request reads \\ as / and such a name could not be named or printed as it is; rename the file to have it updated";

/** Why the engine reads no file by `path` (unreadName), said with the name quoted, its control characters escaped; undefined for a name it reads. */
export function leftOutName(path: string): string | undefined {
  return unreadName(path) ? `${JSON.stringify(path)} is left out: ${UNREAD}` : undefined;
}

/**
 * Whether `path`, legal in git and on Linux, is no name the engine reads a file by: every path a
 * request writes reads a backslash as `/` (path-glob.ts `slashSeparated`) and a drive letter as
 * Windows' root, so none could name the file, and a control character is in no name a person
 * reads (a NUL cuts it short where it is written; a newline splits a log line).
 */
function unreadName(path: string): boolean {
  // eslint-disable-next-line no-control-regex
  return path.includes("\\") || /^[A-Za-z]:\//.test(path) || /[\x00-\x1f\x7f]/.test(path);
}

/** `path` as the plain POSIX path relative to the root it spells, or undefined when it spells none. */
function plainPath(path: string): string | undefined {
  if (path.startsWith("/")) return undefined;
  if (!/(^|\/)\.?(\/|$)|(^|\/)\.\.(\/|$)/.test(path)) return path;
  const parts = path.split("/").filter((part) => part !== "" && part !== ".");
  return parts.length === 0 || parts.includes("..") ? undefined : parts.join("/");
}

/**
 * Files held in memory, each path (POSIX, relative to the root) to its text or its bytes: a tree to
 * plan over without a disk. A text is read as its UTF-8 bytes. `links` are its symbolic links, each
 * path to its target as written.
 */
export function memorySource(files: ReadonlyMap<string, string | Uint8Array>, links: ReadonlyMap<string, string> = new Map()): TreeSource {
  const encoder = new TextEncoder();
  return {
    links: async () => links,
    async *list() {
      yield* [...files.keys()].sort();
    },
    async read(path) {
      const content = files.get(path);
      if (content === undefined) throw new Error(`${path}: no such file in memory`);
      return typeof content === "string" ? encoder.encode(content) : content;
    },
  };
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
 * also loop. They are given as `links`, those the last listing met (one walk for both).
 */
export function directorySource(root: string): TreeSource {
  // Listed paths are POSIX and relative already; joining each one with path.join costs more than the read's own bookkeeping.
  const prefix = join(root, "/");
  let links: Map<string, string> | undefined;
  const listing = (): string[] => {
    links = new Map();
    return filesUnder(root, links);
  };
  return {
    // Synchronous on purpose: a manifests tree is thousands of small files, and measured on
    // a 5,000-file tree, libuv threadpool round trips cost 8x more than the reads themselves.
    async *list() {
      yield* listing().sort();
    },
    async links() {
      if (links === undefined) listing();
      return links!;
    },
    async read(path) {
      return readFileSync(prefix + path);
    },
    async readText(path) {
      return readFileSync(prefix + path, UTF8);
    },
    async isFileOutside(path) {
      try {
        return statSync(prefix + path, { throwIfNoEntry: false })?.isFile() ?? false;
      } catch {
        // ENOTDIR, ELOOP, EACCES: no file the run could read.
        return false;
      }
    },
  };
}

/**
 * The regular files under `root` as directorySource lists them (POSIX paths relative to it, unsorted), read at once, for a caller
 * that cannot wait; the symbolic links met are put in `links`, each with its target as written. A directory that cannot be listed
 * fails the listing, as a run must not edit a tree it has read only part of; with `passOverUnlisted`, it is passed over, for a
 * caller that only looks for hints (nothing it might hold is known).
 */
export function filesUnder(root: string, links = new Map<string, string>(), passOverUnlisted = false): string[] {
  const files: string[] = [];
  walk(root, "", files, links, passOverUnlisted);
  return files;
}

function walk(root: string, dir: string, files: string[], links: Map<string, string>, passOverUnlisted: boolean): void {
  let entries;
  try {
    entries = readdirSync(join(root, dir), { withFileTypes: true });
  } catch (error) {
    // EACCES, ENAMETOOLONG, a directory gone or replaced since its parent was listed.
    if (passOverUnlisted) return;
    throw error;
  }
  for (const entry of entries) {
    const path = dir === "" ? entry.name : `${dir}/${entry.name}`;
    if (entry.isDirectory() && !SKIPPED_DIRECTORIES.has(entry.name)) walk(root, path, files, links, passOverUnlisted);
    else if (entry.isFile()) files.push(path);
    else if (entry.isSymbolicLink()) {
      try {
        links.set(path, readlinkSync(join(root, path), "utf8"));
      } catch (error) {
        if (!passOverUnlisted) throw error;
      }
    }
  }
}
