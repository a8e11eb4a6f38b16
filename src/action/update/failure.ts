/**
 * A failed run told as what failed and what to change in the workflow. GitHub's and git's own
 * answers are terse and the same for different causes ("Resource not accessible by
 * integration", "Repository not found"): each is kept, after the operation it answered, and
 * followed by the permission, token or setting that fixes it, as far as the answer tells.
 */
import { BranchReplaceRefusedError, type Repository } from "../../github/commit.js";
import {
  errorMessage,
  failedRequest,
  httpStatus,
  PROTECTION_REFUSED,
  requestPurpose,
  TEAM_UNSEEN,
  unanswered,
  unansweredSaid,
  WORKFLOWS_REFUSED,
  type Permission,
} from "../../github/errors.js";
import { GitError } from "../../github/git.js";
import { BRANCH_PREFIX } from "../../github/pull-request.js";

export interface FailureContext {
  /** The repository delivered to (the checkout's origin). */
  readonly repository: Repository;
  /** owner/name of the repository the workflow runs in (GITHUB_REPOSITORY), the only one GITHUB_TOKEN reaches. */
  readonly workflowRepository: string;
  readonly tokenGiven: boolean;
  /** Whether git was lent the token (the checkout kept no credentials for origin, which is on this server). */
  readonly tokenLent: boolean;
}

/** The explained message, or undefined when the error is neither GitHub's nor git's answer. */
export function explainFailure(error: unknown, at: FailureContext): string | undefined {
  const git = answerIn(error, (e) => e instanceof GitError);
  if (git instanceof GitError) return explainGit(git, at);
  const answer = answerIn(error, (e) => failedRequest(e) !== undefined);
  const request = failedRequest(answer);
  if (!request) return undefined;
  const purpose = requestPurpose(request);
  const operation = `${request.method} ${request.path}`;
  const what = purpose ? `${purpose.what} in ${fullName(at)} (${operation})` : operation;
  // Octokit's status 500 for a request that got no answer is not GitHub's.
  const lost = unanswered(answer);
  if (lost) return `${what} failed: ${unansweredSaid(lost)}`;
  const status = httpStatus(answer);
  // A GraphQL error comes in a 200 answer: it has no status of its own to show.
  const head = `${what} failed: ${status === undefined ? "" : `${status} `}${errorMessage(error)}`;
  // A GraphQL updateRefs names no branch in its path: the pull-request branch it replaced is named by the refusal.
  const replaced = answerIn(error, (e) => e instanceof BranchReplaceRefusedError);
  const branch = replaced instanceof BranchReplaceRefusedError ? replaced.branch : /\/git\/refs\/heads\/(.+)$/.exec(request.path)?.[1];
  const refusal = { name: branch, replaced: replaced !== undefined, merge: isMerge(request) };
  const advice = rateLimited(status, errorMessage(error), responseHeaders(answer))
    ? RATE_LIMIT_ADVICE
    : adviceFor(status ?? graphqlStatus(answer), errorMessage(error), purpose?.permissions ?? ["contents"], refusal, at);
  return advice ? `${head}\n${advice}` : head;
}

/**
 * The answer (git's or GitHub's) `error` is or wraps as its `cause`: merging wraps GitHub's
 * answer in what it was merging, a delivery that landed in part wraps what stopped it.
 */
function answerIn(error: unknown, isAnswer: (e: unknown) => boolean): unknown {
  for (let e: unknown = error; e !== undefined; e = e instanceof Error ? e.cause : undefined) if (isAnswer(e)) return e;
  return undefined;
}

const RATE_LIMIT_ADVICE =
  "GitHub rate-limited the token, and the run stopped waiting: it waits out a limit a few times, each wait up to 5 minutes, then gives up. " +
  "Re-run the job later, or spread the runs out (a `concurrency:` group on the workflow, fewer runs at once). " +
  "Every run with the same token shares its limit; a GitHub App installation token has a limit of its own.";

