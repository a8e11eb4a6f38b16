/** Whether a path (relative to the root, `/`-separated) is one the globs name or lies under one. */
export declare function pathMatcher(globs: readonly string[]): (path: string) => boolean;
