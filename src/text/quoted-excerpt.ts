/** How much of a text an error quotes back: enough to recognise it, whatever its sender made it. */
const EXCERPT_CHARACTERS = 100;

/**
 * `text` quoted as JSON (its control characters escaped), cut after its first 100 characters
 * with `…` and its length when longer: an error echoes what an untrusted sender wrote (a
 * payload's 60 KB target name), and the log or annotation should not carry all of it.
 */
export function quotedExcerpt(text: string): string {
  if (text.length <= EXCERPT_CHARACTERS) return JSON.stringify(text);
  // Not half a surrogate pair: the excerpt stays well-formed text.
  const cut = text.slice(0, EXCERPT_CHARACTERS).replace(/[\uD800-\uDBFF]$/, "");
  return `${JSON.stringify(`${cut}…`)} (${text.length} characters)`;
}
