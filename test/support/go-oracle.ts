/**
 * Go programs as oracles: what Flux does is what Go's own packages do (regexp, text/template,
 * sprig), so tests ask Debian's Go for the answer instead of writing it down by hand.
 *
 * An oracle is a `package main` in test/oracles/<name>/ that reads one JSON request per line on
 * stdin and writes one JSON answer per line on stdout. It is built in GOPATH mode against
 * Debian's packages (golang-go, golang-github-masterminds-sprig-dev, which .ci/run installs),
 * once per source text, into .cache/go-oracles/.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, symlinkSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "../..");
const CACHE = join(ROOT, ".cache");
const DEBIAN_GOPATH = "/usr/share/gocode";

/**
 * A GOPATH beside Debian's that holds each of its major-version modules under its import path:
 * Debian installs github.com/Masterminds/sprig/v3 as .../sprig, where GOPATH mode does not look.
 */
function versionedPaths(): string {
  const gopath = join(CACHE, "go-path");
  const src = join(DEBIAN_GOPATH, "src");
  const levels = (dir: string, depth: number): string[] =>
    depth === 0
      ? [dir]
      : (existsSync(dir) ? readdirSync(dir, { withFileTypes: true }) : []).filter((e) => e.isDirectory()).flatMap((e) => levels(join(dir, e.name), depth - 1));
  for (const repo of levels(src, 3)) {
    const goMod = join(repo, "go.mod");
    const module = existsSync(goMod) ? /^module\s+(\S+\/v\d+)\s*$/m.exec(readFileSync(goMod, "utf8"))?.[1] : undefined;
    const link = module && join(gopath, "src", module);
    if (!link || existsSync(link)) continue;
    mkdirSync(dirname(link), { recursive: true });
    try {
      symlinkSync(repo, link);
    } catch (error) {
      if ((error as { code?: string }).code !== "EEXIST") throw error; // another test file made it first
    }
  }
  return gopath;
}

/** Go's environment for a build against Debian's packages, without modules or a network. */
function goEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GO111MODULE: "off",
    GOPATH: `${versionedPaths()}:${DEBIAN_GOPATH}`,
    GOCACHE: join(CACHE, "go-build"),
    GOFLAGS: "",
    GOPROXY: "off",
    CGO_ENABLED: "0",
  };
}

/** The built program of test/oracles/<name>, built when its sources changed. */
function oracleBinary(name: string): string {
  const dir = join(ROOT, "test/oracles", name);
  const hash = createHash("sha256");
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".go"))
    .sort())
    hash
      .update(file)
      .update("\0")
      .update(readFileSync(join(dir, file)));
  const binary = join(CACHE, "go-oracles", `${name}-${hash.digest("hex").slice(0, 16)}`);
  if (existsSync(binary)) return binary;
  mkdirSync(join(CACHE, "go-oracles"), { recursive: true });
  // Test files run in parallel: each builds to its own name and renames, so none runs a half-written file.
  const building = `${binary}.${process.pid}`;
  try {
    execFileSync("go", ["build", "-o", building, "."], { cwd: dir, env: goEnv(), stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    const { code, stderr } = error as { code?: string; stderr?: Buffer };
    if (code === "ENOENT")
      throw new Error("`go` is not installed: the oracle tests need Debian's golang-go and golang-github-masterminds-sprig-dev (.ci/run installs them)", {
        cause: error,
      });
    throw new Error(`building test/oracles/${name} failed:\n${stderr?.toString() ?? String(error)}`, { cause: error });
  }
  renameSync(building, binary);
  return binary;
}

/**
 * Asks the oracle test/oracles/<name> about every request at once (one process per call) and
 * returns its answers in the same order.
 */
export function askGo<Request, Answer>(name: string, requests: readonly Request[]): Answer[] {
  if (requests.length === 0) return [];
  const out = execFileSync(oracleBinary(name), [], {
    input: requests.map((r) => JSON.stringify(r)).join("\n") + "\n",
    encoding: "utf8",
    maxBuffer: 1 << 30,
    stdio: ["pipe", "pipe", "pipe"],
  });
  const answers = out
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as Answer);
  if (answers.length !== requests.length) throw new Error(`test/oracles/${name} answered ${answers.length} of ${requests.length} requests`);
  return answers;
}
