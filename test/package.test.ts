// The package as npm users get it: packed from dist/ as built, installed into a project of its own with
// no network (it must need nothing from the registry), and loaded by name, through package.json's exports.
import { execFileSync, spawnSync } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { blockAfter, doc } from "./support/readme.js";
import { tempDir } from "./support/temp.js";

const npm = (args: readonly string[], cwd: string): string =>
  execFileSync("npm", [...args, "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"], { cwd, encoding: "utf8" });

/** A script run by the current node in the consumer's project: its stdout. */
const run = (app: string, file: string, env: NodeJS.ProcessEnv = {}): string =>
  execFileSync(process.execPath, [file], { cwd: app, encoding: "utf8", env: { ...process.env, ...env } });

let app: string;
let packed: readonly string[];

beforeAll(async () => {
  const out = await tempDir("gp-pack-");
  const [info] = JSON.parse(npm(["pack", "--json", "--pack-destination", out], process.cwd())) as { filename: string; files: { path: string }[] }[];
  packed = info!.files.map((file) => file.path);
  app = await tempDir("gp-consumer-");
  await writeFile(join(app, "package.json"), JSON.stringify({ name: "consumer", private: true }));
  npm(["install", "--offline", join(out, info!.filename)], app);
});

describe("the npm package", () => {
  it("holds what a user runs, its types and licences, and nothing else", () => {
    expect(packed).toEqual(expect.arrayContaining(["LICENSE", "dist/THIRD_PARTY_NOTICES.md", "dist/cli.js", "dist/lib/index.js", "dist/types/index.d.ts"]));
    // The Actions run from git, not from npm; tests and sources are no part of the package.
    expect(packed.filter((path) => !/^(dist\/(cli\.js|lib\/|types\/|THIRD_PARTY_NOTICES\.md)|LICENSE$|README\.md$|package\.json$)/.test(path))).toEqual([]);
  });

  it("loads by name from an ES module", async () => {
    await writeFile(join(app, "esm.mjs"), 'import { parseImageRef } from "gitops-promote";\nconsole.log(parseImageRef("nginx").repository);\n');
    expect(run(app, "esm.mjs")).toBe("docker.io/library/nginx\n");
  });

  it("loads by name from CommonJS (require of the same ES module), sharing its classes", async () => {
    await writeFile(
      join(app, "cjs.cjs"),
      'const lib = require("gitops-promote");\n' +
        'import("gitops-promote").then((esm) => console.log(lib.RequestError === esm.RequestError, lib.parseImageRef("nginx").repository));\n',
    );
    expect(run(app, "cjs.cjs")).toBe("true docker.io/library/nginx\n");
  });

  it("edits YAML without a word on stdout, whatever the environment asks of the yaml package", async () => {
    // Anchors and a flow map: the subset parser hands this file to the yaml package, whose Node build traces to stdout.
    await writeFile(
      join(app, "quiet.mjs"),
      'import { editYaml, parseImageRef } from "gitops-promote";\n' +
        "const text = \"a: &x {image: 'nginx:1.25'}\\nb: *x\\nimage: nginx:1.25\\n\";\n" +
        'const result = editYaml(text, { images: [{ image: parseImageRef("nginx:1.27") }], setters: new Map() });\n' +
        "if (result.changes.length === 0) throw new Error('nothing edited');\n",
    );
    expect(run(app, "quiet.mjs", { LOG_TOKENS: "1", LOG_STREAM: "1" })).toBe("");
  });

  it("runs docs/library.md's examples as written, printing what the page says they print", async () => {
    const library = doc("library.md");
    await writeFile(join(app, "readme-example.mjs"), blockAfter("# gitops-promote as a library", "js", library));
    expect(run(app, "readme-example.mjs")).toBe(blockAfter("This prints:", "", library));
    const editors = blockAfter("`editYaml(text, request)` and `editKcl(text, request)` edit one text", "js", library);
    await writeFile(join(app, "readme-editors.mjs"), editors);
    expect(run(app, "readme-editors.mjs")).toBe(blockAfter("This prints (each result's `text` is the edited file):", "", library));
    // A dry run: a plan not written, printed as the CLI prints it with --dry-run.
    await writeFile(join(app, "readme-dry-run.mjs"), blockAfter("A dry run is a plan not given to `writePlan`", "js", library));
    expect(run(app, "readme-dry-run.mjs")).toBe(blockAfter("This prints, as `gitops-promote update --dry-run` would:", "", library));
  });
});

/**
 * A TypeScript consumer as strict as they come: its own code and, with `skipLibCheck: false`, the package's declarations
 * are checked, with no @types installed (the library's types name none of Node's). Optional input fields are passed
 * as a wrapper passes its own options on, possibly undefined, which `exactOptionalPropertyTypes` refuses unless the
 * field says `| undefined`.
 */
