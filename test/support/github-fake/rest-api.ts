// The REST endpoints the fake serves, keyed by their OpenAPI path template (which also names the schema to check).
import { parse as parseYaml } from "yaml";
import type { TreeChange } from "./bare-repo.js";
import * as objects from "./github-objects.js";
import type { Actor, Urls } from "./github-objects.js";
import type { HttpMethod, Json, JsonObject } from "./openapi-contract.js";
import { closePullsOfDeletedBranch, effectiveMergeState, githubCommitter, mergePull, refreshHead } from "./pull-merge.js";
import { refUpdateRefused } from "./ref-rules.js";
import { isoNow, nodeId, type MergeMethod, type PullState, type RepoState, type RepositoryDispatch, type WorkflowDispatch } from "./state.js";
import { has, type TokenPermissions } from "./token-permissions.js";

/** What handlers need from the fake besides the repo they act on. */
export interface Services {
  urls: Urls;
  actor: Actor;
  dispatches: RepositoryDispatch[];
  workflowDispatches: WorkflowDispatch[];
  /** false = behave like a GHES release that predates `return_run_details`. */
  acceptsReturnRunDetails: boolean;
  nextId(): number;
}

export interface RestRequest {
  repo: RepoState;
  params: Record<string, string>;
  query: URLSearchParams;
  body: JsonObject;
  token: string;
  /** What the token is granted (setPermissions). */
  permissions: TokenPermissions;
  services: Services;
}

export interface Reply {
  status: number;
  body?: Json;
  headers?: Record<string, string>;
}

export interface Route {
  method: HttpMethod;
  /** The OpenAPI path; its last `{ref}` or `{path}` parameter may contain slashes. */
  template: string;
  /** Statuses GitHub really answers here that its description leaves out (not contract violations). */
  undocumented?: number[];
  handle(request: RestRequest): Promise<Reply>;
}

const notFound = (message = "Not Found"): Reply => ({ status: 404, body: objects.errorBody(404, message) });
const unprocessable = (message: string, errors?: JsonObject[]): Reply => ({ status: 422, body: objects.errorBody(422, message, errors) });
const validationFailed = (...errors: JsonObject[]): Reply => unprocessable("Validation Failed", errors);

const str = (value: Json | undefined): string | undefined => (typeof value === "string" ? value : undefined);

/** The update of `fullRef` from `before` to `after` as the repository's ref rules take it: a refusal's reply, or undefined. */
async function refRulesRefusal(r: RestRequest, fullRef: string, before: string | undefined, after: string): Promise<Reply | undefined> {
  const refused = await refUpdateRefused(r.repo, r.token, r.permissions, { fullRef, before, after });
  return refused && { status: refused.status, body: objects.errorBody(refused.status, refused.message) };
}

async function refReply(r: RestRequest, fullRef: string, sha: string, status: number): Promise<Reply> {
  const type = (await r.repo.git.objectType(sha)) ?? "commit";
  const body = objects.ref(r.services.urls, r.repo, fullRef, sha, type);
  return { status, body, headers: status === 201 ? { location: String(body.url) } : {} };
}

async function pullView(r: RestRequest, pull: PullState): Promise<JsonObject> {
  await refreshHead(r.repo, pull);
  const baseSha = (await r.repo.git.refSha(`refs/heads/${pull.base}`)) ?? pull.headSha;
  const mergeableState = (await effectiveMergeState(r.repo, pull)).toLowerCase();
  return objects.pullRequest(r.services.urls, r.repo, { pull, baseSha, mergeableState, actor: r.services.actor });
}

/**
 * Why GitHub refuses to reopen a closed pull request: its branch no longer holds the head it was
 * closed at, nor a descendant of it ("state cannot be changed. The … branch was force-pushed or
 * recreated.", isaacs/github#361, restyled-io/restyled.io#191), or another pull request from the
 * same head into the same base is open (GitHub allows one, as on create).
 */
async function reopenRefusal(r: RestRequest, pull: PullState): Promise<string | undefined> {
  const head = await r.repo.git.refSha(`refs/heads/${pull.head}`);
  if (!head || !(await r.repo.git.isAncestor(pull.headSha, head))) return `state cannot be changed. The ${pull.head} branch was force-pushed or recreated.`;
  if (r.repo.pulls.some((p) => p !== pull && p.state === "open" && p.head === pull.head && p.base === pull.base))
    return `state cannot be changed. A pull request already exists for ${r.repo.owner}:${pull.head}.`;
  return undefined;
}

