/**
 * A stateful fake of GitHub on 127.0.0.1 for testing our Actions and src/github without reaching github.com.
 *
 * State lives in REAL bare git repos (one per `owner/name`, in a temp dir) driven by git plumbing; pull requests,
 * dispatches, workflow runs and access rules live in memory. Every REST body the fake receives or sends is checked
 * against GitHub's official OpenAPI description (ajv), and every GraphQL operation against GitHub's published schema;
 * anything that does not fit lands in `fake.violations`, so a test that ends with `expect(fake.violations).toEqual([])`
 * proves our client speaks GitHub's contract, not just the fake's.
 *
 * ```ts
 * const fake = await startFakeGitHub();                        // { token, url, apiUrl, graphqlUrl, ... }
 * await fake.createRepo("acme", "manifests", { "apps/app.yaml": "image: ghcr.io/acme/app:1.0.0\n" });
 * const octokit = getOctokit(fake.token, { baseUrl: fake.apiUrl });
 * // ... run code under test, or a bundled Action: runAction({ actionDir: ".", github: fake, ... }) (./run-action.js)
 * expect(await fake.readFile("acme", "manifests", "main", "apps/app.yaml")).toContain("1.2.3");
 * expect(fake.violations).toEqual([]);
 * await fake.close();
 * ```
 *
 * URLs (GitHub Enterprise Server layout, which Octokit and @actions/github derive from one another):
 * - `url`        = http://127.0.0.1:PORT            (GITHUB_SERVER_URL; git smart HTTP at `/<owner>/<repo>.git`)
 * - `apiUrl`     = http://127.0.0.1:PORT/api/v3     (GITHUB_API_URL; REST)
 * - `graphqlUrl` = http://127.0.0.1:PORT/api/graphql (GITHUB_GRAPHQL_URL; `/graphql` is served too).
 *   @octokit/graphql maps a baseUrl ending in /api/v3 to /api/graphql by itself.
 *
 * Auth: REST/GraphQL want `Authorization: token|bearer <token>`; git wants HTTP Basic with the token as password
 * (any user name, scheme case-insensitive, as actions/checkout sends it). Anything else is 401 "Bad credentials".
 * `setAccess` scopes a token per repo like GITHUB_TOKEN across repos: `none` -> 404, `read` -> 403 on writes.
 * `setPermissions` grants a token permission by permission (contents, pull-requests, issues, actions, workflows, members; every
 * token starts with all of them): an operation that needs more answers 403 "Resource not accessible by integration"
 * (GraphQL: FORBIDDEN), a team review request without `members` 422 "Could not resolve to a node with the global id of
 * 'T_…'", and a ref update (REST, GraphQL updateRefs, git push) whose old-to-new change touches `.github/workflows/`
 * without `workflows` is refused in GitHub's words for the token's kind (`ghs_`: an App's).
 * `protect(owner, repo, branch, { requirePullRequest, requiredChecks, requiredReviews })` refuses direct updates of the
 * branch (REST 422, GraphQL, git push GH006) and REST merges into it (405) in GitHub's wordings.
 *
 * REST endpoints (OpenAPI path templates, all under apiUrl):
 *   GET  /repos/{owner}/{repo}                              GET  /repos/{owner}/{repo}/branches/{branch}
 *   GET  /repos/{owner}/{repo}/git/ref/{ref}                POST /repos/{owner}/{repo}/git/refs
 *   PATCH/DELETE /repos/{owner}/{repo}/git/refs/{ref}       (422 "Update is not a fast forward" unless force; CAS)
 *   GET/POST git/commits, POST git/trees (base_tree; content | sha | sha:null), GET git/trees/{sha}?recursive=1,
 *   GET /compare/{base}...{head} (status, ahead_by/behind_by, commits paged; no files),
 *   POST git/blobs, GET git/blobs/{sha}, GET /repos/{owner}/{repo}/contents/{path}?ref=
 *   GET/POST /pulls (state/head/base filters, per_page/page + Link), GET/PATCH /pulls/{n} (a reopen 422 once the branch
 *        no longer holds the closed head or a descendant, or while another pull request from that head is open),
 *   PUT /pulls/{n}/merge (merge|squash|rebase; stale sha 409; not mergeable or conflicts 405), GET /pulls/{n}/merge,
 *   POST /issues/{n}/labels, POST /pulls/{n}/requested_reviewers,
 *   POST /dispatches (recorded in `dispatches`; schema: event_type 1..100 chars, client_payload <= 10 keys -> else 422),
 *   POST /actions/workflows/{id}/dispatches (recorded in `workflowDispatches`; `.github/workflows/<id>` must exist at
 *        `ref` and declare `workflow_dispatch` with matching inputs; return_run_details: true -> 200 run details, else
 *        204; option `workflowDispatchRunDetails: false` = old GHES that answers 422 to that key),
 *   GET /actions/runs/{id} (status/conclusion from `setWorkflowRun`; every workflow dispatch creates a queued run).
 * Unknown endpoints answer 404 and add an "unsupported" violation.
 *
 * GraphQL (graphql-js over @octokit/graphql-schema): `repository(owner,name){ id autoMergeAllowed pullRequest(number){
 * id number state merged mergeStateStatus mergeable autoMergeRequest{...} headRefOid ... } }`, `node(id)`,
 * `enablePullRequestAutoMerge` (fails with GitHub's "Pull request Pull request is in clean status" when the PR could be
 * merged now: a new PR's scripted state is CLEAN, i.e. no branch protection; "… in unstable status" after
 * `setMergeState(..., "UNSTABLE")`, a check not required pending or failing; call `setMergeState(..., "BLOCKED")` to
 * model pending required checks, and with "Pull request is in draft state" on a draft), `disablePullRequestAutoMerge`
 * (refused on a PR without auto-merge, or closed), `mergePullRequest`, `markPullRequestReadyForReview` (a person's
 * "Ready for review"). With auto-merge recorded, the merge happens on `completeAutoMerge(...)`, on
 * `setMergeState(..., "CLEAN")`, or at once with option `autoMerge: "immediate"`.
 * Merges by a method the repository does not allow (createRepo's `allowMergeCommit`, `allowSquashMerge`,
 * `allowRebaseMerge`, shown by GET /repos) are refused in GitHub's words, by REST, mergePullRequest and auto-merge.
 * Deleting a branch (REST DELETE git/refs, GraphQL updateRefs to the zero oid, a git push) closes the open pull requests
 * from it, unmerged, at the head it last held, as GitHub does; they cannot be reopened while the branch is gone.
 * A new PR's answer says `mergeable: null, mergeable_state: "unknown"` (GitHub computes it in the background); option
 * `headLag` has a PR show its old head for a while after its branch moved, as GitHub's does.
 *
 * Faults: `inject({ method?, path?, operationId?, times?, status?, headers?, body?, reset?, beforeHandle? })`. `path` is
 * matched (substring or RegExp) against the decoded path without the /api/v3 prefix: "/repos/o/r/git/refs/heads/main",
 * "/graphql", "/o/r.git/git-upload-pack". `beforeHandle` runs before the real handler (e.g. `fake.commitFile(...)` to
 * move a ref between a client's read and its write); `reset` destroys the socket; `status` answers with that status
 * (default bodies: GitHub's "Server Error" / secondary-rate-limit messages; a Buffer `body` is sent as it is, e.g. a
 * receive-pack answer in another server's words). `times` defaults to 1.
 *
 * Test helpers write straight into the bare repos (no API call recorded): `createRepo` (one initial commit),
 * `commitFiles`/`commitFile` (author "Test Author <test@example.com>", CAS on the branch, creates it from the default
 * branch), `readFile`/`listFiles`/`log`/`refs` (any branch, tag or sha), `pulls` (snapshots), `setMergeState`,
 * `completeAutoMerge`, `setWorkflowRun`, `setAccess`, `addToken`, `holdClock` (GitHub's clock stands still until released).
 *
 * API commits with neither `author` nor `committer` are committed by "GitHub <noreply@github.com>" and reported Verified,
 * like commits made with GITHUB_TOKEN or an App token; one given an `author` alone is committed by that author (GitHub's
 * documented default) and unsigned, as is one given a `committer`; commits pushed over git are unverified.
 *
 * Recording: `calls` (every request: method, path, operationId, status, request body, response body), `dispatches`,
 * `workflowDispatches`, `violations` (`takeViolations()` returns and clears them, for tests that provoke one on purpose;
 * `close()` throws when any is left, so every test checks the contract).
 */
