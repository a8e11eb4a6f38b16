/**
 * What a delivery is given and what it lands: its options, the repository it works on, each
 * landing, and the failure that tells what landed before it.
 */
import type { Change, Warning } from "../change.js";
import type { DeliveryMode, MergeMethod, MergeMode } from "../engine/config.js";
import type { PayloadSource } from "../engine/payload.js";
import type { FilePlan } from "../engine/plan.js";
import type { GitHubClient } from "./client.js";
import type { Repository } from "./commit.js";
import { errorMessage } from "./errors.js";
import type { Timing } from "./timing.js";
import type { GitRepo, Identity, TreeEntry } from "./git.js";
import type { MergeOutcome } from "./merge.js";
import type { OpenPullRef, PullRequest } from "./pull-request.js";

export const COMMIT_VIAS = ["api", "git"] as const;
export type CommitVia = (typeof COMMIT_VIAS)[number];

/** How to land the changes; a target's `delivery` in the configuration overrides these per target. */
export interface DeliveryOptions {
  readonly mode: DeliveryMode;
  /** The branch to update or to open pull requests against; default: the remote's default branch. */
  readonly branch?: string;
  /** Pull-request branch; default `gitops-promote/<target or image>`. */
  readonly prBranch?: string;
  readonly title?: string;
  readonly body?: string;
  readonly labels: readonly string[];
  readonly reviewers: readonly string[];
  /** Teams to request a review from, `team` (of the repository's owner) or `org/team`; default none. */
  readonly teamReviewers?: readonly string[];
  /** Users to assign a new pull request to; default none. */
  readonly assignees?: readonly string[];
  /** Open new pull requests as drafts; default false. */
  readonly draft?: boolean;
  readonly merge: MergeMode;
  readonly mergeMethod: MergeMethod;
  readonly commitVia: CommitVia;
  /** A Go text/template (Flux's data model); our default message when absent. */
  readonly messageTemplate?: string;
  /** `.Values` of the template (e.g. the dispatch payload's source). */
  readonly templateValues?: Readonly<Record<string, string>>;
  /** The build that asked for the promotion (the dispatch payload's validated `source`): the default pull-request body links back to it. */
  readonly source?: PayloadSource;
  readonly author?: Identity;
  /** Plan and report only. */
  readonly dryRun: boolean;
  /**
   * How long (ms) a run keeps planning again on branches that keep moving, counted from its first
   * attempt (default 5 minutes): contention alone does not lose an update within it, however many runs overlap.
   */
  readonly retryFor?: number;
}

export type DeliveryContext = {
  readonly git: GitRepo;
  readonly remote: string;
  readonly repository: Repository;
  /** Created on first use: a `commit-via: git` push never needs the API or a token. */
  readonly client: () => GitHubClient;
  readonly log: (message: string) => void;
} & Timing;

/** One landed group of files, and where it left its branch. */
export type Landing = LandingParts & LandedAt;

/**
 * Where a landing left its branch, one of:
 * - `commit`: the branch's head after this landing, a commit this run made;
 * - `head`: the pull-request branch's head, a commit this run did not make: it left the branch as
 *   it was (the same content already there, the pull request left as it was or closed), or a later
 *   attempt found another run's commit there;
 * - neither: a dry run's landing, which writes nothing.
 */
export type LandedAt =
  | { readonly commit: string; readonly head?: undefined }
  | { readonly commit?: undefined; readonly head: string }
  | { readonly commit?: undefined; readonly head?: undefined };

interface LandingParts {
  readonly mode: DeliveryMode;
  /** The branch written: the base for push, the pull-request branch otherwise. */
  readonly branch: string;
  readonly files: readonly FilePlan[];
  readonly changes: readonly Change[];
  readonly pullRequest?: PullRequest;
  /** In a dry run: the open pull request on the branch, which a run would update. */
  readonly openPullRequest?: OpenPullRef;
  readonly merge?: MergeOutcome;
  /** The commit message (in a dry run: the one that would be used, before crediting the pull-request branch's co-authors). */
  readonly message?: string;
  /** What the delivery left undone or did unasked, and why (a pull request not merged, or merged without waiting; a file not carried). */
  readonly warnings?: readonly Warning[];
  /**
   * Files the base's plan edits that this landing planned again on its pull-request branch and
   * left as the branch holds them: what the base's plan says of them is no part of the run (it
   * did not edit them); the branch's plan says why, in `warnings`.
   */
  readonly replanned?: readonly string[];
}

/**
 * The delivery failed after its plan was made: `landings` says what landed before the failure (a
 * push on the base, a pull request opened), on this attempt or an earlier one whose pull-request
 * branch then moved; `warnings` what a success would have told beside it, of the last plan, each
 * once (a policy refusing a field, a file not parsed); `cause` what failed (giving up on a branch
 * that kept moving included). A failure with neither to tell (before any plan, or nothing landed
 * and no warning) is thrown as it is.
 */
export class DeliveryError extends Error {
  constructor(
    readonly landings: readonly Landing[],
    cause: unknown,
    readonly warnings: readonly Warning[] = [],
  ) {
    super(errorMessage(cause), { cause });
    this.name = "DeliveryError";
  }
}

/**
 * A commit of this run's values that an attempt moved a pull-request branch to, whatever came of
 * it: another run may carry it on in its own commit, and merge it, before this run tells a pull
 * request about it (carried.ts).
 */
export interface Pushed {
  readonly branch: string;
  readonly commit: string;
  /** The branch's head it replaced: a pull request merged there merged before it. */
  readonly replaced: string | undefined;
  /** This run's files on the branch, each holding the text the commit gave it. */
  readonly files: readonly FilePlan[];
  readonly message: string;
  /** The pull request open on the branch when it was pushed. */
  readonly open: number | undefined;
  /** The newest pull request the branch had had when it was read (0: none), undefined when the push made the branch. */
  readonly newest: number | undefined;
  /** When it was pushed (ms since the epoch, this runner's clock). */
  readonly at: number;
}

/** What a run keeps across its attempts about its pull-request branches. */
export interface RunMemory {
  /** The heads this run left on pull-request branches whose pull requests closed under it: the branch holding one is a leftover. */
  readonly stranded: ReadonlySet<string>;
  /** Told each commit of this run's values an attempt moved a pull-request branch to. */
  readonly pushed: (commit: Pushed) => void;
}

/** The base branch as this attempt read it: its name, its head and its files. */
export interface Head {
  readonly base: string;
  readonly head: string;
  readonly entries: ReadonlyMap<string, TreeEntry>;
}
