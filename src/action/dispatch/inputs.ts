/**
 * The dispatch Action's inputs, read into the options of `dispatchImages`. The payload is
 * built and validated here, before any request, so a bad image or an oversized extra
 * payload fails the step with the input's name instead of GitHub's bare 422.
 */
import { isBranchName } from "../../branch-name.js";
import { buildPayload, extraKeysIssue, imagesFromMetadata, parseJson, reservedKeyIssue, targetNameIssue } from "../../engine/payload.js";
import { upperCaseHint } from "../../engine/request.js";
import { isRecord } from "../../json-value.js";
import type { PayloadSource } from "../../engine/payload.js";
import { checkIncomingImages } from "../../engine/request.js";
import { splitRepositoryName } from "../../github-name.js";
import { DEFAULT_EVENT_TYPE, DEFAULT_WAIT_TIMEOUT_MS, distinctRepositories, eventTypeIssue, repeatedRepository } from "../../github/dispatch.js";
import type { DispatchOptions, WaitOptions } from "../../github/dispatch.js";
import { onceEachImage } from "../../image/once-each.js";
import { parseImageRef, tryParseImageRef } from "../../image/reference.js";
import { booleanInput } from "../boolean-input.js";
import { InputError } from "../input-error.js";
import { requireToken } from "../token.js";
import { metadataPicks } from "./metadata-pick.js";

/** The subset of @actions/core the inputs are read with (real core in the Action). */
export interface InputReader {
  getInput(name: string, options?: { required?: boolean }): string;
  getMultilineInput(name: string, options?: { required?: boolean }): string[];
}

export interface DispatchInputs {
  readonly token: string;
  readonly options: Omit<DispatchOptions, "log">;
  /** `dry-run`: build and check the payload, report it, send nothing. */
  readonly dryRun: boolean;
  /** Inputs set to no effect, and a mutable tag picked from metadata, to say so rather than send them silently. */
  readonly warnings: readonly string[];
  /** For the log: what was picked from metadata, of which tags. */
  readonly notes: readonly string[];
}

export function readDispatchInputs(core: InputReader, source: PayloadSource): DispatchInputs {
  const token = requireToken(core.getInput("token"), {
    calls: "the event is sent through the GitHub API",
    withoutIt: "Leave `token` out to use GITHUB_TOKEN, which reaches this repository only.",
  });
  // Empty reads as action.yml's default, as every defaulted input does (`repository: ${{ inputs.manifests }}` of a reusable workflow whose caller left it out).
  const listed = listInput(core, "repository");
  const named = listed.length > 0 ? listed : source.repository ? [source.repository] : [];
  if (named.length === 0) throw new InputError("input repository is empty and GITHUB_REPOSITORY is not set: name the manifests repository, OWNER/NAME");
  checkRepositoryInput(named);
  const { repositories, repeated } = distinctRepositories(named);

  const warnings: string[] = repeated.map((names) => repeatedRepository("input repository", names));
  const notes: string[] = [];
  const images = listInput(core, "images");
  checkImagesInput(images);
  const metadata = core.getInput("metadata");
  const digest = core.getInput("digest");
  if (metadata !== "") {
    const fromMetadata = imagesFromMetadata(metadata, digest);
    const added = notNamedIn(images, fromMetadata);
    if (added.length === 0) warnings.push(metadataOverridden(fromMetadata, digest !== ""));
    images.push(...added);
    const picks = metadataPicks(metadata, added, source.ref);
    notes.push(...picks.notes);
    warnings.push(...picks.warnings);
  } else if (digest !== "")
    throw new InputError("input digest: it completes the references from `metadata`; give `metadata` too, or put the digest in `images`");
  if (images.length === 0)
    throw new InputError("no image to announce: set `images` (one reference per line) or `metadata` (docker/metadata-action or build-push-action output)");

  const workflow = core.getInput("workflow");
  const ref = core.getInput("ref");
  const eventType = core.getInput("event-type");
  // Checked only when a repository_dispatch sends it: with `workflow` it is unused, and said so below.
  const eventTypeRefused = workflow === "" && eventType !== "" ? eventTypeIssue(eventType) : undefined;
  if (eventTypeRefused) throw new InputError(`input event-type: ${eventTypeRefused}`);
  // Checked only when a workflow_dispatch sends it, as the CLI checks --ref: GitHub would refuse it only once sent, a dry run never.
  if (workflow !== "" && ref !== "" && !isBranchName(ref)) throw new InputError(`input ref: ${JSON.stringify(ref)} is not a branch or tag name`);
  const targets = listInput(core, "targets");
  checkTargetsInput(targets);
  const payloadInput = { images: onceEachImage(images), source, targets, extra: extraPayload(core.getInput("client-payload")) };
  const tooManyKeys = extraKeysIssue(payloadInput);
  if (tooManyKeys) throw new InputError(`input client-payload: ${tooManyKeys}`);
  const payload = buildPayload(payloadInput, workflow === "" ? "repository_dispatch" : "workflow_dispatch");
  const waitTimeout = core.getInput("wait-timeout");
  const wait = booleanInput("wait", core.getInput("wait")) && waitOptions(waitTimeout);
  const dryRun = booleanInput("dry-run", core.getInput("dry-run"));
  warnings.push(...unusedInputs({ workflow, ref, eventType, waitTimeout, wait: wait !== false }));
  return {
    token,
    options: {
      repositories,
      payload,
      ...(eventType !== "" && { eventType }),
      ...(workflow !== "" && { workflow }),
      ...(ref !== "" && { ref }),
      wait,
      ...(source.repository && { defaultRepository: source.repository }),
    },
    dryRun,
    warnings,
    notes,
  };
}

