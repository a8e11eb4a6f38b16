import { describe, expect, it } from "vitest";
import { SourceError, type EditRequest } from "../../src/change.js";
import { parsePolicy, type Policy } from "../../src/image/policy.js";
import { parseImageRef } from "../../src/image/reference.js";
import type { ImageUpdate } from "../../src/image/update.js";
import { editKcl, kclScreen } from "../../src/kcl/editor.js";
import { parseKcl } from "../../src/kcl/parser.js";
import { stringLiteralValue } from "../../src/kcl/string-literal.js";
import { editYaml } from "../../src/yaml/editor.js";
import { readConformance } from "./corpus.js";

const sha = "sha256:6745aaad46d795c9836632e1fb62f24b7e7f4c843144da8e47a5465c411a14be";
const images = (...refs: string[]): EditRequest => ({ images: refs.map((r) => ({ image: parseImageRef(r) })), setters: new Map() });
const setters = (entries: Record<string, string>): EditRequest => ({
  images: [],
  setters: new Map(Object.entries(entries).map(([k, v]): [string, ImageUpdate] => [k, { image: parseImageRef(v) }])),
});

/** The warning at an old image left where the editor does not match by repository. */
const unreached = (construct: string, image = "nginx:1.0") =>
  `holds ${image} in ${construct}, where images are not matched by repository; left as it is (add a Flux marker on its line to have it set)`;

