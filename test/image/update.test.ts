import { describe, expect, it } from "vitest";
import { parsePolicy } from "../../src/image/policy.js";
import { parseImageRef } from "../../src/image/reference.js";
import { bareFieldWarning, byRepository, nextImageText, nextReference, nextVersion } from "../../src/image/update.js";
import type { ImageUpdate } from "../../src/image/update.js";

const digestA = "sha256:6745aaad46d795c9836632e1fb62f24b7e7f4c843144da8e47a5465c411a14be";
const digestB = "sha256:1111111111111111111111111111111111111111111111111111111111111111";

function update(ref: string, policy?: object, allowDowngrade?: boolean): ImageUpdate {
  return { image: parseImageRef(ref), ...(policy && { policy: parsePolicy(policy) }), ...(allowDowngrade && { allowDowngrade }) };
}

const semver = (range: string) => ({ semver: { range } });

describe("nextVersion with real policies", () => {
  it("moves to a newer tag the policy accepts", () => {
    expect(nextVersion(update("ghcr.io/acme/app:1.2.4", semver("^1.0.0")), { tag: "1.2.3" })).toEqual({ tag: "1.2.4" });
  });

  it("does not downgrade when an older build arrives late, and says why", () => {
    const said: string[] = [];
    expect(nextVersion(update("ghcr.io/acme/app:1.2.3", semver("^1.0.0")), { tag: "1.2.4" }, (why) => said.push(why))).toBeUndefined();
    expect(said).toEqual(["keeps 1.2.4, which its policy (semver ^1.0.0) ranks above the incoming 1.2.3 (allow-downgrade sets it anyway)"]);
  });

  it("says a tie is a tie: a policy ranking both equal keeps the current tag, as Flux keeps the first seen", () => {
    const said: string[] = [];
    const kept = (why: string) => said.push(why);
    expect(nextVersion(update("ghcr.io/acme/sem:1.2.0", semver(">=1.0.0")), { tag: "v1.2.0" }, kept)).toBeUndefined();
    expect(nextVersion(update("app:2025.7.3", semver(">=2025.1.1")), { tag: "2025.07.03" }, kept)).toBeUndefined();
    expect(said).toEqual([
      "keeps v1.2.0: its policy (semver >=1.0.0) ranks it equal to the incoming 1.2.0, so the version as written stays (allow-downgrade sets it anyway)",
      "keeps 2025.07.03: its policy (semver >=2025.1.1) ranks it equal to the incoming 2025.7.3, so the version as written stays (allow-downgrade sets it anyway)",
    ]);
    // Flux's numerical ties and extracted values go to the later one: the incoming tag is written, with nothing to say.
    expect(nextVersion(update("app:1", { numerical: {} }), { tag: "1.0" }, kept)).toEqual({ tag: "1" });
    const extracted = { alphabetical: {}, filterTags: { pattern: "^(?:v)?(?P<v>.*)$", extract: "$v" } };
    expect(nextVersion(update("app:2024.06", extracted), { tag: "v2024.06" }, kept)).toEqual({ tag: "2024.06" });
    expect(nextVersion(update("app:1.2.0", semver(">=1.0.0"), true), { tag: "v1.2.0" }, kept)).toEqual({ tag: "1.2.0" });
    // Set anyway, the other spelling is another tag in the registry: that is said.
    expect(said.slice(2)).toEqual([expect.stringMatching(/^goes from v1\.2\.0 to 1\.2\.0, which drops the "v" prefix/)]);
  });

  it("says nothing of a field that stays for another reason: same tag, no policy", () => {
    const said: string[] = [];
    const kept = (why: string) => said.push(why);
    expect(nextVersion(update("app:1.2.4", semver("^1.0.0")), { tag: "1.2.4" }, kept)).toBeUndefined();
    expect(nextVersion(update("app:1.2.3", semver("^1.0.0"), true), { tag: "1.2.4" }, kept)).toEqual({ tag: "1.2.3" });
    expect(nextVersion(update("app:1.2.3"), { tag: "1.2.4" }, kept)).toEqual({ tag: "1.2.3" });
    expect(said).toEqual([]);
  });

  it("says why a field stays when its policy refuses the incoming tag, of the kind planUpdate tells apart (it says so per target)", () => {
    const said: [string, string | undefined][] = [];
    const kept = (why: string, kind?: string) => said.push([why, kind]);
    expect(nextVersion(update("app:0.9.0", semver("^1.0.0")), { tag: "1.2.4" }, kept)).toBeUndefined();
    expect(nextVersion(update("app:1.3.0", semver("^1.0.0")), { tag: "1.4.0" }, kept)).toBeUndefined();
    expect(said).toEqual([
      ["is left as it is: the incoming app:0.9.0 is outside its policy (semver ^1.0.0)", "policy-refusal"],
      ["keeps 1.4.0, which its policy (semver ^1.0.0) ranks above the incoming 1.3.0 (allow-downgrade sets it anyway)", undefined],
    ]);
  });

  it("compares as the policy does: v-prefixed CalVer, numerical, alphabetical", () => {
    expect(nextVersion(update("app:v2025.07.03", semver(">=2025.1.1")), { tag: "v2025.06.30" })).toEqual({ tag: "v2025.07.03" });
    expect(nextVersion(update("app:9", { numerical: {} }), { tag: "10" })).toBeUndefined();
    expect(nextVersion(update("app:10", { numerical: {} }), { tag: "9" })).toEqual({ tag: "10" });
    expect(nextVersion(update("app:main-20240102", { alphabetical: {} }), { tag: "main-20240101" })).toEqual({ tag: "main-20240102" });
  });

  it("forces an older tag with allowDowngrade", () => {
    expect(nextVersion(update("ghcr.io/acme/app:1.2.3", semver("^1.0.0"), true), { tag: "1.2.4" })).toEqual({ tag: "1.2.3" });
  });

  it("changes nothing when the incoming tag is outside the range, even with allowDowngrade", () => {
    expect(nextVersion(update("ghcr.io/acme/app:2.0.0", semver("^1.0.0")), { tag: "1.2.3" })).toBeUndefined();
    expect(nextVersion(update("ghcr.io/acme/app:2.0.0", semver("^1.0.0"), true), { tag: "1.2.3" })).toBeUndefined();
    expect(nextVersion(update("ghcr.io/acme/app:1.3.0-rc.1", semver("^1.0.0")), { tag: "1.2.3" })).toBeUndefined();
  });

  it("replaces a current value the policy does not accept with one it does", () => {
    expect(nextVersion(update("ghcr.io/acme/app:1.2.4", semver("^1.0.0")), { tag: "latest" })).toEqual({ tag: "1.2.4" });
  });

  it("replaces a higher current version outside the range with the lower incoming one, as Flux does, and says the field goes down", () => {
    const said: string[] = [];
    const kept = (why: string) => said.push(why);
    const production = semver(">=1.0.0 <2.0.0");
    // Promoted by hand: 2.0.0 beyond the range, a hotfix pre-release the range leaves out.
    expect(nextVersion(update("ghcr.io/acme/app:1.3.0", production), { tag: "2.0.0" }, kept)).toEqual({ tag: "1.3.0" });
    expect(nextVersion(update("ghcr.io/acme/app:1.3.0", production), { tag: "1.4.0-hotfix.1" }, kept)).toEqual({ tag: "1.3.0" });
    // Up from outside (an rc below the release, a word semver cannot rank), or a downgrade asked for: nothing to say.
    expect(nextVersion(update("ghcr.io/acme/app:1.3.0", production), { tag: "1.3.0-rc.1" }, kept)).toEqual({ tag: "1.3.0" });
    expect(nextVersion(update("ghcr.io/acme/app:1.3.0", production), { tag: "latest" }, kept)).toEqual({ tag: "1.3.0" });
    expect(nextVersion(update("ghcr.io/acme/app:1.3.0", production, true), { tag: "2.0.0" }, kept)).toEqual({ tag: "1.3.0" });
    expect(said).toEqual([
      "goes down from 2.0.0 to 1.3.0: 2.0.0 is outside its policy (semver >=1.0.0 <2.0.0), so the lower incoming 1.3.0 replaces it, as in Flux",
      "goes down from 1.4.0-hotfix.1 to 1.3.0: 1.4.0-hotfix.1 is outside its policy (semver >=1.0.0 <2.0.0), so the lower incoming 1.3.0 replaces it, as in Flux",
    ]);
  });

  it("writes a tag that adds or drops the v prefix of the one it replaces, and says so: a registry holds v1.5.0 and 1.5.0 as two tags", () => {
    const said: string[] = [];
    const kept = (why: string) => said.push(why);
    // A semver policy reads both spellings, so it lets either through: the warning is all that catches a CI pushing the other one.
    expect(nextVersion(update("ghcr.io/acme/app:v1.5.0", semver("^1.0.0")), { tag: "1.4.0" }, kept)).toEqual({ tag: "v1.5.0" });
    expect(nextVersion(update("ghcr.io/acme/app:1.5.0"), { tag: "v1.4.0" }, kept)).toEqual({ tag: "1.5.0" });
    // Same spelling, a tag that is no semver (latest, v2), or no tag before: nothing to say.
    expect(nextVersion(update("ghcr.io/acme/app:v1.5.0"), { tag: "v1.4.0" }, kept)).toEqual({ tag: "v1.5.0" });
    expect(nextVersion(update("ghcr.io/acme/app:v1.5.0"), { tag: "latest" }, kept)).toEqual({ tag: "v1.5.0" });
    expect(nextVersion(update("ghcr.io/acme/app:v2"), { tag: "1.4.0" }, kept)).toEqual({ tag: "v2" });
    expect(nextVersion(update("ghcr.io/acme/app:v1.5.0"), {}, kept)).toEqual({ tag: "v1.5.0" });
    expect(said).toEqual([
      'goes from 1.4.0 to v1.5.0, which adds the "v" prefix: a registry holds v1.5.0 and 1.5.0 as two tags (semver policies read them as one version); check which of them CI pushed',
      'goes from v1.4.0 to 1.5.0, which drops the "v" prefix: a registry holds v1.5.0 and 1.5.0 as two tags (semver policies read them as one version); check which of them CI pushed',
    ]);
  });

  it("says nothing of a field leaving a tag filterTags does not match: the policy's order cannot rank it", () => {
    const said: string[] = [];
    const kept = (why: string) => said.push(why);
    // pr-9 sorts after main-… as text, which says nothing of which build is newer.
    expect(nextVersion(update("app:main-20240101", { alphabetical: {}, filterTags: { pattern: "^main-" } }), { tag: "pr-9-20240301" }, kept)).toEqual({
      tag: "main-20240101",
    });
    expect(said).toEqual([]);
  });

  it("lets a filterTags policy refuse tags from other branches", () => {
    const policy = { numerical: {}, filterTags: { pattern: "^main-(?P<n>\\d+)$", extract: "$n" } };
    expect(nextVersion(update("app:pr-7-900", policy), { tag: "main-12" })).toBeUndefined();
    expect(nextVersion(update("app:main-13", policy), { tag: "main-12" })).toEqual({ tag: "main-13" });
  });

  it("sets the incoming tag as given without a policy, older or not", () => {
    expect(nextVersion(update("ghcr.io/acme/app:1.2.3"), { tag: "1.2.4" })).toEqual({ tag: "1.2.3" });
    expect(nextVersion(update("ghcr.io/acme/app:anything"), { tag: "1.2.4" })).toEqual({ tag: "anything" });
  });

  it("is idempotent: the same tag again changes nothing", () => {
    expect(nextVersion(update("ghcr.io/acme/app:1.2.4", semver("^1.0.0")), { tag: "1.2.4" })).toBeUndefined();
    expect(nextVersion(update(`ghcr.io/acme/app:1.2.4@${digestA}`, semver("^1.0.0")), { tag: "1.2.4", digest: digestA })).toBeUndefined();
  });

  describe("digests", () => {
    it("pins a new digest on the same tag (a rebuilt mutable tag)", () => {
      expect(nextVersion(update(`ghcr.io/acme/app:1.2.4@${digestB}`, semver("^1.0.0")), { tag: "1.2.4", digest: digestA })).toEqual({
        tag: "1.2.4",
        digest: digestB,
      });
    });

    it("keeps the digest when the same tag comes without one", () => {
      expect(nextVersion(update("ghcr.io/acme/app:1.2.4", semver("^1.0.0")), { tag: "1.2.4", digest: digestA })).toBeUndefined();
    });

    it("drops the old tag's digest when the tag moves without a new digest, and tells the field its pin goes", () => {
      const said: string[] = [];
      const kept = (why: string) => said.push(why);
      expect(nextVersion(update("ghcr.io/acme/app:1.2.5", semver("^1.0.0")), { tag: "1.2.4", digest: digestA }, kept)).toEqual({ tag: "1.2.5" });
      expect(nextVersion(update("ghcr.io/acme/app:1.2.5"), { digest: digestA }, kept)).toEqual({ tag: "1.2.5" });
      expect(said).toEqual([
        "drops the digest pin sha256:6745aaad46d7 (1.2.4's): ghcr.io/acme/app:1.2.5 has no digest; send ghcr.io/acme/app:1.2.5@sha256:<digest> to keep digests pinned",
        "drops the digest pin sha256:6745aaad46d7: ghcr.io/acme/app:1.2.5 has no digest; send ghcr.io/acme/app:1.2.5@sha256:<digest> to keep digests pinned",
      ]);
      // A digest that comes along, or a tag that stays, keeps the field pinned: nothing to say.
      expect(nextVersion(update(`ghcr.io/acme/app:1.2.5@${digestB}`), { tag: "1.2.4", digest: digestA }, kept)).toEqual({ tag: "1.2.5", digest: digestB });
      expect(nextVersion(update("ghcr.io/acme/app:1.2.4"), { tag: "1.2.4", digest: digestA }, kept)).toBeUndefined();
      expect(said).toHaveLength(2);
    });

    it("writes tag and digest together when both move", () => {
      expect(nextVersion(update(`ghcr.io/acme/app:1.2.5@${digestB}`, semver("^1.0.0")), { tag: "1.2.4", digest: digestA })).toEqual({
        tag: "1.2.5",
        digest: digestB,
      });
    });

    it("does not take the digest of an older build either", () => {
      expect(nextVersion(update(`ghcr.io/acme/app:1.2.3@${digestB}`, semver("^1.0.0")), { tag: "1.2.4", digest: digestA })).toBeUndefined();
    });

    it("pins a digest-only image and keeps the tag where no policy applies", () => {
      expect(nextVersion(update(`ghcr.io/acme/app@${digestB}`), { tag: "1.2.4", digest: digestA })).toEqual({ tag: "1.2.4", digest: digestB });
      expect(nextVersion(update(`ghcr.io/acme/app@${digestB}`), {})).toEqual({ digest: digestB });
      expect(nextVersion(update(`ghcr.io/acme/app@${digestA}`), { tag: "1.2.4", digest: digestA })).toBeUndefined();
    });

    it("leaves a field under a policy as it is for a digest-only image, which no policy can judge (any build, a 2.x or an rc), and says why", () => {
      const said: string[] = [];
      const kept = (why: string) => said.push(why);
      expect(nextVersion(update(`ghcr.io/acme/app@${digestB}`, semver("^1.0.0")), { tag: "1.2.4", digest: digestA }, kept)).toBeUndefined();
      // allow-downgrade lets a ranked-lower tag through, not an unranked digest.
      expect(nextVersion(update(`ghcr.io/acme/app@${digestB}`, { numerical: {} }, true), { tag: "7" }, kept)).toBeUndefined();
      expect(said).toEqual([
        `is left as it is: ghcr.io/acme/app@${digestB} has no tag for its policy (semver ^1.0.0) to judge, and a digest alone may be any build; give repo:tag@digest`,
        `is left as it is: ghcr.io/acme/app@${digestB} has no tag for its policy (numerical asc) to judge, and a digest alone may be any build; give repo:tag@digest`,
      ]);
      // The digest the field already holds is nothing to judge.
      expect(nextVersion(update(`ghcr.io/acme/app@${digestA}`, semver("^1.0.0")), { tag: "1.2.4", digest: digestA }, kept)).toBeUndefined();
      expect(said).toHaveLength(2);
    });
  });
});

