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
  /**
   * Resolves once what was written to stdout is out, rejects with the error of a write that failed
   * (a full disk); a reader that stopped reading (EPIPE) is no failure. Absent: writes cannot fail.
   */
  readonly flushed?: () => Promise<void>;
}

/** A stream to read as standard input: a terminal says so (`isTTY`), as process.stdin does. */
export type InputStream = Readable & { readonly isTTY?: boolean };

export class UsageError extends Error {}

/** Standard output could not be written, and the output was what the run made (a dry run's diff or payload): it failed. */
export class OutputError extends Error {}

/**
 * An Io over the process's streams. A reader that goes away early (`| head -c1`, a jq that
 * fails) closes the pipe, and writes to it fail with EPIPE: that is no failure of the run, whose
 * files are written and whose exit code stands, so the output stops there, without a stack trace.
 * Any other failed write to stdout (ENOSPC on a full disk) is kept for `flushed`, for the command
 * to say what it means for the run (outputWritten); one to stderr has nowhere to be said.
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
  // Without a listener, a stream's error would end the process with a stack trace; each write's own callback is told of it.
  for (const stream of [stdout, stderr]) stream.on("error", () => {});
  // The first error ends the stream: later writes fail for that reason alone (ERR_STREAM_DESTROYED).
  let ended = false;
  let failure: Error | undefined;
  let last = Promise.resolve();
  const written = (error: NodeJS.ErrnoException | null | undefined) => {
    if (!error || ended) return;
    ended = true;
    if (error.code !== "EPIPE") failure = error;
  };
  const shown = env.GITHUB_ACTIONS === "true" ? fenced : (text: string) => text;
  return {
    stdout: (text) => {
      last = new Promise((resolve) =>
        stdout.write(shown(text), (error) => {
          written(error);
          resolve();
        }),
      );
    },
    stderr: (text) => void stderr.write(shown(text)),
    env,
    ...(stdin && { stdin: () => readInput(stdin()) }),
    flushed: async () => {
      await last;
      if (failure) throw failure;
    },
  };
}

/**
 * Waits for what was written to stdout. When a write failed, a run that has done its work
 * (`done`: "the files were written") still has: that is said on stderr and the exit code stands,
 * so that a script does not redo it (DESIGN §6: 1 is "failed, nothing written"). Without `done`,
 * the output was the run's work (a dry run's diff), and it failed: OutputError.
 */
export async function outputWritten(io: Io, done?: string): Promise<void> {
  const error = await io.flushed?.().then(
    () => undefined,
    (reason: unknown) => reason as Error,
  );
  if (!error) return;
  const said = `could not write to standard output (${error.message})`;
  if (done === undefined) throw new OutputError(said);
  io.stderr(`warning: ${said}; ${done}, so the exit code is 0\n`);
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