import { rm, mkdtemp } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BareRepo, type GitIdentity } from "./github-fake/bare-repo.js";
import { parseGitPath, isPush, serveGit } from "./github-fake/git-http.js";
import { errorBody, type Actor, type Urls } from "./github-fake/github-objects.js";
import { executeGraphql } from "./github-fake/graphql-api.js";
import { refusedMutation, type MutationField, type Refusal } from "./github-fake/graphql-refusals.js";
import { installPushRules, pushEnv, refsDeletedBy, refUpdateRefused, type Protection } from "./github-fake/ref-rules.js";
import { ALL_PERMISSIONS, allowsMutation, allowsRest, type TokenPermissions } from "./github-fake/token-permissions.js";
import { checkRequest, checkResponse, operation, type JsonObject } from "./github-fake/openapi-contract.js";
import { requestErrorMessage } from "./github-fake/request-errors.js";
import { closePullsOfDeletedBranch, mergePull } from "./github-fake/pull-merge.js";
import { matchRoute, type Reply, type Services } from "./github-fake/rest-api.js";
import {
  gitHubNow,
  holdGitHubClock,
  isoNow,
  releaseGitHubClock,
  nodeId,
  type Access,
  type HeadLag,
  type MergeStateStatus,
  type PullState,
  type RepoSettings,
  type RepoState,
  type RepositoryDispatch,
  type WorkflowDispatch,
  type WorkflowRunState,
} from "./github-fake/state.js";

