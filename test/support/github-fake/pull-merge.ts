// Merging a pull request the way GitHub does (merge commit, squash, rebase), shared by REST, GraphQL and auto-merge.
import type { GitIdentity } from "./bare-repo.js";
import { mergeRefused } from "./ref-rules.js";
import { isoNow, type Account, type MergeMethod, type MergeStateStatus, type PullState, type RepoState } from "./state.js";

export interface MergeRequest {
  method: MergeMethod;
  /** The head sha the caller saw; a different current head is GitHub's 409. */
  expectedHeadSha?: string;
  title?: string;
  message?: string;
  /** Auto-merge completing: the base's required checks and reviews are met (the fake runs and gives none). */
  requirementsMet?: boolean;
}

export type MergeOutcome = { ok: true; sha: string } | { ok: false; status: 405 | 409 | 422; message: string };

/** GitHub's committer for web merges and API commits (and what makes them "Verified"). */
export function githubCommitter(): GitIdentity {
  return { name: "GitHub", email: "noreply@github.com", date: isoNow() };
}

/**
 * Re-reads the head branch so the PR follows pushes, as on GitHub; a PR merged or closed meanwhile keeps the head it had.
 * With the fake's headLag, the PR shows its old head for a while after its branch moved, as GitHub's does.
 */
export async function refreshHead(repo: RepoState, pull: PullState): Promise<string> {
  if (pull.state === "open") {
    const sha = await repo.git.refSha(`refs/heads/${pull.head}`);
    if (sha === pull.headSha) pull.laggingHead = undefined;
    else if (sha && pull.state === "open" && !lagging(repo, pull, sha)) {
      pull.headSha = sha;
      pull.laggingHead = undefined;
      pull.updatedAt = isoNow();
    }
  }
  return pull.headSha;
}

/**
 * GitHub closes, unmerged, every open pull request whose head branch is deleted, by the API or by a push (Mergify's
 * delete_head_branch `force` option warns of it, docs.mergify.com/workflow/actions/delete_head_branch; a force-deleted
 * head closed the pull request for good in comit-network/comit-rs#3102): it keeps the head the branch last held, and
 * the account that deleted the branch closed it. A `fullRef` that is no branch closes nothing.
 */
export function closePullsOfDeletedBranch(repo: RepoState, fullRef: string, lastSha: string, by: Account): void {
  if (!fullRef.startsWith("refs/heads/")) return;
  const branch = fullRef.slice("refs/heads/".length);
  const now = isoNow();
  for (const pull of repo.pulls) {
    if (pull.state !== "open" || pull.head !== branch) continue;
    Object.assign(pull, { state: "closed", headSha: lastSha, laggingHead: undefined, closedAt: now, updatedAt: now, closedBy: { login: by.login, id: by.id } });
  }
}

/** Whether `pull` does not show `sha`, its branch's new head, yet (RepoState.headLag). */
function lagging(repo: RepoState, pull: PullState, sha: string): boolean {
  const lag = repo.headLag;
  if (!lag) return false;
  if (pull.laggingHead?.sha !== sha) {
    pull.laggingHead = { sha, seenAt: Date.now(), seenAtRequest: lag.served() };
    return true;
  }
  const passed = (bound: number | undefined, elapsed: number) => bound !== undefined && elapsed >= bound;
  return !passed(lag.requests, lag.served() - pull.laggingHead.seenAtRequest) && !passed(lag.ms, Date.now() - pull.laggingHead.seenAt);
}

/**
 * The scripted status, overridden by what git and the PR itself say (conflicts, draft). GitHub
 * computes it in the background: the answer to a PR's creation, its first look, says UNKNOWN
 * (REST `mergeable: null, mergeable_state: "unknown"`; docs.github.com/rest/pulls/pulls, "Get a pull request").
 */
export async function effectiveMergeState(repo: RepoState, pull: PullState, requirementsMet = false): Promise<MergeStateStatus> {
  if (pull.state !== "open") return "UNKNOWN";
  if (pull.draft) return "DRAFT";
  const head = await refreshHead(repo, pull);
  if (!pull.mergeabilityKnown) {
    pull.mergeabilityKnown = true;
    return "UNKNOWN";
  }
  const base = await repo.git.refSha(`refs/heads/${pull.base}`);
  if (!base || (await repo.git.mergeTree(base, head)) === undefined) return "DIRTY";
  // The fake runs no checks and gives no reviews: a base that requires either holds every pull request back.
  if (!requirementsMet && mergeRefused(repo.protections.get(pull.base)) !== undefined && mergeable.has(pull.mergeStateStatus)) return "BLOCKED";
  return pull.mergeStateStatus;
}

const mergeable: ReadonlySet<MergeStateStatus> = new Set(["CLEAN", "UNSTABLE", "HAS_HOOKS", "UNKNOWN"]);

