import { describe, expect, it } from "vitest";
import { checkTemplate, GO_PRINT, renderTemplate, TemplateError } from "../../src/engine/go-template.js";

describe("the template language", () => {
  it("trims whitespace only on the marked side", () => {
    expect(renderTemplate("a  {{- .X -}}  b | a {{ .X }} b", { X: 1 })).toBe("a1b | a 1 b");
  });

  it("supports else if, with, variables, assignment, pipelines with arguments, and comments", () => {
    const t = `{{/* note */}}{{ $n := 0 }}{{ range .L }}{{ $n = . }}{{ end }}last={{ $n }} {{ with .S }}[{{ . | upper | printf "%s!" }}]{{ end }} {{ if eq .X 1 }}one{{ else if eq .X 2 }}two{{ else }}many{{ end }}`;
    expect(renderTemplate(t, { L: [3, 4], S: "hi", X: 2 })).toBe("last=4 [HI!] two");
  });

  it("runs the else branch of range over nothing and keeps strings with braces intact", () => {
    expect(renderTemplate('{{ range .L }}x{{ else }}{{ "empty }}" }}{{ end }}', { L: [] })).toBe("empty }}");
  });

  it("refuses unknown functions and unclosed blocks with the line", () => {
    expect(() => renderTemplate("\n{{ frobnicate .X }}", {})).toThrow(TemplateError);
    expect(() => renderTemplate("\n{{ frobnicate .X }}", {})).toThrow(/line 2: function "frobnicate" not defined/);
    expect(() => renderTemplate("{{ if .X }}yes", { X: true })).toThrow(/line 1: missing \{\{end\}\} for this \{\{if\}\}/);
    expect(() => renderTemplate("a\n{{ range .L }}\nx{{ else }}\ny", { L: [] })).toThrow(/line 2: missing \{\{end\}\} for this \{\{range\}\}/);
    expect(() => renderTemplate("{{ .X ", {})).toThrow(/unclosed action/);
  });

  it("gives the line as a property too, for a caller that points at it, and what is wrong without it", () => {
    expect(() => renderTemplate("a\nb\n{{ .X ", {})).toThrow(
      expect.objectContaining({ name: "TemplateError", line: 3, reason: "unclosed action: '{{' without '}}'" }),
    );
  });
});

describe("checking a template before there is data", () => {
  it("refuses what does not parse, as rendering would", () => {
    expect(() => checkTemplate("{{ range .Changed.Changes }}")).toThrow(expect.objectContaining({ line: 1, reason: "missing {{end}} for this {{range}}" }));
    expect(() => checkTemplate("ok\n{{ frobnicate }}")).toThrow('line 2: function "frobnicate" not defined');
  });

  it("accepts a field the data may lack: only a run knows the data", () => {
    expect(() => checkTemplate("{{ .Value.repository }}")).not.toThrow();
  });
});

describe("a field the data lacks", () => {
  it("names the type and its fields, as Go names the type, not the value: the value may be all the data", () => {
    class TemplateData {
      constructor(
        readonly AutomationObject: string,
        readonly Changed: { readonly Changes: readonly string[] },
        readonly Values: ReadonlyMap<string, string>,
      ) {}
    }
    const data = new TemplateData("acme/manifests", { Changes: Array.from({ length: 5000 }, (_, i) => `clusters/c${i}/app.yaml`) }, new Map());
    const error = (template: string) => {
      try {
        renderTemplate(template, data);
      } catch (e) {
        return (e as TemplateError).message;
      }
      throw new Error("rendered");
    };
    expect(error("deploy {{ .Value.repository }}")).toBe(
      "commit-message template line 1: can't evaluate field Value in type TemplateData (its fields: AutomationObject, Changed, Values)",
    );
    expect(error("{{ .Changed.Change }}")).toBe("commit-message template line 1: can't evaluate field Change in type struct (its fields: Changes)");
    expect(error("{{ .AutomationObject.Name }}")).toBe("commit-message template line 1: can't evaluate field Name in type string");
    expect(error("{{ .Changed.Changes.Old }}")).toBe("commit-message template line 1: can't evaluate field Old in type []string");
  });

  it("names at most ten fields of a value that has more", () => {
    const wide = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`F${i}`, i]));
    expect(() => renderTemplate("{{ .G }}", wide)).toThrow(/in type struct \(its fields: F0, F1, F2, F3, F4, F5, F6, F7, F8, F9, and 20 more\)$/);
  });

  it("says a value range cannot iterate over in 100 characters at most", () => {
    const data = { Changed: { Files: "x".repeat(5000) } };
    expect(() => renderTemplate("{{ range .Changed }}{{ end }}", data)).toThrow(
      /^commit-message template line 1: range can't iterate over "\{x{99}…" \(5002 characters\)$/,
    );
  });
});

