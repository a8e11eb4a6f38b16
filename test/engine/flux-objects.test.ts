import { describe, expect, it } from "vitest";
import { fluxSetters, mayHoldFluxObjects } from "../../src/engine/flux-objects.js";

/** A typical Flux image automation file: repository and policy side by side. */
const PODINFO = `---
apiVersion: image.toolkit.fluxcd.io/v1
kind: ImageRepository
metadata:
  name: podinfo
  namespace: flux-system
spec:
  image: ghcr.io/stefanprodan/podinfo
  interval: 5m
---
apiVersion: image.toolkit.fluxcd.io/v1
kind: ImagePolicy
metadata:
  name: podinfo
  namespace: flux-system
spec:
  imageRepositoryRef:
    name: podinfo
  policy:
    semver:
      range: 5.0.x
`;

function setterSummary(docs: { file: string; text: string }[]) {
  const { setters, warnings } = fluxSetters(docs);
  return {
    setters: Object.fromEntries([...setters].map(([key, s]) => [key, { name: s.name, repository: s.repository, policy: s.policy.description }])),
    warnings,
  };
}

describe("mayHoldFluxObjects", () => {
  it("screens on the API group", () => {
    expect(mayHoldFluxObjects(PODINFO)).toBe(true);
    expect(mayHoldFluxObjects("apiVersion: apps/v1\nkind: Deployment\n")).toBe(false);
  });
});

