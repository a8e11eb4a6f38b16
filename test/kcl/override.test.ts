import { readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { SourceError, type ValueFor } from "../../src/change.js";
import { applyOverrides } from "../../src/kcl/override.js";
import { OverrideSpecError } from "../../src/kcl/override-spec.js";
import { KCL_CONFORMANCE, readConformance } from "./corpus.js";
import { actionFieldName, cliFieldName } from "../support/faces.js";
import type { FieldNamer } from "../../src/field-name.js";

/** `text` with the lines starting with each prefix replaced by the given line. */
function withLines(text: string, replaced: Record<string, string>): string {
  return text
    .split("\n")
    .map((line) => Object.entries(replaced).find(([prefix]) => line.startsWith(prefix))?.[1] ?? line)
    .join("\n");
}

describe("upstream API fixtures (crates/api/src/testdata): fixed points", () => {
  const requests = readdirSync(join(KCL_CONFORMANCE, "upstream-api")).filter((f) => /^override-file.*\.json$/.test(f) && !f.endsWith(".response.json"));

  it("has the five fixtures", () => expect(requests).toHaveLength(5));

  it.each(requests)("%s leaves its file byte-identical", (request) => {
    const { file, specs } = JSON.parse(readConformance(`upstream-api/${request}`)) as { file: string; specs: string[] };
    const text = readConformance(`upstream-api/${basename(file)}`);
    const result = applyOverrides(text, specs);
    expect(result.text).toBe(text);
    expect(result.changes).toEqual([]);
  });
});

describe("flask-demo history: the bot's spec gives the next commit byte for byte", () => {
  const versions = ["ea931c3", "772a430", "e22cd19", "bcd8c97"];
  it.each(versions.slice(0, -1).map((v, i) => [v, versions[i + 1]!]))("%s -> %s", (from, to) => {
    const before = readConformance(`flask-demo-history/main.k.${from}`);
    const after = readConformance(`flask-demo-history/main.k.${to}`);
    const sha = /kcllang\/flask_demo:([0-9a-f]{40})/.exec(after)![1]!;
    const result = applyOverrides(before, [`config.containers.flask_demo.image=kcllang/flask_demo:${sha}`]);
    expect(result.text).toBe(after);
    expect(result.changes).toEqual([
      { line: 6, kind: "override", key: "config.containers.flask_demo.image", old: /image = "(.*)"/.exec(before)![1], new: `kcllang/flask_demo:${sha}` },
    ]);
  });

  it("today's main.k renamed the key: the same spec is an error naming what exists", () => {
    const text = readConformance("corpus-flask-demo/main.k");
    expect(() => applyOverrides(text, ["config.containers.flask_demo.image=kcllang/flask_demo:abc"])).toThrow(SourceError);
    expect(() => applyOverrides(text, ["config.containers.flask_demo.image=kcllang/flask_demo:abc"])).toThrow(
      "config.containers has 'flaskdemo', not 'flask_demo' (to add config.containers.flask_demo.image, use --create, or create: true in the Action or the library)",
    );
    expect(() => applyOverrides(text, ["config.containers.flask_demo.image=kcllang/flask_demo:abc"])).toThrow(expect.objectContaining({ line: 5 }));
  });

  it("a key written $type is named type, as KCL names it: a spec copying the '$' is told so", () => {
    const text = 'c = {\n    $type = "a"\n}\n';
    expect(applyOverrides(text, ['c.type="b"']).text).toBe('c = {\n    $type = "b"\n}\n');
    expect(() => applyOverrides(text, ['c.$type="b"'])).toThrow("c has 'type', not '$type' (KCL names the key 'type', without its '$')");
  });
});

describe("upstream query tests, value level (crates/query/src/tests.rs)", () => {
  const simple = readConformance("upstream-query/simple.bk.k");
  const expected = readConformance("upstream-query/expect.k").split("\n");
  const expectedLine = (prefix: string): string => expected.find((l) => l.startsWith(prefix))!;

  it('§3.1 #6-8: isfilter=False, count=2, msg="Hi World" change exactly those values', () => {
    const result = applyOverrides(simple, ["isfilter=False", "count=2", 'msg="Hi World"']);
    expect(result.text).toBe(
      withLines(simple, { "isfilter =": expectedLine("isfilter ="), "count =": expectedLine("count ="), "msg =": expectedLine("msg =") }),
    );
    expect(result.changes.map((c) => [c.line, c.key, c.old, c.new])).toEqual([
      [39, "isfilter", "True", "False"],
      [41, "count", "1", "2"],
      [43, "msg", "Hello World", "Hi World"],
    ]);
  });

  it("§3.1 #1-2: a nested path changes only the first matching statement (not `config : Config`, not inside `if`)", () => {
    const result = applyOverrides(simple, ["config.image=image/image", 'config.image="image/image:v2"']);
    expect(result.text).toBe(simple.replace('config = Config {\n    image = "image/image:v1"', 'config = Config {\n    image = "image/image:v2"'));
    expect(result.changes.map((c) => c.new)).toEqual(["image/image", "image/image:v2"]);
  });

  it("§3.1 #13: uni_config.labels.key1=1 keeps the entry's ':' (expect.k line)", () => {
    const result = applyOverrides(simple, ["uni_config.labels.key1=1"]);
    expect(result.text).toBe(withLines(simple, { "    labels: {key1:": expectedLine("    labels: {key1:") }));
  });

  it("§3.1 #9-11, #17 (minimal): deletes remove the statement's or entry's lines, and a blank line left doubled or at the end, as expect.k shows", () => {
    const result = applyOverrides(simple, ["delete-", "dict_delete.image-", "config_unification_delete-"]);
    // expect.k: `msg = "Hi World"`, one blank line, `dict_delete = {`; the file ends with `}\n`.
    const expectedText = simple
      .replace('\ndelete = "Delete"\n', "")
      .replace('dict_delete = {\n    "image": "image/image:v1"\n', "dict_delete = {\n")
      .replace(/\nconfig_unification_delete: Config \{[^}]*\}[^}]*\}$/, "");
    expect(expectedText).toContain('msg = "Hello World"\n\ndict_delete = {');
    expect(expectedText).toMatch(/\}\n$/);
    expect(result.text).toBe(expectedText);
    expect(result.changes.map((c) => c.key)).toEqual(["delete", "dict_delete.image", "config_unification_delete"]);
  });

  it('§3.2: import_paths.k with data.value="override_value" is a fixed point', () => {
    const text = readConformance("upstream-query/import_paths.k");
    expect(applyOverrides(text, ['data.value="override_value"']).text).toBe(text);
  });

  it('§3.5 #6: _access.iType="kkkkkkk" is a fixed point', () => {
    const text = readConformance("upstream-query/test_override_file/main.bk.k");
    const result = applyOverrides(text, ['_access.iType="kkkkkkk"']);
    expect(result.text).toBe(text);
    expect(result.changes).toEqual([]);
  });

  const config = readConformance("upstream-query/config.k");

  it("§3.3 #6: every duplicate key at the last level changes", () => {
    const result = applyOverrides(config, ["appConfiguration.overQuota=False"]);
    expect(result.text).toBe(config.replace("    overQuota = True\n    overQuota = True\n", "    overQuota = False\n    overQuota = False\n"));
    expect(result.changes.map((c) => c.line)).toEqual([37, 38]);
  });

  it("§3.3 #1, #10, #13: the entry's operator is kept (`image: ...`, `overQuota: False`)", () => {
    const result = applyOverrides(config, [
      'appConfiguration.image="kcl/kcl:{}".format(version)',
      'appConfigurationUnification.image="kcl/kcl:v0.1"',
      "appConfigurationUnification.overQuota=False",
    ]);
    expect(result.text).toBe(
      config
        .replace('image: "kcl/kcl:v0.1.0"', 'image: "kcl/kcl:{}".format(version)')
        .replace('image: "kcl/kcl:v0.1.0"', 'image: "kcl/kcl:v0.1"')
        .replace("overQuota: True", "overQuota: False"),
    );
  });

  it("§3.3 #8, #14 (minimal): entry deletes, nested too", () => {
    const result = applyOverrides(config, ["appConfiguration.resource-", "appConfigurationUnification.resource.cpu-"]);
    expect(result.text).toBe(
      config.replace('    resource: {\n        cpu: "4"\n        disk: "50Gi"\n        memory: "12Gi"\n    }\n', "").replace('        cpu: "4"\n', ""),
    );
  });

  it("deleting a path that does not exist changes nothing (as in KCL), with a warning for each", () => {
    const result = applyOverrides(config, ["appConfiguration.nothing-", "nothing-"]);
    expect(result.text).toBe(config);
    expect(result.changes).toEqual([]);
    expect(result.warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/^nothing to delete: appConfiguration has 'appName', .*, not 'nothing'$/),
      "nothing to delete: no top-level 'nothing' in this file",
    ]);
  });
});

