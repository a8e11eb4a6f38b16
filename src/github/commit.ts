/**
 * Commits through the GitHub Git Data API, as create-pull-request's sign-commits does:
 * one tree (on the parent's tree, contents inline, modes kept), one commit, one ref move.
 * GitHub signs such commits when the token is GITHUB_TOKEN or an App token.
 *
 * The base branch only ever moves forward: `updateRef` with `force: false` is a
 * compare-and-swap on "our parent is still an ancestor of the new head"; when another run
 * got there first GitHub answers 422 and we raise BranchMovedError for the caller to re-plan.
 * The pull-request branch is replaced, not moved forward, so its compare-and-swap is the
 * GraphQL `updateRefs` mutation with `beforeOid`: the branch we read, or nothing at all.
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

const REPOSITORY_ID = `query($owner: String!, $name: String!) { repository(owner: $owner, name: $name) { id } }`;
/** updateRefs' "no such ref": as afterOid, a deletion. */
const NO_COMMIT = "0".repeat(40);
const UPDATE_REFS = `mutation($input: UpdateRefsInput!) { updateRefs(input: $input) { clientMutationId } }`;

/** Tries of one compare-and-swap that GitHub failed while the branch stayed as it was (a fault, not a race). */
const SWAP_ATTEMPTS = 3;

/**
 * Points a branch we own (the pull-request branch) at `sha`, replacing what it held (the
 * branch is regenerated, never merged into, like create-pull-request's), but only while it
 * still holds `expected`, the head we planned on (undefined: while it does not exist).
 * BranchMovedError when another run changed it meanwhile: its image must not be lost.
 * After any failure the branch itself tells what happened; holding `sha`, our own request
 * got there and only its answer was lost.
 */
export async function setBranch(client: GitHubClient, repository: Repository, branch: string, sha: string, expected: string | undefined): Promise<void> {
  if (expected === undefined) {
    try {
      await client.rest.git.createRef({ ...repository, ref: `refs/heads/${branch}`, sha });
    } catch (error) {
      const current = await branchHead(client, repository, branch);
      if (current === sha) return;
      if (current !== undefined) throw new BranchMovedError(branch);
      throw error;
    }
    return;
  }
  const swap = await refSwap(client, repository, branch);
  for (let attempt = 1; ; attempt++) {
    try {
      await swap(expected, sha);
      return;
    } catch (error) {
      const current = await branchHead(client, repository, branch);
      if (current === sha) return;
      if (current !== expected) throw new BranchMovedError(branch);
      if (attempt === SWAP_ATTEMPTS) throw error;
    }
  }
}

/**
 * Deletes a branch this run created, only while it still holds `sha`: another run may have
 * taken it over since, with its own image on it.
 */
export async function deleteOwnBranch(client: GitHubClient, repository: Repository, branch: string, sha: string): Promise<void> {
  await (
    await refSwap(client, repository, branch)
  )(sha, NO_COMMIT);
}

/**
 * A compare-and-swap of one branch through GraphQL updateRefs: `before` -> `after` (NO_COMMIT
 * deletes it). Not retried by the client: GitHub answers a stale `before` with its generic
 * "Something went wrong" error, which the retry plugin would repeat for seconds as a fault.
 */
async function refSwap(client: GitHubClient, repository: Repository, branch: string): Promise<(before: string, after: string) => Promise<void>> {
  const { repository: found } = await client.graphql<{ repository: { id: string } }>(REPOSITORY_ID, { owner: repository.owner, name: repository.repo });
  return async (before, after) => {
    const refUpdates = [{ name: `refs/heads/${branch}`, beforeOid: before, afterOid: after, force: true }];
    await client.graphql(UPDATE_REFS, { input: { repositoryId: found.id, refUpdates }, request: { retries: 0 } });
  };
}

async function branchHead(client: GitHubClient, repository: Repository, branch: string): Promise<string | undefined> {
  try {
    return (await client.rest.git.getRef({ ...repository, ref: `heads/${branch}` })).data.object.sha;
  } catch (error) {
    if (httpStatus(error) === 404) return undefined;
    throw error;
  }
}
