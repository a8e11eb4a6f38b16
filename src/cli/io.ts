/** What the CLI commands share: their view of the process, and the error for bad usage (exit 2). */
import type { Writable } from "node:stream";

export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export class UsageError extends Error {}

/**
 * An Io over the process's streams. A reader that goes away early (`| head -c1`, a jq that
 * fails) closes the pipe, and writes to it fail with EPIPE: that is no failure of the run, whose
 * files are written and whose exit code stands, so the output stops there, without a stack trace.
 */
export function streamIo(stdout: Writable, stderr: Writable, env: Io["env"]): Io {
  for (const stream of [stdout, stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE") throw error;
    });
  }
  return { stdout: (text) => void stdout.write(text), stderr: (text) => void stderr.write(text), env };
}
