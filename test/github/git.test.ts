import { execFile, execFileSync } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { createServer, type Socket } from "node:net";
import { promisify } from "node:util";

import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { basicCredential, GitError, GitRepo, tokenAuthEnv } from "../../src/github/git.js";
import { BOT } from "../../src/github/deliver.js";
import { planUpdate } from "../../src/engine/plan.js";
import { startFakeGitHub } from "../support/github-fake.js";
import { tempDir } from "../support/temp.js";
import { cloneRepo, OWNER, REPO } from "./fixture.js";

const run = promisify(execFile);
const git = (cwd: string, ...args: string[]) => execFileSync("git", args, { cwd, encoding: "utf8" }).trim();

/** A plain bare repo (no GitHub at all) with one commit, and a clone of it. */
async function bareAndClone(): Promise<{ bare: string; clone: string; first: string }> {
  const root = await tempDir("gp-git-");
  const bare = join(root, "origin.git");
  const work = join(root, "seed");
  execFileSync("git", ["init", "--quiet", "--bare", "-b", "trunk", bare]);
  execFileSync("git", ["init", "--quiet", "-b", "trunk", work]);
  await writeFile(join(work, "app.yaml"), "image: nginx:1.25\n");
  await writeFile(join(work, "run.sh"), "#!/bin/sh\n", { mode: 0o755 });
  execFileSync("ln", ["-s", "missing.yaml", join(work, "link.yaml")]);
  git(work, "add", "-A");
  git(work, "-c", "user.name=t", "-c", "user.email=t@e", "commit", "--quiet", "-m", "seed");
  git(work, "push", "--quiet", bare, "trunk");
  const clone = join(root, "clone");
  execFileSync("git", ["clone", "--quiet", bare, clone]);
  return { bare, clone, first: git(work, "rev-parse", "HEAD") };
}

