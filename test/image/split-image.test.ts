/** Which sibling fields make one image, as Helm values hold one, and which digest pins a tag among them. */
import { describe, expect, it } from "vitest";
import { parsePolicy } from "../../src/image/policy.js";
import { parseImageRef } from "../../src/image/reference.js";
import { digestBeside, nextSplitImage, pairName, pinBeside, splitImage, splitImageName, type SplitVersion } from "../../src/image/split-image.js";
import type { ImageUpdate } from "../../src/image/update.js";

const fields = (map: Record<string, string>) => (key: string) => map[key];

describe("splitImage", () => {
  it("reads repository, else Argo CD Image Updater's name, beside registry, tag and digest", () => {
    expect(splitImage(fields({ registry: "ghcr.io", repository: "acme/web", tag: "1.4.0", digest: "sha256:1" }))).toEqual({
      repository: "acme/web",
      registry: "ghcr.io",
      tag: "1.4.0",
      digest: "sha256:1",
    });
    expect(splitImage(fields({ name: "ghcr.io/acme/web", tag: "1.4.0" })).repository).toBe("ghcr.io/acme/web");
  });

  it("reads no `name` beside an `image`, whatever that holds: a container's name is no repository; `repository` is one all the same", () => {
    expect(splitImage(fields({ name: "nginx", image: "nginx:1.25", tag: "canary" })).repository).toBeUndefined();
    expect(splitImage(fields({ name: "nginx", image: "", tag: "canary" })).repository).toBeUndefined();
    expect(splitImage(fields({ repository: "nginx", image: "nginx:1.25", tag: "1.25" })).repository).toBe("nginx");
  });
});

describe("splitImageName", () => {
  it("is the repository, after the registry when there is one", () => {
    expect(splitImageName("ghcr.io", "acme/web")).toBe("ghcr.io/acme/web");
    expect(splitImageName(undefined, "ghcr.io/acme/web")).toBe("ghcr.io/acme/web");
    expect(splitImageName("", "acme/web")).toBe("acme/web");
  });
});

describe("digestBeside", () => {
  it("is the digest of an image whose tag is the field, not a digest beside another key or fields with no repository", () => {
    const image = fields({ repository: "ghcr.io/acme/web", tag: "1.4.0", digest: "sha256:1" });
    expect(digestBeside("tag", image)).toBe("sha256:1");
    expect(digestBeside("repository", image)).toBeUndefined();
    expect(digestBeside("tag", fields({ tag: "v1", digest: "sha256:1" }))).toBeUndefined();
  });
});

describe("pairName", () => {
  it("joins a registry's text to the repository, gives the repository alone without one, and no name beside one this run cannot read", () => {
    const unknown = { unknown: "which is no string" };
    expect([pairName("ghcr.io", "acme/app"), pairName("", "acme/app"), pairName(undefined, "acme/app"), pairName(unknown, "acme/app")]).toEqual([
      "ghcr.io/acme/app",
      "acme/app",
      "acme/app",
      undefined,
    ]);
  });
});

describe("pinBeside", () => {
  const text = (field: string | undefined) => field;

  it("is a split image's digest beside its tag, with the image its registry and repository name", () => {
    const image = fields({ registry: "ghcr.io", repository: "acme/web", tag: "1.4.0", digest: "sha256:1" });
    expect(pinBeside("tag", image, text)).toEqual({ digest: "sha256:1", name: "ghcr.io/acme/web" });
    expect(pinBeside("repository", image, text)).toBeUndefined();
  });

  it("is a kustomize entry's digest beside its newTag, naming its newName, else its name", () => {
    expect(pinBeside("newTag", fields({ name: "web", newName: "ghcr.io/acme/web", newTag: "1.4.0", digest: "sha256:1" }), text)).toEqual({
      digest: "sha256:1",
      name: "ghcr.io/acme/web",
    });
    expect(pinBeside("newTag", fields({ name: "web", newTag: "1.4.0", digest: "sha256:1" }), text)?.name).toBe("web");
    expect(pinBeside("newTag", fields({ name: "web", newTag: "1.4.0" }), text)).toBeUndefined();
  });
});

