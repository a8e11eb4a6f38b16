// GitHub's GraphQL API over its real schema (@octokit/graphql-schema) with root resolvers for the PR operations
// we use. graphql-js validates every operation against the schema, so a wrong enum or field fails like on GitHub.
import { buildClientSchema, graphql, GraphQLError, parse, validate, type GraphQLSchema, type IntrospectionQuery } from "graphql";
import type { Actor, Urls } from "./github-objects.js";
import { closePullsOfDeletedBranch, effectiveMergeState, MERGE_METHODS, mergePull, refreshHead } from "./pull-merge.js";
import { isoNow, nodeId, type Access, type MergeMethod, type PullState, type RepoState } from "./state.js";

export interface GraphqlServices {
  urls: Urls;
  actor: Actor;
  /** `immediate`: auto-merge merges as soon as it is enabled, as if the required checks passed at once. */
  autoMerge: "record" | "immediate";
  findRepo(owner: string, name: string): RepoState | undefined;
  repoById(id: number): RepoState | undefined;
  access(repo: RepoState, token: string): Access;
}

export interface GraphqlRequest {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

export interface GraphqlResult {
  body: { data?: unknown; errors?: Array<Record<string, unknown>> };
  /** Schema validation errors: the client sent an operation GitHub would refuse. */
  invalid: string[];
}

let schema: GraphQLSchema | undefined;

async function loadSchema(): Promise<GraphQLSchema> {
  if (!schema) {
    const { schema: published } = await import("@octokit/graphql-schema");
    const json = published.json as unknown as IntrospectionQuery | { data: IntrospectionQuery };
    schema = buildClientSchema("data" in json ? json.data : json);
  }
  return schema;
}

/** GitHub puts an error `type` beside the message; resolvers throw these. */
function gitHubError(type: "NOT_FOUND" | "FORBIDDEN" | "UNPROCESSABLE", message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { type } });
}

const ZERO_OID = "0".repeat(40);

const methodOf = (value: unknown): MergeMethod => String(value ?? "MERGE").toLowerCase() as MergeMethod;

