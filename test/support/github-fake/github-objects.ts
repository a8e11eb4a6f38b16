// REST representations of the fake's state. Big objects start from the OpenAPI examples (GitHub's own shapes),
// re-pointed at the fake's URLs and patched with real values, so they stay complete enough for the schemas.
import type { CommitObject, TreeEntry } from "./bare-repo.js";
import { responseExample, type Json, type JsonObject } from "./openapi-contract.js";
import { nodeId, type PullState, type RepoState, type WorkflowRunState } from "./state.js";

export interface Urls {
  /** e.g. http://127.0.0.1:PORT/api/v3 */
  api: string;
  /** e.g. http://127.0.0.1:PORT */
  server: string;
}

export interface Actor {
  login: string;
  id: number;
  name: string;
  email: string;
}

const DOCS = "https://docs.github.com/rest";

export function errorBody(status: number, message: string, errors?: JsonObject[]): JsonObject {
  return { message, documentation_url: DOCS, status: String(status), ...(errors ? { errors } : {}) };
}

/** Deep string replacement of the example's octocat/Hello-World URLs and names by the fake's. */
function repoint(value: Json, urls: Urls, owner: string, name: string): Json {
  if (typeof value === "string") {
    return value
      .replaceAll("https://api.github.com", urls.api)
      .replaceAll("https://github.com", urls.server)
      .replaceAll("git://github.com/", `git://${new URL(urls.server).host}/`)
      .replaceAll("git@github.com:", `git@${new URL(urls.server).host}:`)
      .replaceAll("https://uploads.github.com", urls.server)
      .replaceAll(/octocat\/(Hello-World|hello-world)/g, `${owner}/${name}`)
      .replace(/^Hello-World$/, name)
      .replace(/^octocat$/, owner);
  }
  if (Array.isArray(value)) return value.map((v) => repoint(v, urls, owner, name));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, repoint(v, urls, owner, name)]));
  return value;
}