describe("what a template reaches", () => {
  it("names no function every JavaScript object inherits: Go has no constructor, valueOf or hasOwnProperty", () => {
    for (const name of ["constructor", "valueOf", "hasOwnProperty", "toString", "__proto__"])
      expect(() => renderTemplate(`{{ ${name} "x" }}`, {})).toThrow(`line 1: function "${name}" not defined`);
  });

  it("reads a value's own fields only, as a Go struct has no others", () => {
    const data = { Changed: { FileChanges: new Map() } };
    for (const name of ["constructor", "__proto__", "toString"])
      expect(() => renderTemplate(`{{ .Changed.${name} }}`, data)).toThrow(`line 1: can't evaluate field ${name} in type struct (its fields: FileChanges)`);
    expect(renderTemplate("{{ len .Changed.FileChanges }}", data)).toBe("0");
  });

  it("indexes a list by an integer only, as Go: a string reaches none of the array's own members", () => {
    const data = { Items: ["a", "b"] };
    expect(renderTemplate("{{ index .Items 1 }}", data)).toBe("b");
    for (const key of ["constructor", "length", "at"])
      expect(() => renderTemplate(`{{ index .Items "${key}" }}`, data)).toThrow("line 1: index: cannot index slice/array with type string");
  });

  it("cannot replace a function for later renders through __defineGetter__", () => {
    expect(() => renderTemplate('{{ __defineGetter__ "upper" .X }}', { X: "" })).toThrow('function "__defineGetter__" not defined');
    expect(renderTemplate('{{ upper "x" }}', {})).toBe("X");
  });
});

describe("printing a value", () => {
  class Named {
    constructor(readonly Name: string) {}
    String(): string {
      return `named ${this.Name}`;
    }
  }
  class JustToString {
    constructor(readonly Name: string) {}
    toString(): string {
      return "from toString";
    }
  }
  class Nested {
    constructor(readonly Kind: string) {}
    [GO_PRINT](): string {
      return `{{${this.Kind}}}`;
    }
  }

  it("prints by a String method, Go's fmt.Stringer, which a template may also call", () => {
    expect(renderTemplate('{{ .X }} {{ print .X }} {{ printf "%s|%v" .X .X }} {{ .X.String }}', { X: new Named("a") })).toBe(
      "named a named a named a|named a named a",
    );
  });

  it("prints a struct by its fields whatever JavaScript's toString says: Go has no such method", () => {
    expect(renderTemplate("{{ .X }} {{ print .X }}", { X: new JustToString("a") })).toBe("{a} {a}");
    expect(() => renderTemplate("{{ .X.toString }}", { X: new JustToString("a") })).toThrow("can't evaluate field toString");
  });

  it("prints a struct the data flattens as its GO_PRINT says, which no template reads", () => {
    expect(renderTemplate("{{ .X }} {{ .X.Kind }}", { X: new Nested("k") })).toBe("{{k}} k");
    expect(() => renderTemplate("{{ .X.String }}", { X: new Nested("k") })).toThrow("can't evaluate field String");
  });
});
