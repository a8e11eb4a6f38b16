import { oneLine } from "./one-line.js";

/** How much of a text an error quotes back: enough to recognise it, whatever its sender made it. */
const EXCERPT_CHARACTERS = 100;

/**
 * `text` quoted as JSON (its control characters escaped), cut after its first 100 characters
 * with `…` and its length when longer: an error echoes what an untrusted sender wrote (a
 * payload's 60 KB target name), and the log or annotation should not carry all of it.
 */
export function quotedExcerpt(text: string): string {
  if (text.length <= EXCERPT_CHARACTERS) return quoted(text);
  // Not half a surrogate pair: the excerpt stays well-formed text.
  const cut = text.slice(0, EXCERPT_CHARACTERS).replace(/[\uD800-\uDBFF]$/, "");
  return `${quoted(`${cut}…`)} (${text.length} characters)`;
}

/** JSON's quotes, on one line: JSON.stringify leaves U+2028, U+2029, NEL and DEL as they are (oneLine escapes them). */
function quoted(text: string): string {
  return oneLine(JSON.stringify(text));
}
