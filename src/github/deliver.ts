/**
 * Delivery: plan the request on the branch's current head and land the result as a commit
 * on the branch, a pull request (optionally merged or set to auto-merge), or nothing.
 *
 * Optimistic concurrency: each attempt fetches the branch, plans on exactly that commit,
 * and moves the branch only if it still points there (API `updateRef` without force, or a
 * plain `git push`). When another run got there first, the same request is planned again
 * on the new head — policies make that idempotent: an older build never overwrites a newer
 * one, and a change someone else already made plans to nothing — after a jittered,
 * exponentially growing pause. The base branch is never force-pushed; only our own
 * pull-request branch is reset, as create-pull-request does.
 */
import type { Change, Warning } from "../change.js";
import { writePlan } from "../engine/apply.js";
import { commitMessage, withCoAuthors, type CommitMessageInput } from "../engine/commit-message.js";
import type { DeliveryMode, MergeMethod, MergeMode } from "../engine/config.js";
import { configPathOf, planUpdate, type FilePlan, type Plan, type PlannedTarget } from "../engine/plan.js";
import type { UpdateRequest } from "../engine/request.js";
import { readText } from "../engine/source.js";
import type { ImageRef } from "../image/reference.js";
import type { GitHubClient } from "./client.js";
import { advanceBranch, BranchMovedError, createApiCommit, deleteOwnBranch, setBranch, type Repository } from "./commit.js";
import { errorMessage } from "./errors.js";
import type { CommitPeople, FileWrite, GitRepo, Identity, TreeEntry } from "./git.js";
import { disableAutoMerge, mergePullRequest, type MergeOutcome } from "./merge.js";
import { findPullRequests, OpenedUndecoratedError, pullRequestBranch, upsertPullRequest, type PullRequest, type PullRequestSpec } from "./pull-request.js";
import { bodyRows, changeRow, cumulativeRows, imagesTitle, pullRequestBody } from "./pull-request-body.js";

export type CommitVia = "api" | "git";

/** How to land the changes; a target's `delivery` in the configuration overrides these per target. */
export interface DeliveryOptions {
  readonly mode: DeliveryMode;
  /** The branch to update or to open pull requests against; default: the remote's default branch. */
  readonly branch?: string;
  /** Pull-request branch; default `gitops-promote/<target or image>`. */
  readonly prBranch?: string;
  readonly title?: string;
  readonly body?: string;
  readonly labels: readonly string[];
  readonly reviewers: readonly string[];
  readonly merge: MergeMode;
  readonly mergeMethod: MergeMethod;
  readonly commitVia: CommitVia;
  /** A Go text/template (Flux's data model); our default message when absent. */
  readonly messageTemplate?: string;
  /** `.Values` of the template (e.g. the dispatch payload's source). */
  readonly templateValues?: Readonly<Record<string, string>>;
  readonly author?: Identity;
  /** Plan and report only. */
  readonly dryRun: boolean;
  /** Attempts before giving up on a branch that keeps moving (default 10). */
  readonly maxAttempts?: number;
}

