/**
 * Images inside a kustomization's inline patches, where kustomize users often pin an image
 * instead of in `images:`: `patches[].patch`, `patchesStrategicMerge[]` strings and
 * `patchesJson6902[].patch` (a Flux Kustomization's `spec.patches[].patch`, a HelmRelease's
 * `spec.postRenderers[].kustomize.patches[].patch`, an Argo CD source's
 * `kustomize.patches[].patch`). The patch text
 * is parsed as YAML (JSON is YAML) and decided as a manifest is: a strategic-merge patch by
 * images.ts's container-image rule, a JSON6902 `add` or `replace` op as if its value were
 * written at its path. Each edit of the patch text is then moved to the file's bytes, which
 * is exact in two forms: a literal block (`|`), whose content line k is the file's line k
 * after the header minus the block indentation, and a one-line quoted string written as
 * quoting.ts writes its text, escaped character by character. In any other form (folded
 * `>`, several lines, escapes written otherwise) an image that would change is named in a
 * warning and nothing is edited. A Flux marker inside a patch is string content, no
 * comment Flux reads: it is left alone. A JSON6902 patch file (`path:` in a kustomization),
 * a YAML list of ops, is edited by the same op rule in its own bytes. A Helm tag a patch writes
 * alone, whose pair is the patched resource's (`request.pairedTags`), is set as that pair's tag
 * (helm.ts): an op's value at `…/tag` here, a `tag:` field by the Helm values rule.
 */
import type { EditRequest, FullEditRequest } from "../change.js";
import { normalizeRepository, tryParseImageRef } from "../image/reference.js";
import { pairName, splitImage } from "../image/split-image.js";
import { byRepository, nextReference, nextVersion, versionOf, type ImageUpdate } from "../image/update.js";
import { isFluxKustomization, isHelmRelease } from "./api-groups.js";
import { tryYamlFile, type YamlFile, type YamlDocument } from "./file.js";
import { editHelmValues, setHelmImage } from "./helm.js";
import { editImages, inContainerSpec, setImageScalar } from "./images.js";
import { isKustomization } from "./kustomize.js";
import { isFlowScalar, mapValue, nodeAt, scalarText, type ScalarNode, type YamlNode } from "./node.js";
import { formatPath, type PathSegment } from "./path.js";
import { leaveDeleted } from "./patch-directive.js";
import { EditPlan, type Editor, type PlannedChange } from "./plan.js";
import { sourcesOf } from "./argocd-parameters.js";
import { renderScalar, scalarForm } from "./quoting.js";
import { readRegistry } from "./registry.js";
import { appliedOps, isOpList, pointerPath, QUOTED_OPS, refusedOpList, refusedOpListSaid, VALUE_OPS } from "./json-patch.js";
import { forEachValue } from "./walk.js";

/** What kustomize reads a patch as: `patches[].patch` is a JSON6902 op list when it is a list, else a strategic merge. */
type PatchKind = "strategic-merge" | "json6902" | "either";

interface PatchString {
  readonly node: ScalarNode;
  readonly path: readonly PathSegment[];
  readonly kind: PatchKind;
  /** Inside a flow collection. */
  readonly inFlow: boolean;
}

export const editInlinePatches: Editor = (file, request, plan) => {
  const incoming = byRepository(request.images);
  if (incoming.size === 0) return;
  file.documents.forEach((document, index) => {
    const paired = request.pairedTags?.get(index);
    // A patch file a kustomization names by `path:` is its own YAML: a manifest is edited as one, an op list here.
    if (isOpList(document.root)) {
      if (refusedOpList(file.text, false)) plan.warn(document.root!.start, refusedWarning("this patch file"));
      else editOps(document, incoming, plan, request.kustomizeTagged, paired);
    }
    for (const patch of patchStrings(document, request.file)) if (!plan.isClaimed(patch.node)) editPatch(file, patch, document, request, plan, paired);
  });
};

/**
 * The inline patch strings of a document: a kustomization's; a Flux Kustomization's
 * `spec.patches` only (its older fields hold objects), as a HelmRelease's kustomize
 * post-renderers; and the `kustomize.patches` of an Argo CD source.
 */
