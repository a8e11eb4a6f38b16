/**
 * One pull request per delivery branch, created or updated in place (never a second one),
 * with labels and reviewers. The branch name is deterministic so every run for the same
 * target or image finds and refreshes the same pull request (its title and body:
 * pull-request-body.ts).
 */
import type { GitHubClient } from "./client.js";
import { BranchMovedError, type Repository } from "./commit.js";
import { errorMessage, httpStatus, whenVisible } from "./errors.js";
import { describedCommit } from "./pull-request-body.js";

export interface PullRequestSpec {
  readonly base: string;
  readonly head: string;
  readonly title: string;
  readonly body: string;
  readonly labels: readonly string[];
  /** Users, or `org/team` for teams. */
  readonly reviewers: readonly string[];
  readonly assignees: readonly string[];
  readonly draft: boolean;
}

/** `closed`: it no longer changed anything on the base (closePullRequest). */
export type PullRequestOperation = "created" | "updated" | "none" | "closed";

export interface PullRequest {
  readonly number: number;
  readonly url: string;
  readonly nodeId: string;
  readonly operation: PullRequestOperation;
  /** GitHub already has auto-merge enabled on it. */
  readonly autoMerge: boolean;
  /** GitHub merged it already, at the head this run left on its branch (its checks passed right after our push). */
  readonly merged?: boolean;
  /** The title and body this run wrote over, when it did: given back should the pull request close under the run. */
  readonly replacedText?: PullText;
}

export const BRANCH_PREFIX = "gitops-promote/";

/**
 * `gitops-promote/<name>` with everything git refs or shells dislike turned into '-':
 * `ghcr.io/acme/app` -> `gitops-promote/ghcr.io-acme-app` (no '/' inside, so two names never
 * collide as directory and file).
 */
export function pullRequestBranch(name: string): string {
  const safe = name
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/\.{2,}/g, ".")
    .replace(/-{2,}/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "")
    .replace(/\.lock$/i, "-lock")
    .slice(0, 200);
  return `${BRANCH_PREFIX}${safe || "update"}`;
}

/** The pull requests GitHub has from an existing branch into the base, and an open one into another base. */
export interface BranchPulls {
  /** The open one: the branch is its head, and its values count as current. */
  readonly open: OpenPull | undefined;
  /**
   * An open one into another base: the branch is that base's. Every run rebuilds its branch on
   * its own base, so runs into two bases on one branch would replace each other's commit.
   */
  readonly elsewhere: OpenPull | undefined;
  /**
   * With none open (into any base), the newest closed one whose head is the branch's head: a
   * person closed or merged it and the branch outlived it (GitHub keeps head branches by
   * default). The branch is a leftover, not current, whichever base that pull request had.
   */
  readonly outlived: Outlived | undefined;
  /** The number of the newest pull request the branch has had, open or closed (0: none): any opened later is newer. */
  readonly newest: number;
}

/** A closed pull request whose branch outlived it (BranchPulls). */
export interface Outlived {
  readonly number: number;
  readonly url: string;
  readonly nodeId: string;
  readonly base: string;
  readonly merged: boolean;
  /** How long ago it was closed (ms, by GitHub's clock). */
  readonly closedFor: number;
}

/**
 * How long (ms, by GitHub's clock) a pull request closed at its branch's head may yet be opened
 * again by the run that closed it: closePullRequest reopens one whose branch moved just before
 * its close, right after GitHub's answer.
 */
export const REOPEN_GRACE_MS = 5000;

const LOOKUP_PAGE = 10;

/**
 * One lookup, open and closed alike and into any base, newest first: the pull request on `head`
 * into `base`, one open into another base, or the closed one whose head is one of `heads` (the
 * branch's head, or a commit this run built on it). A branch no pull request ends at may be
 * another run's, opening its pull request right now. GitHub lists by creation, so the open one is
 * not always among the newest (a person may reopen an older one after the newer ones closed): a
 * full page without it asks for the open ones alone.
 */
export async function findPullRequests(
  client: GitHubClient,
  repository: Repository,
  on: Pick<PullRequestSpec, "base" | "head">,
  ...heads: string[]
): Promise<BranchPulls> {
  const all = await client.rest.pulls.list({ ...repository, head: `${repository.owner}:${on.head}`, state: "all", per_page: LOOKUP_PAGE });
  const ours = (p: OpenPull) => p.state === "open" && p.base.ref === on.base;
  const listed = all.data.some(ours) || all.data.length < LOOKUP_PAGE ? all.data : (await openFrom(client, repository, on.head)).open;
  const open = listed.find(ours);
  const elsewhere = listed.find((p) => p.state === "open" && p.base.ref !== on.base);
  const closed = open || elsewhere ? undefined : all.data.find((p) => heads.includes(p.head.sha));
  const newest = Math.max(0, ...all.data.map((p) => p.number));
  if (closed === undefined) return { open, elsewhere, outlived: undefined, newest };
  return { open, elsewhere, outlived: outlivedOf(closed, all.headers.date), newest };
}