describe("editKcl: image string literals by repository", () => {
  it("konfig style: `x: frontend.Server { image = ... }` in a base and its stack, docker.io normalised", () => {
    const base = readConformance("corpus-konfig/examples/appops/guestbook/base/base.k");
    const result = editKcl(base, images("redis:6.2.0"));
    expect(result.text).toBe(base.replace('"docker.io/redis:6.0.5"', '"docker.io/redis:6.2.0"'));
    expect(result.changes).toEqual([{ line: 35, kind: "kcl-image", key: "redisLeader.image", old: "docker.io/redis:6.0.5", new: "docker.io/redis:6.2.0" }]);
    const prod = readConformance("corpus-konfig/examples/appops/guestbook/prod/main.k");
    const stack = editKcl(prod, images("gcr.io/google-samples/gb-frontend:v6"));
    expect(stack.text).toBe(prod.replace("gb-frontend:v3", "gb-frontend:v6"));
    expect(stack.changes).toEqual([
      { line: 6, kind: "kcl-image", key: "guestbookFrontend.image", old: "gcr.io/google-samples/gb-frontend:v3", new: "gcr.io/google-samples/gb-frontend:v6" },
    ]);
  });

  it("moves the tag (and digest) of an image held as Helm values hold one: repository (or name, with registry) beside tag", () => {
    const text = [
      "config = {",
      '    image = {repository = "ghcr.io/acme/app", tag = "1.2.3"}',
      `    worker = {registry = "ghcr.io", repository = "acme/app", tag = "1.2.3", digest = "${sha}"}`,
      '    newer = {name = "ghcr.io/acme/app", tag = "1.3.0"}',
      "}",
      "",
    ].join("\n");
    const result = editKcl(text, {
      images: [{ image: parseImageRef("ghcr.io/acme/app:1.2.4"), policy: parsePolicy({ semver: { range: "^1.0.0" } }) }],
      setters: new Map(),
    });
    expect(result.text).toBe(text.replace('tag = "1.2.3"}', 'tag = "1.2.4"}').replace(`tag = "1.2.3", digest = "${sha}"`, 'tag = "1.2.4", digest = ""'));
    expect(result.changes.map((c) => [c.line, c.key, c.old, c.new])).toEqual([
      [2, "config.image.tag", "1.2.3", "1.2.4"],
      [3, "config.worker.tag", "1.2.3", "1.2.4"],
      [3, "config.worker.digest", sha, ""],
    ]);
    // The repository alone is no news; a dropped digest pin is, and so is a newer tag its policy ranks higher.
    expect(result.warnings).toEqual([
      {
        line: 3,
        message: `config.worker.tag drops the digest pin ${sha.slice(0, 19)} (1.2.3's): ghcr.io/acme/app:1.2.4 has no digest; send ghcr.io/acme/app:1.2.4@sha256:<digest> to keep digests pinned`,
      },
      { line: 4, message: "config.newer.tag keeps 1.3.0, which its policy (semver ^1.0.0) ranks above the incoming 1.2.4 (allow-downgrade sets it anyway)" },
    ]);
  });

  it("reads no `name` as a repository beside an `image` field, whatever it holds: that config is a container, whose image is its `image` (review kclfuzz M1)", () => {
    const text = 'app = {\n    containers = [{\n        name = "nginx"\n        image = "nginx:1.25"\n        tag = "canary"\n    }]\n}\n';
    const result = editKcl(text, images("nginx:1.26"));
    expect(result.text).toBe(text.replace("nginx:1.25", "nginx:1.26"));
    expect(result.changes.map((c) => c.key)).toEqual(["app.containers[0].image"]);
    for (const image of ["_image", '"${_registry}/nginx:1.25"', '{repository = "nginx"}'])
      expect(editKcl(`c = {name = "nginx", image = ${image}, tag = "canary"}\n`, images("nginx:1.26")).changes).toEqual([]);
    expect(editKcl('c = {name = "nginx", image.repository = "nginx", tag = "canary"}\n', images("nginx:1.26")).changes).toEqual([]);
  });

  it("reads a direction mark or another space KCL's lexer skips as whitespace, and edits the literal after it (review kclfuzz S1)", () => {
    const text = 'app = {\n    image =\u200E "ghcr.io/acme/app:1.0.0"\u2028\n    tag\v= "x"\n}\n';
    const result = editKcl(text, images("ghcr.io/acme/app:1.1.0"));
    expect(result.text).toBe(text.replace("1.0.0", "1.1.0"));
    expect(result.changes).toEqual([{ line: 2, kind: "kcl-image", key: "app.image", old: "ghcr.io/acme/app:1.0.0", new: "ghcr.io/acme/app:1.1.0" }]);
  });

  it("reads a Helm-style pair written with string keys, Python-dict style, as one written with names", () => {
    const text = 'values = {\n    "image": {\n        "repository": "ghcr.io/acme/app"\n        "tag": "1.2.3"\n    }\n}\n';
    const result = editKcl(text, images("ghcr.io/acme/app:1.2.4"));
    expect(result.text).toBe(text.replace('"1.2.3"', '"1.2.4"'));
    expect(result.changes).toEqual([{ line: 4, kind: "kcl-image", key: "values.image.tag", old: "1.2.3", new: "1.2.4" }]);
    expect(result.warnings).toEqual([]);
    // `$tag` and a raw string are the key `tag` too.
    for (const key of ["$tag", "r'tag'"])
      expect(editKcl(`image = {repository = "ghcr.io/acme/app", ${key} = "1.2.3"}\n`, images("ghcr.io/acme/app:1.2.4")).changes).toEqual([
        { line: 1, kind: "kcl-image", key: "image.tag", old: "1.2.3", new: "1.2.4" },
      ]);
  });

  it("reads a Helm-style pair as KCL reads the config: dotted keys are nested configs, and a key's configs merge (review kcl18 S1)", () => {
    const text = [
      "app = {",
      '    image.repository = "ghcr.io/acme/app"',
      '    image.tag = "1.0.0"',
      "}",
      "chart = {",
      '    values.image.repository = "ghcr.io/acme/app"',
      '    values.image.tag = "1.0.0"',
      "}",
      "merged = {",
      '    image: {repository = "ghcr.io/acme/app"}',
      '    image: {tag = "1.0.0"}',
      "}",
      "mixed = {",
      '    image = {registry = "ghcr.io", repository = "acme/app"}',
      '    image.tag = "1.0.0"',
      "}",
      "",
    ].join("\n");
    const result = editKcl(text, images("ghcr.io/acme/app:1.1.0"));
    expect(result.text).toBe(text.replaceAll('"1.0.0"', '"1.1.0"'));
    expect(result.changes.map((c) => [c.line, c.key, c.old, c.new])).toEqual([
      [3, "app.image.tag", "1.0.0", "1.1.0"],
      [7, "chart.values.image.tag", "1.0.0", "1.1.0"],
      [11, "merged.image.tag", "1.0.0", "1.1.0"],
      [15, "mixed.image.tag", "1.0.0", "1.1.0"],
    ]);
    // The repository beside its tag is no news.
    expect(result.warnings).toEqual([]);
  });

  it("reads no pair where KCL's `=` replaces a key's config, and says of the repository left what it says of one alone", () => {
    // `image = {…}` twice: the second replaces the first, so the image is {tag = "1.0.0"} and the repository is no field of it.
    const text = 'app = {\n    image = {repository = "ghcr.io/acme/app"}\n    image = {tag = "1.0.0"}\n}\n';
    const result = editKcl(text, images("ghcr.io/acme/app:1.1.0"));
    expect([result.text, result.changes]).toEqual([text, []]);
    expect(result.warnings.map((w) => w.line)).toEqual([2]);
    expect(result.warnings[0]!.message).toMatch(/^app\.image\.repository holds ghcr\.io\/acme\/app with no tag or digest/);
    // An `=` with a config first, then a `:` merging into it, is a pair.
    const merged = text.replace("image = {tag", "image: {tag");
    expect(editKcl(merged, images("ghcr.io/acme/app:1.1.0")).text).toBe(merged.replace('"1.0.0"', '"1.1.0"'));
  });

  describe("a Helm-style pair whose tag holds its digest (no digest field), as YAML's Helm values do", () => {
    const A = `sha256:${"a".repeat(64)}`;
    const kcl = `image = {\n    repository = "ghcr.io/acme/app"\n    tag = "1.0.0@${A}"\n}\n`;
    const yaml = `image:\n    repository: ghcr.io/acme/app\n    tag: "1.0.0@${A}"\n`;
    const semver = parsePolicy({ semver: { range: ">=0.1.0" } });
    const edit = (ref: string, policy?: Policy) => {
      const request: EditRequest = { images: [{ image: parseImageRef(ref), ...(policy && { policy }) }] };
      const [k, y] = [editKcl(kcl, request), editYaml(yaml, request)];
      // Both editors make the same decision: the same changes (bar YAML's object) and the same warnings.
      expect(k.changes).toEqual(y.changes.map(({ object: _, ...change }) => ({ ...change, kind: "kcl-image" })));
      expect(k.warnings).toEqual(y.warnings);
      return k;
    };

    it("renews the pin with an incoming digest, under a policy or not", () => {
      for (const policy of [undefined, semver]) {
        const result = edit(`ghcr.io/acme/app:2.0.0@${sha}`, policy);
        expect([result.text, result.warnings]).toEqual([kcl.replace(`1.0.0@${A}`, `2.0.0@${sha}`), []]);
      }
    });

    it("says that an incoming tag without a digest drops the pin", () => {
      const result = edit("ghcr.io/acme/app:2.0.0");
      expect(result.text).toBe(kcl.replace(`1.0.0@${A}`, "2.0.0"));
      expect(result.warnings).toEqual([
        {
          line: 3,
          message: `image.tag drops the digest pin ${A.slice(0, 19)} (1.0.0's): ghcr.io/acme/app:2.0.0 has no digest; send ghcr.io/acme/app:2.0.0@sha256:<digest> to keep digests pinned`,
        },
      ]);
    });

    it("keeps a newer pinned tag a policy ranks above the incoming one, with or without its digest", () => {
      for (const ref of [`ghcr.io/acme/app:0.9.0@${sha}`, "ghcr.io/acme/app:0.9.0"]) {
        const result = edit(ref, semver);
        expect(result.text).toBe(kcl);
        expect(result.warnings).toEqual([
          { line: 3, message: "image.tag keeps 1.0.0, which its policy (semver >=0.1.0) ranks above the incoming 0.9.0 (allow-downgrade sets it anyway)" },
        ]);
      }
    });
  });

  it("leaves a Helm-style tag holding another image's reference, and says so at it", () => {
    const text = 'c = {\n    name = "ghcr.io/acme/app"\n    tag = "docker.io/nginx:1.0"\n}\n';
    expect(editKcl(text, images("ghcr.io/acme/app:2.0.0"))).toEqual({
      text,
      changes: [],
      warnings: [
        {
          line: 3,
          message:
            'c.tag holds "docker.io/nginx:1.0", which is not a tag; left as it is (the tag field of an image held as repository and tag holds only its tag, or tag@digest)',
        },
      ],
    });
  });

  it("takes a request that leaves out setters, and names one of the wrong type, which JavaScript lets through, or an image with no version to write", () => {
    const text = 'app = {\n    image = "ghcr.io/acme/web:1.4.0"\n}\n';
    const web = { image: parseImageRef("ghcr.io/acme/web:1.5.0") };
    expect(editKcl(text, { images: [web] }).text).toBe(text.replace("1.4.0", "1.5.0"));
    expect(() => editKcl(text, { images: [web], setters: {} } as unknown as EditRequest)).toThrow(
      new TypeError("EditRequest.setters must be a Map (new Map(Object.entries(...)) makes one), not a plain object"),
    );
    expect(() => editKcl(text, { images: [{ image: parseImageRef("ghcr.io/acme/web") }] })).toThrow(
      new TypeError(
        "EditRequest.images[0] must have a tag or digest to write: ghcr.io/acme/web has neither, so it would change nothing; give repo:tag or repo@sha256:... to parseImageRef",
      ),
    );
  });

  it("says at each literal why it stays when the policy refuses the incoming tag", () => {
    const text = 'app = {\n    image = "ghcr.io/acme/web:1.4.0"\n}\n';
    const result = editKcl(text, {
      images: [{ image: parseImageRef("ghcr.io/acme/web:2.0.0"), policy: parsePolicy({ semver: { range: "^1.0.0" } }) }],
      setters: new Map(),
    });
    expect(result.text).toBe(text);
    expect(result.warnings).toEqual([
      { line: 2, message: "app.image is left as it is: the incoming ghcr.io/acme/web:2.0.0 is outside its policy (semver ^1.0.0)", kind: "policy-refusal" },
    ]);
  });

  it("says at a Helm-style pair with no digest field that an incoming digest is not pinned there; a digest field takes it", () => {
    const text = [
      "helm = {",
      '    image = {repository = "ghcr.io/acme/app", tag = "1.2.3"}',
      '    pinned = {repository = "ghcr.io/acme/app", tag = "1.2.3", digest = ""}',
      "}",
      "",
    ].join("\n");
    const withTag = editKcl(text, images(`ghcr.io/acme/app:1.2.4@${sha}`));
    expect(withTag.text).toBe(text.replaceAll('tag = "1.2.3"', 'tag = "1.2.4"').replace('digest = ""', `digest = "${sha}"`));
    expect(withTag.warnings).toEqual([
      {
        line: 2,
        message: `helm.image has no digest field, so only the tag of ghcr.io/acme/app:1.2.4@${sha} is set there: its digest is not pinned (a digest field beside the tag would take it)`,
      },
    ]);
    // A digest alone keeps the tag: the pair with a digest field is pinned, the other cannot take it.
    const digestOnly = editKcl(text, images(`ghcr.io/acme/app@${sha}`));
    expect(digestOnly.text).toBe(text.replace('digest = ""', `digest = "${sha}"`));
    expect(digestOnly.warnings).toEqual([
      {
        line: 2,
        message: `helm.image has no digest field, so it cannot take ghcr.io/acme/app@${sha}, which has only a digest; left as it is (a digest field beside the tag would take it)`,
      },
    ]);
    // No digest coming, nothing to say.
    expect(editKcl(text, images("ghcr.io/acme/app:1.2.4")).warnings).toEqual([]);
  });

  it("leaves a literal holding only the repository, warning where its key names an image or repository (not a name)", () => {
    const text = 'config = {\n    helm = {repository = "ghcr.io/acme/app", version = "1.2.3"}\n    name = "ghcr.io/acme/app"\n}\n';
    const result = editKcl(text, images("ghcr.io/acme/app:1.2.4"));
    expect(result.text).toBe(text);
    expect(result.warnings).toEqual([
      {
        line: 2,
        message:
          'config.helm.repository holds ghcr.io/acme/app with no tag or digest, so its version is set in another field; left as it is (mark the field holding its tag with a Flux ":tag" marker, or set that field with a configured override with part: tag)',
      },
    ]);
  });

  it("flask-demo style: nested configs, the key path names the entry", () => {
    const text = readConformance("corpus-flask-demo/main.k");
    const result = editKcl(text, images(`kcllang/flask_demo:abc123@${sha}`));
    expect(result.text).toBe(text.replace("kcllang/flask_demo:8d31498e765ff67a2fa9933d4adffe067544b2fe", `kcllang/flask_demo:abc123@${sha}`));
    expect(result.changes).toEqual([
      {
        line: 7,
        kind: "kcl-image",
        key: "config.containers.flaskdemo.image",
        old: "kcllang/flask_demo:8d31498e765ff67a2fa9933d4adffe067544b2fe",
        new: `kcllang/flask_demo:abc123@${sha}`,
      },
    ]);
  });

  it("dotted keys, string keys, lists of configs, `|` operands, if entries and plain assignments", () => {
    const text = [
      'image = "nginx:1.7.8"',
      "config = app.App {",
      "    containers.guestbook = {",
      '        image = "nginx:1.7.8"',
      "    }",
      '    "sidecar.image": "nginx:1.7.8"',
      '    init = [{image = "nginx:1.7.8"}]',
      "    if env == 'prod':",
      '        extra = "nginx:1.7.8"',
      "}",
      'merged = base | {image = "nginx:1.7.8"}',
      "",
    ].join("\n");
    const result = editKcl(text, images("docker.io/library/nginx:1.25.0"));
    expect(result.text).toBe(text.replaceAll("nginx:1.7.8", "nginx:1.25.0"));
    expect(result.changes.map((c) => c.key)).toEqual([
      "image",
      "config.containers.guestbook.image",
      'config["sidecar.image"]',
      "config.init[0].image",
      "config.extra",
      "merged.image",
    ]);
  });

  it("reaches list if items, reported at the if item's place; a ternary's arms are left to markers", () => {
    const text = [
      "containers = [",
      '    {name = "app", image = "nginx:1.7.8"}',
      "    if debug:",
      '        {name = "shell", image = "nginx:1.7.8"}',
      "    elif trace:",
      '        {image = "nginx:1.7.8"}',
      '        {image = "nginx:1.7.8"}',
      '    else: {image = "nginx:1.7.8"}',
      "]",
      'sidecars = [if env == "prod": "nginx:1.7.8", "nginx:1.7.8"]',
      'image = "nginx:1.7.8" if prod else "nginx:1.6.0"',
      "",
    ].join("\n");
    const result = editKcl(text, images("nginx:1.25.0"));
    expect(result.text).toBe(text.replace('"nginx:1.7.8" if prod', "IF").replaceAll("nginx:1.7.8", "nginx:1.25.0").replace("IF", '"nginx:1.7.8" if prod'));
    expect(result.changes.map((c) => [c.line, c.key])).toEqual([
      [2, "containers[0].image"],
      [4, "containers[1].image"],
      [6, "containers[1].image"],
      [7, "containers[1].image"],
      [8, "containers[1].image"],
      [10, "sidecars[0]"],
      [10, "sidecars[1]"],
    ]);
  });

  it("only the same repository, name kept as written, digest pinned with the tag kept", () => {
    const text = 'a = {\n    x = "ghcr.io/acme/app:1.0"\n    y = "ghcr.io/acme/other:1.0"\n    z = "docker.io/acme/app:1.0"\n}\n';
    expect(editKcl(text, images(`ghcr.io/acme/app@${sha}`)).text).toBe(text.replace('"ghcr.io/acme/app:1.0"', `"ghcr.io/acme/app:1.0@${sha}"`));
  });

  it("never touches interpolations, comments, schema defaults, lambdas or non-exact literals, and says where an old image stays; raw, triple-quoted and escaped when exact", () => {
    const text = [
      "schema S:",
      '    image: str = "nginx:1.0"',
      'f = lambda { {image = "nginx:1.0"} }',
      '# image = "nginx:1.0"',
      "a = {",
      '    b = "${registry}/nginx:1.0"',
      '    c = "nginx:1.0 "',
      '    d = "nginx:${tag}"',
      '    e = r"nginx:1.0"  # 中文注释 nginx:1.0',
      "    g = '''nginx:1.0'''",
      '    h = "\\x6eginx:1.0"',
      "}",
      'y = f("nginx:1.0")',
      "if True:",
      '    x = "nginx:2.0"',
      "",
    ].join("\n");
    const result = editKcl(text, images("nginx:2.0"));
    expect(result.text).toBe(
      text.replace('r"nginx:1.0"', 'r"nginx:2.0"').replace("'''nginx:1.0'''", "'''nginx:2.0'''").replace("\\x6eginx:1.0", "\\x6eginx:2.0"),
    );
    expect(result.changes.map((c) => c.key)).toEqual(["a.e", "a.g", "a.h"]);
    // Where a literal holds the old image, and only there (not in a comment, nor where the image is current).
    expect(result.warnings).toEqual([
      { line: 2, message: unreached("a schema definition") },
      { line: 3, message: unreached("a lambda") },
      {
        line: 8,
        message:
          'nginx:${tag} builds a reference of nginx with ${...}, which is not edited; set the version where that variable is set (a Flux ":tag" marker on its line, or an override)',
      },
      { line: 13, message: unreached("a call") },
    ]);
  });

  it("says once what two strings of one line are told alike: a schema attribute's literal type and its default", () => {
    const text = 'schema P:\n    pinned: "ghcr.io/acme/app:1.0.0" = "ghcr.io/acme/app:1.0.0"\n';
    expect(editKcl(text, images("ghcr.io/acme/app:1.1.0")).warnings).toEqual([
      { line: 2, message: unreached("a schema definition", "ghcr.io/acme/app:1.0.0") },
    ]);
  });

  it("names the construct an old image is left in: a list comprehension, a ternary, an if condition (skipped.ts names them all)", () => {
    const text = ['sidecars = [c for c in ["nginx:1.0"]]', 't = "nginx:1.0" if prod else "nginx:2.0"', 'c = {if env == "nginx:1.0": b = 1}', ""].join("\n");
    const result = editKcl(text, images("nginx:2.0"));
    expect([result.text, result.changes]).toEqual([text, []]);
    expect(result.warnings).toEqual([
      { line: 1, message: unreached("a list comprehension") },
      { line: 2, message: unreached("a ternary") },
      { line: 3, message: unreached("an if condition") },
    ]);
  });

  it("matches the operands of + and | only: a comparison, a Python-style choice, a % or * operand is left and named", () => {
    const text = [
      'debug = "nginx:1.0" + "-debug"',
      'app = base | {image = "nginx:1.0"}',
      'pick = prod and "nginx:1.0" or "nginx:0.9"',
      'isOld = option("image") == "nginx:1.0"',
      'known = image not in ["nginx:1.0"]',
      'fmt = "nginx:1.0" % ()',
      "cfg = {",
      '    image = option("image") or "nginx:1.0"',
      "}",
      "",
    ].join("\n");
    const result = editKcl(text, images("nginx:2.0"));
    // The two versions of `pick` are chosen on purpose; `isOld` would test something else.
    expect(result.text).toBe(text.replace("nginx:1.0", "nginx:2.0").replace("nginx:1.0", "nginx:2.0"));
    expect(result.changes.map((c) => c.key)).toEqual(["debug", "app.image"]);
    expect(result.warnings).toEqual([
      { line: 3, message: unreached("an operand of 'and'") },
      { line: 3, message: unreached("an operand of 'or'", "nginx:0.9") },
      { line: 4, message: unreached("an operand of '=='") },
      { line: 5, message: unreached("an operand of 'not in'") },
      { line: 6, message: unreached("an operand of '%'") },
      { line: 8, message: unreached("an operand of 'or'") },
    ]);
  });

  it("reads a chain of 20,000 operands as it reads a short one: the image in a concatenation is set, those in a comparison named", () => {
    const sum = Array.from({ length: 20000 }, (_, i) => (i === 12345 ? '"nginx:1.0"' : "1")).join(" + ");
    const text = `sum = ${sum}\ncompared = c${' == "nginx:1.0"'.repeat(20000)}\n`;
    const result = editKcl(text, images("nginx:2.0"));
    expect(result.text).toBe(text.replace("nginx:1.0", "nginx:2.0"));
    expect(result.changes).toEqual([{ line: 1, kind: "kcl-image", key: "sum", old: "nginx:1.0", new: "nginx:2.0" }]);
    expect(result.warnings).toEqual([{ line: 2, message: unreached("an operand of '=='") }]);
  });

  it("sets a string in parentheses, which KCL reads as the string: a field's value, a Helm-style tag, a string a + suffix follows (review kcl18 nit 1)", () => {
    const text = [
      'a = {image = ("nginx:1.0")}',
      "b = {",
      "    image = (",
      '        "nginx:1.0"',
      "    )",
      "}",
      'c = {repository = "nginx", tag = (("1.0"))}',
      `debug = ("nginx:1.0") + "-debug"`,
      "",
    ].join("\n");
    const result = editKcl(text, images(`nginx:2.0@${sha}`));
    expect(result.text).toBe(
      text
        .replace('("nginx:1.0")}', `("nginx:2.0@${sha}")}`)
        .replace('        "nginx:1.0"', `        "nginx:2.0@${sha}"`)
        .replace('(("1.0"))', '(("2.0"))')
        .replace('("nginx:1.0") +', '("nginx:2.0") +'),
    );
    expect(result.changes.map((c) => c.key)).toEqual(["a.image", "b.image", "c.tag", "debug"]);
    expect(result.warnings.map((w) => w.line)).toEqual([7, 8]);
    expect(result.warnings[1]!.message).toMatch(/^debug is followed by a \+ suffix, so only the tag/);
    // Parentheses around anything else are still a construct the editor does not read.
    expect(editKcl('a = ("nginx:1.0" + "")\n', images("nginx:2.0")).warnings).toEqual([{ line: 1, message: unreached("parentheses") }]);
  });

  it("names a reference a concatenation of literals builds, which is not edited, as it names one built on a variable (review kcl18 nit 2)", () => {
    const text = [
      'a = "ghcr.io/acme/app:" + "1.0.0"',
      'b = {image = "ghcr.io/acme/app" + ":1.0.0"}',
      'c = "ghcr.io/" + "acme/app" + ":1.0.0"',
      // Up to date, another repository, a reference with a + suffix (which is set), longer text: nothing to say.
      'd = "ghcr.io/acme/app:" + "1.1.0"',
      'e = "ghcr.io/acme/api:" + "1.0.0"',
      'f = "ghcr.io/acme/app:1.0.0" + "-debug"',
      'g = "run ghcr.io/acme/app" + ":1.0.0"',
      "",
    ].join("\n");
    const result = editKcl(text, images("ghcr.io/acme/app:1.1.0"));
    expect(result.text).toBe(text.replace('"ghcr.io/acme/app:1.0.0" + "-debug"', '"ghcr.io/acme/app:1.1.0" + "-debug"'));
    const left = "builds ghcr.io/acme/app:1.0.0 by concatenation, which is not edited; left as it is (written as one string, it would be set)";
    expect(result.warnings).toEqual([
      { line: 1, message: `"ghcr.io/acme/app:" + "1.0.0" ${left}` },
      { line: 2, message: `"ghcr.io/acme/app" + ":1.0.0" ${left}` },
      { line: 3, message: `"ghcr.io/" + "acme/app" + ":1.0.0" ${left}` },
    ]);
    // A --set of its field answers it, as it answers a reference built on a variable.
    expect(editKcl(text, images("ghcr.io/acme/app:1.1.0"), { paths: new Set(["b"]) }).warnings.map((w) => w.line)).toEqual([1, 3]);
  });

  it("names a concatenation that spells the repository only across its literals, in a file that spells it nowhere else (review kclfuzz N2)", () => {
    const left = "builds ghcr.io/acme/app:1.0.0 by concatenation, which is not edited; left as it is (written as one string, it would be set)";
    for (const built of ['"ghcr.io/acme/" + "app:" + "1.0.0"', "'ghcr.io/' + 'acme/' + 'app:1.0.0'", '"ghcr.io/acme/" + "app" + ":1.0.0"']) {
      const text = `x = ${built}\n`;
      expect(editKcl(text, images("ghcr.io/acme/app:1.1.0"))).toEqual({ text, changes: [], warnings: [{ line: 1, message: `${built} ${left}` }] });
    }
    // Up to date, or another repository's: nothing to say.
    for (const text of ['x = "ghcr.io/acme/" + "app:1.1.0"\n', 'x = "ghcr.io/acme/" + "api:1.0.0"\n'])
      expect(editKcl(text, images("ghcr.io/acme/app:1.1.0")).warnings).toEqual([]);
  });

  it("reads a literal by the value its escapes decode to, and sets it changing only the characters that differ (review kclfuzz N2)", () => {
    const text = [
      'a = "ghcr.io/acme/app:1.0\\u002e0"',
      'b = {image = "\\x67hcr.io/acme/app:1.0.0"}',
      "c = 'ghcr.io/acme/app:1\\0560.0'",
      'd = "ghcr.io/acme/app:1.0\\u002e0"  # {"$imagepolicy": "ns:app:tag"}',
      'e = {repository = "ghcr.io/acme/app", tag = "1.0\\u002e0"}',
      "",
    ].join("\n");
    const result = editKcl(text, { ...images("ghcr.io/acme/app:1.1.0"), setters: new Map([["ns:app", { image: parseImageRef("ghcr.io/acme/app:1.1.0") }]]) });
    expect(result.text).toBe(
      text
        .replace("app:1.0\\u002e0", "app:1.1\\u002e0")
        .replace('app:1.0.0"}', 'app:1.1.0"}')
        .replace("app:1\\0560.0", "app:1\\0561.0")
        .replace('"ghcr.io/acme/app:1.0\\u002e0"  #', '"1.1\\u002e0"  #')
        .replace('tag = "1.0\\u002e0"', 'tag = "1.1\\u002e0"'),
    );
    expect(result.changes.map((c) => [c.line, c.key, c.old, c.new])).toEqual([
      [1, "a", "ghcr.io/acme/app:1.0.0", "ghcr.io/acme/app:1.1.0"],
      [2, "b.image", "ghcr.io/acme/app:1.0.0", "ghcr.io/acme/app:1.1.0"],
      [3, "c", "ghcr.io/acme/app:1.0.0", "ghcr.io/acme/app:1.1.0"],
      [4, "ns:app:tag", "ghcr.io/acme/app:1.0.0", "1.1.0"],
      [5, "e.tag", "1.0.0", "1.1.0"],
    ]);
  });

  it("writes a digit after an octal escape of fewer than three digits without joining it: the value is what the file then reads", () => {
    // `\60` is "0": a "1" written right after it would read `\601`, another character.
    const text = 'a = "ghcr.io/acme/app:1.\\60"\n';
    const result = editKcl(text, images("ghcr.io/acme/app:1.01"));
    expect(result.changes.map((c) => c.new)).toEqual(["ghcr.io/acme/app:1.01"]);
    expect(parseKcl(result.text).statements).toHaveLength(1);
    expect(stringLiteralValue(result.text.slice(4, -1))).toBe("ghcr.io/acme/app:1.01");
  });

  it("sets only the tag of a string a + suffix follows, saying the digest is not pinned there: before the suffix it would make no reference", () => {
    const text = [
      'debug = "nginx:1.0" \\',
      '    + "-debug"',
      'plain = "nginx:1.0"',
      'sidecar = "nginx:1.0" + "-debug"  # {"$imagepolicy": "ns:nginx"}',
      "",
    ].join("\n");
    const result = editKcl(text, { ...images(`nginx:2.0@${sha}`), setters: new Map([["ns:nginx", { image: parseImageRef(`nginx:2.0@${sha}`) }]]) });
    expect(result.text).toBe(text.replace("nginx:1.0", "nginx:2.0").replace("nginx:1.0", `nginx:2.0@${sha}`).replace("nginx:1.0", "nginx:2.0"));
    const notPinned = `so only the tag of nginx:2.0@${sha} is set there: its digest is not pinned (before the suffix a digest would make no image reference, and it is 2.0's, not the suffixed tag's)`;
    expect(result.warnings).toEqual([
      { line: 1, message: `debug is followed by a + suffix, ${notPinned}` },
      { line: 4, message: `Flux setter "ns:nginx" marks a string followed by a + suffix, ${notPinned}` },
    ]);
    // A digest alone has nowhere to go; with no digest the suffix is no matter.
    expect(editKcl(text, images(`nginx@${sha}`)).warnings[0]).toEqual({
      line: 1,
      message: `debug is followed by a + suffix, so it cannot take nginx@${sha}, which has only a digest; left as it is (before the suffix a digest would make no image reference)`,
    });
    expect(editKcl(text, images(`nginx@${sha}`)).text).toBe(text.replace('plain = "nginx:1.0"', `plain = "nginx:1.0@${sha}"`));
    const unmarked = text.slice(0, text.indexOf("sidecar"));
    expect(editKcl(unmarked, images("nginx:2.0"))).toMatchObject({ text: unmarked.replaceAll("nginx:1.0", "nginx:2.0"), warnings: [] });
  });

  it("leaves a value whose type lists string literals, which KCL would refuse to hold another image, naming the type", () => {
    const text = [
      'type Web = "nginx:1.0" | "nginx:0.9"',
      'pinned: "nginx:1.0" = "nginx:1.0"',
      'allowed: Web = {image = "nginx:1.0"}.image',
      'chosen: Web = "nginx:1.0"',
      'free: str | None = "nginx:1.0"',
      "",
    ].join("\n");
    const result = editKcl(text, images("nginx:2.0"));
    expect(result.text).toBe(text.replace('free: str | None = "nginx:1.0"', 'free: str | None = "nginx:2.0"'));
    const typed = (type: string) =>
      `holds nginx:1.0 in a value of the literal type ${type}: KCL refuses any value outside its literals, so it is left as it is (a type of str would let it be set)`;
    expect(result.warnings).toEqual([
      { line: 1, message: unreached("a type alias") },
      { line: 1, message: unreached("a type alias", "nginx:0.9") },
      { line: 2, message: unreached("a type annotation") },
      { line: 2, message: typed('"nginx:1.0"') },
      { line: 3, message: typed("Web") },
      { line: 4, message: typed("Web") },
    ]);
  });

  it("leaves a marked value whose type lists string literals, saying why where the marker would move it, as KCL would refuse its value", () => {
    const text = [
      'type Web = "ghcr.io/acme/app:1.2.3" | "ghcr.io/acme/app:1.2.2"',
      'pinned: Web = "ghcr.io/acme/app:1.2.3"  # {"$imagepolicy": "flux-system:app"}',
      'free: str = "ghcr.io/acme/app:1.2.3"  # {"$imagepolicy": "flux-system:app"}',
      // Already what its marker sets: nothing to say.
      'held: Web = "ghcr.io/acme/app:1.2.2"  # {"$imagepolicy": "flux-system:held"}',
      "",
    ].join("\n");
    const result = editKcl(text, setters({ "flux-system:app": "ghcr.io/acme/app:1.2.4", "flux-system:held": "ghcr.io/acme/app:1.2.2" }));
    expect(result.changes.map((c) => [c.line, c.new])).toEqual([[3, "ghcr.io/acme/app:1.2.4"]]);
    expect(result.warnings).toEqual([
      {
        line: 2,
        message:
          'Flux setter "flux-system:app" marks ghcr.io/acme/app:1.2.3 in a value of the literal type Web: KCL refuses any value outside its literals, so it is left as it is (a type of str would let it be set)',
      },
    ]);
  });

  it("marks the value of a line whose literal type is written inline, never a literal of the type", () => {
    const text = 'c: "a" | "ghcr.io/acme/app:1.0.0" = "a"  # {"$imagepolicy": "flux-system:app"}\n';
    const result = editKcl(text, setters({ "flux-system:app": "ghcr.io/acme/app:2.0.0" }));
    expect(result.text).toBe(text);
    expect(result.warnings.map((w) => w.message)).toEqual([
      'Flux setter "flux-system:app" marks a in a value of the literal type "a" | "ghcr.io/acme/app:1.0.0": KCL refuses any value outside its literals, so it is left as it is (a type of str would let it be set)',
    ]);
  });

  it("keeps CRLF and Chinese comments byte for byte, reports lines", () => {
    const text = '# 应用配置\r\nimport app\r\n\r\nconfig = app.App {\r\n    # 主容器镜像\r\n    image = "nginx:1.0"  # 镜像\r\n}\r\n';
    const result = editKcl(text, images("nginx:1.1"));
    expect(result.text).toBe(text.replace("nginx:1.0", "nginx:1.1"));
    expect(result.changes[0]!.line).toBe(6);
  });

  it("is idempotent and returns the very same text when nothing changes", () => {
    const text = 'a = {image = "nginx:1.0"}\n';
    const once = editKcl(text, images("nginx:1.1"));
    const twice = editKcl(once.text, images("nginx:1.1"));
    expect(twice.text).toBe(once.text);
    expect(twice.changes).toEqual([]);
    const untouched = editKcl(text, images("redis:7"));
    expect(untouched.text).toBe(text);
  });

  it("keeps a newer tag when a policy ranks it higher", () => {
    const request: EditRequest = {
      images: [{ image: parseImageRef("nginx:1.0"), policy: { description: "numeric", latest: (tags) => [...tags].sort().at(-1) } }],
      setters: new Map(),
    };
    expect(editKcl('a = {image = "nginx:2.0"}\n', request).changes).toEqual([]);
  });

  it("throws SourceError for a file that may match but does not parse", () => {
    expect(() => editKcl('a = {image = "nginx:1.0"\n', images("nginx:1.1"))).toThrow(SourceError);
    expect(() => editKcl('a = {\n    image = "nginx:1.0" +\n}\n', images("nginx:1.1"))).toThrow(
      expect.objectContaining({ line: 2, message: "expected an expression, found end of line" }),
    );
  });
});

