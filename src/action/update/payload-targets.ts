/**
 * A dispatch payload's `targets` that name no configured target, told as the payload's field.
 * The engine names the request's field `targets` and lists the configured ones; in the Action
 * they come from the payload alone (`client_payload.targets`, `inputs.payload.targets`), and
 * "configured: none" means the repository's configuration defines no target at all.
 */
import type { Diagnostic } from "../../change.js";
import { PayloadError } from "../../engine/payload.js";
import { DEFAULT_CONFIG, noTargetsSaid } from "../../engine/config-file.js";
import { RequestError } from "../../engine/request.js";

/**
 * The engine's refusal of the request's `targets` as a PayloadError at `payloadField`.targets, so
 * it fails the run as every other payload error does, in one message; anything else as it is.
 */
export function inPayloadTerms(error: unknown, payloadField: string, config: string | undefined): unknown {
  if (!(error instanceof RequestError) || error.issues.length === 0 || !error.issues.every(isTargetsIssue)) return error;
  return new PayloadError(`${payloadField}.targets`, error.issues.map((issue) => payloadReason(issue, config)).join("; "));
}

/** The engine's check of the request's targets: not located in a file, unlike the configuration's `targets[0]...` issues. */
function isTargetsIssue(issue: Diagnostic): boolean {
  return issue.file === undefined && issue.message.startsWith(TARGETS);
}

const TARGETS = "targets: ";
const NONE_CONFIGURED = " (configured: none)";

function payloadReason(issue: Diagnostic, config: string | undefined): string {
  const reason = issue.message.slice(TARGETS.length);
  if (!reason.endsWith(NONE_CONFIGURED)) return reason;
  const none = noTargetsSaid(config, `this repository has no ${DEFAULT_CONFIG} (or .yml) defining targets`, "config:");
  return `${reason.slice(0, -NONE_CONFIGURED.length)}: ${none}`;
}
