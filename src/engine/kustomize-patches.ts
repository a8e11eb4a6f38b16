/**
 * What a kustomization's patches set in the resources it builds: kustomize applies them before
 * anything deploys, so what a patch writes is deployed instead of what the resource writes. Two such
 * values carry an image's version:
 * - a container's `image:` (a strategic merge's container, a JSON6902 op's value at `…/image`);
 * - a Helm values tag (`spec.values.image.tag` in a strategic merge of a HelmRelease, or an op at
 *   `/spec/values/image/tag`), whose pair is what the patch writes beside it merged key by key over the
 *   patched resource's, as kustomize merges them: its registry and repository each the patch's where it
 *   writes one, else the resource's (an overlay pinning its environment's version writes the tag alone, as
 *   flux2-kustomize-helm-example's do). An op whose path is the mapping (`/spec/values/image`) or above it,
 *   or a strategic merge's `$patch: replace` in it or above it, or a custom resource's list a strategic merge writes above
 *   it (kustomize merges no such list item by item, mergesListItems), replaces the mapping whole: its value is the
 *   pair alone, and a `{tag}` or `{registry, tag}` value names no image known here (replacedTags). A `remove` op,
 *   a `$patch: delete` or a strategic merge's YAML null (`tag: null`, `image: ~`, deletesKey), there or above it (or at
 *   its tag) deletes the resource's version: nothing beside the
 *   directive is deployed. Either way the resource's version there is not deployed: the pair counts as set
 *   (versionsSet), whatever the op or directive writes instead, a tag or none.
 * A patch applies to what kustomize matches it with: its `target:` selector's kind, name and
 * namespace (regular expressions, as kustomize reads them), or a strategic merge's own kind and
 * `metadata.name`. A label or annotation selector is not read: which resources it matches is not known here.
 * Pure: texts in.
 */
import { posix } from "node:path";
import type { FieldWarning } from "../change.js";
import { normalizeRepository, tryParseImageRef, type ImageRef } from "../image/reference.js";
import {
  isUnknownRegistry,
  pairName,
  splitImage,
  unknownRegistryImages,
  unknownRegistryWarning,
  type Registry,
  type UnknownRegistryField,
} from "../image/split-image.js";
import { nextVersion, versionOf, type ImageUpdate, type Version } from "../image/update.js";
import { andList } from "../text/and-list.js";
import { FLUX_HELM } from "../yaml/api-groups.js";
import { overrideAdvice } from "../yaml/argocd-unpaired.js";
import { lineAt } from "../text/line-index.js";
import { tryYamlFile, type YamlFile } from "../yaml/file.js";
import { appliedOps, isOpList, pointerOf, QUOTED_OPS, refusedOpList, refusedOpListSaid, VALUE_OPS } from "../yaml/json-patch.js";
import { DIRECTIVE, deletesKey, directiveOf, mergesListItems } from "../yaml/patch-directive.js";
import { isFlowScalar, mapValue, nodeAt, scalarText, type FlowScalar, type YamlNode } from "../yaml/node.js";
import { formatPath, hasPrefix, samePath, type PathSegment } from "../yaml/path.js";
import { hasPlaceholder } from "../yaml/placeholder.js";
import { readRegistry } from "../yaml/registry.js";
import { forEachValue } from "../yaml/walk.js";
import { graphOf, walk, type Graph, type Kustomization, type KustomizeTree, type Patch, type Selector } from "./kustomize-graph.js";
import { unknownRegistryTag } from "./unknown-registry-tag.js";

/** A value a patch writes: where in the resource, its node, and where in the patch's file (the key a change there names, its line). */
interface PatchField {
  readonly path: readonly PathSegment[];
  readonly node: YamlNode;
  readonly key: string;
  readonly line: number;
  /** What writes it whole, whatever the resource holds there: the JSON6902 op writing it, or the `$patch: replace` (or `delete`) of a strategic merge it is in. */
  readonly op?: PatchOp;
}

/**
 * A JSON6902 `add` or `replace` op: kustomize writes its value at `path`, whatever the resource holds there. A
 * strategic merge's `$patch: replace` in a mapping is one too (name `$patch: replace`, at its `line`, `pointer` the
 * mapping's path as a key): kustomize renders that mapping as the patch writes it, nothing of the resource's. A
 * `remove` op, a `$patch: delete`, or a key a strategic merge writes as YAML's null (name `null`), `deletes`: kustomize
 * renders nothing at `path`, whatever the patch writes beside it.
 */
interface PatchOp {
  /**
   * The op's name (`replace`, `add`, …); for a strategic merge what writes there whole: `$patch: replace` or `$patch: delete`,
   * `null` (a key YAML's null deletes) or `list` (a custom resource's list, which kustomize writes whole: mergesListItems).
   */
  readonly name: string;
  readonly pointer: string;
  readonly path: readonly PathSegment[];
  /** A directive's line in the patch's file (the kustomization's, inline); none for an op. */
  readonly line?: number;
  /** A `remove` op or a `$patch: delete`: nothing is rendered at `path`. */
  readonly deletes?: boolean;
  /**
   * An `add` at a list index (or `-`), or an op writing inside the item one inserted (appliedOps): it inserts its value, the
   * resource's item there moving on, deployed as written.
   */
  readonly inserts?: boolean;
}

/** A scalar a patch writes: one a change may edit. */
interface PatchValue extends PatchField {
  readonly node: FlowScalar;
}

/** One document of a patch (one patch of a multi-document file, or an op list), with what it applies to and the values it writes. */
interface PatchDocument {
  readonly patch: Patch;
  /** The document of the file it is in (the kustomization's own for an inline patch). */
  readonly document: number;
  readonly selector: Selector;
  /** Every value it writes (a mapping, a list, an alias too), and the scalars among them. */
  readonly fields: readonly PatchField[];
  readonly values: readonly PatchValue[];
  /**
   * What it writes whole, keeping nothing of the resource's there: its `add` and `replace` ops (but an `add` into a list,
   * which inserts), its `remove` ops, its `$patch: replace` and `$patch: delete` directives, and its keys written as null.
   */
  readonly wholes: readonly PatchOp[];
  /** The patch parsed and its document's root, where an alias in it is read. */
  readonly yaml: YamlFile;
  readonly root: YamlNode | null;
}

/** A resource a build holds: its file, the document it is, and what a selector matches it by. */
export interface Resource {
  readonly file: string;
  readonly document: number;
  /** The file parsed and the document's root, where an alias in it is read. */
  readonly yaml: YamlFile;
  readonly root: YamlNode;
  readonly apiVersion: string | undefined;
  readonly kind: string | undefined;
  readonly name: string | undefined;
  readonly namespace: string | undefined;
}

/**
 * The documents of a patch, its text being `text` (the patch file's, or the inline text). A change in an
 * inline patch is named as inline-patch.ts names it: `patches[0].patch: spec.values.image.tag`, an op's
 * `patches[0].patch[1].value`. None where kustomize refuses the text (refusedOpList): that build fails, applying nothing.
 */
export function patchDocuments(patch: Patch, text: string): PatchDocument[] {
  return refusedOpList(text, patch.inline !== undefined) ? [] : yamlDocuments(patch, text);
}

/** The documents of a patch kustomize refuses to read (refusedOpList), read as YAML for the run to say where a tag in it is left; none of any other patch. */
function refusedPatchDocuments(patch: Patch, text: string): PatchDocument[] {
  return refusedOpList(text, patch.inline !== undefined) ? yamlDocuments(patch, text) : [];
}

