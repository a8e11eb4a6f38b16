/**
 * What the dispatch Action reports, sent, failed, refused or a dry run's: one line of run-id, run-url and conclusion
 * per repository named, in the input's order, for a later step to pair with it; and a job summary of
 * the images announced, a row for every repository named with what became of its event, the
 * inputs' warnings (a mutable tag picked, an input with no effect), and the failure, if any. Inputs refused before a payload was built leave `payload` JSON's `null` and the
 * other outputs empty, and a summary of the failure alone.
 */
import * as core from "@actions/core";
import type { Payload } from "../../engine/payload.js";
import type { Dispatched, DispatchEvent, DispatchPlan } from "../../github/dispatch.js";
import { counted } from "../../text/counted.js";
import { escapeAttribute, escapeHtml } from "../summary-html.js";
import { writeSummaryFile } from "../summary-file.js";
import { addFittedList, addWarnings, cutToBytes, firstFitting, itemBytes, leftOut, MARKUP_GROWTH, rowBytes, SUMMARY_BUDGET } from "../summary-budget.js";

/**
 * Each repository's entry, in the order of the input, or undefined where the event was not
 * delivered. `dispatched` keeps that order and names each repository as the input does.
 */
function perRepository(repositories: readonly string[], dispatched: readonly Dispatched[]): (Dispatched | undefined)[] {
  let next = 0;
  return repositories.map((repository) => (dispatched[next]?.repository === repository ? dispatched[next++] : undefined));
}

/** `payload` undefined: the inputs were refused before it was built (nothing was sent, and `repositories` is empty). */
export function setOutputs(payload: Payload | undefined, repositories: readonly string[], dispatched: readonly Dispatched[]): void {
  const lines = perRepository(repositories, dispatched);
  // `null`, not empty: `fromJSON(steps.<id>.outputs.payload)` in an `if: always()` step reads it.
  core.setOutput("payload", JSON.stringify(payload ?? null));
  core.setOutput("run-id", lines.map((d) => d?.runId ?? "").join("\n"));
  core.setOutput("run-url", lines.map((d) => d?.runUrl ?? "").join("\n"));
  core.setOutput("conclusion", lines.map((d) => d?.conclusion ?? "").join("\n"));
}

/**
 * The images may take a quarter of the summary's budget, the table a quarter, the warnings an eighth and the failure the
 * rest: a fan-out to many repositories, most of them failing, shows what fits of each.
 */
export async function writeSummary(
  payload: Payload,
  repositories: readonly string[],
  dispatched: readonly Dispatched[],
  warnings: readonly string[],
  failure?: string,
): Promise<void> {
  const rows = perRepository(repositories, dispatched).map((d, i) => [escapeHtml(d?.repository ?? repositories[i]!), ...(d ? delivered(d) : NOT_DELIVERED)]);
  core.summary.addHeading("gitops-promote dispatch", 3);
  await writeReport(payload, rows, warnings, failure);
}

/** A dry run's summary: the payload built and checked, and the event each repository would get; nothing was sent. */
export async function writeDryRunSummary(payload: Payload, plan: DispatchPlan, warnings: readonly string[]): Promise<void> {
  core.summary.addHeading("gitops-promote dispatch", 3);
  addDryRun("The payload was built and checked as a real run does.");
  await writeReport(
    payload,
    plan.repositories.map((repo) => [escapeHtml(repo.fullName), `${eventOf(plan)} (not sent)`, "-", "-"]),
    warnings,
  );
}

/** A dry run that refused the payload's sending (a workflow GitHub cannot name): the rows and the failure a real run's refusal has, under the dry run's line. */
export async function writeRefusedDryRunSummary(
  payload: Payload,
  repositories: readonly string[],
  warnings: readonly string[],
  failure: string,
): Promise<void> {
  core.summary.addHeading("gitops-promote dispatch", 3);
  addDryRun("A real run would refuse it too: see the failure below.");
  await writeReport(
    payload,
    repositories.map((repository) => [escapeHtml(repository), ...NOT_DELIVERED]),
    warnings,
    failure,
  );
}

/** The line that tells a dry run's summary from a run's: no send was tried, whatever `outcome` says came of the check. */
function addDryRun(outcome: string): void {
  core.summary.addRaw(`Dry run: nothing was sent. ${outcome}`, true);
}

/** The images, the table of repositories, the warnings and the failure, if any, under the heading. */
async function writeReport(payload: Payload, rows: readonly string[][], warnings: readonly string[], failure?: string): Promise<void> {
  const images = payload.images.map((image) => `<code>${escapeHtml(image)}</code>`);
  const table = firstFitting(rows, SUMMARY_BUDGET / 4, rowBytes);
  addFittedList(firstFitting(images, SUMMARY_BUDGET / 4, itemBytes), "image", "The <code>payload</code> output lists every one.");
  core.summary.addTable([["Repository", "Event", "Run", "Conclusion"].map((data) => ({ data, header: true })), ...table.shown]);
  if (table.omitted.length > 0) {
    const more = counted(table.omitted.length, "more repository", "more repositories");
    core.summary.addRaw(leftOut(more, "The log says where each event was sent, and the step's error which failed."), true);
  }
  // The log annotates them; the summary is what a reader of the run opens.
  addWarnings(firstFitting(warnings.map(escapeHtml), SUMMARY_BUDGET / 8, itemBytes));
  if (failure) addFailure(failure);
  await writeSummaryFile();
}

/** The summary of inputs refused before anything was sent: the failure, which names the input; a dry run's says it was one. */
export async function writeRefusedSummary(failure: string, dryRun: boolean): Promise<void> {
  core.summary.addHeading("gitops-promote dispatch", 3);
  if (dryRun) addDryRun("The inputs are not usable: a real run would refuse them too.");
  else core.summary.addRaw("Nothing was sent: the inputs are not usable.", true);
  addFailure(failure);
  await writeSummaryFile();
}

/** The failure as the step's error says it, as much of it as three eighths of the summary's budget hold. */
function addFailure(failure: string): void {
  const cut = cutToBytes(failure, (SUMMARY_BUDGET * 3) / 8 / MARKUP_GROWTH);
  core.summary.addCodeBlock(escapeHtml(cut ?? failure));
  if (cut !== undefined) core.summary.addRaw(leftOut("the rest of the failure", "The step's error in the log has all of it."), true);
}

/** A repository the event reached: which event, the run it started when GitHub says, and how that run ended when waited for. */
function delivered(d: Dispatched): string[] {
  return [
    eventOf(d),
    d.runUrl ? `<a href="${escapeAttribute(d.runUrl)}">${d.runId ?? "run"}</a>` : "(GitHub reports no run for this event)",
    d.conclusion ?? "-",
  ];
}

/** The event, sent or planned, as describeEvent says it in plain text, with its names as code; a planned workflow_dispatch without a ref runs on the default branch. */
function eventOf(d: DispatchEvent): string {
  return d.kind === "repository_dispatch"
    ? `repository_dispatch <code>${escapeHtml(d.eventType)}</code>`
    : `workflow_dispatch <code>${escapeHtml(d.workflow)}</code> on ${d.ref === undefined ? "the default branch" : `<code>${escapeHtml(d.ref)}</code>`}`;
}

/** A repository the event did not reach: the failure under the table says why. */
const NOT_DELIVERED = ["not delivered: see the failure below", "-", "-"];