describe("GitRepo (local git, any remote)", () => {
  let repo: { bare: string; clone: string; first: string };
  beforeEach(async () => {
    repo = await bareAndClone();
  });

  it("finds the default branch from the remote's HEAD and fetches a branch head; a missing branch is undefined", async () => {
    const g = new GitRepo(repo.clone);
    expect(await g.defaultBranch("origin")).toBe("trunk");
    expect(await g.fetch("origin", "trunk")).toBe(repo.first);
    expect(await g.fetch("origin", "nope")).toBeUndefined();
  });

  it("in a fetch-depth: 3 checkout, fetching the head it has leaves its history as it was, and fetches one it lacks", async () => {
    const seed = join(repo.bare, "..", "seed");
    for (const n of [2, 3, 4]) git(seed, "-c", "user.name=t", "-c", "user.email=t@e", "commit", "--quiet", "--allow-empty", "-m", `commit ${n}`);
    git(seed, "push", "--quiet", repo.bare, "trunk");
    const dir = join(repo.bare, "..", "depth-3");
    execFileSync("git", ["clone", "--quiet", "--depth=3", `file://${repo.bare}`, dir]);
    const g = new GitRepo(dir);
    expect(await g.fetch("origin", "trunk")).toBe(git(seed, "rev-parse", "HEAD"));
    expect(git(dir, "rev-list", "--count", "HEAD")).toBe("3");
    // Origin moves on: its new head is fetched (one commit deep), and the checkout's history stays.
    git(seed, "-c", "user.name=t", "-c", "user.email=t@e", "commit", "--quiet", "--allow-empty", "-m", "commit 5");
    git(seed, "push", "--quiet", repo.bare, "trunk");
    expect(await g.fetch("origin", "trunk")).toBe(git(seed, "rev-parse", "HEAD"));
    expect(git(dir, "rev-list", "--count", "HEAD")).toBe("3");
  });

  it("in a shallow checkout, a head it lacks is fetched also where git answers a missing tip with ?<oid> and success (git 2.45 and later)", async () => {
    // This machine's git fails on a missing tip; a wrapper answers as git 2.45's rev-list --missing=print does.
    const bin = join(repo.bare, "..", "git-2.45");
    await mkdir(bin);
    const real = execFileSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).trim();
    const wrapper = `#!/bin/sh
if [ "$1" = rev-list ] && [ "$2" = --no-walk ] && [ "$3" = --missing=print ] && ! ${real} cat-file -e "$4^{commit}" 2>/dev/null; then
  echo "?$4"; exit 0
fi
exec ${real} "$@"
`;
    await writeFile(join(bin, "git"), wrapper, { mode: 0o755 });
    const dir = join(repo.bare, "..", "depth-1");
    execFileSync("git", ["clone", "--quiet", "--depth=1", `file://${repo.bare}`, dir]);
    const seed = join(repo.bare, "..", "seed");
    git(seed, "-c", "user.name=t", "-c", "user.email=t@e", "commit", "--quiet", "--allow-empty", "-m", "moved on");
    git(seed, "push", "--quiet", repo.bare, "trunk");
    const moved = git(seed, "rev-parse", "HEAD");
    const g = new GitRepo(dir, { PATH: `${bin}:${process.env["PATH"] ?? ""}` });
    expect(await g.fetch("origin", "trunk")).toBe(moved);
    expect(git(dir, "cat-file", "-t", moved)).toBe("commit");
  });

  it.each([
    ["a full clone, the base moved since, a person's commit on the branch", false, true, true],
    ["a shallow clone, the base moved since, a person's commit on the branch", true, true, true],
    ["a shallow clone, the base where the branch left it, a person's commit on the branch", true, false, true],
    ["a shallow clone, the base where the branch left it, only our commit on the branch", true, false, false],
  ])("in %s, finds where the branch forked from the base", async (_, shallow, moved, person) => {
    const seed = join(repo.bare, "..", "seed");
    const commit = (message: string, who = "t") =>
      git(seed, "-c", `user.name=${who}`, "-c", `user.email=${who}@e`, "commit", "--quiet", "--allow-empty", "-m", message);
    git(seed, "checkout", "--quiet", "-b", "pr");
    commit("ours\n\nCo-authored-by: Earlier Person <earlier@e>");
    if (person) commit("a person's", "pat");
    git(seed, "push", "--quiet", repo.bare, "pr");
    git(seed, "checkout", "--quiet", "trunk");
    if (moved) {
      commit("trunk moved");
      git(seed, "push", "--quiet", repo.bare, "trunk");
    }
    const dir = join(repo.bare, "..", `checkout-${shallow}-${moved}-${person}`);
    execFileSync("git", ["clone", "--quiet", ...(shallow ? ["--depth=1"] : []), `file://${repo.bare}`, dir]);
    const g = new GitRepo(dir);
    await g.fetch("origin", "trunk");
    const head = (await g.fetch("origin", "pr"))!;
    const fork = await g.forkPoint("origin", "trunk", head);
    expect(fork?.commit).toBe(repo.first);
    expect(await g.treeOf(repo.first)).toMatch(/^[0-9a-f]{40}$/);
    // Every commit of the branch is local now, with who made it.
    const ours = { author: { name: "t", email: "t@e" }, committer: { name: "t", email: "t@e" }, coAuthors: [{ name: "Earlier Person", email: "earlier@e" }] };
    const theirs = { author: { name: "pat", email: "pat@e" }, committer: { name: "pat", email: "pat@e" }, coAuthors: [] };
    const commits = await g.commitsAfter(fork!);
    expect(commits).toMatchObject(person ? [ours, theirs] : [ours]);
    // As the commits name their parents, the first one's cut by the shallow clone too.
    expect(commits.map((c) => c.parents)).toEqual(person ? [[repo.first], [commits[0]!.sha]] : [[repo.first]]);
  });

  it.each([
    ["the base's first commit", false],
    ["a later commit of the base", true],
  ])(
    "in a shallow clone, a branch forked from %s and replaced by another run after it was read (the base moved by a squash merge) forks where the commit read forked",
    async (_, later) => {
      const seed = join(repo.bare, "..", "seed");
      const commit = (message: string) => git(seed, "-c", "user.name=t", "-c", "user.email=t@e", "commit", "--quiet", "--allow-empty", "-m", message);
      if (later) commit("trunk moved");
      const from = git(seed, "rev-parse", "HEAD");
      git(seed, "checkout", "--quiet", "-b", "pr");
      commit("ours");
      git(seed, "push", "--quiet", repo.bare, "trunk", "pr");
      const dir = join(repo.bare, "..", `replaced-${later}`);
      execFileSync("git", ["clone", "--quiet", "--depth=1", `file://${repo.bare}`, dir]);
      git(seed, "checkout", "--quiet", "trunk");
      commit("squashed");
      git(seed, "push", "--quiet", repo.bare, "trunk");
      const g = new GitRepo(dir);
      await g.fetch("origin", "trunk");
      const head = (await g.fetch("origin", "pr"))!;
      // Another run rebuilds the branch on the new base before this one looks for the fork.
      git(seed, "checkout", "--quiet", "-b", "theirs");
      commit("theirs");
      git(seed, "push", "--quiet", "--force", repo.bare, "theirs:pr");
      const fork = await g.forkPoint("origin", "trunk", head);
      expect(fork?.commit).toBe(from);
      expect((await g.commitsAfter(fork!)).length).toBe(1);
    },
  );

  it.each([
    ["a full clone", false],
    ["a shallow clone", true],
  ])("in %s, a branch the base has all of (merged by rebase) forks at its own head", async (_, shallow) => {
    const seed = join(repo.bare, "..", "seed");
    git(seed, "-c", "user.name=t", "-c", "user.email=t@e", "commit", "--quiet", "--allow-empty", "-m", "on trunk");
    git(seed, "push", "--quiet", repo.bare, "trunk", `${repo.first}:refs/heads/pr`);
    const dir = join(repo.bare, "..", `merged-${shallow}`);
    execFileSync("git", ["clone", "--quiet", ...(shallow ? ["--depth=1"] : []), `file://${repo.bare}`, dir]);
    const g = new GitRepo(dir);
    await g.fetch("origin", "trunk");
    const head = (await g.fetch("origin", "pr"))!;
    expect(head).toBe(repo.first);
    const fork = await g.forkPoint("origin", "trunk", head);
    expect(fork?.commit).toBe(repo.first);
    expect(await g.commitsAfter(fork!)).toEqual([]);
  });

  it.each(
    (
      [
        ["once, then committed to", ["pr: ours", "trunk: moved", "pr: update", "pr: after (pat)"]],
        ["twice", ["pr: ours", "pr: before (pat)", "trunk: moved", "pr: update", "trunk: again", "pr: update"]],
        ["before its first commit (the merge's first parent is the base's)", ["trunk: moved", "pr: update", "pr: ours"]],
      ] as const
    ).flatMap(([shape, steps], i) =>
      [false, true].map((shallow) => [shape, shallow ? "a shallow clone" : "a full clone", steps, `${i}-${shallow}`, shallow] as const),
    ),
  )(
    "a branch brought up to date by merging the base in (GitHub's Update branch) %s, in %s, forks where git merge-base finds it, with all its commits",
    async (_, __, steps, name, shallow) => {
      // Each step commits to a branch ("branch: message (author)"), or merges the base into it ("pr: update").
      const seed = join(repo.bare, "..", "seed");
      const as = (who: string) => ["-c", `user.name=${who}`, "-c", `user.email=${who}@e`];
      git(seed, "branch", "pr");
      for (const step of [...steps, "trunk: moved since"]) {
        const [, branch, message, who = "t"] = /^(\w+): (.+?)(?: \((\w+)\))?$/.exec(step)!;
        git(seed, "checkout", "--quiet", branch!);
        if (message === "update") git(seed, ...as("merger"), "merge", "--quiet", "--no-ff", "--no-edit", "trunk");
        else git(seed, ...as(who), "commit", "--quiet", "--allow-empty", "-m", message!);
      }
      git(seed, "push", "--quiet", repo.bare, "trunk", "pr");
      const dir = join(repo.bare, "..", `updated-${name}`);
      execFileSync("git", ["clone", "--quiet", ...(shallow ? ["--depth=1"] : []), `file://${repo.bare}`, dir]);
      const g = new GitRepo(dir);
      await g.fetch("origin", "trunk");
      const head = (await g.fetch("origin", "pr"))!;
      const fork = await g.forkPoint("origin", "trunk", head);
      expect(fork?.commit).toBe(git(seed, "merge-base", "pr", "trunk"));
      expect(await g.treeOf(fork!.commit)).toMatch(/^[0-9a-f]{40}$/);
      // Every commit of the branch is local, the ones before a merge too, each after its parents.
      const commits = await g.commitsAfter(fork!);
      expect(commits.map((c) => c.sha)).toEqual(git(seed, "log", "--topo-order", "--reverse", "--format=%H", "pr", "^trunk").split("\n"));
      // git makes each merge's tree of its parents, as GitHub does: the history it needs is fetched first.
      const merges = commits.filter((c) => c.parents.length === 2);
      expect(merges.map((c) => c.author.name)).toEqual(steps.filter((s) => s === "pr: update").map(() => "merger"));
      for (const merge of merges) expect(await g.isPlainMerge("origin", merge)).toBe(true);
    },
  );

  it.each([
    ["a full clone", false],
    ["a shallow clone", true],
  ])("in %s, tells a merge git makes of its parents from one that adds a file, undoes the base's change or is an octopus", async (_, shallow) => {
    const seed = join(repo.bare, "..", "seed");
    const as = ["-c", "user.name=m", "-c", "user.email=m@e"];
    const commit = async (file: string, message: string) => {
      await writeFile(join(seed, file), `${file}: 1\n`);
      git(seed, "add", file);
      git(seed, ...as, "commit", "--quiet", "-m", message);
    };
    git(seed, "checkout", "--quiet", "-b", "pr");
    await commit("ours.yaml", "ours");
    git(seed, "checkout", "--quiet", "-b", "side", "trunk");
    await commit("side.yaml", "side");
    git(seed, "checkout", "--quiet", "trunk");
    await commit("moved.yaml", "trunk moved");
    const mergeOnPr = async (branch: string, merge: string, then?: () => Promise<void>) => {
      git(seed, "checkout", "--quiet", "-b", branch, "pr");
      git(seed, ...as, ...merge.split(" "));
      await then?.();
    };
    await mergeOnPr("plain", "merge --quiet --no-ff --no-edit trunk");
    await mergeOnPr("added", "merge --quiet --no-ff --no-commit trunk", () => commit("backdoor.yaml", "Merge branch 'trunk' into added"));
    await mergeOnPr("undone", "merge --quiet --no-ff --no-edit -s ours trunk");
    await mergeOnPr("octopus", "merge --quiet --no-ff --no-edit trunk side");
    git(seed, "push", "--quiet", repo.bare, "trunk", "plain", "added", "undone", "octopus");
    const dir = join(repo.bare, "..", `merges-${shallow}`);
    execFileSync("git", ["clone", "--quiet", ...(shallow ? ["--depth=1"] : []), `file://${repo.bare}`, dir]);
    const plainIn = async (g: GitRepo, branch: string) => {
      await g.fetch("origin", "trunk");
      const head = (await g.fetch("origin", branch))!;
      const commits = await g.commitsAfter((await g.forkPoint("origin", "trunk", head))!);
      expect(commits.at(-1)!.sha).toBe(head);
      return g.isPlainMerge("origin", commits.at(-1)!);
    };
    const g = new GitRepo(dir);
    expect(await plainIn(g, "plain")).toBe(true);
    expect(await plainIn(g, "added")).toBe(false);
    expect(await plainIn(g, "undone")).toBe(false);
    expect(await plainIn(g, "octopus")).toBe(false);
    // A git before 2.38 has no merge-tree --write-tree: it cannot tell, so no merge is plain.
    const bin = join(repo.bare, "..", "old-git");
    await mkdir(bin);
    const real = execFileSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).trim();
    await writeFile(join(bin, "git"), `#!/bin/sh\n[ "$1" = --version ] && { echo "git version 2.37.1"; exit 0; }\nexec "${real}" "$@"\n`, { mode: 0o755 });
    const old = new GitRepo(dir, { PATH: `${bin}:${process.env["PATH"]}` });
    expect(await plainIn(old, "plain")).toBe(false);
  });

  it("reads a commit as a TreeSource: regular files with their modes, no symlinks", async () => {
    const g = new GitRepo(repo.clone);
    const tree = await g.tree(repo.first);
    try {
      const paths: string[] = [];
      for await (const p of tree.list()) paths.push(p);
      expect(paths).toEqual(["app.yaml", "run.sh"]);
      expect(new TextDecoder().decode(await tree.read("app.yaml"))).toBe("image: nginx:1.25\n");
      const [a, b] = await Promise.all([tree.read("run.sh"), tree.read("app.yaml")]);
      expect(new TextDecoder().decode(a)).toBe("#!/bin/sh\n");
      expect(new TextDecoder().decode(b)).toBe("image: nginx:1.25\n");
      expect(tree.entries.get("run.sh")?.mode).toBe("100755");
      await expect(tree.read("link.yaml")).rejects.toThrow(/no such file/);
      // Its links apart, each with its target as written.
      expect(await tree.links?.()).toEqual(new Map([["link.yaml", "missing.yaml"]]));
    } finally {
      tree.close();
    }
  });

  it("gives a run the configuration a link of the commit leads to: its policy applies, as on a checkout", async () => {
    const seed = join(repo.bare, "..", "seed");
    await mkdir(join(seed, "conf"));
    await mkdir(join(seed, ".github"));
    await writeFile(
      join(seed, "conf", "promote.yaml"),
      'targets:\n  - name: prod\n    paths: ["*.yaml"]\n    images: [{ repository: nginx, policy: { semver: { range: "~1.25.0" } } }]\n',
    );
    execFileSync("ln", ["-s", "../conf/promote.yaml", join(seed, ".github", "gitops-promote.yaml")]);
    git(seed, "add", "-A");
    git(seed, "-c", "user.name=t", "-c", "user.email=t@e", "commit", "--quiet", "-m", "configured by a link");
    const tree = await new GitRepo(seed).tree("HEAD");
    try {
      const plan = await planUpdate(tree, { images: ["nginx:1.27.0"] });
      expect([plan.files, plan.warnings]).toEqual([
        [],
        [{ message: "target prod: nginx:1.27.0 is outside its policy (semver ~1.25.0); not edited there", kind: "policy-refusal" }],
      ]);
    } finally {
      tree.close();
    }
  });

  it("runs without a configuration when the commit's .github is a link to a directory that holds none (no false 'both exist')", async () => {
    const seed = join(repo.bare, "..", "seed");
    await mkdir(join(seed, "ci", "github", "workflows"), { recursive: true });
    await writeFile(join(seed, "ci", "github", "workflows", "ci.yaml"), "on: push\n");
    execFileSync("ln", ["-s", "ci/github", join(seed, ".github")]);
    git(seed, "add", "-A");
    git(seed, "-c", "user.name=t", "-c", "user.email=t@e", "commit", "--quiet", "-m", ".github kept in ci/github");
    const tree = await new GitRepo(seed).tree("HEAD");
    try {
      const plan = await planUpdate(tree, { images: ["nginx:1.27.0"] });
      expect([plan.files.map((file) => file.path), plan.warnings]).toEqual([["app.yaml"], []]);
    } finally {
      tree.close();
    }
  });

  it("commits on a private index without touching the checkout, and never force-pushes a moved branch", async () => {
    const g = new GitRepo(repo.clone);
    const tree = await g.writeTree(repo.first, [{ path: "app.yaml", content: "image: nginx:1.27\n", mode: "100644" }]);
    const bot = { name: "bot", email: "bot@example.com" };
    const commit = await g.commitTree(tree, repo.first, "bump nginx\n", bot, bot);
    expect(git(repo.clone, "status", "--porcelain")).toBe("");

    // someone else pushes first: our push is rejected, the remote keeps their commit
    const other = await g.commitTree(
      await g.writeTree(repo.first, [{ path: "other.yaml", content: "x: 1\n", mode: "100644" }]),
      repo.first,
      "other\n",
      bot,
      bot,
    );
    expect(await g.push("origin", other, "trunk")).toBe("pushed");
    expect(await g.push("origin", commit, "trunk")).toBe("rejected");
    expect(git(repo.bare, "rev-parse", "trunk")).toBe(other);

    // a branch we own is created only while absent, and replaced only while it holds what we read
    expect(await g.push("origin", commit, "gitops-promote/nginx", "")).toBe("pushed");
    expect(await g.push("origin", other, "gitops-promote/nginx", "")).toBe("rejected");
    expect(await g.push("origin", other, "gitops-promote/nginx", repo.first)).toBe("rejected");
    expect(await g.push("origin", other, "gitops-promote/nginx", commit)).toBe("pushed");
    expect(git(repo.bare, "rev-parse", "gitops-promote/nginx")).toBe(other);
    expect(git(repo.bare, "show", `${commit}:app.yaml`)).toBe("image: nginx:1.27");
    expect(git(repo.bare, "ls-tree", commit, "run.sh").split(/\s/)[0]).toBe("100755");

    // and deleted only while it holds what we pushed
    expect(await g.deleteBranch("origin", "gitops-promote/nginx", commit)).toBe("rejected");
    expect(git(repo.bare, "rev-parse", "gitops-promote/nginx")).toBe(other);
    expect(await g.deleteBranch("origin", "gitops-promote/nginx", other)).toBe("pushed");
    expect(git(repo.bare, "branch", "--list", "gitops-promote/nginx")).toBe("");
  });

  it("pushes past the checkout's pre-push hook (husky's core.hooksPath), which judges the working tree, not the commit pushed", async () => {
    const hooks = join(repo.clone, ".husky");
    await mkdir(hooks);
    await writeFile(join(hooks, "pre-push"), "#!/bin/sh\necho 'husky - pre-push hook failed' >&2\nexit 1\n", { mode: 0o755 });
    git(repo.clone, "config", "core.hooksPath", ".husky");
    const g = new GitRepo(repo.clone);
    const bot = { name: "bot", email: "bot@example.com" };
    const commit = await g.commitTree(
      await g.writeTree(repo.first, [{ path: "app.yaml", content: "image: nginx:1.27\n", mode: "100644" }]),
      repo.first,
      "bump\n",
      bot,
      bot,
    );
    expect(await g.push("origin", commit, "trunk")).toBe("pushed");
    expect(git(repo.bare, "rev-parse", "trunk")).toBe(commit);
  });

  it("keeps a shallow checkout shallow when fetching", async () => {
    const shallow = join(repo.clone, "..", "shallow");
    execFileSync("git", ["clone", "--quiet", "--depth=1", `file://${repo.bare}`, shallow]);
    const g = new GitRepo(shallow);
    expect(await g.fetch("origin", "trunk")).toBe(repo.first);
    expect(git(shallow, "rev-parse", "--is-shallow-repository")).toBe("true");
  });

  it("merges two trees three-way from a given base, file by file: edits on different lines combine, a file changed on the same lines keeps ours", async () => {
    const g = new GitRepo(repo.clone);
    const lines = (a: string, b: string) => `a: ${a}\nkeep: 1\nkeep: 2\nkeep: 3\nb: ${b}\n`;
    const commit = async (files: Record<string, string>) =>
      g.commitTree(
        await g.writeTree(
          repo.first,
          Object.entries(files).map(([path, content]) => ({ path, content, mode: "100644" })),
        ),
        repo.first,
        "m",
        BOT,
        BOT,
      );
    const [base, ours, theirs, clash] = await Promise.all(
      [
        { "app.yaml": lines("0", "0"), "api.yaml": lines("0", "0") },
        { "app.yaml": lines("1", "0"), "api.yaml": lines("0", "0") },
        { "app.yaml": lines("0", "2"), "api.yaml": lines("0", "0") },
        { "app.yaml": lines("3", "0"), "api.yaml": lines("0", "4") },
      ].map(commit),
    );
    const merged = await g.mergeTrees(base!, ours!, theirs!);
    expect(merged.conflicts).toEqual([]);
    expect(git(repo.clone, "show", `${merged.tree}:app.yaml`)).toBe(lines("1", "2").trim());
    expect(git(repo.clone, "ls-tree", merged.tree, "run.sh").split(/\s/)[0]).toBe("100755");

    const clashed = await g.mergeTrees(base!, ours!, clash!);
    expect(clashed.conflicts).toEqual(["app.yaml"]);
    expect(git(repo.clone, "show", `${clashed.tree}:app.yaml`)).toBe(lines("1", "0").trim());
    expect(git(repo.clone, "show", `${clashed.tree}:api.yaml`)).toBe(lines("0", "4").trim());
  });

  it("keeps ours deleted when theirs changed a file ours deleted", async () => {
    const g = new GitRepo(repo.clone);
    const base = await g.commitTree(await g.writeTree(repo.first, [{ path: "gone.yaml", content: "a: 0\n", mode: "100644" }]), repo.first, "m", BOT, BOT);
    const ours = repo.first;
    const theirs = await g.commitTree(await g.writeTree(base, [{ path: "gone.yaml", content: "a: 1\n", mode: "100644" }]), base, "m", BOT, BOT);
    const merged = await g.mergeTrees(base, ours, theirs);
    expect(merged.conflicts).toEqual(["gone.yaml"]);
    expect(git(repo.clone, "ls-tree", "--name-only", merged.tree)).not.toContain("gone.yaml");
  });

  it("writes a path holding a newline and a tab as that one path, never as another entry", async () => {
    const g = new GitRepo(repo.clone);
    const blob = git(repo.clone, "rev-parse", `${repo.first}:run.sh`);
    // Read as newline-ended records, this path would also set run.sh to app.yaml's content... and the reverse.
    const path = `x\n100644 ${blob}\tapp.yaml`;
    const commit = async (tree: string) => g.commitTree(tree, repo.first, "m", BOT, BOT);
    const base = await commit(await g.writeTree(repo.first, [{ path, content: "a: 0\nkeep: 1\nb: 0\n", mode: "100644" }]));
    const files = (c: string) => git(repo.clone, "ls-tree", "-r", "-z", "--name-only", c).split("\0").filter(Boolean).sort();
    expect(files(base)).toEqual(["app.yaml", "link.yaml", "run.sh", path].sort());
    expect(git(repo.clone, "show", `${base}:app.yaml`)).toBe("image: nginx:1.25");

    const side = async (content: string) => commit(await g.writeTree(base, [{ path, content, mode: "100644" }]));
    const { tree: merged } = await g.mergeTrees(base, await side("a: 1\nkeep: 1\nb: 0\n"), await side("a: 0\nkeep: 1\nb: 2\n"));
    expect(files(merged)).toEqual(files(base));
    expect(git(repo.clone, "show", `${merged}:app.yaml`)).toBe("image: nginx:1.25");
    const entry = git(repo.clone, "ls-tree", "-z", merged)
      .split("\0")
      .find((e) => e.endsWith(`\t${path}`))!;
    expect(git(repo.clone, "cat-file", "blob", entry.split(/\s/)[2]!)).toBe("a: 1\nkeep: 1\nb: 2");
  });

  it("refuses to put back commits removed from the base: a push from a shallow checkout onto a rewound branch is rejected, as a moved branch", async () => {
    const seed = join(repo.bare, "..", "seed");
    git(seed, "-c", "user.name=t", "-c", "user.email=t@e", "commit", "--quiet", "--allow-empty", "-m", "a bad promotion");
    git(seed, "push", "--quiet", repo.bare, "trunk");
    const planned = git(seed, "rev-parse", "HEAD");
    const shallow = join(repo.clone, "..", "shallow-rewound");
    execFileSync("git", ["clone", "--quiet", "--depth=1", `file://${repo.bare}`, shallow]);
    const g = new GitRepo(shallow);
    expect(await g.fetch("origin", "trunk")).toBe(planned);
    const commit = await g.commitTree(await g.treeOf(planned), planned, "ours\n", BOT, BOT);
    // A person force-pushes the base back while we commit: git refuses the cut history we would send.
    git(repo.bare, "update-ref", "refs/heads/trunk", repo.first);
    expect(await g.push("origin", commit, "trunk")).toBe("rejected");
    expect(await g.push("origin", commit, "trunk", planned)).toBe("rejected");
    expect(await g.push("origin", commit, "gitops-promote/nginx", "")).toBe("rejected");
    expect(git(repo.bare, "rev-parse", "trunk")).toBe(repo.first);
  });

  it("with the planned head as the expected one, never moves a base rewound under it, though our commit is a fast forward from there", async () => {
    const seed = join(repo.bare, "..", "seed");
    git(seed, "-c", "user.name=t", "-c", "user.email=t@e", "commit", "--quiet", "--allow-empty", "-m", "a bad promotion");
    git(seed, "push", "--quiet", repo.bare, "trunk");
    const g = new GitRepo(repo.clone);
    const planned = (await g.fetch("origin", "trunk"))!;
    const commit = await g.commitTree(await g.treeOf(planned), planned, "ours\n", BOT, BOT);
    git(repo.bare, "update-ref", "refs/heads/trunk", repo.first);
    expect(await g.push("origin", commit, "trunk", planned)).toBe("rejected");
    expect(git(repo.bare, "rev-parse", "trunk")).toBe(repo.first);
    git(repo.bare, "update-ref", "refs/heads/trunk", planned);
    expect(await g.push("origin", commit, "trunk", planned)).toBe("pushed");
  });

  it("lends the token to git for the GitHub server only, never to another host", async () => {
    const lent = new GitRepo(repo.clone, tokenAuthEnv("ghs_lent", "https://ghe.example", {}));
    const header = (url: string) => lent.run(["config", "--get-urlmatch", "http.extraheader", url]).catch(() => "");
    expect((await header("https://ghe.example/acme/manifests.git")).trim()).toBe(`AUTHORIZATION: basic ${basicCredential("ghs_lent")}`);
    expect(await header("https://elsewhere.example/acme/manifests.git")).toBe("");
  });

  it("lends the token after the git settings the job's environment already makes (a container's safe.directory), not over them", async () => {
    const job = { GIT_CONFIG_COUNT: "1", GIT_CONFIG_KEY_0: "safe.directory", GIT_CONFIG_VALUE_0: "*" };
    const env = tokenAuthEnv("ghs_lent", "https://ghe.example", job);
    expect(env).toEqual({
      GIT_CONFIG_COUNT: "2",
      GIT_CONFIG_KEY_1: "http.https://ghe.example/.extraheader",
      GIT_CONFIG_VALUE_1: `AUTHORIZATION: basic ${basicCredential("ghs_lent")}`,
    });
    const lent = new GitRepo(repo.clone, { ...job, ...env });
    expect((await lent.run(["config", "--get", "safe.directory"])).trim()).toBe("*");
    expect((await lent.run(["config", "--get-urlmatch", "http.extraheader", "https://ghe.example/acme/manifests.git"])).trim()).toMatch(
      /^AUTHORIZATION: basic /,
    );
  });

  it("counts as credentials for origin only an extraheader that applies to origin's URL, or a user in the URL", async () => {
    const g = new GitRepo(repo.clone);
    const origin = "https://ghe.example/acme/manifests.git";
    expect(await g.hasCredentials(origin)).toBe(false);
    // A runner's header for its artifact server is sent to that server alone: git has nothing to send to origin.
    git(repo.clone, "config", "http.https://artifacts.corp.example/.extraheader", "X-Corp-Client: ci-runner");
    expect(await g.hasCredentials(origin)).toBe(false);
    git(repo.clone, "config", "http.https://ghe.example/.extraheader", "AUTHORIZATION: basic eC1hY2Nlc3MtdG9rZW46eA==");
    expect(await g.hasCredentials(origin)).toBe(true);
    // An empty value resets the list: git sends no header.
    git(repo.clone, "config", "--add", "http.https://ghe.example/.extraheader", "");
    expect(await g.hasCredentials(origin)).toBe(false);
    expect(await g.hasCredentials("https://x-access-token:ghs_x@ghe.example/acme/manifests.git")).toBe(true);
  });
});

