import type { Warning } from "../change.js";
/** Whether a path (relative to the root, `/`-separated) is one the globs name or lies under one. */
export declare function pathMatcher(globs: readonly string[]): (path: string) => boolean;
/**
 * A path or glob written with Windows separators (`clusters\staging\*.yaml`) as the tree spells
 * paths, with `/`: every `\` is one, as picomatch reads globs on Windows. A glob character is
 * matched literally inside a class (`[*]`), not after a `\`.
 */
export declare function slashSeparated(glob: string): string;
/**
 * The `--path` globs as one test (a directory stands for everything under it), each warned about when it matches no
 * file, with the directory or file it most likely meant. A warning, not an error: a path may name a directory some
 * trees of a fleet lack.
 */
export declare function pathFilter(globs: readonly string[], files: readonly string[], warnings: Warning[]): (path: string) => boolean;
