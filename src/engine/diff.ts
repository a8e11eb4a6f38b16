/**
 * Unified diff of two texts (what `--dry-run` shows), which `git apply` and `patch` accept.
 * Myers' O(ND) algorithm: our edits mostly touch a handful of lines in files that may be long.
 * But the repository decides how many fields a plan changes, so Myers' search stops after a
 * number of steps linear in N; then the lines unique to both texts anchor them, and only the runs
 * between anchors are diffed, each by Myers or, past its steps again, line by line: a plan
 * changes values in place, so its lines keep their places.
 */

/** `line` keeps its `\n`, so a last line without one differs from the same text with one. */
type Op = { kind: " " | "-" | "+"; line: string };

/**
 * Lines as git and patch see them: ended by `\n` only. Every other byte stays in the line:
 * the `\r` of CRLF (patch context must match the file), and a lone `\r`, which is not a line
 * end to either tool (a file ending lines with `\r` alone is one line to them).
 */
function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  while (start < text.length) {
    const nl = text.indexOf("\n", start);
    const end = nl < 0 ? text.length : nl + 1;
    lines.push(text.slice(start, end));
    start = end;
  }
  return lines;
}

/** A hunk line; a line without `\n` can only be a file's last, and diff -u marks it so. */
function hunkLine(op: Op): string {
  return op.line.endsWith("\n") ? op.kind + op.line.slice(0, -1) : `${op.kind}${op.line}\n\\ No newline at end of file`;
}

/**
 * The steps Myers' search may take (a diagonal extended, two lines compared) per line of the two
 * texts, and besides for a whole text: linear time, and room for about 1,400 edits wherever they
 * are. Its trace holds fewer numbers than it took steps.
 */
const STEPS_PER_LINE = 8;
const STEPS_BESIDES = 1_000_000;

/** The ops turning `a` into `b`: Myers' shortest, or the anchored ones past the search's steps. */
function diffLines(a: readonly string[], b: readonly string[]): Op[] {
  return myers(a, b, STEPS_BESIDES) ?? anchored(a, b);
}

/** Myers' shortest ops, or undefined past the search's steps. */
function myers(a: readonly string[], b: readonly string[], besides: number): Op[] | undefined {
  const trace = myersTrace(a, b, besides);
  if (!trace) return undefined;
  const ops: Op[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && vd[k + d]! < vd[k + d + 2]!) ? k + 1 : k - 1;
    const prevX = vd[prevK + d + 1]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push({ kind: " ", line: a[--x]! });
      y--;
    }
    if (d > 0) ops.push(x === prevX ? { kind: "+", line: b[--y]! } : { kind: "-", line: a[--x]! });
  }
  return ops.reverse();
}

/**
 * Myers' search for the furthest reach on each diagonal k with d edits: V at the start of each
 * step d, its diagonals -d-1 to d+1 (what the walk back reads) at index k + d + 1; undefined
 * once it has taken more steps than it may.
 */
function myersTrace(a: readonly string[], b: readonly string[], besides: number): Int32Array[] | undefined {
  const max = a.length + b.length;
  let steps = STEPS_PER_LINE * max + besides;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      if (--steps < 0) return undefined;
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      const from = x;
      while (x < a.length && y < b.length && a[x] === b[y]) {
        x++;
        y++;
      }
      steps -= x - from;
      v[offset + k] = x;
      if (x >= a.length && y >= b.length) return trace;
    }
  }
  return undefined;
}

/**
 * The ops of a diff too long for Myers: the lines that occur once in each text, kept in the
 * longest run in the same order in both (patience diff's anchors), are unchanged; the runs
 * between them are diffed alone, with no steps besides their lines' (so that all of them stay
 * linear). A plan's changed fields sit between unique lines (names, keys), so each run is short.
 */
function anchored(a: readonly string[], b: readonly string[]): Op[] {
  const ops: Op[] = [];
  let x = 0;
  let y = 0;
  for (const [i, j] of [...uniqueAnchors(a, b), [a.length, b.length] as const]) {
    const [runA, runB] = [a.slice(x, i), b.slice(y, j)];
    for (const op of myers(runA, runB, 0) ?? paired(runA, runB)) ops.push(op);
    if (i < a.length) ops.push({ kind: " ", line: a[i]! });
    [x, y] = [i + 1, j + 1];
  }
  return ops;
}

