import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeGitHub, type FakeGitHub } from "../support/github-fake.js";
import { runCli, type CliResult } from "../support/cli.js";
import { main } from "../../src/cli/main.js";

describe("gitops-promote dispatch, against the fake GitHub", () => {
  let fake: FakeGitHub;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    fake = await startFakeGitHub();
    await fake.createRepo("acme", "manifests", { "README.md": "manifests\n" });
    await fake.createRepo("acme", "manifests-eu", { "README.md": "manifests\n" });
    env = { GITHUB_TOKEN: fake.token, GITHUB_API_URL: fake.apiUrl, GITHUB_REPOSITORY: "acme/app", GITHUB_SHA: "0123456789abcdef0123456789abcdef01234567" };
  });
  afterAll(() => fake.close());

  /** The command as main(argv, io) from source, with `env`. */
  async function dispatch(argv: string[]): Promise<CliResult> {
    let stdout = "";
    let stderr = "";
    const code = await main(["dispatch", ...argv], { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), env });
    return { code, stdout, stderr };
  }

  it("sends one repository_dispatch per repository with payload v1", async () => {
    const result = await runCli(
      ["dispatch", "--repository", "acme/manifests", "--repository", "acme/manifests-eu", "--image", "ghcr.io/acme/app:1.2.4", "--target", "staging"],
      { env },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe("acme/manifests: event image-pushed\nacme/manifests-eu: event image-pushed\n");
    expect(fake.dispatches.map((d) => [`${d.owner}/${d.repo}`, d.eventType, d.clientPayload])).toEqual(
      ["acme/manifests", "acme/manifests-eu"].map((repo) => [
        repo,
        "image-pushed",
        { v: 1, images: ["ghcr.io/acme/app:1.2.4"], source: { repository: "acme/app", sha: env["GITHUB_SHA"] }, targets: ["staging"] },
      ]),
    );
    expect(fake.violations).toEqual([]);
  });

  it("with GITHUB_SERVER_URL naming an enterprise server and no GITHUB_API_URL, sends to that server's API, not api.github.com", async () => {
    const before = fake.dispatches.length;
    const serverOnly = { ...env, GITHUB_API_URL: "", GITHUB_SERVER_URL: fake.url };
    const result = await runCli(["dispatch", "--repository", "acme/manifests", "--image", "ghcr.io/acme/app:1.2.5"], { env: serverOnly });
    expect(result.code, result.stderr).toBe(0);
    expect(fake.dispatches.slice(before).map((d) => d.clientPayload?.["images"])).toEqual([["ghcr.io/acme/app:1.2.5"]]);
  });

  it("never prints the token, nor a URL's password, that an answer quotes back (a proxy echoing the request)", async () => {
    const echoed = `authorization: token ${fake.token}; via https://user:s3cret@proxy.example/`;
    fake.inject({ operationId: "repos/create-dispatch-event", status: 400, body: { message: `Bad Request (${echoed})` } });
    const result = await runCli(["dispatch", "--repository", "acme/manifests", "--image", "ghcr.io/acme/app:1.2.4"], { env });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("authorization: token ***; via https://***@proxy.example/");
    expect(result.stderr + result.stdout).not.toContain(fake.token);
    expect(result.stderr + result.stdout).not.toContain("s3cret");
  });

  it("fails with exit 1 naming the repository and the token it needs when the token cannot see it", async () => {
    const result = await runCli(["dispatch", "--repository", "acme/elsewhere", "--image", "ghcr.io/acme/app:1.2.4"], { env });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("acme/elsewhere");
    expect(result.stderr).toMatch(/GitHub App|fine-grained/);
  });

  it.each([
    [["--wait"], "--wait needs --workflow"],
    [["--ref", "release"], "--ref needs --workflow"],
    [["--workflow", "promote.yml", "--event-type", "custom"], "--event-type is for repository_dispatch"],
    [["--image", "Foo:1"], '--image: invalid image reference "Foo:1"'],
    [["--image", "ghcr.io/acme/app"], '--image: "ghcr.io/acme/app" has no tag or digest'],
    [["--target", "prod uction"], '--target: "prod uction" is not a target name'],
    [["--target"], "--target needs a value"],
  ])("exit 2, nothing sent, for options that would have no effect or a value the option does not take: %j", async (options, message) => {
    const sent = () => fake.dispatches.length + fake.workflowDispatches.length;
    const before = sent();
    const result = await runCli(["dispatch", "--repository", "acme/manifests", "--image", "ghcr.io/acme/app:1.2.4", ...options], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(sent()).toBe(before);
  });

  it("--json prints one object when it fails too: what was sent before the failure and why", async () => {
    const failed = await runCli(
      ["dispatch", "--repository", "acme/manifests", "--repository", "acme/elsewhere", "--image", "ghcr.io/acme/app:1.2.4", "--json"],
      {
        env,
      },
    );
    expect(failed.code).toBe(1);
    const report = JSON.parse(failed.stdout) as { dispatched: { repository: string }[]; errors: { message: string }[] };
    expect(report.dispatched.map((d) => d.repository)).toEqual(["acme/manifests"]);
    expect(report.errors).toEqual([{ message: expect.stringContaining("acme/elsewhere") }]);
    const refused = await runCli(["dispatch", "--repository", "acme/manifests", "--image", "Foo:1", "--json"], { env });
    expect([refused.code, JSON.parse(refused.stdout)]).toEqual([
      2,
      { dispatched: [], errors: [{ message: expect.stringContaining("invalid image reference") }] },
    ]);
  });

  it("sends one event to a repository given twice, in any case, and warns about it", async () => {
    const before = fake.dispatches.length;
    const result = await runCli(["dispatch", "--repository", "acme/manifests", "--repository", "Acme/Manifests", "--image", "ghcr.io/acme/app:1.2.4"], { env });
    expect(result.code, result.stderr).toBe(0);
    expect(fake.dispatches.slice(before).map((d) => `${d.owner}/${d.repo}`)).toEqual(["acme/manifests"]);
    expect(result.stderr).toContain("warning: --repository names acme/manifests 2 times (acme/manifests, Acme/Manifests)");
  });

  it("exit 2, nothing sent, for a token of several lines, naming the variable and not the token", async () => {
    const before = fake.dispatches.length;
    const result = await runCli(["dispatch", "--repository", "acme/manifests", "--image", "ghcr.io/acme/app:1.2.4"], {
      env: { ...env, GITHUB_TOKEN: "-----BEGIN RSA PRIVATE KEY-----\nMIIEsecret\n-----END RSA PRIVATE KEY-----" },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("GITHUB_TOKEN holds a line break");
    expect(result.stderr).not.toContain("MIIE");
    expect(fake.dispatches.length).toBe(before);
  });

  it("suggests the lower-cased reference for an --image with an upper-case owner", async () => {
    const result = await runCli(["dispatch", "--repository", "acme/manifests", "--image", "ghcr.io/Acme-Corp/app:1.2.4", "--dry-run"], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("did you mean ghcr.io/acme-corp/app:1.2.4?");
  });

  it("never prints the token", async () => {
    const result = await runCli(["dispatch", "--repository", "acme/elsewhere", "--image", "ghcr.io/acme/app:1.2.4", "--json"], { env });
    expect(result.stdout + result.stderr).not.toContain(fake.token);
  });

  it("fails (exit 1) for a payload larger than GitHub takes, said as the validator says it", async () => {
    const images = Array.from({ length: 2300 }, (_, i) => ["--image", `ghcr.io/acme/app-with-a-long-name-${i}:1.0.0`]).flat();
    const result = await dispatch(["--repository", "acme/manifests", ...images, "--dry-run"]);
    expect([result.code, result.stdout]).toEqual([1, ""]);
    expect(result.stderr).toMatch(/^error: client_payload: is \d+ bytes of JSON; GitHub requires less than 65536 \(64KB\)\n$/);
  });

  it("says what it sent once, on stdout; stderr follows only a --wait, as the run goes", async () => {
    const sent = await dispatch(["--repository", "acme/manifests", "--image", "ghcr.io/acme/app:1.2.4"]);
    expect(sent).toEqual({ code: 0, stdout: "acme/manifests: event image-pushed\n", stderr: "" });
    const json = await dispatch(["--repository", "acme/manifests", "--image", "ghcr.io/acme/app:1.2.4", "--json"]);
    expect([json.code, JSON.parse(json.stdout).dispatched, json.stderr]).toEqual([
      0,
      [{ repository: "acme/manifests", kind: "repository_dispatch", eventType: "image-pushed" }],
      "",
    ]);

    await fake.commitFile(
      "acme",
      "manifests",
      "main",
      ".github/workflows/promote.yml",
      "on:\n  workflow_dispatch:\n    inputs:\n      payload:\n        required: true\njobs: {}\n",
    );
    const before = fake.workflowDispatches.length;
    fake.inject({
      operationId: "actions/get-workflow-run",
      beforeHandle: () => fake.setWorkflowRun("acme", "manifests", fake.workflowDispatches[before]!.runId, { status: "completed", conclusion: "success" }),
    });
    const waited = await dispatch(["--repository", "acme/manifests", "--image", "ghcr.io/acme/app:1.2.4", "--workflow", "promote.yml", "--wait"]);
    const run = `${fake.url}/acme/manifests/actions/runs/${fake.workflowDispatches[before]!.runId}`;
    expect(waited.code, waited.stderr).toBe(0);
    expect(waited.stdout).toBe(`acme/manifests: workflow promote.yml on main -> ${run} (success)\n`);
    expect(waited.stderr.split("\n")).toEqual([
      `acme/manifests: started workflow promote.yml on main announcing ghcr.io/acme/app:1.2.4: ${run}`,
      expect.stringMatching(/^acme\/manifests: run \d+ concluded success: /),
      "",
    ]);
  });
});
