/**
 * Text a file or a sender wrote, shown inside one line of a message: what would end or garble the line is escaped
 * as JSON escapes it (`\n`, `\u2028`). A log, an annotation or a terminal ends a line at more than LF: CR, NEL
 * (U+0085), and the line and paragraph separators U+2028 and U+2029, which JSON.stringify leaves as they are; other
 * control characters print nothing or move the cursor. A tab stays.
 */
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const BREAKS_LINE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/g;

const SHORT: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r" };

export function oneLine(text: string): string {
  return text.replace(BREAKS_LINE, (c) => SHORT[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
