// A real bare git repository driven by git plumbing: the fake's single source of truth for objects and refs.
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface GitIdentity {
  name: string;
  email: string;
  /** ISO 8601 */
  date: string;
}

export interface CommitObject {
  sha: string;
  tree: string;
  parents: string[];
  author: GitIdentity;
  committer: GitIdentity;
  message: string;
}

export interface TreeEntry {
  path: string;
  mode: string;
  type: "blob" | "tree" | "commit";
  sha: string;
  /** blobs only */
  size?: number;
}

/** One change for buildTree: `sha: null` removes the path (a file or a whole directory). */
export interface TreeChange {
  path: string;
  mode: string;
  sha: string | null;
}

interface GitResult {
  code: number;
  stdout: Buffer;
  stderr: string;
}

const ZERO_SHA = "0".repeat(40);

// Keep the user's and the machine's git config out of the fake's behaviour.
const isolatedEnv: NodeJS.ProcessEnv = {
  PATH: process.env.PATH,
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: "/dev/null",
  LANG: "C",
};

class GitError extends Error {}

export class BareRepo {
  constructor(readonly dir: string) {}

  static async init(dir: string, defaultBranch: string): Promise<BareRepo> {
    const repo = new BareRepo(dir);
    await runGit(["init", "--quiet", "--bare", "-b", defaultBranch, dir], {});
    await repo.git(["config", "http.receivepack", "true"]);
    // GitHub serves partial clones (actions/checkout's `filter`, and its `sparse-checkout`).
    await repo.git(["config", "uploadpack.allowFilter", "true"]);
    return repo;
  }

  async git(args: string[], options: { input?: Buffer | string; env?: NodeJS.ProcessEnv; okCodes?: number[] } = {}): Promise<GitResult> {
    const result = await runGit(["--git-dir", this.dir, ...args], options);
    if (!(options.okCodes ?? [0]).includes(result.code)) throw new GitError(`git ${args.join(" ")} failed (${result.code}): ${result.stderr.trim()}`);
    return result;
  }

  private async text(args: string[], input?: string | Buffer, env?: NodeJS.ProcessEnv): Promise<string> {
    return (await this.git(args, { input, env })).stdout.toString("utf8").trim();
  }

  /** The object a revision names, peeled to `peel` (commit, tree, ...); undefined when it does not exist. */
  async resolve(rev: string, peel: "commit" | "tree" | "object" = "commit"): Promise<string | undefined> {
    const r = await this.git(["rev-parse", "--verify", "--quiet", `${rev}^{${peel}}`], { okCodes: [0, 1, 128] });
    return r.code === 0 ? r.stdout.toString().trim() : undefined;
  }

  async objectType(sha: string): Promise<string | undefined> {
    if (!/^[0-9a-f]{40}$/.test(sha)) return undefined;
    const r = await this.git(["cat-file", "-t", sha], { okCodes: [0, 128] });
    return r.code === 0 ? r.stdout.toString().trim() : undefined;
  }

  /** Full ref name -> sha, e.g. "refs/heads/main". */
  async refs(): Promise<Map<string, string>> {
    const out = await this.text(["for-each-ref", "--format=%(refname) %(objectname)"]);
    return new Map(
      out
        .split("\n")
        .filter(Boolean)
        .map((line) => line.split(" ") as [string, string]),
    );
  }

  async refSha(fullRef: string): Promise<string | undefined> {
    return (await this.refs()).get(fullRef);
  }

  async writeBlob(content: Buffer): Promise<string> {
    return this.text(["hash-object", "-w", "--stdin"], content);
  }

  async readBlob(sha: string): Promise<Buffer> {
    return (await this.git(["cat-file", "blob", sha])).stdout;
  }

