/** What the CLI commands share: their view of the process, and the error for bad usage (exit 2). */
export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export class UsageError extends Error {}