export interface DeliveryContext {
  readonly git: GitRepo;
  readonly remote: string;
  readonly repository: Repository;
  /** Created on first use: a `commit-via: git` push never needs the API or a token. */
  readonly client: () => GitHubClient;
  readonly log: (message: string) => void;
  /** Pause between attempts; tests may shorten it. */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** One landed group of files. */
export interface Landing {
  readonly mode: DeliveryMode;
  /** The branch written: the base for push, the pull-request branch otherwise. */
  readonly branch: string;
  readonly files: readonly FilePlan[];
  readonly changes: readonly Change[];
  readonly commit?: string;
  readonly pullRequest?: PullRequest;
  readonly merge?: MergeOutcome;
  /** The commit message (in a dry run: the one that would be used, before crediting the pull-request branch's co-authors). */
  readonly message?: string;
  /** What the delivery left undone and why (a pull request not merged, a file not carried). */
  readonly warnings?: readonly Warning[];
}

export interface DeliveryResult {
  /** Something was (or, in a dry run, would be) changed. */
  readonly changed: boolean;
  readonly base: string;
  /** The commit the final plan was made on. */
  readonly planned: string;
  readonly plan: Plan;
  readonly landings: readonly Landing[];
  readonly attempts: number;
}

/**
 * The delivery failed after part of it landed (a push on the base, a pull request opened), on
 * this attempt or an earlier one whose pull-request branch then moved: `landings` says what did,
 * `cause` what failed (giving up on a branch that kept moving included). A failure before
 * anything landed is thrown as it is.
 */
export class DeliveryError extends Error {
  constructor(
    readonly landings: readonly Landing[],
    cause: unknown,
  ) {
    super(errorMessage(cause), { cause });
    this.name = "DeliveryError";
  }
}

/** The files `landings` wrote, each once, by path. */
export function landedFiles(landings: readonly Landing[]): FilePlan[] {
  const landed = new Map(landings.flatMap((l) => l.files.map((f) => [f.path, f] as const))); // each file lands once
  return [...landed.keys()].sort().map((path) => landed.get(path)!);
}

/** The committer of `commit-via: git` commits (the author defaults to it too). */
export const BOT: Identity = { name: "github-actions[bot]", email: "41898282+github-actions[bot]@users.noreply.github.com" };

const DEFAULT_ATTEMPTS = 10;
const BACKOFF_BASE_MS = 250;
const BACKOFF_CAP_MS = 5000;

export async function deliver(ctx: DeliveryContext, request: UpdateRequest, options: DeliveryOptions): Promise<DeliveryResult> {
  const base = options.branch || (await ctx.git.defaultBranch(ctx.remote));
  const attempts = options.maxAttempts ?? DEFAULT_ATTEMPTS;
  const sleep = ctx.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  // An attempt can land the push and pull requests before a later pull-request branch moves:
  // what earlier attempts landed stays landed, and the run's result or failure tells it.
  const earlier: Landing[] = [];
  const moved = new Set<string>();
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      return await deliverOnce(ctx, request, options, base, attempt, earlier);
    } catch (error) {
      const branchMoved = error instanceof DeliveryError ? error.cause : error;
      if (!(branchMoved instanceof BranchMovedError)) throw withLandings(earlier, error);
      if (error instanceof DeliveryError) earlier.push(...error.landings);
      moved.add(branchMoved.branch);
      if (attempt === attempts) break;
      const pause = Math.round(Math.random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (attempt - 1)));
      ctx.log(`attempt ${attempt}: ${branchMoved.branch} moved while committing; planning again on the new heads in ${pause} ms`);
      await sleep(pause);
    }
  }
  const written = earlier.length === 0 ? "nothing was written by this run" : `before giving up, this run landed ${earlier.map(describeLanding).join(", ")}`;
  const gaveUp = new Error(
    `gave up after ${attempts} attempts: ${[...moved].join(" and ")} kept moving under us (other runs committing at the same time); ${written}`,
  );
  throw withLandings(earlier, gaveUp);
}

/** One attempt: plan on the branch's current head and land; `earlier` is what earlier attempts landed, part of the result. */
async function deliverOnce(
  ctx: DeliveryContext,
  request: UpdateRequest,
  options: DeliveryOptions,
  base: string,
  attempt: number,
  earlier: readonly Landing[],
): Promise<DeliveryResult> {
  const head = await ctx.git.fetch(ctx.remote, base);
  if (head === undefined) throw new Error(`branch ${base} does not exist on ${ctx.remote}`);
  const tree = await ctx.git.tree(head);
  let plan: Plan;
  try {
    plan = await planUpdate(tree, request);
  } finally {
    tree.close();
  }
  const result = (landings: Landing[], final = plan): DeliveryResult => ({
    changed: final.files.length > 0,
    base,
    planned: head,
    plan: final,
    landings,
    attempts: attempt,
  });
  // What landed, this attempt's and earlier ones'; a pull request that already carries these values (or newer ones) lands nothing.
  const landed = (landings: Landing[]): DeliveryResult => {
    const all = [...earlier, ...landings];
    const files = landedFiles(all);
    return result(all, { ...plan, files, changes: files.flatMap((f) => f.changes), warnings: [...plan.warnings, ...all.flatMap((l) => l.warnings ?? [])] });
  };
  if (plan.files.length === 0) return landed([]);
  if (options.dryRun) return result(preview(ctx, options, plan, base));
  return landed(await land(ctx, request, options, plan, { base, head, entries: tree.entries }));
}