describe("GitRepo over smart HTTP (git http-backend, as GitHub serves git)", () => {
  it("in a shallow clone, a branch the base has all of forks at its own head, though the server's 'no commits selected' arrives cut", async () => {
    const fake = await startFakeGitHub();
    try {
      await fake.createRepo(OWNER, REPO, { "app.yaml": "image: nginx:1.25\n" });
      const full = await cloneRepo(fake);
      const first = git(full, "rev-parse", "HEAD");
      git(full, "-c", "user.name=t", "-c", "user.email=t@e", "commit", "--quiet", "--allow-empty", "-m", "on main");
      // async: the fake serves git from this very process
      await run("git", ["push", "--quiet", "origin", "HEAD:main", `${first}:refs/heads/pr`], { cwd: full });
      const g = new GitRepo(await cloneRepo(fake, { shallow: true }));
      await g.fetch("origin", "main");
      const head = (await g.fetch("origin", "pr"))!;
      expect(head).toBe(first);
      const fork = await g.forkPoint("origin", "main", head);
      expect(fork?.commit).toBe(first);
      expect(await g.commitsAfter(fork!)).toEqual([]);
    } finally {
      await fake.close();
    }
  });
});

describe("GitRepo against a git server that fails or hangs", () => {
  /** A server that accepts connections and never answers; closed after `use`. */
  async function silentServer(use: (url: string) => Promise<void>): Promise<void> {
    const sockets: Socket[] = [];
    const server = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      await use(`http://127.0.0.1:${(server.address() as { port: number }).port}/acme/manifests.git`);
    } finally {
      sockets.forEach((socket) => socket.destroy());
      await new Promise((resolve) => server.close(resolve));
    }
  }

  it("stops a network command that never gets an answer", async () => {
    const { clone } = await bareAndClone();
    await silentServer(async (url) => {
      git(clone, "remote", "add", "silent", url);
      const g = new GitRepo(clone, {}, { timeoutMs: 500, retryDelaysMs: [] });
      const started = Date.now();
      await expect(g.fetch("silent", "trunk")).rejects.toThrow(/still running after 0.5 s/);
      await expect(g.defaultBranch("silent")).rejects.toThrow(GitError);
      expect(Date.now() - started).toBeLessThan(10_000);
    });
  });

  it("makes git give up on an HTTP transfer that stalls, and tries it again", async () => {
    const { clone } = await bareAndClone();
    await silentServer(async (url) => {
      git(clone, "remote", "add", "silent", url);
      const g = new GitRepo(clone, {}, { stallSeconds: 1, retryDelaysMs: [0] });
      const started = Date.now();
      await expect(g.fetch("silent", "trunk")).rejects.toThrow(/Operation too slow/);
      expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
      expect(Date.now() - started).toBeLessThan(20_000);
    });
  });

  it("tries a read again after a transient server error, and not after a refusal", async () => {
    const fake = await startFakeGitHub();
    try {
      await fake.createRepo(OWNER, REPO, { "app.yaml": "image: nginx:1.25\n" });
      const g = new GitRepo(await cloneRepo(fake), {}, { retryDelaysMs: [0, 0] });
      const head = git(g.dir, "rev-parse", "HEAD");
      const served = fake.inject({ path: /git-upload-pack$/, status: 500, times: 2 });
      expect(await g.defaultBranch("origin")).toBe("main");
      expect(await g.fetch("origin", "main")).toBe(head);
      expect(served.hits).toBe(2);

      const advertised = fake.inject({ path: /info\/refs$/, status: 502 });
      expect(await g.fetch("origin", "main")).toBe(head);
      expect(advertised.hits).toBe(1);

      const down = fake.inject({ path: /git-upload-pack$/, status: 503, times: 10 });
      await expect(g.fetch("origin", "main")).rejects.toThrow(/HTTP 503/);
      expect(down.hits).toBe(3);
      down.cancel();

      const refused = fake.inject({ path: /info\/refs$/, status: 403, times: 10 });
      await expect(g.fetch("origin", "main")).rejects.toThrow(/returned error: 403/);
      expect(refused.hits).toBe(1);
    } finally {
      await fake.close();
    }
  });

  it("in a shallow clone, a transient error while finding the fork point is tried again, never read as 'the branch has no commits of its own'", async () => {
    const fake = await startFakeGitHub();
    try {
      await fake.createRepo(OWNER, REPO, { "app.yaml": "image: nginx:1.25\n" });
      const full = await cloneRepo(fake);
      const first = git(full, "rev-parse", "HEAD");
      git(full, "-c", "user.name=t", "-c", "user.email=t@e", "commit", "--quiet", "--allow-empty", "-m", "on pr");
      await run("git", ["push", "--quiet", "origin", "HEAD:refs/heads/pr"], { cwd: full });
      const g = new GitRepo(await cloneRepo(fake, { shallow: true }), {}, { retryDelaysMs: [0] });
      await g.fetch("origin", "main");
      const head = (await g.fetch("origin", "pr"))!;
      const fault = fake.inject({ path: /git-upload-pack$/, status: 502 });
      const fork = await g.forkPoint("origin", "main", head);
      expect(fault.hits).toBe(1);
      expect(fork?.commit).toBe(first);
      expect(await g.commitsAfter(fork!)).toHaveLength(1);
    } finally {
      await fake.close();
    }
  });

  it("after a push that failed on the way, asks the remote: landed is pushed, untouched is pushed again, moved is rejected", async () => {
    const fake = await startFakeGitHub();
    try {
      await fake.createRepo(OWNER, REPO, { "app.yaml": "image: nginx:1.25\n" });
      const dir = await cloneRepo(fake);
      const g = new GitRepo(dir, {}, { retryDelaysMs: [0] });
      const head = git(dir, "rev-parse", "HEAD");
      // async: the fake serves git from this very process
      const remoteHead = async (branch: string) => (await g.run(["ls-remote", "origin", `refs/heads/${branch}`])).split("\t")[0];
      const commitOn = async (content: string) => g.commitTree(await g.writeTree(head, [{ path: "app.yaml", content, mode: "100644" }]), head, "m\n", BOT, BOT);

      // The server applied the push and its answer was lost.
      const landed = await commitOn("image: nginx:1.26\n");
      fake.inject({
        path: /git-receive-pack$/,
        status: 502,
        beforeHandle: () => run("git", ["push", "--quiet", "origin", `${landed}:refs/heads/a`], { cwd: dir }).then(() => undefined),
      });
      expect(await g.push("origin", landed, "a", "")).toBe("pushed");
      expect(await remoteHead("a")).toBe(landed);

      // The server failed before applying it: the branch is as we expected, so the push is made again.
      const again = await commitOn("image: nginx:1.27\n");
      const once = fake.inject({ path: /git-receive-pack$/, status: 502 });
      expect(await g.push("origin", again, "b", "")).toBe("pushed");
      expect(once.hits).toBe(1);
      expect(await g.push("origin", again, "main")).toBe("pushed");

      // Another run created the branch meanwhile: ours must not replace it.
      const late = await commitOn("image: nginx:1.28\n");
      fake.inject({
        path: /git-receive-pack$/,
        status: 502,
        beforeHandle: async () => void (await fake.commitFile(OWNER, REPO, "c", "other.yaml", "x: 1\n", "another run")),
      });
      expect(await g.push("origin", late, "c", "")).toBe("rejected");
      expect(await remoteHead("c")).not.toBe(late);

      // With no try left, a branch moved meanwhile is still rejected, for the run to plan again: not a failed push.
      const lastTry = new GitRepo(dir, {}, { retryDelaysMs: [] });
      const moved = (await remoteHead("main"))!;
      fake.inject({
        path: /git-receive-pack$/,
        status: 502,
        beforeHandle: async () => void (await fake.commitFile(OWNER, REPO, "main", "other.yaml", "x: 2\n", "another run")),
      });
      expect(await lastTry.push("origin", await commitOn("image: nginx:1.29\n"), "main", moved)).toBe("rejected");
    } finally {
      await fake.close();
    }
  });

  it("after a push to the base that landed, its answer lost, with another run's commit on top since: pushed, from a shallow checkout too", async () => {
    const fake = await startFakeGitHub();
    try {
      await fake.createRepo(OWNER, REPO, { "app.yaml": "image: nginx:1.25\n" });
      const dir = await cloneRepo(fake, { shallow: true });
      const g = new GitRepo(dir, {}, { retryDelaysMs: [0] });
      const commitOn = async (head: string, content: string) =>
        g.commitTree(await g.writeTree(head, [{ path: "app.yaml", content, mode: "100644" }]), head, "m\n", BOT, BOT);
      const anotherRun = async () => void (await fake.commitFile(OWNER, REPO, "main", "notes.md", `${Math.random()}\n`, "another run"));

      const head = (await g.fetch("origin", "main"))!;
      const ours = await commitOn(head, "image: nginx:1.26\n");
      fake.inject({
        path: /git-receive-pack$/,
        status: 502,
        beforeHandle: async () => (await run("git", ["push", "--quiet", "origin", `${ours}:refs/heads/main`], { cwd: dir }), await anotherRun()),
      });
      expect(await g.push("origin", ours, "main", head)).toBe("pushed");
      expect((await fake.log(OWNER, REPO, "main")).map((c) => c.sha)).toContain(ours);

      // Another run's commit, not on ours: the branch moved.
      const now = (await g.fetch("origin", "main"))!;
      const late = await commitOn(now, "image: nginx:1.27\n");
      fake.inject({ path: /git-receive-pack$/, status: 502, beforeHandle: anotherRun });
      expect(await g.push("origin", late, "main", now)).toBe("rejected");
    } finally {
      await fake.close();
    }
  });
});
