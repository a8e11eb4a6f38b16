/**
 * Delivery: plan the request on the branch's current head and land the result as a commit
 * on the branch, a pull request (optionally merged or set to auto-merge), or nothing.
 *
 * Optimistic concurrency: each attempt fetches the branch, plans on exactly that commit,
 * and moves a branch only while it still points there: the base by REST `updateRef` (no force)
 * after reading its head, or `git push --force-with-lease` on the head read; our pull-request
 * branch by GraphQL `updateRefs` with `beforeOid`, or the same lease. When another run got there first, the same request is planned again
 * on the new head — policies make that idempotent: an older build never overwrites a newer
 * one, and a change someone else already made plans to nothing — after a jittered,
 * exponentially growing pause. The base branch is never force-pushed; only our own
 * pull-request branch is reset, as create-pull-request does.
 */
import type { Warning } from "../change.js";
import { writePlan } from "../engine/apply.js";
import { commitMessage, type CommitMessageInput } from "../engine/commit-message.js";
import { configPathsOf } from "../engine/config-file.js";
import { planUpdate, type FilePlan, type Plan } from "../engine/plan.js";
import { directorySource } from "../engine/source.js";
import { validateInTree } from "../engine/validate-in-tree.js";
import type { UpdateRequest } from "../engine/request.js";
import type { ImageRef } from "../image/reference.js";
import { BranchMovedError } from "./commit.js";
import { commitOnBranch, fileWrites } from "./delivery-commit.js";
import { groupFiles, pullRequestGroups, type Group } from "./delivery-groups.js";
import { carriedOn } from "./carried.js";
import { DeliveryError, type DeliveryContext, type DeliveryOptions, type Head, type Landing, type Pushed, type RunMemory } from "./delivery-types.js";
import { anotherBasesBranch, landPullRequest } from "./land-pull-request.js";
import { isMerged, openPullRequestsOn, PullRequestClosedError, type BranchOpen, type OpenPullRef } from "./pull-request.js";
import { workLeftInCheckout } from "./left-in-checkout.js";
import { landingsOfRun } from "./run-landings.js";
import { errorMessage } from "./errors.js";
import { clockOf, sleepOf } from "./timing.js";

export { BOT } from "./delivery-commit.js";
export { DeliveryError, type CommitVia, type DeliveryContext, type DeliveryOptions, type Landing } from "./delivery-types.js";

export interface DeliveryResult {
  /** Something was (or, in a dry run, would be) changed. */
  readonly changed: boolean;
  readonly base: string;
  /** The commit the final plan was made on. */
  readonly planned: string;
  /**
   * The checkout's own branch and commit, when the run planned on `base` as fetched from origin
   * (push, pull-request); undefined when it planned on the checkout's files (delivery none).
   */
  readonly checkout: CheckoutHead | undefined;
  readonly plan: Plan;
  readonly landings: readonly Landing[];
  readonly attempts: number;
}

/** The files `landings` wrote, each once, by path. */
export function landedFiles(landings: readonly Landing[]): FilePlan[] {
  const landed = new Map(landings.flatMap((l) => l.files.map((f) => [f.path, f] as const))); // each file lands once
  return [...landed.keys()].sort().map((path) => landed.get(path)!);
}

/** How long a run keeps planning again while branches keep moving, from its first attempt. */
const RETRY_FOR_MS = 5 * 60_000;
const BACKOFF_BASE_MS = 250;
const BACKOFF_CAP_MS = 5000;

