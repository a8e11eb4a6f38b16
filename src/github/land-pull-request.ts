/**
 * Landing a delivery's group on its pull request: rebuild our pull-request branch on the base
 * (carrying the branch's earlier edits over), open or update the pull request, and merge it as
 * its settings say when it holds only what gitops-promote pushed itself.
 */
import type { Change, Warning } from "../change.js";
import { DEFAULT_SUBJECT_TYPE, isDefaultMessage, withCoAuthors } from "../engine/commit-message.js";
import { configPathsOf } from "../engine/config-file.js";
import { planUpdate, type FilePlan } from "../engine/plan.js";
import type { UpdateRequest } from "../engine/request.js";
import { readText } from "../engine/source.js";
import { followLinks } from "../engine/tree-links.js";
import type { ImageRef } from "../image/reference.js";
import { BranchMovedError, deleteOwnBranch } from "./commit.js";
import { BOT, commitOnBranch, fileWrites } from "./delivery-commit.js";
import { groupFiles, type Group } from "./delivery-groups.js";
import { DeliveryError, type DeliveryContext, type DeliveryOptions, type Head, type Landing, type RunMemory } from "./delivery-types.js";
import { errorMessage, httpStatus } from "./errors.js";
import { sleepOf } from "./timing.js";
import type { BranchCommit, CommitPeople, FileWrite, ForkPoint, Identity, TreeEntry } from "./git.js";
import { disableAutoMerge, mergePullRequest, type Mergeable, type MergeOutcome, type MergeResult } from "./merge.js";
import {
  awaitOtherRunsBody,
  BRANCH_PREFIX,
  closePullRequest,
  closedSince,
  closerOf,
  findPullRequests,
  giveTextBack,
  hasAutoMerge,
  lastClosedFrom,
  mergedMeanwhile,
  OpenedUndecoratedError,
  openFrom,
  PullRequestClosedError,
  pullRequestFiles,
  pullRequestOf,
  REOPEN_GRACE_MS,
  upsertPullRequest,
  type BranchPulls,
  type Closer,
  type OpenPull,
  type Orphaned,
  type Outlived,
  type PullRequest,
  type PullRequestSpec,
  type PullText,
} from "./pull-request.js";
import { bodyRows, changeRows, cumulativeRows, describedCommit, pullRequestBody, pullRequestTitle } from "./pull-request-body.js";
import { requestedBy } from "./requested-by.js";

/**
 * Lands `group` on its pull request; when the open pull request already carries every value this
 * request would set (or newer ones), that pull request, left as it is, with a warning saying so.
 * A branch that outlived its pull request (closed or merged by a person, or merged or closed
 * under this run, at the head it left there: `stranded`) is not current: the request is planned on the base
 * alone, read again (a merge moved it), and the branch replaced only if it still holds that head;
 * but one a person closed without merging, at the change this request proposes, is left closed.
 * Each commit of this run's values moved onto the branch is told to `run`, before what may still fail.
 * A group with no files (the base holds the request's values already) looks only at the open pull
 * request on its branch, planned on it: rebuilt without the values the base holds, closed when
 * nothing is left on it; undefined when there is none, or nothing there to change.
 */
