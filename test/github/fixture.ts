/** A manifests repo on the fake GitHub and a local clone of it, as actions/checkout leaves it. */
import { execFile } from "node:child_process";
import { promisify } from "node:util";

import type { FakeGitHub, FileSpec } from "../support/github-fake.js";
import { GitRepo } from "../../src/github/git.js";
import { tempDir } from "../support/temp.js";

export const OWNER = "acme";
export const REPO = "manifests";

export async function checkout(fake: FakeGitHub, files: Record<string, FileSpec>, options: { shallow?: boolean } = {}): Promise<{ dir: string; git: GitRepo }> {
  await fake.createRepo(OWNER, REPO, files);
  const dir = await cloneRepo(fake, options);
  return { dir, git: new GitRepo(dir) };
}

/** Another checkout of the repo (each job of a workflow has its own). */
export async function cloneRepo(fake: FakeGitHub, options: { shallow?: boolean } = {}): Promise<string> {
  const dir = await tempDir("gp-checkout-");
  // async: the fake serves git from this very process, a sync clone would deadlock it
  await promisify(execFile)("git", ["clone", "--quiet", ...(options.shallow ? ["--depth=1"] : []), fake.gitUrl(OWNER, REPO), dir]);
  return dir;
}

/** A Deployment manifest holding one image. */
export function deployment(name: string, image: string): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  template:
    spec:
      containers:
        - name: ${name}
          image: ${image} # the running build
`;
}

/** Calls to the REST/GraphQL API (git smart HTTP excluded). */
export function apiCalls(fake: FakeGitHub): FakeGitHub["calls"] {
  return fake.calls.filter((c) => c.operationId !== "git");
}