export async function deliver(ctx: DeliveryContext, request: UpdateRequest, options: DeliveryOptions): Promise<DeliveryResult> {
  if (options.mode === "none") return editCheckout(ctx, request, options);
  const base = options.branch || (await ctx.git.defaultBranch(ctx.remote));
  const checkout = await checkoutHead(ctx);
  const left = await workLeftInCheckout(ctx.git, ctx.remote, base, checkout.branch, options.mode);
  const retryFor = options.retryFor ?? RETRY_FOR_MS;
  const sleep = sleepOf(ctx);
  const now = clockOf(ctx);
  const started = now();
  // An attempt can land the push and pull requests before a later pull-request branch moves:
  // what earlier attempts landed stays landed, and the run's result or failure tells it.
  let earlier: Landing[] = [];
  // The heads this run left on pull-request branches whose pull requests closed under it: the branch holding one is a leftover.
  const stranded = new Set<string>();
  // The last commit of this run's values moved onto each pull-request branch.
  const pushed = new Map<string, Pushed>();
  const memory: RunMemory = { stranded, pushed: (commit) => void pushed.set(commit.branch, commit) };
  const moved = new Set<string>();
  for (let attempt = 1; ; attempt++) {
    try {
      return await deliverOnce(ctx, request, options, { base, checkout, left }, { number: attempt, earlier, memory, pushed: [...pushed.values()] });
    } catch (error) {
      const branchMoved = error instanceof DeliveryError ? error.cause : error;
      if (!(branchMoved instanceof BranchMovedError)) throw withLandings(earlier, error);
      if (error instanceof DeliveryError) earlier = landingsOfRun([...earlier, ...error.landings]);
      if (branchMoved instanceof PullRequestClosedError) stranded.add(branchMoved.stranded);
      moved.add(branchMoved.branch);
      const elapsed = now() - started;
      // Full jitter: runs that lost the same race spread out instead of meeting again.
      const pause = Math.round(Math.random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (attempt - 1)));
      // Not past `retryFor`: a pause that would end there is not taken.
      // The warnings told are this last attempt's: each attempt plans again, and says again what its plan says.
      if (elapsed + pause >= retryFor) throw withLandings(earlier, gaveUp(attempt, elapsed, moved, earlier), warningsOf(error));
      ctx.log(`attempt ${attempt}: ${branchMoved.message}; planning again on the new heads in ${pause} ms`);
      await sleep(pause);
    }
  }
}

/** The failure of a run whose branches kept moving for as long as it retries. */
function gaveUp(attempts: number, elapsed: number, moved: ReadonlySet<string>, earlier: readonly Landing[]): Error {
  const written = earlier.length === 0 ? "nothing was written by this run" : `before giving up, this run landed ${earlier.map(describeLanding).join(", ")}`;
  const branches = [...moved].join(" and ");
  return new Error(
    `gave up after ${attempts} attempts in ${Math.round(elapsed / 1000)} s: ${branches} kept moving under us (other runs committing at the same time); ${written}. Run it again, or have fewer runs write ${branches} at once (one concurrency group for them)`,
  );
}

/** Which attempt of a run this is, and what the earlier ones left. */
interface Attempt {
  readonly number: number;
  /** What earlier attempts landed, part of the result. */
  readonly earlier: readonly Landing[];
  readonly memory: RunMemory;
  /** The last commit of this run's values earlier attempts moved each pull-request branch to. */
  readonly pushed: readonly Pushed[];
}

/**
 * One attempt: plan on the branch's current head and land. A failure after the plan is a
 * DeliveryError carrying the warnings a success would have told (`landed`'s), `left` with them.
 */
async function deliverOnce(
  ctx: DeliveryContext,
  request: UpdateRequest,
  options: DeliveryOptions,
  { base, checkout, left }: { readonly base: string; readonly checkout: CheckoutHead; readonly left: Warning | undefined },
  attempt: Attempt,
): Promise<DeliveryResult> {
  const head = await ctx.git.fetch(ctx.remote, base);
  if (head === undefined) {
    // create-pull-request's `branch` is the pull request's own: under that name here it is read as the base.
    const prBranch = options.mode === "pull-request" || /^(gitops-promote|create-pull-request)\//.test(base);
    const hint = prBranch
      ? ": input `branch` is the base the pull request merges into (create-pull-request's `base`); the pull request's own branch is `pr-branch`"
      : "";
    throw new Error(`branch ${base} does not exist on ${ctx.remote}${hint}`);
  }
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
    checkout,
    // Work left in the checkout is said last, after what the plan and the landings say.
    plan: left ? { ...final, warnings: [...final.warnings, left] } : final,
    landings,
    attempts: attempt.number,
  });
  // What landed, this attempt's and earlier ones'; a pull request that already carries these values (or newer ones) lands nothing.
  const landed = (landings: Landing[], earlier = attempt.earlier): DeliveryResult => {
    const all = landingsOfRun([...earlier, ...landings]);
    const files = landedFiles(all);
    // A file a pull request's branch left as it holds it is told by that branch's plan, not the base's.
    const replanned = new Set(all.flatMap((l) => l.replanned ?? []));
    const ofBase = plan.warnings.filter((w) => w.file === undefined || !replanned.has(w.file));
    return result(all, {
      ...plan,
      files,
      changes: files.flatMap((f) => f.changes),
      warnings: distinct([...ofBase, ...all.flatMap((l) => l.warnings ?? [])]),
    });
  };
  const at = { base, head, entries: tree.entries };
  try {
    if (options.dryRun) return await dryRun(ctx, options, plan, base, result);
    if (plan.files.length === 0) {
      const landings = await landOnOpenPullRequests(ctx, request, options, plan, at, attempt.memory);
      const earlier = await mergedSince(ctx, attempt.earlier, landings);
      const untold = attempt.pushed.filter((commit) => !landings.some((l) => l.branch === commit.branch));
      return landed([...landings, ...(await carriedOn(ctx, at, untold, earlier))], earlier);
    }
    return landed(await land(ctx, request, options, plan, at, attempt.memory));
  } catch (error) {
    // A policy that refused a target's tag is told on this run, not on the re-run once the delivery is fixed.
    const landings = error instanceof DeliveryError ? [...error.landings] : [];
    throw new DeliveryError(landings, error instanceof DeliveryError ? error.cause : error, landed(landings).plan.warnings);
  }
}

