/** `gitops-promote update` called as main(argv, io), on scratch trees: what a person and a script are told, and the exit code. */
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), env: {} });
  return { code, stdout, stderr };
}

describe("usage errors point at the command's own help", () => {
  it.each([
    [
      ["dispatch", "--image", "ghcr.io/acme/app:1.5.0"],
      "gitops-promote: dispatch needs --repository OWNER/NAME\nRun 'gitops-promote dispatch --help' for usage.\n",
    ],
    [
      ["dispatch", "--repositry", "acme/x"],
      "gitops-promote: unknown option --repositry (did you mean --repository?)\nRun 'gitops-promote dispatch --help' for usage.\n",
    ],
    [["update", "--imgae", "x:1"], "gitops-promote: unknown option --imgae (did you mean --image?)\nRun 'gitops-promote update --help' for usage.\n"],
    [["promote"], `gitops-promote: unknown command "promote"\nRun 'gitops-promote --help' for usage.\n`],
  ])("%j", async (argv, stderr) => {
    expect(await run(argv)).toEqual({ code: 2, stdout: "", stderr });
  });
});
