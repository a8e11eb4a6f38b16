/**
 * Printing text neither the Action nor the CLI wrote (a payload's fields, the paths and contents of
 * a repository's files) where the GitHub runner reads it: a step's output. The runner reads a line
 * as a workflow command when it starts with `::` once its leading whitespace is trimmed, or holds
 * `##[` anywhere (`::add-mask::`, `::stop-commands::`, forged annotations). Escaping would garble a
 * diff, so such text is fenced instead, the runner's own way to print output verbatim:
 * `::stop-commands::` with a token nobody can guess, then `::<token>::` to resume.
 */
import { randomUUID } from "node:crypto";

/**
 * Whether a line of `text` is a workflow command. The runner ends lines at `\n` and `\r` (and
 * `^` here at U+2028 and U+2029 too, which only fences more), and trims .NET's whitespace:
 * JavaScript's `\s` and U+0085.
 */
export function holdsWorkflowCommand(text: string): boolean {
  return /^[\s\u0085]*::/m.test(text) || text.includes("##[");
}

/** `text` (lines without a final line break) such that the runner runs no command in it: as it is when it holds none. */
export function fenceWorkflowCommands(text: string): string {
  if (!holdsWorkflowCommand(text)) return text;
  const token = randomUUID();
  return `::stop-commands::${token}\n${text}\n::${token}::`;
}

/**
 * `value` as indented JSON, the same value to a JSON reader, that holds no workflow command: no
 * line starts with `::` (each starts with a quote, a bracket, a brace or a literal), and a
 * `##[` in a string is written `#\u0023[`. Output a program reads cannot be fenced.
 */
export function jsonWithoutWorkflowCommands(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/#(?=#\[)/g, "\\u0023");
}
