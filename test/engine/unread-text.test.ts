import { describe, expect, it } from "vitest";
import { planUpdate } from "../../src/engine/plan.js";
import { RequestError } from "../../src/engine/request.js";
import { memorySource } from "../../src/engine/source.js";
import { unreadKind, utf16Text } from "../../src/engine/unread-text.js";

const DEPLOY = "# saved by a Windows tool\nspec:\n  image: ghcr.io/acme/app:1.0.0\n";
const POINTER = "version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n";

/** `text` as UTF-16 with its byte order mark: little-endian (FF FE) or big-endian (FE FF). */
function utf16(text: string, order: "le" | "be"): Uint8Array {
  const units = Buffer.from(text, "utf16le");
  if (order === "be") units.swap16();
  return Buffer.concat([Buffer.from(order === "le" ? [0xff, 0xfe] : [0xfe, 0xff]), units]);
}

/** A file as a run reads it to screen it: UTF-8, each invalid byte a U+FFFD. */
const lossy = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe("unreadKind and utf16Text", () => {
  it("tell a Git LFS pointer and UTF-16 text, either byte order, from a file read as UTF-8", () => {
    expect(unreadKind(POINTER)).toBe("lfs-pointer");
    expect(unreadKind(lossy(utf16(DEPLOY, "le")))).toBe("utf-16");
    expect(unreadKind(lossy(utf16(DEPLOY, "be")))).toBe("utf-16");
    expect(unreadKind(DEPLOY)).toBeUndefined();
    // Two bytes that are no UTF-8, with no NUL beside the text after them: not taken for UTF-16.
    expect(unreadKind(lossy(Buffer.from([0xff, 0xfe, 0x61, 0x3a, 0x20, 0x31, 0x0a])))).toBeUndefined();
  });

  it("decode UTF-16 by its byte order mark, a last odd byte dropped", () => {
    expect(utf16Text(utf16(DEPLOY, "le"))).toEqual({ text: DEPLOY, mark: "FF FE" });
    expect(utf16Text(utf16("a: é\n", "be"))).toEqual({ text: "a: é\n", mark: "FE FF" });
    expect(utf16Text(Buffer.concat([utf16("a", "le"), Buffer.from([0x62])]))?.text).toBe("a");
    expect(utf16Text(Buffer.from(DEPLOY))).toBeUndefined();
  });
});

describe("planUpdate: files to update that are no text an editor reads", () => {
  const files = new Map<string, string | Uint8Array>([
    ["apps/windows.yaml", utf16(DEPLOY, "le")],
    ["apps/mac.yaml", utf16("image: ghcr.io/acme/app:1.0.0\n", "be")],
    ["apps/other.yaml", utf16("image: nginx:1.25\n", "le")],
    ["apps/big.yaml", POINTER],
    ["apps/deploy.yaml", "image: ghcr.io/acme/app:1.0.0\n"],
  ]);

  it("warns at a UTF-16 file holding an incoming image, by line and byte, and at each Git LFS pointer, editing neither", async () => {
    const plan = await planUpdate(memorySource(files), { images: ["ghcr.io/acme/app:1.1.0"] });
    expect(plan.files.map((file) => file.path)).toEqual(["apps/deploy.yaml"]);
    expect(plan.warnings).toEqual([
      {
        file: "apps/big.yaml",
        message:
          "a Git LFS pointer: the tree holds only this pointer, and Git LFS the file's content, so it is not read nor edited; to have it updated, keep manifests out of Git LFS (.gitattributes)",
      },
      {
        file: "apps/mac.yaml",
        line: 1,
        message:
          "UTF-16 text (byte order mark FE FF), where only UTF-8 is read: ghcr.io/acme/app (at byte 16) is not edited for ghcr.io/acme/app:1.1.0; save the file as UTF-8 to have it updated",
      },
      {
        file: "apps/windows.yaml",
        line: 3,
        // `# saved by a Windows tool\nspec:\n  image: ` is 41 UTF-16 units: 82 bytes after the mark's 2.
        message:
          "UTF-16 text (byte order mark FF FE), where only UTF-8 is read: ghcr.io/acme/app (at byte 84) is not edited for ghcr.io/acme/app:1.1.0; save the file as UTF-8 to have it updated",
      },
    ]);
  });

  it("says nothing of them outside the paths to update", async () => {
    const plan = await planUpdate(memorySource(files), { images: ["ghcr.io/acme/app:1.1.0"], paths: ["apps/deploy.yaml"] });
    expect(plan.warnings).toEqual([]);
  });

  it("refuses a --set of either, saying what it is", async () => {
    for (const [file, message] of [
      ["apps/windows.yaml", "UTF-16 text (byte order mark FF FE), where only UTF-8 is read; save the file as UTF-8"],
      ["apps/big.yaml", expect.stringMatching(/^a Git LFS pointer: /)],
    ] as const) {
      const planned = planUpdate(memorySource(files), { sets: [`${file}:spec.image=ghcr.io/acme/app:1.1.0`] });
      await expect(planned).rejects.toThrow(RequestError);
      await expect(planned).rejects.toMatchObject({ issues: [{ file, message }] });
    }
  });
});