export async function landPullRequest(
  ctx: DeliveryContext,
  request: UpdateRequest,
  options: DeliveryOptions,
  at: Head,
  parent: { commit: string; tree: string | undefined },
  group: Group,
  images: readonly ImageRef[],
  messageFor: (files: readonly FilePlan[]) => string,
  run: RunMemory,
): Promise<Landing | undefined> {
  // The pull-request branch is rebuilt on the base by every run; it must never be the branch it merges into.
  if (group.prBranch === at.base)
    throw new Error(`the pull-request branch ${group.prBranch} is the base branch; set pr-branch (or the target's delivery.branch) to another branch`);
  const existing = await ctx.git.fetch(ctx.remote, group.prBranch);
  const pulls = existing === undefined ? undefined : await findPullRequests(ctx.client(), ctx.repository, { base: at.base, head: group.prBranch }, existing);
  const proposesOnly = group.files.length === 0;
  if (proposesOnly && pulls?.open === undefined) return undefined;
  if (existing === undefined) {
    const declined = await declinedWithoutBranch(ctx, at, group);
    if (declined !== undefined) return leftClosed(ctx, group, at.base, declined.closed, declined.closer, { head: declined.closed.head, branchGone: true });
  }
  if (pulls?.elsewhere !== undefined) throw new Error(anotherBasesBranch(group.prBranch, at.base, pulls.elsewhere));
  if (existing !== undefined && pulls?.open === undefined && pulls?.outlived === undefined && !run.stranded.has(existing))
    await awaitItsPullRequest(ctx, { base: at.base, head: group.prBranch }, existing, options.author ?? BOT);
  const leftover = existing !== undefined && (await isLeftover(ctx, group.prBranch, at.base, parent.commit, existing, pulls, run.stranded));
  // A branch outside our namespace may be a person's (a long-lived `production`, maybe with their own
  // pull request into the base): replaced, its history would be lost, so it is taken only when it
  // starts with a commit of ours (people's commits on top of ours are folded in, as on our branches).
  const adoptOnlyOurs = existing !== undefined && !group.prBranch.startsWith(BRANCH_PREFIX);
  if (leftover && adoptOnlyOurs) {
    const fork = await ctx.git.forkPoint(ctx.remote, at.base, existing);
    refuseUnlessOurs(group.prBranch, at.base, fork, fork && (await branchAuthorship(ctx, fork, existing, options.author ?? BOT)));
  }
  const onBranch =
    existing !== undefined && !leftover
      ? await planOnPullRequest(ctx, request, options, at, { head: existing, adoptOnlyOurs }, group.prBranch, group.files)
      : undefined;
  if (proposesOnly) {
    if (onBranch === undefined) return undefined;
    const nothingLeft = (onBranch.others?.dropped.length ?? 0) === 0 && (await ctx.git.writeTree(at.head, onBranch.writes)) === (await ctx.git.treeOf(at.head));
    if (nothingLeft) return closeChangingNothing(ctx, group, at.base, pulls!.open!, existing!);
    // Another image's values, or a newer one a policy keeps: the pull request is its own, unless a policy kept ours.
    if (onBranch.files.length === 0 && onBranch.reasons.length === 0) return undefined;
  }
  // Carrying these values on the base as it is, the pull request is left as it is; its merge follows what is on it now.
  if (onBranch?.files.length === 0 && pulls?.open && onBranch.forkedAt === at.head && parent.commit === at.head) {
    return leftAsItIs(ctx, group, at.base, pulls.open, existing!, onBranch);
  }
  // Carried by a branch no open pull request holds (another run's, about to open one; or one whose
  // pull request closed under it), the values are on their way nowhere: the branch is landed as
  // it is, told by this request's changes to the base in the files where it holds just those
  // (the rows of the rest come from the body, and a newer value it keeps, from the reasons).
  const carriedAsIs = onBranch !== undefined && onBranch.files.length === 0;
  const edits = onBranch === undefined ? group.files : carriedAsIs ? onBranch.holdsIncoming : onBranch.files;
  const writes = onBranch?.writes ?? fileWrites(edits, at.entries);
  // On the base as read (a push this attempt landed is the API's, maybe not here): the files written are the same.
  const tree = existing === undefined ? undefined : await ctx.git.writeTree(at.head, writes);
  const declined =
    leftover && pulls?.outlived !== undefined ? await declinedAlike(ctx, at, pulls.outlived, () => sameChange(ctx, at, existing!, tree!)) : undefined;
  if (declined !== undefined) return leftClosed(ctx, group, at.base, pulls!.outlived!, declined, { head: existing!, branchGone: false });
  // An edit that gives a file back the base's text undoes the pull request's change to it: no change to the base, no row.
  const undone = onBranch === undefined || carriedAsIs ? new Set<string>() : await sameAsBase(ctx, tree!, edits, at.entries);
  const files = edits.filter((f) => !undone.has(f.path));
  const carried = (onBranch?.others?.carried ?? []).filter((path) => !undone.has(path));
  // Nothing of this run's is told when the branch holds newer values in every file: our default
  // message would say "update 0 image fields"; it names the branch and what it changes instead.
  const text = files.length === 0 && isDefaultMessage(group.messageTemplate) ? carriedMessage(group.prBranch, carried) : messageFor(files);
  const people = onBranch?.coAuthors ?? [];
  const message = withCoAuthors(text, people);
  const ours = isOurs(onBranch);
  // Same content on the same base already: leave the branch (and its checks) alone.
  const unchanged =
    existing !== undefined && parent.commit === at.head && (await ctx.git.parents(existing))[0] === at.head && tree === (await ctx.git.treeOf(existing))
      ? existing
      : undefined;
  const branchChanged = unchanged === undefined;
  const commit = unchanged ?? (await commitOnBranch(ctx, options, parent, writes, message, { branch: group.prBranch, expected: existing, how: "replace" })).sha;
  // Another run may carry it on and merge it before this run opens or updates a pull request (its branch moved): carried.ts.
  if (branchChanged && files.length > 0)
    run.pushed({ branch: group.prBranch, commit, replaced: existing, files, message, open: pulls?.open?.number, newest: pulls?.newest, at: Date.now() });
  const on = { base: at.base, head: group.prBranch };
  const seen = await bodyBuiltOn(ctx, options, on, existing, pulls, onBranch?.rebuilt === true);
  const open = seen ?? (existing !== undefined && !leftover ? await openedSince(ctx, on, { built: existing, head: commit }) : undefined);
  const spec = pullRequestSpec(group, options, at.base, { text, commit, files, carried, images }, open?.body);
  // What the branch holds now, said also when a later step fails: a later attempt's landing on it replaces an earlier one's words.
  const rebuilt = [
    ...(onBranch?.warnings ?? []),
    ...(onBranch?.reasons ?? []),
    ...[...undone].sort().map((file) => undoneWarning(file, group.prBranch, at.base)),
  ];
  const told = new Set(files.map((f) => f.path));
  const replanned = onBranch === undefined ? [] : group.files.map((f) => f.path).filter((path) => !told.has(path));
  const landing = (pullRequest: PullRequest): Landing => ({
    mode: "pull-request",
    branch: group.prBranch,
    files,
    changes: files.flatMap((f) => f.changes),
    // A branch left as it was holds another run's commit (or an earlier attempt's): not one this landing made.
    ...(branchChanged ? { commit } : { head: commit }),
    pullRequest,
    message,
    ...(rebuilt.length > 0 && { warnings: rebuilt }),
    ...(replanned.length > 0 && { replanned }),
  });
  let pullRequest: PullRequest;
  try {
    pullRequest = await upsertPullRequest(ctx.client(), ctx.repository, spec, {
      open,
      branchExisted: existing !== undefined,
      branchChanged,
      head: commit,
    });
  } catch (error) {
    // An open pull request keeps its branch; but no stray branch without its pull request.
    if (error instanceof OpenedUndecoratedError) throw new DeliveryError([landing(error.pullRequest)], error);
    if (existing === undefined) await deleteBranch(ctx, options, group.prBranch, commit);
    throw error;
  }
  const { outcome: merge, warning } = pullRequest.merged
    ? { outcome: "merged" as const, warning: undefined }
    : await mergeStep(
        ctx,
        group,
        at.base,
        { ...pullRequest, headSha: commit, branch: group.prBranch },
        { ours, people },
        { read: pullRequest.replacedText, written: spec },
        landing(pullRequest),
      );
  const warnings = [...rebuilt, ...(warning ? [warning] : [])];
  ctx.log(`pull request #${pullRequest.number} ${pullRequest.operation} (${group.prBranch} -> ${at.base})${merge === "none" ? "" : `, ${merge}`}`);
  return { ...landing(pullRequest), merge, ...(warnings.length > 0 && { warnings }) };
}

/**
 * The pull request's text and settings. It shows its commits' co-authors itself: title and body
 * come from the commit's text. Its table keeps the rows our earlier runs wrote (in `body`, the
 * open pull request's) for the files the branch still changes; our default message's file list
 * names only this run's files, so the table stands in for it, while a template's text is the
 * user's and opens the body.
 */
