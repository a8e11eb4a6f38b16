/**
 * The line of a pull request's default body that links back to the build that asked for the
 * promotion: ``Requested by acme/app@0123456… ([run](…)) by `@alice` ``. The login is
 * code, not a mention: a mention would notify whoever the payload names.
 *
 * The source comes from a dispatch payload, which anyone who may dispatch to the repository
 * writes. The payload's validation holds each field to its form; this checks them again, as
 * the markdown depends on it: a field that is not of its form is left out, and the run URL's
 * characters that could end the link are percent-encoded.
 */
import type { PayloadSource } from "../engine/payload.js";
import { isActorLogin, splitRepositoryName } from "../github-name.js";

/** undefined when the source names nothing to link to or credit. */
export function requestedBy(source: PayloadSource | undefined): string | undefined {
  if (source === undefined) return undefined;
  const repository = source.repository !== undefined && splitRepositoryName(source.repository) ? source.repository : undefined;
  const sha = source.sha !== undefined && /^[0-9a-f]{7,64}$/i.test(source.sha) ? source.sha : undefined;
  const actor = source.actor !== undefined && isActorLogin(source.actor) ? source.actor : undefined;
  const run = source.run_url === undefined ? undefined : webUrl(source.run_url);
  // GitHub links its own cross-repository reference `owner/name@sha` to that commit on its server;
  // a link of ours would take its host from the payload, which could then point anywhere.
  const build = repository === undefined ? undefined : sha === undefined ? repository : `${repository}@${sha}`;
  const parts = [
    ...(build ? [build] : []),
    ...(run ? [build ? `([run](${run.href}))` : `[a run](${run.href})`] : []),
    ...(actor ? [`${build || run ? "by " : ""}\`@${actor}\``] : []),
  ];
  return parts.length === 0 ? undefined : `Requested by ${parts.join(" ")}`;
}

/** An http(s) URL to put in a markdown link: the text as given (no whitespace or control characters), with `( ) [ ] < >` encoded. */
function webUrl(text: string): URL | undefined {
  if (/[\s\p{Cc}]/u.test(text)) return undefined;
  let url: URL;
  try {
    url = new URL(text.replace(/[()[\]<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`));
  } catch {
    return undefined;
  }
  return url.protocol === "https:" || url.protocol === "http:" ? url : undefined;
}
