/**
 * Another string written into the source of a string whose text is escaped (a TOML or YAML
 * quoted string): only the characters that differ are encoded again, so the escapes the file
 * wrote around them (`\u0022` for a quote) stay as written.
 */

/** A quoted string's source decoded: `map[i]` is the source offset where decoded UTF-16 unit i starts; map[text.length] is where the text ends. */
export interface Decoded {
  readonly text: string;
  readonly map: readonly number[];
}

/**
 * The source splice that makes `decoded`'s text read `after`: the source range of the units
 * that differ ([start, end), offsets of `map`), and what to write there, `encode`d; undefined
 * when `encode` cannot write those units.
 */
export function escapedEdit(
  decoded: Decoded,
  after: string,
  encode: (text: string) => string | undefined,
): { readonly start: number; readonly end: number; readonly insert: string } | undefined {
  const { text: before, map } = decoded;
  let same = 0;
  while (same < before.length && same < after.length && before[same] === after[same]) same++;
  let tail = 0;
  while (tail < before.length - same && tail < after.length - same && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  // One escape may stand for two units (a surrogate pair): the range takes it whole.
  while (same > 0 && map[same] === map[same - 1]) same--;
  while (tail > 0 && map[before.length - tail] === map[before.length - tail - 1]) tail--;
  const insert = encode(after.slice(same, after.length - tail));
  return insert === undefined ? undefined : { start: map[same]!, end: map[before.length - tail]!, insert };
}