describe("applyOverrides: values", () => {
  it("refuses a value whose ${ is never closed: KCL would not read the file", () => {
    expect(() => applyOverrides('config = {name = "x"}\n', ['config.name="${x"'])).toThrow("'${' is never closed in this string");
  });

  it("asks to close a quote the value opened, not to quote it again", () => {
    expect(() => applyOverrides('config = {name = "x"}\n', ['config.name="a'])).toThrow(/; close its quote$/);
  });

  it("sets a computed value from each target's current string, keeping its style; undefined leaves it", () => {
    const text = "a = {image = 'app:1'}\nb = {image = \"other:1\"}\nb = {image = x}\n";
    const bump = (current: string | undefined) => (current?.startsWith("app:") ? "app:2" : current === undefined ? "app:new" : undefined);
    expect(applyOverrides(text, [{ path: "a.image", value: bump }]).text).toBe(text.replace("'app:1'", "'app:2'"));
    expect(applyOverrides(text, [{ path: "b.image", value: bump }]).text).toBe(text);
    // Not a plain string: the function sees no current value.
    expect(applyOverrides("c = x\n", [{ path: "c", value: bump }]).text).toBe('c = "app:new"\n');
    expect(applyOverrides("d = {}\n", [{ path: "d.image", value: bump }], { create: true }).text).toBe('d = {\n    image = "app:new"\n}\n');
  });

  it("tells at the field what a computed value is told of its current one, with its kind", () => {
    const text = 'a = {image = "app:2"}\n';
    const refuse: ValueFor = (current, kept) => {
      if (current !== undefined) kept?.("is left as it is: its policy refuses app:3", "policy-refusal");
      return current === undefined ? "app:3" : undefined;
    };
    expect(applyOverrides(text, [{ path: "a.image", value: refuse }])).toEqual({
      text,
      changes: [],
      warnings: [{ line: 1, message: "a.image is left as it is: its policy refuses app:3", kind: "policy-refusal" }],
    });
  });

  it("refuses a computed value over a config, schema instance or list: the image would replace what it holds, as YAML refuses a mapping", () => {
    const text = [
      "config = {",
      '    image = {repository = "ghcr.io/acme/app", tag = "1.2.3"}',
      '    list = ["ghcr.io/acme/app:1.2.3"]',
      '    app = App {image = "ghcr.io/acme/app:1.2.3"}',
      "}",
      "",
    ].join("\n");
    const tag = () => "1.2.4";
    const refusal = (path: string): string => {
      try {
        applyOverrides(text, [{ path, value: tag }]);
      } catch (e) {
        return `${(e as SourceError).line}: ${(e as Error).message}`;
      }
      return "no error";
    };
    const inside = "; name the entry inside it that holds the image (or, with part: tag, the tag)";
    expect(refusal("config.image")).toBe(`2: config.image: the value is a config, not a string that can be set${inside}`);
    expect(refusal("config.list")).toBe("3: config.list: the value is a list, not a string that can be set");
    expect(refusal("config.app")).toBe(`4: config.app: the value is a schema instance, not a string that can be set${inside}`);
    expect(refusal("config")).toBe(`1: config: the value is a config, not a string that can be set${inside}`);
    // The field inside is set; an expression that computes a string is replaced, as before.
    expect(applyOverrides(text, [{ path: "config.image.tag", value: tag }]).text).toBe(text.replace('"1.2.3"}', '"1.2.4"}'));
    expect(applyOverrides('a = {image = "repo:" + version}\n', [{ path: "a.image", value: tag }]).text).toBe('a = {image = "1.2.4"}\n');
  });

  it("quotes a unary/binary value like build_expr_from_string", () => {
    expect(applyOverrides('a = {image = "x"}\n', ["a.image=kcllang/flask_demo:abc"]).text).toBe('a = {image = "kcllang/flask_demo:abc"}\n');
    expect(applyOverrides("count = 1\n", ["count=-1"]).text).toBe('count = "-1"\n');
  });

  it("keeps the old literal's quote style and escapes the new value for it", () => {
    const text = 'a = AppConfiguration {image: \'image\', raw = r"x", doc = """old"""}\n';
    const result = applyOverrides(text, [`a.image="it's"`, 'a.raw="C:\\\\dir"', 'a.doc="new"']);
    expect(result.text).toBe('a = AppConfiguration {image: \'it\\\'s\', raw = "C:\\\\dir", doc = """new"""}\n');
    expect(result.changes.map((c) => c.new)).toEqual(["it's", "C:\\dir", "new"]);
  });

  it("splices non-string values as written and treats token-equal values as unchanged", () => {
    const text = "alice2 = [1, 2, 3]\nprobe = {a = 1}\n";
    expect(applyOverrides(text, ["alice2=[1,2,3]"]).text).toBe(text);
    expect(applyOverrides(text, ["alice2=[4, 5]", "probe={periodSeconds=20}"]).text).toBe("alice2 = [4, 5]\nprobe = {periodSeconds=20}\n");
  });

  it("writes a value of another kind as given, and says so: a lost or stray quote reads alike in the change (3 -> 5), a name cut loose reads as any change", () => {
    const text = 'replicas = 3\nimage = "ghcr.io/acme/app:1.0.0"\ndebug = False\nport = _port\n';
    const result = applyOverrides(text, ['replicas="5"', "image=app", "debug=True", 'port="8080"']);
    expect(result.text).toBe('replicas = "5"\nimage = app\ndebug = True\nport = "8080"\n');
    expect(result.warnings).toEqual([
      { line: 1, message: 'replicas: 3 (a number) becomes the string "5"' },
      {
        line: 2,
        message: 'image: "ghcr.io/acme/app:1.0.0" (a string) becomes the name app, which KCL reads as a variable; for the string, quote it: image="app"',
      },
      // A name replaced: the field no longer follows the variable, which others may still read.
      { line: 4, message: 'port: _port (a name) becomes the string "8080", so it no longer follows _port; to move everything that does, set _port instead' },
    ]);
    // Same kind, a name for a name, or a computed image: nothing to say.
    expect(applyOverrides(text, ["replicas=4", 'image="x"', "port=_other"]).warnings).toEqual([]);
  });

  it("reports a value of another kind as written, old and new, where read they would say the same (3 -> 3); one of the same kind as read", () => {
    const text = 'replicas = 3\nname = "web"\nport = _port\n';
    const changes = (...specs: string[]) => applyOverrides(text, specs).changes.map((c) => `${c.old} -> ${c.new}`);
    expect(changes('replicas="3"', "name=web", 'port="8080"')).toEqual(['3 -> "3"', '"web" -> web', '_port -> "8080"']);
    expect(changes("replicas=4", 'name="api"', "port=_other")).toEqual(["3 -> 4", "web -> api", "_port -> _other"]);
  });

  it("writes a number over a string as given, as kcl -O does, and says what KCL reads and the spec for the string: 5.10 is the float 5.1", () => {
    const text = 'app = {\n    image = {\n        repository = "ghcr.io/acme/payments"\n        tag = "5.4"\n    }\n}\n';
    const { text: after, warnings } = applyOverrides(text, ["app.image.tag=5.10"]);
    expect(after).toBe(text.replace('"5.4"', "5.10"));
    expect(warnings).toEqual([
      {
        line: 4,
        message: 'app.image.tag: "5.4" (a string) becomes the number 5.10, which KCL reads as 5.1; for the string, quote it: app.image.tag="5.10"',
      },
    ]);
    const said = (value: string) => applyOverrides(text, [`app.image.tag=${value}`]).warnings[0]?.message;
    expect(said("1Ki")).toMatch(/becomes the number 1Ki, which KCL reads as 1024\.0; for the string, quote it: app\.image\.tag="1Ki"$/);
    expect(said("0x10")).toMatch(/, which KCL reads as 16;/);
    // A number KCL reads as written still turns the string into a number: the spec for the string is given alone.
    expect(said("5")).toBe('app.image.tag: "5.4" (a string) becomes the number 5; for the string, quote it: app.image.tag="5"');
    // Quoted, it is the string; a number over a number is the number asked for.
    expect(applyOverrides(text, ['app.image.tag="5.10"'])).toMatchObject({ text: text.replace("5.4", "5.10"), warnings: [] });
    expect(applyOverrides("replicas = 3\n", ["replicas=2.50"]).warnings).toEqual([]);
  });

  it("writes an operation holding a quoted string as KCL -O does, the string of its text, and says how to write the operation", () => {
    const text = 'app = {image = "ghcr.io/acme/web:1.2.3"}\n';
    const result = applyOverrides(text, ['app.image="ghcr.io/acme/web:" + _tag']);
    expect(result.text).toBe('app = {image = "\\"ghcr.io/acme/web:\\" + _tag"}\n');
    expect(result.warnings).toEqual([
      {
        line: 1,
        message:
          'app.image: "ghcr.io/acme/web:1.2.3" (a string) becomes the string "\\"ghcr.io/acme/web:\\" + _tag", as KCL -O writes an operation (the string of its whole text); ' +
          'for the operation itself, put it in parentheses: app.image=("ghcr.io/acme/web:" + _tag)',
      },
    ]);
    // In parentheses it is no operation: written as given, as KCL -O keeps it.
    const parenthesized = applyOverrides(text, ['app.image=("ghcr.io/acme/web:" + _tag)']);
    expect(parenthesized.text).toBe('app = {image = ("ghcr.io/acme/web:" + _tag)}\n');
    expect(parenthesized.warnings).toEqual([]);
  });

  it("adds to the advice how to keep its quotes and parentheses in a shell, for a spec given on a command line only", () => {
    const text = 'app = {image = "ghcr.io/acme/web:1.2.3", count = 1}\n';
    const said = (fieldName?: FieldNamer) => applyOverrides(text, ["app.image=web", "app.count=-1"], { fieldName }).warnings.map((w) => w.message);
    const shell = " (in a shell, single-quote the whole argument, so that its quotes and parentheses reach the tool)";
    expect(said(cliFieldName)).toEqual([
      expect.stringMatching(/for the string, quote it: app\.image="web" \(in a shell, single-quote the whole argument/),
      expect.stringMatching(/for the operation itself, put it in parentheses: app\.count=\(-1\) \(in a shell, single-quote the whole argument/),
    ]);
    // An Action's input and a library's string reach the tool as written.
    expect(said(actionFieldName)).toEqual(said(cliFieldName).map((message) => message.replace(shell, "")));
    expect(said()).toEqual(said(actionFieldName));
  });

  it("says so too when an operation replaces a number (count=-1) or is created; an unquoted reference over a string is the rule's purpose", () => {
    expect(applyOverrides("count = 1\n", ["count=-1"]).warnings.map((w) => w.message)).toEqual([
      'count: 1 (a number) becomes the string "-1", as KCL -O writes an operation (the string of its whole text); for the operation itself, put it in parentheses: count=(-1)',
    ]);
    expect(applyOverrides("app = {}\n", ['app.name="a" + "b"'], { create: true }).warnings).toEqual([
      {
        line: 2,
        message:
          'app.name becomes the string "\\"a\\" + \\"b\\"", as KCL -O writes an operation (the string of its whole text); for the operation itself, put it in parentheses: app.name=("a" + "b")',
      },
    ]);
    expect(applyOverrides('a = {image = "x"}\n', ["a.image=kcllang/flask_demo:abc"]).warnings).toEqual([]);
  });

  it("refuses a value KCL would silently truncate (nginx:1.25 -> nginx)", () => {
    expect(() => applyOverrides('a = {image = "x"}\n', ["a.image=nginx:1.25"])).toThrow(OverrideSpecError);
    expect(() => applyOverrides('a = {image = "x"}\n', ["a.image=nginx:1.25"])).toThrow(
      /KCL would keep only 'nginx'\); quote a string value: a\.image="nginx:1\.25"/,
    );
  });

  it("lays a multi-line value out under its entry as KCL's printer would, however the spec indents it: one level of the file's per bracket (review N3)", () => {
    const text = 'config = {\n    app = {\n        image = "x"\n    }\n}\n';
    const created = (text: string, spec: string) => applyOverrides(text, [spec], { create: true }).text;
    const res = ["        res = {", "            # limits", '            limits = [{mem = "1Gi",', '                cpu = "1"}]', "        }"];
    const withRes = text.replace('"x"\n', `"x"\n${res.join("\n")}\n`);
    // Given flat, or indented by two, the lines inside land one level in from the entry, the closing bracket at its level.
    expect(created(text, 'config.app.res={\n# limits\nlimits = [{mem = "1Gi",\ncpu = "1"}]\n}')).toBe(withRes);
    expect(created(text, 'config.app.res={\n  # limits\n  limits = [{mem = "1Gi",\n              cpu = "1"}]\n  }')).toBe(withRes);
    expect(applyOverrides(text, ['config.app.image={\nrepository = "x"\n}']).text).toBe(
      'config = {\n    app = {\n        image = {\n            repository = "x"\n        }\n    }\n}\n',
    );
    // A line deeper than the first of its bracket's keeps what it has more: an if entry's body stays in the if.
    expect(created(text, "config.app.res={\nif True:\n  cpu = 1\n}")).toBe(
      text.replace('"x"\n', '"x"\n        res = {\n            if True:\n              cpu = 1\n        }\n'),
    );
    // A level is the file's: a tab where its lines are indented with tabs, two spaces where with two.
    expect(created('config = {\n\tapp = {\n\t\timage = "x"\n\t}\n}\n', "config.app.res={\n    cpu = 1\n}")).toBe(
      'config = {\n\tapp = {\n\t\timage = "x"\n\t\tres = {\n\t\t\tcpu = 1\n\t\t}\n\t}\n}\n',
    );
    expect(created("a = {\n  b = {c = 1\n  }\n}\n", "a.b.d={\nx = 1\n}")).toBe("a = {\n  b = {c = 1\n    d = {\n      x = 1\n    }\n  }\n}\n");
    // A continuation lined up under its opener is no level: the level is what a line opening one has the next indented by.
    const labels = 'labels = ["a",\n          "b"]\n';
    expect(created(labels + text, "config.app.res={\ncpu = 1\n}")).toBe(
      labels + text.replace('"x"\n', '"x"\n        res = {\n            cpu = 1\n        }\n'),
    );
  });

  it("indents a multi-line value's later lines to its entry, as KCL's printer places them; a line inside a string stays as it is", () => {
    const text = 'app = App {\n    env = [\n        {name = "A"}\n    ]\n}\n';
    expect(applyOverrides(text, ['app.env=[\n    {name = "B"}\n]']).text).toBe('app = App {\n    env = [\n        {name = "B"}\n    ]\n}\n');
    // Created, and appended: under the entry or item they join; an empty line stays empty, CRLF files get CRLF
    // except inside a string, whose line break is its value's ("a\nb", not "a\r\nb"): a second run changes nothing.
    const crlf = text.replace(/\n/g, "\r\n");
    const created = applyOverrides(crlf, ['app.probe={\n    doc = """a\nb"""\n\n    port = 1\n}'], { create: true });
    expect(created.text).toBe(crlf.replace(/\}\r\n$/, '    probe = {\r\n        doc = """a\nb"""\r\n\r\n        port = 1\r\n    }\r\n}\r\n'));
    expect(created.changes[0]!.line).toBe(5);
    const set = applyOverrides("a = {\r\n    b = 1\r\n}\r\n", ['a.b={\n    c = """x\ny"""\n}']);
    expect(set.text).toBe('a = {\r\n    b = {\r\n        c = """x\ny"""\r\n    }\r\n}\r\n');
    expect(applyOverrides(set.text, ['a.b={\n    c = """x\ny"""\n}']).changes).toEqual([]);
    expect(applyOverrides(text, ['app.env+=[{\n    name = "C"\n}]']).text).toBe(
      'app = App {\n    env = [\n        {name = "A"}\n        {\n            name = "C"\n        }\n    ]\n}\n',
    );
  });

  it("keeps a byte order mark byte for byte, which KCL reads past: set, delete the first statement or every line, create", () => {
    const bom = "\uFEFF";
    expect(applyOverrides(`${bom}a = {x = "1"}\nb = 2\n`, ['a.x="2"']).text).toBe(`${bom}a = {x = "2"}\nb = 2\n`);
    expect(applyOverrides(`${bom}a = 1\nb = 2\n`, ["a-"]).text).toBe(`${bom}b = 2\n`);
    expect(applyOverrides(`${bom}\n\na = 1\n`, ["a-"]).text).toBe(bom);
    expect(applyOverrides(bom, ["a=1"], { create: true })).toMatchObject({ text: `${bom}a = 1\n`, changes: [{ line: 1, key: "a" }] });
  });

  it("keeps CRLF line ends and every other byte", () => {
    const text = 'import app\r\n\r\nconfig = app.App {\r\n    image = "a:1"  # 镜像\r\n}\r\n';
    expect(applyOverrides(text, ['config.image="a:2"']).text).toBe(text.replace("a:1", "a:2"));
  });

  it("ends the line before a created statement as the file ends its lines, where the file has no final line break", () => {
    expect(applyOverrides("a = 1\r\nb = 2", ["c=3"], { create: true }).text).toBe("a = 1\r\nb = 2\r\nc = 3");
  });
});

