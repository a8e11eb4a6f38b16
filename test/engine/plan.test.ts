import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseConfig } from "../../src/engine/config.js";
import { planUpdate, warnedOf, type Plan } from "../../src/engine/plan.js";
import { RequestError, type RequestIssue, type UpdateRequest } from "../../src/engine/request.js";
import type { TreeSource } from "../../src/engine/source.js";
import type { FieldNamer } from "../../src/field-name.js";
import { actionFieldName, cliFieldName } from "../support/faces.js";

/** A tree in memory: path -> text (or raw bytes). */
function tree(files: Record<string, string | Uint8Array>): TreeSource {
  return {
    async *list() {
      yield* Object.keys(files).sort();
    },
    read: async (path) => {
      const content = files[path];
      if (content === undefined) throw new Error(`no ${path}`);
      return typeof content === "string" ? Buffer.from(content) : content;
    },
  };
}

function plan(files: Record<string, string | Uint8Array>, request: Partial<UpdateRequest>): Promise<Plan> {
  return planUpdate(tree(files), { images: [], setters: [], sets: [], paths: [], ...request });
}

async function refusal(files: Record<string, string | Uint8Array>, request: Partial<UpdateRequest>): Promise<readonly RequestIssue[]> {
  try {
    await plan(files, request);
  } catch (error) {
    if (error instanceof RequestError) return error.issues;
    throw error;
  }
  throw new Error("expected a RequestError");
}

const afterOf = (p: Plan, path: string) => p.files.find((f) => f.path === path)?.after;

const CONFIG = `targets:
  - name: staging
    paths: ["staging/**"]
    images:
      - repository: ghcr.io/acme/app
        policy: { semver: { range: ">=1.0.0-0" } }
  - name: prod
    paths: ["prod/**"]
    images:
      - repository: ghcr.io/acme/app
        policy: { semver: { range: "^1.0.0" } }
  - name: tools
    paths: ["tools/**"]
    images:
      - repository: ghcr.io/acme/tool
setters:
  "flux-system:app": { image: ghcr.io/acme/app, policy: { semver: { range: "1.x" } } }
`;
/** A file in each of CONFIG's target directories, for trees that need none there: a target path that matches no file is warned about. */
const TARGET_DIRS = { "staging/.keep": "", "prod/.keep": "", "tools/.keep": "" };

