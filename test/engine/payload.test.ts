import { describe, expect, it } from "vitest";
import {
  buildPayload,
  extraKeysIssue,
  imagesFromMetadata,
  MAX_INPUT_CHARACTERS,
  MAX_PAYLOAD_BYTES,
  MAX_PAYLOAD_NESTING,
  parsePayload,
  PayloadError,
  sourceEnvIssues,
  sourceFromEnv,
} from "../../src/engine/payload.js";
import { upperCaseHint, validateRequest } from "../../src/engine/request.js";

const sha = "sha256:6745aaad46d795c9836632e1fb62f24b7e7f4c843144da8e47a5465c411a14be";
const source = {
  repository: "acme/app",
  sha: "0123456789abcdef0123456789abcdef01234567",
  ref: "refs/heads/main",
  run_url: "https://github.com/acme/app/actions/runs/1",
  actor: "octocat",
};

function errorOf(fn: () => unknown): PayloadError {
  try {
    fn();
  } catch (error) {
    if (error instanceof PayloadError) return error;
    throw error;
  }
  throw new Error("expected a PayloadError");
}

function accepts(fn: () => unknown): boolean {
  try {
    fn();
    return true;
  } catch {
    return false;
  }
}

describe("buildPayload", () => {
  it("builds version 1 with images, source and targets", () => {
    expect(buildPayload({ images: [`ghcr.io/acme/app:1.2.3@${sha}`], source, targets: ["staging"] })).toEqual({
      v: 1,
      images: [`ghcr.io/acme/app:1.2.3@${sha}`],
      source,
      targets: ["staging"],
    });
  });

  it("leaves out an empty source, empty source fields and an empty target list", () => {
    expect(buildPayload({ images: ["nginx:1.25"], source: { repository: "acme/app", sha: undefined, actor: "" }, targets: [] })).toEqual({
      v: 1,
      images: ["nginx:1.25"],
      source: { repository: "acme/app" },
    });
    expect(buildPayload({ images: ["nginx:1.25"], source: {} })).toEqual({ v: 1, images: ["nginx:1.25"] });
  });

  it("merges extra keys at the top level", () => {
    expect(buildPayload({ images: ["nginx:1.25"], extra: { environment: "prod", ticket: 42 } })).toEqual({
      v: 1,
      images: ["nginx:1.25"],
      environment: "prod",
      ticket: 42,
    });
  });

  it("refuses an extra key that would overwrite one of ours", () => {
    const error = errorOf(() => buildPayload({ images: ["nginx:1.25"], extra: { images: ["evil:1"] } }));
    expect(error.field).toBe("client_payload.images");
    expect(error.message).toContain('may not set "images"');
  });

  it("counts extra keys towards GitHub's limit of 10 top-level keys", () => {
    const extra = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`k${i}`, i]));
    expect(Object.keys(buildPayload({ images: ["nginx:1.25"], source, targets: ["a"], extra }))).toHaveLength(10);
    const error = errorOf(() => buildPayload({ images: ["nginx:1.25"], source, targets: ["a"], extra: { ...extra, k6: 6 } }));
    expect(error.message).toBe(
      'client_payload: 7 extra keys ("k0", "k1", "k2", "k3", "k4", "k5", "k6") and gitops-promote\'s 4 (v, images, source, targets) make 11 top-level keys; ' +
        'GitHub allows at most 10. Nest the extra keys under one, e.g. {"build": {"k0": ..., "k1": ..., ...}}',
    );
    expect(extraKeysIssue({ images: ["nginx:1.25"], extra })).toBeUndefined();
    expect(extraKeysIssue({ images: ["nginx:1.25"], extra: { ...extra, k6: 6, k7: 7, k8: 8 } })).toMatch(
      /^9 extra keys .* and gitops-promote's 2 \(v, images\) make 11/,
    );
  });

  it("names the bad image by its index", () => {
    expect(errorOf(() => buildPayload({ images: ["nginx:1.25", "x y"] })).message).toBe(
      'client_payload.images[1]: invalid image reference "x y": it contains a space',
    );
  });

  it("refuses two tags of one repository, as the receiver does, naming the field and the repository", () => {
    const error = errorOf(() => buildPayload({ images: ["ghcr.io/acme/app:1.2.3", "ghcr.io/acme/app:sha-0123abc"] }));
    expect(error.field).toBe("client_payload.images[1]");
    expect(error.message).toBe(
      "client_payload.images[1]: ghcr.io/acme/app:1.2.3 and ghcr.io/acme/app:sha-0123abc name one repository; give each repository once",
    );
  });

  it.each([
    [["ghcr.io/acme/app:1.2.3", "ghcr.io/acme/worker:1.2.3"]],
    [["ghcr.io/acme/app:1.2.3", "ghcr.io/acme/app:sha-0123abc"]],
    [["nginx:1.25", "docker.io/library/nginx:1.26"]],
    [[`ghcr.io/acme/app@${sha}`, `ghcr.io/acme/app:1.2.3@${sha}`]],
    [["ghcr.io/acme/app"]],
  ])("accepts %j exactly when the receiver does", (images) => {
    expect(accepts(() => buildPayload({ images }))).toBe(accepts(() => validateRequest({ images, setters: [], sets: [], paths: [] })));
  });

  it("names the payload by the event that carries it (a workflow_dispatch's inputs.payload)", () => {
    expect(errorOf(() => buildPayload({ images: [] }, "workflow_dispatch")).message).toBe("inputs.payload.images: is empty; name at least one image");
  });
});