describe("nextImageText: a whole reference in a field meant to hold the image", () => {
  const moved = update("ghcr.io/acme/app:1.3.0", semver("^1.0.0"));

  it("moves the field's own version on under the policy, writing the name given", () => {
    expect(nextImageText(moved, "ghcr.io/acme/app", "ghcr.io/acme/app:1.2.0")).toBe("ghcr.io/acme/app:1.3.0");
    expect(nextImageText(moved, "ghcr.io/acme/app", "ghcr.io/acme/app:1.4.0")).toBeUndefined();
    expect(nextImageText(moved, "ghcr.io/acme/app", "ghcr.io/acme/app:1.3.0")).toBeUndefined();
  });

  it("gives a field with no reference, or another repository's, the incoming version", () => {
    expect(nextImageText(moved, "ghcr.io/acme/app", undefined)).toBe("ghcr.io/acme/app:1.3.0");
    expect(nextImageText(moved, "ghcr.io/acme/app", "nginx:9.9.9")).toBe("ghcr.io/acme/app:1.3.0");
    expect(nextImageText(moved, "ghcr.io/acme/app", "not a reference")).toBe("ghcr.io/acme/app:1.3.0");
  });
});

describe("byRepository: the incoming images as the editors look them up", () => {
  it("keys each image by its canonical repository; the first one given wins", () => {
    const first = update("nginx:1.27");
    const incoming = byRepository([first, update("docker.io/library/nginx:1.28"), update("ghcr.io/acme/app:2.0.0")]);
    expect([...incoming.keys()]).toEqual(["docker.io/library/nginx", "ghcr.io/acme/app"]);
    expect(incoming.get("docker.io/library/nginx")).toBe(first);
  });
});