function patchStrings(document: YamlDocument, file: string | undefined): PatchString[] {
  const found: PatchString[] = [];
  const inList = (path: readonly PathSegment[], field: string | undefined, kind: PatchKind) => {
    const list = nodeAt(document.root, path);
    if (list?.kind !== "seq") return;
    list.items.forEach((item, index) => {
      const node = field === undefined ? item : item.kind === "map" ? mapValue(item, field) : undefined;
      const inFlow = list.flow || (item.kind === "map" && item.flow);
      if (node?.kind === "scalar") found.push({ node, path: field === undefined ? [...path, index] : [...path, index, field], kind, inFlow });
    });
  };
  if (isHelmRelease(document.object)) {
    const renderers = nodeAt(document.root, ["spec", "postRenderers"]);
    if (renderers?.kind === "seq") renderers.items.forEach((_, i) => inList(["spec", "postRenderers", i, "kustomize", "patches"], "patch", "either"));
    return found;
  }
  for (const source of sourcesOf(document)) inList([...source, "kustomize", "patches"], "patch", "either");
  if (!isKustomization(document, file)) return found;
  if (isFluxKustomization(document.object)) {
    inList(["spec", "patches"], "patch", "either");
    return found;
  }
  inList(["patches"], "patch", "either");
  inList(["patchesStrategicMerge"], undefined, "strategic-merge");
  inList(["patchesJson6902"], "patch", "json6902");
  return found;
}

/**
 * Edits the images in one patch string where its form lets the edits be spliced exactly, else warns about them.
 * `paired` are the document's lone Helm tags by key, which those of the patch start with its own (`within`).
 */
function editPatch(
  file: YamlFile,
  patch: PatchString,
  document: YamlDocument,
  request: FullEditRequest,
  plan: EditPlan,
  paired: ReadonlyMap<string, string | undefined> | undefined,
): void {
  const key = formatPath(patch.path);
  if (patch.kind !== "strategic-merge" && refusedOpList(patch.node.text, true)) {
    plan.claim(patch.node);
    return plan.warn(patch.node.start, refusedWarning(key));
  }
  const content = tryYamlFile(patch.node.text);
  // A path to a patch file, or text kustomize itself will refuse: nothing to edit.
  if (!content) return;
  const inner = new EditPlan(content);
  const ops = patch.kind !== "strategic-merge" && content.documents[0]?.root?.kind === "seq";
  // An op's path continues the list the patch is (`patches[0].patch[1].value`); a manifest's follows a colon.
  const within = (text: string) => (ops ? `${key}${text}` : `${key}: ${text}`);
  const prefix = within("");
  const own = paired && new Map([...paired].flatMap(([at, name]) => (at.startsWith(prefix) ? [[at.slice(prefix.length), name] as const] : [])));
  // The patch is no file of its own: the kustomization's name says nothing of it.
  const patchRequest = { ...request, file: undefined };
  const innerRequest = own?.size ? { ...patchRequest, pairedTags: new Map([[0, own]]) } : { ...patchRequest, pairedTags: undefined };
  if (ops) editOps(content.documents[0]!, byRepository(request.images), inner, request.kustomizeTagged, own);
  else if (patch.kind !== "json6902") {
    // What a strategic merge's `$patch: delete` removes is deployed by none: no editor's.
    leaveDeleted(content, patchRequest, inner);
    editImages(content, patchRequest, inner);
  }
  // Helm values pairs as in a manifest: a HelmRelease's `spec.values` in a strategic merge, an op's `{repository, tag}` value.
  if (ops || patch.kind !== "json6902") editHelmValues(content, innerRequest, inner);
  const { changes, warnings } = inner.edits();
  if (changes.length === 0 && warnings.length === 0) return;
  const placement = placementOf(file, patch);
  if (typeof placement === "string") {
    if (changes.length > 0) {
      // A Helm tag names no image by itself: its field does.
      const name = ({ change }: PlannedChange) => (change.kind === "helm" ? change.key : (tryParseImageRef(change.old)?.name ?? change.old));
      const names = [...new Set(changes.map(name))].join(", ");
      plan.warn(
        patch.node.start,
        `${key} holds ${names} in a ${placement}, which is not edited; write the patch as a literal block scalar (|) to have its image updated`,
      );
    }
    // What the patch keeps (a tag its policy ranks higher, a bare repository) is said at the patch, whose lines are not the text's.
    for (const { message, kind } of warnings) plan.warn(patch.node.start, within(message), kind);
    return;
  }
  plan.claim(patch.node);
  for (const { splice, change } of changes) {
    plan.addSplice(
      { start: placement.at(splice.start), end: placement.at(splice.end), insert: placement.escape(splice.insert) },
      { ...change, key: within(change.key), object: document.object },
    );
  }
  for (const { offset, message, kind } of warnings) plan.warn(placement.at(offset), within(message), kind);
}

