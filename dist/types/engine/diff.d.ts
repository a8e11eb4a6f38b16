/**
 * Unified diff of two texts (what `--dry-run` shows), which `git apply` and `patch` accept.
 * Myers' O(ND) algorithm: our edits mostly touch a handful of lines in files that may be long.
 * But the repository decides how many fields a plan changes, so Myers' search stops after a
 * number of steps linear in N; then the lines unique to both texts anchor them, and only the runs
 * between anchors are diffed, each by Myers or, past its steps again, line by line: a plan
 * changes values in place, so its lines keep their places.
 */
/** A `diff -u` style patch between `before` and `after`, or "" when they are equal. */
export declare function unifiedDiff(path: string, before: string, after: string, context?: number): string;
