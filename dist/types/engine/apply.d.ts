import type { Plan } from "./plan.js";
/** Writes every changed file in place (keeping its mode); unchanged files are never rewritten. */
export declare function writePlan(root: string, plan: Plan): Promise<void>;
