/**
 * The update Action's inputs, checked and turned into an UpdateRequest and DeliveryOptions.
 * Everything is validated here, before the repository is touched: a wrong choice, a bad
 * author or an invalid dispatch payload fails the step with the input's name.
 */
import type { Warning } from "../../change.js";
import { parsePayload, PAYLOAD_FIELDS, PAYLOAD_INPUT, type Payload } from "../../engine/payload.js";
import { isRecord } from "../../json-value.js";
import { parseSet, type FieldNamer, type UpdateRequest } from "../../engine/request.js";
import type { NamedField, RequestSwitch } from "../../field-name.js";
import { slashSeparated } from "../../engine/path-glob.js";
import { DELIVERY_MODES, MERGE_METHODS, MERGE_MODES, type MergeMethod, type MergeMode } from "../../engine/config.js";
import type { CommitVia, DeliveryOptions } from "../../github/deliver.js";
import { COMMIT_VIAS } from "../../github/delivery-types.js";
import { parseIdentity, type Identity } from "../../github/git.js";
import { isBranchName } from "../../branch-name.js";
import { mentionIssue } from "../../github-name.js";
import { booleanInput } from "../boolean-input.js";
import { InputError } from "../input-error.js";
import { checkTemplate, TemplateError } from "../../engine/go-template.js";
import { requireToken as requireTokenInput, tokenInput } from "../token.js";
import { andList } from "../../text/and-list.js";
import { quotedExcerpt } from "../../text/quoted-excerpt.js";

/** The part of @actions/core inputs are read with. */
export interface InputReader {
  getInput(name: string): string;
}

/** The triggering event, as @actions/github's context has it. */
export interface TriggerEvent {
  readonly eventName: string;
  readonly payload: Readonly<Record<string, unknown>>;
}

export interface UpdateInputs {
  readonly token: string;
  /** Where the checkout is, relative to the workspace ("." for the workspace itself). */
  readonly workingDirectory: string;
  /** The images are always given, from the input or the payload (possibly none); the configuration is a file's path. */
  readonly request: UpdateRequest & { readonly images: readonly string[]; readonly config?: string };
  readonly delivery: DeliveryOptions;
  /** The dispatch payload the images came from, when they came from one. */
  readonly payload?: Payload;
  /** Where the event carries that payload: `client_payload` or `inputs.payload`. */
  readonly payloadField?: string;
  /** Inputs set to no effect, to say so rather than ignore them. */
  readonly warnings: readonly Warning[];
}

/** The input each request field comes from, for messages. */
const INPUT_OF: Readonly<Record<NamedField, string>> = { image: "images", setter: "setters", set: "set", path: "paths", config: "config", create: "create" };

/** The inputs that are switches, which a workflow turns on with `true`. */
const SWITCHES: ReadonlySet<NamedField> = new Set<RequestSwitch>(["create"]);

/**
 * A field as the Action's messages name it: `input setters`, and `setters:` before a value to give, as a workflow
 * writes it (a switch turned on, `create: true`).
 */
export const inputOf: FieldNamer = (field, _index, giving) => {
  if (!giving) return `input ${INPUT_OF[field]}`;
  return SWITCHES.has(field) ? `${INPUT_OF[field]}: true` : `${INPUT_OF[field]}:`;
};

/** What separates the values of a list input: lines, or also spaces and commas. */
const LINES = /\r?\n/;
const WORDS = /[\s,]+/;

