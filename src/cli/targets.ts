/**
 * Target names that no configured target has, told as what gave them (`--target`, or
 * `--payload.targets`) and refused as bad usage (exit 2), like any flag value that is not what the
 * flag takes. The engine checks the request's targets once it has read the configuration, names
 * the field `targets` and lists the configured ones; "configured: none" means the configuration
 * read defines no target at all.
 */
import type { Diagnostic } from "../change.js";
import { DEFAULT_CONFIG, noTargetsSaid } from "../engine/config-file.js";
import { RequestError } from "../engine/request.js";

const TARGETS = "targets: ";
const NONE_CONFIGURED = " (configured: none)";

/** The engine's check of the request's targets: not located in a file, unlike the configuration's `targets[0]...` issues. */
function isTargetsIssue(issue: Diagnostic): boolean {
  return issue.file === undefined && issue.message.startsWith(TARGETS);
}

/**
 * `error`'s request-level `targets` issues as `given`'s (`--target`, `--payload.targets`), or
 * undefined when it has none; `config` is --config's file, `root` DIR.
 */
export function unknownTargets(error: unknown, config: string | undefined, root: string, given: string): Diagnostic[] | undefined {
  if (!(error instanceof RequestError) || !error.issues.some(isTargetsIssue)) return undefined;
  return error.issues.map((issue) => (isTargetsIssue(issue) ? givenIssue(issue, config, root, given) : issue));
}

function givenIssue(issue: Diagnostic, config: string | undefined, root: string, given: string): Diagnostic {
  const reason = issue.message.slice(TARGETS.length);
  if (!reason.endsWith(NONE_CONFIGURED)) return { message: `${given}: ${reason}` };
  const none = noTargetsSaid(config, `DIR (${root}) has no ${DEFAULT_CONFIG} (or .yml) defining targets`, "--config");
  return { message: `${given}: ${reason.slice(0, -NONE_CONFIGURED.length)}: ${none}` };
}
