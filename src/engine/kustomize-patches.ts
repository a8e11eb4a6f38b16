/**
 * What a kustomization's patches set in the resources it builds: kustomize applies them before
 * anything deploys, so what a patch writes is deployed instead of what the resource writes. Two such
 * values carry an image's version:
 * - a container's `image:` (a strategic merge's container, a JSON6902 op's value at `…/image`);
 * - a Helm values tag (`spec.values.image.tag` in a strategic merge of a HelmRelease, an op at
 *   `/spec/values/image/tag` or a `{tag}` value at `/spec/values/image`), whose repository is the
 *   patch's own beside it or, where the patch writes the tag alone (an overlay pinning its
 *   environment's version, as flux2-kustomize-helm-example's overlays do), the patched resource's.
 * A patch applies to what kustomize matches it with: its `target:` selector's kind, name and
 * namespace (regular expressions, as kustomize reads them), or a strategic merge's own kind and
 * `metadata.name`. A label or annotation selector is not read: which resources it matches is not known here.
 * Pure: texts in.
 */
import { normalizeRepository, tryParseImageRef } from "../image/reference.js";
import { lineAt } from "../text/line-index.js";
import { tryYamlFile } from "../yaml/file.js";
import { isOpList } from "../yaml/json-patch.js";
import { isFlowScalar, mapValue, nodeAt, scalarText, type FlowScalar, type YamlNode } from "../yaml/node.js";
import { formatPath, type PathSegment } from "../yaml/path.js";
import { hasPlaceholder } from "../yaml/placeholder.js";
import { forEachValue } from "../yaml/walk.js";
import type { Kustomization, KustomizeTree, Patch, Selector } from "./kustomize-graph.js";

/** A value a patch writes: where in the resource, the scalar, and where in the patch's file (the key a change there names, its line). */
export interface PatchValue {
  readonly path: readonly PathSegment[];
  readonly node: FlowScalar;
  readonly key: string;
  readonly line: number;
}

/** One document of a patch (one patch of a multi-document file, or an op list), with what it applies to and the values it writes. */
export interface PatchDocument {
  readonly patch: Patch;
  /** The document of the file it is in (the kustomization's own for an inline patch). */
  readonly document: number;
  readonly selector: Selector;
  readonly values: readonly PatchValue[];
}

/** A resource a build holds: its file, the document it is, and what a selector matches it by. */
export interface Resource {
  readonly file: string;
  readonly document: number;
  readonly text: string;
  readonly root: YamlNode;
  readonly apiVersion: string | undefined;
  readonly kind: string | undefined;
  readonly name: string | undefined;
  readonly namespace: string | undefined;
}

/** The ops whose value kustomize writes at their path. */
const VALUE_OPS = new Set(["add", "replace"]);

/**
 * The documents of a patch, its text being `text` (the patch file's, or the inline text). A change in an
 * inline patch is named as inline-patch.ts names it: `patches[0].patch: spec.values.image.tag`, an op's
 * `patches[0].patch[1].value`.
 */
