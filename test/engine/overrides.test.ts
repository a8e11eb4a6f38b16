import { describe, expect, it } from "vitest";
import type { OverrideConfig } from "../../src/engine/config.js";
import { overriddenRepositories } from "../../src/engine/overrides.js";
import { parseImageRef } from "../../src/image/reference.js";

const override = (spec: string, image: string, part?: "tag"): OverrideConfig => ({
  file: "base/main.k",
  spec,
  image,
  repository: parseImageRef(image).repository,
  ...(part && { part }),
  line: 2,
});

describe("overriddenRepositories", () => {
  it("names the repositories whose configured overrides set something in the file: those of the file's images, not --set specs", () => {
    const requested = ["app.replicas=2", override("_tag", "ghcr.io/acme/web", "tag"), override("api.image", "ghcr.io/acme/api")];
    // A file whose target allows only web: the api override sets nothing there.
    expect(overriddenRepositories(requested, [{ image: parseImageRef("ghcr.io/acme/web:1.2.6") }])).toEqual(new Set(["ghcr.io/acme/web"]));
    expect(overriddenRepositories(requested, [])).toEqual(new Set());
  });
});
