/**
 * The local git manager: everything done with the `git` binary in the checkout. It reads a
 * fetched commit as the engine's TreeSource (not the working tree: a retry must see the new
 * head, and the user's checkout is never touched), builds commits with plumbing on a
 * private index, and pushes without force to any remote, GitHub or not.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TreeSource } from "../engine/source.js";
import { writesMergeTrees } from "./git-version.js";
import { wallSleep } from "./timing.js";

/** git's mode of a regular file, the only files we read and write: plain or executable. */
export type FileMode = "100644" | "100755";

/** A file to write in a commit. */
export interface FileWrite {
  readonly path: string;
  readonly content: string;
  readonly mode: FileMode;
}

export interface Identity {
  readonly name: string;
  readonly email: string;
}

/** One entry for `git update-index --index-info`. */
interface IndexRecord {
  readonly mode: string;
  readonly blob: string;
  readonly path: string;
}

/** A file of a commit as `git ls-tree` lists it. */
export interface TreeEntry {
  readonly mode: FileMode;
  readonly sha: string;
}

export class GitError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly stderr: string,
    readonly code: number | null,
  ) {
    super(`git ${args.join(" ")} failed (exit ${code}): ${stderr.trim()}`);
    this.name = "GitError";
  }
}

/** A commit read through one `git cat-file --batch`; call close() when done. */
export interface GitTree extends TreeSource {
  readonly entries: ReadonlyMap<string, TreeEntry>;
  close(): void;
}

/**
 * Environment that makes git send the token as actions/checkout does (an http extraheader),
 * for a checkout made with `persist-credentials: false`. Scoped to `serverUrl` like
 * checkout's `http.<server>/.extraheader`: a submodule or any other host never receives it.
 * Added after the GIT_CONFIG_* entries `env` (the job's environment) already has, which may be
 * what lets git work here at all (safe.directory, http.proxy, http.sslCAInfo).
 */
export function tokenAuthEnv(token: string, serverUrl: string, env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  // git reads an unset or empty count as none; any other count that is not a number stops git anyway.
  const count = Number(env["GIT_CONFIG_COUNT"] || 0);
  const n = Number.isSafeInteger(count) && count >= 0 ? count : 0;
  const key = `http.${serverUrl.replace(/\/+$/, "")}/.extraheader`;
  return { GIT_CONFIG_COUNT: String(n + 1), [`GIT_CONFIG_KEY_${n}`]: key, [`GIT_CONFIG_VALUE_${n}`]: `AUTHORIZATION: basic ${basicCredential(token)}` };
}

/** The Basic credential git sends for the token: a secret of its own, since the runner masks exact strings. */
export function basicCredential(token: string): string {
  return Buffer.from(`x-access-token:${token}`).toString("base64");
}

/** Who made a commit: its author, committer and the co-authors its `Co-authored-by` trailers credit. */
export interface CommitPeople {
  readonly author: Identity;
  readonly committer: Identity;
  readonly coAuthors: readonly Identity[];
}

/** One of a branch's own commits (commitsAfter). */
export interface BranchCommit extends CommitPeople {
  readonly sha: string;
  /** As the commit names them: a merge has two or more. */
  readonly parents: readonly string[];
}

/** Where a branch forked from its base, and its own commits since. */
export interface ForkPoint {
  /** The newest commit of the base that the branch holds: its changes are counted from here. */
  readonly commit: string;
  /** The branch's own commits, as `git log` revisions. */
  readonly own: readonly string[];
}

/** `Name <email>`, as an `author` input, a `Co-authored-by` trailer and git write it; undefined for anything else. */
export function parseIdentity(text: string): Identity | undefined {
  const match = /^\s*([^<>]+?)\s*<([^<>\s]+@[^<>\s]+)>\s*$/.exec(text);
  return match ? { name: match[1]!, email: match[2]! } : undefined;
}

/** Separates the fields of a `git log` record (a unit separator: no name or email holds one). */
const FIELD = "\x1f";
/** Regular files only: symlinks and submodules are not manifests we edit. */
const FILE_MODES: ReadonlySet<string> = new Set<FileMode>(["100644", "100755"]);

/** git's mode of a symbolic link, whose blob is its target as written. */
const LINK_MODE = "120000";

function isFileMode(mode: string | undefined): mode is FileMode {
  return mode !== undefined && FILE_MODES.has(mode);
}
/** Where fetched heads are kept, out of the user's refs/remotes. */
const REF_PREFIX = "refs/gitops-promote";

/** How long git may talk to a remote, and how often a failed read is tried again. */
export interface NetworkLimits {
  /** A network command still running after this long is stopped (ms). */
  readonly timeoutMs: number;
  /** An HTTP transfer slower than LOW_SPEED_BYTES a second for this long fails (git's http.lowSpeedTime). */
  readonly stallSeconds: number;
  /** The pause before each new try of a transiently failed command (ms): as many tries again as entries. */
  readonly retryDelaysMs: readonly number[];
}

