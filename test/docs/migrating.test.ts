/**
 * docs/migrating.md's examples, read from the page and run through `gitops-promote update` or the KCL override engine,
 * so that the page and the tool cannot drift apart silently. The page's other claims are pinned where their code is
 * tested: test/kcl/override.test.ts (`+=`, deletes, refusals and their messages, `5.10` over a string),
 * test/kcl/spec-value.test.ts and test/cli/update.test.ts (values refused as bad usage), test/yaml/path.test.ts (a tag
 * written as a string, `newTag` beside a `digest`), test/action/update.test.ts (a Flux `messageTemplate`'s `.AutomationObject`
 * and `.Values` as the update Action renders them).
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runMain, snapshot } from "../support/cli.js";
import { blockAfter, doc } from "../support/readme.js";
import { tempDir } from "../support/temp.js";
import { readConformance } from "../kcl/corpus.js";
import { applyOverrides } from "../../src/kcl/override.js";

const page = doc("migrating.md");

/** The page's one inline code span matching `pattern`, whose first group is returned. */
function quoted(pattern: RegExp): string {
  const found = [...page.matchAll(new RegExp(`\`${pattern.source}\``, "g"))];
  if (found.length !== 1) throw new Error(`docs/migrating.md has ${found.length} code spans matching ${String(pattern)}`);
  return found[0]![1]!;
}

