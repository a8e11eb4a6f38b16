import { describe, expect, it } from "vitest";
import type { FilePlan, Plan } from "../../src/engine/plan.js";
import { groupFiles } from "../../src/github/delivery-groups.js";
import type { DeliveryOptions } from "../../src/github/delivery-types.js";
import { parseImageRef } from "../../src/image/reference.js";

const file = (path: string, target: string): FilePlan => ({ path, before: "a\n", after: "b\n", changes: [], target });

/** Staging pushes as the inputs say; production's configuration opens its own pull request. */
const plan: Plan = {
  files: [file("prod/app.yaml", "production"), file("staging/app.yaml", "staging")],
  changes: [],
  warnings: [],
  targets: [{ name: "staging" }, { name: "production", delivery: { mode: "pull-request", merge: "auto" } }],
  images: [parseImageRef("ghcr.io/acme/app:1.3.0")],
};

const options = (mode: DeliveryOptions["mode"]): DeliveryOptions => ({
  mode,
  labels: [],
  reviewers: [],
  merge: "none",
  mergeMethod: "merge",
  commitVia: "api",
  dryRun: false,
});

describe("groupFiles", () => {
  it("lands each target's files as its delivery says, the inputs' where it sets none", () => {
    const groups = groupFiles(plan, options("push"), "acme");
    expect(groups.map((g) => [g.mode, g.prBranch, g.merge, g.files.map((f) => f.path)])).toEqual([
      ["pull-request", "gitops-promote/production", "auto", ["prod/app.yaml"]],
      ["push", "", "none", ["staging/app.yaml"]],
    ]);
  });

  it("lands nothing when the inputs say delivery none, whatever a target's delivery says: the workflow's own steps take the edits", () => {
    const groups = groupFiles(plan, options("none"), "acme");
    expect(groups.map((g) => [g.mode, g.files.map((f) => f.path)])).toEqual([["none", ["prod/app.yaml", "staging/app.yaml"]]]);
  });

  it("opens the pull request as a draft, with the inputs' assignees and teams, where the target's delivery sets none of its own", () => {
    const withPeople = { ...options("pull-request"), draft: true, assignees: ["alice"], teamReviewers: ["sre", "other-org/ops"] };
    const own: Plan = { ...plan, targets: [{ name: "staging" }, { name: "production", delivery: { mode: "pull-request", draft: false, assignees: ["bob"] } }] };
    const byTarget = Object.fromEntries(groupFiles(own, withPeople, "acme").map((g) => [g.files[0]!.target, [g.draft, g.assignees, g.reviewers]]));
    expect(byTarget).toEqual({
      production: [false, ["bob"], ["acme/sre", "other-org/ops"]],
      staging: [true, ["alice"], ["acme/sre", "other-org/ops"]],
    });
  });
});
