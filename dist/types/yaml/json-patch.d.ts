/**
 * A JSON6902 patch as YAML holds one (kustomize reads JSON as YAML): a list of ops, each with
 * a known `op` and a `path` pointer. No manifest looks like one, so a file or patch string in
 * this shape is read by the op rule (inline-patch.ts), not as a manifest.
 */
import { type YamlNode } from "./node.js";
import type { PathSegment } from "./path.js";
export declare function isOpList(root: YamlNode | null): boolean;
/** An op's `path` pointer as a path: RFC 6901's `~1` is `/` and `~0` is `~`; an index, or `-` for the end of a list (-1), is a list position. */
export declare function pointerPath(pointer: string): PathSegment[];
