/**
 * Work an earlier step left in the checkout, which push and pull-request delivery do not deliver: they
 * plan on the branch as fetched from origin, and never read the checkout's files or commits.
 */
import type { AsideWarning } from "../change.js";
import { fileKind } from "../engine/file-kind.js";
import { counted } from "../text/counted.js";
import type { GitRepo } from "./git.js";

/** How many paths of each kind the warning names. */
const NAMED = 5;

/**
 * One warning (an aside: no reason why nothing changed) when the checkout holds changed, staged or
 * untracked files the engine reads, or, on `base` itself, commits that origin's branch as
 * actions/checkout fetched it (`refs/remotes/<remote>/<base>`) lacks; undefined when it holds none.
 */
export async function workLeftInCheckout(git: GitRepo, remote: string, base: string, branch: string, mode: string): Promise<AsideWarning | undefined> {
  // --no-optional-locks: status would otherwise refresh the index, and the run writes nothing in the checkout.
  const status = await git.run(["--no-optional-locks", "status", "--porcelain=v1", "-z", "--untracked-files=all"]).catch(() => "");
  const changed: string[] = [];
  const untracked: string[] = [];
  const records = status.split("\0");
  for (let i = 0; i < records.length; i++) {
    const record = records[i]!;
    const [xy, path] = [record.slice(0, 2), record.slice(3)];
    // A rename or copy is followed by the path it came from.
    if (/[RC]/.test(xy[0] ?? "")) i++;
    if (path === "" || fileKind(path) === undefined) continue;
    (xy === "??" ? untracked : changed).push(path);
  }
  const commits = branch === base ? await localCommits(git, `refs/remotes/${remote}/${base}`) : 0;
  const parts = [
    ...(changed.length > 0 ? [`changed: ${named(changed)}`] : []),
    ...(untracked.length > 0 ? [`untracked: ${named(untracked)}`] : []),
    ...(commits > 0 ? [`${counted(commits, "local commit")} ${remote}'s ${base} lacks`] : []),
  ];
  if (parts.length === 0) return undefined;
  return {
    message:
      `the checkout holds work this run does not deliver (${parts.join("; ")}): delivery ${mode} plans on ${base} as fetched from ${remote}, not on the checkout. ` +
      "Commit and push it in an earlier step, or edit the checkout with delivery: none",
    aside: true,
  };
}

/** The commits HEAD has that `fetched` lacks; 0 when the checkout has no such ref. */
async function localCommits(git: GitRepo, fetched: string): Promise<number> {
  const count = await git.run(["rev-list", "--count", "HEAD", "--not", fetched, "--"]).catch(() => "0");
  return Number(count.trim()) || 0;
}

function named(paths: readonly string[]): string {
  const shown = paths.slice(0, NAMED).join(", ");
  return paths.length > NAMED ? `${shown} and ${paths.length - NAMED} more` : shown;
}
