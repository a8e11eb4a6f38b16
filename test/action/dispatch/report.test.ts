import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setOutputs, writeDryRunSummary, writeRefusedDryRunSummary, writeRefusedSummary, writeSummary } from "../../../src/action/dispatch/report.js";
import { byteLength, SUMMARY_LIMIT } from "../../../src/action/summary-budget.js";
import type { Payload } from "../../../src/engine/payload.js";
import { checkDispatch, type Dispatched } from "../../../src/github/dispatch.js";
import { parseFileCommand } from "../../support/run-action.js";
import { tempDir } from "../../support/temp.js";

const payload: Payload = { v: 1, images: ["ghcr.io/acme/app:1.2.3"] };
const repositories = ["acme/nope", "acme/manifests", "acme/manifests-eu"];
/** A fan-out to three repositories that reached the last two: a workflow run waited for, and a repository_dispatch. */
const dispatched: Dispatched[] = [
  {
    repository: "acme/manifests",
    kind: "workflow_dispatch",
    workflow: "promote.yml",
    ref: "main",
    runId: 7,
    runUrl: "https://github.com/acme/manifests/actions/runs/7",
    conclusion: "success",
  },
  { repository: "acme/manifests-eu", kind: "repository_dispatch", eventType: "image-pushed" },
];
const failure = "acme/nope: workflow_dispatch failed (404: Not Found)\n(the event was delivered to acme/manifests, acme/manifests-eu)";

