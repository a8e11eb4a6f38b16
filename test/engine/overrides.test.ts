import { describe, expect, it } from "vitest";
import { versionNoteWarning, type EditResult, type FieldWarning } from "../../src/change.js";
import type { OverrideConfig } from "../../src/engine/config.js";
import {
  checkConfiguredOverrides,
  collectOverrides,
  configuredOverride,
  overFile,
  overriddenIn,
  overrideNamesField,
  toldThere,
} from "../../src/engine/overrides.js";
import { parsePolicy } from "../../src/image/policy.js";
import { parseImageRef } from "../../src/image/reference.js";
import { editCheckedKcl } from "../../src/kcl/editor.js";
import { editCheckedYaml, editYaml } from "../../src/yaml/editor.js";
import { memorySource } from "../../src/engine/source.js";
import type { FieldNamer } from "../../src/field-name.js";
import { actionFieldName, cliFieldName } from "../support/faces.js";

const override = (spec: string, image: string, part?: "tag"): OverrideConfig => ({
  file: "base/main.k",
  spec,
  image,
  repository: parseImageRef(image).repository,
  ...(part && { part }),
  line: 2,
  index: 0,
});

describe("overriddenIn", () => {
  it("names the repositories whose configured overrides set something in the file: those of the file's images", () => {
    const requested = [override("_tag", "ghcr.io/acme/web", "tag"), override("api.image", "ghcr.io/acme/api")];
    // A file whose target allows only web: the api override sets nothing there.
    expect(overriddenIn(requested, [{ image: parseImageRef("ghcr.io/acme/web:1.2.6") }]).repositories).toEqual(new Set(["ghcr.io/acme/web"]));
    expect(overriddenIn(requested, []).repositories).toEqual(new Set());
  });

  it("names the paths the --set specs set, as a path is written, whatever images the file gets; not a delete, nor a spec that does not parse", () => {
    const requested = ['_tag="1.2.3"', 'cfg["tag"]="1.2.3"', 'labels:{a="b"}', "old-", "=1", override("_tag", "ghcr.io/acme/web", "tag")];
    expect(overriddenIn(requested, [])).toEqual({ repositories: new Set(), paths: new Set(["_tag", "cfg.tag", "labels"]) });
  });
});

describe("overrideNamesField", () => {
  const configured = [{ ...override("spec.values.image.tag", "ghcr.io/acme/web", "tag"), file: "apps/release.yaml" }];

  it("says whether a --set or a configured override of the file names the field, however its path is written", () => {
    expect(overrideNamesField("values.yaml", "image.tag", ['image["tag"]=1.5.0'], [])).toBe(true);
    expect(overrideNamesField("values.yaml", "images[0].newTag", ["images.0.newTag=1.5.0"], [])).toBe(true);
    expect(overrideNamesField("apps/release.yaml", 'spec.values["image"].tag', [], configured)).toBe(true);
    // a configured override of another file, a field beside it, or a spec that does not parse names nothing
    expect(overrideNamesField("apps/other.yaml", "spec.values.image.tag", [], configured)).toBe(false);
    expect(overrideNamesField("values.yaml", "image.tag", ["image.repository=ghcr.io/acme/web", "image.tag"], [])).toBe(false);
  });

  it("tells a key holding a dot from the dotted path", () => {
    expect(overrideNamesField("values.yaml", "image.tag", ['["image.tag"]=1.5.0'], [])).toBe(false);
    expect(overrideNamesField("values.yaml", "app.image.tag", ['app["image.tag"]=1.5.0'], [])).toBe(false);
    expect(overrideNamesField("values.yaml", 'app["image.tag"]', ['app["image.tag"]=1.5.0'], [])).toBe(true);
  });
});