/**
 * The pull requests of earlier attempts whose merge step a moved branch cut short (no merge told:
 * another run pushed onto the branch), now that the base holds every value of the request: merged
 * since, by the run that carried this one's commit on, they are told merged. One read each, on this path only.
 */
async function mergedSince(ctx: DeliveryContext, earlier: readonly Landing[], now: readonly Landing[]): Promise<Landing[]> {
  return Promise.all(
    earlier.map(async (landing) => {
      const pr = landing.pullRequest;
      if (pr === undefined || landing.merge !== undefined || now.some((l) => l.pullRequest?.number === pr.number)) return landing;
      return (await isMerged(ctx.client(), ctx.repository, pr.number)) ? { ...landing, merge: "merged" as const } : landing;
    }),
  );
}

/**
 * A dry run: the landings a run would make, planned on the base alone. A run plans on an open
 * pull request's branch too, which a dry run does not: it names each it would land in (one lookup).
 */
async function dryRun(
  ctx: DeliveryContext,
  options: DeliveryOptions,
  plan: Plan,
  base: string,
  result: (landings: Landing[], final: Plan) => DeliveryResult,
): Promise<DeliveryResult> {
  const landings = preview(ctx, options, plan, base);
  // With nothing to change on the base, a run still looks at the open pull requests it could land in (landOnOpenPullRequests).
  const branches =
    plan.files.length === 0
      ? pullRequestGroups(plan, options, ctx.repository.owner).map((g) => g.prBranch)
      : landings.filter((l) => l.mode === "pull-request").map((l) => l.branch);
  // Only a look: a dry run without a token that may read pull requests still shows its plan.
  // No branch to look at (a push), no client: a push's dry run needs no token.
  const lookup = async () => (branches.length === 0 ? new Map<string, BranchOpen>() : openPullRequestsOn(ctx.client(), ctx.repository, base, branches));
  const open = await lookup().catch((error: unknown) => {
    ctx.log(`dry run: the open pull requests on ${branches.join(", ")} could not be read (${errorMessage(error)}); a run plans on an open one's branch too`);
    return new Map<string, BranchOpen>();
  });
  const into = [...open].flatMap(([branch, { into }]) => (into ? [[branch, into] as const] : []));
  const notices = into.map(([branch, pr]) => ({ message: openPullRequestNotice(branch, pr, base, plan.files.length > 0) }));
  // Where a run would land (with no change on the base, only where a pull request into it is open), it stops at one into another base.
  const refusals = [...open].flatMap(([branch, { into, elsewhere }]) =>
    elsewhere && (plan.files.length > 0 || into) ? [{ message: `dry run: a run would fail here: ${anotherBasesBranch(branch, base, elsewhere)}` }] : [],
  );
  const named = landings.map((l) => {
    const pr = l.mode === "pull-request" ? open.get(l.branch)?.into : undefined;
    return pr ? { ...l, openPullRequest: pr } : l;
  });
  return result(named, { ...plan, warnings: [...plan.warnings, ...refusals, ...notices] });
}

/** What a run would do with the open pull request on `branch` that a dry run, planned on `base` alone, does not show. */
function openPullRequestNotice(branch: string, pr: OpenPullRef, base: string, changes: boolean): string {
  const run = changes
    ? "a run would update it, planned on its branch too (the values it carries stay, and a newer one a policy ranks higher is kept)"
    : "a run would plan on it too: one that proposes values this request moves back (a rollback) is rebuilt without them, or closed when nothing else is left on it";
  return `dry run: pull request #${pr.number} (${pr.url}) is open on ${branch}: ${run}; this dry run planned on ${base} alone`;
}

