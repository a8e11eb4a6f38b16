/**
 * Markup for both Actions' job summaries, which GitHub renders as HTML: a value a user or the
 * API supplies (a message, a branch, a URL) must stay text, one rule wherever it is written.
 */

/** Text between tags. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A double-quoted attribute value (an href): a `"` would end it. */
export function escapeAttribute(value: string): string {
  return escapeHtml(value).replace(/"/g, "&quot;");
}