describe("planUpdate: what is scanned", () => {
  it("edits an image inside a YAML 1.1 !!omap, and a tree holding one plans (it once stopped every run)", async () => {
    const p = await plan(
      { "ordered.yaml": "%YAML 1.1\n---\n!!omap\n- first: &a 1\n- image: ghcr.io/acme/app:1.0.0\n", "deploy.yaml": "image: ghcr.io/acme/app:1.0.0\n" },
      { images: ["ghcr.io/acme/app:1.1.0"] },
    );
    expect(afterOf(p, "ordered.yaml")).toBe("%YAML 1.1\n---\n!!omap\n- first: &a 1\n- image: ghcr.io/acme/app:1.1.0\n");
    expect(afterOf(p, "deploy.yaml")).toBe("image: ghcr.io/acme/app:1.1.0\n");
  });

  it("edits every candidate file and returns only the changed ones, in path order", async () => {
    const p = await plan(
      {
        "b.yaml": "image: nginx:1.0\n",
        "a/c.yml": "image: docker.io/library/nginx:1.0\n",
        "other.yaml": "image: redis:1\n",
        "README.md": "image: nginx:1.0\n",
      },
      { images: ["nginx:1.2"] },
    );
    expect(p.files.map((f) => f.path)).toEqual(["a/c.yml", "b.yaml"]);
    expect(p.changes.map((c) => [c.file, c.line, c.kind, c.old, c.new])).toEqual([
      ["a/c.yml", 1, "image", "docker.io/library/nginx:1.0", "docker.io/library/nginx:1.2"],
      ["b.yaml", 1, "image", "nginx:1.0", "nginx:1.2"],
    ]);
  });

  it("lists files in path order whatever order the source lists them in, a file only an override names among them", async () => {
    // A file under .github/ is no manifest: only the --set names it.
    const files: Record<string, string> = {
      "b.yaml": "image: nginx:1.0\n",
      ".github/a.yaml": "tag: 1.0\n",
      "a/c.yml": "image: nginx:1.0\n",
    };
    const reversed: TreeSource = {
      ...tree(files),
      list: async function* () {
        yield* Object.keys(files).sort().reverse();
      },
    };
    const p = await planUpdate(reversed, { images: ["nginx:1.2"], setters: [], sets: [".github/a.yaml:tag=2.0"], paths: [] });
    expect(p.files.map((f) => f.path)).toEqual([".github/a.yaml", "a/c.yml", "b.yaml"]);
  });

  it("refuses the first file overrides name that is not UTF-8, in the order they are named", async () => {
    const bad = Buffer.from("tag: caf\xe9\n", "latin1");
    const issues = await refusal({ "a.yaml": bad, "b.yaml": bad }, { sets: ["b.yaml:tag=1", "a.yaml:tag=1"] });
    expect(issues).toEqual([{ file: "b.yaml", message: "not UTF-8 text; left as it is" }]);
  });

  it("refuses a --set aimed at a file that does not parse, with an image or without; an image alone only warns there: the set would be skipped", async () => {
    const files = { "app/main.k": 'app = {\n    image = "ghcr.io/acme/app:1.0"\n    tag = "1.0"\n' };
    const images = ["ghcr.io/acme/app:1.2"];
    const sets = ['app/main.k:app.tag="1.2"'];
    const refused = [{ file: "app/main.k", line: 1, message: "'{' is never closed" }];
    expect([await refusal(files, { sets }), await refusal(files, { images, sets })]).toEqual([refused, refused]);
    const imaged = await plan(files, { images });
    expect([imaged.files, imaged.warnings.map((w) => [w.file, w.message])]).toEqual([[], [["app/main.k", "not edited: '{' is never closed"]]]);
  });

  it("edits the tree around a file whose name holds a backslash or a control character, saying first that a manifest so named is left out", async () => {
    const files = { "apps\\web.yaml": "image: nginx:1.0\n", "docs/notes\tv2.md": "nginx:1.0\n", "d.yaml": "image: nginx:1.0\n" };
    const p = await plan(files, { images: ["nginx:1.2"] });
    expect(p.files.map((f) => f.path)).toEqual(["d.yaml"]);
    expect(p.warnings.map((w) => w.message.split(":")[0])).toEqual(['"apps\\\\web.yaml" is left out']);
    // Named by a request, it is refused still: no path written there reaches it.
    expect(await refusal(files, { images: ["nginx:1.2"], sets: ["apps\\web.yaml:image=nginx:1.2"] })).toEqual([
      { message: "set[0]: apps\\web.yaml does not exist" },
    ]);
  });

  it("never scans .github/ (workflows are not manifests)", async () => {
    const p = await plan({ ".github/workflows/ci.yaml": "image: nginx:1.0\n", "d.yaml": "image: nginx:1.0\n" }, { images: ["nginx:1.2"] });
    expect(p.files.map((f) => f.path)).toEqual(["d.yaml"]);
  });

  it("leaves KCL test files (*_test.k) to `kcl test` unless an override names one: their asserts expect the fixtures as they are", async () => {
    const fixture = 'app = {image = "ghcr.io/acme/app:1.0"}\nassert app.image == "ghcr.io/acme/app:1.0"\n';
    const files = { "main.k": 'app = {image = "ghcr.io/acme/app:1.0"}\n', "main_test.k": fixture };
    expect((await plan(files, { images: ["ghcr.io/acme/app:1.2"] })).files.map((f) => f.path)).toEqual(["main.k"]);
    const named = await plan(files, { sets: ['main_test.k:app.image="ghcr.io/acme/app:1.2"'] });
    expect(named.files.map((f) => f.path)).toEqual(["main_test.k"]);
  });

  it("never edits the configuration file, wherever --config puts it", async () => {
    const config = 'setters:\n  "ns:app": { image: ghcr.io/acme/app }\n';
    const p = await plan(
      { "deploy/gitops.yaml": config, "deploy/d.yaml": "image: ghcr.io/acme/app:1.0\n" },
      { images: ["ghcr.io/acme/app:1.1"], config: "deploy/gitops.yaml" },
    );
    expect(p.files.map((f) => f.path)).toEqual(["deploy/d.yaml"]);
  });

  describe("a configuration where none is read", () => {
    const config =
      "targets:\n  - name: prod\n    paths: [prod/**]\n    images:\n      - repository: ghcr.io/acme/app\n        policy: { semver: { range: ^1.0.0 } }\n";
    const override = "overrides:\n  - file: kcl/main.k\n    spec: app.image\n    image: ghcr.io/acme/app\n";
    const PROD = { "prod/deploy.yaml": "image: ghcr.io/acme/app:1.2.0\n" };
    const RC = { images: ["ghcr.io/acme/app:1.3.0-rc.1"] };

    it("at the root, beside .github/, where none is read: stops the run, which would take the release candidate to prod, and says the ways on", async () => {
      expect(await refusal({ "gitops-promote.yaml": config + override, ...PROD }, RC)).toEqual([
        {
          file: "gitops-promote.yaml",
          field: "request",
          message:
            "not read: a configuration is read only from .github/gitops-promote.yaml (or .yml) at the root, so its targets, their policies and its overrides would not apply, and this run would edit every file alike; " +
            "move it to .github/gitops-promote.yaml, or read it where it is with --config gitops-promote.yaml (config: gitops-promote.yaml in the Action), or run without a configuration with --config none (config: none)",
        },
      ]);
      // Read where it is, its policy keeps the release candidate out of prod.
      const read = await plan({ "gitops-promote.yaml": config, ...PROD }, { ...RC, config: "gitops-promote.yaml" });
      expect([read.files, read.warnings.map((w) => w.message)]).toEqual([
        [],
        ["target prod: ghcr.io/acme/app:1.3.0-rc.1 is outside its policy (semver ^1.0.0); not edited there"],
      ]);
      // Without one, as asked (config: none): the file is still no manifest, and is said so.
      const none = await plan({ "gitops-promote.yaml": config, ...PROD }, { ...RC, config: "none" });
      expect(none.files.map((f) => f.path)).toEqual(["prod/deploy.yaml"]);
      expect(none.warnings.map((w) => [w.file, w.message])).toEqual([
        [
          "gitops-promote.yaml",
          "not read, as a configuration or a manifest: the run reads no configuration (config none), so its targets, their policies and its overrides do not apply to this run; to apply them, name it as the configuration instead of none",
        ],
      ]);
    });

    it("at the root beside the one read, or the one --config names, is neither either", async () => {
      const files = { ".github/gitops-promote.yml": config, "gitops-promote.yml": override, ...PROD };
      expect((await plan(files, RC)).warnings.map((w) => [w.file, w.message])).toEqual([
        [
          "gitops-promote.yml",
          "not read, as a configuration or a manifest: the configuration read is .github/gitops-promote.yml, so its targets, their policies and its overrides do not apply to this run; to apply them, move them into that configuration",
        ],
        [undefined, "target prod: ghcr.io/acme/app:1.3.0-rc.1 is outside its policy (semver ^1.0.0); not edited there"],
      ]);
      const named = await plan(
        { "deploy/gitops.yaml": config.replace("prod/**", "deploy/**"), "gitops-promote.yaml": override, "deploy/d.yaml": PROD["prod/deploy.yaml"] },
        { ...RC, config: "deploy/gitops.yaml" },
      );
      expect(named.warnings[0]).toMatchObject({
        file: "gitops-promote.yaml",
        message: expect.stringContaining(": the configuration read is deploy/gitops.yaml, so"),
      });
      // The file --config names is the configuration, whatever its name.
      const read = await plan({ "gitops-promote.yaml": config, ...PROD }, { ...RC, config: "gitops-promote.yaml" });
      expect(read.warnings.map((w) => w.message)).toEqual(["target prod: ghcr.io/acme/app:1.3.0-rc.1 is outside its policy (semver ^1.0.0); not edited there"]);
    });

    it("so named but a manifest (a Deployment of an app called gitops-promote): is edited as one, with nothing said", async () => {
      const deployment =
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: gitops-promote\nspec:\n  template:\n    spec:\n      containers:\n        - image: ghcr.io/acme/app:1.2.0\n";
      const p = await plan({ "gitops-promote.yaml": deployment }, { images: ["ghcr.io/acme/app:1.2.1"] });
      expect(p.files.map((f) => f.path)).toEqual(["gitops-promote.yaml"]);
      expect(p.warnings).toEqual([]);
    });

    it("in a .github/ below the root (a tree holding other trees, as examples/): names the tree it configures", async () => {
      const p = await plan({ "examples/targets/.github/gitops-promote.yaml": config, "examples/targets/prod/deploy.yaml": PROD["prod/deploy.yaml"] }, RC);
      expect(p.files.map((f) => f.path)).toEqual(["examples/targets/prod/deploy.yaml"]);
      expect(p.warnings).toEqual([
        {
          file: "examples/targets/.github/gitops-promote.yaml",
          message:
            "not read, as a configuration or a manifest: a configuration is read only from .github/gitops-promote.yaml (or .yml) at the root, so its targets, their policies and its overrides do not apply to this run; to apply them, run gitops-promote update on examples/targets, the tree it configures",
          aside: true,
        },
      ]);
    });
  });

  it("says of an ImageUpdateAutomation not suspended only where the run changes a file under its path", async () => {
    const automation =
      "apiVersion: image.toolkit.fluxcd.io/v1beta2\nkind: ImageUpdateAutomation\nmetadata:\n  name: apps\n  namespace: flux-system\nspec:\n  update:\n    path: ./apps\n";
    const files = {
      "flux-system/automation.yaml": automation,
      "apps/d.yaml": "image: ghcr.io/acme/app:1.0.0\n",
      "tools/d.yaml": "image: ghcr.io/acme/tool:1.0.0\n",
    };
    const racing = await plan(files, { images: ["ghcr.io/acme/app:1.1.0"] });
    expect(racing.warnings).toEqual([
      {
        file: "flux-system/automation.yaml",
        line: 1,
        message: expect.stringMatching(/^ImageUpdateAutomation flux-system\/apps is not suspended: /),
        aside: true,
      },
    ]);
    expect((await plan(files, { images: ["ghcr.io/acme/tool:1.1.0"] })).warnings).toEqual([]);
  });

  it("scans only what --path globs match", async () => {
    const p = await plan({ "a/d.yaml": "image: nginx:1.0\n", "b/d.yaml": "image: nginx:1.0\n" }, { images: ["nginx:1.2"], paths: ["b/**"] });
    expect(p.files.map((f) => f.path)).toEqual(["b/d.yaml"]);
  });

  it("takes a --path that names a directory as everything under it, like Flux's update.path", async () => {
    const files = { "a/d.yaml": "image: nginx:1.0\n", "b/c/d.yaml": "image: nginx:1.0\n", "bc/d.yaml": "image: nginx:1.0\n" };
    for (const path of ["b", "b/", "./b"]) {
      expect((await plan(files, { images: ["nginx:1.2"], paths: [path] })).files.map((f) => f.path)).toEqual(["b/c/d.yaml"]);
    }
  });

  it("refuses an empty --path or one outside the tree", async () => {
    expect(await refusal({ "a.yaml": "a: 1\n" }, { images: ["nginx:1"], paths: ["", "/etc/**", "../x"] })).toEqual([
      { field: "path", message: "path[0]: must not be empty" },
      { field: "path", message: 'path[1]: "/etc/**" must be relative to the root' },
      { field: "path", message: 'path[2]: "../x" must stay inside the root (no "..")' },
    ]);
  });

  it("finds the Flux objects that define markers outside --path, and edits only inside it", async () => {
    const policy =
      "apiVersion: image.toolkit.fluxcd.io/v1beta2\nkind: ImagePolicy\nmetadata:\n  name: app\n  namespace: flux-system\nspec:\n  imageRepositoryRef:\n    name: app\n  policy:\n    semver:\n      range: 1.x\n";
    const repository =
      "apiVersion: image.toolkit.fluxcd.io/v1beta2\nkind: ImageRepository\nmetadata:\n  name: app\n  namespace: flux-system\nspec:\n  image: ghcr.io/acme/app\n";
    const marked = 'image: ghcr.io/acme/app:1.0.0 # {"$imagepolicy": "flux-system:app"}\n';
    const files = { "flux-system/policy.yaml": policy, "flux-system/repository.yaml": repository, "staging/d.yaml": marked, "prod/d.yaml": marked };
    const p = await plan(files, { images: ["ghcr.io/acme/app:1.3.0"], paths: ["staging"] });
    expect(p.files.map((f) => [f.path, f.after])).toEqual([["staging/d.yaml", marked.replace("1.0.0", "1.3.0")]]);
    expect(p.warnings).toEqual([]);
  });

  it("says where a field matched by repository moves to a version the ImagePolicy of the same image's markers would not choose", async () => {
    const policy =
      "apiVersion: image.toolkit.fluxcd.io/v1beta2\nkind: ImagePolicy\nmetadata:\n  name: app\n  namespace: flux-system\nspec:\n  imageRepositoryRef:\n    name: app\n  policy:\n    semver:\n      range: ^1.0.0\n";
    const repository =
      "apiVersion: image.toolkit.fluxcd.io/v1beta2\nkind: ImageRepository\nmetadata:\n  name: app\n  namespace: flux-system\nspec:\n  image: ghcr.io/acme/app\n";
    const deploy = ["containers:", '  - image: ghcr.io/acme/app:1.4.0 # {"$imagepolicy": "flux-system:app"}', "  - image: ghcr.io/acme/app:1.4.0", ""].join(
      "\n",
    );
    const files = { "flux-system/policy.yaml": policy, "flux-system/repository.yaml": repository, "apps/deploy.yaml": deploy };
    const rc = await plan(files, { images: ["ghcr.io/acme/app:1.5.0-rc.1"] });
    expect(afterOf(rc, "apps/deploy.yaml")).toBe(deploy.replace("app:1.4.0\n", "app:1.5.0-rc.1\n"));
    expect(rc.warnings).toContainEqual({
      file: "apps/deploy.yaml",
      line: 3,
      message:
        'containers[1].image is set to ghcr.io/acme/app:1.5.0-rc.1 by repository, which the policy of Flux setter "flux-system:app" (semver ^1.0.0) would not have chosen for its marked fields; mark this field with it to keep them together',
    });
    // Where the policy agrees, nothing more is said. A file no marker of the image is in is told of the ImagePolicy there (the next test).
    expect((await plan(files, { images: ["ghcr.io/acme/app:1.5.0"] })).warnings).toEqual([]);
  });

  it("counts no marker written above `image:`, which marks nothing: the field moved by repository is told of the policy it escaped, and of that marker (review flux17 S1, kmark18)", async () => {
    const policy =
      "apiVersion: image.toolkit.fluxcd.io/v1beta2\nkind: ImagePolicy\nmetadata:\n  name: app\n  namespace: flux-system\nspec:\n  imageRepositoryRef:\n    name: app\n  policy:\n    semver:\n      range: ^1.0.0\n";
    const repository =
      "apiVersion: image.toolkit.fluxcd.io/v1beta2\nkind: ImageRepository\nmetadata:\n  name: app\n  namespace: flux-system\nspec:\n  image: ghcr.io/acme/app\n";
    const deploy = ["containers:", "  - name: app", '    # {"$imagepolicy": "flux-system:app"}', "    image: ghcr.io/acme/app:1.4.0", ""].join("\n");
    const files = { "flux-system/policy.yaml": policy, "flux-system/repository.yaml": repository, "apps/deploy.yaml": deploy };
    const rc = await plan(files, { images: ["ghcr.io/acme/app:1.5.0-rc.1"] });
    expect(afterOf(rc, "apps/deploy.yaml")).toBe(deploy.replace("1.4.0", "1.5.0-rc.1"));
    // Not "which the policy of Flux setter flux-system:app would not have chosen for its marked fields": it has none; nor "add its marker": it has one, above the key.
    const said = rc.warnings.filter((w) => w.file === "apps/deploy.yaml").map((w) => `${w.line}: ${w.message.split(";")[0]}`);
    expect(said).toEqual([
      '4: Flux setter "flux-system:app" is written above image:, and YAML gives a comment above a key to the key, so Flux reads no marker there and the value is treated as unmarked',
      "4: ghcr.io/acme/app moves to 1.5.0-rc.1 with no policy",
    ]);
  });

  it("names a KCL marker written after a closing brace, which marks nothing, where the field it was meant for moves unmarked (review kmark18)", async () => {
    const policy =
      "apiVersion: image.toolkit.fluxcd.io/v1beta2\nkind: ImagePolicy\nmetadata:\n  name: app\n  namespace: flux-system\nspec:\n  imageRepositoryRef:\n    name: app\n  policy:\n    semver:\n      range: ^1.0.0\n";
    const repository =
      "apiVersion: image.toolkit.fluxcd.io/v1beta2\nkind: ImageRepository\nmetadata:\n  name: app\n  namespace: flux-system\nspec:\n  image: ghcr.io/acme/app\n";
    const main = 'app = {\n    image = "ghcr.io/acme/app:1.0.0"\n} # {"$imagepolicy": "flux-system:app"}\n';
    const files = { "flux-system/policy.yaml": policy, "flux-system/repository.yaml": repository, "main.k": main };
    const moved = await plan(files, { images: ["ghcr.io/acme/app:2.0.0"] });
    expect(moved.warnings.find((w) => w.line === 2)?.message).toBe(
      "ghcr.io/acme/app moves to 2.0.0 with no policy; ImagePolicy flux-system:app (semver ^1.0.0) would refuse it, and the marker of flux-system:app at line 3 marks nothing where it is: move it as the warning there says for its policy to govern this field, or add a target with a policy",
    );
    // The editor's warning at the marker is the one the advice points to.
    expect(moved.warnings.map((w) => `${w.file}:${w.line}`)).toEqual(["main.k:3", "main.k:2"]);
    const set = await plan(files, { images: [], setters: ["flux-system:app=ghcr.io/acme/app:1.2.0"] });
    expect(set.warnings.map((w) => w.message)).toContain(
      "no file to update has a marker for setter flux-system:app where it is read: main.k:3 has one that marks nothing there (see the warning at it)",
    );
  });

  it("says so when no file to update holds an image's repository or a --setter key's marker (a typo, most often)", async () => {
    const files = { "a/d.yaml": 'image: ghcr.io/acme/app:1.0 # {"$imagepolicy": "flux-system:app"}\n', "b/d.yaml": "image: ghcr.io/acme/tool:1.0\n" };
    const p = await plan(files, { images: ["ghcr.io/acme/ap:1.1", "ghcr.io/acme/tool:1.1"], setters: ["flux-system:ap=ghcr.io/acme/app:1.1"], paths: ["a"] });
    expect(p.files).toEqual([]);
    expect(p.warnings.map((w) => w.message)).toEqual([
      'no image is configured for Flux setter "flux-system:app", so its marked value is left as it is: add it under setters: in .github/gitops-promote.yaml, pass setter flux-system:app=REF, or keep its ImagePolicy (and ImageRepository) in the tree',
      "no file to update holds ghcr.io/acme/ap; nothing to do for ghcr.io/acme/ap:1.1",
      // b/d.yaml holds it, outside the paths.
      "no file inside the paths to update holds ghcr.io/acme/tool (1 file outside them does); nothing to do for ghcr.io/acme/tool:1.1",
      "no file to update has a marker for setter flux-system:ap (did you mean flux-system:app?)",
    ]);
  });

  it("names the marker key or ImagePolicy a mistyped --setter key most likely meant, and the repository a mistyped --image", async () => {
    const policy = (name: string) =>
      `apiVersion: image.toolkit.fluxcd.io/v1beta2\nkind: ImagePolicy\nmetadata: {name: ${name}, namespace: flux-system}\nspec:\n  imageRepositoryRef: {name: app}\n  policy: {semver: {range: ^1.0.0}}\n`;
    const files = {
      "flux-system/policies.yaml": `${policy("app-prod")}---\n${policy("app-staging")}---\napiVersion: image.toolkit.fluxcd.io/v1beta2\nkind: ImageRepository\nmetadata: {name: app, namespace: flux-system}\nspec: {image: ghcr.io/acme/app}\n`,
      "apps/production/kustomization.yaml": 'images:\n  - name: ghcr.io/acme/app\n    newTag: "1.2.0" # {"$imagepolicy": "flux-system:app-prod:tag"}\n',
    };
    const said = async (key: string) => (await plan(files, { setters: [`${key}=ghcr.io/acme/app:1.4.0`] })).warnings.map((w) => w.message);
    expect(await said("flux-system:app-prd")).toEqual(["no file to update has a marker for setter flux-system:app-prd (did you mean flux-system:app-prod?)"]);
    // An ImagePolicy whose markers are elsewhere is what it may have meant too; a key far from any is only named.
    expect(await said("flux-system:app-stagign")).toEqual([
      "no file to update has a marker for setter flux-system:app-stagign (did you mean flux-system:app-staging?)",
    ]);
    expect(await said("apps:web")).toEqual(["no file to update has a marker for setter apps:web"]);
    // So for an --image no file holds: the repositories the tree's ImageRepositories and the configuration name.
    expect((await plan(files, { images: ["ghcr.io/acme/ap:1.4.0"] })).warnings.map((w) => w.message)).toEqual([
      "no file to update holds ghcr.io/acme/ap; nothing to do for ghcr.io/acme/ap:1.4.0 (did you mean ghcr.io/acme/app?)",
    ]);
  });

  it("says where a repository sits that no rule reached, rather than that every field holds the new value", async () => {
    const files = { "cm.yaml": "data:\n  IMAGE: ghcr.io/acme/app:1.0.0\n", "notes.yaml": "about: ghcr.io/acme/app\n" };
    const p = await plan(files, { images: ["ghcr.io/acme/app:1.1.0"] });
    expect(p.files).toEqual([]);
    const override =
      "no rule edits data.IMAGE; set it with an overrides: entry in the configuration (file: cm.yaml, spec: data.IMAGE, image: ghcr.io/acme/app)";
    expect(p.warnings).toEqual([
      { file: "cm.yaml", line: 2, message: `ghcr.io/acme/app:1.0.0 is not moved to 1.1.0: ${override}` },
      {
        file: "notes.yaml",
        line: 1,
        message: 'ghcr.io/acme/app appears here, but no field holds 1.1.0 or was edited: it sits where no rule edits it (see "What it edits" in the README)',
      },
    ]);
    // Where another file holds the new version, the bare mention is not named (the fields may well hold it), the old version still is.
    const current = await plan({ ...files, "d.yaml": "image: ghcr.io/acme/app:1.1.0\n" }, { images: ["ghcr.io/acme/app:1.1.0"] });
    expect(current.warnings).toEqual([{ file: "cm.yaml", line: 2, message: `ghcr.io/acme/app:1.0.0 is not moved to 1.1.0: ${override}` }]);
  });

  it("names a reference left at an old version beside a field that moved, or beside another image's warning (trial argo13)", async () => {
    const values = [
      "image:",
      "  repository: ghcr.io/acme/api",
      "  tag: 1.4.0",
      "sidecar:",
      "  spec: ghcr.io/acme/api:1.4.0 # the whole reference, under another name",
      "# was ghcr.io/acme/api:1.3.0",
      "",
    ].join("\n");
    const jobs = [
      "apiVersion: argoproj.io/v1alpha1",
      "kind: Application",
      "metadata: {name: jobs}",
      "spec:",
      "  source:",
      "    helm:",
      "      parameters:",
      "        - {name: jobs.image.repo, value: ghcr.io/acme/jobs}",
      '        - {name: jobs.image.version, value: "2.1.0"}',
      "        - {name: sidecar.spec, value: ghcr.io/acme/sidecar:0.4.0}",
      "",
    ].join("\n");
    const p = await plan(
      { "values.yaml": values, "jobs.yaml": jobs },
      { images: ["ghcr.io/acme/api:1.5.0", "ghcr.io/acme/jobs:2.2.0", "ghcr.io/acme/sidecar:0.5.0"] },
    );
    expect(p.changes.map((c) => [c.file, c.key, c.new])).toEqual([["values.yaml", "image.tag", "1.5.0"]]);
    const left = (file: string, spec: string, image: string) =>
      `no rule edits ${spec}; set it with an overrides: entry in the configuration (file: ${file}, spec: ${spec}, image: ${image})`;
    // The image.tag beside it took 1.5.0, and the jobs warning is another image's: neither says why these stay. A comment is no reference.
    expect(p.warnings).toEqual(
      expect.arrayContaining([
        { file: "values.yaml", line: 5, message: `ghcr.io/acme/api:1.4.0 is not moved to 1.5.0: ${left("values.yaml", "sidecar.spec", "ghcr.io/acme/api")}` },
        {
          file: "jobs.yaml",
          line: 10,
          message: `ghcr.io/acme/sidecar:0.4.0 is not moved to 0.5.0: ${left("jobs.yaml", "spec.source.helm.parameters[2].value", "ghcr.io/acme/sidecar")}`,
        },
      ]),
    );
    expect(p.warnings.filter((w) => w.file === "values.yaml")).toHaveLength(1);
  });

  it("says how to move a reference no rule edits: an override of its field, of the tag beside its repository, or the whole string it is part of (trial 14 S9)", async () => {
    const deployment = [
      "spec:",
      "  containers:",
      "    - image: ghcr.io/acme/worker:3.2.0",
      '      args: ["--self=ghcr.io/acme/worker:3.1.0"]',
      "      env:",
      "        - {name: SELF_IMAGE, value: ghcr.io/acme/worker:3.1.0}",
      "      command:",
      "        - |",
      "          crane pull ghcr.io/acme/worker:3.1.0",
      "",
    ].join("\n");
    const values = "global:\n  imageRegistry: ghcr.io\nimage:\n  repository: acme/worker\n  tag: 3.1.0\n";
    const kcl = 'app = {args = ["--self=ghcr.io/acme/worker:3.1.0"]}\n';
    // A path an earlier document holds too is set there by an override: no override is offered.
    const twice = "self: ghcr.io/acme/worker:3.2.0\n---\nself: ghcr.io/acme/worker:3.1.0\n";
    const p = await plan({ "d.yaml": deployment, "main.k": kcl, "twice.yaml": twice }, { images: ["ghcr.io/acme/worker:3.2.0"] });
    const inside = "and gitops-promote edits no part of a string: move it into";
    expect(p.warnings.map((w) => `${w.file}:${w.line}: ${w.message.replace("ghcr.io/acme/worker:3.1.0 is not moved to 3.2.0: ", "")}`)).toEqual([
      `d.yaml:4: it is inside the longer string at spec.containers[0].args[0], ${inside} a field of its own, or set the whole string with set d.yaml:spec.containers[0].args[0]=…`,
      "d.yaml:6: no rule edits spec.containers[0].env[0].value; set it with an overrides: entry in the configuration (file: d.yaml, spec: spec.containers[0].env[0].value, image: ghcr.io/acme/worker)",
      `d.yaml:9: it is inside the longer string at spec.containers[0].command[0], ${inside} a field of its own`,
      `main.k:1: it is inside a longer string, ${inside} a string of its own`,
      'twice.yaml:3: it sits where no rule edits it (see "What it edits" in the README)',
    ]);
    // A repository beside its tag, its registry in global.imageRegistry, is named with the override of that tag (also beside other changes: left-behind.test).
    const alone = await plan({ "values.yaml": values }, { images: ["ghcr.io/acme/worker:3.2.0"] });
    expect(alone.warnings).toEqual([
      {
        file: "values.yaml",
        line: 4,
        message:
          "ghcr.io/acme/worker appears here, but no field holds 3.2.0 or was edited: no rule reads image.repository as ghcr.io/acme/worker; " +
          "set image.tag with an overrides: entry in the configuration (file: values.yaml, spec: image.tag, image: ghcr.io/acme/worker, part: tag)",
      },
    ]);
  });

  it("says an image written as a block scalar is never edited, once, at the line of its text (docs15 S6)", async () => {
    const deployment = "spec:\n  containers:\n    - image: |-\n        ghcr.io/acme/app:1.2.3\n    - image: >-\n        ghcr.io/acme/app:1.2.3\n";
    const p = await plan({ "d.yaml": deployment }, { images: ["ghcr.io/acme/app:2.0.0"] });
    const never = "is a block scalar, which is never edited, so it is not moved to ghcr.io/acme/app:2.0.0; write it as a plain or quoted string";
    expect(p.warnings.map((w) => `${w.file}:${w.line}: ${w.message}`)).toEqual([
      `d.yaml:4: spec.containers[0].image ${never}`,
      `d.yaml:6: spec.containers[1].image ${never}`,
    ]);
  });

  it("names a reference on a line whose only warning is another image's (a flow mapping holding both)", async () => {
    const digest = `sha256:${"1".repeat(64)}`;
    const pod = `spec: {containers: [{image: "ghcr.io/acme/web:1.4.0@${digest}"}], annotations: {api: "ghcr.io/acme/api:1.4.0"}}\n`;
    const p = await plan({ "pod.yaml": pod }, { images: ["ghcr.io/acme/web:1.5.0", "ghcr.io/acme/api:1.5.0"] });
    expect(p.warnings).toEqual([
      {
        file: "pod.yaml",
        line: 1,
        message: expect.stringMatching(/^spec\.containers\[0\]\.image drops the digest pin sha256:111111111111 \(1\.4\.0's\): ghcr\.io\/acme\/web:1\.5\.0/),
      },
      {
        file: "pod.yaml",
        line: 1,
        message:
          "ghcr.io/acme/api:1.4.0 is not moved to 1.5.0: no rule edits spec.annotations.api; set it with an overrides: entry in the configuration (file: pod.yaml, spec: spec.annotations.api, image: ghcr.io/acme/api)",
      },
    ]);
  });

  it("names a reference left at another line than a field warning naming its image: the digest pin dropped at line 9 says nothing of the env value (trial 14 S2)", async () => {
    const digest = `sha256:${"2".repeat(64)}`;
    const sts = [
      "spec:",
      "  containers:",
      "    - name: queue",
      `      image: ghcr.io/acme/worker:3.1.0@${digest}`,
      "      env:",
      "        - name: SELF_IMAGE",
      "          value: ghcr.io/acme/worker:3.1.0",
      "",
    ].join("\n");
    const p = await plan({ "sts.yaml": sts }, { images: ["ghcr.io/acme/worker:3.2.0"] });
    expect(p.warnings.map((w) => [w.line, w.message.split(":")[0]])).toEqual([
      [4, "spec.containers[0].image drops the digest pin sha256"],
      [7, "ghcr.io/acme/worker"],
    ]);
    // A warning of the whole file naming the image still explains it: the file not edited at all.
    const broken = await plan({ "sts.yaml": `${sts}bad: [\n` }, { images: ["ghcr.io/acme/worker:3.2.0"] });
    expect(broken.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/^not edited: /)]);
  });

  it("takes a mapping key named like a Docker Hub image (redis: above a chart's values) for no mention of it (final read 14, N2)", async () => {
    const values = "redis:\n  enabled: true\n  image:\n    registry: docker.io\n    repository: bitnami/redis\n    tag: 7.2.4\n";
    const p = await plan({ "values.yaml": values }, { images: ["redis:7.2.5"] });
    expect(p.warnings).toEqual([{ message: "no file to update holds docker.io/library/redis; nothing to do for redis:7.2.5", kind: "unreached" }]);
  });

  it("counts as another version only a reference to the image itself: not another registry's repository of its path, nor a KCL docstring", async () => {
    const values = [
      "image:",
      "  repository: ghcr.io/acme/app",
      "  tag: 1.4.0",
      "mirror: docker.io/acme/app:1.0.0",
      "proxy: bitnami/nginx:1.25",
      "candidate: ghcr.io/acme/app:1.5.0-rc.1",
      "",
    ].join("\n");
    const kcl = '"""\nThe app, once ghcr.io/acme/app:1.0.0.\n"""\napp = {image = "ghcr.io/acme/app:1.4.0"}\n';
    const p = await plan({ "values.yaml": values, "main.k": kcl }, { images: ["ghcr.io/acme/app:1.5.0", "nginx:1.27"] });
    expect(p.files.map((f) => f.path)).toEqual(["main.k", "values.yaml"]);
    // A marked field follows its setter: one with no image is said of the setter, not as a field left behind.
    const marked = 'image: ghcr.io/acme/app:1.4.0\nsidecar: ghcr.io/acme/app:1.3.0 # {"$imagepolicy": "flux-system:unknown"}\n';
    const markedPlan = await plan({ "marked.yaml": marked }, { images: ["ghcr.io/acme/app:1.5.0"] });
    expect(markedPlan.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/^no image is configured for Flux setter "flux-system:unknown"/)]);
    // An rc of the incoming version is another version; docker.io/acme/app and bitnami/nginx are other images, so nginx reaches no file.
    expect(p.warnings).toEqual([
      { message: "no file to update holds docker.io/library/nginx; nothing to do for nginx:1.27", kind: "unreached" },
      {
        file: "values.yaml",
        line: 6,
        message:
          "ghcr.io/acme/app:1.5.0-rc.1 is not moved to 1.5.0: no rule edits candidate; set it with an overrides: entry in the configuration (file: values.yaml, spec: candidate, image: ghcr.io/acme/app)",
      },
    ]);
  });

  it("names a file left at an old version also when other files change: an image in a field no rule edits", async () => {
    const annotated = ["metadata:", "  annotations:", "    base-image: ghcr.io/acme/web:1.4.0", ""].join("\n");
    const p = await plan({ "annotated.yaml": annotated, "other.yaml": "image: ghcr.io/acme/web:1.4.0\n" }, { images: ["ghcr.io/acme/web:1.5.0"] });
    expect(p.files.map((f) => f.path)).toEqual(["other.yaml"]);
    expect(p.warnings).toEqual([
      {
        file: "annotated.yaml",
        line: 3,
        message:
          "ghcr.io/acme/web:1.4.0 is not moved to 1.5.0: no rule edits metadata.annotations.base-image; set it with an overrides: entry in the configuration (file: annotated.yaml, spec: metadata.annotations.base-image, image: ghcr.io/acme/web)",
      },
    ]);
    // Reached through a YAML alias, the image field itself is named, at its line.
    const anchors = ["metadata:", "  annotations:", "    base-image: &img ghcr.io/acme/web:1.4.0", "spec:", "  containers:", "    - image: *img", ""].join(
      "\n",
    );
    const aliased = await plan({ "anchors.yaml": anchors, "other.yaml": "image: ghcr.io/acme/web:1.4.0\n" }, { images: ["ghcr.io/acme/web:1.5.0"] });
    expect(aliased.warnings).toEqual([
      {
        file: "anchors.yaml",
        line: 6,
        message: expect.stringMatching(/^spec\.containers\[0\]\.image is \*img, an alias of metadata\.annotations\.base-image \(line 3\)/),
      },
    ]);
    // A bare mention of the repository (an ImageRepository's image:) is no old version: nothing said while other files change.
    const repository = "apiVersion: image.toolkit.fluxcd.io/v1beta2\nkind: ImageRepository\nmetadata:\n  name: web\nspec:\n  image: ghcr.io/acme/web\n";
    const bare = await plan({ "repo.yaml": repository, "other.yaml": "image: ghcr.io/acme/web:1.4.0\n" }, { images: ["ghcr.io/acme/web:1.5.0"] });
    expect(bare.warnings).toEqual([]);
  });

  it("says a file in no configured target is in no target, not that no rule edits it", async () => {
    const files = {
      ...TARGET_DIRS,
      ".github/gitops-promote.yaml": CONFIG,
      "extra/pod.yaml": "containers:\n  - image: ghcr.io/acme/app:1.0.0\n",
      "staging/d.yaml": "image: ghcr.io/acme/app:1.0.0\n",
    };
    const inNoTarget = {
      file: "extra/pod.yaml",
      line: 2,
      message: "ghcr.io/acme/app:1.0.0 is not moved to 1.1.0: this file is in no target (targets: staging, prod, tools)",
    };
    expect((await plan(files, { images: ["ghcr.io/acme/app:1.1.0"], paths: ["extra"] })).warnings).toEqual([inNoTarget]);
    // Also while a target's file changes.
    const p = await plan(files, { images: ["ghcr.io/acme/app:1.1.0"] });
    expect(p.files.map((f) => f.path)).toEqual(["staging/d.yaml"]);
    expect(p.warnings).toEqual([inNoTarget]);
  });

  it("warns about a --path that matches no file", async () => {
    const p = await plan({ "a/d.yaml": "image: nginx:1.0\n" }, { images: ["nginx:1.2"], paths: ["a/**", "clusters/prod"] });
    expect(p.files.map((f) => f.path)).toEqual(["a/d.yaml"]);
    expect(p.warnings).toEqual([{ message: 'path "clusters/prod" matches no file' }]);
  });

  it("names the directory a mistyped --path meant, and the files outside the paths that hold an image none inside holds (trial 14 S5)", async () => {
    const overlay = (tag: string) => `images:\n  - name: ghcr.io/acme/api\n    newTag: ${tag}\n`;
    const files = {
      "apps/api/base/deployment.yaml": "image: ghcr.io/acme/api\n",
      "apps/api/overlays/dev/kustomization.yaml": overlay("1.5.0"),
      "apps/api/overlays/prod/kustomization.yaml": overlay("1.4.0"),
      ".github/gitops-promote.yaml": "setters: {}\n",
    };
    const said = async (path: string) => (await plan(files, { images: ["ghcr.io/acme/api:1.6.0"], paths: [path] })).warnings.map((w) => w.message);
    const outside = "no file inside the paths to update holds ghcr.io/acme/api (3 files outside them do); nothing to do for ghcr.io/acme/api:1.6.0";
    expect(await said("apps/api/overlay/dev")).toEqual(['path "apps/api/overlay/dev" matches no file (did you mean apps/api/overlays/dev?)', outside]);
    expect(await said("apps/api/overlay/dev/**")).toEqual(['path "apps/api/overlay/dev/**" matches no file (did you mean apps/api/overlays/dev/**?)', outside]);
    // A path far from any is only named; one that matches files none of which holds the image is told the files outside.
    expect(await said("clusters")).toEqual(['path "clusters" matches no file', outside]);
    expect(await said(".github")).toEqual([outside]);
  });

  it("skips a file that is not UTF-8 with one warning naming it once", async () => {
    const p = await plan({ "bad.yaml": Buffer.from("image: nginx:1.0 \xff\n", "latin1"), "ok.yaml": "image: nginx:1.0\n" }, { images: ["nginx:1.2"] });
    expect(p.files.map((f) => f.path)).toEqual(["ok.yaml"]);
    expect(p.warnings).toEqual([{ file: "bad.yaml", message: "not UTF-8 text; left as it is" }]);
  });

  it("skips a file that does not parse with a warning at its file and line", async () => {
    const p = await plan({ "broken.yaml": "a: [\nimage: nginx:1.0\n", "ok.yaml": "image: nginx:1.0\n" }, { images: ["nginx:1.2"] });
    expect(p.files.map((f) => f.path)).toEqual(["ok.yaml"]);
    expect(p.warnings).toHaveLength(1);
    expect(p.warnings[0]).toMatchObject({ file: "broken.yaml", line: 2 });
    expect(p.warnings[0]!.message).toMatch(/^not edited: not valid YAML/);
  });

  it("reports a file nested too deep for any parser as a warning, not a crash", async () => {
    const brackets = `${"[".repeat(20000)}${"]".repeat(20000)}`;
    const files = { "deep.yaml": `image: nginx:1.0\nx: ${brackets}\n`, "deep.k": `a = "nginx:1.0"\nb = ${brackets}\n`, "ok.yaml": "image: nginx:1.0\n" };
    const p = await plan(files, { images: ["nginx:1.2"] });
    expect(p.files.map((f) => f.path)).toEqual(["ok.yaml"]);
    expect(p.warnings).toMatchObject([
      { file: "deep.k", line: 2, message: "not edited: expressions nested more than 200 deep" },
      { file: "deep.yaml", message: "not edited: nested too deep to read (Maximum call stack size exceeded)" },
    ]);
  });

  it("edits a KCL file whose config key has an escape beyond Unicode, keeping the key as written", async () => {
    const p = await plan({ "a.k": 'config = {"\\UFFFFFFFF": "nginx:1.0"}\n' }, { images: ["nginx:1.2"] });
    expect(afterOf(p, "a.k")).toBe('config = {"\\UFFFFFFFF": "nginx:1.2"}\n');
    expect(p.changes.map((c) => c.key)).toEqual([`config[${JSON.stringify("\\UFFFFFFFF")}]`]);
  });

  it("keeps a byte order mark and edits the KCL after it", async () => {
    const kcl = '\uFEFFa = "nginx:1.0"\r\n';
    const p = await plan({ "main.k": kcl }, { images: ["nginx:1.2"] });
    expect(p.warnings).toEqual([]);
    expect(afterOf(p, "main.k")).toBe('\uFEFFa = "nginx:1.2"\r\n');
  });
});

