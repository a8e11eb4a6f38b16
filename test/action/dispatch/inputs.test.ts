import { describe, expect, it } from "vitest";
import { askedDryRun, readDispatchInputs, type InputReader } from "../../../src/action/dispatch/inputs.js";
import { InputError } from "../../../src/action/input-error.js";

const sha = "sha256:6745aaad46d795c9836632e1fb62f24b7e7f4c843144da8e47a5465c411a14be";

const TOKEN = "ghs_0123456789abcdefghijABCDEFGHIJ012345";

/** Reads inputs as @actions/core does: values and lines trimmed, empty lines dropped. The token is set unless a test sets it. */
const reader = (given: Record<string, string>): InputReader => {
  const inputs: Record<string, string> = { token: TOKEN, ...given };
  return {
    getInput: (name) => (inputs[name] ?? "").trim(),
    getMultilineInput: (name) =>
      (inputs[name] ?? "")
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => line !== ""),
  };
};

/** docker/metadata-action's json output: several tags of one image, the version in a label. */
const metadata = JSON.stringify({
  tags: ["ghcr.io/acme/app:1.2.3", "ghcr.io/acme/app:1.2", "ghcr.io/acme/app:sha-0123abc", "ghcr.io/acme/app:latest", "ghcr.io/acme/worker:1.2.3"],
  labels: { "org.opencontainers.image.version": "1.2.3" },
});

const imagesOf = (inputs: Record<string, string>) => readDispatchInputs(reader({ repository: "acme/manifests", ...inputs }), {}).options.payload.images;

