/**
 * `gitops-promote dispatch`: the app repo's side from any shell. The token comes from the
 * environment (GITHUB_TOKEN or GH_TOKEN), never from a flag, so it stays out of process
 * listings and shell history.
 */
import type { ParseArgsConfig } from "node:util";
import { protectToken, tokenIssue } from "../action/token.js";
import { buildPayload, sourceFromEnv, targetNameIssue } from "../engine/payload.js";
import { upperCaseHint } from "../engine/request.js";
import { checkIncomingImages } from "../engine/request.js";
import { apiUrlFromEnv } from "../github/api-url.js";
import { createClient } from "../github/client.js";
import { DEFAULT_EVENT_TYPE, DispatchError, dispatchImages, distinctRepositories, repeatedRepository, type DispatchResult } from "../github/dispatch.js";
import { printJson, UsageError, type Io } from "./io.js";

export const DISPATCH_HELP = `Usage: gitops-promote dispatch --repository OWNER/NAME --image REF [options]

Announces new images to one or more manifests repositories: a repository_dispatch event
(type ${DEFAULT_EVENT_TYPE} by default), or a workflow_dispatch of --workflow with the payload
in its input "payload". The token is read from GITHUB_TOKEN or GH_TOKEN; the API from
GITHUB_API_URL, else from GITHUB_SERVER_URL (GitHub Enterprise Server: HOST/api/v3;
GHE.com: api.SUBDOMAIN.ghe.com), else api.github.com.

Options:
  --repository OWNER/NAME   manifests repository (repeatable: fan-out)
  --image REF               image that was pushed, e.g. ghcr.io/acme/app:1.2.4@sha256:... (repeatable)
  --event-type TYPE         repository_dispatch event type (default ${DEFAULT_EVENT_TYPE})
  --workflow FILE           dispatch this workflow (e.g. promote.yml) instead
  --ref REF                 branch for --workflow (default: the repository's default branch)
  --target NAME             only these configured targets (repeatable)
  --wait                    with --workflow: follow the run and fail when it fails
  --dry-run                 print the payload, send nothing (update --payload - reads it)
  --json                    print one JSON object: {"payload", "dispatched"}
  -h, --help                this help

Exit codes: 0 sent, 1 failed, 2 bad usage.
`;

export const DISPATCH_OPTIONS = {
  repository: { type: "string", multiple: true },
  image: { type: "string", multiple: true },
  "event-type": { type: "string" },
  workflow: { type: "string" },
  ref: { type: "string" },
  target: { type: "string", multiple: true },
  wait: { type: "boolean" },
  "dry-run": { type: "boolean" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} satisfies ParseArgsConfig["options"];

export interface DispatchValues {
  readonly repository?: string[];
  readonly image?: string[];
  readonly "event-type"?: string;
  readonly workflow?: string;
  readonly ref?: string;
  readonly target?: string[];
  readonly wait?: boolean;
  readonly "dry-run"?: boolean;
  readonly json?: boolean;
}

export async function runDispatch(values: DispatchValues, io: Io): Promise<number> {
  const named = values.repository ?? [];
  const images = values.image ?? [];
  if (named.length === 0) throw new UsageError("dispatch needs --repository OWNER/NAME");
  if (images.length === 0) throw new UsageError("dispatch needs --image REF");
  const bad = named.find((r) => !/^[\w.-]+\/[\w.-]+$/.test(r));
  if (bad) throw new UsageError(`--repository ${JSON.stringify(bad)} is not OWNER/NAME`);
  const { repositories, repeated } = distinctRepositories(named);
  if (values.wait && !values.workflow) throw new UsageError("--wait needs --workflow: a repository_dispatch event starts no run we can follow");
  if (values.ref !== undefined && !values.workflow)
    throw new UsageError("--ref needs --workflow: a repository_dispatch event always runs on the default branch");
  if (values["event-type"] !== undefined && values.workflow)
    throw new UsageError("--event-type is for repository_dispatch; with --workflow the workflow itself is dispatched, with no event type");

  // A bad --image is bad usage, as in update; the payload check would say the same as a failure.
  const { issues } = checkIncomingImages(images, () => "--image");
  const hint = upperCaseHint(images);
  if (issues.length > 0) throw new UsageError([...issues.map((issue) => `${issue.field}: ${issue.reason}`), ...(hint ? [hint.message] : [])].join("\n"));
  // A target name no configuration could define is bad usage of the flag, as in update.
  const badTargets = (values.target ?? []).flatMap((name) => targetNameIssue(name) ?? []);
  if (badTargets.length > 0) throw new UsageError(badTargets.map((issue) => `--target: ${issue}`).join("\n"));
  const payload = buildPayload({ images, source: sourceFromEnv(io.env), ...(values.target && { targets: values.target }) });
  for (const names of repeated) io.stderr(`warning: ${repeatedRepository("--repository", names)}\n`);
  if (values["dry-run"]) {
    printJson(io, values.json ? { payload, dispatched: [] } : payload);
    return 0;
  }
  const tokenVariable = io.env["GITHUB_TOKEN"] ? "GITHUB_TOKEN" : "GH_TOKEN";
  const token = io.env[tokenVariable];
  if (!token) throw new UsageError("dispatch needs a token in GITHUB_TOKEN or GH_TOKEN");
  const tokenProblem = tokenIssue(token);
  if (tokenProblem !== undefined) throw new UsageError(`${tokenVariable} ${tokenProblem}`);
  // What GitHub, or a proxy on the way, answers may quote the request: its Authorization header, a URL's user:password@.
  const scrub = protectToken(token, () => {});
  const log = (line: string) => io.stderr(`${scrub(line)}\n`);
  const octokit = createClient({ token, baseUrl: apiUrlFromEnv(io.env), log });
  let result: DispatchResult;
  try {
    result = await dispatchImages(octokit, {
      repositories,
      payload,
      ...(values["event-type"] !== undefined && { eventType: values["event-type"] }),
      ...(values.workflow !== undefined && { workflow: values.workflow }),
      ...(values.ref !== undefined && { ref: values.ref }),
      // What is sent is printed once, on stdout, when all is sent; only a wait, which may take minutes, is followed
      // on stderr as it goes (each run's link as it starts, its status as it changes).
      ...(values.wait && { wait: true, log }),
    });
  } catch (error) {
    if (error instanceof DispatchError) throw new DispatchError(scrub(error.message), error.dispatched);
    if (error instanceof Error) error.message = scrub(error.message);
    throw error;
  }
  if (values.json) {
    printJson(io, result);
  } else {
    for (const d of result.dispatched) {
      const what = d.kind === "workflow_dispatch" ? `workflow ${d.workflow} on ${d.ref ?? "the default branch"}` : `event ${d.eventType}`;
      io.stdout(`${d.repository}: ${what}${d.runUrl ? ` -> ${d.runUrl}` : ""}${d.conclusion ? ` (${d.conclusion})` : ""}\n`);
    }
  }
  return 0;
}
