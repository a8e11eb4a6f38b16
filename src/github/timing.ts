/**
 * How a run waits: real pauses on the wall clock, or (tests) a pause and the clock (ms) deadlines
 * are measured on, given together: pauses that take no real time would otherwise meet deadlines
 * of the wall clock (retrying for minutes), and a loaded machine's real ones would miss them.
 */
export type Timing = { readonly sleep?: undefined; readonly now?: undefined } | Clock;

/** A pause and the clock it moves. */
export interface Clock {
  readonly sleep: (ms: number) => Promise<void>;
  readonly now: () => number;
}

/** A real pause. */
export const wallSleep = (ms: number): Promise<void> => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The pause `timing` gives, or a real one. */
export function sleepOf(timing: Timing): (ms: number) => Promise<void> {
  return timing.sleep ?? wallSleep;
}

/** The clock `timing` gives, or the real one. */
export function clockOf(timing: Timing): () => number {
  return timing.now ?? Date.now;
}
