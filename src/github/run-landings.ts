/**
 * What a run landed over its attempts. An attempt whose branch moved is planned again and lands
 * again on the branches an earlier attempt wrote: it replaces our commit on a pull-request branch
 * (the branch is rebuilt on the base), or adds a commit on the base. Each branch's pull request,
 * or push, is then told once, as the run leaves it.
 */
import type { LandedAt, Landing } from "./delivery-types.js";
import { isLeftAsItIsNotice } from "./land-pull-request.js";
import type { PullRequestOperation } from "./pull-request.js";

/**
 * `landings`, oldest first, as one landing per branch and pull request (in the place of its
 * first), in its final state: the last head, and the most the run did to the pull request. A
 * pull request closed under the run and opened anew on its branch is another one, told apart.
 * A pull-request branch's warnings are those of the last attempt that rebuilt it, or found it so.
 */
export function landingsOfRun(landings: readonly Landing[]): Landing[] {
  const byBranch = new Map<string, Landing>();
  for (const landing of landings) {
    const key = JSON.stringify([landing.mode, landing.branch, landing.pullRequest?.number]);
    const earlier = byBranch.get(key);
    byBranch.set(key, earlier === undefined ? landing : joined(earlier, landing));
  }
  return [...byBranch.values()];
}

/** What the run did to a pull request over its attempts, the most ranked first: closing it is its final state, opening it is news beyond updating it. */
const RANK: Readonly<Record<PullRequestOperation, number>> = { closed: 0, created: 1, updated: 2, none: 3 };

/** `earlier` and a later attempt's landing on the same branch (and pull request) as one. */
function joined(earlier: Landing, later: Landing): Landing {
  // A later landing with a commit or files on a pull-request branch tells what the branch holds now: it rebuilt the branch,
  // or found it so (maybe at our earlier commit); its files are planned again. Commits on the base add up.
  const retold = later.mode === "pull-request" && (later.commit !== undefined || later.files.length > 0);
  const files = retold ? later.files : [...new Map([...earlier.files, ...later.files].map((f) => [f.path, f])).values()];
  const before = earlier.pullRequest?.operation;
  const pullRequest = later.pullRequest && {
    ...later.pullRequest,
    operation: before !== undefined && RANK[before] < RANK[later.pullRequest.operation] ? before : later.pullRequest.operation,
  };
  // What an earlier attempt said of a branch the later one rebuilt (or found so) was about a state gone since: the later one says what holds.
  // The notice of a pull request left as it is tells nothing when an earlier attempt of this run landed on it.
  const warnings = [...(retold ? [] : (earlier.warnings ?? [])), ...(later.warnings ?? []).filter((w) => !isLeftAsItIsNotice(w, later))];
  const replanned = retold ? (later.replanned ?? []) : [...new Set([...(earlier.replanned ?? []), ...(later.replanned ?? [])])];
  const at = later.mode === "pull-request" ? branchHead(earlier, later) : pushedAt(later.commit ?? earlier.commit);
  const merge = later.merge ?? earlier.merge;
  const message = later.message ?? earlier.message;
  return {
    mode: later.mode,
    branch: later.branch,
    files,
    changes: files.flatMap((f) => f.changes),
    ...at,
    ...(pullRequest !== undefined && { pullRequest }),
    ...(later.openPullRequest !== undefined && { openPullRequest: later.openPullRequest }),
    ...(merge !== undefined && { merge }),
    ...(message !== undefined && { message }),
    ...(warnings.length > 0 && { warnings }),
    ...(replanned.length > 0 && { replanned }),
  };
}

/**
 * Where a pull-request branch stands after both: the head the later attempt made or read there,
 * which is this run's commit when one of its attempts made it; else `head` (another run's
 * commit replaced ours), as a landing that made no commit tells it.
 */
function branchHead(earlier: Landing, later: Landing): LandedAt {
  const now = later.commit ?? later.head ?? earlier.commit ?? earlier.head;
  if (now === undefined) return {};
  return now === later.commit || now === earlier.commit ? { commit: now } : { head: now };
}

/** The base after both: the last commit the run pushed there. */
function pushedAt(commit: string | undefined): LandedAt {
  return commit === undefined ? {} : { commit };
}
