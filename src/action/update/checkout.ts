/**
 * Where the manifests checkout is: the `working-directory` input, relative to the workspace
 * (actions/checkout's `path:` puts it in a subdirectory). Its root is the repository's top
 * level, which every path of a plan is relative to, even when working-directory is deeper.
 * Its `origin` is the repository a run reads and writes.
 */
import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import { GitError, GitRepo } from "../../github/git.js";
import { InputError } from "../input-error.js";

/** The top level of the checkout at `workingDirectory`; says what to do when there is none. */
export async function checkoutRoot(workspace: string, workingDirectory: string): Promise<string> {
  const dir = resolve(workspace, workingDirectory);
  const named = workingDirectory === "." ? `the workspace (${workspace})` : `working-directory ${JSON.stringify(workingDirectory)} (${dir})`;
  const isDirectory = await stat(dir).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!isDirectory) {
    throw new InputError(
      `working-directory ${JSON.stringify(workingDirectory)} does not exist in the workspace (${workspace}): give the path actions/checkout checked the manifests repository out to (its \`path\` input), relative to the workspace`,
    );
  }
  try {
    return (await new GitRepo(dir).run(["rev-parse", "--show-toplevel"])).trim();
  } catch (error) {
    if (!(error instanceof GitError) || !/not a git repository/i.test(error.stderr)) throw error;
    throw new Error(
      `${named} is not a git checkout: run actions/checkout first, with \`repository:\` naming the manifests repository when it is not this workflow's. ` +
        "If actions/checkout puts it in a subdirectory (its `path` input), set this step's working-directory to that path.",
      { cause: error },
    );
  }
}

/**
 * The URL of the checkout's `origin`, the repository a run reads its branch from and writes to (a
 * target's delivery may push even under `delivery: none`); says what to do when there is none.
 */
export async function originUrl(checkout: GitRepo): Promise<string> {
  try {
    return await checkout.remoteUrl("origin");
  } catch (error) {
    if (!(error instanceof GitError) || !/no such remote/i.test(error.stderr)) throw error;
    throw new Error(
      `the checkout (${checkout.dir}) has no remote named origin, the repository gitops-promote reads the branch from and writes to: ` +
        "check the manifests repository out with actions/checkout, which adds it, or add it in an earlier step (git remote add origin <the repository's URL>)",
      { cause: error },
    );
  }
}
