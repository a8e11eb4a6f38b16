/**
 * Which GitHub repository a git remote is. The Action may run in one repository and check
 * out another (the app repo's workflow editing the manifests repo with a PAT), so the API
 * must address the checkout's `origin`, not GITHUB_REPOSITORY, whenever origin is on the
 * same GitHub server.
 */
import type { Repository } from "./commit.js";

/**
 * `owner/name` of a remote URL on `serverUrl`'s host (https, with or without credentials,
 * or scp-like ssh `git@host:owner/name.git`); undefined for any other remote.
 */
export function repositoryOfRemote(remoteUrl: string, serverUrl: string): Repository | undefined {
  const host = new URL(serverUrl).host.toLowerCase();
  let path: string | undefined;
  const scp = /^[^@/]+@([^:/]+):(.+)$/.exec(remoteUrl);
  if (scp) {
    if (scp[1]!.toLowerCase() === new URL(serverUrl).hostname.toLowerCase()) path = scp[2];
  } else {
    try {
      const url = new URL(remoteUrl);
      if (url.host.toLowerCase() === host || (url.protocol === "ssh:" && url.hostname.toLowerCase() === new URL(serverUrl).hostname.toLowerCase()))
        path = url.pathname;
    } catch {
      return undefined; // a local path
    }
  }
  const match = path === undefined ? null : /^\/?([^/]+)\/([^/]+?)(?:\.git)?\/?$/.exec(path);
  return match ? { owner: decodeURIComponent(match[1]!), repo: decodeURIComponent(match[2]!) } : undefined;
}