const NETWORK_LIMITS: NetworkLimits = { timeoutMs: 5 * 60_000, stallSeconds: 30, retryDelaysMs: [1000, 3000] };
/** The lines of `push --porcelain` for refs the remote refused: "!\t<src>:<dst>\t[remote rejected] (<reason>)". */
function refusedRefs(said: string): string {
  return said
    .split("\n")
    .filter((line) => line.startsWith("!\t"))
    .join("\n");
}

const LOW_SPEED_BYTES = 1000;

/**
 * git's messages for a failure worth trying again: a 5xx or 429 from the server, a connection
 * cut, reset or too slow (curl 18, 28, 52, 55, 56, 92). Not a 401/403/404, a missing ref, a
 * rejected push.
 */
const TRANSIENT =
  /RPC failed; (HTTP (5\d\d|429)|curl (18|28|52|55|56|92))|returned error: (5\d\d|429)|Empty reply from server|Connection reset|Connection timed out|Operation timed out|Operation too slow|early EOF|unexpected disconnect|not closed cleanly|Failed to connect|Could not resolve host|closed by remote host/i;

/**
 * git's messages for a push refused because the branch is not where the push expected it: git's
 * own refusal (non-fast-forward, a stale lease), or the server's. A server before git 2.51 says
 * "failed to update ref" (or "cannot lock ref"); receive-pack's batched ref updates (2.51) name
 * the kind instead: the ref moved, was created, or was deleted meanwhile.
 */
const LOST_RACE =
  /\[rejected\]|non-fast-forward|fetch first|failed to update ref|cannot lock ref|stale info|incorrect old value provided|reference already exists|reference does not exist/i;

/** How a git command ended; `timedOut` when the network time limit stopped it. */
interface Exit {
  readonly code: number | null;
  readonly stdout: Buffer;
  readonly stderr: string;
  readonly timedOut: boolean;
}

export class GitRepo {
  private readonly limits: NetworkLimits;
  private writesMergeTreesOnce: Promise<boolean> | undefined;
  private promisorRemoteOnce: Promise<string | undefined> | undefined;

  /**
   * @param env extra environment for every git command, e.g. the token as an http
   *   extraheader through GIT_CONFIG_* (never in argv, where `ps` would show it)
   * @param limits how long git may talk to a remote, and how often a failed read is tried again
   */
  constructor(
    readonly dir: string,
    private readonly env: Readonly<Record<string, string>> = {},
    limits: Partial<NetworkLimits> = {},
  ) {
    this.limits = { ...NETWORK_LIMITS, ...limits };
  }

  /** Runs git; resolves stdout, rejects with GitError (stderr included). */
  async run(args: readonly string[], options: { input?: string | Uint8Array; env?: Record<string, string> } = {}): Promise<string> {
    const { code, stdout, stderr } = await this.exec(args, options);
    if (code !== 0) throw new GitError(args, stderr, code);
    return stdout.toString("utf8");
  }

