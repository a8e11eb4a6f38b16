/**
 * `gitops-promote dispatch`: the app repo's side from any shell. The token comes from the
 * environment (GH_TOKEN, else GITHUB_TOKEN, as gh reads them), never from a flag, so it stays out
 * of process listings and shell history.
 */
import type { ParseArgsConfig } from "node:util";
import { protectToken, tokenIssue } from "../action/token.js";
import { isBranchName } from "../branch-name.js";
import { buildPayload, sourceEnvIssues, sourceFromEnv, targetNameIssue, type Payload } from "../engine/payload.js";
import { checkIncomingImages, upperCaseHint } from "../engine/request.js";
import { apiUrlFromEnv } from "../github/api-url.js";
import { createClient } from "../github/client.js";
import {
  DEFAULT_EVENT_TYPE,
  describeEvent,
  DispatchError,
  dispatchImages,
  distinctRepositories,
  eventTypeIssue,
  repeatedRepository,
  workflowIssue,
  type Dispatched,
  type DispatchResult,
} from "../github/dispatch.js";
import { splitRepositoryName } from "../github-name.js";
import { onceEachImage } from "../image/once-each.js";
import { tryParseImageRef } from "../image/reference.js";
import { didYouMean } from "../text/closest.js";
import { outputWritten, printJson, UsageError, type Io } from "./io.js";
import { parse } from "./parse.js";
import { TOKEN_VARIABLES, tokenFromEnv } from "./token.js";

