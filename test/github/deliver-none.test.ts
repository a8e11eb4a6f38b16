/** delivery none: the request is planned on the checkout as it stands, and the edits stay there for the workflow's next steps. */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { deliver, DeliveryError, type DeliveryContext, type DeliveryOptions } from "../../src/github/deliver.js";
import type { FakeGitHub } from "../support/github-fake.js";
import { GitRepo } from "../../src/github/git.js";
import { actionsCheckout, apiCalls, APP, appManifests, configureTargets, deployment, OWNER, REPO, warningsOf } from "./fixture.js";

const request = (...images: string[]) => ({ images, setters: [], sets: [], paths: [] });
const none: DeliveryOptions = { mode: "none", labels: [], reviewers: [], merge: "none", mergeMethod: "merge", commitVia: "api", dryRun: false };

let fake: FakeGitHub;
afterEach(() => fake.close());

async function start(envs: string[] = ["prod"]): Promise<DeliveryContext> {
  const manifests = await appManifests(envs);
  fake = manifests.fake;
  return manifests.ctx;
}
const workspaceFile = (ctx: DeliveryContext, path: string) => readFile(join(ctx.git.dir, path), "utf8");

it("edits the checkout's own branch, not the default branch: a staging checkout keeps staging's lines", async () => {
  const ctx = await start();
  const staging = `${deployment("app", `${APP}:1.0.0`)}  replicas: 3 # staging only\n`;
  await fake.commitFile(OWNER, REPO, "staging", "prod/app.yaml", staging);
  await ctx.git.run(["fetch", "--quiet", "origin", "staging"]);
  await ctx.git.run(["checkout", "--quiet", "-b", "staging", "FETCH_HEAD"]);
  const main = await fake.readFile(OWNER, REPO, "main", "prod/app.yaml");

  const result = await deliver(ctx, request(`${APP}:1.1.0`), none);
  expect(await workspaceFile(ctx, "prod/app.yaml")).toBe(staging.replace(`${APP}:1.0.0`, `${APP}:1.1.0`));
  expect([result.changed, result.base, result.landings.map((l) => [l.mode, l.branch, l.changes.map((c) => c.new)])]).toEqual([
    true,
    "staging",
    [["none", "staging", [`${APP}:1.1.0`]]],
  ]);
  expect(await fake.readFile(OWNER, REPO, "main", "prod/app.yaml")).toBe(main);
  expect(apiCalls(fake)).toEqual([]);
});

it("keeps what earlier steps left in the checkout: two runs in a row keep both edits, and an uncommitted line stays", async () => {
  const ctx = await start();
  const sidecar = "ghcr.io/acme/sidecar";
  const text = `${deployment("app", `${APP}:1.0.0`)}        - name: sidecar\n          image: ${sidecar}:0.1.0\n`;
  await writeFile(join(ctx.git.dir, "prod/app.yaml"), `# edited by an earlier step\n${text}`);

  await deliver(ctx, request(`${APP}:1.1.0`), none);
  const second = await deliver(ctx, request(`${sidecar}:0.2.0`), none);
  expect(await workspaceFile(ctx, "prod/app.yaml")).toBe(`# edited by an earlier step\n${text.replace("1.0.0", "1.1.0").replace("0.1.0", "0.2.0")}`);
  expect(second.plan.changes.map((c) => c.new)).toEqual([`${sidecar}:0.2.0`]);
});

it("keeps the checkout's line endings (CRLF, as core.autocrlf leaves a working tree), where the blob has LF", async () => {
  const ctx = await start();
  const crlf = deployment("app", `${APP}:1.0.0`).replaceAll("\n", "\r\n");
  await writeFile(join(ctx.git.dir, "prod/app.yaml"), crlf);
  await deliver(ctx, request(`${APP}:1.1.0`), none);
  expect(await workspaceFile(ctx, "prod/app.yaml")).toBe(crlf.replace("1.0.0", "1.1.0"));
});

