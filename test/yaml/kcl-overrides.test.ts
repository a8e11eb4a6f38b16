/** Images in KCL settings kept in YAML (a flux-kcl-controller KCLRun's `spec.config.overrides` and `-D` `arguments`, a kcl.yaml's `kcl_cli_configs.overrides` and `kcl_options`), edited inside their strings. */
import { describe, expect, it } from "vitest";
import type { EditRequest } from "../../src/change.js";
import { planUpdate } from "../../src/engine/plan.js";
import type { TreeSource } from "../../src/engine/source.js";
import { parseOverrideSpec } from "../../src/kcl/override-spec.js";
import { stringLiteralValue } from "../../src/kcl/string-literal.js";
import { editYaml, runEditors } from "../../src/yaml/editor.js";
import { editKclOverrideSpecs } from "../../src/yaml/kcl-overrides.js";
import { DIGEST_A, dataOf, numericVersions, update, withImages, withSetters } from "./helpers.js";

const edit = (text: string, request: EditRequest) => runEditors(text, request, [editKclOverrideSpecs]);

/** A KCLRun whose override list is `items`, one YAML line each. */
const kclRun = (...items: string[]) => `apiVersion: krm.kcl.dev.fluxcd/v1alpha1
kind: KCLRun
metadata:
  name: guestbook
  namespace: flux-system
spec:
  interval: 1m
  path: ./appops/guestbook/prod
  sourceRef:
    kind: GitRepository
    name: flux-system
  config:
    overrides:
${items.map((item) => `      - ${item}\n`).join("")}`;

/** The override specs of the KCLRun, each as KCL reads its string; fails the test when the YAML does not parse. */
function specsOf(text: string) {
  const run = (dataOf(text) as { kind: string; spec: { config: { overrides: string[] } } }[]).find((document) => document.kind === "KCLRun");
  return run!.spec.config.overrides.map((spec) => parseOverrideSpec(spec));
}

/** The review's reproduction (review-kcl.md finding 5): Flux image objects and a KCLRun pinning the image in one file. */
const FLUX_SYSTEM = `apiVersion: image.toolkit.fluxcd.io/v1beta2
kind: ImageRepository
metadata:
  name: guestbook
  namespace: flux-system
spec:
  image: ghcr.io/acme/guestbook
  interval: 5m
---
apiVersion: image.toolkit.fluxcd.io/v1beta2
kind: ImagePolicy
metadata:
  name: guestbook
  namespace: flux-system
spec:
  imageRepositoryRef:
    name: guestbook
  policy:
    semver:
      range: ^1.0.0
---
${kclRun('guestbookFrontend.image="ghcr.io/acme/guestbook:1.0.0"')}`;