/** `error`, as a DeliveryError carrying `earlier` too when something landed. */
function withLandings(earlier: readonly Landing[], error: unknown): unknown {
  if (error instanceof DeliveryError) return new DeliveryError([...earlier, ...error.landings], error.cause);
  return earlier.length > 0 ? new DeliveryError(earlier, error) : error;
}

/** `commit <sha> on main`, `commit <sha> on gitops-promote/app (pull request #3, created, merged)`. */
function describeLanding(landing: Landing): string {
  const pr = landing.pullRequest;
  if (!pr) return `commit ${landing.commit} on ${landing.branch}`;
  const how = [pr.operation === "none" ? "left as it was" : pr.operation, ...(landing.merge && landing.merge !== "none" ? [landing.merge] : [])];
  return `commit ${landing.commit} on ${landing.branch} (pull request #${pr.number}, ${how.join(", ")})`;
}

interface Head {
  readonly base: string;
  readonly head: string;
  readonly entries: ReadonlyMap<string, TreeEntry>;
}

/** Files that share one way of landing. */
interface Group extends Pick<PullRequestSpec, "labels" | "reviewers" | "assignees" | "draft"> {
  readonly mode: DeliveryMode;
  readonly prBranch: string;
  readonly merge: MergeMode;
  readonly mergeMethod: MergeMethod;
  readonly title: string | undefined;
  readonly messageTemplate: string | undefined;
  readonly files: FilePlan[];
}

/** Where each group would land and with which message; renders the templates, writes nothing. */
function preview(ctx: DeliveryContext, options: DeliveryOptions, plan: Plan, base: string): Landing[] {
  return groupsWithMessages(ctx, options, plan).map((g) => ({
    mode: g.mode,
    branch: g.mode === "pull-request" ? g.prBranch : base,
    files: g.files,
    changes: g.files.flatMap((f) => f.changes),
    ...(g.message !== undefined && { message: g.message }),
  }));
}

/** Pushes first (the only step that can lose the race), then pull requests on top of it; a failure after a landing is a DeliveryError. */
async function land(ctx: DeliveryContext, request: UpdateRequest, options: DeliveryOptions, plan: Plan, at: Head): Promise<Landing[]> {
  const groups = groupsWithMessages(ctx, options, plan);
  const landings: Landing[] = [];
  let parent = { commit: at.head, tree: undefined as string | undefined };

  const push = groups.find((g) => g.mode === "push");
  if (push) {
    const writes = fileWrites(push.files, at.entries);
    const message = push.message!;
    if (options.commitVia === "git") {
      const commit = await gitCommit(ctx, at.head, writes, message, options.author);
      if ((await ctx.git.push(ctx.remote, commit, at.base, at.head)) === "rejected") throw new BranchMovedError(at.base);
      parent = { commit, tree: undefined };
    } else {
      const commit = await createApiCommit(ctx.client(), ctx.repository, {
        parent: at.head,
        baseTree: await ctx.git.treeOf(at.head),
        files: writes,
        message,
        ...(options.author && { author: options.author }),
      });
      await advanceBranch(ctx.client(), ctx.repository, at.base, commit.sha, at.head);
      parent = { commit: commit.sha, tree: commit.tree };
    }
    landings.push({ mode: "push", branch: at.base, files: push.files, changes: push.files.flatMap((f) => f.changes), commit: parent.commit, message });
    ctx.log(`pushed ${parent.commit} to ${at.base}`);
  }

  try {
    for (const group of groups.filter((g) => g.mode === "pull-request")) {
      // Rendered again: on the pull-request branch the request may edit other values than on the base.
      const messageFor = (files: readonly FilePlan[]) => commitMessage(group.messageTemplate, messageInput(ctx, plan.images, options, files));
      const landing = await landPullRequest(ctx, request, options, at, parent, group, plan.images, messageFor);
      if (landing) landings.push(landing);
    }
    const untouched = groups.filter((g) => g.mode === "none").flatMap((g) => g.files);
    if (untouched.length > 0) {
      // delivery none: leave the edits in the checkout for the workflow's own next steps
      await writePlan(ctx.git.dir, { ...plan, files: untouched });
      landings.push({ mode: "none", branch: at.base, files: untouched, changes: untouched.flatMap((f) => f.changes) });
    }
  } catch (error) {
    // What landed before is told with the failure, also when a pull-request branch moved: that is planned again (on top of the push).
    throw withLandings(landings, error);
  }
  return landings;
}

