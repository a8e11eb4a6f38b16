/**
 * Lines reported before a later edit of the same text, as they read after it: an edit that
 * adds or removes line breaks moves every line below it. shiftLines knows only the texts
 * before and after (the edit is the span between their common prefix and suffix; a line
 * starting at or after its old end moves with it); linesMovedBy knows the splices made.
 */
import { LineIndex, lineBreaks } from "./line-index.js";
import { partitionPoint } from "./partition-point.js";
import type { Splice } from "./splice.js";

export function shiftLines<C extends { readonly line?: number }>(changes: readonly C[], before: string, after: string): C[] {
  if (changes.length === 0 || before === after) return [...changes];
  let prefix = 0;
  const shortest = Math.min(before.length, after.length);
  while (prefix < shortest && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shortest - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  const oldEnd = before.length - suffix;
  const lines = { before: new LineIndex(before), after: new LineIndex(after) };
  // Several edits are one span: when they add and remove no line break, as values replaced in place, no line in it moves either.
  const inPlace = lineBreaks(before, prefix, oldEnd) === lineBreaks(after, prefix, after.length - suffix);
  return changes.map((change) => {
    if (change.line === undefined) return change;
    const start = lines.before.lineStart(change.line);
    if (start === undefined || start < prefix || (inPlace && start < oldEnd)) return change;
    const moved = start >= oldEnd ? start + after.length - before.length : prefix;
    const line = lines.after.lineAt(moved);
    return line === change.line ? change : { ...change, line };
  });
}

/**
 * How many lines the text at an offset of `text` moves down once `ordered` (splices in text order,
 * none overlapping, as applySplices takes them) are made: a splice moves what is after it, not what
 * is in it or at its start (what it adds). Built once, each lookup is O(log splices).
 */
export function linesMovedBy(text: string, ordered: readonly Splice[]): (offset: number) => number {
  // Non-overlapping splices in text order have their ends in order too: the splices before an offset are a prefix of them.
  const starts = ordered.map((s) => s.start);
  const ends = ordered.map((s) => s.end);
  const moved = [0];
  for (const s of ordered) moved.push(moved[moved.length - 1]! + lineBreaks(s.insert) - lineBreaks(text, s.start, s.end));
  return (offset) => moved[Math.min(countBelow(starts, offset), countBelow(ends, offset + 1))]!;
}

/** How many of the sorted numbers are below `limit`. */
function countBelow(sorted: readonly number[], limit: number): number {
  return partitionPoint(sorted.length, (i) => sorted[i]! < limit);
}
