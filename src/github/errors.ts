/** Reading Octokit's errors without trusting their shape. */
import { wallSleep } from "./timing.js";

/** The HTTP status of a request error, undefined for anything else. */
export function httpStatus(error: unknown): number | undefined {
  return typeof error === "object" && error !== null && "status" in error && typeof error.status === "number" ? error.status : undefined;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The host (and port) an Octokit error's request went to, to name in a message; undefined for anything else. */
export function requestHost(error: unknown): string | undefined {
  const request = typeof error === "object" && error !== null && "request" in error ? error.request : undefined;
  const url = typeof request === "object" && request !== null && "url" in request ? request.url : undefined;
  if (typeof url !== "string") return undefined;
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}

/**
 * A request that got no HTTP answer: the name could not be resolved, the connection or a proxy
 * failed, a certificate was not trusted, the time limit ran out. Octokit gives it status 500,
 * which is no answer of GitHub's; it has no response, and what failed is its cause's cause.
 */
export interface Unanswered {
  readonly host: string;
  /** The deepest cause's message: "Proxy response (407) !== 200 when HTTP Tunneling", not "fetch failed". */
  readonly reason: string;
}

/** The request `error` failed to get an answer to; undefined for an answer (any status) or anything else. */
export function unanswered(error: unknown): Unanswered | undefined {
  if (!(error instanceof Error) || error.cause === undefined) return undefined;
  if ("response" in error && error.response !== undefined) return undefined;
  const host = requestHost(error);
  if (host === undefined) return undefined;
  let deepest: Error = error;
  while (deepest.cause instanceof Error) deepest = deepest.cause;
  const code = "code" in deepest && typeof deepest.code === "string" && !deepest.message.includes(deepest.code) ? ` (${deepest.code})` : "";
  // OpenSSL's messages end in a line break, and may hold several lines: one line reads in an annotation.
  return { host, reason: `${deepest.message.trim().replace(/\s*\n\s*/g, " ")}${code}` };
}

/** What to say of a request that got no answer, and where to look. */
export function unansweredSaid({ host, reason }: Unanswered): string {
  return (
    `no response from ${host}: ${reason}. ` +
    "Check that this machine reaches it: a proxy is read from HTTPS_PROXY (NO_PROXY lists hosts to reach directly), " +
    "and a certificate authority of your own from NODE_EXTRA_CA_CERTS (a file of PEM certificates)."
  );
}

/**
 * Retries `call` while GitHub has not caught up with an object it just made (a new pull
 * request answering 422 "Could not resolve to a node"; create-pull-request #4321). Not when
 * the node is a team (TEAM_UNSEEN): the token cannot see it, and never will.
 */
export async function whenVisible<T>(call: () => Promise<T>, attempts = 4, delayMs = 500): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const message = errorMessage(error);
      if (attempt >= attempts || !/could not resolve to a node|not found/i.test(message) || TEAM_UNSEEN.test(message)) throw error;
      await wallSleep(delayMs * attempt);
    }
  }
}

/**
 * GitHub's 422 to a review requested from a team the token cannot read: GITHUB_TOKEN has no
 * organisation permissions, and an App or fine-grained token without Members: read sees no team
 * (actions/github-script#284, TanStack/ai#1403). Team node ids start with `T_`.
 */
export const TEAM_UNSEEN = /could not resolve to a node with the global id of '?T_/i;

/**
 * GitHub's refusal of a push or ref update by branch protection or a ruleset (REST, GraphQL, or
 * git's GH006/GH013), in the wordings GitHub gives for its rules: "Changes must be made through a
 * pull request.", "Required status check "ci" is expected." / "4 of 4 required status checks are
 * expected.", "At least 1 approving review is required by reviewers with write access.",
 * "You're not authorized to push to this branch." Not its refusal of auto-merge on a branch
 * without protection rules ("Protected branch rules not configured for this branch"), which asks
 * for the opposite.
 */
export const PROTECTION_REFUSED =
  /protected branch(?! rules not configured)|rule violations|GH006|GH013|changes must be made through a pull request|required status checks? .*expected|approving reviews? (is|are) required|not authorized to push/i;

/**
 * GitHub's refusal of a ref update (REST, GraphQL or git push) whose old-to-new change creates,
 * changes or deletes a file under `.github/workflows/`, by a token without the Workflows
 * permission (an App's, GITHUB_TOKEN, which never has it) or the `workflow` scope (a personal
 * access token): "refusing to allow a GitHub App to create or update workflow
 * `.github/workflows/ci.yml` without `workflows` permission". Rebuilding a branch on a base that
 * changed a workflow since is such a change (checkstyle/checkstyle#11052, chdsbd/kodiak#853).
 */
export const WORKFLOWS_REFUSED = /refusing to allow .* to create or update workflow/i;

/** A refusal that no retry changes: a protection's, a ruleset's, or the missing Workflows permission. */
export function refusedForGood(error: unknown): boolean {
  const message = errorMessage(error);
  return PROTECTION_REFUSED.test(message) || WORKFLOWS_REFUSED.test(message);
}