function pullRequestSpec(
  group: Group,
  options: DeliveryOptions,
  base: string,
  made: { text: string; commit: string; files: readonly FilePlan[]; carried: readonly string[]; images: readonly ImageRef[] },
  body: string | null | undefined,
): PullRequestSpec {
  const [subject, ...rest] = made.text.split("\n");
  const intro = isDefaultMessage(group.messageTemplate) ? "" : rest.join("\n").trim();
  const changedFiles = new Set([...made.carried, ...made.files.map((f) => f.path)]);
  const rows = cumulativeRows(
    bodyRows(body),
    made.files.flatMap((f) => changeRows(f.changes, made.images)),
    changedFiles,
  );
  const tabled = new Set(rows.map((r) => r.file));
  return {
    base,
    head: group.prBranch,
    // The target names our title, not a template's subject: that text is the user's.
    title: group.title || pullRequestTitle(rows, subject!, isDefaultMessage(group.messageTemplate) ? group.target : undefined),
    body: options.body || pullRequestBody(intro, rows, [...changedFiles].filter((path) => !tabled.has(path)).sort(), requestedBy(options.source), made.commit),
    labels: group.labels,
    reviewers: group.reviewers,
    assignees: group.assignees,
    draft: group.draft,
  };
}

/**
 * The refusal of a branch whose open pull request merges into another base: rebuilt on this
 * run's base, it would carry that base's values here and replace that pull request's commit.
 */
export function anotherBasesBranch(branch: string, base: string, theirs: OpenPull): string {
  return (
    `${branch} is the branch of pull request #${theirs.number} (${theirs.html_url}) into ${theirs.base.ref}, and this run's base is ${base}: ` +
    `a pull-request branch serves one base, and rebuilt on ${base} it would replace that pull request's commit. ${ownBranch(branch, base)}`
  );
}

/** The way out of a branch another base's run holds: the sentence both refusals end with. */
function ownBranch(branch: string, base: string, unless = ""): string {
  const own = `${branch}-${base.replace(/[^A-Za-z0-9._-]+/g, "-")}`;
  return `Give the runs into ${base} their own branch with pr-branch (or the target's delivery.branch), e.g. ${own}${unless}; nothing was written to ${branch}`;
}

/**
 * A branch no pull request holds, and no leftover: another run's, about to open its pull request.
 * Two first runs into two bases create the branch at once: the second's create is refused (a
 * create only while the branch does not exist), and it reads the branch again, maybe before the
 * first opens its pull request. Rebuilt on this base, the first run's pull request would open on
 * this base's commit. A commit of ours is looked at again once its run had time to open its pull
 * request (REOPEN_GRACE_MS), wherever it is built: on this base's head too, which another base may
 * hold as well (a release branch just cut from main), or on another commit (one this base lacks, or
 * an older one of it: a base cut from the other holds that one's head). One opened into another
 * base refuses it; none opened, one built on a commit this base lacks is refused as another base's,
 * and one on this base's head or an older commit of it is taken, as before.
 */
async function awaitItsPullRequest(ctx: DeliveryContext, on: { base: string; head: string }, existing: string, author: Identity): Promise<void> {
  const [parent] = await ctx.git.parents(existing);
  if (parent === undefined) return;
  const fork = await ctx.git.forkPoint(ctx.remote, on.base, existing);
  if (fork === undefined || fork.commit === existing) return;
  const head = (await ctx.git.commitsAfter(fork)).find((c) => c.sha === existing);
  if (head === undefined || !byUs(head, author)) return;
  await sleepOf(ctx)(REOPEN_GRACE_MS);
  const now = await findPullRequests(ctx.client(), ctx.repository, on, existing);
  if (now.elsewhere !== undefined) throw new Error(anotherBasesBranch(on.head, on.base, now.elsewhere));
  if (now.open !== undefined || now.outlived !== undefined || (await ctx.git.remoteBranch(ctx.remote, on.head)) !== existing)
    throw new BranchMovedError(on.head);
  if (parent === fork.commit) return;
  throw new Error(
    `${on.head} holds ${existing}, a commit gitops-promote built on ${parent}, which ${on.base} does not hold, and no pull request is open from it: ` +
      `a run into another base made it and has not opened its pull request (or failed before it did). A pull-request branch serves one base, and rebuilt on ${on.base} it would replace that commit. ` +
      ownBranch(on.head, on.base, `, or delete ${on.head} if no run is about to open its pull request`),
  );
}

/**
 * Whether the existing pull-request branch outlived its pull request (closed or merged by a
 * person, or under this run at the head it left there: `stranded`), saying so in the log. Merging
 * that pull request moved the base, maybe after this attempt read it (`planned`): then
 * BranchMovedError, so that the new pull request starts from the base as it is now.
 */
async function isLeftover(
  ctx: DeliveryContext,
  branch: string,
  base: string,
  planned: string,
  existing: string,
  pulls: BranchPulls | undefined,
  stranded: ReadonlySet<string>,
): Promise<boolean> {
  if (pulls?.open !== undefined || (pulls?.outlived === undefined && !stranded.has(existing))) return false;
  await awaitReopen(ctx, { base, head: branch }, existing, pulls?.outlived);
  const why = pulls?.outlived
    ? `is left over from pull request #${pulls.outlived.number}${pulls.outlived.base === base ? "" : ` into ${pulls.outlived.base}`}, ${pulls.outlived.merged ? "merged" : "closed"} since`
    : `holds ${existing}, the head this run left on it when its pull request was merged or closed`;
  if ((await ctx.git.fetch(ctx.remote, base)) !== planned) {
    ctx.log(`${branch} ${why}, and ${base} moved since this attempt read it`);
    throw new BranchMovedError(base);
  }
  ctx.log(`${branch} ${why}: its values do not count, it is replaced by a branch planned on ${base} alone`);
  return true;
}

/**
 * A pull request closed at the branch's head moments ago may be a run's close it is about to undo
 * (closePullRequest: the branch moved just before the close, with another run's value, which that
 * run reported landed). Taken for a leftover meanwhile, the branch would be replaced and that value
 * lost: look again once the close is REOPEN_GRACE_MS old, and plan again if it was opened.
 */
async function awaitReopen(ctx: DeliveryContext, on: { base: string; head: string }, existing: string, outlived: BranchPulls["outlived"]): Promise<void> {
  if (outlived === undefined || outlived.merged || !(outlived.closedFor < REOPEN_GRACE_MS)) return;
  await sleepOf(ctx)(REOPEN_GRACE_MS - Math.max(0, outlived.closedFor));
  const now = await findPullRequests(ctx.client(), ctx.repository, on, existing);
  if ((now.open ?? now.elsewhere) === undefined) return;
  ctx.log(`pull request #${outlived.number} on ${on.head}, closed moments ago, is open again`);
  throw new BranchMovedError(on.head);
}

