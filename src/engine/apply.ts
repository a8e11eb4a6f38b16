/** Applying a plan to a directory: the only place the engine writes. */
import { chmodSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Plan } from "./plan.js";

/**
 * Writes every changed file in place, keeping its mode; unchanged files are never rewritten.
 * All or nothing as far as a file system allows: each new text goes to a temporary file
 * beside its target, and only when every one is written are they renamed over their
 * targets, so a failed write (a full disk, say) leaves the tree as it was. Synchronous like
 * the reads (source.ts): threadpool round trips cost more than these small writes.
 */
export async function writePlan(root: string, plan: Plan): Promise<void> {
  const staged: { readonly temp: string; readonly target: string }[] = [];
  try {
    for (const file of plan.files) {
      if (file.after === file.before) continue;
      const target = join(root, ...file.path.split("/"));
      const temp = `${target}.gitops-promote-${process.pid}.tmp`;
      const { mode } = statSync(target);
      staged.push({ temp, target });
      writeFileSync(temp, file.after);
      chmodSync(temp, mode & 0o7777);
    }
  } catch (error) {
    for (const { temp } of staged) rmSync(temp, { force: true });
    throw error;
  }
  for (const { temp, target } of staged) renameSync(temp, target);
}
