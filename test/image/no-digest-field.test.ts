import { describe, expect, it } from "vitest";
import { noDigestFieldWarning } from "../../src/image/no-digest-field.js";
import { parseImageRef } from "../../src/image/reference.js";

const sha = "sha256:1111111111111111111111111111111111111111111111111111111111111111";

describe("noDigestFieldWarning", () => {
  it("says the tag is set without its digest, or that a digest alone cannot be taken, naming the image as it came", () => {
    expect(`image ${noDigestFieldWarning(parseImageRef(`ghcr.io/acme/app:3.2.0@${sha}`))}`).toBe(
      `image has no digest field, so only the tag of ghcr.io/acme/app:3.2.0@${sha} is set there: its digest is not pinned (a digest field beside the tag would take it)`,
    );
    expect(`image ${noDigestFieldWarning(parseImageRef(`ghcr.io/acme/app@${sha}`))}`).toBe(
      `image has no digest field, so it cannot take ghcr.io/acme/app@${sha}, which has only a digest; left as it is (a digest field beside the tag would take it)`,
    );
  });
});