describe("editKcl: Flux setter markers in comments", () => {
  it("sets the literal a marker follows wherever it is: a schema default, an if block, a lambda, a ternary, a list if item", () => {
    const m = '# {"$imagepolicy": "flux-system:app"}';
    const text = [
      "schema App:",
      `    image: str = "ghcr.io/acme/app:1.2.3" ${m}`,
      "if True:",
      `    a = "ghcr.io/acme/app:1.2.3" ${m}`,
      "f = lambda {",
      `    "ghcr.io/acme/app:1.2.3" ${m}`,
      "}",
      `b = "dev" if False else "ghcr.io/acme/app:1.2.3" ${m}`,
      `c = [if True: "ghcr.io/acme/app:1.2.3"] ${m}`,
      `d = _img ${m}`,
      `# set with ${m} on an image line`,
      `e = 'not a marker: "$imagepolicy"' ${m.replace("flux-system:app", "flux-system:other")}`,
      "",
    ].join("\n");
    const result = editKcl(text, setters({ "flux-system:app": "ghcr.io/acme/app:2.0.0" }));
    expect(result.text).toBe(text.replaceAll("app:1.2.3", "app:2.0.0"));
    expect(result.changes.map((c) => c.line)).toEqual([2, 4, 6, 8, 9]);
    expect(result.warnings).toEqual([
      { line: 10, message: 'Flux setter "flux-system:app" marks a value that is not a string literal; only a literal can be set' },
      { line: 12, message: 'no image is configured for Flux setter "flux-system:other"; the marked value is left as it is' },
    ]);
  });

  const text = [
    "app = {",
    '    image = "ghcr.io/acme/app:1.0.0"  # {"$imagepolicy": "flux-system:app"}',
    '    name = "ghcr.io/acme/app"  # {"$imagepolicy": "flux-system:app:name"}',
    '    tag = "1.0.0"  # {"$imagepolicy": "flux-system:app:tag"}',
    `    digest = "${sha}"  # {"$imagepolicy": "flux-system:app:digest"}`,
    '    other = "x:1"  # {"$imagepolicy": "flux-system:unknown"}',
    '    bad = "x:1"  # {"$imagepolicy": "flux-system:app:version"}',
    '    plain = "x:1"  # {"note": "not a marker"}',
    "}",
    "",
  ].join("\n");
  const newSha = "sha256:" + "b".repeat(64);

  it("writes name:tag[@digest], :name, :tag, :digest and warns about unknown keys and suffixes", () => {
    const result = editKcl(text, setters({ "flux-system:app": `ghcr.io/acme/app:1.1.0@${newSha}` }));
    expect(result.text).toBe(
      text
        .replace('"ghcr.io/acme/app:1.0.0"', `"ghcr.io/acme/app:1.1.0@${newSha}"`)
        .replace('tag = "1.0.0"', 'tag = "1.1.0"')
        .replace(`digest = "${sha}"`, `digest = "${newSha}"`),
    );
    expect(result.changes.map((c) => [c.line, c.kind, c.key, c.new])).toEqual([
      [2, "setter", "flux-system:app", `ghcr.io/acme/app:1.1.0@${newSha}`],
      [4, "setter", "flux-system:app:tag", "1.1.0"],
      [5, "setter", "flux-system:app:digest", newSha],
    ]);
    expect(result.warnings).toEqual([
      { line: 6, message: 'no image is configured for Flux setter "flux-system:unknown"; the marked value is left as it is' },
      { line: 7, message: expect.stringMatching(/^malformed Flux setter marker .*"flux-system:app:version" is not <namespace>:<policy>/) },
    ]);
  });

  it("sets a single-quoted KCL string a marker follows in its own quotes", () => {
    const single = 'a = {\n    image = \'ghcr.io/acme/app:1.0.0\'  # {"$imagepolicy": "ns:app"}\n    tag = \'1.0.0\'  # {"$imagepolicy": "ns:app:tag"}\n}\n';
    const result = editKcl(single, setters({ "ns:app": "ghcr.io/acme/app:2.0.0" }));
    expect(result.text).toBe(single.replaceAll("1.0.0", "2.0.0"));
    expect(result.warnings).toEqual([]);
  });

  it("names a marker written in single quotes, which Flux does not read (JSON only), with the marker to write, and moves its literal by repository as an unmarked one, as in YAML", () => {
    const single = [
      "a = {",
      "    image = 'ghcr.io/acme/app:1.0.0'  # {'$imagepolicy': 'ns:app'}",
      '    sidecar = "ghcr.io/acme/app:1.0.0"  # {"$imagepolicy": \'ns:app:tag\'}',
      "    note = \"x\"  # {'$imagepolicy' is how a dict would say it}",
      "}",
      "",
    ].join("\n");
    const warnings = [
      {
        line: 2,
        message: `{'$imagepolicy': 'ns:app'} is no Flux setter marker: Flux reads a marker as JSON, whose strings are double-quoted, so it ignores this one and the value is treated as unmarked; write # {"$imagepolicy": "ns:app"}`,
      },
      {
        line: 3,
        message: `{"$imagepolicy": 'ns:app:tag'} is no Flux setter marker: Flux reads a marker as JSON, whose strings are double-quoted, so it ignores this one and the value is treated as unmarked; write # {"$imagepolicy": "ns:app:tag"}`,
      },
    ];
    const result = editKcl(single, { ...setters({ "ns:app": "ghcr.io/acme/app:2.0.0" }), images: images("ghcr.io/acme/app:2.0.0").images });
    expect(result.text).toBe(single.replaceAll("1.0.0", "2.0.0"));
    expect(result.changes.map((c) => [c.line, c.kind, c.key])).toEqual([
      [2, "kcl-image", "a.image"],
      [3, "kcl-image", "a.sidecar"],
    ]);
    expect(result.warnings).toEqual(warnings);
    // With its setter alone, nothing moves them, as Flux would not.
    const bySetter = editKcl(single, setters({ "ns:app": "ghcr.io/acme/app:2.0.0" }));
    expect([bySetter.text, bySetter.changes, bySetter.warnings]).toEqual([single, [], warnings]);
    // The run's screen lets such a file through on its marker alone.
    expect(kclScreen([parseImageRef("ghcr.io/acme/other:1.0")])(single)).toBe(true);
  });

  it("warns, with the line, about a malformed marker Flux would silently ignore, and leaves the literal", () => {
    const marked = 'a = {\n    image = "ghcr.io/acme/app:1.0.0"  # {"$imagepolicy": "ns:app"} # note\n}\n';
    const result = editKcl(marked, { ...setters({ "ns:app": "ghcr.io/acme/app:2.0.0" }), images: images("ghcr.io/acme/app:2.0.0").images });
    expect(result).toEqual({
      text: marked,
      changes: [],
      warnings: [{ line: 2, message: expect.stringMatching(/^malformed Flux setter marker .*: it is not one JSON object; Flux ignores it/) }],
    });
  });

  it("decides a setter's fields together, as in YAML: :tag and :name follow one decision, :digest empties when the tag moves on", () => {
    const split = [
      "a = {",
      '    name = "old/app"  # {"$imagepolicy": "ns:app:name"}',
      '    tag = "1.0"  # {"$imagepolicy": "ns:app:tag"}',
      `    digest = "${sha}"  # {"$imagepolicy": "ns:app:digest"}`,
      "}",
      "",
    ].join("\n");
    const result = editKcl(split, setters({ "ns:app": "new/app:1.1" }));
    expect(result.text).toBe(split.replace('"old/app"', '"new/app"').replace('"1.0"', '"1.1"').replace(`"${sha}"`, '""'));
    expect(result.changes.map((c) => [c.line, c.key])).toEqual([
      [2, "ns:app:name"],
      [3, "ns:app:tag"],
      [4, "ns:app:digest"],
    ]);
  });

  it("says a :tag marker with no :digest marker beside it cannot take a digest alone, and leaves the tag, as in YAML (review errors18 S1)", () => {
    const text = 'app = {\n    repository = "ghcr.io/acme/app"\n    tag = "1.0.0"  # {"$imagepolicy": "ns:app:tag"}\n}\n';
    const result = editKcl(text, setters({ "ns:app": `ghcr.io/acme/app@${sha}` }));
    expect(result).toEqual({
      text,
      changes: [],
      warnings: [
        {
          line: 3,
          message:
            `Flux setter "ns:app:tag" has no digest field, so it cannot take ghcr.io/acme/app@${sha}, which has only a digest; left as it is ` +
            '(a digest field beside the tag, marked {"$imagepolicy": "ns:app:digest"}, would take it)',
        },
      ],
    });
  });

  it("leaves a marked string built with ${...}, saying it is not edited, as the YAML editor says of a placeholder", () => {
    const text = 'app = {image = "ghcr.io/acme/app:${tag}"}  # {"$imagepolicy": "flux-system:app"}\n';
    const result = editKcl(text, setters({ "flux-system:app": "ghcr.io/acme/app:2.0.0" }));
    const advice = 'set the version where tag is set (a Flux ":tag" marker on its line, or an override)';
    expect([result.text, result.warnings]).toEqual([
      text,
      [{ line: 1, message: `Flux setter "flux-system:app" marks a string with \${...}, which is not edited; ${advice}` }],
    ]);
  });

  it("says where to put the marker instead when the marked string's tag is a variable, until a marker or --set there sets it", () => {
    const marked = 'app = {image = "ghcr.io/acme/app:${_tag}"}  # {"$imagepolicy": "flux-system:app:tag"}\n';
    const request = setters({ "flux-system:app": "ghcr.io/acme/app:2.0.0" });
    const refused = 'Flux setter "flux-system:app:tag" marks a string with ${...}, which is not edited';
    expect(editKcl(`_tag = "1.0.0"\n${marked}`, request).warnings).toEqual([
      { line: 2, message: `${refused}; set _tag (line 1) with a Flux ":tag" marker on its line or an override of _tag` },
    ]);
    // The advice followed: the marker on _tag sets it, and the one on the string is only refused.
    const followed = editKcl(`_tag = "1.0.0"  # {"$imagepolicy": "flux-system:app:tag"}\n${marked}`, request);
    expect([followed.changes.map((c) => c.new), followed.warnings]).toEqual([["2.0.0"], [{ line: 2, message: refused }]]);
    expect(editKcl(`_tag = "1.0.0"\n${marked}`, request, { paths: new Set(["_tag"]) }).warnings).toEqual([{ line: 2, message: refused }]);
  });

  it("says nothing of an interpolation building an image whose tag a marker in the file sets: the advice was followed", () => {
    const text = '_tag = "1.0.0"  # {"$imagepolicy": "flux-system:app:tag"}\napp = {image = "ghcr.io/acme/app:${_tag}"}\n';
    const request: EditRequest = { ...setters({ "flux-system:app": "ghcr.io/acme/app:1.1.0" }), images: [{ image: parseImageRef("ghcr.io/acme/app:1.1.0") }] };
    const result = editKcl(text, request);
    expect(result.text).toBe(text.replace('"1.0.0"', '"1.1.0"'));
    expect(result.warnings).toEqual([]);
    // Without the marker, the interpolation is where the version is set: that is said.
    expect(editKcl(text.replace(/ {2}#.*/, ""), request).warnings.map((w) => w.line)).toEqual([2]);
  });

  it("names the variable an interpolation takes its tag from and the line where the file assigns it a string, where a marker or an override sets it", () => {
    const text = [
      '_tag = "1.0.0"',
      'app = {image = "ghcr.io/acme/app:${_tag}"}',
      'web = {image = "ghcr.io/acme/web:${ _v }"}',
      '_v = "2.0.0"',
      '_v = "2.0.1"',
      'api = {image = "ghcr.io/acme/api:${cfg.tag}"}',
      'job = {image = "ghcr.io/acme/job:${_built}"}',
      '_built = "${_major}.0"',
      "",
    ].join("\n");
    const result = editKcl(text, images("ghcr.io/acme/app:1.1.0", "ghcr.io/acme/web:2.1.0", "ghcr.io/acme/api:3.0.0", "ghcr.io/acme/job:4.0.0"));
    const never = (body: string, repository: string) => `${body} builds a reference of ${repository} with \${...}, which is not edited;`;
    const elsewhere = 'set the version where that variable is set (a Flux ":tag" marker on its line, or an override)';
    expect(result.warnings).toEqual([
      {
        line: 2,
        message: `${never("ghcr.io/acme/app:${_tag}", "ghcr.io/acme/app")} set _tag (line 1) with a Flux ":tag" marker on its line or an override of _tag`,
      },
      {
        line: 3,
        message: `${never("ghcr.io/acme/web:${ _v }", "ghcr.io/acme/web")} set _v (lines 4, 5) with a Flux ":tag" marker on each or an override of _v`,
      },
      // Not a plain name, or not assigned a plain string at the top level: the variable is set elsewhere.
      { line: 6, message: `${never("ghcr.io/acme/api:${cfg.tag}", "ghcr.io/acme/api")} ${elsewhere}` },
      { line: 7, message: `${never("ghcr.io/acme/job:${_built}", "ghcr.io/acme/job")} ${elsewhere}` },
    ]);
  });

  it("names, among many statements, each variable's own assignment lines: one, several, or none that is a plain string (review kclfuzz S3)", () => {
    const count = 500;
    const lines = Array.from({ length: count }, (_, i) => [`_t${i} = "1.0.${i}"`, `v${i} = "ghcr.io/acme/app:\${_t${i}}"`]).flat();
    lines.push('_t7 = "2.0.0"', '_t9 = "${_major}.0"', "_t11: str = _base");
    const result = editKcl(`${lines.join("\n")}\n`, images("ghcr.io/acme/app:3.0.0"));
    const advice = new Map(result.warnings.map((w) => [w.line, w.message.slice(w.message.indexOf("; ") + 2)]));
    expect(advice.size).toBe(count);
    expect(advice.get(2)).toBe('set _t0 (line 1) with a Flux ":tag" marker on its line or an override of _t0');
    expect(advice.get(2 * count)).toBe(`set _t${count - 1} (line ${2 * count - 1}) with a Flux ":tag" marker on its line or an override of _t${count - 1}`);
    // Assigned again below, the second time not a plain string, or with a type: the lines of its plain strings.
    expect(advice.get(16)).toBe(`set _t7 (lines 15, ${2 * count + 1}) with a Flux ":tag" marker on each or an override of _t7`);
    expect(advice.get(20)).toBe('set _t9 (line 19) with a Flux ":tag" marker on its line or an override of _t9');
    expect(advice.get(24)).toBe('set _t11 (line 23) with a Flux ":tag" marker on its line or an override of _t11');
  });

  it("names the variable a concatenation, a % format or a .format() takes the tag from, as for an interpolation, and a format spec's", () => {
    const text = [
      '_tag = "1.0.0"',
      'a = "ghcr.io/acme/app:" + _tag',
      'b = "ghcr.io/acme/app:%s" % _tag',
      'c = {image = "ghcr.io/acme/app:{}".format(cfg.tag)}',
      'd = "ghcr.io/acme/app:${_tag: #json}"',
      "e = \"${_m['k']} ghcr.io/acme/app:1.0.0\"",
      'f = "ghcr.io/acme/other:" + _tag',
      "",
    ].join("\n");
    const result = editKcl(text, images("ghcr.io/acme/app:1.1.0"));
    expect([result.text, result.changes]).toEqual([text, []]);
    const fromTag = 'set _tag (line 1) with a Flux ":tag" marker on its line or an override of _tag';
    expect(result.warnings).toEqual([
      { line: 2, message: `"ghcr.io/acme/app:" + _tag builds a reference of ghcr.io/acme/app by concatenation, which is not edited; ${fromTag}` },
      { line: 3, message: `"ghcr.io/acme/app:%s" % _tag builds a reference of ghcr.io/acme/app by % formatting, which is not edited; ${fromTag}` },
      {
        line: 4,
        message:
          '"ghcr.io/acme/app:{}".format(cfg.tag) builds a reference of ghcr.io/acme/app by .format(), which is not edited; set the version where that variable is set (a Flux ":tag" marker on its line, or an override)',
      },
      { line: 5, message: `ghcr.io/acme/app:\${_tag: #json} builds a reference of ghcr.io/acme/app with \${...}, which is not edited; ${fromTag}` },
      // The version is written in the string: no variable holds it.
      {
        line: 6,
        message:
          "${_m['k']} ghcr.io/acme/app:1.0.0 holds ghcr.io/acme/app:1.0.0 in a string with ${...}, which is not edited (nor set by a Flux marker); left as it is (an override of its field sets it)",
      },
    ]);
    // A --set of the variable, or of the field, answers them, as it does an interpolation.
    const warned = (...paths: string[]) => editKcl(text, images("ghcr.io/acme/app:1.1.0"), { paths: new Set(paths) }).warnings.map((w) => w.line);
    expect(warned("_tag", "cfg.tag")).toEqual([6]);
    expect(warned("a", "e")).toEqual([3, 4, 5]);
  });

  it("names a reference concatenated from literals and a variable's version, the literals read as one, as it names one literal and the variable", () => {
    const text = [
      '_tag = "1.0.0"',
      'a = {image = "ghcr.io/acme/" + "app:" + _tag}',
      'b = "ghcr.io/" + "acme/app" + ":" + cfg.tag',
      // Under longer text the last literal is read alone, as it always was; another repository's: nothing to say.
      'c = "--image=" + "ghcr.io/acme/app:" + _tag',
      'd = "ghcr.io/acme/" + "api:" + _tag',
      "",
    ].join("\n");
    const result = editKcl(text, images("ghcr.io/acme/app:1.1.0"));
    expect([result.text, result.changes]).toEqual([text, []]);
    const built = "builds a reference of ghcr.io/acme/app by concatenation, which is not edited;";
    const fromTag = 'set _tag (line 1) with a Flux ":tag" marker on its line or an override of _tag';
    expect(result.warnings).toEqual([
      { line: 2, message: `"ghcr.io/acme/" + "app:" + _tag ${built} ${fromTag}` },
      {
        line: 3,
        message: `"ghcr.io/" + "acme/app" + ":" + cfg.tag ${built} set the version where that variable is set (a Flux ":tag" marker on its line, or an override)`,
      },
      { line: 4, message: `"ghcr.io/acme/app:" + _tag ${built} ${fromTag}` },
    ]);
    // A --set of the variable or the field answers it.
    const warned = (...paths: string[]) => editKcl(text, images("ghcr.io/acme/app:1.1.0"), { paths: new Set(paths) }).warnings.map((w) => w.line);
    expect(warned("_tag", "b")).toEqual([]);
    expect(warned("a")).toEqual([3, 4]);
  });

  it("names a reference built on a registry held by a top-level string, by concatenation or interpolation", () => {
    const text = [
      '_registry = "ghcr.io/acme"',
      '_tag = "1.2.3"',
      'a = _registry + "/app:" + _tag',
      'b = {image = "${_registry}/app:${_tag}"}',
      'c = _registry + "/app:1.2.3"',
      'd = "${_registry}/app:1.2.3"',
      // Already the incoming version, another image, a registry not known in the file: nothing to say.
      'e = _registry + "/app:1.3.0"',
      'f = _registry + "/web:" + _tag',
      'g = other.registry + "/app:" + _tag',
      'h = _unknown + "/app:" + _tag',
      "",
    ].join("\n");
    const result = editKcl(text, images("ghcr.io/acme/app:1.3.0"));
    expect([result.text, result.changes]).toEqual([text, []]);
    const fromTag = 'set _tag (line 2) with a Flux ":tag" marker on its line or an override of _tag';
    const written = "which is not edited; left as it is (an override of its field sets it)";
    expect(result.warnings).toEqual([
      {
        line: 3,
        message: `_registry + "/app:" + _tag builds a reference of ghcr.io/acme/app from _registry (line 1) and _tag, which is not edited; ${fromTag}`,
      },
      {
        line: 4,
        message: `"\${_registry}/app:\${_tag}" builds a reference of ghcr.io/acme/app from _registry (line 1) and _tag, which is not edited; ${fromTag}`,
      },
      { line: 5, message: `_registry + "/app:1.2.3" builds ghcr.io/acme/app:1.2.3 from _registry (line 1), ${written}` },
      { line: 6, message: `"\${_registry}/app:1.2.3" builds ghcr.io/acme/app:1.2.3 from _registry (line 1), ${written}` },
    ]);
    // A registry assigned twice is no constant; a --set of the version variable, or an override of the image, answers them.
    expect(editKcl(`${text}_registry = "docker.io/acme"\n`, images("ghcr.io/acme/app:1.3.0")).warnings).toEqual([]);
    expect(editKcl(text, images("ghcr.io/acme/app:1.3.0"), { paths: new Set(["_tag"]) }).warnings.map((w) => w.line)).toEqual([5, 6]);
    expect(editKcl(text, images("ghcr.io/acme/app:1.3.0"), { repositories: new Set(["ghcr.io/acme/app"]) }).warnings).toEqual([]);
  });

  it("says a tag an interpolation completes is built, rather than naming the part before the ${", () => {
    const text = 'b6 = "ghcr.io/acme/app:1.2.3-${suffix}"\n';
    expect(editKcl(text, images("ghcr.io/acme/app:1.2.4")).warnings).toEqual([
      {
        line: 1,
        message:
          "ghcr.io/acme/app:1.2.3-${suffix} builds a tag of ghcr.io/acme/app with ${...}, which is not edited (nor set by a Flux marker); left as it is (an override of its field sets it)",
      },
    ]);
  });

  it("says nothing of an interpolation building an image a configured override sets in the file, as with a marker", () => {
    const text = '_tag = "1.0.0"\napp = {image = "ghcr.io/acme/app:${_tag}"}\n';
    const request = images("ghcr.io/acme/app:1.1.0");
    expect(editKcl(text, request, { repositories: new Set(["ghcr.io/acme/app"]) }).warnings).toEqual([]);
    // An override of another image is no answer for this one.
    expect(editKcl(text, request, { repositories: new Set(["ghcr.io/acme/other"]) }).warnings.map((w) => w.line)).toEqual([2]);
  });

  it("says nothing of an interpolation whose version variable, or field, a --set sets in the file", () => {
    const text = [
      '_tag = "1.0.0"',
      'cfg = {tag = "1.0.0"}',
      'app = {image = "ghcr.io/acme/app:${_tag}"}',
      'web = {image = "ghcr.io/acme/web:${cfg.tag}"}',
      'api = {image = "ghcr.io/acme/api:${_tag}"}',
      "",
    ].join("\n");
    const request = images("ghcr.io/acme/app:1.1.0", "ghcr.io/acme/web:1.1.0", "ghcr.io/acme/api:1.1.0");
    const warned = (...paths: string[]) => editKcl(text, request, { paths: new Set(paths) }).warnings.map((w) => w.line);
    expect(warned()).toEqual([3, 4, 5]);
    // The variable: every interpolation taking its version from it.
    expect(warned("_tag")).toEqual([4]);
    // A path inside which the variable is, or the field holding the interpolation.
    expect(warned("cfg")).toEqual([3, 5]);
    expect(warned("app.image", "web")).toEqual([5]);
    // Another field is no answer.
    expect(warned("cfg.name", "apps")).toEqual([3, 4, 5]);
  });

  it("on a line with several strings, sets the one a part marker follows, and the one holding a whole-reference marker's repository, or none, saying why", () => {
    const m = (key: string) => `# {"$imagepolicy": "${key}"}`;
    const text = [
      `b = {image = "ghcr.io/acme/app:1.2.3", sidecar = "ghcr.io/acme/side:0.1"} ${m("flux-system:app")}`,
      `n = "ghcr.io/acme/app:1.2.3" if canary else "y" ${m("flux-system:app")}`,
      `c = {repository = "ghcr.io/acme/app", tag = "1.2.3"} ${m("flux-system:app:tag")}`,
      `d = ["ghcr.io/acme/app:1.2.3", "ghcr.io/acme/app:1.0.0"] ${m("flux-system:app")}`,
      "",
    ].join("\n");
    const result = editKcl(text, setters({ "flux-system:app": "ghcr.io/acme/app:2.0.0" }));
    const [b, n, c, d] = text.split("\n");
    const set = [b!.replace("app:1.2.3", "app:2.0.0"), n!.replace("app:1.2.3", "app:2.0.0"), c!.replace('"1.2.3"', '"2.0.0"')];
    expect(result.text).toBe([...set, d, ""].join("\n"));
    // A key the run has no image for is said to be one, not blamed on the line.
    expect(editKcl(text, setters({})).warnings[0]).toEqual({
      line: 1,
      message: 'no image is configured for Flux setter "flux-system:app"; the marked value is left as it is',
    });
    const none =
      'Flux setter "flux-system:app" is on a line with 2 strings, 2 of them holding ghcr.io/acme/app, so it marks none of them and they are treated as unmarked; write it after the value it sets, on a line of its own';
    expect(result.warnings).toEqual([{ line: 4, message: none }]);
    // Treated as unmarked: the image moves them by repository, as it moves every unmarked string.
    const withImage = editKcl(text, { ...setters({ "flux-system:app": "ghcr.io/acme/app:2.0.0" }), images: images("ghcr.io/acme/app:2.0.0").images });
    expect(withImage.text).toBe([...set, d!.replaceAll(/app:1\.\d\.\d/g, "app:2.0.0"), ""].join("\n"));
    expect(withImage.warnings).toEqual([{ line: 4, message: none }]);
  });

  it("a :tag marker after a one-line {repository, tag} sets the tag it follows, and the repository beside it is no news (review kcl18 S2)", () => {
    const m = '# {"$imagepolicy": "flux-system:app:tag"}';
    const text = [
      "web = {",
      `    helm = {repository = "ghcr.io/acme/app", tag = "1.0.0"} ${m}`,
      `    pair = {image = "ghcr.io/acme/app:1.0.0", other = "ghcr.io/acme/app:1.0.0"} ${m}`,
      "}",
      "",
    ].join("\n");
    const both = { ...setters({ "flux-system:app": "ghcr.io/acme/app:1.1.0" }), images: images("ghcr.io/acme/app:1.1.0").images };
    const result = editKcl(text, both);
    // The marker is the string's it follows: pair.other's, whose whole reference it cuts to a tag, said; pair.image moves by repository.
    expect(result.text).toBe(
      text
        .replace('tag = "1.0.0"', 'tag = "1.1.0"')
        .replace('"ghcr.io/acme/app:1.0.0", other = "ghcr.io/acme/app:1.0.0"', '"ghcr.io/acme/app:1.1.0", other = "1.1.0"'),
    );
    expect(result.changes.map((c) => [c.line, c.kind, c.key])).toEqual([
      [2, "setter", "flux-system:app:tag"],
      [3, "kcl-image", "web.pair.image"],
      [3, "setter", "flux-system:app:tag"],
    ]);
    expect(result.warnings).toEqual([
      {
        line: 3,
        message:
          'Flux setter "flux-system:app:tag" marks other, which holds a whole reference (ghcr.io/acme/app:1.0.0), with its tag alone: 1.1.0 is written there, as Flux writes a marked field, ' +
          'and the field then holds only that; mark it {"$imagepolicy": "flux-system:app"} to set the whole reference',
      },
    ]);
    // Without an image for the key, the marked strings are left, said once each; the repository beside the tag asks for no marker it has.
    const unknown = editKcl(text, images("ghcr.io/acme/app:1.1.0"));
    expect(unknown.text).toBe(text.replace('image = "ghcr.io/acme/app:1.0.0"', 'image = "ghcr.io/acme/app:1.1.0"'));
    expect(unknown.warnings.map((w) => [w.line, w.message])).toEqual([
      [2, 'no image is configured for Flux setter "flux-system:app:tag"; the marked value is left as it is'],
      [3, 'no image is configured for Flux setter "flux-system:app:tag"; the marked value is left as it is'],
    ]);
  });

  it("says a :tag, :name or :digest marker on a string holding a whole reference, and a whole-reference marker on a tag, as YAML does (review kcl18 M2)", () => {
    const m = (key: string) => `# {"$imagepolicy": "${key}"}`;
    const text = [
      "c = {",
      `    image = "ghcr.io/acme/app:1.0.0" ${m("flux-system:app:tag")}`,
      "}",
      "d = {",
      '    repository = "ghcr.io/acme/app"',
      `    tag = "1.0.0" ${m("flux-system:app")}`,
      "}",
      `sidecars = ["ghcr.io/acme/app:1.0.0"] ${m("flux-system:app:name")}`,
      "schema App:",
      `    tag: str = "1.0.0" ${m("flux-system:app:tag")}`,
      `    name: str = "ghcr.io/acme/old" ${m("flux-system:app:name")}`,
      "",
    ].join("\n");
    const result = editKcl(text, setters({ "flux-system:app": "ghcr.io/acme/app:1.2.0" }));
    expect(result.text).toBe(
      text
        .replace('image = "ghcr.io/acme/app:1.0.0"', 'image = "1.2.0"')
        .replace('tag = "1.0.0" #', 'tag = "ghcr.io/acme/app:1.2.0" #')
        .replace('["ghcr.io/acme/app:1.0.0"]', '["ghcr.io/acme/app"]')
        .replace('tag: str = "1.0.0"', 'tag: str = "1.2.0"')
        .replace('"ghcr.io/acme/old"', '"ghcr.io/acme/app"'),
    );
    const wholeHeld = (field: string, part: string, value: string) =>
      `Flux setter "flux-system:app:${part}" marks ${field}, which holds a whole reference (ghcr.io/acme/app:1.0.0), with its ${part} alone: ${value} is written there, ` +
      'as Flux writes a marked field, and the field then holds only that; mark it {"$imagepolicy": "flux-system:app"} to set the whole reference';
    // The schema's fields are named for what they hold: nothing to say there.
    expect(result.warnings).toEqual([
      { line: 2, message: wholeHeld("image", "tag", "1.2.0") },
      {
        line: 6,
        message:
          'Flux setter "flux-system:app" marks tag, a tag field, with the whole reference: ghcr.io/acme/app:1.2.0 is written there, as Flux writes a marked field, ' +
          'and kustomize or the chart reads it as a tag (name:ghcr.io/acme/app:1.2.0); mark it {"$imagepolicy": "flux-system:app:tag"} to set the tag alone',
      },
      { line: 8, message: wholeHeld("a string", "name", "ghcr.io/acme/app") },
    ]);
  });

  it("writes the name a :name marker sets into a tag field, as Flux does, and says what reads it there, as in YAML (review kclfuzz N1)", () => {
    const text = 'image = {repository = "ghcr.io/acme/app", tag = "1.0.0"}  # {"$imagepolicy": "flux-system:app:name"}\n';
    const result = editKcl(text, setters({ "flux-system:app": "ghcr.io/acme/app:1.2.0" }));
    expect(result.text).toBe(text.replace('tag = "1.0.0"', 'tag = "ghcr.io/acme/app"'));
    expect(result.warnings).toEqual([
      {
        line: 1,
        message:
          'Flux setter "flux-system:app:name" marks tag, a tag field, with the name alone: ghcr.io/acme/app is written there, as Flux writes a marked field, ' +
          'and what reads the field reads it as a tag; mark it {"$imagepolicy": "flux-system:app:tag"} to set the tag',
      },
    ]);
  });

  it("writes the whole reference a plain marker sets into a repository, as Flux does, and says a chart reads it as the name before its tag, as in YAML", () => {
    const text = 'image = {repository = "ghcr.io/acme/app", tag = "1.0.0"}  # {"$imagepolicy": "ns:app"}\n';
    const result = editKcl(text, setters({ "ns:app": "ghcr.io/acme/app:1.1.0" }));
    expect(result.text).toBe(text.replace('"ghcr.io/acme/app"', '"ghcr.io/acme/app:1.1.0"'));
    expect(result.warnings).toEqual([
      {
        line: 1,
        message:
          'Flux setter "ns:app" marks repository, a name field, with the whole reference: ghcr.io/acme/app:1.1.0 is written there, as Flux writes a marked field, ' +
          'and kustomize or the chart reads it as a name (ghcr.io/acme/app:1.1.0:tag); mark it {"$imagepolicy": "ns:app:name"} to set the name alone',
      },
    ]);
  });

  it("writes the whole name a :name marker sets into a repository beside a registry field, as Flux does, and says a chart joining the two reads the registry twice, as in YAML", () => {
    const text = [
      "image = {",
      '    registry = "ghcr.io"',
      '    repository = "acme/app"  # {"$imagepolicy": "ns:app:name"}',
      '    tag = "1.0.0"  # {"$imagepolicy": "ns:app:tag"}',
      "}",
      "",
    ].join("\n");
    const result = editKcl(text, setters({ "ns:app": "ghcr.io/acme/app:1.1.0" }));
    expect(result.text).toBe(text.replace('"acme/app"', '"ghcr.io/acme/app"').replace('"1.0.0"', '"1.1.0"'));
    expect(result.warnings).toEqual([
      {
        line: 3,
        message:
          'Flux setter "ns:app:name" marks image.repository, beside the registry field image.registry (ghcr.io): ghcr.io/acme/app, the name with its registry, ' +
          "is written there, as Flux writes a marked field, and a chart that joins the registry to the repository reads ghcr.io/ghcr.io/acme/app; " +
          'leave the repository unmarked, written without its registry, and mark the tag alone {"$imagepolicy": "ns:app:tag"}',
      },
    ]);
    // A registry a dotted key brings beside it is joined all the same, with no tag field too.
    const dotted = 'config = {\n    image.registry = "ghcr.io"\n    image.repository = "acme/app"  # {"$imagepolicy": "ns:app:name"}\n}\n';
    expect(editKcl(dotted, setters({ "ns:app": "ghcr.io/acme/app:1.1.0" })).warnings.map((w) => [w.line, w.message.split(":", 3).join(":")])).toEqual([
      [3, 'Flux setter "ns:app:name" marks config.image.repository, beside the registry field config.image.registry (ghcr.io)'],
    ]);
  });

  it("says nothing of a registry field where the joined name is the image's: a Docker Hub name written without its registry, an empty registry, as in YAML", () => {
    const runs = [
      ['image = {registry = "docker.io", repository = "acme/web"}  # {"$imagepolicy": "ns:app:name"}\n', "acme/app:1.1.0"],
      ['image = {registry = "", repository = "acme/web"}  # {"$imagepolicy": "ns:app:name"}\n', "ghcr.io/acme/app:1.1.0"],
    ].map(([text, image]) => editKcl(text!, setters({ "ns:app": image! })));
    expect(runs.map(({ text, warnings }) => [text, warnings])).toEqual([
      ['image = {registry = "docker.io", repository = "acme/app"}  # {"$imagepolicy": "ns:app:name"}\n', []],
      ['image = {registry = "", repository = "ghcr.io/acme/app"}  # {"$imagepolicy": "ns:app:name"}\n', []],
    ]);
  });

  it("reads a repository beside a string registry as the image the two make: no warning of Docker Hub's repository of that path, the bare-field one of the joined image", () => {
    const pair = 'image = {registry = "ghcr.io", repository = "acme/app", tag = "v1"}\n';
    // ghcr.io/acme/app is no docker.io/acme/app: nothing moves, and nothing is said of docker.io/acme/app with no tag.
    expect(editKcl(pair, images("acme/app:v2"))).toEqual({ text: pair, changes: [], warnings: [] });
    expect(editKcl(pair, images("ghcr.io/acme/app:v2")).text).toBe(pair.replace("v1", "v2"));
    // With no tag beside it, the repository is ghcr.io/acme/app's, whose version is set in another field.
    const untagged = 'image = {registry = "ghcr.io", repository = "acme/app"}\n';
    expect(editKcl(untagged, images("acme/app:v2")).warnings).toEqual([]);
    expect(editKcl(untagged, images("ghcr.io/acme/app:v2")).warnings.map((w) => w.message)).toEqual([
      'image.repository holds ghcr.io/acme/app with no tag or digest, so its version is set in another field; left as it is (mark the field holding its tag with a Flux ":tag" marker, or set that field with a configured override with part: tag)',
    ]);
  });

  it("reads a registry held by a top-level string constant as that string, and leaves a pair whose registry it cannot read, said at its tag", () => {
    for (const held of ["_reg", '"${_reg}"', '"${ _reg }"', "(_reg)", '("${_reg}")']) {
      const pair = `_reg = "ghcr.io"\nimage = {registry = ${held}, repository = "acme/app", tag = "v1"}\n`;
      expect(editKcl(pair, images("ghcr.io/acme/app:v2")).text).toBe(pair.replace("v1", "v2"));
      expect(editKcl(pair, images("acme/app:v2"))).toEqual({ text: pair, changes: [], warnings: [] });
    }
    // A chain naming it twice assigns it once: still a constant.
    const chained = '_reg = _reg = "ghcr.io"\nimage = {registry = _reg, repository = "acme/app", tag = "v1"}\n';
    expect(editKcl(chained, images("ghcr.io/acme/app:v2")).text).toBe(chained.replace("v1", "v2"));
    // Another variable (one assigned twice, a schema's, an import's), a longer interpolation, a call: the chart pulls <registry>/acme/app.
    const unknown = ["reg", "lib.registry", '"${_host}:5000"', "registryOf(env)"];
    for (const registry of unknown) {
      const pair = `_reg = "a.io"\n_reg = "b.io"\nimage = {\n    registry = ${registry}\n    repository = "acme/app"\n    tag = "v1"\n}\n`;
      const said = (image: string) =>
        `image.registry (line 4) is ${registry}, which is neither a string nor a top-level string constant: the registry acme/app is pulled from is not known, ` +
        `so image.tag is not edited for ${image}; write the registry as a string, or set image.tag with a Flux ":tag" marker on its line or an override of image.tag`;
      for (const image of ["docker.io/acme/app", "ghcr.io/acme/app"]) {
        const result = editKcl(pair, images(`${image}:v2`));
        expect([result.text, result.warnings.map((w) => [w.line, w.message])]).toEqual([pair, [[6, said(image)]]]);
      }
      // A tag already at the incoming version, another image's repository, or no tag: nothing to say.
      expect(editKcl(pair.replace("v1", "v2"), images("acme/app:v2")).warnings).toEqual([]);
      expect(editKcl(pair, images("acme/web:v2")).warnings).toEqual([]);
      expect(editKcl(pair.replace('    tag = "v1"\n', ""), images("acme/app:v2")).warnings).toEqual([]);
    }
    // _reg assigned twice is no constant either.
    const twice = '_reg = "a.io"\n_reg = "b.io"\nimage = {registry = _reg, repository = "acme/app", tag = "v1"}\n';
    expect(editKcl(twice, images("a.io/acme/app:v2")).changes).toEqual([]);
    // Nor is one that a later statement may change: KCL lets a private name be augmented or set again in a top-level if block.
    const image = 'image = {registry = _reg, repository = "acme/app", tag = "v1"}\n';
    for (const later of [
      '_reg += "/mirror"',
      'if env == "prod":\n    _reg = "b.io"',
      'if env == "prod":\n    x = {_reg = "c.io"}\nelse:\n    _reg: str = "b.io"',
      // The block's statement on the if's line, as a chain's second target, or augmenting it.
      'if env == "prod": _reg = "b.io"',
      'if env == "prod":\n    _mirror = _reg = "b.io"',
      'if env == "prod":\n    _reg += "/mirror"',
      // Any augmented assignment, not only `+=`: KCL repeats a string multiplied.
      'if env == "prod":\n    _reg *= 2',
    ]) {
      const changed = `_reg = "a.io"\n${later}\n${image}`;
      const result = editKcl(changed, images("a.io/acme/app:v2"));
      expect([result.changes, result.warnings.map((w) => w.message)]).toEqual([[], [expect.stringContaining("image.registry (line")]]);
    }
    // A config entry named like it in such a block sets no module name, on the block's line or a line of its own: the constant still reads.
    for (const config of ['x = {_reg = "c.io"}', 'x = {\n        _reg = "c.io"\n    }']) {
      const entry = `_reg = "a.io"\nif env == "prod":\n    ${config}\n${image}`;
      expect(editKcl(entry, images("a.io/acme/app:v2")).text).toBe(entry.replace("v1", "v2"));
    }
  });

  it("reads a registry that is None or Undefined, in parentheses or not, as none, as YAML's null registry: the repository alone names the image, and a :name marker beside it is not warned about", () => {
    // KCL reads `(None)` as None, as it reads `("ghcr.io")` as the string.
    for (const none of ["None", "Undefined", "(None)", "((Undefined))", "(\n    None\n)"]) {
      const pair = `image = {registry = ${none}, repository = "acme/app", tag = "1.0.0"}\n`;
      const moved = editKcl(pair, images("acme/app:1.1.0"));
      expect([moved.text, moved.warnings]).toEqual([pair.replace("1.0.0", "1.1.0"), []]);
      // Not the text "None": ghcr.io/acme/app is no None/acme/app, and no other image's tag moves.
      expect(editKcl(pair, images("ghcr.io/acme/app:1.1.0")).changes).toEqual([]);
      const marked = `image = {registry = ${none}, repository = "acme/app"}  # {"$imagepolicy": "ns:app:name"}\n`;
      const written = editKcl(marked, setters({ "ns:app": "ghcr.io/acme/app:1.1.0" }));
      expect([written.text, written.warnings]).toEqual([marked.replace('"acme/app"', '"ghcr.io/acme/app"'), []]);
    }
  });

  it("reads a registry written as a triple-quoted string as KCL does, dedented and its escapes decoded, as --set's advice reads it", () => {
    // Written on a line of its own, indented, or with an escape: KCL's value is ghcr.io in each, the literal's text is not.
    for (const [before, registry] of [
      ["", '"""\n        ghcr.io"""'],
      ["", '"""ghcr\\x2eio"""'],
      ['_reg = """\n    ghcr.io"""\n', "_reg"],
    ]) {
      const pair = `${before}image = {registry = ${registry}, repository = "acme/app", tag = "v1"}\n`;
      const result = editKcl(pair, images("ghcr.io/acme/app:v2"));
      expect([result.text, result.warnings]).toEqual([pair.replace('"v1"', '"v2"'), []]);
    }
  });

  it("says a marker on a comment line of its own marks nothing, as a YAML user writes it above the value; commented-out code is not read", () => {
    const text = [
      "app = {",
      '    # {"$imagepolicy": "ns:app"}',
      '    image = "ghcr.io/acme/app:1.0.0"',
      '    # image = "ghcr.io/acme/app:1.0.0"  # {"$imagepolicy": "ns:app"}',
      "}",
      "",
    ].join("\n");
    const result = editKcl(text, setters({ "ns:app": "ghcr.io/acme/app:2.0.0" }));
    expect([result.text, result.changes]).toEqual([text, []]);
    expect(result.warnings).toEqual([
      {
        line: 2,
        message:
          'Flux setter "ns:app" is on a comment line of its own, which marks nothing in KCL: a KCL marker sets the string its line ends with (the YAML form above the value does not apply)',
      },
    ]);
  });

  it("says a marker after a closer, or after a string begun lines above, marks nothing and where it goes; the values before it move by repository as unmarked ones (review kcl18 M1)", () => {
    const text = [
      "app = App {",
      '    image = "ghcr.io/acme/app:1.0.0"',
      "    sidecars = [",
      '        "ghcr.io/acme/app:1.0.0"',
      '    ], # {"$imagepolicy": "ns:app:tag"}',
      '} # {"$imagepolicy": "ns:app"}',
      'notes = """',
      'ghcr.io/acme/app:1.0.0""" # {"$imagepolicy": "ns:app"}',
      "",
    ].join("\n");
    const where = (setter: string, follows: string) =>
      `Flux setter "${setter}" follows ${follows}, where it marks nothing: a KCL marker sets the string its line ends with, closers and commas aside, ` +
      "so the values before it are treated as unmarked; write it at the end of the line of the string value it sets";
    const warnings = [
      { line: 5, message: where("ns:app:tag", "a closing ]") },
      { line: 6, message: where("ns:app", "a closing }") },
      { line: 8, message: where("ns:app", "a string begun on line 7") },
    ];
    const bySetter = editKcl(text, setters({ "ns:app": "ghcr.io/acme/app:2.0.0" }));
    expect([bySetter.text, bySetter.warnings]).toEqual([text, warnings]);
    // Said whether or not the run has an image for the key: the marker is in the wrong place either way.
    expect(editKcl(text, setters({})).warnings).toEqual(warnings);
    const byImage = editKcl(text, images("ghcr.io/acme/app:2.0.0"));
    expect(byImage.changes.map((c) => [c.line, c.key])).toEqual([
      [2, "app.image"],
      [4, "app.sidecars[0]"],
    ]);
    expect(byImage.warnings).toEqual(warnings);
  });

  it("a marked literal is left to its marker, not matched by repository", () => {
    const marked = 'a = {image = "ghcr.io/acme/app:1.0.0"  # {"$imagepolicy": "ns:other"}\n}\n';
    const result = editKcl(marked, images("ghcr.io/acme/app:2.0.0"));
    expect(result.text).toBe(marked);
    expect(result.warnings).toEqual([{ line: 1, message: 'no image is configured for Flux setter "ns:other"; the marked value is left as it is' }]);
  });
});