describe("overFile", () => {
  const digest = `sha256:${"1".repeat(64)}`;
  const unedited = (text: string): EditResult => ({ text, changes: [], warnings: [] });

  it("refuses to create a kustomization's images as a mapping where only the file's name says it is one, for a --set and a configured override", async () => {
    // No apiVersion, no kind, no list: kustomize reads it as a kustomization by its name alone.
    const kustomization = "namespace: prod\n";
    const refused = "kustomize reads images in a kustomization as a list";
    expect(() => overFile("apps/production/kustomization.yaml", "yaml", unedited(kustomization), ["images.newTag=1.3.0"], true)).toThrow(refused);
    expect(overFile("apps/production/values.yaml", "yaml", unedited(kustomization), ["images.newTag=1.3.0"], true).text).toBe(
      "namespace: prod\nimages:\n  newTag: 1.3.0\n",
    );
    const configured = { ...override("images.newTag", "ghcr.io/acme/app", "tag"), file: "kustomization.yaml", specLine: 3 };
    const issues = await checkConfiguredOverrides(
      memorySource(new Map([["kustomization.yaml", kustomization]])),
      [configured],
      ".github/gitops-promote.yaml",
      new Set(["kustomization.yaml"]),
      true,
    );
    expect(issues.map((issue) => issue.message)).toEqual([
      expect.stringContaining(`overrides[0].spec: kustomization.yaml:1: images.newTag: the document has 'namespace', not 'images'; ${refused}`),
    ]);
  });

  describe("a --set of a tag beside a digest, as Helm values and KCL configs pin an image", () => {
    const values = `image:\n  repository: ghcr.io/acme/web\n  tag: "1.4.0"\n  digest: "${digest}"\n`;
    const config = `image = {repository = "ghcr.io/acme/web", tag = "1.4.0", digest = "${digest}"}\n`;

    it("says the digest still pins the earlier build when the run sets the tag alone", () => {
      const stale = expect.stringMatching(/^image\.tag: --set wrote 1\.5\.0, but the digest beside it \(image\.digest, line \d\) still pins the earlier build/);
      expect(overFile("values.yaml", "yaml", unedited(values), ["image.tag=1.5.0"], false).warnings).toEqual([{ line: 3, message: stale }]);
      expect(overFile("main.k", "kcl", unedited(config), ['image.tag="1.5.0"'], false).warnings).toEqual([{ line: 1, message: stale }]);
    });

    it("names the set and the image to give as the request's face does: the Action's inputs, the CLI's flags", () => {
      const said = (fieldName: FieldNamer) =>
        [
          ...overFile("values.yaml", "yaml", unedited(values), ["image.tag=1.5.0"], false, values, fieldName).warnings,
          ...overFile("main.k", "kcl", unedited(config), ['image.tag="1.5.0"'], false, config, fieldName).warnings,
        ].map((w) => w.message);
      const fromAction = expect.stringMatching(
        /^image\.tag: input set wrote 1\.5\.0, .*, or give the image with images: ghcr\.io\/acme\/web:1\.5\.0@sha256:<digest>$/,
      );
      expect(said(actionFieldName)).toEqual([fromAction, fromAction]);
      const fromCli = expect.stringMatching(
        /^image\.tag: --set wrote 1\.5\.0, .*, or give the image with --image ghcr\.io\/acme\/web:1\.5\.0@sha256:<digest>$/,
      );
      expect(said(cliFieldName)).toEqual([fromCli, fromCli]);
    });

    it("says nothing when the run sets the digest too, after the tag or before it", () => {
      const yaml = overFile("values.yaml", "yaml", unedited(values), ["image.tag=1.5.0", `image.digest=sha256:${"2".repeat(64)}`], false);
      expect([yaml.changes.length, yaml.warnings]).toEqual([2, []]);
      const kcl = overFile("main.k", "kcl", unedited(config), ['image.digest=""', 'image.tag="1.5.0"'], false);
      expect([kcl.changes.length, kcl.warnings]).toEqual([2, []]);
    });

    it("warns of a value set to a field named digest that is no digest, and writes it: a --set is what was asked for", () => {
      const invalid = (key: string) =>
        `${key}: --set wrote sha256:abc, which is no digest (a sha256 digest has 64 hex digits, this one has 3); Kubernetes refuses an image reference pinned to it`;
      const yaml = overFile("values.yaml", "yaml", unedited(values), ["image.digest=sha256:abc"], false);
      expect([yaml.text, yaml.warnings]).toEqual([values.replace(digest, "sha256:abc"), [{ line: 4, message: invalid("image.digest") }]]);
      const kcl = overFile("main.k", "kcl", unedited(config), ['image.digest="sha256:abc"'], false, config, actionFieldName);
      expect(kcl.warnings).toEqual([{ line: 1, message: invalid("image.digest").replace("--set", "input set") }]);
      // A ':' merge's entry is the --set's too, not a configured override's.
      const merged = overFile("main.k", "kcl", unedited(config), ['image:{digest = "sha256:abc"}'], false);
      expect(merged.warnings).toEqual([{ line: 1, message: invalid("image.digest") }]);
      // Emptied, as a tag that decides alone asks, or a digest: no news.
      expect(overFile("values.yaml", "yaml", unedited(values), ['image.digest=""'], false).warnings).toEqual([]);
    });

    it("names a configured override that wrote a value no digest to a field named digest as its own, not as a --set", () => {
      // part: tag aimed at a digest field that holds a tag (one holding a digest is left): the incoming tag lands there.
      const tagged = configuredOverride(override("image.digest", "ghcr.io/acme/web", "tag"), [{ image: parseImageRef("ghcr.io/acme/web:1.2.3") }]);
      const configured = overFile("values.yaml", "yaml", unedited(values.replace(digest, "1.2.2")), tagged, false);
      expect([configured.text, configured.warnings]).toEqual([
        values.replace(digest, "1.2.3"),
        [
          {
            line: 4,
            message:
              'image.digest: its configured override wrote 1.2.3, which is no digest (digest "1.2.3" is not <algorithm>:<hex>, e.g. sha256:<64 hex digits>); Kubernetes refuses an image reference pinned to it',
          },
        ],
      ]);
    });

    it("says it still when the run sets another field whose path reads alike: a key holding a dot (image.digest) is not the image's digest", () => {
      const stale = expect.stringMatching(/^app\.image\.tag: --set wrote 1\.5\.0, but the digest beside it \(app\.image\.digest, line \d\) still pins/);
      const nested = `app:\n  image:\n    repository: ghcr.io/acme/web\n    tag: "1.4.0"\n    digest: "${digest}"\n  image.digest: none\n`;
      const yaml = overFile("values.yaml", "yaml", unedited(nested), ["app.image.tag=1.5.0", 'app["image.digest"]=other'], false);
      expect([yaml.changes.length, yaml.warnings]).toEqual([2, [{ line: 4, message: stale }]]);
      const config = `app = {image = {repository = "ghcr.io/acme/web", tag = "1.4.0", digest = "${digest}"}, "image.digest" = "none"}\n`;
      const kcl = overFile("main.k", "kcl", unedited(config), ['app.image.tag="1.5.0"', 'app["image.digest"]="other"'], false);
      expect([kcl.changes.length, kcl.warnings]).toEqual([2, [{ line: 1, message: stale }]]);
    });
  });

  it("says the same of a kustomize images: entry's newTag beside its digest, which kustomize uses instead; not when the run empties the digest", () => {
    const kustomization = `images:\n  - name: ghcr.io/acme/api\n    newTag: 1.3.2\n    digest: ${digest}\n`;
    const set = (...specs: string[]) => overFile("overlays/prod/kustomization.yaml", "yaml", unedited(kustomization), specs, false).warnings;
    expect(set("images[0].newTag=1.4.0")).toEqual([
      {
        line: 3,
        message: expect.stringMatching(/^images\[0\]\.newTag: --set wrote 1\.4\.0, but the digest beside it \(images\[0\]\.digest, line 4\) still pins/),
      },
    ]);
    expect(set("images[0].newTag=1.4.0", "images.0.digest=")).toEqual([]);
  });

  describe("a configured override with part: tag beside a digest", () => {
    // The chart's registry is elsewhere (global.imageRegistry), so the Helm editor does not read the pair: the override sets its tag.
    const values = `global:\n  imageRegistry: ghcr.io\nimage:\n  repository: acme/web\n  tag: "1.4.0"\n  digest: "${digest}"\n`;
    const computed = (ref: string) => configuredOverride(override("image.tag", "ghcr.io/acme/web", "tag"), [{ image: parseImageRef(ref) }]);

    it("sets the tag and says the digest still pins the earlier build, with or without an incoming digest, as a --set of the tag does", () => {
      for (const ref of ["ghcr.io/acme/web:1.5.0", `ghcr.io/acme/web:1.5.0@sha256:${"a".repeat(64)}`]) {
        const result = overFile("values.yaml", "yaml", unedited(values), computed(ref), false);
        expect(result.text).toBe(values.replace('"1.4.0"', '"1.5.0"'));
        expect(result.warnings).toEqual([
          {
            line: 5,
            message:
              "image.tag: its configured override wrote 1.5.0, but the digest beside it (image.digest, line 6) still pins the earlier build sha256:111111111111, so that build runs; " +
              "an override with part: tag sets only the tag: empty image.digest so that the tag decides, or set it with --set",
          },
        ]);
      }
    });

    it("says the same of a KCL config, and nothing where the override's policy keeps the tag", () => {
      const config = `image = {repository = "acme/web", tag = "1.4.0", digest = "${digest}"}\n`;
      const result = overFile("main.k", "kcl", unedited(config), computed("ghcr.io/acme/web:1.5.0"), false);
      expect(result.text).toBe(config.replace('"1.4.0"', '"1.5.0"'));
      expect(result.warnings).toEqual([
        { line: 1, message: expect.stringMatching(/^image\.tag: its configured override wrote 1\.5\.0, but the digest beside it \(image\.digest, line 1\)/) },
      ]);
      const policy = { semver: { range: ">=1.0.0" } };
      const kept = configuredOverride(override("image.tag", "ghcr.io/acme/web", "tag"), [
        { image: parseImageRef("ghcr.io/acme/web:1.3.0"), policy: parsePolicy(policy) },
      ]);
      const unchanged = overFile("main.k", "kcl", unedited(config), kept, false);
      expect(unchanged.text).toBe(config);
      expect(unchanged.warnings.filter((w) => w.message.includes("still pins"))).toEqual([]);
    });

    it("names the set it advises as the request's face does", () => {
      const said = overFile("values.yaml", "yaml", unedited(values), computed("ghcr.io/acme/web:1.5.0"), false, values, actionFieldName).warnings;
      expect(said.map((w) => w.message)).toEqual([expect.stringMatching(/^image\.tag: its configured override wrote 1\.5\.0, .*, or set it with input set$/)]);
    });

    it("says nothing when a --set of the same run sets the digest", () => {
      const both = overFile("values.yaml", "yaml", unedited(values), [...computed("ghcr.io/acme/web:1.5.0"), 'image.digest=""'], false);
      expect([both.changes.length, both.warnings]).toEqual([2, []]);
    });
  });

  it("moves only the version of an Argo CD kustomize image string naming what it applies to, kept as written: a mirror's, or one after *", () => {
    const app = (images: string) => `kind: Application\nspec:\n  source:\n    kustomize:\n      images:\n${images}`;
    const text = app(`        - ghcr.io/acme/web=registry.internal/web:2.0.0\n        - "{{.env}}-web=*:2.0.0"\n`);
    const at = (index: number, ref: string, policy?: { semver: { range: string } }) =>
      configuredOverride({ ...override(`spec.source.kustomize.images[${index}]`, "ghcr.io/acme/web"), file: "app.yaml" }, [
        { image: parseImageRef(ref), ...(policy && { policy: parsePolicy(policy) }) },
      ]);
    const moved = overFile("app.yaml", "yaml", unedited(text), [...at(0, `ghcr.io/acme/web:2.1.0@${digest}`), ...at(1, "ghcr.io/acme/web:2.1.0")], false);
    expect(moved.text).toBe(app(`        - ghcr.io/acme/web=registry.internal/web:2.1.0@${digest}\n        - "{{.env}}-web=*:2.1.0"\n`));
    // Its version is judged as the image's own: a policy keeps a newer one.
    const kept = overFile(
      "app.yaml",
      "yaml",
      unedited(text.replace("web:2.0.0", "web:2.3.0")),
      at(0, "ghcr.io/acme/web:2.1.0", { semver: { range: "^2.0.0" } }),
      false,
    );
    expect([kept.changes, kept.warnings.map((w) => w.message.split(",")[0])]).toEqual([[], ["spec.source.kustomize.images[0] keeps 2.3.0"]]);
    // A string of no other field is read so: it is written whole.
    const values = "image: a=b:1.0.0\n";
    const whole = configuredOverride({ ...override("image", "ghcr.io/acme/web"), file: "values.yaml" }, [{ image: parseImageRef("ghcr.io/acme/web:2.1.0") }]);
    expect(overFile("values.yaml", "yaml", unedited(values), whole, false).text).toBe("image: ghcr.io/acme/web:2.1.0\n");
  });

  describe("a --set of a whole KCL config an editor changed an image inside", () => {
    const web = [{ image: parseImageRef("ghcr.io/acme/web:2.0.0") }];
    const report = (result: EditResult) => result.changes.map((c) => `${c.line} ${c.key}: ${c.old} -> ${c.new}`);

    it("reports the override alone, from what the file held, and says the incoming image is overruled there", () => {
      const text = 'app = {\n    containers = {main = {image = "ghcr.io/acme/web:1.0.0"}}\n}\n';
      const edited = editCheckedKcl(text, { images: web, setters: new Map() });
      const spec = 'app.containers={main = {image = "ghcr.io/acme/web:3.0.0"}}';
      const result = overFile("main.k", "kcl", edited, [spec], false, text);
      expect(result.text).toBe(text.replace("1.0.0", "3.0.0"));
      // Not web:1.0.0 -> 2.0.0 and then a config holding 2.0.0, which the file never held.
      expect(report(result)).toEqual(['2 app.containers: {main = {image = "ghcr.io/acme/web:1.0.0"}} -> {main = {image = "ghcr.io/acme/web:3.0.0"}}']);
      expect(result.warnings.map((w) => [w.line, w.message])).toEqual([
        [
          2,
          'app.containers: --set wrote {main = {image = "ghcr.io/acme/web:3.0.0"}}, which takes precedence over ghcr.io/acme/web:2.0.0 from the incoming image at app.containers.main.image',
        ],
      ]);
    });

    it("says so too where a ':' merge of the variable writes the image, or the config holding it, under the spec's path", () => {
      const text = 'app = {\n    containers = {main = {image = "ghcr.io/acme/web:1.0.0"}}\n}\n';
      const edited = editCheckedKcl(text, { images: web, setters: new Map() });
      const merged = overFile("main.k", "kcl", edited, ['app:{containers: {main: {image = "ghcr.io/acme/web:3.0.0"}}}'], false, text);
      expect(merged.text).toBe(text.replace("1.0.0", "3.0.0"));
      expect(merged.warnings.map((w) => w.message)).toEqual([
        "app.containers.main.image: --set wrote ghcr.io/acme/web:3.0.0, which takes precedence over ghcr.io/acme/web:2.0.0 from the incoming image",
      ]);
      const replaced = overFile("main.k", "kcl", edited, ['app:{containers = {main = {image = "ghcr.io/acme/web:3.0.0"}}}'], false, text);
      expect(replaced.warnings.map((w) => w.message)).toEqual([
        'app.containers: --set wrote {main = {image = "ghcr.io/acme/web:3.0.0"}}, which takes precedence over ghcr.io/acme/web:2.0.0 from the incoming image at app.containers.main.image',
      ]);
    });

    it("does so over several lines, and reports nothing where the config is written back as the file held it", () => {
      const text = 'app = {\n    main = {\n        image = "ghcr.io/acme/web:1.0.0"\n    }\n    replicas = 1\n}\n';
      const edited = editCheckedKcl(text, { images: web, setters: new Map() });
      const result = overFile("main.k", "kcl", edited, ['app.main={image = "ghcr.io/acme/web:3.0.0"}', "app.replicas=2"], false, text);
      expect(report(result)).toEqual([
        '2 app.main: {\n        image = "ghcr.io/acme/web:1.0.0"\n    } -> {image = "ghcr.io/acme/web:3.0.0"}',
        "3 app.replicas: 1 -> 2",
      ]);
      const line = 'app = {\n    main = {image = "ghcr.io/acme/web:1.0.0"}\n}\n';
      const back = overFile(
        "main.k",
        "kcl",
        editCheckedKcl(line, { images: web, setters: new Map() }),
        ['app.main={image = "ghcr.io/acme/web:1.0.0"}'],
        false,
        line,
      );
      expect(back.text).toBe(line);
      expect(report(back)).toEqual([]);
    });

    it("is one change with the field's own, where a --set of a literal of another kind, reported as written, replaces the image", () => {
      const text = 'app = {\n    image = "ghcr.io/acme/web:1.0.0"\n}\n';
      const edited = editCheckedKcl(text, { images: web, setters: new Map() });
      const result = overFile("main.k", "kcl", edited, ["app.image=None"], false, text);
      expect(report(result)).toEqual(["2 app.image: ghcr.io/acme/web:1.0.0 -> None"]);
      expect(result.warnings.map((w) => w.message)).toContain(
        "app.image: --set wrote None, which takes precedence over ghcr.io/acme/web:2.0.0 from the incoming image",
      );
    });

    it("says a --set that deletes the field, or sets it to an empty string, as it does: one change with the field's own (review kcl18 S3)", () => {
      const text = 'app = {\n    image = "ghcr.io/acme/web:1.0.0"\n    sidecar = "ghcr.io/acme/web:1.0.0"\n}\n';
      const edited = editCheckedKcl(text, { images: web, setters: new Map() });
      const result = overFile("main.k", "kcl", edited, ["app.image-", 'app.sidecar=""'], false, text);
      expect(result.changes.map((c) => [c.line, c.key, c.old, c.new, c.op])).toEqual([
        [2, "app.image", "ghcr.io/acme/web:1.0.0", "", "delete"],
        // The line it holds in the output, which the delete moved up.
        [2, "app.sidecar", "ghcr.io/acme/web:1.0.0", "", undefined],
      ]);
      expect(result.warnings.map((w) => w.message)).toEqual([
        "app.image: --set deleted it, which takes precedence over ghcr.io/acme/web:2.0.0 from the incoming image",
        'app.sidecar: --set wrote "", which takes precedence over ghcr.io/acme/web:2.0.0 from the incoming image',
      ]);
    });

    it("is the YAML rule too: a --set of a field whose tag a Flux marker moved is one change, from what the file held", () => {
      const text = 'image: ghcr.io/acme/web:1.0.0 # {"$imagepolicy": "flux-system:web:tag"}\n';
      const edited = editYaml(text, { images: [], setters: new Map([["flux-system:web", { image: parseImageRef("ghcr.io/acme/web:2.0.0") }]]) });
      const result = overFile("values.yaml", "yaml", edited, ["image=nginx:1.25"], false, text);
      expect(report(result)).toEqual(["1 image: ghcr.io/acme/web:1.0.0 -> nginx:1.25"]);
      // The marker's own warning (a :tag marker on a whole reference) stays, beside the set's.
      const partMarker = expect.stringMatching(/^Flux setter "flux-system:web:tag" marks image, which holds a whole reference/);
      expect(result.warnings.map((w) => w.message)).toEqual([
        partMarker,
        "image: --set wrote nginx:1.25, which takes precedence over 2.0.0 from the incoming image at flux-system:web:tag",
      ]);
      // The set is named as the request's face names it.
      expect(overFile("values.yaml", "yaml", edited, ["image=nginx:1.25"], false, text, actionFieldName).warnings.map((w) => w.message)).toEqual([
        partMarker,
        "image: input set wrote nginx:1.25, which takes precedence over 2.0.0 from the incoming image at flux-system:web:tag",
      ]);
    });

    it("keeps the editor's change inside a list a += adds to: the list keeps what it holds", () => {
      const text = 'app = {\n    images = ["ghcr.io/acme/web:1.0.0"]\n}\n';
      const edited = editCheckedKcl(text, { images: web, setters: new Map() });
      const result = overFile("main.k", "kcl", edited, ['app.images+=["busybox:1.36"]'], false, text);
      expect(result.text).toBe('app = {\n    images = ["ghcr.io/acme/web:2.0.0", "busybox:1.36"]\n}\n');
      expect(report(result)[0]).toBe("2 app.images[0]: ghcr.io/acme/web:1.0.0 -> ghcr.io/acme/web:2.0.0");
      expect(result.warnings).toEqual([]);
    });
  });

  describe("a configured override of a field a Flux marker marks: the marker alone sets it", () => {
    const values = 'image:\n  repository: ghcr.io/acme/web\n  tag: "1.4.0" # {"$imagepolicy": "flux-system:web:tag"}\n';
    const jobs = (ref: string) => configuredOverride(override("image.tag", "ghcr.io/acme/jobs", "tag"), [{ image: parseImageRef(ref) }]);

    it("keeps what the marker wrote, and says which value took precedence", () => {
      const edited = editYaml(values, { images: [], setters: new Map([["flux-system:web", { image: parseImageRef("ghcr.io/acme/web:1.5.0") }]]) });
      const result = overFile("values.yaml", "yaml", edited, jobs("ghcr.io/acme/jobs:1.4.1"), false);
      expect(result.text).toBe(values.replace('"1.4.0"', '"1.5.0"'));
      expect(result.changes.map((c) => `${c.key}: ${c.old} -> ${c.new}`)).toEqual(["flux-system:web:tag: 1.4.0 -> 1.5.0"]);
      expect(result.warnings).toEqual([
        {
          line: 3,
          message:
            'image.tag: Flux setter "flux-system:web:tag" wrote 1.5.0, which takes precedence over 1.4.1 from its configured override (a marked field is set only through its marker)',
        },
      ]);
    });

    it("leaves the field as it is when the run brings nothing for the marker, as --image alone does, and says the override is not applied", () => {
      const config = '_tag = "1.4.0"  # {"$imagepolicy": "flux-system:web:tag"}\njobs = "ghcr.io/acme/jobs:" + _tag\n';
      const result = overFile("images.k", "kcl", unedited(config), [{ ...jobs("ghcr.io/acme/jobs:1.4.1")[0]!, path: "_tag" }], false);
      expect([result.text, result.changes]).toEqual([config, []]);
      expect(result.warnings).toEqual([
        {
          line: 1,
          message:
            '_tag is marked for Flux setter "flux-system:web:tag", which alone sets it: its configured override, which would write 1.4.1, is not applied',
        },
      ]);
    });

    it("says nothing where the override would write what the field holds, and still sets an unmarked field", () => {
      const edited = editYaml(values, { images: [], setters: new Map([["flux-system:web", { image: parseImageRef("ghcr.io/acme/web:1.5.0") }]]) });
      expect(overFile("values.yaml", "yaml", edited, jobs("ghcr.io/acme/jobs:1.5.0"), false).warnings).toEqual([]);
      const unmarked = values.replace(/ #.*/, "");
      expect(overFile("values.yaml", "yaml", unedited(unmarked), jobs("ghcr.io/acme/jobs:1.4.1"), false).text).toBe(unmarked.replace("1.4.0", "1.4.1"));
    });

    it("sets a field whose marker the editor does not read, after a flow collection: it marks nothing, as in Flux", () => {
      const flow = 'image: {repository: ghcr.io/acme/web, tag: "1.4.0"} # {"$imagepolicy": "flux-system:web:tag"}\n';
      const result = overFile("values.yaml", "yaml", unedited(flow), jobs("ghcr.io/acme/jobs:1.4.1"), false);
      expect(result.text).toBe(flow.replace("1.4.0", "1.4.1"));
      expect(result.warnings).toEqual([]);
    });
  });

  it("drops an editor's warning at a YAML field left to its placeholder (${TAG}) that a --set wrote: the advice was followed", () => {
    const values = "image:\n  repository: ghcr.io/acme/web\n  tag: ${TAG}\nsidecar:\n  image: ghcr.io/acme/web:${TAG}\n";
    const edited = editCheckedYaml(values, { images: [{ image: parseImageRef("ghcr.io/acme/web:1.5.0") }], setters: new Map() });
    expect(edited.warnings.map((w) => w.line)).toEqual([3, 5]);
    const both = overFile("values.yaml", "yaml", edited, ["image.tag=1.5.0", "sidecar.image=ghcr.io/acme/web:1.5.0"], false);
    expect(both.warnings).toEqual([]);
    // The field a --set did not write still says where its version comes from.
    const one = overFile("values.yaml", "yaml", edited, ["image.tag=1.5.0"], false);
    expect(one.warnings).toEqual([{ line: 5, message: expect.stringMatching(/^sidecar\.image builds a reference of ghcr\.io\/acme\/web with \$\{TAG\}/) }]);
  });

  it("keeps it where a --set wrote another field of its line whose path reads alike: a key holding a dot (image.tag) is not the image's tag", () => {
    const values = 'app: {image: {repository: ghcr.io/acme/web, tag: "${TAG}"}, image.tag: none}\n';
    const edited = editCheckedYaml(values, { images: [{ image: parseImageRef("ghcr.io/acme/web:1.5.0") }], setters: new Map() });
    const result = overFile("values.yaml", "yaml", edited, ['app["image.tag"]=other'], false);
    expect(result.changes.map((c) => c.key)).toEqual(['app["image.tag"]']);
    expect(result.warnings).toEqual([{ line: 1, message: expect.stringMatching(/^app\.image\.tag sets the tag of ghcr\.io\/acme\/web with \$\{TAG\}/) }]);
  });

  // Each warning is compared by what it is about, not by its words: rewording one must leave these as they are.
  describe("an editor's warning that an override answers, whatever its words", () => {
    const policy = parsePolicy({ semver: { range: "^1.0.0" } });
    const older = [{ image: parseImageRef("ghcr.io/acme/web:1.2.0"), policy }];
    const messages = (result: EditResult) => result.warnings.map((w) => [w.line, w.message]);

    it("is said once where a configured override, moved by the same decision, names the field otherwise than the editor", () => {
      const cases = [
        { file: "main.k", kind: "kcl", text: 'config = {\n    image = "ghcr.io/acme/web:1.3.0"\n}\n', spec: 'config["image"]', edit: editCheckedKcl },
        {
          file: "deploy.yaml",
          kind: "yaml",
          text: "spec:\n  containers:\n    - image: ghcr.io/acme/web:1.3.0\n",
          spec: "spec.containers.0.image",
          edit: editCheckedYaml,
        },
      ] as const;
      for (const { file, kind, text, spec, edit } of cases) {
        const edited = edit(text, { images: older, setters: new Map() });
        expect(edited.warnings, file).toHaveLength(1);
        const result = overFile(file, kind, edited, configuredOverride({ ...override(spec, "ghcr.io/acme/web"), file }, older), false);
        expect(messages(result), file).toEqual(messages(edited));
      }
    });

    it("is told there by what both are about, however either is worded", () => {
      const said = "keeps 1.3.0, which its policy ranks above the incoming 1.2.0";
      const editor: FieldWarning = { line: 2, ...versionNoteWarning('config["image"]', said) };
      // The override's words are not the editor's: a rewording of either keeps the second one silent.
      const override = { line: 2, ...versionNoteWarning("config.image", said), message: "config.image: the policy keeps 1.3.0" };
      expect(toldThere(override, [editor])).toBe(true);
      expect(toldThere({ ...override, line: 3 }, [editor])).toBe(false);
      expect(toldThere({ line: 2, ...versionNoteWarning("config.image", "drops the digest pin sha256:1111") }, [editor])).toBe(false);
      expect(toldThere({ line: 2, ...versionNoteWarning("config.tag", said) }, [editor])).toBe(false);
      // A warning about nothing (its words alone) is never told there.
      expect(toldThere({ line: 2, message: `config.image ${said}` }, [editor])).toBe(false);
    });

    it("is said again by an override at the same path of another document, which is another place", () => {
      // The first release's chart takes its registry from global.imageRegistry, so only the override sets its tag.
      const releases = `kind: HelmRelease
spec:
  values:
    global: {imageRegistry: ghcr.io}
    image: {repository: acme/web, tag: 1.3.0}
---
kind: HelmRelease
spec:
  values:
    image: {repository: ghcr.io/acme/web, tag: 1.3.0}
`;
      const edited = editCheckedYaml(releases, { images: older, setters: new Map() });
      expect(edited.warnings.map((w) => w.line)).toEqual([10]);
      const result = overFile("releases.yaml", "yaml", edited, configuredOverride(override("spec.values.image.tag", "ghcr.io/acme/web", "tag"), older), false);
      expect(result.text).toBe(releases);
      const kept = "keeps 1.3.0, which its policy (semver ^1.0.0) ranks above the incoming 1.2.0 (allow-downgrade sets it anyway)";
      expect(messages(result)).toEqual([
        [10, `spec.values.image.tag ${kept}`],
        [5, `spec.values.image.tag ${kept}`],
      ]);
    });

    it("is dropped at a repository with no tag where an override sets the tag beside it, in a KCL config as in a YAML mapping (trial 16 S2)", () => {
      const web = [{ image: parseImageRef("ghcr.io/acme/web:1.4.0") }];
      const cases = [
        {
          file: "main.k",
          kind: "kcl",
          text: 'app = {\n    web = {\n        repository = "ghcr.io/acme/web"\n        version = "1.2.3"\n    }\n}\n',
          mapping: "app.web",
          field: "app.web.repository",
          edit: editCheckedKcl,
        },
        {
          file: "values.yaml",
          kind: "yaml",
          text: "web:\n  image: ghcr.io/acme/web\n  version: 1.2.3\n",
          mapping: "web",
          field: "web.image",
          edit: editCheckedYaml,
        },
      ] as const;
      for (const { file, kind, text, mapping, field, edit } of cases) {
        const edited = edit(text, { images: web, setters: new Map() });
        expect(
          edited.warnings.map((w) => w.message.slice(0, w.message.indexOf(" with"))),
          file,
        ).toEqual([`${field} holds ghcr.io/acme/web`]);
        const configured = (spec: string, image: string, part?: "tag") =>
          configuredOverride({ ...override(spec, image, part), file }, [...web, { image: parseImageRef(`${image}:1.4.0`) }]);
        // The tag beside it, by a configured override of its part or a --set: the advice was followed.
        const tagged = overFile(file, kind, edited, configured(`${mapping}.version`, "ghcr.io/acme/web", "tag"), false);
        expect([tagged.changes.map((c) => c.new), tagged.warnings], file).toEqual([["1.4.0"], []]);
        expect(overFile(file, kind, edited, [`${mapping}.version=${kind === "kcl" ? '"1.4.0"' : "1.4.0"}`], false).warnings, file).toEqual([]);
        // A whole reference beside it, the tag of another image, or a field of another mapping: it still holds no version.
        expect(messages(overFile(file, kind, edited, configured(`${mapping}.version`, "ghcr.io/acme/web"), false)), file).toEqual(messages(edited));
        expect(messages(overFile(file, kind, edited, configured(`${mapping}.version`, "ghcr.io/acme/api", "tag"), false)), file).toEqual(messages(edited));
        expect(messages(overFile(file, kind, edited, [`${kind === "kcl" ? "app.replicas" : "replicas"}=2`], true)), file).toEqual(messages(edited));
      }
    });

    it("is dropped where a --set writes the Helm parameter it advises to override", () => {
      const app =
        "apiVersion: argoproj.io/v1alpha1\nkind: Application\nspec:\n  source:\n    helm:\n      parameters:\n        - {name: worker.image.repo, value: ghcr.io/acme/web}\n        - {name: worker.image.version, value: 1.4.0}\n";
      const edited = editCheckedYaml(app, { images: [{ image: parseImageRef("ghcr.io/acme/web:1.5.0") }], setters: new Map() });
      expect(edited.warnings.map((w) => w.line)).toEqual([7]);
      expect(overFile("app.yaml", "yaml", edited, ["spec.source.helm.parameters[1].value=1.5.0"], false).warnings).toEqual([]);
      // A --set of another field leaves it.
      expect(messages(overFile("app.yaml", "yaml", edited, ["spec.source.helm.parameters[0].name=web"], false))).toEqual(messages(edited));
    });
  });

  describe("a configured override of an Argo CD Helm parameter by index", () => {
    const app = (parameters: string) => `apiVersion: argoproj.io/v1alpha1\nkind: Application\nspec:\n  source:\n    helm:\n      parameters:\n${parameters}`;
    const parameters = [
      "        - {name: replicaCount, value: '3'}",
      "        - {name: worker.image.version, value: 1.4.0}",
      "        - {name: worker.image.repo, value: ghcr.io/acme/web}",
      "        - {name: sidecar.spec, value: 'ghcr.io/acme/sidecar:0.4.0'}",
      "        - {name: image.pullPolicy, value: IfNotPresent}",
      "",
    ].join("\n");
    const text = app(parameters);
    const at = (index: number, image: string, part?: "tag") =>
      configuredOverride({ ...override(`spec.source.helm.parameters[${index}].value`, image, part), file: "app.yaml" }, [
        { image: parseImageRef(`${image}:1.5.0`) },
      ]);

    it("sets a parameter that reads as what it sets: a tag named so or holding a version, a reference of its image", () => {
      expect(overFile("app.yaml", "yaml", unedited(text), [...at(1, "ghcr.io/acme/web", "tag"), ...at(3, "ghcr.io/acme/sidecar")], false).text).toBe(
        text.replace("1.4.0", "1.5.0").replace("sidecar:0.4.0", "sidecar:1.5.0"),
      );
    });

    it("is not applied where the index names another parameter, as one added above the parameter it was written for makes it", () => {
      const result = overFile("app.yaml", "yaml", unedited(text), [...at(0, "ghcr.io/acme/web", "tag"), ...at(4, "ghcr.io/acme/sidecar")], false);
      expect([result.text, result.changes]).toEqual([text, []]);
      const moved = "is not applied: a parameter added above the one it was written for moves what an index names; correct the index";
      expect(result.warnings).toEqual([
        {
          line: 7,
          message: `spec.source.helm.parameters[0].value is parameter replicaCount, which holds no version and is not named like a tag: its configured override for the tag of ghcr.io/acme/web ${moved}`,
        },
        {
          line: 11,
          message: `spec.source.helm.parameters[4].value is parameter image.pullPolicy, which holds no reference of ghcr.io/acme/sidecar and is not named like an image: its configured override ${moved}`,
        },
      ]);
    });
  });
});

describe("collectOverrides", () => {
  const valid = {
    images: [],
    setters: new Map(),
    sets: [
      { file: "gone.yaml", spec: "a=1" },
      { file: "apps/web.yaml", spec: "a=1" },
    ],
  };
  const refused = (name?: FieldNamer) =>
    collectOverrides(valid, undefined, ".github/gitops-promote.yaml", new Set(["apps/web.yaml"]), (path) => !path.startsWith("apps/"), [], name).issues;

  it("names each set it refuses as the request's face does: a file missing, one outside the paths", () => {
    expect(refused(cliFieldName)).toEqual([{ message: "--set: gone.yaml does not exist" }, { message: "--set: apps/web.yaml is outside the paths to update" }]);
    expect(refused(actionFieldName)).toEqual([
      { message: "input set: gone.yaml does not exist" },
      { message: "input set: apps/web.yaml is outside the paths to update" },
    ]);
  });

  it("says a file two sets name once where the face names the sets alike; the library's set[i] names each", () => {
    const twice = { ...valid, sets: [valid.sets[0]!, { file: "gone.yaml", spec: "b=2" }] };
    const issues = (name?: FieldNamer) => collectOverrides(twice, undefined, ".github/gitops-promote.yaml", new Set(), () => true, [], name).issues;
    expect(issues(actionFieldName)).toEqual([{ message: "input set: gone.yaml does not exist" }]);
    expect(issues(cliFieldName)).toEqual([{ message: "--set: gone.yaml does not exist" }]);
    expect(issues().map((issue) => issue.message)).toEqual(["set[0]: gone.yaml does not exist", "set[1]: gone.yaml does not exist"]);
  });

  it("names the library's set by its index, as validateRequest does", () => {
    expect(refused().map((issue) => issue.message)).toEqual(["set[0]: gone.yaml does not exist", "set[1]: apps/web.yaml is outside the paths to update"]);
  });

  it("refuses a set of a symbolic link as the request's to mend, naming where it leads: no link is edited", () => {
    const sets = { images: [], setters: new Map(), sets: ["current.yaml", "escape.yaml"].map((file) => ({ file, spec: "a=1" })) };
    const links = new Map([
      ["current.yaml", "apps/web.yaml"],
      ["escape.yaml", "../elsewhere.yaml"],
    ]);
    expect(collectOverrides(sets, undefined, ".github/gitops-promote.yaml", new Set(["apps/web.yaml"]), () => true, [], cliFieldName, links).issues).toEqual([
      {
        field: "set",
        message:
          '--set: current.yaml is a symbolic link to "apps/web.yaml", which leads to apps/web.yaml; a symbolic link is never edited: name apps/web.yaml instead',
      },
      { field: "set", message: '--set: escape.yaml is a symbolic link to "../elsewhere.yaml", which leads outside the root; a symbolic link is never edited' },
    ]);
  });
});

describe("checkConfiguredOverrides", () => {
  const main = 'config = {\n    containers = {app = {image = "ghcr.io/acme/app:1.0.0"}}\n}\n';
  const missing = { ...override("config.image", "ghcr.io/acme/app"), file: "main.k", specLine: 3 };
  const said = async (name?: FieldNamer) =>
    (await checkConfiguredOverrides(memorySource(new Map([["main.k", main]])), [missing], ".github/gitops-promote.yaml", new Set(["main.k"]), false, name)).map(
      (issue) => issue.message,
    );

  it("tells how to create a path an override's file lacks in the words of the request's face, as a set's check does", async () => {
    const lacks = "overrides[0].spec: main.k:1: config has 'containers', not 'image'";
    expect(await said(actionFieldName)).toEqual([`${lacks} (to add config.image, use create: true)`]);
    expect(await said(cliFieldName)).toEqual([`${lacks} (to add config.image, use --create)`]);
    expect(await said()).toEqual([`${lacks} (to add config.image, use --create, or create: true in the Action or the library)`]);
  });

  it("names an override's file that is a symbolic link with where it leads, as a --set's: no link is edited", async () => {
    const links = new Map([
      ["current.k", "main.k"],
      ["gone.k", "old/main.k"],
    ]);
    const of = (file: string, line: number) => ({ ...override("config.containers.app.image", "ghcr.io/acme/app"), file, line, index: line });
    const issues = await checkConfiguredOverrides(
      memorySource(new Map([["main.k", main]]), links),
      [of("current.k", 2), of("gone.k", 5), of("absent.k", 8)],
      ".github/gitops-promote.yaml",
      new Set(["main.k"]),
      false,
      cliFieldName,
      links,
    );
    expect(issues.map(({ line, message }) => [line, message])).toEqual([
      [2, 'overrides[2].file: current.k is a symbolic link to "main.k", which leads to main.k; a symbolic link is never edited: name main.k instead'],
      [
        5,
        'overrides[5].file: gone.k is a symbolic link to "old/main.k", which leads to old/main.k, which does not exist (a dangling link); a symbolic link is never edited',
      ],
      [8, "overrides[8].file: absent.k does not exist"],
    ]);
  });
});