  /** Runs git; with `timeoutMs` it is stopped when still running then, and `timedOut` says so. */
  private exec(args: readonly string[], options: { input?: string | Uint8Array; env?: Record<string, string>; timeoutMs?: number }) {
    return new Promise<Exit>((resolve, reject) => {
      const child = this.spawn(args, options.env);
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      let timedOut = false;
      const timer =
        options.timeoutMs === undefined
          ? undefined
          : setTimeout(() => {
              timedOut = true;
              err.push(Buffer.from(`\nstopped: git was still running after ${options.timeoutMs! / 1000} s`));
              child.kill("SIGKILL");
              // A helper git started (git-remote-https) holds these pipes too, and may outlive git: do not wait for it.
              child.stdout.destroy();
              child.stderr.destroy();
            }, options.timeoutMs);
      child.stdout.on("data", (d: Buffer) => out.push(d));
      child.stderr.on("data", (d: Buffer) => err.push(d));
      child.on("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.on("close", (code) => {
        clearTimeout(timer);
        resolve({ code, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString("utf8"), timedOut });
      });
      child.stdin.on("error", () => undefined); // a git that exits without reading its input: the exit code tells
      child.stdin.end(options.input ?? "");
    });
  }

  /**
   * Starts git with the environment every command gets: the lent token (`env`), no prompt for a
   * password, and the network limits. Also `cat-file`, which in a partial clone fetches the blobs
   * it lacks from origin.
   */
  private spawn(args: readonly string[], env: Record<string, string> = {}) {
    // A stalled HTTP transfer ends in git itself; exec's timer also ends one that trickles, and any other transport.
    const network = { GIT_HTTP_LOW_SPEED_LIMIT: String(LOW_SPEED_BYTES), GIT_HTTP_LOW_SPEED_TIME: String(this.limits.stallSeconds) };
    return spawn("git", args, { cwd: this.dir, env: { ...process.env, GIT_TERMINAL_PROMPT: "0", ...network, ...this.env, ...env } });
  }

  /**
   * Runs a git command that only reads from a remote, under the network time limit; a
   * transient failure (a 5xx, a cut connection) is tried again after a pause, as reading
   * twice changes nothing. The last exit, failed or not.
   */
  private async readRemote(args: readonly string[], input?: string): Promise<Exit> {
    for (let retry = 0; ; retry++) {
      const exit = await this.exec(args, { timeoutMs: this.limits.timeoutMs, ...(input !== undefined && { input }) });
      const delay = this.limits.retryDelaysMs[retry];
      if (exit.code === 0 || exit.timedOut || delay === undefined || !TRANSIENT.test(exit.stderr)) return exit;
      await wallSleep(delay);
    }
  }

  /** readRemote's stdout; rejects with GitError. */
  private async runReadRemote(args: readonly string[], input?: string): Promise<string> {
    const { code, stdout, stderr } = await this.readRemote(args, input);
    if (code !== 0) throw new GitError(args, stderr, code);
    return stdout.toString("utf8");
  }

  /** The remote's default branch, from its advertised HEAD symref (no API call). */
  async defaultBranch(remote: string): Promise<string> {
    const out = await this.runReadRemote(["ls-remote", "--symref", remote, "HEAD"]);
    const match = /^ref: refs\/heads\/(\S+)\tHEAD$/m.exec(out);
    if (!match) throw new Error(`cannot tell the default branch of ${remote}: it advertises no HEAD; set the 'branch' input`);
    return match[1]!;
  }

  /** A checkout made with `--depth` (actions/checkout's default fetch-depth 1). */
  private async isShallow(): Promise<boolean> {
    return (await this.run(["rev-parse", "--is-shallow-repository"])).trim() === "true";
  }

  /**
   * Whether the checkout holds commit `oid`. Not `cat-file -e`: in a partial clone it would fetch a
   * commit the checkout lacks, with all its history. A missing tip makes git before 2.45 fail and
   * git 2.45 and later print `?<oid>` and succeed: only the commit's own line says it is there.
   */
  private async hasCommit(oid: string): Promise<boolean> {
    const { code, stdout } = await this.exec(["rev-list", "--no-walk", "--missing=print", oid], {});
    return code === 0 && stdout.toString("utf8").trim() === oid;
  }

  /**
   * Fetches `branch` from `remote`; its head commit, or undefined when the branch does not exist.
   * In a shallow checkout only the head commit is fetched (forkPoint fetches what a rebuild needs),
   * and none the checkout has already.
   */
  async fetch(remote: string, branch: string): Promise<string | undefined> {
    const shallow = await this.isShallow();
    const local = `${REF_PREFIX}/${remote}/${branch}`;
    if (shallow) {
      // `fetch --depth=1` of a commit the checkout has makes it a shallow boundary, cutting a
      // `fetch-depth: N` checkout's history to that commit: one it has is only named.
      const head = await this.remoteHead(remote, `refs/heads/${branch}`);
      if (head === "") return undefined;
      if (await this.hasCommit(head)) {
        await this.run(["update-ref", local, head]);
        return head;
      }
    }
    const args = ["fetch", "--quiet", "--no-tags", "--no-write-fetch-head", ...(shallow ? ["--depth=1"] : []), remote, `+refs/heads/${branch}:${local}`];
    const { code, stderr } = await this.readRemote(args);
    if (code !== 0) {
      if (/couldn't find remote ref/i.test(stderr)) return undefined;
      throw new GitError(args, stderr, code);
    }
    return (await this.run(["rev-parse", "--verify", `${local}^{commit}`])).trim();
  }

  /**
   * Where `head` (a branch's tip on `remote`, as read) forked from `base`'s history, as `git
   * merge-base` finds it, so that every commit of the branch after it, a person's included,
   * counts as the branch's change; undefined when the branch shares no history with `base`. In a
   * shallow checkout the commits of `head` itself are fetched first (all that `base` does not
   * have), then the fork commit: not the branch's, which another run may have replaced since
   * `head` was read, leaving `head`'s history uncut down into the base's (a false fork, or none).
   */
  async forkPoint(remote: string, base: string, head: string): Promise<ForkPoint | undefined> {
    const baseRef = `${REF_PREFIX}/${remote}/${base}`;
    const since = (commit: string, own: readonly string[] = [head]) => ({ commit, own: [...own, `^${commit}`, `^${baseRef}`] });
    if (!(await this.isShallow())) {
      const { code, stdout } = await this.exec(["merge-base", head, baseRef], {});
      return code === 0 ? since(stdout.toString("utf8").trim()) : undefined;
    }
    // The base has every commit of the branch (merged by rebase or fast forward): the head is the fork.
    if (!(await this.fetchOwn(remote, base, head))) return since(head);
    // Down the branch's first-parent line, its oldest own commit has a parent in the base, and git
    // cuts all parents of such a shallow boundary: read them from the commit. The newest boundary
    // holds the fork, the last of its parents the base has. A merge there (the base merged in, as
    // by GitHub's "Update branch") hides the branch's commits before it: fetch its own parents'
    // commits too, and go on down its first parent.
    const own = [head];
    let fork: string | undefined;
    for (let tip: string | undefined = head; tip !== undefined;) {
      const line: string[] = (await this.run(["rev-list", "--first-parent", tip, "--not", baseRef])).trim().split("\n");
      const oldest = line[line.length - 1]!;
      if (oldest === "") return since(head);
      const parents = await this.parents(oldest);
      if (parents.length < 2) {
        fork ??= parents[0];
        break;
      }
      const mine: string[] = [];
      for (const parent of parents) if (await this.fetchOwn(remote, base, parent)) mine.push(parent);
      fork ??= parents.filter((parent) => !mine.includes(parent)).at(-1);
      // Cut from its parents, the merge leads git to none of them: name those of the branch.
      own.push(...mine);
      tip = mine.includes(parents[0]!) ? parents[0] : undefined;
    }
    if (fork === undefined) return undefined;
    const { code } = await this.exec(["cat-file", "-e", `${fork}^{commit}`], {});
    if (code !== 0) await this.runReadRemote(["fetch", "--quiet", "--no-tags", "--no-write-fetch-head", "--depth=1", remote, fork]);
    return since(fork, own);
  }

  /**
   * Fetches the commits of `refspec` that `base` does not have, in a shallow checkout: each one
   * with a parent in the base becomes a shallow boundary. false when the base has them all; then
   * only the commit `refspec` names is fetched.
   */
  private async fetchOwn(remote: string, base: string, refspec: string): Promise<boolean> {
    const fetch = (shallow: string) => ["fetch", "--quiet", "--no-tags", "--no-write-fetch-head", shallow, remote, refspec];
    const { code, stderr, timedOut } = await this.readRemote(fetch(`--shallow-exclude=refs/heads/${base}`));
    if (code === 0) return true;
    // A failure still transient after the retries is no answer: the plain fetch below would pass, and read as "the base has them all".
    if (timedOut || TRANSIENT.test(stderr) || /does not support/.test(stderr)) throw new GitError(fetch(`--shallow-exclude=refs/heads/${base}`), stderr, code);
    // With no commit to send the server dies ("no commits selected for shallow requests"), which over
    // HTTP reaches us only as a cut answer: a plain fetch tells that from a remote we cannot fetch from.
    await this.runReadRemote(fetch("--depth=1"));
    return false;
  }

  /**
   * The branch's own commits since `fork`, merges included, with who made them: each after its
   * parents. The commits are local once forkPoint found `fork`, in a shallow checkout too.
   */
  async commitsAfter(fork: ForkPoint): Promise<BranchCommit[]> {
    const format = `%H${FIELD}%P${FIELD}%an${FIELD}%ae${FIELD}%cn${FIELD}%ce${FIELD}%(trailers:key=Co-authored-by,valueonly,separator=${FIELD})`;
    const out = await this.run(["log", "-z", "--reverse", "--no-show-signature", `--format=${format}`, ...fork.own, "--"]);
    const records = out.split("\0").filter((record) => record !== "");
    const commits = await Promise.all(
      records.map(async (record) => {
        const [sha = "", parents = "", authorName = "", authorEmail = "", committerName = "", committerEmail = "", ...trailers] = record.split(FIELD);
        return {
          sha,
          // git names none for a shallow boundary (forkPoint makes the branch's oldest commits ones): the commit does.
          parents: parents === "" ? await this.parents(sha) : parents.split(" "),
          author: { name: authorName, email: authorEmail },
          committer: { name: committerName, email: committerEmail },
          coAuthors: trailers.flatMap((value) => parseIdentity(value) ?? []),
        };
      }),
    );
    return parentsFirst(commits);
  }

  /**
   * Whether `merge` holds exactly what git makes of its two parents (`git merge-tree --write-tree`),
   * as GitHub's "Update branch" writes it: it brings its parents' work and nothing of its own.
   * false for any other merge (more parents, conflicts, another tree), and when this git cannot
   * tell (before 2.38). git finds the parents' merge base by their history, which a shallow checkout
   * lacks: it is fetched in full first (a merge on a pull-request branch is rare, and the next rebuild drops it).
   */
  async isPlainMerge(remote: string, merge: Pick<BranchCommit, "sha" | "parents">): Promise<boolean> {
    if (merge.parents.length !== 2 || !(await this.writesMergeTrees())) return false;
    if (await this.isShallow()) await this.runReadRemote(["fetch", "--quiet", "--no-tags", "--no-write-fetch-head", "--unshallow", remote, ...merge.parents]);
    // 1: conflicts; 128: no merge base (unrelated histories).
    const { code, stdout } = await this.exec(["merge-tree", "--write-tree", ...merge.parents], {});
    return code === 0 && stdout.toString("utf8").split("\n")[0] === (await this.treeOf(merge.sha));
  }

  /** Whether this git has `merge-tree --write-tree` (git-version.ts), asked once. */
  private writesMergeTrees(): Promise<boolean> {
    this.writesMergeTreesOnce ??= this.run(["--version"]).then(writesMergeTrees);
    return this.writesMergeTreesOnce;
  }

  async remoteUrl(remote: string): Promise<string> {
    return (await this.run(["remote", "get-url", remote])).trim();
  }

  /**
   * Whether git already has credentials for `url`: in the URL, or an http extraheader that applies
   * to it, as actions/checkout sets (one for another host, or reset to empty, sends nothing there).
   */
  async hasCredentials(url: string): Promise<boolean> {
    if (/^[a-z]+:\/\/[^/@]+@/i.test(url)) return true;
    // git picks the value of the section that matches the URL most closely, as it does when sending; exit 1 when none matches.
    const { code, stdout } = await this.exec(["config", "--get-urlmatch", "http.extraheader", url], {});
    return code === 0 && stdout.toString("utf8").trim() !== "";
  }

  /**
   * The files among `paths` (relative to the checkout's root) that its commit holds but sparse-checkout
   * leaves out of the working tree: marked skip-worktree in the index, and not on disk.
   */
  async leftOutBySparseCheckout(paths: readonly string[]): Promise<string[]> {
    if (paths.length === 0) return [];
    // -t tags each entry; S: skip-worktree. A checkout with no commit yet lists nothing.
    const out = await this.run(["ls-files", "-t", "-z", "--", ...paths.map((path) => `:(literal)${path}`)]);
    const skipped = out.split("\0").flatMap((record) => (record.startsWith("S ") ? [record.slice(2)] : []));
    const onDisk = await Promise.all(
      skipped.map((path) =>
        stat(join(this.dir, path)).then(
          () => true,
          () => false,
        ),
      ),
    );
    return skipped.filter((_, i) => !onDisk[i]);
  }

  async treeOf(commit: string): Promise<string> {
    return (await this.run(["rev-parse", "--verify", `${commit}^{tree}`])).trim();
  }

  /** As the commit names them, also where a shallow checkout cut them (forkPoint makes the branch's oldest commit a boundary). */
  async parents(commit: string): Promise<string[]> {
    const object = await this.run(["cat-file", "commit", commit]);
    const end = object.indexOf("\n\n");
    const header = end < 0 ? object : object.slice(0, end);
    return [...header.matchAll(/^parent ([0-9a-f]+)$/gm)].map((match) => match[1]!);
  }

  /** Regular files of a commit (or tree) with their mode and blob id. */
  async entries(treeish: string): Promise<Map<string, TreeEntry>> {
    return (await this.listing(treeish)).entries;
  }

  /** Regular files of a commit (or tree), as `entries`, and its symbolic links, each path to its blob (the target's text). */
  private async listing(treeish: string): Promise<{ entries: Map<string, TreeEntry>; links: Map<string, string> }> {
    const out = await this.run(["ls-tree", "-r", "-z", "--full-tree", treeish]);
    const entries = new Map<string, TreeEntry>();
    const links = new Map<string, string>();
    for (const record of out.split("\0")) {
      const tab = record.indexOf("\t");
      if (tab < 0) continue;
      const [mode, type, sha] = record.slice(0, tab).split(" ");
      if (type === "blob" && isFileMode(mode)) entries.set(record.slice(tab + 1), { mode, sha: sha! });
      else if (type === "blob" && mode === LINK_MODE) links.set(record.slice(tab + 1), sha!);
    }
    return { entries, links };
  }

  /**
   * The commit (or tree) as a TreeSource: blobs are read on demand through one cat-file
   * process. `replaced` entries (undefined: removed) stand in for the tree's own.
   */
  async tree(treeish: string, replaced: ReadonlyMap<string, TreeEntry | undefined> = new Map()): Promise<GitTree> {
    await this.fetchMissing(treeish);
    const { entries, links } = await this.listing(treeish);
    for (const [path, entry] of replaced) {
      if (entry) entries.set(path, entry);
      else entries.delete(path);
    }
    const blobs = new BlobReader(this.spawn(BlobReader.args));
    const decoder = new TextDecoder();
    return {
      entries,
      async *list() {
        yield* entries.keys();
      },
      read(path) {
        const entry = entries.get(path);
        return entry ? blobs.read(entry.sha) : Promise.reject(new Error(`${path}: no such file in ${treeish}`));
      },
      // A file `replaced` puts in a link's place is that file.
      links: async () =>
        new Map(
          await Promise.all(
            [...links].filter(([path]) => !entries.has(path)).map(async ([path, sha]) => [path, decoder.decode(await blobs.read(sha))] as const),
          ),
        ),
      close: () => blobs.close(),
    };
  }

  /**
   * In a partial clone (actions/checkout's `filter`, and its `sparse-checkout`, which implies
   * `blob:none`), fetches the objects of `treeish` the checkout lacks in one request, as git's own
   * lazy fetch asks for them: cat-file would otherwise fetch each blob as it is read, one request
   * each (a tree of 200 manifests, 400 requests), and outside the network time limit. Trees a
   * `tree:0` filter left out are listed once they are fetched: another round.
   */
  private async fetchMissing(treeish: string): Promise<void> {
    const remote = await this.promisorRemote();
    if (remote === undefined) return;
    for (let asked = ""; ;) {
      // --missing=print lists what is absent instead of fetching it.
      const out = await this.run(["rev-list", "--objects", "--missing=print", `${treeish}^{tree}`]);
      const missing = out.split("\n").flatMap((line) => (line.startsWith("?") ? [line.slice(1)] : []));
      const ask = missing.join("\n");
      // Asked already and still missing: cat-file's own fetch then says why.
      if (missing.length === 0 || ask === asked) return;
      asked = ask;
      const args = [
        "-c",
        "fetch.negotiationAlgorithm=noop",
        "fetch",
        "--quiet",
        "--no-tags",
        "--no-write-fetch-head",
        "--recurse-submodules=no",
        "--filter=blob:none",
        "--stdin",
        remote,
      ];
      await this.runReadRemote(args, `${ask}\n`);
    }
  }

  /**
   * The remote a partial clone fetches what it lacks from; undefined in a full clone. Asked once.
   * `git clone --filter` names it in extensions.partialClone; actions/checkout's `init` then
   * `fetch --filter` marks it `remote.<name>.promisor` only.
   */
  private promisorRemote(): Promise<string | undefined> {
    const read = async () => {
      // Exit 1: neither is set.
      const { stdout } = await this.exec(["config", "-z", "--get-regexp", "^(extensions\\.partialclone|remote\\..+\\.promisor)$"], {});
      const settings = stdout
        .toString("utf8")
        .split("\0")
        .map((record) => record.split("\n") as [string, string?]);
      const named = settings.find(([key]) => key === "extensions.partialclone")?.[1];
      const marked = settings.find(([key, value]) => key.startsWith("remote.") && /^(true|yes|on|1)$/i.test(value ?? ""))?.[0];
      return named || marked?.slice("remote.".length, -".promisor".length);
    };
    this.promisorRemoteOnce ??= read();
    return this.promisorRemoteOnce;
  }

  /** Writes `files` over `parent`'s tree into the object store (on a private index); the tree id. */
  async writeTree(parent: string, files: readonly FileWrite[]): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), "gitops-promote-index-"));
    const env = { GIT_INDEX_FILE: join(dir, "index") };
    try {
      await this.run(["read-tree", parent], { env });
      const records: IndexRecord[] = [];
      for (const file of files) {
        const blob = (await this.run(["hash-object", "-w", "--stdin"], { input: file.content })).trim();
        records.push({ mode: file.mode, blob, path: file.path });
      }
      await this.updateIndex(env, records);
      return (await this.run(["write-tree"], { env })).trim();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /**
   * Three-way merge of `ours` and `theirs` from their common ancestor `base` (commits or
   * trees), as `git merge` would resolve each file, into a tree in the object store. A file
   * that conflicts keeps `ours`, and is named in `conflicts`: the other files merge all the
   * same. The base is given, not searched: in a shallow checkout history is cut.
   */
  async mergeTrees(base: string, ours: string, theirs: string): Promise<{ tree: string; conflicts: string[] }> {
    const dir = await mkdtemp(join(tmpdir(), "gitops-promote-merge-"));
    const env = { GIT_INDEX_FILE: join(dir, "index") };
    try {
      await this.run(["read-tree", "-m", "-i", "--aggressive", base, ours, theirs], { env });
      const stages = new Map<string, Map<string, { mode: string; sha: string }>>();
      for (const record of (await this.run(["ls-files", "-u", "-z"], { env })).split("\0")) {
        const tab = record.indexOf("\t");
        if (tab < 0) continue;
        const [mode, sha, stage] = record.slice(0, tab).split(" ");
        const path = record.slice(tab + 1);
        stages.set(path, (stages.get(path) ?? new Map()).set(stage!, { mode: mode!, sha: sha! }));
      }
      const resolved: IndexRecord[] = [];
      const conflicts: string[] = [];
      for (const [path, byStage] of stages) {
        const [b, o, t] = ["1", "2", "3"].map((n) => byStage.get(n));
        const merged = b && o && t && o.mode === t.mode ? await this.mergeFile(dir, b.sha, o.sha, t.sha) : undefined;
        if (merged !== undefined) {
          resolved.push({ mode: o!.mode, blob: merged, path });
          continue;
        }
        // Added, deleted or re-moded on one side while changed on the other, or the same lines
        // changed: a conflict, as for git merge. Ours stays (mode 0 removes a file ours deleted).
        conflicts.push(path);
        const zero = "0".repeat((t ?? b)!.sha.length);
        resolved.push(o ? { mode: o.mode, blob: o.sha, path } : { mode: "0", blob: zero, path });
      }
      await this.updateIndex(env, resolved);
      return { tree: (await this.run(["write-tree"], { env })).trim(), conflicts: conflicts.sort() };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** The blob of a clean three-way merge of one file's versions, as `git merge-file` makes it; undefined when the same lines changed. */
  private async mergeFile(dir: string, base: string, ours: string, theirs: string): Promise<string | undefined> {
    const files = await Promise.all(
      [base, ours, theirs].map(async (sha, i) => {
        const file = join(dir, String(i));
        await writeFile(file, await this.blob(sha));
        return file;
      }),
    );
    const merged = await this.exec(["merge-file", "-p", files[1]!, files[0]!, files[2]!], {});
    if (merged.code !== 0) return undefined;
    return (await this.run(["hash-object", "-w", "--stdin"], { input: merged.stdout })).trim();
  }

  /**
   * Sets index entries. Records end in NUL (-z): a path may hold a newline or a tab, and
   * newline-ended records would read the rest of such a path as another entry.
   */
  private async updateIndex(env: Record<string, string>, records: readonly IndexRecord[]): Promise<void> {
    if (records.length === 0) return;
    await this.run(["update-index", "-z", "--index-info"], { env, input: records.map((r) => `${r.mode} ${r.blob}\t${r.path}\0`).join("") });
  }

  private async blob(sha: string): Promise<Buffer> {
    const { code, stdout, stderr } = await this.exec(["cat-file", "blob", sha], {});
    if (code !== 0) throw new GitError(["cat-file", "blob", sha], stderr, code);
    return stdout;
  }

  async commitTree(tree: string, parent: string, message: string, author: Identity, committer: Identity): Promise<string> {
    const env = { GIT_AUTHOR_NAME: author.name, GIT_AUTHOR_EMAIL: author.email, GIT_COMMITTER_NAME: committer.name, GIT_COMMITTER_EMAIL: committer.email };
    return (await this.run(["commit-tree", tree, "-p", parent, "-F", "-"], { env, input: message })).trim();
  }

  /**
   * Pushes `commit` to `branch`: with `expected` undefined only as a fast forward; otherwise
   * replacing the branch, but only while it still points at `expected` ("": while it does
   * not exist), git's compare-and-swap. "rejected" when the branch moved meanwhile. After a
   * transient failure the remote's ref tells whether the push landed (it holds `commit`, or a
   * commit another run built on it since), or may be made again.
   */
  async push(remote: string, commit: string, branch: string, expected?: string): Promise<"pushed" | "rejected"> {
    const ref = `refs/heads/${branch}`;
    // No `+` on the refspec with a lease: it would force past the lease.
    const lease = expected === undefined ? [] : [`--force-with-lease=${ref}:${expected}`];
    // --no-verify: a pre-push hook an earlier step installed (husky) judges the working tree, not this commit.
    const args = ["push", "--quiet", "--porcelain", "--no-verify", ...lease, remote, `${commit}:${ref}`];
    for (let retry = 0; ; retry++) {
      const { code, stdout, stderr, timedOut } = await this.exec(args, { timeoutMs: this.limits.timeoutMs });
      const said = stdout.toString("utf8") + stderr;
      if (code === 0) return "pushed";
      if (LOST_RACE.test(said)) return "rejected";
      // From a shallow checkout: the remote no longer holds the commit we built on (the branch was
      // rewound, or moved on), so git sent it with its cut history. Planning again on the branch's new
      // head builds on what it holds now; deepening instead would bring the removed commits back.
      if (/shallow update not allowed/i.test(said)) return "rejected";
      // GitHub gives some refusals only as the ref's reason on stdout (a workflow change the token may not make).
      const failed = new GitError(args, [stderr.trim(), refusedRefs(said)].filter(Boolean).join("\n") || said, code);
      if (!timedOut && !TRANSIENT.test(said)) throw failed;
      // The push may have landed and only its answer been lost: the remote's ref tells.
      const now = await this.remoteHead(remote, ref);
      if (now === commit || (commit !== "" && now !== "" && now !== expected && (await this.remoteBuiltOn(remote, ref, now, commit)))) return "pushed";
      if (expected !== undefined && now !== expected) return "rejected";
      const delay = this.limits.retryDelaysMs[retry];
      if (timedOut || delay === undefined) throw failed;
      await wallSleep(delay);
    }
  }

  /** Deletes `branch` on `remote` only while it points at `expected`, as `push` replaces it; "rejected" when it moved meanwhile. */
  deleteBranch(remote: string, branch: string, expected: string): Promise<"pushed" | "rejected"> {
    // No source commit: the refspec `:refs/heads/<branch>` deletes it, and the remote's ref is then "".
    return this.push(remote, "", branch, expected);
  }

  /** Where `branch` is on `remote` now, asked of the server (no fetch); undefined when it does not exist. */
  async remoteBranch(remote: string, branch: string): Promise<string | undefined> {
    return (await this.remoteHead(remote, `refs/heads/${branch}`)) || undefined;
  }

  /**
   * Whether `head`, what `ref` holds on `remote`, is built on `commit`: `ref`'s commits that this
   * checkout lacks are fetched (in a shallow one, down to the commits it has: `commit`'s parent,
   * the head this run planned on, when `head` is built on it), then git compares.
   */
  private async remoteBuiltOn(remote: string, ref: string, head: string, commit: string): Promise<boolean> {
    await this.runReadRemote(["fetch", "--quiet", "--no-tags", "--no-write-fetch-head", remote, ref]);
    // 1: not an ancestor; 128: `head` not fetched (the ref moved on again, elsewhere): not built on ours either.
    return (await this.exec(["merge-base", "--is-ancestor", commit, head], {})).code === 0;
  }

  /** The commit `ref` points at on `remote` now; "" when it does not exist. */
  private async remoteHead(remote: string, ref: string): Promise<string> {
    const out = await this.runReadRemote(["ls-remote", remote, ref]);
    const line = out.split("\n").find((l) => l.endsWith(`\t${ref}`));
    return line ? line.slice(0, line.indexOf("\t")) : "";
  }
}

/**
 * `commits` with each one after those of its parents among them, else in the order given. git's own
 * order does not do it where a shallow checkout cut a merge from its parents.
 */
function parentsFirst(commits: readonly BranchCommit[]): BranchCommit[] {
  const bySha = new Map(commits.map((c) => [c.sha, c]));
  const placed = new Set<string>();
  const out: BranchCommit[] = [];
  for (const commit of commits) {
    // Depth first without recursion: a branch may hold any number of commits.
    const stack = [commit];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const next = top.parents.map((p) => bySha.get(p)).find((p) => p !== undefined && !placed.has(p.sha));
      if (next !== undefined) {
        stack.push(next);
        continue;
      }
      stack.pop();
      if (placed.has(top.sha)) continue;
      placed.add(top.sha);
      out.push(top);
    }
  }
  return out;
}

/** How much of cat-file's stderr is kept for its failure: the end, where git says why it stopped. */
const STDERR_KEPT = 8192;

/** `git cat-file --batch`: requests and answers are in order, so a FIFO of waiters suffices. */
class BlobReader {
  static readonly args = ["cat-file", "--batch"] as const;
  private buffer = Buffer.alloc(0);
  private stderr = "";
  private readonly waiting: { sha: string; resolve: (b: Uint8Array) => void; reject: (e: Error) => void }[] = [];

  constructor(private readonly child: ChildProcessWithoutNullStreams) {
    child.stdout.on("data", (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.drain();
    });
    // Read, or a git that says much there (a partial clone's lazy fetches) blocks on a full pipe.
    child.stderr.on("data", (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString("utf8")).slice(-STDERR_KEPT);
    });
    const fail = (error: Error) => this.waiting.splice(0).forEach((w) => w.reject(error));
    child.on("error", fail);
    child.stdin.on("error", () => undefined); // the exit tells why
    // What git said is the cause: in a partial clone, a blob it could not fetch (no credentials, the network).
    child.on("close", (code) => fail(new GitError(BlobReader.args, this.stderr || "ended early", code)));
  }

  read(sha: string): Promise<Uint8Array> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ sha, resolve, reject });
      this.child.stdin.write(`${sha}\n`);
    });
  }

  close(): void {
    this.child.stdin.end();
  }

  private drain(): void {
    while (this.waiting.length > 0) {
      const newline = this.buffer.indexOf(10);
      if (newline < 0) return;
      const header = this.buffer.subarray(0, newline).toString("utf8").split(" ");
      const waiter = this.waiting[0]!;
      if (header[1] === "missing") {
        this.buffer = this.buffer.subarray(newline + 1);
        this.waiting.shift();
        // In a partial clone git may have failed to fetch it: what it said so far is why.
        waiter.reject(new GitError(BlobReader.args, `object ${waiter.sha} is missing${this.stderr && `: ${this.stderr}`}`, null));
        continue;
      }
      const size = Number(header[2]);
      if (this.buffer.length < newline + 1 + size + 1) return;
      const body = this.buffer.subarray(newline + 1, newline + 1 + size);
      this.buffer = this.buffer.subarray(newline + 1 + size + 1);
      this.waiting.shift();
      waiter.resolve(new Uint8Array(body));
    }
  }
}
