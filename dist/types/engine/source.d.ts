export interface TreeSource {
    /** Every regular file, as POSIX paths relative to the root, in a stable order. */
    list(): AsyncIterable<string>;
    read(path: string): Promise<Uint8Array>;
}
/**
 * A directory on disk, regular files only. Symlinks are never followed: one out of the
 * root would leak or edit what the tree does not own, a dangling one has nothing to read
 * (Flux skips those too), and one inside the root names a file that is listed already,
 * so following it would report and write that file twice. Symlinked directories could
 * also loop.
 */
export declare function directorySource(root: string): TreeSource;
