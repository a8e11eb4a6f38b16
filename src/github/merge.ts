/**
 * Merging a delivery's pull request: now (REST merge with the chosen method), or when
 * GitHub's requirements are met (auto-merge through GraphQL, the only API for it).
 *
 * GitHub refuses auto-merge on a pull request that could be merged right away ("Pull
 * request is in clean status": no required checks pending, typically no branch
 * protection). `merge: auto` then means "merge when allowed", which is now, so we merge, and
 * say so with GitHub's reason: the person who asked for auto-merge expected it to wait.
 *
 * Runs that share a pull-request branch race to merge it. A refusal because the branch moved
 * (409) or because the pull request is merged already (405) is not this run's failure: the
 * run plans again on what is there now, or reports the merge of the head it pushed.
 */
import type { MergeMethod, MergeMode } from "../engine/config.js";
import type { GitHubClient } from "./client.js";
import { BranchMovedError, type Repository } from "./commit.js";
import { errorMessage, httpStatus, whenVisible } from "./errors.js";
import { PullRequestClosedError } from "./pull-request.js";

export type MergeOutcome = "none" | "auto-merge" | "merged";

export interface MergeResult {
  readonly outcome: MergeOutcome;
  /** Why `auto` merged at once: GitHub's refusal of auto-merge, e.g. "Pull request is in clean status". */
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

const ENABLE_AUTO_MERGE = `mutation($id: ID!, $mergeMethod: PullRequestMergeMethod!) {
  enablePullRequestAutoMerge(input: { pullRequestId: $id, mergeMethod: $mergeMethod }) { pullRequest { number } }
}`;

const DISABLE_AUTO_MERGE = `mutation($id: ID!) {
  disablePullRequestAutoMerge(input: { pullRequestId: $id }) { pullRequest { number } }
}`;

/** Turns off auto-merge that an earlier run turned on: the pull request now holds what a person must review. */
export async function disableAutoMerge(client: GitHubClient, pr: Pick<Mergeable, "nodeId">): Promise<void> {
  await client.graphql(DISABLE_AUTO_MERGE, { id: pr.nodeId });
}

export async function mergePullRequest(
  client: GitHubClient,
  repository: Repository,
  pr: Mergeable,
  mode: MergeMode,
  method: MergeMethod,
): Promise<MergeResult> {
  if (mode === "none") return { outcome: "none" };
  if (mode === "immediate") return { outcome: await mergeNow(client, repository, pr, method) };
  if (pr.autoMerge) return { outcome: "auto-merge" };
  try {
    await whenVisible(() => client.graphql(ENABLE_AUTO_MERGE, { id: pr.nodeId, mergeMethod: method.toUpperCase() }));
    return { outcome: "auto-merge" };
  } catch (error) {
    const text = errorMessage(error);
    if (/clean status/i.test(text)) {
      // GitHub's sentence without GraphQL's preamble and its doubled "Pull request Pull request is in clean status".
      const reason = /pull request is in clean status/i.exec(text)?.[0] ?? text;
      return { outcome: await mergeNow(client, repository, pr, method), atOnceBecause: reason };
    }
    if (/protected branch rules not configured|auto[- ]?merge is not allowed|can't enable auto-merge/i.test(text)) {
      throw new Error(
        `GitHub refused auto-merge for pull request #${pr.number}: ${text}. Allow auto-merge in the repository settings and protect the base branch with required checks, or use merge: immediate.`,
        { cause: error },
      );
    }
    throw error;
  }
}

/** REST merge of exactly the head we pushed; retried while GitHub is still computing mergeability. */
async function mergeNow(client: GitHubClient, repository: Repository, pr: Mergeable, method: MergeMethod): Promise<MergeOutcome> {
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
      }
      if (attempt >= 4 || (status !== 405 && status !== 409) || !/base branch was modified|not mergeable|try again/i.test(text)) {
        throw new Error(`could not merge pull request #${pr.number}: ${text}`, { cause: error });
      }
      await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
    }
  }
}
