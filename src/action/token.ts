/**
 * Keeping the token out of everything a run writes. The runner masks registered secrets in the
 * log only after `::add-mask::`, so the token is registered before any input is parsed (an
 * input error must not be the first line to print it); and what we write where masking does
 * not reach, or before a runner honours it (the failure message, the job summary), is scrubbed
 * here: the token itself, the Basic credential git is lent (tokenAuthEnv), and any
 * `user:password@` a git URL may carry.
 */
import { basicCredential } from "../github/git.js";

/** Registers the token's forms as secrets and returns the scrubber for our own messages. */
export function protectToken(token: string, setSecret: (secret: string) => void): (text: string) => string {
  const forms = token === "" ? [] : [token, basicCredential(token)];
  for (const form of forms) setSecret(form);
  return (text) => scrubUrlCredentials(forms.reduce((scrubbed, form) => scrubbed.replaceAll(form, "***"), text));
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