/**
 * The plan's groups, each with the message its commit gets. Every template is rendered here,
 * before anything is written: a bad one fails the whole run, never after a push has landed.
 */
function groupsWithMessages(ctx: DeliveryContext, options: DeliveryOptions, plan: Plan): (Group & { readonly message?: string })[] {
  const groups = groupFiles(plan, options, ctx.repository.owner);
  const pushes = groups.filter((g) => g.mode === "push");
  if (pushes.length > 1) throw new Error(differentPushTemplates(pushes, options));
  return groups.map((g) => (g.mode === "none" ? g : { ...g, message: commitMessage(g.messageTemplate, messageInput(ctx, plan.images, options, g.files)) }));
}

/** Push targets land as one commit (one `commit-sha`), which has one message: refuse rather than pick one. */
function differentPushTemplates(pushes: readonly Group[], options: DeliveryOptions): string {
  const names = (g: Group) => [...new Set(g.files.map((f) => f.target ?? "(files in no target)"))].sort();
  const source = (g: Group) =>
    g.messageTemplate !== options.messageTemplate ? "its own" : options.messageTemplate === undefined ? "the default" : "the commit-message input";
  const all = pushes.flatMap(names).sort().join(", ");
  const each = pushes.map((g) => `${names(g).join(", ")}: ${source(g)}`).join("; ");
  return `push targets ${all} land as one commit but set different commit-message templates (${each}): give them one and the same delivery.commit-message, or let all but one open pull requests; nothing was written`;
}

/**
 * undefined when the open pull request already carries every value this request would set.
 * A branch that outlived its pull request (closed or merged by a person) is not current: the
 * request is planned on the base alone, and the branch replaced only if it still holds that head.
 */