/**
 * The base holds every value of the request already, yet an open pull request on a branch it
 * would land in may propose others (a rollback to the base's value, while the newer build's pull
 * request waits on its checks): planned there, that pull request is rebuilt without them, or
 * closed when nothing else is left on it. One lookup of the open pull requests when none is.
 */
async function landOnOpenPullRequests(
  ctx: DeliveryContext,
  request: UpdateRequest,
  options: DeliveryOptions,
  plan: Plan,
  at: Head,
  memory: RunMemory,
): Promise<Landing[]> {
  const groups = pullRequestGroups(plan, options, ctx.repository.owner);
  const open = await openPullRequestsOn(
    ctx.client(),
    ctx.repository,
    at.base,
    groups.map((g) => g.prBranch),
  );
  const withOpen = groups.filter((g) => open.get(g.prBranch)?.into !== undefined);
  return withOpen.length === 0 ? [] : land(ctx, request, options, plan, at, memory, withOpen);
}

/** Each warning once: a pull request's branch, planned on too, may say what the base's plan said of the same line. */
function distinct(warnings: readonly Warning[]): Warning[] {
  const seen = new Set<string>();
  return warnings.filter((w) => {
    const key = JSON.stringify([w.file, w.line, w.message]);
    return !seen.has(key) && Boolean(seen.add(key));
  });
}

/**
 * `error`, as a DeliveryError carrying `earlier` too when something landed (a pull request left as
 * it was wrote nothing), and `warnings` (by default its own) when there are any; else its cause as it is.
 */
function withLandings(earlier: readonly Landing[], error: unknown, warnings = warningsOf(error)): unknown {
  const landed = landingsOfRun([...earlier, ...(error instanceof DeliveryError ? error.landings : [])]).filter((l) => l.files.length > 0);
  const cause = error instanceof DeliveryError ? error.cause : error;
  return landed.length > 0 || warnings.length > 0 ? new DeliveryError(landed, cause, warnings) : cause;
}

/** The warnings a failure carries: none before the plan. */
function warningsOf(error: unknown): readonly Warning[] {
  return error instanceof DeliveryError ? error.warnings : [];
}

/**
 * `commit <sha> on main`, `commit <sha> on gitops-promote/app (pull request #3, created, merged)`;
 * `gitops-promote/app at <sha> (…)` when the branch held these values already, in a commit this run did not make.
 */