/**
 * GitHub answers a primary or secondary rate limit with 403 or 429, the same statuses as a
 * missing permission: the message or the headers tell them apart.
 */
function rateLimited(status: number | undefined, message: string, headers: Readonly<Record<string, unknown>>): boolean {
  if (status !== 403 && status !== 429) return false;
  return /rate limit/i.test(message) || headers["retry-after"] !== undefined || String(headers["x-ratelimit-remaining"]) === "0";
}

/**
 * The status a GraphQL error stands for, by its first error's `type`: GitHub answers a missing
 * permission with FORBIDDEN, a repository or node the token cannot see with NOT_FOUND.
 */
function graphqlStatus(error: unknown): number | undefined {
  const errors: unknown = typeof error === "object" && error !== null && "errors" in error ? error.errors : undefined;
  const [first]: unknown[] = Array.isArray(errors) ? errors : [];
  const type = typeof first === "object" && first !== null && "type" in first ? first.type : undefined;
  return type === "FORBIDDEN" ? 403 : type === "NOT_FOUND" ? 404 : undefined;
}

/** The response headers of an Octokit request error, when it has them. */
function responseHeaders(error: unknown): Readonly<Record<string, unknown>> {
  const response = typeof error === "object" && error !== null && "response" in error ? error.response : undefined;
  const headers = typeof response === "object" && response !== null && "headers" in response ? response.headers : undefined;
  return typeof headers === "object" && headers !== null ? (headers as Record<string, unknown>) : {};
}

const GIT_OPERATIONS: Readonly<Record<string, string>> = {
  "ls-remote": "reading the default branch of origin",
  fetch: "fetching from origin",
  push: "pushing to origin",
};

/** git over HTTPS reports GitHub's status in its own words. */
const GIT_STATUSES: readonly (readonly [RegExp, number])[] = [
  [/Repository not found|returned error: 404/i, 404],
  [/Authentication failed|Invalid username|returned error: 401/i, 401],
  [/Permission to .* denied|returned error: 403/i, 403],
];

/** git would have asked for a user name: it had no credentials to send, so no token reached GitHub to be refused. */
const NO_CREDENTIALS = /could not read Username/i;

function explainGit(error: GitError, at: FailureContext): string {
  const command = gitCommand(error.args);
  const head = `${GIT_OPERATIONS[command] ?? "running git"} (git ${command}) failed: ${error.stderr.trim()}`;
  const status = GIT_STATUSES.find(([pattern]) => pattern.test(error.stderr))?.[1];
  if (NO_CREDENTIALS.test(error.stderr) || (status === 401 && !at.tokenGiven)) return `${head}\n${noCredentials(at)}`;
  const branch = error.args.map((arg) => /:refs\/heads\/(.+)$/.exec(arg)?.[1]).find((b) => b !== undefined);
  if (rateLimited(status, error.stderr, {})) return `${head}\n${RATE_LIMIT_ADVICE}`;
  const advice = adviceFor(status, error.stderr, ["contents"], { name: branch, replaced: false, merge: false }, at);
  if (!advice) return head;
  // Said first: the advice speaks of "the token", which for git may not be this step's.
  return `${head}\n${credentialsUsed(at)}\n${advice}`;
}

/** Whose credentials git sent to origin. */
function credentialsUsed(at: FailureContext): string {
  if (at.tokenLent) return "git sent this step's `token` (actions/checkout kept no credentials).";
  const used = "git sent the credentials actions/checkout left (its `token` input)";
  if (!at.tokenGiven) return `${used}.`;
  return (
    `${used}, not this step's \`token\`: give actions/checkout the same token, ` +
    "or set its `persist-credentials: false` so that this step lends git its own."
  );
}

