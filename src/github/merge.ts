/**
 * Merging a delivery's pull request: now (REST merge with the chosen method), or when
 * GitHub's requirements are met (auto-merge through GraphQL, the only API for it).
 *
 * GitHub refuses auto-merge on a pull request that could be merged right away: nothing
 * required is pending, typically no branch protection. "Pull request is in clean status", or
 * "… in unstable status" while checks the base does not require run or fail (GitHub merges
 * over those, and auto-merge would not wait for them either). `merge: auto` then means "merge
 * when allowed", which is now, so we merge, and say so with GitHub's reason: the person who
 * asked for auto-merge expected it to wait.
 *
 * Runs that share a pull-request branch race to merge it. A refusal because the branch moved
 * (409), because the base moved under it with a conflicting change, or because the pull request
 * is merged already (405) is not this run's failure: the run plans again on what is there now,
 * or reports the merge of the head it pushed.
 */
import type { MergeMethod, MergeMode } from "../engine/config.js";
import type { GitHubClient } from "./client.js";
import { BranchMovedError, type Repository } from "./commit.js";
import { errorMessage, httpStatus, whenVisible } from "./errors.js";
import { PullRequestClosedError } from "./pull-request.js";
import { wallSleep } from "./timing.js";

export type MergeOutcome = "none" | "auto-merge" | "merged";

export interface MergeResult {
  readonly outcome: MergeOutcome;
  /** Why `auto` merged at once: GitHub's refusal of auto-merge, e.g. "Pull request is in clean status" (or "unstable status"). */
  readonly atOnceBecause?: string;
}

export interface Mergeable {
  readonly number: number;
  readonly nodeId: string;
  /** The pull request's branch. */
  readonly branch: string;
  /** The head we pushed: GitHub refuses the merge if the branch moved since. */
  readonly headSha: string;
  readonly autoMerge: boolean;
}

// expectedHeadOid: GitHub refuses when the branch moved since our push, as the REST merge's `sha` does;
// else a commit someone pushed in between would be merged with ours.
const ENABLE_AUTO_MERGE = `mutation($id: ID!, $mergeMethod: PullRequestMergeMethod!, $head: GitObjectID!) {
  enablePullRequestAutoMerge(input: { pullRequestId: $id, mergeMethod: $mergeMethod, expectedHeadOid: $head }) { pullRequest { number } }
}`;

const DISABLE_AUTO_MERGE = `mutation($id: ID!) {
  disablePullRequestAutoMerge(input: { pullRequestId: $id }) { pullRequest { number } }
}`;

/**
 * Turns off auto-merge that an earlier run turned on: the pull request now holds what a person
 * must review. Read on as on, it may be off or closed by now (someone turned it off, the pull
 * request was merged or closed): GitHub refuses then. "off" when it is off, by us or before;
 * "closed" when the pull request is no longer open, for the caller to read how it ended.
 */
export async function disableAutoMerge(client: GitHubClient, pr: Pick<Mergeable, "nodeId">): Promise<"off" | "closed"> {
  try {
    await client.graphql(DISABLE_AUTO_MERGE, { id: pr.nodeId });
    return "off";
  } catch (error) {
    // GitHub's wordings unverified: clients key on /not enabled/ (hivemoot/hivemoot-bot#372); a closed one is refused as by enabling.
    const text = errorMessage(error);
    if (/not enabled/i.test(text)) return "off";
    if (/is closed|already merged|is merged/i.test(text)) return "closed";
    throw error;
  }
}

