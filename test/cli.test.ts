import { spawn } from "node:child_process";
import { mkdir, readFile, readdir, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CONFORMANCE, PROJECT, runCli, scratchCopy, snapshot } from "./support/cli.js";
import { kustomize, withKubectl } from "./support/kubectl.js";
import { tempDir } from "./support/temp.js";

const SHA = "sha256:6745aaad46d795c9836632e1fb62f24b7e7f4c843144da8e47a5465c411a14be";
const FLUX_SETTERS = [
  "--setter",
  "automation-ns:policy=index.repo.fake/updated:v1.0.1",
  "--setter",
  "automation-ns:unchanged=image:v1.0.0",
  "--setter",
  `automation-ns:policy-with-digest=image:v1.0.0@${SHA}`,
];

/** Copies a Flux fixture tree with SETTER_SITE replaced by a real marker, like Flux's testutil.ReplaceMarker. */
async function withMarker(dir: string, key: string): Promise<string> {
  const copy = await scratchCopy(dir);
  for (const [path, bytes] of await snapshot(copy)) {
    await writeFile(join(copy, path), bytes.toString("utf8").replaceAll("SETTER_SITE", `{"$imagepolicy": "${key}"}`));
  }
  return copy;
}

describe("gitops-promote update on Flux's setter fixtures", () => {
  it("changes exactly the expected files, byte for byte, and leaves the rest alone", async () => {
    const original = join(CONFORMANCE, "flux-setters", "original");
    const dir = await scratchCopy(original);
    const result = await runCli(["update", dir, ...FLUX_SETTERS, "--json"]);
    expect(result.code, result.stderr).toBe(0);

    const expected = await snapshot(join(CONFORMANCE, "flux-setters", "expected"));
    const before = await snapshot(original);
    const after = await snapshot(dir);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [path, bytes] of after) {
      expect(bytes.toString("utf8"), path).toBe((expected.get(path) ?? before.get(path))!.toString("utf8"));
    }
    const report = JSON.parse(result.stdout) as { changed: boolean; files: string[]; changes: { file: string; key: string; old: string; new: string }[] };
    expect(report.changed).toBe(true);
    expect(report.files).toEqual(["Kustomization", "kustomization.yml", "marked.yaml"]);
    expect(report.changes.filter((c) => c.file === "kustomization.yml").map((c) => [c.old, c.new, c.key])).toEqual([
      ["replaced", "index.repo.fake/updated", "automation-ns:policy:name"],
      ["v1", "v1.0.1", "automation-ns:policy:tag"],
      ["sha256:1234567890abcdef", SHA, "automation-ns:policy-with-digest:digest"],
      ["image", `image:v1.0.0@${SHA}`, "automation-ns:policy-with-digest"],
    ]);
    expect(report.changes.filter((c) => c.file === "marked.yaml").map((c) => [c.old, c.new])).toEqual([["image:v1.0.0", "index.repo.fake/updated:v1.0.1"]]);
  });

  it("keeps the dangling symlink and warns about the marker of an unknown key", async () => {
    const dir = await scratchCopy(join(CONFORMANCE, "flux-setters", "original"));
    const result = await runCli(["update", dir, ...FLUX_SETTERS]);
    expect(result.code).toBe(0);
    expect(await readdir(dir)).toContain("test.yaml");
    expect(result.stderr).toMatch(/otherns\.yaml:\d+: .*other-namespace:policy/);
  });

  it("is idempotent: a second run changes nothing", async () => {
    const dir = await scratchCopy(join(CONFORMANCE, "flux-setters", "original"));
    await runCli(["update", dir, ...FLUX_SETTERS]);
    const first = await snapshot(dir);
    const again = await runCli(["update", dir, ...FLUX_SETTERS, "--json"]);
    expect(JSON.parse(again.stdout)).toMatchObject({ changed: false, files: [], changes: [] });
    expect(await snapshot(dir)).toEqual(first);
  });
});

