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
  return (text) => forms.reduce((scrubbed, form) => scrubbed.replaceAll(form, "***"), text).replace(/([a-z][a-z0-9+.-]*:\/\/)[^/@\s]+@/gi, "$1***@");
}
