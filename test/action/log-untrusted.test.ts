import { EOL } from "node:os";
import { describe, expect, it } from "vitest";
import { infoUntrusted } from "../../src/action/log-untrusted.js";
import { capturedStdout, commandsRun } from "../support/runner-commands.js";

describe("infoUntrusted", () => {
  const stdout = capturedStdout();

  it("prints a payload's forged workflow commands verbatim, and the runner runs none of them", () => {
    const repository = [
      "acme/app",
      "::warning file=README.md,title=Security::forged annotation",
      "  ::add-mask::main",
      "::set-output name=pull-request-url::https://evil.example/pr/1",
      "text ##[add-mask]main",
      "x\r::stop-commands::pwn",
    ].join("\n");
    // Printed raw, the runner would run these:
    expect(commandsRun(`promoting ghcr.io/acme/app:1.2.4 from ${repository}\n`)).toEqual(["warning", "add-mask", "set-output", "add-mask"]);

    infoUntrusted(`promoting ghcr.io/acme/app:1.2.4 from ${repository}`);
    expect(stdout()).toContain(`promoting ghcr.io/acme/app:1.2.4 from ${repository}`);
    expect(commandsRun(stdout())).toEqual([]);
  });

  it("resumes commands after the text, with a token the text cannot know", () => {
    infoUntrusted("::add-mask::main");
    infoUntrusted("::add-mask::main");
    const [first, second] = [...stdout().matchAll(/^::stop-commands::(.+)$/gm)].map((m) => m[1]);
    expect(first).not.toBe(second);
    expect(commandsRun(`${stdout()}::warning::ours${EOL}`)).toEqual(["warning"]);
  });

  it("prints text that cannot hold a command as it is", () => {
    infoUntrusted("pushed 0123abc to main (https://github.com/acme/manifests)");
    expect(stdout()).toBe(`pushed 0123abc to main (https://github.com/acme/manifests)${EOL}`);
  });
});
