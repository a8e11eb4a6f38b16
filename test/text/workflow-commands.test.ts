import { describe, expect, it } from "vitest";
import { fenceWorkflowCommands, holdsWorkflowCommand, jsonWithoutWorkflowCommands } from "../../src/text/workflow-commands.js";
import { commandsRun } from "../support/runner-commands.js";

describe("workflow commands in printed text", () => {
  it("a line is one when it starts with :: once the runner trims its whitespace, or holds ##[ anywhere", () => {
    for (const text of ["::error::x", "a\n  ::add-mask::main", "a\r::warning::x", "\t\u00a0::set-output name=x::y", "text ##[add-mask]main"]) {
      expect(commandsRun(text), JSON.stringify(text)).not.toEqual([]);
      expect(holdsWorkflowCommand(text), JSON.stringify(text)).toBe(true);
    }
    // .NET's TrimStart trims U+0085 (next line) too, which JavaScript's \s does not.
    expect(holdsWorkflowCommand("\u0085::error::x")).toBe(true);
    // `::` inside a line is text: an image reference, a KCL path.
    for (const text of ["ghcr.io/acme/app:1.2.4", "a ::error::x", "image: x::y", "## [x]"]) {
      expect(commandsRun(text), JSON.stringify(text)).toEqual([]);
      expect(holdsWorkflowCommand(text), JSON.stringify(text)).toBe(false);
    }
  });

  it("fences text that holds one, each time with a new token; other text is as it was", () => {
    const text = " note: |\n   ::set-output name=changed::false\n   ::stop-commands::mine";
    const [first, second] = [fenceWorkflowCommands(text), fenceWorkflowCommands(text)];
    expect(first).toContain(`\n${text}\n`);
    expect(first).not.toBe(second);
    expect(commandsRun(`${first}\n::warning::ours`)).toEqual(["warning"]);
    expect(fenceWorkflowCommands("ghcr.io/acme/app:1.2.4")).toBe("ghcr.io/acme/app:1.2.4");
  });

  it("JSON, which cannot be fenced, is the same value to a reader and holds none", () => {
    const value = { message: 'holds "1.0 ##[add-mask]main ###[x]", ::error::y', lines: ["::warning::z"] };
    const json = jsonWithoutWorkflowCommands(value);
    expect(JSON.parse(json)).toEqual(value);
    expect(commandsRun(json)).toEqual([]);
    expect(json).toContain("\\u0023#[add-mask]");
  });
});
