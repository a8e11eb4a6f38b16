import { PassThrough, Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeGitHub, type FakeGitHub } from "../support/github-fake.js";
import { runCli, runMain, type CliResult } from "../support/cli.js";
import { main } from "../../src/cli/main.js";
import { streamIo } from "../../src/cli/io.js";

describe("gitops-promote dispatch, against the fake GitHub", () => {
  let fake: FakeGitHub;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    fake = await startFakeGitHub();
    await fake.createRepo("acme", "manifests", { "README.md": "manifests\n" });
    await fake.createRepo("acme", "manifests-eu", { "README.md": "manifests\n" });
    // GH_TOKEN, read first, empty: runCli's process inherits this one's environment, where it may be set.
    env = {
      GH_TOKEN: "",
      GITHUB_TOKEN: fake.token,
      GITHUB_API_URL: fake.apiUrl,
      GITHUB_REPOSITORY: "acme/app",
      GITHUB_SHA: "0123456789abcdef0123456789abcdef01234567",
    };
  });
  afterAll(() => fake.close());

  /** The command as main(argv, io) from source, with `env`. */
  function dispatch(argv: string[]): Promise<CliResult> {
    return runMain(["dispatch", ...argv], undefined, env);
  }

  it("sends one repository_dispatch per repository with payload v1", async () => {
    const result = await runCli(
      ["dispatch", "--repository", "acme/manifests", "--repository", "acme/manifests-eu", "--image", "ghcr.io/acme/app:1.2.4", "--target", "staging"],
      { env },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('acme/manifests: repository_dispatch "image-pushed"\nacme/manifests-eu: repository_dispatch "image-pushed"\n');
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
      {
        payload: null,
        dispatched: [],
        errors: [{ message: expect.stringContaining("invalid image reference") }, { message: expect.stringContaining("lower case") }],
      },
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

  it("advises lower case for an --image with an upper-case owner, without writing the image lower-cased", async () => {
    const result = await runCli(["dispatch", "--repository", "acme/manifests", "--image", "ghcr.io/Acme-Corp/app:1.2.4", "--dry-run"], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("an image name is written in lower case: write its registry and repository in lower case");
    expect(result.stderr).not.toContain("acme-corp");
  });

  it("never prints the token", async () => {
    const result = await runCli(["dispatch", "--repository", "acme/elsewhere", "--image", "ghcr.io/acme/app:1.2.4", "--json"], { env });
    expect(result.stdout + result.stderr).not.toContain(fake.token);
  });

  it("fails (exit 1) for a payload larger than GitHub takes for its event, said as the validator says it", async () => {
    const images = Array.from({ length: 2300 }, (_, i) => ["--image", `ghcr.io/acme/app-with-a-long-name-${i}:1.0.0`]).flat();
    const result = await dispatch(["--repository", "acme/manifests", ...images, "--dry-run"]);
    expect([result.code, result.stdout]).toEqual([1, ""]);
    expect(result.stderr).toMatch(
      /^error: client_payload: is \d+ bytes of JSON; GitHub requires less than 65536 bytes \(64KB\) in a repository_dispatch's client_payload\n$/,
    );
    // With --workflow the payload travels as the input `payload`, held to GitHub's limit for inputs, as the Action holds it.
    const workflow = await dispatch(["--repository", "acme/manifests", ...images, "--workflow", "promote.yml", "--dry-run"]);
    expect([workflow.code, workflow.stdout]).toEqual([1, ""]);
    expect(workflow.stderr).toMatch(
      /^error: inputs\.payload: is \d+ characters of JSON; GitHub allows at most 65535 characters in a workflow_dispatch's inputs\n$/,
    );
  });

  it("says what it sent once, on stdout; stderr follows only a --wait, as the run goes", async () => {
    const sent = await dispatch(["--repository", "acme/manifests", "--image", "ghcr.io/acme/app:1.2.4"]);
    expect(sent).toEqual({ code: 0, stdout: 'acme/manifests: repository_dispatch "image-pushed"\n', stderr: "" });
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

describe("gitops-promote dispatch reads its token as gh does: GH_TOKEN, else GITHUB_TOKEN", () => {
  let fake: FakeGitHub;
  beforeAll(async () => {
    fake = await startFakeGitHub();
    await fake.createRepo("acme", "manifests", { "README.md": "manifests\n" });
  });
  afterAll(() => fake.close());

  async function dispatch(argv: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
    let stdout = "";
    let stderr = "";
    const io = { stdout: (text: string) => (stdout += text), stderr: (text: string) => (stderr += text), env: { GITHUB_API_URL: fake.apiUrl, ...env } };
    const code = await main(["dispatch", "--repository", "acme/manifests", "--image", "ghcr.io/acme/app:1.2.4", ...argv], io);
    return { code, stdout, stderr };
  }

  it("sends with GH_TOKEN when both are set: in a workflow GITHUB_TOKEN is the job's own, GH_TOKEN the one set on purpose", async () => {
    const result = await dispatch([], { GH_TOKEN: fake.token, GITHUB_TOKEN: "ghs_theJobsOwnToken" });
    expect([result.code, result.stdout, result.stderr]).toEqual([0, 'acme/manifests: repository_dispatch "image-pushed"\n', ""]);
  });

  it("falls back to GITHUB_TOKEN, an empty GH_TOKEN counting as unset", async () => {
    expect((await dispatch([], { GH_TOKEN: "", GITHUB_TOKEN: fake.token })).code).toBe(0);
  });

  it("names the variable the refused token came from, and the one passed over, never the token", async () => {
    const refused = await dispatch([], { GH_TOKEN: "ghp_expiredPersonalToken", GITHUB_TOKEN: fake.token });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^error: acme\/manifests: repository_dispatch failed \(401: Bad credentials[^)]*\): the token in GH_TOKEN \(read before GITHUB_TOKEN, which is set too\) is missing, invalid or expired/,
    );
    expect(refused.stderr).not.toContain("ghp_expiredPersonalToken");
    fake.setAccess("acme", "manifests", "read");
    try {
      const readOnly = await dispatch([], { GITHUB_TOKEN: fake.token });
      expect(readOnly.stderr).toContain("the token in GITHUB_TOKEN can see acme/manifests but may not send it a repository_dispatch");
    } finally {
      fake.setAccess("acme", "manifests", "write");
    }
  });

  it("--json keeps the payload when a send fails, beside what was sent and why", async () => {
    const failed = await dispatch(["--repository", "acme/elsewhere", "--json"], { GH_TOKEN: fake.token });
    expect([failed.code, JSON.parse(failed.stdout)]).toEqual([
      1,
      {
        payload: { v: 1, images: ["ghcr.io/acme/app:1.2.4"] },
        dispatched: [{ repository: "acme/manifests", kind: "repository_dispatch", eventType: "image-pushed" }],
        errors: [{ message: expect.stringMatching(/^acme\/elsewhere: repository_dispatch failed \(404/) }],
      },
    ]);
  });

  it("exit 2 for a GITHUB_API_URL holding credentials, which are never said, before any request", async () => {
    const api = fake.apiUrl.replace("://", "://user:s3cret@");
    expect(await dispatch([], { GH_TOKEN: fake.token, GITHUB_API_URL: api })).toEqual({
      code: 2,
      stdout: "",
      stderr: `error: GITHUB_API_URL holds credentials (user:password@ before its host), which are never sent: the token goes in a header. Set GITHUB_API_URL to ${fake.apiUrl}\nRun 'gitops-promote dispatch --help' for usage.\n`,
    });
  });

  it("exit 2 for a GITHUB_REF that is no git ref (set by hand outside a runner), naming the variable, its value and the form, --dry-run included", async () => {
    const refusal = {
      code: 2,
      stdout: "",
      stderr:
        'error: GITHUB_REF "main" is not a git ref (refs/..., without spaces, control characters or any of ~^:?*[\\): ' +
        "the payload's source.ref is read from it; set it to one, or unset it to leave source.ref out\nRun 'gitops-promote dispatch --help' for usage.\n",
    };
    expect(await dispatch([], { GH_TOKEN: fake.token, GITHUB_REF: "main" })).toEqual(refusal);
    expect(await dispatch(["--dry-run"], { GITHUB_REF: "main" })).toEqual(refusal);
  });

  it("exit 2 with no token, naming both variables in the order read; a dry run needs none", async () => {
    expect(await dispatch([], {})).toEqual({
      code: 2,
      stdout: "",
      stderr: "error: dispatch needs a token in GH_TOKEN or GITHUB_TOKEN\nRun 'gitops-promote dispatch --help' for usage.\n",
    });
    expect((await dispatch(["--dry-run"], {})).code).toBe(0);
  });
});

describe("gitops-promote dispatch checks every flag's value before it sends, --dry-run included (exit 2)", () => {
  /** main(["dispatch", ...argv]) with no GitHub to reach: what is refused is refused before any request. */
  async function dispatch(argv: string[]): Promise<CliResult> {
    let stdout = "";
    let stderr = "";
    // A token, and an API that answers nothing: a value not refused up front would fail to send, with exit 1.
    const env = { GH_TOKEN: "ghs_dummy", GITHUB_API_URL: "http://127.0.0.1:1" };
    const io = { stdout: (text: string) => (stdout += text), stderr: (text: string) => (stderr += text), env };
    const code = await main(["dispatch", "--repository", "acme/manifests", "--image", "ghcr.io/acme/app:1.2.4", ...argv], io);
    return { code, stdout, stderr };
  }

  it.each([
    [["--event-type", "x".repeat(101)], `--event-type "${"x".repeat(101)}" is 101 characters long; GitHub allows at most 100`],
    [["--event-type", ""], "--event-type is empty; GitHub requires 1 to 100 characters (leave it out for the default, image-pushed)"],
    [
      ["--workflow", "../promote.yml"],
      '--workflow "../promote.yml" is not a file of .github/workflows/, the only directory GitHub runs workflows from: name the workflow by its file name there, e.g. promote.yml',
    ],
    [
      ["--workflow", "promote"],
      "--workflow \"promote\" is neither a workflow's file name nor its id: a workflow file's name ends in .yml or .yaml (did you mean promote.yml?)",
    ],
    [["--workflow", ""], "--workflow is empty: name the workflow by its file name in .github/workflows/, e.g. promote.yml, or by its id"],
    [["--workflow", "promote.yml", "--ref", "my branch"], '--ref "my branch" is not a branch or tag name'],
    [["--workflow", "promote.yml", "--ref", ""], "--ref is empty; leave it out to run the workflow on the repository's default branch"],
    // Names the send refuses (no owner ends in "-", no repository is "."), refused as a flag's value in a dry run too.
    [["--repository", "acme-/manifests"], '--repository "acme-/manifests" is not OWNER/NAME'],
    [["--repository", "acme/."], '--repository "acme/." is not OWNER/NAME'],
    [["acme/other"], "dispatch takes no positional arguments, got 1: acme/other (did you mean --repository acme/other?)"],
    [["ghcr.io/acme/api:2.0.0", "extra"], "dispatch takes no positional arguments, got 2: ghcr.io/acme/api:2.0.0 extra"],
  ])("%j", async (argv, message) => {
    const refusal = { code: 2, stdout: "", stderr: `error: ${message}\nRun 'gitops-promote dispatch --help' for usage.\n` };
    expect(await dispatch(argv)).toEqual(refusal);
    expect(await dispatch([...argv, "--dry-run"])).toEqual(refusal);
  });

  it("says each thing a refusal finds as an error of its own line, as update does", async () => {
    const refused = await dispatch(["--target", "a b", "--target", "c d"]);
    expect(refused).toEqual({
      code: 2,
      stdout: "",
      stderr:
        `error: --target: "a b" is not a target name: it must start with a letter or digit and hold only letters, digits, '.', '_' and '-'\n` +
        `error: --target: "c d" is not a target name: it must start with a letter or digit and hold only letters, digits, '.', '_' and '-'\n` +
        "Run 'gitops-promote dispatch --help' for usage.\n",
    });
  });

  it("fails a dry run whose payload cannot be printed (a full disk): the payload is all it makes", async () => {
    const full = new Writable({
      write: (_chunk, _encoding, callback) => callback(Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" })),
    });
    const stderr = new PassThrough();
    const code = await main(["dispatch", "--repository", "acme/manifests", "--image", "ghcr.io/acme/app:1.2.4", "--dry-run"], streamIo(full, stderr, {}));
    expect([code, String(stderr.read())]).toEqual([1, "error: could not write to standard output (ENOSPC: no space left on device, write)\n"]);
  });

  it("takes an image given twice once, however it is spelt, as update's --image and the dispatch Action's images take it", async () => {
    const twice = await dispatch(["--image", "ghcr.io/acme/app:1.2.4", "--image", "nginx:1.27", "--image", "docker.io/library/nginx:1.27", "--dry-run"]);
    expect([twice.code, twice.stderr, (JSON.parse(twice.stdout) as { images: unknown }).images]).toEqual([0, "", ["ghcr.io/acme/app:1.2.4", "nginx:1.27"]]);
  });

  it("takes a workflow by its file name, its path under .github/workflows/ or its id", async () => {
    for (const workflow of ["promote.yml", "promote.yaml", ".github/workflows/promote.yml", "4242"]) {
      expect((await dispatch(["--workflow", workflow, "--dry-run"])).code).toBe(0);
    }
  });

  it("--json: a refusal has the success's keys, the payload null as none was made", async () => {
    const refused = await dispatch(["extra", "--json"]);
    expect([refused.code, JSON.parse(refused.stdout)]).toEqual([
      2,
      { payload: null, dispatched: [], errors: [{ message: "dispatch takes no positional arguments, got 1: extra" }] },
    ]);
  });

  it("--json: a refusal that says two things lists them as two errors, as update's does", async () => {
    const refused = await dispatch(["--image", "ghcr.io/Acme/worker:1.2.4", "--json"]);
    expect([refused.code, (JSON.parse(refused.stdout) as { errors: unknown }).errors]).toEqual([
      2,
      [
        { message: '--image: invalid image reference "ghcr.io/Acme/worker:1.2.4": repository component "Acme" must be lower-case' },
        // Named as its flag, as the first is, and as update names it.
        { message: expect.stringMatching(/^--image: an image name is written in lower case: /) },
      ],
    ]);
  });
});
