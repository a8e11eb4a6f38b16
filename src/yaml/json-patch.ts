/**
 * A JSON6902 patch as YAML holds one (kustomize reads JSON as YAML, but text starting with `[` as JSON alone,
 * refusedOpList): a list of ops, each with
 * a known `op` and a `path` pointer. No manifest looks like one, so a file or patch string in
 * this shape is read by the op rule (inline-patch.ts), not as a manifest.
 */
import { mapValue, scalarText, type YamlNode } from "./node.js";
import type { PathSegment } from "./path.js";

const OPS = new Set(["add", "remove", "replace", "move", "copy", "test"]);

export function isOpList(root: YamlNode | null): boolean {
  return (
    root?.kind === "seq" &&
    root.items.length > 0 &&
    root.items.every((op) => op.kind === "map" && OPS.has(scalarText(mapValue(op, "op")) ?? "") && scalarText(mapValue(op, "path"))?.startsWith("/"))
  );
}

/** An op's `path` pointer as a path: RFC 6901's `~1` is `/` and `~0` is `~`; an index, or `-` for the end of a list (-1), is a list position. */
export function pointerPath(pointer: string): PathSegment[] {
  return pointer
    .split("/")
    .slice(1)
    .map((token): PathSegment => (token === "-" ? -1 : /^[0-9]+$/.test(token) ? Number(token) : token.replaceAll("~1", "/").replaceAll("~0", "~")));
}

/** A path as an op's `path` pointer (pointerPath's inverse): `~` is `~0`, `/` is `~1`, the end of a list (-1) `-`. */
export function pointerOf(path: readonly PathSegment[]): string {
  return path.map((segment) => `/${segment === -1 ? "-" : String(segment).replaceAll("~", "~0").replaceAll("/", "~1")}`).join("");
}

/**
 * Whether kustomize refuses `text` as a patch: text starting with `[` is decoded as JSON alone, never as YAML (its
 * PatchTransformer's jsonPatchFromBytes, PatchJson6902Transformer alike), and no strategic merge is a list, so YAML's
 * flow spelling `[{op: replace, path: /spec/…, value: 6.1.0}]`, or JSON with a version unquoted, fails the build: kubectl
 * kustomize v5.5.0 says "unable to parse SM or JSON patch". An inline patch (`inline`) is trimmed first, a patch file is
 * read as it is (a line break before its `[` makes it YAML). JSON (`[{"op": …}]`) and a YAML list (`- op: …`) are read.
 */
export function refusedOpList(text: string, inline: boolean): boolean {
  const read = inline ? text.trim() : text;
  if (!read.startsWith("[")) return false;
  try {
    return !Array.isArray(JSON.parse(read));
  } catch {
    return true;
  }
}