export function readUpdateInputs(core: InputReader, event: TriggerEvent): UpdateInputs {
  // Whom to request: a mention (`@octocat`) is refused here, as GitHub would refuse it only once the pull request is open.
  const words = (name: string) =>
    splitList(core.getInput(name), WORDS).map((word) => {
      const mention = mentionIssue(word);
      if (mention) throw new InputError(`input ${name}: ${mention}`);
      return word;
    });
  const requestList = (name: string, separator: RegExp) => splitList(withoutListItems(name, core.getInput(name)), separator);
  // Label names may contain spaces ("needs review"): only commas and newlines separate them.
  const commaOrLine = (name: string) => splitList(core.getInput(name), /[,\r\n]+/);
  const flag = (name: string) => booleanInput(name, core.getInput(name));

  const explicit = requestList("images", WORDS);
  const setters = requestList("setters", WORDS);
  const sets = requestList("set", LINES).map(slashSeparatedFile);
  const dispatched = explicit.length > 0 ? undefined : eventPayload(event, setters.length + sets.length > 0);
  const payload = dispatched?.payload;
  const request: UpdateInputs["request"] = {
    images: explicit.length > 0 ? explicit : (payload?.images ?? []),
    setters,
    sets,
    paths: requestList("paths", LINES).map(slashSeparated),
    ...(core.getInput("config") && { config: slashSeparated(core.getInput("config")) }),
    ...(payload?.targets && { targets: payload.targets }),
    allowDowngrade: flag("allow-downgrade"),
    create: flag("create"),
    fieldName: inputOf,
  };
  if (request.images.length + setters.length + sets.length === 0) throw new InputError(nothingToPromote(event));

  const author = core.getInput("author");
  const values = payload?.source
    ? Object.fromEntries(Object.entries(payload.source).filter((e): e is [string, string] => typeof e[1] === "string"))
    : undefined;
  const delivery: DeliveryOptions = {
    mode: choice("delivery", core.getInput("delivery"), DELIVERY_MODES, "push"),
    branch: branchInput("branch", core.getInput("branch")),
    prBranch: branchInput("pr-branch", core.getInput("pr-branch")),
    title: core.getInput("title"),
    body: core.getInput("body"),
    labels: commaOrLine("labels"),
    reviewers: words("reviewers"),
    teamReviewers: words("team-reviewers"),
    assignees: words("assignees"),
    draft: flag("draft"),
    merge: choice("merge", core.getInput("merge"), MERGE_MODES, DEFAULT_MERGE),
    mergeMethod: choice("merge-method", core.getInput("merge-method"), MERGE_METHODS, DEFAULT_MERGE_METHOD),
    commitVia: choice<CommitVia>("commit-via", core.getInput("commit-via"), COMMIT_VIAS, "api"),
    ...(core.getInput("commit-message").trim() && { messageTemplate: templateInput("commit-message", core.getInput("commit-message")) }),
    ...(values && { templateValues: values }),
    ...(payload?.source && { source: payload.source }),
    ...(author && { author: authorInput(author) }),
    dryRun: flag("dry-run"),
  };
  return {
    token: tokenInput(core.getInput("token")),
    workingDirectory: core.getInput("working-directory").trim() || ".",
    request,
    delivery,
    ...(dispatched && { payload: dispatched.payload, payloadField: dispatched.field }),
    warnings: [...(explicit.length > 0 ? unreadPayload(event) : []), ...unusedPullRequestInputs(delivery)],
  };
}

/** A commit-message template input that parses, refused up front as the configuration's is: named as the input, with the line in the template. */
function templateInput(name: string, text: string): string {
  try {
    checkTemplate(text);
    return text;
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    throw new InputError(`input ${name}: template line ${error.line}: ${error.reason}`);
  }
}

/**
 * A `set` entry with its file named as the tree spells paths, with `/` (a Windows workflow may
 * write `clusters\staging\values.yaml:…`); the spec after the file is left as written.
 */
function slashSeparatedFile(text: string): string {
  const set = parseSet(text);
  return typeof set === "string" || !set.file.includes("\\") ? text : `${slashSeparated(set.file)}:${set.spec}`;
}

/**
 * A branch input as given, empty for its default. Refused unless git could name a branch so: the
 * name goes into refspecs, where `*` would fetch every branch. A full ref is refused too, as the
 * branch would be named after all of it (`refs/heads/refs/heads/main`).
 */
function branchInput(name: string, text: string): string {
  if (text.startsWith("refs/")) {
    const branch = /^refs\/heads\/(.+)/.exec(text)?.[1];
    throw new InputError(`input ${name}: ${JSON.stringify(text)} is a ref, not a branch name${branch ? `: drop "refs/heads/" (${name}: ${branch})` : ""}`);
  }
  if (text !== "" && !isBranchName(text)) throw new InputError(`input ${name}: ${JSON.stringify(text)} is not a branch name`);
  return text;
}