export const DISPATCH_HELP = `Usage: gitops-promote dispatch --repository OWNER/NAME --image REF [options]

Announces new images to one or more manifests repositories: a repository_dispatch event
(type ${DEFAULT_EVENT_TYPE} by default), or a workflow_dispatch of --workflow with the payload
in its input "payload". The token is read from GH_TOKEN, else from GITHUB_TOKEN (gh's order);
the API from GITHUB_API_URL, else from GITHUB_SERVER_URL (GitHub Enterprise Server:
HOST/api/v3; GHE.com: api.SUBDOMAIN.ghe.com), else api.github.com.

Options:
  --repository OWNER/NAME   manifests repository (repeatable: fan-out)
  --image REF               image that was pushed, e.g. ghcr.io/acme/app:1.2.4@sha256:... (repeatable)
  --event-type TYPE         repository_dispatch event type (default ${DEFAULT_EVENT_TYPE})
  --workflow FILE           dispatch this workflow (e.g. promote.yml) instead
  --ref REF                 branch or tag for --workflow (default: the repository's default branch)
  --target NAME             only these configured targets (repeatable)
  --wait                    with --workflow: follow the run and fail when it fails
  --dry-run                 print the payload, send nothing (update --payload - reads it);
                            needs no token, and refuses what a real run refuses
  --json                    print one JSON object: {"payload", "dispatched"}, and "errors"
                            when it fails
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

/** A send that failed, with the payload it sent: what --json prints of a failure keeps it. */
class SendFailure extends DispatchError {
  constructor(
    message: string,
    dispatched: readonly Dispatched[],
    readonly payload: Payload,
  ) {
    super(message, dispatched);
  }
}

/**
 * What `dispatch --json` prints when it fails: the payload (null when the failure came before it
 * was made), what was sent before the failure, and why it failed. The keys are the success's.
 */
export function failureReport(error: unknown): { payload: Payload | null; dispatched: readonly Dispatched[]; errors: { message: string }[] } {
  const { message } = error as Error;
  return {
    payload: error instanceof SendFailure ? error.payload : null,
    dispatched: error instanceof DispatchError ? error.dispatched : [],
    // A refusal of the arguments says one thing a line (an --image, then the advice for it): listed apart, as update's --json
    // lists each issue. A failure to send goes on over lines (which repositories did get the event): one error.
    errors: (error instanceof UsageError ? message.split("\n") : [message]).map((line) => ({ message: line })),
  };
}

export async function runDispatch(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, DISPATCH_OPTIONS);
  if (values.help) return (io.stdout(DISPATCH_HELP), 0);
  if (positionals.length > 0) throw new UsageError(strayArguments(positionals));
  const named = values.repository ?? [];
  // The same image twice is one, as update and the dispatch Action take it.
  const images = onceEachImage(values.image ?? []);
  if (named.length === 0) throw new UsageError("dispatch needs --repository OWNER/NAME");
  if (images.length === 0) throw new UsageError("dispatch needs --image REF");
  // The names the send itself takes (splitRepositoryName): a dry run refuses what a real run refuses, as bad usage.
  const bad = named.find((r) => splitRepositoryName(r) === undefined);
  if (bad) throw new UsageError(`--repository ${JSON.stringify(bad)} is not OWNER/NAME`);
  const { repositories, repeated } = distinctRepositories(named);
  const workflow = values.workflow !== undefined;
  if (values.wait && !workflow) throw new UsageError("--wait needs --workflow: a repository_dispatch event starts no run we can follow");
  if (values.ref !== undefined && !workflow) throw new UsageError("--ref needs --workflow: a repository_dispatch event always runs on the default branch");
  if (values["event-type"] !== undefined && workflow)
    throw new UsageError("--event-type is for repository_dispatch; with --workflow the workflow itself is dispatched, with no event type");
  // What GitHub would refuse is refused here, --dry-run included: a dry run says what the real run does.
  const valueIssues = [
    ...(values["event-type"] === undefined ? [] : [eventTypeSaid(values["event-type"])]),
    ...(values.workflow === undefined ? [] : [workflowIssue(values.workflow)].map((issue) => issue && `--workflow ${issue}`)),
    ...(values.ref === undefined ? [] : [refIssue(values.ref)]),
  ].filter((issue) => issue !== undefined);
  if (valueIssues.length > 0) throw new UsageError(valueIssues.join("\n"));

  // A bad --image is bad usage, as in update; the payload check would say the same as a failure.
  const { issues } = checkIncomingImages(images, () => "--image");
  const hint = upperCaseHint(images);
  if (issues.length > 0)
    throw new UsageError([...issues.map((issue) => `${issue.field}: ${issue.reason}`), ...(hint ? [`--image: ${hint.message}`] : [])].join("\n"));
  // A target name no configuration could define is bad usage of the flag, as in update.
  const badTargets = (values.target ?? []).flatMap((name) => targetNameIssue(name) ?? []);
  if (badTargets.length > 0) throw new UsageError(badTargets.map((issue) => `--target: ${issue}`).join("\n"));
  const dryRun = values["dry-run"] ?? false;
  const token = dryRun ? undefined : sendingToken(io.env);
  // The payload's source is read from the runner's variables, which outside a runner are the user's: one that is wrong is said by its name, as GITHUB_API_URL is.
  const sourceIssues = sourceEnvIssues(io.env);
  if (sourceIssues.length > 0) throw new UsageError(sourceIssues.join("\n"));
  const payload = buildPayload(
    { images, source: sourceFromEnv(io.env), ...(values.target && { targets: values.target }) },
    workflow ? "workflow_dispatch" : "repository_dispatch",
  );
  for (const names of repeated) io.stderr(`warning: ${repeatedRepository("--repository", names)}\n`);
  if (!token) {
    printJson(io, values.json ? { payload, dispatched: [] } : payload);
    // The payload is all a dry run makes: one that cannot be printed failed.
    await outputWritten(io);
    return 0;
  }
  // What GitHub, or a proxy on the way, answers may quote the request: its Authorization header, a URL's user:password@.
  const scrub = protectToken(token.token, () => {});
  const log = (line: string) => io.stderr(`${scrub(line)}\n`);
  const octokit = createClient({ token: token.token, baseUrl: apiUrlOf(io.env), log });
  let result: DispatchResult;
  try {
    result = await dispatchImages(octokit, {
      repositories,
      payload,
      ...(values["event-type"] !== undefined && { eventType: values["event-type"] }),
      ...(values.workflow !== undefined && { workflow: values.workflow }),
      ...(values.ref !== undefined && { ref: values.ref }),
      tokenName: token.named,
      // What is sent is printed once, on stdout, when all is sent; only a wait, which may take minutes, is followed
      // on stderr as it goes (each run's link as it starts, its status as it changes).
      ...(values.wait && { wait: true, log }),
    });
  } catch (error) {
    if (error instanceof DispatchError) throw new SendFailure(scrub(error.message), error.dispatched, payload);
    if (error instanceof Error) error.message = scrub(error.message);
    throw error;
  }
  if (values.json) {
    printJson(io, result);
  } else {
    for (const d of result.dispatched) {
      io.stdout(`${d.repository}: ${describeEvent(d)}${d.runUrl ? ` -> ${d.runUrl}` : ""}${d.conclusion ? ` (${d.conclusion})` : ""}\n`);
    }
  }
  // The events are out: a report that cannot be printed does not undo them, and a rerun would send them again.
  await outputWritten(io, "the events were sent");
  return 0;
}

/**
 * Why positional arguments are refused: dispatch takes every value by its flag, and one dropped
 * would leave a repository unannounced. One that reads as a repository or an image is said as its flag.
 */
function strayArguments(positionals: readonly string[]): string {
  const meant = (text: string) =>
    splitRepositoryName(text) ? `--repository ${text}` : tryParseImageRef(text)?.tag !== undefined ? `--image ${text}` : undefined;
  const flags = positionals.map(meant);
  const suggestion = flags.every((flag) => flag !== undefined) ? flags.join(" ") : undefined;
  return `dispatch takes no positional arguments, got ${positionals.length}: ${positionals.join(" ")}${didYouMean(suggestion)}`;
}

/** Why --event-type's value is refused; undefined when GitHub takes it. */
function eventTypeSaid(eventType: string): string | undefined {
  const issue = eventTypeIssue(eventType);
  if (issue === undefined) return undefined;
  return `--event-type ${issue}${eventType.trim() === "" ? ` (leave it out for the default, ${DEFAULT_EVENT_TYPE})` : ""}`;
}

/** Why --ref's value names no branch or tag to run the workflow on; undefined when it may. */
function refIssue(ref: string): string | undefined {
  if (ref.trim() === "") return "--ref is empty; leave it out to run the workflow on the repository's default branch";
  return isBranchName(ref) ? undefined : `--ref ${JSON.stringify(ref)} is not a branch or tag name`;
}

/** The API the token goes to: a GITHUB_API_URL (or GITHUB_SERVER_URL) that cannot be one is bad usage, as a token that cannot be one is. */
function apiUrlOf(env: Io["env"]): string {
  try {
    return apiUrlFromEnv(env);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** The token to send with, refused (bad usage) when there is none or it cannot be one; said by its variable, never its value. */
function sendingToken(env: Io["env"]): { readonly token: string; readonly named: string } {
  const found = tokenFromEnv(env);
  if (!found) throw new UsageError(`dispatch needs a token in ${TOKEN_VARIABLES.join(" or ")}`);
  const problem = tokenIssue(found.token);
  if (problem !== undefined) throw new UsageError(`${found.variable} ${problem}`);
  return found;
}
