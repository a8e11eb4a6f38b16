/**
 * A byte screen: whether a text holds any of some words. Each word is looked for first from
 * its first `/` or `$` on (`acme/app` from `/app`), a needle V8 finds by skipping to a rare
 * character, and whole only where that part is found. On KCL, where quotes and letters start
 * most tokens, one alternation RegExp of the words scans ~4x slower (bench/kcl.bench.ts's tree).
 */
export declare function wordScreen(words: readonly string[]): (text: string) => boolean;