describe("applyOverrides: target rules", () => {
  it("refuses to override one target of 'x = y = ...': a splice would change both", () => {
    const text = 'x = y = {image = "a:1"}\n';
    const shared = "'y' shares its value with the other targets of 'x = y = ...'; give it a statement of its own to override it alone";
    expect(() => applyOverrides(text, ['y.image="b:2"'])).toThrow(shared);
    expect(() => applyOverrides(text, ["y-"])).toThrow(shared);
  });

  it("ends an inline if entry after its one entry, as KCL's parser does", () => {
    const text = 'config = {if env == "prod": replicas = 3, image = "ghcr.io/acme/app:1.0.0"}\n';
    expect(applyOverrides(text, ['config.image="ghcr.io/acme/app:2.0.0"']).text).toBe(text.replace("1.0.0", "2.0.0"));
  });

  it("names a `$`-escaped key by its name, as KCL does ($type is type)", () => {
    const text = 'config = {\n    service: {$type = "NodePort"}\n}\n$schema = "a"\n';
    expect(applyOverrides(text, ['config.service.type="LoadBalancer"', 'schema="b"']).text).toBe(
      text.replace("NodePort", "LoadBalancer").replace('"a"', '"b"'),
    );
  });

  it("matches dotted keys (kcl-lang.io gitops example) and string keys", () => {
    const text = [
      "config = app.App {",
      '    name = "kcl-guestbook-ui"',
      "    containers.guestbook = {",
      '        image = "gcr.io/heptio-images/ks-guestbook-demo:0.2"',
      "    }",
      '    labels: {"app.version": "v1"}',
      '    service.type = "LoadBalancer"',
      "}",
      "",
    ].join("\n");
    const result = applyOverrides(text, [
      'config.containers.guestbook.image="gcr.io/heptio-images/ks-guestbook-demo:0.3"',
      'config.labels["app.version"]="v2"',
      'config.service.type="NodePort"',
    ]);
    expect(result.text).toBe(text.replace(":0.2", ":0.3").replace('"v1"', '"v2"').replace('"LoadBalancer"', '"NodePort"'));
  });

  it("hits every top-level assignment for x=v, and a unification only with a schema value", () => {
    const text = "x = 1\nx = 2\nc: C {a = 1}\n";
    expect(applyOverrides(text, ["x=3"]).text).toBe("x = 3\nx = 3\nc: C {a = 1}\n");
    expect(() => applyOverrides(text, ["c=1"])).toThrow("'c' is a unification ('c: S {...}'); '=' replaces it only with a schema instance (S {...})");
    expect(applyOverrides(text, ["c=1"], { create: true }).text).toBe(`${text}c = 1\n`);
    expect(applyOverrides(text, ["c=C {a = 2}"]).text).toBe("x = 1\nx = 2\nc: C {a = 2}\n");
    // A config is no schema instance: written there, 'c: {a = 2}' would read as a type annotation.
    expect(() => applyOverrides(text, ["c={a = 2}"])).toThrow("'c' is a unification ('c: S {...}'); '=' replaces it only with a schema instance (S {...})");
  });

  it("sets the assignments of x=v beside a unification it cannot replace, as KCL -O does, and says the unification is left", () => {
    const text = "x = 1\nx = 2\nx: S {}\n";
    const result = applyOverrides(text, ["x=5"]);
    expect(result.text).toBe("x = 5\nx = 5\nx: S {}\n");
    expect(result.changes.map((c) => [c.line, c.old, c.new])).toEqual([
      [1, "1", "5"],
      [2, "2", "5"],
    ]);
    const left =
      "'x' is also a unification ('x: S {...}'), left as it is: '=' replaces it only with a schema instance (S {...}); only the assignments of 'x' are set, as with KCL -O";
    expect(result.warnings).toEqual([{ line: 3, message: left }]);
    // Said on a second run too: the file still holds both.
    expect(applyOverrides(result.text, ["x=5"])).toEqual({ text: result.text, changes: [], warnings: [{ line: 3, message: left }] });
    expect(applyOverrides(text, ["x:5"]).warnings).toEqual([{ line: 3, message: expect.stringContaining("':' merges into it only a config") }]);
    // A schema instance replaces all three.
    expect(applyOverrides(text, ["x=S {a = 1}"]).text).toBe("x = S {a = 1}\nx = S {a = 1}\nx: S {a = 1}\n");
  });

  it("merges into a unification with ':' only a config or schema instance: a plain value would make 'config: 5' a type annotation, the variable gone", () => {
    const text = "config: App {\n    a = 1\n}\n";
    const refused = "'config' is a unification ('config: S {...}'); ':' merges into it only a config ({...}) or a schema instance (S {...})";
    expect(() => applyOverrides(text, ["config:5"])).toThrow(refused);
    expect(() => applyOverrides(text, ['config:"ghcr.io/acme/app:2.0.0"'])).toThrow(expect.objectContaining({ line: 1 }));
    // With create, as with '=': the assignment KCL adds after it; a second run changes nothing.
    const created = applyOverrides(text, ["config:5"], { create: true });
    expect(created.text).toBe(`${text}config = 5\n`);
    expect(applyOverrides(created.text, ["config:5"], { create: true }).changes).toEqual([]);
    expect(applyOverrides(text, ["config:{b = 2}", "config:App {c = 3}"]).text).toBe("config: App {\n    a = 1\n    b = 2\n    c = 3\n}\n");
    // A nested entry takes any value.
    expect(applyOverrides(text, ["config.a:5"]).text).toBe("config: App {\n    a = 5\n}\n");
  });

  it("never descends into lists, calls or if entries", () => {
    const text = 'a = {\n    l = [{image = "x"}]\n    c = make({image = "x"})\n    if True:\n        image = "x"\n}\n';
    expect(() => applyOverrides(text, ['a.l.image="y"'])).toThrow("a.l is not a config or schema literal, so it has no 'image'");
    expect(() => applyOverrides(text, ['a.image="y"'])).toThrow("a has 'l', 'c', not 'image'");
  });

  // Each key was looked for among those found before it: 100,000 keys took a minute, and the message named them all.
  it("names the first ten keys of a config with 100,000 and how many more, where a path is missing", () => {
    const text = `c = {\n${Array.from({ length: 100000 }, (_, i) => `    k${i} = "x"\n`).join("")}}\n`;
    const message = "c has 'k0', 'k1', 'k2', 'k3', 'k4', 'k5', 'k6', 'k7', 'k8', 'k9' and 99990 more, not 'zz'";
    expect(() => applyOverrides(text, ['c.zz="y"'])).toThrow(
      expect.objectContaining({ line: 1, message: expect.stringMatching(new RegExp(`^${message} \\(`)) }),
    );
  });

  it("reports a missing top-level variable", () => {
    expect(() => applyOverrides("a = 1\n", ['b.c="x"'])).toThrow(/no top-level 'b'/);
  });

  it("names the top-level variable a mistyped first name most likely meant, as a nested miss names the keys there", () => {
    const text = 'config = {\n    image = "a/b:1"\n}\nreplicas = 2\n';
    expect(() => applyOverrides(text, ['Config.image="a/b:2"'])).toThrow(
      new SourceError(
        "no top-level 'Config' = {...}, 'Config = S {...}' or 'Config: S {...}' in this file (did you mean 'config'?) (to add it, use --create, or create: true in the Action or the library)",
      ),
    );
    expect(() => applyOverrides(text, ["replica=3"])).toThrow(
      new SourceError("no top-level 'replica' in this file (did you mean 'replicas'?) (to add it, use --create, or create: true in the Action or the library)"),
    );
    // Only a name the path can start from is offered: 'replicas' holds no config.
    expect(() => applyOverrides(text, ["replica.x=1"])).toThrow(/^no top-level 'replica' = \{\.\.\.\}, .* in this file \(to add it/);
  });

  it("says how to add a missing path as the request's face takes create: the CLI's flag, the Action's input", () => {
    const text = 'config = {\n    image = "a/b:1"\n}\n';
    expect(() => applyOverrides(text, ["replicas=3"], { fieldName: cliFieldName })).toThrow(/ \(to add it, use --create\)$/);
    expect(() => applyOverrides(text, ['config.tag="1"'], { fieldName: actionFieldName })).toThrow(/ \(to add config\.tag, use create: true\)$/);
  });
});

describe("applyOverrides: ':' and '+=' as splices", () => {
  it("merges a config: existing keys replaced in place, new keys appended with their siblings' indentation", () => {
    const text = 'app = App {\n    labels: {\n        a = "1"\n    }\n}\n';
    const result = applyOverrides(text, ['app.labels:{a = "2", b = "3"}']);
    expect(result.text).toBe('app = App {\n    labels: {\n        a = "2"\n        b = "3"\n    }\n}\n');
  });

  it("applies each merged entry by its own operator, as kcl -O does: '=' replaces the value, ':' merges into it, '+=' appends", () => {
    const text = 'app: App {\n    containers: {\n        web = {name = "web", image = "ghcr.io/acme/web:1.0.0"}\n    }\n    ports = [80]\n}\n';
    const replaced = applyOverrides(text, ['app:App {containers = {db = {image = "pg:16"}}}']);
    expect(replaced.text).toBe('app: App {\n    containers: {db = {image = "pg:16"}}\n    ports = [80]\n}\n');
    expect(replaced.changes.map((c) => [c.key, c.new])).toEqual([["app.containers", '{db = {image = "pg:16"}}']]);
    // An empty config set with '=' empties the field; merged with ':', it changes nothing.
    expect(applyOverrides(text, ["app:{containers = {}}"]).text).toBe("app: App {\n    containers: {}\n    ports = [80]\n}\n");
    expect(applyOverrides(text, ["app:{containers: {}}"]).changes).toEqual([]);
    expect(applyOverrides(text, ['app:{containers: {web: {image = "ghcr.io/acme/web:1.1.0"}}}']).text).toBe(text.replace("1.0.0", "1.1.0"));
    expect(applyOverrides(text, ["app:{ports += [443]}"]).text).toBe(text.replace("[80]", "[80, 443]"));
  });

  it("finds a merged entry's dotted key as the nested keys it stands for, either side, as kcl -O does: only the value's bytes change", () => {
    const nested = 'app = App { containers = { web = { image = "ghcr.io/acme/web:1.0.0" } } }\n';
    const dotted = 'app = App { containers.web = { image = "ghcr.io/acme/web:1.0.0" } }\n';
    const set = { line: 1, kind: "override", key: "app.containers.web.image", old: "ghcr.io/acme/web:1.0.0", new: "ghcr.io/acme/web:2.0.0" };
    const dottedSpec = applyOverrides(nested, ['app:{containers.web.image = "ghcr.io/acme/web:2.0.0"}']);
    expect(dottedSpec.text).toBe(nested.replace("1.0.0", "2.0.0"));
    expect(dottedSpec.changes).toEqual([set]);
    const nestedSpec = applyOverrides(dotted, ['app:{containers: {web: {image = "ghcr.io/acme/web:2.0.0"}}}']);
    expect(nestedSpec.text).toBe(dotted.replace("1.0.0", "2.0.0"));
    expect(nestedSpec.changes).toEqual([set]);
    // One not there yet is still created, at the deepest key that exists, as the spec path with create adds it.
    const multiLine = 'app = App {\n    containers = {\n        web = {image = "ghcr.io/acme/web:1.0.0"}\n    }\n}\n';
    expect(applyOverrides(multiLine, ['app:{containers.db.image = "pg:16"}']).text).toBe(
      applyOverrides(multiLine, ['app.containers.db.image="pg:16"'], { create: true }).text,
    );
    expect(applyOverrides('app = App {\n    name = "web"\n}\n', ['app:{containers.db.image = "pg:16"}'])).toMatchObject({
      text: 'app = App {\n    name = "web"\n    containers.db.image = "pg:16"\n}\n',
      changes: [{ line: 3, key: "app.containers.db.image", old: "", new: "pg:16", op: "create" }],
    });
    // '=' of the key the file writes dotted past it replaces that key whole: refused, as the spec path app.containers= is.
    expect(() => applyOverrides(dotted, ["app:{containers = {}}"])).toThrow(
      "app.containers is written as the dotted key 'containers.web'; name a key inside it",
    );
  });

  it("merges into a spec path the file writes only dotted past its end, as kcl -O does once it has expanded the key: only the value's bytes change", () => {
    const dotted = 'app = App { containers.web.image = "ghcr.io/acme/web:1.0.0" }\n';
    const dottedWeb = 'app = App { containers.web = {image = "ghcr.io/acme/web:1.0.0"} }\n';
    const image = '{image = "ghcr.io/acme/web:2.0.0"}';
    for (const spec of [`app.containers:{web = ${image}}`, `app.containers:{web: ${image}}`, `app.containers.web:${image}`, `app.containers.web=${image}`]) {
      const result = applyOverrides(dotted, [spec]);
      expect(result.text).toBe(dotted.replace("1.0.0", "2.0.0"));
      expect(result.changes).toEqual([
        { line: 1, kind: "override", key: "app.containers.web.image", old: "ghcr.io/acme/web:1.0.0", new: "ghcr.io/acme/web:2.0.0" },
      ]);
      expect(applyOverrides(dottedWeb, [spec]).text).toBe(dottedWeb.replace("1.0.0", "2.0.0"));
    }
    // A key not there yet is added beside the dotted one, as KCL's merge adds it below the expanded key.
    expect(applyOverrides('c = {\n    a.b = "1"\n}\n', ["c.a:{x = 1}"]).text).toBe('c = {\n    a.b = "1"\n    a.x = 1\n}\n');
    // A value of another shape than the dotted entry ('=' where KCL's expansion has ':') would be more than a splice: refused.
    expect(() => applyOverrides('c = {\n    a.b.c = "1"\n}\n', ['c.a={b = {c = "2"}}'])).toThrow(
      "c.a is written as the dotted key 'a.b.c'; name a key inside it",
    );
  });

  it("adds the new keys of a merge to a config as one insertion, each reported on its own line, empty config or not", () => {
    const merged = (text: string) => applyOverrides(text, ["app.web:{a = 1, b = 2}"]);
    const lines = (text: string) => merged(text).changes.map((c) => [c.line, c.key]);
    const schema = merged("app = {\n    web: App {\n    }\n}\n");
    expect(schema.text).toBe("app = {\n    web: App {\n        a = 1\n        b = 2\n    }\n}\n");
    expect(schema.changes.map((c) => [c.line, c.key])).toEqual([
      [3, "app.web.a"],
      [4, "app.web.b"],
    ]);
    expect(merged("app = {\n    web: {}\n}\n").text).toBe("app = {\n    web: {\n        a = 1\n        b = 2\n    }\n}\n");
    expect(lines("app = {\n    web: {\n        x = 0\n    }\n}\n")).toEqual([
      [4, "app.web.a"],
      [5, "app.web.b"],
    ]);
    // A comment after the opening bracket stays there; the entries go one level in, not at the comment's column.
    expect(merged("app = {\n    web: { # c\n    }\n}\n").text).toBe("app = {\n    web: { # c\n        a = 1\n        b = 2\n    }\n}\n");
    expect(lines("app = {\n    web: { # c\n    }\n}\n")).toEqual([
      [3, "app.web.a"],
      [4, "app.web.b"],
    ]);
  });

  it("reports every change and warning of one merge on the line it is on in the output, past the lines the merge added above it", () => {
    const nested = "app = {\n    web = {\n        a = 1\n    }\n}\n";
    const added = applyOverrides(nested, ["app:{web: {b = 2}, c = 3}"]);
    expect(added.text).toBe("app = {\n    web = {\n        a = 1\n        b = 2\n    }\n    c = 3\n}\n");
    expect(added.changes.map((c) => [c.line, c.key])).toEqual([
      [4, "app.web.b"],
      [6, "app.c"],
    ]);
    // A value replaced below a multi-line entry added above it, and the warning about it.
    const replaced = applyOverrides(nested.replace("    }\n", "    }\n    c = 1\n"), ['app:{web: {b = [\n    1\n]}, c = "3"}']);
    expect(replaced.text.split("\n")[7]).toBe('    c = "3"');
    expect(replaced.changes.map((c) => [c.line, c.key])).toEqual([
      [4, "app.web.b"],
      [8, "app.c"],
    ]);
    expect(replaced.warnings).toEqual([{ line: 8, message: 'app.c: 1 (a number) becomes the string "3"' }]);
    // Lines added earlier on the same line move what follows on it too.
    const oneLine = applyOverrides("app = {web: {}, c = 1}\n", ["app:{web: {b = 2}, c = 3}"]);
    expect(oneLine.text).toBe("app = {web: {\n    b = 2\n}, c = 3}\n");
    expect(oneLine.changes.map((c) => [c.line, c.key])).toEqual([
      [2, "app.web.b"],
      [3, "app.c"],
    ]);
  });

  // Each change was moved past every splice of the spec, one by one: 20,000 duplicate keys took a minute.
  it("reports each of 20,000 duplicate keys set to a multi-line value on its line in the output, past the lines added above it", () => {
    const result = applyOverrides(`x = {\n${Array(20000).fill("    a = 1\n").join("")}}\n`, ["x.a={\n    b = 2\n}"]);
    expect(result.text).toBe(`x = {\n${Array(20000).fill("    a = {\n        b = 2\n    }\n").join("")}}\n`);
    expect(result.changes.map((c) => c.line)).toEqual(Array.from({ length: 20000 }, (_, i) => 2 + 3 * i));
  });

  it("indents the later lines of a multi-line value in a merge or an append once, to its entry or item, as '=' does", () => {
    const text = "app = {\n    web = {\n        x = 0\n    }\n}\n";
    const merged = applyOverrides(text, ["app.web:{\n    b = [\n        2\n    ]\n}"]);
    expect(merged.text).toBe("app = {\n    web = {\n        x = 0\n        b = [\n            2\n        ]\n    }\n}\n");
    expect(merged.text).toBe(applyOverrides(text, ["app.web.b=[\n    2\n]"], { create: true }).text);
    expect(merged.changes).toEqual([{ line: 4, kind: "override", key: "app.web.b", old: "", new: "[\n    2\n]", op: "create" }]);
    expect(applyOverrides(merged.text, ["app.web:{\n    b = [\n        2\n    ]\n}"]).changes).toEqual([]);
    // A key the config holds, replaced by the merge; an item written inside the spec's list, appended.
    expect(applyOverrides(text, ["app:{\n    web = {\n        x = [\n            1\n        ]\n    }\n}"]).text).toBe(
      "app = {\n    web = {\n        x = [\n            1\n        ]\n    }\n}\n",
    );
    const ports = "app = {\n    ports = [\n        {port = 80}\n    ]\n}\n";
    expect(applyOverrides(ports, ["app.ports+=[\n    {\n        port = 443\n    }\n]"]).text).toBe(
      "app = {\n    ports = [\n        {port = 80}\n        {\n            port = 443\n        }\n    ]\n}\n",
    );
  });

  it("appends list items when both sides are lists; warns and changes nothing otherwise", () => {
    const text = 'a = {\n    ports = [80]\n    names = [\n        "x"\n    ]\n    n = 1\n}\n';
    const result = applyOverrides(text, ["a.ports+=[443]", 'a.names+=["y"]', "a.n+=[1]"]);
    expect(result.text).toBe('a = {\n    ports = [80, 443]\n    names = [\n        "x"\n        "y"\n    ]\n    n = 1\n}\n');
    expect(result.warnings).toEqual([{ line: 7, message: "a.n+= needs a list literal on both sides; nothing appended" }]);
  });

  it("appends only the items the list does not hold yet, so a second run changes nothing (kcl -O appends them again)", () => {
    const text = 'app = {\n    args = ["a", "b"]\n    ports = [\n        {port = 80}\n    ]\n}\n';
    const once = applyOverrides(text, ['app.args+=["c"]', "app.ports+=[{port = 80}, {port=443}]"]);
    expect(once.text).toBe('app = {\n    args = ["a", "b", "c"]\n    ports = [\n        {port = 80}\n        {port=443}\n    ]\n}\n');
    const again = applyOverrides(once.text, ['app.args+=["c"]', "app.ports+=[{port = 80}, {port=443}]"]);
    expect(again.text).toBe(once.text);
    expect(again.changes).toEqual([]);
    // Items are compared by their tokens, whatever the layout or quotes; a repeated one is added once.
    const result = applyOverrides(once.text, ['app.args+=[\'b\', "d", "d"]']);
    expect(result.text).toContain('args = ["a", "b", "c", "d"]');
    expect(result.changes.map((c) => [c.old, c.new])).toEqual([['["a", "b", "c"]', '["a", "b", "c", "d"]']]);
  });
});

describe("applyOverrides: create", () => {
  it("starts a created statement on a line of its own after a lone CR, which ends no line to KCL", () => {
    expect(applyOverrides("a = 1\r", ["b=2"], { create: true }).text).toBe("a = 1\r\nb = 2");
    expect(applyOverrides("a = 1  # one\r", ["b=2"], { create: true }).text).toBe("a = 1  # one\r\nb = 2");
  });

  it("writes a created ':' entry in KCL's own style, 'key: value'", () => {
    expect(applyOverrides("a = {}\n", ['a.labels:{x = "y"}'], { create: true }).text).toBe('a = {\n    labels: {x = "y"}\n}\n');
  });

  it("lays a created entry out as the entries before it: indented as their line, ending in a comma where they do", () => {
    expect(applyOverrides("a = {\n  x = 1, y = 2\n}\n", ["a.z=3"], { create: true }).text).toBe("a = {\n  x = 1, y = 2\n  z = 3\n}\n");
    expect(applyOverrides("a = {\n  x = 1,\n  y = 2,\n}\n", ["a.z=3"], { create: true }).text).toBe("a = {\n  x = 1,\n  y = 2,\n  z = 3,\n}\n");
    // The entries before it share the opening bracket's line: one level in from that line, not at its column 0.
    expect(applyOverrides('app = {name = "x"\n}\n', ['app.image="y"'], { create: true }).text).toBe('app = {name = "x"\n    image = "y"\n}\n');
    // Not after an if entry's block begun on that line: KCL's lexer would read a line one level in as the block's, the entry as conditional.
    expect(applyOverrides('app = {name = "x", if tls:\n    port = 443\n}\n', ['app.image="y"'], { create: true }).text).toBe(
      'app = {name = "x", if tls:\n    port = 443\nimage = "y"\n}\n',
    );
    expect(applyOverrides('a = {\n    l = [\n        "x",\n        "y",\n    ]\n}\n', ['a.l+=["z"]']).text).toBe(
      'a = {\n    l = [\n        "x",\n        "y",\n        "z",\n    ]\n}\n',
    );
  });

  it("reports each spec's change on the line it is on in the final text, after later specs add or remove lines", () => {
    const text = 'a = {\n    name = "x"\n}\nb = {\n    image = "ghcr.io/acme/app:1.0.0"\n}\n';
    const result = applyOverrides(text, ['b.image="ghcr.io/acme/app:2.0.0"', "a.name-"]);
    expect(result.text).toBe('a = {\n}\nb = {\n    image = "ghcr.io/acme/app:2.0.0"\n}\n');
    expect(result.changes.map((c) => [c.key, c.line])).toEqual([
      ["b.image", 4],
      ["a.name", 2],
    ]);
  });

  it("keeps the comments of an empty config or list it adds to", () => {
    const text = "config = app.App {\n    containers: {\n        # 应用容器 goes here\n    }\n}\nlst = [\n    # nothing yet\n]\n";
    const result = applyOverrides(text, ['config.containers.app.image="ghcr.io/acme/app:1.0.0"', 'lst+=["a"]'], { create: true });
    expect(result.text).toBe(
      'config = app.App {\n    containers: {\n        # 应用容器 goes here\n        app.image = "ghcr.io/acme/app:1.0.0"\n    }\n}\nlst = [\n    # nothing yet\n    "a"\n]\n',
    );
    expect(result.changes.map((c) => c.line)).toEqual([4, 7]);
  });

  it("inserts the missing entry in the deepest existing config with its siblings' indentation", () => {
    const text = readConformance("corpus-flask-demo/main.k");
    const result = applyOverrides(text, ['config.containers.flask_demo.image="kcllang/flask_demo:abc"'], { create: true });
    expect(result.text).toBe(
      text.replace(
        "            ports = [{containerPort = 5000}]\n        }\n",
        '            ports = [{containerPort = 5000}]\n        }\n        flask_demo.image = "kcllang/flask_demo:abc"\n',
      ),
    );
    expect(result.changes).toEqual([
      { line: 10, kind: "override", key: "config.containers.flask_demo.image", old: "", new: "kcllang/flask_demo:abc", op: "create" },
    ]);
  });

  it("refuses to create a variable named by a keyword, which KCL would not assign (a nested key is quoted instead)", () => {
    const text = "a = {}\n";
    expect(() => applyOverrides(text, ['True="x"'], { create: true })).toThrow(
      "no top-level 'True' in this file; 'True' is a KCL keyword, not a variable name, so it cannot be created",
    );
    expect(() => applyOverrides(text, ['None.x="x"'], { create: true })).toThrow(SourceError);
    expect(() => applyOverrides(text, ['None.x="x"'], { create: true })).toThrow(/'None' is a KCL keyword, not a variable name, so it cannot be created$/);
    // Without create, no hint to create it either.
    expect(() => applyOverrides(text, ['Undefined="x"'])).toThrow(/'Undefined' is a KCL keyword, not a variable name, so it cannot be created$/);
    expect(applyOverrides(text, ['a.if="x"'], { create: true }).text).toBe('a = {\n    "if" = "x"\n}\n');
  });

  it("refuses to create a variable whose name is not an identifier, naming it, rather than write a statement that does not parse", () => {
    const text = "c = {a = 1}\n";
    expect(() => applyOverrides(text, ['b-c="x"'], { create: true })).toThrow(
      new SourceError("no top-level 'b-c' in this file; 'b-c' is not a KCL identifier, so it cannot be created as a variable"),
    );
    expect(() => applyOverrides(text, ['1a="x"'], { create: true })).toThrow(/; '1a' is not a KCL identifier, so it cannot be created as a variable$/);
    expect(() => applyOverrides(text, ['d?.e="x"'], { create: true })).toThrow(/; 'd\?' is not a KCL identifier, so it cannot be created as a variable$/);
    // Without create, no hint to create it either.
    expect(() => applyOverrides(text, ['b-c="x"'])).toThrow(/'b-c' is not a KCL identifier, so it cannot be created as a variable$/);
    expect(applyOverrides(text, ['$x="x"', 'é="x"'], { create: true }).text).toBe('c = {a = 1}\n$x = "x"\né = "x"\n');
  });

  it("quotes keys that are not identifiers, fills empty configs, appends missing variables", () => {
    const text = "insert_config = {}\nc = {a = 1}\n";
    const result = applyOverrides(text, ["insert_config.key=1", 'c.labels["dot.key"]="v"', "d.e.f=3", "x=1"], { create: true });
    expect(result.text).toBe('insert_config = {\n    key = 1\n}\nc = {a = 1, labels: {"dot.key" = "v"}}\nd = {e.f = 3}\nx = 1\n');
    // Each change on the line its entry landed on, with the value it sets.
    expect(result.changes.map((c) => [c.line, c.key, c.old, c.new])).toEqual([
      [2, "insert_config.key", "", "1"],
      [4, 'c.labels["dot.key"]', "", "v"],
      [5, "d.e.f", "", "3"],
      [6, "x", "", "1"],
    ]);
    // A Unicode name is an identifier to KCL: written bare, however the spec spelled it.
    expect(applyOverrides(text, ['c["名"].b="v"', 'c["😀"]="w"'], { create: true }).text).toBe('insert_config = {}\nc = {a = 1, 名.b = "v", "😀" = "w"}\n');
  });
});

describe("applyOverrides: a delete of what is not there", () => {
  const text = 'app = {\n    mainContainer = {\n        image = "a/b:1"\n        args = ["start"]\n    }\n}\n';

  it("warns where a misspelt path stops, naming what exists there, in the words of the missing-path error", () => {
    const result = applyOverrides(text, ["app.mainContainr.args-"]);
    expect(result.text).toBe(text);
    expect(result.changes).toEqual([]);
    expect(result.warnings).toEqual([{ line: 1, message: "nothing to delete: app has 'mainContainer', not 'mainContainr'" }]);
  });

  it("warns about a misspelt top-level name, nested path or not, with the name most likely meant", () => {
    expect(applyOverrides(text, ["ap.mainContainer.args-", "ap-"]).warnings).toEqual([
      { message: "nothing to delete: no top-level 'ap' in this file (did you mean 'app'?)" },
      { message: "nothing to delete: no top-level 'ap' in this file (did you mean 'app'?)" },
    ]);
  });

  it("stays a no-op when run again after the entry is gone: the rerun only says there is nothing to delete", () => {
    const once = applyOverrides(text, ["app.mainContainer.args-"]);
    expect(once.warnings).toEqual([]);
    const again = applyOverrides(once.text, ["app.mainContainer.args-"]);
    expect(again.text).toBe(once.text);
    expect(again.changes).toEqual([]);
    expect(again.warnings).toEqual([{ line: 2, message: "nothing to delete: app.mainContainer has 'image', not 'args'" }]);
  });

  it("says so when the key is set in an if entry or may come from a ** unpack, which -O does not reach either", () => {
    const labels = [
      "_common = {team = 'platform'}",
      "app = {",
      "    labels = {",
      "        **_common",
      '        version = "1.2.3"',
      '        if env == "prod": tier = "gold"',
      "    }",
      '    empty = {if True: a.b = "x"}',
      "}",
      "",
    ].join("\n");
    expect(applyOverrides(labels, ["app.labels.tier-", "app.labels.team-", "app.empty.a.b-"]).warnings).toEqual([
      { line: 3, message: "nothing to delete: app.labels has 'version', not 'tier'; 'tier' is set only in an if entry (line 6), which -O does not reach" },
      { line: 3, message: "nothing to delete: app.labels has 'version', not 'team'; app.labels also unpacks **_common (line 4), which -O does not reach" },
      { line: 8, message: "nothing to delete: app.empty has no key of its own, not 'a'; 'a' is set only in an if entry (line 8), which -O does not reach" },
    ]);
    expect(() => applyOverrides(labels, ['app.labels.team="x"'])).toThrow(
      "app.labels has 'version', not 'team'; app.labels also unpacks **_common (line 4), which -O does not reach (to add app.labels.team, use --create, or create: true in the Action or the library)",
    );
  });

  it("names a later statement of the variable that holds the key: '=' sets the first statement only, a delete goes on (konfig's base/stack pattern)", () => {
    const konfig = [
      "appConfiguration = frontend.Server {",
      '    labels: {"app.kubernetes.io/name" = "web"}',
      "}",
      "",
      "appConfiguration: frontend.Server {",
      '    image = "ghcr.io/acme/web:1.2.3"',
      "}",
      "",
    ].join("\n");
    expect(() => applyOverrides(konfig, ['appConfiguration.image="ghcr.io/acme/web:2"'])).toThrow(
      "appConfiguration has 'labels', not 'image'; 'image' is set in a later appConfiguration statement (line 5), which -O does not reach for '=' (it sets the first statement only; a delete reaches later ones) (to add appConfiguration.image, use --create, or create: true in the Action or the library)",
    );
    expect(applyOverrides(konfig, ["appConfiguration.image-"]).changes).toEqual([
      { line: 6, kind: "override", key: "appConfiguration.image", old: "ghcr.io/acme/web:1.2.3", new: "", op: "delete" },
    ]);
    // A key no statement holds gets the plain message.
    expect(() => applyOverrides(konfig, ['appConfiguration.name="x"'])).toThrow(/^appConfiguration has 'labels', not 'name' \(to add/);
  });

  it("removes the separator that was the deleted entry's: the comma before it on its line, or the blank line above it before a blank line, bracket or the end", () => {
    const text = ["f = {y = 2, x = 1,}", "h = {", "    y = 2, x = 1", "    w = 3", "", "    v = 4", "}", "", "a = 1", "", "b = 2", "", "c = 3", ""].join("\n");
    expect(applyOverrides(text, ["f.x-", "h.x-", "h.v-", "b-", "c-"]).text).toBe("f = {y = 2,}\nh = {\n    y = 2\n    w = 3\n}\n\na = 1\n");
    // The first entry on a line takes the comma after it; a blank line before a statement that stays is kept.
    expect(applyOverrides(text, ["f.y-", "h.y-", "a-"]).text).toBe("f = {x = 1,}\nh = {\n    x = 1\n    w = 3\n\n    v = 4\n}\n\nb = 2\n\nc = 3\n");
    // An entry the closing bracket follows on its line takes the line break before it, as if the file were written without it;
    // not after a comment, which the bracket would join, nor after an if entry's body, which KCL's lexer ends with a dedent.
    const braced = (text: string) => applyOverrides(text, ["x.b-"]).text;
    expect(braced("x = {\n    a = 1\n    b = 2}\n")).toBe("x = {\n    a = 1}\n");
    expect(braced("x = {\r\n    a = 1,\r\n\r\n    b = 2,}\r\n")).toBe("x = {\r\n    a = 1,}\r\n");
    expect(braced("x = {\n    b = 2\n    b = 3}\n")).toBe("x = {}\n");
    expect(braced("x = {\n    a = 1  # one\n    b = 2,}\n")).toBe("x = {\n    a = 1  # one\n    }\n");
    expect(braced("x = {\n    if True:\n        a = 1\n    b = 2}\n")).toBe("x = {\n    if True:\n        a = 1\n    }\n");
    // Every statement of a name (konfig's base and stack) leaves the imports and one line end.
    const konfig =
      'import a.frontend\n\nappConfiguration = frontend.Server {\n    name = "web"\n}\n\nappConfiguration: frontend.Server {\n    image = "x"\n}\n';
    expect(applyOverrides(konfig, ["appConfiguration-"]).text).toBe("import a.frontend\n");
    expect(applyOverrides(konfig.replace(/\n/g, "\r\n"), ["appConfiguration-"]).text).toBe("import a.frontend\r\n");
  });

  it("deletes every duplicate key on one line as one run, with the separators the run owns (KCL removes them all)", () => {
    const deleted = (text: string) => applyOverrides(text, ["x.a-"]);
    expect(deleted("x = {a = 1, a = 2}\n").text).toBe("x = {}\n");
    expect(deleted("x = {a = 1, a = 2}\n").changes.map((c) => [c.line, c.old])).toEqual([
      [1, "1"],
      [1, "2"],
    ]);
    expect(deleted("x = {a = 1, a = 2, b = 0, a = 3}\n").text).toBe("x = {b = 0}\n");
    // Removed, an entry or statement has no line in the output: each is reported on the line it stood on, its key as written
    // in KCL (a Unicode name bare, whether matched plain or as a dotted key's first part).
    expect(applyOverrides("名称 = {\n    a = 1\n    a = 2\n    a.名 = 3\n}\n", ["名称.a-"]).changes.map((c) => [c.line, c.key])).toEqual([
      [2, "名称.a"],
      [3, "名称.a"],
      [4, "名称.a.名"],
    ]);
    expect(applyOverrides("x = 1\ny = 1\nx = 2\nx: S {}\n", ["x-"]).changes.map((c) => [c.line, c.old])).toEqual([
      [1, "1"],
      [3, "2"],
      [4, "S {}"],
    ]);
    expect(deleted("x = {\n    b = 0\n    a = 1, a = 2  # both\n}\n").text).toBe("x = {\n    b = 0\n}\n");
  });

  it("reports each entry a run of several specs removes on the line it stood on in the file as given, whatever the other specs add or remove", () => {
    const lines = (text: string, specs: string[]) => applyOverrides(text, specs, { create: true }).changes.map((c) => [c.key, c.line]);
    // The closing bracket joins the line before a removed last entry: the line break that goes is above the entry, not below it.
    const braced = "x = {\n    a = 1\n    b = 2\n    c = 3}\n";
    expect(applyOverrides(braced, ["x.b-", "x.c-"]).text).toBe("x = {\n    a = 1}\n");
    expect(lines(braced, ["x.b-", "x.c-"])).toEqual([
      ["x.b", 3],
      ["x.c", 4],
    ]);
    expect(applyOverrides(braced.replace(/\n/g, "\r\n"), ["x.b-", "x.c-"]).text).toBe("x = {\r\n    a = 1}\r\n");
    expect(lines(braced.replace(/\n/g, "\r\n"), ["x.b-", "x.c-"])).toEqual([
      ["x.b", 3],
      ["x.c", 4],
    ]);
    expect(lines("x = {\n    a = 1\n    b = 2}\ny = 1\n", ["x.b-", "x.a-"])).toEqual([
      ["x.b", 3],
      ["x.a", 2],
    ]);
    // A later removal above, an earlier one above, a later value written on more lines: none moves a removed entry.
    expect(lines("x = 1\ny = 2\nx = 3\n", ["y-", "x-"])).toEqual([
      ["y", 2],
      ["x", 1],
      ["x", 3],
    ]);
    expect(lines("x = {\n    a = 1\n    b = 2\n}\n", ["x.b-", "x.a=[\n1,\n2\n]"])).toEqual([
      ["x.b", 3],
      ["x.a", 2],
    ]);
    expect(lines("x = {\n    a = 1\n}\ny = {\n    b = 2\n}\n", ["x.z=1", "y.b-"])).toEqual([
      ["x.z", 3],
      ["y.b", 5],
    ]);
    // A value set after a removal is in the output: it is reported on its line there, as every value set or added is.
    expect(lines("x = {\n    a = 1\n    b = 2\n    c = 3\n}\n", ["x.a-", "x.c=5"])).toEqual([
      ["x.a", 2],
      ["x.c", 3],
    ]);
  });

  // Each removal looked for a run to join among every splice planned, and read its whole line: 100,000 on one line took minutes.
  it("deletes 100,000 duplicate keys on one line as one run, and 20,000 on lines of their own, each reported where it stood", () => {
    const oneLine = applyOverrides(`x = {${Array(100000).fill("a = 1").join(", ")}, b = 2}\n`, ["x.a-"]);
    expect(oneLine.text).toBe("x = {b = 2}\n");
    expect(oneLine.changes).toHaveLength(100000);
    const lines = applyOverrides(`x = {\n${Array(20000).fill("    a = 1\n").join("")}    b = 2\n}\n`, ["x.a-"]);
    expect(lines.text).toBe("x = {\n    b = 2\n}\n");
    expect(lines.changes.map((c) => c.line)).toEqual(Array.from({ length: 20000 }, (_, i) => 2 + i));
  });

  it("refuses to set a path a dotted key goes past, beside a plain duplicate too: KCL rewrites that key whole (`a: v`), where setting the plain one alone is a partial edit", () => {
    const refused = expect.objectContaining({ line: 2, message: "c.a is written as the dotted key 'a.b'; name a key inside it" });
    const alone = 'c = {\n    a.b = "1"\n}\n';
    const beside = 'c = {\n    a.b = "1"\n    a = "2"\n}\n';
    for (const spec of ['c.a="3"', "c.a:{x = 1}", "c.a+=[1]"]) {
      // Alone, a ':' of a config merges below the dotted key, as KCL's expansion lets it (the test 'merges into a spec path ...').
      if (!spec.includes(":")) expect(() => applyOverrides(alone, [spec])).toThrow(refused);
      expect(() => applyOverrides(beside, [spec])).toThrow(refused);
    }
    // A key inside it is set; a delete removes both, as KCL does.
    expect(applyOverrides(beside, ['c.a.b="4"']).text).toBe(beside.replace('"1"', '"4"'));
    expect(applyOverrides(beside, ["c.a-"]).text).toBe("c = {\n}\n");
  });

  it("deletes a dotted key that starts with the path, as KCL does once it has expanded dotted keys", () => {
    const dotted = 'config = {\n    containers.web = {image = "a/b:1"}\n    name = "x"\n}\n';
    const result = applyOverrides(dotted, ["config.containers-"]);
    expect(result.text).toBe('config = {\n    name = "x"\n}\n');
    expect(result.changes).toEqual([{ line: 2, kind: "override", key: "config.containers.web", old: '{image = "a/b:1"}', new: "", op: "delete" }]);
    expect(result.warnings).toEqual([]);
  });
});

describe("applyOverrides: a top-level name that is not assigned a config literal", () => {
  const text = [
    'piped = Config {image = "a/b:1"} | {replicas = 3}',
    "made = lambda {",
    '    {image = "a/b:1"}',
    "}()",
    'picked = {image = "a/b:1"} if True else {image = "a/b:0"}',
    "if True:",
    '    inner = {image = "a/b:1"}',
    "",
  ].join("\n");

  it("says what it is assigned and that it cannot be overridden, with no hint to create a second assignment", () => {
    const message = (spec: string): string => {
      try {
        applyOverrides(text, [spec]);
      } catch (e) {
        return `${(e as SourceError).line}: ${(e as Error).message}`;
      }
      return "no error";
    };
    expect(message('piped.image="a/b:2"')).toBe(
      "1: 'piped' is assigned a '|' expression, not a config or schema literal; piped.image cannot be overridden here",
    );
    expect(message('made.image="a/b:2"')).toBe("2: 'made' is assigned a call, not a config or schema literal; made.image cannot be overridden here");
    expect(message('picked.image="a/b:2"')).toBe(
      "5: 'picked' is assigned a conditional expression (... if ... else ...), not a config or schema literal; picked.image cannot be overridden here",
    );
    expect(message('inner.image="a/b:2"')).toBe(
      "7: 'inner' is assigned inside an 'if' block, which overrides do not reach; inner.image cannot be overridden here",
    );
    expect(message('inner={image = "a/b:2"}')).toBe(
      "7: 'inner' is assigned inside an 'if' block, which overrides do not reach; inner cannot be overridden here",
    );
  });

  it("refuses to create one too: a second assignment of a public name is an error in KCL", () => {
    expect(() => applyOverrides(text, ['piped.image="a/b:2"'], { create: true })).toThrow("'piped' is assigned a '|' expression");
    // A `_` name may be assigned again: create appends as KCL's -O does.
    expect(applyOverrides("_made = f()\n", ['_made.image="a/b:2"'], { create: true }).text).toBe('_made = f()\n_made = {image = "a/b:2"}\n');
  });

  it("says so when a delete cannot reach it", () => {
    expect(applyOverrides(text, ["piped.image-", "inner-"]).warnings).toEqual([
      { line: 1, message: "nothing to delete: 'piped' is assigned a '|' expression, not a config or schema literal" },
      { line: 7, message: "nothing to delete: 'inner' is assigned inside an 'if' block, which overrides do not reach" },
    ]);
  });
});

describe("applyOverrides: a top-level name that the file defines otherwise (schema, import, ...)", () => {
  const text = [
    "import models.app as m",
    "import .images",
    "",
    '@deprecated(version="1.0")',
    "schema LegacyApp:",
    '    image: str = "ghcr.io/acme/legacy:0.1.0"',
    "",
    "rule AppRule for m.App:",
    "    replicas > 0",
    "",
    "type ImageStr = str",
    "",
  ].join("\n");
  const message = (spec: string): string => {
    try {
      applyOverrides(text, [spec], { create: true });
    } catch (e) {
      return `${(e as SourceError).line}: ${(e as Error).message}`;
    }
    return "no error";
  };

  it("says what the name is and refuses to create it, even with create: KCL would find it defined twice", () => {
    expect(message('LegacyApp.image="x"')).toBe(
      "5: 'LegacyApp' is a schema, not a variable: -O targets instances, not schema defaults; LegacyApp.image cannot be overridden here, and creating 'LegacyApp' would define it twice",
    );
    expect(message('m.image="x"')).toBe(
      "1: 'm' is an import alias ('import models.app as m'), not a variable: -O does not reach into the imported module; set it in that module's own file; m.image cannot be overridden here, and creating 'm' would define it twice",
    );
    expect(message('images="x"')).toMatch(/^2: 'images' is an import alias \('import \.images'\)/);
    expect(message('AppRule="x"')).toBe(
      "8: 'AppRule' is a rule, not a variable; AppRule cannot be overridden here, and creating 'AppRule' would define it twice",
    );
    expect(message("ImageStr=1")).toMatch(/^11: 'ImageStr' is a type alias, not a variable;/);
    // Names the file only mentions (the module path's other parts, the schema's decorator) are free.
    expect(message("models=1")).toBe("no error");
    expect(message("deprecated=1")).toBe("no error");
  });

  it("says what it is when a delete finds nothing", () => {
    expect(applyOverrides(text, ["LegacyApp-", "m.image-"]).warnings).toEqual([
      { line: 5, message: "nothing to delete: 'LegacyApp' is a schema, not a variable: -O targets instances, not schema defaults" },
      {
        line: 1,
        message:
          "nothing to delete: 'm' is an import alias ('import models.app as m'), not a variable: -O does not reach into the imported module; set it in that module's own file",
      },
    ]);
  });
});

describe("applyOverrides: entries a ':' merge inserts are written as KCL prints them", () => {
  it("writes `key = value` whatever the spec's spacing; the value keeps the spec's own text", () => {
    const text = 'config = Config {\n    name = "app"\n}\nsvc = {\n    containers: {\n        web = {image = "w:1"}\n    }\n}\n';
    const result = applyOverrides(text, ["config:Config {replicas=5}", 'svc.containers:{web={image="w:1"}, db={image="pg:1"}}']);
    expect(result.text).toBe(
      'config = Config {\n    name = "app"\n    replicas = 5\n}\nsvc = {\n    containers: {\n        web = {image = "w:1"}\n        db = {image="pg:1"}\n    }\n}\n',
    );
  });

  it("keeps each entry's operator and writes keys as KCL does (a string key that is a name goes bare)", () => {
    const result = applyOverrides("labels = {a = 1}\n", ['labels:{b:2, "c"="3", "app.kubernetes.io/name"="x", d+=[1]}']);
    expect(result.text).toBe('labels = {a = 1, b: 2, c = "3", "app.kubernetes.io/name" = "x", d += [1]}\n');
  });
});

describe("applyOverrides: change records say what was written", () => {
  const text = 'app = {\n    args = ["start"]\n    command = ["/home/admin/server.sh"]\n}\n';

  it("+= reports the list the file now holds, not the spec's expression", () => {
    const result = applyOverrides(text, ['app.command+=["x"]']);
    expect(result.text).toContain('command = ["/home/admin/server.sh", "x"]');
    expect(result.changes).toEqual([
      { line: 3, kind: "override", key: "app.command", old: '["/home/admin/server.sh"]', new: '["/home/admin/server.sh", "x"]' },
    ]);
  });

  it("a delete reports the value it removed (old) and nothing in its place (new, op delete), as create does the other way round", () => {
    const result = applyOverrides(text, ["app.args-"]);
    expect(result.changes).toEqual([{ line: 2, kind: "override", key: "app.args", old: '["start"]', new: "", op: "delete" }]);
    expect(applyOverrides('x = "a/b:1"\n', ["x-"]).changes).toEqual([{ line: 1, kind: "override", key: "x", old: "a/b:1", new: "", op: "delete" }]);
    expect(applyOverrides("x = 1\n", ['y="a/b:1"'], { create: true }).changes).toEqual([
      { line: 2, kind: "override", key: "y", old: "", new: "a/b:1", op: "create" },
    ]);
  });

  it("a value set to an empty string is no delete, and one set over an empty string no create: no op (review kcl18 S3)", () => {
    const labels = 'config = {\n    labels = {a = "1", b = "2"}\n    image = ""\n}\n';
    expect(applyOverrides(labels, ['config.labels.b=""']).changes).toEqual([{ line: 2, kind: "override", key: "config.labels.b", old: "2", new: "" }]);
    expect(applyOverrides(labels, ['config.image="ghcr.io/acme/app:1.0.0"']).changes).toEqual([
      { line: 3, kind: "override", key: "config.image", old: "", new: "ghcr.io/acme/app:1.0.0" },
    ]);
    // The delete of the same field says it is one.
    expect(applyOverrides(labels, ["config.labels.b-"]).changes).toEqual([
      { line: 2, kind: "override", key: "config.labels.b", old: "2", new: "", op: "delete" },
    ]);
  });

  it("a ':' merge reports each entry it set or added under its own path, with its value", () => {
    const result = applyOverrides('app = {\n    labels = {a = "1"}\n}\n', ['app.labels:{a = "2", b = "3"}']);
    expect(result.changes.map((c) => [c.key, c.old, c.new])).toEqual([
      ["app.labels.a", "1", "2"],
      ["app.labels.b", "", "3"],
    ]);
  });
});

describe("applyOverrides: a tag beside a digest, as a {repository, tag, digest} config pins an image", () => {
  const digest = `sha256:${"1".repeat(64)}`;
  const text = `config = {\n    image = {\n        repository = "ghcr.io/acme/web"\n        tag = "1.4.0"\n        digest = "${digest}"\n    }\n}\n`;
  const nothingElse = () => false;

  it("says at the tag that the digest beside it still pins the earlier build, which is what then runs", () => {
    const result = applyOverrides(text, ['config.image.tag="1.5.0"'], { setsToo: nothingElse });
    expect(result.text).toBe(text.replace('"1.4.0"', '"1.5.0"'));
    expect(result.warnings).toEqual([
      {
        line: 4,
        message:
          "config.image.tag: --set wrote 1.5.0, but the digest beside it (config.image.digest, line 5) still pins the earlier build sha256:111111111111, " +
          "so that build runs; set config.image.digest too, or give the image with --image ghcr.io/acme/web:1.5.0@sha256:<digest>",
      },
    ]);
  });

  /** The advice after the warning's `; ` for a --set of the tag, the pair's registry written `registry` below `before`. */
  const advice = (registry: string, before = '_reg = "ghcr.io"\n') => {
    const split = text.replace('repository = "ghcr.io/acme/web"', `registry = ${registry}\n        repository = "acme/web"`);
    return applyOverrides(`${before}${split}`, ['config.image.tag="1.5.0"'], { setsToo: nothingElse }).warnings.map((w) =>
      w.message.slice(w.message.indexOf("; ") + 2),
    );
  };

  it("names the image to give as the editor reads the registry: None is none, in parentheses too, and beside one KCL computes none", () => {
    expect(["None", "(None)", '"ghcr.io"', "reg()", '"${_reg}/x"'].map((registry) => advice(registry))).toEqual([
      ["set config.image.digest too, or give the image with --image acme/web:1.5.0@sha256:<digest>"],
      ["set config.image.digest too, or give the image with --image acme/web:1.5.0@sha256:<digest>"],
      ["set config.image.digest too, or give the image with --image ghcr.io/acme/web:1.5.0@sha256:<digest>"],
      ["set config.image.digest too"],
      ["set config.image.digest too"],
    ]);
  });

  it('reads a registry held by a top-level string constant as the editor does (_reg, "${_reg}"), and no constant assigned twice or not a string', () => {
    const ghcr = ["set config.image.digest too, or give the image with --image ghcr.io/acme/web:1.5.0@sha256:<digest>"];
    const none = ["set config.image.digest too"];
    expect(advice("_reg")).toEqual(ghcr);
    expect(advice('"${_reg}"')).toEqual(ghcr);
    expect(advice("_reg", "_reg = 'ghcr.io'\n")).toEqual(ghcr);
    expect(advice("_reg", '_reg = "ghcr.io"\n_reg = "quay.io"\n')).toEqual(none);
    expect(advice("_reg", "_reg = reg()\n")).toEqual(none);
    expect(advice("_other")).toEqual(none);
  });

  it('reads a registry in parentheses as KCL does, as the value they hold: ("ghcr.io"), ("${_reg}"), (_reg)', () => {
    const ghcr = ["set config.image.digest too, or give the image with --image ghcr.io/acme/web:1.5.0@sha256:<digest>"];
    for (const registry of ['("ghcr.io")', '("${_reg}")', "(_reg)", "(\n            (_reg)\n        )"]) expect(advice(registry)).toEqual(ghcr);
    expect(advice("(_reg + _reg)")).toEqual(["set config.image.digest too"]);
  });

  it("reads a registry written as a triple-quoted string as the editor does, as KCL reads it: dedented, its escapes decoded", () => {
    const ghcr = ["set config.image.digest too, or give the image with --image ghcr.io/acme/web:1.5.0@sha256:<digest>"];
    for (const registry of ['"""ghcr.io"""', '"""\n            ghcr.io"""', '"""ghcr\\x2eio"""']) expect(advice(registry)).toEqual(ghcr);
    expect(advice("_reg", '_reg = """\n    ghcr.io"""\n')).toEqual(ghcr);
  });

  it("names the image as the run leaves the pair where a later spec sets its registry constant, registry or repository, whatever the order", () => {
    const split = text.replace('repository = "ghcr.io/acme/web"', 'registry = _reg\n        repository = "acme/web"');
    const adviceWith = (specs: string[]) =>
      applyOverrides(`_reg = "ghcr.io"\n${split}`, specs, { setsToo: nothingElse, create: true })
        .warnings.filter((w) => w.message.includes("still pins"))
        .map((w) => w.message.slice(w.message.indexOf("; ") + 2));
    const image = (name: string) => [`set config.image.digest too, or give the image with --image ${name}:1.5.0@sha256:<digest>`];
    const tag = 'config.image.tag="1.5.0"';
    expect(adviceWith([tag, '_reg="quay.io"'])).toEqual(image("quay.io/acme/web"));
    expect(adviceWith(['_reg="quay.io"', tag])).toEqual(image("quay.io/acme/web"));
    expect(adviceWith([tag, '_reg="a.io"', '_reg="quay.io"'])).toEqual(image("quay.io/acme/web"));
    expect(adviceWith([tag, 'config.image.registry="quay.io"'])).toEqual(image("quay.io/acme/web"));
    expect(adviceWith([tag, 'config.image.repository="acme/api"'])).toEqual(image("ghcr.io/acme/api"));
    // A value KCL computes, or a delete: the image the run leaves is not known, and no --image is named.
    expect(adviceWith([tag, "_reg=registryOf(env)"])).toEqual(["set config.image.digest too"]);
    expect(adviceWith([tag, "config.image.registry=_other"])).toEqual(["set config.image.digest too"]);
    expect(adviceWith([tag, "config.image.repository-"])).toEqual(["set config.image.digest too"]);
    // Another config's registry (created) is not this pair's.
    expect(adviceWith([tag, 'other.image.registry="quay.io"'])).toEqual(image("ghcr.io/acme/web"));
  });

  it("says so of a tag a ':' merge sets with '=', as of a spec path's, under the tag's own path", () => {
    const pathWarnings = applyOverrides(text, ['config.image.tag="1.5.0"'], { setsToo: nothingElse }).warnings;
    for (const spec of ['config.image:{tag = "1.5.0"}', 'config:{image: {tag = "1.5.0"}}', 'config:{image.tag = "1.5.0"}']) {
      const result = applyOverrides(text, [spec], { setsToo: nothingElse });
      expect(result.text).toBe(text.replace('"1.4.0"', '"1.5.0"'));
      expect(result.warnings).toEqual(pathWarnings);
    }
    // The run setting the digest too, the merge or another spec, leaves nothing to say.
    expect(applyOverrides(text, ['config.image:{tag = "1.5.0"}'], { setsToo: (path) => path === "config.image.digest" }).warnings).toEqual([]);
  });

  it("says nothing when the run sets the digest too, the digest is empty, or the tag stays", () => {
    const spec = 'config.image.tag="1.5.0"';
    expect(applyOverrides(text, [spec], { setsToo: (path) => path === "config.image.digest" }).warnings).toEqual([]);
    expect(applyOverrides(text.replace(digest, ""), [spec], { setsToo: nothingElse }).warnings).toEqual([]);
    expect(applyOverrides(text, ['config.image.tag="1.4.0"'], { setsToo: nothingElse }).warnings).toEqual([]);
  });
});