export async function mergePullRequest(
  client: GitHubClient,
  repository: Repository,
  pr: Mergeable,
  mode: MergeMode,
  method: MergeMethod,
  sleep: (ms: number) => Promise<void> = wallSleep,
): Promise<MergeResult> {
  if (mode === "none") return { outcome: "none" };
  if (mode === "immediate") return { outcome: await mergeNow(client, repository, pr, method, sleep) };
  if (pr.autoMerge) return { outcome: "auto-merge" };
  try {
    await whenVisible(() => client.graphql(ENABLE_AUTO_MERGE, { id: pr.nodeId, mergeMethod: method.toUpperCase(), head: pr.headSha }));
    return { outcome: "auto-merge" };
  } catch (error) {
    const text = errorMessage(error);
    // GitHub's sentence without GraphQL's preamble and its doubled "Pull request Pull request is in clean status".
    const older = NOT_IN_STATE.exec(text)?.[0];
    const reason = MERGEABLE_NOW.exec(text)?.[0] ?? (older === undefined ? undefined : await mergeableNow(client, repository, pr, older));
    if (reason !== undefined) return { outcome: await mergeNow(client, repository, pr, method, sleep), atOnceBecause: reason };
    // Someone pushed to the branch after us: what it holds now decides what is left to do.
    if (/head branch was modified/i.test(text)) throw new BranchMovedError(pr.branch);
    if (METHOD_REFUSED.test(text)) throw await methodRefused(client, repository, pr, method, text, error);
    if (older !== undefined || /protected branch rules not configured|auto[- ]?merge is not allowed|can't enable auto-merge/i.test(text)) {
      throw new Error(`GitHub refused auto-merge for pull request #${pr.number}: ${text}. ${await autoMergeAdvice(client, repository, pr)}`, { cause: error });
    }
    throw error;
  }
}

/** REST merge of exactly the head we pushed; retried (after `sleep`) while GitHub is still computing mergeability. */
async function mergeNow(
  client: GitHubClient,
  repository: Repository,
  pr: Mergeable,
  method: MergeMethod,
  sleep: (ms: number) => Promise<void>,
): Promise<MergeOutcome> {
  for (let attempt = 1; ; attempt++) {
    try {
      await client.rest.pulls.merge({ ...repository, pull_number: pr.number, merge_method: method, sha: pr.headSha });
      return "merged";
    } catch (error) {
      const status = httpStatus(error);
      const text = errorMessage(error);
      // Another run replaced the branch after our push: what it holds now decides what is left to do.
      if (status === 409 && /head branch was modified/i.test(text)) throw new BranchMovedError(pr.branch);
      if (status === 405) {
        const { data: pull } = await client.rest.pulls.get({ ...repository, pull_number: pr.number });
        // Merged already: by our own request whose answer was lost (its retry is refused), or by
        // another run, with a head of its own that this run has not seen.
        if (pull.merged) {
          if (pull.head.sha === pr.headSha) return "merged";
          throw new BranchMovedError(pr.branch);
        }
        // Closed by a person since the run updated it: nothing lands, the run plans again.
        if (pull.state === "closed")
          throw new PullRequestClosedError(pr.number, false, pr.branch, pr.headSha, `before this run merged it (${pr.branch} at ${pr.headSha})`);
        // It conflicts with the base (GitHub computed it: `mergeable` is null until then). Built on
        // the base as the run read it, our branch merged cleanly: the base moved since, with a
        // change to the same lines (another pull request merged, a push). The run plans again on it.
        if (pull.mergeable === false && pull.mergeable_state === "dirty") throw new BranchMovedError(pull.base.ref);
        if (METHOD_REFUSED.test(text)) throw await methodRefused(client, repository, pr, method, text, error);
      }
      if (attempt >= 4 || (status !== 405 && status !== 409) || !/base branch was modified|not mergeable|try again/i.test(text)) {
        throw new Error(`could not merge pull request #${pr.number}: ${text}`, { cause: error });
      }
      await sleep(1000 * attempt);
    }
  }
}

/**
 * GitHub's refusal of auto-merge on a pull request it would merge now: nothing required pending,
 * other checks passed ("clean"), or pending or failing ("unstable"), or GHES's pre-receive hooks
 * to run ("has_hooks").
 */
const MERGEABLE_NOW = /pull request is in (clean|unstable|has_hooks) status/i;

