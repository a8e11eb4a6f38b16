// The fake's in-memory model around the bare repos: what GitHub keeps outside git (PRs, dispatches, runs, access).
import type { BareRepo } from "./bare-repo.js";

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
  autoMerge: AutoMergeRequest | null;
  /** The bodies of the comments posted on it, oldest first. */
  comments: string[];
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

export interface RepoSettings {
  defaultBranch: string;
  /** GitHub's "Allow auto-merge" setting; false makes enablePullRequestAutoMerge fail. */
  autoMergeAllowed: boolean;
  /** "Allow GitHub Actions to create and approve pull requests"; false makes POST /pulls answer 403. */
  actionsCanCreatePullRequests: boolean;
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

export function isoNow(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
}
