import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { Diagnostic } from "../../src/change.js";
import { ConfigError, parseConfig } from "../../src/engine/config.js";
import { formatDiagnostic } from "../../src/change.js";

const FILE = ".github/gitops-promote.yaml";

/** The example from DESIGN §5, verbatim. */
const DESIGN_EXAMPLE = `targets:                       # multi-cluster / multi-environment fan-out
  - name: staging
    paths: ["clusters/staging/**"]
    images:
      - repository: ghcr.io/acme/app           # allow-list: nothing else is edited here
        policy: { semver: { range: ">=1.0.0-0" } }
  - name: production
    paths: ["clusters/prod/**"]
    images:
      - repository: ghcr.io/acme/app
        policy: { semver: { range: "^1.0.0" } }
    delivery: { mode: pull-request, merge: none, labels: [production] }
setters:                       # Flux marker keys -> image + policy
  "flux-system:app": { image: ghcr.io/acme/app, policy: { semver: { range: "1.0.x" } } }
overrides:                     # KCL override specs, per file
  - file: main.k
    spec: config.containers.flaskdemo.image
    image: kcllang/flask_demo
`;

function configIssues(text: string): readonly Diagnostic[] {
  try {
    parseConfig(text, FILE);
  } catch (error) {
    if (error instanceof ConfigError) return error.issues;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

/** The issues as a person reads them: `<file>:<line>: <message>`. */
function issues(text: string): readonly string[] {
  return configIssues(text).map(formatDiagnostic);
}

describe("parseConfig: the DESIGN §5 example", () => {
  const config = parseConfig(DESIGN_EXAMPLE, FILE);

  it("reads the targets with canonical repositories and working policies", () => {
    expect(config.targets.map((t) => ({ name: t.name, paths: t.paths, images: t.images.map((i) => [i.name, i.repository, i.policy?.description]) }))).toEqual([
      { name: "staging", paths: ["clusters/staging/**"], images: [["ghcr.io/acme/app", "ghcr.io/acme/app", "semver >=1.0.0-0"]] },
      { name: "production", paths: ["clusters/prod/**"], images: [["ghcr.io/acme/app", "ghcr.io/acme/app", "semver ^1.0.0"]] },
    ]);
    // staging takes release candidates, production does not.
    expect(config.targets[0]!.images[0]!.policy!.latest(["1.2.0", "1.3.0-rc.1"])).toBe("1.3.0-rc.1");
    expect(config.targets[1]!.images[0]!.policy!.latest(["1.2.0", "1.3.0-rc.1"])).toBe("1.2.0");
  });

  it("reads delivery only where it is given", () => {
    expect(config.targets[0]!.delivery).toBeUndefined();
    expect(config.targets[1]!.delivery).toEqual({ mode: "pull-request", merge: "none", labels: ["production"] });
  });

  it("reads setters by marker key and overrides with the image as written and canonical", () => {
    const setter = config.setters.get("flux-system:app");
    expect(setter && { name: setter.name, repository: setter.repository, policy: setter.policy?.description }).toEqual({
      name: "ghcr.io/acme/app",
      repository: "ghcr.io/acme/app",
      policy: "semver 1.0.x",
    });
    expect(config.overrides).toEqual([
      {
        file: "main.k",
        spec: "config.containers.flaskdemo.image",
        image: "kcllang/flask_demo",
        repository: "docker.io/kcllang/flask_demo",
        line: 16,
        specLine: 17,
        index: 0,
      },
    ]);
  });
});

describe("parseConfig: what is accepted", () => {
  it("reads an override of a field holding only the tag (part: tag), and keys with ':', '-' or '=' in quotes, in KCL and YAML", () => {
    const text =
      'overrides:\n  - file: main.k\n    spec: app.image.tag\n    image: ghcr.io/acme/app\n    part: tag\n  - file: main.k\n    spec: app.labels["a:b-"]\n    image: nginx\n  - file: main.k\n    spec: config["a=b"].image\n    image: nginx\n  - file: values.yaml\n    spec: labels["a=b"].image\n    image: nginx\n';
    expect(parseConfig(text, FILE).overrides).toEqual([
      { file: "main.k", spec: "app.image.tag", image: "ghcr.io/acme/app", repository: "ghcr.io/acme/app", part: "tag", line: 2, specLine: 3, index: 0 },
      { file: "main.k", spec: 'app.labels["a:b-"]', image: "nginx", repository: "docker.io/library/nginx", line: 6, specLine: 7, index: 1 },
      { file: "main.k", spec: 'config["a=b"].image', image: "nginx", repository: "docker.io/library/nginx", line: 9, specLine: 10, index: 2 },
      { file: "values.yaml", spec: 'labels["a=b"].image', image: "nginx", repository: "docker.io/library/nginx", line: 12, specLine: 13, index: 3 },
    ]);
  });

  it("reads an empty or comment-only file as no configuration", () => {
    for (const text of ["", "# nothing yet\n", "---\n"]) expect(parseConfig(text, FILE)).toEqual({ targets: [], setters: new Map(), overrides: [] });
  });

  it("keeps Docker Hub names as written and normalises the repository", () => {
    const config = parseConfig("targets:\n  - name: dev\n    paths: [dev/**]\n    images:\n      - repository: nginx\n", FILE);
    expect(config.targets[0]!.images[0]).toEqual({ name: "nginx", repository: "docker.io/library/nginx" });
  });

  it("reads paths written with Windows separators as the tree spells them, as the CLI's --path does", () => {
    const config = parseConfig(
      "targets:\n  - name: prod\n    paths: ['clusters\\prod\\**']\n    images: [{ repository: nginx }]\noverrides:\n  - file: 'apps\\web\\main.k'\n    spec: app.image\n    image: nginx\n",
      FILE,
    );
    expect(config.targets[0]!.paths).toEqual(["clusters/prod/**"]);
    expect(config.overrides[0]!.file).toBe("apps/web/main.k");
  });

  it("keeps the line of each target path, for warnings about it", () => {
    const config = parseConfig(
      "targets:\n  - name: prod\n    paths:\n      - deploy/prod\n      - kustomize/overlays/prod\n    images: [{ repository: nginx }]\n",
      FILE,
    );
    expect(config.targets[0]!.pathLines).toEqual([4, 5]);
  });

  it("reads every delivery field", () => {
    const text = `targets:
  - name: prod
    paths: [prod/**]
    images: [{ repository: ghcr.io/acme/app }]
    delivery:
      mode: pull-request
      merge: auto
      merge-method: squash
      branch: deploy/prod
      labels: [deploy]
      reviewers: [octocat]
      team-reviewers: [platform]
      assignees: [hubot]
      draft: false
      title: Deploy to prod
      commit-message: "chore(deploy): {{ .Values.env }}"
`;
    expect(parseConfig(text, FILE).targets[0]!.delivery).toEqual({
      mode: "pull-request",
      merge: "auto",
      mergeMethod: "squash",
      branch: "deploy/prod",
      labels: ["deploy"],
      reviewers: ["octocat"],
      teamReviewers: ["platform"],
      assignees: ["hubot"],
      draft: false,
      title: "Deploy to prod",
      commitMessage: "chore(deploy): {{ .Values.env }}",
    });
  });

  it("reads a commit-message template that parses, whatever fields it names: only a run has the data", () => {
    const text = `targets:
  - name: prod
    paths: [prod/**]
    images: [{ repository: ghcr.io/acme/app }]
    delivery:
      commit-message: |
        deploy {{ .Values.repository }}
        {{ range .Changed.Changes }}- {{ .OldValue }} -> {{ .NewValue }}
        {{ end }}
`;
    expect(parseConfig(text, FILE).targets[0]!.delivery!.commitMessage).toBe(
      "deploy {{ .Values.repository }}\n{{ range .Changed.Changes }}- {{ .OldValue }} -> {{ .NewValue }}\n{{ end }}\n",
    );
    expect(parseConfig(text.replace(".Values", ".Value"), FILE).targets[0]!.delivery!.commitMessage).toMatch(/^deploy \{\{ \.Value\.repository/);
  });

  it("reads an override its file's target allows, and one of a file in no target (skipped with a warning when a run brings its image)", () => {
    const text = `targets:
  - name: prod
    paths: [prod/**]
    images: [{ repository: ghcr.io/acme/app }]
overrides:
  - { file: prod/values.yaml, spec: appVersion, image: ghcr.io/acme/app, part: tag }
  - { file: tools/main.k, spec: config.image, image: kcllang/flask_demo }
`;
    expect(parseConfig(text, FILE).overrides.map((o) => o.file)).toEqual(["prod/values.yaml", "tools/main.k"]);
  });

  it("reads an override of a file in no target whose image no target lists, though its name is near one that does: ghcr.io/acme/api is no typo of ghcr.io/acme/app", () => {
    const text =
      "targets:\n  - name: prod\n    paths: [prod/**]\n    images: [{ repository: ghcr.io/acme/app }]\noverrides:\n  - { file: shared/values.yaml, spec: image, image: ghcr.io/acme/api }\n";
    expect(parseConfig(text, FILE).overrides.map((o) => o.image)).toEqual(["ghcr.io/acme/api"]);
  });

  it("reads an override of any image without targets: any image may come, and one that does not is simply not set", () => {
    expect(parseConfig("overrides:\n  - { file: main.k, spec: config.image, image: ghcr.io/acme/ap }\n", FILE).overrides).toHaveLength(1);
  });

  it("accepts filterTags next to the policy and YAML anchors", () => {
    const text = `setters:
  "apps:web": { image: ghcr.io/acme/web, policy: &main { numerical: {}, filterTags: { pattern: '^main-(?P<n>\\d+)$', extract: $n } } }
  "apps:api": { image: ghcr.io/acme/api, policy: *main }
`;
    const config = parseConfig(text, FILE);
    expect(config.setters.get("apps:api")!.policy!.latest(["main-9", "main-10", "pr-99"])).toBe("main-10");
  });

  it("leaves out a top-level x- key, as docker-compose does: the place for anchors that aliases of whole values name", () => {
    const text = `x-semver: &semver { semver: { range: "^1.0.0" } }
targets:
  - name: prod
    paths: [prod/**]
    images: [{ repository: ghcr.io/acme/app, policy: *semver }]
`;
    const config = parseConfig(text, FILE);
    expect(config.targets.map((t) => t.name)).toEqual(["prod"]);
    expect(config.targets[0]!.images[0]!.policy!.latest(["1.4.0", "2.0.0"])).toBe("1.4.0");
  });
});

describe("parseConfig: bad configuration, each with file, line and field", () => {
  it.each([
    [
      "a YAML syntax error",
      "targets:\n  - name: a\n    paths: [a/**\n",
      [`${FILE}:3: not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]`],
    ],
    ["a top level that is not a mapping", "- a\n- b\n", [`${FILE}:1: must be a mapping with targets, setters, overrides, not a list`]],
    [
      "an unknown top-level key",
      "setters: {}\ntarget: []\n",
      [`${FILE}:2: target: unknown key (expected targets, setters, overrides; a key starting with x- holds anchors and is not read)`],
    ],
    ["a duplicate key", "setters: {}\noverrides: []\nsetters: {}\n", [`${FILE}:3: setters: duplicate key (first at line 1)`]],
    ["targets that are not a list", "targets:\n  staging: {}\n", [`${FILE}:2: targets: must be a list, not a mapping`]],
    [
      // An empty allow-list would read as none: every image allowed everywhere.
      "an empty list of targets",
      "setters: {}\ntargets: []\n",
      [`${FILE}:2: targets: is empty; remove it to let every incoming image apply everywhere, or list at least one target (name, paths, images)`],
    ],
    [
      "an alias to an anchor not defined before it, at the alias",
      "targets:\n  - &a { name: a, paths: [a/**], images: [{ repository: ghcr.io/acme/app }] }\n  - *b\n",
      [`${FILE}:3: targets[1]: must be a mapping with name, paths, images, delivery, not *b, an alias with no anchor &b before it`],
    ],
    [
      "a target without name, paths and images",
      "targets:\n  - delivery: { mode: push }\n",
      [`${FILE}:2: targets[0]: name is required`, `${FILE}:2: targets[0]: paths is required`, `${FILE}:2: targets[0]: images is required`],
    ],
    [
      "an unknown key in a target",
      "targets:\n  - name: a\n    paths: [a/**]\n    images: [{ repository: nginx }]\n    path: [b/**]\n",
      [`${FILE}:5: targets[0].path: unknown key (expected name, paths, images, delivery)`],
    ],
    [
      "duplicate target names",
      "targets:\n  - name: prod\n    paths: [a/**]\n    images: [{ repository: nginx }]\n  - name: prod\n    paths: [b/**]\n    images: [{ repository: nginx }]\n",
      [`${FILE}:5: targets[1].name: duplicate target name "prod" (also targets[0], line 2)`],
    ],
    [
      "a target name that cannot be a branch name",
      "targets:\n  - name: my env\n    paths: [a/**]\n    images: [{ repository: nginx }]\n",
      [`${FILE}:2: targets[0].name: "my env" must start with a letter or digit and hold only letters, digits, '.', '_' and '-' (it names a branch)`],
    ],
    ["empty paths", "targets:\n  - name: a\n    paths: []\n    images: [{ repository: nginx }]\n", [`${FILE}:3: targets[0].paths: must not be empty`]],
    [
      "paths as a string",
      "targets:\n  - name: a\n    paths: a/**\n    images: [{ repository: nginx }]\n",
      [`${FILE}:3: targets[0].paths: must be a list of strings, not a string (a/**)`],
    ],
    [
      "a path outside the repository",
      "targets:\n  - name: a\n    paths:\n      - ok/**\n      - ../other/**\n      - /etc/**\n    images: [{ repository: nginx }]\n",
      [
        `${FILE}:5: targets[0].paths[1]: must stay inside the repository (no ".."): "../other/**"`,
        `${FILE}:6: targets[0].paths[2]: must be relative to the repository root, not "/etc/**"`,
      ],
    ],
    [
      "a path glob with a `{` left open, which would match no file",
      "targets:\n  - name: a\n    paths: ['clusters/{prod,staging/**']\n    images: [{ repository: nginx }]\n",
      [
        `${FILE}:3: targets[0].paths[0]: "clusters/{prod,staging/**" has a "{" that no "}" closes, so it matches no file: close it (e.g. "{a,b}"), or write "[{]" to match a "{"`,
      ],
    ],
    [
      "a path outside the repository beside one that is no string: both said at once",
      "targets:\n  - name: a\n    paths:\n      - 5\n      - ../other/**\n    images: [{ repository: nginx }]\n",
      [
        `${FILE}:4: targets[0].paths[0]: must be a string, not a number (5) (quote it: "5")`,
        `${FILE}:5: targets[0].paths[1]: must stay inside the repository (no ".."): "../other/**"`,
      ],
    ],
    [
      "a path outside the repository in Windows spelling",
      "targets:\n  - name: a\n    paths: ['..\\other\\**', 'C:\\deploy\\**']\n    images: [{ repository: nginx }]\n",
      [
        `${FILE}:3: targets[0].paths[0]: must stay inside the repository (no ".."): "../other/**"`,
        `${FILE}:3: targets[0].paths[1]: must be relative to the repository root, not "C:/deploy/**"`,
      ],
    ],
    [
      "empty images",
      "targets:\n  - name: a\n    paths: [a/**]\n    images: []\n",
      [`${FILE}:4: targets[0].images: must not be empty (it is the list of images this target allows)`],
    ],
    [
      "an invalid image repository",
      "targets:\n  - name: a\n    paths: [a/**]\n    images:\n      - repository: ghcr.io/Acme/App\n",
      [`${FILE}:5: targets[0].images[0].repository: invalid image reference "ghcr.io/Acme/App": repository component "Acme" must be lower-case`],
    ],
    [
      "a repository with a tag",
      "targets:\n  - name: a\n    paths: [a/**]\n    images:\n      - repository: ghcr.io/acme/app:1.2.3\n",
      [`${FILE}:5: targets[0].images[0].repository: "ghcr.io/acme/app:1.2.3" has a tag; give the repository only (the incoming image brings the version)`],
    ],
    [
      "the same repository twice in a target",
      "targets:\n  - name: a\n    paths: [a/**]\n    images:\n      - repository: nginx\n      - repository: docker.io/library/nginx\n",
      [`${FILE}:6: targets[0].images[1].repository: docker.io/library/nginx is already listed (targets[0].images[0], line 5)`],
    ],
    [
      "an invalid semver range, on its own line inside a policy",
      "targets:\n  - name: a\n    paths: [a/**]\n    images:\n      - repository: nginx\n        policy:\n          semver:\n            range: 1.0.0p\n",
      [`${FILE}:8: targets[0].images[0].policy.semver.range: invalid range "1.0.0p"`],
    ],
    [
      "an invalid range in a flow mapping (the second target, like the DESIGN example)",
      'targets:\n  - name: a\n    paths: [a/**]\n    images: [{ repository: nginx }]\n  - name: b\n    paths: [b/**]\n    images:\n      - repository: nginx\n        policy: { semver: { range: "*-*" } }\n',
      [`${FILE}:9: targets[1].images[0].policy.semver.range: invalid range "*-*"`],
    ],
    [
      "a range YAML reads as a number",
      "setters:\n  ns:app:\n    image: nginx\n    policy: { semver: { range: 1.0 } }\n",
      [`${FILE}:4: setters["ns:app"].policy.semver.range: must be a string, not a number (1) (quote it: "1")`],
    ],
    [
      "an invalid filterTags regex",
      "setters:\n  ns:app:\n    image: nginx\n    policy:\n      alphabetical: {}\n      filterTags:\n        pattern: '^(?=main)'\n",
      [`${FILE}:7: setters["ns:app"].policy.filterTags.pattern: invalid regular expression "^(?=main)": invalid or unsupported Perl syntax "(?="`],
    ],
    [
      "a filterTags pattern copied from argocd-image-updater's allow-tags, with its regexp: prefix",
      "targets:\n  - name: prod\n    paths: [apps/**]\n    images:\n      - repository: ghcr.io/acme/worker\n        policy:\n          semver: { range: 1.x }\n          filterTags: { pattern: 'regexp:^v?1\\.\\d+\\.\\d+$' }\n",
      [`${FILE}:8: targets[0].images[0].policy.filterTags.pattern: \`regexp:\` is argocd-image-updater's prefix; filterTags takes the bare expression`],
    ],
    [
      "a text nested thousands deep, which overflows the parser: said once, as nested too deep",
      `targets: ${"[".repeat(20_000)}${"]".repeat(20_000)}\n`,
      [`${FILE}:1: nested too deep to read (Maximum call stack size exceeded)`],
    ],
    [
      "a filterTags extract naming groups its pattern lacks, which would expand to nothing for every tag",
      "setters:\n  ns:app:\n    image: nginx\n    policy:\n      numerical: {}\n      filterTags:\n        pattern: '^main-(?P<ts>[0-9]+)$'\n        extract: '$nope-${2}'\n",
      [
        `${FILE}:8: setters["ns:app"].policy.filterTags.extract: $nope and \${2} name no group of the pattern (its groups: $ts), so it expands to nothing for every tag`,
      ],
    ],
    [
      "a target that merges another with <<, which the configuration does not read",
      "targets:\n  - &staging\n    name: staging\n    paths: [apps/**]\n    images: [{ repository: nginx }]\n  - <<: *staging\n    name: prod\n",
      [
        `${FILE}:6: targets[1]["<<"]: a YAML merge key, which the configuration does not read: write the keys out, or alias a whole value (\`policy: *name\`); unknown key (expected name, paths, images, delivery)`,
        `${FILE}:6: targets[1]: paths is required`,
        `${FILE}:6: targets[1]: images is required`,
      ],
    ],
    [
      "an extract beside a pattern with no group",
      "setters:\n  ns:app:\n    image: nginx\n    policy:\n      alphabetical: {}\n      filterTags: { pattern: '^v[0-9]+$', extract: '$1' }\n",
      [`${FILE}:6: setters["ns:app"].policy.filterTags.extract: $1 names no group of the pattern (it has none), so it expands to nothing for every tag`],
    ],
    [
      "a regexp: prefix beside a bad order: both said at once",
      "targets:\n  - name: prod\n    paths: [apps/**]\n    images:\n      - repository: ghcr.io/acme/worker\n        policy:\n          alphabetical: { order: up }\n          filterTags: { pattern: 'regexp:^v' }\n",
      [
        `${FILE}:7: targets[0].images[0].policy.alphabetical.order: must be asc or desc, not "up"`,
        `${FILE}:8: targets[0].images[0].policy.filterTags.pattern: \`regexp:\` is argocd-image-updater's prefix; filterTags takes the bare expression`,
      ],
    ],
    [
      "a policy with two kinds and a bad order",
      "setters:\n  ns:app:\n    image: nginx\n    policy:\n      numerical: { order: newest }\n      alphabetical: {}\n",
      [
        `${FILE}:5: setters["ns:app"].policy.numerical: only one of semver, alphabetical, numerical may be set (alphabetical and numerical are)`,
        `${FILE}:5: setters["ns:app"].policy.numerical.order: must be asc or desc, not "newest"`,
      ],
    ],
    [
      "a setter key with a marker suffix, and one that is no key at all",
      'setters:\n  "flux-system:app:tag": { image: nginx }\n  flux-system/app: { image: nginx }\n',
      [
        `${FILE}:2: setters["flux-system:app:tag"]: drop the ":tag" suffix: one setter serves the plain, :tag, :name and :digest markers`,
        `${FILE}:3: setters["flux-system/app"]: a setter key is "<namespace>:<policy name>" as in the marker # {"$imagepolicy": "flux-system:app"}`,
      ],
    ],
    ["a setter without image", "setters:\n  ns:app:\n    policy: { alphabetical: {} }\n", [`${FILE}:3: setters["ns:app"]: image is required`]],
    [
      "bad delivery enums",
      "targets:\n  - name: a\n    paths: [a/**]\n    images: [{ repository: nginx }]\n    delivery:\n      mode: pr\n      merge: later\n      merge-method: fast-forward\n",
      [
        `${FILE}:6: targets[0].delivery.mode: must be one of push, pull-request, none, not "pr"`,
        `${FILE}:7: targets[0].delivery.merge: must be one of none, auto, immediate, not "later"`,
        `${FILE}:8: targets[0].delivery.merge-method: must be one of merge, squash, rebase, not "fast-forward"`,
      ],
    ],
    [
      "merge settings with a direct push",
      "targets:\n  - name: a\n    paths: [a/**]\n    images: [{ repository: nginx }]\n    delivery: { mode: push, merge: auto }\n",
      [`${FILE}:5: targets[0].delivery.merge: only applies to mode pull-request (mode is push)`],
    ],
    [
      "team reviewers and assignees with a direct push, as reviewers and labels",
      "targets:\n  - name: a\n    paths: [a/**]\n    images: [{ repository: nginx }]\n    delivery: { mode: none, team-reviewers: [sre], assignees: [alice] }\n",
      [
        `${FILE}:5: targets[0].delivery.team-reviewers: only applies to mode pull-request (mode is none)`,
        `${FILE}:5: targets[0].delivery.assignees: only applies to mode pull-request (mode is none)`,
      ],
    ],
    [
      "reviewers, teams and assignees written as mentions, which GitHub refuses once the pull request is open",
      'targets:\n  - name: a\n    paths: [a/**]\n    images: [{ repository: nginx }]\n    delivery:\n      mode: pull-request\n      reviewers: [alice, "@bob"]\n      team-reviewers: ["@acme/sre"]\n      assignees:\n        - "@carol"\n',
      [
        `${FILE}:7: targets[0].delivery.reviewers[1]: "@bob" is written as a mention: give bob, without the @`,
        `${FILE}:8: targets[0].delivery.team-reviewers[0]: "@acme/sre" is written as a mention: give acme/sre, without the @`,
        `${FILE}:10: targets[0].delivery.assignees[0]: "@carol" is written as a mention: give carol, without the @`,
      ],
    ],
    [
      "a bad branch, labels that are not a list, and draft that is not a boolean",
      "targets:\n  - name: a\n    paths: [a/**]\n    images: [{ repository: nginx }]\n    delivery:\n      branch: deploy..prod\n      labels: deploy\n      draft: yes\n",
      [
        `${FILE}:6: targets[0].delivery.branch: "deploy..prod" is not a valid branch name`,
        `${FILE}:7: targets[0].delivery.labels: must be a list of strings, not a string (deploy)`,
        `${FILE}:8: targets[0].delivery.draft: must be true or false, not a string (yes)`,
      ],
    ],
    [
      "an override with a value in its spec, a missing image and an unknown key",
      'overrides:\n  - file: main.k\n    spec: config.image="x:1"\n    files: [a.k]\n',
      [
        `${FILE}:2: overrides[0]: image is required`,
        `${FILE}:3: overrides[0].spec: is the path only ("config.image"); the value comes from the incoming image`,
        `${FILE}:4: overrides[0].files: unknown key (expected file, spec, image, part)`,
      ],
    ],
    [
      "KCL override specs with a -O operator: the spec is the path, the incoming image the value",
      'overrides:\n  - { file: main.k, spec: a.b.image-, image: nginx }\n  - { file: main.k, spec: "a.b.image:", image: nginx }\n  - { file: main.k, spec: "a.b+=[1]", image: nginx }\n',
      [
        `${FILE}:2: overrides[0].spec: is a path: the -O operator "-" is not allowed here (the override sets the field from the incoming image)`,
        `${FILE}:3: overrides[1].spec: is a path: the -O operator ":" is not allowed here (the override sets the field from the incoming image)`,
        `${FILE}:4: overrides[2].spec: is the path only ("a.b"); the value comes from the incoming image`,
      ],
    ],
    [
      "an override part that is not tag",
      "overrides:\n  - file: values.yaml\n    spec: image.version\n    image: nginx\n    part: version\n",
      [`${FILE}:5: overrides[0].part: must be tag (a field holding only the image's tag), not "version"; leave part out to write the whole reference`],
    ],
    [
      "an override part that YAML reads as a boolean: told what it may be, not to quote it",
      "overrides:\n  - file: values.yaml\n    spec: image.version\n    image: nginx\n    part: true\n",
      [`${FILE}:5: overrides[0].part: must be tag (a field holding only the image's tag), not a boolean (true); leave part out to write the whole reference`],
    ],
    [
      "an override of a file that is neither KCL nor YAML",
      "overrides:\n  - file: main.json\n    spec: a.b\n    image: nginx\n",
      [`${FILE}:2: overrides[0].file: "main.json" is neither a KCL (.k) nor a YAML file`],
    ],
    [
      "an override of a kcl.mod, whose [profile] overrides only the incoming image moves",
      "overrides:\n  - file: apps/kcl.mod\n    spec: app.image\n    image: nginx\n",
      [
        `${FILE}:2: overrides[0].file: "apps/kcl.mod": a kcl.mod is not a file --set or an override edits (not supported): the images its [profile] overrides hold move by repository with the incoming image, and anything else there is edited by hand`,
      ],
    ],
    [
      "merge as a boolean: told the choices, not to quote it",
      "targets:\n  - name: a\n    paths: [a/**]\n    images: [{ repository: nginx }]\n    delivery: { mode: pull-request, merge: true, merge-method: 1 }\n",
      [
        `${FILE}:5: targets[0].delivery.merge: must be one of none, auto, immediate, not a boolean (true)`,
        `${FILE}:5: targets[0].delivery.merge-method: must be one of merge, squash, rebase, not a number (1)`,
      ],
    ],
    [
      "a commit-message template that does not parse, on one line",
      'targets:\n  - name: s\n    paths: ["apps/**"]\n    images: [{ repository: nginx }]\n    delivery:\n      mode: push\n      commit-message: "{{ range .Changed.Changes }}"\n',
      [`${FILE}:7: targets[0].delivery.commit-message: missing {{end}} for this {{range}}`],
    ],
    [
      "a commit-message template in a literal block: at the line of the template where it is wrong",
      "targets:\n  - name: s\n    paths: [apps/**]\n    images: [{ repository: nginx }]\n    delivery:\n      commit-message: |\n        deploy\n\n        {{ frobnicate .Values }}\n",
      [`${FILE}:9: targets[0].delivery.commit-message: function "frobnicate" not defined`],
    ],
    [
      "a commit-message template whose lines the file folds or escapes: at its first line, naming the template's",
      'targets:\n  - name: s\n    paths: [apps/**]\n    images: [{ repository: nginx }]\n    delivery:\n      commit-message: "deploy\\n\\n{{ if .Values.x }}"\n',
      [`${FILE}:6: targets[0].delivery.commit-message: template line 3: missing {{end}} for this {{if}}`],
    ],
    [
      "an override of a file whose target does not allow its image (a typo), nor another repository",
      `targets:
  - name: staging
    paths: ["clusters/staging/**"]
    images: [{ repository: ghcr.io/acme/app }, { repository: ghcr.io/acme/sidecar }]
  - name: production
    paths: ["clusters/prod/**"]
    images: [{ repository: ghcr.io/acme/app }]
overrides:
  - file: clusters/prod/app/values.yaml
    spec: appVersion
    image: ghcr.io/acme/ap
    part: tag
  - file: clusters/prod/app/values.yaml
    spec: sidecar.image
    image: ghcr.io/acme/sidecar
`,
      [
        `${FILE}:11: overrides[0].image: target production, whose paths hold clusters/prod/app/values.yaml, does not allow ghcr.io/acme/ap, so this override never applies (did you mean ghcr.io/acme/app?)`,
        `${FILE}:15: overrides[1].image: target production, whose paths hold clusters/prod/app/values.yaml, does not allow ghcr.io/acme/sidecar, so this override never applies`,
      ],
    ],
    [
      "an override file outside the repository",
      "overrides:\n  - file: ../x/main.k\n    spec: a.b\n    image: nginx\n",
      [`${FILE}:2: overrides[0].file: must stay inside the repository (no ".."): "../x/main.k"`],
    ],
  ])("%s", (_label, text, expected) => {
    expect(issues(text)).toEqual(expected);
  });

  it("reports every problem of the file at once, in file order, in the error message too", () => {
    const text = "targets:\n  - name: a\n    paths: []\n    images: [{ repository: ghcr.io/acme/app:1 }]\nsetters:\n  bad: { image: nginx }\n";
    const expected = [
      `${FILE}:3: targets[0].paths: must not be empty`,
      `${FILE}:4: targets[0].images[0].repository: "ghcr.io/acme/app:1" has a tag; give the repository only (the incoming image brings the version)`,
      `${FILE}:6: setters.bad: a setter key is "<namespace>:<policy name>" as in the marker # {"$imagepolicy": "flux-system:app"}`,
    ];
    expect(issues(text)).toEqual(expected);
    expect(() => parseConfig(text, FILE)).toThrow(expected.join("\n"));
  });

  it("says each problem's line in the error message of a text with no file name: a message logged alone still says where", () => {
    const text = "targets:\n  - name: prod\n    paths: x\n";
    expect(() => parseConfig(text)).toThrow("line 2: targets[0]: images is required\nline 3: targets[0].paths: must be a list of strings, not a string (x)");
    // An object has no lines to tell.
    expect(() => parseConfig({ targets: [{ name: "prod", paths: "x" }] })).toThrow(
      /^targets\[0\]: images is required\ntargets\[0\]\.paths: must be a list of strings/,
    );
  });

  it("says a file of several YAML documents is not one configuration, in its own words", () => {
    expect(issues("targets: []\n---\nsetters: {}\n")).toEqual([`${FILE}:2: holds several YAML documents (---); the configuration is one document`]);
  });

  it("does not take an override for one a target refused for another reason: that target is told, not the override", () => {
    const text =
      "targets:\n  - name: my env\n    paths: [prod/**]\n    images: [{ repository: ghcr.io/acme/app }]\noverrides:\n  - { file: prod/values.yaml, spec: image, image: ghcr.io/acme/app }\n";
    expect(issues(text)).toEqual([
      `${FILE}:2: targets[0].name: "my env" must start with a letter or digit and hold only letters, digits, '.', '_' and '-' (it names a branch)`,
    ]);
  });

  it("gives each issue's file and line apart from its message, for annotations", () => {
    expect(configIssues("setters: {}\ntarget: []\n")).toEqual([
      { file: FILE, line: 2, message: "target: unknown key (expected targets, setters, overrides; a key starting with x- holds anchors and is not read)" },
    ]);
    expect(configIssues("targets:\n  - name: a\n    paths: [a/**\n")).toEqual([
      { file: FILE, line: 3, message: "not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]" },
    ]);
  });
});

describe("parseConfig: an object, as the text would parse to", () => {
  it("reads it as the text, with no lines to tell", () => {
    const fromText = parseConfig(DESIGN_EXAMPLE, FILE);
    const fromObject = parseConfig(parse(DESIGN_EXAMPLE) as object);
    const withoutLines = (config: typeof fromText) => ({
      ...config,
      targets: config.targets.map((t) => ({ ...t, pathLines: [] })),
      overrides: config.overrides.map(({ line: _, specLine: __, ...o }) => o),
    });
    expect(JSON.stringify(fromObject, mapsAsEntries)).toBe(JSON.stringify(withoutLines(fromText), mapsAsEntries));
    expect(fromObject.targets[1]!.images[0]!.policy!.latest(["1.2.0", "2.0.0"])).toBe("1.2.0");
  });

  it("reports every problem by its path, on the file when one is named, on no line", () => {
    const shared = { repository: "nginx:1.25" };
    const config = {
      targets: [
        { name: "prod", paths: "apps", images: [shared] },
        { name: "prod", paths: ["b"], images: [shared] },
      ],
      extra: 1,
    };
    expect(() => parseConfig(config, "platform.ts")).toThrow(ConfigError);
    try {
      parseConfig(config, "platform.ts");
    } catch (error) {
      expect((error as ConfigError).issues).toEqual([
        { file: "platform.ts", message: "extra: unknown key (expected targets, setters, overrides; a key starting with x- holds anchors and is not read)" },
        { file: "platform.ts", message: "targets[0].paths: must be a list of strings, not a string (apps)" },
        {
          file: "platform.ts",
          message: 'targets[0].images[0].repository: "nginx:1.25" has a tag; give the repository only (the incoming image brings the version)',
        },
        { file: "platform.ts", message: 'targets[1].name: duplicate target name "prod" (also targets[0])' },
        {
          file: "platform.ts",
          message: 'targets[1].images[0].repository: "nginx:1.25" has a tag; give the repository only (the incoming image brings the version)',
        },
      ]);
    }
    expect(() => parseConfig({ setters: { "flux-system:app": { image: "ghcr.io/acme/app", policy: { semver: {} } } } })).toThrow(
      'setters["flux-system:app"].policy.semver: range is required',
    );
  });

  it("names the line in a commit-message template, which no line of a file shows", () => {
    const delivery = { "commit-message": "deploy\n{{ if .Values.x }}" };
    expect(() => parseConfig({ targets: [{ name: "prod", paths: ["apps"], images: [{ repository: "nginx" }], delivery }] })).toThrow(
      "targets[0].delivery.commit-message: template line 2: missing {{end}} for this {{if}}",
    );
  });
});

/** JSON.stringify's replacer for a Config, whose setters are a Map. */
function mapsAsEntries(_key: string, value: unknown): unknown {
  return value instanceof Map ? [...value] : value;
}
