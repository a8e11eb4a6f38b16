import { describe, expect, it } from "vitest";
import { modEntries, modOverrides, type ModValue } from "../../src/kcl/mod-overrides.js";
import { multiLineMod } from "../support/kcl-mod.js";

/** The file with the value of its `index`th override set to `string`, or undefined when it cannot be written. */
function written(text: string, index: number, string: string): string | undefined {
  const value = modOverrides(text)[index]!.value as ModValue;
  const bytes = value.write(string);
  return bytes === undefined ? undefined : text.slice(0, value.start) + bytes + text.slice(value.end);
}

describe("modOverrides: the -O specs of kcl.mod's [profile] overrides", () => {
  const mod = [
    "[package]",
    'name = "web"',
    "overrides = [\"not.this='x'\"]  # another table's key",
    "",
    "[profile]",
    'entries = ["main.k"]',
    "overrides = [",
    '    "app.image=\\"ghcr.io/acme/web:1.2.3\\"",  # the deployed image',
    "    'sidecar.image=\"ghcr.io/acme/log:2.0\"',",
    '    "app.replicas=3",',
    "]",
    "",
    "[dependencies]",
    'k8s = "1.31"',
    "",
  ].join("\n");

  it("reads each spec with its line and the string it sets, its TOML escapes decoded", () => {
    const overrides = modOverrides(mod);
    expect(overrides.map(({ line, spec, path }) => ({ line, spec, path }))).toEqual([
      { line: 8, spec: 'app.image="ghcr.io/acme/web:1.2.3"', path: "app.image" },
      { line: 9, spec: 'sidecar.image="ghcr.io/acme/log:2.0"', path: "sidecar.image" },
      { line: 10, spec: "app.replicas=3", path: "app.replicas" },
    ]);
    expect(overrides.map((o) => ("string" in o.value ? o.value.string : o.value.form))).toEqual([
      "ghcr.io/acme/web:1.2.3",
      "ghcr.io/acme/log:2.0",
      "an expression",
    ]);
    // Where the value is in the file: the KCL literal, its TOML-escaped quotes included.
    const first = overrides[0]!.value as ModValue;
    expect(mod.slice(first.start, first.end)).toBe('\\"ghcr.io/acme/web:1.2.3\\"');
  });

  it("writes another string in the file's own bytes, escaped for the TOML string it stands in", () => {
    expect(written(mod, 0, "ghcr.io/acme/web:1.2.4")).toBe(mod.replace("web:1.2.3", "web:1.2.4"));
    expect(written(mod, 1, "ghcr.io/acme/log:2.1")).toBe(mod.replace("log:2.0", "log:2.1"));
    // A quote KCL escapes is escaped again for TOML; a literal TOML string cannot hold a "'" at all.
    expect(written(mod, 0, 'a"b')).toBe(mod.replace('\\"ghcr.io/acme/web:1.2.3\\"', '\\"a\\\\\\"b\\"'));
    expect(written(mod, 1, "it's")).toBeUndefined();
  });

  it("keeps other escapes of the spec as they are, and reads the profile table in its dotted or quoted forms", () => {
    const escaped = '[profile]\noverrides = ["app.image=\\u0022ghcr.io/acme/web:1.2.3\\u0022"]\n';
    expect(modOverrides(escaped)[0]).toMatchObject({ line: 2, spec: 'app.image="ghcr.io/acme/web:1.2.3"', value: { string: "ghcr.io/acme/web:1.2.3" } });
    expect(written(escaped, 0, "ghcr.io/acme/web:1.2.4")).toBe(escaped.replace("1.2.3", "1.2.4"));
    expect(modOverrides('profile.overrides = ["a=\\"x:1\\""]\n')).toHaveLength(1);
    expect(modOverrides('["profile"]\r\noverrides = [\r\n  "a=\\"x:1\\"",\r\n]\r\n')[0]!.line).toBe(3);
  });

  it("reads the array in a profile inline table, on one line or several, beside other keys", () => {
    const inline = 'profile = { entries = ["main.k"], overrides = ["app.image=\\"ghcr.io/acme/web:1.2.3\\""] }\n';
    expect(modOverrides(inline)).toMatchObject([{ line: 1, index: 0, path: "app.image", value: { string: "ghcr.io/acme/web:1.2.3" } }]);
    expect(written(inline, 0, "ghcr.io/acme/web:1.2.4")).toBe(inline.replace("1.2.3", "1.2.4"));
    const lines = 'profile = {\n  entries = ["main.k"],  # TOML 1.1\n  "overrides" = [\n    "a.x=1",\n    "app.image=\\"ghcr.io/acme/web:1.2.3\\"",\n  ],\n}\n';
    expect(modOverrides(lines).map(({ line, index, path }) => [line, index, path])).toEqual([
      [4, 0, "a.x"],
      [5, 1, "app.image"],
    ]);
    // Another table's inline overrides, and a profile table without them, hold none.
    expect(modOverrides('package = { overrides = ["a=\\"x:1\\""] }\nprofile = { entries = ["main.k"] }\n')).toEqual([]);
  });

  it("gives each spec of a long list its line, whatever ends the lines (LF, CRLF, CR)", () => {
    const specs = Array.from({ length: 2000 }, (_, i) => `  "app${i}.image=\\"ghcr.io/acme/web:1.0.${i}\\"",`);
    for (const end of ["\n", "\r\n", "\r"]) {
      const lines = modOverrides(["[profile]", "overrides = [", ...specs, "]", ""].join(end)).map((o) => o.line);
      expect([lines.length, lines[0], lines[1999]]).toEqual([2000, 3, 2002]);
    }
  });

  it("reads and writes a spec in a multi-line TOML string as in a one-line one, its line breaks, continuations and escapes kept", () => {
    const mod = multiLineMod("  '''\r\nraw.image='ghcr.io/acme/web:1.2.3'\r\n''',");
    const overrides = modOverrides(mod);
    // The line break after the opening quotes is not the spec's; blanks around it are, which KCL trims.
    expect(overrides.map(({ line, path, spec }) => ({ line, path, spec }))).toEqual([
      { line: 3, path: "tpl.image", spec: 'tpl.image="ghcr.io/acme/web:1.2.3"' },
      { line: 4, path: "lit.image", spec: 'lit.image="ghcr.io/acme/web:1.2.3"' },
      { line: 5, path: "app.image", spec: '  app.image="ghcr.io/acme/web:1.2.3"\n  ' },
      { line: 9, path: "raw.image", spec: "raw.image='ghcr.io/acme/web:1.2.3'\r\n" },
    ]);
    expect(overrides.map((o) => (o.value as ModValue).string)).toEqual(Array(4).fill("ghcr.io/acme/web:1.2.3"));
    const moved = [0, 1, 2, 3].reduce<string>((text, i) => written(text, i, "ghcr.io/acme/web:1.2.4")!, mod);
    expect(moved).toBe(mod.replaceAll("1.2.3", "1.2.4"));
    // A literal string holds no "'": a value that needs one is not written there.
    expect(written(mod, 1, "it's")).toBeUndefined();
  });

  it("writes an unquoted value unquoted, when KCL reads the new text whole too", () => {
    const unquoted = '[profile]\noverrides = ["app.image=ghcr.io/acme/web:1.2.3"]\n';
    expect(written(unquoted, 0, "ghcr.io/acme/web:1.2.4")).toBe(unquoted.replace("1.2.3", "1.2.4"));
    // KCL would keep only `nginx` of `nginx:1.27`.
    expect(written(unquoted, 0, "nginx:1.27")).toBeUndefined();
  });

  it("names a spec it cannot read or rewrite by its form, and finds none outside [profile]", () => {
    const forms = '[profile]\noverrides = ["app.image=\\"ghcr.io/${r}:1\\"", "a.l+=[\\"x:1\\"]", """a.c="x:1"]\n';
    expect(modOverrides(forms).map((o) => ("form" in o.value ? o.value.form : o.value.string))).toEqual([
      "an interpolated string",
      "an expression",
      "a TOML string that never ends",
    ]);
    expect(modOverrides('[package]\noverrides = ["a=\\"x:1\\""]\n[profile]\nentries = ["main.k"]\n')).toEqual([]);
  });

  it("refuses a kcl.mod whose TOML string holds an escape KCL's TOML 0.5 reader refuses, as kcl run does, naming its line and the escape", () => {
    const escaped = (string: string) => `[package]\nname = "web"\n\n[profile]\noverrides = [\n  "app.image=\\"ghcr.io/acme/web:1.2.3\\"",\n  ${string},\n]\n`;
    // TOML 1.1's \e and \xHH: TOML 0.5 (the toml 0.5.8 crate KCL reads kcl.mod with) has \uXXXX alone.
    expect(() => modOverrides(escaped('"log.prefix=\\"\\e[1m\\""'))).toThrow(
      expect.objectContaining({
        line: 7,
        column: 17,
        message: "a TOML string holds \\e, TOML 1.1's escape, which KCL's TOML 0.5 reader refuses, so kcl run cannot read this kcl.mod; write \\u001b",
      }),
    );
    expect(() => modOverrides(escaped('"sep=\\"\\x1F\\""'))).toThrow("a TOML string holds \\x1F, TOML 1.1's escape, which KCL's TOML 0.5 reader refuses");
    expect(() => modOverrides(escaped('"sep=\\"\\x1F\\""'))).toThrow("; write \\u001f");
    // Any escape TOML refuses, in any string of the file: KCL reads none of it.
    expect(() => modOverrides(escaped('"a.b=\\q"'))).toThrow(
      expect.objectContaining({
        line: 7,
        message: expect.stringMatching(/^a TOML string holds \\q, which is no escape TOML reads, so kcl run cannot read this kcl.mod; /),
      }),
    );
    expect(() => modOverrides(escaped('"a.b=\\uD800"'))).toThrow("holds \\uD800, which is no escape TOML reads");
    expect(() => modOverrides('[package]\ndescription = "web \\e"\n[profile]\noverrides = ["a=\\"x:1\\""]\n')).toThrow(
      expect.objectContaining({ line: 2, column: 20 }),
    );
    // A literal string holds no escape, and \u001b is TOML 0.5's own.
    expect(modOverrides(escaped("'log.prefix=\"\\e[1m\"'"))[1]).toMatchObject({ spec: 'log.prefix="\\e[1m"' });
    expect(modOverrides(escaped('"log.prefix=\\"\\u001b[1m\\""'))[1]).toMatchObject({ spec: 'log.prefix="\u001b[1m"' });
  });

  it("reads a profile's overrides under another table too, as misplaced: KCL reads the top-level profile only", () => {
    const mod = [
      "[package]",
      'name = "web"',
      'profile = { entries = ["main.k"], overrides = ["a.image=\\"x:1\\""] }',
      "",
      "[package.profile]",
      "overrides = ['b.image=\"x:1\"']",
      "",
      "[profile]",
      "profile.overrides = ['c.image=\"x:1\"']",
      "overrides = ['d.image=\"x:1\"']",
      "",
    ].join("\n");
    expect(modOverrides(mod).map(({ line, path, misplaced }) => [line, path, misplaced])).toEqual([
      [3, "a.image", "package.profile"],
      [6, "b.image", "package.profile"],
      [9, "c.image", "profile.profile"],
      [10, "d.image", undefined],
    ]);
  });

  it("reads a spec that sets no string as a spec kept in YAML is: a delete, a string after '+=', text KCL refuses", () => {
    const none = '[profile]\noverrides = ["app.image-", "app.l+=\\"x:1\\"", "a[0]=1"]\n';
    expect(modOverrides(none).map(({ path, text, value }) => ({ path, text, value }))).toEqual(
      Array(3).fill({ text: "", value: { form: "a spec that sets no string", advice: expect.any(Function) } }),
    );
  });
});

describe("modEntries: the files kcl.mod's [profile] entries compile", () => {
  it("reads each entry as written with its line, in the [profile] table or a top-level profile inline table, and no other table's", () => {
    const mod = [
      "[package]",
      'name = "guestbook-prod"',
      'profile = { entries = ["not/this.k"] }',
      "",
      "[profile]",
      "entries = [",
      '    "../base/base.k",  # the stack\'s base',
      "    'main.k',",
      '    "${konfig:KCL_MOD}/models/kube/render/render.k",',
      "]",
      'overrides = ["app.image=\\"x:1\\""]',
      "",
    ].join("\n");
    expect(modEntries(mod)).toEqual([
      { entry: "../base/base.k", line: 7 },
      { entry: "main.k", line: 8 },
      { entry: "${konfig:KCL_MOD}/models/kube/render/render.k", line: 9 },
    ]);
    expect(modEntries('profile = { entries = ["..\\u002fbase.k"] }\n')).toEqual([{ entry: "../base.k", line: 1 }]);
    expect(modEntries('[profile]\noverrides = ["main.k"]\n')).toEqual([]);
  });
});
