// GitHub's refusals of a ref update by whom and what it changes: branch protection, and workflow files changed by a
// token without the Workflows permission. The same rules answer REST, GraphQL and git push (a pre-receive hook).
import { chmod, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { BareRepo } from "./bare-repo.js";
import { has, type TokenPermissions } from "./token-permissions.js";

/** A minimal branch protection rule: what it asks before a change reaches the branch. */
export interface Protection {
  /** "Require a pull request before merging": no push or ref update, only merges. */
  requirePullRequest?: boolean;
  /** Status checks that must pass: the fake runs none, so they are always expected. */
  requiredChecks?: readonly string[];
  /** Approving reviews a merge needs: the fake has no reviews, so none is ever given. */
  requiredReviews?: number;
}

const ZERO_OID = "0".repeat(40);
const WORKFLOWS = ".github/workflows";

/**
 * Why `protection` refuses a direct update of its branch, in GitHub's words (GH006's second line:
 * kuhnroyal/mat-datetimepicker#185, ad-m/github-push-action#36, online-judge-tools/verification-helper#276;
 * googleapis/repo-automation-bots#5255 from REST updateRef); undefined when it takes one.
 */
export function updateRefused(protection: Protection | undefined): string | undefined {
  if (!protection) return undefined;
  const checks = protection.requiredChecks ?? [];
  const said = [
    checks.length === 1
      ? `Required status check "${checks[0]}" is expected.`
      : checks.length > 1
        ? `${checks.length} of ${checks.length} required status checks are expected.`
        : "",
    protection.requirePullRequest || (protection.requiredReviews ?? 0) > 0 ? "Changes must be made through a pull request." : "",
  ].filter(Boolean);
  return said.length > 0 ? said.join(" ") : undefined;
}

/**
 * Why `protection` refuses to merge a pull request into its branch, as REST's 405 says
 * (Reviewable/Reviewable#561; akhilmhdh/contributors-readme-action#28 for checks); undefined when it may.
 */
export function mergeRefused(protection: Protection | undefined): string | undefined {
  const reviews = protection?.requiredReviews ?? 0;
  if (reviews > 0) return `At least ${reviews} approving review${reviews === 1 ? " is" : "s are"} required by reviewers with write access.`;
  const checks = protection?.requiredChecks ?? [];
  if (checks.length === 1) return `Required status check "${checks[0]}" is expected.`;
  if (checks.length > 1) return `${checks.length} of ${checks.length} required status checks are expected.`;
  return undefined;
}

/**
 * GitHub's refusal of a workflow change by `token` without the Workflows permission, with `%s` for the file: an App's
 * or GITHUB_TOKEN's (`ghs_`, checkstyle/checkstyle#11052), an OAuth App's (`gho_`), or a personal access token's
 * (peter-evans/rebase#77). The REST answer spells the file without backticks (chdsbd/kodiak#853).
 */
export function workflowRefusal(token: string, permissions: TokenPermissions, quote: "`" | ""): string | undefined {
  if (has(permissions, "workflows", "write")) return undefined;
  const file = `${quote}%s${quote}`;
  if (token.startsWith("ghs_")) return `refusing to allow a GitHub App to create or update workflow ${file} without ${quote}workflows${quote} permission`;
  const who = token.startsWith("gho_") ? "an OAuth App" : "a Personal Access Token";
  return `refusing to allow ${who} to create or update workflow ${file} without ${quote}workflow${quote} scope`;
}

/**
 * The first workflow file the update of a ref from `before` to `after` creates, changes or deletes; a new ref is
 * compared with the default branch. GitHub refuses such an update also when the branch only takes in a base that
 * changed a workflow (a rebase, Update branch: chdsbd/kodiak#853).
 */
export async function workflowTouched(git: BareRepo, defaultBranch: string, before: string | undefined, after: string): Promise<string | undefined> {
  if (after === ZERO_OID) return undefined;
  const from = before ?? (await git.refSha(`refs/heads/${defaultBranch}`));
  const args = from ? ["diff", "--name-only", from, after, "--", WORKFLOWS] : ["ls-tree", "-r", "--name-only", after, "--", WORKFLOWS];
  return (await git.git(args)).stdout.toString("utf8").split("\n").find(Boolean);
}

/**
 * The same rules for git push, as a pre-receive hook fed by the environment pushEnv gives `git http-backend`. git says
 * "(pre-receive hook declined)" after the hook's lines, where GitHub says "(protected branch hook declined)" after
 * GH006's, and gives a workflow refusal as the ref's reason alone.
 */
const PRE_RECEIVE = `#!/bin/sh
zero=${ZERO_OID}
status=0
while read -r old new ref; do
  refused=$(printf '%s\\n' "$FAKE_PROTECTED" | awk -F '\\t' -v ref="$ref" '$1 == ref { print $2 }')
  if [ -n "$refused" ]; then
    printf 'error: GH006: Protected branch update failed for %s.\\nerror: %s\\n' "$ref" "$refused" >&2
    status=1
    continue
  fi
  [ -n "$FAKE_WORKFLOWS_REFUSAL" ] && [ "$new" != "$zero" ] || continue
  from=$old
  [ "$from" = "$zero" ] && from=$(git rev-parse --verify --quiet "refs/heads/$FAKE_DEFAULT_BRANCH")
  if [ -n "$from" ]; then file=$(git diff --name-only "$from" "$new" -- ${WORKFLOWS} | head -n 1); else file=$(git ls-tree -r --name-only "$new" -- ${WORKFLOWS} | head -n 1); fi
  if [ -n "$file" ]; then
    printf "$FAKE_WORKFLOWS_REFUSAL\\n" "$file" >&2
    status=1
  fi
done
exit $status
`;

/**
 * Writes down what a push changed, a line "old new ref" per ref, into the file $FAKE_PUSH_LOG names, so the fake can do
 * what GitHub does after a push (close the pull requests of a deleted branch: refsDeletedBy).
 */
const POST_RECEIVE = `#!/bin/sh
[ -z "$FAKE_PUSH_LOG" ] || cat >> "$FAKE_PUSH_LOG"
`;

export async function installPushRules(git: BareRepo): Promise<void> {
  for (const [name, script] of [
    ["pre-receive", PRE_RECEIVE],
    ["post-receive", POST_RECEIVE],
  ] as const) {
    const hook = join(git.dir, "hooks", name);
    await writeFile(hook, script);
    await chmod(hook, 0o755);
  }
}

/** The refs a push deleted, each with the sha it held, as the post-receive hook wrote them to `log` (none: no file). */
export async function refsDeletedBy(log: string): Promise<{ fullRef: string; before: string }[]> {
  const text = await readFile(log, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return "";
    throw error;
  });
  return text.split("\n").flatMap((line) => {
    const [before = "", after = "", fullRef = ""] = line.split(" ");
    return after === ZERO_OID && fullRef ? [{ fullRef, before }] : [];
  });
}

