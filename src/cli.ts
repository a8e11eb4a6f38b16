/** Entry point of the `gitops-promote` command (bundled to dist/cli.js). */
import { streamIo } from "./cli/io.js";
import { main } from "./cli/main.js";

process.exitCode = await main(
  process.argv.slice(2),
  streamIo(process.stdout, process.stderr, process.env, () => process.stdin),
);
