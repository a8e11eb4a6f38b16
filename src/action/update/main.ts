/**
 * Entry of the update Action (action.yml -> dist/index.js): read the inputs and the
 * triggering event, plan the update on the branch head, land it, and report. Runs in the
 * manifests repository's checkout. A failure is reported as fully as a success: what failed
 * and what to change, the plan's warnings when the delivery failed after it, a job summary, and
 * every output for `if: always()` steps: changed=false, or, when part of the delivery landed
 * before the failure, what that part changed.
 */
// First: @actions/github reads the event file as it loads (event-file.ts).
import { EVENT_FILE_ERROR } from "../event-file.js";
import * as core from "@actions/core";
import { context } from "@actions/github";
import { formatDiagnostic, type Diagnostic, type Warning } from "../../change.js";
import { RequestError } from "../../engine/request.js";
import { apiUrlFromEnv } from "../../github/api-url.js";
import { createClient, type GitHubClient } from "../../github/client.js";
import { deliver, DeliveryError, type DeliveryResult } from "../../github/deliver.js";
import { GitRepo, tokenAuthEnv } from "../../github/git.js";
import { gitVersionIssue, readGitVersion } from "../../github/git-version.js";
import { repositoryOfRemote } from "../../github/remote.js";
import { infoUntrusted } from "../log-untrusted.js";
import { protectToken } from "../token.js";
import { redactSummaries } from "../summary-file.js";
import { locating, type Locating } from "./annotation.js";
import { checkoutRoot, originUrl } from "./checkout.js";
import { explainFailure } from "./failure.js";
import { readUpdateInputs, requireToken, type UpdateInputs } from "./inputs.js";
import { inPayloadTerms } from "./payload-targets.js";
import {
  annotate,
  annotateIssues,
  failStep,
  printDiff,
  printLandings,
  printRun,
  setLandedOutputs,
  setOutputs,
  warnStep,
  writeFailureSummary,
  writeSummary,
  type Landed,
} from "./report.js";

const redact = protectToken(core.getInput("token"), core.setSecret);
redactSummaries(redact);
/** An issue's file and message may quote any input, the token too. */
const redactIssue = (issue: Diagnostic): Diagnostic => ({ ...issue, ...(issue.file && { file: redact(issue.file) }), message: redact(issue.message) });
/** A runner without job summaries (GITHUB_STEP_SUMMARY unset) changes nothing of what the step did or reports. */
const summaryNotWritten = (error: unknown) => warnStep(`job summary not written: ${redact(String(error))}`);

async function run(): Promise<void> {
  if (EVENT_FILE_ERROR !== undefined) throw new Error(EVENT_FILE_ERROR);
  const inputs = readUpdateInputs(core, { eventName: context.eventName, payload: context.payload });
  // The inputs' warnings name no file: where the checkout is, and so where a file would point, is not known yet.
  annotate(inputs.warnings, "in-message");
  if (inputs.payload?.source?.repository) infoUntrusted(`promoting ${inputs.request.images.join(", ")} from ${inputs.payload.source.repository}`);
  // A failure before the delivery (no checkout, git too old) lists the inputs' warnings too, as one after it does.
  await promote(inputs).catch((error: unknown) => fail(error, "in-message", undefined, inputs.warnings));
}

