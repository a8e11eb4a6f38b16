/**
 * The REST API of the GitHub server a command talks to, outside a workflow as well as in one.
 * An Actions runner sets GITHUB_API_URL; a CI agent or a laptop may set only GITHUB_SERVER_URL
 * (as the payload's run_url reads it), and a token for that server must not go to api.github.com.
 */

const GITHUB_API = "https://api.github.com";

/**
 * GITHUB_API_URL; else the API of the server GITHUB_SERVER_URL names: `<server>/api/v3` for
 * GitHub Enterprise Server, `https://api.<subdomain>.ghe.com` for GHE.com; else api.github.com.
 * Throws when GITHUB_SERVER_URL is no URL, rather than send the token somewhere guessed.
 */
export function apiUrlFromEnv(env: Readonly<Record<string, string | undefined>>): string {
  const api = env["GITHUB_API_URL"]?.trim();
  if (api) return api;
  const server = env["GITHUB_SERVER_URL"]?.trim().replace(/\/+$/, "");
  if (!server) return GITHUB_API;
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    throw new Error(`GITHUB_SERVER_URL ${JSON.stringify(server)} is not a URL (e.g. https://github.example.com); set GITHUB_API_URL to the server's API`);
  }
  if (url.hostname === "github.com") return GITHUB_API;
  if (url.hostname.endsWith(".ghe.com")) return `${url.protocol}//api.${url.host}`;
  return `${server}/api/v3`;
}