/**
 * The merge step: a branch of ours is merged as `group.merge` says; one holding a person's
 * commits is left for review, an earlier auto-merge turned off (also under `merge: none`), with
 * a warning. A failure is a DeliveryError telling what landed (`landing`), unless the pull
 * request closed under the run (nothing landed: the run plans again).
 */
async function mergeStep(
  ctx: DeliveryContext,
  group: Group,
  base: string,
  pull: PullRequest & Mergeable,
  on: { ours: boolean; people: readonly Identity[] },
  text: { read: PullText | undefined; written: PullText },
  landing: Landing,
): Promise<{ readonly outcome: MergeOutcome; readonly warning: Warning | undefined }> {
  try {
    if (on.ours) {
      const merged = await mergeOpen(ctx, group, pull, text);
      return { outcome: merged.outcome, warning: merged.atOnceBecause === undefined ? undefined : { message: mergedAtOnce(pull, base, merged.atOnceBecause) } };
    }
    // An auto-merge an earlier run turned on would merge the person's commits too, whatever this run's merge says.
    if (group.merge === "none" && !pull.autoMerge) return { outcome: "none", warning: undefined };
    // Closed before it was turned off: merged by it at our head (the person's commits with it), or else PullRequestClosedError.
    if (
      pull.autoMerge &&
      (await disableAutoMerge(ctx.client(), pull)) === "closed" &&
      (await mergedMeanwhile(ctx.client(), ctx.repository, pull, pull.headSha, text))
    )
      return { outcome: "merged", warning: { message: mergedBeforeTurnedOff(pull, group.prBranch, on.people) } };
    return { outcome: "none", warning: { message: notMerged(pull, group.prBranch, on.people) } };
  } catch (error) {
    if (error instanceof PullRequestClosedError) throw error;
    throw new DeliveryError([landing], error);
  }
}

function leftAsItIsNotice(branch: string, number: number, url: string): string {
  return `${branch} already carries these values (or newer ones): pull request #${number} (${url}) is left as it is`;
}

/** Whether `warning` is the notice of a pull request left as it is: not news after an earlier attempt of the same run landed on it. */
export function isLeftAsItIsNotice(warning: Warning, landing: Landing): boolean {
  const pr = landing.pullRequest;
  return pr !== undefined && warning.message === leftAsItIsNotice(landing.branch, pr.number, pr.url);
}

/**
 * The open pull request already carries these values (or newer ones) on the base as it is: the
 * branch and the text are left as they are, and the merge step runs on what the branch holds now
 * (a re-run after GitHub refused auto-merge turns it on; a person's commits since turn it off).
 */
async function leftAsItIs(ctx: DeliveryContext, group: Group, base: string, open: OpenPull, head: string, onBranch: OnPullRequest): Promise<Landing> {
  const pullRequest = pullRequestOf(open, "none");
  const message = leftAsItIsNotice(group.prBranch, pullRequest.number, pullRequest.url);
  const replanned = group.files.map((f) => f.path);
  const landing: Landing = {
    ...writingNothing(group, head, pullRequest, [...onBranch.reasons, { message }]),
    ...(replanned.length > 0 && { replanned }),
  };
  const text = { title: open.title, body: open.body };
  const on = { ours: isOurs(onBranch), people: onBranch.coAuthors };
  const { outcome: merge, warning } = await mergeStep(
    ctx,
    group,
    base,
    { ...pullRequest, headSha: head, branch: group.prBranch },
    on,
    { read: undefined, written: text },
    landing,
  );
  return { ...landing, warnings: [...(landing.warnings ?? []), ...(warning ? [warning] : [])], ...(merge !== "none" && { merge }) };
}

/**
 * Closes the open pull request whose branch, rebuilt on the base with this run's values, would
 * change nothing there: the base holds its values (a rollback to them, or they landed another
 * way), and nothing else, ours or a person's, is left on it. The branch stays, a leftover.
 */
async function closeChangingNothing(ctx: DeliveryContext, group: Group, base: string, open: OpenPull, head: string): Promise<Landing> {
  const why = `${group.prBranch} no longer changes anything on ${base}: ${base} holds the values this run promotes, and nothing else is left on the branch`;
  // Merged or closed since it was read: the run plans again on what that left.
  if (hasAutoMerge(open) && (await disableAutoMerge(ctx.client(), { nodeId: open.node_id })) === "closed") throw new BranchMovedError(group.prBranch);
  const pullRequest = await closePullRequest(ctx.client(), ctx.repository, open, head, `Closed by gitops-promote: ${why}.`, () =>
    ctx.git.remoteBranch(ctx.remote, group.prBranch),
  );
  ctx.log(`pull request #${pullRequest.number} closed (${group.prBranch} -> ${base})`);
  return writingNothing(group, head, pullRequest, [{ message: `pull request #${pullRequest.number} (${pullRequest.url}) is closed: ${why}` }]);
}

/**
 * Who closed `closed` without merging, when that was not gitops-promote (its opener) and this run
 * proposes the same change to the same base again: a person's decision, which a re-run of the same
 * promotion does not undo by opening it again (and merging it). undefined otherwise.
 */
async function declinedAlike(ctx: DeliveryContext, at: Head, closed: Outlived, proposesItsChange: () => Promise<boolean>): Promise<Closer | undefined> {
  if (closed.merged || closed.base !== at.base || !(await proposesItsChange())) return undefined;
  const closer = await closerOf(ctx.client(), ctx.repository, closed.number);
  return closer.opener ? undefined : closer;
}

/**
 * Whether `tree` (the base with this run's files) changes the base as read (`at`) as `head`, the
 * branch a pull request outlived, changed it from where it forked: the same files to the same
 * text. The base may have moved since in other files.
 */
async function sameChange(ctx: DeliveryContext, at: Head, head: string, tree: string): Promise<boolean> {
  const fork = await ctx.git.forkPoint(ctx.remote, at.base, head);
  if (fork === undefined) return false;
  const proposed = changedFiles(at.entries, await ctx.git.entries(tree));
  return sameFiles(proposed, changedFiles(await ctx.git.entries(fork.commit), await ctx.git.entries(head)));
}

/**
 * The newest pull request from the group's branch, when a person closed it without merging and
 * its branch is gone (deleted with the close, as GitHub offers in the same place) and this run
 * proposes its change again, by GitHub's list of its files: declinedAlike, with no branch to read.
 */
