/** Registry host names ignore case: an image announced as GHCR.io/acme/app is the image a file names ghcr.io/acme/app, and the reverse. */
import { describe, expect, it } from "vitest";
import { planUpdate } from "../../src/engine/plan.js";
import type { TreeSource } from "../../src/engine/source.js";

/** A tree in memory: path -> text. */
function tree(files: Record<string, string>): TreeSource {
  return {
    async *list() {
      yield* Object.keys(files).sort();
    },
    read: async (path) => Buffer.from(files[path] ?? ""),
  };
}

async function after(files: Record<string, string>, image: string): Promise<Record<string, string>> {
  const plan = await planUpdate(tree(files), { images: [image], setters: [], sets: [], paths: [] });
  expect(plan.warnings).toEqual([]);
  return Object.fromEntries(plan.files.map((file) => [file.path, file.after]));
}

describe("an image whose registry host is spelt in another case", () => {
  const files = {
    "apps/deploy.yaml": "spec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: ghcr.io/acme/app:1.0.0\n",
    "apps/values.yaml": "image:\n  registry: GHCR.IO\n  repository: acme/app\n  tag: 1.0.0\n",
    "apps/kustomization.yaml": "images:\n  - name: Ghcr.io/acme/app\n    newTag: 1.0.0\n",
  };

  it("is edited where a file names it, each file keeping its own spelling of the host", async () => {
    expect(await after(files, "GHCR.io/acme/app:1.3.0")).toEqual({
      "apps/deploy.yaml": files["apps/deploy.yaml"].replace("ghcr.io/acme/app:1.0.0", "ghcr.io/acme/app:1.3.0"),
      "apps/values.yaml": files["apps/values.yaml"].replace("tag: 1.0.0", "tag: 1.3.0"),
      "apps/kustomization.yaml": files["apps/kustomization.yaml"].replace("newTag: 1.0.0", "newTag: 1.3.0"),
    });
    expect(await after(files, "ghcr.io/acme/app:1.3.0")).toEqual(await after(files, "GHCR.io/acme/app:1.3.0"));
  });
});
