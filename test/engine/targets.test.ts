/** Configured targets: which are in scope, which one holds a file, and what their allow-lists let through. */
import { describe, expect, it } from "vitest";
import type { Config, Target } from "../../src/engine/config.js";
import { RequestError } from "../../src/engine/request.js";
import {
  allowance,
  imagesFor,
  settersFor,
  targetOf,
  targetsInScope,
  warnIdlePaths,
  warnRefusedImages,
  type FileReach,
  type RefusableImage,
} from "../../src/engine/targets.js";
import { parsePolicy } from "../../src/image/policy.js";
import { parseImageRef } from "../../src/image/reference.js";
import type { ImageUpdate } from "../../src/image/update.js";
import type { Warning } from "../../src/change.js";

const APP = "ghcr.io/acme/app";
const staging: Target = { name: "staging", paths: ["staging/**"], pathLines: [3], images: [{ repository: APP, name: APP }] };
const production: Target = {
  name: "production",
  paths: ["production/**"],
  pathLines: [7],
  images: [{ repository: APP, name: APP, policy: parsePolicy({ semver: { range: "^1.0.0" } }) }],
};
const config: Config = { targets: [staging, production], setters: new Map(), overrides: [] };

describe("allowance", () => {
  const refusal = (target: Target, image: string) => allowance(target, parseImageRef(image)).refused;

  it("takes an image its allow-list names, at a tag its policy accepts, or as a digest alone", () => {
    expect([refusal(staging, `${APP}:2.0.0-rc.1`), refusal(production, `${APP}:1.3.0`), refusal(production, `${APP}@sha256:${"a".repeat(64)}`)]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it("keeps out a repository its allow-list lacks, and a tag its policy refuses, saying which, with the entry that refuses", () => {
    expect(refusal(staging, "ghcr.io/acme/tool:1.0.0")).toBe("unlisted");
    const rc = allowance(production, parseImageRef(`${APP}:2.0.0-rc.1`));
    expect([rc.refused, rc.allowed?.policy?.description]).toEqual(["policy", "semver ^1.0.0"]);
  });
});

describe("targetsInScope", () => {
  it("is every target unless the request names some", () => {
    expect(targetsInScope(config, undefined)).toEqual([staging, production]);
    expect(targetsInScope(config, ["production"])).toEqual([production]);
    expect(targetsInScope(undefined, [])).toEqual([]);
  });

  it("refuses a name no target has, naming those that exist", () => {
    expect(() => targetsInScope(config, ["prod"])).toThrow(RequestError);
    expect(() => targetsInScope(config, ["prod"])).toThrow('targets: no target named "prod" (configured: staging, production)');
  });

  it("quotes the first 100 characters of a long name it refuses: a payload's may be 60 KB", () => {
    const long = "prod-".repeat(12_000);
    expect(() => targetsInScope(config, [long])).toThrow(
      `targets: no target named "${long.slice(0, 100)}…" (60000 characters) (configured: staging, production)`,
    );
  });
});

describe("targetOf", () => {
  it("finds the target whose paths hold the file, or none", () => {
    const find = targetOf([staging, production]);
    expect(find("production/app.yaml")).toBe(production);
    expect(find("staging/.hidden/app.yaml")).toBe(staging);
    expect(find("dev/app.yaml")).toBeUndefined();
  });

  it("takes a path written as a directory as everything under it, as --path does", () => {
    const find = targetOf([{ ...production, paths: ["deploy/prod", "kustomize/overlays/prod/"] }]);
    expect(find("deploy/prod/values-prod.yaml")?.name).toBe("production");
    expect(find("kustomize/overlays/prod/kustomization.yaml")?.name).toBe("production");
    expect(find("deploy/production/values.yaml")).toBeUndefined();
  });
});

describe("warnIdlePaths", () => {
  const CONFIG = ".github/gitops-promote.yaml";
  const idle = (configured: readonly Target[], selected: readonly Target[], files: readonly string[]) => {
    const warnings: Warning[] = [];
    warnIdlePaths(configured, selected, files, CONFIG, warnings);
    return warnings;
  };

  it("warns at its line about a target path that matches no file, as a typo does", () => {
    expect(idle([staging, production], [staging, production], ["staging/app.yaml", "prod/app.yaml"])).toEqual([
      { file: CONFIG, line: 7, message: 'targets[1].paths[0]: "production/**" matches no file; fix or remove it' },
    ]);
  });

  it("warns about a target path whose every file an earlier target takes, naming that target and its path", () => {
    const broad = { ...staging, paths: ["staging/**", "deploy/**"], pathLines: [3, 4] };
    const shadowed = { ...production, paths: ["production/**", "deploy/prod/**"], pathLines: [8, 9] };
    expect(idle([broad, shadowed], [broad, shadowed], ["staging/a.yaml", "production/a.yaml", "deploy/prod/a.yaml", "deploy/prod/b.yaml"])).toEqual([
      {
        file: CONFIG,
        line: 9,
        message:
          'targets[1].paths[1]: "deploy/prod/**" matches only files the earlier target staging ("deploy/**") takes first; narrow that, or list production first',
      },
    ]);
    // One file of its own is enough: an earlier target taking some is no news.
    const some = { ...broad, paths: ["staging/**", "deploy/prod/values.yaml"] };
    expect(idle([some, shadowed], [some, shadowed], ["staging/a.yaml", "production/a.yaml", "deploy/prod/values.yaml", "deploy/prod/release.yaml"])).toEqual(
      [],
    );
  });

  it("names every earlier target that takes its files", () => {
    const qa: Target = { name: "qa", paths: ["clusters/qa"], pathLines: [5], images: staging.images };
    const all: Target = { ...production, paths: ["clusters/**"], pathLines: [9] };
    expect(idle([staging, qa, all], [all], ["staging/a.yaml", "clusters/qa/a.yaml"]).map((w) => w.message)).toEqual([
      'targets[2].paths[0]: "clusters/**" matches only files the earlier target qa ("clusters/qa") takes first; narrow that, or list production first',
    ]);
    const both = { ...staging, paths: ["clusters/staging"] };
    expect(idle([both, qa, all], [all], ["clusters/staging/a.yaml", "clusters/qa/a.yaml"]).map((w) => w.message)).toEqual([
      'targets[2].paths[0]: "clusters/**" matches only files the earlier targets staging ("clusters/staging") and qa ("clusters/qa") take first; narrow those, or list production first',
    ]);
  });

  it("says nothing of a target the run does not select", () => {
    expect(idle([staging, production], [staging], ["staging/app.yaml"])).toEqual([]);
  });
});

describe("imagesFor", () => {
  const image = parseImageRef(`${APP}:2.0.0`);
  const other = parseImageRef("ghcr.io/acme/other:1.0.0");

  it("lets every image through without targets", () => {
    expect(imagesFor([image, other], undefined, undefined, false)).toEqual([
      { image, allowDowngrade: false },
      { image: other, allowDowngrade: false },
    ]);
  });

  it("with targets, lets through only what the file's target allows, under its policy; outside targets nothing", () => {
    expect(imagesFor([image, other], config, staging, true)).toEqual([{ image, allowDowngrade: true }]);
    expect(imagesFor([image], config, production, false)).toEqual([{ image, policy: production.images[0]!.policy, allowDowngrade: false }]);
    expect(imagesFor([image], config, undefined, false)).toEqual([]);
  });
});

describe("settersFor", () => {
  const update = { image: parseImageRef(`${APP}:1.2.0`), policy: parsePolicy({ semver: { range: ">=1.0.0" } }) };
  const setters = new Map<string, ImageUpdate>([
    ["flux-system:app", update],
    ["flux-system:other", { image: parseImageRef("ghcr.io/acme/other:1.0.0") }],
  ]);

  it("keeps every setter outside targets, and in a target only those of images it allows", () => {
    expect(settersFor(setters, undefined)).toBe(setters);
    expect([...settersFor(setters, staging).keys()]).toEqual(["flux-system:app"]);
  });

  it("chooses a setter's tag within the target's policy too", () => {
    const policy = settersFor(setters, production).get("flux-system:app")!.policy!;
    expect(policy.description).toBe(`${update.policy.description} within ${production.images[0]!.policy!.description}`);
    expect(policy.latest(["1.2.0", "1.9.0", "2.0.0"])).toBe("1.9.0");
    // Ranked by the marker's order, 2.0.0 is above 1.9.0: a move from it down is told.
    expect(policy.compare?.("2.0.0", "1.9.0")).toBeGreaterThan(0);
  });

  it("names a policy once when the marker's and the target's are the same (not `semver ^1.0.0 within semver ^1.0.0`)", () => {
    const same = new Map([["flux-system:app", { image: parseImageRef(`${APP}:1.2.0`), policy: parsePolicy({ semver: { range: "^1.0.0" } }) }]]);
    const policy = settersFor(same, production).get("flux-system:app")!.policy!;
    expect(policy.description).toBe(production.images[0]!.policy!.description);
    expect(policy.latest(["1.2.0", "1.9.0", "2.0.0"])).toBe("1.9.0");
  });
});

describe("warnRefusedImages", () => {
  const OTHER = "ghcr.io/acme/other";
  const nothing = () => ({ setters: new Map<string, ImageUpdate>() });
  const refusals = (images: RefusableImage[], files: Record<string, string>, reachOf: (path: string) => FileReach = nothing) => {
    const warnings: Warning[] = [];
    warnRefusedImages(images, [staging, production], targetOf([staging, production]), new Map(Object.entries(files)), reachOf, warnings);
    return warnings.map((w) => w.message);
  };
  const byRepository = (image: string): RefusableImage => ({ image: parseImageRef(image), byRepository: true });

  it("names the targets that leave an image out in one warning, with where their files hold it, and a policy that refuses its tag in another", () => {
    const files = {
      "staging/d.yaml": `kind: Pod\nimage: ${OTHER}:0.9.0\n`,
      "production/d.yaml": `image: ${OTHER}:0.9.0\n`,
      "free/d.yaml": `image: ${OTHER}:0.9.0\n`,
    };
    expect(refusals([byRepository(`${APP}:2.0.0`), byRepository(`${OTHER}:1.0.0`)], files)).toEqual([
      `target production: ${APP}:2.0.0 is outside its policy (${production.images[0]!.policy!.description}); not edited there`,
      `targets staging, production do not allow ${OTHER}; not edited in staging/d.yaml:2, production/d.yaml:1`,
    ]);
  });

  it("says nothing of a policy refusing the tag in a target with no file in scope (--path left it out)", () => {
    expect(refusals([byRepository(`${APP}:2.0.0`)], { "staging/d.yaml": `image: ${APP}:1.0.0\n` })).toEqual([]);
  });

  it("names the line of the refused repository itself, not an earlier one of the same path in another registry (trial 14 S3)", () => {
    const mirror = "mirror.acme.io/acme/app";
    const deployment = `containers:\n  - image: ${APP}:1.0.0\n  - image: bitnami/app:1.0.0\n  - image: ${mirror}:1.0.0\n`;
    expect(refusals([byRepository(`${mirror}:1.1.0`)], { "staging/d.yaml": deployment })).toEqual([
      `target staging does not allow ${mirror}; not edited in staging/d.yaml:4`,
    ]);
    // A file that holds the path only in another registry does not hold the image at all.
    expect(refusals([byRepository(`${mirror}:1.1.0`)], { "staging/d.yaml": `image: ${APP}:1.0.0\n` })).toEqual([]);
  });

  it("names no Flux ImageRepository: its spec.image is the repository Flux scans, nothing it would edit", () => {
    const repository = `apiVersion: image.toolkit.fluxcd.io/v1\nkind: ImageRepository\nmetadata: {name: other}\nspec: {image: ${OTHER}}\n`;
    expect(refusals([byRepository(`${OTHER}:1.0.0`)], { "staging/flux.yaml": repository, "staging/d.yaml": `image: ${OTHER}:0.9.0\n` })).toEqual([
      `target staging does not allow ${OTHER}; not edited in staging/d.yaml:1`,
    ]);
  });

  it("says nothing of a target none of whose files holds the image", () => {
    expect(refusals([byRepository(`${OTHER}:1.0.0`)], { "staging/d.yaml": `image: ${APP}:1.0.0\n`, "free/d.yaml": `image: ${OTHER}:0.9.0\n` })).toEqual([]);
  });

  it("counts a marker standing for the image, and for a --setter value only that: its repository elsewhere in the file is not edited", () => {
    const marked = `a: ${OTHER}:0.9.0\nb: x # {"$imagepolicy": "flux-system:other:tag"}\n`;
    const setters = new Map([["flux-system:other", { image: parseImageRef(`${OTHER}:1.0.0`), allowDowngrade: false }]]);
    const reachOf = (path: string) => ({ setters: path === "staging/m.yaml" ? setters : new Map<string, ImageUpdate>() });
    const files = { "staging/m.yaml": marked, "production/d.yaml": `a: ${OTHER}:0.9.0\n` };
    expect(refusals([{ image: parseImageRef(`${OTHER}:1.0.0`), byRepository: false }], files, reachOf)).toEqual([
      `target staging does not allow ${OTHER}; not edited in staging/m.yaml:2`,
    ]);
  });

  it("counts no marker written where it marks nothing: above `key: value` (markcount17)", () => {
    const setters = new Map([["flux-system:other", { image: parseImageRef(`${OTHER}:1.0.0`), allowDowngrade: false }]]);
    const reachOf = () => ({ setters });
    const setter = { image: parseImageRef(`${OTHER}:1.0.0`), byRepository: false };
    const aboveKey = { "staging/m.yaml": `a: 1\n# {"$imagepolicy": "flux-system:other:tag"}\ntag: 0.9.0\n` };
    expect(refusals([setter], aboveKey, reachOf)).toEqual([]);
    const afterValue = { "staging/m.yaml": `a: 1\ntag: 0.9.0 # {"$imagepolicy": "flux-system:other:tag"}\n` };
    expect(refusals([setter], afterValue, reachOf)).toEqual([`target staging does not allow ${OTHER}; not edited in staging/m.yaml:2`]);
  });

  it("counts only a target's own files when the run selects it alone: a file an earlier target's paths match first is that target's", () => {
    const broad = { ...staging, paths: ["staging/**", "production/canary/**"] };
    const files = new Map([["production/canary/d.yaml", `image: ${OTHER}:0.9.0\n`]]);
    const warnings: Warning[] = [];
    warnRefusedImages([byRepository(`${APP}:2.0.0`), byRepository(`${OTHER}:1.0.0`)], [production], targetOf([broad, production]), files, nothing, warnings);
    expect(warnings).toEqual([]);
  });

  it("names five places and counts the rest", () => {
    const files = Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`staging/${i}.yaml`, `image: ${OTHER}:0.9.0\n`]));
    expect(refusals([byRepository(`${OTHER}:1.0.0`)], files)).toEqual([
      `target staging does not allow ${OTHER}; not edited in staging/0.yaml:1, staging/1.yaml:1, staging/2.yaml:1, staging/3.yaml:1, staging/4.yaml:1 and 2 more`,
    ]);
  });
});
