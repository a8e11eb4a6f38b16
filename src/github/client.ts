/**
 * The one Octokit every GitHub call goes through: @actions/github's client (proxy and GHES
 * defaults) with bounded retries for transient failures and GitHub's rate-limit answers.
 *
 * - 5xx and dropped connections: @octokit/plugin-retry, `retries` attempts with quadratic
 *   back-off. 429 is retried here too (plugin-retry skips it by default) because GitHub
 *   also answers secondary limits with 429.
 * - Secondary and primary rate limits: @octokit/plugin-throttling waits what GitHub's
 *   `retry-after` / `x-ratelimit-reset` says, a bounded number of times, and gives up when
 *   the wait is longer than a job should sit idle.
 * - Each HTTP attempt has its own time limit: GitHub answers in seconds, and a request that
 *   never answers would otherwise hold the job until the workflow's timeout (6 h by default).
 *   A request that runs out of time fails as a network error, which plugin-retry retries.
 * - Merge refusals (405, 409) are not retried here: merging decides which of them are worth
 *   another try, and which mean the branch moved or the pull request is already merged.
 * - The plugin's default one-second spacing of writes is replaced by plain serialisation:
 *   a delivery makes at most a handful of writes, and the spacing would widen the window
 *   between reading a branch and moving it, which is what concurrent runs race on.
 */
import { getOctokit } from "@actions/github";
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import Bottleneck from "bottleneck";
import { apiUrlFromEnv } from "./api-url.js";

export type GitHubClient = ReturnType<typeof getOctokit>;

export interface ClientOptions {
  readonly token: string;
  /** REST base URL; defaults to GITHUB_API_URL, else GITHUB_SERVER_URL's API (apiUrlFromEnv), else api.github.com. */
  readonly baseUrl?: string;
  /** Retries of a failed request (5xx, 429, network). */
  readonly retries?: number;
  /** How often a rate-limited request is retried after waiting. */
  readonly rateLimitRetries?: number;
  /** The longest wait (seconds) a rate limit may ask for before we give up instead. */
  readonly maxRateLimitWait?: number;
  /** How long one HTTP attempt may take (milliseconds) before it is abandoned and retried. */
  readonly requestTimeout?: number;
  /** Where retry notices go (the Action logs them as warnings). */
  readonly log?: (message: string) => void;
}

const NO_RETRY_STATUSES = [400, 401, 403, 404, 405, 409, 410, 422, 451];

/**
 * A fresh time limit for every HTTP attempt. As a plugin listed before plugin-retry, its hook
 * runs inside the retry loop: each retry gets its own limit rather than what is left of one.
 * Hooks share one options object per request (what a hook passes on is not what the next one
 * reads), so the limit is set on it.
 */
function attemptTimeout(ms: number) {
  return (octokit: Pick<GitHubClient, "hook">) => {
    octokit.hook.wrap("request", (request, options) => {
      options.request = { ...options.request, signal: AbortSignal.timeout(ms) };
      return request(options);
    });
  };
}

export function createClient(options: ClientOptions): GitHubClient {
  const { retries = 3, rateLimitRetries = 3, maxRateLimitWait = 300, requestTimeout = 60_000, log = () => undefined } = options;
  const baseUrl = options.baseUrl ?? apiUrlFromEnv(process.env);
  const onLimit = (kind: string) => (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
    const retrying = retryCount < rateLimitRetries && retryAfter <= maxRateLimitWait;
    log(`${kind} rate limit on ${request.method} ${request.url}: ${retrying ? `retrying after ${retryAfter}s` : "giving up"}`);
    return retrying;
  };
  return getOctokit(
    options.token,
    {
      baseUrl,
      retry: { retries, doNotRetry: NO_RETRY_STATUSES },
      throttle: {
        onSecondaryRateLimit: onLimit("secondary"),
        onRateLimit: onLimit("primary"),
        write: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
      },
      log: { debug: () => undefined, info: () => undefined, warn: log, error: log },
    },
    attemptTimeout(requestTimeout),
    retry,
    throttling,
  );
}
