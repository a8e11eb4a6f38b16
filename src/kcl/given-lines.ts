/**
 * Lines of the text given to a run of edits, for offsets of the text the edits so far made: a
 * KCL -O delete reports the entry it removes on the line the entry stood on in the file as given
 * (it has none in the output), which no other spec of the run, before or after it, moves.
 */
import { lineBreaks } from "../text/line-index.js";
import { partitionPoint } from "../text/partition-point.js";
import type { Splice } from "../text/splice.js";
import type { SourceText } from "./source.js";

interface Edit {
  readonly splices: readonly Splice[];
  /** Where each splice's text starts and ends in the text the edit made (both in order, as the splices are). */
  readonly starts: readonly number[];
  readonly ends: readonly number[];
}

export class GivenLines {
  readonly #edits: Edit[] = [];

  constructor(readonly given: SourceText) {}

  /** Record the splices (in text order, as applySplices takes them) that made the current text from the one before. */
  edited(ordered: readonly Splice[]): void {
    const starts: number[] = [];
    const ends: number[] = [];
    let shift = 0;
    for (const s of ordered) {
      starts.push(s.start + shift);
      shift += s.insert.length - (s.end - s.start);
      ends.push(s.end + shift);
    }
    this.#edits.push({ splices: ordered, starts, ends });
  }

  /**
   * The given text's line of an offset of the current text. Text an edit wrote stands where it
   * was written, on the line that many line breaks of what was written there below it.
   */
  line(offset: number): number {
    let at = offset;
    let written = 0;
    for (let e = this.#edits.length - 1; e >= 0; e--) {
      const { splices, starts, ends } = this.#edits[e]!;
      // The splices whose text ends at or before the offset are before it (an insertion at it is too).
      const before = partitionPoint(ends.length, (i) => ends[i]! <= at);
      if (before < splices.length && starts[before]! <= at) {
        written += lineBreaks(splices[before]!.insert, 0, at - starts[before]!);
        at = splices[before]!.start;
      } else if (before > 0) at -= ends[before - 1]! - splices[before - 1]!.end;
    }
    return this.given.line(at) + written;
  }
}
