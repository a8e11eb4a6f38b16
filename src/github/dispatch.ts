/**
 * Announce new images to one or more manifests repositories: a repository_dispatch event
 * (fire-and-forget: GitHub returns no run) or a workflow_dispatch of a named workflow, which
 * since 2026-02 can return the run it started (`return_run_details`), so the sender can wait
 * for it. Errors say which repository, which token kind reaches it and which permission is
 * missing, because GitHub's 404 means both "no such repository" and "this token cannot see it".
 */
import { PAYLOAD_INPUT, type Payload } from "../engine/payload.js";
import { splitRepositoryName, type RepositoryName } from "../github-name.js";
import type { GitHubClient } from "./client.js";
import { errorMessage, httpStatus } from "./errors.js";

export const DEFAULT_EVENT_TYPE = "image-pushed";
/** How long `wait` waits unless told: 30 minutes. */
export const DEFAULT_WAIT_TIMEOUT_MS = 30 * 60_000;
/** repository_dispatch `event_type`: 1 to 100 characters (GitHub's REST description). */
const MAX_EVENT_TYPE_LENGTH = 100;

export interface WaitOptions {
  /** Give up after this long (default 30 minutes). */
  readonly timeoutMs?: number;
  /** First poll delay; it grows by half each poll up to `maxIntervalMs` (default 5 s, 60 s). */
  readonly intervalMs?: number;
  readonly maxIntervalMs?: number;
}

export interface DispatchOptions {
  /** `owner/name` of each manifests repository; several means fan-out, one event each. */
  readonly repositories: readonly string[];
  readonly payload: Payload;
  /** repository_dispatch `event_type` (default `image-pushed`); ignored with `workflow`. */
  readonly eventType?: string;
  /** Dispatch this workflow (file name like `promote.yml`, or id) with workflow_dispatch instead. */
  readonly workflow?: string;
  /** Branch or tag for workflow_dispatch; default: the repository's default branch. */
  readonly ref?: string;
  /** Follow the started run to its conclusion and fail when it fails. */
  readonly wait?: boolean | WaitOptions;
  /** Progress lines for a person (core.info in the Action, stderr in the CLI). */
  readonly log?: (line: string) => void;
}

export type DispatchKind = "repository_dispatch" | "workflow_dispatch";

/** One repository that received the event, and the run it started when GitHub said so. */
export interface Dispatched {
  readonly repository: string;
  readonly kind: DispatchKind;
  readonly eventType?: string;
  readonly workflow?: string;
  readonly ref?: string;
  readonly runId?: number;
  /** The run's web page (html_url). */
  readonly runUrl?: string;
  /** Set when waited for: GitHub's run conclusion (`success`, `failure`, ...). */
  readonly conclusion?: string;
}

export interface DispatchResult {
  readonly payload: Payload;
  readonly dispatched: readonly Dispatched[];
}

/** Some repositories failed; `dispatched` lists the ones that did receive the event. */
export class DispatchError extends Error {
  constructor(
    message: string,
    readonly dispatched: readonly Dispatched[],
  ) {
    super(message);
    this.name = "DispatchError";
  }
}

const OK_CONCLUSIONS = new Set(["success", "neutral", "skipped"]);
const DEFAULT_WAIT: Required<WaitOptions> = { timeoutMs: DEFAULT_WAIT_TIMEOUT_MS, intervalMs: 5_000, maxIntervalMs: 60_000 };

export async function dispatchImages(octokit: GitHubClient, options: DispatchOptions): Promise<DispatchResult> {
  const log = options.log ?? (() => {});
  if (options.repositories.length === 0) throw new DispatchError("no repository to dispatch to: name at least one OWNER/NAME", []);
  const repositories = options.repositories.map(splitRepository);
  if (options.wait && options.workflow === undefined) {
    throw new DispatchError("cannot wait: GitHub does not report the run a repository_dispatch starts; set `workflow` (workflow_dispatch), which does", []);
  }
  const eventType = options.eventType?.trim() || DEFAULT_EVENT_TYPE;
  if (eventType.length > MAX_EVENT_TYPE_LENGTH) {
    throw new DispatchError(
      `event type ${JSON.stringify(eventType)} is ${eventType.length} characters long; GitHub allows at most ${MAX_EVENT_TYPE_LENGTH}`,
      [],
    );
  }

  // Send every event first, then wait for all runs together: one slow manifests repo must not
  // delay the others' events.
  const sent: Dispatched[] = [];
  const failures: string[] = [];
  for (const repo of repositories) {
    try {
      const one =
        options.workflow === undefined
          ? await sendRepositoryDispatch(octokit, repo, eventType, options)
          : await sendWorkflowDispatch(octokit, repo, options.workflow, options);
      log(`${describeDispatch(one)} announcing ${options.payload.images.join(", ")}${one.runUrl ? `: ${one.runUrl}` : ""}`);
      sent.push(one);
    } catch (error) {
      failures.push(errorMessage(error));
    }
  }
  const wait = options.wait;
  const dispatched = wait
    ? await Promise.all(
        sent.map((one) =>
          follow(octokit, one, waitOptions(wait), log).catch((error: unknown) => {
            failures.push(errorMessage(error));
            return error instanceof DispatchError ? (error.dispatched[0] ?? one) : one;
          }),
        ),
      )
    : sent;
  if (failures.length > 0) {
    const delivered = dispatched.length > 0 ? `\n(the event was delivered to ${dispatched.map((d) => d.repository).join(", ")})` : "";
    throw new DispatchError(failures.join("\n") + delivered, dispatched);
  }
  return { payload: options.payload, dispatched };
}