/** The pairs of indexes of lines that occur once in `a` and once in `b`: the longest list of them rising in both. */
function uniqueAnchors(a: readonly string[], b: readonly string[]): (readonly [number, number])[] {
  const seen = new Map<string, { inA: number; inB: number; at: number }>();
  a.forEach((line, i) => {
    const entry = seen.get(line);
    if (entry) entry.inA++;
    else seen.set(line, { inA: 1, inB: 0, at: i });
  });
  for (const line of b) {
    const entry = seen.get(line);
    if (entry) entry.inB++;
  }
  const pairs: (readonly [number, number])[] = [];
  b.forEach((line, j) => {
    const entry = seen.get(line);
    if (entry?.inA === 1 && entry.inB === 1) pairs.push([entry.at, j]);
  });
  return longestRising(pairs);
}

/** The longest subsequence of `pairs` (rising in their second index) whose first index rises too: patience sorting, O(n log n). */
function longestRising(pairs: readonly (readonly [number, number])[]): (readonly [number, number])[] {
  // tails[n]: the index in pairs of the pair ending the best rising run of length n + 1 found so far.
  const tails: number[] = [];
  const before = new Int32Array(pairs.length).fill(-1);
  pairs.forEach(([i], p) => {
    let [low, high] = [0, tails.length];
    while (low < high) {
      const mid = (low + high) >> 1;
      if (pairs[tails[mid]!]![0] < i) low = mid + 1;
      else high = mid;
    }
    if (low > 0) before[p] = tails[low - 1]!;
    tails[low] = p;
  });
  const run: (readonly [number, number])[] = [];
  for (let p = tails.at(-1) ?? -1; p !== -1; p = before[p]!) run.push(pairs[p]!);
  return run.reverse();
}

/**
 * The ops of `a` and `b` paired line by line, a run of differing pairs shown as its deletions
 * then its insertions (as Myers and git show one), the longer text's extra lines at the end.
 */
function paired(a: readonly string[], b: readonly string[]): Op[] {
  const ops: Op[] = [];
  let i = 0;
  while (i < a.length || i < b.length) {
    if (a[i] === b[i]) {
      ops.push({ kind: " ", line: a[i++]! });
      continue;
    }
    let end = i;
    while (end < a.length && end < b.length && a[end] !== b[end]) end++;
    const [endA, endB] = end < a.length && end < b.length ? [end, end] : [a.length, b.length];
    for (let x = i; x < endA; x++) ops.push({ kind: "-", line: a[x]! });
    for (let y = i; y < endB; y++) ops.push({ kind: "+", line: b[y]! });
    i = Math.max(endA, endB);
  }
  return ops;
}

/** A `diff -u` style patch between `before` and `after`, or "" when they are equal. */
export function unifiedDiff(path: string, before: string, after: string, context = 3): string {
  if (before === after) return "";
  const ops = diffLines(splitLines(before), splitLines(after));
  // GNU patch reads a name up to white space unless a tab ends it; git adds one for the same reason.
  const end = path.includes(" ") ? "\t" : "";
  const out = [`--- a/${path}${end}`, `+++ b/${path}${end}`];
  let i = 0;
  let aLine = 1;
  let bLine = 1;
  while (i < ops.length) {
    if (ops[i]!.kind === " ") {
      i++;
      aLine++;
      bLine++;
      continue;
    }
    // A hunk: back up `context` lines, run until `2*context` unchanged lines in a row.
    let start = i;
    let back = 0;
    while (start > 0 && back < context && ops[start - 1]!.kind === " ") {
      start--;
      back++;
    }
    let end = i;
    let quiet = 0;
    while (end < ops.length && quiet <= 2 * context) {
      quiet = ops[end]!.kind === " " ? quiet + 1 : 0;
      end++;
    }
    end -= Math.max(0, quiet - context);
    const hunk = ops.slice(start, end);
    const aCount = hunk.filter((o) => o.kind !== "+").length;
    const bCount = hunk.filter((o) => o.kind !== "-").length;
    // An empty range names the line it follows: 0 for an empty side.
    const aStart = aLine - back - (aCount === 0 ? 1 : 0);
    const bStart = bLine - back - (bCount === 0 ? 1 : 0);
    // One by one: a hunk of a whole long file is too many arguments for one push.
    out.push(`@@ -${aStart},${aCount} +${bStart},${bCount} @@`);
    for (const op of hunk) out.push(hunkLine(op));
    for (const op of ops.slice(i, end)) {
      if (op.kind !== "+") aLine++;
      if (op.kind !== "-") bLine++;
    }
    i = end;
  }
  return out.join("\n") + "\n";
}