export type { Access, HeadLag, MergeStateStatus, Protection, PullState, RepositoryDispatch, TokenPermissions, WorkflowDispatch, WorkflowRunState };

export interface FakeGitHubOptions {
  /** The token every request must carry; default a random `ghs_...` string. */
  token?: string;
  /** Who the token belongs to: PR author, default commit author. Default github-actions[bot]. */
  actor?: Actor;
  /** false = an old GHES that rejects `return_run_details` in workflow dispatches with 422. Default true. */
  workflowDispatchRunDetails?: boolean;
  /** "immediate" = enablePullRequestAutoMerge merges at once (checks pass instantly). Default "record". */
  autoMerge?: "record" | "immediate";
  /**
   * A pull request shows its old head for a while after its branch moved, as on GitHub: a merge
   * of the new head (`sha`, `expectedHeadOid`) meanwhile is refused 409 "Head branch was modified".
   * Default: it follows at once.
   */
  headLag?: HeadLag;
}

export type FileSpec = string | { content: string; mode?: "100644" | "100755" | "120000" };

export interface CreateRepoOptions extends Partial<RepoSettings> {
  /** Message of the initial commit. */
  message?: string;
}

export interface LogEntry {
  sha: string;
  message: string;
  parents: string[];
  author: GitIdentity;
  committer: GitIdentity;
  /** GitHub signed it (an API commit without explicit committer, or a merge by GitHub). */
  verified: boolean;
}

export interface RecordedCall {
  method: string;
  /** Decoded, without the /api/v3 prefix. */
  path: string;
  /** The OpenAPI operationId for REST, "graphql" for GraphQL, "git" for smart HTTP. */
  operationId: string | undefined;
  status: number;
  body: unknown;
  response: unknown;
  /** Answered by an injected fault. */
  fault: boolean;
}

export interface Violation {
  kind: "request" | "response" | "graphql" | "unsupported" | "internal";
  method: string;
  path: string;
  operationId?: string;
  status?: number;
  errors: string[];
}

export interface Fault {
  method?: string;
  path?: string | RegExp;
  operationId?: string;
  /** How many matching requests it hits; default 1. */
  times?: number;
  status?: number;
  headers?: Record<string, string>;
  /** The answer's JSON; a Buffer is sent as it is (a git smart-HTTP answer, its content-type in `headers`). */
  body?: unknown;
  /** Destroy the socket instead of answering. */
  reset?: boolean;
  beforeHandle?: () => Promise<void> | void;
}

export interface InjectedFault {
  /** Requests it has hit so far. */
  readonly hits: number;
  cancel(): void;
}

export interface RepoInfo {
  owner: string;
  name: string;
  defaultBranch: string;
  /** The initial commit. */
  sha: string;
}

