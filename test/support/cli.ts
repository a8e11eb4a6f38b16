/** Runs the bundled CLI (`node dist/cli.js`) as a user would, or its source in process, and copies fixture trees to scratch dirs. */
import { spawn } from "node:child_process";
import { cp, readFile, readdir } from "node:fs/promises";

import { join, relative } from "node:path";
import { main } from "../../src/cli/main.js";
import { tempDir } from "./temp.js";

export const PROJECT = join(import.meta.dirname, "..", "..");
export const SHARED = join(PROJECT, "..", "shared");
export const CONFORMANCE = join(SHARED, "conformance");

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCli(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(PROJECT, "dist", "cli.js"), ...args], { cwd: options.cwd ?? PROJECT, env: { ...process.env, ...options.env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d));
    child.stderr.on("data", (d: Buffer) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** The CLI's main(argv) run from source, in process, with what is piped into it (`stdin`; undefined: a terminal) and its environment (`env`; none by default). */
export async function runMain(argv: string[], stdin?: string, env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), env, stdin: async () => stdin });
  return { code, stdout, stderr };
}

/** A scratch copy of a directory (symlinks copied as links, dangling ones too). */
export async function scratchCopy(dir: string): Promise<string> {
  const target = await tempDir("gp-test-");
  await cp(dir, target, { recursive: true, verbatimSymlinks: true });
  return target;
}

/** Every regular file under `dir` with its bytes, keyed by POSIX relative path. */
export async function snapshot(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out.set(relative(dir, path).split("\\").join("/"), await readFile(path));
  }
  return out;
}
