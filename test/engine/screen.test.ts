/** The byte screens every candidate file passes before any parse. */
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseImageRef } from "../../src/image/reference.js";
import { planUpdate } from "../../src/engine/plan.js";
import { screenFor } from "../../src/engine/screen.js";
import { memorySource } from "../../src/engine/source.js";

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

describe("a repository spelled with YAML double-quote escapes (review yamlfuzz20 M1)", () => {
  const screen = screenFor([parseImageRef("ghcr.io/acme/web:1.2.3")]);
  const deployment = (image: string) => `kind: Deployment\nspec:\n  containers:\n    - name: web\n      image: ${image}\n`;
  // Each is ghcr.io/acme/web:1.2.2 to a YAML parser, though none spells acme/web.
  const escaped = [
    String.raw`"ghcr.io\/acme\/web:1.2.2"`,
    String.raw`"ghcr.io\x2facme\x2fweb:1.2.2"`,
    String.raw`"ghcr.io/acme\u002fweb:1.2.2"`,
    String.raw`"ghcr.io/a\x63me/web:1.2.2"`,
    '"ghcr.io/acme/\\\n        web:1.2.2"',
    '\n        "ghcr.io/acme/\\\n        web:1.2.2"',
  ];

  it("lets through a file with a backslash inside double quotes, which may spell any character", () => {
    expect(escaped.map((image) => screen.yaml.test(deployment(image)))).toEqual(escaped.map(() => true));
    expect(screen.argo.test(`kind: Application\nparameters: [{name: image.name, value: "ghcr.io\\/acme\\/web"}]\n`)).toBe(true);
  });

  it("still turns away a backslash outside double quotes, and a fold, which cannot join a repository's pieces without one", () => {
    const texts = [
      "kind: Script\nrun: |\n  make \\\n    all\n",
      "kind: Path\nwin: 'C:\\acme\\web'\n",
      'kind: Note\nimage: "ghcr.io/acme/\n  web:1.2.2"\n',
      "kind: Note\nimage: ghcr.io/acme/\n  web:1.2.2\n",
    ];
    expect(texts.map((text) => screen.yaml.test(text))).toEqual([false, false, false, false]);
  });

  it("plans the edit planUpdate would otherwise skip: only the scalar's bytes change, and the file still parses", async () => {
    for (const image of escaped) {
      const before = deployment(image);
      const plan = await planUpdate(memorySource(new Map([["apps/web.yaml", before]])), { images: ["ghcr.io/acme/web:1.2.3"] });
      const after = plan.files[0]?.after;
      expect(plan.changes.map(({ old, new: next }) => [old, next])).toEqual([["ghcr.io/acme/web:1.2.2", "ghcr.io/acme/web:1.2.3"]]);
      expect(after).toBe(before.replace(image.trim(), '"ghcr.io/acme/web:1.2.3"'));
      expect(parse(after!)).toMatchObject({ spec: { containers: [{ image: "ghcr.io/acme/web:1.2.3" }] } });
    }
  });
});
