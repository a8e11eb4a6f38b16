/** `gitops-promote update` called as main(argv, io), on scratch trees: what a person and a script are told, and the exit code. */
import { execFile } from "node:child_process";
import { chmod, mkdir, readFile, symlink, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { PassThrough, Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { streamIo } from "../../src/cli/io.js";
import { runMain as run, snapshot } from "../support/cli.js";
import { commandsRun } from "../support/runner-commands.js";
import { tempDir } from "../support/temp.js";

const VALUES = 'image:\n  repository: ghcr.io/acme/app\n  tag: "1.0.0"\nlist:\n  - image: ghcr.io/acme/app:1.0.0\n';
const MAIN_K = 'config = {\n    containers = {\n        app = {image = "ghcr.io/acme/app:1.0.0"}\n    }\n}\n';

async function tree(files: Record<string, string> = { "values.yaml": VALUES, "main.k": MAIN_K }): Promise<string> {
  const dir = await tempDir("gp-cli-");
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}

describe("usage errors point at the command's own help", () => {
  it.each([
    [["dispatch", "--image", "ghcr.io/acme/app:1.5.0"], "error: dispatch needs --repository OWNER/NAME\nRun 'gitops-promote dispatch --help' for usage.\n"],
    [
      ["dispatch", "--repositry", "acme/x"],
      "error: unknown option --repositry (did you mean --repository?)\nRun 'gitops-promote dispatch --help' for usage.\n",
    ],
    [["update", "--imgae", "x:1"], "error: unknown option --imgae (did you mean --image?)\nRun 'gitops-promote update --help' for usage.\n"],
    [["promote"], `error: unknown command "promote"\nRun 'gitops-promote --help' for usage.\n`],
    [["updte", "."], `error: unknown command "updte" (did you mean update?)\nRun 'gitops-promote --help' for usage.\n`],
    [
      ["--image", "ghcr.io/acme/app:1.5.0"],
      `error: unknown command "--image": the command comes first (did you mean gitops-promote update --image ...?)\nRun 'gitops-promote --help' for usage.\n`,
    ],
    [
      [".", "--repository", "acme/manifests"],
      `error: unknown command ".": the command comes first (did you mean gitops-promote dispatch . ...?)\nRun 'gitops-promote --help' for usage.\n`,
    ],
    [["help", "promote"], `error: unknown command "promote"\nRun 'gitops-promote --help' for usage.\n`],
    // Every argument is read before --version or --help acts, as `update --help --bogus` is refused.
    [["--version", "--bogus"], "error: unknown option --bogus\nRun 'gitops-promote --help' for usage.\n"],
    [["--help", "--bogus"], "error: unknown option --bogus\nRun 'gitops-promote --help' for usage.\n"],
    [["help", "update", "--bogus"], "error: unknown option --bogus\nRun 'gitops-promote --help' for usage.\n"],
    [["-v", "--verison"], "error: unknown option --verison (did you mean --version?)\nRun 'gitops-promote --help' for usage.\n"],
    [["--version", "update"], "error: --version takes no arguments, got update\nRun 'gitops-promote --help' for usage.\n"],
    [["help", "update", "dispatch"], "error: help takes one command, got 2: update dispatch\nRun 'gitops-promote --help' for usage.\n"],
    [
      ["update", ".", "--set", "values.yaml:image.tag=1", "--dry-run=yes"],
      "error: --dry-run takes no value: give --dry-run alone to turn it on, leave it out for off\nRun 'gitops-promote update --help' for usage.\n",
    ],
    // An option where a value belongs is a value left out: writing it as --repository=--image is no advice.
    [["dispatch", "--repository", "--image", "ghcr.io/acme/app:1.5.0"], "error: --repository needs a value\nRun 'gitops-promote dispatch --help' for usage.\n"],
    [["update", ".", "--image", "-h"], "error: --image needs a value\nRun 'gitops-promote update --help' for usage.\n"],
    [
      ["update", ".", "--path", "-apps"],
      `error: --path needs a value (a value starting with "-" is written --path=-VALUE)\nRun 'gitops-promote update --help' for usage.\n`,
    ],
    [
      ["dispatch", "--repository", "acme/x", "--image", "ghcr.io/acme/app:1.5.0", "--json=false"],
      "error: --json takes no value: give --json alone to turn it on, leave it out for off\nRun 'gitops-promote dispatch --help' for usage.\n",
    ],
  ])("%j", async (argv, stderr) => {
    expect(await run(argv)).toEqual({ code: 2, stdout: "", stderr });
  });

  it("with no command at all, prints the help where errors go (stderr), with exit 2", async () => {
    const { code, stdout, stderr } = await run([]);
    expect([code, stdout, stderr]).toEqual([2, "", (await run(["--help"])).stdout]);
    expect(stderr).toContain("gitops-promote update [DIR] [options]");
  });
});

describe("help COMMAND", () => {
  it.each(["update", "dispatch"])("prints %s's own help, as COMMAND --help and --help COMMAND do", async (command) => {
    const help = await run(["help", command]);
    expect(help).toEqual({ code: 0, stdout: (await run([command, "--help"])).stdout, stderr: "" });
    expect(help.stdout).toMatch(new RegExp(`^Usage: gitops-promote ${command} `));
    expect(await run(["--help", command])).toEqual(help);
  });

  it("--version beside --help: the first given is done, as GNU tools do", async () => {
    expect(await run(["--version", "--help"])).toEqual({ code: 0, stdout: (await run(["--version"])).stdout, stderr: "" });
    expect(await run(["-h", "-v"])).toEqual(await run(["--help"]));
  });
});

describe("a --set spec its file's grammar cannot read is bad usage (exit 2), found before any file is read", () => {
  it.each([
    ["values.yaml:image.tag", 'values.yaml: "image.tag" is not PATH=VALUE'],
    [
      "values.yaml:.image.tag=43",
      `values.yaml: invalid path ".image.tag": empty key at character 1; drop the leading dot (paths are image.tag, not yq's .image.tag)`,
    ],
    ["main.k:config.containers.app.image=", "main.k: Invalid spec format 'config.containers.app.image=', expected <field_path>=<filed_value>"],
    ['main.k:config.containers[app].image="x:1"', "main.k: 'config.containers[app].image': Expected opening quote after '['"],
    // A KCL value KCL would not read whole, with how to write it.
    [
      "main.k:config.containers.app.image=nginx:1.25",
      `main.k: the value of 'config.containers.app.image=nginx:1.25' is not one KCL expression (KCL would keep only 'nginx'); quote a string value: config.containers.app.image="nginx:1.25"`,
    ],
    [
      'main.k:config.containers.app.image="a" "b"',
      `main.k: the value of 'config.containers.app.image="a" "b"' is not one KCL expression (KCL would keep only '"a"'); it is two expressions, '"a"' and '"b"': give one\n`,
    ],
    [
      'main.k:config.containers.app.image:="x"',
      `main.k: the value of 'config.containers.app.image:="x"' is not one KCL expression (expected an expression, found '='); ':=' is no operator of KCL's -O, whose operators are =, :, += and -\n`,
    ],
    [
      'main.k:config.containers.app.image="unterminated',
      `main.k: the value of 'config.containers.app.image="unterminated' is not one KCL expression (unterminated string); close its quote\n`,
    ],
  ])("%s", async (set, message) => {
    const dir = await tree();
    const before = await snapshot(dir);
    const result = await run(["update", dir, "--set", set]);
    expect(result.code).toBe(2);
    expect(result.stderr.startsWith(`error: ${message}`), result.stderr).toBe(true);
    expect(result.stderr).toMatch(/\nnothing was written\n$/);
    expect(await snapshot(dir)).toEqual(before);
  });

  it("a yq selector of a kustomize entry that renames its image: the --image offered is by the entry's newName, read from the file", async () => {
    const kustomization = "resources: [deploy.yaml]\nimages:\n- name: app\n  newName: ghcr.io/acme/app\n  newTag: 1.2.3\n";
    const result = await run(["update", await tree({ "kustomization.yaml": kustomization }), "--set", "kustomization.yaml:images[name=app].newTag=1.2.4"]);
    expect([result.code, result.stderr]).toEqual([
      2,
      'error: kustomization.yaml: invalid path "images[name=app].newTag": a yq selector at character 7; list items are selected by index (images[0]), ' +
        "or give --image ghcr.io/acme/app:1.2.4, which finds the image's fields by its name\nnothing was written\n",
    ]);
  });

  it("a yq selector on a link out of DIR: the advice reads no file outside, so the --image offered is by the entry's name", async () => {
    const kustomization = "resources: [deploy.yaml]\nimages:\n- name: app\n  newName: ghcr.io/acme/app\n  newTag: 1.2.3\n";
    const outside = await tree({ "kustomization.yaml": kustomization });
    const dir = await tree({});
    await symlink(join(outside, "kustomization.yaml"), join(dir, "kustomization.yaml"));
    const result = await run(["update", dir, "--set", "kustomization.yaml:images[name=app].newTag=1.2.4"]);
    expect([result.code, result.stderr]).toEqual([
      2,
      'error: kustomization.yaml: invalid path "images[name=app].newTag": a yq selector at character 7; list items are selected by index (images[0]), ' +
        "or give --image app:1.2.4, which finds the image's fields by its name\nnothing was written\n",
    ]);
  });

  it("even for a file that does not exist: the spec alone is wrong", async () => {
    const result = await run(["update", await tree(), "--set", "gone.yaml:image.tag"]);
    expect([result.code, result.stderr]).toEqual([2, 'error: gone.yaml: "image.tag" is not PATH=VALUE\nnothing was written\n']);
  });

  it("while a path the file does not have is a failure (exit 1): that depends on the file", async () => {
    const result = await run(["update", await tree(), "--set", "values.yaml:image.tga=43"]);
    expect([result.code, result.stderr]).toEqual([
      1,
      "error: values.yaml:2: image.tga: image has 'repository', 'tag', not 'tga' (to add image.tga, use --create)\nnothing was written\n",
    ]);
  });
});

describe("a file or path named on the command line that is not there is bad usage (exit 2), said with DIR named", () => {
  it.each([
    [["--set", "nope.yaml:image.tag=1"], "error: --set: nope.yaml does not exist in DIR (DIR)\nnothing was written\n"],
    // Two values for one missing file: the file is said once.
    [["--set", "nope.yaml:image.tag=1", "--set", "nope.yaml:image.repository=x"], "error: --set: nope.yaml does not exist in DIR (DIR)\nnothing was written\n"],
    [["--set", "sub:image.tag=1"], "error: --set: sub is not a .k, .yaml or .yml file, the only files a set edits\nnothing was written\n"],
    [["--config", "sub"], "error: --config sub is a directory, not a file\nRun 'gitops-promote update --help' for usage.\n"],
    [["--config", "nope.yaml"], "error: --config nope.yaml does not exist in DIR (DIR)\nRun 'gitops-promote update --help' for usage.\n"],
    [["--set", "values.yml:image.tag=1"], "error: --set: values.yml does not exist in DIR (DIR) (did you mean values.yaml?)\nnothing was written\n"],
    [
      ["--set", "sub/valeus.yaml:image.tag=1"],
      "error: --set: sub/valeus.yaml does not exist in DIR (DIR) (did you mean sub/values.yaml?)\nnothing was written\n",
    ],
    [
      ["--config", "sub/values.yml"],
      "error: --config sub/values.yml does not exist in DIR (DIR) (did you mean sub/values.yaml?)\nRun 'gitops-promote update --help' for usage.\n",
    ],
    [
      ["--config", ""],
      "error: --config is empty: name the configuration file, relative to DIR, leave --config out for .github/gitops-promote.yaml, or give none for no configuration\nRun 'gitops-promote update --help' for usage.\n",
    ],
    [
      ["--path", "/etc", "--path", "../x"],
      'error: --path: "/etc" must be relative to DIR (DIR)\nerror: --path: "../x" must stay inside DIR (DIR): no ".."\nnothing was written\n',
    ],
  ])("%j", async (options, stderr) => {
    const dir = await tree({ "values.yaml": VALUES, "sub/values.yaml": VALUES });
    const before = await snapshot(dir);
    const result = await run(["update", dir, "--image", "ghcr.io/acme/app:1.5.0", ...options]);
    expect([result.code, result.stderr]).toEqual([2, stderr.replaceAll("(DIR)", `(${dir})`)]);
    expect(await snapshot(dir)).toEqual(before);
  });

  // Names Linux allows and Windows does not: the engine reads no file by them, so --set cannot name one.
  it.skipIf(process.platform === "win32")("a --set file whose name the engine reads no file by: a newline in it, or a \\ that reads as /", async () => {
    const dir = await tree({ "new\nline.yaml": VALUES, "sub\\values.yaml": VALUES });
    const before = await snapshot(dir);
    const newline = await run(["update", dir, "--set", "new\nline.yaml:image.tag=1"]);
    expect([newline.code, newline.stderr]).toEqual([
      2,
      `error: --set: "new\\nline.yaml" is left out: no file is read whose name holds a backslash, a control character or a leading drive letter (C:/), as a path written in a request reads \\ as / and such a name could not be named or printed as it is; rename the file to have it updated\nnothing was written\n`,
    ]);
    const backslash = await run(["update", dir, "--set", "sub\\values.yaml:image.tag=1"]);
    expect([backslash.code, backslash.stderr]).toEqual([2, `error: --set: sub/values.yaml does not exist in DIR (${dir})\nnothing was written\n`]);
    const config = await run(["update", dir, "--config", "new\nline.yaml", "--set", "sub\\values.yaml:image.tag=1"]);
    expect([config.code, config.stderr.split("\n")[0]]).toEqual([
      2,
      'error: --config: "new\\nline.yaml" is left out: no file is read whose name holds a backslash, a control character or a leading drive letter (C:/), as a path written in a request reads \\ as / and such a name could not be named or printed as it is; rename the file to have it updated',
    ]);
    expect(await snapshot(dir)).toEqual(before);
  });

  it("reads a --set or --config file written with Windows separators as the engine does, \\ as /", async () => {
    const dir = await tree({ "sub/values.yaml": VALUES });
    const result = await run(["update", dir, "--set", "sub\\values.yaml:image.tag=1.5.0", "--json"]);
    expect([result.code, (JSON.parse(result.stdout) as { files: string[] }).files]).toEqual([0, ["sub/values.yaml"]]);
    await writeFile(join(dir, "promote.yaml"), "targets:\n  - name: sub\n    paths: [sub/**]\n    images: [{ repository: ghcr.io/acme/app }]\n");
    const config = await run(["update", dir, "--config", ".\\promote.yaml", "--image", "ghcr.io/acme/app:1.6.0", "--json"]);
    expect([config.code, (JSON.parse(config.stdout) as { targets: unknown }).targets]).toEqual([0, [{ name: "sub", files: ["sub/values.yaml"] }]]);
  });
});

describe("a DIR that names no directory this run can read is bad usage (exit 2), as a missing one is", () => {
  it("an empty DIR, which would read as the current directory", async () => {
    expect(await run(["update", "", "--image", "ghcr.io/acme/app:1.5.0"])).toEqual({
      code: 2,
      stdout: "",
      stderr: `error: DIR is empty (""): name the directory, or leave DIR out for the current one\nRun 'gitops-promote update --help' for usage.\n`,
    });
  });

  it("a file, said with the run that edits only that file: DIR its repository's root, the file its --path", async () => {
    const dir = await tree({ ".git/HEAD": "ref: refs/heads/main\n", "apps/base/deployment.yaml": VALUES });
    const result = await run(["update", join(dir, "apps/base/deployment.yaml"), "--image", "ghcr.io/acme/app:1.5.0"]);
    expect([result.code, result.stderr.split("\n")[0]]).toEqual([
      2,
      `error: ${dir}/apps/base/deployment.yaml is not a directory but a file; to edit only that file, run: gitops-promote update ${dir} --path apps/base/deployment.yaml (and the other options)`,
    ]);
  });

  it("a file outside a git checkout: DIR the directory above it that holds the configuration, else the file's own", async () => {
    const dir = await tree({ ".github/gitops-promote.yaml": "setters: {}\n", "prod/app/values.yaml": VALUES });
    const configured = await run(["update", join(dir, "prod/app/values.yaml"), "--image", "ghcr.io/acme/app:1.5.0"]);
    expect(configured.stderr.split("\n")[0]).toBe(
      `error: ${dir}/prod/app/values.yaml is not a directory but a file; to edit only that file, run: gitops-promote update ${dir} --path prod/app/values.yaml (and the other options)`,
    );
    const bare = await tree({ "app/values.yaml": VALUES });
    const plain = await run(["update", join(bare, "app/values.yaml"), "--image", "ghcr.io/acme/app:1.5.0"]);
    expect(plain.stderr.split("\n")[0]).toBe(
      `error: ${bare}/app/values.yaml is not a directory but a file; to edit only that file, run: gitops-promote update ${bare}/app --path values.yaml (and the other options)`,
    );
  });

  it("a file below a directory with a configuration: DIR that directory, whose configuration the run then reads", async () => {
    const dir = await tree({
      ".git/HEAD": "ref: refs/heads/main\n",
      "clusters/.github/gitops-promote.yaml": "setters: {}\n",
      "clusters/apps/deployment.yaml": VALUES,
    });
    const result = await run(["update", join(dir, "clusters/apps/deployment.yaml"), "--image", "ghcr.io/acme/app:1.5.0"]);
    expect([result.code, result.stderr.split("\n")[0]]).toEqual([
      2,
      `error: ${dir}/clusters/apps/deployment.yaml is not a directory but a file; to edit only that file, run: gitops-promote update ${dir}/clusters --path apps/deployment.yaml (and the other options)`,
    ]);
  });
  /**
   * The CLI as a user the modes stop: root reads any directory, so as root (a CI container) it runs
   * from source as nobody (setpriv).
   */
  async function runUnprivileged(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    if (process.getuid?.() !== 0) return run(argv);
    const tsx = join(process.cwd(), "node_modules/tsx/dist/cli.mjs");
    const nobody = ["--reuid=65534", "--regid=65534", "--clear-groups", process.execPath, tsx, join(process.cwd(), "src/cli.ts"), ...argv];
    return new Promise((done) =>
      execFile("setpriv", nobody, { env: { PATH: process.env.PATH, HOME: "/tmp" } }, (error, stdout, stderr) =>
        done({ code: error ? Number(error.code) : 0, stdout, stderr }),
      ),
    );
  }

  it("a directory this user may not list", async () => {
    const dir = await tree();
    await chmod(dir, 0o000);
    try {
      const result = await runUnprivileged(["update", dir, "--image", "ghcr.io/acme/app:1.5.0"]);
      expect([result.code, result.stderr.split("\n")[0]]).toEqual([2, `error: ${dir} cannot be read: permission denied`]);
    } finally {
      await chmod(dir, 0o755);
    }
  });

  it("while a directory inside it that this user may not list fails the run (exit 1), said without Node's stack", async () => {
    const dir = await tree({ "values.yaml": VALUES, "locked/values.yaml": VALUES });
    await chmod(dir, 0o755); // listable by nobody, as a checkout is
    await chmod(join(dir, "locked"), 0o000);
    try {
      expect(await runUnprivileged(["update", dir, "--image", "ghcr.io/acme/app:1.5.0"])).toEqual({
        code: 1,
        stdout: "",
        stderr: `error: cannot list the directory ${join(dir, "locked")}: permission denied (EACCES)\nnothing was written\n`,
      });
    } finally {
      await chmod(join(dir, "locked"), 0o755);
    }
  });
});

describe("standard output that cannot be written (a full disk)", () => {
  /** A stream every write to fails as a full disk's does. */
  const full = () =>
    new Writable({ write: (_chunk, _encoding, callback) => callback(Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" })) });

  async function runTo(argv: string[]): Promise<{ code: number; stderr: string }> {
    const stderr = new PassThrough();
    const code = await main(argv, streamIo(full(), stderr, {}));
    return { code, stderr: String(stderr.read() ?? "") };
  }

  it("does not undo a run that wrote its files: exit 0, and the report's loss said on stderr, without a stack trace", async () => {
    const dir = await tree();
    expect(await runTo(["update", dir, "--image", "ghcr.io/acme/app:1.5.0"])).toEqual({
      code: 0,
      stderr: "warning: could not write to standard output (ENOSPC: no space left on device, write); the files were written, so the exit code is 0\n",
    });
    expect(await readFile(join(dir, "values.yaml"), "utf8")).toContain('tag: "1.5.0"');
  });

  it("fails a dry run, whose output is all it makes (exit 1)", async () => {
    const dir = await tree();
    const before = await snapshot(dir);
    expect(await runTo(["update", dir, "--image", "ghcr.io/acme/app:1.5.0", "--dry-run"])).toEqual({
      code: 1,
      stderr: "error: could not write to standard output (ENOSPC: no space left on device, write)\nnothing was written\n",
    });
    expect(await snapshot(dir)).toEqual(before);
  });
});

describe("symbolic links DIR holds, and DIR given through one", () => {
  const POLICY =
    'targets:\n  - name: prod\n    paths: ["**"]\n    images:\n      - repository: ghcr.io/acme/app\n        policy: { semver: { range: "^1.0.0" } }\n';
  const READ_ONLY_IN_TREE =
    "a configuration is read from a file of the tree only, and a run without it would not apply its targets and policies; put the file itself there, or link to a file of the tree";

  /** A tree with values.yaml and conf/promote.yaml (a policy holding back release candidates), with `links` (path -> target). */
  async function linkedTree(links: Record<string, string>): Promise<string> {
    const dir = await tree({ "values.yaml": VALUES, "conf/promote.yaml": POLICY, ".github/.keep": "" });
    for (const [path, target] of Object.entries(links)) await symlink(target, join(dir, path));
    return dir;
  }

  it("reads a configuration that is a link to a file of DIR, by default and by --config, and edits no field of it", async () => {
    const dir = await linkedTree({ ".github/gitops-promote.yaml": "../conf/promote.yaml", "promote.yaml": "conf/promote.yaml" });
    for (const config of [[], ["--config", "promote.yaml"]]) {
      const result = await run(["update", dir, "--image", "ghcr.io/acme/app:2.0.0-rc.1", "--dry-run", ...config]);
      expect([result.code, result.stderr]).toEqual([
        0,
        "warning: target prod: ghcr.io/acme/app:2.0.0-rc.1 is outside its policy (semver ^1.0.0); not edited there\n",
      ]);
    }
  });

  it.each([
    [".github/gitops-promote.yaml", "../../elsewhere.yaml", "which leads outside the root"],
    [".github/gitops-promote.yaml", "promote.yaml", "which leads to .github/promote.yaml, which does not exist (a dangling link)"],
    [".github/gitops-promote.yml", "gitops-promote.yml", "which leads round a loop of links"],
  ])("refuses a configuration %s linked to %s, naming both (exit 2), writing nothing", async (link, target, why) => {
    const dir = await linkedTree({ [link]: target });
    const before = await snapshot(dir);
    const result = await run(["update", dir, "--image", "ghcr.io/acme/app:1.5.0"]);
    expect([result.code, result.stderr]).toEqual([2, `error: ${link} is a symbolic link to "${target}", ${why}: ${READ_ONLY_IN_TREE}\nnothing was written\n`]);
    expect(await snapshot(dir)).toEqual(before);
  });

  it("runs without a configuration when .github is a linked directory that holds none, and refuses one found out of DIR through it", async () => {
    // A checkout whose .github is kept elsewhere (ci/github) and holds workflows only: no configuration, as before links were followed.
    const dir = await tree({ "d.yaml": "image: ghcr.io/acme/app:1.0.0\n", "ci/github/workflows/ci.yaml": "on: push\n" });
    await symlink("ci/github", join(dir, ".github"));
    const result = await run(["update", dir, "--image", "ghcr.io/acme/app:1.0.1", "--dry-run"]);
    expect([result.code, result.stderr]).toEqual([0, ""]);
    expect(result.stdout).toMatch(/^d\.yaml\n.*ghcr\.io\/acme\/app:1\.0\.0 -> ghcr\.io\/acme\/app:1\.0\.1/);
    // DIR, a directory of a repository, with .github a link to the repository's: nothing there is no configuration, one there is refused.
    const repository = await tree({ "deploy/d.yaml": "image: ghcr.io/acme/app:1.0.0\n", ".github/workflows/ci.yaml": "on: push\n" });
    const deploy = join(repository, "deploy");
    await symlink("../.github", join(deploy, ".github"));
    const none = await run(["update", deploy, "--image", "ghcr.io/acme/app:1.0.1", "--dry-run"]);
    expect([none.code, none.stderr]).toEqual([0, ""]);
    await writeFile(join(repository, ".github", "gitops-promote.yaml"), POLICY);
    const before = await snapshot(deploy);
    const found = await run(["update", deploy, "--image", "ghcr.io/acme/app:1.0.1"]);
    expect([found.code, found.stderr]).toEqual([
      2,
      `error: .github/gitops-promote.yaml lies behind the symbolic link .github (to "../.github"), which leads outside the root: ${READ_ONLY_IN_TREE}\nnothing was written\n`,
    ]);
    expect(await snapshot(deploy)).toEqual(before);
  });

  it("refuses a --config that is a link out of DIR as it refuses the default one", async () => {
    const outside = await tree({ "promote.yaml": POLICY });
    const dir = await linkedTree({ "promote.yaml": join(outside, "promote.yaml") });
    const result = await run(["update", dir, "--config", "promote.yaml", "--image", "ghcr.io/acme/app:1.5.0"]);
    expect([result.code, result.stderr]).toEqual([
      2,
      `error: --config: promote.yaml is a symbolic link to "${join(outside, "promote.yaml")}", which is an absolute path (only a relative link is followed: it leads to the same file in every checkout): ${READ_ONLY_IN_TREE}\nnothing was written\n`,
    ]);
  });

  it("refuses a --set of a link, naming where it leads (exit 2), and says a --path that matches only links", async () => {
    const dir = await linkedTree({ "current.yaml": "values.yaml", "gone.yaml": "nowhere.yaml" });
    const set = await run(["update", dir, "--set", "current.yaml:image.tag=1.5.0", "--set", "gone.yaml:image.tag=1.5.0", "--config", "none"]);
    expect([set.code, set.stderr]).toEqual([
      2,
      'error: --set: current.yaml is a symbolic link to "values.yaml", which leads to values.yaml; a symbolic link is never edited: name values.yaml instead\n' +
        'error: --set: gone.yaml is a symbolic link to "nowhere.yaml", which leads to nowhere.yaml, which does not exist (a dangling link); a symbolic link is never edited\n' +
        "nothing was written\n",
    ]);
    const path = await run(["update", dir, "--path", "current.yaml", "--image", "ghcr.io/acme/app:1.5.0", "--config", "none", "--dry-run"]);
    expect(path.stderr.split("\n")[0]).toBe(
      'warning: path "current.yaml" matches no file, only the symbolic link current.yaml (to "values.yaml"), and no link is followed: give the path it leads to',
    );
  });

  it("refuses a configured override of a link in the words of a --set's, at the entry's line (exit 1: the configuration's fault, not the command's)", async () => {
    const dir = await linkedTree({ "current.yaml": "values.yaml", "gone.yaml": "nowhere.yaml" });
    const overrides = ["current.yaml", "gone.yaml"].map((file) => `  - file: ${file}\n    spec: image.tag\n    image: ghcr.io/acme/app\n    part: tag\n`);
    await writeFile(join(dir, ".github", "gitops-promote.yaml"), `overrides:\n${overrides.join("")}`);
    const result = await run(["update", dir, "--image", "ghcr.io/acme/app:1.5.0"]);
    expect([result.code, result.stderr]).toEqual([
      1,
      'error: .github/gitops-promote.yaml:2: overrides[0].file: current.yaml is a symbolic link to "values.yaml", which leads to values.yaml; a symbolic link is never edited: name values.yaml instead\n' +
        'error: .github/gitops-promote.yaml:6: overrides[1].file: gone.yaml is a symbolic link to "nowhere.yaml", which leads to nowhere.yaml, which does not exist (a dangling link); a symbolic link is never edited\n' +
        "nothing was written\n",
    ]);
  });

  it("takes an absolute --set or --config inside DIR when DIR, or the path, is given through a linked directory", async () => {
    const dir = await linkedTree({});
    const linked = join(await tempDir("gp-cli-link-"), "checkout");
    await symlink(dir, linked);
    const set = ["--set", `${join(dir, "values.yaml")}:image.tag=1.5.0`, "--config", join(dir, "conf", "promote.yaml"), "--dry-run"];
    const viaLink = await run(["update", linked, ...set]);
    expect([viaLink.code, viaLink.stderr]).toEqual([0, ""]);
    // Read as DIR's configuration: the change is prod's.
    expect(viaLink.stdout).toMatch(/^target prod:\nvalues.yaml\n +3 +override +image\.tag: 1\.0\.0 -> 1\.5\.0\n/);
    const toLink = await run([
      "update",
      dir,
      "--set",
      `${join(linked, "values.yaml")}:image.tag=1.5.0`,
      "--config",
      join(linked, "conf", "promote.yaml"),
      "--dry-run",
    ]);
    expect([toLink.code, toLink.stdout]).toEqual([0, viaLink.stdout]);
    // A file outside DIR is still refused.
    const outside = await run(["update", linked, "--config", join(await tempDir("gp-cli-"), "promote.yaml"), "--image", "ghcr.io/acme/app:1.5.0"]);
    expect(outside.code).toBe(2);
  });
});

describe("--config none", () => {
  it("runs without a configuration; a file named none is read as ./none", async () => {
    const dir = await tree({ "values.yaml": VALUES, none: "bogus: 1\n" });
    const none = await run(["update", dir, "--config", "none", "--image", "ghcr.io/acme/app:1.5.0", "--dry-run"]);
    expect([none.code, none.stdout]).toEqual([0, expect.stringContaining("1 file would change")]);
    const file = await run(["update", dir, "--config", "./none", "--image", "ghcr.io/acme/app:1.5.0", "--dry-run"]);
    expect([file.code, file.stderr]).toEqual([
      1,
      "error: none:1: bogus: unknown key (expected targets, setters, overrides; a key starting with x- holds anchors and is not read)\nnothing was written\n",
    ]);
  });
});

describe("a version given alone as --image or --setter's value", () => {
  it("is told the whole reference, with the repository the configuration names for it (exit 2)", async () => {
    const config = [
      "setters:",
      "  flux-system:app: {image: ghcr.io/acme/app}",
      "targets:",
      "  - {name: prod, paths: ['**'], images: [{repository: ghcr.io/acme/web}]}",
      "",
    ].join("\n");
    const dir = await tree({ "values.yaml": VALUES, ".github/gitops-promote.yaml": config });
    const result = await run(["update", dir, "--image", "1.5.0", "--setter", "flux-system:app=1.5.0", "--setter", "flux-system:app:tag=1.5.0"]);
    expect([result.code, result.stderr.split("\n")]).toEqual([
      2,
      [
        'error: --image: "1.5.0" is a tag alone; give the full reference, e.g. ghcr.io/acme/web:1.5.0',
        'error: --setter (flux-system:app): "1.5.0" is a tag alone; give the full reference, e.g. ghcr.io/acme/app:1.5.0',
        expect.stringMatching(
          /^error: --setter: "flux-system:app:tag" is the key of a marker for the tag alone; .* e\.g\. --setter flux-system:app=ghcr\.io\/acme\/app:1\.5\.0: /,
        ),
        "nothing was written",
        "",
      ],
    ]);
  });

  it("is told the repository of its key's Flux ImagePolicy, which the tree holds (review flux17 N1)", async () => {
    const images = [
      "apiVersion: image.toolkit.fluxcd.io/v1",
      "kind: ImageRepository",
      "metadata: {name: podinfo, namespace: flux-system}",
      "spec: {image: ghcr.io/stefanprodan/podinfo}",
      "---",
      "apiVersion: image.toolkit.fluxcd.io/v1",
      "kind: ImagePolicy",
      "metadata: {name: podinfo-staging, namespace: flux-system}",
      "spec: {imageRepositoryRef: {name: podinfo}, policy: {semver: {range: '>=6.0.0-0'}}}",
      "",
    ].join("\n");
    const dir = await tree({ "values.yaml": VALUES, "clusters/staging/image-automation.yaml": images });
    const result = await run(["update", dir, "--setter", "flux-system:podinfo-staging=6.6.0"]);
    expect([result.code, result.stderr]).toEqual([
      2,
      'error: --setter (flux-system:podinfo-staging): "6.6.0" is a tag alone; give the full reference, e.g. ghcr.io/stefanprodan/podinfo:6.6.0\nnothing was written\n',
    ]);
  });
});

describe("two --set values for one field", () => {
  it("are refused as bad usage (exit 2), naming both, however the file and the path are spelt", async () => {
    const dir = await tree();
    const result = await run([
      "update",
      dir,
      "--set",
      "values.yaml:list[0].image=nginx:1",
      "--set",
      `${join(dir, "values.yaml")}:list.0.image=nginx:2`,
      "--json",
    ]);
    expect(result.code).toBe(2);
    expect((JSON.parse(result.stdout) as { errors: unknown }).errors).toEqual([
      {
        message: `--set: values.yaml:list.0.image is given twice ("values.yaml:list[0].image=nginx:1" and "values.yaml:list.0.image=nginx:2"); give each field one value`,
      },
    ]);
  });

  it("are refused in a KCL file too", async () => {
    const result = await run([
      "update",
      await tree(),
      "--set",
      'main.k:config.containers.app.image="a:1"',
      "--set",
      'main.k:config.containers.app.image="a:2"',
    ]);
    expect([result.code, result.stderr.split("\n")[0]]).toEqual([
      2,
      `error: --set: main.k:config.containers.app.image is given twice ("main.k:config.containers.app.image=\\"a:1\\"" and "main.k:config.containers.app.image=\\"a:2\\""); give each field one value`,
    ]);
  });

  it("a --set of a field the incoming image moves too: the --set value is written, and a warning at the field says so", async () => {
    const dir = await tree();
    const result = await run(["update", dir, "--set", "values.yaml:image.tag=1.2.0", "--image", "ghcr.io/acme/app:1.5.0", "--json"]);
    const report = JSON.parse(result.stdout) as { changes: { file: string; key: string; new: string }[]; warnings: unknown[] };
    expect(report.changes.filter((c) => c.file === "values.yaml").map((c) => [c.key, c.new])).toEqual([
      ["image.tag", "1.2.0"],
      ["list[0].image", "ghcr.io/acme/app:1.5.0"],
    ]);
    expect(report.warnings).toEqual([
      { file: "values.yaml", line: 3, message: "image.tag: --set wrote 1.2.0, which takes precedence over 1.5.0 from the incoming image" },
    ]);
  });

  it("are taken when they are the same value: the result is that of one", async () => {
    const once = await tree();
    const twice = await tree();
    const set = ["--set", "values.yaml:image.tag=1.2.0", "--set", 'main.k:config.containers.app.image="a:1"'];
    expect((await run(["update", once, ...set])).code).toBe(0);
    const result = await run(["update", twice, ...set, ...set, "--json"]);
    expect(result.code, result.stderr).toBe(0);
    expect((JSON.parse(result.stdout) as { changes: unknown[] }).changes).toHaveLength(2);
    expect(await snapshot(twice)).toEqual(await snapshot(once));
  });
});

describe("a digest-only --image", () => {
  const digest = `sha256:${"ef".repeat(32)}`;
  const pinned = `image:\n  repository: ghcr.io/acme/app\n  tag: "1.4.0"\n  digest: "sha256:${"11".repeat(32)}"\n`;
  const prodTarget =
    'targets:\n  - name: prod\n    paths: ["prod/**"]\n    images:\n      - repository: ghcr.io/acme/app\n        policy: { semver: { range: "^1.0.0" } }\n';
  const judge = `ghcr.io/acme/app@${digest} has no tag for its policy (semver ^1.0.0) to judge, and a digest alone may be any build; give repo:tag@digest`;

  it("leaves a field under a target's policy as it is, with a warning at it: a policy ranks tags, and the digest may be any build", async () => {
    const dir = await tree({ ".github/gitops-promote.yaml": prodTarget, "prod/values.yaml": pinned });
    const before = await snapshot(dir);
    const result = await run(["update", dir, "--image", `ghcr.io/acme/app@${digest}`, "--json"]);
    expect([result.code, JSON.parse(result.stdout)]).toEqual([
      0,
      expect.objectContaining({ changed: false, warnings: [{ file: "prod/values.yaml", line: 3, message: `image.tag is left as it is: ${judge}` }] }),
    ]);
    expect(await snapshot(dir)).toEqual(before);
  });

  it("leaves a marked field under its setter's policy as it is, with a warning at it", async () => {
    const config = 'setters:\n  "flux-system:app": { image: ghcr.io/acme/app, policy: { semver: { range: "^1.0.0" } } }\n';
    const deploy = 'spec:\n  containers:\n    - image: ghcr.io/acme/app:1.4.0 # {"$imagepolicy": "flux-system:app"}\n';
    const result = await run([
      "update",
      await tree({ ".github/gitops-promote.yaml": config, "deploy.yaml": deploy }),
      "--image",
      `ghcr.io/acme/app@${digest}`,
      "--json",
    ]);
    expect(JSON.parse(result.stdout)).toEqual(
      expect.objectContaining({
        changed: false,
        warnings: [{ file: "deploy.yaml", line: 3, message: `Flux setter "flux-system:app" is left as it is: ${judge}` }],
      }),
    );
  });

  it("pins the digest and keeps the tag where no policy applies", async () => {
    const dir = await tree({ "values.yaml": pinned });
    const result = await run(["update", dir, "--image", `ghcr.io/acme/app@${digest}`, "--json"]);
    expect([result.code, (JSON.parse(result.stdout) as { warnings: unknown[] }).warnings]).toEqual([0, []]);
    expect(await readFile(join(dir, "values.yaml"), "utf8")).toBe(pinned.replace("11".repeat(32), "ef".repeat(32)));
  });
});

describe("one --image given twice", () => {
  it("is taken when it is the same image, however its repository is spelt: the result is that of one", async () => {
    const once = await tree();
    const twice = await tree();
    expect((await run(["update", once, "--image", "ghcr.io/acme/app:1.5.0"])).code).toBe(0);
    const result = await run(["update", twice, "--image", "ghcr.io/acme/app:1.5.0", "--image", "ghcr.io/acme/app:1.5.0", "--json"]);
    expect(result.code, result.stderr).toBe(0);
    expect(await snapshot(twice)).toEqual(await snapshot(once));
    expect((await run(["update", await tree(), "--image", "nginx:1.27", "--image", "docker.io/library/nginx:1.27", "--dry-run"])).code).toBe(0);
  });

  it("is refused as bad usage (exit 2) with two versions of one repository", async () => {
    const result = await run(["update", await tree(), "--image", "ghcr.io/acme/app:1.5.0", "--image", "ghcr.io/acme/app:1.6.0"]);
    expect([result.code, result.stderr]).toEqual([
      2,
      "error: --image: ghcr.io/acme/app:1.5.0 and ghcr.io/acme/app:1.6.0 name one repository; give each repository once\nnothing was written\n",
    ]);
  });
});

const TARGETS_CONFIG =
  'targets:\n  - name: staging\n    paths: ["staging/**"]\n    images: [{ repository: ghcr.io/acme/app }]\n  - name: prod\n    paths: ["prod/**"]\n    images: [{ repository: ghcr.io/acme/app }]\n';
const DEPLOY = "image: ghcr.io/acme/app:1.0.0\n";
/** A tree with two targets, staging and prod, each with one file. */
const targets = () => tree({ ".github/gitops-promote.yaml": TARGETS_CONFIG, "staging/deploy.yaml": DEPLOY, "prod/deploy.yaml": DEPLOY });

describe("--target NAME", () => {
  it("edits only the files of the targets it names, as a dispatch payload's targets", async () => {
    const dir = await targets();
    const result = await run(["update", dir, "--image", "ghcr.io/acme/app:1.5.0", "--target", "prod", "--json"]);
    expect([result.code, JSON.parse(result.stdout)]).toEqual([
      0,
      expect.objectContaining({ files: ["prod/deploy.yaml"], targets: [{ name: "prod", files: ["prod/deploy.yaml"] }], warnings: [] }),
    ]);
    expect(await readFile(join(dir, "staging/deploy.yaml"), "utf8")).toBe(DEPLOY);
  });

  it("refuses a name no target has as bad usage (exit 2), listing the configured ones, before any file is written", async () => {
    const dir = await targets();
    const before = await snapshot(dir);
    const result = await run(["update", dir, "--image", "ghcr.io/acme/app:1.5.0", "--target", "prod", "--target", "production"]);
    expect([result.code, result.stderr]).toEqual([2, 'error: --target: no target named "production" (configured: staging, prod)\nnothing was written\n']);
    expect(await snapshot(dir)).toEqual(before);
  });

  it("is in update's --help, with its exit code", async () => {
    const help = (await run(["update", "--help"])).stdout;
    expect(help).toContain("  --target NAME         update only the configured target NAME");
    expect(help.replace(/\s+/g, " ")).toContain("a --target no configured target has");
  });

  it("says so when no configuration defines targets", async () => {
    const dir = await tree();
    const result = await run(["update", dir, "--image", "ghcr.io/acme/app:1.5.0", "--target", "prod", "--json"]);
    expect([result.code, (JSON.parse(result.stdout) as { errors: unknown }).errors]).toEqual([
      2,
      [{ message: `--target: no target named "prod": DIR (${dir}) has no .github/gitops-promote.yaml (or .yml) defining targets` }],
    ]);
  });

  it("says so when --config none reads no configuration", async () => {
    const result = await run(["update", await tree(), "--config", "none", "--image", "ghcr.io/acme/app:1.5.0", "--target", "prod"]);
    expect([result.code, result.stderr]).toEqual([
      2,
      'error: --target: no target named "prod": --config none reads no configuration, so no target is defined\nnothing was written\n',
    ]);
  });
});

describe("--payload FILE|-", () => {
  const payload = (value: object) => JSON.stringify({ v: 1, ...value });
  const UPDATE_1_5 = payload({ images: ["ghcr.io/acme/app:1.5.0"], targets: ["prod"] });

  it("runs as the update Action does for the payload: its images come in, and its targets narrow the run as --target does", async () => {
    const [byPayload, byFlags] = [await targets(), await targets()];
    const file = join(await tempDir("gp-payload-"), "payload.json");
    await writeFile(file, UPDATE_1_5);
    const result = await run(["update", byPayload, "--payload", file, "--json"]);
    expect([result.code, JSON.parse(result.stdout)]).toEqual([0, expect.objectContaining({ files: ["prod/deploy.yaml"], warnings: [] })]);
    expect(result.stdout).toBe((await run(["update", byFlags, "--image", "ghcr.io/acme/app:1.5.0", "--target", "prod", "--json"])).stdout);
    expect(await snapshot(byPayload)).toEqual(await snapshot(byFlags));
  });

  it("reads from the standard input what dispatch --dry-run prints: both sides of a promotion, tried locally", async () => {
    const sent = await run(["dispatch", "--repository", "acme/manifests", "--image", "ghcr.io/acme/app:1.5.0", "--target", "staging", "--dry-run"]);
    expect(sent.code, sent.stderr).toBe(0);
    const dir = await targets();
    const result = await run(["update", dir, "--payload", "-", "--dry-run"], sent.stdout);
    expect([result.code, result.stderr]).toEqual([0, ""]);
    expect(result.stdout).toContain("target staging:\nstaging/deploy.yaml\n");
    expect(result.stdout).toContain("+image: ghcr.io/acme/app:1.5.0\n");
    expect(result.stdout).not.toContain("prod/deploy.yaml");
  });

  it("takes --set, --path and the rest beside it, as the Action takes its inputs beside a payload", async () => {
    const dir = await tree();
    const result = await run(
      ["update", dir, "--payload", "-", "--set", "values.yaml:image.tag=1.6.0", "--path", "values.yaml", "--json"],
      payload({ images: ["ghcr.io/acme/app:1.5.0"] }),
    );
    expect(result.code, result.stderr).toBe(0);
    const { changes } = JSON.parse(result.stdout) as { changes: { key: string; new: string }[] };
    expect(changes.map((c) => [c.key, c.new])).toEqual([
      ["image.tag", "1.6.0"],
      ["list[0].image", "ghcr.io/acme/app:1.5.0"],
    ]);
    expect(await readFile(join(dir, "main.k"), "utf8")).toBe(MAIN_K);
  });

  it("takes a file an editor saved with a byte order mark", async () => {
    const file = join(await tempDir("gp-payload-"), "payload.json");
    await writeFile(file, `\uFEFF${UPDATE_1_5}`);
    expect((await run(["update", await targets(), "--payload", file, "--dry-run"])).code).toBe(0);
  });

  it.each([
    ["", "--payload: the standard input is empty"],
    ["{", "--payload: not valid JSON: "],
    [payload({ images: ["Foo:1"] }), '--payload.images[0]: invalid image reference "Foo:1"'],
    [JSON.stringify({ v: 2, images: ["ghcr.io/acme/app:1.5.0"] }), "--payload.v: version 2 is not supported; this gitops-promote reads version 1"],
    [payload({ images: ["ghcr.io/acme/app:1.5.0"], targets: ["prod uction"] }), '--payload.targets[0]: "prod uction" is not a target name'],
    [
      JSON.stringify({ payload: { v: 1, images: ["ghcr.io/acme/app:1.5.0"] }, dispatched: [] }),
      '--payload: is what gitops-promote dispatch --json prints ({"payload", "dispatched"}), not a payload: leave out --json',
    ],
  ])("is bad usage (exit 2), nothing written, when it is no valid payload, said as the validator says it: %j", async (text, message) => {
    const dir = await targets();
    const before = await snapshot(dir);
    const result = await run(["update", dir, "--payload", "-"], text);
    expect(result.code).toBe(2);
    expect(result.stderr.startsWith(`error: ${message}`), result.stderr).toBe(true);
    expect(result.stderr).toMatch(/\nnothing was written\n$/);
    expect(await snapshot(dir)).toEqual(before);
    const json = await run(["update", dir, "--payload", "-", "--json"], text);
    expect([json.code, JSON.parse(json.stdout)]).toEqual([
      2,
      expect.objectContaining({ changed: false, errors: [{ message: expect.stringContaining(message) }] }),
    ]);
  });

  it("refuses a target the payload names that no target has as bad usage (exit 2), as the payload's field", async () => {
    const result = await run(["update", await targets(), "--payload", "-"], payload({ images: ["ghcr.io/acme/app:1.5.0"], targets: ["production"] }));
    expect([result.code, result.stderr]).toEqual([
      2,
      'error: --payload.targets: no target named "production" (configured: staging, prod)\nnothing was written\n',
    ]);
  });

  it.each([
    [["--image", "ghcr.io/acme/app:1.6.0"], "--payload and --image: the payload's images are the incoming images"],
    [["--target", "staging"], "--payload and --target: the payload's targets are the targets"],
  ])("is bad usage (exit 2) beside %j, which would make a run the Action never makes", async (flags, message) => {
    const dir = await targets();
    const before = await snapshot(dir);
    const result = await run(["update", dir, "--payload", "-", ...flags], UPDATE_1_5);
    expect([result.code, result.stderr.split("\n")[0]]).toEqual([2, expect.stringContaining(`error: ${message}`)]);
    expect(await snapshot(dir)).toEqual(before);
  });

  it("is bad usage (exit 2) when there is nothing to read: a missing file, a directory, a terminal", async () => {
    const dir = await targets();
    const missing = join(dir, "nope.json");
    expect((await run(["update", dir, "--payload", missing])).stderr.split("\n")[0]).toBe(`error: --payload ${missing} does not exist`);
    expect((await run(["update", dir, "--payload", dir])).stderr.split("\n")[0]).toBe(`error: --payload ${dir} is a directory, not a file`);
    const terminal = await run(["update", dir, "--payload", "-"]);
    expect([terminal.code, terminal.stderr.split("\n")[0]]).toEqual([2, expect.stringContaining("--payload -: nothing is piped into the standard input")]);
  });

  it("is in update's --help, and dispatch's --dry-run says where its payload goes", async () => {
    expect((await run(["update", "--help"])).stdout).toContain("  --payload FILE|-      run as the update Action runs for this dispatch payload");
    expect((await run(["dispatch", "--help"])).stdout).toContain("print the payload, send nothing (update --payload - reads it)");
  });
});

describe("markers of a key nothing defines", () => {
  const marked = `${MAIN_K}other = {\n    image = "ghcr.io/acme/x:1.0" # {"$imagepolicy": "flux-system:x"}\n    tag = "1.0" # {"$imagepolicy": "flux-system:x:tag"}\n}\n`;

  it("are said once for the key, with its places and the ways to define it, when the run brings an image", async () => {
    const result = await run(["update", await tree({ "main.k": marked }), "--image", "ghcr.io/acme/app:1.1.0", "--dry-run"]);
    expect(result.stderr).toBe(
      'warning: main.k:7: no image is configured for Flux setter "flux-system:x" (also marked at main.k:8), so its marked values are left as they are: add it under setters: in .github/gitops-promote.yaml, pass --setter flux-system:x=REF, or keep its ImagePolicy (and ImageRepository) in the tree\n',
    );
  });

  it("are not said to a --set alone, which could set no marker", async () => {
    const result = await run(["update", await tree({ "main.k": marked }), "--set", 'main.k:config.containers.app.image="a:2"', "--dry-run"]);
    expect([result.code, result.stderr]).toEqual([0, ""]);
  });
});

describe("--json on a refused request", () => {
  it.each([
    [[], "nothing to update: give --image, --setter, --set or --payload"],
    [["--bogus"], "unknown option --bogus"],
    [["--image"], "--image needs a value"],
    [["--image", "ghcr.io/acme/app:1.5.0", "--target"], "--target needs a value"],
    [["--config", "/etc/passwd", "--image", "ghcr.io/acme/app:1.5.0"], "--config /etc/passwd is not inside"],
    [
      ["--image", "Foo:1"],
      '--image: invalid image reference "Foo:1"',
      "--image: an image name is written in lower case: write its registry and repository in lower case",
    ],
    [["--image", `ghcr.io/acme/app@SHA256:${"a".repeat(64)}`], 'unsupported digest algorithm "SHA256"'],
  ] as [string[], ...string[]][])("prints one JSON object with the reasons as errors, also for bad usage (exit 2): %j", async (options, ...messages) => {
    const dir = await tree();
    const result = await run(["update", dir, ...options, "--json"]);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toEqual({
      changed: false,
      files: [],
      changes: [],
      warnings: [],
      errors: messages.map((message) => ({ message: expect.stringContaining(message) })),
    });
  });

  it("prints one for --json given a value, which it refuses: the script asked for JSON all the same", async () => {
    const result = await run(["update", await tree(), "--image", "ghcr.io/acme/app:1.5.0", "--json=true"]);
    expect([result.code, JSON.parse(result.stdout)]).toEqual([
      2,
      expect.objectContaining({ errors: [{ message: "--json takes no value: give --json alone to turn it on, leave it out for off" }] }),
    ]);
  });

  it("prints one for a DIR that does not exist", async () => {
    const result = await run(["update", "/nonexistent", "--image", "ghcr.io/acme/app:1.5.0", "--json"]);
    expect([result.code, JSON.parse(result.stdout)]).toEqual([2, expect.objectContaining({ errors: [{ message: "/nonexistent does not exist" }] })]);
  });

  it("names the directory a mistyped DIR most likely meant", async () => {
    const dir = await tree({ "clusters/prod/values.yaml": VALUES });
    const result = await run(["update", join(dir, "clusters", "prd"), "--image", "ghcr.io/acme/app:1.5.0"]);
    expect([result.code, result.stderr.split("\n")[0]]).toEqual([
      2,
      `error: ${join(dir, "clusters", "prd")} does not exist (did you mean ${join(dir, "clusters", "prod")}?)`,
    ]);
  });

  it("prints one for a failure while writing (exit 1), and the tree is as it was", async () => {
    const dir = await tree();
    // The name writePlan stages values.yaml under: taken, so the write fails.
    await writeFile(join(dir, `values.yaml.gitops-promote-${process.pid}.tmp`), "");
    const before = await snapshot(dir);
    const result = await run(["update", dir, "--image", "ghcr.io/acme/app:1.5.0", "--json"]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({
      changed: false,
      files: [],
      changes: [],
      warnings: [],
      errors: [{ message: expect.stringContaining("EEXIST") }],
    });
    expect(await snapshot(dir)).toEqual(before);
  });

  it("without --json, says it on stderr only, as before", async () => {
    const result = await run(["update", "--bogus"]);
    expect(result).toEqual({ code: 2, stdout: "", stderr: "error: unknown option --bogus\nRun 'gitops-promote update --help' for usage.\n" });
  });
});

describe("--json warnings", () => {
  it("each has its keys in README's order, file, line, message, whatever made it", async () => {
    const dir = await tree({ "values.yaml": "replicas: 1\n---\nreplicas: 2\n" });
    const result = await run(["update", dir, "--set", "values.yaml:replicas=3", "--json"]);
    const { warnings } = JSON.parse(result.stdout) as { warnings: object[] };
    expect(warnings.map((w) => Object.keys(w))).toEqual([["file", "line", "message"]]);
    expect(await readFile(join(dir, "values.yaml"), "utf8")).toBe("replicas: 3\n---\nreplicas: 2\n");
  });
});

describe("files git does not track in DIR", () => {
  it("are edited as every file DIR holds: the CLI is a directory tool, and may run outside git", async () => {
    const dir = await tree({
      ".gitignore": "rendered/\n",
      "values.yaml": VALUES,
      "rendered/app.yaml": "image: ghcr.io/acme/app:1.0.0\n",
      "extra.yaml": "image: ghcr.io/acme/app:1.0.0\n",
    });
    const git = (...args: string[]) =>
      new Promise<string>((done, fail) => execFile("git", ["-C", dir, ...args], (error, stdout) => (error ? fail(error) : done(stdout))));
    await git("init", "--quiet");
    await git("add", ".gitignore", "values.yaml");
    // Generated manifests (ignored) and a file no one added yet (untracked): neither is in the index.
    expect(await git("status", "--porcelain", "--ignored")).toBe("A  .gitignore\nA  values.yaml\n?? extra.yaml\n!! rendered/\n");
    const result = await run(["update", dir, "--image", "ghcr.io/acme/app:1.1.0", "--json"]);
    expect(JSON.parse(result.stdout)).toMatchObject({ changed: true, files: ["extra.yaml", "rendered/app.yaml", "values.yaml"] });
    expect(await readFile(join(dir, "rendered/app.yaml"), "utf8")).toBe("image: ghcr.io/acme/app:1.1.0\n");
  });
});

describe("a DIR inside a repository whose configuration sits above it", () => {
  const CONFIG =
    'targets:\n  - name: prod\n    paths: ["helm/**"]\n    images:\n      - repository: ghcr.io/acme/app\n        policy: { semver: { range: "^1.0.0" } }\n';
  const repository = async (extra: Record<string, string> = {}) => {
    const dir = await tree({ ".github/gitops-promote.yaml": CONFIG, "helm/app/values.yaml": VALUES.replace("1.0.0", "1.4.0"), ...extra });
    await mkdir(join(dir, ".git"));
    return dir;
  };

  it("is refused (exit 2, nothing written), told the run that reads that configuration: its policy keeps out this downgrade", async () => {
    const dir = await repository();
    const before = await snapshot(dir);
    const result = await run(["update", join(dir, "helm/app"), "--image", "ghcr.io/acme/app:1.0.0", "--json"]);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toMatchObject({
      changed: false,
      errors: [
        {
          message:
            `${join(dir, "helm/app")} has no configuration of its own, so ${join(dir, ".github/gitops-promote.yaml")} would not be read: its targets, their policies ` +
            `and its overrides would not apply, and this run would edit every file alike; to apply them, run: gitops-promote update ${dir} --path helm/app; ` +
            "to run without a configuration, add --config none",
        },
      ],
    });
    expect(await snapshot(dir)).toEqual(before);
    const scoped = await run(["update", dir, "--path", "helm/app", "--image", "ghcr.io/acme/app:1.0.0", "--dry-run", "--json"]);
    expect(JSON.parse(scoped.stdout)).toMatchObject({ changed: false, warnings: [{ message: expect.stringContaining("keeps 1.4.0") }] });
  });

  it("runs without a configuration with --config none, as asked: no policy keeps out the downgrade, which a warning says", async () => {
    const result = await run(["update", join(await repository(), "helm/app"), "--image", "ghcr.io/acme/app:1.0.0", "--config", "none", "--dry-run", "--json"]);
    expect(JSON.parse(result.stdout)).toMatchObject({
      changed: true,
      changes: [{ old: "1.4.0", new: "1.0.0" }],
      warnings: [
        {
          file: "values.yaml",
          line: 3,
          message: "ghcr.io/acme/app: 1.4.0 -> 1.0.0 is a lower version; with no policy this rolls back (set a semver policy to refuse it)",
          kind: "downgrade",
        },
      ],
    });
  });

  it("reads a --path written with Windows separators as the same path: its policy applies", async () => {
    const result = await run(["update", await repository(), "--path", "helm\\app", "--image", "ghcr.io/acme/app:1.0.0", "--dry-run", "--json"]);
    expect(JSON.parse(result.stdout)).toMatchObject({ changed: false, warnings: [{ message: expect.stringContaining("keeps 1.4.0") }] });
  });

  it("keeps its --path in the run it is told of", async () => {
    const result = await run(["update", join(await repository(), "helm"), "--path", "app", "--image", "ghcr.io/acme/app:1.5.0", "--dry-run"]);
    expect(result.stderr).toMatch(/ --path helm\/app; to run without a configuration, add --config none\nnothing was written\n$/);
  });

  it("is told nothing when DIR has a configuration of its own or names one with --config", async () => {
    const image = ["--image", "ghcr.io/acme/app:1.5.0", "--dry-run"];
    const own = await repository({ "helm/.github/gitops-promote.yml": "setters: {}\n" });
    expect((await run(["update", join(own, "helm"), ...image])).stderr).toBe("");
    const named = await repository({ "helm/promote.yaml": "setters: {}\n" });
    expect((await run(["update", join(named, "helm"), "--config", "promote.yaml", ...image])).stderr).toBe("");
  });

  // A copy of the manifests (an unpacked archive, `cp -r`) has no git root: the configuration above still is the tree's.
  it("outside a git checkout, is refused as in one: the configuration is looked for up to the file system's root", async () => {
    const dir = await tree({ ".github/gitops-promote.yaml": CONFIG, "helm/app/values.yaml": VALUES.replace("1.0.0", "1.4.0") });
    const before = await snapshot(dir);
    const result = await run(["update", join(dir, "helm"), "--image", "ghcr.io/acme/app:1.5.0-rc.1"]);
    expect([result.code, result.stderr.split("\n")[0]]).toEqual([
      2,
      `error: ${join(dir, "helm")} has no configuration of its own, so ${join(dir, ".github/gitops-promote.yaml")} would not be read: its targets, ` +
        `their policies and its overrides would not apply, and this run would edit every file alike; to apply them, run: gitops-promote update ${dir} --path helm; ` +
        "to run without a configuration, add --config none",
    ]);
    expect(await snapshot(dir)).toEqual(before);
  });

  it("reads a configuration file named none as a file, by ./none", async () => {
    const dir = await repository({ "helm/none": CONFIG.replace("helm/**", "app/**") });
    const result = await run(["update", join(dir, "helm"), "--config", "./none", "--image", "ghcr.io/acme/app:1.0.0", "--dry-run", "--json"]);
    expect(JSON.parse(result.stdout)).toMatchObject({ changed: false, warnings: [{ message: expect.stringContaining("keeps 1.4.0") }] });
  });
});

describe("a DIR below the repository's root, whose Flux objects name paths from that root", () => {
  const AUTOMATION =
    "apiVersion: image.toolkit.fluxcd.io/v1\nkind: ImageUpdateAutomation\nmetadata:\n  name: apps\n  namespace: flux-system\nspec:\n  update:\n    path: ./clusters/staging\n";

  it("is told of an ImageUpdateAutomation not suspended that updates a file it changes, as a run on the root is", async () => {
    const dir = await tree({ "clusters/staging/flux-system/automation.yaml": AUTOMATION, "clusters/staging/deploy.yaml": "image: ghcr.io/acme/app:1.0.0\n" });
    await mkdir(join(dir, ".git"));
    const racing = /^ImageUpdateAutomation flux-system\/apps is not suspended: .* under \.\/clusters\/staging;/;
    for (const root of [dir, join(dir, "clusters")]) {
      const result = await run(["update", root, "--image", "ghcr.io/acme/app:1.1.0", "--dry-run", "--json"]);
      expect(JSON.parse(result.stdout)).toMatchObject({ changed: true, warnings: [{ message: expect.stringMatching(racing) }] });
    }
  });
});

describe("a DIR below the repository's root, whose marker key's ImagePolicy is beside it (flux-system/ beside clusters/)", () => {
  const FLUX_SYSTEM =
    "apiVersion: image.toolkit.fluxcd.io/v1\nkind: ImageRepository\nmetadata: {name: podinfo, namespace: flux-system}\nspec: {image: ghcr.io/acme/podinfo}\n---\n" +
    "apiVersion: image.toolkit.fluxcd.io/v1\nkind: ImagePolicy\nmetadata: {name: podinfo, namespace: flux-system}\nspec:\n  imageRepositoryRef: {name: podinfo}\n  policy: {semver: {range: 5.0.x}}\n";
  const files = {
    "flux-system/podinfo.yaml": FLUX_SYSTEM,
    "clusters/my-cluster/podinfo.yaml": 'kind: Deployment\nimage: ghcr.io/acme/podinfo:5.0.2 # {"$imagepolicy": "flux-system:podinfo"}\n',
  };
  const image = ["--image", "ghcr.io/acme/podinfo:5.0.3", "--dry-run"];

  it("is told where that ImagePolicy is and the run from the root that reads it, as a configuration above is, which sets the marker", async () => {
    const dir = await tree(files);
    await mkdir(join(dir, ".git"));
    const result = await run(["update", join(dir, "clusters/my-cluster"), ...image]);
    expect([result.code, result.stderr]).toEqual([
      0,
      'warning: podinfo.yaml:2: no image is configured for Flux setter "flux-system:podinfo", so its marked value is left as it is: ' +
        `its ImagePolicy is in ${join(dir, "flux-system/podinfo.yaml")}:6, outside ${join(dir, "clusters/my-cluster")}, so this run does not read it; ` +
        `to read it, run: gitops-promote update ${dir} --path clusters/my-cluster; ` +
        "or add it under setters: in .github/gitops-promote.yaml, or pass --setter flux-system:podinfo=REF\n",
    ]);
    const told = await run(["update", dir, "--path", "clusters/my-cluster", ...image, "--json"]);
    expect(JSON.parse(told.stdout)).toMatchObject({
      changed: true,
      changes: [{ file: "clusters/my-cluster/podinfo.yaml", new: "ghcr.io/acme/podinfo:5.0.3" }],
    });
  });

  it("outside a git checkout, where no repository's root is known, is told to keep the ImagePolicy in the tree, as before", async () => {
    const result = await run(["update", join(await tree(files), "clusters/my-cluster"), ...image]);
    expect(result.stderr).toMatch(/, or keep its ImagePolicy \(and ImageRepository\) in the tree\n$/);
  });

  it("with --config (none too) or a configuration in DIR, is not told of it, as README says: only a run without --config whose DIR holds none is", async () => {
    const cases: [Record<string, string>, string[]][] = [
      [{}, ["--config", "none"]],
      [{ "clusters/my-cluster/.github/gitops-promote.yaml": "setters: {}\n" }, []],
    ];
    for (const [own, config] of cases) {
      const dir = await tree({ ...files, ...own });
      await mkdir(join(dir, ".git"));
      const result = await run(["update", join(dir, "clusters/my-cluster"), ...config, ...image]);
      expect([result.code, result.stderr]).toEqual([
        0,
        expect.stringMatching(/^warning: podinfo\.yaml:2: .*, or keep its ImagePolicy \(and ImageRepository\) in the tree\n$/),
      ]);
    }
  });
});

describe("in a workflow's run: step (GITHUB_ACTIONS=true)", () => {
  // A pull request's author writes the tree a check runs `update . --dry-run` on.
  const HOSTILE = {
    "app.yaml": "note: |\n  ::set-output name=changed::false\n  ::error title=forged::forged annotation\nimage: ghcr.io/acme/app:1.0.0\n",
    "values.yaml": 'appVersion: "1.0.0 ##[add-mask]main"\n',
    ".github/gitops-promote.yaml": "overrides:\n  - file: values.yaml\n    spec: appVersion\n    image: ghcr.io/acme/app\n    part: tag\n",
  };

  /** main over the process's kind of streams, as the runner reads them. */
  async function runInWorkflow(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    const [stdout, stderr] = [new PassThrough(), new PassThrough()];
    const code = await main(argv, streamIo(stdout, stderr, { GITHUB_ACTIONS: "true" }));
    return { code, stdout: String(stdout.read() ?? ""), stderr: String(stderr.read() ?? "") };
  }

  it("prints the tree's text verbatim, and the runner runs no command in it, from the diff or a warning", async () => {
    const dir = await tree(HOSTILE);
    const result = await runInWorkflow(["update", dir, "--image", "ghcr.io/acme/app:2.0.0", "--dry-run"]);
    expect(result.code).toBe(0);
    // Printed as they are, the runner would run them:
    expect(commandsRun((await run(["update", dir, "--image", "ghcr.io/acme/app:2.0.0", "--dry-run"])).stdout)).toEqual(["set-output", "error"]);
    expect(result.stdout).toContain("   ::set-output name=changed::false\n   ::error title=forged::forged annotation\n-image: ghcr.io/acme/app:1.0.0\n");
    expect(result.stderr).toContain('appVersion holds "1.0.0 ##[add-mask]main"');
    expect([commandsRun(result.stdout), commandsRun(result.stderr)]).toEqual([[], []]);
    expect(result.stdout.endsWith("::\n")).toBe(true);
  });

  it("--json is one JSON object a program reads as ever, holding no command either", async () => {
    const dir = await tree(HOSTILE);
    const result = await runInWorkflow(["update", dir, "--image", "ghcr.io/acme/app:2.0.0", "--dry-run", "--json"]);
    const report = JSON.parse(result.stdout) as { warnings: { message: string }[] };
    expect(report.warnings.map((w) => w.message)).toEqual([expect.stringContaining('holds "1.0.0 ##[add-mask]main"')]);
    expect(commandsRun(result.stdout)).toEqual([]);
  });

  it("prints text that holds no command as it is", async () => {
    const dir = await tree();
    const result = await runInWorkflow(["update", dir, "--image", "ghcr.io/acme/app:2.0.0", "--dry-run"]);
    expect(result.stdout).toBe((await run(["update", dir, "--image", "ghcr.io/acme/app:2.0.0", "--dry-run"])).stdout);
  });
});
