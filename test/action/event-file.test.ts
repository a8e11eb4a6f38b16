/** The event file (GITHUB_EVENT_PATH) @actions/github reads as it loads, checked first: what each Action says of one that is not JSON. */
import { execFile } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { eventFileError } from "../../src/action/event-file.js";
import { FAILED_OUTPUTS, inputVar, parseAnnotations, parseFileCommand } from "../support/run-action.js";
import { tempDir } from "../support/temp.js";

describe("eventFileError", () => {
  it("names the file and says it is not JSON", async () => {
    const file = join(await tempDir("gp-event-"), "event.json");
    await writeFile(file, "not json {");
    expect(eventFileError({ GITHUB_EVENT_PATH: file })).toBe(
      `the event file GITHUB_EVENT_PATH names, ${file}, is not JSON (Unexpected token 'o', "not json {" is not valid JSON): the runner writes the triggering event there as JSON`,
    );
  });

  it("says a file that cannot be read, which @actions/github's context would throw on too", async () => {
    const dir = await tempDir("gp-event-");
    expect(eventFileError({ GITHUB_EVENT_PATH: dir })).toBe(
      `the event file GITHUB_EVENT_PATH names, ${dir}, cannot be read (EISDIR): the runner writes the triggering event there as JSON`,
    );
  });

  it("leaves a JSON file, a missing one and none to the context, which reads them without throwing", async () => {
    const dir = await tempDir("gp-event-");
    await writeFile(join(dir, "event.json"), '{"inputs": {}}');
    expect([join(dir, "event.json"), join(dir, "missing.json"), undefined, ""].map((path) => eventFileError({ GITHUB_EVENT_PATH: path }))).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});

/**
 * An Action's entry run from source, as the bundle runs it (the entry's imports load @actions/github
 * before its run starts), with an event file that is not JSON: its exit code, logs, outputs and summary.
 * `env` overrides the runner's variables (GITHUB_STEP_SUMMARY "" is a runner without job summaries).
 */
async function runWithEventNotJson(entry: string, inputs: Record<string, string>, env: Record<string, string> = {}) {
  const dir = await tempDir("gp-event-");
  const files = { event: join(dir, "event.json"), output: join(dir, "output"), summary: join(dir, "summary") };
  await writeFile(files.event, "not json {");
  await Promise.all([writeFile(files.output, ""), writeFile(files.summary, ""), mkdir(join(dir, "workspace"))]);
  const tsx = join(process.cwd(), "node_modules/tsx/dist/cli.mjs");
  const runnerEnv = {
    PATH: process.env.PATH,
    HOME: dir,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_WORKSPACE: join(dir, "workspace"),
    GITHUB_REPOSITORY: "acme/app",
    ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [inputVar(name), value])),
    ...env,
  };
  const run = await new Promise<{ code: number; stdout: string; stderr: string }>((done) =>
    execFile(process.execPath, [tsx, join(process.cwd(), entry)], { env: runnerEnv }, (error, stdout, stderr) =>
      done({ code: error ? Number(error.code) : 0, stdout, stderr }),
    ),
  );
  const said = `the event file GITHUB_EVENT_PATH names, ${files.event}, is not JSON (Unexpected token 'o', "not json {" is not valid JSON): the runner writes the triggering event there as JSON`;
  return { ...run, said, outputs: parseFileCommand(await readFile(files.output, "utf8")), summary: await readFile(files.summary, "utf8") };
}

describe("an event file that is not JSON", () => {
  it("fails the update Action with one line naming the file, no stack trace, and every output of a failure", async () => {
    const result = await runWithEventNotJson("src/action/update/main.ts", { images: "ghcr.io/acme/app:1.2.4" });
    expect([result.code, result.stdout, result.stderr]).toEqual([1, `::error title=gitops-promote::${result.said}\n`, ""]);
    expect(result.outputs).toEqual(FAILED_OUTPUTS);
    expect(result.summary).toContain(result.said);
  });

  it("on a runner without job summaries, warns that there is none under the title the failure has", async () => {
    const result = await runWithEventNotJson("src/action/update/main.ts", { images: "ghcr.io/acme/app:1.2.4" }, { GITHUB_STEP_SUMMARY: "" });
    expect([result.code, parseAnnotations(result.stdout), result.stderr]).toEqual([
      1,
      [
        { level: "error", title: "gitops-promote", message: result.said },
        { level: "warning", title: "gitops-promote", message: expect.stringMatching(/^job summary not written: /) },
      ],
      "",
    ]);
  });

  it("is a warning to the dispatch Action, which reads no event and runs all the same", async () => {
    const result = await runWithEventNotJson("src/action/dispatch/main.ts", {
      token: "t",
      repository: "acme/manifests",
      images: "ghcr.io/acme/app:1.2.4",
      "dry-run": "true",
    });
    expect([result.code, parseAnnotations(result.stdout), result.stderr]).toEqual([0, [{ level: "warning", message: result.said }], ""]);
    expect(JSON.parse(result.outputs["payload"]!)).toMatchObject({ images: ["ghcr.io/acme/app:1.2.4"] });
  });
});
