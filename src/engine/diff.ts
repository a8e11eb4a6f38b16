/**
 * Unified diff of two texts (what `--dry-run` shows), which `git apply` and `patch` accept.
 * Myers' O(ND) algorithm: our edits touch a handful of lines in files that may be long, so D
 * is tiny.
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

function myers(a: readonly string[], b: readonly string[]): Op[] {
  const max = a.length + b.length;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  outer: for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < a.length && y < b.length && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= a.length && y >= b.length) break outer;
    }
  }
  const ops: Op[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && vd[offset + k - 1]! < vd[offset + k + 1]!) ? k + 1 : k - 1;
    const prevX = vd[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push({ kind: " ", line: a[--x]! });
      y--;
    }
    if (d > 0) ops.push(x === prevX ? { kind: "+", line: b[--y]! } : { kind: "-", line: a[--x]! });
  }
  return ops.reverse();
}

/** A `diff -u` style patch between `before` and `after`, or "" when they are equal. */
export function unifiedDiff(path: string, before: string, after: string, context = 3): string {
  if (before === after) return "";
  const ops = myers(splitLines(before), splitLines(after));
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
    out.push(`@@ -${aStart},${aCount} +${bStart},${bCount} @@`, ...hunk.map(hunkLine));
    for (const op of ops.slice(i, end)) {
      if (op.kind !== "+") aLine++;
      if (op.kind !== "-") bLine++;
    }
    i = end;
  }
  return out.join("\n") + "\n";
}