async function declinedWithoutBranch(ctx: DeliveryContext, at: Head, group: Group): Promise<{ closed: Orphaned; closer: Closer } | undefined> {
  const closed = await lastClosedFrom(ctx.client(), ctx.repository, group.prBranch);
  if (closed === undefined) return undefined;
  const proposesItsChange = async () => {
    const tree = await ctx.git.writeTree(at.head, fileWrites(group.files, at.entries));
    return sameFiles(changedFiles(at.entries, await ctx.git.entries(tree)), await pullRequestFiles(ctx.client(), ctx.repository, closed.number));
  };
  const closer = await declinedAlike(ctx, at, closed, proposesItsChange);
  return closer && { closed, closer };
}

/** Whether two changes (each path to its blob, undefined: deleted) are the same. */
function sameFiles(a: ReadonlyMap<string, string | null | undefined>, b: ReadonlyMap<string, string | null | undefined>): boolean {
  return a.size === b.size && [...a].every(([path, blob]) => b.has(path) && b.get(path) === blob);
}

/** The files `to` changes from `from`, each to its blob (undefined: deleted). */
function changedFiles(from: ReadonlyMap<string, TreeEntry>, to: ReadonlyMap<string, TreeEntry>): Map<string, string | undefined> {
  const changed = new Map<string, string | undefined>();
  for (const [path, entry] of to) if (from.get(path)?.sha !== entry.sha) changed.set(path, entry.sha);
  for (const path of from.keys()) if (!to.has(path)) changed.set(path, undefined);
  return changed;
}

/**
 * The landing of a run that leaves closed the pull request a person closed at the change it
 * proposes (declinedAlike), with a warning saying so; `head` is its branch's, or the head it
 * closed at when the branch is gone.
 */
function leftClosed(
  ctx: DeliveryContext,
  group: Group,
  base: string,
  closed: Outlived,
  closer: Closer,
  { head, branchGone }: { readonly head: string; readonly branchGone: boolean },
): Landing {
  const by = closer.login === undefined ? "" : ` by @${closer.login}`;
  // Unread, the close may have been gitops-promote's own: reopening a person's decision would undo it, leaving ours closed asks a reopen.
  const unread =
    closer.unread === undefined
      ? ""
      : `; who closed it could not be read (the token needs Issues: read; GitHub: "${closer.unread}"), so it is taken for a person's decision`;
  ctx.log(`pull request #${closed.number} (${group.prBranch} -> ${base}) was closed${by} without merging, at the change this run proposes: left closed`);
  // GitHub reopens a pull request only while its branch holds the head it closed at.
  const reopen = branchGone ? `restore its branch ${group.prBranch} and reopen it` : "reopen it";
  const message = `left closed: pull request #${closed.number} (${closed.url}) was closed${by} without merging, and this run proposes the same change to ${base} again${unread}; dispatch a different version, or ${reopen}`;
  const pullRequest: PullRequest = { number: closed.number, url: closed.url, nodeId: closed.nodeId, operation: "none", autoMerge: false };
  return writingNothing(group, head, pullRequest, [{ message }]);
}

/** The landing of a run that wrote nothing on the pull request's branch, which holds `head`: it left the pull request as it is (open, or closed by a person), or closed it. */
function writingNothing(group: Group, head: string, pullRequest: PullRequest, warnings: readonly Warning[]): Landing {
  return { mode: "pull-request", branch: group.prBranch, files: [], changes: [], head, pullRequest, warnings };
}

/** The paths of `files` whose text in `tree` is the base's. */
async function sameAsBase(ctx: DeliveryContext, tree: string, files: readonly FilePlan[], base: ReadonlyMap<string, TreeEntry>): Promise<Set<string>> {
  if (files.length === 0) return new Set();
  const rebuilt = await ctx.git.entries(tree);
  return new Set(files.filter((f) => rebuilt.get(f.path)?.sha === base.get(f.path)?.sha).map((f) => f.path));
}

function undoneWarning(file: string, branch: string, base: string): Warning {
  return {
    file,
    message: `${branch} no longer changes this file: ${base} holds the value this run sets, so the pull request's earlier change to it is undone`,
  };
}

/** We merge only what we pushed: no person's commit folded in (coAuthors), and no file of theirs left out (others.dropped). */
function isOurs(onBranch: OnPullRequest | undefined): boolean {
  return (onBranch?.coAuthors.length ?? 0) === 0 && (onBranch?.others?.dropped.length ?? 0) === 0;
}

/**
 * The pull request whose body this run's table builds on. Its rows are those of the commit this
 * run built on, `existing`: the run that pushed it writes its body after its push, so a body
 * naming an earlier commit (or no pull request yet) may be that run's still to come. Then wait
 * for it, so its rows are in ours and ours is written after it (an earlier run's write never
 * lands last). Only when a run of ours left the branch as it is (`rebuilt`: one commit of ours
 * on the base, no person's on top or in its place), and the body is ours (one a person wrote has no rows to keep).
 */
async function bodyBuiltOn(
  ctx: DeliveryContext,
  options: DeliveryOptions,
  on: { base: string; head: string },
  existing: string | undefined,
  pulls: BranchPulls | undefined,
  rebuilt: boolean,
): Promise<OpenPull | undefined> {
  const seen = pulls?.open;
  const described = describedCommit(seen?.body);
  // A body of ours from before bodies named their commit, or one a person wrote: as it is.
  if (existing === undefined || !rebuilt || options.body || (seen !== undefined && (described === undefined || described === existing))) return seen;
  const written = await awaitOtherRunsBody(ctx.client(), ctx.repository, on, existing, sleepOf(ctx));
  if (written === undefined) {
    ctx.log(
      `no pull request body tells ${existing} yet, the commit another run pushed and this run built on (that run may have failed): its rows are left out of the table, its files named below it`,
    );
  }
  return written ?? seen;
}

/**
 * No open pull request on an existing branch that is no leftover (another run's, about to open
 * one, or whose run failed before it did): the branch and its pull requests are read again right
 * before one is opened. Moved from the head this run left (`branch.head`), it is another run's
 * again, maybe merged already: BranchMovedError. A pull request merged or closed since, at the
 * commit this run built on or at that head, makes the branch a leftover: opened again, it would
 * bring back what was merged, or what a person rejected. PullRequestClosedError then, so that the
 * next attempt plans on it as one; an open one is updated.
 */
