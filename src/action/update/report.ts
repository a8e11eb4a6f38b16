/**
 * What a person sees of a run: step outputs for later steps, warnings as annotations on
 * the file and line (or naming them, see annotation.ts), and a job summary table (target, file, field, old -> new, and where
 * it landed: the commit or the pull request). A failed run gets the same: every output (for
 * what landed before the failure, if anything did), its issues as error annotations located
 * the same way, the plan's warnings when the delivery failed after it, and a summary saying what
 * landed, what failed and the run's warnings.
 */
import * as core from "@actions/core";
import { unifiedDiff } from "../../engine/diff.js";
import { shownValue, whyNothingChanged } from "../../engine/report.js";
import type { FilePlan } from "../../engine/plan.js";
import { valueAfter, valueBefore, type Change, type Diagnostic, type Warning } from "../../change.js";
import type { Repository } from "../../github/commit.js";
import { landedFiles, type DeliveryResult, type Landing } from "../../github/deliver.js";
import { counted } from "../../text/counted.js";
import { infoUntrusted } from "../log-untrusted.js";
import { escapeAttribute, escapeHtml } from "../summary-html.js";
import { writeSummaryFile } from "../summary-file.js";
import { annotationOf, type Locating } from "./annotation.js";
import { inputOf } from "./inputs.js";
import {
  addFittedList,
  addWarnings,
  byteLength,
  cutToBytes,
  firstFitting,
  itemBytes,
  leftOut,
  MARKUP_GROWTH,
  rowBytes,
  SUMMARY_BUDGET,
  type Fitting,
} from "../summary-budget.js";

const code = (s: string) => `<code>${escapeHtml(s)}</code>`;

export function setOutputs(result: DeliveryResult): void {
  setDeliveredOutputs(result.changed, result.landings, result.plan.files, result.plan.changes);
}

/** What later steps get from a failed run: what landed before the failure, as a finished run would say it (with nothing, every output set, none claiming a change). */
export function setLandedOutputs(landings: readonly Landing[]): void {
  const files = landedFiles(landings);
  setDeliveredOutputs(
    files.length > 0,
    landings,
    files,
    files.flatMap((f) => f.changes),
  );
}

function setDeliveredOutputs(changed: boolean, landings: readonly Landing[], files: readonly FilePlan[], changes: readonly Change[]): void {
  const first = landings.find((l) => l.pullRequest);
  const push = landings.find((l) => l.mode === "push");
  core.setOutput("changed", String(changed));
  core.setOutput("commit-sha", push?.commit ?? first?.commit ?? "");
  core.setOutput("pull-request-number", first?.pullRequest ? String(first.pullRequest.number) : "");
  core.setOutput("pull-request-url", first?.pullRequest?.url ?? "");
  core.setOutput("pull-request-operation", first?.pullRequest?.operation ?? "none");
  core.setOutput("pull-request-branch", first?.pullRequest ? first.branch : "");
  const state = first && pullRequestState(first);
  core.setOutput("pull-request-head-sha", state?.headSha ?? "");
  core.setOutput("pull-request-merge", state?.merge ?? "");
  const pullRequests = landings.flatMap((landing) => {
    const { pullRequest: pr, branch } = landing;
    if (!pr) return [];
    const { headSha, merge } = pullRequestState(landing);
    return [{ number: pr.number, url: pr.url, operation: pr.operation, branch, head_sha: headSha, merge }];
  });
  core.setOutput("pull-requests", JSON.stringify(pullRequests));
  core.setOutput(
    "changes",
    JSON.stringify(
      changes.map((c) => ({
        file: c.file,
        line: c.line,
        kind: c.kind,
        key: c.key,
        old: c.old,
        new: c.new,
        ...(c.op && { op: c.op }),
        ...(c.target && { target: c.target }),
      })),
    ),
  );
  core.setOutput("updated-files", JSON.stringify(files.map((f) => f.path)));
}

/**
 * Where a landing's pull request stands after the run, as the outputs say it: its head (left as it
 * was, the one the run found there) and `merged`, `auto-merge` or "" (not merged, nor set to be).
 */
