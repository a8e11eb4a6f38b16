/**
 * Writing both Actions' job summaries. The runner masks registered secrets (core.setSecret) in the
 * log, not in the summary: what the summary shows is scrubbed here, all of it as one text, so that
 * whatever field a secret reached (a `set` value in the table of changes, a message, a path), the
 * summary never shows it, as the log does not.
 */
import * as core from "@actions/core";

let scrub: (text: string) => string = (text) => text;

/** Scrubs every summary written from now on with `redact` (protectToken's), as core.setSecret masks the log from then on. */
export function redactSummaries(redact: (text: string) => string): void {
  scrub = redact;
}

/** core.summary.write for the summary built so far, scrubbed (redactSummaries). */
export async function writeSummaryFile(): Promise<void> {
  const html = scrub(core.summary.stringify());
  await core.summary.emptyBuffer().addRaw(html).write();
}
