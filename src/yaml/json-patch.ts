/**
 * A JSON6902 patch as YAML holds one (kustomize reads JSON as YAML, but text starting with `[` as JSON alone,
 * refusedOpList): a list of ops, each with
 * a known `op` and a `path` pointer. No manifest looks like one, so a file or patch string in
 * this shape is read by the op rule (inline-patch.ts), not as a manifest.
 */
import { mapValue, scalarText, type YamlNode } from "./node.js";
import { hasPrefix, type PathSegment } from "./path.js";
import { forEachValue } from "./walk.js";

const OPS = new Set(["add", "remove", "replace", "move", "copy", "test"]);

/** The ops whose value kustomize writes at their path. */
export const VALUE_OPS: ReadonlySet<string> = new Set(["add", "replace"]);

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

/**
 * What is said at a patch kustomize refuses (refusedOpList), `what` saying why it is no JSON: its build fails, so nothing
 * in it is deployed, and it is neither edited nor read as setting a version; `write`, a spelling kustomize reads.
 */
export function refusedOpListSaid(what: string, write: string): string {
  return `${what}: kubectl kustomize fails the build ("unable to parse SM or JSON patch"), so nothing in it is edited or read as applying; write ${write}`;
}

/** The JSON spelling of an op list kustomize reads, as refusedOpListSaid advises it. */
export const QUOTED_OPS = 'every key and string in double quotes ([{"op": "replace", …}])';

/** A value an op of a list writes (appliedOps): its node, and its path under the op's `value`. */
export interface OpValue {
  readonly node: YamlNode;
  readonly path: readonly PathSegment[];
}

/** An op of a list as kustomize applies it, in order (appliedOps). */
export interface AppliedOp {
  /** Its index in the list, its `op`, and its `path` as written. */
  readonly index: number;
  readonly name: string;
  readonly pointer: string;
  /**
   * Where it writes in the patched resource: its pointer with each list index an earlier op shifted (an item inserted or
   * removed before it) counted back to the resource's; below an earlier op's path, that op's place and the rest of its pointer.
   */
  readonly path: readonly PathSegment[];
  /**
   * It writes inside an item an `add` inserts into a list (at an index, or `-`), by that op or a later one into its
   * value: nothing of the resource's there is replaced, its item at that index moving on, deployed as written.
   */
  readonly inserts: boolean;
  /** An `add` or `replace`'s value nodes (every mapping, list and scalar) that kustomize renders: none a later op overwrites, removes or moves. */
  readonly values: readonly OpValue[];
  /** Its `value` as written, rendered or not (a `test` op's too); none where it has no `op` or `path`, which kustomize cannot apply. */
  readonly value: YamlNode | undefined;
}

/** What an op's pointer lands on, once the later ops are counted back: the resource, at `path`, or inside an earlier op's value, at `within`. */
type Landing = { readonly path: readonly PathSegment[] } | { readonly op: number; readonly within: readonly PathSegment[] };

/** What an applied op changes of the pointers of those after it: an item inserted or removed at a list index, or a value written at a path. */
type Step =
  | { readonly kind: "insert" | "remove"; readonly list: readonly PathSegment[]; readonly index: number; readonly op: number }
  | { readonly kind: "write"; readonly path: readonly PathSegment[]; readonly op: number };

/**
 * What `pointer` lands on once the ops before it have applied (their `steps`, in order): each, from the last back, counts a
 * list index past an item it inserted one less, and one at or past an item it removed one more; a pointer at or below an
 * item it inserted, or below a value it wrote, is inside that op's value.
 */
function landingAfter(steps: readonly Step[], pointer: readonly PathSegment[]): Landing {
  let at = [...pointer];
  for (let i = steps.length - 1; i >= 0; i--) {
    const step = steps[i]!;
    if (step.kind === "write") {
      if (hasPrefix(at, step.path)) return { op: step.op, within: at.slice(step.path.length) };
      continue;
    }
    const n = step.list.length;
    const index = at[n];
    if (!hasPrefix(at, step.list) || typeof index !== "number" || index < 0 || step.index < 0) continue;
    if (step.kind === "insert" && index === step.index) return { op: step.op, within: at.slice(n + 1) };
    if (step.kind === "insert" && index > step.index) at = [...step.list, index - 1, ...at.slice(n + 1)];
    if (step.kind === "remove" && index >= step.index) at = [...step.list, index + 1, ...at.slice(n + 1)];
  }
  return { path: at };
}