/** Said at a YAML patch kustomize refuses to read (refusedOpList, `what` naming it), which YAML's block list spells too (refusedOpListSaid). */
function refusedWarning(what: string): string {
  return refusedOpListSaid(
    `${what} starts with "[", so kustomize reads it as JSON, which it is not`,
    `it as JSON, ${QUOTED_OPS}, or as a YAML list (- op: replace)`,
  );
}

/**
 * A JSON6902 op list: an `add` or `replace` op's value is decided as if it were written at
 * the op's path (`/spec/template/spec/containers/0/image`, or a whole container at
 * `.../containers/-`), a Helm `{repository, tag}` in it by the Helm values rule (run after).
 * A `test` op's value is what the resource holds before the patch: it stays, claimed so no
 * later rule moves it, and an image in it that this run would move is warned about. A bare
 * image a kustomization building the patch tags (`kustomizeTagged`, kustomize tags after
 * patching) is left to it, as in a manifest. A value at `…/tag` that `paired` names (by its key,
 * `[0].value`) is the tag of the patched resource's Helm pair.
 */
function editOps(
  document: YamlDocument,
  incoming: ReadonlyMap<string, ImageUpdate>,
  plan: EditPlan,
  kustomizeTagged: EditRequest["kustomizeTagged"],
  paired: ReadonlyMap<string, string | undefined> | undefined,
): void {
  const list = document.root;
  if (list?.kind !== "seq") return;
  const ops = appliedOps(list);
  // What a later op overwrites of an earlier one's value kustomize does not render (appliedOps): no version deployed, left.
  const rendered = new Set(ops.flatMap((op) => op.values.map((value) => value.node)));
  for (const { index, name, pointer, value } of ops) {
    if (!value || (name !== "test" && !VALUE_OPS.has(name))) continue;
    const op = list.items[index]!;
    const target = pointerPath(pointer);
    forEachValue(value, ({ node, path, inFlow }) => {
      const at = [...target, ...path];
      const key = [index, "value", ...path];
      if (name === "test") {
        plan.claim(node);
        if (at[at.length - 1] === "image" || node.kind === "map") warnTest(node, key, document.root, incoming, plan);
        return;
      }
      if (!rendered.has(node)) return plan.claim(node);
      const field = { node, path: key, inFlow: inFlow || list.flow || (op.kind === "map" && op.flow) };
      const alone = path.length === 0 ? paired?.get(formatPath(key)) : undefined;
      if (alone !== undefined) return setHelmImage({ tag: field }, incoming, plan, document, alone);
      if (at[at.length - 1] !== "image") return;
      setImageScalar(field, "image", inContainerSpec(at), incoming, plan, document, kustomizeTagged);
    });
  }
}

/**
 * A `test` op holding an image this run would move on: the op is right to test the
 * resource before the patch, but when the tested field moves too (in the base), its old
 * value makes kustomize fail the whole build.
 */
