import { describe, expect, it } from "vitest";
import type { OverrideConfig } from "../../src/engine/config.js";
import { overriddenIn } from "../../src/engine/overrides.js";
import { parseImageRef } from "../../src/image/reference.js";

const override = (spec: string, image: string, part?: "tag"): OverrideConfig => ({
  file: "base/main.k",
  spec,
  image,
  repository: parseImageRef(image).repository,
  ...(part && { part }),
  line: 2,
});

describe("overriddenIn", () => {
  it("names the repositories whose configured overrides set something in the file: those of the file's images", () => {
    const requested = [override("_tag", "ghcr.io/acme/web", "tag"), override("api.image", "ghcr.io/acme/api")];
    // A file whose target allows only web: the api override sets nothing there.
    expect(overriddenIn(requested, [{ image: parseImageRef("ghcr.io/acme/web:1.2.6") }]).repositories).toEqual(new Set(["ghcr.io/acme/web"]));
    expect(overriddenIn(requested, []).repositories).toEqual(new Set());
  });

  it("names the paths the --set specs set, as a path is written, whatever images the file gets; not a delete, nor a spec that does not parse", () => {
    const requested = ['_tag="1.2.3"', 'cfg["tag"]="1.2.3"', 'labels:{a="b"}', "old-", "=1", override("_tag", "ghcr.io/acme/web", "tag")];
    expect(overriddenIn(requested, [])).toEqual({ repositories: new Set(), paths: new Set(["_tag", "cfg.tag", "labels"]) });
  });
});