/**
 * GitHub's older refusal of auto-merge, for the states above and others alike (cli/cli#3858;
 * gh's fix, cli/cli#3706, merges at once unless the pull request is BLOCKED): the pull
 * request's mergeable_state tells which.
 */
const NOT_IN_STATE = /pull request is not in the correct state to enable auto-merge/i;

/** `refusal` and the pull request's mergeable_state, when that says GitHub would merge it now; undefined otherwise (or unread). */
async function mergeableNow(client: GitHubClient, repository: Repository, pr: Mergeable, refusal: string): Promise<string | undefined> {
  const state = await client.rest.pulls.get({ ...repository, pull_number: pr.number }).then(
    ({ data }) => data.mergeable_state,
    () => undefined,
  );
  return state !== undefined && MERGEABLE_STATES.includes(state) ? `${refusal}; mergeable_state: ${state}` : undefined;
}

/** The REST mergeable_state of a pull request GitHub would merge now (see MERGEABLE_NOW). */
const MERGEABLE_STATES = ["clean", "unstable", "has_hooks"];

/**
 * GitHub's refusal of a merge method the repository does not allow: the REST merge's and
 * mergePullRequest's "Merge commits are not allowed on this repository." ("Squash merges …",
 * "Rebase merges …"), auto-merge's "Merge method merge commits are not allowed on this
 * repository" ("Merge method squash merging is not allowed …").
 */
const METHOD_REFUSED = /((merge commits|squash merges|rebase merges) are|merge method [^.\n]+? (is|are)) not allowed[^.\n]*/i;

/** Each merge-method value, as `GET /repos` says whether the repository allows it. */
const ALLOWED_BY = { merge: "allow_merge_commit", squash: "allow_squash_merge", rebase: "allow_rebase_merge" } as const;

/**
 * The refusal of `method`, with the methods the repository allows (read only now, on this
 * failure): the merge-method input is what to change.
 */
async function methodRefused(client: GitHubClient, repository: Repository, pr: Mergeable, method: MergeMethod, text: string, cause: unknown): Promise<Error> {
  const { data } = await client.rest.repos.get({ ...repository });
  const allowed = (Object.keys(ALLOWED_BY) as MergeMethod[]).filter((m) => data[ALLOWED_BY[m]] === true);
  const advice =
    allowed.length === 0
      ? "Set merge-method to a method the repository allows"
      : `This repository allows merge-method ${allowed.map((m) => `\`${m}\``).join(", ")}: set merge-method: ${allowed[0]}`;
  // GitHub's sentence, without GraphQL's preamble.
  const said = METHOD_REFUSED.exec(text)?.[0] ?? text.replace(/\.$/, "");
  return new Error(`could not merge pull request #${pr.number} with merge-method: ${method}: ${said}. ${advice}.`, { cause });
}

/**
 * What to do when GitHub refused auto-merge. merge: immediate is offered only when nothing holds
 * the pull request back (its mergeable_state, read on this failure only): GitHub refuses it too
 * while a required review or check is pending.
 */
async function autoMergeAdvice(client: GitHubClient, repository: Repository, pr: Mergeable): Promise<string> {
  const allow = "Allow auto-merge in the repository settings and protect the base branch with required checks";
  const state = await client.rest.pulls.get({ ...repository, pull_number: pr.number }).then(
    ({ data }) => data.mergeable_state,
    () => "unknown",
  );
  if (MERGEABLE_STATES.includes(state)) return `${allow}, or use merge: immediate.`;
  const held = HELD_BACK[state];
  if (held === undefined) return `${allow}, or, once no required review or check is pending on it, use merge: immediate.`;
  return `Allow auto-merge in the repository settings. merge: immediate would be refused too: ${held}; merge it yourself once that is done.`;
}

/** Why GitHub would not merge the pull request now either, by its mergeable_state. */
const HELD_BACK: Readonly<Record<string, string>> = {
  blocked: "a required review or check is pending on the pull request",
  behind: "the pull request's branch must be brought up to date with the base first",
  dirty: "the pull request conflicts with the base",
  draft: "the pull request is a draft",
};
