import { afterEach, beforeEach, vi } from "vitest";

/** A workflow command as the runner reads it: properties keyed in lower case (it matches their names ignoring case), values unescaped. */
export interface RunnerCommand {
  readonly name: string;
  readonly properties: Readonly<Record<string, string>>;
  readonly data: string;
}

/**
 * The workflow commands the GitHub runner would run from a step's stdout, read as its
 * ActionCommandManager reads each line (lines end at `\n`, `\r\n` or a lone `\r`):
 * `::name props::data` once .NET's leading whitespace is trimmed (JavaScript's `\s` and U+0085),
 * or `##[name props]data` anywhere in the line. Between `::stop-commands::TOKEN` and `::TOKEN::`
 * it runs none; names match ignoring case. Every name counts here, registered or not, so a test
 * errs on the side of seeing a command.
 *
 * ```ts
 * expect(commandsRun("::add-mask::main\nplain text")).toEqual(["add-mask"]);
 * ```
 */
export function commandsRun(stdout: string): string[] {
  return runnerCommands(stdout).map((command) => command.name);
}

/** The commands `commandsRun` names, with their properties and data unescaped as the runner unescapes them. */
export function runnerCommands(stdout: string): RunnerCommand[] {
  const run: RunnerCommand[] = [];
  let stoppedUntil: string | undefined;
  for (const line of stdout.split(/\r\n|\r|\n/)) {
    const command = parseV2(line) ?? parseV1(line);
    if (!command) continue;
    const name = command.name.toLowerCase();
    if (stoppedUntil !== undefined) {
      // An empty token is never met: the runner then runs no command to the end of the step.
      if (stoppedUntil !== "" && name === stoppedUntil) stoppedUntil = undefined;
    } else if (name === "stop-commands") {
      stoppedUntil = command.data.toLowerCase();
    } else {
      run.push(command);
    }
  }
  return run;
}

/** `::name k=v,k=v::data` (ActionCommand.TryParseV2). */
function parseV2(line: string): RunnerCommand | undefined {
  const message = line.replace(/^[\s\u0085]+/, "");
  if (!message.startsWith("::")) return undefined;
  const end = message.indexOf("::", 2);
  if (end < 0) return undefined;
  const info = message.slice(2, end);
  const space = info.indexOf(" ");
  const properties = space < 0 ? "" : info.slice(space + 1).trim();
  return {
    name: space < 0 ? info : info.slice(0, space),
    properties: parseProperties(properties, ",", unescapeProperty),
    data: unescape(message.slice(end + 2), DATA_ESCAPES),
  };
}

/** `##[name k=v;k=v]data`, anywhere in the line (ActionCommand.TryParse). */
function parseV1(line: string): RunnerCommand | undefined {
  const prefix = line.indexOf("##[");
  if (prefix < 0) return undefined;
  const end = line.indexOf("]", prefix);
  if (end < 0) return undefined;
  const info = line.slice(prefix + 3, end);
  const space = info.indexOf(" ");
  return {
    name: space < 0 ? info : info.slice(0, space),
    properties: parseProperties(space < 0 ? "" : info.slice(space + 1), ";", unescapeV1),
    data: unescapeV1(line.slice(end + 1)),
  };
}

function parseProperties(text: string, separator: string, unescapeValue: (s: string) => string): Record<string, string> {
  const properties: Record<string, string> = {};
  for (const pair of text.split(separator).filter(Boolean)) {
    const equals = pair.indexOf("=");
    if (equals > 0 && equals < pair.length - 1) properties[pair.slice(0, equals).toLowerCase()] = unescapeValue(pair.slice(equals + 1));
  }
  return properties;
}

// The runner's escape tables, applied in its order: `%25` last, so an escaped `%3A` stays `%3A`.
const DATA_ESCAPES: [string, string][] = [
  ["%0D", "\r"],
  ["%0A", "\n"],
  ["%25", "%"],
];
const PROPERTY_ESCAPES: [string, string][] = [
  ["%0D", "\r"],
  ["%0A", "\n"],
  ["%3A", ":"],
  ["%2C", ","],
  ["%25", "%"],
];
const V1_ESCAPES: [string, string][] = [
  ["%3B", ";"],
  ["%0D", "\r"],
  ["%0A", "\n"],
  ["%5D", "]"],
  ["%25", "%"],
];
const unescape = (s: string, table: readonly [string, string][]) => table.reduce((text, [escaped, raw]) => text.replaceAll(escaped, raw), s);
const unescapeProperty = (s: string) => unescape(s, PROPERTY_ESCAPES);
const unescapeV1 = (s: string) => unescape(s, V1_ESCAPES);

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
