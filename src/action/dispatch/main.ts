/**
 * Entry of the dispatch Action (dispatch/action.yml -> dist/dispatch/index.js): read the
 * inputs, send the payload, write outputs and a job summary. Runs in the app repository.
 */
import * as core from "@actions/core";
import { createClient } from "../../github/client.js";
import { dispatchImages, DispatchError } from "../../github/dispatch.js";
import type { Dispatched } from "../../github/dispatch.js";
import { sourceFromEnv, type Payload } from "../../engine/payload.js";
import { escapeAttribute, escapeHtml } from "../summary-html.js";
import { protectToken } from "../token.js";
import { readDispatchInputs } from "./inputs.js";

/**
 * Each repository's entry, in the order of the input, or undefined where the event was not
 * delivered: a later step pairs the n-th line of run-id with the n-th repository.
 * `dispatched` keeps that order and names each repository as the input does.
 */
function perRepository(repositories: readonly string[], dispatched: readonly Dispatched[]): (Dispatched | undefined)[] {
  let next = 0;
  return repositories.map((repository) => (dispatched[next]?.repository === repository ? dispatched[next++] : undefined));
}

function writeOutputs(payload: Payload, repositories: readonly string[], dispatched: readonly Dispatched[]): void {
  const lines = perRepository(repositories, dispatched);
  core.setOutput("payload", JSON.stringify(payload));
  core.setOutput("run-id", lines.map((d) => d?.runId ?? "").join("\n"));
  core.setOutput("run-url", lines.map((d) => d?.runUrl ?? "").join("\n"));
  core.setOutput("conclusion", lines.map((d) => d?.conclusion ?? "").join("\n"));
}

async function writeSummary(payload: Payload, dispatched: readonly Dispatched[], failure?: string): Promise<void> {
  const rows = dispatched.map((d) => [
    d.repository,
    d.kind === "repository_dispatch"
      ? `repository_dispatch <code>${escapeHtml(d.eventType ?? "")}</code>`
      : `workflow_dispatch <code>${escapeHtml(d.workflow ?? "")}</code> on <code>${escapeHtml(d.ref ?? "")}</code>`,
    d.runUrl ? `<a href="${escapeAttribute(d.runUrl)}">${d.runId ?? "run"}</a>` : "(GitHub reports no run for this event)",
    d.conclusion ?? "-",
  ]);
  core.summary.addHeading("gitops-promote dispatch", 3).addList(payload.images.map((image) => `<code>${escapeHtml(image)}</code>`));
  if (rows.length > 0) {
    core.summary.addTable([
      [
        { data: "Repository", header: true },
        { data: "Event", header: true },
        { data: "Run", header: true },
        { data: "Conclusion", header: true },
      ],
      ...rows,
    ]);
  }
  if (failure) core.summary.addCodeBlock(escapeHtml(failure));
  await core.summary.write();
}

export async function run(): Promise<void> {
  const redact = protectToken(core.getInput("token"), core.setSecret);
  // A runner without job summaries (GITHUB_STEP_SUMMARY unset): the events were sent, or the failure is the step's result all the same.
  const summaryNotWritten = (error: unknown) => core.warning(`job summary not written: ${redact(String(error))}`);
  try {
    const inputs = readDispatchInputs(core, sourceFromEnv(process.env));
    for (const note of inputs.notes) core.info(note);
    for (const warning of inputs.warnings) core.warning(warning, { title: "gitops-promote" });
    const octokit = createClient({ token: inputs.token, log: (message) => core.warning(redact(message)) });
    try {
      const result = await dispatchImages(octokit, { ...inputs.options, log: (line) => core.info(line) });
      writeOutputs(result.payload, inputs.options.repositories, result.dispatched);
      await writeSummary(result.payload, result.dispatched).catch(summaryNotWritten);
    } catch (error) {
      if (!(error instanceof DispatchError)) throw error;
      writeOutputs(inputs.options.payload, inputs.options.repositories, error.dispatched);
      await writeSummary(inputs.options.payload, error.dispatched, redact(error.message)).catch(summaryNotWritten);
      throw error;
    }
  } catch (error) {
    core.setFailed(redact(error instanceof Error ? error.message : String(error)));
  }
}

await run();