function pullRequestState(landing: Landing): { readonly headSha: string; readonly merge: "merged" | "auto-merge" | "" } {
  return {
    headSha: landing.head ?? landing.commit ?? "",
    merge: landing.merge === "merged" || landing.merge === "auto-merge" ? landing.merge : "",
  };
}

/** One warning annotation per warning, where `at` says its file and line go. */
export function annotate(warnings: readonly Warning[], at: Locating): void {
  for (const w of warnings) core.warning(...annotationOf(w, at));
}

/**
 * GitHub shows 10 error annotations of a step; the last one shown must be the failure
 * itself, which lists every issue.
 */
const ISSUE_ANNOTATIONS = 9;

/** One error annotation per issue of a request that is not usable, with its file and line where `at` says. */
export function annotateIssues(issues: readonly Diagnostic[], at: Locating): void {
  for (const issue of issues.slice(0, ISSUE_ANNOTATIONS)) core.error(...annotationOf(issue, at));
}

/**
 * The step fails with `message`, as core.setFailed fails it, its error annotation titled as every other
 * annotation of the step is: a refused input, or the request that is not usable, listing its issues.
 */
export function failStep(message: string): void {
  process.exitCode = core.ExitCode.Failure;
  core.error(...annotationOf({ message }, "in-message"));
}

/** A warning of the step's own, of no file (a job summary not written, the API client's retry), titled as every other annotation of the step is. */
export function warnStep(message: string): void {
  annotate([{ message }], "in-message");
}

/** The diff of a dry run and the commit messages it would use, in the log. */
export function printDiff(result: DeliveryResult): void {
  for (const file of result.plan.files) infoUntrusted(unifiedDiff(file.path, file.before, file.after));
  for (const landing of result.landings) {
    if (landing.message !== undefined) infoUntrusted(`would ${wouldDo(landing)} ${landing.branch}:\n${landing.message}`);
  }
}

/**
 * The log's lines outside any group: where each landing went (the pull request's or the
 * commit's URL), each changed value under it, then the count. The group above them is collapsed.
 */
export function printRun(result: DeliveryResult, links: LinkBase | undefined, dryRun: boolean): void {
  infoUntrusted(plannedOn(result));
  printLandings(result.landings, links, dryRun);
  const [values, files] = [result.plan.changes.length, result.plan.files.length];
  core.info(result.changed ? `${counted(values, "value")} in ${counted(files, "file")} ${dryRun ? "would change" : "changed"}` : "nothing to change");
}

/**
 * What the run planned on: origin's branch as fetched (and the checkout, when it is another branch
 * or commit, whose files are not read), or the checkout's files (delivery none).
 */
function plannedOn(result: DeliveryResult): string {
  const at = (branch: string, head: string) => (branch === "HEAD" ? `detached at ${short(head)}` : `${branch}${head ? ` at ${short(head)}` : ""}`);
  if (result.checkout === undefined) return `planned on the checkout's files (${at(result.base, result.planned)}), as earlier steps left them`;
  const planned = `planned on ${result.base} at ${short(result.planned)} as fetched from origin`;
  const { branch, head } = result.checkout;
  if (branch === result.base && head === result.planned) return planned;
  return `${planned} (the checkout is ${branch === result.base ? `at ${short(head)}` : at(branch, head)}; its files are not read)`;
}

const short = (sha: string) => sha.slice(0, 7);

/** Each landing and the values it changed, as `file:line key: old -> new`; `links` when the repository is on this GitHub server. */
export function printLandings(landings: readonly Landing[], links: LinkBase | undefined, dryRun: boolean): void {
  for (const landing of landings) {
    const changes = landing.changes.map((c) => `  ${c.file}:${c.line} ${c.key}: ${shownValue(valueBefore(c))} -> ${shownValue(valueAfter(c))}`);
    infoUntrusted([landingLine(landing, links, dryRun), ...changes].join("\n"));
  }
}

