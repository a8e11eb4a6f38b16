/** Applying a plan to a directory: the only place the engine writes. */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Plan } from "./plan.js";

/** Writes every changed file in place (keeping its mode); unchanged files are never rewritten. */
export async function writePlan(root: string, plan: Plan): Promise<void> {
  await Promise.all(plan.files.filter((f) => f.after !== f.before).map((f) => writeFile(join(root, ...f.path.split("/")), f.after)));
}