  /** Applies changes on top of baseTree (or an empty tree) in a throwaway index; returns the new tree's sha. */
  async buildTree(baseTree: string | undefined, changes: TreeChange[]): Promise<string> {
    const scratch = await mkdtemp(join(tmpdir(), "fake-gh-index-"));
    const env = { GIT_INDEX_FILE: join(scratch, "index") };
    try {
      await this.git(baseTree ? ["read-tree", baseTree] : ["read-tree", "--empty"], { env });
      const removed = changes.filter((c) => c.sha === null).map((c) => c.path);
      if (removed.length > 0) {
        // A path may name a directory: remove every file below it as well.
        const listed = (await this.git(["ls-files", "-z", "--", ...removed], { env })).stdout.toString().split("\0").filter(Boolean);
        const lines = listed.map((path) => `0 ${ZERO_SHA}\t${path}\n`).join("");
        await this.git(["update-index", "--index-info"], { input: lines, env });
      }
      const added = changes.filter((c) => c.sha !== null);
      if (added.length > 0) {
        // --replace: a file may replace a directory and the reverse, as on GitHub.
        await this.git(["update-index", "--add", "--replace", "--index-info"], { input: added.map((c) => `${c.mode} ${c.sha}\t${c.path}\n`).join(""), env });
      }
      return await this.text(["write-tree"], undefined, env);
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  }

  async readTree(treeish: string, recursive: boolean): Promise<TreeEntry[]> {
    const args = ["ls-tree", "-l", "-z", ...(recursive ? ["-r", "-t"] : []), treeish];
    const out = (await this.git(args)).stdout.toString("utf8");
    return out
      .split("\0")
      .filter(Boolean)
      .map((record) => {
        const [meta, path] = record.split("\t") as [string, string];
        const [mode, type, sha, size] = meta.split(/\s+/) as [string, TreeEntry["type"], string, string];
        return size === "-" ? { path, mode, type, sha } : { path, mode, type, sha, size: Number(size) };
      });
  }

  /** The entry at path inside a commit's tree; undefined when absent. An empty path is the root tree. */
  async entryAt(commit: string, path: string): Promise<TreeEntry | undefined> {
    if (path === "") {
      const sha = await this.resolve(commit, "tree");
      return sha ? { path: "", mode: "040000", type: "tree", sha } : undefined;
    }
    const r = await this.git(["ls-tree", "-l", "-z", commit, "--", path], { okCodes: [0, 128] });
    const record = r.stdout.toString("utf8").split("\0")[0];
    if (r.code !== 0 || !record) return undefined;
    const [meta, entryPath] = record.split("\t") as [string, string];
    if (entryPath !== path) return undefined;
    const [mode, type, sha, size] = meta.split(/\s+/) as [string, TreeEntry["type"], string, string];
    return size === "-" ? { path, mode, type, sha } : { path, mode, type, sha, size: Number(size) };
  }

  async createCommit(tree: string, parents: string[], message: string, author: GitIdentity, committer: GitIdentity): Promise<string> {
    const env = {
      GIT_AUTHOR_NAME: author.name,
      GIT_AUTHOR_EMAIL: author.email,
      GIT_AUTHOR_DATE: author.date,
      GIT_COMMITTER_NAME: committer.name,
      GIT_COMMITTER_EMAIL: committer.email,
      GIT_COMMITTER_DATE: committer.date,
    };
    return this.text(["commit-tree", tree, ...parents.flatMap((p) => ["-p", p])], message, env);
  }

  async readCommit(sha: string): Promise<CommitObject> {
    const raw = (await this.git(["cat-file", "commit", sha])).stdout.toString("utf8");
    const split = raw.indexOf("\n\n");
    const header = raw.slice(0, split).split("\n");
    const field = (name: string) => header.filter((l) => l.startsWith(name + " ")).map((l) => l.slice(name.length + 1));
    return {
      sha,
      tree: field("tree")[0] ?? "",
      parents: field("parent"),
      author: parseIdentity(field("author")[0] ?? ""),
      committer: parseIdentity(field("committer")[0] ?? ""),
      message: split < 0 ? "" : raw.slice(split + 2),
    };
  }

  /** Compare-and-swap: `expected` undefined means the ref must not exist yet. Returns false when someone else won. */
  async casRef(fullRef: string, sha: string, expected: string | undefined): Promise<boolean> {
    const r = await this.git(["update-ref", fullRef, sha, expected ?? ZERO_SHA], { okCodes: [0, 128] });
    return r.code === 0;
  }

  async deleteRef(fullRef: string, expected: string): Promise<boolean> {
    const r = await this.git(["update-ref", "-d", fullRef, expected], { okCodes: [0, 128] });
    return r.code === 0;
  }

  async isAncestor(ancestor: string, descendant: string): Promise<boolean> {
    return (await this.git(["merge-base", "--is-ancestor", ancestor, descendant], { okCodes: [0, 1] })).code === 0;
  }

  /** A three-way merge without a worktree; undefined on conflicts. */
  async mergeTree(ours: string, theirs: string): Promise<string | undefined> {
    const r = await this.git(["merge-tree", "--write-tree", "--no-messages", ours, theirs], { okCodes: [0, 1] });
    return r.code === 0 ? r.stdout.toString().split("\n")[0] : undefined;
  }

  /** Commits reachable from head but not from base, oldest first. */
  async commitsBetween(base: string, head: string): Promise<string[]> {
    const out = await this.text(["rev-list", "--reverse", "--topo-order", `${base}..${head}`]);
    return out.split("\n").filter(Boolean);
  }

  /** The tree of `commit`'s own change replayed onto `ontoTree` (git 2.39's merge-tree has no --merge-base); undefined on conflicts. */
  async replayOnto(ontoTree: string, commit: string): Promise<string | undefined> {
    const parent = (await this.readCommit(commit)).parents[0];
    const scratch = await mkdtemp(join(tmpdir(), "fake-gh-index-"));
    const env = { GIT_INDEX_FILE: join(scratch, "index") };
    try {
      await this.git(["read-tree", ontoTree], { env });
      const diff = (await this.git(["diff-tree", "-p", "--binary", "--full-index", parent ?? "--root", commit])).stdout;
      if (diff.length === 0) return ontoTree;
      const applied = await this.git(["apply", "--cached", "--3way"], { input: diff, env, okCodes: [0, 1] });
      if (applied.code !== 0) return undefined;
      return await this.text(["write-tree"], undefined, env);
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  }
}

function parseIdentity(line: string): GitIdentity {
  const m = /^(.*) <(.*)> (\d+) ([+-]\d{4})$/.exec(line);
  if (!m) return { name: line, email: "", date: new Date(0).toISOString() };
  return { name: m[1] ?? "", email: m[2] ?? "", date: new Date(Number(m[3]) * 1000).toISOString().replace(/\.\d{3}Z$/, "Z") };
}

function runGit(args: string[], options: { input?: Buffer | string; env?: NodeJS.ProcessEnv }): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn("git", args, { env: { ...isolatedEnv, ...options.env }, stdio: ["pipe", "pipe", "pipe"] });
    const out: Buffer[] = [];
    let err = "";
    child.stdout.on("data", (d: Buffer) => out.push(d));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout: Buffer.concat(out), stderr: err }));
    child.stdin.on("error", () => undefined); // git may exit before reading all input
    child.stdin.end(options.input ?? "");
  });
}