interface Repo extends RepositoryName {
  readonly fullName: string;
}

function splitRepository(fullName: string): Repo {
  const name = splitRepositoryName(fullName.trim());
  if (!name) throw new DispatchError(`repository ${JSON.stringify(fullName)} is not OWNER/NAME`, []);
  return { ...name, fullName: `${name.owner}/${name.repo}` };
}

async function sendRepositoryDispatch(octokit: GitHubClient, repo: Repo, eventType: string, options: DispatchOptions): Promise<Dispatched> {
  try {
    await octokit.rest.repos.createDispatchEvent({ owner: repo.owner, repo: repo.repo, event_type: eventType, client_payload: { ...options.payload } });
  } catch (error) {
    throw explain(error, repo, "repository_dispatch", options);
  }
  return { repository: repo.fullName, kind: "repository_dispatch", eventType };
}

async function sendWorkflowDispatch(octokit: GitHubClient, repo: Repo, workflow: string, options: DispatchOptions): Promise<Dispatched> {
  const workflowId = /^[0-9]+$/.test(workflow) ? Number(workflow) : workflow;
  const read = () => octokit.rest.repos.get({ owner: repo.owner, repo: repo.repo }).then((r) => r.data.default_branch);
  let ref = options.ref?.trim();
  let defaultBranch: string | undefined;
  try {
    if (!ref) ref = defaultBranch = await read();
  } catch (error) {
    throw explain(error, repo, "workflow_dispatch", options);
  }
  // GitHub's 404 means "no such workflow" once the repository is known to be visible: read it
  // now when the ref was given, so the error names the workflow rather than the token.
  const failed = async (error: unknown): Promise<DispatchError> => {
    const visible = httpStatus(error) === 404 ? (defaultBranch ?? (await read().catch(() => undefined))) : undefined;
    return visible === undefined ? explain(error, repo, "workflow_dispatch", options) : workflowNotFound(error, repo, workflow, ref, visible);
  };
  const request = { owner: repo.owner, repo: repo.repo, workflow_id: workflowId, ref, inputs: { [PAYLOAD_INPUT]: JSON.stringify(options.payload) } };
  const base: Dispatched = { repository: repo.fullName, kind: "workflow_dispatch", workflow, ref };
  try {
    const response = await octokit.rest.actions.createWorkflowDispatch({ ...request, return_run_details: true });
    // 204 (no body) from a server that ignores the parameter; 200 with the run otherwise.
    const details = response.data as { workflow_run_id?: number; html_url?: string } | undefined;
    return details?.workflow_run_id === undefined ? base : { ...base, runId: details.workflow_run_id, ...(details.html_url && { runUrl: details.html_url }) };
  } catch (error) {
    if (!refusesRunDetails(error)) throw await failed(error);
  }
  options.log?.(`${repo.fullName}: the server does not know return_run_details (GitHub Enterprise Server before it existed); dispatching without it`);
  try {
    await octokit.rest.actions.createWorkflowDispatch(request);
  } catch (error) {
    throw await failed(error);
  }
  return base;
}

/**
 * A 404 from a repository the token can read: the workflow is not there. GitHub dispatches only
 * workflows whose file is on the default branch, and runs the file as it is on the ref.
 */
function workflowNotFound(error: unknown, repo: Repo, workflow: string, ref: string, defaultBranch: string): DispatchError {
  const answer = `(workflow_dispatch: ${httpStatus(error)} ${errorMessage(error)})`;
  if (/^[0-9]+$/.test(workflow)) {
    return new DispatchError(
      `no workflow with id ${workflow} in ${repo.fullName} ${answer}. Name the workflow by its file name instead, e.g. promote.yml.`,
      [],
    );
  }
  const branches = ref === defaultBranch ? `${defaultBranch}, the default branch` : `${ref} and on ${defaultBranch}, the default branch`;
  return new DispatchError(
    `workflow ${workflow} not found on ${ref} in ${repo.fullName} ${answer}. The file must exist as .github/workflows/${workflow} on ${branches}, with \`on: workflow_dispatch\`.`,
    [],
  );
}

/** Older GHES validates the body strictly and names the unknown parameter in a 400/422. */
function refusesRunDetails(error: unknown): boolean {
  const status = httpStatus(error);
  return (status === 400 || status === 422) && errorMessage(error).includes("return_run_details");
}

function waitOptions(wait: true | WaitOptions): Required<WaitOptions> {
  return wait === true ? DEFAULT_WAIT : { ...DEFAULT_WAIT, ...wait };
}

