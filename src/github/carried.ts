/**
 * A commit of this run's values on a pull-request branch, carried on by another run: that run
 * planned on the branch while it held the commit, pushed its own commit with the values in it
 * (the branch moved under this run before it opened or updated a pull request), and merged it.
 * The values reached the base through that pull request, which this run then tells, merged.
 */
import type { Head, Landing, DeliveryContext, Pushed } from "./delivery-types.js";
import { pullRequestOf } from "./pull-request.js";

/** Runners' clocks and GitHub's may differ by this much (ms): a merge this long before a push may still be after it. */
const CLOCK_SKEW_MS = 5_000;

/**
 * The landings of `pushed` commits the run told no pull request about, now that the base
 * (`at`) holds every value of the request: for each whose files the base holds with the text it
 * gave them, the pull request on its branch that was merged first since it was pushed (one that
 * was open then, or opened after; on a branch the push made, one merged after it by the clocks),
 * unless merged at the head it replaced. One lookup per branch,
 * on this path only; a branch a landing of this attempt, or of an earlier one at that commit,
 * tells is not looked at.
 */
export async function carriedOn(ctx: DeliveryContext, at: Head, pushed: readonly Pushed[], told: readonly Landing[]): Promise<Landing[]> {
  const landings: Landing[] = [];
  for (const commit of pushed) {
    if (told.some((l) => l.branch === commit.branch && l.mode === "pull-request" && (l.commit === commit.commit || l.head === commit.commit))) continue;
    if (!(await baseHolds(ctx, at, commit))) continue;
    const landing = await mergedWith(ctx, at.base, commit);
    if (landing === undefined) continue;
    ctx.log(
      `pull request #${landing.pullRequest!.number} (${commit.branch} -> ${at.base}) was merged by another run, which carried this run's commit ${commit.commit} on: this run's values reached ${at.base} through it`,
    );
    landings.push(landing);
  }
  return landings;
}

/** Whether the base holds every file of `commit` with the text the commit gave it. */
async function baseHolds(ctx: DeliveryContext, at: Head, commit: Pushed): Promise<boolean> {
  for (const file of commit.files) {
    const blob = (await ctx.git.run(["hash-object", "--stdin"], { input: file.after })).trim();
    if (at.entries.get(file.path)?.sha !== blob) return false;
  }
  return true;
}

/** Whether `pull` is the one open on the branch when `commit` was pushed, or one opened after. */
function pushedBefore(commit: Pushed, pull: { number: number; merged_at: string | null }): boolean {
  if (commit.open !== undefined) return pull.number >= commit.open;
  if (commit.newest !== undefined) return pull.number > commit.newest;
  return Date.parse(pull.merged_at ?? "") >= commit.at - CLOCK_SKEW_MS;
}

/** The landing of `commit` on the pull request merged first since it was pushed, if that one was merged and not at the head it replaced. */
async function mergedWith(ctx: DeliveryContext, base: string, commit: Pushed): Promise<Landing | undefined> {
  const { owner } = ctx.repository;
  const { data } = await ctx.client().rest.pulls.list({ ...ctx.repository, head: `${owner}:${commit.branch}`, base, state: "all", per_page: 10 });
  const since = data
    .filter((p) => pushedBefore(commit, p))
    .filter((p) => p.merged_at !== null && p.head.sha !== commit.replaced)
    .sort((a, b) => Date.parse(a.merged_at!) - Date.parse(b.merged_at!) || a.number - b.number);
  const merged = since[0];
  if (merged === undefined) return undefined;
  return {
    mode: "pull-request",
    branch: commit.branch,
    files: commit.files,
    changes: commit.files.flatMap((f) => f.changes),
    // Its head is this run's commit when the other run opened the pull request on it as it was; else that run's commit.
    ...(merged.head.sha === commit.commit ? { commit: commit.commit } : { head: merged.head.sha }),
    // The run's push moved an open pull request's branch: it updated it. Opened since by another run, it left it as it was.
    pullRequest: pullRequestOf(merged, commit.open === merged.number ? "updated" : "none", false),
    merge: "merged",
    message: commit.message,
  };
}
