import type { Plan } from "./plan.js";
/**
 * Writes every changed file in place, keeping its mode; unchanged files are never rewritten.
 * All or nothing as far as a file system allows: every target is checked first, then each new
 * text goes to a temporary file beside its target, and only when every one is written are they
 * renamed over their targets, so a refused target or a failed write (a full disk, say) leaves
 * the tree as it was. Synchronous like the reads (source.ts): threadpool round trips cost more
 * than these small writes.
 */
export declare function writePlan(root: string, plan: Plan): Promise<void>;