describe("nextSplitImage", () => {
  const [A, B] = [`sha256:${"a".repeat(64)}`, `sha256:${"b".repeat(64)}`];
  const semver = parsePolicy({ semver: { range: ">=0.1.0" } });
  const update = (ref: string, policy = semver): ImageUpdate => ({ image: parseImageRef(`ghcr.io/acme/app${ref}`), policy });
  /** The fields' next text, and what is said at the tag and at the pair (which only the caller's keys tell apart). */
  const decide = (incoming: ImageUpdate, current: SplitVersion) => {
    const { next, say } = nextSplitImage(incoming, current);
    const said: string[] = [];
    say(
      (why) => said.push(`tag ${why}`),
      (why) => said.push(`pair ${why}`),
    );
    return { next, said };
  };

  it("moves a tag, and a digest field with it: emptied when the new tag comes without a digest", () => {
    expect(decide(update(`:1.1.0@${B}`), { tag: "1.0.0", digest: A })).toEqual({ next: { tag: "1.1.0", digest: B }, said: [] });
    expect(decide(update(":1.1.0"), { tag: "1.0.0", digest: A })).toEqual({
      next: { tag: "1.1.0", digest: "" },
      said: [
        `tag drops the digest pin ${A.slice(0, 19)} (1.0.0's): ghcr.io/acme/app:1.1.0 has no digest; send ghcr.io/acme/app:1.1.0@sha256:<digest> to keep digests pinned`,
      ],
    });
  });

  it("says at the pair that an incoming digest has no field to go to", () => {
    expect(decide(update(`:1.1.0@${B}`), { tag: "1.0.0", digest: undefined })).toEqual({
      next: { tag: "1.1.0", digest: undefined },
      said: [
        `pair has no digest field, so only the tag of ghcr.io/acme/app:1.1.0@${B} is set there: its digest is not pinned (a digest field beside the tag would take it)`,
      ],
    });
  });

  it("reads a tag holding its digest (no digest field) as both: ranked by its tag, its pin renewed, or its drop said", () => {
    const pinned = { tag: `1.0.0@${A}`, digest: undefined };
    expect(decide(update(`:0.9.0@${B}`), pinned)).toEqual({
      next: undefined,
      said: ["tag keeps 1.0.0, which its policy (semver >=0.1.0) ranks above the incoming 0.9.0 (allow-downgrade sets it anyway)"],
    });
    expect(decide(update(`:2.0.0@${B}`), pinned)).toEqual({ next: { tag: `2.0.0@${B}`, digest: undefined }, said: [] });
    // A digest alone (which a policy cannot rank) renews the pin of the same tag.
    expect(decide({ image: parseImageRef(`ghcr.io/acme/app@${B}`) }, pinned).next).toEqual({ tag: `1.0.0@${B}`, digest: undefined });
    expect(decide(update(":2.0.0"), pinned)).toEqual({
      next: { tag: "2.0.0", digest: undefined },
      said: [
        `tag drops the digest pin ${A.slice(0, 19)} (1.0.0's): ghcr.io/acme/app:2.0.0 has no digest; send ghcr.io/acme/app:2.0.0@sha256:<digest> to keep digests pinned`,
      ],
    });
    expect(decide(update(":1.0.0"), pinned)).toEqual({ next: undefined, said: [] });
  });

  it("leaves a tag field holding what is not a tag (another image), unless the policy refuses the incoming tag anyway", () => {
    const other = { tag: "docker.io/nginx:1.0", digest: undefined };
    expect(decide(update(":2.0.0"), other)).toEqual({
      next: undefined,
      said: [
        'tag holds "docker.io/nginx:1.0", which is not a tag; left as it is (the tag field of an image held as repository and tag holds only its tag, or tag@digest)',
      ],
    });
    expect(decide(update(":2.0.0", parsePolicy({ semver: { range: "^1.0.0" } })), other).said).toEqual([
      "tag is left as it is: the incoming ghcr.io/acme/app:2.0.0 is outside its policy (semver ^1.0.0)",
    ]);
    // An empty tag is no tag yet: filled.
    expect(decide(update(":2.0.0"), { tag: "", digest: "" }).next).toEqual({ tag: "2.0.0", digest: "" });
  });
});
