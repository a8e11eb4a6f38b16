/**
 * Unified diff of two texts (what `--dry-run` shows), which `git apply` and `patch` accept.
 * Myers' O(ND) algorithm: our edits touch a handful of lines in files that may be long, so D
 * is tiny.
 */
/** A `diff -u` style patch between `before` and `after`, or "" when they are equal. */
export declare function unifiedDiff(path: string, before: string, after: string, context?: number): string;
