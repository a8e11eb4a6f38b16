/**
 * A YAML line's indentation, for the scans that read YAML line by line without a parse. YAML
 * indents with spaces only: a tab after them separates (in a flow collection, a continued value)
 * or is text (a block scalar's), and other white space (U+00A0, U+3000) is text, so a line
 * `\u00a0key: value` at a key's column is the next key, not more of the value above.
 */

/** How far a line is indented: its leading spaces. */
export function indentOf(line: string): number {
  return /^ */.exec(line)![0].length;
}