/** A closed pull request as listed, GitHub's answer dated `date`. */
function outlivedOf(closed: OpenPull, date: string | undefined): Outlived {
  // Measured against the answer's Date, not this runner's clock; NaN (no date) reads as long ago.
  const closedFor = Date.parse(date ?? "") - Date.parse(closed.closed_at ?? "");
  const merged = closed.merged_at !== null && closed.merged_at !== undefined;
  return { number: closed.number, url: closed.html_url, nodeId: closed.node_id, base: closed.base.ref, merged, closedFor };
}

/** A closed pull request whose branch is gone, with the head it had when it closed. */
export interface Orphaned extends Outlived {
  readonly head: string;
}

/**
 * The newest pull request GitHub has from `head`, a branch that no longer exists, when it is
 * closed (GitHub closes one whose branch is deleted, and offers to delete the branch of one it closes).
 */
export async function lastClosedFrom(client: GitHubClient, repository: Repository, head: string): Promise<Orphaned | undefined> {
  const { data, headers } = await client.rest.pulls.list({ ...repository, head: `${repository.owner}:${head}`, state: "all", per_page: 1 });
  const last = data[0];
  return last === undefined || last.state !== "closed" ? undefined : { ...outlivedOf(last, headers.date), head: last.head.sha };
}

/**
 * What pull request `number` changes, file by file, as GitHub lists it: each path to its blob at
 * the head, undefined where the file is removed (or renamed away), null where GitHub gives no blob
 * (a change of mode alone). GitHub lists at most 3000 files.
 */
export async function pullRequestFiles(client: GitHubClient, repository: Repository, number: number): Promise<Map<string, string | null | undefined>> {
  const files = await client.paginate(client.rest.pulls.listFiles, { ...repository, pull_number: number, per_page: 100 });
  const changed = new Map<string, string | null | undefined>();
  for (const file of files) {
    changed.set(file.filename, file.status === "removed" ? undefined : file.sha);
    if (file.previous_filename !== undefined) changed.set(file.previous_filename, undefined);
  }
  return changed;
}

/** Who closed a pull request: the account's login (undefined when GitHub does not say), and whether it is the one that opened it. */
export interface Closer {
  readonly login: string | undefined;
  /** The account that opened it closed it: gitops-promote's token, for a pull request of ours (closePullRequest). */
  readonly opener: boolean;
  /** GitHub refused to tell this token who closed it: its answer. */
  readonly unread?: string;
}

/**
 * Who closed pull request `number`: its issue says (`closed_by`), the pulls API does not. GitHub
 * serves an issue only to a token with Issues: read (docs.github.com's fine-grained permission table
 * lists "Get an issue" under Issues alone), which the Pull requests permission does not give: refused
 * (403), the closer is unread, not the run's failure.
 */
export async function closerOf(client: GitHubClient, repository: Repository, number: number): Promise<Closer> {
  try {
    const { data } = await client.rest.issues.get({ ...repository, issue_number: number });
    const login = data.closed_by?.login;
    return { login, opener: login !== undefined && login === data.user?.login };
  } catch (error) {
    if (httpStatus(error) !== 403) throw error;
    return { login: undefined, opener: false, unread: errorMessage(error) };
  }
}

/** The open pull requests from `head`, into any base (GitHub keeps one per base), and when GitHub answered (its Date, ms; NaN without one). */
export async function openFrom(client: GitHubClient, repository: Repository, head: string): Promise<{ open: OpenPull[]; at: number }> {
  const { data, headers } = await client.rest.pulls.list({ ...repository, head: `${repository.owner}:${head}`, state: "open", per_page: LOOKUP_PAGE });
  return { open: data, at: Date.parse(headers.date ?? "") };
}

/**
 * The pull requests from `head` closed unmerged at `sha` since `since` (GitHub's clock, ms: an
 * answer's Date, in whole seconds as closed_at is, so one closed in that same second counts; NaN
 * counts every one): those a deletion of `head` at `sha` closed, when that deletion came after
 * `since`. Among the newest GitHub lists, by creation: one opened since is among them.
 */