/** A scratch repository holding `files` (path -> text). */
async function tree(files: Record<string, string>): Promise<string> {
  const dir = await tempDir("gp-migrating-");
  for (const [file, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await writeFile(join(dir, file), text);
  }
  return dir;
}

describe("Coming from Flux image automation", () => {
  const fluxObjects = [
    "apiVersion: image.toolkit.fluxcd.io/v1\nkind: ImageRepository\nmetadata: {name: app, namespace: flux-system}\nspec: {image: ghcr.io/acme/app}\n",
    'apiVersion: image.toolkit.fluxcd.io/v1\nkind: ImagePolicy\nmetadata: {name: app, namespace: flux-system}\nspec:\n  imageRepositoryRef: {name: app}\n  policy: {semver: {range: ">=1.0.0"}}\n',
  ];
  const automation =
    "apiVersion: image.toolkit.fluxcd.io/v1\nkind: ImageUpdateAutomation\nmetadata: {name: flux-system, namespace: flux-system}\nspec:\n  suspend: true\n  update: {path: ./clusters/prod, strategy: Setters}\n";
  const marked = 'image: ghcr.io/acme/app:1.2.3 # {"$imagepolicy": "flux-system:app"}\n';
  // clusters/lab's marker is one the automation never set: outside its spec.update.path.
  const repo = (objects: string[]) =>
    tree({ "flux-system/image-automation.yaml": objects.join("---\n"), "clusters/prod/app.yaml": marked, "clusters/lab/app.yaml": marked });

  it("a suspended automation's spec.update.path still scopes its markers; deleting the automation sets markers outside it too", async () => {
    expect(page).toMatch(/Deleting it drops that\s+scope/);
    const suspended = await repo([...fluxObjects, automation]);
    const kept = await runMain(["update", suspended, "--image", "ghcr.io/acme/app:1.2.4"]);
    expect(kept.code).toBe(0);
    expect(kept.stderr).toMatch(/^warning: clusters\/lab\/app\.yaml:1: Flux setter "flux-system:app" is set only in files under the spec\.update\.path/);
    expect(await readFile(join(suspended, "clusters/prod/app.yaml"), "utf8")).toBe(marked.replace("1.2.3", "1.2.4"));
    expect(await readFile(join(suspended, "clusters/lab/app.yaml"), "utf8")).toBe(marked);

    const deleted = await repo(fluxObjects);
    expect(await runMain(["update", deleted, "--image", "ghcr.io/acme/app:1.2.4"])).toMatchObject({ code: 0, stderr: "" });
    expect(await readFile(join(deleted, "clusters/lab/app.yaml"), "utf8")).toBe(marked.replace("1.2.3", "1.2.4"));
  });

  it("reads spec.policySelector: a marker whose policy the selector leaves out is left with a warning, as Flux leaves it; labelled, it moves", async () => {
    expect(page).toMatch(/`spec\.policySelector` is read as Flux reads it/);
    const selecting = automation.replace("  update:", "  policySelector: {matchLabels: {env: prod}}\n  update:");
    const dir = await repo([...fluxObjects, selecting]);
    const left = await runMain(["update", dir, "--image", "ghcr.io/acme/app:1.2.4"]);
    expect(left.code).toBe(0);
    expect(left.stderr).toMatch(
      /^warning: clusters\/prod\/app\.yaml:1: Flux setter "flux-system:app" is left out by the spec\.policySelector of the ImageUpdateAutomation that updates this file: flux-system\/flux-system \(flux-system\/image-automation\.yaml:\d+\) selects env=prod, .*\(label the ImagePolicy so that a selector picks it, or widen the selector\)$/m,
    );
    expect(await readFile(join(dir, "clusters/prod/app.yaml"), "utf8")).toBe(marked);

    const labelled = await repo([
      fluxObjects[0]!,
      fluxObjects[1]!.replace("namespace: flux-system}", "namespace: flux-system, labels: {env: prod}}"),
      selecting,
    ]);
    expect(await runMain(["update", labelled, "--image", "ghcr.io/acme/app:1.2.4"])).toMatchObject({ code: 0 });
    expect(await readFile(join(labelled, "clusters/prod/app.yaml"), "utf8")).toBe(marked.replace("1.2.3", "1.2.4"));
  });

  it.each([
    ["labels: pairs", "labels:\n  - pairs: {env: prod}\n"],
    ["commonLabels", "commonLabels: {env: prod}\n"],
  ])("reads the labels a kustomization building the ImagePolicy adds, as the cluster has them: its %s moves the marker", async (_, labels) => {
    expect(page).toMatch(/under\s+those a kustomization building their file adds\s+with `labels:` or `commonLabels:`/);
    const selecting = automation.replace("  update:", "  policySelector: {matchLabels: {env: prod}}\n  update:");
    const dir = await tree({
      "flux-system/image-automation.yaml": [...fluxObjects, selecting].join("---\n"),
      "flux-system/kustomization.yaml": `resources: [image-automation.yaml]\n${labels}`,
      "clusters/prod/app.yaml": marked,
    });
    expect(await runMain(["update", dir, "--image", "ghcr.io/acme/app:1.2.4"])).toMatchObject({ code: 0, stderr: "" });
    expect(await readFile(join(dir, "clusters/prod/app.yaml"), "utf8")).toBe(marked.replace("1.2.3", "1.2.4"));
  });
});

describe("Coming from updatecli", () => {
  const values = "image:\n  repository: ghcr.io/acme/app\n  tag: 1.2.3\n";

  it("sets a tag a key names with the page's one-off --set", async () => {
    const set = quoted(/--set (values\.yaml:image\.tag=[^`]+)/);
    const dir = await tree({ "values.yaml": values });
    expect(await runMain(["update", dir, "--set", set])).toMatchObject({ code: 0, stderr: "" });
    expect(await readFile(join(dir, "values.yaml"), "utf8")).toBe(values.replace("1.2.3", set.slice(set.indexOf("=") + 1)));
  });

  it("refuses the key written as updatecli's $.image.tag as bad usage (exit 2), writing nothing", async () => {
    expect(page).toMatch(/`\$\.image\.tag` is\s+refused, exit 2/);
    const key = quoted(/(\$\.[^`=]+)/);
    const dir = await tree({ "values.yaml": values });
    const before = await snapshot(dir);
    const result = await runMain(["update", dir, "--set", `values.yaml:${key}=1.2.4`]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: values\.yaml: invalid path "\$\.image\.tag": .*\nnothing was written\n$/);
    expect(await snapshot(dir)).toEqual(before);
  });
});

describe("Coming from argocd-image-updater", () => {
  const section = page.slice(page.indexOf("## Coming from argocd-image-updater"), page.indexOf("## Coming from create-pull-request"));
  const application = (name: string, path: string, parameters: string) =>
    `apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata: {name: ${name}}\nspec:\n  source:\n    repoURL: https://github.com/acme/manifests\n    path: ${path}\n    helm:\n      parameters:\n${parameters}`;
  // What image-updater's git write-back leaves in the source path: every parameter, forcestring, sorted.
  const written = (parameters: [string, string][]) =>
    `helm:\n  parameters:\n${parameters.map(([name, value]) => `  - name: ${name}\n    value: ${value}\n    forcestring: true\n`).join("")}`;
  const config = (targets: string) => ({ ".github/gitops-promote.yaml": `targets:\n${targets}` });

  it("moves an .argocd-source file in the Application's source path once the target names it, as the page's paths do; left out, it is said", async () => {
    const paths = quoted(/paths: (\["apps\/staging\/\*\*", [^`]+\])/);
    const files = {
      "apps/staging/web.yaml": application(
        "web-staging",
        "base/web",
        "        - {name: image.name, value: ghcr.io/acme/web}\n        - {name: image.tag, value: 1.2.0}\n",
      ),
      "base/web/.argocd-source-web-staging.yaml": written([
        ["image.name", "ghcr.io/acme/web"],
        ["image.tag", "1.2.3"],
      ]),
    };
    const target = (p: string) => `  - name: staging\n    paths: ${p}\n    images: [{repository: ghcr.io/acme/web}]\n`;
    const left = await tree({ ...files, ...config(target('["apps/staging/**"]')) });
    const said = await runMain(["update", left, "--image", "ghcr.io/acme/web:1.3.0"]);
    expect(said.code).toBe(0);
    expect(said.stderr).toMatch(/^warning: base\/web\/\.argocd-source-web-staging\.yaml:4: .* this file is in no target \(targets: staging\)$/m);
    expect(await readFile(join(left, "base/web/.argocd-source-web-staging.yaml"), "utf8")).toBe(files["base/web/.argocd-source-web-staging.yaml"]);

    const named = await tree({ ...files, ...config(target(paths)) });
    expect(await runMain(["update", named, "--image", "ghcr.io/acme/web:1.3.0"])).toMatchObject({ code: 0, stderr: "" });
    expect(await readFile(join(named, "base/web/.argocd-source-web-staging.yaml"), "utf8")).toBe(
      files["base/web/.argocd-source-web-staging.yaml"].replace("1.2.3", "1.3.0"),
    );
  });

  it("names a tag under helm.image-name/image-tag's names in the Application, its .argocd-source file and a helmvalues file; the entries the warnings give move each", async () => {
    expect(section).toMatch(/so are a values file's keys under those names/);
    const files = {
      "apps/worker.yaml": application(
        "worker",
        "charts/worker",
        "        - {name: worker.image.repo, value: ghcr.io/acme/worker}\n        - {name: worker.image.version, value: 1.4.0}\n",
      ),
      "charts/worker/.argocd-source-worker.yaml": written([
        ["worker.image.repo", "ghcr.io/acme/worker"],
        ["worker.image.version", "1.4.1"],
      ]),
      "charts/worker/values.yaml": "worker:\n  image:\n    repo: ghcr.io/acme/worker\n    version: 1.4.1\n",
    };
    const dir = await tree(files);
    const first = await runMain(["update", dir, "--image", "ghcr.io/acme/worker:1.5.0"]);
    expect(first.code).toBe(0);
    const entries = [...first.stderr.matchAll(/\(file: ([^,]+), spec: ([^,]+), image: ([^,]+), part: tag\)$/gm)].map(([, file, spec, image]) => ({
      file,
      spec,
      image,
    }));
    expect(entries.map(({ file }) => file).sort()).toEqual(Object.keys(files).sort());

    await mkdir(join(dir, ".github"));
    await writeFile(
      join(dir, ".github/gitops-promote.yaml"),
      `overrides:\n${entries.map(({ file, spec, image }) => `  - {file: ${file}, spec: "${spec}", image: ${image}, part: tag}\n`).join("")}`,
    );
    expect(await runMain(["update", dir, "--image", "ghcr.io/acme/worker:1.5.0"])).toMatchObject({ code: 0, stderr: "" });
    for (const [file, text] of Object.entries(files)) expect(await readFile(join(dir, file), "utf8")).toBe(text.replace(/1\.4\.[01]/, "1.5.0"));
  });

  it("takes allow-tags as filterTags beside the strategy's policy, as the page writes it; alone, or with regexp:, it is a configuration error", async () => {
    const policy = quoted(/policy: (\{semver: [^`]+\})/);
    const app = {
      "apps/web.yaml": application(
        "web",
        "charts/web",
        "        - {name: image.repository, value: ghcr.io/acme/web}\n        - {name: image.tag, value: 1.2.0}\n",
      ),
    };
    const run = async (p: string, tag: string) => {
      const dir = await tree({
        ...app,
        ...config(`  - name: prod\n    paths: [apps]\n    images:\n      - repository: ghcr.io/acme/web\n        policy: ${p}\n`),
      });
      return { ...(await runMain(["update", dir, "--image", `ghcr.io/acme/web:${tag}`])), text: await readFile(join(dir, "apps/web.yaml"), "utf8") };
    };
    expect((await run(policy, "1.2.5")).text).toBe(app["apps/web.yaml"].replace("1.2.0", "1.2.5"));
    for (const tag of ["1.3.0", "1.2.5-rc.1"])
      expect((await run(policy, tag)).stderr).toMatch(
        new RegExp(`^warning: target prod: ghcr\\.io/acme/web:${tag.replace(/\./g, "\\.")} is outside its policy`, "m"),
      );

    const filter = policy.slice(policy.indexOf("filterTags"), -1);
    const alone = await run(`{${filter}}`, "1.2.5");
    expect(alone.code).toBe(1);
    expect(alone.stderr).toContain(`policy: ${quoted(/(needs one of\s+semver, alphabetical, numerical)/).replace(/\s+/g, " ")}`);
    expect((await run(policy.replace("pattern: '", "pattern: 'regexp:"), "1.2.5")).stderr).toContain("`regexp:` is argocd-image-updater's prefix");
  });

  it("keeps image-updater's tag@digest form in a Helm tag, moving tag and digest as announced", async () => {
    expect(section).toMatch(/`tag@digest` form in a Helm tag is kept/);
    const [old, announced] = ["a", "b"].map((c) => `sha256:${c.repeat(64)}`);
    const text = application(
      "web",
      "charts/web",
      `        - {name: image.name, value: ghcr.io/acme/web}\n        - {name: image.tag, value: "latest@${old}"}\n`,
    );
    const dir = await tree({ "apps/web.yaml": text });
    expect(await runMain(["update", dir, "--image", `ghcr.io/acme/web:latest@${announced}`])).toMatchObject({ code: 0, stderr: "" });
    expect(await readFile(join(dir, "apps/web.yaml"), "utf8")).toBe(text.replace(old!, announced!));
  });
});

describe("Coming from kcl -O", () => {
  it("names a key set only in an if entry in the missing-key error, as the page quotes it", () => {
    const said = quoted(/('tier' is set only in an if entry \(line \d+\), which -O does not reach)/);
    const text = ['env = "prod"', "app = {", '    name = "web"', '    if env == "prod":', '        tier = "gold"', "}", ""].join("\n");
    expect(() => applyOverrides(text, ['app.tier="silver"'])).toThrow(said.replace(/\(line \d+\)/, "(line 5)"));
  });
});

describe("Coming from kcl -O: the flask-demo workflow's step", () => {
  // The step as a workflow runs it: GitHub fills in the inputs before the Action reads its `set`.
  const sha = "0a1b2c3d4e5f60718293a4b5c6d7e8f901234567";
  const step = (parse(blockAfter("The flask-demo workflow's step", "yaml", page)) as { uses?: string; with?: { set?: string } }[]).find((s) =>
    s.uses?.includes("/gitops-promote@"),
  );
  const set = step?.with?.set?.replace("${{ github.event.inputs.image }}", "kcllang/flask_demo").replace("${{ github.event.inputs.sha-tag }}", sha);

  it("with the update Action sets the image of today's main.k, whose key is flaskdemo, and nothing else", async () => {
    const text = readConformance("corpus-flask-demo/main.k");
    const dir = await tree({ "main.k": text });
    expect(await runMain(["update", dir, "--set", set!])).toMatchObject({ code: 0, stderr: "" });
    expect(await readFile(join(dir, "main.k"), "utf8")).toBe(text.replace(/kcllang\/flask_demo:[0-9a-f]{40}/, `kcllang/flask_demo:${sha}`));
  });
});
