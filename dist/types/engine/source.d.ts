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
/**
 * A source's files in path order under their plain spellings (`./a/b`, `a//b` and `a/./b` are `a/b`), and
 * the source reading them by those names. A file whose name the engine reads none by (`unreadName`) is
 * left out, with a warning when its name is a manifest's. Throws RequestError naming every listed path that
 * names no file inside the root (absolute, a `..` part), and every file listed twice.
 */
export declare function listTree(source: TreeSource): Promise<{
    readonly files: string[];
    readonly source: TreeSource;
    readonly warnings: Warning[];
}>;
/**
 * Files held in memory, each path (POSIX, relative to the root) to its text or its bytes: a tree to
 * plan over without a disk. A text is read as its UTF-8 bytes.
 */
export declare function memorySource(files: ReadonlyMap<string, string | Uint8Array>): TreeSource;
/**
 * A directory on disk, regular files only. Symlinks are never followed: one out of the
 * root would leak or edit what the tree does not own, a dangling one has nothing to read
 * (Flux skips those too), and one inside the root names a file that is listed already,
 * so following it would report and write that file twice. Symlinked directories could
 * also loop.
 */
export declare function directorySource(root: string): TreeSource;
