/** The commit a delivery writes: its files' new contents, who commits it, and how its branch moves to it. */
import type { FilePlan } from "../engine/plan.js";
import { advanceBranch, BranchMovedError, createApiCommit, setBranch } from "./commit.js";
import type { DeliveryContext, DeliveryOptions } from "./delivery-types.js";
import type { FileWrite, Identity, TreeEntry } from "./git.js";
import { sleepOf } from "./timing.js";

/**
 * The committer of `commit-via: git` commits (the author defaults to it too). github.com's address on
 * every server: GitHub documents none for the bot on GHES or GHE.com, and 41898282 is the bot's id on
 * github.com only, so an address built from the host (users.noreply.HOST) would link no account either.
 */
export const BOT: Identity = { name: "github-actions[bot]", email: "41898282+github-actions[bot]@users.noreply.github.com" };

/** A commit made, and the tree GitHub gave it (known only for an API commit). */
export interface MadeCommit {
  readonly sha: string;
  readonly tree: string | undefined;
}

/**
 * Where a commit lands: `branch`, moved only while it holds `expected` (undefined: while it does not
 * exist), else BranchMovedError. The base only moves forward (`advance`); our pull-request branch is
 * replaced (`replace`).
 */
export interface BranchMove {
  readonly branch: string;
  readonly expected: string | undefined;
  readonly how: "advance" | "replace";
}

/** `writes` committed on `parent` as `commit-via` says, and `move.branch` moved to it: pushed with a lease by git, or through the API. */
export async function commitOnBranch(
  ctx: DeliveryContext,
  options: Pick<DeliveryOptions, "commitVia" | "author">,
  parent: { readonly commit: string; readonly tree: string | undefined },
  writes: readonly FileWrite[],
  message: string,
  move: BranchMove,
): Promise<MadeCommit> {
  if (options.commitVia === "git") {
    const sha = await ctx.git.commitTree(await ctx.git.writeTree(parent.commit, writes), parent.commit, message, options.author ?? BOT, BOT);
    if ((await ctx.git.push(ctx.remote, sha, move.branch, move.expected ?? "")) === "rejected") throw new BranchMovedError(move.branch);
    return { sha, tree: undefined };
  }
  // A race lost while this attempt planned costs no tree and commit: git tells where the branch is, with no API call.
  if ((await ctx.git.remoteBranch(ctx.remote, move.branch)) !== move.expected) throw new BranchMovedError(move.branch);
  const made = await createApiCommit(ctx.client(), ctx.repository, {
    parent: parent.commit,
    baseTree: parent.tree ?? (await ctx.git.treeOf(parent.commit)),
    files: writes,
    message,
    ...(options.author && { author: options.author }),
  });
  if (move.how === "replace") await setBranch(ctx.client(), ctx.repository, move.branch, made.sha, move.expected);
  else await advanceBranch(ctx.client(), ctx.repository, move.branch, made.sha, move.expected!, sleepOf(ctx));
  return { sha: made.sha, tree: made.tree };
}

/** New contents with the modes the files have in the tree (an executable stays executable). */
export function fileWrites(files: readonly FilePlan[], entries: ReadonlyMap<string, TreeEntry>): FileWrite[] {
  return files.map((f) => ({ path: f.path, content: f.after, mode: entries.get(f.path)?.mode ?? "100644" }));
}