export async function executeGraphql(services: GraphqlServices, token: string, request: GraphqlRequest): Promise<GraphqlResult> {
  const published = await loadSchema();
  let document;
  try {
    document = parse(request.query);
  } catch (error) {
    const message = (error as Error).message;
    return { body: { errors: [{ message }] }, invalid: [message] };
  }
  const invalid = validate(published, document).map((e) => e.message);
  if (invalid.length > 0) return { body: { errors: invalid.map((message) => ({ message })) }, invalid };

  const actorNode = { __typename: "Bot", login: services.actor.login, url: `${services.urls.server}/apps/${services.actor.login}` };

  const pullNode = (repo: RepoState, pull: PullState) => ({
    __typename: "PullRequest",
    id: pull.nodeId,
    number: pull.number,
    title: pull.title,
    body: pull.body ?? "",
    url: `${services.urls.server}/${repo.owner}/${repo.name}/pull/${pull.number}`,
    permalink: `${services.urls.server}/${repo.owner}/${repo.name}/pull/${pull.number}`,
    state: pull.merged ? "MERGED" : pull.state.toUpperCase(),
    merged: pull.merged,
    isDraft: pull.draft,
    headRefName: pull.head,
    baseRefName: pull.base,
    headRefOid: () => refreshHead(repo, pull),
    mergeStateStatus: () => effectiveMergeState(repo, pull),
    mergeable: async () => {
      const status = await effectiveMergeState(repo, pull);
      return status === "DIRTY" ? "CONFLICTING" : status === "UNKNOWN" ? "UNKNOWN" : "MERGEABLE";
    },
    mergeCommit: pull.mergeCommitSha ? { __typename: "Commit", oid: pull.mergeCommitSha } : null,
    autoMergeRequest: pull.autoMerge
      ? {
          enabledAt: pull.autoMerge.enabledAt,
          mergeMethod: pull.autoMerge.mergeMethod.toUpperCase(),
          commitHeadline: pull.autoMerge.commitHeadline,
          commitBody: pull.autoMerge.commitBody,
          enabledBy: actorNode,
          authorEmail: null,
        }
      : null,
  });

  const repoNode = (repo: RepoState) => ({
    __typename: "Repository",
    id: repo.nodeId,
    name: repo.name,
    nameWithOwner: `${repo.owner}/${repo.name}`,
    url: `${services.urls.server}/${repo.owner}/${repo.name}`,
    autoMergeAllowed: repo.autoMergeAllowed,
    isPrivate: repo.private,
    defaultBranchRef: { __typename: "Ref", name: repo.defaultBranch, prefix: "refs/heads/" },
    pullRequest: ({ number }: { number: number }) => {
      const pull = repo.pulls.find((p) => p.number === number);
      if (!pull) throw gitHubError("NOT_FOUND", `Could not resolve to a PullRequest with the number of ${number}.`);
      return pullNode(repo, pull);
    },
  });

  /** The PR a mutation names, checked for the token's access the way GitHub answers. */
  const writablePull = (id: string): { repo: RepoState; pull: PullState } => {
    const parsed = nodeId.parsePull(id);
    const repo = parsed ? services.repoById(parsed.repoId) : undefined;
    const pull = repo?.pulls.find((p) => p.number === parsed?.number);
    if (!repo || !pull || services.access(repo, token) === "none") throw gitHubError("NOT_FOUND", `Could not resolve to a node with the global id of '${id}'`);
    if (services.access(repo, token) === "read") throw gitHubError("FORBIDDEN", "Resource not accessible by integration");
    return { repo, pull };
  };

  const merge = async (repo: RepoState, pull: PullState, method: MergeMethod, headline?: string | null, body?: string | null, expected?: string | null) => {
    const outcome = await mergePull(
      repo,
      pull,
      { method, expectedHeadSha: expected ?? undefined, title: headline ?? undefined, message: body ?? undefined },
      { ...services.actor, date: isoNow() },
    );
    if (!outcome.ok) throw gitHubError("UNPROCESSABLE", outcome.message);
  };

  type RefUpdate = { name: string; afterOid: string; beforeOid?: string | null; force?: boolean | null };
  /** What GitHub answers for a failed updateRefs, a stale beforeOid included: no type, no detail. */
  const generic = () =>
    new GraphQLError("Something went wrong while executing your query. Please include `0000:0000:0000000:0000000:00000000` when reporting this issue.");

  type Input = { pullRequestId: string; mergeMethod?: string; commitHeadline?: string; commitBody?: string; expectedHeadOid?: string };
  const rootValue = {
    repository: ({ owner, name }: { owner: string; name: string }) => {
      const repo = services.findRepo(owner, name);
      if (!repo || services.access(repo, token) === "none")
        throw gitHubError("NOT_FOUND", `Could not resolve to a Repository with the name '${owner}/${name}'.`);
      return repoNode(repo);
    },
    node: ({ id }: { id: string }) => {
      const parsed = nodeId.parsePull(id);
      const repo = parsed ? services.repoById(parsed.repoId) : undefined;
      const pull = repo?.pulls.find((p) => p.number === parsed?.number);
      return repo && pull && services.access(repo, token) !== "none" ? pullNode(repo, pull) : null;
    },
    enablePullRequestAutoMerge: async ({ input }: { input: Input }) => {
      const { repo, pull } = writablePull(input.pullRequestId);
      // GitHub's answer for a closed pull request (peter-evans/enable-pull-request-automerge#1060); a merged one is closed too.
      if (pull.state !== "open") throw gitHubError("UNPROCESSABLE", "Pull request Pull request is closed");
      if (!repo.autoMergeAllowed) throw gitHubError("UNPROCESSABLE", "Pull request Auto merge is not allowed for this repository");
      // GitHub turns auto-merge on for no draft; gh shows its answer as "GraphQL: Pull request is in draft state
      // (enablePullRequestAutoMerge)" (reitermarkus/automerge#1525, microsoft/vscode-pull-request-github#3755).
      if (pull.draft) throw gitHubError("UNPROCESSABLE", "Pull request is in draft state");
      const method = methodOf(input.mergeMethod);
      if (!MERGE_METHODS[method].allowed(repo)) throw gitHubError("UNPROCESSABLE", MERGE_METHODS[method].autoMergeRefused);
      const status = await effectiveMergeState(repo, pull);
      // GitHub refuses auto-merge when the PR could be merged right now: nothing required is pending. CLEAN, or UNSTABLE
      // (a check not required pending or failing): "Pull request Pull request is in unstable status"
      // (peter-evans/enable-pull-request-automerge#355, snyk/snyk-ls#945); HAS_HOOKS is GHES's, its wording assumed alike.
      if (status === "CLEAN" || status === "UNSTABLE" || status === "HAS_HOOKS")
        throw gitHubError("UNPROCESSABLE", `Pull request Pull request is in ${status.toLowerCase()} status`);
      if (input.expectedHeadOid && input.expectedHeadOid !== pull.headSha)
        throw gitHubError("UNPROCESSABLE", "Head branch was modified. Review and try the merge again.");
      pull.autoMerge = {
        mergeMethod: method,
        enabledAt: isoNow(),
        commitHeadline: input.commitHeadline ?? null,
        commitBody: input.commitBody ?? null,
      };
      if (services.autoMerge === "immediate") {
        pull.mergeStateStatus = "CLEAN";
        await merge(repo, pull, pull.autoMerge.mergeMethod, pull.autoMerge.commitHeadline, pull.autoMerge.commitBody);
      }
      return { clientMutationId: null, actor: actorNode, pullRequest: pullNode(repo, pull) };
    },
    // One update per request is what clients of this fake send; each is a compare-and-swap on the ref (a zero afterOid deletes it).
    updateRefs: async ({ input }: { input: { repositoryId: string; refUpdates: RefUpdate[] } }) => {
      const id = nodeId.parseRepository(input.repositoryId);
      const repo = id === undefined ? undefined : services.repoById(id);
      if (!repo || services.access(repo, token) === "none")
        throw gitHubError("NOT_FOUND", `Could not resolve to a node with the global id of '${input.repositoryId}'`);
      if (services.access(repo, token) === "read") throw gitHubError("FORBIDDEN", "Resource not accessible by integration");
      if (input.refUpdates.length !== 1) throw new Error("the fake GitHub applies one ref update per updateRefs request");
      const [{ name, afterOid, beforeOid, force }] = input.refUpdates as [RefUpdate];
      const current = await repo.git.refSha(name);
      if (beforeOid != null && beforeOid !== (current ?? ZERO_OID)) throw generic();
      if (afterOid === ZERO_OID) {
        if (!current || !(await repo.git.deleteRef(name, current))) throw generic();
        closePullsOfDeletedBranch(repo, name, current, services.actor);
        return { clientMutationId: null };
      }
      if ((await repo.git.objectType(afterOid)) !== "commit") throw generic();
      if (current && force !== true && !(await repo.git.isAncestor(current, afterOid))) throw generic();
      if (!(await repo.git.casRef(name, afterOid, current))) throw generic();
      return { clientMutationId: null };
    },
    disablePullRequestAutoMerge: ({ input }: { input: Input }) => {
      const { repo, pull } = writablePull(input.pullRequestId);
      // Refused like the enabling is, with nothing to turn off. Both wordings are unverified: for a pull request without
      // auto-merge, clients key on /not enabled/ (hivemoot/hivemoot-bot#372); for a closed one, enabling's wording.
      if (pull.state !== "open") throw gitHubError("UNPROCESSABLE", "Pull request Pull request is closed");
      if (!pull.autoMerge) throw gitHubError("UNPROCESSABLE", "Pull request Auto merge is not enabled for this pull request");
      pull.autoMerge = null;
      return { clientMutationId: null, actor: actorNode, pullRequest: pullNode(repo, pull) };
    },
    // A person's "Ready for review": a draft can be merged, and have auto-merge turned on, from then on.
    markPullRequestReadyForReview: ({ input }: { input: Input }) => {
      const { repo, pull } = writablePull(input.pullRequestId);
      pull.draft = false;
      pull.updatedAt = isoNow();
      return { clientMutationId: null, pullRequest: pullNode(repo, pull) };
    },
    mergePullRequest: async ({ input }: { input: Input }) => {
      const { repo, pull } = writablePull(input.pullRequestId);
      await merge(repo, pull, methodOf(input.mergeMethod), input.commitHeadline, input.commitBody, input.expectedHeadOid);
      return { clientMutationId: null, actor: actorNode, pullRequest: pullNode(repo, pull) };
    },
  };

  const result = await graphql({
    schema: published,
    source: request.query,
    rootValue,
    variableValues: request.variables,
    operationName: request.operationName,
  });
  const errors = result.errors?.map((e) => ({ type: e.extensions?.type ?? "INTERNAL", path: e.path, locations: e.locations, message: e.message }));
  // No data at all means the variables did not fit the schema (e.g. mergeMethod: "FAST"): a request error.
  if (result.data === undefined) return { body: { errors }, invalid: (errors ?? []).map((e) => e.message) };
  return { body: { data: result.data, ...(errors ? { errors } : {}) }, invalid: [] };
}
