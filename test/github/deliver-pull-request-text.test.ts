/** What a run's pull requests say by default: a target's own pull request is titled after it, so the ones a run opens are told apart. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { deliver, type DeliveryContext, type DeliveryOptions } from "../../src/github/deliver.js";
import type { FakeGitHub } from "../support/github-fake.js";
import { APP, appManifests, configureTargets, OWNER, REPO } from "./fixture.js";

const request = { images: [`${APP}:1.1.0`], setters: [], sets: [], paths: [] };
const options: DeliveryOptions = { mode: "pull-request", labels: [], reviewers: [], merge: "none", mergeMethod: "merge", commitVia: "api", dryRun: false };

describe("deliver: the default title of a target's pull request", () => {
  let fake: FakeGitHub;
  let ctx: DeliveryContext;
  beforeEach(async () => {
    ({ fake, ctx } = await appManifests(["staging", "prod"]));
  });
  afterEach(() => fake.close());

  const titles = () => fake.pulls(OWNER, REPO).map((p) => [p.head, p.title]);

  it("names the target, each pull request on its own branch; the commit message stays the run's", async () => {
    await configureTargets(fake, { staging: "{ mode: pull-request }", prod: "{ mode: pull-request, branch: deploy/prod }" });
    const result = await deliver(ctx, request, options);
    expect(titles()).toEqual([
      ["deploy/prod", `chore(deploy): prod: ${APP} 1.0.0 -> 1.1.0`],
      ["gitops-promote/staging", `chore(deploy): staging: ${APP} 1.0.0 -> 1.1.0`],
    ]);
    expect(result.landings.map((l) => l.message)).toEqual([
      `chore(deploy): ${APP} 1.0.0 -> 1.1.0\n\n- prod/app.yaml\n`,
      `chore(deploy): ${APP} 1.0.0 -> 1.1.0\n\n- staging/app.yaml\n`,
    ]);
  });

  it("names no target on the pr-branch input, which every target shares", async () => {
    await configureTargets(fake, { staging: "{ mode: pull-request }", prod: "{ mode: pull-request }" });
    await deliver(ctx, request, { ...options, prBranch: "deploy/all" });
    expect(titles()).toEqual([["deploy/all", `chore(deploy): ${APP} 1.0.0 -> 1.1.0`]]);
  });

  it("names no target on a branch two targets' delivery share", async () => {
    await configureTargets(fake, { staging: "{ mode: pull-request, branch: deploy/all }", prod: "{ mode: pull-request, branch: deploy/all }" });
    await deliver(ctx, request, options);
    expect(titles()).toEqual([["deploy/all", `chore(deploy): ${APP} 1.0.0 -> 1.1.0`]]);
  });

  it("leaves a configured title and a template's subject as they are", async () => {
    await configureTargets(fake, {
      staging: "{ mode: pull-request, title: Staging release }",
      prod: '{ mode: pull-request, commit-message: "Promote to prod" }',
    });
    await deliver(ctx, request, options);
    expect(titles()).toEqual([
      ["gitops-promote/prod", "Promote to prod"],
      ["gitops-promote/staging", "Staging release"],
    ]);
  });
});
