import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  annotate,
  annotateIssues,
  failStep,
  printDiff,
  printRun,
  setLandedOutputs,
  setOutputs,
  warnStep,
  writeFailureSummary,
  writeSummary,
} from "../../../src/action/update/report.js";
import { byteLength, SUMMARY_LIMIT } from "../../../src/action/summary-budget.js";
import { redactSummaries } from "../../../src/action/summary-file.js";
import { protectToken } from "../../../src/action/token.js";
import type { AsideWarning, Change, Warning } from "../../../src/change.js";
import type { FilePlan } from "../../../src/engine/plan.js";
import type { DeliveryResult, Landing } from "../../../src/github/deliver.js";
import { FAILED_OUTPUTS, parseFileCommand } from "../../support/run-action.js";
import { capturedStdout, commandsRun } from "../../support/runner-commands.js";
import { tempDir } from "../../support/temp.js";

const APP = "ghcr.io/acme/app";
const at = { serverUrl: "https://github.com", repository: { owner: "acme", repo: "manifests" } };

/** A change of the app's image in `file`, for `target` when given. */
function appChange(file: string, target?: string): Change {
  return { file, line: 10, kind: "image", key: "spec.template.spec.containers[0].image", old: `${APP}:1.2.3`, new: `${APP}:1.3.0`, ...(target && { target }) };
}

/** A run that pushed `changes` to main in one commit, with the plan's `warnings`. */
function pushed(changes: readonly Change[], warnings: readonly Warning[] = []): DeliveryResult {
  const files: FilePlan[] = changes.map((c) => ({ path: c.file, before: "", after: "", changes: [c], ...(c.target && { target: c.target }) }));
  const landing: Landing = { mode: "push", branch: "main", files, changes, commit: "c2be733d0123456789abcdef0123456789abcdef" };
  return {
    changed: changes.length > 0,
    base: "main",
    planned: "0123abcdef",
    checkout: { branch: "main", head: "0123abcdef" },
    plan: { files, changes, warnings, targets: [], images: [] },
    landings: changes.length > 0 ? [landing] : [],
    attempts: 1,
  };
}

describe("printDiff", () => {
  const stdout = capturedStdout();

  it("shows a manifest's lines and the commit message as they are, and the runner runs no command in them", () => {
    const before = "data:\n  banner: |\n    ::add-mask::main\n    ##[warning]forged\nimage: ghcr.io/acme/app:1.2.3\n";
    const after = before.replace("1.2.3", "1.2.4");
    const message = "chore(deploy): ghcr.io/acme/app 1.2.3 -> 1.2.4\n\nfrom acme/app\n::stop-commands::x";
    const result: DeliveryResult = {
      changed: true,
      base: "main",
      planned: "0123abcdef",
      checkout: { branch: "main", head: "0123abcdef" },
      plan: { files: [{ path: "apps/app.yaml", before, after, changes: [] }], changes: [], warnings: [], targets: [], images: [] },
      landings: [{ mode: "push", branch: "main", files: [], changes: [], message }],
      attempts: 1,
    };
    printDiff(result);
    expect(stdout()).toContain("     ::add-mask::main\n     ##[warning]forged\n");
    expect(stdout()).toContain(`would push to main:\n${message}`);
    expect(commandsRun(stdout())).toEqual([]);
  });
});

