/** The byte screens every candidate file passes before any parse. */
import { describe, expect, it } from "vitest";
import { parseImageRef } from "../../src/image/reference.js";
import { screenFor } from "../../src/engine/screen.js";

describe("screenFor", () => {
  const screen = screenFor([parseImageRef("ghcr.io/acme/web:1.2.3"), parseImageRef("nginx:1.27")]);

  it("lets a YAML file through when it holds an incoming repository, a marker, Flux image objects or an Application, and no other", () => {
    const texts = [
      "image: ghcr.io/acme/web:1.2.2\n",
      'image: registry.local/web:1 # {"$imagepolicy": "flux-system:web"}\n',
      "apiVersion: image.toolkit.fluxcd.io/v1beta2\nkind: ImagePolicy\n",
      "kind: Application\n",
      "kind: ConfigMap\ndata: {a: b}\n",
    ];
    expect(texts.map((text) => screen.yaml.test(text))).toEqual([true, true, true, true, false]);
  });

  it("screens an Application(Set) again by what it may spell of a repository: not the kind alone", () => {
    expect(screen.argo.test("kind: Application\n")).toBe(false);
    expect(screen.argo.test("kind: Application\nparameters: [{name: image.tag, value: 1.2.2}]\nimage: ghcr.io/acme/web\n")).toBe(true);
  });

  it("names the pieces a templated reference spells: the repository's last segment, and the first segment of each spelling of it", () => {
    expect(screen.templated).toEqual(["/web", "ghcr.io", "/nginx", "docker.io", "library", "nginx"]);
  });
});
