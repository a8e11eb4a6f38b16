/**
 * Lines reported before a later edit of the same text, as they read after it: an edit that
 * adds or removes line breaks moves every line below it. The edit is the span between the
 * texts' common prefix and suffix; a line starting at or after its old end moves with it.
 */
import { LineIndex, lineBreaks } from "./line-index.js";

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
