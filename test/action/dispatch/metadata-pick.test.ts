import { describe, expect, it } from "vitest";
import { metadataPicks } from "../../../src/action/dispatch/metadata-pick.js";
import { imagesFromMetadata } from "../../../src/engine/payload.js";

const sha = "sha256:6745aaad46d795c9836632e1fb62f24b7e7f4c843144da8e47a5465c411a14be";
/** docker/metadata-action's json output for a Flux-style setup: the branch tag and a `<branch>-<sha>-<ts>` tag, `version` the first. */
const fluxStyle = (tags: string[]) =>
  JSON.stringify({ tags: tags.map((tag) => `ghcr.io/acme/svc-b:${tag}`), labels: { "org.opencontainers.image.version": tags[0] } });
const picked = (metadata: string, ref: string | undefined) => metadataPicks(metadata, imagesFromMetadata(metadata, sha), ref);

describe("the tags picked from metadata", () => {
  it("are logged beside the tags they were picked from", () => {
    const { notes, warnings } = picked(fluxStyle(["main-860c190-1700000200", "main"]), "refs/heads/main");
    expect(notes).toEqual([`metadata: announcing ghcr.io/acme/svc-b:main-860c190-1700000200@${sha}; its other tags, not announced: main`]);
    expect(warnings).toEqual([]);
    // One tag: nothing was chosen among others.
    expect(picked(fluxStyle(["1.2.3"]), "refs/heads/main").notes).toEqual([]);
  });

  it("warn when the pick is the pushed branch's name: mutable, and refused by a Flux-style policy", () => {
    const { notes, warnings } = picked(fluxStyle(["main", "main-860c190-1700000200"]), "refs/heads/main");
    expect(notes).toEqual([`metadata: announcing ghcr.io/acme/svc-b:main@${sha}; its other tags, not announced: main-860c190-1700000200`]);
    expect(warnings).toEqual([
      'metadata: the tag announced for ghcr.io/acme/svc-b, "main", is the name of the pushed branch main: it is mutable, moved by every push, ' +
        "and a Flux-style policy (a filterTags pattern such as ^main-[a-f0-9]+-(?P<ts>[0-9]+), or a semver range) will likely refuse it " +
        "(metadata also lists main-860c190-1700000200). docker/metadata-action names the tag of highest priority its version: rank an immutable tag first " +
        "(`type=raw,value={{branch}}-{{sha}}-{{date 'X'}},priority=1000`), or name the reference to announce in `images`.",
    ]);
  });

  it("know the branch as metadata-action tags it, and only a branch: a tag push or no ref is not warned about", () => {
    expect(picked(fluxStyle(["feature-login"]), "refs/heads/feature/login").warnings).toHaveLength(1);
    expect(picked(fluxStyle(["main"]), "refs/tags/main").warnings).toEqual([]);
    expect(picked(fluxStyle(["main"]), undefined).warnings).toEqual([]);
  });

  it("warn when the pick is `latest` or `edge`, which metadata-action moves to each new build, on any ref", () => {
    const only = (tag: string) => JSON.stringify({ tags: [`ghcr.io/acme/svc-b:${tag}`, "ghcr.io/acme/svc-b:sha-860c190"], labels: {} });
    expect(picked(only("latest"), "refs/heads/main").warnings).toEqual([
      'metadata: the tag announced for ghcr.io/acme/svc-b, "latest", is the tag docker/metadata-action gives the newest build: it is mutable, moved by every push, ' +
        "and a Flux-style policy (a filterTags pattern such as ^main-[a-f0-9]+-(?P<ts>[0-9]+), or a semver range) will likely refuse it " +
        "(metadata also lists sha-860c190). docker/metadata-action names the tag of highest priority its version: rank an immutable tag first " +
        "(`type=raw,value={{branch}}-{{sha}}-{{date 'X'}},priority=1000`), or name the reference to announce in `images`.",
    ]);
    expect(picked(only("edge"), undefined).warnings).toHaveLength(1);
    expect(picked(only("latest-ish"), "refs/heads/main").warnings).toEqual([]);
  });

  it("warn when the pick is a shorter version, {{major}} or {{major}}.{{minor}} listed before {{version}}: it moves to each later release", () => {
    // On a v1.23.4 tag push with the patterns listed major first, metadata-action's version is "1".
    const { warnings } = picked(fluxStyle(["1", "1.23", "1.23.4"]), "refs/tags/v1.23.4");
    expect(warnings).toEqual([
      'metadata: the tag announced for ghcr.io/acme/svc-b, "1", is a shorter version of 1.23.4 (a {{major}} pattern listed first): ' +
        "it is mutable, moved to each later 1 release, and a semver policy refuses it, as Flux's does: it is no three-part version (metadata also lists 1.23, 1.23.4). " +
        "docker/metadata-action names the tag of highest priority its version: rank an immutable tag first " +
        "(`type=semver,pattern={{version}}`, listed before the shorter patterns), or name the reference to announce in `images`.",
    ]);
    expect(picked(fluxStyle(["v1.23", "v1.23.4"]), "refs/tags/v1.23.4").warnings[0]).toContain(
      `"v1.23", is a shorter version of v1.23.4 (a {{major}}.{{minor}} pattern listed first): it is mutable, moved to each later v1.23 release, and a semver policy refuses it, as Flux's does: it is no three-part version`,
    );
    // The full version first, or a version no listed tag extends: nothing moves.
    expect(picked(fluxStyle(["1.23.4", "1.23", "1"]), "refs/tags/v1.23.4").warnings).toEqual([]);
    expect(picked(fluxStyle(["1.23", "1.230"]), "refs/tags/v1.23").warnings).toEqual([]);
    expect(picked(fluxStyle(["2024", "2024.05.01"]), undefined).warnings).toHaveLength(1);
  });

  it("read build-push-action's image names too", () => {
    const metadata = JSON.stringify({ "containerimage.digest": sha, "image.name": "ghcr.io/acme/svc-b:main,ghcr.io/acme/svc-b:main-860c190-1700000200" });
    const { notes, warnings } = picked(metadata, "refs/heads/main");
    expect(notes).toEqual([`metadata: announcing ghcr.io/acme/svc-b:main@${sha}; its other tags, not announced: main-860c190-1700000200`]);
    expect(warnings).toHaveLength(1);
  });
});
