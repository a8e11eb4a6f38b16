// The package as npm users get it: packed from dist/ as built, installed into a project of its own with
// no network (it must need nothing from the registry), and loaded by name, through package.json's exports.
import { execFileSync } from "node:child_process";
import { writeFile } from "node:fs/promises";
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
  });
});
