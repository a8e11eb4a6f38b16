/** Whether a path (relative to the root, `/`-separated) is one the globs name or lies under one. */
export declare function pathMatcher(globs: readonly string[]): (path: string) => boolean;
/**
 * A path or glob written with Windows separators (`clusters\staging\*.yaml`) as the tree spells
 * paths, with `/`: every `\` is one, as picomatch reads globs on Windows. A glob character is
 * matched literally inside a class (`[*]`), not after a `\`.
 */
export declare function slashSeparated(glob: string): string;
