/** The shape every `bench/*.bench.ts` returns, and small timing helpers they share. */
import { execFileSync } from "node:child_process";

export interface BenchReport {
  readonly title: string;
  /** A markdown section: figures, ratios, and the command that made them. */
  readonly markdown: string;
  /** Wall-time figures, which depend on the runtime (counts of API calls do not). */
  readonly timed: boolean;
}

/**
 * Writes the file system's pending writes back before timing starts, so that a freshly made
 * tree's (or an earlier bench's) write-back does not fall into the first contender's runs.
 */
export function flushWrites(): void {
  execFileSync("sync");
}

/** Median wall time in milliseconds of `runs` calls, after one warm-up call. */
export async function medianMs(runs: number, fn: (run: number) => Promise<unknown>): Promise<number> {
  await fn(-1);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn(i);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export function machine(): string {
  return `Node ${process.version}, ${process.platform}/${process.arch}`;
}