it("a dry run plans on the checkout (a file an earlier step added included) and writes nothing", async () => {
  const ctx = await start();
  await writeFile(join(ctx.git.dir, "prod/added.yaml"), deployment("added", `${APP}:1.0.0`));
  const result = await deliver(ctx, request(`${APP}:1.1.0`), { ...none, dryRun: true });
  expect(result.plan.changes.map((c) => [c.file, c.new])).toEqual([
    ["prod/added.yaml", `${APP}:1.1.0`],
    ["prod/app.yaml", `${APP}:1.1.0`],
  ]);
  expect(await workspaceFile(ctx, "prod/app.yaml")).toBe(deployment("app", `${APP}:1.0.0`));
  expect(await workspaceFile(ctx, "prod/added.yaml")).toBe(deployment("added", `${APP}:1.0.0`));
});

it("a target whose own delivery is none, in a run that pushes the others, is edited in the checkout from the checkout's text", async () => {
  const ctx = await start(["staging", "prod"]);
  await configureTargets(fake, { staging: "{ mode: push }", prod: "{ mode: none }" });
  await ctx.git.run(["pull", "--quiet", "origin", "main"]);
  const local = `# prod, edited by an earlier step\n${deployment("app", `${APP}:1.0.0`)}`;
  await writeFile(join(ctx.git.dir, "prod/app.yaml"), local);

  const result = await deliver(ctx, request(`${APP}:1.1.0`), { ...none, mode: "push" });
  expect(result.landings.map((l) => [l.mode, l.files.map((f) => f.path)])).toEqual([
    ["push", ["staging/app.yaml"]],
    ["none", ["prod/app.yaml"]],
  ]);
  expect(await workspaceFile(ctx, "prod/app.yaml")).toBe(local.replace("1.0.0", "1.1.0"));
  expect(await fake.readFile(OWNER, REPO, "main", "prod/app.yaml")).toBe(deployment("app", `${APP}:1.0.0`));
  expect(await fake.readFile(OWNER, REPO, "main", "staging/app.yaml")).toBe(deployment("app", `${APP}:1.1.0`));
});

it("the input's none lands every target in the checkout, one whose own delivery is push too: nothing is pushed, and no origin is read", async () => {
  const ctx = await start(["staging", "prod"]);
  await configureTargets(fake, { staging: "{ mode: push }", prod: "{ mode: pull-request }" });
  await ctx.git.run(["pull", "--quiet", "origin", "main"]);
  await ctx.git.run(["remote", "remove", "origin"]);
  const refs = await fake.refs(OWNER, REPO);

  const result = await deliver(ctx, request(`${APP}:1.1.0`), none);
  expect(result.landings.map((l) => [l.mode, l.files.map((f) => f.path)])).toEqual([["none", ["prod/app.yaml", "staging/app.yaml"]]]);
  expect(await workspaceFile(ctx, "staging/app.yaml")).toBe(deployment("app", `${APP}:1.1.0`));
  expect(await fake.refs(OWNER, REPO)).toEqual(refs);
  expect(apiCalls(fake)).toEqual([]);
});

it("a write that fails after the plan carries the plan's warnings, as a failure after the other deliveries' plans does", async () => {
  const ctx = await start();
  await writeFile(join(ctx.git.dir, "prod/broken.yaml"), `image: ${APP}:1.0.0\nlist: [a, b\n`);
  // The name writePlan stages prod/app.yaml's new text under, taken: its write fails, as root too, whom no read-only mode stops.
  await mkdir(join(ctx.git.dir, `prod/app.yaml.gitops-promote-${process.pid}.tmp`));
  const error = (await deliver(ctx, request(`${APP}:1.1.0`), none).catch((e: unknown) => e)) as DeliveryError;
  expect(error).toBeInstanceOf(DeliveryError);
  expect([error.landings, error.cause]).toMatchObject([[], { code: "EEXIST" }]);
  expect(warningsOf(error)).toEqual([expect.stringMatching(/^prod\/broken\.yaml: not edited: not valid YAML: /)]);
  expect(await workspaceFile(ctx, "prod/app.yaml")).toBe(deployment("app", `${APP}:1.0.0`));
});

