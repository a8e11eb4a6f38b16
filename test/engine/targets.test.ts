/** Configured targets: which are in scope, which one holds a file, and what their allow-lists let through. */
import { describe, expect, it } from "vitest";
import type { Config, Target } from "../../src/engine/config.js";
import { RequestError } from "../../src/engine/request.js";
import { imagesFor, settersFor, targetOf, targetsInScope, warnRefusedImages } from "../../src/engine/targets.js";
import { parsePolicy } from "../../src/image/policy.js";
import { parseImageRef } from "../../src/image/reference.js";
import type { ImageUpdate } from "../../src/image/update.js";
import type { Warning } from "../../src/change.js";

const APP = "ghcr.io/acme/app";
const staging: Target = { name: "staging", paths: ["staging/**"], images: [{ repository: APP, name: APP }] };
const production: Target = {
  name: "production",
  paths: ["production/**"],
  images: [{ repository: APP, name: APP, policy: parsePolicy({ semver: { range: "^1.0.0" } }) }],
};
const config: Config = { targets: [staging, production], setters: new Map(), overrides: [] };

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
});

describe("targetOf", () => {
  it("finds the target whose paths hold the file, or none", () => {
    const find = targetOf([staging, production]);
    expect(find("production/app.yaml")).toBe(production);
    expect(find("staging/.hidden/app.yaml")).toBe(staging);
    expect(find("dev/app.yaml")).toBeUndefined();
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
  });

  it("names a policy once when the marker's and the target's are the same (not `semver ^1.0.0 within semver ^1.0.0`)", () => {
    const same = new Map([["flux-system:app", { image: parseImageRef(`${APP}:1.2.0`), policy: parsePolicy({ semver: { range: "^1.0.0" } }) }]]);
    const policy = settersFor(same, production).get("flux-system:app")!.policy!;
    expect(policy.description).toBe(production.images[0]!.policy!.description);
    expect(policy.latest(["1.2.0", "1.9.0", "2.0.0"])).toBe("1.9.0");
  });
});

describe("warnRefusedImages", () => {
  it("names the targets that leave an image out in one warning, and a policy that refuses its tag in another", () => {
    const warnings: Warning[] = [];
    warnRefusedImages([parseImageRef(`${APP}:2.0.0`), parseImageRef("ghcr.io/acme/other:1.0.0")], [staging, production], warnings);
    expect(warnings.map((w) => w.message)).toEqual([
      `target production: ${APP}:2.0.0 is outside its policy (${production.images[0]!.policy!.description}); not edited there`,
      "targets staging, production do not allow ghcr.io/acme/other; not edited there",
    ]);
  });
});