describe("planUpdate: Helm chart templates", () => {
  it("says nothing of a chart template that is not YAML until Helm renders it, and still edits one that is", async () => {
    const template = "spec:\n  containers:\n    - image: ghcr.io/acme/app:{{ .Values.image.tag }}\n      {{- with .Values.env }}\n";
    const files = {
      "charts/web/Chart.yaml": "apiVersion: v2\nname: web\nversion: 1.0.0\n",
      "charts/web/templates/deployment.yaml": template,
      "charts/web/templates/job.yaml": "image: ghcr.io/acme/app:1.0.0\n",
      "other/templates/broken.yaml": template,
    };
    const p = await plan(files, { images: ["ghcr.io/acme/app:1.1.0"] });
    expect(p.files.map((f) => f.path)).toEqual(["charts/web/templates/job.yaml"]);
    // Outside a chart, a file that does not parse is still worth a word.
    expect(p.warnings.map((w) => w.file)).toEqual(["other/templates/broken.yaml"]);
  });
});

describe("planUpdate: targets", () => {
  const files = {
    ".github/gitops-promote.yaml": CONFIG,
    "staging/d.yaml": "image: ghcr.io/acme/app:1.0.0\n",
    "prod/d.yaml": "image: ghcr.io/acme/app:1.0.0\n",
    "tools/d.yaml": "image: ghcr.io/acme/app:1.0.0\n",
    "elsewhere/d.yaml": "image: ghcr.io/acme/app:1.0.0\n",
  };

  it("edits a file under the policy of its target and labels it; files outside every target stay", async () => {
    const p = await plan(files, { images: ["ghcr.io/acme/app:1.1.0-rc.1"] });
    expect(p.files.map((f) => [f.path, f.target])).toEqual([["staging/d.yaml", "staging"]]);
    expect(p.changes.map((c) => c.target)).toEqual(["staging"]);
    expect(p.targets.map((t) => t.name)).toEqual(["staging", "prod", "tools"]);
  });

  it("warns that a target's allow-list refuses an image", async () => {
    const p = await plan(files, { images: ["ghcr.io/acme/app:1.1.0"] });
    expect(p.files.map((f) => f.path)).toEqual(["prod/d.yaml", "staging/d.yaml"]);
    expect(p.warnings.map((w) => w.message)).toContain("target tools does not allow ghcr.io/acme/app; not edited in tools/d.yaml:1");
  });

  it("names every target whose allow-list refuses an image in one warning, with where their files hold it", async () => {
    const held = { ...files, "staging/other.yaml": "a: 1\nimage: ghcr.io/acme/other:0.9.0\n", "prod/other.yaml": "image: ghcr.io/acme/other:0.9.0\n" };
    const p = await plan(held, { images: ["ghcr.io/acme/other:1.0.0"] });
    expect(p.warnings.map((w) => w.message)).toEqual([
      "targets staging, prod do not allow ghcr.io/acme/other; not edited in staging/other.yaml:2, prod/other.yaml:1",
    ]);
    // A target none of whose files holds the image has nothing to say about it.
    expect((await plan(files, { images: ["ghcr.io/acme/other:1.0.0"] })).warnings.map((w) => w.message)).toEqual([
      "no file to update holds ghcr.io/acme/other; nothing to do for ghcr.io/acme/other:1.0.0",
    ]);
  });

  it("warns that a target's policy refuses the incoming tag", async () => {
    const p = await plan(files, { images: ["ghcr.io/acme/app:2.0.0"] });
    expect(p.files.map((f) => f.path)).toEqual(["staging/d.yaml"]);
    expect(p.warnings.map((w) => w.message)).toContain("target prod: ghcr.io/acme/app:2.0.0 is outside its policy (semver ^1.0.0); not edited there");
  });

  it("keeps markers inside a target to its allow-list and its policy", async () => {
    const marked = 'a: ghcr.io/acme/app:1.0.0 # {"$imagepolicy": "ns:app"}\nb: ghcr.io/acme/other:1.0.0 # {"$imagepolicy": "ns:other"}\n';
    const tree = { ...files, "prod/m.yaml": marked, "free/m.yaml": marked };
    const setters = ["ns:app=ghcr.io/acme/app:2.0.0", "ns:other=ghcr.io/acme/other:2.0.0"];
    const p = await plan(tree, { setters });
    // prod allows only ghcr.io/acme/app, at ^1.0.0; a file outside every target takes every marker.
    expect(p.files.map((f) => f.path)).toEqual(["free/m.yaml"]);
    expect(p.warnings.map((w) => w.message)).toEqual(
      expect.arrayContaining([
        "target prod: ghcr.io/acme/app:2.0.0 is outside its policy (semver ^1.0.0); not edited there",
        "target prod does not allow ghcr.io/acme/other; not edited in prod/m.yaml:2",
      ]),
    );
    const inRange = await plan(tree, { setters: ["ns:app=ghcr.io/acme/app:1.5.0", "ns:other=ghcr.io/acme/other:1.5.0"] });
    expect(afterOf(inRange, "prod/m.yaml")).toBe(marked.replace("app:1.0.0", "app:1.5.0"));
  });

  it("restricts to the named targets and refuses an unknown one", async () => {
    const p = await plan(files, { images: ["ghcr.io/acme/app:1.1.0"], targets: ["prod"] });
    expect(p.files.map((f) => f.path)).toEqual(["prod/d.yaml"]);
    // A marker in another target's file is that target's too: left to a run that selects it, unless a --set names the file.
    const marked = { ...files, "staging/m.yaml": 'a: ghcr.io/acme/app:1.0.0 # {"$imagepolicy": "ns:app"}\nb: 1\n' };
    const setters = ["ns:app=ghcr.io/acme/app:1.1.0"];
    const other = await plan(marked, { setters, targets: ["prod"] });
    expect(other.files.map((f) => f.path)).toEqual([]);
    // Nor is the marker said to lack an image when an ImagePolicy defines its key and --image brings it.
    const flux =
      "apiVersion: image.toolkit.fluxcd.io/v1beta2\nkind: ImageRepository\nmetadata: {name: app, namespace: ns}\nspec: {image: ghcr.io/acme/app}\n---\n" +
      "apiVersion: image.toolkit.fluxcd.io/v1beta2\nkind: ImagePolicy\nmetadata: {name: app, namespace: ns}\nspec: {imageRepositoryRef: {name: app}, policy: {semver: {range: 1.x}}}\n";
    const defined = await plan({ ...marked, "flux/image.yaml": flux }, { images: ["ghcr.io/acme/app:1.1.0"], targets: ["prod"] });
    expect(defined.warnings.filter((w) => w.message.includes("ns:app"))).toEqual([]);
    expect((await plan(marked, { setters, targets: ["staging"] })).files.map((f) => f.path)).toEqual(["staging/m.yaml"]);
    const named = await plan(marked, { setters, targets: ["prod"], sets: ["staging/m.yaml:b=2"] });
    expect(afterOf(named, "staging/m.yaml")).toBe(marked["staging/m.yaml"].replace("b: 1", "b: 2"));
    expect(await refusal(files, { images: ["ghcr.io/acme/app:1.1.0"], targets: ["qa"] })).toEqual([
      { field: "target", message: 'targets: no target named "qa" (configured: staging, prod, tools)' },
    ]);
  });

  it("leaves a file to the first target whose paths match it, whichever targets the run selects", async () => {
    // staging's paths reach into prod/canary: those files are staging's, in every run.
    const overlap = {
      ...files,
      ".github/gitops-promote.yaml": CONFIG.replace('["staging/**"]', '["staging/**", "prod/canary/**"]'),
      "prod/canary/d.yaml": files["prod/d.yaml"],
    };
    const all = await plan(overlap, { images: ["ghcr.io/acme/app:1.1.0"] });
    expect(all.files.map((f) => [f.path, f.target])).toEqual([
      ["prod/canary/d.yaml", "staging"],
      ["prod/d.yaml", "prod"],
      ["staging/d.yaml", "staging"],
    ]);
    const prod = await plan(overlap, { images: ["ghcr.io/acme/app:1.1.0"], targets: ["prod"] });
    expect(prod.files.map((f) => [f.path, f.target])).toEqual([["prod/d.yaml", "prod"]]);
  });

  it("takes a target path written as a directory as everything under it", async () => {
    const directories = { ...files, ".github/gitops-promote.yaml": CONFIG.replace('["prod/**"]', '["prod/"]').replace('["tools/**"]', '["tools"]') };
    const p = await plan(directories, { images: ["ghcr.io/acme/app:1.1.0"] });
    expect(p.files.map((f) => [f.path, f.target])).toEqual([
      ["prod/d.yaml", "prod"],
      ["staging/d.yaml", "staging"],
    ]);
    expect(p.warnings.map((w) => w.message)).toContain("target tools does not allow ghcr.io/acme/app; not edited in tools/d.yaml:1");
  });

  it("warns at its configuration line about a target path that matches no file, and still names the files left in no target", async () => {
    const typo = {
      ".github/gitops-promote.yaml": CONFIG.replace('["prod/**"]', '["production/**"]'),
      "staging/d.yaml": "image: ghcr.io/acme/app:1.0.0\n",
      "prod/values.yaml": "image:\n  repository: ghcr.io/acme/app\n  tag: 1.0.0\n",
      "prod/repository.yaml": "spec:\n  image: ghcr.io/acme/app\n",
      "tools/d.yaml": "image: ghcr.io/acme/tool:1.0.0\n",
    };
    const said = { file: ".github/gitops-promote.yaml", line: 8, message: 'targets[1].paths[0]: "production/**" matches no file; fix or remove it' };
    const left = (file: string) => ({
      file,
      line: 2,
      message: "ghcr.io/acme/app appears here, but no field holds 1.1.0 or was edited: this file is in no target (targets: staging, prod, tools)",
    });
    expect((await plan(typo, { images: ["ghcr.io/acme/app:1.1.0"] })).warnings).toEqual([said, left("prod/values.yaml")]);
    // A run of that target alone changes nothing and says so of a mere mention too, as a run with nothing else to say does.
    expect((await plan(typo, { images: ["ghcr.io/acme/app:1.1.0"], targets: ["prod"] })).warnings).toEqual([
      said,
      left("prod/repository.yaml"),
      left("prod/values.yaml"),
    ]);
  });

  it("warns at its configuration line about a target path whose every file an earlier target's paths match first", async () => {
    const overlap = { ...files, ".github/gitops-promote.yaml": CONFIG.replace('["staging/**"]', '["staging/**", "prod/**"]') };
    const p = await plan(overlap, { images: ["ghcr.io/acme/app:1.1.0"], targets: ["prod"] });
    expect(p.files).toEqual([]);
    expect(p.warnings[0]).toEqual({
      file: ".github/gitops-promote.yaml",
      line: 8,
      message: 'targets[1].paths[0]: "prod/**" matches only files the earlier target staging ("prod/**") takes first; narrow that, or list prod first',
    });
  });
});

describe("planUpdate: setters and overrides", () => {
  const marked = 'image: ghcr.io/acme/app:1.0.0 # {"$imagepolicy": "flux-system:app"}\n';

  it("maps a marker key to an image by configuration, under the configured policy", async () => {
    const files = { ".github/gitops-promote.yaml": CONFIG, "m.yaml": marked };
    expect(afterOf(await plan(files, { images: ["ghcr.io/acme/app:1.3.0"] }), "m.yaml")).toBe(marked.replace("1.0.0", "1.3.0"));
    // 2.0.0 is outside the setter's policy 1.x.
    const refused = await plan(files, { images: ["ghcr.io/acme/app:2.0.0"] });
    expect(refused.files).toEqual([]);
    expect(refused.warnings.map((w) => w.message)).toContain(
      "setter flux-system:app: tag 2.0.0 is outside its policy (semver 1.x); marked values are left as they are",
    );
  });

  it("is quiet about markers of configured setters that this run's images do not concern; an unknown key is warned about", async () => {
    const files = {
      ".github/gitops-promote.yaml": CONFIG,
      "m.yaml": `${marked}tag: "1" # {"$imagepolicy": "flux-system:app:tag"}\nx: y # {"$imagepolicy": "flux-system:typo"}\n`,
    };
    const p = await plan(files, { images: ["ghcr.io/acme/tool:1.0.0"] });
    expect(p.files).toEqual([]);
    expect(p.warnings.filter((w) => w.file === "m.yaml")).toEqual([
      {
        aside: true,
        file: "m.yaml",
        line: 3,
        message:
          'no image is configured for Flux setter "flux-system:typo", so its marked value is left as it is: add it under setters: in .github/gitops-promote.yaml, pass setter flux-system:typo=REF, or keep its ImagePolicy (and ImageRepository) in the tree',
      },
    ]);
  });

  it("a --setter value wins over the image; the configured policy still applies", async () => {
    const files = { ".github/gitops-promote.yaml": CONFIG, "m.yaml": marked };
    const p = await plan(files, { setters: ["flux-system:app=ghcr.io/acme/app:1.5.0"] });
    expect(afterOf(p, "m.yaml")).toBe(marked.replace("1.0.0", "1.5.0"));
  });

  it("refuses a --setter value of another repository than the key is defined for", async () => {
    const files = { ".github/gitops-promote.yaml": CONFIG, "m.yaml": marked };
    expect(await refusal(files, { setters: ["flux-system:app=ghcr.io/other/x:1.5.0"] })).toEqual([
      { message: "setter flux-system:app: ghcr.io/other/x:1.5.0 is not ghcr.io/acme/app, the repository this key is defined for" },
    ]);
  });

  it("refuses the same setter key given twice with different values", async () => {
    const issues = await refusal({ "m.yaml": marked }, { setters: ["flux-system:app=ghcr.io/acme/app:1.5.0", "flux-system:app=ghcr.io/acme/app:1.6.0"] });
    expect(issues).toEqual([
      {
        field: "setter",
        message: "setter[1] (flux-system:app): flux-system:app is given twice (ghcr.io/acme/app:1.5.0 and ghcr.io/acme/app:1.6.0); give each key once",
      },
    ]);
  });

  it("applies --set to YAML by dotted path with list indexes", async () => {
    const text = "spec:\n  containers:\n    - name: a\n      image: nginx:1.0\n";
    const p = await plan({ "v.yaml": text }, { sets: ["v.yaml:spec.containers[0].image=nginx:9"] });
    expect(afterOf(p, "v.yaml")).toBe(text.replace("nginx:1.0", "nginx:9"));
    expect(p.changes.map((c) => [c.line, c.kind, c.key])).toEqual([[4, "override", "spec.containers[0].image"]]);
  });

  it("--set keeps a YAML number a number unless the value is quoted", async () => {
    const text = "spec:\n  replicas: 2\n  tag: v1\n";
    const typed = await plan({ "v.yaml": text }, { sets: ["v.yaml:spec.replicas=3", "v.yaml:spec.tag=1.10"] });
    expect(afterOf(typed, "v.yaml")).toBe('spec:\n  replicas: 3\n  tag: "1.10"\n');
    const quoted = await plan({ "v.yaml": text }, { sets: ['v.yaml:spec.replicas="3"'] });
    expect(afterOf(quoted, "v.yaml")).toBe('spec:\n  replicas: "3"\n  tag: v1\n');
  });

  it("reports one change per field when an editor and an override both set it, in line order", async () => {
    const text = "a:\n  image: nginx:1.0\nb:\n  image: nginx:1.0\n";
    const p = await plan({ "v.yaml": text }, { images: ["nginx:1.2"], sets: ["v.yaml:a.image=nginx:7"] });
    expect(afterOf(p, "v.yaml")).toBe("a:\n  image: nginx:7\nb:\n  image: nginx:1.2\n");
    expect(p.changes.map((c) => [c.line, c.kind, c.old, c.new])).toEqual([
      [2, "override", "nginx:1.0", "nginx:7"],
      [4, "image", "nginx:1.0", "nginx:1.2"],
    ]);
  });

  it("refuses an override of a missing path with the file and line, and a missing file", async () => {
    expect(await refusal({ "v.yaml": "a:\n  b: 1\n" }, { sets: ["v.yaml:a.c=2"] })).toEqual([
      { file: "v.yaml", line: 2, message: "a.c: a has 'b', not 'c' (to add a.c, use --create, or create: true in the Action or the library)" },
    ]);
    expect(await refusal({ "v.yaml": "a: 1\n" }, { sets: ["w.yaml:a=2"] })).toEqual([{ message: "set[0]: w.yaml does not exist" }]);
  });

  it("refuses a --set file outside --path: it was named, so skipping it would hide the contradiction", async () => {
    expect(await refusal({ "a/v.yaml": "a: 1\n", "b/v.yaml": "a: 1\n" }, { sets: ["a/v.yaml:a=2"], paths: ["b"] })).toEqual([
      { message: "set[0]: a/v.yaml is outside the paths to update" },
    ]);
  });

  it("reports an editor's change on its final line when an override adds a line above it", async () => {
    const text = "a:\n  b: 1\nimage: nginx:1.0\n";
    const p = await plan({ "v.yaml": text }, { images: ["nginx:1.2"], sets: ["v.yaml:a.c=2"], create: true });
    expect(afterOf(p, "v.yaml")).toBe('a:\n  b: 1\n  c: "2"\nimage: nginx:1.2\n');
    expect(p.changes.map((c) => [c.kind, c.line])).toEqual([
      ["override", 3],
      ["image", 4],
    ]);
  });

  it("names the spec KCL's own path errors leave out, and says -O paths have no list indexes", async () => {
    expect(await refusal({ "q.k": 'a = {b = [{c = "x"}]}\n' }, { sets: ['q.k:a.b[0].c="y"'] })).toEqual([
      { field: "set", file: "q.k", message: `'a.b[0].c': Expected opening quote after '[' (KCL override paths have no list indexes)` },
    ]);
  });

  it("creates a missing YAML key with create", async () => {
    const p = await plan({ "v.yaml": "a:\n  b: 1\n" }, { sets: ["v.yaml:a.c=2"], create: true });
    expect(afterOf(p, "v.yaml")).toBe('a:\n  b: 1\n  c: "2"\n');
    expect(p.changes.map((c) => [c.line, c.kind, c.key, c.old, c.new])).toEqual([[3, "override", "a.c", "", "2"]]);
  });
});

