import type { Plan } from "./plan.js";
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
export declare function writePlan(root: string, plan: Plan): Promise<void>;
/**
 * writePlan's refusal of a plan whose files have changed since it was made: `paths` are those whose text is not
 * their `before` any more, and writing would lose that change. Nothing was written; plan again.
 */
export declare class StalePlanError extends Error {
    readonly paths: readonly string[];
    constructor(paths: readonly string[]);
}