async function openedSince(ctx: DeliveryContext, on: { base: string; head: string }, branch: { built: string; head: string }): Promise<OpenPull | undefined> {
  if ((await ctx.git.remoteBranch(ctx.remote, on.head)) !== branch.head) throw new BranchMovedError(on.head);
  const now = await findPullRequests(ctx.client(), ctx.repository, on, branch.built, branch.head);
  if (now.outlived === undefined) return now.open;
  const { number, merged } = now.outlived;
  throw new PullRequestClosedError(number, merged, on.head, branch.head, `before this run opened one on ${on.head} (at ${branch.head}), which it built on`);
}

/**
 * Merges the pull request as `group.merge` says. GitHub refuses a merge, and auto-merge, on one
 * merged or closed since the update read it open: merged at our head, it is merged; otherwise
 * PullRequestClosedError, the pull request given back the text the run wrote over (`text`).
 */
async function mergeOpen(ctx: DeliveryContext, group: Group, pull: Mergeable, text: { read: PullText | undefined; written: PullText }): Promise<MergeResult> {
  try {
    return await mergePullRequest(ctx.client(), ctx.repository, pull, group.merge, group.mergeMethod, sleepOf(ctx));
  } catch (error) {
    if (error instanceof PullRequestClosedError) {
      await giveTextBack(ctx.client(), ctx.repository, pull.number, text.read, text.written);
      throw error;
    }
    if (group.merge !== "auto" || error instanceof BranchMovedError || !(await mergedMeanwhile(ctx.client(), ctx.repository, pull, pull.headSha, text)))
      throw error;
    return { outcome: "merged" };
  }
}

/** Our default message for a branch landed as it is, none of its values told by this run: `chore(deploy): carry the values on <branch>` and its files. */
function carriedMessage(branch: string, paths: readonly string[]): string {
  const list = [...paths].sort().map((path) => `- ${path}`);
  return `${DEFAULT_SUBJECT_TYPE}carry the values on ${branch}\n\n${list.join("\n")}\n`;
}

/**
 * `merge: auto` merged without waiting: nothing on the base branch asks for checks or a review,
 * which its owner may not know; checks that ran on the pull request all the same (GitHub's
 * "unstable") were not waited for, nor would GitHub's auto-merge have waited for them.
 */
function mergedAtOnce(pullRequest: PullRequest, base: string, reason: string): string {
  const unrequired = /unstable/i.test(reason) ? `; the checks on it that ${base} does not require were pending or failing, and were not waited for` : "";
  return `pull request #${pullRequest.number} was merged at once: merge: auto found no required check or review pending on ${base} (GitHub: "${reason}")${unrequired}; protect ${base} with required checks to have auto-merge wait for them`;
}

/** A pull request merged by the auto-merge an earlier run turned on, before this run could turn it off. */
function mergedBeforeTurnedOff(pullRequest: PullRequest, branch: string, people: readonly Identity[]): string {
  return `pull request #${pullRequest.number} was merged by the auto-merge an earlier run turned on, before this run could turn it off: ${branch} held ${othersCommits(people)}, merged with it`;
}

/** The commits on a pull-request branch that are not ours, by their authors. */
function othersCommits(people: readonly Identity[]): string {
  return people.length > 0 ? `commits by ${people.map((p) => p.name).join(", ")}` : "commits gitops-promote did not make";
}

/** Why a pull request its settings would merge was left open. */
function notMerged(pullRequest: PullRequest, branch: string, people: readonly Identity[]): string {
  const autoMerge = pullRequest.autoMerge ? ", and its auto-merge is turned off" : "";
  return `pull request #${pullRequest.number} is left open for review${autoMerge}: ${branch} holds ${othersCommits(people)}, and gitops-promote merges only what it pushed itself; merge it yourself, or close it to start afresh`;
}

/** What a pull-request branch holds besides the base: the files a rebuild carries over, and those it leaves out. */
interface OnBranch {
  readonly carried: readonly string[];
  readonly dropped: readonly string[];
}

/** A request planned on the pull-request branch (planOnPullRequest). */
interface OnPullRequest {
  readonly files: FilePlan[];
  readonly writes: FileWrite[];
  readonly coAuthors: Identity[];
  readonly others: OnBranch | undefined;
  /** About the rebuild: conflicts with the base, files left out. */
  readonly warnings: Warning[];
  /** Why files the request moves on the base stay as they are on the branch (a policy keeps the newer value it holds). */
  readonly reasons: Warning[];
  /** When the request edits nothing there: the base's planned files whose new text the branch holds already. */
  readonly holdsIncoming: readonly FilePlan[];
  readonly rebuilt: boolean;
  /** The base's commit the branch's changes are counted from: the base's head when the branch is built on it as it is. */
  readonly forkedAt: string;
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
  branch: { readonly head: string; readonly adoptOnlyOurs: boolean },
  prBranch: string,
  onBase: readonly FilePlan[],
): Promise<OnPullRequest | undefined> {
  const existing = branch.head;
  const fork = await ctx.git.forkPoint(ctx.remote, at.base, existing);
  const authorship = fork && (await branchAuthorship(ctx, fork, existing, options.author ?? BOT));
  if (branch.adoptOnlyOurs) refuseUnlessOurs(prBranch, at.base, fork, authorship);
  if (fork === undefined || authorship === undefined) {
    ctx.log(
      `${prBranch} cannot be rebuilt on ${at.base} (it shares no history with it): planning on ${at.base} alone, the pull request's earlier changes are dropped`,
    );
    return undefined;
  }
  const { tree: treeish, conflicts } = fork.commit === at.head ? { tree: existing, conflicts: [] } : await ctx.git.mergeTrees(fork.commit, at.head, existing);
  const baseConfig = await baseConfiguration(ctx, request, at);
  const warnings: Warning[] = (await changesNotRemade(ctx, request, fork.commit, existing, conflicts, baseConfig)).map((file) => ({
    file,
    message: `${at.base} changed the same lines as ${prBranch} here since the pull request began: the pull request's earlier change to this file is dropped and ${at.base}'s kept (this run's own edits are made on top)`,
  }));
  const { coAuthors, rebuilt } = authorship;
  const tree = await ctx.git.tree(treeish, baseConfig);
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
    const kept = changed.filter(([path]) => !path.startsWith(".github/") && !baseConfig.has(path));
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
    // Planned for the open pull request alone (the base holds the request's values), what it proposes is what a policy may keep.
    const asked = onBase.length > 0 ? onBase.map((f) => f.path) : kept.map(([path]) => path);
    const left = new Set(asked.filter((path) => !edited.has(path)));
    const reasons = plan.warnings.filter((w) => w.file !== undefined && left.has(w.file));
    const holds = async (f: FilePlan) => tree.entries.has(f.path) && (await readText(tree, f.path)) === f.after;
    const holdsIncoming = files.length > 0 ? [] : (await Promise.all(onBase.map(async (f) => ((await holds(f)) ? [f] : [])))).flat();
    return {
      files,
      writes: [...carriedWrites, ...fileWrites(files, tree.entries)],
      coAuthors,
      others,
      warnings,
      reasons,
      holdsIncoming,
      rebuilt,
      forkedAt: fork.commit,
    };
  } finally {
    tree.close();
  }
}

