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
  for (const file of plan.files) {
    const target = file.target === undefined ? undefined : targets.get(file.target);
    const d = target?.delivery;
    const mode = options.mode === "none" ? "none" : (d?.mode ?? options.mode);
    const group: Group = {
      mode,
      prBranch: mode === "pull-request" ? d?.branch || options.prBranch || pullRequestBranch(target?.name ?? imageBranchName(plan.images)) : "",
      merge: d?.merge ?? options.merge,
      mergeMethod: d?.mergeMethod ?? options.mergeMethod,
      labels: d?.labels ?? options.labels,
      reviewers: [...(d?.reviewers ?? options.reviewers), ...(d?.teamReviewers ?? []).map((t) => (t.includes("/") ? t : `${owner}/${t}`))],
      assignees: d?.assignees ?? [],
      draft: d?.draft ?? false,
      title: d?.title ?? options.title,
      target: mode === "pull-request" && (d?.branch || !options.prBranch) ? target?.name : undefined,
      messageTemplate: d?.commitMessage ?? options.messageTemplate,
      files: [],
    };
    // One pull request per branch: files of several targets on one branch share it. Pushes
    // with different templates are told apart, to be refused.
    const key = mode === "pull-request" ? `${mode}\0${group.prBranch}` : mode === "push" ? `${mode}\0${group.messageTemplate ?? ""}` : mode;
    const known = groups.get(key) ?? group;
    groups.set(key, known);
    known.files.push(file);
  }
  return [...groups.values()].map((g) => (g.target !== undefined && g.files.some((f) => f.target !== g.target) ? { ...g, target: undefined } : g));
}

/** The branch name without a target: the incoming image(s), e.g. `ghcr.io-acme-app`. */
function imageBranchName(images: readonly ImageRef[]): string {
  const names = [...new Set(images.map((i) => i.name))].sort();
  return names.length === 0 ? "update" : names.join("_");
}