export async function closedSince(client: GitHubClient, repository: Repository, head: string, sha: string, since: number): Promise<OpenPull[]> {
  const { data } = await client.rest.pulls.list({ ...repository, head: `${repository.owner}:${head}`, state: "closed", per_page: LOOKUP_PAGE });
  return data.filter((p) => !p.merged_at && p.head.sha === sha && !(Date.parse(p.closed_at ?? "") < since));
}

/** An open pull request, as a dry run names it. */
export interface OpenPullRef {
  readonly number: number;
  readonly url: string;
}

/** The open pull requests from one branch: the one into the base, and one into another base (BranchPulls.elsewhere). */
export interface BranchOpen {
  readonly into: OpenPullRef | undefined;
  readonly elsewhere: OpenPull | undefined;
}

/**
 * The open pull requests from this repository's branches among `branches`, into `base` or another
 * base, by branch (those with one): one lookup (a page per hundred open pull requests), whatever
 * their number. A fork's branch of the same name is not ours.
 */
export async function openPullRequestsOn(
  client: GitHubClient,
  repository: Repository,
  base: string,
  branches: readonly string[],
): Promise<Map<string, BranchOpen>> {
  if (branches.length === 0) return new Map();
  const open = await client.paginate(client.rest.pulls.list, { ...repository, state: "open", per_page: 100 });
  const ours = open.filter((p) => p.head.label === `${repository.owner}:${p.head.ref}` && branches.includes(p.head.ref));
  const from = (branch: string): BranchOpen => {
    const into = ours.find((p) => p.head.ref === branch && p.base.ref === base);
    return { into: into && { number: into.number, url: into.html_url }, elsewhere: ours.find((p) => p.head.ref === branch && p.base.ref !== base) };
  };
  return new Map([...new Set(ours.map((p) => p.head.ref))].map((branch) => [branch, from(branch)]));
}

/**
 * Closes `pull`, which no longer changes anything on the base as its branch stood at `head`, with
 * a comment saying `why`. Merged meanwhile, the base moved: BranchMovedError, to plan again on it.
 * The branch (`branchHead`, asked of the server) moved since the run read it: another run's newer
 * value, maybe reported landed, is on it: not closed, BranchMovedError, to plan again on the branch.
 * Moved between that look and the close: it is opened again, and the BranchMovedError plans again,
 * so that no run's value is closed away unread. GitHub's answer may still show the head from before
 * a push (it catches up a moment later), so the branch is read again after the close as well. A run
 * that meets it closed meanwhile waits for that (isLeftover, REOPEN_GRACE_MS); GitHub refuses the
 * reopen once the branch no longer holds the head it closed at (another run took it for a leftover all the same).
 */
export async function closePullRequest(
  client: GitHubClient,
  repository: Repository,
  pull: OpenPull,
  head: string,
  why: string,
  branchHead: () => Promise<string | undefined>,
): Promise<PullRequest> {
  const at = { ...repository, pull_number: pull.number };
  if ((await branchHead()) !== head) throw new BranchMovedError(pull.head.ref);
  const { data: now } = await client.rest.pulls.update({ ...at, state: "closed" });
  if (now.merged) throw new BranchMovedError(pull.base.ref);
  if (now.head.sha !== head || (await branchHead()) !== head) {
    await client.rest.pulls.update({ ...at, state: "open" }).catch((error: unknown) => {
      if (httpStatus(error) !== 422) throw error;
    });
    throw new BranchMovedError(pull.head.ref);
  }
  await client.rest.issues.createComment({ ...repository, issue_number: pull.number, body: why });
  // Its auto-merge was turned off before the close (closeChangingNothing).
  return pullRequestOf(pull, "closed", false);
}

/** Pauses between looks at a body another run is about to write: it writes right after its push, unless it waits on a run before it. */
const BODY_WAITS_MS = [250, 500, 1000, 2000, 4000, 8000];

/**
 * The open pull request on `on.head` once its body describes `built` (pullRequestBody's marker):
 * another run pushed that commit, which this run built on, and writes its body after its push.
 * Any other body (a run before it, or the pull request that run opened before writing) is not
 * yet that run's: taken, its rows would be written over by that run's later write.
 * undefined when it did not come within the pauses (that run may have failed).
 */
export async function awaitOtherRunsBody(
  client: GitHubClient,
  repository: Repository,
  on: Pick<PullRequestSpec, "base" | "head">,
  built: string,
  sleep: (ms: number) => Promise<void>,
): Promise<OpenPull | undefined> {
  for (const ms of [0, ...BODY_WAITS_MS]) {
    if (ms > 0) await sleep(ms);
    const now = await findOpen(client, repository, on);
    if (now && describedCommit(now.body) === built) return now;
  }
  return undefined;
}

