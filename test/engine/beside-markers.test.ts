import { describe, expect, it } from "vitest";
import type { Change, Warning } from "../../src/change.js";
import { warnUnpolicied } from "../../src/engine/beside-markers.js";
import type { MarkerLine } from "../../src/image/marker.js";
import type { FluxPolicy } from "../../src/engine/setters.js";
import { parsePolicy } from "../../src/image/policy.js";
import { parseImageRef } from "../../src/image/reference.js";

/** The ImagePolicy `flux-system:<name>` of ghcr.io/acme/web with a semver range, as the tree defines it. */
function imagePolicy(name: string, range: string): FluxPolicy {
  const setter = {
    name: "ghcr.io/acme/web",
    repository: "ghcr.io/acme/web",
    policy: parsePolicy({ semver: { range } }),
    exclusionList: [],
    exclusionSites: [],
    file: "flux.yaml",
    line: 1,
  };
  return { key: `flux-system:${name}`, setter };
}

describe("warnUnpolicied: an unmarked field moved by repository, which the tree's ImagePolicy would not have moved so", () => {
  const moved = (from: string, to: string): Change => ({
    file: "apps/web/main.k",
    line: 27,
    kind: "kcl-image",
    key: "web.image",
    old: `ghcr.io/acme/web:${from}`,
    new: `ghcr.io/acme/web:${to}`,
  });
  const said = (change: Change, policies: readonly FluxPolicy[], misplaced: readonly MarkerLine[] = []): string[] => {
    const warnings: Warning[] = [];
    warnUnpolicied(
      [change],
      [{ image: parseImageRef(change.new) }],
      () => policies,
      () => false,
      () => misplaced,
      warnings,
    );
    return warnings.map((w) => `${w.file}:${w.line}: ${w.message}`);
  };

  it("says the policy would refuse a version outside its range", () => {
    expect(said(moved("1.2.3", "2.0.0"), [imagePolicy("web", "^1.0.0")])).toEqual([
      "apps/web/main.k:27: ghcr.io/acme/web moves to 2.0.0 with no policy (no marker here); ImagePolicy flux-system:web (semver ^1.0.0) would refuse it: add its marker, or a target with a policy",
    ]);
  });

  it("says the policy would keep the current version where it accepts the incoming one but ranks it below (a late, older build)", () => {
    expect(said(moved("1.2.3", "1.2.0"), [imagePolicy("web", "^1.0.0")])).toEqual([
      "apps/web/main.k:27: ghcr.io/acme/web moves to 1.2.0 with no policy (no marker here); ImagePolicy flux-system:web (semver ^1.0.0) would keep 1.2.3: add its marker, or a target with a policy",
    ]);
  });

  it("names each policy with what it would do, when several would not have moved the field", () => {
    const policies = [imagePolicy("web", "^1.0.0"), imagePolicy("web-patch", "~1.2.0"), imagePolicy("web-legacy", "<1.0.0")];
    expect(said(moved("1.2.3", "1.2.0"), policies)).toEqual([
      "apps/web/main.k:27: ghcr.io/acme/web moves to 1.2.0 with no policy (no marker here); ImagePolicies flux-system:web (semver ^1.0.0) and flux-system:web-patch (semver ~1.2.0) would keep 1.2.3 and ImagePolicy flux-system:web-legacy (semver <1.0.0) would refuse it: add the marker of one, or a target with a policy",
    ]);
  });

  it("names the policy's marker written where no editor reads it, instead of asking for one", () => {
    const misplaced = [{ marker: { key: "flux-system:web", field: "ref" as const, setter: "flux-system:web" }, line: 28, before: "}" }];
    expect(said(moved("1.2.3", "2.0.0"), [imagePolicy("web", "^1.0.0")], misplaced)).toEqual([
      "apps/web/main.k:27: ghcr.io/acme/web moves to 2.0.0 with no policy; ImagePolicy flux-system:web (semver ^1.0.0) would refuse it, and the marker of flux-system:web at line 28 marks nothing where it is: move it as the warning there says for its policy to govern this field, or add a target with a policy",
    ]);
  });

  it("names the marker on the field's own line, after a flow collection holding it", () => {
    const misplaced = [
      { marker: { key: "flux-system:web", field: "ref" as const, setter: "flux-system:web" }, line: 27, before: "[{image: ghcr.io/acme/web:1.2.3}]" },
    ];
    expect(said(moved("1.2.3", "2.0.0"), [imagePolicy("web", "^1.0.0")], misplaced)).toEqual([
      "apps/web/main.k:27: ghcr.io/acme/web moves to 2.0.0 with no policy; ImagePolicy flux-system:web (semver ^1.0.0) would refuse it, and the marker of flux-system:web on this line marks nothing where it is: move it as the warning there says for its policy to govern this field, or add a target with a policy",
    ]);
  });

  it("asks for the marker where the one written where no editor reads it is another policy's", () => {
    const misplaced = [{ marker: { key: "flux-system:other", field: "ref" as const, setter: "flux-system:other" }, line: 28, before: "}" }];
    expect(said(moved("1.2.3", "2.0.0"), [imagePolicy("web", "^1.0.0")], misplaced)).toEqual([
      "apps/web/main.k:27: ghcr.io/acme/web moves to 2.0.0 with no policy (no marker here); ImagePolicy flux-system:web (semver ^1.0.0) would refuse it: add its marker, or a target with a policy",
    ]);
  });

  it("says nothing where the policy would have moved the field the same way", () => {
    expect(said(moved("1.2.3", "1.2.5"), [imagePolicy("web", "^1.0.0")])).toEqual([]);
  });
});