describe("fluxSetters", () => {
  it("maps <policy namespace>:<policy name> to the repository's spec.image and the policy", () => {
    expect(setterSummary([{ file: "clusters/prod/podinfo.yaml", text: PODINFO }])).toEqual({
      setters: { "flux-system:podinfo": { name: "ghcr.io/stefanprodan/podinfo", repository: "ghcr.io/stefanprodan/podinfo", policy: "semver 5.0.x" } },
      warnings: [],
    });
  });

  it("gives a policy that behaves like Flux's", () => {
    const policy = fluxSetters([{ file: "p.yaml", text: PODINFO }]).setters.get("flux-system:podinfo")!.policy;
    expect(policy.latest(["5.0.3", "5.1.0", "5.0.10", "5.0.11-rc.1"])).toBe("5.0.10");
  });

  it("keeps spec.image as written (what :name markers write) and matches on the canonical repository", () => {
    const text = PODINFO.replace("ghcr.io/stefanprodan/podinfo", "nginx");
    const setter = fluxSetters([{ file: "p.yaml", text }]).setters.get("flux-system:podinfo")!;
    expect([setter.name, setter.repository]).toEqual(["nginx", "docker.io/library/nginx"]);
  });

  it("joins objects across files and reads v1beta1 and v1beta2 too", () => {
    const repos = `apiVersion: image.toolkit.fluxcd.io/v1beta1
kind: ImageRepository
metadata: { name: app, namespace: apps }
spec: { image: ghcr.io/acme/app }
`;
    const policy = `apiVersion: image.toolkit.fluxcd.io/v1beta2
kind: ImagePolicy
metadata: { name: app-main, namespace: apps }
spec:
  imageRepositoryRef: { name: app }
  filterTags:
    pattern: '^main-[a-f0-9]+-(?P<ts>[0-9]+)'
    extract: '$ts'
  policy:
    numerical:
      order: asc
`;
    const { setters, warnings } = fluxSetters([
      { file: "image-policies.yaml", text: policy },
      { file: "image-repos.yaml", text: repos },
    ]);
    expect(warnings).toEqual([]);
    const setter = setters.get("apps:app-main")!;
    expect(setter.repository).toBe("ghcr.io/acme/app");
    expect(setter.policy.latest(["main-abc1234-1700000100", "main-def5678-1700000200", "v9.9.9"])).toBe("main-def5678-1700000200");
  });

  it("defaults a missing namespace to flux-system, for the policy and its repository reference", () => {
    const text = PODINFO.replace(/\n {2}namespace: flux-system/g, "");
    expect([...fluxSetters([{ file: "p.yaml", text }]).setters.keys()]).toEqual(["flux-system:podinfo"]);
  });

  it("follows a cross-namespace imageRepositoryRef", () => {
    const text = PODINFO.replace(
      "  name: podinfo\n  namespace: flux-system\nspec:\n  imageRepositoryRef:",
      "  name: podinfo\n  namespace: team-a\nspec:\n  imageRepositoryRef:\n    namespace: flux-system",
    );
    expect([...fluxSetters([{ file: "p.yaml", text }]).setters.keys()]).toEqual(["team-a:podinfo"]);
  });

  describe("exclusionList", () => {
    it("defaults to Flux's cosign signature exclusion when empty", () => {
      const { exclusionList } = fluxSetters([{ file: "p.yaml", text: PODINFO }]).setters.get("flux-system:podinfo")!;
      expect(exclusionList.some((re) => re.test("sha256-abc.sig"))).toBe(true);
      expect(exclusionList.some((re) => re.test("5.0.3"))).toBe(false);
    });

    it("replaces the default with the given Go regexes", () => {
      const text = PODINFO.replace("  interval: 5m", () => "  exclusionList:\n    - '^.*-debug$'\n    - '(?i)^rc'");
      const { exclusionList } = fluxSetters([{ file: "p.yaml", text }]).setters.get("flux-system:podinfo")!;
      expect(["5.0.3-debug", "RC1", "x.sig", "5.0.3"].map((tag) => exclusionList.some((re) => re.test(tag)))).toEqual([true, true, false, false]);
    });
  });

  it("ignores other kinds, other API groups and versions, and files without the API group", () => {
    const text = `apiVersion: image.toolkit.fluxcd.io/v1
kind: ImageUpdateAutomation
metadata: { name: auto, namespace: flux-system }
spec: { interval: 1m }
---
apiVersion: example.com/v1
kind: ImagePolicy
metadata: { name: other }
spec: { imageRepositoryRef: { name: podinfo }, policy: { alphabetical: {} } }
---
apiVersion: image.toolkit.fluxcd.io/v1alpha1
kind: ImagePolicy
metadata: { name: old }
spec: { imageRepositoryRef: { name: podinfo }, policy: { alphabetical: {} } }
`;
    expect(
      setterSummary([
        { file: "a.yaml", text },
        { file: "b.yaml", text: "kind: ImagePolicy\n" },
      ]),
    ).toEqual({ setters: {}, warnings: [] });
  });

  describe("warnings, with file and line", () => {
    it("an ImagePolicy whose repository is missing", () => {
      const text = PODINFO.split("---\n")[2]!;
      expect(setterSummary([{ file: "clusters/policy.yaml", text }])).toEqual({
        setters: {},
        warnings: [
          {
            file: "clusters/policy.yaml",
            line: 1,
            message: "ImagePolicy flux-system/podinfo: ImageRepository flux-system/podinfo not found; markers for flux-system:podinfo are not mapped",
          },
        ],
      });
    });

    it("an invalid policy, at the line of the field", () => {
      const text = PODINFO.replace("range: 5.0.x", 'range: "5.0.0p"');
      expect(setterSummary([{ file: "p.yaml", text }]).warnings).toEqual([
        {
          file: "p.yaml",
          line: 21,
          message: 'ImagePolicy flux-system/podinfo: spec.policy.semver.range: invalid range "5.0.0p"; markers for flux-system:podinfo are not mapped',
        },
      ]);
    });

    it("an invalid filterTags pattern", () => {
      const text = PODINFO.replace("  policy:\n", "  filterTags:\n    pattern: '^(?<=x)'\n  policy:\n");
      expect(setterSummary([{ file: "p.yaml", text }]).warnings).toEqual([
        {
          file: "p.yaml",
          line: 20,
          message:
            'ImagePolicy flux-system/podinfo: spec.filterTags.pattern: invalid regular expression "^(?<=x)": invalid or unsupported Perl syntax "(?<"; markers for flux-system:podinfo are not mapped',
        },
      ]);
    });

    it("a repository image with a tag, and the policy left without it", () => {
      const text = PODINFO.replace("image: ghcr.io/stefanprodan/podinfo", "image: ghcr.io/stefanprodan/podinfo:5.0.0");
      expect(setterSummary([{ file: "p.yaml", text }]).warnings).toEqual([
        {
          file: "p.yaml",
          line: 8,
          message: 'ImageRepository flux-system/podinfo: spec.image "ghcr.io/stefanprodan/podinfo:5.0.0" must name a repository without tag or digest',
        },
        {
          file: "p.yaml",
          line: 11,
          message: "ImagePolicy flux-system/podinfo: ImageRepository flux-system/podinfo not found; markers for flux-system:podinfo are not mapped",
        },
      ]);
    });

    it("the same object twice: the first one is used", () => {
      const other = PODINFO.replace("range: 5.0.x", "range: 6.x");
      expect(
        setterSummary([
          { file: "a.yaml", text: PODINFO },
          { file: "b.yaml", text: other },
        ]),
      ).toEqual({
        setters: { "flux-system:podinfo": { name: "ghcr.io/stefanprodan/podinfo", repository: "ghcr.io/stefanprodan/podinfo", policy: "semver 5.0.x" } },
        warnings: [
          { file: "b.yaml", line: 2, message: "ImageRepository flux-system/podinfo is also defined at a.yaml:2; this one is ignored" },
          { file: "b.yaml", line: 11, message: "ImagePolicy flux-system/podinfo is also defined at a.yaml:11; this one is ignored" },
        ],
      });
    });

    it("a file that is not YAML (a Helm template)", () => {
      const text = "apiVersion: image.toolkit.fluxcd.io/v1\nkind: ImagePolicy\nmetadata:\n  name: {{ .Values.name }\n";
      const { warnings } = fluxSetters([{ file: "charts/app/templates/policy.yaml", text }]);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatchObject({ file: "charts/app/templates/policy.yaml", line: 4 });
      expect(warnings[0]!.message).toMatch(/^not valid YAML \(.+\); Flux objects in it are ignored$/);
    });
  });
});
