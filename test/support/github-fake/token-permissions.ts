// What each token may do, permission by permission, as GitHub's tables for fine-grained tokens and Apps say
// (docs.github.com/rest/authentication/permissions-required-for-github-apps), for the operations the fake serves.

/** A repository permission of an App installation token, GITHUB_TOKEN or fine-grained token; `members` is the organisation's. */
export type PermissionName = "contents" | "pull-requests" | "issues" | "actions" | "workflows" | "members";
export type Level = "write" | "read" | "none";
export type TokenPermissions = Record<PermissionName, Level>;

/** A token granted everything (a classic personal access token with `repo`, `workflow` and `read:org`). */
export const ALL_PERMISSIONS: TokenPermissions = {
  contents: "write",
  "pull-requests": "write",
  issues: "write",
  actions: "write",
  workflows: "write",
  members: "read",
};

type Need = readonly [PermissionName, Exclude<Level, "none">];

/** REST operations by OpenAPI operationId; one left out (repos/get) needs metadata only, which every token has. */
const REST_NEEDS: Readonly<Record<string, readonly Need[]>> = {
  "git/get-ref": [["contents", "read"]],
  "git/get-commit": [["contents", "read"]],
  "git/get-tree": [["contents", "read"]],
  "git/get-blob": [["contents", "read"]],
  "repos/get-content": [["contents", "read"]],
  "repos/get-branch": [["contents", "read"]],
  "repos/compare-commits-with-basehead": [["contents", "read"]],
  "git/create-ref": [["contents", "write"]],
  "git/update-ref": [["contents", "write"]],
  "git/delete-ref": [["contents", "write"]],
  "git/create-commit": [["contents", "write"]],
  "git/create-tree": [["contents", "write"]],
  "git/create-blob": [["contents", "write"]],
  "repos/create-dispatch-event": [["contents", "write"]],
  "pulls/list": [["pull-requests", "read"]],
  "pulls/get": [["pull-requests", "read"]],
  "pulls/list-files": [["pull-requests", "read"]],
  "pulls/check-if-merged": [["pull-requests", "read"]],
  "pulls/create": [["pull-requests", "write"]],
  "pulls/update": [["pull-requests", "write"]],
  "pulls/request-reviewers": [["pull-requests", "write"]],
  // "Get an issue" is listed under Issues alone (no other permission will do), a pull request's too
  // (github/docs src/github-apps/data/fpt-2026-03-10/fine-grained-pat-permissions.json).
  "issues/get": [["issues", "read"]],
  // These GitHub takes with Issues or Pull requests on a pull request's issue; the fake models the latter.
  "issues/add-labels": [["pull-requests", "write"]],
  "issues/add-assignees": [["pull-requests", "write"]],
  "issues/create-comment": [["pull-requests", "write"]],
  "pulls/merge": [["contents", "write"]],
  "actions/create-workflow-dispatch": [["actions", "write"]],
  "actions/get-workflow-run": [["actions", "read"]],
};

/** GraphQL mutations by field; queries need only read access to the repository, as setAccess models. */
const GRAPHQL_NEEDS: Readonly<Record<string, readonly Need[]>> = {
  updateRefs: [["contents", "write"]],
  // Both: the merge GitHub makes later writes the base (whme/csshw#234, pylegifrance/pylegifrance#67).
  enablePullRequestAutoMerge: [
    ["contents", "write"],
    ["pull-requests", "write"],
  ],
  disablePullRequestAutoMerge: [["pull-requests", "write"]],
  markPullRequestReadyForReview: [["pull-requests", "write"]],
  mergePullRequest: [["contents", "write"]],
};

const RANK: Readonly<Record<Level, number>> = { none: 0, read: 1, write: 2 };

export function has(permissions: TokenPermissions, name: PermissionName, level: Exclude<Level, "none">): boolean {
  return RANK[permissions[name]] >= RANK[level];
}

function allowed(permissions: TokenPermissions, needs: readonly Need[] | undefined): boolean {
  return (needs ?? []).every(([name, level]) => has(permissions, name, level));
}

export function allowsRest(permissions: TokenPermissions, operationId: string | undefined): boolean {
  return allowed(permissions, operationId === undefined ? undefined : REST_NEEDS[operationId]);
}

export function allowsMutation(permissions: TokenPermissions, field: string): boolean {
  return allowed(permissions, GRAPHQL_NEEDS[field]);
}