export interface FakeGitHub {
  readonly token: string;
  readonly url: string;
  readonly apiUrl: string;
  readonly graphqlUrl: string;
  readonly calls: RecordedCall[];
  readonly violations: Violation[];
  readonly dispatches: RepositoryDispatch[];
  readonly workflowDispatches: WorkflowDispatch[];
  /** A repo whose default branch holds `files` in one initial commit. */
  createRepo(owner: string, name: string, files?: Record<string, FileSpec>, options?: CreateRepoOptions): Promise<RepoInfo>;
  /** Commits file changes (null deletes) on `branch`, creating it from the default branch if needed; returns the sha. */
  commitFiles(owner: string, repo: string, branch: string, files: Record<string, FileSpec | null>, message?: string): Promise<string>;
  commitFile(owner: string, repo: string, branch: string, path: string, content: string, message?: string): Promise<string>;
  /** File content at a branch, tag or sha; undefined when absent. */
  readFile(owner: string, repo: string, ref: string, path: string): Promise<string | undefined>;
  /** Every file path at ref, sorted. */
  listFiles(owner: string, repo: string, ref: string): Promise<string[]>;
  /** Commits reachable from ref, newest first. */
  log(owner: string, repo: string, ref: string): Promise<LogEntry[]>;
  /** Full ref name -> sha. */
  refs(owner: string, repo: string): Promise<Record<string, string>>;
  /** Snapshots of the repo's pull requests, by number. */
  pulls(owner: string, repo: string): PullState[];
  /** Scripts the PR's MergeStateStatus (stands in for branch protection/checks); a recorded auto-merge fires on CLEAN. */
  setMergeState(owner: string, repo: string, number: number, status: MergeStateStatus): Promise<void>;
  /** Merges a PR whose auto-merge is enabled, as GitHub does once the checks pass; returns the merge sha. */
  completeAutoMerge(owner: string, repo: string, number: number): Promise<string>;
  setWorkflowRun(owner: string, repo: string, runId: number, update: Pick<WorkflowRunState, "status" | "conclusion">): void;
  /** Per-repo access for one token (or, without token, for every token). */
  setAccess(owner: string, repo: string, access: Access, token?: string): void;
  /** Changes what one token (default: `token`) is granted, permission by permission; the rest stay as they were. */
  setPermissions(permissions: Partial<TokenPermissions>, token?: string): void;
  /** Protects `branch` (or, with undefined, lifts its protection). */
  protect(owner: string, repo: string, branch: string, protection: Protection | undefined): void;
  /** Another valid token (e.g. a PAT next to GITHUB_TOKEN), of `actor` (a person's) or, by default, the same account. */
  addToken(token: string, actor?: Actor): void;
  inject(fault: Fault): InjectedFault;
  /**
   * Stops GitHub's clock (its Date header, closed_at, commit dates) until the function returned is
   * called, or the fake closes: a test that holds a request while other runs go on says no time
   * passes at GitHub meanwhile, however long those runs take on a loaded machine.
   */
  holdClock(): () => void;
  takeViolations(): Violation[];
  /** Clone URL; with `auth` (default true) the token (default `token`) is embedded as `x-access-token:<token>@`. */
  gitUrl(owner: string, repo: string, options?: { auth?: boolean; token?: string }): string;
  close(): Promise<void>;
}

const DEFAULT_ACTOR: Actor = {
  login: "github-actions[bot]",
  id: 41898282,
  name: "github-actions[bot]",
  email: "41898282+github-actions[bot]@users.noreply.github.com",
};

// Statuses GitHub may answer on any operation even where the description omits them.
const GENERIC_STATUSES = new Set([401, 403, 404, 429, 500, 502, 503]);

interface ActiveFault extends Fault {
  left: number;
  hits: number;
}

