// The README documents both Actions; these checks keep its tables and its workflow snippets (and the
// copy-paste workflows in examples/workflows) in step with the action.yml files people actually run, and its
// configuration and --json examples in step with examples/targets and what the CLI prints for it.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runMain } from "./support/cli.js";
import { blockAfter, docs, readme } from "./support/readme.js";

interface Manifest {
  description: string;
  inputs: Record<string, { default?: unknown }>;
  outputs: Record<string, unknown>;
}

const actions = {
  dispatch: { manifest: parse(readFileSync("dispatch/action.yml", "utf8")) as Manifest, uses: /\/gitops-promote\/dispatch@/ },
  update: { manifest: parse(readFileSync("action.yml", "utf8")) as Manifest, uses: /\/gitops-promote@/ },
};

/** The rows of the first table after the heading: the first cell unquoted, and the second (inputs: the default). */
function tableAfter(heading: string): { name: string; second: string }[] {
  const at = readme.indexOf(`\n${heading}\n`);
  if (at < 0) throw new Error(`README has no heading ${JSON.stringify(heading)}`);
  const lines = readme.slice(at + heading.length + 2).split("\n");
  const start = lines.findIndex((line) => line.startsWith("|"));
  const rows = lines.slice(start).filter((_, i, all) => all.slice(0, i + 1).every((line) => line.startsWith("|")));
  return rows.slice(2).map((row) => {
    const cells = row
      .slice(1, -1)
      .split(/(?<!\\)\|/)
      .map((cell) => cell.trim());
    return { name: unquote(cells[0] ?? ""), second: unquote(cells[1] ?? "") };
  });
}

function unquote(cell: string): string {
  return /^`[^`]*`$/.test(cell) ? cell.slice(1, -1) : cell;
}

/** Every step (any object with `uses`) in a parsed workflow or snippet. */
function steps(node: unknown): { uses: string; with: Record<string, unknown> }[] {
  if (Array.isArray(node)) return node.flatMap(steps);
  if (typeof node !== "object" || node === null) return [];
  const object = node as Record<string, unknown>;
  const own = typeof object["uses"] === "string" ? [{ uses: object["uses"], with: (object["with"] ?? {}) as Record<string, unknown> }] : [];
  return [...own, ...Object.values(object).flatMap(steps)];
}

describe.each(Object.entries(actions))("README: the %s Action", (name, { manifest }) => {
  it("lists every input, in action.yml's order, with its default", () => {
    const expected = Object.entries(manifest.inputs).map(([input, spec]) => ({
      name: input,
      second: spec.default === undefined ? "" : String(spec.default),
    }));
    expect(tableAfter(`#### Inputs of the ${name} Action`)).toEqual(expected);
  });

  it("has a description the Marketplace takes (less than 125 characters)", () => {
    expect(manifest.description.length).toBeLessThan(125);
  });

  it("lists every output, in action.yml's order", () => {
    expect(tableAfter(`#### Outputs of the ${name} Action`).map((row) => row.name)).toEqual(Object.keys(manifest.outputs));
  });
});

describe("workflows people copy", () => {
  const pages = [["README", readme] as const, ...[...docs].map(([file, text]) => [`docs/${file}`, text] as const)];
  const snippets = pages.flatMap(([page, text]) =>
    [...text.matchAll(/```yaml\n([^]*?)```/g)].map((m, i) => [`${page} yaml block ${i + 1}`, m[1] ?? ""] as const),
  );
  const examples = readdirSync("examples/workflows").map(
    (file) => [`examples/workflows/${file}`, readFileSync(join("examples/workflows", file), "utf8")] as const,
  );

  it.each([...examples, ...snippets])("%s uses only inputs the Actions declare", (_, text) => {
    for (const step of steps(parse(text))) {
      for (const { manifest, uses } of Object.values(actions)) {
        if (uses.test(step.uses)) expect(Object.keys(manifest.inputs)).toEqual(expect.arrayContaining(Object.keys(step.with)));
      }
    }
  });

  it("both example workflows use our Actions", () => {
    const used = examples.flatMap(([, text]) => steps(parse(text)).map((step) => step.uses));
    expect(used.some((u) => actions.dispatch.uses.test(u))).toBe(true);
    expect(used.some((u) => actions.update.uses.test(u))).toBe(true);
  });
});

describe("examples people run: examples/targets is the README's configuration example", () => {
  it("holds the configuration example byte for byte", () => {
    const config = blockAfter("## Configuration (`.github/gitops-promote.yaml`)", "yaml");
    expect(readFileSync("examples/targets/.github/gitops-promote.yaml", "utf8")).toBe(config);
  });

  it("prints the README's --json example for --image ghcr.io/acme/app:1.3.0-rc.1", async () => {
    const argv = ["update", "examples/targets", "--image", "ghcr.io/acme/app:1.3.0-rc.1", "--dry-run", "--json"];
    const { code, stdout, stderr } = await runMain(argv);
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(JSON.parse(stdout)).toEqual(JSON.parse(blockAfter("`--json` prints one JSON object on", "json")));
  });
});

describe("links between the README and docs/", () => {
  /** GitHub's anchor for a heading: lower case, punctuation other than `-` and `_` dropped, spaces as `-`. */
  const slug = (heading: string): string =>
    heading
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\- _]/gu, "")
      .replace(/ /g, "-");
  const anchors = (text: string): Set<string> =>
    new Set(
      text
        .replace(/```[^]*?```/g, "")
        .match(/^#+ .*$/gm)
        ?.map((line) => slug(line.replace(/^#+ /, ""))) ?? [],
    );
  const pages = [["README.md", readme] as const, ...[...docs].map(([file, text]) => [`docs/${file}`, text] as const)];

  it.each(pages)("every link of %s names a file that exists, and a heading it has", (page, text) => {
    const broken: string[] = [];
    const prose = text.replace(/```[^]*?```/g, "").replace(/``[^]*?``|`[^`\n]*`/g, "");
    for (const [, target = ""] of prose.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/.test(target)) continue;
      const [path = "", anchor] = target.split("#");
      const file = path === "" ? page : join(dirname(page), path);
      if (!existsSync(file)) broken.push(target);
      else if (anchor !== undefined && !anchors(readFileSync(file, "utf8")).has(anchor)) broken.push(target);
    }
    expect(broken).toEqual([]);
  });
});

describe("tables as GitHub renders them", () => {
  const pages = [["README.md", readme] as const, ...[...docs].map(([file, text]) => [`docs/${file}`, text] as const)];
  /** Cells of a row as GFM splits it: at every `|` not escaped, inside code spans too, where GitHub drops what overflows the header. */
  const cells = (row: string): number =>
    row
      .trim()
      .replace(/^\||\|$/g, "")
      .split(/(?<!\\)\|/).length;

  it.each(pages)("every row of every table in %s has as many cells as its header", (_, text) => {
    const prose = text.replace(/```[^]*?```/g, "");
    const uneven: string[] = [];
    for (const table of prose.match(/(?:^\|.*\n)+/gm) ?? []) {
      const [header = "", , ...rows] = table.trimEnd().split("\n");
      for (const row of rows) if (cells(row) !== cells(header)) uneven.push(`${cells(row)} cells, header ${cells(header)}: ${row.slice(0, 80)}`);
    }
    expect(uneven).toEqual([]);
  });
});
