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

/**
 * Median wall time in milliseconds of each contender over `runs` rounds, after one warm-up call each.
 * The contenders take turns within every round, a different one first each round, so that the
 * machine speeding up or slowing down mid-bench (write-back of earlier writes, a neighbour's load)
 * weighs on all of them alike and the ratios between them hold; timed one after the other, in
 * blocks, the same YAML engine measured 1.47x to 1.92x its floor from one run to the next.
 */
export async function medianMs<K extends string>(runs: number, contenders: Record<K, (run: number) => Promise<unknown>>): Promise<Record<K, number>> {
  const names = Object.keys(contenders) as K[];
  for (const name of names) await contenders[name](-1);
  const times = new Map<K, number[]>(names.map((name) => [name, []]));
  for (let round = 0; round < runs; round++) {
    for (let turn = 0; turn < names.length; turn++) {
      const name = names[(round + turn) % names.length]!;
      const start = process.hrtime.bigint();
      await contenders[name](round);
      times.get(name)!.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  return Object.fromEntries(names.map((name) => [name, median(times.get(name)!)])) as Record<K, number>;
}

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export function machine(): string {
  return `Node ${process.version}, ${process.platform}/${process.arch}`;
}
