// runAction runs a throwaway Action (real @actions/core and @actions/github) the way the runner does, against the fake.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeGitHub, type FakeGitHub } from "../support/github-fake.js";
import { inputVar, parseAnnotations, parseFileCommand, runAction } from "../support/run-action.js";

const modules = resolve("node_modules/@actions");
const actionYml = `name: throwaway
inputs:
  who: { required: true }
  greeting: { default: Hello }
  token: { default: "\${{ github.token }}" }
  target repo: { default: "\${{ github.repository }}" }
  fail: { default: "false" }
runs: { using: node24, main: index.mjs }
`;
const indexMjs = `import * as core from ${JSON.stringify(pathToFileURL(join(modules, "core/lib/core.js")).href)};
import * as github from ${JSON.stringify(pathToFileURL(join(modules, "github/lib/github.js")).href)};
const who = core.getInput("who", { required: true });
core.setOutput("greeting", core.getInput("greeting") + ", " + who + "\\nsecond line");
core.setOutput("event", github.context.eventName + " " + github.context.payload.marker + " " + process.version.split(".")[0]);
core.warning("look here", { file: "apps/app.yaml", startLine: 3, title: "a, b: c" });
await core.summary.addHeading("Deployed").addRaw(who).write();
const [owner, repo] = core.getInput("target repo").split("/");
await github.getOctokit(core.getInput("token")).rest.repos.createDispatchEvent({ owner, repo, event_type: "from-action" });
if (core.getInput("fail") === "true") core.setFailed("boom: it failed\\nbadly");
`;

let fake: FakeGitHub;
let actionDir: string;

beforeAll(async () => {
  fake = await startFakeGitHub();
  await fake.createRepo("acme", "app", { "README.md": "app\n" });
  actionDir = await mkdtemp(join(tmpdir(), "throwaway-action-"));
  await writeFile(join(actionDir, "action.yml"), actionYml);
  await writeFile(join(actionDir, "index.mjs"), indexMjs);
});

afterAll(async () => {
  await fake.close();
  await rm(actionDir, { recursive: true, force: true });
});

const run = (inputs: Record<string, string>) =>
  runAction({ actionDir, github: fake, repository: "acme/app", eventName: "repository_dispatch", event: { marker: "m1" }, inputs });

describe("runAction", () => {
  it("passes inputs and defaults, and collects outputs, summary and annotations from the real toolkit", async () => {
    const result = await run({ who: "world" });
    expect(result.stderr).toBe("");
    expect(result.exitCode).toBe(0);
    // Under Node 24, the runtime action.yml's `runs.using` names, whichever Node runs the tests.
    expect(result.outputs).toEqual({ greeting: "Hello, world\nsecond line", event: "repository_dispatch m1 v24" });
    expect(result.summary).toBe("<h1>Deployed</h1>\nworld");
    expect(result.annotations).toEqual([{ level: "warning", message: "look here", file: "apps/app.yaml", line: 3, title: "a, b: c" }]);
    // ${{ github.token }} and ${{ github.repository }} reached the fake through GITHUB_API_URL.
    expect(fake.dispatches.at(-1)).toMatchObject({ owner: "acme", repo: "app", eventType: "from-action", token: fake.token });
  });

  it("reports failure through the exit code and an error annotation", async () => {
    const result = await run({ who: "world", fail: "true" });
    expect(result.exitCode).toBe(1);
    expect(result.annotations.filter((a) => a.level === "error")).toEqual([{ level: "error", message: "boom: it failed\nbadly" }]);
  });

  it("lets a missing required input fail inside the action, as the runner does not enforce it", async () => {
    const result = await run({});
    expect(result.exitCode).toBe(1);
    // This throwaway action lets getInput's error escape (no setFailed), so it shows on stderr, not as an annotation.
    expect(result.stderr).toContain("Input required and not supplied: who");
    expect(result.annotations).toEqual([]);
  });

  it("warns about inputs the action does not declare, like the runner", async () => {
    const result = await run({ who: "x", colour: "blue" });
    expect(result.annotations[0]).toEqual({
      level: "warning",
      message: "Unexpected input(s) 'colour', valid inputs are ['who', 'greeting', 'token', 'target repo', 'fail']",
    });
  });

  it("refuses to run an Action on a Node it does not have, rather than on another one", async () => {
    const node12 = await mkdtemp(join(tmpdir(), "throwaway-action-"));
    await writeFile(join(node12, "action.yml"), actionYml.replace("using: node24", "using: node12"));
    await expect(runAction({ actionDir: node12 })).rejects.toThrow(/^runs\.using is node12: this harness runs Node [\d.]+ or Node 24 only$/);
    await rm(node12, { recursive: true, force: true });
  });
});

describe("runner conventions", () => {
  it("names input variables like the runner: spaces to underscores, upper case, hyphens kept", () => {
    expect(inputVar("event-type")).toBe("INPUT_EVENT-TYPE");
    expect(inputVar("target repo")).toBe("INPUT_TARGET_REPO");
  });

  it("parses heredoc and plain file commands, and escaped workflow commands", () => {
    expect(parseFileCommand("a<<ghadelimiter_1\nx\ny\nghadelimiter_1\nb=2\n")).toEqual({ a: "x\ny", b: "2" });
    expect(parseAnnotations("noise\n::error file=a%2Cb.yaml,line=2,col=5::50%25 done%0Anext\n::notice::hi\n")).toEqual([
      { level: "error", message: "50% done\nnext", file: "a,b.yaml", line: 2, col: 5 },
      { level: "notice", message: "hi" },
    ]);
  });

  it("unescapes an annotation's properties once, `%25` last, as the runner does", () => {
    // @actions/core's spelling of the file apps/a%3Ab,c%2C.yaml, whose name holds what looks like escapes.
    expect(parseAnnotations("::warning file=apps/a%253Ab%2Cc%252C.yaml,LINE=3::x")).toEqual([
      { level: "warning", message: "x", file: "apps/a%3Ab,c%2C.yaml", line: 3 },
    ]);
  });

  it("makes the annotations the runner makes: indented, in any case, in the ##[ form, and none between stop-commands and its token", () => {
    const stdout = [
      "  ::Warning::indented",
      "::stop-commands::f3a9",
      "::warning::fenced",
      "text ##[error]fenced too",
      "::F3A9::",
      "build ##[error file=a%3Bb.yaml;line=7]old form",
    ].join("\n");
    expect(parseAnnotations(stdout)).toEqual([
      { level: "warning", message: "indented" },
      { level: "error", message: "old form", file: "a;b.yaml", line: 7 },
    ]);
  });
});

describe("contract", () => {
  it("the action's API calls fit GitHub's OpenAPI description", () => {
    expect(fake.violations).toEqual([]);
  });
});
