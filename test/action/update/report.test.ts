import { describe, expect, it } from "vitest";
import { printDiff } from "../../../src/action/update/report.js";
import type { DeliveryResult } from "../../../src/github/deliver.js";
import { capturedStdout, commandsRun } from "../../support/runner-commands.js";

describe("printDiff", () => {
  const stdout = capturedStdout();

  it("shows a manifest's lines and the commit message as they are, and the runner runs no command in them", () => {
    const before = "data:\n  banner: |\n    ::add-mask::main\n    ##[warning]forged\nimage: ghcr.io/acme/app:1.2.3\n";
    const after = before.replace("1.2.3", "1.2.4");
    const message = "chore(deploy): ghcr.io/acme/app 1.2.3 -> 1.2.4\n\nfrom acme/app\n::stop-commands::x";
    const result: DeliveryResult = {
      changed: true,
      base: "main",
      planned: "0123abc",
      plan: { files: [{ path: "apps/app.yaml", before, after, changes: [] }], changes: [], warnings: [], targets: [], images: [] },
      landings: [{ mode: "push", branch: "main", files: [], changes: [], message }],
      attempts: 1,
    };
    printDiff(result);
    expect(stdout()).toContain("     ::add-mask::main\n     ##[warning]forged\n");
    expect(stdout()).toContain(`would push to main:\n${message}`);
    expect(commandsRun(stdout())).toEqual([]);
  });
});