export function user(urls: Urls, login: string, id: number): JsonObject {
  // Bot logins ("github-actions[bot]") are percent-encoded in URLs, as on GitHub.
  const path = encodeURIComponent(login);
  const api = `${urls.api}/users/${path}`;
  return {
    login,
    id,
    node_id: nodeId.object("U", login),
    avatar_url: `${urls.server}/avatars/${path}`,
    gravatar_id: "",
    url: api,
    html_url: `${urls.server}/${path}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: login.endsWith("[bot]") ? "Bot" : "User",
    site_admin: false,
  };
}

export function repository(urls: Urls, repo: RepoState): JsonObject {
  const out = repoint(responseExample("get", "/repos/{owner}/{repo}", 200), urls, repo.owner, repo.name) as JsonObject;
  for (const key of ["source", "parent", "template_repository", "organization", "temp_clone_token"]) delete out[key];
  return {
    ...out,
    id: repo.id,
    node_id: repo.nodeId,
    name: repo.name,
    full_name: `${repo.owner}/${repo.name}`,
    owner: user(urls, repo.owner, ownerId(repo.owner)),
    private: repo.private,
    visibility: repo.private ? "private" : "public",
    fork: false,
    language: null,
    homepage: null,
    description: null,
    default_branch: repo.defaultBranch,
    allow_auto_merge: repo.autoMergeAllowed,
    allow_merge_commit: repo.allowMergeCommit,
    allow_squash_merge: repo.allowSquashMerge,
    allow_rebase_merge: repo.allowRebaseMerge,
    clone_url: `${urls.server}/${repo.owner}/${repo.name}.git`,
    open_issues_count: repo.pulls.filter((p) => p.state === "open").length,
    open_issues: repo.pulls.filter((p) => p.state === "open").length,
    created_at: repo.createdAt,
    updated_at: repo.createdAt,
    pushed_at: repo.createdAt,
  };
}

function ownerId(login: string): number {
  let h = 7;
  for (const c of login) h = (h * 31 + c.charCodeAt(0)) % 1_000_000;
  return 1000 + h;
}

export function ref(urls: Urls, repo: RepoState, fullRef: string, sha: string, type: string): JsonObject {
  const base = `${urls.api}/repos/${repo.owner}/${repo.name}/git`;
  return {
    ref: fullRef,
    node_id: nodeId.object("REF", `${repo.id}:${fullRef}`),
    url: `${base}/${fullRef}`,
    object: { type, sha, url: `${base}/${type}s/${sha}` },
  };
}

export function gitCommit(urls: Urls, repo: RepoState, commit: CommitObject): JsonObject {
  const base = `${urls.api}/repos/${repo.owner}/${repo.name}/git`;
  const html = `${urls.server}/${repo.owner}/${repo.name}/commit`;
  const verified = repo.verified.has(commit.sha);
  return {
    sha: commit.sha,
    node_id: nodeId.object("C", commit.sha),
    url: `${base}/commits/${commit.sha}`,
    html_url: `${html}/${commit.sha}`,
    author: { ...commit.author },
    committer: { ...commit.committer },
    message: commit.message,
    tree: { sha: commit.tree, url: `${base}/trees/${commit.tree}` },
    parents: commit.parents.map((p) => ({ sha: p, url: `${base}/commits/${p}`, html_url: `${html}/${p}` })),
    verification: { verified, reason: verified ? "valid" : "unsigned", signature: null, payload: null, verified_at: verified ? commit.committer.date : null },
  };
}

export function tree(urls: Urls, repo: RepoState, sha: string, entries: TreeEntry[]): JsonObject {
  const base = `${urls.api}/repos/${repo.owner}/${repo.name}/git`;
  return {
    sha,
    url: `${base}/trees/${sha}`,
    truncated: false,
    tree: entries.map((e) => ({
      path: e.path,
      mode: e.mode,
      type: e.type,
      sha: e.sha,
      ...(e.size === undefined ? {} : { size: e.size }),
      url: `${base}/${e.type}s/${e.sha}`,
    })),
  };
}

export function label(urls: Urls, repo: RepoState, name: string): JsonObject {
  return {
    id: ownerId(name),
    node_id: nodeId.object("LA", `${repo.id}:${name}`),
    url: `${urls.api}/repos/${repo.owner}/${repo.name}/labels/${encodeURIComponent(name)}`,
    name,
    // pull-request-simple wants a string here, issues' label schema also allows null: "" fits both.
    description: "",
    color: "ededed",
    default: false,
  };
}

export interface PullView {
  pull: PullState;
  baseSha: string;
  mergeableState: string;
  actor: Actor;
}

export function pullRequest(urls: Urls, repo: RepoState, view: PullView): JsonObject {
  const { pull } = view;
  const out = repoint(responseExample("get", "/repos/{owner}/{repo}/pulls/{pull_number}", 200), urls, repo.owner, repo.name) as JsonObject;
  const repoJson = repository(urls, repo);
  const ownerJson = user(urls, repo.owner, ownerId(repo.owner));
  const actorJson = user(urls, view.actor.login, view.actor.id);
  const api = `${urls.api}/repos/${repo.owner}/${repo.name}`;
  const html = `${urls.server}/${repo.owner}/${repo.name}/pull/${pull.number}`;
  const dirty = view.mergeableState === "dirty";
  // null while GitHub computes it (a new pull request's answer), and on a closed one.
  const mergeable = pull.state === "open" && view.mergeableState !== "unknown" ? !dirty : null;
  return {
    ...out,
    url: `${api}/pulls/${pull.number}`,
    id: pull.id,
    node_id: pull.nodeId,
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${api}/issues/${pull.number}`,
    commits_url: `${api}/pulls/${pull.number}/commits`,
    review_comments_url: `${api}/pulls/${pull.number}/comments`,
    comments_url: `${api}/issues/${pull.number}/comments`,
    statuses_url: `${api}/statuses/${pull.headSha}`,
    number: pull.number,
    state: pull.state,
    locked: false,
    title: pull.title,
    body: pull.body,
    user: user(urls, pull.openedBy.login, pull.openedBy.id),
    labels: pull.labels.map((name) => label(urls, repo, name)),
    milestone: null,
    active_lock_reason: null,
    created_at: pull.createdAt,
    updated_at: pull.updatedAt,
    closed_at: pull.closedAt,
    merged_at: pull.mergedAt,
    merge_commit_sha: pull.mergeCommitSha,
    assignee: pull.assignees[0] === undefined ? null : user(urls, pull.assignees[0], ownerId(pull.assignees[0])),
    assignees: pull.assignees.map((login) => user(urls, login, ownerId(login))),
    requested_reviewers: pull.reviewers.map((login) => user(urls, login, ownerId(login))),
    requested_teams: [],
    head: { label: `${repo.owner}:${pull.head}`, ref: pull.head, sha: pull.headSha, user: ownerJson, repo: repoJson },
    base: { label: `${repo.owner}:${pull.base}`, ref: pull.base, sha: view.baseSha, user: ownerJson, repo: repoJson },
    author_association: "CONTRIBUTOR",
    auto_merge: pull.autoMerge
      ? {
          enabled_by: actorJson,
          merge_method: pull.autoMerge.mergeMethod,
          commit_title: pull.autoMerge.commitHeadline ?? "",
          commit_message: pull.autoMerge.commitBody ?? "",
        }
      : null,
    draft: pull.draft,
    merged: pull.merged,
    mergeable,
    rebaseable: mergeable,
    mergeable_state: view.mergeableState,
    merged_by: pull.merged ? actorJson : null,
    maintainer_can_modify: pull.maintainerCanModify,
  };
}

