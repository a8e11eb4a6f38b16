/**
 * Printing text the Action did not write itself (a payload's fields, paths and contents of
 * files, commit messages) to the log, where core.info writes text as it is: fenced when it could
 * hold a workflow command (fenceWorkflowCommands says how).
 */
import * as core from "@actions/core";
import { fenceWorkflowCommands } from "../text/workflow-commands.js";

/** core.info for text that may hold a workflow command; text that cannot is printed as it is. */
export function infoUntrusted(text: string): void {
  core.info(fenceWorkflowCommands(text));
}