describe("annotations", () => {
  const stdout = capturedStdout();
  const located = { file: "apps/m/p.yaml", line: 4, message: "no image is configured for Flux setter flux-system:app" };

  it("are on the file and line where the checkout is the workflow's repository, and name them in the message where it is not", () => {
    annotate([located, { message: "input title has no effect" }], "on-file");
    annotateIssues([located], "in-message");
    expect(stdout().split("\n")).toEqual([
      "::warning title=gitops-promote,file=apps/m/p.yaml,line=4::no image is configured for Flux setter flux-system:app",
      "::warning title=gitops-promote::input title has no effect",
      "::error title=gitops-promote::apps/m/p.yaml:4: no image is configured for Flux setter flux-system:app",
      "",
    ]);
  });

  it("title the step's failure as they title its warnings and issues: a refused input, the request that is not usable", () => {
    const exitCode = process.exitCode;
    try {
      failStep('input delivery: "bogus" is not one of push, pull-request, none');
      failStep("nothing was written; the request is not usable:\n- apps/m/p.yaml:4: no image is configured for Flux setter flux-system:app");
      expect(process.exitCode).toBe(1);
    } finally {
      // The test runner's own exit code, not the step's.
      process.exitCode = exitCode;
    }
    expect(stdout().split("\n")).toEqual([
      '::error title=gitops-promote::input delivery: "bogus" is not one of push, pull-request, none',
      "::error title=gitops-promote::nothing was written; the request is not usable:%0A- apps/m/p.yaml:4: no image is configured for Flux setter flux-system:app",
      "",
    ]);
  });

  it("title the step's own warnings as they title the plan's: a job summary not written, the API client's retry", () => {
    warnStep("job summary not written: Error: Unable to find environment variable for $GITHUB_STEP_SUMMARY");
    warnStep("secondary rate limit on POST /repos/acme/manifests/pulls: retrying after 60s");
    expect(stdout().split("\n")).toEqual([
      "::warning title=gitops-promote::job summary not written: Error: Unable to find environment variable for $GITHUB_STEP_SUMMARY",
      "::warning title=gitops-promote::secondary rate limit on POST /repos/acme/manifests/pulls: retrying after 60s",
      "",
    ]);
  });
});

describe("the log's lines after the collapsed group", () => {
  const stdout = capturedStdout();

  it("links the pushed commit and lists each changed value under it, then counts them in words", () => {
    printRun(pushed([appChange("apps/app.yaml")]), at, false);
    expect(stdout()).toBe(
      "planned on main at 0123abc as fetched from origin\n" +
        "pushed to main: https://github.com/acme/manifests/commit/c2be733d0123456789abcdef0123456789abcdef\n" +
        "  apps/app.yaml:10 spec.template.spec.containers[0].image: ghcr.io/acme/app:1.2.3 -> ghcr.io/acme/app:1.3.0\n" +
        "1 value in 1 file changed\n",
    );
  });

  it("gives a pull request's URL, and a commit's full sha where the repository is not on this server", () => {
    const prod = appChange("clusters/prod/app.yaml", "production");
    const staging = appChange("clusters/staging/app.yaml", "staging");
    const result = pushed([staging, prod]);
    const pullRequest = { number: 1, url: "https://github.com/acme/manifests/pull/1", nodeId: "PR_1", operation: "created" as const, autoMerge: false };
    const opened: Landing = { mode: "pull-request", branch: "gitops-promote/production", files: [], changes: [prod], pullRequest, merge: "auto-merge" };
    printRun({ ...result, landings: [{ ...result.landings[0]!, changes: [staging] }, opened] }, undefined, false);
    expect(stdout().split("\n")).toEqual([
      "planned on main at 0123abc as fetched from origin",
      "pushed c2be733d0123456789abcdef0123456789abcdef to main",
      "  clusters/staging/app.yaml:10 spec.template.spec.containers[0].image: ghcr.io/acme/app:1.2.3 -> ghcr.io/acme/app:1.3.0",
      "pull request #1 from gitops-promote/production, created, auto-merge: https://github.com/acme/manifests/pull/1",
      "  clusters/prod/app.yaml:10 spec.template.spec.containers[0].image: ghcr.io/acme/app:1.2.3 -> ghcr.io/acme/app:1.3.0",
      "2 values in 2 files changed",
      "",
    ]);
  });

  it("says what the run planned on, and where the checkout is when that is elsewhere: its files are not read", () => {
    const result = pushed([]);
    const planned = (checkout: DeliveryResult["checkout"], base = "main") => {
      printRun({ ...result, base, checkout }, at, true);
      return stdout()
        .split("\n")
        .filter((line) => line.startsWith("planned on"))
        .at(-1);
    };
    expect(planned({ branch: "release", head: "fedcba9876" })).toBe(
      "planned on main at 0123abc as fetched from origin (the checkout is release at fedcba9; its files are not read)",
    );
    expect(planned({ branch: "HEAD", head: "fedcba9876" })).toMatch(/\(the checkout is detached at fedcba9; its files are not read\)$/);
    expect(planned({ branch: "main", head: "fedcba9876" })).toMatch(/\(the checkout is at fedcba9; its files are not read\)$/);
    // delivery none: the checkout is what the run planned on.
    expect(planned(undefined, "staging")).toBe("planned on the checkout's files (staging at 0123abc), as earlier steps left them");
  });

  it("says what a dry run would do, and prints a value that holds a workflow command without running it", () => {
    const forged = { ...appChange("apps/app.yaml"), key: "data.banner", old: "::add-mask::main", new: "", op: "delete" as const };
    printRun({ ...pushed([forged]), landings: [{ mode: "push", branch: "main", files: [], changes: [forged] }] }, at, true);
    expect(stdout()).toContain("dry run: would push to main\n  apps/app.yaml:10 data.banner: ::add-mask::main -> (none)\n");
    expect(stdout()).toContain("1 value in 1 file would change\n");
    expect(commandsRun(stdout())).toEqual([]);
  });

  it("says which open pull request a dry run would update, and that it would open one where none is", () => {
    const result = pushed([appChange("apps/app.yaml")]);
    const landing = (branch: string, open?: { number: number; url: string }): Landing => ({
      mode: "pull-request",
      branch,
      files: [],
      changes: [],
      ...(open && { openPullRequest: open }),
    });
    printRun(
      { ...result, landings: [landing("gitops-promote/app", { number: 7, url: "https://github.com/acme/manifests/pull/7" }), landing("gitops-promote/api")] },
      at,
      true,
    );
    expect(stdout()).toContain("dry run: would update pull request #7 from gitops-promote/app\ndry run: would open a pull request from gitops-promote/api\n");
  });
});