describe("nextReference: a field holding an image of the incoming repository", () => {
  it("keeps the name as written and moves the version on", () => {
    expect(nextReference(update("docker.io/library/nginx:1.27"), parseImageRef("nginx:1.25"))).toBe("nginx:1.27");
    expect(nextReference(update(`nginx@${digestB}`), parseImageRef(`library/nginx:1.25@${digestA}`))).toBe(`library/nginx:1.25@${digestB}`);
  });

  it("is undefined when the field stays", () => {
    expect(nextReference(update("nginx:1.27"), parseImageRef("nginx:1.27"))).toBeUndefined();
    expect(nextReference(update("ghcr.io/acme/app:1.2.0", semver("^1.0.0")), parseImageRef("ghcr.io/acme/app:1.3.0"))).toBeUndefined();
  });
});

describe("bareFieldWarning: a field holding a repository whose version another field holds", () => {
  it("names the field and says what to do, and is about that field and image, for the engine to drop where an override sets the tag beside it", () => {
    expect(bareFieldWarning("app.web.repository", "ghcr.io/acme/web")).toEqual({
      message:
        'app.web.repository holds ghcr.io/acme/web with no tag or digest, so its version is set in another field; left as it is (mark the field holding its tag with a Flux ":tag" marker, or set that field with a configured override with part: tag)',
      about: { field: "app.web.repository", reason: "bare-repository", image: "ghcr.io/acme/web" },
    });
  });
});
