/**
 * The oldest git the update Action works with, checked once before it runs git, so that an old
 * runner image fails with what to install rather than with git's usage text at the first fetch.
 * - 2.29: `git fetch --no-write-fetch-head` (every fetch: the checkout's FETCH_HEAD stays the user's).
 * - 2.31: GIT_CONFIG_COUNT, which lends git the token under `persist-credentials: false`; an older
 *   git ignores it and asks for a user name it cannot read.
 * Not needed to run, only to tell more:
 * - 2.38: `git merge-tree --write-tree`, which tells a merge on a pull-request branch that brings
 *   only its parents' work (GitHub's "Update branch"); without it every merge counts as a person's.
 */
import { spawn } from "node:child_process";

type Version = readonly [major: number, minor: number];

const MIN_GIT: Version = [2, 29];
const MIN_GIT_LENDING: Version = [2, 31];
const MIN_GIT_MERGE_TREE: Version = [2, 38];

/** major.minor of `git --version` ("git version 2.45.1.windows.1", "git version 2.39.3 (Apple Git-146)"); undefined when it says none. */
export function parseGitVersion(text: string): Version | undefined {
  const match = /\bgit version (\d+)\.(\d+)/.exec(text);
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

/**
 * Why `git --version`'s answer is too old for this run, or undefined when it is not (or names no
 * version we could compare: a git that runs at all is given the benefit of the doubt).
 * @param lending whether the run lends git its token (the checkout kept no credentials)
 */
export function gitVersionIssue(versionText: string, lending: boolean): string | undefined {
  const version = parseGitVersion(versionText);
  if (version === undefined) return undefined;
  const said = versionText.trim().replace(/^git version /, "");
  if (older(version, MIN_GIT)) {
    return `git ${said} is too old: gitops-promote needs git ${MIN_GIT.join(".")} or later. Use a newer runner image, or install a newer git before this step.`;
  }
  if (lending && older(version, MIN_GIT_LENDING)) {
    return (
      `git ${said} is too old to be lent this step's token: the checkout kept no credentials (persist-credentials: false), ` +
      `and git reads the token this step lends it (through GIT_CONFIG_COUNT) from git ${MIN_GIT_LENDING.join(".")} on. ` +
      `Keep actions/checkout's credentials (persist-credentials: true, its default), or install git ${MIN_GIT_LENDING.join(".")} or later before this step.`
    );
  }
  return undefined;
}

/** Whether the git that says `versionText` has `merge-tree --write-tree` (one whose version it does not name is tried: a failure tells). */
export function writesMergeTrees(versionText: string): boolean {
  const version = parseGitVersion(versionText);
  return version === undefined || !older(version, MIN_GIT_MERGE_TREE);
}

function older(version: Version, than: Version): boolean {
  return version[0] < than[0] || (version[0] === than[0] && version[1] < than[1]);
}

/** What `git --version` prints; rejects, saying so, when there is no git to run. */
export function readGitVersion(): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn("git", ["--version"], { stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    child.stdout.on("data", (d: Buffer) => out.push(d));
    child.on("error", (error) => reject(new Error(`cannot run git (${error.message}): gitops-promote needs git ${MIN_GIT.join(".")} or later on PATH`)));
    child.on("close", (code) => (code === 0 ? resolve(Buffer.concat(out).toString("utf8")) : reject(new Error(`git --version failed (exit ${code})`))));
  });
}