export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const root = await mkdtemp(join(tmpdir(), "fake-github-"));
  const token = options.token ?? `ghs_fake${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
  const actor = options.actor ?? DEFAULT_ACTOR;
  const tokens = new Set([token]);
  // The accounts of tokens added for another one than `actor`'s: what they open or close is theirs.
  const accounts = new Map<string, Actor>();
  const granted = new Map<string, TokenPermissions>();
  const permissionsOf = (tok: string): TokenPermissions => granted.get(tok) ?? ALL_PERMISSIONS;
  const access = new Map<string, Access>();
  const repos = new Map<string, RepoState>();
  const faults: ActiveFault[] = [];
  const calls: RecordedCall[] = [];
  const violations: Violation[] = [];
  const dispatches: RepositoryDispatch[] = [];
  const workflowDispatches: WorkflowDispatch[] = [];
  let lastId = 1000;
  const urls: Urls = { api: "", server: "" };

  const key = (owner: string, name: string) => `${owner}/${name}`.toLowerCase();
  const findRepo = (owner: string, name: string) => repos.get(key(owner, name));
  const accessOf = (repo: RepoState, tok: string): Access =>
    access.get(`${tok} ${key(repo.owner, repo.name)}`) ?? access.get(`* ${key(repo.owner, repo.name)}`) ?? "write";
  const repoOrThrow = (owner: string, name: string): RepoState => {
    const repo = findRepo(owner, name);
    if (!repo) throw new Error(`fake GitHub has no repo ${owner}/${name}`);
    return repo;
  };
  const pullOrThrow = (owner: string, name: string, number: number): { repo: RepoState; pull: PullState } => {
    const repo = repoOrThrow(owner, name);
    const pull = repo.pulls.find((p) => p.number === number);
    if (!pull) throw new Error(`fake GitHub has no pull request ${owner}/${name}#${number}`);
    return { repo, pull };
  };

  const services: Services = {
    urls,
    actor,
    dispatches,
    workflowDispatches,
    acceptsReturnRunDetails: options.workflowDispatchRunDetails ?? true,
    nextId: () => ++lastId,
  };

  async function autoMergeNow(repo: RepoState, pull: PullState): Promise<string> {
    const method = pull.autoMerge?.mergeMethod;
    if (!method) throw new Error(`auto-merge is not enabled on ${repo.owner}/${repo.name}#${pull.number}`);
    const outcome = await mergePull(
      repo,
      pull,
      { method, title: pull.autoMerge?.commitHeadline ?? undefined, message: pull.autoMerge?.commitBody ?? undefined, requirementsMet: true },
      { ...actor, date: isoNow() },
    );
    if (!outcome.ok) throw new Error(`auto-merge of ${repo.owner}/${repo.name}#${pull.number} failed: ${outcome.message}`);
    return outcome.sha;
  }

  async function commitFiles(owner: string, name: string, branch: string, files: Record<string, FileSpec | null>, message = "Update files"): Promise<string> {
    const repo = repoOrThrow(owner, name);
    const fullRef = `refs/heads/${branch}`;
    for (;;) {
      const current = await repo.git.refSha(fullRef);
      const parent = current ?? (await repo.git.refSha(`refs/heads/${repo.defaultBranch}`));
      const changes = await Promise.all(
        Object.entries(files).map(async ([path, spec]) =>
          spec === null
            ? { path, mode: "100644", sha: null }
            : {
                path,
                mode: typeof spec === "string" ? "100644" : (spec.mode ?? "100644"),
                sha: await repo.git.writeBlob(Buffer.from(typeof spec === "string" ? spec : spec.content)),
              },
        ),
      );
      const tree = await repo.git.buildTree(parent ? (await repo.git.readCommit(parent)).tree : undefined, changes);
      const who = { name: "Test Author", email: "test@example.com", date: isoNow() };
      const sha = await repo.git.createCommit(tree, parent ? [parent] : [], message, who, who);
      if (await repo.git.casRef(fullRef, sha, current)) return sha;
    }
  }

  // ---- HTTP ----

  function send(res: ServerResponse, reply: Reply, extraHeaders: Record<string, string> = {}): void {
    const headers: Record<string, string> = {
      "x-github-request-id": `FAKE:${++lastId}`,
      "x-ratelimit-limit": "5000",
      "x-ratelimit-remaining": "4999",
      "x-ratelimit-reset": String(Math.floor(Date.now() / 1000) + 3600),
      "x-ratelimit-used": "1",
      "x-ratelimit-resource": "core",
      // Node's own Date is cached for up to a second, and would run on while a test holds the clock.
      date: new Date(gitHubNow()).toUTCString(),
      ...extraHeaders,
      ...reply.headers,
    };
    if (reply.body !== undefined) headers["content-type"] = "application/json; charset=utf-8";
    res.writeHead(reply.status, headers);
    res.end(reply.body === undefined ? undefined : JSON.stringify(reply.body));
  }

  function readBody(req: IncomingMessage): Promise<string> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
      req.on("error", reject);
    });
  }

  function bearer(req: IncomingMessage): string | undefined {
    const m = /^(?:token|bearer)\s+(\S+)$/i.exec(req.headers.authorization ?? "");
    return m?.[1] && tokens.has(m[1]) ? m[1] : undefined;
  }

  function basic(req: IncomingMessage): string | undefined {
    const m = /^basic\s+(\S+)$/i.exec(req.headers.authorization ?? "");
    const password = m?.[1] ? Buffer.from(m[1], "base64").toString("utf8").split(":").slice(1).join(":") : undefined;
    return password && tokens.has(password) ? password : undefined;
  }

  function takeFault(method: string, path: string, operationId: string | undefined): ActiveFault | undefined {
    const fault = faults.find(
      (f) =>
        f.left > 0 &&
        (!f.method || f.method.toUpperCase() === method) &&
        (!f.operationId || f.operationId === operationId) &&
        (!f.path || (typeof f.path === "string" ? path.includes(f.path) : f.path.test(path))),
    );
    if (fault) {
      fault.left--;
      fault.hits++;
    }
    return fault;
  }

  /** Applies a fault; true when it answered the request itself. */
  async function applyFault(fault: ActiveFault, req: IncomingMessage, res: ServerResponse, call: RecordedCall): Promise<boolean> {
    await fault.beforeHandle?.();
    if (fault.reset) {
      call.fault = true;
      call.status = 0;
      req.socket.destroy();
      return true;
    }
    if (fault.status === undefined) return false;
    if (Buffer.isBuffer(fault.body)) {
      for await (const _ of req); // the request read whole, as a server does before it answers
      Object.assign(call, { fault: true, status: fault.status });
      res.writeHead(fault.status, fault.headers);
      res.end(fault.body);
      return true;
    }
    const message =
      fault.status === 403 || fault.status === 429
        ? fault.headers?.["x-ratelimit-remaining"] === "0"
          ? "API rate limit exceeded for installation ID 1."
          : "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID FAKE."
        : "Server Error";
    const body = (fault.body ?? errorBody(fault.status, message)) as Reply["body"];
    Object.assign(call, { fault: true, status: fault.status, response: body });
    send(res, { status: fault.status, body, headers: fault.headers });
    return true;
  }

  async function handleRest(req: IncomingMessage, res: ServerResponse, url: URL, rawPath: string, call: RecordedCall): Promise<void> {
    const method = req.method ?? "GET";
    const matched = matchRoute(method, rawPath);
    const template = matched?.route.template;
    const httpMethod = method.toLowerCase() as "get";
    call.operationId = template ? operation(httpMethod, template).operationId : undefined;
    const fault = takeFault(method, call.path, call.operationId);
    if (fault && (await applyFault(fault, req, res, call))) return;

    const text = await readBody(req);
    const reply = await (async (): Promise<Reply> => {
      const tok = bearer(req);
      if (!tok) return { status: 401, body: errorBody(401, "Bad credentials") };
      const body = parseJson(text);
      if (body === undefined) return { status: 400, body: errorBody(400, "Problems parsing JSON") };
      call.body = text ? body : undefined;
      if (!matched || !template) {
        violations.push({ kind: "unsupported", method, path: call.path, errors: ["the fake does not serve this endpoint"] });
        return { status: 404, body: errorBody(404, "Not Found") };
      }
      const repo = findRepo(matched.params.owner ?? "", matched.params.repo ?? "");
      if (!repo || accessOf(repo, tok) === "none") return { status: 404, body: errorBody(404, "Not Found") };
      if ((method !== "GET" && accessOf(repo, tok) === "read") || !allowsRest(permissionsOf(tok), call.operationId))
        return { status: 403, body: errorBody(403, "Resource not accessible by integration") };
      if (text) {
        const errors = checkRequest(httpMethod, template, body);
        if (errors.length > 0) {
          const message = requestErrorMessage(errors);
          violations.push({ kind: "request", method, path: call.path, operationId: call.operationId, errors: [message] });
          return { status: 422, body: errorBody(422, message) };
        }
      }
      const account = accounts.get(tok);
      const as = account ? { ...services, actor: account } : services;
      return matched.route.handle({ repo, params: matched.params, query: url.searchParams, body, token: tok, permissions: permissionsOf(tok), services: as });
    })();

    if (template) {
      const errors = checkResponse(httpMethod, template, reply.status, reply.body);
      if (errors === undefined && !GENERIC_STATUSES.has(reply.status) && !matched?.route.undocumented?.includes(reply.status)) {
        violations.push({
          kind: "response",
          method,
          path: call.path,
          operationId: call.operationId,
          status: reply.status,
          errors: [`status ${reply.status} is not documented`],
        });
      } else if (errors && errors.length > 0) {
        violations.push({ kind: "response", method, path: call.path, operationId: call.operationId, status: reply.status, errors });
      }
    }
    Object.assign(call, { status: reply.status, response: reply.body });
    send(res, reply);
  }

  async function handleGraphql(req: IncomingMessage, res: ServerResponse, call: RecordedCall): Promise<void> {
    call.operationId = "graphql";
    const fault = takeFault(req.method ?? "POST", call.path, "graphql");
    if (fault && (await applyFault(fault, req, res, call))) return;
    const text = await readBody(req);
    const tok = bearer(req);
    let reply: Reply;
    if (!tok) {
      reply = { status: 401, body: { message: "Bad credentials", documentation_url: "https://docs.github.com/graphql" } };
    } else {
      const request = JSON.parse(text || "{}") as { query?: string; variables?: Record<string, unknown>; operationName?: string };
      call.body = request;
      const refused = await refusedMutation({ ...request, query: request.query ?? "" }, (field) => mutationRefusal(tok, field));
      const result = refused
        ? { body: refused, invalid: [] }
        : await executeGraphql(
            {
              urls,
              actor,
              autoMerge: options.autoMerge ?? "record",
              findRepo,
              repoById: (id) => [...repos.values()].find((r) => r.id === id),
              access: accessOf,
            },
            tok,
            {
              query: request.query ?? "",
              variables: request.variables,
              operationName: request.operationName,
            },
          );
      if (result.invalid.length > 0)
        violations.push({ kind: "graphql", method: "POST", path: call.path, operationId: "graphql", status: 200, errors: result.invalid });
      reply = { status: 200, body: result.body as Reply["body"] };
    }
    Object.assign(call, { status: reply.status, response: reply.body });
    send(res, reply);
  }

  /** What GitHub refuses of a mutation before it runs: a permission the token lacks, an updateRefs its ref rules refuse. */
  async function mutationRefusal(tok: string, field: MutationField): Promise<Refusal | undefined> {
    if (!allowsMutation(permissionsOf(tok), field.name)) return { type: "FORBIDDEN", message: "Resource not accessible by integration" };
    if (field.name !== "updateRefs") return undefined;
    const input = field.input as { repositoryId?: string; refUpdates?: { name: string; afterOid: string }[] } | undefined;
    const id = nodeId.parseRepository(input?.repositoryId ?? "");
    const repo = id === undefined ? undefined : [...repos.values()].find((r) => r.id === id);
    if (!repo || accessOf(repo, tok) !== "write") return undefined;
    for (const update of input?.refUpdates ?? []) {
      const change = { fullRef: update.name, before: await repo.git.refSha(update.name), after: update.afterOid };
      const refused = await refUpdateRefused(repo, tok, permissionsOf(tok), change);
      if (refused) return { type: refused.status === 403 ? "FORBIDDEN" : "UNPROCESSABLE", message: refused.message };
    }
    return undefined;
  }

  async function handleGit(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    target: { owner: string; repo: string; rest: string },
    call: RecordedCall,
  ): Promise<void> {
    call.operationId = "git";
    const fault = takeFault(req.method ?? "GET", call.path, "git");
    if (fault && (await applyFault(fault, req, res, call))) return;
    const tok = basic(req);
    const repo = findRepo(target.owner, target.repo);
    const deny = (status: number, message: string) => {
      call.status = status;
      res.writeHead(status, { "content-type": "text/plain", ...(status === 401 ? { "www-authenticate": 'Basic realm="GitHub"' } : {}) });
      res.end(message + "\n");
    };
    if (!tok) return deny(401, "Invalid username or token.");
    if (!repo || accessOf(repo, tok) === "none") return deny(404, "Repository not found.");
    if (isPush(url) && accessOf(repo, tok) === "read") return deny(403, `Permission to ${repo.owner}/${repo.name}.git denied.`);
    const served = { owner: repo.owner, repo: repo.name, rest: target.rest };
    // The post-receive hook writes down what the push changed, one file a request, for GitHub's part after a push.
    const pushLog = join(root, `.push-${++lastId}.log`);
    const afterPush = async () => {
      for (const { fullRef, before } of await refsDeletedBy(pushLog)) closePullsOfDeletedBranch(repo, fullRef, before, accounts.get(tok) ?? actor);
      await rm(pushLog, { force: true });
    };
    const env = { ...pushEnv(repo, tok, permissionsOf(tok)), FAKE_PUSH_LOG: pushLog };
    call.status = await serveGit(req, res, url, root, served, "x-access-token", env, afterPush);
  }

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const rawPath = url.pathname.replace(/^\/api\/v3(?=\/)/, "");
    const restPath = rawPath !== url.pathname;
    const call: RecordedCall = {
      method: req.method ?? "GET",
      path: safeDecode(rawPath),
      operationId: undefined,
      status: 0,
      body: undefined,
      response: undefined,
      fault: false,
    };
    calls.push(call);
    const gitTarget = restPath ? undefined : parseGitPath(url.pathname);
    const work =
      url.pathname === "/api/graphql" || url.pathname === "/graphql"
        ? ((call.path = "/graphql"), handleGraphql(req, res, call))
        : restPath
          ? handleRest(req, res, url, rawPath, call)
          : gitTarget
            ? handleGit(req, res, url, gitTarget, call)
            : Promise.resolve(send(res, { status: 404, body: errorBody(404, "Not Found") }));
    work.catch((error: unknown) => {
      violations.push({ kind: "internal", method: call.method, path: call.path, errors: [String((error as Error).stack ?? error)] });
      call.status = 500;
      if (!res.headersSent) send(res, { status: 500, body: errorBody(500, "Server Error") });
      else res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  urls.server = `http://127.0.0.1:${port}`;
  urls.api = `${urls.server}/api/v3`;

  return {
    token,
    url: urls.server,
    apiUrl: urls.api,
    graphqlUrl: `${urls.server}/api/graphql`,
    calls,
    violations,
    dispatches,
    workflowDispatches,

    async createRepo(owner, name, files = {}, repoOptions = {}) {
      if (findRepo(owner, name)) throw new Error(`fake GitHub already has ${owner}/${name}`);
      const defaultBranch = repoOptions.defaultBranch ?? "main";
      const git = await BareRepo.init(join(root, owner, `${name}.git`), defaultBranch);
      const id = services.nextId();
      const repo: RepoState = {
        owner,
        name,
        id,
        nodeId: nodeId.repository(id),
        git,
        defaultBranch,
        autoMergeAllowed: repoOptions.autoMergeAllowed ?? true,
        actionsCanCreatePullRequests: repoOptions.actionsCanCreatePullRequests ?? true,
        allowMergeCommit: repoOptions.allowMergeCommit ?? true,
        allowSquashMerge: repoOptions.allowSquashMerge ?? true,
        allowRebaseMerge: repoOptions.allowRebaseMerge ?? true,
        private: repoOptions.private ?? true,
        createdAt: isoNow(),
        pulls: [],
        runs: new Map(),
        verified: new Set(),
        protections: new Map(),
        ...(options.headLag && { headLag: { ...options.headLag, served: () => calls.filter((c) => c.operationId !== "git").length } }),
      };
      await installPushRules(git);
      repos.set(key(owner, name), repo);
      const sha = await commitFiles(owner, name, defaultBranch, files, repoOptions.message ?? "Initial commit");
      return { owner, name, defaultBranch, sha };
    },

    commitFiles,

    commitFile: (owner, name, branch, path, content, message) => commitFiles(owner, name, branch, { [path]: content }, message ?? `Update ${path}`),

    async readFile(owner, name, ref, path) {
      const repo = repoOrThrow(owner, name);
      const commit = await repo.git.resolve(ref);
      const entry = commit ? await repo.git.entryAt(commit, path) : undefined;
      return entry?.type === "blob" ? (await repo.git.readBlob(entry.sha)).toString("utf8") : undefined;
    },

    async listFiles(owner, name, ref) {
      const repo = repoOrThrow(owner, name);
      const commit = await repo.git.resolve(ref);
      if (!commit) throw new Error(`no ref ${ref} in ${owner}/${name}`);
      return (await repo.git.readTree(commit, true))
        .filter((e) => e.type !== "tree")
        .map((e) => e.path)
        .sort();
    },

    async log(owner, name, ref) {
      const repo = repoOrThrow(owner, name);
      const out = (await repo.git.git(["rev-list", "--topo-order", ref])).stdout.toString().split("\n").filter(Boolean);
      return Promise.all(
        out.map(async (sha) => {
          const c = await repo.git.readCommit(sha);
          return { sha, message: c.message, parents: c.parents, author: c.author, committer: c.committer, verified: repo.verified.has(sha) };
        }),
      );
    },

    async refs(owner, name) {
      return Object.fromEntries(await repoOrThrow(owner, name).git.refs());
    },

    pulls: (owner, name) => structuredClone(repoOrThrow(owner, name).pulls),

    async setMergeState(owner, name, number, status) {
      const { repo, pull } = pullOrThrow(owner, name, number);
      pull.mergeStateStatus = status;
      if (pull.autoMerge && pull.state === "open" && (status === "CLEAN" || status === "UNSTABLE" || status === "HAS_HOOKS")) await autoMergeNow(repo, pull);
    },

    async completeAutoMerge(owner, name, number) {
      const { repo, pull } = pullOrThrow(owner, name, number);
      if (!pull.autoMerge) throw new Error(`auto-merge is not enabled on ${owner}/${name}#${number}`);
      pull.mergeStateStatus = "CLEAN";
      return autoMergeNow(repo, pull);
    },

    setWorkflowRun(owner, name, runId, update) {
      const run = repoOrThrow(owner, name).runs.get(runId);
      if (!run) throw new Error(`no workflow run ${runId} in ${owner}/${name}`);
      Object.assign(run, update, { updatedAt: isoNow() });
    },

    setAccess(owner, name, level, tok) {
      access.set(`${tok ?? "*"} ${key(owner, name)}`, level);
    },

    addToken(tok, account) {
      tokens.add(tok);
      if (account) accounts.set(tok, account);
    },

    setPermissions(permissions, tok = token) {
      granted.set(tok, { ...permissionsOf(tok), ...permissions });
    },

    protect(owner, name, branch, protection) {
      const { protections } = repoOrThrow(owner, name);
      if (protection) protections.set(branch, protection);
      else protections.delete(branch);
    },

    inject(fault) {
      const active: ActiveFault = { ...fault, left: fault.times ?? 1, hits: 0 };
      faults.push(active);
      return {
        get hits() {
          return active.hits;
        },
        cancel() {
          active.left = 0;
        },
      };
    },

    takeViolations() {
      return violations.splice(0, violations.length);
    },

    gitUrl(owner, name, { auth = true, token: tok = token } = {}) {
      return `http://${auth ? `x-access-token:${tok}@` : ""}127.0.0.1:${port}/${owner}/${name}.git`;
    },

    holdClock: holdGitHubClock,

    async close() {
      releaseGitHubClock();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(root, { recursive: true, force: true });
      // Every test that uses the fake checks GitHub's contract: a violation it did not provoke and take fails it.
      if (violations.length > 0) throw new Error(`fake GitHub: contract violations not taken (takeViolations):\n${JSON.stringify(violations, null, 2)}`);
    },
  };
}

/** A request body: {} when empty, undefined when not JSON. */
function parseJson(text: string): JsonObject | undefined {
  try {
    return text ? (JSON.parse(text) as JsonObject) : {};
  } catch {
    return undefined;
  }
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