/**
 * Updates `open`, the pull request found on `spec.head`, or opens one. A branch that did not
 * exist before this run has none (no lookup needed); when GitHub says one exists all the same,
 * a concurrent run opened it or our own create landed but its answer was lost: on a branch this
 * run made, the pull request is this run's, reported created and given its reviewers. When GitHub
 * finds no commit on the branch that the base lacks, another run carried this run's commit on and
 * merged it (or the base got the same change): BranchMovedError, to plan again on the base.
 */
export async function upsertPullRequest(
  client: GitHubClient,
  repository: Repository,
  spec: PullRequestSpec,
  state: BranchState & { open: OpenPull | undefined; branchExisted: boolean },
): Promise<PullRequest> {
  if (state.open) return update(client, repository, spec, state.open, state);
  let pr: PullRequest;
  try {
    const { data } = await client.rest.pulls.create({ ...repository, base: spec.base, head: spec.head, title: spec.title, body: spec.body, draft: spec.draft });
    pr = pullRequestOf(data, "created");
  } catch (error) {
    if (httpStatus(error) === 422 && /no commits between/i.test(errorMessage(error))) throw new BranchMovedError(spec.head);
    if (httpStatus(error) !== 422 || !/already exists/i.test(errorMessage(error))) throw error;
    const found = await findOpen(client, repository, spec);
    if (!found) throw error;
    if (state.branchExisted) return update(client, repository, spec, found, state);
    pr = pullRequestOf(found, "created");
  }
  try {
    await decorate(client, repository, pr.number, spec);
  } catch (error) {
    throw new OpenedUndecoratedError(pr, error);
  }
  return pr;
}

/** What this run left on the pull request's branch. */
interface BranchState {
  /** The head: this run's commit, or the one it left as it was. */
  readonly head: string;
  /** This run moved the branch there. */
  readonly branchChanged: boolean;
}

/**
 * The pull request was merged or closed under this run (`when` says at which step): nothing
 * will bring the run's commit to the base. Planned again as for a moved branch, the next attempt
 * sees the branch as the leftover it is (`stranded`, what it holds) and opens a new pull request.
 */
export class PullRequestClosedError extends BranchMovedError {
  constructor(
    readonly number: number,
    readonly merged: boolean,
    branch: string,
    readonly stranded: string,
    when: string,
  ) {
    super(branch);
    this.message = `pull request #${number} was ${merged ? "merged" : "closed"} ${when}`;
    this.name = "PullRequestClosedError";
  }
}

/**
 * After GitHub refused to turn the pull request's auto-merge on (it refuses a closed one): whether
 * it was merged meanwhile at `head`, the head this run left on its branch (its checks passed, a
 * person merged it). Merged at another head or closed, PullRequestClosedError, after giving it
 * back the text this run read (`text`); false while it is open (the refusal is about something else).
 */
export async function mergedMeanwhile(
  client: GitHubClient,
  repository: Repository,
  pull: { number: number; branch: string },
  head: string,
  text: { read: PullText | undefined; written: PullText },
): Promise<boolean> {
  const { data: now } = await client.rest.pulls.get({ ...repository, pull_number: pull.number });
  if (now.state !== "closed") return false;
  if (now.merged && now.head.sha === head) return true;
  await giveTextBack(client, repository, pull.number, text.read, text.written);
  throw new PullRequestClosedError(pull.number, now.merged, pull.branch, head, `before this run turned its auto-merge on (${pull.branch} at ${head})`);
}

/** Whether pull request `number` is merged now (one read). */
export async function isMerged(client: GitHubClient, repository: Repository, number: number): Promise<boolean> {
  const { data } = await client.rest.pulls.get({ ...repository, pull_number: number });
  return data.merged;
}

/** A pull request's title and body. */
export type PullText = Pick<OpenPull, "title" | "body">;

/**
 * Gives a pull request that was merged elsewhere or closed under this run the text this run read
 * on it (`read`, none when this run opened it), when this run wrote another (`written`): ours
 * would claim values it never held. Also when the text read describes an earlier head than the
 * one it closed at: both are stale then, ours claims more.
 */
export async function giveTextBack(client: GitHubClient, repository: Repository, number: number, read: PullText | undefined, written: PullText): Promise<void> {
  if (read === undefined || !textDiffers(read, written)) return;
  await client.rest.pulls.update({ ...repository, pull_number: number, title: read.title, body: read.body ?? "" });
}

function textDiffers(a: PullText, b: PullText): boolean {
  return a.title !== b.title || (a.body ?? "") !== (b.body ?? "");
}