/** The git command `args` run, after the `-c name=value` settings before it (a partial clone's fetch of what it lacks has one). */
function gitCommand(args: readonly string[]): string {
  let i = 0;
  while (args[i] === "-c") i += 2;
  return args[i] ?? "";
}

/** Why git had no credentials for origin, and what gives it some. */
function noCredentials(at: FailureContext): string {
  const keep = "Keep actions/checkout's credentials (persist-credentials: true, its default)";
  if (!at.tokenGiven) return "git has no credentials for origin: the checkout kept none (persist-credentials: false) and input token is empty.";
  if (at.tokenLent) {
    return (
      "git has no credentials for origin: this step lent it its token (an http.extraheader for GITHUB_SERVER_URL, through GIT_CONFIG_COUNT), and git did not send it: " +
      `the job's environment may override git's settings, or origin's URL may spell the server otherwise than GITHUB_SERVER_URL. ${keep}.`
    );
  }
  return (
    "git has no credentials for origin, and this step did not lend it its token: it does so only when origin is a repository on GITHUB_SERVER_URL " +
    "and git has nothing of its own to send there (no user in origin's URL, no http.extraheader that applies to it). " +
    `${keep}, or remove the http.extraheader the runner sets for origin's server.`
  );
}

/**
 * The branch a refusal is about, as far as it is known; `replaced`: the pull-request branch, which
 * every run replaces; `merge`: the refusal answered the merge of a pull request into it.
 */
interface RefusedBranch {
  readonly name: string | undefined;
  readonly replaced: boolean;
  readonly merge: boolean;
}

/** Whether `request` merged a pull request (REST; GraphQL's merges are auto-merge's, which GitHub makes itself). */
function isMerge(request: { readonly method: string; readonly path: string }): boolean {
  return request.method === "PUT" && /\/pulls\/\d+\/merge$/.test(request.path);
}

/** What to change, as far as GitHub's answer tells. */
function adviceFor(
  status: number | undefined,
  message: string,
  permission: readonly Permission[],
  branch: RefusedBranch,
  at: FailureContext,
): string | undefined {
  const name = fullName(at);
  if (WORKFLOWS_REFUSED.test(message)) return workflowsAdvice(message, branch);
  if (TEAM_UNSEEN.test(message)) return TEAMS_ADVICE;
  if (PROTECTION_REFUSED.test(message)) {
    if (branch.merge) return PROTECTED_MERGE_ADVICE;
    if (branch.name !== undefined && (branch.replaced || branch.name.startsWith(BRANCH_PREFIX))) return pullRequestBranchAdvice(branch.name);
    return (
      `${branch.name ?? "The branch"} is protected (branch protection or a ruleset) and does not take this commit from the token's actor. ` +
      "Deliver through a pull request instead (`delivery: pull-request`, with `merge: auto` to merge once the required checks pass), " +
      "or use a token whose actor may bypass the rules (a GitHub App on the bypass list)."
    );
  }
  if (/not permitted to create or approve pull requests/i.test(message)) {
    return (
      'GitHub Actions may not open pull requests in this repository: enable "Allow GitHub Actions to create and approve pull requests" ' +
      "under Settings → Actions → General → Workflow permissions (an organisation's setting may forbid it), or use a GitHub App token."
    );
  }
  if (/in draft state|still a draft/i.test(message)) {
    return (
      "GitHub merges no draft pull request and turns auto-merge on for none: this one was opened as a draft (input `draft`, or a target's `delivery.draft`) " +
      "or converted to one, and is left open. Mark it ready for review and re-run the job to merge it, or leave `draft` unset where `merge` is `auto` or `immediate`."
    );
  }
  switch (status) {
    case 401:
      return "GitHub does not accept the token: it is invalid, expired (a GitHub App token lasts one hour) or revoked.";
    case 403:
      return (
        `The token may read ${name} but not write to it: the workflow or job needs ${permissions(permission)}. ` +
        "Listing some permissions under `permissions:` sets every other one to none, and many repositories and organisations give GITHUB_TOKEN read access only. " +
        `A GitHub App or fine-grained personal access token needs Contents (and Pull requests) read and write on ${name}.`
      );
    case 404:
      return (
        `GitHub answers "not found" both when ${name} does not exist and when the credentials cannot see it. ` +
        `GITHUB_TOKEN reaches only the repository its workflow runs in (${at.workflowRepository || "the workflow's own"}); ` +
        `for another one pass a GitHub App installation token (actions/create-github-app-token) or a fine-grained personal access token with access to ${name}, ` +
        "as this step's `token` and as actions/checkout's."
      );
    default:
      return undefined;
  }
}