export function patchDocuments(patch: Patch, text: string): PatchDocument[] {
  const yaml = tryYamlFile(text.replace(/^\uFEFF/, ""));
  if (!yaml) return [];
  const inline = patch.inline;
  const at = inline && formatPath(inline.at);
  const lineOf = (node: YamlNode) => (inline ? inline.line - 1 : 0) + lineAt(text, node.start);
  return yaml.documents.flatMap(({ root }, index): PatchDocument[] => {
    const document = inline ? 0 : index;
    const values: PatchValue[] = [];
    const add = (node: YamlNode, path: readonly PathSegment[], written: readonly PathSegment[], ops: boolean) => {
      if (!isFlowScalar(node)) return;
      const key = at === undefined ? formatPath(written) : ops ? `${at}${formatPath(written)}` : `${at}: ${formatPath(written)}`;
      values.push({ path, node, key, line: lineOf(node) });
    };
    if (patch.kind !== "strategic-merge" && isOpList(root) && root?.kind === "seq") {
      if (!patch.target) return [];
      root.items.forEach((op, i) => {
        if (op.kind !== "map" || !VALUE_OPS.has(scalarText(mapValue(op, "op")) ?? "")) return;
        const pointer = pointerPath(scalarText(mapValue(op, "path"))!);
        forEachValue(mapValue(op, "value") ?? null, ({ node, path }) => add(node, [...pointer, ...path], [i, "value", ...path], true));
      });
      return [{ patch, document, selector: patch.target, values }];
    }
    if (patch.kind === "json6902" || root?.kind !== "map") return [];
    forEachValue(root, ({ node, path }) => add(node, path, path, false));
    const metadata = (key: string) => scalarText(nodeAt(root, ["metadata", key]));
    const own: Selector = { kind: scalarText(mapValue(root, "kind")), name: metadata("name"), namespace: metadata("namespace") };
    return [{ patch, document, selector: patch.target ?? own, values }];
  });
}

/** An RFC 6901 pointer's segments: `~1` is `/`, `~0` is `~`, a number a list position. */
function pointerPath(pointer: string): PathSegment[] {
  return pointer
    .split("/")
    .slice(1)
    .map((token): PathSegment => (/^[0-9]+$/.test(token) ? Number(token) : token.replaceAll("~1", "/").replaceAll("~0", "~")));
}

/** The resources of a manifest file: each document naming a kind. */
export function resourcesOf(file: string, text: string): Resource[] {
  const yaml = tryYamlFile(text.replace(/^\uFEFF/, ""));
  return (yaml?.documents ?? []).flatMap(({ root, object }, document) =>
    root?.kind === "map" && object.kind !== undefined
      ? [{ file, document, text, root, apiVersion: object.apiVersion, kind: object.kind, name: object.name, namespace: object.namespace }]
      : [],
  );
}

/**
 * Whether kustomize applies a patch with `selector` to `resource`; undefined where a label or annotation
 * selector decides, which is not read. A strategic merge without a target names its resource by kind and
 * name, and by namespace where it gives one.
 */
export function selects(selector: Selector, resource: Resource): boolean | undefined {
  if (selector.labelSelector !== undefined || selector.annotationSelector !== undefined) return undefined;
  const [group, version] = splitApiVersion(resource.apiVersion);
  const fields: [string | undefined, string | undefined][] = [
    [selector.group, group],
    [selector.version, version],
    [selector.kind, resource.kind],
    [selector.name, resource.name],
    [selector.namespace, resource.namespace],
  ];
  return fields.every(([pattern, value]) => pattern === undefined || pattern === "" || matchesWhole(pattern, value ?? ""));
}

function splitApiVersion(apiVersion: string | undefined): [string, string] {
  const slash = apiVersion?.indexOf("/") ?? -1;
  return slash < 0 ? ["", apiVersion ?? ""] : [apiVersion!.slice(0, slash), apiVersion!.slice(slash + 1)];
}