/**
 * The token, for a run that calls the API; an empty one is refused with its likely causes. A run
 * that makes no API call never asks. A dry run asks only to look up the open pull requests it would
 * land in, and shows its plan without them: an empty token is said there in a few words, its likely
 * causes left to the run that needs it.
 */
export function requireToken(token: string, dryRun = false): string {
  if (dryRun && token === "") throw new InputError("input token is empty, and a run that lands pull requests needs one");
  return requireTokenInput(token, {
    calls: "this run calls the GitHub API (commits through the API, pull requests, merges)",
    withoutIt: "Leave `token` out to use GITHUB_TOKEN.",
  });
}

const DEFAULT_MERGE: MergeMode = "none";
const DEFAULT_MERGE_METHOD: MergeMethod = "merge";

/**
 * The inputs that shape or merge a pull request; the inputs' delivery opens none. Under push, a
 * target's delivery in the configuration may, and then uses the inputs where it sets none of its own.
 * A choice set away from its default is named with its value; text inputs by name alone.
 */
function unusedPullRequestInputs(delivery: DeliveryOptions): Warning[] {
  if (delivery.mode === "pull-request") return [];
  const set = [
    ...(delivery.prBranch?.trim() ? ["pr-branch"] : []),
    ...(delivery.title?.trim() ? ["title"] : []),
    ...(delivery.body?.trim() ? ["body"] : []),
    ...(delivery.labels.length > 0 ? ["labels"] : []),
    ...(delivery.reviewers.length > 0 ? ["reviewers"] : []),
    ...((delivery.teamReviewers?.length ?? 0) > 0 ? ["team-reviewers"] : []),
    ...((delivery.assignees?.length ?? 0) > 0 ? ["assignees"] : []),
    ...(delivery.draft ? ["draft"] : []),
    ...(delivery.merge !== DEFAULT_MERGE ? [`merge (${delivery.merge})`] : []),
    ...(delivery.mergeMethod !== DEFAULT_MERGE_METHOD ? [`merge-method (${delivery.mergeMethod})`] : []),
  ];
  if (set.length === 0) return [];
  const [inputs, have, them] = set.length === 1 ? ["input", "has", "it"] : ["inputs", "have", "them"];
  const lands = delivery.mode === "push" ? "commits to the branch" : "edits the workspace only, for every target,";
  const targets =
    delivery.mode === "push" ? ` A target whose delivery in the configuration has mode pull-request still uses ${them}, unless it sets its own.` : "";
  return [
    {
      message: `${inputs} ${andList(set)} ${have} no effect with delivery: ${delivery.mode}, which ${lands} and opens no pull request (delivery: pull-request opens one).${targets}`,
    },
  ];
}

/**
 * The payload of a repository_dispatch (`client_payload`) or workflow_dispatch (input `payload`).
 * A dispatch sent without one (GitHub makes `client_payload` optional; some senders put `{}`)
 * carries no images, as an empty `payload` input does: the step's own inputs may be enough.
 * When they are (`ownInputs`), a `client_payload` with no `v` is another sender's format,
 * which the workflow reads itself (`setters: app=${{ github.event.client_payload.image }}`).
 */
function eventPayload(event: TriggerEvent, ownInputs: boolean): { payload: Payload; field: string } | undefined {
  if (event.eventName === "repository_dispatch") {
    const value = event.payload[CLIENT_PAYLOAD];
    if (isAbsent(value) || (ownInputs && isForeign(value))) return undefined;
    return { payload: parsePayload(value, "repository_dispatch"), field: CLIENT_PAYLOAD };
  }
  if (event.eventName === "workflow_dispatch") {
    const text = givenPayloadInput(event);
    return text === undefined ? undefined : { payload: parsePayload(text, "workflow_dispatch"), field: INPUT_PAYLOAD };
  }
  return undefined;
}

/** The event fields a dispatch carries the payload in, as messages name them. */
const { repository_dispatch: CLIENT_PAYLOAD, workflow_dispatch: INPUT_PAYLOAD } = PAYLOAD_FIELDS;

