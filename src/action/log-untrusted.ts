/**
 * Printing text the Action did not write itself (a payload's fields, paths and contents of
 * files, commit messages) to the log. The runner reads a stdout line as a workflow command when
 * it starts with `::` after spaces, or holds `##[` anywhere (`::add-mask::`, `::stop-commands::`,
 * forged annotations), and core.info writes text as it is. Escaping would garble a diff, so such
 * text is fenced instead, the runner's own way to print output verbatim: `::stop-commands::`
 * with a token nobody can guess, then `::<token>::` to resume.
 */
import { randomUUID } from "node:crypto";
import * as core from "@actions/core";

/** core.info for text that may hold a workflow command; text that cannot is printed as it is. */
export function infoUntrusted(text: string): void {
  if (!text.includes("::") && !text.includes("##[")) {
    core.info(text);
    return;
  }
  const token = randomUUID();
  core.info(`::stop-commands::${token}\n${text}\n::${token}::`);
}
