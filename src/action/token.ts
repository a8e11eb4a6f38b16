/**
 * Keeping the token out of everything a run writes. The runner masks registered secrets in the
 * log only after `::add-mask::`, so the token is registered before any input is parsed (an
 * input error must not be the first line to print it); and what we write where masking does
 * not reach, or before a runner honours it (the failure message, the job summary), is scrubbed
 * here: the token itself, the Basic credential git is lent (tokenAuthEnv), and any
 * `user:password@` a git URL may carry.
 */
import { basicCredential } from "../github/git.js";
import { InputError } from "./input-error.js";
import { escapeAttribute, escapeHtml } from "./summary-html.js";

/**
 * Registers the token's forms as secrets and returns the scrubber for our own messages and the job
 * summary (redactSummaries), which shows the token as its markup escapes it (a `&` as `&amp;`).
 */
export function protectToken(token: string, setSecret: (secret: string) => void): (text: string) => string {
  const forms = token === "" ? [] : [token, basicCredential(token)];
  for (const form of forms) setSecret(form);
  const scrubbed = [...new Set(forms.flatMap((form) => [form, escapeHtml(form), escapeAttribute(form)]))];
  return (text) => scrubUrlCredentials(scrubbed.reduce((result, form) => result.replaceAll(form, "***"), text));
}

/** What a run does with the token, for the message that refuses an empty one. */
export interface TokenUse {
  /** What follows "input token is empty, and ": the API calls the run makes. */
  readonly calls: string;
  /** What leaving `token` out gives instead. */
  readonly withoutIt: string;
}

/**
 * The token input for a run that calls the API. An empty one is refused with its likely causes,
 * not Octokit's "Parameter token or opts.auth is required" nor @actions/core's "Input required
 * and not supplied": a workflow passes `token: ""` when the expression it gives yields nothing.
 */
export function requireToken(token: string, use: TokenUse): string {
  if (token !== "") return tokenInput(token);
  throw new InputError(
    `input token is empty, and ${use.calls}. ` +
      "Most often the expression it is given yields nothing: `${{ secrets.NAME }}` names a secret that does not exist " +
      "(misspelt, or defined for another repository or environment; runs triggered from forks or by Dependabot get no secrets), " +
      "or `${{ steps.ID.outputs.token }}` names a step that was skipped, failed or has another id. " +
      use.withoutIt,
  );
}

/** The token input as given, refused when it cannot be a token (tokenIssue); empty passes, for a run that needs none. */
export function tokenInput(token: string): string {
  const issue = tokenIssue(token);
  if (issue !== undefined) throw new InputError(`input token ${issue}`);
  return token;
}

/**
 * Why `token` cannot be a token, to follow its name ("input token", "GITHUB_TOKEN"); undefined
 * when it can. A token is one word of printable ASCII: anything else is refused before any
 * request, as fetch would refuse the Authorization header only after the client's retries, with a
 * message of its own. The token is never quoted.
 */
export function tokenIssue(token: string): string | undefined {
  if (/[\r\n]/.test(token)) {
    return (
      "holds a line break, and a token is one line. Text of several lines is most often a private key (-----BEGIN ... PRIVATE KEY-----): " +
      "pass the token made from it, e.g. `${{ steps.app-token.outputs.token }}` of actions/create-github-app-token, not the App's private key"
    );
  }
  if (/[^\x21-\x7e]/.test(token))
    return "holds a space or a character outside printable ASCII, and a token is one word such as ghs_...: pass the token alone, without `Bearer ` or quotes";
  return undefined;
}

const SCHEME_CHAR = /[a-z0-9+.-]/i;
const LETTER = /[a-z]/i;
/** `user:password@` right after a `://`: no `/`, `@` or space before its `@`. */
const CREDENTIAL = /[^/@\s]+@/y;

/**
 * `scheme://user:password@` becomes `scheme://***@` (a scheme is a letter, then letters, digits,
 * `+`, `.` or `-`). Found from each `://`, as a regex would take quadratic time on a long run of
 * letters with no `:` after it (a payload's image name, quoted in an error): each `://` looks
 * back over its own scheme and forward to the next `/` at most, so every character is read a
 * bounded number of times.
 */
function scrubUrlCredentials(text: string): string {
  let scrubbed = "";
  let copied = 0;
  for (let at = text.indexOf("://"); at !== -1; at = text.indexOf("://", at + 1)) {
    if (!hasScheme(text, at)) continue;
    CREDENTIAL.lastIndex = at + 3;
    if (!CREDENTIAL.test(text)) continue;
    scrubbed += `${text.slice(copied, at + 3)}***`;
    copied = CREDENTIAL.lastIndex - 1;
  }
  return scrubbed + text.slice(copied);
}

/** Whether the scheme characters right before `at` include a letter, where a scheme can start. */
function hasScheme(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0 && SCHEME_CHAR.test(text[i]!); i--) {
    if (LETTER.test(text[i]!)) return true;
  }
  return false;
}
