import { describe, expect, it } from "vitest";
import { kclMarkers, markerComments, misplacedMarkerWarning } from "../../src/kcl/markers.js";
import { parseKcl } from "../../src/kcl/parser.js";

const m = (key: string) => `# {"$imagepolicy": "${key}"}`;

describe("markerComments: where a marker comment sits among a KCL file's tokens", () => {
  /** Each comment holding the marker key as where it is: the text of the token it follows, own line, or what it follows. */
  const places = (text: string) => {
    const { tokens } = parseKcl(text);
    return [...markerComments(tokens)].map((place) =>
      "token" in place
        ? [place.line, text.slice(tokens.start[place.token], tokens.end[place.token])]
        : [place.line, "ownLine" in place ? "own line" : place.follows],
    );
  };

  it("gives a marker after a value on its line the value, closers and commas aside", () => {
    const text = [
      `a = "ghcr.io/acme/a:1" ${m("ns:a")}`,
      `b = {image = "ghcr.io/acme/b:1"} ${m("ns:b")}`,
      `c = ["ghcr.io/acme/c:1", "ghcr.io/acme/d:1"] ${m("ns:c")}`,
      `d = _img ${m("ns:d")}`,
      "",
    ].join("\n");
    expect(places(text)).toEqual([
      [1, '"ghcr.io/acme/a:1"'],
      [2, '"ghcr.io/acme/b:1"'],
      [3, '"ghcr.io/acme/d:1"'],
      [4, "_img"],
    ]);
  });

  it("tells a comment line of its own, a closer and a string begun lines above, which it follows no value of its line after", () => {
    const text = [
      "app = {",
      `    ${m("ns:a")}`,
      '    image = "ghcr.io/acme/a:1"',
      `} ${m("ns:b")}`,
      "call = f(",
      "    _x",
      `) ${m("ns:c")}`,
      'notes = """',
      `text""" ${m("ns:d")}`,
      "total = 1 + \\",
      `    2 ${m("ns:e")}`,
      "",
    ].join("\n");
    expect(places(text)).toEqual([
      [2, "own line"],
      [4, "a closing }"],
      [7, "a closing )"],
      [9, "a string begun on line 8"],
      [11, "2"],
    ]);
  });

  it("tells a comment line of its own on the first line after a byte order mark, which is no part of the line", () => {
    expect(places(`\uFEFF${m("ns:a")}\nimage = "ghcr.io/acme/a:1"\n`)).toEqual([[1, "own line"]]);
  });

  it("tells a comment line of its own after any whitespace KCL skips, a direction mark too (review kclfuzz S1)", () => {
    expect(places(`app = {\n\u200E\v ${m("ns:a")}\n    image = "ghcr.io/acme/a:1"\n}\n`)).toEqual([[2, "own line"]]);
  });

  it("reads only the comments holding the marker key", () => {
    expect(places(`# a note\na = "x" # {"note": 1}\nb = "y" ${m("ns:b")}\n`)).toEqual([[3, '"y"']]);
  });
});

describe("misplacedMarkerWarning", () => {
  it("says a marker that follows no string of its line marks nothing, and where to write it", () => {
    const marker = { key: "ns:app", field: "ref", setter: "ns:app" } as const;
    expect(misplacedMarkerWarning(marker, "a closing }")).toBe(
      'Flux setter "ns:app" follows a closing }, where it marks nothing: a KCL marker sets the string its line ends with, closers and commas aside, ' +
        "so the values before it are treated as unmarked; write it at the end of the line of the string value it sets",
    );
  });
});

describe("kclMarkers", () => {
  it("reads the markers after a value, with what their line holds before them; no malformed, single-quoted or misplaced one", () => {
    const text = [
      `image = "ghcr.io/acme/a:1"  ${m("ns:a:tag")}`,
      `b = "x" # {"$imagepolicy": "ns:b:version"}`,
      `c = "y" # {'$imagepolicy': 'ns:c'}`,
      "d = {",
      '    e = "z"',
      `} ${m("ns:d")}`,
      "",
    ].join("\n");
    expect(kclMarkers(text)).toEqual([{ marker: { key: "ns:a", field: "tag", setter: "ns:a:tag" }, line: 1, before: 'image = "ghcr.io/acme/a:1"' }]);
  });
});