/**
 * Whether the step asked for a dry run, for the summary of inputs refused before readDispatchInputs
 * could say; a `dry-run` that is neither true nor false is refused itself, and reads as no dry run.
 */
export function askedDryRun(core: InputReader): boolean {
  try {
    return booleanInput("dry-run", core.getInput("dry-run"));
  } catch {
    return false;
  }
}

/**
 * Inputs that the choice between repository_dispatch and workflow_dispatch, or `wait`, leaves
 * unused. The value action.yml fills in by default is no choice of the user's.
 */
function unusedInputs(inputs: { workflow: string; ref: string; eventType: string; waitTimeout: string; wait: boolean }): string[] {
  const { workflow, ref, eventType, waitTimeout, wait } = inputs;
  return [
    ...(workflow === "" && ref !== ""
      ? [`input ref (${ref}) has no effect without workflow: a repository_dispatch runs the workflows of the manifests repository's default branch`]
      : []),
    ...(workflow !== "" && eventType !== "" && eventType !== DEFAULT_EVENT_TYPE
      ? [`input event-type (${eventType}) has no effect with workflow: a workflow_dispatch starts the workflow by name and has no event type`]
      : []),
    ...(!wait && waitTimeout !== "" && Number(waitTimeout) * 1000 !== DEFAULT_WAIT_TIMEOUT_MS
      ? [`input wait-timeout (${waitTimeout}) has no effect without wait: true`]
      : []),
  ];
}

/** `images` names every repository of `metadata`, so nothing of metadata (or of digest, which completes it) is sent. */
function metadataOverridden(fromMetadata: readonly string[], withDigest: boolean): string {
  const repositories = fromMetadata.map((text) => parseImageRef(text).repository).join(", ");
  return (
    `${withDigest ? "inputs metadata and digest have" : "input metadata has"} no effect: ` +
    `images names every repository metadata lists (${repositories}), and an image in images takes the place of metadata's pick`
  );
}

/**
 * `images` checked as the receiver checks the payload, before metadata's picks join it, so a
 * message names the input rather than the payload field. Several tags of one repository are
 * most often docker/metadata-action's `tags` output, which `metadata` reads instead.
 */
function checkImagesInput(images: readonly string[]): void {
  const checked = checkIncomingImages(onceEachImage(images), () => "input images");
  if (checked.issues.length === 0) return;
  const repeated = new Set(checked.images.map((image) => image.repository)).size < checked.images.length;
  const hint =
    "To announce docker/metadata-action's output, set `metadata: ${{ steps.meta.outputs.json }}` instead of `images`: it picks the version tag of each image.";
  const upperCase = upperCaseHint(images);
  const lines = [...checked.issues.map(({ field, reason }) => `${field}: ${reason}`), ...(repeated ? [hint] : []), ...(upperCase ? [upperCase.message] : [])];
  throw new InputError(lines.join("\n"));
}

/** Each of `repository` a name GitHub can have, refused before any event is sent to the others. */
function checkRepositoryInput(named: readonly string[]): void {
  const issues = named.filter((name) => splitRepositoryName(name) === undefined).map((name) => `input repository: ${JSON.stringify(name)} is not OWNER/NAME`);
  if (issues.length > 0) throw new InputError(issues.join("\n"));
}

/** `targets` held to the grammar the receiver's configuration names targets by: a name no target can have is not sent. */
function checkTargetsInput(targets: readonly string[]): void {
  const issues = targets.flatMap((name) => targetNameIssue(name) ?? []);
  if (issues.length > 0) throw new InputError(issues.map((issue) => `input targets: ${issue}`).join("\n"));
}

/**
 * metadata's references for the repositories `images` does not name. metadata lists several
 * tags of each image and we pick one; a line of `images` is the user's own pick for its
 * repository, so it takes the place of ours (the payload names each repository once).
 */
function notNamedIn(images: readonly string[], fromMetadata: readonly string[]): string[] {
  const named = new Set(images.flatMap((text) => tryParseImageRef(text)?.repository ?? []));
  return fromMetadata.filter((text) => !named.has(parseImageRef(text).repository));
}

/** One item per line; commas separate too, as people write `a/b, c/d` in a single line. */
function listInput(core: InputReader, name: string): string[] {
  return core
    .getMultilineInput(name)
    .flatMap((line) => line.split(","))
    .map((item) => item.trim())
    .filter((item) => item !== "" && !item.startsWith("#"));
}

/** The `client-payload` input's keys, to merge into the payload; a key of gitops-promote's own is refused as the input's. */
function extraPayload(text: string): Record<string, unknown> | undefined {
  if (text.trim() === "") return undefined;
  const value = parseJson(text, "input client-payload");
  if (!isRecord(value)) throw new InputError("input client-payload: expected a JSON object of extra top-level keys");
  const issues = Object.keys(value).flatMap((key) => reservedKeyIssue(key) ?? []);
  if (issues.length > 0) throw new InputError(issues.map((issue) => `input client-payload: ${issue}`).join("\n"));
  return value;
}

function waitOptions(timeout: string): WaitOptions {
  const seconds = timeout === "" ? undefined : Number(timeout);
  if (seconds !== undefined && !(Number.isFinite(seconds) && seconds > 0))
    throw new InputError(`input wait-timeout: ${JSON.stringify(timeout)} is not a number of seconds`);
  return seconds === undefined ? {} : { timeoutMs: seconds * 1000 };
}
