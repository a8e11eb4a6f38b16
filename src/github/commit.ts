/**
 * Commits through the GitHub Git Data API, as create-pull-request's sign-commits does:
 * one tree (on the parent's tree, contents inline, modes kept), one commit, one ref move.
 * GitHub signs such commits when the token is GITHUB_TOKEN or an App token and no author is
 * given (a run warns once when a commit comes back unsigned).
 *
 * Both branches move only from the head the run planned on; when another run or a person
 * moved it meanwhile we raise BranchMovedError for the caller to re-plan. The pull-request
 * branch is replaced (`force: true`) by compare-and-swap, the GraphQL `updateRefs` mutation
 * with `beforeOid`. The base branch only ever moves forward (`force: false`), through REST
 * `updateRef`, after a read of its head (advanceBranch).
 */
import type { FileWrite, Identity } from "./git.js";
import type { GitHubClient } from "./client.js";
import { errorMessage, httpStatus, refusedForGood } from "./errors.js";

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
    super(`branch ${branch} moved since this attempt read it`);
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
    tree: commit.files.map((f) => ({ path: f.path, mode: f.mode, type: "blob" as const, content: f.content })),
  });
  const created = await client.rest.git.createCommit({
    ...repository,
    message: commit.message,
    tree: tree.data.sha,
    parents: [commit.parent],
    ...(commit.author && { author: commit.author }),
  });
  const verified = created.data.verification?.verified ?? false;
  // An answer without a verification object says nothing either way.
  if (created.data.verification !== undefined && !verified && !warnedUnsigned.has(client)) {
    warnedUnsigned.add(client);
    client.log.warn(unsignedCommit(created.data.sha, commit.author));
  }
  return { sha: created.data.sha, tree: tree.data.sha, verified };
}

/** The clients (one per run) that said so once already: every commit of the run is unsigned for the same reason. */
const warnedUnsigned = new WeakSet<GitHubClient>();

/**
 * Why GitHub left an API commit unsigned. GitHub signs one as its committer; given an author,
 * it makes that identity the committer too (its documented default), and signs nothing.
 */
function unsignedCommit(sha: string, author: Identity | undefined): string {
  const why = author
    ? `the author input (${author.name} <${author.email}>) is its committer too (GitHub's default), and GitHub signs only the commits it commits itself; leave author out for Verified commits`
    : "GitHub did not sign it (GitHub Enterprise Server signs web and API commits only when web commit signing is on)";
  return `commit ${sha}, made through the API, is not signed (not Verified): ${why}. A rule that requires signed commits refuses it.`;
}

/** Tries of one base-branch move that GitHub refused while the branch stayed where we read it, and the pause before the second (doubling). */
const MOVE_ATTEMPTS = 4;
const MOVE_PAUSE_MS = 500;

/**
 * Moves an existing branch forward from `expected`, the head we planned on, to `sha`, a
 * descendant of it; BranchMovedError when the branch no longer holds `expected`.
 *
 * Through REST, whose refusals of a protected branch or a ruleset GitHub documents (GraphQL
 * updateRefs answers with its generic error). REST takes any fast forward, also one from an
 * older commit a person force-pushed the branch back to, so the branch is read first: a head
 * other than `expected` is a moved branch. Any other 422 or 409 ("Update is not a fast forward",
 * and what GitHub answers a ref update that met a concurrent one: "Reference cannot be
 * updated", "Reference update failed") is told by the branch itself, read again: holding our
 * commit, or a later one built on it, the move is done (a retry whose first try landed);
 * holding anything else but `expected`, it moved; still holding `expected`, the same move is
 * tried again after a pause (`sleep`, the delivery's), a few times, unless it was a refusal no
 * retry changes (a protection's, or a workflow change the token may not make: refusedForGood).
 */
export async function advanceBranch(
  client: GitHubClient,
  repository: Repository,
  branch: string,
  sha: string,
  expected: string,
  sleep: (ms: number) => Promise<void>,
): Promise<void> {
  if ((await branchHead(client, repository, branch)) !== expected) throw new BranchMovedError(branch);
  for (let attempt = 1; ; attempt++) {
    try {
      await client.rest.git.updateRef({ ...repository, ref: `heads/${branch}`, sha, force: false });
      return;
    } catch (error) {
      const status = httpStatus(error);
      if (status !== 422 && status !== 409) throw error;
      const current = await branchHead(client, repository, branch);
      if (current === sha || (current !== undefined && current !== expected && (await builtOn(client, repository, current, sha)))) return;
      if (current !== expected) throw new BranchMovedError(branch);
      // A protection's or a ruleset's refusal is no race: trying again changes nothing.
      if (refusedForGood(error)) throw error;
      if (attempt === MOVE_ATTEMPTS) {
        throw new Error(`could not move ${branch} to ${sha}: GitHub refused ${attempt} times while it stayed at ${expected}: ${errorMessage(error)}`, {
          cause: error,
        });
      }
      await sleep(MOVE_PAUSE_MS * 2 ** (attempt - 1));
    }
  }
}

