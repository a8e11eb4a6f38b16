/**
 * GitHub's names for accounts and repositories, as the sender of a dispatch names the
 * repositories it sends to and as a payload's `source` names the repository and the person
 * it came from. Pure and linear: a payload is untrusted text, checked before anything prints it.
 */

/**
 * A login: letters and digits, with hyphens inside; underscores inside too, which the logins of
 * Enterprise Managed Users carry before their enterprise's short code (`mona_acme`).
 */
const LOGIN = "[A-Za-z0-9](?:[A-Za-z0-9_-]*[A-Za-z0-9])?";
const REPOSITORY = new RegExp(`^(${LOGIN})/([A-Za-z0-9._-]+)$`);
/** A GitHub App acts as `<app-slug>[bot]` (`github-actions[bot]`, `dependabot[bot]`). */
const ACTOR = new RegExp(`^${LOGIN}(?:\\[bot\\])?$`);

export interface RepositoryName {
  readonly owner: string;
  readonly repo: string;
}

/** `OWNER/NAME` in its two parts, or undefined when the text is not one (`.` and `..` name no repository). */
export function splitRepositoryName(text: string): RepositoryName | undefined {
  const m = REPOSITORY.exec(text);
  if (!m || m[2] === "." || m[2] === "..") return undefined;
  return { owner: m[1]!, repo: m[2]! };
}

/** Whether the text is the login of a user, an organisation or an App's bot. */
export function isActorLogin(text: string): boolean {
  return ACTOR.test(text);
}

/**
 * Why a reviewer, team or assignee to request (`octocat`, `org/team`) is written as no login is: a leading `@`, a
 * mention's, which GitHub refuses only once the pull request is open; undefined otherwise.
 */
export function mentionIssue(name: string): string | undefined {
  return name.startsWith("@") ? `${JSON.stringify(name)} is written as a mention: give ${name.slice(1)}, without the @` : undefined;
}