/**
 * Each merge method's repository setting, and GitHub's refusals of it when the setting is off: by
 * the REST merge (405) and GraphQL's mergePullRequest alike ("Merge commits are not allowed on this
 * repository.", Mergifyio/mergify#48; "Squash merges …", akuity/kargo#6490, ridedott/merge-me-action#329),
 * and by enablePullRequestAutoMerge ("Merge method merge commits are not allowed on this repository",
 * wnbrb/wnb-rb-site#460; "Merge method squash merging …", tokuhirom/mutsu#5583). The rebase
 * wordings are assumed by analogy: no source quotes them.
 */
export const MERGE_METHODS: Readonly<Record<MergeMethod, { allowed: (repo: RepoState) => boolean; refused: string; autoMergeRefused: string }>> = {
  merge: {
    allowed: (repo) => repo.allowMergeCommit,
    refused: "Merge commits are not allowed on this repository.",
    autoMergeRefused: "Merge method merge commits are not allowed on this repository",
  },
  squash: {
    allowed: (repo) => repo.allowSquashMerge,
    refused: "Squash merges are not allowed on this repository.",
    autoMergeRefused: "Merge method squash merging is not allowed on this repository",
  },
  rebase: {
    allowed: (repo) => repo.allowRebaseMerge,
    refused: "Rebase merges are not allowed on this repository.",
    autoMergeRefused: "Merge method rebase merging is not allowed on this repository",
  },
};

export async function mergePull(repo: RepoState, pull: PullState, request: MergeRequest, actor: GitIdentity): Promise<MergeOutcome> {
  if (pull.state !== "open") return { ok: false, status: 405, message: "Pull Request is not mergeable" };
  if (!MERGE_METHODS[request.method].allowed(repo)) return { ok: false, status: 405, message: MERGE_METHODS[request.method].refused };
  const head = await refreshHead(repo, pull);
  if (request.expectedHeadSha && request.expectedHeadSha !== head) {
    return { ok: false, status: 409, message: "Head branch was modified. Review and try the merge again." };
  }
  // A draft "cannot be merged" (developer.github.com/changes/2019-02-14-draft-pull-requests), answered 405 "Pull Request is
  // still a draft" by REST and GraphQL alike (alexwlchan/auto_merge_my_pull_requests#1, ship-studio/ship-studio#482).
  if (pull.draft) return { ok: false, status: 405, message: "Pull Request is still a draft" };
  const held = request.requirementsMet ? undefined : mergeRefused(repo.protections.get(pull.base));
  if (held) return { ok: false, status: 405, message: held };
  if (!mergeable.has(await effectiveMergeState(repo, pull, request.requirementsMet)))
    return { ok: false, status: 405, message: "Pull Request is not mergeable" };

  const baseRef = `refs/heads/${pull.base}`;
  const base = await repo.git.refSha(baseRef);
  if (!base) return { ok: false, status: 422, message: "Base does not exist" };
  const commits = await repo.git.commitsBetween(base, head);
  const committer = githubCommitter();
  let sha: string | undefined;
  if (request.method === "rebase") {
    sha = base;
    for (const commit of commits) {
      const original = await repo.git.readCommit(commit);
      const tree = await repo.git.replayOnto((await repo.git.readCommit(sha)).tree, commit);
      if (!tree) return { ok: false, status: 405, message: "This branch can't be rebased" };
      sha = await repo.git.createCommit(tree, [sha], original.message, original.author, committer);
      repo.verified.add(sha);
    }
  } else {
    const tree = await repo.git.mergeTree(base, head);
    if (!tree) return { ok: false, status: 405, message: "Pull Request is not mergeable" };
    const title =
      request.title ?? (request.method === "merge" ? `Merge pull request #${pull.number} from ${repo.owner}/${pull.head}` : `${pull.title} (#${pull.number})`);
    const messages = await Promise.all(commits.map(async (c) => (await repo.git.readCommit(c)).message.trim()));
    const message = request.message ?? (request.method === "merge" ? pull.title : messages.map((m) => `* ${m}`).join("\n\n"));
    const author = { ...actor, date: committer.date };
    sha = await repo.git.createCommit(tree, request.method === "merge" ? [base, head] : [base], `${title}\n\n${message}\n`, author, committer);
    repo.verified.add(sha);
  }
  // GitHub merges a pull request once: another merge of it may have finished while this one ran.
  if (pull.state !== "open") return { ok: false, status: 405, message: "Pull Request is not mergeable" };
  if (!(await repo.git.casRef(baseRef, sha, base))) return { ok: false, status: 409, message: "Base branch was modified. Review and try the merge again." };
  const now = isoNow();
  // The head merged is the one read above: a read of the pull request while this merge ran may have followed a push since.
  Object.assign(pull, { state: "closed", merged: true, headSha: head, mergedAt: now, closedAt: now, updatedAt: now, mergeCommitSha: sha, autoMerge: null });
  return { ok: true, sha };
}
