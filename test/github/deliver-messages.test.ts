/** Which template each commit's message comes from, and that a bad one fails before anything is written. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { deliver, type DeliveryContext, type DeliveryOptions } from "../../src/github/deliver.js";
import type { FakeGitHub } from "../support/github-fake.js";
import { APP, appManifests, configureTargets, OWNER, REPO } from "./fixture.js";

const request = { images: [`${APP}:1.1.0`], setters: [], sets: [], paths: [] };
const push: DeliveryOptions = { mode: "push", labels: [], reviewers: [], merge: "none", mergeMethod: "merge", commitVia: "api", dryRun: false };

describe("deliver: commit-message templates", () => {
  let fake: FakeGitHub;
  let ctx: DeliveryContext;
  beforeEach(async () => {
    ({ fake, ctx } = await appManifests(["staging", "prod"]));
  });
  afterEach(() => fake.close());

  /** Targets staging and prod, each holding the app at 1.0.0, with the given `delivery` (YAML). */
  const targets = (staging: string, prod: string) => configureTargets(fake, { staging, prod });

  /** Everything the fake holds that a run could have written. */
  const written = async () => ({ refs: await fake.refs(OWNER, REPO), pulls: fake.pulls(OWNER, REPO) });

  it.each(["api", "git"] as const)(
    "a push target's own commit-message is the pushed commit's message, as the dry run shows (commit-via %s)",
    async (commitVia) => {
      await targets('{ mode: push, commit-message: "deploy {{ len .Changed.Changes }} to staging" }', "{ mode: pull-request }");
      const dry = await deliver(ctx, request, { ...push, commitVia, dryRun: true, messageTemplate: "from the input" });
      expect(dry.landings.find((l) => l.mode === "push")?.message).toBe("deploy 1 to staging");

      const real = await deliver(ctx, request, { ...push, commitVia, messageTemplate: "from the input" });
      expect(real.landings.find((l) => l.mode === "push")?.message).toBe("deploy 1 to staging");
      const [top] = await fake.log(OWNER, REPO, "main");
      expect(top!.message).toBe("deploy 1 to staging");
    },
  );

  it("push targets with one and the same template land as one commit", async () => {
    const same = '{ mode: push, commit-message: "deploy {{ len .Changed.FileChanges }} files" }';
    await targets(same, same);
    const result = await deliver(ctx, request, push);
    expect(result.landings.map((l) => [l.mode, l.files.length, l.message])).toEqual([["push", 2, "deploy 2 files"]]);
  });

  it.each([
    ["its own and the inputs'", '{ mode: push, commit-message: "staging {{ len .Changed.Changes }}" }', "{ mode: push }"],
    ["two of their own", '{ mode: push, commit-message: "staging" }', '{ mode: push, commit-message: "prod" }'],
  ])("push targets with different templates (%s) are refused, naming them, before anything is written", async (_, staging, prod) => {
    await targets(staging, prod);
    const before = await written();
    const refused = /push targets prod, staging land as one commit but set different commit-message templates/;
    await expect(deliver(ctx, request, { ...push, dryRun: true })).rejects.toThrow(refused);
    await expect(deliver(ctx, request, push)).rejects.toThrow(refused);
    expect(await written()).toEqual(before);
  });

  it.each([
    ["fails to render", "{{ .Nope.X }}", /commit-message template line 1: can't evaluate field Nope/],
    // Refused as the configuration is read, at its line.
    [
      "does not parse",
      "{{ if .Values }}no end",
      /^\.github\/gitops-promote\.yaml:\d+: targets\[1\]\.delivery\.commit-message: missing \{\{end\}\} for this \{\{if\}\}$/,
    ],
  ])("a pull-request target's template that %s fails before the push lands", async (_, template, error) => {
    await targets("{ mode: push }", `{ mode: pull-request, commit-message: ${JSON.stringify(template)} }`);
    const before = await written();
    await expect(deliver(ctx, request, push)).rejects.toThrow(error);
    expect(await written()).toEqual(before);
    expect(await fake.readFile(OWNER, REPO, "main", "staging/app.yaml")).toContain(`${APP}:1.0.0`);
  });

  it("the commit-message input that fails to render for a second pull request fails before the first is opened", async () => {
    await targets("{ mode: pull-request }", '{ mode: pull-request, commit-message: "prod {{ len .Changed.Changes }}" }');
    const before = await written();
    await expect(deliver(ctx, request, { ...push, commitVia: "git", messageTemplate: "{{ .Updated.Images }}" })).rejects.toThrow(
      /can't evaluate field Updated/,
    );
    expect(await written()).toEqual(before);
  });

  it("a --setter value names the commit and the pull-request branch as an incoming image does", async () => {
    await fake.commitFile(OWNER, REPO, "main", "web.yaml", 'image: ghcr.io/acme/web:1.0.0 # {"$imagepolicy": "flux-system:web"}\n');
    const setter = { images: [], setters: ["flux-system:web=ghcr.io/acme/web:2.0.0"], sets: [], paths: [] };
    const dry = await deliver(ctx, setter, { ...push, mode: "pull-request", dryRun: true });
    expect(dry.landings.map((l) => [l.branch, l.message])).toEqual([
      ["gitops-promote/ghcr.io-acme-web", "chore(deploy): ghcr.io/acme/web 1.0.0 -> 2.0.0\n\n- web.yaml\n"],
    ]);
  });
});