describe("editKclOverrideSpecs", () => {
  it("edits the image inside a KCLRun's override spec, and only its bytes (the review's reproduction)", () => {
    const { text: out, changes, warnings } = editYaml(FLUX_SYSTEM, withImages("ghcr.io/acme/guestbook:1.3.0"));
    expect(out).toBe(FLUX_SYSTEM.replace("guestbook:1.0.0", "guestbook:1.3.0"));
    expect(changes.map((c) => [c.line, c.kind, c.key, c.old, c.new])).toEqual([
      [35, "override", "spec.config.overrides[0]: guestbookFrontend.image", "ghcr.io/acme/guestbook:1.0.0", "ghcr.io/acme/guestbook:1.3.0"],
    ]);
    expect(changes[0]!.object).toEqual({ apiVersion: "krm.kcl.dev.fluxcd/v1alpha1", kind: "KCLRun", namespace: "flux-system", name: "guestbook" });
    expect(warnings).toEqual([]);
    expect(specsOf(out)).toEqual([
      { path: "guestbookFrontend.image", parts: ["guestbookFrontend", "image"], operation: "=", value: '"ghcr.io/acme/guestbook:1.3.0"' },
    ]);
  });

  it("keeps the YAML string's style and the KCL literal's quotes, and writes an unquoted value unquoted again", () => {
    const items = [
      `a.image="ghcr.io/acme/app:1.0.0"`,
      `'b.image="ghcr.io/acme/app:1.0.0"'`,
      `"c.image=\\"ghcr.io/acme/app:1.0.0\\""`,
      `d.image='ghcr.io/acme/app:1.0.0'`,
      `'e.image=''ghcr.io/acme/app:1.0.0'''`,
      `"f.image='ghcr.io/acme/app:1.0.0'"`,
      `g.image:r"ghcr.io/acme/app:1.0.0"`,
      `h.image = """ghcr.io/acme/app:1.0.0"""`,
      `config.containers["web.app"].image=ghcr.io/acme/app:1.0.0`,
    ];
    const text = kclRun(...items);
    const { text: out, changes, warnings } = edit(text, withImages("ghcr.io/acme/app:1.1.0"));
    expect(out).toBe(text.replaceAll("app:1.0.0", "app:1.1.0"));
    expect(changes.map((c) => c.key)).toEqual([
      "spec.config.overrides[0]: a.image",
      "spec.config.overrides[1]: b.image",
      "spec.config.overrides[2]: c.image",
      "spec.config.overrides[3]: d.image",
      "spec.config.overrides[4]: e.image",
      "spec.config.overrides[5]: f.image",
      "spec.config.overrides[6]: g.image",
      "spec.config.overrides[7]: h.image",
      'spec.config.overrides[8]: config.containers["web.app"].image',
    ]);
    expect(warnings).toEqual([]);
    // Each string still reads as the same spec, now setting the new image (unquoted: KCL's binary-to-string rule).
    const values = specsOf(out).map(({ operation, value }) => [operation, /^[rR]?["']/.test(value) ? stringLiteralValue(value) : value]);
    expect(values).toEqual([
      ...Array(6).fill(["=", "ghcr.io/acme/app:1.1.0"]),
      [":", "ghcr.io/acme/app:1.1.0"],
      ...Array(2).fill(["=", "ghcr.io/acme/app:1.1.0"]),
    ]);
  });

  it("edits specs in a flow list and keeps a digest and a Docker Hub name as written", () => {
    const text = `apiVersion: krm.kcl.dev.fluxcd/v1alpha1
kind: KCLRun
spec:
  config: {overrides: ['app.image="ghcr.io/acme/app:1.0.0"', proxy.image="nginx:1.25"]}
`;
    const { text: out, changes } = edit(text, withImages(`ghcr.io/acme/app:1.1.0@${DIGEST_A}`, "docker.io/library/nginx:1.27"));
    expect(out).toBe(text.replace("app:1.0.0", `app:1.1.0@${DIGEST_A}`).replace("nginx:1.25", "nginx:1.27"));
    expect(changes.map((c) => [c.line, c.old, c.new])).toEqual([
      [4, "ghcr.io/acme/app:1.0.0", `ghcr.io/acme/app:1.1.0@${DIGEST_A}`],
      [4, "nginx:1.25", "nginx:1.27"],
    ]);
  });

  it("keeps a newer tag its policy ranks higher, and says so at the spec", () => {
    const text = kclRun('app.image="ghcr.io/acme/app:1.3.0"');
    const { text: out, changes, warnings } = edit(text, withImages(update("ghcr.io/acme/app:1.2.0", numericVersions)));
    expect(out).toBe(text);
    expect(changes).toEqual([]);
    expect(warnings).toEqual([
      {
        line: 14,
        message:
          "spec.config.overrides[0]: app.image keeps 1.3.0, which its policy (highest dotted number) ranks above the incoming 1.2.0 (allow-downgrade sets it anyway)",
      },
    ]);
  });

  it("leaves specs that set no image of the request alone, without a word", () => {
    const text = kclRun(
      'app.image="ghcr.io/acme/other:1.0.0"',
      'app.args="--image=ghcr.io/acme/app:1.0.0"',
      "app.image-",
      'app.images+="ghcr.io/acme/app:1.0.0"',
      'app.image="ghcr.io/acme/app:1.1.0"',
      "replicas=3",
      "....",
    );
    expect(edit(text, withImages("ghcr.io/acme/app:1.1.0"))).toEqual({ text, changes: [], warnings: [] });
  });

  it("leaves the same field alone outside a KCLRun: another kind, or another group's KCLRun", () => {
    const text = `apiVersion: v1
kind: ConfigMap
spec:
  config:
    overrides:
      - app.image="ghcr.io/acme/app:1.0.0"
---
apiVersion: example.com/v1
kind: KCLRun
spec:
  config:
    overrides:
      - app.image="ghcr.io/acme/app:1.0.0"
`;
    expect(editYaml(text, withImages("ghcr.io/acme/app:1.1.0"))).toEqual({ text, changes: [], warnings: [] });
  });

  it("names an image of the repository it cannot edit exactly, at its line, and leaves it", () => {
    const text = kclRun(
      'a.image="ghcr.io/acme/app:${tag}"',
      'b.image="ghcr.io/acme/app:1.0.0" + "-debug"',
      "c.image=nginx:1.25",
      'd.image={name = "ghcr.io/acme/app:1.0.0"}',
      'e.image="ghcr.io/acme/app"',
      '>-\n        f.image="ghcr.io/acme/app:1.0.0"',
    );
    const { text: out, changes, warnings } = edit(text, withImages("ghcr.io/acme/app:1.1.0", "nginx:1.27"));
    expect(out).toBe(text);
    expect(changes).toEqual([]);
    // Each says what is wrong, what stays, and what to write instead.
    const pins = "which is not edited, so the image this spec pins stays as it is";
    expect(warnings).toEqual([
      {
        line: 14,
        message: `spec.config.overrides[0]: a.image holds ghcr.io/acme/app in an interpolated string, ${pins}; write the version in the string itself, not through \${…}: a.image="ghcr.io/acme/app:<tag>"`,
      },
      {
        line: 15,
        message: `spec.config.overrides[1]: b.image holds ghcr.io/acme/app:1.0.0 in an expression (KCL reads it as the string of its whole text), ${pins}; write the reference alone as one quoted string: b.image="ghcr.io/acme/app:1.0.0"`,
      },
      {
        line: 16,
        message: `spec.config.overrides[2]: c.image holds nginx:1.25 in a value of which KCL keeps only 'nginx', ${pins}; quote a string value: c.image="nginx:1.25"`,
      },
      {
        line: 17,
        message: `spec.config.overrides[3]: d.image holds ghcr.io/acme/app:1.0.0 in an expression, ${pins}; set the image in a spec of its own whose value is one quoted string (<field>="ghcr.io/acme/app:1.0.0")`,
      },
      { line: 18, message: expect.stringMatching(/^spec\.config\.overrides\[4\]: e\.image holds ghcr\.io\/acme\/app with no tag or digest/) },
      {
        line: 19,
        message:
          "spec.config.overrides[5]: f.image holds ghcr.io/acme/app in a folded (>) string, which is not edited; write the spec as a plain or quoted one-line string",
      },
    ]);
  });

  it("edits a spec in a double-quoted string with escapes of its own, keeping them: only what changes is written again", () => {
    // YAML decodes \x22 and \u0022 to '"': KCL receives a.image="ghcr.io/acme/app:1.0.0", a quoted string it sets.
    const text = kclRun(
      '"a.image=\\x22ghcr.io/acme/app:1.0.0\\x22"',
      '"b.image=\\u0022ghcr.io/acme/app:1.0.0\\u0022"',
      '"c.image=\\"ghcr.io/acme/app:1.0.\\x30\\""',
    );
    const { text: out, changes, warnings } = editYaml(text, withImages("ghcr.io/acme/app:1.1.0"));
    expect(out).toBe(text.replaceAll("1.0.0", "1.1.0").replace("1.0.\\x30", "1.1.\\x30"));
    expect(changes.map((c) => [c.line, c.key, c.new])).toEqual([
      [14, "spec.config.overrides[0]: a.image", "ghcr.io/acme/app:1.1.0"],
      [15, "spec.config.overrides[1]: b.image", "ghcr.io/acme/app:1.1.0"],
      [16, "spec.config.overrides[2]: c.image", "ghcr.io/acme/app:1.1.0"],
    ]);
    expect(warnings).toEqual([]);
    // What KCL receives: the same quoted literal, holding the new reference.
    expect(specsOf(out).map((spec) => stringLiteralValue(spec.value))).toEqual(Array(3).fill("ghcr.io/acme/app:1.1.0"));
    // In a flow sequence, and marked with a Flux marker, it is set the same way.
    const flow = text.replace(/ {4}overrides:\n[^]*$/, '    overrides: ["a.image=\\x22ghcr.io/acme/app:1.0.0\\x22", "b=1"]\n');
    expect(editYaml(flow, withImages("ghcr.io/acme/app:1.1.0")).changes.map((c) => [c.line, c.key])).toEqual([[13, "spec.config.overrides[0]: a.image"]]);
    expect(editYaml(flow, withImages("ghcr.io/acme/app:1.1.0")).text).toBe(flow.replace("1.0.0", "1.1.0"));
    const marked = kclRun('"a.image=\\x22ghcr.io/acme/app:1.0.0\\x22" # {"$imagepolicy": "flux-system:app"}');
    expect(editYaml(marked, withSetters({ "flux-system:app": "ghcr.io/acme/app:1.1.0" })).text).toBe(marked.replace("1.0.0", "1.1.0"));
  });

  it("names an expression's image only when it would move: a {repository, tag} already at the incoming tag is quiet", () => {
    const text = kclRun(`'web.image={repository = "ghcr.io/acme/web", tag = "1.0.0"}'`);
    expect(edit(text, withImages("ghcr.io/acme/web:1.0.0"))).toEqual({ text, changes: [], warnings: [] });
    expect(edit(text, withImages("ghcr.io/acme/web:2.0.0")).warnings).toEqual([
      {
        line: 14,
        message:
          'spec.config.overrides[0]: web.image holds ghcr.io/acme/web in an expression, which is not edited, so the image this spec pins stays as it is; set the image in a spec of its own whose value is one quoted string (<field>="ghcr.io/acme/web:<tag>")',
      },
    ]);
  });

  it("leaves a spec with a Flux marker on its line to the marker", () => {
    const text = kclRun('app.image="ghcr.io/acme/app:1.0.0" # {"$imagepolicy": "flux-system:app"}');
    const { text: out, changes, warnings } = editYaml(text, withImages("ghcr.io/acme/app:1.1.0"));
    expect([out, changes]).toEqual([text, []]);
    expect(warnings.map((w) => w.message)).toEqual(['no image is configured for Flux setter "flux-system:app"; the marked value is left as it is']);
  });

  it("edits a KCL settings file's kcl_cli_configs.overrides, which `kcl -Y kcl.yaml` applies the same way", () => {
    const text = `kcl_cli_configs:
  files:
    - main.k
  overrides:
    - appConfiguration.image="ghcr.io/acme/app:1.2.3"
    - appConfiguration.replicas=2
`;
    const { text: out, changes } = editYaml(text, withImages("ghcr.io/acme/app:1.2.4"));
    expect(out).toBe(text.replace("app:1.2.3", "app:1.2.4"));
    expect(changes.map((c) => [c.line, c.kind, c.key, c.old, c.new])).toEqual([
      [5, "override", "kcl_cli_configs.overrides[0]: appConfiguration.image", "ghcr.io/acme/app:1.2.3", "ghcr.io/acme/app:1.2.4"],
    ]);
    const options = "kcl_cli_configs:\n  files: [main.k]\nkcl_options:\n  - key: image\n    value: ghcr.io/acme/app:1.2.3\n  - key: env\n    value: prod\n";
    const edited = editYaml(options, withImages("ghcr.io/acme/app:1.2.4"));
    expect(edited.text).toBe(options.replace("app:1.2.3", "app:1.2.4"));
    expect(edited.changes.map((c) => [c.line, c.kind, c.key])).toEqual([[5, "override", "kcl_options[0].value"]]);
    const values = 'image:\n  overrides:\n    - app.image="ghcr.io/acme/app:1.2.3"\n';
    expect(edit(values, withImages("ghcr.io/acme/app:1.2.4")).changes).toEqual([]);
  });

  it("edits a KCLRun's -D arguments, which the program reads with option(): a JSON string's literal, or else the raw text whole", () => {
    const text = kclRun("app.replicas=2").replace(
      "    overrides:",
      [
        "    arguments:",
        '      - env="prod"',
        '      - image="ghcr.io/acme/app:1.2.3"',
        "      - proxy=nginx:1.25",
        "      - img='ghcr.io/acme/app:1.2.3'",
        `      - 'images={"app": "ghcr.io/acme/app:1.2.3"}'`,
        "      - replicas=2",
        "    overrides:",
      ].join("\n"),
    );
    const { text: out, changes, warnings } = editYaml(text, withImages("ghcr.io/acme/app:1.2.4", "nginx:1.26"));
    expect(out).toBe(text.replace('image="ghcr.io/acme/app:1.2.3"', 'image="ghcr.io/acme/app:1.2.4"').replace("nginx:1.25", "nginx:1.26"));
    expect(changes.map((c) => [c.kind, c.key, c.old, c.new])).toEqual([
      ["override", "spec.config.arguments[1]: image", "ghcr.io/acme/app:1.2.3", "ghcr.io/acme/app:1.2.4"],
      ["override", "spec.config.arguments[2]: proxy", "nginx:1.25", "nginx:1.26"],
    ]);
    // KCL decodes a value as JSON, else keeps the raw text: option("img") is the text with its quotes, no image reference.
    const kept = "which is not edited, so the image this option passes stays as it is";
    expect(warnings).toEqual([
      {
        line: 17,
        message: `spec.config.arguments[3]: img holds ghcr.io/acme/app:1.2.3 in raw text that is not JSON (option() returns it as written), ${kept}; pass the reference alone, bare or as a JSON string: img=ghcr.io/acme/app:1.2.3 or img="ghcr.io/acme/app:1.2.3"`,
      },
      {
        line: 18,
        message: `spec.config.arguments[4]: images holds ghcr.io/acme/app:1.2.3 in a JSON value that is no string, ${kept}; pass the image in an argument of its own whose value is the reference (<name>=ghcr.io/acme/app:1.2.3)`,
      },
    ]);
    // A {repository, tag} object names a bare repository: no news by itself, whatever its tag.
    const pair = kclRun("app.replicas=2").replace(
      "    overrides:",
      `    arguments:\n      - 'image={"repository": "ghcr.io/acme/app", "tag": "1.2.4"}'\n    overrides:`,
    );
    expect(editYaml(pair, withImages("ghcr.io/acme/app:1.2.4")).warnings).toEqual([]);
  });

  it("reports a -D option as an override whether a KCLRun's arguments or a kcl.yaml's kcl_options keep it", () => {
    const argument = kclRun("app.replicas=2").replace("    overrides:", "    arguments:\n      - image=ghcr.io/acme/app:1.2.3\n    overrides:");
    const option = "kcl_cli_configs:\n  files: [main.k]\nkcl_options:\n  - key: image\n    value: ghcr.io/acme/app:1.2.3\n";
    const kinds = [argument, option].flatMap((text) => editYaml(text, withImages("ghcr.io/acme/app:1.2.4")).changes.map((c) => c.kind));
    expect(kinds).toEqual(["override", "override"]);
  });

  it("changes nothing on a second run", () => {
    const request = withImages("ghcr.io/acme/guestbook:1.3.0");
    const once = editYaml(FLUX_SYSTEM, request);
    expect(once.changes).toHaveLength(1);
    expect(editYaml(once.text, request)).toEqual({ text: once.text, changes: [], warnings: [] });
  });
});

describe("planUpdate with a KCLRun", () => {
  /** The review's tree, the KCLRun in a file of its own: only the repository in it lets it through the byte screen. */
  const KCLRUN = kclRun('guestbookFrontend.image="ghcr.io/acme/guestbook:1.0.0"');
  const files: Record<string, string> = {
    "appops/guestbook/prod/main.k": 'guestbookFrontend: frontend.Server {\n    image = "ghcr.io/acme/guestbook:1.2.3"\n}\n',
    "clusters/prod/guestbook.yaml": KCLRUN,
  };
  const tree: TreeSource = {
    async *list() {
      yield* Object.keys(files).sort();
    },
    read: async (path) => Buffer.from(files[path]!),
  };
  const request = { images: ["ghcr.io/acme/guestbook:1.3.0"], setters: [], sets: [] };

  it("edits the KCLRun's override along with the program it overrides", async () => {
    const p = await planUpdate(tree, { ...request, paths: [] });
    expect(p.changes.map((c) => [c.file, c.kind, c.old, c.new])).toEqual([
      ["appops/guestbook/prod/main.k", "kcl-image", "ghcr.io/acme/guestbook:1.2.3", "ghcr.io/acme/guestbook:1.3.0"],
      ["clusters/prod/guestbook.yaml", "override", "ghcr.io/acme/guestbook:1.0.0", "ghcr.io/acme/guestbook:1.3.0"],
    ]);
  });

  it("edits it alone under --path clusters, where the review saw nothing edited and no warning", async () => {
    const p = await planUpdate(tree, { ...request, paths: ["clusters/**"] });
    expect(p.files.map((f) => [f.path, f.after])).toEqual([["clusters/prod/guestbook.yaml", KCLRUN.replace("guestbook:1.0.0", "guestbook:1.3.0")]]);
    expect(p.warnings).toEqual([]);
  });
});
