import { describe, expect, it } from "vitest";
import { configOf } from "../../src/engine/config-file.js";
import { RequestError, type RequestIssue, type UpdateRequest } from "../../src/engine/request.js";
import { memorySource } from "../../src/engine/source.js";
import { byFlag } from "../../src/field-name.js";

/** The configuration a request reads in a tree of `files` (path -> text or raw bytes), as a run reads it. */
function configIn(files: Record<string, string | Uint8Array>, request: Pick<UpdateRequest, "config"> = {}) {
  const tree = new Map(Object.entries(files));
  return configOf(memorySource(tree), new Set(tree.keys()), request, false);
}

async function refusal(reading: Promise<unknown>): Promise<readonly RequestIssue[]> {
  try {
    await reading;
  } catch (error) {
    if (error instanceof RequestError) return error.issues;
    throw error;
  }
  throw new Error("expected a RequestError");
}

const TARGETS = "targets:\n  - name: staging\n    paths: [staging/**]\n    images: [{ repository: ghcr.io/acme/app }]\n";

describe("configOf: the configuration file a request reads", () => {
  it("refuses a bad configuration with its file and line", async () => {
    const issues = await refusal(configIn({ ".github/gitops-promote.yaml": "targets:\n  - name: x\n    paths: 3\n" }));
    expect(issues.every((issue) => issue.file === ".github/gitops-promote.yaml" && issue.line !== undefined)).toBe(true);
    expect(issues.some((issue) => issue.line === 3 && issue.message.startsWith("targets[0].paths"))).toBe(true);
  });

  it("refuses a configuration that is not UTF-8, naming the file, as the configuration in error", async () => {
    const config = Buffer.from("targets: [] # caf\xe9\n", "latin1");
    expect(await refusal(configIn({ ".github/gitops-promote.yaml": config }))).toEqual([
      { field: "config", file: ".github/gitops-promote.yaml", message: "not UTF-8 text, so none of it can be read; save the configuration as UTF-8" },
    ]);
  });

  it("reads the configuration as .github/gitops-promote.yml too, as GitHub users name their files", async () => {
    const { config, configPath } = await configIn({ ".github/gitops-promote.yml": TARGETS });
    expect([configPath, config?.targets.map((target) => target.name)]).toEqual([".github/gitops-promote.yml", ["staging"]]);
  });

  it("refuses both default names at once rather than pick one, and reads the one --config names", async () => {
    const both = { ".github/gitops-promote.yaml": TARGETS, ".github/gitops-promote.yml": "setters: {}\n" };
    expect(await refusal(configIn(both))).toEqual([
      { field: "config", message: "config: .github/gitops-promote.yaml and .github/gitops-promote.yml both exist, and only one is read; remove one" },
    ]);
    const named = await configIn(both, { config: ".github/gitops-promote.yml" });
    expect(named.config?.targets).toEqual([]);
  });
});

describe("configOf: a configuration that is a symbolic link", () => {
  /** configIn with the tree's links (path -> target as written). */
  function linkedConfigIn(files: Record<string, string>, links: Record<string, string>, request: Pick<UpdateRequest, "config" | "fieldName"> = {}) {
    const tree = new Map(Object.entries(files));
    const linked = new Map(Object.entries(links));
    return configOf(memorySource(tree, linked), new Set(tree.keys()), request, false, linked);
  }

  it("is read from the file of the tree it leads to, which is the configuration (and no manifest)", async () => {
    const read = await linkedConfigIn({ "conf/promote.yaml": TARGETS }, { ".github/gitops-promote.yaml": "../conf/promote.yaml" });
    expect([read.configPath, read.config?.targets.map((target) => target.name)]).toEqual(["conf/promote.yaml", ["staging"]]);
    const named = await linkedConfigIn({ "conf/promote.yaml": TARGETS }, { "promote.yaml": "conf/promote.yaml" }, { config: "promote.yaml" });
    expect(named.configPath).toBe("conf/promote.yaml");
  });

  it("is refused, named with its target, when it leads outside the tree, nowhere or round a loop: the run would go on without its targets", async () => {
    const why =
      "a configuration is read from a file of the tree only, and a run without it would not apply its targets and policies; put the file itself there, or link to a file of the tree";
    expect(await refusal(linkedConfigIn({}, { ".github/gitops-promote.yaml": "../../shared/promote.yaml" }))).toEqual([
      { field: "request", message: `.github/gitops-promote.yaml is a symbolic link to "../../shared/promote.yaml", which leads outside the root: ${why}` },
    ]);
    expect(await refusal(linkedConfigIn({}, { ".github/gitops-promote.yml": "gone.yaml" }))).toEqual([
      {
        field: "request",
        message: `.github/gitops-promote.yml is a symbolic link to "gone.yaml", which leads to .github/gone.yaml, which does not exist (a dangling link): ${why}`,
      },
    ]);
    // Named by --config: said as the flag's.
    expect(await refusal(linkedConfigIn({}, { "a.yaml": "b.yaml", "b.yaml": "a.yaml" }, { config: "a.yaml", fieldName: byFlag }))).toEqual([
      { field: "request", message: `--config: a.yaml is a symbolic link to "b.yaml", which leads round a loop of links: ${why}` },
    ]);
  });

  it("is one configuration with the other default name when both lead to one file: read once, not refused as two", async () => {
    const yml = await linkedConfigIn({ ".github/gitops-promote.yaml": TARGETS }, { ".github/gitops-promote.yml": "gitops-promote.yaml" });
    expect([yml.configPath, yml.config?.targets.map((target) => target.name)]).toEqual([".github/gitops-promote.yaml", ["staging"]]);
    const both = await linkedConfigIn(
      { "conf/promote.yaml": TARGETS },
      { ".github/gitops-promote.yaml": "../conf/promote.yaml", ".github/gitops-promote.yml": "../conf/promote.yaml" },
    );
    expect(both.configPath).toBe("conf/promote.yaml");
  });

  it("counts as present beside the other default name when it leads to another file, or to none: both are refused, as two files are", async () => {
    const message = "config: .github/gitops-promote.yaml and .github/gitops-promote.yml both exist, and only one is read; remove one";
    const other = linkedConfigIn(
      { ".github/gitops-promote.yaml": TARGETS, "conf/promote.yaml": TARGETS },
      { ".github/gitops-promote.yml": "../conf/promote.yaml" },
    );
    expect((await refusal(other)).map((issue) => issue.message)).toEqual([message]);
    const dangling = linkedConfigIn({ ".github/gitops-promote.yaml": TARGETS }, { ".github/gitops-promote.yml": "gone.yaml" });
    expect((await refusal(dangling)).map((issue) => issue.message)).toEqual([message]);
  });
});

