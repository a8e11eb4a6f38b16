/** What the CLI commands share: their view of the process, and the error for bad usage (exit 2). */
import type { Readable, Writable } from "node:stream";
import { text as readText } from "node:stream/consumers";
import { fenceWorkflowCommands, jsonWithoutWorkflowCommands } from "../text/workflow-commands.js";

export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The standard input, read to its end; undefined when it is a terminal, which nothing was piped into. Absent: there is none. */
  readonly stdin?: () => Promise<string | undefined>;
}

/** A stream to read as standard input: a terminal says so (`isTTY`), as process.stdin does. */
export type InputStream = Readable & { readonly isTTY?: boolean };

export class UsageError extends Error {}

/**
 * An Io over the process's streams. A reader that goes away early (`| head -c1`, a jq that
 * fails) closes the pipe, and writes to it fail with EPIPE: that is no failure of the run, whose
 * files are written and whose exit code stands, so the output stops there, without a stack trace.
 *
 * In a workflow's `run:` step (GITHUB_ACTIONS=true) the runner reads both streams for workflow
 * commands, and what the CLI prints holds a repository's text (a diff's lines, paths, values in
 * warnings): each write that could hold a command is fenced, as the Action's log is. Each write
 * is whole lines. JSON never needs a fence (printJson).
 *
 * `stdin` is called only when a command reads its standard input (`update --payload -`), so that
 * no other run opens process.stdin.
 */
export function streamIo(stdout: Writable, stderr: Writable, env: Io["env"], stdin?: () => InputStream): Io {
  for (const stream of [stdout, stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE") throw error;
    });
  }
  const shown = env.GITHUB_ACTIONS === "true" ? fenced : (text: string) => text;
  return {
    stdout: (text) => void stdout.write(shown(text)),
    stderr: (text) => void stderr.write(shown(text)),
    env,
    ...(stdin && { stdin: () => readInput(stdin()) }),
  };
}

function readInput(stream: InputStream): Promise<string | undefined> {
  return stream.isTTY ? Promise.resolve(undefined) : readText(stream);
}

/** `text` fenced when it could hold a workflow command, the fence's last line ended as the text's is (or is not). */
function fenced(text: string): string {
  const lines = text.endsWith("\n") ? text.slice(0, -1) : text;
  const shown = fenceWorkflowCommands(lines);
  return shown === lines ? text : `${shown}\n`;
}

/** `value` on stdout as indented JSON, which holds no workflow command, so a program reads it whole wherever it runs. */
export function printJson(io: Io, value: unknown): void {
  io.stdout(jsonWithoutWorkflowCommands(value) + "\n");
}
