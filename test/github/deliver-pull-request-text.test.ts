/**
 * What a run's pull requests say by default: a target's own pull request is titled after it, so
 * the ones a run opens are told apart, and the body links back to the build that asked for it.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { deliver, type DeliveryContext, type DeliveryOptions } from "../../src/github/deliver.js";
import type { FakeGitHub } from "../support/github-fake.js";
import { APP, appManifests, configureTargets, deployment, OWNER, REPO } from "./fixture.js";

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

  describe("a branch two targets share across runs, each run for one of them", () => {
    const forTarget = (target: string, version: string) => ({ ...request, images: [`${APP}:${version}`], targets: [target] });
    const rows = () =>
      fake
        .pulls(OWNER, REPO)[0]!
        .body!.split("\n")
        .filter((l) => l.startsWith("| "));

    it("their delivery's branch: titled after every image and version on it, no longer after the first run's target; the table names each row's", async () => {
      await configureTargets(fake, { staging: "{ mode: pull-request, branch: deploy/all }", prod: "{ mode: pull-request, branch: deploy/all }" });
      await deliver(ctx, forTarget("staging", "1.1.0"), options);
      expect(titles()).toEqual([["deploy/all", `chore(deploy): staging: ${APP} 1.0.0 -> 1.1.0`]]);

      await deliver(ctx, forTarget("prod", "1.2.0"), options);
      expect(titles()).toEqual([["deploy/all", `chore(deploy): ${APP} 1.1.0 and 1.2.0`]]);
      expect(rows()).toEqual([
        "| Target | File | Field | Old | New | Image |",
        "| --- | --- | --- | --- | --- | --- |",
        `| prod | <code>prod/app.yaml:10</code> | <code>spec.template.spec.containers&#91;0&#93;.image</code> | <code>${APP}:1.0.0</code> | <code>${APP}:1.2.0</code> | <code>${APP}</code> |`,
        `| staging | <code>staging/app.yaml:10</code> | <code>spec.template.spec.containers&#91;0&#93;.image</code> | <code>${APP}:1.0.0</code> | <code>${APP}:1.1.0</code> | <code>${APP}</code> |`,
      ]);

      // The first target's next run: the branch still carries the other's value.
      await deliver(ctx, forTarget("staging", "1.2.0"), options);
      expect(titles()).toEqual([["deploy/all", `chore(deploy): ${APP} 1.0.0 -> 1.2.0`]]);
    });

    it("the pr-branch input: titled after every version on it, not the last run's", async () => {
      await configureTargets(fake, { staging: "{ mode: pull-request }", prod: "{ mode: pull-request }" });
      await deliver(ctx, forTarget("staging", "1.1.0"), { ...options, prBranch: "deploy/all" });
      await deliver(ctx, forTarget("prod", "1.2.0"), { ...options, prBranch: "deploy/all" });
      expect(titles()).toEqual([["deploy/all", `chore(deploy): ${APP} 1.1.0 and 1.2.0`]]);
      expect(
        rows()
          .slice(2)
          .map((row) => row.split(" | ")[0]),
      ).toEqual(["| prod", "| staging"]);
    });
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

describe("deliver: the default body links back to the build that asked for the promotion", () => {
  let fake: FakeGitHub;
  let ctx: DeliveryContext;
  beforeEach(async () => {
    ({ fake, ctx } = await appManifests(["prod"]));
  });
  afterEach(() => fake.close());

  const sha = "0123456789abcdef0123456789abcdef01234567";
  const source = { repository: "acme/app", sha, ref: "refs/tags/v1.1.0", run_url: "https://github.com/acme/app/actions/runs/42", actor: "alice" };
  const body = () => fake.pulls(OWNER, REPO)[0]!.body!.split("\n");

  it("above the table, from the payload's source; a later run's build replaces it, as its value the earlier one", async () => {
    await deliver(ctx, request, { ...options, source });
    expect(body().slice(0, 3)).toEqual([
      `Requested by acme/app@${sha} ([run](https://github.com/acme/app/actions/runs/42)) by \`@alice\``,
      "",
      "| File | Field | Old | New | Image |",
    ]);

    const later = { ...source, sha: "89abcdef0123456789abcdef0123456789abcdef", run_url: "https://github.com/acme/app/actions/runs/43", actor: "bob" };
    await deliver(ctx, { ...request, images: [`${APP}:1.2.0`] }, { ...options, source: later });
    expect(body()[0]).toBe("Requested by acme/app@89abcdef0123456789abcdef0123456789abcdef ([run](https://github.com/acme/app/actions/runs/43)) by `@bob`");
    expect(body().filter((l) => l.startsWith("| <code>"))).toEqual([
      `| <code>prod/app.yaml:10</code> | <code>spec.template.spec.containers&#91;0&#93;.image</code> | <code>${APP}:1.0.0</code> | <code>${APP}:1.2.0</code> | <code>${APP}</code> |`,
    ]);
  });

  it("not in a configured body, nor without a source", async () => {
    await deliver(ctx, request, { ...options, source, body: "Our release." });
    expect(fake.pulls(OWNER, REPO)[0]!.body).toBe("Our release.");

    await fake.close();
    ({ fake, ctx } = await appManifests(["prod"]));
    await deliver(ctx, request, options);
    expect(body()[0]).toBe("| File | Field | Old | New | Image |");
  });
});

describe("deliver: a template's text opens the body, as text", () => {
  let fake: FakeGitHub;
  let ctx: DeliveryContext;
  beforeEach(async () => {
    ({ fake, ctx } = await appManifests(["prod"]));
  });
  afterEach(() => fake.close());

  it("in a fence: the repository's file names and the payload's values cannot hide the table, mention a team or load an image", async () => {
    const evil = "prod/@acme/admins <b>hi</b> <!-- x.yaml";
    await fake.commitFile(OWNER, REPO, "main", evil, deployment("app", `${APP}:1.0.0`));
    const messageTemplate =
      "chore(deploy): promote\n\n{{ range $filename, $_ := .Changed.FileChanges -}}\n- {{ $filename }}\n{{ end -}}\nSource: {{ .Values.ref }}";
    const ref = "refs/heads/<img/src=//evil.test/r.png>@acme/security";
    await deliver(ctx, request, { ...options, messageTemplate, templateValues: { ref } });
    const body = fake.pulls(OWNER, REPO)[0]!.body!.split("\n");
    expect(body.slice(0, 7)).toEqual(["```", `- ${evil}`, "- prod/app.yaml", `Source: ${ref}`, "```", "", "| File | Field | Old | New | Image |"]);
    expect(body.filter((l) => l.startsWith("| <code>"))).toHaveLength(2);
  });
});