describe("configOf: a configuration in error", () => {
  it("names, beside its own faults, an override's file that is a symbolic link with where it leads, as a run does", async () => {
    const text = "targets: 3\noverrides:\n  - file: current.k\n    spec: config.image\n    image: ghcr.io/acme/app\n";
    const tree = new Map([
      [".github/gitops-promote.yaml", text],
      ["main.k", 'config = {image = "ghcr.io/acme/app:1.0.0"}\n'],
    ]);
    const links = new Map([["current.k", "main.k"]]);
    const issues = await refusal(configOf(memorySource(tree, links), new Set(tree.keys()), {}, false, links));
    expect(issues.map(({ line, message }) => [line, message])).toContainEqual([
      3,
      'overrides[0].file: current.k is a symbolic link to "main.k", which leads to main.k; a symbolic link is never edited: name main.k instead',
    ]);
  });
});

describe("configOf: a default name behind a linked directory (.github a symbolic link)", () => {
  const WHY =
    "a configuration is read from a file of the tree only, and a run without it would not apply its targets and policies; put the file itself there, or link to a file of the tree";

  /** The configuration read in a tree of `files` and `links`, from a source that finds a file out of the tree at `outside` only. */
  function configBehind(
    files: Record<string, string>,
    links: Record<string, string>,
    outside: readonly string[] = [],
    request: Pick<UpdateRequest, "config"> = {},
  ) {
    const tree = new Map(Object.entries(files));
    const linked = new Map(Object.entries(links));
    const source = { ...memorySource(tree, linked), isFileOutside: async (path: string) => outside.includes(path) };
    return configOf(source, new Set(tree.keys()), request, false, linked);
  }

  it.each([
    ["a directory of the tree that holds neither name", { ".github": "ci/github" }],
    ["the root, which holds neither name", { ".github": "." }],
    ["a loop", { ".github": ".github/x" }],
    ["a directory out of the tree where no file is", { ".github": "../.github" }],
    ["an absolute directory where no file is", { ".github": "/etc/ci" }],
  ])("finds no configuration where the directory leads to %s, as the file system finds none: the run goes on without one", async (_, links) => {
    const read = await configBehind({ "ci/github/workflows/ci.yaml": "on: push\n", "d.yaml": "image: a:1\n" }, links);
    expect(read).toEqual({ config: undefined, configPath: ".github/gitops-promote.yaml", given: false });
  });

  it("reads a configuration where the linked directory leads, a file or a link of its own to a file of the tree", async () => {
    const file = await configBehind({ "ci/github/gitops-promote.yml": TARGETS }, { ".github": "ci/github" });
    expect([file.configPath, file.config?.targets.map((target) => target.name)]).toEqual(["ci/github/gitops-promote.yml", ["staging"]]);
    const linked = await configBehind({ "conf/promote.yaml": TARGETS }, { ".github": "x/y", "x/y/gitops-promote.yaml": "../../conf/promote.yaml" });
    expect([linked.configPath, linked.config?.targets.map((target) => target.name)]).toEqual(["conf/promote.yaml", ["staging"]]);
  });

  it("refuses a default name that is a link of its own behind the directory and leads to no file of the tree", async () => {
    expect(await refusal(configBehind({}, { ".github": "x/y", "x/y/gitops-promote.yaml": "gone.yaml" }))).toEqual([
      {
        field: "request",
        message: `.github/gitops-promote.yaml lies behind the symbolic link .github (to "x/y"), which leads to x/y/gone.yaml, which does not exist (a dangling link): ${WHY}`,
      },
    ]);
  });

  it("refuses a default name the file system finds out of the tree through the directory: it is a configuration the run cannot read", async () => {
    expect(await refusal(configBehind({}, { ".github": "../.github" }, [".github/gitops-promote.yml"]))).toEqual([
      {
        field: "request",
        message: `.github/gitops-promote.yml lies behind the symbolic link .github (to "../.github"), which leads outside the root: ${WHY}`,
      },
    ]);
  });

  it("refuses a --config behind a linked directory that leads to no file, naming the link, as one it names must be read", async () => {
    const issues = await refusal(configBehind({}, { conf: "gone" }, [], { config: "conf/promote.yaml" }));
    expect(issues.map((issue) => issue.message)).toEqual([
      `config: conf/promote.yaml lies behind the symbolic link conf (to "gone"), which leads to gone/promote.yaml, which does not exist (a dangling link): ${WHY}`,
    ]);
  });
});
