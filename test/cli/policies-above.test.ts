import { mkdirSync, renameSync, symlinkSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { policiesAbove } from "../../src/cli/policies-above.js";
import { filesUnder } from "../../src/engine/source.js";
import { tempDir } from "../support/temp.js";

const REPOSITORY =
  "apiVersion: image.toolkit.fluxcd.io/v1\nkind: ImageRepository\nmetadata: {name: podinfo, namespace: flux-system}\nspec: {image: ghcr.io/acme/podinfo}\n";
const POLICY =
  "apiVersion: image.toolkit.fluxcd.io/v1\nkind: ImagePolicy\nmetadata: {name: podinfo, namespace: flux-system}\nspec:\n  imageRepositoryRef: {name: podinfo}\n  policy: {semver: {range: 5.0.x}}\n";

async function write(dir: string, files: Record<string, string>): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
}

/**
 * `depth` directories under `top`, each named with 250 characters, the last but one holding a symbolic link so named: past PATH_MAX,
 * listing the last and reading the link fail (ENAMETOOLONG), for root too, whom no chmod stops. Made, and undone for the scratch
 * directory's removal (which the same limit would fail), by renames whose paths stay short.
 */
function tooDeep(top: string, depth: number): () => void {
  const short = (n: number) => join(top, ...Array<string>(n).fill("d"));
  const long = "d".repeat(250);
  mkdirSync(short(depth), { recursive: true });
  symlinkSync("nowhere", join(short(depth - 1), "l".repeat(250)));
  for (let k = depth; k >= 1; k--) renameSync(short(k), join(short(k - 1), long));
  return () => {
    for (let k = 1; k <= depth; k++) renameSync(join(short(k - 1), long), short(k));
  };
}

describe("policiesAbove", () => {
  it("finds the ImagePolicy beside the tree that defines a key, named from the repository's root, and none for a key nothing defines", async () => {
    const top = await tempDir("gp-above-");
    await write(top, { "flux-system/podinfo.yaml": `${REPOSITORY}---\n${POLICY}`, "clusters/my-cluster/deploy.yaml": "kind: Deployment\n" });
    const defining = policiesAbove(top, "clusters/my-cluster");
    expect(defining("flux-system:podinfo")).toMatchObject({ file: "flux-system/podinfo.yaml", repository: "ghcr.io/acme/podinfo" });
    expect(defining("flux-system:other")).toBeUndefined();
  });

  it("pairs it with an ImageRepository inside the tree, as a run from the root does, but gives none of the tree's own policies", async () => {
    const top = await tempDir("gp-above-");
    await write(top, { "flux-system/policy.yaml": POLICY, "clusters/my-cluster/repository.yaml": REPOSITORY });
    expect(policiesAbove(top, "clusters/my-cluster")("flux-system:podinfo")).toMatchObject({ file: "flux-system/policy.yaml" });
    expect(policiesAbove(top, "flux-system")("flux-system:podinfo")).toBeUndefined();
  });

  it("passes over a directory it cannot list and a link it cannot read, and finds the policy still: a hint never fails the run", async () => {
    const top = await tempDir("gp-above-");
    await write(top, { "flux-system/podinfo.yaml": `${REPOSITORY}---\n${POLICY}` });
    const undo = tooDeep(join(top, "vendor"), 17);
    try {
      // The run's own listing of a tree fails there: it must not edit a tree it has read only part of.
      expect(() => filesUnder(top)).toThrow(/ENAMETOOLONG/);
      expect(policiesAbove(top, "clusters")("flux-system:podinfo")).toMatchObject({ file: "flux-system/podinfo.yaml" });
    } finally {
      undo();
    }
  });

  it("reads the repository when first asked, not before: a run that says no key undefined reads none of it", async () => {
    const top = await tempDir("gp-above-");
    const defining = policiesAbove(top, "clusters");
    await write(top, { "flux-system/podinfo.yaml": `${REPOSITORY}---\n${POLICY}` });
    expect(defining("flux-system:podinfo")).toMatchObject({ file: "flux-system/podinfo.yaml" });
  });
});
