/**
 * Entry of the dispatch Action (dispatch/action.yml -> dist/dispatch/index.js): read the
 * inputs, send the payload, write outputs and a job summary. Runs in the app repository. A
 * failure, refused inputs included, sets every output and writes a summary all the same, for
 * `if: always()` steps. A dry run checks what the run would send, as the run does, and sends
 * nothing.
 */
// First: @actions/github reads the event file as it loads (event-file.ts).
import { EVENT_FILE_ERROR } from "../event-file.js";
import * as core from "@actions/core";
import { createClient } from "../../github/client.js";
import { checkDispatch, describePlan, dispatchImages, DispatchError } from "../../github/dispatch.js";
import { sourceFromEnv } from "../../engine/payload.js";
import { protectToken } from "../token.js";
import { redactSummaries } from "../summary-file.js";
import { askedDryRun, readDispatchInputs, type DispatchInputs } from "./inputs.js";
import { setOutputs, writeDryRunSummary, writeRefusedDryRunSummary, writeRefusedSummary, writeSummary } from "./report.js";

export async function run(): Promise<void> {
  const redact = protectToken(core.getInput("token"), core.setSecret);
  redactSummaries(redact);
  // A runner without job summaries (GITHUB_STEP_SUMMARY unset): the events were sent, or the failure is the step's result all the same.
  const summaryNotWritten = (error: unknown) => core.warning(`job summary not written: ${redact(String(error))}`);
  const messageOf = (error: unknown) => redact(error instanceof Error ? error.message : String(error));
  // This Action reads no event: it runs all the same, and says what other steps may fail on.
  if (EVENT_FILE_ERROR !== undefined) core.warning(EVENT_FILE_ERROR);
  let inputs: DispatchInputs;
  try {
    inputs = readDispatchInputs(core, sourceFromEnv(process.env));
  } catch (error) {
    setOutputs(undefined, [], []);
    await writeRefusedSummary(messageOf(error), askedDryRun(core)).catch(summaryNotWritten);
    core.setFailed(messageOf(error));
    return;
  }
  try {
    for (const note of inputs.notes) core.info(note);
    for (const warning of inputs.warnings) core.warning(warning, { title: "gitops-promote" });
    try {
      if (inputs.dryRun) {
        const plan = checkDispatch(inputs.options);
        core.info(`dry run: nothing sent; ${describePlan(plan)} would announce ${inputs.options.payload.images.join(", ")}`);
        setOutputs(inputs.options.payload, inputs.options.repositories, []);
        await writeDryRunSummary(inputs.options.payload, plan, inputs.warnings).catch(summaryNotWritten);
        return;
      }
      const octokit = createClient({ token: inputs.token, log: (message) => core.warning(redact(message)) });
      const result = await dispatchImages(octokit, { ...inputs.options, log: (line) => core.info(line) });
      setOutputs(result.payload, inputs.options.repositories, result.dispatched);
      await writeSummary(result.payload, inputs.options.repositories, result.dispatched, inputs.warnings).catch(summaryNotWritten);
    } catch (error) {
      if (!(error instanceof DispatchError)) throw error;
      const { payload, repositories } = inputs.options;
      setOutputs(payload, repositories, error.dispatched);
      // A dry run's refusal (checkDispatch's) sent nothing: its summary says it was a dry run.
      const written = inputs.dryRun
        ? writeRefusedDryRunSummary(payload, repositories, inputs.warnings, redact(error.message))
        : writeSummary(payload, repositories, error.dispatched, inputs.warnings, redact(error.message));
      await written.catch(summaryNotWritten);
      throw error;
    }
  } catch (error) {
    core.setFailed(messageOf(error));
  }
}

await run();
