/**
 * Text edits as splices: each replaces [start, end) of the original text. Everything
 * outside the edited ranges is kept byte for byte.
 */
export interface Splice {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Apply non-overlapping splices; insertions at one position keep their given order. */
export function applySplices(text: string, splices: readonly Splice[]): string {
  if (splices.length === 0) return text;
  const ordered = splices.map((s, i) => ({ s, i })).sort((a, b) => a.s.start - b.s.start || a.s.end - b.s.end || a.i - b.i);
  let out = "";
  let at = 0;
  for (const { s } of ordered) {
    if (s.start < at) throw new Error(`overlapping edits at offset ${s.start}`);
    out += text.slice(at, s.start) + s.text;
    at = s.end;
  }
  return out + text.slice(at);
}