async function landPullRequest(
  ctx: DeliveryContext,
  request: UpdateRequest,
  options: DeliveryOptions,
  at: Head,
  parent: { commit: string; tree: string | undefined },
  group: Group,
  images: readonly ImageRef[],
  messageFor: (files: readonly FilePlan[]) => string,
): Promise<Landing | undefined> {
  // The pull-request branch is rebuilt on the base by every run; it must never be the branch it merges into.
  if (group.prBranch === at.base) throw new Error(`the pull-request branch ${group.prBranch} is the base branch; choose another pr-branch`);
  // Depth 2: the branch head and its parent, the base a rebuild merges from.
  const existing = await ctx.git.fetch(ctx.remote, group.prBranch, 2);
  const pulls = existing === undefined ? undefined : await findPullRequests(ctx.client(), ctx.repository, { base: at.base, head: group.prBranch }, existing);
  if (pulls?.outlived) {
    const { number, merged } = pulls.outlived;
    ctx.log(
      `${group.prBranch} is left over from pull request #${number}, ${merged ? "merged" : "closed"} since: its values do not count, it is replaced by a branch planned on ${at.base} alone`,
    );
  }
  const current = existing !== undefined && pulls?.outlived === undefined;
  const onBranch = current ? await planOnPullRequest(ctx, request, options, at, existing, group.prBranch, group.files) : undefined;
  const files = onBranch?.files ?? group.files;
  if (files.length === 0) {
    ctx.log(`${group.prBranch} already carries these values (or newer ones): the pull request is left as it is`);
    return undefined;
  }
  const writes = onBranch?.writes ?? fileWrites(files, at.entries);
  const text = messageFor(files);
  const people = onBranch?.coAuthors ?? [];
  const message = withCoAuthors(text, people);
  // A person's commits on the branch are theirs to merge, not ours: we merge only what we pushed.
  const ours = people.length === 0 && (onBranch?.others?.dropped.length ?? 0) === 0;
  let commit: string | undefined;
  // Same content on the same base already: leave the branch (and its checks) alone.
  if (existing !== undefined && parent.commit === at.head) {
    const [tree, parents] = await Promise.all([ctx.git.writeTree(at.head, writes), ctx.git.parents(existing)]);
    if (parents[0] === at.head && tree === (await ctx.git.treeOf(existing))) commit = existing;
  }
  const branchChanged = commit === undefined;
  if (commit === undefined) {
    if (options.commitVia === "git") {
      commit = await gitCommit(ctx, parent.commit, writes, message, options.author);
      if ((await ctx.git.push(ctx.remote, commit, group.prBranch, existing ?? "")) === "rejected") throw new BranchMovedError(group.prBranch);
    } else {
      const baseTree = parent.tree ?? (await ctx.git.treeOf(parent.commit));
      commit = (
        await createApiCommit(ctx.client(), ctx.repository, {
          parent: parent.commit,
          baseTree,
          files: writes,
          message,
          ...(options.author && { author: options.author }),
        })
      ).sha;
      await setBranch(ctx.client(), ctx.repository, group.prBranch, commit, existing);
    }
  }
  // The pull request shows its commits' co-authors itself: title and body come from the text.
  // Its table keeps the rows our earlier runs wrote for the files the branch still changes.
  const [subject, ...rest] = text.split("\n");
  const changedFiles = new Set([...(onBranch?.others?.carried ?? []), ...files.map((f) => f.path)]);
  const rows = cumulativeRows(
    bodyRows(pulls?.open?.body),
    files.flatMap((f) => f.changes.map((c) => changeRow(c, images))),
    changedFiles,
  );
  const tabled = new Set(rows.map((r) => r.file));
  const spec = {
    base: at.base,
    head: group.prBranch,
    title: group.title || imagesTitle(rows) || subject!,
    body: options.body || pullRequestBody(rest.join("\n").trim(), rows, [...changedFiles].filter((path) => !tabled.has(path)).sort()),
    labels: group.labels,
    reviewers: group.reviewers,
    assignees: group.assignees,
    draft: group.draft,
  };
  const landing = (pullRequest: PullRequest): Landing => ({
    mode: "pull-request",
    branch: group.prBranch,
    files,
    changes: files.flatMap((f) => f.changes),
    commit,
    pullRequest,
    message,
  });
  let pullRequest: PullRequest;
  try {
    pullRequest = await upsertPullRequest(ctx.client(), ctx.repository, spec, { open: pulls?.open, branchExisted: existing !== undefined, branchChanged });
  } catch (error) {
    // An open pull request keeps its branch; but no stray branch without its pull request.
    if (error instanceof OpenedUndecoratedError) throw new DeliveryError([landing(error.pullRequest)], error);
    if (existing === undefined) await deleteBranch(ctx, group.prBranch, commit);
    throw error;
  }
  let merge: MergeOutcome = "none";
  const warnings = [...(onBranch?.warnings ?? [])];
  try {
    if (ours)
      merge = await mergePullRequest(ctx.client(), ctx.repository, { ...pullRequest, headSha: commit, branch: group.prBranch }, group.merge, group.mergeMethod);
    else if (group.merge !== "none") {
      if (pullRequest.autoMerge) await disableAutoMerge(ctx.client(), pullRequest);
      warnings.push({ message: notMerged(pullRequest, group.prBranch, people) });
    }
  } catch (error) {
    throw new DeliveryError([landing(pullRequest)], error);
  }
  ctx.log(`pull request #${pullRequest.number} ${pullRequest.operation} (${group.prBranch} -> ${at.base})${merge === "none" ? "" : `, ${merge}`}`);
  return { ...landing(pullRequest), merge, ...(warnings.length > 0 && { warnings }) };
}

/** Why a pull request its settings would merge was left open. */
function notMerged(pullRequest: PullRequest, branch: string, people: readonly Identity[]): string {
  const by = people.length > 0 ? `commits by ${people.map((p) => p.name).join(", ")}` : "commits gitops-promote did not make";
  const autoMerge = pullRequest.autoMerge ? ", and its auto-merge is turned off" : "";
  return `pull request #${pullRequest.number} is left open for review${autoMerge}: ${branch} holds ${by}, and gitops-promote merges only what it pushed itself; merge it yourself, or close it to start afresh`;
}

/** What a pull-request branch holds besides the base: the files a rebuild carries over, and those it leaves out. */
interface OnBranch {
  readonly carried: readonly string[];
  readonly dropped: readonly string[];
}

