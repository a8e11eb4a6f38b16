/** Items as a sentence lists them: `a`, `a and b`, `a, b and c`; empty for none. */
export function andList(items: readonly string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(", ")} and ${items.at(-1)}` : items.join("");
}

/**
 * The first `named` items, comma-separated, and how many more there are: `a, b, c and 7 more`;
 * all of them when there are no more than `named`. Ten by default, as a missing-key message
 * names the keys there: a config of thousands would make it unreadable.
 */
export function cappedList(items: readonly string[], named = 10): string {
  return items.length > named ? `${items.slice(0, named).join(", ")} and ${items.length - named} more` : items.join(", ");
}
