import type { Warning } from "../change.js";
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
/**
 * A file decoded as UTF-8, a byte order mark kept and any invalid sequence read as U+FFFD.
 * Every token the engine screens for is ASCII, so screening this text finds what screening
 * the bytes would; only a file that passes and holds a U+FFFD needs `decodeUtf8`.
 */
export declare function readText(source: TreeSource, path: string): Promise<string>;
/** The text of `bytes` (a byte order mark kept), or undefined when they are not UTF-8. */
export declare function decodeUtf8(bytes: Uint8Array): string | undefined;
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
export declare function listTree(source: TreeSource): Promise<ListedTree>;
/** Why the engine reads no file by `path` (unreadName), said with the name quoted, its control characters escaped; undefined for a name it reads. */
export declare function leftOutName(path: string): string | undefined;
/**
 * Files held in memory, each path (POSIX, relative to the root) to its text or its bytes: a tree to
 * plan over without a disk. A text is read as its UTF-8 bytes. `links` are its symbolic links, each
 * path to its target as written.
 */
export declare function memorySource(files: ReadonlyMap<string, string | Uint8Array>, links?: ReadonlyMap<string, string>): TreeSource;
/**
 * A directory on disk, regular files only. Symlinks are never followed: one out of the
 * root would leak or edit what the tree does not own, a dangling one has nothing to read
 * (Flux skips those too), and one inside the root names a file that is listed already,
 * so following it would report and write that file twice. Symlinked directories could
 * also loop. They are given as `links`, those the last listing met (one walk for both).
 */
export declare function directorySource(root: string): TreeSource;
/**
 * The regular files under `root` as directorySource lists them (POSIX paths relative to it, unsorted), read at once, for a caller
 * that cannot wait; the symbolic links met are put in `links`, each with its target as written. A directory that cannot be listed
 * fails the listing, as a run must not edit a tree it has read only part of; with `passOverUnlisted`, it is passed over, for a
 * caller that only looks for hints (nothing it might hold is known).
 */
export declare function filesUnder(root: string, links?: Map<string, string>, passOverUnlisted?: boolean): string[];
