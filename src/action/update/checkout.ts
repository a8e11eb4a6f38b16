/**
 * Where the manifests checkout is: the `working-directory` input, relative to the workspace
 * (actions/checkout's `path:` puts it in a subdirectory). It names the checkout's top level,
 * which every path of a plan is relative to: a directory inside the checkout is refused, since a
 * run reads and writes the whole repository (its configuration too), and `paths` is what limits it.
 * Its `origin` is the repository a run reads and writes (none under `delivery: none`).
 */
import { realpath, stat } from "node:fs/promises";
import { isAbsolute, relative, resolve, sep } from "node:path";
import type { DeliveryMode } from "../../engine/config.js";
import { GitError, GitRepo } from "../../github/git.js";
import { InputError } from "../input-error.js";

/** The top level of the checkout at `workingDirectory`; says what to do when there is none, or when it is deeper. */
export async function checkoutRoot(workspace: string, workingDirectory: string): Promise<string> {
  const dir = resolve(workspace, workingDirectory);
  const named = workingDirectory === "." ? `the workspace (${workspace})` : `working-directory ${JSON.stringify(workingDirectory)} (${dir})`;
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) {
    // A file named here (a manifest's path) is there, just not a checkout: said as what it is.
    const what = info ? "is a file, not a directory," : "does not exist";
    throw new InputError(
      `working-directory ${JSON.stringify(workingDirectory)} ${what} in the workspace (${workspace}): give the path actions/checkout checked the manifests repository out to (its \`path\` input), relative to the workspace`,
    );
  }
  let top: string;
  try {
    top = (await new GitRepo(dir).run(["rev-parse", "--show-toplevel"])).trim();
  } catch (error) {
    if (!(error instanceof GitError) || !/not a git repository/i.test(error.stderr)) throw error;
    throw new Error(
      `${named} is not a git checkout: run actions/checkout first, with \`repository:\` naming the manifests repository when it is not this workflow's. ` +
        "If actions/checkout puts it in a subdirectory (its `path` input), set this step's working-directory to that path.",
      { cause: error },
    );
  }
  // git names the top level by its real path; the workspace may be under a symbolic link.
  const inside = relative(top, await realpath(dir));
  if (inside !== "") throw new InputError(deeperThanCheckout(workingDirectory, await realpath(workspace), top, inside));
  return top;
}

/**
 * A working-directory inside the checkout would widen the run to the whole repository, silently: say what to
 * write instead, the checkout's path (as the workspace holds it, when it does) and `paths` for the subdirectory.
 */
function deeperThanCheckout(workingDirectory: string, realWorkspace: string, top: string, inside: string): string {
  const fromWorkspace = relative(realWorkspace, top);
  const checkoutPath = fromWorkspace === "" ? "." : fromWorkspace.startsWith("..") || isAbsolute(fromWorkspace) ? top : fromWorkspace;
  const glob = `${inside.split(sep).join("/")}/**`;
  return (
    `working-directory ${JSON.stringify(workingDirectory)} is inside the checkout whose top level is ${top}: a run reads and writes the whole repository, ` +
    `so give the checkout's own path (actions/checkout's \`path\`), working-directory: ${checkoutPath}, ` +
    `and limit the run to that directory with paths: ${glob}`
  );
}

/**
 * The URL of the checkout's `origin`, the repository a run reads its branch from and writes to;
 * says what to do when there is none. Under `delivery: none` no branch is read or written, for
 * any target whatever its own delivery (delivery-groups.ts): a checkout without one is planned as
 * it stands, and the URL is undefined.
 */
export async function originUrl(checkout: GitRepo, mode: DeliveryMode): Promise<string | undefined> {
  try {
    return await checkout.remoteUrl("origin");
  } catch (error) {
    if (!(error instanceof GitError) || !/no such remote/i.test(error.stderr)) throw error;
    if (mode === "none") return undefined;
    throw new Error(
      `the checkout (${checkout.dir}) has no remote named origin, the repository gitops-promote reads the branch from and writes to: ` +
        "check the manifests repository out with actions/checkout, which adds it, or add it in an earlier step (git remote add origin <the repository's URL>); " +
        "delivery: none, which edits the checkout only, needs none",
      { cause: error },
    );
  }
}