describe("the job summary of a run", () => {
  let file = "";
  const summary = () => readFile(file, "utf8");
  // @actions/core reads the summary's path once, on its first write: one file for the suite, emptied for each test.
  beforeAll(async () => {
    file = join(await tempDir("gp-summary-"), "summary.md");
    process.env["GITHUB_STEP_SUMMARY"] = file;
  });
  beforeEach(() => writeFile(file, ""));

  it("lists the warnings under the table of what changed: a target whose policy refused the image says so there too", async () => {
    const refused = { message: `target production: ${APP}:1.3.0-rc.1 is outside its policy (semver ^1.0.0); not edited there` };
    const located = { file: "clusters/staging/broken.yaml", line: 3, message: "not parsed: <flow> map" };
    await writeSummary(pushed([appChange("clusters/staging/app.yaml", "staging")], [refused, located]), at, false);
    expect(await summary()).toMatch(
      new RegExp(
        "</table>\nThis run's warnings:\n<ul>" +
          `<li>target production: ghcr.io/acme/app:1.3.0-rc.1 is outside its policy \\(semver \\^1.0.0\\); not edited there</li>` +
          "<li><code>clusters/staging/broken.yaml</code>:3: not parsed: &lt;flow&gt; map</li></ul>",
      ),
    );
  });

  it("links the commit only where the repository delivered to is on this GitHub server, as the log does", async () => {
    await writeSummary(pushed([appChange("apps/app.yaml")]), at, false);
    expect(await summary()).toContain(
      '<td><a href="https://github.com/acme/manifests/commit/c2be733d0123456789abcdef0123456789abcdef"><code>c2be733</code></a> on <code>main</code></td>',
    );

    // commit-via: git to any git server: GITHUB_REPOSITORY is no place to look for the commit.
    await writeFile(file, "");
    await writeSummary(pushed([appChange("apps/app.yaml")]), undefined, false);
    expect(await summary()).toContain("<td><code>c2be733</code> on <code>main</code></td>");
    expect(await summary()).not.toContain("href");

    await writeFile(file, "");
    await writeFailureSummary("the push of gitops-promote/app was refused", [], { links: undefined, landings: pushed([appChange("apps/app.yaml")]).landings });
    expect(await summary()).toContain("<li><code>c2be733</code> on <code>main</code>: <code>apps/app.yaml</code></li>");
    expect(await summary()).not.toContain("href");
  });

  it("has no Target column when no change was made for a target, and names none for a file outside every target when some are", async () => {
    await writeSummary(pushed([appChange("apps/app.yaml")]), at, false);
    const untargeted = await summary();
    expect(untargeted).toContain("<tr><th>File</th><th>Field</th><th>Old → New</th><th>Delivered</th></tr><tr><td><code>apps/app.yaml</code>:10</td>");
    expect(untargeted).not.toContain("<td><td>");

    await writeFile(file, "");
    await writeSummary(pushed([appChange("clusters/prod/app.yaml", "production"), appChange("flux/app.yaml")]), at, false);
    const targeted = await summary();
    expect(targeted).toContain("<tr><th>Target</th><th>File</th>");
    expect(targeted).toContain("<tr><td>production</td><td><code>clusters/prod/app.yaml</code>:10</td>");
    expect(targeted).toContain("<tr><td>(none)</td><td><code>flux/app.yaml</code>:10</td>");
  });

  it("never shows the token, wherever it reached: a set value in the table of changes, escaped as markup, or a warning's URL credentials", async () => {
    const token = "ghp_<not>&a&token";
    redactSummaries(protectToken(token, () => undefined));
    try {
      const set = { ...appChange("apps/app.yaml"), kind: "override", key: "metadata.annotations.token", old: "none", new: token } satisfies Change;
      await writeSummary(pushed([set], [{ message: `https://x-access-token:${token}@github.com/acme/manifests not reached` }]), at, false);
      const shown = await summary();
      expect(shown).toContain("<td><code>none</code> → <code>***</code></td>");
      expect(shown).toContain("<li>https://***@github.com/acme/manifests not reached</li>");
      expect([shown.includes(token), shown.includes("ghp_&lt;not&gt;&amp;a&amp;token")]).toEqual([false, false]);
    } finally {
      redactSummaries((text) => text);
    }
  });

  it("says why nothing changed as the CLI does, with the warnings below: what holds its value, or what the warnings say", async () => {
    const promoting = (warnings: readonly Warning[] = []) => {
      const result = pushed([], warnings);
      return { ...result, plan: { ...result.plan, images: [{ repository: APP, name: APP, tag: "1.3.0" }] } };
    };
    await writeSummary(pushed([]), at, false);
    expect(await summary()).toContain("Nothing to change on <code>main</code>: every field the input set specs name already holds its value.");

    await writeFile(file, "");
    await writeSummary(promoting(), at, false);
    expect(await summary()).toContain("Nothing to change on <code>main</code>: every image field found already holds its new value.");

    // A warning set aside (Flux's automation still running) says nothing of why a field was left: the fields found are current.
    await writeFile(file, "");
    const running: AsideWarning = {
      file: "flux-system/automation.yaml",
      line: 6,
      message: "ImageUpdateAutomation flux-system/apps is not suspended",
      aside: true,
    };
    await writeSummary(promoting([running]), at, false);
    expect(await summary()).toContain(
      "Nothing to change on <code>main</code>: every image field found already holds its new value.\n" +
        "This run's warnings:\n<ul><li><code>flux-system/automation.yaml</code>:6: ImageUpdateAutomation flux-system/apps is not suspended</li></ul>",
    );

    await writeFile(file, "");
    await writeSummary(promoting([{ message: `no file to update holds ${APP}`, kind: "unreached" }]), at, false);
    expect(await summary()).toContain(
      `Nothing to change on <code>main</code>: the warnings below say why.\nThis run's warnings:\n<ul><li>no file to update holds ${APP}</li></ul>`,
    );

    await writeFile(file, "");
    await writeSummary(promoting([{ file: "apps/app.yaml", line: 7, message: "the policy refuses 1.3.0" }]), at, false);
    expect(await summary()).toContain(
      "Nothing to change on <code>main</code>: the warnings below say what was left and why; any other image field found already holds its new value.",
    );
  });

  it("lists the inputs' warnings too, first, beside what changed and beside a run that found every field current", async () => {
    // images set on a dispatch: the payload's targets were dropped, which the summary's reader must see.
    const unread = { message: "input images is set, so client_payload (the repository_dispatch event's payload) is not read" };
    const located = { file: "clusters/staging/broken.yaml", line: 3, message: "not parsed" };
    await writeSummary(pushed([appChange("apps/app.yaml")], [located]), at, false, [unread]);
    expect(await summary()).toContain(
      "</table>\nThis run's warnings:\n<ul><li>input images is set, so client_payload (the repository_dispatch event's payload) is not read</li>" +
        "<li><code>clusters/staging/broken.yaml</code>:3: not parsed</li></ul>",
    );

    await writeFile(file, "");
    const current = pushed([]);
    const labels = { message: "input labels has no effect with delivery: push" };
    await writeSummary({ ...current, plan: { ...current.plan, images: [{ repository: APP, name: APP, tag: "1.3.0" }] } }, at, false, [labels]);
    expect(await summary()).toContain(
      "Nothing to change on <code>main</code>: every image field found already holds its new value.\n" +
        "This run's warnings:\n<ul><li>input labels has no effect with delivery: push</li></ul>",
    );
  });

  it("of a failed delivery lists the run's warnings under what failed, the inputs' first: the policy's refusal is not left for the re-run", async () => {
    const labels = { message: "input labels has no effect with delivery: push" };
    const refused = { file: ".github/gitops-promote.yaml", line: 9, message: `target production: ${APP}:1.3.0-rc.1 is outside its policy (semver ^1.0.0)` };
    const landed = { links: at, landings: pushed([appChange("apps/app.yaml")]).landings };
    await writeFailureSummary("POST /repos/acme/manifests/pulls failed: 403 Resource not accessible by integration", [], landed, [labels, refused]);
    expect(await summary()).toMatch(
      new RegExp(
        "<p>POST /repos/acme/manifests/pulls failed: 403 Resource not accessible by integration</p>\n" +
          "This run's warnings:\n<ul><li>input labels has no effect with delivery: push</li>" +
          "<li><code>.github/gitops-promote.yaml</code>:9: target production: ghcr.io/acme/app:1.3.0-rc.1 is outside its policy \\(semver \\^1.0.0\\)</li></ul>\n$",
      ),
    );

    // A failure before any plan, and without an input's warning, has none to list.
    await writeFile(file, "");
    await writeFailureSummary("branch main does not exist on origin", [], undefined, []);
    expect(await summary()).not.toContain("warnings");
  });

  describe("that GitHub would drop, past 1 MiB", () => {
    /** A fleet-wide bump: two values in each of `files` files, each in a deep path. */
    const fleet = (files: number): Change[] =>
      Array.from({ length: files }, (_, i) => `clusters/cluster-${String(i).padStart(4, "0")}/apps/deployment-with-a-long-name.yaml`).flatMap((path) => [
        appChange(path),
        { ...appChange(path), line: 30, key: "spec.template.spec.initContainers[0].image" },
      ]);
    const rowsShown = (html: string) => html.match(/<tr><td>/g)?.length ?? 0;

    it("shows every value while the table fits, and the first ones with how many more and where they all are once it would not", async () => {
      await writeSummary(pushed(fleet(10)), at, false);
      expect(rowsShown(await summary())).toBe(20);
      expect(await summary()).not.toContain("left out");

      await writeFile(file, "");
      const changes = fleet(3000);
      await writeSummary(pushed(changes, [{ message: "target production: not edited" }]), at, false);
      const html = await summary();
      expect(byteLength(html)).toBeLessThan(SUMMARY_LIMIT);
      const shown = rowsShown(html);
      expect(shown).toBeGreaterThan(1000);
      expect(html).toContain(`<td><code>${changes[shown - 1]!.file}</code>:${changes[shown - 1]!.line}</td>`);
      const files = new Set(changes.slice(shown).map((c) => c.file)).size;
      expect(html).toContain(
        `</table>\n… and ${6000 - shown} more values in ${files} files, left out of this summary: GitHub drops a step's summary past 1 MiB. ` +
          "The <code>changes</code> and <code>updated-files</code> outputs list every one, as does this step's log.\n" +
          "This run's warnings:\n<ul><li>target production: not edited</li></ul>",
      );
    });

    it("keeps the table whole beside thousands of warnings, which show as many as a quarter of the summary holds", async () => {
      const warnings = Array.from({ length: 20_000 }, (_, i) => ({ file: `apps/broken-${i}.yaml`, line: 1, message: "not parsed: a tab indents line 1" }));
      await writeSummary(pushed(fleet(5), warnings), at, false);
      const html = await summary();
      expect(byteLength(html)).toBeLessThan(SUMMARY_LIMIT / 4 + 10_000);
      expect(rowsShown(html)).toBe(10);
      const listed = html.match(/<li>/g)?.length ?? 0;
      expect(html).toContain(`<li><code>apps/broken-${listed - 1}.yaml</code>:1: not parsed: a tab indents line 1</li></ul>`);
      expect(html).toMatch(new RegExp(`… and ${20_000 - listed} more warnings, left out of this summary: .* This step's log has every one\\.\\n$`));
    });

    it("of a failed run: the landed files, the issues and the message show what fits, and say where the rest is", async () => {
      const files: FilePlan[] = Array.from({ length: 30_000 }, (_, i) => ({ path: `clusters/c${i}/app.yaml`, before: "", after: "", changes: [] }));
      const landed = {
        links: at,
        landings: [{ mode: "push" as const, branch: "main", files, changes: [], commit: "c2be733d0123456789abcdef0123456789abcdef" }],
      };
      const issues = Array.from({ length: 30_000 }, (_, i) => ({ file: ".github/gitops-promote.yaml", line: i + 1, message: "targets[0]: unknown key" }));
      const warnings = Array.from({ length: 20_000 }, (_, i) => ({ file: `apps/broken-${i}.yaml`, line: 1, message: "not parsed: a tab indents line 1" }));
      await writeFailureSummary("nothing was written", issues, landed, warnings);
      const html = await summary();
      expect(byteLength(html)).toBeLessThan(SUMMARY_LIMIT);
      expect(html).toMatch(/ and \d+ more files \(the <code>updated-files<\/code> output lists them all\)<\/li><\/ul>/);
      expect(html).toMatch(/… and \d+ more issues, left out of this summary: .* The step's error in the log lists every one\./);
      expect(html).toMatch(/… and \d+ more warnings, left out of this summary: .* This step's log has every one\.\n$/);

      await writeFile(file, "");
      // A template error that quotes the template's data grows with the run.
      await writeFailureSummary(`commit-message template: can't evaluate field Value in ${"{acme/manifests map[...]} ".repeat(100_000)}`, [], landed);
      const cut = await summary();
      expect(byteLength(cut)).toBeLessThan(SUMMARY_LIMIT);
      expect(cut).toContain("<p>commit-message template: can't evaluate field Value in {acme/manifests map[...]} ");
      expect(cut).toMatch(/<\/p>\n… and the rest of this message, left out of this summary: .* The step's error in the log has all of it\.\n$/);
    });
  });
});

describe("the step outputs of a pull request", () => {
  let file = "";
  const outputs = async () => parseFileCommand(await readFile(file, "utf8"));
  beforeAll(async () => {
    file = join(await tempDir("gp-output-"), "output.txt");
    process.env["GITHUB_OUTPUT"] = file;
  });
  beforeEach(() => writeFile(file, ""));
  const pr = { number: 7, url: "https://github.com/acme/manifests/pull/7", nodeId: "PR_7", autoMerge: false };
  const head = "d4c3b2a10123456789abcdef0123456789abcdef";

  it("names the branch, its head and what the run did to merge it, also for a pull request left as it was", async () => {
    const change = appChange("apps/app.yaml");
    const files: FilePlan[] = [{ path: change.file, before: "", after: "", changes: [change] }];
    const created: Landing = {
      mode: "pull-request",
      branch: "promote/app",
      files,
      changes: [change],
      commit: head,
      pullRequest: { ...pr, operation: "created" },
      merge: "auto-merge",
    };
    setOutputs({ ...pushed([change]), landings: [created] });
    expect(await outputs()).toMatchObject({
      "pull-request-branch": "promote/app",
      "pull-request-head-sha": head,
      "pull-request-merge": "auto-merge",
      "commit-sha": head,
    });

    await writeFile(file, "");
    const leftAsItWas: Landing = {
      mode: "pull-request",
      branch: "promote/app",
      files: [],
      changes: [],
      head,
      pullRequest: { ...pr, operation: "none" },
      merge: "merged",
    };
    setOutputs({ ...pushed([]), landings: [leftAsItWas] });
    expect(await outputs()).toMatchObject({
      "pull-request-operation": "none",
      "pull-request-head-sha": head,
      "pull-request-merge": "merged",
      "commit-sha": "",
    });
  });

  it("lists each pull request with its head and merge, the first's as the single outputs give them", async () => {
    const [staging, production] = [appChange("clusters/staging/app.yaml", "staging"), appChange("clusters/prod/app.yaml", "production")];
    const other = "0a1b2c3d0123456789abcdef0123456789abcdef";
    const left: Landing = {
      mode: "pull-request",
      branch: "gitops-promote/staging",
      files: [],
      changes: [],
      head,
      pullRequest: { ...pr, operation: "none" },
      merge: "none",
    };
    const merged: Landing = {
      mode: "pull-request",
      branch: "gitops-promote/production",
      files: [],
      changes: [production],
      commit: other,
      pullRequest: { ...pr, number: 8, url: "https://github.com/acme/manifests/pull/8", operation: "updated" },
      merge: "merged",
    };
    setOutputs({ ...pushed([staging, production]), landings: [left, merged] });
    const said = await outputs();
    expect(JSON.parse(said["pull-requests"]!)).toEqual([
      { number: 7, url: pr.url, operation: "none", branch: "gitops-promote/staging", head_sha: head, merge: "" },
      {
        number: 8,
        url: "https://github.com/acme/manifests/pull/8",
        operation: "updated",
        branch: "gitops-promote/production",
        head_sha: other,
        merge: "merged",
      },
    ]);
    expect(said).toMatchObject({ "pull-request-head-sha": head, "pull-request-merge": "" });

    await writeFile(file, "");
    setOutputs({ ...pushed([staging, production]), landings: [{ ...merged, merge: "auto-merge" }, left] });
    expect(await outputs()).toMatchObject({ "pull-request-head-sha": other, "pull-request-merge": "auto-merge" });
  });

  it("says what landed before a failure as a finished run would, and empties every pull-request output when nothing did", async () => {
    setLandedOutputs([
      { mode: "pull-request", branch: "promote/app", files: [], changes: [], commit: head, pullRequest: { ...pr, operation: "updated" }, merge: "none" },
    ]);
    expect(await outputs()).toMatchObject({ "pull-request-branch": "promote/app", "pull-request-head-sha": head, "pull-request-merge": "" });

    await writeFile(file, "");
    setLandedOutputs([]);
    expect(await outputs()).toEqual(FAILED_OUTPUTS);
  });
});
