/**
 * The triggering event's file (GITHUB_EVENT_PATH), checked before @actions/github loads. Its context
 * parses the file as the module loads, so a file that is not JSON (a hand-made one, in a local run)
 * ended the step with that parse's stack trace before the Action could say anything. Such a file is
 * kept from the context, which then reads no event (as with GITHUB_EVENT_PATH unset), and what is
 * wrong with it is kept for the Action to fail with. Each Action's entry imports this module before
 * any module that imports @actions/github, and by name: package.json says `sideEffects: false`, and
 * the bundler drops a bare `import "./event-file.js"`.
 */
import { existsSync, readFileSync } from "node:fs";

/** Why the event file is not one @actions/github's context can read, as the context reads it; undefined when it is (or there is none). */
export function eventFileError(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const path = env["GITHUB_EVENT_PATH"];
  // A missing file the context says itself, and reads as no event.
  if (!path || !existsSync(path)) return undefined;
  try {
    JSON.parse(readFileSync(path, { encoding: "utf8" }));
    return undefined;
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    const why = error instanceof SyntaxError ? `is not JSON (${message})` : `cannot be read (${code ?? message})`;
    return `the event file GITHUB_EVENT_PATH names, ${path}, ${why}: the runner writes the triggering event there as JSON`;
  }
}

export const EVENT_FILE_ERROR = eventFileError(process.env);
if (EVENT_FILE_ERROR !== undefined) delete process.env["GITHUB_EVENT_PATH"];
