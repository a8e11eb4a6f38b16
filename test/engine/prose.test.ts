/** Where a file's text is prose (a comment, a KCL docstring), told by its lexical structure, not its line. */
import { describe, expect, it } from "vitest";
import { proseAt } from "../../src/engine/prose.js";

/** Whether each place each text spells ghcr.io/acme/app:1.2.0 is prose, by the text's name: a `.k` one read as KCL. */
function prose(texts: Record<string, string>): Record<string, boolean[]> {
  return Object.fromEntries(
    Object.entries(texts).map(([name, text]) => {
      const inProse = proseAt(text, name.endsWith(".k"));
      return [name, [...text.matchAll(/ghcr\.io\/acme\/app:1\.2\.0/g)].map(({ index }) => inProse(index))];
    }),
  );
}

describe("proseAt", () => {
  it("counts a # inside a quoted YAML scalar, after a block scalar's reference or after no space as content, not as a comment", () => {
    expect(
      prose({
        "flow.yaml": 'args: ["--note", "see #x", "--ref ghcr.io/acme/app:1.2.0"]\n',
        "single.yaml": "note: 'it''s #1, ghcr.io/acme/app:1.2.0'\n",
        "multiline.yaml": 'note: "a note # over\n  two lines: ghcr.io/acme/app:1.2.0"\n',
        "block.yaml": "script: |\n  # pull the old build too\n  crane pull ghcr.io/acme/app:1.2.0 # for the diff\n",
        "plain.yaml": "note: issue#12 ghcr.io/acme/app:1.2.0\n",
      }),
    ).toEqual({ "flow.yaml": [false], "single.yaml": [false], "multiline.yaml": [false], "block.yaml": [false], "plain.yaml": [false] });
  });

  it("reads a YAML comment after a quoted scalar holding a #, one on its own line, and a block scalar's script comment as prose", () => {
    expect(
      prose({
        "after.yaml": "note: 'it''s #1' # was ghcr.io/acme/app:1.2.0\nargs: [\"#x\"] # ghcr.io/acme/app:1.2.0\n",
        "line.yaml": 'image: ghcr.io/acme/app:1.5.0\n# "was ghcr.io/acme/app:1.2.0\n',
        "header.yaml": "script: | # was ghcr.io/acme/app:1.2.0\n  echo\n",
        "script.yaml": "script: |\n  # crane pull ghcr.io/acme/app:1.2.0\n  echo done # was ghcr.io/acme/app:1.2.0\n",
      }),
    ).toEqual({ "after.yaml": [true, true], "line.yaml": [true], "header.yaml": [true], "script.yaml": [true, true] });
  });

  it("tells a line longer than it looks back over by lexing the file, the same way", () => {
    const padding = "x".repeat(5000);
    expect(
      prose({
        "flow.yaml": `args: ["see #x", "${padding}", "--ref ghcr.io/acme/app:1.2.0"]\n`,
        "comment.yaml": `image: ghcr.io/acme/app:1.5.0 # ${padding} was ghcr.io/acme/app:1.2.0\n`,
      }),
    ).toEqual({ "flow.yaml": [false], "comment.yaml": [true] });
  });

  it("counts a # inside a KCL string as content, and reads KCL comments and docstrings as prose", () => {
    expect(
      prose({
        "note.k": 'note = "see #x: ghcr.io/acme/app:1.2.0"\n',
        "comment.k": 'note = "see #x" # was ghcr.io/acme/app:1.2.0\n',
        "doc.k": '"""\nThe app # (once ghcr.io/acme/app:1.2.0)\n"""\napp = {image = "ghcr.io/acme/app:1.5.0"}\n',
      }),
    ).toEqual({ "note.k": [false], "comment.k": [true], "doc.k": [true] });
  });
});
