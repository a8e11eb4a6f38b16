/**
 * Text edits as splices, shared by the YAML and KCL editors: each replaces [start, end) of the
 * original text. Everything outside the edited ranges stays byte for byte.
 */
import { SourceError } from "../change.js";
import { lineAt } from "./line-index.js";

/** Replace `text[start, end)` with `insert`. */
export interface Splice {
  readonly start: number;
  readonly end: number;
  readonly insert: string;
}

/** Text order for `Array.prototype.sort`: by start, then end; the sort is stable, so insertions at one offset keep their given order. */
export function byPosition(a: Splice, b: Splice): number {
  return a.start - b.start || a.end - b.end;
}

/**
 * Applies splices given in text order (`byPosition`); returns `text` itself when there are
 * none. Overlapping splices are a bug of the editor that made them: they throw a SourceError at
 * the line, so that the run names the file and writes nothing of it, as for any file it cannot edit.
 */
export function applySplices(text: string, ordered: readonly Splice[]): string {
  if (ordered.length === 0) return text;
  let out = "";
  let at = 0;
  for (const { start, end, insert } of ordered) {
    if (start < at)
      throw new SourceError(`two edits overlap here, which is a fault of gitops-promote (please report it); the file is left as it is`, lineAt(text, start));
    out += text.slice(at, start) + insert;
    at = end;
  }
  return out + text.slice(at);
}