describe("dispatch Action inputs", () => {
  it("announces one reference per repository from metadata: the version tag, with the digest", () => {
    expect(imagesOf({ metadata, digest: sha })).toEqual([`ghcr.io/acme/app:1.2.3@${sha}`, `ghcr.io/acme/worker:1.2.3@${sha}`]);
  });

  it("an image in `images` takes the place of metadata's pick for its repository", () => {
    expect(imagesOf({ images: "ghcr.io/acme/app:sha-0123abc", metadata, digest: sha })).toEqual([
      "ghcr.io/acme/app:sha-0123abc",
      `ghcr.io/acme/worker:1.2.3@${sha}`,
    ]);
  });

  it("compares repositories as the receiver does: Docker Hub's short names are one repository", () => {
    const hub = JSON.stringify({ tags: ["docker.io/library/nginx:1.27.0", "docker.io/library/nginx:latest"], labels: {} });
    expect(imagesOf({ images: "nginx:1.27", metadata: hub })).toEqual(["nginx:1.27"]);
  });

  it("refuses docker/metadata-action's tags given as `images`, naming the input and pointing at `metadata`", () => {
    expect(() => imagesOf({ images: "ghcr.io/acme/app:sha-0123abc\nghcr.io/acme/app:1.2.3\nghcr.io/acme/app:latest" })).toThrow(
      new InputError(
        [
          "input images: ghcr.io/acme/app:sha-0123abc and ghcr.io/acme/app:1.2.3 name one repository; give each repository once",
          "input images: ghcr.io/acme/app:1.2.3 and ghcr.io/acme/app:latest name one repository; give each repository once",
          "To announce docker/metadata-action's output, set `metadata: ${{ steps.meta.outputs.json }}` instead of `images`: it picks the version tag of each image.",
        ].join("\n"),
      ),
    );
  });

  it("refuses an image without tag or digest, as the receiver does, naming the input", () => {
    expect(() => imagesOf({ images: "ghcr.io/acme/app" })).toThrow(
      new InputError('input images: "ghcr.io/acme/app" has no tag or digest; give repo:tag or repo@sha256:...'),
    );
  });

  it("refuses a target name no configuration can have, by the receiver's rule, naming the input", () => {
    const targetsOf = (targets: string) =>
      readDispatchInputs(reader({ repository: "acme/manifests", images: "ghcr.io/acme/app:1.2.3", targets }), {}).options.payload.targets;
    expect(targetsOf("staging\nprod-eu.1")).toEqual(["staging", "prod-eu.1"]);
    expect(() => targetsOf("staging, prod uction")).toThrow(
      new InputError(`input targets: "prod uction" is not a target name: it must start with a letter or digit and hold only letters, digits, '.', '_' and '-'`),
    );
    expect(() => targetsOf("-prod")).toThrow(/^input targets: "-prod" is not a target name/);
  });

  it("sends a repeated image once, however it is spelt, as update's --image takes it", () => {
    expect(imagesOf({ images: "ghcr.io/acme/app:1.2.3\nghcr.io/acme/app:1.2.3" })).toEqual(["ghcr.io/acme/app:1.2.3"]);
    expect(imagesOf({ images: "nginx:1.27, docker.io/library/nginx:1.27" })).toEqual(["nginx:1.27"]);
  });

  it("warns about an input that has no effect, naming its value", () => {
    const warnings = (inputs: Record<string, string>) =>
      readDispatchInputs(reader({ repository: "acme/manifests", images: "ghcr.io/acme/app:sha-0123abc", ...inputs }), {}).warnings;
    expect(warnings({ ref: "release" })).toEqual([
      "input ref (release) has no effect without workflow: a repository_dispatch runs the workflows of the manifests repository's default branch",
    ]);
    expect(warnings({ workflow: "promote.yml", "event-type": "deploy" })).toEqual([
      "input event-type (deploy) has no effect with workflow: a workflow_dispatch starts the workflow by name and has no event type",
    ]);
    expect(warnings({ "wait-timeout": "60" })).toEqual(["input wait-timeout (60) has no effect without wait: true"]);
    const app = JSON.stringify({ tags: ["ghcr.io/acme/app:1.2.3", "ghcr.io/acme/app:latest"], labels: {} });
    expect(warnings({ metadata: app, digest: sha })).toEqual([
      "inputs metadata and digest have no effect: images names every repository metadata lists (ghcr.io/acme/app), and an image in images takes the place of metadata's pick",
    ]);
  });

  it("does not warn about the defaults action.yml fills in, nor about inputs that take effect", () => {
    const warnings = (inputs: Record<string, string>) =>
      readDispatchInputs(
        reader({ repository: "acme/manifests", images: "ghcr.io/acme/app:1.2.3", "event-type": "image-pushed", "wait-timeout": "1800", ...inputs }),
        {},
      ).warnings;
    expect(warnings({})).toEqual([]);
    expect(warnings({ workflow: "promote.yml", ref: "release", wait: "true", "wait-timeout": "60" })).toEqual([]);
    expect(warnings({ "event-type": "deploy", metadata })).toEqual([]);
  });

  it("sends one event per repository: a repository named twice, in any case, is named in a warning", () => {
    const read = (repository: string) => readDispatchInputs(reader({ repository, images: "ghcr.io/acme/app:1.2.3" }), {});
    const twice = read("acme/manifests\nacme/manifests-eu, Acme/Manifests");
    expect(twice.options.repositories).toEqual(["acme/manifests", "acme/manifests-eu"]);
    expect(twice.warnings).toEqual([
      "input repository names acme/manifests 2 times (acme/manifests, Acme/Manifests): GitHub's repository names ignore case, so it is one repository, and it gets one event",
    ]);
    expect(read("acme/manifests\nacme/manifests-eu").warnings).toEqual([]);
  });

  it('reads `repository: ""`, which a reusable workflow passes for an input its caller left out, as its default: this repository', () => {
    const repositoriesOf = (source: { repository?: string }) =>
      readDispatchInputs(reader({ repository: "", images: "ghcr.io/acme/app:1.2.3" }), source).options.repositories;
    expect(repositoriesOf({ repository: "acme/app" })).toEqual(["acme/app"]);
    expect(() => repositoriesOf({})).toThrow(
      new InputError("input repository is empty and GITHUB_REPOSITORY is not set: name the manifests repository, OWNER/NAME"),
    );
  });

  it("refuses a repository that is not OWNER/NAME, naming the input, before any event is sent to the others", () => {
    expect(() => readDispatchInputs(reader({ repository: "acme/manifests\nacme, https://github.com/acme/m2", images: "ghcr.io/acme/app:1.2.3" }), {})).toThrow(
      new InputError(['input repository: "acme" is not OWNER/NAME', 'input repository: "https://github.com/acme/m2" is not OWNER/NAME'].join("\n")),
    );
  });

  it("names the input client-payload in its errors, not the payload field it would have become", () => {
    const extra = (clientPayload: string) => () => imagesOf({ images: "ghcr.io/acme/app:1.2.3", "client-payload": clientPayload });
    expect(extra("{ticket: 1}")).toThrow(/^input client-payload: not valid JSON: /);
    expect(extra('["OPS-1"]')).toThrow(new InputError("input client-payload: expected a JSON object of extra top-level keys"));
    expect(extra('{"ticket": "OPS-1", "images": [], "v": 2}')).toThrow(
      new InputError(
        [
          'input client-payload: the extra payload may not set "images": gitops-promote writes it',
          'input client-payload: the extra payload may not set "v": gitops-promote writes it',
        ].join("\n"),
      ),
    );
    expect(
      readDispatchInputs(reader({ repository: "acme/manifests", images: "ghcr.io/acme/app:1.2.3", "client-payload": '{"ticket": "OPS-1"}' }), {}).options
        .payload,
    ).toMatchObject({ ticket: "OPS-1" });
  });

  it("names client-payload when its keys do not fit beside gitops-promote's in GitHub's 10, and says to nest them", () => {
    const keys = (n: number) => JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i])));
    const inputs = { repository: "acme/manifests", images: "ghcr.io/acme/app:1.2.3", targets: "staging" };
    // v, images, targets and the source the runner gives: 4 of GitHub's 10.
    const source = { repository: "acme/app" };
    expect(Object.keys(readDispatchInputs(reader({ ...inputs, "client-payload": keys(6) }), source).options.payload)).toHaveLength(10);
    expect(() => readDispatchInputs(reader({ ...inputs, "client-payload": keys(7) }), source)).toThrow(
      new InputError(
        'input client-payload: 7 extra keys ("k0", "k1", "k2", "k3", "k4", "k5", "k6") and gitops-promote\'s 4 (v, images, source, targets) make 11 top-level keys; ' +
          'GitHub allows at most 10. Nest the extra keys under one, e.g. {"build": {"k0": ..., "k1": ..., ...}}',
      ),
    );
  });

  it("names event-type when GitHub would refuse its length, and leaves it unchecked with workflow, which does not send it", () => {
    const inputs = { repository: "acme/manifests", images: "ghcr.io/acme/app:1.2.3", "event-type": "e".repeat(101) };
    expect(() => readDispatchInputs(reader(inputs), {})).toThrow(/^input event-type: "e{101}" is 101 characters long; GitHub allows at most 100$/);
    expect(readDispatchInputs(reader({ ...inputs, "event-type": "e".repeat(100) }), {}).options.eventType).toBe("e".repeat(100));
    expect(readDispatchInputs(reader({ ...inputs, workflow: "promote.yml" }), {}).warnings).toEqual([
      `input event-type (${"e".repeat(101)}) has no effect with workflow: a workflow_dispatch starts the workflow by name and has no event type`,
    ]);
  });

  it("names ref when it names no branch or tag, as the CLI's --ref, and leaves it unchecked without workflow, which does not send it", () => {
    const inputs = { repository: "acme/manifests", images: "ghcr.io/acme/app:1.2.3", workflow: "promote.yml" };
    for (const ref of ["release 1", "refs/heads/../main", "main.lock"])
      expect(() => readDispatchInputs(reader({ ...inputs, ref }), {})).toThrow(`input ref: ${JSON.stringify(ref)} is not a branch or tag name`);
    expect(readDispatchInputs(reader({ ...inputs, ref: "release/1.2" }), {}).options.ref).toBe("release/1.2");
    expect(readDispatchInputs(reader({ ...inputs, workflow: "", ref: "release 1" }), {}).warnings).toEqual([
      expect.stringMatching(/^input ref \(release 1\) has no effect without workflow/),
    ]);
  });

  it("holds the payload to the limit of the event that carries it: 65,535 characters with workflow, under 64KB of UTF-8 without", () => {
    const inputs = { repository: "acme/manifests", images: "ghcr.io/acme/app:1.2.3", "client-payload": JSON.stringify({ note: "€".repeat(30_000) }) };
    expect(readDispatchInputs(reader({ ...inputs, workflow: "promote.yml" }), {}).options.payload).toMatchObject({ note: "€".repeat(30_000) });
    expect(() => readDispatchInputs(reader(inputs), {})).toThrow(
      /^client_payload: is 90\d{3} bytes of JSON; GitHub requires less than 65536 bytes \(64KB\) in a repository_dispatch's client_payload$/,
    );
    const long = { ...inputs, workflow: "promote.yml", "client-payload": JSON.stringify({ note: "x".repeat(65_500) }) };
    expect(() => readDispatchInputs(reader(long), {})).toThrow(/^inputs\.payload: is 655\d\d characters of JSON; GitHub allows at most 65535 characters/);
  });

  it("reads dry-run as a boolean, false when empty or left out", () => {
    const dryRun = (value?: string) =>
      readDispatchInputs(reader({ repository: "acme/manifests", images: "ghcr.io/acme/app:1.2.3", ...(value !== undefined && { "dry-run": value }) }), {})
        .dryRun;
    expect([dryRun("true"), dryRun("false"), dryRun(""), dryRun()]).toEqual([true, false, false, false]);
    expect(() => dryRun("yes")).toThrow(new InputError('input dry-run: "yes" is not true or false'));
  });

  it("tells a dry run asked for from inputs refused before dry-run is read, for the refusal's summary to say so", () => {
    const inputs = { repository: "acme", images: "ghcr.io/acme/app:1.2.3" };
    expect(() => readDispatchInputs(reader({ ...inputs, "dry-run": "true" }), {})).toThrow(InputError);
    expect([askedDryRun(reader({ ...inputs, "dry-run": "true" })), askedDryRun(reader(inputs))]).toEqual([true, false]);
    // A value that is no boolean is the refusal itself: no dry run is said.
    expect(askedDryRun(reader({ ...inputs, "dry-run": "yes" }))).toBe(false);
  });

  it("refuses an empty token with the causes README's Troubleshooting lists, before anything else", () => {
    expect(() => readDispatchInputs(reader({ token: "", repository: "acme/manifests" }), {})).toThrow(
      /^input token is empty, and the event is sent through the GitHub API\. Most often .*misspelt.*skipped.*Leave `token` out to use GITHUB_TOKEN, which reaches this repository only\.$/,
    );
  });

  it("refuses a token of several lines (a private key) or with a space at once, without quoting it", () => {
    const key = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAsecret\n-----END RSA PRIVATE KEY-----";
    const refusal = (token: string) => {
      try {
        readDispatchInputs(reader({ token, repository: "acme/manifests", images: "ghcr.io/acme/app:1.2.3" }), {});
      } catch (error) {
        return error;
      }
      throw new Error("expected a refusal");
    };
    const multiLine = refusal(key);
    expect(multiLine).toBeInstanceOf(InputError);
    expect((multiLine as Error).message).toMatch(/^input token holds a line break, and a token is one line\..*steps\.app-token\.outputs\.token/);
    expect((multiLine as Error).message).not.toContain("MIIE");
    expect((refusal(`Bearer ${TOKEN}`) as Error).message).toMatch(/^input token holds a space or a character outside printable ASCII/);
  });

  it('reads `wait: ""`, which a reusable workflow passes for an input its caller left out, as left out', () => {
    const waitOf = (inputs: Record<string, string>) =>
      readDispatchInputs(reader({ repository: "acme/manifests", images: "ghcr.io/acme/app:1.2.3", workflow: "promote.yml", ...inputs }), {}).options.wait;
    expect(waitOf({ wait: "" })).toBe(false);
    expect(waitOf({ wait: "true", "wait-timeout": "60" })).toEqual({ timeoutMs: 60_000 });
    expect(() => waitOf({ wait: "yes" })).toThrow(new InputError('input wait: "yes" is not true or false'));
  });

  it("refuses a digest that is not the one build-push-action's metadata says it pushed", () => {
    const buildPush = JSON.stringify({ "containerimage.digest": sha, "image.name": "ghcr.io/acme/app:1.2.3" });
    expect(() => imagesOf({ metadata: buildPush, digest: `sha256:${"d".repeat(64)}` })).toThrow(
      /^digest: sha256:d{64} differs from the digest build-push-action pushed/,
    );
  });

  it("says to write in lower case an image named with the owner's case (`${{ github.repository }}`)", () => {
    expect(() => imagesOf({ images: "ghcr.io/Acme-Corp/app:1.2.3" })).toThrow(
      new InputError(
        [
          'input images: invalid image reference "ghcr.io/Acme-Corp/app:1.2.3": repository component "Acme-Corp" must be lower-case',
          "an image name is written in lower case: write its registry and repository in lower case and keep its tag as it is. `${{ github.repository }}` and `${{ github.repository_owner }}` keep the owner's case " +
            "(docker/metadata-action lower-cases the images it is given).",
        ].join("\n"),
      ),
    );
  });

  it("tells the sender which repository `repository` defaults to, for an error to say it was left out", () => {
    const options = readDispatchInputs(reader({ repository: "acme/app", images: "ghcr.io/acme/app:1.2.3" }), { repository: "acme/app" }).options;
    expect(options.defaultRepository).toBe("acme/app");
  });
});