const CONSUMER = `import {
  applyOverrides, buildPayload, commitMessage, editKcl, editYaml, humanReport, memorySource, parseImageRef, planUpdate,
  RequestError, setYamlPath, writePlan, type EditRequest, type ImageUpdate, type Plan, type Policy, type UpdateRequest,
} from "gitops-promote";

export interface Options { readonly config?: string; readonly create?: boolean; readonly paths?: string[]; readonly policy?: Policy; readonly dryRun?: boolean }

export async function promote(root: string, image: string, options: Options): Promise<string> {
  const request: UpdateRequest = { images: [image], config: options.config, create: options.create, paths: options.paths, targets: undefined };
  let plan: Plan;
  try {
    plan = await planUpdate(memorySource(new Map([["a.yaml", "image: nginx:1.25\\n"]])), request);
  } catch (error) {
    if (error instanceof RequestError) return error.issues.map((issue) => issue.field ?? issue.file ?? "").join();
    throw error;
  }
  if (!options.dryRun) await writePlan(root, plan);
  const message = commitMessage(undefined, { changes: plan.changes, images: [parseImageRef(image)], automation: { namespace: "a", name: "b" }, values: undefined });
  return [humanReport(plan, { diff: options.dryRun, dryRun: options.dryRun }), message].join("\\n");
}

export function edit(text: string, options: Options): string {
  const update: ImageUpdate = { image: parseImageRef("nginx:1.27"), policy: options.policy, allowDowngrade: undefined };
  const request: EditRequest = { images: [update], setters: undefined, fieldName: undefined };
  const set = setYamlPath(editYaml(text, request).text, "replicas", "3", { create: options.create, typed: undefined });
  const kcl = applyOverrides(editKcl("a = 1\\n", request).text, ["a=2"], { create: options.create, setsToo: undefined });
  const payload = buildPayload({ images: ["nginx:1.27"], source: { repository: undefined, sha: undefined }, targets: undefined, extra: undefined });
  return [set.text, kcl.text, ...payload.images].join("\\n");
}
`;

describe("the npm package's type declarations", () => {
  /** tsc run on the consumer in the consumer's project, under `moduleResolution`: its output, and its exit status. */
  const tsc = async (moduleResolution: "node16" | "bundler", ...args: string[]) => {
    const compilerOptions = {
      ...{ strict: true, exactOptionalPropertyTypes: true, noUncheckedIndexedAccess: true, skipLibCheck: false, types: [], noEmit: true },
      ...{ target: "es2022", lib: ["es2022"], module: moduleResolution === "node16" ? "node16" : "esnext", moduleResolution },
    };
    await writeFile(join(app, "consumer.mts"), CONSUMER);
    await writeFile(join(app, `tsconfig.${moduleResolution}.json`), JSON.stringify({ compilerOptions, files: ["consumer.mts"] }));
    const compiler = join(process.cwd(), "node_modules/typescript/bin/tsc");
    const { status, stdout } = spawnSync(process.execPath, [compiler, "-p", `tsconfig.${moduleResolution}.json`, ...args], { cwd: app, encoding: "utf8" });
    return { status, stdout };
  };

  for (const moduleResolution of ["node16", "bundler"] as const) {
    it(`type-check with a strict consumer's own code, skipLibCheck false and no @types (${moduleResolution} resolution)`, async () => {
      // Before, they imported the yaml package (bundled, so neither shipped nor a dependency): TS2307 in the consumer's build.
      expect(await tsc(moduleResolution)).toEqual({ status: 0, stdout: "" });
    });
  }

  it("leave out the engine's internals: its editors' hooks, EditRequest's fields it fills, writePlan's test hook", async () => {
    const types = await Promise.all(
      packed.filter((path) => path.endsWith(".d.ts")).map((path) => readFile(join(app, "node_modules/gitops-promote", path), "utf8")),
    );
    expect(types.join("\n")).not.toMatch(/\b(runEditors|editCheckedYaml|editCheckedKcl|knownSetters|kustomizeTagged|pairedTags)\b|writePlan\([^)]*rename/);
  });

  it("are those a consumer's compiler reads, and no others", async () => {
    const { status, stdout } = await tsc("node16", "--listFilesOnly");
    expect(status).toBe(0);
    const read = stdout
      .split("\n")
      .flatMap((line) => /\/node_modules\/gitops-promote\/(dist\/types\/.*)$/.exec(line)?.[1] ?? [])
      .sort();
    expect(packed.filter((path) => path.startsWith("dist/types/")).sort()).toEqual(read);
  });
});
