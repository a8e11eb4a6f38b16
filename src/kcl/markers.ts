/**
 * Where a Flux marker comment sits in a KCL file, read from its tokens: the one rule the editor
 * sets a marked string by and the engine counts a file's markers by (fileMarkers), so a
 * marker the editor does not read is counted nowhere. A marker sets the string its line ends
 * with, closers and commas aside (`image = "app:1" # {...}`, `{image = "app:1"} # {...}`), as
 * Flux sets the field a line comment follows. On a comment line of its own, or after a closer
 * or a string that began on an earlier line (`} # {...}`, `""" # {...}`), it follows no string
 * of its line and marks nothing: as in YAML, where a comment after a flow collection is the
 * collection's and Flux sets scalars only.
 */
import { SourceError } from "../change.js";
import { MARKER_KEY, readMarker, type Marker, type MarkerLine } from "../image/marker.js";
import { parseKcl } from "./parser.js";
import { isSpace, T, type Tokens } from "./tokenizer.js";

/** Tokens between a value and the comment after it that still leave the comment the value's. */
const CLOSERS = new Set<number>([T.RParen, T.RBracket, T.RBrace, T.Comma]);

/** Closers that end a collection or a call, as what a marker after them follows. */
const BRACKET_CLOSERS = new Set<number>([T.RParen, T.RBracket, T.RBrace]);

/**
 * A comment holding the marker key, and where it is: after the value `token` on its line (the
 * last token before it, closers aside), on a comment line of its own, or after what `follows`
 * names, where it marks nothing.
 */
export type MarkerComment = {
  readonly comment: string;
  readonly start: number;
  readonly line: number;
} & ({ readonly token: number } | { readonly ownLine: true } | { readonly follows: string });

/** The comments of a file holding the marker key, in order: found by its occurrences, not by reading every comment. */
export function* markerComments(tokens: Tokens): Generator<MarkerComment> {
  const { text } = tokens.source;
  let token = 0;
  for (let c = 0, next = text.indexOf(MARKER_KEY); c < tokens.commentCount && next >= 0; c++) {
    const start = tokens.commentStart[c]!;
    const end = tokens.commentEnd[c]!;
    if (next < start) next = text.indexOf(MARKER_KEY, start);
    if (next < 0 || next >= end) continue;
    next = text.indexOf(MARKER_KEY, end);
    const comment = text.slice(start, end);
    const line = tokens.source.line(start);
    while (token + 1 < tokens.count && tokens.end[token + 1]! <= start) token++;
    if ([...text.slice(tokens.source.lineStart(start), start)].every((c) => isSpace(c.charCodeAt(0)))) {
      yield { comment, start, line, ownLine: true };
      continue;
    }
    // No token before it: nothing for it to follow.
    if (tokens.end[token]! > start) continue;
    let at = token;
    while (at > 0 && CLOSERS.has(tokens.kind[at]!)) at--;
    if (tokens.source.line(tokens.start[at]!) === line) yield { comment, start, line, token: at };
    else yield { comment, start, line, follows: follows(tokens, at, token) };
  }
}

/** What a marker after the token `last` follows, when the value `at` before its closers began on an earlier line. */
function follows(tokens: Tokens, at: number, last: number): string {
  for (let t = last; t > at; t--) if (BRACKET_CLOSERS.has(tokens.kind[t]!)) return `a closing ${tokens.source.text.slice(tokens.start[t], tokens.end[t])}`;
  const begun = `begun on line ${tokens.source.line(tokens.start[at]!)}`;
  return tokens.kind[at] === T.String ? `a string ${begun}` : `a value ${begun}`;
}

/** A marker that follows no string of its line (MarkerComment's `follows`): it marks nothing, and where it goes is said. */
export function misplacedMarkerWarning(marker: Marker, follows: string): string {
  return (
    `Flux setter "${marker.setter}" follows ${follows}, where it marks nothing: a KCL marker sets the string its line ends with, ` +
    `closers and commas aside, so the values before it are treated as unmarked; write it at the end of the line of the string value it sets`
  );
}

/**
 * The markers of a KCL text the editor reads (after a value on its line), each at its line, with
 * what the line holds before it; none in a text that does not parse, which the editor leaves.
 * `misplaced`: instead those it reads nowhere and warns of (on a line of their own, after what `follows`).
 */
export function kclMarkers(text: string, misplaced = false): MarkerLine[] {
  let tokens: Tokens;
  try {
    ({ tokens } = parseKcl(text));
  } catch (error) {
    if (error instanceof SourceError) return [];
    throw error;
  }
  const found: MarkerLine[] = [];
  for (const place of markerComments(tokens)) {
    const reading = "token" in place !== misplaced ? readMarker(place.comment) : undefined;
    if (reading && "marker" in reading)
      found.push({ marker: reading.marker, line: place.line, before: text.slice(tokens.source.lineStart(place.start), place.start).trim() });
  }
  return found;
}
