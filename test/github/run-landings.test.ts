/**
 * A run's attempts, each landing on the same pull-request branch, told as one landing: the most the
 * run did to the pull request, what the branch holds now, and whose commit is at its head.
 */
import { describe, expect, it } from "vitest";
import type { Change } from "../../src/change.js";
import type { FilePlan } from "../../src/engine/plan.js";
import type { Landing } from "../../src/github/delivery-types.js";
import type { PullRequestOperation } from "../../src/github/pull-request.js";
import { landingsOfRun } from "../../src/github/run-landings.js";

const BRANCH = "gitops-promote/prod";
const file = (path: string, version: string): FilePlan => {
  const change: Change = { file: path, line: 1, kind: "image", key: "image", old: "app:1.0.0", new: `app:${version}` };
  return { path, before: "image: app:1.0.0\n", after: `image: app:${version}\n`, changes: [change] };
};
const onPullRequest = (operation: PullRequestOperation, files: readonly FilePlan[], at: { commit: string } | { head: string }): Landing => ({
  mode: "pull-request",
  branch: BRANCH,
  files,
  changes: files.flatMap((f) => f.changes),
  pullRequest: { number: 1, url: "https://github.com/acme/manifests/pull/1", nodeId: "PR_1", operation, autoMerge: false },
  ...at,
});

describe("landingsOfRun: one pull request's landings over a run's attempts", () => {
  it("tells the most the run did to the pull request: opening it outranks updating it, closing it outranks both", () => {
    const [opened] = landingsOfRun([onPullRequest("created", [file("a.yaml", "1.1.0")], { commit: "c1" }), onPullRequest("updated", [], { commit: "c2" })]);
    expect(opened!.pullRequest!.operation).toBe("created");
    const [closed] = landingsOfRun([onPullRequest("updated", [], { commit: "c1" }), onPullRequest("closed", [], { head: "c1" })]);
    expect(closed!.pullRequest!.operation).toBe("closed");
  });

  it("tells the files of the last attempt that rebuilt the branch, not those of the earlier ones", () => {
    const earlier = onPullRequest("created", [file("a.yaml", "1.1.0"), file("b.yaml", "1.1.0")], { commit: "c1" });
    const [rebuilt] = landingsOfRun([earlier, onPullRequest("updated", [file("a.yaml", "1.2.0")], { commit: "c2" })]);
    expect(rebuilt!.files.map((f) => [f.path, f.after])).toEqual([["a.yaml", "image: app:1.2.0\n"]]);
    expect(rebuilt!.changes.map((c) => c.new)).toEqual(["app:1.2.0"]);
    // A later attempt that wrote nothing there (the pull request left as it was) tells nothing new of its files.
    const [left] = landingsOfRun([earlier, onPullRequest("none", [], { head: "c1" })]);
    expect(left!.files.map((f) => f.path)).toEqual(["a.yaml", "b.yaml"]);
  });

  it("tells the head the last attempt left, as this run's commit when one of its attempts made it, else as another run's", () => {
    const ours = onPullRequest("created", [file("a.yaml", "1.1.0")], { commit: "c1" });
    const [foundOurs] = landingsOfRun([ours, onPullRequest("none", [], { head: "c1" })]);
    expect([foundOurs!.commit, foundOurs!.head]).toEqual(["c1", undefined]);
    const [replaced] = landingsOfRun([ours, onPullRequest("none", [], { head: "theirs" })]);
    expect([replaced!.commit, replaced!.head]).toEqual([undefined, "theirs"]);
  });
});