/** The request an Octokit error answers: its method, its path from `/repos/` on (or `/graphql`), and for GraphQL the query's first field. */
export interface FailedRequest {
  readonly method: string;
  readonly path: string;
  readonly field?: string;
}

/** undefined for anything but an Octokit request or GraphQL error. */
export function failedRequest(error: unknown): FailedRequest | undefined {
  const request = typeof error === "object" && error !== null && "request" in error ? error.request : undefined;
  if (typeof request !== "object" || request === null) return undefined;
  const { method = "POST", url, query } = request as { method?: unknown; url?: unknown; query?: unknown };
  if (typeof method !== "string" || typeof url !== "string") return undefined;
  // GitHub Enterprise serves the API under /api/v3 and GraphQL at /api/graphql; Octokit escapes the '/' of a ref.
  const path = decodeURIComponent(new URL(url, "http://localhost").pathname).replace(/^\/api(?:\/v3)?(?=\/)/, "");
  const body = typeof query === "string" ? query : requestBodyQuery(request);
  const field = body === undefined ? undefined : /^\s*(?:query|mutation)\b[^{]*\{\s*(\w+)/.exec(body)?.[1];
  return { method: method.toUpperCase(), path, ...(field && { field }) };
}

function requestBodyQuery(request: object): string | undefined {
  const body = "body" in request ? request.body : undefined;
  if (typeof body !== "string") return undefined;
  try {
    const parsed: unknown = JSON.parse(body);
    return typeof parsed === "object" && parsed !== null && "query" in parsed && typeof parsed.query === "string" ? parsed.query : undefined;
  } catch {
    return undefined;
  }
}

/** The token permission a request needs (`permissions:` in a workflow; Contents / Pull requests for an App or fine-grained token). */
export type Permission = "contents" | "pull-requests";

/** What one of our requests does, for a person, and the permissions it needs (write access), the first the one it is mostly about. */
export interface RequestPurpose {
  readonly what: string;
  readonly permissions: readonly [Permission, ...Permission[]];
}

const REPO = String.raw`/repos/[^/]+/[^/]+`;
/** `$1` in a description is the path's first group. */
const PURPOSES: readonly (readonly [RegExp, string, Permission, ...Permission[]])[] = [
  [new RegExp(`^POST ${REPO}/git/trees$`), "creating the commit's tree", "contents"],
  [new RegExp(`^POST ${REPO}/git/commits$`), "creating the commit", "contents"],
  [new RegExp(`^PATCH ${REPO}/git/refs/heads/(.+)$`), "moving branch $1", "contents"],
  [new RegExp(`^POST ${REPO}/git/refs$`), "creating the pull-request branch", "contents"],
  [new RegExp(`^GET ${REPO}/git/ref/heads/(.+)$`), "reading branch $1", "contents"],
  [new RegExp(`^GET ${REPO}/compare/[^/]+$`), "comparing commits", "contents"],
  [new RegExp(`^GET ${REPO}/pulls$`), "looking for the pull request", "pull-requests"],
  [new RegExp(`^GET ${REPO}/pulls/(\\d+)$`), "reading pull request #$1", "pull-requests"],
  [new RegExp(`^POST ${REPO}/pulls$`), "opening the pull request", "pull-requests"],
  [new RegExp(`^PATCH ${REPO}/pulls/(\\d+)$`), "updating pull request #$1", "pull-requests"],
  [new RegExp(`^POST ${REPO}/issues/(\\d+)/labels$`), "labelling pull request #$1", "pull-requests"],
  [new RegExp(`^POST ${REPO}/issues/(\\d+)/assignees$`), "assigning pull request #$1", "pull-requests"],
  [new RegExp(`^POST ${REPO}/issues/(\\d+)/comments$`), "commenting on pull request #$1", "pull-requests"],
  [new RegExp(`^POST ${REPO}/pulls/(\\d+)/requested_reviewers$`), "requesting reviews of pull request #$1", "pull-requests"],
  [new RegExp(`^PUT ${REPO}/pulls/(\\d+)/merge$`), "merging pull request #$1", "contents"],
  [/^POST \/graphql repository$/, "reading the repository's id", "contents"],
  [/^POST \/graphql updateRefs$/, "moving a branch", "contents"],
  // GitHub asks write access to both: the merge it schedules writes the base (whme/csshw#234).
  [/^POST \/graphql enablePullRequestAutoMerge$/, "enabling auto-merge", "contents", "pull-requests"],
  [/^POST \/graphql disablePullRequestAutoMerge$/, "turning auto-merge off", "pull-requests"],
];

/** What `request` was for; undefined for a request this project does not make. */
export function requestPurpose(request: FailedRequest): RequestPurpose | undefined {
  const line = `${request.method} ${request.path}${request.field ? ` ${request.field}` : ""}`;
  for (const [pattern, what, ...permissions] of PURPOSES) {
    const match = pattern.exec(line);
    if (match) return { what: what.replace("$1", match[1] ?? ""), permissions };
  }
  return undefined;
}
