// The fake's in-memory model around the bare repos: what GitHub keeps outside git (PRs, dispatches, runs, access).
import type { BareRepo } from "./bare-repo.js";
import type { Protection } from "./ref-rules.js";

/** GraphQL's MergeStateStatus; a test scripts it to stand in for branch protection and checks. */
export type MergeStateStatus = "DIRTY" | "UNKNOWN" | "BLOCKED" | "BEHIND" | "DRAFT" | "UNSTABLE" | "HAS_HOOKS" | "CLEAN";
export type MergeMethod = "merge" | "squash" | "rebase";

/** What a token may do with a repo: `none` = GitHub's 404 (cross-repo GITHUB_TOKEN), `read` = 403 on writes. */
export type Access = "write" | "read" | "none";

export interface AutoMergeRequest {
  mergeMethod: MergeMethod;
  enabledAt: string;
  commitHeadline: string | null;
  commitBody: string | null;
}

export interface PullState {
  number: number;
  id: number;
  nodeId: string;
  title: string;
  body: string | null;
  head: string;
  base: string;
  /** The head commit when last seen; the PR follows its head branch like GitHub's does. */
  headSha: string;
  state: "open" | "closed";
  draft: boolean;
  merged: boolean;
  mergedAt: string | null;
  mergeCommitSha: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
  labels: string[];
  assignees: string[];
  reviewers: string[];
  teamReviewers: string[];
  maintainerCanModify: boolean;
  /** Scripted by the test (setMergeState); conflicts and drafts override it. Default CLEAN = no branch protection. */
  mergeStateStatus: MergeStateStatus;
  /** GitHub has computed whether it merges: false until its first look (the answer to its creation), which says "unknown". */
  mergeabilityKnown?: boolean;
  /** A head its branch moved to that it does not show yet (HeadLag), and when it was first seen there. */
  laggingHead?: { sha: string; seenAt: number; seenAtRequest: number };
  autoMerge: AutoMergeRequest | null;
  /** The bodies of the comments posted on it, oldest first. */
  comments: string[];
  /** The account whose token opened it: the pull request's `user`. */
  openedBy: Account;
  /** The account whose token closed it unmerged (the issue's `closed_by`); null while open, and on a merged one. */
  closedBy: Account | null;
}

/** A GitHub account as a pull request or issue names it. */
export interface Account {
  login: string;
  id: number;
}

export interface WorkflowRunState {
  id: number;
  workflowId: string;
  ref: string;
  headSha: string;
  status: "queued" | "in_progress" | "completed" | "waiting" | "requested" | "pending";
  conclusion: null | "success" | "failure" | "cancelled" | "skipped" | "timed_out" | "action_required" | "neutral";
  createdAt: string;
  updatedAt: string;
}

/**
 * How long a pull request keeps showing its old head after its branch moved: GitHub moves it in
 * a background job. It follows once either bound is passed, counted from the first look at the
 * moved branch (that look included).
 */
export interface HeadLag {
  /** API requests (REST or GraphQL, any) the fake answers meanwhile. */
  requests?: number;
  ms?: number;
}

export interface RepoSettings {
  defaultBranch: string;
  /** GitHub's "Allow auto-merge" setting; false makes enablePullRequestAutoMerge fail. */
  autoMergeAllowed: boolean;
  /** "Allow GitHub Actions to create and approve pull requests"; false makes POST /pulls answer 403. */
  actionsCanCreatePullRequests: boolean;
  /** "Allow merge commits", "Allow squash merging", "Allow rebase merging": a merge by a method not allowed is refused. */
  allowMergeCommit: boolean;
  allowSquashMerge: boolean;
  allowRebaseMerge: boolean;
  private: boolean;
}

export interface RepoState extends RepoSettings {
  owner: string;
  name: string;
  id: number;
  nodeId: string;
  git: BareRepo;
  createdAt: string;
  pulls: PullState[];
  runs: Map<number, WorkflowRunState>;
  /** Commits GitHub itself signed (API commits without an explicit committer). */
  verified: Set<string>;
  /** Branch protection by branch name (`protect`). */
  protections: Map<string, Protection>;
  /** The fake's headLag option, and the count of API requests it answered so far. */
  headLag?: HeadLag & { served(): number };
}

export interface RepositoryDispatch {
  owner: string;
  repo: string;
  eventType: string;
  clientPayload: Record<string, unknown> | undefined;
  token: string;
}

export interface WorkflowDispatch {
  owner: string;
  repo: string;
  workflowId: string;
  ref: string;
  inputs: Record<string, unknown> | undefined;
  returnRunDetails: boolean | undefined;
  runId: number;
  token: string;
}

/** GitHub-style node ids: a type prefix and an opaque base64 body. */
export const nodeId = {
  repository: (repoId: number) => `R_kgDO${Buffer.from(`repo:${repoId}`).toString("base64url")}`,
  pull: (repoId: number, number: number) => `PR_kwDO${Buffer.from(`pull:${repoId}:${number}`).toString("base64url")}`,
  parsePull(id: string): { repoId: number; number: number } | undefined {
    const m = /^PR_kwDO(.+)$/.exec(id);
    const decoded = m ? Buffer.from(m[1] ?? "", "base64url").toString() : "";
    const parts = /^pull:(\d+):(\d+)$/.exec(decoded);
    return parts ? { repoId: Number(parts[1]), number: Number(parts[2]) } : undefined;
  },
  parseRepository(id: string): number | undefined {
    const m = /^R_kgDO(.+)$/.exec(id);
    const parts = /^repo:(\d+)$/.exec(m ? Buffer.from(m[1] ?? "", "base64url").toString() : "");
    return parts ? Number(parts[1]) : undefined;
  },
  object: (kind: string, key: string) => `${kind}_kwDO${Buffer.from(key).toString("base64url")}`,
};

/** Where GitHub's clock stands while a test holds it (FakeGitHub.holdClock; one clock for the fakes of a test file); undefined: it runs with the wall clock. */
let heldAt: number | undefined;

/** GitHub's clock (ms), which stamps what it records (closed_at, commit dates) and dates its answers (Date). */
export function gitHubNow(): number {
  return heldAt ?? Date.now();
}

/** Stops GitHub's clock where it is now, until the function returned is called. */
export function holdGitHubClock(): () => void {
  heldAt = Date.now();
  return releaseGitHubClock;
}

/** Lets GitHub's clock run with the wall clock again. */
export function releaseGitHubClock(): void {
  heldAt = undefined;
}

export function isoNow(): string {
  return new Date(gitHubNow()).toISOString().replace(/\.\d{3}Z$/, "Z");
}
