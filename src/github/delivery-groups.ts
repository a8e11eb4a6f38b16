/** Splitting a plan's files by how each lands: pushed, in which pull request, or left in the checkout. */
import type { DeliveryMode, MergeMethod, MergeMode } from "../engine/config.js";
import type { FilePlan, Plan, PlannedTarget } from "../engine/plan.js";
import type { ImageRef } from "../image/reference.js";
import type { DeliveryOptions } from "./delivery-types.js";
import { pullRequestBranch, type PullRequestSpec } from "./pull-request.js";

/** Files that share one way of landing. */
export interface Group extends Pick<PullRequestSpec, "labels" | "reviewers" | "assignees" | "draft"> {
  readonly mode: DeliveryMode;
  readonly prBranch: string;
  readonly merge: MergeMode;
  readonly mergeMethod: MergeMethod;
  readonly title: string | undefined;
  /**
   * The target whose own pull request this is (on the branch named after it, or the one its
   * delivery sets), to name in the default title; undefined on the pr-branch input, which all
   * targets share, or when the group holds files of several targets.
   */
  readonly target: string | undefined;
  readonly messageTemplate: string | undefined;
  readonly files: FilePlan[];
}

/**
 * Splits the plan by how each file lands: a target's `delivery` overrides the inputs, except
 * the input `delivery: none`, which asks that nothing land (the workflow's own steps take the
 * edits from the checkout) and so holds for every target.
 */
export function groupFiles(plan: Plan, options: DeliveryOptions, owner: string): Group[] {
  const targets = new Map<string, PlannedTarget>(plan.targets.map((t) => [t.name, t]));
  const groups = new Map<string, Group>();
  for (const file of plan.files) join(groups, groupOf(file.target === undefined ? undefined : targets.get(file.target), plan, options, owner), [file]);
  return [...groups.values()];
}

/**
 * The pull requests this request would land in, each once by branch, with no files: those of the
 * targets in scope whose delivery is pull-request, and, with the input's pull-request delivery, the
 * one of files in no target. A plan that changes nothing on the base still looks at them: one may
 * propose other values than the base's (deliver).
 */
export function pullRequestGroups(plan: Plan, options: DeliveryOptions, owner: string): Group[] {
  if (options.mode === "none") return [];
  const groups = new Map<string, Group>();
  for (const target of [...plan.targets, undefined]) {
    const group = groupOf(target, plan, options, owner);
    if (group.mode === "pull-request") join(groups, group, []);
  }
  return [...groups.values()];
}

/**
 * `group`, with `files`, joined to the one in `groups` that lands the same way: one pull request
 * per branch, files of several targets on one branch sharing it (a branch several targets share
 * names none of them); pushes with different templates told apart, to be refused.
 */
function join(groups: Map<string, Group>, group: Group, files: readonly FilePlan[]): void {
  const key =
    group.mode === "pull-request" ? `${group.mode}\0${group.prBranch}` : group.mode === "push" ? `${group.mode}\0${group.messageTemplate ?? ""}` : group.mode;
  const known = groups.get(key);
  const joined = known === undefined ? group : known.target === group.target ? known : { ...known, target: undefined };
  joined.files.push(...files);
  groups.set(key, joined);
}

/** How the files of `target` (undefined: files in no target) land, with no files yet. */
function groupOf(target: PlannedTarget | undefined, plan: Plan, options: DeliveryOptions, owner: string): Group {
  const d = target?.delivery;
  const mode = options.mode === "none" ? "none" : (d?.mode ?? options.mode);
  return {
    mode,
    prBranch: mode === "pull-request" ? d?.branch || options.prBranch || pullRequestBranch(target?.name ?? imageBranchName(plan.images)) : "",
    merge: d?.merge ?? options.merge,
    mergeMethod: d?.mergeMethod ?? options.mergeMethod,
    labels: d?.labels ?? options.labels,
    reviewers: [
      ...(d?.reviewers ?? options.reviewers),
      ...(d?.teamReviewers ?? options.teamReviewers ?? []).map((t) => (t.includes("/") ? t : `${owner}/${t}`)),
    ],
    assignees: d?.assignees ?? options.assignees ?? [],
    draft: d?.draft ?? options.draft ?? false,
    title: d?.title ?? options.title,
    target: mode === "pull-request" && (d?.branch || !options.prBranch) ? target?.name : undefined,
    messageTemplate: d?.commitMessage ?? options.messageTemplate,
    files: [],
  };
}

/** The branch name without a target: the incoming image(s), e.g. `ghcr.io-acme-app`. */
function imageBranchName(images: readonly ImageRef[]): string {
  const names = [...new Set(images.map((i) => i.name))].sort();
  return names.length === 0 ? "update" : names.join("_");
}
