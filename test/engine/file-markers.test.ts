import { describe, expect, it } from "vitest";
import { fileMarkers, marksOf, misplacedMarkers } from "../../src/engine/file-markers.js";

const m = (key: string) => `# {"$imagepolicy": "${key}"}`;

describe("fileMarkers: the markers of a file as its editor reads them", () => {
  const lines = (path: string, text: string) => fileMarkers(path, text).map(({ marker, line }) => [marker.setter, line]);

  it("reads a YAML file's markers after a value or above one, and none above a key or after a flow collection", () => {
    const text = [
      `a: ghcr.io/acme/a:1 ${m("ns:a")}`,
      "list:",
      `  ${m("ns:b")}`,
      "  - ghcr.io/acme/b:1",
      `${m("ns:c")}`,
      "image: ghcr.io/acme/c:1",
      `flow: {image: ghcr.io/acme/d:1} ${m("ns:d")}`,
      "",
    ].join("\n");
    expect(lines("deploy.yaml", text)).toEqual([
      ["ns:a", 1],
      ["ns:b", 4],
    ]);
  });

  it("reads a KCL file's markers after a value on its line only, as the editor does: none on a comment line of its own, after a closer or a string of several lines", () => {
    const text = [
      `image = "ghcr.io/acme/a:1" ${m("ns:a")}`,
      `${m("ns:b")}`,
      `sidecar = "ghcr.io/acme/b:1"`,
      "app = {",
      `    image = "ghcr.io/acme/c:1"`,
      `} ${m("ns:c")}`,
      `web = {image = "ghcr.io/acme/d:1"} ${m("ns:d")}`,
      'notes = """',
      `ghcr.io/acme/e:1""" ${m("ns:e")}`,
      "",
    ].join("\n");
    expect(lines("main.k", text)).toEqual([
      ["ns:a", 1],
      ["ns:d", 7],
    ]);
    // A file that does not parse is left by the editor, markers and all.
    expect(lines("main.k", `image = "ghcr.io/acme/a:1" ${m("ns:a")}\nbroken = {\n`)).toEqual([]);
  });

  it("reads none in a kcl.mod, whose comments no editor reads, nor in a file of no kind", () => {
    const text = `[profile]\noverrides = ["app.image=ghcr.io/acme/a:1"] ${m("ns:a")}\n`;
    expect(lines("kcl.mod", text)).toEqual([]);
    expect(lines("notes.txt", `image: ghcr.io/acme/a:1 ${m("ns:a")}\n`)).toEqual([]);
  });
});

describe("marksOf", () => {
  it("says whether a file marks a key, by any of its fields, where its editor reads the marker", () => {
    const marks = marksOf("values.yaml", `tag: "1" ${m("ns:app:tag")}\n${m("ns:web")}\nimage: ghcr.io/acme/web:1\n`);
    expect(["ns:app", "ns:web", "ns:app:tag"].map(marks)).toEqual([true, false, false]);
  });

  it("says a KCL file marked after a closing brace does not mark its key, as its editor sets nothing there (review kcl18 M1)", () => {
    const marks = marksOf("main.k", `app = {\n    image = "ghcr.io/acme/app:1.0.0"\n} ${m("ns:app")}\nweb = {tag = "1"} ${m("ns:web:tag")}\n`);
    expect(["ns:app", "ns:web"].map(marks)).toEqual([false, true]);
  });
});

describe("misplacedMarkers: the markers a file writes where its editor reads none, where it warns of them", () => {
  it("finds a KCL marker on a comment line of its own or after a closer, at its comment's line, and none its editor reads", () => {
    const text = [
      `image = "ghcr.io/acme/a:1" ${m("ns:a")}`,
      `${m("ns:b")}`,
      `sidecar = "ghcr.io/acme/b:1"`,
      "app = {",
      `    image = "ghcr.io/acme/c:1"`,
      `} ${m("ns:c")}`,
      "",
    ].join("\n");
    expect(misplacedMarkers("main.k", text).map(({ marker, line }) => [marker.setter, line])).toEqual([
      ["ns:b", 2],
      ["ns:c", 6],
    ]);
  });

  it("finds a YAML marker after a flow collection, at its line, and one above `key: value`, at the key's line, as the editor warns of them", () => {
    const text = [
      `a: ghcr.io/acme/a:1 ${m("ns:a")}`,
      `${m("ns:c")}`,
      "image: ghcr.io/acme/c:1",
      `${m("ns:s")}`,
      "spec:",
      "  x: 1",
      `flow: {image: ghcr.io/acme/d:1} ${m("ns:d")}`,
      "",
    ].join("\n");
    // Above a key whose value is a mapping the editor warns of nothing: that marker is not named either.
    expect(misplacedMarkers("deploy.yaml", text).map(({ marker, line }) => [marker.setter, line])).toEqual([
      ["ns:c", 3],
      ["ns:d", 7],
    ]);
    // A file that does not parse is left by the editor, which warns of nothing in it.
    expect(misplacedMarkers("main.k", `${m("ns:b")}\nbroken = {\n`)).toEqual([]);
  });
});