function landingLine(landing: Landing, links: LinkBase | undefined, dryRun: boolean): string {
  if (dryRun) return landing.mode === "none" ? "dry run: the workspace is not edited (delivery: none)" : `dry run: would ${wouldDo(landing)} ${landing.branch}`;
  const pr = landing.pullRequest;
  if (pr) {
    const how = [pr.operation === "none" ? "left as it was" : pr.operation, ...(landing.merge && landing.merge !== "none" ? [landing.merge] : [])];
    return `pull request #${pr.number} from ${landing.branch}, ${how.join(", ")}: ${pr.url}`;
  }
  if (landing.commit) return links ? `pushed to ${landing.branch}: ${commitUrl(links, landing.commit)}` : `pushed ${landing.commit} to ${landing.branch}`;
  return "left in the workspace (delivery: none)";
}

/** What a dry run's landing would do, said before its branch: push to it, or open (or update) a pull request from it. */
function wouldDo(landing: Landing): string {
  if (landing.mode === "push") return "push to";
  const open = landing.openPullRequest;
  return open ? `update pull request #${open.number} from` : "open a pull request from";
}

/**
 * `links` as the log's: commits are linked where the repository delivered to is on this GitHub server.
 * `inputWarnings`: the step's inputs' own (an input with no effect, an event payload left unread), listed
 * before the plan's, as the log annotates them first.
 * The warnings may take a quarter of the summary's budget, the table of changes the rest: each
 * shows what fits of it and says how many more there are.
 */
export async function writeSummary(
  result: DeliveryResult,
  links: LinkBase | undefined,
  dryRun: boolean,
  inputWarnings: readonly Warning[] = [],
): Promise<void> {
  const where = (landing: Landing | undefined): string => (landing ? deliveredTo(landing, links, dryRun) : "");
  // A file lands in one landing; indexed, as a fleet-wide bump has thousands of rows to look it up for.
  const landingOf = new Map(result.landings.flatMap((landing) => landing.files.map((f) => [f.path, landing] as const)));
  const warnings = fittedWarnings([...inputWarnings, ...result.plan.warnings]);
  core.summary.addHeading(dryRun ? "gitops-promote (dry run)" : "gitops-promote", 3);
  if (result.plan.changes.length === 0) {
    core.summary.addRaw(`Nothing to change on ${code(result.base)}: ${whyNothingChanged(result.plan, inputOf, "below")}.`, true);
    // An input's warning says nothing of why nothing changed, but is the run's all the same.
    addWarnings(warnings);
  } else {
    // Without targets the column would be empty on every row; a file outside every target says so.
    const targeted = result.plan.changes.some((c) => c.target !== undefined);
    const rows = result.plan.changes.map((c) => ({
      file: c.file,
      cells: [
        ...(targeted ? [escapeHtml(c.target ?? "(none)")] : []),
        `${code(c.file)}:${c.line}`,
        code(c.key),
        `${code(shownValue(valueBefore(c)))} → ${code(shownValue(valueAfter(c)))}`,
        where(landingOf.get(c.file)),
      ],
    }));
    const table = firstFitting(rows, SUMMARY_BUDGET - warnings.bytes, (row) => rowBytes(row.cells));
    core.summary.addTable([
      [...(targeted ? ["Target"] : []), "File", "Field", "Old → New", "Delivered"].map((data) => ({ data, header: true })),
      ...table.shown.map((row) => row.cells),
    ]);
    if (table.omitted.length > 0) {
      const files = new Set(table.omitted.map((row) => row.file)).size;
      const more = `${counted(table.omitted.length, "more value")} in ${counted(files, "file")}`;
      core.summary.addRaw(leftOut(more, "The <code>changes</code> and <code>updated-files</code> outputs list every one, as does this step's log."), true);
    }
    // What was refused or left undone (a target's policy, a pull request not merged) beside what changed.
    addWarnings(warnings);
  }
  if (result.attempts > 1) core.summary.addRaw(`Landed after ${result.attempts} attempts (the branch moved under concurrent runs).`, true);
  await writeSummaryFile();
}

/** The run's warnings as the summary lists them: as many as a quarter of its budget holds. */
function fittedWarnings(warnings: readonly Warning[]): Fitting<string> {
  return firstFitting(warnings.map(describeLocated), SUMMARY_BUDGET / 4, itemBytes);
}

/** Where links to commits point: the server and the repository delivered to. */
export interface LinkBase {
  readonly serverUrl: string;
  readonly repository: Repository;
}

