/** What a field pinned by a digest is told when an edit drops the pin or leaves it on the earlier build. */
import { describe, expect, it } from "vitest";
import { shortDigest, staleDigestWarning, unpinnedWarning } from "../../src/image/digest-pin.js";
import { parseImageRef } from "../../src/image/reference.js";
import { actionFieldName, cliFieldName } from "../support/faces.js";

const digest = `sha256:${"1".repeat(64)}`;

describe("shortDigest", () => {
  it("keeps the algorithm and 12 hex digits", () => {
    expect(shortDigest(digest)).toBe("sha256:111111111111");
  });
});

describe("unpinnedWarning", () => {
  it("names the pin dropped, whose tag it was, and how to keep digests pinned", () => {
    expect(`image ${unpinnedWarning(parseImageRef("ghcr.io/acme/web:1.5.0"), digest, "1.4.0")}`).toBe(
      "image drops the digest pin sha256:111111111111 (1.4.0's): ghcr.io/acme/web:1.5.0 has no digest; send ghcr.io/acme/web:1.5.0@sha256:<digest> to keep digests pinned",
    );
  });
});

describe("staleDigestWarning", () => {
  it("names the digest left beside the tag, its line, and the two ways to move it too", () => {
    const stale = { tagKey: "image.tag", tag: "1.5.0", digestKey: "image.digest", line: 7, digest, name: "ghcr.io/acme/web" };
    expect(staleDigestWarning(stale)).toBe(
      "image.tag: --set wrote 1.5.0, but the digest beside it (image.digest, line 7) still pins the earlier build sha256:111111111111, so that build runs; " +
        "set image.digest too, or give the image with --image ghcr.io/acme/web:1.5.0@sha256:<digest>",
    );
  });

  it("gives no image to send where the one the fields name is not known (a registry this run cannot read)", () => {
    const stale = { tagKey: "image.tag", tag: "1.5.0", digestKey: "image.digest", line: 7, digest, name: undefined };
    expect(staleDigestWarning(stale)).toBe(
      "image.tag: --set wrote 1.5.0, but the digest beside it (image.digest, line 7) still pins the earlier build sha256:111111111111, so that build runs; " +
        "set image.digest too",
    );
  });

  it("says what a configured override can do about it: it sets only its tag, whatever image comes", () => {
    const stale = { configured: true, tagKey: "image.tag", tag: "1.5.0", digestKey: "image.digest", line: 7, digest, name: "ghcr.io/acme/web" };
    expect(staleDigestWarning(stale)).toBe(
      "image.tag: its configured override wrote 1.5.0, but the digest beside it (image.digest, line 7) still pins the earlier build sha256:111111111111, so that build runs; " +
        "an override with part: tag sets only the tag: empty image.digest so that the tag decides, or set it with --set",
    );
  });

  it("names the set and the image to give as the request's face does: the Action's inputs, the CLI's flags", () => {
    const stale = { tagKey: "image.tag", tag: "1.5.0", digestKey: "image.digest", line: 7, digest, name: "ghcr.io/acme/web" };
    expect(staleDigestWarning(stale, actionFieldName)).toMatch(
      /^image\.tag: input set wrote 1\.5\.0, .*; set image\.digest too, or give the image with images: ghcr\.io\/acme\/web:1\.5\.0@sha256:<digest>$/,
    );
    expect(staleDigestWarning({ ...stale, configured: true }, actionFieldName)).toMatch(/, or set it with input set$/);
    expect(staleDigestWarning(stale, cliFieldName)).toBe(staleDigestWarning(stale));
  });
});
