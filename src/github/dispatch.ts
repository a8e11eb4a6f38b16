/**
 * Announce new images to one or more manifests repositories: a repository_dispatch event
 * (fire-and-forget: GitHub returns no run) or a workflow_dispatch of a named workflow, which
 * since 2026-02 can return the run it started (`return_run_details`), so the sender can wait
 * for it. Errors say which repository, which token kind reaches it and which permission is
 * missing, because GitHub's 404 means both "no such repository" and "this token cannot see it".
 */
import { MAX_TOP_LEVEL_KEYS, PAYLOAD_INPUT, payloadSize, type DispatchKind, type Payload } from "../engine/payload.js";
import { splitRepositoryName, type RepositoryName } from "../github-name.js";
import type { GitHubClient } from "./client.js";
import { errorMessage, httpStatus, requestHost, unanswered, unansweredSaid } from "./errors.js";
import { clockOf, sleepOf, type Clock, type Timing } from "./timing.js";
import { didYouMean } from "../text/closest.js";

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
  /**
   * The repository the caller's list of repositories defaults to (the Action's `repository`: the
   * workflow's own), so that an error about it can say the list may have been left out.
   */
  readonly defaultRepository?: string;
  /** How errors name the token, for a caller that knows where it came from (`the token in GH_TOKEN`); default `the token`. */
  readonly tokenName?: string;
  /** Tests: the pause and clock a wait is measured on, instead of the wall clock. */
  readonly clock?: Clock;
}

/** The event a dispatch sends each repository, once its options are checked. */
export type DispatchEvent =
  /** `eventType`: the default filled in. */
  | { readonly kind: "repository_dispatch"; readonly eventType: string }
  /** `workflow`: the file name (a path to it cut to the name) or id; `ref`: the ref given, else each repository's default branch. */
  | { readonly kind: "workflow_dispatch"; readonly workflow: string; readonly ref?: string };

/** One repository that received the event (a workflow_dispatch's with the ref it ran on), and the run it started when GitHub said so. */
export type Dispatched = DispatchEvent & {
  readonly repository: string;
  readonly runId?: number;
  /** The run's web page (html_url). */
  readonly runUrl?: string;
  /** Set when waited for: GitHub's run conclusion (`success`, `failure`, ...). */
  readonly conclusion?: string;
};

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

/** What a dispatch sends: one event of one kind to each repository, in the order given. */
export type DispatchPlan = DispatchEvent & { readonly repositories: readonly Repo[] };

/**
 * What dispatchImages refuses before it sends anything, refused without sending: a dry run
 * says what the real run would do, and refuses what it would refuse.
 */
export function checkDispatch(options: DispatchOptions): DispatchPlan {
  if (options.repositories.length === 0) throw new DispatchError("no repository to dispatch to: name at least one OWNER/NAME", []);
  const repositories = options.repositories.map(splitRepository);
  const workflow = options.workflow === undefined ? undefined : workflowFile(options.workflow);
  if (options.wait && workflow === undefined) {
    throw new DispatchError("cannot wait: GitHub does not report the run a repository_dispatch starts; set `workflow` (workflow_dispatch), which does", []);
  }
  if (workflow !== undefined) {
    const ref = options.ref?.trim();
    return { repositories, kind: "workflow_dispatch", workflow, ...(ref && { ref }) };
  }
  const eventType = options.eventType?.trim() || DEFAULT_EVENT_TYPE;
  const tooLong = eventTypeIssue(eventType);
  if (tooLong) throw new DispatchError(`event type ${tooLong}`, []);
  return { repositories, kind: "repository_dispatch", eventType };
}