/** A workflow_dispatch's input `payload`: undefined when the workflow declares no such input. */
function payloadInput(event: TriggerEvent): unknown {
  const inputs = event.payload["inputs"];
  return isRecord(inputs) ? inputs[PAYLOAD_INPUT] : undefined;
}

/**
 * The input `payload` as given: undefined when the workflow declares none, or when it was left
 * empty, as a form's blank field or a caller's whitespace is. Every reader of the run's payload
 * asks this, so an empty input is said one way.
 */
function givenPayloadInput(event: TriggerEvent): unknown {
  const value = payloadInput(event);
  return typeof value === "string" && value.trim() === "" ? undefined : value;
}

/**
 * The event's payload, left unread because the images input is set: its targets narrowed the
 * run, so dropping them is said. Another sender's client_payload (no `v`) is what the workflow
 * reads itself to set the images input (`${{ github.event.client_payload.image }}`): not news.
 */
function unreadPayload(event: TriggerEvent): Warning[] {
  const unread = (field: string, what: string): Warning[] => [
    {
      message:
        `input images is set, so ${field} (${what}) is not read: neither its images nor its targets apply to this run. ` +
        "Leave images out to promote what the payload names, in the targets it names.",
    },
  ];
  if (event.eventName === "repository_dispatch") {
    const value = event.payload[CLIENT_PAYLOAD];
    return isAbsent(value) || isForeign(value) ? [] : unread(CLIENT_PAYLOAD, "the repository_dispatch event's payload");
  }
  if (event.eventName === "workflow_dispatch") {
    return givenPayloadInput(event) === undefined ? [] : unread(INPUT_PAYLOAD, `the workflow_dispatch input '${PAYLOAD_INPUT}'`);
  }
  return [];
}

function isForeign(value: unknown): boolean {
  return isRecord(value) && !("v" in value);
}

function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || (isRecord(value) && Object.keys(value).length === 0);
}

/** What was missing and what to send: the event's payload or one of the step's own inputs. */
function nothingToPromote(event: TriggerEvent): string {
  const { eventName } = event;
  const send = `({"v": 1, "images": ["ghcr.io/acme/app:1.2.3"]}, as gitops-promote/dispatch does), or set the 'images', 'setters' or 'set' input`;
  if (eventName === "repository_dispatch")
    return `no image to promote: the repository_dispatch event has no client_payload; send the payload as its client_payload ${send}`;
  if (eventName === "workflow_dispatch") {
    const missing = payloadInput(event) === undefined ? "the workflow_dispatch event has no input 'payload'" : "the workflow_dispatch input 'payload' is empty";
    return `no image to promote: ${missing}; send the payload as its input 'payload' ${send}`;
  }
  return `no image to promote: set the 'images' input, or trigger the workflow with a repository_dispatch client_payload or a workflow_dispatch input 'payload' (this run is a ${eventName} event)`;
}

/**
 * `text`, refused when a line of it starts as a YAML list item (`- ghcr.io/acme/app:1.2.4`): a workflow's
 * input is one string, so a list written in its block scalar reaches the step dashes and all, and each
 * `-` would read as a value of its own (an invalid image reference "-").
 */
function withoutListItems(name: string, text: string): string {
  const item = /^[ \t]*-(?:[ \t]|$).*$/m.exec(text)?.[0];
  if (item === undefined) return text;
  throw new InputError(
    `input ${name}: ${quotedExcerpt(item.trim())} looks like a YAML list written as the input's string, which reaches the step as written: ` +
      `give one value a line, without "- " (${name}: | and then the values, one under another)`,
  );
}

function splitList(text: string, separator: RegExp): string[] {
  return text
    .split(separator)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

function choice<T extends string>(name: string, value: string, allowed: readonly T[], fallback: T): T {
  const v = value.trim();
  if (v === "") return fallback;
  if (!(allowed as readonly string[]).includes(v)) throw new InputError(`input ${name}: ${JSON.stringify(v)} is not one of ${allowed.join(", ")}`);
  return v as T;
}

/** The `author` input: `Name <email>`, as git writes identities. */
export function authorInput(text: string): Identity {
  const identity = parseIdentity(text);
  if (!identity) throw new InputError(`input author: ${JSON.stringify(text)} is not "Name <email>"`);
  return identity;
}
