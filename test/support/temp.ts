/**
 * Scratch directories for tests, removed when their test file ends (test/support/cleanup.ts
 * is a vitest setup file): thousands of runs must not fill the machine's temp directory.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

const created: string[] = [];

/** A new empty directory under the OS temp directory, named `<prefix>XXXXXX`. */
export async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

export async function removeTempDirs(): Promise<void> {
  await Promise.all(created.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}