/** A pull request as the issues API answers for it (an issue with a `pull_request` link), from its pulls view. */
export function issueOfPull(urls: Urls, repo: RepoState, pull: PullState, view: JsonObject): JsonObject {
  const out = repoint(responseExample("post", "/repos/{owner}/{repo}/issues/{issue_number}/assignees", 201), urls, repo.owner, repo.name) as JsonObject;
  const api = `${urls.api}/repos/${repo.owner}/${repo.name}`;
  return {
    ...out,
    id: pull.id,
    node_id: pull.nodeId,
    number: pull.number,
    url: `${api}/issues/${pull.number}`,
    html_url: view.html_url as string,
    title: pull.title,
    body: pull.body,
    state: pull.state,
    draft: pull.draft,
    labels: view.labels as Json,
    assignee: view.assignee as Json,
    assignees: view.assignees as Json,
    user: view.user as Json,
    created_at: pull.createdAt,
    updated_at: pull.updatedAt,
    closed_at: pull.closedAt,
    pull_request: {
      url: `${api}/pulls/${pull.number}`,
      html_url: view.html_url as string,
      diff_url: view.diff_url as Json,
      patch_url: view.patch_url as Json,
      merged_at: pull.mergedAt,
    },
  };
}

export function branch(urls: Urls, repo: RepoState, name: string, commit: JsonObject): JsonObject {
  const out = repoint(responseExample("get", "/repos/{owner}/{repo}/branches/{branch}", 200), urls, repo.owner, repo.name) as JsonObject;
  const api = `${urls.api}/repos/${repo.owner}/${repo.name}`;
  return {
    ...out,
    name,
    commit,
    _links: { html: `${urls.server}/${repo.owner}/${repo.name}/tree/${name}`, self: `${api}/branches/${name}` },
    protected: false,
    protection: { enabled: false, required_status_checks: { enforcement_level: "off", contexts: [], checks: [] } },
    protection_url: `${api}/branches/${name}/protection`,
  };
}

/** The `commit` object of a branch (a REST "commit", not a git commit). */
export function restCommit(urls: Urls, repo: RepoState, commit: CommitObject, actor: Actor): JsonObject {
  const api = `${urls.api}/repos/${repo.owner}/${repo.name}`;
  const html = `${urls.server}/${repo.owner}/${repo.name}/commit`;
  const git = gitCommit(urls, repo, commit);
  const actorJson = user(urls, actor.login, actor.id);
  return {
    url: `${api}/commits/${commit.sha}`,
    sha: commit.sha,
    node_id: git.node_id ?? null,
    html_url: `${html}/${commit.sha}`,
    comments_url: `${api}/commits/${commit.sha}/comments`,
    commit: {
      url: git.url ?? null,
      author: git.author ?? null,
      committer: git.committer ?? null,
      message: commit.message,
      comment_count: 0,
      tree: git.tree ?? null,
      verification: git.verification ?? null,
    },
    author: actorJson,
    committer: actorJson,
    parents: commit.parents.map((p) => ({ sha: p, url: `${api}/commits/${p}`, html_url: `${html}/${p}` })),
  };
}

