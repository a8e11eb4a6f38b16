/**
 * Paths into a YAML document: `spec.containers[0].image`, `a["dot.key"].b`. Used to name
 * changed fields and, parsed, by the CLI's `--set FILE:PATH=VALUE` for YAML files.
 */
import { SourceError } from "../change.js";

/** A mapping key, or (a number) a list index written in brackets. Bare `0` stays a string: it indexes a list or names a key. */
export type PathSegment = string | number;

const BARE_KEY = /^[^.[\]"'\s]+$/;

/** `spec.containers[0].image`; keys that are not bare words are written `["a.b"]`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (BARE_KEY.test(segment)) out += out === "" ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** Parses `a.b[0]`, `a["dot.key"].b`, `a['x'].b`, `containers.0.image`; throws SourceError saying where it is malformed. */
export function parsePath(text: string): PathSegment[] {
  const fail = (why: string, at: number): never => {
    throw new SourceError(`invalid path ${JSON.stringify(text)}: ${why} at character ${at + 1}`);
  };
  const segments: PathSegment[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === "[") {
      const close = text[i + 1] === '"' || text[i + 1] === "'" ? quotedEnd(text, i + 1) : text.indexOf("]", i);
      if (close < 0 || text[close] !== "]") fail("unclosed '['", i);
      const inner = text.slice(i + 1, close);
      if (inner.startsWith('"')) segments.push(JSON.parse(inner) as string);
      else if (inner.startsWith("'")) segments.push(inner.slice(1, -1).replaceAll("''", "'"));
      else if (/^[0-9]+$/.test(inner)) segments.push(Number(inner));
      else fail(`'[${inner}]' is neither a list index nor a quoted key`, i);
      i = close + 1;
    } else {
      const end = text.slice(i).search(/[.[]/);
      const key = end < 0 ? text.slice(i) : text.slice(i, i + end);
      if (!BARE_KEY.test(key)) fail(key === "" ? "empty key" : `key ${JSON.stringify(key)} must be quoted in brackets`, i);
      segments.push(key);
      i += key.length;
    }
    if (text[i] === ".") {
      i++;
      if (i === text.length || text[i] === "[") fail("empty key", i);
    } else if (i < text.length && text[i] !== "[") fail("expected '.' or '['", i);
  }
  if (segments.length === 0) fail("empty path", 0);
  return segments;
}

/** Index just after the closing quote of the quoted key starting at `open`, or -1. */
function quotedEnd(text: string, open: number): number {
  const quote = text[open]!;
  for (let i = open + 1; i < text.length; i++) {
    if (quote === '"' && text[i] === "\\") i++;
    else if (text[i] === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i + 1;
    }
  }
  return -1;
}
