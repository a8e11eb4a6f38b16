/** The commit a delivery writes: its files' new contents, and, with `commit-via: git`, who commits it. */
import type { FilePlan } from "../engine/plan.js";
import type { DeliveryContext } from "./delivery-types.js";
import type { FileWrite, Identity, TreeEntry } from "./git.js";

/**
 * The committer of `commit-via: git` commits (the author defaults to it too). github.com's address on
 * every server: GitHub documents none for the bot on GHES or GHE.com, and 41898282 is the bot's id on
 * github.com only, so an address built from the host (users.noreply.HOST) would link no account either.
 */
export const BOT: Identity = { name: "github-actions[bot]", email: "41898282+github-actions[bot]@users.noreply.github.com" };

export async function gitCommit(
  ctx: DeliveryContext,
  parent: string,
  writes: readonly FileWrite[],
  message: string,
  author: Identity | undefined,
): Promise<string> {
  const tree = await ctx.git.writeTree(parent, writes);
  return ctx.git.commitTree(tree, parent, message, author ?? BOT, BOT);
}

/** New contents with the modes the files have in the tree (an executable stays executable). */
export function fileWrites(files: readonly FilePlan[], entries: ReadonlyMap<string, TreeEntry>): FileWrite[] {
  return files.map((f) => ({ path: f.path, content: f.after, mode: entries.get(f.path)?.mode ?? "100644" }));
}
