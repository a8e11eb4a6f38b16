/**
 * One pull request per delivery branch, created or updated in place (never a second one),
 * with labels and reviewers. The branch name is deterministic so every run for the same
 * target or image finds and refreshes the same pull request; its title and body tell every
 * value it changes, the earlier runs' too.
 */
import type { Change } from "../change.js";
import { formatImageRef, tryParseImageRef, type ImageRef } from "../image/reference.js";
import type { GitHubClient } from "./client.js";
import type { Repository } from "./commit.js";
import { errorMessage, httpStatus, whenVisible } from "./errors.js";

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

export type PullRequestOperation = "created" | "updated" | "none";

export interface PullRequest {
  readonly number: number;
  readonly url: string;
  readonly nodeId: string;
  readonly operation: PullRequestOperation;
  /** GitHub already has auto-merge enabled on it. */
  readonly autoMerge: boolean;
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

/** The pull requests GitHub has from an existing branch into the base. */
export interface BranchPulls {
  /** The open one: the branch is its head, and its values count as current. */
  readonly open: OpenPull | undefined;
  /**
   * With none open, the newest closed one whose head is the branch's head: a person closed or
   * merged it and the branch outlived it (GitHub keeps head branches by default). The branch
   * is a leftover, not current.
   */
  readonly outlived: { readonly number: number; readonly merged: boolean } | undefined;
}

/**
 * One lookup, open and closed alike, newest first: the pull request on `head` into `base`, or
 * the closed one whose head `headSha` still is. A branch no pull request ends at may be another
 * run's, opening its pull request right now.
 */
export async function findPullRequests(
  client: GitHubClient,
  repository: Repository,
  on: Pick<PullRequestSpec, "base" | "head">,
  headSha: string,
): Promise<BranchPulls> {
  const all = await client.rest.pulls.list({ ...repository, head: `${repository.owner}:${on.head}`, base: on.base, state: "all", per_page: 10 });
  const open = all.data.find((p) => p.state === "open");
  const closed = open ? undefined : all.data.find((p) => p.head.sha === headSha);
  return { open, outlived: closed && { number: closed.number, merged: closed.merged_at !== null && closed.merged_at !== undefined } };
}

/**
 * Updates `open`, the pull request found on `spec.head`, or opens one. A branch that did not
 * exist before this run has none (no lookup needed); when GitHub says one exists all the same,
 * a concurrent run opened it or our own create landed but its answer was lost: on a branch this
 * run made, the pull request is this run's, reported created and given its reviewers.
 */
export async function upsertPullRequest(
  client: GitHubClient,
  repository: Repository,
  spec: PullRequestSpec,
  state: { open: OpenPull | undefined; branchExisted: boolean; branchChanged: boolean },
): Promise<PullRequest> {
  if (state.open) return update(client, repository, spec, state.open, state.branchChanged);
  let pr: PullRequest;
  try {
    const { data } = await client.rest.pulls.create({ ...repository, base: spec.base, head: spec.head, title: spec.title, body: spec.body, draft: spec.draft });
    pr = { number: data.number, url: data.html_url, nodeId: data.node_id, operation: "created", autoMerge: false };
  } catch (error) {
    if (httpStatus(error) !== 422 || !/already exists/i.test(errorMessage(error))) throw error;
    const found = await findOpen(client, repository, spec);
    if (!found) throw error;
    if (state.branchExisted) return update(client, repository, spec, found, state.branchChanged);
    pr = { number: found.number, url: found.html_url, nodeId: found.node_id, operation: "created", autoMerge: hasAutoMerge(found) };
  }
  try {
    await decorate(client, repository, pr.number, spec);
  } catch (error) {
    throw new OpenedUndecoratedError(pr, error);
  }
  return pr;
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

async function findOpen(client: GitHubClient, repository: Repository, spec: PullRequestSpec): Promise<OpenPull | undefined> {
  const open = await client.rest.pulls.list({ ...repository, head: `${repository.owner}:${spec.head}`, base: spec.base, state: "open", per_page: 10 });
  return open.data[0];
}

async function update(client: GitHubClient, repository: Repository, spec: PullRequestSpec, pull: OpenPull, branchChanged: boolean): Promise<PullRequest> {
  const textChanged = pull.title !== spec.title || (pull.body ?? "") !== spec.body;
  if (textChanged) await client.rest.pulls.update({ ...repository, pull_number: pull.number, title: spec.title, body: spec.body });
  const have = new Set(pull.labels.map((l) => l.name));
  const missing = spec.labels.filter((l) => !have.has(l));
  // Reviewers are asked once, when the pull request is opened: asking again after they
  // reviewed would re-request their review on every image bump.
  await decorate(client, repository, pull.number, { labels: missing, reviewers: [], assignees: [] });
  return {
    number: pull.number,
    url: pull.html_url,
    nodeId: pull.node_id,
    operation: branchChanged || textChanged ? "updated" : "none",
    autoMerge: hasAutoMerge(pull),
  };
}

function hasAutoMerge(pull: OpenPull): boolean {
  return pull.auto_merge !== null && pull.auto_merge !== undefined;
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

// ---------------------------------------------------------------------------------------
// The body's table and the title: every value the pull request changes, across the runs that built it

/** One row of the body's table: a value the pull request changes, and the incoming image that set it (none for a `set` override). */
export interface ChangeRow {
  readonly file: string;
  readonly line: number;
  readonly key: string;
  readonly old: string;
  readonly new: string;
  readonly image: string | undefined;
}

const TABLE_HEADER = "| File | Field | Old | New | Image |";
const FOOTER = "_Opened by gitops-promote._";
const ROW = /^\| `([^`]+):(\d+)` \| `([^`]*)` \| `([^`]*)` \| `([^`]*)` \| (?:`([^`]+)`)? \|$/;

/** The row of `change`, naming the incoming image it writes as the commit message's subject does (the same repository, or its tag or digest). */
export function changeRow(change: Change, images: readonly ImageRef[]): ChangeRow {
  const written = tryParseImageRef(change.new);
  const whole = written && (written.tag !== undefined || written.digest !== undefined) ? written : undefined;
  const image = images.find((i) => whole?.repository === i.repository) ?? images.find((i) => change.new === i.tag || change.new === i.digest);
  return { file: change.file, line: change.line, key: change.key, old: change.old, new: change.new, image: image && formatImageRef(image) };
}

/** The rows of a body this module wrote (none from any other body: a person's, or the `body` input's). */
export function bodyRows(body: string | null | undefined): ChangeRow[] {
  if (!body?.includes(TABLE_HEADER) || !body.includes(FOOTER)) return [];
  return body.split("\n").flatMap((line) => {
    const m = ROW.exec(line);
    return m ? [{ file: m[1]!, line: Number(m[2]), key: m[3]!, old: m[4]!, new: m[5]!, image: m[6] }] : [];
  });
}

/**
 * What the pull request changes after this run: `earlier` rows (its body's) of the files it
 * still changes, `now` (this run's) replacing those of the same file and field; by file and line.
 */
export function cumulativeRows(earlier: readonly ChangeRow[], now: readonly ChangeRow[], changedFiles: ReadonlySet<string>): ChangeRow[] {
  const fields = new Set(now.map(fieldOf));
  const kept: ChangeRow[] = [];
  for (const row of earlier) {
    if (!changedFiles.has(row.file) || fields.has(fieldOf(row))) continue;
    fields.add(fieldOf(row)); // each field once
    kept.push(row);
  }
  return [...kept, ...now].sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
}

function fieldOf(row: ChangeRow): string {
  return `${row.file}\0${row.key}`;
}

/** The message's body, the table of every changed value for the reviewer, and the files the branch changes besides (a person's edits). */
export function pullRequestBody(intro: string, rows: readonly ChangeRow[], otherFiles: readonly string[]): string {
  const cell = (text: string) => `\`${text}\``;
  const lines = rows.map(
    (r) => `| ${cell(`${r.file}:${r.line}`)} | ${cell(r.key)} | ${cell(r.old)} | ${cell(r.new)} | ${r.image === undefined ? "" : cell(r.image)} |`,
  );
  const others = otherFiles.length === 0 ? [] : ["", `Also on this branch, from its earlier commits: ${otherFiles.map(cell).join(", ")}.`];
  return [intro, "", TABLE_HEADER, "| --- | --- | --- | --- | --- |", ...lines, ...others, "", FOOTER].join("\n").trim() + "\n";
}

const MAX_SUBJECT = 120;

/**
 * A title naming every image the rows set, by name, when there are several (one run's commit
 * subject names only its own): `chore(deploy): ghcr.io/acme/api 2.0.1, ghcr.io/acme/app 1.2.4`,
 * or `chore(deploy): 12 images` when that is too long. undefined for one image or none.
 */
export function imagesTitle(rows: readonly ChangeRow[]): string | undefined {
  const versions = new Map<string, Set<string>>();
  for (const row of rows) {
    const image = row.image === undefined ? undefined : tryParseImageRef(row.image);
    if (image) versions.set(image.name, (versions.get(image.name) ?? new Set()).add(version(image)));
  }
  if (versions.size < 2) return undefined;
  const names = [...versions.keys()].sort();
  const subject = names.map((name) => `${name} ${[...versions.get(name)!].sort().join(" and ")}`).join(", ");
  return `chore(deploy): ${subject.length <= MAX_SUBJECT ? subject : `${names.length} images`}`;
}

/** As the commit message's subject gives it: the tag, with the digest's first 12 hex digits when pinned, or that short digest alone. */
function version(ref: ImageRef): string {
  const short = (digest: string) => digest.slice(0, digest.indexOf(":") + 13);
  if (ref.tag !== undefined) return ref.digest !== undefined ? `${ref.tag}@${short(ref.digest)}` : ref.tag;
  return short(ref.digest ?? "");
}