describe("gitops-promote update on Flux's update-path fixtures", () => {
  it("updates appconfig like Flux's applier", async () => {
    const dir = await withMarker(join(CONFORMANCE, "flux-update-path", "appconfig"), "test-ns:policy1");
    const expected = await withMarker(join(CONFORMANCE, "flux-update-path", "appconfig-setters-expected"), "test-ns:policy1");
    const result = await runCli(["update", dir, "--setter", "test-ns:policy1=helloworld:1.0.1"]);
    expect(result.code, result.stderr).toBe(0);
    expect(await snapshot(dir)).toEqual(await snapshot(expected));
  });

  it("edits only under --path", async () => {
    const dir = await withMarker(join(CONFORMANCE, "flux-update-path", "pathconfig"), "test-ns:policy1");
    const expected = await withMarker(join(CONFORMANCE, "flux-update-path", "pathconfig-expected"), "test-ns:policy1");
    const result = await runCli(["update", dir, "--setter", "test-ns:policy1=helloworld:1.0.1", "--path", "yes/**"]);
    expect(result.code, result.stderr).toBe(0);
    expect(await snapshot(dir)).toEqual(await snapshot(expected));
  });
});

describe("gitops-promote update, human side", () => {
  it("--dry-run prints a unified diff and writes nothing", async () => {
    const dir = await scratchCopy(join(CONFORMANCE, "flux-update-path", "appconfig"));
    const before = await snapshot(dir);
    const result = await runCli(["update", dir, "--image", "helloworld:1.0.2", "--dry-run"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("--- a/deploy.yaml\n+++ b/deploy.yaml\n");
    expect(result.stdout).toContain("-        image: helloworld:1.0.0 # SETTER_SITE\n+        image: helloworld:1.0.2 # SETTER_SITE\n");
    expect(result.stdout).toContain("dry run: nothing written");
    expect(await snapshot(dir)).toEqual(before);
  });

  it("prints old -> new per file", async () => {
    const dir = await withMarker(join(CONFORMANCE, "flux-update-path", "appconfig"), "test-ns:policy1");
    const result = await runCli(["update", dir, "--setter", "test-ns:policy1=helloworld:1.0.1"]);
    expect(result.stdout).toMatch(/^deploy\.yaml\n\s+\d+\s+setter\s+test-ns:policy1: helloworld:1\.0\.0 -> helloworld:1\.0\.1\n/m);
    expect(result.stdout).toContain("1 file changed, 1 value");
  });

  it("has --help and --version", async () => {
    const help = await runCli(["update", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("--setter KEY=REF");
    const version = await runCli(["--version"]);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe("gitops-promote exit codes", () => {
  it("2 for bad usage", async () => {
    expect((await runCli(["update", "--frobnicate"])).code).toBe(2);
    expect((await runCli(["update", "."])).code).toBe(2);
    expect((await runCli(["promote"])).code).toBe(2);
    expect((await runCli([])).code).toBe(2);
  });

  it("2 for a mistyped option, naming the one it most likely meant", async () => {
    const typo = await runCli(["update", ".", "--imgae", "nginx:1"]);
    expect([typo.code, typo.stderr.split("\n")[0]]).toEqual([2, "error: unknown option --imgae (did you mean --image?)"]);
    const far = await runCli(["update", ".", "--frobnicate"]);
    expect([far.code, far.stderr.split("\n")[0]]).toEqual([2, "error: unknown option --frobnicate"]);
    expect((await runCli(["dispatch", "--repositry", "acme/x"])).stderr).toContain("(did you mean --repository?)");
  });

  it("2 for a DIR that is not a directory, saying so", async () => {
    const missing = await runCli(["update", "/nonexistent/manifests", "--image", "nginx:1"]);
    expect([missing.code, missing.stderr.split("\n")[0]]).toEqual([2, "error: /nonexistent/manifests does not exist"]);
    const file = join(await scratchCopy(join(CONFORMANCE, "flux-update-path", "appconfig")), "file.yaml");
    await writeFile(file, "a: 1\n");
    expect((await runCli(["update", file, "--image", "nginx:1"])).code).toBe(2);
  });

  it("2 for a flag value that is not what the flag takes (an invalid image, a --set without FILE:), with the reason, and nothing written", async () => {
    const dir = await withMarker(join(CONFORMANCE, "flux-update-path", "appconfig"), "test-ns:policy1");
    const before = await snapshot(dir);
    const result = await runCli(["update", dir, "--image", "helloworld:1.0.1", "--image", 'helloworld:1.0.2"\nx: y']);
    expect(result.code).toBe(2);
    const set = await runCli(["update", dir, "--set", "deploy.yaml", "--json"]);
    expect(set.code).toBe(2);
    expect((JSON.parse(set.stdout) as { errors: { message: string }[] }).errors[0]!.message).toMatch(/^--set: "deploy.yaml" is not FILE:SPEC/);
    expect(result.stderr).toContain(`--image: invalid image reference "helloworld:1.0.2\\"\\nx: y"`);
    expect(result.stderr).toContain("nothing was written");
    expect(await snapshot(dir)).toEqual(before);
  });

  it("takes --config relative to DIR or absolute inside it; 2 for one outside DIR", async () => {
    const dir = await withMarker(join(CONFORMANCE, "flux-update-path", "appconfig"), "test-ns:policy1");
    const promote = "targets:\n  - name: all\n    paths: ['**']\n    images:\n      - repository: nginx\n";
    // a folder named ..ci is inside DIR like any other
    for (const folder of ["ci", "..ci"]) {
      await mkdir(join(dir, folder));
      await writeFile(join(dir, folder, "promote.yaml"), promote);
    }
    for (const config of ["ci/promote.yaml", join(dir, "ci", "promote.yaml"), join(dir, "..ci", "promote.yaml")]) {
      const result = await runCli(["update", dir, "--config", config, "--image", "helloworld:1.0.1", "--json", "--dry-run"]);
      expect(result.code, result.stderr).toBe(0);
      expect((JSON.parse(result.stdout) as { warnings: { message: string }[] }).warnings.map((w) => w.message)).toContain(
        "target all does not allow docker.io/library/helloworld; not edited in deploy.yaml:10",
      );
    }
    for (const config of ["/etc/promote.yaml", "../promote.yaml"]) {
      const outside = await runCli(["update", dir, "--config", config, "--image", "helloworld:1.0.1"]);
      expect([outside.code, outside.stderr.split("\n")[0]]).toEqual([
        2,
        `error: --config ${config} is not inside ${dir}: its target paths would not name files of this tree`,
      ]);
    }
  });

  describe("KCL users coming from kcl -O: --set and configured overrides", () => {
    const flaskDemo = 'config = {\n    containers = {\n        flask_demo = {image = "kcllang/flask_demo:f0"}\n    }\n}\n';
    const tree = async () => {
      const dir = await scratchCopy(join(CONFORMANCE, "flux-update-path", "appconfig"));
      await writeFile(join(dir, "main.k"), flaskDemo);
      return dir;
    };

    it("2 for a -O spec pasted without its file, saying the file comes first", async () => {
      const dir = await tree();
      const pasted = await runCli(["update", dir, "--set", 'config.containers.flask_demo.image="kcllang/flask_demo:f1"']);
      expect([pasted.code, pasted.stderr.split("\n")[0]]).toEqual([
        2,
        `error: --set: "config.containers.flask_demo.image=\\"kcllang/flask_demo:f1\\"" starts with a spec, not a file: FILE:SPEC names the file first, e.g. main.k:config.containers.flask_demo.image="kcllang/flask_demo:f1"`,
      ]);
      const union = await runCli(["update", dir, "--set", "config.containers:{web = {}}"]);
      expect([union.code, union.stderr.split("\n")[0]]).toEqual([
        2,
        `error: --set: "config.containers:{web = {}}" starts with a spec, not a file: FILE:SPEC names the file first, e.g. main.k:config.containers:{web = {}}`,
      ]);
      expect(await readFile(join(dir, "main.k"), "utf8")).toBe(flaskDemo);
    });

    it("2 for a file outside DIR, relative or absolute, saying it must stay inside DIR", async () => {
      const dir = await tree();
      const spec = 'config.containers.flask_demo.image="kcllang/flask_demo:f1"';
      for (const file of ["../main.k", join(dir, "..", "main.k")]) {
        const escaping = await runCli(["update", dir, "--set", `${file}:${spec}`]);
        expect([escaping.code, escaping.stderr.split("\n")[0]]).toEqual([2, `error: --set: ${file} must be relative to DIR (${dir}) and stay inside it`]);
      }
      expect(await readFile(join(dir, "main.k"), "utf8")).toBe(flaskDemo);
    });

    it("takes a file absolute inside DIR as the file it names there, as --config does; a folder named ..x is inside", async () => {
      const dir = await tree();
      await mkdir(join(dir, "..x"));
      await writeFile(join(dir, "..x", "main.k"), flaskDemo);
      const result = await runCli([
        "update",
        dir,
        "--set",
        `${join(dir, "main.k")}:config.containers.flask_demo.image="kcllang/flask_demo:f1"`,
        "--set",
        `..x/main.k:config.containers.flask_demo.image="kcllang/flask_demo:f2"`,
        "--json",
      ]);
      expect(result.code, result.stderr).toBe(0);
      expect((JSON.parse(result.stdout) as { files: string[] }).files).toEqual(["..x/main.k", "main.k"]);
      expect(await readFile(join(dir, "main.k"), "utf8")).toBe(flaskDemo.replace(":f0", ":f1"));
      expect(await readFile(join(dir, "..x", "main.k"), "utf8")).toBe(flaskDemo.replace(":f0", ":f2"));
    });

    it("2 for a file of another kind than .k, .yaml or .yml, there or not: it is never edited as YAML", async () => {
      const dir = await tree();
      await writeFile(join(dir, "notes.txt"), "a: 1\n");
      const before = await snapshot(dir);
      for (const file of ["app/main.kcl", "notes.txt"]) {
        const result = await runCli(["update", dir, "--set", `${file}:a=2`]);
        expect([result.code, result.stderr]).toEqual([
          2,
          `error: --set: ${file} is not a .k, .yaml or .yml file, the only files a set edits\nnothing was written\n`,
        ]);
      }
      expect(await snapshot(dir)).toEqual(before);
    });

    it("1 for a misspelt configured override, at its line in the configuration, even in a run for another image", async () => {
      const dir = await tree();
      await mkdir(join(dir, ".github"));
      const config = "overrides:\n  - file: main.k\n    spec: config.containers.flaskdemo.image\n    image: kcllang/flask_demo\n";
      await writeFile(join(dir, ".github", "gitops-promote.yaml"), config);
      const before = await snapshot(dir);
      const result = await runCli(["update", dir, "--image", "helloworld:1.0.1"]);
      expect([result.code, result.stderr]).toEqual([
        1,
        "error: .github/gitops-promote.yaml:3: overrides[0].spec: main.k:2: config.containers has 'flask_demo', not 'flaskdemo' (to add config.containers.flaskdemo.image, use --create)\nnothing was written\n",
      ]);
      expect(await snapshot(dir)).toEqual(before);
    });
  });

  it("1 with --json still prints one JSON object, saying why nothing was written", async () => {
    const dir = await withMarker(join(CONFORMANCE, "flux-update-path", "appconfig"), "test-ns:policy1");
    await writeFile(join(dir, "values.yaml"), "a:\n  b: 1\n");
    const result = await runCli(["update", dir, "--set", "values.yaml:a.c=2", "--json"]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({
      changed: false,
      files: [],
      changes: [],
      warnings: [],
      errors: [{ file: "values.yaml", line: 2, message: "a.c: a has 'b', not 'c' (to add a.c, use --create)" }],
    });
  });

  it("1 for an issue in a file: file:line on stderr, file and line as fields in --json's errors", async () => {
    const dir = await withMarker(join(CONFORMANCE, "flux-update-path", "appconfig"), "test-ns:policy1");
    await writeFile(join(dir, "values.yaml"), "a:\n  b: 1\n");
    const human = await runCli(["update", dir, "--set", "values.yaml:a.c=2"]);
    expect([human.code, human.stderr]).toEqual([1, "error: values.yaml:2: a.c: a has 'b', not 'c' (to add a.c, use --create)\nnothing was written\n"]);
    const json = await runCli(["update", dir, "--set", "values.yaml:a.c=2", "--json"]);
    expect([json.code, (JSON.parse(json.stdout) as { errors: unknown }).errors]).toEqual([
      1,
      [{ file: "values.yaml", line: 2, message: "a.c: a has 'b', not 'c' (to add a.c, use --create)" }],
    ]);
  });

  it("2 for an override of a file that does not exist: a file named on the command line is found missing before any file is written", async () => {
    const dir = await withMarker(join(CONFORMANCE, "flux-update-path", "appconfig"), "test-ns:policy1");
    const result = await runCli(["update", dir, "--set", "missing.k:a.b=1"]);
    expect([result.code, result.stderr]).toEqual([2, `error: --set: missing.k does not exist in DIR (${dir})\nnothing was written\n`]);
  });
});

describe("a reader of the output that exits early (| head -c1, a jq that fails)", () => {
  it("ends the output quietly: the run's exit code, no stack trace, the files written", async () => {
    const dir = await withMarker(join(CONFORMANCE, "flux-update-path", "appconfig"), "test-ns:policy1");
    const child = spawn(process.execPath, [join(PROJECT, "dist", "cli.js"), "update", dir, "--setter", "test-ns:policy1=helloworld:1.0.1", "--json"]);
    // The reading end is closed before the CLI writes: its writes fail with EPIPE.
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect([code, stderr]).toEqual([0, ""]);
    expect(await readFile(join(dir, "deploy.yaml"), "utf8")).toContain("image: helloworld:1.0.1");
  });
});

describe("dispatch --dry-run piped into update --payload - (both sides of a promotion, tried locally)", () => {
  it("promotes what the payload names, in the targets it names", async () => {
    const dir = await tempDir("gp-pipe-");
    const deploy = "containers:\n  - name: app\n    image: ghcr.io/acme/app:1.0.0\n";
    const config = `targets:\n${["staging", "production"].map((name) => `  - name: ${name}\n    paths: ["${name}/**"]\n    images: [{ repository: ghcr.io/acme/app }]\n`).join("")}`;
    for (const [path, text] of Object.entries({ ".github/gitops-promote.yaml": config, "staging/deploy.yaml": deploy, "production/deploy.yaml": deploy })) {
      await mkdir(join(dir, path, ".."), { recursive: true });
      await writeFile(join(dir, path), text);
    }
    const cli = join(PROJECT, "dist", "cli.js");
    const dispatch = spawn(process.execPath, [
      cli,
      "dispatch",
      "--repository",
      "acme/manifests",
      "--image",
      "ghcr.io/acme/app:1.3.0",
      "--target",
      "staging",
      "--dry-run",
    ]);
    const update = spawn(process.execPath, [cli, "update", dir, "--payload", "-", "--dry-run"]);
    dispatch.stdout.pipe(update.stdin);
    let [stdout, stderr] = ["", ""];
    update.stdout.on("data", (d: Buffer) => (stdout += d));
    update.stderr.on("data", (d: Buffer) => (stderr += d));
    dispatch.stderr.on("data", (d: Buffer) => (stderr += d));
    const codes = await Promise.all([dispatch, update].map((child) => new Promise<number | null>((resolve) => child.on("close", resolve))));
    expect([codes, stderr]).toEqual([[0, 0], ""]);
    expect(stdout).toContain("target staging:\nstaging/deploy.yaml\n");
    expect(stdout).toContain("+    image: ghcr.io/acme/app:1.3.0\n");
    expect(stdout).not.toContain("production/");
    expect(await readFile(join(dir, "staging/deploy.yaml"), "utf8")).toBe(deploy);
  });
});

describe("a real kustomize renders what the CLI wrote", () => {
  withKubectl("kubectl kustomize shows the new image in the overlay", async () => {
    const dir = await scratchCopy(join(CONFORMANCE, "flux-update-path", "appconfig"));
    await mkdir(join(dir, "base"));
    await rename(join(dir, "deploy.yaml"), join(dir, "base", "deploy.yaml"));
    await writeFile(join(dir, "base", "kustomization.yaml"), "resources:\n  - deploy.yaml\n");
    await mkdir(join(dir, "overlays", "prod"), { recursive: true });
    const overlay = "resources:\n  - ../../base\nimages:\n  # pinned by CI\n  - name: helloworld\n    newName: ghcr.io/acme/helloworld\n    newTag: 1.0.0\n";
    await writeFile(join(dir, "overlays", "prod", "kustomization.yaml"), overlay);
    const result = await runCli(["update", dir, "--image", "ghcr.io/acme/helloworld:1.2.0", "--path", "overlays/**"]);
    expect(result.code, result.stderr).toBe(0);
    expect(await readFile(join(dir, "overlays", "prod", "kustomization.yaml"), "utf8")).toBe(overlay.replace("newTag: 1.0.0", "newTag: 1.2.0"));
    const rendered = kustomize(join(dir, "overlays", "prod"));
    expect(rendered).toContain("image: ghcr.io/acme/helloworld:1.2.0");
    expect(rendered).not.toContain("helloworld:1.0.0");
  });
});

describe("a bare base image that the overlays tag (onboarding review 7, 5)", () => {
  withKubectl("stays bare: the overlays' images: move, and each overlay renders the new tag", async () => {
    const dir = await tempDir("gp-cli-kustomize-");
    const deployment =
      "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  selector:\n    matchLabels: {app: api}\n  template:\n    metadata:\n      labels: {app: api}\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/api  # tag set by overlays\n";
    const overlay = (tag: string) => `resources:\n  - ../../base\nimages:\n  - name: ghcr.io/acme/api\n    newTag: ${tag}\n`;
    const files: Record<string, string> = {
      "apps/api/base/deployment.yaml": deployment,
      "apps/api/base/kustomization.yaml": "resources:\n  - deployment.yaml\n",
      "apps/api/overlays/staging/kustomization.yaml": overlay("1.4.0"),
      "apps/api/overlays/prod/kustomization.yaml": overlay("1.3.0"),
    };
    for (const [path, text] of Object.entries(files)) {
      await mkdir(join(dir, path, ".."), { recursive: true });
      await writeFile(join(dir, path), text);
    }
    const rendered = (env: string) => /image: (\S+)/.exec(kustomize(join(dir, "apps", "api", "overlays", env)))![1];
    expect([rendered("staging"), rendered("prod")]).toEqual(["ghcr.io/acme/api:1.4.0", "ghcr.io/acme/api:1.3.0"]);

    const result = await runCli(["update", dir, "--image", "ghcr.io/acme/api:1.5.0", "--path", "apps/api/overlays/staging", "--path", "apps/api/base"]);
    expect([result.code, result.stderr]).toEqual([0, ""]);
    expect(await readFile(join(dir, "apps/api/base/deployment.yaml"), "utf8")).toBe(deployment);
    expect([rendered("staging"), rendered("prod")]).toEqual(["ghcr.io/acme/api:1.5.0", "ghcr.io/acme/api:1.3.0"]);
  });
});

describe("multi-cluster fan-out under Flux ImagePolicy objects", () => {
  const fixture = join(import.meta.dirname, "fixtures", "multi-cluster");
  const tagIn = async (dir: string, env: string) => /tag: (\S+)/.exec(await readFile(join(dir, "clusters", env, "app", "values.yaml"), "utf8"))![1];

  it("a release candidate reaches staging only, a release both, an older build neither", async () => {
    const dir = await scratchCopy(fixture);
    const update = async (image: string) => {
      const result = await runCli(["update", dir, "--image", image, "--json"]);
      expect(result.code, result.stderr).toBe(0);
      return JSON.parse(result.stdout) as { files: string[] };
    };

    expect((await update("ghcr.io/acme/app:1.1.0-rc.1")).files).toEqual(["clusters/staging/app/values.yaml"]);
    expect([await tagIn(dir, "staging"), await tagIn(dir, "prod")]).toEqual(["1.1.0-rc.1", "1.0.0"]);

    expect((await update("ghcr.io/acme/app:1.1.0")).files).toEqual(["clusters/prod/app/values.yaml", "clusters/staging/app/values.yaml"]);
    expect([await tagIn(dir, "staging"), await tagIn(dir, "prod")]).toEqual(["1.1.0", "1.1.0"]);

    const late = await update("ghcr.io/acme/app:1.0.9");
    expect(late.files).toEqual([]);
    expect([await tagIn(dir, "staging"), await tagIn(dir, "prod")]).toEqual(["1.1.0", "1.1.0"]);
  });

  it("--path to one cluster's app still finds that cluster's ImagePolicy objects in flux-system/", async () => {
    const dir = await scratchCopy(fixture);
    const result = await runCli(["update", dir, "--image", "ghcr.io/acme/app:1.1.0", "--path", "clusters/staging/app", "--json"]);
    expect([result.code, result.stderr]).toEqual([0, ""]);
    expect((JSON.parse(result.stdout) as { files: string[] }).files).toEqual(["clusters/staging/app/values.yaml"]);
    expect([await tagIn(dir, "staging"), await tagIn(dir, "prod")]).toEqual(["1.1.0", "1.0.0"]);
  });

  it("only the tag's bytes change", async () => {
    const dir = await scratchCopy(fixture);
    await runCli(["update", dir, "--image", "ghcr.io/acme/app:1.1.0"]);
    const before = await readFile(join(fixture, "clusters", "prod", "app", "values.yaml"), "utf8");
    expect(await readFile(join(dir, "clusters", "prod", "app", "values.yaml"), "utf8")).toBe(before.replace("tag: 1.0.0 #", "tag: 1.1.0 #"));
  });

  it("groups changes by target when targets are configured", async () => {
    const dir = await scratchCopy(fixture);
    await mkdir(join(dir, ".github"));
    await writeFile(
      join(dir, ".github", "gitops-promote.yaml"),
      [
        "targets:",
        "  - name: staging",
        '    paths: ["clusters/staging/**"]',
        "    images:",
        "      - repository: ghcr.io/acme/app",
        "  - name: production",
        '    paths: ["clusters/prod/**"]',
        "    images:",
        "      - repository: ghcr.io/acme/app",
        '        policy: { semver: { range: "^1.0.0" } }',
        "",
      ].join("\n"),
    );
    const untouched = await scratchCopy(dir);
    const result = await runCli(["update", dir, "--image", "ghcr.io/acme/app:1.2.0", "--json"]);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { targets: { name: string; files: string[] }[]; changes: { target?: string }[] };
    expect(report.targets).toEqual([
      { name: "staging", files: ["clusters/staging/app/values.yaml"] },
      { name: "production", files: ["clusters/prod/app/values.yaml"] },
    ]);
    expect(new Set(report.changes.map((c) => c.target))).toEqual(new Set(["staging", "production"]));
    const human = await runCli(["update", untouched, "--image", "ghcr.io/acme/app:1.2.0"]);
    expect(human.stdout).toMatch(/^target staging:\nclusters\/staging\/app\/values\.yaml\n[\s\S]*^target production:\nclusters\/prod\/app\/values\.yaml\n/m);
  });
});

describe("one repo, two clusters, each with its own Flux objects of the same names", () => {
  const fixture = join(import.meta.dirname, "fixtures", "flux-clusters");
  const imageIn = async (dir: string, env: string) => /image: (\S+)/.exec(await readFile(join(dir, "clusters", env, "app", "deploy.yaml"), "utf8"))![1];
  const update = async (dir: string, ...args: string[]) => {
    const result = await runCli(["update", dir, ...args, "--json"]);
    expect(result.code, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as { files: string[]; warnings: { file?: string; line?: number; message: string }[] };
  };

  it("each cluster's marker moves under that cluster's own ImagePolicy", async () => {
    const dir = await scratchCopy(fixture);
    expect((await update(dir, "--image", "ghcr.io/acme/app:1.2.1")).files).toEqual(["clusters/prod/app/deploy.yaml", "clusters/staging/app/deploy.yaml"]);
    const report = await update(dir, "--image", "ghcr.io/acme/app:2.0.0");
    expect(report.files).toEqual(["clusters/prod/app/deploy.yaml"]);
    expect([await imageIn(dir, "prod"), await imageIn(dir, "staging")]).toEqual(["ghcr.io/acme/app:2.0.0", "ghcr.io/acme/app:1.2.1"]);
  });

  it("--path to staging: staging's policy refuses 2.0.0, and the warning points at it", async () => {
    const dir = await scratchCopy(fixture);
    const report = await update(dir, "--image", "ghcr.io/acme/app:2.0.0", "--path", "clusters/staging");
    expect(report).toMatchObject({ files: [] });
    expect(report.warnings).toEqual([
      {
        file: "clusters/staging/flux-system/images.yaml",
        line: 10,
        message: "setter flux-system:app: tag 2.0.0 is outside its policy (semver 1.2.x); marked values are left as they are",
        kind: "policy-refusal",
      },
    ]);
    expect(await imageIn(dir, "staging")).toBe("ghcr.io/acme/app:1.2.0");
  });

  it("the multi-cluster fixture's ImageRepository, the same in both clusters, is no news", async () => {
    const report = await update(await scratchCopy(join(import.meta.dirname, "fixtures", "multi-cluster")), "--image", "ghcr.io/acme/app:1.1.0");
    expect(report.warnings).toEqual([]);
  });
});