/** The pull request is open, but GitHub refused its labels, assignees or reviewers (e.g. a reviewer who is not a collaborator). */
export class OpenedUndecoratedError extends Error {
  constructor(
    readonly pullRequest: PullRequest,
    cause: unknown,
  ) {
    super(`pull request #${pullRequest.number} is open (${pullRequest.url}), but its labels, assignees or reviewers were refused: ${errorMessage(cause)}`, {
      cause,
    });
    this.name = "OpenedUndecoratedError";
  }
}

/** A pull request as GitHub lists it. */
export type OpenPull = Awaited<ReturnType<GitHubClient["rest"]["pulls"]["list"]>>["data"][number];

/** At most one: GitHub refuses a second open pull request from one head into one base. */
async function findOpen(client: GitHubClient, repository: Repository, on: Pick<PullRequestSpec, "base" | "head">): Promise<OpenPull | undefined> {
  const open = await client.rest.pulls.list({ ...repository, head: `${repository.owner}:${on.head}`, base: on.base, state: "open", per_page: 1 });
  return open.data[0];
}

/**
 * Updates the open pull request `pull` as read before this run moved its branch. It may have been
 * merged or closed since (its checks passed, a person closed it): GitHub's answer to the update,
 * or a read when there is nothing to write but the branch moved, tells. Merged at the head this
 * run left, it carries the run's values; otherwise PullRequestClosedError, after giving the
 * pull request back the text this run read (ours would claim values it never held).
 */
async function update(client: GitHubClient, repository: Repository, spec: PullRequestSpec, pull: OpenPull, branch: BranchState): Promise<PullRequest> {
  const textChanged = textDiffers(pull, spec);
  const at = { ...repository, pull_number: pull.number };
  const now = textChanged
    ? (await client.rest.pulls.update({ ...at, title: spec.title, body: spec.body })).data
    : branch.branchChanged
      ? (await client.rest.pulls.get(at)).data
      : undefined;
  const merged = now?.state === "closed" && now.merged && now.head.sha === branch.head;
  if (now?.state === "closed" && !merged) {
    await giveTextBack(client, repository, pull.number, pull, spec);
    // The commit is this run's only when it moved the branch; the pull request's head tells whether it got there.
    const when =
      branch.branchChanged && now.head.sha !== branch.head
        ? `before this run's commit ${branch.head} reached ${spec.head}`
        : `while this run updated it (${spec.head} at ${branch.head})`;
    throw new PullRequestClosedError(pull.number, now.merged, spec.head, branch.head, when);
  }
  if (!merged) {
    const have = new Set(pull.labels.map((l) => l.name));
    const missing = spec.labels.filter((l) => !have.has(l));
    // Reviewers are asked once, when the pull request is opened: asking again after they
    // reviewed would re-request their review on every image bump.
    await decorate(client, repository, pull.number, { labels: missing, reviewers: [], assignees: [] });
  }
  return {
    ...pullRequestOf(pull, branch.branchChanged || textChanged ? "updated" : "none", hasAutoMerge(now ?? pull)),
    ...(merged && { merged }),
    ...(textChanged && { replacedText: { title: pull.title, body: pull.body } }),
  };
}

export function hasAutoMerge(pull: Pick<OpenPull, "auto_merge">): boolean {
  return pull.auto_merge !== null && pull.auto_merge !== undefined;
}

/** Our record of GitHub's `pull` after `operation`; its auto-merge as GitHub gave it (`autoMerge` says otherwise: turned off since). */
export function pullRequestOf(
  pull: Pick<OpenPull, "number" | "html_url" | "node_id" | "auto_merge">,
  operation: PullRequestOperation,
  autoMerge = hasAutoMerge(pull),
): PullRequest {
  return { number: pull.number, url: pull.html_url, nodeId: pull.node_id, operation, autoMerge };
}

async function decorate(
  client: GitHubClient,
  repository: Repository,
  number: number,
  what: Pick<PullRequestSpec, "labels" | "reviewers" | "assignees">,
): Promise<void> {
  const { labels, reviewers, assignees } = what;
  if (assignees.length > 0) await whenVisible(() => client.rest.issues.addAssignees({ ...repository, issue_number: number, assignees: [...assignees] }));
  if (labels.length > 0) await whenVisible(() => client.rest.issues.addLabels({ ...repository, issue_number: number, labels: [...labels] }));
  const teams = reviewers.filter((r) => r.includes("/")).map((r) => r.slice(r.indexOf("/") + 1));
  const users = reviewers.filter((r) => !r.includes("/"));
  if (teams.length + users.length > 0) {
    await whenVisible(() => client.rest.pulls.requestReviewers({ ...repository, pull_number: number, reviewers: users, team_reviewers: teams }));
  }
}