/**
 * A branch update GitHub refused because it changes a file under .github/workflows/. Our own
 * commits never write there: the base changed a workflow since the pull request's branch was
 * built (every run rebuilds it on the base), or the branch held one that the rebuild leaves out.
 */
function workflowsAdvice(message: string, branch: RefusedBranch): string {
  const why =
    `GitHub refuses any update of ${branch.name ?? "a branch"} that creates, changes or deletes a file under .github/workflows/ unless the token may write workflows; ` +
    "gitops-promote writes none, but rebuilding the pull request's branch on a base whose workflows changed since it was built (or leaving out one a person pushed there) changes them. ";
  if (/`?workflow`? scope/i.test(message)) return `${why}Give the personal access token the \`workflow\` scope (a fine-grained one: Workflows read and write).`;
  return (
    why +
    'With a GitHub App token, give the App "Workflows: Read and write" and ask for it (`permission-workflows: write` with actions/create-github-app-token). ' +
    `GITHUB_TOKEN can never have it: close the pull request and delete ${branch.name ?? "its branch"}, and the next run opens a fresh one from the base.`
  );
}

const TEAMS_ADVICE =
  "GitHub could not find a team of team-reviewers with this token: requesting a team's review needs reading the organisation's teams. " +
  "GITHUB_TOKEN has no organisation permissions and cannot request teams (name people instead, or use another token); " +
  'a GitHub App needs the organisation permission "Members: Read-only" (`permission-members: read` with actions/create-github-app-token), ' +
  "a fine-grained personal access token the same. Check too that the team exists and may see the repository.";

const PROTECTED_MERGE_ADVICE =
  "The base branch's protection holds the merge back until its requirements are met (required reviews or checks): " +
  "use `merge: auto` to have GitHub merge the pull request once they are (Allow auto-merge in the repository settings), or `merge: none` to leave it for a person.";

/**
 * The pull request's own branch refused the run's commit: delivering through a pull request is
 * what the run does already. Every run rebuilds that branch on the base, replacing it (a force
 * push), which "Block force pushes" and update restrictions refuse.
 */
function pullRequestBranchAdvice(branch: string): string {
  const pattern = branch.startsWith(BRANCH_PREFIX) ? `\`${BRANCH_PREFIX}**\`` : `\`${branch}\` (the pr-branch)`;
  return (
    `${branch} is the pull request's branch, and a branch protection or ruleset on it does not take this commit from the token's actor: ` +
    "every run replaces that branch (a force push), rebuilding it on the base as one commit. " +
    `Exempt ${pattern} from the rule that refuses it ("Block force pushes", "Restrict updates"), ` +
    "or put the token's actor on the ruleset's bypass list (a GitHub App)."
  );
}

function permissions([first, ...more]: readonly Permission[]): string {
  if (more.length > 0) return `\`permissions:\` ${[first, ...more].map((p) => `\`${p}: write\``).join(" and ")}, both`;
  return first === "pull-requests"
    ? "`permissions: pull-requests: write` (and `contents: write` for the commits)"
    : "`permissions: contents: write` (and `pull-requests: write` to open pull requests)";
}

function fullName(at: FailureContext): string {
  return `${at.repository.owner}/${at.repository.repo}`;
}
