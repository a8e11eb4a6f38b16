/** A command's arguments read against its options, each mistake said as bad usage (exit 2) with the option most likely meant. */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { closest, didYouMean } from "../text/closest.js";
import { UsageError } from "./io.js";

export function parse<T extends NonNullable<ParseArgsConfig["options"]>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const { code, message } = error as Error & { code?: string };
    // Node calls a value that looks like the next option "ambiguous": it is a missing value.
    const valueless =
      code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" ? /^Option '(--[\w-]+)(?: <value>)?' argument (?:is ambiguous|missing)/.exec(message) : null;
    if (valueless) {
      const [, option] = valueless;
      // What stands where the value belongs: one of the command's own options (`--image --json`) is a value left out, not one starting with "-".
      const at = args.findIndex((arg, i) => arg === option && args[i + 1]?.startsWith("-"));
      const hint = message.includes("ambiguous") && !(at >= 0 && isOption(args[at + 1]!, options));
      throw new UsageError(`${option} needs a value${hint ? ` (a value starting with "-" is written ${option}=-VALUE)` : ""}`);
    }
    // `--dry-run=yes`: Node says "Option '--dry-run' does not take an argument"; a switch is on by being given.
    const switched = code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" ? /^Option '(--[\w-]+)' does not take an argument/.exec(message) : null;
    if (switched) throw new UsageError(`${switched[1]} takes no value: give ${switched[1]} alone to turn it on, leave it out for off`);
    const unknown = code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" ? /'(-[^']*)'/.exec(message)?.[1] : undefined;
    if (unknown === undefined) throw new UsageError(message);
    const near = closest(unknown.replace(/^-+/, "").split("=")[0]!, Object.keys(options));
    throw new UsageError(`unknown option ${unknown}${didYouMean(near === undefined ? undefined : `--${near}`)}`);
  }
}

/** Whether `arg` names one of `options` (`--json`, `--config=x`, `-h`). */
function isOption(arg: string, options: NonNullable<ParseArgsConfig["options"]>): boolean {
  if (arg.startsWith("--")) return arg.slice(2).split("=")[0]! in options;
  return Object.values(options).some((option) => option.short !== undefined && arg === `-${option.short}`);
}