describe("planUpdate: a UTF-16 file marking a key the run sets", () => {
  // The tag alone is marked: no incoming repository is spelled in these files.
  const MARKED = 'spec:\n  tag: "1.0.0" # {"$imagepolicy": "flux-system:app:tag"}\n';
  const files = new Map<string, string | Uint8Array>([
    ["apps/windows.yaml", utf16(MARKED, "le")],
    ["apps/above.yaml", utf16('tags:\n  # {"$imagepolicy": "flux-system:app:tag"}\n  - "1.0.0"\n', "le")],
    ["apps/main.k", utf16('app = {\n    # a comment\n    tag = "1.0.0"  # {"$imagepolicy": "flux-system:app:tag"}\n}\n', "be")],
    ["apps/other.yaml", utf16('tag: "1.0.0" # {"$imagepolicy": "flux-system:other:tag"}\n', "le")],
    ["apps/deploy.yaml", MARKED],
  ]);
  /** The warning at a file's marker of flux-system:app, at the line and byte of its "$imagepolicy". */
  const said = (file: string, line: number, byte: number, image: string, mark = "FF FE") => ({
    file,
    line,
    message: `UTF-16 text (byte order mark ${mark}), where only UTF-8 is read: the marker of Flux setter flux-system:app (at byte ${byte}) is not set to ${image}; save the file as UTF-8 to have it updated`,
  });
  // After the mark's 2 bytes, 2 a unit: `tags:\n  # {` is 11 units, `app = {\n    # a comment\n    tag = "1.0.0"  # {` 46, `spec:\n  tag: "1.0.0" # {` 24.
  const everyMarker = (image: string) => [
    said("apps/above.yaml", 2, 24, image),
    said("apps/main.k", 3, 94, image, "FE FF"),
    said("apps/windows.yaml", 2, 50, image),
  ];

  it("warns at its marker of a --setter's key, after a value or above one, as at an incoming image, and not at a marker of another key", async () => {
    const plan = await planUpdate(memorySource(files), { setters: ["flux-system:app=ghcr.io/acme/app:1.1.0"] });
    expect(plan.files.map((file) => file.path)).toEqual(["apps/deploy.yaml"]);
    expect(plan.warnings).toEqual(everyMarker("ghcr.io/acme/app:1.1.0"));
  });

  it("warns at its marker of a key the configuration defines for an incoming image", async () => {
    const config = '"setters":\n  "flux-system:app": { image: ghcr.io/acme/app }\n';
    const plan = await planUpdate(memorySource(new Map([...files, [".github/gitops-promote.yaml", config]])), { images: ["ghcr.io/acme/app:1.2.0"] });
    expect(plan.warnings).toEqual(everyMarker("ghcr.io/acme/app:1.2.0"));
  });

  it("says nothing where the run sets no key the file marks", async () => {
    const plan = await planUpdate(memorySource(files), { setters: ["flux-system:web=ghcr.io/acme/web:1.1.0"] });
    expect(plan.warnings.filter((warning) => warning.message.startsWith("UTF-16"))).toEqual([]);
  });
});
