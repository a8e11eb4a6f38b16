/**
 * The REST API of the GitHub server a command talks to, outside a workflow as well as in one.
 * An Actions runner sets GITHUB_API_URL; a CI agent or a laptop may set only GITHUB_SERVER_URL
 * (as the payload's run_url reads it), and a token for that server must not go to api.github.com.
 */

const GITHUB_API = "https://api.github.com";

/**
 * GITHUB_API_URL; else the API of the server GITHUB_SERVER_URL names: `<server>/api/v3` for
 * GitHub Enterprise Server, `https://api.<subdomain>.ghe.com` for GHE.com; else api.github.com.
 * Throws when the variable read is no http(s) URL, rather than send the token somewhere guessed,
 * or when it holds credentials (`https://user:password@host`), which fetch refuses to send, as a
 * request that got no answer; the message never repeats them.
 */
export function apiUrlFromEnv(env: Readonly<Record<string, string | undefined>>): string {
  const api = env["GITHUB_API_URL"]?.trim();
  if (api) {
    webUrl("GITHUB_API_URL", api, "https://github.example.com/api/v3");
    return api;
  }
  const server = env["GITHUB_SERVER_URL"]?.trim().replace(/\/+$/, "");
  if (!server) return GITHUB_API;
  const url = webUrl("GITHUB_SERVER_URL", server, "https://github.example.com", "; set GITHUB_API_URL to the server's API");
  if (url.hostname === "github.com") return GITHUB_API;
  if (url.hostname.endsWith(".ghe.com")) return `${url.protocol}//api.${url.host}`;
  return `${server}/api/v3`;
}

/** The variable `name`'s value as an http(s) URL without credentials; `advice` follows the message that it is no URL. */
function webUrl(name: string, value: string, example: string, advice = ""): URL {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (url === undefined || !/^https?:$/.test(url.protocol)) {
    // A value with an `@` may be credentials: it is not quoted.
    const quoted = value.includes("@") ? "" : ` ${JSON.stringify(value)}`;
    throw new Error(`${name}${quoted} is not a URL (e.g. ${example})${advice}`);
  }
  if (url.username !== "" || url.password !== "") {
    url.username = "";
    url.password = "";
    throw new Error(
      `${name} holds credentials (user:password@ before its host), which are never sent: the token goes in a header. Set ${name} to ${url.href.replace(/\/$/, "")}`,
    );
  }
  return url;
}
