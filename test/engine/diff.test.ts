import { execFile } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { unifiedDiff } from "../../src/engine/diff.js";
import { tempDir } from "../support/temp.js";

const run = promisify(execFile);

// Keep the user's and the machine's git config (core.autocrlf, apply.whitespace) out of the result.
const gitEnv: NodeJS.ProcessEnv = { PATH: process.env.PATH, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null", LANG: "C" };

/** Apply `patch` to a file holding `before` the way a user would, and return the file's bytes afterwards. */
async function applyWithGit(path: string, before: string, patch: string): Promise<Buffer> {
  const dir = await tempDir("diff-apply-");
  await run("git", ["init", "-q"], { cwd: dir, env: gitEnv });
  await writeFile(join(dir, path), before);
  await writeFile(join(dir, "change.patch"), patch);
  await run("git", ["apply", "--check", "change.patch"], { cwd: dir, env: gitEnv });
  await run("git", ["apply", "change.patch"], { cwd: dir, env: gitEnv });
  return readFile(join(dir, path));
}

/** GNU patch, which reads the same format with its own parser. */
async function applyWithPatch(path: string, before: string, patch: string): Promise<Buffer> {
  const dir = await tempDir("diff-patch-");
  await writeFile(join(dir, path), before);
  await writeFile(join(dir, "change.patch"), patch);
  await run("patch", ["-p1", "--dry-run", "-s", "-i", "change.patch"], { cwd: dir, env: gitEnv });
  await run("patch", ["-p1", "-s", "-i", "change.patch"], { cwd: dir, env: gitEnv });
  return readFile(join(dir, path));
}

/** `line 1<eol>line 2<eol>…`, `n` lines. */
const numbered = (n: number, eol: string) => Array.from({ length: n }, (_, i) => `line ${i + 1}${eol}`).join("");

describe("unifiedDiff", () => {
  it("is empty for equal texts", () => {
    expect(unifiedDiff("a.yaml", "x\n", "x\n")).toBe("");
  });

  it("shows one changed line with three lines of context", () => {
    const before = ["a", "b", "c", "d", "image: app:1.0.0", "e", "f", "g", "h"].join("\n") + "\n";
    const after = before.replace("app:1.0.0", "app:1.0.1");
    expect(unifiedDiff("deploy.yaml", before, after)).toBe(
      ["--- a/deploy.yaml", "+++ b/deploy.yaml", "@@ -2,7 +2,7 @@", " b", " c", " d", "-image: app:1.0.0", "+image: app:1.0.1", " e", " f", " g", ""].join(
        "\n",
      ),
    );
  });

  it("makes separate hunks for distant changes and counts lines across an insertion", () => {
    const lines = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`);
    const after = [...lines];
    after[1] = "changed 2";
    after.splice(20, 0, "inserted");
    const patch = unifiedDiff("f", lines.join("\n") + "\n", after.join("\n") + "\n");
    const headers = patch.split("\n").filter((l) => l.startsWith("@@"));
    expect(headers).toEqual(["@@ -1,5 +1,5 @@", "@@ -18,6 +18,7 @@"]);
  });

  it("marks a last line without a newline, as diff -u does", () => {
    expect(unifiedDiff("a.yaml", "a\nimage: app:1", "a\nimage: app:2")).toBe(
      [
        "--- a/a.yaml",
        "+++ b/a.yaml",
        "@@ -1,2 +1,2 @@",
        " a",
        "-image: app:1",
        "\\ No newline at end of file",
        "+image: app:2",
        "\\ No newline at end of file",
        "",
      ].join("\n"),
    );
  });

  it("shows a newline added or removed at the end, which changes no line's text", () => {
    expect(unifiedDiff("a.yaml", "a\nb", "a\nb\n")).toBe(
      ["--- a/a.yaml", "+++ b/a.yaml", "@@ -1,2 +1,2 @@", " a", "-b", "\\ No newline at end of file", "+b", ""].join("\n"),
    );
  });

  it("keeps the carriage return of CRLF lines", () => {
    expect(unifiedDiff("a.yaml", "a\r\nimage: app:1\r\n", "a\r\nimage: app:2\r\n")).toBe(
      ["--- a/a.yaml", "+++ b/a.yaml", "@@ -1,2 +1,2 @@", " a\r", "-image: app:1\r", "+image: app:2\r", ""].join("\n"),
    );
  });

  it("counts an empty side as line 0, where the hunk attaches", () => {
    expect(unifiedDiff("a.yaml", "", "a\n").split("\n")[2]).toBe("@@ -0,0 +1,1 @@");
    expect(unifiedDiff("a.yaml", "a\n", "").split("\n")[2]).toBe("@@ -1,1 +0,0 @@");
  });

  describe("a plan changing thousands of lines, past what Myers' search may take", () => {
    const images = (n: number, tag: string) => `- image: ghcr.io/acme/app:${tag}\n`.repeat(n);

    it("pairs lines that cannot be told apart in place: 20,000 changed lines are one hunk, deletions then insertions", async () => {
      const [before, after] = [images(20_000, "1.0.0"), images(20_000, "2.0.0")];
      const patch = unifiedDiff("a.yaml", before, after);
      const removed = "-- image: ghcr.io/acme/app:1.0.0\n".repeat(20_000);
      const added = "+- image: ghcr.io/acme/app:2.0.0\n".repeat(20_000);
      expect(patch).toBe(`--- a/a.yaml\n+++ b/a.yaml\n@@ -1,20000 +1,20000 @@\n${removed}${added}`);
      // As text: comparing buffers of this size byte by byte is slow.
      expect((await applyWithGit("a.yaml", before, patch)).toString()).toBe(after);
    });

    it("keeps the lines unique to both texts in place, so that a line inserted among thousands of changes shifts none of them", async () => {
      // Each container's image is seven unique lines from the next: a hunk each.
      const containers = (tag: string, inserted: number) =>
        Array.from({ length: 3000 }, (_, i) => {
          const lines = [`- name: c${i}`, `  image: ghcr.io/acme/app:${tag}`, ...[1, 2, 3, 4, 5, 6].map((l) => `  # c${i} ${l}`)];
          return (i === inserted ? "# inserted\n" : "") + lines.join("\n") + "\n";
        }).join("");
      const [before, after] = [containers("1.0.0", -1), containers("2.0.0", 1500)];
      const patch = unifiedDiff("a.yaml", before, after);
      // Old and new line counts of each hunk: the first has one line before its change; the insertion joins two hunks, a line more.
      const sizes = new Map<string, number>();
      for (const [, a, b] of patch.matchAll(/^@@ -\d+,(\d+) \+\d+,(\d+) @@$/gm)) sizes.set(`${a}/${b}`, (sizes.get(`${a}/${b}`) ?? 0) + 1);
      expect(Object.fromEntries(sizes)).toEqual({ "5/5": 1, "7/7": 2997, "15/16": 1 });
      expect(patch).toContain("   # c1499 6\n+# inserted\n - name: c1500\n-  image: ghcr.io/acme/app:1.0.0\n+  image: ghcr.io/acme/app:2.0.0\n");
      expect(patch).toContain("@@ -12007,7 +12008,7 @@\n   # c1500 5\n");
      expect((await applyWithGit("a.yaml", before, patch)).toString()).toBe(after);
    });

    it("shows the longer text's extra lines after the changed ones", async () => {
      const [before, after] = [images(5000, "1.0.0"), images(4990, "2.0.0")];
      const patch = unifiedDiff("a.yaml", before, after);
      expect(patch.split("\n")[2]).toBe("@@ -1,5000 +1,4990 @@");
      expect((await applyWithGit("a.yaml", before, patch)).toString()).toBe(after);
      expect((await applyWithPatch("a.yaml", before, patch)).toString()).toBe(after);
    });
  });

  describe("applies with git apply and GNU patch, giving the new text byte for byte", () => {
    const image = (eol: string, tag: string) => `spec:${eol}  containers:${eol}    - name: app${eol}      image: ghcr.io/acme/app:${tag}`;
    it.each([
      ["LF", `${image("\n", "1.0.0")}\n`, `${image("\n", "1.0.1")}\n`],
      ["CRLF", `${image("\r\n", "1.0.0")}\r\n`, `${image("\r\n", "1.0.1")}\r\n`],
      ["CRLF without a final newline", image("\r\n", "1.0.0"), image("\r\n", "1.0.1")],
      ["no final newline in either", image("\n", "1.0.0"), image("\n", "1.0.1")],
      ["no final newline in the old text", image("\n", "1.0.0"), `${image("\n", "1.0.1")}\n`],
      ["no final newline in the new text", `${image("\n", "1.0.0")}\n`, image("\n", "1.0.1")],
      ["only the final newline added", "a\nb", "a\nb\n"],
      ["only the final newline removed", "a\nb\n", "a\nb"],
      ["a change on the last line, far from the start", `${numbered(20, "\n")}image: app:1\n`, `${numbered(20, "\n")}image: app:2\n`],
      ["mixed LF and CRLF lines", "a\r\nb\nc\r\nimage: app:1\n", "a\r\nb\nc\r\nimage: app:2\n"],
      ["lone CR line endings (one line to git)", "a\rimage: app:1\r", "a\rimage: app:2\r"],
      ["a byte order mark", `\ufeff${image("\n", "1.0.0")}\n`, `\ufeff${image("\n", "1.0.1")}\n`],
      ["a change on the line after the byte order mark", "\ufeffimage: app:1\nb\n", "\ufeffimage: app:2\nb\n"],
      ["several hunks", numbered(30, "\n"), numbered(30, "\n").replace("line 2\n", "two\n").replace("line 25\n", "x\nline 25\ny\n")],
      ["several hunks in CRLF", numbered(30, "\r\n"), numbered(30, "\r\n").replace("line 2\r\n", "two\r\n").replace("line 29\r\n", "")],
      ["Chinese text", "# 生产环境\nimage: 应用:1.0\n# 结束", "# 生产环境\nimage: 应用:2.0\n# 结束"],
      ["an empty old file", "", "image: app:1\n"],
      ["an emptied file", "image: app:1\n", ""],
      ["trailing spaces kept", "a  \nimage: app:1 \n", "a  \nimage: app:2 \n"],
    ])("%s", async (_name, before, after) => {
      const patch = unifiedDiff("deploy.yaml", before, after);
      expect(await applyWithGit("deploy.yaml", before, patch)).toEqual(Buffer.from(after));
      expect(await applyWithPatch("deploy.yaml", before, patch)).toEqual(Buffer.from(after));
    });

    it("a path with a space", async () => {
      const patch = unifiedDiff("prod env.yaml", "image: app:1\n", "image: app:2\n");
      expect(await applyWithGit("prod env.yaml", "image: app:1\n", patch)).toEqual(Buffer.from("image: app:2\n"));
      expect(await applyWithPatch("prod env.yaml", "image: app:1\n", patch)).toEqual(Buffer.from("image: app:2\n"));
    });
  });
});