/** Kustomize compiles a selector's field as a regular expression anchored at both ends; one that does not compile matches nothing. */
function matchesWhole(pattern: string, value: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`).test(value);
  } catch {
    return false;
  }
}

/** A Helm values tag a patch writes: the tag of the mapping at `mapping` in a HelmRelease's `spec.values`. */
function helmTagMapping(value: PatchValue): readonly PathSegment[] | undefined {
  const { path } = value;
  return path.length > 3 && path[0] === "spec" && path[1] === "values" && path[path.length - 1] === "tag" ? path.slice(0, -1) : undefined;
}

/** The repository (normalised) and its name as written (with its registry) of the Helm mapping at `mapping`, as the patch writes it or else the resource. */
function helmRepository(doc: PatchDocument, resource: Resource, mapping: readonly PathSegment[]): { name: string; repository: string } | undefined {
  const own = (key: string) => doc.values.find((v) => v.path.length === mapping.length + 1 && v.path[mapping.length] === key && samePrefix(v.path, mapping));
  const written = own("repository") ?? own("name");
  const read = (key: string) => (written ? scalarText(own(key)?.node) : scalarText(nodeAt(resource.root, [...mapping, key])));
  const repository = written ? written.node.text : read("repository");
  if (repository === undefined) return undefined;
  const registry = read("registry");
  const name = registry ? `${registry}/${repository}` : repository;
  const normal = normalizeRepository(name);
  return normal === undefined ? undefined : { name, repository: normal };
}

function samePrefix(path: readonly PathSegment[], prefix: readonly PathSegment[]): boolean {
  return prefix.every((segment, i) => path[i] === segment);
}

/**
 * The repositories (normalised) of `repositories` whose version `doc` sets in `resource` (which it applies
 * to): a container image with a tag or digest, or a Helm tag whose pair, the patch's or the resource's, is
 * of that repository.
 */
export function versionsSet(doc: PatchDocument, resource: Resource, repositories: ReadonlySet<string>): Set<string> {
  const set = new Set<string>();
  for (const value of doc.values) {
    if (value.path[value.path.length - 1] === "image") {
      const ref = tryParseImageRef(value.node.text);
      if (ref && (ref.tag !== undefined || ref.digest !== undefined) && repositories.has(ref.repository)) set.add(ref.repository);
      continue;
    }
    const mapping = helmTagMapping(value);
    const pair = mapping && helmRepository(doc, resource, mapping);
    if (pair && repositories.has(pair.repository)) set.add(pair.repository);
  }
  return set;
}

/** A Helm tag a patch writes alone, with no repository beside it in the patch: its pair is the patched resource's. */
export interface LoneTag {
  readonly value: PatchValue;
  readonly mapping: readonly PathSegment[];
}

/** The lone Helm tags of a patch document, but those a template or substitution fills in (`${TAG}`). */
export function loneTags(doc: PatchDocument): LoneTag[] {
  return doc.values.flatMap((value) => {
    const mapping = helmTagMapping(value);
    if (!mapping || hasPlaceholder(value.node.text)) return [];
    const beside = (key: string) =>
      doc.values.some((v) => v.path.length === mapping.length + 1 && v.path[mapping.length] === key && samePrefix(v.path, mapping));
    return beside("repository") || beside("name") ? [] : [{ value, mapping }];
  });
}

/** The pair a lone tag sets in `resource`: its repository (normalised), its name as written and the line it is written on; undefined when the resource has none there. */
export function pairOf(doc: PatchDocument, tag: LoneTag, resource: Resource): { name: string; repository: string; line: number } | undefined {
  const pair = helmRepository(doc, resource, tag.mapping);
  const node = nodeAt(resource.root, [...tag.mapping, "repository"]);
  return pair && node ? { ...pair, line: lineAt(resource.text, node.start) } : undefined;
}

/** The documents of a kustomization's patches, each kustomization's read once: an inline patch's text is its own, a patch file's the tree's (`patches`). */
export function patchReader({ patches }: Pick<KustomizeTree, "patches">): (k: Kustomization) => readonly PatchDocument[] {
  const read = new Map<Kustomization, readonly PatchDocument[]>();
  return (k) => {
    let documents = read.get(k);
    if (!documents) {
      documents = k.patches.flatMap((patch) => {
        const text = patch.inline?.text ?? patches.get(patch.file);
        return text === undefined ? [] : patchDocuments(patch, text);
      });
      read.set(k, documents);
    }
    return documents;
  };
}

/**
 * Whether one of `documents` sets the version of `repository` in one of `resources`: one a label selector
 * may pick counts, as whether it does is not known here.
 */
export function setsVersionIn(documents: readonly PatchDocument[], resources: readonly Resource[], repository: string): boolean {
  const only = new Set([repository]);
  return documents.some((doc) => resources.some((resource) => selects(doc.selector, resource) !== false && versionsSet(doc, resource, only).size > 0));
}