/**
 * The values our open pull-request branch carries count as current (so a late, older build
 * never downgrades it, and a second image joins the first): plan the request on the branch's
 * head, or, when the base moved since, on the branch's changes since it forked (a person's
 * commits on it included) merged onto the new base, file by file (a file both changed on the
 * same lines keeps the base's version, with a warning). The base's configuration governs, not
 * the branch's; workflows and the configuration are never carried over.
 * The result is the files this request edits there, every write that rebuilds the branch
 * as one commit on the base (the branch's earlier edits carried over, then the new ones),
 * the people whose commits that one commit folds in, to credit as its co-authors, and what
 * the branch holds besides the base (`others`, undefined when nothing).
 * undefined when the branch cannot be rebuilt on the base (no common history): plan on the base alone.
 */
async function planOnPullRequest(
  ctx: DeliveryContext,
  request: UpdateRequest,
  options: DeliveryOptions,
  at: Head,
  existing: string,
  prBranch: string,
  onBase: readonly FilePlan[],
): Promise<{ files: FilePlan[]; writes: FileWrite[]; coAuthors: Identity[]; others: OnBranch | undefined; warnings: Warning[] } | undefined> {
  const fork = await ctx.git.forkPoint(ctx.remote, prBranch, at.base, existing);
  if (fork === undefined) {
    ctx.log(
      `${prBranch} cannot be rebuilt on ${at.base} (it shares no history with it): planning on ${at.base} alone, the pull request's earlier changes are dropped`,
    );
    return undefined;
  }
  const { tree: treeish, conflicts } = fork.commit === at.head ? { tree: existing, conflicts: [] } : await ctx.git.mergeTrees(fork.commit, at.head, existing);
  const warnings: Warning[] = conflicts.map((file) => ({
    file,
    message: `${at.base} changed the same lines as ${prBranch} here since the pull request began: the pull request's earlier change to this file is dropped and ${at.base}'s kept (this run's own edits are made on top)`,
  }));
  const coAuthors = foldedPeople(await ctx.git.commitsAfter(fork), options.author ?? BOT);
  const configPath = configPathOf(request);
  const tree = await ctx.git.tree(treeish, new Map([[configPath, at.entries.get(configPath)]]));
  try {
    const plan = await planUpdate(tree, request);
    const group = groupFiles(plan, options, ctx.repository.owner).find((g) => g.mode === "pull-request" && g.prBranch === prBranch);
    const files = (group?.files ?? []).map((f) => asSeenFromBase(f, onBase));
    const edited = new Set(files.map((f) => f.path));
    const own = await ctx.git.entries(treeish);
    const changed = [...own].filter(([path, entry]) => {
      const before = at.entries.get(path);
      return before?.sha !== entry.sha || before.mode !== entry.mode;
    });
    const kept = changed.filter(([path]) => !path.startsWith(".github/") && path !== configPath);
    // Carried files are earlier edits, ours or a person's: UTF-8, and a byte order mark stays theirs.
    const carried = kept.filter(([path]) => !edited.has(path));
    const carriedWrites = await Promise.all(carried.map(async ([path, entry]) => ({ path, content: await readText(tree, path), mode: entry.mode })));
    const dropped = changed.filter(([path]) => !kept.some(([k]) => k === path)).map(([path]) => path);
    for (const file of dropped) {
      warnings.push({
        file,
        message: `${prBranch} changed this file, which gitops-promote never writes (the workflows under .github/, its configuration): left out when rebuilding the pull request's branch`,
      });
    }
    const others = changed.length === 0 ? undefined : { carried: kept.map(([path]) => path), dropped };
    return { files, writes: [...carriedWrites, ...fileWrites(files, tree.entries)], coAuthors, others, warnings };
  } finally {
    tree.close();
  }
}

/**
 * Whom a rebuild folds into its one commit: the authors of the branch's commits and whom those
 * commits credit (our earlier rebuilds carry earlier people on), oldest first, each once. Not
 * us: our commits are committed by BOT (git) or authored by `author` (the API, where GitHub
 * commits, as it does a person's web edit); nor a bot, as an App token's commits are authored.
 */