function describeLanding(landing: Landing): string {
  const pr = landing.pullRequest;
  const where = landing.commit === undefined ? `${landing.branch} at ${landing.head}` : `commit ${landing.commit} on ${landing.branch}`;
  if (!pr) return where;
  const how = [pr.operation === "none" ? "left as it was" : pr.operation, ...(landing.merge && landing.merge !== "none" ? [landing.merge] : [])];
  return `${where} (pull request #${pr.number}, ${how.join(", ")})`;
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

/** Pushes first, then each pull request on top of the push; a failure after anything landed is a DeliveryError (withLandings). */
async function land(
  ctx: DeliveryContext,
  request: UpdateRequest,
  options: DeliveryOptions,
  plan: Plan,
  at: Head,
  memory: RunMemory,
  groups: readonly (Group & { readonly message?: string })[] = groupsWithMessages(ctx, options, plan),
): Promise<Landing[]> {
  // Before the push lands: the checkout is planned on after it.
  if (groups.some((g) => g.mode === "none")) await refuseSparseConfiguration(ctx, request);
  const landings: Landing[] = [];
  let parent = { commit: at.head, tree: undefined as string | undefined };

  const push = groups.find((g) => g.mode === "push");
  if (push) {
    const message = push.message!;
    const made = await commitOnBranch(ctx, options, parent, fileWrites(push.files, at.entries), message, {
      branch: at.base,
      expected: at.head,
      how: "advance",
    });
    parent = { commit: made.sha, tree: made.tree };
    // The caller tells each landing once the run ends (the Action's log): not logged here as well.
    landings.push({ mode: "push", branch: at.base, files: push.files, changes: push.files.flatMap((f) => f.changes), commit: parent.commit, message });
  }

  try {
    for (const group of groups.filter((g) => g.mode === "pull-request")) {
      // Rendered again: on the pull-request branch the request may edit other values than on the base.
      const messageFor = (files: readonly FilePlan[]) => commitMessage(group.messageTemplate, messageInput(ctx, plan.images, options, files));
      const landing = await landPullRequest(ctx, request, options, at, parent, group, plan.images, messageFor, memory);
      if (landing) landings.push(landing);
    }
    if (groups.some((g) => g.mode === "none")) landings.push(...(await checkoutLandings(ctx, request, options)));
  } catch (error) {
    // What landed before is told with the failure, also when a pull-request branch moved: that is planned again (on top of the push).
    throw withLandings(landings, error);
  }
  return landings;
}

/**
 * delivery none, the input's: no branch is read or written. The request is planned on the
 * checkout as it stands (its own branch, what earlier steps left in it, its line endings), as
 * the CLI plans on a directory, and the edits stay there for the workflow's next steps.
 */
async function editCheckout(ctx: DeliveryContext, request: UpdateRequest, options: DeliveryOptions): Promise<DeliveryResult> {
  const checkout = directorySource(ctx.git.dir);
  // Refused as planUpdate refuses it before git first runs: a configuration outside the checkout is said as such, not as git's failure to list it.
  await validateInTree(checkout, request);
  await refuseSparseConfiguration(ctx, request);
  const plan = await planUpdate(checkout, request);
  const { branch, head } = await checkoutHead(ctx);
  // A write that fails (a file or directory that cannot be written) carries the plan's warnings, as a failure after the other deliveries' plans does.
  const landings = await checkoutLandings(ctx, request, options, plan).catch((error: unknown) => {
    throw withLandings([], error, plan.warnings);
  });
  return { changed: plan.files.length > 0, base: branch, planned: head, checkout: undefined, plan, landings, attempts: 1 };
}

/**
 * delivery none plans on the files on disk: where sparse-checkout leaves the configuration out
 * (actions/checkout's `sparse-checkout` without `.github`), the run would plan without its targets
 * and policies, and write what they forbid. Refused before anything is written.
 */
async function refuseSparseConfiguration(ctx: DeliveryContext, request: UpdateRequest): Promise<void> {
  const [path] = await ctx.git.leftOutBySparseCheckout(configPathsOf(request));
  if (path === undefined) return;
  const slash = path.lastIndexOf("/");
  const add = slash < 0 ? path : path.slice(0, slash);
  throw new Error(
    `the configuration ${path} is not in the checkout: sparse-checkout leaves it out, and delivery none plans on the checkout's files, ` +
      `so its targets and policies would not apply. Add ${add} to actions/checkout's \`sparse-checkout\` (or run \`git sparse-checkout add ${add}\`); nothing was written`,
  );
}

/**
 * The files of targets whose delivery is none, planned on the checkout (never on the branch
 * fetched for the others: its text would replace what the checkout holds) and written there
 * unless this is a dry run.
 */
async function checkoutLandings(ctx: DeliveryContext, request: UpdateRequest, options: DeliveryOptions, planned?: Plan): Promise<Landing[]> {
  const plan = planned ?? (await planUpdate(directorySource(ctx.git.dir), request));
  const files = groupFiles(plan, options, ctx.repository.owner).flatMap((g) => (g.mode === "none" ? g.files : []));
  if (files.length === 0) return [];
  if (!options.dryRun) await writePlan(ctx.git.dir, { ...plan, files });
  return [{ mode: "none", branch: (await checkoutHead(ctx)).branch, files, changes: files.flatMap((f) => f.changes) }];
}

/** Where the checkout is: its branch (`HEAD` when detached) and commit. */
export interface CheckoutHead {
  readonly branch: string;
  readonly head: string;
}

/** The checkout's CheckoutHead; a repository with no commit yet has head "" and branch "HEAD", as a detached one. */
async function checkoutHead(ctx: DeliveryContext): Promise<CheckoutHead> {
  const read = (args: string[], otherwise: string) =>
    ctx.git.run(args).then(
      (out) => out.trim(),
      () => otherwise,
    );
  const [branch, head] = await Promise.all([read(["rev-parse", "--abbrev-ref", "HEAD"], "HEAD"), read(["rev-parse", "HEAD"], "")]);
  return { branch, head };
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

function messageInput(ctx: DeliveryContext, images: readonly ImageRef[], options: DeliveryOptions, files: readonly FilePlan[]): CommitMessageInput {
  return {
    changes: files.flatMap((f) => f.changes),
    images,
    automation: { namespace: ctx.repository.owner, name: ctx.repository.repo },
    ...(options.templateValues && { values: options.templateValues }),
  };
}