describe("parsePayload", () => {
  const good = { v: 1, images: [`ghcr.io/acme/app:1.2.3@${sha}`], source, targets: ["staging", "production"] };

  it("accepts a payload object and its JSON text alike", () => {
    expect(parsePayload(good)).toEqual(good);
    expect(parsePayload(JSON.stringify(good), "workflow_dispatch")).toEqual(good);
  });

  it("keeps extra keys and unknown source fields", () => {
    const withExtra = { ...good, source: { ...source, workflow: "build" }, note: { any: ["thing"] } };
    expect(parsePayload(withExtra)).toEqual(withExtra);
  });

  it.each<[string, unknown, string]>([
    ["not an object", [1], "client_payload: expected a JSON object, got a list"],
    ["null", null, "client_payload: expected a JSON object, got null"],
    ["no payload at all", undefined, "client_payload: expected a JSON object, got nothing"],
    ["bad JSON text", "{v:1", "client_payload: not valid JSON: "],
    ["no version", { images: ["nginx:1.25"] }, "client_payload.v: missing; expected 1 (the payload version)"],
    ["a future version", { v: 2, images: ["nginx:1.25"] }, "client_payload.v: version 2 is not supported; this gitops-promote reads version 1"],
    ["a version as text", { v: "1", images: ["nginx:1.25"] }, 'client_payload.v: expected the number 1 (the payload version), got string "1"'],
    ["a null version", { v: null, images: ["nginx:1.25"] }, "client_payload.v: expected the number 1 (the payload version), got null"],
    ["no images", { v: 1 }, "client_payload.images: missing; expected a list of image references"],
    [
      "images spelt image, which would be carried as an extra key",
      { v: 1, image: ["nginx:1.25"] },
      'client_payload.images: missing; expected a list of image references; the payload has "image" (did you mean images?)',
    ],
    [
      "targets spelt target, which would be carried as an extra key and widen the run to every target",
      { v: 1, images: ["nginx:1.25"], target: ["staging"] },
      'client_payload.targets: missing, so the run would update every target; the payload has "target" (did you mean targets?)',
    ],
    ["images as a string", { v: 1, images: "nginx:1" }, 'client_payload.images: expected a list of image references, got string "nginx:1"'],
    ["an empty image list", { v: 1, images: [] }, "client_payload.images: is empty; name at least one image"],
    ["a number as image", { v: 1, images: ["nginx:1.25", 7] }, "client_payload.images[1]: expected an image reference string, got number 7"],
    ["an image with a newline", { v: 1, images: ["nginx:1\nevil: true"] }, "client_payload.images[0]: invalid image reference"],
    ["an image with an interpolation", { v: 1, images: ["nginx:${TAG}"] }, "client_payload.images[0]: invalid image reference"],
    ["a short digest", { v: 1, images: ["nginx@sha256:abc"] }, "client_payload.images[0]: invalid image reference"],
    [
      "a digest of an algorithm the runtimes refuse",
      { v: 1, images: [`nginx:1.25@md5:${"0".repeat(32)}`] },
      'client_payload.images[0]: invalid image reference "nginx:1.25@md5:00000000000000000000000000000000": unsupported digest algorithm "md5"',
    ],
    [
      "a repository without tag or digest",
      { v: 1, images: ["nginx:1.25", "ghcr.io/acme/app"] },
      'client_payload.images[1]: "ghcr.io/acme/app" has no tag or digest; give repo:tag or repo@sha256:...',
    ],
    ["source as a string", { v: 1, images: ["nginx:1.25"], source: "acme/app" }, 'client_payload.source: expected an object, got string "acme/app"'],
    ["a numeric sha", { v: 1, images: ["nginx:1.25"], source: { sha: 12 } }, "client_payload.source.sha: expected a string, got number 12"],
    ["targets as a string", { v: 1, images: ["nginx:1.25"], targets: "prod" }, 'client_payload.targets: expected a list of target names, got string "prod"'],
    ["an empty target name", { v: 1, images: ["nginx:1.25"], targets: ["prod", " "] }, 'client_payload.targets[1]: expected a target name, got string " "'],
  ])("refuses %s", (_, value, message) => {
    expect(errorOf(() => parsePayload(value)).message).toContain(message);
  });

  it.each<[string, Record<string, string>, string]>([
    [
      "a repository carrying workflow commands",
      { repository: "acme/app\n::add-mask::main" },
      'client_payload.source.repository: expected OWNER/NAME, got string "acme/app\\n::add-mask::main"',
    ],
    ["a repository without its owner", { repository: "app" }, 'client_payload.source.repository: expected OWNER/NAME, got string "app"'],
    ["a sha that is not hex", { sha: "main" }, 'client_payload.source.sha: expected a commit SHA (7 to 64 hex digits), got string "main"'],
    ["a sha too short to name a commit", { sha: "abc123" }, "client_payload.source.sha: expected a commit SHA"],
    [
      "a branch name for a ref",
      { ref: "main" },
      'client_payload.source.ref: expected a git ref (refs/..., without spaces, control characters or any of ~^:?*[\\), got string "main"',
    ],
    ["a ref with a carriage return", { ref: "refs/heads/main\r::stop-commands::x" }, "client_payload.source.ref: expected a git ref"],
    ["a ref with a colon, which git refuses", { ref: "refs/heads/a::b" }, "client_payload.source.ref: expected a git ref"],
    ["a javascript: run_url", { run_url: "javascript:alert(1)" }, 'client_payload.source.run_url: expected an http(s) URL, got string "javascript:alert(1)"'],
    ["a data: run_url", { run_url: "data:text/html,<script>alert(1)</script>" }, "client_payload.source.run_url: expected an http(s) URL"],
    ["a run_url that is no URL", { run_url: "github.com/acme/app/actions/runs/1" }, "client_payload.source.run_url: expected an http(s) URL"],
    // new URL() would drop the newline and accept it; the text is what a log prints.
    ["a run_url with a newline inside", { run_url: "https://github.com/acme/app\n::add-mask::main" }, "client_payload.source.run_url: expected an http(s) URL"],
    ["an actor with a space", { actor: "octo cat" }, 'client_payload.source.actor: expected a GitHub login, got string "octo cat"'],
    ["an actor mentioning someone", { actor: "@octocat" }, "client_payload.source.actor: expected a GitHub login"],
  ])("refuses a source with %s, naming the field", (_, bad, message) => {
    expect(errorOf(() => parsePayload({ ...good, source: { ...source, ...bad } })).message).toContain(message);
  });

  it.each<[string, Record<string, string>]>([
    ["a pull request's merge ref", { ref: "refs/pull/7/merge" }],
    ["a tag ref", { ref: "refs/tags/v1.2.3" }],
    ["a short sha", { sha: "0123abc" }],
    ["a SHA-256 repository's commit", { sha: "0123456789abcdef".repeat(4) }],
    ["an App's bot as actor", { actor: "github-actions[bot]" }],
    ["a managed user as actor", { actor: "mona_acme" }],
    ["a GitHub Enterprise Server run", { run_url: "https://ghe.acme.test/acme/app/actions/runs/1" }],
    ["a run on a server without TLS", { run_url: "http://127.0.0.1:8080/acme/app/actions/runs/1" }],
    ["an empty field, as not given", { sha: "", actor: "" }],
  ])("accepts a source with %s", (_, fields) => {
    const payload = { ...good, source: { ...source, ...fields } };
    expect(parsePayload(payload)).toEqual(payload);
  });

  it("refuses a payload of 64KB or more and accepts one just below", () => {
    const base = JSON.stringify({ v: 1, images: ["nginx:1.25"], pad: "" }).length;
    const fits = { v: 1, images: ["nginx:1.25"], pad: "x".repeat(MAX_PAYLOAD_BYTES - 1 - base) };
    expect(parsePayload(fits).pad).toHaveLength(MAX_PAYLOAD_BYTES - 1 - base);
    const tooBig = { ...fits, pad: `${fits.pad}x` };
    expect(errorOf(() => parsePayload(tooBig)).message).toBe(
      `client_payload: is ${MAX_PAYLOAD_BYTES} bytes of JSON; GitHub requires less than 65536 bytes (64KB) in a repository_dispatch's client_payload`,
    );
  });

  it("escapes the control characters JSON.parse quotes back from text that is not JSON", () => {
    const error = errorOf(() => parsePayload("\u001b[31mx\n::warning::y", "workflow_dispatch"));
    expect(error.message).toMatch(/^inputs\.payload: not valid JSON: .*\\u001b\[31mx\\n::warning::y/);
    expect([...error.message].some((c) => c < " ")).toBe(false);
  });

  it("quotes back no more than the first 100 characters of a long text it refuses", () => {
    const long = "x".repeat(60_000);
    const cut = `"${"x".repeat(100)}…" (60000 characters)`;
    const reasons = [
      { v: long, images: ["nginx:1.25"] },
      { v: { long }, images: ["nginx:1.25"] },
      { v: 1, images: ["nginx:1.25"], targets: [`-${long}`] },
      { v: 1, images: ["nginx:1.25"], targets: [` ${long}`.replace(/x/g, " ")] },
      { v: 1, images: ["nginx:1.25"], source: { run_url: long } },
      { v: 1, images: ["nginx:1.25"], ...Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`${long.slice(0, 5000)}${i}`, i])) },
    ].map((payload) => errorOf(() => parsePayload(payload)).reason);
    expect(reasons.every((reason) => reason.length < 1500)).toBe(true);
    expect(reasons[0]).toBe(`expected the number 1 (the payload version), got string ${cut}`);
    expect(reasons[1]).toBe("expected the number 1 (the payload version), got an object");
    expect(reasons[4]).toBe(`expected an http(s) URL, got string ${cut}`);
    expect(reasons[5]).toMatch(/^has 11 top-level keys \("v", "images", "x{100}…" \(5001 characters\), /);
  });

  it("holds a workflow_dispatch's inputs.payload to GitHub's 65,535 characters of inputs, and the JSON text of one that fits is sent whole", () => {
    const base = JSON.stringify({ v: 1, images: ["nginx:1.25"], pad: "" }).length;
    const fits = { v: 1, images: ["nginx:1.25"], pad: "x".repeat(MAX_INPUT_CHARACTERS - base) };
    expect(JSON.stringify(parsePayload(JSON.stringify(fits), "workflow_dispatch"))).toHaveLength(65_535);
    const tooBig = JSON.stringify({ ...fits, pad: `${fits.pad}x` });
    expect(errorOf(() => parsePayload(tooBig, "workflow_dispatch")).message).toBe(
      "inputs.payload: is 65536 characters of JSON; GitHub allows at most 65535 characters in a workflow_dispatch's inputs",
    );
    expect(errorOf(() => buildPayload({ images: ["nginx:1.25"], extra: { pad: fits.pad + "x" } }, "workflow_dispatch")).field).toBe("inputs.payload");
  });

  it("counts a workflow_dispatch's characters, not bytes: text of 3-byte letters past 64KB fits, and a letter outside the BMP is one character", () => {
    const base = JSON.stringify({ v: 1, images: ["nginx:1.25"], pad: "" }).length;
    const euros = { v: 1, images: ["nginx:1.25"], pad: "€".repeat(30_000) };
    expect(parsePayload(euros, "workflow_dispatch").pad).toHaveLength(30_000);
    expect(errorOf(() => parsePayload(euros)).message).toMatch(/^client_payload: is 90\d{3} bytes of JSON/);
    const astral = { v: 1, images: ["nginx:1.25"], pad: "𝄞".repeat(MAX_INPUT_CHARACTERS - base) };
    expect(parsePayload(astral, "workflow_dispatch").pad).toBe(astral.pad);
  });

  it("takes the limit from the event, not from the name messages give the payload", () => {
    const euros = { v: 1, images: ["nginx:1.25"], pad: "€".repeat(30_000) };
    expect(parsePayload(euros, "workflow_dispatch", "payload.json").pad).toHaveLength(30_000);
    expect(errorOf(() => parsePayload(euros, "repository_dispatch", "inputs.payload")).message).toMatch(/^inputs\.payload: is 90\d{3} bytes of JSON/);
  });

  it("measures size in UTF-8 bytes, as GitHub does", () => {
    const base = JSON.stringify({ v: 1, images: ["nginx:1.25"], pad: "" }).length;
    const chars = Math.ceil((MAX_PAYLOAD_BYTES - base) / 3);
    expect(() => parsePayload({ v: 1, images: ["nginx:1.25"], pad: "€".repeat(chars) })).toThrow(/bytes of JSON/);
  });

  it("refuses a payload nested deeper than any sender means as a payload error, though 20KB of JSON could nest 10,000 deep", () => {
    const nested = (depth: number) => `{"v":1,"images":["nginx:1.25"],"x":${"[".repeat(depth)}${"]".repeat(depth)}}`;
    expect(parsePayload(nested(MAX_PAYLOAD_NESTING - 1)).images).toEqual(["nginx:1.25"]);
    const deep = errorOf(() => parsePayload(nested(10_000)));
    expect(deep.field).toBe("client_payload");
    expect(deep.reason).toBe(`nests lists or objects more than ${MAX_PAYLOAD_NESTING} deep; no payload needs that many levels`);
    expect(errorOf(() => parsePayload(nested(MAX_PAYLOAD_NESTING))).field).toBe("client_payload");
  });

  it("refuses an object a library caller built with circular or widely shared parts, without walking it forever", () => {
    const loop: unknown[] = [];
    loop.push(loop);
    expect(errorOf(() => parsePayload({ v: 1, images: ["nginx:1.25"], loop })).reason).toMatch(/^nests lists or objects more than/);
    let shared: unknown = "x";
    for (let i = 0; i < 64; i++) shared = [shared, shared];
    expect(errorOf(() => parsePayload({ v: 1, images: ["nginx:1.25"], shared })).reason).toMatch(
      /^holds more than 65536 values; GitHub requires less than 65536 bytes/,
    );
  });
});