function foldedPeople(commits: readonly CommitPeople[], author: Identity): Identity[] {
  const same = (a: Identity, b: Identity) => a.email.toLowerCase() === b.email.toLowerCase();
  const ours = (who: Identity) => same(who, author) || who.name.endsWith("[bot]");
  const people = new Map<string, Identity>();
  for (const commit of commits) {
    const byUs = same(commit.committer, BOT) || ours(commit.author);
    for (const who of byUs ? commit.coAuthors : [commit.author, ...commit.coAuthors]) {
      if (!ours(who) && !people.has(who.email.toLowerCase())) people.set(who.email.toLowerCase(), who);
    }
  }
  return [...people.values()];
}

/** The pull request merges into the base: its message, body and report say what changes there ("1.2.3 -> 1.2.5", not "1.2.4 -> 1.2.5"). */
function asSeenFromBase(file: FilePlan, onBase: readonly FilePlan[]): FilePlan {
  const base = onBase.find((f) => f.path === file.path);
  if (!base) return file;
  const old = (c: Change) => base.changes.find((b) => b.key === c.key && b.kind === c.kind)?.old ?? c.old;
  return { ...file, before: base.before, changes: file.changes.map((c) => ({ ...c, old: old(c) })) };
}

async function deleteBranch(ctx: DeliveryContext, branch: string, commit: string): Promise<void> {
  try {
    await deleteOwnBranch(ctx.client(), ctx.repository, branch, commit);
  } catch (error) {
    ctx.log(`could not delete ${branch} after the failure: ${errorMessage(error)}`);
  }
}

async function gitCommit(ctx: DeliveryContext, parent: string, writes: readonly FileWrite[], message: string, author: Identity | undefined): Promise<string> {
  const tree = await ctx.git.writeTree(parent, writes);
  return ctx.git.commitTree(tree, parent, message, author ?? BOT, BOT);
}

/** New contents with the modes the files have in the tree (an executable stays executable). */
function fileWrites(files: readonly FilePlan[], entries: ReadonlyMap<string, TreeEntry>): FileWrite[] {
  return files.map((f) => ({ path: f.path, content: f.after, mode: entries.get(f.path)?.mode ?? "100644" }));
}

/** Splits the plan by how each file lands: a target's `delivery` overrides the inputs. */
function groupFiles(plan: Plan, options: DeliveryOptions, owner: string): Group[] {
  const targets = new Map<string, PlannedTarget>(plan.targets.map((t) => [t.name, t]));
  const groups = new Map<string, Group>();
  for (const file of plan.files) {
    const target = file.target === undefined ? undefined : targets.get(file.target);
    const d = target?.delivery;
    const mode = d?.mode ?? options.mode;
    const group: Group = {
      mode,
      prBranch: mode === "pull-request" ? d?.branch || options.prBranch || pullRequestBranch(target?.name ?? imageBranchName(plan.images)) : "",
      merge: d?.merge ?? options.merge,
      mergeMethod: d?.mergeMethod ?? options.mergeMethod,
      labels: d?.labels ?? options.labels,
      reviewers: [...(d?.reviewers ?? options.reviewers), ...(d?.teamReviewers ?? []).map((t) => (t.includes("/") ? t : `${owner}/${t}`))],
      assignees: d?.assignees ?? [],
      draft: d?.draft ?? false,
      title: d?.title ?? options.title,
      messageTemplate: d?.commitMessage ?? options.messageTemplate,
      files: [],
    };
    // One pull request per branch: files of several targets on one branch share it. Pushes
    // with different templates are told apart, to be refused.
    const key = mode === "pull-request" ? `${mode}\0${group.prBranch}` : mode === "push" ? `${mode}\0${group.messageTemplate ?? ""}` : mode;
    const known = groups.get(key) ?? group;
    groups.set(key, known);
    known.files.push(file);
  }
  return [...groups.values()];
}

/** The branch name without a target: the incoming image(s), e.g. `ghcr.io-acme-app`. */
function imageBranchName(images: readonly ImageRef[]): string {
  const names = [...new Set(images.map((i) => i.name))].sort();
  return names.length === 0 ? "update" : names.join("_");
}

function messageInput(ctx: DeliveryContext, images: readonly ImageRef[], options: DeliveryOptions, files: readonly FilePlan[]): CommitMessageInput {
  return {
    changes: files.flatMap((f) => f.changes),
    images,
    automation: { namespace: ctx.repository.owner, name: ctx.repository.repo },
    ...(options.templateValues && { values: options.templateValues }),
  };
}