/** The page of `items` the request asks for (per_page at most 100, 30 by default), with GitHub's link to the next. */
function paged<T>(r: RestRequest, items: readonly T[], path: string): { slice: T[]; headers: Record<string, string> } {
  const perPage = Math.min(Number(r.query.get("per_page") ?? 30) || 30, 100);
  const page = Math.max(Number(r.query.get("page") ?? 1) || 1, 1);
  const headers: Record<string, string> = {};
  if (page * perPage < items.length) {
    const next = new URL(`${r.services.urls.api}/repos/${r.repo.owner}/${r.repo.name}/${path}`);
    r.query.forEach((v, k) => next.searchParams.set(k, v));
    next.searchParams.set("page", String(page + 1));
    headers.link = `<${next.href}>; rel="next"`;
  }
  return { slice: items.slice((page - 1) * perPage, page * perPage), headers };
}

/**
 * The files a pull request changes from where its head forked from its base to its head, as
 * GitHub lists them (its branch may be gone: the head is the pull request's own), renames found.
 */
async function pullFiles(r: RestRequest, pull: PullState): Promise<JsonObject[]> {
  const head = await refreshHead(r.repo, pull);
  const base = (await r.repo.git.refSha(`refs/heads/${pull.base}`)) ?? head;
  const fork = (await r.repo.git.git(["merge-base", base, head])).stdout.toString().trim();
  const fields = (await r.repo.git.git(["diff-tree", "-r", "-M", "-z", fork, head])).stdout.toString().split("\0");
  const numstat = (await r.repo.git.git(["diff-tree", "-r", "-M", "-z", "--numstat", fork, head])).stdout.toString().split("\0");
  // "added\tdeleted\tpath", or "added\tdeleted\t" and then both paths of a rename
  const counts = new Map<string, number[]>();
  for (let i = 0; i < numstat.length - 1;) {
    const [added = "", deleted = "", path = ""] = numstat[i]!.split("\t");
    const filename = path === "" ? numstat[i + 2]! : path;
    counts.set(filename, [Number(added) || 0, Number(deleted) || 0]);
    i += path === "" ? 3 : 1;
  }
  const files: JsonObject[] = [];
  const statuses: Record<string, string> = { A: "added", D: "removed", M: "modified", R: "renamed", T: "changed" };
  for (let i = 0; i < fields.length - 1;) {
    const [, , oldBlob, newBlob, letter = ""] = fields[i]!.slice(1).split(" ");
    const renamed = letter.startsWith("R");
    const previous = renamed ? fields[i + 1]! : undefined;
    const filename = renamed ? fields[i + 2]! : fields[i + 1]!;
    i += renamed ? 3 : 2;
    const [additions = 0, deletions = 0] = counts.get(filename) ?? [];
    const status = statuses[letter[0] ?? ""] ?? "modified";
    const at = status === "removed" ? fork : head;
    const blob = status === "removed" ? oldBlob : newBlob;
    files.push({
      sha: blob ?? null,
      filename,
      status,
      additions,
      deletions,
      changes: additions + deletions,
      blob_url: `${r.services.urls.server}/${r.repo.owner}/${r.repo.name}/blob/${at}/${filename}`,
      raw_url: `${r.services.urls.server}/${r.repo.owner}/${r.repo.name}/raw/${at}/${filename}`,
      contents_url: `${r.services.urls.api}/repos/${r.repo.owner}/${r.repo.name}/contents/${filename}?ref=${at}`,
      ...(previous !== undefined && { previous_filename: previous }),
    });
  }
  return files;
}

function findPull(r: RestRequest, param: string): PullState | undefined {
  const n = Number(r.params[param]);
  return r.repo.pulls.find((p) => p.number === n);
}

/** A branch, tag or full ref name as GitHub accepts it in `ref` parameters. */
async function resolveRefName(r: RestRequest, name: string): Promise<string | undefined> {
  for (const candidate of [name, `refs/heads/${name}`, `refs/tags/${name}`]) {
    if (candidate.startsWith("refs/") && (await r.repo.git.refSha(candidate))) return r.repo.git.resolve(candidate);
  }
  return undefined;
}

