export declare const PAYLOAD_VERSION = 1;
export declare const MAX_TOP_LEVEL_KEYS = 10;
/** "less than 64KB": the UTF-8 bytes of the serialised JSON must stay below 65536. */
export declare const MAX_PAYLOAD_BYTES: number;
/** workflow_dispatch: "The maximum payload for `inputs` is 65,535 characters"; the payload's JSON text is the one input. */
export declare const MAX_INPUT_CHARACTERS = 65535;
/**
 * How deep lists and objects may nest in a payload. GitHub states no limit, and 64KB of JSON
 * holds ~32,000 levels, past the stack of any recursive walk (JSON.stringify's, which measures
 * the size, fails near 10,000); no payload a sender means nests anywhere near this.
 */
export declare const MAX_PAYLOAD_NESTING = 1000;
/** Where the sending run came from; every field is optional because a CLI user has none of them. */
export interface PayloadSource {
    readonly repository?: string | undefined;
    readonly sha?: string | undefined;
    readonly ref?: string | undefined;
    readonly run_url?: string | undefined;
    readonly actor?: string | undefined;
}
/**
 * The sending run, from the variables a GitHub runner sets (`GITHUB_REPOSITORY`, `GITHUB_SHA`, ...);
 * what is not set is left out, as when a person runs the CLI.
 */
export declare function sourceFromEnv(env: Readonly<Record<string, string | undefined>>): PayloadSource;
/** The workflow_dispatch input that carries the payload as JSON, on both ends. */
export declare const PAYLOAD_INPUT = "payload";
/** The event that carries a payload: it sets GitHub's size limit and the payload's field. */
export type DispatchKind = "repository_dispatch" | "workflow_dispatch";
/** The event field each kind carries the payload in, as messages name it. */
export declare const PAYLOAD_FIELDS: Readonly<Record<DispatchKind, string>>;
export interface Payload {
    readonly v: typeof PAYLOAD_VERSION;
    /** Validated image references, `name[:tag][@digest]`. */
    readonly images: readonly string[];
    readonly source?: PayloadSource;
    /** Target names (`.github/gitops-promote.yaml` targets) the update is meant for; all when absent. */
    readonly targets?: readonly string[];
    /** Extra top-level keys the sender merged in (`client-payload`); carried, not interpreted. */
    readonly [extra: string]: unknown;
}
/** A payload that GitHub would refuse or the receiver cannot use; `field` is the JSON path. */
export declare class PayloadError extends Error {
    readonly field: string;
    readonly reason: string;
    constructor(field: string, reason: string);
}
export interface PayloadInput {
    readonly images: readonly string[];
    readonly source?: PayloadSource | undefined;
    readonly targets?: readonly string[] | undefined;
    /** Extra top-level keys; they count towards GitHub's 10-key limit and may not reuse ours. */
    readonly extra?: Readonly<Record<string, unknown>> | undefined;
}
/**
 * Build and validate a payload for the event `kind` that will carry it, held to that event's size
 * limit; throws PayloadError naming the field that is wrong, under the event's (PAYLOAD_FIELDS).
 */
export declare function buildPayload(input: PayloadInput, kind?: DispatchKind): Payload;
/**
 * Why the extra keys do not fit beside gitops-promote's own in GitHub's 10 top-level keys, with
 * the way out: one key holding them all counts once. Undefined when they fit. Said of the extra
 * keys, for the caller to name where they came from.
 */
export declare function extraKeysIssue(input: PayloadInput): string | undefined;
/** Why the extra payload may not set `key` (gitops-promote writes it), or undefined when it may. */
export declare function reservedKeyIssue(key: string): string | undefined;
/**
 * Validate a received payload: an object or its JSON text (the workflow_dispatch input), held to
 * the size limit of the event `kind` that carried it. `where` names it in errors; by default the
 * event's field (`client_payload`, `inputs.payload`).
 */
export declare function parsePayload(value: unknown, kind?: DispatchKind, where?: string): Payload;
/** A payload's JSON measured as GitHub measures it for one kind of event, and that event's limit. */
export interface PayloadSize {
    /** `N characters` or `N bytes`. */
    readonly size: string;
    /** GitHub's limit, as a sentence: `GitHub allows at most ...`. */
    readonly limit: string;
    readonly over: boolean;
}
/**
 * The payload's JSON against GitHub's size limit for `kind`: a repository_dispatch's client_payload
 * is measured in UTF-8 bytes, a workflow_dispatch's inputs in characters (the payload's JSON text
 * is the one input, sent as one string).
 */
export declare function payloadSize(json: string, kind: DispatchKind): PayloadSize;
/** Why `name` names no target anywhere (the configuration's grammar for target names), so a sender refuses what no receiver could match; undefined when it could. */
export declare function targetNameIssue(name: string): string | undefined;
/**
 * Image references from a build step's output, one per repository:
 * - docker/metadata-action's `json` output (`{"tags": [...], "labels": {...}}`): the tag equal
 *   to the `org.opencontainers.image.version` label (metadata-action's primary version), else
 *   the first tag listed. Several tags of one repository (`1.2.3`, `1.2`, `latest`) would be
 *   several competing updates of the same field, so only one is kept.
 * - docker/build-push-action's `metadata` output (`image.name` is a comma-separated list,
 *   `containerimage.digest` the pushed digest): the first name per repository, with its digest.
 * `digest` (build-push-action's `digest` output) is appended to every reference that has none.
 */
export declare function imagesFromMetadata(json: string, digest?: string, where?: string): string[];
/** JSON text, or a PayloadError at `where` saying why it is not JSON. */
export declare function parseJson(text: string, where: string): unknown;