/** A list index (or `-`, -1) last in a pointer: where an item goes in or comes out. */
function indexed(path: readonly PathSegment[]): number | undefined {
  const last = path[path.length - 1];
  return typeof last === "number" ? last : undefined;
}

/**
 * The ops of a list (isOpList) as kustomize applies them, one after the other on what the earlier ones left (kubectl
 * kustomize v5.5.0): an `add` at a list index inserts its item there, so a later op's index past it counts it (`add
 * /spec/template/spec/containers/0` then `replace …/containers/1/image` replaces the image of the resource's container 0);
 * a `remove` at an index, or a `move` from one, takes its item out; a later op into what an earlier one wrote writes into
 * that value (`add …/containers/0` with `{name, image}`, then `replace …/containers/0/image` renders the later image alone).
 * An `add` at the end (`-`) shifts no index: which index the item takes is the resource's list's length, not read here.
 */
export function appliedOps(list: YamlNode): AppliedOp[] {
  if (list.kind !== "seq") return [];
  const steps: Step[] = [];
  const ops: { name: string; pointer: string; path: readonly PathSegment[]; inserts: boolean; root: number; value: YamlNode | undefined }[] = [];
  const values: { op: number; root: number; node: YamlNode; path: readonly PathSegment[]; at: readonly PathSegment[] }[] = [];
  /** Where a landing is in the resource, the op whose place it is under (itself for the resource's), and whether that op inserts. */
  const placed = (at: Landing, self: number) =>
    "path" in at
      ? { path: at.path, root: self, inserts: false }
      : { path: [...ops[at.op]!.path, ...at.within], root: ops[at.op]!.root, inserts: ops[at.op]!.inserts };
  // What kustomize no longer renders of an earlier op's value: that under the place an op writes, removes or moves from.
  const overwrite = (at: Landing) => {
    const { path, root } = placed(at, -1);
    const under = (v: (typeof values)[number]) => ("path" in at ? !ops[v.root]!.inserts || ops[v.root]!.path.length > path.length : v.root === root);
    for (let j = values.length - 1; j >= 0; j--) if (under(values[j]!) && hasPrefix(values[j]!.at, path)) values.splice(j, 1);
  };
  list.items.forEach((op, index) => {
    const field = (key: string) => (op.kind === "map" ? mapValue(op, key) : undefined);
    const name = scalarText(field("op"));
    const pointer = scalarText(field("path"));
    const value = name === undefined || pointer === undefined ? undefined : (field("value") ?? undefined);
    if (name === undefined || pointer === undefined || name === "test") {
      ops.push({ name: name ?? "", pointer: pointer ?? "", path: [], inserts: false, root: index, value });
      return;
    }
    const from = name === "move" ? scalarText(field("from")) : undefined;
    if (from !== undefined) {
      const source = pointerPath(from);
      overwrite(landingAfter(steps, source));
      const at = indexed(source);
      if (at !== undefined) steps.push({ kind: "remove", list: source.slice(0, -1), index: at, op: index });
    }
    const target = pointerPath(pointer);
    const at = indexed(target);
    const inserting = (name === "add" || name === "move" || name === "copy") && at !== undefined;
    const landed = landingAfter(steps, inserting ? target.slice(0, -1) : target);
    if (!inserting) overwrite(landed);
    const place = placed(landed, index);
    const path = inserting ? [...place.path, at] : place.path;
    ops.push({ name, pointer, path, inserts: inserting || place.inserts, root: inserting && "path" in landed ? index : place.root, value });
    if (name === "remove") {
      if (at !== undefined) steps.push({ kind: "remove", list: target.slice(0, -1), index: at, op: index });
      return;
    }
    steps.push(inserting ? { kind: "insert", list: target.slice(0, -1), index: at, op: index } : { kind: "write", path: target, op: index });
    if (!VALUE_OPS.has(name)) return;
    const root = ops[index]!.root;
    forEachValue(value ?? null, ({ node, path: within }) => values.push({ op: index, root, node, path: within, at: [...path, ...within] }));
  });
  return ops.map((op, index) => ({
    index,
    name: op.name,
    pointer: op.pointer,
    path: op.path,
    inserts: op.inserts,
    values: values.filter((v) => v.op === index).map(({ node, path }) => ({ node, path })),
    value: op.value,
  }));
}