/** The environment the pre-receive hook reads for a push by `token`. */
export function pushEnv(
  repo: { defaultBranch: string; protections: ReadonlyMap<string, Protection> },
  token: string,
  permissions: TokenPermissions,
): NodeJS.ProcessEnv {
  const protectedRefs = [...repo.protections].flatMap(([branch, rule]) => {
    const refused = updateRefused(rule);
    return refused ? [`refs/heads/${branch}\t${refused}`] : [];
  });
  return {
    FAKE_PROTECTED: protectedRefs.join("\n"),
    FAKE_WORKFLOWS_REFUSAL: workflowRefusal(token, permissions, "`") ?? "",
    FAKE_DEFAULT_BRANCH: repo.defaultBranch,
  };
}

/**
 * Why GitHub refuses the API's update of `fullRef` from `before` (undefined: a new ref) to `after` by `token`, with
 * REST's status; undefined when it takes it.
 */
export async function refUpdateRefused(
  repo: { git: BareRepo; defaultBranch: string; protections: ReadonlyMap<string, Protection> },
  token: string,
  permissions: TokenPermissions,
  change: { fullRef: string; before: string | undefined; after: string },
): Promise<{ status: 403 | 422; message: string } | undefined> {
  const branch = change.fullRef.startsWith("refs/heads/") ? change.fullRef.slice("refs/heads/".length) : undefined;
  const refused = branch === undefined ? undefined : updateRefused(repo.protections.get(branch));
  if (refused) return { status: 422, message: refused };
  const workflows = workflowRefusal(token, permissions, "");
  const file = workflows && (await workflowTouched(repo.git, repo.defaultBranch, change.before, change.after));
  return workflows && file ? { status: 403, message: workflows.replace("%s", file) } : undefined;
}