it("warns of a file that ends in an unclosed bracket at its last line, where the Action's annotation points", async () => {
  const ctx = await start();
  await writeFile(join(ctx.git.dir, "prod/broken.yaml"), `image: ${APP}:1.0.0\nlist: [a, b\n`);
  const result = await deliver(ctx, request(`${APP}:1.1.0`), { ...none, dryRun: true });
  expect(result.plan.warnings.filter((w) => w.file === "prod/broken.yaml").map((w) => [w.line, w.message])).toEqual([
    [2, "not edited: not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]"],
  ]);
});

it("refuses a configuration outside the checkout as the request's mistake, before git lists it", async () => {
  const ctx = await start();
  for (const [config, why] of [
    ["../promote.yaml", 'must stay inside the root (no "..")'],
    ["/etc/promote.yaml", "must be relative to the root"],
  ]) {
    await expect(deliver(ctx, { ...request(`${APP}:1.1.0`), config }, none)).rejects.toThrow(`config: "${config}" ${why}`);
  }
  expect(await workspaceFile(ctx, "prod/app.yaml")).toBe(deployment("app", `${APP}:1.0.0`));
});

describe("a sparse checkout (actions/checkout's sparse-checkout, cone mode)", () => {
  /** prod's target allows 1.x only; the checkout holds prod/ and, with `withConfig`, .github/. */
  async function sparse(withConfig: boolean): Promise<DeliveryContext> {
    const ctx = await start(["staging", "prod"]);
    const staging = `  - name: staging\n    paths: ["staging/**"]\n    images: [{ repository: ${APP} }]\n    delivery: { mode: push }\n`;
    const prod = `  - name: prod\n    paths: ["prod/**"]\n    images: [{ repository: ${APP}, policy: { semver: { range: "^1.0.0" } } }]\n    delivery: { mode: none }\n`;
    await fake.commitFile(OWNER, REPO, "main", ".github/gitops-promote.yaml", `targets:\n${staging}${prod}`);
    const dir = await actionsCheckout(fake, { sparse: withConfig ? ["prod", ".github"] : ["prod"] });
    return { ...ctx, git: new GitRepo(dir) };
  }

  it("that leaves the configuration out is refused before anything is written: planned without it, its policies would not apply", async () => {
    const ctx = await sparse(false);
    for (const options of [none, { ...none, dryRun: true }]) {
      await expect(deliver(ctx, request(`${APP}:2.0.0`), options)).rejects.toThrow(
        "the configuration .github/gitops-promote.yaml is not in the checkout: sparse-checkout leaves it out, and delivery none plans on the checkout's files, " +
          "so its targets and policies would not apply. Add .github to actions/checkout's `sparse-checkout` (or run `git sparse-checkout add .github`); nothing was written",
      );
    }
    // Pushing staging, the run would then edit prod in the checkout: refused before the push.
    const main = await fake.refs(OWNER, REPO);
    await expect(deliver(ctx, request(`${APP}:1.1.0`), { ...none, mode: "push" })).rejects.toThrow(
      /^the configuration .github\/gitops-promote.yaml is not in the checkout/,
    );
    expect(await fake.refs(OWNER, REPO)).toEqual(main);
    expect(await workspaceFile(ctx, "prod/app.yaml")).toBe(deployment("app", `${APP}:1.0.0`));
    expect(await ctx.git.run(["status", "--porcelain"])).toBe("");
  });

  it("that holds the configuration plans with it: the policy keeps 2.0.0 out", async () => {
    const ctx = await sparse(true);
    const result = await deliver(ctx, request(`${APP}:2.0.0`), none);
    expect(result.changed).toBe(false);
    expect(warningsOf(result).join("\n")).toMatch(/outside its policy \(semver \^1\.0\.0\)/);
  });
});