async function treeChanges(r: RestRequest, entries: JsonObject[]): Promise<TreeChange[] | Reply> {
  const changes: TreeChange[] = [];
  for (const entry of entries) {
    const path = str(entry.path) ?? "";
    const mode = str(entry.mode) ?? "100644";
    if (typeof entry.content === "string") {
      changes.push({ path, mode, sha: await r.repo.git.writeBlob(Buffer.from(entry.content, "utf8")) });
    } else if (entry.sha === null) {
      changes.push({ path, mode, sha: null });
    } else if (typeof entry.sha === "string") {
      const type = await r.repo.git.objectType(entry.sha);
      if (mode === "040000" && type === "tree") {
        // The index holds files only: a subtree becomes its files under the path.
        changes.push({ path, mode, sha: null });
        for (const file of await r.repo.git.readTree(entry.sha, true)) {
          if (file.type !== "tree") changes.push({ path: `${path}/${file.path}`, mode: file.mode, sha: file.sha });
        }
      } else if (type !== "blob" && !(mode === "160000" && entry.sha)) {
        return validationFailed({ resource: "Tree", field: "sha", code: "invalid", message: `tree.sha ${entry.sha} is not a valid blob` });
      } else {
        changes.push({ path, mode, sha: entry.sha });
      }
    } else {
      return unprocessable("Must supply tree.sha or tree.content");
    }
  }
  return changes;
}

async function workflowDefinition(
  r: RestRequest,
  workflowId: string,
  commit: string,
): Promise<{ inputs: Record<string, { required?: boolean; default?: unknown }> } | Reply> {
  if (/^\d+$/.test(workflowId)) return { inputs: {} };
  const file = await r.repo.git.entryAt(commit, `.github/workflows/${workflowId}`);
  if (!file || file.type !== "blob") return notFound();
  const doc = parseYaml((await r.repo.git.readBlob(file.sha)).toString("utf8")) as { on?: unknown } | null;
  const on = doc?.on;
  const triggers =
    typeof on === "string"
      ? { [on]: null }
      : Array.isArray(on)
        ? Object.fromEntries(on.map((t: string) => [t, null]))
        : ((on ?? {}) as Record<string, unknown>);
  if (!("workflow_dispatch" in triggers)) return unprocessable("Workflow does not have 'workflow_dispatch' trigger");
  const dispatch = (triggers.workflow_dispatch ?? {}) as { inputs?: Record<string, { required?: boolean; default?: unknown }> };
  return { inputs: dispatch.inputs ?? {} };
}

const isReply = (value: unknown): value is Reply => typeof value === "object" && value !== null && "status" in value;