const REPOSITORY_ID = `query($owner: String!, $name: String!) { repository(owner: $owner, name: $name) { id } }`;
/** updateRefs' "no such ref": as afterOid, a deletion. */
const NO_COMMIT = "0".repeat(40);
const UPDATE_REFS = `mutation($input: UpdateRefsInput!) { updateRefs(input: $input) { clientMutationId } }`;

/** Tries of one compare-and-swap that GitHub failed while the branch stayed as it was (a fault, not a race). */
const SWAP_ATTEMPTS = 3;

/**
 * GitHub refused to replace a pull-request branch: a ruleset or branch protection on it blocks
 * force pushes or updates from the token's actor, or the replacement changes a workflow file and
 * the token may not (the base changed one since the branch was built, or the branch held one the
 * rebuild leaves out). Trying again changes nothing; `branch` names it for the advice.
 */
export class BranchReplaceRefusedError extends Error {
  constructor(
    readonly branch: string,
    cause: unknown,
  ) {
    super(`GitHub refused to replace ${branch}: ${errorMessage(cause)}`, { cause });
    this.name = "BranchReplaceRefusedError";
  }
}

/**
 * Points a branch we own (the pull-request branch) at `sha`, replacing what it held (the
 * branch is regenerated, never merged into, like create-pull-request's), but only while it
 * still holds `expected`, the head we planned on (undefined: while it does not exist).
 * BranchMovedError when another run changed it meanwhile: its image must not be lost.
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
  await swapBranch(client, repository, branch, { before: expected, after: sha });
}

/**
 * One compare-and-swap, `before` -> `after`. After any failure the branch itself tells what
 * happened: holding `after`, our own request got there and only its answer was lost; holding
 * anything else, another run moved it; still holding `before`, GitHub failed, and we try again,
 * unless GitHub refused it for good (BranchReplaceRefusedError).
 */
async function swapBranch(client: GitHubClient, repository: Repository, branch: string, change: Swap): Promise<void> {
  const swap = await refSwap(client, repository, branch);
  for (let attempt = 1; ; attempt++) {
    try {
      await swap(change);
      return;
    } catch (error) {
      const current = await branchHead(client, repository, branch);
      if (current === change.after) return;
      if (current !== change.before) throw new BranchMovedError(branch);
      if (refusedForGood(error)) throw new BranchReplaceRefusedError(branch, error);
      if (attempt === SWAP_ATTEMPTS) {
        throw new Error(
          `could not replace ${branch} (${change.before} -> ${change.after}): GitHub failed ${attempt} times while it stayed at ${change.before}: ${errorMessage(error)}`,
          {
            cause: error,
          },
        );
      }
    }
  }
}

/**
 * Deletes a branch this run created, only while it still holds `sha`: another run may have
 * taken it over since, with its own image on it. GitHub answers a stale `before` with its
 * generic error, so after a failure the branch is read once: at another commit, it moved
 * (BranchMovedError); otherwise GitHub's error stands.
 */
export async function deleteOwnBranch(client: GitHubClient, repository: Repository, branch: string, sha: string): Promise<void> {
  const swap = await refSwap(client, repository, branch);
  try {
    await swap({ before: sha, after: NO_COMMIT });
  } catch (error) {
    const current = await branchHead(client, repository, branch).catch(() => undefined);
    if (current !== undefined && current !== sha) throw new BranchMovedError(branch);
    throw error;
  }
}

/** A branch's replacement: from `before` to `after` (NO_COMMIT deletes it). */
interface Swap {
  readonly before: string;
  readonly after: string;
}

/**
 * A compare-and-swap of one branch through GraphQL updateRefs. Not retried by the client:
 * GitHub answers a stale `before` with its generic "Something went wrong" error, which the
 * retry plugin would repeat for seconds as a fault.
 */
async function refSwap(client: GitHubClient, repository: Repository, branch: string): Promise<(change: Swap) => Promise<void>> {
  const { repository: found } = await client.graphql<{ repository: { id: string } }>(REPOSITORY_ID, { owner: repository.owner, name: repository.repo });
  return async ({ before, after }) => {
    const refUpdates = [{ name: `refs/heads/${branch}`, beforeOid: before, afterOid: after, force: true }];
    await client.graphql(UPDATE_REFS, { input: { repositoryId: found.id, refUpdates }, request: { retries: 0 } });
  };
}

/** Whether `head` is `commit` or built on it (others landed on it): one comparison, however far back. */
async function builtOn(client: GitHubClient, repository: Repository, head: string, commit: string): Promise<boolean> {
  // Only its status is read: one commit of the list is enough.
  const { data } = await client.rest.repos.compareCommitsWithBasehead({ ...repository, basehead: `${commit}...${head}`, per_page: 1 });
  return data.status === "ahead" || data.status === "identical";
}

async function branchHead(client: GitHubClient, repository: Repository, branch: string): Promise<string | undefined> {
  try {
    return (await client.rest.git.getRef({ ...repository, ref: `heads/${branch}` })).data.object.sha;
  } catch (error) {
    if (httpStatus(error) === 404) return undefined;
    throw error;
  }
}
