import { afterEach, beforeEach, vi } from "vitest";

/**
 * The workflow commands the GitHub runner would run from a step's stdout, read as its
 * ActionCommandManager reads each line (lines end at `\n`, `\r\n` or a lone `\r`):
 * `::name props::data` once leading spaces are trimmed, or `##[name props]data` anywhere in the
 * line. Between `::stop-commands::TOKEN` and `::TOKEN::` it runs none. Every name counts here,
 * registered or not, so a test errs on the side of seeing a command.
 *
 * ```ts
 * expect(commandsRun("::add-mask::main\nplain text")).toEqual(["add-mask"]);
 * ```
 */
export function commandsRun(stdout: string): string[] {
  const run: string[] = [];
  let stoppedUntil: string | undefined;
  for (const line of stdout.split(/\r\n|\r|\n/)) {
    const command = /^\s*::(.*?)::(.*)$/.exec(line) ?? /##\[(.*?)\](.*)$/.exec(line);
    if (!command) continue;
    const name = command[1]!.split(" ")[0]!;
    if (stoppedUntil !== undefined) {
      if (name === stoppedUntil) stoppedUntil = undefined;
    } else if (name === "stop-commands") {
      stoppedUntil = command[2]!;
    } else {
      run.push(name);
    }
  }
  return run;
}

/** What the code under test writes to stdout during each test of the calling suite, as the runner would read it. */
export function capturedStdout(): () => string {
  let stdout = "";
  beforeEach(() => {
    stdout = "";
    vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      stdout += String(chunk);
      return true;
    });
  });
  afterEach(() => vi.restoreAllMocks());
  return () => stdout;
}
