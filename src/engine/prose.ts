/**
 * Where a file's text is prose, which nothing deploys: a comment (`# was ghcr.io/acme/app:1.4.0`),
 * and in KCL a triple-quoted string (a docstring). Told by the file's lexical structure, not by its
 * line: a `#` inside a quoted YAML scalar (`"see #x"`) or a KCL string is content, while in a
 * block scalar's text it is the comment of the script it holds. The yaml package's lexer and the KCL tokenizer decide, each only for a file that needs
 * it, once.
 */
import { CST, Lexer } from "yaml";
import { StringFlag, T, tryTokenize } from "../kcl/tokenizer.js";
import { partitionPoint } from "../text/partition-point.js";

/** [start, end) offsets into the text. */
type Span = readonly [number, number];

/**
 * Whether an offset of `text` (a `.k` file when `kcl`; any other is read as YAML, a kcl.mod's
 * TOML too, whose comments are the same and whose strings rarely hold a `#`) is in prose. A
 * comment runs to the end of its line, so one with no `#` before the offset on its line holds none:
 * only then is the file lexed, or for a KCL file that has a triple quote at all.
 */
export function proseAt(text: string, kcl: boolean): (at: number) => boolean {
  const docstrings = kcl && (text.includes('"""') || text.includes("'''"));
  let spans: readonly Span[] | undefined;
  return (at) => {
    if (!docstrings && !hashBefore(text, at)) return false;
    spans ??= (kcl ? kclProse(text) : yamlComments(text)).sort((a, b) => a[0] - b[0]);
    // Spans do not overlap: the last that starts at or before the offset is the only one that may hold it.
    const last = spans[partitionPoint(spans.length, (i) => spans![i]![0] <= at) - 1];
    return last !== undefined && at < last[1];
  };
}

/** How far back a line is searched for a `#`: past it, the file is lexed, so that a long line costs one lexing, not a scan per offset. */
const LINE_LOOKBACK = 4096;

/** Whether a `#` may precede `at` on its line: one does, or the line is too long to tell cheaply. */
function hashBefore(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0 && i >= at - LINE_LOOKBACK; i--) {
    const c = text.charCodeAt(i);
    if (c === 35) return true;
    if (c === 10 || c === 13) return false;
  }
  return at > LINE_LOOKBACK;
}

/**
 * A YAML text's comments, and in a block scalar's text the comments of the script or config it
 * holds (a shell's `# crane pull …:1.3.0`): a `#` that starts a line's text or follows a space
 * there runs to the line's end, as the embedded language reads it. The lexer's tokens spell the
 * text but for its control tokens; a scalar's text follows the SCALAR one, and may begin with `#`.
 */
function yamlComments(text: string): Span[] {
  const spans: Span[] = [];
  let offset = 0;
  let scalar = false;
  let block = false;
  for (const token of new Lexer().lex(text)) {
    if (token === CST.SCALAR) {
      scalar = true;
      continue;
    }
    if (token === CST.DOCUMENT || token === CST.FLOW_END) continue;
    const type = CST.tokenType(token);
    if (scalar && block) spans.push(...embeddedComments(token, offset));
    else if (!scalar && type === "comment") spans.push([offset, offset + token.length]);
    if (type === "block-scalar-header") block = true;
    else if (type !== "newline" && type !== "space" && type !== "comment") block = false;
    if (scalar) block = false;
    scalar = false;
    offset += token.length;
  }
  return spans;
}

/** In a block scalar's text at `offset`, each line's `#` at its start or after a space, to the line's end. */
function embeddedComments(body: string, offset: number): Span[] {
  const spans: Span[] = [];
  for (const match of body.matchAll(/(?:^|[ \t])(#[^\n\r]*)/gm)) {
    const start = offset + match.index + match[0].length - match[1]!.length;
    spans.push([start, start + match[1]!.length]);
  }
  return spans;
}

/** A KCL text's comments and triple-quoted strings; none for a text KCL cannot lex, whose not-edited warning says why it stays. */
function kclProse(text: string): Span[] {
  const tokens = tryTokenize(text);
  if (!tokens) return [];
  const spans: Span[] = [];
  for (let c = 0; c < tokens.commentCount; c++) spans.push([tokens.commentStart[c]!, tokens.commentEnd[c]!]);
  for (let t = 0; t < tokens.count; t++) {
    if (tokens.kind[t] === T.String && (tokens.flags[t]! & StringFlag.Triple) !== 0) spans.push([tokens.start[t]!, tokens.end[t]!]);
  }
  return spans;
}
