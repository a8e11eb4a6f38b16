// Git smart HTTP for the fake's bare repos: a CGI bridge to `git http-backend`, so real clones, fetches and pushes work.
import { spawn } from "node:child_process";
import type { IncomingMessage, ServerResponse } from "node:http";

/** `/<owner>/<repo>.git/<service path>`; the `.git` suffix is optional, as on GitHub. */
export function parseGitPath(pathname: string): { owner: string; repo: string; rest: string } | undefined {
  const m = /^\/([^/]+)\/([^/]+?)(?:\.git)?(\/(?:info\/refs|git-upload-pack|git-receive-pack|HEAD|objects\/.+))$/.exec(pathname);
  return m ? { owner: m[1] ?? "", repo: m[2] ?? "", rest: m[3] ?? "" } : undefined;
}

export function isPush(url: URL): boolean {
  return url.pathname.endsWith("/git-receive-pack") || url.searchParams.get("service") === "git-receive-pack";
}

/**
 * Runs one request through `git http-backend` against the bare repo at `<root>/<owner>/<repo>.git`; `hookEnv` reaches
 * its hooks (the fake's push rules). `beforeEnd` runs once git is done, before the answer ends: what the fake does after
 * a push is done when the client hears that it landed.
 */
export function serveGit(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  root: string,
  target: { owner: string; repo: string; rest: string },
  user: string,
  hookEnv: NodeJS.ProcessEnv = {},
  beforeEnd?: () => Promise<void>,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = {
      ...hookEnv,
      PATH: process.env.PATH,
      GIT_CONFIG_NOSYSTEM: "1",
      GIT_CONFIG_GLOBAL: "/dev/null",
      GIT_PROJECT_ROOT: root,
      GIT_HTTP_EXPORT_ALL: "1",
      REQUEST_METHOD: req.method ?? "GET",
      PATH_INFO: `/${target.owner}/${target.repo}.git${target.rest}`,
      QUERY_STRING: url.search.slice(1),
      CONTENT_TYPE: req.headers["content-type"] ?? "",
      // http-backend enables receive-pack only for an authenticated user.
      REMOTE_USER: user,
      REMOTE_ADDR: "127.0.0.1",
      GIT_PROTOCOL: String(req.headers["git-protocol"] ?? ""),
      HTTP_CONTENT_ENCODING: String(req.headers["content-encoding"] ?? ""),
      ...(req.headers["content-length"] ? { CONTENT_LENGTH: String(req.headers["content-length"]) } : {}),
    };
    const cgi = spawn("git", ["http-backend"], { env, stdio: ["pipe", "pipe", "pipe"] });
    req.pipe(cgi.stdin);
    cgi.stdin.on("error", () => undefined);
    let head = Buffer.alloc(0);
    let headersDone = false;
    let status = 200;
    cgi.stdout.on("data", (chunk: Buffer) => {
      if (headersDone) {
        res.write(chunk);
        return;
      }
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf("\r\n\r\n");
      if (end < 0) return;
      headersDone = true;
      for (const line of head.subarray(0, end).toString("latin1").split("\r\n")) {
        const colon = line.indexOf(":");
        const name = line.slice(0, colon).trim();
        const value = line.slice(colon + 1).trim();
        if (name.toLowerCase() === "status") status = Number(value.split(" ")[0]);
        else if (name) res.setHeader(name, value);
      }
      res.statusCode = status;
      res.write(head.subarray(end + 4));
    });
    cgi.stderr.resume();
    cgi.on("close", () => {
      void (async () => {
        await beforeEnd?.();
        if (!headersDone) {
          res.statusCode = 500;
          status = 500;
        }
        res.end();
        resolve(status);
      })().catch(reject);
    });
  });
}