function warnTest(node: YamlNode, key: readonly PathSegment[], root: YamlNode | null, incoming: ReadonlyMap<string, ImageUpdate>, plan: EditPlan): void {
  const held = testedImage(node, plan.file, root, incoming);
  if (held === undefined) return;
  plan.warn(
    node.start,
    `${formatPath(key)} holds ${held} in a test op, which is left as it is (it tests the resource before the patch); if this run moves the field it tests (in the base, say), kustomize fails the test: update its value or drop the op`,
  );
}

/**
 * The image a test op's value holds that this run would move: a whole reference, or a split image (Helm values') with
 * a tag, its registry read through an alias in `file`'s document whose root is `root`.
 */
function testedImage(node: YamlNode, file: YamlFile, root: YamlNode | null, incoming: ReadonlyMap<string, ImageUpdate>): string | undefined {
  if (isFlowScalar(node)) {
    const ref = tryParseImageRef(node.text);
    const update = ref && incoming.get(ref.repository);
    return update && nextReference(update, ref) !== undefined ? node.text : undefined;
  }
  if (node.kind !== "map") return undefined;
  // Fields read as nodes: an `image` beside, a mapping too, makes `name` no repository.
  const image = splitImage((key) => mapValue(node, key));
  const [repository, tag] = [image.repository, image.tag].map(scalarText);
  // Beside a registry this run cannot read, no image it knows: the pair is not moved, so the test holds.
  const name = repository && pairName(readRegistry(file, root, image.registry), repository);
  const update = name && tag ? incoming.get(normalizeRepository(name) ?? "") : undefined;
  return update && nextVersion(update, versionOf(tag, undefined)) !== undefined ? `${name}:${tag}` : undefined;
}

/** Where a scalar's text is in the file: the file offset of a text offset, and source bytes for inserted text. */
interface Placement {
  at(offset: number): number;
  escape(text: string): string;
}

/**
 * How edits of `patch`'s text land in the file, or the form of string they cannot be spliced
 * into exactly. A quoted string written as quoting.ts writes its text is that text escaped
 * character by character, so an escaped insertion at the escaped offset is the same edit.
 */
function placementOf(file: YamlFile, patch: PatchString): Placement | string {
  const { node, inFlow } = patch;
  const literal = node.style === "literal" ? literalPlacement(file.text, node) : undefined;
  if (literal) return literal;
  const form = scalarForm(node, file.text.slice(node.start, node.end), inFlow);
  if (form !== undefined) return form;
  // A plain string never holds a patch: `: `, `- `, `[` or `{` in it would make it a mapping or a list.
  if (!isFlowScalar(node) || node.style === "plain") return "plain string";
  const render = (text: string) => renderScalar(text, node.style, inFlow);
  return { at: (offset) => node.start + render(node.text.slice(0, offset)).length - 1, escape: (text) => render(text).slice(1, -1) };
}

/**
 * A literal block's content lines are the file's lines after the header, each indented by
 * the block indentation (found from the first non-empty line); undefined when a line does
 * not read so.
 */
function literalPlacement(text: string, node: ScalarNode): Placement | undefined {
  const lines = node.text.split("\n");
  /** Per content line: its offset in the scalar's text and in the file. */
  const starts: { readonly inText: number; readonly inFile: number }[] = [];
  let inText = 0;
  let lineStart = text.indexOf("\n", node.start) + 1;
  let indent: string | undefined;
  for (const line of lines) {
    const newline = text.indexOf("\n", lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    const raw = text.slice(lineStart, text[lineEnd - 1] === "\r" ? lineEnd - 1 : lineEnd);
    if (line !== "") {
      indent ??= raw.slice(0, raw.length - line.length);
      if (!/^ *$/.test(indent) || raw !== indent + line) return undefined;
    }
    starts.push({ inText, inFile: lineStart + (indent?.length ?? 0) });
    inText += line.length + 1;
    lineStart = lineEnd + 1;
  }
  return {
    at(offset) {
      let k = 0;
      while (k + 1 < starts.length && starts[k + 1]!.inText <= offset) k++;
      return starts[k]!.inFile + offset - starts[k]!.inText;
    },
    escape: (inserted) => inserted,
  };
}