describe("imagesFromMetadata", () => {
  const metadataAction = JSON.stringify({
    tags: ["ghcr.io/acme/app:1.2", "ghcr.io/acme/app:1.2.3", "ghcr.io/acme/app:latest", "docker.io/acme/app:1.2.3", "docker.io/acme/app:latest"],
    labels: { "org.opencontainers.image.version": "1.2.3", "org.opencontainers.image.revision": "0123456" },
    annotations: [],
  });

  it("picks metadata-action's version tag, one per repository", () => {
    expect(imagesFromMetadata(metadataAction)).toEqual(["ghcr.io/acme/app:1.2.3", "docker.io/acme/app:1.2.3"]);
  });

  it("appends build-push-action's digest output", () => {
    expect(imagesFromMetadata(metadataAction, sha)).toEqual([`ghcr.io/acme/app:1.2.3@${sha}`, `docker.io/acme/app:1.2.3@${sha}`]);
  });

  it("takes the first tag per repository without a version label", () => {
    expect(imagesFromMetadata(JSON.stringify({ tags: ["ghcr.io/acme/app:sha-0123456", "ghcr.io/acme/app:main"], labels: {} }))).toEqual([
      "ghcr.io/acme/app:sha-0123456",
    ]);
  });

  it("reads build-push-action's metadata output with its digest", () => {
    const metadata = JSON.stringify({
      "buildx.build.ref": "builder/builder0/abc",
      "containerimage.config.digest": "sha256:1111111111111111111111111111111111111111111111111111111111111111",
      "containerimage.descriptor": { mediaType: "application/vnd.oci.image.index.v1+json", digest: sha, size: 856 },
      "containerimage.digest": sha,
      "image.name": "ghcr.io/acme/app:1.2.3,ghcr.io/acme/app:latest",
    });
    expect(imagesFromMetadata(metadata)).toEqual([`ghcr.io/acme/app:1.2.3@${sha}`]);
  });

  describe("a digest input beside build-push-action's metadata, which carries the pushed digest", () => {
    const imageId = "sha256:1111111111111111111111111111111111111111111111111111111111111111";
    const buildPush = JSON.stringify({ "containerimage.config.digest": imageId, "containerimage.digest": sha, "image.name": "ghcr.io/acme/app:1.2.3" });

    it("is the same digest: accepted", () => {
      expect(imagesFromMetadata(buildPush, sha)).toEqual([`ghcr.io/acme/app:1.2.3@${sha}`]);
    });

    it("is another digest: refused, naming both, as the reference would name an image that was not pushed", () => {
      const other = `sha256:${"d".repeat(64)}`;
      expect(errorOf(() => imagesFromMetadata(buildPush, other)).message).toBe(
        `digest: ${other} differs from the digest build-push-action pushed, ${sha} (metadata's "containerimage.digest", build-push-action's \`digest\` output): ` +
          "the references would name an image that was not pushed; leave `digest` out, as `metadata` carries the pushed digest, or pass the same step's `digest` output",
      );
    });

    it("is the image ID (build-push-action's imageid): refused, saying it is the config's digest, which no registry pulls by", () => {
      expect(errorOf(() => imagesFromMetadata(buildPush, imageId)).message).toBe(
        `digest: ${imageId} is the image ID (metadata's "containerimage.config.digest", build-push-action's \`imageid\` output): the digest of the image's config, ` +
          `which no registry pulls an image by, not the pushed manifest's digest ${sha} (metadata's "containerimage.digest", build-push-action's \`digest\` output): ` +
          "leave `digest` out, as `metadata` carries the pushed digest, or pass the same step's `digest` output",
      );
    });
  });

  it("says which output to pass when given metadata-action's tags or labels, which are lines, not JSON", () => {
    const hint =
      "it takes docker/metadata-action's `json` output (`${{ steps.meta.outputs.json }}`) or docker/build-push-action's `metadata` output, " +
      "not metadata-action's `tags` or `labels`. To announce a tag of your choosing, put it in `images`, one reference per image.";
    const tags = errorOf(() => imagesFromMetadata("ghcr.io/acme/app:1.2.3\nghcr.io/acme/app:latest"));
    expect(tags.message).toMatch(/^metadata: not valid JSON: .*; it takes docker\/metadata-action's `json` output/);
    expect(tags.message.endsWith(hint)).toBe(true);
    expect(errorOf(() => imagesFromMetadata("org.opencontainers.image.version=1.2.3\n")).message.endsWith(hint)).toBe(true);
  });

  it("falls back to the descriptor's digest", () => {
    const metadata = JSON.stringify({ "containerimage.descriptor": { digest: sha }, "image.name": "ghcr.io/acme/app:1.2.3" });
    expect(imagesFromMetadata(metadata)).toEqual([`ghcr.io/acme/app:1.2.3@${sha}`]);
  });

  it.each<[string, string, string | undefined, string]>([
    ["text that is not JSON", "ghcr.io/acme/app:1", undefined, "metadata: not valid JSON"],
    ["another action's output", '{"digest": "x"}', undefined, 'metadata: expected docker/metadata-action\'s json output (with "tags")'],
    ["no tags", '{"tags": [], "labels": {}}', undefined, "metadata: names no image"],
    ["a bad tag", '{"tags": ["ghcr.io/acme/app:1.2.3", "ghcr.io/Acme/app:1"]}', undefined, "metadata.tags[1]: invalid image reference"],
    ["a bad digest", '{"tags": ["ghcr.io/acme/app:1.2.3"]}', "sha256:nothex", 'digest: invalid image reference "ghcr.io/acme/app:1.2.3@sha256:nothex"'],
  ])("refuses %s", (_, json, digest, message) => {
    expect(errorOf(() => imagesFromMetadata(json, digest)).message).toContain(message);
  });
});

describe("sourceFromEnv", () => {
  it("tells the sending run from the runner's variables, the run's address on github.com by default", () => {
    const env = { GITHUB_REPOSITORY: "acme/app", GITHUB_SHA: "abc123", GITHUB_REF: "refs/heads/main", GITHUB_RUN_ID: "42", GITHUB_ACTOR: "octocat" };
    expect(sourceFromEnv(env)).toEqual({
      repository: "acme/app",
      sha: "abc123",
      ref: "refs/heads/main",
      run_url: "https://github.com/acme/app/actions/runs/42",
      actor: "octocat",
    });
    expect(sourceFromEnv({ ...env, GITHUB_SERVER_URL: "https://ghe.acme.test" }).run_url).toBe("https://ghe.acme.test/acme/app/actions/runs/42");
  });

  it("gives a source the receiver accepts", () => {
    const env = {
      GITHUB_REPOSITORY: "acme/app",
      GITHUB_SHA: source.sha,
      GITHUB_REF: "refs/pull/7/merge",
      GITHUB_RUN_ID: "42",
      GITHUB_ACTOR: "dependabot[bot]",
    };
    expect(parsePayload(buildPayload({ images: ["nginx:1.25"], source: sourceFromEnv(env) })).source).toEqual(sourceFromEnv(env));
  });

  it("leaves out what is not set, as on a person's machine", () => {
    expect(sourceFromEnv({ GITHUB_SHA: "", HOME: "/home/me" })).toEqual({});
    expect(sourceFromEnv({ GITHUB_REPOSITORY: "acme/app" })).toEqual({ repository: "acme/app" });
  });

  it("says which variable set by hand gives a source the receiver would refuse, with its value and the form expected", () => {
    const env = { GITHUB_REPOSITORY: "acme/app", GITHUB_SHA: source.sha, GITHUB_REF: "refs/heads/main", GITHUB_RUN_ID: "42", GITHUB_ACTOR: "octocat" };
    expect(sourceEnvIssues(env)).toEqual([]);
    expect(sourceEnvIssues({ ...env, GITHUB_SHA: "HEAD", GITHUB_REF: "main" })).toEqual([
      'GITHUB_SHA "HEAD" is not a commit SHA (7 to 64 hex digits): the payload\'s source.sha is read from it; set it to one, or unset it to leave source.sha out',
      'GITHUB_REF "main" is not a git ref (refs/..., without spaces, control characters or any of ~^:?*[\\): the payload\'s source.ref is read from it; set it to one, or unset it to leave source.ref out',
    ]);
    expect(sourceEnvIssues({ ...env, GITHUB_SERVER_URL: "ghe.acme.test" })).toEqual([
      'GITHUB_SERVER_URL "ghe.acme.test" is not a URL (e.g. https://github.example.com): the payload\'s source.run_url is built from it; set it to the server, or unset it for https://github.com',
    ]);
    // What may be credentials is not repeated.
    expect(sourceEnvIssues({ ...env, GITHUB_SERVER_URL: "user:s3cret@ghe.acme.test" })).toEqual([expect.stringMatching(/^GITHUB_SERVER_URL is not a URL/)]);
  });
});

describe("upperCaseHint", () => {
  it("advises lower case for an image refused for its case, says where such a name comes from, and gives the first such image", () => {
    expect(upperCaseHint(["ghcr.io/acme/ok:1", "ghcr.io/Acme-Corp/app:1.2.3", "ghcr.io/acme/ok:2", "ghcr.io/Acme/api:1"])).toEqual({
      index: 1,
      message:
        "an image name is written in lower case: write its registry and repository in lower case and keep its tag as it is. " +
        "`${{ github.repository }}` and `${{ github.repository_owner }}` keep the owner's case (docker/metadata-action lower-cases the images it is given).",
    });
    expect(upperCaseHint(["ghcr.io/acme/app:1.2.3", "ghcr.io/acme/app"])).toBeUndefined();
  });

  it("gives no advice for an image that lower case alone does not make valid", () => {
    expect(upperCaseHint(["ghcr.io/Acme/app:1 2"])).toBeUndefined();
  });
});