/** Checks the checkout, plans, delivers and reports; a failure of the delivery is failed here, with what landed and the run's warnings. */
async function promote(inputs: UpdateInputs): Promise<void> {
  // Read before git first runs, so that a runner without git says so; checked before git first talks to origin.
  const gitVersion = await readGitVersion();
  // Checked before anything lands, not at the first API call, which may come after a push.
  apiUrlFromEnv(process.env);
  const workspace = await checkoutRoot(process.env["GITHUB_WORKSPACE"] || process.cwd(), inputs.workingDirectory);
  const checkout = new GitRepo(workspace);
  // Undefined under delivery: none without an origin: nothing is read from or written to it.
  const url = await originUrl(checkout, inputs.delivery.mode);
  // The checkout may be another repository than the one the workflow runs in.
  const serverUrl = process.env["GITHUB_SERVER_URL"] || "https://github.com";
  const origin = url === undefined ? undefined : repositoryOfRemote(url, serverUrl);
  // persist-credentials: false leaves git without a token; lend it ours for this server only
  const lendToken = url !== undefined && origin !== undefined && inputs.token !== "" && !(await checkout.hasCredentials(url));
  const oldGit = gitVersionIssue(gitVersion, lendToken);
  if (oldGit) throw new Error(oldGit);
  const git = lendToken ? new GitRepo(workspace, tokenAuthEnv(inputs.token, serverUrl, process.env)) : checkout;
  const workflowRepository = process.env["GITHUB_REPOSITORY"] ?? "";
  const [owner = "", repo = ""] = workflowRepository.split("/");
  const repository = origin ?? { owner, repo };
  const at = locating(origin, workflowRepository);
  let client: GitHubClient | undefined;
  const ctx = {
    git,
    remote: "origin",
    repository,
    client: () => {
      if (!repository.owner || !repository.repo) {
        throw new Error("origin is not a repository on this GitHub server and GITHUB_REPOSITORY is not set: the API does not know which repository to use");
      }
      client ??= createClient({ token: requireToken(inputs.token, inputs.delivery.dryRun), log: (message) => warnStep(redact(message)) });
      return client;
    },
    log: infoUntrusted,
  };

  // The log links a commit only where the checkout's origin is on this server: GITHUB_REPOSITORY may be another repository.
  const links = origin && { serverUrl, repository: origin };
  let result: DeliveryResult;
  try {
    result = await core.group("Plan and deliver", () => deliver(ctx, inputs.request, inputs.delivery));
  } catch (caught) {
    // A failure after the plan carries the plan's warnings, told as a success tells them: the next run need not be the first to say them.
    const { landings, warnings } = caught instanceof DeliveryError ? caught : { landings: [], warnings: [] };
    annotate(warnings, at);
    const told = [...inputs.warnings, ...warnings];
    // With nothing landed, the failure is its cause, as it is (a request that is not usable lists its issues).
    const thrown = caught instanceof DeliveryError && landings.length === 0 ? caught.cause : caught;
    // The request's targets come from the payload alone: a name no target has is the payload's field.
    const error = inputs.payload?.targets && inputs.payloadField ? inPayloadTerms(thrown, inputs.payloadField, inputs.request.config) : thrown;
    const explained = explainFailure(error, { repository, workflowRepository, tokenGiven: inputs.token !== "", tokenLent: lendToken });
    const failure = explained === undefined ? error : new Error(explained, { cause: error });
    if (landings.length === 0) return fail(failure, at, undefined, told);
    // The log says what landed too, not only the summary: a pull request opened before the failure is the user's to look at.
    core.info("Landed before the failure:");
    printLandings(landings, links, false);
    return fail(failure, at, { landings, links }, told);
  }
  annotate(result.plan.warnings, at);
  if (inputs.delivery.dryRun) await core.group("Diff (dry run: nothing written)", async () => printDiff(result));
  setOutputs(result);
  await writeSummary(result, links, inputs.delivery.dryRun, inputs.warnings).catch(summaryNotWritten);
  printRun(result, links, inputs.delivery.dryRun);
}

/**
 * `at`: where the issues' annotations say they are. `landed`: what this run delivered before the failure, which the outputs and the summary then report.
 * `warnings`: the run's, annotated already (the inputs', then the plan's), which the summary lists.
 */
async function fail(error: unknown, at: Locating, landed?: Landed, warnings: readonly Warning[] = []): Promise<void> {
  const issues = error instanceof RequestError ? error.issues.map(redactIssue) : [];
  annotateIssues(issues, at);
  const message = redact(
    error instanceof RequestError
      ? `nothing was written; the request is not usable:\n${issues.map((i) => `- ${formatDiagnostic(i)}`).join("\n")}`
      : error instanceof Error
        ? error.message
        : String(error),
  );
  failStep(message);
  setLandedOutputs(landed?.landings ?? []);
  // The failure above is the step's result; a summary that cannot be written must not hide it.
  await writeFailureSummary(message, issues, landed, warnings).catch(summaryNotWritten);
}

// A failure of the request, which may name files, is failed in run(), once the checkout's origin is known; none before it names a file.
run().catch((error: unknown) => fail(error, "in-message"));