function commitUrl(at: LinkBase, sha: string): string {
  return `${at.serverUrl}/${at.repository.owner}/${at.repository.repo}/commit/${sha}`;
}

/** What a failed run delivered before its failure, and where to link it (as `writeSummary`'s `links`). */
export interface Landed {
  readonly landings: readonly Landing[];
  readonly links: LinkBase | undefined;
}

/** The summary's word for where a landing went: the pull request, the commit on its branch (linked where `links` is), or the workspace. */
function deliveredTo(landing: Landing, links: LinkBase | undefined, dryRun: boolean): string {
  if (dryRun) return landing.mode === "none" ? "dry run: workspace not edited" : `dry run: would ${wouldDo(landing)} ${code(landing.branch)}`;
  if (landing.pullRequest)
    return `<a href="${escapeAttribute(landing.pullRequest.url)}">#${landing.pullRequest.number}</a> (${landing.pullRequest.operation}${landing.merge && landing.merge !== "none" ? `, ${landing.merge}` : ""})`;
  if (landing.commit) {
    const sha = code(landing.commit.slice(0, 7));
    return `${links ? `<a href="${escapeAttribute(commitUrl(links, landing.commit))}">${sha}</a>` : sha} on ${code(landing.branch)}`;
  }
  return "left in the workspace (delivery: none)";
}

/**
 * The summary of a failed run: what landed before the failure (linked, with its files), what
 * failed, each issue of an unusable request on its own line, then the run's `warnings` (the
 * inputs', then the plan's, as writeSummary lists them). The landings' files may take a quarter of
 * the summary's budget, the issues or the message half of it, the warnings a quarter; the log has all of them.
 */
export async function writeFailureSummary(message: string, issues: readonly Diagnostic[], landed?: Landed, warnings: readonly Warning[] = []): Promise<void> {
  core.summary.addHeading("gitops-promote failed", 3);
  if (landed && landed.landings.length > 0) {
    const share = SUMMARY_BUDGET / 4 / landed.landings.length;
    core.summary.addRaw("Landed before the failure:", true);
    core.summary.addList(landed.landings.map((l) => `${deliveredTo(l, landed.links, false)}: ${fileList(l.files, share)}`));
  }
  if (issues.length > 0) {
    core.summary.addRaw("Nothing was written; the request is not usable:", true);
    addFittedList(firstFitting(issues.map(describeLocated), SUMMARY_BUDGET / 2, itemBytes), "issue", "The step's error in the log lists every one.");
  } else {
    const cut = cutToBytes(message, SUMMARY_BUDGET / 2 / MARKUP_GROWTH);
    // Markdown is not read inside HTML: the message's `code` spans and lines are marked up here.
    // escapeHtml made each line break a <br>: no code span runs across one.
    const html = escapeHtml(cut ?? message).replace(/`([^`<]+)`/g, "<code>$1</code>");
    core.summary.addRaw(`<p>${html}</p>`, true);
    if (cut !== undefined) core.summary.addRaw(leftOut("the rest of this message", "The step's error in the log has all of it."), true);
  }
  // A delivery that failed after its plan says what the plan refused or left too: a fix of the delivery alone would not.
  addWarnings(fittedWarnings(warnings));
  await writeSummaryFile();
}

/** A landing's files, as many as fit in `budget` bytes; the `updated-files` output lists them all. */
function fileList(files: readonly FilePlan[], budget: number): string {
  const SEPARATOR = ", ";
  const fitting = firstFitting(
    files.map((f) => code(f.path)),
    budget,
    (item) => byteLength(item) + SEPARATOR.length,
  );
  const more = fitting.omitted.length;
  return fitting.shown.join(SEPARATOR) + (more > 0 ? ` and ${counted(more, "more file")} (the <code>updated-files</code> output lists them all)` : "");
}

/** `<code>file</code>:line: message`, as far as it says where. */
function describeLocated(w: Diagnostic): string {
  const where = w.file ? `<code>${escapeHtml(w.file)}</code>${w.line !== undefined ? `:${w.line}` : ""}: ` : "";
  return where + escapeHtml(w.message);
}