/** A patch's documents as YAML reads its text, whether kustomize reads it or not. */
function yamlDocuments(patch: Patch, text: string): PatchDocument[] {
  const yaml = tryYamlFile(text.replace(/^\uFEFF/, ""));
  if (!yaml) return [];
  const inline = patch.inline;
  const at = inline && formatPath(inline.at);
  const lineOf = (node: YamlNode) => (inline ? inline.line - 1 : 0) + lineAt(text, node.start);
  return yaml.documents.flatMap(({ root }, index): PatchDocument[] => {
    const document = inline ? 0 : index;
    const fields: PatchField[] = [];
    const add = (node: YamlNode, path: readonly PathSegment[], written: readonly PathSegment[], op: PatchOp | undefined) => {
      const key = at === undefined ? formatPath(written) : op && op.line === undefined ? `${at}${formatPath(written)}` : `${at}: ${formatPath(written)}`;
      fields.push({ path, node, key, line: lineOf(node), op });
    };
    const values = () => fields.filter((field): field is PatchValue => isFlowScalar(field.node));
    if (patch.kind !== "strategic-merge" && isOpList(root) && root?.kind === "seq") {
      if (!patch.target) return [];
      const wholes: PatchOp[] = [];
      // Kustomize applies the ops in order (appliedOps): each at its place in the resource, and what a later op overwrites of an earlier one's value not rendered.
      for (const { index, name, pointer, path, inserts, values: written } of appliedOps(root)) {
        // What an op writes inside an inserted item replaces (or deletes) none of the resource's.
        if (name === "remove" && !inserts) wholes.push({ name, pointer, path, deletes: true });
        if (!VALUE_OPS.has(name)) continue;
        const op: PatchOp = { name, pointer, path, inserts };
        if (!inserts) wholes.push(op);
        for (const value of written) add(value.node, [...path, ...value.path], [index, "value", ...value.path], op);
      }
      return [{ patch, document, selector: patch.target, fields, values: values(), wholes, yaml, root }];
    }
    if (patch.kind === "json6902" || root?.kind !== "map") return [];
    const directives: PatchOp[] = [];
    // A key whose value is YAML's null is deleted, as by a `remove` op at it: kustomize renders no such key.
    const nulls = new Map<YamlNode, PatchOp>();
    const listsWhole = !mergesListItems(root);
    forEachValue(root, ({ node, path }) => {
      if (deletesKey(root, node, path)) nulls.set(node, { name: "null", pointer: formatPath(path), path, line: lineOf(node), deletes: true });
      // A custom resource's list is written whole, as a `$patch: replace` writes a mapping: at its key's line.
      if (listsWhole && node.kind === "map") {
        for (const { key, value } of node.pairs) {
          const name = scalarText(key);
          if (value?.kind !== "seq" || name === undefined) continue;
          const at = [...path, name];
          directives.push({ name: "list", pointer: formatPath(at), path: at, line: lineOf(key) });
        }
      }
      const directive = directiveOf(root, node, path);
      if (node.kind !== "map" || (directive !== "replace" && directive !== "delete")) return;
      const name = `${DIRECTIVE}: ${directive}`;
      directives.push({ name, pointer: formatPath(path), path, line: lineOf(mapValue(node, DIRECTIVE)!), deletes: directive === "delete" });
    });
    // The outermost first: what a field is written whole (or deleted) by.
    directives.sort((a, b) => a.path.length - b.path.length);
    forEachValue(root, ({ node, path }) => {
      // The directive is kustomize's, never rendered: no field of the resource's, nor one to edit.
      if (path.includes(DIRECTIVE)) return;
      const whole = directives.find((r) => hasPrefix(path, r.path));
      add(node, path, path, whole);
    });
    const metadata = (key: string) => scalarText(nodeAt(root, ["metadata", key]));
    const own: Selector = { kind: scalarText(mapValue(root, "kind")), name: metadata("name"), namespace: metadata("namespace") };
    // A null is no value to edit: kustomize renders none there.
    const written = values().filter((value) => !nulls.has(value.node));
    return [{ patch, document, selector: patch.target ?? own, fields, values: written, wholes: [...directives, ...nulls.values()], yaml, root }];
  });
}