describe("the dispatch job summary", () => {
  let file = "";
  const summary = () => readFile(file, "utf8");
  // @actions/core reads the summary's path once, on its first write: one file for the suite, emptied for each test.
  beforeAll(async () => {
    file = join(await tempDir("gp-summary-"), "summary.md");
    process.env["GITHUB_STEP_SUMMARY"] = file;
  });
  beforeEach(() => writeFile(file, ""));

  it("has a row for every repository named, in the input's order: those the event did not reach say so, and the failure says why", async () => {
    await writeSummary(payload, repositories, dispatched, [], failure);
    expect(await summary()).toBe(
      "<h3>gitops-promote dispatch</h3>\n<ul><li><code>ghcr.io/acme/app:1.2.3</code></li></ul>\n" +
        "<table><tr><th>Repository</th><th>Event</th><th>Run</th><th>Conclusion</th></tr>" +
        "<tr><td>acme/nope</td><td>not delivered: see the failure below</td><td>-</td><td>-</td></tr>" +
        '<tr><td>acme/manifests</td><td>workflow_dispatch <code>promote.yml</code> on <code>main</code></td><td><a href="https://github.com/acme/manifests/actions/runs/7">7</a></td><td>success</td></tr>' +
        "<tr><td>acme/manifests-eu</td><td>repository_dispatch <code>image-pushed</code></td><td>(GitHub reports no run for this event)</td><td>-</td></tr></table>\n" +
        "<pre><code>acme/nope: workflow_dispatch failed (404: Not Found)<br>(the event was delivered to acme/manifests, acme/manifests-eu)</code></pre>\n",
    );
  });

  it("a dry run's says nothing was sent, and what each repository would get", async () => {
    await writeDryRunSummary(payload, checkDispatch({ repositories: ["acme/manifests", "acme/manifests-eu"], payload, workflow: "promote.yml" }), []);
    expect(await summary()).toBe(
      "<h3>gitops-promote dispatch</h3>\nDry run: nothing was sent. The payload was built and checked as a real run does.\n" +
        "<ul><li><code>ghcr.io/acme/app:1.2.3</code></li></ul>\n" +
        "<table><tr><th>Repository</th><th>Event</th><th>Run</th><th>Conclusion</th></tr>" +
        "<tr><td>acme/manifests</td><td>workflow_dispatch <code>promote.yml</code> on the default branch (not sent)</td><td>-</td><td>-</td></tr>" +
        "<tr><td>acme/manifests-eu</td><td>workflow_dispatch <code>promote.yml</code> on the default branch (not sent)</td><td>-</td><td>-</td></tr></table>\n",
    );
  });

  it("a refused dry run's says it was a dry run, as a successful one's does: no send was tried", async () => {
    await writeRefusedDryRunSummary(payload, ["acme/manifests"], [], 'workflow "promote" is neither a workflow\'s file name nor its id');
    expect(await summary()).toBe(
      "<h3>gitops-promote dispatch</h3>\nDry run: nothing was sent. A real run would refuse it too: see the failure below.\n" +
        "<ul><li><code>ghcr.io/acme/app:1.2.3</code></li></ul>\n" +
        "<table><tr><th>Repository</th><th>Event</th><th>Run</th><th>Conclusion</th></tr>" +
        "<tr><td>acme/manifests</td><td>not delivered: see the failure below</td><td>-</td><td>-</td></tr></table>\n" +
        '<pre><code>workflow "promote" is neither a workflow\'s file name nor its id</code></pre>\n',
    );

    // Inputs refused before a payload was built (a repository that is not OWNER/NAME): a dry run's says so too.
    await writeFile(file, "");
    await writeRefusedSummary('input repository: "acme" is not OWNER/NAME', true);
    expect(await summary()).toBe(
      "<h3>gitops-promote dispatch</h3>\nDry run: nothing was sent. The inputs are not usable: a real run would refuse them too.\n" +
        '<pre><code>input repository: "acme" is not OWNER/NAME</code></pre>\n',
    );
  });

  it("lists the inputs' warnings, which the log annotates, under the table and above the failure; a dry run's too", async () => {
    // A picked tag that moves (metadata's sha tag) is what a reader of the run must see before the manifests follow it.
    const warnings = ["input metadata: picked ghcr.io/acme/app:sha-0123abc, a tag that moves <not a version>", "input ref has no effect without workflow"];
    await writeSummary(payload, repositories, dispatched, warnings, failure);
    expect(await summary()).toContain(
      "</table>\nThis run's warnings:\n<ul><li>input metadata: picked ghcr.io/acme/app:sha-0123abc, a tag that moves &lt;not a version&gt;</li>" +
        "<li>input ref has no effect without workflow</li></ul>\n<pre><code>acme/nope: workflow_dispatch failed",
    );

    await writeFile(file, "");
    await writeDryRunSummary(payload, checkDispatch({ repositories: ["acme/manifests"], payload, workflow: "promote.yml" }), warnings.slice(1));
    expect(await summary()).toMatch(/<\/table>\nThis run's warnings:\n<ul><li>input ref has no effect without workflow<\/li><\/ul>\n$/);
  });

  it("stays under GitHub's 1 MiB for a fan-out to thousands of repositories that all failed, saying how many more there are", async () => {
    const many = Array.from({ length: 20_000 }, (_, i) => `acme-platform/manifests-for-cluster-${i}`);
    const failures = many.map((name) => `${name}: repository_dispatch failed (404: Not Found): the token cannot see ${name}, or it does not exist`);
    await writeSummary(payload, many, [], [], failures.join("\n"));
    const html = await summary();
    expect(byteLength(html)).toBeLessThan(SUMMARY_LIMIT);
    const rows = html.match(/<tr><td>/g)?.length ?? 0;
    expect(html).toContain(`<tr><td>${many[rows - 1]}</td><td>not delivered: see the failure below</td>`);
    expect(html).toContain(
      `</table>\n… and ${20_000 - rows} more repositories, left out of this summary: GitHub drops a step's summary past 1 MiB. ` +
        "The log says where each event was sent, and the step's error which failed.\n<pre><code>acme-platform/manifests-for-cluster-0: ",
    );
    expect(html).toMatch(/<\/code><\/pre>\n… and the rest of the failure, left out of this summary: .* The step's error in the log has all of it\.\n$/);
  });
});

describe("the dispatch outputs", () => {
  let file = "";
  beforeAll(async () => {
    file = join(await tempDir("gp-output-"), "output.txt");
    process.env["GITHUB_OUTPUT"] = file;
  });
  beforeEach(() => writeFile(file, ""));

  it("have one line per repository named, in the input's order, empty where the event started no run or was not delivered", async () => {
    setOutputs(payload, repositories, dispatched);
    expect(parseFileCommand(await readFile(file, "utf8"))).toEqual({
      payload: JSON.stringify(payload),
      "run-id": "\n7\n",
      "run-url": "\nhttps://github.com/acme/manifests/actions/runs/7\n",
      conclusion: "\nsuccess\n",
    });
  });
});
