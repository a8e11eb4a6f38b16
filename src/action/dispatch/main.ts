/**
 * Entry of the dispatch Action (dispatch/action.yml -> dist/dispatch/index.js): read the
 * inputs, send the payload, write outputs and a job summary. Runs in the app repository.
 */
import * as core from "@actions/core";
import { createClient } from "../../github/client.js";
import { dispatchImages, DispatchError } from "../../github/dispatch.js";
import { sourceFromEnv } from "../../engine/payload.js";
import { protectToken } from "../token.js";
import { readDispatchInputs } from "./inputs.js";
import { setOutputs, writeSummary } from "./report.js";

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
      setOutputs(result.payload, inputs.options.repositories, result.dispatched);
      await writeSummary(result.payload, inputs.options.repositories, result.dispatched).catch(summaryNotWritten);
    } catch (error) {
      if (!(error instanceof DispatchError)) throw error;
      setOutputs(inputs.options.payload, inputs.options.repositories, error.dispatched);
      await writeSummary(inputs.options.payload, inputs.options.repositories, error.dispatched, redact(error.message)).catch(summaryNotWritten);
      throw error;
    }
  } catch (error) {
    core.setFailed(redact(error instanceof Error ? error.message : String(error)));
  }
}

await run();
