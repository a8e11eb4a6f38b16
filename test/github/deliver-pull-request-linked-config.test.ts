/**
 * A configuration that is a symbolic link (.github/gitops-promote.yaml -> ../config/promote.yaml) is
 * read from the file it leads to. Rebuilding the pull request's branch on the base, that file is the
 * base's configuration as much as the link: the base's governs the run, and a change the branch made
 * to it is left out, as one to .github/gitops-promote.yaml itself would be, never carried over.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createClient } from "../../src/github/client.js";
import { deliver, type DeliveryContext } from "../../src/github/deliver.js";
import { GitRepo } from "../../src/github/git.js";
import { startFakeGitHub, type FakeGitHub } from "../support/github-fake.js";
import { APP, checkout, cloneRepo, deployment, mallory, OWNER, pushAsPerson, REPO, squashPullRequest, warningsOf } from "./fixture.js";

const PR = "gitops-promote/app";
const request = (version: string) => ({ images: [`${APP}:${version}`], setters: [], sets: [], paths: [] });
const config = (policy = "") => `targets:\n  - name: app\n    paths: ["apps/**"]\n    images: [{ repository: ${APP}${policy} }]\n`;

describe("deliver: a linked configuration when the pull request's branch is rebuilt", () => {
  let fake: FakeGitHub;
  let ctx: DeliveryContext;
  beforeEach(async () => {
    fake = await startFakeGitHub();
    const { git } = await checkout(fake, {
      ".github/gitops-promote.yaml": { content: "../config/promote.yaml", mode: "120000" },
      "config/promote.yaml": config(),
      "apps/app.yaml": deployment("app", `${APP}:1.0.0`),
    });
    const client = createClient({ token: fake.token, baseUrl: fake.apiUrl });
    ctx = { git, remote: "origin", repository: { owner: OWNER, repo: REPO }, client: () => client, log: () => undefined };
  });
  afterEach(() => fake.close());

  it("the file the link leads to is reset to the base's, which governs: the branch's change to it is left out, with a warning", async () => {
    await deliver(ctx, request("1.1.0"), squashPullRequest(PR, "none"));
    // On the pull request's branch, a policy that would keep the next promotion out.
    const pinned = config(`, policy: { semver: { range: "<1.2.0" } }`);
    await pushAsPerson(new GitRepo(await cloneRepo(fake)), PR, { "config/promote.yaml": pinned }, mallory);

    const result = await deliver(ctx, request("1.2.0"), squashPullRequest(PR, "none"));
    expect(result.landings.map((l) => l.pullRequest?.operation)).toEqual(["updated"]);
    expect(await fake.readFile(OWNER, REPO, PR, "apps/app.yaml")).toContain(`${APP}:1.2.0`);
    expect(await fake.readFile(OWNER, REPO, PR, "config/promote.yaml")).toBe(config());
    expect(warningsOf(result)).toContain(
      `config/promote.yaml: ${PR} changed this file, which gitops-promote never writes (the workflows under .github/, its configuration): left out when rebuilding the pull request's branch`,
    );
  });
});