/**
 * The base's configuration, under either name, whatever the branch did to it: each name's file in
 * the base, and where a name is a symbolic link there (tree-links.ts), the file it leads to, which
 * the configuration is read from (else a branch that changed that file would govern the run, and
 * its change be carried over as a manifest's).
 */
async function baseConfiguration(ctx: DeliveryContext, request: UpdateRequest, at: Head): Promise<Map<string, TreeEntry | undefined>> {
  const paths = configPathsOf(request);
  const config = new Map(paths.map((path) => [path, at.entries.get(path)]));
  const unfiled = paths.filter((path) => !at.entries.has(path));
  if (unfiled.length === 0) return config;
  const tree = await ctx.git.tree(at.head);
  try {
    const links = (await tree.links?.()) ?? new Map<string, string>();
    const files = new Set(at.entries.keys());
    for (const path of unfiled) {
      const file = followLinks(path, files, links)?.file;
      if (file !== undefined) config.set(file, at.entries.get(file));
    }
  } finally {
    tree.close();
  }
  return config;
}

/** Who made a pull-request branch's commits since it forked from the base. */
interface BranchAuthorship {
  /** The branch's first commit since the fork is one of ours (or it has none): gitops-promote made it. */
  readonly startsOurs: boolean;
  /** Whom a rebuild credits as co-authors (foldedPeople). */
  readonly coAuthors: Identity[];
  /** The authors of the commits not ours. */
  readonly people: Identity[];
  /** One commit of ours on the base, as a run's rebuild leaves the branch (a person's commits come on top of it, or replace it). */
  readonly rebuilt: boolean;
}

async function branchAuthorship(ctx: DeliveryContext, fork: ForkPoint, head: string, author: Identity): Promise<BranchAuthorship> {
  const [all, parents] = await Promise.all([ctx.git.commitsAfter(fork), ctx.git.parents(head)]);
  const own = new Set(all.map((c) => c.sha));
  // A merge git makes of its parents (GitHub's "Update branch") is no one's: its parents are judged
  // as they are. Any other merge holds a change of its own, a person's. One by one: a shallow checkout fetches.
  const commits: BranchCommit[] = [];
  for (const commit of all) if (commit.parents.length < 2 || !(await ctx.git.isPlainMerge(ctx.remote, commit))) commits.push(commit);
  const ours = commits.map((c) => madeByUs(c, author, own));
  const people = [...new Map(commits.filter((_, i) => !ours[i]).map((c) => [c.author.email.toLowerCase(), c.author])).values()];
  return {
    startsOurs: ours[0] ?? true,
    coAuthors: foldedPeople(commits, ours, author),
    people,
    rebuilt: parents.length === 1 && parents[0] === fork.commit && ours.every(Boolean),
  };
}

/**
 * Refuses to replace `branch` (its history would be lost) unless gitops-promote made it: it shares
 * history with the base and starts with a commit of ours.
 */
function refuseUnlessOurs(branch: string, base: string, fork: ForkPoint | undefined, authorship: BranchAuthorship | undefined): void {
  const why =
    fork === undefined || authorship === undefined
      ? `shares no history with ${base}`
      : authorship.startsOurs
        ? undefined
        : `starts with commits gitops-promote did not make (by ${authorship.people.map((p) => p.name).join(", ") || "another identity"})`;
  if (why === undefined) return;
  throw new Error(
    `${branch} exists and was not made by gitops-promote: it ${why}. It is not replaced (gitops-promote rebuilds its pull-request branch as one commit on ${base}): set pr-branch (or the target's delivery.branch) to a branch of its own, or delete ${branch}`,
  );
}

/**
 * Of the files where the base and the branch changed the same lines (`conflicts`), those whose
 * change on the branch makes a difference once this request's edits are made: the request gives
 * another text on the branch than on its fork. A file the branch changed only as this run does
 * (its own earlier edit, or an older build's value the new one replaces) loses nothing.
 */
async function changesNotRemade(
  ctx: DeliveryContext,
  request: UpdateRequest,
  fork: string,
  existing: string,
  conflicts: readonly string[],
  baseConfig: ReadonlyMap<string, TreeEntry | undefined>,
): Promise<string[]> {
  if (conflicts.length === 0) return [];
  const [onFork, onBranch] = await Promise.all([editedAt(ctx, request, fork, baseConfig, conflicts), editedAt(ctx, request, existing, baseConfig, conflicts)]);
  return conflicts.filter((path) => onFork.get(path) === undefined || onFork.get(path) !== onBranch.get(path));
}

/** The text of each of `paths` in `commit` once the request is planned there (undefined: no such file, or the request cannot be planned there). */
async function editedAt(
  ctx: DeliveryContext,
  request: UpdateRequest,
  commit: string,
  config: ReadonlyMap<string, TreeEntry | undefined>,
  paths: readonly string[],
): Promise<Map<string, string | undefined>> {
  const tree = await ctx.git.tree(commit, config);
  try {
    // A request the tree cannot take (an older tree lacking a path it sets) tells nothing there.
    const plan = await planUpdate(tree, request).catch(() => undefined);
    const planned = new Map(plan?.files.map((f) => [f.path, f.after]));
    const texts = await Promise.all(
      paths.map(async (path) => (plan === undefined || !tree.entries.has(path) ? undefined : (planned.get(path) ?? (await readText(tree, path))))),
    );
    return new Map(paths.map((path, i) => [path, texts[i]]));
  } finally {
    tree.close();
  }
}

/**
 * Whom a rebuild folds into its one commit: the authors of the branch's commits not ours (`ours`,
 * each commit's) and whom those commits credit, and whom our earlier rebuilds credit (they carry
 * earlier people on), oldest first, each once; a bot too (its commit on top of ours is not ours),
 * so that a later run still sees it folded in. `author` only as the author of a commit not ours
 * (a person writing with that identity), which our later rebuilds then carry on: credited by
 * another, `author` (or BOT) is us.
 */
