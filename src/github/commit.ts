/**
 * Commits through the GitHub Git Data API, as create-pull-request's sign-commits does:
 * one tree (on the parent's tree, contents inline, modes kept), one commit, one ref move.
 * GitHub signs such commits when the token is GITHUB_TOKEN or an App token.
 *
 * The base branch only ever moves forward: `updateRef` with `force: false` is a
 * compare-and-swap on "our parent is still an ancestor of the new head"; when another run
 * got there first GitHub answers 422 and we raise BranchMovedError for the caller to re-plan.
 */
import type { FileWrite, Identity } from "./git.js";
import type { GitHubClient } from "./client.js";
import { errorMessage, httpStatus } from "./errors.js";

export interface Repository {
  readonly owner: string;
  readonly repo: string;
}

export interface ApiCommit {
  readonly sha: string;
  readonly tree: string;
  /** GitHub's signature verification of the new commit. */
  readonly verified: boolean;
}

/** The branch moved between our read and our write: re-read and try again. */
export class BranchMovedError extends Error {
  constructor(readonly branch: string) {
    super(`branch ${branch} moved while we were committing`);
    this.name = "BranchMovedError";
  }
}

export async function createApiCommit(
  client: GitHubClient,
  repository: Repository,
  commit: { parent: string; baseTree: string; files: readonly FileWrite[]; message: string; author?: Identity },
): Promise<ApiCommit> {
  const tree = await client.rest.git.createTree({
    ...repository,
    base_tree: commit.baseTree,
    tree: commit.files.map((f) => ({ path: f.path, mode: f.mode as "100644" | "100755", type: "blob" as const, content: f.content })),
  });
  const created = await client.rest.git.createCommit({
    ...repository,
    message: commit.message,
    tree: tree.data.sha,
    parents: [commit.parent],
    ...(commit.author && { author: commit.author }),
  });
  return { sha: created.data.sha, tree: tree.data.sha, verified: created.data.verification?.verified ?? false };
}

/** Moves an existing branch forward to `sha`; BranchMovedError when it is no longer a fast forward. */
export async function advanceBranch(client: GitHubClient, repository: Repository, branch: string, sha: string): Promise<void> {
  try {
    await client.rest.git.updateRef({ ...repository, ref: `heads/${branch}`, sha, force: false });
  } catch (error) {
    if (httpStatus(error) === 422 && /fast.forward/i.test(errorMessage(error))) throw new BranchMovedError(branch);
    throw error;
  }
}

/**
 * Points a branch we own (the pull-request branch) at `sha`, creating it or resetting it
 * (a forced move, like create-pull-request: the branch is regenerated, never merged into).
 */
export async function setBranch(client: GitHubClient, repository: Repository, branch: string, sha: string, exists: boolean): Promise<void> {
  if (exists) {
    await client.rest.git.updateRef({ ...repository, ref: `heads/${branch}`, sha, force: true });
    return;
  }
  try {
    await client.rest.git.createRef({ ...repository, ref: `refs/heads/${branch}`, sha });
  } catch (error) {
    // Another run (or a retried request whose answer was lost) created it meanwhile.
    if (httpStatus(error) !== 422 || !/already exists/i.test(errorMessage(error))) throw error;
    await client.rest.git.updateRef({ ...repository, ref: `heads/${branch}`, sha, force: true });
  }
}
