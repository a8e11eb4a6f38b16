import { describe, expect, it } from "vitest";
import { fileMarkers, marksOf } from "../../src/engine/file-markers.js";

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

  it("reads a KCL file's markers after a value only: a comment line of its own marks nothing in KCL", () => {
    const text = [`image = "ghcr.io/acme/a:1" ${m("ns:a")}`, `${m("ns:b")}`, `sidecar = "ghcr.io/acme/b:1"`, ""].join("\n");
    expect(lines("main.k", text)).toEqual([["ns:a", 1]]);
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
});
