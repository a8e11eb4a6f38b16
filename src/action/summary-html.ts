/**
 * Markup for both Actions' job summaries, which GitHub renders as HTML: a value a user or the
 * API supplies (a message, a branch, a URL) must stay text, one rule wherever it is written.
 */

function escapeMarkup(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * Text between tags, its line breaks as `<br>`: a blank line would end the HTML block, and what
 * follows it (text from a repository's files) would be read as Markdown: a heading, a link.
 */
export function escapeHtml(text: string): string {
  return escapeMarkup(text).replace(/\r\n|\r|\n/g, "<br>");
}

/** A double-quoted attribute value (an href): a `"` would end it, a line break is a character reference. */
export function escapeAttribute(value: string): string {
  return escapeMarkup(value).replace(/"/g, "&quot;").replace(/\r/g, "&#13;").replace(/\n/g, "&#10;");
}
