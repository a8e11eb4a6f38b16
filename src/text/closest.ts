/**
 * What a mistyped name most likely meant, among the names known: a CLI option, a Flux marker key.
 */

/** The nearest of `names` to `typed` at most `most` edits away (two by default), the first of equals; none when `typed` is one of them: a known name is no typo. */
export function closest(typed: string, names: Iterable<string>, most = 2): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of names) {
    if (name === typed) return undefined;
    const distance = editDistance(typed, name);
    if (distance <= most && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}

/** ` (did you mean …?)`, to end a message about a typo, naming what was `meant` (closest's, maybe spelt as it was typed); nothing when nothing was. */
export function didYouMean(meant: string | undefined): string {
  return meant === undefined ? "" : ` (did you mean ${meant}?)`;
}

/** Levenshtein distance, a swap of two neighbours counting as one edit. */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}