/** The resources of a manifest file: each document naming a kind. */
export function resourcesOf(file: string, text: string): Resource[] {
  const yaml = tryYamlFile(text.replace(/^\uFEFF/, ""));
  if (!yaml) return [];
  return yaml.documents.flatMap(({ root, object }, document) =>
    root?.kind === "map" && object.kind !== undefined
      ? [{ file, document, yaml, root, apiVersion: object.apiVersion, kind: object.kind, name: object.name, namespace: object.namespace }]
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
function helmTagMapping({ path }: { readonly path: readonly PathSegment[] }): readonly PathSegment[] | undefined {
  return path.length > 3 && path[0] === "spec" && path[1] === "values" && path[path.length - 1] === "tag" ? path.slice(0, -1) : undefined;
}

/** The repository (normalised) and its name as written (with its registry) of the Helm mapping at `mapping` as kustomize merges the patch over the resource (helmPair). */
function helmRepository(
  doc: PatchDocument,
  resource: Resource,
  mapping: readonly PathSegment[],
  merged?: boolean,
): { name: string; repository: string } | undefined {
  const pair = helmPair(doc, resource, mapping, merged);
  const name = pair && pairName(pair.registry, pair.repository);
  if (name === undefined) return undefined;
  const normal = normalizeRepository(name);
  return normal === undefined ? undefined : { name, repository: normal };
}

/**
 * The Helm mapping at `mapping` as kustomize deploys it, merging the patch over the resource key by key: its
 * repository as written and what its registry names (readRegistry, through an alias in the document that writes
 * it), each the patch's where the patch writes it, else the resource's. A pair of the patch's own (ownPair), or a
 * mapping an op replaces whole (`merged` false, replacingOp), takes nothing of the resource's. `registryField` is
 * the patch's registry field where the registry is the patch's.
 */
function helmPair(
  doc: PatchDocument,
  resource: Resource,
  mapping: readonly PathSegment[],
  merged = replacingOp(doc, mapping) === undefined,
): { repository: string; registry: Registry; registryField: PatchField | undefined } | undefined {
  const own = ownField(doc, mapping);
  // Each side's repository as it spells it: a patch's `name:` is its image, though the resource writes `repository:`.
  const patched = splitImage((key) => own(key)?.node);
  const image = merged ? resourceFields(resource, mapping) : undefined;
  const repository = scalarText(patched.repository ?? image?.repository);
  // A repository the patch deletes names none: the pair is no image known here.
  if (repository === undefined || nullRepository(doc, mapping)) return undefined;
  const registryField = own("registry");
  if (!image || registryField || ownPair(own)) {
    return { repository, registry: readRegistry(doc.yaml, doc.root, registryField?.node), registryField };
  }
  return { repository, registry: image.registry, registryField };
}

/** The Helm fields `resource` writes at `mapping` by itself: its repository's node (or its `name:`'s) and what its registry names. */
function resourceFields(resource: Resource, mapping: readonly PathSegment[]): { repository: YamlNode | undefined; registry: Registry } {
  const image = splitImage((key) => nodeAt(resource.root, [...mapping, key]) ?? undefined);
  return { repository: image.repository, registry: readRegistry(resource.yaml, resource.root, image.registry) };
}

/**
 * The op of `doc` that replaces the mapping at `mapping` whole: its path is that mapping or above it, so kustomize
 * writes its value there and keeps nothing of the resource's (`replace /spec/values/image` with `{tag: v2}`
 * deploys `{tag: v2}`); or a strategic merge's `$patch: replace` there or above it, which kustomize renders so too;
 * or its `$patch: delete` (`deletes`), which renders nothing there, what the patch writes beside it neither.
 * An op into the mapping (`/spec/values/image/tag`) is merged over it.
 */
function replacingOp(doc: PatchDocument, mapping: readonly PathSegment[]): PatchOp | undefined {
  return doc.fields.find((f) => f.op !== undefined && f.op.path.length <= mapping.length && hasPrefix(f.path, mapping))?.op ?? nullRepository(doc, mapping);
}

/**
 * A strategic merge's YAML null at the mapping's repository (`repository: null`, or its `name:`), which deletes the
 * resource's (deletesKey): kubectl kustomize renders the pair without one (`{registry: ghcr.io, tag: 6.0.0}`), Helm's
 * chart default, so nothing of the resource's image is deployed there, as under an op replacing the mapping.
 */
function nullRepository(doc: PatchDocument, mapping: readonly PathSegment[]): PatchOp | undefined {
  const field = splitImage(ownField(doc, mapping)).repository;
  return field && doc.wholes.find(({ name, path }) => name === "null" && samePath(path, field.path));
}

/**
 * Whether the patch writes a Helm pair of its own at a mapping (`own` its fields): `registry:` beside its repository, or
 * the image as `name:` (Argo CD Image Updater's spelling, the image whole). A `repository:` alone takes the resource's
 * registry, as kustomize merges it.
 */
function ownPair(own: (key: string) => PatchField | undefined): boolean {
  const { repository, registry } = splitImage(own);
  return repository !== undefined && (registry !== undefined || own("repository") === undefined);
}

/** The field `key` a patch writes of the mapping at `mapping`, whatever its value (a mapping, an alias). */
function ownField(doc: PatchDocument, mapping: readonly PathSegment[]): (key: string) => PatchField | undefined {
  return (key) => doc.fields.find((f) => f.path.length === mapping.length + 1 && f.path[mapping.length] === key && hasPrefix(f.path, mapping));
}

/**
 * The repositories (normalised) of `repositories` whose version `doc` sets in `resource` (which it applies
 * to): a container image with a tag or digest, or a Helm tag whose pair, the patch's or the resource's, is
 * of that repository; and the resource's pair in a mapping an op or directive replaces or deletes, version and all,
 * whether or not it writes a tag there (replacedPairs; beside a tag, one the resource writes no tag in too).
 */
export function versionsSet(doc: PatchDocument, resource: Resource, repositories: ReadonlySet<string>): Set<string> {
  const set = new Set<string>();
  for (const mapping of replacedPairs(doc, resource)) {
    const repository = resourcePair(resource, mapping)?.repository;
    if (repository && repositories.has(repository)) set.add(repository);
  }
  for (const value of doc.values) {
    if (value.path[value.path.length - 1] === "image") {
      const ref = tryParseImageRef(value.node.text);
      if (ref && (ref.tag !== undefined || ref.digest !== undefined) && repositories.has(ref.repository)) set.add(ref.repository);
      continue;
    }
    const mapping = helmTagMapping(value);
    if (!mapping) continue;
    // An inserted item replaces none of the resource's: its item at that index moves on, its version deployed.
    const op = replacingOp(doc, mapping);
    const replaced = op && !op.inserts && resourcePair(resource, mapping)?.repository;
    for (const repository of [helmRepository(doc, resource, mapping)?.repository, replaced]) {
      if (repository && repositories.has(repository)) set.add(repository);
    }
  }
  return set;
}

/**
 * The Helm mappings of `resource` whose version `doc` replaces or deletes (its wholes: an op, a `$patch: replace` or
 * `delete`): each at the path written whole or below it, its tag and all, whatever the patch writes there instead
 * (`replace /spec/values` with `{replicaCount: 2}` deploys no tag of the resource's), or the one whose tag alone is
 * written (`remove /spec/values/image/tag` deploys the chart's default tag). Such an op is a mapping's whole op for the
 * fields the patch writes there too (replacingOp).
 */
function replacedPairs(doc: PatchDocument, resource: Resource): (readonly PathSegment[])[] {
  return doc.wholes.flatMap(({ name, path }) => {
    const mappings: (readonly PathSegment[])[] = [];
    // A null at a pair's repository deletes the image, its version with it (nullRepository).
    const last = path[path.length - 1];
    if (name === "null" && (last === "repository" || last === "name")) mappings.push(path.slice(0, -1));
    forEachValue(nodeAt(resource.root, path) ?? null, (at) => {
      const mapping = helmTagMapping({ path: [...path, ...at.path] });
      if (mapping) mappings.push(mapping);
    });
    return mappings;
  });
}

/**
 * The Helm pair `resource` writes at `mapping` by itself: its repository as written, its line, what its registry
 * names, and its name (with that registry) normalised, where it reads one.
 */
function resourcePair(
  resource: Resource,
  mapping: readonly PathSegment[],
): { written: string; line: number; registry: Registry; repository: string | undefined } | undefined {
  const { repository: node, registry } = resourceFields(resource, mapping);
  const written = scalarText(node);
  if (written === undefined) return undefined;
  const name = pairName(registry, written);
  return { written, line: resource.yaml.lineAt(node!.start), registry, repository: name === undefined ? undefined : normalizeRepository(name) };
}

/**
 * A Helm tag a patch writes with no pair of its own beside it (ownPair): alone, or with a `repository:` and no
 * `registry:`. Its pair is the patched resource's, merged with what the patch writes (helmPair).
 */
interface LoneTag {
  readonly value: PatchValue;
  readonly mapping: readonly PathSegment[];
  /** The patch writes the repository: the resource gives the registry alone. */
  readonly ownRepository: boolean;
}

/**
 * The lone Helm tags of a patch document, but those a template or substitution fills in (`${TAG}`), and those of a
 * mapping an op replaces whole: with a repository it is a pair of its own, which the Helm editor reads; without one
 * it names no image known here (replacedTags).
 */
export function loneTags(doc: PatchDocument): LoneTag[] {
  return doc.values.flatMap((value) => {
    const mapping = helmTagMapping(value);
    if (!mapping || hasPlaceholder(value.node.text) || replacingOp(doc, mapping)) return [];
    const own = ownField(doc, mapping);
    return ownPair(own) ? [] : [{ value, mapping, ownRepository: splitImage(own).repository !== undefined }];
  });
}

/**
 * The Helm tags a strategic merge writes as YAML's null beside a repository of its own (`{registry, repository, tag:
 * null}`), each with the pair's name as the patch writes it: kustomize deletes the tag, the base's too, so the overlay
 * deploys the chart's default. Not a tag waiting to be filled, as a null in a values file is (the Helm editor's reading):
 * filling it would deploy a version where the patch asks for none.
 */
function nullTags(doc: PatchDocument): { field: PatchField; name: string }[] {
  return doc.wholes.flatMap(({ name, path }) => {
    const mapping = name === "null" ? helmTagMapping({ path }) : undefined;
    const field = mapping && doc.fields.find((f) => samePath(f.path, path));
    if (!mapping || !field) return [];
    const pair = ownPairName(splitImage(ownField(doc, mapping)), doc);
    return pair === undefined ? [] : [{ field, name: pair }];
  });
}

/**
 * The Helm tags of an op list whose mapping an op replaces whole, or inserts (in an item an `add` puts into a list), and whose
 * pair's other fields another op writes (`replace /spec/values/image` with `{tag: 1.0.0}`, then `add
 * /spec/values/image/repository`; `add /spec/values/sidecars/0` with `{image: {repository: …}}`, then `replace
 * /spec/values/sidecars/0/image/tag`): kustomize renders them as one pair, which the Helm editor, reading each op's value
 * alone, does not see. Each with the pair's name, and the line of its repository.
 */
function splitPairTags(doc: PatchDocument): { value: PatchValue; name: string; line: number }[] {
  return doc.values.flatMap((value) => {
    const mapping = helmTagMapping(value);
    const op = mapping && replacingOp(doc, mapping);
    if (!op || op.line !== undefined || op.deletes || hasPlaceholder(value.node.text)) return [];
    const { repository, registry } = splitImage(ownField(doc, mapping));
    if (!repository || [repository, registry].every((field) => field === undefined || field.op === value.op)) return [];
    const name = ownPairName({ repository, registry }, doc);
    return name === undefined ? [] : [{ value, name, line: repository.line }];
  });
}

/** The name (with its registry) of the Helm pair a patch writes by itself, of its own `repository` and `registry` fields alone. */
function ownPairName({ repository, registry }: { repository?: PatchField; registry?: PatchField }, doc: PatchDocument): string | undefined {
  const written = scalarText(repository?.node);
  return written === undefined ? undefined : pairName(readRegistry(doc.yaml, doc.root, registry?.node), written);
}

/** A Helm tag in a mapping an op replaces whole, with no repository beside it: Helm takes the chart's default one, which is not read here. */
interface ReplacedTag {
  readonly value: PatchValue;
  readonly mapping: readonly PathSegment[];
  readonly op: PatchOp;
}

/**
 * The Helm tags of a patch document whose mapping an op replaces whole without a repository: no image known here, left
 * (and said, patchedTags). One a `$patch: delete` removes deploys nothing: left, and nothing to say.
 */
export function replacedTags(doc: PatchDocument): ReplacedTag[] {
  return doc.values.flatMap((value) => {
    const mapping = helmTagMapping(value);
    const op = mapping && replacingOp(doc, mapping);
    // A tag in an item an op inserts is no tag of the resource's item at that index, which moves on as written: nothing to say.
    if (!op || op.inserts || hasPlaceholder(value.node.text)) return [];
    // Beside a repository the patch deletes, the tag is deployed with none: no image known here.
    if (op !== nullRepository(doc, mapping) && (op.deletes || splitImage(ownField(doc, mapping)).repository !== undefined)) return [];
    return [{ value, mapping, op }];
  });
}

/**
 * The pair a lone tag sets in `resource`: its repository (normalised), its name as written and the line the resource
 * writes its part on (its repository, or its registry beside a patch's own repository); undefined when it has none there.
 */
export function pairOf(doc: PatchDocument, tag: LoneTag, resource: Resource): { name: string; repository: string; line: number } | undefined {
  const pair = helmRepository(doc, resource, tag.mapping);
  const image = splitImage((key) => nodeAt(resource.root, [...tag.mapping, key]) ?? undefined);
  const node = tag.ownRepository ? image.registry : image.repository;
  return pair && node ? { ...pair, line: resource.yaml.lineAt(node.start) } : undefined;
}

/** Whether `resource` gives the registry of a lone tag's pair where the patch writes its repository: it writes one, not YAML's null. */
function givesRegistry(tag: LoneTag, resource: Resource): boolean {
  const node = nodeAt(resource.root, [...tag.mapping, "registry"]);
  return readRegistry(resource.yaml, resource.root, node) !== undefined;
}

/** The registry field of a lone tag's pair in `resource` where this run cannot read it (a mapping, a template), as unknownRegistryWarning names it, and the repository beside it. */
function unknownRegistryOf(doc: PatchDocument, tag: LoneTag, resource: Resource): { repository: string; registry: UnknownRegistryField } | undefined {
  const pair = helmPair(doc, resource, tag.mapping);
  if (!pair || !isUnknownRegistry(pair.registry)) return undefined;
  // The registry field is the patch's where it writes one, else the resource's.
  const own = pair.registryField;
  const path = [...tag.mapping, "registry"];
  const node = own?.node ?? nodeAt(resource.root, path)!;
  const yaml = own ? doc.yaml : resource.yaml;
  const field = own ? `${own.key} in ${doc.patch.file}` : `${formatPath(path)} in ${resource.file}`;
  return {
    repository: pair.repository,
    registry: { field, line: own ? own.line : yaml.lineAt(node.start), written: yaml.text.slice(node.start, node.end), why: pair.registry.unknown },
  };
}

/**
 * The documents of a kustomization's patches, each kustomization's read once: an inline patch's text is its own, a patch
 * file's the tree's (`patches`), read by `documents` (refusedPatchDocuments: those kustomize refuses to read instead).
 */
export function patchReader(
  { patches }: Pick<KustomizeTree, "patches">,
  documents: (patch: Patch, text: string) => PatchDocument[] = patchDocuments,
): (k: Kustomization) => readonly PatchDocument[] {
  const read = new Map<Kustomization, readonly PatchDocument[]>();
  return (k) => {
    let found = read.get(k);
    if (!found) {
      found = k.patches.flatMap((patch) => {
        const text = patch.inline?.text ?? patches.get(patch.file);
        return text === undefined ? [] : documents(patch, text);
      });
      read.set(k, found);
    }
    return found;
  };
}

/**
 * The patches of a kustomization kustomize refuses to read (refusedOpList), whatever they target: kubectl kustomize
 * fails that build ("unable to parse SM or JSON patch"), and every build including it, so it deploys nothing.
 */
function refusedPatches({ patches }: Pick<KustomizeTree, "patches">, k: Kustomization): Patch[] {
  return k.patches.filter((patch) => {
    const text = patch.inline?.text ?? patches.get(patch.file);
    return text !== undefined && refusedOpList(text, patch.inline !== undefined);
  });
}

/**
 * Whether a kustomization's build fails: it, or one it includes however deep, has a patch kustomize refuses to read
 * (refusedPatches). Such a build deploys nothing, neither what it builds nor what its patches write.
 */
export function failsBuild(tree: Pick<KustomizeTree, "patches">, graph: Pick<Graph, "at">): (k: Kustomization) => boolean {
  const known = new Map<Kustomization, boolean>();
  const fails = (k: Kustomization): boolean => {
    const found = known.get(k);
    if (found !== undefined) return found;
    // A cycle (kustomize refuses it) adds no failure of its own.
    known.set(k, false);
    const failing =
      refusedPatches(tree, k).length > 0 || [...k.resources, ...k.components].some((path) => graph.at(path) !== undefined && fails(graph.at(path)!));
    known.set(k, failing);
    return failing;
  };
  return fails;
}

/**
 * Whether one of `documents` sets the version of `repository` in one of `resources`: one a label selector
 * may pick counts, as whether it does is not known here.
 */
export function setsVersionIn(documents: readonly PatchDocument[], resources: readonly Resource[], repository: string): boolean {
  const only = new Set([repository]);
  return documents.some((doc) => resources.some((resource) => selects(doc.selector, resource) !== false && versionsSet(doc, resource, only).size > 0));
}

/** A lone tag a patch writes over one resource's pair of an incoming repository: what that resource deploys, edited as the pair's tag. */
interface PairedTag extends TagPlace {
  readonly line: number;
  /** Whether the patch is written inline, in a kustomization, and the tag as it is written. */
  readonly inline: boolean;
  readonly written: string;
  /** The patch writes the repository beside the tag: the resource gives its registry (LoneTag); that repository as written and its line. */
  readonly ownRepository: boolean;
  readonly repositoryField?: { readonly written: string; readonly line: number };
  /** The pair's repository (normalised), as the resource writes it (with its registry), and where: `file:line`. */
  readonly repository: string;
  readonly name: string;
  readonly base: string;
}

/** A lone tag over a pair of an incoming repository whose patch applies to more than that resource, or by a label selector: not edited. */
interface UnpairedTag extends Omit<PairedTag, "name" | "base"> {
  /** The resources holding the pair, `file:line`. */
  readonly bases: readonly string[];
  /** Why the patch's resource is not known exactly. */
  readonly why: string;
}

/** A lone tag over a pair whose registry this run cannot read: no image it knows, so not edited, and said at the patch. */
interface UnknownRegistryTag extends Omit<PairedTag, "repository" | "name" | "base"> {
  /** The pair's repository as the resource writes it, without the registry, and that registry field. */
  readonly repository: string;
  readonly registry: UnknownRegistryField;
}

/**
 * A tag in a mapping an op replaces whole, without a repository (ReplacedTag), over a base whose pair an incoming image
 * is, or would be with the patch's fields merged over it: the op drops the base's repository, so it is not edited, and said.
 */
interface ReplacedOverTag {
  /** The patch's file (the kustomization's, for an inline patch), the key a change names the tag by, and the tag as it is written. */
  readonly file: string;
  readonly key: string;
  readonly line: number;
  readonly written: string;
  /** The incoming repositories (normalised) the tag would be read as. */
  readonly repositories: readonly string[];
  readonly op: PatchOp;
  /** The mapping the op replaces. */
  readonly mapping: readonly PathSegment[];
  /** The base's repository as it writes it, where (`file:line`), and its registry where the patch writes none. */
  readonly repository: string;
  readonly base: string;
  readonly registry: string | undefined;
}

/** Where a patch writes a tag: the patch's file (the kustomization's, for an inline patch), its document and the key a change names the tag by. */
interface TagPlace {
  readonly file: string;
  readonly document: number;
  readonly key: string;
}

/** The place of the tag `key` in `doc`. */
function tagPlace(doc: PatchDocument, key: string): TagPlace {
  return { file: doc.patch.file, document: doc.document, key };
}

/** A place as the text a tag is kept by, each place once. */
function placeId({ file, document, key }: TagPlace): string {
  return `${file}:${document}:${key}`;
}

/** A Helm tag a strategic merge writes as YAML's null beside a pair of its own of an incoming repository (nullTags): left, and said. */
interface NullTag extends TagPlace {
  readonly line: number;
  /** The pair's repository (normalised). */
  readonly repository: string;
}

/**
 * The lone Helm tags the tree's patches write over pairs of `incoming` repositories: each paired with the
 * one resource its patch applies to in its kustomization's build (the files it builds, `read` when first
 * needed), or, where that is not one resource known exactly, unpaired; and the tags of mappings an op replaces
 * whole over such pairs (replaced), and the lone tags over such pairs of patches kustomize refuses (refused: not edited,
 * and the patch's file is edited for the Helm editor to say so at the patch, inline-patch.ts); the tags of a
 * kustomization whose build fails (failsBuild) are left (failed), with its refused patches' files (refusedFiles). Only
 * kustomizations naming a patch are parsed, and builds read only for a patch writing a tag alone or replacing its mapping.
 */
async function pairedTagsOf(
  tree: KustomizeTree,
  incoming: readonly ImageRef[],
  read: (path: string) => Promise<string | undefined>,
): Promise<{
  paired: PairedTag[];
  unpaired: UnpairedTag[];
  unknownRegistry: UnknownRegistryTag[];
  replaced: ReplacedOverTag[];
  refused: TagPlace[];
  nulled: NullTag[];
  failed: TagPlace[];
  refusedFiles: string[];
}> {
  const repositories = new Set(incoming.map((image) => image.repository));
  const graph = graphOf(tree, incoming);
  const documentsOf = patchReader(tree);
  const refusedOf = patchReader(tree, refusedPatchDocuments);
  const resources = new Map<string, Promise<Resource[]>>();
  const resourcesAt = (path: string) => {
    let found = resources.get(path);
    if (!found) resources.set(path, (found = read(path).then((text) => (text === undefined ? [] : resourcesOf(path, text)))));
    return found;
  };
  const paired = new Map<string, PairedTag>();
  const unpaired = new Map<string, UnpairedTag>();
  const unknownRegistry = new Map<string, UnknownRegistryTag>();
  const replaced = new Map<string, ReplacedOverTag>();
  const refused = new Map<string, TagPlace>();
  const nulled = new Map<string, NullTag>();
  const failed = new Map<string, TagPlace>();
  const refusedFiles = new Set<string>();
  const fails = failsBuild(tree, graph);
  for (const { file, text } of tree.kustomizations) {
    const k = text.includes("atch") ? graph.at(posix.dirname(file)) : undefined;
    const documents = k?.file === file ? documentsOf(k) : [];
    // A build through a patch kustomize refuses fails: nothing its patches write is deployed, each tag left and none said.
    const failing = k?.file === file && fails(k);
    for (const doc of failing ? [] : documents) {
      const own = ownPairTags(doc, repositories);
      for (const tag of own.nulled) nulled.set(placeId(tag), tag);
      for (const tag of own.paired) paired.set(placeId(tag), tag);
    }
    const lone = documents.flatMap((doc) => loneTags(doc).map((tag) => ({ doc, tag })));
    const wholes = failing ? [] : documents.flatMap((doc) => replacedTags(doc).map((tag) => ({ doc, tag })));
    const misread = k?.file === file ? refusedOf(k).flatMap((doc) => loneTags(doc).map((tag) => ({ doc, tag }))) : [];
    const split = failing ? documents.flatMap((doc) => splitPairTags(doc).map(({ value, name }) => ({ doc, value, name }))) : [];
    if (lone.length === 0 && wholes.length === 0 && misread.length === 0 && split.length === 0) continue;
    const built = (await Promise.all(builtFiles(graph, k!).map(resourcesAt))).flat();
    const over = (doc: PatchDocument, tag: LoneTag) =>
      built.some((resource) => selects(doc.selector, resource) !== false && repositories.has(pairOf(doc, tag, resource)?.repository ?? ""));
    for (const { doc, tag } of misread) {
      const place = tagPlace(doc, tag.value.key);
      if (over(doc, tag)) refused.set(placeId(place), place);
    }
    if (failing) {
      const tags = [
        ...lone.map(({ doc, tag }) => ({ doc, value: tag.value, over: over(doc, tag) })),
        ...split.map(({ doc, value, name }) => ({ doc, value, over: repositories.has(normalizeRepository(name) ?? "") })),
      ];
      for (const { doc, value } of tags) {
        const place = tagPlace(doc, value.key);
        failed.set(placeId(place), place);
      }
      // Where one is of an incoming image, the refused patches are read for the editor to say why the build fails, at them.
      if (!tags.some((tag) => tag.over)) continue;
      for (const patch of walk(graph, [k!]).flatMap((r) => refusedPatches(tree, r))) refusedFiles.add(patch.file);
      continue;
    }
    for (const { doc, tag } of wholes) {
      const at = placeId(tagPlace(doc, tag.value.key));
      const over = replaced.has(at) ? undefined : replacedOver(doc, tag, built, repositories);
      if (over) replaced.set(at, over);
    }
    for (const { doc, tag } of lone) {
      const at = placeId(tagPlace(doc, tag.value.key));
      if (paired.has(at) || unpaired.has(at) || unknownRegistry.has(at)) continue;
      const picked = built.flatMap((resource) => {
        const selected = selects(doc.selector, resource);
        return selected === false ? [] : [{ resource, selected }];
      });
      // A patch's own repository over resources giving no registry is a pair of its own, which the Helm editor reads.
      if (tag.ownRepository && !picked.some(({ resource }) => givesRegistry(tag, resource))) continue;
      // One the patch names is paired whatever image it merges into: the patch alone names another (patchedTags).
      const holders = picked.flatMap(({ resource }) => {
        const pair = pairOf(doc, tag, resource);
        return pair && (tag.ownRepository || repositories.has(pair.repository)) ? [{ ...pair, base: `${resource.file}:${pair.line}` }] : [];
      });
      const { line, key } = tag.value;
      const { ownRepository } = tag;
      const field = ownRepository ? ownField(doc, tag.mapping)("repository") : undefined;
      const written = field && scalarText(field.node);
      const repositoryField = field && written !== undefined ? { written, line: field.line } : undefined;
      const where = {
        ...tagPlace(doc, key),
        line,
        inline: !!doc.patch.inline,
        written: tag.value.node.text,
        ownRepository,
        repositoryField,
      };
      if (holders.length === 0) {
        // A pair beside a registry this run cannot read names no image it knows: said at the patch (patchedTags).
        const unknown = picked.map(({ resource }) => unknownRegistryOf(doc, tag, resource)).find((pair) => pair !== undefined);
        if (unknown) unknownRegistry.set(at, { ...where, ...unknown });
        continue;
      }
      const { repository, name, base } = holders[0]!;
      if (picked.length === 1 && picked[0]!.selected) paired.set(at, { ...where, repository, name, base });
      else {
        const why = picked.some(({ selected }) => selected === undefined) ? "a label or annotation selector" : `kind and name to ${picked.length} resources`;
        unpaired.set(at, { ...where, repository, bases: holders.map((h) => h.base), why });
      }
    }
  }
  return {
    paired: [...paired.values()],
    unpaired: [...unpaired.values()],
    unknownRegistry: [...unknownRegistry.values()],
    replaced: [...replaced.values()],
    refused: [...refused.values()],
    nulled: [...nulled.values()],
    failed: [...failed.values()],
    refusedFiles: [...refusedFiles],
  };
}

/**
 * The tags of `doc` whose pair the patch writes by itself, known without the build's resources: its null tags of pairs
 * of `repositories` (nullTags, left and said), and the tags of a pair split over ops (splitPairTags), paired whatever image
 * it is, for the Helm editor not to read one op's value as a pair by itself.
 */
function ownPairTags(doc: PatchDocument, repositories: ReadonlySet<string>): { nulled: NullTag[]; paired: PairedTag[] } {
  const nulled = nullTags(doc).flatMap(({ field, name }) => {
    const repository = normalizeRepository(name);
    return repository !== undefined && repositories.has(repository) ? [{ ...tagPlace(doc, field.key), line: field.line, repository }] : [];
  });
  const paired = splitPairTags(doc).flatMap(({ value, name, line }) => {
    const repository = normalizeRepository(name);
    if (repository === undefined) return [];
    const place = tagPlace(doc, value.key);
    const base = `${place.file}:${line}`;
    return [{ ...place, line: value.line, inline: !!doc.patch.inline, written: value.node.text, ownRepository: false, repository, name, base }];
  });
  return { nulled, paired };
}

/**
 * A tag in a mapping an op replaces whole, over the first of `built` it may apply to whose pair there is of one of
 * `repositories`, as the resource writes it or with the patch's fields merged over it (what it was once read as).
 */
function replacedOver(doc: PatchDocument, tag: ReplacedTag, built: readonly Resource[], repositories: ReadonlySet<string>): ReplacedOverTag | undefined {
  const { value, mapping, op } = tag;
  for (const resource of built) {
    if (selects(doc.selector, resource) === false) continue;
    const pair = resourcePair(resource, mapping);
    if (!pair) continue;
    // A registry the patch writes is deployed, whatever repository Helm takes: the base's own image is not the tag's, the
    // one under that registry (a merge key by key) may be, which the advice's repository makes it.
    const ownRegistry = ownField(doc, mapping)("registry") !== undefined;
    const merged = helmRepository(doc, resource, mapping, true)?.repository;
    const over = [...new Set(ownRegistry ? [merged] : [pair.repository, merged])].flatMap((r) => (r !== undefined && repositories.has(r) ? [r] : []));
    if (over.length === 0) continue;
    const { written, line, registry } = pair;
    return {
      file: doc.patch.file,
      key: value.key,
      line: value.line,
      written: value.node.text,
      repositories: over,
      op,
      mapping,
      repository: written,
      base: `${resource.file}:${line}`,
      // Written beside the repository only where the patch writes no registry of its own.
      registry: ownRegistry || typeof registry !== "string" ? undefined : registry,
    };
  }
  return undefined;
}

/** The files a kustomization's build holds resources of: what it and the kustomizations it includes list, but their patch files and kustomizations. */
function builtFiles(graph: Graph, k: Kustomization): string[] {
  const files = new Set<string>();
  for (const included of walk(graph, [k])) {
    const patches = new Set(included.patches.map((patch) => patch.file));
    for (const path of included.resources) if (!graph.at(path) && !patches.has(path)) files.add(path);
  }
  return [...files];
}

/** What the pairing reads of a run (plan.ts's RunContext). */
export interface PatchRun {
  readonly valid: { readonly images: readonly ImageRef[] };
  /** Whether the run edits a file (it is in the paths). */
  readonly inScope: (path: string) => boolean;
  /** The incoming images a file takes, with its target's policy. */
  readonly updatesFor: (path: string) => readonly ImageUpdate[];
  /** Whether an override (configured or `--set`) of a file names a field: it is the override's to set. */
  readonly overridden: (file: string, field: string) => boolean;
}

/**
 * The lone tags to edit, by file and document, each key to the name of its pair's repository, or undefined for a
 * tag beside a patch's own repository whose image is not known here, which is left (EditRequest.pairedTags).
 */
export type PairedTags = ReadonlyMap<string, ReadonlyMap<number, ReadonlyMap<string, string | undefined>>>;

/**
 * The lone tags of the files this run edits, paired with their base's repository (pairedTagsOf), but those an
 * override sets; and a warning at each lone tag not paired, where its target's policy would move it, naming its
 * bases and how to set it, or, over a pair whose registry this run cannot read, where an incoming image may be
 * that pair's and its tag would move (unknownRegistryImages), naming the registry field as the Helm editor does. A
 * paired tag's own repository merged over its base's registry is put in `mergedOver`, for the run to say which name it has.
 */
export async function patchedTags(
  run: PatchRun,
  tree: KustomizeTree,
  read: (path: string) => Promise<string | undefined>,
  warnings: FieldWarning[],
  mergedOver: MergedOverBase[] = [],
): Promise<PairedTags> {
  const { paired, unpaired, unknownRegistry, replaced, refused, nulled, failed, refusedFiles } = await pairedTagsOf(tree, run.valid.images, read);
  const byFile = new Map<string, Map<number, Map<string, string | undefined>>>();
  const pair = (tag: TagPlace, name: string | undefined) => {
    if (!run.inScope(tag.file) || run.overridden(tag.file, tag.key)) return;
    const documents = byFile.get(tag.file) ?? new Map<number, Map<string, string | undefined>>();
    byFile.set(tag.file, documents.set(tag.document, (documents.get(tag.document) ?? new Map<string, string | undefined>()).set(tag.key, name)));
  };
  for (const tag of paired) {
    // No editor edits a patch file written as JSON: the tag is said instead (jsonPatchWarnings).
    if (!isJsonPatchFile(tag.file)) pair(tag, tag.name);
    else if (run.inScope(tag.file)) jsonVersionWarning(run, tag.file, tag, tag.name, versionOf(tag.written, undefined), warnings);
  }
  mergedOver.push(...mergedOverBases(run, paired));
  // The Helm editor would read a patch's own repository as an image without the registry kustomize gives it: it is left.
  for (const tag of [...unpaired, ...unknownRegistry]) if (tag.ownRepository) pair(tag, undefined);
  // No editor reads a patch file written as JSON to say why kustomize refuses it: said here, once (jsonPatchWarnings may have).
  const refusedJson = (file: string) => {
    if (run.inScope(file) && !warnings.some((w) => w.file === file && w.message === REFUSED_JSON)) warnings.push({ file, line: 1, message: REFUSED_JSON });
  };
  // A tag in a patch kustomize refuses is left too, its file edited for the editor to say why at the patch.
  for (const tag of refused) {
    if (isJsonPatchFile(tag.file)) refusedJson(tag.file);
    else pair(tag, undefined);
  }
  // So is one in a build such a patch fails, whose refused patches are read for the editor to say why at them.
  for (const tag of failed) pair(tag, undefined);
  for (const file of refusedFiles) {
    if (isJsonPatchFile(file)) refusedJson(file);
    else if (run.inScope(file) && !byFile.has(file)) byFile.set(file, new Map());
  }
  // A null tag of a pair of the patch's own deletes the tag: left, which the Helm editor would fill, and said where its image moves.
  for (const tag of nulled) {
    pair(tag, undefined);
    const update = run.inScope(tag.file) && !run.overridden(tag.file, tag.key) && run.updatesFor(tag.file).find((u) => u.image.repository === tag.repository);
    if (update) warnings.push({ file: tag.file, line: tag.line, message: nullTagWarning(tag.key, update.image.name) });
  }
  warnLeftTags(run, unpaired, unknownRegistry, replaced, warnings);
  return byFile;
}

/** The paired tags' own repositories that kustomize merges over their base's registry (MergedOverBase), in the files this run edits. */
function mergedOverBases(run: PatchRun, paired: readonly PairedTag[]): MergedOverBase[] {
  return paired.flatMap(({ file, repositoryField: field, name }) => {
    const written = field && normalizeRepository(field.written);
    // The base's registry, as the pair's name spells it before the patch's repository.
    if (!written || written === normalizeRepository(name) || !name.endsWith(`/${field.written}`) || !run.inScope(file)) return [];
    return [{ file, line: field.line, written, name, registry: name.slice(0, -field.written.length - 1) }];
  });
}

/**
 * A warning at each tag left that this run would move, but those an override sets: one not paired (unpairedWarning), one
 * over a registry this run cannot read (unknownRegistryTagWarning), one whose mapping an op replaces (replacedWarning).
 */
function warnLeftTags(
  run: PatchRun,
  unpaired: readonly UnpairedTag[],
  unknownRegistry: readonly UnknownRegistryTag[],
  replaced: readonly ReplacedOverTag[],
  warnings: FieldWarning[],
): void {
  for (const tag of unpaired) {
    const update = run.inScope(tag.file) ? run.updatesFor(tag.file).find((u) => u.image.repository === tag.repository) : undefined;
    // A tag its policy would keep (a newer one, a release candidate under another range) is no news.
    if (!update || nextVersion(update, versionOf(tag.written, undefined)) === undefined || run.overridden(tag.file, tag.key)) continue;
    warnings.push(unpairedWarning(tag));
  }
  for (const tag of unknownRegistry) {
    if (!run.inScope(tag.file) || run.overridden(tag.file, tag.key)) continue;
    const images = unknownRegistryImages(tag.repository, run.updatesFor(tag.file), { tag: tag.written, digest: undefined });
    if (images.length > 0) warnings.push(unknownRegistryTagWarning(tag, images));
  }
  for (const tag of replaced) {
    if (!run.inScope(tag.file) || run.overridden(tag.file, tag.key)) continue;
    const update = run.updatesFor(tag.file).find((u) => tag.repositories.includes(u.image.repository));
    // A tag its policy would keep is no news, as for a tag not paired.
    if (update && nextVersion(update, versionOf(tag.written, undefined)) !== undefined) warnings.push(replacedWarning(tag, update.image.name));
  }
}

/**
 * A patch's own repository that kustomize merges over the registry its base gives: the image it names as written
 * (`repository: acme/podinfo`, Docker Hub's) is not the one deployed (ghcr.io/acme/podinfo), so one incoming by the
 * name as written reaches nothing there (unreached.ts names the one deployed).
 */
export interface MergedOverBase {
  /** The patch's file and the line of its repository. */
  readonly file: string;
  readonly line: number;
  /** The repository as written, normalised, the pair's name as deployed and the registry its base gives. */
  readonly written: string;
  readonly name: string;
  readonly registry: string;
}

/**
 * The repositories (normalised) the paired tags are of: an incoming image one is paired with reaches the tree, though
 * no file may spell it whole (a patch's `registry:` over its base's `repository:`).
 */
export function pairedRepositories(paired: PairedTags): Set<string> {
  const names = [...paired.values()].flatMap((documents) => [...documents.values()].flatMap((tags) => [...tags.values()]));
  return new Set(names.flatMap((name) => normalizeRepository(name ?? "") ?? []));
}

/** How a lone tag in an inline patch is set, which neither an override nor a marker reaches: as a pair of its own. */
const INLINE_PAIR = "write registry: and repository: as strings beside it in the patch, which makes it a pair of its own";

/** At a lone tag over a pair whose registry this run cannot read: the Helm editor's warning, with how to set the tag where it is written. */
function unknownRegistryTagWarning(tag: UnknownRegistryTag, images: readonly string[]): FieldWarning {
  const { key, repository, registry, file, line, inline } = tag;
  // An override reaches no field inside an inline patch's text, nor does a marker, which is string content there.
  if (inline) return { file, line, message: unknownRegistryWarning(registry, repository, key, images, INLINE_PAIR) };
  // Nor a patch file written as JSON, which an override refuses by name and no editor edits.
  if (isJsonPatchFile(file))
    return { file, line, message: unknownRegistryWarning(registry, repository, key, images, `change ${key} here by hand (${NO_JSON_OVERRIDE})`) };
  return unknownRegistryTag(file, line, key, { repository, unknown: registry, images });
}

/** At a lone tag not paired: which bases it may be the tag of, why it is not known, and how to have it set. */
function unpairedWarning(tag: UnpairedTag): FieldWarning {
  const { key, repository, file, line, inline, why, bases } = tag;
  const { ownRepository } = tag;
  const of = ownRepository ? `(its registry from ${andList(bases)})` : `(${andList(bases)}) alone`;
  const said = `${key} sets the tag of ${repository} ${of}, but its patch applies by ${why}, so which resource it deploys is not known here, and it was not moved: `;
  // An override reaches no field inside an inline patch's text.
  if (inline) {
    const beside = ownRepository ? "registry: as a string" : `repository: ${repository}`;
    return { file, line, message: `${said}write ${beside} beside it in the patch, which makes it a pair of its own` };
  }
  if (isJsonPatchFile(file)) {
    // The patch as YAML is a file an override edits: the entry names that file.
    const yaml = `${file.slice(0, -".json".length)}.yaml`;
    const { advice } = overrideAdvice(key, repository, { file: yaml, part: "tag" });
    return {
      file,
      line,
      message: `${said}${NO_JSON_OVERRIDE}; change it here by hand, or write the patch as YAML in ${yaml}, which the kustomization names instead, and ${advice}`,
    };
  }
  const { advice, about } = overrideAdvice(key, repository, { file, part: "tag" });
  return { file, line, message: said + advice, about };
}

/** Why a lone tag in a patch file written as JSON is set by hand: an override (configured or `--set`) edits only .k, .yaml and .yml files, and a marker is a YAML comment. */
const NO_JSON_OVERRIDE = "no marker or override edits this patch file written as JSON";

/**
 * At a tag whose mapping an op (or a merge's `$patch: replace`) replaces whole: the base's repository does not apply, so
 * it is no image known here; how to make it one, or have the patch merge over the base's.
 */
function replacedWarning(tag: ReplacedOverTag, image: string): FieldWarning {
  const { key, file, line, op, mapping, repository, registry, base } = tag;
  const fields = registry === undefined ? `repository: ${repository}` : `registry: ${registry} and repository: ${repository}`;
  // A null's op is the repository's key it deletes (nullRepository): the base's repository goes back in its place.
  const deleted = op.name === "null" ? String(op.path[op.path.length - 1]) : undefined;
  const [by, fix] = deleted
    ? [
        `${deleted}: null (line ${op.line}) deletes the repository of the ${formatPath(mapping)} mapping`,
        `write ${deleted}: ${repository} in its place to have it moved`,
      ]
    : op.name === "list"
      ? [
          `the patch's list ${op.pointer} (line ${op.line}) replaces the base's whole, as kustomize writes a custom resource's list`,
          `write ${fields} beside the tag, or set it with a JSON6902 op at ${pointerOf(mapping)}/tag`,
        ]
      : op.line === undefined
        ? [
            `${op.name} ${op.pointer} replaces the whole ${formatPath(mapping)} mapping`,
            `write ${fields} in the op's value, or patch ${op.pointer}${pointerOf(mapping.slice(op.path.length))}/tag alone`,
          ]
        : [
            `${op.name} in ${op.pointer} (line ${op.line}) replaces the whole ${formatPath(mapping)} mapping`,
            `write ${fields} beside the tag, or remove ${op.name} to merge the patch over the base's`,
          ];
  return {
    file,
    line,
    message:
      `${key} is not edited for ${image}: ${by}, so the base's repository ` +
      `(${repository}, ${base}) does not apply and the image it deploys is not known here (Helm takes the chart's default); ${fix}`,
  };
}

/** At a null tag of a pair of the patch's own (NullTag): why it is not filled for `image`, and how to have it moved. */
function nullTagWarning(key: string, image: string): string {
  return (
    `${key} is YAML's null, which kustomize reads as deleting the tag (the base's too: Helm takes the chart's default), ` +
    `so it is not filled for ${image}; write a tag there to have it moved`
  );
}

/**
 * Whether a patch file is written as JSON (`.json`): kustomize reads JSON as YAML (kubectl kustomize renders a JSON6902 op
 * list, or a strategic merge, in `p.json` as in `p.yaml`), so it is read as the others are. No editor edits it: the YAML
 * editors rewrite a version written as a JSON number unquoted (`"tag": 1` as `"tag": 1.1.0`), which is no JSON, and the
 * engine edits no `.json` file. A version in it this run would move is said instead (jsonPatchWarnings).
 */
export function isJsonPatchFile(path: string): boolean {
  return path.endsWith(".json");
}

/**
 * Said at a patch file written as JSON that kustomize refuses (refusedOpList: it starts with `[`, so kustomize decodes it as
 * JSON alone, and it is no JSON), on its first line, where that `[` is: in the words the YAML editor says at a YAML one (refusedOpListSaid).
 */
const REFUSED_JSON = refusedOpListSaid("this patch file written as JSON is not JSON", QUOTED_OPS);

/**
 * At each version a patch file written as JSON (isJsonPatchFile) among `files` (in the run's paths) writes, which the run would move
 * were it YAML: a container's image, or a Helm tag beside its own repository, of an incoming image whose policy
 * moves it (a lone Helm tag is said by patchedTags, once paired). Not of a build that fails (failsBuild), which deploys nothing;
 * at one that fails it, which is refused, why (REFUSED_JSON).
 */
export function jsonPatchWarnings(run: PatchRun, tree: KustomizeTree, files: ReadonlySet<string>, warnings: FieldWarning[]): void {
  const graph = graphOf(tree, run.valid.images);
  const documentsOf = patchReader(tree);
  const fails = failsBuild(tree, graph);
  const said = new Set<string>();
  // One kustomize refuses fails its builds (failsBuild), as the YAML editor says at a YAML one, which no editor reads here.
  for (const file of files) {
    const text = tree.patches.get(file);
    if (text !== undefined && refusedOpList(text, false)) warnings.push({ file, line: 1, message: REFUSED_JSON });
  }
  for (const { file } of tree.kustomizations) {
    const k = graph.at(posix.dirname(file));
    if (k?.file !== file || fails(k)) continue;
    for (const doc of documentsOf(k)) {
      const path = doc.patch.file;
      if (doc.patch.inline || !files.has(path)) continue;
      for (const value of doc.values) {
        const at = placeId(tagPlace(doc, value.key));
        const written = writtenVersion(doc, value);
        if (!written || said.has(at)) continue;
        said.add(at);
        jsonVersionWarning(run, path, value, written.name, written.version, warnings);
      }
    }
  }
}

/** The image a patch's value writes a version of: a container's image with a tag or digest, or a Helm tag beside its own repository (ownPair). */
function writtenVersion(doc: PatchDocument, value: PatchValue): { name: string; version: Version } | undefined {
  if (value.path[value.path.length - 1] === "image") {
    const ref = tryParseImageRef(value.node.text);
    return ref && (ref.tag !== undefined || ref.digest !== undefined) ? { name: ref.name, version: versionOf(ref.tag, ref.digest) } : undefined;
  }
  const mapping = helmTagMapping(value);
  if (!mapping || hasPlaceholder(value.node.text) || replacingOp(doc, mapping)?.deletes) return undefined;
  const own = ownField(doc, mapping);
  const name = ownPair(own) ? ownPairName(splitImage(own), doc) : undefined;
  return name === undefined ? undefined : { name, version: versionOf(value.node.text, undefined) };
}

/** At a version `name` is written at in a patch file written as JSON (`field`'s key and line): said where the run would move it, with how to have it moved. */
function jsonVersionWarning(
  run: PatchRun,
  file: string,
  field: { readonly key: string; readonly line: number },
  name: string,
  version: Version,
  warnings: FieldWarning[],
): void {
  const repository = normalizeRepository(name);
  const update = run.updatesFor(file).find((u) => u.image.repository === repository);
  const next = update && !run.overridden(file, field.key) ? nextVersion(update, version) : undefined;
  if (!next) return;
  const to = [next.tag, next.digest].filter((part) => part !== undefined).join("@");
  warnings.push({
    file,
    line: field.line,
    message:
      `${field.key} sets the version of ${name} in this patch file written as JSON, which kustomize reads but gitops-promote does not edit, ` +
      `so it is not moved to ${to}; write the patch as YAML (a .yaml file the kustomization names instead) to have it moved, or change it here by hand`,
  });
}

/**
 * Whether a text may hold a Flux HelmRelease, whose values a patch may set a tag of, or a JSON6902 op into one's values: a
 * screen before any pairing. Ops writing a pair in parts (splitPairTags) name its image with no base that does.
 */
export function mayHoldHelmRelease(text: string): boolean {
  return text.includes(FLUX_HELM) || text.includes("/spec/values/");
}