export function workflowRun(urls: Urls, repo: RepoState, run: WorkflowRunState, commit: CommitObject): JsonObject {
  const out = repoint(responseExample("get", "/repos/{owner}/{repo}/actions/runs/{run_id}", 200), urls, repo.owner, repo.name) as JsonObject;
  const api = `${urls.api}/repos/${repo.owner}/${repo.name}/actions/runs/${run.id}`;
  const minimal = repository(urls, repo);
  return {
    ...out,
    id: run.id,
    node_id: nodeId.object("WFR", `${repo.id}:${run.id}`),
    name: run.workflowId,
    display_title: run.workflowId,
    head_branch: run.ref,
    head_sha: run.headSha,
    path: `.github/workflows/${run.workflowId}`,
    run_number: run.id,
    run_attempt: 1,
    event: "workflow_dispatch",
    status: run.status,
    conclusion: run.conclusion,
    url: api,
    html_url: `${urls.server}/${repo.owner}/${repo.name}/actions/runs/${run.id}`,
    jobs_url: `${api}/jobs`,
    logs_url: `${api}/logs`,
    check_suite_url: `${api}/check-suite`,
    artifacts_url: `${api}/artifacts`,
    cancel_url: `${api}/cancel`,
    rerun_url: `${api}/rerun`,
    previous_attempt_url: null,
    pull_requests: [],
    created_at: run.createdAt,
    updated_at: run.updatedAt,
    run_started_at: run.createdAt,
    head_commit: {
      id: commit.sha,
      tree_id: commit.tree,
      message: commit.message,
      timestamp: commit.committer.date,
      author: { name: commit.author.name, email: commit.author.email },
      committer: { name: commit.committer.name, email: commit.committer.email },
    },
    repository: minimal,
    head_repository: minimal,
  };
}

export function runDetails(urls: Urls, repo: RepoState, runId: number): JsonObject {
  return {
    workflow_run_id: runId,
    run_url: `${urls.api}/repos/${repo.owner}/${repo.name}/actions/runs/${runId}`,
    html_url: `${urls.server}/${repo.owner}/${repo.name}/actions/runs/${runId}`,
  };
}

export function contentEntry(urls: Urls, repo: RepoState, ref: string, entry: TreeEntry, content?: Buffer): JsonObject {
  const api = `${urls.api}/repos/${repo.owner}/${repo.name}`;
  const self = `${api}/contents/${entry.path}?ref=${encodeURIComponent(ref)}`;
  const html = `${urls.server}/${repo.owner}/${repo.name}/${entry.type === "tree" ? "tree" : "blob"}/${ref}/${entry.path}`;
  const git = `${api}/git/${entry.type}s/${entry.sha}`;
  const type = entry.type === "tree" ? "dir" : entry.type === "commit" ? "submodule" : entry.mode === "120000" ? "symlink" : "file";
  const base: JsonObject = {
    type,
    size: entry.size ?? 0,
    name: entry.path.split("/").pop() ?? entry.path,
    path: entry.path,
    sha: entry.sha,
    url: self,
    git_url: git,
    html_url: html,
    download_url: type === "file" ? `${urls.server}/${repo.owner}/${repo.name}/raw/${ref}/${entry.path}` : null,
    _links: { self, git, html },
  };
  if (content === undefined) return base;
  if (type === "symlink") return { ...base, target: content.toString("utf8") };
  return { ...base, encoding: "base64", content: base64Lines(content) };
}

/** GitHub wraps base64 content at 60 characters. */
export function base64Lines(content: Buffer): string {
  return (content.toString("base64").match(/.{1,60}/g) ?? []).join("\n") + (content.length > 0 ? "\n" : "");
}
