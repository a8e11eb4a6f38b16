/** Which sibling fields make one image, as Helm values hold one, and which digest pins a tag among them. */
import { describe, expect, it } from "vitest";
import { digestBeside, splitImage } from "../../src/image/split-image.js";

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
});

describe("digestBeside", () => {
  it("is the digest of an image whose tag is the field, not a digest beside another key or fields with no repository", () => {
    const image = fields({ repository: "ghcr.io/acme/web", tag: "1.4.0", digest: "sha256:1" });
    expect(digestBeside("tag", image)).toBe("sha256:1");
    expect(digestBeside("repository", image)).toBeUndefined();
    expect(digestBeside("tag", fields({ tag: "v1", digest: "sha256:1" }))).toBeUndefined();
  });
});