export const routes: Route[] = [
  {
    method: "get",
    template: "/repos/{owner}/{repo}",
    handle: async (r) => ({ status: 200, body: objects.repository(r.services.urls, r.repo) }),
  },
  {
    method: "get",
    template: "/repos/{owner}/{repo}/git/ref/{ref}",
    async handle(r) {
      const fullRef = `refs/${r.params.ref}`;
      const sha = await r.repo.git.refSha(fullRef);
      return sha ? refReply(r, fullRef, sha, 200) : notFound();
    },
  },
  {
    method: "post",
    template: "/repos/{owner}/{repo}/git/refs",
    async handle(r) {
      const fullRef = str(r.body.ref) ?? "";
      const sha = str(r.body.sha) ?? "";
      if (!/^refs\/[^/]+\/.+/.test(fullRef)) return unprocessable("Reference name must start with 'refs/' and have at least two slashes.");
      if (!(await r.repo.git.objectType(sha))) return unprocessable("Object does not exist");
      if (await r.repo.git.refSha(fullRef)) return unprocessable("Reference already exists");
      const refused = await refRulesRefusal(r, fullRef, undefined, sha);
      if (refused) return refused;
      if (!(await r.repo.git.casRef(fullRef, sha, undefined))) return unprocessable("Reference already exists");
      return refReply(r, fullRef, sha, 201);
    },
  },
  {
    method: "patch",
    template: "/repos/{owner}/{repo}/git/refs/{ref}",
    async handle(r) {
      const fullRef = `refs/${r.params.ref}`;
      const sha = str(r.body.sha) ?? "";
      if (!(await r.repo.git.objectType(sha))) return unprocessable("Object does not exist");
      // Loop only when the ref moved between our read and our CAS; each round re-checks fast-forward.
      for (;;) {
        const current = await r.repo.git.refSha(fullRef);
        if (!current) return unprocessable("Reference does not exist");
        if (r.body.force !== true && !(await r.repo.git.isAncestor(current, sha))) return unprocessable("Update is not a fast forward");
        const refused = await refRulesRefusal(r, fullRef, current, sha);
        if (refused) return refused;
        if (await r.repo.git.casRef(fullRef, sha, current)) return refReply(r, fullRef, sha, 200);
      }
    },
  },
  {
    method: "delete",
    template: "/repos/{owner}/{repo}/git/refs/{ref}",
    async handle(r) {
      const fullRef = `refs/${r.params.ref}`;
      const current = await r.repo.git.refSha(fullRef);
      if (!current || !(await r.repo.git.deleteRef(fullRef, current))) return { status: 422, body: objects.errorBody(422, "Reference does not exist") };
      closePullsOfDeletedBranch(r.repo, fullRef, current, r.services.actor);
      return { status: 204 };
    },
  },
  {
    method: "get",
    template: "/repos/{owner}/{repo}/git/commits/{commit_sha}",
    async handle(r) {
      const sha = r.params.commit_sha ?? "";
      if ((await r.repo.git.objectType(sha)) !== "commit") return notFound();
      return { status: 200, body: objects.gitCommit(r.services.urls, r.repo, await r.repo.git.readCommit(sha)) };
    },
  },
  {
    method: "post",
    template: "/repos/{owner}/{repo}/git/commits",
    async handle(r) {
      const tree = str(r.body.tree) ?? "";
      if ((await r.repo.git.objectType(tree)) !== "tree") return unprocessable("Tree SHA does not exist");
      const parents = Array.isArray(r.body.parents) ? r.body.parents.map(String) : [];
      for (const parent of parents) {
        if ((await r.repo.git.objectType(parent)) !== "commit") return unprocessable("Parent SHA does not exist or is not a commit object");
      }
      const now = isoNow();
      const identity = (value: Json | undefined) => {
        const v = (value ?? {}) as JsonObject;
        return { name: str(v.name) ?? r.services.actor.name, email: str(v.email) ?? r.services.actor.email, date: str(v.date) ?? now };
      };
      const author = identity(r.body.author);
      // GitHub documents that "by default, committer will use the information set in author". With neither given,
      // GitHub commits (and signs) as itself, as for GITHUB_TOKEN or an App token: Verified. A commit whose committer is
      // a given identity is not GitHub's to sign (a signature verifies against the committer): unsigned.
      const signed = r.body.committer === undefined && r.body.author === undefined;
      const committer = signed ? { ...githubCommitter(), date: now } : identity(r.body.committer ?? r.body.author);
      const sha = await r.repo.git.createCommit(tree, parents, str(r.body.message) ?? "", author, committer);
      if (signed) r.repo.verified.add(sha);
      const body = objects.gitCommit(r.services.urls, r.repo, await r.repo.git.readCommit(sha));
      return { status: 201, body, headers: { location: String(body.url) } };
    },
  },
  {
    method: "post",
    template: "/repos/{owner}/{repo}/git/trees",
    async handle(r) {
      let baseTree: string | undefined;
      if (typeof r.body.base_tree === "string") {
        baseTree = await r.repo.git.resolve(r.body.base_tree, "tree");
        if (!baseTree) return unprocessable("base_tree is not a valid tree oid");
      }
      const changes = await treeChanges(r, Array.isArray(r.body.tree) ? (r.body.tree as JsonObject[]) : []);
      if (isReply(changes)) return changes;
      const sha = await r.repo.git.buildTree(baseTree, changes);
      const body = objects.tree(r.services.urls, r.repo, sha, await r.repo.git.readTree(sha, false));
      return { status: 201, body, headers: { location: String(body.url) } };
    },
  },
  {
    method: "get",
    template: "/repos/{owner}/{repo}/git/trees/{tree_sha}",
    async handle(r) {
      const sha = await r.repo.git.resolve(r.params.tree_sha ?? "", "tree");
      if (!sha) return notFound();
      const recursive = (r.query.get("recursive") ?? "") !== "" && r.query.get("recursive") !== "0" && r.query.get("recursive") !== "false";
      return { status: 200, body: objects.tree(r.services.urls, r.repo, sha, await r.repo.git.readTree(sha, recursive)) };
    },
  },
  {
    method: "post",
    template: "/repos/{owner}/{repo}/git/blobs",
    async handle(r) {
      const content = Buffer.from(str(r.body.content) ?? "", r.body.encoding === "base64" ? "base64" : "utf8");
      const sha = await r.repo.git.writeBlob(content);
      const url = `${r.services.urls.api}/repos/${r.repo.owner}/${r.repo.name}/git/blobs/${sha}`;
      return { status: 201, body: { url, sha }, headers: { location: url } };
    },
  },
  {
    method: "get",
    template: "/repos/{owner}/{repo}/git/blobs/{file_sha}",
    async handle(r) {
      const sha = r.params.file_sha ?? "";
      if ((await r.repo.git.objectType(sha)) !== "blob") return notFound();
      const content = await r.repo.git.readBlob(sha);
      const url = `${r.services.urls.api}/repos/${r.repo.owner}/${r.repo.name}/git/blobs/${sha}`;
      return {
        status: 200,
        body: { sha, node_id: nodeId.object("B", sha), size: content.length, url, content: objects.base64Lines(content), encoding: "base64" },
      };
    },
  },
  {
    method: "get",
    template: "/repos/{owner}/{repo}/contents/{path}",
    async handle(r) {
      const ref = r.query.get("ref") ?? r.repo.defaultBranch;
      const commit = (await resolveRefName(r, ref)) ?? (await r.repo.git.resolve(ref));
      if (!commit) return notFound(`No commit found for the ref ${ref}`);
      const path = (r.params.path ?? "").replace(/\/+$/, "");
      const entry = await r.repo.git.entryAt(commit, path);
      if (!entry) return notFound();
      if (entry.type === "tree") {
        const children = await r.repo.git.readTree(entry.sha, false);
        return { status: 200, body: children.map((c) => objects.contentEntry(r.services.urls, r.repo, ref, { ...c, path: `${path}/${c.path}` })) };
      }
      const content = entry.type === "blob" ? await r.repo.git.readBlob(entry.sha) : undefined;
      return { status: 200, body: objects.contentEntry(r.services.urls, r.repo, ref, entry, content) };
    },
  },
  {
    method: "get",
    template: "/repos/{owner}/{repo}/branches/{branch}",
    async handle(r) {
      const name = r.params.branch ?? "";
      const sha = await r.repo.git.refSha(`refs/heads/${name}`);
      if (!sha) return notFound("Branch not found");
      const commit = objects.restCommit(r.services.urls, r.repo, await r.repo.git.readCommit(sha), r.services.actor);
      return { status: 200, body: objects.branch(r.services.urls, r.repo, name, commit) };
    },
  },
  {
    method: "get",
    template: "/repos/{owner}/{repo}/pulls",
    async handle(r) {
      const state = r.query.get("state") ?? "open";
      const head = r.query.get("head");
      const base = r.query.get("base");
      const matching = r.repo.pulls
        .filter((p) => state === "all" || p.state === state)
        .filter((p) => !head || `${r.repo.owner}:${p.head}` === head)
        .filter((p) => !base || p.base === base)
        .sort((a, b) => (r.query.get("direction") === "asc" ? a.number - b.number : b.number - a.number));
      const { slice, headers } = paged(r, matching, "pulls");
      return { status: 200, body: await Promise.all(slice.map((p) => pullView(r, p))), headers };
    },
  },
  {
    method: "get",
    template: "/repos/{owner}/{repo}/compare/{basehead}",
    async handle(r) {
      // BASE...HEAD, each a branch, tag or commit sha; `files` (optional in the schema) is left out: no client here reads it.
      const names = (r.params.basehead ?? "").split("...");
      if (names.length !== 2) return notFound();
      const [base, head] = await Promise.all(names.map(async (name) => (await resolveRefName(r, name)) ?? (await r.repo.git.resolve(name))));
      if (!base || !head) return notFound();
      const mergeBase = (await r.repo.git.git(["merge-base", base, head], { okCodes: [0, 1] })).stdout.toString().trim();
      if (!mergeBase) return notFound(`No common ancestor between ${names[0]} and ${names[1]}.`);
      const [ahead, behind] = await Promise.all([r.repo.git.commitsBetween(base, head), r.repo.git.commitsBetween(head, base)]);
      const status = ahead.length === 0 ? (behind.length === 0 ? "identical" : "behind") : behind.length === 0 ? "ahead" : "diverged";
      const perPage = Math.min(Number(r.query.get("per_page") ?? 250) || 250, 250);
      const page = Math.max(Number(r.query.get("page") ?? 1) || 1, 1);
      const commit = async (sha: string) => objects.restCommit(r.services.urls, r.repo, await r.repo.git.readCommit(sha), r.services.actor);
      const html = `${r.services.urls.server}/${r.repo.owner}/${r.repo.name}/compare/${r.params.basehead}`;
      return {
        status: 200,
        body: {
          url: `${r.services.urls.api}/repos/${r.repo.owner}/${r.repo.name}/compare/${r.params.basehead}`,
          html_url: html,
          permalink_url: html,
          diff_url: `${html}.diff`,
          patch_url: `${html}.patch`,
          base_commit: await commit(base),
          merge_base_commit: await commit(mergeBase),
          status,
          ahead_by: ahead.length,
          behind_by: behind.length,
          total_commits: ahead.length,
          commits: await Promise.all(ahead.slice((page - 1) * perPage, page * perPage).map(commit)),
        },
      };
    },
  },
  {
    method: "post",
    template: "/repos/{owner}/{repo}/pulls",
    async handle(r) {
      if (!r.repo.actionsCanCreatePullRequests)
        return { status: 403, body: objects.errorBody(403, "GitHub Actions is not permitted to create or approve pull requests.") };
      const title = str(r.body.title);
      const rawHead = str(r.body.head) ?? "";
      const head = rawHead.startsWith(`${r.repo.owner}:`) ? rawHead.slice(r.repo.owner.length + 1) : rawHead;
      const base = str(r.body.base) ?? "";
      if (!title) return validationFailed({ resource: "PullRequest", field: "title", code: "missing_field" });
      const baseSha = await r.repo.git.refSha(`refs/heads/${base}`);
      if (!baseSha) return validationFailed({ resource: "PullRequest", field: "base", code: "invalid" });
      const headSha = await r.repo.git.refSha(`refs/heads/${head}`);
      if (!headSha) return validationFailed({ resource: "PullRequest", field: "head", code: "invalid" });
      if (r.repo.pulls.some((p) => p.state === "open" && p.head === head && p.base === base)) {
        return validationFailed({ resource: "PullRequest", code: "custom", message: `A pull request already exists for ${r.repo.owner}:${head}.` });
      }
      if ((await r.repo.git.commitsBetween(baseSha, headSha)).length === 0) {
        return validationFailed({ resource: "PullRequest", code: "custom", message: `No commits between ${base} and ${head}` });
      }
      const number = r.repo.pulls.length + 1;
      const now = isoNow();
      const pull: PullState = {
        number,
        id: r.services.nextId(),
        nodeId: nodeId.pull(r.repo.id, number),
        title,
        body: str(r.body.body) ?? null,
        head,
        base,
        headSha,
        state: "open",
        draft: r.body.draft === true,
        merged: false,
        mergedAt: null,
        mergeCommitSha: null,
        closedAt: null,
        createdAt: now,
        updatedAt: now,
        labels: [],
        assignees: [],
        reviewers: [],
        teamReviewers: [],
        maintainerCanModify: r.body.maintainer_can_modify !== false,
        mergeStateStatus: "CLEAN",
        autoMerge: null,
        comments: [],
        openedBy: { login: r.services.actor.login, id: r.services.actor.id },
        closedBy: null,
      };
      r.repo.pulls.push(pull);
      const body = await pullView(r, pull);
      return { status: 201, body, headers: { location: String(body.url) } };
    },
  },
  {
    method: "get",
    template: "/repos/{owner}/{repo}/pulls/{pull_number}",
    async handle(r) {
      const pull = findPull(r, "pull_number");
      return pull ? { status: 200, body: await pullView(r, pull) } : notFound();
    },
  },
  {
    method: "get",
    template: "/repos/{owner}/{repo}/pulls/{pull_number}/files",
    async handle(r) {
      const pull = findPull(r, "pull_number");
      if (!pull) return notFound();
      const { slice, headers } = paged(r, await pullFiles(r, pull), `pulls/${pull.number}/files`);
      return { status: 200, body: slice, headers };
    },
  },
  {
    method: "patch",
    template: "/repos/{owner}/{repo}/pulls/{pull_number}",
    async handle(r) {
      const pull = findPull(r, "pull_number");
      if (!pull) return notFound();
      if (typeof r.body.base === "string" && !(await r.repo.git.refSha(`refs/heads/${r.body.base}`))) {
        return validationFailed({ resource: "PullRequest", field: "base", code: "invalid" });
      }
      // GitHub moves an open pull request's head with each push: a close keeps the head pushed before it.
      await refreshHead(r.repo, pull);
      const refused = r.body.state === "open" && pull.state === "closed" && !pull.merged ? await reopenRefusal(r, pull) : undefined;
      if (refused) return validationFailed({ resource: "PullRequest", field: "state", code: "invalid", message: refused });
      const now = isoNow();
      if (typeof r.body.title === "string") pull.title = r.body.title;
      if (r.body.body !== undefined) pull.body = str(r.body.body) ?? null;
      if (typeof r.body.base === "string") pull.base = r.body.base;
      if (typeof r.body.maintainer_can_modify === "boolean") pull.maintainerCanModify = r.body.maintainer_can_modify;
      if ((r.body.state === "closed" || r.body.state === "open") && !pull.merged) {
        pull.state = r.body.state;
        pull.closedAt = r.body.state === "closed" ? now : null;
        pull.closedBy = r.body.state === "closed" ? { login: r.services.actor.login, id: r.services.actor.id } : null;
      }
      pull.updatedAt = now;
      return { status: 200, body: await pullView(r, pull) };
    },
  },
  {
    method: "put",
    template: "/repos/{owner}/{repo}/pulls/{pull_number}/merge",
    async handle(r) {
      const pull = findPull(r, "pull_number");
      if (!pull) return notFound();
      const outcome = await mergePull(
        r.repo,
        pull,
        {
          method: (str(r.body.merge_method) ?? "merge") as MergeMethod,
          expectedHeadSha: str(r.body.sha),
          title: str(r.body.commit_title),
          message: str(r.body.commit_message),
        },
        { ...r.services.actor, date: isoNow() },
      );
      if (!outcome.ok) return { status: outcome.status, body: objects.errorBody(outcome.status, outcome.message) };
      return { status: 200, body: { sha: outcome.sha, merged: true, message: "Pull Request successfully merged" } };
    },
  },
  {
    method: "get",
    template: "/repos/{owner}/{repo}/pulls/{pull_number}/merge",
    handle: async (r) => ({ status: findPull(r, "pull_number")?.merged ? 204 : 404 }),
  },
  {
    method: "get",
    template: "/repos/{owner}/{repo}/issues/{issue_number}",
    async handle(r) {
      const pull = findPull(r, "issue_number");
      if (!pull) return notFound();
      const closer = pull.closedBy && objects.user(r.services.urls, pull.closedBy.login, pull.closedBy.id);
      return { status: 200, body: { ...objects.issueOfPull(r.services.urls, r.repo, pull, await pullView(r, pull)), closed_by: closer } };
    },
  },
  {
    method: "post",
    template: "/repos/{owner}/{repo}/issues/{issue_number}/labels",
    async handle(r) {
      const pull = findPull(r, "issue_number");
      if (!pull) return notFound();
      const given: Json[] = Array.isArray(r.body) ? r.body : Array.isArray(r.body.labels) ? r.body.labels : [];
      for (const item of given) {
        const name = typeof item === "string" ? item : str((item as JsonObject).name);
        if (name && !pull.labels.includes(name)) pull.labels.push(name);
      }
      return { status: 200, body: pull.labels.map((name) => objects.label(r.services.urls, r.repo, name)) };
    },
  },
  {
    method: "post",
    template: "/repos/{owner}/{repo}/issues/{issue_number}/assignees",
    async handle(r) {
      const pull = findPull(r, "issue_number");
      if (!pull) return notFound();
      // GitHub silently skips a login that may not be assigned; the fake's users are the repository's owner and whoever a test names.
      for (const login of Array.isArray(r.body.assignees) ? r.body.assignees.map(String) : []) if (!pull.assignees.includes(login)) pull.assignees.push(login);
      return { status: 201, body: objects.issueOfPull(r.services.urls, r.repo, pull, await pullView(r, pull)) };
    },
  },
  {
    method: "post",
    template: "/repos/{owner}/{repo}/issues/{issue_number}/comments",
    async handle(r) {
      const pull = findPull(r, "issue_number");
      if (!pull) return notFound();
      const body = str(r.body.body);
      if (body === undefined) return validationFailed({ resource: "IssueComment", field: "body", code: "missing_field" });
      pull.comments.push(body);
      const issue = `${r.services.urls.api}/repos/${r.repo.owner}/${r.repo.name}/issues/${pull.number}`;
      const id = r.services.nextId();
      const now = isoNow();
      const comment = {
        id,
        node_id: nodeId.object("IC", String(id)),
        url: `${r.services.urls.api}/repos/${r.repo.owner}/${r.repo.name}/issues/comments/${id}`,
        html_url: `${r.services.urls.server}/${r.repo.owner}/${r.repo.name}/pull/${pull.number}#issuecomment-${id}`,
        issue_url: issue,
        body,
        user: objects.user(r.services.urls, r.services.actor.login, r.services.actor.id),
        created_at: now,
        updated_at: now,
        author_association: "NONE",
      };
      return { status: 201, body: comment, headers: { location: comment.url } };
    },
  },
  {
    method: "post",
    template: "/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers",
    async handle(r) {
      const pull = findPull(r, "pull_number");
      if (!pull) return notFound();
      const reviewers = Array.isArray(r.body.reviewers) ? r.body.reviewers.map(String) : [];
      if (reviewers.includes(r.services.actor.login)) return unprocessable("Review cannot be requested from pull request author.");
      const teams = Array.isArray(r.body.team_reviewers) ? r.body.team_reviewers.map(String) : [];
      // A token that cannot read the organisation's teams finds none: GitHub's 422 names the team's node id, as a string
      // in `errors` (actions/github-script#284, peter-evans/create-pull-request#155).
      const [unseen] = has(r.permissions, "members", "read") ? [] : teams;
      if (unseen !== undefined)
        return {
          status: 422,
          body: {
            ...objects.errorBody(422, "Validation Failed"),
            errors: [`Could not resolve to a node with the global id of '${nodeId.object("T", unseen)}'`],
          },
        };
      for (const login of reviewers) if (!pull.reviewers.includes(login)) pull.reviewers.push(login);
      for (const team of teams) pull.teamReviewers.push(team);
      return { status: 201, body: await pullView(r, pull) };
    },
  },
  {
    method: "post",
    template: "/repos/{owner}/{repo}/dispatches",
    async handle(r) {
      r.services.dispatches.push({
        owner: r.repo.owner,
        repo: r.repo.name,
        eventType: str(r.body.event_type) ?? "",
        clientPayload: r.body.client_payload as Record<string, unknown> | undefined,
        token: r.token,
      });
      return { status: 204 };
    },
  },
  {
    method: "post",
    template: "/repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches",
    // Bad refs, inputs or triggers and unknown parameters (older GHES) come back as 422 "Invalid request" / plain messages.
    undocumented: [422],
    async handle(r) {
      if ("return_run_details" in r.body && !r.services.acceptsReturnRunDetails) {
        return unprocessable('Invalid request.\n\n"return_run_details" is not a permitted key.');
      }
      const ref = str(r.body.ref) ?? "";
      const commit = await resolveRefName(r, ref);
      if (!commit) return unprocessable(`No ref found for: ${ref}`);
      const workflowId = r.params.workflow_id ?? "";
      const workflow = await workflowDefinition(r, workflowId, commit);
      if (isReply(workflow)) return workflow;
      const inputs = (r.body.inputs ?? {}) as JsonObject;
      const unexpected = Object.keys(inputs).filter((k) => !(k in workflow.inputs));
      if (unexpected.length > 0) return unprocessable(`Unexpected inputs provided: ${JSON.stringify(unexpected)}`);
      const missing = Object.entries(workflow.inputs).find(([k, def]) => def?.required === true && def.default === undefined && !(k in inputs));
      if (missing) return unprocessable(`Required input '${missing[0]}' not provided`);
      const runId = r.services.nextId();
      const now = isoNow();
      r.repo.runs.set(runId, { id: runId, workflowId, ref, headSha: commit, status: "queued", conclusion: null, createdAt: now, updatedAt: now });
      r.services.workflowDispatches.push({
        owner: r.repo.owner,
        repo: r.repo.name,
        workflowId,
        ref,
        inputs: r.body.inputs as Record<string, unknown> | undefined,
        returnRunDetails: typeof r.body.return_run_details === "boolean" ? r.body.return_run_details : undefined,
        runId,
        token: r.token,
      });
      return r.body.return_run_details === true ? { status: 200, body: objects.runDetails(r.services.urls, r.repo, runId) } : { status: 204 };
    },
  },
  {
    method: "get",
    template: "/repos/{owner}/{repo}/actions/runs/{run_id}",
    async handle(r) {
      const run = r.repo.runs.get(Number(r.params.run_id));
      if (!run) return notFound();
      return { status: 200, body: objects.workflowRun(r.services.urls, r.repo, run, await r.repo.git.readCommit(run.headSha)) };
    },
  },
];

interface CompiledRoute {
  route: Route;
  pattern: RegExp;
  names: string[];
}

const compiled: CompiledRoute[] = routes.map((route) => {
  const names: string[] = [];
  const params = route.template.match(/\{[^}]+\}/g) ?? [];
  const source = route.template.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    names.push(name);
    const greedy = name === params[params.length - 1]?.slice(1, -1) && (name === "ref" || name === "path") && route.template.endsWith(`{${name}}`);
    return greedy ? "(.+)" : "([^/]+)";
  });
  return { route, pattern: new RegExp(`^${source}$`), names };
});

/** Finds the route for a raw (still percent-encoded) path; Octokit sends `heads%2Fmain` for `{ref}`. */
export function matchRoute(method: string, rawPath: string): { route: Route; params: Record<string, string> } | undefined {
  for (const c of compiled) {
    if (c.route.method !== method.toLowerCase()) continue;
    const m = c.pattern.exec(rawPath);
    if (m) return { route: c.route, params: Object.fromEntries(c.names.map((n, i) => [n, decodeURIComponent(m[i + 1] ?? "")])) };
  }
  return undefined;
}
