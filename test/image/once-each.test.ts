import { describe, expect, it } from "vitest";
import { onceEachImage } from "../../src/image/once-each.js";

describe("onceEachImage", () => {
  it("keeps the first spelling of an image given again, however it is spelt, and leaves two versions of one repository to the caller", () => {
    expect(
      onceEachImage(["nginx:1.27", "ghcr.io/acme/app:1.2.4", "docker.io/library/nginx:1.27", "ghcr.io/acme/app:1.2.4", "ghcr.io/acme/app:1.2.5", "x y", "x y"]),
    ).toEqual(["nginx:1.27", "ghcr.io/acme/app:1.2.4", "ghcr.io/acme/app:1.2.5", "x y", "x y"]);
  });

  it("tells a tag from the same tag pinned to a digest", () => {
    const pinned = "ghcr.io/acme/app:1.2.4@sha256:6745aaad46d795c9836632e1fb62f24b7e7f4c843144da8e47a5465c411a14be";
    expect(onceEachImage(["ghcr.io/acme/app:1.2.4", pinned])).toEqual(["ghcr.io/acme/app:1.2.4", pinned]);
  });
});