export async function dispatchImages(octokit: GitHubClient, options: DispatchOptions): Promise<DispatchResult> {
  const log = options.log ?? (() => {});
  const plan = checkDispatch(options);

  // Send every event first, then wait for all runs together: one slow manifests repo must not
  // delay the others' events.
  const sent: Dispatched[] = [];
  const failures: string[] = [];
  for (const repo of plan.repositories) {
    try {
      const one =
        plan.kind === "repository_dispatch"
          ? await sendRepositoryDispatch(octokit, repo, plan.eventType, options)
          : await sendWorkflowDispatch(octokit, repo, plan.workflow, options);
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
          follow(octokit, one, waitOptions(wait), log, options.clock ?? {}).catch((error: unknown) => {
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

/** Each repository once, as GitHub compares names (ignoring case), in the order and spelling first given. */
export interface DistinctRepositories {
  readonly repositories: string[];
  /** The spellings of each repository named more than once, as given. */
  readonly repeated: string[][];
}

/**
 * One event per repository: a list built from `${{ github.repository_owner }}/manifests` and a
 * literal may name one twice, which would start two promotion runs of the same image.
 */
export function distinctRepositories(names: readonly string[]): DistinctRepositories {
  const byName = new Map<string, string[]>();
  for (const name of names) {
    const key = name.toLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), name]);
  }
  const spellings = [...byName.values()];
  return { repositories: spellings.map(([first]) => first!), repeated: spellings.filter((all) => all.length > 1) };
}

/** The warning for a repository named more than once (`names`: its spellings as given) in `where` (the input or the option). */
export function repeatedRepository(where: string, names: readonly string[]): string {
  return (
    `${where} names ${names[0]} ${names.length} times (${names.join(", ")}): ` +
    "GitHub's repository names ignore case, so it is one repository, and it gets one event"
  );
}

/**
 * Why GitHub would refuse `eventType` as a repository_dispatch event type, which has 1 to 100
 * characters; undefined when it takes it. Said of the value, for the caller to name its field.
 */
export function eventTypeIssue(eventType: string): string | undefined {
  if (eventType.trim() === "") return `is empty; GitHub requires 1 to ${MAX_EVENT_TYPE_LENGTH} characters`;
  if (eventType.length > MAX_EVENT_TYPE_LENGTH)
    return `${JSON.stringify(eventType)} is ${eventType.length} characters long; GitHub allows at most ${MAX_EVENT_TYPE_LENGTH}`;
  return undefined;
}

/** The workflow's file name (or id) once a pasted path to it is taken for it: `.github/workflows/promote.yml` is `promote.yml`. */
function workflowName(workflow: string): string {
  return workflow.replace(/^(?:\.\/)?\.github\/workflows\//, "");
}

/**
 * Why GitHub's workflow_dispatch names no workflow by `workflow`; undefined when it may. GitHub
 * takes a workflow's id or its file name, and runs workflows only from .github/workflows/, whose
 * files end in .yml or .yaml. Said of the value, for the caller to name its field.
 */
export function workflowIssue(workflow: string): string | undefined {
  const name = workflowName(workflow);
  const quoted = JSON.stringify(workflow);
  if (name.trim() === "") return "is empty: name the workflow by its file name in .github/workflows/, e.g. promote.yml, or by its id";
  if (name.includes("/"))
    return `${quoted} is not a file of .github/workflows/, the only directory GitHub runs workflows from: name the workflow by its file name there, e.g. promote.yml`;
  if (!/^[0-9]+$/.test(name) && !/\.ya?ml$/.test(name))
    return `${quoted} is neither a workflow's file name nor its id: a workflow file's name ends in .yml or .yaml${didYouMean(workflowMeant(name))}`;
  return undefined;
}

/** The workflow file a name that is none most likely means: its last extension replaced (promote.txt, promote.yml.bak), or .yml added. */
function workflowMeant(name: string): string {
  const stem = name.replace(/(.)\.[^.]*$/, "$1");
  return /\.ya?ml$/.test(stem) ? stem : `${stem}.yml`;
}

/** The workflow as GitHub's workflow_dispatch names it: its file name or id (workflowIssue says which workflows GitHub cannot name). */
function workflowFile(workflow: string): string {
  const issue = workflowIssue(workflow);
  if (issue) throw new DispatchError(`workflow ${issue}`, []);
  return workflowName(workflow);
}

/** A repository's name, checked and split; `fullName` is `owner/name` as given, trimmed. */
export interface Repo extends RepositoryName {
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
async function follow(octokit: GitHubClient, sent: Dispatched, wait: Required<WaitOptions>, log: (line: string) => void, timing: Timing): Promise<Dispatched> {
  const now = clockOf(timing);
  const sleep = sleepOf(timing);
  const repo = splitRepository(sent.repository);
  const runId = sent.runId;
  if (runId === undefined) {
    const why = "this server did not report the run it started (GitHub Enterprise Server without return_run_details)";
    throw new DispatchError(`${repo.fullName}: the event was sent, but its run cannot be followed: ${why}`, [sent]);
  }
  const started = now();
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
    const at = now();
    if (at >= deadline) {
      const waited = Math.round((at - started) / 100) / 10;
      throw new DispatchError(`${repo.fullName}: gave up waiting after ${waited} s: run ${runId} is still ${run.status}: ${run.html_url}`, [sent]);
    }
    // A delay that would pass the deadline is cut short, so the last poll is at the deadline.
    await sleep(Math.min(delay, deadline - at));
    delay = Math.min(Math.round(delay * 1.5), wait.maxIntervalMs);
  }
}

/** The event in plain text, sent or planned: `repository_dispatch "image-pushed"`, `workflow promote.yml on main` (a plan without a ref: on the default branch). */
export function describeEvent(event: DispatchEvent): string {
  return event.kind === "repository_dispatch"
    ? `repository_dispatch "${event.eventType}"`
    : `workflow ${event.workflow} on ${event.ref ?? "the default branch"}`;
}

/** A dry run's line of what it would send: `repository_dispatch "image-pushed" to acme/manifests`. */
export function describePlan(plan: DispatchPlan): string {
  return `${describeEvent(plan)} to ${plan.repositories.map((repo) => repo.fullName).join(", ")}`;
}

function describeDispatch(d: Dispatched): string {
  return `${d.repository}: ${d.kind === "repository_dispatch" ? "sent" : "started"} ${describeEvent(d)}`;
}

/** What each request needs of the token: the permission's name, as GitHub's settings spell it, and its level. */
const NEEDS: Readonly<Record<DispatchKind | "wait", { readonly permission: "Contents" | "Actions"; readonly level: "read" | "write"; readonly deed: string }>> =
  {
    repository_dispatch: { permission: "Contents", level: "write", deed: "send it a repository_dispatch" },
    workflow_dispatch: { permission: "Actions", level: "write", deed: "start its workflows" },
    wait: { permission: "Actions", level: "read", deed: "read its workflow runs" },
  };

/**
 * Turn GitHub's terse answer into what a person must change. The token's kind is unknown here
 * (GITHUB_TOKEN and an App's installation token look alike), so the advice names each kind's
 * own cause rather than guess one.
 */
function explain(
  error: unknown,
  repo: Repo,
  action: DispatchKind | "wait",
  options: Partial<Pick<DispatchOptions, "payload" | "defaultRepository" | "tokenName">>,
): DispatchError {
  const what = action === "wait" ? "following the run" : action;
  // Octokit's status 500 for a request that got no answer is not GitHub's.
  const lost = unanswered(error);
  if (lost) return new DispatchError(`${repo.fullName}: ${what} failed: ${unansweredSaid(lost)}`, []);
  const status = httpStatus(error);
  const head = `${repo.fullName}: ${what} failed (${status ?? "no response"}: ${errorMessage(error)})`;
  const { permission, level } = NEEDS[action];
  const needs = `"${permission}: ${level}"`;
  const token = options.tokenName ?? "the token";
  switch (status) {
    case 401:
      // A token for one GitHub server is no token on another: say which server refused it.
      return new DispatchError(
        `${head}: ${token} is missing, invalid or expired${requestHost(error) ? `, or was made for another GitHub server than ${requestHost(error)}` : ""}.`,
        [],
      );
    case 404:
      // The run was started with this token: the repository is there, and its runs are what the token cannot see.
      if (action === "wait") return new DispatchError(`${head}: the token started the run but cannot read it: it needs ${needs} on ${repo.fullName}.`, []);
      return new DispatchError(
        `${head}: GitHub answers 404 both when the repository does not exist and when the token cannot see it.` +
          `${leftOut(repo, options.defaultRepository)} Check that ${repo.fullName} is spelt right, then that ${token} reaches it: ${reach(repo, options)}. ` +
          `The token needs ${needs} on ${repo.fullName}.`,
        [],
      );
    case 403:
      return new DispatchError(`${head}: ${forbidden(repo, action, options)}${leftOut(repo, options.defaultRepository)}`, []);
    case 422:
      return new DispatchError(`${head}${refused(errorMessage(error), action, options.payload)}`, []);
    default:
      return new DispatchError(head, []);
  }
}

/**
 * What a 422 asks of the sender, from GitHub's own words: a size or limit refused is the payload's
 * (fewer images or extra keys per event), and only a workflow_dispatch refused over its inputs or
 * its ref is about the workflow file. Nothing to add to GitHub's message otherwise.
 */
function refused(message: string, action: DispatchKind | "wait", payload: Payload | undefined): string {
  if (action !== "wait" && /too (?:large|long|big|many)|exceed|maximum|limit|size/i.test(message)) {
    const { size, limit } = payloadSize(JSON.stringify(payload ?? null), action);
    const keys = action === "repository_dispatch" ? `, with at most ${MAX_TOP_LEVEL_KEYS} top-level keys` : "";
    return `: GitHub refused the payload as over a limit (its JSON is ${size}, and ${limit}${keys}). Announce fewer images per event, or send fewer extra keys.`;
  }
  if (action === "workflow_dispatch" && /input|ref|workflow_dispatch/i.test(message))
    return `: the workflow must have \`on: workflow_dispatch\` with an input named "${PAYLOAD_INPUT}", and the ref must exist.`;
  return "";
}

/** Said when the repository that failed is the one the caller's list defaults to: the list may have been left out. */
function leftOut(repo: Repo, defaultRepository: string | undefined): string {
  if (defaultRepository?.toLowerCase() !== repo.fullName.toLowerCase()) return "";
  return ` ${repo.fullName} is the repository this workflow runs in, which \`repository\` names when it is left out: to announce to a manifests repository, name it in \`repository\`.`;
}

/** The repository the sending workflow runs in, the only one GITHUB_TOKEN writes to; undefined outside a workflow. */
function homeOf(options: Partial<Pick<DispatchOptions, "payload">>): string | undefined {
  return options.payload?.source?.repository;
}

/** Which repositories each kind of token reaches, for a 404. */
function reach(repo: Repo, options: Partial<Pick<DispatchOptions, "payload">>): string {
  const home = homeOf(options);
  const elsewhere = home !== undefined && home.toLowerCase() !== repo.fullName.toLowerCase();
  return (
    `a GitHub App's token only when the App is installed on ${repo.fullName} and the token was made for it ` +
    "(actions/create-github-app-token's `owner` and `repositories`; with neither, its token reaches only the repository its workflow runs in); " +
    `a fine-grained personal access token only when ${repo.fullName} is among its repositories; ` +
    `GITHUB_TOKEN (the default \`token\`) only the repository its workflow runs in${elsewhere ? ` (${home}), never ${repo.fullName}` : ""}`
  );
}

/**
 * A 403: the token sees the repository but lacks the permission. A repository_dispatch needs
 * Contents: write, the right to push; a workflow_dispatch needs only Actions: write, so it is offered.
 */
function forbidden(repo: Repo, action: DispatchKind | "wait", options: Partial<Pick<DispatchOptions, "payload" | "tokenName">>): string {
  const { permission, level, deed } = NEEDS[action];
  const scope = permission.toLowerCase();
  const home = homeOf(options);
  const githubToken =
    home === undefined
      ? `GITHUB_TOKEN gets it only in the repository its workflow runs in, from \`permissions: ${scope}: ${level}\`.`
      : home.toLowerCase() === repo.fullName.toLowerCase()
        ? `With GITHUB_TOKEN (the default \`token\`), give the job \`permissions: ${scope}: ${level}\`.`
        : `GITHUB_TOKEN (the default \`token\`) gets it only in ${home}, the repository its workflow runs in, never in ${repo.fullName}.`;
  const instead =
    action === "repository_dispatch"
      ? ` Or start the manifests workflow by name instead (\`workflow\`, e.g. promote.yml: a workflow_dispatch), which needs only "Actions: write".`
      : "";
  return (
    `${options.tokenName ?? "the token"} can see ${repo.fullName} but may not ${deed}, which needs "${permission}: ${level}". ` +
    `A GitHub App needs it on ${repo.fullName} (and \`permission-${scope}: ${level}\` among actions/create-github-app-token's inputs, when they list permissions); ` +
    `so does a fine-grained personal access token. ${githubToken}${instead}`
  );
}
