import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import type { FullEditRequest } from "../../src/change.js";
import { parsePolicy } from "../../src/image/policy.js";
import { parseImageRef } from "../../src/image/reference.js";
import { editKclMod } from "../../src/kcl/mod-editor.js";
import { editYaml } from "../../src/yaml/editor.js";
import { multiLineMod } from "../support/kcl-mod.js";

const request = (...refs: string[]): FullEditRequest => ({ images: refs.map((ref) => ({ image: parseImageRef(ref) })), setters: new Map() });

/** The `profile.overrides` Python's tomllib reads from a kcl.mod (TOML 1.0, as KCL's reader); undefined where no python3 with tomllib runs. */
function tomlOverrides(text: string): string[] | undefined {
  const read = "import json, sys, tomllib; print(json.dumps(tomllib.loads(sys.stdin.read()).get('profile', {}).get('overrides', [])))";
  try {
    return JSON.parse(execFileSync("python3", ["-c", read], { input: text, encoding: "utf8", stdio: ["pipe", "pipe", "ignore"] })) as string[];
  } catch {
    return undefined;
  }
}

const readsToml = tomlOverrides("") !== undefined;

const MULTI_LINE = multiLineMod();

describe("editKclMod: images in kcl.mod's [profile] overrides, which kcl run applies after the source", () => {
  const mod = [
    "[package]",
    'name = "web"',
    "",
    "[profile]",
    'entries = ["main.k"]',
    'overrides = ["app.image=\\"ghcr.io/acme/web:1.2.3\\"", "log.image=\\"ghcr.io/acme/log:1.0\\""]',
    "",
  ].join("\n");

  it("moves a spec's image of an incoming repository in the file's own bytes, and nothing else", () => {
    const result = editKclMod(mod, request("ghcr.io/acme/web:1.2.4"));
    expect(result.text).toBe(mod.replace("web:1.2.3", "web:1.2.4"));
    expect(result.changes).toEqual([
      { line: 6, kind: "override", key: "profile.overrides[0]: app.image", old: "ghcr.io/acme/web:1.2.3", new: "ghcr.io/acme/web:1.2.4" },
    ]);
    expect(result.warnings).toEqual([]);
    expect(editKclMod(mod, request("ghcr.io/acme/web:1.2.3")).changes).toEqual([]);
  });

  it("keeps the escapes a spec's TOML string wrote around what changes (\\u0022 for a quote)", () => {
    const escaped = '[profile]\noverrides = ["app.image=\\u0022ghcr.io/acme/web:1.2.3\\u0022", "b.image=\\"ghcr.io/acme/web:1.2.3\\u0022"]\n';
    expect(editKclMod(escaped, request("ghcr.io/acme/web:1.2.4")).text).toBe(escaped.replaceAll("web:1.2.3", "web:1.2.4"));
  });

  it("moves a spec in a multi-line TOML string, its line breaks, continuation and escapes kept", () => {
    const result = editKclMod(MULTI_LINE, request("ghcr.io/acme/web:1.2.4"));
    expect(result.text).toBe(MULTI_LINE.replaceAll("1.2.3", "1.2.4"));
    expect(result.changes.map((c) => [c.line, c.key])).toEqual([
      [3, "profile.overrides[0]: tpl.image"],
      [4, "profile.overrides[1]: lit.image"],
      [5, "profile.overrides[2]: app.image"],
    ]);
    expect(result.warnings).toEqual([]);
  });

  it.skipIf(!readsToml)("writes kcl.mod files Python's tomllib reads, each spec as meant", () => {
    const multi = editKclMod(MULTI_LINE, request("ghcr.io/acme/web:1.2.4")).text;
    expect(tomlOverrides(multi)!.map((spec) => spec.trim())).toEqual(["tpl", "lit", "app"].map((name) => `${name}.image="ghcr.io/acme/web:1.2.4"`));
  });

  it("names a spec by its place in the array and its path, as a kcl.yaml's spec is named", () => {
    expect(editKclMod(mod, request("ghcr.io/acme/log:1.1")).changes.map((c) => c.key)).toEqual(["profile.overrides[1]: log.image"]);
    // Items that are no string (which kcl refuses) count in the place as TOML counts them.
    const mixed = '[profile]\noverrides = [["x"], {a = "b, c"}, 3, # one, two\n  "log.image=\\"ghcr.io/acme/log:1.0\\""]\n';
    expect(editKclMod(mixed, request("ghcr.io/acme/log:1.1")).changes.map((c) => c.key)).toEqual(["profile.overrides[3]: log.image"]);
  });

  it("keeps what a policy keeps, and says so at the line", () => {
    const kept = editKclMod(mod, {
      images: [{ image: parseImageRef("ghcr.io/acme/web:1.2.0"), policy: parsePolicy({ semver: { range: "^1.0.0" } }) }],
      setters: new Map(),
    });
    expect(kept.text).toBe(mod);
    expect(kept.warnings).toEqual([{ line: 6, message: expect.stringMatching(/^profile\.overrides\[0\]: app\.image /) }]);
  });

  it("names an image it cannot write there, at its line, and leaves it", () => {
    const expression = '[profile]\noverrides = [\n  "app.image=\\"ghcr.io/acme/web:1.2.3\\" + \\"-debug\\"",\n  \'log.image="ghcr.io/acme/log:1.0"\',\n]\n';
    const result = editKclMod(expression, request("ghcr.io/acme/web:1.2.4"));
    expect(result.text).toBe(expression);
    expect(result.warnings).toEqual([
      {
        line: 3,
        message:
          'profile.overrides[0]: app.image holds ghcr.io/acme/web:1.2.3 in an expression (KCL reads it as the string of its whole text), which is not edited, so the image kcl run renders (these overrides apply after the source) stays as it is; write the reference alone as one quoted string: app.image="ghcr.io/acme/web:1.2.3"',
      },
    ]);
  });

  it("says of a '+=' or '-' spec what a KCLRun's spec says: a list appended is an expression, a delete or a string after '+=' sets nothing", () => {
    const specs = ['app.sidecars+=["ghcr.io/acme/web:1.2.3"]', 'app.sidecars+="ghcr.io/acme/web:1.2.3"', "app.image-"];
    const mod = `[profile]\noverrides = [\n${specs.map((spec) => `  '${spec}',\n`).join("")}]\n`;
    const kclRun = `apiVersion: krm.kcl.dev.fluxcd/v1alpha1\nkind: KCLRun\nspec:\n  config:\n    overrides:\n${specs.map((spec) => `      - '${spec}'\n`).join("")}`;
    const incoming = request("ghcr.io/acme/web:1.2.4");
    expect(editKclMod(mod, incoming).warnings).toEqual([
      {
        line: 3,
        message:
          "profile.overrides[0]: app.sidecars holds ghcr.io/acme/web:1.2.3 in an expression, which is not edited, so the image kcl run renders (these overrides apply after the source) stays as it is; -O sets no list item, so keep the image in the .k file's list, where it is edited",
      },
    ]);
    expect(editYaml(kclRun, incoming).warnings).toEqual([
      {
        line: 6,
        message:
          "spec.config.overrides[0]: app.sidecars holds ghcr.io/acme/web:1.2.3 in an expression, which is not edited, so the image this spec pins stays as it is; -O sets no list item, so keep the image in the .k file's list, where it is edited",
      },
    ]);
  });

  it("names an image in a profile under [package], which kcl run never applies, with where to move it, and leaves it", () => {
    const misplaced = [
      "[package]",
      'name = "web"',
      'profile = { entries = ["main.k"], overrides = ["app.image=\\"ghcr.io/acme/web:1.2.3\\"", "app.replicas=2"] }',
      "",
    ].join("\n");
    const result = editKclMod(misplaced, request("ghcr.io/acme/web:1.2.4"));
    expect([result.text, result.changes]).toEqual([misplaced, []]);
    expect(result.warnings).toEqual([
      {
        line: 3,
        message:
          "package.profile.overrides[0]: app.image holds ghcr.io/acme/web:1.2.3, but KCL reads overrides from the top-level profile only, not from package.profile, so kcl run never applies this spec and it is not edited; move these overrides into the top-level [profile] table",
      },
    ]);
    // Another image's spec there is no news.
    expect(editKclMod(misplaced, request("ghcr.io/acme/log:1.0")).warnings).toEqual([]);
  });

  it("refuses a kcl.mod that KCL's TOML 0.5 reader refuses, at the escape's line, rather than move an image kcl run never reads", () => {
    const toml11 = mod.replace('"log.image', '"log.prefix=\\"\\e[1m\\"", "log.image');
    expect(() => editKclMod(toml11, request("ghcr.io/acme/web:1.2.4"))).toThrow(
      expect.objectContaining({
        name: "SourceError",
        line: 6,
        message: expect.stringMatching(/^a TOML string holds \\e, TOML 1\.1's escape, .*; write \\u001b$/),
      }),
    );
    // Written as TOML 0.5 writes it, the file is edited.
    expect(editKclMod(toml11.replace("\\e", "\\u001b"), request("ghcr.io/acme/web:1.2.4")).changes).toHaveLength(1);
  });

  it("names a {repository, tag} spec whose tag would move, as a KCLRun's is", () => {
    const pair = `[profile]\noverrides = ['app.image={repository = "ghcr.io/acme/web", tag = "1.2.3"}']\n`;
    expect(editKclMod(pair, request("ghcr.io/acme/web:1.2.3")).warnings).toEqual([]);
    expect(editKclMod(pair, request("ghcr.io/acme/web:1.2.4")).warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/^profile\.overrides\[0\]: app\.image holds ghcr\.io\/acme\/web in an expression, which is not edited/),
    ]);
  });
});
