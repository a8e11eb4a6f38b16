import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/action/input-error.js";
import { authorInput, readUpdateInputs, requireToken, type InputReader } from "../../../src/action/update/inputs.js";
import { givenValue } from "../../../src/field-name.js";

const reader = (inputs: Record<string, string>): InputReader => ({ getInput: (name) => inputs[name] ?? "" });
const push = { eventName: "push", payload: {} };

describe("update Action inputs", () => {
  it("reads lists one per line (and words separated by commas), with the documented defaults", () => {
    const { request, delivery } = readUpdateInputs(
      reader({ images: "ghcr.io/acme/app:1.2.4\n nginx:1.27 ", labels: "deploy, prod", paths: "clusters/**\napps/{a,b}/**", set: 'main.k:config.image="x:1"' }),
      push,
    );
    expect(request).toMatchObject({
      images: ["ghcr.io/acme/app:1.2.4", "nginx:1.27"],
      paths: ["clusters/**", "apps/{a,b}/**"],
      sets: ['main.k:config.image="x:1"'],
      allowDowngrade: false,
      create: false,
    });
    expect(delivery).toMatchObject({ mode: "push", merge: "none", mergeMethod: "merge", commitVia: "api", labels: ["deploy", "prod"], dryRun: false });
  });

  it("refuses a commit-message template that does not parse, up front and named as the input; a field its data may lack is for the run to tell", () => {
    expect(() => readUpdateInputs(reader({ images: "a:1", "commit-message": "deploy\n{{ range .Changed.Changes }}" }), push)).toThrow(
      new InputError("input commit-message: template line 2: missing {{end}} for this {{range}}"),
    );
    expect(readUpdateInputs(reader({ images: "a:1", "commit-message": "{{ .Value.repository }}" }), push).delivery.messageTemplate).toBe(
      "{{ .Value.repository }}",
    );
  });

  it("refuses a list input written as a YAML list inside its string, which would read each '-' as a value", () => {
    const inputs = (given: Record<string, string>) => readUpdateInputs(reader(given), push);
    expect(() => inputs({ images: "- ghcr.io/acme/app:1.2.4\n- nginx:1.27" })).toThrow(
      new InputError(
        'input images: "- ghcr.io/acme/app:1.2.4" looks like a YAML list written as the input\'s string, which reaches the step as written: ' +
          'give one value a line, without "- " (images: | and then the values, one under another)',
      ),
    );
    expect(() => inputs({ setters: "flux-system:app=ghcr.io/acme/app:1\n  -  flux-system:web=ghcr.io/acme/web:1" })).toThrow(
      /^input setters: "- {2}flux-system:web=/,
    );
    expect(() => inputs({ images: "ghcr.io/acme/app:1", paths: "-\napps/**" })).toThrow(/^input paths: "-" looks like a YAML list/);
    // A dash inside a value is no list item.
    expect(inputs({ images: "ghcr.io/acme/my-app:1.2.4-rc1", paths: "apps/-/**" }).request).toMatchObject({
      images: ["ghcr.io/acme/my-app:1.2.4-rc1"],
      paths: ["apps/-/**"],
    });
  });

  it("keeps a label name with a space whole: labels are separated by commas and newlines only", () => {
    const { delivery } = readUpdateInputs(reader({ images: "a:1", labels: "needs review, deploy\nenv: prod", reviewers: "alice bob,acme/sre" }), push);
    expect(delivery.labels).toEqual(["needs review", "deploy", "env: prod"]);
    expect(delivery.reviewers).toEqual(["alice", "bob", "acme/sre"]);
  });

  it("refuses a reviewer, team or assignee written as a mention, which GitHub refuses only once the pull request is open", () => {
    const cpr = { images: "a:1", delivery: "pull-request" };
    expect(() => readUpdateInputs(reader({ ...cpr, reviewers: "alice @bob" }), push)).toThrow(
      'input reviewers: "@bob" is written as a mention: give bob, without the @',
    );
    expect(() => readUpdateInputs(reader({ ...cpr, "team-reviewers": "@acme/sre" }), push)).toThrow(
      'input team-reviewers: "@acme/sre" is written as a mention: give acme/sre, without the @',
    );
    expect(() => readUpdateInputs(reader({ ...cpr, assignees: "@carol" }), push)).toThrow(
      'input assignees: "@carol" is written as a mention: give carol, without the @',
    );
  });

  it("reads create-pull-request's draft, assignees and team-reviewers: none and false when unset", () => {
    const cpr = { images: "a:1", delivery: "pull-request", draft: "true", assignees: "alice,\nbob", "team-reviewers": "sre, acme/platform" };
    expect(readUpdateInputs(reader(cpr), push).delivery).toMatchObject({ draft: true, assignees: ["alice", "bob"], teamReviewers: ["sre", "acme/platform"] });
    expect(readUpdateInputs(reader({ images: "a:1" }), push).delivery).toMatchObject({ draft: false, assignees: [], teamReviewers: [] });
    expect(() => readUpdateInputs(reader({ ...cpr, draft: "always-true" }), push)).toThrow('input draft: "always-true" is not true or false');
  });

  it("spells the paths, set files and config of a Windows workflow with /, as the repository's tree does; a set's spec stays as written", () => {
    const { request } = readUpdateInputs(
      reader({
        paths: "clusters\\staging\napps\\*\\values.yaml",
        set: 'clusters\\staging\\values.yaml:image.tag=1.2.0\nmain.k:config.pattern="a\\d"',
        config: "ops\\promote.yaml",
      }),
      push,
    );
    expect(request).toMatchObject({
      paths: ["clusters/staging", "apps/*/values.yaml"],
      sets: ["clusters/staging/values.yaml:image.tag=1.2.0", 'main.k:config.pattern="a\\d"'],
      config: "ops/promote.yaml",
    });
  });

  it("names the request's fields as the inputs they come from, and as a workflow writes them before a value a message asks for", () => {
    const { fieldName } = readUpdateInputs(reader({ images: "ghcr.io/acme/app:1.2.4" }), push).request;
    expect(fieldName?.("image", 0)).toBe("input images");
    expect(givenValue(fieldName, "setter", "flux-system:app=REF")).toBe("setters: flux-system:app=REF");
    expect(givenValue(fieldName, "config", "deploy/gitops.yaml")).toBe("config: deploy/gitops.yaml");
    // A switch is turned on as a workflow writes it.
    expect(fieldName?.("create", undefined, true)).toBe("create: true");
  });

  it("lets set create a missing path only when the create input says so", () => {
    const set = 'main.k:config.image="ghcr.io/acme/app:1.2.4"';
    expect(readUpdateInputs(reader({ set, create: "true" }), push).request.create).toBe(true);
    expect(() => readUpdateInputs(reader({ set, create: "yes" }), push)).toThrow(/input create: "yes" is not true or false/);
  });

  it("refuses a value outside a choice, naming the input", () => {
    expect(() => readUpdateInputs(reader({ images: "a:1", delivery: "pr" }), push)).toThrow(
      new InputError('input delivery: "pr" is not one of push, pull-request, none'),
    );
    expect(() => readUpdateInputs(reader({ images: "a:1", "merge-method": "fast-forward" }), push)).toThrow(/input merge-method/);
    expect(() => readUpdateInputs(reader({ images: "a:1", "dry-run": "yes" }), push)).toThrow(/input dry-run: "yes" is not true or false/);
  });

  it("refuses a branch or pr-branch git could not name a branch, or a full ref, naming the input; empty is the default", () => {
    const inputs = (branches: Record<string, string>) => readUpdateInputs(reader({ images: "a:1", delivery: "pull-request", ...branches }), push);
    expect(inputs({ branch: "release/1.x", "pr-branch": "gitops-promote/app" }).delivery).toMatchObject({
      branch: "release/1.x",
      prBranch: "gitops-promote/app",
    });
    expect(inputs({}).delivery).toMatchObject({ branch: "", prBranch: "" });
    // A glob in the fetch refspec would fetch every branch.
    expect(() => inputs({ "pr-branch": "*" })).toThrow(new InputError('input pr-branch: "*" is not a branch name'));
    for (const name of ["a..b", "main@{1}", "-x", "x:y", "a b", "x.lock", "x/", "@"]) {
      expect(() => inputs({ branch: name })).toThrow(new InputError(`input branch: ${JSON.stringify(name)} is not a branch name`));
    }
    // As given, the branch would be refs/heads/refs/heads/main.
    expect(() => inputs({ "pr-branch": "refs/heads/main" })).toThrow(
      new InputError('input pr-branch: "refs/heads/main" is a ref, not a branch name: drop "refs/heads/" (pr-branch: main)'),
    );
    expect(() => inputs({ branch: "refs/tags/v1" })).toThrow(new InputError('input branch: "refs/tags/v1" is a ref, not a branch name'));
  });

  it("takes the images, targets and source from the payload when the images input is not set", () => {
    const event = {
      eventName: "repository_dispatch",
      payload: { client_payload: { v: 1, images: ["ghcr.io/acme/app:2.0.0"], targets: ["staging"], source: { repository: "acme/app" } } },
    };
    const fromPayload = readUpdateInputs(reader({}), event);
    expect(fromPayload.request).toMatchObject({ images: ["ghcr.io/acme/app:2.0.0"], targets: ["staging"] });
    expect(fromPayload.delivery.templateValues).toEqual({ repository: "acme/app" });
    expect(fromPayload.delivery.source).toEqual({ repository: "acme/app" });
    expect(fromPayload.payloadField).toBe("client_payload");
    expect(fromPayload.warnings).toEqual([]);
  });

  it("refuses payload targets no configuration can name, by the rule the dispatch Action checks them with", () => {
    const event = {
      eventName: "repository_dispatch",
      payload: { client_payload: { v: 1, images: ["ghcr.io/acme/app:2.0.0"], targets: ["staging", "prod uction"] } },
    };
    expect(() => readUpdateInputs(reader({}), event)).toThrow(
      `client_payload.targets[1]: "prod uction" is not a target name: it must start with a letter or digit and hold only letters, digits, '.', '_' and '-'`,
    );
  });

  it("with the images input set, promotes those images everywhere and warns that the payload's images and targets are not read", () => {
    const dispatched = {
      eventName: "repository_dispatch",
      payload: { client_payload: { v: 1, images: ["ghcr.io/acme/app:2.0.0"], targets: ["staging"] } },
    };
    const inputs = readUpdateInputs(reader({ images: "ghcr.io/acme/app:3.0.0" }), dispatched);
    expect(inputs.request).toMatchObject({ images: ["ghcr.io/acme/app:3.0.0"] });
    expect(inputs.request.targets).toBeUndefined();
    expect(inputs.warnings).toEqual([
      {
        message:
          "input images is set, so client_payload (the repository_dispatch event's payload) is not read: neither its images nor its targets apply to this run. " +
          "Leave images out to promote what the payload names, in the targets it names.",
      },
    ]);
    const started = {
      eventName: "workflow_dispatch",
      payload: { inputs: { payload: '{"v": 1, "images": ["ghcr.io/acme/app:2.0.0"], "targets": ["staging"]}' } },
    };
    expect(readUpdateInputs(reader({ images: "ghcr.io/acme/app:3.0.0" }), started).warnings).toEqual([
      { message: expect.stringMatching(/^input images is set, so inputs\.payload \(the workflow_dispatch input 'payload'\) is not read: /) },
    ]);
  });

  it("says nothing of a client_payload in another sender's format (no v), which the workflow reads itself to set the images input", () => {
    const event = { eventName: "repository_dispatch", payload: { client_payload: { image: "ghcr.io/acme/app:3.0.0" } } };
    expect(readUpdateInputs(reader({ images: "ghcr.io/acme/app:3.0.0" }), event).warnings).toEqual([]);
  });

  it.each([
    ["no client_payload", {}],
    ["client_payload null", { client_payload: null }],
    ["an empty client_payload", { client_payload: {} }],
  ])("runs on the setters input alone for a repository_dispatch with %s", (_, fields) => {
    const event = { eventName: "repository_dispatch", payload: { action: "promote", ...fields } };
    const inputs = readUpdateInputs(reader({ setters: "flux-system:app=ghcr.io/acme/app:1.2.4" }), event);
    expect(inputs.request).toMatchObject({ images: [], setters: ["flux-system:app=ghcr.io/acme/app:1.2.4"] });
    expect(inputs.payload).toBeUndefined();
  });

  it("leaves another sender's client_payload (no v) to a step driven by its own setters or set inputs, and refuses it otherwise", () => {
    const event = { eventName: "repository_dispatch", payload: { client_payload: { image: "ghcr.io/acme/app:1.2.4" } } };
    const inputs = readUpdateInputs(reader({ setters: "flux-system:app=ghcr.io/acme/app:1.2.4" }), event);
    expect([inputs.request.setters, inputs.payload]).toEqual([["flux-system:app=ghcr.io/acme/app:1.2.4"], undefined]);
    expect(() => readUpdateInputs(reader({}), event)).toThrow(/client_payload\.v/);
    const ours = { eventName: "repository_dispatch", payload: { client_payload: { v: 2, images: [] } } };
    expect(() => readUpdateInputs(reader({ setters: "flux-system:app=ghcr.io/acme/app:1.2.4" }), ours)).toThrow(/client_payload\.v/);
  });

  it("says what to send when a workflow_dispatch brings no input 'payload' and no input names an image", () => {
    const event = { eventName: "workflow_dispatch", payload: { inputs: { environment: "staging" } } };
    expect(() => readUpdateInputs(reader({}), event)).toThrow(
      /^no image to promote: the workflow_dispatch event has no input 'payload'; send the payload as its input 'payload' \(\{"v": 1, "images"/,
    );
  });

  it.each([
    ["blank", ""],
    ["whitespace alone", " \n\t"],
  ])("reads an input 'payload' left %s as empty, with the images input set or not", (_, payload) => {
    const event = { eventName: "workflow_dispatch", payload: { inputs: { payload } } };
    expect(() => readUpdateInputs(reader({}), event)).toThrow(
      /^no image to promote: the workflow_dispatch input 'payload' is empty; send the payload as its input 'payload' \(\{"v": 1, "images"/,
    );
    expect(readUpdateInputs(reader({ images: "ghcr.io/acme/app:3.0.0" }), event).warnings).toEqual([]);
    expect(readUpdateInputs(reader({ setters: "flux-system:app=ghcr.io/acme/app:1.2.4" }), event).payload).toBeUndefined();
  });

  it("says what to send when a repository_dispatch brings no client_payload and no input names an image", () => {
    const event = { eventName: "repository_dispatch", payload: { action: "promote" } };
    expect(() => readUpdateInputs(reader({}), event)).toThrow(
      new InputError(
        `no image to promote: the repository_dispatch event has no client_payload; send the payload as its client_payload ({"v": 1, "images": ["ghcr.io/acme/app:1.2.3"]}, as gitops-promote/dispatch does), or set the 'images', 'setters' or 'set' input`,
      ),
    );
  });

  it("warns once that merge and merge-method set away from their defaults have no effect without delivery pull-request", () => {
    const warnings = (inputs: Record<string, string>) => readUpdateInputs(reader({ images: "a:1", ...inputs }), push).warnings;
    const targets = "A target whose delivery in the configuration has mode pull-request still uses";
    expect(warnings({ merge: "auto", "merge-method": "squash" })).toEqual([
      {
        message:
          "inputs merge (auto) and merge-method (squash) have no effect with delivery: push, which commits to the branch and opens no pull request " +
          `(delivery: pull-request opens one). ${targets} them, unless it sets its own.`,
      },
    ]);
    expect(warnings({ delivery: "none", "merge-method": "rebase" })).toEqual([
      {
        message:
          "input merge-method (rebase) has no effect with delivery: none, which edits the workspace only, for every target, and opens no pull request " +
          "(delivery: pull-request opens one).",
      },
    ]);
    expect(warnings({ merge: "none", "merge-method": "merge" })).toEqual([]);
    expect(warnings({ delivery: "pull-request", merge: "immediate", "merge-method": "squash" })).toEqual([]);
  });

  it("warns the same way when a step written for a pull request (title, body, labels, reviewers, pr-branch) keeps the default delivery push", () => {
    const pullRequestStep = { title: "Deploy app", body: "please review", labels: "deploy", reviewers: "alice", "pr-branch": "deploy/app" };
    expect(readUpdateInputs(reader({ images: "a:1", ...pullRequestStep }), push).warnings).toEqual([
      {
        message:
          "inputs pr-branch, title, body, labels and reviewers have no effect with delivery: push, which commits to the branch and opens no pull request " +
          "(delivery: pull-request opens one). A target whose delivery in the configuration has mode pull-request still uses them, unless it sets its own.",
      },
    ]);
    expect(readUpdateInputs(reader({ images: "a:1", ...pullRequestStep, delivery: "pull-request" }), push).warnings).toEqual([]);
    const people = { draft: "true", assignees: "alice", "team-reviewers": "sre" };
    expect(readUpdateInputs(reader({ images: "a:1", ...people }), push).warnings[0]?.message).toMatch(
      /^inputs team-reviewers, assignees and draft have no effect/,
    );
  });

  it("takes the checkout in the workspace itself unless working-directory names a subdirectory", () => {
    expect(readUpdateInputs(reader({ images: "a:1" }), push).workingDirectory).toBe(".");
    expect(readUpdateInputs(reader({ images: "a:1", "working-directory": " manifests " }), push).workingDirectory).toBe("manifests");
  });

  it("refuses an empty token only when the API is needed, naming the input and what usually empties it", () => {
    expect(requireToken("ghs_x")).toBe("ghs_x");
    expect(() => requireToken("")).toThrow(/^input token is empty, .*misspelt.*skipped.*Leave `token` out to use GITHUB_TOKEN\.$/);
  });

  it("tells a dry run, which looks up open pull requests only, of an empty token in a few words; a token it is given is read as a run reads it", () => {
    expect(() => requireToken("", true)).toThrow(new InputError("input token is empty, and a run that lands pull requests needs one"));
    expect(requireToken("ghs_x", true)).toBe("ghs_x");
    expect(() => requireToken("Bearer ghs_x", true)).toThrow(/^input token holds a space/);
  });

  it("refuses a token of several lines (an App's private key given as the token) at once, without quoting it", () => {
    const key = "-----BEGIN RSA PRIVATE KEY-----\nMIIEsecret\n-----END RSA PRIVATE KEY-----";
    expect(() => readUpdateInputs(reader({ images: "a:1", token: key }), push)).toThrow(/^input token holds a line break.*private key/);
    expect(() => readUpdateInputs(reader({ images: "a:1", token: key }), push)).not.toThrow(/MIIEsecret/);
  });

  it("reads authors as git writes them", () => {
    expect(authorInput("Release Bot <release@acme.test>")).toEqual({ name: "Release Bot", email: "release@acme.test" });
    expect(() => authorInput("release@acme.test")).toThrow(/is not "Name <email>"/);
  });
});