/**
 * Poll the run until it completes or the time limit is reached, with growing delays. Only a
 * run GitHub reported can be followed: guessing it from the list of runs would confuse
 * concurrent dispatches, so a server that reports none (older GHES) makes waiting an error
 * that says so.
 */
async function follow(octokit: GitHubClient, sent: Dispatched, wait: Required<WaitOptions>, log: (line: string) => void): Promise<Dispatched> {
  const repo = splitRepository(sent.repository);
  const runId = sent.runId;
  if (runId === undefined) {
    const why = "this server did not report the run it started (GitHub Enterprise Server without return_run_details)";
    throw new DispatchError(`${repo.fullName}: the event was sent, but its run cannot be followed: ${why}`, [sent]);
  }
  const started = Date.now();
  const deadline = started + wait.timeoutMs;
  let delay = wait.intervalMs;
  // A line when the run's status changes (queued, in progress), not every poll: a long wait shows it is alive, quietly.
  let status: string | null | undefined;
  for (;;) {
    let run;
    try {
      run = (await octokit.rest.actions.getWorkflowRun({ owner: repo.owner, repo: repo.repo, run_id: runId })).data;
    } catch (error) {
      throw new DispatchError(explain(error, repo, "wait", {}).message, [sent]);
    }
    if (run.status === "completed") {
      const conclusion = run.conclusion ?? "unknown";
      const done = { ...sent, runUrl: run.html_url, conclusion };
      log(`${repo.fullName}: run ${runId} concluded ${conclusion}: ${run.html_url}`);
      if (!OK_CONCLUSIONS.has(conclusion)) throw new DispatchError(`${repo.fullName}: run ${runId} concluded "${conclusion}": ${run.html_url}`, [done]);
      return done;
    }
    if (run.status !== status) log(`${repo.fullName}: run ${runId} is ${run.status?.replace(/_/g, " ") ?? "of unknown status"}`);
    status = run.status;
    const now = Date.now();
    if (now >= deadline) {
      const waited = Math.round((now - started) / 100) / 10;
      throw new DispatchError(`${repo.fullName}: gave up waiting after ${waited} s: run ${runId} is still ${run.status}: ${run.html_url}`, [sent]);
    }
    // A delay that would pass the deadline is cut short, so the last poll is at the deadline.
    await new Promise((resolve) => setTimeout(resolve, Math.min(delay, deadline - now)));
    delay = Math.min(Math.round(delay * 1.5), wait.maxIntervalMs);
  }
}

function describeDispatch(d: Dispatched): string {
  return d.kind === "repository_dispatch"
    ? `${d.repository}: sent repository_dispatch "${d.eventType}"`
    : `${d.repository}: started workflow ${d.workflow} on ${d.ref}`;
}

/** Turn GitHub's terse answer into what a person must change. */
function explain(
  error: unknown,
  repo: Repo,
  action: DispatchKind | "wait",
  options: Partial<Pick<DispatchOptions, "payload" | "workflow" | "ref">>,
): DispatchError {
  const status = httpStatus(error);
  const permission = action === "repository_dispatch" ? '"Contents: write"' : action === "workflow_dispatch" ? '"Actions: write"' : '"Actions: read"';
  const what = action === "wait" ? "following the run" : action;
  const head = `${repo.fullName}: ${what} failed (${status ?? "no response"}: ${errorMessage(error)})`;
  const fromRepository = options.payload?.source?.repository;
  const crossRepo = fromRepository !== undefined && fromRepository.toLowerCase() !== repo.fullName.toLowerCase();
  const tokenKinds = `a GitHub App installation token (actions/create-github-app-token) or a fine-grained personal access token with ${permission} on ${repo.fullName}`;
  const githubToken = crossRepo
    ? ` GITHUB_TOKEN only reaches the repository its workflow runs in (${fromRepository}), never ${repo.fullName}: use ${tokenKinds}.`
    : ` Use ${tokenKinds}; GITHUB_TOKEN works only for the repository its own workflow runs in, with \`permissions: ${action === "repository_dispatch" ? "contents" : "actions"}: write\`.`;
  switch (status) {
    case 401:
      return new DispatchError(`${head}: the token is missing, invalid or expired.`, []);
    case 404: {
      const workflowHint =
        action === "workflow_dispatch" && options.workflow !== undefined
          ? ` Or the workflow ${JSON.stringify(options.workflow)} does not exist${options.ref ? ` on ${JSON.stringify(options.ref)}` : ""} (name its file, e.g. promote.yml).`
          : "";
      return new DispatchError(
        `${head}: GitHub answers 404 both when the repository does not exist and when the token cannot see it.${githubToken}${workflowHint}`,
        [],
      );
    }
    case 403:
      return new DispatchError(`${head}: the token can see ${repo.fullName} but lacks the ${permission} permission.${githubToken}`, []);
    case 422:
      if (action === "workflow_dispatch") {
        return new DispatchError(
          `${head}: the workflow must have \`on: workflow_dispatch\` with an input named "${PAYLOAD_INPUT}", and the ref must exist.`,
          [],
        );
      }
      return new DispatchError(head, []);
    default:
      return new DispatchError(head, []);
  }
}