/** One cluster's flux-system/ objects for the marker key `flux-system:<name>`: ImagePolicy at line 9. */
function fluxImages(range: string, { image = "ghcr.io/acme/app", name = "app", labels = "" } = {}): string {
  return `apiVersion: image.toolkit.fluxcd.io/v1
kind: ImageRepository
metadata:
  name: ${name}
  namespace: flux-system
spec:
  image: ${image}
---
apiVersion: image.toolkit.fluxcd.io/v1
kind: ImagePolicy
metadata:
  name: ${name}
  namespace: flux-system${labels && `\n  labels: ${labels}`}
spec:
  imageRepositoryRef:
    name: ${name}
  policy:
    semver:
      range: "${range}"
`;
}

/** An automation of `path`; `policySelector`, written from line 9. */
function fluxAutomation(path: string, namespace = "flux-system", policySelector = ""): string {
  return `apiVersion: image.toolkit.fluxcd.io/v1
kind: ImageUpdateAutomation
metadata:
  name: apps
  namespace: ${namespace}
spec:
  interval: 30m
  suspend: true # gitops-promote sets the markers now${policySelector && `\n  policySelector: ${policySelector}`}
  update:
    path: ${path}
    strategy: Setters
`;
}

describe("planUpdate: Flux objects of several clusters in one repo", () => {
  const marked = 'image: ghcr.io/acme/app:1.2.0 # {"$imagepolicy": "flux-system:app"}\n';
  const clusters = {
    "clusters/prod/flux-system/images.yaml": fluxImages(">=1.0.0-0"),
    "clusters/staging/flux-system/images.yaml": fluxImages("1.2.x"),
    "clusters/prod/app/deploy.yaml": marked,
    "clusters/staging/app/deploy.yaml": marked,
  };

  it("a marker follows the definition of its key nearest to it: each cluster's own", async () => {
    const p = await plan(clusters, { images: ["ghcr.io/acme/app:2.0.0"] });
    expect(p.files.map((f) => [f.path, f.after])).toEqual([["clusters/prod/app/deploy.yaml", marked.replace("1.2.0", "2.0.0")]]);
    expect(p.warnings).toEqual([
      {
        file: "clusters/staging/flux-system/images.yaml",
        line: 9,
        message: "setter flux-system:app: tag 2.0.0 is outside its policy (semver 1.2.x); marked values are left as they are",
        kind: "policy-refusal",
      },
    ]);
  });

  it("a --setter value goes to the clusters whose key scans its repository; another repository is refused naming each", async () => {
    const mirrored = {
      ...clusters,
      "clusters/prod/flux-system/images.yaml": fluxImages(">=1.0.0-0", { image: "mirror.example.com/acme/app" }),
      "clusters/prod/app/deploy.yaml": marked.replace("ghcr.io", "mirror.example.com"),
    };
    const p = await plan(mirrored, { setters: ["flux-system:app=ghcr.io/acme/app:1.2.5"] });
    expect(p.files.map((f) => [f.path, f.after])).toEqual([["clusters/staging/app/deploy.yaml", marked.replace("1.2.0", "1.2.5")]]);
    expect(await refusal(mirrored, { setters: ["flux-system:app=ghcr.io/other/x:1.2.5"] })).toEqual([
      {
        message:
          "setter flux-system:app: ghcr.io/other/x:1.2.5 is not mirror.example.com/acme/app or ghcr.io/acme/app, the repositories this key is defined for",
      },
    ]);
  });

  it("--path to one cluster: its own policy decides, and the other cluster's is not mentioned", async () => {
    const p = await plan(clusters, { images: ["ghcr.io/acme/app:2.0.0"], paths: ["clusters/staging"] });
    expect(p.files).toEqual([]);
    expect(p.warnings.map((w) => `${w.file}:${w.line}`)).toEqual(["clusters/staging/flux-system/images.yaml:9"]);
    const patch = await plan(clusters, { images: ["ghcr.io/acme/app:1.2.5"], paths: ["clusters/staging"] });
    expect(patch.files.map((f) => f.path)).toEqual(["clusters/staging/app/deploy.yaml"]);
  });

  it("identical copies of one definition are no news", async () => {
    const files = { ...clusters, "clusters/staging/flux-system/images.yaml": fluxImages(">=1.0.0-0"), "apps/deploy.yaml": marked };
    const p = await plan(files, { images: ["ghcr.io/acme/app:2.0.0"] });
    expect(p.files.map((f) => f.path)).toEqual(["apps/deploy.yaml", "clusters/prod/app/deploy.yaml", "clusters/staging/app/deploy.yaml"]);
    expect(p.warnings).toEqual([]);
  });

  it("leaves a marker between different definitions equally near it, and says where they are and how to choose", async () => {
    const files = { ...clusters, "apps/deploy.yaml": `replicas: 1\n${marked}` };
    const p = await plan(files, { images: ["ghcr.io/acme/app:1.2.5"] });
    expect(p.files.map((f) => f.path)).toEqual(["clusters/prod/app/deploy.yaml", "clusters/staging/app/deploy.yaml"]);
    expect(p.warnings).toEqual([
      {
        file: "apps/deploy.yaml",
        line: 2,
        message:
          'Flux setter "flux-system:app" is defined differently at clusters/prod/flux-system/images.yaml:9 and clusters/staging/flux-system/images.yaml:9, equally near this file; the marked value is left as it is (give flux-system:app an entry under setters: in .github/gitops-promote.yaml, which overrides Flux objects)',
      },
    ]);
    const configured = { ...files, ".github/gitops-promote.yaml": 'setters:\n  "flux-system:app": { image: ghcr.io/acme/app }\n' };
    expect((await plan(configured, { images: ["ghcr.io/acme/app:1.2.5"] })).files.map((f) => f.path)).toContain("apps/deploy.yaml");
  });

  it("is quiet about a tie that this run's images do not concern", async () => {
    const p = await plan({ ...clusters, "apps/deploy.yaml": marked }, { images: ["ghcr.io/acme/other:1.0.0"] });
    expect(p.warnings.map((w) => w.message)).toEqual(["no file to update holds ghcr.io/acme/other; nothing to do for ghcr.io/acme/other:1.0.0"]);
  });

  describe("with ImageUpdateAutomation objects", () => {
    const withAutomations = {
      "clusters/prod/flux-system/images.yaml": fluxImages(">=1.0.0-0"),
      "clusters/prod/flux-system/automation.yaml": fluxAutomation("./apps/prod"),
      "clusters/staging/flux-system/images.yaml": fluxImages("1.2.x"),
      "clusters/staging/flux-system/automation.yaml": fluxAutomation("./apps/staging"),
      "apps/prod/deploy.yaml": marked,
      "apps/staging/deploy.yaml": marked,
    };

    it("a marker follows the definition nearest to the automation that updates its file", async () => {
      const p = await plan(withAutomations, { images: ["ghcr.io/acme/app:2.0.0"] });
      expect(p.files.map((f) => f.path)).toEqual(["apps/prod/deploy.yaml"]);
      expect(p.warnings.map((w) => `${w.file}:${w.line}: ${w.message}`)).toEqual([
        "clusters/staging/flux-system/images.yaml:9: setter flux-system:app: tag 2.0.0 is outside its policy (semver 1.2.x); marked values are left as they are",
      ]);
    });

    it("says at an unmarked field that the ImagePolicy nearest to it would refuse what it takes by repository", async () => {
      const job = "containers:\n  - image: ghcr.io/acme/app:1.2.0\n";
      const files = { ...withAutomations, "apps/prod/job.yaml": job, "apps/staging/job.yaml": job, "apps/base/job.yaml": job };
      const p = await plan(files, { images: ["ghcr.io/acme/app:2.0.0"] });
      // The field still moves (DESIGN §2.2); staging's policy refuses 2.0.0 in staging, prod's accepts it in prod, and a base both include hears of the one refusing.
      expect(p.files.map((f) => f.path)).toEqual(["apps/base/job.yaml", "apps/prod/deploy.yaml", "apps/prod/job.yaml", "apps/staging/job.yaml"]);
      const refused =
        "ghcr.io/acme/app moves to 2.0.0 with no policy (no marker here); ImagePolicy flux-system:app (semver 1.2.x) would refuse it: add its marker, or a target with a policy";
      expect(p.warnings.filter((w) => w.file?.startsWith("apps/"))).toEqual([
        { file: "apps/base/job.yaml", line: 2, message: refused },
        { file: "apps/staging/job.yaml", line: 2, message: refused },
      ]);
      // Where the policies accept the version, or a target's policy governs the field, nothing is said.
      expect((await plan(files, { images: ["ghcr.io/acme/app:1.2.5"] })).warnings).toEqual([]);
      const targeted = { ...files, ".github/gitops-promote.yaml": CONFIG.replaceAll('"staging/**"', '"apps/staging/**"') };
      const inTarget = await plan(targeted, { images: ["ghcr.io/acme/app:2.0.0"], paths: ["apps/staging"] });
      expect(afterOf(inTarget, "apps/staging/job.yaml")).toBe(job.replace("1.2.0", "2.0.0"));
      expect(inTarget.warnings.filter((w) => w.file === "apps/staging/job.yaml")).toEqual([]);
    });

    it("gives no advice to add a marker the spec.policySelector of the automation updating the field's file would leave: that policy would not govern it", async () => {
      const job = "containers:\n  - image: ghcr.io/acme/app:1.2.0\n";
      const selecting = fluxAutomation("./apps/staging", "flux-system", "{matchLabels: {env: staging}}");
      const files = { ...withAutomations, "clusters/staging/flux-system/automation.yaml": selecting, "apps/staging/job.yaml": job };
      const p = await plan(files, { images: ["ghcr.io/acme/app:2.0.0"] });
      expect(p.files.map((f) => f.path)).toEqual(["apps/prod/deploy.yaml", "apps/staging/job.yaml"]);
      expect(p.warnings.filter((w) => w.file === "apps/staging/job.yaml")).toEqual([]);
      // Labelled as the selector asks, the policy would govern the field once marked: the advice is back.
      const labelled = { ...files, "clusters/staging/flux-system/images.yaml": fluxImages("1.2.x", { labels: "{env: staging}" }) };
      expect((await plan(labelled, { images: ["ghcr.io/acme/app:2.0.0"] })).warnings.filter((w) => w.file === "apps/staging/job.yaml")).toEqual([
        {
          file: "apps/staging/job.yaml",
          line: 2,
          message:
            "ghcr.io/acme/app moves to 2.0.0 with no policy (no marker here); ImagePolicy flux-system:app (semver 1.2.x) would refuse it: add its marker, or a target with a policy",
        },
      ]);
    });

    it("leaves a marker in a file no automation of its namespace updates, and names the automations' paths", async () => {
      const files = {
        ...withAutomations,
        "apps/base/deploy.yaml": marked,
        "clusters/dev/flux-system/automation.yaml": fluxAutomation("./apps/base", "team-a"),
      };
      const p = await plan(files, { images: ["ghcr.io/acme/app:1.2.5"] });
      expect(p.files.map((f) => f.path)).toEqual(["apps/prod/deploy.yaml", "apps/staging/deploy.yaml"]);
      expect(p.warnings).toEqual([
        {
          file: "apps/base/deploy.yaml",
          line: 1,
          message:
            'Flux setter "flux-system:app" is set only in files under the spec.update.path of an ImageUpdateAutomation of namespace flux-system, and this file is under none (team-a/apps ./apps/base, flux-system/apps ./apps/prod, flux-system/apps ./apps/staging); the marked value is left as it is',
        },
      ]);
    });

    it("leaves a marker whose ImagePolicy the spec.policySelector of the automation updating its file leaves out, as Flux does, and says how to have it picked", async () => {
      const files = {
        ...withAutomations,
        "clusters/prod/flux-system/automation.yaml": fluxAutomation("./apps/prod", "flux-system", "{matchLabels: {env: prod}}"),
      };
      const p = await plan(files, { images: ["ghcr.io/acme/app:1.2.5"] });
      expect(p.files.map((f) => f.path)).toEqual(["apps/staging/deploy.yaml"]);
      expect(p.warnings).toEqual([
        {
          file: "apps/prod/deploy.yaml",
          line: 1,
          message:
            'Flux setter "flux-system:app" is left out by the spec.policySelector of the ImageUpdateAutomation that updates this file: flux-system/apps (clusters/prod/flux-system/automation.yaml:9) selects env=prod, and its ImagePolicy is at clusters/prod/flux-system/images.yaml:9 (no labels); the marked value is left as it is, as Flux leaves it (label the ImagePolicy so that a selector picks it, or widen the selector)',
        },
      ]);
      // The ImagePolicy labelled as the selector asks: its marker moves, as it does under a selector that excludes other labels only.
      const labelled = { ...files, "clusters/prod/flux-system/images.yaml": fluxImages(">=1.0.0-0", { labels: "{env: prod, tier: web}" }) };
      const moved = await plan(labelled, { images: ["ghcr.io/acme/app:1.2.5"] });
      expect([moved.files.map((f) => f.path), moved.warnings]).toEqual([["apps/prod/deploy.yaml", "apps/staging/deploy.yaml"], []]);
      const notIn = fluxAutomation("./apps/prod", "flux-system", "{matchExpressions: [{key: tier, operator: NotIn, values: [db]}]}");
      const unlabelled = await plan({ ...withAutomations, "clusters/prod/flux-system/automation.yaml": notIn }, { images: ["ghcr.io/acme/app:1.2.5"] });
      expect(unlabelled.files.map((f) => f.path)).toEqual(["apps/prod/deploy.yaml", "apps/staging/deploy.yaml"]);
    });

    it("reads the labels a kustomization building the ImagePolicy puts on it (labels: pairs, commonLabels), over its own, as the selector sees them in the cluster", async () => {
      const files = {
        ...withAutomations,
        "clusters/prod/flux-system/automation.yaml": fluxAutomation("./apps/prod", "flux-system", "{matchLabels: {env: prod}}"),
        "clusters/prod/flux-system/kustomization.yaml": "resources: [images.yaml, automation.yaml]\nlabels:\n  - pairs: {env: prod}\n",
      };
      const moved = await plan(files, { images: ["ghcr.io/acme/app:1.2.5"] });
      expect([moved.files.map((f) => f.path), moved.warnings]).toEqual([["apps/prod/deploy.yaml", "apps/staging/deploy.yaml"], []]);
      const common = await plan(
        { ...files, "clusters/prod/flux-system/kustomization.yaml": "resources: [images.yaml, automation.yaml]\ncommonLabels: {env: prod}\n" },
        { images: ["ghcr.io/acme/app:1.2.5"] },
      );
      expect([common.files.map((f) => f.path), common.warnings]).toEqual([["apps/prod/deploy.yaml", "apps/staging/deploy.yaml"], []]);
      // The kustomization's value replaces the policy's own: the selector no longer picks it, and the warning says the labels it has and which kustomization adds them.
      const relabelled = await plan(
        {
          ...files,
          "clusters/prod/flux-system/images.yaml": fluxImages(">=1.0.0-0", { labels: "{env: prod}" }),
          "clusters/prod/flux-system/kustomization.yaml": "resources: [images.yaml, automation.yaml]\ncommonLabels: {env: lab}\n",
        },
        { images: ["ghcr.io/acme/app:1.2.5"] },
      );
      expect(relabelled.files.map((f) => f.path)).toEqual(["apps/staging/deploy.yaml"]);
      expect(relabelled.warnings.map((w) => `${w.file}:${w.line}: ${w.message}`)).toEqual([
        'apps/prod/deploy.yaml:1: Flux setter "flux-system:app" is left out by the spec.policySelector of the ImageUpdateAutomation that updates this file: flux-system/apps (clusters/prod/flux-system/automation.yaml:9) selects env=prod, and its ImagePolicy is at clusters/prod/flux-system/images.yaml:9 (labels env=lab; env added by clusters/prod/flux-system/kustomization.yaml); the marked value is left as it is, as Flux leaves it (label the ImagePolicy, or change the labels its kustomization adds, so that a selector picks it, or widen the selector)',
      ]);
    });

    it("refuses a spec.policySelector Kubernetes refuses at its line, and sets no marker under that automation, as Flux's controller sets none", async () => {
      const invalid = "\n    matchExpressions:\n      - key: env\n        operator: In";
      const files = { ...withAutomations, "clusters/prod/flux-system/automation.yaml": fluxAutomation("./apps/prod", "flux-system", invalid) };
      const p = await plan(files, { images: ["ghcr.io/acme/app:1.2.5"] });
      expect(p.files.map((f) => f.path)).toEqual(["apps/staging/deploy.yaml"]);
      expect(p.warnings.map((w) => `${w.file}:${w.line}: ${w.message}`)).toEqual([
        "clusters/prod/flux-system/automation.yaml:11: ImageUpdateAutomation flux-system/apps: spec.policySelector.matchExpressions[0].values: In needs at least one value; Flux's controller refuses the selector and sets no marker, so none is set under ./apps/prod by it",
        'apps/prod/deploy.yaml:1: Flux setter "flux-system:app" is left out by the spec.policySelector of the ImageUpdateAutomation that updates this file: flux-system/apps (clusters/prod/flux-system/automation.yaml:9) has one Kubernetes refuses (see the warning there), and its ImagePolicy is at clusters/prod/flux-system/images.yaml:9 (no labels); the marked value is left as it is, as Flux leaves it (fix the selector)',
      ]);
    });

    it("says at a field moved by repository that a marker of its image beside it stays, in a file no automation updates: one pod, two versions", async () => {
      const pod = ["containers:", '  - image: ghcr.io/acme/app:1.2.0 # {"$imagepolicy": "flux-system:app"}', "  - image: ghcr.io/acme/app:1.2.0", ""].join(
        "\n",
      );
      const files = { ...withAutomations, "other/pod.yaml": pod, "other/job.yaml": "containers:\n  - image: ghcr.io/acme/app:1.2.0\n" };
      const split = {
        file: "other/pod.yaml",
        line: 3,
        message:
          'containers[1].image is set to ghcr.io/acme/app:1.2.5 by repository, while the marked fields of Flux setter "flux-system:app" in this file are left as they are (see the warning at them); mark this field with it to keep them together',
      };
      const p = await plan(files, { images: ["ghcr.io/acme/app:1.2.5"] });
      expect(afterOf(p, "other/pod.yaml")).toBe(pod.replace("app:1.2.0\n", "app:1.2.5\n"));
      expect(afterOf(p, "other/job.yaml")).toBe("containers:\n  - image: ghcr.io/acme/app:1.2.5\n");
      expect(p.warnings.filter((w) => w.file?.startsWith("other/")).map((w) => [w.line, w.message.split(" is ")[0]])).toEqual([
        [2, 'Flux setter "flux-system:app"'],
        [3, "containers[1].image"],
      ]);
      expect(p.warnings).toContainEqual(split);
      // In a target that allows the image too: the target does not make the marker follow.
      const config = "targets:\n  - name: other\n    paths: [other/**]\n    images:\n      - repository: ghcr.io/acme/app\n";
      const targeted = await plan({ ...files, ".github/gitops-promote.yaml": config }, { images: ["ghcr.io/acme/app:1.2.5"] });
      expect(targeted.warnings).toContainEqual(split);
    });

    it("reads their update paths from the repository's root when the tree is a directory of it (pathInRepository)", async () => {
      // The tree is the repository's kube/: Flux's paths name kube/apps/…, the tree's files apps/….
      const files = {
        "clusters/prod/flux-system/images.yaml": fluxImages(">=1.0.0-0"),
        "clusters/prod/flux-system/automation.yaml": fluxAutomation("./kube/apps/prod").replace("suspend: true", "suspend: false"),
        "clusters/staging/flux-system/images.yaml": fluxImages("1.2.x"),
        "clusters/staging/flux-system/automation.yaml": fluxAutomation("./kube/apps/staging"),
        "apps/prod/deploy.yaml": marked,
        "apps/staging/deploy.yaml": marked,
      };
      const p = await plan(files, { images: ["ghcr.io/acme/app:1.2.5"], pathInRepository: "kube/" });
      expect(p.files.map((f) => f.path)).toEqual(["apps/prod/deploy.yaml", "apps/staging/deploy.yaml"]);
      expect(p.warnings.map((w) => `${w.file}:${w.line}: ${w.message.split(":")[0]}`)).toEqual([
        "clusters/prod/flux-system/automation.yaml:8: ImageUpdateAutomation flux-system/apps is not suspended",
      ]);
      // An automation of another directory of the repository updates no file of this tree: its markers are left.
      const elsewhere = await plan(files, { images: ["ghcr.io/acme/app:1.2.5"], pathInRepository: "other" });
      expect(elsewhere.files).toEqual([]);
      expect(elsewhere.warnings.map((w) => w.message)).toEqual([
        expect.stringMatching(
          /^Flux setter "flux-system:app" is set only in files under the spec.update.path of an ImageUpdateAutomation of namespace flux-system, and this file is under none \(flux-system\/apps \.\/kube\/apps\/prod, /,
        ),
        expect.stringMatching(/^Flux setter "flux-system:app" is set only in files under/),
      ]);
    });

    it("reaches every file under an automation without spec.update.path", async () => {
      const files = { "flux-system/images.yaml": fluxImages("1.x"), "flux-system/automation.yaml": fluxAutomation('""'), "apps/deploy.yaml": marked };
      expect((await plan(files, { images: ["ghcr.io/acme/app:1.3.0"] })).files.map((f) => f.path)).toEqual(["apps/deploy.yaml"]);
    });

    it("does not hold back configured setters: explicit configuration overrides Flux objects", async () => {
      const files = {
        ...withAutomations,
        "apps/base/deploy.yaml": marked,
        ".github/gitops-promote.yaml": 'setters:\n  "flux-system:app": { image: ghcr.io/acme/app }\n',
      };
      const p = await plan(files, { images: ["ghcr.io/acme/app:2.0.0"] });
      expect(p.files.map((f) => f.path)).toEqual(["apps/base/deploy.yaml", "apps/prod/deploy.yaml", "apps/staging/deploy.yaml"]);
    });
  });
});

describe("planUpdate: Flux objects in the namespace their build puts them in (review flux17 M1)", () => {
  const unnamespaced = fluxImages("1.x").replace(/\n {2}namespace: flux-system/g, "");
  const marked = (key: string) => `image: ghcr.io/acme/app:1.2.0 # {"$imagepolicy": "${key}"}\n`;
  const flux = (spec: string) =>
    `apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata: {name: app, namespace: flux-system}\nspec:\n  path: ./apps/app\n${spec}`;
  const tenant = (key: string) => ({
    "apps/app/kustomization.yaml": "namespace: app\nresources: [images.yaml, deploy.yaml]\n",
    "apps/app/images.yaml": unnamespaced,
    "apps/app/deploy.yaml": marked(key),
    "clusters/prod/apps.yaml": flux(""),
  });
  const changed = (p: Plan) => p.files.map((f) => f.path);

  it("a tenant's kustomization namespace: names the key: its marker is set, and one of flux-system is not, told the key", async () => {
    const p = await plan(tenant("app:app"), { images: ["ghcr.io/acme/app:1.3.0"] });
    expect([changed(p), p.warnings]).toEqual([["apps/app/deploy.yaml"], []]);
    const wrong = await plan(tenant("flux-system:app"), { images: ["ghcr.io/acme/app:1.3.0"] });
    expect(changed(wrong)).toEqual([]);
    expect(wrong.warnings.map((w) => w.message)).toEqual([
      expect.stringContaining(
        'the tree\'s ImagePolicy app is in namespace app (apps/app/images.yaml:8, put there by apps/app/kustomization.yaml), not flux-system, so its marker key is "app:app"',
      ),
    ]);
  });

  it("offers a --setter given as a tag alone the repository of its key's ImagePolicy, in the namespace its build puts it in (review flux17 N1)", async () => {
    const refused = await refusal(tenant("app:app"), { setters: ["app:app=1.3.0", "flux-system:app=1.3.0"], fieldName: actionFieldName });
    expect(refused.map((issue) => issue.message)).toEqual([
      'input setters (app:app): "1.3.0" is a tag alone; give the full reference, e.g. ghcr.io/acme/app:1.3.0',
      // No ImagePolicy is flux-system's: nothing names its repository.
      'input setters (flux-system:app): "1.3.0" is a tag alone; give the full reference, e.g. <repository>:1.3.0',
    ]);
  });

  it("a Flux Kustomization's targetNamespace wins, read outside the paths to update, and, inside them, never edited", async () => {
    const files = { ...tenant("team-a:app"), "clusters/prod/apps.yaml": flux("  targetNamespace: team-a\n") };
    for (const paths of [[], ["apps"]]) {
      const p = await plan(files, { images: ["ghcr.io/acme/app:1.3.0"], paths });
      expect([changed(p), p.warnings]).toEqual([["apps/app/deploy.yaml"], []]);
    }
  });
});

describe("planUpdate: --setter values and policy warnings", () => {
  it("--setter writes the image as the key's ImageRepository spells it, like --image", async () => {
    const values =
      'image:\n  registry: docker.io\n  repository: nginx # {"$imagepolicy": "flux-system:nginx:name"}\n  tag: 1.25.4 # {"$imagepolicy": "flux-system:nginx:tag"}\n';
    const deploy = 'image: nginx:1.25.4 # {"$imagepolicy": "flux-system:nginx"}\n';
    const files = { "flux-system/images.yaml": fluxImages("1.x", { image: "nginx", name: "nginx" }), "values.yaml": values, "deploy.yaml": deploy };
    const p = await plan(files, { setters: ["flux-system:nginx=docker.io/library/nginx:1.25.5"] });
    expect(p.files.map((f) => f.after)).toEqual([deploy.replace("1.25.4", "1.25.5"), values.replace("1.25.4", "1.25.5")]);
  });

  it("offers a --setter given as a tag alone the repository the tree defines its key for: a configured setter's, one ImageRepository's, none of two (review flux17 N1)", async () => {
    const files = {
      ".github/gitops-promote.yaml": 'setters:\n  "flux-system:api": { image: ghcr.io/acme/api, policy: { semver: { range: "1.x" } } }\n',
      "flux-system/web.yaml": fluxImages("1.x", { image: "ghcr.io/acme/web", name: "web" }),
      // One key, a repository in each cluster: which one was meant is not known.
      "clusters/a/app.yaml": fluxImages("1.x"),
      "clusters/b/app.yaml": fluxImages("1.x", { image: "ghcr.io/acme/app-b" }),
    };
    const refused = await refusal(files, { setters: ["flux-system:web=1.3.0", "flux-system:app=1.3.0", "flux-system:api:tag=1.3.0"] });
    expect(refused.map((issue) => issue.message)).toEqual([
      'setter[0] (flux-system:web): "1.3.0" is a tag alone; give the full reference, e.g. ghcr.io/acme/web:1.3.0',
      'setter[1] (flux-system:app): "1.3.0" is a tag alone; give the full reference, e.g. <repository>:1.3.0',
      'setter[2]: "flux-system:api:tag" is the key of a marker for the tag alone; give the marker\'s key without ":tag" and the whole reference, ' +
        "e.g. setter flux-system:api=ghcr.io/acme/api:1.3.0: the key's :tag, :name and :digest markers each take their part of it",
    ]);
    // Refused with every issue at once, the request's field each: nothing about the tree is added.
    expect(refused.map((issue) => issue.field)).toEqual(["setter", "setter", "setter"]);
  });

  it("gives the incoming images as validated, the request's images and then its --setter values, for delivery to name", async () => {
    const p = await plan({}, { images: ["nginx:1.2"], setters: ["flux-system:app=ghcr.io/acme/app:2.0@sha256:" + "a".repeat(64)] });
    expect(p.images).toEqual([
      { name: "nginx", repository: "docker.io/library/nginx", tag: "1.2" },
      { name: "ghcr.io/acme/app", repository: "ghcr.io/acme/app", tag: "2.0", digest: "sha256:" + "a".repeat(64) },
    ]);
  });

  it("warns about a --setter value outside the key's policy, as about an --image tag", async () => {
    const files = { "flux-system/images.yaml": fluxImages(">=1.0.0"), "deploy.yaml": 'image: ghcr.io/acme/app:1.2.0 # {"$imagepolicy": "flux-system:app"}\n' };
    const p = await plan(files, { setters: ["flux-system:app=ghcr.io/acme/app:0.9.0"] });
    expect(p.files).toEqual([]);
    expect(p.warnings).toEqual([
      {
        file: "flux-system/images.yaml",
        line: 9,
        message: "setter flux-system:app: tag 0.9.0 is outside its policy (semver >=1.0.0); marked values are left as they are",
        kind: "policy-refusal",
      },
    ]);
  });

  // The marked tag follows its setter either way: the Flux objects' warning says why (the ImagePolicy's, or the exclusionList pattern's), and no advice to override the field follows.
  it.each([
    [
      "outside its policy",
      "2.0.0",
      fluxImages("^1.0.0"),
      "9: setter flux-system:app: tag 2.0.0 is outside its policy (semver ^1.0.0); marked values are left as they are",
    ],
    [
      "excluded by its ImageRepository",
      "1.3.0.sig",
      fluxImages("^1.0.0").replace("  image: ghcr.io/acme/app\n", '  image: ghcr.io/acme/app\n  exclusionList: ["^.*\\\\.sig$"]\n'),
      "8: setter flux-system:app: tag 1.3.0.sig is excluded by the ImageRepository's exclusionList; marked values are left as they are",
    ],
  ])("a HelmRelease's marked tag refused as %s gets the Flux objects' warning alone", async (_, tag, images, why) => {
    const release = `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata: {name: app}
spec:
  values:
    image:
      repository: ghcr.io/acme/app
      tag: "1.2.3" # {"$imagepolicy": "flux-system:app:tag"}
`;
    const p = await plan({ "flux-system/images.yaml": images, "app/release.yaml": release }, { images: [`ghcr.io/acme/app:${tag}`] });
    expect(p.files).toEqual([]);
    expect(p.warnings.map((w) => `${w.file}:${w.line}: ${w.message}`)).toEqual([`flux-system/images.yaml:${why}`]);
  });

  it("warns about a tag outside a policy only when a marker in scope uses it, at the marker when no ImagePolicy defines it", async () => {
    const config = 'setters:\n  "flux-system:app": { image: ghcr.io/acme/app, policy: { semver: { range: "1.x" } } }\n';
    const files = {
      ".github/gitops-promote.yaml": config,
      "flux-system/images.yaml": fluxImages(">=3.0.0-0", { name: "web-alpha" }),
      "apps/deploy.yaml": 'replicas: 1\nimage: ghcr.io/acme/app:1.2.0 # {"$imagepolicy": "flux-system:app"}\n',
    };
    const p = await plan(files, { images: ["ghcr.io/acme/app:2.0.0"] });
    expect(p.warnings).toEqual([
      {
        file: "apps/deploy.yaml",
        line: 2,
        message: "setter flux-system:app: tag 2.0.0 is outside its policy (semver 1.x); marked values are left as they are",
        kind: "policy-refusal",
      },
    ]);
  });

  it("says a tag both a marker's policy and its target's refuse once, for the target; the marker's where one of its markers is outside (trial 13)", async () => {
    const files = {
      ".github/gitops-promote.yaml":
        "targets:\n  - name: production\n    paths: [apps/production/**]\n    images:\n      - repository: ghcr.io/acme/app\n        policy: { semver: { range: ^1.0.0 } }\n",
      "flux-system/images.yaml": fluxImages("^1.0.0", { name: "app-prod" }),
      "apps/production/kustomization.yaml": 'images:\n  - name: ghcr.io/acme/app\n    newTag: "1.2.0" # {"$imagepolicy": "flux-system:app-prod:tag"}\n',
    };
    const rc = { images: ["ghcr.io/acme/app:1.3.0-rc.1"] };
    const target = "target production: ghcr.io/acme/app:1.3.0-rc.1 is outside its policy (semver ^1.0.0); not edited there";
    expect((await plan(files, rc)).warnings.map((w) => w.message)).toEqual([target]);
    // A marker of the key in no target is set by the ImagePolicy alone: its refusal is news there.
    const outside = { ...files, "clusters/prod/worker.yaml": 'image: ghcr.io/acme/app:1.2.0 # {"$imagepolicy": "flux-system:app-prod"}\n' };
    expect((await plan(outside, rc)).warnings.map((w) => w.message)).toEqual([
      "setter flux-system:app-prod: tag 1.3.0-rc.1 is outside its policy (semver ^1.0.0); marked values are left as they are",
      target,
    ]);
  });
});

describe("planUpdate: configured overrides", () => {
  const config = (overrides: string, targets = "") => `${targets}overrides:\n${overrides}`;
  const override = "  - file: prod/main.k\n    spec: config.image\n    image: ghcr.io/acme/app\n";
  // The field holds the image only through a variable: no literal of the repository for the image editor to find.
  const kcl = (tag: string) => `version = "${tag}"\nconfig = {\n    image = "ghcr.io/acme/app:" + version\n}\n`;
  const main = (value: string) => `config = {\n    image = "${value}"\n}\n`;

  it("sets the field from the incoming image, as written in the configuration", async () => {
    const p = await plan({ ".github/gitops-promote.yaml": config(override), "prod/main.k": kcl("1.0.0") }, { images: ["ghcr.io/acme/app:1.2.0"] });
    expect(afterOf(p, "prod/main.k")).toBe(kcl("1.0.0").replace('"ghcr.io/acme/app:" + version', '"ghcr.io/acme/app:1.2.0"'));
    expect(p.changes.map((c) => [c.kind, c.key, c.old, c.new])).toEqual([
      ["override", "config.image", '"ghcr.io/acme/app:" + version', "ghcr.io/acme/app:1.2.0"],
    ]);
  });

  it("a configured override of the variable a KCL interpolation takes its tag from answers that interpolation's warning, as a marker on it does", async () => {
    const main = '_tag = "1.2.3"\ninterp = {image = "ghcr.io/acme/web:${_tag}"}\n';
    const config = "overrides: [{file: main.k, spec: _tag, image: ghcr.io/acme/web, part: tag}]\n";
    const p = await plan({ ".github/gitops-promote.yaml": config, "main.k": main }, { images: ["ghcr.io/acme/web:1.2.6"] });
    expect([afterOf(p, "main.k"), p.warnings]).toEqual([main.replace("1.2.3", "1.2.6"), []]);
    expect((await plan({ "main.k": main }, { images: ["ghcr.io/acme/web:1.2.6"] })).warnings.map((w) => w.line)).toEqual([2]);
  });

  it("a --set of that variable answers the interpolation's warning too, as a configured override does", async () => {
    const main = '_tag = "1.2.3"\ninterp = {image = "ghcr.io/acme/web:${_tag}"}\n';
    const p = await plan({ "main.k": main }, { images: ["ghcr.io/acme/web:1.2.6"], sets: ['main.k:_tag="1.2.6"'] });
    expect([afterOf(p, "main.k"), p.warnings]).toEqual([main.replace("1.2.3", "1.2.6"), []]);
  });

  it("moves the field on under its target's policy: never outside the range, never down", async () => {
    const files = { ".github/gitops-promote.yaml": config(override, CONFIG), "prod/main.k": main("ghcr.io/acme/app:1.2.3") };
    expect((await plan(files, { images: ["ghcr.io/acme/app:2.0.0-rc.1"] })).files).toEqual([]);
    expect((await plan(files, { images: ["ghcr.io/acme/app:1.1.0"] })).files).toEqual([]);
    expect(afterOf(await plan(files, { images: ["ghcr.io/acme/app:1.3.0"] }), "prod/main.k")).toBe(main("ghcr.io/acme/app:1.3.0"));
    expect(afterOf(await plan(files, { images: ["ghcr.io/acme/app:1.1.0"], allowDowngrade: true }), "prod/main.k")).toBe(main("ghcr.io/acme/app:1.1.0"));
  });

  it("sets nothing where no target holds the file, and says so when its image comes", async () => {
    const elsewhere = "  - file: other/main.k\n    spec: config.image\n    image: ghcr.io/acme/app\n";
    const p = await plan(
      { ...TARGET_DIRS, ".github/gitops-promote.yaml": config(elsewhere, CONFIG), "other/main.k": main("ghcr.io/acme/app:1.0.0") },
      { images: ["ghcr.io/acme/app:1.3.0"] },
    );
    expect(p.files).toEqual([]);
    expect(p.warnings).toEqual([
      { file: ".github/gitops-promote.yaml", line: 19, message: "override of other/main.k: the file is in no target, so ghcr.io/acme/app is not set there" },
    ]);
  });

  it("refuses, before any edit, an override whose file's target does not allow its image: it could never apply", async () => {
    const tools = "  - file: tools/main.k\n    spec: config.image\n    image: ghcr.io/acme/app\n";
    const files = { ...TARGET_DIRS, ".github/gitops-promote.yaml": config(tools, CONFIG), "tools/main.k": main("ghcr.io/acme/app:1.0.0") };
    expect(await refusal(files, { images: ["ghcr.io/acme/tool:2.0.0"] })).toEqual([
      {
        field: "config",
        file: ".github/gitops-promote.yaml",
        line: 21,
        message: "overrides[0].image: target tools, whose paths hold tools/main.k, does not allow ghcr.io/acme/app, so this override never applies",
      },
    ]);
  });

  it("leaves a file outside --path alone", async () => {
    const p = await plan(
      { ".github/gitops-promote.yaml": config(override), "prod/main.k": main("ghcr.io/acme/app:1.0.0"), "staging/d.yaml": "a: 1\n" },
      {
        images: ["ghcr.io/acme/app:1.2.0"],
        paths: ["staging"],
      },
    );
    expect(p.files).toEqual([]);
  });

  it("refuses an override of a file that does not exist, at its line in the configuration", async () => {
    const typo = "  - file: prod/mian.k\n    spec: config.image\n    image: ghcr.io/acme/app\n";
    expect(await refusal({ ".github/gitops-promote.yaml": config(typo), "prod/main.k": main("x") }, { images: ["nginx:1.0"] })).toEqual([
      { field: "config", file: ".github/gitops-promote.yaml", line: 2, message: "overrides[0].file: prod/mian.k does not exist" },
    ]);
  });

  it("numbers an override by its place in the configuration, the entries refused before it counted", async () => {
    const overrides = [
      "  - file: ../outside/victim.yaml",
      "    spec: image",
      "    image: ghcr.io/acme/app",
      "  - file: app.json",
      "    spec: image",
      "    image: ghcr.io/acme/app",
      "  - file: .git/config.yaml",
      "    spec: image",
      "    image: ghcr.io/acme/app",
      "  - file: apps/gone.yaml",
      "    spec: image",
      "    image: ghcr.io/acme/app",
      "",
    ].join("\n");
    const issues = await refusal({ ".github/gitops-promote.yaml": config(overrides), "app.yaml": "image: x\n" }, { images: ["ghcr.io/acme/app:2.0.0"] });
    expect(issues.map((i) => [i.line, i.message.split(":")[0]])).toEqual([
      [2, "overrides[0].file"],
      [5, "overrides[1].file"],
      [8, "overrides[2].file"],
      [11, "overrides[3].file"],
    ]);
  });

  it("refuses a configuration with every problem at once: its own, and those of its overrides in the tree", async () => {
    const text = [
      "targets:",
      "  - name: dev",
      '    paths: ["helm/**"]',
      "    images:",
      "      - repository: ghcr.io/acme/web",
      '        policy: { semver: { range: "^1.0.0 ||| x" } }',
      "overrides:",
      "  - file: helm/app/missing.yaml",
      "    spec: image.tag",
      "    image: ghcr.io/acme/web",
      "",
    ].join("\n");
    const issues = await refusal(
      { ".github/gitops-promote.yaml": text, "helm/app/values.yaml": "image:\n  tag: 1.0.0\n" },
      { images: ["ghcr.io/acme/web:1.1.0"] },
    );
    expect(issues.map((i) => [i.line, i.message.split(":")[0]])).toEqual([
      [6, "targets[0].images[0].policy.semver.range"],
      [8, "overrides[0].file"],
    ]);
  });

  describe("part: tag, for a field holding only the tag beside its repository", () => {
    // `version`, not `tag`: a {repository, tag} pair is moved on by repository alone.
    const tagOnly = (tag: string) => `app = {\n    image = {repository = "ghcr.io/acme/app", version = "${tag}"}\n}\n`;
    const tagOverride = (file: string, spec: string) => `  - file: ${file}\n    spec: ${spec}\n    image: ghcr.io/acme/app\n    part: tag\n`;

    it("writes only the tag (the review's reproduction)", async () => {
      const files = { ".github/gitops-promote.yaml": config(tagOverride("main.k", "app.image.version")), "main.k": tagOnly("1.2.3") };
      const p = await plan(files, { images: ["ghcr.io/acme/app:1.2.4"] });
      expect(afterOf(p, "main.k")).toBe(tagOnly("1.2.4"));
      expect(p.changes.map((c) => [c.line, c.kind, c.key, c.old, c.new])).toEqual([[2, "override", "app.image.version", "1.2.3", "1.2.4"]]);
    });

    it("under its target's policy: a newer tag is kept, and says so", async () => {
      const files = { ".github/gitops-promote.yaml": config(tagOverride("prod/main.k", "app.image.version"), CONFIG), "prod/main.k": tagOnly("1.3.0") };
      const p = await plan(files, { images: ["ghcr.io/acme/app:1.2.4"] });
      expect(p.files).toEqual([]);
      expect(p.warnings).toContainEqual({
        file: "prod/main.k",
        line: 2,
        message: "app.image.version keeps 1.3.0, which its policy (semver ^1.0.0) ranks above the incoming 1.2.4 (allow-downgrade sets it anyway)",
      });
      expect(afterOf(await plan(files, { images: ["ghcr.io/acme/app:1.4.0"] }), "prod/main.k")).toBe(tagOnly("1.4.0"));
    });

    it("in a YAML file too", async () => {
      const values = "image:\n  repository: ghcr.io/acme/app\n  version: 1.2.3\n";
      const files = { ".github/gitops-promote.yaml": config(tagOverride("values.yaml", "image.version")), "values.yaml": values };
      expect(afterOf(await plan(files, { images: ["ghcr.io/acme/app:1.2.4"] }), "values.yaml")).toBe(values.replace("1.2.3", "1.2.4"));
    });

    it("leaves a field holding a whole reference as it is, saying why", async () => {
      const files = { ".github/gitops-promote.yaml": config(tagOverride("main.k", "config.image")), "main.k": main("ghcr.io/acme/base:1.0") };
      const p = await plan(files, { images: ["ghcr.io/acme/app:1.2.4"] });
      expect(p.files).toEqual([]);
      expect(p.warnings).toContainEqual({
        file: "main.k",
        line: 2,
        message: 'config.image holds "ghcr.io/acme/base:1.0", which is not a tag; an override with part: tag writes only a tag, so it is left as it is',
      });
    });
  });

  describe("a configured override whose path its file does not have", () => {
    const flaskDemo = 'config = {\n    containers = {\n        flask_demo = {image = "kcllang/flask_demo:f0"}\n    }\n}\n';
    const typo = "  - file: main.k\n    spec: config.containers.flaskdemo.image\n    image: kcllang/flask_demo\n";

    it("is refused at its line in the configuration, with where its file stops", async () => {
      expect(await refusal({ ".github/gitops-promote.yaml": config(typo), "main.k": flaskDemo }, { images: ["kcllang/flask_demo:f1"] })).toEqual([
        {
          field: "config",
          file: ".github/gitops-promote.yaml",
          line: 3,
          message:
            "overrides[0].spec: main.k:2: config.containers has 'flask_demo', not 'flaskdemo' (to add config.containers.flaskdemo.image, use --create, or create: true in the Action or the library)",
        },
      ]);
    });

    it("is refused with every other bad override, a YAML one and a missing file among them", async () => {
      const overrides = `${typo}  - file: values.yaml\n    spec: image.tga\n    image: nginx\n  - file: gone.k\n    spec: a.b\n    image: nginx\n`;
      const files = { ".github/gitops-promote.yaml": config(overrides), "main.k": flaskDemo, "values.yaml": "image:\n  tag: 1.0\n" };
      expect(await refusal(files, { images: ["kcllang/flask_demo:f1"] })).toEqual([
        {
          field: "config",
          file: ".github/gitops-promote.yaml",
          line: 3,
          message:
            "overrides[0].spec: main.k:2: config.containers has 'flask_demo', not 'flaskdemo' (to add config.containers.flaskdemo.image, use --create, or create: true in the Action or the library)",
        },
        {
          field: "config",
          file: ".github/gitops-promote.yaml",
          line: 6,
          message:
            "overrides[1].spec: values.yaml:2: image.tga: image has 'tag', not 'tga' (to add image.tga, use --create, or create: true in the Action or the library)",
        },
        { field: "config", file: ".github/gitops-promote.yaml", line: 8, message: "overrides[2].file: gone.k does not exist" },
      ]);
    });

    it("is refused also in a run whose images it does not concern, outside --path too, before anything is edited", async () => {
      const files = { ".github/gitops-promote.yaml": config(typo), "main.k": flaskDemo, "redis/deploy.yaml": "image: redis:7.0\n" };
      expect(await refusal(files, { images: ["redis:7.2"], paths: ["redis"] })).toEqual([
        {
          field: "config",
          file: ".github/gitops-promote.yaml",
          line: 3,
          message:
            "overrides[0].spec: main.k:2: config.containers has 'flask_demo', not 'flaskdemo' (to add config.containers.flaskdemo.image, use --create, or create: true in the Action or the library)",
        },
      ]);
    });

    it("is accepted with create, which would add it", async () => {
      const p = await plan(
        { ".github/gitops-promote.yaml": config(typo), "main.k": flaskDemo, "d.yaml": "image: redis:7.0\n" },
        { images: ["redis:7.2"], create: true },
      );
      expect(p.files.map((f) => f.path)).toEqual(["d.yaml"]);
    });
  });

  it("sets a YAML field by its dotted path under the same rules", async () => {
    const values = "image:\n  full: ghcr.io/acme/app:1.2.3\n";
    const yamlOverride = "  - file: prod/values.yaml\n    spec: image.full\n    image: ghcr.io/acme/app\n";
    const files = { ".github/gitops-promote.yaml": config(yamlOverride, CONFIG), "prod/values.yaml": values };
    expect((await plan(files, { images: ["ghcr.io/acme/app:1.1.0"] })).files).toEqual([]);
    expect(afterOf(await plan(files, { images: ["ghcr.io/acme/app:1.4.0"] }), "prod/values.yaml")).toBe(values.replace("1.2.3", "1.4.0"));
  });
});

describe("planUpdate: a late, older build", () => {
  const files = {
    ...TARGET_DIRS,
    ".github/gitops-promote.yaml": `${CONFIG}overrides:\n  - file: prod/override.k\n    spec: config.image\n    image: ghcr.io/acme/app\n`,
    "prod/app.yaml": "apiVersion: argoproj.io/v1alpha1\nkind: Application\nspec:\n  source:\n    kustomize:\n      images:\n        - ghcr.io/acme/app:1.3.0\n",
    "prod/deploy.yaml": "spec:\n  containers:\n    - name: app\n      image: ghcr.io/acme/app:1.3.0\n",
    "prod/kustomization.yaml": "kind: Kustomization\nimages:\n  - name: ghcr.io/acme/app\n    newTag: 1.3.0\n",
    "prod/values.yaml": "image:\n  repository: ghcr.io/acme/app\n  tag: 1.3.0\n",
    "prod/marked.yaml": 'image: ghcr.io/acme/app:1.3.0 # {"$imagepolicy": "flux-system:app"}\n',
    "prod/main.k": 'app = {\n    image = "ghcr.io/acme/app:1.3.0"\n}\n',
    "prod/override.k": 'config = {\n    image = "ghcr.io/acme/app:1.3.0"\n}\n',
  };

  it("changes nothing, and each field its policy keeps says so where it is, once", async () => {
    const p = await plan(files, { images: ["ghcr.io/acme/app:1.2.0"] });
    expect(p.files).toEqual([]);
    const why = "keeps 1.3.0, which its policy (semver ^1.0.0) ranks above the incoming 1.2.0 (allow-downgrade sets it anyway)";
    expect(p.warnings).toEqual([
      { file: "prod/app.yaml", line: 7, message: `spec.source.kustomize.images[0] ${why}` },
      { file: "prod/deploy.yaml", line: 4, message: `spec.containers[0].image ${why}` },
      { file: "prod/kustomization.yaml", line: 3, message: `images[0] ${why}` },
      { file: "prod/main.k", line: 2, message: `app.image ${why}` },
      { file: "prod/marked.yaml", line: 1, message: `Flux setter "flux-system:app" ${why.replace("^1.0.0", "1.x within semver ^1.0.0")}` },
      { file: "prod/override.k", line: 2, message: `config.image ${why}` },
      { file: "prod/values.yaml", line: 3, message: `image.tag ${why}` },
    ]);
  });

  it("says a tag its target's policy refuses once, for the target, not at each field of whatever form", async () => {
    const more = {
      ...files,
      ".github/gitops-promote.yaml": `${files[".github/gitops-promote.yaml"]}  - {file: prod/version.k, spec: config.version, image: ghcr.io/acme/app, part: tag}\n  - {file: prod/version.yaml, spec: app.version, image: ghcr.io/acme/app, part: tag}\n`,
      "prod/version.k": 'config = {\n    version = "1.3.0"\n}\n',
      "prod/version.yaml": 'app:\n  version: "1.3.0"\n',
      "prod/pair.k": 'app = {\n    repository = "ghcr.io/acme/app"\n    tag = "1.3.0"\n}\n',
      "prod/marked.k": 'image = "ghcr.io/acme/app:1.3.0"  # {"$imagepolicy": "flux-system:app"}\n',
      "prod/patched.yaml":
        "kind: Kustomization\npatches:\n  - patch: |-\n      - op: replace\n        path: /spec/template/spec/containers/0/image\n        value: ghcr.io/acme/app:1.3.0\n",
      "prod/run.yaml": 'apiVersion: krm.kcl.dev.fluxcd/v1alpha1\nkind: KCLRun\nspec:\n  config:\n    overrides:\n      - app.image="ghcr.io/acme/app:1.3.0"\n',
      "prod/kcl.mod": '[profile]\noverrides = ["app.image=\\"ghcr.io/acme/app:1.3.0\\""]\n',
    };
    const p = await plan(more, { images: ["ghcr.io/acme/app:2.0.0"] });
    expect(p.files).toEqual([]);
    expect(p.warnings.map((w) => w.message)).toEqual(["target prod: ghcr.io/acme/app:2.0.0 is outside its policy (semver ^1.0.0); not edited there"]);
    // Each of them moves with a tag the policy takes.
    expect((await plan(more, { images: ["ghcr.io/acme/app:1.4.0"] })).files.map((f) => f.path)).toEqual(
      Object.keys(more)
        .filter((path) => /^prod\/.*\.(yaml|k|mod)$/.test(path))
        .sort(),
    );
  });

  it('says it once where an override names the field otherwise than the editor does (config["image"], config.image)', async () => {
    const quoted = { ...files, ".github/gitops-promote.yaml": files[".github/gitops-promote.yaml"].replace("spec: config.image", 'spec: config["image"]') };
    const p = await plan(quoted, { images: ["ghcr.io/acme/app:1.2.0"] });
    expect(p.warnings.filter((w) => w.file === "prod/override.k").map((w) => w.message)).toEqual([
      "config.image keeps 1.3.0, which its policy (semver ^1.0.0) ranks above the incoming 1.2.0 (allow-downgrade sets it anyway)",
    ]);
  });

  it("keeps the warnings of two fields on one line, an override's and an editor's, though they say the same", async () => {
    const config = `${CONFIG}overrides:\n  - {file: prod/pair.k, spec: config.version, image: ghcr.io/acme/app, part: tag}\n`;
    const pair = 'config = {repository = "ghcr.io/acme/app", version = "1.3.0", mirror = "ghcr.io/acme/app:1.3.0"}\n';
    const p = await plan({ ".github/gitops-promote.yaml": config, "prod/pair.k": pair }, { images: ["ghcr.io/acme/app:1.2.0"] });
    const why = "keeps 1.3.0, which its policy (semver ^1.0.0) ranks above the incoming 1.2.0 (allow-downgrade sets it anyway)";
    expect(p.warnings.filter((w) => w.message.includes(" keeps ")).map((w) => w.message)).toEqual([`config.mirror ${why}`, `config.version ${why}`]);
  });

  it("with allow-downgrade, is written everywhere and warns about none", async () => {
    const p = await plan(files, { images: ["ghcr.io/acme/app:1.2.0"], allowDowngrade: true });
    expect(p.files.map((f) => f.path)).toEqual(
      Object.keys(files)
        .filter((path) => /^prod\/.*\.(yaml|k)$/.test(path))
        .sort(),
    );
    expect(p.warnings).toEqual([]);
  });
});

describe("planUpdate: a tag spelt with a v prefix where the fields have none, or the reverse", () => {
  const files = {
    "flux.yaml":
      "apiVersion: image.toolkit.fluxcd.io/v1beta2\nkind: ImagePolicy\nmetadata:\n  name: app\n  namespace: flux-system\nspec:\n  imageRepositoryRef:\n    name: app\n  policy:\n    semver:\n      range: ^1.0.0\n---\n" +
      "apiVersion: image.toolkit.fluxcd.io/v1beta2\nkind: ImageRepository\nmetadata:\n  name: app\n  namespace: flux-system\nspec:\n  image: ghcr.io/acme/app\n",
    "deploy.yaml": "spec:\n  containers:\n    - name: app\n      image: ghcr.io/acme/app:1.4.0\n",
    "kustomization.yaml": "kind: Kustomization\nimages:\n  - name: ghcr.io/acme/app\n    newTag: 1.4.0\n",
    "values.yaml": "image:\n  repository: ghcr.io/acme/app\n  tag: 1.4.0\n",
    "marked.yaml": 'image: ghcr.io/acme/app:1.4.0 # {"$imagepolicy": "flux-system:app"}\n',
    "main.k": 'app = {\n    image = "ghcr.io/acme/app:1.4.0"\n}\n',
  };

  it("writes it, as asked (a semver policy reads both), and says so once at each field: a registry holds v1.5.0 and 1.5.0 as two tags", async () => {
    const p = await plan(files, { images: ["ghcr.io/acme/app:v1.5.0"] });
    expect(p.changes.map((c) => [c.file, c.new])).toEqual([
      ["deploy.yaml", "ghcr.io/acme/app:v1.5.0"],
      ["kustomization.yaml", "v1.5.0"],
      ["main.k", "ghcr.io/acme/app:v1.5.0"],
      ["marked.yaml", "ghcr.io/acme/app:v1.5.0"],
      ["values.yaml", "v1.5.0"],
    ]);
    const why =
      'goes from 1.4.0 to v1.5.0, which adds the "v" prefix: a registry holds v1.5.0 and 1.5.0 as two tags (semver policies read them as one version); check which of them CI pushed';
    expect(p.warnings).toEqual([
      { file: "deploy.yaml", line: 4, message: `spec.containers[0].image ${why}` },
      { file: "kustomization.yaml", line: 3, message: `images[0] ${why}` },
      { file: "main.k", line: 2, message: `app.image ${why}` },
      { file: "marked.yaml", line: 1, message: `Flux setter "flux-system:app" ${why}` },
      { file: "values.yaml", line: 3, message: `image.tag ${why}` },
    ]);
    // The same spelling says nothing.
    expect((await plan(files, { images: ["ghcr.io/acme/app:1.5.0"] })).warnings).toEqual([]);
  });
});

describe("planUpdate: a configured override naming a config or list, not the string in it (bug hunt 5, 1)", () => {
  const main = ["config = {", '    image = {repository = "ghcr.io/acme/app", tag = "1.2.3"}', '    list = ["ghcr.io/acme/app:1.2.3"]', "}", ""].join("\n");
  const overrides = [
    "overrides:",
    "  - {file: main.k, spec: config.image, image: ghcr.io/acme/app, part: tag}",
    "  - {file: main.k, spec: config.list, image: ghcr.io/acme/app}",
    "  - {file: values.yaml, spec: image, image: ghcr.io/acme/app, part: tag}",
    "",
  ].join("\n");
  const files = { ".github/gitops-promote.yaml": overrides, "main.k": main, "values.yaml": "image:\n  repository: ghcr.io/acme/app\n  tag: 1.2.3\n" };

  it("is a configuration error at its line, with the file's line and what the value is, as in YAML, before any edit", async () => {
    // planUpdate throws: no file is planned, so neither the override nor the list item's own image change is written or listed.
    const inside = "; name the entry inside it that holds the image (or, with part: tag, the tag)";
    expect(await refusal(files, { images: ["ghcr.io/acme/app:1.2.4"] })).toEqual([
      {
        field: "config",
        file: ".github/gitops-promote.yaml",
        line: 2,
        message: `overrides[0].spec: main.k:2: config.image: the value is a config, not a string that can be set${inside}`,
      },
      {
        field: "config",
        file: ".github/gitops-promote.yaml",
        line: 3,
        message: "overrides[1].spec: main.k:3: config.list: the value is a list, not a string that can be set",
      },
      {
        field: "config",
        file: ".github/gitops-promote.yaml",
        line: 4,
        message: "overrides[2].spec: values.yaml:2: image: the value is a mapping, not a scalar that can be set",
      },
    ]);
  });
});

describe("planUpdate: --set with += run again (bug hunt 5, 4)", () => {
  it("changes nothing the second time: the items are in the list already", async () => {
    const main = 'config = {\n    args = ["a", "b"]\n}\n';
    const request = { sets: ['main.k:config.args+=["c"]'] };
    const first = await plan({ "main.k": main }, request);
    expect(afterOf(first, "main.k")).toBe('config = {\n    args = ["a", "b", "c"]\n}\n');
    const second = await plan({ "main.k": afterOf(first, "main.k")! }, request);
    expect(second.files).toEqual([]);
    expect(second.changes).toEqual([]);
  });
});

describe("planUpdate: a bare base image that kustomizations tag (onboarding review 7, 5)", () => {
  const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  template:
    spec:
      containers:
        - name: api
          image: ghcr.io/acme/api  # tag set by overlays
`;
  const overlay = (tag: string) => `resources:\n  - ../../base\nimages:\n  - name: ghcr.io/acme/api\n    newTag: ${tag}\n`;
  const API = { images: ["ghcr.io/acme/api:1.5.0"] };

  it("leaves the base's container to its own kustomization's images:, whose newTag moves", async () => {
    const kustomization = "resources:\n  - deployment.yaml\nimages:\n  - name: ghcr.io/acme/api\n    newTag: 1.4.0\n";
    const p = await plan({ "apps/api/base/deployment.yaml": DEPLOYMENT, "apps/api/base/kustomization.yaml": kustomization }, API);
    expect(p.files.map((f) => f.path)).toEqual(["apps/api/base/kustomization.yaml"]);
    expect(afterOf(p, "apps/api/base/kustomization.yaml")).toBe(kustomization.replace("1.4.0", "1.5.0"));
    expect(p.warnings).toEqual([]);
  });

  it("leaves it to the overlays that include ../../base and set the tag", async () => {
    const p = await plan(
      {
        "apps/api/base/deployment.yaml": DEPLOYMENT,
        "apps/api/base/kustomization.yaml": "resources:\n  - deployment.yaml\n",
        "apps/api/overlays/staging/kustomization.yaml": overlay("1.4.0"),
        "apps/api/overlays/prod/kustomization.yaml": overlay("1.3.0"),
      },
      API,
    );
    expect(p.changes.map((c) => [c.file, c.key, c.old, c.new])).toEqual([
      ["apps/api/overlays/prod/kustomization.yaml", "images[0].newTag", "1.3.0", "1.5.0"],
      ["apps/api/overlays/staging/kustomization.yaml", "images[0].newTag", "1.4.0", "1.5.0"],
    ]);
    expect(p.warnings).toEqual([]);
  });

  it("and to a component the overlay includes", async () => {
    const component = "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nimages:\n  - name: ghcr.io/acme/api\n    newTag: 1.4.0\n";
    const p = await plan(
      {
        "apps/api/base/deployment.yaml": DEPLOYMENT,
        "apps/api/base/kustomization.yaml": "resources:\n  - deployment.yaml\n",
        "apps/api/components/api-version/kustomization.yaml": component,
        "apps/api/overlays/prod/kustomization.yaml": "resources:\n  - ../../base\ncomponents:\n  - ../../components/api-version\n",
      },
      API,
    );
    expect(p.files.map((f) => f.path)).toEqual(["apps/api/components/api-version/kustomization.yaml"]);
  });

  it("and to the overlay when only the overlay is promoted (--path), or only the base, where it says so: bases live outside the overlay's path", async () => {
    const files = {
      "apps/api/base/deployment.yaml": DEPLOYMENT,
      "apps/api/base/kustomization.yaml": "resources:\n  - deployment.yaml\n",
      "apps/api/overlays/prod/kustomization.yaml": overlay("1.4.0"),
    };
    expect((await plan(files, { ...API, paths: ["apps/api/overlays/prod"] })).files.map((f) => f.path)).toEqual(["apps/api/overlays/prod/kustomization.yaml"]);
    const base = await plan(files, { ...API, paths: ["apps/api/base"] });
    expect(base.files).toEqual([]);
    expect(base.warnings).toEqual([
      {
        file: "apps/api/base/deployment.yaml",
        line: 9,
        message:
          "spec.template.spec.containers[0].image holds ghcr.io/acme/api with no tag or digest, so its version is set by the images: of apps/api/overlays/prod/kustomization.yaml, outside the paths; left as it is",
      },
    ]);
  });

  it("leaves an untagged image in an inline patch of that kustomization too: kustomize tags after patching", async () => {
    const kustomization = `resources:
  - ../../base
patches:
  - patch: |
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: api}
      spec:
        template:
          spec:
            containers:
              - name: migrate
                image: ghcr.io/acme/api
images:
  - name: ghcr.io/acme/api
    newTag: 1.4.0
`;
    const p = await plan(
      {
        "apps/api/base/deployment.yaml": DEPLOYMENT,
        "apps/api/base/kustomization.yaml": "resources:\n  - deployment.yaml\n",
        "apps/api/overlays/prod/kustomization.yaml": kustomization,
      },
      API,
    );
    expect(p.changes.map((c) => [c.file, c.key])).toEqual([["apps/api/overlays/prod/kustomization.yaml", "images[0].newTag"]]);
  });

  it("pins a bare image no kustomization builds, as before: a plain directory, or a file its directory's kustomization does not list", async () => {
    const p = await plan(
      {
        "plain/deployment.yaml": DEPLOYMENT,
        "app/deployment.yaml": DEPLOYMENT,
        "app/unlisted.yaml": DEPLOYMENT,
        "app/kustomization.yaml": "resources: [deployment.yaml]\nimages: [{name: ghcr.io/acme/api, newTag: 1.4.0}]\n",
      },
      API,
    );
    expect(p.changes.map((c) => [c.file, c.new])).toEqual([
      ["app/kustomization.yaml", "1.5.0"],
      ["app/unlisted.yaml", "ghcr.io/acme/api:1.5.0"],
      ["plain/deployment.yaml", "ghcr.io/acme/api:1.5.0"],
    ]);
  });

  it("pins it where the kustomization lists the repository under another name only: its entry renames some other image to it", async () => {
    const kustomization = "resources:\n  - ../../base\nimages:\n  - name: api\n    newName: ghcr.io/acme/api\n    newTag: 1.4.0\n";
    const p = await plan(
      {
        "apps/api/base/deployment.yaml": DEPLOYMENT,
        "apps/api/base/kustomization.yaml": "resources:\n  - deployment.yaml\n",
        "apps/api/overlays/prod/kustomization.yaml": kustomization,
      },
      API,
    );
    expect(p.changes.map((c) => [c.file, c.new])).toEqual([
      ["apps/api/base/deployment.yaml", "ghcr.io/acme/api:1.5.0"],
      ["apps/api/overlays/prod/kustomization.yaml", "1.5.0"],
    ]);
  });

  it("under targets, pins it where only another target's kustomization tags it, and says which at the field (sec15 S6)", async () => {
    const config = `targets:
  - name: staging
    paths: ["apps/staging/**"]
    images: [{ repository: ghcr.io/acme/api }]
  - name: production
    paths: ["apps/prod/**"]
    images: [{ repository: ghcr.io/acme/api }]
`;
    const files = {
      ".github/gitops-promote.yaml": config,
      "apps/prod/deploy.yaml": DEPLOYMENT,
      "apps/staging/over/kustomization.yaml": "resources:\n  - ../../prod/deploy.yaml\nimages:\n  - name: ghcr.io/acme/api\n    newTag: 0.0.1\n",
    };
    const p = await plan(files, API);
    expect(p.changes.map((c) => [c.file, c.key, c.new, c.target])).toEqual([
      ["apps/prod/deploy.yaml", "spec.template.spec.containers[0].image", "ghcr.io/acme/api:1.5.0", "production"],
      ["apps/staging/over/kustomization.yaml", "images[0].newTag", "1.5.0", "staging"],
    ]);
    expect(p.warnings).toEqual([
      {
        file: "apps/prod/deploy.yaml",
        line: 9,
        message:
          "spec.template.spec.containers[0].image holds ghcr.io/acme/api with no tag or digest, whose version the images: of apps/staging/over/kustomization.yaml (target staging) set, outside target production's paths: another target's kustomization does not decide this one's version, so it is pinned as without it",
      },
    ]);
    // A kustomization of production's own, or of no target (which the run does not edit, and says so there), still keeps it bare.
    for (const own of ["apps/prod/kustomization.yaml", "clusters/prod/kustomization.yaml"]) {
      const kept = await plan(
        {
          ...files,
          [own]: `resources: [${own.startsWith("apps") ? "deploy.yaml" : "../../apps/prod/deploy.yaml"}]\nimages: [{name: ghcr.io/acme/api, newTag: 1.4.0}]\n`,
        },
        API,
      );
      expect(kept.changes.map((c) => c.file)).toEqual([...(own.startsWith("apps") ? [own] : []), "apps/staging/over/kustomization.yaml"]);
      expect(kept.warnings.filter((w) => w.file === "apps/prod/deploy.yaml")).toEqual([]);
    }
  });

  it("names the first five kustomizations setting its version outside the paths, and says there are others", async () => {
    const overlays = Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`apps/api/overlays/o${i}/kustomization.yaml`, overlay("1.4.0")]));
    const p = await plan(
      { "apps/api/base/deployment.yaml": DEPLOYMENT, "apps/api/base/kustomization.yaml": "resources:\n  - deployment.yaml\n", ...overlays },
      {
        ...API,
        paths: ["apps/api/base"],
      },
    );
    expect(p.warnings.map((w) => w.message)).toEqual([
      "spec.template.spec.containers[0].image holds ghcr.io/acme/api with no tag or digest, so its version is set by the images: of " +
        "apps/api/overlays/o0/kustomization.yaml, apps/api/overlays/o1/kustomization.yaml, apps/api/overlays/o2/kustomization.yaml, " +
        "apps/api/overlays/o3/kustomization.yaml, apps/api/overlays/o4/kustomization.yaml and others, outside the paths; left as it is",
    ]);
  });

  it("leaves it to a Flux Kustomization's spec.images over the path that builds it, which moves; outside the paths, says so", async () => {
    const flux = `apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata: {name: api, namespace: flux-system}
spec:
  path: ./apps/api/base
  images:
    - name: ghcr.io/acme/api
      newTag: 1.4.0
`;
    const files = {
      "apps/api/base/deployment.yaml": DEPLOYMENT,
      "apps/api/base/kustomization.yaml": "resources:\n  - deployment.yaml\n",
      "clusters/prod/api.yaml": flux,
    };
    const p = await plan(files, API);
    expect([p.changes.map((c) => [c.file, c.key, c.new]), p.warnings]).toEqual([[["clusters/prod/api.yaml", "spec.images[0].newTag", "1.5.0"]], []]);
    const apps = await plan(files, { ...API, paths: ["apps/**"] });
    expect([apps.files, apps.warnings.map((w) => [w.file, w.message])]).toEqual([
      [],
      [
        [
          "apps/api/base/deployment.yaml",
          "spec.template.spec.containers[0].image holds ghcr.io/acme/api with no tag or digest, so its version is set by the images: of clusters/prod/api.yaml, outside the paths; left as it is",
        ],
      ],
    ]);
    // A directory without a kustomization file: Flux generates one listing its YAML files.
    const plain = await plan({ "apps/api/deployment.yaml": DEPLOYMENT, "clusters/prod/api.yaml": flux.replace("./apps/api/base", "./apps/api") }, API);
    expect(plain.changes.map((c) => c.file)).toEqual(["clusters/prod/api.yaml"]);
  });

  it("leaves it to an Argo CD Application's kustomize.images over the source path that builds it, or a .argocd-source file there, as to a Flux Kustomization's", async () => {
    const application = `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata: {name: api-staging, namespace: argocd}
spec:
  source:
    repoURL: https://github.com/acme/manifests
    path: apps/api/base
    kustomize:
      images:
        - ghcr.io/acme/api:1.4.0
`;
    const files = {
      "apps/api/base/deployment.yaml": DEPLOYMENT,
      "apps/api/base/kustomization.yaml": "resources:\n  - deployment.yaml\n",
      "apps/api/base/.argocd-source-api-prod.yaml": "kustomize:\n  images:\n    - ghcr.io/acme/api:1.3.0\n",
      "envs/staging/api.yaml": application,
    };
    const p = await plan(files, API);
    expect([p.changes.map((c) => [c.file, c.key, c.new]), p.warnings]).toEqual([
      [
        ["apps/api/base/.argocd-source-api-prod.yaml", "kustomize.images[0]", "ghcr.io/acme/api:1.5.0"],
        ["envs/staging/api.yaml", "spec.source.kustomize.images[0]", "ghcr.io/acme/api:1.5.0"],
      ],
      [],
    ]);
    const apps = await plan(files, { ...API, paths: ["apps/api/base/deployment.yaml"] });
    expect([apps.files, apps.warnings.map((w) => w.message)]).toEqual([
      [],
      [
        "spec.template.spec.containers[0].image holds ghcr.io/acme/api with no tag or digest, so its version is set by the images: of apps/api/base/.argocd-source-api-prod.yaml and envs/staging/api.yaml, outside the paths; left as it is",
      ],
    ]);
  });

  it("leaves a bare image a JSON6902 patch op sets to the images: of the kustomization applying it, inline or as a patch file", async () => {
    const op = "- op: replace\n  path: /spec/template/spec/containers/0/image\n  value: ghcr.io/acme/api\n";
    const inline = `resources:\n  - ../../base\npatches:\n  - target: {kind: Deployment}\n    patch: |\n${op.replace(/^(?=.)/gm, "      ")}images:\n  - name: ghcr.io/acme/api\n    newTag: 1.4.0\n`;
    const byPath =
      "resources:\n  - ../../base\npatchesJson6902:\n  - target: {kind: Deployment, name: api}\n    path: op.yaml\nimages:\n  - name: ghcr.io/acme/api\n    newTag: 1.4.0\n";
    for (const files of [
      { "apps/api/overlays/prod/kustomization.yaml": inline } as Record<string, string>,
      { "apps/api/overlays/prod/kustomization.yaml": byPath, "apps/api/overlays/prod/op.yaml": op },
    ]) {
      const p = await plan({ "apps/api/base/kustomization.yaml": "resources: [d.yaml]\n", ...files }, API);
      expect([p.changes.map((c) => [c.file, c.key, c.new]), p.warnings]).toEqual([
        [["apps/api/overlays/prod/kustomization.yaml", "images[0].newTag", "1.5.0"]],
        [],
      ]);
    }
  });

  it("edits a tagged base image as before: kustomize's tag replaces it in the build, and the file says which one it holds", async () => {
    const tagged = DEPLOYMENT.replace("api  # tag set by overlays", "api:1.4.0");
    const p = await plan({ "apps/api/base/deployment.yaml": tagged, "apps/api/overlays/prod/kustomization.yaml": overlay("1.4.0") }, API);
    expect(p.files.map((f) => f.path)).toEqual(["apps/api/base/deployment.yaml", "apps/api/overlays/prod/kustomization.yaml"]);
  });
});

describe("planUpdate: a base in no target whose overlays re-tag its image (trial 13, should-fix 5)", () => {
  const TARGETS = `targets:
  - name: staging
    paths: [apps/staging/**]
    images: [{repository: ghcr.io/acme/app}]
  - name: production
    paths: [apps/production/**]
    images: [{repository: ghcr.io/acme/app}]
`;
  const overlay = (tag: string) => `resources:\n  - ../base/app\nimages:\n  - name: ghcr.io/acme/app\n    newTag: ${tag}\n`;
  const TREE = {
    ".github/gitops-promote.yaml": TARGETS,
    "apps/base/app/kustomization.yaml": "resources:\n  - deployment.yaml\n",
    "apps/base/app/deployment.yaml":
      "kind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: ghcr.io/acme/app:1.0.0\n",
    "apps/staging/kustomization.yaml": overlay("1.2.3"),
    "apps/production/kustomization.yaml": overlay("1.2.0"),
  };
  const APP = { images: ["ghcr.io/acme/app:1.3.0"] };

  it("says nothing of the base: no build deploys the version it holds", async () => {
    const p = await plan(TREE, APP);
    expect(p.files.map((f) => f.path)).toEqual(["apps/production/kustomization.yaml", "apps/staging/kustomization.yaml"]);
    expect(p.warnings).toEqual([]);
  });

  it("names it, at its file and line, where an overlay applies it as written, or nothing includes it", async () => {
    const left = {
      file: "apps/base/app/deployment.yaml",
      line: 7,
      message: "ghcr.io/acme/app:1.0.0 is not moved to 1.3.0: this file is in no target (targets: staging, production)",
    };
    const dev = { ...TREE, "apps/dev/kustomization.yaml": "resources:\n  - ../base/app\n" };
    expect((await plan(dev, APP)).warnings).toEqual([left]);
    const elsewhere = (tag: string) => overlay(tag).replace("../base/app", "service.yaml");
    const alone = { ...TREE, "apps/staging/kustomization.yaml": elsewhere("1.2.3"), "apps/production/kustomization.yaml": elsewhere("1.2.0") };
    expect((await plan(alone, APP)).warnings).toEqual([left]);
  });

  it("names the overlay of a target that deploys it as written, with the images: entry that gives that overlay its own version", async () => {
    const bare = { ...TREE, "apps/production/kustomization.yaml": "resources:\n  - ../base/app\n" };
    expect((await plan(bare, APP)).warnings).toEqual([
      {
        file: "apps/base/app/deployment.yaml",
        line: 7,
        message:
          "ghcr.io/acme/app:1.0.0 is not moved to 1.3.0: this file is in no target (targets: staging, production), " +
          "and apps/production/kustomization.yaml (target production) deploys it as written; add an images: entry " +
          "(name: ghcr.io/acme/app, newTag: 1.0.0) to apps/production/kustomization.yaml: kustomize sets it over this file, and the run moves it as target production's",
      },
    ]);
    // The advice followed: the entry moves with production, and the base is said no more.
    const followed = await plan({ ...bare, "apps/production/kustomization.yaml": overlay("1.0.0") }, APP);
    expect(followed.files.map((f) => [f.path, f.changes.map((c) => c.new)])).toEqual([
      ["apps/production/kustomization.yaml", ["1.3.0"]],
      ["apps/staging/kustomization.yaml", ["1.3.0"]],
    ]);
    expect(followed.warnings).toEqual([]);
  });

  it("names the same reference in the base's args, which kustomize's images: never re-tags (final read 14, N1)", async () => {
    const base = `${TREE["apps/base/app/deployment.yaml"]}          args: ["--self=ghcr.io/acme/app:1.0.0"]\n`;
    const p = await plan({ ...TREE, "apps/base/app/deployment.yaml": base }, APP);
    expect(p.warnings).toEqual([
      {
        file: "apps/base/app/deployment.yaml",
        line: 8,
        message: "ghcr.io/acme/app:1.0.0 is not moved to 1.3.0: this file is in no target (targets: staging, production)",
      },
    ]);
  });
});

describe("planUpdate: a KCL base in no target whose image every KCLRun sets by a spec (trial 16 S8)", () => {
  const TARGETS = `targets:
  - name: staging
    paths: [deploy/staging/**]
    images: [{repository: ghcr.io/acme/app}]
  - name: prod
    paths: [deploy/prod/**]
    images: [{repository: ghcr.io/acme/app}]
`;
  const kclRun = (name: string, overrides: string) =>
    `apiVersion: krm.kcl.dev.fluxcd/v1alpha1\nkind: KCLRun\nmetadata: {name: ${name}}\nspec:\n  path: ./app\n  sourceRef: {kind: GitRepository, name: app}\n${overrides}`;
  const sets = (tag: string) => `  config:\n    overrides:\n      - app.image="ghcr.io/acme/app:${tag}"\n`;
  const TREE = {
    ".github/gitops-promote.yaml": TARGETS,
    "app/main.k": 'app = {\n    name = "app"\n    image = "ghcr.io/acme/app:1.2.3"\n}\n',
    "deploy/staging/kclrun.yaml": kclRun("app-staging", sets("1.2.3")),
    "deploy/prod/kclrun.yaml": kclRun("app-prod", sets("1.2.3")),
  };
  const APP = { images: ["ghcr.io/acme/app:1.3.0"] };
  const left = { file: "app/main.k", line: 3, message: "ghcr.io/acme/app:1.2.3 is not moved to 1.3.0: this file is in no target (targets: staging, prod)" };

  it("says nothing of the base: each KCLRun deploys the version its own spec sets", async () => {
    const p = await plan(TREE, APP);
    expect(p.files.map((f) => f.path)).toEqual(["deploy/prod/kclrun.yaml", "deploy/staging/kclrun.yaml"]);
    expect(p.warnings).toEqual([]);
  });

  it("names it where a KCLRun runs it as written, though that KCLRun holds no image to screen it by, or where a spec sets another field", async () => {
    expect((await plan({ ...TREE, "deploy/dev/kclrun.yaml": kclRun("app-dev", "") }, APP)).warnings).toEqual([left]);
    const name = kclRun("app-prod", "  config:\n    overrides:\n      - app.name=web\n");
    expect((await plan({ ...TREE, "deploy/prod/kclrun.yaml": name }, APP)).warnings).toEqual([left]);
  });
});

describe("planUpdate: a kcl.mod's [profile] overrides, which kcl run applies after the source (review kcl9, 8)", () => {
  const mod = (spec: string, more = "") =>
    ["[package]", 'name = "web"', 'edition = "v0.9.0"', "", "[profile]", 'entries = ["main.k"]', `overrides = [${spec}]${more}`, ""].join("\n");
  const main = (image: string) => `app = {\n    image = "${image}"\n}\n`;
  const web = (tag: string) => `"app.image=\\"ghcr.io/acme/web:${tag}\\""`;

  it("moves the image there as in the .k files, named by its place in the array and its path", async () => {
    const p = await plan({ "apps/web/kcl.mod": mod(web("1.2.3")), "apps/web/main.k": main("ghcr.io/acme/web:1.2.3") }, { images: ["ghcr.io/acme/web:1.2.4"] });
    expect(afterOf(p, "apps/web/kcl.mod")).toBe(mod(web("1.2.4")));
    expect(afterOf(p, "apps/web/main.k")).toBe(main("ghcr.io/acme/web:1.2.4"));
    expect(p.changes.map((c) => [c.file, c.line, c.kind, c.key, c.old, c.new])).toEqual([
      ["apps/web/kcl.mod", 7, "override", "profile.overrides[0]: app.image", "ghcr.io/acme/web:1.2.3", "ghcr.io/acme/web:1.2.4"],
      ["apps/web/main.k", 2, "kcl-image", "app.image", "ghcr.io/acme/web:1.2.3", "ghcr.io/acme/web:1.2.4"],
    ]);
    expect(p.warnings).toEqual([]);
  });

  it("is read only where its path is: outside --path it stays", async () => {
    const files = {
      "apps/web/kcl.mod": mod(web("1.2.3")),
      "apps/web/main.k": main("ghcr.io/acme/web:1.2.3"),
      "apps/api/main.k": main("ghcr.io/acme/web:1.2.3"),
    };
    const p = await plan(files, { images: ["ghcr.io/acme/web:1.2.4"], paths: ["apps/api"] });
    expect(p.files.map((f) => f.path)).toEqual(["apps/api/main.k"]);
  });

  it("keeps what its target's policy keeps, and says so at its line", async () => {
    const files = { ...TARGET_DIRS, ".github/gitops-promote.yaml": CONFIG, "prod/kcl.mod": mod(web("1.3.0")), "prod/main.k": main("ghcr.io/acme/web:1.3.0") };
    const config = CONFIG.replace(
      'repository: ghcr.io/acme/app\n        policy: { semver: { range: "^1.0.0" } }',
      'repository: ghcr.io/acme/web\n        policy: { semver: { range: "^1.0.0" } }',
    );
    const p = await plan({ ...files, ".github/gitops-promote.yaml": config }, { images: ["ghcr.io/acme/web:1.2.0"] });
    expect(p.files).toEqual([]);
    const why = "keeps 1.3.0, which its policy (semver ^1.0.0) ranks above the incoming 1.2.0 (allow-downgrade sets it anyway)";
    expect(p.warnings).toEqual([
      { file: "prod/kcl.mod", line: 7, message: `profile.overrides[0]: app.image ${why}` },
      { file: "prod/main.k", line: 2, message: `app.image ${why}` },
    ]);
    const later = await plan({ ...files, ".github/gitops-promote.yaml": config }, { images: ["ghcr.io/acme/web:1.4.0"] });
    expect(later.files.map((f) => [f.path, f.target])).toEqual([
      ["prod/kcl.mod", "prod"],
      ["prod/main.k", "prod"],
    ]);
  });

  it("names at its kcl.mod line an image it cannot write there, and no more", async () => {
    const debug = `"app.image=\\"ghcr.io/acme/web:1.2.3\\" + \\"-debug\\""`;
    const files = { "kcl.mod": mod(`\n  ${debug},\n  "replicas=2",\n`), "main.k": main("ghcr.io/acme/web:1.2.3") };
    const p = await plan(files, { images: ["ghcr.io/acme/web:1.2.4"] });
    expect(p.files.map((f) => f.path)).toEqual(["main.k"]);
    expect(p.warnings).toEqual([
      {
        file: "kcl.mod",
        line: 8,
        message:
          'profile.overrides[0]: app.image holds ghcr.io/acme/web:1.2.3 in an expression (KCL reads it as the string of its whole text), which is not edited, so the image kcl run renders (these overrides apply after the source) stays as it is; write the reference alone as one quoted string: app.image="ghcr.io/acme/web:1.2.3"',
      },
    ]);
  });

  it("names a kcl.mod that holds the image where no spec sets it, as any file the editors leave it in", async () => {
    const files = { "kcl.mod": mod(`"app.args=\\"--image=ghcr.io/acme/web:1.2.3\\""`), "main.k": main("ghcr.io/acme/web:1.2.3") };
    const p = await plan(files, { images: ["ghcr.io/acme/web:1.2.4"] });
    expect(p.files.map((f) => f.path)).toEqual(["main.k"]);
    expect(p.warnings.map((w) => [w.file, w.message])).toEqual([
      ["kcl.mod", 'ghcr.io/acme/web:1.2.3 is not moved to 1.2.4: it sits where no rule edits it (see "What it edits" in the README)'],
    ]);
  });

  it("reads no Flux marker in it: a --setter whose marker is only there reaches nothing", async () => {
    const marked = mod(web("1.2.3"), ' # {"$imagepolicy": "flux-system:web"}');
    const p = await plan({ "kcl.mod": marked, "main.k": "a = 1\n" }, { setters: ["flux-system:web=ghcr.io/acme/web:1.2.4"] });
    expect(p.files).toEqual([]);
    expect(p.warnings).toEqual([{ message: "no file to update has a marker for setter flux-system:web", kind: "unreached" }]);
    // Nor is its marker one nothing defines: the spec moves by repository, and nothing is said of the comment.
    const byRepository = await plan({ "kcl.mod": marked, "main.k": "a = 1\n" }, { images: ["ghcr.io/acme/web:1.2.4"] });
    expect([afterOf(byRepository, "kcl.mod"), byRepository.warnings]).toEqual([marked.replace("1.2.3", "1.2.4"), []]);
  });

  it("is no file --set or a configured override edits, and says so", async () => {
    const files = { "kcl.mod": mod(web("1.2.3")), "main.k": main("ghcr.io/acme/web:1.2.3") };
    const notSet =
      "a kcl.mod is not a file --set or an override edits (not supported): the images its [profile] overrides hold move by repository with the incoming image, and anything else there is edited by hand";
    expect(await refusal(files, { sets: ['kcl.mod:app.image="ghcr.io/acme/web:1.2.4"'] })).toEqual([{ field: "set", message: `set[0]: kcl.mod: ${notSet}` }]);
    const override = "overrides:\n  - file: kcl.mod\n    spec: app.image\n    image: ghcr.io/acme/web\n";
    expect(await refusal({ ...files, ".github/gitops-promote.yaml": override }, { images: ["ghcr.io/acme/web:1.2.4"] })).toEqual([
      { field: "config", file: ".github/gitops-promote.yaml", line: 2, message: `overrides[0].file: "kcl.mod": ${notSet}` },
    ]);
  });
});

describe("planUpdate: a library caller's requests and sources", () => {
  it("takes a request of images alone", async () => {
    const p = await planUpdate(tree({ "d.yaml": "image: nginx:1.25\n" }), { images: ["nginx:1.27"] });
    expect(p.changes).toMatchObject([{ file: "d.yaml", old: "nginx:1.25", new: "nginx:1.27" }]);
  });

  it("tells the request's problems (field) from the tree's (none)", async () => {
    // The image's issue and the lower-case hint beside it (validateRequest's) are both the request's.
    expect((await refusal({ "v.yaml": "a: 1\n" }, { images: ["Foo:1"] })).map((issue) => issue.field)).toEqual(["image", "image"]);
    // A spec its file's grammar cannot read is wrong whatever the tree holds: refused before the tree is read, the file missing or not.
    expect(await refusal({}, { sets: ["v.yaml:a..b=1"] })).toEqual([{ field: "set", file: "v.yaml", message: expect.stringContaining("a..b") }]);
    expect(await refusal({ ".github/gitops-promote.yaml": "targets: 1\n" }, { images: ["nginx:1.27"] })).toMatchObject([{ field: "config" }]);
    expect(await refusal({ "v.yaml": "a: 1\n" }, { sets: ["v.yaml:b.c=1"] })).toEqual([
      { file: "v.yaml", line: 1, message: "b.c: the document has 'a', not 'b' (to add b.c, use --create, or create: true in the Action or the library)" },
    ]);
  });

  it("reads a source's ./a and a//b as a and a/b, in the plan too, and a configuration's target paths match them", async () => {
    const config = "targets:\n  - name: prod\n    paths: [clusters/prod/**]\n    images: [{ repository: docker.io/library/nginx }]\n";
    const p = await plan({ "./.github/gitops-promote.yaml": config, "./clusters//prod/d.yaml": "image: nginx:1.25\n" }, { images: ["nginx:1.27"] });
    expect(p.files.map((f) => [f.path, f.target])).toEqual([["clusters/prod/d.yaml", "prod"]]);
    expect(p.warnings).toEqual([]);
  });

  it("refuses a source path that names no file inside the root", async () => {
    expect(await refusal({ "/d.yaml": "image: nginx:1.25\n" }, { images: ["nginx:1.27"] })).toEqual([
      { message: 'the source lists "/d.yaml", which is no POSIX path relative to the root (no leading /, no "..")' },
    ]);
  });
});

describe("planUpdate: a configuration given as a Config (parseConfig of an object)", () => {
  const files = { "staging/d.yaml": "image: ghcr.io/acme/app:1.0.0\n", "prod/d.yaml": "image: ghcr.io/acme/app:1.0.0\n" };

  it("plans as the same configuration written in the tree, saying 'the configuration' where that names its file", async () => {
    const request = { images: ["ghcr.io/acme/app:2.0.0-rc.1"] };
    const written = await plan({ ".github/gitops-promote.yaml": CONFIG, ...files }, request);
    // The tree's own configuration file is not read when one is given.
    const given = await plan({ ".github/gitops-promote.yaml": "targets: 1\n", ...files }, { ...request, config: parseConfig(parse(CONFIG) as object) });
    expect(given.files).toEqual(written.files);
    expect(given.targets).toEqual(written.targets);
    expect(written.files.map((f) => [f.path, f.target])).toEqual([["staging/d.yaml", "staging"]]);
    const idle = 'targets[2].paths[0]: "tools/**" matches no file; fix or remove it';
    const refused = { message: "target prod: ghcr.io/acme/app:2.0.0-rc.1 is outside its policy (semver ^1.0.0); not edited there", kind: "policy-refusal" };
    expect(written.warnings).toEqual([{ file: ".github/gitops-promote.yaml", line: 13, message: idle }, refused]);
    expect(given.warnings).toEqual([{ message: `the configuration: ${idle}` }, refused]);
  });

  it("says of a gitops-promote.yaml at the root that the configuration read is the one given", async () => {
    const p = await plan({ "gitops-promote.yaml": CONFIG, ...files }, { images: ["ghcr.io/acme/app:1.1.0"], config: parseConfig(parse(CONFIG) as object) });
    expect(p.warnings[0]).toMatchObject({
      file: "gitops-promote.yaml",
      message: expect.stringContaining(": the configuration read is the one the request gives, so"),
    });
  });

  it("still checks its overrides against the tree, naming it in the issue", async () => {
    const config = parseConfig({ overrides: [{ file: "main.k", spec: "app.image", image: "ghcr.io/acme/app" }] });
    expect(await refusal({ "d.yaml": "image: ghcr.io/acme/app:1.0.0\n" }, { images: ["ghcr.io/acme/app:1.1.0"], config })).toEqual([
      { field: "config", message: "the configuration: overrides[0].file: main.k does not exist" },
    ]);
  });

  it("refuses a configuration object parseConfig did not make, which JavaScript lets through", async () => {
    const config = parse(CONFIG) as UpdateRequest["config"];
    expect(await refusal(files, { images: ["ghcr.io/acme/app:1.1.0"], config })).toEqual([
      { field: "config", message: "config: must be a path relative to the root or what parseConfig returns, not a plain object" },
    ]);
  });
});

describe("warnedOf: which warnings of a file explain a reference left behind, by what they are about", () => {
  const web = "ghcr.io/acme/web";
  const api = "ghcr.io/acme/api";
  // Worded as no warning is: none says "line 3", nor names a repository.
  const alias = { line: 6, message: "left: see the anchor", about: { reason: "unmoved", image: web, lines: [3] } } as const;

  it("reads the lines a warning names and its image from `about`, never from its words", () => {
    expect(warnedOf([alias], web, 3)).toBe(true);
    expect(warnedOf([alias], web, 4)).toBe(false);
    expect(warnedOf([alias], api, 3)).toBe(false);
    // Its words naming the line and the image are not read.
    expect(warnedOf([{ line: 6, message: `${web}: merged (<<) from base.tag (line 3)` }], web, 3)).toBe(false);
  });

  it("takes a warning at the reference's line, unless it is about another image of that line", () => {
    const pin = { line: 1, message: "drops the pin", about: { field: "spec.image", reason: "version", said: "drops the pin", image: web } } as const;
    expect(warnedOf([pin], web, 1)).toBe(true);
    expect(warnedOf([pin], api, 1)).toBe(false);
    expect(warnedOf([{ line: 1, message: "about nothing told" }], api, 1)).toBe(true);
  });

  it("takes a warning of the whole file about the image, and any warning of a file not edited or for the file itself", () => {
    expect(warnedOf([{ message: "whole file", about: { reason: "unmoved", image: web } }], web, 5)).toBe(true);
    expect(warnedOf([{ message: "whole file", about: { reason: "unmoved", image: web } }], api, 5)).toBe(false);
    expect(warnedOf([{ line: 9, message: "not edited", about: { reason: "not-edited" } }], api, 5)).toBe(true);
    expect(warnedOf([{ line: 9, message: "anything" }], api, undefined)).toBe(true);
    expect(warnedOf([], api, undefined)).toBe(false);
  });
});

describe("planUpdate: the request's fields named as its face names them", () => {
  const digest = `sha256:${"1".repeat(64)}`;
  const files = {
    "values.yaml": "image: ghcr.io/acme/web:1.0.0\n",
    "pinned.yaml": `image:\n  repository: ghcr.io/acme/api\n  tag: "1.4.0"\n  digest: "${digest}"\n`,
    "kustomization.yaml": "images:\n  - name: ghcr.io/acme/web\n    newName: mirror.acme.io/web\n    newTag: 1.0.0\n",
    "kcl.mod": "[package]\n",
  };
  const request = { images: ["ghcr.io/acme/web:2.0.0"], sets: ["values.yaml:image=ghcr.io/acme/web:3.0.0", "pinned.yaml:image.tag=1.5.0"] };

  it("says the Action's inputs in the editors' and the overrides' warnings, and in a set refused", async () => {
    const p = await plan(files, { ...request, fieldName: actionFieldName });
    expect(p.warnings.map((w) => [w.file, w.message])).toEqual([
      ["kustomization.yaml", expect.stringMatching(/, set that tag with input set or a configured override$/)],
      [
        "pinned.yaml",
        expect.stringMatching(/^image\.tag: input set wrote 1\.5\.0, .*, or give the image with images: ghcr\.io\/acme\/api:1\.5\.0@sha256:<digest>$/),
      ],
      ["values.yaml", "image: input set wrote ghcr.io/acme/web:3.0.0, which takes precedence over ghcr.io/acme/web:2.0.0 from the incoming image"],
    ]);
    const refused = (sets: string[]) => refusal(files, { sets, fieldName: actionFieldName });
    expect(await refused(["values.yaml:images[name=ghcr.io/acme/app].newTag=1.3.0"])).toEqual([
      expect.objectContaining({
        field: "set",
        message: expect.stringMatching(/, or give images: ghcr\.io\/acme\/app:1\.3\.0, which finds the image's fields by its name$/),
      }),
    ]);
    expect(await refused(['kcl.mod:a="1"'])).toEqual([
      { field: "set", message: expect.stringMatching(/^input set: kcl\.mod: a kcl\.mod is not a file input set or an override edits /) },
    ]);
  });

  it("says how to create a configured override's missing path, a configuration outside the root and a quoted set in the face's words", async () => {
    const tree = {
      ".github/gitops-promote.yaml": "overrides:\n  - file: main.k\n    spec: config.image\n    image: ghcr.io/acme/app\n",
      "main.k": 'config = {\n    containers = {app = {image = "ghcr.io/acme/app:1.0.0"}}\n}\n',
    };
    const said = async (fieldName: FieldNamer, request: Partial<UpdateRequest> = {}) =>
      (await refusal(tree, { images: ["ghcr.io/acme/app:1.1.0"], fieldName, ...request })).map((issue) => issue.message);
    const lacks = "overrides[0].spec: main.k:1: config has 'containers', not 'image'";
    expect(await said(actionFieldName)).toEqual([`${lacks} (to add config.image, use create: true)`]);
    expect(await said(cliFieldName)).toEqual([`${lacks} (to add config.image, use --create)`]);
    // the Action and the library read a configuration of the tree only, as the CLI's --config does
    expect(await said(actionFieldName, { config: "/etc/passwd" })).toEqual(['input config: "/etc/passwd" must be relative to the root']);
    expect(await said(actionFieldName, { config: "../x.yaml" })).toEqual(['input config: "../x.yaml" must stay inside the root (no "..")']);
    expect(await said(actionFieldName, { config: "gone.yaml" })).toEqual(["input config: gone.yaml does not exist"]);
    // a set copied from a shell with its quotes: the Action's value reaches the tool as written
    expect(await said(actionFieldName, { images: [], sets: ["'main.k:config.containers.app.image=\"x:1\"'"] })).toEqual([
      `input set: ${JSON.stringify("'main.k:config.containers.app.image=\"x:1\"'")} is quoted; drop the quotes: in \`set:\` the value reaches the tool as written`,
    ]);
  });

  it("tells each face its own spelling where a refusal asks for the configuration, or names a set's file", async () => {
    const misplaced = { "gitops-promote.yaml": CONFIG, "values.yaml": "image: ghcr.io/acme/web:1.0.0\n" };
    const advice = async (fieldName: FieldNamer) => (await refusal(misplaced, { images: ["ghcr.io/acme/web:2.0.0"], fieldName }))[0]?.message.split("; ")[1];
    expect(await advice(cliFieldName)).toBe(
      "move it to .github/gitops-promote.yaml, or read it where it is with --config gitops-promote.yaml, or run without a configuration with --config none",
    );
    expect(await advice(actionFieldName)).toBe(
      "move it to .github/gitops-promote.yaml, or read it where it is with config: gitops-promote.yaml, or run without a configuration with config: none",
    );
    expect(await refusal(files, { sets: ["gone.yaml:a=1"], fieldName: actionFieldName })).toEqual([{ message: "input set: gone.yaml does not exist" }]);
    expect(await refusal(files, { sets: ["gone.yaml:a=1"], fieldName: cliFieldName })).toEqual([{ message: "--set: gone.yaml does not exist" }]);
  });

  it("says the CLI's flags for the same request from the CLI", async () => {
    const p = await plan(files, { ...request, fieldName: cliFieldName });
    expect(p.warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/, set that tag with --set or a configured override$/),
      expect.stringMatching(/^image\.tag: --set wrote 1\.5\.0, .*, or give the image with --image ghcr\.io\/acme\/api:1\.5\.0@sha256:<digest>$/),
      "image: --set wrote ghcr.io/acme/web:3.0.0, which takes precedence over ghcr.io/acme/web:2.0.0 from the incoming image",
    ]);
  });
});

describe("planUpdate: overlays inside --path that deploy a base outside it as written (review kz18 S1)", () => {
  const files = {
    "base/deploy.yaml": "containers:\n  - name: app\n    image: ghcr.io/acme/app:1.0.0\n",
    "base/kustomization.yaml": "resources:\n- deploy.yaml\n",
    "overlays/dev/kustomization.yaml": "resources:\n- ../../base\nnamePrefix: dev-\n",
    "overlays/stg/kustomization.yaml": "resources:\n- ../../base\nnamePrefix: stg-\n",
    "overlays/prod/kustomization.yaml": "resources:\n- ../../base\nimages:\n- name: ghcr.io/acme/app\n  newTag: 1.1.0\n",
  };
  const asWritten = (overlay: string) => ({
    file: `overlays/${overlay}/kustomization.yaml`,
    message:
      "the build here deploys base/deploy.yaml (outside the paths to update) as written, at ghcr.io/acme/app:1.0.0; add an images: entry (name: ghcr.io/acme/app, newTag: 1.2.0) here, or add base/ to the paths to update",
  });

  it("says at each overlay without an entry that it keeps the base's version, while prod's entry moves", async () => {
    const p = await plan(files, { images: ["ghcr.io/acme/app:1.2.0"], paths: ["overlays/*"] });
    expect(p.files.map((f) => f.path)).toEqual(["overlays/prod/kustomization.yaml"]);
    expect(p.warnings).toEqual([asWritten("dev"), asWritten("stg")]);
  });

  it("adds it to the unreached warning where no file in the paths holds the image", async () => {
    const p = await plan(files, { images: ["ghcr.io/acme/app:1.2.0"], paths: ["overlays/dev"] });
    expect(p.warnings).toEqual([
      {
        message: "no file inside the paths to update holds ghcr.io/acme/app (2 files outside them do); nothing to do for ghcr.io/acme/app:1.2.0",
        kind: "unreached",
      },
      asWritten("dev"),
    ]);
  });

  it("says nothing of an overlay whose entry sets the version, nor where the base is in the paths", async () => {
    const tagged = {
      ...files,
      "overlays/dev/kustomization.yaml": `${files["overlays/dev/kustomization.yaml"]}images:\n- name: ghcr.io/acme/app\n  newTag: 1.0.0\n`,
    };
    expect((await plan(tagged, { images: ["ghcr.io/acme/app:1.2.0"], paths: ["overlays/*"] })).warnings).toEqual([asWritten("stg")]);
    const p = await plan(files, { images: ["ghcr.io/acme/app:1.2.0"], paths: ["overlays/*", "base"] });
    expect(p.files.map((f) => f.path)).toEqual(["base/deploy.yaml", "overlays/prod/kustomization.yaml"]);
    expect(p.warnings).toEqual([]);
  });
});

describe("a --set that a kept KCL spec decides over", () => {
  it("is written, and warned at: kcl run applies the kcl.mod's [profile] overrides spec over the file", async () => {
    const plan = await planUpdate(
      tree({
        "kcl.mod": '[package]\nname = "app"\n\n[profile]\nentries = ["main.k"]\noverrides = ["app.image=\\"ghcr.io/acme/app:1.0.0\\""]\n',
        "main.k": 'app = {image = "ghcr.io/acme/app:1.0.0"}\n',
      }),
      { images: [], sets: ['main.k:app.image="ghcr.io/acme/app:2.0.0"'] },
    );
    expect(plan.files.map((f) => f.after)).toEqual(['app = {image = "ghcr.io/acme/app:2.0.0"}\n']);
    expect(plan.warnings).toEqual([
      expect.objectContaining({
        file: "main.k",
        line: 1,
        message: expect.stringMatching(/^app\.image: app\.image="ghcr\.io\/acme\/app:1\.0\.0" \(kcl\.mod:6, \[profile\] overrides\) also sets it/),
      }),
    ]);
  });
});