function foldedPeople(commits: readonly CommitPeople[], ours: readonly boolean[], author: Identity): Identity[] {
  const people = new Map<string, Identity>();
  commits.forEach((commit, i) => {
    const credited = ours[i] ? commit.coAuthors : [commit.author, ...commit.coAuthors.filter((who) => !sameIdentity(who, author) && !sameIdentity(who, BOT))];
    for (const who of credited) if (!people.has(who.email.toLowerCase())) people.set(who.email.toLowerCase(), who);
  });
  return [...people.values()];
}

/**
 * A commit of ours: one on the base (every run rebuilds the branch as one commit on the base,
 * never a merge, nor on top of another of the branch's `own` commits) authored by a bot (an App
 * token's API commits are), committed by BOT (git) or authored by `author` (the API). Any other
 * is a person's, whatever identity it was written with: a name ending in `[bot]`, or `author`'s,
 * is anyone's to write.
 */
function madeByUs(commit: BranchCommit, author: Identity, own: ReadonlySet<string>): boolean {
  const onBase = commit.parents.length < 2 && !commit.parents.some((parent) => own.has(parent));
  return onBase && byUs(commit, author);
}

/** A commit one of gitops-promote's identities made (madeByUs: wherever it stands). */
function byUs(commit: BranchCommit, author: Identity): boolean {
  return isBot(commit.author) || sameIdentity(commit.committer, BOT) || sameIdentity(commit.author, author);
}

function sameIdentity(a: Identity, b: Identity): boolean {
  return a.email.toLowerCase() === b.email.toLowerCase();
}

function isBot(who: Identity): boolean {
  return who.name.endsWith("[bot]");
}

/**
 * The pull request merges into the base: its message, body and report say what changes there ("1.2.3 -> 1.2.5", not
 * "1.2.4 -> 1.2.5"), and a field the base lacks is created there, whatever the branch held (FieldChange.op).
 */
function asSeenFromBase(file: FilePlan, onBase: readonly FilePlan[]): FilePlan {
  const base = onBase.find((f) => f.path === file.path);
  if (!base) return file;
  const fromBase = (c: Change): Change => {
    const b = base.changes.find((b) => b.key === c.key && b.kind === c.kind);
    if (!b) return c;
    const { op, ...rest } = c;
    const seen = b.op === "create" ? "create" : op === "delete" ? "delete" : undefined;
    return { ...rest, old: b.old, ...(seen && { op: seen }) };
  };
  return { ...file, before: base.before, changes: file.changes.map(fromBase) };
}

/**
 * The branch this run made for a pull request it could not open, deleted while it holds `commit`
 * alone (by git when git pushed it). Kept while an open pull request has it as its head, or when
 * that cannot be told (the API failing may be why the pull request was not opened): two runs that
 * build the same commit (same parent, tree, message and second) both see their push land, and the
 * other run's pull request may be open on it; deleted, GitHub would close it and that run's update
 * be lost. A stray branch is the smaller harm. The other run may open its pull request between the
 * check and the deletion: one GitHub closed with the branch is reopened on it (reopenClosedBy).
 */
async function deleteBranch(ctx: DeliveryContext, options: Pick<DeliveryOptions, "commitVia">, branch: string, commit: string): Promise<void> {
  let checked: Awaited<ReturnType<typeof openFrom>>;
  try {
    checked = await openFrom(ctx.client(), ctx.repository, branch);
  } catch (error) {
    ctx.log(`${branch} is kept after the failure: could not tell whether a pull request uses it (${errorMessage(error)})`);
    return;
  }
  const [open] = checked.open;
  if (open !== undefined) {
    ctx.log(`${branch} is kept after the failure: pull request #${open.number} uses it`);
    return;
  }
  const moved = `${branch} is not deleted after the failure: it moved since this run pushed it`;
  try {
    if (options.commitVia === "api") await deleteOwnBranch(ctx.client(), ctx.repository, branch, commit);
    else if ((await ctx.git.deleteBranch(ctx.remote, branch, commit)) === "rejected") {
      ctx.log(moved);
      return;
    }
  } catch (error) {
    ctx.log(error instanceof BranchMovedError ? moved : `could not delete ${branch} after the failure: ${errorMessage(error)}`);
    return;
  }
  await reopenClosedBy(ctx, branch, commit, checked.at);
}

/**
 * The pull requests GitHub closed when this run deleted `branch` at `commit`, after it found none
 * open at `since`: another run's, which built the same commit and opened its pull request
 * meanwhile. The branch is created again at `commit` and they are reopened (GitHub reopens one only
 * with its branch back at its head), or the log says how to.
 */
async function reopenClosedBy(ctx: DeliveryContext, branch: string, commit: string, since: number): Promise<void> {
  const client = ctx.client();
  let closed: OpenPull[];
  try {
    closed = await closedSince(client, ctx.repository, branch, commit, since);
  } catch (error) {
    ctx.log(
      `could not tell whether deleting ${branch} after the failure closed another run's pull request (${errorMessage(error)}): if one on ${commit} is closed, restore ${branch} at ${commit} and reopen it`,
    );
    return;
  }
  if (closed.length === 0) return;
  const which = `pull request${closed.length === 1 ? "" : "s"} ${closed.map((p) => `#${p.number}`).join(", ")}`;
  const it = closed.length === 1 ? "it" : "them";
  try {
    // Already there again (a third run's push): the pull request is reopened on it all the same.
    await client.rest.git.createRef({ ...ctx.repository, ref: `refs/heads/${branch}`, sha: commit }).catch((error: unknown) => {
      if (httpStatus(error) !== 422) throw error;
    });
    for (const pull of closed) await client.rest.pulls.update({ ...ctx.repository, pull_number: pull.number, state: "open" });
  } catch (error) {
    ctx.log(
      `deleting ${branch} after the failure closed ${which}, opened meanwhile by another run, and could not reopen ${it} (${errorMessage(error)}): restore ${branch} at ${commit} and reopen ${it}`,
    );
    return;
  }
  ctx.log(
    `${branch} is restored at ${commit}: deleting it after the failure closed ${which}, opened meanwhile by another run; ${it === "it" ? "it is" : "they are"} reopened`,
  );
}
